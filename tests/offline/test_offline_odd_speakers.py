"""Speakers that are a name or a role, never a broken phrase (issue 19): a cue word that is a
plural noun, a lowercase fragment cut from its determiner, a month or a day after the source, a
participle aside inside the content, and a subject after an opening participle phrase. Each rule
stands beside the partner where the same shape is a right speaker."""

from __future__ import annotations

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.fragments import broken_speaker
from briefing.offline.openings import opening_subject, subject_after_opening
from briefing.offline.plural_cues import PLURAL_NOUN_CUES, plural_noun_cue


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name, evidence) of every claim, in article order."""
    return [(c.speaker.name if c.speaker else None, c.evidence)
            for c in brief_offline(Article(text=text)).claims]


def speakers(text: str) -> list[str | None]:
    return [name for name, _ in claims(text)]


OFFER = "the Boston offer was as high as $184 million over eight years"


# --- a cue word that is a plural noun ---------------------------------------------------------

def test_the_plural_noun_cues_are_pinned():
    assert {"reports", "states", "claims", "notes", "shows"} <= PLURAL_NOUN_CUES
    assert not {"says", "argues", "insists", "said", "warns"} & PLURAL_NOUN_CUES


@pytest.mark.parametrize("phrase", [
    "Various news", "Several", "Many coal", "Two", "Representatives from European",
    "Democrats from coal", "officials from several European", "coal", "news",
    "local news",  # two bare words modify the noun as one does
])
def test_a_plural_subject_makes_the_cue_word_a_noun(phrase):
    assert plural_noun_cue(phrase, "states")
    assert plural_noun_cue(phrase, "reports")


@pytest.mark.parametrize("phrase", [
    "The report", "Ana Ruiz", "Fox News", "the bill", "The agency", "Another slide", "video",
    "Trump unleashed a series of", "the company", "Police", "One official", "her",
    "said local news",  # three bare words hold a verb more often than a modifier
])
def test_a_singular_subject_keeps_the_cue_a_verb(phrase):
    assert not plural_noun_cue(phrase, "states")


@pytest.mark.parametrize("cue", ["says", "said", "argues", "has said", ""])
def test_a_cue_that_is_no_plural_noun_is_never_taken_for_one(cue):
    assert not plural_noun_cue("Various news", cue)


def test_various_news_reports_is_no_speaker_named_various_news():
    text = f"Various news reports late last week pegged {OFFER}.\n"
    assert "Various news" not in speakers(text)
    assert all(name is None for name in speakers(text))


def test_various_news_reports_that_say_something_are_the_speaker():
    text = f"Various news reports said {OFFER}.\n"
    assert claims(text) == [("Various news reports", OFFER)]


def test_reports_alone_stay_a_document_source():
    assert speakers(f"Reports say {OFFER}.\n") == ["Reports"]


@pytest.mark.parametrize("subject", ["The report", "Ana Ruiz", "Fox News", "The agency"])
def test_a_singular_subject_still_states_and_reports(subject):
    for cue in ("states that", "reports that"):
        assert claims(f"{subject} {cue} {OFFER}.\n") == [(subject, OFFER)]


def test_a_plural_subject_with_a_place_is_no_fragment_ending_in_an_adjective():
    text = ("Representatives from European states and international organizations monitor the "
            "elections in Turkmenistan every year.\n")
    assert speakers(text) == []
    said = "Officials from several European states said the offer was as high as $184 million.\n"
    assert speakers(said) == ["Officials from several European states"]


def test_a_plural_noun_before_a_clause_is_a_verb_of_the_opening_subject():
    text = ("A slide from a presentation that his aides carry with them as they speak to business "
            "and political leaders shows what the new car would cost under a 35 percent tariff.\n")
    assert speakers(text) == ["A slide"]


def test_a_plural_opening_subject_is_no_subject_of_an_s_verb():
    text = ("Slides from a presentation that his aides carry with them as they speak to business "
            "and political leaders shows what the new car would cost under a 35 percent tariff.\n")
    assert all(name is None for name in speakers(text))  # the figure is the article's own claim


# --- a lowercase fragment cut from its determiner ----------------------------------------------

@pytest.mark.parametrize("name", [
    "agency", "campaign", "secretary of state", "former president", "aide to the mayor",
    "a good one for the Sixers", "a good one", "the latest one", "",
])
def test_a_broken_phrase_is_no_speaker(name):
    assert broken_speaker(name)


@pytest.mark.parametrize("name", [
    "the agency", "The agency", "officials", "police", "federal data", "exit polls",
    "attorney Kassie Siegel", "spokeswoman for the EB-5 Investment Coalition", "one official",
    "one of the aides", "another one", "her agent", "someone", "sources who reviewed them",
    "information available now", "the one who left", "King", "Long", "Reed", "Senator from Texas",
    "he", "she", "they", "two analysts", "9/11 widows",
])
def test_a_name_a_role_or_a_group_is_a_speaker(name):
    assert not broken_speaker(name)


def test_a_relative_clause_after_a_good_one_gives_no_speaker():
    text = ("The season was supposed to be a good one for the Sixers, who claimed the top free "
            "agent prize in Elton Brand last summer.\n")
    assert "a good one for the Sixers" not in speakers(text)


def test_the_opening_subject_replaces_a_cut_role():
    text = ("Several judges handling federal lawsuits seeking records about her tenure as secretary "
            "of state have cited the upcoming election as a reason to speed release of records.\n")
    assert speakers(text) == ["Several judges"]


def test_a_determiner_keeps_the_role():
    text = "The secretary of state said the upcoming election was a reason to speed release of records.\n"
    assert speakers(text) == ["The secretary of state"]


def test_a_pronoun_after_a_fragment_shape_is_still_resolved():
    text = ("District Attorney Paul Howard said on Monday that he would seek the death penalty in "
            "the case. The frustrated prosecutor gambled on a death penalty when he denied a "
            "Nichols offer a year ago to plead guilty.\n")
    assert claims(text)[1] == ("Paul Howard", "a Nichols offer a year ago to plead guilty")
    assert "The frustrated prosecutor gambled" not in speakers(text)


def test_opening_subject_reads_a_determiner_phrase_or_a_named_plural():
    text = "A slide from a presentation shows what it costs."
    assert opening_subject(text, 0, len(text)).text == "A slide"
    lawsuits = "Freedom of Information Act lawsuits seeking records have cited it."
    assert opening_subject(lawsuits, 0, len(lawsuits)).text == "Freedom of Information Act lawsuits"
    assert opening_subject("Slides from a talk show it.", 0, 20, singular=True) is None
    # a head in -ss is singular ('The address from the mayor shows ...')
    assert opening_subject("The address from the mayor shows it.", 0, 31, singular=True).text == "The address"
    assert opening_subject("The prosecutor gambled on it.", 0, 28) is None  # a verb is no head
    assert opening_subject("When the mayor spoke, he said it.", 0, 30) is None


# --- a time after the source ----------------------------------------------------------------

@pytest.mark.parametrize("time", ["in November", "in early November", "in November 2008",
                                  "since May", "in May 2009"])
def test_a_month_after_the_source_is_no_part_of_it(time):
    text = f"The Indian Navy {time} said it had sunk the pirate mother ship near the coast.\n"
    assert speakers(text) == ["The Indian Navy"]


@pytest.mark.parametrize(("source", "name"), [("Officials in Texas", "Officials in Texas"),
                                            ("Prime Minister Theresa May", "Theresa May"),
                                            ("The Bank of England", "The Bank of England")])
def test_a_place_or_a_name_like_a_month_stays(source, name):
    text = f"{source} said it had sunk the pirate mother ship near the coast.\n"
    assert speakers(text) == [name]


ESCAPE = "A Texas inmate escaped from a prison van near Houston after pulling a gun on two guards"


@pytest.mark.parametrize(("source", "name"), [
    ("a Texas prison statement Monday", "a Texas prison statement"),
    ("a prison statement released Monday", "a prison statement"),
    ("a Texas prison statement", "a Texas prison statement"),
    ("the Texas Department of Criminal Justice", "the Texas Department of Criminal Justice"),
    ("officials on Tuesday", "officials"),
])
def test_according_to_runs_to_its_head_noun_and_drops_the_day(source, name):
    assert speakers(f"{ESCAPE}, according to {source}.\n") == [name]


def test_according_to_a_name_then_plain_words_stays_the_name():
    assert speakers(f"{ESCAPE}, according to Ana Ruiz speaking very loudly today.\n") == ["Ana Ruiz"]


# --- a participle aside inside the content -----------------------------------------------------

def test_a_participle_set_off_by_commas_before_a_predicate_is_the_content():
    text = "Officials said the city, urging residents to leave, closed the bridge on Monday.\n"
    assert claims(text) == [
        ("Officials", "the city, urging residents to leave, closed the bridge on Monday")]


def test_a_participle_at_the_end_is_the_speakers_next_act():
    text = ("Officials said the city closed the bridge on Monday, urging residents to leave their "
            "homes before the storm.\n")
    assert claims(text) == [("Officials", "the city closed the bridge on Monday"),
                            ("Officials", "residents to leave their homes before the storm")]


def test_a_participle_of_saying_before_that_stays_a_second_cue():
    text = ("Officials said the city closed the old bridge, adding that the road, repaired in May, "
            "was safe.\n")
    assert claims(text) == [("Officials", "the city closed the old bridge"),
                            ("Officials", "the road, repaired in May, was safe")]


# --- a subject after an opening participle phrase ----------------------------------------------

def test_the_subject_after_an_opening_participle_phrase_speaks():
    text = ("Chastened by the analyses, as well as complaints over the plan’s costs, Trump revised "
            "his plan, promising to focus more of its benefits on average Americans.\n")
    assert claims(text) == [("Trump", "to focus more of its benefits on average Americans")]


def test_an_opening_phrase_with_no_subject_after_it_gives_no_speaker():
    text = ("Chastened by the analyses, as well as complaints over the plan’s costs, the revised "
            "plan, promising to focus more of its benefits on average Americans.\n")
    assert all(name not in {"Chastened", None} for name in speakers(text))


def test_subject_after_opening_needs_an_opener_and_a_verb():
    text = "Chastened by the analyses, which showed costs, Trump revised his plan, promising more."
    assert subject_after_opening(text, 0, text.index(", promising")).text == "Trump"
    named = "Chastain visited the plant, Trump revised his plan, promising more."
    assert subject_after_opening(named, 0, named.index(", promising")) is None  # a name opens it


def test_a_name_that_opens_the_sentence_stays_the_subject():
    text = "Ana Ruiz visited the site on Monday, saying the plant would reopen within a month.\n"
    assert claims(text) == [("Ana Ruiz", "the plant would reopen within a month")]


def test_hostile_long_input_stays_fast_and_gives_no_fragment():
    text = ("Various news reports " * 2000) + "said the offer was high. " + ("agency " * 5000) + "said so.\n"
    names = speakers(text)
    assert "agency" not in names and "Various news" not in names


# --- a time at a speaker's end, and a share of a pronoun ---------------------------------------

@pytest.mark.parametrize(("phrase", "name"), [
    ("scientists with biological expertise and three scientific societies today",
     "scientists with biological expertise and three scientific societies"),
    ("officials on Monday", "officials"), ("aides last week", "aides"), ("the police on Friday", "the police"),
    ("USA Today", "USA Today"), ("Joe Friday", "Joe Friday"), ("Ana Ruiz", "Ana Ruiz"),
])
def test_a_time_at_the_end_of_a_source_phrase_is_no_part_of_its_name(phrase, name):
    from briefing.offline.sourcing import parse_speaker

    assert parse_speaker(phrase).name == name


def test_a_placed_group_drops_the_day_it_spoke():
    text = ("In a letter, independent scientists with biological expertise and three scientific "
            "societies today called on the Interior Department to overturn rule changes made in January.\n")
    assert speakers(text) == ["independent scientists with biological expertise and three scientific societies"]


@pytest.mark.parametrize("name", ["One of them", "some of us", "Two of those"])
def test_a_share_of_a_pronoun_is_no_speaker(name):
    assert broken_speaker(name)


@pytest.mark.parametrize("name", ["One of the aides", "some of the officials", "one of them all"])
def test_a_share_of_a_named_group_is_a_speaker(name):
    assert not broken_speaker(name)


@pytest.mark.parametrize(("opening", "name"), [("Mr. Donald Trump’s strategy", "Donald Trump"),
                                               ("Mr. Donald Trump's strategy", "Donald Trump"),
                                               ("Mr. Donald Jones’s strategy", "Donald Jones"),
                                               ("Mr. Donald Jones", "Donald Jones")])
def test_a_pronoun_never_resolves_to_a_possessive(opening, name):
    text = f"{opening} tonight was to attack. He said the country was in very bad shape after eight years.\n"
    assert speakers(text) == [name]


@pytest.mark.parametrize(("first", "name"), [("Ironically", "Nichols"), ("Typically", "Nichols"),
                                             ("Kimberly", "Kimberly Nichols"),
                                             ("Beverly", "Beverly Nichols"), ("Kelly", "Kelly Nichols")])
def test_an_opening_adverb_is_no_first_name(first, name):
    text = f"{first} Nichols said the plant would reopen within a month of the storm.\n"
    assert speakers(text) == [name]


@pytest.mark.parametrize("contracted", ["She'd", "She’d", "She'll", "She’ll"])
def test_a_contracted_pronoun_resolves_like_the_pronoun(contracted):
    text = (f"Mrs. Ana Ruiz runs the studio. {contracted} argued that the movie will play longer and "
            "stronger in theaters.\n")
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("contracted", ["I've", "We've", "You'd", "He'll"])
def test_a_contracted_pronoun_is_never_the_speakers_name(contracted):
    text = f"{contracted} argued that the movie will play longer and stronger in theaters.\n"
    assert speakers(text) == []  # no one named before: the speaker is unknown, never "He'll"


@pytest.mark.parametrize("name", ["Not everyone", "No one", "Nobody", "None of the aides"])
def test_a_negative_subject_is_no_speaker(name):
    assert broken_speaker(name)


@pytest.mark.parametrize("name", ["Noah Greenwald", "Nobel committee", "Norman Ham", "Noone"])
def test_a_name_that_starts_like_a_negative_is_a_speaker(name):
    assert not broken_speaker(name)


def test_not_everyone_finds_is_the_writers_own_claim():
    text = "Not everyone finds that pitch or Mr. Obama's remarks compelling, especially given the history.\n"
    assert speakers(text) == []


def test_a_name_used_as_a_modifier_runs_on_to_its_head_noun():
    text = ("Scott is one of at least 707 people shot and killed by police so far this year, according "
            "to a Washington Post database tracking such deaths.\n")
    assert speakers(text) == ["a Washington Post database tracking such deaths"]
    plain = ("Scott is one of at least 707 people shot and killed by police so far this year, according "
             "to The Washington Post.\n")
    assert speakers(plain) == ["The Washington Post"]


@pytest.mark.parametrize(("opening", "name"), [
    ("Democratic presidential nominee Hillary Clinton", "Hillary Clinton"),
    ("Former longtime adviser Ana Ruiz", "Ana Ruiz"),
    ("Ana Ruiz", "Ana Ruiz"),
])
def test_a_capitalised_modifier_before_a_description_and_a_name(opening, name):
    text = (f"{opening} chimed in on Twitter, saying that Charlotte officials should release the videos "
            "without delay.\n")
    assert speakers(text) == [name]


def test_a_dateline_is_no_person_a_pronoun_could_stand_for():
    text = ("Published May 05, 2010\n\nThe Greek prime minister has denounced what he called the "
            "murder of three bank workers killed in the riots.\n")
    assert "Published May" not in speakers(text)
    named = ("Mrs. Ana May arrived in Athens on Monday for talks.\n\nShe has denounced what she called "
             "the murder of three bank workers killed in the riots.\n")
    assert speakers(named) == ["Ana May"]  # a name with a month's word stays a name


@pytest.mark.parametrize("end", [", one of six women on the jury.", "."])
def test_a_number_after_no_belongs_to_the_name(end):
    text = f'"Everyone was respectful and calm in the room," said Juror No. 8{end}\n'
    assert speakers(text) == ["Juror No. 8"]


def test_a_number_after_a_name_is_no_part_of_it():
    text = '"Everyone was respectful and calm in the room," said Ana Ruiz. 8 jurors agreed with her.\n'
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("source", ['"The Hollywood Reporter"', "“The Hollywood Reporter”", "The Hollywood Reporter"])
def test_title_marks_around_an_according_to_source_are_no_part_of_it(source):
    text = f"According to {source}, Gary Ross is in the negotiation stages for the sequel.\n"
    assert speakers(text) == ["The Hollywood Reporter"]
