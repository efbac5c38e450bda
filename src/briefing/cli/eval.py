"""``briefing eval``: brief annotated articles with each extractor asked for and print one row each.

The rows are ``briefing.evaluation.scorer.COLUMNS``: a rich table, or with ``--json`` one JSON object per
extractor per line. An article that fails is reported on stderr and left out of that row's
figures; the exit status is then 1 (2 for a usage or configuration error).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from briefing.cli.common import (
    check_out,
    error_line,
    make_briefer,
    model_configured,
    offline_extractor,
    output,
)
from briefing.cli.options import MODEL_PANEL, RunOptions, takes_run_options
from briefing.cli.progress import stage_progress
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, ConfigurationError
from briefing.core.options import MISSING_CONFIGURATION, resolve_settings
from briefing.core.wording import plural
from briefing.evaluation.annotations import AnnotatedArticle, load_annotated
from briefing.evaluation.scorer import COLUMNS, Evaluation, evaluate


def _extractors(models: list[str], run: RunOptions, err: Console) -> list[tuple[str, Any, RunSpend | None]]:
    """(row name, Article -> Briefing, the run's spend for a model, else None) for each extractor
    asked for, models first; every one held to ``--max-claims``, so they are compared like with like.

    With neither ``--model`` nor ``--offline``: the configured model, else the offline extractor.

    Raises:
        ConfigurationError: a model asked for with none configured, an unknown mode, a bad cache.
    """
    offline = run.offline
    if not models and not offline:
        if model_configured(run, err, fallback="evaluating the offline extractor"):
            models = [resolve_settings(base_url=run.base_url).model]
        else:
            offline = True
    if models and not resolve_settings(base_url=run.base_url).configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    extractors: list[tuple[str, Any, RunSpend | None]] = []
    for model in models:
        spend = RunSpend(make_briefer(run, model=model), True, run.max_cost)
        extractors.append((model, spend.metered().brief, spend))
    if offline:
        extractors.append(("offline", offline_extractor(run.max_claims), None))
    return extractors


def _figure(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 100 else f"{value:.0f}"
    return str(value)


def print_table(rows: list[dict[str, Any]], console: Console) -> None:
    """The rows as one rich table: a column per extractor, a line per figure (``COLUMNS`` names)."""
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("extractor")
    for row in rows:
        table.add_column(str(row["extractor"]), justify="right")
    for name in COLUMNS[1:]:
        table.add_row(name, *(_figure(row[name]) for row in rows))
    console.print(table)


def _run(name: str, brief: Any, articles: list[AnnotatedArticle], *, concurrency: int, iou: float,
         uses_model: bool, err: Console, run: RunOptions) -> Evaluation:
    """Evaluate one extractor, with a progress bar on stderr (on a terminal, unless ``--quiet``)."""
    def price(briefing: Any) -> float | None:  # the briefing's own cost (None: unpriced model)
        return briefing.usage.cost_usd if uses_model else 0.0

    with stage_progress(err, quiet=run.quiet) as progress:
        done_so_far = 0

        def done(article: AnnotatedArticle, error: BriefingError | None) -> None:
            nonlocal done_so_far
            if error is not None:
                err.print(f"[yellow]left out of {name}:[/yellow]", end=" ")
                error_line(err, error, run.debug)
            done_so_far += 1
            if progress is not None:
                progress(f"eval {name}", done_so_far, len(articles))

        return evaluate(brief, articles, extractor=name, concurrency=concurrency if uses_model else 1,
                        iou=iou, price=price, on_done=done)


@takes_run_options("mode", "base_url", "timeout", "retries", "rpm", "tpm", "max_cost", "prices", "cache", "quiet",
                   "max_claims", "out", "debug")
def eval_command(
    data: Annotated[Path, typer.Argument(help="Annotated articles: a folder of NAME.txt + NAME.ann (brat, PolNeAR's scheme), a PolNeAR text/ + attributions/ folder, or a JSONL file.", metavar="DATA", show_default=False)],
    model: Annotated[list[str] | None, typer.Option("--model", "-m", help="A model to evaluate; repeat for several (default: $BRIEFING_MODEL or gpt-4o-mini, when a model is configured).", show_default=False, rich_help_panel=MODEL_PANEL)] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Evaluate the rule-based extractor (no model, no network, no cost); with --model, as well as the models.", rich_help_panel=MODEL_PANEL)] = False,
    json: Annotated[bool, typer.Option("--json", help="Print one JSON object per extractor per line.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Evaluate only the first N articles (by name), e.g. for a slow local model.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model.")] = 4,
    iou: Annotated[float, typer.Option(min=0.01, max=1.0, help="Character IoU at which a claim matches an annotated Content.")] = 0.5,
    *,
    run: RunOptions,
) -> None:
    """Score extractors against annotated attributions: precision, recall, F1, speaker accuracy, cost."""
    run = replace(run, offline=offline)  # eval's own --offline: the rules as well as any --model
    err = Console(stderr=True)
    try:
        check_out(run.out)
        articles = load_annotated(data)
        extractors = _extractors(model or [], run, err)
    except BriefingError as e:
        error_line(err, e, run.debug)
        raise typer.Exit(2) from None
    articles = articles[:limit] if limit else articles
    rows, failed = [], 0
    with output(run.out) as stream:
        stream = stream or sys.stdout
        for name, brief, spend in extractors:
            result = _run(name, brief, articles, concurrency=concurrency, iou=iou, uses_model=spend is not None,
                          err=err, run=run)
            failed += len(result.failures)
            rows.append(result.row())
            if json:
                stream.write(_json_line(rows[-1]) + "\n")
                stream.flush()
        if not json:
            table = Console(file=stream, soft_wrap=False)
            gold = sum(len(a.gold) for a in articles)
            table.print(f"{plural(len(articles), 'article')}, {plural(gold, 'annotated attribution')}, match at IoU >= {iou}",
                        highlight=False)
            print_table(rows, table)
    for name, _, spend in extractors:
        if spend is not None and not run.quiet:
            err.print(f"{name}: {spend.tally.summary()}", highlight=False, soft_wrap=True, markup=False)
    if failed:
        err.print(f"[bold red]error:[/bold red] {plural(failed, 'briefing')} failed and were left out of the scores",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(1)


def _json_line(row: dict[str, Any]) -> str:
    """One row as a JSON line (the ``--json`` parameter shadows the module's name inside the command)."""
    return json.dumps(row, ensure_ascii=False)

