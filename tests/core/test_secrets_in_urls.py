"""Credentials in the base URL and in the error chain (issue 11, item 7).

A base URL may carry credentials (``https://user:pass@host/v1``, ``?token=...``, ``&sig=...``);
they must appear in no error line, repr or log. And an application that logs a caught
``BriefingError`` with ``logger.exception`` prints the whole chain of causes: none may hold a key.
"""

from __future__ import annotations

import logging
import traceback

import pytest
from typer.testing import CliRunner

from briefing import Briefer
from briefing.cli.app import app
from briefing.core import errors
from briefing.core.secrets import redact_url, scrub
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder
from helpers import SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

PASSWORD, TOKEN, SIG = "hunter2pass", "tok3nV4lue99", "s1gnatureXYZ"
FAKE_KEY = "sk-proj-" + "Yr8Wq2Kp5Mn7Lt3Vb6Xc" * 2
POLICY = RetryPolicy(max_attempts=2, initial_wait=0.01, max_wait=0.02, timeout=2)
ECHOED_401 = {"status": 401, "error": {"message": f"Incorrect API key provided: {FAKE_KEY}.",
                                       "type": "invalid_request_error", "param": None,
                                       "code": "invalid_api_key"}}
ECHOED_500 = {"status": 500, "headers": {"retry-after-ms": 1},
              "error": {"message": f"upstream said: Bearer {FAKE_KEY}", "type": "server_error",
                        "param": None, "code": "server_error"}}


def with_credentials(base_url: str) -> str:
    scheme, rest = base_url.split("://", 1)
    return f"{scheme}://alice:{PASSWORD}@{rest}?api-version=2024-06-01&token={TOKEN}&sig={SIG}"


def assert_clean(*texts: str) -> None:
    for text in texts:
        for secret in (PASSWORD, TOKEN, SIG, FAKE_KEY, FAKE_KEY[8:30]):
            assert secret not in text


@pytest.mark.parametrize("url, shown", [
    ("https://alice:pw@example.com/v1", "https://[redacted]@example.com/v1"),
    ("https://example.com/v1?token=abc&sig=def", "https://example.com/v1?token=[redacted]&sig=[redacted]"),
    ("https://x.openai.azure.com/openai?api-version=2024-06-01&key=abc",
     "https://x.openai.azure.com/openai?api-version=2024-06-01&key=[redacted]"),
    ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"),
])
def test_redact_url(url, shown):
    assert redact_url(url) == shown


def test_scrub_redacts_urls_inside_any_text():
    text = scrub(f"POST {with_credentials('http://h:1/v1')} failed; see http://docs.example/x", [])
    assert_clean(text)
    assert "http://[redacted]@h:1/v1?api-version=2024-06-01&token=[redacted]" in text
    assert "http://docs.example/x" in text


@pytest.mark.parametrize("replies", [[ECHOED_401], [ECHOED_500] * 2], ids=["401", "500"])
def test_credentials_in_the_base_url_reach_no_error_repr_or_log(replies, seed_text, caplog):
    caplog.set_level(logging.DEBUG)
    with Responder(replies) as server:
        briefer = Briefer(model="gpt-4o-mini", base_url=with_credentials(server.base_url), api_key=FAKE_KEY,
                          retry_policy=POLICY)
        with pytest.raises(errors.APIError) as info:
            briefer.brief(seed_text, id="seed")

    assert len(server.requests) == len(replies)
    assert "127.0.0.1" in str(info.value)  # the server is still named
    assert_clean(str(info.value), repr(briefer.llm), repr(briefer.settings), caplog.text)


def test_a_refused_connection_names_the_server_without_credentials(seed_text):
    with Responder([]) as server:
        url = with_credentials(server.base_url)
    briefer = Briefer(model="gpt-4o-mini", base_url=url, api_key=FAKE_KEY,
                      retry_policy=RetryPolicy(max_attempts=1, timeout=2))
    with pytest.raises(errors.ServiceUnavailableError) as info:
        briefer.brief(seed_text, id="seed")
    assert "could not connect" in str(info.value) and "127.0.0.1" in str(info.value)
    assert_clean(str(info.value))


def test_cli_error_line_hides_url_credentials(monkeypatch):
    with Responder([ECHOED_401]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", with_credentials(server.base_url))
        plain = CliRunner().invoke(app, ["brief", "--json", str(SEED)])
    with Responder([ECHOED_401]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", with_credentials(server.base_url))
        debug = CliRunner().invoke(app, ["brief", "--json", "--debug", str(SEED)])

    assert plain.exit_code == debug.exit_code == 1
    assert "rejected the API key" in plain.stderr
    assert_clean(plain.stderr, debug.stderr)


@pytest.mark.parametrize("replies", [[ECHOED_401], [ECHOED_500] * 2], ids=["401", "500"])
def test_logging_a_caught_error_with_its_chain_prints_no_key(replies, seed_text, caplog):
    app_log = logging.getLogger("an.application")  # the user's logger: no filter of ours on it
    with Responder(replies) as server:
        briefer = Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key=FAKE_KEY, retry_policy=POLICY)
        try:
            briefer.brief(seed_text, id="seed")
        except errors.BriefingError as e:
            app_log.exception("briefing failed")
            chain = "".join(traceback.format_exception(e))
            cause = e.__cause__

    assert "briefing failed" in caplog.text and "Traceback" in caplog.text
    assert cause is not None  # the cause is kept for debugging, only cleaned
    assert "The above exception was the direct cause" in chain
    assert_clean(caplog.text, chain)
