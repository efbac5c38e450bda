"""Reported speech: the clause a source is said to have said, found, or held.

Three families, one function each: ``X said (that) ...`` (source, cue, content), ``..., X said``
(content, then source and cue), and ``according to X, ...`` on either side of the content. The
content span is the reported clause only, without the source, the cue or the final period.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from briefing.core.models import Speaker
from briefing.offline.cues import (
    ADVERBIAL,
    CUE,
    NAMING,
    OWNER_PRONOUNS,
    THAT_CLAUSE,
    about_the_source,
    lexicon,
    participle_cue,
)
from briefing.offline.fragments import broken_speaker
from briefing.offline.intentions import next_act
from briefing.offline.intervals import Intervals
from briefing.offline.openings import opening_subject, subject_after_opening
from briefing.offline.phrases import (
    CLAUSE_OPENERS,
    Phrase,
    head_like,
    opens_clause,
    phrase_after,
    phrase_before,
    subordinate_end,
    verb_like,
)
from briefing.offline.plural_cues import plural_noun_cue
from briefing.offline.sourcing import (
    ORGANISATION_WORDS,
    TITLES,
    Attributed,
    audience_end,
    is_person_like,
    is_pronoun,
    outlet_audience,
    parse_speaker,
    source_before_cue,
)
from briefing.text.alternation import alternation
from briefing.text.edges import chars_before
from briefing.text.marks import find_quotes
from briefing.text.sentences import Sentence

_CUE = re.compile(CUE, re.VERBOSE)
# A phrase between the cue and "that" that says to whom or where it was said ('told the court on
# Monday that', 'said to the Los Angeles Times that', 'said on his show on AM 570 that').
_SAID_WHERE = r"""(?: \s+ (?:to|on|in|at|during|after|before|from|with|through|over|via
                          |(?:(?:upon|while|when)\s+)?[a-z]{2,}ing) \s+   # 'said leaving the meetings that'
                      (?:the|a|an|his|her|their|its|our|my|this|these|those|[A-Z0-9])
                      [^,.;:!?“”"\n]{0,60}? \s+ (?= """ + THAT_CLAUSE + r""" ) )?"""
# ... and a dash-set aside right after the cue ('said — and the mayor agreed — that').
_LEAD_IN = re.compile(r"(?:" + ADVERBIAL + r")" + _SAID_WHERE + r"(?:\s*[—–]\s[^—–“”\"\n]{1,120}?\s[—–])?"
                      r"\s*,?\s*(?:that\b\s*)?", re.VERBOSE)
_PARTICIPLE = re.compile(r",\s*" + participle_cue(
    ["adding", "saying", "noting", "arguing", "warning", "insisting", "explaining", "claiming",
     "stressing", "going on to say"]) + r"\s*(?:that\b\s*)?", re.VERBOSE)
# A second cue for the same source, coordinated with the first: 'X said A and warned (that) B'.
_COORDINATED = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+" + CUE + r"\s*(?:that\b\s*)?", re.VERBOSE
)
# After a closing cue, to whom and where it was said ('..., Ana Ruiz told The Huffington Post on
# Thursday', '..., officials said in a statement to reporters'): the audience of "told", and one
# phrase opened by a preposition, up to the sentence's end.
_CLOSING_AUDIENCE = r"""(?: (?:(?<=\btold)|(?<=\btells)) \s+
    (?: reporters | journalists | the\s+press | him | her | them | us | me
      | (?:the\s+)? [A-Z][\w.&’'-]* (?:\s+[A-Z][\w.&’'-]*){0,3} | (?:a|an|the)\s+[a-z]+ (?:\s+[a-z]+)? ) )?"""
_CLOSING_WHERE = r"""(?P<where> \s+ (?:in|to|at|during|on|with|before|via|through|from) \s+
    (?:an?|the|his|her|their|its|[A-Z0-9]) [^,;:“”"()]{0,60}? )"""
# 'has learned' attributes only here, after what was learned ('..., The Post has learned').
_CLOSING_CUE = CUE.replace("(?P<cue>", r"(?P<cue1>(?:(?:has|have|had)\s+)?learned\b|") + _CLOSING_AUDIENCE
_CLOSING_END = r"""\s* (?P<tail> , [^“”"]* )? [.!?]? [”"’]? \s* $"""
_CLOSING_SOURCE = re.compile(
    r"""
    , (?:''|[”"’])? \s* (?: (?P<source_first> [^,;“”"]{1,80}? ) \s+ """ + _CLOSING_CUE + r"""
           | (?P<cue2> said|says|added|adds|wrote|writes|told|noted|argued|warned|explained ) \s+
             (?P<source_last> [^,;“”"]{1,80}? ) )
    """ + ADVERBIAL + _CLOSING_END,
    re.VERBOSE,
)
# The same with a place after the cue ('..., Ana Ruiz said in an interview with CNN on Sunday.'),
# tried only when the plain form does not fit, and only after a verb of saying (PLACE_CUES).
_CLOSING_PLACED = re.compile(
    r"""
    , (?:''|[”"’])? \s* (?P<source_first> [^,;“”"]{1,80}? ) \s+ """ + _CLOSING_CUE + ADVERBIAL
    + _CLOSING_WHERE + ADVERBIAL + _CLOSING_END,
    re.VERBOSE,
)
# Verbs of saying a place may follow; after others a prepositional phrase is their object
# ('the police responded to the call', 'she pointed to the data').
PLACE_CUES = frozenset(
    """said says told tells added adds wrote writes reported reports stated states noted notes
    explained explains warned warns announced announces confirmed confirms learned""".split())
# Any of them as a word: a sentence without one has no placed closing cue worth the long search.
_PLACE_CUE_WORD = re.compile(r"\b(?:" + alternation(PLACE_CUES) + r")\b")
_ACCORDING_FIRST = re.compile(r"(?P<cue>According\s+to)\s+(?P<source>[^,;]{2,80}?),\s*")
# '..., according to X.', '... — according to X.', and X with a description after a comma
# ('..., according to Ana Ruiz, head of the city's transport office.').
# A period inside the source belongs to an abbreviation ('the U.S. Census Bureau', 'Dr. Ana Ruiz'):
# one with more of the sentence after it.
_ACCORDING_LAST = re.compile(
    r"(?:,|\s[—–])\s*(?P<cue>according\s+to)\s+(?P<source>(?:[^,;.—–]|\.(?=\s*[^\s”\"’])){2,80}?)"
    r"(?:,\s*[^,;“”\"—–]{2,120}?)?\s*(?:[.!?;,][”\"’]?)?\s*$"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces, a final period, stray edge commas and a stray closing mark or ellipsis
    at the start ('” … he delivered a mix', where the opening mark was mistyped) from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–―”…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–―"):
        end -= 1
    return start, end


_FLOATING = re.compile(r"(?:^|(?<=\s))(?:[Aa]ll|[Bb]oth|[Ee]ach)$")


def _clause_start(text: str, sentence: Sentence, at: int) -> bool:
    """Whether a source phrase at ``at`` opens a clause (sentence start, punctuation, 'and'),
    a floating quantifier before it counted with it ('..., all the experts I interviewed said')."""
    before = _FLOATING.sub("", text[sentence.start:at].rstrip())
    if _OPENING_PREPOSITION.match(before):
        before = before.rstrip("”’")  # a title in an opening phrase: 'On “Fox News Sunday,” Pence said'
        if _OPENING_PLACE.fullmatch(before):
            return True  # 'In Parliament the Communist Party has accused': a place, then the subject
    return after_quotation(text, sentence, at) or opens_clause(before, ",;:—–―(“\"")


def after_quotation(text: str, sentence: Sentence, at: int) -> bool:
    """Whether a quotation that opens the sentence, or a clause with a capital, closes right
    before ``at`` ('“A,” Trump said', 'Still, “A,” she said'), not a quoted title inside a phrase
    ('On “Fox News Sunday,” Pence said') or the quoted end of the writer's sentence ('With many
    systems, “there is no single point of failure,” Johnson said')."""
    closing = chars_before(text, at, 2, sentence.start)
    if len(closing) < 2 or closing[0] not in ",.!?" or closing[1] not in "”\"’":
        return False
    mark = text.rindex(closing[1], sentence.start, at)
    opening = max(text.rfind(m, sentence.start, mark) for m in "“\"‘")
    if opening < 0:  # the sentence opens inside a quotation, or its opening mark is amiss
        return _quotations(text).contains(sentence.start, sentence.start + 1)
    if not chars_before(text, opening, 1, sentence.start):
        return True  # the sentence opens with the quotation
    return chars_before(text, opening, 1, sentence.start) in ",:;—–(" and text[opening + 1:opening + 2].isupper()


def _causative_object(text: str, sentence: Sentence, found: tuple[Speaker, int], cue_start: int) -> bool:
    """Whether a source phrase is the object of a participle and the subject of an infinitive
    cue ('..., causing environmental groups to charge that ...', 'prompting critics to say'):
    news reports a reaction this way, and the people or the body named speak. A thing ('ordering
    a review to determine whether') is no source."""
    speaker, at = found
    before = text[sentence.start:at].split()
    head = speaker.name.split()[-1].lower() if speaker.name.split() else ""
    who = speaker.anonymous or is_person_like(speaker) or head in ORGANISATION_WORDS | {"groups", "organizations"}
    return who and bool(before) and before[-1].islower() and before[-1].endswith("ing") and len(before[-1]) > 5 \
        and re.search(r"\bto\s+$", text[at:cue_start]) is not None


def _content(text: str, start: int, end: int, min_words: int = 3) -> tuple[int, int] | None:
    start, end = _trim(text, start, end)
    if len(text[start:end].split()) < min_words or _REFLEXIVE.match(text, start, end):
        return None  # 'Lohan admitted herself to the clinic': an act, no statement
    return start, end


_REFLEXIVE = re.compile(r"(?:him|her|them|it|my|your|our)sel(?:f|ves)\b", re.IGNORECASE)


# The writer's own contrast after reported content: ', but he refused ...', ', although the poll',
# also after a quotation that ends with the comma ('... in front of you," though she noted').
_CONTRAST = re.compile(
    r",(?P<mark>[”\"’])?\s*(?:but|although|though|whereas|yet)\s+(?=(?:he|she|they|it|its|his|her|their|the|this|"
    r"that|those|these|[A-Z][\w’'-]*)\b)"
)


# How far before a cue its source phrase may start: the source rules look back at most 260
# characters (a long description), so a window that reaches further only costs time, and a
# sentence of many cues would be read again for each one.
SOURCE_REACH = 300


def _reach(floor: int, cue_start: int) -> int:
    """The floor for the source phrase of a cue at ``cue_start``: ``floor``, or ``SOURCE_REACH``
    characters before the cue when that is later."""
    return max(floor, cue_start - SOURCE_REACH)


# A quotation that closes with a comma right before a source: '“B,” she said'.
_QUOTE_CLOSED_BEFORE = re.compile(r"[,!?][”\"]\s*$")
# A quotation that goes on after its cue: '"I love Larry," he said, but "when it comes to ..."'.
_QUOTATION_RESUMES = re.compile(r"(?:(?:and|but)\s+)?[“\"]")
# A quotation closed before its source and cue: '"Who could take this seriously?" she said'.
_QUOTATION_THEN_SOURCE = re.compile(r"[,!?][”\"’]\s+[^,;:“”\"]{1,60}?\s(?:said|says|added|adds|told|wrote|writes|asked)\b")
# A quotation that closes before an inverted cue and its named source: '..., “A,” says a source',
# '... of his life, "said Christina Greenway'.
_INVERTED_AFTER_QUOTATION = re.compile(
    r"[,!?]?\s*[”\"]\s*(?:said|says|added|adds|told|wrote|writes)\s+(?:an?\s+|the\s+)?[A-Za-z]")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where reported content stops: a semicolon, an inverted attribution after a quotation
    ('... “A,” says a source'), the writer's contrast (', but he ...'), or the clause of a second
    speaker, or of the same one again after a quotation ('said A because “B,” she said')."""
    if (semicolon := text.find(";", start, end)) >= 0:
        end = semicolon
    if (inverted := _searches(text).search(_INVERTED_AFTER_QUOTATION, start, end)) is not None:
        end = inverted.start()
    if (contrast := _searches(text).search(_CONTRAST, start, end)) is not None:
        end = contrast.end("mark") if contrast.group("mark") else contrast.start()  # 'you," though'
    for cue in _CUE.finditer(text, start, end):
        found = source_before_cue(text, cue.start("cue"), _reach(start, cue.start("cue")))
        if found is not None and (not is_pronoun(found[0].name)
                                  or _QUOTE_CLOSED_BEFORE.search(text, start, found[1]) is not None):
            comma = max(text.rfind(mark, start, found[1]) for mark in ",―—–")
            if comma > start:
                return comma
    return end


# A comma, then a finite verb with no subject of its own: the predicate a participle aside
# interrupts ('the city, urging residents to leave, closed the bridge').
_PREDICATE_AFTER_ASIDE = re.compile(
    r",\s+(?:(?:also|then|later|quickly)\s+)?(?:is|was|were|are|has|have|had|will|would|can|could|"
    r"[a-z]{3,}(?<!e)ed)\b")


def _aside_participle(text: str, participle: re.Match[str], end: int) -> bool:
    """Whether a participle set off by commas inside reported content belongs to the content's
    subject: the next comma opens a predicate ('the city, urging residents to leave, closed
    ...'). A participle of saying before a clause (', adding that the plan, approved in May,
    ...') is the speaker's second cue whatever follows."""
    if re.match(r"\s*that\b", text[participle.end("cue"):participle.end("cue") + 8]) or (
            participle.group().rstrip().endswith("that")):
        return False
    comma = text.find(",", participle.end(), end)
    return comma >= 0 and _PREDICATE_AFTER_ASIDE.match(text, comma, end) is not None


class _Searches:
    """``pattern.search(text, start, end)`` over one text, remembered. The search from an earlier
    start answers for every later start up to the match it found (no match starts before it),
    or for every later start when it found none; so the cues of a sentence, read left to right,
    scan the sentence once each pattern instead of once per cue."""

    def __init__(self, text: str) -> None:
        self.text = text
        # keyed by the pattern's identity: hashing a compiled pattern hashes its whole program
        self._last: dict[tuple[int, int], tuple[int, re.Match[str] | None]] = {}

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        key = (id(pattern), end)
        last = self._last.get(key)
        if last is not None and last[0] <= start and (last[1] is None or start <= last[1].start()):
            return last[1]
        found = pattern.search(self.text, start, end)
        self._last[key] = (start, found)
        return found


@lru_cache(maxsize=4)
def _searches(text: str) -> _Searches:
    """The remembered searches over ``text`` (``_Searches``), one per text."""
    return _Searches(text)


def _second_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """A second cue for the same source later in the sentence, whichever comes first: a
    participle ('X said A, adding that B') or a coordinated verb ('X said A and warned that B',
    'X called for A, and criticized B'). News often packs two statements of one speaker into
    one sentence this way; each becomes its own claim."""
    searches = _searches(text)
    participle = searches.search(_PARTICIPLE, start, end)
    if participle is not None and _aside_participle(text, participle, end):
        participle = None  # 'X said the city, urging residents to leave, closed ...': the city's act
    found = [m for m in (participle, searches.search(_COORDINATED, start, end)) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


# 'who said', and a share of the antecedent ('families of the victims, many of whom say ...').
_WHO = re.compile(r"(?:,\s*)?\b(?:who|(?:many|some|most|several|all|both|one)\s+of\s+whom)\s+"
                  r"(?:(?:in|on|last|this)\s+\w+\s+)?$")


def _relative_source(text: str, cue: re.Match[str], floor: int,
                     end: int) -> tuple[tuple[Speaker, int] | None, int]:
    """The antecedent of a relative clause that holds the cue ('Ana Ruiz, who said ...',
    'engineers who argue that ...', 'Ana Ruiz, who in 2019 said ...'), and where the content
    may end: a clause set off by commas ends at the next comma ('Ana Ruiz, who said A, left').
    News introduces many statements this way, in passing."""
    who = _WHO.search(text, max(floor, cue.start("cue") - 40), cue.start("cue"))
    if who is None:
        return None, end
    phrase = phrase_before(text, who.start(), floor)
    if phrase is None or is_pronoun(phrase.text):
        return None, end
    if text[who.start()] == "," and (comma := text.find(",", cue.end("cue"), end)) >= 0:
        end = comma
    return (parse_speaker(phrase.text), phrase.start), end


_AND_BEFORE = re.compile(r"\s+(?:and|but)\s+(?:[a-z]+ly\s+)?$")
_SUBJECT_VERB = re.compile(
    r"(?:\s*,[^,;“”\"]{1,80},)?\s+(?:(?:has|have|had)\s+)?(?:(?:[a-z]+ly|also|then|later|now|first)\s+)?"
    r"[a-z]+(?:ed|[^s]s)\b")


def _coordinated_subject(text: str, sentence: Sentence,
                         cue: re.Match[str]) -> tuple[Speaker, int] | None:
    """The sentence's subject as the source of a cue coordinated with its first verb: 'Ana Ruiz,
    the mayor, toured the plant and said (that) ...', 'A reporter spotted the senator and
    reported ...', 'Ana Ruiz also toured the plant but said ...'. A general news pattern: one
    subject, two predicates, the second a cue. Only when the subject opens the sentence and a
    verb follows it, and the cue follows 'and' or 'but'."""
    if _AND_BEFORE.search(text, sentence.start, cue.start("cue")) is None:
        return None
    phrase = phrase_after(text, sentence.start, cue.start("cue"))
    if phrase is None or phrase.start != sentence.start or is_pronoun(phrase.text) or (
            phrase.text.endswith(("’s", "'s"))):
        return None  # "Ana Ruiz's family toured ...": the family, not Ana Ruiz
    if _SUBJECT_VERB.match(text, phrase.end, cue.start("cue")) is None:
        return None
    if _CUE.search(text, phrase.end, cue.start("cue")) is not None:
        return None  # the first verb is a cue of its own, handled as a second cue
    return parse_speaker(phrase.text), phrase.start


# A phrase that opens a sentence before its subject and is no clause of its own ('During his
# years in office, ', 'In 2015, '): after it, 'X said, ...' is the sentence's own cue, and what
# follows the cue is what was said ('During his years in office, Mr. Obama said, a majority
# ...'). Only a preposition opens it, and no quotation, cue or second comma sits inside.
_OPENING_PREPOSITION = re.compile(
    r"(?:During|In|On|At|After|Before|Since|For|Over|Under|By|With|Without|Despite|Amid|"
    r"Throughout|Within|Until|Following|Through|Across|Unlike|Like|Beyond|Among)\s")
# An opening phrase of a preposition and a capitalised place or body, with no comma after it.
_OPENING_PLACE = re.compile(_OPENING_PREPOSITION.pattern + r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*")
_LEADING_PHRASE = re.compile(_OPENING_PREPOSITION.pattern + r"\s*[^,;:“”\"]{1,120},\s*")


# Prepositions that may join a source's head noun to what describes it ('Data from the 2014
# survey', 'observers in Virginia and around the country', 'the Center at the Institute').
_SUBJECT_PREPOSITIONS = frozenset("of from in at for on with across around".split())
# The longest such subject, in words: a head with one or two prepositional phrases ('The Tax
# Policy Center at the Urban Institute'); longer runs are more often a clause than a name.
SUBJECT_WORDS = 10


def _sentence_subject(text: str, sentence: Sentence, cue_start: int) -> tuple[Speaker, int] | None:
    """The whole subject before a sentence's first cue when the source-phrase walk stopped inside
    it ('Data from the 2014 American Community Survey show that ...', 'Political observers in
    Virginia and around the country say ...'). News names a source with a head noun and a
    prepositional phrase; the head, the word before the first preposition, must be a name, a
    person or a document noun. The subject opens the sentence, runs at most ``SUBJECT_WORDS``
    words and holds no punctuation, verb, pronoun or clause word, so a clause is never taken for
    a source."""
    words = text[sentence.start:cue_start].split()
    if not words or len(words) > SUBJECT_WORDS or words[0].lower() in CLAUSE_OPENERS or any(
            not w.replace("-", "").replace(".", "").replace("’", "").replace("'", "").isalnum()
            for w in words):
        return None
    lowered = [w.lower() for w in words]
    joints = _SUBJECT_PREPOSITIONS | {"and"}
    if any(verb_like(w) and w not in joints for w in lowered[1:]):  # verbs, pronouns, clause words
        return None  # 'Those close to him', 'The people who left', 'Officials involved in it'
    if lowered[-1] in joints:
        return None  # 'Officials in the city and said': no noun phrase ends with a joint
    first_preposition = next((i for i, w in enumerate(lowered) if w in _SUBJECT_PREPOSITIONS), None)
    if first_preposition is None or first_preposition == 0:
        return None  # no description after a head: the phrase walk judged it already
    if not head_like(words[first_preposition - 1]):
        return None  # 'The number of cases in the city shows ...': no source heads it
    return parse_speaker(" ".join(words)), sentence.start


# Cues of evidence, not of saying: their words never follow a comma ('the party show, Taradise,
# ...' is a noun; 'the data show, in short, ...' has its clause elsewhere). A verb of saying may
# take its words after a comma ('Mr. Obama said, a majority ...').
_NO_WORDS_AFTER_COMMA = frozenset(
    "show shows showed shown find finds found indicate indicates indicated reveal reveals revealed".split())
# "call" as an act, not a cue: a phrasal verb ('called it off', 'called up', 'called into a radio
# show'), convening ('called a hearing', 'called an emergency meeting') or phoning ('called him
# again yesterday').
_PHRASAL_CALL = re.compile(
    r"call(?:s|ed|ing)?\s+(?:(?:(?:it|them|this|that|him|her)\s+)?(?:off|up|in|into|back|out)\b"
    r"|(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:hearing|meeting|session|vote|election|referendum|strike|halt|recess|"
    r"conference|summit|timeout|time-out)s?\b"
    r"|(?:him|her|them|me|us)\s+(?:again|back|yesterday|today|twice|repeatedly|later|on\s+[A-Z]\w+day)\b)",
    re.IGNORECASE)
_NAMING = re.compile(NAMING + r"(?=[A-Z“\"‘'])")  # 'A group called Americans for ...'
# A passive participle's agent after the cue word ('posted online last night by MASN Sports'),
# not the means ('added by phone').
_BY_AGENT = re.compile(r"(?:\s+(?:online|earlier|here|there|last\s+\w+|on\s+[A-Z]\w+|yesterday|today)){0,3}"
                       r"\s+by\s+(?!(?:phone|telephone|email|e-mail|text|letter|video|videolink|video\s+link)\b)"
                       r"(?:the\s+|an?\s+)?[A-Z]")
# A dash that opens or closes an aside: spaced, or doubled hyphens.
_ASIDE_DASH = re.compile(r"\s(?:[—–]|--?)\s")


@lru_cache(maxsize=8)
def _aside_dash_ends(text: str, start: int, end: int) -> tuple[int, ...]:
    """Where each aside dash of ``text[start:end]`` ends, read once per sentence: those that end
    by a place are the ones found before it."""
    return tuple(m.end() for m in _ASIDE_DASH.finditer(text, start, end))


def _aside_end(text: str, sentence: Sentence, source_start: int, begin: int, end: int) -> int:
    """Where reported content ends when its source speaks inside a dash-set aside: at the dash
    that closes it ('X told The Post — where her lawyer said she was in rehab — “I hear ...”':
    the lawyer said only that she was in rehab)."""
    opened = bisect_right(_aside_dash_ends(text, sentence.start, sentence.end), source_start) % 2 == 1
    if not opened:
        return end
    closing = _ASIDE_DASH.search(text, begin, end)
    return closing.start() if closing is not None else end


# A final appositive after a name: ', the presumed Putin favorite.' at the very end of the content.
_FINAL_GLOSS = re.compile(r"(?<=[\w.)])\s*,\s+(?:the|a|an)\s+[^,;:()“”\"‘’—–―]+$")


_PARTY_TAG = re.compile(r"\([DRI]-[A-Z][A-Za-z.]{1,12}\)")


def _gloss_end(text: str, begin: int, end: int, sentence_end: int) -> int:
    """Where reported content ends when it closes its sentence on a name and an appositive ('Schultz
    said he did not support Mr. Trump, the presumed Putin favorite.'): before the comma. A general
    news pattern: the writer glosses a name for the reader at the end of a paraphrase, in words the
    speaker did not say. Only a final ', the/a/an ...' with no comma after it, right after a
    capitalised word that does not open the content; a list ('Lima, the capital, and Cusco') and an
    appositive in the middle are kept."""
    if text[end:sentence_end].strip(" \t\n.!?”\"’'"):
        return end  # the content stops before its sentence does: no final gloss to cut
    gloss = _FINAL_GLOSS.search(text, begin, end)
    if gloss is None:
        return end
    words = text[begin:gloss.start()].split()
    if len(words) > 2 and _PARTY_TAG.fullmatch(words[-1]):
        words.pop()  # 'Rep. Don Beyer (D-Va.), a former lieutenant governor': the name before the tag
    name = words[-1] if len(words) > 1 else ""
    if not name[:1].isupper() or name == "I" or _clause_in_gloss(text[gloss.start():end]):
        return end
    return gloss.start()


_RELATIVE_WORDS = frozenset("that who whom whose which where when".split())
_SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
_PAST_FORM = re.compile(r"[a-z]{3,}(?<!e)ed")


def _clause_in_gloss(gloss: str) -> bool:
    """Whether a final ', the ...' is a clause of its own ('..., the team has missed its run'), not
    a noun phrase: a finite verb, a subject pronoun, or a verb-like word after a noun, before any
    relative word ('the existing military alliance that includes ...' is a noun phrase)."""
    words = [w.strip(".,!?”\"’'").lower() for w in gloss.split()[1:]]
    for i, word in enumerate(words):
        if word in _RELATIVE_WORDS:
            return False
        if word in _FINITE or word in _SUBJECT_PRONOUNS:
            return True
        if i >= 2 and _PAST_FORM.fullmatch(word) and not words[i - 1].endswith("ly"):
            return True  # 'a guide designed to ...' may be read either way: kept whole
    return False


# Words that open where or when something was said, not what: after a quotation's own cue
# ('"A," Howard said at a press conference ...') they are no reported clause.
_SCENE = re.compile(r"(?:at|in|on|after|before|during|while|from|outside|inside|following|"
                    r"when|as)\b")


# Conjunctions that open a clause about when or how the saying happened ('said when she
# resigned'); a main clause after a comma makes them part of what was said ('said when the
# economy recovers, jobs will return').
_TIME_CONJUNCTIONS = frozenset("when while once until".split())
# Prepositions of place or time ('reported from Midway Atoll'); 'after' and 'before' may also
# open a clause that is what was said ('said after the convention he would not ...').
_SCENE_PREPOSITIONS = frozenset("at in on from during outside inside following after before since".split())
# A clause after the comma: a subject word, then more words ('jobs will return').
_MAIN_AFTER_COMMA = re.compile(
    r",\s+(?!(?:in|on|at|from|to|for|with|by|after|before|during|and|but|or|which|who|where)\b)"
    r"[A-Za-z][\w’'-]*\s+\w+")


def _scene_only(text: str, begin: int, end: int) -> bool:
    """Whether the words after a cue say only where or when it was said, not what: 'reported
    from Midway Atoll', 'said when she resigned from the network'. A place after a preposition
    holds no verb of its own; a time clause holds no main clause after it."""
    words = text[begin:end].split()
    if not words:
        return False
    first = words[0].lower()
    if first not in _TIME_CONJUNCTIONS | _SCENE_PREPOSITIONS or _MAIN_AFTER_COMMA.search(text, begin, end):
        return False
    return first in _TIME_CONJUNCTIONS or not any(
        w.lower() in _FINITE or w.islower() and w.endswith("ed") for w in words[1:])


# A phrase after the cue that names the audience or the scene, then a quotation ('told his radio
# audience on Monday, “What ...', 'said at the rally, “We ...'): the quotation is what was said.
# An opening mark: a straight one opens after a space and before a word ('in football," he said'
# closes a quotation).
_OPENING_MARK = r"(?:“|(?<=\s)\"(?=\S))"
_BEFORE_QUOTATION = re.compile(r",?\s*[^,;:“”\"]{1,80},\s*" + _OPENING_MARK)
_AUDIENCE_CUES = frozenset("told tells tell telling asked asks ask".split())
# A dash-set aside between the cue and a quotation: '— where her lawyer said A — “...'.
_ASIDE_BEFORE_QUOTATION = re.compile(r"[—–]\s[^—–\n]{1,200}?\s[—–]\s*" + _OPENING_MARK)
_CLOSING_MARK = re.compile(r"[”\"]")


# A relative pronoun before a source: its cue's clause starts with a verb ('donations, which he
# said were accompanied by favours').
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who|what)\s+$", re.IGNORECASE)


def _inverted_source(text: str, sentence: Sentence, cue_start: int, begin: int, stop: int) -> bool:
    """Whether the words after a cue that follows a comma are only its source ('..., he
    escaped, said Alfredo Perez, a spokesman for the Marshals Service'): news puts the cue
    before the source after a clause, and that source is never what was said."""
    if not text[sentence.start:cue_start].rstrip().endswith(","):
        return False
    phrase = phrase_after(text, begin, stop)
    return phrase is not None and phrase.start == begin and re.match(
        r"\s*(?:,|[.!?]?[”\"’]?\s*$)", text[phrase.end:stop]) is not None


# An opening phrase of a preposition that says where or how something was said ('In a
# statement, ', 'In a Facebook message posted Friday, ', 'On Twitter, '): a channel, never a
# source, so the source is found after it. Prepositions that may open a clause ('After Trump
# said A, ...') are left out.
_CHANNEL_OPENING = re.compile(
    r"(?:In|On|At|During|Through|Via|Over)\s+(?:an?|the|his|her|their|its)\s+[^,;:“”\"]{1,80},\s*")


@lru_cache(maxsize=4)
def _quotations(text: str) -> Intervals:
    """The quoted passages of ``text`` (``find_quotes``: marks paired per paragraph), read once."""
    return Intervals((q.start, q.end) for q in find_quotes(text))


def _second_end(text: str, sentence: Sentence, source_start: int, begin: int, stop: int) -> int:
    """Where the content of a second statement of the same source ends (', adding that B',
    ', encouraging X to B'): the clause's end, or the main clause after a subordinate one."""
    return subordinate_end(text, sentence.start, source_start, begin, _clause_end(text, begin, stop))


def source_cue_content(text: str, sentence: Sentence) -> list[Attributed]:
    """'X said (that) ...', 'X told reporters ...', 'X has dismissed ...' (and ', adding ...').

    A sentence may hold several: 'X said A, while Y argued B' gives two claims.
    """
    found_claims: list[Attributed] = []
    channel = _CHANNEL_OPENING.match(text, sentence.start, sentence.end)
    position = channel.end() if channel else sentence.start
    for cue in _CUE.finditer(text, sentence.start, sentence.end):
        if cue.start() < position:
            continue
        stop = sentence.end
        found = source_before_cue(text, cue.start("cue"), _reach(position, cue.start("cue")))
        if found is None or not (_clause_start(text, sentence, found[1])
                                 or _causative_object(text, sentence, found, cue.start("cue"))):
            found, stop = _relative_source(text, cue, position, sentence.end)
        if found is None:
            found = _coordinated_subject(text, sentence, cue)
        if found is None and position == sentence.start:
            found = _sentence_subject(text, sentence, cue.start("cue"))
        if found is None:
            continue
        speaker, source_start = found
        if _DETERMINER_BEFORE.search(text, source_start, cue.start("cue")) is not None:
            continue  # 'one of the states suing the EPA': after a determiner the cue word is a noun
        if plural_noun_cue(text[source_start:cue.start("cue")], cue.group("cue")):
            # 'Various news reports said', 'coal states claim': a plural noun, not the verb, unless a
            # clause follows it ('A slide ... to political leaders shows what'): the opening subject's
            opening = opening_subject(text, sentence.start, source_start, singular=True) if (
                _CLAUSE_AFTER.match(text, cue.end("cue"))) else None
            if opening is None:
                continue
            found = speaker, source_start = parse_speaker(opening.text), opening.start
        elif broken_speaker(speaker.name) and (
                opening := opening_subject(text, sentence.start, source_start)) is not None:
            found = speaker, source_start = parse_speaker(opening.text), opening.start  # not 'secretary of state'
        if _NEGATION.search(text, source_start, cue.start("cue")) is not None:
            position = cue.end()
            continue  # 'Ana Ruiz never said that A': she did not say A
        if _POSSESSIVE.search(text, source_start, cue.start("cue")) and not _object_position(
                text, sentence, source_start):
            continue  # "Stumpf's emphasis that A was criticized": the clause's end is unknown
        if text[max(sentence.start, source_start - 1):source_start] in ("“", '"') or _quotations(
                text).contains(source_start, source_start + 1):
            continue  # '"Nobody believes it," a guest shouted', '"... what they found," he said':
            # a quotation's words, not a source
        after_quote = after_quotation(text, sentence, source_start)  # '..., he said' after '“A,”'
        after = audience_end(text, cue.group("cue"), cue.end("cue"), stop)
        if via := outlet_audience(text, cue.end("cue"), stop):
            speaker = speaker.model_copy(update={"via": via})
        lead = _LEAD_IN.match(text, after, stop)
        begin = lead.end() if lead else after
        if begin < stop and text[begin] in ":":
            continue  # 'X said: "..."' is a direct quote
        if text[begin:stop].split(None, 1)[:1] and text[begin:stop].split(None, 1)[0].lower() in _FINITE:
            if re.search(r"\bthat\s+$", text[cue.end("cue"):begin]):
                begin = text.rindex("that", cue.end("cue"), begin)  # 'said that would permit ...': 'that' is the subject
            elif not _RELATIVE_BEFORE.search(text, sentence.start, source_start):
                continue  # 'Everything Trump says is a lie': the subject is fused into the source phrase
        if _inverted_source(text, sentence, cue.start(), begin, stop):
            continue  # '..., said Alfredo Perez, a spokesman': the source of an inverted cue
        # 'they called it off', 'called a hearing': an act, no words of theirs follow (a
        # coordinated cue after it is still theirs: '... called a hearing and said that B')
        calling = _PHRASAL_CALL.match(text, cue.start("cue"), stop) is not None
        if cue.group("cue").endswith("ed") and _BY_AGENT.match(text, cue.end("cue"), stop):
            continue  # 'One report posted online by Roch Kubatko suggested': a passive, its verb comes later
        if cue.group("cue") == "called" and _NAMING.match(text, source_start, stop):
            continue  # 'A group called Americans for Prosperity has spent': a name, not a statement
        if about_the_source(text, begin, stop):
            continue  # 'X, who asked not to be identified, said ...': the statement comes after
        if "," in text[after:begin] and "that" not in text[after:begin] and (
                cue.group("cue").split()[-1].lower() in _NO_WORDS_AFTER_COMMA):
            continue  # 'the party show, Taradise, ...': no cue of evidence takes its words after a comma
        if "," in text[after:begin] and text[sentence.start:source_start].rstrip().endswith(",") and (
                _LEADING_PHRASE.fullmatch(text, sentence.start, source_start) is None):
            continue  # 'A, the agency said in a report, and B': a parenthesis over the sentence
        quotation = _BEFORE_QUOTATION.match(text, cue.end("cue"), stop)
        if quotation is not None and not (cue.group("cue").split()[-1].lower() in _AUDIENCE_CUES
                                          or _SCENE.match(text, begin) is not None):
            quotation = None
        if quotation is None and after_quote:
            quotation = _QUOTATION_RESUMES.match(text, begin, stop)  # '"A," he said, but "B"'
        aside = _ASIDE_BEFORE_QUOTATION.match(text, begin, stop) if quotation is None else None
        if not calling and (quotation := quotation or aside):
            # 'told his radio audience, “What ...”', 'told The Post — where ... — “I hear ...”':
            # the quotation is the claim, not the audience or the aside (the quote rules find it
            # too when its marks pair up; the copy is dropped then)
            close = _CLOSING_MARK.search(text, quotation.end(), stop)
            end = close.start() if close else stop
            if (span := _content(text, quotation.end(), end)) is not None:
                found_claims.append(Attributed(*span, speaker, cue.group("cue"), True, source_start))
            position = begin if aside else end  # an aside may hold a claim of its own
            continue
        participle = _second_cue(text, after, stop)  # also right after the cue: '"A," X said, noting that B'
        end = _clause_end(text, begin, participle.start() if participle else stop)
        end = subordinate_end(text, sentence.start, source_start, begin, end)
        end = _aside_end(text, sentence, source_start, begin, end)
        if (act := next_act(text, begin, end, cue.group("cue"))) is not None:
            end = act.start  # 'Trump said A, encouraging his supporters to ...': his act, not his words
        end = _gloss_end(text, begin, end, sentence.end)
        # '"A," Howard said at a press conference after ...', '"A," Melanie said to the nominee, who
        # ...': after a quotation the words that follow its cue say where, when or to whom, not what
        scene = after_quote or calling or _scene_only(text, begin, end)
        if (span := _content(text, begin, end)) is not None and not scene:
            # '"A," Howard said at a press conference after ...': the quotation is what was said
            found_claims.append(Attributed(*span, speaker, cue.group("cue"), False, source_start))
        if participle and end == participle.start():
            after = audience_end(text, participle.group("cue"), participle.end("cue"),
                                 stop)
            end = _second_end(text, sentence, source_start, begin := max(after, participle.end()), stop)
            if (span := _content(text, begin, end)) is not None:
                found_claims.append(
                    Attributed(*span, speaker, participle.group("cue"), False, source_start))
        elif act and end == act.start:
            end = _second_end(text, sentence, source_start, act.begin, stop)
            if (span := _content(text, act.begin, end)) is not None:  # 'Trump encourages his supporters to ...'
                found_claims.append(Attributed(*span, speaker, act.verb, False, source_start))
        position = end
    return found_claims


# Verbs that make the words after an inverted cue a clause of their own, not its source.
_FINITE = frozenset("is was were are has have had will would can could should may might must".split())


# What a comma after an inverted closing source opens when it describes the source ('..., said
# Ana Ruiz, a longtime adviser to the mayor'), not the rest of a parenthesised sentence.
_APPOSITION = re.compile(r",\s*(?:an?|the|who|whose|one\s+of|[a-z]+\s+(?:of|at|for|to)|[A-Z][\w’'-]*)\b")


_PLACE_PREPOSITIONS = frozenset(
    "in to at during on with before after via through from of for about by near outside".split())
_DETERMINERS = frozenset("a an the his her its their our my this that these those".split())
# The most words a place phrase after a closing cue may hold ('in an interview with The Huffington
# Post on Thursday' is nine); a longer run is more likely a clause of its own.
PLACE_WORDS = 10


def _place_phrase(where: str) -> bool:
    """Whether ``where`` (opened by a preposition) is only noun phrases joined by prepositions ('in
    an interview with CNN', 'at a rally in Colorado Springs'), never a clause: a determiner only
    right after a preposition, no lowercase word right after a name ('in March profits fell'), no
    verb, pronoun or clause word."""
    words = where.split()
    if len(words) > PLACE_WORDS:
        return False
    previous = words[0]
    for word in words[1:]:
        lower = word.lower()
        if lower in _PLACE_PREPOSITIONS:
            pass
        elif lower in _DETERMINERS:
            if previous.lower() not in _PLACE_PREPOSITIONS:
                return False  # 'in March the mayor would resign'
        elif word[:1].isupper() or word[:1].isdigit():
            pass
        elif previous[:1].isupper() or verb_like(lower) or (
                lower in _FINITE or lower in {"he", "she", "it", "they", "we", "i", "you"}):
            return False
        previous = word
    return True


def _words_after_quote(text: str, opening: int, comma: int) -> bool:
    """Whether the quotation opened at ``opening`` closes before ``comma`` and the writer's own
    words follow it ('“... jail time” for criminal behavior, she said'): the sentence is then a
    paraphrase that holds a quotation, not a direct quote."""
    closing = text.find("”" if text[opening] == "“" else '"', opening + 1, comma)
    if closing < 0 or text[closing - 1] in ",!?":
        return False  # '"A," Ana Ruiz, who chairs the committee, told reporters': the quote hands over
    between = text[closing + 1:comma]
    return "," not in between and re.search(r"\w", between) is not None


def content_then_source(text: str, sentence: Sentence) -> list[Attributed]:
    """'..., X said.', '..., said X, the role.', '..., X told AFP.'

    Sentences that open with a quote mark are left to the direct-quote rules.
    """
    if text[sentence.start:sentence.start + 1] in ("'", "`"):
        return []
    match = _CLOSING_SOURCE.search(text, sentence.start, sentence.end)
    if match is None:
        if _PLACE_CUE_WORD.search(text, sentence.start, sentence.end) is None:
            return []  # the placed form would end in no verb of saying
        match = _CLOSING_PLACED.search(text, sentence.start, sentence.end)
        if match is None or match.group("cue1").split()[-1].lower() not in PLACE_CUES or (
                not _place_phrase(match.group("where"))):
            return []  # ', officials said in March the plant would close': a clause, not a place
    if text[sentence.start] in "“\"" and not _words_after_quote(text, sentence.start, match.start()):
        return []  # '"A," she said': a direct quote, for the quote rules
    if _quotations(text).contains(sentence.start, sentence.start + 1) or after_quotation(
            text, sentence, match.start("source_first") if match.group("source_first") else match.start("cue2")):
        return []  # '“A. B,” Warren told Stumpf, ...' (B opens inside a quotation), 'Still, “A,” X said'
    if match.groupdict().get("cue1"):
        found = source_before_cue(text, match.start("cue1"), match.start())
        if found is None or found[1] != match.start("source_first"):
            return []
        speaker, source_start = found
        cue = match.group("cue1")
        if _NEGATION.search(text, source_start, match.start("cue1")) is not None:
            return []  # '..., Ana Ruiz never said': she did not say it
        if via := outlet_audience(text, match.end("cue1"), sentence.end):
            speaker = speaker.model_copy(update={"via": via})
    else:
        phrase = phrase_after(text, match.start("source_last"), match.end("source_last"))
        rest = text[phrase.end:match.end("source_last")].split() if phrase else []
        if phrase is None or _FINITE.intersection(rest):
            return []  # ', said the program has sent ...': a clause, not a source, follows the cue
        speaker, source_start, cue = parse_speaker(phrase.text), phrase.start, match.group("cue2")
    tail = match.group("tail")
    described = match.groupdict().get("cue2") is not None and tail is not None and _APPOSITION.match(tail)
    act = next_act(text, match.start("tail"), match.end("tail"), cue) if tail else None
    acts = act is not None and act.start == match.start("tail")  # '..., Trump said, encouraging ...'
    gaps: tuple[tuple[int, int], ...] = ()
    if tail and not _PARTICIPLE.match(tail) and not described and not acts:
        span = _content(text, sentence.start, sentence.end)  # 'The test, Pyongyang said, was ...'
        # the attribution is no part of what was said ('The test was ...'); a closing mark before it stays
        gap_start = match.start() + (2 if text[match.start() + 1:match.start() + 2] in ("”", '"', "’") else 0)
        gaps = ((gap_start, match.start("tail") + 1),)
    else:
        span = _content(text, sentence.start, match.start())
    if span is None:
        return []
    return [Attributed(*span, speaker, cue, False, source_start, gaps=gaps)]


def _plain_words(rest: str) -> bool:
    """Whether ``rest`` is one to three lowercase words that no clause or preposition opens
    ('medical journal'), so the source phrase before it runs on to its head noun."""
    words = rest.split()
    return 0 < len(words) <= 3 and all(w.isalpha() and w.islower() and w not in CLAUSE_OPENERS
                                       for w in words)


# A time after an 'according to' source, with the participle that dates it ('a statement
# released Monday', 'police on Tuesday'): when it was said, not who said it.
_SOURCE_TIME = re.compile(
    r"\s+(?:(?:released|issued|published|posted|made\s+public|filed)\s+)?(?:(?:on|last|this|early|late)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\s*$")
# One or two lowercase words after a capitalised modifier, up to the head noun, at the source's
# end or before what describes it ('a Texas prison statement', 'a Washington Post database
# tracking such deaths'): the phrase runs on to its head.
_HEAD_AFTER = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?P<head>[a-z][\w-]*)"
                         r"(?=\s*$|\s+(?:[a-z]+ing|of|that|which|from|on|for|by|in)\b)")


def _runs_to_head(phrase: str, words: list[str]) -> bool:
    """Whether lowercase ``words`` after a source ``phrase`` end at its head noun: no verb form or
    clause word among them, and the last a source noun or the phrase opened by a determiner (a
    name used as a modifier: 'a Washington Post database'; 'Ana Ruiz speaking' stays Ana Ruiz)."""
    if any(w in CLAUSE_OPENERS or w.endswith(("ing", "ed", "ly")) for w in words):
        return False
    return head_like(words[-1]) or phrase.split()[0].lower() in {"a", "an", "the"}


def according_to(text: str, sentence: Sentence) -> list[Attributed]:
    """'According to X, ...' and '..., according to X.'"""
    first = _ACCORDING_FIRST.match(text, sentence.start, sentence.end)
    last = _ACCORDING_LAST.search(text, sentence.start, sentence.end)
    if first is not None:
        source, span = first, _content(text, first.end(), sentence.end)
    elif last is not None:
        if _QUOTATION_THEN_SOURCE.search(text, sentence.start, last.start()):
            return []  # '"A?" she said years later, according to her website': the website relays her words
        source, span = last, _content(text, sentence.start, last.start())
    else:
        return []
    if span is None:
        return []
    source_start, source_end = source.start("source"), source.end("source")
    while source_start < source_end and text[source_start] in "“\"‘'":
        source_start += 1  # 'according to "The Hollywood Reporter"': the title marks are no part of it
    while source_end > source_start and text[source_end - 1] in "”\"’'":
        source_end -= 1
    if (time := _SOURCE_TIME.search(text, source_start, source_end)) is not None:
        source_end = time.start()  # 'a prison statement released Monday': the day is no source
    phrase = phrase_after(text, source_start, source_end)
    if phrase is not None and (head := _HEAD_AFTER.match(text, phrase.end, source_end)) is not None and (
            _runs_to_head(phrase.text, head.group().split())):
        phrase = Phrase(phrase.start, head.end(), text[phrase.start:head.end()])  # 'a Texas prison statement'
    if phrase is not None and _plain_words(text[phrase.end:source.end("source")]):
        phrase = None  # 'the top British medical journal': the head noun ends the phrase
    if phrase is None and len(text[source_start:source_end].split()) <= 8:
        # 'according to' names its source outright, whatever its words ('exit polls',
        # 'conservative talk radio host Rush Limbaugh'): take the phrase up to the comma
        phrase = Phrase(source_start, source_end, text[source_start:source_end])
    if phrase is None:
        return []
    speaker = parse_speaker(phrase.text)
    named = _NAME_AFTER_ROLE.match(text, source.end("source"), sentence.end) if source is last else None
    if named is not None and phrase.text[:1].islower():
        # '..., according to her publicist, Jack Ketsoyan.': the person, with the role
        return [Attributed(*span, Speaker(name=named.group("name"), role=phrase.text), source.group("cue"),
                           False, named.start("name"))]
    return [Attributed(*span, speaker, source.group("cue"), False, phrase.start)]


# The name after a role that ends a sentence: ', Jack Ketsoyan.' in '..., according to her
# publicist, Jack Ketsoyan.'
_NAME_AFTER_ROLE = re.compile(
    r",\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*[a-z][\w’'-]*)\s*[.!?]?[”\"’]?\s*$")


_SUBJECT_PARTICIPLE = re.compile(r",\s*" + participle_cue(
    ["saying", "arguing", "adding", "noting", "warning", "insisting", "explaining", "claiming",
     "stressing", "asking", "calling for", "predicting", "suggesting"]) + r"\s*,?\s*(?:that\b\s*)?",
    re.VERBOSE)


def subject_participle(text: str, sentence: Sentence) -> list[Attributed]:
    """'Ana Ruiz visited the site on Monday, saying (that) ...': a participle cue whose source is
    the subject that opens the sentence. News often attaches what someone said to an account of
    what they did; the speaker is the sentence's subject, not a phrase next to the cue."""
    match = _SUBJECT_PARTICIPLE.search(text, sentence.start, sentence.end)
    if match is None:
        return []
    phrase = phrase_after(text, sentence.start, match.start())
    if (opening := subject_after_opening(text, sentence.start, match.start())) is not None:
        phrase = opening  # 'Chastened by A, Trump revised his plan, promising ...'
    elif phrase is not None and phrase.start != sentence.start:
        phrase = None
    if phrase is None or phrase.end >= match.start():
        return []
    span = _content(text, match.end(), _clause_end(text, match.end(), sentence.end))
    if span is None:
        return []
    return [Attributed(*span, parse_speaker(phrase.text), match.group("cue"), False, phrase.start)]


_SPEAKER_COLON = re.compile(
    r"""
    (?P<mark> [“"] )?                                        # a transcript quoted whole
    (?P<source> (?:[A-Z][\w.’'-]*\s+){0,3} [A-Z][\w.’'-]* )   # one to four capitalised words
    \s* (?P<cue>:) [ \t]+ (?=\S)
    """,
    re.VERBOSE,
)


# Labels that open a paragraph with a colon but name no speaker: editorial notes and the
# titles of live blogs ('Correction: ...', 'The Latest: ...').
_EDITORIAL_LABELS = frozenset(
    """correction corrections clarification update updated note editor's editor’s related watch
    video photo photos read listen advertisement source sources""".split()
)


def _speaker_label(label: str) -> bool:
    """Whether the label before a paragraph-opening colon may name a speaker.

    A general news pattern: transcript turns and headline attributions name a person or body
    ('WALLACE:', 'Pence:'), while editorial labels ('Correction:', 'CLARIFICATION:') and section
    or live-blog titles opened by an article ('The Gap Goes On:', 'The Latest:') do not; a name
    is never opened by "The" or "A" in title case.
    """
    words = label.split()
    return not (words[0].lower() in _EDITORIAL_LABELS or words[0] in {"The", "A", "An"})


# Short words that sentence case writes in lowercase inside a line; title case capitalises them.
_SMALL_WORDS = frozenset(
    """a an the and but or nor for of to in on at by with over under after before from into as
    than is was are were be been has have had will would""".split())


def _capitalised_small_word(words: list[str]) -> bool:
    """Whether a short word stands capitalised after the first of ``words`` ('Stealth Over
    Health'): title case, which no name uses ('Mike Pence', 'Politifact')."""
    return any(w.lower() in _SMALL_WORDS and w[0].isupper() for w in words[1:])


def headline_case(line: str) -> bool:
    """Whether a line is set in headline case: a short word capitalised inside it ('Stealth Over
    Health', 'Clinton Was Headed to ER') and most of its longer words capitalised. Sentence case,
    even full of names ('Donald Trump and Hillary Clinton met in New York'), keeps its short
    words lowercase; a line in capitals is a transcript label's voice, not title case."""
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    if line.isupper() or not _capitalised_small_word(words):
        return False
    longer = [w for w in words if w.lower() not in _SMALL_WORDS]
    return sum(w[0].isupper() for w in longer) > 0.5 * len(longer)


def speaker_colon(text: str, sentence: Sentence) -> list[Attributed]:
    """A transcript turn at a paragraph start: 'WALLACE: Do you really see ...'."""
    if sentence.start and text[sentence.start - 1] != "\n":
        return []
    match = _SPEAKER_COLON.match(text, sentence.start, sentence.end)
    if match is None or not _speaker_label(match.group("source")) or (
            match.group("mark") and not match.group("source").isupper()):
        return []  # inside a quotation mark, only a capitalised label is a turn ('"WALLACE: ...')
    paragraph_end = text.find("\n", sentence.start)
    span = _content(text, match.end(), len(text) if paragraph_end < 0 else paragraph_end)
    if span is None or _capitalised_small_word(match.group("source").split()) and headline_case(text[slice(*span)]):
        return []  # 'Stealth Over Health: Clinton Was Headed to ER': a headline, not a turn
    return [Attributed(*span, parse_speaker(match.group("source")), ":", False, sentence.start)]


_IT_CUE = re.compile(
    r"It\s+(?:also\s+)?(?P<cue>says|said|shows|showed|finds|found|concludes|concluded|states|stated|"
    r"estimates|estimated|argues|argued|claims|claimed|notes|noted|warns|warned|predicts|predicted)"
    r"\b\s*(?:that\b\s*)?"
)
# A document named in the sentence before: 'The city sent a cease-and-desist letter Thursday.'
_DOCUMENT_NAMED = re.compile(
    r"\b(?P<name>(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:letter|report|study|poll|survey|complaint|lawsuit|memo|memorandum|filing|analysis|audit|"
    r"ruling|ad|advertisement|video|footage|review|document|transcript|indictment))\b"
)


def document_it(text: str, sentence: Sentence, previous: Sentence | None) -> list[Attributed]:
    """'It says ...', 'It shows ...' right after a sentence that names a document ('The city
    sent a cease-and-desist letter Thursday. It says the campaign violated ...'): news refers to
    a document just introduced as 'it'; the document is the source. With no document in the
    sentence before, 'it' has no antecedent a reader could name, and nothing is attributed."""
    match = _IT_CUE.match(text, sentence.start, sentence.end)
    if match is None or previous is None:
        return []
    documents = list(_DOCUMENT_NAMED.finditer(text, previous.start, previous.end))
    span = _content(text, match.end(), sentence.end)
    if not documents or span is None:
        return []
    name = re.sub(r"^[Aa]n?\s+", "the ", documents[-1].group("name"))
    speaker = Speaker(name=name, anonymous=False)
    return [Attributed(*span, speaker, match.group("cue"), False, documents[-1].start("name"))]


# An owner, up to two modifiers, a noun that holds a statement or an attitude, and a that-clause
# ('Trump’s repeated claim that ...', 'her acknowledgment that ...', "Mr. Obama's bet is that").
_NOUN_CUE = re.compile(
    r"""
    (?P<owner> \b(?:[Hh]is|[Hh]er|[Tt]heir)
             | (?<![\w’'])(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[’']s )
    \s+ (?:[a-z][\w-]*\s+){0,2}?
    (?P<cue> """ + "|".join(lexicon("noun_cues")) + r""" )  # whole words: a space follows
    \s+ (?P<copula> (?:is|was|has\s+been|remains)\s+ )?
    (?= """ + THAT_CLAUSE + r""" ) that \s+
    """,
    re.VERBOSE,
)
# Cues that take a noun phrase, never a clause, so an owner after them is their object ('Critics
# rejected Trump's claim that ...'); after any other cue it may open a clause ('She said Trump's
# claim that A was false').
_OBJECT_CUES = frozenset(
    """rejected rejects dismissed dismisses denied denies disputed disputes questioned questions
    criticized criticised criticizes echoed echoes repeated repeats cited cites refuted refutes
    condemned condemns""".split())
# A negation right before a cue ('Ana Ruiz never said', 'rarely admits'): the source did not say
# what follows, so it is attributed to no one ("did not say" has no cue at all). A negation
# inside a description of the source ('Ana Ruiz, who never lies, said') is none of the cue's.
# What follows a verb of saying or showing, never a plural noun: a clause ('shows what ...').
_CLAUSE_AFTER = re.compile(r"\s+(?:that|what|how|whether|why)\b")
_NEGATION = re.compile(r"(?:\b(?:never|not|hardly|rarely|seldom|no\s+longer)|n[’']t)\s+(?:[a-z]+ly\s+)?$")
# A determiner right before a cue word: the word is a noun ('the states', 'his notes').
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|these|those|its|their|his|her|our|my)\s+$",
                                re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?\s*$")
# Prepositions that may stand between a word of the clause and the owner ('frank in her
# acknowledgment that', 'pointed to Trump's claim that'); one that opens the sentence or follows
# a comma ('Despite Trump's claim that A, B') leaves the clause's end unknown.
_PREPOSITIONS = frozenset("of for to about with by from at in on into over as like".split())


def _object_position(text: str, sentence: Sentence, owner_start: int) -> bool:
    """Whether the owner's noun phrase follows a verb of its own clause ('she rejected Trump's
    claim that ...'), so the that-clause runs to the clause's end. A phrase that opens the
    sentence, or follows a comma, a conjunction, a preposition or a cue, is a subject or an
    adverbial whose that-clause ends at a verb no rule can find ('Stumpf's emphasis that A was
    criticized'): no claim then."""
    before = text[sentence.start:owner_start].split()
    while before and before[-1].lower() in TITLES:
        before.pop()  # 'Prime minister George Papandreou's insistence that': still the subject
    if before and before[-1] in _PREPOSITIONS:
        before.pop()  # 'frank in her acknowledgment that ...': a preposition after a word of its clause
    if not before:
        return False
    word = before[-1]
    return (word.isalpha() and word.islower() and word not in CLAUSE_OPENERS
            and (_CUE.fullmatch(word) is None or word in _OBJECT_CUES))


def noun_cue_content(text: str, sentence: Sentence) -> list[Attributed]:
    """'She rejected Trump's claim that the vote was rigged', 'Mr. Obama's bet is that ...': a
    noun that holds a statement, owned by its source, before a that-clause. The content is the
    clause after "that" to the sentence's end, so the owner's phrase must be a verb's object or
    the subject of "is that"; 'Stumpf's emphasis that A was criticized by B' is left out, since
    the clause's end (before "was criticized") cannot be found. A bare noun ('growing concerns
    that ...', 'the charges that were dropped') names no source and is no claim."""
    found: list[Attributed] = []
    for match in _NOUN_CUE.finditer(text, sentence.start, sentence.end):
        owner, owner_start = match.group("owner"), match.start()
        while (first := owner.split(None, 1))[0].lower() in CLAUSE_OPENERS and len(first) > 1:
            owner_start += owner.index(first[1])  # 'Despite Trump's claim': Trump's
            owner = first[1]
        if not match.group("copula") and not _object_position(text, sentence, owner_start):
            continue
        name = OWNER_PRONOUNS.get(owner.lower(), re.sub(r"[’']s$", "", owner))
        span = _content(text, match.end(), _clause_end(text, match.end(), sentence.end))
        if span is not None:
            found.append(Attributed(*span, parse_speaker(name), match.group("cue"), False,
                                    owner_start))
    return found


# Third-person forms of clause cues that are as often plural nouns ('Growing fears that ...',
# 'the charges that were dropped'), so the cue vocabulary leaves them out; after a person's name
# before a that-clause they are verbs ('Trump charges that ...').
NOUN_LIKE_CUES = ("charges", "fears", "hopes", "worries", "boasts", "doubts", "laments",
                  "protests", "hints", "guesses", "touts", "retorts")
_NOUN_LIKE_CUE = re.compile(r"\b(?P<cue>" + "|".join(NOUN_LIKE_CUES) + r")\s+(?=" + THAT_CLAUSE
                            + r")that\s+", re.VERBOSE)


# A run of capitalised words after a lowercase word: names written mid-sentence ('... said
# Donald Trump').
_MID_SENTENCE_NAMES = re.compile(r"\b[a-z][\w’'-]*,?\s+((?:[A-Z][\w.’'-]*\s+)*[A-Z][\w’'-]*)")


@lru_cache(maxsize=4)
def _mid_sentence_names(text: str) -> frozenset[str]:
    """Every capitalised word that stands in such a run, read once per text."""
    return frozenset(word for match in _MID_SENTENCE_NAMES.finditer(text)
                     for word in match.group(1).split())


def _named_elsewhere(text: str, name: str) -> bool:
    """Whether the last word of ``name`` stands capitalised after a lowercase word somewhere in
    ``text`` ('... said Trump'): a proper name, not a capitalised sentence opener ('Growing')."""
    return name.split()[-1] in _mid_sentence_names(text)


def named_noun_like_cue(text: str, sentence: Sentence) -> list[Attributed]:
    """'Trump charges that A', 'Ana Ruiz fears that A': a third-person cue that is as often a
    plural noun, taken as a verb only after a person's name that opens a clause and that the
    article also writes mid-sentence (a proper name). 'Growing fears that A', 'Senate rules that
    A', 'the charges that were dropped' give nothing."""
    found: list[Attributed] = []
    for match in _NOUN_LIKE_CUE.finditer(text, sentence.start, sentence.end):
        phrase = phrase_before(text, match.start(), sentence.start)
        if phrase is None or not _clause_start(text, sentence, phrase.start):
            continue
        speaker = parse_speaker(phrase.text)
        if not (is_person_like(speaker) and _named_elsewhere(text, speaker.name)):
            continue
        span = _content(text, match.end(), _clause_end(text, match.end(), sentence.end))
        if span is not None:
            found.append(Attributed(*span, speaker, match.group("cue"), False, phrase.start))
    return found


def _holds_owned_claim(outer: Attributed, noun: Attributed) -> bool:
    """Whether a noun cue's claim stands inside ``outer`` as a claim of its owner: the outer cue
    takes it as an object ('Critics rejected Trump's claim that A': Trump claimed A). Inside a
    clause that another source states ('Ana Ruiz suggests that Mexico's best argument is that
    A'), the owner's words are that source's account, not the owner's claim."""
    return outer.start <= noun.source_start < outer.end and (
        outer.cue.split()[-1].lower() in _OBJECT_CUES)


def find_reported(text: str, sentences: list[Sentence]) -> list[Attributed]:
    """Reported speech in every sentence, one family after another.

    A transcript turn wins. A closing attribution that ends the sentence scopes over the whole
    clause before it when every other attribution sits inside that clause: in
    'LaCalamita said nothing after officers surrounded him, Pickell said' Pickell reports what
    LaCalamita said, so the clause is Pickell's claim. An 'according to X' wrapping a clause with its own speaker
    ('According to a report, diplomats said ...') becomes that speaker's ``via``.
    """
    found: list[Attributed] = []
    previous: Sentence | None = None
    for sentence in sentences:
        previous, before = sentence, previous
        if turn := speaker_colon(text, sentence):
            found.extend(turn)
            continue
        if it := document_it(text, sentence, before):
            found.extend(it)
            continue
        outer = according_to(text, sentence)
        closing = content_then_source(text, sentence)
        inner = source_cue_content(text, sentence)
        if closing and closing[0].end <= closing[0].source_start and inner and all(
                closing[0].start <= a.source_start and a.end <= closing[0].end for a in inner) and (
                _QUOTE_CLOSED_BEFORE.search(text, sentence.start, closing[0].source_start) is None):
            inner = closing  # nested: 'X said A, Pickell said' is Pickell's, the whole clause (but
            # 'X said A because “B,” she said' attributes the quotation B only)
        if closing and closing[0].end <= closing[0].source_start and inner and all(
                a.source_start == closing[0].source_start for a in inner):
            inner = closing  # 'A, X said in an interview with CNN': the place is no content
        inner = inner or closing or subject_participle(text, sentence) or named_noun_like_cue(
            text, sentence)
        inner = inner + [n for n in noun_cue_content(text, sentence) if all(
            _holds_owned_claim(a, n) or not (n.start < a.end and a.start < n.end)
            for a in inner)]  # nested in a claim ('Critics rejected Trump's claim that A'), or apart
        if outer and inner and outer[0].start <= inner[0].source_start < outer[0].end:
            via = outer[0].speaker.name
            found.extend(
                Attributed(a.start, a.end, a.speaker.model_copy(update={"via": via}), a.cue,
                           a.direct, a.source_start)
                for a in inner
            )
        else:
            found.extend(outer or inner)
    return found
