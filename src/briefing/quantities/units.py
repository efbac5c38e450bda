"""Unit and currency spellings, and conversion to base units with a lazily loaded pint registry.

Reading a unit needs no pint: the spellings map to pint unit names and a dimension here. pint's
``UnitRegistry`` is built once, on the first conversion (:func:`to_base`), and each unit's
affine map to its base unit (``base = scale * value + offset``; the offset is non-zero only for
°F and °C) is cached.

Readings that are choices, not facts: "tons" is read as metric tonnes (the US short ton is 9%
smaller and newsrooms mix them), "gallons" as US gallons, a bare "$" or "dollars" as US dollars
(A$, C$, HK$, NZ$, S$ and "Australian dollars" etc. are read as such), "pounds" as a mass unless
after a scale word ("3 million pounds") or followed by "sterling", when it is GBP.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

# (regex of spellings, pint unit, dimension). Order matters: longer spellings first. Matched
# case-insensitively unless the spelling sits in CASE_SENSITIVE_UNITS.
_UNITS: tuple[tuple[str, str, str], ...] = (
    (r"miles?\s+(?:per|an|a)\s+hour|mph", "mile / hour", "speed"),
    (r"(?:kilometres?|kilometers?)\s+(?:per|an|a)\s+hour|km\s?/\s?hr?|kph|kmh|kmph",
     "kilometer / hour", "speed"),
    (r"(?:metres?|meters?)\s+(?:per|a)\s+second|m\s?/\s?s", "meter / second", "speed"),
    (r"knots?", "knot", "speed"),
    (r"square\s+miles?|sq\.?\s+mi(?:les?)?", "mile ** 2", "area"),
    (r"square\s+(?:kilometres?|kilometers?)|sq\.?\s+km|km2|km²", "kilometer ** 2", "area"),
    (r"square\s+(?:metres?|meters?)|sq\.?\s+m|m2|m²", "meter ** 2", "area"),
    (r"square\s+(?:feet|foot)|sq\.?\s+ft", "foot ** 2", "area"),
    (r"acres?", "acre", "area"),
    (r"hectares?|ha", "hectare", "area"),
    (r"cubic\s+(?:metres?|meters?)|m3|m³", "meter ** 3", "volume"),
    (r"nautical\s+miles?", "nautical_mile", "length"),
    (r"miles?|mi", "mile", "length"),
    (r"kilometres?|kilometers?|kms?", "kilometer", "length"),
    (r"centimetres?|centimeters?|cm", "centimeter", "length"),
    (r"millimetres?|millimeters?|mm", "millimeter", "length"),
    (r"metres?|meters?|m", "meter", "length"),
    (r"feet|foot|ft", "foot", "length"),
    (r"inches|inch", "inch", "length"),
    (r"yards?|yds?", "yard", "length"),
    (r"kilograms?|kilogrammes?|kilos?|kgs?", "kilogram", "mass"),
    (r"grams?|grammes?|g", "gram", "mass"),
    (r"(?:metric\s+)?tonnes?|(?:metric\s+)?tons?", "tonne", "mass"),
    (r"pounds?|lbs?", "pound", "mass"),
    (r"ounces?|oz", "ounce", "mass"),
    (r"(?:°|º|degrees?\s+|deg\.?\s+)?(?:fahrenheit|F)", "degree_Fahrenheit", "temperature"),
    (r"(?:°|º|degrees?\s+|deg\.?\s+)?(?:celsius|centigrade|C)", "degree_Celsius", "temperature"),
    (r"millilitres?|milliliters?|ml", "milliliter", "volume"),
    (r"litres?|liters?", "liter", "volume"),
    (r"gallons?", "gallon", "volume"),
    (r"barrels?", "oil_barrel", "volume"),
    (r"gigawatts?|GW", "gigawatt", "power"),
    (r"megawatts?|MW", "megawatt", "power"),
    (r"kilowatts?|kW", "kilowatt", "power"),
    (r"years?|yrs?", "year", "duration"),
    (r"months?", "month", "duration"),
    (r"weeks?", "week", "duration"),
    (r"days?", "day", "duration"),
    (r"hours?|hrs?", "hour", "duration"),
    (r"minutes?|mins?", "minute", "duration"),
    (r"seconds?|secs?", "second", "duration"),
)

# Short spellings that mean something else in another case ("5G", "F-35", "MW" vs "mw").
_CASE_SENSITIVE = {"g", "F", "C", "GW", "MW", "kW", "m", "mi", "ha", "ft", "oz", "mm", "cm", "ml"}


def _unit_alternatives() -> str:
    parts = []
    for index, (spellings, _unit, _dim) in enumerate(_UNITS):
        words = []
        for spelling in spellings.split("|"):
            if spelling in _CASE_SENSITIVE:
                words.append(f"(?-i:{spelling})")
            else:
                words.append(spelling)
        parts.append(f"(?P<u{index}>{'|'.join(words)})")
    return "|".join(parts)


UNIT_RE = re.compile(r"(?i:" + _unit_alternatives() + r")(?![\w°])")


def match_unit(text: str, pos: int) -> tuple[str, str, int] | None:
    """The unit spelled at ``text[pos:]`` as (pint unit, dimension, end), or None."""
    found = UNIT_RE.match(text, pos)
    if found is None or found.lastgroup is None:
        return None
    _spellings, unit, dimension = _UNITS[int(found.lastgroup[1:])]
    return unit, dimension, found.end()


# Currency symbols written before the amount, longest first.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "Rs": "INR", "Rs.": "INR",
}
CURRENCY_SYMBOL_RE = re.compile(
    "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
)

# Currency words written after the amount (matched case-insensitively).
CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:us|american)\s+dollars?", "USD"),
    (r"australian\s+dollars?", "AUD"),
    (r"canadian\s+dollars?", "CAD"),
    (r"hong\s+kong\s+dollars?", "HKD"),
    (r"new\s+zealand\s+dollars?", "NZD"),
    (r"singapore\s+dollars?", "SGD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"pounds?\s+sterling|sterling", "GBP"),
    (r"yen", "JPY"),
    (r"yuan|renminbi", "CNY"),
    (r"rupees?", "INR"),
    (r"roubles?|rubles?", "RUB"),
    (r"(?:swiss\s+)?francs?", "CHF"),
    (r"(?:south\s+)?korean\s+won", "KRW"),
    (r"pesos?", "MXN"),
    (r"reais", "BRL"),
    (r"lira", "TRY"),
    (r"(?-i:USD|EUR|GBP|JPY|CNY|CHF|INR|AUD|CAD)", ""),
)
CURRENCY_WORD_RE = re.compile(
    r"(?i:" + "|".join(f"(?P<c{i}>{w})" for i, (w, _c) in enumerate(CURRENCY_WORDS)) + r")\b"
)


def match_currency_word(text: str, pos: int) -> tuple[str, int] | None:
    """The currency named by a word at ``text[pos:]`` as (ISO code, end), or None."""
    found = CURRENCY_WORD_RE.match(text, pos)
    if found is None or found.lastgroup is None:
        return None
    code = CURRENCY_WORDS[int(found.lastgroup[1:])][1] or found.group().upper()
    return code, found.end()


@cache
def registry() -> pint.UnitRegistry:
    """pint's unit registry, built on first use and shared."""
    import pint

    return pint.UnitRegistry()


