"""Briefer.abrief with a stubbed model call: a failed chunk leaves no request running behind it."""

from __future__ import annotations

import asyncio

import pytest

from briefing import Article, AuthenticationError, Briefer
from briefing.core.options import BriefingOptions

PARAGRAPH = "The council said the bridge would close for repairs next month. " * 8


def test_a_failed_chunk_cancels_the_chunks_still_under_way():
    briefer = Briefer(api_key="sk-test-not-a-real-key", options=BriefingOptions(model="gpt-4o-mini", context_tokens=200))
    article = Article(text="\n\n".join([PARAGRAPH] * 6))
    assert len(briefer._chunks(article)) > 2
    calls = []

    async def aextract(messages, response_model, *, context, max_retries, article=None, max_tokens=None):
        calls.append("started")
        if len(calls) == 1:
            raise AuthenticationError("rejected the API key", status=401)
        await asyncio.sleep(0.1)
        calls.append("finished")  # a request nobody waits for any more
        raise AuthenticationError("rejected the API key", status=401)

    briefer.llm.aextract = aextract

    async def run():
        with pytest.raises(AuthenticationError):
            await briefer.abrief(article)
        await asyncio.sleep(0.3)  # a chunk left running would finish by now

    asyncio.run(run())
    assert "finished" not in calls
