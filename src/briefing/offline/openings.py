"""The subject of a sentence that opens with a participle or adverb phrase ('Chastened by the
analyses, as well as complaints, Trump revised his plan, ...'): the first phrase after a comma that
a name or a source noun heads and a verb follows."""

from __future__ import annotations

import re

from briefing.offline.phrases import Phrase, opener_not_name, phrase_after

# A verb right after the subject: a past or third-person form, with an auxiliary or an adverb.
_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:[a-z]+ly|also|then|later|now|first)\s+)?[a-z]+(?:ed|[^s]s)\b")


def subject_after_opening(text: str, start: int, end: int) -> Phrase | None:
    """The subject in ``text[start:end]`` (a sentence up to a cue) when the sentence opens with a
    participle or adverb phrase (``opener_not_name``), else None. The opening phrase may hold
    commas of its own ('Chastened by the analyses, which showed A, Trump revised'): each comma
    is tried in turn, and the first phrase that a verb follows is the subject."""
    if not opener_not_name(text, start):
        return None
    for comma in re.finditer(r",\s*", text[start:end]):
        at = start + comma.end()
        phrase = phrase_after(text, at, end)
        if phrase is not None and phrase.start == at and _VERB_AFTER.match(text, phrase.end, end):
            return phrase
    return None


# A noun phrase that opens a sentence and that a modifier follows ('A slide from a presentation
# that ...', 'Freedom of Information Act lawsuits seeking ...'): a determiner and up to three
# lowercase words, or a capitalised name with a plural noun after it.
_OPENING_NOUN_PHRASE = re.compile(
    r"""(?P<np> (?:A|An|The|This|That) (?:\s+[a-z][\w-]*){1,3}
              | [A-Z][\w.’'-]* (?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w.’'-]*)* \s+ [a-z][\w-]*s )
        (?= \s+ (?:from|of|that|which|who|in|at|on|for|by|with|about|[a-z]+ing)\b )""",
    re.VERBOSE,
)
_NOT_NOUNS = frozenset("is was were are has have had will would can could should may might must".split())


def opening_subject(text: str, start: int, end: int, *, singular: bool = False) -> Phrase | None:
    """The noun phrase that opens the sentence at ``start`` as the subject of a verb before
    ``end``, when a prepositional phrase, a relative clause or a participle separates the two
    ('A slide from a presentation that his aides carry ... shows that', 'Freedom of Information
    Act lawsuits seeking records about her tenure as secretary of state have cited'). With
    ``singular``, a plural head is no subject (an -s verb needs a singular one). None when the
    sentence opens otherwise."""
    match = _OPENING_NOUN_PHRASE.match(text, start, end)
    if match is None:
        return None
    words = match.group("np").split()
    head = words[-1]
    if head in _NOT_NOUNS or head.endswith(("ly", "ed")) or singular and head.endswith("s") and not head.endswith("ss"):
        return None
    return Phrase(match.start("np"), match.end("np"), match.group("np"))
