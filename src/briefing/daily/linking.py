"""Link claims across a story's articles: the same quotation (or the same claim by the same
speaker) in several articles becomes one story claim with a report per article.

Each report is grounded in its own article with ``briefing.grounding.aligner``: an outlet's slightly
different wording is still linked (``fuzzy``), and where the words part the report lists the
``differences``. Whether the two reports say the same thing is decided by one rule,
``briefing.grounding.agreement.agree`` (the rule ``check`` uses too), on the words ``align``
located, or on the ``nearest`` words it names when it refused them (a figure or a negation
changed), or on the claim's words found in order with the article's modifiers between them:

- **contradicts** (a figure that still differs after reading number words and converting units,
  a negation added or dropped, an opposite direction word, another weekday, month, year or time):
  the report is linked and the claim is ``contested``, the reasons in the report's ``notes``;
- **same** (the same words, modifiers left out, "8" for "eight", "15 miles" for "24 km"): the
  report corroborates the claim, and its ``notes`` show any conversion made;
- **unclear** (amounts in two currencies, other words): the report is linked with a note, never
  contested, and by default does not count toward ``corroborated`` (``LinkOptions.unclear_corroborates``):
  a reader sees the same claim, with the amounts or the words not confirmed.

Reordered or cut excerpts are not linked at all. The library decides all of this; no model is
asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefing.core.models import (
    Article,
    Briefing,
    Claim,
    ClaimKind,
    GroundingStatus,
    Span,
    Speaker,
)
from briefing.daily.models import (
    Difference,
    Report,
    StoryClaim,
    StoryDispute,
    StoryPosition,
    Verdict,
)
from briefing.grounding.agreement import (
    Agreement,
    AgreementOptions,
    agree,
    word_differences,
)
from briefing.grounding.aligner import Aligner
from briefing.grounding.inorder import find_in_order
from briefing.grounding.spans import reach_edges, widen
from briefing.text.fold import fold_fast, number_value
from briefing.text.marks import cut_mid_phrase, find_quotes

_WORDS = re.compile(r"\w+")

COMPARABLE_CHANGES = frozenset({None, "negation", "abridgement skips a negation", "figure"})
"""Why ``align`` refused words (``Alignment.change``) that still leave them comparable with the
claim's: a negation, a figure (perhaps only in other units or written as a word), or none named.
Words in another order or cut in half are another statement, not another report of this one."""

NOT_COUNTED = "linked as the same claim, not counted as corroboration"


@dataclass(frozen=True)
class LinkOptions:
    """Knobs of cross-article linking, with their documented defaults.

    ``min_words``: the fewest words an excerpt needs to be looked for in other articles (short
    phrases like "he said" would link anything). ``min_words_fuzzy``: the fewest words for a
    ``fuzzy`` (reworded) or changed-figure match to count: a short phrase reworded ("the heart of
    the Endangered Species Act") is common wording, not the same claim. ``same_speaker_similarity``:
    rapidfuzz ``ratio`` (0-100, word order counts: "A beat B" is not "B beat A") from which two
    claims by the same speaker in differently worded excerpts are one claim; a pair that
    ``agree`` finds contradicting (a figure, a negation, a direction word) is not linked this way,
    since words matched by resemblance alone may be two statements. ``dispute_similarity``:
    rapidfuzz ``token_set_ratio`` from which two disputes' assertions are one dispute.
    ``unclear_corroborates``: whether a report ``agree`` calls unclear (two currencies, other
    words) counts toward ``corroborated``; default False: corroborated means the words say the
    same. ``widen_reach``: how many characters around a reworded match are searched for a
    figure or date touching it, so the words compared hold the article's figure (default 80).
    ``agreement``: the ``AgreementOptions`` of ``agree`` (unit conversion tolerance, lexicons).
    """

    min_words: int = 5
    min_words_fuzzy: int = 8
    same_speaker_similarity: float = 85.0
    dispute_similarity: float = 80.0
    unclear_corroborates: bool = False
    widen_reach: int = 80
    agreement: AgreementOptions = field(default_factory=AgreementOptions)


def compare(ours: str, theirs: str, differences: Sequence[Difference] | None = None, *,
            change: str | None = None, options: LinkOptions = LinkOptions()) -> Agreement:
    """What one report says of another's words (``agree``), read both ways: a report that only
    leaves words of the claim out (a modifier) is as much the same as one that adds some; a report
    that puts other words in their place ("this spring" for "next spring") is not.

    Returns:
        The ``Agreement`` of ``ours`` with ``theirs`` (contradicts, same or unclear, with notes).
    """
    found = agree(ours, theirs, differences, change=change, options=options.agreement)
    if found.relation != "unclear" or any(d.article for d in word_differences(ours, theirs)):
        return found  # the report puts words of its own in place of the claim's: not a shorter report
    back = agree(theirs, ours, change=change, options=options.agreement)
    return back if back.relation != "unclear" else found


def _speaker_key(speaker: Speaker | None) -> str | None:
    """A speaker's surname-ish key: the last word of the name, case-folded ("Putin", "Vladimir Putin")."""
    if speaker is None or not speaker.name.strip():
        return None
    return fold_fast(speaker.name).split()[-1]


class _Draft:
    """A story claim being built: its first claim and the reports found so far."""

    def __init__(self, claim: Claim, article: str, order: int, options: LinkOptions) -> None:
        self.claim = claim
        self.order = order
        self.options = options
        self.reports: list[Report] = [Report(article=article, evidence=claim.evidence, span=claim.span,
                                             grounding=claim.grounding)]

    def covers(self, article: str, claim: Claim) -> bool:
        """True when this draft already has a report in ``article`` overlapping ``claim``'s span."""
        return claim.span is not None and any(
            r.article == article and r.span is not None
            and r.span.start < claim.span.end and claim.span.start < r.span.end
            for r in self.reports)

    def verdict(self) -> Verdict:
        """contested when a report contradicts the first; corroborated when two or more articles
        report the same (the first report counts; an unclear one only with ``unclear_corroborates``)."""
        if any(r.agreement == "contradicts" for r in self.reports):
            return "contested"
        counted = {"same", "unclear"} if self.options.unclear_corroborates else {"same"}
        agreeing = {r.article for r in self.reports if r.agreement is None or r.agreement in counted}
        return "corroborated" if len(agreeing) >= 2 else "single_source"

    def finish(self) -> StoryClaim:
        return StoryClaim(statement=self.claim.statement, speaker=self.claim.speaker, verdict=self.verdict(),
                          reports=self.reports, kind=self.claim.kind.value, direct_quote=self.claim.direct_quote)


def _notes(agreement: Agreement, options: LinkOptions) -> list[str]:
    """What a report shows under its words: why it contradicts, the conversions made, or why it
    is linked without counting."""
    notes = list(dict.fromkeys([*agreement.reasons, *agreement.notes]))
    if agreement.relation == "unclear" and not options.unclear_corroborates:
        notes.append(NOT_COUNTED)
    return notes


def _report(article: Article, start: int, end: int, grounding: GroundingStatus,
            differences: Sequence[Difference], agreement: Agreement, options: LinkOptions) -> Report:
    return Report(article=article.id or "", evidence=article.text[start:end], span=Span(start=start, end=end),
                  grounding=grounding, differences=list(differences), agreement=agreement.relation,
                  notes=_notes(agreement, options))


def _report_from(article: Article, aligner: Aligner, claim: Claim, options: LinkOptions,
                 vocabulary: set[str] | None = None) -> tuple[Report | None, bool]:
    """``article``'s report of ``claim`` (with what ``agree`` says of it), or None when it does
    not carry the claim; and whether ``align`` found a near miss (words that resemble the
    excerpt but differ in meaning), which no paraphrase may override.

    Located words are compared as they are (``exact`` and ``normalized`` ones are the same
    words). Words ``align`` refused for a figure or a negation are linked only when ``agree``
    can compare them: contradicting (contested), the same after conversion (corroborating), or
    unclear (two currencies: noted). Reworded words that are neither the same nor a
    contradiction are linked as unclear only when ``align`` located them."""
    alignment = aligner.align(claim.evidence)
    near_miss = alignment.nearest is not None
    text = article.text
    if alignment.status in ("fuzzy", "not_found") and len(claim.evidence.split()) < options.min_words_fuzzy:
        return None, near_miss
    if alignment.found and alignment.start is not None and alignment.end is not None:
        start, end = alignment.start, alignment.end
        if alignment.status in ("exact", "normalized"):
            return _report(article, start, end, alignment.status, alignment.differences,
                           Agreement("same"), options), False
        located = _compared(claim.evidence, text, start, end, alignment.differences, alignment.change, options)
        if located[2].relation != "unclear":
            return _report(article, *located[:2], alignment.status, alignment.differences, located[2], options), False
        in_order = _in_order(claim.evidence, article, options, vocabulary)
        if in_order is not None:
            return in_order, False
        return _report(article, *located[:2], alignment.status, alignment.differences, located[2], options), False
    near = alignment.nearest
    if near is not None and alignment.change in COMPARABLE_CHANGES:
        start, end, agreement = _compared(claim.evidence, text, near.start, near.end, alignment.differences,
                                          alignment.change, options)
        if agreement.contradicts:
            return _report(article, start, end, "exact", alignment.differences, agreement, options), True
        if agreement.same or alignment.change == "figure":  # unclear figures: two currencies, noted
            return _report(article, start, end, "fuzzy", alignment.differences, agreement, options), True
    return _in_order(claim.evidence, article, options, vocabulary), near_miss


def _compared(excerpt: str, text: str, start: int, end: int, differences: Sequence[Difference],
              change: str | None, options: LinkOptions) -> tuple[int, int, Agreement]:
    """``agree`` over the matched words, grown over a figure or date that touches them and to
    the claim's first and last words when the match stopped just short of them (at a changed
    figure: "about 64 km" of "... about 64 km away")."""
    widened = reach_edges(excerpt, text, *widen(text, start, end, options.widen_reach))
    if widened != (start, end):
        start, end = widened
        differences = word_differences(excerpt, text[start:end])
    return start, end, compare(excerpt, text[start:end], differences, change=change, options=options)


def _in_order(excerpt: str, article: Article, options: LinkOptions,
              vocabulary: set[str] | None = None) -> Report | None:
    """The claim's words found in order with the article's modifiers between them, as a report
    when ``agree`` says they are the same or contradict (a negation in between); None otherwise."""
    if vocabulary is not None and not _words_there(excerpt, vocabulary):
        return None  # a word of the claim is nowhere in the article: it cannot be there in order
    text = article.text
    span = find_in_order(excerpt, text)
    if span is None:
        return None
    start, end = widen(text, span.start, span.end, options.widen_reach)
    words = text[start:end]
    agreement = agree(excerpt, words, word_differences(excerpt, words), options=options.agreement)
    if agreement.relation == "unclear":
        return None
    return Report(article=article.id or "", evidence=words, span=Span(start=start, end=end), grounding="fuzzy",
                  differences=word_differences(excerpt, words), agreement=agreement.relation,
                  notes=_notes(agreement, options))


def _paraphrase_by_speaker(claim: Claim, others: Sequence[Claim],
                           options: LinkOptions) -> tuple[Claim, Agreement] | None:
    """Another article's claim by the same speaker saying the same in other words, if any, with
    what ``agree`` says of the two; a pair that contradicts is never linked this way."""
    key = _speaker_key(claim.speaker)
    if key is None:
        return None
    best, score = None, options.same_speaker_similarity
    for other in others:
        if other.span is None or _speaker_key(other.speaker) != key:
            continue
        similarity = fuzz.ratio(fold_fast(claim.evidence), fold_fast(other.evidence))
        if similarity < score:
            continue
        agreement = compare(claim.evidence, other.evidence, options=options)
        if agreement.contradicts:
            continue
        best, score = (other, agreement), similarity
    return best


def _words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(fold_fast(text)) if len(w) > 2 or w[0].isdigit()}


