"""The offline extractor: a rule-based ``Briefing`` with no model and no network.

Direct quotes, reported speech, sourcing, figures and disputes are found by small rule families
(one module each); this module puts their findings together. Every evidence string is sliced
from the article text, so every span is exact by construction.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from briefing.core.models import Article, Briefing, Claim, Span, Usage
from briefing.grounding.inarticle import check_briefing
from briefing.offline.cues import REASON_VERBS
from briefing.offline.disputes import find_disputes
from briefing.offline.figures import find_figures
from briefing.offline.fragments import broken_speaker
from briefing.offline.intentions import (
    find_intentions,
    statement_verb,
    with_intentions,
)
from briefing.offline.intervals import Intervals
from briefing.offline.kinds import classify, intention_kind
from briefing.offline.names import (
    SpeakerResolver,
    learn_genders,
    merge_names,
    person_mentions,
)
from briefing.offline.quotes import find_direct_quotes
from briefing.offline.reported import find_reported
from briefing.offline.sourcing import Attributed, channel_for, without_opener
from briefing.offline.summary import headline, looks_like_headline, summary
from briefing.text.edges import chars_after, chars_before
from briefing.text.marks import cut_mid_phrase, find_quotes
from briefing.text.sentences import Sentence, paragraphs, split_sentences

__all__ = ["PROMPT_VERSION", "brief_offline"]

PROMPT_VERSION = "offline-1"
"""The version of the rule set, recorded as ``Briefing.prompt_version``."""


def _covered_by_quote(claim: Attributed, quotes: Intervals) -> bool:
    """A reported clause that is mostly a direct quote already found."""
    needed = 0.6 * (claim.end - claim.start)
    return quotes.largest_overlap(claim.start, claim.end, enough=needed) > needed


def _inside_reported(quote: Attributed, reported: dict[int, Intervals]) -> bool:
    """A quoted fragment inside a reported clause by the same source ('X said it was "odd"');
    ``reported`` holds the reported clauses by their source's start."""
    same_source = reported.get(quote.source_start)
    return same_source is not None and same_source.contains(quote.start, quote.end)


def _by_source(reported: list[Attributed]) -> dict[int, Intervals]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for r in reported:
        spans.setdefault(r.source_start, []).append((r.start, r.end))
    return {source: Intervals(found) for source, found in spans.items()}


def _attributions(text: str, sentences: list[Sentence]) -> list[Attributed]:
    """Direct quotes and reported speech, deduplicated, in text order, pronouns resolved (an
    attribution whose pronoun has no antecedent is left out: its speaker is unknown, and a claim
    with no speaker would read as the article's own words), speaker names merged."""
    quotes = find_direct_quotes(text)
    quoted = Intervals((q.start, q.end) for q in quotes)
    reported = [c for c in find_reported(text, sentences) if not _covered_by_quote(c, quoted)]
    intentions = [c for c in find_intentions(text, sentences) if not _covered_by_quote(c, quoted)]
    reported = with_intentions(reported, intentions, quoted)
    by_source = _by_source(reported)
    quotes = [q for q in quotes if not _inside_reported(q, by_source)]
    mentions = person_mentions(text, sentences)
    resolver = SpeakerResolver(mentions, learn_genders(mentions))
    starts = [s.start for s in sentences]
    resolved = []
    for found in sorted(quotes + reported, key=lambda a: (a.start, a.end)):
        if (item := without_opener(text, found)) is None:
            continue  # 'Typically, the program ...': a sentence opener, no source
        at = item.source_start if item.source_start >= 0 else item.start
        sentence = sentences[max(0, bisect_right(starts, at) - 1)] if sentences else None
        speaker = resolver.resolve(item.speaker, at, sentence.start if sentence else at)
        if speaker is not None and not broken_speaker(speaker.name):
            # 'agency', 'secretary of state', 'a good one for the Sixers': no name or role
            resolved.append(replace(item, speaker=speaker))
    names = merge_names([a.speaker for a in resolved], [m.name for m in mentions])
    return [replace(a, speaker=a.speaker.model_copy(update={"name": names[a.speaker.name]}))
            if names.get(a.speaker.name, a.speaker.name) != a.speaker.name else a for a in resolved]


# An object and its infinitive after a verb of belief or finding: 'believes it to be', 'found the bridge to be'.
_OBJECT_INFINITIVE = re.compile(
    r"(?:it|him|her|them|us|me|(?:the|a|an|this|that|his|her|their|its)(?:\s+(?![\w’'-]*ed\b)[\w’'-]+){1,2})"
    r"\s+to\s+(?:be|have)\b",  # no verb in -ed before 'to' ('his attorney offered to have' is a clause)
    re.IGNORECASE)


# Verbs whose object comes before the reason: 'accused Clinton of lying', 'blamed the storm for'.
_REASON_OBJECT_CUES = frozenset(REASON_VERBS) | frozenset(
    "accused accuses blamed blames criticized criticised criticizes criticises condemned condemns".split())
# Verbs whose object comes before what they call it: 'called the plan a disaster'.
_NAMING_CUES = frozenset("called calls".split())
_OBJECT_REASON = re.compile(r"[^,;:“”\"]{1,60}?\s(?:for|of)\s")


def _object_first(cue: str, evidence: str) -> bool:
    """Whether the evidence opens with the cue's object, not a clause: an object and its
    infinitive ('it to be for eight years'), the object of an accusation or praise and its
    reason ('Clinton for her support of the war'), or what 'called' names ('the plan a
    disaster')."""
    words = cue.lower().split()
    verb = words[-1] if words else ""
    return bool(_OBJECT_INFINITIVE.match(evidence) or verb in _REASON_OBJECT_CUES and _OBJECT_REASON.match(evidence)
                or len(words) == 1 and verb in _NAMING_CUES)


