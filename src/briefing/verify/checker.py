"""Check a claim against articles: supported, contradicted or not mentioned, with located evidence.

``check(claim, articles)`` ranks the articles' sentences for the claim (``briefing.text.retrieval``),
then decides from evidence that ``align`` locates in a named article, so that
``article.text[span.start:span.end] == evidence`` for every item:

- offline (no ``briefer``), by rules over the aligned text: the claim (or each quotation inside
  it) is aligned against the best passages and their neighbours. Located with no meaning-changing
  difference, the passage supports the claim; where the claim's words resemble a passage but add
  or drop a negation or change a figure, the passage's own words contradict it.
- with a model (``briefer=Briefer(...)``): only the top passages go to the model in one small
  request (``briefing.verify.model``); each excerpt it quotes must be located in the article it
  names, else it is asked once more, naming the excerpt, and an excerpt still not located never
  counts.

Either way the verdict is bookkeeping over located evidence: any contradicting passage makes it
``contradicted``, support for every part of the claim ``supported``, anything else
``not_mentioned``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from briefing.core.errors import InputError
from briefing.core.models import Article, Difference, GroundingStatus, Span, Usage
from briefing.grounding.aligner import Alignment, align
from briefing.text.fold import STOPWORDS, normalized, number_value, split_words
from briefing.text.marks import find_quotes
from briefing.text.retrieval import PassageIndex

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer

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
    """

    passages: int = 8
    offline_passages: int = 100
    context: int = 1
    max_passage_chars: int = 600
    max_claim_chars: int = 2000
    min_quote_words: int = 3
    grounding_reasks: int = 1


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


# --------------------------------------------------------------------------- what changed

# Why ``align`` would not locate words it resembled (``Alignment.change``, judged in
# briefing.grounding.differences) that make the article's words say otherwise than the claim: a negation
# added or dropped (or skipped over by "..."), a figure changed. Words in another order or cut
# in half only mean that the claim's words are not the article's: neither support nor denial.
CONTRADICTING_CHANGES = frozenset({"negation", "abridgement skips a negation", "figure"})


def _gives_figure(words: str) -> bool:
    return any(number_value(w) is not None for w in split_words(normalized(words))[0])


def contradicts(alignment: Alignment) -> bool:
    """Whether a ``not_found`` alignment resembled article words that contradict the excerpt:
    a negation added or dropped, or another figure where the excerpt gives one ("140 injured"
    for "200 injured"; "many injured" for "200 injured" gives none, so it only fails to support)."""
    if alignment.found or alignment.nearest is None or alignment.change not in CONTRADICTING_CHANGES:
        return False
    if alignment.change == "figure":
        return any(_gives_figure(d.excerpt) and _gives_figure(d.article) for d in alignment.differences)
    return True


def _content_words(text: str) -> list[str]:
    return [w for w in split_words(normalized(text))[0] if w not in STOPWORDS]


def _says_no_more(difference: Difference) -> bool:
    """Whether the claim's side of a difference keeps to the article's words: every content word
    it has, the article has there too ("Putin dismissed" / "Putin has dismissed"). A word put in
    place of the article's ("cutting" / "increasing") or added to it is not the article's claim,
    even where grounding would forgive it as a slip of quotation."""
    article = set(_content_words(difference.article))
    return all(w in article for w in _content_words(difference.excerpt))


def judge(alignment: Alignment, offset: int = 0
          ) -> tuple[EvidenceStance, Span, GroundingStatus, tuple[Difference, ...]] | None:
    """What one alignment of a claim's words says about the claim.

    Located (``exact``, ``normalized``, ``fuzzy``: ``align`` never locates words whose meaning
    differs) with no content word of the claim's missing from the article's words there:
    supports, at the located span. Not located, but resembling article words that
    ``contradicts`` it: contradicts, at those words (``nearest``). Otherwise None. Spans are
    shifted by ``offset`` (for an alignment against a window of the article starting there).
    """
    if alignment.found and alignment.start is not None and alignment.end is not None:
        if not all(_says_no_more(d) for d in alignment.differences):
            return None
        span = Span(start=alignment.start + offset, end=alignment.end + offset)
        return "supports", span, alignment.status, alignment.differences
    if contradicts(alignment) and alignment.nearest is not None:
        span = Span(start=alignment.nearest.start + offset, end=alignment.nearest.end + offset)
        return "contradicts", span, "not_found", alignment.differences
    return None


# --------------------------------------------------------------------------- verdict


def verdict_of(evidence: Sequence[Evidence], excerpts: int, supported_parts: int) -> Verdict:
    """Any contradiction -> contradicted; support for every part of the claim -> supported."""
    if any(e.stance == "contradicts" for e in evidence):
        return "contradicted"
    if excerpts and supported_parts >= excerpts:
        return "supported"
    return "not_mentioned"


_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2, "not_found": 3}


