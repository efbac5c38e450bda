"""People the article names: who a pronoun speaker is, and one name per speaker within an article.

``person_mentions`` finds where the article names a person; ``SpeakerResolver`` turns a pronoun
speaker ("he", "she", "they") into the person or group the article last named in that role, or
into None (unknown) when it named none; ``merge_names`` gives every speaker of an article one name: "SEACOM" and "Seacom",
"Putin" and "Vladimir Putin", "the Geological Survey" and "the United States Geological Survey".
Both follow how news names people and bodies: in full at first mention, by surname or a short
form after that.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.core.models import Speaker
from briefing.offline.cues import OWNER_PRONOUNS, SPEECH_VERBS
from briefing.offline.phrases import (
    CLAUSE_OPENERS,
    DOCUMENT_NOUNS,
    FOCUS_ADVERBS,
    PERSON_NOUNS,
    ROLE_NOUNS,
)
from briefing.offline.sourcing import (
    ORGANISATION_WORDS,
    TITLES,
    gender,
    is_person_like,
    is_pronoun,
)
from briefing.text.sentences import Sentence

# Honorifics a news article puts before a surname; they are no part of the name when comparing.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame".split())
_DETERMINERS = frozenset("the a an".split())
_BARE_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS) | {"sen", "rep", "gov", "gen"}
# Capitalised words that open a sentence or name a time, never a person's first name.
_NOT_NAMES = CLAUSE_OPENERS | FOCUS_ADVERBS | frozenset(
    """at by for from with of to into about after before during under over this these those
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    posted published updated filed""".split())  # 'Published May 05, 2010': a dateline, no name
# Verbs of saying, capitalised in a headline before a name ('Say Mexico', 'Warns Trump'): never
# a first name, so no part of a name.
_VERBS = frozenset(SPEECH_VERBS)
# Head nouns that name a kind of body, not one body: a short name made only of them is not merged.
_GENERIC = ORGANISATION_WORDS | DOCUMENT_NOUNS | TITLES
# Words that open a capitalised run without being a first name ('President', 'The', 'Monday').
_NOT_FIRST_NAMES = TITLES | _DETERMINERS | _NOT_NAMES | _BARE_HONORIFICS | _VERBS
# Last words that make a capitalised run a body or a document, not a person.
_BODY_WORDS = ORGANISATION_WORDS | DOCUMENT_NOUNS

_NAME = re.compile(r"(?<![\w’'.-])[A-Z][a-z][\w’'-]*(?:\s+(?:[A-Z]\.\s*)*[A-Z][a-z][\w’'-]*)*")
_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")


@dataclass(frozen=True)
class Mention:
    """A person named in the article: ``name`` at ``position``, ``gender`` "he"/"she" when an
    honorific says so."""

    position: int
    name: str
    gender: str | None = None


_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")


def _surname_counts(text: str) -> Counter[str]:
    """How often each capitalised word stands alone: no capitalised word or initial either side,
    and, at a sentence's start (where any word is capitalised), only a word the text never
    writes in lowercase ('Dickey was born there', never 'Police said' beside 'the police')."""
    counts: Counter[str] = Counter()
    words = _TOKEN.findall(text)
    lowercase = {w for w in words if w.islower()}
    for i, token in enumerate(words):
        word = token.removesuffix("’s").removesuffix("'s").rstrip(".")
        if not word[:1].isupper():
            continue
        before = words[i - 1] if i else "."
        after = words[i + 1] if i + 1 < len(words) else ""
        opens = before[-1:] in ".!?“\""  # at a sentence start: a name only if never written lowercase
        if before[:1].isupper() or after[:1].isupper() or opens and word.lower() in lowercase:
            continue
        counts[word] += 1
    return counts


# A description set off after a name ('Amira Haddad, a teacher,'): news introduces people so.
_APPOSITION = re.compile(r",\s+an?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*,")
# An office after a name ('John Dickey, the chief executive of Ora Media'): its last lowercase
# word names a person, so the name is a person's, not a place's ('Paris, the capital of France').
_OFFICE_APPOSITION = re.compile(r",\s+the\s+(?:[a-z][\w-]*\s+){0,3}(?P<noun>[a-z][\w-]*)\b"
                                r"(?=\s*(?:[,;.]|--|[—–]|\s(?:of|at|for|in|to)\b))")


def _described(text: str, end: int) -> bool:
    """Whether the name that ends at ``end`` is described as a person right after it."""
    if _APPOSITION.match(text, end) is not None:
        return True
    office = _OFFICE_APPOSITION.match(text, end)
    return office is not None and office.group("noun") in PERSON_NOUNS | ROLE_NOUNS

# A name right after a preposition is an object ('an interview with Ana Ruiz'), not a subject.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|to|for|by|against|of|about|from|at|on|in|into|under|over|than|like|between|"
    r"among|toward|towards|behind|before|after|during|without|including)\s+(?:the\s+)?$",
    re.IGNORECASE)


def person_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """The first person each sentence names outside a prepositional phrase, in text order: its
    likely subject.

    A person is a name after an honorific or a title ("Mr. Okafor", "President Barack Obama"),
    or a name described by an apposition ("Amira Haddad, a teacher,"), or a full name of two to
    four capitalised words whose last word the article also uses alone
    (news calls a person by surname after the first mention; places and bodies are not called by
    their last word: "New York" is never "York"). Names that end in an organisation word ("the
    Harbor Commission") are no persons.
    """
    alone = _surname_counts(text)
    surnames: set[str] = set()
    found: list[Mention] = []
    for sentence in sentences:
        candidates: list[Mention] = []
        for match in _HONORIFIC_NAME.finditer(text, sentence.start, sentence.end):
            honorific = text[match.start():match.start("name")].lower()
            gender = "she" if honorific.startswith(("mrs", "ms")) else (
                "he" if honorific.startswith("mr") else None)
            name = match.group("name").removesuffix("’s").removesuffix("'s")  # "Mr. Trump’s plan": Trump
            candidates.append(Mention(match.start(), name, gender))
        for match in _NAME.finditer(text, sentence.start, sentence.end):
            words = [w.removesuffix("’s").removesuffix("'s") for w in match.group().split()]
            while words and words[0].lower() in _NOT_FIRST_NAMES:
                words.pop(0)
            if not words or words[-1].lower() in _BODY_WORDS:
                continue
            titled = len(words) < len(match.group().split()) or _described(text, match.end())
            if 2 <= len(words) <= 4 and alone[words[-1]] > 0 or titled or words[-1] in surnames:
                candidates.append(Mention(match.start(), " ".join(words)))
        for mention in sorted(candidates, key=lambda m: m.position):
            surnames.add(mention.name.split()[-1])
        subjects = [m for m in sorted(candidates, key=lambda m: m.position)
                    if not _AFTER_PREPOSITION.search(text, sentence.start, m.position)]
        if subjects:
            found.append(subjects[0])
    return found


def learn_genders(mentions: Sequence[Mention]) -> dict[str, str]:
    """The gender of each surname the article puts after a gendered honorific ("Mrs. Clinton"
    makes every "Clinton" of the article "she"); a surname with both honorifics is left out.

    The pronouns around a name are no guide: "Warren grilled Stumpf over his bank" uses "his"
    for Stumpf; measured on news, learning from them misgendered more speakers than it fixed.
    """
    votes: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.gender:
            votes.setdefault(mention.name.split()[-1], set()).add(mention.gender)
    return {name: found.pop() for name, found in votes.items() if len(found) == 1}


_HONORIFICS_AND_ARTICLES = HONORIFICS | _DETERMINERS


def _key(name: str) -> tuple[str, ...]:
    """The words of a name that identify it: lower-cased, no honorific, article or initial."""
    words = [w.lower().rstrip(",") for w in name.replace("’s", "").replace("'s", "").split()]
    return tuple(w for w in words if w not in _HONORIFICS_AND_ARTICLES)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _display(forms: list[str]) -> str:
    """The form to show among case variants: the first that is not all capitals."""
    return next((f for f in forms if not f.isupper()), forms[0])


def merge_names(speakers: Iterable[Speaker], longer: Iterable[str] = ()) -> dict[str, str]:
    """Map each named speaker's name to the one name the article knows it by.

    Case variants are one name ("SEACOM" is "Seacom", shown as the first form not in capitals).
    A shorter name whose words, without honorific or article, are a subsequence of one longer
    name the article uses, ending with the same word, is that longer name ("Putin" and "Mr. Putin"
    are "Vladimir Putin"; "the Geological Survey" is "the United States Geological Survey"). When
    two longer names fit ("Clinton": "Hillary Clinton", "Bill Clinton") the short name is kept.
    A name of generic words ("the House", "the poll") is kept, unless written bare like a surname
    ("White" is "Terry White"), and then only a name with a word of its own takes it ("House" is
    not "the White House").
    ``longer`` adds names the article uses outside attributions (``person_mentions``). Anonymous
    speakers ("officials") are never merged.
    """
    forms: dict[tuple[str, ...], list[str]] = {}
    for name in [s.name for s in speakers if not s.anonymous] + list(longer):
        if is_pronoun(name):
            continue
        key = _key(name)
        if key and name not in forms.setdefault(key, []):
            forms[key].append(name)
    keys = list(forms)
    mapping: dict[str, str] = {}
    for key, names in forms.items():
        generic = all(w in _GENERIC for w in key)
        if generic and not all(_bare(name) for name in names):
            continue  # 'the House' is not 'the White House'; 'the poll' stays as written
        fits = [k for k in keys if len(k) > len(key) and k[-1] == key[-1] and _subsequence(key, k)
                and _one_name(k) and not (generic and all(w in _GENERIC for w in k))]
        widest = [k for k in fits if not any(k != other and _subsequence(k, other) for other in fits)]
        target = widest[0] if len(widest) == 1 else key
        for name in names:
            mapping[name] = _display(forms[target])
    return mapping


def _bare(name: str) -> bool:
    """A name written as a surname is: capitalised words, no article ("White" for "Terry White",
    where "the White House" is a body)."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not _DETERMINERS.intersection(
        w.lower() for w in words)


