"""Speakers that are a name or a role, never a conjunction, a verb or a headline (issue 19).

Each family of wrong speakers or wrong claims stands beside its adversarial partner, the same
shape where the claim is right: coordinated names with a title inside, aspect verbs before a
cue with and without a subject, a noun cue inside another source's clause and inside an object
cue, a cue word after a determiner, headline labels beside transcript turns and headline
attributions, an audience before a quotation, and the scene of the saying beside a time clause
that is part of what was said. Every sentence is written for the test."""

from __future__ import annotations

import time

import pytest

from briefing.core.models import Article, Speaker
from briefing.offline import brief_offline
from briefing.offline.names import merge_names
from briefing.offline.reported import headline_case, speaker_colon
from briefing.offline.sourcing import parse_speaker
from briefing.text.sentences import split_sentences


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name or None, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text), min_words=0)
    return [(c.speaker.name if c.speaker else None, c.evidence) for c in briefing.claims]


def speakers(text: str) -> list[str | None]:
    return [name for name, _ in claims(text)]


# Coordinated names: 'Both Mr. King and Mr. Schultz' ---------------------------------------------

def test_coordinated_names_keep_both_people_and_drop_both():
    assert parse_speaker("Both Mr. King and Mr. Schultz").name == "Mr. King and Mr. Schultz"


def test_a_title_word_inside_coordinated_names_is_a_surname():
    # 'King' is also a title ('King Charles'); between coordinated names it never opens a role
    speaker = parse_speaker("Mr. King and Mr. Schultz")
    assert (speaker.name, speaker.role) == ("Mr. King and Mr. Schultz", None)


def test_a_title_before_a_single_name_still_splits_off():
    # the partner: without 'and' a title inside the phrase is the role
    speaker = parse_speaker("Santa Monica Chief Deputy City Attorney Terry White")
    assert (speaker.name, speaker.role) == ("Terry White", "Santa Monica Chief Deputy City Attorney")


def test_both_alone_or_before_a_plural_is_left_as_written():
    assert parse_speaker("Both parties").name == "Both parties"


def test_a_later_surname_is_not_merged_into_two_coordinated_names():
    text = ("Both Mr. King and Mr. Schultz say the network has never told them what to say on air. "
            "Mr. Schultz generally supported Democrats during his time on MSNBC, which let him go "
            "in 2015, and said he did not support Mr. Trump.")
    assert speakers(text) == ["Mr. King and Mr. Schultz", "Mr. Schultz"]


def test_no_speaker_starts_with_a_conjunction():
    text = ("Both Mr. King and Mr. Schultz say the network has never told them what to say on air. "
            "Mr. Schultz said he did not support Mr. Trump in the election.")
    assert not any(name.split()[0] in {"and", "or", "but", "Both"} for name in speakers(text) if name)


def test_a_surname_still_merges_into_one_full_name():
    # the partner: one longer name that fits is still the one name
    names = merge_names([Speaker(name="Putin")], ["Vladimir Putin", "Mr. King and Mr. Putin"])
    assert names["Putin"] == "Vladimir Putin"


@pytest.mark.parametrize("fragment", ["Say Mexico", "Warns Mexico", "When Mexico"])
def test_a_name_is_not_merged_into_a_phrase_opened_by_a_verb_or_clause_word(fragment):
    assert merge_names([Speaker(name="Mexico")], [fragment])["Mexico"] == "Mexico"


# Aspect verbs before a cue: 'Keeps saying ...' ---------------------------------------------------

@pytest.mark.parametrize("opening", ["Keeps saying", "Kept insisting", "Continues to say",
                                     "Stopped saying", "Started saying"])
def test_an_aspect_verb_with_no_subject_is_no_source(opening):
    text = f"{opening} she opposed the Iraq War, when there are radio clips of her backing it."
    assert speakers(text) == []


