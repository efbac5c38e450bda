"""Stated intentions, plans, promises, requests and positions: 'X hopes to ...', 'X urged Y to ...'.

A source's verb with an infinitive or a clause after it ('Mr. Clarke plans to revitalize ...',
'Trump urges supporters to monitor ...', 'Obama called for reducing ...', 'Mr. Clarke hoped
utilities would ...'). The content span is the complement (with its "to", its object and any
"not"); the verb phrase between the source and the content is kept as ``Attributed.phrase``, so
the claim reads as the reporter wrote it ("Mr. Clarke hopes to offset ...") and a negation stays
in it ("did not agree to ...", "refused to ..."). A bare noun phrase after the verb ('agreed to
the terms', 'refused the offer', 'called for calm') reports an act or a wish with no statement a
reader could weigh, and gives no claim. A passive ('is expected to win', 'was asked to resign')
states no intention of its subject, and gives none either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.models import Speaker
from briefing.offline.cues import ADVERBIAL, CUE, about_the_source
from briefing.offline.intervals import Intervals
from briefing.offline.openings import subject_after_opening
from briefing.offline.phrases import (
    CLAUSE_OPENERS,
    FOCUS_ADVERBS,
    opens_clause,
    phrase_after,
    subordinate_end,
)
from briefing.offline.sourcing import Attributed, parse_speaker, source_before_cue
from briefing.text.alternation import alternation
from briefing.text.sentences import Sentence

__all__ = ["INTENTION_VERBS", "Act", "find_intentions", "next_act", "statement_verb", "with_intentions"]


@dataclass(frozen=True)
class _Verb:
    """One verb's forms and what may follow it."""

    forms: tuple[str, ...]  # finite forms and participles; "-ing" forms only after a form of "be"
    infinitive: bool = False  # 'X hopes to ...'
    object_infinitive: bool = False  # 'X urged voters to ...'
    clause: bool = False  # 'X hoped (that) utilities would ...'
    gerund: bool = False  # 'X called for reducing ...'


def _verb(forms: str, **complements: bool) -> _Verb:
    return _Verb(tuple(forms.split()), **complements)


# The verb classes a reporter would recognise, by lemma (the lemma is what ``kinds`` reads).
INTENTION_VERBS: dict[str, _Verb] = {
    "hope": _verb("hope hopes hoped hoping", infinitive=True, clause=True),
    "expect": _verb("expect expects expected expecting", infinitive=True, object_infinitive=True,
                    clause=True),
    "want": _verb("want wants wanted wanting", infinitive=True, object_infinitive=True),
    "wish": _verb("wish wishes wished wishing", infinitive=True, clause=True),
    "plan": _verb("plan plans planned planning", infinitive=True),
    "intend": _verb("intend intends intended intending", infinitive=True),
    "aim": _verb("aim aims aimed aiming", infinitive=True),
    "promise": _verb("promise promises promised promising", infinitive=True),
    "pledge": _verb("pledge pledges pledged pledging", infinitive=True),
    "vow": _verb("vow vows vowed vowing", infinitive=True),
    "threaten": _verb("threaten threatens threatened threatening", infinitive=True),
    "agree": _verb("agree agrees agreed agreeing", infinitive=True),
    "refuse": _verb("refuse refuses refused refusing", infinitive=True),
    "decline": _verb("decline declines declined declining", infinitive=True),
    "decide": _verb("decide decides decided deciding", infinitive=True, clause=True),
    "seek": _verb("seek seeks sought seeking", infinitive=True),
    "offer": _verb("offer offers offered offering", infinitive=True),
    "propose": _verb("propose proposes proposed proposing", infinitive=True, gerund=True),
    "urge": _verb("urge urges urged urging", object_infinitive=True),
    "encourage": _verb("encourage encourages encouraged encouraging", object_infinitive=True),
    "ask": _verb("ask asks asked asking", object_infinitive=True),
    "press": _verb("press presses pressed pressing", object_infinitive=True),
    "warn": _verb("warn warns warned warning", object_infinitive=True),
    "tell": _verb("tell tells told telling", object_infinitive=True),
    "advise": _verb("advise advises advised advising", object_infinitive=True),
    "implore": _verb("implore implores implored imploring", object_infinitive=True),
    "order": _verb("order orders ordered ordering", object_infinitive=True),
    "instruct": _verb("instruct instructs instructed instructing", object_infinitive=True),
    "call on": _verb("call_on calls_on called_on calling_on", object_infinitive=True),
    "call for": _verb("call_for calls_for called_for calling_for", object_infinitive=True,
                      gerund=True),
    "willing": _verb("willing unwilling", infinitive=True),
    "determined": _verb("determined", infinitive=True),
    "eager": _verb("eager", infinitive=True),
    "reluctant": _verb("reluctant", infinitive=True),
}
"""Each intention verb by lemma: its forms ("_" joins a particle) and the complements it takes.
"willing", "determined", "eager" and "reluctant" are adjectives, read after a form of "be"."""

