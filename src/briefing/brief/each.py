"""Brief many articles: concurrently, results in input order, one failure never losing the rest.

Errors that would repeat for every later article (a bad key, an empty account, a model the server
does not have) stop the batch early instead of sending requests that cannot succeed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from briefing.core.errors import (
    AuthenticationError,
    BriefingError,
    ConfigurationError,
    ModelNotFoundError,
    QuotaExceededError,
)
from briefing.core.models import Briefing

T = TypeVar("T")

FATAL = (AuthenticationError, QuotaExceededError, ModelNotFoundError, ConfigurationError)
"""Errors that every later article would meet too."""


@dataclass
class Outcome(Generic[T]):
    """One item of a batch and what became of it: a briefing, an error, or skipped."""

    item: T
    briefing: Briefing | None = None
    error: BriefingError | None = None

    @property
    def skipped(self) -> bool:
        """True when the batch stopped before this item was briefed."""
        return self.briefing is None and self.error is None


class _Skipped(Exception):
    """Raised instead of briefing an item once the batch has stopped."""


def brief_each(brief: Callable[[T], Briefing], items: Iterable[T | BriefingError], *,
               concurrency: int = 1) -> Iterator[Outcome[T]]:
    """Yield an ``Outcome`` for every item, in input order, as soon as it and those before are done.

    ``items`` may hold ``BriefingError``s already (e.g. a file that could not be read); they come
    out as failed outcomes. After a ``FATAL`` error no new item is started: those not yet begun
    come out skipped, those already under way finish. Closing the iterator early (or an error
    other than a ``BriefingError`` escaping) likewise starts no new item.
    """
    items = list(items)
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    stop = threading.Event()

    def guarded(item: T) -> Briefing:
        if stop.is_set():
            raise _Skipped
        try:
            return brief(item)
        except FATAL:
            stop.set()
            raise

    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        futures = [None if isinstance(item, BriefingError) else pool.submit(guarded, item) for item in items]
        for item, future in zip(items, futures, strict=True):
            if isinstance(item, BriefingError) or future is None:  # it came in failed
                yield Outcome(item=cast(T, item), error=cast(BriefingError, item))
                continue
            try:
                yield Outcome(item=item, briefing=future.result())
            except _Skipped:
                yield Outcome(item=item)
            except BriefingError as e:
                yield Outcome(item=item, error=e)
    finally:
        # The caller stopped reading (break, close, Ctrl-C) or an unexpected error escaped: start
        # nothing new, and wait only for the items already under way.
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
