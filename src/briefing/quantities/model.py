"""The values the package hands out: a read figure, a read date, and the verdict on a pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Relation = Literal["same", "consistent", "conflicting", "incomparable"]
Qualifier = Literal[
    "approximately", "nearly", "just_over", "more_than", "at_least", "less_than", "at_most", "range"
]


@dataclass(frozen=True)
class Quantity:
    """One figure read from a text.

    ``text`` is the surface ``source[start:end]`` (half-open character span). ``value_low`` and
    ``value_high`` are the figure in its written ``unit`` (equal unless it is a range or a bound;
    a bound's open side is ``inf``/``-inf``); ``low``/``high`` are the same interval in the base
    unit of the ``dimension`` (metres, m/s, kg, kelvin, m², m³, seconds, watts; the amount for
    money; the plain number for counts and percentages), computed with pint on first use.

    ``dimension`` is one of "count", "percent", "percentage_points", "currency", "length",
    "speed", "mass", "temperature", "area", "volume", "duration", "power". ``unit`` is a pint
    unit name ("mile", "kilometer / hour", "degree_Celsius"), "percent", "fraction" (a figure
    written as a fraction, its value given in percent), or None (counts and money). ``currency``
    is an ISO 4217 code for money. ``qualifier`` is None for a plain figure or one of
    "approximately", "nearly" (just below), "just_over", "more_than", "at_least", "less_than",
    "at_most", "range". ``precision`` is the place value of the last significant written digit
    (1 for "24", 10 for "190", 0.01 for "2.50", 100000 for "1.2 million"), ``step`` that of the
    last written digit (1 for "190") and ``leading`` that of the first digit (10 for "24");
    ``scaled`` says a scale word ("million", "bn") was used and
    ``from_words`` that the number was written in words. ``counted`` is the first content word
    after the figure ("injured" in "140 injured"), when there is one.
    """

    text: str
    start: int
    end: int
    value_low: float
    value_high: float
    dimension: str
    unit: str | None = None
    currency: str | None = None
    qualifier: Qualifier | None = None
    precision: float = 1.0
    leading: float = 1.0
    step: float = 1.0
    scaled: bool = False
    from_words: bool = False
    counted: str | None = None

    @property
    def low(self) -> float:
        """The lower end of the interval in the dimension's base unit."""
        from briefing.quantities.units import to_base

        return to_base(self.value_low, self.unit)

    @property
    def high(self) -> float:
        """The upper end of the interval in the dimension's base unit."""
        from briefing.quantities.units import to_base

        return to_base(self.value_high, self.unit)

    @property
    def is_exact(self) -> bool:
        """True for a plain figure: no bound, approximation or range."""
        return self.qualifier is None


@dataclass(frozen=True)
class DateMention:
    """A date, part of a date, or clock time read from a text.

    ``kind`` is "weekday", "month", "year", "date" (two or more of day, month, year) or "time".
    Fields not written are None: ``weekday`` 0 (Monday)..6, ``month`` 1..12, ``day`` 1..31,
    ``year``, ``hour`` 0..23 and ``minute``. ``ambiguous_clock`` marks a time written without
    a.m./p.m. or a leading zero ("6:00"), which may be ``hour`` or ``hour + 12``.
    """

    text: str
    start: int
    end: int
    kind: str
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    ambiguous_clock: bool = False


@dataclass(frozen=True)
class Comparison:
    """The verdict on two figures or two dates.

    ``relation``: "same" (they state the same value, possibly after reading words as numbers or
    converting units), "consistent" (both can be true: a bound allows the other figure, a
    rounding, an ambiguous clock time), "conflicting" (they cannot both be true), "incomparable"
    (different dimensions or currencies, or no shared date field). ``note`` says why in words.
    ``converted`` is True when units were converted or words read as numbers.
    """

    relation: Relation
    note: str
    a: Quantity | DateMention | None = None
    b: Quantity | DateMention | None = None
    converted: bool = False


@dataclass(frozen=True)
class TextComparison:
    """What :func:`briefing.quantities.compare_texts` found in two short texts.

    ``comparisons`` holds one :class:`Comparison` per paired figure or date (its ``a`` from the
    first text, ``b`` from the second). ``unmatched`` lists figures and dates of the first text
    with no counterpart in the second, ``unmatched_b`` the reverse. ``opposite`` is the first
    pair of direction words found in place of each other ("rose", "fell"), or None.
    """

    comparisons: tuple[Comparison, ...] = ()
    unmatched: tuple[Quantity | DateMention, ...] = ()
    unmatched_b: tuple[Quantity | DateMention, ...] = ()
    opposite: tuple[str, str] | None = None

    @property
    def conflicts(self) -> list[Comparison]:
        """The conflicting comparisons (each with its note)."""
        return [c for c in self.comparisons if c.relation == "conflicting"]

    @property
    def conversions(self) -> list[str]:
        """Notes of comparisons where units were converted or words read as numbers."""
        return [c.note for c in self.comparisons if c.converted]

    @property
    def incomparable(self) -> list[str]:
        """Notes of pairs that could not be compared (e.g. different currencies)."""
        return [c.note for c in self.comparisons if c.relation == "incomparable"]

    @property
    def has_conflict(self) -> bool:
        """True when a figure or date conflicts, or direction words are opposite."""
        return bool(self.conflicts) or self.opposite is not None

