"""Cues that count only before a clause or a quotation (``lexicons/clause_cues.en.txt``) and the
progressive forms of the speech verbs (``lexicons/progressive_cues.en.txt``). Every sentence is
written for the test; each rule stands beside its adversarial partner: the same verb with a bare
noun phrase, a negation, the cue word in another sense, a pronoun speaker, huge input."""

from __future__ import annotations

import re
import time

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.cues import CUE, QUOTE_CUE, lexicon

_CUE = re.compile(CUE, re.VERBOSE)


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name or None, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.evidence) for c in briefing.claims]


def cue(text: str) -> str | None:
    match = _CUE.search(text)
    return match.group("cue") if match else None


# The lexicons ---------------------------------------------------------------------------------

def test_the_lexicons_are_lowercase_words_without_comments():
    for name in ("clause_cues", "progressive_cues"):
        words = lexicon(name)
        assert len(words) > 50
        assert all(w == w.lower() and w.replace(" ", "").isalpha() for w in words)
    assert "boasted" in lexicon("clause_cues") and "questioning" in lexicon("progressive_cues")
    assert "#" not in "".join(lexicon("clause_cues"))


def test_third_person_forms_that_are_mostly_plural_nouns_are_left_out():
    words = set(lexicon("clause_cues"))
    assert {"rules", "emails", "posts", "fears", "hopes", "worries", "boasts"}.isdisjoint(words)
    assert {"ruled", "emailed", "feared", "hoped", "worried", "boasted"} <= words


def test_the_quote_cue_still_holds_the_quote_only_verbs_once():
    assert QUOTE_CUE.count("continued") == 1 and "continued" not in CUE
    assert re.compile(QUOTE_CUE, re.VERBOSE).search("she continued").group("cue") == "continued"


# Clause-only verbs: a clause or a quotation, never a bare noun phrase --------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("Ana Ruiz boasted that the bridge opened early", "boasted"),
    ("Ana Ruiz slammed: “bad”", "slammed"),
    ("Ana Ruiz slammed the deal, “a disgrace”", None),
    ("Ana Ruiz boasted, “We won”", "boasted"),
    ("Ana Ruiz reminded them that the vote is Tuesday", "reminded"),
    ("Ana Ruiz tweeted on Twitter that", "tweeted"),
    ("Ana Ruiz wrote on Tuesday that the vote is near", "wrote"),
    ("Ana Ruiz boasted about the bridge", None),
    ("Ana Ruiz slammed the deal", None),
    ("Ana Ruiz feared the worst", None),
    ("Ana Ruiz mocked that idea.", None),
    ("Ana Ruiz feared that outcome in May", None),
    ("the emails that were leaked", None),
    ("Senate rules that require a vote", None),
    ("Ana Ruiz feared that it would rain", "feared"),
    ("Ana Ruiz feared that voting fraud is rising", "feared"),
    ("Ana Ruiz boastedthat", None),
])
def test_a_clause_only_verb_counts_only_before_a_clause_or_a_quotation(text, found):
    assert cue(text) == found


def test_a_clause_only_verb_gives_the_clause_to_its_source():
    text = "Ana Ruiz boasted that the new bridge had opened three weeks ahead of schedule.\n"
    assert claims(text) == [("Ana Ruiz", "the new bridge had opened three weeks ahead of schedule")]


def test_the_same_verb_with_a_noun_phrase_gives_no_claim():
    assert claims("Ana Ruiz slammed the plan to close the old bridge over the river for a year.\n") == []
    assert claims("Ana Ruiz boasted about the new bridge over the river and its early opening.\n") == []


def test_worry_and_fear_as_nouns_give_no_claim():
    assert claims("Growing worries that the bank would fail sent its shares lower on Friday.\n") == []
    assert claims("The fears that the bridge would close early were not borne out in the end.\n") == []


def test_a_negated_clause_cue_keeps_the_negation_out_of_the_claim_and_the_claim_out():
    # 'did not boast that ...': the source did not say it, so nothing is attributed
    text = "Ana Ruiz did not boast that the new bridge had opened three weeks ahead of schedule.\n"
    assert claims(text) == []


