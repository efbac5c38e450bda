"""Sourcing: turn a source phrase into a ``Speaker`` and ``Channel``, and judge what it names.

Who said it (name and role), whether the article names them (anonymous diplomats, "a source",
officials), and how it reached the article (``told AFP``, ``AFP, citing diplomats``, a report).
The phrase itself is found by ``briefing.offline.phrases``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.core.models import Channel, Speaker
from briefing.offline.cues import CLAUSE_AHEAD, CUE, PRONOUNS
from briefing.offline.phrases import (
    CLAUSE_OPENERS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SHARE_NOUNS,
    opener_not_name,
    phrase_before,
    verb_like,
)
from briefing.quantities.dates import MONTHS, WEEKDAYS

# Titles that precede a name and belong to the role ("President Trump", "Secretary of State").
TITLES = frozenset(
    """president secretary state minister prime foreign defense defence senator sen. rep. del.
    representative gov. governor chancellor mayor general gen. attorney vice speaker leader
    chairman chairwoman chair director chief ambassador judge justice commissioner pope king
    queen prince former senior deputy acting republican democratic democrat gop candidate
    nominee spokesman spokeswoman professor prof. lt. col. sgt. adm. admiral colonel captain
    majority minority house senate white ceo cfo coo gm coach manager executive""".split()
)

# Outlets and wire services whose reporting an article relays.
OUTLETS = frozenset(
    """afp reuters ap bloomberg cnn bbc nbc cbs abc fox msnbc politico axios tass ria xinhua
    dpa efe ansa interfax""".split()
)
OUTLET_SUFFIXES = ("Times", "Post", "Journal", "News", "Press", "Agency", "Herald", "Tribune",
                   "Guardian", "Telegraph", "Gazette", "Magazine", "TV", "Radio", "Wire")


def is_outlet(name: str) -> bool:
    """Whether ``name`` looks like a news outlet or wire service ("AFP", "The New York Times")."""
    words = name.split()
    return bool(words) and (name.lower().removeprefix("the ") in OUTLETS
                            or (words[0][0].isupper() and words[-1] in OUTLET_SUFFIXES))


def is_pronoun(name: str) -> bool:
    return name.lower() in PRONOUNS


# Words that open coordinated names without being one ('Both Mr. King and Mr. Schultz').
_COORDINATORS = frozenset({"Both", "Either", "Neither"})


def _split_role(words: list[str]) -> tuple[str | None, list[str]]:
    """Split "Former NATO official Jamie Shea" into the role and the name words."""
    if len(words) > 3 and words[0] in _COORDINATORS and "and" in words[2:]:
        words = words[1:]  # 'Both Mr. King and Mr. Schultz': the two named, without 'Both'
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] == "and" and i < len(words)
                     and i > 1 and words[i - 2][:1].isupper()):
        i -= 1  # 'Mr. King and Mr. Schultz' are named together, 'and' and all
    name = words[i:]
    role = words[:i]
    while len(name) > 1 and name[0].lower().rstrip(",") in TITLES and name[-1].lower() not in ORGANISATION_WORDS:
        role.append(name.pop(0))  # "President Trump", never "Justice" of the "Justice Department"
    titled = [k for k, w in enumerate(name[:-2]) if w.lower().rstrip(",") in TITLES]
    if "and" in name:
        joined, name = _split_roles(role, name)
        role = joined.split() if joined else []
    elif titled and name[-1].lower() not in ORGANISATION_WORDS:  # "Santa Monica Chief Deputy City Attorney Terry White"
        role += name[:titled[-1] + 1]
        name = name[titled[-1] + 1:]
    if not name or all(w.lower() in {"the", "a", "an"} for w in role):
        return None, words  # no role words, only determiners: the whole phrase is the name
    if role and (role[-1] in _PREPOSITIONS or len(role) > 1 and role[-1] == "the" and role[-2] in _PREPOSITIONS):
        # 'Republicans in Congress': the name is the preposition's object; 'Secretary of the
        # Interior Dirk Kempthorne' is one name, never 'Interior Dirk Kempthorne'
        return None, words
    return " ".join(role), name


def _split_roles(role: list[str], name: list[str]) -> tuple[str | None, list[str]]:
    """Coordinated names, each split from its own title ('Interior Secretary Ken Salazar and
    Commerce Secretary Gary Locke' are Ken Salazar and Gary Locke); a title word between two
    names is never split across 'and' ('Mr. King and Mr. Schultz')."""
    parts: list[list[str]] = [[]]
    for word in name:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    if any(not part for part in parts):
        return (" ".join(role) or None), name
    split = [_split_role(part) for part in parts]
    roles = role + [" and ".join(r for r, _ in split if r)] if any(r for r, _ in split) else role
    names = " and ".join(" ".join(words) for _, words in split).split()
    return (" ".join(roles) or None), names


_PREPOSITIONS = frozenset("in of for at from on with to".split())
_INTENSIFIERS = frozenset("himself herself itself themselves".split())
_PHRASE_END = frozenset("of for at by in on to with from the a an and or".split())


# When it was said, at a phrase's end ('three societies today', 'officials on Monday', 'aides last
# week'): no part of a name. Only lowercase words and a weekday after a lowercase word count, so
# 'USA Today' and 'Joe Friday' stay.
_TIME_END = frozenset("today yesterday tonight".split())
_WEEKDAY_NAMES = frozenset(d.capitalize() for d in WEEKDAYS)


def _time_at_end(words: list[str]) -> int:
    """How many words at the end of ``words`` say when, not who (0 when none)."""
    last = words[-1].rstrip(",")
    if last in _TIME_END or last in _WEEKDAY_NAMES and words[-2][:1].islower():
        return 1
    if last in {"week", "month", "year", "night"} and words[-2] in {"last", "this"} and len(words) > 2:
        return 2
    return 0


def _noun_phrase(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[-1].lower() in _INTENSIFIERS:
        words.pop()  # 'DeGeneres herself announced': DeGeneres
    while len(words) > 1 and (words[-1].lower().rstrip(",") in _PHRASE_END or _time_at_end(words)):
        del words[len(words) - max(1, _time_at_end(words)):]
    trimmed = " ".join(words)
    if ", " in trimmed and words[-1].islower() and words[-1].endswith("ed"):
        trimmed = trimmed.split(", ")[0]
    return trimmed


_PREPOSITIONS = frozenset("in of for at from on with to".split())


def _head_index(words: list[str]) -> int:
    """Where the phrase's head noun is: the last word, or the lowercase noun before a
    preposition ('advisers to Mr. Obama', 'a spokeswoman for Ana Ruiz': advisers, spokeswoman)."""
    for k in range(1, len(words) - 1):
        if words[k] == "of" and words[k - 1].lower() in SHARE_NOUNS:
            continue  # 'A majority of voters': the voters head it
        if words[k] in _PREPOSITIONS:
            return k - 1 if words[k - 1].islower() else len(words) - 1
    return len(words) - 1


def parse_speaker(phrase: str, *, via: str | None = None, role: str | None = None) -> Speaker:
    """Build a ``Speaker`` from a source phrase; an unnamed head noun makes it anonymous.

    The name ends where the noun phrase ends: trailing prepositions, articles and conjunctions
    are dropped, and a phrase that runs past a comma into a passive ('The Associated Press, real
    estate records obtained by') keeps only its part before the comma.
    """
    phrase = _noun_phrase(phrase)
    words = phrase.split()
    at = _head_index(words)
    head = words[at].lower().rstrip(".,") if words else ""
    # "Diplomats said" at a sentence start is as anonymous as "diplomats said"
    anonymous = head in PERSON_NOUNS and (not words[at][:1].isupper() or len(words) == 1) or (
        head in {"one", "another"})
    if anonymous:
        return Speaker(name=phrase, role=role, anonymous=True, via=via)
    if (owned := _OWNER_PERSON.match(phrase)) is not None and _a_body(owned.group("owner")) and (
            speaker := _person_of_body(owned.group("name"), owned.group("owner"), ", ", role, via)) is not None:
        return speaker  # "The Boston Herald's Michael Silverman"
    if (member := _PERSON_OF.match(phrase)) is not None and (speaker := _person_of_body(
            member.group("name"), member.group("org"), f" {member.group('prep')} ", role, via)) is not None:
        return speaker  # "Michael Silverman of the Boston Herald"
    found_role, name_words = _split_role(words)
    return Speaker(name=" ".join(name_words), role=role or found_role, anonymous=False, via=via)


# A body, then the person of theirs who speaks: "The Boston Herald's Michael Silverman" (two to
# four capitalised words after the possessive of an outlet or a body: never "Macy's Thanksgiving
# Day Parade").
_OWNER_PERSON = re.compile(
    r"^(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})$")

# A person's name, then the body they speak for: "Michael Silverman of the Boston Herald",
# "Ana Ruiz of the city council" (two to four capitalised words before "of", "from" or "at").
_PERSON_OF = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*)\s+(?P<prep>of|from|at)\s+(?P<org>(?:the\s+)?\S.*)$")


def _person_of_body(name: str, body: str, joiner: str, role: str | None, via: str | None) -> Speaker | None:
    """The person ``name`` speaking for ``body``, which becomes the role (after the person's own
    title, joined by ``joiner``: "Senator of Oregon"); None when ``name`` is itself a body's."""
    if ORGANISATION_WORDS & {w.lower() for w in name.split()}:
        return None
    found_role, name_words = _split_role(name.split())
    return Speaker(name=" ".join(name_words), role=role or (f"{found_role}{joiner}{body}" if found_role else body),
                   anonymous=False, via=via)


def _a_body(name: str) -> bool:
    """Whether ``name`` is an outlet or names a body by its last word ("the Tax Policy Center")."""
    return is_outlet(name) or name.split()[-1].lower() in ORGANISATION_WORDS


def channel_for(speaker: Speaker | None) -> Channel:
    """How a statement reached the article, judged from its speaker."""
    if speaker is None:
        return Channel.unattributed
    if speaker.via and is_outlet(speaker.via) or is_outlet(speaker.name):
        return Channel.via_outlet
    words = (speaker.via or speaker.name).lower().split()
    if speaker.via or (words and words[-1] in DOCUMENT_NOUNS and not speaker.anonymous
                       and words[-1] not in {"government", "administration", "campaign", "party"}):
        return Channel.document
    return Channel.on_record


# Last words of a name that make it an organisation or a place, not a person ("the Tax Policy
# Center", "the Security Council"): a singular pronoun ("he", "she") never stands for them.
ORGANISATION_WORDS = frozenset(
    """center centre council committee commission institute university association foundation
    department bureau agency office board service services union league party coalition caucus
    court bank fund ministry organization organisation company corporation network campaign
    administration government house senate congress assembly nations states team group club""".split()
)


SINGULAR_PERSON_NOUNS = frozenset(
    w for w in PERSON_NOUNS if not w.endswith("s") and w not in {
        "people", "men", "women", "one", "another", "someone", "democrats", "republicans"})


def gender(speaker: Speaker) -> str | None:
    """'he' or 'she' when an honorific or a gendered noun in the speaker says so."""
    words = {w.lower().rstrip(".,") for w in f"{speaker.role or ''} {speaker.name}".split()}
    if words & {"mr", "sir", "spokesman", "congressman", "chairman", "man", "father", "husband",
                "brother"}:
        return "he"
    if words & {"ms", "mrs", "miss", "madam", "spokeswoman", "congresswoman", "chairwoman",
                "woman", "mother", "wife", "daughter", "sister"}:
        return "she"
    return None


def is_person_like(speaker: Speaker) -> bool:
    """Whether a singular pronoun ("he", "she") may stand for ``speaker``.

    A general news pattern: "he"/"she" takes up a person named or described earlier, never an
    organisation, a document, an outlet or a heading. Person-like: a name not opened by an
    article ("Ana Ruiz", "Mr. Okafor", "Okafor") whose last word is not an organisation word, or
    a description headed by an office or a singular person noun ("the mayor", "a spokeswoman").
    A capitalised phrase opened by "The" ("The Gap Goes On", "The Latest") is a title, not a
    person.
    """
    words = speaker.name.replace("’s", "").replace("'s", "").split()
    if not words or is_outlet(speaker.name) or "and" in words:
        return False  # "Mr. Grassley and Mr. Leahy" are two people
    last = words[-1].lower().rstrip(".,")
    if last in ROLE_NOUNS or last in SINGULAR_PERSON_NOUNS and (
            len(words) > 1 and words[0].lower() in {"a", "an", "the", "one"}):
        return True
    if speaker.anonymous or words[0].lower() in {"the", "a", "an"}:
        return False
    return words[-1][:1].isupper() and last not in ORGANISATION_WORDS | DOCUMENT_NOUNS


@dataclass(frozen=True)
class Attributed:
    """Content attributed to a speaker: ``text[start:end]`` is the content, ``cue`` its verb."""

    start: int
    end: int
    speaker: Speaker
    cue: str
    direct: bool
    source_start: int = -1  # where the source phrase starts in the text, -1 when inferred
    phrase: str = ""  # the verb phrase that joins source and content in a statement ("hopes")
    gaps: tuple[tuple[int, int], ...] = ()  # attributions inside the content ('"A," X said. "B."')

    def parts(self, text: str) -> list[tuple[int, int]]:
        """Where the content's words are when attributions stand inside it (``gaps``), each part
        without its edge spaces; empty when the content is one run ('"A," she said. "B."' gives
        the offsets of A and of B)."""
        if not self.gaps:
            return []
        bounds = [self.start, *(at for gap in self.gaps for at in gap), self.end]
        runs = []
        for begin, end in zip(bounds[::2], bounds[1::2]):
            piece = text[begin:end]
            if piece.strip():
                begin += len(piece) - len(piece.lstrip())
                runs.append((begin, begin + len(piece.strip())))
        return runs

    def words(self, text: str) -> str:
        """The content as the speaker said it: a quotation split around its attribution reads
        as one ('"A," she said. "B."' gives "A. B.", '"A," she said, "and b."' gives "A, and b."),
        and so does a sentence around a parenthetical attribution ('The test, X said, was ...'
        gives "The test was ..."; 'A, X said, offering B' keeps its comma: "A, offering B")."""
        joined, at = "", self.start
        for begin, end in self.gaps:
            joined += text[at:begin].strip()
            rest = text[end:end + 12].lstrip()
            if joined[-1:].isalnum() and any(mark in text[begin:end] for mark in "”\"’'"):
                # the comma that hands over to the cue: the end of a sentence, unless the next part resumes it
                joined += "," if rest.lstrip("[")[:1].islower() else "."
            elif joined[-1:].isalnum() and not _FINITE_OPENING.match(rest):
                joined += ","  # the attribution stood between two phrases, not a subject and its verb
            joined += " "
            at = end
        return joined + text[at:self.end].strip()


# A finite verb that opens the rest of a sentence after a parenthetical attribution: the subject
# before it needs no comma ('The test, X said, was a success').
_FINITE_OPENING = re.compile(
    r"(?:is|was|were|are|has|have|had|will|would|can|could|should|may|might|must|did|does|do)\b")


def without_opener(text: str, item: Attributed) -> Attributed | None:
    """``item`` without a sentence-opening adverb or participle read as its speaker's first word
    ('Ironically Nichols had offered to ...' is Nichols's; 'Typically, the program ...' and
    'Having said that, ...' name no one, so the item is None). Other items are returned as
    they are."""
    at = item.source_start
    words = item.speaker.name.split()
    if at < 0 or not words or not text.startswith(words[0], at) or not opener_not_name(text, at):
        return item
    if len(words) == 1:
        return None
    rest = text.find(words[1], at + len(words[0]))
    return replace(item, speaker=parse_speaker(" ".join(words[1:]), via=item.speaker.via),
                   source_start=rest if rest >= 0 else at)


_APPOSITIVE = re.compile(
    r"""
    , \s* (?P<inner> (?P<kind> citing | including | quoting | who | an? | the | [A-Za-z]+ ) \b
                     [^;:“”"]{0,120}? )
    , \s* $
    """,
    re.VERBOSE,
)

_AUDIENCE = re.compile(
    r"""
    ^ \s+ (?P<audience> (?:the\s+)? [A-Z][\w.&’'-]* (?:\s+[A-Z][\w.&’'-]*){4,7} (?=\s+that\b)  # a title and a name
          | (?:the\s+)? [A-Z][\w.&’'-]* (?:\s+[A-Z][\w.&’'-]*){0,3}
          | reporters | journalists | the\s+press | him | her | them | us | me
          | (?:a|an|the)\s+[a-z]+ (?:\s+(?!(?:he|she|they|it|we|i|you|that|this)\b)[a-z]+)? )  # never 'the forum he' 
    """,
    re.VERBOSE,
)


def outlet_audience(text: str, cue_end: int, ceiling: int) -> str | None:
    """The outlet a statement was given to, for "told AFP", "told The New York Times"."""
    match = _AUDIENCE.match(text[cue_end:ceiling])
    if match and is_outlet(match.group("audience")):
        return match.group("audience")
    return None


def audience_end(text: str, cue: str, cue_end: int, ceiling: int) -> int:
    """Where the audience after "told" ends ("told reporters", "told AFP"); ``cue_end`` if none."""
    if not re.search(r"\b(?:told|tells?|telling|asked|asks?|informed)$", cue):
        return cue_end
    match = _AUDIENCE.match(text[cue_end:ceiling])
    return cue_end + match.end() if match else cue_end


_CUE_WORD = re.compile(CUE, re.VERBOSE)

_PARTY_TAG = re.compile(
    r"""
    (?: \s* \( [^()“”"\n]{1,30} \)                    # 'Sen. Ana Ruiz (D-Ore.)', '(pictured)'
      | \s* , \s* [DRI] - [A-Z][A-Za-z.]{1,12} \s* ,     # 'Sen. Ana Ruiz, D-Ore.,'
    ) \s* $
    """,
    re.VERBOSE,
)


_TAGGED_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*"
_TAG = r"\s*\([DRI]-[A-Z][A-Za-z.]{1,12}\)"

# Several lawmakers, each with a party-state tag, who speak together: 'Sens. Jeff Merkley
# (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all suggested'. US news lists
# lawmakers this way; all of them are the source, never the last one alone.
_TAGGED_LIST = re.compile(
    rf"""(?:^|(?<=[\s(“"]))
    (?P<title> (?:Sens?|Reps?|Senators?|Representatives?)\.?\s+ )?
    (?P<names> {_TAGGED_NAME}{_TAG} (?:\s*,\s*{_TAGGED_NAME}{_TAG})* ,?\s+ and \s+ {_TAGGED_NAME}(?:{_TAG})? )
    (?:\s+(?:all|both))? \s* $""",
    re.VERBOSE,
)


def _tagged_speakers(listed: re.Match[str]) -> Speaker:
    """One speaker for the lawmakers of ``_TAGGED_LIST``: their names without tags joined by
    'and' ('A and B and C': a speaker's name never holds a comma, which reads as a cut phrase)."""
    names = [n.strip(" ,") for n in re.split(r",|\s+and\s+", re.sub(_TAG, "", listed.group("names")))]
    roles = [_split_role(n.split()) for n in names if n]
    names = [" ".join(words) for _, words in roles]
    title = (listed.group("title") or "").strip() or next((role for role, _ in roles if role), None)
    return Speaker(name=" and ".join(names), role=title, anonymous=False)


def _strip_party_tag(text: str, cue_start: int, floor: int) -> int:
    """Where the source phrase ends once a short bracketed note or a US party-state tag between
    it and the cue is dropped ('Sen. Ana Ruiz (D-Ore.) said', 'Rep. Li, R-Texas, said')."""
    match = _PARTY_TAG.search(text, max(floor, cue_start - 40), cue_start)
    return match.start() if match and match.start() > floor else cue_start


# A document that finds or shows, with who made it or when ('A 2014 study by Loyola Law School
# found', 'A Quinnipiac University poll released in late August found'): news cites studies and
# polls this way, and the words after the noun are no part of a name.
_DOCUMENT_SOURCE = re.compile(
    r"""
    (?:^|(?<=[\s(]))
    (?P<name> (?:[Aa]n?|[Tt]he|[Tt]his) \s+ (?:[\w’'./-]+\s+){0,5}?
              (?:study|report|poll|survey|analysis|review|audit|investigation|transcript|video|
                 footage|research|census) )
    (?: \s+ (?P<maker> (?:being\s+)?(?:by|from|of|for|released|published|conducted|issued|commissioned) \b
                        (?: (?! \b(?:when|while|because|whereas)\b | \bas\s+(?!part\s+of\b) ) [^,;:“”"] ){1,100}? ) )?
    \s* $
    """,
    re.VERBOSE,
)


# A share of the people polled ('63 percent said', 'Another 19 percent of voters said'): polls
# are reported this way, and the share speaks for an unnamed group.
_SHARE_SOURCE = re.compile(
    r"""
    (?:^|(?<=[\s(]))
    (?P<name> (?:(?:[Aa]nother|[Oo]nly|[Jj]ust|[Aa]bout|[Nn]early|[Aa]lmost|[Aa]bout)\s+)?
              \d[\d.,]* \s* (?:percent|per\s+cent|%)
              (?: \s+ of \s+ [^,;:“”"\d]{1,60}? )? )
    \s* $
    """,
    re.VERBOSE,
)


# A role owned by someone named earlier, opening the sentence or a clause: 'His wife', 'Her
# lawyer at the firm', before a name set off by commas.
_OWNED_ROLE = re.compile(r"(?:^|(?<=[.;:!?]\s)|(?<=\n))(?P<role>(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s+[a-z][^,;:“”\"()]{0,60}?)$")


def _named_appositive(inner: str) -> bool:
    """Whether an appositive is a bare name ('A lawyer for the city, Ana Ruiz, said')."""
    words = inner.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and (
        words[0].lower() not in CLAUSE_OPENERS)


_CALENDAR = frozenset((*WEEKDAYS, *MONTHS, "today", "yesterday"))


def _described_name(outer: str, inner: str) -> bool:
    """Whether ``outer, inner,`` is a name with a capitalised description ('Senator Dianne
    Feinstein, Democrat of California, said'): every word of the name is capitalised, and the
    description holds a lowercase word, so it is no second name."""
    words = outer.split()
    return bool(words) and all(w[:1].isupper() for w in words) and (
        words[0].lower() not in CLAUSE_OPENERS | _CALENDAR) and any(
        w[:1].islower() for w in inner.split())


_DESCRIPTION_STOPS = re.compile(r"[“”\"—–;:]|[a-z]{3}[.!?]\s+[A-Z“\"]")
_CAPITALISED_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]*[a-z][\w’'-]*")
_ROLE_OPENING = re.compile(r"(?:An?|The)\s+[a-z][^,]{2,80}")


def _long_description(text: str, cue_start: int, floor: int) -> tuple[Speaker, int] | None:
    """A name set off from its cue by a description that holds commas or runs long, which the
    one-appositive rule leaves out: 'David Kamin, an outside adviser to the campaign on tax and
    budget issues and an associate professor at New York University School of Law, said',
    'Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said', 'Rep. Gregory Meeks
    (D-N.Y.), chairman of the caucus, said', and a role before the name ('A lawyer for the news
    outlets, David Schulz, said'). News describes a source at first mention this way. The name
    is capitalised and opens the window or follows punctuation; the description holds no quote
    mark, dash, sentence end or cue of its own."""
    lo = max(floor, cue_start - 260)
    window = text[lo:cue_start]
    if not re.search(r",\s*$", window) or _DESCRIPTION_STOPS.search(window):
        return None
    first = window.find(",")
    if first <= 0:
        return None
    opening = window[:first]
    described = re.search(r"(?:^|[,(]\s*)(?P<name>[^,()]+?)\s*(?:\([^()]{1,30}\))?\s*$", opening)
    if described is None or _CUE_WORD.search(window[first:]) or re.search(r",\s*and\s", window[first:]):
        return None  # ', and her deputy, Li Wei,': two sources, not one described
    name = described.group("name")
    start = lo + described.start("name")
    if start == lo and lo > floor:
        return None  # the window starts inside a longer phrase
    described_by = window[first + 1:]
    # a capitalised name with a description that holds a lowercase word or an age ('Ana Ruiz,
    # Lena Okafor, said' is two names)
    if _CAPITALISED_NAME.fullmatch(name) and name.split()[0].lower() not in CLAUSE_OPENERS | _CALENDAR \
            and any(w[:1].islower() or w.strip(",").isdigit() for w in described_by.split()):
        parts = [p.strip() for p in described_by.split(",")]
        role = next((p for p in parts if p and not p.isdigit()), None)
        return parse_speaker(name, role=role), start
    inner = window[first + 1:].strip(" ,")
    if _ROLE_OPENING.fullmatch(name) and "," not in inner and _named_appositive(inner) and _names_a_person(name):
        return Speaker(name=inner, role=name, anonymous=False), start
    return None


def _names_a_person(role: str) -> bool:
    """Whether a role's head noun names a person ('A lawyer for the news outlets'), not a thing
    a clause is about ('The ad uses footage of a local sheriff')."""
    words = role.split()
    return words[_head_index(words)].lower().rstrip(".,") in PERSON_NOUNS | ROLE_NOUNS


_POSSESSIVE_END = re.compile(r"(?=[’'])(?:(?<=\w)[’']s|(?<=\ws)[’'])\s*$")  # the apostrophe first: fast
_CUE_THEN_CLAUSE = re.compile(r"(?:" + CUE + r")" + CLAUSE_AHEAD, re.VERBOSE)


def source_before_cue(text: str, cue_start: int, floor: int) -> tuple[Speaker, int] | None:
    """The speaker whose phrase ends just before a cue, with where that phrase starts.

    Handles a bare phrase ("Former NATO official Jamie Shea stated"), an appositive role
    ("Jamie Shea, a former NATO official, said"), a role then the name ("A lawyer for the city,
    Ana Ruiz, said"), an inclusion ("Russian officials, including President Putin, have said"),
    an outlet chain ("AFP, citing Western diplomats, reports") and a party-state tag
    ("Sen. Ana Ruiz (D-Ore.) said").
    """
    if (listed := _TAGGED_LIST.search(text, max(floor, cue_start - 200), cue_start)) is not None:
        return _tagged_speakers(listed), listed.start()
    cue_start = _strip_party_tag(text, cue_start, floor)
    window = text[floor:cue_start]
    if (possessive := _POSSESSIVE_END.search(window)) is not None:
        # the cue word is a noun its owner holds: a source only when a clause or a quotation
        # follows ("the officials’ warning that the dam would fail"), never "Trump’s warning lights"
        if _CUE_THEN_CLAUSE.match(text, cue_start) is None:
            return None
        cue_start = floor + possessive.start()
    if (match := _APPOSITIVE.search(window)) is not None:
        owned = _OWNED_ROLE.search(window, 0, match.start())
        if owned is not None and _named_appositive(match.group("inner").strip()):
            # 'His former business partner at Lenox, Lawrence B. Cummings, called': the named person
            return Speaker(name=match.group("inner").strip(), role=owned.group("role"), anonymous=False), (
                floor + match.start("inner"))
        outer = phrase_before(text, floor + match.start(), floor)
        inner = match.group("inner").strip()
        kind = match.group("kind")
        if outer is not None and not is_pronoun(outer.text):
            if kind in {"citing", "quoting"}:
                cited = inner.split(None, 1)[1] if " " in inner else inner
                return parse_speaker(cited, via=outer.text), outer.start
            if kind in {"including", "who"}:
                return parse_speaker(outer.text), outer.start
            if kind in {"a", "an", "the"} or inner[:1].islower():
                return parse_speaker(outer.text, role=inner), outer.start
            if _named_appositive(inner) and (outer.text[:1].islower()
                                             or outer.text.split()[0].lower() in {"a", "an", "the"}):
                return Speaker(name=inner, role=outer.text, anonymous=False), outer.start
            if _described_name(outer.text, inner):
                return parse_speaker(outer.text, role=inner), outer.start
    if (share := _SHARE_SOURCE.search(text, max(floor, cue_start - 120), cue_start)) is not None:
        return Speaker(name=share.group("name"), anonymous=True), share.start("name")
    if (document := _DOCUMENT_SOURCE.search(text, max(floor, cue_start - 200), cue_start)) is not None:
        return Speaker(name=document.group("name"), role=document.group("maker"),
                       anonymous=False), document.start("name")
    if (close := _CLOSE_TO.search(text, max(floor, cue_start - 80), cue_start)) is not None:
        return Speaker(name=close.group("name"), anonymous=True), close.start("name")
    if (contact := _CONTACT_CLAUSE.search(text, max(floor, cue_start - 40), cue_start)) is not None:
        return _contacted_group(text, contact, cue_start, floor)
    if (unnamed := _ANONYMITY_CLAUSE.search(text, max(floor, cue_start - 160), cue_start)) is not None and (
            phrase := phrase_before(text, unnamed.start(), floor)) is not None:
        return parse_speaker(phrase.text), phrase.start
    if (relative := _RELATIVE_SUBJECT.search(text, max(floor, cue_start - 160), cue_start)) is not None \
            and _restrictive_clause(text, relative, floor):
        return _relative_subject(text, relative, cue_start, floor)
    if (subject := _PLACED_GROUP.search(text, max(floor, cue_start - 200), cue_start)) is not None and (
            found := _placed_group(text, subject, cue_start, floor)) is not None:
        return found
    phrase = phrase_before(text, cue_start, floor)
    if phrase is None:
        return _long_description(text, cue_start, floor)
    return parse_speaker(phrase.text), phrase.start


# Why a source goes unnamed, between it and the cue: 'A police official who asked not to be
# identified said', 'an aide, who spoke on condition of anonymity, said'. The clause is no part
# of the speaker's name.
_ANONYMITY_CLAUSE = re.compile(
    r"(?<=\w),?\s+who\s+(?:asked|requested|spoke|declined|insisted|agreed\s+to\s+speak)\b"
    r"[^,;:“”\"()]{0,100}?\b(?:identified|named|anonymity|quoted)\b[^,;:“”\"()]{0,80}?,?\s*$")


# People near someone who speak for them unnamed: 'Those close to him say', 'people close to the
# president said', 'sources close to Ana Ruiz'. A fixed news idiom for an anonymous source.
_CLOSE_TO = re.compile(
    r"""(?:^|(?<=[\s(“"]))
    (?P<name> (?:[Tt]hose|[Pp]eople|[Ss]ources|[Ff]riends|[Aa]ides|[Ss]omeone|[Oo]ne\s+person) \s+
              close \s+ to \s+
              (?:him|her|them|the\s+[a-z]+|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}) )
    \s* $""",
    re.VERBOSE,
)

# A group the writer or a named reporter spoke to: 'all the experts I interviewed said', 'the
# officials we contacted said'. The clause that says how they were reached belongs to the group.
_CONTACT_CLAUSE = re.compile(
    r"(?<=\w)\s+(?:I|we|he|she|they)\s+(?:interviewed|contacted|surveyed|polled|consulted|"
    r"asked|(?:spoke|talked)\s+(?:to|with))\s*$"
)


def _contacted_group(text: str, contact: re.Match[str], cue_start: int,
                     floor: int) -> tuple[Speaker, int] | None:
    """The group before a contact clause, shown with it ('all the experts I interviewed'); None
    unless a person noun heads it ('the reports I read said' names no source here)."""
    head = phrase_before(text, contact.start(), floor)
    if head is None or head.text.split()[-1].lower() not in PERSON_NOUNS:
        return None
    return Speaker(name=text[head.start:cue_start].strip(), anonymous=True), head.start


# A group of people, then where they are or what they belong to, however long: 'Officials at the
# water plant in the northern part of the state said'. The prepositional phrase belongs to the
# source phrase; the people head it.
_PLACED_GROUP = re.compile(
    r"""(?:^|(?<=[\s(“"]))
    (?P<head> (?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Tt]wo|[Tt]hree)\s+)?
              (?:[a-z][\w-]*\s+)?[A-Za-z][a-z]+s )
    \s+ (?:in|at|of|from|for|on|near|along|across|around|inside|outside|with) \s+
    (?P<rest> [^,;:“”"()—–]{3,180}? ) \s* $""",
    re.VERBOSE,
)


def _placed_group(text: str, subject: re.Match[str], cue_start: int,
                  floor: int) -> tuple[Speaker, int] | None:
    """The group ``_PLACED_GROUP`` found, when a plural person noun heads it, it opens a clause,
    and its prepositional phrase holds no verb and ends in a noun (never 'Officials in the
    city and said')."""
    words = subject.group("head").split()
    rest = subject.group("rest").split()
    if words[0].lower() in _PREPOSITIONS | CLAUSE_OPENERS:
        return None  # 'with Democrats from coal states': a preposition's object, no subject
    if words[-1].lower() not in PERSON_NOUNS or not _opens_clause(text, subject.start(), floor) or (
            rest[-1].lower() in _PHRASE_END | {"who", "that", "which"}) or any(
            verb_like(w) and w not in _PHRASE_END for w in rest) or _CUE_WORD.search(subject.group("rest")):
        return None
    return Speaker(name=_noun_phrase(text[subject.start():cue_start].strip()), anonymous=True), subject.start()


# A subject that a relative clause describes, right before the cue: 'Officials who work in the
# city of Phoenix say', 'The people who left the city in May say'. The clause belongs to the
# source phrase; its words (a place, a month) never speak.
_RELATIVE_SUBJECT = re.compile(r"(?<=\w)\s+who\s+(?P<clause>[^,;:“”\"()—–]{1,120}?)\s*$")

# What a relative clause that holds the cue's own subject starts with ('Ana Ruiz, who in 2019
# said', 'engineers who have long argued'): then the cue is the clause's verb, not the subject's.
_CLAUSE_VERB_AHEAD = frozenset(
    """in on at last this also later now then once first never still long often have has had
    is are was were had""".split()
)


def _restrictive_clause(text: str, relative: re.Match[str], floor: int) -> bool:
    """Whether ``relative`` is a relative clause inside the subject with a verb of its own before
    the cue ('who work in the city'), not a clause whose verb the cue is ('who in 2019')."""
    words = relative.group("clause").split()
    return bool(words) and not (words[0].lower() in _CLAUSE_VERB_AHEAD or words[0].endswith("ly")) \
        and words[-1].lower() not in {"and", "but", "or"} \
        and _CUE_WORD.search(relative.group("clause")) is None


def _relative_subject(text: str, relative: re.Match[str], cue_start: int,
                      floor: int) -> tuple[Speaker, int] | None:
    """The subject a relative clause describes, shown with its clause ('Officials who work in the
    city of Phoenix'), or None when the clause's antecedent opens no clause (an object: 'the
    firm hired people who live in Phoenix say' names no source)."""
    head = phrase_before(text, relative.start(), floor)
    if head is None or is_pronoun(head.text) or not _opens_clause(text, head.start, floor) or any(
            verb_like(word) for word in head.text.split()[1:]):
        return None  # 'The firm hired people who ...': the antecedent is a verb's object
    speaker = parse_speaker(head.text)
    if not speaker.anonymous:
        return speaker, head.start  # 'Mayor Ana Ruiz who ...': the name says who
    return speaker.model_copy(update={"name": text[head.start:cue_start].strip()}), head.start


def _opens_clause(text: str, start: int, floor: int) -> bool:
    """Whether a phrase at ``start`` opens a clause: the floor, punctuation or a conjunction
    ('that', 'and', 'but') before it."""
    before = text[max(floor, start - 40):start].rstrip()
    return not before or before[-1] in ",;:(—–“\"" or before.split()[-1].lower() in {
        "that", "and", "but", "while", "as", "because", "although", "though", "whereas"}
