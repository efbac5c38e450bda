"""Direct quotations and their speakers (offline/quotes.py): the rules that surviving mutants
showed unpinned, each with its adversarial partner."""

from __future__ import annotations

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.quotes import find_direct_quotes


def attributed(text: str) -> list[tuple[str, str]]:
    """(speaker, quoted words) for each attributed quotation."""
    return [(a.speaker.name, text[a.start:a.end]) for a in find_direct_quotes(text)]


def test_a_sentence_after_a_quotation_with_three_words_after_its_cue_is_its_own_statement():
    # "said the council agreed": what Ana Ruiz said next, not the quotation's attribution
    assert attributed("“We will build it.” Ana Ruiz said the council agreed.") == []
    # partner: two words after the cue are a time, and the sentence attributes the quotation
    assert attributed("“We will build it.” Ana Ruiz said on Monday.") == [("Ana Ruiz", "We will build it.")]


def test_the_attribution_after_a_question_ends_at_its_full_stop():
    text = "“Where should we go?” Ana Ruiz asked. Nobody in the hall answered her."
    assert attributed(text) == [("Ana Ruiz", "Where should we go?")]


def test_a_cue_inside_the_description_after_an_inverted_attribution_keeps_the_speaker():
    text = "“We will build it.” said Ana Ruiz, who said the plan was sound."
    assert attributed(text) == [("Ana Ruiz", "We will build it.")]


def test_a_quotation_after_a_paragraph_of_narrative_does_not_carry_on_the_speaker():
    text = "“We will build it,” Ana Ruiz said.\n\nMarkets fell on the news.\n\n“The council agreed.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it")]
    # partner: right after the attributed paragraph, it carries on, with no source of its own
    text = "“We will build it,” Ana Ruiz said.\n\n“The council agreed.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it"), ("Ana Ruiz", "The council agreed.")]
    assert find_direct_quotes(text)[1].source_start == -1


def test_a_quotation_inside_a_sentence_of_narrative_does_not_carry_on_the_speaker():
    text = "“We will build it,” Ana Ruiz said.\n\nThe crowd outside chanted “Build it now.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it")]


def test_it_added_carries_on_the_outlet_with_no_source_of_its_own():
    text = "“Taxes rose,” the Times wrote.\n\n“Since then, his fortunes have changed,” it added."
    quotes = find_direct_quotes(text)
    assert [(q.speaker.name, q.source_start) for q in quotes] == [
        ("the Times", text.index("the Times")), ("the Times", -1)]


def test_a_quoted_phrase_in_the_attribution_sentence_is_not_the_quotation_resumed():
    # the second quotation opens in lowercase but does not follow a comma: the crowd's words
    text = "“We will build it,” Ana Ruiz said as the crowd chanted “no way” and booed."
    assert attributed(text) == [("Ana Ruiz", "We will build it")]
    # partner: after a comma it resumes her sentence, as one claim
    text = "“We will build it,” Ana Ruiz said on Monday, “and we will pay for it.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it,” Ana Ruiz said on Monday, “and we will pay for it.")]



def test_a_resumed_part_opening_with_a_bracketed_letter_stays_one_claim():
    text = ("“Every time you say that,” Ana Ruiz said, referring to the budget, “[y]ou give ammunition "
            "to its critics.”")
    assert attributed(text) == [("Ana Ruiz", text[1:-1])]

def test_two_quotations_of_one_speaker_with_narrative_between_stay_two_claims():
    text = "Ana Ruiz said: “We will build it.” The crowd cheered, and Ana Ruiz added: “We are done.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it."), ("Ana Ruiz", "We are done.")]


def test_a_quotation_split_around_its_cue_is_one_direct_claim():
    text = "“We cannot afford this anymore,” Ana Ruiz said. “The alliance costs us a fortune.”"
    (claim,) = find_direct_quotes(text)
    assert claim.direct and claim.source_start == text.index("Ana Ruiz")
    assert text[claim.start:claim.end].endswith("fortune.")


@pytest.mark.parametrize(("text", "words"), [
    # a new sentence after the cue: the comma that handed over to it becomes a full stop
    ("“Tom is a visionary,” said Ana Ruiz, a miner. “He stepped in when no one else would.”",
     "Tom is a visionary. He stepped in when no one else would."),
    # the sentence resumes in lowercase: the comma stays
    ("“We will build it,” Ana Ruiz said on Monday, “and we will pay for it.”",
     "We will build it, and we will pay for it."),
    ("“Every time you say that,” Ana Ruiz said, referring to the budget, “[y]ou give ammunition.”",
     "Every time you say that, [y]ou give ammunition."),
    # a part that ends in a one-letter word still gets its full stop
    ("“We chose plan B,” Ana Ruiz said. “It was cheaper.”", "We chose plan B. It was cheaper."),
    # a part that ends with its own mark keeps it
    ("“Is it fair?” Ana Ruiz asked. “We built it.”", "Is it fair? We built it."),
    # straight marks, and a part of several sentences
    ('"It is tinkering," said Ana Ruiz. "I would not call it reform. Nothing changes."',
     "It is tinkering. I would not call it reform. Nothing changes."),
])
def test_a_quotation_split_around_its_cue_reads_without_the_attribution(text, words):
    (claim,) = find_direct_quotes(text)
    assert claim.words(text) == words
    assert "Ana Ruiz" in text[claim.start:claim.end]  # the evidence stays the verbatim passage


