"""Group the day's articles into stories with one typed model request over their headlines,
summaries and key entities, validated so that every article lands in exactly one story.

An answer that leaves an article out, lists one twice or names an id that does not exist is
re-asked with the problem named; the caller falls back to the offline grouping when the answers
stay invalid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from briefing.core.models import Article, Briefing
from briefing.daily.grouping import article_features
from briefing.llm.prompts import load_prompt

MAX_ENTITIES = 12
"""How many of an article's names, places, dates and figures the prompt lists."""


class StoryGroup(BaseModel):
    """One story: a real-world event and the articles about it."""

    headline: str = Field(description="A short, neutral headline for the story.")
    articles: list[str] = Field(description="The ids of the articles about this event, exactly as given.")


class StoryGroups(BaseModel):
    """The day's articles grouped into stories, every article in exactly one."""

    stories: list[StoryGroup] = Field(description="The stories, each article id in exactly one of them.")

    @model_validator(mode="after")
    def _every_article_once(self, info: ValidationInfo) -> StoryGroups:
        ids = (info.context or {}).get("article_ids")
        if ids is None:
            return self
        problems = assignment_problems(self, ids)
        if problems:
            raise ValueError("; ".join(problems) + ". Put every given article id in exactly one story.")
        return self


def assignment_problems(groups: StoryGroups, ids: Sequence[str]) -> list[str]:
    """What is wrong with an assignment: unknown ids, ids in two stories, ids left out, empty stories."""
    known = set(ids)
    listed = Counter(a for story in groups.stories for a in story.articles)
    problems = []
    unknown = sorted(a for a in listed if a not in known)
    if unknown:
        problems.append(f"unknown article ids {unknown}")
    twice = sorted(a for a, n in listed.items() if n > 1 and a in known)
    if twice:
        problems.append(f"articles in more than one story {twice}")
    missing = [a for a in ids if a not in listed]
    if missing:
        problems.append(f"articles in no story {missing}")
    if any(not story.articles for story in groups.stories):
        problems.append("a story with no articles")
    return problems


def _entities(article: Article) -> str:
    """The article's names and figures for the prompt, most specific (name phrases) first."""
    found = sorted(article_features(article), key=lambda f: (f[0] != "p", f[0] != "n", f))
    return ", ".join(f.split(":", 1)[1] for f in found[:MAX_ENTITIES])


def grouping_messages(articles: Sequence[Article], briefings: Sequence[Briefing],
                      language: str = "English") -> list[dict[str, str]]:
    """The grouping prompt over the articles' headlines, summaries and entities."""
    rows = [{"id": a.id, "headline": b.headline, "summary": b.summary, "entities": _entities(a)}
            for a, b in zip(articles, briefings, strict=True)]
    return load_prompt("daily_group").render(articles=rows, language=language)


def grouping_request(articles: Sequence[Article], briefings: Sequence[Briefing], *, max_retries: int = 2,
                     language: str = "English") -> dict[str, Any]:
    """The keyword arguments of ``LLM.extract``/``aextract`` for the day's grouping request."""
    return {"messages": grouping_messages(articles, briefings, language), "response_model": StoryGroups,
            "context": {"article_ids": [a.id or "" for a in articles]}, "max_retries": max_retries}


def groups_from(answer: StoryGroups, articles: Sequence[Article]) -> tuple[list[list[int]], list[str]]:
    """A validated answer as groups of article indexes (in the model's order) and their headlines."""
    position = {a.id: i for i, a in enumerate(articles)}
    return ([sorted(position[a] for a in story.articles) for story in answer.stories],
            [story.headline for story in answer.stories])

