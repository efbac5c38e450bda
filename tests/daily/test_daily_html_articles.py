"""The daily page with the day's articles: each text once at the end, every shown report's
evidence marked at its span and opened from its outlet's name, hostile text escaped."""

from __future__ import annotations

import html
import re

from briefing import Article, daily
from briefing.core.models import Span, Speaker
from briefing.daily import daily_to_html
from briefing.daily.models import (
    DailyBriefing,
    Report,
    Source,
    Story,
    StoryClaim,
    StoryDispute,
    StoryPosition,
)
from briefing.daily.view import shown_claims
from daily_fixtures import QUAKE_A1, QUAKE_B1, quake_day
from page_fixtures import (
    HOSTILE_TEXT,
    LONG_WORD,
    RTL,
    assert_no_live_markup,
    hostile_spans,
)


def _sections(page: str) -> dict[str, str]:
    """Each article section's text (tags dropped, entities decoded) by its heading."""
    out = {}
    for head, body in re.findall(r'<h4 dir="auto">(.*?)</h4>.*?<div class="text" dir="auto">(.*?)</div>', page, re.DOTALL):
        out[html.unescape(head)] = html.unescape(re.sub(r"<sup class=\"n\">.*?</sup>|<[^>]+>", "", body))
    return out


def test_each_article_text_is_on_the_page_once_word_for_word():
    articles = quake_day()
    page = daily_to_html(daily(articles), articles=articles)
    sections = _sections(page)
    assert sorted(sections) == sorted(a.source for a in articles)
    for article in articles:
        assert sections[article.source] == article.text
    assert page.count('<section class="article"') == len(articles)
    assert page.count("Governor Ann Marsh toured Ridgecrest and promised state money for repairs") <= 2  # text + one claim


def test_every_shown_report_opens_at_its_mark_and_the_mark_leads_back():
    articles = quake_day()
    d = daily(articles)
    page = daily_to_html(d, articles=articles)
    texts = {a.id: a.text for a in articles}
    numbers = {s.id: n for n, s in enumerate(d.sources, 1)}
    opened = 0
    for story in d.stories:
        for n, claim in shown_claims(story)[0]:
            for report in claim.reports:
                if report.span is None:
                    continue
                anchor = f"ev-{story.id}-c{n}-a{numbers[report.article]}"
                found = re.search(rf'<span class="at" id="({re.escape(anchor)})"></span>(?:<span class="at" id="[^"]+"></span>)*<mark[^>]*>(.*?)</mark>', page)
                assert found, (story.id, n, report.article)
                assert f'href="#{anchor}"' in page
                assert html.unescape(found.group(2)) in texts[report.article][report.span.start:report.span.end]
                opened += 1
    assert opened >= 10
    assert re.search(r'<a class="outlet" href="#ev-story-1-c1-a\d+">', page)
    targets = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert targets <= ids, targets - ids  # no in-page link leads nowhere
    assert re.search(r'<sup class="n"><a href="#story-1-c1" title="claim 1">1</a>', page)


def test_without_articles_the_page_is_as_before():
    d = daily(quake_day())
    page = daily_to_html(d)
    assert 'class="article"' not in page and "<mark" not in page and 'href="#ev-' not in page
    assert 'href="https://desert.example/quake"' in page and 'href="#src-b2"' in page
    assert "opens its report in the article" not in page


def test_a_text_that_does_not_hold_the_evidence_is_shown_but_not_marked():
    articles = quake_day()
    d = daily(articles)
    shifted = [a.model_copy(update={"text": "Updated. " + a.text}) if a.id == "a1" else a for a in articles]
    page = daily_to_html(d, articles=shifted)
    assert 'id="ev-story-1-c1-a1"' not in page and not re.search(r'id="ev-[^"]*-a1"', page)
    assert _sections(page)["Desert Sun"].startswith("Updated. A magnitude 6.1")
    assert re.search(r'id="ev-[^"]*-a3"', page)  # the others still are
    assert 'href="#art-1"' in page  # the story's article list links to the (unmarked) text


