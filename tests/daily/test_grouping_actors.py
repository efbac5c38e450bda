"""Two same-kind events on a small day: told apart by the main actors each report leads with
(``briefing.daily.actors``), while one event told in other words, figures or with a background
mention stays one story."""

from __future__ import annotations

import pytest

from briefing import Article
from briefing.daily.actors import (
    Actors,
    lead_end,
    led_by_different_actors,
    led_by_same_actors,
    main_actors,
)
from briefing.daily.entities import features, name_runs
from briefing.daily.grouping import GroupingOptions, group_offline

# Two fights of one champion: the same champion, belts, city and weekday; different challengers.
FIGHT_ONE = (
    "Ivan Petrov stopped Hasan Molle in the seventh round in Bremen on Saturday to keep his WBO and IBF belts.\n\n"
    "Petrov floored Molle with a left hook, and the referee stopped it at 2:15 of the seventh.\n\n"
    "Molle, a former WBO champion, had no answer to the jab of Petrov.\n\n"
    "Petrov now has 52 wins, 46 by knockout."
)
FIGHT_TWO = (
    "Ivan Petrov stopped Tomas Brandt in the sixth round in Bremen on Saturday to keep his WBO and IBF belts.\n\n"
    "Petrov put Brandt down with a right hand late in the fifth, and Brandt never recovered.\n\n"
    "The referee waved it off in the sixth, and Petrov said the WBO would pick his next opponent.\n\n"
    "Petrov now has 58 wins, 51 by knockout."
)
# One earthquake told twice: other words, an updated toll, the same town and mayor.
QUAKE_EARLY = (
    "An earthquake struck Tarnby on Monday, and Mayor Lena Olsen said 40 people had died.\n\n"
    "Olsen said rescuers were still searching collapsed homes in Tarnby.\n\n"
    "The quake had a magnitude of 6.1, said the Nordic Seismic Office."
)
QUAKE_LATER = (
    "The death toll from Monday's earthquake in Tarnby rose to 52, Mayor Lena Olsen said on Tuesday.\n\n"
    "Rescuers in Tarnby pulled two survivors from the rubble overnight, Olsen told reporters.\n\n"
    "Seismologists at the Nordic Seismic Office put the magnitude at 6.3."
)


def _partition(articles: list[Article], options: GroupingOptions | None = None) -> list[list[str]]:
    options = options or GroupingOptions()
    return sorted(sorted(articles[i].id or "" for i in g) for g in group_offline(articles, options))


def _fights() -> list[Article]:
    return [Article(id="one", text=FIGHT_ONE), Article(id="two", text=FIGHT_TWO)]


def test_the_documented_defaults() -> None:
    options = GroupingOptions()
    assert options.actor_mentions == 3
    assert options.lead_sentences == 2
    doc = GroupingOptions.__doc__ or ""
    assert "``actor_mentions``" in doc and "``lead_sentences``" in doc


def test_two_fights_of_one_champion_are_two_stories() -> None:
    assert _partition(_fights()) == [["one"], ["two"]]


def test_without_the_actor_check_the_two_fights_are_one_story() -> None:
    # what the check changes: the shared champion, belts, city and weekday alone join them
    assert _partition(_fights(), GroupingOptions(actor_mentions=None)) == [["one", "two"]]


def test_a_third_report_of_one_fight_joins_it_and_not_the_other() -> None:
    again = Article(id="again", text=(
        "Hasan Molle was stopped by Ivan Petrov in Bremen on Saturday.\n\n"
        "Molle went down in the sixth and again in the seventh, when the referee ended it.\n\n"
        "Petrov keeps the WBO and IBF belts; Molle said he would fight on."))
    assert _partition([*_fights(), again]) == [["again", "one"], ["two"]]


def test_one_event_in_other_words_and_an_updated_toll_stays_one_story() -> None:
    day = [Article(id="early", text=QUAKE_EARLY), Article(id="later", text=QUAKE_LATER)]
    assert _partition(day) == [["early", "later"]]


def test_a_background_mention_of_another_year_and_person_does_not_split() -> None:
    past = QUAKE_LATER + ("\n\nTarnby was last hit in 1999, when Mayor Per Haugen led the town; "
                          "Haugen has since retired.")
    day = [Article(id="early", text=QUAKE_EARLY), Article(id="later", text=past)]
    assert _partition(day) == [["early", "later"]]


