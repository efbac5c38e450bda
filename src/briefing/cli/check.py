"""The ``briefing check`` command: check claims against articles, print verdicts or JSON lines.

``briefing check "CLAIM" PATHS...`` checks one claim; ``--claims FILE`` checks each non-blank
line of FILE, in order, and with ``--json`` prints exactly one JSON object per claim (a claim
that fails prints ``{"claim": ..., "error": ...}`` in its place). A file that cannot be read is
reported and left out; the exit status is 1 when anything failed, 2 for a usage error. With a
model, the run ends with the cost line; ``--max-cost`` starts no request past the budget.
"""

from __future__ import annotations

import json as json_module
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from briefing.cli.common import (
    check_out,
    console_text,
    error_line,
    make_briefer,
    model_configured,
    output,
    read_inputs,
    refuse,
)
from briefing.cli.options import RunOptions, takes_run_options
from briefing.cli.progress import stage_progress
from briefing.cli.run import RunSpend
from briefing.core.errors import BriefingError, InputError
from briefing.verify.checker import Checker, CheckOptions, Verification

_STYLE = {"supported": "bold green", "contradicted": "bold red", "not_mentioned": "bold yellow"}


def _claims_and_paths(args: list[str], claims_file: Path | None) -> tuple[list[str], list[Path]]:
    """The claims to check and the article paths, from the arguments.

    Raises:
        InputError: no claim, no path, or an unreadable claims file.
    """
    if claims_file is not None:
        try:
            lines = claims_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read the claims file {claims_file}: {e.__class__.__name__}; "
                             "give a UTF-8 text file with one claim a line", reason="unreadable",
                             path=str(claims_file)) from e
        claims = [line.strip() for line in lines if line.strip()]
        if not claims:
            raise InputError(f"the claims file {claims_file} has no claims: write one claim a line",
                             reason="empty", path=str(claims_file))
        paths = args
    else:
        if len(args) < 2:
            raise InputError('give the claim, then the articles: briefing check "CLAIM" FILE_OR_FOLDER...',
                             reason="usage")
        claims, paths = [args[0]], args[1:]
    if not paths:
        raise InputError("give the articles to check against: files or folders of articles", reason="usage")
    return claims, [Path(p) for p in paths]


def print_verification(v: Verification, out: Console) -> None:
    """The readable view: the verdict, each located excerpt with its article, then notes."""
    out.print(f"[{_STYLE[v.verdict]}]{v.verdict.upper().replace('_', ' ')}[/] {console_text(v.claim)}",
              highlight=False, soft_wrap=True)
    for e in v.evidence:
        mark = "[green]supports[/green]   " if e.stance == "supports" else "[red]contradicts[/red]"
        out.print(f"  {mark} [bold]{console_text(e.article)}[/bold] “{console_text(e.evidence)}” [dim]({e.grounding})[/dim]",
                  highlight=False, soft_wrap=True)
        for d in e.differences:
            out.print(f"      [dim]claim says[/dim] {console_text(d.excerpt or '—')} [dim]/ article says[/dim] "
                      f"{console_text(d.article or '—')}", highlight=False, soft_wrap=True)
    for e in v.unverified:
        out.print(f"  [yellow]unverified[/yellow] [bold]{console_text(e.article)}[/bold] “{console_text(e.evidence)}”",
                  highlight=False, soft_wrap=True)
    for note in v.notes:
        out.print(f"  [yellow]note:[/yellow] {console_text(note)}", highlight=False, soft_wrap=True)


@takes_run_options("offline", "model", "mode", "base_url", "timeout", "retries", "rpm", "tpm", "max_cost", "prices",
                   "cache", "quiet", "max_claims", "out", "debug")
def check_command(
    args: Annotated[list[str], typer.Argument(help='The claim in quotes, then article files or folders (.txt, .md, .json/.jsonl, saved .html). With --claims, only files and folders.', metavar='"CLAIM" PATHS...', show_default=False)],
    claims: Annotated[Path | None, typer.Option("--claims", help="Check each line of FILE as a claim, in order.", metavar="FILE", dir_okay=False)] = None,
    json: Annotated[bool, typer.Option("--json", help="Print each result as one JSON object per line.")] = False,
    passages: Annotated[int, typer.Option(min=1, max=100, help="Passages sent to the model for each claim.")] = CheckOptions.passages,
    *,
    run: RunOptions,
) -> None:
    """Check claims against articles: supported, contradicted or not mentioned, with the evidence."""
    err = Console(stderr=True)
    try:
        refuse("check", cache=(run.cache, "a check's answer is not kept, each claim is asked afresh"),
               max_claims=(run.max_claims, "a check extracts no claims from the articles"))
        claim_list, paths = _claims_and_paths(args, claims)
        check_out(run.out)
        uses_model = model_configured(run, err, fallback="checking offline, by rules over the aligned text")
        spend = RunSpend(make_briefer(run), True, run.max_cost) if uses_model else None
    except BriefingError as e:
        error_line(err, e, run.debug)
        raise typer.Exit(2) from None

    loaded = read_inputs(paths, run, err, written=(claims,))
    for error in loaded.errors:
        error_line(err, error, run.debug)
    try:
        checker = Checker(loaded, spend.metered() if spend else None, options=CheckOptions(passages=passages))
    except BriefingError as e:
        error_line(err, e, run.debug)
        raise typer.Exit(2) from None
    with output(run.out) as stream:
        failed = _check_all(checker, claim_list, stream or sys.stdout, err, run, spend, as_json=json)
    if spend is not None and not run.quiet:
        err.print(spend.tally.summary("checked"), highlight=False, soft_wrap=True, markup=False)
    if failed or loaded.errors:
        raise typer.Exit(1)


def _check_all(checker: Checker, claims: list[str], stream: TextIO, err: Console, run: RunOptions,
               spend: RunSpend | None, *, as_json: bool) -> int:
    """Check each claim and print its result (or its error); returns how many failed."""
    out = Console(file=stream, soft_wrap=False)
    failed = 0
    with stage_progress(err, quiet=run.quiet or len(claims) < 2) as progress:
        for n, claim in enumerate(claims, 1):
            try:
                v = checker.check(claim)
            except BriefingError as e:
                failed += 1
                if spend is not None:
                    spend.tally.count(None)
                error_line(err, e, run.debug)
                if as_json:
                    stream.write(json_module.dumps({"claim": claim, "error": str(e)}, ensure_ascii=False) + "\n")
                continue
            finally:
                if progress is not None:
                    progress("check", n, len(claims))
            if spend is not None:
                spend.tally.count(v)
            if as_json:
                stream.write(json_module.dumps(v.model_dump(mode="json"), ensure_ascii=False) + "\n")
                stream.flush()
            else:
                print_verification(v, out)
    return failed
