"""Where reported content starts and ends at its edges: a closing attribution with an audience,
a place or the perfect ('..., Sen. Ana Ruiz (D-Ore.) told The Huffington Post on Thursday.',
'..., The Post has learned.'), content that runs into the speaker's next act ('..., encouraging
his supporters to ...'), and the writer's gloss after a final name ('..., the presumed
favorite.'). Every sentence is written for the test; each rule stands beside its adversarial
partner: a negation, the same shape where the cut would be wrong, huge input."""

from __future__ import annotations

import time

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.intentions import next_act


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name or None, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.evidence) for c in briefing.claims]


CONTENT = "The city could embrace a clean energy policy next year"


# A closing attribution with an audience, a place, the perfect ------------------------------------

@pytest.mark.parametrize("closing", [
    "Sen. Ana Ruiz (D-Ore.) told The Huffington Post on Thursday",
    "Sen. Ana Ruiz (R-S.C.) told reporters",
    "Ana Ruiz told the crowd",
    "Ana Ruiz said in an interview with CNN on Sunday",
    "Ana Ruiz said at a rally in Colorado Springs",
    "Ana Ruiz has said",
    "Ana Ruiz had told reporters",
])
def test_a_closing_source_with_an_audience_or_a_place_takes_the_clause_before(closing):
    assert claims(f"{CONTENT}, {closing}.\n") == [("Ana Ruiz", CONTENT)]


@pytest.mark.parametrize("source", ["The Post has learned", "The Post learned", "the newspaper has reported",
                                    "the paper reported", "officials have confirmed"])
def test_a_closing_source_in_the_perfect_or_that_learned_it(source):
    name = source.rsplit(" ", 2)[0] if " has " in source or " have " in source else source.rsplit(" ", 1)[0]
    assert claims(f"{CONTENT}, {source}.\n") == [(name, CONTENT)]


def test_the_closing_speaker_leaves_the_party_tag_out():
    briefing = brief_offline(Article(text=f"{CONTENT}, Sen. Ana Ruiz (D-Mass.) told CNN.\n"))
    speaker = briefing.claims[0].speaker
    assert speaker is not None and speaker.name == "Ana Ruiz" and "(" not in (speaker.role or "")


def test_a_closing_pronoun_in_the_pluperfect_takes_the_person_named_before():
    text = f"Ana Ruiz, the mayor, spoke on Monday. {CONTENT}, she had said.\n"
    assert claims(text) == [("Ana Ruiz", CONTENT)]


@pytest.mark.parametrize("closing", [
    "Ana Ruiz did not tell reporters",       # a negation: nothing was said
    "Ana Ruiz never told The Huffington Post",
])
def test_a_negated_closing_source_attributes_nothing(closing):
    assert claims(f"{CONTENT}, {closing}.\n") == []


@pytest.mark.parametrize("rest", ["in March the mayor would resign", "in March profits fell sharply overseas",
                                  "on Monday that she would resign soon"])
def test_a_clause_after_a_closing_cue_is_no_place(rest):
    # the sentence's content is after the cue, never the clause before it
    found = claims(f"{CONTENT}, officials said {rest}.\n")
    assert all(evidence != CONTENT for _, evidence in found)


def test_a_prepositional_object_after_another_verb_is_no_place():
    # 'responded to the call' is what the police did, not where they said it
    text = "The blast came several hours after a threatening phone call, and the police responded to the call.\n"
    assert claims(text) == []


def test_an_inverted_source_with_a_place_keeps_its_own_reading():
    text = "The election of the new parliament ended on Sunday as planned, said reports from Ashgabat, the capital.\n"
    assert claims(text) == [("reports from Ashgabat", "The election of the new parliament ended on Sunday as planned")]


def test_learned_in_the_middle_of_a_sentence_is_no_closing_source():
    # 'has learned' closes a sentence; 'A, the city has learned to live with B' is a clause of its own
    text = "After the flood, the city has learned to live with water in its streets every spring.\n"
    assert claims(text) == []


def test_a_long_run_after_a_closing_cue_stays_fast():
    text = f"{CONTENT}, Ana Ruiz told reporters" + " in the city of Paris" * 20000 + ".\n"
    started = time.perf_counter()
    brief_offline(Article(text=text))
    assert time.perf_counter() - started < 5


