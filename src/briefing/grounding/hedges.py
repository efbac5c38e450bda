"""Words that hedge or condition a statement ("allegedly", "may", "if"), and titles written before
a name ("Mayor"): lexicons kept as data in ``grounding/lexicons``, and the hedge around a claim."""

from __future__ import annotations

from functools import cache
from importlib import resources

from briefing.quantities import find_dates
from briefing.text.fold import folded_words
from briefing.text.sentences import sentence_ends


@cache
def _lexicon(kind: str, language: str) -> frozenset[str]:
    name = f"{kind}.{language}.txt"
    text = resources.files("briefing.grounding").joinpath("lexicons", name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip().lower()))


def hedges(language: str = "en") -> frozenset[str]:
    """The words that hedge or condition a statement, from ``lexicons/hedges.<language>.txt``."""
    return _lexicon("hedges", language)


def titles(language: str = "en") -> frozenset[str]:
    """Titles written before a name ("Mayor"), from ``lexicons/titles.<language>.txt``."""
    return _lexicon("titles", language)


def hedge_around(claim: str, text: str, start: int, end: int, language: str = "en",
                 reach: int = 400, *, inside: bool = False) -> str | None:
    """A word that hedges or conditions the statement at ``text[start:end]`` from outside it,
    within its sentence ("Allegedly, Ruiz said ...", "... if the bill passes"), that ``claim``
    does not carry; None when there is none. A capitalised word inside the sentence is a name
    ("May"), and a date is not a hedge. ``reach`` bounds the characters looked at either side;
    ``inside`` looks in the span too (a model's excerpt may hold the hedge it leaves unsaid).

    >>> text = "Allegedly, Ruiz said the council will raise taxes."
    >>> hedge_around("Ruiz said the council will raise taxes", text, 11, 49)
    'Allegedly'
    """
    lo = max(0, start - reach)
    before = sentence_ends(text, lo, start)
    lo = before[-1] if before else lo
    after = sentence_ends(text, max(start, end - 1), end + reach)  # the span may hold its stop
    hi = after[0] if after else min(len(text), end + reach)
    ours = {w for w, _, _ in folded_words(claim)}
    dates = [(d.start, d.end) for d in find_dates(text[lo:hi])]
    pieces = [(text[lo:start], lo), *([(text[start:end], start)] if inside else []), (text[end:hi], end)]
    for piece, offset in pieces:
        for word, w_start, w_end in folded_words(piece):
            at = w_start + offset - lo
            if word not in hedges(language) or word in ours or any(s <= at < e for s, e in dates):
                continue
            original = piece[w_start:w_end]
            if original[:1].isupper() and text[lo:w_start + offset].strip():
                continue  # a name inside the sentence, not a hedge
            return original
    return None


