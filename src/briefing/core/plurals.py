"""Counted nouns for views: "1 story", "2 stories", never "1 stories" or "article(s)"."""

from __future__ import annotations


def plural(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun in the form that count takes: ``plural(1, "story", "stories")`` is
    "1 story", ``plural(0, "article")`` is "0 articles" (``plural`` defaults to ``singular + "s"``)."""
    word = singular if n == 1 else (plural if plural is not None else singular + "s")
    return f"{n} {word}"