# The writer's gloss after a final name -----------------------------------------------------------

@pytest.mark.parametrize(("sentence", "speaker", "content"), [
    ("Ana Ruiz said she did not support Mr. Trump, the presumed Putin favorite.",
     "Ana Ruiz", "she did not support Mr. Trump"),
    ("Critics say the money could be better spent in partnership with NATO, the existing military alliance.",
     "Critics", "the money could be better spent in partnership with NATO"),
    ("Ana Ruiz said the tour would start next spring in Lima, a city of ten million.",
     "Ana Ruiz", "the tour would start next spring in Lima"),
])
def test_a_final_appositive_after_a_name_is_the_writers_gloss(sentence, speaker, content):
    assert claims(sentence + "\n") == [(speaker, content)]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz said the tour would visit Lima, the capital, and Cusco next spring.",   # a list
    "Ana Ruiz said the tour would visit Lima, the capital, before it goes north.",    # in the middle
    "Ana Ruiz said the tour would visit the old capital, a city of ten million.",     # no name before
    "Ana Ruiz said the tour would visit Lima, the capital of Peru, in late March.",   # more after it
])
def test_an_appositive_that_does_not_close_the_content_after_a_name_is_kept(sentence):
    content = sentence.removeprefix("Ana Ruiz said ").removesuffix(".")
    assert claims(sentence + "\n") == [("Ana Ruiz", content)]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz said the trade was a mistake, that unlike Phoenix, the team has missed its old offense.",
    "Ana Ruiz said the tour would visit Lima, the team crushed its rivals there.",
    "Ana Ruiz said the tour would visit Lima, the city she loves most of all.",
])
def test_a_final_clause_after_a_name_is_no_gloss(sentence):
    content = sentence.removeprefix("Ana Ruiz said ").removesuffix(".")
    assert claims(sentence + "\n") == [("Ana Ruiz", content)]


def test_a_gloss_after_a_name_with_a_party_tag_is_cut_after_the_tag():
    text = "Ana Ruiz said the governor would have to consider Rep. Don Beyer (D-Va.), a former lieutenant governor.\n"
    assert claims(text) == [("Ana Ruiz", "the governor would have to consider Rep. Don Beyer (D-Va.)")]


def test_a_bracket_that_is_no_party_tag_keeps_the_appositive():
    text = "Ana Ruiz said the governor would have to consider the old (and tired) party, a former powerhouse.\n"
    assert claims(text) == [("Ana Ruiz", "the governor would have to consider the old (and tired) party, a former powerhouse")]


def test_a_gloss_is_cut_only_when_it_ends_the_sentence_the_content_ends():
    # a closing source after the gloss: the content is cut by the closing rule, the gloss kept
    text = "The tour would visit the market in Lima, the capital, Ana Ruiz said on Monday.\n"
    assert claims(text) == [("Ana Ruiz", "The tour would visit the market in Lima, the capital")]


def test_a_negated_cue_before_a_gloss_gives_nothing():
    assert claims("Ana Ruiz did not say she would support Mr. Trump, the presumed favorite.\n") == []


def test_many_appositives_stay_fast():
    text = "Ana Ruiz said the tour would visit " + "Lima, the capital, " * 20000 + "and Cusco, the old capital.\n"
    started = time.perf_counter()
    found = claims(text)
    assert time.perf_counter() - started < 5
    assert found and found[0][1].endswith("and Cusco")


# Content that runs into the speaker's next act ---------------------------------------------------

def test_a_request_participle_after_the_content_is_the_speakers_next_act():
    text = "Ana Ruiz said the voting system was rigged against her party, encouraging her supporters to watch polling places.\n"
    assert claims(text) == [
        ("Ana Ruiz", "the voting system was rigged against her party"),
        ("Ana Ruiz", "her supporters to watch polling places"),
    ]
    statements = [c.statement for c in brief_offline(Article(text=text)).claims]
    assert statements[1] == "Ana Ruiz encourages her supporters to watch polling places"


def test_a_coordinated_request_in_the_cues_tense_is_the_speakers_next_act():
    text = "Ana Ruiz tweeted that the former contestant was a fraud and a liar and encouraged Americans to watch the old tape.\n"
    assert claims(text) == [
        ("Ana Ruiz", "the former contestant was a fraud and a liar"),
        ("Ana Ruiz", "Americans to watch the old tape"),
    ]


