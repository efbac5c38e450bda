"""The model path of ``check``: the schema the model fills, its prompt, and its re-ask.

The model sees the claim and the top passages only, and answers ``ModelVerdict``: a verdict and
evidence items, each an ``article`` id, a verbatim ``evidence`` excerpt and a ``stance``. The
library locates every excerpt in the article it names (``span``, ``grounding``); an excerpt not
located sends the model back once with the excerpt named, and one still not located is kept
aside as unverified, never counted. The verdict is then the library's bookkeeping over the
located evidence, as on the offline path.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from briefing.core.models import Article, Difference, _lenient
from briefing.grounding.agreement import carried
from briefing.grounding.aligner import align
from briefing.grounding.hedges import hedge_around
from briefing.llm.client import Answer
from briefing.llm.prompts import load_prompt
from briefing.text.retrieval import PassageIndex
from briefing.verify.rules import (
    CheckOptions,
    ClaimParts,
    Evidence,
    EvidenceStance,
    Verdict,
    Verification,
    judge,
    tally,
)

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer

StanceValue = Annotated[EvidenceStance, _lenient({
    "support": "supports", "supporting": "supports", "supported": "supports",
    "contradict": "contradicts", "contradicting": "contradicts", "contradicted": "contradicts",
    "refutes": "contradicts", "denies": "contradicts",
})]


class ModelEvidence(BaseModel):
    """One excerpt the model quotes for its verdict."""

    article: str = Field(description="The id of the article the passage comes from, exactly as given.")
    evidence: str = Field(
        description=(
            "A verbatim excerpt of that article's passage, copied character for character: one "
            "clause or sentence. Never reword, abridge or fix it."
        )
    )
    stance: StanceValue = Field(description="supports or contradicts the claim.")


class ModelVerdict(BaseModel):
    """Whether the passages support the claim, contradict it, or do not mention it."""

    evidence: list[ModelEvidence] = Field(
        default_factory=list,
        description="One item per article that supports or contradicts the claim; empty for not_mentioned.",
    )
    verdict: Literal["supported", "contradicted", "not_mentioned"] = Field(
        description="supported, contradicted or not_mentioned."
    )

    @model_validator(mode="after")
    def _evidence_is_located(self, info: ValidationInfo) -> ModelVerdict:
        context = info.context or {}
        texts = context.get("articles")
        if texts is None or context.get("grounding_reasks_left", 0) <= 0:
            return self
        missing = [item for item in self.evidence if locate(item, texts) is None]
        if missing:
            context["grounding_reasks_left"] -= 1
            listed = "; ".join(f"{item.evidence!r} (article {item.article!r})" for item in missing)
            raise ValueError(
                f"these evidence excerpts are not in the article they name: {listed}. Copy each "
                "excerpt character for character from a passage of the article you name, or answer "
                "not_mentioned with no evidence if no passage states or contradicts the claim."
            )
        claim = context.get("claim")
        short = [(item, gaps) for item in self.evidence if item.stance == "supports" and claim
                 and (gaps := carried(claim, item.evidence))]
        if short:
            context["grounding_reasks_left"] -= 1
            listed = "; ".join(f"{item.evidence!r} lacks {', '.join(gaps)}" for item, gaps in short)
            raise ValueError(
                f"a supporting excerpt must state the claim's figures and names: {listed}. Quote the "
                "clause or sentence that states them, or answer not_mentioned if no passage does."
            )
        return self


def locate(item: ModelEvidence, texts: dict[str, str]) -> Evidence | None:
    """The model's excerpt located in the article it names, with the model's stance; None when
    the article is unknown, the excerpt is not there, or it misquotes the article in a way that
    changes its meaning (a negation added or dropped, a figure changed)."""
    text = texts.get(item.article)
    if text is None or not item.evidence.strip():
        return None
    alignment = align(item.evidence, text)
    if not alignment.found:  # the model's excerpt must be the article's words
        return None
    judged = judge(item.evidence, alignment, text)
    if judged is None or judged.stance != "supports":  # located: the excerpt says what the article says
        return None
    span = judged.span
    return Evidence(article=item.article, evidence=text[span.start:span.end], span=span,
                    grounding=judged.status, stance=item.stance, differences=list(judged.differences))


_TAG = re.compile(r"</?(?:passage|claim|quote)\b", re.IGNORECASE)


def _inert(text: str) -> str:
    """``text`` with the prompt's own tags defused, so no article can close its passage early."""
    return _TAG.sub(lambda m: m.group().replace("<", "‹"), text)