def test_a_report_with_no_span_falls_back_to_the_article_link():
    text = "Officials said the road would reopen on Monday."
    claim = StoryClaim(statement="s", verdict="single_source", speaker=Speaker(name="Officials"), reports=[
        Report(article="x", evidence="the road reopens on Monday", grounding="not_found")])
    d = DailyBriefing(title="t", stories=[Story(id="story-1", headline="h", summary="s", articles=["x"], claims=[claim])],
                      sources=[Source(id="x", source="Post", url="https://post.example/x")])
    page = daily_to_html(d, articles=[Article(id="x", text=text)])
    assert "<mark" not in page and 'href="#ev-' not in page
    assert '<a class="outlet" href="#art-1">Post</a>' in page and _sections(page)["Post"] == text
    assert "not found in the article" in page


def test_strings_get_the_ids_daily_gives_them():
    d = daily([QUAKE_A1, QUAKE_B1])
    page = daily_to_html(d, articles=[QUAKE_A1, QUAKE_B1])
    assert {"article-1", "article-2"} <= set(_sections(page))
    assert re.search(r'id="ev-story-\d+-c1-a1"', page)


def test_dispute_positions_are_marked_and_link_back():
    text = "Moscow denies it plans an attack. NATO says it does."
    span = Span(start=0, end=text.index("."))
    position = StoryPosition(party="Moscow", stance="denies", article="x", evidence=text[:span.end], span=span,
                             grounding="exact")
    d = DailyBriefing(title="t", stories=[Story(id="story-1", headline="h", summary="s", articles=["x"], disputes=[
        StoryDispute(assertion="Russia plans an attack", positions=[position])])], sources=[Source(id="x")])
    page = daily_to_html(d, articles=[Article(id="x", text=text)])
    assert '<li id="story-1-d1">' in page and 'href="#ev-story-1-d1p1-a1"' in page
    assert '<a href="#story-1-d1" title="disputed 1">D1</a>' in page


def _hostile_day() -> DailyBriefing:
    reports = [Report(article="h", evidence=HOSTILE_TEXT[s.start:s.end], span=s, grounding="exact")
               for s in hostile_spans().values()]
    claims = [StoryClaim(statement=f"claim {n}", verdict="single_source", reports=[r]) for n, r in enumerate(reports)]
    return DailyBriefing(title="t", stories=[Story(id="story-1", headline="h", summary="s", articles=["h"], claims=claims)],
                         sources=[Source(id="h", title="</mark><b>Title</b>", url="javascript:alert(1)")])


def test_hostile_article_text_is_escaped_and_marked_by_offsets():
    page = daily_to_html(_hostile_day(), articles=[Article(id="h", text=HOSTILE_TEXT)])
    assert_no_live_markup(page)
    assert "<b>Title</b>" not in page and 'href="javascript' not in page
    text = page.split('<div class="text" dir="auto">', 1)[1].split("</div>", 1)[0]
    marked = [html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", text, re.DOTALL)]
    assert marked == [HOSTILE_TEXT[s.start:s.end] for s in hostile_spans().values()]
    assert LONG_WORD in marked and RTL in marked
    assert _sections(page)["</mark><b>Title</b>"] == HOSTILE_TEXT
    assert "overflow-wrap: anywhere" in page  # the 5,000-character word wraps on a phone


def test_counts_read_as_english():
    one = daily([quake_day()[0]])
    page = daily_to_html(one, articles=[quake_day()[0]])
    assert "1 story from 1 article ·" in page and "1 article:" in page
    assert "1 stories" not in page and "article(s)" not in page
    two = daily_to_html(daily(quake_day()))
    assert "2 stories from 5 articles" in two and "3 articles:" in two


def test_the_page_is_a_centred_column_that_fits_a_phone():
    page = daily_to_html(daily(quake_day()), articles=quake_day())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    column = re.search(r"\.daily \{([^}]*)\}", page).group(1)
    assert "max-width: 48rem" in column and "margin: 0 auto" in column and "overflow-wrap: anywhere" in column
    text = re.search(r"\.daily \.text \{([^}]*)\}", page).group(1)
    assert "white-space: pre-wrap" in text and "font-size: 1rem" in text  # paragraphs kept, no tiny print
    assert re.search(r"\.daily nav \.line \{[^}]*line-clamp: 2", page)  # a long headline takes two lines in the list
    assert '<span class="line"><a href="#story-1">' in page