@pytest.mark.parametrize("sentence", [
    # another tense than the cue's: the content's own subject may be the one who encourages
    "Ana Ruiz says the firm sued the city last year and encouraged the court to award damages.",
    # set off by commas inside the content: it may belong to the content's subject
    "Ana Ruiz said the city, encouraging residents to leave, closed its schools on Monday.",
    # after a form of "be", inside the content: the mayor's act
    "Ana Ruiz said the mayor was encouraging residents to leave the city before the storm.",
    # no object and infinitive: no request
    "Ana Ruiz said the plan failed badly last year, encouraging more protests in the capital.",
])
def test_an_act_that_may_belong_to_the_content_is_kept_in_it(sentence):
    content = sentence.removeprefix("Ana Ruiz says ").removeprefix("Ana Ruiz said ").removesuffix(".")
    assert claims(sentence + "\n") == [("Ana Ruiz", content)]


def test_a_request_participle_after_a_closing_source_ends_the_content_before_the_source():
    text = "The voting system was rigged against his party, Ana Ruiz said, encouraging her supporters to watch polling places.\n"
    assert claims(text) == [("Ana Ruiz", "The voting system was rigged against his party")]


def test_a_clause_after_a_closing_source_keeps_the_whole_sentence():
    # its partner: the sentence goes on after the parenthesised source, with no act
    text = "The voting system, Ana Ruiz said, was encouraging fraud in every county of the state.\n"
    assert claims(text) == [("Ana Ruiz", "The voting system, Ana Ruiz said, was encouraging fraud in every county of the state")]


def test_a_negated_cue_before_an_act_gives_no_words():
    # 'did not say' is no cue; the request itself is still the subject's act
    text = "Ana Ruiz did not say the system was rigged, encouraging her supporters to watch polling places.\n"
    assert all(evidence != "the system was rigged" for _, evidence in claims(text))


def test_many_coordinated_requests_stay_fast():
    text = "the plan was bad" + " and encouraged voters to stay home" * 20000 + ", encouraging them to wait"
    started = time.perf_counter()
    act = next_act(text, 0, len(text), "said")
    assert time.perf_counter() - started < 2
    assert act is not None and act.start == len("the plan was bad") and act.verb == "encouraged"
    assert next_act(text, 0, len(text), "says") is not None  # the participle at the end still cuts
    assert next_act(text, 0, len(text), "says").verb == "encouraging"  # type: ignore[union-attr]


# A sentence that opens with a quotation and goes on in the writer's words ------------------------

def test_a_quotation_the_writer_goes_on_from_is_a_paraphrase_of_the_closing_source():
    text = "“The only way Wall Street will change is if executives face jail time” for fraud, Ana Ruiz said.\n"
    assert claims(text) == [
        ("Ana Ruiz", "“The only way Wall Street will change is if executives face jail time” for fraud")]


@pytest.mark.parametrize("text", [
    "“The only way Wall Street will change is if executives face jail time,” Ana Ruiz said.\n",
    '"The only way Wall Street will change is if executives face jail time," Ana Ruiz said.\n',
])
def test_a_whole_quotation_before_its_source_stays_a_direct_quote(text):
    briefing = brief_offline(Article(text=text))
    assert [(c.speaker.name if c.speaker else None, c.evidence, c.direct_quote) for c in briefing.claims] == [
        ("Ana Ruiz", "The only way Wall Street will change is if executives face jail time", True)]


def test_a_described_source_after_a_quotation_is_no_paraphrase():
    # the words after the quotation describe the source; they are no content
    text = '"We need a new bridge over the river," Ana Ruiz, who chairs the committee, told reporters.\n'
    assert claims(text) == [("Ana Ruiz", "We need a new bridge over the river")]


def test_a_quotation_that_never_closes_stays_fast():
    text = "“" + "the plan will fail and " * 20000 + "soon, Ana Ruiz said.\n"
    started = time.perf_counter()
    brief_offline(Article(text=text))
    assert time.perf_counter() - started < 5


# 'according to' a source with an abbreviation ----------------------------------------------------

