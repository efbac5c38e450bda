"""find_quantities: what is read as a figure, with which value, unit, bound and span."""

from __future__ import annotations

import math
import time

import pytest

from briefing.quantities import Quantity, find_quantities


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200.0),
        ("12,000,000", 12_000_000.0),
        ("2.5", 2.5),
        ("two", 2.0),
        ("twenty-five", 25.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("one hundred and five", 105.0),
        ("fifteen hundred", 1500.0),
        ("1.2 million", 1_200_000.0),
        ("3 billion", 3e9),
        ("half a million", 500_000.0),
        ("two million three hundred thousand", 2_300_000.0),
    ],
)
def test_numbers_are_read(text: str, value: float) -> None:
    quantity = one(text)
    assert (quantity.value_low, quantity.value_high, quantity.dimension) == (value, value, "count")
    assert quantity.text == text and (quantity.start, quantity.end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [("one-fifth", 20.0), ("a third of them", 100 / 3), ("two-thirds", 200 / 3),
     ("three-quarters", 75.0), ("one fifth of voters", 20.0)],
)
def test_fractions_are_percentages(text: str, value: float) -> None:
    quantity = one(text)
    assert quantity.dimension == "percent" and quantity.unit == "fraction"
    assert math.isclose(quantity.value_low, value)


@pytest.mark.parametrize("text", ["a third term", "a fifth straight win", "one third", "two third"])
def test_ordinals_are_not_fractions(text: str) -> None:
    assert all(q.dimension != "percent" for q in find_quantities(text))


@pytest.mark.parametrize(
    "text",
    ["dozens of people", "hundreds were hurt", "thousands", "no digits at all", "",
     "G7 summit", "5G masts", "COVID-19", "the 1990s", "the 3rd time", "24/7", "9/11",
     "someone came", "no one came", "the one who won", "won 3-2", "a 5-4 vote", "2013",
     "at 6:00", "6 a.m.", "at 18:30", "March 3", "3 March", "2013-03-03", "in 2008",
     "the supers² and ³", "٣ people", "a man"],
)
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_span_and_surface_inside_a_sentence() -> None:
    text = "Police said about 15 miles (24km) of road were shut."
    first, second = find_quantities(text)
    assert (first.text, text[first.start:first.end]) == ("about 15 miles", "about 15 miles")
    assert (second.text, text[second.start:second.end]) == ("24km", "24km")


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("about 100", "approximately", 100.0, 100.0),
        ("around 5", "approximately", 5.0, 5.0),
        ("roughly 5", "approximately", 5.0, 5.0),
        ("some 40 people", "approximately", 40.0, 40.0),
        ("nearly 100", "nearly", 100.0, 100.0),
        ("almost 100", "nearly", 100.0, 100.0),
        ("just over 100", "just_over", 100.0, 100.0),
        ("more than 100", "more_than", 100.0, math.inf),
        ("over 100", "more_than", 100.0, math.inf),
        ("at least 5", "at_least", 5.0, math.inf),
        ("no fewer than 5", "at_least", 5.0, math.inf),
        ("fewer than 10", "less_than", -math.inf, 10.0),
        ("less than 10", "less_than", -math.inf, 10.0),
        ("under 10", "less_than", -math.inf, 10.0),
        ("at most 7", "at_most", -math.inf, 7.0),
        ("up to 20", "at_most", -math.inf, 20.0),
        ("no more than 7", "at_most", -math.inf, 7.0),
        ("10-12", "range", 10.0, 12.0),
        ("10 to 12", "range", 10.0, 12.0),
        ("between 10 and 12", "range", 10.0, 12.0),
        ("10 to 12 million", "range", 10e6, 12e6),
    ],
)
def test_bounds_and_ranges(text: str, qualifier: str, low: float, high: float) -> None:
    quantity = one(text)
    assert (quantity.qualifier, quantity.value_low, quantity.value_high) == (qualifier, low, high)
    assert quantity.text == text.split(" people")[0]


def test_over_before_a_duration_is_at_least() -> None:
    assert one("over three days").qualifier == "at_least"


def test_from_to_is_a_change_not_a_range() -> None:
    assert [q.text for q in find_quantities("rose from 10 to 12")] == ["10", "12"]


def test_a_falling_dash_pair_is_a_score_not_a_range() -> None:
    assert find_quantities("they won 3-2") == []
    assert one("10-12").qualifier == "range"


