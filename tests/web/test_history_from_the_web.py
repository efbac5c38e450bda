"""The whole morning command twice, a day apart, against the loopback server: ``briefing daily
--sources news.toml`` with ``history`` in the sources file. The second run opens with what changed
(a new story, an updated figure, a story dropped out) and downloads only what changed: the
unchanged feed and page are answered 304."""

from __future__ import annotations

import html
import re

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from history_fixtures import DAY_ONE, DAY_TWO
from web_fixtures import fill

pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()


def _page(article) -> bytes:
    """An article file of ``tests/fixtures/history`` as a web page (front matter: the title)."""
    _, front, body = article.read_text(encoding="utf-8").split("---\n", 2)
    title = re.search(r"^title: (.*)$", front, re.MULTILINE).group(1)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.strip().split("\n\n"))
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body><article><h1>{html.escape(title)}</h1>\n{paragraphs}</article></body></html>").encode()


TITLES = {"/desert/quake.html": "Ridgecrest quake", "/desert/bridge.html": "Riverton to raise taxes for new bridge",
          "/valley/quake.html": "Ridgecrest counts injured after quake", "/desert/strike.html": "Port Alden dockers walk out"}


def _feed(title: str, paths: list[str], origin: str) -> bytes:
    items = "".join(f"<item><title>{TITLES[p]}</title><link>{origin}{p}</link><guid>{origin}{p}</guid>"
                    f"<pubDate>{{DATE}}</pubDate></item>" for p in paths)
    return fill(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>{origin}/</link>{items}</channel></rss>", origin).encode()


def _set(site, path: str, body: bytes, version: str, content_type: str = "text/html; charset=utf-8") -> None:
    from briefing.testing.websites import Route

    site.routes[path] = Route(body, content_type=content_type, etag=f'"{path}-{version}"')


def test_the_morning_command_on_two_days(tmp_path, no_llm_env):
    from briefing.testing.websites import WebServer

    with WebServer() as site:
        rss = "application/rss+xml"
        _set(site, "/desert.xml", _feed("Desert Sun", ["/desert/quake.html", "/desert/bridge.html"], site.origin),
             "v1", rss)
        _set(site, "/valley.xml", _feed("Valley Post", ["/valley/quake.html"], site.origin), "v1", rss)
        _set(site, "/desert/quake.html", _page(DAY_ONE / "quake-desert-sun.md"), "v1")
        _set(site, "/desert/bridge.html", _page(DAY_ONE / "bridge-herald.md"), "v1")
        _set(site, "/valley/quake.html", _page(DAY_ONE / "quake-valley-post.md"), "v1")
        news = tmp_path / "news.toml"
        news.write_text(f'''history = "history"
out = "today.md"

[[outlet]]
name = "Desert Sun"
feeds = ["{site.url('/desert.xml')}"]

[[outlet]]
name = "Valley Post"
feeds = ["{site.url('/valley.xml')}"]
''', encoding="utf-8")
        command = ["daily", "--sources", str(news), "--offline", "--fetch-cache", str(tmp_path / "cache")]

        first = runner.invoke(app, [*command, "--date", "2026-12-05"])
        assert first.exit_code == 0, first.stderr
        first_hits = dict(site.hits)

        # overnight: the Desert Sun updates its quake story, drops the bridge and adds a strike
        _set(site, "/desert.xml", _feed("Desert Sun", ["/desert/quake.html", "/desert/strike.html"], site.origin),
             "v2", rss)
        _set(site, "/desert/quake.html", _page(DAY_TWO / "quake-desert-sun.md"), "v2")
        _set(site, "/desert/strike.html", _page(DAY_TWO / "strike-harbour-times.md"), "v1")
        site.conditional.clear()
        second = runner.invoke(app, [*command, "--date", "2026-12-06"])

    assert second.exit_code == 0, second.stderr
    assert sorted(p.name for p in (tmp_path / "history").iterdir()) == ["2026-12-05.json", "2026-12-06.json"]
    today = (tmp_path / "today.md").read_text(encoding="utf-8")
    changed = today[today.index("## What changed"):today.index("\n## 1. ")]
    assert changed == """## What changed since 2026-12-05

**New stories**

- Port Alden dockers walk out (1 article)

**Updated**

- Ridgecrest counts injured after quake (David Witt): **140 → 200**
  - 2026-12-05: “140 people were injured in Ridgecrest and crews were still
    searching damaged homes”
  - 2026-12-06: “200 people were injured in Ridgecrest and crews were still
    searching damaged homes”

**Dropped out**

- Riverton to raise taxes for new bridge (Desert Sun)
"""
    # the second run downloaded only what changed; the unchanged feed and page were answered 304
    fetched = {p: site.hits[p] - first_hits.get(p, 0) for p in site.hits}
    assert {p: n for p, n in fetched.items() if n and p != "/robots.txt"} == {
        "/desert.xml": 1, "/valley.xml": 1, "/desert/quake.html": 1, "/valley/quake.html": 1, "/desert/strike.html": 1}
    assert sorted(p for p in site.conditional if p != "/robots.txt") == [
        "/desert.xml", "/desert/quake.html", "/valley.xml", "/valley/quake.html"]  # asked with validators
    assert "2 unchanged" in second.stderr.replace("\n", " ")  # the Valley Post's feed and page: 304
