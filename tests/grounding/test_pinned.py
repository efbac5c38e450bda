"""What the grounding docs promise, pinned one by one (issue 18, item 20): the documented defaults
of ``AlignOptions``, the negation words and figures the rules name, and each example in the
docstrings of ``wordchain`` and ``differences``."""

from __future__ import annotations

import pytest

from briefing.core.models import Difference
from briefing.grounding.aligner import AlignOptions, align, describe
from briefing.grounding.differences import _cut
from briefing.grounding.wordchain import _trim

T = ("The minister said the new tax on imported steel would take effect in March. "
     "Officials refused to comment on the talks with the union leaders. "
     "The strike never ended the talks between the union and the firm. "
     "The ruling was inaccurate according to the appeals court judges. "
     "Sales rose 2.5 percent to 1,200 units in the first quarter of the year.")


def _pairs(a):
    return [tuple(d) for d in a.differences]


# --------------------------------------------------------------------------- documented defaults


def test_the_documented_defaults():
    assert AlignOptions() == AlignOptions(min_content_words=2, min_tokens=5, min_content=3,
                                          min_content_verbatim=2, min_similarity=0.75,
                                          max_abridged_gap=150)


def test_min_tokens_a_misquote_needs_five_words():
    five = align("new tax on imported iron", T)
    assert (five.status, five.score, _pairs(five)) == ("fuzzy", 0.8, [("iron", "steel")])
    assert align("tax on imported iron", T).status == "not_found"
    four = align("tax on imported iron", T, AlignOptions(min_tokens=4, min_content=2))
    assert four.status == "fuzzy" and T[four.start:four.end] == "tax on imported steel"
    assert align("new tax on imported iron", T, AlignOptions(min_tokens=6)).status == "not_found"


def test_min_similarity_is_a_lower_bound_that_is_met_at_equality():
    """One wrong word in five scores 0.8: located at 0.8, not above it."""
    assert align("new tax on imported iron", T, AlignOptions(min_similarity=0.8)).status == "fuzzy"
    assert align("new tax on imported iron", T, AlignOptions(min_similarity=0.81)).status == "not_found"


def test_min_content_counts_the_content_words_matched():
    # "new", "tax", "imported" matched ("iron" is not): three, as many as the default needs
    assert align("new tax on imported iron", T, AlignOptions(min_content=3)).status == "fuzzy"
    assert align("new tax on imported iron", T, AlignOptions(min_content=4)).status == "not_found"


def test_min_content_words_for_a_verbatim_excerpt():
    assert align("imported steel", T).status == "exact"
    assert align("imported steel", T, AlignOptions(min_content_words=3)).status == "not_found"
    assert align("the union", T).status == "not_found"  # one content word
    assert align("the union", T, AlignOptions(min_content_words=1)).status == "exact"


def test_max_abridged_gap_bounds_what_an_abridgement_mark_stands_for():
    text = "The mayor said " + "very " * 20 + "clearly that the bridge over the river will close in May."
    excerpt = "The mayor said ... that the bridge over the river will close in May"
    assert align(excerpt, text).status == "fuzzy"
    assert align(excerpt, text, AlignOptions(max_abridged_gap=10)).status == "not_found"


# --------------------------------------------------------------------------- negation words


def test_refuse_is_a_negation():
    a = align("Officials agreed to comment on the talks with the union leaders", T)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "negation", [("agreed", "refused")])
    dropped = align("Officials to comment on the talks with the union leaders", T)
    assert (dropped.status, dropped.change) == ("not_found", "negation")
    # the same negation in another tense is a misquote, not a change of meaning
    same = align("Officials refuse to comment on the talks with the union leaders", T)
    assert (same.status, _pairs(same)) == ("fuzzy", [("refuse", "refused")])


def test_never_just_before_the_span_is_a_negation():
    a = align("ended the talks between the union and the firm", T)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "negation", [("ended", "never ended")])
    assert T[a.nearest.start:a.nearest.end] == "ended the talks between the union and the firm"


@pytest.mark.parametrize(("excerpt", "pair"), [
    ("The ruling was accurate according to the appeals court judges", ("accurate", "inaccurate")),
    ("naccurate according to the appeals court judges", ("naccurate", "inaccurate")),
])
def test_an_in_antonym_is_a_negation(excerpt, pair):
    a = align(excerpt, T)
    assert a.status == "not_found" and pair in _pairs(a)
    assert a.change == ("negation" if pair[0] == "accurate" else "partial word")


# --------------------------------------------------------------------------- decimal and comma figures


