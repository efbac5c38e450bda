"""The rules of ``check``: its types, how a claim is read, what one alignment says about it, and
the verdict's bookkeeping. Both the offline and the model checker import this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from briefing.core.errors import InputError
from briefing.core.models import Article, Difference, GroundingStatus, Span, Usage
from briefing.grounding.agreement import AgreementOptions, agree, word_differences
from briefing.grounding.aligner import Alignment
from briefing.grounding.inorder import Token, find_in_order
from briefing.grounding.spans import reach_edges, widen
from briefing.text.fold import STOPWORDS, normalized, split_words
from briefing.text.marks import find_quotes

Verdict = Literal["supported", "contradicted", "not_mentioned"]
EvidenceStance = Literal["supports", "contradicts"]


class Evidence(BaseModel):
    """One excerpt that bears on the claim, located in a named article by the library."""

    article: str = Field(description="The id of the article the excerpt comes from.")
    evidence: str = Field(description="The article's own words: text[span.start:span.end].")
    span: Span | None = Field(default=None, description="Where ``evidence`` sits in the article's text.")
    grounding: GroundingStatus = Field(
        default="not_found",
        description=(
            "How the words compared (the claim's offline, the model's excerpt with a model) matched "
            "the article at ``span``: exact, normalized or fuzzy; not_found for article words that "
            "the claim's words only resembled, with a negation or a figure changed (they contradict)."
        ),
    )
    stance: EvidenceStance
    differences: list[Difference] = Field(
        default_factory=list,
        description="Where the compared words and the article's part: (their words, article words).",
    )


class Verification(BaseModel):
    """The answer to "is this claim in these articles, and who says otherwise?"."""

    model_config = {"protected_namespaces": ()}

    claim: str
    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list)
    unverified: list[Evidence] = Field(
        default_factory=list,
        description="Excerpts the model gave that are not in the article it named; never counted.",
    )
    notes: list[str] = Field(default_factory=list)
    checker: Literal["offline", "llm"] = "offline"
    model: str | None = None
    usage: Usage = Field(default_factory=Usage)


@dataclass(frozen=True)
class CheckOptions:
    """Every knob of a check, with its default.

    Attributes:
        passages: the top passages sent to the model (one request of about this many sentences).
        offline_passages: the top passages the offline rules align against; enough to reach every
            article of a day that carries a quotation.
        context: neighbouring passages on each side that a located excerpt may run into.
        max_passage_chars: the longest passage; longer sentences are cut at spaces.
        max_claim_chars: the longest claim accepted (a claim is one statement, not an article).
        min_quote_words: a quotation inside a claim shorter than this is part of the claim, not
            an excerpt to align on its own (scare quotes such as "nonsense").
        grounding_reasks: how often the model is asked again for an excerpt not located.
        agreement: when the article's words say the same as the claim's, and when they
            contradict it (``AgreementOptions``: unit conversion tolerance, lexicons' language).
        own_article_contradicts_verbatim: whether another passage of an article that carries
            the claim (its words, or the same after reading number words and converting units)
            may contradict it. Default False: an article that prints "three children" and
            elsewhere "two children" speaks of two people or times; the other passage is noted,
            not counted. Other articles' contradictions always count.
    """

    passages: int = 8
    offline_passages: int = 100
    context: int = 1
    max_passage_chars: int = 600
    max_claim_chars: int = 2000
    min_quote_words: int = 3
    grounding_reasks: int = 1
    agreement: AgreementOptions = field(default_factory=AgreementOptions)
    own_article_contradicts_verbatim: bool = False


@dataclass(frozen=True)
class ClaimParts:
    """A claim as checked: the statement shown, the excerpts aligned, and the words retrieved by."""

    statement: str
    excerpts: tuple[str, ...]
    around: str = ""  # the statement's words outside the quotations checked, if any

    @property
    def query(self) -> str:
        return " ".join((self.statement, *self.excerpts))


# --------------------------------------------------------------------------- input


def claim_parts(claim: Any, *, options: CheckOptions = CheckOptions()) -> ClaimParts:
    """Read a claim: a string (its quotations, if any, are the excerpts), a briefing ``Claim``
    (its evidence) or a story claim (its reports' evidence).

    Raises:
        InputError: an empty or over-long claim, or something that is not a claim.
    """
    excerpts: tuple[str, ...] = ()
    if isinstance(claim, str):
        statement = claim.strip()
    elif isinstance(getattr(claim, "statement", None), str):
        statement = claim.statement.strip()
        found = [getattr(claim, "evidence", None)]
        found += [r.get("evidence") if isinstance(r, dict) else getattr(r, "evidence", None)
                  for r in getattr(claim, "reports", None) or ()]
        excerpts = tuple(dict.fromkeys(e.strip() for e in found if isinstance(e, str) and e.strip()))
    else:
        raise InputError(f"cannot check a {type(claim).__name__}: pass the claim as a string, or a "
                         "Claim with a statement", reason="claim")
    if not statement and not excerpts:
        raise InputError("the claim is empty: give the statement to check", reason="empty")
    for text in (statement, *excerpts):
        if len(text) > options.max_claim_chars:
            raise InputError(
                f"the claim is {len(text):,} characters; check one statement of at most "
                f"{options.max_claim_chars:,} (CheckOptions.max_claim_chars)", reason="too_large")
    around = ""
    if not excerpts:
        quotes = [q for q in find_quotes(statement)
                  if len(statement[q.start:q.end].split()) >= options.min_quote_words]
        excerpts = tuple(statement[q.start:q.end] for q in quotes) or (statement,)
        if quotes:
            cuts = [0, *(i for q in quotes for i in (q.open, q.close)), len(statement)]
            around = " ".join(statement[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True)).strip()
    return ClaimParts(statement or excerpts[0], excerpts, around)


def as_articles(articles: Iterable[Article | str]) -> list[Article]:
    """Articles with unique ids (``article-N`` for those without one).

    Raises:
        InputError: no articles, or two with the same id.
    """
    given = [a if isinstance(a, Article) else Article(text=a) for a in articles]
    if not given:
        raise InputError("there are no articles to check the claim against: pass at least one",
                         reason="empty")
    out = [a if a.id else a.model_copy(update={"id": f"article-{k + 1}"}) for k, a in enumerate(given)]
    repeated = [i for i, n in Counter(a.id for a in out).items() if n > 1]
    if repeated:
        raise InputError(f"two articles share the id {repeated[0]!r}: give each article its own id",
                         reason="duplicate")
    return out


# --------------------------------------------------------------------------- what one alignment says

# Why ``align`` would not locate words it resembled (``Alignment.change``, judged in
# briefing.grounding.differences) that still leave the article's words comparable with the
# claim's: a negation, a figure (perhaps only written in other units or as a word), or none named.
# Words in another order or cut in half only mean that the claim's words are not the article's.
COMPARABLE_CHANGES = frozenset({None, "negation", "abridgement skips a negation", "figure"})


@dataclass(frozen=True)
class Judgement:
    """What one alignment of a claim's words says: the stance, where (``span`` in the article),
    how the words matched, where they part, and notes (conversions made, why it contradicts)."""

    stance: EvidenceStance
    span: Span
    status: GroundingStatus
    differences: tuple[Difference, ...]
    notes: tuple[str, ...] = ()


def judge(excerpt: str, alignment: Alignment, text: str, offset: int = 0,
          options: AgreementOptions | None = None, *, tokens: Sequence[Token] | None = None) -> Judgement | None:
    """What one alignment of ``excerpt`` against ``text`` says about the claim (``agree``).

    Located (``exact``, ``normalized``, ``fuzzy``) words that agree support the claim at the
    located span, and words that disagree (an opposite direction word, a date) contradict it
    there. Words ``align`` would not locate but names as ``nearest`` (a negation, a figure
    changed) contradict the claim when they disagree, and support it when they say the same
    after reading number words and converting units ("15 miles" / "24 km": ``fuzzy``).
    Otherwise None. Spans are shifted by ``offset`` (for an alignment against a window of the
    article starting there); ``tokens``: the window's words with article offsets, when cut
    (``grounding.windows``).
    """
    places: list[tuple[int, int, GroundingStatus, tuple[Difference, ...] | None]] = []
    if alignment.found and alignment.start is not None and alignment.end is not None:
        places.append((alignment.start, alignment.end, alignment.status, alignment.differences))
    elif alignment.nearest is not None and alignment.change in COMPARABLE_CHANGES:
        places.append((alignment.nearest.start, alignment.nearest.end, "not_found", alignment.differences))
    in_order = find_in_order(excerpt, text, tokens=tokens, offset=offset)  # modifiers left out
    if in_order is not None:
        places.append((in_order.start, in_order.end, "not_found", None))
    for start, end, status, differences in places:
        if (widened := reach_edges(excerpt, text, *widen(text, start, end))) != (start, end):
            start, end = widened
            differences = None  # the words compared changed: compare them afresh
        if differences is None:
            differences = tuple(word_differences(excerpt, text[start:end]))
        verdict = agree(excerpt, text[start:end], differences, change=alignment.change, options=options)
        span = Span(start=start + offset, end=end + offset)
        if verdict.contradicts:
            return Judgement("contradicts", span, status, differences, verdict.reasons)
        if verdict.same:
            return Judgement("supports", span, "fuzzy" if status == "not_found" else status,
                             differences, verdict.notes)
    return None


# --------------------------------------------------------------------------- verdict


def verdict_of(evidence: Sequence[Evidence], excerpts: int, supported_parts: int) -> Verdict:
    """Any contradiction -> contradicted; support for every part of the claim -> supported."""
    if any(e.stance == "contradicts" for e in evidence):
        return "contradicted"
    if excerpts and supported_parts >= excerpts:
        return "supported"
    return "not_mentioned"


def tally(parts: ClaimParts, found: list[tuple[int, Evidence]], **extra: Any) -> Verification:
    """The verdict over ``found`` ((excerpt index, evidence) pairs), with notes."""
    evidence = list({(i.article, i.span.start if i.span else -1, i.stance): i
                     for _, i in found}.values())
    supported = {e for e, i in found if i.stance == "supports"}
    verdict = verdict_of(evidence, len(parts.excerpts), len(supported))
    notes: list[str] = list(extra.pop("notes", []))
    if verdict == "not_mentioned" and supported:
        missing = [x for e, x in enumerate(parts.excerpts) if e not in supported]
        notes.append("only part of the claim was found; not found: "
                     + "; ".join(repr(short(x)) for x in missing))
    return Verification(claim=parts.statement, verdict=verdict, evidence=evidence,
                        notes=notes, **extra)


def has_content_words(text: str) -> bool:
    """Whether ``text`` holds a word that is not a stop word."""
    return any(w not in STOPWORDS for w in split_words(normalized(text))[0])


def short(text: str, limit: int = 120) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
