"""Link claims across a story's articles: the same quotation (or the same claim by the same
speaker) in several articles becomes one story claim with a report per article.

Each report is grounded in its own article with ``briefing.grounding.aligner``: an outlet's slightly
different wording is still linked (``fuzzy``), and where the words part the report lists the
``differences``. An excerpt that ``align`` refuses because a figure changed ("140 injured"
against "200 injured") or a negation came or went ("will not raise" against "will raise") is
linked all the same, at the ``nearest`` span the alignment names, and makes the claim
``contested`` with both reports, the differing words listed. Reordered or cut excerpts are not
linked at all. The library decides all of this; no model
is asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefing.core.models import Article, Briefing, Claim, ClaimKind, Span, Speaker
from briefing.daily.models import (
    Difference,
    Report,
    StoryClaim,
    StoryDispute,
    StoryPosition,
    Verdict,
)
from briefing.grounding.aligner import Aligner, Alignment
from briefing.text.fold import fold_fast
from briefing.text.marks import find_quotes

_NUMBER_WORDS = frozenset(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "dozen", "dozens"])
_WORDS = re.compile(r"\w+")
_FIGURE = re.compile(r"\d[\d,.]*|[^\W\d_]+")


@dataclass(frozen=True)
class LinkOptions:
    """Knobs of cross-article linking, with their documented defaults.

    ``min_words``: the fewest words an excerpt needs to be looked for in other articles (short
    phrases like "he said" would link anything). ``min_words_fuzzy``: the fewest words for a
    ``fuzzy`` (reworded) or changed-figure match to count: a short phrase reworded ("the heart of
    the Endangered Species Act") is common wording, not the same claim. ``same_speaker_similarity``:
    rapidfuzz ``ratio`` (0-100, word order counts: "A beat B" is not "B beat A") from which two
    claims by the same speaker in differently worded excerpts are one claim; their figures and
    negations must agree. ``dispute_similarity``: rapidfuzz ``token_set_ratio`` from which two
    disputes' assertions are one dispute.
    """

    min_words: int = 5
    min_words_fuzzy: int = 8
    same_speaker_similarity: float = 85.0
    dispute_similarity: float = 80.0


def figures(words: str) -> list[str]:
    """The figures in a run of words: digit groups (separators dropped) and number words."""
    found = []
    for token in _FIGURE.findall(words.lower()):
        if token[0].isdigit():
            found.append(token.replace(",", "").rstrip("."))
        elif token in _NUMBER_WORDS:
            found.append(token)
    return found


def figure_changed(differences: Sequence[Difference]) -> bool:
    """True when a difference swaps one figure for another (not when figures are only added)."""
    return any(figures(d.excerpt) and figures(d.article) and figures(d.excerpt) != figures(d.article)
               for d in differences)


_NEGATIONS = frozenset(["not", "no", "never", "none", "nor", "neither", "nobody", "nothing", "without", "cannot", "n't"])


def negation_changed(differences: Sequence[Difference]) -> bool:
    """True when a difference adds or drops a negation ("will not raise" against "will raise")."""
    def negated(words: str) -> bool:
        return any(w in _NEGATIONS or w.endswith("n't") for w in fold_fast(words).split())
    return any(negated(d.excerpt) != negated(d.article) for d in differences)


def _differences(alignment: Alignment) -> list[Difference]:
    return list(alignment.differences)


def _speaker_key(speaker: Speaker | None) -> str | None:
    """A speaker's surname-ish key: the last word of the name, case-folded ("Putin", "Vladimir Putin")."""
    if speaker is None or not speaker.name.strip():
        return None
    return fold_fast(speaker.name).split()[-1]


class _Draft:
    """A story claim being built: its first claim and the reports found so far."""

    def __init__(self, claim: Claim, article: str, order: int) -> None:
        self.claim = claim
        self.order = order
        self.reports: list[Report] = [Report(article=article, evidence=claim.evidence, span=claim.span,
                                             grounding=claim.grounding)]
        self.contested = False

    def covers(self, article: str, claim: Claim) -> bool:
        """True when this draft already has a report in ``article`` overlapping ``claim``'s span."""
        return claim.span is not None and any(
            r.article == article and r.span is not None
            and r.span.start < claim.span.end and claim.span.start < r.span.end
            for r in self.reports)

    def verdict(self) -> Verdict:
        if self.contested:
            return "contested"
        return "corroborated" if len({r.article for r in self.reports}) >= 2 else "single_source"

    def finish(self) -> StoryClaim:
        return StoryClaim(statement=self.claim.statement, speaker=self.claim.speaker, verdict=self.verdict(),
                          reports=self.reports, kind=self.claim.kind.value, direct_quote=self.claim.direct_quote)


def _report_from(article: Article, aligner: Aligner, claim: Claim,
                 options: LinkOptions) -> tuple[tuple[Report, bool] | None, bool]:
    """``article``'s report of ``claim`` and whether the outlets disagree (a figure or a negation
    differs), or None when it does not carry the claim; and whether ``align`` found a near miss
    (words that resemble the excerpt but differ in meaning), which no paraphrase may override."""
    alignment = aligner.align(claim.evidence)
    near_miss = alignment.nearest is not None
    if alignment.status in ("fuzzy", "not_found") and len(claim.evidence.split()) < options.min_words_fuzzy:
        return None, near_miss
    differences = _differences(alignment)
    if alignment.found and alignment.start is not None and alignment.end is not None:
        return (Report(article=article.id or "", evidence=article.text[alignment.start:alignment.end],
                       span=Span(start=alignment.start, end=alignment.end), grounding=alignment.status,
                       differences=differences), figure_changed(differences) or negation_changed(differences)), False
    near = alignment.nearest
    if near is not None and (figure_changed(differences) or negation_changed(differences)):
        return (Report(article=article.id or "", evidence=article.text[near.start:near.end], span=near,
                       grounding="exact", differences=differences), True), True
    return None, near_miss


def _paraphrase_by_speaker(claim: Claim, others: Sequence[Claim], options: LinkOptions) -> Claim | None:
    """Another article's claim by the same speaker saying the same in other words, if any."""
    key = _speaker_key(claim.speaker)
    if key is None:
        return None
    best, score = None, options.same_speaker_similarity
    for other in others:
        if other.span is None or _speaker_key(other.speaker) != key:
            continue
        if figures(claim.evidence) != figures(other.evidence) or negation_changed(
                [Difference(claim.evidence, other.evidence)]):
            continue
        similarity = fuzz.ratio(fold_fast(claim.evidence), fold_fast(other.evidence))
        if similarity >= score:
            best, score = other, similarity
    return best


def _words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(fold_fast(text)) if len(w) > 2 or w[0].isdigit()}


