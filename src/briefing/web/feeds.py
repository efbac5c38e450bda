"""Read a fetched feed into entries: RSS 0.9x/1.0/2.0 and Atom with feedparser, JSON Feed by hand.

``parse_feed(body, url=...)`` returns a ``Feed``: its title and its ``Entry``s (title, link,
published, the feed's title), in the feed's order. Links are made absolute against the feed's
URL. A published date is kept as the feed wrote it when it can be read, as ISO 8601 with its UTC
offset (``2025-06-03T08:00:00-07:00``), so that the day stays the outlet's day.

What a feed may get wrong, and what happens:

- malformed XML (feedparser's "bozo" flag) that still holds entries: the entries are read, and
  ``Feed.notes`` says the feed is malformed;
- a wrong declared encoding: feedparser tries the others (UTF-8, windows-1252) and says so in a
  note;
- entries without a link, or with one that is no URL at all, are left out (counted in a note):
  there is no page to fetch;
- no entries at all: ``FetchError(reason="no_entries")``, one line;
- not a feed at all (an HTML page, say): ``FetchError(reason="not_a_feed")``, so that a URL given
  on the command line can be read as a page instead.

feedparser is the ``web`` extra; without it an XML feed fails with a ``FetchError`` that says how
to install it (JSON Feeds need nothing).
"""

from __future__ import annotations

import json
import time
from calendar import timegm
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from briefing.core.errors import FetchError
from briefing.core.secrets import redact_url
from briefing.core.wording import plural
from briefing.web.window import parse_published

INSTALL_HINT = "install the web extra: pip install 'grounded-briefing[web]'"
JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(frozen=True)
class Entry:
    """One feed item: the page it links to and what the feed says of it."""

    link: str
    title: str | None = None
    published: str | None = None
    feed_title: str | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: ``title`` (None when it has none), ``entries`` in the feed's order, and
    ``notes``: one line per thing worth telling the user (malformed XML, entries left out)."""

    url: str
    title: str | None
    entries: list[Entry]
    notes: list[str] = field(default_factory=list)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _published(raw: str | None, parsed: time.struct_time | None) -> str | None:
    """The date as ISO 8601, keeping the feed's own offset when the raw text can be read."""
    when = parse_published(raw)
    if isinstance(when, datetime):
        return when.isoformat()
    if when is not None:
        return when.isoformat()
    if parsed is not None:
        try:
            return datetime.fromtimestamp(timegm(parsed), tz=UTC).isoformat()
        except (OverflowError, ValueError):
            return None
    return raw.strip() if raw and raw.strip() else None


def _absolute(feed_url: str, link: str) -> str | None:
    """``link`` made absolute against the feed's URL, or None when it is no URL at all (an
    unclosed ``[`` in the host, a port past 65535): such a link cannot even be compared."""
    try:
        absolute = urljoin(feed_url, link)
        urlsplit(absolute).port  # noqa: B018 -- raises for a malformed port
    except ValueError:
        return None
    return absolute


def _malformed_note(count: int) -> str:
    return f"{plural(count, 'entry', 'entries')} with a link that is not a URL left out"


def _is_json(body: bytes, content_type: str) -> bool:
    return content_type.endswith(("json", "+json")) or body.lstrip()[:1] == b"{"


def parse_feed(body: bytes, *, url: str, content_type: str = "", charset: str | None = None) -> Feed:
    """The feed in ``body``, fetched from ``url``.

    Raises:
        FetchError: ``reason="not_a_feed"`` when ``body`` is no RSS, Atom or JSON Feed;
            ``reason="no_entries"`` when it is one with no entries that link anywhere.
    """
    shown = redact_url(url)
    if _is_json(body, content_type):
        feed = _json_feed(body, url, shown)
    else:
        feed = _xml_feed(body, url, shown, content_type, charset)
    if not feed.entries:
        left_out = f" ({feed.notes[-1]})" if feed.notes else ""
        raise FetchError(f"the feed has no entries{left_out}; check that the URL is the feed you mean",
                         url=shown, reason="no_entries")
    return feed


def _json_feed(body: bytes, url: str, shown: str) -> Feed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:  # RecursionError: nested too deep
        raise FetchError("not a feed: the JSON cannot be read", url=shown, reason="not_a_feed") from e
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION):
        raise FetchError(f"not a feed: JSON without a JSON Feed version ({JSON_FEED_VERSION}...)",
                         url=shown, reason="not_a_feed")
    title = _text(data.get("title"))
    items = data.get("items")
    entries, missing, malformed = [], 0, 0
    for item in items if isinstance(items, list) else []:
        link = _text(item.get("url")) or _text(item.get("external_url")) if isinstance(item, dict) else None
        if not link:
            missing += 1
            continue
        link = _absolute(url, link)
        if link is None:
            malformed += 1
            continue
        entries.append(Entry(link=link, title=_text(item.get("title")), feed_title=title,
                             published=_published(_text(item.get("date_published"))
                                                  or _text(item.get("date_modified")), None)))
    notes = [f"{plural(missing, 'entry', 'entries')} without a link left out"] if missing else []
    if malformed:
        notes.append(_malformed_note(malformed))
    return Feed(url=url, title=title, entries=entries, notes=notes)


def _xml_feed(body: bytes, url: str, shown: str, content_type: str, charset: str | None) -> Feed:
    try:
        import feedparser  # type: ignore[import-untyped]
    except ImportError as e:
        raise FetchError(f"reading RSS and Atom feeds needs feedparser; {INSTALL_HINT}",
                         url=shown, reason="not_a_feed") from e
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = f"{content_type}; charset={charset}" if charset else content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("not a feed: no RSS or Atom in it", url=shown, reason="not_a_feed")
    title = _text(parsed.feed.get("title"))
    entries, missing, malformed = [], 0, 0
    for item in parsed.entries:
        link = _text(item.get("link"))
        if not link:
            missing += 1
            continue
        link = _absolute(url, link)
        if link is None:
            malformed += 1
            continue
        raw = _text(item.get("published")) or _text(item.get("updated"))
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(Entry(link=link, title=_text(item.get("title")), feed_title=title,
                             published=_published(raw, stamp)))
    notes = []
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        kind = type(problem).__name__ if problem is not None else "error"
        what = ("its declared encoding is wrong; read as " + str(parsed.get("encoding"))
                if "Encoding" in kind else f"malformed XML ({problem})")
        notes.append(f"{shown}: {what}; {plural(len(entries), 'entry', 'entries')} read")
    if missing:
        notes.append(f"{shown}: {plural(missing, 'entry', 'entries')} without a link left out")
    if malformed:
        notes.append(f"{shown}: {_malformed_note(malformed)}")
    return Feed(url=url, title=title, entries=entries, notes=notes)
