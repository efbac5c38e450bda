"""The coverage views: one Markdown line per story, an inline SVG bar with a caption in HTML and
the notebook; outlet names and labels are data (escaped everywhere, cut when very long)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from briefing import daily
from briefing.daily import daily_to_html, daily_to_markdown
from briefing.daily.coverage import day_coverage, with_coverage
from briefing.daily.coverageview import MAX_ROWS, SHORT, coverage_svg, coverage_text
from briefing.daily.models import Coverage, DailyBriefing, Source, Story
from daily_fixtures import quake_day

SVG = "{http://www.w3.org/2000/svg}"
LONG = "Very Long Outlet " * 600


def _briefing(outlets: list[tuple[str, str, dict[str, str]]], stories: list[list[str]]) -> DailyBriefing:
    sources = [Source(id=i, source=name, labels=labels) for i, name, labels in outlets]
    plain = [Story(id=f"story-{n}", headline=f"Story {n}", summary="s", articles=a) for n, a in enumerate(stories, 1)]
    return DailyBriefing(title="Day", stories=with_coverage(plain, sources), sources=sources)


WEST_DAY = _briefing([("a", "Alpha", {"region": "West"}), ("b", "Beta", {"region": "West"}),
                      ("c", "Gamma", {"region": "East"})], [["a", "b"], ["c"]])

HOSTILE = _briefing([("a", "<script>alert(1)</script>", {"</svg><img src=x onerror=alert(2)>": "{{x}}"}),
                     ("b", '"><b>x</b>[link](javascript:alert(3))', {"</svg><img src=x onerror=alert(2)>": "{% raw %}"}),
                     ("c", LONG, {"region": "' onload='alert(4)"})], [["a", "b", "c"]])


def test_the_markdown_line_names_outlets_counts_missing_groups_and_the_flag():
    markdown = daily_to_markdown(WEST_DAY, width=None)  # one line a paragraph: the line whole
    assert "*Covered by 2 outlets: Alpha, Beta · region: West 2 (none from East) · only West (region)*" in markdown
    # the one-article story is one line under "Also reported", without its coverage line
    assert "*Covered by 1 outlet: Gamma" not in markdown and "- Story 2 · Gamma" in markdown
    assert markdown.count("Covered by") == 1


def test_the_text_line_for_a_story_of_unlabeled_outlets_only():
    text = coverage_text(Coverage(outlets=["Delta"], missing={"region": ["West", "East"]}, unlabeled=["Delta"]))
    assert text == "Covered by 1 outlet: Delta · region: none from West, East · no labels: Delta"


def test_a_day_without_outlets_shows_no_coverage():
    d = daily([a.model_copy(update={"source": None}) for a in quake_day()])
    assert "Covered by" not in daily_to_markdown(d)
    assert "<svg" not in daily_to_html(d) and 'class="coverage"' not in daily_to_html(d)


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL)]


def test_html_has_one_accessible_svg_bar_per_story_without_scripts_or_assets():
    html = daily_to_html(WEST_DAY)
    svgs = _svgs(html)
    assert len(svgs) == 1  # the one-article story is one line under "Also reported"
    for svg in svgs:
        assert svg.get("role") == "img" and svg.get("aria-label", "").startswith("Covered by")
        assert svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}title").text == svg.get("aria-label")
        assert not [e for e in svg.iter() if e.tag.removeprefix(SVG) in ("script", "image", "use", "a", "foreignObject")]
        assert not [k for e in svg.iter() for k in e.attrib if k.startswith("on") or "href" in k]
    assert "<script" not in html.lower()


def _row_rects(svg: ET.Element) -> list[list[ET.Element]]:
    return [g.findall(f"{SVG}rect") for g in svg.iter(f"{SVG}g")]


def test_the_bar_fills_each_group_as_far_as_the_story_carries_it():
    story = WEST_DAY.stories[0]
    svg = ET.fromstring(coverage_svg(story.coverage, day_coverage(WEST_DAY.sources)))
    groups = _row_rects(svg)
    assert len(groups) == 3  # outlets, then region West and East
    (outlets_bg, outlets_fill), (west_bg, west_fill), (east_bg,) = groups  # East: no fill, nothing carried
    assert float(outlets_bg.get("width")) == 199.0 and float(outlets_fill.get("width")) == round(200 * 2 / 3 - 1, 1)
    assert float(west_bg.get("width")) == round(200 * 2 / 3 - 1, 1) == float(west_fill.get("width"))
    assert float(east_bg.get("width")) == round(200 / 3 - 1, 1)
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["outlets", "region"]
    # the partner: the east story fills East and leaves West empty
    other = ET.fromstring(coverage_svg(WEST_DAY.stories[1].coverage, day_coverage(WEST_DAY.sources)))
    assert [len(g) for g in _row_rects(other)] == [2, 1, 2]


def test_the_bar_draws_at_most_max_rows_label_keys():
    labels = {f"key{n}": f"v{n}" for n in range(MAX_ROWS + 4)}
    d = _briefing([("a", "Alpha", labels)], [["a"]])
    svg = _svgs(daily_to_html(d))[0]
    assert len(list(svg.iter(f"{SVG}text"))) == 1 + MAX_ROWS


class _Texts(HTMLParser):
    """Every tag opened, and every attribute, of a parsed HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def test_hostile_outlet_names_and_labels_are_escaped_in_svg_and_html():
    html = daily_to_html(HOSTILE)
    parser = _Texts()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert not [a for a in parser.attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{x}}" in html and "{% raw %}" in html  # shown as written, never rendered as a template
    [svg] = _svgs(html)  # well-formed: no label closed the SVG early
    assert "</svg><img" in svg.get("aria-label")  # the text, as an attribute value


