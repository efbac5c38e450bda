"""Word chains (grounding/wordchain.py), pinned rule by rule: each documented score, cost, bound
and example, with the case just past each limit (issue 18, item 20)."""

from __future__ import annotations

import dataclasses
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.grounding.aligner import align
from briefing.grounding.wordchain import (
    _CANDIDATES,
    _MAX_ANCHOR_OCCURRENCES,
    ExcerptWords,
    WordIndex,
    _drop_stray_edges,
    _trim,
)
from briefing.text.fold import ELLIPSIS, STOPWORDS, normalized, split_words

GAP = 150


def excerpt(text: str) -> ExcerptWords:
    return ExcerptWords([split_words(part) for part in ELLIPSIS.split(normalized(text))])


def index(text: str, max_gap: int = GAP) -> WordIndex:
    tokens, weights = split_words(normalized(text))
    return WordIndex(tokens, weights, max_gap)


# ----------------------------------------------------------------------- ExcerptWords


def test_excerpt_words_keep_parts_bases_and_weights() -> None:
    ex = excerpt("The long-range missile ... was not fired")
    assert ex.parts == [["the", "long", "range", "missile"], ["was", "not", "fired"]]
    assert ex.tokens == ["the", "long", "range", "missile", "was", "not", "fired"]
    assert ex.weights == [1.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0]
    assert ex.part_of == [0, 0, 0, 0, 1, 1, 1]
    assert ex.base == [0, 4, 7]
    # content words: not stop words ("the", "was", "not" are), hyphen pieces count their weight
    assert ex.content_weight(range(7)) == ex.content == 3.0  # long .5 + range .5 + missile + fired
    assert ex.content_weight([0, 4, 5]) == 0.0
    assert ex.content_weight([1]) == 0.5
    assert ex.by_word["the"] == (1, 1.0, 0.0) and ex.by_word["long"] == (1, 0.5, 0.5)


def test_by_word_adds_up_repeated_words() -> None:
    ex = excerpt("taxes and taxes and more taxes")
    assert ex.by_word["taxes"] == (3, 3.0, 3.0)
    assert ex.by_word["and"] == (2, 2.0, 0.0)
    assert set(ex.by_word) == {"taxes", "and", "more"}


# ----------------------------------------------------------------------- the ceiling


def test_the_ceiling_is_its_documented_formula() -> None:
    ex = excerpt("the council will raise local taxes")  # W = 6
    # shared: the, council, taxes (N = 3, E = 3, C = 2: "the" is a stop word)
    similarity, content = index("the council cut taxes").ceiling(ex)
    assert similarity == pytest.approx((3 + 3) / (6 + 3))
    assert content == 2.0
    assert index("the council will raise local taxes").ceiling(ex) == (pytest.approx(1.0), 4.0)
    assert index("nothing here matches").ceiling(ex) == (0.0, 0.0)


# ----------------------------------------------------------------------- _trim


def test_trim_keeps_an_unbroken_run() -> None:
    assert _trim([(0, 0), (1, 1), (2, 2)]) == [(0, 0), (1, 1), (2, 2)]
    assert _trim([]) == []
    assert _trim([(4, 7)]) == [(4, 7)]


def test_trim_charges_half_a_point_per_word_skipped_on_the_longer_side() -> None:
    # one word skipped on the article side at each step: 1 + (1 - .5) + (1 - .5) = 2 > 1: kept
    assert _trim([(0, 0), (1, 2), (2, 4)]) == [(0, 0), (1, 2), (2, 4)]
    # seven skipped: the run breaks and the longer run after it wins
    assert _trim([(0, 0), (1, 1), (2, 9), (3, 10), (4, 11)]) == [(2, 9), (3, 10), (4, 11)]
    # the excerpt side counts too: two excerpt words skipped cost 1, the run stays at 1 and goes on
    assert _trim([(0, 0), (3, 1), (4, 2), (5, 3)]) == [(0, 0), (3, 1), (4, 2), (5, 3)]
    # three skipped on the excerpt side: 1 + 1 - 1.5 < 1: a new run starts there
    assert _trim([(0, 0), (4, 1), (5, 2)]) == [(4, 1), (5, 2)]


