"""Cross-check a model's briefing against the offline extractor's direct quotes.

Reports the quotes the offline rules found that the model left out, and the quotes the two
attribute to different speakers. Only the model claims' ``span``, ``evidence`` and ``speaker``
are used, so any briefing (grounded or not) can be checked.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from briefing.core.models import Article, Briefing, Claim, Speaker
from briefing.offline import brief_offline
from briefing.text.fold import fold, normalize

_NAME_NOISE = frozenset("the a an of mr mrs ms dr sen rep gov president former".split())


class SpeakerMismatch(BaseModel):
    """A direct quote both extractors found but attribute to different speakers."""

    quote: Claim = Field(description="The offline extractor's claim for the quote.")
    offline_speaker: Speaker | None
    model_speaker: Speaker | None
    model_claim: int = Field(description="Index of the matching claim in the model's briefing.")


class CrossCheck(BaseModel):
    """What the offline extractor found that disagrees with, or is missing from, a model briefing."""

    article: str | None = None
    offline_quotes: int = Field(description="How many direct quotes the offline extractor found.")
    missed_quotes: list[Claim] = Field(
        default_factory=list, description="Offline direct quotes no model claim or position covers."
    )
    speaker_mismatches: list[SpeakerMismatch] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the model missed no quote and agrees on every speaker."""
        return not self.missed_quotes and not self.speaker_mismatches


def _covers(span: tuple[int, int] | None, evidence: str, quote: Claim) -> bool:
    """Whether model evidence overlaps the quote's span, or (no span) contains its text."""
    assert quote.span is not None
    if span is not None:
        return span[0] < quote.span.end and quote.span.start < span[1]
    core = fold(quote.evidence)
    return bool(core) and core in normalize(evidence)[0]


def _name_tokens(speaker: Speaker) -> set[str]:
    words = re.findall(r"[\w'-]+", normalize(speaker.name)[0])
    return {w.removesuffix("'s") for w in words} - _NAME_NOISE


def speakers_agree(offline: Speaker | None, model: Speaker | None) -> bool:
    """Same speaker: both anonymous, or their names share a token (surname match)."""
    if offline is None or model is None:
        return offline is None and model is None
    if offline.anonymous and model.anonymous:
        return True
    names = (_name_tokens(offline), _name_tokens(model))
    return bool(names[0] & names[1])


def cross_check(model_briefing: Briefing, article: Article) -> CrossCheck:
    """Compare ``model_briefing`` with the offline extractor's direct quotes of ``article``.

    Returns a ``CrossCheck`` listing missed quotes and speaker mismatches; never calls a model.
    """
    quotes = [c for c in brief_offline(article).claims if c.direct_quote and c.span]
    evidence = [((c.span.start, c.span.end) if c.span else None, c.evidence, i, c)
                for i, c in enumerate(model_briefing.claims)]
    positions = [((p.span.start, p.span.end) if p.span else None, p.evidence)
                 for d in model_briefing.disputes for p in d.positions]
    result = CrossCheck(article=article.id, offline_quotes=len(quotes))
    for quote in quotes:
        matches = [(i, c) for span, text, i, c in evidence if _covers(span, text, quote)]
        if not matches and not any(_covers(span, text, quote) for span, text in positions):
            result.missed_quotes.append(quote)
            continue
        if matches and not any(speakers_agree(quote.speaker, c.speaker) for _, c in matches):
            index, claim = matches[0]
            result.speaker_mismatches.append(SpeakerMismatch(
                quote=quote, offline_speaker=quote.speaker, model_speaker=claim.speaker,
                model_claim=index,
            ))
    return result