def test_a_negated_speech_verb_keeps_the_clause_as_the_source_s_words():
    # pinned: 'did not say that' gives no claim either (the auxiliary 'did not' is no cue part)
    text = "Ana Ruiz did not say that the new bridge had opened three weeks ahead of schedule.\n"
    assert claims(text) == []


def test_a_pronoun_source_of_a_clause_cue_resolves_to_the_person_named_before():
    text = ("Ana Ruiz said the bridge had opened on Monday.\n\n"
            "She boasted that the bridge had opened three weeks ahead of schedule.\n")
    assert claims(text)[1] == ("Ana Ruiz", "the bridge had opened three weeks ahead of schedule")


def test_a_pronoun_source_with_no_one_named_before_is_dropped():
    assert claims("She boasted that the bridge had opened three weeks ahead of schedule.\n") == []


# Progressive forms: after a form of "be" only ----------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("The city is demanding that the campaign stop", "is demanding"),
    ("The city is once again questioning the plan", "is once again questioning"),
    ("The city has been claiming that", "has been claiming"),
    ("The city was hoping that the rain ends", "was hoping"),
    ("The city was hoping for rain", None),
    ("the warning lights came on", "warning"),  # the old bare -ing cue: a word, no source
    ("after claiming the prize", None),
    ("The claiming race starts", None),
    ("The city is questioningly silent", None),
])
def test_a_progressive_cue_needs_a_form_of_be(text, found):
    assert cue(text) == found


def test_a_progressive_cue_gives_the_clause_to_its_source():
    text = "Phoenix officials are demanding that the campaign stop using the image of its officers.\n"
    assert claims(text) == [("Phoenix officials",
                             "the campaign stop using the image of its officers")]


def test_the_warning_lights_give_no_claim():
    assert claims("The warning lights on the new bridge came on twice during the storm last week.\n") == []


def test_a_claim_form_gives_no_claim():
    assert claims("Residents filled in a claim form at the city hall after the storm last week.\n") == []


# Huge and hostile input ---------------------------------------------------------------------------

def test_a_long_run_of_cue_words_stays_fast():
    hostile = ("Ana Ruiz is once again " + "that " * 20_000 + "boasted " * 20_000 + ".\n")
    started = time.perf_counter()
    brief_offline(Article(text=hostile))
    assert time.perf_counter() - started < 10


def test_many_clause_cues_give_one_claim_each():
    sentence = "Ana Ruiz boasted that the new bridge had opened three weeks ahead of schedule.\n\n"
    found = claims(sentence * 500)
    assert len(found) == 500 and {name for name, _ in found} == {"Ana Ruiz"}


# Participles: a second statement of the same speaker ---------------------------------------------

def test_a_speech_participle_splits_off_a_second_claim():
    text = "The mayor said the bridge would open in May, even suggesting that a second bridge could follow within a year.\n"
    assert claims(text) == [("The mayor", "the bridge would open in May"),
                            ("The mayor", "a second bridge could follow within a year")]


def test_a_progressive_participle_splits_off_a_second_claim():
    text = "The mayor said the bridge would open in May, questioning whether the old one could stay open.\n"
    assert claims(text) == [("The mayor", "the bridge would open in May"),
                            ("The mayor", "whether the old one could stay open")]


def test_a_clause_only_participle_needs_a_clause():
    clause = "The mayor said the bridge would open in May, boasting that the work came in under budget.\n"
    assert claims(clause) == [("The mayor", "the bridge would open in May"),
                              ("The mayor", "the work came in under budget")]
    phrase = "The mayor said the bridge would open in May, boasting about the work of the city crews.\n"
    assert claims(phrase) == [
        ("The mayor", "the bridge would open in May, boasting about the work of the city crews")]


def test_a_speech_participle_keeps_the_complements_of_its_other_forms():
    # 'X cited the weather' is a claim of the lexicon, so ', citing the weather' is one too
    text = "The mayor said the bridge would open in May, citing the dry weather of the last two months.\n"
    assert claims(text) == [("The mayor", "the bridge would open in May"),
                            ("The mayor", "the dry weather of the last two months")]


