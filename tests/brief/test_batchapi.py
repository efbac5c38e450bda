"""The Batch API: `briefing batch submit | status | collect` against cassettes of the real
/v1/files and /v1/batches wire format (recorded from ``briefing.testing.batch_server.BatchServer``).

Each test runs the three commands in turn, as a user would, on three files: the seed article and
two copies. The batch's answers are the authored seed answer; the outcomes differ: completed,
expired after one answer, one request failed with a 500.
"""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from briefing import Briefing
from briefing.brief.batch_api import _failure, _key, requests_for
from briefing.brief.briefer import Briefer
from briefing.cli.app import app
from briefing.core.models import Article
from briefing.core.options import BriefingOptions
from briefing.testing.batch_server import BatchServer
from helpers import ANSWERS, OPENAI_URL, REPLAY_KEY, SEED

runner = CliRunner()


@pytest.fixture
def batch_env(request, record_mode, monkeypatch, tmp_path):
    """Point the command at the cassette (replay) or at a BatchServer (recording); work in tmp_path."""
    monkeypatch.chdir(tmp_path)
    for name in ("first", "second", "third"):
        shutil.copy(SEED, tmp_path / f"{name}.txt")
    monkeypatch.delenv("BRIEFING_MODEL", raising=False)
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
    if record_mode == "none":
        monkeypatch.setenv("OPENAI_BASE_URL", OPENAI_URL)
        yield tmp_path
        return
    data = json.loads((ANSWERS / f"{request.node.get_closest_marker('answers').args[0]}.json").read_text())
    with BatchServer(data["replies"], data["batch"]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        yield tmp_path


def run_batch(*extra: str):
    submitted = runner.invoke(app, ["batch", "submit", "first.txt", "second.txt", "third.txt"])
    assert submitted.exit_code == 0, submitted.stderr
    batch_id = submitted.stdout.strip()
    status = runner.invoke(app, ["batch", "status", batch_id])
    collected = runner.invoke(app, ["batch", "collect", batch_id, "--json", *extra])
    return batch_id, status, collected


@pytest.mark.vcr
@pytest.mark.answers("batch_completed")
def test_a_completed_batch_is_briefed_like_the_live_path_and_fills_the_cache(batch_env):
    batch_id, status, collected = run_batch("--cache", "cache")

    assert batch_id.startswith("batch_")
    assert status.stdout.strip() == f"{batch_id}: completed (3 done, 0 failed of 3)"
    assert collected.exit_code == 0, collected.stderr
    briefings = [Briefing.model_validate_json(line) for line in collected.stdout.splitlines()]
    assert [b.article for b in briefings] == ["first", "second", "third"]  # submission order
    for briefing in briefings:
        assert len(briefing.claims) == 13 and briefing.grounding_summary.counts["exact"] == 20
        assert briefing.claims[0].span is not None and briefing.model == "gpt-4o-mini"
        # batch prices: half the live price of the same tokens
        live = Briefer(api_key="x").prices.cost("gpt-4o-mini", briefing.usage)
        assert briefing.usage.cost_usd == pytest.approx(live / 2)
    assert collected.stderr.splitlines()[-1].startswith("briefed 3, failed 0, cached 0")
    manifest = json.loads((batch_env / ".briefing-batches" / f"{batch_id}.json").read_text())
    assert [e["custom_id"] for e in manifest["entries"]] == ["a00000-0", "a00001-0", "a00002-0"]

    # the cache now holds them: a live run on the same files sends nothing (the cassette has no
    # chat request, so any request would fail this test)
    again = runner.invoke(app, ["brief", "--json", "--cache", "cache", "first.txt", "second.txt", "third.txt"])
    assert again.exit_code == 0, again.stderr
    assert all(json.loads(line)["cached"] for line in again.stdout.splitlines())


@pytest.mark.vcr
@pytest.mark.answers("batch_expired")
def test_an_expired_batch_briefs_what_was_answered_and_names_the_rest(batch_env):
    batch_id, status, collected = run_batch()

    assert status.stdout.strip() == f"{batch_id}: expired (1 done, 2 failed of 3)"
    assert collected.exit_code == 1
    assert [json.loads(line)["article"] for line in collected.stdout.splitlines()] == ["first"]
    errors = [line for line in collected.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert errors[0].startswith("error: second.txt (a00001-0): batch_expired:")
    assert errors[1].startswith("error: third.txt (a00002-0): batch_expired:")
    assert collected.stderr.splitlines()[-1].startswith("briefed 1, failed 2")


@pytest.mark.vcr
@pytest.mark.answers("batch_partly_failed")
def test_a_partly_failed_batch_reports_the_failed_file_and_keeps_the_others(batch_env):
    batch_id, status, collected = run_batch()

    assert status.stdout.strip() == f"{batch_id}: completed (2 done, 1 failed of 3)"
    assert collected.exit_code == 1
    assert [json.loads(line)["article"] for line in collected.stdout.splitlines()] == ["first", "third"]
    errors = [line for line in collected.stderr.splitlines() if line.startswith("error:")]
    assert errors == [("error: second.txt (a00001-0): server_error: The server had an error while processing "
                      "your request. Sorry about that!")]


def test_collect_without_a_manifest_says_where_to_look(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
    result = runner.invoke(app, ["batch", "collect", "batch_unknown"])
    assert result.exit_code == 2 and "no manifest for batch 'batch_unknown'" in result.stderr


# ---------------------------------------------------------------- without HTTP


def test_batch_requests_are_the_live_requests(seed_text):
    """What is submitted equals what the live path sends first (same prompt, schema, budget)."""
    import yaml

    from helpers import CASSETTES

    live = yaml.safe_load((CASSETTES / "test_brief_cassettes" / "test_seed_article_tools_mode.yaml").read_text())
    first = json.loads(live["interactions"][0]["request"]["body"])
    assert requests_for(Briefer(api_key="x"), Article(text=seed_text, id="seed")) == [first]


def test_a_long_article_becomes_one_request_per_chunk():
    text = ("The council met on Monday. " * 40 + "\n\n") * 6
    requests = requests_for(Briefer(api_key="x", options=BriefingOptions(context_tokens=300)), Article(text=text))
    assert len(requests) > 1 and len({_key(r["messages"]) for r in requests}) == len(requests)


def test_failure_lines_are_read_in_both_shapes():
    expired = {"custom_id": "a", "response": None, "error": {"code": "batch_expired", "message": "too late"}}
    failed = {"custom_id": "b", "error": None, "response": {"status_code": 429, "body": {}}}
    assert _failure(expired) == "batch_expired: too late"
    assert _failure(failed) == "HTTP 429: the request failed"


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_changed_file_is_not_briefed_from_a_stale_answer(tmp_path, monkeypatch):
    """Edit a file between submit and collect: collect refuses it rather than ground old answers."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "first.txt")
    data = json.loads((ANSWERS / "batch_completed.json").read_text())
    with BatchServer(data["replies"], data["batch"]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        batch_id = runner.invoke(app, ["batch", "submit", "first.txt"]).stdout.strip()
        (tmp_path / "first.txt").write_text(SEED.read_text().replace("NATO", "the alliance"))
        result = runner.invoke(app, ["batch", "collect", batch_id, "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "changed since it was submitted" in result.stderr


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("reask_live", [False, True])
def test_unlocated_excerpts_stay_not_found_unless_reasked_live(tmp_path, monkeypatch, reask_live):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "first.txt")
    misquote, fixed = json.loads((ANSWERS / "seed_reask_fixed.json").read_text())["replies"]
    with BatchServer([misquote], live=[misquote, fixed]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        batch_id = runner.invoke(app, ["batch", "submit", "first.txt"]).stdout.strip()
        extra = ["--reask-live"] if reask_live else []
        result = runner.invoke(app, ["batch", "collect", batch_id, "--json", *extra])
    assert result.exit_code == 0, result.stderr
    briefing = Briefing.model_validate_json(result.stdout)
    statuses = {c.grounding for c in briefing.claims}
    if reask_live:
        assert len(server.live_requests) == 2  # the live path, with its re-ask
        assert "not_found" not in statuses
    else:
        assert server.live_requests == []  # no re-ask in a batch
        assert "not_found" in statuses


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_an_unknown_batch_id_is_one_clear_line(monkeypatch):
    with BatchServer([]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = runner.invoke(app, ["batch", "status", "batch_nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no such batch or file" in result.stderr
    assert "model" not in result.stderr and REPLAY_KEY not in result.stderr