class Checker:
    """Checks claims against one set of articles; build it once to check many claims.

    Args:
        articles: ``Article`` objects or texts (ids ``article-N`` are given to those without).
        briefer: a ``Briefer`` whose model judges the top passages; None checks offline.
        options: the knobs (``CheckOptions``).

    Raises:
        InputError: no articles, or two with the same id.
    """

    def __init__(self, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
                 options: CheckOptions = CheckOptions()) -> None:
        self.articles = as_articles(articles)
        self.briefer = briefer
        self.options = options
        self.index = PassageIndex([a.text for a in self.articles], max_chars=options.max_passage_chars)

    def check(self, claim: Any) -> Verification:
        """Check one claim (a string, a ``Claim`` or a story claim); returns a ``Verification``.

        Raises:
            InputError: an empty or over-long claim, before any request.
            BriefingError: the model's server failed (see ``Briefer.brief``).
        """
        parts = claim_parts(claim, options=self.options)
        if self.briefer is None:
            return self._offline(parts)
        from briefing.verify.model import ModelCheck

        run = ModelCheck(self, parts, self.briefer)
        if run.passages:
            run.finish(self.briefer.llm.extract(**run.request()))
        return run.verification()

    async def acheck(self, claim: Any) -> Verification:
        """Async ``check`` (needs an async client in the ``Briefer``); same result and errors."""
        parts = claim_parts(claim, options=self.options)
        if self.briefer is None:
            return self._offline(parts)
        from briefing.verify.model import ModelCheck

        run = ModelCheck(self, parts, self.briefer)
        if run.passages:
            run.finish(await self.briefer.llm.aextract(**run.request()))
        return run.verification()

    def _offline(self, parts: ClaimParts) -> Verification:
        """The rules over aligned text: align each excerpt against the best passages."""
        best: dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]] = {}
        near_miss: tuple[str, Alignment, str] | None = None  # the first resemblance not counted
        for rank, ranked in enumerate(self.index.rank(parts.query, self.options.offline_passages)):
            k = ranked.passage.article
            lo, hi = self.index.neighbours(ranked.position, self.options.context)
            window = self.articles[k].text[lo:hi]
            for e, excerpt in enumerate(parts.excerpts):
                alignment = align(excerpt, window)
                judged = judge(alignment, lo)
                if judged is None:
                    if near_miss is None and alignment.differences:
                        near_miss = (self.articles[k].id or "", alignment, window)
                    continue
                stance, span, status, differences = judged
                item = Evidence(article=self.articles[k].id or "", stance=stance, span=span,
                                evidence=self.articles[k].text[span.start:span.end],
                                grounding=status, differences=list(differences))
                key, order = (k, e, stance), (_RANK[status], rank)
                if key not in best or order < best[key][0]:
                    best[key] = (order, item)
        result = self.verification(parts, [(e, item) for (_, e, _), (_, item) in sorted(best.items())])
        if result.verdict != "not_mentioned" and _has_content_words(parts.around):
            result.notes.append(f"the quotation was checked word for word; the words around it "
                                f"({_short(parts.around)!r}) were not (only a model judges them)")
        if result.verdict == "not_mentioned" and not result.evidence and near_miss is not None:
            article, alignment, window = near_miss
            where = alignment.nearest or Span(start=alignment.start or 0, end=alignment.end or 0)
            differs = "; ".join(f"{d.excerpt or '-'!r} / {d.article or '-'!r}" for d in alignment.differences)
            result.notes.append(f"closest, not counted: {_short(window[where.start:where.end])!r} in "
                                f"{article!r}, where claim and article words differ: {differs}")
        return result

    def verification(self, parts: ClaimParts, found: list[tuple[int, Evidence]],
                     **extra: Any) -> Verification:
        """The verdict over ``found`` ((excerpt index, evidence) pairs), with notes."""
        evidence = list({(i.article, i.span.start if i.span else -1, i.stance): i
                         for _, i in found}.values())
        supported = {e for e, i in found if i.stance == "supports"}
        verdict = verdict_of(evidence, len(parts.excerpts), len(supported))
        notes: list[str] = list(extra.pop("notes", []))
        if verdict == "not_mentioned" and supported:
            missing = [x for e, x in enumerate(parts.excerpts) if e not in supported]
            notes.append("only part of the claim was found; not found: "
                         + "; ".join(repr(_short(x)) for x in missing))
        return Verification(claim=parts.statement, verdict=verdict, evidence=evidence,
                            notes=notes, **extra)


def _has_content_words(text: str) -> bool:
    return bool(_content_words(text))


def _short(text: str, limit: int = 120) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check(claim: Any, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
          options: CheckOptions = CheckOptions()) -> Verification:
    """Check ``claim`` against ``articles``: supported, contradicted or not mentioned.

    Args:
        claim: the claim as a string (quotations inside it are checked word for word), a
            briefing ``Claim`` (its evidence), or a daily briefing's story claim.
        articles: ``Article`` objects or texts.
        briefer: a ``Briefer`` to let its model judge the top passages; None checks offline.
        options: passages, thresholds and re-asks (``CheckOptions``).

    Returns:
        A ``Verification`` whose evidence each sits at ``text[span.start:span.end]`` of the
        article it names; a verdict other than ``not_mentioned`` always rests on such evidence.

    Raises:
        InputError: no articles, duplicate ids, an empty or over-long claim (before any request).
        BriefingError: the model's server failed (see ``Briefer.brief``).
    """
    return Checker(articles, briefer, options=options).check(claim)


async def acheck(claim: Any, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
                 options: CheckOptions = CheckOptions()) -> Verification:
    """Async ``check``; same arguments, result and errors."""
    return await Checker(articles, briefer, options=options).acheck(claim)
