"""A hung or vanishing server (issue 11, item 5): bounded wall time, ``--timeout`` and
``--retries`` on the command line, and messages that point at the likely cause first.

Runs ``briefing.testing.responder.Responder`` on loopback with sub-second timeouts, as test_loopback does.
"""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from briefing import Briefer
from briefing.cli.app import app
from briefing.cli.common import retry_policy
from briefing.cli.options import RunOptions
from briefing.core import errors
from briefing.llm.retry import ELAPSED_PER_TIMEOUT, RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
HUNG = {"delay": 1.5, **GOOD}  # answers, but long after any timeout used here
DROP = {"drop": True}
KEY = "loopback-key-not-secret"


def brief(server: Responder, policy: RetryPolicy, text: str) -> errors.BriefingError:
    briefer = Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key=KEY, retry_policy=policy)
    with pytest.raises(errors.BriefingError) as info:
        briefer.brief(text, id="a")
    return info.value


def test_a_hung_server_stops_at_the_elapsed_limit_not_after_every_attempt(seed_text):
    # Ten attempts would take at least 10 x 0.3 s; the elapsed limit stops after two or three.
    # The margins leave a busy machine a second of slack and still tell the two apart.
    policy = RetryPolicy(max_attempts=10, initial_wait=0.01, max_wait=0.02, timeout=0.3, max_elapsed=0.7)
    with Responder([HUNG] * 10) as server:
        briefer = Briefer(model="gpt-4o-mini", base_url=server.base_url, api_key=KEY, retry_policy=policy)
        briefer.llm._client(is_async=False)  # build the client (and import the SDKs) before timing
        started = time.perf_counter()
        with pytest.raises(errors.ServiceUnavailableError):
            briefer.brief(seed_text)
        elapsed = time.perf_counter() - started

    assert 2 <= len(server.requests) <= 4  # not the 10 attempts the policy would allow
    assert elapsed < policy.max_elapsed + policy.timeout + 1.0 < policy.max_attempts * policy.timeout


def test_the_default_policy_bounds_a_hung_server_to_minutes_not_eight():
    policy = RetryPolicy()
    assert policy.max_elapsed + policy.timeout <= 5 * 60  # was 4 attempts of 120 s plus waits
    with pytest.raises(ValueError, match="^RetryPolicy.max_elapsed must be a positive number of seconds$"):
        RetryPolicy(max_elapsed=0)


def test_the_timeout_message_does_not_start_by_advising_a_longer_timeout(seed_text):
    policy = RetryPolicy(max_attempts=2, initial_wait=0.01, max_wait=0.02, timeout=0.2)
    with Responder([HUNG] * 2) as server:
        text = str(brief(server, policy, seed_text))

    assert "did not answer within 0.2 s" in text and server.base_url in text
    first_remedy = text.split(";")[1]
    assert "timeout" not in first_remedy.lower() and "server" in first_remedy
    assert "--timeout" in text  # still named, as the last remedy


def test_a_dropped_connection_is_not_reported_as_could_not_connect(seed_text):
    policy = RetryPolicy(max_attempts=2, initial_wait=0.01, max_wait=0.02, timeout=2)
    with Responder([DROP] * 2) as server:
        text = str(brief(server, policy, seed_text))

    assert "could not connect" not in text and "check the network" not in text
    assert "closed the connection" in text and server.base_url in text


def test_a_refused_connection_still_says_could_not_connect(seed_text):
    with Responder([]) as server:
        url = server.base_url  # the port is free again once the server has stopped
    policy = RetryPolicy(max_attempts=1, timeout=2)
    with pytest.raises(errors.ServiceUnavailableError) as info:
        Briefer(model="gpt-4o-mini", base_url=url, api_key=KEY, retry_policy=policy).brief(seed_text, id="a")

    assert "could not connect" in str(info.value) and "OPENAI_BASE_URL" in str(info.value)


