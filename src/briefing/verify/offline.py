"""The offline path of ``check``: rules over aligned text, no model.

A claim is judged by ``rules.judge`` against the best passages. A claim that quotes someone is
judged twice: each quotation word for word, and the claim as a whole (its words as printed:
"..., X did not say" contradicts "..., X said"). A quotation found whose claim is not found as
a whole has the claim's words around the quotation compared with the article's words around
it: different words there (another speaker, another day) leave the claim unconfirmed, never
supported. Words found under a hedge of their sentence ("Allegedly, Ruiz said ...", "... if the
bill passes") that the claim leaves out are not support: the claim states flatly what the article
hedges, and the verdict says so in a note.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.core.models import Article, Span
from briefing.grounding.agreement import agree, negated
from briefing.grounding.aligner import Alignment
from briefing.grounding.hedges import hedge_around
from briefing.text.retrieval import PassageIndex
from briefing.text.sentences import split_sentences
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
from briefing.verify.windows import WINDOW_CACHE_CHARS, WindowAligners

__all__ = ["WINDOW_CACHE_CHARS", "WindowAligners", "check_offline"]

_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2, "not_found": 3}
_SET_ASIDE = (-1, -1, "set aside")  # the notes key of contradictions set aside
_HEDGED = (-1, -1, "hedged")  # the notes key of words found under a hedge
_HEDGED_NOTE = "the article's words carry the claim, but its sentence hedges or conditions them"
_CONTEXT_CHARS = 1_000  # how far around a located quotation its sentence is looked for

Best = dict[tuple[int, int, str], tuple[tuple[int, int], Evidence]]


def _without_narrower_contradictions(best: Best) -> Best:
    """Drop contradicting evidence that overlaps supporting evidence in the same article: the
    article's words that carry the claim cannot also deny it (a verbatim claim is never
    contradicted by a narrower window of its own words)."""
    supports = [(k, item.span) for (k, _, stance), (_, item) in best.items()
                if stance == "supports" and item.span is not None]
    return {key: value for key, value in best.items()
            if key[2] != "contradicts" or value[1].span is None
            or not any(k == key[0] and s.start < value[1].span.end and value[1].span.start < s.end
                       for k, s in supports)}


def _own_contradictions_set_aside(best: Best, notes: dict[tuple[int, int, str], tuple[str, ...]],
                                  articles: list[Article]) -> tuple[Best, list[str]]:
    """An article that carries the claim's words (as printed, or the same after reading number
    words and converting units) does not also contradict them: a passage of the same article that
    differs ("two children" where it says "three children" elsewhere) speaks of another person or
    time. Such contradicting evidence is set aside with a note; another article's still counts."""
    verbatim = {(k, e) for (k, e, stance) in best if stance == "supports"}
    kept: Best = {}
    said: list[str] = []
    for key, value in best.items():
        k, e, stance = key
        if stance == "contradicts" and (k, e) in verbatim:
            item = value[1]
            why = "; ".join(notes.get(key, ())) or "other words"
            said.append(f"{articles[k].id}: carries the claim, and elsewhere "
                        f"{short(item.evidence)!r} ({why}): another statement of the same article, not counted")
            continue
        kept[key] = value
    return kept, said


def _search(articles: list[Article], index: PassageIndex, parts: ClaimParts, options: CheckOptions,
            aligners: WindowAligners) -> tuple[Best, dict[tuple[int, int, str], tuple[str, ...]], tuple[str, Alignment, str] | None]:
    """Judge every excerpt against the top passages: the best evidence per (article, excerpt,
    stance), its notes, and the first resemblance that was not counted."""
    best: Best = {}
    notes: dict[tuple[int, int, str], tuple[str, ...]] = {}
    near_miss: tuple[str, Alignment, str] | None = None
    hedged: list[str] = []
    for rank, ranked in enumerate(index.rank(parts.query, options.offline_passages)):
        k = ranked.passage.article
        lo, hi = index.neighbours(ranked.position, options.context)
        window = aligners.get(articles[k].text, lo, hi)
        for e, excerpt in enumerate(parts.excerpts):
            alignment = window.aligner._align(excerpt, track=False)  # as ``align``: stateless
            judged = judge(excerpt, alignment, window.text, lo, options.agreement, tokens=window.tokens)
            if judged is None:
                if near_miss is None and alignment.differences:
                    near_miss = (articles[k].id or "", alignment, window.text)
                continue
            span = judged.span
            hedge = None
            if judged.stance == "supports":
                hedge = hedge_around(excerpt, window.text, span.start - lo, span.end - lo, options.agreement.language)
            if hedge is not None:  # the article says it with a hedge: not support for a flat claim
                hedged.append(f"{articles[k].id}: {_HEDGED_NOTE} ({hedge!r}): not counted as support")
                continue
            item = Evidence(article=articles[k].id or "", stance=judged.stance, span=span,
                            evidence=articles[k].text[span.start:span.end],
                            grounding=judged.status, differences=list(judged.differences))
            key, order = (k, e, judged.stance), (_RANK[judged.status], rank)
            if key not in best or order < best[key][0]:
                best[key] = (order, item)
                notes[key] = judged.notes
    best = _without_narrower_contradictions(best)
    if not options.own_article_contradicts_verbatim:
        best, said = _own_contradictions_set_aside(best, notes, articles)
        notes[_SET_ASIDE] = tuple(said)
    notes[_HEDGED] = tuple(dict.fromkeys(hedged))
    return best, notes, near_miss


