"""Passage ranking: sentence passages with exact offsets, BM25 order, and hostile input."""

from __future__ import annotations

import math

from briefing.text.retrieval import PassageIndex, split_passages, terms

DAY = [
    "The council met on Monday. The council will raise taxes next year, the mayor said.",
    "Flooding closed two roads. Residents were told to stay home.",
    "Taxes are a national matter. The mayor's office declined to comment on the council.",
]


def test_passages_are_sentences_with_exact_offsets():
    index = PassageIndex(DAY)
    assert [p.text for p in index.passages][:2] == [
        "The council met on Monday.", "The council will raise taxes next year, the mayor said."]
    for p in index.passages:
        assert DAY[p.article][p.start:p.end] == p.text


def test_the_passage_holding_the_claims_words_ranks_first():
    ranked = PassageIndex(DAY).rank("The council will raise taxes", top=3)
    assert ranked[0].passage.text.startswith("The council will raise taxes")
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert all(r.score > 0 for r in ranked)


def test_a_negated_claim_finds_the_sentence_it_negates():
    """"not" is a stop word: negating a claim must not change what is retrieved."""
    plain = PassageIndex(DAY).rank("The council will raise taxes", top=1)
    negated = PassageIndex(DAY).rank("The council will not raise taxes", top=1)
    assert plain[0].passage == negated[0].passage
    assert math.isclose(plain[0].score, negated[0].score)


def test_rare_words_outweigh_common_ones():
    """BM25's idf: "flooding" (one passage) outranks "council" (three passages)."""
    ranked = PassageIndex(DAY).rank("council flooding", top=5)
    assert ranked[0].passage.text == "Flooding closed two roads."


def test_words_are_folded_like_grounding_folds_them():
    index = PassageIndex(["Officials said the “CEASE-FIRE” holds in Zürich."])
    assert terms("cease-fire zurich") == ["cease", "fire", "zurich"]
    assert index.rank("ceasefire", top=1) == []  # a different word stays different
    assert index.rank("Cease-fire ZURICH", top=1)[0].score > 0


def test_nothing_to_rank_gives_nothing():
    assert PassageIndex([]).rank("anything", top=5) == []
    assert PassageIndex(["", "   "]).rank("anything", top=5) == []
    assert PassageIndex(DAY).rank("the and of", top=5) == []  # stop words only
    assert PassageIndex(DAY).rank("zebra", top=5) == []
    assert PassageIndex(DAY).rank("council", top=0) == []


def test_a_huge_sentence_is_cut_into_bounded_passages():
    text = ("word " * 5000).strip()  # 25,000 characters, no sentence end
    spans = split_passages(text, max_chars=600)
    assert len(spans) > 40 and all(0 < end - start <= 600 for start, end in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()
    unbroken = "x" * 2000  # no space to cut at: cut at the limit
    assert [e - s for s, e in split_passages(unbroken, max_chars=600)] == [600, 600, 600, 200]


def test_neighbours_stay_inside_the_article():
    index = PassageIndex(DAY)
    last_of_first = max(i for i, p in enumerate(index.passages) if p.article == 0)
    start, end = index.neighbours(last_of_first, 1)
    assert DAY[0][start:end] == DAY[0]
    first_of_second = last_of_first + 1
    start, end = index.neighbours(first_of_second, 5)
    assert DAY[1][start:end] == DAY[1]
