"""Score briefings against annotated attributions: the one scorer of ``briefing eval`` and
``benchmarks/attribution.py``.

A prediction is a claim with a speaker and a located span. It matches an annotated Content
one-to-one when their character sets overlap at IoU >= ``iou`` (0.5 by default; best pairs first),
and precision, recall and F1 come from those matches. Speaker accuracy counts the matched pairs
whose annotated Source is a mention other than a pronoun: the speaker is right when it shares a
name word with the Source ("Clinton" for "Hillary Clinton's campaign").

``evaluate`` briefs every article with one extractor (any ``Article -> Briefing`` function: a
``Briefer``'s ``brief``, ``brief_offline``, a scripted model) and returns the table row; an
article whose briefing fails is reported in ``failures`` and left out of every figure.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.brief.each import brief_each
from briefing.core.errors import BriefingError
from briefing.core.models import Article, Briefing, Usage
from briefing.evaluation.annotations import AnnotatedArticle, Gold, characters

PRONOUNS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "who", "whom", "whose", "which"])  # relative pronouns are pronouns too
FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "and", "for", "at", "in", "on", "to"])
COLUMNS = ("extractor", "articles", "precision", "recall", "f1", "speaker_accuracy", "grounded_share",
           "not_found_share", "requests_per_article", "tokens_per_article", "cost_per_article_usd",
           "seconds_per_article")
"""The row's fields, in order: the contract of ``briefing eval --json``."""


@dataclass(frozen=True)
class Predicted:
    """One predicted attribution: the evidence's characters and the speaker's name (if any)."""

    chars: frozenset[int]
    speaker: str | None


def name_words(text: str) -> set[str]:
    """The lower-cased words of a name, without possessives, function words or pronouns."""
    return {w.lower().removesuffix("’s").removesuffix("'s")
            for w in re.findall(r"[\w’'.-]+", text)} - FUNCTION_WORDS - PRONOUNS


def is_named(source: str | None) -> bool:
    """True for a Source mention other than a pronoun ("he", "who")."""
    return source is not None and bool(name_words(source))


def same_speaker(speaker: str | None, source: str | None) -> bool:
    """True when the predicted speaker shares a name word with the annotated Source."""
    return bool(speaker and source and name_words(speaker) & name_words(source))


def predictions(briefing: Briefing, *, attributed: bool = True) -> list[Predicted]:
    """The briefing's claims with a located span (and, when ``attributed``, a speaker); a claim
    whose span holds an attribution between its words is scored on its ``parts``."""
    return [Predicted(characters([(s.start, s.end) for s in c.parts or [c.span]]), c.speaker.name if c.speaker else None)
            for c in briefing.claims
            if c.span is not None and c.grounding != "not_found" and (c.speaker or not attributed)]


def match(predicted: Sequence[Predicted], gold: Sequence[Gold], *, iou: float = 0.5
          ) -> list[tuple[Predicted, Gold]]:
    """One-to-one pairs whose character IoU is at least ``iou``, the best pairs first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            inter = len(p.chars & g.content)
            if inter and inter / len(p.chars | g.content) >= iou:
                candidates.append((inter / len(p.chars | g.content), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


@dataclass
class Tally:
    """Counts summed over articles, from which the scores follow."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    named: int = 0
    speaker_right: int = 0

    def add(self, predicted: Sequence[Predicted], gold: Sequence[Gold], *, iou: float = 0.5) -> None:
        """Count one article's predictions against its annotations."""
        pairs = match(predicted, gold, iou=iou)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.matched += len(pairs)
        for p, g in pairs:
            if is_named(g.source):
                self.named += 1
                self.speaker_right += same_speaker(p.speaker, g.source)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float | None:
        """None when no matched pair has a named Source."""
        return self.speaker_right / self.named if self.named else None


@dataclass
class Evaluation:
    """One extractor's scores over the articles it briefed, and the articles that failed."""

    extractor: str
    tally: Tally = field(default_factory=Tally)
    articles: int = 0
    claims: int = 0
    grounded: int = 0
    not_found: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = None
    unpriced: bool = False
    seconds: float = 0.0
    failures: list[BriefingError] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        """The table row, keyed by ``COLUMNS``; per-article figures are None with no article."""
        n = self.articles
        per = (lambda value: value / n if n else None)
        return {
            "extractor": self.extractor,
            "articles": n,
            "precision": self.tally.precision,
            "recall": self.tally.recall,
            "f1": self.tally.f1,
            "speaker_accuracy": self.tally.speaker_accuracy,
            "grounded_share": self.grounded / self.claims if self.claims else None,
            "not_found_share": self.not_found / self.claims if self.claims else None,
            "requests_per_article": per(self.usage.requests),
            "tokens_per_article": per(self.usage.total_tokens),
            "cost_per_article_usd": None if self.cost_usd is None or self.unpriced else per(self.cost_usd),
            "seconds_per_article": per(self.seconds),
        }

    def add(self, briefing: Briefing, gold: Sequence[Gold], *, iou: float = 0.5,
            price: Callable[[Briefing], float | None] | None = None) -> None:
        """Score one article's briefing."""
        self.articles += 1
        self.tally.add(predictions(briefing), gold, iou=iou)
        self.claims += len(briefing.claims)
        self.not_found += sum(c.grounding == "not_found" for c in briefing.claims)
        self.grounded += sum(c.grounding != "not_found" for c in briefing.claims)
        for name in ("prompt_tokens", "completion_tokens", "total_tokens", "requests"):
            setattr(self.usage, name, getattr(self.usage, name) + getattr(briefing.usage, name))
        if price is not None:
            cost = price(briefing)
            self.unpriced |= cost is None
            self.cost_usd = (self.cost_usd or 0.0) + (cost or 0.0)

def evaluate(brief: Callable[[Article], Briefing], articles: Iterable[AnnotatedArticle], *,
             extractor: str, concurrency: int = 1, iou: float = 0.5,
             price: Callable[[Briefing], float | None] | None = None,
             on_done: Callable[[AnnotatedArticle, BriefingError | None], None] | None = None) -> Evaluation:
    """Brief every article with ``brief`` and score the briefings against the annotations.

    Args:
        brief: ``Article -> Briefing``; a ``BriefingError`` fails that article only.
        extractor: the row's name.
        concurrency: articles briefed at once.
        iou: the character IoU at which a prediction matches an annotated Content.
        price: the cost of one briefing in USD (None when unpriced); without it the cost is None.
        on_done: called after each article with its error (None when it was scored), e.g. to
            advance a progress bar.

    Returns:
        The ``Evaluation``; ``seconds`` is the wall-clock time of the whole run. Failed (or, after
        an error every later article would meet too, skipped) articles are in ``failures`` and out
        of every figure.
    """
    articles = list(articles)
    result = Evaluation(extractor)
    started = time.perf_counter()
    inputs = [Article(id=a.id, text=a.text) for a in articles]
    for annotated, outcome in zip(articles, brief_each(brief, inputs, concurrency=concurrency), strict=True):
        error = outcome.error
        if outcome.briefing is not None:
            result.add(outcome.briefing, annotated.gold, iou=iou, price=price)
        elif error is None:
            error = BriefingError("not briefed: the run stopped early after an error every later "
                                  "article would meet too", article=annotated.id)
        if error is not None:
            result.failures.append(error)
        if on_done is not None:
            on_done(annotated, error)
    result.seconds = time.perf_counter() - started
    return result
