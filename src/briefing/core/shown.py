"""Text from articles, feeds, servers and file names made safe to show on a screen: escape
sequences and other control characters, and the invisible marks that reorder a line
(bidirectional overrides), never reach a terminal or a view."""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters but the tab and the line break, and the marks that reorder a line."""


def shown(text: str) -> str:
    """``text`` without control characters (an escape becomes a space, so the words around it stay
    apart) and bidirectional overrides; tabs and line breaks stay."""
    return _UNSAFE.sub("", text.replace("\x1b", " "))


def shown_value(value: object) -> object:
    """Jinja's ``finalize`` for the HTML views: every string a template writes goes through
    ``shown`` (markup the view itself made safe stays markup), so no article, feed or model
    text can reverse the rest of a line with a bidirectional override."""
    if not isinstance(value, str):
        return value
    cleaned = shown(value)
    return type(value)(cleaned) if hasattr(value, "__html__") else cleaned
