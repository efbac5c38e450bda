"""Read a sources file: the outlets a morning run reads, and the run's own settings.

The file is TOML (read with the standard library's ``tomllib``)::

    history = "news-history/"          # optional: where each day's briefing is kept
    model = "gpt-4o-mini"              # optional: as --model
    out = "today.html"                 # optional: as --out

    [[outlet]]
    name = "Desert Sun"
    feeds = ["https://desert.example/rss.xml"]
    pages = []                          # optional page URLs
    labels = { region = "US-West" }     # optional, the user's own

An outlet needs a ``name`` and at least one feed or page; ``labels`` is a table of the user's own
strings (region, type, leaning: briefing ships none). Relative paths (``history``, ``out``) are
relative to the sources file's folder, so a scheduler may run from anywhere. Options given on the
command line win over the file.

Anything else is a ``SourcesError``, one line that names the file, the place and the fix: an
unknown key (with the nearest known one), a wrong type, an outlet without feeds or pages, a name
used twice, a URL that is not http(s).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.errors import SourcesError
from briefing.web.urls import url_problem

MAX_BYTES = 2**20
"""The largest sources file read (1 MiB): thousands of outlets fit; a bigger file is not one."""

TOP_KEYS = ("history", "model", "out", "outlet")
OUTLET_KEYS = ("name", "feeds", "pages", "labels")


@dataclass(frozen=True)
class Outlet:
    """One outlet: its name (every article's ``source``), its feed and page URLs, its labels."""

    name: str
    feeds: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sources:
    """A read sources file: the outlets in file order, and the settings it names (None: not set)."""

    outlets: tuple[Outlet, ...]
    path: Path | None = None
    history: Path | None = None
    model: str | None = None
    out: Path | None = None


def _unknown(key: str, known: tuple[str, ...], where: str) -> str:
    near = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return f"{where}unknown key '{key}'; {hint}(the keys are {', '.join(known)})"


def _type(value: Any) -> str:
    return {str: "a string", bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def read_sources(path: str | os.PathLike[str]) -> Sources:
    """The sources file at ``path``, checked (see the module docstring).

    Raises:
        SourcesError: the file cannot be read, is not TOML, or does not follow the layout.
    """
    path = Path(path)
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # never more: /dev/zero or a FIFO would never end
        if len(raw) > MAX_BYTES:
            raise SourcesError(f"larger than {MAX_BYTES // 2**20} MiB, so not a sources file; give the TOML file "
                               "that lists the outlets", path=name)
        data = tomllib.loads(raw.decode("utf-8-sig"))  # -sig: a leading byte order mark
    except FileNotFoundError as e:
        raise SourcesError("no such sources file; check the path", path=name) from e
    except (OSError, UnicodeDecodeError) as e:
        raise SourcesError(f"cannot be read ({getattr(e, 'strerror', None) or e}); pass a UTF-8 TOML file",
                           path=name) from e
    except tomllib.TOMLDecodeError as e:
        raise SourcesError(f"not valid TOML ({e}); fix the syntax", path=name) from e
    return sources_from(data, path=path)


def sources_from(data: dict[str, Any], *, path: Path | None = None) -> Sources:
    """Sources from a parsed TOML table (``read_sources`` without the file); relative paths are
    relative to ``path``'s folder (the working directory without one).

    Raises:
        SourcesError: the table does not follow the layout.
    """
    name = str(path) if path is not None else "sources"

    def fail(message: str) -> SourcesError:
        return SourcesError(message, path=name)

    for key in data:
        if key not in TOP_KEYS:
            raise fail(_unknown(key, TOP_KEYS, ""))
    settings: dict[str, str] = {}
    for key in ("history", "model", "out"):
        if key in data:
            value = data[key]
            if not isinstance(value, str) or not value.strip():
                raise fail(f"'{key}' must be a non-empty string, not {_type(value)}; e.g. {key} = \"...\"")
            settings[key] = value.strip()
    raw = data.get("outlet")
    if raw is None:
        raise fail("no outlets; add an [[outlet]] table with a name and feeds or pages")
    if isinstance(raw, dict):
        raise fail("'outlet' is one table; write [[outlet]] (two brackets) before each outlet")
    if not isinstance(raw, list) or not all(isinstance(o, dict) for o in raw):
        raise fail("'outlet' must be [[outlet]] tables, each with a name and feeds or pages")
    outlets = [_outlet(table, n, fail) for n, table in enumerate(raw, 1)]
    seen: set[str] = set()
    for outlet in outlets:
        if outlet.name.casefold() in seen:
            raise fail(f"the outlet name '{outlet.name}' is used twice; give each outlet its own name "
                       "(list all its feeds under one [[outlet]])")
        seen.add(outlet.name.casefold())
    folder = path.parent if path is not None else Path()
    return Sources(
        outlets=tuple(outlets), path=path, model=settings.get("model"),
        history=folder / Path(settings["history"]).expanduser() if "history" in settings else None,
        out=folder / Path(settings["out"]).expanduser() if "out" in settings else None,
    )


def _outlet(table: dict[str, Any], n: int, fail: Any) -> Outlet:
    label = f"outlet {n}"
    if isinstance(table.get("name"), str) and table["name"].strip():
        label = f"outlet {n} ('{table['name'].strip()}')"
    for key in table:
        if key not in OUTLET_KEYS:
            raise fail(_unknown(key, OUTLET_KEYS, f"{label}: "))
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        what = "has no name" if name is None else f"has a name that is {_type(name)}, not a non-empty string"
        raise fail(f"{label} {what}; add name = \"...\" (it becomes each article's source)")
    urls: dict[str, tuple[str, ...]] = {}
    for key in ("feeds", "pages"):
        value = table.get(key, [])
        if isinstance(value, str):
            raise fail(f"{label}: '{key}' must be a list; write {key} = [\"{value}\"]")
        if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
            raise fail(f"{label}: '{key}' must be a list of URLs (strings), not {_type(value)}")
        for url in value:
            if url_problem(url.strip()) is not None:
                raise fail(f"{label}: {url!r} in {key} is not an http(s) URL; write it as https://...")
        urls[key] = tuple(dict.fromkeys(u.strip() for u in value))
    if not urls["feeds"] and not urls["pages"]:
        raise fail(f"{label} has no feeds or pages; add feeds = [\"https://...\"] or pages = [\"https://...\"]")
    labels = table.get("labels", {})
    if not isinstance(labels, dict):
        raise fail(f"{label}: 'labels' must be a table, e.g. labels = {{ region = \"US-West\" }}, not {_type(labels)}")
    for key, value in labels.items():
        if not isinstance(value, str):
            raise fail(f"{label}: label '{key}' must be a string, not {_type(value)}; write {key} = \"...\"")
    return Outlet(name=name.strip(), feeds=urls["feeds"], pages=urls["pages"], labels=dict(labels))
