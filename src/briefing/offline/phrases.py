"""Find the source phrase next to a speech cue: ``phrase_before`` and ``phrase_after``.

A source phrase is the run of names, roles and modifiers that says who spoke ("Former NATO
official Jamie Shea", "Western diplomats", "the poll"); the nouns that may head one are kept here
too, for ``sourcing`` to judge whether the phrase names its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from briefing.offline.cues import PRONOUNS, lexicon
from briefing.quantities.dates import MONTHS, WEEKDAYS
from briefing.text.sentences import is_abbreviation

# Nouns that denote an unnamed person or group when they head the source phrase.
PERSON_NOUNS = frozenset(
    """diplomat diplomats official officials source sources aide aides spokesman spokeswoman
    spokesperson spokespeople person people analyst analysts expert experts insider insiders
    adviser advisers advisor advisors member members lawmaker lawmakers staffer staffers officer
    officers ally allies critic critics supporter supporters observer observers witness witnesses
    resident residents voter voters leader leaders minister ministers representative
    representatives negotiator negotiators executive executives economist economists strategist
    strategists operative operatives researcher researchers scientist scientists investigator
    investigators prosecutor prosecutors lawyer lawyers attorney attorneys democrats republicans
    one another others someone man woman men women colleague colleagues friend friends
    activists protesters demonstrators scholars academics commentators pollsters""".split()
) | frozenset(lexicon("person_nouns"))

# Offices that identify one person without naming them ("the mayor said"): not anonymous.
ROLE_NOUNS = frozenset(
    """mayor governor president senator congressman congresswoman chairman chairwoman chancellor
    premier king queen pope judge ceo candidate nominee secretary ambassador commissioner
    director general prosecutor sheriff chief""".split()
)

# Common nouns for documents and institutions that may head a source phrase ("the poll").
DOCUMENT_NOUNS = frozenset(
    """report reports poll polls survey surveys study studies statement statements document
    documents filing filings letter memo analysis data figures research review audit release
    investigation complaint lawsuit ruling article story post tweet email emails index
    government administration ministry department agency campaign committee court panel
    company firm group groups team office organization commission council board party union unions
    association coalition foundation institute newspaper newspapers paper magazine network
    networks channel broadcaster outlet outlets""".split()
)

# Words that may sit inside a source phrase besides capitalised ones.
MODIFIERS = frozenset(
    """the a an one another two three four several some many most other both few senior top
    former current unnamed anonymous western eastern european american russian chinese foreign
    local federal state military intelligence security defense defence government administration
    campaign white house press chief deputy acting longtime veteran independent political
    republican democratic conservative liberal new recent latest close high-ranking high-level
    leading prominent retired outgoing incoming fellow nato eu us un u.s. of for at""".split()
) | PERSON_NOUNS | DOCUMENT_NOUNS | ROLE_NOUNS

# Words that open a clause, never a source phrase, even when capitalised at a sentence start.
CLAUSE_OPENERS = frozenset(
    """and but or so yet however meanwhile still then now also in on when while as if because
    since after before although though but instead thus later earlier last this that which who
    whom whose what where there here it its i we you he she they his her their our my
    during despite amid amidst among following throughout without unlike""".split()
)


_TOKEN = re.compile(r"[A-Za-z0-9][\w.'’&-]*(?:/[\w.'’&-]+)*|\S")


@dataclass(frozen=True)
class Phrase:
    """A source phrase found in the text: ``text[start:end]``."""

    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _source_token(word: str) -> bool:
    """Whether a word may belong to a source phrase: a name, a number, a role or a modifier."""
    bare = word.rstrip(".").removesuffix("’s").removesuffix("'s")
    if not bare or bare.lower() in CLAUSE_OPENERS:
        return False
    return bare[0].isupper() or word.lower() in MODIFIERS or bare.lower() in MODIFIERS or (
        "/" in bare and bare[0].isdigit())  # a date that names a group: '9/11 widow Terry Strada'


# Adverbs that open a sentence before its subject, capitalised there: 'Even China said ...'.
FOCUS_ADVERBS = frozenset("even only also still now then yet meanwhile instead".split())

def opens_clause(before: str, marks: str) -> bool:
    """Whether a phrase after ``before`` (the sentence's text up to it) opens a clause: nothing
    before it, one of the punctuation ``marks``, or a word that begins a clause ('and', 'when')
    or a focus adverb ('Even China said')."""
    before = before.rstrip()
    if not before or before[-1] in marks:
        return True
    last = before.rsplit(None, 1)[-1].lower()  # the last word, without splitting the whole sentence
    return last in CLAUSE_OPENERS or last in FOCUS_ADVERBS


# Prepositions that may join a source phrase before a determiner ('a narrator in the ad').
_PREPOSITIONS = frozenset("in on of for at by from with to near among inside outside".split())

# Words a noun phrase never ends with: prepositions, articles, conjunctions.
_TRAILING = frozenset("of for at by in on to with from the a an and or".split())


# Verbs of aspect before a participle or an infinitive cue ('keeps saying', 'continues to say',
# 'stopped insisting'): they belong to the verb, never to its subject.
ASPECT_VERBS = frozenset(
    """keep keeps kept keeping continue continues continued continuing stop stops stopped
    start starts started begin begins began begun quit quits""".split())


# A pronoun with a contracted auxiliary ("She'd", "He'll", "They’ve", "I've"): the pronoun is the
# subject; "I" and "we" are the writer's voice, no source.
_CONTRACTED_PRONOUN = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou)[’'](?:ll|d|ve|re|s)")


def phrase_before(text: str, end: int, floor: int = 0, max_words: int = 9) -> Phrase | None:
    """The source phrase that ends at ``end`` (just before a cue), or None when there is none.

    Walks back over names, roles and modifiers; stops at punctuation or an ordinary word. A lone
    pronoun ("he", "she") is returned as is, for the caller to resolve.
    """
    if (burst := _BURST.search(text, max(floor, end - 80), end)) is not None:
        end = burst.start()  # 'Trump unleashed a flurry of tweets saying ...': Trump
    tokens = _tokens(text, max(floor, end - 160), end)
    if not tokens:
        return None
    if tokens[-1][2].lower() in PRONOUNS:
        s, e, word = tokens[-1]
        return Phrase(s, e, word)
    last = _before_time(tokens)
    progressive = re.match(r"\s*\w+ing\b", text[end:end + 30]) is not None
    if last >= 1 and tokens[last][2] == "to" and tokens[last - 1][2].lower() in ASPECT_VERBS:
        last -= 1  # 'Trump continues to say': the aspect verb, not 'to', stands before the cue
        progressive = True
    while last >= 0 and (_is_adverb(tokens[last][2]) or progressive and tokens[last][2] in {
            "is", "are", "was", "were", "been"} or progressive and tokens[last][2].lower() in ASPECT_VERBS):
        last -= 1  # 'Trump further described', 'The White House is saying', 'Trump keeps saying'
    if last < 0:
        return None  # 'Keeps saying ...' with no subject: no source
    if last >= 0 and tokens[last][2].lower() in PRONOUNS:
        s, e, word = tokens[last]
        return Phrase(s, e, word)  # 'He apparently believed': the pronoun, as when it stands alone
    if (contracted := _CONTRACTED_PRONOUN.fullmatch(tokens[last][2])) is not None:
        s, pronoun = tokens[last][0], contracted.group("pronoun")  # "She'd found", "He'll contend"
        return Phrase(s, s + len(pronoun), pronoun) if pronoun.lower() in PRONOUNS else None
    taken: list[tuple[int, int, str]] = []
    loose = 0  # ordinary lowercase words let in ("several cast members"), at most two
    headed = False  # a plural noun heads the phrase ("while engineers argued")
    for i in range(last, -1, -1):
        word = tokens[i][2]
        if len(taken) >= max_words:
            break
        if taken and taken[-1][2] in {"a", "an", "the"} and word[:1].isupper() and (
                word.lower() not in {"all", "both", "half"}):
            break  # 'In Parliament the Communist Party': the determiner opens the phrase ('All the experts' stays)
        if not _source_token(word):
            earlier = tokens[i - 1][2] if i > 0 else ""
            plural_head = not taken and word.endswith("s") and not _verb_like(word) and (
                not earlier or earlier.lower() in CLAUSE_OPENERS or not earlier.isalnum())
            if taken and taken[-1][2].lower() in {"a", "an", "the"} and word.lower() not in _PREPOSITIONS:
                break  # a determiner opens the phrase: 'The firm hired an architect' is an architect
            if not (loose < 2 and _lowercase_word(_without_possessive(word) if taken else word)
                    and (plural_head or earlier.lower() not in CLAUSE_OPENERS
                         and _source_token(earlier))):
                break
            if not plural_head and (_verb_like(word) if not taken else (
                    word in CLAUSE_OPENERS and not _joins_phrase(word, taken[-1][2]))):
                return None  # 'Ana Ruiz was accused', 'Trump unleashed a flurry of tweets'
            loose += 1
            headed = headed or plural_head
        taken.append(tokens[i])
    while taken and taken[-1][2].lower() in _PREPOSITIONS | FOCUS_ADVERBS:
        taken.pop()  # a phrase never starts with a preposition ('with Democrats from'), nor an adverb ('Even China')
    while len(taken) > 1 and taken[0][2] in {"all", "both", "each", "alike"}:
        taken.pop(0)  # a quantifier floats after its subject: 'Ana Ruiz and Li Wei both said'
    while taken and taken[0][2].lower() in _TRAILING:
        taken.pop(0)  # nor ends with one: 'Police at first told' is the police
    taken = _with_modifiers(tokens, taken, max(floor, end - 160) == floor)
    # a phrase of modifiers alone ("the", "former") is no source, except "one"/"another"
    if not taken or not (headed or any(_head_like(w) for _, _, w in taken)):
        return None
    if not _sound_phrase([w for _, _, w in reversed(taken)]):
        return None
    start, stop = taken[-1][0], taken[0][1]
    return _joined(text, Phrase(start, stop, text[start:stop]), floor)


# A company's legal form, written after its name and a comma ('Summit Entertainment, LLC').
_LEGAL_FORMS = frozenset("llc inc inc. ltd ltd. corp corp. plc llp gmbh".split())
_COMMA_BEFORE = re.compile(r",\s*$")
# A group named after its leader ('Ana Ruiz and her deputies').
_AND_THEIR_BEFORE = re.compile(r"\band\s+(?:his|her|their|its)\s+$")


def _joined(text: str, phrase: Phrase, floor: int) -> Phrase | None:
    """``phrase`` with what the walk back stopped at but belongs to it: the name before a legal
    form ("LLC" alone names no one) and the person before 'and her deputies'."""
    window = max(floor, phrase.start - 12)
    if phrase.text.lower() in _LEGAL_FORMS:
        comma = _COMMA_BEFORE.search(text, window, phrase.start)
        name = phrase_before(text, comma.start(), floor) if comma else None
        if name is None or not name.text[:1].isupper():
            return None
        return Phrase(name.start, phrase.end, text[name.start:phrase.end])
    joint = _AND_THEIR_BEFORE.search(text, window, phrase.start)
    leader = phrase_before(text, joint.start(), floor) if joint else None
    if leader is None or not leader.text[:1].isupper() or leader.text.lower() in PRONOUNS:
        return phrase
    return Phrase(leader.start, phrase.end, text[leader.start:phrase.end])


def _without_possessive(word: str) -> str:
    """A possessive noun before the head without its ending ("the family's attorneys")."""
    return word.removesuffix("’s").removesuffix("'s")


def _lowercase_word(word: str) -> bool:
    """A lowercase word, hyphenated or not ('vice-presidential', 'well-known'): a modifier
    may be a compound."""
    return all(part.isalpha() for part in word.split("-")) and word.islower()


# Plural nouns for unnamed groups that news opens with lowercase modifiers ('human rights groups').
_MODIFIED_HEADS = frozenset(w for w in PERSON_NOUNS if w.endswith("s")) | {"groups", "organizations"}
# Words after which a new clause, and so a new subject, begins.
_BOUNDARY_WORDS = frozenset("and but where while as although though because whereas".split())


def _with_modifiers(tokens: list[tuple[int, int, str]], taken: list[tuple[int, int, str]],
                    at_floor: bool) -> list[tuple[int, int, str]]:
    """``taken`` (right to left) with up to two lowercase modifiers before a plural group head
    that opens a clause: '..., and human rights groups warned', 'where restructuring experts
    say', ', elected officials from both parties say'. A general news pattern: unnamed groups
    are described by what they do or where they stand, in lowercase words. The modifiers count
    only when a clause boundary (punctuation, a conjunction, the window start) comes before them,
    so a verb's object is never taken ('the plan hurt rural voters, who said')."""
    if not taken or taken[-1][2] not in _MODIFIED_HEADS:
        return taken
    j = tokens.index(taken[-1]) - 1
    run: list[tuple[int, int, str]] = []
    while j >= 0 and len(run) < 2 and tokens[j][2].isalpha() and tokens[j][2].islower() and (
            tokens[j][2] not in CLAUSE_OPENERS | _AUXILIARY_VERBS | _BOUNDARY_WORDS) and not (
            run and tokens[j][2].endswith("ing")):
        run.append(tokens[j])  # 'striking workers', never 'causing environmental groups'
        j -= 1
    if not run:
        return taken
    boundary = (j < 0 and at_floor) or (j >= 0 and (
        not tokens[j][2][0].isalnum() or tokens[j][2].lower() in _BOUNDARY_WORDS
        or tokens[j][2].islower() and tokens[j][2].endswith("ing")))  # 'causing environmental groups to charge'
    return taken + run if boundary else taken


# Adverbs that sit between a subject and its verb in news prose ('Clinton now says').
_ADVERBS = frozenset(
    """now often further also still then later never always again once first finally already
    even just only long since soon repeatedly""".split()
)


# Participles that open a dateline or a label ('Posted: 04/9/2012', 'Published May 05, 2010'), and
# auxiliary participles that open a participle clause ('Having said that', 'Being a lawyer').
_DATELINE_WORDS = frozenset("posted published updated filed having being".split())
_LOWERCASE_WORDS = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")


def opener_not_name(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` opens its sentence as an adverb or a participle,
    not as a name: 'Typically, ...', 'Ironically Nichols had ...', 'Having said that, ...',
    'Expected to contend ...', 'Chastened by the analyses, ...', 'First implemented by ...'.
    Any word is capitalised at a sentence start, so a word there is read by its form: an adverb
    ('first', '-ly') or a participle ('-ing', '-ed') that the text also writes in lowercase, or
    that a comma, 'by' or 'to' follows (the way a participle phrase opens a sentence). A short
    word ('King', 'Ted') and a word never written in lowercase ('Kelly said') stay names."""
    match = re.compile(r"[A-Z][a-z]+").match(text, start)
    if match is None:
        return False
    before = text[max(0, start - 3):start].rstrip(" ")
    if before and before[-1] not in ".!?\n“\"(":
        return False  # inside a sentence a capitalised word is a name
    word = match.group().lower()
    if word in (_ADVERBS - {"long"}) | FOCUS_ADVERBS | _DATELINE_WORDS:  # 'Long' is also a surname
        return True
    if len(word) <= 5 or not word.endswith(("ly", "ing", "ed")) or word in _NOT_ADVERBS:
        return False
    follows = re.match(r"\s*(?:,|by\b|to\b)", text[match.end():match.end() + 4]) is not None
    return follows or word in _lowercase_words(text) or (
        len(word) >= 7 and word.endswith(_ADVERB_ENDINGS))  # 'Ironically Nichols'; 'Kimberly' stays


# Endings only adverbs have among words of seven letters or more ('ironically', 'reportedly',
# 'obviously'); names that end in -ly are shorter or end otherwise ('Kimberly', 'Beverly').
_ADVERB_ENDINGS = ("ically", "ally", "ously", "ately", "ively", "ently", "antly", "edly", "ingly")


@lru_cache(maxsize=4)
def _lowercase_words(text: str) -> frozenset[str]:
    """Every word the text writes in lowercase, read once per text."""
    return frozenset(_LOWERCASE_WORDS.findall(text))


_NOT_ADVERBS = frozenset({"family", "ally", "italy", "assembly"})


def _is_adverb(word: str) -> bool:
    return word.islower() and (word in _ADVERBS or len(word) > 4 and word.endswith("ly")
                               and word not in _NOT_ADVERBS)


# Verb forms that end a clause's subject: the cue after them is not the subject's own verb.
_AUXILIARY_VERBS = frozenset(
    """is was were are be been being has have had do does did will would can could should may
    might must shall of and or which that who whom""".split()
)


# A source's verb and a quantity before a cue used as a noun: 'Trump unleashed a flurry of
# tweets', 'the ministry issued a series of statements'. News reports a burst of statements this
# way; the source is the verb's subject.
_BURST = re.compile(
    r"\s+\w+ed(?:\s+off|\s+out)?\s+an?\s+(?:flurry|series|string|barrage|stream|volley|spate|"
    r"round|torrent|pair)\s+of\s*$"
)

_WEEKDAYS = frozenset(WEEKDAYS)
_MONTHS = frozenset(MONTHS)
_TIME_WORDS = _WEEKDAYS | {"morning", "afternoon", "evening", "night", "week", "month", "year",
                           "yesterday", "today", "tonight"}


def _named_time(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a capitalised time word other than a weekday ends a name ('USA Today', 'Good
    Morning America'): it follows a capitalised word."""
    word = tokens[i][2]
    return word[:1].isupper() and word.lower() not in _WEEKDAYS and i > 0 and tokens[i - 1][2][:1].isupper()


def _before_time(tokens: list[tuple[int, int, str]]) -> int:
    """The index of the last token before a time expression that ends the window ('David
    Axelrod on Wednesday said', 'Ana Ruiz last week argued'): news puts the day between the
    source and the cue, and it is no part of the source."""
    last = len(tokens) - 1
    if last >= 2 and re.fullmatch(r"(?:19|20)\d\d", tokens[last][2]) and tokens[last - 1][2] == "in":
        return last - 2  # 'an arbitration panel in 2001 found': the year is no part of the source
    month = last - 1 if last >= 1 and re.fullmatch(r"\d{1,2}|(?:19|20)\d\d", tokens[last][2]) else last
    if month >= 1 and tokens[month][2].lower() in _MONTHS and tokens[month][2][:1].isupper():
        opener = month - 1 if tokens[month - 1][2] in {"early", "late", "mid"} else month
        if opener >= 1 and tokens[opener - 1][2] in {"in", "since", "during"}:
            return opener - 2  # 'The Indian Navy in November said': the month is no part of the source
    i = last
    while i >= 0 and tokens[i][2].lower() in _TIME_WORDS and not _named_time(tokens, i):
        i -= 1
    if i == last or not any(t[2].lower() in _WEEKDAYS | {"yesterday", "today", "tonight"}
                            or t[2].lower() in {"week", "month", "year", "morning", "afternoon", "evening", "night"}
                            and tokens[i][2].lower() in {"last", "this"}
                            for t in tokens[i + 1:]):
        return last
    if i >= 0 and tokens[i][2].lower() in {"on", "last", "this", "late", "early"}:
        i -= 1
    return i


def _joins_phrase(word: str, right: str) -> bool:
    """Whether a clause word may sit inside a source phrase, given the word to its right:
    'and' between names ('Mr. Grassley and Mr. Leahy'), 'on'/'in' before a name or 'the'
    ('the Commission on Presidential Debates', 'supporters in Congress') and a possessive after
    'of' ('many of his supporters')."""
    if word == "and":
        return True
    if word in {"on", "in"}:
        return right[:1].isupper() or right == "the"
    return word in {"his", "her", "their", "its"}


def _verb_like(word: str) -> bool:
    """Whether the word just before a cue is a verb or a joint, not the head of its subject
    ('Mr. Quiros was accused', 'Trump unleashed a flurry of tweets', 'the city and said')."""
    return word in _AUXILIARY_VERBS or word in CLAUSE_OPENERS or (
        len(word) > 4 and word.endswith("ed") and not word.endswith("eed"))


# Nouns for a share of a group: 'A majority of voters', 'a handful of aides'. The group speaks.
SHARE_NOUNS = frozenset(
    """majority minority plurality third quarter fifth handful dozen dozens hundreds thousands
    millions share""".split()
)

# Words that may stand before "of" in a source phrase: "one of the aides", "the head of".
_PARTITIVES = frozenset(
    """one two three four five some many most several few all each none both any half
    head chief members number group leader leaders spokesman spokeswoman""".split()
) | SHARE_NOUNS


def _sound_phrase(words: list[str]) -> bool:
    """Whether a source phrase reads as one noun phrase headed by a source.

    General news patterns: the phrase never ends in a conjunction ("Charlotte and said") or a
    bare number ("Twenty-seven states ..."); and a lowercase word before "of" must be a source, a
    quantity ("one of the aides") or a body a name follows ("the city of Phoenix"), else the
    phrase is about something else ("the interests of member states").
    """
    last = words[-1]
    if last.lower() in {"and", "or"} or last[:1].isdigit() or last.lower() in _NUMBER_WORDS:
        return False
    for i, (before, word) in enumerate(pairwise(words)):
        named = i + 2 < len(words) and words[i + 2][:1].isupper()  # 'the city of Phoenix'
        if word == "of" and before.lower() in SHARE_NOUNS and not _head_like(words[-1]):
            return False  # a share of a thing ('the majority of the bill') is no source
        if word == "of" and before.islower() and not (
                before in _PARTITIVES or _head_like(before) or before in MODIFIERS or named):
            return False
    return True


_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands""".split()
) | {f"{t}-{u}" for t in ("twenty", "thirty", "forty", "fifty", "sixty")
     for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}


def _head_like(word: str) -> bool:
    bare = word.rstrip(".").removesuffix("’s").removesuffix("'s")
    lower = bare.lower()
    return bare[:1].isupper() or lower in PERSON_NOUNS | DOCUMENT_NOUNS | ROLE_NOUNS


def _describes_name(tokens: list[tuple[int, int, str]], i: int, taken: list[tuple[int, int, str]]) -> bool:
    """Whether the lowercase word ``tokens[i]`` belongs to a description that a name follows
    within two words, before any capitalised word is taken ('9/11 widow Terry Strada', 'longtime
    party activist Ana Ruiz'): news describes a source before naming them. Never after a name
    ('Ana Ruiz visited Paris'; a capitalised modifier before it is no name: 'Former', 'Democratic'),
    never a verb or a clause word."""
    word = tokens[i][2]
    if not (word.isalpha() and word.islower()) or word in CLAUSE_OPENERS or _verb_like(word) or any(
            w[:1].isupper() and w.lower() not in MODIFIERS for _, _, w in taken):
        return False  # a capitalised modifier may come first: 'Democratic presidential nominee Hillary Clinton'
    return any(w[:1].isupper() for _, _, w in tokens[i + 1:i + 3])


# Words that count a group without naming it: a phrase of them alone ('Several') needs its head.
_QUANTIFIERS = frozenset("several some many most few both all other".split())


def _plural_head(tokens: list[tuple[int, int, str]], i: int) -> list[tuple[int, int, str]] | None:
    """The one or two lowercase words from ``tokens[i]`` that end in a plural noun ('environmental
    groups' after 'Several'), or None: a quantifier's head ('Several environmental groups said')."""
    run = []
    for token in tokens[i:i + 2]:
        word = token[2]
        if not (word.isalpha() and word.islower()) or word in CLAUSE_OPENERS or _verb_like(word):
            break
        run.append(token)
        if word.endswith("s") and not word.endswith("ss"):
            return run
    return None


def phrase_after(text: str, start: int, ceiling: int, max_words: int = 9) -> Phrase | None:
    """The source phrase that starts at ``start`` (just after a cue: '"...," said Jamie Shea')."""
    taken: list[tuple[int, int, str]] = []
    tokens = _tokens(text, start, ceiling)
    for i, token in enumerate(tokens):
        if len(taken) < max_words and not _source_token(token[2]) and _describes_name(tokens, i, taken):
            pass  # a lowercase word of a description before the name ('9/11 widow Terry Strada')
        elif taken and taken[-1][2] == "No." and token[2].rstrip(".").isdigit():
            pass  # a number after 'No.' names one of a group: 'Juror No. 8'
        elif len(taken) >= max_words or not _source_token(token[2]):
            if not taken and token[2].lower() in PRONOUNS:
                taken.append(token)
            break
        taken.append(token)
    while taken and taken[-1][2].lower() in {"of", "for", "at", "the", "a", "an"}:
        taken.pop()
    if taken and all(w.lower() in _QUANTIFIERS for _, _, w in taken):
        head = _plural_head(tokens, tokens.index(taken[-1]) + 1)
        if head is None:
            return None  # 'Several' cut from 'Several environmental ...': no source
        taken.extend(head)
    if not taken or not any(_head_like(w) or w.lower() in PRONOUNS for _, _, w in taken):
        return None
    s, e = taken[0][0], taken[-1][1]
    if text[e - 1] == "." and not is_abbreviation(text, e - 1):
        e -= 1  # the sentence's period, not part of the name ('... said Lena Okafor.')
    return Phrase(s, e, text[s:e])


def head_like(word: str) -> bool:
    """Whether ``word`` may head a source phrase: a name, or a person, document or role noun."""
    return _head_like(word)


def verb_like(word: str) -> bool:
    """Whether ``word`` reads as a verb or a clause joint, never part of a source phrase."""
    return _verb_like(word)


# A clause that opens the sentence and is not its main clause: 'Although Trump has admitted
# using the tax code, he does not defend it', 'While a judge found that A, his decision was ...'.
_SUBORDINATE = re.compile(r"(?:Although|Though|While|When|If|As|Because|After|Before|Since|Once|"
                          r"Whereas|Even\s+though)\s+[^,;:“”\"]*$")
# Where the main clause starts after it: a comma, then its subject.
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:he|she|they|it|its|his|her|their|the|this|[A-Z][\w’'-]*)\b)")


def subordinate_end(text: str, sentence_start: int, source_start: int, begin: int, end: int) -> int:
    """Where reported content ends when its source sits in a clause that opens the sentence with
    a subordinator ('Although X has admitted A, he does not defend it'): at the comma before
    the main clause's subject, the writer's own words. When a comma stands between the
    subordinator and the source ('When she arrived, Ana Ruiz said A, B'), the source is in the
    main clause and the content runs on."""
    if _SUBORDINATE.match(text, sentence_start, source_start) is None:
        return end
    main = _MAIN_CLAUSE.search(text, begin, end)
    return main.start() if main else end
