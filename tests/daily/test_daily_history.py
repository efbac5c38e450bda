"""``diff(previous, today)``: stories new or continuing under stable ids, claims new, repeated or
updated (a changed figure is an update, not a contest), earlier stories that dropped out."""

from __future__ import annotations

import pytest

import briefing
from briefing import Article
from briefing.daily import (
    DailyBriefing,
    HistoryOptions,
    Report,
    Story,
    StoryClaim,
    daily,
    diff,
)
from briefing.daily.changes import change_notes, relate
from briefing.daily.models import Source
from daily_fixtures import QUAKE_A1, QUAKE_A2, QUAKE_B1, QUAKE_B2
from history_fixtures import claim, day_one, day_two, story


def test_diff_is_public_and_pins_its_defaults():
    assert briefing.diff is diff and briefing.HistoryOptions is HistoryOptions
    options = HistoryOptions()
    assert (options.name_similarity, options.linked_name_similarity, options.max_reports) == (0.5, 0.2, 3)
    assert options.shared_claims == 0.5
    assert (options.max_postings, options.max_candidates) == (50, 3)
    assert (options.linking.min_words, options.linking.min_words_fuzzy) == (5, 8)


def test_day_two_against_day_one():
    before, after = day_one(), day_two()
    changed = diff(before, after)

    quake, strike = story(changed, "Ridgecrest"), story(changed, "Port Alden")
    assert quake.change == "continuing" and quake.id == story(before, "Ridgecrest").id  # the earlier id kept
    place = after.stories.index(story(after, "Port Alden")) + 1
    assert strike.change == "new" and strike.id == f"story-2026-12-06-{place}"  # its place today, dated
    assert changed.previous_date == "2026-12-05"
    assert [(d.id, d.headline, d.outlets) for d in changed.dropped] == [
        (story(before, "bridge").id, "Riverton to raise taxes for new bridge", ["Riverton Herald", "Riverton Post"])]

    injured = claim(quake, "200 people were injured")
    assert injured.change == "updated" and injured.change_notes == ["140 → 200"]
    assert injured.verdict == "corroborated"  # both of today's outlets say 200: not contested by yesterday
    assert [r.evidence for r in injured.previous or []] == [
        "140 people were injured in Ridgecrest and crews were still searching damaged homes"] * 2
    assert claim(quake, "The shaking went on").change == "repeated"
    assert claim(quake, "The shaking went on").previous is None
    assert claim(quake, "state money").change == "new"
    assert {c.change for c in strike.claims} == {"new"}
    # the inputs are left alone
    assert after.previous_date is None and all(s.change is None for s in after.stories)
    assert before.dropped == [] and story(before, "bridge").change is None


def test_without_history_the_fields_are_null():
    day = day_two()
    assert day.previous_date is None and day.dropped == []
    assert all(s.change is None for s in day.stories)
    assert all(c.change is None and c.previous is None and c.change_notes == [] for s in day.stories for c in s.claims)


def test_a_day_against_itself_changes_nothing():
    day = day_two()
    same = diff(day, day_two())
    assert [(s.id, s.change) for s in same.stories] == [(s.id, "continuing") for s in day.stories]
    assert {c.change for s in same.stories for c in s.claims} == {"repeated"}
    assert same.dropped == []


def test_the_same_story_with_its_claims_reordered_continues():
    before = day_two()
    after = day_two()
    for s in after.stories:
        s.claims.reverse()
    changed = diff(before, after)
    assert all(s.change == "continuing" for s in changed.stories)
    assert {c.change for s in changed.stories for c in s.claims} == {"repeated"}


_NAMELESS = ("parliament approved the budget on tuesday after a night of debate, with 88 votes in favour.\n\n"
             "the budget sets aside 14 billion for railways over four years, the finance ministry said.\n\n"
             "the opposition called the plan a tax on every commuter in the country and said it would fight it.")


def test_a_story_told_again_continues_even_when_it_names_no_one():
    # no names, no URL: the claims told again word for word make it the same story
    before = daily([Article(id="budget", text=_NAMELESS)], date="2026-12-05")
    after = diff(before, daily([Article(id="budget", text=_NAMELESS)], date="2026-12-06"))
    assert [(s.id, s.change) for s in after.stories] == [(before.stories[0].id, "continuing")]
    assert after.dropped == [] and {c.change for c in after.stories[0].claims} == {"repeated"}


