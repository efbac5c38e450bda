"""find_dates and compare_dates."""

from __future__ import annotations

import pytest

from briefing.quantities import (
    Comparison,
    DateMention,
    QuantityOptions,
    compare_dates,
    find_dates,
)
from briefing.quantities.options import DEFAULT_OPTIONS


def one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def compare(a: str, b: str, options: QuantityOptions = DEFAULT_OPTIONS) -> Comparison:
    result = compare_dates(one(a), one(b), options)
    assert compare_dates(one(b), one(a), options).relation == result.relation
    return result


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Tuesday", {"weekday": 1}),
        ("Tues.", {"weekday": 1}),
        ("on Sunday", {"weekday": 6}),
        ("March", {"month": 3}),
        ("in May", {"month": 5}),
        ("Jan.", {"month": 1}),
        ("Sept. 11", {"month": 9, "day": 11}),
        ("Dec 25", {"month": 12, "day": 25}),
        ("March 3, 2013", {"month": 3, "day": 3, "year": 2013}),
        ("3 March", {"month": 3, "day": 3}),
        ("3rd of March 2013", {"month": 3, "day": 3, "year": 2013}),
        ("March 2013", {"month": 3, "year": 2013}),
        ("2013-03-03", {"month": 3, "day": 3, "year": 2013}),
        ("2013", {"year": 2013}),
        ("in 2000 people", {"year": 2000}),
        ("6:00", {"hour": 6, "minute": 0, "ambiguous_clock": True}),
        ("06:00", {"hour": 6, "minute": 0, "ambiguous_clock": False}),
        ("18:30", {"hour": 18, "minute": 30}),
        ("6 a.m.", {"hour": 6, "minute": 0, "ambiguous_clock": False}),
        ("6am", {"hour": 6}),
        ("6 pm", {"hour": 18}),
        ("6.30pm", {"hour": 18, "minute": 30}),
        ("12 a.m.", {"hour": 0}),
        ("12 p.m.", {"hour": 12}),
        ("noon", {"hour": 12, "minute": 0}),
        ("midnight", {"hour": 0, "minute": 0}),
        ("6 o'clock", {"hour": 6, "ambiguous_clock": True}),
    ],
)
def test_read(text: str, fields: dict[str, object]) -> None:
    mention = one(text)
    for name, value in fields.items():
        assert getattr(mention, name) == value, name
    assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    ["Theresa May said", "you may go", "protesters march", "2000 people", "more than 2000",
     "$2000", "2013%", "1850", "2200", "13:00 pm", "25:00", "no dates here", "",
     "tuesday", "Sun.", "Jan said", "12,000,000", "2013 homes"],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Tuesday", "Wednesday", "conflicting"),
        ("Tuesday", "Tues.", "same"),
        ("March", "May", "conflicting"),
        ("March", "Mar.", "same"),
        ("2013", "2008", "conflicting"),
        ("2013", "2013", "same"),
        ("March 3, 2013", "3 March 2013", "same"),
        ("March 3, 2013", "2013-03-03", "same"),
        ("March 3", "March 4", "conflicting"),
        ("March 3, 2013", "March 3, 2012", "conflicting"),
        ("March 2013", "2013", "consistent"),
        ("March 3", "March", "consistent"),
        ("Tuesday", "2013", "incomparable"),
        ("Tuesday", "6 a.m.", "incomparable"),
        ("6:00", "6 a.m.", "consistent"),
        ("6:00", "6 p.m.", "consistent"),
        ("6:00", "7 a.m.", "conflicting"),
        ("06:00", "6 a.m.", "same"),
        ("06:00", "6 p.m.", "conflicting"),
        ("18:00", "6 p.m.", "same"),
        ("18:00", "6 a.m.", "conflicting"),
        ("6:30", "6 a.m.", "conflicting"),
        ("noon", "12 p.m.", "same"),
        ("midnight", "12 a.m.", "same"),
        ("noon", "midnight", "conflicting"),
    ],
)
def test_compare(a: str, b: str, relation: str) -> None:
    assert compare(a, b).relation == relation


def test_ambiguous_clock_option() -> None:
    strict = QuantityOptions(ambiguous_clock_matches_both=False)
    assert compare("6:00", "6 a.m.", strict).relation == "same"
    assert compare("6:00", "6 p.m.", strict).relation == "conflicting"


def test_notes() -> None:
    assert compare("Tuesday", "Wednesday").note == "different weekday: Tuesday vs Wednesday"
    assert compare("2013", "2008").note == "different year: 2013 vs 2008"
    assert compare("18:00", "6 a.m.").note == "different time: 18:00 vs 6 a.m."
    assert compare("6:00", "6 p.m.").note == "6:00 and 6 p.m. may be the same time (no a.m./p.m.)"
    assert compare("Tuesday", "2013").note == "no shared date field: Tuesday vs 2013"
    assert compare("March 2013", "2013").note == "March 2013 and 2013 agree on year"
    assert compare("2013", "2013").note == "2013 = 2013"


def test_dates_in_a_sentence() -> None:
    text = "On Tuesday, March 3, 2013, at 6 a.m., police said 2000 people fled."
    assert [d.text for d in find_dates(text)] == ["Tuesday", "March 3, 2013", "6 a.m."]


@pytest.mark.parametrize(("text", "fields"), [
    ("an attack on 10 Nov 11.", ("10 Nov 11", 10, 11, 2011)),
    ("an attack on ten Nov 11.", ("ten Nov 11", 10, 11, 2011)),  # digits and words read alike
    ("on twenty-one March 2013", ("twenty-one March 2013", 21, 3, 2013)),
    ("on 3 Jan 99, police said", ("3 Jan 99", 3, 1, 1999)),
])
def test_day_month_and_short_year(text, fields):
    d = one(text)
    assert (d.text, d.day, d.month, d.year) == fields


@pytest.mark.parametrize(("text", "fields"), [
    ("On 5 March 12 people died.", ("5 March", 5, 3, None)),  # 12 counts people: not a year
    ("Nov 11 attack", ("Nov 11", 11, 11, None)),  # a month and a number: its day
    ("One March morning he left", ("March", None, 3, None)),  # a day in words needs its year
])
def test_what_is_not_a_short_year_or_a_day_in_words(text, fields):
    d = one(text)
    assert (d.text, d.day, d.month, d.year) == fields


def test_a_season_is_one_mention_of_its_first_year():
    assert [(d.text, d.year) for d in find_dates("the 2008-09 season")] == [("2008-09", 2008)]
    assert [(d.text, d.year) for d in find_dates("in 2004 - 05.")] == [("2004 - 05", 2004)]
    # the partner: a second number that is not the next year is not part of the season
    assert [(d.text, d.year) for d in find_dates("in 2004 - 13.")] == [("2004", 2004)]
    assert compare("the 2008-09 season", "the 2009-10 season").relation == "conflicting"
