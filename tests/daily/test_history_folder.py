"""The history folder: one ``DATE.json`` a day, written atomically; only the latest valid day
strictly before today is read back, and a bad file is one warning, never a crash."""

from __future__ import annotations

import os

import pytest

from briefing.core.errors import ConfigurationError
from briefing.daily import DailyBriefing, earlier_day, save_day
from briefing.daily.history import MAX_BYTES, day_of


def _day(date: str | None, title: str = "t") -> DailyBriefing:
    return DailyBriefing(title=title, date=date, stories=[], sources=[])


def test_save_day_names_the_file_by_date_and_replaces_it(tmp_path):
    folder = tmp_path / "news-history"  # created on first save
    first = save_day(_day("2026-12-06", "first"), folder)
    second = save_day(_day("2026-12-06T09:00:00Z", "second"), folder)

    assert first == second == folder / "2026-12-06.json"
    assert sorted(p.name for p in folder.iterdir()) == ["2026-12-06.json"]  # no temporary file left
    assert DailyBriefing.model_validate_json(first.read_text(encoding="utf-8")).title == "second"


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_saved_day_has_the_umask_mode_not_a_private_temp_file_mode(tmp_path):
    old = os.umask(0o022)
    try:
        path = save_day(_day("2026-12-06"), tmp_path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("date", [None, "Monday", "../../etc/passwd", "2026-13-01", "2026-12-6"])
def test_a_day_without_a_calendar_date_is_not_saved(tmp_path, date):
    with pytest.raises(ConfigurationError, match="give --date YYYY-MM-DD"):
        save_day(_day(date), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_history_folder_is_a_configuration_error(tmp_path):
    blocker = tmp_path / "history"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="cannot save the day there"):
        save_day(_day("2026-12-06"), blocker)


def test_day_of_reads_dates_and_times_only():
    assert str(day_of("2026-12-06T23:59:00+01:00")) == "2026-12-06"
    assert day_of("6 December 2026") is None and day_of("") is None and day_of(None) is None


def test_an_empty_or_missing_folder_has_no_earlier_day(tmp_path):
    assert earlier_day(tmp_path, "2026-12-06").briefing is None
    assert earlier_day(tmp_path / "missing", "2026-12-06").warnings == []


def test_only_today_s_own_file_is_no_earlier_day(tmp_path):
    save_day(_day("2026-12-06"), tmp_path)
    found = earlier_day(tmp_path, "2026-12-06")
    assert found.briefing is None and found.warnings == []


def test_the_latest_earlier_day_is_read_and_future_files_are_not(tmp_path):
    for date in ("2026-12-01", "2026-12-04", "2026-12-06", "2027-01-01"):
        save_day(_day(date, date), tmp_path)
    found = earlier_day(tmp_path, "2026-12-05")
    assert found.briefing is not None and found.briefing.date == "2026-12-04" and found.warnings == []


def test_files_not_named_by_date_are_never_read(tmp_path):
    for name in ("latest.json", "2026-12-04.json.bak", "2026-12-04.txt", ".2026-12-04.123.tmp", "2026-12-4.json"):
        (tmp_path / name).write_text("{not json", encoding="utf-8")
    (tmp_path / "2026-12-03.json").mkdir()  # a folder with a day's name
    found = earlier_day(tmp_path, "2026-12-05")
    assert found.briefing is None and found.warnings == []


@pytest.mark.skipif(os.name != "posix", reason="a line break in a file name")
@pytest.mark.parametrize("name", ["2026-12-04.json\n", "\uff12\uff10\uff12\uff16-12-04.json", "\u0662\u0660\u0662\u0666-12-04.json"])
def test_a_valid_day_under_a_name_that_only_looks_like_a_date_is_never_read(tmp_path, name):
    (tmp_path / name).write_text(_day("2026-12-04").model_dump_json(), encoding="utf-8")
    assert earlier_day(tmp_path, "2026-12-05").briefing is None
    (tmp_path / "2026-12-04.json").write_text(_day("2026-12-04", "real").model_dump_json(), encoding="utf-8")
    assert earlier_day(tmp_path, "2026-12-05").briefing.title == "real"  # the partner: the real name is read


def test_a_corrupt_file_is_one_warning_and_the_day_before_is_used(tmp_path):
    save_day(_day("2026-12-03", "kept"), tmp_path)
    (tmp_path / "2026-12-04.json").write_text('{"title": "cut short', encoding="utf-8")
    found = earlier_day(tmp_path, "2026-12-05")
    assert found.briefing is not None and found.briefing.title == "kept"
    [warning] = found.warnings
    assert warning.startswith(f"history: {tmp_path / '2026-12-04.json'} is not a saved daily briefing")
    assert warning.endswith("; skipped") and "\n" not in warning


@pytest.mark.parametrize(("text", "words"), [
    ('{"title": "x"}', "is not a saved daily briefing"),  # JSON, but not a briefing
    ("[1, 2, 3]", "is not a saved daily briefing"),
    ("", "is not a saved daily briefing"),
    ('{"title": "x", "date": "2026-12-01", "stories": [], "sources": []}', "holds the briefing of '2026-12-01'"),
])
def test_files_that_are_not_that_day_s_briefing_are_skipped(tmp_path, text, words):
    (tmp_path / "2026-12-04.json").write_text(text, encoding="utf-8")
    found = earlier_day(tmp_path, "2026-12-05")
    assert found.briefing is None
    [warning] = found.warnings
    assert words in warning


def test_a_huge_file_is_not_read(tmp_path):
    assert MAX_BYTES == 64 * 2**20
    path = tmp_path / "2026-12-04.json"
    path.write_text(_day("2026-12-04").model_dump_json() + " " * 2000, encoding="utf-8")
    found = earlier_day(tmp_path, "2026-12-05", max_bytes=1000)
    assert found.briefing is None and found.warnings == [f"history: {path} larger than 1000 bytes; skipped"]


def test_without_a_date_today_nothing_is_compared(tmp_path):
    save_day(_day("2026-12-04"), tmp_path)
    assert earlier_day(tmp_path, None).briefing is None
    assert earlier_day(tmp_path, "today").briefing is None


def test_a_folder_of_broken_days_gives_a_few_lines_and_one_that_counts_the_rest(tmp_path):
    for day in range(1, 13):
        (tmp_path / f"2026-11-{day:02d}.json").write_text("{broken", encoding="utf-8")
    found = earlier_day(tmp_path, "2026-12-06")
    assert found.briefing is None and len(found.warnings) == 6
    assert all("skipped" in w for w in found.warnings[:5]) and "2026-11-12.json" in found.warnings[0]
    assert found.warnings[5].startswith("history: 7 earlier saved days in ")
    save_day(_day("2026-11-01"), tmp_path)  # the partner: a good day within the first five is found
    (tmp_path / "2026-11-12.json").unlink()
    for day in range(2, 8):
        (tmp_path / f"2026-11-{day:02d}.json").unlink()
    found = earlier_day(tmp_path, "2026-12-06")
    assert found.briefing is not None and found.briefing.date == "2026-11-01" and len(found.warnings) == 4
    assert len(earlier_day(tmp_path, "2026-12-06", max_skipped=1).warnings) == 2
