"""A loopback web server for feeds and pages: test your sources file without the network.

``WebServer`` serves ``Route``s by path on ``http://127.0.0.1:PORT`` while its ``with`` block
lasts, and counts what was asked: ``hits[path]`` (requests per path), ``conditional[path]``
(requests that carried ``If-None-Match`` or ``If-Modified-Since``), ``sent[path]`` (body bytes
written), ``agents`` (the ``User-Agent`` of every request), ``arrivals`` (path and
``time.monotonic()`` of every request) and ``peak`` (the most requests it was answering at once). A route may answer with a status,
any content type, validators (an ``ETag`` and ``Last-Modified``: a matching conditional request
gets ``304``), a redirect, a delay (latency), or a body that streams from an iterator: a huge
one, or one that never ends (the iterator stops when the server does). A path without a route
is ``404``.

    with WebServer({"/rss.xml": Route(feed_bytes, content_type="application/rss+xml")}) as site:
        fetch(site.url("/rss.xml"))
        assert site.hits["/rss.xml"] == 1
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from briefing.testing.responder import LoopbackServer, _Server

Body = bytes | Callable[[threading.Event], Iterable[bytes]]


@dataclass
class Route:
    """How one path answers.

    Attributes:
        body: the bytes, or a function of the server's stop event that yields chunks (sent with no
            ``Content-Length``, the connection closed at the end).
        status: the HTTP status.
        content_type: the ``Content-Type`` header ("" to send none).
        etag, last_modified: validators; a request that carries a matching one gets ``304``.
        location: a ``Location`` header (for redirects).
        delay: seconds to wait before answering (cut short when the server stops).
        headers: any other headers.
    """

    body: Body = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def never_ending(chunk: bytes = b"<p>" + b"more " * 200 + b"</p>\n", *, pause: float = 0.0) -> Body:
    """A body that streams ``chunk`` until the client stops reading or the server stops, waiting
    ``pause`` seconds between chunks (a trickle)."""
    def chunks(stop: threading.Event) -> Iterable[bytes]:
        yield b"<!doctype html><html><head><title>Endless</title></head><body>\n"
        while not stop.is_set():
            yield chunk
            if pause:
                stop.wait(pause)
    return chunks


def sized(total: int, *, head: bytes = b"", chunk: bytes = b"x" * 65536, tail: bytes = b"") -> Body:
    """A body of ``total`` bytes (``head``, then ``chunk`` repeated, then ``tail``), streamed
    without ever being held whole in memory."""
    def chunks(stop: threading.Event) -> Iterable[bytes]:
        yield head
        left = total - len(head) - len(tail)
        while left > 0 and not stop.is_set():
            piece = chunk[:left]
            yield piece
            left -= len(piece)
        yield tail
    return chunks


class WebServer(LoopbackServer):
    """Serve ``routes`` (path -> ``Route``) on 127.0.0.1; every response waits ``latency`` seconds
    first. Routes may be added or replaced while it runs (``routes[path] = Route(...)``)."""

    def __init__(self, routes: dict[str, Route] | None = None, *, latency: float = 0.0, port: int = 0) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.latency = latency
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.agents: list[str] = []
        self.arrivals: list[tuple[str, float]] = []
        self.peak = 0
        self._busy = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in separate writes: without this, each
            # response waits ~40 ms for the client's delayed ACK, and the latency measured is not ours

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                site._answer(self)

        self._server = _Server(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{port}"

    def url(self, path: str) -> str:
        """The full URL of ``path`` on this server."""
        return self.origin + path

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()  # endless bodies and long delays end now
        super().__exit__(*exc)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        route = self.routes.get(path) or self.routes.get(handler.path) or Route(b"not found\n", status=404,
                                                                               content_type="text/plain")
        validators = handler.headers.get("If-None-Match"), handler.headers.get("If-Modified-Since")
        with self._lock:
            self.hits[path] += 1
            self.agents.append(handler.headers.get("User-Agent") or "")
            self.arrivals.append((path, time.monotonic()))
            if any(validators):
                self.conditional[path] += 1
            self._busy += 1
            self.peak = max(self.peak, self._busy)
        try:
            self._respond(handler, path, route, validators)
        finally:
            with self._lock:
                self._busy -= 1

    def _respond(self, handler: BaseHTTPRequestHandler, path: str, route: Route,
                 validators: tuple[str | None, str | None]) -> None:
        wait = self.latency + route.delay
        if wait and self.stopping.wait(wait):
            return
        not_modified = route.status == 200 and (
            (route.etag is not None and validators[0] == route.etag)
            or (route.last_modified is not None and validators[1] == route.last_modified and not validators[0]))
        headers = dict(route.headers)
        if route.content_type:
            headers["Content-Type"] = route.content_type
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.location:
            headers["Location"] = route.location
        try:
            if not_modified:
                self._head(handler, 304, {**headers, "Content-Length": "0"})
            elif isinstance(route.body, bytes):
                self._head(handler, route.status, {**headers, "Content-Length": str(len(route.body))})
                handler.wfile.write(route.body)
                self._count(path, len(route.body))
            else:
                handler.close_connection = True
                self._head(handler, route.status, {**headers, "Connection": "close"})
                for chunk in route.body(self.stopping):
                    handler.wfile.write(chunk)
                    self._count(path, len(chunk))
        except (ConnectionError, OSError):  # the client stopped reading: expected for capped bodies
            handler.close_connection = True

    def _count(self, path: str, n: int) -> None:
        with self._lock:
            self.sent[path] += n

    @staticmethod
    def _head(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
