"""Structured-output modes: which one to use by default, and telling a server's "I do not accept
this mode" from a fault worth retrying.

``auto`` tries ``AUTO_ORDER`` (tools, then json_schema, then md_json) and keeps the first mode the
server accepts. A server rejects a mode when it answers 400/422 naming the request parameter the
mode sends (``tools``/``tool_choice``, ``response_format``), or a 500/501 that both names it and
says it is invalid or unsupported, as the llama.cpp server does:
``500 response_format type: Input should be 'text' or 'json_object'``. Such an answer is a
configuration error, never retried as an outage.
"""

from __future__ import annotations

import openai

from briefing.core.errors import ModeRejectedError
from briefing.core.options import AUTO, default_mode
from briefing.core.secrets import scrub
from briefing.llm.failures import unwrap

AUTO_ORDER = ("tools", "json_schema", "md_json")
"""The modes ``auto`` tries, in order: the most reliable first."""
__all__ = ["AUTO", "AUTO_ORDER", "default_mode", "rejected", "rejection"]

_PARAMETERS = {"tools": ("tool",), "json_schema": ("response_format", "json_schema")}
_REFUSAL_WORDS = ("input should be", "not supported", "unsupported", "does not support", "not support",
                  "invalid", "unknown", "not allowed", "extra inputs", "unrecognized", "not implemented")


def _server_words(err: openai.APIStatusError) -> str:
    body = err.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    message = body.get("message") if isinstance(body, dict) else None
    return " ".join(str(message or err.message).split())


def rejection(exc: BaseException, mode: str) -> str | None:
    """The server's words when ``exc`` says it does not accept ``mode``; None for any other failure."""
    err = unwrap(exc)
    parameters = _PARAMETERS.get(mode)
    if parameters is None or not isinstance(err, openai.APIStatusError):
        return None
    words = _server_words(err)
    param = str(getattr(err, "param", None) or "").lower()
    lowered = words.lower()
    names_it = any(p in lowered or p in param for p in parameters)
    if err.status_code in (400, 422):
        return words if names_it else None
    if err.status_code in (500, 501):
        return words if names_it and any(w in lowered for w in _REFUSAL_WORDS) else None
    return None


def rejected(mode: str, words: str, *, status: int, where: str | None,
             secrets: tuple[str, ...] = ()) -> ModeRejectedError:
    """The configuration error for a server that rejected ``mode``, naming the modes to try."""
    others = [m for m in AUTO_ORDER if m != mode]
    if len(words) > 300:
        words = words[:299] + "…"
    text = (f"{where or 'the server'} does not accept structured-output mode {mode!r} ({status}: {words}); "
            f"use --mode {' or --mode '.join(others)} (mode={others[0]!r} in Python), or --mode auto to "
            "find one that works")
    return ModeRejectedError(scrub(text, [s for s in secrets if s]), mode=mode, status=status)
