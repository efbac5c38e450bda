"""The command line's spend: the end-of-run cost line, --max-cost, --rpm/--tpm, the progress bar.

Runs the real command against ``briefing.testing.responder.Responder`` on loopback (authored seed answer).
"""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

import briefing.llm.pacing
from briefing.brief.tally import RunTally
from briefing.cli.app import app
from briefing.cli.progress import NoProgress, ProgressView, progress_view
from briefing.llm.pacing import Pacer
from briefing.llm.prices import shipped_prices
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()
GOOD = load_answers(ANSWERS / "seed_article.json")[0]


@pytest.fixture
def files(tmp_path):
    paths = []
    for name in ("first", "second", "third"):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(SEED.read_bytes())
        paths.append(str(path))
    return paths


def invoke(args, monkeypatch, replies=None, model="gpt-4o-mini"):
    with Responder(replies or (lambda request, n: GOOD)) as server:
        monkeypatch.setenv("OPENAI_API_KEY", "cli-cost-test-key")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("BRIEFING_MODEL", model)
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
        result = runner.invoke(app, ["brief", *args])
    return result, server


def test_the_run_ends_with_one_cost_line_and_stdout_stays_pure_json(files, monkeypatch):
    result, _ = invoke(["--json", *files], monkeypatch)

    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]  # every stdout line is JSON
    assert len(records) == 3
    prompt = sum(r["usage"]["prompt_tokens"] for r in records)
    output = sum(r["usage"]["completion_tokens"] for r in records)
    cost = sum(r["usage"]["cost_usd"] for r in records)
    assert cost > 0
    assert result.stderr.splitlines() == [
        f"briefed 3, failed 0, cached 0; tokens {prompt:,} in, {output:,} out; ${cost:.4f}"]


def test_failures_and_cache_hits_are_counted(files, tmp_path, monkeypatch):
    other = tmp_path / "other.txt"
    other.write_text("The council voted on Monday to close the harbour bridge for repairs.\n", encoding="utf-8")
    cache = str(tmp_path / "cache")
    replies = [GOOD, {"refusal": "I can't help with that."}]
    with Responder(replies) as server:  # one server: the cache key covers the endpoint
        monkeypatch.setenv("OPENAI_API_KEY", "cli-cost-test-key")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("BRIEFING_MODEL", "gpt-4o-mini")
        first = runner.invoke(app, ["brief", "--json", "--cache", cache, files[0]])
        again = runner.invoke(app, ["brief", "--json", "--concurrency", "1", "--cache", cache, *files, str(other)])
    assert len(server.requests) == 2  # the seed once; then only the other article (refused)
    spent = json.loads(first.stdout)["usage"]
    line = again.stderr.splitlines()[-1]
    assert line.startswith("briefed 3, failed 1, cached 3; tokens ")
    assert f"tokens {spent['prompt_tokens']:,} in" not in line  # cached briefings cost nothing now


def test_a_model_without_a_price_says_so_instead_of_guessing(files, monkeypatch):
    result, _ = invoke(["--json", files[0]], monkeypatch, model="my-local-model")
    assert json.loads(result.stdout)["usage"]["cost_usd"] is None
    assert "cost unknown (no price for 'my-local-model'; add one with --prices FILE)" in result.stderr


def test_a_price_file_prices_a_local_model(files, tmp_path, monkeypatch):
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"my-local-model": {"input": 1000, "output": 1000}}))
    result, _ = invoke(["--json", "--prices", str(prices), files[0]], monkeypatch, model="my-local-model")
    usage = json.loads(result.stdout)["usage"]
    assert usage["cost_usd"] == pytest.approx(usage["total_tokens"] * 1000 / 1e6)


def test_quiet_prints_no_cost_line(files, monkeypatch):
    result, _ = invoke(["--json", "--quiet", *files], monkeypatch)
    assert result.exit_code == 0 and result.stderr == ""


def test_max_cost_starts_no_article_it_cannot_cover_and_names_them(files, monkeypatch):
    # one seed briefing is estimated at about $0.002 (prompt + full output budget) and costs about
    # $0.0014: after the first, the spend plus the next estimate passes $0.003
    result, server = invoke(["--json", "--concurrency", "1", "--max-cost", "0.003", *files], monkeypatch)

    assert result.exit_code == 1
    assert len(server.requests) == 1
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["first"]
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: stopped at --max-cost $0.003") and lines[0].endswith("not briefed: second, third")
    assert lines[-1].startswith("briefed 1, failed 2, cached 0")


def test_max_cost_holds_under_concurrency(files, monkeypatch):
    _, server = invoke(["--json", "--concurrency", "3", "--max-cost", "0.003", *files], monkeypatch)
    assert len(server.requests) == 1  # the others were refused while the first was under way


def test_max_cost_zero_sends_nothing(files, monkeypatch):
    result, server = invoke(["--json", "--max-cost", "0", *files], monkeypatch)
    assert result.exit_code == 1 and len(server.requests) == 0 and result.stdout == ""


def test_max_cost_without_a_price_is_refused_before_any_request(files, monkeypatch):
    result, server = invoke(["--json", "--max-cost", "1", *files], monkeypatch, model="my-local-model")
    assert result.exit_code == 2 and len(server.requests) == 0
    assert "--max-cost needs a price for 'my-local-model'" in result.stderr


def test_rpm_and_tpm_reach_the_pacer(files, monkeypatch):
    made: list[Pacer] = []

    class Recording(Pacer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(briefing.llm.pacing, "Pacer", Recording)
    result, _ = invoke(["--json", "--rpm", "600", "--tpm", "900000", files[0]], monkeypatch)
    assert result.exit_code == 0
    assert made[0].limits() == {"requests": 600, "tokens": 900000}


# ---------------------------------------------------------------- the progress bar


def tally() -> RunTally:
    return RunTally("gpt-4o-mini", shipped_prices(), failed=1, cached=2, prompt_tokens=1000,
                    completion_tokens=500, cost_usd=0.0123)


def test_no_progress_on_a_pipe_or_when_quiet():
    pipe = Console(file=io.StringIO(), force_terminal=False)
    terminal = Console(file=io.StringIO(), force_terminal=True)
    assert isinstance(progress_view(pipe, 10, tally(), quiet=False, stdout_is_terminal=False), NoProgress)
    assert isinstance(progress_view(terminal, 10, tally(), quiet=True, stdout_is_terminal=False), NoProgress)
    assert isinstance(progress_view(terminal, 1, tally(), quiet=False, stdout_is_terminal=False), NoProgress)
    assert isinstance(progress_view(terminal, 10, tally(), quiet=False, stdout_is_terminal=False), ProgressView)


def test_the_bar_shows_done_failed_cached_tokens_cost_and_rate_limit_wait():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=200)
    pacer = Pacer()
    pacer.stats.waited = 42.0
    with progress_view(console, 10, tally(), pacer, quiet=False, stdout_is_terminal=False) as view:
        view.advance()
        view._progress.refresh()
    shown = screen.getvalue()
    for part in ("1/10", "failed 1", "cached 2", "1,500 tok", "$0.0123", "rate-limit wait 42s"):
        assert part in shown


def test_the_command_shows_no_bar_on_a_pipe(files, monkeypatch):
    result, _ = invoke(["--json", *files], monkeypatch)
    assert "━" not in result.stderr and "rate-limit wait" not in result.stderr
