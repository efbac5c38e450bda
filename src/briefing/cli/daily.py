"""``briefing daily``: read the day's files, feeds and pages, build the day's briefing, write it.

``--out`` writes the format its suffix names (the HTML page with the articles' texts); stdout
shows ``--format`` (the readable text view by default without ``--out``: rich on a terminal,
plain text in a pipe; markdown; json, also ``--json``).

Arguments are files, folders, and feed or page URLs; ``--sources FILE`` adds a sources file's
outlets (and its model, out and history settings, which options given on the command line
override). With ``--history DIR`` the day is compared with the latest earlier day saved there
(``briefing.daily.diff``) and saved as ``DIR/DATE.json``. Feeds and pages are read by
``briefing.web`` (imported only when there are some, so a run over files loads no HTTP library), within the ``--since``/``--until`` window (default: the
last 24 hours). Errors print one line each on stderr; a file, feed or page that fails does not
stop the others (exit status 1 when any failed, 2 for a usage or configuration error). Progress goes to stderr on a terminal; a
model run ends with the cost line (briefs, grouping and synthesis alike), and ``--max-cost`` starts
no request past the budget. ``--format`` (else the ``--out`` suffix) picks markdown, slack, html or
json; ``--max-claims N`` is the claims each story shows (default 8; the JSON keeps every claim).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.cli.common import (
    check_history,
    check_out,
    console_text,
    default_fetch_cache,
    error_line,
    make_briefer,
    model_configured,
    note_line,
    read_inputs,
    split_inputs,
    write_out,
)
from briefing.cli.options import (
    FetchCacheOption,
    RunOptions,
    SinceOption,
    SourcesOption,
    UntilOption,
    takes_run_options,
)
from briefing.cli.progress import stage_progress
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, ConfigurationError
from briefing.core.loaders import LoadedArticles
from briefing.core.models import Article
from briefing.core.wording import plural
from briefing.daily import (
    DailyBriefing,
    DailyOptions,
    ViewOptions,
    daily,
    daily_to_html,
    daily_to_markdown,
    daily_to_slack,
    diff,
    earlier_day,
    save_day,
)
from briefing.daily.history import day_file, day_of
from briefing.daily.terminal import daily_to_text, print_daily
from briefing.daily.view import DEFAULT_MAX_CLAIMS

if TYPE_CHECKING:
    from briefing.web import Sources

OUTPUTS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json"}
"""The ``--out`` suffixes and the format each names (``--format`` overrides it)."""
READABLE_WIDTH = 100
"""The terminal view wraps at the terminal's width, but no wider than this: long lines are hard to read."""


class DailyFormat(str, Enum):
    """``--format``: what ``briefing daily`` writes (default: by the ``--out`` suffix, else text)."""

    text = "text"
    markdown = "markdown"
    slack = "slack"
    html = "html"
    json = "json"


def render(briefing: Any, output: str, view: ViewOptions = ViewOptions(),
           articles: Iterable[Article] | None = None) -> str:
    """The briefing in ``output`` format (text, markdown, slack, html, json), or in the format an
    ``--out`` suffix names (.md, .html/.htm, .json); the views show ``view.max_claims`` claims per
    story, and the HTML page shows ``articles`` (those the briefing was made from) with each report
    marked in its text."""
    output = OUTPUTS.get(output, output)
    if output == "html":
        return daily_to_html(briefing, options=view, articles=articles)
    if output == "markdown":
        return daily_to_markdown(briefing, view)
    if output == "slack":
        return daily_to_slack(briefing, view)
    if output == "text":
        return daily_to_text(briefing, width=80, options=view)
    return briefing.model_dump_json(indent=2) + "\n"


def chosen_format(out: Path | None, output: DailyFormat | None, as_json: bool) -> str:
    """The format of the run's output: ``--format``, else the ``--out`` suffix's, else text.

    Raises:
        ConfigurationError: an ``--out`` suffix that names no format and no ``--format``, or
            ``--json`` and another ``--format`` both for stdout.
    """
    if as_json and out is None and output not in (None, DailyFormat.json):
        raise ConfigurationError(f"--json and --format {output.value} both ask for stdout; leave one out")
    if output is not None:
        return output.value
    if out is None:
        return "text"
    if out.suffix.lower() not in OUTPUTS:
        raise ConfigurationError(f"--out {out.name}: the file name must end in .html, .md or .json, or give "
                                 "--format (text, markdown, slack, html or json)")
    return OUTPUTS[out.suffix.lower()]