@pytest.mark.parametrize(("excerpt", "pair"), [
    ("Sales rose 25 percent to 1,200 units in the first quarter", ("25", "2.5")),
    ("Sales rose 2.6 percent to 1,200 units in the first quarter", ("2.6", "2.5")),
    ("Sales rose 2,5 percent to 1,200 units in the first quarter", ("2,5", "2.5")),
    ("Sales rose 2.5 percent to 1,300 units in the first quarter", ("1,300", "1,200")),
    ("Sales rose 2.5 percent to 1.200 units in the first quarter", ("1.200", "1,200")),
    ("Sales rose 2.5 percent to 12,000 units in the first quarter", ("12,000", "1,200")),
])
def test_a_changed_decimal_or_comma_figure_is_not_placed(excerpt, pair):
    a = align(excerpt, T)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "figure", [pair])


def test_the_same_figure_without_its_thousands_comma_is_a_misquote():
    a = align("Sales rose 2.5 percent to 1200 units in the first quarter", T)
    assert (a.status, _pairs(a)) == ("fuzzy", [("1200", "1,200")])
    assert align("Sales rose 2.5 percent to 1,200 units", T).status == "exact"


# --------------------------------------------------------------------------- wordchain's examples


def test_a_stray_stop_word_at_the_edge_is_dropped_and_its_cut_reported():
    """``_drop_stray_edges``: "s | microphone. His | audio was ..." for an excerpt cut from "His
    audio": the "s" is compared with "His", a word cut in half."""
    text = "The minister's microphone failed. His audio was cut off during the long speech in parliament."
    a = align("s audio was cut off during the long speech", text)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "partial word", [("s", "His")])
    assert text[a.nearest.start:a.nearest.end] == "His audio was cut off during the long speech"


def test_an_edge_run_whose_words_come_again_is_dropped():
    """``_drop_stray_edges``: "this morning | ... Hastings this morning | announced"."""
    text = ("The council met this morning in the town hall, and Hastings this morning announced the "
            "closure of the old plant in Leeds.")
    a = align("this morning announced the closing of the old plant in Leeds", text)
    assert (a.status, _pairs(a)) == ("fuzzy", [("closing", "closure")])
    assert a.start == text.index("this morning announced")


def test_content_words_swapped_at_either_edge_are_word_order():
    """``Match``: the span may cover swapped words at either edge beyond the pairs; content words
    swapped there are words in another order."""
    text = "Officials said the bridge over the river will close in May for repairs, the mayor said."
    lead = align("river the over bridge will close in May for repairs", text)
    assert (lead.status, lead.change) == ("not_found", "word order")
    tail = align("the bridge over the river will close in repairs for May", text)
    assert (tail.status, tail.change) == ("not_found", "word order")
    # a stop word swapped at the edge is a misquote
    stop = align("bridge the over the river will close in May for repairs", text)
    assert (stop.status, stop.change, _pairs(stop)) == ("fuzzy", None, [("bridge the", "bridge")])


@pytest.mark.parametrize(("pairs", "kept"), [
    ([], []),
    ([(0, 0), (1, 1), (2, 2), (3, 9), (4, 10)], [(0, 0), (1, 1), (2, 2)]),  # 6 words skipped cost 3
    ([(0, 0), (1, 1), (2, 5), (3, 6)], [(0, 0), (1, 1), (2, 5), (3, 6)]),  # 3 skipped cost 1.5
    ([(0, 0), (1, 4), (2, 5), (3, 6)], [(1, 4), (2, 5), (3, 6)]),  # 3 skipped after one match
    ([(0, 0), (1, 2), (2, 3)], [(0, 0), (1, 2), (2, 3)]),  # one skipped costs 0.5
    ([(0, 0), (4, 1), (5, 2)], [(4, 1), (5, 2)]),  # skips count on the excerpt's side too
])
def test_trim_keeps_the_best_scoring_run(pairs, kept):
    """``_trim``: each match earns 1, each word skipped between neighbours costs 0.5 (the larger
    of the two skips)."""
    assert _trim(pairs) == kept


# --------------------------------------------------------------------------- differences' examples


def test_an_edge_word_the_excerpt_repeats_is_compared_with_the_word_beyond():
    """``_slide_inwards``: "is is the only ..." against "This is the only ..."."""
    text = "This is the only bridge across the river that the city will repair this year."
    a = align("is is the only bridge across the river that the city will repair", text)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "partial word", [("is is", "is")])


@pytest.mark.parametrize(("e", "a", "edge", "cut"), [
    ("nlikely", "unlikely", "lead", True), ("charg", "charged", "tail", True),
    ("358", "hit.358", "lead", False),  # cut at punctuation, not inside a word
    ("binding", "non-binding", "lead", True), ("non", "non-binding", "tail", True),
    ("house", "in-house", "lead", False),
    ("likely", "likely", "lead", False), ("", "x", "tail", False), ("x", "", "tail", False),
    ("charged", "charged.", "tail", False), ("likely", "unlikely", "tail", False),
    ("charg", "charged", "lead", False),
])
def test_cut_is_a_word_cut_in_half_at_the_excerpt_edge(e, a, edge, cut):
    assert _cut([e] if e else [], [a] if a else [], edge) is cut


