""""What changed since DATE" in a real browser: headless Chromium lays the HTML page out at 390 px
(a phone) and 1280 px; the section is drawn before the first story and, hostile and very long
headlines and quotes included, makes the page no wider than the screen. Skipped where no
Chromium is installed."""

from __future__ import annotations

import pytest

from briefing.daily import daily_to_html, diff
from browser_layout import CHROMIUM, layout
from history_fixtures import day_one, day_two, story

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")

# The test's own probe, appended to the page inside a same-origin frame: the product page has no script.
PROBE = """<script>
const box = document.querySelector('section.changes').getBoundingClientRect();
const first = document.querySelector('section.story').getBoundingClientRect();
parent.document.body.setAttribute('data-result', JSON.stringify({
  width: window.innerWidth, scroll: document.documentElement.scrollWidth, right: box.right,
  height: box.height, before: box.bottom <= first.top, items: document.querySelectorAll('section.changes li').length}));
</script>"""

LONG = "Unbroken" * 80  # one word of 640 characters


def _layout(html: str, width: int, tmp_path) -> dict:
    return layout(html, PROBE, width, tmp_path)


@pytest.fixture(scope="module")
def page() -> str:
    before, after = day_one(), day_two()
    story(before, "bridge").headline = f"<script>alert(1)</script> {LONG}"  # dropped out: shown as text
    story(after, "Port Alden").headline = LONG  # new
    quake = story(after, "Ridgecrest")
    quake.headline = f"Ridgecrest {LONG}"  # updated
    return daily_to_html(diff(before, after))


@pytest.mark.parametrize("width", [390, 1280])
def test_what_changed_fits_the_screen_and_comes_first(page, width, tmp_path):
    layout = _layout(page, width, tmp_path)
    assert layout["width"] == width
    assert layout["items"] == 3 and layout["height"] > 0 and layout["before"]  # new, updated, dropped
    assert layout["right"] <= width and layout["scroll"] <= width, layout
