"""The command line's bookkeeping around a run: the spend tally, the ``--max-cost`` guard and the
progress bar, wrapped around the function that briefs one article (see tally.py, progress.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.console import Console

from briefing.brief.tally import CostGuard, RunTally, charged
from briefing.core.errors import ConfigurationError
from briefing.llm.prices import load_prices


class RunSpend:
    """What one run spends and shows.

    Args:
        run: the function that briefs one article: a ``Briefer``'s bound ``brief`` for a model run
            (its settings, prices, pacer and estimates are used), else the offline extractor.
        uses_model: whether ``run`` calls a model.
        max_cost: dollars not to pass (``--max-cost``), or None.

    Raises:
        ConfigurationError: ``max_cost`` for a model with no known price (before any request).
    """

    def __init__(self, run: Callable[[Any], Any], uses_model: bool, max_cost: float | None) -> None:
        # the Briefer itself, or the Briefer whose bound method ``run`` is
        briefer: Any = (run if hasattr(run, "prices") else getattr(run, "__self__", None)) if uses_model else None
        self.pacer = getattr(briefer, "pacer", None)
        self.tally = RunTally(briefer.settings.model if briefer else None,
                              briefer.prices if briefer else load_prices())
        guard = None
        if max_cost is not None and briefer is not None:
            if self.tally.prices.price(self.tally.model) is None:
                raise ConfigurationError(f"--max-cost needs a price for {self.tally.model!r}: "
                                         "add one with --prices FILE")
            guard = CostGuard(max_cost, self.tally, lambda article: self._estimate(briefer, article))
        self.run = charged(run, self.tally, guard)

    def _estimate(self, briefer: Any, article: Any) -> float | None:
        if briefer.cached(article) is not None:
            return 0.0
        prompt, output = briefer.estimate(article)
        return self.tally.prices.estimate(self.tally.model, prompt, output)

    def outcomes(self, outcomes: Iterable[Any], err: Console, total: int, *, quiet: bool,
                 stdout_is_terminal: bool) -> Iterator[Any]:
        """``outcomes`` as they come, counted, with the progress bar advancing after each."""
        from briefing.cli.progress import progress_view

        with progress_view(err, total, self.tally, self.pacer, quiet=quiet,
                           stdout_is_terminal=stdout_is_terminal) as view:
            for outcome in outcomes:
                self.tally.count(outcome.briefing)  # a skipped file counts as failed, as in the exit status
                yield outcome
                view.advance()
