"""The loopback web server for ``tests/web``, serving the fixtures under ``tests/fixtures/web``, and a
``Fetcher`` with test-sized bounds. Only 127.0.0.1 is let through ``--block-network`` here.
"""

from __future__ import annotations

import pytest

from briefing.testing.websites import WebServer
from briefing.web import Fetcher
from web_fixtures import PAGES, TEST_OPTIONS, fixture_route


@pytest.fixture
def site():
    """A running ``WebServer`` with every feed fixture at ``/NAME`` and the article pages at the
    paths the feeds link to; each with an ETag, so a second run can be answered 304."""
    with WebServer() as server:
        for name in ("rss20.xml", "rss10.rdf", "rss091.xml", "atom.xml", "feed.json", "malformed.xml", "empty.xml"):
            server.routes[f"/{name}"] = fixture_route(name, server.origin, etag=f'"{name}-v1"')
        for path, name in PAGES.items():
            server.routes[path] = fixture_route(name, server.origin, etag=f'"{path}-v1"')
        yield server


@pytest.fixture
def fetcher():
    """A ``Fetcher`` with ``TEST_OPTIONS`` (no cache); closed after the test."""
    with Fetcher(TEST_OPTIONS) as f:
        yield f
