"""The terminal view of a day: rich text, never markup, wrapped between words at 80 columns,
verdicts in colour on a terminal and plain text in a pipe, and article text that cannot drive
the terminal."""

from __future__ import annotations

import io
import re

from rich.console import Console

from briefing import daily
from briefing.core.models import Span, Speaker
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim
from briefing.daily.terminal import clean, daily_to_text, print_daily
from briefing.daily.view import ViewOptions
from daily_fixtures import quake_day

LONG_URL = "https://news.example/" + "/".join(["a-rather-long-path-segment"] * 6) + "?id=12345"


def _words(*texts: str) -> set[str]:
    return {w for t in texts for w in re.findall(r"\w+", t)}


def _all_strings(d: DailyBriefing) -> set[str]:
    texts = [d.title, *(s.title or "" for s in d.sources), *(s.source or "" for s in d.sources),
             *(s.id for s in d.sources), *(s.published or "" for s in d.sources), *(s.url or "" for s in d.sources)]
    for story in d.stories:
        texts += [story.headline, story.summary]
        for claim in story.claims:
            texts += [claim.statement, claim.speaker.label if claim.speaker else ""]
            for r in claim.reports:
                texts += [r.evidence, *r.notes, *(f"{x.excerpt} {x.article}" for x in r.differences)]
    fixed = ("stories story from articles article offline rule based extractor no model contested corroborated one "
             "source outlets more single claims claim in the JSON differs reworded not found Sources Disputed "
             "unattributed quote no source named")
    return _words(*texts, fixed) | {str(n) for n in range(200)}  # counts and numbers


def _recorded(d: DailyBriefing, width: int = 80, **options) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    print_daily(d, console, ViewOptions(**options) if options else None)
    return console.export_text(styles=False)


def _wordy_day() -> DailyBriefing:
    """One story whose strings run long: names, a quotation of 60 words, a long URL."""
    quote = " ".join(["unprecedentedly", "comprehensive", "infrastructure", "reconstruction"] * 15)
    claim = StoryClaim(statement="s", verdict="corroborated",
                       speaker=Speaker(name="Alexandra Konstantinopoulou-Vanderbilt", role="Deputy Commissioner"),
                       reports=[Report(article="x", evidence=quote, span=Span(start=0, end=len(quote)), grounding="exact"),
                                Report(article="y", evidence=quote, span=Span(start=0, end=len(quote)), grounding="exact")])
    return DailyBriefing(title="Daily briefing, 2026-11-25", stories=[Story(
        id="story-1", headline="Internationally coordinated reconstruction announcements " * 3, summary=quote,
        articles=["x", "y"], claims=[claim])],
        sources=[Source(id="x", source="The Extraordinarily Long-Named Chronicle", url=LONG_URL),
                 Source(id="y", source="Herald")])


def test_at_80_columns_no_word_is_split_across_lines():
    for d in (daily(quake_day()), _wordy_day()):
        text = _recorded(d)
        known = _all_strings(d)
        for line in text.splitlines():
            if line.strip().startswith("https://"):
                continue
            assert len(line.rstrip()) <= 80, line
            for word in re.findall(r"\w+", line):
                assert word in known, f"{word!r} is part of a split word: {line!r}"


def test_a_long_url_stays_whole_on_its_own_line():
    lines = _recorded(_wordy_day()).splitlines()
    assert any(line.strip() == LONG_URL for line in lines)


def test_the_view_shows_stories_outlets_speakers_and_verdicts_in_order():
    text = _recorded(daily(quake_day()))
    assert text.startswith("Daily briefing, 2026-11-25\n2 stories from 5 articles · offline rule-based extractor")
    assert re.search(r"^1\. A magnitude 6\.1 earthquake", text, re.MULTILINE)
    assert re.search(r"^2\. A magnitude 5\.4 earthquake", text, re.MULTILINE)
    assert "3 articles: Desert Sun, Valley Post, State News" in text
    # ranked: the claim three outlets carry first, then the one two outlets dispute
    assert re.search(r"^   1 corroborated · 3 outlets  Maria Lopez", text, re.MULTILINE)
    assert re.search(r"^   2 contested · 2 outlets  David Witt \(Kern County fire chief\) *$", text, re.MULTILINE)
    assert "differs: 140 → 200" in text
    assert "Desert Sun, Valley Post, State News: “The shaking went on" in text  # same words: one line, three outlets
    assert "# " not in text and "**" not in text  # not Markdown


