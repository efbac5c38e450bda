"""Hostile article text for the HTML views: markup, template syntax, a 5,000-character word and
right-to-left text, each inside an excerpt the views mark."""

from __future__ import annotations

from briefing.core.models import Span

LONG_WORD = "W" * 5000
RTL = "قال الوزير إن الميزانية سترتفع"
MARKUP = '</mark><script>alert(1)</script><img src=x onerror=alert(2)> {{ config }} {% if 1 %}'
HOSTILE_TEXT = (f'The mayor said "{MARKUP} stays." Then came {LONG_WORD} in the minutes.\n\n'
                f"{RTL}.\n\nThe end.")
"""Three excerpts sit in it: the markup quotation, the long word, the right-to-left sentence."""


def hostile_spans() -> dict[str, Span]:
    """The three excerpts of ``HOSTILE_TEXT`` by name, as spans."""
    out = {}
    for name, excerpt in (("markup", f"{MARKUP} stays."), ("long", LONG_WORD), ("rtl", RTL)):
        start = HOSTILE_TEXT.index(excerpt)
        out[name] = Span(start=start, end=start + len(excerpt))
    return out


def assert_no_live_markup(page: str) -> None:
    """The hostile strings are in ``page`` only escaped: no tag, no template output."""
    assert "<script" not in page and "<img" not in page and "</mark><script" not in page
    assert "&lt;/mark&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ config }}" in page and "{% if 1 %}" in page  # shown as written, never evaluated
