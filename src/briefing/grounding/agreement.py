"""Do a claim's words and the article words they were matched to say the same thing?

The one rule behind every verdict: ``check`` (supported / contradicted), daily linking
(corroborated / contested), copy folding and the synthesis check all ask ``agree``.

- **contradicts** when the two really disagree: a negation added or dropped, a figure that still
  differs after reading number words and converting units, a different weekday, month, year or
  clock time, a figure put where the article has another one (even one that is no valid date
  or time: "Feb. 47" for "Feb. 22"), or a direction word put in place of its opposite
  ("rose" / "fell");
- **same** when the claim keeps to the article's words: every content word of the claim is there
  (modifiers the claim leaves out are fine, unless they hedge or condition the statement: "may",
  "allegedly", "if"), figures agree after reading "two" as 2 and converting "15 miles" to "24 km"
  (the conversion is noted), and no figure of the claim is missing from the article's words;
- **unclear** otherwise: other words, a figure the article does not give, or amounts in two
  currencies (noted: they cannot be compared without an exchange rate). Never a false alarm.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from briefing.core.models import Difference
from briefing.grounding.hedges import hedges, titles
from briefing.quantities import (
    DateMention,
    QuantityOptions,
    TextComparison,
    compare_texts,
    find_quantities,
)
from briefing.quantities.directions import LONG_TEXT_WORDS
from briefing.text.fold import (
    NEGATIONS,
    STOPWORDS,
    fold_fast,
    folded_words,
    negated_form,
    number_value,
)
from briefing.text.sentences import sentence_ends

Relation = Literal["same", "contradicts", "unclear"]

_MEANING_CHANGES = frozenset({"negation", "abridgement skips a negation"})
"""``Alignment.change`` values that are a contradiction by themselves (``differences.py``)."""


@dataclass(frozen=True)
class AgreementOptions:
    """Every knob of ``agree``, with its default.

    Attributes:
        quantities: how figures, units and dates compare (``QuantityOptions``: conversion
            tolerance, "about", clock times), default ``QuantityOptions()``.
        language: the language of the direction and hedge lexicons, default ``"en"``
            (``quantities/lexicons/directions.en.tsv``, ``grounding/lexicons/hedges.en.txt``).
        figure_swap_words: the most words either text may have at one place where the two
            part for a figure there to count as put in place of the other's ("Feb. 47" for
            "Feb. 22", "21 a.m." for "9 a.m."), default 6; longer stretches are other words.
    """

    quantities: QuantityOptions = field(default_factory=QuantityOptions)
    language: str = "en"
    figure_swap_words: int = 6


@dataclass(frozen=True)
class Agreement:
    """What ``agree`` found: the relation, why it contradicts (``reasons``), and ``notes``
    (conversions made, amounts not compared, words that part)."""

    relation: Relation
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def contradicts(self) -> bool:
        return self.relation == "contradicts"

    @property
    def same(self) -> bool:
        return self.relation == "same"


def negated(words: str) -> bool:
    """Whether a run of words holds a negation ("not", "never", "n't", "denied", ...)."""
    return any(w in NEGATIONS or w.endswith("n't") for w, _, _ in folded_words(words))


def _within_sentence(words: str, other: str) -> str:
    """``words`` up to its first sentence end when ``other`` holds none: a sentence that one side
    adds is one the other does not mention, and its negation negates nothing the other says."""
    ends = sentence_ends(words.strip())
    return words.strip()[:ends[0]] if ends and not sentence_ends(other.strip()) else words


def negation_changed(differences: Sequence[Difference]) -> bool:
    """Whether a difference adds or drops a negation ("will not raise" / "will raise"), or puts a
    word in place of its negated form ("binding" / "non-binding")."""
    for d in differences:
        excerpt, article = _within_sentence(d.excerpt, d.article), _within_sentence(d.article, d.excerpt)
        if negated(excerpt) != negated(article):
            return True
        ours = [w for w, _, _ in folded_words(excerpt)]
        theirs = [w for w, _, _ in folded_words(article)]
        if any(negated_form(a, b) for a in ours for b in theirs):
            return True
    return False


def word_differences(claim: str, article: str) -> list[Difference]:
    """Where two texts part, word by word (case and punctuation folded): (claim words, article
    words) pairs, for texts that were not aligned by ``align``."""
    ours, theirs = folded_words(claim), folded_words(article)
    a, b = [w for w, _, _ in ours], [w for w, _, _ in theirs]
    if a == b:
        return []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > LONG_TEXT_WORDS)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            found.append(Difference(claim[ours[i1][1]:ours[i2 - 1][2]] if i2 > i1 else "",
                                    article[theirs[j1][1]:theirs[j2 - 1][2]] if j2 > j1 else ""))
    return found


def _covered(words: list[tuple[str, int, int]], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the words inside one of ``spans`` (figures and dates already compared)."""
    return {i for i, (_, start, end) in enumerate(words)
            if any(s < end and start < e for s, e in spans)}


