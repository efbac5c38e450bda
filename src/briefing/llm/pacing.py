"""Pace model requests under a key's rate limits, so that a 429 is rare rather than routine.

One ``Pacer`` is shared by every request a ``Briefer`` sends, from threads and event loops alike.
It keeps two token buckets shaped like the provider's (capacity = the per-minute limit, refilled
continuously): one for requests, one for tokens. A request reserves one request and its estimated
token cost, which is counted the way the provider counts it: the prompt plus the output budget
(``max_tokens``). Reservations are taken in arrival order and may run the bucket into debt; each
request then waits until its debt is repaid, so waiting requests are served first come, first
served, and the sync and async paths share all of it but the sleep.

Where the limits come from, in order of trust:

- the ``x-ratelimit-limit-*`` / ``x-ratelimit-remaining-*`` headers of every answer (the bucket's
  capacity becomes the limit, its level never more than what the server says remains);
- ``rpm`` / ``tpm`` given by hand (a header limit above them does not raise them: a hand limit
  may deliberately leave room for other jobs on the same key);
- neither: after a 429 without such headers the pacer guesses a request rate below the rate that
  was refused (``backoff``), then creeps back up after every success (``recovery``).

A 429 pauses every request that has not been sent yet until the server's reset (``retry-after``,
else the ``x-ratelimit-reset-*`` of the exhausted limit, else ``bare_pause``), not only the one that
was refused; the one retry policy (``retry.py``) then retries the refused request.

Why not a limiter library: pyrate-limiter, limits and aiolimiter were considered. aiolimiter is
async only; none lets the limit and the current level be reset at run time from a server's headers,
nor pauses all waiters after a 429, nor takes one clock shared by sync and async waiters, which is
the whole job here. The bucket arithmetic itself is a few lines. ``pacehooks.py`` feeds it.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")


def parse_duration(value: str | None) -> float | None:
    """Seconds in an ``x-ratelimit-reset-*`` value such as ``"6m0s"``, ``"1.5s"`` or ``"20ms"``;
    a bare number is seconds. None when absent or unreadable."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        seconds = float(text)
        return seconds if 0 <= seconds < math.inf else None
    except ValueError:
        pass
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        return None
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(n) * scale[u] for n, u in parts)


def _number(headers: Mapping[str, str], name: str) -> float | None:
    try:
        value = float(headers[name])
    except (KeyError, TypeError, ValueError):
        return None
    return value if 0 <= value < math.inf else None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """The server's ``retry-after-ms`` or ``retry-after`` (in seconds) in seconds, if any."""
    ms = _number(headers, "retry-after-ms")
    if ms is not None:
        return ms / 1000
    return _number(headers, "retry-after")


@dataclass
class _Bucket:
    """A per-minute token bucket that may run into debt (negative level)."""

    capacity: float
    level: float
    updated: float

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.updated) * self.capacity / 60.0)
        self.updated = now

    def take(self, amount: float) -> float:
        """Reserve ``amount``; return the seconds until the reservation is covered."""
        self.level -= amount
        return max(0.0, -self.level) * 60.0 / self.capacity


@dataclass
class PacerStats:
    """What pacing did so far: requests paced, 429s seen, seconds spent waiting (all waiters)."""

    requests: int = 0
    tokens: int = 0
    rate_limited: int = 0
    waited: float = 0.0
    limits: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ticket:
    """One paced request: its cost, when it may be sent, and the running totals reserved up to
    and including it (so an answer's headers can be set against what was reserved since)."""

    tokens: int
    send_at: float
    requests_before: int
    tokens_before: int
    waited: float = 0.0


