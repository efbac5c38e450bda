"""A local OpenAI-compatible responder that serves authored answers, for tests, cassettes and soaks.

It answers ``POST /v1/chat/completions`` on loopback the way the OpenAI API does: a tool call when
the request offers tools, JSON content for ``response_format`` or Markdown-JSON prompts, and real
error bodies and headers for faults. Each reply comes from a script: a list of reply dicts (usually
loaded from an authored answers file) or a function of the request.

Reply keys: ``answer`` (an object: the model's structured answer), ``raw`` (the answer text sent
verbatim, e.g. broken JSON), ``refusal`` (text), ``finish_reason``, ``status`` with ``error`` and
``headers`` (an HTTP fault), ``delay`` (seconds before answering), ``drop`` (close the connection).

With ``rate_limits`` (``RateLimits``), every 200 carries the ``x-ratelimit-*`` headers the OpenAI API
sends with each answer; the cassettes are recorded so (a reply's own ``headers`` win).
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

Reply = dict[str, Any]
Script = list[Reply] | Callable[[dict[str, Any], int], Reply]


def load_answers(path: str | Path) -> list[Reply]:
    """Read an authored answers file: JSON with a ``replies`` list (and free-form ``notes``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["replies"])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _tokens(text: str) -> int:
    """A deterministic stand-in for a tokenizer: about four characters a token."""
    return max(1, len(text) // 4)


def completion_body(request: dict[str, Any], reply: Reply, seq: int) -> dict[str, Any]:
    """Build a chat.completion body shaped like the OpenAI API's for ``reply``."""
    body_key = json.dumps(request, sort_keys=True, ensure_ascii=False)
    ident = _digest(body_key, str(seq))
    if "raw" in reply:
        text = reply["raw"]
    elif "answer" in reply:
        text = json.dumps(reply["answer"], ensure_ascii=False)
    else:
        text = None
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None, "annotations": []}
    finish = reply.get("finish_reason", "stop")
    if reply.get("refusal"):
        message["refusal"] = reply["refusal"]
    elif request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [{
            "id": f"call_{ident[:24]}", "type": "function",
            "function": {"name": name, "arguments": text or "{}"},
        }]
        finish = reply.get("finish_reason", "tool_calls")
    elif request.get("response_format"):
        message["content"] = text
    else:
        message["content"] = text if "raw" in reply else f"```json\n{text}\n```"
    prompt = "".join(str(m.get("content") or "") for m in request.get("messages", []))
    prompt_tokens = _tokens(prompt) + (_tokens(json.dumps(request.get("tools", ""))) if request.get("tools") else 0)
    completion_tokens = _tokens(text or reply.get("refusal") or "")
    return {
        "id": f"chatcmpl-{ident[:29]}",
        "object": "chat.completion",
        "created": 1763990000 + seq,
        "model": reply.get("model", request.get("model", "gpt-4o-mini")),
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0, "audio_tokens": 0,
                "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
        "system_fingerprint": "fp_authored",
    }


def _duration(seconds: float) -> str:
    """A reset time as the API writes it: ``6ms``, ``0s``, ``1.5s``, ``2m0s``."""
    if seconds < 1:
        milliseconds = round(seconds * 1000)
        return f"{milliseconds}ms" if milliseconds else "0s"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}m{rest:g}s" if minutes else f"{rest:g}s"


def request_cost(request: dict[str, Any]) -> int:
    """What the API reserves of a key's tokens for ``request``: its prompt and its output budget."""
    prompt = "".join(str(m.get("content") or "") for m in request.get("messages", []) if isinstance(m, dict))
    extras = json.dumps([request[k] for k in ("tools", "response_format") if request.get(k)])
    budget = request.get("max_completion_tokens") or request.get("max_tokens") or 0
    return _tokens(prompt) + (_tokens(extras) if extras != "[]" else 0) + (budget if isinstance(budget, int) else 0)


