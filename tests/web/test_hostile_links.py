"""Hostile feeds, against the loopback server: a link that httpx cannot even parse (a
control character in it) is one failed entry, and JSON nested too deep for the parser one failed
feed, never a crash that loses the rest of the day."""

from __future__ import annotations

import json

import pytest

from briefing.core.errors import FetchError
from briefing.testing.websites import Route, WebServer
from briefing.web import DateWindow, Fetcher, gather
from web_fixtures import RECENT, TEST_OPTIONS

pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

PAGE = ("<html><head><title>Bridge tax</title></head><body><article><h1>Bridge tax</h1>"
        + "<p>The council voted on Tuesday to raise the bridge toll by two dollars for every car.</p>" * 6
        + "</article></body></html>")


@pytest.mark.parametrize("control", ["\x1b", "\x00", "\x07", "\x7f"])
def test_a_url_with_a_control_character_is_a_url_error_not_a_crash(control):
    with WebServer({"/page.html": Route(PAGE.encode(), content_type="text/html")}) as site, \
            Fetcher(TEST_OPTIONS) as fetcher:
        assert fetcher.fetch(site.url("/page.html")).body  # the partner: the clean URL is fetched
        with pytest.raises(FetchError) as info:
            fetcher.fetch(site.url(f"/pa{control}ge.html"))
    assert info.value.reason == "url"
    assert control not in str(info.value) and "\n" not in str(info.value)


def _gather_good_and(link: str):
    """A JSON feed of a good entry and one that links to ``link``, gathered: (the result, the server)."""
    items = [{"url": "/good.html", "title": "Good", "date_published": RECENT.isoformat()},
             {"url": link, "title": "Bad", "date_published": RECENT.isoformat()}]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": items}
    routes = {"/feed.json": Route(json.dumps(feed).encode(), content_type="application/feed+json"),
              "/good.html": Route(PAGE.encode(), content_type="text/html")}
    with WebServer(routes) as site, Fetcher(TEST_OPTIONS) as fetcher:
        return gather(urls=[site.url("/feed.json")], window=DateWindow.last(24), fetcher=fetcher), site


def test_a_feed_entry_linking_with_an_escape_sequence_fails_alone():
    got, site = _gather_good_and("/bad\x1b]8;;http://evil.example\x1b\\page.html")
    assert [a.url for a in got.articles] == [site.url("/good.html")]
    assert [e.reason for e in got.errors] == ["url"]
    assert "\x1b" not in str(got.errors[0])


@pytest.mark.parametrize("body", [b"[" * 200_000 + b"]" * 200_000,
                                  b'{"version": "https://jsonfeed.org/version/1.1", "items": '
                                  + b"[" * 200_000 + b"]" * 200_000 + b"}"])
def test_a_deeply_nested_json_feed_is_not_a_feed_not_a_crash(body):
    from briefing.web.feeds import parse_feed

    with pytest.raises(FetchError) as info:
        parse_feed(body, url="http://127.0.0.1/feed.json", content_type="application/feed+json")
    assert info.value.reason == "not_a_feed" and "\n" not in str(info.value)


def test_a_deeply_nested_json_feed_fails_alone_and_the_other_feed_is_read():
    items = [{"url": "/good.html", "title": "Good", "date_published": RECENT.isoformat()}]
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": items}
    routes = {"/deep.json": Route(b"[" * 200_000 + b"]" * 200_000, content_type="application/feed+json"),
              "/feed.json": Route(json.dumps(good).encode(), content_type="application/feed+json"),
              "/good.html": Route(PAGE.encode(), content_type="text/html")}
    with WebServer(routes) as site, Fetcher(TEST_OPTIONS) as fetcher:
        got = gather(urls=[site.url("/deep.json"), site.url("/feed.json")], window=DateWindow.last(24),
                     fetcher=fetcher)
    assert [a.url for a in got.articles] == [site.url("/good.html")]
    # a URL given on its own that is no feed is read as a page, which has no text
    assert [(e.url, e.reason) for e in got.errors] == [(site.url("/deep.json"), "no_text")]


@pytest.mark.parametrize("url", ["http://" + "a" * 64 + ".example/page.html",  # a host label over 63
                                 "http://127.0.0.1:99999/page.html",  # a port past 65535
                                 "http://[::1/page.html"])  # a bracket never closed
def test_a_url_no_resolver_can_take_is_a_url_error_not_a_crash(url):
    with Fetcher(TEST_OPTIONS) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert info.value.reason == "url" and "\n" not in str(info.value)


@pytest.mark.parametrize(("link", "note", "reasons"), [
    ("http://[::1/bad.html", "1 entry with a link that is not a URL left out", []),  # cannot even be compared
    ("http://" + "b" * 64 + ".example/bad.html", None, ["url"]),  # a URL, but no resolver takes its host
])
def test_a_feed_entry_with_a_link_no_resolver_can_take_fails_alone(link, note, reasons):
    got, site = _gather_good_and(link)
    assert [a.url for a in got.articles] == [site.url("/good.html")]
    assert [e.reason for e in got.errors] == reasons
    assert (note in got.notes) if note else not any("not a URL" in n for n in got.notes)


def test_an_rss_item_whose_link_is_not_a_url_is_left_out_with_a_note():
    from briefing.web.feeds import parse_feed

    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
           "<item><title>Bad</title><link>http://127.0.0.1:99999/bad.html</link></item>"
           "<item><title>Good</title><link>http://127.0.0.1/good.html</link></item></channel></rss>")
    feed = parse_feed(rss.encode(), url="http://127.0.0.1/rss.xml", content_type="application/rss+xml")
    assert [e.link for e in feed.entries] == ["http://127.0.0.1/good.html"]
    assert feed.notes == ["http://127.0.0.1/rss.xml: 1 entry with a link that is not a URL left out"]


