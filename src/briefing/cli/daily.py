"""The body of ``briefing daily``: load the files, build the day's briefing, write it.

``briefing.cli.app`` only registers this command (``register(app)``); everything it does lives here.
Errors print one line each on stderr; a file that fails does not stop the others (exit status 1
when any failed, 2 for a usage or configuration error). Progress goes to stderr on a terminal.
"""



import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from briefing.core.errors import BriefingError, ConfigurationError
from briefing.daily import daily_to_html, daily_to_markdown

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer

OUTPUTS = (".html", ".htm", ".md", ".json")


def _briefer(extractor: str, model: str | None, mode: str, base_url: str | None, cache: Path | None,
             err: Console) -> "Briefer | None":
    """The model briefer, or None for the offline extractor (said on stderr when chosen for lack of a key).

    Raises:
        ConfigurationError: ``--extractor llm`` with no model configured.
    """
    from briefing.llm.client import (
        MISSING_CONFIGURATION,
        resolve_cache,
        resolve_settings,
    )

    settings = resolve_settings(model=model, mode=mode, base_url=base_url)
    if extractor == "llm" and not settings.configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    if extractor == "offline" or not settings.configured:
        if extractor == "auto":
            err.print("[yellow]note:[/yellow] no model configured (set OPENAI_API_KEY or OPENAI_BASE_URL); "
                      "using the offline extractor and grouping", highlight=False, soft_wrap=True)
        return None
    from briefing.brief.briefer import Briefer
    from briefing.core.options import BriefingOptions

    return Briefer(options=BriefingOptions(model=model, mode=mode), base_url=base_url,
                   cache=resolve_cache(str(cache) if cache is not None else None))


def render(briefing: Any, suffix: str) -> str:
    """The briefing as the format a file suffix names (.html/.htm, .md, .json)."""
    if suffix in (".html", ".htm"):
        return daily_to_html(briefing)
    if suffix == ".md":
        return daily_to_markdown(briefing)
    return briefing.model_dump_json(indent=2) + "\n"


def run_daily(paths: list[Path], *, out: Path | None, as_json: bool, extractor: str, model: str | None,
              mode: str, base_url: str | None, cache: Path | None, concurrency: int, title: str | None,
              date: str | None, debug: bool) -> int:
    """Run ``briefing daily``; returns the exit status."""
    from briefing.cli.app import _error
    from briefing.daily import DailyOptions, daily, load_articles

    err = Console(stderr=True)
    if out is not None and out.suffix.lower() not in OUTPUTS:
        _error(err, ConfigurationError(f"--out {out.name}: the file name must end in .html, .md or .json"), debug)
        return 2
    try:
        briefer = _briefer(extractor, model, mode, base_url, cache, err)
    except BriefingError as e:
        _error(err, e, debug)
        return 2
    articles = load_articles(paths)
    for error in articles.errors:
        _error(err, error, debug)
    try:
        if err.is_terminal:
            with Progress(console=err, transient=True) as bar:
                tasks: dict[str, Any] = {}

                def progress(stage: str, done: int, total: int) -> None:
                    if stage not in tasks:
                        tasks[stage] = bar.add_task(stage, total=total)
                    bar.update(tasks[stage], completed=done, total=total)

                result = daily(articles, briefer=briefer, title=title, date=date,
                               options=DailyOptions(concurrency=concurrency), progress=progress)
        else:
            result = daily(articles, briefer=briefer, title=title, date=date,
                           options=DailyOptions(concurrency=concurrency))
    except BriefingError as e:
        _error(err, e, debug)
        return 1
    loaded_failures = len(articles.errors)
    for line in result.failures[loaded_failures:]:
        err.print(f"[bold red]error:[/bold red] {escape(line)}", highlight=False, soft_wrap=True)
    for line in result.warnings:
        err.print(f"[yellow]note:[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render(result, out.suffix.lower()), encoding="utf-8")
        err.print(f"wrote {escape(str(out))}: {len(result.stories)} stories from {len(result.sources)} articles",
                  highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
    elif out is None:
        sys.stdout.write(daily_to_markdown(result))
    return 1 if result.failures else 0


def register(app: typer.Typer) -> None:
    """Add the ``daily`` command to the ``briefing`` app."""
    from briefing.cli.app import Extractor, Mode

    @app.command("daily")
    def daily_command(
        paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .json, .jsonl, .html) or folders of them.", show_default=False)],
        out: Annotated[Path | None, typer.Option("--out", help="Write the briefing to FILE: .html (one self-contained page), .md or .json.", metavar="FILE", dir_okay=False)] = None,
        json_: Annotated[bool, typer.Option("--json", help="Print the DailyBriefing as one JSON object on stdout.")] = False,
        offline: Annotated[bool, typer.Option("--offline", help="Offline extractor and grouping; no model, no network.")] = False,
        extractor: Annotated[Extractor, typer.Option(help="auto: the LLM when configured, else offline.")] = Extractor.auto,
        model: Annotated[str | None, typer.Option(help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).")] = None,
        mode: Annotated[Mode, typer.Option(help="How to ask for structured output.")] = Mode.tools,
        base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).")] = None,
        cache: Annotated[Path | None, typer.Option("--cache", help="Keep model briefings in DIR and reuse them on a re-run.", metavar="DIR", file_okay=False)] = None,
        concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles briefed at once with a model.")] = 4,
        title: Annotated[str | None, typer.Option(help="The briefing's title (default: 'Daily briefing, DATE').")] = None,
        date: Annotated[str | None, typer.Option(help="The briefing's date (default: the articles' most common date).")] = None,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    ) -> None:
        """Group a day's articles into stories, link quotes across outlets, and write one briefing."""
        status = run_daily(paths, out=out, as_json=json_, extractor="offline" if offline else extractor.value,
                           model=model, mode=mode.value, base_url=base_url, cache=cache, concurrency=concurrency,
                           title=title, date=date, debug=debug)
        if status:
            raise typer.Exit(status)