@pytest.mark.parametrize(("source", "speaker"), [
    ("the U.S. Census Bureau", "the U.S. Census Bureau"),
    ("Dr. Ana Ruiz", "Dr. Ana Ruiz"),
    ("OSP Lt. Ana Ruiz", "Ana Ruiz"),
])
def test_a_closing_according_to_source_may_hold_an_abbreviation(source, speaker):
    assert claims(f"{CONTENT}, according to {source}.\n") == [(speaker, CONTENT)]


def test_the_final_period_still_ends_an_according_to_source():
    assert claims(f"{CONTENT}, according to Ana Ruiz.\n") == [("Ana Ruiz", CONTENT)]


def test_a_period_that_ends_a_sentence_is_no_abbreviation_of_the_source():
    # two sentences: the second is no part of the first one's source
    text = f"{CONTENT}, according to the city. The mayor left on Monday for a long trip abroad.\n"
    assert claims(text) == [("the city", CONTENT)]


# A share of an antecedent as the source ----------------------------------------------------------

@pytest.mark.parametrize("share", ["many", "some", "most", "all", "both"])
def test_a_share_of_the_antecedent_speaks_for_it(share):
    text = f"The board met with dozens of local farmers, {share} of whom said the new rules would ruin their business.\n"
    assert claims(text) == [("local farmers", "the new rules would ruin their business")]


@pytest.mark.parametrize("share", ["none", "few"])
def test_no_share_or_few_of_the_antecedent_says_nothing_for_it(share):
    text = f"The board met with dozens of local farmers, {share} of whom said the new rules would ruin their business.\n"
    assert claims(text) == []


def test_a_share_that_does_not_speak_gives_nothing():
    text = "Turnout reached a record in the election for the candidates, all of whom support the policies of the president.\n"
    assert claims(text) == []


def test_an_audience_of_a_title_and_a_full_name_ends_at_that():
    text = "Ana Ruiz told Superior Court Judge James R. Dabney that the client had checked into the clinic."
    assert claims(text) == [("Ana Ruiz", "the client had checked into the clinic")]
    # partner: with no "that", a long capitalised run is not read as an audience (it may hold the
    # content's own subject)
    text = "Ana Ruiz told Superior Court Judge James R. Dabney the client had checked into the clinic."
    assert all(not evidence.startswith("the client") for _, evidence in claims(text))


def test_a_quotation_closed_before_a_pronoun_source_ends_the_reported_clause():
    text = ("Ana Ruiz said she felt the amendment was worth a film because “most people do not know "
            "about that loophole,” she said.")
    content = "she felt the amendment was worth a film because “most people do not know about that loophole"
    assert claims(text)[0] == ("Ana Ruiz", content)
    # partner: a quoted phrase inside the clause, with no source after it, stays in the content
    text = "Ana Ruiz said the plan, which she called “a fair deal for everyone,” would pass next week."
    assert claims(text) == [("Ana Ruiz", "the plan, which she called “a fair deal for everyone,” would pass next week")]


# A clause boundary before a capitalised word: names open clauses as pronouns do --------------

@pytest.mark.parametrize(("text", "expected"), [
    # the writer's main clause after a subordinate one that holds the cue
    ("Although Ana Ruiz said the plan was fair to every family in the city, Mayor Lopez refused to sign it.",
     [("Ana Ruiz", "the plan was fair to every family in the city")]),
    # the writer's contrast with a named subject
    ("Ana Ruiz said the plan was fair to every family in the city, but Lopez refused to sign it.",
     [("Ana Ruiz", "the plan was fair to every family in the city")]),
    # a closing source described by a capitalised appositive
    ("The plan will cost the city far more than the council expected, said Ana Ruiz, Mexico’s finance minister.",
     [("Ana Ruiz", "The plan will cost the city far more than the council expected")]),
    # a request coordinated with the cue, inside the subordinate clause
    (("Though Ana Ruiz called the plan unfair to many families and called for the costs to be clawed back "
      "from the builders, Lopez signed it."),
     [("Ana Ruiz", "the plan unfair to many families"),
      ("Ana Ruiz", "the costs to be clawed back from the builders")]),
])
def test_a_clause_that_opens_with_a_name_ends_the_content(text, expected):
    assert claims(text) == expected


