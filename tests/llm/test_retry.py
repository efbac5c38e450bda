"""One retry policy: transient failures are retried within bounds, the rest fail at once, and
every failure becomes one actionable BriefingError that never contains the API key."""

from __future__ import annotations

import asyncio
import email.utils
import json
import re
import time

import instructor
import openai
import pytest
from instructor.core.exceptions import InstructorRetryException
from pydantic import BaseModel

from briefing.core import errors
from briefing.llm.failures import classify, is_retryable, short_label, unwrap
from briefing.llm.retry import (
    RetryPolicy,
    RetryStats,
    acall_with_retries,
    call_with_retries,
    wait_seconds,
)
from helpers import HTTPX as httpx2

KEY = "sk-proj-Abc123SECRETsecret456Xyz789"
URL = "https://api.openai.com/v1/chat/completions"
BASE_URL = "https://api.openai.com/v1"
MODEL = "gpt-4o-mini"


def request(url: str = URL, key: str = KEY) -> httpx2.Request:
    return httpx2.Request("POST", url, headers={"authorization": f"Bearer {key}"})


def status_error(status: int, code: str | None = None, message: str = "boom", *,
                 headers: dict[str, str] | None = None, type_: str | None = None,
                 url: str = URL) -> openai.APIStatusError:
    """An openai error built as the SDK builds it (``_make_status_error``) from an httpx2 response."""
    body = {"error": {"message": message, "type": type_ or code, "param": None, "code": code}}
    response = httpx2.Response(status, headers=headers or {}, json=body, request=request(url))
    cls = {400: openai.BadRequestError, 401: openai.AuthenticationError,
           403: openai.PermissionDeniedError, 404: openai.NotFoundError, 409: openai.ConflictError,
           429: openai.RateLimitError}.get(status)
    cls = cls or (openai.InternalServerError if status >= 500 else openai.APIStatusError)
    return cls(f"Error code: {status} - {body}", response=response, body=body["error"])


def describe(exc: BaseException) -> errors.BriefingError:
    return classify(exc, model=MODEL, base_url=BASE_URL, article="seed")


def wrapped(exc: Exception) -> InstructorRetryException:
    """What instructor raises when the API call inside it fails."""
    try:
        raise InstructorRetryException(str(exc), n_attempts=1, total_usage=0) from exc
    except InstructorRetryException as e:
        return e


# --------------------------------------------------------------------------- classify


def test_401_names_the_variable_and_never_the_key():
    server = f"Incorrect API key provided: {KEY}. You can find your API key at https://platform.openai.com."
    exc = status_error(401, "invalid_api_key", server, headers={"x-request-id": "req_123"})
    err = describe(exc)
    assert type(err) is errors.AuthenticationError
    text = str(err)
    assert "OPENAI_API_KEY" in text and "req_123" in text and text.startswith("seed: ")
    assert KEY not in text and "SECRET" not in text and "\n" not in text
    assert (err.status, err.code, err.request_id) == (401, "invalid_api_key", "req_123")


def test_masked_and_bearer_keys_are_scrubbed_too():
    server = "Incorrect API key provided: sk-proj-********************************abcd. Bearer zzzTOKENzzz1"
    text = str(describe(status_error(401, "invalid_api_key", server)))
    assert "sk-proj-**" not in text and "zzzTOKENzzz1" not in text and "[redacted]" in text


def test_a_key_sent_in_a_header_is_scrubbed_even_when_it_looks_unlike_a_key():
    odd_key = "plainKEYwithoutPrefix42"
    exc = openai.APIConnectionError(message=f"failed: {odd_key}", request=request(key=odd_key))
    err = openai.APIError(f"server echoed {odd_key}", request(key=odd_key), body=None)
    for e in (exc, err):
        assert odd_key not in str(describe(e))


def test_azure_401_names_the_azure_variable():
    exc = status_error(401, "401", "Access denied due to invalid subscription key.",
                       url="https://myres.openai.azure.com/openai/deployments/d/chat/completions")
    err = classify(exc, model="d", base_url=None, article=None)
    assert "AZURE_OPENAI_API_KEY" in str(err)


def test_403_is_authentication_error():
    err = describe(status_error(403, "model_not_allowed", "Project does not have access"))
    assert type(err) is errors.AuthenticationError and "OPENAI_API_KEY" in str(err)


def test_404_names_model_and_base_url():
    err = describe(status_error(404, "model_not_found", f"The model `{MODEL}` does not exist"))
    assert type(err) is errors.ModelNotFoundError
    assert MODEL in str(err) and BASE_URL in str(err)


