"""Direction words as data: pairs of opposites ("rose"/"fell", "before"/"after") per language.

The pairs live in ``lexicons/directions.<language>.tsv`` (one pair a line, tab-separated, a
side may be a phrase, ``#`` starts a comment). :func:`load_directions` reads a language's file
once and caches the :class:`DirectionLexicon`. A word is never its own opposite.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

LONG_TEXT_WORDS = 400
"""Past this many words in the two texts together, ``opposite`` lets difflib skip frequent words."""

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokenize(text: str) -> list[str]:
    """The lowercase words of ``text`` ("isn't" stays one word), as the lexicon expects them."""
    return _TOKEN_RE.findall(text.lower())


class DirectionLexicon:
    """Opposite pairs of words or phrases, looked up in both directions."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        opposites: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for first, second in pairs:
            a, b = tuple(tokenize(first)), tuple(tokenize(second))
            if not a or not b or a == b:
                raise ValueError(f"not a pair of opposites: {first!r} / {second!r}")
            opposites.setdefault(a, set()).add(b)
            opposites.setdefault(b, set()).add(a)
        self._opposites = {key: frozenset(value) for key, value in opposites.items()}
        self.max_words = max((len(key) for key in self._opposites), default=1)

    def __len__(self) -> int:
        """The number of words and phrases that have an opposite."""
        return len(self._opposites)

    def are_opposites(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` (single words or short phrases) are listed as opposites."""
        return tuple(tokenize(b)) in self._opposites.get(tuple(tokenize(a)), frozenset())

    def opposite(self, a_words: Sequence[str], b_words: Sequence[str]) -> tuple[str, str] | None:
        """The first (phrase in a, phrase in b) that are opposites at the same place, or None.

        The two lowercase word lists are aligned (difflib); at each place where they differ,
        every phrase of up to ``max_words`` words of ``a`` that covers or touches the difference
        is looked up against the phrases of ``b`` covering or touching the same place, so
        "went up"/"went down", "rose"/"went down" and "guilty"/"not guilty" are found.

        >>> load_directions().opposite("shares went up".split(), "shares went down".split())
        ('went up', 'went down')
        """
        a, b = list(a_words), list(b_words)
        if a == b:
            return None
        # difflib is quadratic on long runs of one word; past a few hundred words its heuristic
        # (frequent words are junk) keeps hostile input fast, and short texts stay exact
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > LONG_TEXT_WORDS)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            for phrase_a in self._phrases(a, i1, i2):
                candidates = self._opposites.get(phrase_a)
                if not candidates:
                    continue
                for phrase_b in self._phrases(b, j1, j2):
                    if phrase_b in candidates:
                        return " ".join(phrase_a), " ".join(phrase_b)
        return None

    def _phrases(self, words: list[str], start: int, end: int) -> list[tuple[str, ...]]:
        """Phrases of ``words`` that overlap words[start:end], or touch ``start`` if empty."""
        found = []
        for first in range(max(0, start - self.max_words + 1), min(len(words), end + 1)):
            for last in range(first + 1, min(len(words), first + self.max_words) + 1):
                overlaps = first < end and last > start
                touches = start == end and first <= start <= last
                if overlaps or touches:
                    found.append(tuple(words[first:last]))
        return found


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """The (a, b) pairs of a lexicon file's text; blank and ``#`` lines are skipped."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise ValueError(f"line {number}: expected two tab-separated fields: {line!r}")
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs


def load_directions(language: str = "en") -> DirectionLexicon:
    """The cached :class:`DirectionLexicon` of ``language`` (ValueError if there is none)."""
    return _load(language)


@cache
def _load(language: str) -> DirectionLexicon:
    if not re.fullmatch(r"[a-z]{2,3}", language):
        raise ValueError(f"not a language code: {language!r}")
    path = resources.files("briefing.quantities") / "lexicons" / f"directions.{language}.tsv"
    if not path.is_file():
        raise ValueError(f"no direction lexicon for language {language!r}")
    return DirectionLexicon(parse_pairs(path.read_text(encoding="utf-8")))


def are_opposites(a: str, b: str, language: str = "en") -> bool:
    """True when words or short phrases ``a`` and ``b`` are opposites in ``language``.

    >>> are_opposites("rose", "fell"), are_opposites("rose", "rose")
    (True, False)
    """
    return load_directions(language).are_opposites(a, b)
