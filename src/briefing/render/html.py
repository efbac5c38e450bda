"""HTML for a Briefing: claims, disputes and checks, and the article with every located excerpt
marked at its place. Used by notebooks (``Briefing._repr_html_``) and ``briefing brief --html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import jinja2

from briefing.core.models import STATUS_LABEL, Briefing, Span, speaker_label
from briefing.core.wording import plural


@dataclass(frozen=True)
class Segment:
    """A run of article text and the claim numbers whose evidence covers it."""

    text: str
    claims: tuple[int, ...]
    ends: tuple[int, ...]  # claims whose evidence ends with this run


def segments(text: str, spans: list[tuple[int, Span]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each run knows which numbered spans cover it."""
    cuts = sorted({0, len(text), *(s.start for _, s in spans), *(s.end for _, s in spans)})
    runs = []
    for start, end in pairwise(cuts):
        covering = tuple(n for n, s in spans if s.start <= start and end <= s.end)
        ending = tuple(n for n, s in spans if s.end == end)
        runs.append(Segment(text[start:end], covering, ending))
    return runs


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing.render", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["speaker"] = speaker_label
    env.globals["STATUS_LABEL"] = STATUS_LABEL
    env.globals["plural"] = plural
    return env.get_template("briefing.html.j2")


def to_html(briefing: Briefing, text: str | None = None, *, full_page: bool = False) -> str:
    """Return ``briefing`` as HTML; with the article ``text``, the article follows with every
    located excerpt highlighted and numbered like its claim. ``full_page`` wraps it in a document.
    """
    spans = [(n, c.span) for n, c in enumerate(briefing.claims, 1) if c.span is not None]
    runs = segments(text, spans) if text is not None else None
    return _template().render(b=briefing, runs=runs, full_page=full_page)
