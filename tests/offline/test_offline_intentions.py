"""Stated intentions, plans, promises, requests and positions (``offline/intentions.py``).

Every sentence is written for the test. Each rule stands beside its adversarial partner: the cue
word as a noun ("the plan to ..."), a passive, a bare noun phrase after the verb, a negation, a
pronoun with no antecedent, a hypothetical, a nested or quoted statement, huge and hostile input.
"""

from __future__ import annotations

import time

import pytest

from briefing.core.models import Article, ClaimKind
from briefing.offline import brief_offline
from briefing.offline.intentions import (
    INTENTION_VERBS,
    find_intentions,
    with_intentions,
)
from briefing.offline.intervals import Intervals
from briefing.offline.kinds import intention_kind
from briefing.offline.sourcing import Attributed
from briefing.text.sentences import split_sentences


def claims(text: str) -> list[tuple[str | None, str, str, str]]:
    """(speaker, statement, kind, evidence) of every claim, in article order."""
    return [(c.speaker.name if c.speaker else None, c.statement, c.kind.value, c.evidence)
            for c in brief_offline(Article(text=text)).claims]


def statements(text: str) -> list[str]:
    return [c[1] for c in claims(text)]


# One verb of each class: the statement reads as the reporter wrote it -------------------------

@pytest.mark.parametrize(("sentence", "statement", "kind", "evidence"), [
    ("Tom Clarke hopes to offset all of the expected emissions from his mines.",
     "Tom Clarke hopes to offset all of the expected emissions from his mines", "opinion",
     "to offset all of the expected emissions from his mines"),
    ("Ana Ruiz plans to revitalize ticket sales at the bridge before the summer.",
     "Ana Ruiz plans to revitalize ticket sales at the bridge before the summer", "prediction",
     "to revitalize ticket sales at the bridge before the summer"),
    ("Donald Trump has vowed to bring back lost mining jobs in the coal states.",
     "Donald Trump has vowed to bring back lost mining jobs in the coal states", "prediction",
     "to bring back lost mining jobs in the coal states"),
    ("The coal company agreed to clean up the shuttered mines in the valley.",
     "The coal company agreed to clean up the shuttered mines in the valley", "fact",
     "to clean up the shuttered mines in the valley"),
    ("Ana Ruiz wants to triple the size of the volunteer program by next year.",
     "Ana Ruiz wants to triple the size of the volunteer program by next year", "opinion",
     "to triple the size of the volunteer program by next year"),
    ("Ana Ruiz urged supporters to monitor polling places across the state.",
     "Ana Ruiz urged supporters to monitor polling places across the state", "demand",
     "supporters to monitor polling places across the state"),
    ("Ana Ruiz has encouraged European nations to bolster their defense spending.",
     "Ana Ruiz has encouraged European nations to bolster their defense spending", "demand",
     "European nations to bolster their defense spending"),
    ("President Obama called for reducing the corporate tax rate to 28 percent.",
     "Obama called for reducing the corporate tax rate to 28 percent", "demand",
     "reducing the corporate tax rate to 28 percent"),
    ("Tom McKinley expects them to become generally less available over time.",
     "Tom McKinley expects them to become generally less available over time", "prediction",
     "them to become generally less available over time"),
    ("Tom Clarke hoped electric utilities would be able to count his credits.",
     "Tom Clarke hoped electric utilities would be able to count his credits", "opinion",
     "electric utilities would be able to count his credits"),
    ("The board decided she should share the honor with her classmate.",
     "The board decided she should share the honor with her classmate", "fact",
     "she should share the honor with her classmate"),
    ("Ana Ruiz is hoping that the state will allow utilities to pass on the costs.",
     "Ana Ruiz is hoping that the state will allow utilities to pass on the costs", "opinion",
     "the state will allow utilities to pass on the costs"),
    ("The senators were willing to go forward with a more limited climate bill.",
     "The senators were willing to go forward with a more limited climate bill", "opinion",
     "to go forward with a more limited climate bill"),
    ("The mayor proposed to close three schools in the eastern district next year.",
     "The mayor proposed to close three schools in the eastern district next year", "demand",
     "to close three schools in the eastern district next year"),
])
def test_an_intention_reads_as_a_sentence_with_its_kind(sentence, statement, kind, evidence):
    found = claims(sentence)
    assert [(s, k, e) for _, s, k, e in found] == [(statement, kind, evidence)]
    assert evidence in sentence  # the evidence is an exact slice of the article


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("Ana Ruiz is planning to close three schools in the eastern district.", "is planning"),
    ("Ana Ruiz had long hoped to close three schools in the eastern district.", "had long hoped"),
    ("Ana Ruiz pledges to close three schools in the eastern district.", "pledges"),
    ("Ana Ruiz has steadfastly refused to close three schools in the eastern district.",
     "has steadfastly refused"),
    ("Ana Ruiz agreed on Monday to close three schools in the eastern district.",
     "agreed on Monday"),
    ("Ana Ruiz decided after a lengthy review to close three schools in the eastern district.",
     "decided after a lengthy review"),
    ("Ana Ruiz is calling on parents to accept the closure of three schools.", "is calling on"),
])
def test_tenses_progressives_and_adverbials_stay_in_the_statement(sentence, phrase):
    [(speaker, statement, _, _)] = claims(sentence)
    assert speaker == "Ana Ruiz"
    assert statement.startswith(f"Ana Ruiz {phrase} ")