def test_trim_keeps_the_earlier_of_two_equal_runs() -> None:
    # 1, 2, then 2 + 1 - 1 = 2: no better than the first two, which stay
    assert _trim([(0, 0), (1, 1), (2, 4)]) == [(0, 0), (1, 1)]


# ----------------------------------------------------------------------- _drop_stray_edges


def test_a_stop_word_cut_from_the_word_before_is_dropped() -> None:
    # the docstring's "s | microphone. His | audio was ...": an excerpt cut from "His audio"
    art = ["the", "singer", "s", "microphone", "his", "audio", "was", "cut", "off"]
    ex = ["s", "audio", "was", "cut", "off"]
    pairs = [(0, 2), (1, 5), (2, 6), (3, 7), (4, 8)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 5) == pairs[1:]


def test_edge_words_that_come_again_in_the_gap_are_dropped() -> None:
    # the docstring's "this morning | ... Hastings this morning | announced"
    art = ["this", "morning", "the", "mayor", "of", "hastings", "this", "morning", "announced", "cuts"]
    ex = ["this", "morning", "announced", "cuts"]
    pairs = [(0, 0), (1, 1), (2, 8), (3, 9)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 4) == [(2, 8), (3, 9)]


def test_a_trailing_stray_run_is_dropped_too() -> None:
    art = ["taxes", "will", "rise", "next", "year", "said", "the", "mayor", "of", "the", "city"]
    ex = ["taxes", "will", "rise", "of", "the"]
    pairs = [(0, 0), (1, 1), (2, 2), (3, 8), (4, 9)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 5) == [(0, 0), (1, 1), (2, 2)]


def test_edges_are_kept_when_the_gap_holds_a_negation_or_nt() -> None:
    ex = ["s", "audio", "was", "cut", "off"]
    pairs = [(0, 2), (1, 5), (2, 6), (3, 7), (4, 8)]
    for skipped in (["not", "his"], ["never", "his"], ["didn", "t"]):
        art = ["the", "singer", "s", *skipped, "audio", "was", "cut", "off"]
        assert _drop_stray_edges(pairs, ex, art, [0] * 5) == pairs


def test_edges_are_kept_when_they_are_content_words_not_in_the_gap() -> None:
    art = ["budget", "talks", "ended", "in", "march", "and", "it", "passed"]
    ex = ["budget", "talks", "passed"]  # content words that do not come again: a real difference
    pairs = [(0, 0), (1, 1), (2, 7)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 3) == pairs
    art_again = ["budget", "talks", "ended", "in", "march", "the", "budget", "passed"]
    assert _drop_stray_edges(pairs, ex, art_again, [0] * 3) == [(2, 7)]  # "budget" comes again


def test_edges_are_kept_across_an_abridgement_mark_or_when_longer_than_three() -> None:
    art = ["the", "singer", "s", "microphone", "his", "audio", "was", "cut", "off"]
    ex = ["s", "audio", "was", "cut", "off"]
    pairs = [(0, 2), (1, 5), (2, 6), (3, 7), (4, 8)]
    assert _drop_stray_edges(pairs, ex, art, [0, 1, 1, 1, 1]) == pairs  # the excerpt's own cut
    art4 = ["of", "the", "to", "a", "x", "y", "of", "the", "to", "a", "audio", "was"]
    ex4 = ["of", "the", "to", "a", "audio", "was"]
    run4 = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 10), (5, 11)]
    assert _drop_stray_edges(run4, ex4, art4, [0] * 6) == run4  # four words: not stray
    run3 = [(1, 1), (2, 2), (3, 3), (4, 10), (5, 11)]
    assert _drop_stray_edges(run3, ex4, art4, [0] * 6) == [(4, 10), (5, 11)]  # three: stray


