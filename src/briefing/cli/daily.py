"""``briefing daily``: read the day's files, feeds and pages, build the day's briefing, write it.

``--out`` writes the format its suffix names (the HTML page with the articles' texts); stdout
shows ``--format`` (the readable text view by default without ``--out``: rich on a terminal,
plain text in a pipe; markdown; json, also ``--json``).

Arguments are files, folders, and feed or page URLs; ``--sources FILE`` adds a sources file's
outlets (and its model, out and history settings, which options given on the command line
override). Feeds and pages are read by ``briefing.web`` (imported only when there are some, so a
run over files loads no HTTP library), within the ``--since``/``--until`` window (default: the
last 24 hours). Errors print one line each on stderr; a file, feed or page that fails does not
stop the others (exit status 1 when any failed, 2 for a usage or configuration error). Progress goes to stderr on a terminal; a
model run ends with the cost line (briefs, grouping and synthesis alike), and ``--max-cost`` starts
no request past the budget.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.cli.common import (
    BaseUrlOption,
    CacheOption,
    DebugOption,
    ExtractorChoice,
    ExtractorOption,
    FetchCacheOption,
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
    SinceOption,
    SourcesOption,
    TimeoutOption,
    TpmOption,
    UntilOption,
    check_out,
    default_fetch_cache,
    error_line,
    make_briefer,
    model_configured,
    note_line,
    read_inputs,
    split_inputs,
    write_out,
)
from briefing.cli.progress import stage_progress
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, ConfigurationError
from briefing.core.loaders import LoadedArticles
from briefing.core.models import Article
from briefing.daily import (
    DailyBriefing,
    DailyOptions,
    daily,
    daily_to_html,
    daily_to_markdown,
)
from briefing.daily.terminal import daily_to_text, print_daily

if TYPE_CHECKING:
    from briefing.web import Sources

OUTPUTS = (".html", ".htm", ".md", ".json")
READABLE_WIDTH = 100
"""The terminal view wraps at the terminal's width, but no wider than this: long lines are hard to read."""


class DailyFormat(str, Enum):
    """What ``briefing daily`` prints on stdout."""

    text = "text"
    markdown = "markdown"
    json = "json"


def render(briefing: Any, suffix: str, articles: Iterable[Article] | None = None) -> str:
    """The briefing as the format a file suffix names (.html/.htm, .md, .json); the HTML page
    shows ``articles`` (those the briefing was made from) with each report marked in its text."""
    if suffix in (".html", ".htm"):
        return daily_to_html(briefing, articles=articles)
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


@dataclass(frozen=True)
class WebInputs:
    """What ``briefing daily`` reads from the web: a sources file, URLs, the window, the cache."""

    sources: Path | None = None
    since: str | None = None
    until: str | None = None
    history: Path | None = None
    fetch_cache: Path | None = None


def _read_sources(web: WebInputs, run: RunOptions, err: Console) -> tuple[Sources | None, RunOptions]:
    """The sources file (None without one), and ``run`` with the file's model and out where the
    command line gave none.

    Raises:
        ConfigurationError: ``--history`` (not implemented yet), or a bad sources file.
    """
    if web.history is not None:
        raise ConfigurationError("--history is not implemented yet: comparing with earlier days comes in a later "
                                 "release; leave it out")
    if web.sources is None:
        return None, run
    from briefing.web import read_sources

    sources = read_sources(web.sources)
    if sources.history is not None:
        note_line(err, f"{web.sources}: history = {str(sources.history)!r} is not used yet: comparing with earlier "
                  "days comes in a later release", quiet=run.quiet)
    return sources, replace(run, model=run.model or sources.model, out=run.out or sources.out)


def _read_web(sources: Sources | None, urls: list[str], web: WebInputs, run: RunOptions,
              err: Console) -> LoadedArticles:
    """The articles of the sources file's outlets and of ``urls``; each failed feed or page is in
    the result's ``errors``, and the notes (malformed feeds, the window, undated articles) go to stderr.

    Raises:
        ConfigurationError: a bad ``--since``/``--until``, or an unusable fetch cache.
    """
    from briefing.web import DateWindow, FetchOptions, gather

    window = DateWindow.parse(web.since, web.until) if web.since or web.until else DateWindow.last(24)
    cache = web.fetch_cache or default_fetch_cache()
    gathered = gather(sources=sources, urls=urls, window=window, options=FetchOptions(cache=cache))
    for line in gathered.notes:
        note_line(err, line, quiet=run.quiet)
    stats = gathered.stats
    note_line(err, f"read {len(gathered.articles)} articles from the web ({window.describe()}): {stats.requests} "
              f"requests, {stats.downloaded} downloaded, {stats.not_modified} unchanged (from {cache}), "
              f"{len(gathered.errors)} failed", quiet=run.quiet)
    return LoadedArticles(gathered.articles, gathered.errors)


