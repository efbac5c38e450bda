"""Source phrases the offline extractor recognises: people described by what they do
(``lexicons/person_nouns.en.txt``), a body a name follows ("the city of Phoenix"), and a subject
whose second verb, after "but", is a cue. Each rule stands beside its adversarial partner."""

from __future__ import annotations

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.cues import lexicon
from briefing.offline.phrases import PERSON_NOUNS


def claims(text: str) -> list[tuple[str | None, bool | None, str]]:
    """(speaker name, anonymous, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.speaker.anonymous if c.speaker else None,
             c.evidence) for c in briefing.claims]


def test_the_person_nouns_lexicon_adds_to_the_person_nouns():
    words = lexicon("person_nouns")
    assert {"announcer", "historians", "police"} <= set(words) <= PERSON_NOUNS
    assert {"diplomats", "officials"} <= PERSON_NOUNS  # the nouns kept in code stay


@pytest.mark.parametrize("head", ["announcer", "narrator", "historian"])
def test_a_person_described_by_what_they_do_is_an_unnamed_source(head):
    text = f"As the lights went down, the {head} said, “The bridge will open to traffic in May.”\n"
    assert claims(text) == [(f"the {head}", True, "The bridge will open to traffic in May.")]


def test_a_noun_for_no_person_is_no_source():
    text = "As the lights went down, the water said, “The bridge will open to traffic in May.”\n"
    assert claims(text) == []


def test_a_named_person_with_a_person_noun_is_named():
    text = "The historian Ana Ruiz said the bridge would open to traffic in May next year.\n"
    assert claims(text) == [("Ana Ruiz", False, "the bridge would open to traffic in May next year")]


def test_the_police_are_a_source():
    text = "The police said the bridge would stay closed until the end of the week.\n"
    assert claims(text) == [("The police", True, "the bridge would stay closed until the end of the week")]


def test_a_body_a_name_follows_is_a_source():
    text = "The city of Phoenix said that the campaign must stop using the image of its officers.\n"
    assert claims(text) == [("The city of Phoenix", False,
                             "the campaign must stop using the image of its officers")]


def test_a_common_noun_before_of_with_no_name_is_no_source():
    text = "The interests of member states said that the campaign must stop using the image of its officers.\n"
    assert claims(text) == []


def test_a_cue_after_but_takes_the_sentence_subject():
    text = "Ana Ruiz toured the new plant on Monday but said the city could not afford a second one.\n"
    assert claims(text) == [("Ana Ruiz", False, "the city could not afford a second one")]


def test_a_clause_after_but_with_its_own_subject_is_no_claim():
    text = "Ana Ruiz toured the new plant on Monday but the city could not afford a second one.\n"
    assert claims(text) == []


def test_an_adverb_before_the_first_verb_keeps_the_subject():
    text = "The mayor also toured the new plant and said the city could not afford a second one.\n"
    assert claims(text) == [("The mayor", False, "the city could not afford a second one")]


def test_a_pronoun_person_noun_antecedent_resolves():
    text = ("The announcer said the bridge would open to traffic in May.\n\n"
            "She said the old bridge would close for repairs in June.\n")
    assert [name for name, _, _ in claims(text)] == ["The announcer", "The announcer"]


# A description before the name after the quote; 'continued' before a quote -----------------------

@pytest.mark.parametrize(("source", "name"), [
    ("9/11 widow Terry Strada", "Terry Strada"),
    ("longtime party activist Ana Ruiz", "Ana Ruiz"),
])
def test_a_lowercase_description_before_the_name_is_part_of_the_source(source, name):
    text = f"“The rules do not hold weight at all in this case,” said {source}.\n"
    assert claims(text) == [(name, False, "The rules do not hold weight at all in this case")]


def test_words_after_a_name_are_no_description():
    text = "Ana Ruiz visited Paris, saying the rules do not hold weight at all in this case.\n"
    assert claims(text) == [("Ana Ruiz", False, "the rules do not hold weight at all in this case")]


def test_a_description_far_from_a_name_is_no_source():
    text = "“The rules do not hold weight at all in this case,” said the old party activist.\n"
    assert claims(text) == []


def test_continued_before_a_quotation_attributes_it():
    text = ("Ana Ruiz, the mayor, spoke first on Monday.\n\n"
            "Ruiz continued: “For us, all we ask for is a chance to have our case heard.”\n")
    assert [(n, e) for n, _, e in claims(text)] == [  # the surname takes the article's full name
        ("Ana Ruiz", "For us, all we ask for is a chance to have our case heard.")]


def test_continued_with_an_object_before_a_quotation_attributes_nothing():
    text = ("Ana Ruiz, the mayor, spoke first on Monday.\n\n"
            "Ruiz continued to attack the council, “For us, all we ask for is a chance to be heard.”\n")
    assert claims(text) == []


# '..., according to X' ------------------------------------------------------------------------------

CLAIM = "More than half of the advice on the show is unsubstantiated or wrong"


@pytest.mark.parametrize(("tail", "name"), [
    (", according to Ana Ruiz, head of the city's health office.", "Ana Ruiz"),
    (" — according to the top British medical journal.", "the top British medical journal"),
    (", according to the journal.", "the journal"),
    (", according to Ana Ruiz in a report last week.", "Ana Ruiz"),
])
def test_according_to_after_the_claim(tail, name):
    assert [(n, e) for n, _, e in claims(CLAIM + tail + "\n")] == [(name, CLAIM)]


def test_according_to_with_a_relative_clause_after_the_source_keeps_the_source():
    text = f"{CLAIM}, according to the journal, which the host said he had never read.\n"
    assert [(n, e) for n, _, e in claims(text)] == [("the journal", CLAIM)]


def test_according_to_without_a_comma_or_a_dash_is_no_closing_source():
    assert claims(f"{CLAIM} according to the journal.\n") == []


# Where a description before a name ends ---------------------------------------------------------

QUOTE = "“The rules do not hold weight at all in this case,”"
SAID = "The rules do not hold weight at all in this case"


@pytest.mark.parametrize(("source", "name"), [
    ("widow Ruiz", "Ruiz"),                      # one word, the name right after it
    ("retired coal miner Ana Ruiz", "Ana Ruiz"),  # two lowercase words
    ("Ana Ruiz outside City Hall", "Ana Ruiz"),   # words after a name are no description
])
def test_a_description_before_a_name(source, name):
    assert [(n, e) for n, _, e in claims(f"{QUOTE} said {source}.\n")] == [(name, SAID)]


@pytest.mark.parametrize("source", [
    "local coal union miner Ana Ruiz",  # three lowercase words: too far from the name
    "rural state senator Ana Ruiz",     # the name three words after the lowercase word
])
def test_a_description_too_long_before_a_name_gives_no_source(source):
    assert claims(f"{QUOTE} said {source}.\n") == []


def test_a_sentence_opened_by_a_preposition_has_no_subject_source():
    text = "During a speech in the city, Ana Ruiz attacked the plan, saying it was far too costly to build.\n"
    assert all(name != "During" for name, _, _ in claims(text))
    assert claims(text) == []


def test_a_quantifier_takes_its_plural_head():
    text = "Several environmental groups granted the firm more time, saying its capital was less than expected.\n"
    assert [(n, e) for n, _, e in claims(text)] == [
        ("Several environmental groups", "its capital was less than expected")]


def test_a_quantifier_without_a_plural_head_is_no_source():
    text = "Several granted the firm more time on Monday, saying its capital was less than expected.\n"
    assert claims(text) == []


def test_the_sound_phrase_looks_at_the_word_after_of():
    from briefing.offline.phrases import _sound_phrase

    assert _sound_phrase(["the", "city", "of", "Phoenix"])
    assert not _sound_phrase(["the", "interests", "of", "member", "States"])
    assert not _sound_phrase(["the", "interests", "of"])


def test_the_according_to_head_noun_runs_one_to_three_words():
    one = claims(f"{CLAIM}, according to the British journal.\n")
    three = claims(f"{CLAIM}, according to the top British medical research journal.\n")
    four = claims(f"{CLAIM}, according to Ana Ruiz speaking very loudly today.\n")
    assert [n for n, _, _ in one] == ["the British journal"]
    assert [n for n, _, _ in three] == ["the top British medical research journal"]
    assert [n for n, _, _ in four] == ["Ana Ruiz"]


def test_a_capitalised_clause_word_is_no_description_before_a_name():
    assert claims("When Ana Ruiz visited the new plant on Monday, saying it was far too costly to run.\n") == []


def test_a_description_before_a_name_with_an_apposition_after_it():
    text = f"{QUOTE} said widow Ruiz, a teacher at the school.\n"
    assert [(n, e) for n, _, e in claims(text)] == [("Ruiz", SAID)]


def test_a_quantifier_before_a_verb_is_no_source():
    assert claims("Many declined interviews on Monday, saying the plan was far too costly to build.\n") == []


def test_a_quantifier_head_is_one_or_two_lowercase_words():
    text = "Several big environmental groups granted the firm time, saying its capital was less than expected.\n"
    assert claims(text) == []


LEAD = "Donald Trump said on Friday that the vote was rigged against him from the start.\n\n"


@pytest.mark.parametrize("be", ["He’s", "He's", "She’s"])
def test_a_contracted_be_before_a_progressive_cue_after_a_pronoun(be):
    found = claims(LEAD + f"{be} claiming that voting fraud is a big, big problem in this country.")
    assert found[-1] == ("Donald Trump", False, "voting fraud is a big, big problem in this country")


def test_they_re_before_a_progressive_cue_needs_its_clause_like_any_cue():
    found = claims(LEAD + "They’re urging voters to watch the polling places closely on election day this year.")
    assert len(found) == 1  # "urging voters to ..." has no clause: the lead's claim only


@pytest.mark.parametrize("text", [
    "Trump’s warning lights were flashing on the dashboard of the old car that he drives.",
    "Trump's warning lights were flashing on the dashboard of the old car that he drives.",
    "The company’s saying goes that the customer is always right about the things they buy.",
    "The ministers’ statement ran to forty pages and was printed in every newspaper in town.",
])
def test_a_cue_word_that_an_owner_holds_as_a_noun_is_no_cue(text):
    assert claims(text) == []


def test_an_owner_s_cue_before_a_clause_names_the_owner_without_the_possessive():
    found = claims("Residents ignored Governor Ana Ruiz’s warning that the dam would fail within days.")
    assert found == [("Ana Ruiz", False, "the dam would fail within days")]


def test_an_owner_s_cue_as_the_subject_is_no_claim_since_its_clause_end_is_unknown():
    # the that-clause ends before "came", which no rule finds: the claim would swallow the verb
    assert claims("Governor Ana Ruiz’s warning that the dam would fail came three days before the flood hit.") == []


def test_a_quotation_cut_mid_phrase_is_no_whole_quotation():
    from briefing.text.marks import cut_mid_phrase
    from helpers import run_examples

    assert run_examples(cut_mid_phrase) == (0, 1)
    text = "Ana Ruiz spoke to reporters on Monday.\n\n“Ensconced in the bosom of,” Ruiz said.\n"
    assert claims(text) == []  # five words that stop at "of": a piece of someone's sentence
    whole = "Ana Ruiz spoke to reporters on Monday.\n\n“We will do that,” Ruiz said.\n"
    assert claims(whole) == [("Ana Ruiz", False, "We will do that")]  # "that" may end a statement
    held = "Heller said his client was “ensconced in the bosom of” that facility on Thursday night."
    assert claims(held) == [("Heller", False, "his client was “ensconced in the bosom of” that facility on Thursday night")]
    assert [cut_mid_phrase(w) for w in ("the end of the", "cuts and", "in her prime", "let them in", "")] == [
        True, True, False, False, False]


def test_a_headline_that_names_its_source_is_no_claim():
    text = ("Lawyer: Lindsay Lohan checks into rehab facility\n\n"
            "Lindsay Lohan checked into a rehab facility in California on Thursday, lawyer Mark Heller said.\n")
    assert claims(text) == [("Mark Heller", False, "Lindsay Lohan checked into a rehab facility in California on Thursday")]
    turn = ("The transcript follows.\n\n"
            "PENCE: Well, look, Mark Cuban has been out there saying some pretty tough stuff.\n\nWALLACE: Thanks.\n")
    # a transcript turn ends with a stop: no headline, still a claim
    assert claims(turn) == [("PENCE", False, "Well, look, Mark Cuban has been out there saying some pretty tough stuff")]


@pytest.mark.parametrize(("text", "content"), [
    ("Tony Reagins said to the Los Angeles Times that he has made an eight-year offer to Mark Teixeira.",
     "he has made an eight-year offer to Mark Teixeira"),
    ("Dan Patrick said on his show on AM 570 that the Red Sox have made Mark Teixeira an eight-year offer.",
     "the Red Sox have made Mark Teixeira an eight-year offer"),
    ("Dan Patrick said on the show that aired Tuesday that the Red Sox have made Mark Teixeira an offer.",
     "the Red Sox have made Mark Teixeira an offer"),  # "that aired" is a relative clause, not the content
    # the partner: "to" before a verb opens what was said, not to whom
    ("Ana Ruiz said to stop the fighting that began on Monday would take a long time.",
     "to stop the fighting that began on Monday would take a long time"),
])
def test_to_whom_or_where_it_was_said_is_not_part_of_what_was_said(text, content):
    assert [e for _, _, e in claims(text)] == [content]


def test_agreed_reports_a_statement_only_before_a_clause_or_a_quotation():
    assert claims("The Yankees agreed to terms with starters CC Sabathia and A. J. Burnett last week.") == []
    assert claims("The mayor agreed that the bridge will have to close for repairs next year.") == [
        ("The mayor", False, "the bridge will have to close for repairs next year")]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Michael Silverman of the Boston Herald reported that the Red Sox made an offer to Mark Teixeira.",
     "Michael Silverman", "the Boston Herald"),
    ("Senator Ana Ruiz of Oregon said that the bridge will close for repairs next year.", "Ana Ruiz", "Senator of Oregon"),
    # the partners: a body whose name holds "of" stays one name
    ("The Bank of America said that its profits will fall sharply in the third quarter.", "The Bank of America", None),
    ("The University of Michigan said that the study will be repeated next year with more people.",
     "The University of Michigan", None),
    ("Secretary of State John Kerry said that the talks will resume in Geneva next week.", "John Kerry", "Secretary of State"),
])
def test_a_person_of_a_body_is_named_with_the_body_as_role(text, name, role):
    [claim] = brief_offline(Article(text=text)).claims
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


@pytest.mark.parametrize(("text", "found"), [
    ("One place Lindsay is finding this particularly difficult though is at the Betty Ford Centre, where she has been.",
     []),
    ("The economy is showing signs of strain after three years of rising interest rates and prices.", []),
    # the partner: the same verbs before a that-clause report what was found
    ("Researchers are finding that the vaccine protects older people better than expected this winter.",
     [("Researchers", True, "the vaccine protects older people better than expected this winter")]),
])
def test_finding_and_showing_report_only_a_clause(text, found):
    assert claims(text) == found


@pytest.mark.parametrize(("phrase", "name", "role"), [
    ("Santa Monica Chief Deputy City Attorney Terry White", "Terry White", "Santa Monica Chief Deputy City Attorney"),
    ("Angels GM Tony Reagins", "Tony Reagins", "Angels GM"),
    ("Microsoft CEO Satya Nadella", "Satya Nadella", "Microsoft CEO"),
    ("District Attorney Paul Howard", "Paul Howard", "District Attorney"),
    ("President Trump", "Trump", "President"),
    ("West Coast Bank Chief Executive Robert Sznewajs", "Robert Sznewajs", "West Coast Bank Chief Executive"),
    # a role that ends in 'of the': the whole phrase names the person, never 'Interior Dirk Kempthorne'
    ("Secretary of the Interior Dirk Kempthorne", "Secretary of the Interior Dirk Kempthorne", None),
    ("Republicans in Congress", "Republicans in Congress", None),
    # the partners: a body named with a title word stays one name
    ("Executive Council", "Executive Council", None),
    ("Justice Department", "Justice Department", None),
    ("White House", "White House", None),
    ("Senate Intelligence Committee", "Senate Intelligence Committee", None),
])
def test_the_last_title_before_a_name_ends_the_role(phrase, name, role):
    from briefing.offline.sourcing import parse_speaker

    speaker = parse_speaker(phrase)
    assert (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize(("phrase", "name", "role"), [
    ("The Boston Herald's Michael Silverman", "Michael Silverman", "The Boston Herald"),
    ("The Tax Policy Center's Leonard Burman", "Leonard Burman", "The Tax Policy Center"),
    ("the Justice Department's Inspector General Michael Horowitz", "Michael Horowitz",
     "Inspector General, the Justice Department"),
    # the partners: an owner that is no outlet or body keeps the phrase whole
    ("Macy's Thanksgiving Day Parade", "Macy's Thanksgiving Day Parade", None),
    ("Apple's Tim Cook", "Apple's Tim Cook", None),
])
def test_a_body_s_person_is_named_with_the_body_as_role(phrase, name, role):
    from briefing.offline.sourcing import parse_speaker

    speaker = parse_speaker(phrase)
    assert (speaker.name, speaker.role, speaker.anonymous) == (name, role, False)
