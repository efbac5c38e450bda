"""Offline grouping's split of events of the same kind that shared names glued together (issue 19;
issue 18 item 20: no test day had 6+ articles in one group): the spectral cut, the chance that a
feature clusters in a half, and the split decision, each with its partner that must not split."""

from __future__ import annotations

import math

import pytest

from briefing import Article
from briefing.daily.grouping import (
    GroupingOptions,
    article_features,
    bisect,
    group_offline,
    over_represented,
    own_features,
)

# Names every article of the topic carries (the glue), and the names of each event.
TOPIC = "the Indian Navy in the Gulf of Aden"
EVENTS = {
    "mysore": ["Mysore", "Gibe", "Kamath", "Ethiopia", "Yemen", "Saturday"],
    "sukanya": ["Sukanya", "Liberia", "Sharma", "Mombasa", "Oman", "Thursday"],
    "tabar": ["Tabar", "Panama", "Verma", "Salalah", "Djibouti", "Monday"],
}
# Unrelated stories that make the glue rare enough to weigh something on the day.
OTHERS = [
    "Parliament in Oslo passed the Fjord Act, said Minister Berit Dahl of Norway.",
    "Coach Ana Ruiz of Valencia signed Pedro Llorente before the Copa final in Seville.",
    "Floods in Dhaka displaced villagers, Mayor Karim Uddin of Bangladesh said in Sylhet.",
    "Astronomers at Caltech named the comet Brandt after a telescope on Palomar in California.",
    "Shares of Tesla rose in Frankfurt after Chancellor Olaf Berger spoke in Berlin.",
    "Chef Marie Curlet opened a bistro in Lyon with Paul Bocuse of France.",
    "The Louvre in Paris lent Vermeer paintings to the Rijksmuseum in Amsterdam.",
    "Voters in Lima chose Mayor Rosa Quispe of Peru over Carlos Vidal.",
]


def _event_articles(event: str, n: int, start: int = 0) -> list[Article]:
    """``n`` articles about one event: the topic's glue, three names every one of them carries,
    two of the event's other names in turn, and one name that no other article has."""
    names = EVENTS[event]
    out = []
    for k in range(start, start + n):
        extra = [names[3 + k % 3], names[3 + (k + 1) % 3]]
        out.append(Article(id=f"{event}-{k}", text=(
            f"Pirates attacked a ship, and {TOPIC} answered. "
            f"Officials said {names[0]} and {names[1]} were there with {names[2]}. "
            f"Reports named {extra[0]} and also {extra[1]}. "
            f"The reporter was Writer{event.title()}{k}.")))
    return out


def _others(copies: int = 1) -> list[Article]:
    return [Article(id=f"other-{k}-{c}", text=f"{t} Filed by Desk{k}x{c}.") for k, t in enumerate(OTHERS)
            for c in range(copies)]


def _stories(day: list[Article], options: GroupingOptions | None = None) -> list[list[str]]:
    return sorted(sorted(day[i].id or "" for i in g) for g in group_offline(day, options or GroupingOptions()))


def _ids(event: str, n: int) -> list[str]:
    return sorted(f"{event}-{k}" for k in range(n))


def test_two_events_glued_by_shared_names_are_split() -> None:
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    stories = _stories(day)
    assert _ids("mysore", 6) in stories
    assert _ids("sukanya", 6) in stories


def test_without_the_split_the_shared_names_glue_the_two_events() -> None:
    # the partner: the first pass alone joins them, so the split is what tells them apart
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    stories = _stories(day, GroupingOptions(max_splits=0))
    assert sorted(_ids("mysore", 6) + _ids("sukanya", 6)) in stories


def test_one_event_of_many_articles_is_not_split() -> None:
    day = _event_articles("mysore", 12) + _others()
    assert _ids("mysore", 12) in _stories(day)


