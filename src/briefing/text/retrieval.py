"""Passage ranking: cut articles into sentence passages and rank them for a claim with BM25.

A passage is one sentence (a sentence longer than ``max_chars`` is cut at spaces into pieces of
at most that length), with exact offsets into its article. Passages are ranked by BM25 (the
Lucene variant, computed by the ``bm25s`` library): a passage earns a share for every claim word
it holds, more for words that few passages of the day hold, less the longer the passage is.
Words are folded as grounding folds them (curly quotes, dashes, case, accents) and stop words
are left out, so "the" or "not" alone ranks nothing and a negated claim finds the sentence it
negates. The score explains itself: which claim words a passage shares, weighted by rarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefing.text.fold import STOPWORDS, TOKEN, fold_fast
from briefing.text.sentences import split_sentences


@dataclass(frozen=True)
class Passage:
    """One passage: ``texts[article][start:end] == text``; ``article`` indexes the texts ranked."""

    article: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Ranked:
    """A passage with its BM25 score for one query (higher is more relevant; always > 0)."""

    passage: Passage
    score: float
    position: int  # the passage's index in ``PassageIndex.passages``


def terms(text: str) -> list[str]:
    """The words BM25 compares: folded, hyphenated compounds split, stop words left out."""
    words: list[str] = []
    for token in TOKEN.findall(fold_fast(text)):
        words.extend(piece for piece in token.split("-") if piece and piece not in STOPWORDS)
    return words


def split_passages(text: str, *, max_chars: int = 600) -> list[tuple[int, int]]:
    """``(start, end)`` of each passage of ``text``: its sentences, long ones cut at spaces."""
    spans: list[tuple[int, int]] = []
    for sentence in split_sentences(text):
        start, end = sentence.start, sentence.end
        while end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars)
            cut = start + max_chars if cut <= start else cut
            spans.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            spans.append((start, end))
    return spans


class PassageIndex:
    """The passages of a set of article texts, indexed for BM25 ranking. Build once per day.

    Args:
        texts: the article texts; ``Passage.article`` is an index into them.
        max_chars: the longest passage; longer sentences are cut at spaces.
        k1: BM25 term-frequency saturation (1.5, the usual default).
        b: BM25 length normalisation (0.75, the usual default).
    """

    def __init__(self, texts: Sequence[str], *, max_chars: int = 600, k1: float = 1.5,
                 b: float = 0.75) -> None:
        self.texts = list(texts)
        self.passages = [
            Passage(k, start, end, text[start:end])
            for k, text in enumerate(self.texts)
            for start, end in split_passages(text, max_chars=max_chars)
        ]
        self._bm25: Any = None
        if any(terms(p.text) for p in self.passages):
            import bm25s  # type: ignore[import-untyped]  # loaded on first use: it brings numpy

            self._bm25 = bm25s.BM25(k1=k1, b=b)
            self._bm25.index([terms(p.text) for p in self.passages], show_progress=False)

    def rank(self, query: str, top: int) -> list[Ranked]:
        """The ``top`` passages that share a word with ``query``, best first (ties: text order)."""
        words = terms(query)
        if self._bm25 is None or not words or top <= 0:
            return []
        import numpy as np  # bm25s brought it

        scores = np.asarray(self._bm25.get_scores(words))
        held = np.flatnonzero(scores > 0)
        if len(held) > top:  # the top-k without sorting every passage; ties go to the earlier
            kth = np.partition(scores[held], len(held) - top)[len(held) - top]
            above = held[scores[held] > kth]
            held = np.concatenate([above, held[scores[held] == kth][:top - len(above)]])
        order = held[np.lexsort((held, -scores[held]))]
        return [Ranked(self.passages[i], float(scores[i]), i) for i in order.tolist()]

    def neighbours(self, position: int, context: int) -> tuple[int, int]:
        """``(start, end)`` in its article of the passage at ``position`` widened by up to
        ``context`` passages on each side, never past its article."""
        passage = self.passages[position]
        lo = hi = position
        while lo > 0 and position - lo < context and self.passages[lo - 1].article == passage.article:
            lo -= 1
        while (hi + 1 < len(self.passages) and hi - position < context
               and self.passages[hi + 1].article == passage.article):
            hi += 1
        return self.passages[lo].start, self.passages[hi].end
