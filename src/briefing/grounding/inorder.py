"""Find a claim's words in an article in their order, with the article's own words between them.

A claim often says less than the article: "three cables between Italy and Egypt were damaged"
for "three cables between Italy and Egypt in the Mediterranean Sea were damaged". ``align``
looks for the claim as a quotation and may miss such a claim, or locate only part of it.
``find_in_order`` finds the article span that holds every word of the claim in the claim's
order, each gap between two of them at most ``max_gap`` article words. Whether the words left
out change the meaning (a "not", an "allegedly") is for ``agreement.agree`` to say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.models import Span
from briefing.text.fold import fold_fast, number_value

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class InOrderOptions:
    """``max_gap``: the most article words between two consecutive claim words (default 6);
    ``min_words``: the fewest words a claim needs to be looked for this way (default 4: a short
    phrase would be found anywhere)."""

    max_gap: int = 6
    min_words: int = 4


_DEFAULT_OPTIONS = InOrderOptions()
Token = tuple[str, int, int, "float | str | None"]  # folded word, start, end, number value


def text_tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` as ``find_in_order`` compares them: (folded word, start, end,
    number value)."""
    words = [(fold_fast(m.group()).replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]
    return tuple((w, start, end, number_value(w)) for w, start, end in words)


_tokens = lru_cache(maxsize=256)(text_tokens)
"""``text_tokens`` kept for the last 256 texts: ``check`` looks for every claim's words again."""


def _same(a: Token, b: Token) -> bool:
    return a[0] == b[0] or (a[3] is not None and a[3] == b[3])


def find_in_order(claim: str, text: str, options: InOrderOptions | None = None, *,
                  tokens: Sequence[Token] | None = None, offset: int = 0) -> Span | None:
    """The shortest span of ``text`` holding every word of ``claim`` in order, with at most
    ``max_gap`` words between consecutive ones; None when there is none (or the claim is short).
    ``tokens``, when the caller has them: the words of ``text`` (``text_tokens``) with offsets
    into a larger text in which ``text`` starts at ``offset`` (ignored without ``tokens``).

    >>> text = "Three cables between Italy and Egypt in the Mediterranean Sea were damaged."
    >>> span = find_in_order("three cables between Italy and Egypt were damaged", text)
    >>> text[span.start:span.end]
    'Three cables between Italy and Egypt in the Mediterranean Sea were damaged'
    """
    options = options or _DEFAULT_OPTIONS
    ours, theirs = _tokens(claim), tokens
    if theirs is None:
        theirs, offset = _tokens(text), 0
    if len(ours) < options.min_words or not theirs:
        return None
    best: tuple[int, int] | None = None
    for start, word in enumerate(theirs):
        if not _same(ours[0], word):
            continue
        at, ok = start, True
        for wanted in ours[1:]:
            nxt = next((j for j in range(at + 1, min(len(theirs), at + 2 + options.max_gap))
                        if _same(wanted, theirs[j])), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok and (best is None or at - start < best[1] - best[0]):
            best = (start, at)
    if best is None:
        return None
    return Span(start=theirs[best[0]][1] - offset, end=theirs[best[1]][2] - offset)
