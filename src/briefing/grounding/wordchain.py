"""Word-level matching of an excerpt against an article, for abridged or misquoted excerpts.

``WordIndex`` holds an article's words; ``WordIndex.candidates`` returns the best in-order
pairings of excerpt words with article words (``Match``), each with its word-level similarity.
Whether a match is accepted, and what its differences mean, is decided by ``grounding`` and
``differences``; this module only finds and scores.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from rapidfuzz.distance import LCSseq

from briefing.text.fold import NEGATIONS, STOPWORDS

_MAX_ANCHOR_OCCURRENCES = 64
_CANDIDATES = 3


class ExcerptWords:
    """An excerpt's words, split into the parts between abridgement marks."""

    def __init__(self, parts: list[tuple[list[str], list[float]]]) -> None:
        self.parts = [tokens for tokens, _ in parts]
        self.tokens = [t for tokens, _ in parts for t in tokens]
        self.weights = [w for _, weights in parts for w in weights]
        self.part_of = [k for k, (tokens, _) in enumerate(parts) for _ in tokens]
        self.base = [0]
        for tokens in self.parts:
            self.base.append(self.base[-1] + len(tokens))

    def content_weight(self, indexes: Iterable[int]) -> float:
        """The number of content (non-stop) words among the tokens at ``indexes``."""
        return sum(self.weights[i] for i in indexes if self.tokens[i] not in STOPWORDS)

    @cached_property
    def content(self) -> float:
        """The number of content words of the whole excerpt (``content_weight`` of every token)."""
        return self.content_weight(range(len(self.tokens)))

    @cached_property
    def by_word(self) -> dict[str, tuple[int, float, float]]:
        """Each distinct word's count, weight and content weight in the excerpt."""
        found: dict[str, tuple[int, float, float]] = {}
        for i, tok in enumerate(self.tokens):
            count, weight, content = found.get(tok, (0, 0.0, 0.0))
            found[tok] = (count + 1, weight + self.weights[i], content + self.content_weight((i,)))
        return found


@dataclass(frozen=True)
class Match:
    """One pairing of excerpt words with article words, in order on both sides.

    ``first`` and ``last`` are the first and last article words the span covers (it may cover
    up to two swapped words at either edge beyond ``pairs``)."""

    similarity: float
    first: int
    last: int
    pairs: list[tuple[int, int]]  # (excerpt word, article word)
    content: float  # content words matched
    verbatim: bool  # every excerpt word matched with no article word between