def test_cli_timeout_and_retries(monkeypatch):
    with Responder([HUNG] * 10) as server:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        started = time.perf_counter()
        result = runner.invoke(app, ["brief", "--json", "--quiet", "--timeout", "0.2", "--retries", "1", str(SEED)])
        elapsed = time.perf_counter() - started

    assert result.exit_code == 1
    assert len(server.requests) == 2  # the first attempt and one retry
    assert elapsed < 10  # gave up at 0.2 s a request, not the default 120 s (imports included)
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: nato-us-russia-thaw: ") and "did not answer within 0.2 s" in line
    assert "raise --timeout SECONDS: it raises both the wait for each answer and the time retries may take" in line


@pytest.mark.parametrize("args", [["--timeout", "0"], ["--timeout", "-1"], ["--retries", "-1"]])
def test_cli_rejects_nonsense_limits(args, no_llm_env):
    result = runner.invoke(app, ["brief", "--offline", *args, str(SEED)])
    assert result.exit_code == 2


def test_cli_help_states_the_policy_defaults():
    result = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "300"})
    policy = RetryPolicy()
    assert f"(default: {policy.timeout:g})" in result.stdout
    assert f"(default: {policy.max_attempts - 1})" in result.stdout
    assert f"no new attempt starts {policy.max_elapsed:g} s after the first" in result.stdout


# --------------------------------------------------------------------------- --timeout raises both bounds


def test_with_timeout_raises_the_elapsed_bound_to_one_and_a_half_times_the_timeout():
    assert ELAPSED_PER_TIMEOUT == 1.5  # the defaults' ratio: 120 s a request, 180 s to start retries
    assert RetryPolicy().max_elapsed / RetryPolicy().timeout == ELAPSED_PER_TIMEOUT
    slow = RetryPolicy().with_timeout(600)
    assert (slow.timeout, slow.max_elapsed) == (600, 900)
    assert slow.max_attempts == RetryPolicy().max_attempts and slow.max_wait == RetryPolicy().max_wait


def test_with_timeout_never_lowers_the_elapsed_bound():
    assert RetryPolicy().with_timeout(10).max_elapsed == 180  # 15 s would end retries sooner than the default
    assert RetryPolicy().with_timeout(120).max_elapsed == 180
    assert RetryPolicy().with_timeout(121).max_elapsed == 181.5
    assert RetryPolicy(max_elapsed=5000).with_timeout(600).max_elapsed == 5000  # a longer one given by hand stays


@pytest.mark.parametrize("seconds", [0, -1, float("inf"), float("nan")])
def test_with_timeout_rejects_a_timeout_that_is_not_a_positive_number(seconds):
    with pytest.raises(ValueError, match="^RetryPolicy.timeout must be a positive number of seconds$"):
        RetryPolicy().with_timeout(seconds)


def test_cli_timeout_raises_the_request_timeout_and_the_elapsed_bound():
    assert retry_policy(RunOptions()) is None  # neither given: the documented defaults
    slow = retry_policy(RunOptions(timeout=600))
    assert slow is not None and (slow.timeout, slow.max_elapsed) == (600, 900)
    both = retry_policy(RunOptions(timeout=600, retries=1))
    assert both is not None and (both.timeout, both.max_elapsed, both.max_attempts) == (600, 900, 2)
    quick = retry_policy(RunOptions(timeout=30))
    assert quick is not None and (quick.timeout, quick.max_elapsed) == (30, 180)
    retries_only = retry_policy(RunOptions(retries=5))
    assert retries_only is not None and (retries_only.timeout, retries_only.max_elapsed) == (120, 180)


def test_cli_help_says_that_timeout_raises_the_elapsed_bound_too():
    result = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "300"})
    text = " ".join(result.stdout.split())
    assert "retries may then start until 1.5 times as long after the first attempt (at least 180 s)" in text
    assert "(1.5 times --timeout, when that is longer)" in text
