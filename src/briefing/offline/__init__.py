"""The offline extractor: a rule-based ``Briefing`` with no model and no network.

Direct quotes, reported speech, sourcing, figures and disputes are found by small rule families
(one module each); this module puts their findings together. Every evidence string is sliced
from the article text, so every span is exact by construction.
"""

from __future__ import annotations

import re

from briefing.checks import check_briefing
from briefing.models import Article, Briefing, Claim, Span, Usage
from briefing.offline.disputes import find_disputes
from briefing.offline.figures import find_figures
from briefing.offline.kinds import classify
from briefing.offline.quotes import find_direct_quotes
from briefing.offline.reported import find_reported
from briefing.offline.sentences import Sentence, split_sentences
from briefing.offline.sourcing import Attributed, SpeakerResolver, channel_for
from briefing.offline.summary import headline, summary

__all__ = ["PROMPT_VERSION", "brief_offline"]

PROMPT_VERSION = "offline-1"
"""The version of the rule set, recorded as ``Briefing.prompt_version``."""


def _covered_by_quote(claim: Attributed, quotes: list[Attributed]) -> bool:
    """A reported clause that is mostly a direct quote already found."""
    for quote in quotes:
        overlap = min(claim.end, quote.end) - max(claim.start, quote.start)
        if overlap > 0.6 * (claim.end - claim.start):
            return True
    return False


def _inside_reported(quote: Attributed, reported: list[Attributed]) -> bool:
    """A quoted fragment inside a reported clause by the same source ('X said it was "odd"')."""
    return any(r.start <= quote.start and quote.end <= r.end and r.source_start == quote.source_start
               for r in reported)


def _attributions(text: str, sentences: list[Sentence]) -> list[Attributed]:
    """Direct quotes and reported speech, deduplicated, in text order, pronouns resolved."""
    quotes = find_direct_quotes(text)
    reported = [c for c in find_reported(text, sentences) if not _covered_by_quote(c, quotes)]
    quotes = [q for q in quotes if not _inside_reported(q, reported)]
    resolver = SpeakerResolver()
    resolved = []
    for item in sorted(quotes + reported, key=lambda a: (a.start, a.end)):
        speaker = resolver.resolve(item.speaker)
        resolved.append(Attributed(item.start, item.end, speaker, item.cue, item.direct,
                                   item.source_start))
    return resolved


def _claim(text: str, item: Attributed) -> Claim:
    evidence = text[item.start:item.end]
    plain = re.sub(r"^that\s+", "", evidence)
    return Claim(
        statement=f"{item.speaker.name}: {plain}",
        kind=classify(item.cue, evidence, direct=item.direct),
        speaker=item.speaker,
        channel=channel_for(item.speaker),
        direct_quote=item.direct,
        evidence=evidence,
        span=Span(start=item.start, end=item.end),
        grounding="exact",
    )


def _figure_claims(text: str, sentences: list[Sentence], attributed: list[Attributed]) -> list[Claim]:
    """The article's own sentences that state a figure, as fact claims in the article's voice."""
    claims = []
    for sentence in sentences:
        if any(a.start < sentence.end and sentence.start < a.end for a in attributed):
            continue
        figures = [f for f in find_figures(text, sentence.start, sentence.end) if f.kind != "date"]
        if not figures:
            continue
        end = sentence.end
        while end > sentence.start and text[end - 1] in ".!? ":
            end -= 1
        evidence = text[sentence.start:end]
        claims.append(Claim(
            statement=evidence,
            kind="fact",
            speaker=None,
            channel="unattributed",
            direct_quote=False,
            evidence=evidence,
            span=Span(start=sentence.start, end=end),
            grounding="exact",
        ))
    return claims


def brief_offline(article: Article) -> Briefing:
    """Brief ``article`` with rules alone: quotes, reported speech, figures, disputes, summary.

    Returns a checked ``Briefing`` with ``extractor="offline"`` (speaker and figure checks and a
    grounding summary, as for a model's briefing); never calls a model, never raises on odd input
    (unbalanced quote marks, no sentences at all).
    """
    text = article.text
    sentences = split_sentences(text)
    attributed = _attributions(text, sentences)
    claims = [_claim(text, item) for item in attributed] + _figure_claims(text, sentences, attributed)
    claims.sort(key=lambda c: c.span.start if c.span else 0)
    briefing = Briefing(
        headline=headline(article, sentences),
        summary=summary(article, sentences),
        claims=claims,
        disputes=find_disputes(text, attributed),
        article=article.id,
        url=article.url,
        published=article.published,
        extractor="offline",
        model=None,
        prompt_version=PROMPT_VERSION,
        usage=Usage(),
    )
    return check_briefing(briefing, text)
