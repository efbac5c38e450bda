"""A lone surrogate (``\\ud800``, legal in JSON, not in UTF-8) in an article is data: it becomes
U+FFFD when the article is made, so the day can still be written, printed and saved."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from briefing.cli.app import app

runner = CliRunner()
TEXT = ("Snow closed the pass between Olmsted and Varga on Friday, the roads office said \\ud800 today. "
        "Crews expect to reopen it by Sunday, the office spokesman Karl Brenner said.")


def test_daily_over_a_json_article_with_a_lone_surrogate_writes_prints_and_saves(tmp_path, no_llm_env):
    path = tmp_path / "day.json"
    path.write_text('[{"id": "snow", "published": "2026-12-05", "text": "' + TEXT + '"}]', encoding="utf-8")
    history = tmp_path / "history"
    result = runner.invoke(app, ["daily", "--offline", str(path), "--history", str(history), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-12-05"
    assert [p.name for p in history.iterdir()] == ["2026-12-05.json"]
