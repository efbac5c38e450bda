"""Polite, bounded HTTP fetching of feeds and pages: ``Fetcher``.

What every request gets:

- a clear user agent (``USER_AGENT``), and robots.txt honoured: fetched once per origin
  (scheme, host and port) and kept for the run, read with the standard library's parser under
  RFC 9309's rules (a 4xx robots.txt allows everything; a 5xx or an unreachable one disallows
  the whole origin); a ``Crawl-delay`` lengthens the delay for that origin;
- at most ``per_host`` requests at once to one origin, starts at least ``delay`` seconds apart,
  and at most ``max_connections`` at once in all;
- one deadline for the whole fetch (``timeout``: connecting, redirects and the body; time spent
  waiting for the host's turn does not count), and a size cap (``max_bytes``): the body is streamed and the fetch stops at the cap;
- redirects followed by hand, at most ``max_redirects``, a loop named as a loop, only to http(s),
  and only within the host asked for (``www.`` aside) unless ``other_hosts``;
- conditional GET through ``HttpCache`` when a cache folder is given: a ``304`` is served from
  the body kept there;
- only web pages and feeds: HTML, XML, JSON and plain text. Anything else (a PDF, an image, an
  archive, a body that starts like one) is refused with the reason before its body is read.

Every failure is a ``FetchError`` (one line, credentials in URLs redacted, a ``reason`` for code);
nothing here raises a traceback at the user. ``Fetcher.fetch_all`` fetches many URLs politely in
parallel (lanes per origin) and returns each result or error in the order given. Fetching is
synchronous, in threads; there is no async twin yet.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any, Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from briefing.core.errors import FetchError
from briefing.core.options import library_version
from briefing.core.secrets import redact_url
from briefing.web.httpcache import CachedResponse, HttpCache
from briefing.web.urls import CONTROL, url_problem

try:  # current openai releases send through httpx2, older ones through httpx
    import httpx2 as httpx
except ImportError:  # pragma: no cover
    import httpx  # type: ignore[no-redef,import-not-found]

AGENT_TOKEN = "briefing"
"""The product token robots.txt rules are matched against (``User-agent: briefing``)."""

USER_AGENT = (f"{AGENT_TOKEN}/{library_version()} (+https://github.com/grounded-briefing/briefing; "
              "grounded-briefing, a news-briefing library; reads feeds and article pages once a day)")
"""The ``User-Agent`` every request sends unless ``FetchOptions.user_agent`` says otherwise."""

ROBOTS_MAX_BYTES = 512 * 1024
"""robots.txt is read up to 512 KiB, RFC 9309's floor; rules past it are not seen."""

MAX_CRAWL_DELAY = 30.0
"""A robots.txt ``Crawl-delay`` longer than this many seconds is held to it."""

REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MARKUP = ("text/html", "application/xhtml+xml")
_TEXT = ("text/plain",)
_BINARY_STARTS = (
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"RIFF", "a media file"), (b"\x00\x00\x00", "a binary file"),
)
_KNOWN_TYPES = {"application/pdf": "a PDF document", "application/octet-stream": "binary data",
                "application/zip": "a ZIP archive", "application/msword": "a Word document"}


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch (every bound is a parameter with its default here).

    Attributes:
        user_agent: the ``User-Agent`` header.
        timeout: seconds for one fetch in all: connecting, every redirect and the whole body.
        max_bytes: the largest body read; a longer one stops at the cap and fails (``too_large``).
        max_redirects: redirects followed for one URL.
        per_host: requests at once to one origin (scheme, host, port).
        delay: seconds between the starts of two requests to one origin (a robots.txt
            ``Crawl-delay`` lengthens it, up to ``MAX_CRAWL_DELAY``).
        max_connections: requests at once over all origins.
        robots: honour robots.txt (turn off only for your own servers).
        other_hosts: follow a redirect to another host than the one asked for.
        cache: a folder for conditional GET (None: no cache; every run downloads everything).
        max_entries: entries read from one feed (in the window, in feed order); each page read
            is a briefing later, so a feed listing thousands of links cannot run up the bill. The
            rest are left out with a note.
    """

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    per_host: int = 2
    delay: float = 0.5
    max_connections: int = 16
    robots: bool = True
    other_hosts: bool = False
    cache: str | Path | None = None
    max_entries: int = 100


@dataclass(frozen=True)
class Fetched:
    """One fetched body.

    Attributes:
        url: the URL asked for.
        final_url: where the body came from, after redirects.
        content_type: the media type, lower case, without parameters ("" when not given).
        charset: the charset the server declared, if any.
        body: the bytes (decompressed, not decoded).
        from_cache: the server answered 304 Not Modified, and the body came from the cache.
    """

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes
    from_cache: bool = False


@dataclass
class FetchStats:
    """What a ``Fetcher`` did: requests sent (robots.txt and each redirect included), bodies
    downloaded, bodies served from the cache after a 304, and fetches that failed."""

    requests: int = 0
    downloaded: int = 0
    not_modified: int = 0
    failed: int = 0
    bytes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)


class _Deadline:
    """The time one fetch has left; waiting for a host's turn adds the wait back."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return self.at - time.monotonic()

    def extend(self, seconds: float) -> None:
        self.at += seconds


