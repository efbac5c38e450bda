"""Story coverage: the outlets that carry a story, its label groups with outlet counts, the day's
groups it misses, and the one-sided ("blindspot") flag with its adversarial partners."""

from __future__ import annotations

import pytest

from briefing import Article, daily
from briefing.daily import DailyOptions
from briefing.daily.coverage import CoverageOptions, day_coverage, story_coverage
from briefing.daily.models import Copy, Coverage, Source, Story
from daily_fixtures import QUAKE_A1, QUAKE_A2, QUAKE_A3, QUAKE_B1, quake_day


def _day(*outlets: tuple[str, str | None, dict[str, str]]) -> list[Source]:
    """Sources from (article id, outlet, labels) triples."""
    return [Source(id=i, source=name, labels=labels) for i, name, labels in outlets]


def _story(*articles: str) -> Story:
    return Story(id="story-1", headline="h", summary="s", articles=list(articles))


WEST, EAST = {"region": "West"}, {"region": "East"}
DAY = _day(("a", "Alpha", WEST), ("b", "Beta", WEST), ("c", "Gamma", EAST), ("d", "Delta", {}))


def test_the_default_minimum_for_a_one_sided_story_is_two_outlets():
    assert CoverageOptions().min_outlets == 2
    assert DailyOptions().coverage == CoverageOptions()


def test_a_story_only_one_label_group_carries_is_one_sided():
    coverage = story_coverage(_story("a", "b"), DAY)
    assert coverage == Coverage(outlets=["Alpha", "Beta"], labels={"region": {"West": 2}},
                                missing={"region": ["East"]}, unlabeled=[], one_sided=["region"])


def test_a_story_both_groups_carry_is_not_one_sided():
    coverage = story_coverage(_story("a", "c"), DAY)
    assert coverage is not None
    assert coverage.labels == {"region": {"West": 1, "East": 1}}
    assert coverage.missing == {} and coverage.one_sided == []


def test_an_outlet_without_labels_keeps_a_story_from_being_one_sided():
    coverage = story_coverage(_story("a", "b", "d"), DAY)
    assert coverage is not None
    assert coverage.unlabeled == ["Delta"] and coverage.labels == {"region": {"West": 2}}
    assert coverage.missing == {"region": ["East"]}
    assert coverage.one_sided == []  # Delta could be of either region


def test_a_story_only_unlabeled_outlets_carry_misses_every_group_but_is_not_one_sided():
    coverage = story_coverage(_story("d"), DAY)
    assert coverage == Coverage(outlets=["Delta"], labels={}, missing={"region": ["West", "East"]},
                                unlabeled=["Delta"], one_sided=[])


def test_a_label_key_with_one_value_in_the_whole_day_is_never_one_sided():
    day = _day(("a", "Alpha", {"type": "local"}), ("b", "Beta", {"type": "local"}), ("c", "Gamma", {"type": "local"}))
    coverage = story_coverage(_story("a", "b"), day)
    assert coverage is not None
    assert coverage.labels == {"type": {"local": 2}} and coverage.missing == {} and coverage.one_sided == []


def test_one_outlet_is_not_one_sided_by_default_but_is_at_a_minimum_of_one():
    assert story_coverage(_story("a"), DAY).one_sided == []
    assert story_coverage(_story("a"), DAY, CoverageOptions(min_outlets=1)).one_sided == ["region"]
    assert story_coverage(_story("a", "b"), DAY, CoverageOptions(min_outlets=3)).one_sided == []


def test_outlets_are_counted_once_however_many_articles_they_ran():
    day = [*DAY, Source(id="a2", source="Alpha", labels=WEST)]
    coverage = story_coverage(_story("a", "a2", "c"), day)
    assert coverage is not None
    assert coverage.outlets == ["Alpha", "Gamma"] and coverage.labels == {"region": {"West": 1, "East": 1}}


def test_outlet_names_in_another_case_or_spacing_are_one_outlet():
    day = _day(("a", "Desert Sun", WEST), ("b", "desert  SUN", WEST), ("c", "Gamma", EAST))
    coverage = story_coverage(_story("a", "b"), day)
    assert coverage is not None
    assert coverage.outlets == ["Desert Sun"]  # as first spelled
    assert coverage.labels == {"region": {"West": 1}}
    assert coverage.one_sided == []  # one outlet, below the minimum of two
    assert day_coverage(day).outlets == ["Desert Sun", "Gamma"]


def test_label_values_in_another_case_are_one_group_and_different_words_are_not():
    same = _day(("a", "Alpha", {"region": "West"}), ("b", "Beta", {"region": " west "}), ("c", "Gamma", EAST))
    coverage = story_coverage(_story("a", "b"), same)
    assert coverage is not None and coverage.labels == {"region": {"West": 2}} and coverage.one_sided == ["region"]
    near = _day(("a", "Alpha", {"region": "West"}), ("b", "Beta", {"region": "Western"}), ("c", "Gamma", EAST))
    coverage = story_coverage(_story("a", "b"), near)
    assert coverage is not None and coverage.labels == {"region": {"West": 1, "Western": 1}}
    assert coverage.one_sided == []


def test_blank_labels_are_no_labels():
    day = _day(("a", "Alpha", WEST), ("b", "Beta", {"region": "  "}), ("c", "Gamma", EAST))
    coverage = story_coverage(_story("a", "b"), day)
    assert coverage is not None and coverage.unlabeled == ["Beta"] and coverage.one_sided == []


