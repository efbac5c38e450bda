"""Error and note lines on stderr quote file names, URLs and servers' words: data, so an escape
sequence or another control character in them never reaches the terminal."""

from __future__ import annotations

import io
import os

import pytest
from rich.console import Console
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.cli.common import error_line, note_line
from briefing.core.errors import FetchError
from helpers import SEED

runner = CliRunner()
CONTROLS = ["\x1b", "\x07", "\x9b", "\x00", "\u202e"]


def _printed(write) -> str:
    stream = io.StringIO()
    write(Console(file=stream, force_terminal=True, width=200))
    return stream.getvalue()


@pytest.mark.skipif(os.name != "posix", reason="an escape character in a file name")
def test_a_file_name_with_an_escape_sequence_is_shown_without_it(tmp_path, no_llm_env):
    folder = tmp_path / "day"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad\x1b[2J\x1b]8;;evil.example\x07.txt").write_bytes(b"\x00\x01binary\x00")
    result = runner.invoke(app, ["daily", "--offline", str(folder), "--out", str(tmp_path / "day.md")])
    assert result.exit_code == 1
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "bad [2J ]8;;evil.example.txt: the file is binary" in error
    assert (tmp_path / "day.md").exists()  # the other article still makes the day


@pytest.mark.parametrize("control", CONTROLS)
def test_error_and_note_lines_drop_control_characters_and_keep_the_words(control):
    error = _printed(lambda c: error_line(c, FetchError(f"feed{control}x.xml: the server answered 404", url="x", reason="status")))
    note = _printed(lambda c: note_line(c, f"history: day{control}2.json skipped"))
    assert control not in error.replace("\x1b[1;31m", "").replace("\x1b[0m", "")  # only our own colour
    assert control not in note.replace("\x1b[33m", "").replace("\x1b[0m", "")
    assert "the server answered 404" in error and "skipped" in note
    assert error.count("\n") == 1 and note.count("\n") == 1


def test_a_failed_article_line_from_daily_drops_control_characters(tmp_path, no_llm_env, monkeypatch):
    from briefing.cli import daily as daily_cli
    from briefing.daily import DailyBriefing

    def failing_day(articles, **kwargs):
        return DailyBriefing(title="t", date="2026-12-06", stories=[], sources=[],
                             failures=["bad\x1b[2J\x1b]8;;evil.example\x07.txt: the model refused"])

    monkeypatch.setattr(daily_cli, "daily", failing_day)
    result = runner.invoke(app, ["daily", "--offline", str(SEED), "--out", str(tmp_path / "day.md")])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "error: bad [2J ]8;;evil.example.txt: the model refused" in result.stderr


def test_check_prints_article_evidence_without_its_escape_sequences(tmp_path, no_llm_env):
    article = tmp_path / "toll.txt"
    article.write_text("The council voted on Tuesday to raise the bridge toll by two dollars\x1b[2J for every car, "
                       "the mayor said.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--offline",
                                 "The council voted on Tuesday to raise the bridge toll by two dollars for every car",
                                 str(article)])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "raise the bridge toll by two dollars [2J for every car" in result.stdout


def test_brief_prints_article_text_without_its_escape_sequences(tmp_path, no_llm_env):
    article = tmp_path / "toll.txt"
    article.write_text('"We will raise the toll\x1b[2J by two dollars," said Mayor Ann Reyes\x1b]8;;evil\x07 on '
                       "Tuesday. The council voted on Tuesday to raise the bridge toll by two dollars for every car.\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["brief", "--offline", str(article)])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "raise the toll [2J by two dollars" in result.stdout
