"""``briefing brief``: brief each article and print one view (or one JSON line) per article.

Errors print as one line on stderr (a traceback only with ``--debug``); one bad file never stops
the others, and the exit status is 1 when any article failed, 2 for a usage or configuration error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from briefing.brief.each import brief_each
from briefing.cli.common import (
    check_out,
    choose_extractor,
    error_line,
    output,
    read_inputs,
)
from briefing.cli.options import RunOptions, takes_run_options
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, CostLimitError
from briefing.core.models import Article, Briefing
from briefing.core.wording import plural
from briefing.render.formats import formats, get_renderer


def _cross_check(briefing: Briefing, article: Article):
    """The offline cross-check of a model's briefing; None for an offline briefing."""
    if briefing.extractor == "offline":
        return None
    from briefing.offline.crosscheck import cross_check

    return cross_check(briefing, article)


def _write_html(folder: Path, briefing: Briefing, article: Article) -> Path:
    """Write the full-page HTML view of one briefing; return its path."""
    from briefing.render.html import to_html

    path = folder / f"{article.id or 'article'}.html"  # an id may hold folders: "north/same"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_html(briefing, article.text, full_page=True), encoding="utf-8")
    return path


@takes_run_options("offline", "extractor", "model", "mode", "base_url", "cache", "timeout", "retries", "rpm", "tpm",
                   "max_cost", "prices", "quiet", "max_claims", "out", "debug")
def brief_command(
    files: Annotated[list[Path], typer.Argument(
        help="Articles: .txt, .md (with front matter), .json/.jsonl lists, saved .html (the html extra), "
             "or folders of them.", metavar="FILES", show_default=False,
        readable=False)],  # an unreadable file is one per-file error, not a usage error
    json: Annotated[bool, typer.Option("--json", help="Print each Briefing as one JSON line (--format json).")] = False,
    output_format: Annotated[str, typer.Option("--format", help=f"How to print each briefing: {', '.join(formats())}.")] = "text",
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model (the offline extractor runs one at a time).")] = 4,
    cross_check: Annotated[bool, typer.Option("--cross-check", help="Compare the model's quotes and speakers with the offline extractor's.")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Also write DIR/ARTICLE.html: the briefing and the article with every located excerpt marked.", metavar="DIR", file_okay=False)] = None,
    *,
    run: RunOptions,
) -> None:
    """Brief one or more articles and print a readable view (or JSON lines with --json)."""
    err = Console(stderr=True)
    try:
        render = get_renderer("json" if json else output_format)
        check_out(run.out)
        chosen = choose_extractor(run, err)
        spend = RunSpend(chosen.extract, chosen.uses_model, run.max_cost)
    except BriefingError as e:
        error_line(err, e, run.debug)
        raise typer.Exit(2) from None
    items = read_inputs(files, run, err, written=(html,)).items
    with output(run.out) as stream:
        failed = _brief_all(items, spend, render, Console(file=stream, soft_wrap=False), err, run,
                            concurrency=concurrency if chosen.uses_model else 1, html=html, cross_check=cross_check)
    if chosen.uses_model and not run.quiet:
        err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
    if failed:
        raise typer.Exit(1)


def _brief_all(items: list, spend: RunSpend, render, out: Console, err: Console, run: RunOptions, *,
               concurrency: int, html: Path | None, cross_check: bool) -> int:
    """Brief ``items`` (articles, and the errors of files that could not be read), print each
    briefing, and say on stderr what failed; returns how many failed."""
    failed, skipped, reused, over_budget = 0, [], 0, []
    for outcome in spend.outcomes(brief_each(spend.run, items, concurrency=concurrency),
                                  err, len(items), quiet=run.quiet, stdout_is_terminal=out.is_terminal):
        if outcome.skipped:
            skipped.append(outcome.item.id or "?")
            continue
        if isinstance(outcome.error, CostLimitError) and outcome.error.article:
            over_budget.append(outcome.error.article)
            continue
        if outcome.error is not None:
            failed += 1
            error_line(err, outcome.error, run.debug)
            continue
        briefing = outcome.briefing
        assert briefing is not None, "an outcome neither skipped nor failed holds a briefing"
        reused += briefing.cached
        if html is not None:
            _write_html(html, briefing, outcome.item)
        render(briefing, _cross_check(briefing, outcome.item) if cross_check else None, out)
    if over_budget:
        failed += len(over_budget)
        err.print(f"[bold red]error:[/bold red] stopped at --max-cost ${run.max_cost:g} (spent {spend.tally.cost_text()}); "
                  f"not briefed: {escape(', '.join(over_budget))}", highlight=False, soft_wrap=True)
    if reused and not run.quiet:
        err.print(f"[yellow]note:[/yellow] {reused} of {plural(len(items), 'file')} came from the cache; no request was sent for them",
                  highlight=False, soft_wrap=True)
    if skipped:
        failed += len(skipped)
        err.print(f"[bold red]error:[/bold red] stopped early, since every later file would fail the same way; "
                  f"not briefed: {escape(', '.join(skipped))}", highlight=False, soft_wrap=True)
    return failed
