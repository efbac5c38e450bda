"""Size a request's output budget (``max_tokens``) from the article and ``max_claims``.

The budget matters beyond truncation: a provider reserves a request's prompt *plus* its
``max_tokens`` against the key's tokens-per-minute limit when the request arrives, whatever the
answer then uses. A flat 4,096 on a 600-token article reserves three times what the answer needs,
and caps a tokens-bound key's throughput accordingly. An answer is a headline and summary plus, per
claim, a restatement, a speaker and an excerpt of the article, so it grows with the number of claims
the article can hold, which grows with its length up to ``max_claims``. A budget that proves too
small is not lost: ``llm.py`` resends a cut-off answer once with twice the budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefing.text.chunking import estimate_tokens


@dataclass(frozen=True)
class OutputBudget:
    """How many output tokens to allow for a briefing of some text.

    ``budget = base + per_claim * claims``, where ``claims = min(max_claims, min_claims +
    article_tokens / article_tokens_per_claim)``, clamped to ``[floor, cap]``. The defaults leave
    about 40% headroom over authored and recorded answers (about 100 tokens a claim or dispute,
    including its JSON).

    Attributes:
        base: headline, summary and JSON structure.
        per_claim: one claim (or its share of a dispute) with speaker and evidence.
        article_tokens_per_claim: how much article text one claim takes at most densely.
        min_claims: claims even a very short article may yield.
        floor: the smallest budget ever asked for.
        cap: the largest first budget (a cut-off answer is retried with twice the budget).

    Raises:
        ValueError: a non-positive figure, or ``floor > cap``.
    """

    base: int = 250
    per_claim: int = 150
    article_tokens_per_claim: int = 40
    min_claims: int = 2
    floor: int = 512
    cap: int = 4096

    def __post_init__(self) -> None:
        if min(self.base, self.per_claim, self.article_tokens_per_claim, self.floor, self.cap) <= 0:
            raise ValueError("OutputBudget figures must be positive")
        if self.min_claims < 0 or self.floor > self.cap:
            raise ValueError("OutputBudget needs min_claims >= 0 and floor <= cap")

    def claims(self, text: str, max_claims: int) -> int:
        """The most claims ``text`` can be expected to yield under ``max_claims``."""
        by_length = self.min_claims + math.ceil(estimate_tokens(text) / self.article_tokens_per_claim)
        return max(0, min(max_claims, by_length))

    def tokens(self, text: str, max_claims: int) -> int:
        """The ``max_tokens`` for a briefing of ``text`` with at most ``max_claims`` claims."""
        wanted = self.base + self.per_claim * self.claims(text, max_claims)
        return max(self.floor, min(self.cap, wanted))
