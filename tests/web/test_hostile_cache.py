"""A fetch cache entry that was edited or corrupted (nested too deep, a validator that is not a
string) is a miss: the page is fetched again, never a crash."""

from __future__ import annotations

import hashlib
import json

import pytest

from briefing.web.httpcache import CachedResponse, HttpCache

URL = "https://desert.example/rss.xml"


def _meta(folder, text: str) -> None:
    key = hashlib.sha256(URL.encode("utf-8")).hexdigest()
    (folder / f"{key}.json").write_text(text, encoding="utf-8")
    (folder / f"{key}.body").write_bytes(b"<rss/>")


@pytest.mark.parametrize("meta", [
    "[" * 200_000 + "]" * 200_000,
    json.dumps({"url": URL, "content_type": "application/rss+xml", "etag": 5}),
    json.dumps({"url": URL, "content_type": ["x"], "etag": '"v1"'}),
    json.dumps({"url": URL, "content_type": "text/html", "charset": {"a": 1}, "etag": '"v1"'}),
    json.dumps({"url": URL, "content_type": "text/html", "last_modified": 1.5}),
])
def test_a_corrupt_entry_is_a_miss(tmp_path, meta):
    cache = HttpCache(tmp_path)
    _meta(tmp_path, meta)
    assert cache.get(URL) is None


def test_the_partner_a_whole_entry_is_served(tmp_path):
    cache = HttpCache(tmp_path)
    cache.put(CachedResponse(url=URL, body=b"<rss/>", content_type="application/rss+xml", charset="utf-8",
                             etag='"v1"', last_modified=None))
    got = cache.get(URL)
    assert got is not None and (got.body, got.etag, got.charset) == (b"<rss/>", '"v1"', "utf-8")
