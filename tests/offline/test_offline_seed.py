"""The offline extractor on the seed article: its quotes, speakers, the 5% figure, Putin's denial."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.models import Article, Channel, ClaimKind
from briefing.offline import PROMPT_VERSION, brief_offline

SEED = Path(__file__).resolve().parents[2] / "seeds" / "nato-us-russia-thaw.txt"


@pytest.fixture(scope="module")
def briefing():
    return brief_offline(Article(text=SEED.read_text(encoding="utf-8"), id="seed"))


@pytest.fixture(scope="module")
def text():
    return SEED.read_text(encoding="utf-8")


def _claim(briefing, starts_with):
    found = [c for c in briefing.claims if c.evidence.startswith(starts_with)]
    assert found, f"no claim starting {starts_with!r}"
    return found[0]


def test_metadata(briefing):
    assert briefing.extractor == "offline"
    assert briefing.model is None
    assert briefing.prompt_version == PROMPT_VERSION
    assert briefing.usage.total_tokens == 0
    assert briefing.article == "seed"


def test_every_span_is_exact(briefing, text):
    for claim in briefing.claims:
        assert claim.grounding == "exact"
        assert text[claim.span.start:claim.span.end] == claim.evidence
    for dispute in briefing.disputes:
        for position in dispute.positions:
            assert position.grounding == "exact"
            assert text[position.span.start:position.span.end] == position.evidence


def test_anonymous_diplomat_via_afp(briefing):
    claim = _claim(briefing, "We know the direction")
    assert claim.direct_quote
    assert claim.evidence.endswith("keep the maximum US in the alliance.")
    assert claim.speaker.name == "One NATO diplomat"
    assert claim.speaker.anonymous
    assert claim.speaker.via == "AFP"
    assert claim.channel == Channel.via_outlet


def test_jamie_shea_with_role(briefing):
    claim = _claim(briefing, "We always knew")
    assert claim.direct_quote
    assert claim.speaker.name == "Jamie Shea"
    assert claim.speaker.role == "Former NATO official"
    assert not claim.speaker.anonymous
    assert claim.channel == Channel.on_record
    assert claim.statement.startswith("Jamie Shea: We always knew")


def test_two_diplomats_in_one_sentence(briefing):
    first = _claim(briefing, "If it is a strategic shift")
    second = _claim(briefing, "The level of optimism")
    assert first.direct_quote and second.direct_quote
    assert first.speaker.anonymous and second.speaker.anonymous
    assert "diplomat" in first.speaker.name and "diplomat" in second.speaker.name
    assert first.speaker.name != second.speaker.name


def test_outlet_citing_diplomats(briefing):
    claim = _claim(briefing, "European NATO members are worried")
    assert claim.speaker.name == "Western diplomats"
    assert claim.speaker.anonymous
    assert claim.speaker.via == "AFP"
    assert claim.channel == Channel.via_outlet


def test_what_diplomats_reportedly_urge_and_hope(briefing):
    urging = _claim(briefing, "the US to provide a clear timeline")
    assert urging.speaker.name == "Diplomats" and urging.speaker.anonymous
    assert urging.kind == ClaimKind.demand
    hope = _claim(briefing, "Trump’s outreach to Moscow is a tactical maneuver")
    assert hope.speaker.name == "the diplomats" and hope.speaker.anonymous
    assert hope.kind == ClaimKind.opinion


def test_quote_ending_its_sentence_keeps_its_speaker(briefing):
    claim = _claim(briefing, "We always knew")
    assert claim.speaker.name == "Jamie Shea"


def test_five_percent_of_gdp(briefing):
    claims = [c for c in briefing.claims if "5% of GDP" in c.evidence]
    assert len(claims) == 1
    assert claims[0].kind == ClaimKind.fact
    assert claims[0].speaker is None


def test_putin_denial_is_a_dispute_position(briefing):
    assert len(briefing.disputes) == 1
    dispute = briefing.disputes[0]
    assert "attack" in dispute.assertion
    stances = {(p.party, p.stance) for p in dispute.positions}
    assert ("NATO member states", "asserts") in stances
    assert ("Russia", "denies") in stances
    assert ("Putin", "denies") in stances
    putin = next(p for p in dispute.positions if p.party == "Putin")
    assert "complete nonsense" in putin.evidence
    denial = _claim(briefing, "such speculation")
    assert denial.kind == ClaimKind.denial and denial.speaker.name == "Putin"


def test_stray_mark_at_end_is_ignored(briefing, text):
    assert text.rstrip().endswith("“`")
    assert all(c.span.end <= text.rindex("“") for c in briefing.claims)


def test_headline_and_summary(briefing):
    assert briefing.headline.startswith("Western diplomats suggest")
    assert briefing.summary.startswith("Western diplomats suggest")
    assert 2 <= briefing.summary.count(". ") + 1 <= 3
