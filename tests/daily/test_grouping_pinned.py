"""The parts of offline grouping that the day-level tests pass through without pinning (issue 18
item 20): rarity weights, which pairs count as alike, average linkage, the order of the stories,
titles, and every documented default."""

from __future__ import annotations

import math

import pytest

from briefing import Article
from briefing.daily.entities import features
from briefing.daily.grouping import (
    GroupingOptions,
    _vectors,
    article_features,
    average_linkage,
    group_offline,
    similarities,
)


def test_the_documented_defaults() -> None:
    options = GroupingOptions()
    assert options.min_similarity == 0.12
    assert options.split_ratio == 0.3
    assert options.min_split == 3
    assert options.min_shared == 2
    assert options.small_day == 3
    assert options.small_day_similarity == 0.15
    assert options.max_postings == 50
    doc = GroupingOptions.__doc__ or ""
    for knob in ("min_similarity", "split_ratio", "min_split", "min_shared", "small_day", "small_day_similarity"):
        assert f"``{knob}``" in doc


def test_rarity_weights_drop_features_of_one_article_and_of_every_article() -> None:
    sets = [{"n:glue", "n:pair", "n:alone"}, {"n:glue", "n:pair"}, {"n:glue"}]
    vectors = _vectors(sets)
    assert vectors[0] == {"n:pair": pytest.approx(math.log(3 / 2))}
    assert vectors[1] == {"n:pair": pytest.approx(math.log(3 / 2))}
    assert vectors[2] == {}


def test_rarity_weights_fall_as_more_articles_hold_a_feature() -> None:
    sets = [{"n:two", "n:three"}, {"n:two", "n:three"}, {"n:three"}, set(), set()]
    vector = _vectors(sets)[0]
    assert vector["n:two"] == pytest.approx(math.log(5 / 2))
    assert vector["n:three"] == pytest.approx(math.log(5 / 3))


def test_rarity_weights_of_one_set_drop_everything_by_default() -> None:
    assert _vectors([{"n:a", "d:7"}]) == [{}]


def test_similarities_by_default_need_one_shared_feature() -> None:
    assert similarities([{"d:7": 1.0}, {"d:7": 1.0}]) == {(0, 1): pytest.approx(1.0)}


def _names(*names: str) -> str:
    return "Officials met " + " and ".join(names) + " on the quay."


def test_a_day_of_exactly_small_day_articles_uses_the_small_day_similarity() -> None:
    # one shared name of 7 and 8: cosine 1 / sqrt(56) = 0.134, between min_similarity and small_day_similarity
    one = Article(id="one", text=_names("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Shared"))
    two = Article(id="two", text=_names("Golf", "Hotel", "India", "Juliet", "Kilo", "Lima", "Mike", "Shared"))
    three = Article(id="three", text=_names("Oscar", "Papa", "Quebec"))
    assert len(article_features(one)) == 7 and len(article_features(two)) == 8
    assert group_offline([one, two, three]) == [[0], [1], [2]]
    assert group_offline([one, two, three], GroupingOptions(small_day_similarity=0.13)) == [[0, 1], [2]]


def test_a_small_day_weighs_every_feature_one_up_to_and_including_small_day() -> None:
    sets = [{"n:glue", "n:a"}, {"n:glue", "n:b"}, {"n:glue"}]
    assert _vectors(sets, small_day=3) == [{"n:a": 1.0, "n:glue": 1.0}, {"n:b": 1.0, "n:glue": 1.0}, {"n:glue": 1.0}]
    assert _vectors(sets, small_day=2) == [{}, {}, {}]  # three sets: rarity decides, and glue is in all


def test_cosine_similarity_of_the_shared_features() -> None:
    vectors = [{"n:a": 1.0, "n:b": 2.0}, {"n:a": 1.0, "d:7": 2.0}, {"d:9": 1.0}]
    sims = similarities(vectors)
    assert sims == {(0, 1): pytest.approx(1 / (math.sqrt(5) * math.sqrt(5)))}


def test_a_name_alone_is_enough_but_one_figure_or_date_is_not() -> None:
    vectors = [{"d:7": 1.0, "w:monday": 1.0, "n:x": 1.0}, {"d:7": 1.0, "n:y": 1.0},
               {"d:7": 1.0, "w:monday": 1.0}, {"n:x": 1.0, "p:x y": 1.0}]
    sims = similarities(vectors, min_shared=2)
    assert (0, 1) not in sims  # one figure
    assert (0, 2) in sims  # a figure and a weekday
    assert (0, 3) in sims  # one name
    assert (1, 2) not in sims
    assert set(similarities(vectors, min_shared=1)) == {(0, 1), (0, 2), (0, 3), (1, 2)}
    assert (0, 2) not in similarities(vectors, min_shared=3)
    assert (0, 3) in similarities(vectors, min_shared=3)  # a name counts as min_shared


def test_a_name_phrase_counts_as_a_name() -> None:
    vectors = [{"p:kern county": 1.0}, {"p:kern county": 1.0}]
    assert similarities(vectors, min_shared=5) == {(0, 1): pytest.approx(1.0)}


