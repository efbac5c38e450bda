"""Where sentences end: one rule for the grounding and the hedges (``sentence_ends``)."""

from __future__ import annotations

import pytest

from briefing.text.sentences import sentence_ends, split_sentences


@pytest.mark.parametrize(("text", "ends"), [
    ("Mr. Ruiz said so. Then he left\nIt rained.", [17, 31]),  # the docstring example
    ("He left. Then it rained.", [8]),
    ('"We won," she said. "Again."', [19]),  # closing quotes belong to the sentence
    ("He said so (twice.) Then he left.", [19]),
    ("It rose 2.5 percent. Rates fell.", [20]),  # a decimal point is no end
    ("It ended in 2008. Then it rained.", [17]),  # a full stop after a figure ends one
    ("He left. then it rained.", []),  # no capital after: no new sentence
    ("Gen. Smith and Dr. Jones met in the U.S. Capitol.", []),  # abbreviations
    ("J. Smith met R. Jones.", []),  # initials
    ("Stop! Who goes there? Nobody.", [5, 21]),
    ("", []),
])
def test_sentence_ends(text, ends):
    assert sentence_ends(text) == ends


def test_a_window_sees_the_next_sentence_start_beyond_its_end():
    text = "He left. Then it rained."
    assert sentence_ends(text, 0, 8) == [8]  # "Then" lies past hi, yet the stop at 8 ends a sentence
    assert sentence_ends(text, 0, 7) == []  # the stop itself lies past hi
    assert sentence_ends(text, 9) == []  # only ends inside the window
    assert sentence_ends("a\nb\nc", 2, 4) == [4]  # line breaks inside the window only
    assert sentence_ends("\nIt rained.") == [1]  # from the first character on


def test_the_ends_agree_with_the_splitter():
    text = "Mr. Ruiz said so. Then he left. Gen. Lee spoke. It rained! Did it? Yes."
    starts = [s.start for s in split_sentences(text)]
    assert len(starts) == 6
    assert starts[1:] == [end + 1 for end in sentence_ends(text)]  # one space after each end


def test_huge_input():
    text = "It rained. " * 50_000
    assert len(sentence_ends(text)) == 49_999


def test_the_docstring_examples_hold():
    from briefing.text.fold import folded_words
    from helpers import run_examples

    assert run_examples(sentence_ends) == (0, 1)
    assert run_examples(folded_words) == (0, 1)


def test_folded_words_keep_apostrophes_and_hyphens_inside_a_word():
    from briefing.text.fold import folded_words

    assert [w for w, _, _ in folded_words("Non-binding, isn’t it? 'Yes' - no")] == [
        "non-binding", "isn't", "it", "yes", "no"]  # a quote mark or a spaced dash is no part of a word
    assert folded_words("") == []


def test_paragraphs_are_lines_stripped_of_their_spaces():
    from briefing.text.sentences import paragraphs

    text = " One.   \n   \n\tTwo three. \nFour"
    assert paragraphs(text) == [(1, 5), (14, 24), (26, 30)]
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two three.", "Four"]  # no blank line
    assert paragraphs("") == [] and paragraphs(" \n \n") == []
    assert paragraphs("A\n  ") == [(0, 1)]  # a blank last line, up to the end of the text


def test_a_sentence_is_frozen_and_its_text_is_its_span():
    import dataclasses

    text = "  He left. Then it rained.\n\nIt stopped."
    sentences = split_sentences(text)
    assert [(s.text, s.paragraph) for s in sentences] == [("He left.", 0), ("Then it rained.", 0), ("It stopped.", 1)]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentences[0].start = 0  # type: ignore[misc]


def test_a_run_of_initials_does_not_end_a_sentence():
    from briefing.text.sentences import split_sentences
    sentences = split_sentences("She met G.K. Butterfield there. He left.")
    assert [s.text for s in sentences] == ["She met G.K. Butterfield there.", "He left."]


def test_a_capitalised_word_after_a_word_and_a_period_still_starts_a_sentence():
    # the partner: 'the caucus. He left.' is two sentences; only single letters are initials
    from briefing.text.sentences import split_sentences
    sentences = split_sentences("She met the caucus. He left.")
    assert [s.text for s in sentences] == ["She met the caucus.", "He left."]