def _dates(comparison: TextComparison, side: str) -> list[DateMention]:
    """The dates and times read on one side, paired or not."""
    items = [c.a if side == "a" else c.b for c in comparison.comparisons]
    items += list(comparison.unmatched if side == "a" else comparison.unmatched_b)
    return [item for item in items if isinstance(item, DateMention)]


def _compared_spans(comparison: TextComparison, side: str) -> list[tuple[int, int]]:
    spans = []
    for c in comparison.comparisons:
        item = c.a if side == "a" else c.b
        if item is not None and c.relation in ("same", "consistent"):
            spans.append((item.start, item.end))
    return spans


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _unread_digits(text: str, comparison: TextComparison, side: str) -> list[str]:
    """The digit groups of ``text`` outside every figure and date that was read in it."""
    items = [c.a if side == "a" else c.b for c in comparison.comparisons]
    items += list(comparison.unmatched if side == "a" else comparison.unmatched_b)
    spans = [(i.start, i.end) for i in items if i is not None]
    return [m.group() for m in _DIGITS.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in spans)]


def _changed_digits(claim: str, article: str, compared: TextComparison) -> list[str]:
    """Digits the figure reader does not read (a score "43 - 39", a day of the month, a
    number in a name) compared as written: the claim's must stand in the article's words in the
    same order, else they were changed. An article that gives no such digits is not compared."""
    ours = _unread_digits(claim, compared, "a")
    theirs = _unread_digits(article, compared, "b")
    if ours and theirs and not _in_order(ours, theirs):
        return [f"other figures: {' '.join(ours)} / {' '.join(theirs)}"]
    return []


Mark = tuple[int, int, "tuple[int, int] | None", bool]
"""A figure, date or loose digits in one text: start, end, the span of what it was paired with
in the other text (None when it was paired with nothing), and whether it is a date or time."""


def _marks(text: str, compared: TextComparison, side: str) -> list[Mark]:
    """The figures and dates of one side with their partners, and its digits read as neither."""
    marks: list[Mark] = []
    for c in compared.comparisons:
        mine, other = (c.a, c.b) if side == "a" else (c.b, c.a)
        if mine is not None:
            marks.append((mine.start, mine.end, (other.start, other.end) if other is not None else None,
                          isinstance(mine, DateMention)))
    for item in compared.unmatched if side == "a" else compared.unmatched_b:
        marks.append((item.start, item.end, None, isinstance(item, DateMention)))
    spans = [(s, e) for s, e, _, _ in marks]
    marks += [(m.start(), m.end(), None, False) for m in _DIGITS.finditer(text)
              if not any(s < m.end() and m.start() < e for s, e in spans)]
    return marks


def _figure_values(words: list[tuple[str, int, int]], spans: list[tuple[int, int]]) -> list[float | str]:
    """The values of the number words and digits of ``words`` that overlap any of ``spans``, each
    word once: a word the figure reader split ("21-14", a record, read as the loose digits 21 and
    14) counts whole, one value a part, so "21-14" and "21 - 14" give the same values."""
    values: list[float | str | None] = []
    for w, start, end in words:
        if any(start < hi and lo < end for lo, hi in spans):
            parts = [number_value(p) for p in w.split("-")] if "-" in w else []
            values += parts if len(parts) > 1 and None not in parts else [number_value(w)]
    return [v for v in values if v is not None]


