"""Grow a matched span over what the comparison needs: a figure or date that touches it, and the
claim's first and last words standing just outside it."""

from __future__ import annotations

from briefing.quantities import DateMention, Quantity, find_dates, find_quantities
from briefing.text.fold import folded_words


def widen(text: str, start: int, end: int, reach: int = 80) -> tuple[int, int]:
    """``(start, end)`` grown over a figure or date that touches it ("120" before "people were
    injured"), so that the words compared hold the article's figure, not only its noun."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    window = text[lo:hi]
    found: list[Quantity | DateMention] = [*find_quantities(window), *find_dates(window)]
    items = [(q.start + lo, q.end + lo) for q in found]
    changed = True
    while changed:
        changed = False
        for a, b in items:
            touches = (a < end and start < b) or (b <= start and not text[b:start].strip(" ,")) or (
                a >= end and not text[end:a].strip(" ,"))
            if touches and (a < start or b > end):
                start, end, changed = min(start, a), max(end, b), True
    return start, end


def reach_edges(claim: str, text: str, start: int, end: int, reach: int = 3) -> tuple[int, int]:
    """``(start, end)`` grown to the claim's first and last words when they stand within
    ``reach`` words outside it (a span that stopped at a changed figure: "about" for the claim's
    "about 97 km away" in "... about 60 miles away")."""
    words = folded_words(claim)
    if not words:
        return start, end
    after = folded_words(text[end:end + 40 * reach])[:reach]
    last = next((e for w, _, e in after if w == words[-1][0]), None)
    if last is not None and not any(w == words[-1][0] for w, _, _ in folded_words(text[start:end])[-1:]):
        end += last
    before = folded_words(text[max(0, start - 40 * reach):start])[-reach:]
    base = max(0, start - 40 * reach)
    first = next((b for w, b, _ in reversed(before) if w == words[0][0]), None)
    if first is not None and not any(w == words[0][0] for w, _, _ in folded_words(text[start:end])[:1]):
        start = base + first
    return start, end