@pytest.mark.parametrize(
    ("text", "dimension", "unit"),
    [
        ("15 miles", "length", "mile"), ("24 km", "length", "kilometer"),
        ("24km", "length", "kilometer"), ("5 kilometres", "length", "kilometer"),
        ("5 kilometers", "length", "kilometer"), ("150 metres", "length", "meter"),
        ("150 meters", "length", "meter"), ("150m", "length", "meter"),
        ("492 feet", "length", "foot"), ("1 foot", "length", "foot"), ("6 ft", "length", "foot"),
        ("3 inches", "length", "inch"), ("120 mph", "speed", "mile / hour"),
        ("193 km/h", "speed", "kilometer / hour"), ("193 kph", "speed", "kilometer / hour"),
        ("30 knots", "speed", "knot"), ("10 pounds", "mass", "pound"), ("10 lb", "mass", "pound"),
        ("5 kg", "mass", "kilogram"), ("3 tonnes", "mass", "tonne"), ("3 tons", "mass", "tonne"),
        ("100F", "temperature", "degree_Fahrenheit"), ("38C", "temperature", "degree_Celsius"),
        ("38°C", "temperature", "degree_Celsius"),
        ("100 degrees Fahrenheit", "temperature", "degree_Fahrenheit"),
        ("40 acres", "area", "acre"), ("5 hectares", "area", "hectare"),
        ("3 square miles", "area", "mile ** 2"), ("3 litres", "volume", "liter"),
        ("3 liters", "volume", "liter"), ("10 gallons", "volume", "gallon"),
        ("8-year-old", "duration", "year"), ("eight-year-old", "duration", "year"),
        ("two-day", "duration", "day"), ("3 hours", "duration", "hour"),
        ("500 MW", "power", "megawatt"), ("5%", "percent", "percent"),
        ("5 percent", "percent", "percent"), ("five per cent", "percent", "percent"),
        ("2 percentage points", "percentage_points", "percent"),
    ],
)
def test_units(text: str, dimension: str, unit: str) -> None:
    quantity = one(text)
    assert (quantity.dimension, quantity.unit, quantity.text) == (dimension, unit, text)