def _claim(text: str, item: Attributed) -> Claim:
    evidence = text[item.start:item.end]
    # 'that the vote was rigged' reads without 'that'; 'that was not her view' keeps its subject
    plain = re.sub(r"^that\s+(?!(?:is|was|were|are|has|have|had|will|would|can|could|should|may|might|must)\b)",
                   "", item.words(text))
    if item.phrase:  # an intention reads with its verb: "Mr. Clarke hopes to offset ..."
        statement, kind = f"{item.speaker.name} {item.phrase} {evidence}", intention_kind(item.cue)
    elif not item.direct and (verb := statement_verb(item.cue, text[max(0, item.start - 60):item.start])):
        # "Ana Ruiz called for calm ...", not "Ana Ruiz: calm ..."
        statement = f"{item.speaker.name} {verb} {evidence}"
        kind = classify(item.cue, evidence, direct=False)
    elif not item.direct and _object_first(item.cue, evidence) and (
            text[max(0, item.start - 40):item.start].rstrip().endswith(item.cue.split()[-1])):
        # "Silverman believes it to be for eight years", "Trump attacked Clinton for her vote",
        # not "Silverman: it to be ..." or "Trump: Clinton for her vote"
        statement = f"{item.speaker.name} {item.cue.split()[-1]} {evidence}"
        kind = classify(item.cue, evidence, direct=False)
    else:
        statement, kind = f"{item.speaker.name}: {plain}", classify(item.cue, evidence, direct=item.direct)
    return Claim(
        statement=statement,
        kind=kind,
        speaker=item.speaker,
        channel=channel_for(item.speaker),
        direct_quote=item.direct,
        evidence=evidence,
        span=Span(start=item.start, end=item.end),
        parts=[Span(start=start, end=end) for start, end in item.parts(text)],
        grounding="exact",
    )


def _figure_claims(text: str, sentences: list[Sentence], attributed: list[Attributed]) -> list[Claim]:
    """The article's own sentences that state a figure, as fact claims in the article's voice."""
    claims = []
    taken = Intervals((a.start, a.end) for a in attributed)
    for sentence in sentences:
        if taken.overlaps(sentence.start, sentence.end):
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


def _quotes_the_speaker(text: str, claim: Claim) -> bool:
    """Whether a claim is a whole quotation ('“Nonsense,” she said') or holds one ('dismissed
    such speculation as “complete nonsense”'): quoted words are the speaker's own, however few."""
    if claim.span is None:
        return False
    before = chars_before(text, claim.span.start, 2)
    after = chars_after(text, claim.span.end, 2, ",.!?")
    enclosed = any(m in before for m in "“\"«„") and any(m in after for m in "”\"»")
    if enclosed and cut_mid_phrase(claim.evidence):
        return False  # 'was “ensconced in the bosom of” that facility': a piece of the sentence
    return enclosed or len(find_quotes(claim.evidence)) > 0


def _headings(text: str) -> Intervals:
    """Paragraphs that read as a headline or a heading: short, no closing punctuation, with more
    text after them."""
    paras = paragraphs(text)
    return Intervals((start, end) for i, (start, end) in enumerate(paras)
                     if i + 1 < len(paras) and looks_like_headline(text[start:end]))


def _readable(text: str, claim: Claim, headings: Intervals, min_words: int) -> bool:
    """Whether a claim reads as a statement: not a headline, and at least ``min_words`` words
    unless it is or holds a quotation (quoted words are what the speaker said)."""
    if claim.span is None:
        return True
    if headings.contains(claim.span.start, claim.span.end):
        return False  # a headline or heading, also one that names its source ("Lawyer: Lohan checks in")
    return len(claim.evidence.split()) >= min_words or _quotes_the_speaker(text, claim)


def brief_offline(article: Article, *, max_claims: int | None = None, min_words: int = 6) -> Briefing:
    """Brief ``article`` with rules alone: quotes, reported speech, figures, disputes, summary.

    ``max_claims`` keeps the first that many claims in article order, as a model's answer with
    too many claims is cut (``BriefingOptions.max_claims``); None (default) keeps every claim.
    ``min_words`` (default 6) drops claims shorter than that many words unless they are or hold a
    quotation ('“Nonsense,” she said', 'dismissed it as “nonsense”'): a fragment such as "the Obama team's first choice" is no
    statement a reader can weigh. Claims inside a headline or heading are dropped too.

    Returns a checked ``Briefing`` with ``extractor="offline"`` (speaker and figure checks and a
    grounding summary, as for a model's briefing); never calls a model, never raises on odd input
    (unbalanced quote marks, no sentences at all).

    Raises:
        ValueError: ``max_claims`` below 1 or ``min_words`` below 0.
    """
    if max_claims is not None and max_claims < 1:
        raise ValueError(f"max_claims must be at least 1, not {max_claims}")
    if min_words < 0:
        raise ValueError(f"min_words must be 0 or more, not {min_words}")
    text = article.text
    sentences = split_sentences(text)
    attributed = _attributions(text, sentences)
    claims = [_claim(text, item) for item in attributed] + _figure_claims(text, sentences, attributed)
    headings = _headings(text)
    claims = [c for c in claims if _readable(text, c, headings, min_words)]
    claims.sort(key=lambda c: c.span.start if c.span else 0)
    if max_claims is not None:
        claims = claims[:max_claims]
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
