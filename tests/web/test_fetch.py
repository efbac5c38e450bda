"""``Fetcher`` against a loopback server: what is fetched, how often, and within which bounds.

Every bad answer is one ``FetchError`` line with a reason; nothing waits past its timeout, reads
past its cap, or follows a redirect past its limit.
"""

from __future__ import annotations

import itertools
import socket
import time
from dataclasses import replace

import pytest

from briefing.core.errors import BriefingError, FetchError, InputError
from briefing.testing.websites import Route, WebServer, never_ending, sized
from briefing.web import USER_AGENT, Fetcher
from web_fixtures import TEST_OPTIONS

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

PAGE = b"<html><head><title>T</title></head><body><p>Hello</p></body></html>"


def failure(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    error = info.value
    assert isinstance(error, InputError) and isinstance(error, BriefingError)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    return error


# ---------------------------------------------------------------------------------- the basics
def test_a_page_is_fetched_once_with_the_user_agent_and_robots_txt_read_once(fetcher):
    routes = {f"/p{n}": Route(PAGE) for n in range(6)}
    with WebServer(routes) as site:
        results = fetcher.fetch_all([site.url(f"/p{n}") for n in range(6)] + [site.url("/p0")])

    assert all(r.body == PAGE and r.content_type == "text/html" for r in results)
    assert site.hits["/robots.txt"] == 1  # once per origin, though four lanes asked at once
    assert all(site.hits[f"/p{n}"] == 1 for n in range(6))  # /p0 given twice, fetched once
    assert set(site.agents) == {USER_AGENT}
    assert USER_AGENT.startswith("briefing/") and "grounded-briefing" in USER_AGENT and "+https://" in USER_AGENT


@pytest.mark.parametrize("agent", ["*", "briefing", "BRIEFING"])
def test_robots_txt_disallowing_a_path_means_it_is_not_fetched(fetcher, agent):
    robots = Route(f"User-agent: {agent}\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n".encode(),
                   content_type="text/plain")
    with WebServer({"/robots.txt": robots, "/private/a": Route(PAGE), "/public": Route(PAGE)}) as site:
        private = failure(fetcher, site.url("/private/a"))
        public = fetcher.fetch(site.url("/public"))

    assert private.reason == "robots" and "robots.txt at http://127.0.0.1" in str(private)
    assert "disallows this path" in str(private)
    assert site.hits["/private/a"] == 0
    assert public.body == PAGE and site.hits["/robots.txt"] == 1


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (500, False)])
def test_robots_txt_that_fails_follows_rfc_9309(fetcher, status, allowed):
    with WebServer({"/robots.txt": Route(b"", status=status), "/a": Route(PAGE)}) as site:
        if allowed:
            assert fetcher.fetch(site.url("/a")).body == PAGE
        else:
            error = failure(fetcher, site.url("/a"))
            assert error.reason == "robots" and "RFC 9309" in str(error)
    assert site.hits["/a"] == (1 if allowed else 0)


def test_a_crawl_delay_spaces_the_requests_to_that_host_and_does_not_eat_their_timeout():
    robots = Route(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")  # whole seconds only
    with WebServer({"/robots.txt": robots, **{f"/p{n}": Route(PAGE) for n in range(3)}}) as site:
        with Fetcher(replace(TEST_OPTIONS, timeout=1.5)) as fetcher:
            results = fetcher.fetch_all([site.url(f"/p{n}") for n in range(3)])

    assert all(not isinstance(r, FetchError) for r in results)  # the last waited 2 s for its turn: no timeout
    starts = sorted(t for path, t in site.arrivals if path != "/robots.txt")
    assert len(starts) == 3
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(starts))


# ------------------------------------------------------------------------------- politeness
def test_no_more_than_per_host_requests_at_once():
    routes = {f"/slow{n}": Route(PAGE, delay=0.15) for n in range(8)}
    with WebServer(routes) as site:
        with Fetcher(replace(TEST_OPTIONS, per_host=2, robots=False)) as fetcher:
            started = time.monotonic()
            results = fetcher.fetch_all([site.url(f"/slow{n}") for n in range(8)])
            elapsed = time.monotonic() - started

    assert all(r.body == PAGE for r in results)
    assert site.peak <= 2
    assert elapsed >= 4 * 0.15  # eight answers, two at a time
    assert elapsed < 5  # and not one at a time with waits between


def test_requests_to_one_host_start_delay_seconds_apart():
    with WebServer({f"/p{n}": Route(PAGE) for n in range(4)}) as site:
        with Fetcher(replace(TEST_OPTIONS, per_host=4, delay=0.1, robots=False)) as fetcher:
            fetcher.fetch_all([site.url(f"/p{n}") for n in range(4)])

    starts = sorted(t for _, t in site.arrivals)
    assert all(b - a >= 0.09 for a, b in itertools.pairwise(starts))