class WordIndex:
    """An article's words and where each occurs, for chaining excerpt words onto them."""

    def __init__(self, tokens: list[str], weights: list[float], max_abridged_gap: int) -> None:
        self.tokens = tokens
        self.weights = weights
        self.max_gap = max_abridged_gap

    @cached_property
    def where(self) -> dict[str, list[int]]:
        """Each word's positions, in text order (built on first use)."""
        where: dict[str, list[int]] = {}
        for j, tok in enumerate(self.tokens):
            where.setdefault(tok, []).append(j)
        return where

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words (built on first use)."""
        return frozenset(self.tokens)

    def ceiling(self, ex: ExcerptWords) -> tuple[float, float]:
        """The most similarity and content that any match of ``ex`` here could have (an upper
        bound, for ruling a search out). A match pairs equal words, each excerpt word at most
        once, and its span holds the words it pairs (an article word weighs at most 1): with
        ``E`` the weight, ``N`` the number and ``C`` the content weight of the excerpt words
        that occur here, and ``W`` the excerpt's weight, similarity is at most
        ``(E + N) / (W + N)`` and content at most ``C``. (0, 0) when no word occurs here."""
        shared = [ex.by_word[tok] for tok in ex.by_word.keys() & self.vocabulary]
        n = sum(count for count, _, _ in shared)
        if not n:
            return 0.0, 0.0
        e = sum(weight for _, weight, _ in shared)
        return (e + n) / (sum(ex.weights) + n), sum(content for _, _, content in shared)

    def candidates(self, ex: ExcerptWords) -> list[Match]:
        """Up to three scored matches of ``ex``, one per distinct chain of anchors."""
        return [m for m in (self._score(chain, ex) for chain in self._chains(ex)) if m]

    def _chains(self, ex: ExcerptWords) -> list[list[tuple[int, int]]]:
        """The best chains of (excerpt word, text word) content-word matches, in order on both
        sides, found by dynamic programming: each match earns 1, a shift off the diagonal costs
        0.5 a word, and text skipped at an abridgement mark costs little."""
        tokens, part_of = ex.tokens, ex.part_of
        pairs: list[tuple[int, int]] = []
        for i, tok in enumerate(tokens):
            if tok in STOPWORDS:
                continue
            where = self.where.get(tok, ())
            if 0 < len(where) <= _MAX_ANCHOR_OCCURRENCES:
                pairs.extend((j, i) for j in where)
        if not pairs:
            return []
        pairs.sort()
        reach = len(tokens) + 10 + (self.max_gap if part_of[-1] else 0)
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
                    if dj > self.max_gap + di:
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

    def _score(self, chain: list[tuple[int, int]], ex: ExcerptWords) -> Match | None:
        """Align every excerpt word around a chain of anchors, part by part, and score it."""
        anchors: dict[int, list[tuple[int, int]]] = {}
        for i, j in chain:
            anchors.setdefault(ex.part_of[i], []).append((i, j))
        matched: list[tuple[int, int]] = []
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
                    lo = hi - len(part) - self.max_gap
                else:
                    lo = floor
                    hi = lo + len(part) + self.max_gap
                run = self._nearest_run(part, max(lo, floor), hi, last=bool(later))
                if run >= 0:
                    lo, hi = run, run + len(part)
                elif later:
                    lo = hi - len(part) - 3
                else:
                    hi = lo + len(part) + 3
            lo = max(lo, floor)
            hi = min(hi, len(self.tokens))
            if hi <= lo:
                continue
            pairs = _trim([
                (b0 + b.a + x, lo + b.b + x)
                for b in LCSseq.editops(part, self.tokens[lo:hi]).as_matching_blocks()
                for x in range(b.size)
            ])
            if not pairs:
                continue
            matched.extend(pairs)
            prev_end = pairs[-1][1]
        matched = _drop_stray_edges(matched, ex.tokens, self.tokens, ex.part_of)
        if not matched:
            return None
        # each part's span from its first to its last pair, once stray edges are dropped: a
        # dropped edge and the article words it skipped are not in the span
        span_weight = 0.0
        for _, group in groupby(matched, key=lambda pair: ex.part_of[pair[0]]):
            js = [j for _, j in group]
            span_weight += sum(self.weights[js[0] : js[-1] + 1])
        (i_first, j_first), (i_last, j_last) = matched[0], matched[-1]
        if 0 < i_first <= 2 and j_first - i_first >= 0:  # the first words swapped: cover them
            span_weight += sum(self.weights[j_first - i_first : j_first])
            j_first -= i_first
            same = [(i, j_first + i) for i in range(i_first) if ex.tokens[i] == self.tokens[j_first + i]]
            matched = same + matched
        tail = len(ex.tokens) - 1 - i_last
        if 0 < tail <= 2 and j_last + tail < len(self.tokens):  # the last words swapped
            span_weight += sum(self.weights[j_last + 1 : j_last + tail + 1])
            matched = matched + [(i_last + k, j_last + k) for k in range(1, tail + 1)
                                 if ex.tokens[i_last + k] == self.tokens[j_last + k]]
            j_last += tail
        got_e = sum(ex.weights[i] for i, _ in matched)
        got_t = sum(self.weights[j] for _, j in matched)
        similarity = (got_e + got_t) / (sum(ex.weights) + span_weight)
        verbatim = len(matched) == len(ex.tokens) and math.isclose(got_t, span_weight)
        content = ex.content_weight(i for i, _ in matched)
        return Match(similarity, j_first, j_last, matched, content, verbatim)

    def _nearest_run(self, part: list[str], lo: int, hi: int, *, last: bool) -> int:
        """Start of the last (or first) copy of the word sequence ``part`` within text words
        ``[lo, hi)``, or -1."""
        tokens, n = self.tokens, len(part)
        starts = range(min(hi, len(tokens)) - n, max(lo, 0) - 1, -1) if last else range(
            max(lo, 0), min(hi, len(tokens)) - n + 1)
        for j in starts:
            if tokens[j : j + n] == part:
                return j
        return -1


def _drop_stray_edges(pairs: list[tuple[int, int]], ex: list[str], art: list[str],
                      part_of: list[int]) -> list[tuple[int, int]]:
    """Drop a short run of matches at an edge that stands apart from the rest across article
    words the excerpt does not have, when the run is only stop words or its words come again
    in what it skipped ("s | microphone. His | audio was ..." for an excerpt cut from "His
    audio"; "this morning | ... Hastings this morning | announced"): the excerpt's edge words
    are then compared with the article's words there. Words skipped at an abridgement mark are
    the excerpt's own choice, never a reason to drop."""
    def run_end(k: int, step: int) -> int:
        while 0 <= k + step < len(pairs) and pairs[k + step][0] - pairs[k][0] == step and (
                pairs[k + step][1] - pairs[k][1] == step):
            k += step
        return k

    def stray(run: list[tuple[int, int]], skipped: range) -> bool:
        words = {ex[i] for i, _ in run}
        between = {art[j] for j in skipped}
        if between & NEGATIONS or "t" in between:  # a skipped negation is a difference to report
            return False
        return len(run) <= 3 and (words <= STOPWORDS or bool(words & between))

    while len(pairs) > 1:
        k = run_end(0, 1)
        if k + 1 >= len(pairs):
            break
        (i1, j1), (i2, j2) = pairs[k], pairs[k + 1]
        if part_of[i1] != part_of[i2] or not (
                j2 - j1 > i2 - i1 and stray(pairs[: k + 1], range(j1 + 1, j2))):
            break
        pairs = pairs[k + 1 :]
    while len(pairs) > 1:
        k = run_end(len(pairs) - 1, -1)
        if k == 0:
            break
        (i1, j1), (i2, j2) = pairs[k - 1], pairs[k]
        if part_of[i1] != part_of[i2] or not (
                j2 - j1 > i2 - i1 and stray(pairs[k:], range(j1 + 1, j2))):
            break
        pairs = pairs[:k]
    return pairs


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
