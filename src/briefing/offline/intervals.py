"""Sorted half-open intervals answering overlap and containment questions in logarithmic time.

The offline extractor asks, for every clause, sentence or quote, whether some other span
overlaps or contains it. Scanning every pair made a 5 MB article take minutes; an ``Intervals``
index sorts the spans once (by start, with a running maximum of the ends) and answers each
question with a binary search plus a look at the few spans that start inside the one asked about.
``probes`` counts the spans looked at, so tests can check that the work grows linearly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Intervals:
    """An immutable index of half-open ``(start, end)`` spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]
        self._reach = list(accumulate(self.ends, max))  # the furthest end among spans[:i + 1]
        self.probes = 0
        """How many indexed spans the queries have looked at (binary-search steps not counted)."""

    def __len__(self) -> int:
        return len(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares at least one position with ``[start, end)``."""
        before_end = bisect_left(self.starts, end)  # spans that start before `end`
        self.probes += 1
        return before_end > 0 and self._reach[before_end - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Whether one span covers all of ``[start, end)``."""
        from_before = bisect_right(self.starts, start)  # spans that start at or before `start`
        self.probes += 1
        return from_before > 0 and self._reach[from_before - 1] >= end

    def largest_overlap(self, start: int, end: int, *, enough: float = float("inf")) -> int:
        """The most positions of ``[start, end)`` that one span covers (0 if none overlaps).

        Spans starting at or before ``start`` are answered by the running maximum of their ends;
        only the spans that start inside ``(start, end)`` are looked at one by one. Stops early
        once an overlap larger than ``enough`` is found.
        """
        from_before = bisect_right(self.starts, start)
        best = 0
        if from_before:
            self.probes += 1
            best = max(0, min(end, self._reach[from_before - 1]) - start)
        for i in range(from_before, bisect_left(self.starts, end)):
            if best > enough:
                break
            self.probes += 1
            best = max(best, min(end, self.ends[i]) - self.starts[i])
        return best
