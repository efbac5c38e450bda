"""What changed between an excerpt and the article words it was matched to.

A fuzzy alignment pairs excerpt words with article words. ``compare`` walks the places where the
two part and returns the ``Difference`` pairs (the excerpt's words, the article's words) and,
when one of them changes what the excerpt means, the reason: a negation added or removed
(including "un-", "non-" and the like), a figure changed, content words in another order, a word
cut in half at the excerpt's edge, or an abridgement mark ("...") that skips a negation.

An abridgement mark that only leaves words out, figures included, is not a difference.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.models import Difference
from briefing.text.fold import (
    HYPHENATED_NEGATING_PREFIXES,
    NEGATION_PARTICLES,
    STOPWORDS,
    negated_form,
    negation_flags,
    number_value,
)

# Punctuation that closes a clause: a negation fenced off by it on both sides of an
# abridgement does not govern the words the excerpt kept.
CLAUSE_PUNCT = frozenset(",;:.!?()[]\"")
# Punctuation that ends a sentence: an edge gap never stands against the article's next sentence.
SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True)
class Words:
    """The words of one side (excerpt or article) with their places, for reporting."""

    tokens: list[str]
    lo: Sequence[int]  # start of each token in the normalised text
    hi: Sequence[int]  # end of each token in the normalised text
    norm: str
    starts: Sequence[int]  # normalised index -> original start offset (an array: 8 bytes each)
    ends: Sequence[int]  # normalised index -> original end offset
    original: str
    negations: list[bool]  # negation words, "n't" included
    particles: list[bool]  # the negations that bind the next words ("not", "never", "n't")

    @classmethod
    def of(cls, original: str, norm: str, starts: Sequence[int], ends: Sequence[int],
           tokens: list[str], lo: Sequence[int], hi: Sequence[int]) -> Words:
        return cls(tokens, lo, hi, norm, starts, ends, original, negation_flags(tokens),
                   negation_flags(tokens, NEGATION_PARTICLES))

    def text(self, first: int, last: int) -> str:
        """The original text from token ``first`` to token ``last`` (inclusive); '' if empty."""
        if last < first:
            return ""
        return self.original[self.starts[self.lo[first]] : self.ends[self.hi[last] - 1]]

    def separators(self, first: int, last: int) -> str:
        """The characters between tokens ``first`` .. ``last`` (not the tokens themselves)."""
        return "".join(self.norm[self.hi[t] : self.lo[t + 1]] for t in range(first, last))

    def negation_before(self, token: int) -> bool:
        """Whether the word just before token ``token`` is a negation particle, with no clause
        punctuation between them ("did not | say the reform would fail")."""
        return token > 0 and self.particles[token - 1] and not (
            CLAUSE_PUNCT & set(self.separators(token - 1, token))
        )


@dataclass(frozen=True)
class Comparison:
    """The differences of one fuzzy match and why it changes the meaning (None: it does not)."""

    differences: tuple[Difference, ...]
    change: str | None


def compare(
    ex: Words,
    art: Words,
    matched: Sequence[tuple[int, int]],
    part_of: Sequence[int],
    span: tuple[int, int],
) -> Comparison:
    """Compare excerpt and article around the in-order word pairs ``matched`` (excerpt index,
    article index); ``span`` is the first and last article word the match covers and
    ``part_of`` gives each excerpt word's part between abridgement marks."""
    matched = _slide_inwards(ex.tokens, list(matched))
    (i0, j0), (i_end, j_end) = matched[0], matched[-1]
    differences: list[Difference] = []
    changes: list[str] = []
    # (excerpt words, article words between the neighbouring matched words) of every gap
    gaps: list[tuple[range, range]] = []

    def gap(e: range, a: range, edge: str, context: tuple[int, int]) -> None:
        if not e and not a:
            return
        e_toks = [ex.tokens[i] for i in e]
        # an edge gap with no article words of its own stands against the words beyond the span
        against = _beside(art, e, a, edge, span) if edge else a
        a_toks = [art.tokens[j] for j in against]
        said = _one_sentence(ex, e, edge) if edge and not _ends_sentence(art, against) else e
        if sum(ex.negations[i] for i in said) % 2 != sum(art.negations[j] for j in against) % 2 or any(negated_form(x, y) for x in e_toks for y in a_toks):
            changes.append("negation")
        if _figures(e_toks) != _figures(a_toks):
            changes.append("figure")
        if edge and _cut(e_toks, a_toks, edge):
            changes.append("partial word")
        differences.append(_difference(ex, art, e, a, context))

    gap(range(i0), range(span[0], j0), "lead", (i0, j0))
    gaps.append((range(i0), range(j0)))
    for (i1, j1), (i2, j2) in itertools.pairwise(matched):
        if part_of[i1] != part_of[i2]:  # an abridgement mark: the article words are skipped
            tail_words = sum(part_of[i] == part_of[i1] for i in range(i1 + 1, i2))
            if j2 - (i2 - i1 - 1 - tail_words) <= j1 + tail_words:  # no room for the unmatched words
                changes.append("the parts of the abridged excerpt overlap in the article")
            if _skips_negation(art, j1, j2):
                changes.append("abridgement skips a negation")
                differences.append(Difference(ex.text(i1, i2), art.text(j1, j2)))
            gap(range(i1 + 1, i2), range(0), "", (i1, j1))
        else:
            gap(range(i1 + 1, i2), range(j1 + 1, j2), "", (i1, j1))
        gaps.append((range(i1 + 1, i2), range(j1 + 1, j2)))
    gap(range(i_end + 1, len(ex.tokens)), range(j_end + 1, span[1] + 1), "tail", (i_end, j_end))
    gaps.append((range(i_end + 1, len(ex.tokens)), range(j_end + 1, len(art.tokens))))
    if len(set(part_of)) > 1 and {part_of[i] for i, _ in matched} != set(part_of):
        changes.append("a part of the abridged excerpt is not in the article")
    if _moved(ex, art, gaps, span):
        changes.append("word order")
    if art.negation_before(span[0]):
        changes.append("negation")
        differences.append(Difference(ex.text(0, min(1, len(ex.tokens) - 1)),
                                      art.text(span[0] - 1, min(span[0] + 1, span[1]))))
    return Comparison(tuple(differences), changes[0] if changes else None)


