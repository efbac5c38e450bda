"""What the ``tests/web`` tests share: the fixtures under ``tests/fixtures/web`` with their
placeholders filled in (see that folder's README), and fetch bounds sized for tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from briefing.testing.websites import Route
from briefing.web import FetchOptions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
NOW = datetime.now(UTC).replace(microsecond=0)
RECENT, OLD = NOW - timedelta(hours=1), NOW - timedelta(days=10)
TYPES = {".xml": "application/rss+xml", ".rdf": "application/rdf+xml", ".json": "application/feed+json",
         ".html": "text/html; charset=utf-8"}

TEST_OPTIONS = FetchOptions(timeout=3.0, delay=0.0, per_host=4, max_bytes=2 * 2**20)
"""Bounds small enough for tests: no politeness delay (one local server), a 2 MB cap, 3 s a fetch."""


def fill(text: str, origin: str) -> str:
    """A fixture's text with its placeholders filled for the server at ``origin``."""
    return (text.replace("{ORIGIN}", origin)
            .replace("{DATE}", format_datetime(RECENT)).replace("{ISO}", RECENT.isoformat())
            .replace("{OLD_DATE}", format_datetime(OLD)).replace("{OLD_ISO}", OLD.isoformat()))


def fixture_route(name: str, origin: str, **kwargs) -> Route:
    """A route serving the fixture ``name``, with the content type its suffix implies."""
    path = FIXTURES / name
    kwargs.setdefault("content_type", TYPES.get(path.suffix, "text/plain"))
    if name == "atom.xml":
        kwargs["content_type"] = "application/atom+xml"
    return Route(fill(path.read_text(encoding="utf-8"), origin).encode("utf-8"), **kwargs)


PAGES = {"/herald/bridge-tax.html": "riverton-herald.html", "/herald/notice.html": "riverton-herald.html",
         "/herald/minutes.html": "riverton-herald.html", "/post/council.html": "riverton-post.html",
         "/post/old.html": "riverton-post.html", "/gazette/rain.html": "valley-gazette.html"}