@pytest.mark.parametrize("verb", ["keeps saying", "continues to say", "kept saying"])
def test_the_subject_before_an_aspect_verb_is_the_source(verb):
    # the partner: with a subject, the aspect verb belongs to the cue and the subject speaks
    text = f"Mr. Trump {verb} she opposed the Iraq War from the very start."
    assert claims(text) == [("Mr. Trump", "she opposed the Iraq War from the very start")]


def test_a_name_that_is_no_aspect_verb_still_speaks_at_a_sentence_start():
    assert speakers("Kasten said the team had not yet made an offer to the pitcher.") == ["Kasten"]


# A noun cue inside another source's clause ------------------------------------------------------

def test_a_noun_cue_inside_a_reported_clause_is_the_reporters_words():
    text = ("Jorge Castañeda, a former minister, suggests that Mexico's best argument is that the "
            "country's stability is indispensable to the United States.")
    assert speakers(text) == ["Jorge Castañeda"]


def test_a_noun_cue_after_an_object_cue_is_still_its_owners_claim():
    # the partner: 'rejected Trump's claim that A' says that Trump claimed A
    text = "Critics rejected Trump's repeated claim that the vote in the state was rigged."
    assert claims(text) == [("Critics", "Trump's repeated claim that the vote in the state was rigged"),
                            ("Trump", "the vote in the state was rigged")]


def test_a_headline_fragment_before_a_country_does_not_rename_it():
    text = ("Say Mexico\n\nCritics rejected Mexico's claim that the border is the safest it "
            "has ever been.")
    assert "Say Mexico" not in speakers(text)


# A cue word after a determiner is a noun --------------------------------------------------------

def test_a_cue_word_after_a_determiner_is_a_noun_not_a_cue():
    text = ("“It’s an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states "
            "suing the EPA, said at a Washington event this month.")
    assert claims(text) == [("Scott Pruitt", "It’s an invasion")]


@pytest.mark.parametrize("determiner", ["the", "his", "these"])
def test_no_determiner_before_the_cue_word_makes_a_source(determiner):
    text = f"One of {determiner} reports suggests that the plant will close within two years."
    assert all(name not in {"One", "one"} for name in speakers(text))


def test_a_source_before_the_same_cue_word_still_speaks():
    # the partner: 'The agency states that ...' is a verb after its subject
    assert claims("The agency states that the plant will close within two years.") == [
        ("The agency", "the plant will close within two years")]


# Headlines set in title case are no speaker label ------------------------------------------------

def test_a_title_case_headline_with_a_colon_is_no_speaker():
    text = ("Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.\n"
            "The campaign did not answer questions about the visit on Sunday.")
    assert speakers(text) == []


def test_a_transcript_turn_full_of_names_is_still_a_turn():
    text = "WALLACE: Do you really see Donald Trump and Hillary Clinton as equals in New York?\n"
    assert speakers(text) == ["WALLACE"]


def test_a_headline_that_names_its_source_keeps_it():
    # the partner: a name as the label ('Mike Pence: ...') is a headline attribution
    text = "Mike Pence: Gennifer Flowers Won’t Be at Debate, Trump Was Mocking Clinton Camp.\n"
    found = speaker_colon(text, split_sentences(text)[0])
    assert [(a.speaker.name, text[a.start:a.end]) for a in found] == [
        ("Mike Pence", "Gennifer Flowers Won’t Be at Debate, Trump Was Mocking Clinton Camp")]


@pytest.mark.parametrize(("line", "expected"), [
    ("Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics", True),
    ("Donald Trump and Hillary Clinton met in New York on Monday", False),
    ("THE WHITE HOUSE IS CLOSED TO VISITORS", False),
    ("Ana Ruiz said the plan was a mistake", False),
])
def test_headline_case_needs_a_capitalised_short_word_and_mostly_capitals(line, expected):
    assert headline_case(line) is expected


# An audience or a scene before a quotation -------------------------------------------------------

