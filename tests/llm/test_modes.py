"""``--mode auto`` and rejected modes, against loopback servers that accept only some modes.

Each server is ``briefing.testing.responder.Responder`` with a script that answers like a server without a
structured-output feature: the llama.cpp server's 500 for ``response_format`` of type json_schema
(the words the issue quotes; the live recording is in test_live_local.py), or a 400 naming
``tools``. A rejected mode must never be retried as an outage.
"""

from __future__ import annotations

import asyncio

import openai
import pytest
from typer.testing import CliRunner

from briefing import Briefer
from briefing.cli.app import app
from briefing.core import errors
from briefing.core.options import BriefingOptions, resolve_settings
from briefing.llm.modes import default_mode, rejection
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, SEED, briefer_args

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

POLICY = RetryPolicy(max_attempts=3, initial_wait=0.01, max_wait=0.02)
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
LLAMA_CPP_JSON_SCHEMA = {"status": 500, "error": {
    "message": "response_format type: Input should be 'text' or 'json_object'",
    "type": "internal_server_error", "param": None, "code": None}}
NO_TOOLS = {"status": 400, "error": {
    "message": "this model does not support tools", "type": "invalid_request_error",
    "param": "tools", "code": None}}
OUTAGE = {"status": 500, "error": {"message": "The server had an error while processing your request.",
                                   "type": "server_error", "param": None, "code": None}}


def kind(request: dict) -> str:
    if request.get("tools"):
        return "tools"
    if request.get("response_format"):
        return request["response_format"]["type"]
    return "text"


def server_accepting(*accepted: str):
    """A script that answers GOOD for the request kinds in ``accepted`` and rejects the others."""
    def reply(request: dict, seq: int) -> dict:
        mode = kind(request)
        if mode in accepted:
            return GOOD
        return NO_TOOLS if mode == "tools" else LLAMA_CPP_JSON_SCHEMA
    return reply


def briefer(server: Responder, **kwargs) -> Briefer:
    return Briefer(**briefer_args(model="local", base_url=server.base_url, retry_policy=POLICY, **kwargs))


# ------------------------------------------------------------------------------- the default

@pytest.mark.parametrize(("base_url", "mode"), [
    (None, "tools"),
    ("https://api.openai.com/v1", "tools"),
    ("https://NAME.openai.azure.com/openai", "tools"),
    ("http://127.0.0.1:8000/v1", "auto"),
    ("http://localhost:11434/v1", "auto"),
    ("https://api.openai.com.example.net/v1", "auto"),   # a look-alike host is not OpenAI
    ("https://example.net/api.openai.com/v1", "auto"),
])
def test_default_mode_is_tools_for_openai_and_auto_elsewhere(base_url, mode):
    assert default_mode(base_url) == mode
    assert resolve_settings(base_url=base_url, environ={}).mode == mode


def test_a_mode_given_by_name_is_kept_and_an_unknown_one_names_auto():
    assert resolve_settings(mode="md_json", base_url="http://127.0.0.1/v1", environ={}).mode == "md_json"
    with pytest.raises(errors.ConfigurationError, match="auto"):
        resolve_settings(mode="grammar", environ={})


# ------------------------------------------------------------------------------- what a rejection is

def _status_error(reply: dict) -> openai.APIStatusError:
    """The SDK's own error for ``reply``, from a real request to a loopback server."""
    with Responder([reply]) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="x", max_retries=0)
        with pytest.raises(openai.APIStatusError) as info:
            client.chat.completions.create(model="local", messages=[{"role": "user", "content": "hi"}])
    return info.value


@pytest.mark.parametrize(("reply", "mode", "rejects"), [
    (LLAMA_CPP_JSON_SCHEMA, "json_schema", True),
    (LLAMA_CPP_JSON_SCHEMA, "tools", False),           # it names response_format, not tools
    (NO_TOOLS, "tools", True),
    (NO_TOOLS, "md_json", False),                      # md_json sends neither: it cannot be rejected
    (OUTAGE, "json_schema", False),                    # a plain outage is retried, not a rejection
    ({"status": 500, "error": {"message": "error while generating the tool call"}}, "tools", False),
    ({"status": 503, "error": {"message": "tools unsupported"}}, "tools", False),  # 503 is an outage
    ({"status": 400, "error": {"message": "Invalid schema for response_format 'ArticleBriefing'",
                               "param": "response_format"}}, "json_schema", True),
])
def test_rejection_needs_the_mode_s_parameter_and_a_refusal(reply, mode, rejects):
    assert (rejection(_status_error(reply), mode) is not None) is rejects


