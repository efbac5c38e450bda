"""The one exception tree. Every error the library raises is a ``BriefingError``.

Messages say what went wrong and how to fix it, in one line, and never contain an API key.
Structured attributes carry the details for code that wants them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.models import Usage


class BriefingError(Exception):
    """Root of every error raised by briefing.

    Attributes:
        article: the article's id, when the error concerns one article.
        usage: what the failed call spent (a ``briefing.Usage``), when requests were sent.
    """

    usage: Usage | None = None

    def __init__(self, message: str, *, article: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.article = article

    def __str__(self) -> str:
        if self.article:
            return f"{self.article}: {self.message}"
        return self.message


class ConfigurationError(BriefingError):
    """The library is not set up to reach a model (no key, no base URL, bad mode)."""


class ModeRejectedError(ConfigurationError):
    """The server does not accept the structured-output mode (tools, json_schema); retrying cannot help.

    Attributes:
        mode: the rejected mode.
        status: the HTTP status the server answered with.
    """

    def __init__(self, message: str, *, mode: str, status: int | None = None,
                 article: str | None = None) -> None:
        super().__init__(message, article=article)
        self.mode = mode
        self.status = status


class InputError(BriefingError):
    """The article cannot be briefed as given (missing file, empty, binary, not UTF-8, HTML)."""

    def __init__(self, message: str, *, reason: str, path: str | None = None,
                 article: str | None = None) -> None:
        super().__init__(message, article=article or path)
        self.reason = reason
        self.path = path


class APIError(BriefingError):
    """The model's server answered with an error, or could not be reached."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 request_id: str | None = None, article: str | None = None) -> None:
        super().__init__(message, article=article)
        self.status = status
        self.code = code
        self.request_id = request_id


class AuthenticationError(APIError):
    """401/403: the API key is missing, wrong or lacks permission."""


class ModelNotFoundError(APIError):
    """404: the server does not serve the requested model."""


class RateLimitError(APIError):
    """429 after every retry was spent."""


class QuotaExceededError(APIError):
    """429 insufficient_quota: the account is out of credit; retrying cannot help."""


class ServiceUnavailableError(APIError):
    """5xx, timeouts or dropped connections after every retry was spent."""


class ContextLengthError(APIError):
    """400: the prompt does not fit the model's context window."""


class ExtractionError(BriefingError):
    """The model's answers could not be turned into a valid briefing."""

    def __init__(self, message: str, *, raw_answer: str | None = None, attempts: int = 0,
                 article: str | None = None) -> None:
        super().__init__(message, article=article)
        self.raw_answer = raw_answer
        self.attempts = attempts


class RefusalError(ExtractionError):
    """The model refused, or a content filter stopped the answer."""


class TruncatedOutputError(ExtractionError):
    """The answer hit the output token limit even with a larger budget."""


class PromptError(BriefingError):
    """A prompt template is missing or was rendered without a variable it needs."""


class CostLimitError(BriefingError):
    """An article was not started because the run's spend plus its estimate would pass the limit."""


class FetchError(InputError):
    """A feed or page could not be fetched or read: refused (robots.txt, a PDF, too large), or the
    server failed (404, 500, a timeout, a redirect loop). The day goes on without it.

    Attributes:
        url: the URL asked for, credentials redacted.
        reason: one word for code: ``robots``, ``status``, ``timeout``, ``too_large``,
            ``not_a_page``, ``redirects``, ``connection``, ``url``, ``no_entries``, ``no_text``,
            ``unreadable`` (a parser failed on the body; the cause is chained).
        status: the HTTP status, when the server answered.
    """

    def __init__(self, message: str, *, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(message, reason=reason, path=url, article=url)
        self.url = url
        self.status = status


class SourcesError(ConfigurationError):
    """A sources file cannot be used as written; the message names the file, the place and the fix.

    Attributes:
        path: the sources file.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