def test_an_audience_before_a_quotation_is_no_content():
    text = ("Limbaugh told his radio audience of Monday, “What has happened basically is this. "
            "The Clinton campaign has sent out the word to its people.”")
    quotation = "What has happened basically is this. The Clinton campaign has sent out the word to its people."
    assert claims(text) == [("Limbaugh", quotation)]


def test_a_scene_before_a_quotation_is_no_content():
    text = "Ana Ruiz said at the rally on Monday, “We will rebuild every bridge in this county.”"
    assert speakers(text) == ["Ana Ruiz"]
    assert all(not evidence.startswith("at the rally") for _, evidence in claims(text))


def test_a_quotation_after_an_audience_that_the_quote_rules_cannot_pair_is_still_the_claim():
    # a quotation running on over a paragraph with no opening mark on the next one: the marks do
    # not pair, and the quotation up to the sentence's end is what was said
    text = ("The model died on Thursday. Ana Ruiz told the AP on Thursday, “I think that she was a "
            "remarkable lady, an icon of her time...\n\nShe was a very dear friend.”")
    assert claims(text) == [("Ana Ruiz", "I think that she was a remarkable lady, an icon of her time")]
    # a lead-in clause of the speaker's own before the quotation: the quotation is what was said
    text = ("King said that when he broke the news yesterday to O'Brien, “He asked why, and I told him "
            "that some things took place.”")
    assert claims(text) == [("King", "He asked why, and I told him that some things took place")]


def test_told_an_audience_that_is_still_reported_speech():
    # the partner: 'told reporters that A' has its content after 'that'
    assert claims("Ana Ruiz told reporters on Monday that the bridge would reopen in May.") == [
        ("Ana Ruiz", "the bridge would reopen in May")]


# Where or when it was said is no content ---------------------------------------------------------

def test_reported_from_a_place_is_a_byline_not_a_claim():
    text = ("Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler reported from "
            "Kaneohe Bay, Hawaii.")
    assert claims(text) == []


def test_said_when_with_no_main_clause_is_no_content():
    assert claims("That was what Liz Wahl said when she resigned from the network.") == []


def test_said_when_with_a_main_clause_after_the_comma_is_content():
    # the partner: the time clause belongs to what was said
    assert claims("Ana Ruiz said when the economy recovers, jobs will return to the county.") == [
        ("Ana Ruiz", "when the economy recovers, jobs will return to the county")]


def test_said_after_a_time_phrase_then_a_clause_is_content():
    text = "Donald Trump said after the convention he would not accept the endorsement if offered."
    assert claims(text) == [("Donald Trump", "after the convention he would not accept the endorsement if offered")]


def test_a_preposition_then_a_main_clause_is_content():
    text = "The poll found that in a head-to-head contest, Clinton leads Trump by five points."
    assert claims(text) == [("The poll", "in a head-to-head contest, Clinton leads Trump by five points")]


# Huge and hostile input --------------------------------------------------------------------------

def test_long_runs_of_these_shapes_stay_fast():
    hostile = ("Keeps saying " * 2_000 + "the plan failed. " + "Stealth Over Health: " * 2_000
               + "\n" + "Ana Ruiz told his audience of Monday, " * 1_000 + "“Yes.”\n")
    started = time.perf_counter()
    found = claims(hostile)
    assert time.perf_counter() - started < 10
    assert all(name not in {"Keeps", "Stealth Over Health"} for name, _ in found)


# A sentence-opening adverb or participle is no name ---------------------------------------------

@pytest.mark.parametrize("text", [
    ("Typically, the program has been hosted by comedians, and in recent years, show organizers "
    "have experimented with a variety of hosting styles."),
    "Having said that, there are some economists who argue that corporate taxes should be low.",
    "Expected to contend for a division title after the addition of Brand, the Sixers are instead last.",
    ("Additionally, he was selected as national coach in 1981 and during that time, wrote and "
    "published a guide for players overseas."),
    "Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am\n",
])
def test_a_sentence_opener_never_speaks(text):
    assert all(name.split()[0] not in {"Typically", "Having", "Expected", "Additionally", "Posted"}
               for name in speakers(text) if name)


