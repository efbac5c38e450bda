"""The postings cap of offline grouping (issue 18, item 16): pairs come only from features held
by few articles, and a proposed pair scores exactly as without the cap."""

from __future__ import annotations

from briefing.daily.grouping import GroupingOptions, similarities


def _vectors() -> list[dict[str, float]]:
    common = {"f:2024": 0.5}  # a figure in every vector: over a cap of 3
    vectors = [dict(common) for _ in range(6)]
    vectors[0]["n:alice"] = vectors[1]["n:alice"] = 1.2
    vectors[2]["d:monday"] = vectors[3]["d:monday"] = 0.7
    vectors[2]["f:17"] = vectors[3]["f:17"] = 0.9
    return vectors


def test_the_default_cap_is_documented() -> None:
    assert GroupingOptions().max_postings == 50
    assert "max_postings" in (GroupingOptions.__doc__ or "")


def test_a_feature_over_the_cap_proposes_no_pair_but_still_counts() -> None:
    vectors = _vectors()
    full = similarities(vectors, 1)
    capped = similarities(vectors, 1, max_postings=3)
    assert len(full) == 15  # every pair shares the common figure
    assert set(capped) == {(0, 1), (2, 3)}
    assert capped == {pair: full[pair] for pair in capped}  # the common figure still weighs in


def test_a_cap_no_feature_reaches_changes_nothing() -> None:
    vectors = _vectors()
    assert similarities(vectors, 2, max_postings=6) == similarities(vectors, 2)
    assert similarities(vectors, 1, max_postings=5) != similarities(vectors, 1)