def _slide_inwards(tokens: list[str], matched: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair an edge word that the excerpt repeats ("is is the only ...") with its inner copy, so
    the outer copy is compared with the article word beyond it (the "this" it was cut from)."""
    paired = {i for i, _ in matched}
    i, j = matched[0]
    while i + 1 < len(tokens) and i + 1 not in paired and tokens[i + 1] == tokens[i]:
        i += 1
    matched[0] = (i, j)
    i, j = matched[-1]
    while i - 1 >= 0 and i - 1 not in paired and tokens[i - 1] == tokens[i]:
        i -= 1
    matched[-1] = (i, j)
    return matched


def _moved(ex: Words, art: Words, gaps: list[tuple[range, range]], span: tuple[int, int]) -> bool:
    """Whether content words are in another order: an unmatched excerpt word that the article
    has near the span but not between the matched words around it, or shared words that stand
    in another order within one gap ("NATO blamed Russia" against "Russia blamed NATO")."""
    unmatched = sum(len(e) for e, _ in gaps)
    reach = max(3, unmatched)
    lo, hi = max(0, span[0] - reach), min(len(art.tokens), span[1] + reach + 1)
    paired = set(range(lo, hi))
    for _, a in gaps:
        paired -= set(a)
    nearby = {art.tokens[j] for j in range(lo, hi) if j not in paired}
    for e, a in gaps:
        words = [ex.tokens[i] for i in e if ex.tokens[i] not in STOPWORDS]
        if not words:
            continue
        window = range(max(a.start, lo), min(a.stop, hi))
        own = [art.tokens[j] for j in window if art.tokens[j] in words]
        if any(w in nearby and w not in own for w in words):
            return True
        if [w for w in words if w in own] != [w for w in own if w in words]:
            return True
    return False


def _figures(tokens: list[str]) -> list[float | str]:
    values = (number_value(t) for t in tokens)
    return [v for v in values if v is not None]


def _ends_sentence(words: Words, r: range) -> bool:
    """Whether a sentence ends between the words of ``r``."""
    return any(SENTENCE_END & set(words.separators(t, t + 1)) for t in range(r.start, r.stop - 1))


def _one_sentence(words: Words, e: range, edge: str) -> range:
    """An edge gap's words in the sentence of the matched words next to it: a tail stops at the
    first sentence end after them, a lead starts after the last one before them. A sentence the
    other side does not hold is not mentioned there, so its negation negates nothing it says."""
    if edge == "tail":
        for t in range(max(e.start - 1, 0), e.stop - 1):
            if SENTENCE_END & set(words.separators(t, t + 1)):
                return range(e.start, t + 1)
        return e
    for t in range(min(e.stop, len(words.tokens) - 1) - 1, e.start - 1, -1):
        if SENTENCE_END & set(words.separators(t, t + 1)):
            return range(t + 1, e.stop)
    return e


def _beside(art: Words, e: range, a: range, edge: str, span: tuple[int, int]) -> range:
    """The article words an edge gap of the excerpt stands against: the gap's own words, or
    when it has none, as many words just outside the span, within the span's sentence (the
    words after a full stop belong to another statement)."""
    if a or not e:
        return a
    if edge == "lead":
        first = max(0, span[0] - len(e))
        while first < span[0] and SENTENCE_END & set(art.separators(first, span[0])):
            first += 1  # the words of the sentence before are another statement
        return range(first, span[0])
    last = min(len(art.tokens), span[1] + 1 + len(e))
    while last > span[1] + 1 and SENTENCE_END & set(art.separators(span[1], last - 1)):
        last -= 1
    return range(span[1] + 1, last)


def _cut(e_toks: list[str], a_toks: list[str], edge: str) -> bool:
    """Whether the excerpt's edge word is part of the article's word there ("nlikely" of
    "unlikely" at the start, "charg" of "charged" at the end)."""
    if not e_toks or not a_toks:
        return False
    e, a = (e_toks[0], a_toks[0]) if edge == "lead" else (e_toks[-1], a_toks[-1])
    if e == a or not e:
        return False
    # "nlikely" of "unlikely", "binding" or "non" of "non-binding" (one word); not "358" of
    # "hit.358", cut at punctuation
    if edge == "lead":
        return a.endswith(e) and (a[-len(e) - 1].isalnum() or a[: -len(e) - 1] in HYPHENATED_NEGATING_PREFIXES)
    return a.startswith(e) and (a[len(e)].isalnum() or e in HYPHENATED_NEGATING_PREFIXES)


def _skips_negation(art: Words, j1: int, j2: int) -> bool:
    """Whether the article words skipped between kept words ``j1`` and ``j2`` hold a negation
    that is not fenced off from the kept words by clause punctuation on both sides."""
    for k in range(j1 + 1, j2):
        if art.negations[k]:
            left = CLAUSE_PUNCT & set(art.separators(j1, k))
            right = CLAUSE_PUNCT & set(art.separators(k, j2))
            if not (left and right):
                return True
    return False


def _difference(ex: Words, art: Words, e: range, a: range,
                context: tuple[int, int] | None) -> Difference:
    """The pair of texts for one gap; an insertion or deletion is shown with the matched word
    next to it (``context``) on both sides, so "not" reads "will not" against "will"."""
    e_lo, e_hi = (e.start, e.stop - 1) if e else (None, None)
    a_lo, a_hi = (a.start, a.stop - 1) if a else (None, None)
    if context is not None and (not e or not a):
        ci, cj = context
        e_lo = ci if e_lo is None else min(ci, e_lo)
        e_hi = ci if e_hi is None else max(ci, e_hi)
        a_lo = cj if a_lo is None else min(cj, a_lo)
        a_hi = cj if a_hi is None else max(cj, a_hi)
    ex_text = ex.text(e_lo, e_hi) if e_lo is not None and e_hi is not None else ""
    art_text = art.text(a_lo, a_hi) if a_lo is not None and a_hi is not None else ""
    return Difference(ex_text, art_text)