def test_a_quotation_in_one_piece_reads_as_its_words():
    text = "“We will build it,” Ana Ruiz said."
    (claim,) = find_direct_quotes(text)
    assert claim.gaps == () and claim.words(text) == "We will build it"
    assert claim.parts(text) == []  # the span is all the speaker's


def test_a_split_quotation_has_a_part_for_each_piece_of_the_speakers_words():
    text = "“Tom is a visionary,” said Ana Ruiz, a miner. “He stepped in when no one else would.”"
    (claim,) = find_direct_quotes(text)
    assert [text[start:end] for start, end in claim.parts(text)] == [
        "Tom is a visionary", "He stepped in when no one else would."]
    # the public claim carries them as spans, beside the whole passage
    (public,) = brief_offline(Article(text=text)).claims
    assert [text[p.start:p.end] for p in public.parts] == [
        "Tom is a visionary", "He stepped in when no one else would."]
    assert public.span is not None and public.span.start == text.index("Tom")


@pytest.mark.parametrize("title", ["Mr.", "Dr.", "Ms."])
def test_a_title_at_the_very_start_of_the_text_stays_in_the_name(title):
    text = f"{title} Obama said, “We will build it.”"
    assert attributed(text) == [(f"{title} Obama", "We will build it.")]
    # partner: a sentence end before the name still starts the window
    text = f"Rain fell. {title} Obama said, “We will build it.”"
    assert attributed(text) == [(f"{title} Obama", "We will build it.")]


# Limits that bound how far the rules read (they guard cost on long or hostile text) ----------

def _split_quote(words_between: int) -> str:
    """A quotation split around 'said Ana Ruiz, <description>.' with that many words from the
    source to the second opening mark."""
    head = "Ana Ruiz, a lawyer who has worked on".split()
    filler = ("harbor cases in the port of Lima and " * 20).split()
    description = " ".join(head + filler[:words_between - len(head)])
    return f"“It was a spectacular deal,” said {description}. “This company shed all its liabilities.”"


@pytest.mark.parametrize(("words", "claims"), [(59, 1), (60, 1), (61, 2), (62, 2)])
def test_an_attribution_between_two_parts_is_sixty_words_at_most(words, claims):
    text = _split_quote(words)
    assert len(text[text.index("Ana Ruiz"):text.rindex("“")].split()) == words
    quotes = attributed(text)
    assert len(quotes) == claims and {name for name, _ in quotes} == {"Ana Ruiz"}
    assert quotes[-1][1].endswith("liabilities.")


def _described_after(reach: int) -> str:
    """'"...," Ana Ruiz, <role> -- <aside> -- said.' with the cue ending ``reach`` characters after
    the source's first letter; the aside is whole words, padded with spaces."""
    head = "Ana Ruiz, the chief executive of Ora Media -- the company that owns the show, which also streams"
    tail = " -- said."
    room = reach - len(head) - len(tail) + 1
    aside = ""
    for word in ("online to viewers in " + "many cities and towns across the country " * 5).split():
        if len(aside) + 1 + len(word) > room:
            break
        aside += " " + word
    return "“We are a content provider,” " + head + aside + " " * (room - len(aside)) + tail


@pytest.mark.parametrize(("reach", "found"), [(199, True), (200, True), (201, False), (202, False)])
def test_the_cue_after_a_described_source_is_looked_for_within_two_hundred_characters(reach, found):
    text = _described_after(reach)
    assert text.index("said") + len("said") - text.index("Ana Ruiz") == reach
    assert attributed(text) == ([("Ana Ruiz", "We are a content provider")] if found else [])


@pytest.mark.parametrize(("reach", "found"), [(299, True), (300, True), (301, False)])
def test_an_attribution_sentence_before_a_quotation_is_read_back_three_hundred_characters(reach, found):
    # however the text is spaced, the comma before the source must lie within 300 characters
    head = "Crime fell sharply last year, Ana Ruiz said."
    text = head + " " * (reach - len(head) + head.index(",")) + "“We did it together.”"
    assert text.index("“") - text.index(",") == reach
    assert attributed(text) == ([("Ana Ruiz", "We did it together.")] if found else [])