@pytest.mark.parametrize(("excerpt", "text"), [
    ("Police said the young man was charg",
     "Police said the young man was charged with fraud before the summer began in the city."),
    ("nlikely to be charged with fraud before the summer",
     "The suspect is unlikely to be charged with fraud before the summer, police said."),
])
def test_an_excerpt_cut_in_half_at_either_edge_is_not_placed(excerpt, text):
    a = align(excerpt, text)
    assert (a.status, a.change) == ("not_found", "partial word")


def test_a_figure_after_punctuation_is_a_word_of_its_own():
    text = "The missile hit.358 people were evacuated from the town near the border on Monday."
    a = align("358 people were evacuated from the town near the border", text)
    assert a.status == "exact" and text[a.start:a.end].startswith("358")


def test_a_negation_particle_just_before_the_span_binds_it():
    """``Words.negation_before``: "did not | say the reform would fail"; clause punctuation
    between them breaks the bond."""
    a = align("say the reform would fail in the upper house",
              "He did not say the reform would fail in the upper house.")
    assert (a.status, a.change, _pairs(a)) == ("not_found", "negation", [("say", "not say")])
    fenced = align("say the reform would fail in the upper house",
                   "He did not; say the reform would fail in the upper house.")
    assert fenced.status == "exact"


def test_an_added_negation_is_shown_with_its_neighbour():
    """``_difference``: an insertion reads "will not" against "will"."""
    a = align("The council will not raise taxes on the middle class next year",
              "The council will raise taxes on the middle class next year.")
    assert a.differences == (Difference("will not", "will"),)


def test_content_words_in_another_order():
    """``_moved``: "NATO blamed Russia" against "Russia blamed NATO"."""
    text = "NATO blamed Russia for the attack on the convoy near the border, officials said."
    a = align("Russia blamed NATO for the attack on the convoy near the border", text)
    assert (a.status, a.change) == ("not_found", "word order")


def test_an_abridgement_over_a_negation_fenced_off_on_both_sides_is_not_a_change():
    """``_skips_negation``: clause punctuation on both sides fences a negation off."""
    fenced = "The plan, which was not popular with voters, would still go ahead in the spring."
    open_ = "The plan which was not popular with voters would still go ahead in the spring."
    half = "The plan, which was not popular with voters would still go ahead in the spring."
    other_half = "The plan which was not popular with voters, would still go ahead in the spring."
    excerpt = "The plan ... would still go ahead in the spring"
    assert align(excerpt, fenced).status == "fuzzy" and align(excerpt, fenced).differences == ()
    for text in (open_, half, other_half):
        a = align(excerpt, text)
        assert (a.status, a.change) == ("not_found", "abridgement skips a negation")
        assert Difference("plan ... would", text[4:text.index(" still")]) in a.differences


def test_an_abridgement_that_leaves_out_a_figure_is_not_a_difference():
    text = "The company lost 18 million dollars in the third quarter, its chief executive said."
    a = align("The company lost ... in the third quarter, its chief executive said", text)
    assert (a.status, a.differences) == ("fuzzy", ())


def test_an_abridgement_mark_reaches_as_far_as_max_abridged_gap():
    text = "The mayor said " + "very " * 40 + "clearly that the bridge over the river will close in May."
    excerpt = "The mayor said ... that the bridge over the river will close in May"
    assert align(excerpt, text).status == "fuzzy"
    assert align(excerpt, text, AlignOptions(max_abridged_gap=30)).status == "not_found"


def test_an_abridged_excerpt_whose_parts_are_verbatim_needs_fewer_content_words():
    """``min_content_verbatim``: every part in the text word for word."""
    text = "Jamie Shea said: We always knew that the moment would come when the US would leave."
    excerpt = "We always ... the moment would come when the US would leave"
    assert align(excerpt, text, AlignOptions(min_content=10)).status == "fuzzy"
    assert align(excerpt, text, AlignOptions(min_content=10, min_content_verbatim=10)).status == "not_found"


@pytest.mark.parametrize(("text", "start"), [
    ("He said it was early. Later he said that the bridge over the river will close in May.", 28),
    ("He said that the bridge over the river will close in May, officials said.", 0),
])
def test_a_part_of_stop_words_is_placed_at_its_nearest_copy_before_the_next_part(text, start):
    a = align("he said ... the bridge over the river will close in May", text)
    assert (a.status, a.start, a.differences) == ("fuzzy", start, ())
    assert text[a.start:a.end].lower() == "he said that the bridge over the river will close in may"


