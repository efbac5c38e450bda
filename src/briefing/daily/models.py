"""The daily briefing's data model: the public contract of ``daily()`` and ``briefing daily --json``.

Field names here are contract (``title``, ``date``, ``stories``, ``sources``, ``usage``,
``extractor``; a story's ``id``, ``headline``, ``summary``, ``articles``, ``claims``,
``disputes``; a story claim's ``statement``, ``speaker``, ``verdict``, ``reports``; a report's
``article``, ``evidence``, ``span``, ``grounding``). Fields may be added, never renamed. This
module imports no view: HTML and Markdown come from ``briefing.render`` on demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from briefing.core.models import (
    Difference,
    GroundingStatus,
    Span,
    Speaker,
    Stance,
    Usage,
)

if TYPE_CHECKING:
    import pandas

Verdict = Literal["corroborated", "single_source", "contested"]
Relation = Literal["same", "contradicts", "unclear"]
StoryChange = Literal["new", "continuing"]
ClaimChange = Literal["new", "repeated", "updated"]


class Report(BaseModel):
    """One article's report of a story claim, grounded in that article's own text.

    ``text[span.start:span.end] == evidence`` in the article named by ``article``, or
    ``grounding`` is ``not_found`` and ``span`` is None.
    """

    article: str
    evidence: str
    span: Span | None = None
    grounding: GroundingStatus = "not_found"
    differences: list[Difference] = Field(
        default_factory=list,
        description="Words where this report differs from the claim's first report (figures, wording).",
    )
    agreement: Relation | None = Field(
        default=None,
        description=(
            "What the library's agreement rule says of this report's words against the claim's first "
            "report: same (corroborates: modifiers left out, numbers as words, converted units), "
            "contradicts (a figure, negation, direction word or date differs: the claim is contested) "
            "or unclear (linked, e.g. amounts in two currencies; not counted as corroboration by "
            "default). None for the first report."
        ),
    )
    notes: list[str] = Field(
        default_factory=list,
        description=(
            "What the reader should know about this report: conversions made (\"15 miles ≈ 24 km\"), why "
            "it contradicts (\"140 ≠ 400\"), or why it is linked without counting (\"different currencies\")."
        ),
    )


class StoryClaim(BaseModel):
    """A claim merged across the story's articles, with a report per article that carries it."""

    statement: str
    speaker: Speaker | None = None
    verdict: Verdict
    reports: list[Report]
    kind: str | None = None
    direct_quote: bool = False
    change: ClaimChange | None = Field(
        default=None,
        description=(
            "Against the earlier day (``diff``): new, repeated (the same words), or updated (a figure, a "
            "negation, a direction word or a date changed since). None without history."
        ),
    )
    previous: list[Report] | None = Field(
        default=None,
        description="The earlier day's reports of an updated claim (their article ids are that day's); None otherwise.")
    change_notes: list[str] = Field(
        default_factory=list,
        description="What an updated claim changed, earlier value first (\"140 → 200\", \"a negation added or dropped\").",
    )


class StoryPosition(BaseModel):
    """One party's stance in a story dispute, from one article."""

    party: str
    stance: Stance
    article: str
    evidence: str
    span: Span | None = None
    grounding: GroundingStatus = "not_found"


class StoryDispute(BaseModel):
    """An assertion contested in the story, positions merged across its articles."""

    assertion: str
    positions: list[StoryPosition]


class CitedSentence(BaseModel):
    """A summary sentence and the story claims (1-based indexes into ``Story.claims``) it rests on."""

    text: str
    claims: list[int] = Field(default_factory=list)


