"""The model's grouping and synthesis answers are validated by the library, not trusted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.daily.modelgroup import (
    StoryGroups,
    assignment_problems,
    grouping_messages,
)
from briefing.daily.synthesis import StorySynthesis, readable_headline
from briefing.offline import brief_offline
from daily_fixtures import quake_day

IDS = ["a1", "a2", "b1"]


def _groups(*stories):
    return {"stories": [{"headline": f"s{n}", "articles": list(s)} for n, s in enumerate(stories)]}


def test_a_valid_assignment_passes():
    groups = StoryGroups.model_validate(_groups(["a1", "a2"], ["b1"]), context={"article_ids": IDS})
    assert [(s.headline, s.articles) for s in groups.stories] == [("s0", ["a1", "a2"]), ("s1", ["b1"])]
    assert assignment_problems(groups, IDS) == []


@pytest.mark.parametrize("stories, problem", [
    ((["a1", "a2"],), "articles in no story ['b1']"),
    ((["a1", "a2"], ["b1", "a1"]), "more than one story ['a1']"),
    ((["a1", "a2", "b1", "zz"],), "unknown article ids ['zz']"),
    ((["a1", "a2", "b1"], []), "a story with no articles"),
])
def test_every_article_must_land_in_exactly_one_story(stories, problem):
    with pytest.raises(ValidationError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        StoryGroups.model_validate(_groups(*stories), context={"article_ids": IDS})


def test_assignment_problems_lists_all_of_them():
    problems = assignment_problems(StoryGroups.model_validate(_groups(["a1", "x"], ["a1"])), IDS)
    assert len(problems) == 3


@pytest.mark.parametrize("cites, ok", [([1], True), ([1, 3], True), ([], False), ([4], False), ([0], False), ([-1], False)])
def test_every_summary_sentence_cites_existing_claims(cites, ok):
    answer = {"headline": "h", "sentences": [{"text": "One.", "claims": [1]}, {"text": "Two.", "claims": cites}]}
    if ok:
        StorySynthesis.model_validate(answer, context={"claims": 3})
    else:
        with pytest.raises(ValidationError, match="sentence 2"):
            StorySynthesis.model_validate(answer, context={"claims": 3})


def test_an_empty_summary_is_reasked():
    with pytest.raises(ValidationError, match="no sentences"):
        StorySynthesis.model_validate({"headline": "h", "sentences": []}, context={"claims": 2})


def test_grouping_prompt_carries_headlines_summaries_and_entities_as_data():
    articles = quake_day()[:2]
    hostile = articles[0].model_copy(update={"id": "a1"})
    messages = grouping_messages([hostile, articles[1]], [brief_offline(a) for a in (hostile, articles[1])])
    user = messages[1]["content"]
    assert '<article id="a1">' in user and "ridgecrest" in user.lower() and "mentions:" in user
    assert "<articles>" in user and user.count("</article>") == 2


def test_datelines_are_not_headlines():
    assert not readable_headline("May 2, 2013, 1: 12 PM")
    assert not readable_headline("PUBLISHED: THURSDAY, MAY 2, 2013")
    assert readable_headline("Quake injures 140 in Ridgecrest")
