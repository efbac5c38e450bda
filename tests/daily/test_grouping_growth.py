"""Offline grouping that grows with the day, not with its square (issue 18 item 16): the postings
cap at its boundary, widely held features that still count, average linkage against a plain
reference, the two-event check on matrices, and BLAS on one thread while groups are checked."""

from __future__ import annotations

import contextlib
import itertools
import random
from collections.abc import Iterator

import pytest

from briefing import Article
from briefing.daily import grouping
from briefing.daily.grouping import (
    GroupingOptions,
    _cosines,
    _vectors,
    average_linkage,
    each_has_own,
    group_offline,
    own_features,
    similarities,
)


def _held_by(k: int, total: int, feature: str = "d:7") -> list[dict[str, float]]:
    """``total`` vectors; the first ``k`` hold ``feature``, each holds a name of its own."""
    return [({feature: 1.0} if i < k else {}) | {f"n:own{i}": 1.0} for i in range(total)]


def test_a_feature_held_by_exactly_max_postings_vectors_proposes_its_pairs() -> None:
    vectors = _held_by(4, 6)
    assert set(similarities(vectors, 1, max_postings=4)) == set(itertools.combinations(range(4), 2))
    assert similarities(vectors, 1, max_postings=3) == {}  # one holder over the cap: no pair at all
    assert similarities(vectors, 1, max_postings=None) == similarities(vectors, 1, max_postings=4)


def test_a_widely_held_feature_still_counts_in_a_proposed_pair() -> None:
    vectors = [{"n:ames": 1.0, "d:2024": 0.5}, {"n:ames": 1.0, "d:2024": 0.5},
               {"d:2024": 0.5, "n:x": 1.0}, {"d:2024": 0.5, "n:y": 1.0}]
    capped = similarities(vectors, 1, max_postings=2)
    assert set(capped) == {(0, 1)}
    assert capped[0, 1] == pytest.approx(similarities(vectors, 1)[0, 1])
    assert capped[0, 1] == pytest.approx(1.0)  # the same two features: without 2024 it would be 1.0 / 1.25
    lopsided = [{"n:ames": 1.0, "d:2024": 0.5}, {"n:ames": 1.0}, {"d:2024": 0.5}, {"d:2024": 0.5}]
    assert similarities(lopsided, 1, max_postings=2)[0, 1] == pytest.approx(1.0 / 1.25 ** 0.5)


def test_a_widely_held_feature_counts_towards_min_shared() -> None:
    shared_wide = [{"d:7": 1.0, "d:2024": 0.5}, {"d:7": 1.0, "d:2024": 0.5}, {"d:2024": 0.5}, {"d:2024": 0.5}]
    assert set(similarities(shared_wide, 2, max_postings=2)) == {(0, 1)}  # 7 proposes, 2024 makes two
    one_only = [{"d:7": 1.0, "d:2024": 0.5}, {"d:7": 1.0}, {"d:2024": 0.5}, {"d:2024": 0.5}]
    assert similarities(one_only, 2, max_postings=2) == {}
    wide_name = [{"d:7": 1.0, "n:oslo": 0.5}, {"d:7": 1.0, "n:oslo": 0.5}, {"n:oslo": 0.5}, {"n:oslo": 0.5}]
    assert set(similarities(wide_name, 3, max_postings=2)) == {(0, 1)}  # a wide name counts as min_shared


