"""What tells one event from another of the same kind: the names, places, dates and figures an
article mentions, as a set of features for grouping.

Two earthquakes share "magnitude", "epicentre" and "aftershocks"; they do not share the town,
the date or the death toll. So the features are only: capitalised names (single words and whole
name phrases, case-folded), numbers, month and weekday names. Common words are never features,
however often they occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.quantities.dates import MONTHS as CALENDAR_MONTHS
from briefing.quantities.dates import WEEKDAYS as CALENDAR_WEEKDAYS

MONTHS = frozenset(CALENDAR_MONTHS)
WEEKDAYS = frozenset(CALENDAR_WEEKDAYS)
# Capitalised words that name nothing: sentence openers, pronouns, titles and connectives.
FUNCTION_WORDS = frozenset(["a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "there", "here", "but", "and", "or", "nor", "if", "when", "while", "after", "before", "as", "at", "in", "on", "of", "for", "to", "by", "with", "from", "not", "no", "yes", "so", "what", "who", "how", "why", "where", "which", "mr", "mrs", "ms", "dr", "st", "sir", "also", "however", "meanwhile", "then", "now", "still", "yet", "some", "many", "one", "all", "any", "each", "both", "every", "more", "most", "such", "other", "another", "last", "next", "new", "said", "says", "says"])

# A word or a figure, and where a sentence or a line ends (``actors`` reads text the same way).
TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]|\d[\d,.]*\d|\d")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")
_OPENERS = "\"“‘'(["


def features(text: str) -> set[str]:
    """The article's name, figure and date features: ``n:word`` and ``p:name phrase`` for names,
    ``d:number``, ``m:month``, ``w:weekday``.

    A capitalised word counts as a name when it is capitalised inside a sentence somewhere in
    the text, so "Police said" at a sentence start adds nothing unless "Police" is a name there.
    """
    found: set[str] = set()
    for _, kind, value in _scan(text):
        if kind == "name":
            names = value.split()
            found.update(f"n:{w}" for w in names)
            if len(names) > 1:
                found.add("p:" + value)
        else:
            found.add(f"{kind}:{value}")
    return found


def name_runs(text: str) -> list[list[tuple[int, str]]]:
    """The runs of name words of ``text`` in order, by the rule of ``features``: each word as its
    offset and its case-folded form ("Hasim Rahman" is ``[(0, "hasim"), (6, "rahman")]``)."""
    return [list(zip(at, value.split(), strict=True)) for at, kind, value in _scan(text) if kind == "name"]


def _scan(text: str) -> Iterator[tuple[list[int], str, str]]:
    """The features of ``text`` in order, as ``(offsets, kind, value)``: ``"name"`` and ``"hasim
    rahman"`` for a run of name words (function words dropped; the offset of each word),
    ``"d"`` and ``"52"``, ``"m"`` and ``"july"``, ``"w"`` and ``"saturday"`` (one offset)."""
    starts = {0, *(m.end() for m in SENTENCE_END.finditer(text))}
    tokens = [(m.start(), m.group()) for m in TOKEN.finditer(text)]

    def sentence_initial(at: int) -> bool:
        return at in starts or (at > 0 and text[at - 1] in _OPENERS)

    mid_capitals = {w.lower() for at, w in tokens if w[0].isupper() and not sentence_initial(at)}
    run: list[str] = []
    run_at: list[int] = []
    for at, word in tokens:
        first = word[0]
        found: tuple[list[int], str, str] | None = None
        if first.isdigit():
            found = ([at], "d", word.replace(",", ""))
        elif first.isupper() or first.islower():
            lower = word.lower().rstrip(".")
            if lower in MONTHS:
                found = ([at], "m", lower)
            elif lower in WEEKDAYS:
                found = ([at], "w", lower)
            elif first.isupper() and lower not in FUNCTION_WORDS and (
                    not sentence_initial(at) or lower in mid_capitals):
                run_at.append(at)
                run.append(lower)
                continue
        if run:
            yield run_at, "name", " ".join(run)
            run, run_at = [], []
        if found is not None:
            yield found
    if run:
        yield run_at, "name", " ".join(run)
