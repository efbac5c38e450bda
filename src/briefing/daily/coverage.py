"""Story coverage: which outlets carry each story, and which of the day's label groups do and do not.

An outlet is an article's ``source`` (a sources file's outlet name, else the feed's title), copies
included. Outlet names, label keys and label values are compared without regard to case or
spacing ("Desert Sun" and "desert  sun" are one outlet) and shown as first spelled in the day.
The day's label groups are the values its outlets have; a story's ``missing`` values are the
day's values that none of its outlets has. A story is flagged ``one_sided`` on a label key when
the day has two or more values for the key, every outlet of the story has the key, all with one
value, and the story has at least ``CoverageOptions.min_outlets`` outlets. An outlet without the
key could be of any group, so it never makes a story one-sided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from briefing.daily.models import Copy, Coverage, Source, Story


@dataclass(frozen=True)
class CoverageOptions:
    """``min_outlets``: the fewest outlets a story needs to be flagged one-sided (default 2). A
    story that one outlet carries is always carried by one group, which says nothing about the
    groups that leave it out."""

    min_outlets: int = 2


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class _Outlet:
    name: str
    labels: dict[str, str] = field(default_factory=dict)  # key's _key -> value's _key


@dataclass
class _Day:
    """The day's outlets by key, and the first spelling of every label key and value."""

    outlets: dict[str, _Outlet] = field(default_factory=dict)
    key_names: dict[str, str] = field(default_factory=dict)
    value_names: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, name: str | None, labels: dict[str, str]) -> str | None:
        """Add one article's outlet; returns its key (None without a name)."""
        if not name or not name.strip():
            return None
        key = _key(name)
        outlet = self.outlets.setdefault(key, _Outlet(" ".join(name.split())))
        for label, value in labels.items():
            if not label.strip() or not value.strip():
                continue
            k, v = _key(label), _key(value)
            self.key_names.setdefault(k, " ".join(label.split()))
            self.value_names.setdefault((k, v), " ".join(value.split()))
            outlet.labels.setdefault(k, v)  # the first article of an outlet that names the key wins
        return key

    @cached_property
    def values(self) -> dict[str, dict[str, int]]:
        """label key -> value -> how many of the day's outlets have it (keys and values in first-seen
        order); read once every outlet is added."""
        return _counts(self.outlets.values())


def _counts(outlets: Iterable[_Outlet]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for outlet in outlets:
        for k, v in outlet.labels.items():
            counts.setdefault(k, {}).setdefault(v, 0)
            counts[k][v] += 1
    return counts


def _read(sources: Iterable[Source]) -> tuple[_Day, dict[str, list[str]]]:
    """The day's outlets, and each article's outlet keys (its own, then its copies')."""
    day = _Day()
    by_article: dict[str, list[str]] = {}
    for source in sources:
        carriers: list[Source | Copy] = [source, *source.copies]
        keys = [day.add(c.source, c.labels) for c in carriers]
        by_article[source.id] = [k for k in dict.fromkeys(keys) if k is not None]
    return day, by_article


def _named(day: _Day, counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {day.key_names[k]: {day.value_names[(k, v)]: n for v, n in values.items()} for k, values in counts.items()}


def day_coverage(sources: Iterable[Source]) -> Coverage:
    """The whole day's coverage: every outlet, and every label value with its number of outlets
    (``missing`` and ``one_sided`` are empty). Views draw a story's share against it."""
    day, _ = _read(sources)
    values = day.values
    return Coverage(outlets=[o.name for o in day.outlets.values()], labels=_named(day, values),
                    unlabeled=[o.name for o in day.outlets.values() if not o.labels] if values else [])


def story_coverage(story: Story, sources: Sequence[Source], options: CoverageOptions = CoverageOptions()) -> Coverage | None:
    """``story``'s coverage among the day's ``sources`` (see the module docstring); None when none
    of its articles names an outlet."""
    day, by_article = _read(sources)
    return _story(story, day, by_article, options)


def _story(story: Story, day: _Day, by_article: dict[str, list[str]], options: CoverageOptions) -> Coverage | None:
    keys = list(dict.fromkeys(k for article in story.articles for k in by_article.get(article, ())))
    if not keys:
        return None
    outlets = [day.outlets[k] for k in keys]
    counts = _counts(outlets)
    day_values = day.values
    counts = {k: counts[k] for k in day_values if k in counts}  # the day's key order
    missing = {k: [v for v in values if v not in counts.get(k, {})] for k, values in day_values.items()}
    one_sided = [
        k for k, values in day_values.items()
        if len(values) >= 2 and len(outlets) >= options.min_outlets
        and all(k in o.labels for o in outlets) and len(counts.get(k, {})) == 1
    ]
    return Coverage(
        outlets=[o.name for o in outlets],
        labels=_named(day, counts),
        missing={day.key_names[k]: [day.value_names[(k, v)] for v in vs] for k, vs in missing.items() if vs},
        unlabeled=[o.name for o in outlets if not o.labels] if day_values else [],
        one_sided=[day.key_names[k] for k in one_sided],
    )


def with_coverage(stories: Sequence[Story], sources: Sequence[Source],
                  options: CoverageOptions = CoverageOptions()) -> list[Story]:
    """``stories`` with ``coverage`` filled from the day's ``sources`` (read once)."""
    day, by_article = _read(sources)
    return [s.model_copy(update={"coverage": _story(s, day, by_article, options)}) for s in stories]
