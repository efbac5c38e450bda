"""The in-process fake model: the Responder's replies without a socket, for unit tests."""

from __future__ import annotations

import asyncio

import pytest

from briefing import Briefer, BriefingOptions, RateLimitError, RetryPolicy
from briefing.testing import FakeModel, load_answers
from helpers import ANSWERS

SEED_REPLY = load_answers(ANSWERS / "seed_article.json")[0]


def test_a_briefer_on_the_fake_model_briefs_and_grounds(seed_text):
    fake = FakeModel([SEED_REPLY])
    briefing = Briefer(model="gpt-4o-mini", client=fake.client()).brief(seed_text, id="seed")
    assert len(fake.requests) == 1 and fake.requests[0]["model"] == "gpt-4o-mini"
    assert briefing.claims and all(c.grounding != "not_found" for c in briefing.claims)
    assert briefing.usage.requests == 1 and briefing.usage.prompt_tokens > 0


def test_the_async_twin_sends_the_same_request(seed_text):
    sync, asynchronous = FakeModel([SEED_REPLY]), FakeModel([SEED_REPLY])
    one = Briefer(model="gpt-4o-mini", client=sync.client()).brief(seed_text, id="seed")
    two = asyncio.run(Briefer(model="gpt-4o-mini", client=asynchronous.async_client()).abrief(seed_text, id="seed"))
    assert sync.requests == asynchronous.requests
    assert one.model_dump(exclude={"usage"}) == two.model_dump(exclude={"usage"})


def test_a_fault_is_served_like_the_real_wire(seed_text):
    limited = {"status": 429, "headers": {"retry-after": "0"},
               "error": {"message": "Rate limit reached", "type": "requests", "param": None,
                         "code": "rate_limit_exceeded"}}
    fake = FakeModel([limited, limited])
    briefer = Briefer(client=fake.client(), options=BriefingOptions(model="gpt-4o-mini"),
                      retry_policy=RetryPolicy(max_attempts=2, max_total_wait=1))
    with pytest.raises(RateLimitError):
        briefer.brief(seed_text)
    assert len(fake.requests) == 2


def test_a_script_that_runs_out_is_a_server_error_naming_the_request():
    fake = FakeModel([])
    client = fake.client()
    with pytest.raises(Exception, match="authored answers ran out: request 1 has no reply"):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