def test_copies_are_outlets_that_carry_the_story_with_their_own_labels():
    day = [Source(id="a", source="Alpha", labels=WEST,
                  copies=[Copy(id="x", source="Xray", labels=EAST), Copy(id="y", source="alpha")]),
           Source(id="c", source="Gamma", labels={"region": "North"})]
    coverage = story_coverage(_story("a"), day)
    assert coverage is not None
    assert coverage.outlets == ["Alpha", "Xray"]
    assert coverage.labels == {"region": {"West": 1, "East": 1}} and coverage.missing == {"region": ["North"]}


def test_no_outlet_names_no_coverage():
    day = _day(("a", None, {}), ("b", "  ", {}))
    assert story_coverage(_story("a", "b"), day) is None
    assert story_coverage(_story("zz"), DAY) is None  # an article the day does not list


def test_the_day_coverage_counts_outlets_per_value():
    day = day_coverage(DAY)
    assert day.outlets == ["Alpha", "Beta", "Gamma", "Delta"]
    assert day.labels == {"region": {"West": 2, "East": 1}} and day.unlabeled == ["Delta"]
    assert day_coverage(_day(("a", "Alpha", {}))).unlabeled == []  # no labels in the day: nothing to miss


def test_daily_from_plain_files_has_no_coverage():
    plain = [Article(id=f"a{n}", text=t) for n, t in enumerate([QUAKE_A1, QUAKE_A2, QUAKE_A3, QUAKE_B1], 1)]
    d = daily(plain)
    assert d.stories and all(s.coverage is None for s in d.stories)
    assert all(s.labels == {} for s in d.sources)


def test_daily_from_files_with_outlets_has_outlets_and_no_labels():
    d = daily(quake_day())
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    assert ridgecrest.coverage == Coverage(outlets=["Desert Sun", "Valley Post", "State News"])


@pytest.mark.parametrize("asynchronous", [False, True])
def test_daily_carries_labels_from_articles_to_sources_and_coverage(asynchronous):
    labels = {"Desert Sun": {"region": "South"}, "Valley Post": {"region": "South"}, "State News": {"region": "South"},
              "Coast Times": {"region": "North"}}
    articles = [a.model_copy(update={"labels": labels.get(a.source or "", {})}) for a in quake_day()]
    if asynchronous:
        import asyncio

        from briefing import adaily

        d = asyncio.run(adaily(articles))
    else:
        d = daily(articles)
    assert {s.id: s.labels for s in d.sources}["b2"] == {}
    ridgecrest = next(s for s in d.stories if "a1" in s.articles)
    eureka = next(s for s in d.stories if "b1" in s.articles)
    assert ridgecrest.coverage == Coverage(outlets=["Desert Sun", "Valley Post", "State News"],
                                           labels={"region": {"South": 3}}, missing={"region": ["North"]},
                                           one_sided=["region"])
    assert eureka.coverage == Coverage(outlets=["Coast Times", "North Wire"], labels={"region": {"North": 1}},
                                       missing={"region": ["South"]}, unlabeled=["North Wire"])
    # a changed label turns the flag off: one Ridgecrest outlet in the north
    articles[-1] = articles[-1].model_copy(update={"labels": {"region": "North"}})
    again = next(s for s in daily(articles).stories if "a1" in s.articles)
    assert again.coverage is not None and again.coverage.one_sided == []
    assert again.coverage.labels == {"region": {"South": 2, "North": 1}}


def test_coverage_survives_a_json_round_trip():
    from briefing.daily.models import DailyBriefing

    d = daily(quake_day())
    assert DailyBriefing.model_validate_json(d.model_dump_json()) == d
    older = d.model_dump(mode="json")
    for story in older["stories"]:
        del story["coverage"]  # a briefing saved before coverage existed still loads
    assert all(s.coverage is None for s in DailyBriefing.model_validate(older).stories)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_model_path_fills_coverage_too(asynchronous):
    import asyncio

    import openai

    from briefing import Briefer, adaily
    from briefing.llm.retry import RetryPolicy
    from briefing.testing.responder import Responder, load_answers
    from helpers import ANSWERS

    answers = load_answers(ANSWERS / "daily_model_day.json")  # 4 briefings, a grouping, 2 syntheses
    labels = {"Desert Sun": {"region": "South"}, "Valley Post": {"region": "South"}, "Coast Times": {"region": "North"}}
    by_id = {a.id: a.model_copy(update={"labels": labels.get(a.source or "", {})}) for a in quake_day()}
    articles = [by_id["a1"], by_id["a2"], by_id["b1"], by_id["b2"]]
    with Responder(answers) as server:
        kind = openai.AsyncOpenAI if asynchronous else openai.OpenAI
        briefer = Briefer(model="gpt-4o-mini", client=kind(api_key="loopback-key-not-secret", base_url=server.base_url),
                          retry_policy=RetryPolicy(max_attempts=1))
        options = DailyOptions(concurrency=1)
        d = (asyncio.run(adaily(articles, briefer=briefer, options=options)) if asynchronous
             else daily(articles, briefer=briefer, options=options))
    assert d.extractor == "llm" and d.grouping == "model"
    coverage = {tuple(sorted(s.articles)): s.coverage for s in d.stories}
    assert coverage[("a1", "a2")] == Coverage(outlets=["Desert Sun", "Valley Post"], labels={"region": {"South": 2}},
                                              missing={"region": ["North"]}, one_sided=["region"])
    assert coverage[("b1", "b2")] == Coverage(outlets=["Coast Times", "North Wire"], labels={"region": {"North": 1}},
                                              missing={"region": ["South"]}, unlabeled=["North Wire"])
