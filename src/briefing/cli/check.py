"""The ``briefing check`` command: check claims against articles, print verdicts or JSON lines.

``briefing check "CLAIM" PATHS...`` checks one claim; ``--claims FILE`` checks each non-blank
line of FILE, in order, and with ``--json`` prints exactly one JSON object per claim (a claim
that fails prints ``{"claim": ..., "error": ...}`` in its place). A file that cannot be read is
reported and left out; the exit status is 1 when anything failed, 2 for a usage error.
"""

from __future__ import annotations

import json as json_module
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from briefing.core.errors import BriefingError, ConfigurationError, InputError
from briefing.core.models import Article
from briefing.core.options import (
    MISSING_CONFIGURATION,
    MODE_NAMES,
    BriefingOptions,
    resolve_settings,
)
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
        raise InputError("give the articles to check against: files or folders of *.txt", reason="usage")
    return claims, [Path(p) for p in paths]


def _briefer(offline: bool, model: str | None, mode: str, base_url: str | None,
             err: Console) -> Any:
    """A ``Briefer`` when a model is configured and not ``--offline``; else None (with a note)."""
    if offline:
        return None
    settings = resolve_settings(model=model, mode=mode, base_url=base_url)
    if not settings.configured:
        if model or base_url:
            raise ConfigurationError(MISSING_CONFIGURATION)
        err.print("[yellow]note:[/yellow] no model configured (set OPENAI_API_KEY or OPENAI_BASE_URL); "
                  "checking offline, by rules over the aligned text", highlight=False, soft_wrap=True)
        return None
    from briefing.brief.briefer import Briefer

    return Briefer(options=BriefingOptions(model=model, mode=mode), base_url=base_url)


def print_verification(v: Verification, out: Console) -> None:
    """The readable view: the verdict, each located excerpt with its article, then notes."""
    out.print(f"[{_STYLE[v.verdict]}]{v.verdict.upper().replace('_', ' ')}[/] {escape(v.claim)}",
              highlight=False, soft_wrap=True)
    for e in v.evidence:
        mark = "[green]supports[/green]   " if e.stance == "supports" else "[red]contradicts[/red]"
        out.print(f"  {mark} [bold]{escape(e.article)}[/bold] “{escape(e.evidence)}” [dim]({e.grounding})[/dim]",
                  highlight=False, soft_wrap=True)
        for d in e.differences:
            out.print(f"      [dim]claim says[/dim] {escape(d.excerpt or '—')} [dim]/ article says[/dim] "
                      f"{escape(d.article or '—')}", highlight=False, soft_wrap=True)
    for e in v.unverified:
        out.print(f"  [yellow]unverified[/yellow] [bold]{escape(e.article)}[/bold] “{escape(e.evidence)}”",
                  highlight=False, soft_wrap=True)
    for note in v.notes:
        out.print(f"  [yellow]note:[/yellow] {escape(note)}", highlight=False, soft_wrap=True)


def check_command(
    args: Annotated[list[str], typer.Argument(help='The claim in quotes, then article files or folders (their *.txt files). With --claims, only files and folders.', metavar='"CLAIM" PATHS...', show_default=False)],
    claims: Annotated[Path | None, typer.Option("--claims", help="Check each line of FILE as a claim, in order.", metavar="FILE", dir_okay=False)] = None,
    json: Annotated[bool, typer.Option("--json", help="Print each result as one JSON object per line.")] = False,
    offline: Annotated[bool, typer.Option("--offline", help="Check by rules over the aligned text; no model, no network.")] = False,
    model: Annotated[str | None, typer.Option(help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).")] = None,
    mode: Annotated[str, typer.Option(help=f"How to ask for structured output: {', '.join(MODE_NAMES)}.")] = "tools",
    base_url: Annotated[str | None, typer.Option(help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).")] = None,
    passages: Annotated[int, typer.Option(min=1, max=100, help="Passages sent to the model for each claim.")] = CheckOptions.passages,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check claims against articles: supported, contradicted or not mentioned, with the evidence."""
    from briefing.cli.app import _error, _expand
    from briefing.core.inputs import read_article

    out, err = Console(soft_wrap=False), Console(stderr=True)
    try:
        claim_list, paths = _claims_and_paths(args, claims)
        briefer = _briefer(offline, model, mode, base_url, err)
    except BriefingError as e:
        _error(err, e, debug)
        raise typer.Exit(2) from None

    failed = 0
    articles: list[Article] = []
    for path in _expand(paths):
        try:
            articles.append(read_article(path))
        except BriefingError as e:
            failed += 1
            _error(err, e, debug)
    try:
        checker = Checker(articles, briefer, options=CheckOptions(passages=passages))
    except BriefingError as e:
        _error(err, e, debug)
        raise typer.Exit(2) from None

    for claim in claim_list:
        try:
            v = checker.check(claim)
        except BriefingError as e:
            failed += 1
            _error(err, e, debug)
            if json:
                sys.stdout.write(json_module.dumps({"claim": claim, "error": str(e)}, ensure_ascii=False) + "\n")
            continue
        if json:
            sys.stdout.write(json_module.dumps(v.model_dump(mode="json"), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            print_verification(v, out)
    if failed:
        raise typer.Exit(1)
