"""The direction lexicon: data file, loader, phrase alignment."""

from __future__ import annotations

from importlib import resources

import pytest

from briefing.quantities import (
    DirectionLexicon,
    are_opposites,
    load_directions,
    tokenize,
)
from briefing.quantities.directions import parse_pairs


def pairs_in_file() -> list[tuple[str, str]]:
    path = resources.files("briefing.quantities") / "lexicons" / "directions.en.tsv"
    return parse_pairs(path.read_text(encoding="utf-8"))


def test_the_file_has_at_least_80_distinct_pairs() -> None:
    pairs = pairs_in_file()
    assert len(pairs) >= 80
    assert len({frozenset(p) for p in pairs}) == len(pairs)
    assert all(a == a.lower() and b == b.lower() for a, b in pairs)


def test_no_word_is_its_own_opposite() -> None:
    lexicon = load_directions()
    for a, b in pairs_in_file():
        assert a != b
        assert not lexicon.are_opposites(a, a) and not lexicon.are_opposites(b, b)


@pytest.mark.parametrize(("a", "b"), [("left", "right"), ("in", "out"), ("on", "off"),
                                      ("for", "against"), ("men", "women"), ("left", "arrived"),
                                      ("late", "former"), ("this spring", "this summer")])
def test_false_alarm_pairs_are_absent(a: str, b: str) -> None:
    assert not are_opposites(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("rose", "fell"), ("fell", "rose"), ("went up", "went down"), ("increased", "cut"),
     ("before", "after"), ("won", "lost"), ("gained", "lost"), ("guilty", "not guilty"),
     ("acquitted", "convicted"), ("this year", "next year"), ("Rose", "FELL"),
     ("more", "fewer"), ("more", "less"), ("north", "south"), ("yesterday", "tomorrow"),
     # superlatives and comparatives of rank, order in time, moving in and out
     ("biggest", "smallest"), ("best", "worst"), ("highest", "lowest"), ("most", "least"),
     ("early", "late"), ("this spring", "next spring"), ("last season", "next season"),
     ("entered", "left"),
     # the compass points between: "25 miles northwest of" is not "25 miles southeast of"
     ("northwest", "southeast"), ("southwest", "northeast"), ("northwestern", "southeastern")],
)
def test_are_opposites(a: str, b: str) -> None:
    assert are_opposites(a, b)


@pytest.mark.parametrize(("a", "b"), [("rose", "rose"), ("rose", "climbed"), ("up", "up"),
                                      ("went up", "went"), ("", ""),
                                      ("northwest", "northeast")])  # another point, not the opposite one
def test_not_opposites(a: str, b: str) -> None:
    assert not are_opposites(a, b)


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("shares went up on monday", "shares went down on monday", ("went up", "went down")),
        ("prices rose 5%", "prices fell 5%", ("rose", "fell")),
        ("he was found guilty", "he was found not guilty", ("guilty", "not guilty")),
        ("the bill is law", "the bill is not law", ("is", "is not")),
        ("it grew this year", "it grew next year", ("this year", "next year")),
        ("they voted for the bill", "they voted against the bill",
         ("voted for", "voted against")),
        ("he isn't here", "he is here", ("isn't", "is")),
        ("one of the biggest stars", "one of the smallest stars", ("biggest", "smallest")),
        ("in the best interest", "in the worst interest", ("best", "worst")),
        ("she died early thursday", "she died late thursday", ("early", "late")),
        ("it opens this spring", "it opens next spring", ("this spring", "next spring")),
        ("she has entered rehab", "she has left rehab", ("entered", "left")),
    ],
)
def test_opposite_in_aligned_texts(a: str, b: str, found: tuple[str, str]) -> None:
    assert load_directions().opposite(tokenize(a), tokenize(b)) == found


@pytest.mark.parametrize(
    ("a", "b"),
    [("prices rose 5%", "prices rose 5%"), ("he left early", "he left early on monday"),
     ("the late president", "the former president"), ("this spring", "this summer"),
     ("prices rose", "prices climbed"), ("", ""), ("up", ""),
     ("shares rose and then fell", "shares rose and then fell sharply")],
)
def test_no_opposite(a: str, b: str) -> None:
    assert load_directions().opposite(tokenize(a), tokenize(b)) is None


def test_loader_is_cached_and_checks_the_language() -> None:
    assert load_directions("en") is load_directions()
    with pytest.raises(ValueError, match="no direction lexicon"):
        load_directions("xx")
    with pytest.raises(ValueError, match="not a language code"):
        load_directions("../en")


def test_lexicon_rejects_bad_pairs_and_lines() -> None:
    with pytest.raises(ValueError, match="not a pair"):
        DirectionLexicon([("up", "UP")])
    with pytest.raises(ValueError, match="not a pair"):
        DirectionLexicon([("", "down")])
    with pytest.raises(ValueError, match="line 2"):
        parse_pairs("# comment\nup down\n")
    assert parse_pairs("\n# c\nup\tdown\n") == [("up", "down")]
    lexicon = DirectionLexicon([("go up", "go down")])
    assert (len(lexicon), lexicon.max_words) == (2, 2)


def test_tokenize() -> None:
    assert tokenize("He ISN'T up, 5%!") == ["he", "isn't", "up", "5"]
