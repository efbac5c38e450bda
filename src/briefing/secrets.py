"""Keep API keys out of messages, logs and tracebacks: ``scrub``, ``redact`` and the log filter.

``scrub`` replaces given secrets and anything key-like in a text; ``redact`` does the same with
every API key the library has been configured with. ``protect_logs`` remembers a key and installs
the redacting filter on the loggers of openai, instructor and httpx.
"""

from __future__ import annotations

import logging
import re
import threading

_SECRET = re.compile(
    r"\b(?:sk|rk|pk|sess)-[A-Za-z0-9_*\-]{6,}"  # OpenAI-style keys, masked ones included
    r"|\bBearer\s+[^\s,;'\"]+"  # bearer tokens
    r"|\b(?:api[-_]?key|authorization|token)\s*[=:]\s*[^\s,;'\"&]+"  # key=..., api-key: ...
    r"|\b[0-9a-f]{32}\b"  # Azure-style hex keys
    r"|[\w\-.]*\*{4,}[\w\-.]*",  # any masked key the server echoes ("replay-k*****cret")
    re.IGNORECASE,
)
_REDACTED = "[redacted]"

_LIBRARY_LOGGERS = ("openai", "instructor", "httpx", "httpx2", "httpcore", "httpcore2")
_keys: set[str] = set()
_keys_lock = threading.Lock()


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` with each of ``secrets`` and anything key-like replaced by ``[redacted]``."""
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return _SECRET.sub(_REDACTED, text)


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
