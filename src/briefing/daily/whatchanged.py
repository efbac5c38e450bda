"""What the "What changed since DATE" part of the daily views shows, computed once for Markdown and
HTML from a briefing that ``diff`` compared with an earlier day: the new stories, the updated
claims (earlier words and values first), and the earlier stories that dropped out.
Presentation only: nothing here changes the briefing.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.daily.models import DailyBriefing, DroppedStory, Report, Story, StoryClaim


@dataclass(frozen=True)
class Update:
    """An updated claim of a story: the earlier day's and today's words, and what changed
    (``claim.change_notes``, or "changed" when none was named)."""

    story: Story
    claim: StoryClaim
    earlier: Report | None
    later: Report | None

    @property
    def what(self) -> str:
        return "; ".join(self.claim.change_notes) or "changed"


@dataclass(frozen=True)
class WhatChanged:
    """``since``: the earlier day's date (or "the previous briefing"); ``today``: this day's, if any."""

    since: str
    today: str | None
    new: list[Story]
    updated: list[Update]
    dropped: list[DroppedStory]

    @property
    def nothing(self) -> bool:
        return not (self.new or self.updated or self.dropped)


def what_changed(briefing: DailyBriefing) -> WhatChanged | None:
    """The changes since the earlier day, in the briefing's order (a view passes the ranked day),
    or None for a briefing not compared with one."""
    if briefing.previous_date is None and all(s.change is None for s in briefing.stories):
        return None
    updated = [Update(story, claim, claim.previous[0] if claim.previous else None,
                      claim.reports[0] if claim.reports else None)
               for story in briefing.stories for claim in story.claims if claim.change == "updated"]
    return WhatChanged(since=briefing.previous_date or "the previous briefing", today=briefing.date,
                       new=[s for s in briefing.stories if s.change == "new"], updated=updated,
                       dropped=list(briefing.dropped))