# ------------------------------------------------------------------------------- asked by name

def test_a_rejected_mode_by_name_is_a_configuration_error_sent_once(seed_text):
    with Responder(server_accepting("tools")) as server, pytest.raises(errors.ModeRejectedError) as info:
        briefer(server, mode="json_schema").brief(seed_text, id="seed")

    assert len(server.requests) == 1                   # not retried as a server fault
    err = info.value
    assert isinstance(err, errors.ConfigurationError) and err.mode == "json_schema" and err.status == 500
    text = str(err)
    assert "'json_schema'" in text and "--mode tools" in text and "--mode md_json" in text
    assert "Input should be 'text' or 'json_object'" in text
    assert "try again later" not in text and "\n" not in text and text.startswith("seed: ")
    assert err.usage.requests == 1


def test_a_plain_500_is_still_retried_then_an_outage(seed_text):
    with Responder([OUTAGE] * 3) as server, pytest.raises(errors.ServiceUnavailableError):
        briefer(server, mode="json_schema").brief(seed_text)
    assert len(server.requests) == POLICY.max_attempts


# ------------------------------------------------------------------------------- auto

def test_auto_falls_back_to_json_schema_and_remembers_it(seed_text):
    with Responder(server_accepting("json_schema")) as server:
        b = briefer(server)
        first = b.brief(seed_text)
        second = b.brief(seed_text)

    assert b.settings.mode == "auto" and b.llm.mode == "json_schema"
    assert [kind(r) for r in server.requests] == ["tools", "json_schema", "json_schema"]
    assert len(first.claims) == 13 and first.usage.requests == 2   # the rejected request is counted
    assert second.usage.requests == 1


def test_auto_on_a_llama_cpp_like_server_without_tools_ends_at_md_json(seed_text):
    with Responder(server_accepting("text")) as server:
        briefing = briefer(server, mode="auto").brief(seed_text)

    assert [kind(r) for r in server.requests] == ["tools", "json_schema", "text"]
    assert len(briefing.claims) == 13


def test_auto_keeps_tools_when_the_server_accepts_them(seed_text):
    with Responder(server_accepting("tools")) as server:
        briefer(server).brief(seed_text)
    assert [kind(r) for r in server.requests] == ["tools"]


def test_async_auto_falls_back_the_same_way(seed_text):
    with Responder(server_accepting("json_schema")) as server:
        b = Briefer(client=openai.AsyncOpenAI(base_url=server.base_url, api_key="x"), retry_policy=POLICY, options=BriefingOptions(model="local", mode="auto"))
        briefing = asyncio.run(b.abrief(seed_text))
    assert [kind(r) for r in server.requests] == ["tools", "json_schema"]
    assert len(briefing.claims) == 13 and b.llm.mode == "json_schema"


def test_the_command_line_names_the_rejected_mode(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("BRIEFING_MODEL", raising=False)
    with Responder(server_accepting("tools")) as server:
        result = CliRunner().invoke(app, ["brief", str(SEED), "--mode", "json_schema",
                                          "--base-url", server.base_url, "--model", "local"])
    assert result.exit_code == 1 and len(server.requests) == 1
    assert "does not accept structured-output mode 'json_schema'" in result.stderr
    assert "--mode tools" in result.stderr and "try again later" not in result.stderr


def test_auto_modes_must_name_known_modes():
    from briefing.llm.client import LLM

    settings = resolve_settings(base_url="http://127.0.0.1:1/v1", environ={})
    with pytest.raises(errors.ConfigurationError, match="auto_modes"):
        LLM(settings, auto_modes=())
    with pytest.raises(errors.ConfigurationError, match="auto_modes"):
        LLM(settings, auto_modes=("tools", "grammar"))
    assert LLM(settings, auto_modes=("md_json",)).mode == "md_json"
