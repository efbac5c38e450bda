"""Data for notebooks: ``DailyBriefing.to_records()`` (plain dicts, no pandas) and ``to_frames()``
(pandas DataFrames, the ``frames`` extra), the same four tables linked by ids."""

from __future__ import annotations

import json
import sys

import pytest

from briefing import daily
from briefing.core.errors import ConfigurationError
from briefing.daily.models import DailyBriefing
from briefing.daily.records import COLUMNS, TABLES, claim_id
from daily_fixtures import quake_day

LABELS = {"Desert Sun": {"region": "South"}, "Valley Post": {"region": "South"}, "State News": {"region": "South"},
          "Coast Times": {"region": "North"}}


@pytest.fixture(scope="module")
def day() -> DailyBriefing:
    return daily([a.model_copy(update={"labels": LABELS.get(a.source or "", {})}) for a in quake_day()])


def test_records_are_four_tables_of_flat_plain_rows_with_fixed_columns(day):
    records = day.to_records()
    assert tuple(records) == TABLES == ("stories", "claims", "reports", "coverage")
    for name, rows in records.items():
        assert rows, name
        assert all(list(row) == COLUMNS[name] for row in rows), name
        assert all(v is None or type(v) in (str, int, bool) for row in rows for v in row.values()), name
    json.dumps(records)  # plain data


def test_record_counts_match_the_model(day):
    records = day.to_records()
    assert len(records["stories"]) == len(day.stories)
    assert len(records["claims"]) == sum(len(s.claims) for s in day.stories)
    assert len(records["reports"]) == sum(len(c.reports) for s in day.stories for c in s.claims)
    # one coverage row per story with coverage and value of the day: two regions, North and South
    assert len(records["coverage"]) == 2 * sum(s.coverage is not None for s in day.stories)
    assert [r["claims"] for r in records["stories"]] == [len(s.claims) for s in day.stories]
    assert [r["outlets"] for r in records["stories"]] == [len(s.coverage.outlets) if s.coverage else 0
                                                          for s in day.stories]


def test_ids_link_the_tables_and_round_trip_to_the_model(day):
    records = day.to_records()
    stories = {r["story"]: r for r in records["stories"]}
    claims = {r["claim"]: r for r in records["claims"]}
    assert len(claims) == len(records["claims"])  # claim ids are unique
    assert all(c["story"] in stories for c in claims.values())
    assert all(r["claim"] in claims and claims[r["claim"]]["story"] == r["story"] for r in records["reports"])
    for story in day.stories:
        assert stories[story.id]["headline"] == story.headline
        for n, claim in enumerate(story.claims, 1):
            row = claims[claim_id(story, n)]
            assert (row["statement"], row["verdict"], row["number"]) == (claim.statement, claim.verdict, n)
            reports = [r for r in records["reports"] if r["claim"] == claim_id(story, n)]
            assert [(r["article"], r["evidence"], r["start"], r["end"], r["grounding"]) for r in reports] == [
                (r.article, r.evidence, r.span.start if r.span else None, r.span.end if r.span else None, r.grounding)
                for r in claim.reports]
    assert claim_id(day.stories[0], 2) == f"{day.stories[0].id}-c2"  # the HTML view's anchor


def test_report_rows_name_the_outlet_and_coverage_rows_the_groups(day):
    records = day.to_records()
    texts = {a.id: a.text for a in quake_day()}
    for r in records["reports"]:
        if r["start"] is not None:
            assert texts[r["article"]][r["start"]:r["end"]] == r["evidence"]
    outlets = {r["article"]: r["outlet"] for r in records["reports"]}
    assert outlets["a1"] == "Desert Sun" and outlets["a2"] == "Valley Post"
    ridgecrest = next(s for s in day.stories if "a1" in s.articles).id
    rows = {(r["value"], r["outlets"], r["day_outlets"]) for r in records["coverage"] if r["story"] == ridgecrest}
    assert rows == {("South", 3, 3), ("North", 0, 1)}
    assert next(r for r in records["stories"] if r["story"] == ridgecrest)["one_sided"] == "region"


def test_records_of_a_day_without_outlets(day):
    plain = daily([a.model_copy(update={"source": None}) for a in quake_day()])
    records = plain.to_records()
    assert records["coverage"] == []
    assert all(r["outlets"] == 0 and r["outlet_names"] is None for r in records["stories"])


def test_records_need_no_pandas(day, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    assert len(day.to_records()["stories"]) == len(day.stories)


def test_frames_without_pandas_name_the_extra(day, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ConfigurationError, match=r"pip install 'grounded-briefing\[frames\]'") as info:
        day.to_frames()
    assert "to_records()" in str(info.value)


def test_frames_are_the_records_as_dataframes(day):
    pandas = pytest.importorskip("pandas")
    frames, records = day.to_frames(), day.to_records()
    assert tuple(frames) == TABLES
    for name, frame in frames.items():
        assert isinstance(frame, pandas.DataFrame)
        assert list(frame.columns) == COLUMNS[name] and len(frame) == len(records[name]), name
    assert list(frames["claims"]["claim"]) == [r["claim"] for r in records["claims"]]
    assert set(frames["reports"]["claim"]) <= set(frames["claims"]["claim"])
    merged = frames["reports"].merge(frames["claims"][["claim", "verdict"]], on="claim", how="left")
    assert len(merged) == len(records["reports"]) and merged["verdict"].notna().all()


def test_an_empty_table_keeps_its_columns():
    pandas = pytest.importorskip("pandas")
    plain = daily([a.model_copy(update={"source": None}) for a in quake_day()])
    frame = plain.to_frames()["coverage"]
    assert isinstance(frame, pandas.DataFrame) and frame.empty and list(frame.columns) == COLUMNS["coverage"]