def test_a_participle_of_no_speech_verb_stays_in_the_clause():
    text = "The mayor said the bridge would open in May, pointing at the dry weather of the last months.\n"
    assert claims(text) == [("The mayor", "the bridge would open in May, pointing at the dry weather of the last months")]


def test_a_participle_after_the_subject_s_act_is_the_subject_s_claim():
    text = "Ana Ruiz toured the new plant on Monday, even suggesting that a second plant could follow soon.\n"
    assert claims(text) == [("Ana Ruiz", "a second plant could follow soon")]


# A verb with its particle: a how/why/whether clause, never the topic alone ----------------------

def test_talked_about_how_gives_the_clause():
    text = "The president talked about how the bridge would change the lives of people in the valley.\n"
    assert claims(text) == [("The president", "how the bridge would change the lives of people in the valley")]


def test_talked_about_a_topic_gives_no_claim():
    assert claims("The president talked about the bridge and the lives of the people in the valley.\n") == []


def test_wondered_whether_gives_the_clause():
    text = "The president wondered whether the bridge would change the lives of people in the valley.\n"
    assert claims(text) == [("The president", "whether the bridge would change the lives of people in the valley")]


def test_not_talking_about_how_gives_no_claim():
    text = "The president did not talk about how the bridge would change the lives of people in the valley.\n"
    assert claims(text) == []


def test_the_particle_must_follow_the_verb():
    assert cue("The president talked how the bridge would help") is None
    assert cue("The president talked about how the bridge would help") == "talked about"
    assert cue("The president talked aboutness how") is None


def test_a_phrase_cue_is_taken_whole():
    # the longest alternative first: 'called for', not 'called' with 'for ...' as the claim
    text = "Ana Ruiz called for a new bridge over the river before the end of next year.\n"
    assert claims(text) == [("Ana Ruiz", "a new bridge over the river before the end of next year")]
    assert cue("Ana Ruiz called for a new bridge") == "called for"


# The plain present of speech verbs, for a plural subject ----------------------------------------

@pytest.mark.parametrize("verb", ["acknowledge", "estimate", "deny", "concede", "point out", "emphasize"])
def test_a_plural_subject_with_the_plain_present_of_a_speech_verb_is_a_source(verb):
    text = f"Environmental groups {verb} that the new plant would raise costs for every family in town."
    assert claims(text) == [("Environmental groups", "the new plant would raise costs for every family in town")]
    # partner: before a bare noun phrase the verb reports no statement
    assert claims(f"Environmental groups {verb} the new plant and its costs for every family in town.") == []


@pytest.mark.parametrize("before", ["Acknowledge", "Republicans must acknowledge", "They did not acknowledge"])
def test_the_plain_present_after_a_modal_a_negation_or_as_an_imperative_is_no_cue(before):
    assert claims(f"{before} that the new plant would raise costs for every family in town.") == []


def test_a_pronoun_after_a_plain_present_cue_resolves_to_its_plural_source():
    text = ("Greek unions concede that the government was forced to raise consumer taxes and cut spending.\n\n"
            "But they say low-income Greeks will suffer disproportionately from the measures.")
    assert [speaker for speaker, _ in claims(text)] == ["Greek unions", "Greek unions"]


# Verbs of attack and praise before an object and "for" ------------------------------------------

@pytest.mark.parametrize(("text", "statement", "kind"), [
    ("During a speech, Trump attacked Clinton for her support of military action in Iraq and Libya.",
     "Trump attacked Clinton for her support of military action in Iraq and Libya", "accusation"),
    ("Clinton blasted him for not paying any federal income tax for nearly two decades. Trump said little.",
     None, "accusation"),
    ("The mayor praised the road crews for their speed in clearing the snow after the storm.",
     "The mayor praised the road crews for their speed in clearing the snow after the storm", "opinion"),
    ("Terry Strada accused the Saudi government of attempting to intimidate the families of victims.",
     "Terry Strada accused the Saudi government of attempting to intimidate the families of victims", "accusation"),
])
def test_an_attack_or_praise_for_a_reason_reads_with_its_verb(text, statement, kind):
    claim = brief_offline(Article(text=text)).claims[0]
    assert claim.kind.value == kind and not claim.direct_quote
    if statement:
        assert claim.statement == statement


