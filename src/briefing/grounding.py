"""Grounding: locate each excerpt the model returns in the article text, or say it is not there.

``align`` is the primitive: it returns an ``Alignment`` whose offsets index the original text
(a Python ``str``), with a status of ``exact``, ``normalized``, ``fuzzy`` or ``not_found``.
``Aligner`` precomputes the normalised text once per article and maps repeated excerpts to
successive occurrences. ``ground_briefing`` turns the model's answer into a grounded ``Briefing``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz.distance import LCSseq

from briefing.models import (
    Briefing,
    Claim,
    Dispute,
    ExtractedBriefing,
    Position,
    Span,
)
from briefing.textfold import (
    ELLIPSIS,
    STOPWORDS,
    TOKEN,
    core_bounds,
    normalize,
    on_boundaries,
    tokenize,
    split_words,
)

Status = Literal["exact", "normalized", "fuzzy", "not_found"]

# Fuzzy acceptance. A fuzzy span needs at least MIN_TOKENS excerpt words, MIN_CONTENT of them
# content words matched in order, and a word-level Dice similarity of at least MIN_SIMILARITY
# between the excerpt and the span (the text skipped at an abridgement mark not counted).
# One swapped word in a 5-word excerpt scores 0.8; five words shuffled so that no neighbours
# stay neighbours score at most 0.67; a few common words never have MIN_CONTENT content words.
MIN_TOKENS = 5
MIN_CONTENT = 3
MIN_CONTENT_VERBATIM = 2  # abridged excerpts whose every part is in the text word for word
MIN_SIMILARITY = 0.75
MAX_ABRIDGED_GAP = 150  # text words an abridgement mark ("...", "…") may stand for
_MAX_ANCHOR_OCCURRENCES = 64
_MAX_OCCURRENCES = 1000
_CANDIDATES = 3

class Difference(NamedTuple):
    """One place where an excerpt and the article part: the excerpt's words and the article's
    words there (either may be empty, for words added or left out)."""

    excerpt: str
    article: str


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

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self._starts, self._ends = normalize(text)
        self._used: dict[str, list[tuple[int, int]]] = {}
        self._last_fuzzy: dict[str, int] = {}
        self._tokens, self._weights, self._tok_lo, self._tok_hi = tokenize(self.norm)
        self._where: dict[str, list[int]] = {}
        for j, tok in enumerate(self._tokens):
            self._where.setdefault(tok, []).append(j)

    def align(self, excerpt: str) -> Alignment:
        """Locate ``excerpt`` in the text; returns an ``Alignment`` (status ``not_found``
        without offsets when it is not there). Never raises for any string input."""
        return self._align(excerpt, track=True)

    def _align(self, excerpt: str, *, track: bool) -> Alignment:
        if not excerpt:
            return NOT_FOUND
        hit = self._find_verbatim(excerpt, track)
        if hit is not None:
            return hit
        return self._find_fuzzy(excerpt, track) or NOT_FOUND

    def _find_verbatim(self, excerpt: str, track: bool) -> Alignment | None:
        """An exact or normalized match, or None. Exact beats normalized, matches on word
        boundaries beat matches inside words, earlier beats later; with tracking, spans this
        excerpt already got are skipped until every occurrence has been used once."""
        enorm = normalize(excerpt)[0]
        lo, hi = core_bounds(enorm)
        core = enorm[lo:hi]
        found: list[tuple[int, int, int, Status]] = []  # (rank, start, end, status)
        for p in _positions(self.text, excerpt):
            rank = 0 if on_boundaries(self.text, p, p + len(excerpt)) else 1
            found.append((rank, p, p + len(excerpt), "exact"))
        for q in _positions(self.norm, core) if core else ():
            nlo, nhi = self._widen(q, q + len(core), enorm[:lo], enorm[hi:])
            start, end = self._starts[nlo], self._ends[nhi - 1]
            if self.text[start:end] != excerpt:
                rank = 2 if on_boundaries(self.norm, q, q + len(core)) else 3
                found.append((rank, start, end, "normalized"))
        if not found:
            return None
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

    def _find_fuzzy(self, excerpt: str, track: bool) -> Alignment | None:
        """Word-level alignment for abridged or misquoted excerpts; None unless accepted."""
        enorm, _, _ = normalize(excerpt)
        ex = _Words([split_words(part) for part in ELLIPSIS.split(enorm)])
        need = MIN_CONTENT_VERBATIM if len(ex.parts) > 1 else MIN_CONTENT
        if len(ex.tokens) < MIN_TOKENS or ex.content_weight(range(len(ex.tokens))) < need:
            return None
        accepted = [self._score_chain(chain, ex) for chain in self._chains(ex)]
        accepted = sorted(  # best score, then the most compact span, then the earliest
            (a for a in accepted if a is not None), key=lambda a: (-a[0], a[2] - a[1], a[1])
        )
        if not accepted:
            return None
        if track and len(accepted) > 1 and accepted[0][1] == self._last_fuzzy.get(enorm):
            accepted.pop(0)
        score, j_first, j_last = accepted[0]
        if track:
            self._last_fuzzy[enorm] = j_first
        words = list(TOKEN.finditer(enorm))
        nlo, nhi = self._widen(
            self._tok_lo[j_first], self._tok_hi[j_last],
            enorm[: words[0].start()], enorm[words[-1].end():],
        )
        return self._make(nlo, nhi, "fuzzy", round(score, 3))

    def _chains(self, ex: _Words) -> list[list[tuple[int, int]]]:
        """Up to ``_CANDIDATES`` best chains of (excerpt word, text word) content-word matches,
        in order on both sides, found by dynamic programming: each match earns 1, a shift off
        the diagonal costs 0.5 a word, and text skipped at an abridgement mark costs little."""
        tokens, part_of = ex.tokens, ex.part_of
        pairs = []
        for i, tok in enumerate(tokens):
            if tok in STOPWORDS:
                continue
            where = self._where.get(tok, ())
            if 0 < len(where) <= _MAX_ANCHOR_OCCURRENCES:
                pairs.extend((j, i) for j in where)
        if not pairs:
            return []
        pairs.sort()
        reach = len(tokens) + 10 + (MAX_ABRIDGED_GAP if part_of[-1] else 0)
        score = [0.0] * len(pairs)
        back = [-1] * len(pairs)
        js = [j for j, _ in pairs]
        for p, (j, i) in enumerate(pairs):
            best, arg = 1.0, -1
            for q in range(bisect_left(js, j - reach), p):
                jq, iq = pairs[q]
                if iq >= i or jq >= j:
                    continue
                di, dj = i - iq, j - jq
                if part_of[iq] != part_of[i]:
                    if dj > MAX_ABRIDGED_GAP + di:
                        continue
                    cost = 0.5 * max(0, di - dj) + 0.01 * dj
                elif dj <= 2 * di + 3:
                    cost = 0.5 * abs(dj - di)
                else:
                    continue
                if score[q] + 1.0 - cost > best:
                    best, arg = score[q] + 1.0 - cost, q
            score[p], back[p] = best, arg
        chains: list[list[tuple[int, int]]] = []
        used: set[int] = set()
        for p in sorted(range(len(pairs)), key=score.__getitem__, reverse=True):
            if len(chains) == _CANDIDATES or score[p] < 1.0:
                break
            chain = []
            while p >= 0 and p not in used:
                used.add(p)
                chain.append(pairs[p][::-1])
                p = back[p]
            if chain:
                chains.append(chain[::-1])
        return chains

    def _score_chain(self, chain: list[tuple[int, int]], ex: _Words):
        """Align every excerpt word around a chain of anchors, part by part; return
        (similarity, first text word, last text word) if accepted, else None."""
        anchors: dict[int, list[tuple[int, int]]] = {}
        for i, j in chain:
            anchors.setdefault(ex.part_of[i], []).append((i, j))
        matched: list[tuple[int, int]] = []
        span_weight = 0.0
        prev_end: int | None = None
        for k, part in enumerate(ex.parts):
            if not part:
                continue
            b0, b1 = ex.base[k], ex.base[k + 1]
            floor = 0 if prev_end is None else prev_end + 1
            got = anchors.get(k)
            if got:
                lo = got[0][1] - (got[0][0] - b0) - 2
                hi = got[-1][1] + (b1 - 1 - got[-1][0]) + 3
            else:  # no content word to anchor on: the nearest copy next to its neighbours
                later = [a for kk in range(k + 1, len(ex.parts)) for a in anchors.get(kk, ())]
                if later:
                    hi = later[0][1]
                    lo = hi - len(part) - MAX_ABRIDGED_GAP
                else:
                    lo = floor
                    hi = lo + len(part) + MAX_ABRIDGED_GAP
                run = self._nearest_run(part, max(lo, floor), hi, last=bool(later))
                if run >= 0:
                    lo, hi = run, run + len(part)
                elif later:
                    lo = hi - len(part) - 3
                else:
                    hi = lo + len(part) + 3
            lo = max(lo, floor)
            hi = min(hi, len(self._tokens))
            if hi <= lo:
                continue
            pairs = _trim([
                (b0 + b.a + x, lo + b.b + x)
                for b in LCSseq.editops(part, self._tokens[lo:hi]).as_matching_blocks()
                for x in range(b.size)
            ])
            if not pairs:
                continue
            span_weight += sum(self._weights[pairs[0][1] : pairs[-1][1] + 1])
            matched.extend(pairs)
            prev_end = pairs[-1][1]
        if not matched:
            return None
        (i_first, j_first), (i_last, j_last) = matched[0], matched[-1]
        if 0 < i_first <= 2 and j_first - i_first >= 0:  # the first words swapped: cover them
            span_weight += sum(self._weights[j_first - i_first : j_first])
            j_first -= i_first
        tail = len(ex.tokens) - 1 - i_last
        if 0 < tail <= 2 and j_last + tail < len(self._tokens):  # the last words swapped
            span_weight += sum(self._weights[j_last + 1 : j_last + tail + 1])
            j_last += tail
        got_e = sum(ex.weights[i] for i, _ in matched)
        got_t = sum(self._weights[j] for _, j in matched)
        similarity = (got_e + got_t) / (sum(ex.weights) + span_weight)
        verbatim = len(matched) == len(ex.tokens) and got_t == span_weight
        need = MIN_CONTENT_VERBATIM if verbatim else MIN_CONTENT
        if similarity < MIN_SIMILARITY or ex.content_weight(i for i, _ in matched) < need:
            return None
        return similarity, j_first, j_last

    def _nearest_run(self, part: list[str], lo: int, hi: int, *, last: bool) -> int:
        """Start of the last (or first) copy of the word sequence ``part`` within text words
        ``[lo, hi)``, or -1."""
        tokens, n = self._tokens, len(part)
        starts = range(min(hi, len(tokens)) - n, max(lo, 0) - 1, -1) if last else range(
            max(lo, 0), min(hi, len(tokens)) - n + 1)
        for j in starts:
            if tokens[j : j + n] == part:
                return j
        return -1

    def _make(self, nlo: int, nhi: int, status: Status, score: float) -> Alignment:
        """An Alignment for the normalised-text range ``[nlo, nhi)``."""
        start, end = self._starts[nlo], self._ends[nhi - 1]
        return Alignment(start, end, status, score, self.text[start:end])


def _positions(haystack: str, needle: str) -> list[int]:
    """Start indexes of ``needle`` in ``haystack``, overlapping ones included (capped)."""
    found: list[int] = []
    pos = haystack.find(needle)
    while pos >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


class _Words:
    """An excerpt's words, split into the parts between abridgement marks."""

    def __init__(self, parts: list[tuple[list[str], list[float]]]) -> None:
        self.parts = [tokens for tokens, _ in parts]
        self.tokens = [t for tokens, _ in parts for t in tokens]
        self.weights = [w for _, weights in parts for w in weights]
        self.part_of = [k for k, (tokens, _) in enumerate(parts) for _ in tokens]
        self.base = [0]
        for tokens in self.parts:
            self.base.append(self.base[-1] + len(tokens))

    def content_weight(self, indexes) -> float:
        """The number of content (non-stop) words among the tokens at ``indexes``."""
        return sum(self.weights[i] for i in indexes if self.tokens[i] not in STOPWORDS)


