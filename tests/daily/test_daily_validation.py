"""The model's grouping and synthesis answers are validated by the library, not trusted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.daily.modelgroup import (
    StoryGroups,
    assignment_problems,
    grouping_messages,
)
from briefing.daily.synthesis import (
    StorySynthesis,
    readable_headline,
    synthesis_context,
    uncarried,
)
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


def test_ids_are_never_given_twice_by_the_library_either():
    from briefing import Article, daily

    given = [Article(text="Officials said the bridge opened on Monday after years of work.", id=i)
             for i in ("same", "same-2", "same")]
    day = daily(given)
    ids = [s.id for s in day.sources] + [c.id for s in day.sources for c in s.copies]
    assert sorted(ids) == ["same", "same-2", "same-3"]


CHIEF = "Kern County fire chief David Witt said 140 people were injured in Ridgecrest on Tuesday."
PRICES = "Finance minister Jonas Berg said food prices rose sharply last month."


@pytest.mark.parametrize("sentence, problem", [
    ("The quake killed 400 people, the fire chief said.", "states '400'"),
    ("The fire chief said 140 people were injured on Wednesday.", "states 'Wednesday'"),
    ("The fire chief said no one was injured.", "negation"),
    ("Food prices fell sharply last month, the minister said.", "says 'fell' where its claims say 'rose'"),
])
def test_a_sentence_must_not_state_what_its_claims_do_not_carry(sentence, problem):
    found = uncarried(sentence, [CHIEF, PRICES])
    assert any(problem in p for p in found), found


@pytest.mark.parametrize("sentence", [
    "The fire chief said 140 people were injured on Tuesday.",
    "One hundred forty people were hurt, the fire chief said.",
    "One of the outlets says 140 were injured; two outlets cover the quake.",
    "Food prices rose sharply last month, the minister said.",
])
def test_a_sentence_that_keeps_to_its_claims_passes(sentence):
    assert uncarried(sentence, [CHIEF, PRICES], counts=[2.0]) == []


def test_converted_units_are_carried_and_a_wrong_conversion_is_not():
    claim = "The harbour master said the storm was 15 miles wide."
    assert uncarried("The storm was 24 km wide.", [claim]) == []
    assert uncarried("The storm was 40 km wide.", [claim])


def test_the_counts_the_model_was_given_are_carried():
    assert uncarried("Three outlets report the fire chief's figure of 140.", [CHIEF], counts=[3.0]) == []
    assert uncarried("Three outlets report the fire chief's figure of 140.", [CHIEF], counts=[2.0])


def _answer(text, claims):
    return {"headline": "h", "sentences": [{"text": text, "claims": claims}]}


def test_the_synthesis_answer_is_reasked_for_a_figure_its_cited_claims_do_not_carry():
    context = {"claims": 2, "claim_texts": [CHIEF, PRICES], "counts": [2.0]}
    with pytest.raises(ValidationError, match="sentence 1 states '400'"):
        StorySynthesis.model_validate(_answer("The quake killed 400 people.", [1]), context=context)
    StorySynthesis.model_validate(_answer("The quake injured 140 people.", [1]), context=context)
    # a direction word is read against the cited claims' own direction words: the opposite is refused
    with pytest.raises(ValidationError, match="fell"):
        StorySynthesis.model_validate(_answer("Food prices fell sharply.", [2]), context=context)
    StorySynthesis.model_validate(_answer("Food prices rose sharply.", [2]), context=context)
    # a figure carried by a claim the sentence does not cite is not carried
    with pytest.raises(ValidationError, match="states '140'"):
        StorySynthesis.model_validate(_answer("Food prices rose and 140 were hurt.", [2]), context=context)


def test_citation_problems_are_named_alone_before_the_figures_are_checked():
    context = {"claims": 2, "claim_texts": [CHIEF, PRICES], "counts": []}
    with pytest.raises(ValidationError) as raised:
        StorySynthesis.model_validate({"headline": "h", "sentences": [
            {"text": "The quake killed 400 people.", "claims": [1]}, {"text": "It was bad.", "claims": []}]},
            context=context)
    assert "sentence 2 cites no claim" in str(raised.value) and "400" not in str(raised.value).split("input_value")[0]


def test_synthesis_context_carries_claim_words_and_counts():
    from briefing.daily.models import Report, StoryClaim

    claim = StoryClaim(statement="The chief says 140 were hurt.", verdict="corroborated", reports=[
        Report(article="a", evidence="140 people were injured"), Report(article="b", evidence="140 people were hurt")])
    context = synthesis_context([claim], articles=3)
    assert context["claims"] == 1 and context["counts"] == [2.0, 3.0]
    assert "140 people were injured" in context["claim_texts"][0] and "were hurt" in context["claim_texts"][0]


def test_an_offline_story_headline_is_a_title_before_a_lead_sentence():
    from briefing.core.models import Briefing
    from briefing.daily.synthesis import offline_synthesis

    def briefing(article: str, headline: str) -> Briefing:
        return Briefing(headline=headline, summary=f"summary {article}", claims=[], disputes=[], article=article)

    sentence = "A five-boat pirate attack on merchant vessels was foiled by an Indian warship on Friday, an officer said"
    lead, titled, dated = (briefing("lead", sentence), briefing("b", "Anti Piracy Ops by INS Sukanya"),
                           briefing("c", "May 2, 2013, 1: 12 PM"))
    assert offline_synthesis([lead, dated, titled], []) == ("Anti Piracy Ops by INS Sukanya", "summary lead")
    own = briefing("lead", "Navy foils pirate attack")
    assert offline_synthesis([own, titled], [])[0] == "Navy foils pirate attack"  # the lead's own title first
    assert offline_synthesis([lead, dated], [])[0] == sentence  # no title: the whole lead sentence
    assert offline_synthesis([dated], [])[0] == "May 2, 2013, 1: 12 PM"  # nothing better to show


def test_an_offline_story_headline_sentence_names_someone_rather_than_opening_with_a_pronoun():
    from briefing.core.models import Briefing
    from briefing.daily.synthesis import offline_synthesis

    def briefing(article: str, headline: str) -> Briefing:
        return Briefing(headline=headline, summary=f"summary {article}", claims=[], disputes=[], article=article)

    vague = briefing("lead", "He sings, dances, acts on stage and screen, and he is the Sexiest Man Alive.")
    named = briefing("b", "Hugh Jackman will host the Academy Awards ceremony in February, organisers said.")
    quoted = briefing("c", "“They will love him,” the producer said of the choice.")
    assert offline_synthesis([vague, quoted, named], [])[0] == named.headline
    assert offline_synthesis([quoted, named], [])[0] == named.headline  # a quoted pronoun opens it too
    short = briefing("d", "It's a tough job hosting the Academy Awards")  # a title in its shape, a contraction
    titled = briefing("e", "Jackman to host the Oscars")
    assert offline_synthesis([short, named], [])[0] == named.headline
    assert offline_synthesis([vague, short, named, titled], [])[0] == titled.headline  # a naming title first
    # partner: when every sentence opens with a pronoun, the lead's stays
    assert offline_synthesis([vague, quoted], [])[0] == vague.headline
