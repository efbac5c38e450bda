"""Speaker quality of the offline extractor: no headings, fragments, verbs or days as names, and
pronouns that resolve only to fitting people. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.sourcing import parse_speaker


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker name, evidence) of every attributed claim."""
    briefing = brief_offline(Article(text=text), min_words=0)  # short sentences test each rule
    return [(c.speaker.name, c.evidence) for c in briefing.claims if c.speaker is not None]


def names(text: str) -> list[str]:
    return [name for name, _ in speakers(text)]


def test_section_heading_is_no_speaker_and_no_antecedent():
    text = ("Mayor Ana Ruiz said the bridge would reopen in May.\n\n"
            "The Road Ahead: It was during her first term that the harbor budget doubled.\n\n"
            "She said the city would hire more engineers next year.")
    assert names(text) == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize("label", ["Correction", "CLARIFICATION", "The Latest"])
def test_editorial_labels_are_no_speakers(label):
    text = f"{label}: An earlier version of this story gave the wrong date for the vote.\n"
    assert names(text) == []


def test_transcript_turn_still_names_its_speaker():
    assert names("OKAFOR: We will not close the clinic while I am on the council.\n") == ["OKAFOR"]


def test_singular_pronoun_skips_organisations():
    text = ("Ana Ruiz said the pumps had failed twice.\n\n"
            "The Harbor Commission said the repairs would cost $2 million.\n\n"
            "He said the work would start in June.")
    assert names(text)[-1] == "Ana Ruiz"


def test_pronoun_respects_the_honorific_gender():
    text = ("Mr. Okafor said the pumps had failed twice.\n\n"
            "Ms. Lindqvist said the repairs would start in June.\n\n"
            "“We were warned a year ago,” he said.")
    assert names(text) == ["Mr. Okafor", "Ms. Lindqvist", "Mr. Okafor"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ana Ruiz now says the bridge will reopen in May.", "Ana Ruiz"),
        ("Ana Ruiz further argued that the bridge would need new cables.", "Ana Ruiz"),
        ("The ministry is saying that the bridge will reopen in May.", "The ministry"),
        ("Ana Ruiz on Wednesday said the bridge would reopen in May.", "Ana Ruiz"),
        ("Ana Ruiz last week warned that the bridge would need new cables.", "Ana Ruiz"),
        ("Ana Ruiz today warned that the bridge would need new cables.", "Ana Ruiz"),
        ("Ana Ruiz Monday warned that the bridge would need new cables.", "Ana Ruiz"),
        # a capitalised time word after a capitalised word ends a name
        ("USA Today reported that the bridge would need new cables.", "USA Today"),
        ("Ana Ruiz this morning warned that the bridge would need new cables.", "Ana Ruiz"),
        # an intensifying reflexive is no part of the name
        ("Ana Ruiz herself warned that the bridge would need new cables.", "Ana Ruiz"),
        ("The mayor himself warned that the bridge would need new cables.", "The mayor"),
    ],
)
def test_adverbs_auxiliaries_and_days_are_no_part_of_the_name(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Okafor was accused of hiding the inspection report from the council.",
        "As ever, the interests of member states trump everything else at the assembly.",
        "Twenty-seven states are challenging the rule in court this spring.",
    ],
)
def test_passives_and_fragments_are_no_sources(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, name, content",
    [
        ("Ana Ruiz toured the flooded district and said the pumps had failed.", "Ana Ruiz",
         "the pumps had failed"),
        ("Ana Ruiz, the mayor, visited the plant and warned that the pumps were failing.",
         "Ana Ruiz", "the pumps were failing"),
    ],
)
def test_coordinated_cue_takes_the_sentence_subject(text, name, content):
    assert speakers(text) == [(name, content)]


def test_a_place_before_and_is_no_speaker():
    text = "Ana Ruiz's brother visited the flooded district and said the pumps had failed."
    assert "district and" not in " ".join(names(text))
    assert "Ana Ruiz's" not in names(text)


def test_burst_of_statements_takes_the_verbs_subject():
    text = "Ana Ruiz fired off a string of tweets saying that the council had misled voters."
    assert names(text) == ["Ana Ruiz"]


