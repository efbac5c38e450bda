"""What matters first: stories by outlets and corroboration, claims by verdict, outlets, named
speaker and figures; citations follow their claims; "Also reported" holds the lone stories."""

from __future__ import annotations

from briefing import daily
from briefing.daily.models import CitedSentence, Copy, Source, Story
from briefing.daily.ranking import (
    also_reported,
    has_figures,
    named_speaker,
    rank_claims,
    rank_day,
    rank_stories,
    split_day,
    story_outlets,
)
from daily_fixtures import hand_day, quake_day, story_claim


def _story(sid: str, articles: list[str], claims=(), sentences=()) -> Story:
    return Story(id=sid, headline=f"Headline {sid}", summary="", articles=articles, claims=list(claims),
                 summary_sentences=list(sentences))


def _sources(outlets: dict[str, str | None]) -> dict[str, Source]:
    return {a: Source(id=a, source=o) for a, o in outlets.items()}


OUTLETS = {"a": "Desert Sun", "b": "Valley Post", "c": "State News", "d": "Coast Times"}


def _statements(story: Story) -> list[str]:
    return [c.statement for c in story.claims]


# ----------------------------------------------------------------------------------- claims
def test_shared_claims_come_first_by_outlets_then_named_speakers_then_figures():
    claims = [
        story_claim("plain single", ["a"]),
        story_claim("figure single: 140 people were hurt", ["a"]),
        story_claim("named single", ["a"], speaker="David Witt"),
        story_claim("contested by two", ["a", "b"], verdict="contested"),
        story_claim("corroborated by three", ["a", "b", "c"]),
        story_claim("named figure single: 12 bridges", ["a"], speaker="Linda Cho"),
    ]
    ranked = rank_claims(_story("s", ["a", "b", "c"], claims), _sources(OUTLETS))
    assert _statements(ranked) == ["corroborated by three", "contested by two", "named figure single: 12 bridges",
                                   "named single", "figure single: 140 people were hurt", "plain single"]


def test_contested_and_corroborated_are_one_tier_ordered_by_outlets_either_way():
    claims = [story_claim("corroborated by two", ["a", "b"]),
              story_claim("contested by three", ["a", "b", "c"], verdict="contested")]
    ranked = rank_claims(_story("s", ["a", "b", "c"], claims), _sources(OUTLETS))
    assert _statements(ranked) == ["contested by three", "corroborated by two"]
    flipped = [story_claim("contested by two", ["a", "b"], verdict="contested"),
               story_claim("corroborated by three", ["a", "b", "c"])]
    assert _statements(rank_claims(_story("s", ["a", "b", "c"], flipped), _sources(OUTLETS))) == [
        "corroborated by three", "contested by two"]


def test_outlets_are_distinct_source_names_not_articles():
    same_outlet = {"a": "Desert Sun", "b": "desert  SUN", "c": "State News"}  # case and spaces folded
    claims = [story_claim("two articles, one outlet", ["a", "b"]), story_claim("two outlets", ["a", "c"])]
    ranked = rank_claims(_story("s", ["a", "b", "c"], claims), _sources(same_outlet))
    assert _statements(ranked) == ["two outlets", "two articles, one outlet"]
    no_outlet = {"a": None, "b": None, "c": "State News"}  # no source name: each article is its own outlet
    ranked = rank_claims(_story("s", ["a", "b", "c"], claims), _sources(no_outlet))
    assert _statements(ranked) == ["two articles, one outlet", "two outlets"]


def test_a_pronoun_or_anonymous_speaker_is_not_named():
    claims = [story_claim("by he", ["a"], speaker="he"), story_claim("by a diplomat", ["a"], speaker="a diplomat",
                                                                     anonymous=True),
              story_claim("by the article", ["a"]), story_claim("by a minister", ["a"], speaker="Ann Marsh")]
    ranked = rank_claims(_story("s", ["a"], claims), _sources(OUTLETS))
    assert _statements(ranked) == ["by a minister", "by he", "by a diplomat", "by the article"]
    assert [named_speaker(c) for c in claims] == [False, False, False, True]
    assert not named_speaker(story_claim("x", ["a"], speaker="  They "))


def test_figures_are_digits_or_counted_number_words_not_a_bare_one():
    assert has_figures(story_claim("140 people were injured", ["a"]))
    assert has_figures(story_claim("three people were injured", ["a"]))
    assert has_figures(story_claim("it cost $4m", ["a"]))
    assert has_figures(story_claim("the storm moved fifteen miles inland", ["a"]))
    assert not has_figures(story_claim("one of them said the roof fell", ["a"]))
    assert not has_figures(story_claim("people were injured", ["a"]))
    assert has_figures(story_claim("people were injured", ["a"], evidence="dozens, 40 of them children"))


def test_ties_keep_their_order_and_ranking_twice_changes_nothing():
    claims = [story_claim(f"tie {k}", ["a"]) for k in range(12)]
    story = _story("s", ["a"], claims, [CitedSentence(text="x", claims=[3, 1])])
    assert rank_claims(story, _sources(OUTLETS)) is story  # nothing moves: the same object back
    mixed = _story("s", ["a", "b"], [story_claim("single 1", ["a"]), story_claim("shared", ["a", "b"]),
                                     story_claim("single 2", ["a"])])
    once = rank_claims(mixed, _sources(OUTLETS))
    assert _statements(once) == ["shared", "single 1", "single 2"]
    assert rank_claims(once, _sources(OUTLETS)) is once


