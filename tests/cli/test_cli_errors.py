"""The CLI's failure contract: one actionable line on stderr per error, a traceback only with
--debug, a non-zero exit, and one bad file never stops the others (stdout keeps the good ones,
in order, and prints nothing for a failed file).

API faults come from ``briefing.testing.responder.Responder`` on loopback, pointed at by OPENAI_BASE_URL,
so the command runs exactly as a user runs it. Retryable faults carry ``retry-after-ms: 1``.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing import Briefing
from briefing.cli.app import app
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
KEY = "cli-test-key-not-a-secret"


def fault(status: int, code: str | None, message: str) -> dict:
    return {"status": status, "headers": {"retry-after-ms": 1},
            "error": {"message": message, "type": code, "param": None, "code": code}}


SEED_ANSWER = json.dumps(GOOD["answer"], ensure_ascii=False)
CASES = {  # error class: (the server's replies, words the one line must contain)
    "AuthenticationError": ([fault(401, "invalid_api_key", "Incorrect API key provided.")],
                            ["rejected the API key", "set OPENAI_API_KEY", "[request id req_"]),
    "ModelNotFoundError": ([fault(404, "model_not_found", "The model `gpt-4o-mini` does not exist.")],
                           ["'gpt-4o-mini' was not found", "/v1", "--model"]),
    "QuotaExceededError": ([fault(429, "insufficient_quota", "You exceeded your current quota.")],
                           ["out of credit", "retrying will not help"]),
    "RateLimitError": ([fault(429, "rate_limit_exceeded", "Rate limit reached.")] * 4,
                       ["kept rate-limiting", "RetryPolicy"]),
    "ServiceUnavailableError": ([fault(500, "server_error", "The server had an error.")] * 4,
                                ["kept failing", "try again later"]),
    "ContextLengthError": ([fault(400, "context_length_exceeded", "maximum context length is 8192 tokens")] * 3,
                           ["context window", "context_tokens"]),
    "RefusalError": ([{"refusal": "I'm sorry, but I can't help with that."}],
                     ["refused", "skip this article"]),
    "TruncatedOutputError": ([{"raw": SEED_ANSWER[:500], "finish_reason": "length"}] * 2,
                             ["output token limit", "max_tokens"]),
    "ExtractionError": ([{"raw": SEED_ANSWER[:-2] + ",]}"}] * 3,
                        ["did not fit the briefing schema", "after 3 attempts"]),
}


def invoke(args: list[str], replies, monkeypatch) -> tuple:
    with Responder(replies) as server:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        result = runner.invoke(app, ["brief", "--quiet", *args])  # the end-of-run cost line is tested in test_cli_cost.py
    return result, server


@pytest.mark.parametrize("name", CASES)
def test_each_api_error_is_one_line_without_a_traceback(name, monkeypatch):
    replies, words = CASES[name]
    result, server = invoke(["--json", str(SEED)], replies, monkeypatch)

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("error: nato-us-russia-thaw: ")
    for word in words:
        assert word in line
    assert "Traceback" not in result.stderr and KEY not in result.stderr
    assert len(server.requests) == len(replies)


@pytest.mark.parametrize("name", ["AuthenticationError", "ServiceUnavailableError", "ExtractionError"])
def test_debug_adds_the_traceback_with_the_error_class(name, monkeypatch):
    replies, _words = CASES[name]
    result, _ = invoke(["--debug", str(SEED)], replies, monkeypatch)

    assert result.exit_code == 1
    assert "Traceback" in result.stderr and f"{name}:" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: nato-us-russia-thaw: ")


def test_configuration_error_is_one_line_and_exit_2(no_llm_env):
    plain = runner.invoke(app, ["brief", "--extractor", "llm", str(SEED)])
    debug = runner.invoke(app, ["brief", "--extractor", "llm", "--debug", str(SEED)])

    assert plain.exit_code == debug.exit_code == 2
    assert len(plain.stderr.splitlines()) == 1 and "Traceback" not in plain.stderr
    assert "Traceback" in debug.stderr and "ConfigurationError" in debug.stderr


@pytest.fixture
def bad_files(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><head><title>News</title></head><body><div><p>Text</p>"
                    "<p>More</p></div></body></html>\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    copies = {}
    for name in ("second", "third", "fourth"):
        copies[name] = tmp_path / f"{name}-copy.txt"
        copies[name].write_bytes(SEED.read_bytes())
    return {"missing": tmp_path / "missing.txt", "binary": binary, "html": page, "empty": empty, **copies}


def test_bad_files_do_not_stop_the_others_and_json_keeps_order(bad_files, monkeypatch):
    files = [SEED, bad_files["missing"], bad_files["binary"], bad_files["second"], bad_files["html"],
             bad_files["empty"]]
    result, server = invoke(["--json", *map(str, files)], lambda request, seq: GOOD, monkeypatch)

    assert result.exit_code == 1
    assert len(server.requests) == 2  # the bad files were rejected before any request
    out = result.stdout.splitlines()
    assert [Briefing.model_validate_json(line).article for line in out] == ["nato-us-russia-thaw", "second-copy"]
    errors = result.stderr.splitlines()
    assert len(errors) == 4, result.stderr
    for line, name in zip(errors, ["missing", "photo", "page", "empty"], strict=True):
        assert line.startswith("error: ") and f"{name}.txt" in line
    assert "Traceback" not in result.stderr


def test_a_failure_in_the_middle_prints_nothing_on_stdout_for_that_file(bad_files, monkeypatch):
    answers = [GOOD, {"refusal": "I can't help with that."}, GOOD]
    files = [SEED, bad_files["second"], bad_files["third"]]
    result, _ = invoke(["--json", "--concurrency", "1", *map(str, files)], answers, monkeypatch)

    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["article"] for record in out] == ["nato-us-russia-thaw", "third-copy"]
    assert result.stderr.splitlines() == [line for line in result.stderr.splitlines() if line]
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: second-copy: ")


def test_readable_view_also_keeps_going(bad_files, monkeypatch):
    result, _ = invoke([str(bad_files["empty"]), str(SEED)], [GOOD], monkeypatch)

    assert result.exit_code == 1
    assert "European allies fear" in result.stdout
    assert len(result.stderr.splitlines()) == 1 and "empty.txt" in result.stderr


def test_an_account_wide_error_stops_the_batch_and_names_the_files_not_briefed(bad_files, monkeypatch):
    answers = [GOOD, fault(401, "invalid_api_key", "Incorrect API key provided.")]
    files = [SEED, bad_files["second"], bad_files["third"], bad_files["fourth"]]
    result, server = invoke(["--json", "--concurrency", "1", *map(str, files)], answers, monkeypatch)

    assert result.exit_code == 1
    assert len(server.requests) == 2
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["nato-us-russia-thaw"]
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "rejected the API key" in lines[0]
    assert lines[1].startswith("error: stopped early") and "third-copy, fourth-copy" in lines[1]


def test_concurrent_briefings_print_in_the_order_given(bad_files, monkeypatch):
    files = [SEED, bad_files["second"], bad_files["third"], bad_files["fourth"]]
    result, server = invoke(["--json", "--concurrency", "4", *map(str, files)], lambda request, n: GOOD,
                            monkeypatch)

    assert result.exit_code == 0, result.stderr
    assert len(server.requests) == 4
    articles = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    assert articles == ["nato-us-russia-thaw", "second-copy", "third-copy", "fourth-copy"]


def test_the_same_file_given_twice_is_briefed_once(bad_files, monkeypatch):
    files = [SEED, bad_files["second"], SEED]
    result, server = invoke(["--json", *map(str, files)], lambda request, n: GOOD, monkeypatch)

    assert result.exit_code == 0, result.stderr
    assert len(server.requests) == 2
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["nato-us-russia-thaw",
                                                                                    "second-copy"]