def _same_amounts(ours: str, theirs: str) -> bool:
    """Whether two stretches read as the same figures, one for one, whatever the words ("110bn" /
    "110 billion euros": an amount whose currency one side leaves out is no other figure)."""
    a, b = find_quantities(ours), find_quantities(theirs)
    return bool(a) and len(a) == len(b) and all(
        (x.value_low, x.value_high) == (y.value_low, y.value_high) for x, y in zip(a, b, strict=True))


def _replaced_figures(claim: str, article: str, compared: TextComparison,
                      options: AgreementOptions) -> list[str]:
    """Figures put in place of other figures: where the two texts part (word by word) and the
    claim has a figure or date there, while the article has one there that is not the claim's
    counterpart ("Feb. 47" / "Feb. 22", "21 a.m." / "9 a.m.", "2004 - 05" / "2004 - 13"). Pairs
    that agree after conversion ("15 miles" / "24 km") and amounts not compared (two
    currencies) are each other's counterpart, never a replacement; two dates that share no
    field ("Monday" / "Nov. 30") may name one day, and are not compared."""
    ours, theirs = folded_words(claim), folded_words(article)
    marks_a, marks_b = _marks(claim, compared, "a"), _marks(article, compared, "b")
    if not marks_a or not marks_b:
        return []
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in ours], [w for w, _, _ in theirs],
                                      autojunk=len(ours) + len(theirs) > LONG_TEXT_WORDS)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or max(i2 - i1, j2 - j1) > options.figure_swap_words:
            continue
        a_lo, a_hi, b_lo, b_hi = ours[i1][1], ours[i2 - 1][2], theirs[j1][1], theirs[j2 - 1][2]

        def loose(marks: list[Mark], lo: int, hi: int, other_lo: int, other_hi: int) -> list[Mark]:
            return [m for m in marks if m[0] < hi and lo < m[1]
                    and (m[2] is None or not (m[2][0] < other_hi and other_lo < m[2][1]))]

        held_a = [m for m in marks_a if m[0] < a_hi and a_lo < m[1]]
        loose_a, loose_b = loose(marks_a, a_lo, a_hi, b_lo, b_hi), loose(marks_b, b_lo, b_hi, a_lo, a_hi)
        if not held_a or not loose_b or all(m[3] for m in [*held_a, *loose_b]):
            continue  # dates that share no field ("Monday" / "Nov. 30") may be the same day
        values_a = _figure_values(ours, [(max(m[0], a_lo), min(m[1], a_hi)) for m in loose_a])
        values_b = _figure_values(theirs, [(max(m[0], b_lo), min(m[1], b_hi)) for m in loose_b])
        if values_b and values_a != values_b and not _same_amounts(
                claim[min([a_lo, *(m[0] for m in loose_a)]):max([a_hi, *(m[1] for m in loose_a)])],
                article[min([b_lo, *(m[0] for m in loose_b)]):max([b_hi, *(m[1] for m in loose_b)])]):
            found.append(f"another figure in its place: {claim[a_lo:a_hi]} / {article[b_lo:b_hi]}")
    return found


_NAME = re.compile(r"[A-Z][\w’'-]*")


def carried(claim: str, evidence: str, options: AgreementOptions | None = None) -> tuple[str, ...]:
    """What of the claim's figures, dates and names ``evidence`` does not carry; empty when it
    carries them all. "Ridgecrest on Tuesday" does not carry "500" of "500 people died in
    Ridgecrest on Tuesday". A name is a capitalised word (at a sentence start, one that is not a
    stop word); a figure must have a counterpart that is the same or consistent.

    >>> carried("500 people died in Ridgecrest on Tuesday", "Ridgecrest on Tuesday")
    ('500',)
    """
    options = options or AgreementOptions()
    compared = compare_texts(claim, evidence, options.quantities, options.language)
    missing = [item.text for item in compared.unmatched]
    missing += [c.a.text for c in compared.comparisons
                if c.a is not None and c.relation not in ("same", "consistent")]
    theirs = {w for w, _, _ in folded_words(evidence)}
    digits = _unread_digits(evidence, compared, "b")
    missing += [d for d in _unread_digits(claim, compared, "a") if d not in digits]
    for match in _NAME.finditer(claim):
        word = fold_fast(match.group()).replace("’", "'")
        opening = not claim[:match.start()].strip() or claim[:match.start()].rstrip()[-1] in ".!?\"“"
        if (opening and word in STOPWORDS) or word in theirs or word.rstrip(".") in titles(options.language):
            continue
        missing.append(match.group())
    return tuple(dict.fromkeys(missing))


