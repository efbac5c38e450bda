"""Briefing the seed article through instructor, replayed from cassettes (see cassettes/README.md)."""

from __future__ import annotations

import asyncio

import pytest

from briefing import Briefer, Briefing
from briefing.core.options import BriefingOptions
from helpers import briefer_args

pytestmark = pytest.mark.vcr


def _assert_grounded(briefing: Briefing, text: str) -> None:
    """Every located excerpt sits at its span; unlocated ones carry no span."""
    for item in [*briefing.claims, *(p for d in briefing.disputes for p in d.positions)]:
        if item.grounding == "not_found":
            assert item.span is None
            continue
        assert item.span is not None
        located = text[item.span.start:item.span.end]
        if item.grounding == "exact":
            assert located == item.evidence


def _claim(briefing: Briefing, evidence_start: str):
    return next(c for c in briefing.claims if c.evidence.startswith(evidence_start))


@pytest.mark.answers("seed_article")
def test_seed_article_tools_mode(llm_client, seed_text):
    briefing = Briefer(model="gpt-4o-mini", client=llm_client).brief(seed_text, id="nato-us-russia-thaw")

    assert briefing.extractor == "llm" and briefing.model == "gpt-4o-mini"
    assert briefing.article == "nato-us-russia-thaw"
    assert briefing.prompt_version.startswith("brief-")
    assert briefing.usage.requests == 1 and briefing.usage.total_tokens > 0
    assert all(c.grounding == "exact" for c in briefing.claims)
    _assert_grounded(briefing, seed_text)

    shea = _claim(briefing, "We always knew")
    assert shea.speaker.name == "Jamie Shea" and not shea.speaker.anonymous
    assert shea.speaker.role == "Former NATO official" and shea.direct_quote
    assert seed_text[shea.span.start:shea.span.end] == shea.evidence

    diplomat = _claim(briefing, "We know the direction")
    assert diplomat.speaker.anonymous and diplomat.speaker.via == "AFP"

    putin = _claim(briefing, "complete nonsense")
    assert putin.kind.value == "denial" and putin.check.speaker_in_article

    target = next(d for d in briefing.disputes if "5%" in d.assertion)
    assert target.positions[0].party == "Donald Trump" and target.positions[0].stance == "asserts"
    assert target.positions[0].grounding == "exact"
    russia = next(d for d in briefing.disputes if "attack" in d.assertion)
    assert {p.stance for p in russia.positions} == {"asserts", "denies"}


@pytest.mark.answers("seed_article")
def test_seed_article_json_schema_mode(llm_client, seed_text):
    briefing = Briefer(client=llm_client, options=BriefingOptions(model="gpt-4o-mini", mode="json_schema")).brief(seed_text)

    assert len(briefing.claims) == 13
    assert all(c.grounding == "exact" for c in briefing.claims)
    _assert_grounded(briefing, seed_text)


@pytest.mark.answers("seed_article")
def test_seed_article_md_json_mode(llm_client, seed_text):
    briefing = Briefer(client=llm_client, options=BriefingOptions(model="gpt-4o-mini", mode="md_json")).brief(seed_text)

    assert briefing.headline.startswith("European allies")
    _assert_grounded(briefing, seed_text)


@pytest.mark.answers("seed_article")
def test_seed_article_async(async_llm_client, seed_text):
    briefer = Briefer(model="gpt-4o-mini", client=async_llm_client)
    briefing = asyncio.run(briefer.abrief(seed_text))

    assert len(briefing.claims) == 13
    _assert_grounded(briefing, seed_text)
    assert briefer.pacer.limits() == {"requests": 10_000, "tokens": 30_000_000}  # the async hooks learn too


@pytest.mark.answers("seed_article")
def test_the_pacer_learns_the_keys_limits_from_the_answers_headers(llm_client, seed_text, vcr):
    """Real answers always carry x-ratelimit-* headers (issue 18, item 20): replayed, they teach the
    pacer the key's limits and what remains of them."""
    briefer = Briefer(model="gpt-4o-mini", client=llm_client)
    assert briefer.pacer.limits() == {}  # nothing known before the first answer
    briefer.brief(seed_text)

    headers = vcr.responses[0]["headers"]
    assert headers["x-ratelimit-limit-requests"] == ["10000"] and headers["x-ratelimit-remaining-requests"] == ["9999"]
    remaining_tokens = int(headers["x-ratelimit-remaining-tokens"][0])
    assert 29_990_000 < remaining_tokens < 30_000_000  # the request's prompt and output budget were reserved
    assert briefer.pacer.limits() == {"requests": 10_000, "tokens": 30_000_000}
    assert briefer.pacer.stats.limits == {"requests": 10_000, "tokens": 30_000_000}
    # the bucket holds the key's limit; its level is not asserted: the headers say it refills
    # within 6 ms, so on a slow machine it is full again by the time a test could read it
    assert briefer.pacer._buckets["tokens"].capacity == 30_000_000


@pytest.mark.answers("seed_article")
def test_a_hand_limit_below_the_headers_stays(llm_client, seed_text):
    """The adversarial partner: a header limit above a limit given by hand does not raise it."""
    briefer = Briefer(**briefer_args(model="gpt-4o-mini", client=llm_client, rpm=60, tpm=500_000))
    briefer.brief(seed_text)

    assert briefer.pacer.limits() == {"requests": 60, "tokens": 500_000}


@pytest.mark.answers("seed_reask_fixed")
def test_misquoted_excerpt_is_reasked_and_fixed(llm_client, seed_text):
    briefing = Briefer(model="gpt-4o-mini", client=llm_client).brief(seed_text)

    assert briefing.usage.requests == 2
    shea = next(c for c in briefing.claims if c.speaker and c.speaker.name == "Jamie Shea")
    assert shea.grounding == "exact"
    assert shea.evidence.startswith("We always knew that the moment")


@pytest.mark.answers("seed_reask_fixed")
def test_reask_message_names_the_misquoted_excerpt(llm_client, seed_text, vcr):
    Briefer(model="gpt-4o-mini", client=llm_client).brief(seed_text)

    reask = vcr.requests[1].body.decode("utf-8")
    assert "We always expected that America would one day step back from Europe." in reask
    assert "do not occur in the article" in reask


@pytest.mark.answers("seed_invented_quote")
def test_unlocatable_excerpt_is_kept_as_not_found(llm_client, seed_text):
    briefing = Briefer(model="gpt-4o-mini", client=llm_client).brief(seed_text)

    assert briefing.usage.requests == 2
    invented = briefing.claims[-1]
    assert invented.evidence.startswith("The alliance has never been more united")
    assert invented.grounding == "not_found" and invented.span is None
    assert len(briefing.claims) == 14
    assert 13 in briefing.grounding_summary.untrusted
    _assert_grounded(briefing, seed_text)
