"""The views open with "What changed since DATE": the new stories, the updated figures with both
values and dates, the stories that dropped out; nothing of the kind without history; every
saved string escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefing.daily import (
    DailyBriefing,
    DroppedStory,
    Story,
    daily_to_html,
    daily_to_markdown,
    diff,
)
from briefing.daily.markdown import what_changed_markdown
from briefing.daily.whatchanged import what_changed
from history_fixtures import CHANGED_MD, day_one, day_two


def test_markdown_opens_with_what_changed():
    text = daily_to_markdown(diff(day_one(), day_two()))
    assert "\n".join(what_changed_markdown(diff(day_one(), day_two()))) + "\n" == CHANGED_MD
    head, _, rest = text.partition("\n## 1. ")
    assert head.endswith(CHANGED_MD) and "What changed" not in rest  # before the first story, once


def test_no_history_no_section():
    assert what_changed(day_two()) is None
    assert "What changed" not in daily_to_markdown(day_two()) and "What changed" not in daily_to_html(day_two())
    assert 'class="changes"' not in daily_to_html(day_two())


def test_nothing_changed_is_said_in_one_line():
    same = diff(day_two(), day_two())
    lines = what_changed_markdown(same)
    assert lines[-1] == "Nothing new: no new stories, no updated figures, no stories dropped out."
    assert "Nothing new" in daily_to_html(same)


class _Text(HTMLParser):
    """The text of the changes section, tag by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.parts, self.links = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "section" and ("class", "changes") in attrs:
            self.inside = 1
        elif self.inside and tag == "section":
            self.inside += 1
        if self.inside and tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if self.inside and tag == "section":
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and data.strip():
            self.parts.append(data.strip())


def test_html_opens_with_what_changed():
    changed = diff(day_one(), day_two())
    page = daily_to_html(changed)
    parser = _Text()
    parser.feed(page)
    text = " ".join(p for p in parser.parts if not p.startswith(".daily"))
    assert text == (
        "What changed since 2026-12-05 New stories Strike halts Port Alden terminal (2) "
        "Updated Ridgecrest quake injuries rise (David Witt): 140 → 200 "
        "2026-12-05: 140 people were injured in Ridgecrest and crews were still searching damaged homes "
        "2026-12-06: 200 people were injured in Ridgecrest and crews were still searching damaged homes "
        "Dropped out Riverton to raise taxes for new bridge (Riverton Herald, Riverton Post)")
    quake = next(s for s in changed.stories if s.change == "continuing")
    strike = next(s for s in changed.stories if s.change == "new")
    assert parser.links == [f"#{strike.id}", f"#{quake.id}"]
    assert f'id="{quake.id}"' in page and f'id="{strike.id}"' in page  # the links land
    assert page.index('class="changes"') < page.index("<nav>")  # it opens the page
    assert "<script" not in page


HOSTILE = '<script>alert(1)</script> [click](javascript:alert(1)) ![x](https://evil.example/x.png) **bold**'


def test_a_hostile_saved_headline_is_escaped_in_both_views():
    before = DailyBriefing(title="t", date="2026-12-05", sources=[], stories=[
        Story(id='x" onmouseover="alert(1)', headline=HOSTILE, summary="s", articles=[])])
    saved = DailyBriefing.model_validate_json(before.model_dump_json())
    today = DailyBriefing(title="t", date="2026-12-06", sources=[], stories=[
        Story(id="story-1", headline="Snow closes the Varga pass", summary="s", articles=[])])
    changed = diff(saved, today)
    assert changed.dropped == [DroppedStory(id='x" onmouseover="alert(1)', headline=HOSTILE, outlets=[])]

    page = daily_to_html(changed)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'onmouseover="' not in page

    text = daily_to_markdown(changed)
    dropped = " ".join(line.strip() for line in text.split("**Dropped out**\n\n")[1].split("\n\n")[0].splitlines())
    assert dropped == ("- \\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(1)) "
                       "!\\[x\\](https\\://evil.example/x.png) \\*\\*bold\\*\\*")
    assert not re.search(r"(?<!\\)\[click", text)


