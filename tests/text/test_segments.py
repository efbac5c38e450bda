"""Cutting a text at span boundaries: runs that join back to the text and know their spans."""

from __future__ import annotations

import time

from briefing.core.models import Span
from briefing.text.segments import segments


def test_overlapping_spans_cut_the_text_and_each_run_knows_who_covers_it():
    runs = segments("abcdefghij", [("x", Span(start=0, end=5)), ("y", Span(start=3, end=8))])
    assert [(r.text, r.claims, r.starts, r.ends) for r in runs] == [
        ("abc", ("x",), ("x",), ()), ("de", ("x", "y"), ("y",), ("x",)), ("fgh", ("y",), (), ("y",)),
        ("ij", (), (), ())]


def test_nested_and_identical_spans_keep_the_order_they_were_given_in():
    runs = segments("0123456789", [(2, Span(start=2, end=6)), (1, Span(start=0, end=8)), (3, Span(start=2, end=6))])
    assert [(r.text, r.claims, r.starts, r.ends) for r in runs] == [
        ("01", (1,), (1,), ()), ("2345", (2, 1, 3), (2, 3), (2, 3)), ("67", (1,), (), (1,)), ("89", (), (), ())]


def test_empty_reversed_and_out_of_range_spans_are_left_out():
    text = "short text"
    bad = [("empty", Span(start=3, end=3)), ("reversed", Span(start=6, end=2)), ("past", Span(start=4, end=11)),
           ("far", Span(start=50, end=60))]
    runs = segments(text, bad)
    assert [(r.text, r.claims) for r in runs] == [("short text", ())]
    assert segments(text, [("all", Span(start=0, end=len(text)))])[0].claims == ("all",)  # the whole text fits


def test_no_spans_and_no_text():
    assert [(r.text, r.claims) for r in segments("abc", [])] == [("abc", ())]
    assert segments("", [("x", Span(start=0, end=1))]) == []


def test_runs_always_join_back_to_the_text_and_many_spans_stay_fast():
    text = "word " * 20_000
    spans = [(i, Span(start=i * 5, end=i * 5 + 4)) for i in range(20_000)]
    started = time.process_time()
    runs = segments(text, spans)
    assert time.process_time() - started < 2.0
    assert "".join(r.text for r in runs) == text
    assert sum(1 for r in runs if r.claims) == 20_000 and all(len(r.claims) <= 1 for r in runs)