_ADJECTIVES = frozenset({"willing", "determined", "eager", "reluctant"})
# The present-tense form a participle's claim reads with, headline style: 'Trump spoke to the
# leaders, promising to lift ...' gives "Trump promises to lift ...".
_PRESENT = {lemma: verb.forms[1].replace("_", " ") for lemma, verb in INTENTION_VERBS.items()
            if lemma not in _ADJECTIVES}
_LEMMA = {form.replace("_", " "): lemma for lemma, verb in INTENTION_VERBS.items()
          for form in verb.forms}

# A form of "be"; contracted only after a pronoun ("she’s hoping"), since "Trump’s promise" is a
# possessive.
_BE = (r"(?:is|are|was|were|be|been|being|am|(?=[’'])(?:(?<=\b[Hh]e)|(?<=\b[Ss]he))[’']s"
       r"|(?=[’'])(?:(?<=\b[Tt]hey)|(?<=\b[Ww]e))[’']re)")
_NEGATED_AUX = r"[a-z]+n[’']t"
# Words in -ly that are no adverbs: 'the Clinton family plans to' has no "family" in its verb.
_LY_NOUNS = r"(?:family|ally|rally|assembly|supply|italy|july|bully|belly|jelly|reply|only|early)\b"
_LY_ADVERB = r"(?!" + _LY_NOUNS + r")[a-z]{2,}ly"
_AUX = (r"(?:has|have|had|will|would|shall|should|could|can|may|might|must|do|does|did|"
        r"not|never|also|still|now|again|long|already|once|even|then|later|first|soon|"
        + _NEGATED_AUX + r"|" + _BE + r"|" + _LY_ADVERB + r")")
_FORMS = alternation(_LEMMA, space=" ")
# Every verb group opens with a lowercase letter or, contracted ("she’s hoping"), an apostrophe:
# the lookahead lets the search skip every other word boundary.
_GROUP = re.compile(r"\b(?=[a-z’'])(?P<aux>(?:" + _AUX + r"\s+){0,4})(?P<verb>" + _FORMS + r")\b")

# Words after "to" that open a noun phrase, not an infinitive ('agreed to the terms').
_NOT_A_VERB = frozenset(
    """the a an his her their its our my your this that these those some any all each every no
    date be-all more most first second third last next one two three four five six seven eight
    nine ten""".split()
)
# When or after what the source stated it: 'agreed on Monday to', 'decided after a long
# investigation not to'.
_WHEN = r"(?:" + ADVERBIAL + r"|\s+(?:after|following|during)\s+[^,.;:!?“”\"()\n]{1,50}?(?=\s+(?:not\s+|never\s+)?to\s))"
_INFINITIVE = re.compile(_WHEN + r"\s+(?P<to>(?:(?:not|never)\s+)?to)\s+[“\"]?(?P<word>[a-z][a-z’'-]*)\b", re.VERBOSE)
_OBJECT_INFINITIVE = re.compile(
    r"\s+(?P<object>(?!(?:to|that|for|on|in|with|by|at|about|from|and|or|but|who|which)\b)"
    r"(?:(?!\b(?:and|or|but|is|are|was|were|has|have|continue|continues)\b)[^,.;:!?“”\"()\n]){1,60}?)"
    r"\s+(?:(?:not|never)\s+)?to\s+[“\"]?(?P<word>[a-z][a-z’'-]*)\b")
