"""The head of a source phrase speaks, never a word of what describes it: a relative clause or a
prepositional phrase after the head belongs to the source phrase ("Officials who work in the city
of Phoenix"), a verb's object is no subject ("The firm hired an architect who said"), and a
floating quantifier ("all", "both") is no part of a name. Each rule beside its adversarial partner."""

from __future__ import annotations

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.sourcing import parse_speaker, source_before_cue


def claims(text: str) -> list[tuple[str | None, bool | None, str]]:
    """(speaker name, anonymous, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.speaker.anonymous if c.speaker else None,
             c.evidence) for c in briefing.claims]


def test_a_relative_clause_belongs_to_its_subject_not_the_place_it_names():
    text = "Officials who work in the city of Phoenix say the campaign must stop using the image of its officers.\n"
    assert claims(text) == [("Officials who work in the city of Phoenix", True,
                             "the campaign must stop using the image of its officers")]


def test_a_month_inside_a_relative_clause_never_speaks():
    text = "The people who left the city in May say the rents there had doubled in only two years.\n"
    assert claims(text) == [("The people who left the city in May", True,
                             "the rents there had doubled in only two years")]


def test_a_body_a_name_follows_still_speaks_without_a_relative_clause():
    text = "The city of Phoenix says the campaign must stop using the image of its officers.\n"
    assert claims(text) == [("The city of Phoenix", False, "the campaign must stop using the image of its officers")]


def test_a_named_subject_with_a_relative_clause_keeps_its_name():
    text = "Mayor Ana Ruiz who toured the plant in May said the water was safe to drink again.\n"
    assert claims(text) == [("Ana Ruiz", False, "the water was safe to drink again")]


@pytest.mark.parametrize("between", ["in 2019", "have long"])
def test_a_relative_clause_whose_verb_is_the_cue_gives_its_antecedent(between):
    # 'who in 2019 said': the cue is the clause's own verb, so the relative-subject rule stays out
    text = f"Engineers who {between} said the bridge would fall were proved right this week.\n"
    assert [name for name, _, _ in claims(text)] == ["Engineers"]


def test_a_relative_clause_that_holds_a_cue_gives_no_subject():
    text = "People who said the plan would fail now say"
    assert source_before_cue(text, text.index(" say") + 1, 0) is None


def test_a_relative_clause_set_off_by_a_comma_gives_no_object_as_speaker():
    text = "Officials who work in the city of Phoenix, said"
    assert source_before_cue(text, text.index(" said") + 1, 0) is None


def test_the_object_of_a_verb_with_a_relative_clause_is_no_subject():
    text = "The firm hired people who live in Phoenix and said the rents had doubled in two years.\n"
    assert claims(text) == [("The firm", False, "the rents had doubled in two years")]


def test_the_speaker_in_a_relative_clause_after_an_object_is_the_object():
    text = "The firm hired an architect who said the building would need a new roof within a year.\n"
    assert claims(text) == [("an architect", True, "the building would need a new roof within a year")]


def test_a_preposition_before_a_determiner_stays_in_the_phrase():
    text = "“Why did he not pay his taxes this year?” a narrator in the Clinton ad asks.\n"
    assert [name for name, _, _ in claims(text)] == ["a narrator in the Clinton ad"]


@pytest.mark.parametrize("quantifier", ["all", "both", "each"])
def test_a_floating_quantifier_is_no_part_of_the_name(quantifier):
    text = f"Ana Ruiz and Li Wei {quantifier} said the tax cut would mostly help the richest households.\n"
    assert [name for name, _, _ in claims(text)] == ["Ana Ruiz and Li Wei"]


@pytest.mark.parametrize(("subject", "names"), [
    ("Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all",
     "Jeff Merkley and Sherrod Brown and Robert Menendez"),
    ("Sen. Ron Wyden (D-Ore.), Sen. Sherrod Brown (D-Ohio) and Chuck Schumer all",
     "Ron Wyden and Sherrod Brown and Chuck Schumer"),
    ("Sen. Ana Ruiz (D-Ore.) and Li Wei (R-Texas)", "Ana Ruiz and Li Wei"),
])
def test_lawmakers_listed_with_party_tags_speak_together(subject, names):
    text = f"{subject} suggested that the tax cut would mostly help the rich.\n"
    assert claims(text) == [(names, False, "the tax cut would mostly help the rich")]


def test_the_title_before_tagged_lawmakers_is_their_role():
    text = "Sens. Jeff Merkley (D-Ore.) and Sherrod Brown (D-Ohio)"
    found = source_before_cue(text + " said", len(text) + 1, 0)
    assert found is not None
    assert (found[0].name, found[0].role, found[1]) == ("Jeff Merkley and Sherrod Brown", "Sens.", 0)


def test_tagged_lawmakers_after_a_verb_are_its_objects():
    text = "He met Ana Ruiz (D-Ore.) and Li Wei (R-Texas) said the tax cut would help the rich.\n"
    assert claims(text) == []


def test_one_tagged_lawmaker_keeps_the_party_tag_rule():
    text = "Ana Ruiz (D-Ore.) said the tax cut would help the rich and hurt the poor.\n"
    assert claims(text) == [("Ana Ruiz", False, "the tax cut would help the rich and hurt the poor")]


def test_a_lowercase_all_before_a_head_stays():
    text = "All the experts said the bridge would need repairs within five years.\n"
    assert [name for name, _, _ in claims(text)] == ["All the experts"]


def test_a_school_board_is_a_source():
    text = "The school board decided that the district would close three schools next year.\n"
    assert claims(text) == [("The school board", False, "the district would close three schools next year")]


def test_a_board_that_is_an_object_is_no_source():
    text = "He sat on the board and said the district would close three schools next year.\n"
    assert claims(text) == []


@pytest.mark.parametrize("head", ["architect", "administrators", "engineers"])
def test_professions_head_a_source(head):
    text = f"The {head} said the building would need a new roof within a year.\n"
    assert claims(text) == [(f"The {head}", True, "the building would need a new roof within a year")]


def test_a_role_before_a_name_must_name_a_person():
    text = "The ad uses footage of a town, Joe Arpaio,"
    assert source_before_cue(text + " said", len(text) + 1, 0) is None


def test_a_role_that_names_a_person_before_a_name_stays():
    text = "A lawyer for the news outlets, David Schulz,"
    found = source_before_cue(text + " said", len(text) + 1, 0)
    assert found is not None
    assert (found[0].name, found[0].role) == ("David Schulz", "A lawyer for the news outlets")


# A person of unknown gender named before a pronoun speaker --------------------------------

QUOTE = "\n\n“The river has never been this high before,” he said.\n"


def test_a_name_described_by_an_office_is_a_person_a_pronoun_takes_up():
    text = "John Dickey, the chief executive of Ora Media, spoke at length on Monday about the network." + QUOTE
    assert [name for name, _, _ in claims(text)] == ["John Dickey"]


def test_a_place_described_by_the_noun_of_no_person_is_no_antecedent():
    text = "Paris, the capital of France, hosted the summit on Monday with many leaders there." + QUOTE
    assert claims(text) == []


def test_a_surname_that_opens_a_later_sentence_marks_a_person():
    text = "John Dickey has lived in the town for forty years. Dickey was born there." + QUOTE
    assert [name for name, _, _ in claims(text)] == ["John Dickey"]


def test_a_sentence_opener_the_text_also_writes_in_lowercase_marks_no_person():
    text = ("Green Rivers is a town of farms and mills. Rivers rose fast there and the rivers "
            "flooded the fields." + QUOTE)
    assert claims(text) == []


# Groups news names by a share, a closeness or how the writer reached them -------------------

@pytest.mark.parametrize(("subject", "anonymous"), [
    ("A majority of voters", True), ("A handful of aides", True), ("A majority of Republicans", False)])
def test_a_share_of_a_group_is_a_source_headed_by_the_group(subject, anonymous):
    text = f"{subject} say the country is headed in the wrong direction this year.\n"
    assert claims(text) == [(subject, anonymous, "the country is headed in the wrong direction this year")]


@pytest.mark.parametrize("subject", ["The majority of the bill", "A quarter of the budget"])
def test_a_share_of_a_thing_is_no_source(subject):
    text = f"{subject} shows the country is headed in the wrong direction this year.\n"
    assert claims(text) == []


@pytest.mark.parametrize("subject", ["Those close to him", "People close to the president",
                                     "sources close to Ana Ruiz"])
def test_people_close_to_someone_are_an_unnamed_source(subject):
    text = f"As the vote neared, {subject} said the governor will not run for a third term.\n"
    assert claims(text) == [(subject, True, "the governor will not run for a third term")]


def test_a_thing_close_to_someone_is_no_source():
    text = "As the vote neared, the polls close to him said the governor will not run for a third term.\n"
    assert all(name is None or "close" not in name for name, _, _ in claims(text))


def test_a_group_the_writer_interviewed_is_a_source_with_its_clause():
    text = "All the experts I interviewed said the bridge would need repairs within five years.\n"
    assert claims(text) == [("All the experts I interviewed", True,
                             "the bridge would need repairs within five years")]


def test_documents_the_writer_read_are_no_contacted_group():
    text = "The reports I consulted said the bridge would need repairs within five years.\n"
    assert claims(text) == []


# A long subject: people, then where they are ---------------------------------------------

@pytest.mark.parametrize("subject", [
    "Officials at the water plant in the northern part of the state",
    "Residents of the three towns along the river in the north of the state",
])
def test_a_group_with_a_long_place_phrase_is_the_whole_subject(subject):
    text = f"{subject} said the water was safe to drink.\n"
    assert claims(text) == [(subject, True, "the water was safe to drink")]


def test_a_long_subject_after_an_opening_clause_starts_after_its_comma():
    text = "When the storm hit, officials at the water plant in the northern part of the state said"
    found = source_before_cue(text, text.index(" said") + 1, 0)
    assert found is not None
    assert (found[0].name, found[1]) == (
        "officials at the water plant in the northern part of the state", text.index("officials"))


@pytest.mark.parametrize("text", [
    "Officials at the plant expected trouble in the northern part of the state said",  # a verb inside
    "Officials in the city and said",  # a conjunction ends it
    "He praised officials in the north of the state said",  # an object, not a subject
    "The roads in the north of the state said",  # no person heads it
])
def test_a_place_phrase_with_a_verb_or_no_person_head_is_no_long_subject(text):
    assert source_before_cue(text, text.index(" said") + 1, 0) is None


# Each rule looks no further back than the floor it is given, and only where it applies ----

def _before_said(text: str, floor_at: str = "") -> tuple[str, int] | None:
    floor = text.index(floor_at) if floor_at else 0
    found = source_before_cue(text + " said", len(text) + 1, floor)
    return (found[0].name, found[1]) if found else None


@pytest.mark.parametrize(("text", "floor_at", "expected"), [
    ("Sen. Ana Ruiz (D-Ore.) and Li Wei", "Li", ("Li Wei", 27)),
    ("Those close to Ana Ruiz", "Ana", ("Ana Ruiz", 15)),
    ("the experts I interviewed", "I ", None),
    ("Officials who work in Phoenix", "Phoenix", ("Phoenix", 22)),
    ("Officials at the water plant in the north of the state", "the state", None),
])
def test_a_rule_never_reaches_before_the_floor(text, floor_at, expected):
    assert _before_said(text, floor_at) == expected


@pytest.mark.parametrize("text", [
    "The reports I consulted",  # no person heads the contacted group
    "Engineers who in 2019",  # the cue is the relative clause's own verb
    "Engineers who have long",
    "Engineers who repeatedly",
    "Officials who work in Phoenix and",  # the cue is a second verb
    "Firms hired people who live in Phoenix",  # the antecedent is an object
])
def test_no_subject_where_the_subject_rules_do_not_apply(text):
    assert _before_said(text) is None


def test_a_person_noun_before_of_heads_the_phrase():
    speaker = parse_speaker("a spokeswoman of the city")
    assert (speaker.name, speaker.anonymous) == ("a spokeswoman of the city", True)


def test_a_quantifier_after_a_one_word_subject_is_dropped():
    text = "On Monday, Democrats all said the tax cut would mostly help the richest households.\n"
    assert [name for name, _, _ in claims(text)] == ["Democrats"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A police official who asked not to be identified said the suspect had been arrested at home.",
     "A police official"),
    (("A police official, who spoke on condition of anonymity because he was not allowed to speak, "
     "said the suspect had been arrested at home."), "A police official"),
    ("An aide to the mayor who asked not to be named said the suspect had been arrested at home.",
     "An aide to the mayor"),
    ("A lawyer for the family who declined to be quoted by name said the suspect had been arrested at home.",
     "A lawyer for the family"),
])
def test_why_a_source_goes_unnamed_is_no_part_of_its_name(text, speaker):
    assert claims(text) == [(speaker, True, "the suspect had been arrested at home")]


@pytest.mark.parametrize("text", [
    # a relative clause that says something else about the source stays in its name
    "A neighbor who declined to give her name said the suspect had been arrested at home.",
    "A neighbor who lives across the street said the suspect had been arrested at home.",
])
def test_a_relative_clause_about_something_else_stays_with_the_source(text):
    assert [c[0] for c in claims(text)] == [text[:text.index(" said")]]
