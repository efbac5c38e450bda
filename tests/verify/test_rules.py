"""verify.rules and grounding.agreement details that no verdict test pinned (issue 18, item 20)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefing import InputError
from briefing.core.models import Article, Difference, Span
from briefing.grounding.agreement import (
    AgreementOptions,
    agree,
    carried,
    word_differences,
)
from briefing.grounding.aligner import Alignment, align
from briefing.grounding.spans import reach_edges
from briefing.quantities import QuantityOptions
from briefing.verify.rules import (
    CheckOptions,
    ClaimParts,
    Evidence,
    as_articles,
    claim_parts,
    judge,
    tally,
)

# --------------------------------------------------------------------------- claim_parts / as_articles


def test_the_documented_check_defaults():
    assert CheckOptions() == CheckOptions(passages=8, offline_passages=100, context=1, max_passage_chars=600,
                                          max_claim_chars=2000, min_quote_words=3, grounding_reasks=1,
                                          agreement=AgreementOptions())


def test_a_quotation_in_a_claim_is_its_excerpt_and_the_rest_its_around_words():
    parts = claim_parts("Ruiz said \u201cWe have no other way to pay for it\u201d on Monday")
    assert parts == ClaimParts("Ruiz said \u201cWe have no other way to pay for it\u201d on Monday",
                               ("We have no other way to pay for it",), "Ruiz said on Monday")
    scare = claim_parts("Ruiz said \u201cnonsense\u201d on Monday")  # shorter than min_quote_words
    assert scare.excerpts == ("Ruiz said \u201cnonsense\u201d on Monday",) and scare.around == ""
    assert claim_parts("Ruiz said \u201cnonsense\u201d on Monday",
                       options=CheckOptions(min_quote_words=1)).excerpts == ("nonsense",)


def test_a_story_claims_reports_without_evidence_are_skipped():
    claim = SimpleNamespace(statement=" The bridge will close ", reports=[
        {"evidence": "the bridge will close in May"}, SimpleNamespace(article="a"), {"article": "b"},
        SimpleNamespace(evidence="  "), SimpleNamespace(evidence="the bridge will close in May")])
    parts = claim_parts(claim)
    assert parts == ClaimParts("The bridge will close", ("the bridge will close in May",), "")


@pytest.mark.parametrize(("claim", "reason", "message"), [
    (42, "claim", "cannot check a int"),
    ("  ", "empty", "the claim is empty"),
    ("x" * 2001, "too_large", "the claim is 2,001 characters; check one statement of at most 2,000"),
])
def test_each_bad_claim_has_its_reason(claim, reason, message):
    with pytest.raises(InputError, match=message) as caught:
        claim_parts(claim)
    assert caught.value.reason == reason


def test_each_bad_article_list_has_its_reason():
    with pytest.raises(InputError, match="no articles") as caught:
        as_articles([])
    assert caught.value.reason == "empty"
    with pytest.raises(InputError, match="share the id 'a'") as caught:
        as_articles([Article(text="One.", id="a"), Article(text="Two.", id="a")])
    assert caught.value.reason == "duplicate"
    assert [a.id for a in as_articles(["x", Article(text="y", id="b"), "z"])] == ["article-1", "b", "article-3"]


# --------------------------------------------------------------------------- judge / tally


def test_judge_reads_a_negation_from_the_alignments_differences():
    text = "The council will raise taxes."
    claim = "The council will raise taxes"
    told = Alignment(0, 28, "fuzzy", 0.9, differences=(Difference("will not", "will"),))
    judged = judge(claim, told, text)
    assert judged is not None and judged.stance == "contradicts"
    assert judged.notes == ("a negation added or dropped",)


def test_judge_passes_its_options_to_agree():
    text = "About 100 people were injured in the blast on Friday."
    claim = "108 people were injured in the blast on Friday"
    assert judge(claim, align(claim, text), text).stance == "supports"
    tight = AgreementOptions(quantities=QuantityOptions(approximate_rel_tol=0.05))
    judged = judge(claim, align(claim, text), text, options=tight)
    assert (judged.stance, judged.notes) == ("contradicts", ("About 100 excludes 108",))


def test_support_found_in_order_is_fuzzy_never_not_found():
    text = "Three cables between Italy and Egypt in the Mediterranean Sea were damaged."
    claim = "Three cables between Italy and Egypt were damaged"
    judged = judge(claim, align(claim, text), text, offset=10)
    assert (judged.stance, judged.status, judged.span) == ("supports", "fuzzy", Span(start=10, end=84))


def test_tally_needs_no_notes():
    v = tally(ClaimParts("x", ("x",)), [])
    assert (v.verdict, v.notes, v.evidence) == ("not_mentioned", [], [])
    s = Evidence(article="a", evidence="x", stance="supports", span=Span(start=0, end=1))
    half = tally(ClaimParts("x and y", ("x", "y")), [(0, s)], notes=["said"])
    assert half.verdict == "not_mentioned"
    assert half.notes == ["said", "only part of the claim was found; not found: 'y'"]


# --------------------------------------------------------------------------- agreement details


def test_a_negation_and_an_opposite_word_are_both_reasons():
    a = agree("The council will not cut taxes", "The council will raise taxes")
    assert a.reasons == ("a negation added or dropped", "opposite words: cut / raise")


def test_short_texts_are_compared_without_junk_heuristics():
    """difflib's autojunk would treat "the" as junk in a 250-word article and part the texts there."""
    article = "the cat sat on the mat. " + " ".join(["the dog ran in the park and the bird flew"] * 25)
    found = word_differences("the cat sat on the mat", article)
    assert len(found) == 1 and found[0].excerpt == "" and found[0].article.startswith("the dog ran")
    repeated = "Earlier, " + "the dog ran in the park " * 50  # every word "popular": autojunk matches none
    found = word_differences("the dog ran in the park", repeated)
    assert found == [Difference("", "Earlier"), Difference("", repeated[len("Earlier, the dog ran in the park "):].strip())]