def _judged(articles: list[Article], index: PassageIndex, parts: ClaimParts, options: CheckOptions,
            aligners: WindowAligners) -> tuple[Verification, tuple[str, Alignment, str] | None]:
    best, notes, near_miss = _search(articles, index, parts, options, aligners)
    said = [f"{articles[key[0]].id}: {note}" for key in sorted(best) for note in notes.get(key, ())]
    said += notes.get(_SET_ASIDE, ())
    found = [(e, item) for (_, e, _), (_, item) in sorted(best.items())]
    result = tally(parts, found, notes=list(dict.fromkeys(said)))
    if result.verdict != "supported":
        result.notes.extend(notes.get(_HEDGED, ()))
    return result, near_miss


def _sentence_around(text: str, span: Span) -> tuple[int, int]:
    """The sentence(s) of ``text`` that hold ``span``."""
    lo = max(0, span.start - _CONTEXT_CHARS)
    hi = min(len(text), span.end + _CONTEXT_CHARS)
    held = [s for s in split_sentences(text[lo:hi]) if s.start + lo < span.end and span.start < s.end + lo]
    if not held:
        return span.start, span.end
    return held[0].start + lo, held[-1].end + lo


def _around_words(result: Verification, parts: ClaimParts, articles: list[Article],
                  options: CheckOptions) -> Verification:
    """A quotation found word for word: compare the claim's words around it with the article's
    words around it, in the sentence that holds it."""
    texts = {a.id or "": a.text for a in articles}
    confirmed, contradicting, notes = False, [], list(result.notes)
    for item in result.evidence:
        if item.stance != "supports" or item.span is None:
            continue
        text = texts[item.article]
        start, end = _sentence_around(text, item.span)
        theirs = f"{text[start:item.span.start]} {text[item.span.end:end]}"
        verdict = agree(parts.around, theirs, options=options.agreement)
        if verdict.same:
            confirmed = True
        elif verdict.contradicts:
            contradicting.append(Evidence(article=item.article, evidence=text[start:end],
                                          span=Span(start=start, end=end), grounding="not_found",
                                          stance="contradicts"))
            notes += [f"{item.article}: the words around the quotation: {r}" for r in verdict.reasons]
    if contradicting:
        return result.model_copy(update={"verdict": "contradicted", "notes": notes,
                                         "evidence": [*result.evidence, *contradicting]})
    if confirmed:
        return result
    notes.append(f"the quotation is in the coverage, but the words around it ({short(parts.around)!r}) "
                 "are not the article's there (another speaker, time or wording?): not confirmed offline; "
                 "a model can judge a paraphrase")
    return result.model_copy(update={"verdict": "not_mentioned", "notes": notes})


def check_offline(articles: list[Article], index: PassageIndex, parts: ClaimParts,
                  options: CheckOptions, aligners: WindowAligners | None = None) -> Verification:
    """The rules over aligned text (module docstring); the verdict is ``tally`` over what the
    located evidence says. ``aligners`` keeps the windows' aligners for the next claims."""
    aligners = aligners if aligners is not None else WindowAligners(0)
    result, near_miss = _judged(articles, index, parts, options, aligners)
    if has_content_words(parts.around) or negated(parts.around):  # the claim's other words count too ("he did not say")
        whole, _ = _judged(articles, index, replace(parts, excerpts=(parts.statement,), around=""), options,
                           aligners)
        if whole.verdict == "contradicted" and result.verdict != "contradicted":
            result = whole  # "..., X did not say" against "..., X said"
        elif result.verdict == "supported" and whole.verdict != "supported":
            result = _around_words(result, parts, articles, options)
        elif result.verdict == "not_mentioned" and whole.verdict == "supported":
            result = whole
    if result.verdict == "not_mentioned" and not result.evidence and not any(_HEDGED_NOTE in n for n in result.notes):
        result.notes.append(_closest(near_miss))
    return result


def _closest(near_miss: tuple[str, Alignment, str] | None) -> str:
    """The honest note of a claim not found offline: what came closest and what differs, and
    that the offline rules compare words, so a paraphrase needs a model."""
    hint = ("offline checks compare the claim's words with the articles' words; a claim made in "
            "other words needs a model to judge (briefing check --model ...)")
    if near_miss is None:
        return f"no passage carries the claim's words; {hint}"
    article, alignment, window = near_miss
    where = alignment.nearest or Span(start=alignment.start or 0, end=alignment.end or 0)
    differs = "; ".join(f"{d.excerpt or '-'!r} / {d.article or '-'!r}" for d in alignment.differences)
    return (f"closest, not counted: {short(window[where.start:where.end])!r} in {article!r}, where "
            f"claim and article words differ: {differs}; {hint}")
