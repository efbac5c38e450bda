"""Limits on what a model returns (issue 11, item 6): too many claims, huge strings, an excerpt
that is the whole article.

Served by ``briefing.testing.responder.Responder`` on loopback with answers built here (a 5,000-claim answer
would make a cassette of megabytes); the SDK, instructor, re-asks and grounding run for real.
"""

from __future__ import annotations

import json

import pytest

from briefing import Briefer
from briefing.core.limits import AnswerLimits, cap_strings
from briefing.core.models import ExtractedBriefing
from briefing.grounding.inarticle import check_briefing, is_long_excerpt
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, briefer_args

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

SEED_ANSWER = load_answers(ANSWERS / "seed_article.json")[0]["answer"]
SEED_CLAIMS = SEED_ANSWER["claims"]


def answer(claims: int, **changes) -> dict:
    """The seed answer with ``claims`` claims: the seed's, repeated, numbered in their statements."""
    made = [{**SEED_CLAIMS[i % len(SEED_CLAIMS)], "statement": f"claim {i}"} for i in range(claims)]
    return {"answer": {**SEED_ANSWER, "claims": made, **changes}}


def brief(replies, seed_text, **kwargs):
    with Responder(replies) as server:
        briefer = Briefer(**briefer_args(model="gpt-4o-mini", base_url=server.base_url,
                                         api_key="loopback-key-not-secret",
                                         retry_policy=RetryPolicy(max_attempts=1), **kwargs))
        briefing = briefer.brief(seed_text, id="seed")
    return briefing, server.requests


def test_too_many_claims_are_reasked_once_then_the_first_ones_kept(seed_text):
    briefing, requests = brief([answer(5000), answer(5000)], seed_text, max_claims=15)

    assert len(requests) == 2  # one re-ask, not one per extra claim
    reask = json.dumps(requests[1]["messages"][-1])
    assert "5000 claims" in reask and "at most 15" in reask
    assert [c.statement for c in briefing.claims] == [f"claim {i}" for i in range(15)]
    assert all(c.grounding == "exact" for c in briefing.claims)


def test_a_reask_that_fixes_the_count_is_taken(seed_text):
    briefing, requests = brief([answer(40), answer(12)], seed_text, max_claims=15)

    assert len(requests) == 2 and len(briefing.claims) == 12


def test_an_answer_within_the_cap_sends_no_reask(seed_text):
    briefing, requests = brief([answer(15)], seed_text, max_claims=15)

    assert len(requests) == 1 and len(briefing.claims) == 15


def test_huge_strings_are_cut_to_their_limits(seed_text):
    huge = "Allies worry. " * 15_000  # about 200 KB
    claims = [{**SEED_CLAIMS[0], "statement": huge, "speaker": {**SEED_CLAIMS[0]["speaker"], "name": huge}}]
    disputes = [{"assertion": huge, "positions": [{"party": huge, "stance": "asserts",
                                                   "evidence": SEED_CLAIMS[0]["evidence"]}]}]
    limits = AnswerLimits()
    briefing, _ = brief([{"answer": {**SEED_ANSWER, "headline": huge, "summary": huge, "claims": claims,
                                     "disputes": disputes}}], seed_text)

    assert len(briefing.headline) <= limits.max_headline_chars and briefing.headline.endswith("…")
    assert len(briefing.summary) <= limits.max_summary_chars
    assert len(briefing.claims[0].statement) <= limits.max_statement_chars
    assert len(briefing.claims[0].speaker.name) <= limits.max_name_chars
    assert len(briefing.disputes[0].assertion) <= limits.max_statement_chars
    assert len(briefing.disputes[0].positions[0].party) <= limits.max_name_chars
    assert briefing.claims[0].evidence == SEED_CLAIMS[0]["evidence"]  # evidence is never cut


def test_limits_are_parameters(seed_text):
    huge = "Allies worry. " * 100
    limits = AnswerLimits(max_headline_chars=40)
    briefing, _ = brief([answer(3, headline=huge)], seed_text, limits=limits)
    assert len(briefing.headline) == 40


def test_the_whole_article_as_one_excerpt_is_untrusted(seed_text):
    whole = {**SEED_CLAIMS[0], "evidence": seed_text.strip()}
    briefing, _ = brief([{"answer": {**SEED_ANSWER, "claims": [whole, SEED_CLAIMS[1]]}}], seed_text)

    long_claim, short_claim = briefing.claims
    assert long_claim.grounding == "exact"  # it does occur in the article ...
    assert long_claim.check.long_evidence and 0 in briefing.grounding_summary.untrusted  # ... but is no pointer
    assert not short_claim.check.long_evidence and 1 not in briefing.grounding_summary.untrusted


@pytest.mark.parametrize("excerpt, long", [
    ("One sentence only.", False),
    ("First. Second one. Third one here.", False),  # three sentences: still a few
    ("First. Second one. Third one here. A fourth!", True),
    ("Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5, said U.S. officials.", False),  # abbreviations
    ("“Go,” he said. “Now.” She left. They stayed. Nobody spoke.", True),
    ("word " * 300, True),  # one endless sentence is too long as well
])
def test_long_excerpt(excerpt, long):
    assert is_long_excerpt(excerpt, max_sentences=3, max_chars=1000) is long


def test_thresholds_of_the_long_excerpt_check_are_parameters(seed_text):
    extracted = ExtractedBriefing.model_validate({**SEED_ANSWER, "claims": SEED_CLAIMS[:2]})
    from briefing.grounding.aligner import ground_briefing

    grounded = ground_briefing(cap_strings(extracted, AnswerLimits()), seed_text)
    strict = check_briefing(grounded, seed_text, max_evidence_sentences=1, max_evidence_chars=20)
    default = check_briefing(grounded, seed_text)
    assert any(c.check.long_evidence for c in strict.claims)
    assert not any(c.check.long_evidence for c in default.claims)


def test_other_limits_are_another_cache_entry(tmp_path, seed_text):
    with Responder([answer(3), answer(3)]) as server:
        def briefer(**kwargs):
            return Briefer(**briefer_args(model="gpt-4o-mini", base_url=server.base_url,
                                          api_key="loopback-key-not-secret", cache=tmp_path, **kwargs))
        briefer().brief(seed_text)
        short = briefer(limits=AnswerLimits(max_headline_chars=20)).brief(seed_text)
        again = briefer(limits=AnswerLimits(max_headline_chars=20)).brief(seed_text)

    assert len(server.requests) == 2 and not short.cached and again.cached
    assert len(short.headline) == 20