def test_one_shared_claim_without_names_does_not_continue_a_story():
    # the partner: one sentence in common ("the finance ministry said") is not the story told again
    other = ("the city council approved a new harbour plan on friday after a short debate.\n\n"
             "the budget sets aside 14 billion for railways over four years, the finance ministry said.\n\n"
             "residents asked whether the ferry would keep running through the winter months.")
    before = daily([Article(id="budget", text=_NAMELESS)], date="2026-12-05")
    after = diff(before, daily([Article(id="harbour", text=other)], date="2026-12-06"))
    assert [s.change for s in after.stories] == ["new"] and len(after.dropped) == 1


def test_the_same_kind_of_event_elsewhere_is_new_not_continuing():
    """Two earthquakes on two days share vocabulary and a Geological Survey line, not the event."""
    ridgecrest = daily([Article(id="a1", text=QUAKE_A1), Article(id="a2", text=QUAKE_A2)], date="2026-11-25")
    eureka = daily([Article(id="b1", text=QUAKE_B1), Article(id="b2", text=QUAKE_B2)], date="2026-11-26")
    changed = diff(ridgecrest, eureka)
    assert [s.change for s in changed.stories] == ["new"]
    assert {c.change for c in changed.stories[0].claims} == {"new"}
    assert [d.id for d in changed.dropped] == [s.id for s in ridgecrest.stories]


def test_a_shared_article_url_continues_a_story_in_other_words():
    def day(text: str, date: str) -> DailyBriefing:
        return DailyBriefing(title="t", date=date, sources=[Source(id="x", url="https://a.example/story/")],
                             stories=[Story(id="story-1", headline=text, summary=text, articles=["x"])])

    changed = diff(day("Flood warning for the valley", "2026-01-01"), day("Dam holds after storm", "2026-01-02"))
    assert [(s.id, s.change) for s in changed.stories] == [("story-1", "continuing")]
    other = diff(day("Flood warning for the valley", "2026-01-01"),
                 day("Dam holds after storm", "2026-01-02").model_copy(
                     update={"sources": [Source(id="x", url="https://b.example/story")]}))
    assert [s.change for s in other.stories] == ["new"] and [d.id for d in other.dropped] == ["story-1"]
    broken = day("Dam holds after storm", "2026-01-02").model_copy(update={"sources": [Source(id="x", url="http://[::1")]})
    assert [s.change for s in diff(broken, broken).stories] == ["new"]  # an unreadable URL ties nothing


def _report(text: str) -> Report:
    return Report(article="x", evidence=text, grounding="exact")


def _one_claim_day(date: str, text: str, *, story_id: str = "story-1",
                   summary: str = "The strike at the Calder Terminal in Port Alden went on.") -> DailyBriefing:
    """A day of one story (the same names every day unless ``summary`` says otherwise) with one claim."""
    statement = StoryClaim(statement=text, verdict="single_source", reports=[_report(text)])
    return DailyBriefing(title="t", date=date, sources=[Source(id="x", url=f"https://a.example/{date}")],
                         stories=[Story(id=story_id, headline="Harbour news", summary=summary, articles=["x"],
                                        claims=[statement])])


@pytest.mark.parametrize(("earlier", "later", "change", "notes"), [
    # a changed figure is updated, with both values
    ("Port officials said 14 ships were waiting outside the Calder harbour on Saturday",
     "Port officials said 31 ships were waiting outside the Calder harbour on Saturday", "updated", ["14 → 31"]),
    # the same figure in other units or as a word is the same claim
    ("The oil slick off the Calder harbour was 15 miles long, the coast guard said on Saturday",
     "The oil slick off the Calder harbour was 24 km long, the coast guard said on Saturday", "repeated", []),
    ("Port officials said eight ships were waiting outside the Calder harbour on Saturday",
     "Port officials said 8 ships were waiting outside the Calder harbour on Saturday", "repeated", []),
    # a negation since yesterday, an opposite direction word, another day: updated, reasons named
    ("The union said the Calder dock workers will return to work at the harbour on Monday",
     "The union said the Calder dock workers will not return to work at the harbour on Monday", "updated",
     ["a negation added or dropped"]),
    ("Cargo traffic through the Calder harbour rose sharply in November, the port authority said",
     "Cargo traffic through the Calder harbour fell sharply in November, the port authority said", "updated",
     ["opposite words: rose / fell"]),
    ("The union said the Calder dock workers will return to work at the harbour on Monday",
     "The union said the Calder dock workers will return to work at the harbour on Tuesday", "updated",
     ["Monday → Tuesday"]),
    # a modifier left out is the same claim; other words are another claim
    ("Port officials said 14 ships were waiting outside the Calder harbour on Saturday",
     "Port officials said 14 ships were waiting outside the harbour on Saturday", "repeated", []),
    ("Port officials said 14 ships were waiting outside the Calder harbour on Saturday",
     "The mayor of Calder opened a new ferry terminal beside the old fish market", "new", []),
])
def test_claim_changes_across_days(earlier, later, change, notes):
    changed = diff(_one_claim_day("2026-12-05", earlier), _one_claim_day("2026-12-06", later))
    [result] = changed.stories[0].claims
    assert changed.stories[0].change == "continuing"  # the same names: the story continues
    assert (result.change, result.change_notes) == (change, notes)
    assert (result.previous is not None) == (change == "updated")


