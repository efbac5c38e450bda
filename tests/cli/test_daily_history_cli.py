"""`briefing daily --history DIR`: day 1 then day 2, the second opening with what changed; the
days saved as DIR/DATE.json; bad files one note line; a date that cannot name a file refused."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.daily import DailyBriefing
from history_fixtures import CHANGED_MD, DAY_ONE, DAY_TWO

runner = CliRunner()


def _run(*arguments: str):
    return runner.invoke(app, ["daily", "--offline", *map(str, arguments)])


def _section(markdown: str) -> str:
    """The "What changed" section: from its heading to the first story."""
    start = markdown.index("## What changed")
    return markdown[start:markdown.index("\n## 1. ", start)]


def test_day_two_shows_what_changed_since_day_one(tmp_path, no_llm_env):
    history = tmp_path / "history"
    first = _run(DAY_ONE, "--history", history, "--out", tmp_path / "one.md")
    second = _run(DAY_TWO, "--history", history, "--out", tmp_path / "two.md")

    assert first.exit_code == 0, first.stderr
    assert f"note: history: no day before 2026-12-05 in {history}" in first.stderr.replace("\n", " ")
    assert "What changed" not in (tmp_path / "one.md").read_text(encoding="utf-8")
    assert second.exit_code == 0, second.stderr
    assert f"note: history: compared with 2026-12-05 ({history})" in second.stderr.replace("\n", " ")
    assert _section((tmp_path / "two.md").read_text(encoding="utf-8")) == CHANGED_MD.lstrip("\n")
    assert sorted(p.name for p in history.iterdir()) == ["2026-12-05.json", "2026-12-06.json"]
    saved = DailyBriefing.model_validate_json((history / "2026-12-06.json").read_text(encoding="utf-8"))
    assert saved.previous_date == "2026-12-05" and {s.change for s in saved.stories} == {"new", "continuing"}


def test_the_saved_day_is_what_json_prints(tmp_path, no_llm_env):
    history = tmp_path / "history"
    _run(DAY_ONE, "--history", history, "--quiet")
    result = _run(DAY_TWO, "--history", history, "--json")
    printed = json.loads(result.stdout)
    assert printed == json.loads((history / "2026-12-06.json").read_text(encoding="utf-8"))
    assert printed["previous_date"] == "2026-12-05" and [d["headline"] for d in printed["dropped"]] == [
        "Riverton to raise taxes for new bridge"]


def test_a_second_run_the_same_day_replaces_that_day_and_still_compares_with_the_day_before(tmp_path, no_llm_env):
    history = tmp_path / "history"
    _run(DAY_ONE, "--history", history, "--quiet")
    _run(DAY_TWO, "--history", history, "--quiet")
    again = _run(DAY_TWO, "--history", history, "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["previous_date"] == "2026-12-05"
    assert sorted(p.name for p in history.iterdir()) == ["2026-12-05.json", "2026-12-06.json"]
    said = " ".join(again.stderr.split())
    assert "note: --history: replacing the saved briefing of 2026-12-06" in said and "give --date" in said
    first = " ".join(_run(DAY_ONE, "--history", tmp_path / "fresh").stderr.split())
    assert "replacing" not in first  # the partner: a new day replaces nothing
    quiet = _run(DAY_TWO, "--history", history, "--quiet")
    assert "replacing" not in quiet.stderr


def test_a_corrupt_day_is_one_note_line(tmp_path, no_llm_env):
    history = tmp_path / "history"
    history.mkdir()
    (history / "2026-12-05.json").write_text("{\"title\": \"half a fi", encoding="utf-8")
    result = _run(DAY_TWO, "--history", history, "--json")

    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "2026-12-05.json" in line]
    assert len(notes) == 1 and notes[0].startswith("note: history: ") and notes[0].endswith("; skipped")
    assert json.loads(result.stdout)["previous_date"] is None  # nothing else to compare with


def test_a_file_from_the_future_is_not_compared_with(tmp_path, no_llm_env):
    history = tmp_path / "history"
    _run(DAY_TWO, "--history", history, "--quiet", "--date", "2027-01-01")
    result = _run(DAY_ONE, "--history", history, "--json")
    assert json.loads(result.stdout)["previous_date"] is None
    assert sorted(p.name for p in history.iterdir()) == ["2026-12-05.json", "2027-01-01.json"]


def test_a_date_that_cannot_name_the_file_is_refused_before_any_work(tmp_path, no_llm_env):
    result = _run(DAY_TWO, "--history", tmp_path / "history", "--date", "Saturday")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: --date 'Saturday': with --history the day's file is named by its date; "
                                     "give --date YYYY-MM-DD")
    assert not (tmp_path / "history").exists()


def test_an_undated_day_is_saved_under_today(tmp_path, no_llm_env):
    from datetime import UTC, datetime

    (tmp_path / "day").mkdir()
    (tmp_path / "day" / "note.txt").write_text(
        "Snow closed the mountain pass between Olmsted and Varga on Friday, the roads office said.", encoding="utf-8")
    result = _run(tmp_path / "day", "--history", tmp_path / "history", "--json")
    today = datetime.now(UTC).date().isoformat()
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == today
    assert [p.name for p in (tmp_path / "history").iterdir()] == [f"{today}.json"]


def test_a_history_folder_that_cannot_be_made_is_refused_before_any_work(tmp_path, no_llm_env):
    blocker = tmp_path / "history"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _run(DAY_TWO, "--history", blocker / "days", "--out", tmp_path / "two.md")
    assert result.exit_code == 2, result.stderr
    assert not (tmp_path / "two.md").exists()  # refused before the day is briefed (and paid for)
    assert result.stderr.strip() == (f"error: --history {blocker / 'days'}: cannot keep the days there ({blocker} "
                                     "is not a folder); give a folder you can write to")


def test_a_history_folder_that_exists_is_accepted(tmp_path, no_llm_env):
    (tmp_path / "history").mkdir()
    result = _run(DAY_TWO, "--history", tmp_path / "history", "--out", tmp_path / "two.md")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "history").iterdir()] == ["2026-12-06.json"]


def test_a_day_that_cannot_be_saved_is_one_error_line_after_the_briefing(tmp_path, no_llm_env):
    history = tmp_path / "history"
    (history / "2026-12-06.json").mkdir(parents=True)  # the folder is fine; the day's own file is not
    result = _run(DAY_TWO, "--history", history, "--out", tmp_path / "two.md")
    assert result.exit_code == 1, result.stderr
    assert (tmp_path / "two.md").exists()  # the day is written; only keeping it failed
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "cannot save the day there" in error


def _dated_article(tmp_path, published: str):
    text = (
        "Snow closed the mountain pass between Olmsted and Varga on Friday, the roads office said. "
        "Crews expect to reopen it by Sunday, the office's spokesman Karl Brenner said.")
    path = tmp_path / "day.json"
    path.write_text(json.dumps([{"id": "snow", "text": text, "published": published}]), encoding="utf-8")
    return path


def test_articles_dated_in_the_future_do_not_name_the_saved_day(tmp_path, no_llm_env):
    from datetime import UTC, datetime

    history = tmp_path / "history"
    result = _run(_dated_article(tmp_path, "2099-01-01T08:00:00Z"), "--history", history, "--json")
    today = datetime.now(UTC).date().isoformat()
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in history.iterdir()] == [f"{today}.json"]
    assert json.loads(result.stdout)["date"] == today
    assert "note: history: the articles' date 2099-01-01 is in the future; the day is kept as " + today in (
        result.stderr.replace("\n", " "))


def test_articles_dated_yesterday_still_name_the_saved_day(tmp_path, no_llm_env):
    from datetime import UTC, datetime, timedelta

    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    history = tmp_path / "history"
    result = _run(_dated_article(tmp_path, f"{yesterday}T08:00:00Z"), "--history", history, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in history.iterdir()] == [f"{yesterday}.json"]


def test_a_future_date_given_with_date_is_the_users_and_names_the_day(tmp_path, no_llm_env):
    history = tmp_path / "history"
    result = _run(_dated_article(tmp_path, "2099-01-01T08:00:00Z"), "--history", history, "--date", "2099-01-02",
                  "--quiet")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in history.iterdir()] == ["2099-01-02.json"]
