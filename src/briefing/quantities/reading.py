"""Reading figures: every number in a text with its unit, currency, bound and span.

:func:`find_quantities` finds digits ("1,200", "2.5", "12,000,000"), number words ("two",
"twenty-five", "a dozen", "one hundred and five"; "dozens" and "hundreds" are not numbers),
scale words ("1.2 million", "3 billion", "half a million", "$3bn"; a bare "m" is million only
after a currency: "$88m" but "150m" is metres), fractions ("one-fifth", "two-thirds", "a third
of"; read as percentages), percentages ("5%", "5 percent", "five per cent"), percentage
points, ranges ("10-12", "10 to 12", "between 10 and 12"; "from 10 to 12" is a change, read as
two figures; "3-2" with a falling or equal second number is a score and is skipped, and so is a
record of three or more dash-joined numbers, "45-7-2"), bounds and
approximations before the figure ("about", "more than", "at least", "up to", ...; "over" before
a duration is read as "at least": "over three days"), units ("15 miles", "120 mph", "38C",
"8-year-old", "two-day", "a 6 - foot man"; "8-by-12 feet" is two lengths in feet) and money ("$88m", "103 million euros", "£3bn", "US$5").

Dates, years and clock times (see :mod:`briefing.quantities.dates`) are not figures; neither are
ordinals ("3rd"), numbers glued to letters ("G7", "5G", "COVID-19", "1990s"), slashed numbers
("24/7", "9/11"), or digit strings longer than 30 digits.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass

from briefing.quantities.dates import find_dates
from briefing.quantities.model import Qualifier, Quantity
from briefing.quantities.numwords import (
    DENOMINATORS,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL,
    WORD_RUN,
    parse_number_words,
)
from briefing.quantities.units import (
    CURRENCY_SYMBOL_RE,
    CURRENCY_SYMBOLS,
    match_currency_word,
    match_unit,
)
from briefing.text.fold import STOPWORDS

_MAX_DIGITS = 30

_PREFILTER_WORDS = sorted(NUMBER_WORDS | set(DENOMINATORS), key=len, reverse=True)
PREFILTER_RE = re.compile(r"[0-9]|(?i:\b(?:" + "|".join(_PREFILTER_WORDS) + r")\b)")
"""Matches any text that may hold a figure; a text it does not match has none."""

_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_FRACTION = (
    r"(?P<fnum>an?|one|two|three|four|five|six|seven|eight|nine)(?P<fsep>[ \t]+|-)"
    r"(?P<fden>" + "|".join(sorted(DENOMINATORS, key=len, reverse=True)) + r")\b"
)
_HALF = r"half[ \t]+an?[ \t]+(?P<hscale>million|billion|trillion|dozen)\b"
_CORE_RE = re.compile(
    rf"(?P<half>\b{_HALF})|(?P<frac>\b{_FRACTION})|(?P<digits>(?<![\w.,/]){_DIGITS})"
    rf"|(?P<words>{WORD_RUN})",
    re.IGNORECASE,
)
_SCALE_WORD_RE = re.compile(r"(?i)[ \t]*(?P<w>thousand|million|billion|trillion)\b")
_SCALE_ABBR_RE = re.compile(r"(?i)[ \t]?(?P<w>bn|mn|mln|bln|tn|trn|m|b|k)\b")
# A scale abbreviation glued to its figure that names no unit: '110bn' is 110 billion without a
# currency sign ("m" may be metres, "k" kilometres or thousands: those need the sign).
_UNAMBIGUOUS_SCALE_RE = re.compile(r"(?i)(?P<w>bn|mn|mln|bln|tn|trn)\b")

# Bound words before a figure, longest first so "no more than" wins over "more than".
_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("a little more than|a little over|slightly more than|just over|just above", "just_over"),
    ("no more than|not more than|a maximum of|at most|up to|as many as", "at_most"),
    ("no fewer than|no less than|not less than|a minimum of|at least", "at_least"),
    ("just under|just shy of|just below|nearly|almost|not quite", "nearly"),
    ("more than|upwards of|in excess of|greater than|over|above", "more_than"),
    ("fewer than|less than|under|below", "less_than"),
    (
        (
            "about|around|roughly|approximately|approx\\.|some|an estimated|estimated|circa"
            "|close to|in the region of|c\\."
        ),
        "approximately",
    ),
)
_QUALIFIER_RE = re.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(f"(?P<q{i}>{words})" for i, (words, _q) in enumerate(_QUALIFIERS))
    + r")[ \t]+$"
)
_BETWEEN_RE = re.compile(r"(?i)\b(?:between)[ \t]+$")
_FROM_RE = re.compile(
    r"(?i)\b(?:from|rose|rise|rises|risen|fell|fall|falls|fallen|increased|decreased|grew"
    r"|dropped|climbed|jumped|declined|up|down|cut|raised|lowered)[ \t]+$"
)
_ONE_EXCLUDED_RE = re.compile(
    r"(?i)\b(?:no|the|this|that|which|any|every|each|another|such|only)[ \t]+$"
)
_RANGE_SEP_RE = re.compile(r"(?i)[ \t]*(?:-|–|—|to)[ \t]*")
_DASH_RE = re.compile(r"[ \t]*[-–][ \t]*")
_AND_SEP_RE = re.compile(r"(?i)[ \t]+and[ \t]+")
_PERCENT_RE = re.compile(r"(?i)[ \t]*%|[ \t]+(?:percent|per[ \t]+cent|pct)\b")
_POINTS_RE = re.compile(r"(?i)[ \t]+(?:percentage|pct\.?)[ \t]+points?\b")
_HYPHEN_SUFFIX_RE = re.compile(r"(?i)-(?:old|long|wide|high|tall|deep)\b")
_GLUED_RE = re.compile(r"[A-Za-z0-9]|/[0-9]")
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")
_NOT_COUNTED = STOPWORDS | {"less", "per"}
"""Words after a figure that are not what it counts ("140 of the", "5 per cent")."""
_SINGLE_LETTER_UNITS = frozenset("mgFC")
_SPACED_DASH_RE = re.compile(r"[ \t]+-[ \t]+(?=[A-Za-z]{2})")
"""A dash with spaces around it before a unit word: "a 6 - foot man" as text tokenised for NLP."""
_BY_RE = re.compile(r"(?i)[ \t]*(?:-?by-?|[ \t]by[ \t]|x|×)[ \t]*(?=[0-9])")
"""The "by" of a measure's two sides: "8-by-12 feet", "8 by 12 feet", "8x12 feet", "8 × 12 m"."""
_BY_BEFORE_RE = re.compile(r"(?i)(?:^|[^a-z])(?:by|x)-$")
_RECORD_RE = re.compile(r"[ \t]*[-–][ \t]*[0-9]+[ \t]*[-–][ \t]*[0-9]+(?![0-9])")
"""Three or more numbers joined by dashes: a record or a score ("45-7-2"), never a range."""


