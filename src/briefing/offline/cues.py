"""The vocabulary of attribution: speech and reporting verbs, as readable regex fragments."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from briefing.text.alternation import alternation

# Verbs that introduce what someone said, wrote, found or holds, in the forms news uses.
SPEECH_VERBS = """
    said says say saying told tells tell telling added adds adding stated states stating
    warned warns warning argued argues arguing suggested suggests suggesting claimed claims
    noted notes explained explains insisted insists acknowledged acknowledges admitted admits
    announced announces reported reports wrote writes believes believe believed thinks think
    contended contends asserted asserts emphasized emphasised emphasizes stressed stresses
    predicted predicts estimated estimates found finds showed shows show indicated indicates
    confirmed confirms denied denies tweeted tweets posted recalled recalls concluded concludes
    conceded concedes observed observes complained complains alleged alleges maintained
    maintains replied replies responded responds answered answers asked asks
    cautioned cautions urged urges demanded demands pledged pledges promised promises vowed
    vows declared declares countered counters accused accuses blamed blames condemned condemns
    dismissed dismisses refuted refutes rejected rejects criticized criticised criticizes
    disputed disputes questioned questions predicted revealed reveals testified explained
    contend assert argue claim warn suggest insist note called calls described describes
    shouted yelled exclaimed joked quipped remarked recounted mentioned echoed echoes cited
    cites testified reiterated reiterates
""".split()

# Multi-word cues ("pointed out", "called for", "made it clear": always before what was said).
SPEECH_PHRASES = ["pointed out", "points out", "called for", "calls for", "called on", "calls on",
                  "made it clear", "makes it clear"]

# Words that may sit between the source and the verb: "has long argued", "also said".
AUXILIARIES = """
    has have had also has also have also had also previously repeatedly later then recently
    once again publicly privately reportedly had long has long have long would will
""".split()

# Attitudes a source is reported to hold: cues only after "reportedly" ("the diplomats
# reportedly hope ...", "Diplomats are reportedly urging ..."). News uses "reportedly" to relay
# what a source holds or wants without quoting them; the bare verbs ("hope") are too loose.
REPORTED_ATTITUDES = """
    hope hopes hoped hoping want wants wanted wanting plan plans planned planning fear fears
    feared fearing intend intends intended intending expect expects expected expecting consider
    considers considered considering urge urging pushing seek seeks sought seeking prefer prefers
    preferred favor favors favoured favours oppose opposes opposed opposing worry worries worried
