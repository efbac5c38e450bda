"""Edge cases found by mutation testing: each test pins a boundary a mutant moved."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.quantities import (
    Comparison,
    DateMention,
    DirectionLexicon,
    Quantity,
    QuantityOptions,
    TextComparison,
    compare_dates,
    compare_quantities,
    compare_texts,
    find_dates,
    find_quantities,
    tokenize,
)
from briefing.quantities.numwords import parse_number_words


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def relation(a: str, b: str) -> str:
    return compare_quantities(one(a), one(b)).relation


# -- comparing: interval ends and rounding windows
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("about 100", "90", "consistent"),
        ("nearly 100", "90", "consistent"),
        ("just over 100", "110", "consistent"),
        ("nearly $100m", "$100.4m", "consistent"),
        ("just over $100m", "$100m", "consistent"),
        ("$100m", "$95.2m", "consistent"),
        ("$100m", "$94.8m", "conflicting"),
        ("10-12", "10-15", "conflicting"),  # another upper end: another range
        ("10-12 million", "10 to 12.1 million", "consistent"),  # ends within a scale word's rounding
        ("10-12 million", "10 to 13 million", "conflicting"),
        ("33.0F", "0.45C", "consistent"),
        ("1 foot", "35 cm", "conflicting"),
    ],
)
def test_interval_edges(a: str, b: str, expected: str) -> None:
    assert relation(a, b) == expected


def test_relative_fallback_is_a_conversion() -> None:
    result = compare_quantities(one("32.8 feet"), one("10.1 metres"))
    assert result.converted and result.relation == "consistent"


def test_huge_values_are_noted() -> None:
    result = compare_quantities(one("1,000,000,000,000,000 km"), one("5 miles"))
    assert result.note == "1,000,000,000,000,000 km ≠ 5 miles (converted: 1e+15 km = 6.214e+14 mi)"


# -- reading: fields and boundaries
def test_leading_and_precision_of_small_numbers() -> None:
    assert (one("0.25").leading, one("0").leading, one("0").precision) == (0.1, 1.0, 1.0)
    million = one("1.2 million")
    assert (million.leading, million.step, million.precision) == (1e6, 1e5, 1e5)


def test_half_a() -> None:
    assert one("half a dozen").value_low == 6
    half = one("half a million")
    assert (half.precision, half.leading, half.step, half.scaled, half.from_words) == (
        1e5, 5e5, 1e5, True, True)


def test_fraction_fields() -> None:
    fifth = one("one-fifth")
    assert (fifth.precision, fifth.step, fifth.leading, fifth.scaled, fifth.from_words) == (
        0.0, 0.0, 10.0, False, True)


@pytest.mark.parametrize("text", ["A-1", "the M-4 road", "Mrs 5", "they drew 1-1"])
def test_not_money_and_not_figures(text: str) -> None:
    assert all(q.currency is None for q in find_quantities(text))
    assert [q.text for q in find_quantities(text)] in ([], ["5"])
    assert text != "Mrs 5" or [q.dimension for q in find_quantities(text)] == ["count"]


def test_rupees_symbol() -> None:
    assert one("Rs 500").currency == "INR"
    assert one("TRs 500").currency is None


def test_hyphenated_temperatures_are_not_read() -> None:
    assert one("a 10-C drop").dimension == "count"


def test_a_bare_lower_end_takes_the_scale_only_below_the_upper_end() -> None:
    assert (one("1 to 1 million").value_low, one("1 to 1 million").value_high) == (1.0, 1e6)


def test_counted_nouns_fold_plurals_of_four_letters_or_more() -> None:
    from briefing.quantities.texts import _noun

    assert [_noun(one(t)) for t in ("3 cars", "3 car", "3 gas", "3 houses")] == [
        "car", "car", "gas", "house"]


def test_the_two_is_a_number_but_the_one_is_not() -> None:
    assert one("the two men").value_low == 2
    assert find_quantities("the one man") == []


def test_scale_words() -> None:
    assert one("a thousand").scaled and not one("a hundred").scaled
    assert one("ten to twelve million").value_low == 10e6
    ranged = one("900,000 to 1.2 million")
    assert (ranged.value_low, ranged.value_high, ranged.scaled) == (9e5, 1.2e6, True)
    assert one("10 to twelve").from_words


def test_hyphenated_forms() -> None:
    assert (one("a 3-point lead").dimension, one("a 70-mph zone").unit) == ("count", "mile / hour")


def test_pounds_after_a_scale_word_are_money_and_the_span_ends_there() -> None:
    quantity = one("3 million pounds was paid")
    assert (quantity.text, quantity.currency) == ("3 million pounds", "GBP")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("10-12 people and 5 dogs", ["10-12", "5"]),
        ("10 to all 12 of them", ["10", "12"]),
        ("from 10 to 12", ["10", "12"]),
        ("10 to 10", ["10", "10"]),
        ("12 to 10", ["12", "10"]),
        ("they won 3-2 after 5 games", ["5"]),
        ("On March 3, 5 people died", ["5"]),
        ("no one said 5", ["5"]),
        ("won 3-2 and 5 people", ["5"]),
        ("5G and 3 people", ["3"]),
        ("over 2000", ["over 2000"]),
    ],
)
def test_which_figures(text: str, figures: list[str]) -> None:
    assert [q.text for q in find_quantities(text)] == figures


# -- number words
@pytest.mark.parametrize(
    ("run", "parsed"),
    [
        ("twenty-five", (25.0, 11, 1.0)),
        ("twenty", (20.0, 6, 10.0)),
        ("fifteen", (15.0, 7, 1.0)),
        ("five", (5.0, 4, 1.0)),
        ("a hundred", (100.0, 9, 100.0)),
        ("two dozen", (24.0, 9, 1.0)),
        ("one a hundred", (1.0, 3, 1.0)),
        ("one hundred and dozen", (100.0, 11, 100.0)),
        ("one hundred hundred", (100.0, 11, 100.0)),
        ("a hundred and five", (105.0, 18, 1.0)),
        ("one hundred five hundred", (105.0, 16, 1.0)),
        ("twenty dozen", (20.0, 6, 10.0)),
        ("and", None),
        ("a", None),
        ("a man", None),
    ],
)
def test_parse_number_words(run: str, parsed: tuple[float, int, float] | None) -> None:
    assert parse_number_words(run) == parsed


# -- dates
def test_kinds() -> None:
    assert [d.kind for d in find_dates("March, March 3, March 2013, 2013")] == [
        "month", "date", "date", "year"]


@pytest.mark.parametrize(
    ("text", "hour", "minute", "ambiguous"),
    [("1:30 a.m.", 1, 30, False), ("12:30 p.m.", 12, 30, False), ("6:30 p.m.", 18, 30, False),
     ("1:00", 1, 0, True), ("12:00", 12, 0, True), ("13:00", 13, 0, False),
     ("6 o'clock", 6, 0, True)],
)
def test_clock_fields(text: str, hour: int, minute: int, ambiguous: bool) -> None:
    (mention,) = find_dates(text)
    assert (mention.hour, mention.minute, mention.ambiguous_clock) == (hour, minute, ambiguous)


@pytest.mark.parametrize("text", ["0:30 am", "MArch 3", "TUesday"])
def test_more_non_dates(text: str) -> None:
    assert find_dates(text) == []


def test_year_context() -> None:
    assert [d.year for d in find_dates("2013 was a good year")] == [2013]
    assert [d.year for d in find_dates("2013 Republicans won")] == [2013]


def test_minutes_matter() -> None:
    (a,), (b,) = find_dates("6:00"), find_dates("6:01")
    assert compare_dates(a, b).relation == "conflicting"


# -- directions
def test_phrase_windows_with_a_custom_lexicon() -> None:
    lexicon = DirectionLexicon([("we went up", "we went down"), ("went in", "went out")])
    assert lexicon.opposite(tokenize("so we went up"), tokenize("so we went down")) == (
        "we went up", "we went down")
    assert lexicon.opposite(tokenize("went in"), tokenize("went out")) == ("went in", "went out")
    assert DirectionLexicon([]).max_words == 1


def test_directions_in_the_unchanged_part_do_not_count() -> None:
    lexicon = DirectionLexicon([("rose", "fell")])
    a, b = tokenize("prices rose and fell today"), tokenize("prices rose and fell yesterday")
    assert lexicon.opposite(a, b) is None
    assert lexicon.opposite(tokenize("rose then x"), tokenize("rose then fell")) is None


# -- compare_texts
def test_plural_nouns_pair_before_agreeing_values() -> None:
    result = compare_texts("1 house and 3 cars", "3 houses and 1 car")
    assert [c.relation for c in result.comparisons] == ["conflicting", "conflicting"]


def test_figures_only_in_the_second_text() -> None:
    result = compare_texts("no figures here", "3 people")
    assert [q.text for q in result.unmatched_b] == ["3"]


def test_comparisons_are_in_text_order() -> None:
    result = compare_texts("on Tuesday 3 people", "on Wednesday 3 people")
    assert [c.relation for c in result.comparisons] == ["conflicting", "same"]


def test_abbreviated_month_without_digits() -> None:
    assert [c.relation for c in compare_texts("in Jan.", "in Feb.").comparisons] == [
        "conflicting"]


# -- value types
def test_defaults_and_frozen_values() -> None:
    quantity = Quantity("2", 0, 1, 2.0, 2.0, "count")
    assert (quantity.precision, quantity.leading, quantity.step) == (1.0, 1.0, 1.0)
    assert not quantity.scaled and not quantity.from_words
    assert QuantityOptions().max_rounding_rel == 0.1
    for value in (DateMention("x", 0, 1, "year"), Comparison("same", "x"), TextComparison(),
                  QuantityOptions()):
        field = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, field, None)