@dataclass(frozen=True)
class _Number:
    """A bare number before its unit: value, span and how precisely it was written."""

    start: int
    end: int
    value: float
    precision: float
    leading: float
    step: float
    words: bool = False
    scaled: bool = False
    fraction: bool = False
    factor: float = 1.0


def _place(value: float) -> float:
    """Place value of the leading digit of ``value`` (100 for 190, 0.1 for 0.25)."""
    return 10.0 ** math.floor(math.log10(value)) if value > 0 else 1.0


def _digits_number(text: str, start: int, end: int) -> _Number | None:
    written = text[start:end].replace(",", "")
    if len(written.replace(".", "")) > _MAX_DIGITS:
        return None
    whole, _dot, decimals = written.partition(".")
    value = float(written)
    if decimals:
        step = precision = 10.0 ** -len(decimals)
    else:
        step = 1.0
        stripped = whole.rstrip("0")
        precision = 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0
    return _Number(start, end, value, precision, _place(value), step)


def _scale(number: _Number, factor: float, end: int) -> _Number:
    return _Number(number.start, end, number.value * factor, number.precision * factor,
                   number.leading * factor, number.step * factor, number.words, True,
                   factor=factor)


def _core_at(text: str, found: re.Match[str]) -> _Number | None:
    """The number a _CORE_RE match stands for, with any scale word after it."""
    start, end = found.span()
    if found.group("half"):
        scale_word = found.group("hscale").lower()
        factor = 12.0 if scale_word == "dozen" else float(SCALES[scale_word])
        value = factor / 2
        return _Number(start, end, value, value / 5, value, value / 5, True, True,
                       factor=factor)
    if found.group("frac"):
        numerator = found.group("fnum").lower()
        denominator_word = found.group("fden").lower()
        plural = denominator_word.endswith("s") and denominator_word != "halves"
        hyphen = found.group("fsep") == "-"
        single = numerator in ("a", "an", "one")
        if plural == single:
            return None
        if single and not hyphen and not re.match(r"(?i)[ \t]+of\b", text[end:]):
            return None
        count = 1 if single else SMALL[numerator]
        value = 100.0 * count / DENOMINATORS[denominator_word]
        return _Number(start, end, value, 0.0, _place(value), 0.0, True, False, True)
    if found.group("digits"):
        if (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()
                and not _BY_BEFORE_RE.search(text, max(0, start - 4), start)):
            return None  # "COVID-19", "G-7"; but "8-by-12 feet" reads 12
        number = _digits_number(text, start, end)
        if number is None or not math.isfinite(number.value):
            return None
    else:
        parsed = parse_number_words(found.group())
        if parsed is None:
            return None
        value, length, place = parsed
        end = start + length
        if found.group().lower()[:length] == "one" and _ONE_EXCLUDED_RE.search(
            text, max(0, start - 20), start
        ):
            return None
        scaled = place >= 1000
        return _Number(start, end, value, place, _place(value), place, True, scaled,
                       factor=place if scaled else 1.0)
    scale_word = _SCALE_WORD_RE.match(text, end)
    if scale_word:
        return _scale(number, SCALES[scale_word.group("w").lower()], scale_word.end())
    return number