def _words_there(excerpt: str, vocabulary: set[str]) -> bool:
    """Whether every word of ``excerpt`` (but numbers, which may be written otherwise) is in the
    article's ``vocabulary`` (``_words``): a cheap test before looking for the words in order."""
    return all(w in vocabulary for w in _words(excerpt) if number_value(w) is None)


def _may_carry(excerpt_words: set[str], article_words: set[str]) -> bool:
    """A cheap test before aligning: an article that holds under half of the excerpt's words
    cannot hold the excerpt, even with a changed figure or an outlet's own wording."""
    return len(excerpt_words & article_words) * 2 >= len(excerpt_words)


def _quoted_claims(article: Article, options: LinkOptions) -> list[Claim]:
    """The article's quotations long enough to look for elsewhere, as claims without a speaker
    (used only when another article carries the same words); a quotation cut from the middle of
    a sentence is none."""
    claims = []
    for quote in find_quotes(article.text):
        words = article.text[quote.start:quote.end]
        if len(words.split()) >= options.min_words and not cut_mid_phrase(words):  # never "ensconced in the bosom of"
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
        draft = _Draft(claim, article.id or "", order, options)
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
                found, near_miss = _report_from(other, aligners[other_index], claim, options,
                                                vocabularies[other_index])
            if found is None and not near_miss and not only_if_shared:
                paraphrase = _paraphrase_by_speaker(claim, briefings[other_index].claims, options)
                if paraphrase is not None:
                    said, agreement = paraphrase
                    found = Report(article=other.id or "", evidence=said.evidence, span=said.span,
                                   grounding=said.grounding, agreement=agreement.relation,
                                   notes=_notes(agreement, options))
            if found is not None:
                draft.reports.append(found)
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
