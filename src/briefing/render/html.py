"""HTML for a Briefing: claims, disputes and checks, and the article with every located excerpt
marked at its place. Used by notebooks (``Briefing._repr_html_``) and ``briefing brief --html``.
"""

from __future__ import annotations

from functools import cache

import jinja2

from briefing.core.models import STATUS_LABEL, Briefing, Claim, Span, speaker_label
from briefing.core.shown import shown_value
from briefing.core.wording import plural
from briefing.text.segments import Segment, segments

__all__ = ["Segment", "segments", "shows_statement", "to_html"]


def shows_statement(claim: Claim) -> bool:
    """False when the statement holds the evidence word for word (as the offline extractor's
    "Speaker: evidence" does), so the view shows those words once, as the evidence."""
    return claim.evidence not in claim.statement


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing.render", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        finalize=shown_value,
    )
    env.filters["speaker"] = speaker_label
    env.globals.update(STATUS_LABEL=STATUS_LABEL, plural=plural, shows_statement=shows_statement)
    return env.get_template("briefing.html.j2")


def _marks(briefing: Briefing) -> tuple[list[tuple[str, Span]], dict[str, tuple[str, str, str]], set[str]]:
    """The located spans of claims and dispute positions by anchor id, for each anchor the item
    it marks (element id, short label, long label), and the anchors of a claim's parts before
    its last one. A claim with ``parts`` ('“A,” she said. “B.”') marks only the speaker's words;
    its first part keeps the claim's anchor, and its number follows the last part."""
    spans: list[tuple[str, Span]] = []
    back: dict[str, tuple[str, str, str]] = {}
    inner: set[str] = set()
    for n, claim in enumerate(briefing.claims, 1):
        if claim.span is None:
            continue
        parts = claim.parts or [claim.span]
        for k, part in enumerate(parts):
            key = f"ev-{n}" if k == 0 else f"ev-{n}-{k + 1}"
            spans.append((key, part))
            back[key] = (f"claim-{n}", str(n), f"claim {n}")
            if k < len(parts) - 1:
                inner.add(key)
    for d, dispute in enumerate(briefing.disputes, 1):
        for p, position in enumerate(dispute.positions, 1):
            if position.span is not None:
                spans.append((f"ev-d{d}-{p}", position.span))
                back[f"ev-d{d}-{p}"] = (f"dispute-{d}", f"D{d}", f"dispute {d}")
    return spans, back, inner


def to_html(briefing: Briefing, text: str | None = None, *, full_page: bool = False) -> str:
    """Return ``briefing`` as HTML; with the article ``text``, the article follows with every
    located excerpt highlighted and numbered like its claim, and each claim links to its place.
    A span that does not fit ``text`` is not marked. ``full_page`` wraps it in a document.
    """
    spans, back, inner = _marks(briefing)
    runs = segments(text, spans) if text is not None else None
    anchors = {key for run in runs or () for key in run.starts}

    def targets(keys: tuple[str, ...]) -> list[tuple[str, str, str]]:
        return list(dict.fromkeys(back[k] for k in keys))  # two positions of one dispute: one link

    def numbers(keys: tuple[str, ...]) -> list[tuple[str, str, str]]:
        return targets(tuple(k for k in keys if k not in inner))  # a claim's number after its last part

    return _template().render(b=briefing, runs=runs, anchors=anchors, full_page=full_page, targets=targets,
                              numbers=numbers)