def test_a_negation_earlier_in_the_article_does_not_keep_a_stray_edge():
    """``_drop_stray_edges`` looks only at the words the run skipped for a negation."""
    text = ("Nobody knew why the minister's microphone failed. His audio was cut off during the long "
            "speech in parliament.")
    a = align("s audio was cut off during the long speech", text)
    assert (a.status, a.change, _pairs(a)) == ("not_found", "partial word", [("s", "His")])


# --------------------------------------------------------------------------- aligner details


@pytest.mark.parametrize(("text", "found"), [
    ('"Nonsense," he said and left.', True),  # a quotation at the very start of the text
    ('Nonsense, he said and "left"', False),  # no quote mark before it (and none wraps around)
])
def test_a_whole_quotation_at_the_edges_of_the_text(text, found):
    a = align("Nonsense", text)
    assert a.found is found and (not found or (a.status, a.start, a.end) == ("exact", 1, 9))


def test_a_normalized_copy_after_one_inside_a_word_is_found():
    text = "An unlikely event happened. A likely event followed."
    a = align("Likely event", text)
    assert (a.status, a.start, a.end) == ("normalized", 30, 42)


def test_describe_a_fuzzy_match_names_where_it_was_located():
    text = "NATO blamed Russia for the attack on the convoy near the border, officials said."
    a = align("NATO blamed Russia for the assault on the convoy near the border", text)
    assert describe(a) == "you wrote 'assault'; the article says 'attack' (at 0-63)"


def test_an_edge_word_repeated_at_the_end_is_compared_with_the_word_beyond():
    """``_slide_inwards`` at the tail: "... will repair repair" against "... will repair this"."""
    text = "This is the only bridge across the river that the city will repair this year."
    a = align("the only bridge across the river that the city will repair repair", text)
    assert (a.status, _pairs(a)) == ("fuzzy", [("repair", "this")])
    assert text[a.start:a.end] == "the only bridge across the river that the city will repair this"


def test_a_misquote_right_after_a_negation_names_both():
    a = align("say the reform would fail in the lower house", "He did not say the reform would fail in the upper house.")
    assert (a.status, a.change) == ("not_found", "negation")
    assert a.differences == (Difference("lower", "upper"), Difference("say the", "not say the"))


def test_a_negation_the_excerpt_leaves_out_is_shown_with_its_neighbour():
    a = align("We will cut jobs at the plant in Leeds this year",
              "We will not cut jobs at the plant in Leeds this year, the manager promised.")
    assert (a.status, a.change, a.differences) == ("not_found", "negation", (Difference("will", "will not"),))


def test_an_excerpt_word_before_an_abridgement_mark_that_the_article_lacks_is_a_difference():
    text = "Jamie Shea said: We always knew that the moment would come when the US would leave."
    a = align("We always thought ... the moment would come when the US would leave", text)
    assert (a.status, a.change, _pairs(a)) == ("fuzzy", None, [("always thought", "always")])


def test_cut_compares_the_last_words_of_a_tail_gap():
    assert _cut(["by", "summ"], ["before", "the", "summer"], "tail")
    assert not _cut(["summ", "by"], ["summer", "the", "before"], "tail")
    assert _cut(["nlikely", "to"], ["unlikely", "be"], "lead")


def test_a_part_not_in_the_article_still_leaves_the_others_compared():
    """``_score`` goes on past a part it cannot place: the rest resembles the article (``nearest``)."""
    text = "He said we do not believe that we engaged in any improper conduct under the bylaws."
    a = align("Invented ... that we engaged in any improper conduct under the bylaws", text)
    assert (a.status, a.change) == ("not_found", "a part of the abridged excerpt is not in the article")
    assert text[a.nearest.start:a.nearest.end] == "believe that we engaged in any improper conduct under the bylaws"


def test_an_edge_gap_never_stands_against_the_next_or_previous_sentence():
    """``_beside``: words the excerpt adds past the article's sentence end are compared with
    nothing, not with the next sentence's "not" (another statement)."""
    text = '"We respect her privacy at this time and thank everyone." He did not say more.'
    tail = align("We respect her privacy at this time and thank everyone, carrying 100 pounds of supplies", text)
    assert tail.change != "negation"
    before = "Nobody expected it. The season was supposed to be a good one for the team."
    lead = align("With the acquisition of Brand, the season was supposed to be a good one for the team", before)
    assert lead.change != "negation"


def test_an_edge_gap_still_stands_against_its_own_sentence():
    """The partner: the words just past the span in the same sentence still count (the "non"
    cut off "non-binding"), and a "not" in the excerpt's own extra words is still a negation."""
    text = "The resolution adopted on Monday is non-binding on all member states, diplomats said."
    assert align("The resolution adopted on Monday is non", text).change is not None
    tail = align("We respect her privacy at this time and thank everyone, but will not comment",
                 '"We respect her privacy at this time and thank everyone." He did say more.')
    assert tail.change == "negation"