def test_an_adverb_before_a_name_is_dropped_from_the_speaker():
    text = ("The jury, ironically, was split. Ironically Nichols had offered to plead guilty in return "
            "for life behind bars, but prosecutors had refused.")
    assert "Ironically Nichols" not in speakers(text)
    assert "Nichols" in speakers(text)


@pytest.mark.parametrize("name", ["Kelly", "King", "Long", "Reed", "Fielding"])
def test_a_name_with_an_adverb_or_participle_ending_still_speaks(name):
    # the partners: names that end like an adverb or a participle, never written in lowercase
    assert speakers(f"{name} said the team was not where it wanted to be this season.") == [name]


def test_a_participle_written_in_lowercase_elsewhere_is_read_as_one_only_at_a_sentence_start():
    text = ("The board met on Monday. Officials had expected a vote. "
            "The mayor said Expected Results Inc. would keep its office in the city.")
    assert speakers(text) == ["The mayor"]


# Coordinated names with titles ------------------------------------------------------------------

def test_each_coordinated_name_loses_its_own_title():
    speaker = parse_speaker("Interior Secretary Ken Salazar and Commerce Secretary Gary Locke")
    assert (speaker.name, speaker.role) == ("Ken Salazar and Gary Locke",
                                            "Interior Secretary and Commerce Secretary")


def test_coordinated_names_with_a_shared_lowercase_role_keep_it():
    speaker = parse_speaker("former senators Ana Ruiz and Li Wei")
    assert (speaker.name, speaker.role) == ("Ana Ruiz and Li Wei", "former senators")


# Phrases around the source: inverted cues, causatives, opening places ----------------------------

def test_the_source_after_an_inverted_cue_is_no_content():
    text = ("A hungry, barefoot Arcade Comeaux was caught in northeast Houston, about 25 miles from "
            "where he escaped, said Alfredo Perez, a spokesman for the Marshals Service.")
    assert speakers(text) == ["Alfredo Perez"]


def test_a_clause_after_a_cue_that_follows_a_comma_is_still_content():
    # the partner: after 'In 2015, X said' the words are what was said
    assert claims("In 2015, the mayor said the city has rebuilt four of its five bridges.") == [
        ("the mayor", "the city has rebuilt four of its five bridges")]


def test_the_object_of_a_causative_participle_speaks_through_the_infinitive():
    text = ("Kempthorne announced changes to the law, causing environmental groups to charge that the "
            "new rules are intended to gut the law.")
    assert ("environmental groups", "the new rules are intended to gut the law") in claims(text)


def test_a_participle_stays_out_of_a_modified_group_and_an_adjective_stays_in():
    assert "causing environmental groups" not in speakers(
        "The rule passed, causing environmental groups to charge that it guts the law.")
    assert speakers("The strike went on, and striking workers said the company had refused to "
                    "negotiate for weeks.") == ["striking workers"]


def test_an_opening_place_without_a_comma_is_no_part_of_the_source():
    text = ("In Parliament the Communist Party of Greece has accused the government of the deaths, "
            "claiming it was a result of provocateurs.")
    assert set(speakers(text)) == {"the Communist Party of Greece"}


def test_a_quantifier_before_a_determiner_stays_in_the_source():
    # the partner: 'All the experts' is one phrase
    assert speakers("All the experts said the bridge would need repairs within five years.") == [
        "All the experts"]


# Content that opens with a verb ------------------------------------------------------------------

def test_a_subject_fused_into_the_source_gives_no_claim():
    assert claims("We don't care. Everything Trump says is a lie unless proven otherwise.") == []


def test_a_relative_pronoun_before_the_source_leaves_the_verb_first_clause():
    # the partner: 'which he said were ...' is his claim about the donations
    text = ("Trump attacked other candidates for accepting donations. He listed the donations, which "
            "Trump said were accompanied by leverage and return favors.")
    assert ("Trump", "were accompanied by leverage and return favors") in claims(text)


