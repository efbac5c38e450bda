"""plural(): the one way a view or a stderr line says a count."""

import pytest

from briefing.core.wording import plural


@pytest.mark.parametrize("count, words, expected", [
    (0, ("claim",), "0 claims"), (1, ("article",), "1 article"), (2, ("article",), "2 articles"),
    (-1, ("claim",), "-1 claim"), (1_000, ("token",), "1,000 tokens"), (1, ("story", "stories"), "1 story"),
    (0, ("story", "stories"), "0 stories"), (14, ("entry", "entries"), "14 entries"),
    (11, ("attempt",), "11 attempts"), (21, ("article",), "21 articles"),
])
def test_plural_says_the_count_with_the_right_noun(count, words, expected):
    assert plural(count, *words) == expected