def _setup(run: RunOptions, err: Console) -> RunSpend | None:
    """The run's spend around a model ``Briefer``, or None for the offline extractor and grouping.

    Raises:
        ConfigurationError: an unusable ``--out``, a model asked for with none configured, a bad
            cache or price file.
    """
    check_out(run.out)
    if not model_configured(run, err, fallback="using the offline extractor and grouping"):
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


def _read_sources(web: WebInputs, run: RunOptions) -> tuple[Sources | None, RunOptions, WebInputs]:
    """The sources file (None without one), ``run`` with the file's model and out, and ``web``
    with its history folder, where the command line gave none.

    Raises:
        ConfigurationError: a bad sources file.
    """
    if web.sources is None:
        return None, run, web
    from briefing.web import read_sources

    sources = read_sources(web.sources)
    return (sources, replace(run, model=run.model or sources.model, out=run.out or sources.out),
            replace(web, history=web.history or sources.history))


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
    note_line(err, f"read {plural(len(gathered.articles), 'article')} from the web ({window.describe()}): "
              f"{plural(stats.requests, 'request')}, {stats.downloaded} downloaded, {stats.not_modified} unchanged (from {cache}), "
              f"{len(gathered.errors)} failed", quiet=run.quiet)
    return LoadedArticles(gathered.articles, gathered.errors)


def _read_all(arguments: list[str], web: WebInputs, run: RunOptions,
              err: Console) -> tuple[LoadedArticles, RunOptions, WebInputs]:
    """Every article the run reads: files and folders, then feeds and pages; and the run's
    options and web inputs completed from the sources file.

    Raises:
        ConfigurationError: nothing to read, a bad sources file, window or cache.
    """
    paths, urls = split_inputs(arguments)
    sources, run, web = _read_sources(web, run)
    if not paths and not urls and sources is None:
        raise ConfigurationError("nothing to read: give article files or folders, feed or page URLs, or "
                                 "--sources FILE")
    files = read_inputs(paths, run, err) if paths else LoadedArticles()
    if not urls and sources is None:
        if web.since or web.until:
            raise ConfigurationError("--since and --until filter feeds and pages; give feed or page URLs or "
                                     "--sources FILE, or leave them out")
        return files, run, web
    fetched = _read_web(sources, urls, web, run, err)
    articles = LoadedArticles([*files, *fetched], [*files.errors, *fetched.errors])
    articles.items = [*files.items, *fetched.items]
    articles.skipped, articles.paths = files.skipped, files.paths
    return articles, run, web


def _check_history(web: WebInputs, date: str | None) -> None:
    """Fail before the day is briefed when ``--history`` cannot name or keep the day's file.

    Raises:
        ConfigurationError: ``--date`` is not ``YYYY-MM-DD`` (the day's file is named by it), or the
            folder cannot be made or written to.
    """
    if web.history is not None and date is not None and day_of(date) is None:
        raise ConfigurationError(f"--date {date!r}: with --history the day's file is named by its date; give "
                                 "--date YYYY-MM-DD")
    check_history(web.history)


def _compare_with_history(result: DailyBriefing, folder: Path, run: RunOptions, err: Console, *,
                          dated: bool = False) -> DailyBriefing:
    """``result`` compared with the latest earlier day saved in ``folder`` (as it is when there is
    none); a day without a date is today's (UTC), and so is one the articles date after today
    anywhere on Earth (unless ``dated``: ``--date`` named it), since a day from the future is never
    compared with. Each skipped file is one note line."""
    today = datetime.now(UTC).date()
    day = day_of(result.date)
    if day is None:
        result = result.model_copy(update={"date": today.isoformat()})
    elif not dated and day > (datetime.now(UTC) + timedelta(hours=14)).date():
        note_line(err, f"history: the articles' date {day.isoformat()} is in the future; the day is kept as "
                       f"{today.isoformat()}")
        result = result.model_copy(update={"date": today.isoformat()})
    earlier = earlier_day(folder, result.date)
    for line in earlier.warnings:
        note_line(err, line)
    if earlier.briefing is None:
        note_line(err, f"history: no day before {result.date} in {folder}; this is the first to compare with",
                  quiet=run.quiet)
        return result
    note_line(err, f"history: compared with {earlier.briefing.date} ({folder})", quiet=run.quiet)
    return diff(earlier.briefing, result)


