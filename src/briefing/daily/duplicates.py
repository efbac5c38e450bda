"""Exact and near-duplicate articles (one wire story run by several outlets) folded into one.

Two articles are copies when their word 5-grams overlap by at least ``min_overlap`` (Jaccard on
the sets of shingles after case and punctuation folding): an outlet's own headline, byline or
last paragraph leaves a copy a copy, a different story on the same subject does not. A copy is
folded only when it says the same thing: the two texts are then compared word by word, and every
place where they part is read by the agreement rule (``briefing.grounding.agreement.agree``) with
``context_words`` words on each side. A figure that differs (140 / 400 injured, after reading
number words and converting units), a negation added or dropped, an opposite direction word or
another date keeps the two apart: both are briefed, and linking shows the claim ``contested``
with both reports. So do the same words in another order ("Smith beat Jones" / "Jones beat
Smith": names swapped). Differences that agree (a byline, "8" for "eight", "15 miles" for "24 km")
leave a copy a copy.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.core.models import Article
from briefing.grounding.agreement import AgreementOptions, agree
from briefing.text.fold import fold_fast

_WORD = re.compile(r"\w+")
_SPAN_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class DuplicateOptions:
    """Knobs of copy folding, with their documented defaults.

    ``min_overlap``: shingle Jaccard from which two articles are one story run twice (0.8);
    ``shingle``: words per shingle (5); ``context_words``: words of the shared text on each side
    of a place where two copies part that ``agree`` reads with it, so that a changed figure is
    read with its unit and a "not" with its verb (6); ``max_swap_words``: two copies whose words
    part only in places of at most this many words each, holding the same words in another
    order ("Smith beat Jones" / "Jones beat Smith"), say something else and are not folded (6);
    ``agreement``: the ``AgreementOptions`` of ``agree`` (unit conversion tolerance, lexicons'
    language).
    """

    min_overlap: float = 0.8
    shingle: int = 5
    context_words: int = 6
    max_swap_words: int = 6
    agreement: AgreementOptions = field(default_factory=AgreementOptions)


def _shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(fold_fast(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def disagreements(first: str, second: str, options: DuplicateOptions = DuplicateOptions()) -> list[str]:
    """Why two near-identical texts do not say the same thing: for each place where their words
    part (difflib over case-folded words), what ``agree`` finds contradicting there, read with
    ``options.context_words`` words around it ("140 ≠ 400", "a negation added or dropped").
    Empty when they say the same."""
    ours = [(fold_fast(m.group()), m.start(), m.end()) for m in _SPAN_WORD.finditer(first)]
    theirs = [(fold_fast(m.group()), m.start(), m.end()) for m in _SPAN_WORD.finditer(second)]
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in ours], [w for w, _, _ in theirs], autojunk=False)
    reasons: list[str] = []
    reach = options.context_words
    opcodes = matcher.get_opcodes()
    swapped = _swapped(ours, theirs, opcodes, options.max_swap_words)
    if swapped:
        reasons.append(swapped)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        a = _window(first, ours, max(0, i1 - reach), min(len(ours), i2 + reach))
        b = _window(second, theirs, max(0, j1 - reach), min(len(theirs), j2 + reach))
        found = agree(a, b, options=options.agreement)
        if found.contradicts:
            reasons.extend(found.reasons)
    return reasons


def _swapped(ours: list[tuple[str, int, int]], theirs: list[tuple[str, int, int]],
             opcodes: Sequence[tuple[str, int, int, int, int]], max_words: int) -> str | None:
    """Why two copies whose differing words are the same words in another order (names swapped)
    differ, or None: every place they part holds at most ``max_words`` words a side."""
    places = [op for op in opcodes if op[0] != "equal"]
    if not places or any(max(i2 - i1, j2 - j1) > max_words for _, i1, i2, j1, j2 in places):
        return None
    mine = [w for _, i1, i2, _, _ in places for w, _, _ in ours[i1:i2]]
    other = [w for _, _, _, j1, j2 in places for w, _, _ in theirs[j1:j2]]
    if not mine or Counter(mine) != Counter(other):
        return None
    return f"the same words in another order: {' '.join(mine)} / {' '.join(other)}"


def _window(text: str, words: list[tuple[str, int, int]], start: int, end: int) -> str:
    """The text of ``words[start:end]`` (empty when there are none)."""
    return text[words[start][1]:words[end - 1][2]] if end > start else ""


def find_copies(articles: list[Article], options: DuplicateOptions = DuplicateOptions()) -> list[list[int]]:
    """Groups of indexes of articles that are copies of each other, each group in input order
    (the first is the one kept); articles without copies form groups of one. Two articles whose
    shingles overlap but whose words disagree (``disagreements``) are not copies."""
    shingles = [_shingles(a.text, options.shingle) for a in articles]
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(shingles):
        for h in s:
            index[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in index.values():
        if 1 < len(holders) <= 50:  # a shingle in many articles is boilerplate, not a copy signal
            for x, i in enumerate(holders):
                for j in holders[x + 1:]:
                    shared[i, j] += 1
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), common in sorted(shared.items()):
        union = len(shingles[i]) + len(shingles[j]) - common
        if union and common / union >= options.min_overlap \
                and not disagreements(articles[i].text, articles[j].text, options):
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[root(i)].append(i)
    return sorted(groups.values())
