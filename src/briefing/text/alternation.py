"""Word lists as regex alternations that the regex engine searches fast.

``alternation(["says", "said", "told"])`` gives ``'s(?:aid|ays)|t(?:old)'``: the words longest
first (so "says" is not cut to "say"; ties alphabetically), grouped by their first letter.
Words with different first letters never match at the same place, so the order within each
group is all that counts, and at each place the search tries one group instead of every word
(the engine cannot skip words by their first letter itself under IGNORECASE, nor behind a
lookbehind or an optional group).
"""

from __future__ import annotations

from collections.abc import Iterable


def alternation(words: Iterable[str], *, space: str = r"\s+") -> str:
    """``words`` as one regex alternation that matches what ``'|'.join(longest first)`` matches,
    in the same order. Words are plain words and phrases (no regex syntax); a space becomes
    ``space``.

    The grouping needs lowercase first letters (two different ones never match the same
    character, with or without IGNORECASE); otherwise the plain alternation is returned.
    """
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    if not all(word[:1].isascii() and word[:1].islower() for word in ordered):
        return "|".join(word.replace(" ", space) for word in ordered)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0], []).append(word[1:].replace(" ", space))
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