def test_carried_names_a_capitalised_stop_word_only_inside_a_sentence():
    assert carried("The council met on Monday", "council met on Monday") == ()
    assert carried("Ruiz met The Who on Monday", "Ruiz met Who on Monday") == ("The",)
    assert carried("Talks ended. The council met on Monday", "talks ended. council met on Monday") == ()


def test_carried_compares_digits_the_figure_reader_leaves_alone():
    assert carried("The Lakers won 43 - 39 on Sunday", "The Lakers won 43 - 39 on Sunday") == ()
    assert carried("The Lakers won 43 - 39 on Sunday", "The Lakers won 43 - 38 on Sunday") == ("39",)


@pytest.mark.parametrize(("claim", "text", "span", "grown"), [
    # the span stopped at a changed figure: grown to the claim's last word just after it
    ("about 97 km away", "Officials said about 60 miles away from the coast.", ("60", " from"),
     ("about", " from")),
    ("about 97 km away", "Officials said about 60 miles away from the coast.", ("about", " miles"),
     ("about", " from")),
    ("about 97 km away", "Officials said about 60 miles away from the coast.", ("about", " from"),
     ("about", " from")),
    ("the storm hit the coast", "Yesterday the big storm hit the coast hard.", ("big", " hard"), ("the big", " hard")),
    ("the storm hit the coast", "Yesterday the big storm hit the coast hard.", ("the big", " hard"),
     ("the big", " hard")),
    ("the storm hit the coast", "In the north the storm hit the coast hard.", ("the storm", " hard"),
     ("the storm", " hard")),  # already at the claim's first word: not grown to an earlier "the"
    ("storm hit the coast today", "The storm hit the coast today and left.", ("storm", " today"),
     ("storm", " and")),
])
def test_reach_edges_grows_to_the_claims_edge_words(claim, text, span, grown):
    start, end = text.index(span[0]), text.index(span[1])
    assert reach_edges(claim, text, start, end) == (text.index(grown[0]), text.index(grown[1]))
