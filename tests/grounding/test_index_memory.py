"""The text-index cache is bounded by bytes and an index is compact (issue 18, item 14)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from briefing.grounding import aligner
from briefing.grounding.aligner import (
    INDEX_BYTES_PER_CHAR,
    INDEX_CACHE_BYTES,
    _IndexCache,
    align,
)

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "nato-us-russia-thaw.txt").read_text(encoding="utf-8")


def test_the_default_bound_is_documented() -> None:
    assert INDEX_CACHE_BYTES == 200_000_000
    assert aligner._INDEXES.max_bytes == INDEX_CACHE_BYTES


def test_the_cache_drops_the_oldest_past_its_bytes_and_keeps_nothing_too_big() -> None:
    cache = _IndexCache(max_bytes=25 * INDEX_BYTES_PER_CHAR)
    cache.get("one two three", 150)
    cache.get("four five six", 150)
    assert [k for k, _ in cache._kept] == ["four five six"]
    assert cache.bytes == 13 * INDEX_BYTES_PER_CHAR
    cache.get("x" * 26, 150)
    assert [k for k, _ in cache._kept] == ["four five six"]
    assert cache.get("four five six", 150) is cache.get("four five six", 150)


def test_an_index_costs_under_its_estimate_per_character() -> None:
    text = (SEED + "\n\n") * (200_000 // len(SEED))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = aligner._build_index(text, 150)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert index.words.norm
    assert kept / len(text) < INDEX_BYTES_PER_CHAR  # was ~118 with lists of ints


def test_align_gives_the_same_answer_with_a_cold_cache() -> None:
    excerpt = SEED[200:260].strip()
    warm = align(excerpt, SEED)
    aligner._INDEXES._kept.clear()
    aligner._INDEXES.bytes = 0
    assert align(excerpt, SEED) == warm
