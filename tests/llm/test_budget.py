"""The output budget is sized from the article and max_claims, within a floor and a cap."""

from __future__ import annotations

import json

import pytest

from briefing.llm.budget import OutputBudget
from helpers import ANSWERS, SEED


def test_the_seed_budget_covers_its_authored_answer_with_room_and_is_well_under_4096():
    text = SEED.read_text(encoding="utf-8")
    answer = json.loads((ANSWERS / "seed_article.json").read_text(encoding="utf-8"))["replies"][0]["answer"]
    answer_tokens = len(json.dumps(answer, ensure_ascii=False)) // 4  # as the responder counts them
    budget = OutputBudget().tokens(text, max_claims=15)
    assert answer_tokens * 1.2 <= budget < 4096


def test_budget_grows_with_length_until_max_claims_then_stops():
    budget = OutputBudget()
    sizes = [budget.tokens("word " * n, max_claims=15) for n in (10, 100, 300, 1000, 20000)]
    assert sizes == sorted(sizes)
    assert sizes[-1] == sizes[-2] == 250 + 150 * 15  # a long article is bounded by max_claims


def test_fewer_claims_asked_for_means_a_smaller_budget():
    text = "word " * 2000
    assert OutputBudget().tokens(text, max_claims=3) < OutputBudget().tokens(text, max_claims=15)


def test_floor_and_cap_hold_for_extreme_input():
    budget = OutputBudget(floor=600, cap=1000)
    assert budget.tokens("", max_claims=15) == 600
    assert budget.tokens("x", max_claims=0) == 600
    assert budget.tokens("word " * 100_000, max_claims=10_000) == 1000


def test_non_english_text_is_not_underestimated():
    ascii_text = "a" * 800
    greek = "α" * 800
    assert OutputBudget().tokens(greek, 15) > OutputBudget().tokens(ascii_text, 15)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"cap": 0}, "OutputBudget figures must be positive"),
    ({"per_claim": -1}, "OutputBudget figures must be positive"),
    ({"floor": 5000, "cap": 4096}, "OutputBudget needs min_claims >= 0 and floor <= cap"),
    ({"min_claims": -1}, "OutputBudget needs min_claims >= 0 and floor <= cap"),
])
def test_nonsense_budgets_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        OutputBudget(**kwargs)
