"""``briefing daily``: read the day's files, build the day's briefing, write it.

Errors print one line each on stderr; a file that fails does not stop the others (exit status 1
when any failed, 2 for a usage or configuration error). Progress goes to stderr on a terminal; a
model run ends with the cost line (briefs, grouping and synthesis alike), and ``--max-cost`` starts
no request past the budget.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.cli.common import (
    BaseUrlOption,
    CacheOption,
    DebugOption,
    ExtractorChoice,
    ExtractorOption,
    MaxClaimsOption,
    MaxCostOption,
    ModelOption,
    ModeOption,
    OfflineOption,
    OutOption,
    PricesOption,
    QuietOption,
    RetriesOption,
    RpmOption,
    RunOptions,
    TimeoutOption,
    TpmOption,
    check_out,
    error_line,
    make_briefer,
    model_configured,
    note_line,
    read_inputs,
    write_out,
)
from briefing.cli.progress import stage_progress
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, ConfigurationError
from briefing.daily import DailyOptions, daily, daily_to_html, daily_to_markdown

OUTPUTS = (".html", ".htm", ".md", ".json")


def render(briefing: Any, suffix: str) -> str:
    """The briefing as the format a file suffix names (.html/.htm, .md, .json)."""
    if suffix in (".html", ".htm"):
        return daily_to_html(briefing)
    if suffix == ".md":
        return daily_to_markdown(briefing)
    return briefing.model_dump_json(indent=2) + "\n"


def _setup(run: RunOptions, err: Console) -> RunSpend | None:
    """The run's spend around a model ``Briefer``, or None for the offline extractor and grouping.

    Raises:
        ConfigurationError: a bad ``--out`` suffix, ``--max-claims`` for the offline daily path,
            a model asked for with none configured, a bad cache or price file.
    """
    if run.out is not None and run.out.suffix.lower() not in OUTPUTS:
        raise ConfigurationError(f"--out {run.out.name}: the file name must end in .html, .md or .json")
    check_out(run.out)
    if not model_configured(run, err, fallback="using the offline extractor and grouping"):
        if run.max_claims is not None:
            raise ConfigurationError("--max-claims caps a model's claims in `briefing daily`; the offline daily "
                                     "extractor keeps every claim, to link them across articles; leave it out")
        return None
    return RunSpend(make_briefer(run), True, run.max_cost)


def run_daily(paths: list[Path], run: RunOptions, *, as_json: bool, concurrency: int, title: str | None,
              date: str | None) -> int:
    """Run ``briefing daily``; returns the exit status."""
    err = Console(stderr=True)
    try:
        spend = _setup(run, err)
    except BriefingError as e:
        error_line(err, e, run.debug)
        return 2
    articles = read_inputs(paths, run, err)
    for error in articles.errors:
        error_line(err, error, run.debug)
    try:
        with stage_progress(err, quiet=run.quiet) as progress:
            result = daily(articles, briefer=spend.metered() if spend else None, title=title, date=date,
                           options=DailyOptions(concurrency=concurrency), progress=progress)
    except BriefingError as e:
        error_line(err, e, run.debug)
        if spend is not None and not run.quiet:
            err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
        return 1
    for line in result.failures[len(articles.errors):]:
        err.print(f"[bold red]error:[/bold red] {escape(line)}", highlight=False, soft_wrap=True)
    for line in result.warnings:
        note_line(err, line)
    if run.out is not None:
        write_out(run.out, render(result, run.out.suffix.lower()))
        if not run.quiet:
            err.print(f"wrote {escape(str(run.out))}: {len(result.stories)} stories from {len(result.sources)} "
                      "articles", highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
    elif run.out is None:
        sys.stdout.write(daily_to_markdown(result))
    if spend is not None and not run.quiet:
        err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
    return 1 if result.failures else 0


def daily_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .json, .jsonl, .html) or folders of them.", show_default=False)],
    out: OutOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the DailyBriefing as one JSON object on stdout.")] = False,
    offline: OfflineOption = False,
    extractor: ExtractorOption = ExtractorChoice.auto,
    model: ModelOption = None,
    mode: ModeOption = None,
    base_url: BaseUrlOption = None,
    cache: CacheOption = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model.")] = 4,
    title: Annotated[str | None, typer.Option(help="The briefing's title (default: 'Daily briefing, DATE').")] = None,
    date: Annotated[str | None, typer.Option(help="The briefing's date (default: the articles' most common date).")] = None,
    timeout: TimeoutOption = None,
    retries: RetriesOption = None,
    rpm: RpmOption = None,
    tpm: TpmOption = None,
    max_cost: MaxCostOption = None,
    prices: PricesOption = None,
    quiet: QuietOption = False,
    max_claims: MaxClaimsOption = None,
    debug: DebugOption = False,
) -> None:
    """Group a day's articles into stories, link quotes across outlets, and write one briefing."""
    run = RunOptions(model=model, mode=mode, base_url=base_url, offline=offline, extractor=extractor,
                     timeout=timeout, retries=retries, rpm=rpm, tpm=tpm, max_cost=max_cost, prices=prices,
                     cache=cache, quiet=quiet, max_claims=max_claims, out=out, debug=debug)
    status = run_daily(paths, run, as_json=json_, concurrency=concurrency, title=title, date=date)
    if status:
        raise typer.Exit(status)
