"""``briefing eval``: brief annotated articles with each extractor asked for and print one row each.

The rows are ``briefing.evaluation.scorer.COLUMNS``: a rich table, or with ``--json`` one JSON object per
extractor per line. An article that fails is reported on stderr and left out of that row's
figures; the exit status is then 1 (2 for a usage or configuration error).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from briefing.cli.app import Mode, _error, app
from briefing.core.errors import BriefingError, ConfigurationError
from briefing.core.options import (
    MISSING_CONFIGURATION,
    BriefingOptions,
    resolve_cache,
    resolve_settings,
)
from briefing.evaluation.annotations import AnnotatedArticle, load_annotated
from briefing.evaluation.scorer import COLUMNS, Evaluation, evaluate


def _extractors(models: list[str], offline: bool, mode: Mode | None, base_url: str | None,
                cache: Path | None, timeout: float | None = None) -> list[tuple[str, Any, bool]]:
    """(row name, Article -> Briefing, uses a model) for each extractor asked for, models first.

    With neither ``--model`` nor ``--offline``: the configured model, else the offline extractor.

    Raises:
        ConfigurationError: a model asked for with none configured, an unknown mode, a bad cache.
    """
    settings = resolve_settings(model=models[0] if models else None,
                                mode=mode.value if mode else None, base_url=base_url)
    if not models and not offline:
        if settings.configured:
            models = [settings.model]
        else:
            offline = True
    if models and not settings.configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    extractors: list[tuple[str, Any, bool]] = []
    if models:
        from briefing.brief.briefer import Briefer
        from briefing.llm.retry import RetryPolicy

        for model in models:
            briefer = Briefer(options=BriefingOptions(model=model, mode=settings.mode), base_url=base_url,
                              cache=resolve_cache(str(cache) if cache is not None else None),
                              retry_policy=RetryPolicy(timeout=timeout) if timeout else None)
            extractors.append((model, briefer.brief, True))
    if offline:
        from briefing.offline import brief_offline

        extractors.append(("offline", brief_offline, False))
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
         uses_model: bool, err: Console, debug: bool) -> Evaluation:
    """Evaluate one extractor with a progress bar on stderr (shown only on a terminal)."""
    def price(briefing: Any) -> float | None:  # the briefing's own cost (None: unpriced model)
        return briefing.usage.cost_usd if uses_model else 0.0

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task(f"eval {name}", total=len(articles))

        def done(article: AnnotatedArticle, error: BriefingError | None) -> None:
            if error is not None:
                progress.console.print(f"[yellow]left out of {name}:[/yellow]", end=" ")
                _error(progress.console, error, debug)
            progress.advance(task)

        return evaluate(brief, articles, extractor=name, concurrency=concurrency if uses_model else 1,
                        iou=iou, price=price, on_done=done)


def eval_command(
    data: Annotated[Path, typer.Argument(help="Annotated articles: a folder of NAME.txt + NAME.ann (brat, PolNeAR's scheme), a PolNeAR text/ + attributions/ folder, or a JSONL file.", show_default=False)],
    model: Annotated[list[str] | None, typer.Option("--model", help="A model to evaluate; repeat for several (default: the configured model).", show_default=False)] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Also evaluate the rule-based extractor (free, no network).")] = False,
    mode: Annotated[Mode | None, typer.Option(help="Structured-output mode for the models (default: tools for OpenAI, auto for other servers).", show_default=False)] = None,
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print one JSON object per extractor per line.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Evaluate only the first N articles (by name), e.g. for a slow local model.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model.")] = 4,
    iou: Annotated[float, typer.Option(min=0.01, max=1.0, help="Character IoU at which a claim matches an annotated Content.")] = 0.5,
    timeout: Annotated[float | None, typer.Option(min=1, help="Seconds to wait for one model answer (default: 120); raise it for a slow local model.", show_default=False)] = None,
    cache: Annotated[Path | None, typer.Option("--cache", help="Keep model briefings in DIR and reuse them on a re-run (default: $BRIEFING_CACHE).", metavar="DIR", file_okay=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Score extractors against annotated attributions: precision, recall, F1, speaker accuracy, cost."""
    out = Console(soft_wrap=False)
    err = Console(stderr=True)
    try:
        articles = load_annotated(data)
        extractors = _extractors(model or [], offline, mode, base_url, cache, timeout)
    except BriefingError as e:
        _error(err, e, debug)
        raise typer.Exit(2) from None
    articles = articles[:limit] if limit else articles
    rows, failed = [], 0
    for name, brief, uses_model in extractors:
        result = _run(name, brief, articles, concurrency=concurrency, iou=iou, uses_model=uses_model,
                      err=err, debug=debug)
        failed += len(result.failures)
        rows.append(result.row())
        if json:
            sys.stdout.write(_json_line(rows[-1]) + "\n")
            sys.stdout.flush()
    if not json:
        gold = sum(len(a.gold) for a in articles)
        out.print(f"{len(articles)} articles, {gold} annotated attributions, match at IoU >= {iou}",
                  highlight=False)
        print_table(rows, out)
    if failed:
        err.print(f"[bold red]error:[/bold red] {failed} briefing(s) failed and were left out of the scores",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(1)


def _json_line(row: dict[str, Any]) -> str:
    """One row as a JSON line (the ``--json`` parameter shadows the module's name inside the command)."""
    return json.dumps(row, ensure_ascii=False)


app.command("eval")(eval_command)