def _trim(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The best-scoring run of in-order matches: each match earns 1, each word skipped on
    either side between neighbouring matches costs 0.5 (the larger of the two skips)."""
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for k, (i, j) in enumerate(pairs):
        if k == 0:
            run, start = 1.0, 0
        else:
            pi, pj = pairs[k - 1]
            extended = run + 1.0 - 0.5 * max(i - pi - 1, j - pj - 1)
            if extended >= 1.0:
                run = extended
            else:
                run, start = 1.0, k
        if run > best:
            best, best_span = run, (start, k + 1)
    return pairs[best_span[0] : best_span[1]]


@lru_cache(maxsize=16)
def _aligner(text: str) -> Aligner:
    return Aligner(text)


def align(excerpt: str, text: str) -> Alignment:
    """Locate ``excerpt`` in ``text``; returns an ``Alignment`` with offsets into ``text``.

    Stateless: the same arguments always give the same answer (the first best occurrence).
    """
    return _aligner(text)._align(excerpt, track=False)


def _grounded(alignment: Alignment, evidence: str) -> dict:
    """The library-filled fields of a Claim or Position for one alignment."""
    if not alignment.found:
        return {"span": None, "grounding": "not_found", "source_text": None}
    source = alignment.source_text if alignment.source_text != evidence else None
    return {
        "span": Span(start=alignment.start, end=alignment.end),
        "grounding": alignment.status,
        "source_text": source,
    }


def ground_briefing(extracted: ExtractedBriefing, text: str) -> Briefing:
    """Return a ``Briefing`` whose claims and positions carry span, grounding and source text.

    Evidence that cannot be located is kept with ``grounding="not_found"`` and no span.
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


def unlocated_excerpts(extracted: ExtractedBriefing, text: str) -> list[str]:
    """Return the evidence strings of claims and positions that align as ``not_found``."""
    aligner = Aligner(text)
    evidence = [c.evidence for c in extracted.claims]
    evidence += [p.evidence for d in extracted.disputes for p in d.positions]
    return [e for e in evidence if not aligner.align(e).found]
