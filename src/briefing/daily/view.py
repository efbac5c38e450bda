"""What the Markdown, Slack and HTML views of a ``DailyBriefing`` show, computed once for all:
the day in reading order (``briefing.daily.ranking``), the main stories and the "Also reported"
ones, the top claims of each story numbered 1..N, source names and safe links. Presentation
only: nothing here changes the briefing, and the JSON keeps every claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from briefing.core.errors import ConfigurationError
from briefing.core.shown import shown
from briefing.core.wording import plural
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim
from briefing.daily.ranking import PRONOUNS, rank_day, split_day


def one_line(text: str) -> str:
    """``text`` on one line, safe to show anywhere: escape sequences and other control characters,
    and the invisible marks that reorder text (bidirectional overrides), are dropped
    (``core.shown``); runs of white space become one space."""
    return " ".join(shown(text).split())


VERDICT_LABEL = {"corroborated": "corroborated", "single_source": "one source", "contested": "contested"}

DEFAULT_MAX_CLAIMS = 8
"""How many claims a view shows per story when not told (``briefing daily --max-claims``)."""

DEFAULT_MAX_OUTLETS = 3
"""How many of a story's articles its outlet line names when not told; the rest are counted."""


@dataclass(frozen=True)
class ViewOptions:
    """``max_claims``: how many claims each story shows, the most important first (default 8);
    the rest stay in the JSON and the view says how many. ``max_outlets``: how many of a
    story's articles its outlet line names (default 3), so a story that twenty outlets carry
    does not fill the first screen with their names; the line says how many more.

    Raises:
        ConfigurationError: ``max_claims`` below 0, or ``max_outlets`` below 1.
    """

    max_claims: int = DEFAULT_MAX_CLAIMS
    max_outlets: int = DEFAULT_MAX_OUTLETS

    def __post_init__(self) -> None:
        if self.max_claims < 0:
            raise ConfigurationError(f"max_claims must be 0 or more, not {self.max_claims}")
        if self.max_outlets < 1:
            raise ConfigurationError(f"max_outlets must be 1 or more, not {self.max_outlets}")


@dataclass(frozen=True)
class DayLayout:
    """A day as a view lays it out: ``day`` in reading order, its ``stories`` (the main list) and
    the ``also`` reported ones (one article, nothing corroborated), each in ranked order."""

    day: DailyBriefing
    stories: list[Story]
    also: list[Story]


def layout(briefing: DailyBriefing) -> DayLayout:
    """The day ranked (a day ``daily()`` built already is: then this only splits it) and split into
    the main stories and the "Also reported" ones."""
    day = rank_day(briefing)
    stories, also = split_day(day)
    return DayLayout(day, stories, also)


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


def day_line(briefing: DailyBriefing) -> str:
    """'3 stories from 14 articles · offline rule-based extractor' (plain text: a view escapes it)."""
    how = "offline rule-based extractor" if briefing.extractor == "offline" else (briefing.model or "a model")
    return (f"{plural(len(briefing.stories), 'story', 'stories')} from {plural(len(briefing.sources), 'article')}"
            f" · {how}")


def source_name(source: Source | None, article: str) -> str:
    """The outlet, else the title, else the article id."""
    if source is None:
        return article
    return source.source or source.title or source.id


def source_line(source: Source) -> tuple[str, list[str]]:
    """A source's line in the sources list: its label (the title, else the outlet, else the
    article id) and the details after it (the outlet when the title leads, the date, and the id
    unless the id is the label)."""
    label = source.title or source.source or source.id
    details = (source.source if source.title else None, source.published, source.id if source.id != label else None)
    return label, [x for x in details if x]


def shown_claims(story: Story, options: ViewOptions = ViewOptions()) -> tuple[list[tuple[int, StoryClaim]], int]:
    """The (number, claim) pairs a view lists: the story's first ``options.max_claims`` claims (a
    ranked story's most important), numbered 1..N without gaps as in ``Story.claims``, and how
    many more the JSON holds."""
    shown = list(enumerate(story.claims[:options.max_claims], 1))
    return shown, len(story.claims) - len(shown)


def listed_articles(story: Story, options: ViewOptions = ViewOptions()) -> tuple[list[str], int]:
    """The story's articles its outlet line names (the first ``options.max_outlets``), and how
    many more it carries."""
    listed = story.articles[:options.max_outlets]
    return listed, len(story.articles) - len(listed)


def more_outlets(left: int) -> str:
    """The words after the named outlets: "" when none is left out, else " and 3 more"."""
    return f" and {left} more" if left else ""


def cited_shown(number: int, story: Story, options: ViewOptions = ViewOptions()) -> bool:
    """True when claim ``number`` (1-based, as a summary sentence cites it) is listed in the view."""
    return 1 <= number <= min(options.max_claims, len(story.claims))


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


def differs(report: Report) -> bool:
    """True when a report's words contradict the claim's first report (shown in red): the
    library's agreement rule said so, or, in a briefing made before it was recorded, the words part."""
    return report.agreement == "contradicts" or (report.agreement is None and bool(report.differences))


def report_notes(report: Report) -> list[str]:
    """The report's notes a view shows: all but one that only repeats a shown difference ("140 ≠
    200" beside "differs: 140 → 200"); what it adds in brackets keeps it ("140 ≠ 200 (the same
    qualifier, another figure)")."""
    shown = {f"{d.excerpt} ≠ {d.article}" for d in report.differences}
    return [note for note in report.notes if note not in shown]


def named(claim: StoryClaim) -> bool:
    """True when the claim has a speaker that is more than a pronoun."""
    return claim.speaker is not None and claim.speaker.name.strip().lower() not in PRONOUNS


def who(claim: StoryClaim) -> str:
    """The speaker's name, 'unattributed quote' for a quote without one, else 'no source named' (the
    outlets' own words: in a story of several articles, "the article" would not say which)."""
    if claim.speaker is not None:
        return claim.speaker.name
    return "unattributed quote" if claim.direct_quote else "no source named"


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
