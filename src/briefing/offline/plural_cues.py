"""Plural cue words: whether a cue word ending in -s is a verb of the phrase before it or a
plural noun that the phrase runs into ('Various news reports said', 'Democrats from coal states
claim').

A third-person verb ('reports', 'states', 'claims') takes a singular subject. Before a plural
subject ('Several experts', 'Representatives from European') or right after a bare noun that
modifies it ('news reports', 'coal states'), the word is the plural head of a noun phrase, and the
verb of the sentence comes later.
"""

from __future__ import annotations

from briefing.offline.fragments import DETERMINERS, GROUP_NOUNS
from briefing.offline.phrases import (
    CLAUSE_OPENERS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
)

# Third-person forms of cues that are as often plural nouns ('news reports', 'European states',
# 'his claims'); other -s cues ('says', 'argues', 'insists') are verbs only.
PLURAL_NOUN_CUES = frozenset(
    """reports states claims notes estimates finds shows recalls replies answers demands pledges
    promises vows counters questions calls disputes tweets echoes remarks""".split())

# Words that open a plural noun phrase: a third-person verb never follows their phrase.
PLURAL_OPENERS = frozenset(
    """various several many numerous few multiple both these those other two three four five six
    seven eight nine ten dozens hundreds thousands""".split())

_PLURAL_PEOPLE = frozenset(w for w in PERSON_NOUNS if w.endswith("s") and not w.endswith("ss"))
_HEADS = PERSON_NOUNS | ROLE_NOUNS | DOCUMENT_NOUNS
_PREPOSITIONS = frozenset("of from in at for on with among across around".split())
_FUNCTION_WORDS = _PREPOSITIONS | CLAUSE_OPENERS | frozenset("to by and or nor not video audio footage".split())


def plural_noun_cue(phrase: str, cue: str) -> bool:
    """Whether ``cue`` (the cue's words) is a plural noun after the source ``phrase``, not its verb.

    True when the cue's last word is in ``PLURAL_NOUN_CUES`` and the phrase opens with a plural
    quantifier ('Various news'), is headed by a plural person noun ('Representatives from
    European': the head is the word before the first preposition), or is one or two bare
    lowercase words with no determiner ('coal', 'news'). 'The report states', 'Ana Ruiz claims',
    'Fox News reports', 'the bill states', 'Another slide shows' and 'video shows' keep their
    verb; a capitalised sentence opener ('News reports say') is left as it is, since 'Video shows'
    has the same shape.
    """
    words = phrase.split()
    if not words or not cue.split() or cue.split()[-1].lower() not in PLURAL_NOUN_CUES:
        return False
    lowered = [w.lower() for w in words]
    if lowered[0] in PLURAL_OPENERS:
        return True
    first_preposition = next((i for i, w in enumerate(lowered) if i and w in _PREPOSITIONS), len(words))
    if lowered[first_preposition - 1] in _PLURAL_PEOPLE:
        return True
    # a bare noun that modifies the cue word: 'coal states', 'news reports' (one or two lowercase
    # words, no determiner, no function word, no mass noun that takes an -s verb: 'video shows')
    return len(words) <= 2 and all(w.isalpha() and w.islower() for w in words) and not (
        set(lowered) & (_HEADS | DETERMINERS | GROUP_NOUNS | _FUNCTION_WORDS))