def _abbreviated_scale(text: str, number: _Number) -> _Number:
    """'$88m', '£3bn': an abbreviated scale, read only after a currency symbol."""
    found = _SCALE_ABBR_RE.match(text, number.end)
    if found is None:
        return number
    return _scale(number, SCALE_ABBREVIATIONS[found.group("w").lower()], found.end())


def _glued(text: str, end: int) -> bool:
    """A number glued to letters or slashes ('5G', '1990s', '3rd', '24/7') is not a figure."""
    return _GLUED_RE.match(text, end) is not None


def _qualifier_before(text: str, start: int) -> tuple[Qualifier | None, int]:
    found = _QUALIFIER_RE.search(text, max(0, start - 30), start)
    if found is None or found.lastgroup is None:
        return None, start
    return _QUALIFIERS[int(found.lastgroup[1:])][1], found.start()


def _currency_before(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 4):start]
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        for spaced in (symbol, symbol + " "):
            if window.endswith(spaced):
                before = start - len(spaced)
                if symbol[0].isalpha() and before > 0 and text[before - 1].isalnum():
                    continue
                return CURRENCY_SYMBOLS[symbol], before
    return None, start


@dataclass(frozen=True)
class _Tail:
    """What follows a number: its unit and dimension, and where the figure ends."""

    end: int
    dimension: str
    unit: str | None = None
    currency: str | None = None


def _tail(text: str, number: _Number, currency: str | None) -> _Tail | None:
    """The unit, percent sign or currency word after ``number``; None means: not a figure."""
    end = number.end
    if number.fraction:
        return _Tail(end, "percent", "fraction")
    if currency is not None:
        return _Tail(end, "currency", None, currency)
    points = _POINTS_RE.match(text, end)
    if points:
        return _Tail(points.end(), "percentage_points", "percent")
    percent = _PERCENT_RE.match(text, end)
    if percent:
        return _Tail(percent.end(), "percent", "percent")
    spaced = re.match(r"[ \t]+", text[end:end + 5])
    word_currency = match_currency_word(text, end + spaced.end()) if spaced else None
    if word_currency:
        code, currency_end = word_currency
        return _Tail(currency_end, "currency", None, code)
    dash = _SPACED_DASH_RE.match(text, end)
    if dash or (end < len(text) and text[end] == "-"):
        unit = match_unit(text, dash.end() if dash else end + 1)
        if unit and unit[1] != "temperature":
            suffix = _HYPHEN_SUFFIX_RE.match(text, unit[2])
            return _Tail(suffix.end() if suffix else unit[2], unit[1], unit[0])
    unit = match_unit(text, end)
    if unit is None and spaced:
        unit = match_unit(text, end + spaced.end())
        if unit and text[end + spaced.end():unit[2]] in _SINGLE_LETTER_UNITS:
            unit = None
    if unit is not None:
        name, dimension, unit_end = unit
        if name == "pound" and number.scaled:
            return _Tail(unit_end, "currency", None, "GBP")
        return _Tail(unit_end, dimension, name)
    shared = _unit_of_other_side(text, end)
    if shared is not None:
        return _Tail(end, "length", shared)
    if _glued(text, end):
        return None
    return _Tail(end, "count")


