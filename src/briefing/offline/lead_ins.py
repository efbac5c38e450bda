"""The lead-in before a quotation, when it is more than 'X said:': who speaks the quotation that
a sentence opens with a comma or a colon.

News introduces a quotation in a few more ways than a cue right before it:

- 'According to Ana Ruiz, "..."': the source of "according to";
- a cue with a short place, time or audience after it: 'Ana Ruiz told his radio audience on
  Monday, "..."', 'Ana Ruiz said during the debate last week, "..."';
- a participle: 'footage of Ana Ruiz asking, "..."' (the name right before it), '"...," Ana Ruiz
  said, adding later, "..."' (the source of the earlier cue), 'Ana Ruiz attacked the plan,
  saying, "..."' (the subject that opens the sentence);
- a verb in the past tense after a named subject, then a colon or a comma before a quotation
  that opens a sentence: 'Sen. Ana Ruiz (D-Ore.) scolded him: "..."', 'Ana Ruiz boasted, "..."'.

Each rule names the speaker from the lead-in's own words, never from the quotation.
"""

from __future__ import annotations

import re

from briefing.offline.cues import QUOTE_CUE, QUOTE_ONLY_VERBS
from briefing.offline.phrases import CLAUSE_OPENERS, Phrase, phrase_after, phrase_before
from briefing.offline.sourcing import TITLES, Speaker, parse_speaker, source_before_cue

# The lead-in ends with a comma or a colon right before the opening mark; it is read back to
# a sentence's length at most, so a text without full stops costs no more per quotation.
_ENDS_LEAD_IN = re.compile(r"[,:]\s*$")
_MAX_LEAD_IN = 400

_ACCORDING = re.compile(r"(?:^|(?<=[\s,(—–-]))(?P<cue>[Aa]ccording\s+to)\s+(?P<source>[^,;:“”\"]{2,80}?)\s*,\s*$")

# Participles that introduce a quotation after a clause.
_PARTICIPLES = """saying asking adding telling writing declaring noting arguing warning insisting
    explaining recalling replying responding answering shouting exclaiming joking quipping
    remarking tweeting posting""".split()
_PARTICIPLE = re.compile(r"\b(?P<cue>" + "|".join(_PARTICIPLES) + r")\b")

# What may stand between a cue and the lead-in's comma: a short phrase that opens with a
# preposition, an object pronoun or a possessive, or a time word ('told his radio audience on
# Monday', 'said during the debate last week', 'adding later', 'asking her'); never a clause.
_TAIL = re.compile(
    r"""\s*
    (?: (?: (?:to|in|on|at|during|after|before|from|with|over|via|him|her|them|me|us|his|their|its|
             reporters|journalists|later|again|also|then|earlier|once|repeatedly|
             [A-Z][a-z]+day|yesterday|today|last|this)
          \b [^,;:.!?“”"\n]{0,60}? )?
    ) [,:] \s* $""",
    re.VERBOSE,
)
_MAX_TAIL_WORDS = 8

# Words that, inside the tail, start a clause of its own: the words after the cue are then what
# was said, not where or to whom ('said that the plan', 'said it would').
_CLAUSE_IN_TAIL = frozenset("that which who whom whose what when if because whether".split())

_CUE = re.compile(QUOTE_CUE, re.VERBOSE)

# A cue word after a possessive is a noun ('on Mr. King's show, "Politicking"'), never a cue.
_POSSESSIVE = re.compile(r"(?:\w[’']s|s[’'])\s+$")

# Words that join a participle to the clause before it without a comma: 'before asking her'.
_JOINS_PARTICIPLE = re.compile(r"\b(?:before|after|while|when|by|then|and)$")

# An introductory phrase before a sentence's subject: 'In an August speech, Trump attacked'.
_INTRODUCTION = re.compile(
    r"(?:(?:In|At|On|During|After|Before|Later|Earlier|Last|This|Since|Then|But|And|Yet)\b[^,;:“”\"]{0,80},\s*"
    r"|(?:But|And|Yet|Then|Later|Earlier)\s+)")

# A verb in the past tense, maybe with an object pronoun before a colon, then the lead-in's
# end: 'scolded him:', 'boasted,'.
_VERB_END = re.compile(r"(?<=\s)(?P<cue>[a-z]{3,}ed)(?:\s+(?:him|her|them|me|us|reporters))?\s*[,:]\s*$")

