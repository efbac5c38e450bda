"""The fast cue and verb-group searches (#19) find what the plain alternations found.

``CUE`` and the intention verb group open with a lookahead for a lowercase letter or an
apostrophe, look ahead for the apostrophe before the lookbehinds of a contraction ("he’s"), and
their word lists are grouped by first letter (``alternation``). Both are exact
only while every word opens with a lowercase letter: these tests hold the vocabularies to that,
and compare the searches with the plain forms on the seeds and fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.offline import cues, intentions
from briefing.offline.reported import _CUE
from briefing.offline.sourcing import _POSSESSIVE_END
from briefing.text.alternation import alternation
from briefing.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/fixtures/**/*.txt")])
HOSTILE = ["He’s claiming that it works.", "She's urging calm.", "They’re insisting that A.",
           "SAID he. Said she. He said. he SAID", "has long argued that", "also previously said",
           "reportedly hoped that", "went on to explain how", "plans to", "She’s hoping to win.",
           "Trump’s warning lights", "said" * 50, "“said”", "unsaid", "isn't planning to", ""]


def _plain(words) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


VOCABULARIES = {
    "speech verbs": cues.SPEECH_VERBS, "speech phrases": cues.SPEECH_PHRASES,
    "auxiliaries": cues.AUXILIARIES, "reported attitudes": cues.REPORTED_ATTITUDES,
    "quote-only verbs": cues.QUOTE_ONLY_VERBS, "reason verbs": cues.REASON_VERBS,
    "clause cues": cues.lexicon("clause_cues"),
    "progressive cues": cues.lexicon("progressive_cues"), "intention forms": list(intentions._LEMMA),
}


@pytest.mark.parametrize("name", VOCABULARIES)
def test_every_cue_word_opens_with_a_lowercase_letter(name: str) -> None:
    bad = [w for w in VOCABULARIES[name] if not re.match(r"[a-z]", w)]
    assert bad == []  # else the lookahead before CUE and the verb group would skip them


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groupdict()) for start, end in _sentences(text)
            for m in pattern.finditer(text, start, end)]


def _without_contraction_lookaheads(pattern: str) -> str:
    """``pattern`` without the lookaheads before the lookbehinds of a contraction."""
    return re.sub(r"\(\?=\[[^]]*\]\)(?=\(\?:\(\?<=)", "", pattern)


def _reference_cue() -> re.Pattern[str]:
    pattern = re.sub(r"^\\b\(\?=\[[^]]*\]\)", lambda _: r"\b", cues.CUE)  # no lookahead
    for words in (cues.REPORTED_ATTITUDES + cues.SPEECH_VERBS, cues.AUXILIARIES, cues.REASON_VERBS,
                  cues.lexicon("progressive_cues"), cues.SPEECH_PHRASES + cues.SPEECH_VERBS,
                  [w for w in cues.lexicon("clause_cues") if not w.endswith("ing")],
                  [w for w in cues.lexicon("clause_cues") if w.endswith("ing")]):
        pattern = pattern.replace(alternation(words), _plain(words))
    return re.compile(_without_contraction_lookaheads(pattern), re.VERBOSE)


def _reference_group() -> re.Pattern[str]:
    forms = "|".join(sorted(intentions._LEMMA, key=len, reverse=True))
    aux = _without_contraction_lookaheads(intentions._AUX)
    return re.compile(r"\b(?P<aux>(?:" + aux + r"\s+){0,4})(?P<verb>" + forms + r")\b")


def test_the_references_are_the_plain_forms() -> None:
    assert "(?=[a-z" not in _reference_cue().pattern
    assert "s(?:" not in _reference_cue().pattern and "s(?:" in _CUE.pattern
    assert "(?=[a-z" not in _reference_group().pattern
    assert "(?=[’'])" in _CUE.pattern and "(?=[’'])" not in _reference_cue().pattern
    assert "(?=[’'])" in intentions._GROUP.pattern and "(?=[’'])" not in _reference_group().pattern


@pytest.mark.parametrize("text", [*(p.read_text(encoding="utf-8") for p in TEXTS), *HOSTILE],
                         ids=[*(p.name for p in TEXTS), *(f"hostile-{i}" for i in range(len(HOSTILE)))])
def test_cues_and_verb_groups_are_found_as_with_the_plain_alternations(text: str) -> None:
    assert _found(_CUE, text) == _found(_reference_cue(), text)
    assert _found(intentions._GROUP, text) == _found(_reference_group(), text)


def test_a_contracted_cue_after_a_pronoun_is_still_found() -> None:
    assert [m.group("cue") for m in _CUE.finditer("He’s claiming that A, she said.")] == [
        "’s claiming", "said"]


@pytest.mark.parametrize("window", ["Trump’s", "the officials’ ", "the officials' ", "Ana's  ", "its",
                                    "’s", "s’", "Jones’s", "a ’s", "x" * 200 + "’s "])
def test_a_possessive_end_is_found_as_without_the_apostrophe_lookahead(window: str) -> None:
    reference = re.compile(_POSSESSIVE_END.pattern.removeprefix("(?=[’'])"))
    assert reference.pattern != _POSSESSIVE_END.pattern
    found, expected = _POSSESSIVE_END.search(window), reference.search(window)
    assert (found and found.span()) == (expected and expected.span())
