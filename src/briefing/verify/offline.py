"""The offline path of ``check``: rules over aligned text, no model."""

from __future__ import annotations

from briefing.core.models import Article, Span
from briefing.grounding.aligner import Alignment, align
from briefing.text.retrieval import PassageIndex
from briefing.verify.rules import (
    CheckOptions,
    ClaimParts,
    Evidence,
    Verification,
    has_content_words,
    judge,
    short,
    tally,
)

_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2, "not_found": 3}


def _without_narrower_contradictions(best: dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]]
                                     ) -> dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]]:
    """Drop contradicting evidence that overlaps supporting evidence in the same article: the
    article's words that carry the claim cannot also deny it (a verbatim claim is never
    contradicted by a narrower window of its own words)."""
    supports = [(k, item.span) for (k, _, stance), (_, item) in best.items()
                if stance == "supports" and item.span is not None]
    return {key: value for key, value in best.items()
            if key[2] != "contradicts" or value[1].span is None
            or not any(k == key[0] and s.start < value[1].span.end and value[1].span.start < s.end
                       for k, s in supports)}


def check_offline(articles: list[Article], index: PassageIndex, parts: ClaimParts,
              options: CheckOptions) -> Verification:
    """The rules over aligned text: align each excerpt against the best passages and their
    neighbours; the verdict is ``tally`` over what they say."""
    best: dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]] = {}
    notes: dict[tuple[int, int, str], tuple[str, ...]] = {}
    near_miss: tuple[str, Alignment, str] | None = None  # the first resemblance not counted
    for rank, ranked in enumerate(index.rank(parts.query, options.offline_passages)):
        k = ranked.passage.article
        lo, hi = index.neighbours(ranked.position, options.context)
        window = articles[k].text[lo:hi]
        for e, excerpt in enumerate(parts.excerpts):
            alignment = align(excerpt, window)
            judged = judge(excerpt, alignment, window, lo, options.agreement)
            if judged is None:
                if near_miss is None and alignment.differences:
                    near_miss = (articles[k].id or "", alignment, window)
                continue
            span = judged.span
            item = Evidence(article=articles[k].id or "", stance=judged.stance, span=span,
                            evidence=articles[k].text[span.start:span.end],
                            grounding=judged.status, differences=list(judged.differences))
            key, order = (k, e, judged.stance), (_RANK[judged.status], rank)
            if key not in best or order < best[key][0]:
                best[key] = (order, item)
                notes[key] = judged.notes
    best = _without_narrower_contradictions(best)
    said = [f"{articles[k].id}: {note}" for key, (_, item) in sorted(best.items())
            for k in (key[0],) for note in notes.get(key, ())]
    result = tally(parts, [(e, item) for (_, e, _), (_, item) in sorted(best.items())],
                   notes=list(dict.fromkeys(said)))
    if result.verdict != "not_mentioned" and has_content_words(parts.around):
        result.notes.append(f"the quotation was checked word for word; the words around it "
                            f"({short(parts.around)!r}) were not (only a model judges them)")
    if result.verdict == "not_mentioned" and not result.evidence and near_miss is not None:
        article, alignment, window = near_miss
        where = alignment.nearest or Span(start=alignment.start or 0, end=alignment.end or 0)
        differs = "; ".join(f"{d.excerpt or '-'!r} / {d.article or '-'!r}" for d in alignment.differences)
        result.notes.append(f"closest, not counted: {short(window[where.start:where.end])!r} in "
                            f"{article!r}, where claim and article words differ: {differs}")
    return result