@cache
def _affine(unit: str) -> tuple[float, float]:
    """(scale, offset) with ``base = scale * value + offset`` for a pint unit."""
    ureg = registry()
    offset = float(ureg.Quantity(0.0, unit).to_base_units().magnitude)
    one = float(ureg.Quantity(1.0, unit).to_base_units().magnitude)
    return one - offset, offset


_NOT_PINT = {None, "percent", "fraction"}


def to_base(value: float, unit: str | None) -> float:
    """``value`` in ``unit`` converted to the dimension's base unit (unchanged for counts,
    percentages and money, which need no pint)."""
    if unit in _NOT_PINT:
        return value
    assert unit is not None
    scale, offset = _affine(unit)
    return scale * value + offset


def from_base(value: float, unit: str | None) -> float:
    """``value`` in the dimension's base unit converted to ``unit`` (inverse of to_base)."""
    if unit in _NOT_PINT:
        return value
    assert unit is not None
    scale, offset = _affine(unit)
    return (value - offset) / scale


UNIT_SYMBOLS: dict[str, str] = {
    "mile / hour": "mph", "kilometer / hour": "km/h", "meter / second": "m/s", "knot": "knots",
    "mile ** 2": "sq mi", "kilometer ** 2": "km²", "meter ** 2": "m²", "foot ** 2": "sq ft",
    "acre": "acres", "hectare": "ha", "meter ** 3": "m³", "nautical_mile": "nautical miles",
    "mile": "mi", "kilometer": "km", "centimeter": "cm", "millimeter": "mm", "meter": "m",
    "foot": "ft", "inch": "in", "yard": "yd", "kilogram": "kg", "gram": "g", "tonne": "t",
    "pound": "lb", "ounce": "oz", "degree_Fahrenheit": "°F", "degree_Celsius": "°C",
    "milliliter": "ml", "liter": "l", "gallon": "gal", "oil_barrel": "barrels",
    "gigawatt": "GW", "megawatt": "MW", "kilowatt": "kW", "year": "years", "month": "months",
    "week": "weeks", "day": "days", "hour": "hours", "minute": "minutes", "second": "seconds",
    "percent": "%", "fraction": "%",
}
