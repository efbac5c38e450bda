"""A long sentence with many cues costs work in proportion to its length (#19).

Each cue of 'A said B, while C argued D, and E warned F, ...' used to search the rest of the
sentence again (for a second cue, a contrast, an aside dash) and to split all the words before
it: quadratic in the sentence's length. The remembered searches and the per-sentence dash list
must answer exactly as the plain searches did.
"""

from __future__ import annotations

import random
import re

import pytest

from briefing.core.models import Article
from briefing.offline import brief_offline, reported
from briefing.offline.phrases import opens_clause

CLAUSE = ("Ana Ruiz said the plan would fail, while Li Wei argued that costs would rise, "
          "and officials warned that the vote was rigged, ")


class _Counting:
    """A pattern that counts the characters its searches are given to scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.scanned = pattern, 0

    def search(self, text: str, pos: int = 0, endpos: int = 2**63) -> re.Match[str] | None:
        self.scanned += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63):
        self.scanned += min(endpos, len(text)) - pos
        return self.pattern.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = 2**63) -> list:
        self.scanned += min(endpos, len(text)) - pos
        return self.pattern.findall(text, pos, endpos)


def _scanned(repeats: int, monkeypatch: pytest.MonkeyPatch) -> int:
    counters = {name: _Counting(getattr(reported, name))
                for name in ("_CONTRAST", "_PARTICIPLE", "_COORDINATED", "_ASIDE_DASH")}
    with monkeypatch.context() as patch:
        for name, counter in counters.items():
            patch.setattr(reported, name, counter)
        reported._searches.cache_clear()
        reported._aside_dash_ends.cache_clear()
        try:
            brief_offline(Article(text=CLAUSE * repeats + "the end."))
        finally:  # the remembered searches know the counting patterns: forget them
            reported._searches.cache_clear()
            reported._aside_dash_ends.cache_clear()
    return sum(c.scanned for c in counters.values())


def test_many_cues_in_one_sentence_scan_it_a_few_times_not_once_per_cue(monkeypatch) -> None:
    small, large = _scanned(20, monkeypatch), _scanned(80, monkeypatch)
    assert small > 0
    assert large / small < 4 * 1.5  # 4x the sentence: about 4x the scanning, not 16x


class _Plain(reported._Searches):
    """Searches that remember nothing: the reference."""

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        return pattern.search(self.text, start, end)


@pytest.mark.parametrize("text", [CLAUSE * 5 + "the end.", "he said A, " * 30 + "B.",
                                  "X said A, adding B, but Y said C — Z said D — and warned E; F. " * 5])
def test_long_sentences_are_briefed_as_with_plain_searches(text: str, monkeypatch) -> None:
    remembered = brief_offline(Article(text=text)).model_dump_json()
    monkeypatch.setattr(reported, "_searches", _Plain)
    assert brief_offline(Article(text=text)).model_dump_json() == remembered


def _random_text(rng: random.Random, size: int) -> str:
    pieces = [" ", "  ", "\n", "-", "--", "—", "–", ",", "a", "said", "adding that", "and warned that",
              " but ", ", though ", "“", "”", ".", "Ana", "x"]
    return "".join(rng.choice(pieces) for _ in range(size))


@pytest.mark.parametrize("seed", range(20))
def test_remembered_searches_answer_as_plain_searches(seed: int) -> None:
    rng = random.Random(seed)
    text = _random_text(rng, 300)
    searches = reported._Searches(text)
    patterns = [reported._CONTRAST, reported._PARTICIPLE, reported._COORDINATED]
    starts = sorted(rng.randrange(len(text) + 1) for _ in range(40))
    if seed % 2:
        rng.shuffle(starts)  # any order, not only left to right
    for start in starts:
        end = rng.choice([len(text), max(start, len(text) - rng.randrange(50))])
        for pattern in patterns:
            found, expected = searches.search(pattern, start, end), pattern.search(text, start, end)
            assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("seed", range(20))
def test_aside_dashes_before_a_place_count_as_findall_counts(seed: int) -> None:
    rng = random.Random(100 + seed)
    text = _random_text(rng, 200)
    start, end = rng.randrange(20), len(text) - rng.randrange(20)
    ends = reported._aside_dash_ends(text, start, end)
    for place in range(start, end + 1):
        assert sum(e <= place for e in ends) == len(reported._ASIDE_DASH.findall(text, start, place))


@pytest.mark.parametrize("before", ["", "  ", "and", "Ana said,", "x and  ", "Even", "one two\tthree when",
                                    "Mr. Ruiz (", "\u2003word\u2003"])
def test_opens_clause_reads_the_last_word(before: str) -> None:
    stripped = before.rstrip()
    last = stripped.split()[-1].lower() if stripped else ""
    expected = not stripped or stripped[-1] in ",(" or last in {"and", "even", "when"}
    assert opens_clause(before, ",(") == expected
