"""A ``DailyBriefing`` as flat tables for notebooks: plain dicts (``to_records``) or pandas
DataFrames (``to_frames``, the ``frames`` extra, imported only when asked for).

Four tables, each a list of flat rows (str, int, bool or None values), linked by ids:

- ``stories``: one row per story (``story``: its id), with its outlets and coverage flags;
- ``claims``: one row per story claim (``claim``: ``STORY-cN``, as the HTML anchors), with ``story``;
- ``reports``: one row per report (``claim``, ``story``, ``article``), with its outlet and span;
- ``coverage``: one row per story and label value of the day (``story``, ``label``, ``value``,
  ``outlets``: how many of the story's outlets have it, 0 for a value the story misses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.errors import ConfigurationError
from briefing.daily.coverage import day_coverage
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim

if TYPE_CHECKING:
    import pandas

Row = dict[str, str | int | bool | None]
TABLES = ("stories", "claims", "reports", "coverage")
FRAMES_HINT = "install the frames extra: pip install 'grounded-briefing[frames]' (or use to_records(), without pandas)"


def claim_id(story: Story, number: int) -> str:
    """A story claim's id: the story's id and its 1-based number (``story-1-c2``)."""
    return f"{story.id}-c{number}"


def _story(story: Story) -> Row:
    coverage = story.coverage
    return {
        "story": story.id, "headline": story.headline, "summary": story.summary,
        "articles": len(story.articles), "claims": len(story.claims), "disputes": len(story.disputes),
        "contested": sum(c.verdict == "contested" for c in story.claims),
        "corroborated": sum(c.verdict == "corroborated" for c in story.claims),
        "outlets": len(coverage.outlets) if coverage else 0,
        "outlet_names": "; ".join(coverage.outlets) if coverage else None,
        "one_sided": "; ".join(coverage.one_sided) if coverage and coverage.one_sided else None,
        "change": story.change,  # day over day (new, continuing), when the briefing was compared with history
    }


def _claim(story: Story, number: int, claim: StoryClaim) -> Row:
    speaker = claim.speaker
    return {
        "claim": claim_id(story, number), "story": story.id, "number": number, "statement": claim.statement,
        "verdict": claim.verdict, "kind": claim.kind, "direct_quote": claim.direct_quote,
        "speaker": speaker.name if speaker else None, "speaker_role": speaker.role if speaker else None,
        "anonymous": speaker.anonymous if speaker else None, "reports": len(claim.reports),
        "change": claim.change,  # new, repeated, updated
        "change_notes": "; ".join(claim.change_notes) if claim.change_notes else None,  # "140 → 200"
        "previous_evidence": claim.previous[0].evidence if claim.previous else None,
    }


def _report(claim: str, story: str, report: Report, source: Source | None) -> Row:
    return {
        "claim": claim, "story": story, "article": report.article,
        "outlet": source.source if source else None, "url": source.url if source else None,
        "evidence": report.evidence, "grounding": report.grounding,
        "start": report.span.start if report.span else None, "end": report.span.end if report.span else None,
        "agreement": report.agreement, "differences": len(report.differences),
        "notes": "; ".join(report.notes) if report.notes else None,
    }


def _coverage(story: str, label: str, value: str, outlets: int, day_outlets: int) -> Row:
    return {"story": story, "label": label, "value": value, "outlets": outlets, "day_outlets": day_outlets}


def to_records(briefing: DailyBriefing) -> dict[str, list[Row]]:
    """The briefing as four lists of flat dicts (``stories``, ``claims``, ``reports``,
    ``coverage``; see the module docstring), ready for ``csv``, ``json`` or a DataFrame."""
    sources = {s.id: s for s in briefing.sources}
    day = day_coverage(briefing.sources)
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for story in briefing.stories:
        tables["stories"].append(_story(story))
        for number, claim in enumerate(story.claims, 1):
            tables["claims"].append(_claim(story, number, claim))
            tables["reports"].extend(_report(claim_id(story, number), story.id, r, sources.get(r.article))
                                     for r in claim.reports)
        if story.coverage is not None:
            for label, values in day.labels.items():
                carried = story.coverage.labels.get(label, {})
                tables["coverage"].extend(_coverage(story.id, label, value, carried.get(value, 0), total)
                                          for value, total in values.items())
    return tables


def to_frames(briefing: DailyBriefing) -> dict[str, pandas.DataFrame]:
    """``to_records`` as pandas DataFrames (one per table, with its columns even when empty).

    Raises:
        ConfigurationError: pandas is not installed (the ``frames`` extra).
    """
    try:
        import pandas
    except ImportError as e:
        raise ConfigurationError(f"DailyBriefing.to_frames() needs pandas; {FRAMES_HINT}") from e
    return {name: pandas.DataFrame.from_records(rows, columns=COLUMNS[name]) for name, rows in to_records(briefing).items()}


def _columns() -> dict[str, list[str]]:
    """Each table's columns, from an example row (so an empty table keeps them)."""
    story = Story(id="s", headline="", summary="", articles=[])
    claim = StoryClaim(statement="", verdict="single_source", reports=[])
    rows = {"stories": _story(story), "claims": _claim(story, 1, claim),
            "reports": _report("c", "s", Report(article="a", evidence=""), None),
            "coverage": _coverage("s", "l", "v", 0, 0)}
    return {name: list(rows[name]) for name in TABLES}


COLUMNS = _columns()
"""Each table's column names, in order."""