def test_two_named_sources_together():
    text = "Mr. Okafor and Ms. Lindqvist said the plan would not survive a court challenge."
    assert names(text) == ["Mr. Okafor and Ms. Lindqvist"]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Senator Ana Ruiz, Democrat of Oregon, said the harbor program has sent the wrong message.",
     "Ana Ruiz", "Democrat of Oregon"),
    ("Even Norway, the alliance's closest partner in the north, said it was opposed to the plan.",
     "Norway", "the alliance's closest partner in the north"),
])
def test_a_name_with_a_capitalised_description_speaks(text, name, role):
    briefing = brief_offline(Article(text=text), min_words=0)
    [claim] = briefing.claims
    assert (claim.speaker.name, claim.speaker.role) == (name, role)
    assert not claim.evidence.startswith(name)  # the content follows the cue


def test_a_list_of_names_or_a_day_is_no_described_name():
    # two names in a row are no name and its description; a day is no speaker
    assert names("Ana Ruiz, Lena Okafor, said the harbor program has sent the wrong message.") == []
    assert names("On Monday, a day after the vote, said nothing about the harbor program.") == []


def test_an_inverted_cue_followed_by_a_clause_names_no_speaker():
    # ', said the EB-5 program has sent ...': the words after the cue are a clause, not its
    # source (the appositive 'a Democrat' is lowercase-free, so no other rule takes it)
    text = "Mayor Lena Okafor, Democrat, said the EB-5 program has sent a terrible message."
    assert "the EB-5" not in names(text)
    # its partner: a source followed by a place or a bracket still speaks
    assert names("The talks went well, said one official in the room.") == ["one official"]
    assert names("The tax is a misguided approach, said Mr. Burman (a view many share).") == ["Mr. Burman"]


def test_a_transcript_quoted_whole_still_has_turns():
    # news often quotes a whole transcript, one quotation mark opening each turn's paragraph
    text = ('Partial transcript as follows:\n\n"WALLACE: Let us start with the news on the debate.'
            '\n\n"PENCE: Well, look, the campaign apparently thinks this is an episode of a show.')
    assert speakers(text) == [
        ("WALLACE", "Let us start with the news on the debate"),
        ("PENCE", "Well, look, the campaign apparently thinks this is an episode of a show"),
    ]
    # its partner: inside a quotation mark, a title-case label is a quoted word, not a turn
    assert names('Partial notes:\n\n"Note: this is not a turn in the transcript at all.') == []


def test_a_parenthetical_attribution_covers_its_whole_sentence():
    # ', the agency said in a June report,' sits inside the sentence it attributes
    text = ("The middle fifth paid 8.9 percent, the agency said in a June report, and the "
            "bottom fifth paid 0.8 percent.")
    assert speakers(text) == [("the agency", text.rstrip("."))]
    # its partner: a cue with an adverbial but no parenthesis keeps what follows it
    assert speakers("Ana Ruiz said in a CNN interview that the council would meet again.") == [
        ("Ana Ruiz", "the council would meet again")]


@pytest.mark.parametrize(("text", "content"), [
    ("The president told reporters this weekend he would consider it a personal insult.",
     "he would consider it a personal insult"),
    ("Ana Ruiz said this week the bridge would reopen soon.", "the bridge would reopen soon"),
    ("Ana Ruiz said Yesterdays are gone for the harbor town.", "Yesterdays are gone for the harbor town"),
])
def test_a_lead_in_is_whole_words(text, content):
    # 'this weekend' is a lead-in, not 'this week' followed by content 'end ...'
    assert [evidence for _, evidence in speakers(text)] == [content]


@pytest.mark.parametrize(("text", "name", "role", "content"), [
    ("A 2014 study by Loyola Law School found 31 incidents of fraud out of a billion ballots.",
     "A 2014 study", "by Loyola Law School", "31 incidents of fraud out of a billion ballots"),
    ("A Quinnipiac University poll released in late August found that most voters want the returns.",
     "A Quinnipiac University poll", "released in late August", "most voters want the returns"),
    ("Yet, a study of the harbor showed that the water was cleaner than a decade ago.",
     "a study", "of the harbor", "the water was cleaner than a decade ago"),
])
def test_a_document_that_finds_is_the_source(text, name, role, content):
    [claim] = brief_offline(Article(text=text), min_words=0).claims
    assert (claim.speaker.name, claim.speaker.role, claim.evidence) == (name, role, content)


def test_a_document_inside_a_clause_is_no_source():
    # 'He read the study by Smith and found ...': the reader found it, not the study
    assert "the study" not in names("He read the study by Smith and found the figures were wrong.")


