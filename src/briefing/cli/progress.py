"""The progress bars the commands show on a terminal: per article (done, failed, cached, tokens,
cost so far and time spent waiting for rate limits), or per stage of a longer run (``daily``'s
brief, group, synthesise; ``check``'s claims; ``eval``'s extractors). On stderr only, and only when
stderr is a terminal (never on a pipe, never with ``--quiet``), so stdout stays exactly what was
asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from briefing.brief.tally import RunTally


class ProgressView(AbstractContextManager["ProgressView"]):
    """A live bar over ``total`` articles, fed by ``advance()`` after each one.

    Args:
        console: the stderr console to draw on.
        total: how many articles the run has.
        tally: the run's totals (read for the figures shown).
        pacer: the run's ``pacing.Pacer`` (its ``stats.waited``), or None.
        stdout_is_terminal: when stdout is the same screen, its lines are printed above the bar;
            otherwise stdout is left untouched.
    """

    def __init__(self, console: Console, total: int, tally: RunTally, pacer: Any = None,
                 *, stdout_is_terminal: bool = False) -> None:
        self.tally, self.pacer = tally, pacer
        self._progress = Progress(
            BarColumn(bar_width=16), MofNCompleteColumn(), TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(), console=console, transient=True,
            redirect_stdout=stdout_is_terminal, redirect_stderr=False,
        )
        self._task = self._progress.add_task("brief", total=total, status=self.status())

    def status(self) -> str:
        """The figures after the count: failed, cached, tokens, cost, rate-limit wait."""
        t = self.tally
        waited = getattr(getattr(self.pacer, "stats", None), "waited", 0.0)
        cost = "cost ?" if t.unpriced else f"${t.cost_usd:.4f}"
        return (f"failed {t.failed} · cached {t.cached} · {t.prompt_tokens + t.completion_tokens:,} tok · "
                f"{cost} · rate-limit wait {waited:.0f}s")

    def advance(self) -> None:
        self._progress.update(self._task, advance=1, status=self.status())

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._progress.stop()


class NoProgress(AbstractContextManager["NoProgress"]):
    """Stands in for ``ProgressView`` on a pipe or with ``--quiet``: shows nothing."""

    def advance(self) -> None:
        pass

    def __exit__(self, *exc: object) -> None:
        return None


def progress_view(console: Console, total: int, tally: RunTally, pacer: Any = None, *, quiet: bool,
                  stdout_is_terminal: bool) -> ProgressView | NoProgress:
    """A ``ProgressView`` when ``console`` is a terminal, there is more than one article and the
    run is not ``quiet``; else a ``NoProgress``."""
    if quiet or total < 2 or not console.is_terminal:
        return NoProgress()
    return ProgressView(console, total, tally, pacer, stdout_is_terminal=stdout_is_terminal)


@contextmanager
def stage_progress(console: Console, *, quiet: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A ``progress(stage, done, total)`` callback drawing one bar per stage on ``console`` while
    the block runs; None (draw nothing) on a pipe or when ``quiet``."""
    if quiet or not console.is_terminal:
        yield None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(bar_width=16), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield progress
