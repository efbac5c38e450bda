"""Comparing two figures: same, consistent, conflicting or incomparable, with a note.

Rules, in order:

1. Different dimensions (a count and a percentage, a length and a mass) are "incomparable";
   so is money in two currencies ("not compared without an exchange rate").
2. Two plain figures that are equal once read ("two" and "2", "2.5" and "2.50", "8-year-old"
   and "eight-year-old", "one-fifth" and "20%") are "same".
3. Units of one dimension are converted with pint and compared the way newsrooms round: the
   figures are "same" when the converted value of either one, rounded to the precision the
   other is written with, gives that other figure. A whole number's trailing zeros are read
   as rounding, down to ``QuantityOptions.min_significant_digits`` (2): "190 km/h" stands for
   185-195, so 120 mph (193.1 km/h) matches both "193 km/h" and "190 km/h", and 200 km/h
   (124.3 mph) matches "120 mph"; "100" stands for 95-105. A rounding window is at most
   ``max_rounding_rel`` (10%) of the figure either side ("1 foot" is 0.9-1.1 ft). Temperatures
   are read to their last written digit (100F = 37.8C matches "38C", not "40C"). Failing
   that, a difference within ``conversion_rel_tol`` (2%), measured in either figure's unit, is
   "consistent".
4. A figure written with a scale word ("1.2 million", "$88m") is read as rounded: a figure that
   rounds to it ("1,234,567", "$88.4m") is "consistent".
5. Bounds, approximations and ranges are intervals: "more than 100" is (100, inf), "at least 5"
   is [5, inf), "about 100" is 100 ± ``approximate_rel_tol`` (10%), "nearly 100" is 90-100,
   "just over 100" is 100-110 (open at 100). Overlapping intervals are "consistent" (the same
   bound on the same figure is "same"), disjoint ones "conflicting". Two bounds or
   approximations of one kind state a figure each, compared as plain figures ("at least 140" /
   "at least 200" conflict); two ranges compare end by end ("30 to 40" / "30 to 83" conflict,
   "between 30 and 40" / "30-40" are the same).
6. Everything else is "conflicting".
"""

from __future__ import annotations

import dataclasses
import math

from briefing.quantities.model import Comparison, Quantity, Relation
from briefing.quantities.options import DEFAULT_OPTIONS, QuantityOptions
from briefing.quantities.units import UNIT_SYMBOLS, from_base, to_base

Interval = tuple[float, bool, float, bool]
"""(low, low is open, high, high is open)."""


def _close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def rounding_step(q: Quantity, options: QuantityOptions) -> float:
    """The width of the rounding window of ``q`` in its unit: 10 for "190", 1 for "24"."""
    if q.dimension == "temperature":
        return q.step
    significant = q.leading / 10 ** (options.min_significant_digits - 1)
    return min(q.precision, max(significant, q.step))


def _half_window(q: Quantity, value: float, options: QuantityOptions) -> float:
    half = rounding_step(q, options) / 2
    if q.dimension == "temperature":
        return half
    return min(half, abs(value) * options.max_rounding_rel)


def _interval(q: Quantity, options: QuantityOptions, rounding: bool) -> Interval:
    """The values ``q`` allows, in its written unit."""
    low, high = q.value_low, q.value_high
    half = _half_window(q, low, options) if rounding else 0.0
    spread = max(abs(low) * options.approximate_rel_tol, half)
    if q.qualifier == "approximately":
        return low - spread, False, low + spread, False
    if q.qualifier == "nearly":
        return low - spread, False, low + half, False
    if q.qualifier == "just_over":
        return low - half, half == 0.0, low + spread, False
    if q.qualifier == "more_than":
        return low, True, high, False
    if q.qualifier == "less_than":
        return low, False, high, True
    return low - half, False, high + half, False


def _to_base(interval: Interval, unit: str | None) -> Interval:
    low, low_open, high, high_open = interval
    return to_base(low, unit), low_open, to_base(high, unit), high_open