# Negations keep their negation in the statement --------------------------------------------------

@pytest.mark.parametrize(("sentence", "negated"), [
    ("The senator did not agree to raise the debt limit before the holiday recess.",
     "The senator did not agree to raise the debt limit"),
    ("The senator refused to raise the debt limit before the holiday recess.",
     "The senator refused to raise the debt limit"),
    ("The senator decided not to raise the debt limit before the holiday recess.",
     "The senator decided not to raise the debt limit"),
    ("The senator has never promised to raise the debt limit before the holiday recess.",
     "The senator has never promised to raise the debt limit"),
    ("The senator doesn't want to raise the debt limit before the holiday recess.",
     "The senator doesn't want to raise the debt limit"),
    ("The senator declined to raise the debt limit before the holiday recess.",
     "The senator declined to raise the debt limit"),
])
def test_a_negation_never_reads_as_the_positive(sentence, negated):
    [statement] = statements(sentence)
    assert statement.startswith(negated)
    positive = "The senator agreed to raise" if "agree" in negated else "The senator to raise"
    assert not statement.startswith(positive)


def test_the_positive_partner_of_a_negation_has_no_negation():
    [statement] = statements("The senator agreed to raise the debt limit before the holiday recess.")
    assert statement == "The senator agreed to raise the debt limit before the holiday recess"
    assert " not " not in statement


# The cue word in another sense gives no claim --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The plan to raise the debt limit before the holiday recess was dropped on Friday.",
    "His pledge to raise the debt limit before the holiday recess surprised the caucus.",
    "Trump’s promise to raise the debt limit before the holiday recess went unmet.",
    "The order to evacuate the coastal towns came late on Friday night from the governor.",
    "Together, the two men sketched a plan to bundle carbon offsets with their coal sales.",
    "There is a hope that the debt limit will be raised before the holiday recess.",
    "The expected emissions from the new mines would rise sharply over the decade.",
    "The proposals calling for higher taxes on the wealthy were rejected in committee.",
])
def test_the_cue_word_as_a_noun_gives_no_claim(sentence):
    assert statements(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Clinton is expected to win the debate on Monday at Hofstra University in New York.",
    "The senator was asked to resign from the committee after the vote on Friday.",
    "The residents were urged to leave their homes before the storm reached the coast.",
    "The residents were ordered to evacuate the coastal towns late on Friday night.",
])
def test_a_passive_states_no_intention_of_its_subject(sentence):
    assert statements(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The governor agreed to the terms of the settlement reached with the city council.",
    "The governor agreed to terms that would keep the government open until March.",
    "The governor agreed to increased spending on roads and bridges across the state.",
    "The governor refused the offer of a seat on the board of the regional authority.",
])
def test_a_bare_noun_phrase_after_the_verb_is_no_claim(sentence):
    assert statements(sentence) == []


@pytest.mark.parametrize(("sentence", "statement", "kind"), [
    ("The governor called for calm after the protests in the capital on Sunday night.",
     "The governor called for calm after the protests in the capital on Sunday night", "demand"),
    ("The governor promised a veto of the bill that the legislature passed on Friday.",
     "The governor promised a veto of the bill that the legislature passed on Friday", "fact"),
])
def test_a_speech_cue_with_a_noun_phrase_reads_with_its_verb(sentence, statement, kind):
    # 'called for' and 'promised' are speech cues of the reported-speech rules, which keep a long
    # noun-phrase object as a claim (a demand or a promise a reader can weigh); this finder adds
    # none, and the claim reads with the verb, never "The governor: calm after ..."
    text = sentence
    assert find_intentions(text, split_sentences(text)) == []
    assert [(s, k) for _, s, k, _ in claims(sentence)] == [(statement, kind)]


