"""Every knob that changes a briefing's answer, in one frozen object; and where settings come from.

``BriefingOptions`` holds what is asked and how the answer is shaped (model, mode, prompt
version, claim cap, language, chunk budget, re-asks, output budget, server, library version).
The cache key is derived from all of its fields, so a new knob added here can never serve a stale
cached briefing; a field that cannot change an answer (a rate limit, a price) opts out with
``metadata=NOT_IN_KEY``.

This is also the one place that reads the environment fallbacks ``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``BRIEFING_MODEL`` and ``BRIEFING_CACHE``. It imports no SDK (no openai, no
instructor), so the offline command line path never loads them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from briefing.core.errors import ConfigurationError
from briefing.core.limits import AnswerLimits

DEFAULT_MODEL = "gpt-4o-mini"
MODE_NAMES = ("tools", "json_schema", "md_json")
"""How to ask for structured output; ``llm.MODES`` maps each to instructor's mode."""
AUTO = "auto"
"""The mode that tries ``briefing.llm.modes.AUTO_ORDER`` in turn, keeping the first the server accepts."""
MISSING_CONFIGURATION = (
    "no model is configured: set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an "
    "OpenAI-compatible server such as Ollama or vLLM, or use --offline for the rule-based extractor"
)
NOT_IN_KEY: Mapping[str, Any] = {"in_cache_key": False}
"""``field(metadata=NOT_IN_KEY)`` marks an option that cannot change an answer (pacing, prices)."""


DISTRIBUTION = "grounded-briefing"
"""The name on the package index (``pip install grounded-briefing``); the import name is ``briefing``."""


@cache
def library_version() -> str:
    """The installed version of this distribution, ``grounded-briefing`` (part of every answer's
    options: a new release re-briefs)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


def endpoint(base_url: str | None) -> str:
    """The server a base URL names, as host[:port]/path: no scheme, credentials, query or fragment.

    ``None`` (the SDK's default, OpenAI) is ``""``.
    """
    if not base_url:
        return ""
    parts = urlsplit(base_url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep it out rather than fail
        port = None
    return f"{host}{f':{port}' if port else ''}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class BriefingOptions:
    """Every knob that changes a briefing's answer. Add a new knob here and nowhere else.

    Args:
        model: the model name; None means ``BRIEFING_MODEL``, else ``gpt-4o-mini`` (see
            ``resolve_options``).
        mode: ``tools``, ``json_schema``, ``md_json`` or ``auto``: how structured output is asked
            for; None (default) lets the ``Briefer`` choose from the server (``default_mode``).
        max_claims: how many claims the prompt asks for at most.
        language: the language the briefing is written in.
        context_tokens: the article budget per request; longer articles are briefed in chunks.
        max_retries: re-asks when an answer breaks the schema.
        grounding_reasks: re-asks when evidence is not found in the article.
        max_output_tokens: the answer budget (doubled once when an answer is cut off).
        prompt_version: the prompt's content hash; the ``Briefer`` fills it from its prompt.
        endpoint: the server's host[:port]/path, without credentials; the ``Briefer`` fills it.
        version: the briefing library's version.
        limits: bounds on the model's answer (``briefing.core.limits.AnswerLimits``).

    Raises:
        ConfigurationError: an unknown mode or a bound that cannot work (e.g. ``max_claims=0``).
    """

    model: str | None = None
    mode: str | None = None
    max_claims: int = 15
    language: str = "English"
    context_tokens: int = 24_000
    max_retries: int = 2
    grounding_reasks: int = 1
    max_output_tokens: int = 4096
    prompt_version: str | None = None
    endpoint: str = ""
    version: str = field(default_factory=library_version)
    limits: AnswerLimits = field(default_factory=AnswerLimits)

    def __post_init__(self) -> None:
        if self.mode is not None and self.mode not in MODE_NAMES and self.mode != AUTO:
            raise ConfigurationError(f"unknown mode {self.mode!r}: choose one of {', '.join(MODE_NAMES)} or {AUTO}")
        for name in ("max_claims", "context_tokens", "max_output_tokens"):
            if getattr(self, name) < 1:
                raise ConfigurationError(f"{name} must be at least 1, not {getattr(self, name)}")
        for name in ("max_retries", "grounding_reasks"):
            if getattr(self, name) < 0:
                raise ConfigurationError(f"{name} must be 0 or more, not {getattr(self, name)}")

    def replace(self, **changes: Any) -> BriefingOptions:
        """A copy with ``changes`` applied (and validated)."""
        return dataclasses.replace(self, **changes)

    def key_material(self) -> dict[str, Any]:
        """Every field that can change an answer, by name: what the cache key is derived from."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if f.metadata.get("in_cache_key", True)}


def resolve_options(options: BriefingOptions | None = None, *, environ: Mapping[str, str] | None = None,
                    **changes: Any) -> BriefingOptions:
    """``options`` (default: the defaults) with every non-None change applied, and the model
    resolved: the given one, else ``BRIEFING_MODEL``, else ``gpt-4o-mini``.

    Raises:
        ConfigurationError: an unknown mode or an unusable bound; TypeError for an unknown knob.
    """
    env = os.environ if environ is None else environ
    resolved = (options or BriefingOptions()).replace(**{k: v for k, v in changes.items() if v is not None})
    if not resolved.model:
        resolved = resolved.replace(model=env.get("BRIEFING_MODEL") or DEFAULT_MODEL)
    return resolved


def default_mode(base_url: str | None) -> str:
    """``tools`` for OpenAI (no base URL, or OpenAI's or Azure's host), ``auto`` for any other server."""
    if not base_url:
        return "tools"
    host = (urlsplit(base_url).hostname or "").lower()
    return "tools" if host == "api.openai.com" or host.endswith(".openai.azure.com") else AUTO


@dataclass(frozen=True)
class Settings:
    """Where and how to call the model. The key is kept out of ``repr``."""

    model: str
    mode: str = "tools"
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:  # the base URL without its credentials, never the key
        from briefing.core.secrets import redact_url

        url = redact_url(self.base_url) if self.base_url else None
        return f"Settings(model={self.model!r}, mode={self.mode!r}, base_url={url!r})"

    @property
    def configured(self) -> bool:
        """True when a key or a base URL says where to send requests."""
        return bool(self.api_key or self.base_url)


def resolve_settings(
    *,
    model: str | None = None,
    mode: str | None = None,
    api_key: str | None = None,
    base_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Combine arguments with the environment fallbacks; arguments win.

    ``mode`` None means ``tools`` for OpenAI and ``auto`` for any other base URL (``default_mode``).

    Raises:
        ConfigurationError: for an unknown mode.
    """
    env = os.environ if environ is None else environ
    if mode is not None and mode not in MODE_NAMES and mode != AUTO:
        raise ConfigurationError(f"unknown mode {mode!r}: choose one of {', '.join(MODE_NAMES)} or {AUTO}")
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    return Settings(
        model=model or env.get("BRIEFING_MODEL") or DEFAULT_MODEL,
        mode=mode or default_mode(base_url),
        base_url=base_url,
        api_key=api_key or env.get("OPENAI_API_KEY") or None,
    )


def resolve_cache(cache: str | None = None, *, environ: Mapping[str, str] | None = None) -> str | None:
    """The briefing cache folder: ``cache`` if given, else ``BRIEFING_CACHE``; None for no cache."""
    env = os.environ if environ is None else environ
    return cache or env.get("BRIEFING_CACHE") or None
