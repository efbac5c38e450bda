"""The history folder: each day's ``DailyBriefing`` saved as ``YYYY-MM-DD.json``, and the latest
earlier day read back to compare with (``changes.diff``).

Only files named like a date are read, and only up to ``max_bytes``; a file that does not hold a
valid briefing of the day its name says is skipped with one warning line, never a crash. A day is
written atomically (a temporary file in the folder, then renamed), so a run stopped half-way
leaves the previous file whole; saving the same day again replaces it.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from pydantic import ValidationError

from briefing.core.errors import ConfigurationError
from briefing.daily.models import DailyBriefing

_DAY_FILE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.json")
"""A day's file name, matched whole (``fullmatch``: no line break after it), in ASCII digits."""
MAX_BYTES = 64 * 2**20
"""The largest saved day read back (64 MiB): a bigger file is not one of ours."""


def day_of(value: str | None) -> Date | None:
    """``value``'s calendar day when it starts with ``YYYY-MM-DD`` (an ISO date or time), else None."""
    if not value or len(value) < 10:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_file(folder: Path, day: Date) -> Path:
    """Where ``folder`` keeps the briefing of ``day``: ``folder/YYYY-MM-DD.json``."""
    return folder / f"{day.isoformat()}.json"


def save_day(briefing: DailyBriefing, folder: Path) -> Path:
    """Write ``briefing`` to ``folder/DATE.json`` (creating the folder), replacing that day's file.

    Returns:
        The file written.

    Raises:
        ConfigurationError: the briefing has no ``YYYY-MM-DD`` date, or the folder cannot be written.
    """
    day = day_of(briefing.date)
    if day is None:
        raise ConfigurationError(f"--history keeps one file per day, named by the briefing's date, and "
                                 f"{briefing.date!r} is not a YYYY-MM-DD date; give --date YYYY-MM-DD")
    target = day_file(folder, day)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{day}.{os.getpid()}.{uuid.uuid4().hex}.tmp"  # the umask's mode, unlike mkstemp
        try:
            with temporary.open("x", encoding="utf-8") as handle:
                handle.write(briefing.model_dump_json(indent=1) + "\n")
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as e:
        raise ConfigurationError(f"--history {folder}: cannot save the day there ({e.strerror or e}); "
                                 "give a folder you can write to") from e
    return target


@dataclass
class EarlierDay:
    """What ``earlier_day`` found: the briefing (None when there is none) and one warning line per
    file it skipped."""

    briefing: DailyBriefing | None = None
    warnings: list[str] = field(default_factory=list)


def _read(path: Path, day: Date, max_bytes: int) -> DailyBriefing | str:
    """The saved briefing in ``path``, or why it is not one."""
    try:
        if path.stat().st_size > max_bytes:
            return f"larger than {max_bytes} bytes"
        saved = DailyBriefing.model_validate_json(path.read_bytes())
    except OSError as e:
        return f"cannot be read ({e.strerror or e})"
    except ValidationError as e:
        return f"is not a saved daily briefing ({e.error_count()} errors, e.g. {e.errors()[0]['msg']})"
    if day_of(saved.date) != day:
        return f"holds the briefing of {saved.date!r}, not of {day.isoformat()}"
    return saved


def earlier_day(folder: Path, before: str | None, *, max_bytes: int = MAX_BYTES,
                max_skipped: int = 5) -> EarlierDay:
    """The latest day saved in ``folder`` strictly before the day ``before`` (``YYYY-MM-DD``).

    Files not named ``YYYY-MM-DD.json`` are not looked at; days on or after ``before`` (today's own
    file, a file from the future) are not compared with. A file that is not a valid briefing of
    its day is skipped with a warning and the next earlier one tried, up to ``max_skipped``
    files (default 5): a folder of broken files gives a few lines and one that counts the rest,
    not a line a file on every run. A missing folder is an empty history.
    """
    found = EarlierDay()
    today = day_of(before)
    if today is None or not folder.is_dir():
        return found
    days = []
    for path in folder.iterdir():
        match = _DAY_FILE.fullmatch(path.name)
        day = day_of(match.group(1)) if match else None
        if day is not None and day < today and path.is_file():
            days.append((day, path))
    ordered = sorted(days, reverse=True)
    for tried, (day, path) in enumerate(ordered):
        if tried == max_skipped:
            found.warnings.append(f"history: {len(ordered) - tried} earlier saved days in {folder} were not "
                                  "tried after that many could not be read; move or remove the broken files")
            break
        saved = _read(path, day, max_bytes)
        if isinstance(saved, DailyBriefing):
            found.briefing = saved
            return found
        found.warnings.append(f"history: {path} {saved}; skipped")
    return found
