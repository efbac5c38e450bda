"""cross_check: quotes a model briefing left out, and quotes it gives to a different speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.models import Article, Briefing, Claim, Span, Speaker
from briefing.offline.crosscheck import cross_check, speakers_agree

SEED = Path(__file__).resolve().parents[2] / "seeds" / "nato-us-russia-thaw.txt"


@pytest.fixture(scope="module")
def article():
    return Article(text=SEED.read_text(encoding="utf-8"), id="seed")


def _claim(article, excerpt, speaker, *, with_span=True):
    start = article.text.index(excerpt)
    return Claim(
        statement=excerpt, kind="opinion", evidence=excerpt, speaker=speaker,
        span=Span(start=start, end=start + len(excerpt)) if with_span else None,
        grounding="exact" if with_span else "not_found",
    )


def _briefing(claims):
    return Briefing(headline="h", summary="s", claims=claims)


def test_reports_missed_quotes_and_wrong_speaker(article):
    model = _briefing([
        _claim(article, "We always knew that the moment would come",
               Speaker(name="Mark Rutte", role="NATO Secretary General")),
        _claim(article, "We know the direction: less US in the alliance.",
               Speaker(name="a NATO diplomat", anonymous=True, via="AFP")),
    ])
    result = cross_check(model, article)
    assert result.offline_quotes == 4
    missed = {c.evidence[:26] for c in result.missed_quotes}
    assert missed == {"If it is a strategic shift", "The level of optimism is c"}
    assert len(result.speaker_mismatches) == 1
    mismatch = result.speaker_mismatches[0]
    assert mismatch.offline_speaker.name == "Jamie Shea"
    assert mismatch.model_speaker.name == "Mark Rutte"
    assert mismatch.model_claim == 0
    assert not result.ok


def test_unlocated_model_evidence_matches_by_normalised_text(article):
    # straight quotes and no span: still recognised as covering the quote
    excerpt = "If it is a strategic shift, then of course it's a big problem"
    model = _briefing([
        Claim(statement="x", kind="opinion", evidence=excerpt,
              speaker=Speaker(name="One diplomat", anonymous=True), grounding="not_found"),
    ])
    result = cross_check(model, article)
    assert not any(c.evidence.startswith("If it is") for c in result.missed_quotes)
    assert result.speaker_mismatches == []


def test_full_agreement_is_ok(article):
    model = _briefing([
        _claim(article, "We know the direction", Speaker(name="NATO diplomat", anonymous=True)),
        _claim(article, "We always knew", Speaker(name="Shea")),
        _claim(article, "If it is a strategic shift", Speaker(name="a diplomat", anonymous=True)),
        _claim(article, "The level of optimism", Speaker(name="another diplomat", anonymous=True)),
    ])
    assert cross_check(model, article).ok


@pytest.mark.parametrize(
    "a, b, same",
    [
        (Speaker(name="Jamie Shea"), Speaker(name="Shea"), True),
        (Speaker(name="President Putin"), Speaker(name="Vladimir Putin"), True),
        (Speaker(name="unnamed diplomats", anonymous=True), Speaker(name="a source", anonymous=True), True),
        (Speaker(name="Jamie Shea"), Speaker(name="Mark Rutte"), False),
        (Speaker(name="Jamie Shea"), None, False),
    ],
)
def test_speakers_agree(a, b, same):
    assert speakers_agree(a, b) is same
