"""``alternation``: grouped by first letter, it matches what the plain alternation matches (#19)."""

from __future__ import annotations

import re

import pytest

from briefing.text.alternation import alternation

WORDS = ["say", "says", "said", "saying", "told", "tell", "tells", "s", "pointed out",
         "points out", "point", "add", "added", "adds", "a"]
TEXTS = [
    "She says so; they said it; he told them; we tell; it tells.",
    "He pointed out that it points out nothing; point taken.",
    "Sayings, saying, SAYS, Said, TOLD, tells-all, s, a, add, adds, added, addendum",
    "pointed   out", "pointed\nout", "pointedout", "", "x" * 1000, "says " * 500,
    "unsaid retold subtells", "said” “said ‘said’",
]


def _plain(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def test_words_are_grouped_by_first_letter_longest_first() -> None:
    assert alternation(["say", "says", "told"]) == "s(?:ays|ay)|t(?:old)"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("template", [r"\b(?:{})\b", r"(?:{})", r"(?:{})\w*"])
def test_the_grouped_alternation_matches_what_the_plain_one_matches(flags: int, template: str) -> None:
    grouped = re.compile(template.format(alternation(WORDS)), flags)
    plain = re.compile(template.format(_plain(WORDS)), flags)
    assert grouped.pattern != plain.pattern
    for text in TEXTS:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_longer_word_wins_over_its_prefix() -> None:
    assert re.match(alternation(["say", "says"]), "says").group() == "says"
    assert re.match(alternation(["point", "pointed out"]), "pointed  out").group() == "pointed  out"


def test_the_space_pattern_is_used_between_words() -> None:
    assert alternation(["called for"], space="[ ]") == "c(?:alled[ ]for)"
    assert re.fullmatch(alternation(["called for"], space="[ ]"), "called\tfor") is None


def test_words_not_opened_by_a_lowercase_letter_stay_a_plain_alternation() -> None:
    # under IGNORECASE "Said" and "say" may match at the same place: their order must hold
    assert alternation(["Said", "say"]) == "Said|say"
    assert alternation(["4x", "four"]) == "four|4x"
    assert alternation(["état", "était"]) == "était|état"


def test_duplicates_and_no_words() -> None:
    assert alternation(["said", "said"]) == "s(?:aid)"
    assert alternation([]) == ""