def _negation_only(a: str, b: str) -> bool:
    """Whether two opposite phrases differ only by a negation ("will" / "will not")."""
    ours, theirs = {w for w, _, _ in folded_words(a)}, {w for w, _, _ in folded_words(b)}
    return all(negated(w) for w in ours ^ theirs)


def _in_order(words: list[str], sequence: list[str]) -> bool:
    """Whether ``words`` occur in ``sequence`` in this order (others may stand between)."""
    rest = iter(sequence)
    return all(any(w == x for x in rest) for w in words)


def agree(claim: str, article: str, differences: Sequence[Difference] | None = None, *,
          change: str | None = None, options: AgreementOptions | None = None) -> Agreement:
    """Compare a claim's words with the article words they were matched to.

    Args:
        claim: the claim's words (an excerpt, a statement, another outlet's report).
        article: the article words at the matched place.
        differences: where the two part (``Alignment.differences``), used to find a negation
            added or dropped; None compares the two word by word (``word_differences``).
        change: the alignment's ``change``, if any.
        options: ``AgreementOptions``.

    Returns:
        An ``Agreement``: ``contradicts`` (with reasons), ``same`` (with notes of conversions)
        or ``unclear``.

    >>> agree("Prices fell sharply", "Prices rose sharply").reasons
    ('opposite words: fell / rose',)
    >>> agree("a storm 15 miles wide", "a storm 24 km wide").relation
    'same'
    """
    options = options or AgreementOptions()
    reasons: list[str] = []
    if differences is None:
        differences = word_differences(claim, article)
    if change in _MEANING_CHANGES or negation_changed(differences):
        reasons.append("a negation added or dropped")
    compared = compare_texts(claim, article, options.quantities, options.language)
    if compared.opposite is not None and not (reasons and _negation_only(*compared.opposite)):
        reasons.append(f"opposite words: {compared.opposite[0]} / {compared.opposite[1]}")
    reasons += [c.note for c in compared.conflicts]
    if not compared.conflicts:
        reasons += _changed_digits(claim, article, compared)
    if not compared.conflicts and not reasons:
        reasons += _replaced_figures(claim, article, compared, options)
    if reasons:
        return Agreement("contradicts", tuple(reasons), tuple(compared.conversions))
    notes = [*compared.conversions, *compared.incomparable]
    if compared.incomparable:
        return Agreement("unclear", (), tuple(notes))
    if compared.unmatched:
        missing = ", ".join(repr(item.text) for item in compared.unmatched)
        return Agreement("unclear", (), (*notes, f"the article's words here do not give {missing}"))
    ours, theirs = folded_words(claim), folded_words(article)
    skip_ours = _covered(ours, _compared_spans(compared, "a"))
    skip_theirs = _covered(theirs, _compared_spans(compared, "b"))
    their_seq = [w for i, (w, _, _) in enumerate(theirs) if i not in skip_theirs]
    their_words = set(their_seq)
    content = [w for i, (w, _, _) in enumerate(ours) if i not in skip_ours and w not in STOPWORDS]
    extra = [w for w in content if w not in their_words]
    if extra:
        return Agreement("unclear", (), (*notes, f"words not in the article here: {', '.join(extra[:5])}"))
    if not _in_order(content, their_seq):
        return Agreement("unclear", (), (*notes, "the same words in another order"))
    our_words = {w for w, _, _ in ours}
    dated = _covered(theirs, [(d.start, d.end) for d in _dates(compared, "b")])  # "May 5" hedges nothing
    hedged = sorted({w for i, (w, _, _) in enumerate(theirs)
                     if i not in dated and w not in our_words and w in hedges(options.language)})
    if hedged:
        return Agreement("unclear", (), (*notes, f"the article hedges what the claim states: {', '.join(sorted(hedged))}"))
    return Agreement("same", (), tuple(notes))
