"""The characters next to a place in a long text, read without copying the text up to it.

``text[:at].rstrip()[-2:]`` copies everything before ``at``: asked once per claim of a 5 MB
article, that is quadratic. ``chars_before`` and ``chars_after`` give the same answer from a
small window, widened only while it holds nothing but the characters stripped.
"""

from __future__ import annotations

_WINDOW = 64


def chars_before(text: str, at: int, count: int, floor: int = 0) -> str:
    """``text[floor:at].rstrip()[-count:]``: the last ``count`` characters before ``at`` (and
    from ``floor`` on) that are not trailing whitespace."""
    window = _WINDOW
    while True:
        low = max(floor, at - window)
        stripped = text[low:at].rstrip()
        if len(stripped) >= count or low <= floor:
            return stripped[-count:] if count else ""
        window *= 4


def chars_after(text: str, at: int, count: int, strip: str | None = None) -> str:
    """``text[at:].lstrip(strip)[:count]``: the first ``count`` characters from ``at`` on, after
    the leading ``strip`` characters (whitespace when None)."""
    window = _WINDOW
    while True:
        high = at + window
        stripped = text[at:high].lstrip(strip)
        if len(stripped) >= count or high >= len(text):
            return stripped[:count]
        window *= 4