class Coverage(BaseModel):
    """Which outlets carry a story, and which of the day's label groups do and do not.

    Outlets are the articles' ``source`` (a sources file's outlet name, else the feed's title),
    copies included, compared without regard to case or spacing. Label values come from the
    sources file's ``labels`` and are compared the same way; each is shown as first spelled.
    """

    outlets: list[str] = Field(description="The outlets that carry the story, in the order they first appear.")
    labels: dict[str, dict[str, int]] = Field(
        default_factory=dict,
        description="For each label key, the values of the story's outlets with how many of its outlets have each.",
    )
    missing: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For each label key, the values of the day's outlets that no outlet of the story has.",
    )
    unlabeled: list[str] = Field(
        default_factory=list, description="The story's outlets without any label (empty when the day has no labels).",
    )
    one_sided: list[str] = Field(
        default_factory=list,
        description=(
            "Label keys on which the story is carried by one group only (a 'blindspot'): the day's outlets "
            "have two or more values for the key, every outlet of the story has the key, all with the same "
            "value, and the story has at least the minimum number of outlets (CoverageOptions)."
        ),
    )


class Story(BaseModel):
    """One real-world event, however many outlets cover it."""

    id: str
    headline: str
    summary: str
    articles: list[str] = Field(description="Article ids (the file stem for files), in input order.")
    claims: list[StoryClaim] = Field(default_factory=list)
    disputes: list[StoryDispute] = Field(default_factory=list)
    summary_sentences: list[CitedSentence] = Field(
        default_factory=list,
        description="The summary sentence by sentence with the claims each cites (model synthesis only).",
    )
    coverage: Coverage | None = Field(
        default=None, description="The outlets and label groups that carry the story; None when no article names its outlet.",
    )
    change: StoryChange | None = Field(
        default=None,
        description="Against the earlier day (``diff``): new, or continuing (keeps that day's story id). None without history.",
    )


class DroppedStory(BaseModel):
    """A story of the earlier day that no story of this day continues."""

    id: str
    headline: str
    outlets: list[str] = Field(default_factory=list, description="The outlets that carried it that day.")


class Copy(BaseModel):
    """Another outlet's copy of a syndicated article (the same wire story)."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    labels: dict[str, str] = Field(default_factory=dict, description="The outlet's labels (from a sources file).")


class Source(BaseModel):
    """An article of the day: where it came from, and the outlets that ran the same text."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    copies: list[Copy] = Field(default_factory=list, description="Exact or near-duplicate copies merged into this one.")
    labels: dict[str, str] = Field(default_factory=dict, description="The outlet's labels (from a sources file).")


class DailyBriefing(BaseModel):
    """A day's articles grouped into stories, claims linked across outlets."""

    model_config = ConfigDict(protected_namespaces=())

    title: str
    date: str | None = None
    stories: list[Story]
    sources: list[Source]
    usage: Usage = Field(default_factory=Usage)
    extractor: Literal["llm", "offline"] = "offline"
    model: str | None = None
    grouping: Literal["model", "offline"] = "offline"
    warnings: list[str] = Field(default_factory=list)
    failures: list[str] = Field(default_factory=list, description="One line per article that could not be read or briefed.")
    previous_date: str | None = Field(
        default=None, description="The earlier day this one was compared with (``diff``); None without history.")
    dropped: list[DroppedStory] = Field(
        default_factory=list, description="The earlier day's stories that no story of this day continues.")

    def to_records(self) -> dict[str, list[dict[str, str | int | bool | None]]]:
        """The briefing as flat tables of plain dicts: ``stories``, ``claims``, ``reports`` and
        ``coverage``, linked by ids (``briefing.daily.records``); needs no pandas."""
        from briefing.daily.records import to_records

        return to_records(self)

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """``to_records`` as pandas DataFrames, one per table.

        Raises:
            ConfigurationError: pandas is not installed (``pip install 'grounded-briefing[frames]'``).
        """
        from briefing.daily.records import to_frames

        return to_frames(self)

    def _repr_html_(self) -> str:
        """The notebook hook, the one view this model imports (lazily): ``daily_to_html`` without the page."""
        from briefing.daily.html import daily_to_html

        return daily_to_html(self, full_page=False)