def test_429_rate_limit_and_insufficient_quota():
    assert type(describe(status_error(429, "rate_limit_exceeded"))) is errors.RateLimitError
    quota = describe(status_error(429, "insufficient_quota", "You exceeded your current quota"))
    assert type(quota) is errors.QuotaExceededError
    assert "out of credit" in str(quota) and "retrying will not help" in str(quota)
    by_type = status_error(429, None, "quota", type_="insufficient_quota")
    assert type(describe(by_type)) is errors.QuotaExceededError


@pytest.mark.parametrize("exc", [
    status_error(500, "server_error"),
    status_error(503, None, "Service Unavailable"),
    openai.APITimeoutError(request=request()),
    openai.APIConnectionError(request=request()),
])
def test_server_faults_are_service_unavailable(exc):
    assert type(describe(exc)) is errors.ServiceUnavailableError


def test_context_length():
    by_code = status_error(400, "context_length_exceeded", "This model's maximum context length is 128000 tokens.")
    by_message = status_error(400, None, "This model's maximum context length is 8192 tokens")
    for exc in (by_code, by_message):
        err = describe(exc)
        assert type(err) is errors.ContextLengthError and MODEL in str(err)


def test_other_400_carries_the_servers_message():
    err = describe(status_error(400, "invalid_request_error", "Invalid schema for response_format"))
    assert type(err) is errors.APIError and "Invalid schema for response_format" in str(err)


def test_instructor_wrapper_is_unwrapped():
    inner = status_error(404, "model_not_found")
    assert unwrap(wrapped(inner)) is inner
    assert type(describe(wrapped(inner))) is errors.ModelNotFoundError
    assert is_retryable(wrapped(status_error(429, "rate_limit_exceeded")))


def test_instructor_giving_up_on_invalid_answers_is_an_extraction_error():
    class Answer(BaseModel):
        n: int

    client = instructor.from_openai(openai_client(chat_answers(["not json", "still not json"])))
    with pytest.raises(InstructorRetryException) as info:
        client.chat.completions.create(model=MODEL, response_model=Answer, max_retries=1,
                                       messages=[{"role": "user", "content": "n?"}])
    err = describe(info.value)
    assert type(err) is errors.ExtractionError
    assert err.attempts == 2 and err.raw_answer is not None and "not json" in err.raw_answer


def test_briefing_errors_pass_through_with_the_article():
    original = errors.RefusalError("refused")
    assert describe(original) is original and original.article == "seed"


def test_unknown_errors_become_briefing_errors():
    err = describe(RuntimeError(f"oops {KEY}"))
    assert type(err) is errors.BriefingError and "RuntimeError" in str(err) and KEY not in str(err)


# --------------------------------------------------------------------------- is_retryable / wait_seconds


@pytest.mark.parametrize(("exc", "retry"), [
    (status_error(429, "rate_limit_exceeded"), True),
    (status_error(429, "insufficient_quota"), False),
    (status_error(408), True),
    (status_error(409), True),
    (status_error(500), True),
    (status_error(502), True),
    (openai.APITimeoutError(request=request()), True),
    (openai.APIConnectionError(request=request()), True),
    (status_error(400), False),
    (status_error(401), False),
    (status_error(403), False),
    (status_error(404), False),
    (status_error(422), False),
    (ValueError("validation"), False),
])
def test_is_retryable(exc, retry):
    assert is_retryable(exc) is retry


POLICY = RetryPolicy(max_attempts=4, initial_wait=0.5, max_wait=20, max_total_wait=60)


def test_retry_after_ms_wins_over_retry_after():
    exc = status_error(429, headers={"retry-after-ms": "250", "retry-after": "7"})
    assert wait_seconds(exc, 1, POLICY) == 0.25


def test_retry_after_seconds_and_http_date_capped():
    assert wait_seconds(status_error(429, headers={"retry-after": "3"}), 1, POLICY) == 3
    assert wait_seconds(status_error(503, headers={"retry-after": "600"}), 1, POLICY) == 20
    date = email.utils.formatdate(time.time() + 10, usegmt=True)
    assert 8 <= wait_seconds(status_error(429, headers={"retry-after": date}), 1, POLICY) <= 10


def test_backoff_is_jittered_exponential_and_capped():
    exc = openai.APITimeoutError(request=request())
    for attempt, base in [(1, 0.5), (2, 1.0), (3, 2.0), (10, 20.0)]:
        waits = {wait_seconds(exc, attempt, POLICY) for _ in range(50)}
        assert all(base / 2 <= w <= base for w in waits)
        assert len(waits) > 1  # jittered
    garbage = status_error(429, headers={"retry-after": "soon"})
    assert 0.25 <= wait_seconds(garbage, 1, POLICY) <= 0.5


