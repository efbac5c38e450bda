"""Cut a text at span boundaries, so a view can mark each span's text at its place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from briefing.core.models import Span

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Segment(Generic[K]):
    """A run of text; ``claims``: the keys of the spans that cover it, ``starts``/``ends``: of
    those that begin at its start / end at its end (keys in the order the spans were given)."""

    text: str
    claims: tuple[K, ...]
    ends: tuple[K, ...]
    starts: tuple[K, ...] = ()


def segments(text: str, spans: Sequence[tuple[K, Span]]) -> list[Segment[K]]:
    """``text`` cut at every span boundary, in order; the runs join back to ``text``. A span that
    is empty or does not fit in ``text`` is left out. Runs in time linear in the cuts times the
    spans open at once."""
    keep = [(i, key, span) for i, (key, span) in enumerate(spans) if 0 <= span.start < span.end <= len(text)]
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    keys = {i: key for i, key, _ in keep}
    for i, _, span in keep:
        starting[span.start].append(i)
        ending[span.end].append(i)
    cuts = sorted({0, len(text), *starting, *ending})
    open_: set[int] = set()
    runs: list[Segment[K]] = []
    for start, end in pairwise(cuts):
        open_.difference_update(ending.get(start, ()))
        open_.update(starting.get(start, ()))
        runs.append(Segment(text[start:end], tuple(keys[i] for i in sorted(open_)),
                            tuple(keys[i] for i in ending.get(end, ())), tuple(keys[i] for i in starting.get(start, ()))))
    return runs
