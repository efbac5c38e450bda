"""compare_texts (pairing, summaries, the fast path) and the docstring examples."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing import quantities
from briefing.quantities import Quantity, compare_texts, may_hold_figures


def test_pairs_by_counted_word_not_across() -> None:
    result = compare_texts("3 dead, 140 injured", "3 dead, 400 injured")
    assert [(c.a.text, c.b.text, c.relation) for c in result.comparisons if c.a and c.b] == [
        ("3", "3", "same"), ("140", "400", "conflicting")]
    assert [c.note for c in result.conflicts] == ["140 ≠ 400"]
    assert result.has_conflict and result.unmatched == ()


def test_counted_words_win_over_order() -> None:
    result = compare_texts("140 injured and 3 dead", "3 dead and 400 injured")
    pairs = {(c.a.text, c.b.text) for c in result.comparisons if c.a and c.b}
    assert pairs == {("140", "400"), ("3", "3")}


def test_agreeing_figures_pair_before_order() -> None:
    result = compare_texts("killed 3 and injured 140", "injured 140 and killed 3")
    assert [c.relation for c in result.comparisons] == ["same", "same"]
    assert not result.has_conflict


def test_unmatched_figures() -> None:
    result = compare_texts("5 miles and 3 people and 2%", "8 km")
    assert [c.relation for c in result.comparisons] == ["same"]
    assert [item.text for item in result.unmatched] == ["3", "2%"]
    assert result.unmatched_b == ()
    reverse = compare_texts("8 km", "5 miles and 3 people")
    assert [item.text for item in reverse.unmatched_b] == ["3"]


def test_summaries() -> None:
    result = compare_texts(
        "The $88m deal was agreed on Tuesday for two nights at 120 mph",
        "The 103 million euros deal was agreed on Wednesday for 2 nights at 193 km/h",
    )
    assert result.incomparable == [
        "different currencies (USD, EUR): not compared without an exchange rate"]
    assert result.conversions == ["two = 2 (words read as numbers)",
                                  "120 mph ≈ 193 km/h (converted: 120 mph = 193.1 km/h)"]
    assert [c.note for c in result.conflicts] == ["different weekday: Tuesday vs Wednesday"]
    assert result.opposite is None


def test_dates_pair_with_the_one_they_agree_with() -> None:
    result = compare_texts("in March 2013 on Tuesday", "on Tuesday in March 2013")
    assert [c.relation for c in result.comparisons] == ["same", "same"]
    result = compare_texts("in 2013", "on Tuesday")
    assert result.comparisons == () and [d.text for d in result.unmatched] == ["2013"]


def test_direction_words() -> None:
    assert compare_texts("Shares rose 5%", "Shares fell 5%").opposite == ("rose", "fell")
    assert compare_texts("Shares rose 5%", "Shares fell 5%").has_conflict
    assert compare_texts("Shares rose 5%", "Shares rose 5%").opposite is None
    assert not compare_texts("Shares rose", "Shares rose").has_conflict


def test_no_figures_fast_path() -> None:
    assert not may_hold_figures("Police said the road was closed")
    assert may_hold_figures("on Tuesday") and may_hold_figures("two") and may_hold_figures("3")
    result = compare_texts("Police said the road was closed", "The road was closed by police")
    assert result.comparisons == () and result.unmatched == () and not result.has_conflict


def test_no_figures_is_fast() -> None:
    text = "Police said the road was closed after the storm. " * 20
    started = time.perf_counter()
    for _ in range(200):
        compare_texts(text, text)
    assert time.perf_counter() - started < 2.0


def test_pint_is_loaded_only_to_convert() -> None:
    code = (
        "import sys\n"
        "from briefing.quantities import compare_texts, find_quantities\n"
        "compare_texts('3 dead on Tuesday, 2 miles', 'three dead on Tuesday, 2 miles')\n"
        "assert find_quantities('15 miles')[0].unit == 'mile'\n"
        "assert 'pint' not in sys.modules, 'pint loaded without a conversion'\n"
        "compare_texts('15 miles', '24 km')\n"
        "assert 'pint' in sys.modules\n"
    )
    source_root = str(Path(quantities.__file__).resolve().parents[2])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": source_root, "PATH": ""}, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "module",
    ["comparing", "dates", "directions", "reading", "texts"],
)
def test_docstring_examples(module: str) -> None:
    imported = importlib.import_module(f"briefing.quantities.{module}")
    failures, tried = doctest.testmod(imported)
    assert tried > 0 and failures == 0


def test_quantity_is_frozen() -> None:
    quantity = Quantity("2", 0, 1, 2.0, 2.0, "count")
    with pytest.raises(AttributeError):
        quantity.start = 3  # type: ignore[misc]