def test_three_events_glued_together_come_apart_in_two_cuts() -> None:
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _event_articles("tabar", 6) + _others(3)
    assert sorted(_ids("mysore", 6) + _ids("sukanya", 6) + _ids("tabar", 6)) in _stories(day, GroupingOptions(max_splits=0))
    stories = _stories(day)
    assert all(_ids(e, 6) in stories for e in EVENTS)
    once = _stories(day, GroupingOptions(max_splits=1))  # one cut: two of the three stay together
    assert sum(any(_ids(e, 6) == s for s in once) for e in EVENTS) == 1
    assert max(map(len, once)) == 12
    twice = _stories(day, GroupingOptions(max_splits=2))  # a half may be cut once more
    assert all(_ids(e, 6) in twice for e in EVENTS)


def test_a_half_smaller_than_min_split_is_not_split_off() -> None:
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    stories = _stories(day, GroupingOptions(min_split=7))
    assert sorted(_ids("mysore", 6) + _ids("sukanya", 6)) in stories


def test_the_split_defaults_are_documented() -> None:
    options = GroupingOptions()
    assert (options.own_p, options.min_own, options.max_splits) == (0.01, 2, 3)
    assert (options.split_ratio, options.min_split) == (0.3, 3)
    for knob in ("own_p", "min_own", "max_splits", "split_ratio", "min_split"):
        assert f"``{knob}``" in (GroupingOptions.__doc__ or "")


def test_own_names_alone_split_when_the_halves_still_look_alike() -> None:
    # split_ratio 0 turns the resemblance rule off: the halves' own names decide
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(split_ratio=0.0))
    # ... and asking for more own names than the events have keeps them together
    glued = sorted(_ids("mysore", 6) + _ids("sukanya", 6))
    assert glued in _stories(day, GroupingOptions(split_ratio=0.0, min_own=50))
    assert glued in _stories(day, GroupingOptions(split_ratio=0.0, own_p=1e-9))


def _two_cliques_and_a_stray() -> dict[tuple[int, int], float]:
    """Items 0-3 and 4-7 alike among themselves, one weak link between them, item 8 loosely
    tied to the first clique: agglomeration down to two groups would cut off the stray."""
    sims: dict[tuple[int, int], float] = {}
    for block in ([0, 1, 2, 3], [4, 5, 6, 7]):
        for x in block:
            for y in block:
                if x < y:
                    sims[x, y] = 0.8
    sims[3, 4] = 0.05
    sims[0, 8] = 0.1
    return sims


def test_bisect_cuts_where_the_graph_is_thinnest() -> None:
    assert bisect(9, _two_cliques_and_a_stray()) == [[0, 1, 2, 3, 8], [4, 5, 6, 7]]


def test_bisect_does_not_depend_on_item_order() -> None:
    order = [5, 8, 0, 7, 2, 4, 1, 6, 3]  # new index -> old index
    back = {old: new for new, old in enumerate(order)}
    sims = {(min(back[i], back[j]), max(back[i], back[j])): s for (i, j), s in _two_cliques_and_a_stray().items()}
    halves = [sorted(order[i] for i in half) for half in bisect(9, sims)]
    assert sorted(halves) == [[0, 1, 2, 3, 8], [4, 5, 6, 7]]


def test_bisect_of_tiny_and_unlinked_groups() -> None:
    assert bisect(0, {}) == []
    assert bisect(1, {}) == []
    assert bisect(2, {(0, 1): 0.5}) == [[0], [1]]
    halves = bisect(4, {(0, 1): 0.9, (2, 3): 0.9})  # two pairs that share nothing
    assert halves == [[0, 1], [2, 3]]
    assert bisect(3, {}) == [] and bisect(3, {(0, 1): 0.0}) == []  # nothing alike: nowhere to cut


def test_items_alike_to_none_go_with_the_larger_half() -> None:
    sims = {(x, y): 0.9 for x in (1, 2, 3, 4) for y in (1, 2, 3, 4) if x < y}
    sims |= {(5, 6): 0.9, (4, 5): 0.05, (0, 3): 0.0}
    assert bisect(8, sims) == [[0, 1, 2, 3, 4, 7], [5, 6]]
    assert bisect(3, {(0, 1): 0.9}) == [[0, 2], [1]]