@pytest.mark.parametrize(("phrase", "name", "role", "anonymous"), [
    ("Republicans in Congress", "Republicans in Congress", None, False),
    ("Officials at Homeland Security", "Officials at Homeland Security", None, False),
    ("advisers to Mr. Obama", "advisers to Mr. Obama", None, True),
    ("A spokeswoman for Ana Ruiz", "A spokeswoman for Ana Ruiz", None, True),
    # partners: a title phrase still splits into role and name
    ("Secretary of State John Kerry", "John Kerry", "Secretary of State", False),
    ("Former NATO official Jamie Shea", "Jamie Shea", "Former NATO official", False),
])
def test_a_name_after_a_preposition_is_no_speaker_of_its_own(phrase, name, role, anonymous):
    speaker = parse_speaker(phrase)
    assert (speaker.name, speaker.role, speaker.anonymous) == (name, role, anonymous)


@pytest.mark.parametrize(("text", "content"), [
    ("The first ad could start this week, said Brian Baker, a longtime adviser to the family.",
     "The first ad could start this week"),
    ("The first ad could start this week, said Brian Baker, who oversees the campaign.",
     "The first ad could start this week"),
    # partner: a parenthetical source inside its sentence keeps the whole sentence
    ("Mayor Ana Ruiz spoke on Monday. That is why, she argued, the party should be prepared.",
     "That is why, she argued, the party should be prepared"),
])
def test_a_closing_source_with_a_description_ends_the_content(text, content):
    assert [evidence for _, evidence in speakers(text)] == [content]


def test_a_cue_inside_a_quotation_names_no_source():
    # '"Nobody believes it," a guest shouted': "Nobody" is the quotation's first word, no speaker
    text = "Mayor Ana Ruiz spoke first. “Nobody believes the harbor plan at all here,” a guest shouted."
    assert "Nobody" not in names(text)
    # partner: a quotation after its cue is the speaker's
    assert names("Ana Ruiz said “nobody believes the harbor plan will work at all.”") == ["Ana Ruiz"]


