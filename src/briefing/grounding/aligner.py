"""Grounding: locate each excerpt the model returns in the article text, or say it is not there.

``align`` is the primitive: it returns an ``Alignment`` whose offsets index the original text
(a Python ``str``), with a status of ``exact``, ``normalized``, ``fuzzy`` or ``not_found``.
A located span means the article says this: matches start and end on word boundaries, and a
fuzzy match whose differences change the meaning (a negation, a figure, word order, a word cut
in half, an abridgement skipping a negation) is ``not_found``, keeping the span it resembled
(``nearest``) and the ``differences``. ``Aligner`` precomputes the normalised text once per
article and maps repeated excerpts to successive occurrences. ``ground_briefing`` turns the
model's answer into a grounded ``Briefing``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing.core.models import (
    Briefing,
    Claim,
    Difference,
    Dispute,
    ExtractedBriefing,
    Position,
    Span,
)
from briefing.core.models import (
    GroundingStatus as Status,  # the one grounding-status type
)
from briefing.grounding.differences import Words, compare
from briefing.grounding.wordchain import ExcerptWords, Match, WordIndex
from briefing.text.fold import (
    ELLIPSIS,
    QUOTES,
    STOPWORDS,
    TOKEN,
    core_bounds,
    is_word,
    normalize,
    normalized,
    on_boundaries,
    split_words,
    tokenize,
)

_MAX_OCCURRENCES = 1000
_SLACK = 1e-9  # float rounding allowed when a bound rules a search out
_QUOTE_MARKS = frozenset(QUOTES) | {'"', "'"}
_CLOSING_PUNCT = ".,!?;:\u2026"


@dataclass(frozen=True)
class AlignOptions:
    """The thresholds of ``align``, with their documented defaults.

    - ``min_content_words`` (2): any located excerpt needs this many content (non-stop) words,
      unless it is a whole quotation in the article ("“Nonsense,” he said").
    - ``min_tokens`` (5), ``min_content`` (3): a fuzzy match needs this many excerpt words, and
      content words matched in order (``min_content_verbatim``, 2, for an abridged excerpt whose
      every part is in the text word for word).
    - ``min_similarity`` (0.75): the word-level Dice similarity of excerpt and span (text skipped
      at an abridgement mark not counted). One swapped word in a 5-word excerpt scores 0.8; five
      words shuffled so that no neighbours stay neighbours score at most 0.67.
    - ``max_abridged_gap`` (150): the article words one abridgement mark may stand for.
    """

    min_content_words: float = 2
    min_tokens: int = 5
    min_content: float = 3
    min_content_verbatim: float = 2
    min_similarity: float = 0.75
    max_abridged_gap: int = 150


DEFAULT_OPTIONS = AlignOptions()


@dataclass(frozen=True)
class Alignment:
    """Where an excerpt sits in a text: ``text[start:end]``, how it matched, and how well.

    ``differences`` lists where a fuzzy match parts from the article (empty for ``exact`` and
    ``normalized``). A ``not_found`` alignment keeps ``nearest``, the span the excerpt resembled,
    with the differences that kept it from being located (a negation, a figure, word order).
    """

    start: int | None
    end: int | None
    status: Status
    score: float
    source_text: str | None = None
    differences: tuple[Difference, ...] = ()
    nearest: Span | None = None
    change: str | None = None  # why a not_found with ``nearest`` was not located (differences.py)

    @property
    def found(self) -> bool:
        """True unless the status is ``not_found``."""
        return self.status != "not_found"


NOT_FOUND = Alignment(None, None, "not_found", 0.0, None)


class Aligner:
    """Aligns excerpts against one text; built once per article.

    Aligning the same excerpt again maps it to the next occurrence in the text, so a briefing
    that quotes the same words twice gets both places.
    """

    def __init__(self, text: str, options: AlignOptions = DEFAULT_OPTIONS, *,
                 index: _TextIndex | None = None) -> None:
        self.text = text
        self.options = options
        if index is None:  # a caller that has the text's index passes it (grounding.windows)
            index = _text_index(text, options.max_abridged_gap)
        self.norm, self._starts, self._ends = index.words.norm, index.words.starts, index.words.ends
        self._tok_lo, self._tok_hi = index.words.lo, index.words.hi
        self._index, self._words = index.chain, index.words
        self._used: dict[str, list[tuple[int, int]]] = {}
        self._last_fuzzy: dict[str, int] = {}

    def align(self, excerpt: str) -> Alignment:
        """Locate ``excerpt`` in the text; returns an ``Alignment`` (status ``not_found``
        without offsets when it is not there). Never raises for any string input."""
        return self._align(excerpt, track=True)

    def _align(self, excerpt: str, *, track: bool) -> Alignment:
        if not excerpt:
            return NOT_FOUND
        enorm = _normalized_excerpt(excerpt)
        verbatim = self._find_verbatim(excerpt, enorm, track)
        if verbatim is not None and verbatim.found:
            return verbatim
        fuzzy = self._find_fuzzy(excerpt, enorm, track)
        if fuzzy is not None and (fuzzy.found or verbatim is None):
            return fuzzy
        return verbatim or NOT_FOUND

    # ----------------------------------------------------------------------- verbatim

    def _find_verbatim(self, excerpt: str, enorm: str, track: bool) -> Alignment | None:
        """An exact or normalized match on word boundaries, or None; a ``not_found`` with
        ``nearest`` when every match directly follows a negation the excerpt leaves out.
        Exact beats normalized, earlier beats later; with tracking, spans this excerpt already
        got are skipped until every occurrence has been used once."""
        lo, hi = core_bounds(enorm)
        core = enorm[lo:hi]
        found: list[tuple[int, int, int, Status]] = []  # (rank, start, end, status)
        for p in _positions(self.text, excerpt):
            if on_boundaries(self.text, p, p + len(excerpt)):
                found.append((0, p, p + len(excerpt), "exact"))
        for q in _positions(self.norm, core) if core else ():
            if not on_boundaries(self.norm, q, q + len(core)):
                continue
            nlo, nhi = self._widen(q, q + len(core), enorm[:lo], enorm[hi:])
            start, end = self._starts[nlo], self._ends[nhi - 1]
            if self.text[start:end] != excerpt:
                found.append((1, start, end, "normalized"))
        if found and not _has_content_words(core, self.options.min_content_words):
            found = [f for f in found if _whole_quotation(self.text, f[1], f[2])]
        if not found:
            return None
        negated = [f for f in found if self._negation_before(f[1])]
        found = [f for f in found if f not in negated]
        if not found:
            return self._negated_verbatim(negated[0][1], negated[0][2])
        if track:
            key = core or excerpt
            used = self._used.setdefault(key, [])
            fresh = [f for f in found if not any(f[1] < e and s < f[2] for s, e in used)]
            if not fresh:
                used.clear()
                fresh = found
            found = fresh
        _, start, end, status = min(found)
        if track:
            used.append((start, end))
        return Alignment(start, end, status, 1.0, self.text[start:end])

    def _first_token_at(self, start: int) -> int:
        """The index of the first article word at or after text offset ``start``."""
        return bisect_left(self._tok_lo, bisect_left(self._starts, start))

    def _negation_before(self, start: int) -> bool:
        t = self._first_token_at(start)
        return t < len(self._tok_lo) and self._words.negation_before(t)

    def _negated_verbatim(self, start: int, end: int) -> Alignment:
        """``not_found`` for verbatim words that the article negates just before them."""
        t = self._first_token_at(start)
        difference = Difference(self._words.text(t, t), self._words.text(t - 1, t))
        return Alignment(None, None, "not_found", 0.0, None, (difference,), Span(start=start, end=end),
                         "negation")

    def _widen(self, nlo: int, nhi: int, lead: str, trail: str) -> tuple[int, int]:
        """Grow ``[nlo, nhi)`` over the excerpt's stripped edge punctuation where the text has it."""
        norm = self.norm
        k = 0
        while k < len(trail) and nhi + k < len(norm) and norm[nhi + k] == trail[k]:
            k += 1
        j = 0
        while j < len(lead) and nlo - j > 0 and norm[nlo - j - 1] == lead[-j - 1]:
            j += 1
        return nlo - j, nhi + k

    # ----------------------------------------------------------------------- fuzzy

    def _find_fuzzy(self, excerpt: str, enorm: str, track: bool) -> Alignment | None:
        """Word-level alignment for abridged or misquoted excerpts: a ``fuzzy`` Alignment, a
        ``not_found`` one with ``nearest`` when the only acceptable matches change the
        meaning, or None when nothing resembles the excerpt."""
        o = self.options
        ex = _excerpt_parts(enorm)
        need = o.min_content_verbatim if len(ex.parts) > 1 else o.min_content
        if len(ex.tokens) < o.min_tokens or ex.content < need:
            return None
        if not self._may_accept(ex):
            return None
        accepted = sorted(  # best score, then the most compact span, then the earliest
            (m for m in self._index.candidates(ex) if self._acceptable(m)),
            key=lambda m: (-m.similarity, m.last - m.first, m.first),
        )
        if not accepted:
            return None
        ex_words = _excerpt_words(excerpt, ex.tokens)
        judged = [(m, compare(ex_words, self._words, m.pairs, ex.part_of, (m.first, m.last)))
                  for m in accepted]
        # a match that ties with the best may stand in for it (a repeated passage); a worse
        # one may not: the excerpt resembles the best one, and that one changes the meaning
        best = judged[0][0].similarity
        faithful = [(m, c) for m, c in judged if c.change is None and m.similarity >= best - 1e-9]
        if not faithful:
            match, comparison = judged[0]
            start, end = self._span_of(match, enorm)
            return Alignment(None, None, "not_found", 0.0, None, comparison.differences,
                             Span(start=start, end=end), comparison.change)
        if track and len(faithful) > 1 and faithful[0][0].first == self._last_fuzzy.get(enorm):
            faithful.pop(0)
        match, comparison = faithful[0]
        if track:
            self._last_fuzzy[enorm] = match.first
        start, end = self._span_of(match, enorm)
        return Alignment(start, end, "fuzzy", round(match.similarity, 3), self.text[start:end],
                         comparison.differences)

    def _may_accept(self, ex: ExcerptWords) -> bool:
        """Whether any match of ``ex`` could be acceptable (``WordIndex.ceiling``); False only
        when none can be, so that skipping the search changes no answer."""
        o = self.options
        similarity, content = self._index.ceiling(ex)
        return (similarity >= o.min_similarity - _SLACK
                and content >= min(o.min_content, o.min_content_verbatim) - _SLACK)

    def _acceptable(self, match: Match) -> bool:
        o = self.options
        need = o.min_content_verbatim if match.verbatim else o.min_content
        return match.similarity >= o.min_similarity and match.content >= need

    def _span_of(self, match: Match, enorm: str) -> tuple[int, int]:
        """Text offsets of a match, grown over edge punctuation the excerpt also has."""
        words = list(TOKEN.finditer(enorm))
        nlo, nhi = self._widen(
            self._tok_lo[match.first], self._tok_hi[match.last],
            enorm[: words[0].start()], enorm[words[-1].end():],
        )
        return self._starts[nlo], self._ends[nhi - 1]


