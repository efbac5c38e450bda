"""Models that reject max_tokens or temperature (OpenAI's reasoning models) are adapted to, once."""

from __future__ import annotations

import asyncio

import openai
import pytest

from briefing import Briefer
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, REPLAY_KEY

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

GOOD = load_answers(ANSWERS / "seed_article.json")[0]
MAX_TOKENS = {"message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                         "'max_completion_tokens' instead.", "type": "invalid_request_error",
              "param": "max_tokens", "code": "unsupported_parameter"}
TEMPERATURE = {"message": "Unsupported value: 'temperature' does not support 0 with this model. Only the "
                          "default (1) value is supported.", "type": "invalid_request_error",
               "param": "temperature", "code": "unsupported_value"}


def reasoning_model(request: dict, n: int) -> dict:
    """Answer as a reasoning model's endpoint does: reject max_tokens, then a temperature."""
    if "max_tokens" in request:
        return {"status": 400, "error": MAX_TOKENS}
    if "temperature" in request:
        return {"status": 400, "error": TEMPERATURE}
    return GOOD


def test_rejected_parameters_are_replaced_then_remembered(seed_text):
    with Responder(reasoning_model) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        briefer = Briefer(model="o4-mini", client=client, retry_policy=RetryPolicy(max_attempts=1))
        first = briefer.brief(seed_text)
        second = briefer.brief(seed_text)

    assert first.usage.requests == 3 and second.usage.requests == 1
    last = server.requests[-1]
    sized = briefer.output_budget.tokens(seed_text, briefer.options.max_claims)  # the article's budget, not a flat 4096
    assert last["max_completion_tokens"] == sized < 4096 and "max_tokens" not in last and "temperature" not in last
    assert len(first.claims) == 13


def test_async_adapts_too(seed_text):
    with Responder(reasoning_model) as server:
        client = openai.AsyncOpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        briefing = asyncio.run(Briefer(model="o4-mini", client=client).abrief(seed_text))

    assert briefing.usage.requests == 3 and len(server.requests) == 3


def test_other_bad_requests_are_not_resent(seed_text):
    from briefing import APIError

    bad = {"message": "Invalid value for 'model'.", "type": "invalid_request_error", "param": "model",
           "code": "invalid_value"}
    with Responder(lambda request, n: {"status": 400, "error": bad}) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        with pytest.raises(APIError):
            Briefer(model="o4-mini", client=client).brief(seed_text)

    assert len(server.requests) == 1


def test_concurrent_requests_that_both_meet_the_rejection_both_adapt(seed_text):
    """Two briefs in flight with max_tokens: the one whose 400 arrives second, after the other has
    already adapted, is resent too rather than failing."""
    from concurrent.futures import ThreadPoolExecutor

    def slow_reasoning_model(request: dict, n: int) -> dict:
        reply = reasoning_model(request, n)
        return {"delay": 0.3, **reply} if "max_tokens" in request else reply

    with Responder(slow_reasoning_model) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        briefer = Briefer(model="o4-mini", client=client, retry_policy=RetryPolicy(max_attempts=1))
        with ThreadPoolExecutor(max_workers=2) as pool:
            briefings = list(pool.map(briefer.brief, [seed_text, seed_text]))

    assert [len(b.claims) for b in briefings] == [13, 13]
