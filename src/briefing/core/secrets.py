"""Keep API keys out of messages, logs and tracebacks: ``scrub``, ``redact`` and the log filter.

``scrub`` replaces given secrets and anything key-like in a text, and the credentials of every URL
in it (``redact_url``); ``redact`` does the same with every API key the library has been configured
with. ``protect_logs`` remembers a key and installs the redacting filter on the loggers of openai,
instructor and httpx. ``scrub_chain`` replaces the SDK exceptions chained below a ``BriefingError``
with redacted stand-ins, so that ``logger.exception`` in an application prints no key.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import urlsplit, urlunsplit

_NOT_REDACTED = r"(?!\[redacted\])"
_SECRET = re.compile(
    r"\b(?:sk|rk|pk|sess)-[A-Za-z0-9_*\-]{6,}"  # OpenAI-style keys, masked ones included
    r"|\bBearer\s+[^\s,;'\"]+"  # bearer tokens
    r"|\b(?:api[-_]?key|authorization|token)\s*[=:]\s*" + _NOT_REDACTED + r"[^\s,;'\"&]+"  # key=..., api-key: ...
    r"|\b[0-9a-f]{32}\b"  # Azure-style hex keys
    r"|[\w\-.]*\*{4,}[\w\-.]*",  # any masked key the server echoes ("replay-k*****cret")
    re.IGNORECASE,
)
_REDACTED = "[redacted]"
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>`]+", re.IGNORECASE)
_URL_TRAILER = ".,;:!?)]}"  # sentence punctuation after a URL, not part of it

SAFE_QUERY_PARAMETERS = frozenset({"api-version", "api_version"})
"""Query parameters shown as they are in a redacted URL; every other value is hidden."""

_LIBRARY_LOGGERS = ("openai", "instructor", "httpx", "httpx2", "httpcore", "httpcore2")
_keys: set[str] = set()
_keys_lock = threading.Lock()


def redact_url(url: str) -> str:
    """``url`` with its credentials hidden: the ``user:password@`` part, every query value except
    ``SAFE_QUERY_PARAMETERS`` (``token=``, ``sig=``, ``key=`` ...), and a fragment holding a value.

    The scheme, host, port and path stay, so a message still says which server it means. A URL
    that cannot be parsed is returned whole as ``[redacted]``.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return _REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{_REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = "&".join(_redact_parameter(p) for p in parts.query.split("&")) if parts.query else ""
    fragment = _REDACTED if "=" in parts.fragment else parts.fragment
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def url_secrets(url: str | None) -> list[str]:
    """The parts of ``url`` that ``redact_url`` hides: the user name and password, and every query
    or fragment value but ``SAFE_QUERY_PARAMETERS`` (each 4 characters or longer)."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
        found = [parts.username or "", parts.password or ""]
    except ValueError:
        return []
    for pair in [*parts.query.split("&"), *parts.fragment.split("&")]:
        name, has_value, value = pair.partition("=")
        if has_value and name.lower() not in SAFE_QUERY_PARAMETERS:
            found.append(value)
        elif not has_value:
            found.append(name)
    return sorted({s for s in found if len(s) >= 4}, key=len, reverse=True)


def protect_url(url: str | None) -> None:
    """Remember the credentials in ``url`` (``url_secrets`` of 8 characters or more, like API keys:
    shorter ones would blank common words), so that ``redact``, the log filter and ``scrub_chain``
    hide them wherever a server or an SDK repeats them."""
    secrets = [s for s in url_secrets(url) if len(s) >= 8]
    with _keys_lock:
        _keys.update(secrets)


def _redact_parameter(pair: str) -> str:
    name, has_value, _ = pair.partition("=")
    if not has_value:
        return _REDACTED if len(name) >= 8 else name  # a bare token ("?abcdef123456")
    return pair if name.lower() in SAFE_QUERY_PARAMETERS else f"{name}={_REDACTED}"


def _redact_urls(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        url = match.group(0)
        kept = url.rstrip(_URL_TRAILER)
        return redact_url(kept) + url[len(kept):]

    return _URL.sub(one, text)


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` with each of ``secrets``, anything key-like and every URL's credentials replaced by
    ``[redacted]``."""
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return _SECRET.sub(_REDACTED, _redact_urls(text))


def redact(text: str) -> str:
    """Return ``text`` with every configured API key and anything key-like replaced."""
    with _keys_lock:
        keys = sorted(_keys, key=len, reverse=True)
    return scrub(text, keys)


class _RedactSecrets(logging.Filter):
    """Scrubs keys from records of the SDKs' loggers: instructor logs the server's error text at
    ERROR, and a server may echo the key it rejected."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


_REDACT = _RedactSecrets()


def protect_logs(api_key: str | None) -> None:
    """Remember ``api_key`` and put the redacting filter on every openai/instructor/httpx logger.

    Logger filters do not apply to child loggers, so each existing one gets it (idempotent). The
    SDKs' records still propagate to the application's handlers; a ``NullHandler`` on instructor's
    logger only stops Python's last-resort handler from printing its per-attempt ERROR records
    (retried failures, the same text as our one-line error) on stderr of programs that did not
    configure logging.
    """
    if api_key and len(api_key) >= 8:
        with _keys_lock:
            _keys.add(api_key)
    names = [n for n in list(logging.root.manager.loggerDict)
             if any(n == p or n.startswith(p + ".") for p in _LIBRARY_LOGGERS)]
    for name in {*names, *_LIBRARY_LOGGERS}:
        logger = logging.getLogger(name)
        if _REDACT not in logger.filters:
            logger.addFilter(_REDACT)
    instructor_log = logging.getLogger("instructor")
    if not any(isinstance(h, logging.NullHandler) for h in instructor_log.handlers):
        instructor_log.addHandler(logging.NullHandler())


# --------------------------------------------------------------------------- exception chains

_MAX_STAND_IN_MESSAGE = 4000


class RedactedError(Exception):
    """Stands in for an SDK exception chained below a ``BriefingError``: the original's type name
    and message with secrets redacted, and the original's traceback.

    The originals can hold a key (a server echoing it in an error body, instructor's report of every
    failed attempt, a URL with credentials), and ``logger.exception`` prints every link of the
    chain. The error's own attributes (``status``, ``code``, ``request_id``, ``raw_answer``) keep
    the details that code needs.

    Attributes:
        original_type: the class of the exception this stands in for.
    """

    def __init__(self, message: str, original_type: type[BaseException]) -> None:
        super().__init__(message)
        self.original_type = original_type

    @classmethod
    def of(cls, exc: BaseException) -> RedactedError:
        """The stand-in for ``exc``, chained to what ``exc`` was chained to."""
        try:
            text = str(exc)
        except Exception:  # noqa: BLE001 - a broken __str__ must not hide the error being raised
            text = ""
        if len(text) > _MAX_STAND_IN_MESSAGE:
            text = text[:_MAX_STAND_IN_MESSAGE] + "…"
        name = f"{type(exc).__module__}.{type(exc).__qualname__}"
        stand_in = cls(f"{name}: {redact(text)}" if text else name, type(exc))
        stand_in.__traceback__ = exc.__traceback__
        stand_in.__cause__ = exc.__cause__
        stand_in.__context__ = exc.__context__
        stand_in.__suppress_context__ = exc.__suppress_context__
        return stand_in


def scrub_chain(error: BaseException) -> BaseException:
    """Replace, in place, every exception in ``error``'s chain (causes and contexts) that is not a
    ``BriefingError`` with a ``RedactedError``; ``error`` itself keeps its type and its traceback.
    Returns ``error``."""
    from briefing.core.errors import BriefingError

    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        link = pending.pop()
        if id(link) in seen:
            continue
        seen.add(id(link))
        suppress = link.__suppress_context__
        for attribute in ("__cause__", "__context__"):
            nested = getattr(link, attribute)
            if nested is None:
                continue
            if not isinstance(nested, (BriefingError, RedactedError)):
                nested = RedactedError.of(nested)
                setattr(link, attribute, nested)
            pending.append(nested)
        link.__suppress_context__ = suppress  # setting __cause__ would have set it
    return error