class Pacer:
    """A rate limiter for one API key, shared by all concurrent requests (thread-safe).

    Args:
        rpm: requests per minute, when known; None to learn it from headers or 429s.
        tpm: tokens per minute, when known; None likewise.
        adaptive: guess a request rate after a 429 that carries no limit headers.
        backoff: after such a 429, the guess is this share of the requests the server accepted in
            the last ``window`` seconds (the first time), or of the previous guess (0 < backoff < 1).
        recovery: how much the guessed rate grows after each success (0.01 = 1%).
        bare_pause: seconds every request waits after a 429 that says nothing of when to retry.
        window: seconds of recent successes used for the first guess (a provider's bucket holds a
            minute's worth, so what it accepted in the last minute is close to its limit).
        skew: seconds within which requests sent together may reach the server in any order (an
            answer's headers are not set against those: they may already count them).
        max_pause: the longest shared pause a 429 can impose (a server asking for an hour, e.g. a
            per-day limit, is waited on for this long; the retry policy then decides).
        clock, sleep, asleep: injectable for tests; ``clock`` must be monotonic seconds.

    Raises:
        ValueError: a limit that is not positive, or a backoff or recovery out of range.
    """

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        adaptive: bool = True,
        backoff: float = 0.8,
        recovery: float = 0.01,
        bare_pause: float = 1.0,
        window: float = 60.0,
        skew: float = 0.25,
        max_pause: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        asleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        for name, value in (("rpm", rpm), ("tpm", tpm)):
            if value is not None and not (0 < value < math.inf):
                raise ValueError(f"{name} must be a positive number, got {value!r}")
        if not (0 < backoff < 1) or not (0 <= recovery < 1) or bare_pause < 0 or window <= 0 or max_pause < 0:
            raise ValueError("Pacer needs 0 < backoff < 1, 0 <= recovery < 1, bare_pause >= 0, window > 0, "
                             "max_pause >= 0")
        self._clock, self._sleep, self._asleep = clock, sleep, asleep
        self.adaptive, self.backoff, self.recovery = adaptive, backoff, recovery
        self.bare_pause, self.window, self.skew, self.max_pause = bare_pause, window, skew, max_pause
        self._lock = threading.Lock()
        now = clock()
        self._hand = {"requests": rpm, "tokens": tpm}
        self._buckets: dict[str, _Bucket] = {
            kind: _Bucket(limit, limit, now) for kind, limit in self._hand.items() if limit is not None
        }
        self._guess: _Bucket | None = None  # the adaptive requests-per-minute guess
        self._guessed_at = -math.inf  # when the guess was last cut
        self._accepted: deque[float] = deque(maxlen=100_000)
        self._refusals: deque[float] = deque(maxlen=100_000)
        self._totals = [0, 0]  # requests and tokens reserved so far
        self._log: deque[Ticket] = deque(maxlen=10_000)  # recent reservations, in order
        self._paused_until = now
        self.stats = PacerStats()

    def __repr__(self) -> str:
        limits = {k: round(b.capacity) for k, b in self._buckets.items()}
        guess = None if self._guess is None else round(self._guess.capacity, 1)
        return f"Pacer(limits={limits}, guessed_rpm={guess})"

    # ------------------------------------------------------------------ reserving

    def limits(self) -> dict[str, float]:
        """The per-minute limits in force: ``requests``, ``tokens`` and/or ``guessed_requests``."""
        with self._lock:
            found = {k: b.capacity for k, b in self._buckets.items()}
            if self._guess is not None:
                found["guessed_requests"] = self._guess.capacity
            return found

    def reserve(self, tokens: int) -> Ticket:
        """Reserve one request of ``tokens`` without waiting; its ticket says when to send it
        (``send_at``, on this pacer's clock). ``acquire`` and ``aacquire`` wait for it."""
        with self._lock:
            now = self._clock()
            delay = max(0.0, self._paused_until - now)
            for bucket, amount in self._charges(tokens):
                bucket.refill(now)
                delay = max(delay, bucket.take(amount))
            self.stats.requests += 1
            self.stats.tokens += tokens
            ticket = Ticket(tokens, now + delay, *self._totals)
            self._totals = [self._totals[0] + 1, self._totals[1] + tokens]
            self._log.append(ticket)
            return ticket

    def _charges(self, tokens: int) -> list[tuple[_Bucket, float]]:
        charges = []
        if "requests" in self._buckets:
            charges.append((self._buckets["requests"], 1.0))
        if "tokens" in self._buckets:
            charges.append((self._buckets["tokens"], float(tokens)))
        if self._guess is not None:
            charges.append((self._guess, 1.0))
        return charges

    def _pause_left(self) -> float:
        with self._lock:
            return max(0.0, self._paused_until - self._clock())

    def acquire(self, tokens: int) -> Ticket:
        """Wait (blocking) until a request of ``tokens`` may be sent; return its ticket, with the
        seconds waited."""
        ticket = self.reserve(tokens)
        waited = 0.0
        delay = ticket.send_at - self._clock()
        while delay > 0:  # a 429 seen while waiting extends the wait for everyone
            self._sleep(delay)
            waited += delay
            delay = self._pause_left()
        return self._waited(ticket, waited)

    async def aacquire(self, tokens: int) -> Ticket:
        """Async ``acquire``: the same reservation, awaited instead of slept."""
        ticket = self.reserve(tokens)
        waited = 0.0
        delay = ticket.send_at - self._clock()
        while delay > 0:
            await self._asleep(delay)
            waited += delay
            delay = self._pause_left()
        return self._waited(ticket, waited)

    def _waited(self, ticket: Ticket, seconds: float) -> Ticket:
        if not seconds:
            return ticket
        with self._lock:
            self.stats.waited += seconds
        return Ticket(ticket.tokens, ticket.send_at, ticket.requests_before, ticket.tokens_before, seconds)

    # ------------------------------------------------------------------ learning

    def observe(self, status: int, headers: Mapping[str, str], ticket: Ticket | None = None) -> None:
        """Learn from the answer to ``ticket``'s request: its limit headers, a 429's pause (shared by
        every waiter), and for a 429 without limit headers, a slower guessed rate."""
        with self._lock:
            now = self._clock()
            told = self._learn_limits(headers, now, ticket)
            if status == 429:
                self.stats.rate_limited += 1
                self._pause(headers, now)
                if not told and self.adaptive:
                    self._slow_down(now, ticket)
            elif 200 <= status < 300:
                self._accepted.append(now)
                if self._guess is not None:
                    self._guess.refill(now)
                    self._guess.capacity *= 1 + self.recovery

    def _learn_limits(self, headers: Mapping[str, str], now: float, ticket: Ticket | None) -> bool:
        """Apply ``x-ratelimit-limit/remaining-*``; True when the server sent any of them.

        The server counted what remained when it admitted this request; what was reserved here
        since then is not in it yet, so it is taken off (and the refill since added) before the
        local level is lowered to it.
        """
        told = False
        for index, kind in enumerate(("requests", "tokens")):
            limit = _number(headers, f"x-ratelimit-limit-{kind}")
            remaining = _number(headers, f"x-ratelimit-remaining-{kind}")
            if limit is None and remaining is None:
                continue
            told = True
            since = 0.0 if ticket is None else self._sent_after(ticket)[index]
            bucket = self._buckets.get(kind)
            if limit is not None and limit > 0:
                hand = self._hand[kind]
                capacity = limit if hand is None else min(hand, limit)
                if bucket is None:
                    bucket = self._buckets[kind] = _Bucket(capacity, capacity - since, now)
                else:
                    bucket.refill(now)
                    bucket.capacity = capacity
                    bucket.level = min(bucket.level, capacity)
                self.stats.limits[kind] = capacity
            if bucket is not None and remaining is not None:
                bucket.refill(now)
                if ticket is not None:
                    refilled = max(0.0, now - ticket.send_at) * bucket.capacity / 60.0
                    remaining = min(bucket.capacity, remaining + refilled)
                bucket.level = min(bucket.level, remaining - since)
        if told:
            self._guess = None  # the server says what the limits are: no need to guess
        return told

    def _sent_after(self, ticket: Ticket) -> tuple[int, int]:
        """Requests and tokens reserved after ``ticket`` to be sent clearly later than it (more
        than ``skew`` after), so that the server cannot have counted them in its answer to it."""
        first_later = None
        for later in reversed(self._log):
            if later.send_at <= ticket.send_at + self.skew or later.requests_before <= ticket.requests_before:
                break
            first_later = later
        if first_later is None:
            return 0, 0
        return (self._totals[0] - first_later.requests_before, self._totals[1] - first_later.tokens_before)

    def _pause(self, headers: Mapping[str, str], now: float) -> None:
        wait = retry_after(headers)
        if wait is None:
            resets = [parse_duration(headers.get(f"x-ratelimit-reset-{kind}"))
                      for kind in ("requests", "tokens")
                      if _number(headers, f"x-ratelimit-remaining-{kind}") == 0]
            known = [r for r in resets if r is not None]
            wait = max(known) if known else self.bare_pause
        self._paused_until = max(self._paused_until, now + min(wait, self.max_pause))

    def _slow_down(self, now: float, ticket: Ticket | None) -> None:
        """A 429 with no limit headers: guess (or lower) a request rate, once per congestion: a
        refusal of a request sent before the last cut says nothing new."""
        if ticket is not None and ticket.send_at <= self._guessed_at:
            return
        if self._guess is None:
            accepted = self._accepted_before(now, ticket)
            if accepted <= 0:
                return  # nothing accepted to measure from: the pause and the retry policy must do
            rpm = accepted * 60.0 / self.window * self.backoff
        else:
            self._guess.refill(now)
            rpm = self._guess.capacity * self.backoff
        self._guess = _Bucket(max(1.0, rpm), 0.0, now)  # empty: no burst right after being refused
        self._guessed_at = now

    def _accepted_before(self, now: float, ticket: Ticket | None) -> int:
        """How many requests the server took in the last ``window`` seconds: the successes seen, or
        if more, those sent before the refused one (answered or still in flight: a refusal comes
        back faster than an answer) less the refusals seen."""
        while self._refusals and self._refusals[0] < now - self.window:
            self._refusals.popleft()
        self._refusals.append(now)
        while self._accepted and self._accepted[0] < now - self.window:
            self._accepted.popleft()
        if ticket is None:
            return len(self._accepted)
        sent = sum(1 for t in self._log
                   if t.requests_before < ticket.requests_before and t.send_at >= now - self.window)
        return max(len(self._accepted), sent - (len(self._refusals) - 1))
