"""The figure pattern's start lookahead and grouped word lists change no figure, nor the
stop lookahead a sentence end (#19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.grounding.inarticle import (
    _FIGURE,
    _MULTIPLES,
    _SENTENCE_END,
    _UNITS,
    SCALES,
    figures_in,
)
from briefing.text.alternation import alternation

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/fixtures/**/*.txt")])
HOSTILE = [
    "flat least 5 people", "Furthermore than 3 died", "ABOUT 40 PERCENT", "more than\n\ntwenty-five",
    "$ 5bn", "€12m", "twice", "Twofold", "thrice-weekly", "seventy seven", "5,000,000.5 percent",
    "at least  twelve hundred", "nearly\ttwo-thirds", "a dozen", "x2 and 2x", "overtwelve", "", "1" * 500,
]


def _reference() -> re.Pattern[str]:
    """The pattern as it was: no start lookahead, plain longest-first word lists."""
    pattern = _FIGURE.pattern
    lookahead = pattern.index("(?=")
    pattern = pattern[:lookahead] + pattern[pattern.index("\n", lookahead):]
    for table in (_UNITS, SCALES, _MULTIPLES):
        pattern = pattern.replace(alternation(table), "|".join(sorted(table, key=len, reverse=True)))
    return re.compile(pattern, _FIGURE.flags)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_reference_differs_from_the_pattern() -> None:
    assert _reference().pattern != _FIGURE.pattern
    assert "(?=" not in _reference().pattern.split("(?P<qual>")[0]


@pytest.mark.parametrize("text", HOSTILE)
def test_odd_figures_are_found_as_before(text: str) -> None:
    assert _found(_FIGURE, text) == _found(_reference(), text)


def test_a_qualifier_that_ends_a_longer_word_still_starts_the_figure() -> None:
    assert figures_in("flat least 5 people") == [("at least 5", 5.0, "")]
    assert figures_in("Furthermore than 3 died")[0][0] == "more than 3"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_figure_of_the_fixtures_is_found_as_before(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _found(_FIGURE, text) == _found(_reference(), text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_sentence_ends_are_found_as_without_the_stop_lookahead(path: Path) -> None:
    assert _SENTENCE_END.pattern.startswith("(?=[.!?])")
    reference = re.compile(_SENTENCE_END.pattern.removeprefix("(?=[.!?])"))
    text = path.read_text(encoding="utf-8") + " Mr. Smith. U.S. officials. 3 p.m. On. Gen. A! B? “C.” D"
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in reference.finditer(text)]
