"""The on-disk cache behind conditional GET: each URL's last body with its validators.

A response that carries an ``ETag`` or a ``Last-Modified`` header is kept in the cache folder as
two files named by the URL's SHA-256: ``KEY.body`` (the bytes as received) and ``KEY.json`` (the
URL, the validators, the media type and charset). The next request for that URL sends
``If-None-Match`` / ``If-Modified-Since``; a ``304 Not Modified`` answer is served from the body
kept here, so a re-run downloads only what changed. A response without validators is not kept
(nothing to ask conditionally). Files are written whole (a temporary file, then a rename), and
an entry that cannot be read is treated as absent, never as an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.core.errors import ConfigurationError


@dataclass(frozen=True)
class CachedResponse:
    """What the cache holds for one URL."""

    url: str
    body: bytes
    content_type: str
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def conditional_headers(self) -> dict[str, str]:
        """The headers that ask the server for the body only if it changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class HttpCache:
    """Bodies and validators by URL, in ``folder`` (made if missing).

    Raises:
        ConfigurationError: ``folder`` exists and is not a folder, or cannot be made.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ConfigurationError(f"the fetch cache {self.folder} cannot be used ({e.strerror or e}); "
                                     "name a folder you can write to") from e

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> CachedResponse | None:
        """The cached response for ``url``, or None (never kept, unreadable, or not as ``put``
        writes it)."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested too deep
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        if not all(isinstance(meta.get(k), str | None) for k in ("content_type", "charset", "etag", "last_modified")):
            return None  # an edited entry: a validator that is no string would fail the request
        return CachedResponse(url=url, body=body, content_type=str(meta.get("content_type") or ""),
                              charset=meta.get("charset"), etag=meta.get("etag"),
                              last_modified=meta.get("last_modified"))

    def put(self, response: CachedResponse) -> None:
        """Keep ``response`` if it has a validator; a failed write leaves no half entry."""
        if not (response.etag or response.last_modified):
            return
        meta_path, body_path = self._paths(response.url)
        meta = {"url": response.url, "content_type": response.content_type, "charset": response.charset,
                "etag": response.etag, "last_modified": response.last_modified}
        try:
            _write(body_path, response.body)
            _write(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except OSError:
            meta_path.unlink(missing_ok=True)  # a body without its metadata is never served


def _write(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
