"""A story's headline and summary: extractive offline, or written by a model whose every
sentence cites the story claims it rests on.

The model's answer is validated: a sentence that cites nothing, or cites a claim number that
does not exist, is re-asked with the problem named; so is a sentence that states a figure, a
date, a negation or a direction word that the claims it cites do not carry ("killed 400" citing
a claim that says 140; "prices fell" citing "prices rose"), by the rules of
``briefing.quantities`` and ``briefing.grounding.agreement`` (``uncarried``). When the answers
stay invalid, the story keeps the offline, extractive summary and the day's briefing says so in
``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from briefing.core.articlefiles import DATE_WORDS
from briefing.core.errors import ExtractionError
from briefing.core.models import Briefing, Usage, speaker_label
from briefing.daily.models import CitedSentence, StoryClaim
from briefing.grounding.agreement import AgreementOptions, negated
from briefing.llm.prompts import load_prompt
from briefing.offline.summary import looks_like_headline
from briefing.quantities import (
    compare_dates,
    compare_quantities,
    find_dates,
    find_quantities,
    load_directions,
    tokenize,
)

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
        texts: list[str] | None = (info.context or {}).get("claim_texts")
        if texts is None:
            return self
        counts: list[float] = (info.context or {}).get("counts", [])
        for n, sentence in enumerate(self.sentences, 1):  # only once every citation is valid
            cited = [texts[c - 1] for c in sentence.claims if c <= len(texts)]
            problems += [f"sentence {n} {p}" for p in uncarried(sentence.text, cited, counts)]
        if problems:
            raise ValueError("; ".join(problems) + ". State in each sentence only the figures, dates, negations "
                             "and directions that the claims it cites carry, as those claims give them; cite the "
                             "claims that carry them, or leave them out.")
        return self


def uncarried(sentence: str, cited: Sequence[str], counts: Sequence[float] = (),
              options: AgreementOptions | None = None) -> list[str]:
    """What a summary sentence states that the claims it cites (their statements and reports'
    words, ``cited``) do not carry: a figure or date that no figure or date of theirs agrees with
    (after reading number words and converting units), a negation none of them has, or a direction
    word whose opposite a cited claim uses in its place ("fell" where the claim says "rose"; a
    direction word the claims neither use nor contradict is not a problem: "after the quake").
    Empty when the sentence keeps to its claims.

    ``counts``: numbers the model was given besides the claims (how many articles and reports), so
    "three outlets report" is carried; "one" read as a figure is never a problem ("one of them").
    """
    options = options or AgreementOptions()
    quantity_options = options.quantities
    whole = " ".join(cited)
    problems: list[str] = []
    theirs = find_quantities(whole)
    for q in find_quantities(sentence):
        if q.from_words and q.value_low == q.value_high and (q.value_low <= 1 or q.value_low in counts):
            continue
        if q.value_low == q.value_high and q.value_low in counts and q.dimension == "count":
            continue
        if not any(compare_quantities(q, t, quantity_options).relation in ("same", "consistent") for t in theirs):
            given = ", ".join(t.text for t in theirs[:4])
            problems.append(f"states {q.text!r}, which its claims do not carry" + (f" (they give {given})" if given else ""))
    their_dates = find_dates(whole)
    for d in find_dates(sentence):
        if not any(compare_dates(d, t, quantity_options).relation in ("same", "consistent") for t in their_dates):
            problems.append(f"states {d.text!r}, which its claims do not carry")
    if negated(sentence) and not any(negated(text) for text in cited):
        problems.append("states a negation that its claims do not carry")
    lexicon = load_directions(options.language)
    ours = tokenize(sentence)
    cited_words = [tokenize(text) for text in cited]
    everything = " ".join(w for words in cited_words for w in words)
    for words in cited_words:
        found = lexicon.opposite(ours, words)
        if found is not None and f" {found[0]} " not in f" {everything} ":
            problems.append(f"says {found[0]!r} where its claims say {found[1]!r}")
            break
    return problems


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
_NOT_A_HEADLINE = DATE_WORDS | {"by", "first"}  # a dateline, or a byline ("By Ana Ruiz", "First published")


def readable_headline(headline: str) -> bool:
    """False for a dateline or byline passing as a headline ("May 2, 2013, 1: 12 PM")."""
    words = [w for w in _WORD.findall(headline.lower()) if w not in _NOT_A_HEADLINE]
    return len(words) >= 3


def offline_synthesis(briefings: Sequence[Briefing], claims: Sequence[StoryClaim]) -> tuple[str, str]:
    """Headline and extractive summary of the story's lead article, as for one article. The
    headline is the first title among the lead's and then the others' (a short line with no
    final full stop, not a dateline); else the lead's whole first sentence. A title or sentence
    that opens with a pronoun ("He sings, dances ...", "It's a tough job") names no one: one that
    does not comes first, when the story has one."""
    lead = lead_briefing(briefings, claims)
    candidates = [b.headline for b in [lead, *briefings] if readable_headline(b.headline)]
    naming = [h for h in candidates if not _opens_with_pronoun(h)] or candidates
    headline = next((h for h in naming if looks_like_headline(h)), naming[0] if naming else lead.headline)
    return headline, lead.summary


_PRONOUNS = frozenset("he she it they we i you his her its their our my".split())


def _opens_with_pronoun(sentence: str) -> bool:
    words = sentence.split(None, 1)
    first = words[0].strip("“\"‘'").lower().rstrip(",") if words else ""
    return re.sub(r"[’'](?:s|d|ll|re|ve|m)$", "", first) in _PRONOUNS  # "It's", "They're" too


def synthesis_messages(claims: Sequence[StoryClaim], articles: int, language: str = "English") -> list[dict[str, str]]:
    """The synthesis prompt for one story's claims."""
    listed = [{"statement": c.statement, "speaker": speaker_label(c.speaker), "verdict": c.verdict,
               "reports": len({r.article for r in c.reports})} for c in claims]
    return load_prompt("daily_synthesis").render(claims=listed, articles=articles, language=language)


def synthesis_request(claims: Sequence[StoryClaim], articles: int, *, max_retries: int = 2,
                      language: str = "English", story: str | None = None) -> dict[str, Any]:
    """The keyword arguments of ``LLM.extract``/``aextract`` for one story's synthesis."""
    return {"messages": synthesis_messages(claims, articles, language), "response_model": StorySynthesis,
            "context": synthesis_context(claims, articles), "max_retries": max_retries, "article": story}


def synthesis_context(claims: Sequence[StoryClaim], articles: int) -> dict[str, Any]:
    """What the answer is validated against: the number of claims, each claim's words (its
    statement and its reports' evidence) and the counts the prompt gives (articles, reports)."""
    texts = [" ".join([c.statement, *(r.evidence for r in c.reports)]) for c in claims]
    counts = sorted({float(articles), *(float(len({r.article for r in c.reports})) for c in claims)})
    return {"claims": len(claims), "claim_texts": texts, "counts": counts}


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
           "offline_synthesis", "synthesis_context", "synthesis_messages", "synthesis_request", "uncarried"]