@pytest.mark.parametrize("text", ["5 C", "5 F", "5 g", "Flight 5 m"])
def test_single_letter_units_must_be_attached(text: str) -> None:
    assert one(text).dimension == "count"


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$88m", 88e6, "USD"), ("$88 million", 88e6, "USD"), ("88 million dollars", 88e6, "USD"),
        ("$1.5 billion", 1.5e9, "USD"), ("103 million euros", 103e6, "EUR"), ("€5", 5.0, "EUR"),
        ("£3bn", 3e9, "GBP"), ("US$5", 5.0, "USD"), ("A$5", 5.0, "AUD"),
        ("5 million dollars", 5e6, "USD"), ("100 yen", 100.0, "JPY"),
        ("3 million pounds", 3e6, "GBP"), ("5 pounds sterling", 5.0, "GBP"),
        ("500 EUR", 500.0, "EUR"), ("$ 5", 5.0, "USD"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    quantity = one(text)
    assert (quantity.dimension, quantity.value_low, quantity.currency) == (
        "currency", value, currency)
    assert quantity.text == text


def test_money_range_shares_the_currency_and_scale() -> None:
    quantity = one("$10-12m")
    assert (quantity.value_low, quantity.value_high, quantity.currency) == (10e6, 12e6, "USD")


def test_precision_fields() -> None:
    assert (one("190").precision, one("190").step, one("190").leading) == (10.0, 1.0, 100.0)
    assert one("2.50").precision == pytest.approx(0.01)
    assert one("1.2 million").precision == pytest.approx(100_000)
    assert one("$88m").scaled and not one("88").scaled
    assert one("eight").from_words and not one("8").from_words


def test_counted_word() -> None:
    dead, injured = find_quantities("3 dead, 140 injured")
    assert (dead.counted, injured.counted) == ("dead", "injured")
    assert one("2 nights").counted == "nights"
    assert one("140 of the passengers").counted == "passengers"
    assert find_quantities("killed 3 and injured 140")[0].counted is None


def test_years_are_not_counts_but_counted_years_are() -> None:
    assert find_quantities("in 2013") == []
    assert one("2000 people").value_low == 2000
    assert one("more than 2000").value_low == 2000
    assert one("$2000").currency == "USD"


def test_base_units() -> None:
    assert one("15 miles").low == pytest.approx(24140.16)
    assert one("100F").low == pytest.approx(310.9278, abs=1e-3)
    assert one("two").low == 2.0 and one("5%").high == 5.0


def test_hostile_inputs_are_fast() -> None:
    started = time.perf_counter()
    assert [q.text for q in find_quantities("1," * 500_000)] == ["1"]
    assert [q.text for q in find_quantities("1,234," * 150_000)] == ["1,234"]
    assert find_quantities("9" * 5000) == []
    assert find_quantities("٣٣ ²³ ¹") == []
    assert len(find_quantities(", ".join(["6:00 12"] * 20_000))) == 20_000
    assert time.perf_counter() - started < 30


def test_many_digits_are_not_a_figure() -> None:
    assert find_quantities("1" * 31) == []
    assert one("1" * 30).value_low == float("1" * 30)


@pytest.mark.parametrize("text, values", [
    ("temperatures reached -5°C.", [-5.0]),
    ("a low of (−12) overnight", [-12.0]),
    ("a 8-12 range", [8.0, 12.0]),  # a range, not a negative 12
    ("won 43 - 39", []),  # a score: no figure, no negative
])
def test_a_minus_glued_to_digits_after_a_space_is_a_sign(text, values):
    found = find_quantities(text)
    assert [v for q in found for v in dict.fromkeys((q.value_low, q.value_high))] == values


# -- measures written the way tokenised text and dimensions write them


@pytest.mark.parametrize(("text", "read"), [
    ("a 6 - foot man", [("6 - foot", 6.0, "foot")]),
    ("a 6-foot man", [("6-foot", 6.0, "foot")]),
    ("a 200 - pound man", [("200 - pound", 200.0, "pound")]),
    # both sides of a measure take its one unit
    ("cells of 8-by-12 feet", [("8", 8.0, "foot"), ("12 feet", 12.0, "foot")]),
    ("cells of 8 by 12 feet", [("8", 8.0, "foot"), ("12 feet", 12.0, "foot")]),
    ("a 3 x 4 metre room", [("3", 3.0, "meter"), ("4 metre", 4.0, "meter")]),
])
def test_measures_with_spaced_dashes_and_two_sides(text, read):
    assert [(q.text, q.value_low, q.unit) for q in find_quantities(text)] == read


@pytest.mark.parametrize(("text", "read"), [
    ("he won 6 - 3 in the final", []),  # a spaced dash before a number is a score, not a unit
    ("aged 30 - 40 years", [("30 - 40 years", "year", "range")]),
    ("prices rose 8 by 12 percent", [("8", None, None), ("12 percent", "percent", None)]),  # no length
    ("the COVID-19 wave", []), ("the G-7 summit", []),  # a hyphen after letters is still a name
])
def test_what_a_dash_or_by_does_not_make_a_measure(text, read):
    found = [(q.text, q.unit, q.qualifier) for q in find_quantities(text)]
    assert found == read


@pytest.mark.parametrize("text", ["a 45-7-2 record", "a 7-45-2 record", "went 10 - 2 - 1", "call 555-123-4567"])
def test_three_dash_joined_numbers_are_a_record_not_a_range(text):
    assert find_quantities(text) == []


def test_a_record_leaves_the_figures_around_it():
    assert [q.text for q in find_quantities("10 people saw the 7-45-2 side lose 3 games")] == ["10", "3"]
    assert [(q.text, q.qualifier) for q in find_quantities("a 7-10 record")] == [("7-10", "range")]


@pytest.mark.parametrize(("text", "value"), [("110bn in loans", 110e9), ("3tn of debt", 3e12), ("7mln people", 7e6)])
def test_a_glued_unambiguous_scale_reads_without_a_currency(text, value):
    [q] = find_quantities(text)
    assert (q.value_low, q.dimension, q.scaled) == (value, "count", True)


def test_an_ambiguous_glued_scale_still_needs_a_currency():
    # "5m" is five metres, not five million; "110 bn" with a space is not glued
    assert [(q.text, q.dimension) for q in find_quantities("5m away")] == [("5m", "length")]
    assert [q.value_low for q in find_quantities("110 bn in loans")] == [110.0]
