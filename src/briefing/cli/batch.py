"""``briefing batch submit | status | collect``: the Batch API from the command line (see batchapi.py)."""

from __future__ import annotations

import json as json_module
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.core.errors import BriefingError, ConfigurationError

batch_app = typer.Typer(no_args_is_help=True, help="Brief big, non-urgent runs with the provider's Batch API "
                                                   "(half the price at OpenAI; answers within 24 hours).")

Manifests = Annotated[Path, typer.Option("--manifests", metavar="DIR", file_okay=False,
                                         help="Where batch manifests are kept (custom_id -> file).")]


def _setup(model: str | None, base_url: str | None, cache: Path | None) -> tuple[Any, Any]:
    """The Briefer (same settings as ``brief``) and an openai client for the Files/Batches calls.

    Raises:
        ConfigurationError: no key or base URL.
    """
    import openai

    from briefing.brief.briefer import Briefer
    from briefing.llm.client import (
        MISSING_CONFIGURATION,
        resolve_cache,
        resolve_settings,
    )

    settings = resolve_settings(model=model, base_url=base_url)
    if not settings.configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    briefer = Briefer(model=model, base_url=base_url, cache=resolve_cache(str(cache) if cache else None))
    client = openai.OpenAI(api_key=settings.api_key or "not-needed", base_url=settings.base_url)
    return briefer, client


def _fail(err: Console, error: BaseException, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/bold red] {escape(str(error))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@batch_app.command()
def submit(
    files: Annotated[list[Path], typer.Argument(help="Article text files, or folders of them.", show_default=False)],
    model: Annotated[str | None, typer.Option(help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).")] = None,
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server with a Batch API.")] = None,
    manifests: Manifests = Path(".briefing-batches"),
) -> None:
    """Upload one request per article (per chunk of a long one), create the batch, print its id."""
    from briefing.brief.batch_api import submit as submit_batch
    from briefing.cli.app import _expand
    from briefing.core.inputs import read_article

    err = Console(stderr=True)
    try:
        briefer, client = _setup(model, base_url, None)
        articles = [(str(path), read_article(path)) for path in _expand(files)]
        done = submit_batch(briefer, articles, client=client, folder=manifests)
    except BriefingError as e:
        raise _fail(err, e) from None
    print(done.batch_id)
    err.print(f"{done.requests} request(s) from {len(articles)} file(s); manifest {done.manifest}; "
              f"check with `briefing batch status {done.batch_id}`", highlight=False, soft_wrap=True)


@batch_app.command()
def status(
    batch_id: Annotated[str, typer.Argument(help="The id `briefing batch submit` printed.")],
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server with a Batch API.")] = None,
) -> None:
    """Print the batch's status and request counts."""
    from briefing.brief.batch_api import status as batch_status

    err = Console(stderr=True)
    try:
        _, client = _setup(None, base_url, None)
        batch = batch_status(batch_id, client=client)
    except BriefingError as e:
        raise _fail(err, e) from None
    counts = batch.request_counts
    done = f"{counts.completed} done, {counts.failed} failed of {counts.total}" if counts else "no counts yet"
    print(f"{batch.id}: {batch.status} ({done})")


@batch_app.command()
def collect(
    batch_id: Annotated[str, typer.Argument(help="The id `briefing batch submit` printed.")],
    json: Annotated[bool, typer.Option("--json", help="Print each Briefing as one JSON line, in submission order.")] = False,
    reask_live: Annotated[bool, typer.Option("--reask-live", help="Brief again live the articles with excerpts not found in them (a batch cannot re-ask).")] = False,
    model: Annotated[str | None, typer.Option(help="The model the batch was submitted with.")] = None,
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server with a Batch API.")] = None,
    cache: Annotated[Path | None, typer.Option("--cache", metavar="DIR", file_okay=False, help="Store the briefings here, so `briefing brief` on the same files sends nothing (default: $BRIEFING_CACHE).")] = None,
    manifests: Manifests = Path(".briefing-batches"),
) -> None:
    """Download the answers, ground and check them as `brief` does, and print the Briefings."""
    from briefing.brief.batch_api import collect as collect_batch
    from briefing.brief.batch_api import load_manifest
    from briefing.brief.tally import RunTally
    from briefing.render.terminal import print_briefing

    out, err = Console(soft_wrap=False), Console(stderr=True)
    try:
        model = model or load_manifest(batch_id, manifests).get("model")
        briefer, client = _setup(model, base_url, cache)
        results = collect_batch(briefer, batch_id, client=client, folder=manifests, reask_live=reask_live)
    except BriefingError as e:
        raise _fail(err, e) from None
    tally = RunTally(briefer.settings.model, briefer.prices)
    for result in results:
        tally.count(result.briefing)
        tally.charge(result.briefing.usage if result.briefing else None)
        if result.error:
            err.print(f"[bold red]error:[/bold red] {escape(Path(result.path).name)} "
                      f"({escape(', '.join(result.custom_ids))}): {escape(result.error)}",
                      highlight=False, soft_wrap=True)
        if result.briefing is None:
            continue
        if json:
            sys.stdout.write(json_module.dumps(result.briefing.model_dump(mode="json"), ensure_ascii=False) + "\n")
        else:
            print_briefing(result.briefing, out)
    err.print(tally.summary() + " (batch prices)", highlight=False, soft_wrap=True, markup=False)
    if tally.failed:
        raise typer.Exit(1)
