"""The one retry policy for model calls: when to try again, and how long to wait first.

``call_with_retries`` / ``acall_with_retries`` retry transient failures (``failures.is_retryable``:
429 except ``insufficient_quota``, 408, 409, 5xx, timeouts, dropped connections) with tenacity,
honouring the server's ``retry-after-ms`` / ``retry-after`` headers, else jittered exponential
backoff, bounded in attempts, in total wait and in elapsed time. Everything else fails at once. Either way the
caller gets the ``BriefingError`` its ``describe`` makes (``failures.classify``).
The openai SDK's own retries must be off (``max_retries=0``) so that attempts do not multiply.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

import openai
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception

from briefing.core.errors import BriefingError
from briefing.llm.failures import is_retryable, short_label, unwrap

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry transient API failures; all bounds are in seconds.

    ``timeout`` is the per-request timeout to give the openai client (how long to wait for an
    answer). ``max_elapsed`` bounds one call's wall time: no new attempt starts later than that
    many seconds after the first began, so a hung server costs at most about
    ``max_elapsed + timeout`` (by default 5 minutes: two attempts of 120 s, not four). A slow
    server (a local model on a busy machine) needs both raised: ``with_timeout`` does that. Raises
    ``ValueError`` for bounds that would never try or never stop.
    """

    max_attempts: int = 4
    initial_wait: float = 0.5
    max_wait: float = 20.0
    max_total_wait: float = 60.0
    timeout: float = 120.0
    max_elapsed: float = 180.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("RetryPolicy.max_attempts must be at least 1")
        if not (0 <= self.initial_wait <= self.max_wait) or self.max_total_wait < 0:
            raise ValueError("RetryPolicy needs 0 <= initial_wait <= max_wait and max_total_wait >= 0")
        if not (0 < self.timeout < math.inf):
            raise ValueError("RetryPolicy.timeout must be a positive number of seconds")
        if not (0 < self.max_elapsed < math.inf):
            raise ValueError("RetryPolicy.max_elapsed must be a positive number of seconds")

    def with_timeout(self, seconds: float) -> RetryPolicy:
        """This policy with a per-request ``timeout`` of ``seconds``, and ``max_elapsed`` raised to
        at least ``ELAPSED_PER_TIMEOUT`` (1.5) times it, the defaults' ratio (120 s and 180 s): an
        attempt that times out can still be retried once. ``max_elapsed`` is never lowered.
        ``--timeout`` uses it. Raises ``ValueError`` for a timeout that is not a positive number."""
        if not (0 < seconds < math.inf):
            raise ValueError("RetryPolicy.timeout must be a positive number of seconds")
        return replace(self, timeout=seconds, max_elapsed=max(self.max_elapsed, ELAPSED_PER_TIMEOUT * seconds))


ELAPSED_PER_TIMEOUT = 1.5
"""``RetryPolicy.with_timeout``'s ``max_elapsed``, at least, per second of request timeout."""


@dataclass
class RetryStats:
    """What one retried call cost: requests attempted and seconds spent waiting between them."""

    attempts: int = 0
    waited: float = 0.0


# --------------------------------------------------------------------------- how long to wait


def wait_seconds(exc: BaseException, attempt: int, policy: RetryPolicy) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based).

    The server's ``retry-after-ms``, then ``retry-after`` (seconds or an HTTP date), capped at
    ``policy.max_wait``; else equal-jitter exponential backoff from ``policy.initial_wait``.
    """
    err = unwrap(exc)
    if isinstance(err, openai.APIStatusError):
        hinted = _retry_after(err.response.headers)
        if hinted is not None:
            return min(hinted, policy.max_wait)
    base = min(policy.initial_wait * 2 ** (attempt - 1), policy.max_wait)
    return base / 2 + random.uniform(0, base / 2)


def _retry_after(headers: Any) -> float | None:
    try:
        seconds = float(headers.get("retry-after-ms")) / 1000
    except (TypeError, ValueError):
        value = headers.get("retry-after")
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            seconds = max((when - datetime.now(UTC)).total_seconds(), 0.0)
    return seconds if 0 <= seconds < math.inf else None


# --------------------------------------------------------------------------- retrying


def call_with_retries(
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    describe: Callable[[BaseException], BriefingError],
    stats: RetryStats | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call ``fn`` until it succeeds, retrying transient failures under ``policy``.

    Returns ``fn``'s result. When a failure is not retryable, or attempts or total wait run out,
    raises ``describe(exc)`` from the last exception. ``stats`` (if given) counts the attempts,
    i.e. requests sent, and the seconds waited; ``sleep`` is injectable for tests.
    """
    stats = stats if stats is not None else RetryStats()

    def attempt() -> T:
        stats.attempts += 1
        return fn()

    def nap(seconds: float) -> None:
        stats.waited += seconds
        sleep(seconds)

    try:
        return Retrying(sleep=nap, **_tenacity_args(policy))(attempt)
    except Exception as exc:
        error = describe(exc)
        if error is exc:  # already a BriefingError: re-raise it rather than chain it to itself
            raise
        raise error from exc


async def acall_with_retries(
    fn: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    *,
    describe: Callable[[BaseException], BriefingError],
    stats: RetryStats | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Async ``call_with_retries``: await ``fn()`` under ``policy``; same returns and raises."""
    stats = stats if stats is not None else RetryStats()

    async def attempt() -> T:
        stats.attempts += 1
        return await fn()

    async def nap(seconds: float) -> None:
        stats.waited += seconds
        await sleep(seconds)

    try:
        return await AsyncRetrying(sleep=nap, **_tenacity_args(policy))(attempt)
    except Exception as exc:
        error = describe(exc)
        if error is exc:
            raise
        raise error from exc


def _tenacity_args(policy: RetryPolicy) -> dict[str, Any]:
    def wait(state: RetryCallState) -> float:
        return wait_seconds(_failure(state), state.attempt_number, policy)

    def stop(state: RetryCallState) -> bool:
        return (state.attempt_number >= policy.max_attempts
                or state.idle_for + state.upcoming_sleep > policy.max_total_wait
                or (state.seconds_since_start or 0.0) + state.upcoming_sleep > policy.max_elapsed)

    def before_sleep(state: RetryCallState) -> None:
        log.info("retrying in %.2fs after %s (attempt %d of at most %d)", state.upcoming_sleep,
                 short_label(_failure(state)), state.attempt_number, policy.max_attempts)

    return {"wait": wait, "stop": stop, "retry": retry_if_exception(is_retryable),
            "before_sleep": before_sleep, "reraise": True}


def _failure(state: RetryCallState) -> BaseException:
    exc = state.outcome.exception() if state.outcome else None
    assert exc is not None, "tenacity only waits after a failed attempt"
    return exc
