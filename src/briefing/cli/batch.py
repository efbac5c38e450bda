"""``briefing batch submit | status | collect``: the Batch API from the command line (see batchapi.py)."""

from __future__ import annotations

import json as json_module
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.cli.common import error_line, make_briefer, read_inputs
from briefing.cli.options import RunOptions, takes_run_options
from briefing.core.errors import BriefingError, ConfigurationError, CostLimitError
from briefing.core.models import Article
from briefing.core.options import MISSING_CONFIGURATION, resolve_settings
from briefing.core.wording import plural

batch_app = typer.Typer(no_args_is_help=True, help="Brief big, non-urgent runs with the provider's Batch API "
                                                   "(half the price at OpenAI; answers within 24 hours).")

Manifests = Annotated[Path, typer.Option("--manifests", metavar="DIR", file_okay=False,
                                         help="Where batch manifests are kept (custom_id -> file).")]


def _setup(run: RunOptions) -> tuple[Any, Any]:
    """The Briefer (built as every command builds it) and an openai client for the Files/Batches calls.

    Raises:
        ConfigurationError: no key or base URL.
    """
    import openai

    settings = resolve_settings(model=run.model, base_url=run.base_url)
    if not settings.configured:
        raise ConfigurationError(MISSING_CONFIGURATION)
    briefer = make_briefer(run)
    limits: dict[str, Any] = {}
    if run.timeout is not None:
        limits["timeout"] = run.timeout
    if run.retries is not None:
        limits["max_retries"] = run.retries
    client = openai.OpenAI(api_key=settings.api_key or "not-needed", base_url=settings.base_url, **limits)
    return briefer, client


def _estimate(briefer: Any, articles: list[Article]) -> float | None:
    """The batch's cost at most, at batch prices (each article's prompt and full output budget);
    None when the model has no price."""
    from briefing.core.models import Usage

    total = 0.0
    for article in articles:
        prompt, output = briefer.estimate(article)
        cost = briefer.prices.cost(briefer.settings.model, Usage(prompt_tokens=prompt, completion_tokens=output),
                                   batch=True)
        if cost is None:
            return None
        total += cost
    return total


def _fail(err: Console, error: BaseException, code: int = 2) -> typer.Exit:
    error_line(err, error)
    return typer.Exit(code)


@batch_app.command()
@takes_run_options("model", "mode", "base_url", "timeout", "retries", "prices", "quiet", "max_claims")
def submit(
    files: Annotated[list[Path], typer.Argument(help="Articles: .txt, .md (with front matter), .json/.jsonl lists, saved .html (the html extra), or folders of them.", metavar="FILES", show_default=False)],
    max_cost: Annotated[float | None, typer.Option("--max-cost", min=0, metavar="DOLLARS", show_default=False, help="Submit nothing when the batch's estimate (at batch prices, every article's full output budget) would pass DOLLARS.")] = None,
    manifests: Manifests = Path(".briefing-batches"),
    *,
    run: RunOptions,
) -> None:
    """Upload one request per article (per chunk of a long one), create the batch, print its id.

    Not here: --offline (a batch is a model run), --rpm/--tpm (the provider paces a batch itself),
    --cache (the answers are cached by `batch collect --cache`) and --out (the id goes to stdout).
    """
    from briefing.brief.batch_api import submit as submit_batch

    err = Console(stderr=True)
    try:
        briefer, client = _setup(run)
    except BriefingError as e:
        raise _fail(err, e) from None
    loaded = read_inputs(files, run, err, written=(manifests,))
    for error in loaded.errors:
        error_line(err, error)
    try:
        estimate = _estimate(briefer, list(loaded))
        if max_cost is not None and estimate is None:
            raise ConfigurationError(f"--max-cost needs a price for {briefer.settings.model!r}: add one with --prices FILE")
        if max_cost is not None and estimate is not None and estimate > max_cost:
            raise CostLimitError(f"not submitted: the batch's estimate (${estimate:.4f} at batch prices) would pass "
                                 f"--max-cost ${max_cost:g}; submit fewer files or raise --max-cost")
        done = submit_batch(briefer, [(str(loaded.paths[a.id or ""]), a) for a in loaded], client=client,
                            folder=manifests)
    except BriefingError as e:
        raise _fail(err, e) from None
    print(done.batch_id)
    if not run.quiet:
        cost = "cost unknown (no price; add one with --prices FILE)" if estimate is None else f"at most ${estimate:.4f}"
        err.print(f"{plural(done.requests, 'request')} from {plural(len(loaded), 'article')}; manifest {done.manifest}; "
                  f"check with `briefing batch status {done.batch_id}`; {cost} at batch prices",
                  highlight=False, soft_wrap=True, markup=False)
    if loaded.errors:
        raise typer.Exit(1)


@batch_app.command()
def status(
    batch_id: Annotated[str, typer.Argument(help="The id `briefing batch submit` printed.", metavar="BATCH_ID")],
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server with a Batch API.")] = None,
) -> None:
    """Print the batch's status and request counts."""
    from briefing.brief.batch_api import status as batch_status

    err = Console(stderr=True)
    try:
        _, client = _setup(RunOptions(base_url=base_url))
        batch = batch_status(batch_id, client=client)
    except BriefingError as e:
        raise _fail(err, e) from None
    counts = batch.request_counts
    done = f"{counts.completed} done, {counts.failed} failed of {counts.total}" if counts else "no counts yet"
    print(f"{batch.id}: {batch.status} ({done})")


@batch_app.command()
def collect(
    batch_id: Annotated[str, typer.Argument(help="The id `briefing batch submit` printed.", metavar="BATCH_ID")],
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
        briefer, client = _setup(RunOptions(model=model, base_url=base_url, cache=cache))
        results = collect_batch(briefer, batch_id, client=client, folder=manifests, reask_live=reask_live)
    except BriefingError as e:
        raise _fail(err, e) from None
    tally = RunTally(briefer.settings.model, briefer.prices)
    for problem in results.problems:
        err.print(f"[bold red]error:[/bold red] {escape(problem)}", highlight=False, soft_wrap=True)
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
    if tally.failed or results.problems:
        raise typer.Exit(1)