def test_statement_verb_of_a_speech_cue():
    from briefing.offline.intentions import statement_verb
    assert statement_verb("called for", "Ana Ruiz called for") == "called for"
    assert statement_verb("has promised", "Ana Ruiz has promised that") == "has promised"
    assert statement_verb("is urging", "Ana is urging ") == "is urging"
    assert statement_verb("urged", "Ana Ruiz urged") == "urged"
    assert statement_verb("calling for", "the plant, calling for") == "calls for"  # present tense
    assert statement_verb("urging", "x, urging") == "urges" and statement_verb("seeking", "x, seeking") == "seeks"
    assert statement_verb("said", "Ana said") is None and statement_verb("saying", "x, saying") is None
    assert statement_verb("", "") is None and statement_verb("hopeful", "Ana hopeful") is None
    # words between the verb and the content: the verb alone would misquote the sentence
    assert statement_verb("told", "Trump told reporters that") is None
    assert statement_verb("urged", "Ana Ruiz urged the council on Monday") is None
    assert statement_verb("urged", "") is None


# Who said it -------------------------------------------------------------------------------------

def test_a_pronoun_with_no_antecedent_drops_the_claim():
    assert statements("He hopes to offset all of the expected emissions from his new mines.") == []
    assert statements("They plan to offset all of the expected emissions from the mines.") == []


def test_a_pronoun_with_an_antecedent_takes_the_name():
    text = ("President Ana Ruiz toured the mines. She hopes to offset all of the expected "
            "emissions from the mines.")
    found = [c for c in claims(text) if "offset" in c[3]]
    assert [(s, st) for s, st, _, _ in found] == [
        ("Ana Ruiz", "Ana Ruiz hopes to offset all of the expected emissions from the mines")]


@pytest.mark.parametrize("sentence", [
    "One of the many reasons that Trump refuses to make public his income tax returns is odd.",
    "It wants to release all of its investigations before the election in November.",
    "Many Mexicans would hope to see their northern neighbor much farther away from them.",
    "The government could decline to appeal the ruling to the Supreme Court next year.",
])
def test_relatives_dummies_and_hypotheticals_state_no_intention(sentence):
    assert statements(sentence) == []


def test_the_subject_is_found_across_an_appositive_and_a_first_predicate():
    [(speaker, statement, _, _)] = claims(
        "In fact, some Republicans, including Senator Lamar Alexander of Tennessee, were willing "
        "to go forward with a more limited climate bill.")
    assert speaker == "Republicans" and statement.endswith(
        "were willing to go forward with a more limited climate bill")
    [(speaker, statement, _, _)] = claims(
        "Tom McKinley is bearish on the future of student loans and expects them to become "
        "generally less available over time.")
    assert (speaker, statement) == (
        "Tom McKinley", "Tom McKinley expects them to become generally less available over time")


def test_a_reported_intention_belongs_to_the_reporting_speaker():
    text = "Ana Ruiz said the mayor plans to close three schools in the eastern district."
    found = claims(text)
    assert [s for s, _, _, _ in found] == ["Ana Ruiz"]
    assert not any(st.startswith("the mayor plans") for _, st, _, _ in found)


def test_an_intention_inside_a_quotation_is_the_quotation():
    text = "“We plan to raise taxes on the wealthy next year and cut them for the rest,” Ana Ruiz said."
    found = claims(text)
    assert len(found) == 1 and found[0][0] == "Ana Ruiz" and found[0][3].startswith("We plan")


# Where the content stops --------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "evidence"), [
    (("Lindsey Graham urged Republicans to join the ranks of climate change believers, and "
      "criticized the party’s record."), "Republicans to join the ranks of climate change believers"),
    ("Ana Ruiz wants to sign up five million young people, focusing on people under 30.",
     "to sign up five million young people"),
    ("The company agreed to lend Tom Clarke five million dollars, and the union also stepped in.",
     "to lend Tom Clarke five million dollars"),
    ("Ana Ruiz refuses to discuss potential appointees for the seat, aside from saying little.",
     "to discuss potential appointees for the seat"),
    ("Ana Ruiz plans to close three schools in the district; the union opposes the plan.",
     "to close three schools in the district"),
])
def test_the_content_stops_where_the_sources_words_stop(sentence, evidence):
    assert [e for _, _, _, e in claims(sentence)] == [evidence]