def _random_vectors(seed: int, n: int = 40, features: int = 25) -> list[dict[str, float]]:
    rng = random.Random(seed)
    kinds = ["n:", "p:", "d:", "m:", "w:"]
    weights = {f"{kinds[k % 5]}{k}": rng.choice([0.3, 0.7, 1.1, 2.0]) for k in range(features)}
    popular = list(weights)[:5]  # held by most vectors: over any small cap
    vectors = []
    for _ in range(n):
        held = {f for f in weights if rng.random() < 0.12} | {f for f in popular if rng.random() < 0.8}
        vectors.append({f: weights[f] for f in sorted(held)})
    return vectors


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("min_shared", [1, 2, 3])
def test_capped_pairs_are_the_full_pairs_a_rare_feature_proposes(seed: int, min_shared: int) -> None:
    vectors = _random_vectors(seed)
    cap = 8
    full = similarities(vectors, min_shared)
    capped = similarities(vectors, min_shared, max_postings=cap)
    held = {f: sum(f in v for v in vectors) for v in vectors for f in v}
    proposed = {(i, j) for (i, j) in full
                if any(held[f] <= cap for f in vectors[i].keys() & vectors[j].keys())}
    assert capped and set(full) != set(capped)  # the cap matters on these vectors
    assert set(capped) == proposed
    assert capped == pytest.approx({pair: full[pair] for pair in capped}, rel=1e-12)
    assert list(capped) == sorted(capped)  # in pair order
    assert similarities(vectors, min_shared, max_postings=cap) == capped  # the same floats every time


def test_a_day_no_larger_than_the_cap_groups_exactly_as_without_it() -> None:
    day = [Article(id=f"a{k}", text=f"Mayor Olsen{k % 3} of Tarnby{k % 3} said on Monday that {k % 3} were hurt "
                                   f"in 2024, and Chief Berg{k % 4} agreed.") for k in range(12)]
    assert group_offline(day, GroupingOptions(max_postings=12)) == group_offline(day, GroupingOptions(max_postings=None))


def _capped_day() -> list[Article]:
    """Ten articles that all carry the same year, weekday and figure (over a cap of 4), two
    pairs of them about one event each (shared names), the rest about nothing in common."""
    wide = "It happened on Monday in 2024, when 300 people came."
    texts = {
        "q1": "Mayor Olsen of Tarnby opened the Fjord bridge.", "q2": "The Fjord bridge in Tarnby had Olsen there.",
        "r1": "Coach Ruiz of Valencia signed Llorente.", "r2": "Llorente joined Valencia, said coach Ruiz.",
        **{f"x{k}": f"Writer Name{k} filed from Place{k}." for k in range(6)},
    }
    return [Article(id=key, text=f"{text} {wide}") for key, text in texts.items()]


def _partition(day: list[Article], options: GroupingOptions) -> list[list[str]]:
    return sorted(sorted(day[i].id or "" for i in g) for g in group_offline(day, options))


def test_features_over_the_cap_leave_same_event_articles_to_group_by_their_names() -> None:
    day = _capped_day()
    stories = _partition(day, GroupingOptions(max_postings=4, small_day=0))
    assert ["q1", "q2"] in stories and ["r1", "r2"] in stories
    assert all(len(s) == 1 for s in stories if s[0].startswith("x"))
    vectors = _vectors([grouping.article_features(a) for a in day], 0)
    assert similarities(vectors, 2, max_postings=4)[0, 1] == pytest.approx(similarities(vectors, 2)[0, 1])


def test_figures_held_by_exactly_the_cap_still_join_the_articles_that_share_them() -> None:
    figures = "In 2031 the 4417 people came."
    day = [Article(id=f"f{k}", text=f"Writer Name{k} filed from Place{k}. {figures}") for k in range(3)]
    day += [Article(id=f"x{k}", text=f"Writer Other{k} filed from Town{k}.") for k in range(5)]
    at_cap = _partition(day, GroupingOptions(max_postings=3, small_day=0))
    assert ["f0", "f1", "f2"] in at_cap
    over = _partition(day, GroupingOptions(max_postings=2, small_day=0))
    assert ["f0"] in over and ["f1"] in over and ["f2"] in over


def test_grouping_a_capped_day_does_not_depend_on_input_order() -> None:
    day = _capped_day()
    options = GroupingOptions(max_postings=4, small_day=0)
    expected = _partition(day, options)
    for seed in range(6):
        shuffled = day[:]
        random.Random(seed).shuffle(shuffled)
        assert _partition(shuffled, options) == expected


