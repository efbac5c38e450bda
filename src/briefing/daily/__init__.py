"""The daily briefing: a day's articles grouped into stories, claims linked across outlets.

``load_articles`` reads files and folders; ``daily`` builds the ``DailyBriefing``;
``daily_to_markdown``, ``daily_to_slack`` and ``daily_to_html`` are its views (functions over the
model); ``diff`` compares it with an earlier day (``save_day`` and ``earlier_day`` keep the days in
a folder). This layer sits above the single-article core and imports it, never the reverse.
"""

import sys
import types
from typing import Any

from briefing.core.loaders import LoadedArticles, load_articles
from briefing.daily.build import DailyOptions, adaily, daily
from briefing.daily.changes import HistoryOptions, diff
from briefing.daily.coverage import CoverageOptions
from briefing.daily.duplicates import DuplicateOptions
from briefing.daily.grouping import GroupingOptions
from briefing.daily.history import EarlierDay, earlier_day, save_day
from briefing.daily.html import daily_to_html
from briefing.daily.linking import LinkOptions
from briefing.daily.markdown import daily_to_markdown
from briefing.daily.models import (
    CitedSentence,
    Copy,
    Coverage,
    DailyBriefing,
    Difference,
    DroppedStory,
    Report,
    Source,
    Story,
    StoryClaim,
    StoryDispute,
    StoryPosition,
)
from briefing.daily.slack import daily_to_slack
from briefing.daily.view import ViewOptions

__all__ = [
    "CitedSentence",
    "Copy",
    "Coverage",
    "CoverageOptions",
    "DailyBriefing",
    "DailyOptions",
    "Difference",
    "DroppedStory",
    "DuplicateOptions",
    "EarlierDay",
    "GroupingOptions",
    "HistoryOptions",
    "LinkOptions",
    "LoadedArticles",
    "Report",
    "Source",
    "Story",
    "StoryClaim",
    "StoryDispute",
    "StoryPosition",
    "ViewOptions",
    "adaily",
    "daily",
    "daily_to_html",
    "daily_to_markdown",
    "daily_to_slack",
    "diff",
    "earlier_day",
    "load_articles",
    "save_day",
]


class _CallableModule(types.ModuleType):
    """``briefing.daily`` is both this package and the ``daily()`` function: once the package is
    imported, Python binds ``briefing.daily`` to it, so calling it calls ``daily()``."""

    def __call__(self, *args: Any, **kwargs: Any) -> DailyBriefing:
        return daily(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
