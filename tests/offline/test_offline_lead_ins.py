"""Direct quotations introduced by more than 'X said:' (offline/lead_ins.py), the quote rules
around them in offline/quotes.py, and their adversarial partners."""

from __future__ import annotations

import time

import pytest

from briefing.offline.lead_ins import lead_in_speaker
from briefing.offline.quotes import find_direct_quotes
from briefing.text.marks import find_quotes


def attributed(text: str) -> list[tuple[str, str]]:
    """(speaker, quoted words) for each attributed quotation."""
    return [(a.speaker.name, text[a.start:a.end]) for a in find_direct_quotes(text)]


@pytest.mark.parametrize(
    ("text", "name", "quote"),
    [
        ("According to Ana Ruiz, “We will build the bridge.”", "Ana Ruiz", "We will build the bridge."),
        ("Ana Ruiz told her radio audience on Monday, “We will build the bridge.”", "Ana Ruiz",
         "We will build the bridge."),
        ("Ana Ruiz told his radio audience of Monday, “We will build the bridge.”", "Ana Ruiz",
         "We will build the bridge."),
        (("The spot ends with footage of Ana Ruiz saying during the debate last week, “That makes me "
         "smart,” when the host asked."), "Ana Ruiz", "That makes me smart"),
        ("The ad uses footage of Ana Ruiz asking, “Why aren’t we ahead?”", "Ana Ruiz",
         "Why aren’t we ahead?"),
        ("Ana Ruiz sings to the crowd before asking them, “Where do we go from here?”", "Ana Ruiz",
         "Where do we go from here?"),
        ("In a speech on Monday, Ana Ruiz attacked the plan for its cost, saying, \"It is reckless.\"",
         "Ana Ruiz", "It is reckless."),
        ("Democratic Sen. Ana Ruiz (D-Ore.) scolded him: “The evidence is against you.”", "Ana Ruiz",
         "The evidence is against you."),
        ("The rules were rejected ― Ana Ruiz boasted, “That makes me smart.”", "Ana Ruiz",
         "That makes me smart."),
        ("As for the network, he said, ''What outlet isn't taking sides?''", "he",
         "What outlet isn't taking sides?"),
    ],
)
def test_lead_in_names_the_speaker(text, name, quote):
    assert attributed(text) == [(name, quote)]


@pytest.mark.parametrize(
    "text",
    [
        "According to tradition, “the first guest brings bread.”",  # no source in the phrase
        # the words after the cue run past a sentence's place and audience: a clause, not a lead-in
        ("Ana Ruiz said to the crowd gathered in the old town square on a cold and windy Monday "
        "morning, “We will build it.”"),
        "the crowd chanted: “We will build it.”",  # no named subject
        "Here is what happened: “We will build it.”",
        "Ana Ruiz died, “a tragedy” for the town.",  # a phrase, not a sentence she said
        "The plan was attacked in the press, saying, “It will fail.”",  # no source opens the sentence
        "Nobody knew. “We will build it.”",  # no speaker anywhere
        "Crime fell last year. “We did it together.”",
    ],
)
def test_lead_in_without_a_speaker_attributes_nothing(text):
    assert attributed(text) == []


def test_participle_after_a_quote_makes_a_second_claim_of_the_same_speaker():
    text = ("“We cannot afford this anymore,” Ana Ruiz said, adding later, “The alliance costs us a "
            "fortune.”")
    assert attributed(text) == [("Ana Ruiz", "We cannot afford this anymore"),
                                ("Ana Ruiz", "The alliance costs us a fortune.")]
    # its partner: a quote split around a plain cue stays one claim
    split = "“We cannot afford this anymore,” Ana Ruiz said. “The alliance costs us a fortune.”"
    assert len(attributed(split)) == 1


def test_cue_word_inside_the_description_is_not_the_cue():
    text = ("“It is an invasion of our domain,” Ana Ruiz, the attorney general of one of the states "
            "suing the agency, said on Monday.")
    assert attributed(text) == [("Ana Ruiz", "It is an invasion of our domain")]
    # changed words: with no cue at all after the description, nothing is attributed
    assert attributed("“It is an invasion of our domain,” Ana Ruiz, the attorney general of one "
                      "of the states suing the agency.") == []


