"""One command-line core: every command that may call a model takes the same options with the same
defaults and help, picks its extractor in one place, holds the model and the offline rules to the
same ``--max-claims``, and ends a model run with the cost line."""

from __future__ import annotations

import json
import shutil

import pytest
import typer
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.cli.common import make_briefer
from briefing.cli.options import DEFAULT_MAX_CLAIMS, RunOptions
from briefing.core.options import BriefingOptions
from helpers import ANSWERS, REPLAY_KEY, REPO, SEED

runner = CliRunner()
DAY = str(REPO / "tests" / "fixtures" / "day")
EVAL = str(REPO / "tests" / "fixtures" / "eval")
SHARED = ["--model", "--mode", "--base-url", "--offline", "--timeout", "--retries", "--rpm", "--tpm", "--max-cost",
          "--prices", "--cache", "--quiet", "--max-claims", "--out"]
COMMANDS = ["brief", "check", "daily", "eval"]


def _params(command: str) -> dict[str, object]:
    group = typer.main.get_command(app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    return {opt: p for p in cmd.params for opt in getattr(p, "opts", [])}


@pytest.mark.parametrize("option", SHARED)
def test_every_model_command_takes_the_shared_option_with_one_default_and_help(option):
    params = {command: _params(command)[option] for command in COMMANDS}
    if option in ("--model", "--offline"):  # eval repeats --model and adds --offline to the models
        params.pop("eval")
    if option == "--max-claims":  # daily: the claims each story shows (tests/daily/test_daily_reading.py)
        params.pop("daily")
    helps = {p.help for p in params.values()}  # type: ignore[attr-defined]
    defaults = {repr(p.default) for p in params.values()}  # type: ignore[attr-defined]
    assert len(helps) == 1, helps
    assert len(defaults) == 1, defaults


def test_the_short_names_are_shared_too():
    for command in COMMANDS:
        params = _params(command)
        assert params["-m"] is params["--model"] and params["-o"] is params["--out"] and params["-q"] is params["--quiet"]


def test_mode_defaults_to_auto_for_a_server_other_than_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert make_briefer(RunOptions(base_url="http://localhost:8000/v1")).settings.mode == "auto"
    assert make_briefer(RunOptions()).settings.mode == "tools"


def test_max_claims_reaches_the_models_options(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
    assert make_briefer(RunOptions(max_claims=5)).options.max_claims == 5
    assert make_briefer(RunOptions()).options.max_claims == DEFAULT_MAX_CLAIMS == BriefingOptions().max_claims


def _claims(*args: str) -> int:
    result = runner.invoke(app, ["brief", "--offline", "--json", *args, str(SEED)])
    assert result.exit_code == 0, result.output
    return len(json.loads(result.stdout)["claims"])


def test_the_offline_extractor_is_held_to_max_claims_like_the_model(no_llm_env):
    everything = _claims("--max-claims", "200")
    assert everything > DEFAULT_MAX_CLAIMS  # the seed has more claims than the default cap
    assert _claims() == DEFAULT_MAX_CLAIMS
    assert _claims("--max-claims", "3") == 3


def test_eval_scores_the_offline_extractor_under_the_same_cap(no_llm_env):
    def row(*args: str) -> dict:
        result = runner.invoke(app, ["eval", "--offline", "--json", *args, EVAL])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    assert row("--max-claims", "1")["recall"] < row()["recall"]


@pytest.mark.parametrize("command, args", [
    ("check", ["--cache", "c", "a claim", DAY]),
    ("check", ["--max-claims", "3", "a claim", DAY]),
])
def test_an_option_that_cannot_apply_is_one_clear_error(command, args, no_llm_env):
    result = runner.invoke(app, [command, *args])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: --") and "leave it out" in line


def test_a_model_asked_for_with_none_configured_fails_before_any_request(no_llm_env):
    for command in (["brief", str(SEED)], ["check", "a claim", DAY], ["daily", DAY]):
        result = runner.invoke(app, [command[0], "--model", "gpt-4o-mini", *command[1:]])
        assert result.exit_code == 2, command
        assert "OPENAI_API_KEY" in result.stderr and result.stdout == ""


# ------------------------------------------------------------------- model runs: cost and budget
@pytest.fixture
def loopback(monkeypatch):
    from briefing.testing.responder import Responder

    def start(script):
        server = Responder(script)
        server.__enter__()
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "loopback-key-not-secret")
        monkeypatch.setenv("BRIEFING_MODEL", "gpt-4o-mini")
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
        started.append(server)
        return server

    started: list = []
    yield start
    for server in started:
        server.__exit__(None, None, None)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_check_with_a_model_ends_with_the_cost_line(loopback):
    server = loopback([{"answer": {"evidence": [], "verdict": "not_mentioned"}}])
    result = runner.invoke(app, ["check", "--json", "The bridge was funded by a federal grant", DAY])
    assert result.exit_code == 0, result.stderr
    assert len(server.requests) == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("checked 1, failed 0, cached 0; tokens ") and "$" in last


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("command", [["check", "The bridge was funded by a federal grant"], ["daily"]])
def test_max_cost_zero_sends_nothing_from_check_or_daily(loopback, command):
    server = loopback([])
    result = runner.invoke(app, [*command, "--max-cost", "0", DAY])
    assert result.exit_code == 1
    assert server.requests == []
    assert "--max-cost" in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("$0.0000")


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_quiet_drops_the_cost_line_but_not_the_errors(loopback):
    loopback([])
    result = runner.invoke(app, ["daily", "--quiet", "--max-cost", "0", DAY])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "tokens" not in result.stderr


# ------------------------------------------------------------------------------- batch submit
@pytest.fixture
def batch_server(tmp_path, monkeypatch):
    from briefing.testing.batch_server import BatchServer

    monkeypatch.chdir(tmp_path)
    data = json.loads((ANSWERS / "batch_completed.json").read_text())
    with BatchServer(data["replies"], data["batch"]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
        yield server


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_batch_submit_reads_the_same_inputs_and_collect_finds_each_article(batch_server, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text(
        json.dumps({"text": seed}) + "\n" + json.dumps({"id": "second", "text": seed}) + "\n", encoding="utf-8")
    (tmp_path / "in" / "story.md").write_text("---\ntitle: Thaw\n---\n\n" + seed, encoding="utf-8")
    submitted = runner.invoke(app, ["batch", "submit", "--manifests", "in/.m", "in"])
    assert submitted.exit_code == 0, submitted.stderr
    assert "at batch prices" in submitted.stderr
    collected = runner.invoke(app, ["batch", "collect", "--manifests", "in/.m", "--json", submitted.stdout.strip()])
    assert collected.exit_code == 0, collected.stderr
    ids = [json.loads(line)["article"] for line in collected.stdout.splitlines()]
    assert ids == ["feed-1", "second", "story"]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_batch_submit_over_max_cost_uploads_nothing(batch_server, tmp_path):
    shutil.copy(SEED, tmp_path / "first.txt")
    result = runner.invoke(app, ["batch", "submit", "--max-cost", "0", "first.txt"])
    assert result.exit_code == 2
    assert batch_server.files == {} and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "--max-cost" in line and "not submitted" in line


def test_takes_run_options_gathers_the_named_options_and_keeps_the_rest_at_their_defaults():
    from dataclasses import fields

    from briefing.cli.options import takes_run_options

    seen: list[RunOptions] = []
    tiny = typer.Typer()

    @tiny.command()
    @takes_run_options("model", "quiet", "timeout")
    def go(name: str, *, run: RunOptions) -> None:
        seen.append(run)
        print(name)

    result = runner.invoke(tiny, ["x", "--model", "m1", "-q", "--timeout", "30"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "x\n"
    assert seen == [RunOptions(model="m1", quiet=True, timeout=30.0)]
    assert runner.invoke(tiny, ["x", "--rpm", "5"]).exit_code == 2  # not named: not an option of the command
    runner.invoke(tiny, ["y"])
    assert seen[-1] == RunOptions()
    assert {f.name for f in fields(RunOptions)} == set(__import__("briefing.cli.options").cli.options.SHARED_OPTIONS)


def test_takes_run_options_refuses_an_unknown_name_and_a_command_without_run():
    from briefing.cli.options import takes_run_options

    with pytest.raises(ValueError, match="no shared option colour"):
        takes_run_options("model", "colour")
    with pytest.raises(ValueError, match="takes no `run` parameter"):
        takes_run_options("model")(lambda name: None)


def test_the_model_options_show_in_their_own_help_panel():
    for command in COMMANDS:
        panels = {p.name: getattr(p, "rich_help_panel", None) for p in _params(command).values()}
        assert panels["model"] == panels["timeout"] == panels["max_cost"] == "Model and spending"
        assert panels["out"] is None and panels["quiet"] is None


@pytest.mark.parametrize(("option", "low", "high"), [
    ("--timeout", 0.001, None), ("--retries", 0, 20), ("--rpm", 0.001, None), ("--tpm", 1, None),
    ("--max-cost", 0, None), ("--max-claims", 1, 200),
])
def test_the_shared_options_bounds(option, low, high, no_llm_env):
    def status(value) -> int:
        return runner.invoke(app, ["brief", "--offline", "--quiet", option, str(value), str(SEED)]).exit_code

    assert status(low) == 0
    assert status(low - 0.0005 if isinstance(low, float) else low - 1) == 2
    if high is not None:
        assert status(high) == 0 and status(high + 1) == 2


def test_run_options_know_offline_and_what_the_run_writes(monkeypatch, tmp_path):
    import dataclasses
    from pathlib import Path

    from briefing.cli.options import ExtractorChoice

    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    assert RunOptions(offline=True).wants_offline and RunOptions(extractor=ExtractorChoice.offline).wants_offline
    assert not RunOptions().wants_offline and not RunOptions(extractor=ExtractorChoice.llm).wants_offline
    assert RunOptions().written() == []
    assert RunOptions(out=Path("day.md")).written() == [Path("day.md")]
    assert RunOptions(out=Path("day.md"), cache=tmp_path).written() == [Path("day.md"), tmp_path]
    with pytest.raises(dataclasses.FrozenInstanceError):
        RunOptions().quiet = True  # type: ignore[misc]


@pytest.mark.parametrize(("command", "option", "kind"), [
    ("brief", "--out", "folder"), ("brief", "--prices", "folder"), ("brief", "--cache", "file"),
    ("daily", "--sources", "folder"), ("daily", "--fetch-cache", "file"),
])
def test_a_path_option_refuses_the_other_kind_of_path_before_any_work(command, option, kind, tmp_path, monkeypatch,
                                                                      no_llm_env):
    monkeypatch.chdir(tmp_path)  # a short path, so the error box shows the whole message
    (tmp_path / "f").touch()
    path = "." if kind == "folder" else "f"
    result = runner.invoke(app, [command, "--offline", option, path, str(SEED)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert option in result.output and ("is a directory" in result.output or "is a file" in result.output)