def test_a_new_story_in_also_reported_links_to_that_list():
    changed = diff(day_one(), day_two())
    strike = next(s for s in changed.stories if s.change == "new")
    alone = strike.model_copy(update={"articles": strike.articles[:1], "claims": []})  # one article, nothing corroborated
    page = daily_to_html(changed.model_copy(update={"stories": [
        alone if s is strike else s for s in changed.stories]}))
    parser = _Text()
    parser.feed(page)
    assert parser.links[0] == "#also-reported" and 'id="also-reported"' in page
    assert f'id="{strike.id}"' not in page  # it has no section of its own to link to


def test_records_carry_what_changed_for_a_notebook_table():
    records = diff(day_one(), day_two()).to_records()
    changes = {row["headline"]: row["change"] for row in records["stories"]}
    assert changes == {"Ridgecrest quake injuries rise": "continuing", "Strike halts Port Alden terminal": "new"}
    [updated] = [row for row in records["claims"] if row["change"] == "updated"]
    assert updated["change_notes"] == "140 → 200"
    assert updated["previous_evidence"] == "140 people were injured in Ridgecrest and crews were still searching damaged homes"
    assert {row["change"] for row in day_two().to_records()["claims"]} == {None}  # no history: null


def test_slack_opens_with_what_changed_too():
    from briefing.daily import daily_to_slack

    text = daily_to_slack(diff(day_one(), day_two()))
    section = text.split("\n\n")[1].splitlines()
    assert section == [
        "*What changed since 2026-12-05*",
        "• new: Strike halts Port Alden terminal (2 articles)",
        "• updated: Ridgecrest quake injuries rise (David Witt): *140 → 200*",
        "      ◦ 2026-12-05: “140 people were injured in Ridgecrest and crews were still searching damaged homes”",
        "      ◦ 2026-12-06: “200 people were injured in Ridgecrest and crews were still searching damaged homes”",
        "• dropped out: Riverton to raise taxes for new bridge (Riverton Herald, Riverton Post)"]
    assert "What changed" not in daily_to_slack(day_two())


def test_a_hostile_saved_headline_is_escaped_in_slack():
    from briefing.daily import daily_to_slack

    before = DailyBriefing(title="t", date="2026-12-05", sources=[], stories=[
        Story(id="story-9", headline="<!channel> @here <https://evil.example|click> & more", summary="s", articles=[])])
    today = DailyBriefing(title="t", date="2026-12-06", sources=[], stories=[
        Story(id="story-1", headline="Snow closes the Varga pass", summary="s", articles=[])])
    [line] = [x for x in daily_to_slack(diff(before, today)).splitlines() if x.startswith("• dropped out")]
    assert "<!channel>" not in line and "<https://evil" not in line and "@here" not in line
    assert "&lt;!channel&gt;" in line and "&amp; more" in line


def test_the_terminal_view_opens_with_what_changed_too():
    from briefing.daily.terminal import daily_to_text

    text = daily_to_text(diff(day_one(), day_two()))
    section = text.split("\n\n")[1]
    assert section == """What changed since 2026-12-05
  new: Strike halts Port Alden terminal (2 articles)
  updated: Ridgecrest quake injuries rise (David Witt): 140 → 200
    2026-12-05: “140 people were injured in Ridgecrest and crews were still
    searching damaged homes”
    2026-12-06: “200 people were injured in Ridgecrest and crews were still
    searching damaged homes”
  dropped out: Riverton to raise taxes for new bridge (Riverton Herald, Riverton
  Post)"""
    assert "What changed" not in daily_to_text(day_two())


def test_a_hostile_saved_headline_cannot_drive_the_terminal():
    from briefing.daily.terminal import daily_to_text

    before = DailyBriefing(title="t", date="2026-12-05", sources=[], stories=[
        Story(id="story-9", headline="Bridge\x1b[2J\x1b]0;owned\x07 closes\u202e", summary="s", articles=[])])
    today = DailyBriefing(title="t", date="2026-12-06", sources=[], stories=[
        Story(id="story-1", headline="Snow closes the Varga pass", summary="s", articles=[])])
    text = daily_to_text(diff(before, today))
    [line] = [x for x in text.splitlines() if "dropped out" in x]
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert line == "  dropped out: Bridge [2J ]0;owned closes"