@dataclass(frozen=True)
class RateLimits:
    """A key's per-minute limits, sent back as the OpenAI API does with every answer: the
    ``x-ratelimit-limit-*``, ``-remaining-*`` and ``-reset-*`` headers (the shape of recorded live
    answers; the defaults are a gpt-4o-mini key's). Nothing refills while a test runs."""

    requests: int = 10_000
    tokens: int = 30_000_000

    def headers(self, requests_so_far: int, tokens_so_far: int) -> dict[str, str]:
        """The headers of the answer to the ``requests_so_far``-th request, ``tokens_so_far``
        reserved by it and those before it."""
        left = max(0, self.requests - requests_so_far)
        used = self.requests - left
        return {
            "x-ratelimit-limit-project-requests": str(self.requests),
            "x-ratelimit-limit-requests": str(self.requests),
            "x-ratelimit-limit-tokens": str(self.tokens),
            "x-ratelimit-remaining-project-requests": str(left),
            "x-ratelimit-remaining-requests": str(left),
            "x-ratelimit-remaining-tokens": str(max(0, self.tokens - tokens_so_far)),
            "x-ratelimit-reset-project-requests": _duration(used * 60 / self.requests),
            "x-ratelimit-reset-requests": _duration(used * 60 / self.requests),
            "x-ratelimit-reset-tokens": _duration(min(tokens_so_far, self.tokens) * 60 / self.tokens),
        }


def reply_response(request: dict[str, Any], reply: Reply, seq: int, *,
                   limit_headers: Mapping[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    """The HTTP status, body and headers that answer ``request`` with ``reply`` (the ``seq``-th);
    a 200 also carries ``limit_headers`` (``RateLimits.headers``)."""
    status = reply.get("status", 200)
    payload = reply["error_body"] if "error_body" in reply else (
        {"error": reply["error"]} if status != 200 else completion_body(request, reply, seq)
    )
    data = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    headers = {"content-type": "application/json", "content-length": str(len(data)),
               "openai-processing-ms": str(200 + seq), "openai-version": "2020-10-01",
               "x-request-id": f"req_{_digest(str(seq), json.dumps(request, sort_keys=True))[:32]}"}
    if status == 200 and limit_headers:
        headers.update(limit_headers)
    headers.update({name: str(value) for name, value in reply.get("headers", {}).items()})
    return status, data, headers


class Scripted:
    """A script of replies handed out in request order, every request kept (thread-safe)."""

    def __init__(self, script: Script, *, rate_limits: RateLimits | None = None) -> None:
        self.script = script
        self.rate_limits = rate_limits
        self.requests: list[dict[str, Any]] = []
        self._reserved: list[int] = []  # tokens reserved up to and including each request
        self._lock = threading.Lock()

    def limit_headers(self, seq: int) -> dict[str, str]:
        """The ``x-ratelimit-*`` headers for the answer to request ``seq`` (none without ``rate_limits``)."""
        if self.rate_limits is None:
            return {}
        with self._lock:
            reserved = self._reserved[seq]
        return self.rate_limits.headers(seq + 1, reserved)

    def _next(self, request: dict[str, Any]) -> tuple[Reply, int]:
        with self._lock:
            seq = len(self.requests)
            self.requests.append(request)
            self._reserved.append((self._reserved[-1] if self._reserved else 0) + request_cost(request))
            if callable(self.script):
                return self.script(request, seq), seq
            if seq < len(self.script):
                return self.script[seq], seq
        return {"status": 500, "error": {
            "message": f"authored answers ran out: request {seq + 1} has no reply in the script",
            "type": "server_error", "param": None, "code": "script_exhausted"}}, seq


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 drops connections from concurrent clients

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (timed out, closed) before a slow reply is expected, not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """A server on 127.0.0.1 run in a thread while the ``with`` block lasts; subclasses set
    ``_server`` and ``_thread``."""

    _server: ThreadingHTTPServer
    _thread: threading.Thread

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL of the server, ``http://127.0.0.1:PORT/v1``."""
        host, port = self._server.server_address[:2]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{port}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class Responder(Scripted, LoopbackServer):
    """Serve a script of replies on ``http://127.0.0.1:PORT/v1``. Use as a context manager.

    Attributes:
        requests: every request body received, in order.
        base_url: where to point ``openai.OpenAI(base_url=...)``.
    """

    def __init__(self, script: Script, *, port: int = 0, rate_limits: RateLimits | None = None) -> None:
        Scripted.__init__(self, script, rate_limits=rate_limits)
        responder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                reply, seq = responder._next(request)
                if reply.get("delay"):
                    time.sleep(reply["delay"])
                if reply.get("drop"):
                    self.close_connection = True
                    self.connection.close()
                    return
                status, data, headers = reply_response(request, reply, seq,
                                                       limit_headers=responder.limit_headers(seq))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = _Server(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)  # a quick shutdown
