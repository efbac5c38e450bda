"""Text folding for matching: quotes, dashes, spaces, case and canonical Unicode forms, with offset maps.

``normalize`` folds a string and keeps, for every folded character, where it came from in the
original, so a match in folded text maps back to exact ``str`` offsets. ``tokenize`` splits folded
text into words (each CJK character a word of its own). Folding never changes what a character
means: canonical forms (NFD) only, so "10²" never becomes "102" and "½" never "1/2".

The word lists that matching relies on live here too, one of each: stop words, negations and
number words.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
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
    ranges: list[tuple[int, int]] = []
    lo = prev = -2  # no run of marks yet
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp))[0] == "M":
            if cp != prev + 1:
                if lo >= 0:
                    ranges.append((lo, prev))
                lo = cp
            prev = cp
    ranges.append((lo, prev))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


# ``_mark_class()`` under Unicode 14.0.0, precomputed: scanning 65,000 code points
# cost every import ~6 ms. Another Unicode version computes it (a test keeps the two equal).
_MARKS_UNICODE = "14.0.0"
_MARKS_PRECOMPUTED = (
    r"\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05bf\u05c1-\u05c2\u05c4-\u05c5"
    r"\u05c7-\u05c7\u0610-\u061a\u064b-\u065f\u0670-\u0670\u06d6-\u06dc\u06df-\u06e4"
    r"\u06e7-\u06e8\u06ea-\u06ed\u0711-\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3"
    r"\u07fd-\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b"
    r"\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957"
    r"\u0962-\u0963\u0981-\u0983\u09bc-\u09bc\u09be-\u09c4\u09c7-\u09c8\u09cb-\u09cd"
    r"\u09d7-\u09d7\u09e2-\u09e3\u09fe-\u09fe\u0a01-\u0a03\u0a3c-\u0a3c\u0a3e-\u0a42"
    r"\u0a47-\u0a48\u0a4b-\u0a4d\u0a51-\u0a51\u0a70-\u0a71\u0a75-\u0a75\u0a81-\u0a83"
    r"\u0abc-\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff"
    r"\u0b01-\u0b03\u0b3c-\u0b3c\u0b3e-\u0b44\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57"
    r"\u0b62-\u0b63\u0b82-\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7-\u0bd7"
    r"\u0c00-\u0c04\u0c3c-\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55-\u0c56"
    r"\u0c62-\u0c63\u0c81-\u0c83\u0cbc-\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    r"\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    r"\u0d4a-\u0d4d\u0d57-\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca-\u0dca\u0dcf-\u0dd4"
    r"\u0dd6-\u0dd6\u0dd8-\u0ddf\u0df2-\u0df3\u0e31-\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    r"\u0eb1-\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18-\u0f19\u0f35-\u0f35\u0f37-\u0f37"
    r"\u0f39-\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97\u0f99-\u0fbc"
    r"\u0fc6-\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    r"\u1071-\u1074\u1082-\u108d\u108f-\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715"
    r"\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd-\u17dd\u180b-\u180d"
    r"\u180f-\u180f\u1885-\u1886\u18a9-\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b"
    r"\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f-\u1a7f\u1ab0-\u1ace\u1b00-\u1b04\u1b34-\u1b44"
    r"\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2"
    r"\u1cd4-\u1ce8\u1ced-\u1ced\u1cf4-\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff\u20d0-\u20f0"
    r"\u2cef-\u2cf1\u2d7f-\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    r"\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802-\ua802\ua806-\ua806\ua80b-\ua80b"
    r"\ua823-\ua827\ua82c-\ua82c\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff-\ua8ff"
    r"\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5-\ua9e5\uaa29-\uaa36"
    r"\uaa43-\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0-\uaab0\uaab2-\uaab4\uaab7-\uaab8"
    r"\uaabe-\uaabf\uaac1-\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    r"\ufb1e-\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
MARKS = _MARKS_PRECOMPUTED if unicodedata.unidata_version == _MARKS_UNICODE else _mark_class()
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
# Words that turn a statement into its denial. "n't" is split by TOKEN into a stem ending in
# "n" and a "t" (see ``negation_flags``).
NEGATIONS = frozenset(
    """not no never nor neither none nobody nothing nowhere cannot without deny denies denied
    denying refuse refuses refused refusing""".split()
)
# The negations that bind the words right after them ("did not | say"), unlike verbs such as
# "denied" that introduce what was denied ("denied | that she mishandled ...").
NEGATION_PARTICLES = frozenset({"not", "never", "no", "cannot"})
# Prefixes that negate the word they start: "unlikely", "illegal", "non-binding", "disagree".
NEGATING_PREFIXES = ("non", "dis", "un", "in", "im", "il", "ir")
# The ones that also negate across a hyphen ("non-binding", "un-American"); "in-house" and
# "in-depth" are not negations. A word so written is one word: never split, never cut.
HYPHENATED_NEGATING_PREFIXES = frozenset({"non", "un"})
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1e3,
    "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "half": 0.5,
    "bn": 1e9, "mn": 1e6, "tn": 1e12, "twice": 2, "double": 2, "triple": 3,
}


def negation_flags(tokens: list[str], words: frozenset[str] = NEGATIONS) -> list[bool]:
    """For each token, whether it negates: one of ``words``, or the "t" of "n't"."""
    return [
        tok in words or (tok == "t" and k > 0 and tokens[k - 1].endswith("n"))
        for k, tok in enumerate(tokens)
    ]


def number_value(token: str) -> float | str | None:
    """The value a token stands for ("18", "1,200", "eighteen", "million"), a figure written
    with letters or symbols the token as it is ("18m", "10²"), or None for a word."""
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if not any(c.isdigit() for c in token):
        return None
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return token


def negated_form(a: str, b: str) -> bool:
    """Whether one word is the other with a negating prefix ("likely"/"unlikely")."""
    short, long = sorted((a, b), key=len)
    return bool(short) and (
        any(long == p + short for p in NEGATING_PREFIXES)
        or any(long == f"{p}-{short}" for p in HYPHENATED_NEGATING_PREFIXES)
    )



@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The normalised form of one character: quotes, dashes, space and case folded, NFD (never
    a compatibility form: superscripts, fractions and ligatures stay what they are)."""
    if ch in QUOTES:
        return QUOTES[ch]
    if ch in DASHES:
        return "-"
    if ch in INVISIBLE:
        return ""
    if ch == "\u2026":  # an ellipsis character reads as three dots
        return "..."
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFD", ch).casefold())
    if len(folded) == 1:
        return folded
    return "".join(QUOTES.get(c, "-" if c in DASHES else c) for c in folded)


