"""``parse_feed``: RSS 0.91/1.0/2.0, Atom and JSON Feed into entries; what a broken feed still gives."""

from __future__ import annotations

import json

import pytest

from briefing.core.errors import FetchError
from briefing.web import parse_feed
from web_fixtures import FIXTURES, OLD, RECENT, fill

pytest.importorskip("feedparser")

ORIGIN = "http://news.example"


def feed_bytes(name: str) -> bytes:
    return fill((FIXTURES / name).read_text(encoding="utf-8"), ORIGIN).encode("utf-8")


def test_rss_20():
    feed = parse_feed(feed_bytes("rss20.xml"), url=f"{ORIGIN}/rss20.xml", content_type="application/rss+xml")

    assert feed.title == "Riverton Herald" and feed.notes == []
    assert [e.link for e in feed.entries] == [f"{ORIGIN}/herald/bridge-tax.html", f"{ORIGIN}/herald/minutes.html",
                                              f"{ORIGIN}/herald/notice.html"]  # the relative link made absolute
    first = feed.entries[0]
    assert first.title == "Riverton to raise taxes for new bridge" and first.feed_title == "Riverton Herald"
    assert first.published == RECENT.isoformat()
    assert feed.entries[1].published == OLD.isoformat() and feed.entries[2].published is None


def test_an_rss_date_keeps_the_outlets_offset():
    body = (b'<rss version="2.0"><channel><title>T</title><item><link>http://x/a</link>'
            b"<pubDate>Tue, 03 Jun 2025 23:30:00 -0700</pubDate></item></channel></rss>")
    assert parse_feed(body, url="http://x/rss").entries[0].published == "2025-06-03T23:30:00-07:00"


def test_rss_10_rdf():
    feed = parse_feed(feed_bytes("rss10.rdf"), url=f"{ORIGIN}/rss10.rdf")
    assert feed.title == "Riverton Post (RSS 1.0)"
    assert [(e.title, e.link, e.published) for e in feed.entries] == [
        ("Council backs bridge tax rise", f"{ORIGIN}/post/council.html", RECENT.isoformat())]


def test_rss_091():
    feed = parse_feed(feed_bytes("rss091.xml"), url=f"{ORIGIN}/rss091.xml")
    assert [(e.title, e.link, e.published) for e in feed.entries] == [
        ("Heavy rain floods Green Valley", f"{ORIGIN}/gazette/rain.html", None)]


def test_atom():
    feed = parse_feed(feed_bytes("atom.xml"), url=f"{ORIGIN}/atom.xml", content_type="application/atom+xml")
    assert feed.title == "Riverton Post"
    assert [(e.link, e.published) for e in feed.entries] == [
        (f"{ORIGIN}/post/council.html", RECENT.isoformat()), (f"{ORIGIN}/post/old.html", OLD.isoformat())]


def test_json_feed_and_its_entry_without_a_link():
    feed = parse_feed(feed_bytes("feed.json"), url=f"{ORIGIN}/feed.json", content_type="application/feed+json")
    assert feed.title == "Valley Gazette"
    assert [(e.title, e.link, e.published) for e in feed.entries] == [
        ("Heavy rain floods Green Valley", f"{ORIGIN}/gazette/rain.html", RECENT.isoformat())]
    assert feed.notes == ["1 entry without a link left out"]


def test_malformed_xml_with_entries_still_gives_them_and_says_so():
    feed = parse_feed(feed_bytes("malformed.xml"), url=f"{ORIGIN}/malformed.xml")

    assert [e.link for e in feed.entries] == [f"{ORIGIN}/herald/bridge-tax.html", f"{ORIGIN}/post/council.html"]
    assert len(feed.notes) == 1 and "malformed XML" in feed.notes[0] and "2 entries read" in feed.notes[0]


def test_a_wrong_declared_encoding_is_read_right_and_noted():
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café Press</title>'
            '<item><title>Déjà vu at the café</title><link>http://x/a</link></item></channel></rss>').encode("cp1252")
    feed = parse_feed(body, url="http://x/rss", content_type="application/rss+xml", charset="utf-8")

    assert feed.title == "Café Press" and feed.entries[0].title == "Déjà vu at the café"
    assert len(feed.notes) == 1 and "declared encoding is wrong" in feed.notes[0]


def test_a_feed_without_entries_is_one_error():
    with pytest.raises(FetchError) as info:
        parse_feed(feed_bytes("empty.xml"), url=f"{ORIGIN}/empty.xml")
    assert info.value.reason == "no_entries" and "\n" not in str(info.value)
    assert str(info.value).startswith(f"{ORIGIN}/empty.xml: the feed has no entries")


@pytest.mark.parametrize("body", [
    (FIXTURES / "riverton-post.html").read_bytes(),
    json.dumps({"title": "not a feed", "items": []}).encode(),
    b"plain words, nothing more",
])
def test_what_is_not_a_feed_says_so(body):
    with pytest.raises(FetchError) as info:
        parse_feed(body, url=f"{ORIGIN}/x")
    assert info.value.reason == "not_a_feed"
