"""text.fold: folding with offset maps, words, negations and figures (issue 18 item 20)."""

from __future__ import annotations

import pytest

from briefing.text.fold import negated_form, on_boundaries, tokenize

# --------------------------------------------------------------------------- negating prefixes

def test_a_hyphenated_negating_prefix_stays_with_its_word():
    tokens, weights, lo, hi = tokenize("the resolution is non-binding on all")
    assert tokens == ["the", "resolution", "is", "non-binding", "on", "all"]
    assert weights == [1.0] * 6
    norm = "the resolution is non-binding on all"
    assert [norm[a:b] for a, b in zip(lo, hi, strict=True)] == tokens


def test_other_hyphenated_compounds_are_still_split():
    tokens, weights, _, _ = tokenize("a 30-year-old in-house lawyer")
    assert tokens == ["a", "30", "year", "old", "in", "house", "lawyer"]
    assert weights == pytest.approx([1, 1 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 1])


@pytest.mark.parametrize(("a", "b"), [
    ("binding", "non-binding"), ("binding", "nonbinding"), ("american", "un-american"),
    ("likely", "unlikely"), ("agree", "disagree"), ("accurate", "inaccurate"),
    ("possible", "impossible"), ("legal", "illegal"), ("regular", "irregular"),
])
def test_a_word_and_its_negated_form(a, b):
    assert negated_form(a, b) and negated_form(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("house", "in-house"), ("depth", "in-depth"), ("binding", "binding"), ("", "un"),
    ("likely", "likelyun"), ("binding", "non binding"), ("legal", "dis-legal"),
])
def test_not_a_negated_form(a, b):
    assert not negated_form(a, b)


@pytest.mark.parametrize("text", ["is non-binding", "is Non\u2011binding", "is un-American"])
def test_a_span_never_starts_or_ends_at_a_negating_hyphen(text):
    dash = text.index("n-") + 1 if "n-" in text else text.index("\u2011")
    assert not on_boundaries(text, dash + 1, len(text))  # "binding" of "non-binding"
    assert not on_boundaries(text, 0, dash)  # "is non" of "is non-binding"
    assert not on_boundaries(text, dash, len(text))
    assert on_boundaries(text, 0, len(text)) and on_boundaries(text, 3, len(text))


def test_other_hyphens_are_word_boundaries():
    text = "a 30-year-old in-house lawyer"
    assert on_boundaries(text, text.index("year"), len(text))
    assert on_boundaries(text, text.index("house"), len(text))
    assert on_boundaries(text, 0, text.index("-house"))


# --------------------------------------------------------------------------- the rest of fold


def test_the_mark_class_is_exactly_the_combining_marks_of_the_bmp():
    import re
    import unicodedata

    from briefing.text.fold import _mark_class

    marks = re.compile(f"[{_mark_class()}]")
    for cp in range(0x10000):
        c = chr(cp)
        if unicodedata.category(c) == "Cs":
            continue
        assert bool(marks.fullmatch(c)) == (unicodedata.category(c)[0] == "M"), hex(cp)


@pytest.mark.parametrize(("token", "value"), [
    ("18", 18.0), ("1,200", 1200.0), ("2.5", 2.5), ("1,200.5", 1200.5), ("eighteen", 18), ("million", 1e6),
    ("half", 0.5), ("dozen", 12), ("twice", 2), ("18m", "18m"), ("10\u00b2", "10\u00b2"), ("word", None),
    ("zero", 0),
])
def test_number_value(token, value):
    from briefing.text.fold import number_value

    assert number_value(token) == value


def test_negation_flags_mark_negations_and_the_t_of_nt():
    from briefing.text.fold import NEGATION_PARTICLES, negation_flags

    tokens = ["we", "don", "t", "refuse", "t", "never", "not", "denied"]
    assert negation_flags(tokens) == [False, False, True, True, False, True, True, True]
    assert negation_flags(tokens, NEGATION_PARTICLES) == [False, False, True, False, False, True, True, False]
    assert negation_flags(["t", "x"]) == [False, False]  # a "t" with nothing before it


@pytest.mark.parametrize(("text", "folded", "starts"), [
    ("A  b", "a b", [0, 1, 3]),  # the first space of a run stands for it
    (" \u201cHi\u201d \u2014 there ", "\"hi\"-there", [1, 2, 3, 4, 6, 8, 9, 10, 11, 12]),
    ("a \u2013 b", "a-b", [0, 2, 4]),
    ("x\u00adx", "xx", [0, 2]),
    ("wait\u2026", "wait...", [0, 1, 2, 3, 4, 4, 4]),
    ("caf\u00e9", "cafe\u0301", [0, 1, 2, 3, 3]),
    ("a--b", "a-b", [0, 1, 3]),
    ("", "", []),
])
def test_normalize_keeps_where_each_folded_character_came_from(text, folded, starts):
    from briefing.text.fold import normalize, normalized

    norm, got_starts, ends = normalize(text)
    assert (norm, list(got_starts)) == (folded, starts)
    assert all(e > s for s, e in zip(got_starts, ends, strict=True))
    assert normalized(text) == folded


def test_a_dash_run_keeps_its_last_end():
    from briefing.text.fold import normalize

    norm, starts, ends = normalize("a--b")
    assert (norm, list(starts), list(ends)) == ("a-b", [0, 1, 3], [1, 3, 4])


@pytest.mark.parametrize(("text", "folded"), [
    ("  \u201cIt\u2019s here,\u201d  ", "it's here"), ("...", ""), ("(a)", "a"), ("x", "x"),
])
def test_fold_drops_edge_punctuation(text, folded):
    from briefing.text.fold import fold

    assert fold(text) == folded


def test_fold_fast_folds_like_normalize_without_collapsing():
    from briefing.text.fold import fold_fast

    assert fold_fast("It\u2019s \u2014  \u201cOK\u201d\u2026\u00ad") == "it's -  \"ok\"..."


def test_a_cjk_character_is_a_word_of_its_own():
    from briefing.text.fold import on_boundaries

    tokens, _, _, _ = tokenize("\u6771\u4eac\u3067 abc")
    assert tokens == ["\u6771", "\u4eac", "\u3067", "abc"]
    assert on_boundaries("\u6771\u4eac\u3067", 1, 2) and not on_boundaries("abc", 1, 3)
    assert not on_boundaries("abc", 0, 2) and on_boundaries("abc", 0, 3)


def test_the_pieces_of_a_hyphenated_word_keep_their_offsets():
    norm = "a 30-year-old man"
    tokens, _, lo, hi = tokenize(norm)
    assert [norm[a:b] for a, b in zip(lo, hi, strict=True)] == tokens == ["a", "30", "year", "old", "man"]


@pytest.mark.parametrize(("text", "start", "end", "on"), [
    ("is non- binding", 0, 6, True),  # a dangling hyphen is no compound
    ("is non binding", 0, 6, True),
    ("it is non-", 0, 9, True),
    ("\u6771abc", 1, 4, True),  # a CJK character next to a Latin word
    ("abc\u6771", 0, 3, True),
    ("cafe\u0301s", 0, 4, False),  # a combining mark is part of its word
])
def test_more_word_boundaries(text, start, end, on):
    from briefing.text.fold import is_word, on_boundaries

    assert on_boundaries(text, start, end) is on
    assert is_word("\u0301") and is_word("a") and is_word("7") and not is_word("-")


def test_the_t_of_nt_right_after_the_first_word():
    from briefing.text.fold import negation_flags

    assert negation_flags(["don", "t", "go"]) == [False, True, False]
