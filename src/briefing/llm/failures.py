"""What an API failure is: whether retrying can help, and the ``BriefingError`` that explains it.

``is_retryable`` tells transient failures (429 except ``insufficient_quota``, 408, 409, 5xx,
timeouts, dropped connections) from the rest. ``classify`` maps any failure of a model call (an
openai error, possibly inside instructor's wrappers, a cut-off or filtered answer, instructor
giving up on invalid answers) to one actionable ``BriefingError`` line that never contains an API
key (``briefing.core.secrets.scrub`` cleans each message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
)

from briefing.core.errors import (
    APIError,
    AuthenticationError,
    BriefingError,
    ContextLengthError,
    ExtractionError,
    ModelNotFoundError,
    QuotaExceededError,
    RateLimitError,
    RefusalError,
    ServiceUnavailableError,
    TruncatedOutputError,
)
from briefing.core.secrets import scrub
from briefing.core.wording import plural

_RETRYABLE_STATUS = {408, 409, 429}
_MAX_SERVER_MESSAGE = 300


def unwrap(exc: BaseException) -> BaseException:
    """Return the openai error inside instructor's wrappers (via ``__cause__``), else ``exc``."""
    inner: BaseException | None = exc
    seen: set[int] = set()
    while isinstance(inner, InstructorError) and id(inner) not in seen:
        seen.add(id(inner))
        inner = inner.__cause__ or inner.__context__
    return inner if isinstance(inner, openai.OpenAIError) else exc