def test_a_run_without_a_gap_is_not_dropped() -> None:
    art = ["s", "audio", "was", "cut"]
    pairs = [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert _drop_stray_edges(pairs, art, art, [0] * 4) == pairs
    assert _drop_stray_edges([(0, 0)], ["s"], ["s"], [0]) == [(0, 0)]


# ----------------------------------------------------------------------- _nearest_run


def test_nearest_run_finds_the_first_or_last_copy_within_bounds() -> None:
    words = index("a b c a b c a b")
    assert words._nearest_run(["a", "b"], 0, 8, last=False) == 0
    assert words._nearest_run(["a", "b"], 0, 8, last=True) == 6
    assert words._nearest_run(["a", "b"], 1, 8, last=False) == 3
    assert words._nearest_run(["a", "b"], 0, 7, last=True) == 3  # the copy at 6 ends past hi
    assert words._nearest_run(["a", "b"], -5, 2, last=False) == 0
    assert words._nearest_run(["a", "b"], 7, 99, last=False) == -1
    assert words._nearest_run(["c", "c"], 0, 8, last=True) == -1


# ----------------------------------------------------------------------- candidates


def test_a_verbatim_excerpt_is_one_exact_candidate() -> None:
    words = index("yesterday the city council will raise local taxes next year said the mayor")
    (match,) = words.candidates(excerpt("the city council will raise local taxes"))
    assert (match.first, match.last) == (1, 7)
    assert match.similarity == 1.0 and match.verbatim
    assert match.content == 5.0  # city council raise local taxes
    assert match.pairs == [(i, i + 1) for i in range(7)]


def test_one_word_changed_scores_its_dice_similarity() -> None:
    words = index("the council will lower taxes next year")
    (match,) = words.candidates(excerpt("the council will raise taxes next year"))
    # 6 of 7 words on each side: (6 + 6) / (7 + 7)
    assert match.similarity == pytest.approx(12 / 14)
    assert not match.verbatim and (match.first, match.last) == (0, 6)
    assert match.content == 4.0  # council taxes next year
    assert (3, 3) not in match.pairs


def test_an_abridged_excerpt_skips_the_article_words_at_its_mark() -> None:
    text = "the mayor said on monday in a long speech that taxes would rise by ten percent"
    (match,) = index(text).candidates(excerpt("the mayor said ... taxes would rise"))
    assert (match.first, match.last) == (0, 12)
    assert match.similarity == 1.0 and match.verbatim  # every part word for word; the gap is not counted
    assert match.pairs == [(0, 0), (1, 1), (2, 2), (3, 10), (4, 11), (5, 12)]


def test_parts_further_apart_than_the_abridgement_gap_do_not_chain() -> None:
    text = "the mayor said " + "x " * 20 + "taxes would rise"
    near = index(text, max_gap=25).candidates(excerpt("the mayor said ... taxes would rise"))
    far = index(text, max_gap=10).candidates(excerpt("the mayor said ... taxes would rise"))
    assert near and near[0].last == 25 and near[0].first == 0
    assert all(m.last - m.first < 20 for m in far)


def test_at_most_three_candidates_and_one_per_chain() -> None:
    assert _CANDIDATES == 3
    text = " . ".join(["council raises city taxes"] * 5)
    found = index(text).candidates(excerpt("council raises city taxes"))
    assert len(found) == 3
    assert len({m.first for m in found}) == 3


def test_a_word_repeated_more_than_the_anchor_limit_anchors_nothing() -> None:
    assert _MAX_ANCHOR_OCCURRENCES == 64
    at_limit = index(" ".join(["budget vote"] * 64))
    past_limit = index(" ".join(["budget vote"] * 65))
    assert at_limit.candidates(excerpt("budget vote budget vote budget"))
    assert past_limit.candidates(excerpt("budget vote budget vote budget")) == []


def test_stop_words_alone_anchor_nothing() -> None:
    assert index("it was not on the list of the things").candidates(excerpt("it was not on the")) == []


def test_up_to_two_unmatched_first_words_are_covered_by_the_span() -> None:
    words = index("said the council will raise local taxes")
    match = words.candidates(excerpt("city the council will raise local taxes"))[0]
    assert (match.first, match.last) == (0, 6)  # "said" covered for "city"
    assert match.pairs == [(i, i) for i in range(1, 7)]
    assert match.similarity == pytest.approx((6 + 6) / (7 + 7))  # "said" weighs in the span
    three = index("one two three the council will raise local taxes")
    match = three.candidates(excerpt("city town hall the council will raise local taxes"))[0]
    assert match.first == 3  # three are not covered
    assert match.similarity == pytest.approx((6 + 6) / (9 + 6))


def test_a_swapped_word_at_the_start_that_matches_in_place_is_paired() -> None:
    words = index("a new council will raise local taxes")
    match = words.candidates(excerpt("a city council will raise local taxes"))[0]
    assert match.first == 0 and (0, 0) in match.pairs and (1, 1) not in match.pairs


def test_up_to_two_unmatched_last_words_are_covered_by_the_span() -> None:
    words = index("the council will raise local taxes today")
    match = words.candidates(excerpt("the council will raise taxes local"))[0]
    assert (match.first, match.last) == (0, 6)  # "local" after "taxes": "today" covered
    assert match.similarity == pytest.approx((5 + 5) / (6 + 7))
    assert not match.verbatim
    three = index("the council will raise local taxes today and tomorrow too")
    match = three.candidates(excerpt("the council will raise taxes local now then"))[0]
    assert match.last == 5  # three are not covered
    end = index("the council will raise local taxes")
    match = end.candidates(excerpt("the council will raise taxes local"))[0]
    assert match.last == 5  # nothing after the text's last word to cover


def test_a_covered_last_word_that_matches_in_place_is_paired() -> None:
    words = index("the council will raise local taxes now")
    match = words.candidates(excerpt("the council will raise local fees now"))[0]
    assert (6, 6) in match.pairs and match.last == 6


def test_words_far_off_the_diagonal_do_not_chain() -> None:
    # the same two content words, but 30 article words apart while 1 apart in the excerpt
    text = "council " + "y " * 30 + "taxes"
    found = index(text).candidates(excerpt("council taxes and more"))
    assert all(m.last - m.first <= 3 for m in found)


def test_candidates_come_best_chain_first() -> None:
    text = "local taxes . the city council will raise local taxes next year"
    found = index(text).candidates(excerpt("the city council will raise local taxes next year"))
    assert found[0].similarity == 1.0 and found[0].first == 2
    assert all(m.similarity <= found[0].similarity for m in found)


def test_two_unmatched_last_words_are_covered_and_three_are_not() -> None:
    words = index("the council will raise local taxes today and more")
    match = words.candidates(excerpt("the council will raise taxes local now"))[0]
    assert match.last == 7  # "local now" after "taxes" (5): "today and" covered


def test_verbatim_needs_every_excerpt_word_and_no_article_word_between() -> None:
    added = index("the council will raise local taxes").candidates(excerpt("the council will surely raise local taxes"))[0]
    assert added.pairs == [(0, 0), (1, 1), (2, 2), (4, 3), (5, 4), (6, 5)] and not added.verbatim
    skipped = index("the council will raise local taxes").candidates(excerpt("the council will raise taxes"))[0]
    assert len(skipped.pairs) == 5 and not skipped.verbatim  # "local" lies between
    whole = index("the council will raise local taxes").candidates(excerpt("the council will raise local taxes"))[0]
    assert whole.verbatim


def test_a_single_stray_pair_at_the_end_is_dropped() -> None:
    art = ["taxes", "will", "rise", "next", "year", "said", "mayor", "ruiz", "the"]
    ex = ["taxes", "will", "rise", "the"]
    pairs = [(0, 0), (1, 1), (2, 2), (3, 8)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 4) == [(0, 0), (1, 1), (2, 2)]


VOCAB = ["red", "green", "blue", "gold", "pink", "the", "of"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([*VOCAB, "not", "..."]), min_size=2, max_size=8),
       st.lists(st.sampled_from([*VOCAB, "not", "x", "y"]), min_size=1, max_size=24), st.sampled_from([5, GAP]))