_normalized_excerpt = lru_cache(maxsize=64)(normalized)  # ``check`` aligns a claim against many windows


@lru_cache(maxsize=64)
def _excerpt_parts(enorm: str) -> ExcerptWords:
    """The words of a normalised excerpt, part by part (read-only; kept for the last excerpts:
    ``check`` aligns one claim against many passage windows)."""
    return ExcerptWords([split_words(part) for part in ELLIPSIS.split(enorm)])


def _excerpt_words(excerpt: str, expected: list[str]) -> Words:
    """The excerpt's words with their places in the excerpt, for reporting differences."""
    enorm, estarts, eends = normalize(excerpt)
    tokens, _, lo, hi = tokenize(enorm)
    if tokens != expected:  # cannot happen with TOKEN and ELLIPSIS as they are; stay safe
        joined = " ".join(expected)
        tokens, _, lo, hi = tokenize(joined)
        return Words.of(joined, joined, list(range(len(joined))),
                        list(range(1, len(joined) + 1)), tokens, lo, hi)
    return Words.of(excerpt, enorm, estarts, eends, tokens, lo, hi)


def _has_content_words(norm: str, need: float) -> bool:
    """Whether a normalised string has at least ``need`` content (non-stop) words; plain words
    are counted first, the full word split only when they do not settle it."""
    plain = sum(1 for w in norm.split(" ") if w.isalpha() and w not in STOPWORDS)
    if plain >= need:
        return True
    tokens, weights = split_words(norm)
    return sum(w for t, w in zip(tokens, weights, strict=True) if t not in STOPWORDS) >= need