def test_a_clause_with_for_after_a_plain_cue_reads_as_the_speakers_words():
    text = "Ana Ruiz said the new plan was good for the city and for the region as a whole."
    (claim,) = brief_offline(Article(text=text)).claims
    assert claim.statement == "Ana Ruiz: the new plan was good for the city and for the region as a whole"


@pytest.mark.parametrize("text", [
    "The dog attacked the mail carrier on Monday morning outside the old house on the hill.",
    "The crowd mocked the team all night long and then went home in the rain without a word.",
    "Rebels attacked the convoy near the border town, killing three soldiers and a driver.",
])
def test_an_attack_without_a_reason_is_an_act_not_a_cue(text):
    assert claims(text) == []


def test_a_day_with_a_possessive_after_the_cue_is_its_object_not_a_time():
    text = "Officials praised Thursday's protests for being largely peaceful and calm across the city."
    assert claims(text) == [("Officials", "Thursday's protests for being largely peaceful and calm across the city")]
    # partner: a bare day after the cue is when it was said
    text = "Ana Ruiz said Thursday the bridge would reopen in May after the long repairs."
    assert claims(text) == [("Ana Ruiz", "the bridge would reopen in May after the long repairs")]


def test_a_document_source_ends_before_a_clause_of_its_own():
    text = ("The footage of a wife pleading for her husband's life came as officials praised the "
            "protests for being largely peaceful and calm.")
    assert claims(text) == [("officials", "the protests for being largely peaceful and calm")]
    # partner: who made the document stays with it
    text = "A study released as part of the review found that the old bridge was unsafe for heavy trucks."
    assert claims(text) == [("A study", "the old bridge was unsafe for heavy trucks")]


# "called": what it calls something, or an act ----------------------------------------------------

def test_called_reads_with_its_verb_as_an_opinion():
    (claim,) = brief_offline(Article(text="Ted Cruz called Trump a pathological liar who is utterly amoral and a bully.")).claims
    assert claim.statement == "Ted Cruz called Trump a pathological liar who is utterly amoral and a bully"
    assert claim.kind.value == "opinion"
    # partner: 'called for' is a demand that reads with its verb too
    (claim,) = brief_offline(Article(text="Ana Ruiz called for calm after the protests in the city last night.")).claims
    assert claim.kind.value == "demand"


@pytest.mark.parametrize("text", [
    "The council called an emergency meeting to discuss the flooding in the lower town.",
    "Ms. Moore called into the radio program when she was home sick with pneumonia last week.",
    "The coach called him again yesterday and reached a deal after a long night of talks.",
    "They called it off after the storm destroyed the stage and most of the tents.",
])
def test_called_as_an_act_is_no_claim(text):
    assert claims(text) == []


def test_a_cue_coordinated_after_a_calling_act_keeps_its_source():
    text = ("In Congress, Rep. Edward Markey called a hearing to review the rules and said members "
            "would work to restore the act.")
    assert claims(text) == [("Edward Markey", "members would work to restore the act")]


def test_an_owned_role_before_a_name_gives_the_named_person():
    text = ("His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting "
            "together impossible business transactions.")
    (claim,) = brief_offline(Article(text=text)).claims
    assert claim.speaker is not None and claim.speaker.name == "Lawrence B. Cummings"
    assert claim.speaker.role == "His former business partner at Lenox" and not claim.speaker.anonymous
    # partner: a possessive phrase that is the subject of a parenthetical attribution stays content
    text = "His plan, Ana Ruiz said, would be a disaster for every family in the city."
    assert claims(text) == [("Ana Ruiz", "His plan, Ana Ruiz said, would be a disaster for every family in the city")]
