"""The test servers answer with the OpenAI API's ``x-ratelimit-*`` headers when given ``RateLimits``
(issue 18, item 20): the shape of recorded live answers, counted down per request and token."""

from __future__ import annotations

import openai
import pytest

from briefing import Briefer
from briefing.testing import FakeModel, RateLimits, Responder, load_answers
from briefing.testing.responder import _duration, reply_response, request_cost
from helpers import ANSWERS, REPLAY_KEY

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

SEED_REPLY = load_answers(ANSWERS / "seed_article.json")[0]
REQUEST = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x" * 400}], "max_tokens": 100}


def test_the_defaults_are_a_gpt_4o_mini_keys_limits():
    assert (RateLimits().requests, RateLimits().tokens) == (10_000, 30_000_000)


def test_the_headers_have_the_live_answers_shape():
    assert RateLimits().headers(1, 13) == {
        "x-ratelimit-limit-project-requests": "10000",
        "x-ratelimit-limit-requests": "10000",
        "x-ratelimit-limit-tokens": "30000000",
        "x-ratelimit-remaining-project-requests": "9999",
        "x-ratelimit-remaining-requests": "9999",
        "x-ratelimit-remaining-tokens": "29999987",
        "x-ratelimit-reset-project-requests": "6ms",
        "x-ratelimit-reset-requests": "6ms",
        "x-ratelimit-reset-tokens": "0s",
    }


def test_the_headers_count_down_and_never_below_zero():
    small = RateLimits(requests=3, tokens=1_000)
    assert small.headers(2, 600)["x-ratelimit-remaining-requests"] == "1"
    assert small.headers(2, 600)["x-ratelimit-remaining-tokens"] == "400"
    assert small.headers(2, 600)["x-ratelimit-reset-tokens"] == "36s"  # 600 of 1,000 a minute
    spent = small.headers(5, 5_000)
    assert spent["x-ratelimit-remaining-requests"] == "0" and spent["x-ratelimit-remaining-tokens"] == "0"
    assert spent["x-ratelimit-reset-requests"] == "1m0s" and spent["x-ratelimit-reset-tokens"] == "1m0s"


@pytest.mark.parametrize("seconds, text", [(0, "0s"), (0.0004, "0s"), (0.006, "6ms"), (0.999, "999ms"),
                                           (1, "1s"), (1.5, "1.5s"), (60, "1m0s"), (90.5, "1m30.5s")])
def test_reset_times_are_written_as_the_api_writes_them(seconds, text):
    assert _duration(seconds) == text


def test_a_requests_cost_is_its_prompt_and_its_output_budget():
    assert request_cost(REQUEST) == 100 + 100  # 400 characters, about 100 tokens, and max_tokens
    assert request_cost({**REQUEST, "max_tokens": None, "max_completion_tokens": 50}) == 150
    assert request_cost({**REQUEST, "tools": [{"type": "function"}]}) > request_cost(REQUEST)


def test_only_a_200_carries_them_and_a_replys_own_headers_win():
    limits = RateLimits().headers(1, 200)
    status, _, headers = reply_response(REQUEST, SEED_REPLY, 0, limit_headers=limits)
    assert status == 200 and headers["x-ratelimit-remaining-tokens"] == "29999800"
    fault = {"status": 429, "error": {"message": "slow down", "type": "requests", "param": None,
                                      "code": "rate_limit_exceeded"}, "headers": {"retry-after-ms": "20"}}
    _, _, headers = reply_response(REQUEST, fault, 0, limit_headers=limits)
    assert not any(name.startswith("x-ratelimit-") for name in headers) and headers["retry-after-ms"] == "20"
    own = {**SEED_REPLY, "headers": {"x-ratelimit-limit-requests": "500"}}
    _, _, headers = reply_response(REQUEST, own, 0, limit_headers=limits)
    assert headers["x-ratelimit-limit-requests"] == "500" and headers["x-ratelimit-limit-tokens"] == "30000000"


def test_a_responder_without_rate_limits_sends_none(seed_text):
    with Responder([SEED_REPLY]) as server:
        briefer = Briefer(client=openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url))
        briefer.brief(seed_text)
    assert briefer.pacer.limits() == {}


def test_a_responder_with_rate_limits_teaches_the_pacer(seed_text):
    with Responder([SEED_REPLY, SEED_REPLY], rate_limits=RateLimits(requests=500, tokens=200_000)) as server:
        briefer = Briefer(client=openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url))
        briefer.brief(seed_text)
        briefer.brief(seed_text + " ")
        second = server.limit_headers(1)
    assert briefer.pacer.limits() == {"requests": 500, "tokens": 200_000}
    assert second["x-ratelimit-remaining-requests"] == "498"
    sent = sum(request_cost(r) for r in server.requests)
    assert second["x-ratelimit-remaining-tokens"] == str(200_000 - sent)


def test_the_fake_model_sends_them_too(seed_text):
    fake = FakeModel([SEED_REPLY], rate_limits=RateLimits(requests=60, tokens=90_000))
    briefer = Briefer(model="gpt-4o-mini", client=fake.client())
    briefer.brief(seed_text)
    assert briefer.pacer.limits() == {"requests": 60, "tokens": 90_000}
