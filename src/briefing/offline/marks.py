"""Find quoted passages: pair opening and closing double quote marks, curly or straight.

Pairing never trusts the marks to balance. A quote never crosses a paragraph break unless the
next paragraph opens with a quote mark (the news convention for a quote that runs on over several
paragraphs); an opening mark left unclosed at the end of its paragraph is dropped, so a stray
mark cannot swallow the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.offline.sentences import paragraphs

OPENING = "“„«"
CLOSING = "”»"
AMBIGUOUS = '"`'  # straight marks and backticks: the context decides


@dataclass(frozen=True)
class Quote:
    """A quoted passage: the marks sit at ``open`` and ``close - 1``; ``start:end`` is the inside."""

    open: int
    close: int
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def _opens(text: str, i: int) -> bool:
    """Whether an ambiguous mark at ``i`` opens a quote: it follows a space, dash or bracket."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"


def _pairs_in_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks inside one paragraph; also return an opening mark still open at its end."""
    pairs = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in OPENING or (ch in AMBIGUOUS and open_at is None and _opens(text, i)):
            open_at = i  # a second opener in a row means the first one was stray
        elif ch in CLOSING or ch in AMBIGUOUS:
            if open_at is not None:
                pairs.append((open_at, i + 1))
                open_at = None
    return pairs, open_at


def _trimmed(text: str, open_: int, close: int, closed: bool) -> Quote | None:
    """The passage between the marks without edge spaces; None when it holds no words."""
    start, end = open_ + 1, close - 1 if closed else close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Quote(open_, close, start, end)


def find_quotes(text: str) -> list[Quote]:
    """Return the quoted passages of ``text`` in order, tolerating unbalanced quote marks."""
    quotes: list[Quote] = []
    spans = paragraphs(text)
    for number, (p_start, p_end) in enumerate(spans):
        pairs, left_open = _pairs_in_paragraph(text, p_start, p_end)
        for open_, close in pairs:
            if (quote := _trimmed(text, open_, close, closed=True)) is not None:
                quotes.append(quote)
        runs_on = number + 1 < len(spans) and text[spans[number + 1][0]] in OPENING + AMBIGUOUS
        if left_open is not None and runs_on:
            if (quote := _trimmed(text, left_open, p_end, closed=False)) is not None:
                quotes.append(quote)
    return quotes
