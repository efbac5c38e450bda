"""Benchmark reading the day from feeds: 20 feeds of 50 entries each from loopback servers that take
50 ms to answer every request.

Usage: python benchmarks/feeds.py [--outlets 5] [--feeds 20] [--entries 50] [--latency 0.05]

The feeds are spread over ``--outlets`` servers (one origin each, so the per-host limits apply per
outlet, as on the web). For each per-host limit (1, 2 and 4 requests at once, no delay between
starts) a cold run fetches every feed and then every page (``Fetcher.fetch_all``, no text
extraction); its wall time is printed beside its floor: the requests to the busiest origin times
the latency over the limit. Then the whole of ``briefing.web.gather`` (fetching and extracting
each page's text with trafilatura, which is CPU-bound: about 25 ms a page) cold, and a second run
with its cache after one feed gained 5 new entries: it downloads only that feed and its new
pages, and every other request is answered 304 from the cache. Peak memory is measured on a
separate cold gather with tracemalloc (Python allocations; the loopback servers run in the same
process), and the process's peak RSS is printed too. Takes about a minute and a half on a busy
two-core machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from briefing.testing.websites import Route, WebServer
from briefing.web import Fetcher, FetchOptions, gather, parse_feed

WORDS = ("council bridge tax mayor river valley flood school road budget families minister report officials "
         "said Tuesday percent injured collapse hospital police court vote election").split()


def page(outlet: int, feed: int, entry: int) -> bytes:
    """An article page of about 3 KB, its words different from every other page's."""
    sentences = []
    for n in range(30):
        words = [WORDS[(outlet * 7 + feed * 5 + entry * 3 + n + k) % len(WORDS)] for k in range(12)]
        sentences.append(f"Story {outlet}-{feed}-{entry} line {n}: " + " ".join(words).capitalize() + ".")
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Story {outlet}-{feed}-{entry}</title></head>"
            f"<body><nav>Home News</nav><article><h1>Story {outlet}-{feed}-{entry}</h1>{body}</article>"
            "<footer>(c)</footer></body></html>").encode()


def feed(origin: str, outlet: int, number: int, entries: int, *, extra: int = 0) -> bytes:
    items = "".join(
        f"<item><title>Story {outlet}-{number}-{e}</title><link>{origin}/f{number}/e{e}.html</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime(time.time() - 600))}</pubDate></item>"
        for e in range(entries + extra))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {outlet} feed '
            f"{number}</title>{items}</channel></rss>").encode()


def serve(servers: list[WebServer], feeds: int, entries: int) -> list[str]:
    """Put every feed and page on the servers (feeds dealt round-robin); returns the feed URLs."""
    urls = []
    for number in range(feeds):
        outlet = number % len(servers)
        site = servers[outlet]
        site.routes[f"/f{number}.xml"] = Route(feed(site.origin, outlet, number, entries),
                                               content_type="application/rss+xml", etag=f'"f{number}-v1"')
        for e in range(entries + 5):  # five spare pages for the entries a feed gains later
            site.routes[f"/f{number}/e{e}.html"] = Route(page(outlet, number, e), etag=f'"f{number}-e{e}"')
        urls.append(site.url(f"/f{number}.xml"))
    return urls


def fetch_only(urls: list[str], options: FetchOptions) -> tuple[float, int, int]:
    """(seconds, pages, requests) for fetching every feed, then every page its entries link to."""
    started = time.perf_counter()
    with Fetcher(options) as fetcher:
        feeds = fetcher.fetch_all(urls)
        links = [e.link for f in feeds if not isinstance(f, Exception)
                 for e in parse_feed(f.body, url=f.url).entries]
        pages = fetcher.fetch_all(links)
    failed = [p for p in [*feeds, *pages] if isinstance(p, Exception)]
    if failed:
        sys.exit(f"unexpected failures: {[str(e) for e in failed[:3]]}")
    return time.perf_counter() - started, len(pages), fetcher.stats.requests


def run(urls: list[str], options: FetchOptions) -> tuple[float, int, int, int, int]:
    """(seconds, articles, requests, downloaded, not modified) for one gather."""
    started = time.perf_counter()
    got = gather(urls=urls, window=None, options=options)
    seconds = time.perf_counter() - started
    if got.errors:
        sys.exit(f"unexpected failures: {[str(e) for e in got.errors[:3]]}")
    return seconds, len(got.articles), got.stats.requests, got.stats.downloaded, got.stats.not_modified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()

    servers = [WebServer(latency=args.latency) for _ in range(args.outlets)]
    for server in servers:
        server.__enter__()
    try:
        urls = serve(servers, args.feeds, args.entries)
        busiest = max(sum(1 for u in urls if u.startswith(s.origin)) for s in servers)
        per_origin = busiest * (1 + args.entries) + 1  # feeds, pages and robots.txt at the busiest origin
        print(f"{args.feeds} feeds x {args.entries} entries on {args.outlets} origins, {args.latency * 1000:.0f} ms "
              f"a response; {per_origin} requests at the busiest origin")
        print("fetching only (feeds, then pages; no cache):")
        print(f"{'per host':>10} {'seconds':>8} {'floor':>6} {'pages':>6} {'requests':>8}")
        base = FetchOptions(delay=0.0, max_connections=32)
        for per_host in (1, 2, 4):
            seconds, pages, requests = fetch_only(urls, replace(base, per_host=per_host))
            floor = per_origin * args.latency / per_host
            print(f"{per_host:>10} {seconds:>8.1f} {floor:>6.1f} {pages:>6} {requests:>8}")
        with tempfile.TemporaryDirectory() as scratch:
            options = replace(base, per_host=2, cache=Path(scratch) / "cache-2")
            seconds, articles, requests, downloaded, not_modified = run(urls, options)
            print(f"gather, first run (per host 2, fetch and extract): {seconds:.1f} s, {articles} articles, "
                  f"{requests} requests, {downloaded} downloaded, {not_modified} answered 304")

            # the second run: one feed gained five entries; everything else is unchanged
            site = servers[0]
            site.routes["/f0.xml"] = Route(feed(site.origin, 0, 0, args.entries, extra=5),
                                           content_type="application/rss+xml", etag='"f0-v2"')
            seconds, articles, requests, downloaded, not_modified = run(urls, options)
            print(f"gather, second run (per host 2, one feed +5 entries): {seconds:.1f} s, {articles} articles, {requests} "
                  f"requests, {downloaded} downloaded (the changed feed and its 5 new pages), {not_modified} "
                  "answered 304 from the cache")

            tracemalloc.start()
            run(urls, replace(base, per_host=4, cache=Path(scratch) / "cache-memory"))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"peak memory of a cold run: {peak / 2**20:.0f} MiB traced (tracemalloc); process peak RSS "
              f"{rss:.0f} MiB (servers and all runs included)")
        print(f"with the default politeness (2 per host, 0.5 s between starts) the busiest origin takes at least "
              f"{per_origin * FetchOptions().delay:.0f} s")
    finally:
        for server in servers:
            server.__exit__(None, None, None)


if __name__ == "__main__":
    main()
