"""Timeouts and dropped connections, against a real OpenAI-compatible server on loopback.

Cassettes cannot replay a slow or vanished server, so these tests run ``briefing.testing.Responder``
on 127.0.0.1 (the only host let through ``--block-network`` here) with a 0.2 s request timeout.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from briefing import Briefer, errors
from briefing.retry import RetryPolicy
from briefing.testing import Responder, load_answers
from conftest import ANSWERS

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

TIMEOUT = 0.2
POLICY = RetryPolicy(max_attempts=3, initial_wait=0.01, max_wait=0.05, timeout=TIMEOUT)
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
SLOW = {"delay": TIMEOUT * 2.5, **GOOD}  # the right answer, too late
DROP = {"drop": True}


def briefer(server: Responder, **kwargs) -> Briefer:
    return Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key="loopback-key-not-secret",
                   retry_policy=POLICY, **kwargs)


def test_a_reply_slower_than_the_timeout_is_retried(seed_text):
    with Responder([SLOW, GOOD]) as server:
        started = time.perf_counter()
        briefing = briefer(server).brief(seed_text)
        elapsed = time.perf_counter() - started

    assert len(server.requests) == 2 and briefing.usage.requests == 2
    assert len(briefing.claims) == 13
    assert elapsed < SLOW["delay"] + 1  # gave up on the slow reply at the timeout, did not wait it out


def test_always_slow_is_service_unavailable_naming_the_timeout(seed_text):
    with Responder([SLOW] * 5) as server:
        with pytest.raises(errors.ServiceUnavailableError) as info:
            briefer(server).brief(seed_text, id="seed")

    assert len(server.requests) == POLICY.max_attempts
    text = str(info.value)
    assert text.startswith("seed: ") and f"did not answer within {TIMEOUT:g} s" in text
    assert "RetryPolicy.timeout" in text
    assert server.base_url in text


def test_a_dropped_connection_is_retried(seed_text):
    with Responder([DROP, GOOD]) as server:
        briefing = briefer(server).brief(seed_text)

    assert len(server.requests) == 2 and briefing.usage.requests == 2
    assert len(briefing.claims) == 13


def test_always_dropped_is_service_unavailable(seed_text):
    with Responder([DROP] * 5) as server:
        with pytest.raises(errors.ServiceUnavailableError) as info:
            briefer(server).brief(seed_text)

    assert len(server.requests) == POLICY.max_attempts
    assert "closed the connection before answering" in str(info.value)  # it was reached


def test_async_slow_then_dropped_then_good(seed_text):
    with Responder([SLOW, DROP, GOOD]) as server:
        briefing = asyncio.run(briefer(server).abrief(seed_text))

    assert len(server.requests) == 3 and briefing.usage.requests == 3
    assert len(briefing.claims) == 13


def test_async_always_slow_is_service_unavailable(seed_text):
    with Responder([SLOW] * 5) as server:
        with pytest.raises(errors.ServiceUnavailableError, match="did not answer within"):
            asyncio.run(briefer(server).abrief(seed_text))

    assert len(server.requests) == POLICY.max_attempts


def test_the_sdk_does_not_retry_on_its_own(seed_text):
    """One policy: with max_attempts=1 a timeout is one request, not the SDK's default three."""
    with Responder([SLOW] * 5) as server:
        with pytest.raises(errors.ServiceUnavailableError):
            Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key="loopback-key-not-secret",
                    retry_policy=RetryPolicy(max_attempts=1, timeout=TIMEOUT)).brief(seed_text)

    assert len(server.requests) == 1