def is_retryable(exc: BaseException) -> bool:
    """True for transient failures: 429 (not insufficient_quota), 408, 409, 5xx, timeouts, drops."""
    err = unwrap(exc)
    if isinstance(err, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(err, openai.APIStatusError):
        if err.status_code == 429:
            return not _is_quota(err)
        return err.status_code in _RETRYABLE_STATUS or err.status_code >= 500
    return False


def short_label(exc: BaseException) -> str:
    """A secret-free label for logs: the status and code, never the message."""
    err = unwrap(exc)
    if isinstance(err, openai.APIStatusError):
        return f"HTTP {err.status_code} {_body(err).get('code') or ''}".strip()
    return type(err).__name__


def classify(
    exc: BaseException, *, model: str | None, base_url: str | None, article: str | None
) -> BriefingError:
    """Return the ``BriefingError`` that explains ``exc`` in one actionable, key-free line.

    Understands openai errors (also inside instructor's ``InstructorRetryException``), truncated
    or filtered answers, and instructor giving up on invalid answers (``ExtractionError`` with
    the last raw answer). A ``BriefingError`` is returned as is; anything else becomes a plain
    ``BriefingError`` naming its type.
    """
    if isinstance(exc, BriefingError):
        if exc.article is None:
            exc.article = article
        return exc
    err = unwrap(exc)
    secrets = _request_secrets(err)
    where = base_url or _origin(err)

    def clean(text: str) -> str:
        return scrub(text, secrets)

    if isinstance(err, openai.APIStatusError):
        return _from_status(err, model=model, where=where, article=article, clean=clean)
    if isinstance(err, openai.APIConnectionError) and _never_connected(err):
        return ServiceUnavailableError(
            clean(f"could not connect to {where}; check the network and the base URL (OPENAI_BASE_URL)"),
            article=article)
    if isinstance(err, openai.APITimeoutError):
        within = _read_timeout(err)
        return ServiceUnavailableError(clean(
            f"{where} did not answer{f' within {within:g} s' if within else ' in time'}; check that the "
            "server is up and not overloaded (a local server may still be loading the model) and try "
            "again later; only if it is merely slow (a local model on a busy machine, a long article), raise "
            "--timeout SECONDS: it raises both the wait for each answer and the time retries may take "
            "(in Python: RetryPolicy.with_timeout)"), article=article)
    if isinstance(err, openai.APIConnectionError):
        return ServiceUnavailableError(clean(
            f"{where} closed the connection before answering ({_cause_name(err)}): the server was "
            "reached but dropped the request (it may have crashed or restarted, or a proxy cut it "
            "off); try again later, and check the server's logs if it keeps happening"), article=article)
    if isinstance(err, (openai.LengthFinishReasonError, IncompleteOutputException)):
        return TruncatedOutputError(
            "the model's answer hit the output token limit and was cut off; raise the output "
            "budget (max_tokens) or brief the article in smaller chunks", article=article)
    if isinstance(err, openai.ContentFilterFinishReasonError):
        return RefusalError("the model's content filter stopped the answer; brief this article "
                            "with another model or skip it", article=article)
    if isinstance(exc, InstructorRetryException) and exc.failed_attempts:
        last = exc.failed_attempts[-1].exception
        return ExtractionError(
            clean(f"the model's answer did not fit the briefing schema after "
                  f"{plural(exc.n_attempts, 'attempt')} ({_one_line(str(last))}); retry, use a stronger model or allow "
                  "more re-asks"),
            raw_answer=raw_answer_text(exc.last_completion), attempts=exc.n_attempts, article=article)
    if isinstance(err, openai.APIError):
        return APIError(clean(f"the request to {where} failed: {_one_line(err.message)}"), article=article)
    cause = exc.__cause__ if isinstance(exc, InstructorError) and exc.__cause__ else exc
    return BriefingError(clean(f"unexpected {type(cause).__name__}: {_one_line(str(cause))}"),
                         article=article)


def _from_status(err: openai.APIStatusError, *, model: str | None, where: str, article: str | None,
                 clean: Callable[[str], str]) -> APIError:
    status, body = err.status_code, _body(err)
    code = body.get("code") or body.get("type")
    server = _one_line(str(body.get("message") or err.message))
    said = f"{status} {code}: {server}" if code else f"{status}: {server}"
    rid = f" [request id {err.request_id}]" if err.request_id else ""
    kw: dict[str, Any] = {"status": status, "code": code, "request_id": err.request_id, "article": article}

    if status in (401, 403):
        var = "AZURE_OPENAI_API_KEY" if _is_azure(where, err) else "OPENAI_API_KEY"
        if status == 401:
            text = f"{where} rejected the API key ({said}); set {var} to a valid key"
        else:
            text = (f"{where} refused this API key access ({said}); check that its project may use "
                    f"model {model!r}, or set {var} to a key that can")
        return AuthenticationError(clean(text + rid), **kw)
    if status == 404:
        return ModelNotFoundError(clean(
            f"model {model!r} was not found at {where} ({said}); check the model name "
            f"(--model or BRIEFING_MODEL) and the base URL (OPENAI_BASE_URL){rid}"), **kw)
    if status == 429 and _is_quota(err):
        return QuotaExceededError(clean(
            f"the account is out of credit ({status} insufficient_quota); add credit or billing "
            f"details to the account, or use another key; retrying will not help{rid}"), **kw)
    if status == 429:
        return RateLimitError(clean(
            f"{where} kept rate-limiting requests ({said}); wait a minute and rerun, brief fewer "
            f"articles at once, or allow more retries (RetryPolicy){rid}"), **kw)
    if status >= 500 or status in _RETRYABLE_STATUS:
        return ServiceUnavailableError(clean(
            f"{where} kept failing ({said}); the service is having trouble, try again later{rid}"), **kw)
    if status == 400 and (code == "context_length_exceeded" or "context length" in server.lower()):
        return ContextLengthError(clean(
            f"the prompt does not fit the context window of model {model!r} ({said}); use a model with "
            f"a larger context, or brief the article in smaller chunks (lower Briefer's "
            f"context_tokens){rid}"), **kw)
    return APIError(clean(f"{where} rejected the request ({said}){rid}"), **kw)


_CONNECT_FAILURES = ("ConnectError", "ConnectTimeout")  # httpx's (or httpx2's) names


def _never_connected(err: openai.APIConnectionError) -> bool:
    """Whether the request never reached the server (refused, unresolvable, connect timeout), as
    opposed to a connection the server dropped or a reply that did not come in time."""
    cause = err.__cause__ or err.__context__
    return cause is not None and any(t.__name__ in _CONNECT_FAILURES for t in type(cause).__mro__)


def _cause_name(err: BaseException) -> str:
    cause = err.__cause__ or err.__context__
    return type(cause).__name__ if cause is not None else type(err).__name__


def _read_timeout(err: openai.APITimeoutError) -> float | None:
    """The read timeout the request was sent with (httpx keeps it on the request), if known."""
    try:
        timeout = err.request.extensions["timeout"]["read"]
    except (AttributeError, KeyError, TypeError):
        return None
    return float(timeout) if isinstance(timeout, (int, float)) else None


def _body(err: openai.APIError) -> dict[str, Any]:
    """The ``{"message", "type", "code"}`` dict of an error body, wrapped in "error" or not."""
    body = err.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    return body if isinstance(body, dict) else {}


def _is_quota(err: openai.APIStatusError) -> bool:
    body = _body(err)
    return "insufficient_quota" in (body.get("code"), body.get("type"))


def _origin(err: BaseException) -> str:
    request = getattr(err, "request", None)
    if request is None:
        return "the server"
    return str(request.url.copy_with(path="", query=None))


def _is_azure(where: str, err: openai.APIError) -> bool:
    return "azure" in where.lower() or "azure" in str(err.request.url.host).lower()


def _request_secrets(err: BaseException) -> list[str]:
    """The credentials the failed request carried, so that no message can echo them."""
    request = getattr(err, "request", None)
    if request is None:
        return []
    found = []
    for name in ("authorization", "api-key", "x-api-key"):
        value = request.headers.get(name)
        if value:
            found.append(value.removeprefix("Bearer ").strip())
    return [s for s in found if len(s) >= 8]


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_SERVER_MESSAGE else line[: _MAX_SERVER_MESSAGE - 1] + "…"


def raw_answer_text(response: Any) -> str | None:
    """The text the model sent: tool-call arguments, else message content; None without a message."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None)
    if calls:
        return calls[0].function.arguments
    return getattr(message, "content", None)
