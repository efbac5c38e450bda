"""An opt-in on-disk cache of briefings, so a re-run does not pay again for articles already briefed.

One JSON file per key (``<key>.json``), written to a temporary file and moved into place with
``os.replace``: a crash mid-write never leaves a half-written entry. An entry that cannot be read
or parsed is a miss (the next briefing overwrites it), never an error. The key is a SHA-256 over
the article and the whole ``BriefingOptions`` (see ``cache_key``); it never covers the API key,
and the server's URL enters it without credentials or query string.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path

from briefing.core.errors import ConfigurationError
from briefing.core.models import Article, Briefing, Grounded
from briefing.core.options import BriefingOptions

FORMAT = 2
"""Bumped when the stored entries or the key's recipe change, so old entries simply miss."""

_KEY = re.compile(r"[0-9A-Za-z_-]{1,128}")
log = logging.getLogger(__name__)


def cache_key(article: Article, options: BriefingOptions) -> str:
    """A hex SHA-256 over the article (text, title, source) and every answer-changing field of
    ``options`` (``BriefingOptions.key_material``): a knob added to the options enters the key
    with no change here. The options hold the server only as ``endpoint`` (credentials and query
    dropped) and never the API key.
    """
    material = {
        "format": FORMAT,
        "text": article.text, "title": article.title, "source": article.source,
        "options": options.key_material(),
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _mismatch(item: Grounded, evidence: str, text: str) -> bool:
    """True when ``item``'s grounding is not what ``text`` holds: a located span must hold the
    evidence (exact) or the article words stored with it (``source_text``); not_found has none."""
    span = item.span
    if item.grounding == "not_found" or span is None:
        return span is not None or item.grounding != "not_found"
    if not 0 <= span.start <= span.end <= len(text):
        return True
    expected = evidence if item.grounding == "exact" else (item.source_text or evidence)
    return text[span.start:span.end] != expected or (item.grounding == "exact" and item.source_text not in
                                                      (None, evidence))


def spans_mismatch(briefing: Briefing, text: str) -> str | None:
    """The first evidence excerpt of ``briefing`` whose span does not hold it in ``text``, if any."""
    items: list[tuple[Grounded, str]] = [(c, c.evidence) for c in briefing.claims]
    items += [(p, p.evidence) for d in briefing.disputes for p in d.positions]
    return next((evidence for item, evidence in items if _mismatch(item, evidence, text)), None)


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

    def get(self, key: str, text: str | None = None) -> Briefing | None:
        """The stored briefing for ``key``, marked ``cached=True``; None when absent, unreadable,
        or (given the article's ``text``) when a span does not hold its evidence: an edited entry
        never shows grounding the article does not have."""
        try:
            data = self.path(key).read_text(encoding="utf-8")
            briefing = Briefing.model_validate_json(data)
        except (OSError, ValueError) as e:  # ValueError covers decoding and validation errors
            if not isinstance(e, FileNotFoundError):
                log.warning("briefing cache entry %s is unreadable (%s); treating it as a miss", key, e)
            return None
        if text is not None and (wrong := spans_mismatch(briefing, text)) is not None:
            log.warning("briefing cache entry %s does not match the article (the span of %r does not hold it); "
                        "treating it as a miss", key, wrong[:80])
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
