"""brief_each: input order, per-item errors, and an early stop on account-wide errors."""

from __future__ import annotations

import threading

import pytest

from briefing import AuthenticationError, Briefing, ExtractionError, InputError
from briefing.brief import each
from briefing.brief.each import brief_each


def _briefing(name: str) -> Briefing:
    return Briefing(headline=name, summary="", claims=[], article=name)


def test_results_come_in_input_order_whatever_finishes_first():
    # "c" finishes only after "b", and "a" only after "c": the reverse of the input order
    done = {name: threading.Event() for name in "abc"}
    after = {"a": "c", "c": "b"}
    finished: list[str] = []
    lock = threading.Lock()

    def slow(name: str) -> Briefing:
        if name in after:
            assert done[after[name]].wait(timeout=10), f"{name} waited for {after[name]} in vain"
        with lock:
            finished.append(name)
        done[name].set()
        return _briefing(name)

    outcomes = list(brief_each(slow, ["a", "b", "c"], concurrency=3))
    assert finished == ["b", "c", "a"]
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
    with pytest.raises(ValueError, match="^concurrency must be at least 1$"):
        list(brief_each(_briefing, ["a"], concurrency=0))


def test_closing_the_batch_early_starts_nothing_new(monkeypatch):
    """"b" is under way when the caller closes the batch, and finishes only once the batch is
    shutting down: it completes, and nothing after it starts."""
    started = []
    lock = threading.Lock()
    b_started, shutting_down = threading.Event(), threading.Event()

    class Pool(each.ThreadPoolExecutor):
        def shutdown(self, *args, **kwargs) -> None:
            shutting_down.set()
            super().shutdown(*args, **kwargs)

    monkeypatch.setattr(each, "ThreadPoolExecutor", Pool)

    def brief(name: str) -> Briefing:
        with lock:
            started.append(name)
        if name == "b":
            b_started.set()
            assert shutting_down.wait(timeout=10)
        return _briefing(name)

    outcomes = brief_each(brief, ["a", "b", "c", "d", "e", "f"], concurrency=1)
    assert next(outcomes).briefing.article == "a"
    assert b_started.wait(timeout=10)
    outcomes.close()  # a caller that stops reading (break, Ctrl-C) must not pay for the rest
    assert started == ["a", "b"]  # the one already under way finished; none started after it