def test_content_under_six_words_is_dropped_and_six_words_are_kept():
    assert statements("The Supreme Court declined to step into the fray.") == []
    assert statements("The Supreme Court declined to step into the legal fray.") == [
        "The Supreme Court declined to step into the legal fray"]


# The finder and the merge on their own -------------------------------------------------------------

def test_find_intentions_gives_lemma_phrase_and_span():
    text = "Ana Ruiz did not agree to raise the debt limit."
    [found] = find_intentions(text, split_sentences(text))
    assert (found.cue, found.phrase, text[found.start:found.end], found.direct) == (
        "agree", "did not agree", "to raise the debt limit", False)
    assert found.source_start == 0 and found.speaker.name == "Ana Ruiz"


def test_find_intentions_min_words_is_a_floor():
    text = "Ana Ruiz hopes to win."
    assert find_intentions(text, split_sentences(text)) == []
    assert len(find_intentions(text, split_sentences(text), min_words=2)) == 1


def test_an_intention_wins_over_the_reported_clause_it_shares():
    text = "Donald Trump has vowed to bring back lost mining jobs in the coal states."
    [(_, statement, kind, _)] = claims(text)
    assert statement == "Donald Trump has vowed to bring back lost mining jobs in the coal states"
    assert kind == "prediction" and ": to bring" not in statement


def test_with_intentions_drops_nested_and_keeps_unrelated():
    speaker = brief_offline(Article(text="Ana Ruiz said so.")).claims  # no claims needed
    assert speaker == []
    from briefing.core.models import Speaker
    ruiz, mayor = Speaker(name="Ana Ruiz"), Speaker(name="the mayor")
    reported = [Attributed(10, 60, ruiz, "said", False, 0), Attributed(100, 140, ruiz, "said", False, 70)]
    nested = Attributed(30, 60, mayor, "plan", False, 15, "plans")  # its source inside 10..60
    sharing = Attributed(102, 140, ruiz, "vow", False, 70, "vowed")  # most of 100..140
    apart = Attributed(200, 240, mayor, "hope", False, 180, "hopes")
    merged = with_intentions(reported, [nested, sharing, apart], Intervals([]))
    assert merged == [reported[0], sharing, apart]
    quoted = with_intentions([], [apart], Intervals([(170, 190)]))
    assert quoted == []  # its source sits inside a quotation


# Kinds -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lemma", "kind"), [
    ("urge", ClaimKind.demand), ("encourage", ClaimKind.demand), ("ask", ClaimKind.demand),
    ("call for", ClaimKind.demand), ("call on", ClaimKind.demand), ("propose", ClaimKind.demand),
    ("press", ClaimKind.demand), ("warn", ClaimKind.demand), ("tell", ClaimKind.demand),
    ("advise", ClaimKind.demand), ("implore", ClaimKind.demand), ("order", ClaimKind.demand),
    ("instruct", ClaimKind.demand),
    ("expect", ClaimKind.prediction), ("plan", ClaimKind.prediction), ("intend", ClaimKind.prediction),
    ("aim", ClaimKind.prediction), ("promise", ClaimKind.prediction), ("pledge", ClaimKind.prediction),
    ("vow", ClaimKind.prediction), ("threaten", ClaimKind.prediction),
    ("hope", ClaimKind.opinion), ("want", ClaimKind.opinion), ("wish", ClaimKind.opinion),
    ("willing", ClaimKind.opinion), ("determined", ClaimKind.opinion), ("eager", ClaimKind.opinion),
    ("reluctant", ClaimKind.opinion),
    ("agree", ClaimKind.fact), ("refuse", ClaimKind.fact), ("decline", ClaimKind.fact),
    ("decide", ClaimKind.fact), ("seek", ClaimKind.fact), ("offer", ClaimKind.fact),
])
def test_intention_kinds_by_verb_class(lemma, kind):
    assert lemma in INTENTION_VERBS
    assert intention_kind(lemma) is kind


def test_every_intention_verb_has_a_pinned_kind_and_an_unknown_lemma_is_a_fact():
    assert len(INTENTION_VERBS) == 34
    assert intention_kind("frobnicate") is ClaimKind.fact


