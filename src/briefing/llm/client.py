"""The only module that talks to openai and instructor: clients, modes, retries, usage.

Configuration arrives as ``Settings`` (resolved, with the environment fallbacks, in
``briefing.core.options``, which imports no SDK).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, NoReturn, TypeVar

import instructor
import openai
from instructor.core.hooks import Hooks
from pydantic import BaseModel

from briefing.core.errors import (
    APIError,
    BriefingError,
    ConfigurationError,
    ModeRejectedError,
    RefusalError,
    TruncatedOutputError,
)
from briefing.core.models import Usage
from briefing.core.options import MISSING_CONFIGURATION, MODE_NAMES, Settings
from briefing.core.secrets import protect_logs, protect_url, redact_url, scrub_chain
from briefing.llm.answers import answer_model, relax_answer, validating_with
from briefing.llm.failures import classify, raw_answer_text, unwrap
from briefing.llm.modes import AUTO, AUTO_ORDER, rejected, rejection
from briefing.llm.pacehooks import attach
from briefing.llm.pacing import Pacer
from briefing.llm.retry import RetryPolicy, acall_with_retries, call_with_retries

T = TypeVar("T", bound=BaseModel)

MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
assert set(MODES) == set(MODE_NAMES), "options.MODE_NAMES and llm.MODES must name the same modes"
_LOCAL_SERVER_KEY = "not-needed"  # OpenAI-compatible local servers ignore the key, the SDK wants one


@dataclass
class Answer:
    """A parsed model answer with what it cost."""

    value: Any
    usage: Usage


class _Meter:
    """Counts requests and tokens across re-asks and retries, and keeps the last raw response."""

    def __init__(self) -> None:
        self.usage = Usage()
        self.last_response: Any = None

    def hooks(self) -> Hooks:
        hooks = Hooks()
        hooks.on("completion:kwargs", self._on_request)
        hooks.on("completion:response", self._on_response)
        return hooks

    def _on_request(self, *args: Any, **kwargs: Any) -> None:
        self.usage.requests += 1

    def _on_response(self, response: Any) -> None:
        self.last_response = response
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.usage.prompt_tokens += usage.prompt_tokens or 0
            self.usage.completion_tokens += usage.completion_tokens or 0
            self.usage.total_tokens += usage.total_tokens or 0
            details = getattr(usage, "prompt_tokens_details", None)
            self.usage.cached_prompt_tokens += getattr(details, "cached_tokens", None) or 0


def _client_key(client: Any) -> str | None:
    """The API key a ready-made openai (or instructor-wrapped) client carries, if any."""
    client = getattr(client, "client", client)
    key = getattr(client, "api_key", None)
    return key if isinstance(key, str) else None


def _refusal(response: Any) -> str | None:
    """The refusal or content-filter reason in a response, if any."""
    try:
        choice = response.choices[0]
    except (AttributeError, IndexError, TypeError):
        return None
    if choice.finish_reason == "content_filter":
        return "the provider's content filter stopped the answer"
    refusal = getattr(choice.message, "refusal", None)
    return f"the model refused: {refusal}" if refusal else None


class LLM:
    """A configured model endpoint that returns validated pydantic answers.

    Args:
        settings: model, mode, base URL and key (see ``resolve_settings``).
        client: a ready-made ``openai.OpenAI`` / ``AsyncOpenAI`` (Azure, Ollama, vLLM, ...), or an
            instructor client; when None one is built from ``settings``.
        policy: the retry policy for rate limits, server faults and timeouts.
        max_output_tokens: the answer budget (a call may ask for less); doubled once when an
            answer is cut off.
        pacer: the rate limiter every request waits on and every answer teaches (``pacing.py``);
            its hooks are added to the HTTP client, a given one included. None: no pacing.
        auto_modes: the modes ``auto`` tries, in order (default ``briefing.llm.modes.AUTO_ORDER``).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        client: Any = None,
        policy: RetryPolicy | None = None,
        max_output_tokens: int = 4096,
        pacer: Pacer | None = None,
        auto_modes: tuple[str, ...] = AUTO_ORDER,
    ) -> None:
        if not auto_modes or any(m not in MODES for m in auto_modes):
            raise ConfigurationError(f"auto_modes must name some of {', '.join(MODES)}; got {auto_modes!r}")
        self.settings = settings
        self.pacer = pacer
        self.auto_modes = auto_modes
        self.policy = policy or RetryPolicy()
        self.max_output_tokens = max_output_tokens
        self._given = client
        self._sync: dict[str, Any] = {}  # an instructor client per mode
        self._async: dict[str, Any] = {}
        self._token_parameter = "max_tokens"  # learned per endpoint, see _learn
        self._send_temperature = True
        self._rejected_modes: set[str] = set()  # learned per endpoint under auto, see _fall_back
        if client is None and not settings.configured:
            raise ConfigurationError(MISSING_CONFIGURATION)
        protect_logs(settings.api_key or _client_key(client))
        protect_url(settings.base_url)  # a URL's credentials, wherever a server or the SDK repeats them

    def __repr__(self) -> str:
        url = redact_url(self.settings.base_url) if self.settings.base_url else None
        return f"LLM(model={self.settings.model!r}, mode={self.settings.mode!r}, base_url={url!r})"

    # ------------------------------------------------------------------ clients

    def _openai_kwargs(self) -> dict[str, Any]:
        return {
            "api_key": self.settings.api_key or _LOCAL_SERVER_KEY,
            "base_url": self.settings.base_url,
            "max_retries": 0,  # our one retry policy decides; attempts must not multiply
            "timeout": self.policy.timeout,
        }

    @property
    def mode(self) -> str:
        """The mode requests use now: the settings', or under auto the first not rejected yet."""
        if self.settings.mode != AUTO:
            return self.settings.mode
        return next((m for m in self.auto_modes if m not in self._rejected_modes), self.auto_modes[-1])

    def _fall_back(self, error: ModeRejectedError) -> None:
        """Under auto, remember that this endpoint rejects ``error.mode``; raise ``error`` when no
        other mode is left to try (or the mode was asked for by name)."""
        if self.settings.mode != AUTO or isinstance(self._given, (instructor.Instructor, instructor.AsyncInstructor)):
            raise error
        self._rejected_modes.add(error.mode)
        if self.mode in self._rejected_modes:
            raise error

    def _wrap(self, client: Any, mode: str) -> Any:
        if isinstance(client, (instructor.Instructor, instructor.AsyncInstructor)):
            return client
        if isinstance(client, (openai.OpenAI, openai.AsyncOpenAI)):
            client = client.with_options(max_retries=0, timeout=self.policy.timeout)
            return instructor.from_openai(client, mode=MODES[mode])
        raise ConfigurationError(
            f"unsupported client {type(client).__name__}: pass an openai.OpenAI, openai.AsyncOpenAI "
            "(or their Azure variants) or an instructor client"
        )

    def _client(self, is_async: bool, mode: str | None = None) -> Any:
        """The instructor client for ``mode`` (default: the mode requests use now), built once."""
        mode = mode or self.mode
        if is_async:
            if mode not in self._async:
                given = self._given
                if given is None:
                    given = openai.AsyncOpenAI(**self._openai_kwargs())
                elif not isinstance(given, (openai.AsyncOpenAI, instructor.AsyncInstructor)):
                    raise ConfigurationError("abrief needs an async client: pass openai.AsyncOpenAI(...)")
                self._pace(given, is_async=True)
                self._async[mode] = self._wrap(given, mode)
            return self._async[mode]
        if mode not in self._sync:
            given = self._given
            if given is None:
                given = openai.OpenAI(**self._openai_kwargs())
            elif isinstance(given, (openai.AsyncOpenAI, instructor.AsyncInstructor)):
                raise ConfigurationError("brief needs a sync client: pass openai.OpenAI(...), or use abrief")
            self._pace(given, is_async=False)
            self._sync[mode] = self._wrap(given, mode)
        return self._sync[mode]

    def _pace(self, client: Any, is_async: bool) -> None:
        """Hook the pacer into the HTTP client under ``client`` (an instructor client wraps one)."""
        if self.pacer is not None:
            http = getattr(getattr(client, "client", client), "_client", None)
            attach(http, self.pacer, is_async=is_async)

    # ------------------------------------------------------------------ calls

    def _request(self, messages: list[dict[str, str]], response_model: type[T], context: dict,
                 max_retries: int, max_tokens: int, meter: _Meter, mode: str) -> dict[str, Any]:
        hooks = meter.hooks()
        if mode == "md_json":  # instructor decodes the Markdown's JSON strictly before validation
            hooks.on("completion:response", relax_answer)
        return {
            "model": self.settings.model,
            "messages": messages,
            "response_model": answer_model(response_model),
            "context": context,  # for the validators only (``answers.validating_with``), never instructor's
            "max_retries": max_retries,
            "max_tokens": max_tokens,
            "temperature": 0,
            "hooks": hooks,
        }

    def _adapted(self, request: dict[str, Any]) -> dict[str, Any]:
        """``request`` with the parameters this endpoint has been found to reject replaced or dropped,
        and a fresh copy of its validation context: the context counts grounding re-asks, and each
        attempt (a retry after a 500, the doubled output budget) gets its own full budget."""
        request = dict(request)
        if isinstance(request.get("context"), dict):
            request["context"] = dict(request["context"])
        if self._token_parameter != "max_tokens":
            request[self._token_parameter] = request.pop("max_tokens")
        if not self._send_temperature:
            request.pop("temperature", None)
        return request

    def _learn(self, exc: BaseException, sent: dict[str, Any]) -> bool:
        """Adapt to a 400 that rejects ``max_tokens`` or ``temperature`` (OpenAI's reasoning models
        take ``max_completion_tokens`` and only the default temperature); True when the request
        should be resent. Judged by what ``sent`` carried, not by what this endpoint has learned
        since: a concurrent request may have adapted while this one was in flight."""
        err = unwrap(exc)
        if not isinstance(err, openai.BadRequestError):
            return False
        if err.param == "max_tokens" and "max_tokens" in sent:
            self._token_parameter = "max_completion_tokens"
            return True
        if err.param == "temperature" and "temperature" in sent:
            self._send_temperature = False
            return True
        return False

    def _mode_rejected(self, exc: BaseException, mode: str) -> ModeRejectedError | None:
        """The configuration error when the server answered that it does not accept ``mode``."""
        if isinstance(self._given, (instructor.Instructor, instructor.AsyncInstructor)):
            return None  # its mode is its own; we cannot tell what it sent
        words = rejection(exc, mode)
        if words is None:
            return None
        return rejected(mode, words, status=getattr(unwrap(exc), "status_code", 0), where=self.base_url,
                        secrets=(self.settings.api_key or _client_key(self._given) or "",))

    def _create(self, client: Any, mode: str, request: dict[str, Any]) -> Any:
        """Send ``request``, resending once per sampling parameter the model turns out to reject;
        a rejected mode raises ``ModeRejectedError`` at once (the retry policy never retries it)."""
        while True:
            sent = self._adapted(request)
            try:
                with validating_with(sent.pop("context", None)):
                    return client.chat.completions.create(**sent)
            except Exception as e:
                if (error := self._mode_rejected(e, mode)) is not None:
                    raise error from e
                if not self._learn(e, sent):
                    raise

    async def _acreate(self, client: Any, mode: str, request: dict[str, Any]) -> Any:
        """Async ``_create``."""
        while True:
            sent = self._adapted(request)
            try:
                with validating_with(sent.pop("context", None)):
                    return await client.chat.completions.create(**sent)
            except Exception as e:
                if (error := self._mode_rejected(e, mode)) is not None:
                    raise error from e
                if not self._learn(e, sent):
                    raise

    @property
    def base_url(self) -> str | None:
        """The base URL requests go to: the settings', else the given client's (``.../v1``)."""
        if self.settings.base_url:
            return self.settings.base_url
        client = getattr(self._given, "client", self._given)  # an instructor client wraps an openai one
        url = getattr(client, "base_url", None)
        return str(url).rstrip("/") if url else None

    def _describe(self, article: str | None):
        def describe(exc: BaseException) -> BriefingError:
            return classify(exc, model=self.settings.model, base_url=self.base_url, article=article)
        return describe

    def _refused(self, error: BriefingError, meter: _Meter, article: str | None) -> BriefingError:
        """A refusal or content filter explains an answer-level failure better than the parse error."""
        refusal = _refusal(meter.last_response)
        if refusal is None or isinstance(error, APIError):
            return error
        return RefusalError(f"{refusal}; nothing was briefed, skip this article or try another model",
                            raw_answer=raw_answer_text(meter.last_response),
                            attempts=meter.usage.requests, article=article)

    def extract(self, messages: list[dict[str, str]], response_model: type[T], *,
                context: dict, max_retries: int, article: str | None = None,
                max_tokens: int | None = None) -> Answer:
        """Ask the model for ``response_model``, with re-asks, retries and one larger output budget.

        Raises:
            BriefingError: an ``APIError`` subclass, ``ExtractionError``, ``RefusalError`` or
                ``TruncatedOutputError``, each with a message saying what to do.
        """
        meter = _Meter()
        while True:  # under auto, once more per mode the server rejects
            mode = self.mode
            client = self._client(is_async=False, mode=mode)
            try:
                for request in self._requests(messages, response_model, context, max_retries, meter, mode,
                                              max_tokens):
                    try:
                        value = call_with_retries(partial(self._create, client, mode, request),
                                                  self.policy, describe=self._describe(article))
                        return Answer(value, meter.usage)
                    except TruncatedOutputError as e:
                        truncated = e  # try again with the doubled budget
                    except BriefingError as e:
                        self._fail(e, meter, article)
                self._fail(truncated, meter, article)
            except ModeRejectedError as e:
                self._fall_back(e)

    async def aextract(self, messages: list[dict[str, str]], response_model: type[T], *,
                       context: dict, max_retries: int, article: str | None = None,
                       max_tokens: int | None = None) -> Answer:
        """Async ``extract``; same behaviour and errors."""
        meter = _Meter()
        while True:  # under auto, once more per mode the server rejects
            mode = self.mode
            client = self._client(is_async=True, mode=mode)
            try:
                for request in self._requests(messages, response_model, context, max_retries, meter, mode,
                                              max_tokens):
                    try:
                        value = await acall_with_retries(partial(self._acreate, client, mode, request),
                                                         self.policy, describe=self._describe(article))
                        return Answer(value, meter.usage)
                    except TruncatedOutputError as e:
                        truncated = e  # try again with the doubled budget
                    except BriefingError as e:
                        self._fail(e, meter, article)
                self._fail(truncated, meter, article)
            except ModeRejectedError as e:
                self._fall_back(e)

    def _requests(self, messages: list[dict[str, str]], response_model: type[T], context: dict,
                  max_retries: int, meter: _Meter, mode: str,
                  max_tokens: int | None = None) -> Iterator[dict[str, Any]]:
        """The request to send, then the same with a doubled output budget if the first was cut off."""
        first = min(max_tokens or self.max_output_tokens, self.max_output_tokens)
        for budget in (first, first * 2):
            yield self._request(messages, response_model, context, max_retries, budget, meter, mode)

    def _fail(self, error: BriefingError, meter: _Meter, article: str | None) -> NoReturn:
        """Raise ``error`` (or the refusal that explains it) carrying what the call spent."""
        refused = self._refused(error, meter, article)
        refused.usage = meter.usage
        scrub_chain(error)  # the SDK's exceptions below it may quote the key: the user may log them
        if refused is error:
            raise error  # keeps its cause (the SDK's error); `from error` would make it its own cause
        raise refused from error