INJURED = "Kern County fire chief David Witt said {} people were injured in Ridgecrest on Friday"


def _reports_day(date: str, *figures: int) -> DailyBriefing:
    """One Ridgecrest story whose one claim has a report per figure (two figures: contested)."""
    reports = [Report(article=f"a{n}", evidence=INJURED.format(f), grounding="exact") for n, f in enumerate(figures)]
    claim_ = StoryClaim(statement="s", verdict="contested" if len(set(figures)) > 1 else "corroborated",
                        reports=reports)
    return DailyBriefing(title="t", date=date, sources=[], stories=[Story(
        id="story-1", headline="Ridgecrest quake", summary="The Ridgecrest earthquake in Kern County.",
        articles=[f"a{n}" for n in range(len(figures))], claims=[claim_])])


def test_one_outlet_with_a_new_figure_updates_the_claim_even_if_another_repeats_the_old():
    changed = diff(_reports_day("2026-12-05", 140, 140), _reports_day("2026-12-06", 140, 200))
    [result] = changed.stories[0].claims
    assert (result.change, result.change_notes, result.verdict) == ("updated", ["140 → 200"], "contested")


def test_a_figure_already_reported_the_day_before_is_not_an_update():
    changed = diff(_reports_day("2026-12-05", 140, 200), _reports_day("2026-12-06", 200, 200))
    [result] = changed.stories[0].claims
    assert (result.change, result.previous, result.change_notes) == ("repeated", None, [])


def test_reordered_words_and_cut_words_are_not_the_same_claim():
    assert relate("Riverton beat Calder 3-1 in the cup final on Sunday evening",
                  "Calder beat Riverton 3-1 in the cup final on Sunday evening") is None
    assert relate("The council will vote on the Riverton bridge tax at its meeting on Thursday",
                  "The council will vote on the Riverton bridge tax at its meet") is None
    assert relate("140 injured", "200 injured") is None  # too few words to tell one claim from another
    assert relate("", "") is None


def test_a_shorter_report_found_in_a_longer_one_is_the_same_claim():
    link = relate("The council will vote on the Riverton bridge tax at its meeting",
                  "The council will vote on the Riverton bridge tax at its meeting on Thursday night, the mayor said")
    assert link is not None and (link.relation, link.strong) == ("same", True)


def test_change_notes_read_earlier_first():
    assert change_notes("officials said 140 people were injured", "officials said 200 people were injured") == ["140 → 200"]
    assert change_notes("officials said 200 people were injured", "officials said 140 people were injured") == ["200 → 140"]


def test_new_story_ids_never_repeat_an_earlier_id():
    before = _one_claim_day("2026-12-05", "Port officials said 14 ships were waiting outside the Calder harbour")
    after = _one_claim_day("2026-12-06", "Snow closed the mountain pass between Olmsted and Varga for the winter",
                           summary="Snow closed the pass between Olmsted and Varga.")
    changed = diff(before, after)
    assert [(s.id, s.change) for s in changed.stories] == [("story-2026-12-06-1", "new")]
    assert [d.id for d in changed.dropped] == ["story-1"]
    undated = diff(before, after.model_copy(update={"date": None}))
    assert undated.stories[0].id == "story-1-2"  # no date: its own id, suffixed past the earlier one


def test_a_story_that_split_continues_twice_and_only_the_closest_keeps_the_id():
    text = "Port officials said 14 ships were waiting outside the Calder harbour on Saturday"
    before = _one_claim_day("2026-12-05", text)
    half = _one_claim_day("2026-12-06", text)
    other = _one_claim_day("2026-12-06", "Calder Shipping said the Port Alden strike cost it two million dollars a day",
                           story_id="story-2")
    after = half.model_copy(update={"stories": [*half.stories, *other.stories]})
    changed = diff(before, after)
    assert [(s.id, s.change) for s in changed.stories] == [("story-1", "continuing"),
                                                           ("story-2026-12-06-2", "continuing")]
    assert [c.change for s in changed.stories for c in s.claims] == ["repeated", "new"]
    assert changed.dropped == []


