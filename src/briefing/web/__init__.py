"""Sources in: feeds and pages fetched politely, read into articles for the daily briefing.

``gather(sources=read_sources("news.toml"), window=DateWindow.last(24))`` fetches every feed, keeps
the entries in the date window, fetches their pages and returns the articles (``Gathered``), with
one ``FetchError`` per feed or page that failed. One module per job:

- ``fetch``: ``Fetcher`` and ``FetchOptions``: per-host limits and delays, timeouts, a size cap,
  redirects, robots.txt, a user agent, conditional GET through ``httpcache``;
- ``feeds``: RSS, Atom (feedparser) and JSON Feed into ``Entry``s;
- ``pages``: a fetched page's text (trafilatura) and metadata as an ``Article``;
- ``sources``: the sources file (TOML) read and checked;
- ``window``: the date window (``--since`` / ``--until``);
- ``gather``: the steps above, in order.

This package sits beside ``brief``: it imports ``core`` (and httpx), never ``daily``, ``verify``,
``render`` or ``cli``. feedparser and trafilatura are the ``web`` extra.
"""

from briefing.web.feeds import Entry, Feed, parse_feed
from briefing.web.fetch import USER_AGENT, Fetched, Fetcher, FetchOptions, FetchStats
from briefing.web.gather import Gathered, gather
from briefing.web.pages import page_article
from briefing.web.sources import Outlet, Sources, read_sources
from briefing.web.window import DateWindow

__all__ = ["USER_AGENT", "DateWindow", "Entry", "Feed", "FetchOptions", "FetchStats", "Fetched", "Fetcher",
           "Gathered", "Outlet", "Sources", "gather", "page_article", "parse_feed", "read_sources"]