def _whole_quotation(text: str, start: int, end: int) -> bool:
    """Whether the words of ``text[start:end]`` are all that stands between a pair of quote
    marks (closing punctuation allowed inside the closing mark)."""
    while start < end and not is_word(text[start]):
        start += 1
    while end > start and not is_word(text[end - 1]):
        end -= 1
    if start == end or start == 0:
        return False
    k = end
    while k < len(text) and text[k] in _CLOSING_PUNCT:
        k += 1
    return text[start - 1] in _QUOTE_MARKS and k < len(text) and text[k] in _QUOTE_MARKS


def _positions(haystack: str, needle: str) -> list[int]:
    """Start indexes of ``needle`` in ``haystack``, overlapping ones included (capped)."""
    found: list[int] = []
    pos = haystack.find(needle)
    while pos >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


@dataclass(frozen=True)
class _TextIndex:
    """What aligning needs of one text, built once and shared (read-only) by every Aligner."""

    words: Words
    chain: WordIndex


INDEX_CACHE_BYTES = 200_000_000
"""The default bound of the text-index cache: about 200 MB of indexes (an index costs about
``INDEX_BYTES_PER_CHAR`` bytes a character of its text): a 10 MB text is indexed but not kept;
many small texts (articles, passage windows) are, 64 at most."""
INDEX_BYTES_PER_CHAR = 40  # measured: ~34 bytes a character kept (benchmarks/memory.py)