# A quotation that opens a sentence: a capital letter (maybe bracketed) after the opening mark.
_SENTENCE_OPENS = re.compile(r"(?:''|``|[“\"„«])\s*[\[(]?[A-Z]")

# What may stand before the source phrase of a verb lead-in: the start of the lead-in, a dash,
# or an introductory phrase and its comma ('In the hearing, Ana Ruiz scolded him:').
_CLAUSE_START = re.compile(r"(?:^|[―—–]|\s-{1,2}|,)\s*$")


def _tail_ok(tail: str) -> bool:
    """Whether the words between a cue and the lead-in's end are a short place, time or
    audience, not a clause."""
    words = re.findall(r"[\w’'-]+", tail)
    return len(words) <= _MAX_TAIL_WORDS and not any(w.lower() in _CLAUSE_IN_TAIL for w in words)


def _according(text: str, start: int, end: int) -> tuple[Speaker, int, str] | None:
    """'According to Ana Ruiz, "..."'."""
    match = _ACCORDING.search(text, start, end)
    if match is None:
        return None
    phrase = phrase_after(text, match.start("source"), match.end("source"))
    if phrase is None or phrase.end != match.end("source"):
        return None
    return parse_speaker(phrase.text), phrase.start, match.group("cue")


def _subject(text: str, start: int, end: int) -> Phrase | None:
    """The source phrase that opens the sentence at ``start`` (after an introductory phrase)."""
    while start < end and text[start].isspace():
        start += 1
    if (intro := _INTRODUCTION.match(text, start, end)) is not None:
        start = intro.end()
    phrase = phrase_after(text, start, end)
    return phrase if phrase is not None and phrase.start == start else None


# Lowercase title words between a subject's first words and a name: 'Greek prime minister
# George Papandreou', 'Oklahoma attorney general Scott Pruitt'.
_TITLE_THEN_NAME = re.compile(r"\s+(?P<title>(?:[a-z]+\s+){1,3})(?=[A-Z])")


def _sentence_subject(text: str, start: int, end: int) -> tuple[Speaker, int] | None:
    """The subject that opens the sentence, when a lowercase verb follows it."""
    phrase = _subject(text, start, end)
    if phrase is None:
        return None
    if (titled := _TITLE_THEN_NAME.match(text, phrase.end, end)) is not None and any(
            w in TITLES for w in titled.group("title").split()):
        name = phrase_after(text, titled.end(), end)  # 'Greek prime minister George Papandreou'
        if name is not None and name.start == titled.end():
            phrase = Phrase(phrase.start, name.end, text[phrase.start:name.end])
    verb = re.match(r"\s+(?:\([^()“”\"\n]{1,30}\)\s*)?([a-z]+)", text[phrase.end:end])
    if verb is None or verb.group(1) in CLAUSE_OPENERS:
        return None
    return parse_speaker(phrase.text), phrase.start


def _cue_lead_in(text: str, start: int, end: int, whole: bool) -> tuple[Speaker, int, str] | None:
    """A cue or a participle with a short tail before the comma: the source right before the
    cue, else (for a participle after a comma) the source of an earlier cue or the subject. A
    quote-only verb takes no tail ('Ruiz continued to attack the council, "..."' is none)."""
    cues = [m for m in _CUE.finditer(text, start, end) if _TAIL.fullmatch(text, m.end(), end)
            and _tail_ok(text[m.end():end])
            and (m.group("cue") not in QUOTE_ONLY_VERBS or not text[m.end():end].strip(" ,:"))
            and not _POSSESSIVE.search(text, max(start, m.start() - 40), m.start())]
    participles = [m for m in _PARTICIPLE.finditer(text, start, end)
                   if _TAIL.fullmatch(text, m.end(), end) and _tail_ok(text[m.end():end])]
    last = max(cues + participles, key=lambda m: m.start(), default=None)
    if last is None:
        return None
    cue_start, cue = last.start("cue"), last.group("cue")
    if (phrase := phrase_before(text, cue_start, start)) is not None and not text[
            phrase.end:cue_start].strip():
        return parse_speaker(phrase.text), phrase.start, cue  # 'footage of Ana Ruiz asking,'
    before = text[start:cue_start].rstrip()
    if before.endswith((",", "-", "—", "–")) and cue not in _PARTICIPLES and (
            found := source_before(text, cue_start, start)) is not None:
        return found[0], found[1], cue  # 'Ana Ruiz, the city's mayor, told reporters,' or '— ... —'
    if cue not in _PARTICIPLES or not (before.endswith(",") or _JOINS_PARTICIPLE.search(before)):
        return None
    earlier = [m for m in _CUE.finditer(text, start, cue_start) if m.group("cue") not in _PARTICIPLES]
    if earlier and not text[earlier[-1].end():cue_start].strip(" ,"):
        found = source_before(text, earlier[-1].start("cue"), start)  # 'X said, adding later,'
    elif whole:
        found = _sentence_subject(text, start, cue_start)  # 'X attacked the plan, saying,'
    else:
        return None
    return (found[0], found[1], cue) if found is not None else None


