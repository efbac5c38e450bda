"""ground_briefing and unlocated_excerpts: the model's answer becomes a grounded Briefing."""

from pathlib import Path

from briefing.core.models import ExtractedBriefing
from briefing.grounding.aligner import ground_briefing, unlocated_excerpts

SEED = (Path(__file__).parents[2] / "seeds" / "nato-us-russia-thaw.txt").read_text(encoding="utf-8")


def _extracted(*evidence: str, positions: tuple[str, ...] = ()) -> ExtractedBriefing:
    return ExtractedBriefing.model_validate(
        {
            "headline": "h",
            "summary": "s",
            "claims": [
                {"statement": f"claim {i}", "kind": "fact", "evidence": e}
                for i, e in enumerate(evidence)
            ],
            "disputes": [
                {
                    "assertion": "a",
                    "positions": [
                        {"party": "p", "stance": "asserts", "evidence": e} for e in positions
                    ],
                }
            ]
            if positions
            else [],
        }
    )


def test_ground_briefing_fills_span_status_and_source_text():
    exact = "Further talks are anticipated."
    straight = '"complete nonsense."'
    invented = "NATO will dissolve itself by next spring, officials confirmed."
    b = ground_briefing(_extracted(exact, straight, invented, positions=(exact,)), SEED)
    c0, c1, c2 = b.claims
    assert c0.grounding == "exact" and SEED[c0.span.start : c0.span.end] == exact
    assert c0.source_text is None
    assert c1.grounding == "normalized" and c1.source_text == "“complete nonsense.”"
    assert SEED[c1.span.start : c1.span.end] == c1.source_text
    assert c2.grounding == "not_found" and c2.span is None and c2.evidence == invented
    assert b.disputes[0].positions[0].grounding == "exact"


def test_repeated_evidence_maps_to_successive_occurrences():
    text = "He rejected the deal. Then she rejected the deal. Again: no."
    b = ground_briefing(_extracted("rejected the deal", "rejected the deal"), text)
    assert [c.span.start for c in b.claims] == [3, 31]


def test_unlocated_excerpts_lists_only_not_found():
    invented = "The alliance voted to expel Hungary."
    ex = _extracted("Further talks are anticipated.", invented, positions=("Invented words here entirely",))
    assert unlocated_excerpts(ex, SEED) == [invented, "Invented words here entirely"]


def test_the_reask_names_what_differs():
    import pytest
    from pydantic import ValidationError

    from briefing.brief.briefer import ArticleBriefing

    text = "Mayor Ana Ruiz said the council will raise taxes on the middle class next year."
    answer = {"headline": "h", "summary": "s", "claims": [
        {"statement": "s", "kind": "fact",
         "evidence": "the council will not raise taxes on the middle class next year"}]}
    with pytest.raises(ValidationError) as raised:
        ArticleBriefing.model_validate(answer, context={"article_text": text, "grounding_reasks_left": 1})
    message = str(raised.value)
    assert "you wrote 'will not'; the article says 'will'" in message