# -------------------------------------------------------------------------------- redirects
def test_redirects_are_followed_within_the_host(fetcher):
    with WebServer() as site:
        site.routes["/old"] = Route(status=301, location="/middle", content_type="")
        site.routes["/middle"] = Route(status=302, location=site.url("/new"), content_type="")
        site.routes["/new"] = Route(PAGE)
        fetched = fetcher.fetch(site.url("/old"))

    assert fetched.body == PAGE
    assert fetched.url == site.url("/old") and fetched.final_url == site.url("/new")
    assert site.hits["/old"] == site.hits["/middle"] == site.hits["/new"] == 1


def test_a_redirect_loop_is_named_and_stops(fetcher):
    with WebServer({"/a": Route(status=302, location="/b"), "/b": Route(status=302, location="/a")}) as site:
        error = failure(fetcher, site.url("/a"))

    assert error.reason == "redirects" and "loop" in str(error)
    assert site.hits["/a"] == site.hits["/b"] == 1


def test_more_redirects_than_the_limit_stop_at_the_limit():
    routes = {f"/r{n}": Route(status=301, location=f"/r{n + 1}") for n in range(10)}
    with WebServer(routes) as site:
        with Fetcher(replace(TEST_OPTIONS, max_redirects=3)) as fetcher:
            error = failure(fetcher, site.url("/r0"))

    assert error.reason == "redirects" and "more than 3 redirects" in str(error)
    assert sum(site.hits[f"/r{n}"] for n in range(10)) == 4  # the first request and three redirects


def test_a_redirect_to_another_host_is_not_followed(fetcher):
    with WebServer() as site:
        other = site.url("/elsewhere").replace("127.0.0.1", "localhost")
        site.routes["/away"] = Route(status=302, location=other)
        site.routes["/elsewhere"] = Route(PAGE)
        error = failure(fetcher, site.url("/away"))

    assert error.reason == "redirects" and "another host" in str(error)
    assert site.hits["/elsewhere"] == 0


# ---------------------------------------------------------------------------- server errors
@pytest.mark.parametrize(("status", "words"), [(404, "gone or the URL is wrong"), (500, "try later"),
                                               (403, "refused")])
def test_an_error_status_is_one_line_with_the_status(fetcher, status, words):
    with WebServer({"/x": Route(b"no", status=status)}) as site:
        error = failure(fetcher, site.url("/x"))

    assert error.reason == "status" and error.status == status
    assert str(error).startswith(site.url("/x") + ": the server answered " + str(status))
    assert words in str(error)
    assert site.hits["/x"] == 1  # not retried


def test_a_server_that_does_not_answer_times_out_in_time():
    with WebServer({"/slow": Route(PAGE, delay=10)}) as site:
        with Fetcher(replace(TEST_OPTIONS, timeout=0.3)) as fetcher:
            started = time.monotonic()
            error = failure(fetcher, site.url("/slow"))
            elapsed = time.monotonic() - started

    assert error.reason == "timeout" and "0.3 s" in str(error)
    assert elapsed < 2


