"""Counted nouns in the words a reader sees: ``plural(1, "story")`` is "1 story", never "1 stories"
or "1 story(s)". Every view and every summary line on stderr says its counts through it."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"{count} {noun}"``, the noun singular for exactly 1 (and -1), else ``plural_form``
    (default: ``singular`` + "s")."""
    noun = singular if abs(count) == 1 else (plural_form or singular + "s")
    return f"{count:,} {noun}"
