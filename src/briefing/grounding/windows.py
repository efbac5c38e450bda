"""Aligners for windows of one text, cut from the text's index built once.

``check`` aligns every claim against windows of a few passages of each article. Folding and
splitting a window into words for every claim cost half of a claim's time; ``TextWindows`` folds
and splits the whole text once and cuts a window's index out of it. The cut is exactly what
building the window's index afresh gives (the same folded text, offsets, words and weights):
a window is cut only where its edges stand next to a space, so that no folding step and no word
reaches across them; any other window is built afresh. Either way the answers are the same.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Any

from briefing.grounding.aligner import (
    DEFAULT_OPTIONS,
    Aligner,
    AlignOptions,
    _TextIndex,
)
from briefing.grounding.differences import Words
from briefing.grounding.inorder import Token, text_tokens
from briefing.grounding.wordchain import WordIndex
from briefing.text.fold import (
    NEGATION_PARTICLES,
    fold_char,
    negation_flags,
    normalize,
    tokenize,
)


@dataclass(frozen=True)
class Window:
    """One window of a text: ``text``, its ``Aligner`` (offsets relative to the window), and,
    when cut, ``tokens``: its words as ``find_in_order`` compares them, with offsets into the
    whole text (``find_in_order(..., tokens=window.tokens, offset=start)``)."""

    text: str
    start: int
    aligner: Aligner
    tokens: tuple[Token, ...] | None = None


class TextWindows:
    """One text, folded and split into words once; ``window(lo, hi)`` gives the window
    ``text[lo:hi]`` ready to align, as if built from ``text[lo:hi]`` alone.

    Args:
        text: the whole text (an article).
        options: the ``AlignOptions`` of the windows' aligners.
    """

    def __init__(self, text: str, options: AlignOptions = DEFAULT_OPTIONS) -> None:
        import numpy as np  # loaded on first use, as retrieval does (bm25s brings it)

        self.text = text
        self.options = options
        self.norm, starts, ends = normalize(text)
        self.words, self.weights, lo, hi = tokenize(self.norm)
        self.negations = negation_flags(self.words)
        self.particles = negation_flags(self.words, NEGATION_PARTICLES)
        self.starts, self.ends, self.lo, self.hi = (np.frombuffer(a, dtype=np.int64) for a in (starts, ends, lo, hi))
        self.tokens = text_tokens(text)
        self._token_starts = np.array([start for _, start, _, _ in self.tokens], dtype=np.int64)

    def window(self, lo: int, hi: int) -> Window:
        """The window ``text[lo:hi]``: its aligner (offsets relative to ``lo``) and words."""
        text = self.text[lo:hi]
        index = self._cut_index(lo, hi)
        aligner = Aligner(text, self.options) if index is None else Aligner(text, self.options, index=index)
        return Window(text, lo, aligner, self._cut_tokens(lo, hi))

    def _cut_index(self, lo: int, hi: int) -> _TextIndex | None:
        """The index of ``text[lo:hi]`` cut from the text's, or None where a cut could differ
        from a fresh build: an edge that is not next to a space in the folded text, or an edge
        character that folds to nothing, a space or a dash (folding joins dashes and spaces)."""
        if not 0 <= lo < hi <= len(self.text):
            return None
        first, last = fold_char(self.text[lo]), fold_char(self.text[hi - 1])
        if first[:1] in ("", " ", "-") or last[-1:] in ("", " ", "-"):
            return None
        norm = self.norm
        a, b = (int(x) for x in self.starts.searchsorted((lo, hi)))
        if a >= b or (a > 0 and norm[a - 1] != " ") or (b < len(norm) and norm[b] != " "):
            return None
        t0, t1 = (int(x) for x in self.lo.searchsorted((a, b)))
        tokens = self.words[t0:t1]
        negations, particles = self.negations[t0:t1], self.particles[t0:t1]
        if tokens:  # a word's flags depend on the word before it, which the window starts without
            negations[0] = negation_flags(tokens[:1])[0]
            particles[0] = negation_flags(tokens[:1], NEGATION_PARTICLES)[0]
        cut = Words(tokens, _shifted(self.lo[t0:t1], a), _shifted(self.hi[t0:t1], a), norm[a:b],
                    _shifted(self.starts[a:b], lo), _shifted(self.ends[a:b], lo), self.text[lo:hi],
                    negations, particles)
        return _TextIndex(cut, WordIndex(tokens, self.weights[t0:t1], self.options.max_abridged_gap))

    def _cut_tokens(self, lo: int, hi: int) -> tuple[Token, ...] | None:
        """The words of ``text[lo:hi]`` for ``find_in_order`` (offsets into the whole text), cut
        where no word can reach across an edge (a space on the outer side of each), else None."""
        text = self.text
        if (lo > 0 and not text[lo - 1].isspace()) or (hi < len(text) and not text[hi].isspace()):
            return None
        i, j = (int(x) for x in self._token_starts.searchsorted((lo, hi)))
        return self.tokens[i:j]


def _shifted(offsets: Any, by: int) -> array[int]:
    """``offsets`` (a numpy int64 array), each less ``by``, as the ``array`` a build gives."""
    return array("q", (offsets - by).tobytes())