_GERUND = re.compile(r"\s+(?:(?:not|never)\s+)?(?P<word>[a-z]+ing)\b")
_NOT_GERUNDS = frozenset("nothing something anything thing king spring evening morning".split())
_THAT = re.compile(r"\s+that\s+(?=\S)")
_MODAL = r"(?:would|will|could|can|should|might|may|must|is|are|was|were|had|has|have)"
# A bare clause after the verb: a short subject, then a modal or a form of "be" or "have".
_BARE_CLAUSE = re.compile(
    r"\s+(?=(?:(?!(?:to|that|for|on|in|at|by|with|about|from)\b)[A-Za-z’'-]+\s+){1,5}?"
    + _MODAL + r"\b)")
_PASSIVE_VERB = re.compile(r"(?:ed|sought)$")
_BAD_SOURCES = frozenset("it this that which who what there these those what i we you".split())


_SPEECH_CUE = re.compile(CUE, re.VERBOSE)
_RELATIVE = frozenset("that which who whom whose if whether".split())


def _opens_clause(text: str, sentence: Sentence, at: int) -> bool:
    """Whether a source phrase at ``at`` opens a clause: sentence start, punctuation, a dash, or
    a word that begins a clause ('and', 'but', 'when')."""
    before = text[sentence.start:at]
    last = before.split()[-1:]
    if last and last[0].lower() in _RELATIVE:
        return False  # 'the reasons that Trump refuses to', 'asked if the US intended to': no statement
    return opens_clause(before, ",;:—–-(“\"")


_HYPOTHETICAL = frozenset("would could might may should must".split())


# Words that may stand between a form of "be" and its participle: 'are not expected to'.
_BETWEEN_BE_AND_VERB = frozenset("not never also still now again long already once even then later first soon".split())


# Plural nouns without an -s: 'Police plan to', 'People hope to'.
_PLURALS = frozenset("police people men women children staff personnel clergy cattle folk".split())


def _after_singular_noun(text: str, at: int) -> bool:
    """Whether a lowercase singular noun stands right before ``at`` ('a draft plan', 'the peace
    offer'): a bare verb form ("plan", "offer") has no singular subject, so there it is a noun.
    'Officials plan to', 'Police plan to', 'The residents, who met on Monday, plan to' keep
    their verb."""
    before = text[max(0, at - 30):at].split()
    if not before:
        return False
    word = before[-1]
    return word.isalpha() and word.islower() and not word.endswith("s") and word not in _PLURALS and (
        word not in CLAUSE_OPENERS and word not in FOCUS_ADVERBS and word not in _CLAUSE_WORDS)


def _passive(aux: str, verb: str) -> bool:
    """'is expected to', 'was asked to', 'were urged to', 'are not expected to': a form of "be"
    before a past participle (with only a negation or adverbs between) makes its subject the one
    asked, not the one who asks."""
    words = [w for w in aux.split() if w.lower() not in _BETWEEN_BE_AND_VERB
             and not re.fullmatch(_LY_ADVERB, w.lower())]
    return bool(words) and re.fullmatch(_BE + r"|been|being", words[-1]) is not None and (
        _PASSIVE_VERB.search(verb.split()[0]) is not None) and verb not in _ADJECTIVES


_BASE_ENDINGS = frozenset("bring sing swing sting string spring cling fling ring wring shed wed embed".split())


def _base_form(word: str) -> bool:
    """Whether the word after "to" may be a verb's base form: not a determiner, and not shaped
    like a plural, a past participle or a gerund ('agreed to terms', 'to increased spending',
    'to funding'), unless its ending belongs to the stem ('to discuss', 'to proceed', 'to bring')."""
    if word in _NOT_A_VERB:
        return False
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return False
    if word.endswith("ed") and not word.endswith("eed"):
        return word in _BASE_ENDINGS
    return not word.endswith("ing") or word in _BASE_ENDINGS


