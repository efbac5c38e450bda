"""Copy folding: a syndicated copy is folded only when it says the same thing. A copy that
differs in a figure, a negation or a direction word stays its own article, and its claim is
contested with both reports; a copy that differs only in a byline or in how a number is written
is folded."""

from __future__ import annotations

import pytest

from briefing import Article, daily
from briefing.daily.duplicates import DuplicateOptions, disagreements, find_copies
from daily_fixtures import QUAKE_A1, QUAKE_A3


def _copy(old: str, new: str, **extra: str) -> Article:
    assert old in QUAKE_A1
    return Article(id="copy", text=QUAKE_A1.replace(old, new), source="Wire Two", **extra)


ORIGINAL = Article(id="orig", text=QUAKE_A1, source="Wire One")


def test_a_copy_that_differs_only_in_a_byline_is_folded():
    copy = Article(id="copy", text=QUAKE_A1 + "\n\nBy Jane Doe, Associated Press.")
    original = ORIGINAL.model_copy(update={"text": QUAKE_A1 + "\n\nBy John Smith, Reuters."})
    assert find_copies([original, copy]) == [[0, 1]]
    d = daily([original, copy])
    assert [s.id for s in d.sources] == ["orig"] and [c.id for c in d.sources[0].copies] == ["copy"]


@pytest.mark.parametrize("old, new", [("140", "one hundred forty"), ("Main Street", "Main St."), ("Tuesday,", "Tuesday ,")])
def test_a_copy_that_says_the_same_is_folded(old, new):
    assert find_copies([ORIGINAL, _copy(old, new)]) == [[0, 1]]


@pytest.mark.parametrize("old, new, reason", [
    ("140 people", "400 people", "140 ≠ 400"),
    ("were likely", "were not likely", "negation"),
    ("on Tuesday", "on Wednesday", "weekday"),
])
def test_a_copy_that_differs_in_meaning_is_not_folded(old, new, reason):
    copy = _copy(old, new)
    assert find_copies([ORIGINAL, copy]) == [[0], [1]]
    assert any(reason in r for r in disagreements(ORIGINAL.text, copy.text))


@pytest.mark.parametrize("ours, theirs", [("before dawn", "after dawn"), ("power rose", "power fell")])
def test_a_copy_with_an_opposite_direction_word_is_not_folded(ours, theirs):
    def with_(words: str) -> Article:
        return Article(id=words, text=QUAKE_A1.replace("on Tuesday,", f"on Tuesday {words},"))
    first, second = with_(ours), with_(theirs)
    assert find_copies([first, second]) == [[0], [1]]
    assert any("opposite" in r for r in disagreements(first.text, second.text))
    assert find_copies([first, with_(ours)]) == [[0, 1]]


def test_a_copy_with_another_figure_stays_and_the_claim_is_contested_with_both_reports():
    copy = _copy("140 people", "400 people")
    d = daily([ORIGINAL, copy])
    assert sorted(s.id for s in d.sources) == ["copy", "orig"]
    assert len(d.stories) == 1
    witt = [c for c in d.stories[0].claims if any("people were injured" in r.evidence for r in c.reports)]
    assert len(witt) == 1 and witt[0].verdict == "contested"
    by_article = {r.article: r for r in witt[0].reports}
    assert "140" in by_article["orig"].evidence and "400" in by_article["copy"].evidence
    assert "140 ≠ 400" in by_article["copy"].notes


def test_a_negated_copy_stays_and_is_contested():
    copy = _copy("aftershocks were likely", "aftershocks were not likely")
    d = daily([ORIGINAL, copy])
    assert len(d.sources) == 2 and len(d.stories) == 1
    assert any(c.verdict == "contested" and {r.article for r in c.reports} == {"orig", "copy"}
               for c in d.stories[0].claims)


def test_the_context_reaches_a_unit_next_to_a_changed_figure():
    text = "Officials said the storm front was 15 miles wide when it reached the coast on Monday. " * 3
    converted = text.replace("15 miles", "24 km", 1)
    wrong = text.replace("15 miles", "40 km", 1)
    assert disagreements(text, converted) == []
    assert disagreements(text, wrong)
    # with no words of context the unit still travels with the figure (one differing place)
    assert disagreements(text, converted, DuplicateOptions(context_words=0)) == []


def test_a_copy_that_changes_only_the_unit_is_read_with_its_figure():
    text = "Officials said the storm front was 15 miles wide when it reached the coast on Monday. " * 3
    changed = text.replace("15 miles", "15 km", 1)
    assert any("15 miles ≠ 15 km" in r for r in disagreements(text, changed))
    # without context the unit alone is compared ("miles" / "km"): no figure, no disagreement
    assert disagreements(text, changed, DuplicateOptions(context_words=0)) == []
    assert find_copies([Article(id="x", text=text), Article(id="y", text=changed)]) == [[0], [1]]


def test_articles_that_share_three_of_four_paragraphs_are_not_copies():
    rest = ("Later the council met in the town hall to discuss shelters for families who lost their homes, "
            "and the governor promised state money for repairs to roads, schools and water pipes.")
    paragraphs = QUAKE_A1.split("\n\n")
    follow_up = Article(id="follow-up", text="\n\n".join(paragraphs[:3]) + "\n\n" + rest)  # shingle overlap 0.58
    assert find_copies([ORIGINAL, follow_up]) == [[0], [1]]
    assert find_copies([ORIGINAL, follow_up], DuplicateOptions(min_overlap=0.55)) == [[0, 1]]
    assert find_copies([ORIGINAL, follow_up], DuplicateOptions(min_overlap=0.6)) == [[0], [1]]