class _IndexCache:
    """The last text indexes built; the least recently used go first once their estimated size
    passes ``max_bytes`` or there are more than ``max_entries``."""

    def __init__(self, max_bytes: int = INDEX_CACHE_BYTES, max_entries: int = 64) -> None:
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self.bytes = 0
        self._kept: OrderedDict[tuple[str, int], _TextIndex] = OrderedDict()

    def get(self, text: str, max_abridged_gap: int) -> _TextIndex:
        key = (text, max_abridged_gap)
        index = self._kept.get(key)
        if index is not None:
            self._kept.move_to_end(key)
            return index
        index = _build_index(text, max_abridged_gap)
        cost = len(text) * INDEX_BYTES_PER_CHAR
        if cost <= self.max_bytes:
            self._kept[key] = index
            self.bytes += cost
            while self.bytes > self.max_bytes or len(self._kept) > self.max_entries:
                (old, _), _ = self._kept.popitem(last=False)
                self.bytes -= len(old) * INDEX_BYTES_PER_CHAR
        return index


_INDEXES = _IndexCache()


def _text_index(text: str, max_abridged_gap: int) -> _TextIndex:
    """The folded text, its words and their index: the validator's re-asks and the grounding of
    the same article reuse one build instead of normalising the article each time (kept in a
    cache bounded by ``INDEX_CACHE_BYTES``)."""
    return _INDEXES.get(text, max_abridged_gap)


def _build_index(text: str, max_abridged_gap: int) -> _TextIndex:
    norm, starts, ends = normalize(text)
    tokens, weights, lo, hi = tokenize(norm)
    return _TextIndex(Words.of(text, norm, starts, ends, tokens, lo, hi),
                      WordIndex(tokens, weights, max_abridged_gap))

def align(excerpt: str, text: str, options: AlignOptions = DEFAULT_OPTIONS) -> Alignment:
    """Locate ``excerpt`` in ``text``; returns an ``Alignment`` with offsets into ``text``.

    Stateless: the same arguments always give the same answer (the first best occurrence).
    Never raises for any string input.
    """
    return Aligner(text, options)._align(excerpt, track=False)  # the index is cached; the rest is cheap


def _grounded(alignment: Alignment, evidence: str) -> dict[str, Any]:
    """The library-filled fields of a Claim or Position for one alignment."""
    differences = list(alignment.differences)
    if not alignment.found:
        return {"span": None, "grounding": "not_found", "source_text": None,
                "differences": differences, "nearest": alignment.nearest}
    source = alignment.source_text if alignment.source_text != evidence else None
    return {
        "span": Span(start=alignment.start, end=alignment.end),
        "grounding": alignment.status,
        "source_text": source,
        "differences": differences,
    }


def ground_briefing(extracted: ExtractedBriefing, text: str) -> Briefing:
    """Return a ``Briefing`` whose claims and positions carry span, grounding and source text.

    Evidence that cannot be located is kept with ``grounding="not_found"`` and no span (with
    ``nearest`` and ``differences`` when a change of meaning kept it from being located).
    """
    aligner = Aligner(text)
    claims = [
        Claim(**c.model_dump(), **_grounded(aligner.align(c.evidence), c.evidence))
        for c in extracted.claims
    ]
    disputes = [
        Dispute(
            assertion=d.assertion,
            positions=[
                Position(**p.model_dump(), **_grounded(aligner.align(p.evidence), p.evidence))
                for p in d.positions
            ],
        )
        for d in extracted.disputes
    ]
    return Briefing(
        headline=extracted.headline, summary=extracted.summary, claims=claims, disputes=disputes
    )


def unlocated(extracted: ExtractedBriefing, text: str) -> list[tuple[str, Alignment]]:
    """Return ``(evidence, alignment)`` for the claims and positions whose evidence aligns as
    ``not_found``; the alignment says what differs where the evidence resembled the article."""
    aligner = Aligner(text)
    evidence = [c.evidence for c in extracted.claims]
    evidence += [p.evidence for d in extracted.disputes for p in d.positions]
    return [(e, a) for e in evidence if not (a := aligner.align(e)).found]


def unlocated_excerpts(extracted: ExtractedBriefing, text: str) -> list[str]:
    """Return the evidence strings of claims and positions that align as ``not_found``."""
    return [e for e, _ in unlocated(extracted, text)]


def describe(alignment: Alignment) -> str:
    """What differs, for a person or a model: "you wrote 'will not raise'; the article says
    'will raise' at 812-840". Empty when there is nothing to say."""
    parts = [f"you wrote {d.excerpt!r}; the article says {d.article!r}" if d.article
             else f"you added {d.excerpt!r}" for d in alignment.differences]
    where = alignment.nearest or (
        Span(start=alignment.start, end=alignment.end) if alignment.start is not None else None)
    if parts and where is not None:
        parts[-1] += f" (at {where.start}-{where.end})"
    return "; ".join(parts)
