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


def check_offline(articles: list[Article], index: PassageIndex, parts: ClaimParts,
              options: CheckOptions) -> Verification:
    """The rules over aligned text: align each excerpt against the best passages and their
    neighbours; the verdict is ``tally`` over what they say."""
    best: dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]] = {}
    near_miss: tuple[str, Alignment, str] | None = None  # the first resemblance not counted
    for rank, ranked in enumerate(index.rank(parts.query, options.offline_passages)):
        k = ranked.passage.article
        lo, hi = index.neighbours(ranked.position, options.context)
        window = articles[k].text[lo:hi]
        for e, excerpt in enumerate(parts.excerpts):
            alignment = align(excerpt, window)
            judged = judge(alignment, lo)
            if judged is None:
                if near_miss is None and alignment.differences:
                    near_miss = (articles[k].id or "", alignment, window)
                continue
            stance, span, status, differences = judged
            item = Evidence(article=articles[k].id or "", stance=stance, span=span,
                            evidence=articles[k].text[span.start:span.end],
                            grounding=status, differences=list(differences))
            key, order = (k, e, stance), (_RANK[status], rank)
            if key not in best or order < best[key][0]:
                best[key] = (order, item)
    result = tally(parts, [(e, item) for (_, e, _), (_, item) in sorted(best.items())])
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
