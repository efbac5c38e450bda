"""Whether a speaker name is a broken phrase, not a name or a role a reader could take as a source.

News names an unnamed source with a determiner ('the agency', 'a spokesman', 'her publicist'),
as a plural group ('officials', 'environmental groups'), or with a name ('attorney Kassie
Siegel'). A lowercase singular noun with none of these ('agency', 'secretary of state') is a
phrase cut from its determiner, and 'a good one' stands for a thing named before.
"""

from __future__ import annotations

from briefing.offline.cues import PRONOUNS

# Words that open a noun phrase as its determiner or quantifier.
DETERMINERS = frozenset(
    """the a an this that these those his her its their our my your some many several most few
    both all each every any no one another other others various numerous two three four five
    six seven eight nine ten dozens hundreds thousands""".split())

# Nouns that name a group or a body of sources without a plural ending ('police said').
GROUP_NOUNS = frozenset(
    """police staff media personnel clergy military public management leadership data research
    information evidence intelligence someone somebody anyone everyone nobody""".split())

# Words after the head of a noun phrase: a preposition or a relative word ('sources who ...').
_NEGATIVES = frozenset("not no nobody none neither".split())
_OBJECT_PRONOUNS = frozenset("them us you those these whom".split())
_AFTER_HEAD = frozenset("of for from in at on with to by who whom whose that which".split())


def broken_speaker(name: str) -> bool:
    """Whether ``name`` is no source a reader can take: a lowercase singular noun phrase without
    a determiner or any capitalised word ('agency', 'campaign', 'secretary of state'; a plural
    or group head, 'officials', 'police', 'federal data', and 'attorney Kassie Siegel' or
    'spokeswoman for the EB-5 Investment Coalition' stay), or 'one' after an adjective ('a good
    one for the Sixers', a thing; 'one official' and 'one of the aides' stay), or a share of a
    pronoun ('One of them'), or a negative ('Not everyone', 'No one')."""
    words = name.split()
    if not words:
        return True
    if name.lower() in PRONOUNS:
        return False  # 'he', 'she', 'they': left for the resolver, which names them or drops them
    if words[0].lower() in _NEGATIVES:
        return True  # 'Not everyone', 'No one', 'Nobody': no one said it
    if len(words) == 3 and words[1] == "of" and words[2].lower() in _OBJECT_PRONOUNS:
        return True  # 'One of them', 'some of us': a pronoun, no one a reader can name
    lowered = [w.lower().strip(".,") for w in words]
    first_preposition = next((i for i, w in enumerate(lowered) if i and w in _AFTER_HEAD), len(words))
    head = lowered[first_preposition - 1]
    if head == "one" and first_preposition >= 3 and lowered[0] in {"a", "an", "the"}:
        return True  # 'a good one', 'the latest one': a pro-form for a thing
    if any(c.isupper() for c in name) or lowered[0] in DETERMINERS or lowered[0][:1].isdigit():
        return False
    return not any(_group_word(w) for w in lowered[:first_preposition])


def _group_word(word: str) -> bool:
    """A plural noun ('officials', 'sources') or a group noun ('police', 'data')."""
    bare = word.removesuffix("’s").removesuffix("'s")
    return bare.endswith("s") and not bare.endswith("ss") or bare in GROUP_NOUNS
