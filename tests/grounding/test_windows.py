"""A window cut from its text's index is the window built afresh (issue 18, item 15), and the
fuzzy search is ruled out only where no match could be accepted."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.grounding.aligner import (
    Aligner,
    AlignOptions,
    _build_index,
    _excerpt_parts,
    align,
)
from briefing.grounding.inorder import find_in_order, text_tokens
from briefing.grounding.windows import TextWindows
from briefing.grounding.wordchain import WordIndex
from briefing.text.fold import DASHES, normalized

ARTICLE = (
    "The council did not approve the 1,200-page budget on Tuesday. Mayor Ruiz said: “We won't "
    "raise taxes.” The non-binding vote – held at 6 p.m. – drew 2.5 million viewers.\n\n"
    "Critics disagreed. “It is unlikely to pass,” one aide said; others weren't sure…"
)

# Words and marks that folding and word splitting treat specially: dashes (joined, spaces
# dropped around them), hyphenated negations, "n't", digit commas and dots, invisible marks,
# curly quotes, combining marks, CJK characters, runs of spaces and line breaks.
PIECES = ["the", "not", "non-binding", "won't", "n't", "1,200", "2.5", "-", " – ", "—", "\u00ad",
          "“", "”", "e\u0301", "東京", ".", ",", " ", "  ", "\n", "Raise", "taxes", "in-house", "t", "then"]


def _same_index(window: TextWindows, lo: int, hi: int) -> None:
    cut = window._cut_index(lo, hi)
    fresh = _build_index(window.text[lo:hi], window.options.max_abridged_gap)
    if cut is None:
        return
    a, b = cut.words, fresh.words
    assert (a.original, a.norm, a.tokens) == (b.original, b.norm, b.tokens)
    assert (list(a.starts), list(a.ends), list(a.lo), list(a.hi)) == (
        list(b.starts), list(b.ends), list(b.lo), list(b.hi))
    assert (a.negations, a.particles) == (b.negations, b.particles)
    assert (cut.chain.tokens, cut.chain.weights, cut.chain.max_gap) == (
        fresh.chain.tokens, fresh.chain.weights, fresh.chain.max_gap)
    assert cut.chain.where == fresh.chain.where


def _same_tokens(window: TextWindows, lo: int, hi: int) -> None:
    tokens = window._cut_tokens(lo, hi)
    if tokens is not None:
        assert [(w, s - lo, e - lo, v) for w, s, e, v in tokens] == list(text_tokens(window.text[lo:hi]))


def test_every_window_of_an_article_is_cut_as_built_afresh() -> None:
    window = TextWindows(ARTICLE)
    plain = 0
    for lo in range(len(ARTICLE)):
        for hi in range(lo + 1, min(len(ARTICLE), lo + 90) + 1):
            _same_index(window, lo, hi)
            _same_tokens(window, lo, hi)
            before, after = ARTICLE[max(0, lo - 2):lo], ARTICLE[hi:hi + 2]
            if ((lo == 0 or (before[-1:].isspace() and before[:1] not in DASHES))
                    and (hi == len(ARTICLE) or (after[:1].isspace() and after[-1:] not in DASHES))
                    and ARTICLE[lo].isalpha() and (ARTICLE[hi - 1].isalnum() or ARTICLE[hi - 1] in ".,:;”")):
                plain += 1  # whole words between spaces (no dash beyond them): cut, not rebuilt
                assert window._cut_index(lo, hi) is not None and window._cut_tokens(lo, hi) is not None
    assert plain > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.data())
def test_a_cut_window_equals_a_fresh_build_whatever_the_text(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces) if data.draw(st.booleans()) else "".join(pieces)
    lo = data.draw(st.integers(0, len(text) - 1))
    hi = data.draw(st.integers(lo + 1, len(text)))
    window = TextWindows(text)
    _same_index(window, lo, hi)
    _same_tokens(window, lo, hi)


def test_sentence_windows_are_cut_and_edges_inside_a_word_or_at_a_dash_are_built_afresh() -> None:
    text = "First sentence here. Second one follows - with a dash. Third."
    window = TextWindows(text)
    second = text.index("Second")
    assert window._cut_index(0, text.index(" Second")) is not None
    assert window._cut_tokens(0, text.index(" Second")) is not None
    assert window._cut_index(second, len(text)) is not None
    assert window._cut_index(second + 2, len(text)) is None  # inside "Second"
    assert window._cut_tokens(second + 2, len(text)) is None
    assert window._cut_index(0, text.index("- with") + 1) is None  # ends on the dash
    assert window._cut_index(text.index("with"), len(text)) is None  # after " - ": no space before in the fold
    built = window.window(second + 2, len(text))
    assert built.tokens is None and built.aligner.text == text[second + 2:]


def test_a_window_aligns_as_align_on_the_window() -> None:
    window = TextWindows(ARTICLE)
    lo, hi = ARTICLE.index("Mayor"), ARTICLE.index("\n\nCritics")
    cut = window.window(lo, hi)
    assert cut.text == ARTICLE[lo:hi] and cut.start == lo
    for excerpt in ("We won't raise taxes", "We will raise taxes", "The non-binding vote drew 2.5 million viewers",
                    "The binding vote – held at 6 p.m. – drew 2.5 million viewers", "Critics disagreed"):
        assert cut.aligner._align(excerpt, track=False) == align(excerpt, ARTICLE[lo:hi])


def test_find_in_order_over_cut_words_gives_the_windows_span() -> None:
    window = TextWindows(ARTICLE)
    lo, hi = ARTICLE.index("The non-binding"), ARTICLE.index("\n\n")
    tokens = window._cut_tokens(lo, hi)
    assert tokens is not None and tokens[0][1] == lo  # offsets into the whole text
    claim = "The non-binding vote drew 2.5 million viewers"
    span = find_in_order(claim, ARTICLE[lo:hi], tokens=tokens, offset=lo)
    assert span == find_in_order(claim, ARTICLE[lo:hi]) and span is not None
    assert ARTICLE[lo:hi][span.start:span.end] == "The non-binding vote – held at 6 p.m. – drew 2.5 million viewers"
    assert find_in_order(claim, "nothing like it", tokens=(), offset=5) is None
    # without tokens the offset is not applied: the span is the text's own
    assert find_in_order(claim, ARTICLE[lo:hi], offset=lo) == span


# ----------------------------------------------------------------------- ruling the search out

WORDS = ["the", "council", "did", "not", "raise", "taxes", "on", "tuesday", "mayor", "said", "budget",
         "non-binding", "vote", "12", "twelve", "a", "of"]


def _fuzzy(aligner: Aligner, excerpt: str, *, rule_out: bool):
    enorm = normalized(excerpt)
    if rule_out:
        return aligner._find_fuzzy(excerpt, enorm, False)
    with mock.patch.object(Aligner, "_may_accept", return_value=True):
        return aligner._find_fuzzy(excerpt, enorm, False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=5, max_size=12), st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       st.sampled_from([AlignOptions(), AlignOptions(min_similarity=0.5, min_content=1, min_tokens=2)]))
def test_ruling_the_fuzzy_search_out_changes_no_answer(ours: list[str], theirs: list[str], options: AlignOptions) -> None:
    excerpt, text = " ".join(ours), " ".join(theirs)
    aligner = Aligner(text, options)
    assert _fuzzy(aligner, excerpt, rule_out=True) == _fuzzy(aligner, excerpt, rule_out=False)
    ex = _excerpt_parts(normalized(excerpt))
    similarity, content = aligner._index.ceiling(ex)
    for match in aligner._index.candidates(ex):  # the ceiling bounds every match
        assert match.similarity <= similarity + 1e-9
        assert match.content <= content + 1e-9


def test_the_ceiling_rules_out_a_window_sharing_too_few_words_and_keeps_a_near_miss() -> None:
    ex = _excerpt_parts(normalized("the city council will raise local taxes next year"))
    far = Aligner("The city hall was closed for the holidays, next to the river.")
    near = Aligner("The city council will not raise local taxes next year, the mayor said.")
    assert far._index.ceiling(ex)[0] < 0.75 and not far._may_accept(ex)
    assert near._may_accept(ex)
    alignment = align("the city council will raise local taxes next year", near.text)
    assert alignment.status == "not_found" and alignment.change == "negation"  # still found as a near miss
    nothing = Aligner("Completely unrelated words only.")
    assert nothing._index.ceiling(ex) == (0.0, 0.0) and not nothing._may_accept(ex)


def test_the_ceiling_counts_weights_of_hyphenated_pieces() -> None:
    # "long-range" splits into two pieces of weight 0.5 each; "missile" weighs 1
    ex = _excerpt_parts(normalized("long-range missile"))
    index = WordIndex(["range", "missile"], [1.0, 1.0], 150)
    similarity, content = index.ceiling(ex)
    assert similarity == pytest.approx((0.5 + 1.0 + 2) / (2.0 + 2))
    assert content == pytest.approx(1.5)


def test_where_and_vocabulary_are_built_on_first_use() -> None:
    index = WordIndex(["a", "b", "a"], [1.0, 1.0, 1.0], 150)
    assert "where" not in vars(index) and "vocabulary" not in vars(index)
    assert index.where == {"a": [0, 2], "b": [1]}
    assert index.vocabulary == frozenset({"a", "b"})
    assert index.where is index.where


def test_a_window_starting_at_the_t_of_a_split_nt_is_not_a_negation() -> None:
    # in the whole text "t" after "can" is the "n't" of "can t"; a window that starts at it has
    # no word before it, so there it is a plain word, as a fresh build says
    text = "They can t stop it."
    window = TextWindows(text)
    lo = text.index("t stop")
    cut = window._cut_index(lo, len(text))
    assert cut is not None
    assert cut.words.negations == _build_index(text[lo:], 150).words.negations == [False, False, False]
    assert window.negations[window.words.index("t")] is True  # the whole text's reading
