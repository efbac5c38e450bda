"""The ``briefing`` command: parse arguments, call the library, print one view or JSON line per file.

Errors print as one line on stderr (a traceback only with ``--debug``); one bad file never stops
the others, and the exit status is 1 when any file failed, 2 for a usage or configuration error.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.traceback import Traceback

from briefing.brief.each import brief_each
from briefing.cli.check import check_command
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, ConfigurationError, CostLimitError
from briefing.core.extractor import Extractor as ArticleExtractor
from briefing.core.inputs import read_article, unique_ids
from briefing.core.models import Article, Briefing
from briefing.core.options import MISSING_CONFIGURATION, resolve_cache, resolve_settings
from briefing.core.secrets import redact
from briefing.render.formats import formats, get_renderer

if TYPE_CHECKING:
    from briefing.llm.retry import RetryPolicy

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Typed, source-grounded briefings of news articles.")


class Extractor(str, Enum):
    auto = "auto"
    llm = "llm"
    offline = "offline"


class Mode(str, Enum):
    tools = "tools"
    json_schema = "json_schema"
    md_json = "md_json"
    auto = "auto"


@app.callback()
def main() -> None:
    """Typed, source-grounded briefings of news articles."""


def _error(console: Console, error: BaseException, debug: bool) -> None:
    if debug:  # the SDK's errors in the chain may quote a key the server echoed: redact them
        seen: set[int] = set()
        link: BaseException | None = error
        while link is not None and id(link) not in seen:  # before rendering, so no line wrap splits a key
            seen.add(id(link))
            link.args = tuple(redact(a) if isinstance(a, str) else a for a in link.args)
            link = link.__cause__ or link.__context__
        with console.capture() as captured:
            console.print(Traceback.from_exception(type(error), error, error.__traceback__))
        console.file.write(redact(captured.get()))
    console.print(f"[bold red]error:[/bold red] {escape(str(error))}", highlight=False, soft_wrap=True)


def _make_brief(extractor: Extractor, model: str | None, mode: Mode | None, base_url: str | None,
                err: Console, cache: Path | None = None, policy: RetryPolicy | None = None, **options: Any,
                ) -> tuple[ArticleExtractor, bool]:
    """Pick the extractor; return a function Article -> Briefing, and whether it calls a model.

    Model briefings are kept in ``cache`` (else ``$BRIEFING_CACHE``) when one is given; offline
    briefings cost nothing and are not cached.

    Raises:
        ConfigurationError: ``--extractor llm`` with no model configured, or an unusable cache folder.
    """
    settings = resolve_settings(model=model, mode=mode.value if mode else None, base_url=base_url)
    if extractor is Extractor.llm and not settings.configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    if extractor is Extractor.offline or not settings.configured:
        from briefing.offline import brief_offline

        if extractor is Extractor.auto:
            err.print("[yellow]note:[/yellow] no model configured (set OPENAI_API_KEY or OPENAI_BASE_URL); "
                      "using the offline rule-based extractor", highlight=False, soft_wrap=True)
        return brief_offline, False
    from briefing.brief.briefer import Briefer
    from briefing.core.options import BriefingOptions

    briefer = Briefer(options=BriefingOptions(model=model, mode=settings.mode), base_url=base_url, retry_policy=policy,
                      cache=resolve_cache(str(cache) if cache is not None else None), **options)
    return briefer, True


def _run_options(rpm: float | None, tpm: float | None, prices: Path | None) -> dict[str, Any]:
    """The Briefer arguments of --rpm, --tpm and --prices that were given."""
    given: dict[str, Any] = {"prices": prices}
    if rpm is not None or tpm is not None:
        from briefing.llm.pacing import Pacer

        given["pacer"] = Pacer(rpm, tpm)
    return {name: value for name, value in given.items() if value is not None}


def _cross_check(briefing: Briefing, article: Article):
    """The offline cross-check of a model's briefing; None for an offline briefing."""
    if briefing.extractor == "offline":
        return None
    from briefing.offline.crosscheck import cross_check

    return cross_check(briefing, article)


def _write_html(folder: Path, briefing: Briefing, article: Article) -> Path:
    """Write the full-page HTML view of one briefing; return its path."""
    from briefing.render.html import to_html

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article.id or 'article'}.html"  # an id may hold folders: "north/same"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_html(briefing, article.text, full_page=True), encoding="utf-8")
    return path


def _retry_policy(timeout: float | None, retries: int | None) -> RetryPolicy | None:
    """The retry policy that ``--timeout`` and ``--retries`` ask for; None (the default) if neither.

    Imported here: ``briefing.llm.retry`` imports the openai SDK, which ``--offline`` never needs.
    """
    changes: dict[str, Any] = {}
    if timeout is not None:
        changes["timeout"] = timeout
    if retries is not None:
        changes["max_attempts"] = retries + 1
    if not changes:
        return None
    from briefing.llm.retry import RetryPolicy

    return replace(RetryPolicy(), **changes)


