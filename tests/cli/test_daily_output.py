"""What `briefing daily` prints: the readable view by default (plain text in a pipe, colours on a
terminal), Markdown or JSON on request, and an HTML page that carries the day's articles."""

from __future__ import annotations

import io
import json
import re

import pytest
from typer.testing import CliRunner

from briefing import daily
from briefing.cli.app import app
from briefing.cli.daily import READABLE_WIDTH, DailyFormat, print_out
from briefing.daily import DailyBriefing
from daily_fixtures import quake_day

runner = CliRunner()


def _day_folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for article in quake_day():
        front = "".join(f"{k}: {v}\n" for k, v in (("source", article.source), ("url", article.url),
                                                     ("published", article.published)) if v)
        (folder / f"{article.id}.md").write_text(f"---\n{front}---\n{article.text}", encoding="utf-8")
    return folder


def test_in_a_pipe_the_default_is_plain_text_at_80_columns(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(_day_folder(tmp_path)), "--quiet"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Daily briefing, 2026-11-25\n2 stories from 5 articles")
    assert "\x1b" not in out and "# " not in out and "**" not in out
    assert all(len(line) <= 80 for line in out.splitlines() if not line.strip().startswith("https://"))
    assert "contested · 2 outlets  David Witt" in out


@pytest.mark.parametrize(("args", "start"), [(["--format", "markdown"], "# Daily briefing"),
                                             (["--format", "text"], "Daily briefing, 2026")])
def test_format_chooses_what_stdout_shows(tmp_path, no_llm_env, args, start):
    result = runner.invoke(app, ["daily", str(_day_folder(tmp_path)), "--quiet", *args])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)


def test_json_and_format_json_print_the_same_object(tmp_path, no_llm_env):
    folder = _day_folder(tmp_path)
    flag = runner.invoke(app, ["daily", str(folder), "--quiet", "--json"])
    option = runner.invoke(app, ["daily", str(folder), "--quiet", "--format", "json"])
    assert flag.exit_code == option.exit_code == 0
    assert json.loads(flag.stdout) == json.loads(option.stdout)
    DailyBriefing.model_validate_json(option.stdout)


def test_json_with_another_format_is_one_usage_error(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(_day_folder(tmp_path)), "--json", "--format", "markdown"])
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: --json and --format markdown") and "leave one out" in line


def test_out_writes_the_file_in_the_format_asked_and_stdout_stays_empty(tmp_path, no_llm_env):
    folder = _day_folder(tmp_path)
    quiet = runner.invoke(app, ["daily", str(folder), "--quiet", "--out", str(tmp_path / "day.md")])
    text = runner.invoke(app, ["daily", str(folder), "--quiet", "--out", str(tmp_path / "day.txt"), "--format", "text"])
    assert quiet.exit_code == text.exit_code == 0
    assert quiet.stdout == text.stdout == ""
    assert (tmp_path / "day.md").read_text(encoding="utf-8").startswith("# Daily briefing")  # by its suffix
    plain = (tmp_path / "day.txt").read_text(encoding="utf-8")
    assert plain.startswith("Daily briefing, 2026") and "\x1b" not in plain  # --format wins


def test_the_html_file_carries_each_article_with_its_reports_marked(tmp_path, no_llm_env):
    result = runner.invoke(app, ["daily", str(_day_folder(tmp_path)), "--quiet", "--out", str(tmp_path / "day.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "day.html").read_text(encoding="utf-8")
    assert page.count('<section class="article"') == 5
    assert re.search(r'<a class="outlet" href="#ev-story-1-c1-a\d+">Desert Sun</a>', page)
    assert "Governor Ann Marsh toured Ridgecrest" in page


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_view_is_in_colour_and_no_wider_than_readable(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "240")
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    print_out(daily(quake_day()), DailyFormat.text)
    shown = screen.getvalue()
    assert "\x1b[" in shown and "contested · 2 outlets" in shown
    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\\\", "", shown)
    widest = max(len(line.rstrip()) for line in plain.splitlines() if "https://" not in line)
    assert 80 < widest <= READABLE_WIDTH  # the terminal is 240 wide: the view stops at a readable width
    assert READABLE_WIDTH == 100
