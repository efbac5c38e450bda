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

    single_source_claims: int = 4


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
    """The (1-based number, claim) pairs a view lists, and how many single-source claims it leaves out."""
    shown, left = [], 0
    singles = 0
    for n, claim in enumerate(story.claims, 1):
        if claim.verdict == "single_source":
            singles += 1
            if singles > options.single_source_claims:
                left += 1
                continue
        shown.append((n, claim))
    return shown, left


def sources_by_id(briefing: DailyBriefing) -> dict[str, Source]:
    return {s.id: s for s in briefing.sources}
