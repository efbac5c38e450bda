"""One entry point for rules: compare the figures, dates and direction words of two texts.

:func:`compare_texts` is meant for two short texts that otherwise match (a claim and an article
sentence, two outlets' versions of a sentence). Pairing:

* Figures pair only with figures of the same dimension (money with money, whatever the
  currency, so a currency mismatch is reported as "incomparable").
* First, counts followed by the same counted word pair up, in order ("3 dead, 140 injured"
  vs "3 dead, 400 injured" pairs 3 with 3 and 140 with 400; plurals are folded: "night" =
  "nights").
* Then each remaining figure of ``a`` pairs with the first remaining figure of ``b`` that is
  "same" or "consistent" with it (so reordering a list does not read as a conflict).
* Then the rest pair in order of appearance; what is left over is ``unmatched``.
* Dates pair the same way: a mention pairs with the first remaining one it agrees with, then
  with the first remaining one sharing a field (weekday, day, month, year, time).

A text pair in which neither text has a digit, a number word, a month or weekday name or
"noon"/"midnight" is not searched for figures (one regex); pint is only loaded when two figures
in different units are compared. Direction words are looked up in the lexicon of ``language``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from briefing.quantities.comparing import compare_quantities
from briefing.quantities.dates import MONTHS, WEEKDAYS, compare_dates, find_dates
from briefing.quantities.directions import load_directions, tokenize
from briefing.quantities.model import Comparison, DateMention, Quantity, TextComparison
from briefing.quantities.options import DEFAULT_OPTIONS, QuantityOptions
from briefing.quantities.reading import PREFILTER_RE, find_quantities

_DATE_WORDS_RE = re.compile(
    r"(?i)\b(?:noon|midday|midnight|"
    + "|".join(name[:3] for name in (*MONTHS, *WEEKDAYS))
    + r")"
)

Item = TypeVar("Item", Quantity, DateMention)


def may_hold_figures(text: str) -> bool:
    """False when ``text`` surely holds no figure and no date (a cheap regex test)."""
    return PREFILTER_RE.search(text) is not None or _DATE_WORDS_RE.search(text) is not None


def _noun(quantity: Quantity) -> str | None:
    if quantity.counted is None:
        return None
    word = quantity.counted
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _pair(
    items_a: Sequence[Item],
    items_b: Sequence[Item],
    compare: Callable[[Item, Item], Comparison],
    steps: Sequence[Callable[[Item, Item, Comparison], bool]],
) -> tuple[list[Comparison], list[Item], list[Item]]:
    """Pair items greedily, one step after the other; a step accepts a candidate pair."""
    pairs: dict[int, Comparison] = {}
    used_b: set[int] = set()
    for accept in steps:
        for i, item_a in enumerate(items_a):
            if i in pairs:
                continue
            for j, item_b in enumerate(items_b):
                if j in used_b:
                    continue
                comparison = compare(item_a, item_b)
                comparable = comparison.relation != "incomparable" or _same_kind(item_a, item_b)
                if comparable and accept(item_a, item_b, comparison):
                    pairs[i] = comparison
                    used_b.add(j)
                    break
    comparisons = [pairs[i] for i in sorted(pairs)]
    unmatched_a = [item for i, item in enumerate(items_a) if i not in pairs]
    unmatched_b = [item for j, item in enumerate(items_b) if j not in used_b]
    return comparisons, unmatched_a, unmatched_b


def _same_kind(a: Quantity | DateMention, b: Quantity | DateMention) -> bool:
    """Money in two currencies is one kind of figure: it pairs, and compares as incomparable."""
    return isinstance(a, Quantity) and isinstance(b, Quantity) and a.dimension == b.dimension


def _same_noun(a: Quantity, b: Quantity, comparison: Comparison) -> bool:
    noun = _noun(a)
    return noun is not None and a.dimension == b.dimension and noun == _noun(b)


def _same(a: object, b: object, comparison: Comparison) -> bool:
    """The same date first: "2004 - 05" pairs with "2004 - 05", not with "April 28, 2004" (which
    it is consistent with), so "April 21, 2004" is left to meet "April 28, 2004"."""
    return comparison.relation == "same"


def _agrees(a: object, b: object, comparison: Comparison) -> bool:
    return comparison.relation in ("same", "consistent")


def _quantity_in_order(a: Quantity, b: Quantity, comparison: Comparison) -> bool:
    return a.dimension == b.dimension


def _date_in_order(a: DateMention, b: DateMention, comparison: Comparison) -> bool:
    return comparison.relation != "incomparable"


def compare_texts(
    a: str, b: str, options: QuantityOptions = DEFAULT_OPTIONS, language: str = "en"
) -> TextComparison:
    """Pair and compare the figures and dates of ``a`` and ``b`` and look for opposite
    direction words; returns a :class:`TextComparison` (pairing rules in the module docstring).

    >>> result = compare_texts("3 dead, 140 injured", "3 dead, 400 injured")
    >>> [c.note for c in result.conflicts]
    ['140 ≠ 400']
    >>> compare_texts("Shares rose on Monday", "Shares fell on Monday").opposite
    ('rose', 'fell')
    """
    comparisons: list[Comparison] = []
    unmatched: list[Quantity | DateMention] = []
    unmatched_b: list[Quantity | DateMention] = []
    if may_hold_figures(a) or may_hold_figures(b):

        def compare(x: Quantity, y: Quantity) -> Comparison:
            return compare_quantities(x, y, options)

        def compare_when(x: DateMention, y: DateMention) -> Comparison:
            return compare_dates(x, y, options)

        figures = _pair(find_quantities(a), find_quantities(b), compare,
                        [_same_noun, _agrees, _quantity_in_order])
        dates = _pair(find_dates(a), find_dates(b), compare_when, [_same, _agrees, _date_in_order])
        comparisons = sorted([*figures[0], *dates[0]], key=lambda c: c.a.start if c.a else 0)
        unmatched = sorted([*figures[1], *dates[1]], key=lambda item: item.start)
        unmatched_b = sorted([*figures[2], *dates[2]], key=lambda item: item.start)
    opposite = load_directions(language).opposite(tokenize(a), tokenize(b))
    return TextComparison(tuple(comparisons), tuple(unmatched), tuple(unmatched_b), opposite)
