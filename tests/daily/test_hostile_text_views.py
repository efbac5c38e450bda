"""Article and model text in the Markdown and Slack views of a day is data: terminal escape
sequences, other control characters and the invisible marks that reorder a line (bidirectional
overrides) never reach the output, where ``--format markdown|slack`` prints them to a terminal;
right-to-left words themselves stay."""

from __future__ import annotations

import pytest

from briefing.daily.markdown import daily_to_markdown, escape_md
from briefing.daily.models import Story
from briefing.daily.slack import daily_to_slack, escape_slack
from daily_fixtures import hand_day, story_claim

HOSTILE = "Bridge\x1b[2J toll\x1b]8;;https://evil.example\x1b\\ rises\x07\x08 \u202eyawa\u202c \u2066x\u2069 \x9b31m"
UNSAFE = ["\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069"]


def _day(text: str):
    claim = story_claim(text, ["a1", "a2"], speaker=text, evidence=text)
    story = Story(id="s1", headline=text, summary=text, articles=["a1", "a2"], claims=[claim], disputes=[])
    return hand_day([story], {"a1": text, "a2": "Valley Post"}).model_copy(update={"title": text})


@pytest.mark.parametrize("view", [daily_to_markdown, daily_to_slack])
def test_control_characters_and_bidi_overrides_never_reach_the_view(view):
    out = view(_day(HOSTILE))
    assert [c for c in UNSAFE if c in out] == []
    assert "Bridge" in out and "toll" in out and "rises" in out


@pytest.mark.parametrize(("escape", "expected"), [(escape_md, "a \\[31mbc"), (escape_slack, "a [31mbc")])
def test_the_escapes_drop_controls_but_keep_words_and_right_to_left_text(escape, expected):
    assert escape("a\x1b[31mb\x00c") == expected
    hebrew = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"  # right-to-left words, no override
    assert escape(f"said {hebrew} today") == f"said {hebrew} today"
    assert "\x1b" not in escape("a\x1b[31mb") and "\u202e" not in escape("a\u202eb")
    assert escape("a\tb\nc") == "a b c"


def test_control_characters_and_bidi_overrides_never_reach_the_html_views():
    from briefing import Article, brief_offline
    from briefing.core.shown import shown_value
    from briefing.daily.html import daily_to_html
    from briefing.render.html import to_html

    page = daily_to_html(_day(HOSTILE), articles=[Article(id="a1", text=HOSTILE + "\nSecond line.")])
    assert [c for c in UNSAFE if c in page] == []
    assert "Bridge" in page and "rises" in page and "Second line." in page
    text = "Mayor Ana Ruiz said the toll \u202erises\u202c on Monday will pay for the new bridge.\nMore."
    single = to_html(brief_offline(Article(text=text)), text, full_page=True)
    assert "\u202e" not in single and "\u202c" not in single and "rises" in single
    from markupsafe import Markup

    kept = shown_value(Markup("<b>\u202ex</b>"))
    assert isinstance(kept, Markup) and kept == Markup("<b>x</b>")  # the view's own markup stays markup
    assert shown_value(3) == 3 and shown_value("a\tb\nc\x07") == "a\tb\nc"