def test_a_huge_day_sharing_only_widely_held_figures_proposes_no_pair() -> None:
    vectors = [{f"d:{k}": 1.0 for k in range(30)} | {f"n:only{i}": 1.0} for i in range(400)]
    assert similarities(vectors, 2, max_postings=50) == {}
    assert average_linkage(400, {}, min_similarity=0.12) == [[i] for i in range(400)]


def _reference_linkage(n: int, sims: dict[tuple[int, int], float], min_similarity: float,
                       min_clusters: int = 1) -> list[list[int]]:
    """Average linkage by its definition: join the two groups of the highest mean similarity
    (ties: the smallest first members; only groups with a similar pair), recomputing every mean
    each time."""
    groups = [[i] for i in range(n)]
    while len(groups) > min_clusters:
        best = None
        for x, y in itertools.combinations(range(len(groups)), 2):
            a, b = groups[x], groups[y]
            between = [sims[min(i, j), max(i, j)] for i in a for j in b if (min(i, j), max(i, j)) in sims]
            if not between:
                continue  # groups alike in no pair are never joined, whatever the threshold
            mean = sum(between) / (len(a) * len(b))
            key = (-mean, min(a), min(b))
            if best is None or key < best[0]:
                best = (key, x, y)
        if best is None or -best[0][0] < min_similarity:
            break
        _, x, y = best
        groups[x] = groups[x] + groups.pop(y)
    return sorted(sorted(g) for g in groups)


@pytest.mark.parametrize("seed", range(40))
def test_average_linkage_is_average_linkage(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 14)
    values = [0.1, 0.25, 0.5, 0.75, 1.0]  # few values: ties are common
    sims = {(i, j): rng.choice(values) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.4}
    for threshold, floor in ((0.2, 1), (0.3, 1), (0.12, 3), (-1.0, 2)):
        assert average_linkage(n, sims, min_similarity=threshold, min_clusters=floor) == \
            _reference_linkage(n, sims, threshold, floor)


def test_a_lowered_mean_is_reread_before_it_joins() -> None:
    # 0-1 join first (0.9); then 0-2 (0.8 alone) has a mean of (0.8 + 0) / 2 with {0, 1}: below 0.5,
    # while 3-4 (0.6) is still above
    sims = {(0, 1): 0.9, (0, 2): 0.8, (3, 4): 0.6}
    assert average_linkage(5, sims, min_similarity=0.5) == [[0, 1], [2], [3, 4]]
    assert average_linkage(5, sims, min_similarity=0.4) == [[0, 1, 2], [3, 4]]


@pytest.mark.parametrize("seed", range(6))
def test_cosines_are_the_similarities_of_the_rarity_weighted_sets(seed: int) -> None:
    rng = random.Random(seed)
    pool = [f"n:{k}" for k in range(12)] + ["d:1", "d:2"]
    sets = [{f for f in pool if rng.random() < 0.3} for _ in range(9)] + [set(pool)] + [set()]
    matrix = _cosines(sets)
    pairs = similarities(_vectors(sets))
    for i, j in itertools.combinations(range(len(sets)), 2):
        assert matrix[i, j] == pytest.approx(pairs.get((i, j), 0.0), abs=1e-12)
        assert matrix[j, i] == matrix[i, j]
    assert all(matrix[i, i] == 0.0 for i in range(len(sets)))
    assert not matrix[-1].any()  # the empty set is alike to none


def _sets(seed: int) -> tuple[list[set[str]], list[list[int]]]:
    rng = random.Random(seed)
    left = [{f"n:l{k}" for k in range(6) if rng.random() < 0.7} | {"n:glue"} for _ in range(7)]
    right = [{f"n:r{k}" for k in range(6) if rng.random() < 0.7 * (seed % 3) / 2} | {"n:glue"} for _ in range(7)]
    return left + right, [list(range(7)), list(range(7, 14))]


@pytest.mark.parametrize("seed", range(9))
def test_each_has_own_is_whether_every_half_counts_enough_own_features(seed: int) -> None:
    sets, halves = _sets(seed)
    counts = own_features(sets, halves, 0.01)
    for enough in range(6):
        assert each_has_own(sets, halves, 0.01, enough) == (min(counts) >= enough)


