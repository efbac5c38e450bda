"""The `briefing` command: readable view, JSON lines, configuration and per-file errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing import Briefing
from briefing.cli.app import app
from helpers import SEED

runner = CliRunner()


@pytest.mark.vcr
@pytest.mark.answers("seed_article")
def test_readable_view_of_the_seed_article(llm_env):
    result = runner.invoke(app, ["brief", str(SEED)], env={"COLUMNS": "160"})

    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "European allies fear US-Russia thaw could weaken NATO" in out
    assert "Jamie Shea" in out and "Former NATO" in out
    assert "One NATO diplomat" in out and "[anon]" in out and "via AFP" in out
    assert "Disputes" in out and "denies" in out
    assert "exact" in out and "Extracted by gpt-4o-mini" in out


@pytest.mark.vcr
@pytest.mark.answers("seed_article")
def test_json_output_is_a_briefing(llm_env):
    result = runner.invoke(app, ["brief", "--json", str(SEED)])

    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    briefing = Briefing.model_validate_json(lines[0])
    assert briefing.article == "nato-us-russia-thaw"
    record = json.loads(lines[0])
    assert record["claims"][0]["span"] == {"start": briefing.claims[0].span.start,
                                           "end": briefing.claims[0].span.end}
    assert record["claims"][0]["grounding"] == "exact"


def test_llm_without_configuration_fails_before_any_request(no_llm_env):
    result = runner.invoke(app, ["brief", "--extractor", "llm", str(SEED)])

    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "OPENAI_API_KEY" in lines[0] and "OPENAI_BASE_URL" in lines[0]


def test_briefer_without_configuration_raises_configuration_error(no_llm_env):
    from briefing import Briefer, ConfigurationError

    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        Briefer()


def test_unknown_mode_is_a_usage_error(no_llm_env):
    result = runner.invoke(app, ["brief", "--mode", "xml", str(SEED)])
    assert result.exit_code == 2


@pytest.mark.vcr
@pytest.mark.answers("seed_slips")
def test_cross_check_reports_missed_quote_and_wrong_speaker(llm_env):
    result = runner.invoke(app, ["brief", "--cross-check", str(SEED)], env={"COLUMNS": "120"})

    assert result.exit_code == 0, result.output
    assert "Cross-check with the offline extractor" in result.stdout
    assert "missed quote" in result.stdout and "The level of optimism is certainly dropping." in result.stdout
    assert "model says One NATO diplomat" in result.stdout and "Jamie Shea" in result.stdout


@pytest.mark.vcr
@pytest.mark.answers("seed_slips")
def test_cross_check_in_json(llm_env):
    result = runner.invoke(app, ["brief", "--json", "--cross-check", str(SEED)])

    record = json.loads(result.stdout)
    report = record["cross_check"]
    assert [q["evidence"] for q in report["missed_quotes"]] == ["The level of optimism is certainly dropping."]
    assert report["speaker_mismatches"][0]["offline_speaker"]["name"] == "Jamie Shea"
    assert Briefing.model_validate(record).extractor == "llm"


def test_offline_many_files_in_order(tmp_path, no_llm_env):
    second = tmp_path / "second.txt"
    second.write_text('The mayor said: "The bridge reopens on Monday."\n', encoding="utf-8")
    result = runner.invoke(app, ["brief", "--offline", "--json", str(SEED), str(second)])

    assert result.exit_code == 0, result.output
    lines = [Briefing.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [b.article for b in lines] == ["nato-us-russia-thaw", "second"]
    assert all(b.extractor == "offline" for b in lines)
    assert lines[1].claims[0].evidence == "The bridge reopens on Monday."


def test_no_configuration_falls_back_to_offline_and_says_so(no_llm_env):
    result = runner.invoke(app, ["brief", str(SEED)], env={"COLUMNS": "120"})

    assert result.exit_code == 0, result.output
    assert "offline" in result.stderr and "OPENAI_API_KEY" in result.stderr
    assert "Extracted by offline rule-based extractor" in result.stdout
    assert "Jamie Shea" in result.stdout


def test_html_pages_are_written_per_article(tmp_path, no_llm_env):
    result = runner.invoke(app, ["brief", "--offline", "--json", "--html", str(tmp_path / "out"), str(SEED)])

    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "nato-us-russia-thaw.html").read_text(encoding="utf-8")
    assert "<mark" in page and "Jamie Shea" in page


def test_a_folder_stands_for_its_article_files_in_name_order(tmp_path, no_llm_env):
    (tmp_path / "b.txt").write_text('The mayor said: "The bridge reopens on Monday."\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text('"Turnout was low," the clerk said.\n', encoding="utf-8")
    (tmp_path / "notes.docx").write_text("not an article", encoding="utf-8")
    result = runner.invoke(app, ["brief", "--offline", "--json", str(tmp_path)])

    assert result.exit_code == 0, result.output
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["a", "b"]
    [skipped] = [line for line in result.stderr.splitlines() if "notes.docx" in line]
    assert "not an article file" in skipped
