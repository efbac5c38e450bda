"""compare_quantities: every rule and its adversarial partner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.quantities import (
    Comparison,
    QuantityOptions,
    compare_quantities,
    find_quantities,
)
from briefing.quantities.options import DEFAULT_OPTIONS
from briefing.quantities.units import from_base


def compare(a: str, b: str, options: QuantityOptions = DEFAULT_OPTIONS) -> Comparison:
    first, second = find_quantities(a), find_quantities(b)
    assert len(first) == 1 and len(second) == 1, (first, second)
    result = compare_quantities(first[0], second[0], options)
    reverse = compare_quantities(second[0], first[0], options)
    assert reverse.relation == result.relation, "comparison must be symmetric"
    return result


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # bounds
        ("more than 100", "120", "consistent"),
        ("more than 100", "90", "conflicting"),
        ("more than 100", "100", "conflicting"),
        ("at least 5", "3", "conflicting"),
        ("at least 5", "5", "consistent"),
        ("at least 5", "7", "consistent"),
        ("fewer than 10", "9", "consistent"),
        ("fewer than 10", "10", "conflicting"),
        ("at most 10", "10", "consistent"),
        ("up to 20", "25", "conflicting"),
        ("about 100", "103", "consistent"),
        ("about 100", "110", "consistent"),
        ("about 100", "120", "conflicting"),
        ("about 100", "85", "conflicting"),
        ("nearly 100", "95", "consistent"),
        ("nearly 100", "100", "consistent"),
        ("nearly 100", "120", "conflicting"),
        ("nearly 100", "101", "conflicting"),
        ("nearly 100", "89", "conflicting"),
        ("just over 100", "105", "consistent"),
        ("just over 100", "100", "conflicting"),
        ("just over 100", "300", "conflicting"),
        ("more than 100", "over 100", "same"),
        ("more than 100", "at least 100", "consistent"),
        ("more than 100", "fewer than 50", "conflicting"),
        ("more than 100", "fewer than 101", "consistent"),
        ("at least 100", "at most 100", "consistent"),
        ("more than 100", "at most 100", "conflicting"),
        ("at least 100", "fewer than 100", "conflicting"),
        ("between 10 and 12", "11", "consistent"),
        ("10-12", "13", "conflicting"),
        ("10-12", "11-15", "conflicting"),  # one range reported twice: its ends must agree
        ("between 30 and 40", "between 30 and 83", "conflicting"),
        ("between 30 and 40", "30-40", "same"),
        ("ten to 12", "10-12", "same"),
        ("15-20 miles", "24-32 km", "same"),  # both ends converted
        ("15-20 miles", "24-40 km", "conflicting"),
        ("1.2-1.5 million", "1.2 to 1.5 million", "same"),
        ("10-12", "more than 11", "consistent"),  # a range and a bound still overlap
        ("10-12", "10 to 12", "same"),
        ("more than $1m", "more than $1 million", "same"),
        ("about 5 miles", "about 5 miles", "same"),
        ("about 5 miles", "about 8 km", "same"),  # one tally, the same qualifier: compared as stated
        ("about 100 people", "about 120 people", "conflicting"),
        ("at least 140 people", "at least 200 people", "conflicting"),
        ("over $363 million", "over $729 million", "conflicting"),  # a scale word's rounding aside
        ("under two weeks", "under seven weeks", "conflicting"),  # the open end is not the figure
        ("under two weeks", "under 2 weeks", "same"),
        ("more than 100", "more than 100", "same"),
        # conversions
        ("15 miles", "24 km", "same"),
        ("15 miles", "40 km", "conflicting"),
        ("120 mph", "193 km/h", "same"),
        ("120 mph", "190 km/h", "same"),
        ("120 mph", "200 km/h", "same"),
        ("120 mph", "210 km/h", "conflicting"),
        ("150 metres", "492 feet", "same"),
        ("150 metres", "490 feet", "same"),
        ("150 metres", "600 feet", "conflicting"),
        ("100F", "38C", "same"),
        ("100F", "40C", "conflicting"),
        ("3 miles", "5 km", "same"),
        ("100 km", "60 miles", "same"),
        ("100 km", "70 miles", "conflicting"),
        ("1 foot", "30.48 cm", "same"),
        ("1 foot", "30 cm", "same"),
        ("1 foot", "30.2 cm", "same"),
        ("1 foot", "45 cm", "conflicting"),
        ("10 feet", "3.1 metres", "same"),
        ("32.8 feet", "10.1 metres", "consistent"),
        ("$1m", "$1.4m", "conflicting"),
        ("32F", "0C", "same"),
        ("2 days", "48 hours", "same"),
        ("more than 15 miles", "24 km", "consistent"),
        ("more than 15 miles", "20 km", "conflicting"),
        ("about 100 km", "60 miles", "consistent"),
        # money
        ("$88m", "103 million euros", "incomparable"),
        ("$88m", "$88 million", "same"),
        ("$88m", "88 million dollars", "same"),
        ("$88m", "$98m", "conflicting"),
        ("$88m", "$88.4m", "consistent"),
        ("£3bn", "£3 billion", "same"),
        # words, decimals, separators
        ("two nights", "2 nights", "same"),
        ("8-year-old", "eight-year-old", "same"),
        ("1.2 million", "1,200,000", "same"),
        ("1.2 million", "1,234,567", "consistent"),
        ("1.2 million", "1,300,000", "conflicting"),
        ("2.5", "2.50", "same"),
        ("2.5", "25", "conflicting"),
        ("2.5", "2.6", "conflicting"),
        ("1,200", "1200", "same"),
        ("100", "103", "conflicting"),
        ("one-fifth", "20%", "same"),
        ("one-fifth", "25%", "conflicting"),
        ("a third of", "33%", "same"),
        ("a third of", "30%", "conflicting"),
        # dimensions
        ("5", "5%", "incomparable"),
        ("5%", "5 percentage points", "incomparable"),
        ("5 miles", "5 kg", "incomparable"),
        ("5 miles", "5", "incomparable"),
    ],
)
def test_relation(a: str, b: str, relation: str) -> None:
    assert compare(a, b).relation == relation


def test_notes() -> None:
    assert compare("15 miles", "24 km").note == "15 miles ≈ 24 km (converted: 15 mi = 24.14 km)"
    assert compare("more than 100", "120").note == "more than 100 allows 120"
    assert compare("at least 5", "3").note == "at least 5 excludes 3"
    assert compare("$88m", "103 million euros").note == (
        "different currencies (USD, EUR): not compared without an exchange rate")
    assert compare("two", "2").note == "two = 2 (words read as numbers)"
    assert compare("1.2 million", "1,234,567").note == "1.2 million ≈ 1,234,567 (rounded)"
    assert compare("10-12", "11-15").note == "10-12 ≠ 11-15 (another range)"
    assert compare("10-12", "more than 11").note == "10-12 overlaps more than 11"
    assert compare("10-12", "more than 13").note == "10-12 does not overlap more than 13"
    assert compare("5", "5%").note == "different kinds of figure (count, percent): 5 vs 5%"
    assert compare("100F", "38C").note == "100F ≈ 38C (converted: 100°F = 37.78°C)"
    assert compare("fewer than 10 miles", "20 km").note.endswith("(converted: 10 mi = 16.09 km)")
    assert compare("one-fifth", "20%").note == "one-fifth = 20% (one-fifth = 20%)"
    assert compare("33%", "a third of").note == "33% ≈ a third (a third = 33.33%)"
    assert "within 2%" in compare("32.8 feet", "10.1 metres").note


def test_converted_flag() -> None:
    assert compare("15 miles", "24 km").converted
    assert compare("two", "2").converted
    assert not compare("2", "2").converted
    assert not compare("$88m", "$88 million").converted
    assert compare("one-fifth", "20%").converted


def test_options_change_the_thresholds() -> None:
    tight = QuantityOptions(approximate_rel_tol=0.01)
    assert compare("about 100", "103", tight).relation == "conflicting"
    assert compare("about 100", "101", tight).relation == "consistent"
    strict = QuantityOptions(conversion_rel_tol=0.0)
    assert compare("32.8 feet", "10.1 metres", strict).relation == "conflicting"
    loose = QuantityOptions(max_rounding_rel=0.5)
    assert compare("1 foot", "45 cm", loose).relation == "same"
    three = QuantityOptions(min_significant_digits=3, conversion_rel_tol=0.01)
    assert compare("120 mph", "190 km/h", three).relation == "conflicting"
    assert compare("100 km", "67 miles").relation == "conflicting"
    one = QuantityOptions(min_significant_digits=1)
    assert compare("100 km", "67 miles", one).relation == "same"


def test_the_comparison_keeps_its_pair() -> None:
    a, b = find_quantities("15 miles or 24 km")
    result = compare_quantities(a, b)
    assert (result.a, result.b) == (a, b)


UNITS = {
    "length": ["miles", "km", "metres", "feet"],
    "speed": ["mph", "km/h"],
    "mass": ["kg", "pounds", "tonnes"],
    "area": ["acres", "hectares"],
    "volume": ["litres", "gallons"],
}
PAIRS = [(d, u, v) for d, units in UNITS.items() for u in units for v in units if u != v]


@settings(database=None, deadline=None)
@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(PAIRS))
def test_property_converted_and_rounded_to_three_figures_matches(n: int, pair: tuple) -> None:
    _dimension, unit, other = pair
    a = find_quantities(f"{n} {unit}")[0]
    value = a.low
    b_unit = find_quantities(f"1 {other}")[0].unit
    converted = float(f"{from_base(value, b_unit):.3g}")
    written = f"{converted:.6f}".rstrip("0").rstrip(".")
    if "." not in written:
        written = str(int(converted))
    b = find_quantities(f"{written} {other}")[0]
    assert compare_quantities(a, b).relation in ("same", "consistent")


@settings(database=None, deadline=None)
@given(st.integers(min_value=10, max_value=10**9))
def test_property_half_as_much_again_conflicts(n: int) -> None:
    larger = n * 3 // 2
    assert compare(f"{n} people", f"{larger} people").relation == "conflicting"
    assert compare(f"{n} miles", f"{larger} miles").relation == "conflicting"


@settings(database=None, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_property_separators_do_not_matter(n: int) -> None:
    assert compare(f"{n:,} people", f"{n} people").relation == "same"
