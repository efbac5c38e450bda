"""Sources in, articles out: fetch the feeds, pick the entries in the date window, fetch their pages.

``gather(sources=..., urls=..., window=...)`` is the whole of it:

1. every feed (from the sources file) and every URL given on its own is fetched; a URL given on
   its own that parses as a feed is a feed, anything else is a page;
2. each feed's entries are read in order; an entry whose link another feed already gave is read
   once (the first outlet keeps it), and one outside the date window is left out before its page
   is fetched;
3. every entry's page and every page URL is fetched and its text extracted (``pages``); a page's
   own date is checked against the window once it is read.

An outlet's ``name`` from the sources file becomes its articles' ``source``, and its ``labels``
their ``labels``; without a sources file, the feed's own title is the source and there are no
labels. Each failed feed or page is one ``FetchError`` in ``Gathered.errors`` and the rest go on.
Articles with no readable published date are kept: their ids are listed in ``Gathered.undated``
and a note in ``Gathered.notes`` names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

from briefing.core.errors import FetchError
from briefing.core.loaders import distinct_ids
from briefing.core.models import Article
from briefing.core.secrets import redact_url
from briefing.core.wording import plural
from briefing.web.feeds import Entry, Feed, parse_feed
from briefing.web.fetch import Fetched, Fetcher, FetchOptions, FetchStats
from briefing.web.pages import page_article
from briefing.web.sources import Outlet, Sources
from briefing.web.window import DateWindow

T = TypeVar("T")

Kind = Literal["feed", "page", "either"]


@dataclass
class Gathered:
    """What ``gather`` read.

    Attributes:
        articles: one per page read, in source order, with unique ids.
        errors: one ``FetchError`` per feed or page that failed (each one line).
        notes: lines worth telling the user (a malformed feed, entries left out, undated articles).
        undated: ids of the articles kept without a readable published date.
        outside: entries and pages left out by the date window.
        repeated: entries left out because another feed already gave their link.
        labels: each outlet's labels, by outlet name (from the sources file).
        stats: what the fetcher did (requests, downloads, 304s served from the cache).
    """

    articles: list[Article] = field(default_factory=list)
    errors: list[FetchError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    outside: int = 0
    repeated: int = 0
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    stats: FetchStats = field(default_factory=FetchStats)


@dataclass(frozen=True)
class _Lead:
    url: str
    kind: Kind
    outlet: Outlet | None = None


@dataclass(frozen=True)
class _Page:
    url: str
    entry: Entry | None
    source: str | None


def link_key(url: str) -> str:
    """A link as compared for "the same article": scheme and host in lower case, no fragment,
    no trailing slash on the path."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/") or "/", parts.query, ""))


_SLUG = re.compile(r"[^a-z0-9]+")


def article_id(url: str) -> str:
    """A readable id for the page at ``url``: its host (no ``www.``) and the last part of its path."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else "index"
    slug = _SLUG.sub("-", last.lower()).strip("-")[:60] or "page"
    return f"{host}/{slug}"


def _leads(sources: Sources | None, urls: Iterable[str]) -> list[_Lead]:
    leads: list[_Lead] = []
    for outlet in sources.outlets if sources is not None else ():
        leads.extend(_Lead(url, "feed", outlet) for url in outlet.feeds)
        leads.extend(_Lead(url, "page", outlet) for url in outlet.pages)
    leads.extend(_Lead(url, "either") for url in urls)
    return leads


def gather(*, sources: Sources | None = None, urls: Iterable[str] = (), window: DateWindow | None = None,
           options: FetchOptions = FetchOptions(), fetcher: Fetcher | None = None) -> Gathered:
    """Fetch the feeds and pages of ``sources`` and ``urls`` and read their articles.

    Args:
        sources: a read sources file (``read_sources``), or None.
        urls: feed or page URLs given on their own (a URL that parses as a feed is a feed).
        window: the published dates to keep (None: every date).
        options: how to fetch (ignored when ``fetcher`` is given).
        fetcher: a ``Fetcher`` to use (and leave open), e.g. with a test transport.

    Returns:
        ``Gathered``: the articles, and one ``FetchError`` per failed feed or page.

    Raises:
        ConfigurationError: the fetch cache folder cannot be used.
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher(options)
    try:
        return _gather(fetcher, _leads(sources, urls), window, sources)
    finally:
        if own:
            fetcher.close()


