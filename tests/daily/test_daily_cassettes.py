"""The daily briefing with a model, replayed from cassettes (authored answers, see cassettes/README.md):
one grouping request validated so every article lands in one story, and cited story summaries."""

from __future__ import annotations

import pytest

from briefing import Briefer, daily
from briefing.daily import DailyOptions
from daily_fixtures import quake_day

pytestmark = pytest.mark.vcr


def _day():
    articles = {a.id: a for a in quake_day()}
    return [articles["a1"], articles["a2"], articles["b1"], articles["b2"]]


def _run(llm_client, **options):
    briefer = Briefer(model="gpt-4o-mini", client=llm_client)
    return daily(_day(), briefer=briefer, options=DailyOptions(concurrency=1, **options))


def _partition(d):
    return sorted(sorted(s.articles) for s in d.stories)


@pytest.mark.answers("daily_model_day")
def test_model_groups_and_writes_cited_summaries(llm_client):
    d = _run(llm_client)
    assert d.extractor == "llm" and d.grouping == "model" and d.model == "gpt-4o-mini"
    assert _partition(d) == [["a1", "a2"], ["b1", "b2"]]
    assert d.usage.requests == 4 + 1 + 2 and d.usage.total_tokens > 0
    assert not d.warnings
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    assert ridgecrest.headline == "Ridgecrest quake: outlets report 140 or 200 injured"
    assert all(s.claims and all(1 <= c <= len(ridgecrest.claims) for c in s.claims) for s in ridgecrest.summary_sentences)
    assert ridgecrest.summary == " ".join(s.text for s in ridgecrest.summary_sentences)
    lopez = [c for c in ridgecrest.claims if c.speaker and c.speaker.name == "Maria Lopez"]
    assert len(lopez) == 1 and sorted(r.article for r in lopez[0].reports) == ["a1", "a2"]
    texts = {a.id: a.text for a in _day()}
    for story in d.stories:
        for claim in story.claims:
            for r in claim.reports:
                assert r.span is None or texts[r.article][r.span.start:r.span.end] == r.evidence


@pytest.mark.answers("daily_group_reasked")
def test_an_invalid_grouping_is_reasked_with_the_problems_named(llm_client, vcr):
    d = _run(llm_client)
    assert d.grouping == "model" and _partition(d) == [["a1", "a2"], ["b1", "b2"]]
    body = vcr.requests[5].body
    reask = body.decode() if isinstance(body, bytes) else body
    assert "a4" in reask and "a2" in reask and "exactly one story" in reask


@pytest.mark.answers("daily_group_invalid_always")
def test_grouping_falls_back_offline_when_answers_stay_invalid(llm_client):
    d = _run(llm_client, max_retries=1)
    assert d.grouping == "offline" and _partition(d) == [["a1", "a2"], ["b1", "b2"]]
    assert any(w.startswith("grouping:") for w in d.warnings)
    assert d.usage.requests == 4 + 2 + 2


@pytest.mark.answers("daily_synthesis_reasked")
def test_uncited_or_missing_claims_are_reasked_then_fall_back(llm_client):
    d = _run(llm_client, max_retries=1)
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    eureka = next(s for s in d.stories if "b1" in s.articles)
    assert ridgecrest.summary_sentences and all(s.claims for s in ridgecrest.summary_sentences)
    assert not eureka.summary_sentences and "governor" not in eureka.summary
    assert eureka.summary.startswith("A magnitude 5.4 earthquake")
    [warning] = [w for w in d.warnings if w.startswith("synthesis:")]  # one line for every story that fell back
    assert f"{eureka.id}: the model's summary never cited valid claims" in warning and ridgecrest.id not in warning


@pytest.mark.answers("daily_model_day")
def test_cli_daily_json_with_a_model(llm_env, tmp_path):
    import json

    from typer.testing import CliRunner

    from briefing.cli.app import app

    for article in _day():
        (tmp_path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    result = CliRunner().invoke(app, ["daily", str(tmp_path), "--json", "--concurrency", "1"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["extractor"] == "llm" and record["grouping"] == "model"
    assert sorted(sorted(s["articles"]) for s in record["stories"]) == [["a1", "a2"], ["b1", "b2"]]
    assert all(s["summary_sentences"] for s in record["stories"])
    usage = record["usage"]  # the cost line counts the grouping and synthesis requests too
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"briefed 4, failed 0, cached 0; tokens {usage['prompt_tokens']:,} in, {usage['completion_tokens']:,} out; $")


def _arun(async_llm_client, **options):
    import asyncio

    from briefing.daily import adaily

    briefer = Briefer(model="gpt-4o-mini", client=async_llm_client)
    return asyncio.run(adaily(_day(), briefer=briefer, options=DailyOptions(concurrency=1, **options)))


@pytest.mark.answers("daily_model_day")
def test_async_twin_gives_the_same_day(async_llm_client):
    d = _arun(async_llm_client)
    assert d.grouping == "model" and _partition(d) == [["a1", "a2"], ["b1", "b2"]]
    assert d.usage.requests == 4 + 1 + 2 and not d.warnings
    assert all(s.summary_sentences for s in d.stories)


@pytest.mark.answers("daily_synthesis_reasked")
def test_async_twin_reasks_and_falls_back_the_same_way(async_llm_client):
    d = _arun(async_llm_client, max_retries=1)
    eureka = next(s for s in d.stories if "b1" in s.articles)
    assert not eureka.summary_sentences and any(w.startswith("synthesis:") and eureka.id in w for w in d.warnings)


def test_async_twin_offline_equals_sync():
    import asyncio

    from briefing.daily import adaily

    assert asyncio.run(adaily(quake_day())).model_dump_json() == daily(quake_day()).model_dump_json()


@pytest.mark.answers("daily_synthesis_figure_reasked")
def test_a_summary_figure_its_claims_do_not_carry_is_reasked(llm_client, vcr):
    d = _run(llm_client)
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    assert not d.warnings and ridgecrest.summary_sentences
    assert "400" not in ridgecrest.summary and "140" in ridgecrest.summary
    assert d.usage.requests == 4 + 1 + 3
    body = vcr.requests[6].body
    reask = body.decode() if isinstance(body, bytes) else body
    assert "sentence 1 states '400', which its claims do not carry" in reask


@pytest.mark.answers("daily_synthesis_figure_always")
def test_a_summary_figure_that_stays_wrong_falls_back_to_the_extractive_summary(llm_client):
    d = _run(llm_client, max_retries=1)
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    eureka = next(s for s in d.stories if "b1" in s.articles)
    assert not ridgecrest.summary_sentences and "400" not in ridgecrest.summary
    assert ridgecrest.summary.startswith("A magnitude 6.1 earthquake struck near Ridgecrest")
    assert any(f"{ridgecrest.id}:" in w for w in d.warnings)  # named in the day's synthesis warning
    assert eureka.summary_sentences  # the other story keeps the model's summary
