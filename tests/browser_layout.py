"""Lay a page out in headless Chromium and read what a test's own probe script measured.

The product pages hold no script: the probe is appended to the page inside a same-origin frame
of the given width (Chromium lays out no narrower than 500 px at the top level), and writes its
JSON result into the outer page's body, which ``--dump-dom`` prints."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome")) if p), None)


def layout(html: str, probe: str, width: int, tmp_path: Path) -> dict:
    """What ``probe`` (a ``<script>`` setting ``data-result`` on the parent's body) measured of
    ``html`` laid out ``width`` pixels wide."""
    assert CHROMIUM is not None
    page = html.replace("</body>", probe + "</body>")
    outer = tmp_path / f"frame-{width}.html"
    outer.write_text(f'<html><body><iframe width="{width}" height="900" srcdoc="{escape(page, quote=True)}">'
                     "</iframe></body></html>", encoding="utf-8")
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                             "--window-size=1400,1000", outer.as_uri()], check=False, capture_output=True,
                            text=True, timeout=90)
    found = re.search(r'data-result="([^"]*)"', result.stdout)
    assert found, result.stderr[-500:]
    return json.loads(unescape(found.group(1)))