def test_citations_follow_their_claims():
    claims = [story_claim("single A", ["a"]), story_claim("single B", ["a"]), story_claim("shared C", ["a", "b"])]
    story = _story("s", ["a", "b"], claims, [CitedSentence(text="one", claims=[1, 3]), CitedSentence(text="two", claims=[2]),
                                            CitedSentence(text="none", claims=[])])
    ranked = rank_claims(story, _sources(OUTLETS))
    assert _statements(ranked) == ["shared C", "single A", "single B"]
    for before, after in zip(story.summary_sentences, ranked.summary_sentences, strict=True):
        assert [story.claims[n - 1].statement for n in before.claims] == [ranked.claims[n - 1].statement
                                                                          for n in after.claims]
    assert [s.claims for s in ranked.summary_sentences] == [[2, 1], [3], []]
    assert [c.statement for c in story.claims] == ["single A", "single B", "shared C"]  # the input is not changed


def test_a_story_with_no_claims_ranks_and_keeps_its_place_among_equals():
    empty = _story("e", ["a"])
    assert rank_claims(empty, _sources(OUTLETS)).claims == []
    day = hand_day([empty, _story("f", ["b"])], {"a": "Desert Sun", "b": "Valley Post"})
    assert [s.id for s in rank_day(day).stories] == ["e", "f"]


# ---------------------------------------------------------------------------------- stories
def test_stories_rank_by_outlets_then_corroborated_claims():
    small = _story("small", ["a"], [story_claim("x", ["a"])])
    wide = _story("wide", ["b", "c", "d"], [story_claim("y", ["b"])])
    corroborated = _story("corroborated", ["a", "b"], [story_claim("z", ["a", "b"]), story_claim("w", ["a", "b"])])
    plain_pair = _story("pair", ["c", "d"], [story_claim("v", ["c", "d"], verdict="contested")])
    ranked = rank_stories([small, plain_pair, wide, corroborated], list(_sources(OUTLETS).values()))
    assert [s.id for s in ranked] == ["wide", "corroborated", "pair", "small"]


def test_syndicated_copies_count_as_outlets_and_duplicate_names_do_not():
    sources = [Source(id="a", source="Desert Sun", copies=[Copy(id="a2", source="Valley Post"),
                                                           Copy(id="a3", source="DESERT SUN")]),
               Source(id="b", source="State News"), Source(id="c", source="Coast Times")]
    wire = _story("wire", ["a"])
    pair = _story("pair", ["b", "c"])
    by_id = {s.id: s for s in sources}
    assert story_outlets(wire, by_id) == 2 and story_outlets(pair, by_id) == 2
    assert [s.id for s in rank_stories([pair, wire], sources)] == ["pair", "wire"]  # a tie keeps its order


def test_daily_output_is_ranked_and_keeps_every_claim():
    d = daily(quake_day())
    assert rank_day(d) is d  # already in reading order
    for story in d.stories:
        outlets = [len({r.article for r in c.reports}) for c in story.claims]
        shared = [c.verdict != "single_source" for c in story.claims]
        assert shared == sorted(shared, reverse=True)
        assert outlets[:sum(shared)] == sorted(outlets[:sum(shared)], reverse=True)
    total = sum(len(s.claims) for s in d.stories)
    assert total == sum(len(s.claims) for s in rank_day(d.model_copy(update={"stories": d.stories[::-1]})).stories)


# ----------------------------------------------------------------------------- also reported
def test_a_lone_uncorroborated_story_is_also_reported_and_a_shared_one_is_not():
    lone = _story("lone", ["a"], [story_claim("x", ["a"])])
    lone_empty = _story("lone-empty", ["b"])
    pair = _story("pair", ["c", "d"], [story_claim("y", ["c"])])  # two articles: a main story, even uncorroborated
    assert also_reported(lone) and also_reported(lone_empty) and not also_reported(pair)
    main, also = split_day(hand_day([pair, lone, lone_empty], dict.fromkeys("abcd", None)))
    assert [s.id for s in main] == ["pair"] and [s.id for s in also] == ["lone", "lone-empty"]


def test_a_day_of_lone_stories_keeps_them_all_as_main_stories():
    stories = [_story(k, [k], [story_claim("x", [k])]) for k in "abc"]
    main, also = split_day(hand_day(stories, dict.fromkeys("abc", None)))
    assert [s.id for s in main] == ["a", "b", "c"] and also == []


def test_a_claim_without_a_speaker_is_labelled_by_what_it_is():
    from briefing.daily.view import who

    assert who(story_claim("x", ["a"], speaker="Ann Marsh")) == "Ann Marsh"
    # the outlets' own words: "the article" would not say which of the story's articles
    assert who(story_claim("x", ["a", "b"])) == "no source named"
    quote = story_claim("x", ["a"]).model_copy(update={"direct_quote": True})
    assert who(quote) == "unattributed quote"
