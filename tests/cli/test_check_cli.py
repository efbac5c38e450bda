"""`briefing check`: one claim or a claims file, readable view or JSON lines, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.verify.checker import Verification

runner = CliRunner()
DAY = str(Path(__file__).parents[1] / "fixtures" / "day")


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.strip().splitlines()]


def test_one_claim_as_json(no_llm_env):
    result = runner.invoke(app, ["check", "The city council will not raise taxes next year", DAY, "--json"])
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.stdout)
    v = Verification.model_validate(record)
    assert v.verdict == "contradicted" and v.checker == "offline"
    assert set(record["evidence"][0]) >= {"article", "evidence", "span", "grounding", "stance"}
    assert "no model configured" in result.stderr  # said once, on stderr, not in the JSON


def test_readable_view(no_llm_env):
    claim = "At least 200 people were injured when the old bridge collapsed in March"
    result = runner.invoke(app, ["check", "--offline", claim, DAY], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("CONTRADICTED At least 200 people")
    assert "contradicts riverton-herald “At least 140 people were injured" in out
    assert "claim says 200 / article says 140" in out


def test_claims_file_gives_one_line_per_claim_in_order_even_when_one_fails(tmp_path, no_llm_env):
    claims = tmp_path / "claims.txt"
    claims.write_text("The city council will raise taxes next year\n\n" + "x" * 3000 + "\n"
                      "The bridge was funded by a federal grant\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--offline", "--json", "--claims", str(claims), DAY,
                                 str(tmp_path / "missing.txt")])
    assert result.exit_code == 1  # a missing file and a claim too long; the rest is still checked
    records = _lines(result.stdout)
    assert [r.get("verdict") for r in records] == ["supported", None, "not_mentioned"]
    assert "error" in records[1] and "3,000 characters" in records[1]["error"]
    assert "missing.txt" in result.stderr


@pytest.mark.parametrize("args, words", [
    (["check", "only a claim"], "give the claim, then the articles"),
    (["check", "--claims", "nowhere.txt", DAY], "cannot read the claims file"),
    (["check", "a claim", "nowhere.txt"], "no articles to check"),
])
def test_usage_errors_are_one_line_and_exit_2(args, words, no_llm_env):
    result = runner.invoke(app, [*args, "--offline"])
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_an_empty_claims_file_says_what_to_do(tmp_path, no_llm_env):
    empty = tmp_path / "claims.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--offline", "--claims", str(empty), DAY])
    assert result.exit_code == 2 and "write one claim a line" in result.stderr


@pytest.mark.vcr
@pytest.mark.answers("check_supported")
def test_check_with_a_model(llm_env):
    result = runner.invoke(app, ["check", "The city council will raise taxes next year", DAY,
                                 str(Path(__file__).parents[2] / "seeds"), "--json"])
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.stdout)
    assert record["verdict"] == "supported" and record["checker"] == "llm"
    assert record["usage"]["requests"] == 1


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_claim_the_model_fails_on_does_not_lose_the_others(tmp_path, monkeypatch):
    """A refusal for the first claim: its line says so, and the second claim is still checked."""
    from briefing.testing.responder import Responder

    claims = tmp_path / "claims.txt"
    claims.write_text("The city council will raise taxes next year\nThe bridge was funded by a federal grant\n",
                      encoding="utf-8")
    script = [{"refusal": "I can't help with that."},
              {"answer": {"evidence": [], "verdict": "not_mentioned"}}]
    with Responder(script) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "loopback-key-not-secret")
        result = runner.invoke(app, ["check", "--json", "--claims", str(claims), DAY])
    assert result.exit_code == 1
    first, second = _lines(result.stdout)
    assert first["claim"].startswith("The city council") and "refused" in first["error"]
    assert second["verdict"] == "not_mentioned" and second["checker"] == "llm"
    assert "refused" in result.stderr
