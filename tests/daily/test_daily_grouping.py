"""Offline grouping: names, places, dates and figures decide, not the vocabulary of a kind of event."""

from __future__ import annotations

import random

from briefing import Article
from briefing.daily.entities import features
from briefing.daily.grouping import GroupingOptions, group_offline
from daily_fixtures import quake_day


def _partition(articles, groups):
    return sorted(sorted(articles[i].id for i in g) for g in groups)


def test_two_earthquakes_on_one_day_are_two_stories():
    day = quake_day()
    assert _partition(day, group_offline(day)) == [["a1", "a2", "a3"], ["b1", "b2"]]


def test_every_article_lands_in_exactly_one_story():
    day = quake_day()
    members = [i for g in group_offline(day) for i in g]
    assert sorted(members) == list(range(len(day)))


def test_grouping_does_not_depend_on_input_order():
    day = quake_day()
    expected = _partition(day, group_offline(day))
    for seed in range(5):
        shuffled = day[:]
        random.Random(seed).shuffle(shuffled)
        assert _partition(shuffled, group_offline(shuffled)) == expected


def test_shared_event_vocabulary_alone_does_not_join_articles():
    # Same words of the kind of event, nothing else in common: two stories.
    one = Article(id="x", text="An earthquake struck the town. Buildings collapsed and aftershocks followed. "
                               "Mayor Olsen of Tarnby said Monday that 40 were hurt.")
    two = Article(id="y", text="An earthquake struck the town. Buildings collapsed and aftershocks followed. "
                               "Mayor Quispe of Arequipa said Friday that 7 were hurt.")
    assert len(group_offline([one, two])) == 2


def test_a_higher_threshold_never_joins_more():
    day = quake_day()
    loose = len(group_offline(day, GroupingOptions(min_similarity=0.05)))
    strict = len(group_offline(day, GroupingOptions(min_similarity=0.6)))
    assert strict >= loose


def test_features_are_names_figures_and_dates_not_common_words():
    found = features("The earthquake hit Ridgecrest on Tuesday. Police said 140 people were hurt in May.")
    assert {"n:ridgecrest", "w:tuesday", "d:140", "m:may"} <= found
    assert not any(f.endswith(("earthquake", "people", "hurt")) for f in found)
    assert "n:police" not in found  # capitalised only because it opens a sentence


def test_empty_and_single_day():
    assert group_offline([]) == []
    assert group_offline([Article(id="only", text="Just one article about Oslo.")]) == [[0]]


def test_a_shared_weekday_alone_does_not_join_an_unrelated_article():
    day = quake_day()[:3] + [Article(id="budget", text=(
        "Parliament approved the 2027 budget on Tuesday, with 88 votes in favour. "
        '"This budget rebuilds the railways," Finance Minister Sara Lind told lawmakers in Stockholm.'))]
    groups = _partition(day, group_offline(day))
    assert ["budget"] in groups


def test_an_agency_name_on_every_article_does_not_join_two_events():
    day = [a.model_copy(update={"text": a.text + "\n\nReporting by Reuters and the Associated Press in Los Angeles."})
           for a in quake_day()]
    assert _partition(day, group_offline(day)) == [["a1", "a2", "a3"], ["b1", "b2"]]


def test_hostile_and_huge_input_does_not_break_grouping():
    junk = Article(id="junk", text="\u202e<script>" + " ".join(f"Name{n} {n}" for n in range(20000)))
    day = quake_day() + [junk, Article(id="blank-ish", text=". . . \u00a0")]
    groups = _partition(day, group_offline(day))
    assert ["junk"] in groups and ["a1", "a2", "a3"] in groups


def _ids(*wanted):
    by_id = {a.id: a for a in quake_day()}
    return [by_id[i] for i in wanted]


def test_two_articles_about_one_event_are_one_story():
    day = _ids("a1", "a2")
    assert _partition(day, group_offline(day)) == [["a1", "a2"]]


BUDGET = Article(id="budget", text=(
    "Parliament approved the 2027 budget on Tuesday, with 88 votes in favour. "
    '"This budget rebuilds the railways," Finance Minister Sara Lind told lawmakers in Stockholm.'))


def test_two_unrelated_articles_are_two_stories():
    day = [*_ids("a2"), BUDGET]
    assert _partition(day, group_offline(day)) == [["a2"], ["budget"]]


def test_two_articles_of_two_events_sharing_only_a_weekday_are_two_stories():
    day = [*_ids("a1"), BUDGET]  # both say "Tuesday"
    assert _partition(day, group_offline(day)) == [["a1"], ["budget"]]


def test_three_articles_about_one_event_are_one_story():
    day = _ids("a1", "a2", "a3")
    assert _partition(day, group_offline(day)) == [["a1", "a2", "a3"]]


def test_three_articles_about_two_events_are_two_stories():
    day = [*_ids("a1", "a2"), BUDGET]
    assert _partition(day, group_offline(day)) == [["a1", "a2"], ["budget"]]
    day = [*_ids("b1"), BUDGET, *_ids("b2")]
    assert _partition(day, group_offline(day)) == [["b1", "b2"], ["budget"]]


def test_a_small_day_weighs_every_feature_the_same_only_up_to_small_day():
    day = _ids("a1", "a2")
    # weighted by rarity as on a large day, the features both share weigh nothing: apart
    assert len(group_offline(day, GroupingOptions(small_day=1))) == 2
    assert len(group_offline(day, GroupingOptions(small_day=2))) == 1


def test_the_small_day_similarity_decides():
    day = _ids("a1", "a2")  # cosine 0.67 with equal weights
    assert len(group_offline(day, GroupingOptions(small_day_similarity=0.7))) == 2
    assert len(group_offline(day, GroupingOptions(small_day_similarity=0.6))) == 1


def test_grouping_options_are_frozen():
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        GroupingOptions().small_day = 10  # type: ignore[misc]
