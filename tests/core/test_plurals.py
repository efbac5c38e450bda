"""Counted nouns: one is singular, every other count (zero and negatives too) plural."""

from __future__ import annotations

import pytest

from briefing.core.plurals import plural


@pytest.mark.parametrize(("n", "expected"), [(1, "1 story"), (0, "0 stories"), (2, "2 stories"), (11, "11 stories"),
                                             (21, "21 stories"), (-1, "-1 stories")])
def test_irregular_plural_is_used_for_every_count_but_one(n, expected):
    assert plural(n, "story", "stories") == expected


def test_default_plural_adds_s():
    assert plural(1, "article") == "1 article"
    assert plural(14, "article") == "14 articles"
    assert "(s)" not in plural(14, "article")


def test_a_given_plural_is_used_as_given():
    assert plural(3, "sheep", "sheep") == "3 sheep"
