"""``gather``: sources and URLs in, articles out, against the loopback server: what was fetched and
how often, which outlet an article belongs to, the date window, and the failures that do not stop
the rest."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from briefing.testing.websites import Route, sized
from briefing.web import DateWindow, Fetcher, gather
from briefing.web.sources import Outlet, Sources
from web_fixtures import RECENT, TEST_OPTIONS

pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

DAY = DateWindow.last(24)


def outlets(*pairs: tuple[str, list[str]], pages: dict[str, list[str]] | None = None) -> Sources:
    pages = pages or {}
    return Sources(outlets=tuple(Outlet(name=name, feeds=tuple(feeds), pages=tuple(pages.get(name, ())))
                                 for name, feeds in pairs))


def test_a_feeds_entries_become_articles_with_the_outlets_name(site, fetcher):
    sources = outlets(("The Herald", [site.url("/rss20.xml")]))
    got = gather(sources=sources, window=DAY, fetcher=fetcher)

    assert [a.id for a in got.articles] == ["127.0.0.1/bridge-tax", "127.0.0.1/notice"]
    bridge = got.articles[0]
    assert bridge.source == "The Herald"  # the outlet's name, not the feed's title
    assert bridge.title == "Riverton to raise taxes for new bridge" and bridge.url == site.url("/herald/bridge-tax.html")
    assert bridge.published == RECENT.isoformat()
    assert bridge.text.startswith("Riverton to raise taxes") and "Mayor Ana Ruiz" in bridge.text
    assert "Copyright" not in bridge.text and "Sport" not in bridge.text  # the page's chrome left out
    assert got.errors == []
    # the old entry was left out before its page was fetched; the undated one kept and named
    assert site.hits["/herald/minutes.html"] == 0 and got.outside == 1
    assert got.undated == ["127.0.0.1/notice"]
    assert any("1 article has no published date and was kept: 127.0.0.1/notice" in n for n in got.notes)
    assert site.hits["/rss20.xml"] == site.hits["/herald/bridge-tax.html"] == 1


def test_without_a_sources_file_the_feeds_title_is_the_source(site, fetcher):
    got = gather(urls=[site.url("/atom.xml"), site.url("/feed.json"), site.url("/rss10.rdf")],
                 window=DAY, fetcher=fetcher)

    assert [(a.source, a.title) for a in got.articles] == [
        ("Riverton Post", "Council backs bridge tax rise"), ("Valley Gazette", "Heavy rain floods Green Valley")]
    assert got.repeated == 1  # the RSS 1.0 feed carries the Atom feed's council story: read once
    assert site.hits["/post/council.html"] == 1 and site.hits["/post/old.html"] == 0


def test_two_feeds_carrying_the_same_article_yield_it_once(site, fetcher):
    sources = outlets(("Herald", [site.url("/rss20.xml")]), ("Aggregator", [site.url("/malformed.xml")]))
    got = gather(sources=sources, window=DAY, fetcher=fetcher)

    bridge = [a for a in got.articles if a.url == site.url("/herald/bridge-tax.html")]
    assert len(bridge) == 1 and bridge[0].source == "Herald"  # the first outlet that carries it
    assert site.hits["/herald/bridge-tax.html"] == 1
    assert [a.source for a in got.articles if a.url == site.url("/post/council.html")] == ["Aggregator"]
    assert any("malformed XML" in n for n in got.notes)
    assert any("carried by more than one feed were read once" in n for n in got.notes)


def test_a_url_that_is_not_a_feed_is_read_as_a_page_fetched_once(site, fetcher):
    got = gather(urls=[site.url("/gazette/rain.html")], window=None, fetcher=fetcher)

    assert [(a.id, a.source, a.title) for a in got.articles] == [
        ("127.0.0.1/rain", "Valley Gazette", "Heavy rain floods Green Valley")]  # the page's own site name
    assert site.hits["/gazette/rain.html"] == 1


def test_each_failure_is_one_error_and_the_rest_go_on(site, fetcher):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /secret/\n", content_type="text/plain")
    site.routes["/report.pdf"] = Route(b"%PDF-1.7 ...", content_type="application/pdf")
    site.routes["/slow.xml"] = Route(b"<rss/>", delay=30)
    site.routes["/down.xml"] = Route(b"oops", status=500)
    sources = outlets(("Herald", [site.url("/rss20.xml"), site.url("/gone.xml"), site.url("/down.xml"),
                                  site.url("/empty.xml"), site.url("/slow.xml")]),
                      pages={"Herald": [site.url("/report.pdf"), site.url("/secret/page.html")]})
    with Fetcher(replace(TEST_OPTIONS, timeout=0.5)) as short:
        started = time.monotonic()
        got = gather(sources=sources, window=DAY, fetcher=short)
        elapsed = time.monotonic() - started

    reasons = {e.url.removeprefix(site.origin): e.reason for e in got.errors}
    assert reasons == {"/gone.xml": "status", "/down.xml": "status", "/empty.xml": "no_entries",
                       "/slow.xml": "timeout", "/report.pdf": "not_a_page", "/secret/page.html": "robots"}
    assert all("\n" not in str(e) for e in got.errors)
    assert [a.id for a in got.articles] == ["127.0.0.1/bridge-tax", "127.0.0.1/notice"]
    assert site.hits["/secret/page.html"] == 0 and site.hits["/gone.xml"] == 1
    assert elapsed < 5


def test_a_50_mb_feed_is_capped_and_the_other_feeds_are_read(site):
    site.routes["/huge.xml"] = Route(sized(50 * 2**20, head=b'<rss version="2.0"><channel><title>Huge</title>'),
                                     content_type="application/rss+xml")
    with Fetcher(replace(TEST_OPTIONS, max_bytes=10 * 2**20)) as fetcher:
        got = gather(urls=[site.url("/huge.xml"), site.url("/atom.xml")], window=DAY, fetcher=fetcher)

    assert [e.reason for e in got.errors] == ["too_large"]
    assert "stopped reading at 10,485,760 bytes" in str(got.errors[0])
    assert [a.title for a in got.articles] == ["Council backs bridge tax rise"]
    assert site.sent["/huge.xml"] < 30 * 2**20


def test_a_second_run_fetches_only_conditionally_and_reads_the_same_articles(site, tmp_path):
    options = replace(TEST_OPTIONS, cache=tmp_path / "fetch")
    urls = [site.url("/rss20.xml"), site.url("/atom.xml"), site.url("/feed.json")]
    first = gather(urls=urls, window=DAY, options=options)
    hits_after_first = dict(site.hits)
    second = gather(urls=urls, window=DAY, options=options)

    assert [a.model_dump() for a in second.articles] == [a.model_dump() for a in first.articles]
    assert first.stats.not_modified == 0 and first.stats.downloaded == 3 + len(first.articles)
    assert second.stats.downloaded == 0 and second.stats.not_modified == 3 + len(second.articles)
    fetched = [p for p in site.hits if p != "/robots.txt"]
    assert all(site.hits[p] == 2 * hits_after_first[p] == 2 for p in fetched)  # once a run
    assert all(site.conditional[p] == 1 for p in fetched)  # the second run asked each conditionally


def test_a_changed_feed_brings_only_its_new_page(site, tmp_path):
    options = replace(TEST_OPTIONS, cache=tmp_path / "fetch")
    gather(urls=[site.url("/rss091.xml")], window=None, options=options)
    body = site.routes["/rss091.xml"].body
    assert isinstance(body, bytes)
    site.routes["/rss091.xml"] = Route(body.replace(b"</channel>", (
        f"<item><title>New</title><link>{site.origin}/herald/bridge-tax.html</link></item></channel>").encode()),
        content_type="application/rss+xml", etag='"rss091-v2"')
    second = gather(urls=[site.url("/rss091.xml")], window=None, options=options)

    assert [a.title for a in second.articles] == ["Heavy rain floods Green Valley", "New"]
    assert second.stats.downloaded == 2  # the changed feed and its new page
    assert second.stats.not_modified == 1  # the page it already had