# Nouns whose own infinitive follows them ('the decision to lend'): an object ending in one is
# no one asked to act.
_NOUNS_WITH_INFINITIVE = frozenset(
    """decision decisions plan plans effort efforts attempt attempts bid move right way time chance
    ability need offer proposal push deal agreement vote money funds power authority permission
    promise pledge order orders""".split())


# Words that open or head a clause: an object holding one is a clause of its own.
_CLAUSE_WORDS = frozenset("that which who whom whether if he she they we i it".split())


def _addressee(phrase: str) -> bool:
    """Whether the words between an asking verb and "to" name whom it asks ('urged voters to',
    'told the people of Iowa to'), not a thing whose own infinitive follows ('told a debate on
    Berlin's decision to lend', 'asked for the city's permission to') nor a clause ('told ESPN
    that he'd like to')."""
    words = phrase.split()
    if _CLAUSE_WORDS.intersection(w.lower() for w in words) or re.search(r"\w[’'](?:s|d|ll|re|ve)\b", phrase):
        return False  # 'told ESPN that he'd like to sign': a clause, whose verb is not this one
    return words[-1].lower() not in _NOUNS_WITH_INFINITIVE


def _complement(text: str, lemma: str, at: int, stop: int) -> tuple[int, str] | None:
    """Where the content starts after the verb at ``at``, and how the verb joins it (the words
    between the verb and the content, such as " that"); None when no complement fits."""
    verb = INTENTION_VERBS[lemma]
    if verb.infinitive and (m := _INFINITIVE.match(text, at, stop)) and _base_form(m.group("word")):
        return m.start("to"), text[at:m.start("to")]
    if verb.gerund and (m := _GERUND.match(text, at, stop)) and m.group("word") not in _NOT_GERUNDS:
        return at + len(m.group()) - len(m.group().lstrip()), ""
    if verb.clause and (m := _THAT.match(text, at, stop)):
        return m.end(), text[at:m.end()]
    if verb.object_infinitive and (m := _OBJECT_INFINITIVE.match(text, at, stop)) and (
            _base_form(m.group("word"))) and _addressee(m.group("object")):
        return m.start("object"), ""
    if verb.clause and (m := _BARE_CLAUSE.match(text, at, stop)):
        return m.end(), ""
    return None


_CONTRAST = re.compile(
    r",\s*(?:but|although|though|whereas|yet|while)\s|;|\s[—–]\s|\s-\s"
    r"|,\s+(?:[a-z]+ing|and\s+(?:the|a|an|his|her|their|its|[A-Z]\w*))\b"  # ', focusing on', ', and the union'
    r"|,\s+(?:aside\s+from|apart\s+from|despite|even\s+as|according\s+to)\b"  # the writer's aside
    r"|,?\s+(?:and|but)\s+(?:(?:also|then|later|has|have|had)\s+)*(?:said|says|[a-z]+ed)\b"  # 'and criticized'
)


def _content_end(text: str, start: int, stop: int) -> int:
    """Where the content stops: the sentence end, a semicolon, a dash or the writer's contrast."""
    if (cut := _CONTRAST.search(text, start, stop)) is not None:
        stop = cut.start()
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".,;:—–-!?"):
        stop -= 1
    return stop


# A short opener before the subject: 'In fact, ', 'On Thursday, ', 'On Thursday, however, '.
_OPENER = re.compile(r"(?:[A-Z][a-z]*(?:\s+[A-Za-z]+){0,2},\s+(?:(?:however|though|meanwhile),\s+)?)?")
# Between the subject and the verb group: an appositive set off by commas ('some Republicans,
# including Senator Alexander, were willing'), or a first predicate coordinated with the cue
# ('Mr. McKinley is bearish on loans and expects them to ...').
_APPOSITIVE = re.compile(r"\s*,[^,;:“”\"()]{1,120},\s*")
_FIRST_PREDICATE = re.compile(
    r"\s+(?:(?:has|have|had|also|still|now)\s+)?(?:is|are|was|were|[a-z]+ed|[a-z]+[^s\W]s)\b"
    r"[^,;:“”\"()]{0,120}?\s(?:and|but)\s+(?:(?:also|then|later)\s+)?")


