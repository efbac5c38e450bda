"""An in-process model for unit tests: openai clients whose requests never leave the process.

``FakeModel(script)`` answers each request from a script of replies, exactly as the loopback
``Responder`` does (the same wire format, tool calls, faults and headers), but through
``httpx.MockTransport``: no socket, no thread, no port. Pass ``fake.client()`` (or
``fake.async_client()``) to a ``Briefer`` and read ``fake.requests`` afterwards. The cassettes
still pin the real wire format; this is for tests that only need a model's answer.

    >>> fake = FakeModel([{"answer": {"evidence": [], "verdict": "not_mentioned"}}])
    >>> fake.client().base_url.host
    'fake-model.invalid'
"""

from __future__ import annotations

import json
from typing import Any

import openai

try:  # current openai releases send through httpx2, older ones through httpx
    import httpx2 as httpx
except ImportError:  # pragma: no cover - the lowest allowed openai
    import httpx  # type: ignore[no-redef,import-not-found]

from briefing.testing.responder import Scripted, reply_response

FAKE_KEY = "fake-model-key-not-a-secret"
"""The key the fake clients carry (a request must carry one; it is never checked)."""


class FakeModel(Scripted):
    """Answer chat completions in process from ``script`` (a list of replies, or a function of
    the request body and its number). ``requests`` holds every request body, in order."""

    base_url = "http://fake-model.invalid/v1"

    def _handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content or b"{}")
        reply, seq = self._next(body)
        if reply.get("drop"):
            raise httpx.RemoteProtocolError("the fake model dropped the connection", request=request)
        status, data, headers = reply_response(body, reply, seq, limit_headers=self.limit_headers(seq))
        return httpx.Response(status, headers=headers, content=data)

    def client(self, **kwargs: Any) -> openai.OpenAI:
        """An ``openai.OpenAI`` whose every request this fake answers (no SDK retries)."""
        transport = httpx.MockTransport(self._handle)
        return openai.OpenAI(api_key=FAKE_KEY, base_url=self.base_url, max_retries=0,
                             http_client=httpx.Client(transport=transport), **kwargs)

    def async_client(self, **kwargs: Any) -> openai.AsyncOpenAI:
        """The ``openai.AsyncOpenAI`` twin of ``client``."""
        transport = httpx.MockTransport(self._handle)
        return openai.AsyncOpenAI(api_key=FAKE_KEY, base_url=self.base_url, max_retries=0,
                                  http_client=httpx.AsyncClient(transport=transport), **kwargs)
