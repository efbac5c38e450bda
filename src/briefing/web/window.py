"""The date window: which published dates a run keeps (``--since`` / ``--until``).

``DateWindow(since, until)`` holds two aware datetimes (either may be None: open). Bounds are read
by ``parse_bound``: an ISO date means that whole day (``--since 2025-06-03`` from its first
moment, ``--until 2025-06-03`` to its last), an ISO datetime that instant; either without a
UTC offset is local time. ``DateWindow.last(hours)`` is the default when reading feeds: the last
24 hours up to now.

A published date is read by ``parse_published`` (RFC 822 as RSS writes it, ISO 8601 / RFC 3339
as Atom and JSON Feed write it, a bare date as pages often give). An article whose date is a day
without a time is kept when that day overlaps the window. An article without a date, or with
one that cannot be read, is kept: ``DateWindow.keeps`` answers None for it, and the caller marks it
(``briefing.web.gather`` lists it in ``Gathered.undated`` and says so in a warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime

from briefing.core.errors import ConfigurationError

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _local(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()  # naive: local time


def parse_bound(text: str, *, end: bool = False, name: str = "--since") -> datetime:
    """An ISO date or datetime as an aware datetime; a date is its first moment (its last with
    ``end``). Naive values are local time.

    Raises:
        ConfigurationError: ``text`` is neither; the message names ``name`` and the forms accepted.
    """
    value = text.strip()
    try:
        if _DATE_ONLY.fullmatch(value):
            day = date.fromisoformat(value)
            moment = datetime.combine(day, time.max if end else time.min)
        else:
            moment = datetime.fromisoformat(value)
    except ValueError as e:
        raise ConfigurationError(f"{name} {text!r} is not a date or a time; write 2025-06-03, "
                                 "2025-06-03T08:00 or 2025-06-03T08:00+02:00") from e
    return _local(moment)


def parse_published(text: str | None) -> datetime | date | None:
    """A published date as feeds and pages write it: an aware datetime (naive ones are taken as
    UTC, as feeds mean them), a ``date`` when only the day is given, or None when unreadable."""
    if not text or not text.strip():
        return None
    value = text.strip()
    if _DATE_ONLY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            moment = parse(value)
        except (ValueError, TypeError, IndexError):
            continue
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return None


@dataclass(frozen=True)
class DateWindow:
    """Published dates from ``since`` to ``until``, both included (None: open on that side)."""

    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def last(cls, hours: float = 24, *, now: datetime | None = None) -> DateWindow:
        """The last ``hours`` up to ``now`` (default: this moment), open after it."""
        now = _local(now) if now is not None else datetime.now(UTC)
        return cls(since=now - timedelta(hours=hours))

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> DateWindow:
        """The window ``--since`` and ``--until`` give (see ``parse_bound``).

        Raises:
            ConfigurationError: a bound cannot be read, or ``since`` is after ``until``.
        """
        window = cls(since=parse_bound(since, name="--since") if since else None,
                     until=parse_bound(until, end=True, name="--until") if until else None)
        if window.since and window.until and window.since > window.until:
            raise ConfigurationError(f"--since {since} is after --until {until}; swap them")
        return window

    def keeps(self, published: str | None) -> bool | None:
        """Whether an article published at ``published`` falls in the window; None when it has no
        readable date (the caller keeps and marks it)."""
        when = parse_published(published)
        if when is None:
            return None
        if isinstance(when, datetime):
            first = last = when
        else:  # a day: kept if any of it is in the window (in any time zone, clamped to the calendar)
            first = _shifted(datetime.combine(when, time.min, tzinfo=UTC), -14)
            last = _shifted(datetime.combine(when, time.max, tzinfo=UTC), 12)
        return (self.since is None or last >= self.since) and (self.until is None or first <= self.until)

    def describe(self) -> str:
        """The window in words, for notes ("since 2025-06-02 08:00 UTC")."""
        def show(moment: datetime) -> str:
            return moment.isoformat(timespec="minutes")
        if self.since and self.until:
            return f"from {show(self.since)} to {show(self.until)}"
        if self.since:
            return f"since {show(self.since)}"
        if self.until:
            return f"until {show(self.until)}"
        return "any date"


def _shifted(moment: datetime, hours: int) -> datetime:
    """``moment`` moved by ``hours``, or the calendar's first or last moment where that would
    leave it (a feed may date an entry 0001-01-01 or 9999-12-31)."""
    try:
        return moment + timedelta(hours=hours)
    except OverflowError:
        return (datetime.min if hours < 0 else datetime.max).replace(tzinfo=UTC)
