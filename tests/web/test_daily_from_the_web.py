"""``briefing daily --sources news.toml --out today.html``, run twice against the loopback server:
a briefing from feeds and pages, every bad feed or page one line on stderr, the second run
fetching only conditionally."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from helpers import REPO

pytest.importorskip("feedparser")
pytest.importorskip("trafilatura")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

runner = CliRunner()


def sources_file(tmp_path, site, *, extra: str = "") -> str:
    path = tmp_path / "news.toml"
    path.write_text(f'''{extra}out = "today.html"

[[outlet]]
name = "Riverton Herald"
feeds = ["{site.url('/rss20.xml')}", "{site.url('/gone.xml')}"]
labels = {{ region = "Riverton" }}

[[outlet]]
name = "Riverton Post"
feeds = ["{site.url('/atom.xml')}"]
pages = ["{site.url('/gazette/rain.html')}", "{site.url('/report.pdf')}"]
''', encoding="utf-8")
    return str(path)


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_the_morning_command_twice(site, tmp_path, no_llm_env):
    from briefing.testing.websites import Route

    site.routes["/report.pdf"] = Route(b"%PDF-1.7", content_type="application/pdf")
    news = sources_file(tmp_path, site)
    command = ["daily", "--sources", news, "--offline", "--fetch-cache", str(tmp_path / "cache")]

    first = runner.invoke(app, command)
    hits = dict(site.hits)
    second = runner.invoke(app, [*command, "--json"])

    assert first.exit_code == 1, first.stderr  # two sources failed; the day was still written
    today = tmp_path / "today.html"  # `out` in the sources file, relative to it
    assert today.exists() and "Riverton" in today.read_text(encoding="utf-8")
    assert errors(first.stderr) == [
        f"error: {site.url('/gone.xml')}: the server answered 404 Not Found; the page is gone or the URL is wrong",
        (f"error: {site.url('/report.pdf')}: refused: it is a PDF document (application/pdf), not a web page or a "
        "feed; briefing reads HTML pages and RSS, Atom or JSON feeds"),
    ]
    assert "2 articles have no published date and were kept: 127.0.0.1/notice, 127.0.0.1/rain" in first.stderr
    assert "2 entries outside the date window" in first.stderr  # the Herald's minutes and the Post's old story
    assert "read 4 articles from the web" in first.stderr
    assert "2 stories from 3 articles" in first.stderr  # the notice is a copy of the bridge story: folded

    # the second run: every feed and page asked conditionally, nothing downloaded again
    assert second.exit_code == 1
    record = json.loads(second.stdout)
    assert sorted((s["source"], s["title"]) for s in record["sources"]) == [  # the notice folded into its twin
        ("Riverton Herald", "Riverton to raise taxes for new bridge"), ("Riverton Post", "Council backs bridge tax rise"),
        ("Riverton Post", "Heavy rain floods Green Valley")]  # a page of the Post's: the outlet's name
    cached = [p for p in hits if site.conditional[p]]
    assert sorted(cached) == ["/atom.xml", "/gazette/rain.html", "/herald/bridge-tax.html", "/herald/notice.html",
                              "/post/council.html", "/rss20.xml"]
    assert all(site.hits[p] == 2 for p in cached)
    assert "0 downloaded, 6 unchanged" in second.stderr.replace("\n", " ")


def test_urls_beside_files(site, tmp_path, no_llm_env):
    day = REPO / "tests" / "fixtures" / "day"
    result = runner.invoke(app, ["daily", str(day / "riverton-post.txt"), site.url("/rss091.xml"),
                                 site.url("/herald/bridge-tax.html"), "--offline", "--json", "--since", "2000-01-01",
                                 "--fetch-cache", str(tmp_path / "cache")])

    assert result.exit_code == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert [(s["id"], s["source"]) for s in sources] == [
        ("riverton-post", None), ("127.0.0.1/rain", "Valley Gazette (RSS 0.91)"),
        ("127.0.0.1/bridge-tax", "Riverton Herald")]


@pytest.mark.parametrize(("arguments", "words"), [
    (["--history", "hist", "--date", "Monday", str(REPO / "tests" / "fixtures" / "day")],
     "with --history the day's file is named by its date"),
    (["--since", "yesterday", "http://127.0.0.1:9/feed.xml"], "--since 'yesterday' is not a date or a time"),
    (["--since", "2025-06-01", str(REPO / "tests" / "fixtures" / "day")], "--since and --until filter feeds and pages"),
    ([], "nothing to read"),
])
def test_usage_errors_are_one_line_and_status_2(arguments, words, no_llm_env):
    result = runner.invoke(app, ["daily", "--offline", *arguments])
    assert result.exit_code == 2
    assert errors(result.stderr) == [line for line in result.stderr.splitlines() if line.strip()]
    assert words in result.stderr


def test_a_bad_sources_file_is_one_line_and_status_2(tmp_path, no_llm_env):
    path = tmp_path / "news.toml"
    path.write_text('[[outlet]]\nname = "A"\nfeed = ["https://a.example/rss"]\n', encoding="utf-8")
    result = runner.invoke(app, ["daily", "--offline", "--sources", str(path)])

    assert result.exit_code == 2
    assert errors(result.stderr) == [(f"error: {path}: outlet 1 ('A'): unknown key 'feed'; did you mean 'feeds'? "
                                     "(the keys are name, feeds, pages, labels)")]


def test_history_in_the_sources_file_is_relative_to_it_and_the_option_wins(site, tmp_path, no_llm_env):
    import shutil

    news = sources_file(tmp_path, site, extra='history = "news-history/"\n')
    command = ["daily", "--sources", news, "--offline", "--fetch-cache", str(tmp_path / "cache"), "--quiet",
               "--date", "2026-12-06", "--out", str(tmp_path / "other.md")]
    from_file = runner.invoke(app, command)
    assert (tmp_path / "other.md").exists() and not (tmp_path / "today.html").exists()  # --out wins over the file
    assert [p.name for p in (tmp_path / "news-history").iterdir()] == ["2026-12-06.json"]

    shutil.rmtree(tmp_path / "news-history")
    from_option = runner.invoke(app, [*command, "--history", str(tmp_path / "mine")])
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["2026-12-06.json"]
    assert not (tmp_path / "news-history").exists()  # --history wins over the file's
    assert from_file.exit_code == from_option.exit_code == 1  # the 404 and the PDF of the fixture site