def test_split_quote_with_an_honorific_is_one_claim():
    text = "“What we owe them is honesty,” Mr. Obama said, “and to say that the economy is shifting.”"
    (claim,) = find_direct_quotes(text)
    assert (claim.speaker.name, text[claim.start:claim.end]) == (
        "Mr. Obama", ("What we owe them is honesty,” Mr. Obama said, “and to say that the economy is "
                     "shifting."))
    # partner: the second part has its own, different speaker
    two = "“What we owe them is honesty,” Mr. Obama said, “and so do you,” Ana Ruiz replied."
    assert attributed(two) == [("Mr. Obama", "What we owe them is honesty"), ("Ana Ruiz", "and so do you")]


def test_quote_after_a_sentence_that_ends_with_its_attribution():
    text = "Crime fell sharply last year, Ana Ruiz said. “We did it together.”"
    assert attributed(text) == [("Ana Ruiz", "We did it together.")]
    # partners: a quoted word inside the next sentence is no statement; no attribution, no speaker
    assert attributed("Crime fell sharply last year, Ana Ruiz said. Then the crowd cheered "
                      "“loudly” for her.") == []
    assert attributed("Crime fell sharply last year. “We did it together.”") == []


def test_union_is_a_source_and_a_bare_article_is_not():
    assert attributed("“Her fight has opened the door for women,” the union wrote.") == [
        ("the union", "Her fight has opened the door for women")]
    # "the article" names no one a reader can place: the quotation stays unattributed
    assert attributed("“Her fight has opened the door for women,” the article read.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The four “loopholes” he cited are gone.",
        "These “reforms” she announced are gone.",
    ],
)
def test_scare_quoted_term_after_a_determiner_is_no_claim(text):
    assert attributed(text) == []


def test_scare_quoted_term_partner_a_full_quote_is_kept():
    assert attributed("“The loopholes are gone,” she said.") == [("she", "The loopholes are gone")]


@pytest.mark.parametrize(
    "text",
    [
        "In the '90s, Trump's rock 'n' roll years began.",
        "It’s ‘in their heads,’ the poll's authors' note says.",
        "The Joneses' house and the students' union.",
    ],
)
def test_apostrophes_and_single_marks_never_open_a_quotation(text):
    assert find_quotes(text) == []


def test_doubled_apostrophes_pair_and_unbalanced_ones_drop():
    text = "''This isn't tax reform,'' said Ana Ruiz, an economist."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["This isn't tax reform"]
    assert attributed(text) == [("Ana Ruiz", "This isn't tax reform")]
    assert find_quotes("''This isn't tax reform, said Ana Ruiz.") == []


def test_lead_in_needs_a_comma_or_colon_at_its_end():
    text = "According to Ana Ruiz “We will build it.”"
    assert lead_in_speaker(text, 0, text.index("“")) is None
    text = "According to Ana Ruiz, “We will build it.”"
    found = lead_in_speaker(text, 0, text.index("“"))
    assert found is not None and found[0].name == "Ana Ruiz" and found[1] == text.index("Ana")


@pytest.mark.parametrize(
    "lead",
    ["According to " * 20_000, "saying, " * 20_000, "Ana Ruiz scolded him " * 10_000,
     "x" * 200_000 + ","],
)
def test_huge_hostile_lead_ins_are_fast_and_name_no_one_wrongly(lead):
    text = lead + " “We will build it.”"
    started = time.perf_counter()
    found = attributed(text)
    assert time.perf_counter() - started < 2.0
    assert all(name.strip() and len(name) < 100 for name, _ in found)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Ana Ruiz — the city’s mayor — said: “We will build it.”", "Ana Ruiz", "the city’s mayor"),
        ("“We will build it,” Ana Ruiz — the city’s mayor — said.", "Ana Ruiz", "the city’s mayor"),
        (("Ana Ruiz, the chief executive of Ora Media -- the company that owns the show, which also "
         "streams online -- told me, ''We are a content provider.''"), "Ana Ruiz",
         "the chief executive of Ora Media"),
    ],
)
def test_description_set_off_by_dashes(text, name, role):
    (claim,) = find_direct_quotes(text)
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


def test_dashes_with_no_name_before_them_attribute_nothing():
    assert attributed("— the city’s mayor — said: “We will build it.”") == []


