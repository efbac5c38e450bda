"""Timeouts and dropped connections, against a real OpenAI-compatible server on loopback.

Cassettes cannot replay a slow or vanished server, so these tests run ``briefing.testing.responder.Responder``
on 127.0.0.1 (the only host let through ``--block-network`` here) with a 0.2 s request timeout.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from briefing import Briefer
from briefing.core import errors
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

TIMEOUT = 0.2
POLICY = RetryPolicy(max_attempts=3, initial_wait=0.01, max_wait=0.05, timeout=TIMEOUT)
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
SLOW = {"delay": TIMEOUT * 2.5, **GOOD}  # the right answer, too late
DROP = {"drop": True}


ROOMY = RetryPolicy(max_attempts=3, initial_wait=0.01, max_wait=0.05, timeout=30)
"""For tests that are not about timeouts: a loaded CI machine may take over 0.2 s to answer."""


def briefer(server: Responder, policy: RetryPolicy = POLICY, **kwargs) -> Briefer:
    return Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key="loopback-key-not-secret",
                   retry_policy=policy, **kwargs)


def test_a_reply_slower_than_the_timeout_is_retried(seed_text):
    with Responder([SLOW, GOOD]) as server:
        briefing = briefer(server).brief(seed_text)

    # The slow reply is the right answer: a client that waited it out would have sent one request.
    # Two requests show that it gave up at the timeout (no wall-clock bound: it flakes on a busy machine).
    assert len(server.requests) == 2 and briefing.usage.requests == 2
    assert len(briefing.claims) == 13


def test_always_slow_is_service_unavailable_naming_the_timeout(seed_text):
    with Responder([SLOW] * 5) as server:
        with pytest.raises(errors.ServiceUnavailableError) as info:
            briefer(server).brief(seed_text, id="seed")

    assert len(server.requests) == POLICY.max_attempts
    text = str(info.value)
    assert text.startswith("seed: ") and f"did not answer within {TIMEOUT:g} s" in text
    assert "--timeout SECONDS: it raises both the wait for each answer and the time retries may take" in text
    assert "RetryPolicy.with_timeout" in text
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


# --------------------------------------------------------------------------- context-length re-splits,
# sync and async: the async twin sends the parts concurrently, which a cassette cannot replay as such.

OVER_WINDOW = {"status": 400, "error": {"message": "This model's maximum context length is 1024 tokens.",
                                        "type": "invalid_request_error", "param": "messages",
                                        "code": "context_length_exceeded"}}
EMPTY = {"answer": {"headline": "A part", "summary": "A part of the article.", "claims": [], "disputes": []}}


def _article_in(request: dict) -> str:
    message = request["messages"][1]["content"]
    start = message.index("<article>\n") + len("<article>\n")
    return message[start:message.index("\n</article>", start)]


def _brief(flavour: str, server: Responder, text: str):
    b = briefer(server, ROOMY)
    return b.brief(text, id="seed") if flavour == "sync" else asyncio.run(b.abrief(text, id="seed"))


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_an_article_over_the_window_is_resplit_until_its_parts_fit(flavour, seed_text):
    from briefing.brief.briefer import halves
    from briefing.text.chunking import Chunk

    fits = max(len(p.text) for p in halves(Chunk(0, len(seed_text), seed_text)))
    with Responder(lambda request, n: OVER_WINDOW if len(_article_in(request)) > fits else EMPTY) as server:
        briefing = _brief(flavour, server, seed_text)

    sent = [_article_in(r) for r in server.requests]
    parts = [p.text for p in halves(Chunk(0, len(seed_text), seed_text))]
    assert sent[0] == seed_text and sorted(sent[1:]) == sorted(parts)
    assert briefing.usage.requests == 1 + len(parts) and briefing.headline == "A part"


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_always_over_the_window_stops_after_two_halvings_and_leaves_nothing_running(flavour, seed_text):
    from briefing.brief.briefer import MAX_RESPLITS

    threads = set(threading.enumerate())
    left: list[object] = []
    with Responder(lambda request, n: OVER_WINDOW) as server:
        b = briefer(server)
        if flavour == "sync":
            with pytest.raises(errors.ContextLengthError) as info:
                b.brief(seed_text, id="seed")
        else:
            async def run() -> pytest.ExceptionInfo[errors.ContextLengthError]:
                with pytest.raises(errors.ContextLengthError) as caught:
                    await b.abrief(seed_text, id="seed")
                # nothing left running: every other part was cancelled and awaited before the raise
                left.extend(t for t in asyncio.all_tasks() if t is not asyncio.current_task())
                return caught

            info = asyncio.run(run())
        # no thread of the briefer outlives the call (the server's handler threads are its own)
        left.extend(t for t in threading.enumerate() if t not in threads and not t.daemon)

    assert left == []
    assert "context window" in str(info.value) and info.value.status == 400
    assert _article_in(server.requests[0]) == seed_text
    assert 1 + MAX_RESPLITS <= len(server.requests) <= 1 + 3 + 9  # article, <= 3 parts, <= 3 parts each
    # a part cancelled while its request was on the wire can reach the server without a body ({})
    assert all(len(_article_in(r)) < len(seed_text) for r in server.requests[1:] if r)