class _Origin:
    """One origin's turn-taking: a slot per allowed concurrent request, starts ``delay`` apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.slots = threading.BoundedSemaphore(per_host)
        self.delay = delay
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_error: str | None = None
        self.robots_read = False
        self.robots_lock = threading.Lock()

    @contextmanager
    def turn(self, connections: threading.BoundedSemaphore) -> Iterator[None]:
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.delay
            if start > now:
                time.sleep(start - now)
            with connections:
                yield


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2].lower()}"


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), (str(charset) if isinstance(charset, str) else None)


def refusal(content_type: str, start: bytes) -> str | None:
    """Why a response of ``content_type`` whose body starts with ``start`` is not a page or a feed,
    or None when it may be one (HTML, XML, JSON, plain text, or an undeclared type that does not
    start like a binary file)."""
    for magic, kind in _BINARY_STARTS:
        if start.startswith(magic):
            return f"it is {kind} (it starts like one), not a web page or a feed"
    if not content_type or content_type in _MARKUP or content_type in _TEXT:
        return None
    if content_type.endswith(("/xml", "+xml", "/json", "+json")):
        return None
    what = _KNOWN_TYPES.get(content_type) or ("an image" if content_type.startswith("image/") else None)
    return f"it is {what or content_type} ({content_type}), not a web page or a feed"


class Fetcher:
    """Fetch feeds and pages politely (see the module docstring). Use as a context manager, or
    call ``close``. Thread-safe: ``fetch`` may be called from many threads.

    Args:
        options: the bounds (``FetchOptions``).
        transport: an httpx transport, for tests that serve from memory.

    Raises:
        ConfigurationError: the cache folder cannot be used.
    """

    def __init__(self, options: FetchOptions = FetchOptions(), *, transport: Any = None) -> None:
        self.options = options
        self.stats = FetchStats()
        self.cache = HttpCache(options.cache) if options.cache is not None else None
        timeout = httpx.Timeout(options.timeout)
        limits = httpx.Limits(max_connections=options.max_connections,
                              max_keepalive_connections=options.max_connections)
        self._client = httpx.Client(timeout=timeout, limits=limits, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": options.user_agent})
        self._connections = threading.BoundedSemaphore(options.max_connections)
        self._origins: dict[str, _Origin] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    # ------------------------------------------------------------------------------ public
    def fetch(self, url: str) -> Fetched:
        """The body at ``url``, within the bounds of ``options``.

        Raises:
            FetchError: the URL is not http(s); robots.txt disallows it; the server answered an
                error status, too many redirects or a loop, or nothing in time; the body is not a
                page or a feed, or passed ``max_bytes``.
        """
        deadline = _Deadline(self.options.timeout)
        try:
            return self._follow(url, deadline)
        except FetchError:
            self.stats.add(failed=1)
            raise

    def fetch_all(self, urls: Iterable[str]) -> list[Fetched | FetchError]:
        """Fetch every URL (each distinct URL once), ``per_host`` at a time per origin and
        ``max_connections`` in all; returns each ``Fetched`` or ``FetchError`` in the order given."""
        return self.map(urls, self.fetch)

    def map(self, urls: Iterable[str], work: Callable[[str], Any]) -> list[Any]:
        """``work(url)`` for each distinct URL, scheduled politely by origin as ``fetch_all`` is;
        a ``FetchError`` it raises becomes that URL's result. Results in the order given."""
        urls = list(urls)
        lanes: dict[str, deque[str]] = {}
        for url in dict.fromkeys(urls):
            lanes.setdefault(_origin_of(url), deque()).append(url)
        results: dict[str, Any] = {}

        def lane(queue: deque[str]) -> None:
            while True:
                try:
                    url = queue.popleft()
                except IndexError:
                    return
                try:
                    results[url] = work(url)
                except FetchError as e:
                    results[url] = e

        # twice as many lanes as requests allowed at once: while one lane works on what it fetched
        # (parses, extracts), another takes the host's free slot; the slots still bound the requests
        per_origin = 2 * max(1, self.options.per_host)
        jobs = [queue for n in range(per_origin) for queue in lanes.values() if n < len(queue)]
        if jobs:
            with ThreadPoolExecutor(max_workers=min(len(jobs), 2 * self.options.max_connections)) as pool:
                for future in [pool.submit(lane, queue) for queue in jobs]:
                    future.result()
        return [results[url] for url in urls]

    # ----------------------------------------------------------------------------- one URL
    def _origin(self, url: str) -> _Origin:
        key = _origin_of(url)
        with self._lock:
            if key not in self._origins:
                self._origins[key] = _Origin(max(1, self.options.per_host), self.options.delay)
            return self._origins[key]

    def _follow(self, url: str, deadline: _Deadline) -> Fetched:
        shown = CONTROL.sub(lambda m: f"%{ord(m.group()):02X}", redact_url(url))
        current, seen = url, [url]
        while True:
            _check_url(current, shown)
            self._check_robots(current, shown, deadline)
            response = self._get(current, shown, deadline)
            if isinstance(response, Fetched):
                return Fetched(url=url, final_url=current, content_type=response.content_type,
                               charset=response.charset, body=response.body, from_cache=response.from_cache)
            target = urljoin(current, response)
            if target in seen:
                chain = " -> ".join(redact_url(u) for u in [*seen[seen.index(target):], target])
                raise FetchError(f"a redirect loop ({chain}); the site is misconfigured, try later or drop it",
                                 url=shown, reason="redirects")
            if len(seen) > self.options.max_redirects:
                raise FetchError(f"more than {self.options.max_redirects} redirects (last to {redact_url(target)}); "
                                 "use the final URL, or raise FetchOptions.max_redirects", url=shown, reason="redirects")
            if not self.options.other_hosts and _host(target) != _host(url):
                raise FetchError(f"redirected to another host ({redact_url(target)}), not followed; use that URL "
                                 "if you trust it", url=shown, reason="redirects")
            seen.append(target)
            current = target

    def _get(self, url: str, shown: str, deadline: _Deadline, *, max_bytes: int | None = None,
             any_type: bool = False) -> Fetched | str:
        """One request: a ``Fetched`` body, or the ``Location`` of a redirect."""
        cached = self.cache.get(url) if self.cache is not None and not any_type else None
        headers = cached.conditional_headers() if cached is not None else {}
        origin = self._origin(url)
        asked = time.monotonic()
        with origin.turn(self._connections):
            deadline.extend(time.monotonic() - asked)  # the wait for a turn is not the server's time
            remaining = deadline.left()
            if remaining <= 0:
                raise FetchError(f"no answer within {self.options.timeout:g} s (FetchOptions.timeout)",
                                 url=shown, reason="timeout")
            self.stats.add(requests=1)
            try:
                with self._client.stream("GET", url, headers=headers,
                                         timeout=httpx.Timeout(min(remaining, self.options.timeout))) as response:
                    return self._read(response, url, shown, cached, deadline, max_bytes, any_type)
            except httpx.TimeoutException as e:
                raise FetchError(f"no answer within {self.options.timeout:g} s (FetchOptions.timeout); "
                                 "the server is slow or down, try later", url=shown, reason="timeout") from e
            except httpx.HTTPError as e:
                detail = redact_url(str(e)) or type(e).__name__
                raise FetchError(f"could not fetch it ({detail}); check the URL and your connection",
                                 url=shown, reason="connection") from e

    def _read(self, response: Any, url: str, shown: str, cached: CachedResponse | None, deadline: _Deadline,
              max_bytes: int | None, any_type: bool) -> Fetched | str:
        status = response.status_code
        if status in REDIRECTS and response.headers.get("location"):
            return str(response.headers["location"])
        if status == 304 and cached is not None:
            self.stats.add(not_modified=1)
            return Fetched(url=url, final_url=url, content_type=cached.content_type, charset=cached.charset,
                           body=cached.body, from_cache=True)
        if status != 200:
            phrase = response.reason_phrase or ""
            hint = ("the page is gone or the URL is wrong" if status in (404, 410)
                    else "the server failed; try later" if status >= 500
                    else "access is refused" if status in (401, 403) else "not a page this tool can read")
            raise FetchError(f"the server answered {status} {phrase}".rstrip() + f"; {hint}",
                             url=shown, reason="status", status=status)
        content_type, charset = _media_type(response.headers.get("content-type"))
        if not any_type:
            why = refusal(content_type, b"")
            if why is not None:
                raise FetchError(f"refused: {why}; briefing reads HTML pages and RSS, Atom or JSON feeds",
                                 url=shown, reason="not_a_page", status=status)
        cap = max_bytes if max_bytes is not None else self.options.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(f"too large: the server declares {int(declared):,} bytes, over the cap of {cap:,} "
                             "(FetchOptions.max_bytes); not read", url=shown, reason="too_large", status=status)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap and any_type:  # robots.txt: the rules up to the cap count
                del body[cap:]
                break
            if len(body) > cap:
                raise FetchError(f"too large: stopped reading at {cap:,} bytes (FetchOptions.max_bytes); "
                                 "the rest was not downloaded", url=shown, reason="too_large", status=status)
            if deadline.left() < 0:
                raise FetchError(f"not finished within {self.options.timeout:g} s (FetchOptions.timeout): "
                                 f"{len(body):,} bytes read, the rest was not waited for",
                                 url=shown, reason="timeout", status=status)
        self.stats.add(downloaded=1, bytes=len(body))
        if not any_type:
            why = refusal(content_type, bytes(body[:16]))
            if why is not None:
                raise FetchError(f"refused: {why}; briefing reads HTML pages and RSS, Atom or JSON feeds",
                                 url=shown, reason="not_a_page", status=status)
        fetched = Fetched(url=url, final_url=url, content_type=content_type, charset=charset, body=bytes(body))
        if self.cache is not None and not any_type:
            self.cache.put(CachedResponse(url=url, body=fetched.body, content_type=content_type, charset=charset,
                                          etag=response.headers.get("etag"),
                                          last_modified=response.headers.get("last-modified")))
        return fetched

    # ------------------------------------------------------------------------------ robots
    def _check_robots(self, url: str, shown: str, deadline: _Deadline) -> None:
        if not self.options.robots:
            return
        origin = self._origin(url)
        asked = time.monotonic()
        with origin.robots_lock:  # fetched once per origin, however many threads ask
            deadline.extend(time.monotonic() - asked)
            if not origin.robots_read:
                origin.robots, origin.robots_error = self._read_robots(url, deadline)
                origin.robots_read = True
                delay = origin.robots.crawl_delay(AGENT_TOKEN) if origin.robots is not None else None
                if delay:
                    origin.delay = max(origin.delay, min(float(delay), MAX_CRAWL_DELAY))
        if origin.robots_error is not None:
            raise FetchError(origin.robots_error, url=shown, reason="robots")
        if origin.robots is not None and not origin.robots.can_fetch(AGENT_TOKEN, url):
            raise FetchError(f"robots.txt at {_origin_of(url)} disallows this path for {AGENT_TOKEN}; not fetched",
                             url=shown, reason="robots")

    def _read_robots(self, url: str, deadline: _Deadline) -> tuple[RobotFileParser | None, str | None]:
        """(the parsed robots.txt, or None when everything is allowed; the reason the whole origin is
        disallowed, or None)."""
        robots_url = f"{_origin_of(url)}/robots.txt"
        shown = redact_url(robots_url)
        current, seen = robots_url, [robots_url]
        try:
            while True:
                response = self._get(current, shown, deadline, max_bytes=ROBOTS_MAX_BYTES, any_type=True)
                if isinstance(response, Fetched):
                    break
                current = urljoin(current, response)
                if current in seen or len(seen) > self.options.max_redirects:
                    return None, None  # RFC 9309: too many redirects count as "unavailable": allow
                seen.append(current)
        except FetchError as e:
            if e.reason == "status" and e.status is not None and e.status < 500:
                return None, None  # 4xx: no rules, everything allowed
            return None, (f"robots.txt at {_origin_of(url)} could not be read ({e.message}); "
                          "RFC 9309 says to fetch nothing there until it can")
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser, None


def _check_url(url: str, shown: str) -> None:
    if (problem := url_problem(url)) is not None:
        raise FetchError(problem, url=shown, reason="url")
