"""Grounding: locate each excerpt the model returns in the article text, or say it is not there.

``align`` is the primitive: it returns an ``Alignment`` whose offsets index the original text
(a Python ``str``), with a status of ``exact``, ``normalized``, ``fuzzy`` or ``not_found``.
``Aligner`` precomputes the normalised text once per article and maps repeated excerpts to
successive occurrences. ``ground_briefing`` turns the model's answer into a grounded ``Briefing``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from briefing.models import (
    Briefing,
    Claim,
    Dispute,
    ExtractedBriefing,
    Position,
    Span,
)

Status = Literal["exact", "normalized", "fuzzy", "not_found"]

_QUOTES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035`\u00b4\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u2039\u203a\uff02", '"'),
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d-"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_EDGE_PUNCT = " \"'-.,;:!?()[]{}<>*_/\\|~"


@dataclass(frozen=True)
class Alignment:
    """Where an excerpt sits in a text: ``text[start:end]``, how it matched, and how well."""

    start: int | None
    end: int | None
    status: Status
    score: float
    source_text: str | None = None

    @property
    def found(self) -> bool:
        """True unless the status is ``not_found``."""
        return self.status != "not_found"


NOT_FOUND = Alignment(None, None, "not_found", 0.0, None)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The normalised form of one character: quotes, dashes, space and case folded, NFKD."""
    if ch in _QUOTES:
        return _QUOTES[ch]
    if ch in _DASHES:
        return "-"
    if ch in _INVISIBLE:
        return ""
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    if len(folded) == 1:
        return folded
    return "".join(_QUOTES.get(c, "-" if c in _DASHES else c) for c in folded)


def normalize(s: str) -> tuple[str, list[int], list[int]]:
    """Fold ``s`` for matching; return the folded string and, per folded character, the
    start and end offsets in ``s`` of the character it came from.

    Whitespace runs become one space, dashes one ``-`` without surrounding spaces.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for k, ch in enumerate(s):
        folded = _fold_char(ch)
        for c in folded:
            last = out[-1] if out else ""
            if c == " ":
                if last == " " or last == "-" or not out:
                    continue
            elif c == "-":
                if last == "-":
                    ends[-1] = k + 1
                    continue
                if last == " ":
                    out.pop()
                    starts.pop()
                    ends.pop()
            out.append(c)
            starts.append(k)
            ends.append(k + 1)
    if out and out[-1] == " ":
        out.pop()
        starts.pop()
        ends.pop()
    return "".join(out), starts, ends


def _core(norm: str) -> tuple[int, int]:
    """Bounds of ``norm`` without leading and trailing punctuation, quotes and spaces."""
    lo, hi = 0, len(norm)
    while lo < hi and norm[lo] in _EDGE_PUNCT:
        lo += 1
    while hi > lo and norm[hi - 1] in _EDGE_PUNCT:
        hi -= 1
    return lo, hi


class Aligner:
    """Aligns excerpts against one text; built once per article.

    Aligning the same excerpt again maps it to the next occurrence in the text, so a briefing
    that quotes the same words twice gets both places.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self._starts, self._ends = normalize(text)
        self._next: dict[tuple[str, str], int] = {}

    def align(self, excerpt: str) -> Alignment:
        """Locate ``excerpt`` in the text; returns an ``Alignment`` (status ``not_found``
        without offsets when it is not there). Never raises for any string input."""
        return self._align(excerpt, track=True)

    def _align(self, excerpt: str, *, track: bool) -> Alignment:
        if not excerpt or not excerpt.strip():
            return NOT_FOUND
        hit = self._find_exact(excerpt, track)
        if hit is not None:
            return hit
        hit = self._find_normalized(excerpt, track)
        if hit is not None:
            return hit
        return NOT_FOUND

    def _occurrence(self, kind: str, key: str, haystack: str, needle: str, track: bool) -> int:
        """Index of the next occurrence of ``needle`` (by tracking), or -1."""
        first = haystack.find(needle)
        if first < 0 or not track:
            return first
        after = self._next.get((kind, key), 0)
        pos = haystack.find(needle, after) if after else first
        if pos < 0:
            pos = first
        self._next[(kind, key)] = pos + 1
        return pos

    def _find_exact(self, excerpt: str, track: bool) -> Alignment | None:
        pos = self._occurrence("exact", excerpt, self.text, excerpt, track)
        if pos < 0:
            return None
        return Alignment(pos, pos + len(excerpt), "exact", 1.0, excerpt)

    def _find_normalized(self, excerpt: str, track: bool) -> Alignment | None:
        enorm, _, _ = normalize(excerpt)
        lo, hi = _core(enorm)
        core = enorm[lo:hi]
        if not core:
            return None
        pos = self._occurrence("norm", core, self.norm, core, track)
        if pos < 0:
            return None
        nlo, nhi = self._widen(pos, pos + len(core), enorm[:lo], enorm[hi:])
        return self._make(nlo, nhi, "normalized", 1.0)

    def _widen(self, nlo: int, nhi: int, lead: str, trail: str) -> tuple[int, int]:
        """Grow ``[nlo, nhi)`` over the excerpt's stripped edge punctuation where the text has it."""
        norm = self.norm
        k = 0
        while k < len(trail) and nhi + k < len(norm) and norm[nhi + k] == trail[k]:
            k += 1
        j = 0
        while j < len(lead) and nlo - j > 0 and norm[nlo - j - 1] == lead[-j - 1]:
            j += 1
        return nlo - j, nhi + k

    def _make(self, nlo: int, nhi: int, status: Status, score: float) -> Alignment:
        """An Alignment for the normalised-text range ``[nlo, nhi)``."""
        start, end = self._starts[nlo], self._ends[nhi - 1]
        return Alignment(start, end, status, score, self.text[start:end])


