"""Secrets never reach a cassette, a repr or an error message."""

from __future__ import annotations

import re

import pytest

from briefing import Briefer
from helpers import CASSETTES, KEY_LIKE, SECRET_HEADERS

CASSETTE_FILES = sorted(CASSETTES.rglob("*.yaml"))


def test_there_are_cassettes_to_scan():
    assert len(CASSETTE_FILES) >= 9


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=lambda p: p.name)
def test_cassette_holds_no_key_or_account_header(path):
    text = path.read_text(encoding="utf-8")
    assert not KEY_LIKE.search(text)
    for header in SECRET_HEADERS:
        for match in re.finditer(rf"^\s*{header}:\s*\n\s*-\s*(.*)$", text, re.IGNORECASE | re.MULTILINE):
            assert match.group(1).strip("'\"") == "FILTERED", f"{header} kept in {path.name}"


def test_key_is_not_in_repr(monkeypatch):
    key = "sk-proj-" + "A1b2C3d4" * 6
    briefer = Briefer(model="gpt-4o-mini", api_key=key)
    assert key not in repr(briefer)
    assert key not in repr(briefer.llm) and key not in repr(briefer.settings)


# --------------------------------------------------------------------------- logs, errors, CLI

import logging

from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.core import errors
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder
from helpers import SEED

FAKE_KEY = "sk-proj-" + "Zq7Xw9Lm2Np4Rs6Tv8Ux" * 2  # recognisable, 48 characters
LOGGERS = ("", "openai", "httpx", "httpcore", "instructor", "briefing")


def _error(status: int, code: str, message: str) -> dict:
    """A fault whose body echoes the whole key, as some OpenAI-compatible servers do."""
    return {"status": status, "headers": {"retry-after-ms": 1},
            "error": {"message": message, "type": code, "param": None, "code": code}}


ECHOED_401 = _error(401, "invalid_api_key", f"Incorrect API key provided: {FAKE_KEY}.")
ECHOED_500 = _error(500, "server_error", f"upstream rejected Authorization: Bearer {FAKE_KEY}")
SCENARIOS = {"401": [ECHOED_401], "500-then-fail": [ECHOED_500] * 4}


@pytest.fixture
def debug_logs(caplog):
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name or None)
    return caplog


def _assert_no_key(*texts: str) -> None:
    for text in texts:
        assert FAKE_KEY not in text
        assert FAKE_KEY[8:30] not in text  # nor a recognisable piece of it


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_key_is_in_no_log_record_error_or_repr(scenario, seed_text, debug_logs):
    with Responder(SCENARIOS[scenario]) as server:
        briefer = Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key=FAKE_KEY,
                          retry_policy=RetryPolicy(initial_wait=0.01, max_wait=0.05))
        with pytest.raises(errors.APIError) as info:
            briefer.brief(seed_text, id="seed")

    assert len(server.requests) == len(SCENARIOS[scenario])
    records = debug_logs.records
    assert any(r.name.startswith("httpcore") for r in records)  # DEBUG really was captured
    assert any(r.name.startswith("instructor") for r in records)
    err = info.value
    _assert_no_key(str(err), repr(err), err.message, repr(briefer), repr(briefer.llm),
                   repr(briefer.settings), debug_logs.text,
                   *(r.getMessage() for r in records), *(str(r.__dict__) for r in records))


def test_redact_scrubs_a_configured_key_that_looks_unlike_a_key():
    from briefing.core.secrets import redact

    odd = "plain0dd1ooking2key3without4prefix"
    Briefer(model="gpt-4o-mini", api_key=odd)
    assert odd not in redact(f"the server said {odd}!")
    assert FAKE_KEY not in redact(f"x {FAKE_KEY} y")


runner = CliRunner()


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_cli_never_prints_the_key(scenario, debug, monkeypatch, debug_logs):
    with Responder(SCENARIOS[scenario]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = runner.invoke(app, ["brief", "--json", str(SEED), *(["--debug"] if debug else [])])

    assert result.exit_code == 1
    assert "error:" in result.stderr
    if debug:
        assert "Traceback" in result.stderr
    _assert_no_key(result.stdout, result.stderr, debug_logs.text)
