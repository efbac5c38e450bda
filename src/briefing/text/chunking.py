"""Split an article that exceeds the model's budget into overlapping chunks, and merge their answers.

Chunks are slices of the article (``text[start:end]``) cut at the coarsest boundary available:
blank lines, then single newlines, then sentence ends, then spaces, and a hard cut only as a last
resort. Grounding later runs against the whole article, so merged excerpts map back by themselves.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from briefing.core.models import (
    ExtractedBriefing,
    ExtractedClaim,
    ExtractedDispute,
    ExtractedPosition,
)
from briefing.text.fold import fold

# Cut positions (the index where the next piece starts), coarsest first.
_BOUNDARIES = (
    re.compile(r"\n[ \t\r]*\n\s*"),  # paragraph: a blank line
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"(?:[.!?…][\"'”’»)\]]*\s+|[。！？][”’」』）)]*\s*)"),  # a sentence end
    re.compile(r"\s+"),  # a word boundary
)
DISPUTE_SIMILARITY = 85  # rapidfuzz token_sort_ratio (0-100) above which two assertions are one



class _HasEvidence(Protocol):
    evidence: str


E = TypeVar("E", bound=_HasEvidence)


@dataclass
class Chunk:
    """One slice of the article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


def estimate_tokens(text: str) -> int:
    """Return a cheap, deliberately high estimate of the tokens in ``text``.

    About 4 ASCII characters per token (English prose), 2 other characters per token (accented,
    Cyrillic, Greek, Arabic ...) and 1 token per CJK character, so non-English text is not
    underestimated when deciding whether to chunk.
    """
    ascii_chars = sum(1 for c in text if c < "\x80")
    cjk = sum(1 for c in text if c >= "\u2e80")
    other = len(text) - ascii_chars - cjk
    return math.ceil(ascii_chars / 4 + other / 2 + cjk)


def split_text(text: str, *, max_chars: int, overlap_chars: int) -> list[Chunk]:
    """Return chunks of at most ``max_chars`` that cover ``text`` in order.

    A text that fits is one chunk. Otherwise each chunk ends at the coarsest boundary in the back
    half of its window, and the next one starts at a boundary so that consecutive chunks share
    about ``overlap_chars`` (whole paragraphs or sentences where possible). Raises ``ValueError``
    unless ``0 <= overlap_chars < max_chars``.
    """
    if max_chars <= 0 or not 0 <= overlap_chars < max_chars:
        raise ValueError("split_text needs max_chars > 0 and 0 <= overlap_chars < max_chars")
    n = len(text)
    if n <= max_chars:
        return [Chunk(0, n, text)]
    cuts = [sorted({m.end() for m in pattern.finditer(text)} - {0, n}) for pattern in _BOUNDARIES]
    chunks: list[Chunk] = []
    start, prev_end = 0, 0
    while n - start > max_chars:
        limit = start + max_chars
        end = _best_cut(cuts, max(start + max_chars // 2, prev_end), limit) or limit
        chunks.append(Chunk(start, end, text[start:end]))
        start, prev_end = _overlap_start(cuts, start, end, overlap_chars), end
    chunks.append(Chunk(start, n, text[start:]))
    return chunks


def _best_cut(cuts: list[list[int]], low: int, high: int) -> int | None:
    """The last cut in ``(low, high]`` at the coarsest level that has one."""
    for level in cuts:
        i = bisect_right(level, high) - 1
        if i >= 0 and level[i] > low:
            return level[i]
    return None


def _overlap_start(cuts: list[list[int]], start: int, end: int, overlap: int) -> int:
    """Where the next chunk starts: a boundary about ``overlap`` characters before ``end``.

    A paragraph, line or sentence boundary is preferred even if it makes the overlap up to twice
    as long, so a chunk does not open in the middle of a sentence; a word boundary is the fallback.
    """
    if overlap == 0:
        return end
    high = end - overlap // 2
    for level, widest in [(level, 2 * overlap) for level in cuts[:-1]] + [(cuts[-1], overlap)]:
        low = max(end - widest, start + 1)
        i = bisect_right(level, high) - 1  # the latest such boundary: the shortest overlap
        if i >= 0 and level[i] >= low:
            return level[i]
    return max(end - overlap, start + 1)


def merge_extracted(parts: list[ExtractedBriefing]) -> ExtractedBriefing:
    """Merge per-chunk answers, in chunk order, into one answer for the whole article.

    The headline and summary come from the first chunk (news is written lead-first, so the first
    chunk carries the story). Claims are concatenated and de-duplicated: two claims are one when
    their evidence matches after normalising case, whitespace and quote marks, or when one's
    evidence contains the other's and the speaker is the same; the longer evidence is kept, at the
    first one's place. Disputes whose assertions are similar (rapidfuzz token_sort_ratio >=
    ``DISPUTE_SIMILARITY``) are merged, and their positions de-duplicated the same way by party.
    Raises ``ValueError`` for an empty list.
    """
    if not parts:
        raise ValueError("merge_extracted needs at least one part")
    claims = _dedupe([c for p in parts for c in p.claims], _speaker_key)
    disputes: list[ExtractedDispute] = []
    for dispute in (d for p in parts for d in p.disputes):
        i = _similar_dispute(dispute, disputes)
        if i is None:
            disputes.append(dispute.model_copy(update={"positions": _dedupe(dispute.positions, _party_key)}))
        else:
            positions = _dedupe([*disputes[i].positions, *dispute.positions], _party_key)
            disputes[i] = disputes[i].model_copy(update={"positions": positions})
    first = parts[0]
    return ExtractedBriefing(headline=first.headline, summary=first.summary, claims=claims,
                             disputes=disputes)


def _speaker_key(claim: ExtractedClaim) -> str | None:
    return fold(claim.speaker.name) if claim.speaker else None


def _party_key(position: ExtractedPosition) -> str:
    return fold(position.party)


def _dedupe(items: list[E], who: Callable[[E], str | None]) -> list[E]:
    """Drop items whose evidence repeats an earlier one's; keep the longer of contained pairs."""
    kept: list[E] = []
    kept_evidence: list[str] = []
    for item in items:
        evidence = fold(item.evidence)
        for i, other in enumerate(kept_evidence):
            if evidence and evidence == other:
                break
            if evidence and other and who(item) == who(kept[i]) and (evidence in other or other in evidence):
                if len(evidence) > len(other):
                    kept[i], kept_evidence[i] = item, evidence
                break
        else:
            kept.append(item)
            kept_evidence.append(evidence)
    return kept


def _similar_dispute(dispute: ExtractedDispute, merged: list[ExtractedDispute]) -> int | None:
    """Index of the merged dispute whose assertion is most similar, if similar enough."""
    scores = [fuzz.token_sort_ratio(dispute.assertion, other.assertion, processor=default_process)
              for other in merged]
    best = max(range(len(scores)), key=scores.__getitem__, default=None)
    return best if best is not None and scores[best] >= DISPUTE_SIMILARITY else None