def _overlap(a: Interval, b: Interval) -> bool:
    a_low, a_low_open, a_high, a_high_open = a
    b_low, b_low_open, b_high, b_high_open = b
    low, low_open = (a_low, a_low_open) if a_low > b_low else (b_low, b_low_open)
    if _close(a_low, b_low):
        low, low_open = max(a_low, b_low), a_low_open or b_low_open
    high, high_open = (a_high, a_high_open) if a_high < b_high else (b_high, b_high_open)
    if _close(a_high, b_high):
        high, high_open = min(a_high, b_high), a_high_open or b_high_open
    if _close(low, high):
        return not (low_open or high_open)
    return low < high


def _contains(interval: Interval, value: float) -> bool:
    return _overlap(interval, (value, False, value, False))


def _format(value: float, unit: str | None) -> str:
    symbol = UNIT_SYMBOLS.get(unit or "", "")
    number = f"{value:,.4g}"
    if symbol in ("%", "°F", "°C"):
        return f"{number}{symbol}"
    return f"{number} {symbol}".strip()


def _reading_note(a: Quantity, b: Quantity) -> str:
    if "fraction" in (a.unit, b.unit):
        fraction = a if a.unit == "fraction" else b
        return f"{fraction.text} = {_format(fraction.value_low, 'percent')}"
    if a.unit != b.unit:
        value = a.value_low if math.isfinite(a.value_low) else a.value_high
        converted = from_base(to_base(value, a.unit), b.unit)
        return f"converted: {_format(value, a.unit)} = {_format(converted, b.unit)}"
    return "words read as numbers"


def compare_quantities(
    a: Quantity, b: Quantity, options: QuantityOptions = DEFAULT_OPTIONS
) -> Comparison:
    """Compare two figures; returns a :class:`Comparison` (rules in the module docstring).

    >>> from briefing.quantities.reading import find_quantities
    >>> def cmp(x, y):
    ...     return compare_quantities(find_quantities(x)[0], find_quantities(y)[0])
    >>> cmp("15 miles", "24 km").relation, cmp("15 miles", "40 km").relation
    ('same', 'conflicting')
    >>> cmp("more than 100", "120").note
    'more than 100 allows 120'
    >>> cmp("$88m", "103 million euros").note
    'different currencies (USD, EUR): not compared without an exchange rate'
    """
    if a.dimension != b.dimension:
        return Comparison("incomparable",
                          f"different kinds of figure ({a.dimension}, {b.dimension}): "
                          f"{a.text} vs {b.text}", a, b)
    if a.currency != b.currency:
        return Comparison("incomparable",
                          f"different currencies ({a.currency}, {b.currency}): not compared "
                          "without an exchange rate", a, b)
    units_differ = a.unit != b.unit
    converted = units_differ or a.from_words != b.from_words
    rounding = units_differ or a.scaled or b.scaled
    how = f" ({_reading_note(a, b)})" if converted else ""
    if a.is_exact and b.is_exact:
        return _compare_exact(a, b, options, units_differ, rounding, how, converted)
    a_unit, b_unit = (a.unit, b.unit) if units_differ else (None, None)
    a_interval = _to_base(_interval(a, options, rounding), a_unit)
    b_interval = _to_base(_interval(b, options, rounding), b_unit)
    same_values = _close(to_base(a.value_low, a_unit), to_base(b.value_low, b_unit)) and _close(
        to_base(a.value_high, a_unit), to_base(b.value_high, b_unit))
    if a.qualifier == b.qualifier and same_values:
        return Comparison("same", f"{a.text} = {b.text}{how}", a, b, converted)
    if a.qualifier == b.qualifier == "range":  # one range reported twice: its ends must agree
        return _compare_ranges(a, b, options, units_differ, rounding, how, converted)
    if a.qualifier == b.qualifier:  # one tally reported twice
        stated = _compare_exact(_as_stated(a), _as_stated(b), options, units_differ, rounding, how, converted)
        if stated.relation == "conflicting":
            return Comparison("conflicting", f"{a.text} ≠ {b.text} (the same qualifier, another figure){how}",
                              a, b, converted)
        return stated
    bound, other = (a, b) if not a.is_exact else (b, a)
    if _overlap(a_interval, b_interval):
        verb = "allows" if other.is_exact else "overlaps"
        return Comparison("consistent", f"{bound.text} {verb} {other.text}{how}", a, b, converted)
    verb = "excludes" if other.is_exact else "does not overlap"
    return Comparison("conflicting", f"{bound.text} {verb} {other.text}{how}", a, b, converted)


