"""find_in_order: a claim's words in the article in their order, gaps bounded (issue 18, item 20)."""

from __future__ import annotations

import pytest

from briefing.grounding.inorder import InOrderOptions, find_in_order
from helpers import run_examples


def _found(claim: str, text: str, options: InOrderOptions | None = None) -> str | None:
    span = find_in_order(claim, text, options)
    return None if span is None else text[span.start:span.end]


def test_the_docstring_example():
    assert run_examples(find_in_order) == (0, 3)


def test_the_documented_defaults():
    assert InOrderOptions() == InOrderOptions(max_gap=6, min_words=4)


def test_min_words_a_short_claim_is_not_looked_for():
    text = "They said the council cut the taxes last year."
    assert _found("cut the taxes", text) is None
    assert _found("cut the taxes", text, InOrderOptions(min_words=3)) == "cut the taxes"
    assert _found("council cut the taxes", text) == "council cut the taxes"
    assert _found("council cut the taxes", "") is None
    assert _found("council cut the taxes", "", InOrderOptions(min_words=0)) is None


def test_max_gap_counts_the_article_words_between_two_claim_words():
    six = "the council will one two three four five six raise taxes"
    seven = "the council will one two three four five six seven raise taxes"
    assert _found("the council will raise taxes", six) == six
    assert _found("the council will raise taxes", seven) is None
    assert _found("the council will raise taxes", seven, InOrderOptions(max_gap=7)) == seven
    assert _found("the council will raise taxes", "the council will x raise taxes", InOrderOptions(max_gap=0)) is None
    assert _found("the council will raise taxes", "the council will raise taxes now", InOrderOptions(max_gap=0)) == (
        "the council will raise taxes")


def test_every_claim_word_must_be_there_in_order():
    text = "The city council will raise taxes next year, the mayor said."
    assert _found("the council will raise taxes", text) == "The city council will raise taxes"
    assert _found("the mayor will raise taxes", text) is None  # "mayor" comes after "taxes"
    assert _found("council would raise taxes", text) is None  # the second word is not there
    assert _found("taxes raise will council", text) is None
    assert _found("raise raise raise raise", "they raise taxes today and then") is None  # one word, one use


def test_the_span_runs_from_the_first_word_to_the_last():
    text = "On Monday the city council will raise taxes next year, the mayor said."
    assert _found("council will raise taxes", text) == "council will raise taxes"
    assert _found("city council will raise taxes next year", text) == "city council will raise taxes next year"


def test_a_later_start_is_tried_when_an_earlier_one_fails():
    text = "The council met on Monday. Later the council will raise taxes next year."
    assert _found("council will raise taxes", text) == "council will raise taxes"


@pytest.mark.parametrize(("text", "expected"), [
    ("The council will, after debate, raise taxes. Then the council will raise taxes.", "council will raise taxes"),
    ("The council will raise taxes. The council will, after debate, raise taxes.", "council will raise taxes"),
    ("Ten x x x council x will raise taxes; council will x raise taxes.", "council x will raise taxes"),
])
def test_the_shortest_span_wins_and_the_earliest_of_equals(text, expected):
    span = find_in_order("council will raise taxes", text)
    assert text[span.start:span.end] == expected
    if text.startswith("The council will raise"):
        assert span.start == 4  # the earlier of two equal spans


def test_number_words_and_digits_are_the_same_word():
    text = "Police said two people were hurt in the crash on the motorway."
    assert _found("2 people were hurt in the crash", text) == "two people were hurt in the crash"
    assert _found("3 people were hurt in the crash", text) is None
    assert _found("3 people were hurt", "Police said 2 people were hurt.") is None


def test_curly_apostrophes_are_straight_ones():
    text = "The mayor's plan would cut taxes next year."
    assert _found("the mayor\u2019s plan would cut taxes", text) == "The mayor's plan would cut taxes"
    assert _found("the mayor's plan would cut taxes", text.replace("'", "\u2019")) == (
        "The mayor\u2019s plan would cut taxes")
