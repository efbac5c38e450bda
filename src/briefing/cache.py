"""An opt-in on-disk cache of briefings, so a re-run does not pay again for articles already briefed.

One JSON file per key (``<key>.json``), written to a temporary file and moved into place with
``os.replace``: a crash mid-write never leaves a half-written entry. An entry that cannot be read
or parsed is a miss (the next briefing overwrites it), never an error. The key is a SHA-256 over
everything that changes the answer (see ``cache_key``); it never covers the API key, and the
server's URL enters it without credentials or query string.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from briefing.errors import ConfigurationError
from briefing.models import Briefing

FORMAT = 1
"""Bumped when the stored entries or the key's recipe change, so old entries simply miss."""

_KEY = re.compile(r"[0-9A-Za-z_-]{1,128}")
log = logging.getLogger(__name__)


@cache
def library_version() -> str:
    """The installed briefing version (part of every key: a new release re-briefs)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing")
    except PackageNotFoundError:
        return "unknown"


def endpoint(base_url: str | None) -> str:
    """The server a base URL names, as host[:port]/path: no scheme, credentials, query or fragment.

    ``None`` (the SDK's default, OpenAI) is ``""``.
    """
    if not base_url:
        return ""
    parts = urlsplit(base_url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep it out rather than fail
        port = None
    return f"{host}{f':{port}' if port else ''}{parts.path.rstrip('/')}"


def cache_key(
    *,
    text: str,
    title: str | None,
    source: str | None,
    model: str,
    mode: str,
    prompt_version: str,
    max_claims: int,
    language: str,
    context_tokens: int,
    max_retries: int,
    grounding_reasks: int,
    max_output_tokens: int,
    base_url: str | None = None,
    version: str | None = None,
    limits: dict | None = None,
) -> str:
    """A hex SHA-256 over everything that changes a briefing's answer.

    ``base_url`` is reduced by ``endpoint`` (credentials and query dropped) so two servers do not
    share entries; ``version`` defaults to the installed library's. The API key is not an input.
    """
    material = {
        "format": FORMAT,
        "text": text, "title": title, "source": source,
        "model": model, "mode": mode, "prompt_version": prompt_version,
        "max_claims": max_claims, "language": language, "context_tokens": context_tokens,
        "max_retries": max_retries, "grounding_reasks": grounding_reasks,
        "max_output_tokens": max_output_tokens,
        "endpoint": endpoint(base_url),
        "version": version if version is not None else library_version(),
    }
    if limits is not None:  # only when not the defaults, so existing entries keep their keys
        material["limits"] = limits
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class BriefingCache:
    """Briefings on disk under ``folder``, one ``<key>.json`` each.

    Raises:
        ConfigurationError: ``folder`` cannot be created or is not a folder.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ConfigurationError(
                f"cannot use {str(self.folder)!r} as the briefing cache ({e.strerror or e}); "
                "pass a folder you can write to"
            ) from e

    def __repr__(self) -> str:
        return f"BriefingCache({str(self.folder)!r})"

    def path(self, key: str) -> Path:
        """The file that holds ``key``'s entry.

        Raises:
            ValueError: ``key`` is not a plain name (letters, digits, ``-``, ``_``).
        """
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a cache key: {key!r}")
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Briefing | None:
        """The stored briefing for ``key``, marked ``cached=True``; None when absent or unreadable."""
        try:
            data = self.path(key).read_text(encoding="utf-8")
            briefing = Briefing.model_validate_json(data)
        except (OSError, ValueError) as e:  # ValueError covers decoding and validation errors
            if not isinstance(e, FileNotFoundError):
                log.warning("briefing cache entry %s is unreadable (%s); treating it as a miss", key, e)
            return None
        return briefing.model_copy(update={"cached": True})

    def put(self, key: str, briefing: Briefing) -> None:
        """Store ``briefing`` under ``key`` atomically. A failed write is logged, never raised:
        losing a cache entry must not lose the briefing it was paid for."""
        target = self.path(key)
        data = briefing.model_copy(update={"cached": False}).model_dump_json(indent=1)
        temp = None
        try:
            fd, temp = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, target)
        except OSError as e:
            log.warning("could not write briefing cache entry %s (%s)", target, e)
            if temp is not None:
                try:
                    os.unlink(temp)
                except OSError:
                    pass