""".split()


# "called" as a naming participle after an indefinite noun phrase ('A movie called "The
# Notorious Bettie Page" was released', 'a group called Americans for Prosperity'): the name it
# gives follows, no statement.
NAMING = r"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){1,3}called\s+"


# Verbs that attribute a quotation only right after it ('"...," she continued', '"...," the
# letter reads'): before a clause they mean something else ('Trump continued to attack').
QUOTE_ONLY_VERBS = ["continued", "continues", "reads"]


# What may follow the verb before the content starts: "on Tuesday", "in a statement"; whole
# words only ("this weekend" is not "this week" and "end").
ADVERBIAL = r"""
    (?:\s+ (?: on \s+ [A-Z][a-z]+ (?:\s+ (?:morning|afternoon|evening|night))?
             | (?:last|this|on|earlier|later) \s+ (?:weekend|week|month|year|morning|afternoon|evening|[A-Z][a-z]+)
             | in \s+ (?:a|an|his|her|their|its) \s+ (?:[A-Za-z]+\s+)? (?:statement|interview|speech|
                      post|tweet|letter|report|memo|email|op-ed|address|briefing|note|filing)
             | at \s+ (?:a|an|the) \s+ (?:[A-Za-z]+\s+){0,2} (?:rally|event|conference|briefing|hearing|
                      meeting|summit|debate|forum)
             | (?:(?:a\s+(?:couple\s+(?:of\s+)?|few\s+)|several\s+|\d+\s+|two\s+|three\s+)?
                  (?:minutes|hours|days|weeks|months)|an?\s+(?:minute|hour|day|week|month))
               \s+ (?: (?:after|before) \s+ (?:the|a|an|his|her|their|its) (?:\s+(?!(?:the|a|an)\b)[a-z][\w-]*){1,2}
                     | later | earlier )                        # 'hours after the vote', 'days later'
             | by \s+ (?:phone|telephone|e-?mail|text(?:\s+message)?|video\s+link)   # 'said by phone'
             | (?:yesterday|today|recently|publicly|privately|repeatedly|previously|earlier|later|
                  again|also|last\s+night|this\s+week|last\s+week|[A-Z][a-z]+day)
           ) \b (?![’']s\b) ,? )*                          # "Thursday's protests" is an object
"""


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The words of ``lexicons/<name>.en.txt`` in file order, lowercase, comments left out; "_"
    joins the words of one entry ("talked_about" is "talked about")."""
    text = resources.files("briefing.offline").joinpath("lexicons", f"{name}.en.txt").read_text(
        encoding="utf-8")
    return tuple(w.replace("_", " ") for line in text.splitlines()
                 for w in line.split("#", 1)[0].lower().split())


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    """Words as one regex alternation, longest first (so "says" is not cut to "say"), grouped by
    first letter for a fast search (``alternation``)."""
    return alternation(words)


# A form of "be" before an -ing cue, and the adverbs that may follow it: "is questioning",
# "has been claiming", "were also urging", "is once again questioning"; contracted after a
# pronoun only ("He’s claiming", "they’re urging"), since "Trump’s warning lights" is a possessive.
# (The lookahead for the apostrophe spares the lookbehinds at every other word.)
_BE = r"""(?:is|are|was|were|has\s+been|have\s+been|had\s+been
          |(?=[’'])(?:(?<=\b[Hh]e)|(?<=\b[Ss]he)|(?<=\b[Ii]t)|(?<=\b[Ww]ho))[’']s
          |(?=[’'])(?:(?<=\b[Tt]hey)|(?<=\b[Ww]e)|(?<=\b[Yy]ou))[’']re)\s+
          (?:(?:also|now|still|again|once\s+again|increasingly|openly|publicly|privately|already|
               repeatedly|reportedly)\s+)?"""

# Where a clause-only verb's complement is a clause or a quotation: after an optional object
# pronoun and adverbial ("told him", "on Twitter", "on Tuesday"), a quotation mark, a colon,
# "whether", "how" or "why", or "that" opening a clause. "that" is no clause opener when a verb
# follows it (a relative clause: "the emails that were leaked") or when it is a determiner before
# a noun that a punctuation mark, a preposition or a conjunction ends ("mocked that idea.",
# "feared that outcome in").
THAT_CLAUSE = r"""
    that \b (?! \s+ (?:is|are|was|were|has|have|had|would|will|can|could|should|may|might|must|
                      do|does|did|[a-z]+ed) \b )
             (?! \s+ (?!(?:he|she|it|they|we|i|you|there|this|these|those)\b) [a-z][\w’'-]*
                 (?: \s*[,.;:!?)] | \s+(?:of|in|on|at|for|with|by|to|from|and|or|but)\b ) )
"""
CLAUSE_AHEAD = (
    r"(?= (?:\s+(?:him|her|them|us|me|you))?"
    r"(?:\s+on\s+(?:Twitter|Facebook|Instagram|social\s+media))?"
    + ADVERBIAL + r"\s* (?: [:,]? \s* [“\"‘] | : | (?:whether|how|why)\b | " + THAT_CLAUSE + r") )"
)
"""What must follow a clause-only cue (``lexicon("clause_cues")``) for it to count."""


def _clause_cues() -> str:
    """The clause-only verbs (their -ing forms after "be"), each with ``CLAUSE_AHEAD``."""
    words = lexicon("clause_cues")
    plain = [w for w in words if not w.endswith("ing")]
    progressive = [w for w in words if w.endswith("ing")]
    return (r"(?:(?:" + _alternatives(plain) + r")|" + _BE + r"(?:" + _alternatives(progressive)
            + r"))\b" + CLAUSE_AHEAD)


# A cue in the infinitive after a verb of going on or seeming ('went on to explain how ...',
# 'appeared to suggest that ...'), or after an emphatic "do" ('he does believe ...'): "say",
# "believe" and "think" before any complement, the others only before a clause. "did not say"
# is no cue: "not" never stands between.
_INFINITIVE = (
    r"(?:(?:went|goes|go)\s+on\s+to|"
    r"(?:appeared|appears|seemed|seems|proceeded|proceeds)\s+to|does|did|do)\s+"
    r"(?:(?:say|believe|think)\b|(?:explain|acknowledge|admit|predict|suggest|argue|claim|warn|"
    r"insist|note|contend|assert|know|agree|concede)\b" + CLAUSE_AHEAD + r")"
)

# Verbs of attack and praise: cues only before an object and "for" ('Trump attacked Clinton for
# her support of the war', 'she praised the crews for their speed'); alone they report an act
# ('the dog attacked the man'). The object is at most six words.
REASON_VERBS = """
    attacked attacks blasted blasts slammed slams lambasted lambastes faulted faults chided chides
    berated berates scolded scolds mocked mocks praised praises commended commends
""".split()
_REASON_CUES = (r"(?:" + _alternatives(REASON_VERBS) + r")\b(?=\s+(?:[^\s,.;:“”\"]+\s+){1,6}?for\s)")

# Every cue opens with a lowercase letter or, contracted ("he’s claiming"), an apostrophe: the
# lookahead lets the search skip every other word boundary before trying the alternatives.
CUE = (
    r"\b(?=[a-z’'])(?P<cue>(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?reportedly\s+(?:"
    + _alternatives(REPORTED_ATTITUDES + SPEECH_VERBS)
    + r")|" + _INFINITIVE + r"|(?:(?:" + _alternatives(AUXILIARIES) + r")\s+){0,2}"
    r"(?:" + _BE + r"(?:" + _alternatives(lexicon("progressive_cues")) + r")\b|"
    + _clause_cues() + r"|" + _REASON_CUES + r"|" + _alternatives(SPEECH_PHRASES + SPEECH_VERBS)
    + r"))\b"
)

# Participles that attach a second statement to a clause ('X said A, adding that B', 'X toured
# the plant, even suggesting that B', 'X said A, citing B'): the speech verbs' -ing forms, and
# the clause-only ones before a clause or a quotation (', boasting about the crews' is none).
def participle_cue(always: list[str]) -> str:
    """A participle cue as the named group ``cue``: one of ``always`` or of the speech verbs'
    -ing forms (with any complement, as their other forms), or a clause-only verb's -ing form
    before a clause or a quotation."""
    speech = {*always, *lexicon("progressive_cues"), "saying", "telling", "stating", "suggesting"}
    clause_only = {w for w in lexicon("clause_cues") if w.endswith("ing")} - speech
    return (r"(?P<cue>(?:(?:even|also|again|later|then|repeatedly)\s+)?(?:(?:" + _alternatives(sorted(speech))
            + r")\b|(?:" + _alternatives(sorted(clause_only)) + r")\b" + CLAUSE_AHEAD + "))")

QUOTE_CUE = CUE.removesuffix(r"))\b") + "|" + "|".join(QUOTE_ONLY_VERBS) + r"))\b"
"""``CUE`` and the quote-only verbs, for the source that follows a quotation."""


# Third-person pronouns that stand for a speaker named earlier.
PRONOUNS = frozenset("he she they".split())
# Their possessives, each with its pronoun ('her agent' is someone she speaks of).
OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they"}


# A source's request about itself, no statement: 'asked not to be identified because ...',
# 'asked that he not be named', 'declined to be quoted'. The sentence's statement is elsewhere
# ('..., said the talks ...').
_ANONYMOUS = r"be\s+(?:identified|named|quoted|photographed|recorded)\b"
_ABOUT_THE_SOURCE = re.compile(
    r"(?:that\s+)?(?:(?:she|he|they|it|we|I)\s+)?(?:not|never)\s+(?:to\s+)?" + _ANONYMOUS)
_DECLINED = re.compile(r"\b(?:declin|refus)(?:e|es|ed|ing)\s+$")
_TO_BE_ANONYMOUS = re.compile(r"to\s+" + _ANONYMOUS)


def about_the_source(text: str, start: int, end: int) -> bool:
    """Whether the content at ``text[start:end]`` is the source's request about itself: 'not to
    be identified', 'that he not be named', or 'to be quoted' after 'declined' or 'refused'
    ('agreed to be named chairman' is a statement)."""
    if _ABOUT_THE_SOURCE.match(text, start, end) is not None:
        return True
    return _TO_BE_ANONYMOUS.match(text, start, end) is not None and (
        _DECLINED.search(text, max(0, start - 12), start) is not None)
