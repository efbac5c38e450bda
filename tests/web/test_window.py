"""The date window: bounds as users write them, dates as feeds write them, undated kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.core.errors import ConfigurationError
from briefing.web import DateWindow
from briefing.web.window import parse_bound

JUNE_3 = DateWindow.parse("2025-06-03", "2025-06-03")


def test_a_date_is_the_whole_day_in_local_time():
    since, until = parse_bound("2025-06-03"), parse_bound("2025-06-03", end=True)
    assert since.tzinfo is not None and (since.hour, since.minute) == (0, 0)
    assert (until.hour, until.minute, until.day) == (23, 59, 3)


def test_times_with_and_without_an_offset():
    assert parse_bound("2025-06-03T08:00+02:00") == datetime(2025, 6, 3, 6, 0, tzinfo=UTC)
    assert parse_bound("2025-06-03T08:00").tzinfo is not None  # local time


@pytest.mark.parametrize(("since", "until", "words"), [
    ("yesterday", None, "--since 'yesterday' is not a date or a time"),
    (None, "2025-13-01", "--until '2025-13-01'"),
    ("2025-06-04", "2025-06-03", "is after --until"),
])
def test_bad_bounds_are_one_line(since, until, words):
    with pytest.raises(ConfigurationError, match=words):
        DateWindow.parse(since, until)


@pytest.mark.parametrize(("published", "kept"), [
    ("2025-06-03T12:00:00+00:00", True),
    ("Tue, 03 Jun 2025 12:00:00 GMT", True),
    ("2025-06-03", True),
    ("2025-06-01T12:00:00Z", False),
    ("Thu, 05 Jun 2025 12:00:00 +0000", False),
    ("2025-05-30", False),
    (None, None),
    ("", None),
    ("sometime last week", None),
])
def test_what_a_window_keeps(published, kept):
    assert JUNE_3.keeps(published) is kept


def test_the_last_24_hours():
    now = datetime(2025, 6, 3, 12, tzinfo=UTC)
    window = DateWindow.last(24, now=now)
    assert window.keeps((now - timedelta(hours=23)).isoformat()) is True
    assert window.keeps((now - timedelta(hours=25)).isoformat()) is False
    assert window.describe().startswith("since 2025-06-02T12:00")