@pytest.mark.parametrize(("declared", "body"), [
    ("punycode", PAGE.encode()),  # the server's header names a codec that fails with UnicodeError
    (None, PAGE.replace("<head>", '<head><meta charset="punycode">').encode() + b"\xff"),  # the page's own
])
def test_a_charset_whose_codec_fails_oddly_falls_back_and_the_page_is_read(declared, body):
    from briefing.web.fetch import Fetched
    from briefing.web.pages import page_article

    page = page_article(Fetched(url="http://127.0.0.1/p.html", final_url="http://127.0.0.1/p.html",
                                content_type="text/html", charset=declared, body=body), id="p")
    assert "raise the bridge toll by two dollars" in page.text


def test_a_parser_failing_on_one_hostile_body_fails_that_url_alone(monkeypatch):
    """A bug in a third-party parser (feedparser, trafilatura) on one hostile feed or page: that
    URL is one error, the other articles of the day are kept."""
    import importlib

    gathering = importlib.import_module("briefing.web.gather")  # the module: the package exports the function

    real_page, real_feed = gathering.page_article, gathering.parse_feed

    def page(fetched, **kwargs):
        if fetched.url.endswith("/evil.html"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_page(fetched, **kwargs)

    def feed(body, **kwargs):
        if kwargs["url"].endswith("/evil.json"):
            raise AttributeError("'NoneType' object has no attribute 'get'")
        return real_feed(body, **kwargs)

    monkeypatch.setattr(gathering, "page_article", page)
    monkeypatch.setattr(gathering, "parse_feed", feed)
    items = [{"url": f"/{name}.html", "title": name, "date_published": RECENT.isoformat()} for name in ("good", "evil")]
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": items}
    routes = {"/feed.json": Route(json.dumps(good).encode(), content_type="application/feed+json"),
              "/evil.json": Route(json.dumps(good).encode(), content_type="application/feed+json"),
              "/good.html": Route(PAGE.encode(), content_type="text/html"),
              "/evil.html": Route(PAGE.encode(), content_type="text/html")}
    with WebServer(routes) as site, Fetcher(TEST_OPTIONS) as fetcher:
        got = gather(urls=[site.url("/evil.json"), site.url("/feed.json")], window=DateWindow.last(24),
                     fetcher=fetcher)

    assert [a.url for a in got.articles] == [site.url("/good.html")]
    assert sorted((e.url.rsplit("/", 1)[1], e.reason) for e in got.errors) == [
        ("evil.html", "unreadable"), ("evil.json", "unreadable")]
    assert all("\n" not in str(e) and "could not be read (" in str(e) for e in got.errors)


def test_a_feed_of_thousands_of_entries_reads_max_entries_of_them_and_says_so():
    """Each page read is a paid briefing later: a feed listing 3,000 links in the window must not
    become 3,000 requests to a model (nor 3,000 downloads)."""
    from dataclasses import replace

    from briefing.web import FetchOptions

    assert FetchOptions().max_entries == 100
    items = [{"url": f"/p{n}.html", "title": f"P{n}", "date_published": RECENT.isoformat()} for n in range(3000)]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Flood", "items": items}
    routes = {"/feed.json": Route(json.dumps(feed).encode(), content_type="application/feed+json")}
    routes |= {f"/p{n}.html": Route(PAGE.replace("two dollars", f"{n} dollars").encode(), content_type="text/html")
               for n in range(3000)}
    with WebServer(routes) as site, Fetcher(replace(TEST_OPTIONS, max_entries=4)) as fetcher:
        got = gather(urls=[site.url("/feed.json")], window=DateWindow.last(24), fetcher=fetcher)

    assert [a.url for a in got.articles] == [site.url(f"/p{n}.html") for n in range(4)]  # the feed's first four
    assert f"{site.url('/feed.json')}: 2,996 entries past the first 4 left out (FetchOptions.max_entries)" in got.notes
    assert got.stats.downloaded == 5  # the feed and four pages


@pytest.mark.parametrize(("published", "kept"), [("9999-12-31", True), ("0001-01-01", False),
                                                  ("9999-12-31T23:59:59-14:00", True)])
def test_dates_at_the_ends_of_the_calendar_are_compared_not_a_crash(published, kept):
    assert DateWindow.last(24).keeps(published) is kept
    assert DateWindow.parse("2026-12-01", "2026-12-06").keeps(published) is False


def test_a_feed_entry_dated_9999_12_31_is_read_with_the_others():
    items = [{"url": "/good.html", "title": "Good", "date_published": RECENT.isoformat()},
             {"url": "/late.html", "title": "Late", "date_published": "9999-12-31"}]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": items}
    routes = {"/feed.json": Route(json.dumps(feed).encode(), content_type="application/feed+json"),
              "/good.html": Route(PAGE.encode(), content_type="text/html"),
              "/late.html": Route(PAGE.replace("two dollars", "three dollars").encode(), content_type="text/html")}
    with WebServer(routes) as site, Fetcher(TEST_OPTIONS) as fetcher:
        got = gather(urls=[site.url("/feed.json")], window=DateWindow.last(24), fetcher=fetcher)
    assert sorted(a.url for a in got.articles) == [site.url("/good.html"), site.url("/late.html")]
    assert got.errors == []