def _unit_of_other_side(text: str, end: int) -> str | None:
    """The length unit written once for both sides of a measure: "feet" for the 8 of "8-by-12
    feet" or "8 x 12 feet"; None when no such measure follows."""
    by = _BY_RE.match(text, end)
    if by is None:
        return None
    other = re.match(_DIGITS, text[by.end():by.end() + 40])
    if other is None:
        return None
    after = by.end() + other.end()
    spaced = re.match(r"[ \t]*-?[ \t]*", text[after:after + 5])
    unit = match_unit(text, after + (spaced.end() if spaced else 0))
    if unit is None or unit[1] != "length" or text[after + (spaced.end() if spaced else 0):unit[2]] in _SINGLE_LETTER_UNITS and not spaced:
        return None
    return unit[0]


def _counted(text: str, end: int) -> str | None:
    """The first content word right after a figure ('injured' in '140 injured')."""
    position = end
    for _ in range(3):
        found = _WORD_RE.match(text, position)
        if found is None:
            return None
        word = found.group(1).lower()
        if word in ("and", "or", "but"):
            return None
        if word not in _NOT_COUNTED:
            return word
        position = found.end()
    return None


def _read(text: str, number: _Number, cores: list[re.Match[str]], index: int,
          blocked: list[tuple[int, int]]) -> tuple[Quantity, int] | None:
    """The figure starting with ``number`` (extended by currency, qualifier, range and unit)
    and how many core matches it used."""
    currency, start = _currency_before(text, number.start)
    if currency is not None:
        number = _abbreviated_scale(text, number)
    elif (glued := _UNAMBIGUOUS_SCALE_RE.match(text, number.end)) is not None:
        number = _scale(number, SCALE_ABBREVIATIONS[glued.group("w").lower()], glued.end())  # '110bn'
    qualifier, qualifier_start = _qualifier_before(text, start)
    between = _BETWEEN_RE.search(text, max(0, start - 10), start)
    used = 1
    high = number
    if qualifier is None:
        high_core = _range_end(text, number, cores, index, between is not None, blocked)
        if high_core is not None:
            high, _sep = high_core
            if currency is not None:
                high = _abbreviated_scale(text, high)
            if number.factor < high.factor and number.value * high.factor < high.value:
                number = _scale(number, high.factor, number.end)
            qualifier, used = "range", 2
            if between is not None:
                qualifier_start = between.start()
    tail = _tail(text, high, currency)
    if tail is None:
        return None
    if qualifier == "more_than" and tail.dimension == "duration":
        word = text[qualifier_start:start].strip().lower()
        if word == "over":
            qualifier = "at_least"
    low_value, high_value = number.value, high.value
    if qualifier in ("more_than", "at_least", "just_over"):
        high_value = math.inf if qualifier != "just_over" else high_value
    if qualifier in ("less_than", "at_most"):
        low_value = -math.inf
    span_start = qualifier_start if qualifier else start
    quantity = Quantity(
        text=text[span_start:tail.end],
        start=span_start,
        end=tail.end,
        value_low=low_value,
        value_high=high_value,
        dimension=tail.dimension,
        unit=tail.unit,
        currency=tail.currency,
        qualifier=qualifier,
        precision=number.precision,
        leading=number.leading,
        step=number.step,
        scaled=number.scaled or high.scaled,
        from_words=number.words or high.words,
        counted=_counted(text, tail.end) if tail.dimension == "count" else None,
    )
    return quantity, used


