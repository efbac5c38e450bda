"""The vocabulary of attribution: speech and reporting verbs, as readable regex fragments."""

from __future__ import annotations

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
    maintains agreed agrees replied replies responded responds answered answers asked asks
    cautioned cautions urged urges demanded demands pledged pledges promised promises vowed
    vows declared declares countered counters accused accuses blamed blames condemned condemns
    dismissed dismisses refuted refutes rejected rejects criticized criticised criticizes
    disputed disputes questioned questions predicted revealed reveals testified explained
    contend assert argue claim warn suggest insist note called calls described describes
    shouted yelled exclaimed joked quipped remarked recounted mentioned echoed echoes cited
    cites testified reiterated reiterates
""".split()

# Multi-word cues ("pointed out", "called for").
SPEECH_PHRASES = ["pointed out", "points out", "called for", "calls for", "called on", "calls on"]

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

CUE = (
    r"\b(?P<cue>(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?reportedly\s+(?:"
    + "|".join(sorted(set(REPORTED_ATTITUDES + SPEECH_VERBS), key=len, reverse=True))
    + r")|(?:(?:" + "|".join(sorted(set(AUXILIARIES), key=len, reverse=True)) + r")\s+){0,2}"
    r"(?:" + "|".join(p.replace(" ", r"\s+") for p in sorted(
        SPEECH_PHRASES + sorted(set(SPEECH_VERBS)), key=len, reverse=True))
    + r"))\b"
)

# Verbs that attribute a quotation only right after it ('"...," she continued', '"...," the
# letter reads'): before a clause they mean something else ('Trump continued to attack').
QUOTE_ONLY_VERBS = ["continued", "continues", "reads"]

QUOTE_CUE = CUE.replace(r"))\b", "|" + "|".join(QUOTE_ONLY_VERBS) + r"))\b")
"""``CUE`` and the quote-only verbs, for the source that follows a quotation."""

# What may follow the verb before the content starts: "on Tuesday", "in a statement"; whole
# words only ("this weekend" is not "this week" and "end").
ADVERBIAL = r"""
    (?:\s+ (?: on \s+ [A-Z][a-z]+ (?:\s+ (?:morning|afternoon|evening|night))?
             | (?:last|this|on|earlier|later) \s+ (?:weekend|week|month|year|[A-Z][a-z]+)
             | in \s+ (?:a|an|his|her|their|its) \s+ (?:[A-Za-z]+\s+)? (?:statement|interview|speech|
                      post|tweet|letter|report|memo|email|op-ed|address|briefing|note|filing)
             | at \s+ (?:a|an|the) \s+ (?:[A-Za-z]+\s+){0,2} (?:rally|event|conference|briefing|hearing|
                      meeting|summit|debate|forum)
             | (?:yesterday|today|recently|publicly|privately|repeatedly|previously|earlier|later|
                  again|also|last\s+night|this\s+week|last\s+week|[A-Z][a-z]+day)
           ) \b ,? )*
"""

# Third-person pronouns that stand for a speaker named earlier.
PRONOUNS = frozenset("he she they".split())