def test_duplicate_options_are_frozen():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        DuplicateOptions().min_overlap = 0.1  # type: ignore[misc]


@pytest.mark.parametrize("ours, theirs", [
    ("140 people were hurt when the storm front reached the coast on Monday, officials said. " * 3,
     "400 people were hurt when the storm front reached the coast on Monday, officials said. "
     + "140 people were hurt when the storm front reached the coast on Monday, officials said. " * 2),
    ("Officials said the storm front reached the coast on Monday and the number of people hurt was 140. " * 2
     + "Officials said the storm front reached the coast on Monday and the number of people hurt was 140",
     "Officials said the storm front reached the coast on Monday and the number of people hurt was 140. " * 2
     + "Officials said the storm front reached the coast on Monday and the number of people hurt was 400"),
])
def test_a_figure_changed_in_the_first_or_last_word_is_found(ours, theirs):
    assert any("140 ≠ 400" in r for r in disagreements(ours, theirs))
    assert find_copies([Article(id="x", text=ours), Article(id="y", text=theirs)]) == [[0], [1]]


@pytest.mark.parametrize("old, new", [
    ("on Tuesday,", "early on Tuesday,"),  # against "late on Tuesday" below
    ("140 people", "about 140 people"),
])
def test_copies_that_differ_in_an_opposite_or_a_replaced_figure_are_not_folded(old, new):
    first = _copy(old, new)
    opposite = {"early on Tuesday,": "late on Tuesday,", "about 140 people": "about 1400 people"}[new]
    second = Article(id="copy2", text=QUAKE_A1.replace(old, opposite))
    assert find_copies([first, second]) == [[0], [1]]
    assert disagreements(first.text, second.text)


@pytest.mark.parametrize("old, new", [
    ("on Tuesday,", "on Feb. 47,"),  # no valid date, still another figure in the place of one
    ("140 people", "between 140 and 150 people"),
])
def test_a_copy_with_an_impossible_date_or_another_range_is_not_folded(old, new):
    first = Article(id="one", text=QUAKE_A1.replace(old, {"on Feb. 47,": "on Feb. 22,",
                                                          "between 140 and 150 people": "between 140 and 150 people"}[new]))
    second = Article(id="two", text=QUAKE_A1.replace(old, {"on Feb. 47,": "on Feb. 47,",
                                                           "between 140 and 150 people": "between 140 and 190 people"}[new]))
    assert find_copies([first, second]) == [[0], [1]]
    assert find_copies([first, first.model_copy(update={"id": "same"})]) == [[0, 1]]


@pytest.mark.parametrize("ours, theirs", [
    ("on 10 Nov 11,", "on ten Nov 11,"),  # a day written in words
    ("a 6 - foot wall", "a 1.8-metre wall"),  # a measure converted
    ("cells of 8-by-12 feet", "cells of 2.4-by-3.7 metres"),  # both sides of a measure converted
])
def test_copies_that_write_a_date_or_measure_otherwise_are_folded(ours, theirs):
    longer = QUAKE_A1 + "\n\n" + QUAKE_A3  # long enough that one changed measure keeps the shingles alike

    def with_(words: str, name: str) -> Article:
        return Article(id=name, text=longer.replace("on Tuesday,", f"{words} on Tuesday,"))
    assert find_copies([with_(ours, "one"), with_(theirs, "two")]) == [[0, 1]]
    assert disagreements(with_(ours, "one").text, with_(theirs, "two").text) == []


def test_a_copy_with_two_names_swapped_is_not_folded():
    """"Smith beat Jones" is not "Jones beat Smith": the same words in another order."""
    longer = QUAKE_A1 + "\n\n" + QUAKE_A3
    first = Article(id="one", text=longer.replace("said Maria Lopez", "said Maria Lopez to Ann Marsh"))
    second = Article(id="two", text=longer.replace("said Maria Lopez", "said Ann Marsh to Maria Lopez"))
    assert find_copies([first, second]) == [[0], [1]]
    assert any(r.startswith("the same words in another order") for r in disagreements(first.text, second.text))


@pytest.mark.parametrize("ours, theirs", [
    ("said Maria Lopez", "said Maria Lopez, a baker"),  # words added: not a reorder
    ("said Maria Lopez", "said Mrs Lopez"),  # other words
])
def test_a_copy_with_other_words_is_not_a_swap(ours, theirs):
    longer = QUAKE_A1 + "\n\n" + QUAKE_A3
    first = Article(id="one", text=longer.replace("said Maria Lopez", ours))
    second = Article(id="two", text=longer.replace("said Maria Lopez", theirs))
    assert find_copies([first, second]) == [[0, 1]]
    assert disagreements(first.text, second.text) == []


def test_a_moved_paragraph_is_not_a_swap_of_words():
    """``max_swap_words``: a long stretch moved is an edit, not names swapped in a sentence."""
    assert DuplicateOptions().max_swap_words == 6
    a = "Maria Lopez said the shaking went on for a minute. Crews searched the homes until late at night."
    b = "Crews searched the homes until late at night. Maria Lopez said the shaking went on for a minute."
    assert not any(r.startswith("the same words") for r in disagreements(a, b))
    assert any(r.startswith("the same words") for r in disagreements(a, b, DuplicateOptions(max_swap_words=20)))