def test_each_has_own_at_its_boundary() -> None:
    sets = [{"n:l0", "n:l1", "n:l2", "n:glue"} for _ in range(7)] + [{"n:r0", "n:glue"} for _ in range(7)]
    halves = [list(range(7)), list(range(7, 14))]
    assert own_features(sets, halves, 0.01) == [3, 1]
    assert each_has_own(sets, halves, 0.01, 1)
    assert not each_has_own(sets, halves, 0.01, 2)  # the right half has one name of its own
    assert not each_has_own(sets, list(reversed(halves)), 0.01, 2)
    assert each_has_own([set(), set()], [[0], [1]], 0.01, 0)  # nothing asked, nothing needed
    assert not each_has_own([set(), set()], [[0], [1]], 0.01, 1)


def test_blas_runs_on_one_thread_while_groups_are_checked() -> None:
    import numpy  # noqa: F401  (loads the BLAS library that threadpoolctl controls)
    from threadpoolctl import threadpool_info

    with grouping._one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert inside and set(inside) == {1}


def test_groups_are_checked_under_one_blas_thread_only_when_one_is_big_enough(monkeypatch) -> None:
    entered: list[bool] = []

    @contextlib.contextmanager
    def recording() -> Iterator[None]:
        entered.append(True)
        yield

    monkeypatch.setattr(grouping, "_one_blas_thread", recording)
    others = [Article(id=f"x{k}", text=f"Writer Name{k} filed from Place{k}.") for k in range(4)]
    olsen = [Article(id=f"s{k}", text=f"Mayor Olsen of Tarnby spoke about the Fjord bridge {k}.") for k in range(6)]
    five = group_offline(olsen[:5] + others)  # one group of five: below 2 * min_split, nothing to check
    assert five[0] == [0, 1, 2, 3, 4] and entered == []
    six = group_offline(olsen + others)
    assert six[0] == [0, 1, 2, 3, 4, 5] and entered == [True]
    group_offline(olsen[:5] + others, GroupingOptions(min_split=2))
    assert entered == [True, True]


def test_mean_similarities_within_and_between_halves() -> None:
    import numpy as np

    matrix = np.array([[0.0, 0.6, 0.2], [0.6, 0.0, 0.4], [0.2, 0.4, 0.0]])
    assert grouping._mean_within(matrix, [0, 1, 2]) == pytest.approx(1.2 / 3)
    assert grouping._mean_within(matrix, [1, 2]) == pytest.approx(0.4)
    assert grouping._mean_within(matrix, [2]) == 1.0  # one article: alike to itself, no pair to average
    assert grouping._mean_between(matrix, [0], [1, 2]) == pytest.approx(0.4)
    assert grouping._mean_between(matrix, [0, 1], [2]) == pytest.approx(0.3)


def test_halves_are_apart_only_when_the_link_between_is_thin_next_to_the_looser_half() -> None:
    # one tight half (the same three names) and one loose half (a name each, shared in turn), linked
    # by two names some of each carry: between 0.108, within 0.832 and 0.264
    tight = [{"n:a1", "n:a2", "n:a3", "n:g"} | ({"n:h"} if k < 3 else set()) | ({"n:h2"} if k < 2 else set())
             for k in range(6)]
    loose = [{"n:g", f"n:b{k % 4}"} | ({"n:h"} if k < 4 else set()) | ({"n:h2"} if k < 2 else set())
             for k in range(6)]
    sets = tight + loose
    cosines = _cosines(sets)
    assert grouping._bisect(cosines) == [list(range(6)), list(range(6, 12))]
    no_own = GroupingOptions(min_own=50)  # only the similarity decides
    assert grouping._two_events(list(range(12)), sets, no_own) is None  # 0.108 >= 0.3 x 0.264
    looser = GroupingOptions(min_own=50, split_ratio=0.45)  # 0.108 < 0.45 x 0.264
    assert grouping._two_events(list(range(12)), sets, looser) == [list(range(6)), list(range(6, 12))]
