"""Text folding for matching: quotes, dashes, spaces, case and Unicode forms, with offset maps.

``normalize`` folds a string and keeps, for every folded character, where it came from in the
original, so a match in folded text maps back to exact ``str`` offsets. ``tokenize`` splits folded
text into words (each CJK character a word of its own).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

QUOTES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035`\u00b4\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u2039\u203a\uff02", '"'),
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d-"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
EDGE_PUNCT = " \"'-.,;:!?()[]{}<>*_/\\|~"


CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _mark_class() -> str:
    """A regex class body of the combining marks in the Basic Multilingual Plane."""
    ranges, lo, prev = [], None, None
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp))[0] == "M":
            if lo is None or cp != prev + 1:
                if lo is not None:
                    ranges.append((lo, prev))
                lo = cp
            prev = cp
    ranges.append((lo, prev))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


MARKS = _mark_class()
_WORDCHARS = rf"(?:[^\W_{CJK}]|[{MARKS}])+"
# A word: letters, digits and marks, kept whole across inner hyphens, dots and digit commas
# ("30-year-old", "u.s", "1,200.5"); each CJK character is a word of its own.
TOKEN = re.compile(rf"[{CJK}][{MARKS}]*|{_WORDCHARS}(?:(?:[-.]|(?<=\d),(?=\d)){_WORDCHARS})*")
ELLIPSIS = re.compile(r"\s*[\[(]?\s*\.(?:\s*\.){2,}\s*[\])]?\s*")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says say she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself s t d ll m re ve""".split()
)



@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The normalised form of one character: quotes, dashes, space and case folded, NFKD."""
    if ch in QUOTES:
        return QUOTES[ch]
    if ch in DASHES:
        return "-"
    if ch in INVISIBLE:
        return ""
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    if len(folded) == 1:
        return folded
    return "".join(QUOTES.get(c, "-" if c in DASHES else c) for c in folded)


def normalize(s: str) -> tuple[str, list[int], list[int]]:
    """Fold ``s`` for matching; return the folded string and, per folded character, the
    start and end offsets in ``s`` of the character it came from.

    Whitespace runs become one space, dashes one ``-`` without surrounding spaces.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for k, ch in enumerate(s):
        folded = fold_char(ch)
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


def core_bounds(norm: str) -> tuple[int, int]:
    """Bounds of ``norm`` without leading and trailing punctuation, quotes and spaces."""
    lo, hi = 0, len(norm)
    while lo < hi and norm[lo] in EDGE_PUNCT:
        lo += 1
    while hi > lo and norm[hi - 1] in EDGE_PUNCT:
        hi -= 1
    return lo, hi



def on_boundaries(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` neither starts nor ends inside a word."""
    inside_left = start > 0 and is_word(s[start - 1]) and is_word(s[start])
    inside_right = end < len(s) and is_word(s[end]) and is_word(s[end - 1])
    return not inside_left and not inside_right


def is_word(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def tokenize(norm: str) -> tuple[list[str], list[float], list[int], list[int]]:
    """The words of a normalised string: tokens, weights, start and end offsets. Hyphenated
    compounds are split into their pieces, which share one word's weight."""
    tokens, weights, los, his = [], [], [], []
    for m in TOKEN.finditer(norm):
        pieces = m.group().split("-")
        pos = m.start()
        for piece in pieces:
            tokens.append(piece)
            weights.append(1.0 / len(pieces))
            los.append(pos)
            his.append(pos + len(piece))
            pos += len(piece) + 1
    return tokens, weights, los, his


def split_words(norm: str) -> tuple[list[str], list[float]]:
    tokens, weights, _, _ = tokenize(norm)
    return tokens, weights


def fold(s: str) -> str:
    """``s`` folded for comparison, without its leading and trailing punctuation and quotes."""
    norm = normalize(s)[0]
    lo, hi = core_bounds(norm)
    return norm[lo:hi]


_FOLD_TABLE = str.maketrans({**QUOTES, **dict.fromkeys(DASHES, "-"), **dict.fromkeys(INVISIBLE, "")})


def fold_fast(s: str) -> str:
    """``s`` with quotes, dashes, case and Unicode forms folded like ``normalize``, but without an
    offset map or whitespace collapsing: for word lookups over a whole article."""
    return unicodedata.normalize("NFKD", s.translate(_FOLD_TABLE).casefold())