def normalize(s: str) -> tuple[str, array[int], array[int]]:
    """Fold ``s`` for matching; return the folded string and, per folded character, the
    start and end offsets in ``s`` of the character it came from (as compact ``array``s: 8
    bytes an offset, where a list of ints takes 36; a 5 MB article is indexed in place).

    Whitespace runs become one space, dashes one ``-`` without surrounding spaces.
    """
    out: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
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


_ASCII_FOLD = str.maketrans({
    **{chr(c): " " for c in range(128) if chr(c).isspace()}, "`": "'",
})
_DASH_RUN = re.compile(r" *-[ -]*")
_SPACE_RUN = re.compile(r" {2,}")


def normalized(s: str) -> str:
    """``normalize(s)[0]`` without the offset maps: faster, for lookups only (a fast path for
    ASCII text, which needs no Unicode folding)."""
    if not s.isascii():
        return normalize(s)[0]
    folded = _DASH_RUN.sub("-", s.translate(_ASCII_FOLD).lower())
    return _SPACE_RUN.sub(" ", folded).strip(" ")


def core_bounds(norm: str) -> tuple[int, int]:
    """Bounds of ``norm`` without leading and trailing punctuation, quotes and spaces."""
    lo, hi = 0, len(norm)
    while lo < hi and norm[lo] in EDGE_PUNCT:
        lo += 1
    while hi > lo and norm[hi - 1] in EDGE_PUNCT:
        hi -= 1
    return lo, hi