def test_a_lowercase_word_after_the_comma_opens_no_clause():
    # partner: ', but only for ...' is no new clause, and the content runs on
    text = "Ana Ruiz said the plan was fair to every family in the city, but only for a year or two."
    assert claims(text) == [("Ana Ruiz", "the plan was fair to every family in the city, but only for a year or two")]


# When it was said, an aside after the cue ------------------------------------------------------

@pytest.mark.parametrize("when", ["hours after the vote", "a couple of hours after the vote",
                                  "two days later", "an hour before the court hearing", "days earlier"])
def test_a_time_after_the_cue_is_no_content(when):
    text = f"Ana Ruiz said {when} that the harbor would stay closed to all traffic until the spring."
    assert claims(text) == [("Ana Ruiz", "the harbor would stay closed to all traffic until the spring")]


def test_a_time_phrase_takes_no_word_of_the_content():
    # partner: with no "that", a determiner after the time's noun opens the content
    text = "Ana Ruiz said hours after the vote the harbor would stay closed to all traffic until the spring."
    assert claims(text) == [("Ana Ruiz", "the harbor would stay closed to all traffic until the spring")]


def test_a_dash_aside_right_after_the_cue_is_no_content():
    text = "Ana Ruiz said — and the mayor agreed — that the harbor would stay closed to all traffic until May."
    assert claims(text) == [("Ana Ruiz", "the harbor would stay closed to all traffic until May")]
    # partner: an aside inside the content stays in it
    text = "Ana Ruiz said the vote — the third this year — was rigged from the start by the harbor board."
    assert claims(text) == [("Ana Ruiz", "the vote — the third this year — was rigged from the start by the harbor board")]


def test_a_quotation_after_a_dash_aside_is_the_claim_and_the_aside_keeps_its_own():
    text = ("Ana Ruiz told The Post hours after a court hearing — where the lawyer Li Wei said the client "
            "was “ensconced in the bosom” of the clinic — “I hear she is on her way back to New York.”")
    assert claims(text) == [("Li Wei", "the client was “ensconced in the bosom” of the clinic"),
                            ("Ana Ruiz", "I hear she is on her way back to New York")]


def test_an_inverted_attribution_after_a_quotation_ends_the_content():
    # a missing space ('life, "said') or none missing: the quotation closes before its source
    text = ("In his own words, Ana Ruiz said it is not his nature to stay in jail for the rest of his "
            'life, "said Li Wei, daughter of the slain reporter.')
    assert claims(text)[0] == ("Ana Ruiz", "it is not his nature to stay in jail for the rest of his life")
    # partner: a quoted phrase that no inverted cue follows stays in the content
    text = 'Ana Ruiz said the plan was "fair and good for the city" and would pass next week.'
    assert claims(text) == [("Ana Ruiz", 'the plan was "fair and good for the city" and would pass next week')]


def test_a_parenthetical_attribution_is_no_part_of_the_statement():
    from briefing.offline import brief_offline as brief

    text = "The nuclear test, Pyongyang said on Monday, was a complete success for the whole nation."
    (claim,) = brief(Article(text=text)).claims
    assert claim.evidence == text[:-1]  # the evidence stays the verbatim sentence
    assert claim.statement == "Pyongyang: The nuclear test was a complete success for the whole nation"
    assert [text[p.start:p.end] for p in claim.parts] == ["The nuclear test", "was a complete success for the whole nation"]
    text = ('The first movie was "a terrible experience," says a source close to the talks, because the '
            "studio does not pay seasoned directors.")
    (claim,) = brief(Article(text=text)).claims
    assert claim.statement.split(": ", 1)[1] == ('The first movie was "a terrible experience," because the '
                                                 "studio does not pay seasoned directors")
    # between two phrases (not a subject and its verb) the comma stays
    text = "Instead, navy sources said, the pirates tied their skiffs to the mother vessel and waited."
    (claim,) = brief(Article(text=text)).claims
    assert claim.statement == "navy sources: Instead, the pirates tied their skiffs to the mother vessel and waited"
    text = "The council chose plan B, officials said on Monday, offering a reward for the missing files."
    (claim,) = brief(Article(text=text)).claims
    assert claim.statement == "officials: The council chose plan B, offering a reward for the missing files"