def test_nothing_listening_is_a_connection_error(fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again at once: nothing listens there
    error = failure(fetcher, f"http://127.0.0.1:{port}/feed.xml")
    assert error.reason in ("connection", "robots")


def test_only_http_urls_are_fetched(fetcher):
    assert failure(fetcher, "file:///etc/passwd").reason == "url"
    assert failure(fetcher, "ftp://127.0.0.1/x").reason == "url"


def test_credentials_in_a_url_never_reach_the_message(fetcher):
    with WebServer() as site:
        url = site.url("/private.xml?token=hunter2secret").replace("http://", "http://reader:s3cr3tpass@")
        error = failure(fetcher, url)

    assert error.status == 404
    assert "hunter2secret" not in str(error) and "s3cr3tpass" not in str(error)
    assert "s3cr3tpass" not in error.url and "[redacted]" in str(error)


# --------------------------------------------------------------------------------- size caps
def test_a_page_that_never_ends_stops_at_the_size_cap():
    with WebServer({"/endless": Route(never_ending())}) as site:
        with Fetcher(replace(TEST_OPTIONS, max_bytes=2**20)) as fetcher:
            started = time.monotonic()
            error = failure(fetcher, site.url("/endless"))
            elapsed = time.monotonic() - started

    assert error.reason == "too_large" and "stopped reading at 1,048,576 bytes" in str(error)
    assert elapsed < 3
    assert site.sent["/endless"] < 16 * 2**20  # the server was stopped, not drained


def test_a_page_that_trickles_forever_stops_at_the_timeout():
    with WebServer({"/trickle": Route(never_ending(b"<p>more</p>", pause=0.02))}) as site:
        with Fetcher(replace(TEST_OPTIONS, timeout=0.5)) as fetcher:
            started = time.monotonic()
            error = failure(fetcher, site.url("/trickle"))
            elapsed = time.monotonic() - started

    assert error.reason == "timeout" and "not finished within 0.5 s" in str(error)
    assert 0.4 < elapsed < 2.5


def test_a_declared_length_over_the_cap_is_not_read():
    with WebServer({"/big": Route(b"x" * 300_000)}) as site:
        with Fetcher(replace(TEST_OPTIONS, max_bytes=100_000)) as fetcher:
            error = failure(fetcher, site.url("/big"))

    assert error.reason == "too_large" and "declares 300,000 bytes" in str(error)


def test_a_50_mb_feed_stops_at_the_cap_and_says_so():
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
    item = b"<item><title>Filler</title><link>http://127.0.0.1/x</link></item>" * 1000
    huge = Route(sized(50 * 2**20, head=head, chunk=item, tail=b"</channel></rss>"),
                 content_type="application/rss+xml")
    with WebServer({"/huge.xml": huge}) as site:
        with Fetcher(replace(TEST_OPTIONS, max_bytes=10 * 2**20)) as fetcher:
            started = time.monotonic()
            error = failure(fetcher, site.url("/huge.xml"))
            elapsed = time.monotonic() - started

    assert error.reason == "too_large" and "stopped reading at 10,485,760 bytes" in str(error)
    assert site.hits["/huge.xml"] == 1
    assert site.sent["/huge.xml"] < 30 * 2**20  # far from the 50 MB: the client hung up at the cap
    assert elapsed < 10


# ----------------------------------------------------------------------------- not a page
def test_a_pdf_is_refused_with_the_reason(fetcher):
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 100
    with WebServer({"/report.pdf": Route(pdf, content_type="application/pdf"),
                    "/disguised": Route(pdf, content_type="text/html")}) as site:
        declared = failure(fetcher, site.url("/report.pdf"))
        disguised = failure(fetcher, site.url("/disguised"))

    assert declared.reason == disguised.reason == "not_a_page"
    assert "a PDF document (application/pdf)" in str(declared) and "not a web page or a feed" in str(declared)
    assert "starts like one" in str(disguised)


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream", "video/mp4"])
def test_binary_types_are_refused(fetcher, content_type):
    with WebServer({"/x": Route(b"\x00\x01", content_type=content_type)}) as site:
        assert failure(fetcher, site.url("/x")).reason == "not_a_page"


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/atom+xml", "text/xml",
                                          "application/feed+json", "text/plain", ""])
def test_feeds_and_text_are_accepted(fetcher, content_type):
    with WebServer({"/x": Route(b"<rss/>", content_type=content_type)}) as site:
        assert fetcher.fetch(site.url("/x")).body == b"<rss/>"


# ------------------------------------------------------------------------- conditional GET
def test_a_second_run_asks_conditionally_and_serves_304s_from_the_cache(tmp_path):
    options = replace(TEST_OPTIONS, cache=tmp_path / "fetch")
    routes = {"/etag": Route(PAGE, etag='"v1"'),
              "/modified": Route(PAGE + b"<!-- 2 -->", last_modified="Tue, 03 Jun 2025 08:00:00 GMT"),
              "/neither": Route(PAGE + b"<!-- 3 -->")}
    with WebServer(routes) as site:
        urls = [site.url(p) for p in routes]
        with Fetcher(options) as first:
            one = first.fetch_all(urls)
        with Fetcher(options) as second:
            two = second.fetch_all(urls)

    assert [r.body for r in one] == [r.body for r in two]
    assert [r.from_cache for r in one] == [False, False, False]
    assert [r.from_cache for r in two] == [True, True, False]
    assert first.stats.downloaded == 3 and first.stats.not_modified == 0
    assert second.stats.downloaded == 1 and second.stats.not_modified == 2
    assert dict(site.hits) == {"/robots.txt": 2, "/etag": 2, "/modified": 2, "/neither": 2}
    assert dict(site.conditional) == {"/etag": 1, "/modified": 1}  # the first run asked nothing conditionally


def test_a_changed_page_is_downloaded_again(tmp_path):
    options = replace(TEST_OPTIONS, cache=tmp_path / "fetch")
    with WebServer({"/p": Route(PAGE, etag='"v1"')}) as site:
        with Fetcher(options) as first:
            first.fetch(site.url("/p"))
        site.routes["/p"] = Route(PAGE + b"<p>update</p>", etag='"v2"')
        with Fetcher(options) as second:
            fetched = second.fetch(site.url("/p"))

    assert not fetched.from_cache and fetched.body.endswith(b"<p>update</p>")
    assert site.conditional["/p"] == 1 and second.stats.downloaded == 1


def test_an_unusable_cache_folder_is_a_configuration_error(tmp_path):
    from briefing.core.errors import ConfigurationError

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ConfigurationError, match="fetch cache"):
        Fetcher(replace(TEST_OPTIONS, cache=blocker))
