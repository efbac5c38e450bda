"""``briefing eval`` from the command line: columns, failures, the offline row against the benchmark."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.evaluation.annotations import load_annotated
from briefing.evaluation.scorer import COLUMNS
from briefing.testing.responder import Responder
from helpers import FIXTURE, REPO, polnear_copy, scripted

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()


def _benchmark():
    spec = importlib.util.spec_from_file_location("attribution_benchmark", REPO / "benchmarks" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_offline_row_agrees_with_the_attribution_benchmark(tmp_path, no_llm_env):
    data = polnear_copy(tmp_path)
    result = runner.invoke(app, ["eval", str(data), "--offline", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = rows(result.stdout)

    bench = _benchmark()
    attributed, _, _ = bench.evaluate(bench.load_polnear(bench.find_polnear(data)))
    t = attributed.tally
    assert row["extractor"] == "offline" and row["articles"] == 3
    assert (row["precision"], row["recall"], row["f1"]) == (t.precision, t.recall, t.f1)
    assert row["speaker_accuracy"] == (t.speaker_right / t.named if t.named else None)
    assert t.matched > 0  # the offline extractor finds some of the fixture's attributions

    printed = _benchmark_output(bench, data)
    assert f"{t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f}" in printed


def _benchmark_output(bench, data, *options: str) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench.main(["--data", str(data), *options]) == 0
    return out.getvalue()


def test_the_benchmark_lists_the_misses_of_one_half(tmp_path, no_llm_env):
    data = polnear_copy(tmp_path)
    bench = _benchmark()
    articles = bench.load_polnear(bench.find_polnear(data))
    for half, chosen in (("A", articles[0::2]), ("B", articles[1::2])):
        attributed, _, _ = bench.evaluate(chosen)
        missed = attributed.tally.gold - attributed.tally.matched
        printed = _benchmark_output(bench, data, "--misses", half)
        assert printed.splitlines()[-1] == f"{missed} annotated attributions missed"
        assert printed.count(" overlap ") == missed
        assert "offline (attributed claims)" not in printed  # the misses only, no table
    assert missed > 0  # the fixture holds attributions the offline extractor misses


def test_json_rows_have_the_contract_columns_models_first(tmp_path, no_llm_env):
    articles = load_annotated(FIXTURE)
    with Responder(scripted(articles)) as server:
        result = runner.invoke(app, ["eval", str(FIXTURE), "--model", "scripted", "--offline", "--json",
                                     "--base-url", server.base_url])
    assert result.exit_code == 0, result.output
    model, offline = rows(result.stdout)
    assert tuple(model) == COLUMNS == tuple(offline)
    assert (model["extractor"], offline["extractor"]) == ("scripted", "offline")
    assert model["f1"] == 1.0 and model["requests_per_article"] == 1.0
    assert offline["requests_per_article"] == 0.0 and offline["cost_per_article_usd"] == 0.0


def test_a_failed_article_is_reported_left_out_and_the_exit_status_is_1(no_llm_env):
    articles = load_annotated(FIXTURE)
    with Responder(scripted(articles, broken="harbour-bridge")) as server:
        result = runner.invoke(app, ["eval", str(FIXTURE), "--model", "scripted", "--json",
                                     "--base-url", server.base_url, "--concurrency", "1"])
    assert result.exit_code == 1
    (row,) = rows(result.stdout)
    assert row["articles"] == 2 and row["recall"] == 1.0
    assert "harbour-bridge" in result.stderr and "left out" in result.stderr


def test_table_names_every_column_and_limit_takes_the_first_articles(no_llm_env):
    result = runner.invoke(app, ["eval", str(FIXTURE), "--offline", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "2 articles, 8 annotated attributions" in result.stdout
    for name in COLUMNS:
        assert name in result.stdout


def test_bad_data_or_no_model_is_a_one_line_usage_error(tmp_path, no_llm_env):
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope"), "--offline"])
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr
    no_model = runner.invoke(app, ["eval", str(FIXTURE), "--model", "gpt-4o-mini"])
    assert no_model.exit_code == 2 and "no model is configured" in no_model.stderr
    assert no_model.stdout == ""


def test_without_model_or_offline_and_nothing_configured_it_scores_the_offline_extractor(tmp_path, no_llm_env):
    shutil.copytree(FIXTURE, tmp_path / "data")
    result = runner.invoke(app, ["eval", str(tmp_path / "data"), "--json"])
    assert result.exit_code == 0
    assert [r["extractor"] for r in rows(result.stdout)] == ["offline"]


def test_the_eval_module_imports_on_its_own():
    import subprocess

    done = subprocess.run([sys.executable, "-c", ("import briefing.cli.eval, briefing.cli.app as c; "
                           "print(sorted(x.name or '' for x in c.app.registered_commands))")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "'eval'" in done.stdout
