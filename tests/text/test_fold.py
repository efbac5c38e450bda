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