def test_a_main_actor_on_one_side_only_does_not_split() -> None:
    # one report leads with a minister it keeps quoting; the other never names her: one event
    quoted = QUAKE_LATER.replace("Mayor Lena Olsen said on Tuesday", "Minister Kari Dahl said on Tuesday") + (
        "\n\nDahl said the army would help. Dahl visited Tarnby with Olsen.")
    day = [Article(id="early", text=QUAKE_EARLY), Article(id="later", text=quoted)]
    assert main_actors(day[1]).main - main_actors(day[0]).words == {"dahl"}
    assert _partition(day) == [["early", "later"]]


def test_different_main_actors_split_only_small_days() -> None:
    # a bigger day weighs shared names by rarity instead; the actor check is not applied there
    options = GroupingOptions(small_day=1)
    assert _partition(_fights(), options) == _partition(_fights(), GroupingOptions(small_day=1, actor_mentions=None))


def test_main_actors_of_a_fight() -> None:
    assert main_actors(Article(text=FIGHT_ONE)).main == {"petrov", "molle"}
    assert main_actors(Article(text=FIGHT_TWO)).main == {"petrov", "brandt"}


def test_a_name_must_be_in_the_lead() -> None:
    text = ("Rescuers searched Tarnby on Monday.\n\nThe work went on all night.\n\n"
            "Lena Olsen said more help came. Olsen thanked them. Olsen left.")
    assert "olsen" not in main_actors(Article(text=text)).main
    assert "olsen" in main_actors(Article(text=text), lead_sentences=3).main


def test_the_title_is_part_of_the_lead() -> None:
    text = "Rescuers searched the town.\n\nThe work went on.\n\nLena Olsen said more help came. Olsen left."
    assert "olsen" not in main_actors(Article(text=text)).main
    assert "olsen" in main_actors(Article(text=text, title="Olsen thanks rescuers")).main


def test_a_main_actor_is_named_min_mentions_times() -> None:
    twice = "Lena Olsen spoke in Tarnby on Monday.\n\nOlsen said help came."
    three = twice + " Olsen left."
    assert main_actors(Article(text=twice)).main == set()
    assert main_actors(Article(text=three)).main == {"olsen"}
    assert main_actors(Article(text=twice), min_mentions=2).main == {"olsen"}
    assert main_actors(Article(text=three), min_mentions=4).main == set()


def test_a_run_across_a_full_stop_is_no_full_name() -> None:
    text = "Lena spoke on Monday.\n\nThe town heard Olsen. Olsen left. Olsen came back."
    assert main_actors(Article(text=text)).main == set()
    assert main_actors(Article(text=text.replace("Olsen. Olsen", "Olsen. Mayor Olsen"))).main == {"olsen"}
    assert main_actors(Article(text=text.replace("heard Olsen.", "heard Lena Olsen."))).main == {"olsen"}
    assert main_actors(Article(text="Lena Olsen spoke.\n\n" + text)).main == {"olsen"}


def test_a_main_actor_is_introduced_in_full_once() -> None:
    # "Olsen" alone, never "Lena Olsen": no full name, no main actor
    text = "Mayor Olsen spoke on Monday.\n\nThe town heard Olsen. Olsen left. Later, Olsen came back."
    assert main_actors(Article(text=text.replace("Mayor Olsen", "Olsen"))).main == set()
    assert main_actors(Article(text=text)).main == {"olsen"}


@pytest.mark.parametrize(("before", "full"), [
    ("Mayor Olsen", True), ("Mayor\tOlsen", True), ("Mayor\nOlsen", False), ("Mayor, Olsen", False),
    ("The Olsen", False), ("mayor Olsen", False), ("Olsen", False), ("Mayor  Olsen", True), ("Mayor. Olsen", False)])
def test_what_introduces_a_name_in_full(before: str, full: bool) -> None:
    text = f"Rescue work began on Monday as {before} spoke.\n\nThe town heard Olsen. Hours later, Olsen left."
    assert (main_actors(Article(text=text)).main == {"olsen"}) is full


def test_a_common_word_opening_a_sentence_does_not_introduce_a_name() -> None:
    text = "Rescue work began on Monday as Olsen spoke.\n\nThe town heard Olsen. Later Olsen left."
    assert main_actors(Article(text=text + " Help came later.")).main == set()
    # without "later" in lower case, "Later" reads like a first name: a known limit of the shape rule
    assert main_actors(Article(text=text)).main == {"olsen"}


