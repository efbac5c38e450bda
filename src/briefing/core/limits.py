"""Bounds on what a model's answer may hold: how many claims, how long each text field.

A model (or a server pretending to be one) can return thousands of claims, a headline of 200 KB
or the whole article as one excerpt. ``Briefer`` re-asks once when an answer has more than
``max_claims`` claims and then keeps the first ones; ``cap_strings`` cuts free-text fields to
``AnswerLimits``; excerpts are never cut (they must stay verbatim): one longer than a few
sentences is flagged as untrusted by ``checks.check_briefing`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.models import ExtractedBriefing

ELLIPSIS = "…"


@dataclass(frozen=True)
class AnswerLimits:
    """How much of a model's answer the library keeps. Every bound is a number of characters
    unless its name says otherwise.

    Attributes:
        max_headline_chars: the headline (default 300; a long news headline is about 100).
        max_summary_chars: the summary (default 2,000: a long paragraph).
        max_statement_chars: a claim's statement and a dispute's assertion (default 1,000).
        max_name_chars: a speaker's name, role and ``via``, a position's party (default 200).
        claim_reasks: re-asks when an answer has more claims than ``max_claims`` before the first
            ``max_claims`` are kept (default 1).
        max_evidence_sentences: an excerpt of more sentences than this is untrusted (default 3).
        max_evidence_chars: an excerpt longer than this is untrusted, however few its sentences
            (default 1,000).
    """

    max_headline_chars: int = 300
    max_summary_chars: int = 2_000
    max_statement_chars: int = 1_000
    max_name_chars: int = 200
    claim_reasks: int = 1
    max_evidence_sentences: int = 3
    max_evidence_chars: int = 1_000

    def __post_init__(self) -> None:
        sizes = (self.max_headline_chars, self.max_summary_chars, self.max_statement_chars,
                 self.max_name_chars, self.max_evidence_sentences, self.max_evidence_chars)
        if min(sizes) < 1 or self.claim_reasks < 0:
            raise ValueError("AnswerLimits bounds must be at least 1, and claim_reasks at least 0")


def cut(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ones and an ellipsis,
    ``limit`` characters in all."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def cap_strings(extracted: ExtractedBriefing, limits: AnswerLimits) -> ExtractedBriefing:
    """A copy of ``extracted`` with its free-text fields cut to ``limits``; evidence unchanged."""
    def speaker(s):
        if s is None:
            return None
        return s.model_copy(update={
            "name": cut(s.name, limits.max_name_chars),
            "role": None if s.role is None else cut(s.role, limits.max_name_chars),
            "via": None if s.via is None else cut(s.via, limits.max_name_chars),
        })

    claims = [c.model_copy(update={"statement": cut(c.statement, limits.max_statement_chars),
                                   "speaker": speaker(c.speaker)})
              for c in extracted.claims]
    disputes = [d.model_copy(update={
        "assertion": cut(d.assertion, limits.max_statement_chars),
        "positions": [p.model_copy(update={"party": cut(p.party, limits.max_name_chars)}) for p in d.positions],
    }) for d in extracted.disputes]
    return extracted.model_copy(update={
        "headline": cut(extracted.headline, limits.max_headline_chars),
        "summary": cut(extracted.summary, limits.max_summary_chars),
        "claims": claims,
        "disputes": disputes,
    })