class ModelCheck:
    """One model check of one claim: the request, then the located answer."""

    def __init__(self, articles: list[Article], index: PassageIndex, options: CheckOptions,
                 parts: ClaimParts, briefer: Briefer) -> None:
        self.articles = articles
        self.options = options
        self.parts = parts
        self.briefer = briefer
        ranked = index.rank(parts.query, options.passages)
        self.passages = sorted((r.passage for r in ranked), key=lambda p: (p.article, p.start))
        self.answer: Answer | None = None

    def request(self) -> dict[str, Any]:
        """The keyword arguments of ``LLM.extract`` for this check."""
        articles = self.articles
        excerpts = [x for x in self.parts.excerpts if x != self.parts.statement]
        messages = load_prompt("check").render(
            claim=_inert(self.parts.statement),
            excerpts=[_inert(x) for x in excerpts],
            passages=[{"article": _inert(articles[p.article].id or "").replace('"', "'"),
                       "text": _inert(p.text)} for p in self.passages],
        )
        context = {"articles": {a.id or "": a.text for a in articles}, "claim": self.parts.statement,
                   "grounding_reasks_left": self.options.grounding_reasks}
        return {"messages": messages, "response_model": ModelVerdict, "context": context,
                "max_retries": max(self.briefer.options.max_retries, self.options.grounding_reasks)}

    def finish(self, answer: Answer) -> None:
        self.answer = answer

    def verification(self) -> Verification:
        """The ``Verification``: located evidence counted, the rest set aside with a note."""
        extra: dict[str, Any] = {"checker": "llm", "model": self.briefer.settings.model, "notes": []}
        if self.answer is None:
            extra["notes"].append("no passage shares a word with the claim; the model was not asked")
            return tally(self.parts, [], **extra)
        extra["usage"] = self.answer.usage
        answer: ModelVerdict = self.answer.value
        texts = {a.id or "": a.text for a in self.articles}
        found: list[tuple[int, Evidence]] = []
        unverified: list[Evidence] = []
        for item in answer.evidence:
            located = locate(item, texts)
            if located is None:
                unverified.append(Evidence(article=item.article, evidence=item.evidence,
                                           stance=item.stance))
                continue
            overruled = _contradicts_claim(located, self.parts, texts[located.article])
            if overruled is not None:
                extra["notes"].append(
                    f"the model gave {located.evidence!r} (article {located.article!r}) as support, but "
                    f"its words part from the claim's: {_listed(overruled.differences)}; counted as "
                    "contradicting")
                located = overruled
            gaps = carried(self.parts.statement, located.evidence, self.options.agreement)
            if located.stance == "supports" and gaps:
                extra["notes"].append(
                    f"the model gave {located.evidence!r} (article {located.article!r}) as support, but "
                    f"it does not state {', '.join(gaps)}; not counted")
                continue
            hedge = self._hedge(located, texts[located.article])
            if hedge is not None:
                extra["notes"].append(
                    f"the model gave {located.evidence!r} (article {located.article!r}) as support, but its "
                    f"sentence hedges or conditions it ({hedge!r}) where the claim is flat; not counted")
                continue
            found.extend((e, located) for e in range(len(self.parts.excerpts)))  # it stands for the whole claim
        result = tally(self.parts, found, unverified=unverified, **extra)
        return _explained(result, answer.verdict)


    def _hedge(self, item: Evidence, text: str) -> str | None:
        """The hedge a supporting excerpt's sentence holds and the claim does not ("Allegedly, ...",
        "... if the bill passes"), as the offline check finds it; None for other evidence."""
        if item.stance != "supports" or item.span is None:
            return None
        return hedge_around(self.parts.statement, text, item.span.start, item.span.end,
                            self.options.agreement.language, inside=True)


def _contradicts_claim(item: Evidence, parts: ClaimParts, text: str) -> Evidence | None:
    """``item`` as contradicting evidence when the model called it support but the offline rules
    find the claim's words in it with a negation added or dropped or a figure changed; else None.
    The model judges meaning; this only keeps it from calling "will raise" support for "will not
    raise"."""
    if item.stance != "supports" or item.span is None:
        return None
    window = text[item.span.start:item.span.end]
    for excerpt in parts.excerpts:
        judged = judge(excerpt, align(excerpt, window), window, item.span.start)
        if judged is not None and judged.stance == "contradicts":
            return item.model_copy(update={"stance": "contradicts", "differences": list(judged.differences)})
    return None


def _listed(differences: list[Difference]) -> str:
    return ", ".join(f"{d.excerpt or '-'!r} / {d.article or '-'!r}" for d in differences) or "?"


def _explained(result: Verification, said: Verdict) -> Verification:
    """Notes on where the model's verdict and the located evidence part."""
    notes = list(result.notes)
    if result.unverified:
        listed = "; ".join(f"{e.evidence!r} (article {e.article!r})" for e in result.unverified)
        notes.append(f"the model's claim could not be verified: these excerpts are not in the "
                     f"article it named: {listed}")
    if said != result.verdict:
        notes.append(f"the model answered {said}; the located evidence gives {result.verdict}")
    return result.model_copy(update={"notes": notes})