def test_over_represented_is_the_hypergeometric_upper_tail() -> None:
    # 3 of 10 articles hold the feature; drawing 3 that hold all 3: 1 in C(10, 3)
    assert over_represented(10, 3, 3, 3) == pytest.approx(1 / 120)
    # at least 2 of the 3 holders among 3 drawn: (C(3,2)C(7,1) + 1) / 120
    assert over_represented(10, 3, 3, 2) == pytest.approx((3 * 7 + 1) / 120)
    assert over_represented(10, 3, 3, 1) == pytest.approx(1 - math.comb(7, 3) / 120)
    assert over_represented(10, 3, 3, 0) == 1.0  # holding none is no evidence
    assert over_represented(10, 3, 3, 4) == 0.0  # cannot hold more than there are
    assert over_represented(10, 5, 2, 3) == 0.0  # nor more than were drawn


def test_over_represented_falls_with_a_larger_share() -> None:
    assert over_represented(20, 6, 10, 6) < over_represented(20, 6, 10, 5) < over_represented(20, 6, 10, 4)
    assert over_represented(1000, 400, 500, 400) < 1e-100  # big days: no overflow, no error


def test_own_features_counts_names_that_cluster_in_each_half() -> None:
    sets = [{"n:glue", "n:kempthorne", "d:2008"} for _ in range(5)] + \
           [{"n:glue", "n:salazar"} for _ in range(5)]
    halves = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    # C(10,5) = 252: a feature in all 5 of a half and no other has a 1 in 252 chance
    assert own_features(sets, halves, 0.01) == [2, 1]
    assert own_features(sets, halves, 1 / 252) == [0, 0]  # strictly below p
    assert own_features(sets, halves, 1 / 251) == [2, 1]


def test_own_features_ignores_a_feature_of_one_article() -> None:
    sets = [{"n:glue"} for _ in range(10)]
    sets[0] = {"n:glue", "n:lonely"}
    assert own_features(sets, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], 1.0) == [0, 0]
    sets[1] = {"n:glue", "n:lonely"}  # held by two: in the first half with a chance of 2/9
    assert own_features(sets, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], 0.23) == [1, 0]
    assert own_features(sets, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], 0.22) == [0, 0]


def test_the_resemblance_rule_alone_splits_halves_that_barely_resemble_each_other() -> None:
    # min_own out of reach: only split_ratio decides
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(min_own=50))
    glued = sorted(_ids("mysore", 6) + _ids("sukanya", 6))
    assert glued in _stories(day, GroupingOptions(min_own=50, split_ratio=0.0))  # strictly below: never


def test_a_half_under_min_split_in_a_group_big_enough_to_cut_stays() -> None:
    day = _event_articles("mysore", 8) + _event_articles("sukanya", 4) + _others(3)
    glued = sorted(_ids("mysore", 8) + _ids("sukanya", 4))
    assert glued in _stories(day, GroupingOptions(max_splits=0))
    assert glued in _stories(day, GroupingOptions(min_split=5))  # 12 articles may be cut, a half of 4 may not
    assert _ids("sukanya", 4) in _stories(day, GroupingOptions(min_split=4))


def test_bisect_does_not_depend_on_the_scale_of_the_similarities() -> None:
    # a clique of 5 and one of 3, one weak link: the cut is between them at any scale
    sims: dict[tuple[int, int], float] = {}
    for block in ([0, 1, 2, 3, 4], [5, 6, 7]):
        sims.update({(x, y): 0.8 for x in block for y in block if x < y})
    sims[4, 5] = 0.05
    for scale in (1.0, 0.001):
        assert bisect(8, {p: s * scale for p, s in sims.items()}) == [[0, 1, 2, 3, 4], [5, 6, 7]]


def _bridged(event: str, n: int) -> list[Article]:
    """The event's articles, the first two of which also name two firms the other event's
    first two name: the halves resemble each other a little."""
    return [a.model_copy(update={"text": a.text + " Analysts at Lloyds and Maersk watched."}) if k < 2 else a
            for k, a in enumerate(_event_articles(event, n))]


def test_the_resemblance_rule_compares_the_halves_with_their_own_resemblance() -> None:
    day = _bridged("mysore", 6) + _bridged("sukanya", 6) + _others()
    glued = sorted(_ids("mysore", 6) + _ids("sukanya", 6))
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(min_own=50))  # 0.3 of their own
    # the mean similarity across the halves is 0.064 of each half's own (0.043 / 0.670)
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(min_own=50, split_ratio=0.07))
    assert glued in _stories(day, GroupingOptions(min_own=50, split_ratio=0.06))