def test_chains_and_matches_run_in_order_on_both_sides(ours: list[str], theirs: list[str], gap: int) -> None:
    ex = excerpt(" ".join(ours))
    words = index(" ".join(theirs), max_gap=gap)
    for chain in words._chains(ex):
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(chain))
        assert all(ex.tokens[i] == words.tokens[j] and ex.tokens[i] not in STOPWORDS for i, j in chain)
    for match in words.candidates(ex):
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(match.pairs))
        assert all(ex.tokens[i] == words.tokens[j] for i, j in match.pairs)
        assert match.first <= match.pairs[0][1] and match.pairs[-1][1] <= match.last
        assert 0 < match.similarity <= 1 + 1e-9


def test_a_word_is_chained_once_so_each_copy_starts_its_own_chain() -> None:
    words = index("gold gold pink")
    assert words._chains(excerpt("gold pink red")) == [[(0, 1), (1, 2)], [(0, 0)]]
    assert len(words.candidates(excerpt("gold pink red"))) == 2


def test_a_pair_links_to_the_first_of_equally_good_predecessors() -> None:
    # a pair keeps the first predecessor that scores best: a later one that only ties with it
    # does not take its place (here the third chain keeps "red" at 0 before "gold" at 3)
    found = index("red x blue gold the gold pink").candidates(excerpt("red gold the green red pink"))
    assert [m.pairs for m in found][2] == [(0, 0), (1, 3), (2, 4)]


