"""Numbers written in words: "twenty-five", "a dozen", "one hundred and five", "3 billion".

:func:`parse_number_words` reads the longest valid number at the start of a word sequence; the
grammar rejects lists ("one two") and plurals are not numbers ("dozens", "hundreds").
"""

from __future__ import annotations

import re

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales after a figure: "$3bn", "88m" (the latter only with a currency).
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
# Denominators of fractions: "a third", "two-thirds", "one-fifth", "three-quarters".
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

NUMBER_WORDS = frozenset([*SMALL, *TEENS, *TENS, *SCALES, "hundred", "dozen"])
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A run of number words (and "a", "and") joined by spaces or hyphens; parse_number_words decides
# how much of it is one number.
WORD_RUN = (
    rf"\b(?:an?[ \t]+(?=(?:hundred|dozen|thousand|million|billion|trillion)\b))?(?:{_WORD})"
    rf"(?:(?:[ \t]+|-|[ \t]+and[ \t]+)(?:{_WORD}))*\b"
)
WORD_RUN_RE = re.compile(WORD_RUN, re.IGNORECASE)
_TOKEN_RE = re.compile(r"[A-Za-z]+")


def parse_number_words(run: str) -> tuple[float, int, float] | None:
    """Read the number at the start of ``run`` (a WORD_RUN_RE match).

    Returns (value, characters consumed, place value of the last word: 1 for "twenty-five", 100
    for "a hundred", 1e6 for "two million"), or None when the run does not start with a number.
    """
    tokens = [(m.group().lower(), m.end()) for m in _TOKEN_RE.finditer(run)]
    total = 0
    current = 0
    last = ""
    end = 0
    place = 1.0
    for index, (word, word_end) in enumerate(tokens):
        if word in ("a", "an"):
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if index != 0 or following not in ("hundred", "dozen", *SCALES):
                break
            current, last = 1, "a"
            continue
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            continue
        if word in SMALL:
            if last not in ("", "tens", "hundred", "scale"):
                break
            current += SMALL[word]
            last, place = "small", 1.0
        elif word in TEENS or word in TENS:
            if last not in ("", "hundred", "scale"):
                break
            current += TEENS.get(word, 0) + TENS.get(word, 0)
            last, place = "tens", (1.0 if word in TEENS else 10.0)
        elif word == "hundred":
            if last not in ("a", "small", "tens") or current >= 100:
                break
            current *= 100
            last, place = "hundred", 100.0
        elif word == "dozen":
            if last not in ("", "a", "small"):
                break
            current = max(current, 1) * 12
            last, place = "dozen", 1.0
        else:  # a scale word
            if last not in ("a", "small", "tens", "hundred"):
                break
            scale = SCALES[word]
            total += current * scale
            current = 0
            last, place = "scale", float(scale)
        end = word_end
    if end == 0:
        return None
    return float(total + current), end, place
