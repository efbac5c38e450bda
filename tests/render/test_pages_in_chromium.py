"""The HTML views laid out by a real browser at a phone's width (390 px): nothing sticks out past
the right edge, hostile article text included. Skipped where Chromium is not installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing import Article, Briefing, Claim, daily
from briefing.daily import daily_to_html
from briefing.render.html import to_html
from daily_fixtures import quake_day
from helpers import REPO
from page_fixtures import HOSTILE_TEXT, hostile_spans

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")

LONG_URL = "https://news.example/" + "a-very-long-path-segment-" * 12
LONG_TITLE = "Headline" + "X" * 300


def _script():
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _hostile_daily_page() -> str:
    articles = [*quake_day(), Article(id="h" * 120, text=HOSTILE_TEXT, title=LONG_TITLE, source="S" * 200, url=LONG_URL)]
    return daily_to_html(daily(articles), articles=articles)


def test_the_daily_page_fits_a_phone_and_the_check_can_fail():
    script = _script()
    page = _hostile_daily_page()
    assert "W" * 5000 in page and LONG_TITLE in page
    fits = script.overflow(str(CHROMIUM), page, width=390)
    assert fits["width"] == 390 and fits["scroll"] <= 390 and fits["over"] == [], fits
    unwrapped = page.replace("overflow-wrap: anywhere;", "")
    assert unwrapped != page
    broken = script.overflow(str(CHROMIUM), unwrapped, width=390)
    assert broken["scroll"] > 390  # without the wrapping rule, the 5,000-character word sticks out


def test_the_single_article_page_fits_a_phone():
    spans = hostile_spans()
    claims = [Claim(statement=f"claim {name}", kind="fact", evidence=HOSTILE_TEXT[s.start:s.end], span=s,
                    grounding="exact") for name, s in spans.items()]
    page = to_html(Briefing(headline=LONG_TITLE, summary="s", claims=claims), HOSTILE_TEXT, full_page=True)
    report = _script().overflow(str(CHROMIUM), page, width=390)
    assert report["scroll"] <= 390 and report["over"] == [], report
