"""``chars_before`` / ``chars_after`` answer as the slices they replace (#19)."""

from __future__ import annotations

import pytest

from briefing.text.edges import chars_after, chars_before

TEXTS = ["", "a", "ab", "“Yes,”  she said.", "x" + " " * 300 + "y", " " * 500, "tail,.!?" + "." * 300,
         "\u2003\u00a0a\n\n\t b ", "“" + "word " * 200 + "”", ",.!?,.!?", "ab" + "\n" * 1000]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_chars_before_is_the_stripped_prefix_end(text: str, count: int) -> None:
    for at in range(len(text) + 1):
        assert chars_before(text, at, count) == (text[:at].rstrip()[-count:] if count else "")


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("count", [0, 1, 2, 5])
@pytest.mark.parametrize("strip", [None, ",.!?"])
def test_chars_after_is_the_stripped_suffix_start(text: str, count: int, strip: str | None) -> None:
    for at in range(len(text) + 1):
        assert chars_after(text, at, count, strip) == text[at:].lstrip(strip)[:count]


def test_a_long_run_of_spaces_is_read_through() -> None:
    text = "end," + " " * 10_000 + "“start"
    assert chars_before(text, len(text) - 6, 2) == "d,"
    assert chars_after(text, 4, 2) == "“s"
    assert chars_after(text, 4, 2, ",") == "  "


def test_a_place_past_the_end_reads_nothing_after() -> None:
    assert chars_after("abc", 10, 2) == ""
    assert chars_before("abc", 0, 2) == ""


@pytest.mark.parametrize("text", TEXTS)
def test_chars_before_stops_at_the_floor(text: str) -> None:
    for floor in range(0, len(text) + 1, 7):
        for at in range(floor, len(text) + 1, 3):
            assert chars_before(text, at, 2, floor) == text[floor:at].rstrip()[-2:]