def test_verdicts_have_their_colours_on_a_terminal():
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=True, color_system="standard")
    print_daily(daily(quake_day()), console)
    ansi = console.export_text(styles=True)
    assert "\x1b[1;31mcontested · 2 outlets" in ansi
    assert "\x1b[1;32mcorroborated · 3 outlets" in ansi
    assert "\x1b[36mone source" in ansi
    assert re.search(r"\x1b\[1mMaria Lopez", ansi)  # the speaker bold, not in the verdict's colour


def test_counts_and_left_out_claims_read_as_english():
    one = _recorded(daily([quake_day()[0]]))
    assert "1 story from 1 article ·" in one and "1 article: Desert Sun" in one
    few = _recorded(daily(quake_day()), max_claims=3)
    assert "…and 1 more claim in the JSON." in few  # the first story holds 4 claims
    fewer = _recorded(daily(quake_day()), max_claims=1)
    assert "…and 3 more claims in the JSON." in fewer
    assert "(s)" not in one + few + fewer and "1 stories" not in one


def _hostile_day(text: str) -> DailyBriefing:
    claim = StoryClaim(statement=text, verdict="single_source", speaker=Speaker(name=f"Eve {text}"),
                       reports=[Report(article="x", evidence=text, grounding="not_found")])
    return DailyBriefing(title=f"Day {text}", stories=[Story(id="story-1", headline=text, summary=text, articles=["x"],
                                                             claims=[claim])],
                         sources=[Source(id="x", source=f"Outlet {text}", url="javascript:alert(1)")],
                         warnings=[f"note {text}"])


def test_article_text_cannot_drive_the_terminal():
    hostile = "[bold red]boom[/] \x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \u202eevil\u202c :smile: \r\x08ok"
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=True, color_system="standard")
    print_daily(_hostile_day(hostile), console)
    ansi = console.export_text(styles=True, clear=False)
    assert "\x1b[2J" not in ansi and "\x1b]" not in ansi
    assert "\x07" not in ansi and "\r" not in ansi and "\x08" not in ansi and "\u202e" not in ansi
    assert "\x1b]8;;https://evil.example" not in ansi  # no hyperlink escape from the data: its words only
    plain = console.export_text(styles=False)
    assert "[bold red]boom[/]" in plain and ":smile:" in plain  # shown as written, never markup or emoji
    assert "javascript" not in plain


def test_clean_keeps_words_and_right_to_left_text():
    assert clean("a\n\n b\tc") == "a b c"
    assert clean("قال الوزير") == "قال الوزير"
    assert clean("x\x1b[31my") == "x [31my"
    assert clean("\u2066a\u2069 \u200fb") == "a b"


def test_plain_text_has_no_escape_codes_or_trailing_spaces():
    text = daily_to_text(daily(quake_day()))
    assert "\x1b" not in text and text.endswith("\n")
    assert all(line == line.rstrip() for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= 80
    narrow = daily_to_text(daily(quake_day()), width=50)
    assert max(len(line) for line in narrow.splitlines()) <= 50
    assert daily_to_text(DailyBriefing(title="Quiet day", stories=[], sources=[])).startswith(
        "Quiet day\n0 stories from 0 articles")


def test_a_one_article_story_is_one_line_under_also_reported():
    from briefing.daily.view import layout

    d = daily(quake_day())
    stories = layout(d).stories
    lone = d.model_copy(update={"stories": [*d.stories, d.stories[1].model_copy(
        update={"id": "story-9", "headline": "A lone report on the harbour", "articles": [d.stories[1].articles[0]],
                "claims": [c.model_copy(update={"verdict": "single_source", "reports": c.reports[:1]})
                           for c in d.stories[1].claims]})]})
    text = _recorded(lone)
    assert [s.id for s in layout(lone).stories] == [s.id for s in stories]
    assert re.search(r"^Also reported\n  - A lone report on the harbour · Coast Times", text, re.MULTILINE)
    assert not re.search(r"^3\. A lone report", text, re.MULTILINE)  # no numbered story of its own


def test_a_long_also_reported_headline_wraps_under_itself():
    d = daily(quake_day())
    headline = "A lone report on the harbour where the fishing fleet waited out the storm for three long days"
    lone = d.model_copy(update={"stories": [*d.stories, d.stories[1].model_copy(
        update={"id": "story-9", "headline": headline, "articles": [d.stories[1].articles[0]],
                "claims": [c.model_copy(update={"verdict": "single_source", "reports": c.reports[:1]})
                           for c in d.stories[1].claims]})]})
    text = daily_to_text(lone, width=60)
    also = text[text.index("Also reported"):text.index("Sources")].splitlines()[1:]
    lines = [line for line in also if line.strip()]
    assert len(lines) > 1 and lines[0].startswith("  - A lone report")
    assert all(line.startswith("    ") and line[4] != " " for line in lines[1:])  # under the headline, not the dash