def _read_all(arguments: list[str], web: WebInputs, run: RunOptions,
              err: Console) -> tuple[LoadedArticles, RunOptions]:
    """Every article the run reads: files and folders, then feeds and pages.

    Raises:
        ConfigurationError: nothing to read, a bad sources file, window or cache, or ``--history``.
    """
    paths, urls = split_inputs(arguments)
    sources, run = _read_sources(web, run, err)
    if not paths and not urls and sources is None:
        raise ConfigurationError("nothing to read: give article files or folders, feed or page URLs, or "
                                 "--sources FILE")
    files = read_inputs(paths, run, err) if paths else LoadedArticles()
    if not urls and sources is None:
        if web.since or web.until:
            raise ConfigurationError("--since and --until filter feeds and pages; give feed or page URLs or "
                                     "--sources FILE, or leave them out")
        return files, run
    fetched = _read_web(sources, urls, web, run, err)
    articles = LoadedArticles([*files, *fetched], [*files.errors, *fetched.errors])
    articles.items = [*files.items, *fetched.items]
    articles.skipped, articles.paths = files.skipped, files.paths
    return articles, run


def print_out(briefing: DailyBriefing, output_format: DailyFormat) -> None:
    """Print ``briefing`` on stdout: ``text`` is the readable view (in colour on a terminal, at its
    width up to ``READABLE_WIDTH``; plain text at 80 columns, or $COLUMNS, in a pipe), ``markdown``
    and ``json`` as in the files."""
    if output_format is DailyFormat.json:
        sys.stdout.write(json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False) + "\n")
    elif output_format is DailyFormat.markdown:
        sys.stdout.write(daily_to_markdown(briefing))
    else:
        console = Console(file=sys.stdout, soft_wrap=False)
        if console.is_terminal:
            console.width = min(console.width, READABLE_WIDTH)
            print_daily(briefing, console)
        else:
            sys.stdout.write(daily_to_text(briefing, width=console.width))
    sys.stdout.flush()


def _stdout_format(as_json: bool, output_format: DailyFormat | None, out: Path | None) -> DailyFormat | None:
    """What stdout shows: the format asked for, else ``text`` without ``--out``, else nothing.

    Raises:
        ConfigurationError: ``--json`` with another ``--format``.
    """
    if as_json and output_format not in (None, DailyFormat.json):
        raise ConfigurationError(f"--json and --format {output_format.value} ask for two outputs; leave one out")
    if as_json:
        return DailyFormat.json
    return output_format or (DailyFormat.text if out is None else None)


def run_daily(arguments: list[str], run: RunOptions, *, as_json: bool, concurrency: int, title: str | None,
              date: str | None, web: WebInputs = WebInputs(), output_format: DailyFormat | None = None) -> int:
    """Run ``briefing daily``; returns the exit status."""
    err = Console(stderr=True)
    try:
        shown = _stdout_format(as_json, output_format, run.out)
        articles, run = _read_all(arguments, web, run, err)
        spend = _setup(run, err)
    except BriefingError as e:
        error_line(err, e, run.debug)
        return 2
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
        write_out(run.out, render(result, run.out.suffix.lower(), articles))
        if not run.quiet:
            err.print(f"wrote {escape(str(run.out))}: {len(result.stories)} stories from {len(result.sources)} "
                      "articles", highlight=False, soft_wrap=True)
    if shown is not None:
        print_out(result, shown)
    if spend is not None and not run.quiet:
        err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
    return 1 if result.failures else 0


def daily_command(
    inputs: Annotated[list[str] | None, typer.Argument(
        metavar="PATHS_OR_URLS", show_default=False,
        help="Article files (.txt, .md, .json, .jsonl, .html), folders of them, and feed or page URLs "
             "(http/https: a URL that reads as an RSS, Atom or JSON feed is a feed, any other a page).")] = None,
    sources: SourcesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    history: Annotated[Path | None, typer.Option(
        "--history", metavar="DIR", file_okay=False, show_default=False,
        help="Not implemented yet: keeping each day's briefing to compare with the next.")] = None,
    fetch_cache: FetchCacheOption = None,
    out: OutOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the DailyBriefing as one JSON object on stdout (--format json).")] = False,
    output_format: Annotated[DailyFormat | None, typer.Option(
        "--format", show_default=False,
        help="What to print on stdout: text (the readable view, the default without --out; in colour on a "
             "terminal, plain text in a pipe), markdown or json. With --out, stdout shows it as well.")] = None,
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
    """Group a day's articles (files, feeds, pages) into stories, link quotes across outlets, and write one
    briefing."""
    run = RunOptions(model=model, mode=mode, base_url=base_url, offline=offline, extractor=extractor,
                     timeout=timeout, retries=retries, rpm=rpm, tpm=tpm, max_cost=max_cost, prices=prices,
                     cache=cache, quiet=quiet, max_claims=max_claims, out=out, debug=debug)
    web = WebInputs(sources=sources, since=since, until=until, history=history, fetch_cache=fetch_cache)
    status = run_daily(inputs or [], run, as_json=json_, concurrency=concurrency, title=title, date=date, web=web,
                       output_format=output_format)
    if status:
        raise typer.Exit(status)
