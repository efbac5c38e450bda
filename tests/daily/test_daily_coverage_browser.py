"""The coverage bars in a real browser: headless Chromium lays the HTML page out at 390 px (a
phone) and 1280 px, and neither the bars nor their captions (hostile, very long names included)
make the page wider than the screen. Skipped where no Chromium is installed."""

from __future__ import annotations

import pytest

from briefing import daily
from briefing.daily import daily_to_html
from browser_layout import CHROMIUM, layout
from daily_fixtures import quake_day

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")

# The test's own probe, appended to the page inside a same-origin frame: the product page has no script.
PROBE = """<script>
const width = window.innerWidth;
const boxes = [...document.querySelectorAll('svg.coverage, div.coverage')].map(e => e.getBoundingClientRect());
parent.document.body.setAttribute('data-result', JSON.stringify({
  width: width, scroll: document.documentElement.scrollWidth, count: boxes.length,
  right: Math.max(...boxes.map(b => b.right)), empty: boxes.filter(b => b.width <= 0 || b.height <= 0).length}));
</script>"""


def _layout(html: str, width: int, tmp_path) -> dict:
    return layout(html, PROBE, width, tmp_path)


@pytest.fixture(scope="module")
def page() -> str:
    long = "Unbroken" * 80  # one word of 640 characters: cut in the views, wrapped by the page
    labels = {"Desert Sun": {"region": "South", "type": long}, "Valley Post": {"region": "South"},
              "Coast Times": {"region": "North"}, "State News": {"region": "<script>alert(1)</script>"}}
    articles = [a.model_copy(update={"labels": labels.get(a.source or "", {}),
                                     "source": long if a.source == "North Wire" else a.source})
                for a in quake_day()]
    return daily_to_html(daily(articles))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_coverage_bars_fit_the_screen(page, width, tmp_path):
    layout = _layout(page, width, tmp_path)
    assert layout["width"] == width
    assert layout["count"] == 4  # two stories, each a bar and its caption
    assert layout["empty"] == 0  # every bar is drawn
    assert layout["right"] <= width and layout["scroll"] <= width, layout
