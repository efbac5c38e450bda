"""Figures: percentages, money, counts and dates, each with what it measures where the text says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.grounding.inarticle import SCALES


@dataclass(frozen=True)
class Figure:
    """A figure in the text: ``text[start:end]``; ``kind`` is percent, money, count or date."""

    start: int
    end: int
    text: str
    kind: str


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_SCALE = rf"(?:\s?(?:{'|'.join(sorted(SCALES, key=len, reverse=True))})\b)"
_MEASURE = r"(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z]{2,}|[a-z][\w’'-]+)(?:\s+[a-z][\w’'-]+)?)"

_PATTERNS = {
    "percent": re.compile(
        rf"""
        {_NUMBER} \s? (?:%|percent\b|per\s+cent\b|percentage\s+points?\b)
        (?P<measure> {_MEASURE} )?
        """,
        re.VERBOSE,
    ),
    "money": re.compile(
        rf"""
        (?: [$€£¥] \s? {_NUMBER} {_SCALE}?
          | {_NUMBER} {_SCALE}? \s (?:dollars|euros|pounds|rubles|roubles|yuan|yen)\b )
        (?P<measure> \s+ (?:in|for|of) \s+ [a-z][\w’'-]+ (?:\s+[a-z][\w’'-]+)? )?
        """,
        re.VERBOSE,
    ),
    "date": re.compile(
        r"""
        \b (?:January|February|March|April|May|June|July|August|September|October|November
              |December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)
        \s+ \d{1,2} (?:\s?[-–]\s?\d{1,2})? (?:,?\s+\d{4})?
        | \b in \s+ (?:19|20)\d{2} \b
        """,
        re.VERBOSE,
    ),
    "count": re.compile(
        rf"""
        (?<![\d$€£¥.,]) \b (?! (?:19|20)\d{{2}}\b ) {_NUMBER} {_SCALE}?
        \s+ (?P<measure> (?:[a-z][\w-]+\s+)? [a-z][\w-]*s )\b
        """,
        re.VERBOSE,
    ),
}


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Figures in ``text[start:end]``, in order, without overlaps (the first family wins)."""
    end = len(text) if end is None else end
    found: list[Figure] = []
    for kind, pattern in _PATTERNS.items():
        for match in pattern.finditer(text, start, end):
            if not any(match.start() < f.end and f.start < match.end() for f in found):
                found.append(Figure(match.start(), match.end(), match.group(), kind))
    return sorted(found, key=lambda f: f.start)
