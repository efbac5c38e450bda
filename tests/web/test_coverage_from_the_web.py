"""Coverage from a sources file with labels, through the loopback server: each outlet's labels
reach its articles, the day's sources and each story's coverage, and the views show it."""

from __future__ import annotations

import json
from email.utils import format_datetime
from html import escape

import pytest
from typer.testing import CliRunner

from briefing import daily
from briefing.cli.app import app
from briefing.testing.websites import Route, WebServer
from briefing.web import gather, read_sources
from daily_fixtures import QUAKE_A1, QUAKE_A2, QUAKE_A3, QUAKE_B1, QUAKE_B2
from web_fixtures import RECENT

pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

PAGES = {"/sun/ridgecrest.html": ("Quake injures 140 in Ridgecrest", QUAKE_A1),
         "/coast/eureka.html": ("Eureka shaken by magnitude 5.4 quake", QUAKE_B1),
         "/valley/ridgecrest.html": ("Ridgecrest digs out after quake", QUAKE_A2),
         "/state/ridgecrest.html": ("Governor tours quake-hit Ridgecrest", QUAKE_A3),
         "/wire/eureka.html": ("Samoa Bridge closed after Eureka quake", QUAKE_B2)}


def _page(title: str, text: str) -> Route:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return Route(f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
                 f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>".encode())


def _feed(origin: str, title: str, *paths: str) -> Route:
    items = "".join(f"<item><title>{escape(PAGES[p][0])}</title><link>{origin}{p}</link>"
                    f"<pubDate>{format_datetime(RECENT)}</pubDate></item>" for p in paths)
    return Route(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
                 f"<link>{origin}/</link>{items}</channel></rss>".encode(), content_type="application/rss+xml")


@pytest.fixture
def news(tmp_path):
    """A loopback server with five outlets' feeds and pages, and a sources file naming them: three
    in the South (one with a one-value ``type`` label), one in the North, a wire without labels."""
    with WebServer() as server:
        for path, (title, text) in PAGES.items():
            server.routes[path] = _page(title, text)
        server.routes["/sun.xml"] = _feed(server.origin, "The Sun feed", "/sun/ridgecrest.html")
        server.routes["/coast.xml"] = _feed(server.origin, "Coast feed", "/coast/eureka.html")
        server.routes["/wire.xml"] = _feed(server.origin, "Wire feed", "/wire/eureka.html")
        path = tmp_path / "news.toml"
        path.write_text(f'''
[[outlet]]
name = "Desert Sun"
feeds = ["{server.url('/sun.xml')}"]
labels = {{ region = "South" }}

[[outlet]]
name = "Coast Times"
feeds = ["{server.url('/coast.xml')}"]
labels = {{ region = "North" }}

[[outlet]]
name = "Valley Post"
pages = ["{server.url('/valley/ridgecrest.html')}"]
labels = {{ region = "South" }}

[[outlet]]
name = "State News"
pages = ["{server.url('/state/ridgecrest.html')}"]
labels = {{ region = "South", type = "state" }}

[[outlet]]
name = "North Wire"
feeds = ["{server.url('/wire.xml')}"]
''', encoding="utf-8")
        yield server, path


def test_labels_travel_from_the_sources_file_to_each_story(news, fetcher):
    _, path = news
    gathered = gather(sources=read_sources(path), fetcher=fetcher)
    assert not gathered.errors
    labels = {a.source: a.labels for a in gathered.articles}
    assert labels == {"Desert Sun": {"region": "South"}, "Coast Times": {"region": "North"},
                      "Valley Post": {"region": "South"}, "State News": {"region": "South", "type": "state"},
                      "North Wire": {}}
    d = daily(gathered.articles)
    assert {s.source: s.labels for s in d.sources} == labels
    coverage = {frozenset(s.coverage.outlets): s.coverage for s in d.stories if s.coverage}
    ridgecrest = coverage[frozenset({"Desert Sun", "Valley Post", "State News"})]
    eureka = coverage[frozenset({"Coast Times", "North Wire"})]
    assert ridgecrest.labels == {"region": {"South": 3}, "type": {"state": 1}}
    assert ridgecrest.missing == {"region": ["North"]}
    assert ridgecrest.one_sided == ["region"]  # not "type": the day has one type only
    assert eureka.labels == {"region": {"North": 1}} and eureka.unlabeled == ["North Wire"]
    assert eureka.missing == {"region": ["South"], "type": ["state"]}
    assert eureka.one_sided == []  # the wire could be of either region


def test_the_morning_command_writes_coverage_to_json_and_markdown(news, tmp_path, no_llm_env):
    _, path = news
    runner = CliRunner()
    out = tmp_path / "today.md"
    result = runner.invoke(app, ["daily", "--sources", str(path), "--offline", "--fetch-cache", str(tmp_path / "cache"),
                                 "--json", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    stories = json.loads(result.stdout)["stories"]
    flags = sorted((sorted(s["coverage"]["outlets"]), s["coverage"]["one_sided"]) for s in stories)
    assert flags == [(["Coast Times", "North Wire"], []), (["Desert Sun", "State News", "Valley Post"], ["region"])]
    markdown = out.read_text(encoding="utf-8")
    assert "only South (region)" in markdown and markdown.count("*Covered by ") == 2