def _compare_ranges(a: Quantity, b: Quantity, options: QuantityOptions, units_differ: bool,
                    rounding: bool, how: str, converted: bool) -> Comparison:
    """Two ranges agree when both ends do ("between 30 and 40" / "30-40"); an end that differs
    ("30 to 40" / "30 to 83") is another range, not an overlap."""
    ends = [_compare_exact(_end(a, high), _end(b, high), options, units_differ, rounding, how, converted)
            for high in (False, True)]
    if any(end.relation == "conflicting" for end in ends):
        return Comparison("conflicting", f"{a.text} ≠ {b.text} (another range){how}", a, b, converted)
    relation: Relation = "same" if all(end.relation == "same" for end in ends) else "consistent"
    return Comparison(relation, f"{a.text} {'=' if relation == 'same' else '≈'} {b.text}{how}", a, b, converted)


def _end(quantity: Quantity, high: bool) -> Quantity:
    """One end of a range, as a plain figure."""
    value = quantity.value_high if high else quantity.value_low
    return dataclasses.replace(quantity, qualifier=None, value_low=value, value_high=value)


def _as_stated(quantity: Quantity) -> Quantity:
    """The figure a bound or an approximation states, as a plain figure ("over $363m" -> $363m)."""
    finite = quantity.value_high if math.isinf(quantity.value_low) else quantity.value_low
    return dataclasses.replace(quantity, qualifier=None, value_low=finite, value_high=finite)


def _within(a: Quantity, b: Quantity, rel_tol: float) -> bool:
    """Whether either figure, converted to the other's unit, is within ``rel_tol`` of it."""
    a_in_b = from_base(a.low, b.unit)
    b_in_a = from_base(b.low, a.unit)
    return math.isclose(a_in_b, b.value_low, rel_tol=rel_tol) or math.isclose(
        b_in_a, a.value_low, rel_tol=rel_tol)


def _compare_exact(a: Quantity, b: Quantity, options: QuantityOptions, units_differ: bool,
                   rounding: bool, how: str, converted: bool) -> Comparison:
    a_unit, b_unit = (a.unit, b.unit) if units_differ else (None, None)
    value_a, value_b = to_base(a.value_low, a_unit), to_base(b.value_low, b_unit)
    if _close(value_a, value_b):
        return Comparison("same", f"{a.text} = {b.text}{how}", a, b, converted)
    if rounding:
        window_a = _to_base(_interval(a, options, True), a_unit)
        window_b = _to_base(_interval(b, options, True), b_unit)
        if _contains(window_b, value_a) or _contains(window_a, value_b):
            if units_differ:
                return Comparison("same", f"{a.text} ≈ {b.text}{how}", a, b, True)
            return Comparison("consistent", f"{a.text} ≈ {b.text} (rounded)", a, b, converted)
    if units_differ and _within(a, b, options.conversion_rel_tol):
        return Comparison("consistent",
                          f"{a.text} ≈ {b.text} (within {options.conversion_rel_tol:.0%}){how}",
                          a, b, True)
    return Comparison("conflicting", f"{a.text} ≠ {b.text}{how}", a, b, converted)
