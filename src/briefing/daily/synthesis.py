"""A story's headline and summary: extractive offline, or written by a model whose every
sentence cites the story claims it rests on.

The model's answer is validated: a sentence that cites nothing, or cites a claim number that
does not exist, is re-asked with the problem named. When the answers stay invalid, the story
keeps the offline, extractive summary and the day's briefing says so in ``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from briefing.core.errors import ExtractionError
from briefing.core.models import Briefing, Usage, speaker_label
from briefing.daily.models import CitedSentence, StoryClaim
from briefing.llm.prompts import load_prompt

if TYPE_CHECKING:
    from briefing.llm.client import LLM, Answer


class SummarySentence(BaseModel):
    """One sentence of a story summary and the claims it rests on."""

    text: str = Field(description="One sentence of the summary.")
    claims: list[int] = Field(description="The numbers of the claims this sentence rests on, from the list given.")


class StorySynthesis(BaseModel):
    """The headline and summary of one story, every sentence citing its claims."""

    headline: str = Field(description="A short, neutral headline for the story.")
    sentences: list[SummarySentence] = Field(description="Two to four summary sentences, each citing claims.")

    @model_validator(mode="after")
    def _every_sentence_cites_a_claim(self, info: ValidationInfo) -> StorySynthesis:
        count = (info.context or {}).get("claims")
        if count is None:
            return self
        problems = []
        if not self.sentences:
            problems.append("the summary has no sentences")
        for n, sentence in enumerate(self.sentences, 1):
            if not sentence.claims:
                problems.append(f"sentence {n} cites no claim")
            missing = [c for c in sentence.claims if not 1 <= c <= count]
            if missing:
                problems.append(f"sentence {n} cites claim(s) {missing}, which do not exist (there are {count})")
        if problems:
            raise ValueError("; ".join(problems) + ". Cite, for every sentence, the numbers of the listed claims "
                             "it rests on, and drop any sentence that no listed claim supports.")
        return self


def lead_briefing(briefings: Sequence[Briefing], claims: Sequence[StoryClaim]) -> Briefing:
    """The article that best stands for the story: the one whose words the most linked claims
    report (ties: the first)."""
    shared = {b.article: 0 for b in briefings}
    for claim in claims:
        if len(claim.reports) > 1:
            for report in claim.reports:
                if report.article in shared:
                    shared[report.article] += 1
    return max(briefings, key=lambda b: shared[b.article])  # max keeps the first of equals


_WORD = re.compile(r"[^\W\d_]{2,}")
_DATE_WORDS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "published", "updated", "posted", "am", "pm", "est", "edt", "gmt", "utc", "by", "first"])


def readable_headline(headline: str) -> bool:
    """False for a dateline or byline passing as a headline ("May 2, 2013, 1: 12 PM")."""
    words = [w for w in _WORD.findall(headline.lower()) if w not in _DATE_WORDS]
    return len(words) >= 3


def offline_synthesis(briefings: Sequence[Briefing], claims: Sequence[StoryClaim]) -> tuple[str, str]:
    """Headline and extractive summary of the story's lead article, as for one article (the
    headline from the next best article when the lead's reads as a dateline)."""
    lead = lead_briefing(briefings, claims)
    headline = next((b.headline for b in [lead, *briefings] if readable_headline(b.headline)), lead.headline)
    return headline, lead.summary


def synthesis_messages(claims: Sequence[StoryClaim], articles: int, language: str = "English") -> list[dict[str, str]]:
    """The synthesis prompt for one story's claims."""
    listed = [{"statement": c.statement, "speaker": speaker_label(c.speaker), "verdict": c.verdict,
               "reports": len({r.article for r in c.reports})} for c in claims]
    return load_prompt("daily_synthesis").render(claims=listed, articles=articles, language=language)


def synthesis_request(claims: Sequence[StoryClaim], articles: int, *, max_retries: int = 2,
                      language: str = "English", story: str | None = None) -> dict[str, Any]:
    """The keyword arguments of ``LLM.extract``/``aextract`` for one story's synthesis."""
    return {"messages": synthesis_messages(claims, articles, language), "response_model": StorySynthesis,
            "context": {"claims": len(claims)}, "max_retries": max_retries, "article": story}


def cited_from(answer: StorySynthesis) -> tuple[str, list[CitedSentence]]:
    """A validated answer as the headline and its cited sentences."""
    return answer.headline, [CitedSentence(text=s.text, claims=sorted(set(s.claims))) for s in answer.sentences]


def model_synthesis(llm: LLM, claims: Sequence[StoryClaim], articles: int, *, max_retries: int = 2,
                    language: str = "English", story: str | None = None) -> tuple[str, list[CitedSentence], Usage]:
    """Ask the model for the story's headline and cited summary sentences.

    Raises:
        ExtractionError: the answers never cited valid claims after ``max_retries`` re-asks.
        APIError: the server failed.
    """
    answer: Answer = llm.extract(**synthesis_request(claims, articles, max_retries=max_retries,
                                                     language=language, story=story))
    headline, sentences = cited_from(answer.value)
    return headline, sentences, answer.usage


__all__ = ["ExtractionError", "StorySynthesis", "cited_from", "lead_briefing", "model_synthesis",
           "offline_synthesis", "synthesis_messages", "synthesis_request"]
