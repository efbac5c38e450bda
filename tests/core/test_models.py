"""The public contract: field names, what the model fills and what the library fills."""

import json

from briefing import Briefing, Claim, Span, Speaker
from briefing.brief.briefer import ArticleBriefing
from briefing.core.models import ExtractedBriefing


def test_llm_schema_uses_contract_names_and_hides_library_fields():
    schema = json.dumps(ArticleBriefing.model_json_schema())
    for name in ("headline", "summary", "claims", "disputes", "statement", "kind", "speaker",
                 "evidence", "anonymous", "role", "assertion", "positions", "party", "stance"):
        assert f'"{name}"' in schema
    for library_field in ("span", "grounding", "source_text", "prompt_version", "usage", "check"):
        assert f'"{library_field}"' not in schema


def test_claim_kinds_include_the_contract_minimum():
    kinds = set(ExtractedBriefing.model_json_schema()["$defs"]["ClaimKind"]["enum"])
    assert {"fact", "opinion", "prediction", "demand", "denial"} <= kinds


def test_briefing_json_round_trips():
    claim = Claim(statement="s", kind="fact", speaker=Speaker(name="A", anonymous=True),
                  evidence="e", span=Span(start=1, end=2), grounding="exact")
    briefing = Briefing(headline="h", summary="s", claims=[claim], article="a1", model="m")
    again = Briefing.model_validate_json(briefing.model_dump_json())
    assert again == briefing
    assert again.claims[0].span.end == 2 and again.claims[0].speaker.anonymous


def test_model_answers_in_other_spellings_are_accepted_without_a_reask():
    from briefing.core.models import ExtractedClaim, ExtractedPosition

    claim = ExtractedClaim.model_validate({
        "statement": "s", "kind": "Denial", "speaker": "Vladimir Putin", "channel": "on the record", "evidence": "e"})
    assert claim.kind.value == "denial" and claim.channel.value == "on_record"
    assert claim.speaker.name == "Vladimir Putin" and not claim.speaker.anonymous
    assert ExtractedClaim.model_validate({"statement": "s", "kind": "fact", "speaker": "", "evidence": "e"}).speaker is None
    assert ExtractedPosition.model_validate({"party": "Russia", "stance": "Denied", "evidence": "e"}).stance == "denies"


def test_unknown_values_are_still_rejected():
    import pytest
    from pydantic import ValidationError

    from briefing.core.models import ExtractedClaim

    with pytest.raises(ValidationError):
        ExtractedClaim.model_validate({"statement": "s", "kind": "gossip", "evidence": "e"})
