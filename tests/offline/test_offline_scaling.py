"""The offline extractor's work grows linearly with the article's length (issue 11, item 1).

Work is counted, not timed: the number of Python lines the ``briefing.offline`` package executes
while briefing the seed article repeated 2 and 8 times. A pairwise scan anywhere in the package
makes the count grow with the square of the length (the 5 MB case took minutes); the figures
in seconds live in ``benchmarks/attribution.py --scaling``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import briefing.offline
from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.offline.intervals import Intervals

PACKAGE = str(Path(briefing.offline.__file__).parent)


def _lines_executed(text: str) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        brief_offline(Article(text=text))
    finally:
        sys.settrace(None)
    return count


def test_work_grows_linearly_with_the_article(seed_text):
    small = _lines_executed("\n\n".join([seed_text] * 2))
    large = _lines_executed("\n\n".join([seed_text] * 8))

    assert large / small < 4 * 1.15  # 4x the text: about 4x the work, not 16x


def test_intervals_answer_like_a_pairwise_scan():
    spans = [(0, 10), (5, 8), (20, 40), (22, 25), (50, 51), (60, 100), (70, 75)]
    index = Intervals(spans)
    for start in range(0, 105, 3):
        for end in range(start + 1, 110, 7):
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
            assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)
            assert index.largest_overlap(start, end) == max(
                [max(0, min(end, e) - max(start, s)) for s, e in spans])


def test_intervals_look_at_few_spans_per_question():
    spans = [(i * 10, i * 10 + 5) for i in range(10_000)]
    index = Intervals(spans)
    for i in range(10_000):
        index.overlaps(i * 10 + 1, i * 10 + 3)
        index.largest_overlap(i * 10 + 1, i * 10 + 12)
    assert index.probes <= 4 * 10_000  # a constant per question, not one per span