def _one_name(key: tuple[str, ...]) -> bool:
    """Whether a longer name may stand for a shorter one: it names one person or body, not two
    ('Mr. King and Mr. Schultz' is not Mr. Schultz), and no verb or clause word opens it (a
    headline fragment such as 'Say Mexico' is not Mexico)."""
    return "and" not in key and key[0] not in _VERBS | _NOT_NAMES


def _is_group(speaker: Speaker) -> bool:
    """Whether "they" may stand for ``speaker``: a group of people ("officials", "Democrats") or
    a body ("the campaign", "the Harbor Commission")."""
    words = speaker.name.split()
    last = words[-1].lower().rstrip(".,") if words else ""
    return speaker.anonymous or speaker.name.endswith("s") or last in ORGANISATION_WORDS


def _owned_by(speaker: Speaker, pronoun: str) -> bool:
    """Whether ``speaker`` is described as someone's, by the pronoun's possessive ('Her agent,
    Mark Roesler, said'): the agent is not the "she" whose agent he is."""
    role = (speaker.role or "").split()
    return bool(role) and OWNER_PRONOUNS.get(role[0].lower()) == pronoun


class SpeakerResolver:
    """Resolves pronoun speakers, in article order, to the person or group named before them.

    "he"/"she" stands for the person the article last named as a speaker (of a fitting gender),
    or, when no speaker fits, the person last named as a sentence's first person
    (``person_mentions``) in an earlier sentence. "they" stands for the
    latest earlier group or body that spoke, never someone known as "he" or "she" ("Mr.
    Sanders"). With no such antecedent the speaker is unknown and
    ``resolve`` returns None: an unresolved "he" is never a speaker.
    """

    def __init__(self, mentions: Sequence[Mention] = (), genders: dict[str, str] | None = None) -> None:
        self._seen: list[tuple[int, Speaker]] = []
        self._mentions = sorted(mentions, key=lambda m: m.position)
        self._positions = [m.position for m in self._mentions]
        self._genders = genders or {}

    def _gender(self, name: str, known: str | None) -> str | None:
        words = name.replace("’s", "").replace("'s", "").split()
        return known or (self._genders.get(words[-1]) if words else None)

    def _mentioned(self, before: int, wanted: str, *, after: int = -1,
                   known: bool = False) -> tuple[int, Speaker] | None:
        """The latest person named before ``before`` (and after ``after``) who may be "he"/"she";
        with ``known``, only one whose gender is known to be that."""
        for i in range(bisect_left(self._positions, before) - 1, -1, -1):
            mention = self._mentions[i]
            if mention.position <= after:
                break
            if self._gender(mention.name, mention.gender) in ({wanted} if known else {None, wanted}):
                return mention.position, Speaker(name=mention.name, anonymous=False)
        return None

    def resolve(self, speaker: Speaker, at: int, sentence_start: int | None = None) -> Speaker | None:
        """The speaker a pronoun at ``at`` stands for (``speaker`` itself when it is no pronoun,
        remembered as an antecedent); None when the pronoun has no antecedent.

        "he"/"she" takes the latest earlier speaker that fits (the person last named in that
        role); with no fitting speaker, the latest person named (as a sentence's first person) in
        an earlier sentence: 'President Ana Ruiz toured the plant. She said ...'. A person named
        earlier in the pronoun's own sentence ('After meeting Ruiz, he said') is no antecedent. A
        speaker of unknown gender yields to a person named after them whose gender fits ('Ana
        Ruiz said A. Ms. Lopez toured the plant. She said B' is Ms. Lopez's B).
        A person's gender comes from an honorific ("Mr.", "Ms.") or a gendered noun, else from
        ``genders`` (``learn_genders``: the pronouns the article uses for that surname).
        """
        if speaker.name.lower() in {"another", "one", "a second", "a third", "a fourth"}:
            for _, earlier in reversed(self._seen):
                if earlier.anonymous and len(words := earlier.name.split()) > 1:
                    noun = words[-1].removesuffix("s") if words[-1].endswith("s") else words[-1]
                    speaker = speaker.model_copy(update={"name": f"{speaker.name} {noun}"})
                    break
        if not is_pronoun(speaker.name):
            self._seen.append((at, speaker))
            return speaker
        wanted = speaker.name.lower()
        found: tuple[int, Speaker] | None = None
        for position, earlier in reversed(self._seen):
            fits = (_is_group(earlier) and self._gender(earlier.name, gender(earlier)) is None) if wanted == "they" else (
                is_person_like(earlier) and self._gender(earlier.name, gender(earlier)) in {
                    None, wanted} and not _owned_by(earlier, wanted))
            if fits and position <= at:
                found = (position, earlier)
                break
        before = at if sentence_start is None else sentence_start
        if found is not None and wanted != "they" and self._gender(found[1].name, gender(found[1])) is None:
            # a speaker of unknown gender yields to a person named since who is known to fit
            found = self._mentioned(before, wanted, after=found[0], known=True) or found
        if found is None and wanted != "they":
            found = self._mentioned(before, wanted)
        if found is None:
            return None
        return found[1].model_copy(update={"via": speaker.via or found[1].via})
