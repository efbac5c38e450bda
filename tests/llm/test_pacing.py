"""The pacer: token buckets on a fake clock, header learning, shared 429 pauses, adaptation."""

from __future__ import annotations

import asyncio
import re
import threading

import openai
import pytest

from briefing.brief.briefer import Briefer
from briefing.llm.pacehooks import request_tokens
from briefing.llm.pacing import Pacer, parse_duration
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, REPLAY_KEY

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


class Clock:
    """A fake monotonic clock whose sleep advances time (and can run a hook on each sleep)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []
        self.on_sleep = None

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        if self.on_sleep:
            self.on_sleep()

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def pacer(clock: Clock, **kwargs) -> Pacer:
    return Pacer(clock=clock, sleep=clock.sleep, asleep=clock.asleep, **kwargs)


def wait(p: Pacer, tokens: int) -> float:
    """Reserve a request of ``tokens``; the seconds it must wait from now."""
    return p.reserve(tokens).send_at - p._clock()


def test_requests_bucket_allows_a_minute_burst_then_one_per_interval():
    clock = Clock()
    p = pacer(clock, rpm=60)
    assert [wait(p, 10) for _ in range(60)] == [0.0] * 60
    assert wait(p, 10) == pytest.approx(1.0)
    assert wait(p, 10) == pytest.approx(2.0)  # first come, first served: the next waits longer
    clock.now = 10.0  # refilled 10 requests, 2 of them already promised
    assert wait(p, 10) == 0.0


def test_tokens_bucket_counts_the_reserved_tokens():
    clock = Clock()
    p = pacer(clock, tpm=6000)
    assert wait(p, 6000) == 0.0
    assert wait(p, 600) == pytest.approx(6.0)  # 600 tokens at 100 a second


def test_the_tighter_limit_decides():
    clock = Clock()
    p = pacer(clock, rpm=1000, tpm=1200)
    wait(p, 1200)
    assert wait(p, 100) == pytest.approx(5.0)


def test_headers_teach_the_limits_and_what_remains():
    clock = Clock()
    p = pacer(clock)
    assert wait(p, 500) == 0.0  # nothing known yet: no wait
    p.observe(200, {"x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "0",
                    "x-ratelimit-limit-tokens": "60000", "x-ratelimit-remaining-tokens": "50000"})
    assert p.limits() == {"requests": 100, "tokens": 60000}
    assert wait(p, 500) == pytest.approx(0.6)  # no request left: wait for one (60/100 s)


def test_remaining_never_raises_the_level():
    clock = Clock()
    p = pacer(clock, rpm=10)
    for _ in range(10):
        wait(p, 1)
    p.observe(200, {"x-ratelimit-limit-requests": "10", "x-ratelimit-remaining-requests": "9"})
    assert wait(p, 1) == pytest.approx(6.0)  # the server lags behind what was sent: trust the lower


def test_a_header_limit_does_not_raise_a_hand_limit():
    clock = Clock()
    p = pacer(clock, rpm=10)
    p.observe(200, {"x-ratelimit-limit-requests": "5000", "x-ratelimit-remaining-requests": "4999"})
    assert p.limits()["requests"] == 10


def test_a_lower_header_limit_lowers_a_hand_limit():
    clock = Clock()
    p = pacer(clock, tpm=1_000_000)
    p.observe(200, {"x-ratelimit-limit-tokens": "200000", "x-ratelimit-remaining-tokens": "200000"})
    assert p.limits()["tokens"] == 200000


def test_a_429_pauses_every_waiter_not_only_the_refused_one():
    clock = Clock()
    p = pacer(clock, rpm=60)
    for _ in range(60):
        wait(p, 1)
    later: list[float] = []

    def refused() -> None:  # while the request sleeps for its slot, another is refused: retry after 5 s
        clock.on_sleep = None
        p.observe(429, {"retry-after": "5"})
        later.append(wait(p, 1))  # a request arriving now waits out the pause too

    clock.on_sleep = refused
    waited = p.acquire(1).waited
    assert waited == pytest.approx(1.0 + 5.0)
    assert p.stats.rate_limited == 1
    assert later[0] >= 5.0


def test_a_429_with_headers_pauses_until_the_exhausted_limit_resets():
    clock = Clock()
    p = pacer(clock)
    p.observe(429, {"x-ratelimit-limit-tokens": "1000", "x-ratelimit-remaining-tokens": "0",
                    "x-ratelimit-reset-tokens": "2.5s", "x-ratelimit-limit-requests": "100",
                    "x-ratelimit-remaining-requests": "50", "x-ratelimit-reset-requests": "30s"})
    assert wait(p, 1) >= 2.5
    assert "guessed_requests" not in p.limits()  # the server said what its limits are: no guessing


def test_a_bare_429_slows_down_then_creeps_back_up():
    clock = Clock()
    p = pacer(clock, backoff=0.5, recovery=0.1)
    for i in range(100):  # the server accepted 100 requests in the last minute
        clock.now = i * 0.1
        wait(p, 1)
        p.observe(200, {})
    clock.now = 10.0
    p.observe(429, {})
    guess = p.limits()["guessed_requests"]
    assert guess == pytest.approx(50)  # half what the server accepted in the last minute
    assert wait(p, 1) >= 1.0  # the bare pause, shared
    p.observe(200, {})
    assert p.limits()["guessed_requests"] == pytest.approx(guess * 1.1)
    clock.now = 20.0
    p.observe(429, {})
    assert p.limits()["guessed_requests"] == pytest.approx(guess * 1.1 * 0.5)  # a new refusal cuts again


def test_refusals_of_requests_sent_before_a_cut_do_not_cut_again():
    clock = Clock()
    p = pacer(clock, backoff=0.5)
    for _ in range(40):
        p.observe(200, {})
    in_flight = [p.acquire(1) for _ in range(8)]  # sent together, all refused together
    clock.now = 1.0
    for ticket in in_flight:
        p.observe(429, {}, ticket)
    assert p.limits()["guessed_requests"] == pytest.approx(20)  # one cut, not eight
    assert p.stats.rate_limited == 8
    later = p.acquire(1)
    clock.now = later.send_at + 1
    p.observe(429, {}, later)
    assert p.limits()["guessed_requests"] < 20


def test_headers_are_set_against_what_was_reserved_since_the_server_counted():
    clock = Clock()
    p = pacer(clock)
    first = p.acquire(1000)
    for i in range(7):  # seven more sent clearly later, before the first answer comes back
        clock.now = 0.5 * (i + 1)
        p.acquire(1000)
    clock.now = 4.0
    # the first answer's headers were made when the server admitted it: the other seven not counted
    p.observe(200, {"x-ratelimit-limit-tokens": "10000", "x-ratelimit-remaining-tokens": "9000"}, first)
    # 9000 + 4 s of refill (667) - 7000 since = 2667: room for two more, the third waits 2 s
    assert wait(p, 1000) == pytest.approx(0.0)
    assert wait(p, 1000) == pytest.approx(0.0)
    assert wait(p, 1000) == pytest.approx(2.0)


def test_requests_sent_together_may_have_reached_the_server_in_any_order():
    clock = Clock()
    p = pacer(clock)
    burst = [p.acquire(1000) for _ in range(8)]  # sent at the same instant
    clock.now = 0.2
    # the server happened to admit the first-reserved last: its headers already count all eight
    p.observe(200, {"x-ratelimit-limit-tokens": "10000", "x-ratelimit-remaining-tokens": "2000"}, burst[0])
    assert wait(p, 1000) == pytest.approx(0.0)  # not 2000 - 7000: the other seven are not counted twice
    assert wait(p, 1000) == pytest.approx(0.0)
    assert wait(p, 1000) > 0


def test_requests_still_in_flight_count_as_accepted_when_a_refusal_comes_back_first():
    clock = Clock()
    p = pacer(clock, backoff=0.5)
    sent = [p.acquire(1) for _ in range(16)]
    clock.now = 0.1
    p.observe(200, {}, sent[0])  # answers take longer than refusals: only two seen so far
    p.observe(200, {}, sent[1])
    p.observe(429, {}, sent[15])
    assert p.limits()["guessed_requests"] == pytest.approx(15 * 0.5)  # not 2 * 0.5


def test_a_bare_429_before_any_success_only_pauses():
    clock = Clock()
    p = pacer(clock)
    p.observe(429, {})
    assert "guessed_requests" not in p.limits()  # nothing to measure a rate from: no 1-a-minute guess
    assert wait(p, 1) == pytest.approx(1.0)


def test_without_adaptation_a_bare_429_only_pauses():
    clock = Clock()
    p = pacer(clock, adaptive=False)
    p.observe(429, {})
    assert "guessed_requests" not in p.limits()


def test_async_and_threads_share_one_pacer():
    clock = Clock()
    p = pacer(clock, rpm=60)
    lock = threading.Lock()

    def sync_side():
        with lock:
            for _ in range(30):
                wait(p, 1)

    thread = threading.Thread(target=sync_side)
    thread.start()
    thread.join()

    async def async_side():
        for _ in range(30):
            await p.aacquire(1)
        return (await p.aacquire(1)).waited

    assert asyncio.run(async_side()) == pytest.approx(1.0)
    assert p.stats.requests == 61 and p.stats.waited == pytest.approx(1.0)


@pytest.mark.parametrize("headers", [
    {"x-ratelimit-limit-requests": "-5", "x-ratelimit-remaining-requests": "-1"},
    {"x-ratelimit-limit-requests": "nan", "x-ratelimit-remaining-requests": "inf"},
    {"x-ratelimit-limit-requests": "1e309", "x-ratelimit-remaining-requests": "lots"},
    {"x-ratelimit-limit-requests": "0"},
])
def test_nonsense_limit_headers_set_no_limit(headers):
    clock = Clock()
    p = pacer(clock)
    p.observe(200, headers)
    assert "requests" not in p.limits()
    assert wait(p, 1) == 0.0


def test_a_server_asking_for_a_day_pauses_everyone_only_up_to_max_pause():
    clock = Clock()
    p = pacer(clock, max_pause=30)
    p.observe(429, {"retry-after": "86400"})
    assert wait(p, 1) == pytest.approx(30.0)
    p2 = pacer(clock, max_pause=30)
    p2.observe(429, {"x-ratelimit-limit-requests": "10000", "x-ratelimit-remaining-requests": "0",
                     "x-ratelimit-reset-requests": "23h59m"})
    assert wait(p2, 1) <= 30.0


@pytest.mark.parametrize("value, seconds", [
    ("6m0s", 360.0), ("1.5s", 1.5), ("20ms", 0.02), ("1h2m3s", 3723.0), ("7", 7.0), ("0s", 0.0),
    ("", None), ("soon", None), ("-1s", None), ("1x", None), ("5s and more", None), (None, None),
    ("inf", None), ("nan", None),
])
def test_reset_durations(value, seconds):
    assert parse_duration(value) == (pytest.approx(seconds) if seconds is not None else None)


def test_bad_limits_are_refused():
    for bad in (0, -5, float("inf"), float("nan")):
        with pytest.raises(ValueError, match=f"^rpm must be a positive number, got {bad!r}$"):
            Pacer(rpm=bad)
    with pytest.raises(ValueError, match="^Pacer needs 0 < backoff < 1"):
        Pacer(backoff=1.0)


def test_request_tokens_are_prompt_plus_output_budget():
    body = {"messages": [{"role": "user", "content": "x" * 400}], "max_tokens": 1000}
    assert request_tokens(body) == 1100
    assert request_tokens({**body, "max_completion_tokens": 50, "max_tokens": None}) == 150
    with_tools = request_tokens({**body, "tools": [{"function": {"name": "f" * 400}}]})
    assert with_tools > 1100


# ---------------------------------------------------------------- against a loopback server

SEED_REPLY = load_answers(ANSWERS / "seed_article.json")[0]


def test_briefer_learns_limits_from_a_servers_headers(seed_text):
    headers = {"x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499",
               "x-ratelimit-limit-tokens": "200000", "x-ratelimit-remaining-tokens": "190000",
               "x-ratelimit-reset-requests": "120ms", "x-ratelimit-reset-tokens": "3s"}
    with Responder(lambda request, n: {**SEED_REPLY, "headers": headers}) as server:
        briefer = Briefer(client=openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url))
        briefer.brief(seed_text)
    assert briefer.pacer.limits() == {"requests": 500, "tokens": 200000}
    sent = server.requests[0]
    assert briefer.pacer.stats.tokens == request_tokens(sent)


def test_briefer_adapts_to_a_server_that_sends_bare_429s(seed_text):
    refused = {"status": 429, "error": {"message": "Rate limit reached", "type": "requests",
                                        "param": None, "code": "rate_limit_exceeded"}}
    replies = [SEED_REPLY, refused, SEED_REPLY]
    with Responder(replies) as server:
        briefer = Briefer(client=openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url),
                          retry_policy=RetryPolicy(initial_wait=0.01, max_wait=0.05))
        briefer.pacer.bare_pause = 0.05
        briefer.pacer.window = 0.5  # the one success counts as 120 a minute: a quick test
        briefer.brief(seed_text)
        briefing = briefer.brief(seed_text + " ")  # another article: refused once, then briefed
    assert briefing.usage.requests == 2 and len(server.requests) == 3
    assert briefer.pacer.stats.rate_limited == 1
    assert "guessed_requests" in briefer.pacer.limits()


def test_async_briefer_is_paced_by_the_same_hooks(seed_text):
    headers = {"x-ratelimit-limit-requests": "3", "x-ratelimit-remaining-requests": "0"}
    with Responder(lambda request, n: {**SEED_REPLY, "headers": headers}) as server:
        briefer = Briefer(client=openai.AsyncOpenAI(api_key=REPLAY_KEY, base_url=server.base_url))
        asyncio.run(briefer.abrief(seed_text))
    assert briefer.pacer.limits() == {"requests": 3}
    assert wait(briefer.pacer, 1) == pytest.approx(20.0, rel=0.05)  # none left: wait 60/3 s


# --------------------------------------------------------------------------- pinned (issue 18, item 20)


def test_the_async_path_waits_out_a_429_seen_while_it_waits():
    """``aacquire``: a 429 observed during the wait extends it for the async waiter too."""
    clock = Clock()
    p = pacer(clock, rpm=60)
    for _ in range(60):
        wait(p, 1)

    def refused() -> None:
        clock.on_sleep = None
        p.observe(429, {"retry-after": "5"})

    clock.on_sleep = refused
    ticket = asyncio.run(p.aacquire(1))
    assert ticket.waited == pytest.approx(1.0 + 5.0) and clock.slept == [pytest.approx(1.0), pytest.approx(5.0)]
    assert p.stats.waited == pytest.approx(6.0)


def test_a_ticket_that_need_not_wait_is_returned_as_reserved():
    clock = Clock()
    p = pacer(clock, rpm=60)
    ticket = p.acquire(7)
    assert (ticket.tokens, ticket.send_at, ticket.waited, ticket.requests_before, ticket.tokens_before) == (
        7, 0.0, 0.0, 0, 0)
    second = asyncio.run(p.aacquire(5))
    assert (second.requests_before, second.tokens_before, second.waited) == (1, 7, 0.0)
    assert clock.slept == [] and p.stats.waited == 0.0 and (p.stats.requests, p.stats.tokens) == (2, 12)


@pytest.mark.parametrize(("headers", "seconds"), [
    ({"retry-after-ms": "1500"}, 1.5), ({"retry-after-ms": "1500", "retry-after": "7"}, 1.5),
    ({"retry-after": "7"}, 7.0), ({"retry-after-ms": "soon", "retry-after": "7"}, 7.0), ({}, None),
])
def test_retry_after_headers(headers, seconds):
    from briefing.llm.pacing import retry_after

    assert retry_after(headers) == seconds


def test_a_429_with_retry_after_ms_pauses_that_long():
    clock = Clock()
    p = pacer(clock)
    p.observe(429, {"retry-after-ms": "2500"})
    assert wait(p, 1) == pytest.approx(2.5)


_PACER_NEEDS = "Pacer needs 0 < backoff < 1, 0 <= recovery < 1, bare_pause >= 0, window > 0, max_pause >= 0"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"rpm": 0}, "rpm must be a positive number, got 0"),
    ({"tpm": -5}, "tpm must be a positive number, got -5"),
    ({"rpm": float("inf")}, "rpm must be a positive number, got inf"),
    ({"backoff": 1.0}, _PACER_NEEDS),
    ({"backoff": 0}, _PACER_NEEDS),
    ({"recovery": 1.0}, _PACER_NEEDS),
    ({"recovery": -0.1}, _PACER_NEEDS),
    ({"bare_pause": -1}, _PACER_NEEDS),
    ({"window": 0}, _PACER_NEEDS),
    ({"max_pause": -1}, _PACER_NEEDS),
])
def test_each_bad_argument_is_refused_by_name(kwargs, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        Pacer(**kwargs)


def test_edge_arguments_are_accepted():
    Pacer(recovery=0, bare_pause=0, max_pause=0, window=0.001, backoff=0.999)


def test_repr_shows_the_limits_and_the_guess():
    clock = Clock()
    p = pacer(clock, rpm=60.4, tpm=1000)
    assert repr(p) == "Pacer(limits={'requests': 60, 'tokens': 1000}, guessed_rpm=None)"
    q = pacer(clock, backoff=0.51)
    for _ in range(33):
        q.observe(200, {})
    q.observe(429, {})
    assert repr(q) == "Pacer(limits={}, guessed_rpm=16.8)"  # 33 * 0.51 = 16.83


def test_a_guessed_rate_spaces_requests_one_at_a_time():
    clock = Clock()
    p = pacer(clock, backoff=0.5)
    for _ in range(60):
        p.observe(200, {})
    p.observe(429, {})  # guess: 30 a minute, starting empty (no burst after a refusal)
    clock.now = 10.0  # past the bare pause; 5 requests refilled
    assert [round(wait(p, 1), 6) for _ in range(7)] == [0.0] * 5 + [2.0, 4.0]


def test_refusals_older_than_the_window_are_forgotten():
    """``_accepted_before``: requests sent before the refused one, less the other refusals of the
    last ``window`` seconds; a refusal exactly ``window`` seconds old still counts."""
    clock = Clock()
    p = pacer(clock, window=10)
    tickets = [p.acquire(1) for _ in range(12)]
    assert p._accepted_before(0.0, tickets[10]) == 10  # ten sent before it, no other refusal
    assert p._accepted_before(10.0, tickets[11]) == 10  # eleven sent before, one other refusal
    assert p._accepted_before(10.5, tickets[11]) == 0  # all sent more than a window ago
    assert list(p._refusals) == [10.0, 10.5]


@pytest.mark.parametrize(("value", "seconds"), [("0", 0.0), ("0.5", 0.5), ("1m 30s", 90.0), ("1 m", None), (" 2s ", 2.0)])
def test_more_reset_durations(value, seconds):
    assert parse_duration(value) == (None if seconds is None else pytest.approx(seconds))


def test_a_429_pauses_until_the_reset_of_the_limit_that_ran_out():
    clock = Clock()
    p = pacer(clock, adaptive=False)
    p.observe(429, {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "3s",
                    "x-ratelimit-remaining-tokens": "500", "x-ratelimit-reset-tokens": "30s"})
    assert wait(p, 1) == pytest.approx(3.0)  # not the 30 s of the tokens, which had not run out


def test_a_refusal_of_a_request_sent_at_the_cut_does_not_cut_again():
    clock = Clock()
    p = pacer(clock, backoff=0.5)
    for _ in range(40):
        p.observe(200, {})
    clock.now = 1.0
    first, second = p.acquire(1), p.acquire(1)  # both sent at 1.0
    p.observe(429, {}, first)  # the cut, at 1.0
    p.observe(429, {}, second)
    assert p.limits()["guessed_requests"] == pytest.approx(20)


def test_a_guessed_rate_is_at_least_one_a_minute():
    clock = Clock()
    p = pacer(clock, backoff=0.5)
    p.observe(200, {})
    p.observe(429, {})
    assert p.limits()["guessed_requests"] == 1.0


def test_a_success_exactly_a_window_old_still_counts():
    clock = Clock()
    p = pacer(clock, window=10)
    p.observe(200, {})
    assert p._accepted_before(10.0, None) == 1
    assert p._accepted_before(10.5, None) == 0


def test_a_request_sent_exactly_skew_later_may_already_be_counted():
    clock = Clock()
    p = pacer(clock, skew=0.5)
    first = p.acquire(1000)
    clock.now = 0.5
    p.acquire(1000)  # exactly ``skew`` later: the server may have counted it
    p.observe(200, {"x-ratelimit-limit-tokens": "10000", "x-ratelimit-remaining-tokens": "9000"}, first)
    assert p._buckets["tokens"].level == pytest.approx(9000 + 0.5 * 10000 / 60)


def test_requests_reserved_since_are_taken_off_what_remains():
    clock = Clock()
    p = pacer(clock)
    first = p.acquire(1000)
    for t in (1.0, 2.0, 3.0):
        clock.now = t
        p.acquire(1000)
    clock.now = 4.0
    p.observe(200, {"x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "90",
                    "x-ratelimit-limit-tokens": "10000", "x-ratelimit-remaining-tokens": "9000"}, first)
    assert p._buckets["requests"].level == pytest.approx(90 + 4 * 100 / 60 - 3)
    assert p._buckets["tokens"].level == pytest.approx(9000 + 4 * 10000 / 60 - 3000)
