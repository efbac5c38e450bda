"""The main actors of an article, and whether two articles are led by different ones: how a
reporter tells two events of the same kind apart when they share the names around them
(Klitschko beat Rahman in Mannheim; Klitschko beat Thompson in Bern: the same champion, titles
and weekday, two fights).

A main actor is a name the article leads with and keeps returning to: named in the title or the
lead sentences, introduced in full once ("Hasim Rahman"), named ``min_mentions`` times in all,
and never written in lower case (a headline's "Center" or "Put" is a common word, not a name).
A name is known by its last word, so "Maurice Cheeks" and "Cheeks" are one actor and "INS
Mysore" and "INS Sukanya" are two. Two articles are led by different actors only when each has a
main actor the other never mentions at all, in any case: a quoted official or a place one report
leads with and the other omits is one-sided and splits nothing. They are led by the same actors
when they share a main actor and neither has one the other never mentions; anything between says
nothing either way.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.core.models import Article
from briefing.daily.entities import FUNCTION_WORDS, SENTENCE_END, TOKEN, name_runs

_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Actors:
    """An article's main actors (``main``, last words of names, folded) and every word it uses
    (``words``, folded), to tell whether another article mentions them."""

    main: frozenset[str]
    words: frozenset[str]


def _fold(word: str) -> str:
    """A word as actors compare it: lower case, without a final full stop or possessive."""
    return _POSSESSIVE.sub("", word.lower().rstrip("."))


def lead_end(text: str, sentences: int) -> int:
    """Where the first ``sentences`` sentences (or lines) of ``text`` that hold a word end."""
    kept, at = 0, 0
    for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
        if kept >= sentences:
            break
        if TOKEN.search(text, at, end):
            kept += 1
        at = end
    return at


Token = tuple[int, int, str]  # start, end, word


def _names(text: str, tokens: list[Token]) -> Iterator[tuple[int, str]]:
    """Each name of ``text`` as the index in ``tokens`` and folded form of its last word: the
    runs of name words, cut where anything but spaces parts two words ("in Bremen. Petrov said"
    names Bremen and Petrov, not "Bremen Petrov")."""
    index = {start: k for k, (start, _, _) in enumerate(tokens)}
    for run in name_runs(text):
        for (at, word), (after, _) in itertools.pairwise(run):
            if text[tokens[index[at]][1]:after].strip():
                yield index[at], _fold(word)
        at, word = run[-1]
        yield index[at], _fold(word)


def _after_a_capital(text: str, tokens: list[Token], k: int, lowered: set[str]) -> bool:
    """Whether token ``k`` follows, across spaces only, a capitalised word that is not a function
    word and that the text never writes in lower case (``lowered``): a name given in full
    ("Hasim Rahman", "Mayor Olsen"), also where its first word opens a sentence and the name
    rule leaves it out of the run ("Lena Olsen said"), but not across a full stop or a line
    break ("heard Olsen. Olsen left"), nor after a common word that opens a sentence ("Later
    Olsen left" where the text also says "later")."""
    if k == 0:
        return False
    _, end, word = tokens[k - 1]
    gap = text[end:tokens[k][0]]
    folded = _fold(word)
    return (bool(gap) and not gap.strip(" \t") and word[0].isupper() and folded not in FUNCTION_WORDS
            and folded not in lowered)


def main_actors(article: Article, *, lead_sentences: int = 2, min_mentions: int = 3) -> Actors:
    """The main actors of ``article`` (see the module docstring): names whose last word the title
    or the first ``lead_sentences`` sentences name, that the article names ``min_mentions`` times
    in all, once in full, and never writes in lower case."""
    head = f"{article.title}\n\n" if article.title else ""
    text = head + article.text
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    words = frozenset(_fold(word) for _, _, word in tokens)
    lowered = {_fold(word) for _, _, word in tokens if word[0].islower()}
    names = list(_names(text, tokens))
    mentions = Counter(name for _, name in names)
    in_full = {name for k, name in names if _after_a_capital(text, tokens, k, lowered)}
    opening = len(head) + lead_end(article.text, lead_sentences)
    leading = {name for k, name in names if tokens[k][0] < opening}
    main = frozenset(w for w in leading
                     if mentions[w] >= min_mentions and w in in_full and w not in lowered)
    return Actors(main=main, words=words)


def led_by_different_actors(one: Actors, other: Actors) -> bool:
    """Whether each article has a main actor that the other never mentions (two events of one
    kind), not merely one of them (one event, one report naming more)."""
    return bool(one.main - other.words) and bool(other.main - one.words)


def led_by_same_actors(one: Actors, other: Actors) -> bool:
    """Whether the articles share a main actor and neither has one the other never mentions: the
    same subjects lead both (one event, as far as the actors tell)."""
    return bool(one.main & other.main) and not one.main - other.words and not other.main - one.words
