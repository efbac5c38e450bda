"""Exact and near-duplicate articles (one wire story run by several outlets) folded into one.

Two articles are copies when their word 5-grams overlap by at least ``min_overlap`` (Jaccard on
the sets of shingles after case and punctuation folding): an outlet's own headline, byline or
last paragraph leaves a copy a copy, a different story on the same subject does not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from briefing.core.models import Article
from briefing.text.fold import fold_fast

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DuplicateOptions:
    """``min_overlap``: shingle Jaccard from which two articles are one story run twice;
    ``shingle``: words per shingle."""

    min_overlap: float = 0.8
    shingle: int = 5


def _shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(fold_fast(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def find_copies(articles: list[Article], options: DuplicateOptions = DuplicateOptions()) -> list[list[int]]:
    """Groups of indexes of articles that are copies of each other, each group in input order
    (the first is the one kept); articles without copies form groups of one."""
    shingles = [_shingles(a.text, options.shingle) for a in articles]
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(shingles):
        for h in s:
            index[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in index.values():
        if 1 < len(holders) <= 50:  # a shingle in many articles is boilerplate, not a copy signal
            for x, i in enumerate(holders):
                for j in holders[x + 1:]:
                    shared[i, j] += 1
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), common in sorted(shared.items()):
        union = len(shingles[i]) + len(shingles[j]) - common
        if union and common / union >= options.min_overlap:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[root(i)].append(i)
    return sorted(groups.values())