def test_that_as_the_subject_of_the_clause_stays_in_the_content_and_statement():
    text = "The brief said that was not her view of the divorce at all."
    briefing = brief_offline(Article(text=text), min_words=0)
    assert [(c.evidence, c.statement) for c in briefing.claims] == [
        ("that was not her view of the divorce at all", "The brief: that was not her view of the divorce at all")]


def test_that_as_a_conjunction_is_still_left_out():
    assert claims("The brief said that the divorce was settled in 1992.") == [
        ("The brief", "the divorce was settled in 1992")]


def test_the_word_after_a_told_audience_is_the_clauses_subject():
    assert claims("Trump told the forum he was totally against the war in Iraq.") == [
        ("Trump", "he was totally against the war in Iraq")]


def test_a_thing_after_a_causative_participle_is_no_source():
    # the partner of the causative rule: 'ordering a review to determine whether' names no speaker
    text = ("Obama issued a memorandum that suspends the regulation while ordering a review to "
            "determine whether it promotes the purposes of the law.")
    assert "a review" not in speakers(text)


# Prepositions and focus adverbs never open a speaker ---------------------------------------------

def test_a_group_after_a_preposition_is_no_subject():
    text = ("The party would not unify even around that, with Democrats from industrial and coal "
            "states digging in against him.")
    assert claims(text) == []


def test_a_placed_group_that_opens_the_sentence_still_speaks():
    # the partner: 'Officials at the water plant ... said' is one source
    text = "Officials at the water plant in the north of the state said the supply was safe to drink."
    assert claims(text) == [("Officials at the water plant in the north of the state",
                             "the supply was safe to drink")]


def test_a_focus_adverb_before_a_name_never_renames_the_speaker():
    text = "McAuliffe has said about 20 people have asked about the seat. Only McAuliffe stayed home."
    assert speakers(text) == ["McAuliffe"]


def test_a_document_being_released_by_a_group_is_the_source():
    text = ("An exhaustive study being released on Tuesday by a group of researchers shows that "
            "large companies shelter trillions of dollars offshore.")
    assert speakers(text) == ["An exhaustive study"]


# Initials and titles inside a name ---------------------------------------------------------------

def test_a_run_of_initials_stays_in_the_name():
    text = "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus."
    assert speakers(text) == ["G.K. Butterfield"]


def test_a_delegates_title_is_a_role_not_the_name():
    text = '"This is a waste of time for the committee," said Del. Stacey Plaskett of the Virgin Islands.'
    briefing = brief_offline(Article(text=text), min_words=0)
    assert [(c.speaker.name, c.speaker.role) for c in briefing.claims if c.speaker] == [
        ("Stacey Plaskett", "Del. of the Virgin Islands")]


# A channel that opens the sentence is no source --------------------------------------------------

def test_an_opening_channel_phrase_is_no_source():
    text = ("In a Facebook message posted Friday, Cruz said he has had areas of significant "
            "disagreement with Trump.")
    assert claims(text) == [("Cruz", "he has had areas of significant disagreement with Trump")]


def test_the_named_source_after_an_opening_statement_phrase_speaks():
    text = ("In a statement, one of the family's attorneys, Justin Bamberg, said the videos show "
            "Scott calmly leaving his car.")
    assert ("Justin Bamberg", "the videos show Scott calmly leaving his car") in claims(text)
    assert "a statement" not in speakers(text)


def test_a_clause_that_opens_with_after_keeps_its_own_speaker():
    # the partner: 'After Ana Ruiz said A, B' is a clause, not a channel
    text = "After Ana Ruiz said the bridge was unsafe, the council closed it for the winter."
    assert ("Ana Ruiz", "the bridge was unsafe") in claims(text)


def test_a_possessive_noun_before_the_head_stays_in_the_source():
    assert speakers("The company's lawyers said the deal was fair to every shareholder.") == [
        "The company's lawyers"]


