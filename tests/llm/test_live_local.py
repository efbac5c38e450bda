"""Against a running OpenAI-compatible server (``pytest -m live``; skipped without one).

Start one with ``scripts/local_model.sh FOLDER`` and point the tests at it:

    BRIEFING_TEST_BASE_URL=http://127.0.0.1:8080/v1 pytest -m live

The model's words are whatever the server's model says, so these tests check what the library
guarantees whatever the answer: every kept excerpt is located or marked not_found, a rejected mode
is a configuration error sent once, and auto moves on from a rejected mode.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from briefing import Briefer
from briefing.core import errors
from briefing.llm.retry import RetryPolicy
from helpers import briefer_args

BASE_URL = os.environ.get("BRIEFING_TEST_BASE_URL", "")
MODEL = os.environ.get("BRIEFING_TEST_MODEL", "local")
SLOW = RetryPolicy(max_attempts=1, timeout=900.0)  # a 135M model on 2 cores takes minutes

pytestmark = [pytest.mark.live,
              pytest.mark.block_network(allowed_hosts=[urlsplit(BASE_URL).hostname or "127.0.0.1"])]


def briefer(**kwargs) -> Briefer:
    return Briefer(**briefer_args(model=MODEL, base_url=BASE_URL, retry_policy=SLOW, **kwargs))


def test_tools_mode_briefs_the_seed_with_every_excerpt_located_or_not_found(seed_text):
    briefing = briefer(mode="tools").brief(seed_text, id="seed")
    assert briefing.usage.requests >= 1
    for index, claim in enumerate(briefing.claims):
        if claim.grounding == "not_found":
            assert claim.span is None and index in briefing.grounding_summary.untrusted
        else:
            assert claim.span is not None and seed_text[claim.span.start:claim.span.end]


def test_a_mode_the_server_rejects_is_a_configuration_error_sent_once(seed_text):
    try:
        briefer(mode="json_schema", max_retries=0).brief(seed_text, id="seed")
    except errors.ModeRejectedError as e:
        assert e.usage.requests == 1 and "json_schema" in str(e)
    except errors.ExtractionError:
        pytest.skip("this server accepts json_schema")


def test_auto_settles_on_a_mode_the_server_accepts(seed_text):
    b = briefer(mode="auto", max_retries=0)
    try:
        b.brief(seed_text, id="seed")
    except errors.ExtractionError:
        pass  # a small model may still break the schema; the mode was accepted all the same
    assert b.llm.mode in b.llm.auto_modes
