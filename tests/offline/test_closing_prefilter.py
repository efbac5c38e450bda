"""The placed closing cue's word prefilter (#19) changes no attribution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.offline import reported
from briefing.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/fixtures/**/*.txt")])
PLACED = [
    "The plant will close, Ana Ruiz said in an interview with CNN on Sunday.",
    "The plant will close, officials told reporters in Brussels.",
    "The plant will close, The Post has learned from people at the site.",
    "The plant will close, Ana Ruiz argued in an interview with CNN.",  # not a verb of saying
    "The plant will close, Ana Ruiz SAID in an interview.",
    "The plant will close, Ana Ruiz unsaid in an interview.",
    "The plant will close, Ana Ruiz has long said at a rally in Denver.",
    "The plant will close, Ana Ruiz said, in a statement.",
    "“The plant will close,” Ana Ruiz said in a statement to reporters.",
]


def _text_of(text: str, found) -> str:
    return text[found.start:found.end]


def _all_sentences(text: str) -> list[list]:
    return [reported.content_then_source(text, s) for s in split_sentences(text)]


@pytest.mark.parametrize("text", [*(p.read_text(encoding="utf-8") for p in TEXTS), *PLACED],
                         ids=[*(p.name for p in TEXTS), *(f"placed-{i}" for i in range(len(PLACED)))])
def test_the_prefilter_changes_no_closing_attribution(text: str, monkeypatch) -> None:
    filtered = _all_sentences(text)
    monkeypatch.setattr(reported, "_PLACE_CUE_WORD", re.compile(""))  # always passes
    assert filtered == _all_sentences(text)


def test_a_placed_cue_is_still_found_and_another_verb_is_not() -> None:
    said, argued = PLACED[0], PLACED[3]
    assert [_text_of(said, a) for a in _all_sentences(said)[0]] == ["The plant will close"]
    assert _all_sentences(argued) == [[]]