def _may_carry(excerpt_words: set[str], article_words: set[str]) -> bool:
    """A cheap test before aligning: an article that holds under half of the excerpt's words
    cannot hold the excerpt, even with a changed figure or an outlet's own wording."""
    return len(excerpt_words & article_words) * 2 >= len(excerpt_words)


def _quoted_claims(article: Article, options: LinkOptions) -> list[Claim]:
    """The article's quotations long enough to look for elsewhere, as claims without a speaker
    (used only when another article carries the same words)."""
    claims = []
    for quote in find_quotes(article.text):
        words = article.text[quote.start:quote.end]
        if len(words.split()) >= options.min_words:
            claims.append(Claim(statement=words, kind=ClaimKind.fact, evidence=words, direct_quote=True,
                                span=Span(start=quote.start, end=quote.end), grounding="exact"))
    return claims


def link_claims(articles: Sequence[Article], briefings: Sequence[Briefing],
                options: LinkOptions = LinkOptions()) -> list[StoryClaim]:
    """The story's claims, each with a report per article that carries it.

    Claims come in article order; each claim not yet covered starts a story claim, and every other
    article is searched for it. Then quotations that no claim covers but two or more articles
    carry become claims too (without a speaker: the extractor named none). Ordered with contested
    claims first, then by how many articles report them, then by first appearance.
    """
    aligners = [Aligner(a.text) for a in articles]
    vocabularies = [_words(a.text) for a in articles]
    drafts: list[_Draft] = []
    order = 0
    candidates = [(i, claim, False) for i, b in enumerate(briefings) for claim in b.claims]
    candidates += [(i, claim, True) for i, a in enumerate(articles) for claim in _quoted_claims(a, options)]
    for index, claim, only_if_shared in candidates:
        article = articles[index]
        order += 1
        if any(d.covers(article.id or "", claim) for d in drafts):
            continue
        draft = _Draft(claim, article.id or "", order)
        if not only_if_shared:
            drafts.append(draft)
        if claim.span is None or len(claim.evidence.split()) < options.min_words:
            continue
        excerpt_words = _words(claim.evidence)
        for other_index, other in enumerate(articles):
            if other_index == index:
                continue
            found, near_miss = None, False
            if _may_carry(excerpt_words, vocabularies[other_index]):
                found, near_miss = _report_from(other, aligners[other_index], claim, options)
            if found is None and not near_miss and not only_if_shared:
                paraphrase = _paraphrase_by_speaker(claim, briefings[other_index].claims, options)
                if paraphrase is not None:
                    found = (Report(article=other.id or "", evidence=paraphrase.evidence, span=paraphrase.span,
                                    grounding=paraphrase.grounding), False)
            if found is not None:
                report, changed = found
                draft.reports.append(report)
                draft.contested = draft.contested or changed
        if only_if_shared and len(draft.reports) > 1:
            drafts.append(draft)
    drafts.sort(key=lambda d: (d.verdict() != "contested", -len(d.reports), d.order))
    return [d.finish() for d in drafts]


def merge_disputes(briefings: Sequence[Briefing], options: LinkOptions = LinkOptions()) -> list[StoryDispute]:
    """The story's disputes: disputes whose assertions read alike are one, positions from every
    article kept with the article named."""
    merged: list[StoryDispute] = []
    for briefing in briefings:
        for dispute in briefing.disputes:
            positions = [StoryPosition(party=p.party, stance=p.stance, article=briefing.article or "",
                                       evidence=p.evidence, span=p.span, grounding=p.grounding)
                         for p in dispute.positions]
            same = next((m for m in merged if fuzz.token_set_ratio(fold_fast(m.assertion), fold_fast(dispute.assertion))
                         >= options.dispute_similarity), None)
            if same is None:
                merged.append(StoryDispute(assertion=dispute.assertion, positions=positions))
            else:
                same.positions.extend(positions)
    return merged