def _sentence_subject(text: str, sentence: Sentence, at: int) -> tuple[Speaker, int] | None:
    """The subject that opens the sentence as the source of the verb group at ``at``, when only
    an appositive or a first predicate joined by 'and' or 'but' stands between them."""
    opener = _OPENER.match(text, sentence.start, at)
    start = opener.end() if opener else sentence.start
    phrase = subject_after_opening(text, start, at) or phrase_after(text, start, at)  # 'Chastened by A, Trump'
    if phrase is None:
        phrase = phrase_after(text, sentence.start, at)
    if phrase is None or not (_APPOSITIVE.fullmatch(text, phrase.end, at)
                              or _FIRST_PREDICATE.fullmatch(text, phrase.end, at)):
        return None
    return parse_speaker(phrase.text), phrase.start


# The first predicate of a sentence whose subject a participle cue then follows: 'Trump spoke to
# industry leaders, promising to ...', 'Mrs. Clinton has embraced the approach, promising to ...'.
_BEFORE_PARTICIPLE = re.compile(r"\s+[a-z][^;:“”\"()]{0,200},\s*")


def _participle_subject(text: str, sentence: Sentence, at: int) -> tuple[Speaker, int] | None:
    """The subject that opens the sentence as the source of a participle cue at ``at`` that
    follows its first predicate after a comma."""
    opener = _OPENER.match(text, sentence.start, at)
    start = opener.end() if opener else sentence.start
    phrase = subject_after_opening(text, start, at) or phrase_after(text, start, at)  # 'Chastened by A, Trump'
    if phrase is None or not _BEFORE_PARTICIPLE.fullmatch(text, phrase.end, at):
        return None
    return parse_speaker(phrase.text), phrase.start


# What may stand before a participle cue: adverbs alone (', also promising to').
_ADVERBS_ONLY = re.compile(r"(?:(?:also|even|again|then|later|" + _LY_ADVERB + r")\s+)*")

# A form of "be" (and at most one adverb) right before the verb: 'is (now) hoping', 'she’s willing'.
_AFTER_BE = re.compile(r"\b(?:" + _BE + r")\s+(?:\S+\s+)?$")


def _expanded(group: str) -> str:
    """A verb group without the contraction its pronoun had: "he’s sought" is read "has sought"
    and "she’s hoping" "is hoping", so the resolved name reads "Ana Ruiz has sought ..."."""
    match = re.match(r"[’'](s|re)\s+(\S+)", group)
    if match is None:
        return group
    progressive = match.group(2).endswith("ing") or match.group(2) in _ADJECTIVES
    full = {"s": ("is", "has"), "re": ("are", "have")}[match.group(1)][0 if progressive else 1]
    return full + group[match.end(1):]


