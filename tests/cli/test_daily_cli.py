"""`briefing daily`: files to one briefing, offline with no key, in the contract's JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.daily import DailyBriefing
from daily_fixtures import quake_day
from helpers import SEED

runner = CliRunner()

CONTRACT = {
    "briefing": {"title", "date", "stories", "sources", "usage", "extractor"},
    "story": {"id", "headline", "summary", "articles", "claims", "disputes"},
    "claim": {"statement", "speaker", "verdict", "reports"},
    "report": {"article", "evidence", "span", "grounding"},
    "source": {"id", "title", "source", "url", "published"},
}


def _day_folder(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    for article in quake_day():
        front = "".join(f"{k}: {v}\n" for k, v in (("source", article.source), ("url", article.url),
                                                     ("published", article.published)) if v)
        (tmp_path / f"{article.id}.md").write_text(f"---\n{front}---\n{article.text}", encoding="utf-8")
    return tmp_path


def test_json_follows_the_contract(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(_day_folder(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert CONTRACT["briefing"] <= set(record)
    assert record["extractor"] == "offline"
    texts = {a.id: a.text for a in quake_day()}
    for story in record["stories"]:
        assert CONTRACT["story"] <= set(story)
        for claim in story["claims"]:
            assert CONTRACT["claim"] <= set(claim)
            assert claim["verdict"] in ("corroborated", "single_source", "contested")
            for report in claim["reports"]:
                assert CONTRACT["report"] <= set(report)
                if report["grounding"] == "not_found":
                    assert report["span"] is None
                else:
                    span = report["span"]
                    assert texts[report["article"]][span["start"]:span["end"]] == report["evidence"]
    assert all(CONTRACT["source"] <= set(s) for s in record["sources"])
    a1 = next(s for s in record["sources"] if s["id"] == "a1")
    assert a1["url"] == "https://desert.example/quake" and a1["published"].startswith("2026-11-25")
    assert sorted(sorted(s["articles"]) for s in record["stories"]) == [["a1", "a2", "a3"], ["b1", "b2"]]
    DailyBriefing.model_validate(record)


def test_out_writes_html_markdown_and_json(tmp_path, no_llm_env):
    folder = _day_folder(tmp_path / "news")
    for name in ("today.html", "today.md", "today.json"):
        result = runner.invoke(app, ["daily", str(folder), "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "no model configured" in result.stderr
        assert result.stdout == ""
    assert (tmp_path / "today.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "today.md").read_text(encoding="utf-8").startswith("# Daily briefing")
    DailyBriefing.model_validate_json((tmp_path / "today.json").read_text(encoding="utf-8"))


def test_seed_folder_works_offline(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(SEED.parent), "--out", str(tmp_path / "today.html")])
    assert result.exit_code == 0, result.output
    assert "Jamie Shea" in (tmp_path / "today.html").read_text(encoding="utf-8")


def test_unknown_output_suffix_is_a_usage_error(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(SEED), "--out", str(tmp_path / "today.pdf")])
    assert result.exit_code == 2 and ".html, .md or .json" in result.stderr


def test_a_bad_file_is_one_error_line_and_the_rest_is_written(tmp_path, no_llm_env):
    folder = _day_folder(tmp_path / "news")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["daily", str(folder), "--json"])
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == 1
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    record = json.loads(result.stdout)
    assert len(record["sources"]) == 5 and any("broken.txt" in f for f in record["failures"])


def test_nothing_readable_is_a_clear_error(tmp_path, no_llm_env):
    (tmp_path / "empty.txt").write_text("  ", encoding="utf-8")
    result = runner.invoke(app, ["daily", str(tmp_path)])
    assert result.exit_code == 1 and "no article could be briefed" in result.stderr


def test_llm_extractor_without_a_key_is_a_configuration_error(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(SEED), "--extractor", "llm"])
    assert result.exit_code == 2 and "OPENAI_API_KEY" in result.stderr
