"""Offline attribution that reads like a reporter (issue 19): continuation and multi-paragraph
quotes, pronoun speakers, speaker phrases that end where the name ends, nested attribution,
speaker names merged within an article, and no fragments. Every sentence here is written for the
test; each rule has its adversarial partner beside it."""

from __future__ import annotations

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.text.marks import find_quotes


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name or None, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.evidence) for c in briefing.claims]


# Multi-paragraph quotations -------------------------------------------------------------------

def test_a_quotation_over_paragraphs_is_one_claim_with_the_speaker_named_at_its_end():
    text = ("“We have waited for years for this bridge to open to traffic.\n\n"
            "“Now it is here and the whole valley will use it every day,” said Ana Ruiz, the mayor.\n")
    evidence = ("We have waited for years for this bridge to open to traffic.\n\n"
                "“Now it is here and the whole valley will use it every day")
    assert claims(text) == [("Ana Ruiz", evidence)]


def test_a_quotation_over_paragraphs_takes_the_speaker_named_at_its_start():
    text = ("Lena Okafor said: “We have waited for years for this bridge to open.\n\n"
            "“Now it is here and the whole valley will use it every day.”\n")
    [(name, evidence)] = claims(text)
    assert name == "Lena Okafor" and evidence.endswith("every day.")


def test_a_stray_mark_of_another_kind_does_not_run_on():
    # a typed mark left open, then a typeset quotation: two things, not one quotation
    text = ('"The council met for three hours on Monday night.\n\n'
            "“We will rebuild the school before winter comes,” said Ana Ruiz, the mayor.\n")
    quotes = find_quotes(text)
    assert [q.runs_on for q in quotes] == [False]
    assert claims(text) == [("Ana Ruiz", "We will rebuild the school before winter comes")]


# Continuation quotes and pronoun speakers -----------------------------------------------------

def test_a_continuation_quote_takes_the_resolved_speaker_of_the_paragraph_before():
    text = ("Amira Haddad, a teacher, sheltered at the school with her children.\n\n"
            "“We escaped death in our house, but it pursued us to the school,” she said.\n\n"
            "“What can we do? Where should we go?”\n")
    assert claims(text) == [
        ("Amira Haddad", "We escaped death in our house, but it pursued us to the school"),
        ("Amira Haddad", "What can we do? Where should we go?"),
    ]


def test_a_pronoun_with_no_person_named_before_it_is_no_speaker():
    # only an anonymous group before "she": the speaker is unknown, and the claim is left out
    text = ("The shelter was hit on Monday night, officials said.\n\n"
            "“We escaped death in our house, but it pursued us to the school,” she said.\n\n"
            "“What can we do? Where should we go?”\n")
    assert claims(text) == [("officials", "The shelter was hit on Monday night")]


def test_a_pronoun_takes_the_person_named_as_a_sentences_subject_when_no_speaker_fits():
    text = ("President Vladimir Putin visited the shipyard on Monday.\n\n"
            "He said the yard would build four new ferries by 2027.\n")
    assert claims(text) == [("Vladimir Putin", "the yard would build four new ferries by 2027")]


def test_a_person_named_after_a_preposition_is_no_antecedent():
    text = ("In an interview with Lena Okafor, Gen. Norman Ham spoke about his last posting.\n\n"
            "“It was demoralizing to work under those rules,” he said.\n")
    assert claims(text) == [("Norman Ham", "It was demoralizing to work under those rules")]


def test_the_last_named_speaker_wins_over_a_person_merely_mentioned():
    text = ("“The budget is balanced for the first time in a decade,” Mr. Okafor said.\n\n"
            "Ana Ruiz was not at the meeting.\n\n"
            "“We will keep it that way for as long as I am here,” he said.\n")
    assert [name for name, _ in claims(text)] == ["Mr. Okafor", "Mr. Okafor"]