def test_a_title_inside_the_lead_in_ends_no_sentence():
    text = "Ana Ruiz, who produces Mr. King’s show, told me, “We are a content provider.”"
    assert attributed(text) == [("Ana Ruiz", "We are a content provider.")]
    # partner: a cue word after a possessive is a noun, and the quotation after it a title
    assert attributed("He sat for an interview on Mr. King's show, ''Politicking.'' Others "
                      "followed.") == []


def test_a_decade_ends_the_attribution_sentence():
    text = ("“It was a spectacular deal,” said Ana Ruiz, who has worked on such cases since the "
            "1970s. “This company shed all its liabilities.”")
    (claim,) = find_direct_quotes(text)
    assert claim.speaker.name == "Ana Ruiz" and text[claim.end - 12:claim.end] == "liabilities."


@pytest.mark.parametrize("lead", ["", "Markets fell.\n\nBanks closed.\n\n"])
def test_it_takes_up_the_outlet_of_the_previous_quotation(lead):
    text = lead + "“Taxes rose,” the Times wrote.\n\n“Since then, his fortunes have changed,” it further wrote."
    assert attributed(text) == [("the Times", "Taxes rose"),
                                ("the Times", "Since then, his fortunes have changed")]


@pytest.mark.parametrize(
    "text",
    [
        # "it" never stands for a person
        "“Taxes rose,” Ana Ruiz said.\n\n“Since then, his fortunes have changed,” it added.",
        # nor for anyone when no quotation came before
        "“Since then, his fortunes have changed,” it added.",
        # nor across a paragraph of narrative
        "“Taxes rose,” the Times wrote.\n\nMarkets fell.\n\n“Since then, his fortunes have changed,” it added.",
    ],
)
def test_it_without_an_outlet_just_before_attributes_nothing(text):
    assert all(quote != "Since then, his fortunes have changed" for _, quote in attributed(text))


def test_tail_after_the_cue_is_eight_words_at_most():
    eight = "Ana Ruiz told them at the rally in the old town, “We will build it.”"
    nine = "Ana Ruiz told them at the rally in the old port town, “We will build it.”"
    assert attributed(eight) == [("Ana Ruiz", "We will build it.")]
    assert attributed(nine) == []


def test_tail_with_a_clause_word_is_what_was_said_not_a_lead_in():
    assert attributed("Ana Ruiz told them, “We will build it.”") == [("Ana Ruiz", "We will build it.")]
    assert attributed("Ana Ruiz told them what the council feared, “We will build it.”") == []


def test_participle_with_a_long_tail_is_no_lead_in():
    text = ("In a speech, Ana Ruiz attacked the plan, saying to the crowd at the rally in the old "
            "port town, “It will fail.”")
    assert attributed(text) == []


def test_participle_lead_in_after_an_earlier_quotation():
    text = "“Promise me,” Ana Ruiz sings to the crowd before asking them, “Where do we go from here?”"
    assert attributed(text) == [("Ana Ruiz", "Where do we go from here?")]


def test_lead_in_is_read_back_a_sentence_length_at_most():
    def text(pad: int) -> str:
        return "Ana Ruiz attacked the plan " + "x" * pad + ", saying, “It will fail.”"
    fits = 400 - len("Ana Ruiz attacked the plan , saying, ")
    assert attributed(text(fits)) == [("Ana Ruiz", "It will fail.")]
    assert attributed(text(fits + 1)) == []
    # the limit counts from the sentence's start, not the article's
    assert attributed("Rain fell. " + text(fits)) == [("Ana Ruiz", "It will fail.")]


def test_dashed_description_keeps_the_source_offset_in_the_article():
    text = "Rain fell all day. And Ana Ruiz — the city’s mayor — said: “We will build it.”"
    (claim,) = find_direct_quotes(text)
    assert claim.source_start == text.index("Ana Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        # the attribution's source is not the phrase right after the comma: no speaker for the quote
        "Crime fell sharply last year, as the report said. “We did it together.”",
        "Crime fell sharply last year, as expected said. “We did it together.”",
    ],
)
def test_sentence_ending_in_a_cue_without_its_source_lends_no_speaker(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz said, “We will build it. Then she left.",  # never closed
        "Ana Ruiz said, “We will build it.\n\nThen she left.”",  # closed in another paragraph
        "Ana Ruiz said, We will build it.” Then she left.",  # never opened
    ],
)
def test_unbalanced_marks_attribute_nothing(text):
    assert attributed(text) == []


