"""What every ``briefing`` command shares besides its options (``briefing.cli.options``): its error
line, the one decision "offline rules or a model, and which model settings", and how it reads its
input and writes its output.

``choose_extractor`` is the one place a model is chosen and ``make_briefer`` the one place a
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
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.traceback import Traceback

from briefing.cli.options import DEFAULT_MAX_CLAIMS, ExtractorChoice, RunOptions
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
from briefing.core.shown import shown

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer
    from briefing.llm.retry import RetryPolicy


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
    """Print ``error`` as one ``error:`` line, control characters dropped (``core.shown``; with
    ``debug``, its traceback first, keys redacted)."""
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
    console.print(f"[bold red]error:[/bold red] {console_text(str(error))}", highlight=False, soft_wrap=True)


def console_text(text: str) -> str:
    """Article, model or server text inside a rich markup line: control characters dropped
    (``core.shown``), markup escaped."""
    return escape(shown(text))


def note_line(console: Console, text: str, *, quiet: bool = False) -> None:
    """Print a ``note:`` line (control characters dropped), unless ``quiet``."""
    if not quiet:
        console.print(f"[yellow]note:[/yellow] {console_text(text)}", highlight=False, soft_wrap=True)


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
    if _special(out):  # a FIFO, /dev/stdout: written into, so its folder need not take new files
        if not os.access(out, os.W_OK):
            raise ConfigurationError(f"--out {out}: cannot write to it; give a file you can write to")
        return
    problem = _unwritable(out.parent)
    if problem:
        raise ConfigurationError(f"--out {out}: cannot write there ({problem}); give a file in a folder you can "
                                 "write to")


def check_history(folder: Path | None) -> None:
    """Check, before any request is sent, that ``--history`` names a folder this run can keep its
    day in: one that exists and takes new files, or that can be made.

    Raises:
        ConfigurationError: naming ``--history`` and what to do.
    """
    problem = _unwritable(folder) if folder is not None else None
    if problem:
        raise ConfigurationError(f"--history {folder}: cannot keep the days there ({problem}); give a folder you "
                                 "can write to")


def _unwritable(folder: Path) -> str | None:
    """Why new files cannot be made in ``folder`` (made first if missing), or None when they can."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest folder that exists: the rest would be made
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder} is not writable"
    return None


@contextmanager
def output(out: Path | None) -> Iterator[TextIO | None]:
    """The ``--out`` file opened for writing, or None for stdout. The text goes to a temporary
    file in the same folder (made if needed), moved into place when the block ends normally (a
    ``typer.Exit`` too); on any other error it is removed and an existing ``out`` is left as it was.
    An ``out`` that exists but is no regular file (a FIFO, ``/dev/stdout``) is written into, never
    replaced."""
    if out is None:
        yield None
        return
    if _special(out):
        with out.open("w", encoding="utf-8") as special:
            yield special
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


def _special(out: Path) -> bool:
    """True when ``out`` exists and is neither a regular file nor a folder (a FIFO, a device)."""
    return out.exists() and not out.is_file() and not out.is_dir()


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
