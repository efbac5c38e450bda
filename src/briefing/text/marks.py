"""Find quoted passages: pair opening and closing double quote marks, curly or straight.

Pairing never trusts the marks to balance. A quote never crosses a paragraph break unless the
next paragraph opens with a quote mark of the same kind, typed or typeset (the news convention for
a quote that runs on over several paragraphs; a quotation never switches between straight and curly
marks); an opening mark left unclosed at the end of its paragraph is dropped, so a stray
mark cannot swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.sentences import paragraphs

OPENING = ("“", "„", "«")
CLOSING = ("”", "»")
# Straight marks, backticks and doubled apostrophes (''...'', as some archives print quotes):
# the context decides whether they open or close.
_MARK = re.compile(r"''|``|[“”„«»\"`]")


@dataclass(frozen=True)
class Quote:
    """A quoted passage: its marks span ``open:start`` and ``end:close`` (trimmed inside).

    ``runs_on`` marks a paragraph of a quotation that carries on into the next paragraph: its
    opening mark is never closed in its paragraph and the next paragraph opens with a mark (the
    news convention for a quotation over several paragraphs); ``close`` is then the paragraph's end.
    """

    open: int
    close: int
    start: int
    end: int
    runs_on: bool = False


def _opens(text: str, i: int) -> bool:
    """Whether an ambiguous mark at ``i`` opens a quote: it follows a space, dash or bracket."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"


def _pairs_in_paragraph(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, int, int, int]], tuple[int, int] | None]:
    """Pair marks inside one paragraph as (open, inside start, inside end, close); also return
    an opening mark still open at the paragraph's end."""
    pairs = []
    open_at: tuple[int, int] | None = None
    for mark in _MARK.finditer(text, start, end):
        ch, i = mark.group(), mark.start()
        if ch in OPENING or (ch not in CLOSING and open_at is None and _opens(text, i)):
            open_at = mark.span()  # a second opener in a row means the first one was stray
        elif open_at is not None:
            pairs.append((open_at[0], open_at[1], i, mark.end()))
            open_at = None
    return pairs, open_at


def _trimmed(text: str, open_: int, start: int, end: int, close: int, *,
             runs_on: bool = False) -> Quote | None:
    """The passage between the marks without edge spaces or a trailing comma; None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Quote(open_, close, start, end, runs_on)


def _straight(mark: str) -> bool:
    """Whether a mark is typed (straight, backticks, doubled apostrophes), not typeset."""
    return mark[0] in "\"`'"


def find_quotes(text: str) -> list[Quote]:
    """Return the quoted passages of ``text`` in order, tolerating unbalanced quote marks."""
    quotes: list[Quote] = []
    spans = paragraphs(text)
    for number, (p_start, p_end) in enumerate(spans):
        pairs, left_open = _pairs_in_paragraph(text, p_start, p_end)
        for pair in pairs:
            if (quote := _trimmed(text, *pair)) is not None:
                quotes.append(quote)
        follows = _MARK.match(text, spans[number + 1][0]) if number + 1 < len(spans) else None
        runs_on = left_open is not None and follows is not None and (
            _straight(text[left_open[0]:left_open[1]]) == _straight(follows.group()))
        if left_open is not None and runs_on and (
                quote := _trimmed(text, *left_open, p_end, p_end, runs_on=True)) is not None:
            quotes.append(quote)
    return quotes


# Words a whole statement does not end on: a quotation that stops at one was cut from the middle
# of the writer's sentence ('was “ensconced in the bosom of” that facility'). Words that may end
# one ("do that", "let them in", "I love her", "we have to") are not here.
_OPEN_ENDS = frozenset("a an the of and or nor than from into onto my your our their its".split())


def cut_mid_phrase(words: str) -> bool:
    """Whether ``words`` end on an article, "of", a conjunction or a possessive determiner that
    always wants a word after it.

    >>> cut_mid_phrase("ensconced in the bosom of"), cut_mid_phrase("We will do that.")
    (True, False)
    """
    last = words.rstrip(" ,;:.!?…”\"’'»").rsplit(None, 1)[-1:] or [""]
    return last[0].lower() in _OPEN_ENDS
