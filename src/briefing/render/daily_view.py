"""What the Markdown and HTML views of a ``DailyBriefing`` show, computed once for both: which
claims to list (contested and corroborated first, a few single-source ones), source names and
safe links. Presentation only: nothing here changes the briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing.daily.models import DailyBriefing, Source, Story, StoryClaim

VERDICT_LABEL = {"corroborated": "corroborated", "single_source": "one source", "contested": "contested"}


@dataclass(frozen=True)
class ViewOptions:
    """``single_source_claims``: how many single-source claims each story lists (all contested
    and corroborated ones are listed); the rest stay in the JSON."""

    single_source_claims: int = 6


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link; None for anything else (``javascript:``, ``data:``, junk)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def source_name(source: Source | None, article: str) -> str:
    """The outlet, else the title, else the article id."""
    if source is None:
        return article
    return source.source or source.title or source.id


def shown_claims(story: Story, options: ViewOptions = ViewOptions()) -> tuple[list[tuple[int, StoryClaim]], int]:
    """The (1-based number, claim) pairs a view lists, in number order, and how many single-source
    claims it leaves out. Every contested and corroborated claim is listed; of the single-source
    ones, quotes with a named speaker come first."""
    numbered = list(enumerate(story.claims, 1))
    singles = [(n, c) for n, c in numbered if c.verdict == "single_source"]
    singles.sort(key=lambda item: (not (item[1].direct_quote and item[1].speaker is not None), item[0]))
    kept = {n for n, _ in singles[:options.single_source_claims]}
    shown = [(n, c) for n, c in numbered if c.verdict != "single_source" or n in kept]
    return shown, len(singles) - len(kept)


def sources_by_id(briefing: DailyBriefing) -> dict[str, Source]:
    return {s.id: s for s in briefing.sources}
