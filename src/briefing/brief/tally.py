"""What a run over many articles has spent, and the ``--max-cost`` guard that starts no article
the budget cannot cover.

``RunTally`` counts briefed, failed and cached articles, the tokens sent and received and their
cost (``prices.PriceTable``), failed attempts included (a ``BriefingError`` carries the ``usage`` it
spent); a cached briefing costs nothing now. ``charged`` wraps the function that briefs one article
so that its spend is charged the moment it finishes, under the guard if there is one. ``CostGuard.admit`` is called as an article starts: with the spend so far, the estimates of
the articles under way and this article's own estimate (its prompt plus its full output budget, an
upper bound) it either reserves the estimate or raises ``CostLimitError`` without a request sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from briefing.core.errors import BriefingError, ConfigurationError, CostLimitError
from briefing.core.models import Briefing, Usage
from briefing.llm.prices import PriceTable

T = TypeVar("T")


@dataclass
class RunTally:
    """Running totals of one run; ``add_*`` are thread-safe."""

    model: str | None
    prices: PriceTable
    briefed: int = 0
    failed: int = 0
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    unpriced: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def charge(self, usage: Usage | None) -> float:
        """Add what one article's requests spent (a briefing's or a failure's ``usage``); return
        its dollars (0 when unpriced)."""
        if usage is None:
            return 0.0
        with self._lock:
            self.prompt_tokens += usage.prompt_tokens
            self.completion_tokens += usage.completion_tokens
            cost = usage.cost_usd if usage.cost_usd is not None else self.prices.cost(self.model, usage)
            if cost is None:
                self.unpriced = self.unpriced or usage.total_tokens > 0
                return 0.0
            self.cost_usd += cost
            return cost

    def count(self, briefing: Briefing | object | None) -> None:
        """Count one finished item (an article's ``Briefing``, a claim's verdict): done (and
        whether from the cache), or failed (None)."""
        with self._lock:
            if briefing is None:
                self.failed += 1
            else:
                self.briefed += 1
                self.cached += bool(getattr(briefing, "cached", False))

    def cost_text(self) -> str:
        """The dollars spent, or why they are not known."""
        if self.unpriced:
            return f"cost unknown (no price for {self.model!r}; add one with --prices FILE)"
        return f"${self.cost_usd:.4f}"

    def summary(self, done: str = "briefed") -> str:
        """The one line the command line ends a run with (``done``: what was done to each item)."""
        return (f"{done} {self.briefed}, failed {self.failed}, cached {self.cached}; "
                f"tokens {self.prompt_tokens:,} in, {self.completion_tokens:,} out; {self.cost_text()}")


class CostGuard:
    """Admit an article only if the spend so far, what is under way and its estimate fit ``limit``.

    Args:
        limit: dollars.
        tally: the run's totals (the spend so far).
        estimate: an article -> its estimated dollars, or None when the model has no price.
        model: named in the error when no price is known.

    Raises:
        ConfigurationError: ``limit`` is negative or not a number.
    """

    def __init__(self, limit: float, tally: RunTally, estimate: Callable[[object], float | None]) -> None:
        if not (limit >= 0):
            raise ConfigurationError("--max-cost needs a number of dollars, 0 or more")
        self.limit, self.tally, self.estimate = limit, tally, estimate
        self._reserved = 0.0
        self._lock = threading.Lock()

    def admit(self, article: object) -> float:
        """Reserve ``article``'s estimate and return it, or raise ``CostLimitError``."""
        guess = self.estimate(article)
        if guess is None:
            raise CostLimitError(f"--max-cost needs a price for {self.tally.model!r}: add one with --prices FILE")
        with self._lock:
            if self.tally.cost_usd + self._reserved + guess > self.limit:
                raise CostLimitError(
                    f"not started: the spend so far (${self.tally.cost_usd:.4f}) plus its estimate "
                    f"(${guess:.4f}) would pass --max-cost ${self.limit:g}",
                    article=getattr(article, "id", None))
            self._reserved += guess
            return guess

    def release(self, reserved: float) -> None:
        """Drop an admitted article's reservation once its real cost is in the tally."""
        with self._lock:
            self._reserved = max(0.0, self._reserved - reserved)


def charged(brief: Callable[[T], Briefing], tally: RunTally, guard: CostGuard | None = None) -> Callable[[T], Briefing]:
    """``brief`` that charges each article's spend to ``tally`` as it finishes, and (with a
    ``guard``) starts no article the budget cannot cover."""
    def run(article: T) -> Briefing:
        reserved = guard.admit(article) if guard is not None else 0.0
        try:
            briefing = brief(article)
            tally.charge(None if briefing.cached else briefing.usage)
            return briefing
        except BriefingError as e:
            tally.charge(e.usage)
            raise
        finally:
            if guard is not None:
                guard.release(reserved)  # after the charge: the spend is never counted by neither
    return run