# Huge and hostile input ------------------------------------------------------------------------------

def test_hostile_content_is_data_not_a_template():
    text = "Ana Ruiz hopes to publish {speaker} and <script>alert(1)</script> on her site."
    [(_, statement, _, evidence)] = claims(text)
    assert "{speaker}" in statement and "<script>" in evidence  # kept as text; views escape it


def test_long_runs_without_a_complement_stay_fast():
    text = ("Ana Ruiz urged " + "the very many people " * 5000 + ".\n\n"
            + "Ana Ruiz hopes " * 5000 + "to win.")
    started = time.perf_counter()
    found = find_intentions(text, split_sentences(text))
    assert time.perf_counter() - started < 5.0
    assert all(a.end - a.start < 200 for a in found)


def test_huge_input_grows_linearly():
    sentence = "Ana Ruiz plans to close three schools in the eastern district next year. "
    small, large = sentence * 200, sentence * 2000
    started = time.perf_counter()
    assert len(find_intentions(small, split_sentences(small))) == 200
    small_seconds = time.perf_counter() - started
    started = time.perf_counter()
    assert len(find_intentions(large, split_sentences(large))) == 2000
    assert time.perf_counter() - started < 30 * small_seconds + 1.0


# Which complement each verb takes (explicit, so that a changed flag fails) -----------------------

