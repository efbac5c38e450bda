"""Each pattern family of the offline extractor, on short hand-written news sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.models import Article, Channel, ClaimKind
from briefing.offline import brief_offline
from briefing.offline.figures import find_figures
from briefing.offline.sourcing import parse_speaker
from briefing.text.marks import find_quotes
from briefing.text.sentences import split_sentences


def claims(text: str):
    briefing = brief_offline(Article(text=text), min_words=0)  # short sentences test each rule
    for claim in briefing.claims:
        assert text[claim.span.start:claim.span.end] == claim.evidence
        assert claim.grounding == "exact"
    return [c for c in briefing.claims if c.speaker is not None]


def only(text: str):
    found = claims(text)
    assert len(found) == 1, [(c.speaker, c.evidence) for c in found]
    return found[0]


# ----------------------------------------------------------------------- direct quotes


@pytest.mark.parametrize(
    "text, name",
    [
        ('Mayor Ana Ruiz said: "The bridge will reopen in May."', "Ana Ruiz"),
        ('"The bridge will reopen in May," Ana Ruiz said.', "Ana Ruiz"),
        ('"The bridge will reopen in May," said Ana Ruiz, the city\'s mayor.', "Ana Ruiz"),
        ("Ana Ruiz told Reuters: “The bridge will reopen in May.”", "Ana Ruiz"),
        ("“The bridge will reopen in May.” ― Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_direct_quote_arrangements(text, name):
    claim = only(text)
    assert claim.direct_quote
    assert claim.evidence.startswith("The bridge will reopen in May")
    assert claim.speaker.name == name
    assert claim.kind == ClaimKind.prediction


@pytest.mark.parametrize(
    "text, name",
    [
        ('"The pool stays closed all summer," Mr. Okafor said.', "Okafor"),
        ("''The pool stays closed all summer,'' said Dr. Lena Okafor.", "Lena Okafor"),
        ('"The pool stays closed all summer," Sen. J. R. Okafor told reporters.', "J. R. Okafor"),
    ],
)
def test_honorific_after_the_quote(text, name):
    claim = only(text)
    assert claim.evidence == "The pool stays closed all summer"
    assert claim.speaker.name.endswith(name)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ('"We need a new bridge," the New Haven builder said.', "the New Haven builder", None),
        ('"We need a new bridge," Ana Ruiz, the city\'s mayor, said on Monday.', "Ana Ruiz",
         "the city's mayor"),
        ('"We need a new bridge," Ana Ruiz, who chairs the committee, told reporters.',
         "Ana Ruiz", None),
        ('"We need a new bridge," Sen. Ana Ruiz, D-Ore., said.', "Ana Ruiz", "Sen."),
    ],
)
def test_described_source_after_the_quote(text, name, role):
    claim = only(text)
    assert claim.evidence == "We need a new bridge"
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


def test_role_after_the_name():
    claim = only('"We are ready," said Ana Ruiz, the city\'s mayor.')
    assert claim.speaker.role == "the city's mayor"


def test_told_an_outlet_sets_via():
    claim = only("Ana Ruiz told Reuters: “We are ready for the storm.”")
    assert claim.speaker.via == "Reuters"
    assert claim.channel == Channel.via_outlet


def test_quote_split_around_its_cue_is_one_claim():
    text = "“We are ready,” Ana Ruiz said. “The pumps have been tested twice.”"
    claim = only(text)
    assert claim.evidence.startswith("We are ready")
    assert claim.evidence.endswith("tested twice.")


def test_pronoun_resolves_to_last_named_speaker():
    text = ("Transport minister Ana Ruiz said the site was secure.\n"
            "“The pumps have been tested twice,” she said.")
    found = claims(text)
    assert [c.speaker.name for c in found] == ["Ana Ruiz", "Ana Ruiz"]
    assert found[1].direct_quote and found[1].speaker.role == "Transport minister"


# ----------------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    "text, name, content",
    [
        ("Ana Ruiz said that the bridge would reopen in May.", "Ana Ruiz",
         "the bridge would reopen in May"),
        ("The bridge would reopen in May, Ana Ruiz said.", "Ana Ruiz",
         "The bridge would reopen in May"),
        ("According to the ministry, the bridge would reopen in May.", "the ministry",
         "the bridge would reopen in May"),
        ("The bridge would reopen in May, according to the ministry.", "the ministry",
         "The bridge would reopen in May"),
        ("Engineers warned the bridge would need new cables.", "Engineers",
         "the bridge would need new cables"),
        ("The union has condemned the closure of the bridge.", "The union",
         "the closure of the bridge"),
    ],
)
def test_reported_speech(text, name, content):
    claim = only(text)
    assert not claim.direct_quote
    assert claim.speaker.name == name
    assert claim.evidence == content


def test_cue_kinds():
    assert only("The union has condemned the closure of the bridge.").kind == ClaimKind.accusation
    assert only("The mayor denied that the bridge was unsafe.").kind == ClaimKind.denial
    assert only("Residents urged the council to repair the bridge.").kind == ClaimKind.demand


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Sen. Ana Ruiz (D-Ore.) said the bridge needs new cables.", "Ana Ruiz", "Sen."),
        ("A lawyer for the city, Ana Ruiz, said the bridge needs new cables.", "Ana Ruiz",
         "A lawyer for the city"),
    ],
)
def test_party_tag_and_role_then_name(text, name, role):
    claim = only(text)
    assert claim.evidence == "the bridge needs new cables"
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz said the bridge would reopen in May and warned that the repairs could cost more.",
        "Ana Ruiz said the bridge would reopen in May, but cautioned the repairs could cost more.",
        "Ana Ruiz said the bridge would reopen in May, adding that the repairs could cost more.",
    ],
)
def test_two_cues_for_one_source(text):
    found = claims(text)
    assert [(c.speaker.name, c.evidence) for c in found] == [
        ("Ana Ruiz", "the bridge would reopen in May"), ("Ana Ruiz", "the repairs could cost more")]


def test_writers_contrast_ends_reported_content():
    found = claims("Ana Ruiz said the bridge was safe for traffic, although she refused to "
                   "publish the inspection report.")
    assert [(c.speaker.name, c.evidence) for c in found] == [
        ("Ana Ruiz", "the bridge was safe for traffic"),
        ("Ana Ruiz", "to publish the inspection report")]  # her refusal, a claim of its own
    assert found[1].statement == "Ana Ruiz refused to publish the inspection report"


def test_contrast_then_a_second_statement_of_the_same_speaker():
    found = claims("Ana Ruiz called the delay a mistake, but she noted that the repairs had "
                   "started in May.")
    assert [(c.speaker.name, c.evidence) for c in found] == [
        ("Ana Ruiz", "the delay a mistake"), ("Ana Ruiz", "the repairs had started in May")]


@pytest.mark.parametrize(
    "text, content",
    [
        ("The negotiators reportedly hope the bridge can reopen before winter.",
         "the bridge can reopen before winter"),
        ("Officials are reportedly urging the council to close the bridge at night.",
         "the council to close the bridge at night"),
    ],
)
def test_reportedly_with_an_attitude_verb(text, content):
    claim = only(text)
    assert claim.evidence == content
    assert claim.speaker.anonymous


def test_sentence_after_a_closed_quote_is_not_its_attribution():
    found = claims("Ana Ruiz said: “The bridge is safe.” Engineers warned that the cables had "
                   "corroded badly.")
    assert [(c.speaker.name, c.evidence) for c in found] == [
        ("Ana Ruiz", "The bridge is safe."), ("Engineers", "the cables had corroded badly")]


@pytest.mark.parametrize(
    "text, content",
    [
        (("Mayor Ana Ruiz toured the flooded district on Monday, saying that the pumps had "
          "failed overnight."), "the pumps had failed overnight"),
        # a quotation after the participle is a direct quote: its words, inside the marks
        ("Mayor Ana Ruiz toured the flooded district on Monday, saying, “The pumps failed.”",
         "The pumps failed."),
    ],
)
def test_participle_cue_of_the_sentence_subject(text, content):
    claim = only(text)
    assert claim.speaker.name == "Ana Ruiz"
    assert claim.evidence == content


@pytest.mark.parametrize(
    "text, name",
    [
        ("According to exit surveys, most voters wanted the bridge rebuilt.", "exit surveys"),
        ("According to longtime harbor pilot Ana Ruiz, the channel is too shallow for tankers.",
         "Ana Ruiz"),
    ],
)
def test_according_to_takes_the_whole_source_phrase(text, name):
    assert only(text).speaker.name == name


@pytest.mark.parametrize(
    "text, name, content",
    [
        ("The bridge was closed by Ana Ruiz, who said the cables had corroded badly.",
         "Ana Ruiz", "the cables had corroded badly"),
        ("Ana Ruiz, who said the cables had corroded badly, closed the bridge on Monday.",
         "Ana Ruiz", "the cables had corroded badly"),
    ],
)
def test_relative_clause_source(text, name, content):
    claim = only(text)
    assert (claim.speaker.name, claim.evidence) == (name, content)


def test_told_a_pronoun_audience():
    claim = only("A longtime aide told him the bridge would close for a month.")
    assert claim.evidence == "the bridge would close for a month"


def test_two_speakers_in_one_sentence():
    found = claims("Ana Ruiz said the bridge was safe, while engineers argued that it needed new cables.")
    assert [c.speaker.name for c in found] == ["Ana Ruiz", "engineers"]
    assert found[0].evidence == "the bridge was safe"


# ----------------------------------------------------------------------- sourcing


@pytest.mark.parametrize(
    "phrase, name, role, anonymous",
    [
        ("Former NATO official Jamie Shea", "Jamie Shea", "Former NATO official", False),
        ("President Trump", "Trump", "President", False),
        ("Secretary of State John Kerry", "John Kerry", "Secretary of State", False),
        ("unnamed NATO diplomats", "unnamed NATO diplomats", None, True),
        ("a source", "a source", None, True),
        ("officials", "officials", None, True),
        ("the Kremlin", "the Kremlin", None, False),
    ],
)
def test_parse_speaker(phrase, name, role, anonymous):
    speaker = parse_speaker(phrase)
    assert (speaker.name, speaker.role, speaker.anonymous) == (name, role, anonymous)


def test_appositive_role_before_cue():
    claim = only("Jamie Shea, a former NATO official, said the alliance would adapt quickly.")
    assert claim.speaker.name == "Jamie Shea"
    assert claim.speaker.role == "a former NATO official"


def test_outlet_citing_a_source():
    claim = only("Reuters, citing two officials, reported that the talks had stalled overnight.")
    assert claim.speaker.name == "two officials"
    assert claim.speaker.anonymous
    assert claim.speaker.via == "Reuters"
    assert claim.channel == Channel.via_outlet


# ----------------------------------------------------------------------- figures


def test_figures_with_what_they_measure():
    text = "Spending rose to 5% of GDP, or $2.5 billion, and 600 soldiers arrived on March 3, 2024."
    found = {f.kind: f.text for f in find_figures(text)}
    assert found["percent"] == "5% of GDP"
    assert found["money"].startswith("$2.5 billion")
    assert found["count"] == "600 soldiers"
    assert found["date"] == "March 3, 2024"


def test_unattributed_figure_is_a_fact_claim():
    briefing = brief_offline(Article(text="Unemployment fell to 4.1 percent in March."))
    assert len(briefing.claims) == 1
    claim = briefing.claims[0]
    assert claim.kind == ClaimKind.fact and claim.speaker is None
    assert claim.channel == Channel.unattributed


# ----------------------------------------------------------------------- disputes


def test_denial_of_claims_by_a_party_is_a_dispute():
    text = ("The ministry has rejected claims by opposition leaders that the bridge is unsafe. "
            "The mayor dismissed the allegations as “complete nonsense.”")
    disputes = brief_offline(Article(text=text)).disputes
    assert len(disputes) == 1
    stances = [(p.party, p.stance) for p in disputes[0].positions]
    assert stances == [("opposition leaders", "asserts"), ("The ministry", "denies"),
                       ("The mayor", "denies")]
    assert disputes[0].assertion == "the bridge is unsafe"
    for position in disputes[0].positions:
        assert text[position.span.start:position.span.end] == position.evidence


# ----------------------------------------------------------------------- quote marks, sentences


def test_unbalanced_quote_mark_does_not_swallow_the_article():
    text = ("Ana Ruiz said: “The bridge is safe.\n"
            "Engineers warned that the cables were corroded.\n"
            "“We will close it tonight,” the mayor said.")
    found = claims(text)
    assert [c.speaker.name for c in found] == ["Engineers", "the mayor"]
    assert found[1].evidence == "We will close it tonight"


def test_quote_running_over_paragraphs():
    text = "“The first part.\n“The second part,” she said."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["The first part.", "The second part"]


def test_straight_and_doubled_apostrophe_quotes():
    text = "He said \"yes\" and ''no'' and “maybe”."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["yes", "no", "maybe"]


def test_sentences_keep_abbreviations_and_offsets():
    text = "Sen. Ann Lee met Mr. Obama in the U.S. Senate. Then she left.\nA new line."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Sen. Ann Lee met Mr. Obama in the U.S. Senate.", "Then she left.", "A new line."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,:\n\"“”‘’`'―Xsaid ")), max_size=200))
def test_never_crashes_and_spans_are_exact(text):
    briefing = brief_offline(Article(text=text))
    for claim in briefing.claims:
        assert text[claim.span.start:claim.span.end] == claim.evidence