def test_they_takes_the_last_group_and_is_unknown_without_one():
    with_group = ("The Harbor Commission said the repairs would cost $2 million.\n\n"
                  "They said the work would start in June next year.\n")
    assert [n for n, _ in claims(with_group)] == ["The Harbor Commission", "The Harbor Commission"]
    assert claims("They said the work would start in June next year.\n") == []


# Speaker names merged within an article -------------------------------------------------------

def test_case_variants_surnames_and_short_names_are_merged():
    text = ("SEACOM said the cable was cut near the coast on Sunday.\n\n"
            "Seacom said repairs would take at least three weeks.\n\n"
            "President Vladimir Putin said the talks with Kyiv would go on.\n\n"
            "Putin said the ceasefire would hold through the winter.\n\n"
            "The United States Geological Survey said the quake struck the valley at dawn.\n\n"
            "The Geological Survey said aftershocks were likely for several days.\n")
    assert [n for n, _ in claims(text)] == [
        "Seacom", "Seacom", "Vladimir Putin", "Vladimir Putin",
        "The United States Geological Survey", "The United States Geological Survey"]


def test_ambiguous_and_generic_short_names_are_kept():
    text = ("Hillary Clinton said the plan would cost too much.\n\n"
            "Bill Clinton said the plan was sound and fully paid for.\n\n"
            "Clinton said the vote would come next week.\n\n"
            "The White House said the president would sign it next week.\n\n"
            "The House said it would vote on Friday afternoon.\n")
    assert [n for n, _ in claims(text)] == [
        "Hillary Clinton", "Bill Clinton", "Clinton", "The White House", "The House"]


# Speaker phrases end where the name ends; nested attribution ----------------------------------

def test_a_speaker_phrase_never_ends_with_a_preposition():
    text = "Police at first told workers to stay home until the fire was out.\n"
    assert [n for n, _ in claims(text)] == ["Police"]


def test_a_speaker_phrase_never_runs_past_a_comma_into_a_passive():
    from briefing.offline.sourcing import parse_speaker

    assert parse_speaker("The Associated Press, real estate records obtained by").name == (
        "The Associated Press")
    assert parse_speaker("Former NATO official Jamie Shea").name == "Jamie Shea"


def test_a_closing_attribution_takes_the_whole_nested_clause():
    text = "LaCalamita said nothing after officers surrounded him, Pickell said.\n"
    assert claims(text) == [("Pickell", "LaCalamita said nothing after officers surrounded him")]


def test_a_parenthetical_attribution_is_not_nested():
    # 'X, he said, Y': the source sits inside the sentence; the clause is still the speaker's own
    text = ("Mayor Ana Ruiz toured the plant on Monday.\n\n"
            "The pumps, Ana Ruiz said, had failed twice in the storm last night.\n\n"
            "Ana Ruiz said the bridge would reopen in May, and Lena Okafor said it would stay shut all year.\n")
    names = [n for n, _ in claims(text)]
    assert names == ["Ana Ruiz", "Ana Ruiz", "Lena Okafor"]


# Fragments and headlines ----------------------------------------------------------------------

def test_fragments_under_six_words_are_dropped_but_a_whole_short_quotation_is_kept():
    text = ("Ana Ruiz called it the first choice.\n\n"
            "Lena Okafor said it was nonsense.\n\n"
            "“Nonsense,” said Lena Okafor, the treasurer.\n")
    assert claims(text) == [("Lena Okafor", "Nonsense")]


def test_min_words_is_a_parameter():
    text = "Lena Okafor said it was nonsense.\n"
    briefing = brief_offline(Article(text=text), min_words=2)
    assert [c.evidence for c in briefing.claims] == ["it was nonsense"]


def test_a_headline_is_no_claim():
    text = ("Mayor says bridge will reopen in May\n\n"
            "Mayor Ana Ruiz said on Monday that the bridge over the river would reopen in May.\n")
    assert claims(text) == [("Ana Ruiz", "the bridge over the river would reopen in May")]