def on_boundaries(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` neither starts nor ends inside a word (each CJK character is a
    word of its own; a hyphenated negating prefix and its word are one word: "non-binding")."""
    return not (0 < start < len(s) and (_joined(s[start - 1], s[start]) or _in_negated_compound(s, start))) and not (
        0 < end < len(s) and (_joined(s[end - 1], s[end]) or _in_negated_compound(s, end))
    )


def _in_negated_compound(s: str, k: int) -> bool:
    """Whether offset ``k`` falls at the hyphen of a hyphenated negating prefix ("non|-binding",
    "non-|binding")."""
    dash = k - 1 if s[k - 1] in DASHES else k if s[k] in DASHES else -1
    if dash < 1 or dash + 1 >= len(s) or not is_word(s[dash + 1]):
        return False
    lo = dash
    while lo > 0 and is_word(s[lo - 1]):
        lo -= 1
    return normalized(s[lo:dash]) in HYPHENATED_NEGATING_PREFIXES


def _joined(left: str, right: str) -> bool:
    """Whether two neighbouring characters belong to one word."""
    return is_word(left) and is_word(right) and not (_is_cjk(left) or _is_cjk(right))


def is_word(c: str) -> bool:
    """Whether ``c`` is a letter, digit or combining mark."""
    return c.isalnum() or unicodedata.category(c)[0] == "M"


_CJK_CHAR = re.compile(f"[{CJK}]")


def _is_cjk(c: str) -> bool:
    return _CJK_CHAR.match(c) is not None


def tokenize(norm: str) -> tuple[list[str], list[float], array[int], array[int]]:
    """The words of a normalised string: tokens, weights, start and end offsets (``array``s).
    Hyphenated compounds are split into their pieces, which share one word's weight; a negating
    prefix stays with the piece it negates ("non-binding")."""
    tokens: list[str] = []
    weights: list[float] = []
    los: array[int] = array("q")
    his: array[int] = array("q")
    seen: dict[str, str] = {}  # one string per distinct word: a big text repeats its words
    share: dict[int, float] = {}
    for m in TOKEN.finditer(norm):
        pieces = _pieces(m.group())
        pos = m.start()
        weight = share.setdefault(len(pieces), 1.0 / len(pieces))
        for piece in pieces:
            tokens.append(seen.setdefault(piece, piece))
            weights.append(weight)
            los.append(pos)
            his.append(pos + len(piece))
            pos += len(piece) + 1
    return tokens, weights, los, his


def _pieces(word: str) -> list[str]:
    """The pieces of a hyphenated word, a negating prefix kept with the piece after it."""
    pieces: list[str] = []
    for piece in word.split("-"):
        if pieces and pieces[-1] in HYPHENATED_NEGATING_PREFIXES:
            pieces[-1] += "-" + piece
        else:
            pieces.append(piece)
    return pieces


def split_words(norm: str) -> tuple[list[str], list[float]]:
    """The words of a normalised string and their weights (see ``tokenize``)."""
    tokens, weights, _, _ = tokenize(norm)
    return tokens, weights


def fold(s: str) -> str:
    """``s`` folded for comparison, without its leading and trailing punctuation and quotes."""
    norm = normalize(s)[0]
    lo, hi = core_bounds(norm)
    return norm[lo:hi]


_FOLD_TABLE = str.maketrans({
    **QUOTES, **dict.fromkeys(DASHES, "-"), **dict.fromkeys(INVISIBLE, ""), "\u2026": "...",
})


def fold_fast(s: str) -> str:
    """``s`` with quotes, dashes, case and Unicode forms folded like ``normalize``, but without an
    offset map or whitespace collapsing: for word lookups over a whole article."""
    return unicodedata.normalize("NFD", s.translate(_FOLD_TABLE).casefold())


_PLAIN_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for every word of ``text``; a word may hold apostrophes and
    hyphens ("don't", "non-binding"), and the curly apostrophe reads as the straight one.

    >>> folded_words("Don’t  Non-binding")
    [("don't", 0, 5), ('non-binding', 7, 18)]
    """
    return [(fold_fast(m.group()).replace("’", "'"), m.start(), m.end()) for m in _PLAIN_WORD.finditer(text)]