def test_a_shift_off_the_diagonal_costs_half_a_point_a_word() -> None:
    # "council" and "taxes" are 2 apart in the excerpt, 7 in the article: 1 + 1 - 0.5 * 5 < 1,
    # so each stays a chain of its own; 4 apart costs 1: 1 + 1 - 1 = 1, still not better
    assert index("council x x x x x x taxes")._chains(excerpt("council raise taxes")) == [[(0, 0)], [(2, 7)]]
    assert index("council x x taxes")._chains(excerpt("council raise taxes")) == [[(0, 0), (2, 3)]]


def test_abridged_parts_chain_up_to_the_gap_and_not_beyond() -> None:
    ex = excerpt("council met ... taxes rose")
    at_gap = index("council met " + "y " * 10 + "taxes rose", max_gap=10)  # met at 1, taxes at 12
    assert at_gap._chains(ex)[0] == [(0, 0), (1, 1), (2, 12), (3, 13)]
    past_gap = index("council met " + "y " * 11 + "taxes rose", max_gap=10)
    assert all(len(chain) == 2 for chain in past_gap._chains(ex))


def test_an_abridged_excerpt_ending_in_one_word_reaches_across_the_gap() -> None:
    # the last part is one word: the chain still reaches 15 article words past the mark
    words = index("council met " + "y " * 15 + "taxes")
    assert words._chains(excerpt("council met ... taxes"))[0] == [(0, 0), (1, 1), (2, 17)]


def test_nearest_run_looks_back_to_the_first_word() -> None:
    words = index("a b c d")
    assert words._nearest_run(["a", "b"], 0, 3, last=True) == 0
    assert words._nearest_run(["a", "b"], -3, 3, last=True) == 0
    assert words._nearest_run(["c", "d"], 0, 4, last=True) == 2
    assert words._nearest_run(["c", "d"], 0, 3, last=True) == -1


def test_a_changed_word_is_not_a_gap_to_drop_an_edge_across() -> None:
    # "big" / "small": as many words on each side, nothing skipped: the edge stays
    art = ["the", "small", "council", "met"]
    assert _drop_stray_edges([(0, 0), (2, 2), (3, 3)], ["the", "big", "council", "met"], art, [0] * 4) == [
        (0, 0), (2, 2), (3, 3)]
    art = ["council", "met", "small", "the"]
    assert _drop_stray_edges([(0, 0), (1, 1), (3, 3)], ["council", "met", "big", "the"], art, [0] * 4) == [
        (0, 0), (1, 1), (3, 3)]


def test_a_later_part_keeps_its_words_before_its_first_content_word() -> None:
    words = index("taxes rose sharply on monday said the mayor")
    match = words.candidates(excerpt("taxes rose ... said the mayor"))[0]
    assert match.pairs == [(0, 0), (1, 1), (2, 5), (3, 6), (4, 7)]
    assert match.similarity == 1.0 and match.verbatim


def test_words_skipped_at_an_abridgement_mark_cost_little() -> None:
    # 0.01 a word skipped: a part 81 words past the mark still chains (cost 0.81 < 1) ...
    ex = excerpt("council ... taxes rose")
    assert index("council " + "y " * 80 + "taxes rose")._chains(ex)[0] == [(0, 0), (1, 81), (2, 82)]
    # ... and one 101 words past it does not (1.01), though within the abridgement gap
    assert index("council " + "y " * 100 + "taxes rose")._chains(ex)[0] == [(1, 101), (2, 102)]


def test_a_stray_last_word_of_a_long_excerpt_is_dropped() -> None:
    # the gap is measured between the two pairs (3 article words for 1 excerpt word), however
    # far into the excerpt they stand
    ex = ["council", "will", "raise", "local", "taxes", "next", "year", "the"]
    art = ["council", "will", "raise", "local", "taxes", "next", "year", "said", "mayor", "the"]
    pairs = [*((i, i) for i in range(7)), (7, 9)]
    assert _drop_stray_edges(pairs, ex, art, [0] * 8) == pairs[:7]