def _expand(paths: list[Path]) -> list[Path]:
    """Each path as given, except a folder, which stands for its ``*.txt`` files in name order."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            expanded.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            expanded.append(path)
    return expanded


@app.command()
def brief(
    files: Annotated[list[Path], typer.Argument(help="Article text files (UTF-8), or folders of them (their *.txt files).", show_default=False,
                                                readable=False)],  # an unreadable file is one per-file error, not a usage error
    json: Annotated[bool, typer.Option("--json", help="Print each Briefing as one JSON line (--format json).")] = False,
    output_format: Annotated[str, typer.Option("--format", help=f"How to print each briefing: {', '.join(formats())}.")] = "text",
    offline: Annotated[bool, typer.Option("--offline", help="Use the rule-based extractor; no model, no network.")] = False,
    extractor: Annotated[Extractor, typer.Option(help="auto: the LLM when configured, else offline.")] = Extractor.auto,
    model: Annotated[str | None, typer.Option(help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).")] = None,
    mode: Annotated[Mode | None, typer.Option(help="How to ask for structured output: json_schema/md_json for servers without tool calling; auto tries tools, json_schema, md_json in turn (default: tools for OpenAI, auto for other servers).", show_default=False)] = None,
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).")] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model (the offline extractor runs one at a time).")] = 4,
    cross_check: Annotated[bool, typer.Option("--cross-check", help="Compare the model's quotes and speakers with the offline extractor's.")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Also write DIR/ARTICLE.html: the briefing and the article with every located excerpt marked.", metavar="DIR", file_okay=False)] = None,
    cache: Annotated[Path | None, typer.Option("--cache", help="Keep model briefings in DIR and reuse them on a re-run: an article already briefed with the same settings sends no request (default: $BRIEFING_CACHE, else no cache).", metavar="DIR", file_okay=False)] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", min=0.001, metavar="SECONDS", help="How long to wait for one answer from the model before trying again (default: 120).")] = None,
    retries: Annotated[int | None, typer.Option("--retries", min=0, max=20, metavar="N", help="Retries after a timeout, a dropped connection, a rate limit or a server error (default: 3); no new attempt starts 180 s after the first.")] = None,
    rpm: Annotated[float | None, typer.Option("--rpm", min=0.001, help="Your key's requests per minute (default: learned from the server's rate-limit headers).")] = None,
    tpm: Annotated[float | None, typer.Option("--tpm", min=1, help="Your key's tokens per minute (default: learned from the server's rate-limit headers).")] = None,
    max_cost: Annotated[float | None, typer.Option("--max-cost", min=0, metavar="DOLLARS", help="Start no new article once the spend so far plus its estimate would pass DOLLARS.")] = None,
    prices: Annotated[Path | None, typer.Option("--prices", metavar="FILE", dir_okay=False, help="A JSON price table laid over the shipped one (dollars per 1M tokens).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, notes or cost line on stderr; errors still show.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Brief one or more articles and print a readable view (or JSON lines with --json)."""
    out = Console(soft_wrap=False)
    err = Console(stderr=True)
    policy = _retry_policy(timeout, retries)
    try:
        render = get_renderer("json" if json else output_format)
        run, uses_model = _make_brief(Extractor.offline if offline else extractor, model, mode, base_url, err, cache,
                                      policy, **_run_options(rpm, tpm, prices))
        spend = RunSpend(run, uses_model, max_cost)
    except BriefingError as e:
        _error(err, e, debug)
        raise typer.Exit(2) from None

    articles: list[Article | BriefingError] = []
    paths = _expand(files)
    for path, id_ in zip(paths, unique_ids(paths), strict=True):
        try:
            articles.append(read_article(path, id=id_))
        except BriefingError as e:
            articles.append(e)

    failed, skipped, reused, over_budget = 0, [], 0, []
    for outcome in spend.outcomes(brief_each(spend.run, articles, concurrency=concurrency if uses_model else 1),
                                  err, len(articles), quiet=quiet, stdout_is_terminal=out.is_terminal):
        if outcome.skipped:
            skipped.append(outcome.item.id or "?")
            continue
        if isinstance(outcome.error, CostLimitError) and outcome.error.article:
            over_budget.append(outcome.error.article)
            continue
        if outcome.error is not None:
            failed += 1
            _error(err, outcome.error, debug)
            continue
        briefing = outcome.briefing
        assert briefing is not None, "an outcome neither skipped nor failed holds a briefing"
        reused += briefing.cached
        if html is not None:
            _write_html(html, briefing, outcome.item)
        report = _cross_check(briefing, outcome.item) if cross_check else None
        render(briefing, report, out)
    if over_budget:
        failed += len(over_budget)
        err.print(f"[bold red]error:[/bold red] stopped at --max-cost ${max_cost:g} (spent {spend.tally.cost_text()}); "
                  f"not briefed: {escape(', '.join(over_budget))}", highlight=False, soft_wrap=True)
    if reused and not quiet:
        err.print(f"[yellow]note:[/yellow] {reused} of {len(paths)} file(s) came from the cache; no request was sent for them",
                  highlight=False, soft_wrap=True)
    if skipped:
        failed += len(skipped)
        err.print(f"[bold red]error:[/bold red] stopped early, since every later file would fail the same way; "
                  f"not briefed: {escape(', '.join(skipped))}", highlight=False, soft_wrap=True)
    if uses_model and not quiet:
        err.print(spend.tally.summary(), highlight=False, soft_wrap=True, markup=False)
    if failed:
        raise typer.Exit(1)


app.command("check")(check_command)  # `briefing check`: its body lives in check_command.py
# `briefing daily` is registered last: its module reads the names above.
from briefing.cli.daily import register as _register_daily

_register_daily(app)

from briefing.cli.batch import batch_app

app.add_typer(batch_app, name="batch")

import briefing.cli.eval  # noqa: F401 - registers `briefing eval` on app (it imports Mode and _error)