# --------------------------------------------------------------------------- call_with_retries


class Flaky:
    """Raises the given errors in turn, then returns "ok"."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


def test_retries_then_succeeds_honouring_retry_after():
    sleeps: list[float] = []
    stats = RetryStats()
    fn = Flaky(status_error(429, "rate_limit_exceeded", headers={"retry-after-ms": "250"}),
               status_error(503, headers={"retry-after": "2"}))
    assert call_with_retries(fn, POLICY, describe=describe, stats=stats, sleep=sleeps.append) == "ok"
    assert sleeps == [0.25, 2.0]
    assert (stats.attempts, stats.waited) == (3, 2.25)


@pytest.mark.parametrize("exc", [
    status_error(429, "insufficient_quota"),
    status_error(401, "invalid_api_key", f"Incorrect API key provided: {KEY}"),
    status_error(400, "context_length_exceeded"),
    ValueError("a validation error"),
])
def test_non_retryable_fails_at_once(exc):
    sleeps: list[float] = []
    fn = Flaky(exc)
    with pytest.raises(errors.BriefingError) as info:
        call_with_retries(fn, POLICY, describe=describe, sleep=sleeps.append)
    assert fn.calls == 1 and sleeps == []
    assert info.value.__cause__ is exc
    assert KEY not in str(info.value)


def test_401_is_not_retried_and_names_the_variable():
    fn = Flaky(status_error(401, "invalid_api_key", f"Incorrect API key provided: {KEY}"))
    with pytest.raises(errors.AuthenticationError, match="OPENAI_API_KEY") as info:
        call_with_retries(fn, POLICY, describe=describe, sleep=lambda s: None)
    assert fn.calls == 1 and KEY not in str(info.value)


def test_attempts_are_bounded():
    sleeps: list[float] = []
    fn = Flaky(*[status_error(500, "server_error")] * 10)
    with pytest.raises(errors.ServiceUnavailableError) as info:
        call_with_retries(fn, POLICY, describe=describe, sleep=sleeps.append)
    assert fn.calls == POLICY.max_attempts and len(sleeps) == POLICY.max_attempts - 1
    assert info.value.status == 500


def test_total_wait_is_bounded():
    policy = RetryPolicy(max_attempts=10, max_wait=20, max_total_wait=45)
    sleeps: list[float] = []
    fn = Flaky(*[status_error(429, "rate_limit_exceeded", headers={"retry-after": "20"})] * 10)
    with pytest.raises(errors.RateLimitError):
        call_with_retries(fn, policy, describe=describe, sleep=sleeps.append)
    assert sleeps == [20, 20] and fn.calls == 3  # a third 20 s wait would pass 45 s


def test_wrapped_errors_are_retried_and_described():
    fn = Flaky(wrapped(status_error(502)), wrapped(status_error(404, "model_not_found")))
    with pytest.raises(errors.ModelNotFoundError):
        call_with_retries(fn, POLICY, describe=describe, sleep=lambda s: None)
    assert fn.calls == 2


def test_briefing_errors_from_fn_are_reraised_unchanged():
    original = errors.TruncatedOutputError("cut off")
    with pytest.raises(errors.TruncatedOutputError) as info:
        call_with_retries(Flaky(original), POLICY, describe=describe, sleep=lambda s: None)
    assert info.value is original and info.value.__cause__ is None


def test_async_variant():
    sleeps: list[float] = []
    stats = RetryStats()
    fn = Flaky(openai.APITimeoutError(request=request()),
               status_error(429, "rate_limit_exceeded", headers={"retry-after-ms": "100"}))

    async def call() -> str:
        return fn()

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    result = asyncio.run(acall_with_retries(call, POLICY, describe=describe, stats=stats, sleep=sleep))
    assert result == "ok" and stats.attempts == 3
    assert 0.25 <= sleeps[0] <= 0.5 and sleeps[1] == 0.1

    quota = Flaky(status_error(429, "insufficient_quota"))

    async def call_quota() -> str:
        return quota()

    with pytest.raises(errors.QuotaExceededError):
        asyncio.run(acall_with_retries(call_quota, POLICY, describe=describe, sleep=sleep))
    assert quota.calls == 1


# --------------------------------------------------------------------------- through the real SDK


def chat_answers(contents: list[str]) -> list[httpx2.Response]:
    return [httpx2.Response(200, json={
        "id": f"chatcmpl-{i}", "object": "chat.completion", "created": 0, "model": MODEL,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }) for i, content in enumerate(contents)]


def openai_client(responses: list[httpx2.Response], sent: list[httpx2.Request] | None = None) -> openai.OpenAI:
    queue = list(responses)

    def handler(req: httpx2.Request) -> httpx2.Response:
        if sent is not None:
            sent.append(req)
        return queue.pop(0)

    return openai.OpenAI(api_key=KEY, base_url=BASE_URL, max_retries=0,
                         http_client=httpx2.Client(transport=httpx2.MockTransport(handler)))


def test_through_the_sdk_429_then_200_sends_two_requests():
    sent: list[httpx2.Request] = []
    limited = httpx2.Response(429, headers={"retry-after-ms": "10", "x-request-id": "req_1"},
                              content=json.dumps({"error": {"message": "Rate limit reached",
                                                            "type": "requests", "code": "rate_limit_exceeded"}}))
    client = openai_client([limited, *chat_answers(['{"n": 1}'])], sent)
    sleeps: list[float] = []
    stats = RetryStats()
    answer = call_with_retries(
        lambda: client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}]),
        POLICY, describe=describe, stats=stats, sleep=sleeps.append)
    assert answer.choices[0].message.content == '{"n": 1}'
    assert len(sent) == stats.attempts == 2 and sleeps == [0.01]


def test_through_the_sdk_401_is_described_without_the_key():
    unauthorized = httpx2.Response(401, json={"error": {
        "message": f"Incorrect API key provided: {KEY[:8]}{'*' * 20}{KEY[-4:]}.",
        "type": "invalid_request_error", "code": "invalid_api_key"}})
    client = openai_client([unauthorized])
    with pytest.raises(errors.AuthenticationError) as info:
        call_with_retries(
            lambda: client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}]),
            POLICY, describe=describe, sleep=lambda s: None)
    text = str(info.value)
    assert "OPENAI_API_KEY" in text and KEY[:8] not in text and KEY not in repr(info.value)


# --------------------------------------------------------------------------- pinned (issue 18, item 20)


def test_the_documented_defaults():
    assert RetryPolicy() == RetryPolicy(max_attempts=4, initial_wait=0.5, max_wait=20.0,
                                        max_total_wait=60.0, timeout=120.0, max_elapsed=180.0)


def test_the_default_total_wait_stops_a_fourth_attempt_after_a_minute_of_waiting():
    sleeps: list[float] = []
    fn = Flaky(*[status_error(429, "rate_limit_exceeded", headers={"retry-after": "20"})] * 10)
    with pytest.raises(errors.RateLimitError):
        call_with_retries(fn, RetryPolicy(max_attempts=10), describe=describe, sleep=sleeps.append)
    assert sleeps == [20, 20, 20] and fn.calls == 4  # 60 s waited is allowed; 80 s is not
    fn = Flaky(*[status_error(429, "rate_limit_exceeded", headers={"retry-after": "20.5"})] * 10)
    sleeps.clear()
    with pytest.raises(errors.RateLimitError):
        call_with_retries(fn, RetryPolicy(max_attempts=10), describe=describe, sleep=sleeps.append)
    assert sleeps == [20, 20, 20] and fn.calls == 4  # capped at max_wait 20


def test_zero_total_wait_never_waits():
    sleeps: list[float] = []
    fn = Flaky(status_error(503), status_error(503))
    with pytest.raises(errors.ServiceUnavailableError):
        call_with_retries(fn, RetryPolicy(max_total_wait=0), describe=describe, sleep=sleeps.append)
    assert sleeps == [] and fn.calls == 1


def test_retry_after_as_an_http_date():
    """An HTTP date in the future is the seconds until then (capped at ``max_wait``), one in the
    past is no wait, and a date with no zone ("-0000") is read as UTC."""
    for usegmt in (True, False):
        soon = email.utils.formatdate(time.time() + 30, usegmt=usegmt)
        past = email.utils.formatdate(time.time() - 30, usegmt=usegmt)
        assert usegmt or soon.endswith("-0000")
        assert 28 <= wait_seconds(status_error(429, headers={"retry-after": soon}), 1, RetryPolicy(max_wait=40)) <= 30
        assert wait_seconds(status_error(429, headers={"retry-after": soon}), 1, POLICY) == 20
        assert wait_seconds(status_error(429, headers={"retry-after": past}), 1, POLICY) == 0.0


@pytest.mark.parametrize(("headers", "seconds"), [
    ({"retry-after-ms": "1500"}, 1.5),
    ({"retry-after-ms": "soon", "retry-after": "3"}, 3.0),  # an unreadable ms header falls back
    ({"retry-after": "0"}, 0.0),
    ({"retry-after-ms": "0"}, 0.0),
    ({"retry-after": "2.5"}, 2.5),
])
def test_retry_after_headers(headers, seconds):
    assert wait_seconds(status_error(429, headers=headers), 1, POLICY) == seconds


@pytest.mark.parametrize("headers", [{"retry-after": "-1"}, {"retry-after": "inf"}, {"retry-after-ms": "-5"},
                                     {"retry-after": "nan"}, {}])
def test_a_retry_after_that_is_no_wait_falls_back_to_backoff(headers):
    waits = {wait_seconds(status_error(429, headers=headers), 2, POLICY) for _ in range(20)}
    assert all(0.5 <= w <= 1.0 for w in waits)


def test_a_non_http_failure_with_retry_after_like_text_backs_off():
    exc = openai.APIConnectionError(request=request())
    assert all(1.0 <= wait_seconds(exc, 3, POLICY) <= 2.0 for _ in range(20))


_NEEDS = "RetryPolicy needs 0 <= initial_wait <= max_wait and max_total_wait >= 0"


@pytest.mark.parametrize(("bad", "message"), [
    ({"max_attempts": 0}, "RetryPolicy.max_attempts must be at least 1"),
    ({"initial_wait": -1}, _NEEDS),
    ({"initial_wait": 5, "max_wait": 1}, _NEEDS),
    ({"max_total_wait": -0.1}, _NEEDS),
    ({"timeout": 0}, "RetryPolicy.timeout must be a positive number of seconds"),
    ({"timeout": float("inf")}, "RetryPolicy.timeout must be a positive number of seconds"),
    ({"max_elapsed": 0}, "RetryPolicy.max_elapsed must be a positive number of seconds"),
    ({"max_elapsed": float("inf")}, "RetryPolicy.max_elapsed must be a positive number of seconds"),
])
def test_each_bad_bound_names_itself(bad, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        RetryPolicy(**bad)


def test_edge_bounds_are_accepted():
    RetryPolicy(max_attempts=1, initial_wait=0, max_wait=0, max_total_wait=0)
    assert RetryPolicy(initial_wait=3, max_wait=3).max_wait == 3


@pytest.mark.parametrize(("max_elapsed", "attempts"), [(25, 3), (22, 3), (21.9, 2)])
def test_elapsed_time_bounds_the_attempts(monkeypatch, max_elapsed, attempts):
    """No new attempt starts once ``max_elapsed`` would be passed by the wait before it."""
    clock = [0.0]

    def slow() -> str:
        clock[0] += 10  # each attempt takes 10 s
        raise status_error(503, headers={"retry-after": "1"})

    policy = RetryPolicy(max_attempts=10, max_elapsed=max_elapsed)
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])  # tenacity's clock
    stats = RetryStats()
    with pytest.raises(errors.ServiceUnavailableError):
        call_with_retries(slow, policy, describe=describe, stats=stats,
                          sleep=lambda s: clock.__setitem__(0, clock[0] + s))
    # after the second attempt, 21 s in, a wait of 1 s reaches 22 s; after the third, 32 s
    assert stats.attempts == attempts and stats.waited == attempts - 1.0


def test_each_retry_is_logged_with_its_wait_and_attempt(caplog):
    fn = Flaky(status_error(503, headers={"retry-after": "1.5"}))
    with caplog.at_level("INFO", logger="briefing.llm.retry"):
        call_with_retries(fn, POLICY, describe=describe, sleep=lambda s: None)
    assert [r.getMessage() for r in caplog.records] == [
        f"retrying in 1.50s after {short_label(status_error(503))} (attempt 1 of at most 4)"]


def test_the_async_variant_reraises_a_briefing_error_unchanged_and_counts_waits():
    original = errors.TruncatedOutputError("cut off")
    calls = Flaky(status_error(503, headers={"retry-after": "2"}), original)
    stats = RetryStats()

    async def call() -> str:
        return calls()

    async def sleep(seconds: float) -> None:
        return None

    with pytest.raises(errors.TruncatedOutputError) as info:
        asyncio.run(acall_with_retries(call, POLICY, describe=describe, stats=stats, sleep=sleep))
    assert info.value is original and info.value.__cause__ is None
    assert (stats.attempts, stats.waited) == (2, 2.0)