def test_a_word_written_in_lower_case_is_no_name() -> None:
    text = ("Relief Center Opens In Tarnby\n\nThe Relief Center took 40 people on Monday.\n\n"
            "The Relief Center is full, and another center opens soon. The Relief Center thanks all.")
    assert "center" not in main_actors(Article(text=text)).main
    assert "center" in main_actors(Article(text=text.replace("another center", "another hall"))).main


def test_a_name_is_known_by_its_last_word() -> None:
    text = "Maurice Cheeks was fired on Monday.\n\nMaurice Cheeks said little. Maurice Cheeks left."
    assert main_actors(Article(text=text)).main == {"cheeks"}


def test_a_possessive_is_the_same_name() -> None:
    text = "Lena Olsen spoke on Monday.\n\nThe town heard Olsen's aides. It thanked Olsen’s staff."
    actors = main_actors(Article(text=text))
    assert actors.main == {"olsen"}
    assert "olsen's" not in actors.words and "olsen" in actors.words


def test_lead_end_counts_sentences_that_hold_words() -> None:
    text = "First one. \n\n...\n\nSecond one. Third one."
    assert text[:lead_end(text, 1)] == "First one. \n\n"
    assert text[:lead_end(text, 2)] == "First one. \n\n...\n\nSecond one. "
    assert lead_end(text, 0) == 0
    assert lead_end(text, 9) == len(text)
    assert lead_end("", 2) == 0


def test_led_by_different_actors_needs_an_own_actor_on_both_sides() -> None:
    rahman = Actors(main=frozenset({"klitschko", "rahman"}), words=frozenset({"klitschko", "rahman", "bremen"}))
    thompson = Actors(main=frozenset({"klitschko", "thompson"}), words=frozenset({"klitschko", "thompson"}))
    assert led_by_different_actors(rahman, thompson)
    assert led_by_different_actors(thompson, rahman)
    one_sided = Actors(main=frozenset({"klitschko"}), words=frozenset({"klitschko", "thompson"}))
    assert not led_by_different_actors(rahman, one_sided)
    assert not led_by_different_actors(one_sided, rahman)
    mentions_him = Actors(main=frozenset({"thompson"}), words=frozenset({"thompson", "rahman", "klitschko"}))
    assert not led_by_different_actors(rahman, mentions_him)
    nobody = Actors(main=frozenset(), words=frozenset())
    assert not led_by_different_actors(nobody, nobody)


def test_a_mention_in_lower_case_counts_as_a_mention() -> None:
    # the other report names "Molle" only in a lower-case slug: it still mentions him
    one, two = _fights()
    slug = Article(id="two", text=FIGHT_TWO + "\n\nTags: boxing, molle, petrov")
    assert led_by_different_actors(main_actors(one), main_actors(two))
    assert not led_by_different_actors(main_actors(one), main_actors(slug))


def test_hostile_and_huge_input() -> None:
    hostile = Article(id="h", text=("<script>Ivan Petrov</script> {{name}} \u202e" * 2000) + "\n\n" * 500)
    empty = Article(id="e", text=" ")
    assert main_actors(empty).main == set()
    assert main_actors(hostile).main <= {"petrov", "script", "name"}
    assert sorted(i for g in group_offline([hostile, empty, _fights()[0]]) for i in g) == [0, 1, 2]


def test_name_runs_give_where_each_name_starts() -> None:
    text = "On Monday Lena Olsen met Per Haugen in Tarnby."
    assert [[(text[at:at + 4], word) for at, word in run] for run in name_runs(text)] == [
        [("Lena", "lena"), ("Olse", "olsen")], [("Per ", "per"), ("Haug", "haugen")], [("Tarn", "tarnby")]]
    assert name_runs("Lena Olsen won.") == [[(5, "olsen")]]


def test_features_are_unchanged_by_the_runs() -> None:
    text = "Ivan Petrov won 52 fights in July on a Saturday. So said Ivan Petrov, 36"
    assert features(text) == {"n:ivan", "n:petrov", "p:ivan petrov", "d:52", "m:july", "w:saturday", "d:36"}
    assert features("Ivan Petrov won. Petrov, 36, said so") == {"n:petrov", "d:36"}