def print_out(briefing: DailyBriefing, form: str, view: ViewOptions = ViewOptions()) -> None:
    """Print ``briefing`` on stdout in ``form``: ``text`` is the readable view (in colour on a
    terminal, at its width up to ``READABLE_WIDTH``; plain text at 80 columns, or $COLUMNS, in a
    pipe), the other formats as in the files."""
    if form == "text":
        console = Console(file=sys.stdout, soft_wrap=False)
        if console.is_terminal:
            console.width = min(console.width, READABLE_WIDTH)
            print_daily(briefing, console, view)
        else:
            sys.stdout.write(daily_to_text(briefing, width=console.width, options=view))
    elif form == "json":
        sys.stdout.write(json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(briefing, form, view))
    sys.stdout.flush()


def run_daily(arguments: list[str], run: RunOptions, *, as_json: bool, concurrency: int, title: str | None,
              date: str | None, web: WebInputs = WebInputs(), output: DailyFormat | None = None,
              view: ViewOptions = ViewOptions()) -> int:
    """Run ``briefing daily``; returns the exit status."""
    err = Console(stderr=True)
    try:
        articles, run, web = _read_all(arguments, web, run, err)
        _check_history(web, date)
        form = chosen_format(run.out, output, as_json)
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
        err.print(f"[bold red]error:[/bold red] {console_text(line)}", highlight=False, soft_wrap=True)
    for line in result.warnings:
        note_line(err, line)
    if web.history is not None:
        result = _compare_with_history(result, web.history, run, err, dated=date is not None)
    if run.out is not None:
        write_out(run.out, render(result, form, view, articles))
        if not run.quiet:
            err.print(f"wrote {escape(str(run.out))}: {plural(len(result.stories), 'story', 'stories')} from "
                      f"{plural(len(result.sources), 'article')}", highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
    elif run.out is None:
        print_out(result, form, view)
    if spend is not None and not run.quiet:
        err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
    if web.history is not None:
        day = day_of(result.date)
        if day is not None and day_file(web.history, day).is_file():
            note_line(err, f"--history: replacing the saved briefing of {day.isoformat()} (the day is named by "
                           "its articles' most common date; give --date to name it yourself)", quiet=run.quiet)
        try:
            save_day(result, web.history)
        except BriefingError as e:
            error_line(err, e, run.debug)
            return 1
    return 1 if result.failures else 0


@takes_run_options("out", "offline", "extractor", "model", "mode", "base_url", "cache", "timeout", "retries", "rpm",
                   "tpm", "max_cost", "prices", "quiet", "debug")
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
        help="Keep each day's briefing in DIR (as DATE.json) and open with what changed since the latest "
             "earlier day there.")] = None,
    fetch_cache: FetchCacheOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the DailyBriefing as one JSON object on stdout (--format json).")] = False,
    output: Annotated[DailyFormat | None, typer.Option(
        "--format", show_default=False,
        help="What to write (to --out, else stdout): text (the readable view: in colour on a terminal, plain "
             "text in a pipe), markdown, slack (Slack mrkdwn, to post with a webhook), html or json "
             "(default: by the --out suffix, else text).")] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model.")] = 4,
    title: Annotated[str | None, typer.Option(help="The briefing's title (default: 'Daily briefing, DATE').")] = None,
    date: Annotated[str | None, typer.Option(help="The briefing's date (default: the articles' most common date).")] = None,
    max_claims: Annotated[int, typer.Option(
        "--max-claims", min=0, metavar="N",
        help="Claims shown per story in the markdown, slack and html views, the most important first, "
             "numbered 1..N; the JSON keeps every claim.")] = DEFAULT_MAX_CLAIMS,
    *,
    run: RunOptions,
) -> None:
    """Group a day's articles (files, feeds, pages) into stories, link quotes across outlets, and write one
    briefing."""
    web = WebInputs(sources=sources, since=since, until=until, history=history, fetch_cache=fetch_cache)
    status = run_daily(inputs or [], run, as_json=json_, concurrency=concurrency, title=title, date=date, web=web,
                       output=output, view=ViewOptions(max_claims=max_claims))
    if status:
        raise typer.Exit(status)
