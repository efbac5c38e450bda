"""A server fault after the day's briefings are paid for keeps the day (issue 18, item 9).

The retry policy has already retried a 503 when it reaches ``daily``; grouping and synthesis are
optional steps with offline fallbacks, so a fault there costs the model's wording, never the day.
"""

from __future__ import annotations

import asyncio

import openai
import pytest

from briefing import Briefer, adaily, daily
from briefing.daily import DailyOptions
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from daily_fixtures import quake_day
from helpers import ANSWERS

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

DAY = load_answers(ANSWERS / "daily_model_day.json")  # 4 briefings, a grouping, 2 syntheses
BRIEFS, GROUPING, SYNTHESES = DAY[:4], DAY[4], DAY[5:]
UNAVAILABLE = {"status": 503, "error": {"message": "The server is overloaded.", "type": "server_error",
                                        "param": None, "code": None}}


def _day():
    articles = {a.id: a for a in quake_day()}
    return [articles["a1"], articles["a2"], articles["b1"], articles["b2"]]


def _run(script, is_async=False):
    with Responder(script) as server:
        if is_async:
            client = openai.AsyncOpenAI(api_key="loopback-key-not-secret", base_url=server.base_url)
        else:
            client = openai.OpenAI(api_key="loopback-key-not-secret", base_url=server.base_url)
        briefer = Briefer(model="gpt-4o-mini", client=client, retry_policy=RetryPolicy(max_attempts=1))
        options = DailyOptions(concurrency=1)
        if is_async:
            return asyncio.run(adaily(_day(), briefer=briefer, options=options)), server.requests
        return daily(_day(), briefer=briefer, options=options), server.requests


@pytest.mark.parametrize("is_async", [False, True])
def test_a_503_during_synthesis_keeps_the_day_with_extractive_summaries(is_async):
    d, requests = _run([*BRIEFS, GROUPING, UNAVAILABLE, UNAVAILABLE], is_async)
    assert d.grouping == "model" and sorted(sorted(s.articles) for s in d.stories) == [["a1", "a2"], ["b1", "b2"]]
    assert all(s.summary and not s.summary_sentences and s.claims for s in d.stories)
    assert len(requests) == 6  # the server failed: the second story was not sent to it again
    [warning] = [w for w in d.warnings if "synthesis" in w]
    assert "503" in warning or "unavailable" in warning.lower()
    assert "extractive summary" in warning and "story-1" in warning and "story-2" in warning
    assert d.usage.requests == 4 + 1 + 1


@pytest.mark.parametrize("is_async", [False, True])
def test_a_503_during_grouping_groups_offline_and_keeps_the_day(is_async):
    d, requests = _run([*BRIEFS, UNAVAILABLE, *SYNTHESES], is_async)
    assert d.grouping == "offline" and len(d.stories) >= 1
    assert len(requests) == 5  # no synthesis is asked of a server that just failed
    assert any("grouping" in w and "grouped offline" in w for w in d.warnings)
    assert all(s.summary for s in d.stories)


# ---------------------------------------------------------------- model-path noise (issue 18, item 13)

REJECTED = {"status": 401, "error": {"message": "Incorrect API key provided: replay-k*****cret.",
                                     "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}}


def test_a_rejected_key_names_the_count_and_the_first_files_not_all():
    from briefing import Article, InputError

    articles = [Article(id=f"file-{n:03d}", text=f"The council of town {n} met on Tuesday and voted.")
                for n in range(200)]
    with Responder(lambda request, n: REJECTED) as server:
        client = openai.OpenAI(api_key="loopback-key-not-secret", base_url=server.base_url)
        briefer = Briefer(model="gpt-4o-mini", client=client, retry_policy=RetryPolicy(max_attempts=1))
        with pytest.raises(InputError) as caught:
            daily(articles, briefer=briefer, options=DailyOptions(concurrency=1))
    message = str(caught.value)
    assert len(message) < 1_000, len(message)
    assert "200" in message and "file-000" in message and "file-199" not in message
    assert "Incorrect API key" in message


def test_a_days_cost_prices_grouping_and_synthesis_too():
    d, _ = _run([*BRIEFS, GROUPING, *SYNTHESES])
    assert d.usage.requests == 7 and d.usage.cost_usd is not None
    priced = Briefer(api_key="x").prices.cost("gpt-4o-mini", d.usage)
    assert d.usage.cost_usd == pytest.approx(priced)


def test_a_synthesis_answer_is_capped_like_a_briefing():
    huge = {"answer": {"headline": "H" * 400_000,
                       "sentences": [{"text": "A sentence " + "x" * 2_000, "claims": [1]} for _ in range(3_000)]}}
    d, _ = _run([*BRIEFS, GROUPING, huge, huge])
    for story in d.stories:
        assert len(story.headline) <= 300
        assert 1 <= len(story.summary_sentences) <= DailyOptions().max_summary_sentences
        assert all(len(s.text) <= 1_000 for s in story.summary_sentences)
        assert len(story.summary) <= 2_000 + len(story.summary_sentences)
