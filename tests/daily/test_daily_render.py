"""Markdown, HTML and notebook views of a DailyBriefing: self-contained, escaped, linked."""

from __future__ import annotations

import re

from briefing import Article, daily
from briefing.core.models import Span, Speaker
from briefing.daily import daily_to_html, daily_to_markdown
from briefing.daily.markdown import escape_md
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim
from briefing.daily.view import safe_url
from daily_fixtures import quake_day

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _hostile_briefing() -> DailyBriefing:
    evidence = f'{HOSTILE} said "hi"'
    return DailyBriefing(
        title=f"Day {HOSTILE}", date="2026-11-25",
        stories=[Story(id="story-1", headline=f"Headline {HOSTILE}", summary=f"Summary ](javascript:alert(1)) {HOSTILE}",
                       articles=["a"], claims=[StoryClaim(
                           statement=f"[click](javascript:alert(1)) {HOSTILE}",
                           speaker=Speaker(name=f"Eve {HOSTILE}", role="<b>role</b>", anonymous=True, via="<i>AFP</i>"),
                           verdict="single_source",
                           reports=[Report(article="a", evidence=evidence, span=Span(start=0, end=len(evidence)),
                                           grounding="exact")])])],
        sources=[Source(id="a", title=f"T {HOSTILE}", source=f"Outlet {HOSTILE}", url="javascript:alert(1)")],
        warnings=[f"warn {HOSTILE}"], failures=[f"bad.txt: {HOSTILE}"],
    )


def test_html_escapes_every_model_and_article_string():
    html = daily_to_html(_hostile_briefing())
    assert "<script>" not in html and "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html.replace("](javascript:alert(1))", "").replace("[click](javascript:alert(1))", "")
    assert 'href="javascript' not in html


def test_html_is_one_self_contained_page():
    html = daily_to_html(daily(quake_day()))
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<meta name="viewport"' in html
    assert not re.search(r"<(script|link|iframe|img)\b", html, re.IGNORECASE)
    assert not re.search(r"""\bsrc\s*=|@import|url\(""", html, re.IGNORECASE)
    external = set(re.findall(r'href="(https?://[^"]+)"', html))
    assert external <= {"https://desert.example/quake", "https://coast.example/quake", "https://valley.example/a2",
                        "https://state.example/a3"}


def test_html_links_every_report_to_its_source_and_shows_speakers():
    d = daily(quake_day())
    html = daily_to_html(d)
    assert 'href="https://desert.example/quake"' in html
    assert 'href="#src-b2"' in html  # no URL: the link goes to the sources list
    assert "Maria Lopez" in html and '<li id="story-1-c2" class="contested">' in html  # a1 story: claim 1 has 3 outlets


def test_notebook_view_is_a_fragment():
    d = daily(quake_day())
    fragment = d._repr_html_()
    assert "<!DOCTYPE" not in fragment and "<html" not in fragment and 'class="daily"' in fragment


def test_markdown_escapes_and_links():
    md = daily_to_markdown(_hostile_briefing())
    assert not re.search(r"(?<!\\)<(?!https?://)", md), "every < is escaped, except a link's own <URL>"
    assert not re.search(r"(?<!\\)\]\(", md.replace("](<https://", "")), "no unescaped ]( can open a link"
    assert "(<javascript" not in md and "javascript:alert(1)>" not in md
    assert "\\[click\\]" in md
    day = daily_to_markdown(daily(quake_day()))
    assert day.startswith("# Daily briefing, 2026-11-25")
    assert "[Desert Sun](<https://desert.example/quake>)" in day
    assert "contested" in day and "Maria Lopez" in day


def test_escape_md_folds_newlines_and_keeps_words():
    assert escape_md("a\n\n# b *c* [d](e) snake_case _x_") == "a # b \\*c\\* \\[d\\](e) snake_case \\_x\\_"


def test_safe_url_keeps_only_web_links():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "JaVaScRiPt:alert(1)", "//evil.example", "", None, "http://[::1"):
        assert safe_url(bad) is None


def test_empty_lists_render():
    d = DailyBriefing(title="Quiet day", stories=[], sources=[])
    assert "Quiet day" in daily_to_html(d) and "0 stories" in daily_to_markdown(d)


def test_a_single_article_day_renders(tmp_path):
    d = daily([Article(id="solo", text=quake_day()[0].text)])
    assert "solo" in daily_to_markdown(d) or "Desert" in daily_to_markdown(d)
    assert len(d.stories) == 1 and d.stories[0].articles == ["solo"]


def test_hostile_article_ids_are_escaped_in_anchors():
    a = quake_day()[0].model_copy(update={"id": '"><script>x</script>', "url": None})
    html = daily_to_html(daily([a]))
    assert "<script>x" not in html and "&#34;&gt;&lt;script&gt;" in html


def _links_and_html(markdown: str) -> tuple[list[str], list[str]]:
    """The hrefs and the raw HTML a GFM-like CommonMark renderer (autolinks on) makes of ``markdown``."""
    from markdown_it import MarkdownIt

    hrefs, html = [], []
    tokens = MarkdownIt("gfm-like").parse(markdown)
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type == "link_open":
                hrefs.append(t.attrGet("href"))
            if t.type in ("html_inline", "html_block"):
                html.append(t.content)
    return hrefs, html


def test_a_hostile_url_renders_no_html_and_no_extra_link():
    urls = {"img": "https://x.example/a<img src=x onerror=alert(1)",
            "newline": "https://x.example/b\n[Reset your password](https://evil.example/reset)",
            "angle": "https://x.example/c> [Reset](https://evil.example/r) <",
            "backslash": "https://x.example/d\\>\n<script>alert(1)</script>"}
    briefing = DailyBriefing(
        title="Day", date="2026-11-25",
        stories=[Story(id="story-1", headline="Pay at https://evil.example/pay now",
                       summary="Or www.evil.example/login, said https://evil.example.", articles=list(urls),
                       claims=[StoryClaim(statement="Visit https://evil.example/x today", verdict="single_source",
                                          reports=[Report(article=a, evidence="see http://evil.example/e",
                                                          grounding="exact") for a in urls])])],
        sources=[Source(id=a, title=f"Outlet {a}", url=u) for a, u in urls.items()],
    )
    hrefs, html = _links_and_html(daily_to_markdown(briefing))
    assert html == []
    assert hrefs and all(h.startswith("https://x.example/") for h in hrefs), hrefs
    assert not any("evil.example" in h.split("x.example", 1)[1] and "%" not in h for h in hrefs)
    assert {h[:len("https://x.example/a")] for h in hrefs} == {"https://x.example/" + k for k in "abcd"}


def test_safe_url_percent_encodes_what_a_link_destination_may_not_hold():
    assert safe_url("https://x.example/a<img src=x>") == "https://x.example/a%3Cimg%20src=x%3E"
    assert safe_url(" https://x.example/a\nb ") == "https://x.example/a%0Ab"
    assert safe_url("https://x.example/q?a=1&b=%20#frag") == "https://x.example/q?a=1&b=%20#frag"
    assert safe_url("https://x.example/\\\"`") == "https://x.example/%5C%22%60"
    assert safe_url("https://zürich.example/straße") == "https://zürich.example/straße"
