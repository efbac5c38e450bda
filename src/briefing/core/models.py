"""The domain model: the public contract shared by Python users, the CLI's JSON and the LLM schema.

Two layers live here. The ``Extracted*`` classes are exactly what the model fills (their field
descriptions are prompt text). ``Claim``, ``Position`` and ``Briefing`` extend them with what the
library computes: spans, grounding status, checks and run metadata. The model never sees those.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A surrogate on its own: a Python ``str`` holds a non-BMP character as one code point, so any
surrogate in one is lone."""

GroundingStatus = Literal["exact", "normalized", "fuzzy", "not_found"]
Stance = Literal["asserts", "denies", "questions"]
STATUS_LABEL: dict[str, str] = {
    "exact": "exact", "normalized": "normalized", "fuzzy": "fuzzy", "not_found": "NOT FOUND",
}
"""How each grounding status reads in a view (every view uses these words)."""


class Article(BaseModel):
    """One news article. Only ``text`` is required; offsets index ``text`` as a Python ``str``."""

    text: str = Field(description="The full article text, exactly as published.")
    id: str | None = Field(default=None, description="A stable identifier, e.g. the file name.")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet that published it.")
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date or timestamp.")
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="The outlet's labels from a sources file (the user's own: region, type, leaning); "
                    "empty for articles read from files.",
    )

    @field_validator("text", "id", "title", "source", "url", "published", mode="before")
    @classmethod
    def _whole_characters(cls, value: Any) -> Any:
        """A lone surrogate (``\\ud800`` in JSON) becomes U+FFFD, one for one (offsets stay): it
        cannot be written as UTF-8, so it would fail the day's output after all the work."""
        return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value

    @field_validator("labels", mode="before")
    @classmethod
    def _whole_label_characters(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {_LONE_SURROGATE.sub("\ufffd", k) if isinstance(k, str) else k:
                _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in value.items()}


class Span(BaseModel):
    """Half-open character offsets into ``Article.text``: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Difference(NamedTuple):
    """One place where an excerpt and the article part: the excerpt's words and the article's
    words there (either may be empty, for words added or left out)."""

    excerpt: str
    article: str


class ClaimKind(str, Enum):
    """What sort of statement a claim is."""

    fact = "fact"
    opinion = "opinion"
    prediction = "prediction"
    demand = "demand"
    denial = "denial"
    accusation = "accusation"


class Channel(str, Enum):
    """How a statement reached the article."""

    on_record = "on_record"  # said to the reporter or in public, speaker identified
    via_outlet = "via_outlet"  # the article cites another outlet's reporting (e.g. "told AFP")
    document = "document"  # a report, statement, filing, post or data release
    unattributed = "unattributed"  # the article's own voice


def _lenient(aliases: dict[str, str]) -> BeforeValidator:
    """Accept enum values as models write them: any case, spaces or hyphens, common variants.

    The schema still lists only the canonical values; this only spares a re-ask for "Opinion",
    "on the record" or "denied".
    """
    def canonical(value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            return aliases.get(key, key)
        return value
    return BeforeValidator(canonical)


KindValue = Annotated[ClaimKind, _lenient({
    "facts": "fact", "factual": "fact", "statement": "fact", "forecast": "prediction",
    "predict": "prediction", "call": "demand", "request": "demand", "demands": "demand",
    "deny": "denial", "rejection": "denial", "allegation": "accusation", "accuse": "accusation",
})]
ChannelValue = Annotated[Channel, _lenient({
    "on_the_record": "on_record", "onrecord": "on_record", "direct": "on_record",
    "outlet": "via_outlet", "via_media": "via_outlet", "media": "via_outlet",
    "report": "document", "statement": "document", "article": "unattributed", "none": "unattributed",
})]
StanceValue = Annotated[Stance, _lenient({
    "assert": "asserts", "asserted": "asserts", "supports": "asserts", "support": "asserts",
    "deny": "denies", "denied": "denies", "rejects": "denies", "disputes": "denies",
    "question": "questions", "questioned": "questions", "doubts": "questions",
})]


# --------------------------------------------------------------------------- what the LLM fills


class Speaker(BaseModel):
    """Who made a claim, and whether the article names them."""

    name: str = Field(
        description=(
            "The speaker as the article identifies them: a person's full name ('Jamie Shea'), "
            "an institution ('Moscow', 'the Kremlin'), or for unnamed sources the article's own "
            "description ('unnamed NATO diplomats', 'a senior official')."
        )
    )
    role: str | None = Field(
        default=None,
        description="Their title or affiliation as the article gives it ('former NATO official').",
    )
    anonymous: bool = Field(
        default=False,
        description="True when the article does not name the source (diplomats, officials, a source).",
    )
    via: str | None = Field(
        default=None,
        description=(
            "The outlet or document through which the article got the statement when it is not "
            "the article's own reporting, e.g. 'AFP' for 'told AFP' or 'AFP, citing diplomats'."
        ),
    )

    @property
    def label(self) -> str:
        """'Jamie Shea (Former NATO official)', or 'unnamed NATO diplomats [anon] via AFP'."""
        label = self.name
        if self.role and self.role.lower() not in self.name.lower():
            label += f" ({self.role})"
        if self.anonymous:
            label += " [anon]"
        if self.via:
            label += f" via {self.via}"
        return label


def speaker_label(speaker: Speaker | None) -> str:
    """``speaker.label``, or '(article)' for the article's own voice (no speaker)."""
    return "(article)" if speaker is None else speaker.label


class ExtractedClaim(BaseModel):
    """A key claim as the model reports it."""

    statement: str = Field(
        description="The claim restated plainly in one sentence, adding nothing the article does not say."
    )
    kind: KindValue = Field(
        description="fact, opinion, prediction, demand, denial or accusation."
    )
    speaker: Speaker | None = Field(
        default=None,
        description="Who makes the claim; null when it is the article's own voice.",
    )
    channel: ChannelValue = Field(
        default=Channel.unattributed,
        description=(
            "How it reached the article: on_record (said by an identified speaker), via_outlet "
            "(reported by another outlet such as AFP), document (a report or statement), or "
            "unattributed (the article's own voice)."
        ),
    )
    direct_quote: bool = Field(
        default=False,
        description="True when the evidence is words inside quotation marks in the article.",
    )
    @field_validator("speaker", mode="before")
    @classmethod
    def _speaker_as_name(cls, value: Any) -> Any:
        """A bare name where an object belongs ("speaker": "Jamie Shea") is that speaker."""
        if isinstance(value, str):
            return {"name": value} if value.strip() else None
        return value

    evidence: str = Field(
        description=(
            "A verbatim excerpt copied character for character from the article that carries the "
            "claim: the quoted words for a direct quote, the clause for a paraphrase. Never "
            "reword, abridge or fix it."
        )
    )


class ExtractedPosition(BaseModel):
    """One party's stance on a disputed assertion, as the model reports it."""

    party: str = Field(description="Who holds the position, as the article names them.")
    stance: StanceValue = Field(description="asserts, denies or questions the assertion.")
    evidence: str = Field(
        description="A verbatim excerpt of the article showing this position, copied exactly."
    )


class ExtractedDispute(BaseModel):
    """An assertion that parties in the article contest, as the model reports it."""

    assertion: str = Field(description="The contested assertion, stated neutrally.")
    positions: list[ExtractedPosition] = Field(
        description="Each party's position, at least two when the article shows both sides."
    )


class ExtractedBriefing(BaseModel):
    """The model's whole answer for one article."""

    headline: str = Field(description="A short, neutral headline for the article.")
    summary: str = Field(description="Two or three sentences that summarise the article.")
    claims: list[ExtractedClaim] = Field(description="The article's key claims, in article order.")
    disputes: list[ExtractedDispute] = Field(
        default_factory=list,
        description="Assertions the article shows parties contesting; empty when there are none.",
    )


# --------------------------------------------------------------------------- what the library fills


class FigureCheck(BaseModel):
    """A number in a claim's statement and whether the article contains it."""

    figure: str
    in_article: bool


class ClaimCheck(BaseModel):
    """In-article checks of one claim, computed by the library."""

    speaker_in_article: bool | None = Field(
        default=None, description="Whether the speaker's name or description occurs; None without speaker."
    )
    figures: list[FigureCheck] = Field(default_factory=list)
    long_evidence: bool = Field(
        default=False,
        description="The evidence runs to more than a few sentences: a passage, not a pointer to "
                    "what carries the claim (see checks.is_long_excerpt).",
    )

    @property
    def added_figures(self) -> list[str]:
        """Figures in the statement that the article does not contain."""
        return [f.figure for f in self.figures if not f.in_article]


class Grounded(BaseModel):
    """Library-filled grounding of one evidence excerpt."""

    span: Span | None = None
    grounding: GroundingStatus = "not_found"
    source_text: str | None = Field(
        default=None,
        description="The article's own text at the span, when it differs from the evidence.",
    )
    differences: list[Difference] = Field(
        default_factory=list,
        description=(
            "Where the evidence parts from the article: (evidence words, article words) pairs. "
            "Empty for exact and normalized grounding."
        ),
    )
    nearest: Span | None = Field(
        default=None,
        description=(
            "For evidence not found: the article passage it resembled, which a difference in "
            "meaning (a negation, a figure, word order) kept from being located."
        ),
    )
    parts: list[Span] = Field(
        default_factory=list,
        description=(
            "Where the speaker's words are when the span holds an attribution between them: "
            "'\"A,\" she said. \"B.\"' has two parts, A and B. Empty when the whole span is theirs."
        ),
    )


class Claim(Grounded, ExtractedClaim):
    """A claim with its evidence located in the article."""

    check: ClaimCheck | None = None


class Position(Grounded, ExtractedPosition):
    """A dispute position with its evidence located in the article."""


class Dispute(ExtractedDispute):
    """A disputed assertion with grounded positions."""

    positions: list[Position]  # type: ignore[assignment]  # pydantic fields may narrow


class Usage(BaseModel):
    """Tokens and requests spent on one briefing."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = 0
    cached_prompt_tokens: int = Field(default=0, description="Prompt tokens the provider served from its prompt cache (billed lower).")
    cost_usd: float | None = Field(default=None, description="US dollars, from the price table; None when the model has no known price.")


class UntrustedClaim(BaseModel):
    """Why one claim needs a human look, and where its evidence parts from the article."""

    claim: int = Field(description="Index into Briefing.claims.")
    reasons: list[str] = Field(default_factory=list)
    differences: list[Difference] = Field(default_factory=list)


class GroundingSummary(BaseModel):
    """Counts of evidence by grounding status, and the claims a reader should not trust."""

    counts: dict[str, int] = Field(default_factory=dict)
    untrusted: list[int] = Field(
        default_factory=list, description="Indexes into Briefing.claims that need a human look."
    )
    details: list[UntrustedClaim] = Field(
        default_factory=list, description="For each untrusted claim, why, with its differences."
    )


class Briefing(ExtractedBriefing):
    """A grounded briefing of one article."""

    model_config = ConfigDict(protected_namespaces=())

    claims: list[Claim]  # type: ignore[assignment]  # pydantic fields may narrow
    disputes: list[Dispute] = Field(default_factory=list)  # type: ignore[assignment]
    article: str | None = Field(default=None, description="The Article's id.")
    url: str | None = Field(default=None, description="The Article's url, as given.")
    published: str | None = Field(default=None, description="The Article's publication date, as given.")
    extractor: Literal["llm", "offline"] = "llm"
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = Field(default_factory=Usage)
    grounding_summary: GroundingSummary | None = None
    warnings: list[str] = Field(default_factory=list)
    cached: bool = Field(
        default=False,
        description="True when this briefing came from the on-disk cache (no request was sent; usage is the original run's).",
    )

    def _repr_html_(self) -> str:
        """The notebook view (see ``briefing.render.to_html`` to include the marked-up article)."""
        from briefing.render.html import (
            to_html,  # presentation is loaded only when a notebook asks
        )

        return to_html(self)
