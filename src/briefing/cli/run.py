"""The command line's bookkeeping around a run: the spend tally, the ``--max-cost`` guard and the
progress bar, wrapped around the function that briefs one article (see tally.py, progress.py).

Library code that takes a ``Briefer`` and makes its own requests (``daily``, the ``Checker``) gets
a ``Metered`` stand-in instead, whose briefs and model requests are charged and guarded alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.console import Console

from briefing.brief.tally import CostGuard, RunTally, charged
from briefing.core.errors import BriefingError, ConfigurationError
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
        self.briefer, self.guard = briefer, guard
        self.run = charged(run, self.tally, guard)

    def _estimate(self, briefer: Any, article: Any) -> float | None:
        if isinstance(article, dict):  # one model request (``LLM.extract``'s keyword arguments)
            from briefing.text.chunking import estimate_tokens

            prompt = estimate_tokens("".join(m["content"] for m in article["messages"]))
            output = article.get("max_tokens") or briefer.llm.max_output_tokens
            return self.tally.prices.estimate(self.tally.model, prompt, output)
        if briefer.cached(article) is not None:
            return 0.0
        prompt, output = briefer.estimate(article)
        return self.tally.prices.estimate(self.tally.model, prompt, output)

    def metered(self) -> Any:
        """A stand-in for the run's ``Briefer`` whose briefs and requests are counted, charged and
        guarded (None for an offline run)."""
        return Metered(self.briefer, self) if self.briefer is not None else None

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


class Metered:
    """The run's ``Briefer``, with ``brief`` (counted, charged, guarded) and ``llm.extract``
    (charged, guarded) going through the run's ``RunSpend``; everything else is the Briefer's."""

    def __init__(self, briefer: Any, spend: RunSpend) -> None:
        self._briefer, self._spend = briefer, spend
        self.llm = _MeteredLLM(briefer.llm, spend)

    def brief(self, article: Any) -> Any:
        try:
            briefing = self._spend.run(article)
        except BriefingError:
            self._spend.tally.count(None)
            raise
        self._spend.tally.count(briefing)
        return briefing

    __call__ = brief

    def __getattr__(self, name: str) -> Any:
        return getattr(self._briefer, name)


class _MeteredLLM:
    """An ``LLM`` whose ``extract`` is charged to the run, and admitted by its ``--max-cost`` guard."""

    def __init__(self, llm: Any, spend: RunSpend) -> None:
        self._llm, self._spend = llm, spend

    def extract(self, **request: Any) -> Any:
        guard, tally = self._spend.guard, self._spend.tally
        reserved = guard.admit(request) if guard is not None else 0.0
        try:
            answer = self._llm.extract(**request)
            tally.charge(answer.usage)
            return answer
        except BriefingError as e:
            tally.charge(e.usage)
            raise
        finally:
            if guard is not None:
                guard.release(reserved)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._llm, name)
