"""Copy folding pinned where the day-level tests pass through it (issue 18 item 20): shingles,
the overlap threshold, boilerplate shingles, chains of copies, and where two copies part."""

from __future__ import annotations

from briefing import Article
from briefing.daily.duplicates import (
    DuplicateOptions,
    _shingles,
    _window,
    disagreements,
    find_copies,
)

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
         "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()


def _text(words: list[str]) -> str:
    return " ".join(words) + "."


def test_the_documented_defaults() -> None:
    options = DuplicateOptions()
    assert (options.min_overlap, options.shingle, options.context_words) == (0.8, 5, 6)
    for knob in ("min_overlap", "shingle", "context_words"):
        assert f"``{knob}``" in (DuplicateOptions.__doc__ or "")


def test_shingles_of_a_text() -> None:
    assert _shingles("One two, THREE four five six", 5) == {"one two three four five", "two three four five six"}
    assert _shingles("one two three four five", 5) == {"one two three four five"}
    assert _shingles("one two", 5) == {"one two"}  # shorter than a shingle: all its words
    assert _shingles("...", 5) == set()


def test_window_is_the_text_of_the_words_and_empty_without_words() -> None:
    words = [("a", 0, 1), ("bb", 2, 4), ("c", 5, 6)]
    assert _window("a bb c", words, 1, 3) == "bb c"
    assert _window("a bb c", words, 0, 1) == "a"
    assert _window("a bb c", words, 2, 2) == ""
    assert _window("a bb c", words, 0, 0) == ""


def _overlap(a: str, b: str) -> float:
    x, y = _shingles(a, 5), _shingles(b, 5)
    return len(x & y) / len(x | y)


def test_copies_fold_from_exactly_min_overlap() -> None:
    first = _text(WORDS)
    second = _text([*WORDS, "extra"])  # one more shingle: 22 of 23
    share = _overlap(first, second)
    assert share == 22 / 23
    articles = [Article(id="a", text=first), Article(id="b", text=second)]
    assert find_copies(articles, DuplicateOptions(min_overlap=share)) == [[0, 1]]
    assert find_copies(articles, DuplicateOptions(min_overlap=share + 0.001)) == [[0], [1]]


def test_a_different_story_on_the_same_subject_is_not_a_copy() -> None:
    first = _text(WORDS)
    second = _text(WORDS[:10] + [w + "s" for w in WORDS[10:]])
    assert _overlap(first, second) < 0.8
    assert find_copies([Article(id="a", text=first), Article(id="b", text=second)]) == [[0], [1]]


def test_copies_chain_into_one_group_kept_by_the_first() -> None:
    base = _text(WORDS)
    longer = _text([*WORDS, "extra"])
    longest = _text([*WORDS, "extra", "more"])
    other = _text([w.upper() + "x" for w in WORDS])
    articles = [Article(id=i, text=t) for i, t in (("o", other), ("c", longest), ("b", longer), ("a", base))]
    assert find_copies(articles) == [[0], [1, 2, 3]]


def test_a_shingle_held_by_more_than_fifty_articles_is_boilerplate() -> None:
    text = _text(WORDS)
    fifty = [Article(id=str(i), text=text) for i in range(50)]
    assert find_copies(fifty) == [list(range(50))]
    fifty_one = [Article(id=str(i), text=text) for i in range(51)]
    assert find_copies(fifty_one) == [[i] for i in range(51)]


def test_copies_that_differ_in_a_figure_stay_apart() -> None:
    first = "Officials said 140 people were injured in the blast near the old harbour on the coast road today."
    second = first.replace("140", "400")
    assert disagreements(first, second)
    assert find_copies([Article(id="a", text=first), Article(id="b", text=second)],
                       DuplicateOptions(min_overlap=0.3)) == [[0], [1]]
    assert disagreements(first, first) == []
    assert disagreements(first, first.replace("today", "this morning")) == []


def test_the_context_words_carry_the_figure_to_the_changed_unit() -> None:
    first = "The convoy drove 15 miles to the border town before dawn on Sunday, the officials in the capital said."
    assert disagreements(first, first.replace("15 miles", "24 km")) == []  # the same distance, converted
    assert disagreements(first, first.replace("15 miles", "40 km"))
    changed_unit = first.replace("15 miles", "15 km")  # only the unit parts: the figure is context
    assert disagreements(first, changed_unit)
    assert disagreements(first, changed_unit, DuplicateOptions(context_words=1))
    assert disagreements(first, changed_unit, DuplicateOptions(context_words=0)) == []


def test_a_negation_dropped_far_from_the_start_is_found() -> None:
    first = ("The council met on Monday and after a long debate about the budget the mayor said she would not "
             "sign the new contract with the builders.")
    second = first.replace("would not sign", "would sign")
    assert disagreements(first, second)
    assert disagreements(first, second, DuplicateOptions(context_words=0))