def test_very_long_names_are_cut_in_every_view():
    html, markdown = daily_to_html(HOSTILE), daily_to_markdown(HOSTILE, width=None)
    cut = " ".join(LONG.split())[: SHORT - 1] + "…"
    [svg] = _svgs(html)
    assert cut in svg.get("aria-label") and LONG.strip() not in svg.get("aria-label")
    line = next(x for x in markdown.splitlines() if x.startswith("*Covered by"))
    assert cut in line and len(line) < 1000


def test_hostile_names_in_the_markdown_line_make_no_html_and_no_link():
    from markdown_it import MarkdownIt

    line = next(x for x in daily_to_markdown(HOSTILE, width=None).splitlines() if x.startswith("*Covered by"))
    tokens = [t for token in MarkdownIt("gfm-like").parse(line) for t in [token, *(token.children or [])]]
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "link_open")]
    assert "\\<script\\>" in line and "\\[link\\]" in line


def test_the_notebook_shows_the_same_bars():
    fragment = WEST_DAY._repr_html_()
    assert [ET.tostring(s) for s in _svgs(fragment)] == [ET.tostring(s) for s in _svgs(daily_to_html(WEST_DAY))]
    assert len(_svgs(fragment)) == 1 and "<html" not in fragment


def test_a_huge_day_draws_bounded_bars_and_lines():
    from briefing.daily.coverageview import MAX_NAMES, MAX_SEGMENTS

    outlets = [(f"a{n}", f"Outlet {n}", {"region": f"Region {n}"}) for n in range(2000)]
    outlets.append(("a2000", "Outlet 2000", {"region": "Region 1999"}))  # two outlets: no "Also reported" line
    d = _briefing(outlets, [[f"a{n}" for n in range(1500)], ["a1999", "a2000"]])
    html = daily_to_html(d)
    big, small = _svgs(html)
    assert len(list(big.iter(f"{SVG}rect"))) <= 2 * (1 + MAX_SEGMENTS)  # outlets row, then a capped region row
    *_, (other_bg, other_fill) = _row_rects(big)
    assert float(other_fill.get("width")) < float(other_bg.get("width"))  # 1489 of the 1989 other regions
    assert "other values: 1489 of 1990" in ET.tostring(big, encoding="unicode")  # outlets, a2000 shares Region 1999
    parts = re.findall(r'<div class="coverage".*?</div></div>', html, flags=re.DOTALL)
    assert len(parts) == 2 and all(len(p) < 12_000 for p in parts)  # the page lists 2000 sources; the bars stay small
    line = next(x for x in daily_to_markdown(d, width=None).splitlines() if x.startswith("*Covered by 1500"))
    assert f"and {1500 - MAX_NAMES} more" in line and len(line) < 2000
    # the partner: the story of the last region (two outlets, so not "Also reported") fills only
    # the shared last segment
    *_, (other_bg, other_fill) = _row_rects(small)
    assert 0 < float(other_fill.get("width")) < 1  # 2 of 1990: a thin visible sliver
    assert "other values: 2 of 1990" in ET.tostring(small, encoding="unicode")
