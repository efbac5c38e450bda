"""Shared test setup: the cassette policy (design.md) and clients that replay or record cassettes.

Replay is the default (``--record-mode=none --block-network`` in pyproject). ``scripts/record_cassettes.py``
re-records with ``--record-mode=rewrite``: each cassette test is then served by the local responder
(``briefing.testing.responder``) with the authored answers named by its ``answers`` marker, and the recorded
URIs are rewritten to ``https://api.openai.com/v1``. With ``BRIEFING_LIVE=1`` and a real
``OPENAI_API_KEY``, recording goes to the live API instead.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import openai
import pytest
from hypothesis import settings

from briefing.testing.responder import RateLimits, Responder, load_answers
from helpers import ANSWERS, CASSETTES, OPENAI_URL, REPLAY_KEY, SECRET_HEADERS, SEED

# Property tests draw the same examples in every run and keep no database: a run in CI is the
# run on a developer's machine.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.load_profile("repeatable")


def _to_openai_uri(request):
    """Record every request as if it went to the OpenAI API, whatever served it."""
    parts = urlsplit(request.uri)
    if parts.hostname in ("127.0.0.1", "localhost"):
        path = parts.path
        request.uri = urlunsplit(("https", "api.openai.com", path, parts.query, ""))
        request.headers["host"] = "api.openai.com"
    return request


def _scrub_response(response):
    """Drop account headers and cookies from recorded responses."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            headers[name] = ["FILTERED"]
    return response


_PYDANTIC_DOCS = re.compile(r"https://errors\.pydantic\.dev/[0-9][0-9.]*/")


def json_body_matcher(r1, r2) -> None:
    """Requests match when their JSON bodies are equal (key order aside); a multipart upload (the
    Files API) when its parts are, whatever its random boundary.

    A re-ask quotes pydantic's validation errors, whose links name the installed pydantic's
    version (``errors.pydantic.dev/2.14/v/...``); that part is compared without the version, so
    the cassettes replay under every pydantic the project allows.
    """
    def load(body):
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        if body and body.startswith("--"):  # multipart: the first line is the boundary
            return body.replace(body.split("\r\n", 1)[0], "--BOUNDARY")
        return json.loads(_PYDANTIC_DOCS.sub("https://errors.pydantic.dev/VERSION/", body)) if body else None
    assert load(r1.body) == load(r2.body), "request JSON bodies differ (prompt, schema or article changed)"


def pytest_recording_configure(config, vcr):
    vcr.register_matcher("json_body", json_body_matcher)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request) -> str:
    return str(CASSETTES / Path(str(request.node.fspath)).stem)


@pytest.fixture
def vcr_config() -> dict:
    return {
        "filter_headers": [(name, None) for name in SECRET_HEADERS],
        "match_on": ["method", "uri", "json_body"],
        "before_record_request": _to_openai_uri,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }


@pytest.fixture(autouse=True)
def _every_interaction_played(request, record_mode):
    """A cassette test that leaves recorded interactions unplayed fails."""
    yield
    if record_mode != "none" or "vcr" not in request.fixturenames:
        return
    cassette = request.getfixturevalue("vcr")
    if cassette is not None and not cassette.all_played:
        unplayed = len(cassette.data) - cassette.play_count
        pytest.fail(f"{unplayed} recorded interaction(s) were never requested")


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _endpoint(request, record_mode):
    """Yield (base_url, api_key) for replay, authored recording or live recording."""
    if record_mode == "none":
        yield OPENAI_URL, REPLAY_KEY
    elif os.environ.get("BRIEFING_LIVE") == "1":
        yield os.environ.get("OPENAI_BASE_URL", OPENAI_URL), os.environ["OPENAI_API_KEY"]
    else:
        marker = request.node.get_closest_marker("answers")
        assert marker, f"{request.node.name} needs @pytest.mark.answers(NAME) to be recorded"
        # every 200 carries x-ratelimit-* headers, as the API's always do, so that replays teach the pacer
        with Responder(load_answers(ANSWERS / f"{marker.args[0]}.json"), rate_limits=RateLimits()) as responder:
            yield responder.base_url, REPLAY_KEY


@pytest.fixture
def llm_client(request, record_mode):
    """An ``openai.OpenAI`` that replays this test's cassette (or records it)."""
    for base_url, key in _endpoint(request, record_mode):
        yield openai.OpenAI(api_key=key, base_url=base_url)


@pytest.fixture
def async_llm_client(request, record_mode):
    """An ``openai.AsyncOpenAI`` that replays this test's cassette (or records it)."""
    for base_url, key in _endpoint(request, record_mode):
        yield openai.AsyncOpenAI(api_key=key, base_url=base_url)


@pytest.fixture
def llm_env(request, record_mode, monkeypatch):
    """Point the environment (as the CLI reads it) at this test's cassette or recorder."""
    for base_url, key in _endpoint(request, record_mode):
        monkeypatch.setenv("OPENAI_API_KEY", key)
        monkeypatch.setenv("OPENAI_BASE_URL", base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        yield


@pytest.fixture
def no_llm_env(monkeypatch):
    """An environment with no model configured."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_MODEL"):
        monkeypatch.delenv(name, raising=False)


def pytest_collection_modifyitems(config, items):
    """Skip tests marked ``live`` without a server at ``BRIEFING_TEST_BASE_URL``, and, when
    re-recording from authored answers, the ``recorded_live`` ones (before their cassette is wiped)."""
    no_server = not os.environ.get("BRIEFING_TEST_BASE_URL")
    authored = config.getoption("--record-mode", "none") != "none" and os.environ.get("BRIEFING_LIVE") != "1"
    for item in items:
        if no_server and item.get_closest_marker("live"):
            item.add_marker(pytest.mark.skip(reason="needs a running server: set BRIEFING_TEST_BASE_URL "
                                                    "(see scripts/local_model.sh)"))
        if authored and item.get_closest_marker("recorded_live"):
            item.add_marker(pytest.mark.skip(reason="its cassette is a live recording: re-record it with "
                                                    "BRIEFING_LIVE=1 against the server"))