def test_own_names_split_from_exactly_min_own() -> None:
    events = _event_articles("mysore", 6) + _event_articles("sukanya", 6)
    day = events + _others()
    counts = own_features([article_features(a) for a in events], [list(range(6)), list(range(6, 12))], 0.01)
    fewest = min(counts)
    assert fewest >= 2
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(split_ratio=0.0, min_own=fewest))
    glued = sorted(_ids("mysore", 6) + _ids("sukanya", 6))
    assert glued in _stories(day, GroupingOptions(split_ratio=0.0, min_own=fewest + 1))


def test_a_group_of_exactly_twice_min_split_may_be_cut() -> None:
    day = _event_articles("mysore", 6) + _event_articles("sukanya", 6) + _others()
    assert _ids("mysore", 6) in _stories(day, GroupingOptions(min_split=6))


def test_bisect_of_uneven_graphs() -> None:
    # a block and a pair that shares nothing with it
    block_and_pair = {(0, 1): 0.86, (0, 2): 0.51, (0, 3): 0.76, (1, 2): 0.07, (1, 3): 0.48, (1, 4): 0.84,
                      (3, 4): 0.86, (5, 6): 0.7}
    assert bisect(7, block_and_pair) == [[0, 1, 2, 3, 4], [5, 6]]
    # a dense block of four, and three items held together loosely
    dense_and_loose = {(0, 1): 0.32, (0, 2): 0.41, (0, 3): 0.82, (1, 2): 0.81, (1, 3): 0.35, (1, 4): 0.01,
                       (2, 3): 0.67, (2, 5): 0.02, (4, 5): 0.49, (5, 6): 0.04}
    assert bisect(7, dense_and_loose) == [[0, 1, 2, 3], [4, 5, 6]]
    # two short chains, one with a weakly tied end
    chains = {(0, 1): 0.62, (1, 2): 0.54, (1, 4): 0.02, (3, 4): 0.57, (4, 5): 0.02}
    assert bisect(6, chains) == [[0, 1, 2], [3, 4, 5]]
    # a triangle and a dense five with a straggler: the cut is the normalised one, not a straggler off
    triangle_and_five = {(0, 1): 0.42, (0, 2): 0.39, (0, 3): 0.06, (1, 2): 0.64, (1, 6): 0.08, (3, 4): 0.47,
                         (3, 5): 0.63, (3, 6): 0.88, (4, 5): 0.6, (4, 6): 0.59, (4, 7): 0.06, (5, 6): 0.85,
                         (5, 7): 0.02}
    assert bisect(8, triangle_and_five) == [[0, 1, 2], [3, 4, 5, 6, 7]]
    # one dense group and an item tied to it by a thread: that item is cut off
    thread = {(0, 1): 0.4, (0, 2): 0.87, (0, 3): 0.58, (0, 4): 0.53, (0, 5): 0.02, (1, 2): 0.49, (1, 4): 0.38,
              (2, 3): 0.43, (2, 4): 0.89, (3, 4): 0.52}
    assert bisect(7, thread) == [[0, 1, 2, 3, 4, 6], [5]]


def test_own_names_must_be_found_in_each_half() -> None:
    # one event, and six articles chained by names each pair shares: no name of their own
    loose = [Article(id=f"loose-{k}", text=(
        f"Pirates attacked a ship, and {TOPIC} answered. Officials named Link{chr(97 + k)} and also "
        f"Link{chr(98 + k)}. The reporter was WriterLoose{k}.")) for k in range(6)]
    events = _event_articles("mysore", 6) + loose
    halves = [list(range(6)), list(range(6, 12))]
    assert own_features([article_features(a) for a in events], halves, 0.01)[1] == 0
    day = events + _others(3)
    together = sorted(_ids("mysore", 6) + [a.id or "" for a in loose])
    assert together in _stories(day, GroupingOptions(split_ratio=0.0))  # the own-names rule alone
