"""Render every HTML view in headless Chromium at phone and desktop widths, to look at.

    python scripts/screenshots.py OUT_DIR [--data ../shared/data/ecbplus-dev] [--articles 20] [--height 3000]

Writes into OUT_DIR, for each page (the single-article page of every seed, the daily page of the
test fixture day, and, when the ECB+ development data is there, a daily page of ~20 of its
articles, all built offline): NAME.html, NAME-390.png and NAME-1280.png. It also measures, at
390 px, whether anything sticks out past the screen's right edge (the page in a 390 px frame
beside a measuring script; the pages themselves hold no script), prints it, and exits 1 if so.
Without Chromium it says so and exits 0.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing import Article, brief_offline
from briefing.core.loaders import load_articles
from briefing.daily import daily, daily_to_html
from briefing.render.html import to_html

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ecbplus-dev"
WIDTHS = (390, 1280)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

_HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="page" style="width:WIDTHpx;height:900px;border:0" srcdoc="PAGE"></iframe>
<pre id="overflow-report">not measured</pre>
<script>document.getElementById("page").addEventListener("load", function () {
  var doc = this.contentDocument, width = doc.documentElement.clientWidth, out = [];
  doc.querySelectorAll("body *").forEach(function (e) {
    var box = e.getBoundingClientRect();
    if (box.width && box.right > width + 1) out.push(e.tagName.toLowerCase() + "." + e.className + " " + Math.round(box.right));
  });
  document.getElementById("overflow-report").textContent =
    JSON.stringify({width: width, scroll: doc.documentElement.scrollWidth, over: out.slice(0, 20)});
});</script></body></html>"""


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, *args: str, width: int, height: int) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", *args],
                              capture_output=True, text=True, timeout=120, check=False)
    return done.stdout


def screenshot(browser: str, page: Path, png: Path, *, width: int, height: int = 3000) -> None:
    """Save a ``width`` x ``height`` screenshot of the page file ``page`` as ``png``."""
    _run(browser, f"--screenshot={png}", page.resolve().as_uri(), width=width, height=height)


def overflow(browser: str, page: str, *, width: int = 390) -> dict:
    """How the HTML ``page`` lays out ``width`` px wide: ``{"width", "scroll", "over": [elements
    past the right edge]}``; it fits when ``scroll <= width`` and ``over`` is empty. The page is
    loaded into a frame of that width (headless Chromium's own window is at least 500 px wide)
    beside a measuring script; ``page`` itself is not changed."""
    harness = _HARNESS.replace("WIDTH", str(width)).replace("PAGE", html.escape(page, quote=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "harness.html"
        path.write_text(harness, encoding="utf-8")
        dom = _run(browser, "--virtual-time-budget=10000", "--dump-dom", path.as_uri(), width=1280, height=1000)
    found = re.search(r'<pre id="overflow-report">(\{.*?\})</pre>', dom, re.DOTALL)
    if found is None:
        raise RuntimeError("Chromium returned no measurement")
    return json.loads(html.unescape(found.group(1)))


def ecb_articles(data: Path, n: int, seed: int = 7) -> list[Article]:
    """``n`` ECB+ development articles picked with a fixed seed (none without the data)."""
    folder = data / "text"
    if not folder.is_dir():
        return []
    paths = sorted(folder.glob("*.txt"))
    random.Random(seed).shuffle(paths)
    return list(load_articles(paths[:n]))  # read as `briefing daily` reads them: a .txt headline is the title


def pages(data: Path = DEFAULT_DATA, articles: int = 20) -> dict[str, str]:
    """Every view to look at, by name: single-article pages of the seeds, daily pages."""
    out = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        out[f"brief-{path.stem}"] = to_html(brief_offline(article), article.text, full_page=True)
    day = list(load_articles([REPO / "tests" / "fixtures" / "day"]))
    out["daily-fixture"] = daily_to_html(daily(day), articles=day)
    ecb = ecb_articles(data, articles)
    if ecb:
        out[f"daily-ecb{len(ecb)}"] = daily_to_html(daily(ecb), articles=ecb)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder for the pages and screenshots")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the ECB+ development data (skipped if absent)")
    parser.add_argument("--articles", type=int, default=20, help="ECB+ articles in the big daily page")
    parser.add_argument("--height", type=int, default=3000, help="screenshot height in px")
    args = parser.parse_args(argv)
    browser = find_chromium()
    if browser is None:
        print("no Chromium found: nothing rendered")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    overflowing = 0
    for name, markup in pages(args.data, args.articles).items():
        page = args.out / f"{name}.html"
        page.write_text(markup, encoding="utf-8")
        for width in WIDTHS:
            screenshot(browser, page, args.out / f"{name}-{width}.png", width=width, height=args.height)
        report = overflow(browser, markup, width=390)
        over = report["over"] or report["scroll"] > report["width"]
        overflowing += bool(over)
        print(f"{name}: {len(markup.encode()):,} bytes; at 390 px: {'OVERFLOWS ' + str(report) if over else 'fits'}")
    return 1 if overflowing else 0


if __name__ == "__main__":
    sys.exit(main())