@pytest.mark.parametrize("swap", [False, True])
def test_the_actor_check_does_not_depend_on_order(swap: bool) -> None:
    day = _fights()[::-1] if swap else _fights()
    assert _partition(day) == [["one"], ["two"]]


def test_actors_are_frozen() -> None:
    actors = main_actors(Article(text=FIGHT_ONE))
    with pytest.raises(AttributeError):
        actors.main = frozenset()  # type: ignore[misc]


def test_the_lead_ends_where_its_last_sentence_ends() -> None:
    # a name that starts where the lead ends is outside it; a name that ends the text is inside
    text = "Rescue crews worked.\n\nHaugen thanked them. Per Haugen left. Haugen wept."
    assert main_actors(Article(text=text), lead_sentences=1).main == set()
    assert main_actors(Article(text=text), lead_sentences=2).main == {"haugen"}
    assert main_actors(Article(text="Rescue crews thanked Per Haugen"), min_mentions=1).main == {"haugen"}


def test_a_word_after_an_opening_quote_at_the_start_opens_a_sentence() -> None:
    assert features('"Police came," said Olsen.') == {"n:olsen"}
    assert name_runs('"Police came," said Olsen.') == [[(20, "olsen")]]


# One resignation: a long report naming many others, a short one naming little but its subject.
RESIGN_LONG = (
    "Coach Lena Olsen resigned from Tarnby United on Monday after a 9-14 start.\n\n"
    "Olsen told the board of Tarnby United that she had lost the dressing room. Chairman Per Haugen, "
    "Director Anna Berg, Captain Jonas Lie and Assistant Erik Moen thanked her. Olsen joined in 2019 "
    "from Kessel Rovers, won the Nordic Cup in 2021, and signed Mikkel Dahl, Sven Aas and Ola Brun. "
    "Rivals Bremen City, Oslo Athletic and Vik FC sent notes."
)
RESIGN_SHORT = ("Lena Olsen quit, Radio Nord said at 6 pm.\n\nOlsen, 52, said she was tired of the job. Fans "
                "outside the Vestby Arena cheered Olsen and sang for 20 minutes.")


def test_two_reports_led_by_the_same_actor_alone_are_one_story() -> None:
    day = [Article(id="long", text=RESIGN_LONG), Article(id="short", text=RESIGN_SHORT)]
    assert _partition(day, GroupingOptions(actor_mentions=None)) == [["long"], ["short"]]
    assert _partition(day) == [["long", "short"]]


def test_the_same_actor_with_one_of_its_own_on_one_side_does_not_join() -> None:
    # the short report also leads with a rival coach it keeps naming: the actors do not decide
    other = RESIGN_SHORT.replace("Lena Olsen quit,", "Lena Olsen quit and Coach Karl Eide took over,") + (
        " Eide spoke. Eide smiled.")
    day = [Article(id="long", text=RESIGN_LONG), Article(id="short", text=other)]
    assert main_actors(day[1]).main == {"olsen", "eide"}
    assert _partition(day) == [["long"], ["short"]]


def test_a_third_article_of_another_event_is_not_pulled_in_by_the_same_actors() -> None:
    quake = QUAKE_EARLY.replace("Lena Olsen", "Rolf Tangen").replace("Olsen", "Tangen")
    day = [Article(id="long", text=RESIGN_LONG), Article(id="short", text=RESIGN_SHORT), Article(id="quake", text=quake)]
    assert _partition(day) == [["long", "short"], ["quake"]]


def test_led_by_same_actors_needs_a_shared_actor_and_none_of_its_own() -> None:
    olsen = Actors(main=frozenset({"olsen"}), words=frozenset({"olsen", "haugen"}))
    also = Actors(main=frozenset({"olsen", "haugen"}), words=frozenset({"olsen", "haugen"}))
    assert led_by_same_actors(olsen, also) and led_by_same_actors(also, olsen)
    own = Actors(main=frozenset({"olsen", "eide"}), words=frozenset({"olsen", "eide"}))
    assert not led_by_same_actors(olsen, own) and not led_by_same_actors(own, olsen)
    apart = Actors(main=frozenset({"eide"}), words=frozenset({"eide", "olsen"}))
    assert not led_by_same_actors(olsen, apart)
    nobody = Actors(main=frozenset(), words=frozenset({"olsen"}))
    assert not led_by_same_actors(nobody, nobody) and not led_by_same_actors(olsen, nobody)
