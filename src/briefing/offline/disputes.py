"""Disputes: denial and rejection cues linked to the assertion they answer.

"Russia has refuted claims by NATO member states that it intends to attack the alliance" gives
the assertion, the party that asserts it and the party that denies it. A later denial of "such
speculation" or "the claims" joins the dispute before it.
"""

from __future__ import annotations

import re

from briefing.core.models import Dispute, Position
from briefing.offline.sourcing import Attributed

_DENIAL_CUE = re.compile(r"den(?:y|ies|ied)|refut|dismiss|reject|disput|rebuff|condemn", re.IGNORECASE)
_DENIAL_WORDS = re.compile(r"\b(?:nonsense|not\s+true|untrue|baseless|fake\s+news|lies)\b", re.IGNORECASE)

_CLAIMS_BY = re.compile(
    r"""
    ^ (?:the\s+)? (?:claims?|allegations?|accusations?|reports?|suggestions?|assertions?|charges?)
    (?: \s+ (?:by|from) \s+ (?P<party> [^,]+? ) )?
    \s+ that \s+ (?P<assertion> .+ ) $
    """,
    re.VERBOSE | re.DOTALL,
)
_ANAPHOR = re.compile(
    r"""^ (?:such|these|those|this|that|the|any) \s+
        (?:speculation|claims?|allegations?|accusations?|reports?|suggestions?|charges?|idea|notion)\b""",
    re.VERBOSE | re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:it|they)\b")


def _position(text: str, party: str, stance: str, start: int, end: int) -> Position:
    return Position(party=party, stance=stance, evidence=text[start:end],
                    span={"start": start, "end": end}, grounding="exact")


def is_denial(claim: Attributed, text: str) -> bool:
    """Whether an attributed claim denies or rejects something."""
    return bool(_DENIAL_CUE.search(claim.cue) or _DENIAL_WORDS.search(text[claim.start:claim.end]))


def find_disputes(text: str, attributed: list[Attributed]) -> list[Dispute]:
    """Disputes from the denials among ``attributed`` (sorted by position in the text)."""
    disputes: list[Dispute] = []
    for claim in attributed:
        if claim.direct or not is_denial(claim, text):
            continue
        content = text[claim.start:claim.end]
        start = claim.source_start if claim.source_start >= 0 else claim.start
        denier = _position(text, claim.speaker.name, "denies", start, claim.end)
        if (match := _CLAIMS_BY.match(content)) is not None:
            assertion = _PRONOUN_SUBJECT.sub(claim.speaker.name, match.group("assertion"), count=1)
            positions = [denier]
            if match.group("party"):
                positions.insert(0, _position(text, match.group("party"), "asserts",
                                              claim.start, claim.end))
            disputes.append(Dispute(assertion=assertion, positions=positions))
        elif _ANAPHOR.match(content) and disputes:
            disputes[-1].positions.append(denier)
        elif re.search(r"den(?:y|ies|ied)", claim.cue) or content.startswith("that "):
            disputes.append(Dispute(assertion=content.removeprefix("that "), positions=[denier]))
    return disputes