def test_a_cue_inside_a_quotation_is_the_quoted_speaker_s_words():
    # 'what they found' is inside the quotation: "they" is no source, and the participle after
    # the attribution is Gene Smith's
    text = ('Athletic director Gene Smith said the allegations in the report were less serious than feared.\n\n'
            '"What you see before you is what they found in football," he said, adding he would be '
            "surprised if sanctions are imposed against the team.")
    assert speakers(text) == ["Gene Smith"] * 3
    assert claims(text)[-1] == ("Gene Smith", "he would be surprised if sanctions are imposed against the team")
    # partner: mixed marks still pair up, and the source after the quotation speaks
    text = ("“Immunity deals should not be a requirement for cooperating with the FBI,\" Chairman Jason "
            "Chaffetz said, adding that the agreements were handed out like candy to the aides.")
    assert claims(text)[-1] == ("Jason Chaffetz", "the agreements were handed out like candy to the aides")


@pytest.mark.parametrize(("after_cue", "opens"), [
    (' the AP on Thursday, "I think', True), (" his radio audience, “What", True),
    (' in football," he said', False),  # a closing straight mark after the comma
    (' in football, " he said', False),  # a straight mark before a space opens nothing
])
def test_a_quotation_after_the_audience_starts_at_an_opening_mark(after_cue, opens):
    from briefing.offline.reported import _BEFORE_QUOTATION

    assert (_BEFORE_QUOTATION.match(after_cue) is not None) == opens


def test_a_speaker_of_unknown_gender_yields_to_a_later_person_known_to_fit():
    text = ("Ana Ruiz said the plan was fair to every family in the city. Ms. Lopez toured the plant on "
            "Monday. She said the plant would close its doors in May.")
    assert speakers(text) == ["Ana Ruiz", "Lopez"]
    # partners: a later person of the other gender, or a speaker whose gender is known, keeps the speaker
    assert speakers(text.replace("Ms. Lopez", "Mr. Lopez")) == ["Ana Ruiz", "Ana Ruiz"]
    assert speakers(text.replace("Ana Ruiz", "Ms. Ruiz")) == ["Ms. Ruiz", "Ms. Ruiz"]


def test_they_never_stands_for_someone_known_as_he_or_she():
    text = ("Mr. Sanders said the plan was fair to every family in the city. They said the plan would "
            "cost every family far too much money.")
    assert speakers(text) == ["Mr. Sanders"]  # a surname in -s is no group once he is "Mr."
    # partners: a group after him, and a plural group, still are "they"
    text = ("The unions said the plan was fair to every family in the city. Mr. Sanders met them. They "
            "said the plan would cost every family far too much money.")
    assert speakers(text) == ["The unions", "The unions"]
    text = ("Senate Democrats said the plan was fair to every family in the city. They said the plan "
            "would cost every family far too much money.")
    assert len(speakers(text)) == 2 and speakers(text)[0] == speakers(text)[1]


@pytest.mark.parametrize(("source", "speaker"), [
    ("Summit Entertainment, LLC plans", "Summit Entertainment, LLC"),  # a legal form after the comma
    ("Acme Holdings, Inc. said", "Acme Holdings, Inc."),
    ("Ana Ruiz and her deputies said", "Ana Ruiz and her deputies"),  # a group named after its leader
])
def test_a_source_phrase_keeps_what_the_walk_back_stopped_at(source, speaker):
    text = f"{source} to release the second film of the series in November of next year."
    text = text.replace("said to release", "said they would release")
    assert speakers(text) == [speaker]


def test_a_legal_form_alone_or_a_pronoun_leader_is_not_joined():
    text = "After the vote, LLC said the harbor would stay closed to all traffic until the spring."
    assert speakers(text) == []  # "LLC" names no one
    text = "He and his deputies said the harbor would stay closed to all traffic until the spring."
    assert speakers(text) == ["deputies"]