def test_capped_and_full_scans_agree_on_min_shared() -> None:
    common = {"d:2024": 0.5}
    vectors = [dict(common) for _ in range(5)]
    vectors[0] |= {"d:7": 1.0, "w:monday": 1.0}
    vectors[1] |= {"d:7": 1.0, "w:monday": 1.0}
    vectors[2] |= {"d:9": 1.0}
    vectors[3] |= {"d:9": 1.0}
    vectors[4] |= {"n:x": 1.0}
    full = similarities(vectors, 3)
    capped = similarities(vectors, 3, max_postings=2)
    assert set(capped) == {(0, 1)}  # d:7 + monday + the common figure: 3 shared
    assert capped[0, 1] == full[0, 1]
    assert set(similarities(vectors, 2, max_postings=2)) == {(0, 1), (2, 3)}
    assert list(similarities(vectors, 2, max_postings=2)) == [(0, 1), (2, 3)]  # in pair order


def test_a_vector_without_features_is_alike_to_none() -> None:
    assert similarities([{}, {}, {"n:a": 1.0}]) == {}


def test_average_linkage_joins_by_the_mean_of_all_pairs() -> None:
    # 0-1 alike; 2 is alike to 0 only: its mean to the group {0, 1} is (0.5 + 0) / 2
    sims = {(0, 1): 0.9, (0, 2): 0.5}
    assert average_linkage(3, sims, min_similarity=0.3) == [[0, 1], [2]]
    assert average_linkage(3, sims, min_similarity=0.25) == [[0, 1, 2]]
    assert average_linkage(3, sims, min_similarity=0.26) == [[0, 1], [2]]


def test_average_linkage_joins_at_exactly_the_threshold() -> None:
    assert average_linkage(2, {(0, 1): 0.5}, min_similarity=0.5) == [[0, 1]]
    assert average_linkage(2, {(0, 1): 0.5}, min_similarity=0.51) == [[0], [1]]


def test_average_linkage_stops_at_min_clusters_taking_the_most_similar_first() -> None:
    sims = {(0, 1): 0.9, (2, 3): 0.8, (1, 2): 0.1}
    assert average_linkage(4, sims, min_similarity=-1.0, min_clusters=2) == [[0, 1], [2, 3]]
    assert average_linkage(4, sims, min_similarity=-1.0, min_clusters=3) == [[0, 1], [2], [3]]
    assert average_linkage(4, sims, min_similarity=-1.0) == [[0, 1, 2, 3]]
    assert average_linkage(4, sims, min_similarity=0.85) == [[0, 1], [2], [3]]


def test_average_linkage_sums_similarities_of_merged_groups() -> None:
    # {0,1} then {2,3}; between them 0-2 0.6 and 1-3 0.6: a mean of 1.2 / 4 = 0.3
    sims = {(0, 1): 0.9, (2, 3): 0.9, (0, 2): 0.6, (1, 3): 0.6}
    assert average_linkage(4, sims, min_similarity=0.3) == [[0, 1, 2, 3]]
    assert average_linkage(4, sims, min_similarity=0.31) == [[0, 1], [2, 3]]


def test_average_linkage_breaks_ties_by_index() -> None:
    sims = {(0, 1): 0.5, (1, 2): 0.5}
    assert average_linkage(3, sims, min_similarity=0.3) == [[0, 1], [2]]


def test_stories_come_largest_first_then_by_first_article() -> None:
    def event(k: int, name: str) -> Article:
        return Article(id=f"{name}{k}", text=f"Officials in {name} met {name}ville Mayor {name}son on Monday.")

    day = [event(0, "Oslo"), event(0, "Lima"), event(1, "Lima"), event(0, "Quito"), event(1, "Quito"),
           event(2, "Quito"), event(0, "Baku")]
    groups = group_offline(day)
    assert groups == [[3, 4, 5], [1, 2], [0], [6]]


def test_an_article_title_adds_its_names() -> None:
    article = Article(id="a", title="Quake hits Ridgecrest", text="The ground shook near the town on Monday.")
    assert "n:ridgecrest" in article_features(article)
    assert "n:ridgecrest" not in features(article.text)
    assert article_features(article.model_copy(update={"title": None})) == features(article.text)


def test_features_of_names_figures_and_dates() -> None:
    found = features("Officials in Kern County said on Monday that 1,200 homes lost power in May, "
                     "and Witt agreed.")
    assert {"n:kern", "n:county", "p:kern county", "w:monday", "d:1200", "m:may", "n:witt"} <= found
    assert "n:officials" not in found  # capitalised only as the sentence opens
    assert not any(f.startswith("p:") and "witt" in f for f in found)  # "and" ends a name run


def test_a_capital_after_a_quotation_mark_opens_a_sentence() -> None:
    found = features('He said "Tomorrow we rebuild" and left.')
    assert "n:tomorrow" not in found
    assert "n:tomorrow" in features('He said "Tomorrow we rebuild" and Tomorrow came.')
