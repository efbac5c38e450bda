"""brief_each: input order, per-item errors, and an early stop on account-wide errors."""

from __future__ import annotations

import threading
import time

import pytest

from briefing import AuthenticationError, Briefing, ExtractionError, InputError
from briefing.brief.each import brief_each


def _briefing(name: str) -> Briefing:
    return Briefing(headline=name, summary="", claims=[], article=name)


def test_results_come_in_input_order_whatever_finishes_first():
    delays = {"a": 0.05, "b": 0.0, "c": 0.02}

    def slow(name: str) -> Briefing:
        time.sleep(delays[name])
        return _briefing(name)

    outcomes = list(brief_each(slow, ["a", "b", "c"], concurrency=3))
    assert [o.briefing.article for o in outcomes] == ["a", "b", "c"]


def test_a_failing_item_keeps_its_place_and_the_rest_still_run():
    def flaky(name: str) -> Briefing:
        if name == "b":
            raise ExtractionError("bad answer", article=name)
        return _briefing(name)

    unreadable = InputError("no such file", reason="missing", path="x.txt")
    outcomes = list(brief_each(flaky, ["a", unreadable, "b", "c"], concurrency=2))
    assert [o.briefing.article if o.briefing else type(o.error).__name__ for o in outcomes] == \
        ["a", "InputError", "ExtractionError", "c"]


def test_an_account_wide_error_starts_nothing_new():
    started = []
    lock = threading.Lock()

    def brief(name: str) -> Briefing:
        with lock:
            started.append(name)
        if name == "b":
            raise AuthenticationError("rejected the API key", status=401)
        return _briefing(name)

    outcomes = list(brief_each(brief, ["a", "b", "c", "d"], concurrency=1))
    assert started == ["a", "b"]
    assert outcomes[0].briefing and isinstance(outcomes[1].error, AuthenticationError)
    assert outcomes[2].skipped and outcomes[3].skipped


def test_concurrency_must_be_positive():
    with pytest.raises(ValueError):
        list(brief_each(_briefing, ["a"], concurrency=0))


def test_closing_the_batch_early_starts_nothing_new():
    started = []
    lock = threading.Lock()

    def brief(name: str) -> Briefing:
        with lock:
            started.append(name)
        time.sleep(0.05)
        return _briefing(name)

    outcomes = brief_each(brief, ["a", "b", "c", "d", "e", "f"], concurrency=1)
    assert next(outcomes).briefing.article == "a"
    outcomes.close()  # a caller that stops reading (break, Ctrl-C) must not pay for the rest
    time.sleep(0.2)
    assert started in (["a"], ["a", "b"])  # at most the one already under way
