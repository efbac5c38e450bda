"""Prices: the shipped table, user overrides, snapshots, and None (never a guess) when unknown."""

from __future__ import annotations

import json

import openai
import pytest

from briefing.brief.briefer import Briefer
from briefing.core.errors import ConfigurationError
from briefing.core.models import Usage
from briefing.llm.prices import Price, PriceTable, load_prices, shipped_prices
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, REPLAY_KEY

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

USAGE = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000)


def test_shipped_table_prices_gpt_4o_mini():
    assert shipped_prices().cost("gpt-4o-mini", USAGE) == pytest.approx(0.15 + 0.60)


def test_a_dated_snapshot_is_priced_as_its_model_but_nothing_else_is_guessed():
    table = shipped_prices()
    assert table.cost("gpt-4o-mini-2024-07-18", USAGE) == table.cost("gpt-4o-mini", USAGE)
    for unknown in ("gpt-4o-mini-finetuned", "llama3.1:8b", "GPT-4O-MINI", "", None, "gpt-4o-mini-2024-07"):
        assert table.cost(unknown, USAGE) is None


def test_cached_prompt_tokens_are_billed_at_the_cached_price():
    table = PriceTable({"m": Price(input=2.0, cached_input=0.5, output=8.0)})
    usage = Usage(prompt_tokens=1_000_000, cached_prompt_tokens=400_000, completion_tokens=0)
    assert table.cost("m", usage) == pytest.approx(0.6 * 2.0 + 0.4 * 0.5)
    hostile = Usage(prompt_tokens=10, cached_prompt_tokens=1_000_000)  # never more cached than sent
    assert table.cost("m", hostile) == pytest.approx(10 * 0.5 / 1e6)


def test_batch_discount_halves_the_cost():
    table = shipped_prices()
    assert table.cost("gpt-4o-mini", USAGE, batch=True) == pytest.approx(table.cost("gpt-4o-mini", USAGE) / 2)


def test_a_user_file_overrides_and_extends_the_shipped_table(tmp_path):
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"models": {"gpt-4o-mini": {"input": 1, "output": 2},
                                           "llama3.1:8b": {"input": 0, "output": 0}}}))
    table = load_prices(path)
    assert table.cost("gpt-4o-mini", USAGE) == pytest.approx(3.0)
    assert table.cost("llama3.1:8b", USAGE) == 0.0  # a free local model is zero, not unknown
    assert table.cost("gpt-4o", USAGE) == shipped_prices().cost("gpt-4o", USAGE)


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"m": {"input": "cheap", "output": 1}}',
                                     '{"m": {"input": -1, "output": 1}}', '{"m": {"output": 1}}'])
def test_a_bad_price_file_is_a_clear_configuration_error(tmp_path, content):
    path = tmp_path / "prices.json"
    path.write_text(content)
    with pytest.raises(ConfigurationError, match="prices|price"):
        load_prices(path)


def test_a_missing_price_file_says_which(tmp_path):
    with pytest.raises(ConfigurationError, match="nope.json"):
        load_prices(tmp_path / "nope.json")


SEED_REPLY = load_answers(ANSWERS / "seed_article.json")[0]


def test_briefing_usage_carries_its_cost(seed_text):
    with Responder([SEED_REPLY, SEED_REPLY]) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        priced = Briefer(model="gpt-4o-mini", client=client).brief(seed_text)
        unpriced = Briefer(model="my-local-model", client=client).brief(seed_text)
    usage = priced.usage
    assert usage.cost_usd == pytest.approx((usage.prompt_tokens * 0.15 + usage.completion_tokens * 0.60) / 1e6)
    assert usage.cost_usd > 0
    assert unpriced.usage.cost_usd is None


def test_briefer_takes_a_price_mapping(seed_text):
    with Responder([SEED_REPLY]) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        briefing = Briefer(model="my-local-model", client=client,
                           prices={"my-local-model": {"input": 1.0, "output": 1.0}}).brief(seed_text)
    assert briefing.usage.cost_usd == pytest.approx(briefing.usage.total_tokens / 1e6)


def test_the_estimate_before_a_call_bounds_the_cost_after_it(seed_text):
    with Responder([SEED_REPLY]) as server:
        briefer = Briefer(model="gpt-4o-mini", client=openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url))
        prompt, output = briefer.estimate(seed_text)
        briefing = briefer.brief(seed_text)
    assert abs(prompt - briefing.usage.prompt_tokens) <= 0.1 * briefing.usage.prompt_tokens
    assert output == server.requests[0]["max_tokens"] >= briefing.usage.completion_tokens
    estimated = briefer.prices.estimate("gpt-4o-mini", prompt, output)
    assert estimated >= briefing.usage.cost_usd * 0.99
