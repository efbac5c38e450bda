"""What every ``briefing`` command shares: its options, its error line, and the one decision
"offline rules or a model, and which model settings".

Options are typer ``Annotated`` aliases, each with one help text and one default, so ``brief``,
``check``, ``daily``, ``eval`` and ``batch submit`` cannot drift apart. A command gathers what it
was given into a ``RunOptions`` and calls ``choose_extractor``; ``make_briefer`` is the one place a
``Briefer`` is built. The SDK-using modules (``briefing.brief.briefer``, ``briefing.llm.retry``)
are imported only when a model is used, so an offline run never loads openai, instructor, httpx
or tenacity.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.traceback import Traceback

from briefing.core.errors import ConfigurationError
from briefing.core.loaders import LoadedArticles, load_articles
from briefing.core.models import Article, Briefing
from briefing.core.options import (
    MISSING_CONFIGURATION,
    BriefingOptions,
    resolve_cache,
    resolve_settings,
)
from briefing.core.secrets import redact

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer
    from briefing.llm.retry import RetryPolicy


class Mode(str, Enum):
    """How to ask a model for structured output (``--mode``)."""

    tools = "tools"
    json_schema = "json_schema"
    md_json = "md_json"
    auto = "auto"


class ExtractorChoice(str, Enum):
    """``--extractor``: the model when one is configured (auto), always the model, or the rules."""

    auto = "auto"
    llm = "llm"
    offline = "offline"


DEFAULT_MAX_CLAIMS = BriefingOptions.max_claims
"""The claim cap when ``--max-claims`` is not given: the model's default, and the offline rules'."""

# ------------------------------------------------------------------ the shared options (one help each)
ModelOption = Annotated[str | None, typer.Option(
    "--model", "-m", help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).", show_default=False)]
ModeOption = Annotated[Mode | None, typer.Option(
    "--mode", show_default=False,
    help="How to ask for structured output: json_schema/md_json for servers without tool calling; auto tries "
         "tools, json_schema, md_json in turn (default: tools for OpenAI, auto for other servers).")]
BaseUrlOption = Annotated[str | None, typer.Option(
    "--base-url", help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).", show_default=False)]
OfflineOption = Annotated[bool, typer.Option(
    "--offline", help="Use the rule-based extractor: no model, no network, no cost.")]
ExtractorOption = Annotated[ExtractorChoice, typer.Option(
    "--extractor", help="auto: the model when one is configured, else offline; llm: fail without a model.")]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", min=0.001, metavar="SECONDS", show_default=False,
    help="How long to wait for one answer from the model before trying again (default: 120); retries may "
         "then start until 1.5 times as long after the first attempt (at least 180 s). Raise it for a slow "
         "local server.")]
RetriesOption = Annotated[int | None, typer.Option(
    "--retries", min=0, max=20, metavar="N", show_default=False,
    help="Retries after a timeout, a dropped connection, a rate limit or a server error (default: 3); "
         "no new attempt starts 180 s after the first (1.5 times --timeout, when that is longer).")]
RpmOption = Annotated[float | None, typer.Option(
    "--rpm", min=0.001, show_default=False,
    help="Your key's requests per minute (default: learned from the server's rate-limit headers).")]
TpmOption = Annotated[float | None, typer.Option(
    "--tpm", min=1, show_default=False,
    help="Your key's tokens per minute (default: learned from the server's rate-limit headers).")]
MaxCostOption = Annotated[float | None, typer.Option(
    "--max-cost", min=0, metavar="DOLLARS", show_default=False,
    help="Start no new request once the spend so far plus its estimate would pass DOLLARS.")]
PricesOption = Annotated[Path | None, typer.Option(
    "--prices", metavar="FILE", dir_okay=False, show_default=False,
    help="A JSON price table laid over the shipped one (dollars per 1M tokens).")]
CacheOption = Annotated[Path | None, typer.Option(
    "--cache", metavar="DIR", file_okay=False, show_default=False,
    help="Keep model briefings in DIR and reuse them on a re-run: an article already briefed with the same "
         "settings sends no request (default: $BRIEFING_CACHE, else no cache).")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress bar, notes or cost line on stderr; errors still show.")]
MaxClaimsOption = Annotated[int | None, typer.Option(
    "--max-claims", min=1, max=200, metavar="N", show_default=False,
    help=f"At most N claims per article, the first in article order, for the model and the offline "
         f"extractor alike (default: {DEFAULT_MAX_CLAIMS}).")]
OutOption = Annotated[Path | None, typer.Option(
    "--out", "-o", metavar="FILE", dir_okay=False, show_default=False,
    help="Write the output to FILE instead of stdout; daily picks the format by its suffix: .html (one "
         "self-contained page), .md or .json. The file is never read back as an article.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
SourcesOption = Annotated[Path | None, typer.Option(
    "--sources", metavar="FILE", dir_okay=False, show_default=False,
    help="A sources file (TOML): outlets with their feeds, pages and labels, and optionally the model, "
         "out and history; options given here win over it.")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="WHEN", show_default=False,
    help="Keep feed entries and pages published from WHEN on: an ISO date (that whole day) or time, local "
         "time unless it has an offset (default with feeds or pages: the last 24 hours). Undated ones are "
         "kept and named in a note.")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="WHEN", show_default=False,
    help="Keep feed entries and pages published up to WHEN (an ISO date: to its end; or a time).")]
FetchCacheOption = Annotated[Path | None, typer.Option(
    "--fetch-cache", metavar="DIR", file_okay=False, show_default=False,
    help="Keep fetched feeds and pages with their ETag/Last-Modified in DIR, so a re-run downloads only what "
         "changed (default: $XDG_CACHE_HOME/briefing/fetch, else ~/.cache/briefing/fetch).")]


@dataclass(frozen=True)
class RunOptions:
    """The shared options one command was given (None: not given, the documented default holds)."""

    model: str | None = None
    mode: Mode | None = None
    base_url: str | None = None
    offline: bool = False
    extractor: ExtractorChoice = ExtractorChoice.auto
    timeout: float | None = None
    retries: int | None = None
    rpm: float | None = None
    tpm: float | None = None
    max_cost: float | None = None
    prices: Path | None = None
    cache: Path | None = None
    quiet: bool = False
    max_claims: int | None = None
    out: Path | None = None
    debug: bool = False

    @property
    def wants_offline(self) -> bool:
        return self.offline or self.extractor is ExtractorChoice.offline

    def written(self) -> list[Path]:
        """What the run writes (its ``--out`` file, its cache folder): never read as input."""
        cache = resolve_cache(str(self.cache) if self.cache is not None else None)
        return [p for p in (self.out, Path(cache) if cache else None) if p is not None]


@dataclass(frozen=True)
class Chosen:
    """The extractor a run uses: ``extract(article) -> Briefing``, and its ``briefer`` when it is a
    model (None for the offline rules)."""

    extract: Callable[[Article], Briefing]
    briefer: Briefer | None = None

    @property
    def uses_model(self) -> bool:
        return self.briefer is not None


# ------------------------------------------------------------------------------- lines on stderr
def error_line(console: Console, error: BaseException, debug: bool = False) -> None:
    """Print ``error`` as one ``error:`` line (with ``debug``, its traceback first, keys redacted)."""
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


def note_line(console: Console, text: str, *, quiet: bool = False) -> None:
    """Print a ``note:`` line, unless ``quiet``."""
    if not quiet:
        console.print(f"[yellow]note:[/yellow] {escape(text)}", highlight=False, soft_wrap=True)


def refuse(command: str, **given: tuple[Any, str]) -> None:
    """Fail, before any request, for an option given to a command it cannot apply to.

    ``given`` maps an option's name to (its value, why it does not apply); None/False is "not given".

    Raises:
        ConfigurationError: naming the first option given, and why.
    """
    for name, (value, why) in given.items():
        if value not in (None, False):
            raise ConfigurationError(f"--{name.replace('_', '-')} does not apply to `briefing {command}`: {why}; "
                                     "leave it out")


# ------------------------------------------------------------------------ offline rules or a model
def offline_extractor(max_claims: int | None = None) -> Callable[[Article], Briefing]:
    """The offline rules, held to ``max_claims`` claims (default ``DEFAULT_MAX_CLAIMS``) as a model is."""
    from briefing.offline import brief_offline

    return partial(brief_offline, max_claims=max_claims or DEFAULT_MAX_CLAIMS)


def retry_policy(run: RunOptions) -> RetryPolicy | None:
    """The retry policy ``--timeout`` and ``--retries`` ask for; None (the default) if neither."""
    if run.timeout is None and run.retries is None:
        return None
    # the openai SDK comes with it: imported for a model run only
    from briefing.llm.retry import RetryPolicy

    policy = RetryPolicy()
    if run.timeout is not None:
        policy = policy.with_timeout(run.timeout)  # raises max_elapsed with it: a slow server needs both
    if run.retries is not None:
        policy = replace(policy, max_attempts=run.retries + 1)
    return policy


def make_briefer(run: RunOptions, *, model: str | None = None) -> Briefer:
    """The ``Briefer`` for ``run`` (``model`` overrides ``--model``): the one place one is built.

    Raises:
        ConfigurationError: no key or base URL, an unknown mode, an unusable cache folder, or a
            ``--tpm`` smaller than one request (which would wait for hours before each one).
    """
    from briefing.brief.briefer import Briefer
    from briefing.llm.pacing import Pacer

    settings = resolve_settings(model=model or run.model, mode=run.mode.value if run.mode else None,
                                base_url=run.base_url)
    options = BriefingOptions(model=model or run.model, mode=settings.mode,
                              max_claims=run.max_claims or DEFAULT_MAX_CLAIMS)
    briefer = Briefer(options=options, base_url=run.base_url, retry_policy=retry_policy(run),
                      cache=resolve_cache(str(run.cache) if run.cache is not None else None),
                      pacer=Pacer(run.rpm, run.tpm), prices=run.prices)
    if run.tpm is not None:
        prompt, output = briefer.estimate(Article(text="A one-line article."))
        if run.tpm < prompt + output:
            raise ConfigurationError(
                f"--tpm {run.tpm:g} is smaller than one request: the smallest brief reserves about "
                f"{prompt + output:,} tokens (its prompt and its answer's budget), so each request would wait "
                f"{(prompt + output) / run.tpm:.0f} minutes; give --tpm at least {prompt + output:,}, or leave it out")
    return briefer


def model_configured(run: RunOptions, err: Console, *, fallback: str) -> bool:
    """Whether ``run`` uses a model: not when offline was asked for, nor when none is configured
    (said on stderr as a note that ends with ``fallback``).

    Raises:
        ConfigurationError: ``--extractor llm`` or ``--model`` given with no model configured.
    """
    if run.wants_offline:
        return False
    settings = resolve_settings(model=run.model, mode=run.mode.value if run.mode else None, base_url=run.base_url)
    if settings.configured:
        return True
    if run.extractor is ExtractorChoice.llm or run.model:
        raise ConfigurationError(MISSING_CONFIGURATION)
    note_line(err, f"no model configured (set OPENAI_API_KEY or OPENAI_BASE_URL); {fallback}", quiet=run.quiet)
    return False


def choose_extractor(run: RunOptions, err: Console, *,
                     fallback: str = "using the offline rule-based extractor") -> Chosen:
    """The extractor every command uses: a model ``Briefer`` when one is configured and not
    ``--offline``, else the offline rules (both held to ``--max-claims``).

    Raises:
        ConfigurationError: a model asked for with none configured, an unknown mode, a bad cache.
    """
    if not model_configured(run, err, fallback=fallback):
        return Chosen(offline_extractor(run.max_claims))
    briefer = make_briefer(run)
    return Chosen(briefer, briefer)


# -------------------------------------------------------------------------------------- output
def check_out(out: Path | None) -> None:
    """Check, before any request is sent, that ``--out`` names a file this run can write: not a
    folder, and in a folder that exists or can be made, and that takes new files.

    Raises:
        ConfigurationError: naming ``--out`` and what to do.
    """
    if out is None:
        return
    if out.is_dir():
        raise ConfigurationError(f"--out {out}: is a folder; give the name of a file to write")
    folder = out.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest folder that exists: the rest would be made
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        what = "is not a folder" if not folder.is_dir() else "is not writable"
        raise ConfigurationError(f"--out {out}: cannot write there ({folder} {what}); "
                                 "give a file in a folder you can write to")


@contextmanager
def output(out: Path | None) -> Iterator[TextIO | None]:
    """The ``--out`` file opened for writing, or None for stdout. The text goes to a temporary
    file in the same folder (made if needed), moved into place when the block ends normally (a
    ``typer.Exit`` too); on any other error it is removed and an existing ``out`` is left as it was."""
    if out is None:
        yield None
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            try:
                yield stream
            except (typer.Exit, SystemExit):
                stream.close()
                os.replace(temp, out)
                raise
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def write_out(out: Path, text: str) -> None:
    """Write ``text`` to ``out`` atomically (``output``)."""
    with output(out) as stream:
        assert stream is not None
        stream.write(text)


# --------------------------------------------------------------------------------------- input
WEB_SCHEMES = ("http://", "https://")


def split_inputs(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """(the files and folders, the http(s) URLs) among command-line ``arguments``, each in order."""
    urls = [a for a in arguments if a.strip().lower().startswith(WEB_SCHEMES)]
    return [Path(a) for a in arguments if a not in urls], [u.strip() for u in urls]


def default_fetch_cache() -> Path:
    """Where fetched feeds and pages are kept between runs unless ``--fetch-cache`` says otherwise."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing" / "fetch"


def read_inputs(paths: list[Path], run: RunOptions, err: Console, *,
                written: tuple[Path | None, ...] = ()) -> LoadedArticles:
    """The articles in ``paths`` (``briefing.core.loaders.load_articles``: every command reads the
    same files the same way, with the same ids), leaving out what this run writes (``--out``, the
    cache folder, and ``written``); each file left out is named on stderr (a note, so not with
    ``--quiet``). Unreadable files are in the result's ``errors`` for the command to report.
    """
    loaded = load_articles(paths, exclude=[*run.written(), *(p for p in written if p is not None)])
    for line in loaded.skipped:
        note_line(err, f"skipped {line}", quiet=run.quiet)
    return loaded
