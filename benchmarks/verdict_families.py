"""The rewrites of benchmarks/verdicts.py: one function per claim family, over one real sentence.

Each family function takes the sentence, a ``random.Random`` and an optional window (start, end)
of the sentence that the change must fall in (daily cases keep the change inside the words the
extractor takes as the claim), and returns the rewritten sentence, or None when the family does
not apply to that sentence (the benchmark skips and counts it). The rules here are the
benchmark's OWN, written independently of the library's lexicons and quantity readers:

- modifier: drop a locative/temporal prepositional phrase ("in the sea", "at his home"), a
  degree or time adverb ("also", "recently", "badly") or a size/colour adjective ("powerful",
  "new") from short lists; a dropped phrase is all lower-case words with no negation, number,
  name or direction word, and never right after a form of "be";
- numbers: 1-12 and round tens, digits <-> words ("2 nights" <-> "two nights"), never in clock
  times, dates, decimals, percentages or money;
- units: a figure with a unit converted with newsroom rounding (integers from 10 up, one decimal
  below): miles/km, feet/metres, mph/km/h, kg/pounds, inches/cm, °F/°C; both sides of a
  measure whose unit is written once ("8-by-12 feet");
- negation: "not" after the first auxiliary or modal, else "did not" + base verb for a simple
  past verb from a short list of irregular and common regular verbs;
- figure: a number n (not a year, not a clock time) written as 2n+3, in the same form;
- direction: a word from DIRECTIONS replaced by its opposite;
- date: a weekday moved two days on, a month two months on;
- names: two different capitalised names (runs of name-like words) exchanged.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable

Window = tuple[int, int] | None
Edit = tuple[int, int, str]  # replace sentence[start:end] with the string

# --------------------------------------------------------------------------- word lists

ONES = "one two three four five six seven eight nine ten eleven twelve".split()
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}
WORD_VALUE = {w: i + 1 for i, w in enumerate(ONES)} | {w: v for v, w in TENS.items()}
MONTHS = ("January February March April May June July August September October November "
          "December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NEGATIONS = frozenset("not no never without nobody none nothing neither nor cannot".split())

# The benchmark's own opposites (both directions listed; multi-word entries first).
_PAIRS = [
    ("last year", "next year"), ("last week", "next week"), ("last month", "next month"),
    ("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("rising", "falling"),
    ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("before", "after"), ("above", "below"), ("won", "lost"),
    ("win", "lose"), ("wins", "loses"), ("winning", "losing"), ("more", "less"), ("fewer", "more"),
    ("higher", "lower"), ("highest", "lowest"), ("first", "last"), ("north", "south"),
    ("east", "west"), ("northern", "southern"), ("eastern", "western"), ("northeast", "southwest"),
    ("northwest", "southeast"), ("approved", "rejected"), ("approve", "reject"),
    ("approves", "rejects"), ("accepted", "rejected"), ("guilty", "innocent"),
    ("convicted", "acquitted"), ("largest", "smallest"), ("biggest", "smallest"), ("most", "least"),
    ("best", "worst"), ("better", "worse"), ("earlier", "later"), ("early", "late"),
    ("began", "ended"), ("started", "ended"), ("opened", "closed"), ("raised", "lowered"),
    ("gained", "lost"), ("supported", "opposed"),
    ("maximum", "minimum"), ("hired", "fired"), ("strengthened", "weakened"), ("entered", "left"),
    ("arrived", "departed"),
]
DIRECTIONS: dict[str, str] = {}
for _a, _b in _PAIRS:
    DIRECTIONS.setdefault(_a, _b)
    DIRECTIONS.setdefault(_b, _a)
DIRECTIONS["up"], DIRECTIONS["down"] = "down", "up"  # only after a verb of motion, see direction()
MOTION = frozenset("went go goes going gone moved move moves climbed jumped was were is are".split())
TIME_NOUNS = frozenset("week weekend night year month time day season decade century".split())

ORDINALS = frozenset(("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                      "last final next previous").split())
PROTECTED = NEGATIONS | ORDINALS | frozenset(WORD_VALUE) | frozenset(DIRECTIONS) | frozenset({"only", "just"})
SAFE_PREPOSITIONS = frozenset("in at on near inside outside during across around along throughout".split())
DETERMINERS = frozenset("the a an his her its their our this that these those my your".split())
# words that may follow a dropped phrase: not "and", "of", "to", "with" (the noun phrase may go on:
# "on a dhow and a smaller boat", "in the history of the franchise")
PHRASE_ENDS = frozenset(("after before when where as which who because while since until said says told say "
                         "in at on near during").split())
PHRASE_STOP = frozenset(("than as that which who whom whose where when and or but to of is was are were be has "
                         "have had will would said says told").split())
BE_LIKE = frozenset(("is are was were be been being am remain remains remained stay stays stayed live lives "
                     "lived located based").split())
SAFE_ADVERBS = frozenset(("also recently quickly immediately currently finally eventually suddenly officially "
                          "publicly initially now already still very extremely badly seriously "
                          "severely slightly").split())
SAFE_ADJECTIVES = frozenset(("new local small powerful strong massive huge large major deadly violent "
                             "popular famous veteran young elderly heavy severe nearby remote busy brief "
                             "tiny serious senior top longtime big").split())
AUXILIARIES = frozenset("is are was were will would can could should shall must may might".split())
PERFECT = frozenset("has have had".split())
PARTICIPLES = frozenset(("been said told made found left lost won taken given seen known done gone come "
                         "become had got gotten put set hit run held led struck sent spent built brought "
                         "bought caught thought fought kept met paid sold heard felt sat stood "
                         "understood begun shown").split())
PAST_BASE = {  # simple past forms that are not also participles ("a man killed in ..."), and said/told
    "said": "say", "told": "tell", "went": "go", "came": "come", "took": "take", "gave": "give",
    "saw": "see", "knew": "know", "began": "begin", "broke": "break", "wrote": "write", "spoke": "speak",
    "drove": "drive", "flew": "fly", "ran": "run", "grew": "grow", "threw": "throw", "chose": "choose",
    "stole": "steal", "forgot": "forget", "rode": "ride", "shook": "shake", "woke": "wake",
}
CUT_OFF = frozenset("to had has have having was were is are be been will would did does do".split())

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a figure in digits; not a part of a word, a clock time, a range or a decimal's tail
# ("20, 000" is the data's spacing of 20,000: neither part is a figure of its own)
NUMBER = re.compile(r"(?<![\w.,:/-])(?<!\d, )(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/]|[.,]\d|,\s\d{3}(?!\d)|\s\d+/\d)")
NUMBER_WORD = re.compile(r"(?<![\w-])(" + "|".join(WORD_VALUE) + r")(?![\w]|-(?:" + "|".join(ONES) + "))",
                         re.IGNORECASE)
CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|am\b|pm\b|o['’]clock|GMT|ET\b|EST\b|PST\b|local time)",
                         re.IGNORECASE)
MONEY_OR_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|million|billion|trillion|pounds?\b"
                                    r"|euros?\b|dollars?\b|bn\b|m\b)", re.IGNORECASE)


def in_window(start: int, end: int, window: Window) -> bool:
    return window is None or (window[0] <= start and end <= window[1])


def apply(sentence: str, edit: Edit) -> str:
    start, end, new = edit
    return sentence[:start] + new + sentence[end:]


def pick(sentence: str, edits: list[Edit], rng: random.Random) -> str | None:
    if not edits:
        return None
    out = apply(sentence, rng.choice(sorted(edits)))
    return out if out != sentence else None


def same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def words(sentence: str) -> list[re.Match[str]]:
    return list(WORD.finditer(sentence))


# --------------------------------------------------------------------------- families


def _adjective_like(word: str) -> bool:
    return word.lower() in SAFE_ADJECTIVES or word.lower().endswith(("al", "ful", "ous", "ic", "ive", "ern", "ese",
                                                                      "ian", "ish", "less", "ary"))


def identity(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    return sentence


def modifier(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """Leave out a prepositional phrase, an adverb or an adjective that adds detail, not meaning."""
    ws = words(sentence)
    edits: list[Edit] = []
    for i, w in enumerate(ws):
        low = w.group().lower()
        prev = ws[i - 1].group().lower() if i else ""
        if low in SAFE_PREPOSITIONS and i + 1 < len(ws) and ws[i + 1].group().lower() in DETERMINERS:
            if prev in BE_LIKE or (i and not w.group().islower()):
                continue
            for n in (3, 4):  # preposition, determiner, a noun (and an adjective before it)
                phrase = ws[i:i + n]
                if len(phrase) < n or (n == 4 and not _adjective_like(phrase[2].group())):
                    break
                if any(not p.group().islower() or p.group().lower() in PROTECTED | PHRASE_STOP for p in phrase[2:]):
                    break
                if any(sentence[a.end():b.start()] != " " for a, b in itertools.pairwise(phrase)):
                    break
                end = phrase[-1].end()
                after = sentence[end:end + 1]
                nxt = ws[i + n].group().lower() if i + n < len(ws) else ""
                if i == 0:  # "In the morning, police said" -> "Police said"
                    rest = sentence[end + 1:].lstrip()
                    if after == "," and rest[:1].islower():
                        edits.append((0, len(sentence) - len(rest) + 1, rest[:1].upper()))
                        break
                    continue
                if (after and after in ",.;:!?") or (after == " " and nxt in PHRASE_ENDS):
                    start = w.start() - 1 if sentence[w.start() - 1:w.start()] == " " else w.start()
                    if in_window(start, end, window):
                        edits.append((start, end, ""))
                    break
        elif low in SAFE_ADVERBS and i and w.group().islower():
            before, after = sentence[w.start() - 1:w.start()], sentence[w.end():w.end() + 1]
            if before == " " and after == " " and in_window(w.start() - 1, w.end(), window):
                edits.append((w.start() - 1, w.end(), ""))
        elif (low in SAFE_ADJECTIVES and 0 < i < len(ws) - 1 and w.group().islower()
              and prev in DETERMINERS and sentence[w.end():ws[i + 1].start()] == " "
              and sentence[ws[i - 1].end():w.start()] == " " and ws[i + 1].group().islower()
              and ws[i + 1].group().lower() not in PROTECTED):
            det = ws[i - 1]
            new_det = det.group()
            if prev in ("a", "an"):
                new_det = same_case("an" if ws[i + 1].group()[0] in "aeiou" else "a", det.group())
            if in_window(det.start(), w.end(), window):
                edits.append((det.start(), w.end() + 1, new_det + " "))
    return pick(sentence, edits, rng)


RANGE_BEFORE = re.compile(r"\d\s*(?:-|–)?\s*(?:-|–|to|and|or)\s*$")
RANGE_AFTER = re.compile(r"\s*(?:-|–|to|or)\s*\d")
PRONOUN_ONE_BEFORE = {"no", "the", "this", "that", "any", "every", "each", "which", "only", "anyone"}
PRONOUN_ONE_AFTER = set(("another day thing way of who that which whom whose and or but in at on to for from with by is "
                         "was are were has had will would can could said says told").split())


def _in_range(sentence: str, start: int, end: int) -> bool:
    """A figure that is one end of a range or a score ("24- to 30-foot", "50 - 32")."""
    return bool(RANGE_BEFORE.search(sentence[:start]) or RANGE_AFTER.match(sentence, end))


def _pronoun_one(sentence: str, m: re.Match[str]) -> bool:
    """"one" as a pronoun or in an idiom ("one of the", "no one", "one day"), not a count."""
    if m.group().lower() != "one":
        return False
    before = sentence[:m.start()].split()[-1:]
    after = re.match(r" ([a-z]+)\b", sentence[m.end():])  # a count is followed by what it counts
    return bool((before and before[0].lower() in PRONOUN_ONE_BEFORE) or after is None
                or after.group(1) in PRONOUN_ONE_AFTER)


def _label_before(sentence: str, at: int) -> bool:
    """The number is a date's day or a label's number ("March 3", "Section 7", "Oregon 214")."""
    before = sentence[:at].rstrip().split(" ")
    if len(before) < 2 or not before[-1]:
        return False
    word = before[-1].rstrip(".")
    return word.capitalize() in {m[:3] for m in MONTHS} | set(MONTHS) or (word[:1].isupper() and word.isalpha())


def numbers(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """A small number (1-12, round tens) written as a word instead of digits, or the reverse."""
    edits: list[Edit] = []
    for m in NUMBER.finditer(sentence):
        text = m.group()
        if not text.isdigit() or sentence[m.start() - 1:m.start()] in "$£€" and m.start():
            continue
        value = int(text)
        word = ONES[value - 1] if 1 <= value <= 12 else TENS.get(value)
        if (word is None or CLOCK_AFTER.match(sentence, m.end()) or MONEY_OR_PERCENT_AFTER.match(sentence, m.end())
                or _label_before(sentence, m.start()) or _in_range(sentence, m.start(), m.end())
                or not in_window(m.start(), m.end(), window)):
            continue
        edits.append((m.start(), m.end(), word.capitalize() if m.start() == 0 else word))
    for m in NUMBER_WORD.finditer(sentence):
        low = m.group().lower()
        if _pronoun_one(sentence, m) or _in_range(sentence, m.start(), m.end()):
            continue
        if CLOCK_AFTER.match(sentence, m.end()) or MONEY_OR_PERCENT_AFTER.match(sentence, m.end()):
            continue
        if in_window(m.start(), m.end(), window):
            edits.append((m.start(), m.end(), str(WORD_VALUE[low])))
    return pick(sentence, edits, rng)


def negation(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """"not" after the first auxiliary or modal (or perfect "have"); else "did not" + base verb."""
    ws = [w for w in words(sentence) if in_window(w.start(), w.end(), window)]
    for i, w in enumerate(ws[:-1]):
        low, nxt = w.group(), ws[i + 1].group()
        if sentence[w.end():ws[i + 1].start()] != " " or not nxt.islower() or nxt in NEGATIONS or nxt.endswith("n't"):
            continue
        if low in AUXILIARIES or (low in PERFECT and (nxt in PARTICIPLES or nxt.endswith(("ed", "en")))):
            return sentence[:w.end()] + " not" + sentence[w.end():]
    for i, w in enumerate(ws):
        base = PAST_BASE.get(w.group())
        prev = ws[i - 1].group().lower() if i else ""
        if (base and i and prev not in CUT_OFF | NEGATIONS | DETERMINERS
                and sentence[w.start() - 1] == " "):
            return sentence[:w.start()] + "did not " + base + sentence[w.end():]
    return None


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def figure(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """A number n in the sentence written as 2n+3 (same form: digits, separators, word)."""
    edits: list[Edit] = []
    for m in NUMBER.finditer(sentence):
        text = m.group()
        if _year(text) or CLOCK_AFTER.match(sentence, m.end()) or not in_window(m.start(), m.end(), window):
            continue
        if "." in text:
            value = float(text) * 2 + 3
            new = f"{value:.{len(text.split('.')[1])}f}"
        else:
            value = int(text.replace(",", "")) * 2 + 3
            new = f"{value:,}" if "," in text else str(value)
        edits.append((m.start(), m.end(), new))
    for m in NUMBER_WORD.finditer(sentence):
        if m.group().lower() == "one":  # "one person" -> "five person": the noun's number would change too
            continue
        value = WORD_VALUE[m.group().lower()] * 2 + 3
        new = ONES[value - 1] if value <= 12 else TENS.get(value, str(value))
        if in_window(m.start(), m.end(), window):
            edits.append((m.start(), m.end(), same_case(new, m.group())))
    return pick(sentence, edits, rng)


def direction(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """A direction word replaced by its opposite (the benchmark's own DIRECTIONS)."""
    edits: list[Edit] = []
    taken: set[int] = set()
    for phrase in sorted(DIRECTIONS, key=lambda p: -len(p)):
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", sentence, re.IGNORECASE):
            if m.start() in taken or not in_window(m.start(), m.end(), window):
                continue
            low = m.group().lower()
            before = sentence[:m.start()].split()[-1:]
            after = sentence[m.end():].split()[:1]
            nxt = after[0].lower().strip(",.;:") if after else ""
            if low in ("up", "down") and not (before and before[0].lower() in MOTION):
                continue
            if low == "after" and {"named", "called", "known", "modeled", "modelled"} & {
                    w.lower() for w in sentence[:m.start()].split()[-6:]}:
                continue  # "named after X" has no opposite
            if low in ("last", "first") and nxt in TIME_NOUNS:  # "last week" is a date, not an order
                continue
            if low in ("more", "most") and nxt in ("and", "or", "of", "to"):
                continue
            if low == "left" or low == "fall" and before and before[0].lower() in ("the", "this", "last", "next"):
                continue  # "left" is rarely the opposite of "entered"; "the fall" is a season
            taken.update(range(m.start(), m.end()))
            edits.append((m.start(), m.end(), same_case(DIRECTIONS[low], m.group())))
    return pick(sentence, edits, rng)


def date(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """A weekday moved two days on (Monday -> Wednesday), or a month two months on (March -> May)."""
    edits: list[Edit] = []
    for names in (WEEKDAYS, MONTHS):
        for m in re.finditer(r"\b(" + "|".join(names) + r")\b", sentence):
            if m.group() == "May" and not re.match(r"\s+\d", sentence[m.end():]):
                continue  # "May" the modal
            if m.group() == "March" and m.start() == 0:
                continue
            if in_window(m.start(), m.end(), window):
                edits.append((m.start(), m.end(), names[(names.index(m.group()) + 2) % len(names)]))
    return pick(sentence, edits, rng)


TITLES = frozenset(("Mr Mrs Ms Dr Lt Gen Sen Rep Gov Adm Capt Col Sgt Cpl Maj Prof Rev St Jr Sr Mt Ft Gov "
                    "Vice President Chief Judge Justice Sir Lady Lord").split())


class Names:
    """Which capitalised words are names: words seldom written in lower case in the whole corpus."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.lower: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()
        for text in texts:
            for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b", text):
                word = m.group()
                (self.upper if word[0].isupper() else self.lower)[word.lower()] += 1

    def is_name(self, word: str) -> bool:
        if word in MONTHS or word in WEEKDAYS or word in TITLES or len(word) < 2 or not word[0].isupper():
            return False
        low = word.lower()
        return self.upper[low] >= 1 and self.lower[low] * 4 <= self.upper[low]

    def runs(self, sentence: str) -> list[tuple[int, int]]:
        """Spans of runs of name words joined by single spaces."""
        runs: list[tuple[int, int]] = []
        for m in re.finditer(r"[A-Z][A-Za-z]*(?:[-.][A-Z][A-Za-z]*)*", sentence):
            if not all(self.is_name(part) for part in re.split(r"[-.]", m.group()) if part):
                continue
            if runs and sentence[runs[-1][1]:m.start()] == " ":
                runs[-1] = (runs[-1][0], m.end())
            else:
                runs.append((m.start(), m.end()))
        return runs

    def swap(self, sentence: str, rng: random.Random, window: Window = None) -> str | None:
        """Two different names of the sentence exchanged."""
        runs = [r for r in self.runs(sentence) if in_window(*r, window)]
        pairs = [(a, b) for i, a in enumerate(runs) for b in runs[i + 1:]
                 if sentence[a[0]:a[1]] != sentence[b[0]:b[1]]]
        if not pairs:
            return None
        (a0, a1), (b0, b1) = rng.choice(pairs)
        out = sentence[:a0] + sentence[b0:b1] + sentence[a1:b0] + sentence[a0:a1] + sentence[b1:]
        return out if out != sentence else None


# --------------------------------------------------------------------------- units

# (unit names as written, canonical unit); the opposite unit and the factor from canonical
UNIT_WORDS = {
    "miles": "mi", "mile": "mi", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "km": "km", "feet": "ft", "foot": "ft", "ft": "ft", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "mph": "mph", "km/h": "kmh", "kph": "kmh", "kilograms": "kg", "kilogram": "kg", "kg": "kg",
    "lbs": "lb", "lb": "lb", "inches": "in", "inch": "in", "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "miles per hour": "mph", "kilometres per hour": "kmh", "kilometers per hour": "kmh", "°F": "F",
    "degrees Fahrenheit": "F", "°C": "C", "degrees Celsius": "C",
}
CONVERT: dict[str, tuple[str, Callable[[float], float]]] = {
    "mi": ("km", lambda v: v * 1.609344), "km": ("mi", lambda v: v / 1.609344),
    "ft": ("m", lambda v: v * 0.3048), "m": ("ft", lambda v: v / 0.3048),
    "mph": ("kmh", lambda v: v * 1.609344), "kmh": ("mph", lambda v: v / 1.609344),
    "kg": ("lb", lambda v: v / 0.45359237), "lb": ("kg", lambda v: v * 0.45359237),
    "in": ("cm", lambda v: v * 2.54), "cm": ("in", lambda v: v / 2.54),
    "F": ("C", lambda v: (v - 32) * 5 / 9), "C": ("F", lambda v: v * 9 / 5 + 32),
}
WRITTEN = {  # canonical unit -> (plural, singular for "a 6-foot wall")
    "km": ("km", "km"), "mi": ("miles", "mile"), "m": ("metres", "metre"), "ft": ("feet", "foot"),
    "kmh": ("km/h", "km/h"), "mph": ("mph", "mph"), "kg": ("kg", "kg"), "lb": ("pounds", "pound"),
    "cm": ("cm", "cm"), "in": ("inches", "inch"), "C": ("°C", "°C"), "F": ("°F", "°F"),
}
UNIT = re.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*-\s*|\s*)("
                  + "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True))
                  + r")(?![\w/])")


def newsroom(value: float) -> str:
    """Rounded as a newsroom writes a converted measure: whole numbers from 10 up, one decimal below."""
    if abs(value) >= 10:
        return f"{round(value):,}"
    return f"{value:.1f}".removesuffix(".0")


def convert(value: float, unit: str, hyphen: bool = False) -> str:
    """``value`` of canonical ``unit`` in the other unit of its pair, as written ("24 km")."""
    other, factor = CONVERT[unit]
    plural, singular = WRITTEN[other]
    amount = newsroom(factor(value))
    if other in ("C", "F"):
        return amount + plural
    if hyphen:
        return f"{amount}-{singular}"
    return f"{amount} {singular if amount == '1' else plural}"


FIRST_SIDE = re.compile(r"(\d+(?:\.\d+)?)(\s*-?\s*(?:by|x)\s*-?\s*)$")
"""The first side of a measure whose unit is written once: the "8-by-" of "8-by-12 feet"."""


def units(sentence: str, rng: random.Random, window: Window = None) -> str | None:
    """A measure of the sentence (a figure and a unit) in the other unit of its pair, converted;
    both sides of a measure whose unit is written once ("8-by-12 feet" -> "2.4-by-3.7 metres")."""
    edits: list[Edit] = []
    for m in UNIT.finditer(sentence):
        if not in_window(m.start(), m.end(), window) or _in_range(sentence, m.start(), m.end()):
            continue
        value = float(m.group(1).replace(",", ""))
        unit = UNIT_WORDS[m.group(3)]
        converted = convert(value, unit, hyphen="-" in m.group(2))
        side = FIRST_SIDE.search(sentence[:m.start()])
        if side is not None:  # the first side is in the same unit: convert it too
            first = newsroom(CONVERT[unit][1](float(side.group(1))))
            edits.append((side.start(), m.end(), first + side.group(2) + converted))
            continue
        edits.append((m.start(), m.end(), converted))
    return pick(sentence, edits, rng)


# Measured clauses inserted into a real sentence (the synthetic units family): (text, value, unit)
CLAUSES = [
    ("about {} away", (3, 8, 15, 25, 40, 60, 120), "mi"), ("about {} away", (5, 12, 30, 80, 150), "km"),
    ("some {} from the scene", (50, 150, 300, 500), "ft"), ("some {} from the scene", (20, 100, 250), "m"),
    ("with winds of up to {}", (40, 75, 120), "mph"), ("with winds of up to {}", (60, 100, 190), "kmh"),
    ("carrying about {} of supplies", (50, 200, 900), "kg"), ("carrying about {} of supplies", (100, 500), "lb"),
    ("as temperatures reached {}", (95, 104, 20), "F"), ("as temperatures reached {}", (35, 40, -5), "C"),
]


def measured_clause(rng: random.Random) -> tuple[str, str]:
    """A clause with a measure and the same clause with the measure converted: ("about 15 miles away",
    "about 24 km away")."""
    text, values, unit = rng.choice(CLAUSES)
    value = rng.choice(values)
    plural, _ = WRITTEN[unit]
    written = f"{value}{plural}" if unit in ("C", "F") else f"{value} {plural}"
    return text.format(written), text.format(convert(value, unit))


def insert_clause(sentence: str, clause: str) -> str | None:
    """``sentence`` with ", clause" before its final full stop; None when it ends in a quotation mark."""
    m = re.search(r"([.!?])([\"”’']*)\s*$", sentence)
    if m is None or m.group(1) != "." or m.group(2):  # not inside a closing quotation mark
        return None
    return sentence[:m.start()] + ", " + clause + sentence[m.start():]
