"""``figures_in``'s prefilter (issue 18, item 17) finds exactly what the full scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.grounding.inarticle import _scan_figures, figures_in
from briefing.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/fixtures/**/*.txt")])


def test_there_are_texts_to_compare() -> None:
    assert len(TEXTS) >= 5


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_prefilter_changes_no_figure(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = [text[s.start:s.end] for s in split_sentences(text)]
    for sentence in sentences:
        assert figures_in(sentence) == _scan_figures(sentence)
    assert figures_in(text) == _scan_figures(text)


@pytest.mark.parametrize("text", ["It doubled.", "Twenty-five died", "about 3 percent", "$5bn",
                                  "Twice as many", "no figure here", "", "ELEVEN people", "x2"])
def test_each_kind_of_figure_passes_the_prefilter(text: str) -> None:
    assert figures_in(text) == _scan_figures(text)
    assert bool(figures_in(text)) == (text not in ("no figure here", "", "x2"))
