"""The one extractor interface: a callable that turns an ``Article`` into a ``Briefing``.

``brief_offline`` (rules, no model) and a ``Briefer`` (an LLM) both satisfy it, so code above the
single-article core (the command line, batches, the daily briefing) takes an ``Extractor`` and
never asks which kind it has.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from briefing.core.models import Article, Briefing


@runtime_checkable
class Extractor(Protocol):
    """Anything called as ``extractor(article) -> Briefing``.

    Raises (by convention): ``BriefingError`` subclasses for an article that cannot be briefed.
    """

    def __call__(self, article: Article) -> Briefing: ...