def test_a_last_word_covered_by_the_span_is_paired_where_it_stands() -> None:
    # found by search: the last excerpt word ("of", 7) is left unmatched by the part's
    # alignment, covered by the span, and paired in place with the article's "of" (17)
    text = "the green blue y gold pink x of not pink the red green green the the red of green gold"
    match = index(text, max_gap=5).candidates(excerpt("of of red the of the of of"))[0]
    assert match.pairs[-1] == (7, 17) and match.last == 17


# ----------------------------------------------------------------------- mutation pins (second pass)


def test_a_match_is_frozen() -> None:
    (match,) = index("the council will raise taxes").candidates(excerpt("the council will raise taxes"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.similarity = 0.5  # type: ignore[misc]


def test_a_stray_edge_of_one_pair_is_dropped_from_two_pairs() -> None:
    # two pairs are enough to drop either edge: a stop word 4 article words off the other pair
    art = ["the", "x", "y", "z", "council"]
    assert _drop_stray_edges([(0, 0), (1, 4)], ["the", "council"], art, [0, 0]) == [(1, 4)]
    art = ["council", "x", "y", "z", "the"]
    assert _drop_stray_edges([(0, 0), (1, 4)], ["council", "the"], art, [0, 0]) == [(0, 0)]


def test_two_unmatched_first_words_are_covered_and_weigh_in_the_span() -> None:
    words = index("said it the council will raise local taxes")
    match = words.candidates(excerpt("city town the council will raise local taxes"))[0]
    assert (match.first, match.last) == (0, 7)  # "said it" covered for "city town"
    assert match.pairs == [(i, i) for i in range(2, 8)]
    assert match.similarity == pytest.approx((6 + 6) / (8 + 8))


HEAD = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


@pytest.mark.parametrize(("apart", "kept"), [(44, True), (45, False)])
def test_a_chain_reaches_back_the_excerpt_length_and_ten_words(apart: int, kept: bool) -> None:
    # 34 excerpt words: 13 on the diagonal, 16 that are not in the article, two pairs that each
    # chain at 1.5 (one word between), and "omega" 21 words after "mike". In the article "omega"
    # stands ``apart`` words after "mike": 44 (34 + 10) is within reach, so it chains onto the
    # head (13 + 1 - 0.5 * (44 - 21) = 2.5) and is among the three best chains; 45 is out of
    # reach, so it scores 1 alone and the two 1.5 chains take its place
    ex = excerpt(" ".join([*HEAD, *["q"] * 16, "sierra", "tango", "uniform", "victor", "omega"]))
    assert len(ex.tokens) == 34
    text = " ".join([*HEAD, *["z"] * (apart - 1), "omega", *["z"] * 60,
                     "sierra x tango z z z uniform x victor"])
    omega = len(HEAD) - 1 + apart
    chains = index(text)._chains(ex)
    assert chains[0] == [(i, i) for i in range(13)]
    assert ([(33, omega)] in chains) is kept


def test_a_part_without_content_words_is_found_at_the_first_article_word() -> None:
    # "of the" has no anchor: its nearest copy before "council" is looked for, and one at the
    # article's first word (0) counts as found
    (match,) = index("of the x x x x x x council met", max_gap=10).candidates(excerpt("of the ... council met"))
    assert match.pairs == [(0, 0), (1, 1), (2, 8), (3, 9)]
    assert (match.first, match.last) == (0, 9) and match.similarity == 1.0 and match.verbatim


def test_words_of_one_part_chain_up_to_twice_their_distance_and_three() -> None:
    # "charlie" -> "delta": 1 apart in the excerpt, 5 (2 * 1 + 3) in the article: they chain
    # (3 + 1 - 0.5 * 4 = 2), and the whole excerpt is one chain; 6 apart they do not
    ex = excerpt("alpha bravo charlie delta echo foxtrot golf")
    at_limit = index("alpha bravo charlie x x x x delta echo foxtrot golf")._chains(ex)
    assert at_limit == [[(0, 0), (1, 1), (2, 2), (3, 7), (4, 8), (5, 9), (6, 10)]]
    past = index("alpha bravo charlie x x x x x delta echo foxtrot golf")._chains(ex)
    assert past == [[(3, 8), (4, 9), (5, 10), (6, 11)], [(0, 0), (1, 1), (2, 2)]]


def test_a_part_is_aligned_within_two_words_of_where_its_anchors_place_it() -> None:
    # "taxes" (2) anchors "and the taxes rose" to start at article word 3: the window opens 2
    # words earlier, at 1, so "the" is in it and "and" (0) is not; "the" alone, 3 words before
    # "taxes", is trimmed off, and the two words before "taxes" are covered by the span
    (match,) = index("and the x x x taxes rose").candidates(excerpt("and the taxes rose"))
    assert match.pairs == [(2, 5), (3, 6)] and (match.first, match.last) == (3, 6)
    # "taxes rose" (0, 1) place "taxes rose the end" to end at article word 3: the window
    # closes 2 words later, after 5, so "the" is in it and "end" (6) is not; "end" anchors a
    # chain of its own
    found = index("taxes rose x x x the end").candidates(excerpt("taxes rose the end"))
    assert [m.pairs for m in found] == [[(0, 0), (1, 1)], [(2, 5), (3, 6)]]
    assert [(m.first, m.last) for m in found] == [(0, 3), (3, 6)]


def test_a_part_may_start_at_the_article_word_after_the_previous_part() -> None:
    # an abridgement mark where the article skips nothing: "taxes" (2) right after "met" (1)
    (match,) = index("council met taxes rose").candidates(excerpt("council met ... taxes rose"))
    assert match.pairs == [(0, 0), (1, 1), (2, 2), (3, 3)] and match.verbatim


def test_a_later_part_s_window_is_placed_from_its_own_first_word() -> None:
    # the second part "and the taxes rose" starts at excerpt word 2, but its window is measured
    # within the part: "taxes" (its word 2, article 7) opens it at 7 - 2 - 2 = 3, so "and" (2)
    # lies outside it, "the" (3) is trimmed off 3 words before "taxes", and only "taxes rose"
    # is paired
    match = index("alpha bravo and the x x x taxes rose").candidates(excerpt("alpha bravo ... and the taxes rose"))[0]
    assert match.pairs == [(0, 0), (1, 1), (4, 7), (5, 8)] and (match.first, match.last) == (0, 8)


def test_a_last_part_without_content_words_is_looked_for_up_to_the_gap() -> None:
    # "it was the" has no anchor and no part after it: its first copy is looked for from the
    # word after "met" (2) over its own length plus the abridgement gap (6): found at 8 ...
    ex = excerpt("council met ... it was the")
    (match,) = index("council met x x x x x x it was the", max_gap=6).candidates(ex)
    assert match.pairs == [(0, 0), (1, 1), (2, 8), (3, 9), (4, 10)] and match.verbatim
    # ... and not at 9, one word further
    (match,) = index("council met x x x x x x x it was the", max_gap=6).candidates(ex)
    assert match.pairs == [(0, 0), (1, 1)] and (match.first, match.last) == (0, 1)


def test_a_stop_word_part_not_found_as_a_run_is_aligned_just_before_the_next_anchor() -> None:
    # "of the" never stands together: it is aligned within its length plus 3 words before
    # "council" (9), where "the" (6) is; "of" (4), 2 words before it, is a stray edge
    (match,) = index("y y y y of x the x x council met", max_gap=5).candidates(excerpt("of the ... council met"))
    assert match.pairs == [(1, 6), (2, 9), (3, 10)] and (match.first, match.last) == (5, 10)
    # the span: "x the" (5, 6: "of" covered by "x") and "council met" (9, 10), not "of" (4)
    assert match.similarity == pytest.approx((3 + 3) / (4 + 4))


def test_a_dropped_stray_edge_and_the_words_it_skipped_leave_the_span() -> None:
    # a bug fixed: the span kept the weight of a stray edge dropped and of the article words
    # between, and counted again the words covered for it ("his"): 8 / 13, not 8 / 10
    words = index("the singer s microphone his audio was cut off")
    (match,) = words.candidates(excerpt("s audio was cut off"))
    assert match.pairs == [(1, 5), (2, 6), (3, 7), (4, 8)] and (match.first, match.last) == (4, 8)
    assert match.similarity == pytest.approx((4 + 4) / (5 + 5))
    # so a short excerpt cut from "His" is reported as a cut word, as a longer one already was
    text = "The singer's microphone. His audio was cut off in the hall."
    found = align("s audio was cut off in the hall", text)
    assert (found.status, found.change) == ("not_found", "partial word")
    assert [(d.excerpt, d.article) for d in found.differences] == [("s", "His")]
    assert found.nearest is not None and text[found.nearest.start : found.nearest.end] == "His audio was cut off in the hall"


def test_a_covered_second_word_that_matches_in_place_is_paired_where_it_stands() -> None:
    # found by search: the part's alignment pairs "a" with the article's first "a" (0), a stray
    # edge 3 words off "red" (3) that is dropped; the two first excerpt words are then covered
    # (article words 1, 2) and "a" is paired where it stands, at 2
    match = index("a x a red red green", max_gap=3).candidates(excerpt("pink a red red the"))[0]
    assert match.pairs == [(1, 2), (2, 3), (3, 4)] and (match.first, match.last) == (1, 5)


def test_nearest_run_looks_no_further_back_than_lo() -> None:
    words = index("a b c d")
    assert words._nearest_run(["a", "b"], 1, 4, last=True) == -1
    assert words._nearest_run(["b", "c"], 1, 4, last=True) == 1


def test_trim_restarts_a_run_at_one_point() -> None:
    # a run restarted after a long skip scores 1, as the first did: the earlier one is kept
    assert _trim([(0, 0), (5, 5)]) == [(0, 0)]
    assert _trim([(0, 0), (5, 5), (6, 6)]) == [(5, 5), (6, 6)]


def test_a_skipped_word_is_only_an_article_word_between_the_two_pairs() -> None:
    # "gold" is not among the words skipped ("y"), so the last pair is no stray edge ...
    assert _drop_stray_edges([(0, 0), (1, 2)], ["pink", "gold"], ["pink", "y", "gold"], [0, 0]) == [(0, 0), (1, 2)]
    # ... and here it is, right after "council": the last pair is dropped
    art = ["council", "gold", "y", "gold"]
    assert _drop_stray_edges([(0, 0), (1, 3)], ["council", "gold"], art, [0, 0]) == [(0, 0)]


# found by search (the search windows of parts with few or no anchors, the cost of a shift
# across an abridgement mark): each case is the whole answer of ``candidates``, as
# (pairs, first, last) per match
SEARCHED = [
    ("red of of of x of a the x pink red green gold pink y", "a ... gold the gold gold a", 5,
     [([(0, 6), (1, 12)], 6, 12), ([(0, 6), (1, 12)], 6, 12), ([(0, 6), (2, 7)], 6, 7)]),
    ("pink pink", "pink ... green pink a ...", 5,
     [([(0, 0), (2, 1)], 0, 1), ([(2, 0)], 0, 1), ([(0, 0), (2, 1)], 0, 1)]),
    ("a x red y of not blue a", "green red a pink ... red of blue the", 3,
     [([(1, 2), (5, 4), (6, 6)], 1, 7), ([(2, 0), (4, 2), (5, 4), (6, 6)], 0, 7)]),
    ("of red green y not x the the the red red not", "of blue green of ... red", 5,
     [([(0, 0), (2, 2), (4, 9)], 0, 9), ([(0, 0), (4, 1)], 0, 1), ([(4, 9)], 9, 9)]),
    ("y not pink x of y x gold", "of pink", 3, [([(0, 4)], 4, 5)]),
    ("pink gold y the red x gold pink not red of", "pink ... pink a a", 3,
     [([(0, 0)], 0, 0), ([(1, 0)], 0, 2), ([(0, 7)], 7, 7)]),
    ("the x blue of a the", "gold the blue a gold", 3, [([(2, 2)], 0, 4)]),
    ("of blue pink red blue of green blue not", "a the the red blue", 5, [([(3, 3), (4, 4)], 3, 4)] * 3),
]


@pytest.mark.parametrize(("text", "quote", "gap", "expected"), SEARCHED)
def test_candidates_found_by_search(text: str, quote: str, gap: int,
                                    expected: list[tuple[list[tuple[int, int]], int, int]]) -> None:
    found = index(text, max_gap=gap).candidates(excerpt(quote))
    assert [(m.pairs, m.first, m.last) for m in found] == expected