def test_cue_in_the_passive_names_no_one_before_it():
    # no source phrase before "reported", and no participle: the subject is not the speaker
    assert attributed("Ana Ruiz watched as the bridge was reported on Monday, “It is a disaster "
                      "waiting to happen.”") == []


@pytest.mark.parametrize(("text", "name"), [
    (("Greek prime minister George Papandreou condemned the killings, saying: “A demonstration is "
     "one thing and murder is another.”"), "George Papandreou"),
    (("Oklahoma attorney general Scott Pruitt attacked the rule, saying, “It is an invasion of the "
     "state's domain.”"), "Scott Pruitt"),
    # no title between: the subject is the phrase that opens the sentence
    (("Greek officials condemned the killings, saying: “A demonstration is one thing and murder is "
     "another.”"), "Greek officials"),
])
def test_a_lowercase_title_between_subject_words_and_a_name_joins_them(text, name):
    assert [speaker for speaker, _ in attributed(text)] == [name]


# Tests owed to surviving mutants of lead_ins.py ------------------------------------------------

def test_a_participle_after_two_subjects_is_not_given_to_the_first_alone():
    # 'or': either may have spoken, so no one is named
    assert attributed("Ana Ruiz or her spokesman attacked the plan, saying, “It is reckless.”") == []
    # 'and': a joint statement is never Ana Ruiz's own
    joint = attributed("Ana Ruiz and Luis Ortiz attacked the plan, saying, “It is reckless.”")
    assert ("Ana Ruiz", "It is reckless.") not in joint
    # partner: one subject before the participle speaks
    assert attributed("Ana Ruiz attacked the plan, saying, “It is reckless.”") == [
        ("Ana Ruiz", "It is reckless.")]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Ana Ruiz replied after Luis Ortiz told her, “You are wrong.”", "You are wrong."),
        ("Ana Ruiz wrote after Luis Ortiz asked her, “Why now?”", "Why now?"),
    ],
)
def test_the_cue_nearest_the_quotation_names_its_speaker(text, quote):
    # two cues in one lead-in: the quotation belongs to the later one, not the sentence's first
    assert attributed(text) == [("Luis Ortiz", quote)]


def test_a_question_put_to_the_subject_is_not_the_subjects():
    # 'when asked': someone else asked, and the lead-in names no one
    assert attributed("Ana Ruiz fell silent when asked, “Will you resign?”") == []
    # partner: the asker named before the cue speaks
    assert attributed("Ana Ruiz fell silent when a reporter asked, “Will you resign?”") == [
        ("a reporter", "Will you resign?")]


def test_a_day_before_a_dashed_aside_is_no_source():
    assert attributed("On Monday — a day after the vote — said: “We will build it.”") == []
    # partner: a name before the same aside speaks, with the aside as its role
    (claim,) = find_direct_quotes("Ana Ruiz — a day after the vote — said: “We will build it.”")
    assert claim.speaker.name == "Ana Ruiz"


@pytest.mark.parametrize("opening", ["As the crowd cheered, ", "Standing in the rain, "])
def test_a_participle_right_after_a_cue_takes_that_cues_source(opening):
    # the sentence opens with a phrase that is no subject: the source is the one before "said"
    text = opening + "Ana Ruiz said, adding later, “We will build it.”"
    assert attributed(text) == [("Ana Ruiz", "We will build it.")]


def test_a_participle_after_a_reported_cue_takes_the_sentence_subject():
    # "said" reports what Luis Ortiz said; the one adding is the subject, Ana Ruiz
    text = "Ana Ruiz dismissed what Luis Ortiz said about the budget, adding, “The numbers are wrong.”"
    assert attributed(text) == [("Ana Ruiz", "The numbers are wrong.")]


def test_a_dashed_description_early_in_a_long_article_keeps_its_source():
    rest = "\n\nThe council met on Monday night to discuss the plan for the new bridge." * 8
    for text in ("Ana Ruiz — the city’s mayor — said: “We will build it.”" + rest,
                 "Rain fell all day. And Ana Ruiz — the city’s mayor — said: “We will build it.”" + rest):
        assert len(text) > 400
        (claim,) = find_direct_quotes(text)
        assert (claim.speaker.name, claim.speaker.role) == ("Ana Ruiz", "the city’s mayor")