@pytest.mark.parametrize(("text", "name"), [
    ("“Nobody believes the harbor plan at all here,” the mayor shouted.", "the mayor"),
    ("Ana Ruiz cited falling tax receipts as the reason for the cuts to the harbor.", "Ana Ruiz"),
    ("Ana Ruiz reiterated that the harbor would reopen before the summer season.", "Ana Ruiz"),
])
def test_more_cue_verbs_introduce_statements(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(("text", "name", "content"), [
    ("However, 63 percent said the mayor was justified in keeping the report private.",
     "63 percent", "the mayor was justified in keeping the report private"),
    ("Another 19 percent of likely voters said they would not pick either candidate this year.",
     "Another 19 percent of likely voters", "they would not pick either candidate this year"),
])
def test_a_share_of_those_polled_speaks_for_an_unnamed_group(text, name, content):
    [claim] = brief_offline(Article(text=text), min_words=0).claims
    assert (claim.speaker.name, claim.speaker.anonymous, claim.evidence) == (name, True, content)


def test_a_figure_in_the_content_is_no_share_that_speaks():
    # partner: '5 percent' belongs to what the company said, not to who said it
    assert speakers("Sales rose 5 percent, the company said on Monday.") == [("the company", "Sales rose 5 percent")]


@pytest.mark.parametrize("label", ["(D-Ore.)", "(R-Wis.)", "(R)"])
def test_a_party_label_after_a_name_keeps_the_quotation_attributed(label):
    text = (f"“The harbor plan will cost the city far more than anyone admits,” Sen. Ana Ruiz {label} "
            "said. “We should vote it down next week.”\n")
    [(name, evidence)] = speakers(text)
    assert name == "Ana Ruiz"
    assert evidence.startswith("The harbor plan") and evidence.endswith("vote it down next week.")


def test_a_quoted_title_after_a_preposition_is_no_statement():
    # partner: the show's title before the speaker is no quotation of the speaker's; the
    # reported clause after the cue is the claim
    text = ("In an interview on CBS’s “Face the Nation,” House Speaker Ana Ruiz (D-Ore.) said the harbor "
            "plan would cost the city far more than anyone admits.")
    assert "Face the Nation" not in [evidence for _, evidence in speakers(text)]


@pytest.mark.parametrize(("text", "name"), [
    (("Lena Okafor, an adviser to the campaign on tax and budget issues and a professor of law at "
      "the state university, said the harbor plan would cost far more than the city admits."),
     "Lena Okafor"),
    (("Lena Okafor, 59, of Ashton, Md., who watched the vote from the gallery, said the harbor plan "
      "would cost far more than the city admits."), "Lena Okafor"),
    (("Rep. Lena Okafor (D-Md.), chair of the harbor caucus, said the harbor plan would cost far "
      "more than the city admits."), "Lena Okafor"),
    (("A lawyer for the harbor workers, Lena Okafor, said the harbor plan would cost far more than "
      "the city admits."), "Lena Okafor"),
])
def test_a_source_with_a_long_or_comma_rich_description_speaks(text, name):
    assert speakers(text) == [(name, "the harbor plan would cost far more than the city admits")]


def test_two_described_sources_are_not_the_first_alone():
    # partner: 'Ana Ruiz, 59, and her deputy, Li Wei, 41, said' names two sources; the rule must
    # not hand the statement to the first one alone
    text = ("Ana Ruiz, 59, and her deputy, Li Wei, 41, said the harbor plan would cost far more "
            "than the city admits.")
    assert "Ana Ruiz" not in names(text)


@pytest.mark.parametrize(("text", "name"), [
    (("Ana Ruiz said the harbor would reopen, and human rights groups warned that the harbor plan "
      "would displace families."), "human rights groups"),
    (("The case went to Richmond, where restructuring experts say the harbor plan would displace "
      "families."), "restructuring experts"),
    (("Although the plan is new, elected officials from both parties say the harbor plan would "
      "displace families."), "elected officials from both parties"),
])
def test_an_unnamed_group_with_lowercase_modifiers_speaks(text, name):
    assert names(text)[-1] == name


def test_modifiers_without_a_clause_boundary_are_no_part_of_the_group():
    # partner: 'the mayor courted angry rural voters' ends with a verb's object; the words before
    # 'voters' belong to the mayor's clause, not to a source
    for text in ("The mayor courted angry rural voters, officials said after the harbor plan was announced.",
                 "The harbor plan is unpopular across the county, interviews with angry rural voters suggest."):
        assert "angry rural voters" not in " ".join(names(text))


def test_a_split_quotation_with_a_long_source_description_stays_one_claim():
    text = ("“The harbor plan is a spectacular deal for the port,” said Ana Ruiz, a law professor at "
            "the state university who has been involved in cases against the harbor authority since the "
            "1990s. “It sheds every liability it ever had.”\n")
    [(name, evidence)] = speakers(text)
    assert name == "Ana Ruiz"
    assert evidence.startswith("The harbor plan") and evidence.endswith("every liability it ever had.")


def test_narrative_between_two_quotations_keeps_them_apart():
    # partner: a sentence of the writer's own between two quotations of one speaker is no part
    # of either; the two stay two claims
    text = ("“The harbor plan is a spectacular deal for the port,” Ana Ruiz said after the vote. She "
            "did not say when the port would reopen. “It sheds every liability it ever had.”\n")
    evidence = [e for _, e in speakers(text)]
    assert not any("did not say when" in e for e in evidence)


def test_a_quotation_resumed_after_its_attribution_stays_one_claim():
    text = ("“Every time you say that,” Ana Ruiz said, referring to the harbor budget, “you give "
            "ammunition to the people who want to close the port.”\n")
    [(name, evidence)] = speakers(text)
    assert name == "Ana Ruiz"
    assert evidence.startswith("Every time you say that") and evidence.endswith("close the port.")


def test_a_lowercase_quotation_in_a_later_sentence_is_not_the_speaker_resumed():
    # partner: after the attribution's sentence ends, a comma and a lowercase quotation belong to
    # someone else's sentence ('Critics called it, “a waste ...”'), not to Ana Ruiz
    text = ("“Every time you say that,” Ana Ruiz said of the harbor budget. Critics of the plan "
            "answered, in turn, “a waste of money for the whole port.”\n")
    assert not any(name == "Ana Ruiz" and "waste of money" in evidence for name, evidence in speakers(text))


@pytest.mark.parametrize(("text", "name"), [
    ("“The harbor plan is a spectacular deal for the port,” she continued. “It sheds every liability.”",
     "Ana Ruiz"),
    ("“The harbor plan is a spectacular deal for the port,” the letter reads. “It sheds every liability.”",
     "the letter"),
])
def test_continued_and_reads_attribute_the_quotation_before_them(text, name):
    text = "Ana Ruiz said the port would reopen in May after the long strike.\n\n" + text + "\n"
    assert (name, "The harbor plan") in [(n, e[:15]) for n, e in speakers(text)]


def test_continued_before_a_clause_is_no_cue():
    # partner: 'continued' is a cue only right after a quotation; 'Ana Ruiz continued to attack
    # the plan' reports an action, not a statement
    text = "Ana Ruiz continued to attack the harbor plan at every council meeting this spring."
    assert speakers(text) == []


@pytest.mark.parametrize(("text", "name"), [
    (("The city sent a cease-and-desist letter on Thursday. It says the campaign violated state law "
      "by using the harbor photographs."), "the cease-and-desist letter"),
    (("The family released the cellphone video on Friday. It shows an officer aiming a gun at the "
      "driver near the harbor."), "the cellphone video"),
])
def test_it_after_a_named_document_is_that_document(text, name):
    assert names(text) == [name]


def test_it_without_a_document_before_it_speaks_for_no_one():
    # partner: 'it' after a sentence that names no document (here a person) has no antecedent a
    # reader could name; it is neither the person nor a speaker at all
    text = ("Mayor Ana Ruiz opened the harbor on Thursday. It says the campaign violated state law by "
            "using the harbor photographs.")
    assert names(text) == []


@pytest.mark.parametrize(("text", "name"), [
    (("The dispute dragged on, though an arbitration panel in 2001 found the city was in breach "
      "of the harbor agreement."), "an arbitration panel"),
    (("A memorable Ana Ruiz ad in 2008 questioned whether the mayor was prepared to face "
      "emergencies."), "A memorable Ana Ruiz ad"),
])
def test_a_year_between_the_source_and_its_cue_is_no_part_of_the_source(text, name):
    assert names(text) == [name]


def test_a_year_after_a_place_in_another_clause_makes_no_source():
    # partner: 'the storm that struck Boston in 2001 found its way' has no source before the year
    text = "The harbor was rebuilt after the storm that struck Boston in 2001 found its way into the report."
    assert "Boston" not in names(text)


@pytest.mark.parametrize("scene", [
    "at an emotional press conference after the sentencing of the gunman",
    "in the Oval Office, before the talks with the visiting delegation began",
    "after the day-long meeting that was held on a boat on the river",
])
@pytest.mark.parametrize("marks", ["“”", '""'])
def test_where_a_quotation_was_said_is_no_claim_of_its_own(scene, marks):
    opening, closing = marks
    text = (f"The trial ended on Friday.\n\n{opening}The community has spoken,{closing} District Attorney "
            f"Paul Howard said {scene}.")
    assert speakers(text) == [("Paul Howard", "The community has spoken")]  # role: District Attorney


def test_without_a_quotation_before_it_the_cue_still_reports_its_clause():
    # the partner: no quotation before the cue, so the clause after the scene is what was said
    text = "District Attorney Paul Howard said at a press conference that the jury had done its duty well."
    assert speakers(text) == [("Paul Howard", "the jury had done its duty well")]


def test_someone_described_as_her_agent_is_not_the_she_who_speaks_later():
    text = ("Bettie Page died on Thursday.\n\n"
            "Her agent, Mark Roesler, said Page died at a Los Angeles hospital after a heart attack.\n\n"
            "\"I don't want to be photographed in my old age,\" she said in 1998.")
    assert names(text) == ["Mark Roesler", "Bettie Page"]
    # partner: without the owned role the latest speaker of unknown gender is still taken
    text = text.replace("Her agent, Mark Roesler,", "Mark Roesler")
    assert names(text) == ["Mark Roesler", "Mark Roesler"]


@pytest.mark.parametrize("quantifier", ["all", "both"])
def test_a_floating_quantifier_before_a_source_after_an_opening_phrase_keeps_the_clause_start(quantifier):
    text = (f"In Mrs. Clinton's favor, {quantifier} the experts I interviewed said her proposals were more "
            "detailed and transparent than his.")
    assert len(names(text)) == 1 and "experts I interviewed" in names(text)[0]
    # partner: a quantifier after an ordinary word opens no clause
    text = f"He hired {quantifier} the experts I interviewed said her proposals were more detailed than his."
    assert names(text) == []
