"""What makes a string a URL the library can fetch: one rule for fetching and for sources files."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["CONTROL", "url_problem"]

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""ASCII control characters: no URL holds one (httpx refuses them, ``urlsplit`` silently drops
some), and a message never shows one."""


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched and what to do, as an error message; None when it can.

    A fetchable URL is http(s) with a host, holds no control character, and has a port and host
    the resolver accepts (no port past 65535, no name part over 63 characters).

    >>> url_problem("https://news.example/a.html") is None
    True
    >>> url_problem("ftp://news.example/a.html")
    'not an http(s) URL; only web pages and feeds are fetched'
    """
    if CONTROL.search(url):
        return "the URL holds a control character, so it is not fetched; check the link where it came from"
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # an unclosed [ in the host
        ok = False
    if not ok:
        return "not an http(s) URL; only web pages and feeds are fetched"
    try:
        parts.port  # noqa: B018 -- raises for a port past 65535
        assert parts.hostname is not None
        parts.hostname.encode("idna")  # what the resolver does: a label over 63 characters fails
    except (ValueError, UnicodeError):  # UnicodeError is a ValueError; named for the reader
        return ("the URL's host or port cannot be resolved as written (a name part over 63 characters, a port "
                "past 65535); check the link where it came from")
    return None