def _verb_lead_in(text: str, start: int, end: int) -> tuple[Speaker, int, str] | None:
    """'Sen. Ana Ruiz (D-Ore.) scolded him: "..."', '... ― Ana Ruiz boasted, "..."': a named
    source at the start of its clause, a verb in the past tense, a colon or a comma."""
    verb = _VERB_END.search(text, start, end)
    if verb is None or not _SENTENCE_OPENS.match(text, end):
        return None  # 'Ana Ruiz died, "a tragedy" for the town': a phrase, not what she said
    phrase = phrase_before(text, _strip_tag(text, verb.start(), start), start)
    if phrase is None or not phrase.text[:1].isupper() or not _CLAUSE_START.search(
            text[start:phrase.start]):
        return None
    return parse_speaker(phrase.text), phrase.start, verb.group("cue")


def _strip_tag(text: str, at: int, floor: int) -> int:
    """Where a source phrase ends before a bracketed party tag ('Ana Ruiz (D-Ore.) said')."""
    tag = re.search(r"\([^()“”\"\n]{1,30}\)\s*$", text[floor:at])
    return floor + tag.start() if tag else at


# A description set off by dashes right before the cue: 'Ana Ruiz — the city's mayor — said'.
_DASHED = re.compile(r"\s*(?:--|[—–])\s*(?P<inner>[^—–“”\"\n]{2,160}?)\s*(?:--|[—–])\s*,?\s*$")
_OWN_APPOSITIVE = re.compile(r",\s*(?:an?|the)\s+[^,;:“”\"]{2,120}$")


def source_before(text: str, cue_start: int, floor: int) -> tuple[Speaker, int] | None:
    """``source_before_cue``, also across a description set off by dashes: 'Ana Ruiz — the
    city's mayor — said' reads as 'Ana Ruiz, the city's mayor, said'; when the name already
    has a description ('Ana Ruiz, the mayor of Lima -- the capital, a city of ten million --
    said'), the dashes add to it and the name is the source."""
    if (found := source_before_cue(text, cue_start, floor)) is not None:
        return found
    window = text[max(floor, cue_start - 400):cue_start]
    offset = cue_start - len(window)
    dashed = _DASHED.search(window)
    if dashed is None or dashed.start() == 0:
        return None
    before = window[:dashed.start()]
    if _OWN_APPOSITIVE.search(before):
        local = before + ","
    else:
        local = before + ", " + dashed.group("inner") + ","
    found = source_before_cue(local, len(local), 0)
    if found is None or found[1] >= len(before) or not found[0].name[:1].isupper():
        return None  # the source is the name before the dashes, never a word inside them
    return found[0], offset + found[1]


def lead_in_speaker(text: str, start: int, end: int) -> tuple[Speaker, int, str] | None:
    """The speaker a lead-in ``text[start:end]`` (ending at a quotation's opening mark) names,
    with where the source phrase starts and the cue; None when the lead-in names no one."""
    whole = end - start <= _MAX_LEAD_IN  # else the sentence's start, and its subject, are unread
    start = max(start, end - _MAX_LEAD_IN)
    if _ENDS_LEAD_IN.search(text, start, end) is None:
        return None
    return (_according(text, start, end) or _cue_lead_in(text, start, end, whole)
            or _verb_lead_in(text, start, end))