def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker, phrase, content) of every intention ``find_intentions`` gives."""
    return [(a.speaker.name, a.phrase, text[a.start:a.end])
            for a in find_intentions(text, split_sentences(text))]


@pytest.mark.parametrize(("verb", "complement"), [
    ("hopes", "to close three schools"), ("hoped", "the council would close three schools"),
    ("expects", "to close three schools"), ("expects", "the council to close three schools"),
    ("expected", "the council would close three schools"),
    ("wants", "to close three schools"), ("wants", "the council to close three schools"),
    ("wishes", "to close three schools"), ("wished", "the council would close three schools"),
    ("plans", "to close three schools"), ("intends", "to close three schools"),
    ("aims", "to close three schools"), ("promised", "to close three schools"),
    ("pledged", "to close three schools"), ("vowed", "to close three schools"),
    ("threatened", "to close three schools"), ("agreed", "to close three schools"),
    ("refused", "to close three schools"), ("declined", "to close three schools"),
    ("decided", "to close three schools"), ("decided", "the council should close three schools"),
    ("sought", "to close three schools"), ("offered", "to close three schools"),
    ("proposed", "to close three schools"), ("proposed", "closing three schools"),
    ("urged", "the council to close three schools"),
    ("encouraged", "the council to close three schools"),
    ("asked", "the council to close three schools"), ("pressed", "the council to close three schools"),
    ("called on", "the council to close three schools"),
    ("called for", "the council to close three schools"), ("called for", "closing three schools"),
    ("warned", "the council to close three schools"), ("told", "the council to close three schools"),
    ("advised", "the council to close three schools"),
    ("implored", "the council to close three schools"),
    ("ordered", "the council to close three schools"),
    ("instructed", "the council to close three schools"),
    ("is willing", "to close three schools"), ("is determined", "to close three schools"),
    ("is eager", "to close three schools"), ("is reluctant", "to close three schools"),
])
def test_each_verb_takes_its_complements(verb, complement):
    text = f"Ana Ruiz {verb} {complement} in the district."
    assert found(text) == [("Ana Ruiz", verb, f"{complement} in the district")]


@pytest.mark.parametrize("text", [
    "The governor agreed the plan would fail by the end of next year.",  # no clause after agree
    "Ana Ruiz plans reopening the plant next spring after the repairs.",  # no gerund after plan
    "Ana Ruiz promised voters to cut taxes next year and balance the budget.",  # no object
    "Ana Ruiz urged to reopen the schools before the winter break.",  # no bare infinitive
    "Ana Ruiz hoped the senators to reopen the schools before the winter break.",
    "The mayor called for nothing less than a full inquiry into the police shooting.",
    "Protesters calling for the mayor to resign gathered outside city hall on Friday.",
    "The company owned by Ana Ruiz plans to close three schools in the district.",
])
def test_a_complement_a_verb_does_not_take_gives_nothing(text):
    assert found(text) == []


def test_a_source_after_a_clause_opener_or_a_focus_adverb_counts():
    assert found("The union objected when Ana Ruiz decided to close three schools in the district.") == [
        ("Ana Ruiz", "decided", "to close three schools in the district")]
    assert found("The council met on Monday and only Ana Ruiz plans to close three schools.") == [
        ("Ana Ruiz", "plans", "to close three schools")]


def test_trailing_punctuation_leaves_the_content():
    assert found("Ana Ruiz plans to close three schools in the district...") == [
        ("Ana Ruiz", "plans", "to close three schools in the district")]
    assert found("Ana Ruiz plans to close three schools in the district!") == [
        ("Ana Ruiz", "plans", "to close three schools in the district")]


def test_three_words_are_enough_by_default():
    assert found("Ana Ruiz hopes to win big.") == [("Ana Ruiz", "hopes", "to win big")]


def test_statement_verb_takes_a_two_word_cue_after_a_form_of_be():
    from briefing.offline.intentions import statement_verb
    assert statement_verb("is calling for", "Ana is calling for") == "is calling for"
    assert statement_verb("has  called on", "Ana has called on") == "has called on"  # spaces folded


def test_an_audience_between_verb_and_content_keeps_the_colon():
    [(_, statement, _, _)] = claims("Trump told reporters that the polling places in Pennsylvania "
                                    "were rigged against him.")
    assert statement == "Trump: the polling places in Pennsylvania were rigged against him"


def test_with_intentions_at_the_edges():
    from briefing.core.models import Speaker
    ruiz = Speaker(name="Ana Ruiz")
    reported = [Attributed(10, 60, ruiz, "said", False, 0)]
    inside = Attributed(70, 120, ruiz, "plan", False, 59, "plans")  # source on the clause's last char
    after = Attributed(70, 120, ruiz, "plan", False, 60, "plans")  # source right after it
    assert with_intentions(reported, [inside], Intervals([])) == reported
    assert with_intentions(reported, [after], Intervals([])) == [reported[0], after]
    assert with_intentions([], [inside], Intervals([(40, 60)])) == []
    assert with_intentions([], [after], Intervals([(40, 60)])) == [after]
    half = Attributed(100, 140, ruiz, "said", False, 90)
    sharing_half = Attributed(120, 160, ruiz, "vow", False, 95, "vowed")  # 20 of 40 characters
    assert with_intentions([half], [sharing_half], Intervals([])) == [half, sharing_half]


# A participle after the sentence's first predicate -----------------------------------------------

@pytest.mark.parametrize(("sentence", "statement", "kind"), [
    (("On Thursday, however, Trump spoke to a gathering of industry leaders, promising to lift "
      "rules on gas drilling."), "Trump promises to lift rules on gas drilling", "prediction"),
    ("Ana Ruiz has embraced the approach, vowing to meet and in some cases exceed its goals.",
     "Ana Ruiz vows to meet and in some cases exceed its goals", "prediction"),
    ("Ana Ruiz visited the plant on Monday, calling for an end to the night shifts at the mill.",
     "Ana Ruiz calls for an end to the night shifts at the mill", "demand"),
    ("Ana Ruiz visited the plant on Monday, urging workers to join the union before the vote.",
     "Ana Ruiz urges workers to join the union before the vote", "demand"),
])
def test_a_participle_reads_in_the_present_with_the_sentence_subject(sentence, statement, kind):
    assert [(s, k) for _, s, k, _ in claims(sentence)] == [(statement, kind)]


@pytest.mark.parametrize("sentence", [
    "The proposals, calling for higher taxes on the wealthy, were rejected by the committee.",
    "Protesters calling for the mayor to resign gathered outside city hall on Friday.",
    "Ana Ruiz said the plant was safe, promising to publish the inspection report next week.",
])
def test_a_participle_without_a_sentence_subject_or_after_a_speech_cue_adds_nothing(sentence):
    assert found(sentence) == []


def test_a_participle_of_an_unresolved_pronoun_gives_no_claim():
    text = "He spoke to a gathering of industry leaders, promising to lift rules on gas drilling."
    assert found(text) == [("He", "promises", "to lift rules on gas drilling")]
    assert statements(text) == []


@pytest.mark.parametrize(("sentence", "statement"), [
    (("President Ana Ruiz toured the plant. She’s sought to protect breaks for the real estate "
     "industry."), "Ana Ruiz has sought to protect breaks for the real estate industry"),
    (("President Ana Ruiz toured the plant. She’s hoping to protect breaks for the real estate "
     "industry."), "Ana Ruiz is hoping to protect breaks for the real estate industry"),
    (("President Ana Ruiz toured the plant. She's willing to protect breaks for the real estate "
     "industry."), "Ana Ruiz is willing to protect breaks for the real estate industry"),
])
def test_a_pronouns_contraction_is_spelt_out_for_the_name(sentence, statement):
    assert statement in statements(sentence)


def test_they_re_is_spelt_out_as_are_or_have():
    text = "They’re hoping to protect breaks. They’re sought to protect breaks."
    assert [phrase for _, phrase, _ in found(text)] == ["are hoping", "have sought"]


def test_a_possessive_is_no_contraction():
    assert statements("Ana Ruiz’s hoping to protect breaks for the real estate industry.") == []


def test_a_participle_after_adverbs_reads_in_the_present_and_a_progressive_keeps_its_be():
    from briefing.offline.intentions import statement_verb
    assert statement_verb("also calling for", "the plant, also calling for") == "calls for"
    assert statement_verb("also urging", "the plant, also urging") == "urges"
    assert statement_verb("was calling for", "Ana was calling for") == "was calling for"
    assert statement_verb("’s urging", "She’s urging") == "’s urging"
    assert found("Ana Ruiz visited the plant, also promising to lift rules on gas drilling.") == [
        ("Ana Ruiz", "promises", "to lift rules on gas drilling")]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz visited the plant while promising to lift rules on gas drilling.",  # no comma
    "Ana Ruiz visited the plant, has promising to lift rules on gas drilling.",  # no adverb
    "and then, promising to lift rules on gas drilling, the talks ended.",  # no subject
])
def test_a_participle_needs_a_comma_adverbs_only_and_a_subject(sentence):
    assert found(sentence) == []


# What a cue word near a verb's shape must not give -----------------------------------------

@pytest.mark.parametrize("sentence", [
    "The reports are not expected to give any formal assessment of the election.",
    "The residents were also asked to leave their homes before the storm arrived.",
    "The senators are never urged to explain their votes to the committee chair.",
    "The senators were quietly expected to resign from the committee after the vote.",
])
def test_a_passive_through_a_negation_or_an_adverb_states_no_intention(sentence):
    assert statements(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The Angels made an eight-year offer to first baseman Mark Teixeira at the meetings.",
    "The city unveiled a 10-point plan to rebuild the harbor before the next season.",
    "The donors made a $5 pledge to every runner who finished the race in the rain.",
])
def test_a_cue_word_after_a_numeric_or_hyphenated_modifier_is_a_noun(sentence):
    assert find_intentions(sentence, split_sentences(sentence)) == []


def test_the_verb_partner_of_a_modified_noun_is_a_claim():
    assert statements("The Angels offered to pay first baseman Mark Teixeira a record salary.") == [
        "The Angels offered to pay first baseman Mark Teixeira a record salary"]


@pytest.mark.parametrize("sentence", [
    "Angela Merkel told a debate on Berlin's decision to lend billions of euros to Greece.",
    "Ana Ruiz asked for the council’s permission to build a new school near the river.",
    "Ana Ruiz pressed the board on its decision to close three schools in the district.",
])
def test_a_thing_whose_own_infinitive_follows_is_no_one_asked(sentence):
    assert find_intentions(sentence, split_sentences(sentence)) == []


@pytest.mark.parametrize(("sentence", "evidence"), [
    ("Ana Ruiz urged the people of Iowa to vote for the school bond on Tuesday.",
     "the people of Iowa to vote for the school bond on Tuesday"),
    ("Ana Ruiz told reporters to expect a decision on the school bond by Tuesday.",
     "reporters to expect a decision on the school bond by Tuesday"),
])
def test_whom_a_verb_asks_may_hold_a_preposition(sentence, evidence):
    assert [c[3] for c in claims(sentence)] == [evidence]


# A source's request about itself ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The official asked not to be identified pending an official announcement of the plan.",
    "The official asked that he not be named because the talks were still under way.",
    "The official declined to be quoted by name because the talks were still under way.",
])
def test_a_sources_request_about_itself_is_no_claim(sentence):
    assert statements(sentence) == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    (("A police official, who asked not to be identified because he was not authorized to speak, "
      "said the suspect had been arrested at his home on Sunday."), "A police official"),
    (("The suspect had been arrested at his home on Sunday, said a police official who asked not "
      "to be identified."), "a police official"),
])
def test_the_statement_of_an_anonymous_source_is_kept(sentence, speaker):
    assert [(c[0], c[3].lower()) for c in claims(sentence)] == [
        (speaker, "the suspect had been arrested at his home on sunday")]


def test_a_statement_that_someone_should_not_be_named_is_a_claim():
    assert [c[3] for c in claims("The official said the minister should not be named as a suspect.")] == [
        "the minister should not be named as a suspect"]


def test_agreeing_to_be_named_is_a_statement():
    assert [c[3] for c in claims("The board agreed to be named as the sponsor of the new stadium.")] == [
        "to be named as the sponsor of the new stadium"]


@pytest.mark.parametrize("sentence", [
    "A Bush administration draft plan to allow drilling off the Atlantic coast was sidelined.",
    "The government's peace offer to end the strike was rejected by the union on Monday.",
])
def test_a_bare_form_after_a_singular_noun_is_a_noun(sentence):
    assert find_intentions(sentence, split_sentences(sentence)) == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Police plan to close the bridge to traffic for the whole of next week.", "Police"),
    ("The officials plan to close the bridge to traffic for the whole of next week.", "The officials"),
    ("Some local residents hope to close the bridge to traffic for the whole of next week.",
     "Some local residents"),
])
def test_a_plural_subject_keeps_the_bare_verb(sentence, speaker):
    assert [c[0] for c in claims(sentence)] == [speaker]


def test_an_object_holding_a_clause_is_no_one_asked():
    text = "In November, Teixeira told ESPN that he'd like to sign with the team by Christmas."
    assert find_intentions(text, split_sentences(text)) == []
    assert [c[3] for c in claims(text)] == ["he'd like to sign with the team by Christmas"]


@pytest.mark.parametrize("sentence", [
    "When asked if the navy intended to attack the pirates' land bases, the minister said nothing.",
    "Reporters asked whether the navy planned to attack the pirates' land bases in the spring.",
])
def test_an_intention_inside_a_question_is_no_one_s_statement(sentence):
    assert find_intentions(sentence, split_sentences(sentence)) == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The residents, who met on Monday, plan to close the bridge for the whole of next week.",
     "The residents"),
    ("Ana Ruiz and Tom Clarke, her deputy, agree to close the bridge for the whole of next week.",
     "Ana Ruiz and Tom Clarke"),
])
def test_a_bare_form_after_a_comma_or_a_name_keeps_its_verb(sentence, speaker):
    assert [c[0] for c in claims(sentence)] == [speaker]


def test_a_verb_form_opening_the_text_in_lowercase_is_no_claim_and_no_error():
    assert statements("agreed to pay the full amount of the bill on time and in cash.") == []


def test_a_bare_form_after_and_is_a_second_predicate_of_the_subject():
    # 'and' is no singular noun: 'plan' is the subject's second verb, not a compound noun
    assert statements("The officials voted on Monday and plan to close the bridge for the whole of next week.") == [
        "The officials plan to close the bridge for the whole of next week"]


@pytest.mark.parametrize(("text", "statement"), [
    ("Silverman believes it to be for eight years and more than the Angels offered.",
     "Silverman believes it to be for eight years and more than the Angels offered"),
    ("Ana Ruiz believes the new bridge to be the safest crossing in the whole region.",
     "Ana Ruiz believes the new bridge to be the safest crossing in the whole region"),
])
def test_an_object_and_its_infinitive_read_with_their_verb(text, statement):
    (claim,) = brief_offline(Article(text=text)).claims
    assert claim.statement == statement
    # partner: a that-clause reads as the speaker's words
    (claim,) = brief_offline(Article(text=text.replace(" to be ", " is ", 1).replace("believes", "believes that"))).claims
    assert claim.statement.startswith(statement.split()[0]) and ": " in claim.statement



def test_a_finding_with_an_object_and_its_infinitive_is_a_fact():
    (claim,) = brief_offline(Article(text="Inspectors found the old bridge to be unsafe for heavy trucks in winter.")).claims
    assert claim.statement == "Inspectors found the old bridge to be unsafe for heavy trucks in winter"
    assert claim.kind == ClaimKind.fact and not claim.direct_quote


def test_a_clause_with_a_verb_before_its_infinitive_keeps_the_speakers_words():
    text = "Democrats noted that his attorney offered to have Pagliano appear at a closed session."
    (claim,) = brief_offline(Article(text=text)).claims
    assert claim.statement == "Democrats: his attorney offered to have Pagliano appear at a closed session"