def test_round_trip_and_old_saved_json():
    changed = diff(day_one(), day_two())
    assert DailyBriefing.model_validate_json(changed.model_dump_json()) == changed
    old = changed.model_dump(mode="json")
    for key in ("previous_date", "dropped"):
        del old[key]
    for s in old["stories"]:
        del s["change"]
        for c in s["claims"]:
            for key in ("change", "previous", "change_notes"):
                del c[key]
    loaded = DailyBriefing.model_validate(old)
    assert loaded.previous_date is None and loaded.stories[0].change is None


def test_a_big_day_compares_each_claim_with_a_few_earlier_ones(monkeypatch):
    """Every claim of a big day resembles dozens of the day before (the same words, other towns
    and figures): each is aligned with at most ``max_candidates`` of them, not with all."""
    from briefing.daily import changes

    def big(date: str, figure: int) -> DailyBriefing:
        stories = []
        for n in range(40):
            claims = [StoryClaim(statement="s", verdict="single_source", reports=[_report(
                f"Officials in Town{n} said {figure + k} people were moved from district {k} of Town{n} on Friday")])
                for k in range(5)]
            stories.append(Story(id=f"story-{n + 1}", headline=f"News from Town{n}", summary="s",
                                 articles=[f"a{n}"], claims=claims))
        return DailyBriefing(title="t", date=date, stories=stories, sources=[])

    calls = []
    real = changes.relate
    monkeypatch.setattr(changes, "relate", lambda *a, **k: calls.append(a) or real(*a, **k))
    changed = diff(big("2026-12-05", 100), big("2026-12-06", 300))
    assert 200 <= len(calls) <= 200 * HistoryOptions().max_candidates  # not 200 x 200
    assert all(s.change == "continuing" for s in changed.stories)
    [story_ids] = {tuple(s.id for s in changed.stories)}
    assert story_ids == tuple(f"story-{n + 1}" for n in range(40))  # each town keeps its own id
    assert {c.change for s in changed.stories for c in s.claims} == {"updated"}
    assert changed.stories[7].claims[2].change_notes == ["102 → 302"]  # the same district's figure


def test_an_earlier_day_with_a_repeated_story_id_never_gives_today_two_stories_one_id():
    before = day_one()
    edited = before.model_copy(update={"stories": [s.model_copy(update={"id": "s"}) for s in before.stories]})
    today = before.model_copy(update={"date": "2026-12-06"})  # every story continues

    changed = diff(edited, today)

    ids = [s.id for s in changed.stories]
    assert len(set(ids)) == len(ids) == len(before.stories)
    assert {s.change for s in changed.stories} == {"continuing"}
    assert ids.count("s") == 1 and all(i.startswith("story-2026-12-06-") for i in ids if i != "s")
    # the partner: distinct earlier ids are all kept
    assert [s.id for s in diff(before, today).stories] == [s.id for s in before.stories]


def test_a_word_in_every_claim_costs_one_look_per_claim_not_one_per_posting(monkeypatch):
    """Comparing with a big saved day: a word past ``max_postings`` is skipped once per claim, not
    once per claim holding it (which made 1,000 stories of 10 claims take minutes)."""
    import builtins

    from briefing.daily import changes
    from daily_fixtures import hand_day, story_claim

    def big_day(date: str, stories: int) -> DailyBriefing:
        made = [Story(id=f"s{i}", headline=f"h{i}", summary="x", articles=[f"a{i}"], claims=[
            story_claim(f"council w{i}x{j} v{i}y{j} u{i}z{j}", [f"a{i}"]) for j in range(10)]) for i in range(stories)]
        return hand_day(made, {f"a{i}": "Outlet" for i in range(stories)}).model_copy(update={"date": date})

    calls = 0

    def counting_len(value):
        nonlocal calls
        calls += 1
        return builtins.len(value)

    before, today = big_day("2026-12-05", 200), big_day("2026-12-06", 200)
    monkeypatch.setattr(changes, "len", counting_len, raising=False)
    changed = diff(before, today)

    assert [s.change for s in changed.stories] == ["new"] * 200  # no claim shares more than "council"
    assert calls < 200 * 2000  # about 70 a claim in all of diff; one per posting made it 2,000 more a claim
