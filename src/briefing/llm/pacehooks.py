"""Hook a ``pacing.Pacer`` into an HTTP client: every chat request waits on it, every answer
teaches it.

The hooks are httpx ``event_hooks`` (sync functions for a sync client, coroutines for an async
one), so they see every request the SDK sends, re-asks and retries included, and every answer's
headers, whether the client was built here or given by the user. A request's cost is estimated
the way the provider counts it: its prompt (messages, tools, schema) plus its output budget.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any

from briefing.llm.pacing import Pacer
from briefing.text.chunking import estimate_tokens

PACED_PATHS = ("/chat/completions",)
"""Request paths the pacer counts (the Files and Batches endpoints are not rate limited this way)."""

def _estimate(text: str) -> int:
    """``chunking.estimate_tokens``, with a fast path for ASCII text (most prompts)."""
    if text.isascii():
        return math.ceil(len(text) / 4)
    return estimate_tokens(text)


def request_tokens(body: Mapping[str, Any]) -> int:
    """A chat request's token cost as the provider reserves it: prompt (messages, tools, schema)
    plus the output budget (``max_tokens`` or ``max_completion_tokens``)."""
    prompt = "".join(str(m.get("content") or "") for m in body.get("messages", []) if isinstance(m, Mapping))
    extras = [body[k] for k in ("tools", "response_format", "functions") if body.get(k)]
    tokens = _estimate(prompt) + (_estimate(json.dumps(extras)) if extras else 0)
    output = body.get("max_completion_tokens") or body.get("max_tokens") or 0
    return tokens + (int(output) if isinstance(output, (int, float)) else 0)


def _paced(request: Any) -> int | None:
    """The token cost of an httpx request the pacer counts, else None."""
    if request.method != "POST" or not request.url.path.endswith(PACED_PATHS):
        return None
    try:
        body = json.loads(request.content or b"{}")
    except (ValueError, UnicodeDecodeError):
        return 1
    return request_tokens(body) if isinstance(body, dict) else 1


_TICKET = "briefing.pacer_ticket"


def event_hooks(pacer: Pacer, *, is_async: bool) -> dict[str, list[Callable[..., Any]]]:
    """httpx ``event_hooks`` that pace every chat request and learn from every answer's headers."""
    key = f"{_TICKET}.{id(pacer)}"

    def learn(response: Any) -> None:
        ticket = response.request.extensions.get(key)
        if ticket is not None:
            pacer.observe(response.status_code, response.headers, ticket)

    if is_async:
        async def arequest(request: Any) -> None:
            tokens = _paced(request)
            if tokens is not None:
                request.extensions[key] = await pacer.aacquire(tokens)

        async def aresponse(response: Any) -> None:
            learn(response)

        return {"request": [arequest], "response": [aresponse]}

    def request(request: Any) -> None:
        tokens = _paced(request)
        if tokens is not None:
            request.extensions[key] = pacer.acquire(tokens)

    return {"request": [request], "response": [learn]}


def attach(http_client: Any, pacer: Pacer, *, is_async: bool) -> bool:
    """Add ``pacer``'s hooks to an httpx client (once per pacer); False if it has no event hooks."""
    hooks = getattr(http_client, "event_hooks", None)
    if not isinstance(hooks, dict):
        return False
    attached: set[int] = getattr(http_client, "_briefing_pacers", set())
    if id(pacer) in attached:
        return True
    new = event_hooks(pacer, is_async=is_async)
    http_client.event_hooks = {
        "request": list(hooks.get("request", [])) + new["request"],
        "response": list(hooks.get("response", [])) + new["response"],
    }
    attached.add(id(pacer))
    try:
        http_client._briefing_pacers = attached
    except AttributeError:
        pass
    return True
