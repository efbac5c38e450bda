"""What the Markdown and HTML views of a ``DailyBriefing`` show, computed once for both: which
claims to list (contested and corroborated first, a few single-source ones), source names and
safe links. Presentation only: nothing here changes the briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim

VERDICT_LABEL = {"corroborated": "corroborated", "single_source": "one source", "contested": "contested"}


@dataclass(frozen=True)
class ViewOptions:
    """``single_source_claims``: how many single-source claims each story lists (all contested
    and corroborated ones are listed); the rest stay in the JSON."""

    single_source_claims: int = 6


_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")


def _url_char(char: str) -> str:
    if char in _URL_SAFE or (ord(char) > 127 and char.isprintable() and not char.isspace()):
        return char
    return quote(char, safe="")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, with every character a link destination may not hold
    (spaces, line breaks, controls, ``<>"\\`^{|}``) percent-encoded, so that it cannot end a Markdown
    link or open HTML; None for anything else (``javascript:``, ``data:``, junk)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return "".join(map(_url_char, url.strip()))


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
    singles.sort(key=lambda item: (len(item[1].reports[0].evidence.split()) < 4 if item[1].reports else True,
                                   not (item[1].direct_quote and named(item[1])), item[0]))
    kept = {n for n, _ in singles[:options.single_source_claims]}
    shown = [(n, c) for n, c in numbered if c.verdict != "single_source" or n in kept]
    return shown, len(singles) - len(kept)


def same_words(reports: list[Report]) -> list[list[Report]]:
    """Reports grouped by identical wording (first appearance order), so a quotation that six
    outlets carry word for word is shown once with six links; reports with differences or notes
    stand alone."""
    groups: list[list[Report]] = []
    by_words: dict[str, list[Report]] = {}
    for report in reports:
        if report.differences or report.notes or report.grounding == "not_found":
            groups.append([report])
            continue
        key = _fold(report.evidence)
        if key in by_words:
            by_words[key].append(report)
        else:
            by_words[key] = [report]
            groups.append(by_words[key])
    return groups


_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "someone", "one"])


def differs(report: Report) -> bool:
    """True when a report's words contradict the claim's first report (shown in red): the
    library's agreement rule said so, or, in a briefing made before it was recorded, the words part."""
    return report.agreement == "contradicts" or (report.agreement is None and bool(report.differences))


def named(claim: StoryClaim) -> bool:
    """True when the claim has a speaker that is more than a pronoun."""
    return claim.speaker is not None and claim.speaker.name.strip().lower() not in _PRONOUNS


def who(claim: StoryClaim) -> str:
    """The speaker's name, 'unattributed quote' for a quote without one, else 'the article'."""
    if claim.speaker is not None:
        return claim.speaker.name
    return "unattributed quote" if claim.direct_quote else "the article"


def statement_adds(claim: StoryClaim) -> bool:
    """False when the statement only repeats the speaker and the first report's words (as the
    offline extractor's do), so a view need not print the same words twice."""
    if not claim.reports:
        return True
    words = _fold(claim.statement)
    evidence = _fold(claim.reports[0].evidence)
    if claim.speaker is not None:
        words = words.removeprefix(_fold(claim.speaker.name)).strip(" :")
    return words != evidence


def _fold(text: str) -> str:
    return " ".join("".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace()).split())


def sources_by_id(briefing: DailyBriefing) -> dict[str, Source]:
    return {s.id: s for s in briefing.sources}
