"""Chunks cover the article on natural boundaries with overlap; merged answers lose nothing twice."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.models import (
    ExtractedBriefing,
    ExtractedClaim,
    ExtractedDispute,
    ExtractedPosition,
    Speaker,
)
from briefing.text.chunking import Chunk, estimate_tokens, merge_extracted, split_text


def paragraph(i: int, sentences: int = 4) -> str:
    return " ".join(f"Paragraph {i} sentence {j} says something." for j in range(sentences))


ARTICLE = "\n\n".join(paragraph(i) for i in range(12))  # ~170 chars per paragraph


def check_invariants(text: str, chunks: list[Chunk], max_chars: int) -> None:
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for chunk in chunks:
        assert chunk.text == text[chunk.start:chunk.end]
        assert 0 < chunk.end - chunk.start <= max_chars
    for a, b in pairwise(chunks):
        assert a.start < b.start <= a.end < b.end  # ordered, no gaps, always progressing


def test_short_text_is_one_chunk():
    assert split_text("Short.", max_chars=100, overlap_chars=10) == [Chunk(0, 6, "Short.")]
    assert split_text("x" * 100, max_chars=100, overlap_chars=10) == [Chunk(0, 100, "x" * 100)]


def test_cuts_at_paragraphs_with_whole_paragraph_overlap():
    chunks = split_text(ARTICLE, max_chars=600, overlap_chars=200)
    check_invariants(ARTICLE, chunks, 600)
    assert len(chunks) > 2
    starts = {0} | {m + 2 for m in range(len(ARTICLE)) if ARTICLE.startswith("\n\n", m)}
    for a, b in pairwise(chunks):
        assert b.start in starts  # every chunk starts at a paragraph
        assert a.text.endswith("\n\n")  # and ends after one
        assert 100 <= a.end - b.start <= 200  # sharing about one paragraph (~170 chars)


def test_long_paragraph_falls_back_to_line_breaks_then_sentences():
    lines = "\n".join(f"Line {i} of a poem without any full stop" for i in range(40))
    chunks = split_text(lines, max_chars=300, overlap_chars=60)
    check_invariants(lines, chunks, 300)
    assert all(c.text.endswith("\n") for c in chunks[:-1])

    prose = " ".join(f"Sentence number {i} ends here." for i in range(60))
    chunks = split_text(prose, max_chars=250, overlap_chars=60)
    check_invariants(prose, chunks, 250)
    assert all(c.text.endswith("here. ") for c in chunks[:-1])
    assert all(c.text.startswith("Sentence") for c in chunks)


def test_cjk_sentences_without_spaces():
    text = "北约盟国同意提高国防开支。" * 50
    chunks = split_text(text, max_chars=100, overlap_chars=20)
    check_invariants(text, chunks, 100)
    assert all(c.text.endswith("。") for c in chunks)


def test_hard_cut_only_as_last_resort():
    text = "x" * 1000
    chunks = split_text(text, max_chars=300, overlap_chars=50)
    check_invariants(text, chunks, 300)
    assert [c.end - c.start for c in chunks[:-1]] == [300] * (len(chunks) - 1)


def test_zero_overlap_tiles_the_text():
    chunks = split_text(ARTICLE, max_chars=500, overlap_chars=0)
    assert "".join(c.text for c in chunks) == ARTICLE


@pytest.mark.parametrize(("max_chars", "overlap"), [(0, 0), (100, 100), (100, -1)])
def test_bad_arguments(max_chars, overlap):
    with pytest.raises(ValueError, match=r"^split_text needs max_chars > 0 and 0 <= overlap_chars < max_chars$"):
        split_text(ARTICLE, max_chars=max_chars, overlap_chars=overlap)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n。"), max_size=2000),
    max_chars=st.integers(1, 400),
    data=st.data(),
)
def test_invariants_hold_for_any_text(text, max_chars, data):
    overlap = data.draw(st.integers(0, max_chars - 1))
    chunks = split_text(text, max_chars=max_chars, overlap_chars=overlap)
    if not text:
        assert chunks == [Chunk(0, 0, "")]
        return
    check_invariants(text, chunks, max_chars)


def test_estimate_tokens():
    assert estimate_tokens("") == 0
    assert estimate_tokens("a" * 400) == 100
    assert estimate_tokens("北约" * 50) == 100  # one token per CJK character: never underestimate
    assert estimate_tokens("д" * 200) == 100


# ------------------------------------------------------------------ merge_extracted


def claim(evidence: str, speaker: str | None = None, statement: str = "s") -> ExtractedClaim:
    return ExtractedClaim(statement=statement, kind="fact", evidence=evidence,
                          speaker=Speaker(name=speaker) if speaker else None)


def part(claims=(), disputes=(), headline="H", summary="S") -> ExtractedBriefing:
    return ExtractedBriefing(headline=headline, summary=summary, claims=list(claims),
                             disputes=list(disputes))


def test_headline_and_summary_come_from_the_first_part():
    merged = merge_extracted([part(headline="First", summary="Lead"), part(headline="Second")])
    assert (merged.headline, merged.summary) == ("First", "Lead")


def test_claims_concatenated_in_order_and_deduplicated():
    a = claim("“This is a historic moment,” he said", "Rutte", statement="first")
    b = claim("Spain called the target unreasonable")
    c = claim('"this is a  historic moment," HE SAID', "Rutte", statement="dup")  # quotes/case/space
    d = claim("Turnout rose.")
    merged = merge_extracted([part([a, b]), part([c, d])])
    assert [x.statement for x in merged.claims] == ["first", "s", "s"]
    assert [x.evidence for x in merged.claims] == [a.evidence, b.evidence, d.evidence]


def test_contained_evidence_keeps_the_longer_for_the_same_speaker():
    short = claim("raise spending to 5% of GDP", "Rutte", statement="short")
    longer = claim("allies agreed to raise spending to 5% of GDP by 2035", "Rutte", statement="long")
    merged = merge_extracted([part([short, claim("other")]), part([longer])])
    assert [x.statement for x in merged.claims] == ["long", "s"]  # at the first one's place


def test_contained_evidence_from_different_speakers_is_kept():
    a = claim("5% of GDP", "Rutte")
    b = claim("the 5% of GDP target is unreasonable", "Sánchez")
    assert len(merge_extracted([part([a]), part([b])]).claims) == 2


def test_one_part_is_deduplicated_too():
    a = claim("Same words.")
    assert merge_extracted([part([a, claim("same words")])]).claims == [a]


def test_empty_evidence_is_never_a_duplicate():
    assert len(merge_extracted([part([claim(""), claim("")])]).claims) == 2


def position(party: str, stance: str, evidence: str) -> ExtractedPosition:
    return ExtractedPosition(party=party, stance=stance, evidence=evidence)


def test_similar_disputes_merge_and_positions_deduplicate():
    d1 = ExtractedDispute(
        assertion="Russia intends to attack NATO",
        positions=[position("diplomats", "asserts", "Russia could attack within five years"),
                   position("Kremlin", "denies", "Moscow has no such plans")],
    )
    d2 = ExtractedDispute(
        assertion="russia intends to attack NATO.",
        positions=[position("Kremlin", "denies", "“Moscow has no such plans,” Peskov said"),
                   position("Shea", "questions", "it is far from certain")],
    )
    d3 = ExtractedDispute(assertion="Allies should spend 5% of GDP on defence",
                          positions=[position("Spain", "denies", "unreasonable")])
    merged = merge_extracted([part(disputes=[d1]), part(disputes=[d3, d2])])
    assert [d.assertion for d in merged.disputes] == [d1.assertion, d3.assertion]
    assert [(p.party, p.evidence) for p in merged.disputes[0].positions] == [
        ("diplomats", "Russia could attack within five years"),
        ("Kremlin", "“Moscow has no such plans,” Peskov said"),
        ("Shea", "it is far from certain"),
    ]


def test_merge_needs_parts():
    with pytest.raises(ValueError, match="^merge_extracted needs at least one part$"):
        merge_extracted([])


def test_the_precomputed_mark_table_is_the_computed_one() -> None:
    """issue 18, item 17: ``MARKS`` is data, and stays what ``_mark_class`` computes."""
    import unicodedata

    from briefing.text import fold

    assert fold.MARKS == fold._mark_class()
    if unicodedata.unidata_version == fold._MARKS_UNICODE:
        assert fold.MARKS is fold._MARKS_PRECOMPUTED
