"""Two saved days for the "yesterday against today" tests (``tests/fixtures/history``): day 1
(2026-12-05) has the Ridgecrest earthquake (140 injured) and the Riverton bridge tax; day 2
(2026-12-06) has the earthquake again (200 injured, the baker's quote repeated) and the new Port
Alden dock strike; the bridge tax has dropped out."""

from __future__ import annotations

from functools import cache

from briefing.daily import DailyBriefing, daily, load_articles
from helpers import REPO

HISTORY = REPO / "tests" / "fixtures" / "history"
DAY_ONE, DAY_TWO = HISTORY / "day1", HISTORY / "day2"


@cache
def _day(folder: str) -> str:
    return daily(load_articles([HISTORY / folder])).model_dump_json()


def day_one() -> DailyBriefing:
    """Day 1's briefing, offline (a fresh copy each call)."""
    return DailyBriefing.model_validate_json(_day("day1"))


def day_two() -> DailyBriefing:
    """Day 2's briefing, offline, not yet compared (a fresh copy each call)."""
    return DailyBriefing.model_validate_json(_day("day2"))


def story(briefing: DailyBriefing, word: str):
    """The one story whose headline holds ``word``."""
    [found] = [s for s in briefing.stories if word.lower() in s.headline.lower()]
    return found


def claim(story_, words: str):
    """The one claim of ``story_`` whose first report holds ``words``."""
    [found] = [c for c in story_.claims if words in c.reports[0].evidence]
    return found


# The Markdown "What changed" section of day two against day one, as every test of it expects.
CHANGED_MD = """
## What changed since 2026-12-05

**New stories**

- Strike halts Port Alden terminal (2 articles)

**Updated**

- Ridgecrest quake injuries rise (David Witt): **140 → 200**
  - 2026-12-05: “140 people were injured in Ridgecrest and crews were still
    searching damaged homes”
  - 2026-12-06: “200 people were injured in Ridgecrest and crews were still
    searching damaged homes”

**Dropped out**

- Riverton to raise taxes for new bridge (Riverton Herald, Riverton Post)
"""