def _in_sentence(text: str, sentence: Sentence, min_words: int) -> list[Attributed]:
    found: list[Attributed] = []
    position = sentence.start
    for group in _GROUP.finditer(text, sentence.start, sentence.end):
        if group.start() < position:
            continue
        verb = re.sub(r"\s+", " ", group.group("verb")).lower()
        aux = group.group("aux")
        lemma = _LEMMA[verb]
        after_be = _AFTER_BE.search(text, max(0, group.start() - 12), group.start("verb")) is not None
        participle = verb.split()[0].endswith("ing") and lemma not in _ADJECTIVES and not after_be
        if participle and (not _ADVERBS_ONLY.fullmatch(aux)
                           or not text[sentence.start:group.start()].rstrip().endswith(",")):
            continue  # 'the proposals calling for ...': no one's intention here
        if not aux.strip() and verb == INTENTION_VERBS[lemma].forms[0].replace("_", " ") and (
                _after_singular_noun(text, group.start())):
            continue  # 'a draft plan to allow': a bare form after a singular noun is a noun
        if _passive(aux, verb) or _HYPOTHETICAL.intersection(aux.lower().split()):
            continue  # 'is expected to', 'Mexicans would hope': no stated intention ('the plan to'
            # names no source: no source phrase ends in a determiner)
        if lemma in _ADJECTIVES and not after_be:
            continue
        complement = _complement(text, lemma, group.end(), sentence.end)
        if complement is None:
            continue
        begin, joint = complement
        if participle:
            found_source = _participle_subject(text, sentence, group.start())
        else:
            found_source = source_before_cue(text, group.start(), sentence.start) or _sentence_subject(
                text, sentence, group.start())
        if found_source is None:
            continue
        speaker, source_start = found_source
        if _SPEECH_CUE.search(text, source_start, group.start()):
            continue  # 'Ana Ruiz said the mayor plans ...': the mayor's plan is Ana Ruiz's claim
        if speaker.name.lower() in _BAD_SOURCES or not _opens_clause(text, sentence, source_start):
            continue
        end = subordinate_end(text, sentence.start, source_start, begin, _content_end(text, begin, sentence.end))
        if len(text[begin:end].split()) < min_words or about_the_source(text, begin, end):
            continue
        said = _PRESENT[lemma] if participle else _expanded(text[group.start():group.end()])
        phrase = re.sub(r"\s+", " ", said + joint).strip()
        found.append(Attributed(begin, end, speaker, lemma, False, source_start, phrase))
        position = end
    return found


# Requests and commitments: a participle or a coordinated verb of these after reported content is
# the speaker's next act ('Trump said A, encouraging his supporters to ...'), not part of what
# was said. Wishes and plans ('hoping to', 'planning to') are left out: they as often belong to
# the content's own subject ('the firm was struggling, hoping to sell').
ACT_LEMMAS = ("urge", "encourage", "ask", "press", "implore", "order", "instruct", "call on",
              "call for", "promise", "pledge", "vow", "threaten")
_ACT_FORMS = {form.replace("_", " "): lemma for lemma in ACT_LEMMAS
              for form in INTENTION_VERBS[lemma].forms}
_ACT_ALTERNATIVES = alternation(_ACT_FORMS)
_PARTICIPLE_ACT = re.compile(r",\s*(?:(?:also|even|then|again)\s+)?(?P<verb>" + _ACT_ALTERNATIVES + r")\b")
_COORDINATED_ACT = re.compile(r",?\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?(?P<verb>" + _ACT_ALTERNATIVES
                              + r")\b")
_IRREGULAR_PAST = frozenset("""said told wrote thought found knew saw gave made took felt held
    kept heard meant put read sent spoke""".split())


def _tense(verb: str) -> str:
    """'past' for a past form ('tweeted', 'said'), 'present' for a third-person one ('says'),
    '' for anything else (a base form, a participle)."""
    word = verb.split()[0].lower()
    if word in _IRREGULAR_PAST or (word.endswith("ed") and not word.endswith("eed")):
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "present"
    return ""


@dataclass(frozen=True)
class Act:
    """A speaker's next act after reported content: where it cuts the content (``start``), where
    its own content begins (``begin``), and its verb as written (``verb``: "encouraging")."""

    start: int
    begin: int
    verb: str


