"""Dates and clock times in text, and whether two of them can be the same moment.

:func:`find_dates` reads weekday names ("Tuesday", "Tues."), month names ("March", "Sept."),
full dates ("March 3, 2013", "3 March", "3rd of March 2013", "2013-03-03", "March 2013"), years
1900-2100 where they read as years, and clock times ("6:00", "06:00", "18:30", "6 a.m.", "6am",
"6.30pm", "noon", "midnight", "6 o'clock"). A day may be written in words when a year follows
("ten Nov 2011"), and after a day and a month a two-digit year that ends the clause is a year
("10 Nov 11": 00-69 are 2000-2069). A season's span of years ("2008-09", "2004 - 05") is one
mention of its first year. Month names must be capitalised ("march" is a verb);
"May" needs a day, a year or a preposition next to it (Theresa May is not a month).

A four-digit number 1900-2100 is a year unless a currency or bound comes before it ("$2000",
"more than 2000"), a unit, "%" or a scale word after it, or a counted plural right after it
without a date word before it ("2000 people", "1950 homes"); "in 2000 people" is a year.

:func:`compare_dates` compares the fields both mentions state: any difference (weekday, month,
day, year, hour, minute) is "conflicting"; mentions that share no field ("Tuesday" vs "2013")
are "incomparable". A clock time without a.m./p.m. and without a leading zero ("6:00") is
ambiguous: with ``QuantityOptions.ambiguous_clock_matches_both`` (the default) it is
"consistent" with both 6 a.m. and 6 p.m.; otherwise it is read on the 24-hour clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.quantities.model import Comparison, DateMention
from briefing.quantities.options import DEFAULT_OPTIONS, QuantityOptions

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "thu": 3, "thur": 3, "thurs": 3, "fri": 4}
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

_WEEKDAY_NAME = (
    r"(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?:Mon|Tues?|Thu|Thurs?|Fri)\.)"
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?!\w)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=[ \t]+\d)"
)
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_AMPM = r"(?P<ampm>[ap])\.?[ \t]?m\b\.?"
_ONES = "one two three four five six seven eight nine".split()
_DAY_WORD_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ONES)},
    **{w: i + 10 for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())},
    "twenty": 20, "thirty": 30, "thirty-one": 31, "thirty one": 31,
    **{f"twenty{sep}{w}": 21 + i for i, w in enumerate(_ONES) for sep in ("-", " ")},
}
_DAY_WORD = "|".join(sorted((w.replace(" ", "[ \\t]") for w in _DAY_WORD_VALUES), key=len, reverse=True))
# a two-digit year after a day and a month ("10 Nov 11"), only where the sentence or clause ends
_SHORT_YEAR = r"'?(?P<yy>\d\d)(?=[ \t]*(?:[.,;:!?)\]\"”]|$))"

_DATE_RE = re.compile(
    rf"""
    (?P<iso>(?<![\w-])(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?![\w-]))
    | (?P<mdy>(?P<m1>{_MONTH_NAME})(?:[ \t]+(?P<d1>{_DAY})(?![\w:]))?
          (?:,?[ \t]+(?P<y1>{_YEAR})(?![\w,.]\d|\w))?)
    | (?P<dmy>(?<![\w.,:-])(?P<d2>{_DAY})(?:[ \t]+of)?[ \t]+(?P<m2>{_MONTH_NAME})
          (?:,?[ \t]+(?P<y2>{_YEAR})(?![\w,.]\d|\w)|[ \t]+{_SHORT_YEAR})?)
    | (?P<wdmy>(?<![\w-])(?P<d3>{_DAY_WORD})(?:[ \t]+of)?[ \t]+(?P<m3>{_MONTH_NAME})
          (?:,?[ \t]+(?P<y3>{_YEAR})(?![\w,.]\d|\w)|[ \t]+{_SHORT_YEAR.replace("yy", "yw")}))
    | {_WEEKDAY_NAME}
    | (?P<clock>(?<![\w.,:])(?P<ch>[01]?\d|2[0-3]):(?P<cm>[0-5]\d)(?![\w:]|[.,]\d)
          (?:[ \t]*{_AMPM})?)
    | (?P<ampmtime>(?<![\w.,:])(?P<ah>1[0-2]|0?[1-9])(?:[.:](?P<am>[0-5]\d))?[ \t]*
          (?P<ampm2>[ap])\.?[ \t]?m\b\.?)
    | (?P<oclock>(?<![\w.,:])(?P<oh>1[0-2]|[1-9])[ \t]+o'clock\b)
    | (?P<noon>\b(?:noon|midday|midnight)\b)
    | (?P<year>(?<![\w.,$€£¥-])(?P<y>{_YEAR})(?P<season>[ \t]?[-–/][ \t]?\d\d(?![\w.,]\d|\w))?(?!\w|[.,]\d))
    """,
    re.VERBOSE | re.IGNORECASE,
)

_BEFORE_YEAR_WORDS = frozenset(
    "in since by from until till of year early late mid the during before after between to "
    "and or through summer winter spring autumn fall season fiscal".split()
)
_BEFORE_MAY_WORDS = frozenset(
    "in on since by from until till of early late mid during before after between last next "
    "this through".split()
)
_NOT_COUNT_WORDS = frozenset("was is has as this its his us".split())
_COUNT_WORDS = frozenset(
    "people children men women police staff personnel troops cattle sheep fish".split()
)
_BOUND_BEFORE_RE = re.compile(
    r"(?i)\b(?:about|around|roughly|nearly|almost|some|over|more\s+than|at\s+least|fewer\s+than"
    r"|less\s+than|under|at\s+most|up\s+to|than|exactly)[ \t]+$"
)
_SCALE_OR_UNIT_AFTER_RE = re.compile(
    r"(?i)[ \t]*(?:%|percent\b|per[ \t]+cent\b|million\b|billion\b|thousand\b|bn\b|m\b"
    r"|km\b|miles?\b|metres?\b|meters?\b|feet\b|kg\b|tonnes?\b|dollars?\b|euros?\b|pounds?\b"
    r"|-[a-z])"
)
_WORD_AFTER_RE = re.compile(r"[ \t]+([A-Za-z]+)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)[ \t-]*$")


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    return found.group(1).lower() if found else ""


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at text[start:end] read as a year (see the module docstring)."""
    if _BOUND_BEFORE_RE.search(text, max(0, start - 30), start):
        return False
    if _SCALE_OR_UNIT_AFTER_RE.match(text, end):
        return False
    after = _WORD_AFTER_RE.match(text, end)
    if after is None:
        return True
    word = after.group(1)
    counted = word in _COUNT_WORDS or (
        word.endswith("s") and word.islower() and word not in _NOT_COUNT_WORDS
    )
    return not counted or _word_before(text, start) in _BEFORE_YEAR_WORDS


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    if key in _MONTH_ABBR:
        return _MONTH_ABBR[key]
    return MONTHS.index(key) + 1


def _weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    if key in _WEEKDAY_ABBR:
        return _WEEKDAY_ABBR[key]
    return WEEKDAYS.index(key)


def _day_number(text: str | None) -> int | None:
    if text is None:
        return None
    word = " ".join(text.lower().split())
    if word in _DAY_WORD_VALUES:
        return _DAY_WORD_VALUES[word]
    return int(text.rstrip("stndrhSTNDRH"))


def _short_year(text: str) -> int:
    """The year of a two-digit year: 00-69 are 2000-2069, 70-99 are 1970-1999."""
    value = int(text)
    return 2000 + value if value < 70 else 1900 + value


def _cased(name: str) -> bool:
    """Month and weekday names count only when capitalised as names ("March", not "march")."""
    return name[0].isupper() and name[1:].rstrip(".").islower()


def _mention(text: str, found: re.Match[str]) -> DateMention | None:
    start, end = found.span()
    surface = found.group()
    if found.group("iso"):
        return DateMention(surface, start, end, "date", year=int(found.group("iy")),
                           month=int(found.group("im")), day=int(found.group("id")))
    for prefix, m, d, y in (("mdy", "m1", "d1", "y1"), ("dmy", "m2", "d2", "y2"), ("wdmy", "m3", "d3", "y3")):
        if found.group(prefix):
            name = found.group(m)
            if not _cased(name):
                return None
            day, year = _day_number(found.group(d)), found.group(y)
            short = found.group("yy") if prefix == "dmy" else found.group("yw") if prefix == "wdmy" else None
            if short:
                year = str(_short_year(short))
            if (name == "May" and day is None and year is None and surface != text.strip()
                    and _word_before(text, start) not in _BEFORE_MAY_WORDS):
                return None
            kind = "month" if day is None and year is None else "date"
            return DateMention(surface, start, end, kind, month=_month_number(name), day=day,
                               year=int(year) if year else None)
    if found.group("wd"):
        if not _cased(found.group("wd")):
            return None
        return DateMention(surface, start, end, "weekday",
                           weekday=_weekday_number(found.group("wd")))
    if found.group("clock"):
        hour, minute = int(found.group("ch")), int(found.group("cm"))
        if found.group("ampm"):
            if not 1 <= hour <= 12:
                return None
            return DateMention(surface, start, end, "time",
                               hour=_to_24(hour, found.group("ampm")), minute=minute)
        padded = found.group("ch").startswith("0")
        ambiguous = 1 <= hour <= 12 and not padded
        return DateMention(surface, start, end, "time", hour=hour, minute=minute,
                           ambiguous_clock=ambiguous)
    if found.group("ampmtime"):
        hour = int(found.group("ah"))
        minute = int(found.group("am") or 0)
        return DateMention(surface, start, end, "time",
                           hour=_to_24(hour, found.group("ampm2")), minute=minute)
    if found.group("oclock"):
        return DateMention(surface, start, end, "time", hour=int(found.group("oh")), minute=0,
                           ambiguous_clock=True)
    if found.group("noon"):
        hour = 0 if surface.lower() == "midnight" else 12
        return DateMention(surface, start, end, "time", hour=hour, minute=0)
    year = int(found.group("y"))
    season = found.group("season")
    if season and int(season[-2:]) != (year + 1) % 100:
        end = found.start("season")  # "2004 - 13" is not a season: the year alone
        surface = text[start:end]
    if not _is_year(text, start, end):
        return None
    return DateMention(surface, start, end, "year", year=year)


def _to_24(hour: int, ampm: str) -> int:
    """The 24-hour clock hour of ``hour`` a.m./p.m. (12 a.m. is 0, 12 p.m. is 12)."""
    if ampm.lower() == "p":
        return hour % 12 + 12
    return hour % 12


def _iter_dates(text: str) -> Iterator[DateMention]:
    for found in _DATE_RE.finditer(text):
        mention = _mention(text, found)
        if mention is not None:
            yield mention


def find_dates(text: str) -> list[DateMention]:
    """Every date, part of a date and clock time in ``text``, in order of appearance.

    >>> [(d.kind, d.month, d.day, d.year) for d in find_dates("On March 3, 2013, at 6 a.m.")]
    [('date', 3, 3, 2013), ('time', None, None, None)]
    >>> find_dates("Theresa May said")
    []
    """
    return list(_iter_dates(text))


def _clock_minutes(mention: DateMention, options: QuantityOptions) -> set[int]:
    assert mention.hour is not None
    minute = mention.minute or 0
    hours = {mention.hour}
    if mention.ambiguous_clock and options.ambiguous_clock_matches_both:
        hours = {mention.hour % 12, mention.hour % 12 + 12}
    return {hour * 60 + minute for hour in hours}


_FIELDS = ("weekday", "year", "month", "day")


def compare_dates(
    a: DateMention, b: DateMention, options: QuantityOptions = DEFAULT_OPTIONS
) -> Comparison:
    """Compare two date mentions field by field; returns a :class:`Comparison`.

    >>> compare_dates(find_dates("Tuesday")[0], find_dates("Wednesday")[0]).relation
    'conflicting'
    >>> compare_dates(find_dates("18:00")[0], find_dates("6 p.m.")[0]).relation
    'same'
    """
    shared = [f for f in _FIELDS if getattr(a, f) is not None and getattr(b, f) is not None]
    only_one = [f for f in _FIELDS if (getattr(a, f) is None) != (getattr(b, f) is None)]
    for name in shared:
        if getattr(a, name) != getattr(b, name):
            return Comparison("conflicting", f"different {name}: {a.text} vs {b.text}", a, b)
    ambiguous = False
    if a.hour is not None and b.hour is not None:
        times_a, times_b = _clock_minutes(a, options), _clock_minutes(b, options)
        if not times_a & times_b:
            return Comparison("conflicting", f"different time: {a.text} vs {b.text}", a, b)
        ambiguous = len(times_a) > 1 or len(times_b) > 1
        shared.append("time")
    elif (a.hour is None) != (b.hour is None):
        only_one.append("time")
    if not shared:
        return Comparison("incomparable", f"no shared date field: {a.text} vs {b.text}", a, b)
    if ambiguous:
        return Comparison(
            "consistent", f"{a.text} and {b.text} may be the same time (no a.m./p.m.)", a, b
        )
    if only_one:
        return Comparison(
            "consistent", f"{a.text} and {b.text} agree on {', '.join(shared)}", a, b
        )
    return Comparison("same", f"{a.text} = {b.text}", a, b)
