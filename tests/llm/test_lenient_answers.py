"""Answers with raw control characters inside JSON strings, as small local models write them (issue 18,
item 18), replayed from authored cassettes (tests/answers/raw_control_characters*.json, see
cassettes/README.md) through the SDK, instructor and the library, in every mode the library uses.

Strict JSON (and pydantic) rejects a raw newline or tab inside a string; the library reads such an
answer as ``json.loads(strict=False)`` would, so the schema alone decides. JSON broken otherwise
still fails after the re-asks, and the re-asks name its real fault.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from briefing import Briefer
from briefing.core import errors
from briefing.llm.retry import RetryPolicy
from helpers import briefer_args

pytestmark = pytest.mark.vcr

FAST = RetryPolicy(initial_wait=0.01, max_wait=0.05, max_total_wait=1.0)
SUMMARY_BREAK = "step back from the alliance.\nEurope is raising"


def briefer(client, mode: str) -> Briefer:
    return Briefer(**briefer_args(model="gpt-4o-mini", mode=mode, client=client, retry_policy=FAST))


def sent(vcr) -> list[dict]:
    return [json.loads(r.body) for r in vcr.requests]


def assert_parsed_as_written(briefing, seed_text: str) -> None:
    assert briefing.usage.requests == 1  # no re-ask: the first answer was accepted
    assert SUMMARY_BREAK in briefing.summary  # the raw newline, kept as the newline it is
    assert briefing.claims[0].statement.startswith("\tWestern diplomats")  # the raw tab
    assert len(briefing.claims) == 13 and len(briefing.disputes) == 3
    for claim in briefing.claims:
        assert claim.grounding == "exact" and seed_text[claim.span.start:claim.span.end] == claim.evidence


def assert_served_raw(vcr) -> None:
    """The cassette really holds raw control characters inside strings (what strict JSON rejects)."""
    body = json.loads(vcr.responses[0]["body"]["string"])
    message = body["choices"][0]["message"]
    text = message["tool_calls"][0]["function"]["arguments"] if message.get("tool_calls") else message["content"]
    with pytest.raises(json.JSONDecodeError, match="Invalid control character"):
        json.loads(text.removeprefix("```json\n").removesuffix("\n```"))


@pytest.mark.answers("raw_control_characters")
def test_raw_control_characters_in_tool_call_arguments_parse(llm_client, seed_text, vcr):
    briefing = briefer(llm_client, "tools").brief(seed_text)

    assert_served_raw(vcr)
    assert sent(vcr)[0].get("tools")
    assert_parsed_as_written(briefing, seed_text)


@pytest.mark.answers("raw_control_characters")
def test_raw_control_characters_in_json_schema_content_parse(llm_client, seed_text, vcr):
    briefing = briefer(llm_client, "json_schema").brief(seed_text)

    assert_served_raw(vcr)
    assert sent(vcr)[0]["response_format"]["type"] == "json_schema"
    assert_parsed_as_written(briefing, seed_text)


@pytest.mark.answers("raw_control_characters_md")
def test_raw_control_characters_in_a_markdown_json_block_parse(llm_client, seed_text, vcr):
    briefing = briefer(llm_client, "md_json").brief(seed_text)

    assert_served_raw(vcr)
    assert "tools" not in sent(vcr)[0] and "response_format" not in sent(vcr)[0]
    assert_parsed_as_written(briefing, seed_text)


@pytest.mark.answers("raw_control_characters")
def test_raw_control_characters_parse_in_the_async_twin(async_llm_client, seed_text, vcr):
    briefing = asyncio.run(briefer(async_llm_client, "tools").abrief(seed_text))

    assert_served_raw(vcr)
    assert_parsed_as_written(briefing, seed_text)


@pytest.mark.answers("raw_control_characters_broken")
def test_broken_json_with_raw_control_characters_still_fails_after_the_reasks(llm_client, seed_text, vcr):
    with pytest.raises(errors.ExtractionError) as info:
        briefer(llm_client, "tools").brief(seed_text, id="seed")

    err = info.value
    assert err.attempts == vcr.play_count == 3  # the first answer and 2 re-asks (max_retries=2)
    assert "did not fit the briefing schema" in str(err) and str(err).startswith("seed: ")
    assert err.raw_answer is not None and SUMMARY_BREAK in err.raw_answer
    reasks = [json.dumps(body["messages"][2:]) for body in sent(vcr)[1:]]
    assert len(reasks) == 2
    for reask in reasks:  # the model is told its real fault, not the newline the library accepts
        assert "trailing comma" in reask and "control character" not in reask