def _guarded(work: Callable[[str], T]) -> Callable[[str], T]:
    """``work`` with any error but a ``FetchError`` made one: a third-party parser failing on one
    hostile feed or page fails that URL alone, and the day goes on (``--debug`` shows the cause)."""
    def run(url: str) -> T:
        try:
            return work(url)
        except FetchError:
            raise
        except Exception as e:  # any parser bug; the cause is chained
            raise FetchError(f"could not be read ({type(e).__name__}); the feed or page may be malformed",
                             url=redact_url(url), reason="unreadable") from e
    return run


def _gather(fetcher: Fetcher, leads: list[_Lead], window: DateWindow | None, sources: Sources | None) -> Gathered:
    result = Gathered(stats=fetcher.stats)
    if sources is not None:
        result.labels = {o.name: dict(o.labels) for o in sources.outlets if o.labels}
    by_url: dict[str, _Lead] = {}
    for lead in leads:
        if lead.kind != "page":
            by_url.setdefault(lead.url, lead)  # the first outlet to name a feed keeps it
    prefetched: dict[str, Fetched] = {}

    def read(url: str) -> Feed | Fetched:
        fetched = fetcher.fetch(url)
        try:
            return parse_feed(fetched.body, url=url, content_type=fetched.content_type, charset=fetched.charset)
        except FetchError as e:
            if e.reason == "not_a_feed" and by_url[url].kind == "either":
                return fetched  # a page given on its own
            raise

    pages: list[_Page] = []
    seen: set[str] = set()
    for lead, got in zip(by_url.values(), fetcher.map(list(by_url), _guarded(read)), strict=True):
        if isinstance(got, FetchError):
            result.errors.append(got)
        elif isinstance(got, Fetched):
            prefetched[lead.url] = got  # a page given on its own: read once
            seen.add(link_key(lead.url))
            pages.append(_Page(lead.url, None, None))
        else:
            result.notes.extend(got.notes)
            outlet = lead.outlet.name if lead.outlet is not None else None
            taken = 0
            for entry in got.entries:
                key = link_key(entry.link)
                if key in seen:
                    result.repeated += 1
                    continue
                seen.add(key)
                if window is not None and window.keeps(entry.published) is False:
                    result.outside += 1
                    continue
                taken += 1
                if taken > fetcher.options.max_entries:
                    continue
                pages.append(_Page(entry.link, entry, outlet))
            if taken > fetcher.options.max_entries:
                result.notes.append(f"{redact_url(lead.url)}: {taken - fetcher.options.max_entries:,} entries past the "
                                    f"first {fetcher.options.max_entries} left out (FetchOptions.max_entries)")
    for lead in leads:
        if lead.kind == "page" and link_key(lead.url) not in seen:
            seen.add(link_key(lead.url))
            pages.append(_Page(lead.url, None, lead.outlet.name if lead.outlet else None))

    wanted = {page.url: page for page in pages}

    def article(url: str) -> Article:
        fetched = prefetched.get(url) or fetcher.fetch(url)
        page = page_article(fetched, id=article_id(url), entry=wanted[url].entry, source=wanted[url].source)
        labels = result.labels.get(wanted[url].source or "")  # only an outlet's name is a _Page's source
        return page.model_copy(update={"labels": dict(labels)}) if labels else page

    kept: list[Article] = []
    for got in fetcher.map(list(wanted), _guarded(article)):
        if isinstance(got, FetchError):
            result.errors.append(got)
        elif window is not None and window.keeps(got.published) is False:
            result.outside += 1
        else:
            kept.append(got)
    result.articles = distinct_ids(kept)
    _note(result, window)
    return result


def _note(result: Gathered, window: DateWindow | None) -> None:
    if result.repeated:
        result.notes.append(f"{result.repeated} entries carried by more than one feed were read once")
    if result.outside and window is not None:
        result.notes.append(f"{result.outside} entries outside the date window ({window.describe()}) left out; "
                            "widen it with --since/--until")
    if window is not None:
        result.undated = [a.id or "" for a in result.articles if window.keeps(a.published) is None]
    else:
        result.undated = [a.id or "" for a in result.articles if not a.published]
    if result.undated:
        shown = ", ".join(result.undated[:5]) + (f" and {len(result.undated) - 5} more" if len(result.undated) > 5 else "")
        verbs = "has no published date and was" if len(result.undated) == 1 else "have no published date and were"
        result.notes.append(f"{plural(len(result.undated), 'article')} {verbs} kept: {shown}")