def next_act(text: str, start: int, end: int, cue: str) -> Act | None:
    """Where reported content in ``text[start:end]`` runs into its speaker's next act, a request
    or a commitment with its complement: a participle after a comma ('Trump said the system was
    rigged, encouraging his supporters to visit ...') or a verb coordinated with the cue in the
    same tense ('Trump tweeted that Machado was a con and encouraged Americans to ...'). None when
    there is none.

    A participle counts only when no comma follows it up to ``end`` (one set off by commas inside
    the content, 'the city, urging residents to leave, closed', may belong to the content). A
    coordinated verb whose tense differs from the cue's may belong to the content's own subject
    ('X says the firm sued and asked the court to ...' is kept); one in the same tense is read as
    the speaker's, which is the common news shape but can be wrong ('X said the firm sued and
    asked the court to ...')."""
    found: list[Act] = []
    last_comma = text.rfind(",", start, end)
    for match in _PARTICIPLE_ACT.finditer(text, last_comma if last_comma >= 0 else end, end):
        verb = re.sub(r"\s+", " ", match.group("verb")).lower()
        if verb.split()[0].endswith("ing") and (
                complement := _complement(text, _ACT_FORMS[verb], match.end(), end)) is not None:
            found.append(Act(match.start(), complement[0], match.group("verb")))
            break
    tense = _tense(cue.split()[-1]) if cue.split() else ""
    for match in _COORDINATED_ACT.finditer(text, start, end):
        verb = re.sub(r"\s+", " ", match.group("verb")).lower()
        if tense and _tense(verb) == tense and (
                complement := _complement(text, _ACT_FORMS[verb], match.end(), end)) is not None:
            found.append(Act(match.start(), complement[0], match.group("verb")))
            break
    return min(found, key=lambda act: act.start) if found else None


def find_intentions(text: str, sentences: list[Sentence], *, min_words: int = 3) -> list[Attributed]:
    """Every stated intention, plan, promise, request or position in ``sentences``, in order.

    Each ``Attributed`` has the verb's lemma as ``cue`` ("hope", "call for"), the verb phrase
    between its source and its content as ``phrase`` ("has vowed", "did not agree"), and
    contents of fewer than ``min_words`` words (default 3) are left out. Speakers are as found
    (a pronoun is left for the caller to resolve).
    """
    found: list[Attributed] = []
    for sentence in sentences:
        found.extend(_in_sentence(text, sentence, min_words))
    return found


_BE_WORDS = frozenset("is are was were be been being am ’s 's ’re 're".split())


def statement_verb(cue: str, before: str) -> str | None:
    """The verb a reported clause's claim reads with when its cue is an intention verb that
    stands right before the content (``before`` is the text before it; a "that" may come
    between): the cue itself when finite ('called for', 'has promised', 'is urging': "Ana Ruiz
    called for calm after the protests ..."), the present tense for a bare participle ('calling
    for': "Ana Ruiz calls for ..."). None for any other cue, or when other words stand between
    ('told reporters that ...'), whose claim keeps "Speaker: content"."""
    words = cue.lower().split()
    lemma = _LEMMA.get(" ".join(words[-2:])) or _LEMMA.get(words[-1]) if words else None
    last = re.sub(r"\s+that\s*$", "", before.rstrip()).split()
    if lemma is None or not last or last[-1].lower() != words[-1]:
        return None
    verb = words[-2:] if " ".join(words[-2:]) in _LEMMA else words[-1:]
    helpers = words[:len(words) - len(verb)]  # 'also' in 'also calling for', 'is' in 'is urging'
    if verb[0].endswith("ing") and lemma in _PRESENT and not _BE_WORDS.intersection(helpers):
        return _PRESENT[lemma]
    return " ".join(cue.split())


def with_intentions(reported: list[Attributed], intentions: list[Attributed],
                    quoted: Intervals) -> list[Attributed]:
    """Reported clauses and intentions together, each content once.

    An intention whose source sits inside a quotation or another reported clause is that
    speaker's words ('He said he plans to ...', '"We want to ...," she said') and is left out. An
    intention otherwise wins over a reported clause that shares most of its content, since it
    reads as a sentence ("Trump has vowed to bring back ..." rather than "Trump: to bring back").
    """
    said = Intervals((r.start, r.end) for r in reported)
    kept = [i for i in intentions
            if not quoted.contains(i.source_start, i.source_start + 1)
            and not said.contains(i.source_start, i.source_start + 1)]
    mine = Intervals((i.start, i.end) for i in kept)
    others = [r for r in reported
              if mine.largest_overlap(r.start, r.end) <= 0.5 * (r.end - r.start)]
    return sorted(others + kept, key=lambda a: (a.start, a.end))
