"""In-article claim checks: does the speaker occur in the article, are the figures the article's?

``check_briefing`` fills each claim's ``ClaimCheck`` and the briefing's ``GroundingSummary``.
Everything is computed from the article text alone, for any ``Briefing`` (LLM or offline).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import get_args

from briefing.core.models import (
    Briefing,
    Claim,
    ClaimCheck,
    FigureCheck,
    GroundingStatus,
    GroundingSummary,
    Speaker,
    UntrustedClaim,
)
from briefing.text.alternation import alternation
from briefing.text.fold import fold_fast

_STATUSES = get_args(GroundingStatus)

_WORD = re.compile(r"\w+")

# Words that never identify a speaker on their own.
_NOT_NAMES = frozenset(
    """a an the of and or in on at for to from by with its their his her this that these those
    some several many other another one two three unnamed anonymous unidentified senior junior
    former current top high ranking high-ranking us u.s jr sr ii iii iv""".split()
)

_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
}
SCALES = {  # the one table of scale words: the offline figure finder uses it too
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}
_MULTIPLES = {
    "double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "twice": 2, "twofold": 2,
    "two-fold": 2, "triple": 3, "tripled": 3, "tripling": 3, "triples": 3, "thrice": 3,
    "threefold": 3, "three-fold": 3, "quadruple": 4, "quadrupled": 4, "fourfold": 4,
    "halve": 0.5, "halved": 0.5, "halving": 0.5,
}
_NUMBER_WORD = alternation(_UNITS)
_SCALE_WORD = alternation(SCALES)
_MULTIPLE_WORD = alternation(_MULTIPLES)
# The first words of the qualifiers below.
_QUALIFIER_WORD = alternation("more less fewer at nearly almost about over".split())
# The lookahead names every place a figure can start (a currency sign or a digit, a number or
# multiple word after at most one space, a space before a digit, or a qualifier word, which may
# end a longer word), so the search skips every other place fast.
_FIGURE = re.compile(
    rf"""
    (?=[$€£¥\d] | \s\d | \s?\b(?:{_NUMBER_WORD}|{_MULTIPLE_WORD}) | (?:{_QUALIFIER_WORD})\s)
    (?P<qual>(?:more|less|fewer)\s+than\s+|at\s+least\s+|nearly\s+|almost\s+|about\s+|over\s+)?
    (?:
      (?P<mult>\b(?:{_MULTIPLE_WORD})\b)
    | (?P<cur>[$€£¥])?\s?
      (?:
        (?P<num>(?<![\w.,])\d+(?:[,\d]*\d)?(?:\.\d+)?)
      | (?P<word>\b(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?\b)
      )
      (?P<scale>\s?(?:{_SCALE_WORD})\b)?
      (?P<pct>\s?(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _word_value(words: str) -> float:
    """The value of a number written in words, e.g. 'twenty-five' -> 25."""
    parts = re.split(r"[- ]", words.lower())
    value = 0.0
    for part in parts:
        v = _UNITS[part]
        value = value * v if v == 100 and value else value + v
    return value


# Every figure holds a digit, a number word or a multiple word: text without any has none, and
# this one test is much cheaper than the full scan (most sentences hold no figure).
_MAY_HOLD_FIGURE = re.compile(rf"\d|\b(?:{alternation([*_UNITS, *_MULTIPLES])})\b", re.IGNORECASE)


def figures_in(s: str) -> list[tuple[str, float, str]]:
    """The figures in ``s`` as ``(text as written, value, unit)``; unit is '%', 'x' or ''."""
    if not _MAY_HOLD_FIGURE.search(s):
        return []
    return _scan_figures(s)


def _scan_figures(s: str) -> list[tuple[str, float, str]]:
    """``figures_in`` without the prefilter: the full scan."""
    found = []
    for m in _FIGURE.finditer(s):
        if m["mult"]:
            found.append((m.group(0).strip(), float(_MULTIPLES[m["mult"].lower()]), "x"))
            continue
        if m["num"]:
            value = float(m["num"].replace(",", ""))
        else:
            value = _word_value(m["word"])
        if m["scale"]:
            value *= SCALES[m["scale"].strip().lower()]
        unit = "%" if m["pct"] else ""
        found.append((m.group(0).strip(), value, unit))
    return found


def _figure_in_article(value: float, unit: str, article: set[tuple[float, str]]) -> bool:
    """Whether the article has the same value (and the same percent/multiple unit if any)."""
    if unit:
        return (value, unit) in article
    return any(v == value for v, _ in article)


def _words(s: str) -> list[str]:
    return _WORD.findall(fold_fast(s))


def _speaker_terms(speaker: Speaker) -> list[list[str]]:
    """Word sequences that identify the speaker: the whole name, and its last key word
    (a surname, or the noun of a description such as 'diplomats') in singular or plural."""
    words = _words(speaker.name)
    terms = [words] if words else []
    keys = [w for w in words if w not in _NOT_NAMES and not w.isdigit()]
    if keys:
        key = keys[-1]
        terms.append([key])
        terms.append([key[:-1]] if len(key) > 3 and key.endswith("s") else [key + "s"])
    return terms


def _contains(haystack: str, needle: list[str]) -> bool:
    """Whether the words ``needle`` occur in a row in ``haystack`` (words joined by single spaces)."""
    return bool(needle) and f" {' '.join(needle)} " in haystack


# A sentence ends at . ! or ? (and any closing quotes or brackets), before a space and a capital
# or an opening quote; "Mr. Smith", "U.S. officials" and "3 p.m. on" do not end one. (The
# lookahead for the stop comes first: it spares the lookbehinds at every other character.)
_SENTENCE_END = re.compile(
    r"""(?=[.!?])(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bNo)"""
    r"""(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bGen)(?<!\bGov)"""
    r"""[.!?]["'”’)\]]*\s+(?=["“‘(]?[A-Z0-9])"""
)


def is_long_excerpt(evidence: str, *, max_sentences: int = 3, max_chars: int = 1_000) -> bool:
    """Whether an excerpt runs to more than ``max_sentences`` sentences or ``max_chars`` characters.

    Evidence should point at the clause or quote that carries a claim; a model that copies whole
    passages (or the whole article) makes every check on it meaningless, however exactly it
    aligns. Abbreviations such as "Mr." and "U.S." do not end a sentence.
    """
    if len(evidence) > max_chars:
        return True
    if evidence.count(".") + evidence.count("!") + evidence.count("?") < max_sentences:
        return False  # too few stops to end that many sentences: no need for the pattern
    return len(_SENTENCE_END.findall(evidence.strip())) + 1 > max_sentences


def check_claim(claim: Claim, article_words: str, article_figures: set,
                speakers_seen: dict[str, bool] | None = None, *, max_evidence_sentences: int = 3,
                max_evidence_chars: int = 1_000) -> ClaimCheck:
    """Return the in-article checks of one claim against the article's words (folded, joined by
    single spaces and padded with one at each end) and figures. ``speakers_seen`` remembers each
    speaker name's answer across the claims of one article, so that a name said a thousand times
    is looked up in the article's words once."""
    speaker_ok = None
    if claim.speaker is not None:
        name = claim.speaker.name
        if speakers_seen is not None and name in speakers_seen:
            speaker_ok = speakers_seen[name]
        else:
            speaker_ok = any(_contains(article_words, t) for t in _speaker_terms(claim.speaker))
            if speakers_seen is not None:
                speakers_seen[name] = speaker_ok
    figures = [
        FigureCheck(figure=text, in_article=_figure_in_article(value, unit, article_figures))
        for text, value, unit in figures_in(claim.statement)
    ]
    long_evidence = is_long_excerpt(claim.evidence, max_sentences=max_evidence_sentences,
                                    max_chars=max_evidence_chars)
    return ClaimCheck(speaker_in_article=speaker_ok, figures=figures, long_evidence=long_evidence)


def untrusted_reasons(claim: Claim) -> list[str]:
    """Why a reader should not take ``claim`` on trust; empty when every check passed and its
    evidence is the article's own words (``exact`` or ``normalized``)."""
    reasons = []
    if claim.grounding == "not_found":
        reasons.append(
            "the evidence is not in the article" if claim.nearest is None else
            f"the evidence differs in meaning from the article at {claim.nearest.start}-{claim.nearest.end}"
        )
    elif claim.grounding == "fuzzy":
        reasons.append("the evidence is not word for word the article's")
    check = claim.check
    if check is not None:
        if check.speaker_in_article is False:
            reasons.append("the speaker is not named in the article")
        reasons.extend(f"figure {figure} is not in the article" for figure in check.added_figures)
        if check.long_evidence:
            reasons.append("the evidence is a whole passage, not the words that carry the claim")
    return reasons


def check_briefing(briefing: Briefing, text: str, *, max_evidence_sentences: int = 3,
                   max_evidence_chars: int = 1_000) -> Briefing:
    """Return a copy of ``briefing`` with each claim's ``check`` and the ``grounding_summary``
    filled from ``text`` (the article the briefing was made from). Evidence longer than
    ``max_evidence_sentences`` sentences or ``max_evidence_chars`` characters is untrusted
    (``is_long_excerpt``)."""
    article_words = f" {' '.join(_words(text))} "
    article_figures = {(value, unit) for _, value, unit in figures_in(text)}
    speakers_seen: dict[str, bool] = {}
    claims = [
        c.model_copy(update={"check": check_claim(c, article_words, article_figures, speakers_seen,
                                         max_evidence_sentences=max_evidence_sentences,
                                         max_evidence_chars=max_evidence_chars)})
        for c in briefing.claims
    ]
    counts = Counter({s: 0 for s in _STATUSES})
    counts.update(c.grounding for c in claims)
    counts.update(p.grounding for d in briefing.disputes for p in d.positions)
    details = [
        UntrustedClaim(claim=i, reasons=reasons, differences=c.differences)
        for i, c in enumerate(claims) if (reasons := untrusted_reasons(c))
    ]
    summary = GroundingSummary(
        counts=dict(counts), untrusted=[d.claim for d in details], details=details
    )
    return briefing.model_copy(update={"claims": claims, "grounding_summary": summary})
