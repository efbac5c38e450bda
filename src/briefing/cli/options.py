"""The options the ``briefing`` commands share, each a typer ``Annotated`` alias with one help text
and one default, and ``RunOptions``, what one command was given.

``takes_run_options`` adds the shared options a command takes to its signature and hands them to
it gathered in one ``run: RunOptions``, so ``brief``, ``check``, ``daily``, ``eval`` and ``batch
submit`` cannot drift apart. The options about the model and its spending show in their own help
panel.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from briefing.core.options import BriefingOptions, resolve_cache

MODEL_PANEL = "Model and spending"
"""The help panel of the options that choose the model, pace it and bound what it costs."""


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
    "--model", "-m", help="Model name (default: $BRIEFING_MODEL or gpt-4o-mini).", show_default=False, rich_help_panel=MODEL_PANEL)]
ModeOption = Annotated[Mode | None, typer.Option(
    "--mode", show_default=False,
    help="How to ask for structured output: json_schema/md_json for servers without tool calling; auto tries "
         "tools, json_schema, md_json in turn (default: tools for OpenAI, auto for other servers).", rich_help_panel=MODEL_PANEL)]
BaseUrlOption = Annotated[str | None, typer.Option(
    "--base-url", help="An OpenAI-compatible server (default: $OPENAI_BASE_URL).", show_default=False, rich_help_panel=MODEL_PANEL)]
OfflineOption = Annotated[bool, typer.Option(
    "--offline", help="Use the rule-based extractor: no model, no network, no cost.", rich_help_panel=MODEL_PANEL)]
ExtractorOption = Annotated[ExtractorChoice, typer.Option(
    "--extractor", help="auto: the model when one is configured, else offline; llm: fail without a model.", rich_help_panel=MODEL_PANEL)]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", min=0.001, metavar="SECONDS", show_default=False,
    help="How long to wait for one answer from the model before trying again (default: 120); retries may "
         "then start until 1.5 times as long after the first attempt (at least 180 s). Raise it for a slow "
         "local server.", rich_help_panel=MODEL_PANEL)]
RetriesOption = Annotated[int | None, typer.Option(
    "--retries", min=0, max=20, metavar="N", show_default=False,
    help="Retries after a timeout, a dropped connection, a rate limit or a server error (default: 3); "
         "no new attempt starts 180 s after the first (1.5 times --timeout, when that is longer).", rich_help_panel=MODEL_PANEL)]
RpmOption = Annotated[float | None, typer.Option(
    "--rpm", min=0.001, show_default=False,
    help="Your key's requests per minute (default: learned from the server's rate-limit headers).", rich_help_panel=MODEL_PANEL)]
TpmOption = Annotated[float | None, typer.Option(
    "--tpm", min=1, show_default=False,
    help="Your key's tokens per minute (default: learned from the server's rate-limit headers).", rich_help_panel=MODEL_PANEL)]
MaxCostOption = Annotated[float | None, typer.Option(
    "--max-cost", min=0, metavar="DOLLARS", show_default=False,
    help="Start no new request once the spend so far plus its estimate would pass DOLLARS.", rich_help_panel=MODEL_PANEL)]
PricesOption = Annotated[Path | None, typer.Option(
    "--prices", metavar="FILE", dir_okay=False, show_default=False,
    help="A JSON price table laid over the shipped one (dollars per 1M tokens).", rich_help_panel=MODEL_PANEL)]
CacheOption = Annotated[Path | None, typer.Option(
    "--cache", metavar="DIR", file_okay=False, show_default=False,
    help="Keep model briefings in DIR and reuse them on a re-run: an article already briefed with the same "
         "settings sends no request (default: $BRIEFING_CACHE, else no cache).", rich_help_panel=MODEL_PANEL)]
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


# ------------------------------------------------------------------- the shared options, by field
SHARED_OPTIONS: dict[str, Any] = {
    "model": ModelOption, "mode": ModeOption, "base_url": BaseUrlOption, "offline": OfflineOption,
    "extractor": ExtractorOption, "timeout": TimeoutOption, "retries": RetriesOption, "rpm": RpmOption,
    "tpm": TpmOption, "max_cost": MaxCostOption, "prices": PricesOption, "cache": CacheOption,
    "quiet": QuietOption, "max_claims": MaxClaimsOption, "out": OutOption, "debug": DebugOption,
}
"""Each ``RunOptions`` field's command-line option."""

Command = TypeVar("Command", bound=Callable[..., Any])


def takes_run_options(*names: str) -> Callable[[Command], Command]:
    """Give a command the shared options ``names`` (``RunOptions`` fields), after its own, and call
    it with them gathered in its ``run: RunOptions`` parameter; a field not named keeps its default.

    Raises:
        ValueError: a name that is no shared option, or a command without a ``run`` parameter.
    """
    unknown = [n for n in names if n not in SHARED_OPTIONS]
    if unknown:
        raise ValueError(f"no shared option {', '.join(unknown)}; the shared options are {', '.join(SHARED_OPTIONS)}")
    defaults = {f.name: f.default for f in fields(RunOptions)}

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        if "run" not in signature.parameters:
            raise ValueError(f"{command.__name__} takes no `run` parameter to gather its shared options in")
        own = [p for p in signature.parameters.values() if p.name != "run"]
        shared = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=SHARED_OPTIONS[n], default=defaults[n])
                  for n in names]

        @functools.wraps(command)
        def with_run(*args: Any, **kwargs: Any) -> Any:
            run = RunOptions(**{n: kwargs.pop(n) for n in names if n in kwargs})
            return command(*args, run=run, **kwargs)

        parameters = [*own, *shared]
        with_run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_run.__annotations__ = {p.name: p.annotation for p in parameters}
        return with_run  # type: ignore[return-value]

    return decorate