def _range_end(text: str, number: _Number, cores: list[re.Match[str]], index: int,
               between: bool, blocked: list[tuple[int, int]]) -> tuple[_Number, int] | None:
    """The upper end of a range starting at ``number``, if one follows."""
    if index + 1 >= len(cores) or number.fraction:
        return None
    next_match = cores[index + 1]
    separator = (_AND_SEP_RE if between else _RANGE_SEP_RE).match(text, number.end)
    if separator is None:
        return None
    gap_end = separator.end()
    symbol = CURRENCY_SYMBOL_RE.match(text, gap_end)
    if symbol:
        gap_end = symbol.end()
    if next_match.start() != gap_end or _is_blocked(next_match.start(), next_match.end(), blocked):
        return None
    if not between and separator.group().strip().lower() == "to" and _FROM_RE.search(
        text, max(0, number.start - 12), number.start
    ):
        return None
    high = _core_at(text, next_match)
    if high is None or high.fraction or high.value <= number.value:
        return None
    return high, next_match.start()


def _signed(text: str, number: _Number) -> _Number:
    """``number`` made negative when a minus sign is glued to its digits and stands after a space,
    a bracket or the start ("reached -5°C", "(−12)"); "8-12" and "43 - 39" are not negatives."""
    at = number.start - 1
    if number.words or at < 0 or text[at] not in "-−" or (at > 0 and text[at - 1] not in " \t\n(["):
        return number
    return dataclasses.replace(number, start=at, value=-number.value)


def _is_score(text: str, number: _Number, cores: list[re.Match[str]], index: int) -> bool:
    """'won 3-2', 'a 5-4 vote': two numbers joined by a dash, the second not larger."""
    if index + 1 >= len(cores) or not cores[index].group("digits"):
        return False
    dash = _DASH_RE.match(text, number.end)
    following = cores[index + 1]
    if dash is None or following.start() != dash.end() or not following.group("digits"):
        return False
    second = _digits_number(text, following.start(), following.end())
    return second is not None and second.value <= number.value


def _record_end(text: str, number: _Number, cores: list[re.Match[str]], index: int) -> int | None:
    """Where a record or score of three or more dash-joined numbers that starts with ``number``
    ends ("45-7-2", "10-2-1"); None when there is none."""
    if not cores[index].group("digits"):
        return None
    found = _RECORD_RE.match(text, number.end)
    if found is None:
        return None
    end = found.end()
    while (more := re.match(r"[ \t]*[-–][ \t]*[0-9]+(?![0-9])", text[end:end + 20])) is not None:
        end += more.end()
    return end


def _is_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] overlaps one of the sorted, disjoint ``blocked`` spans."""
    index = bisect.bisect_right(blocked, (start, math.inf)) - 1
    if index >= 0 and blocked[index][1] > start:
        return True
    return index + 1 < len(blocked) and blocked[index + 1][0] < end


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, as :class:`Quantity` values with spans into it.

    >>> [(q.text, q.value_low, q.unit) for q in find_quantities("about 15 miles (24km)")]
    [('about 15 miles', 15.0, 'mile'), ('24km', 24.0, 'kilometer')]
    >>> [(q.text, q.value_low, q.currency) for q in find_quantities("$88m or 103 million euros")]
    [('$88m', 88000000.0, 'USD'), ('103 million euros', 103000000.0, 'EUR')]
    >>> [(q.text, q.qualifier, q.value_low, q.value_high) for q in find_quantities("10 to 12")]
    [('10 to 12', 'range', 10.0, 12.0)]
    >>> find_quantities("On Tuesday in 2013 at 6:00")
    []
    """
    if not PREFILTER_RE.search(text):
        return []
    blocked = [(d.start, d.end) for d in find_dates(text)]
    cores = list(_CORE_RE.finditer(text))
    found: list[Quantity] = []
    index = 0
    while index < len(cores):
        match = cores[index]
        if _is_blocked(match.start(), match.end(), blocked):
            index += 1
            continue
        number = _core_at(text, match)
        if number is None:
            index += 1
            continue
        record = _record_end(text, number, cores, index)
        if record is not None:
            while index < len(cores) and cores[index].start() < record:
                index += 1
            continue
        number = _signed(text, number)
        if _is_score(text, number, cores, index):
            index += 2
            continue
        read = _read(text, number, cores, index, blocked)
        if read is None:
            index += 1
            continue
        quantity, used = read
        found.append(quantity)
        index += used
        while index < len(cores) and cores[index].start() < quantity.end:
            index += 1
    return found