@lru_cache(maxsize=16)
def _aligner(text: str) -> Aligner:
    return Aligner(text)


def align(excerpt: str, text: str) -> Alignment:
    """Locate ``excerpt`` in ``text``; returns an ``Alignment`` with offsets into ``text``.

    Stateless: the same arguments always give the same answer (the first best occurrence).
    """
    return _aligner(text)._align(excerpt, track=False)


def _grounded(alignment: Alignment, evidence: str) -> dict:
    """The library-filled fields of a Claim or Position for one alignment."""
    if not alignment.found:
        return {"span": None, "grounding": "not_found", "source_text": None}
    source = alignment.source_text if alignment.source_text != evidence else None
    return {
        "span": Span(start=alignment.start, end=alignment.end),
        "grounding": alignment.status,
        "source_text": source,
    }


def ground_briefing(extracted: ExtractedBriefing, text: str) -> Briefing:
    """Return a ``Briefing`` whose claims and positions carry span, grounding and source text.

    Evidence that cannot be located is kept with ``grounding="not_found"`` and no span.
    """
    aligner = Aligner(text)
    claims = [
        Claim(**c.model_dump(), **_grounded(aligner.align(c.evidence), c.evidence))
        for c in extracted.claims
    ]
    disputes = [
        Dispute(
            assertion=d.assertion,
            positions=[
                Position(**p.model_dump(), **_grounded(aligner.align(p.evidence), p.evidence))
                for p in d.positions
            ],
        )
        for d in extracted.disputes
    ]
    return Briefing(
        headline=extracted.headline, summary=extracted.summary, claims=claims, disputes=disputes
    )


def unlocated_excerpts(extracted: ExtractedBriefing, text: str) -> list[str]:
    """Return the evidence strings of claims and positions that align as ``not_found``."""
    aligner = Aligner(text)
    evidence = [c.evidence for c in extracted.claims]
    evidence += [p.evidence for d in extracted.disputes for p in d.positions]
    return [e for e in evidence if not aligner.align(e).found]
