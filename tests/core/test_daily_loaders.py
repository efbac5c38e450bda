"""Loading a day's articles: formats, metadata, per-file errors, syndicated copies."""

from __future__ import annotations

import json

import pytest

from briefing import Article, daily, load_articles
from briefing.core.errors import InputError
from briefing.core.inputs import read_article
from briefing.daily.duplicates import find_copies
from daily_fixtures import QUAKE_A1, QUAKE_B1


def test_txt_and_md_front_matter_metadata_survives_into_sources(tmp_path):
    (tmp_path / "a.txt").write_text(QUAKE_A1, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Quake shakes Eureka\nsource: Coast Times\nurl: https://coast.example/q\n"
        "published: 2026-11-25\n---\n\n" + QUAKE_B1, encoding="utf-8")
    articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["a", "b"] and not articles.errors
    b = articles[1]
    assert b.title == "Quake shakes Eureka" and b.source == "Coast Times"
    assert b.url == "https://coast.example/q" and b.published == "2026-11-25"
    assert b.text.startswith("A magnitude 5.4") and "---" not in b.text
    d = daily(articles)
    source = next(s for s in d.sources if s.id == "b")
    assert (source.url, source.published, source.source) == ("https://coast.example/q", "2026-11-25", "Coast Times")
    assert d.date == "2026-11-25"


def test_md_without_front_matter_is_plain_text(tmp_path):
    (tmp_path / "c.md").write_text("# Heading\n\n" + QUAKE_A1, encoding="utf-8")
    [article] = load_articles(tmp_path / "c.md")
    assert article.text.startswith("# Heading") and article.title is None


@pytest.mark.parametrize("front, reason", [
    ("---\ntitle: [unclosed\n---\n", "front_matter"),
    ("---\ntitle: never closed\n", "front_matter"),
    ("---\n- a list\n---\n", "front_matter"),
])
def test_bad_front_matter_fails_that_file_only(tmp_path, front, reason):
    (tmp_path / "bad.md").write_text(front + QUAKE_A1, encoding="utf-8")
    (tmp_path / "good.txt").write_text(QUAKE_B1, encoding="utf-8")
    articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    [error] = articles.errors
    assert error.reason == reason and "bad.md" in str(error)


def test_json_list_and_jsonl_with_a_bad_record(tmp_path):
    (tmp_path / "day.json").write_text(json.dumps({"articles": [
        {"id": "one", "text": QUAKE_A1, "url": "https://x.example/1", "published": "2026-11-25"},
        {"text": QUAKE_B1, "source": "Coast Times"},
    ]}), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"id": "three", "text": QUAKE_A1}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8")
    articles = load_articles([tmp_path / "day.json", tmp_path / "more.jsonl"])
    assert [a.id for a in articles] == ["one", "day-2", "three"]
    assert articles[0].url == "https://x.example/1" and articles[1].source == "Coast Times"
    assert [e.path for e in articles.errors] == [f"{tmp_path / 'more.jsonl'}:2", f"{tmp_path / 'more.jsonl'}:3"]
    assert all(e.reason == "json" for e in articles.errors)


def test_invalid_json_file_is_one_clear_error(tmp_path):
    (tmp_path / "broken.json").write_text('[{"text": "x",}]', encoding="utf-8")
    articles = load_articles(tmp_path)
    assert not articles and "not valid JSON" in str(articles.errors[0])


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"   \n", "empty"),
    ("binary.txt", b"%PDF-1.7 binary", "binary"),
    ("latin.txt", "Caf\xe9 au lait in Paris, said Jean.".encode("latin-1"), "encoding"),
])
def test_bad_files_fail_one_by_one_with_the_same_errors_as_brief(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text(QUAKE_A1, encoding="utf-8")
    articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["ok"]
    [error] = articles.errors
    with pytest.raises(InputError) as direct:
        read_article(tmp_path / name)
    assert (error.reason, str(error)) == (direct.value.reason, str(direct.value)) and error.reason == reason


def test_strict_raises_the_first_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_articles([tmp_path / "missing.txt"], strict=True)


def test_saved_html_page_is_extracted_by_trafilatura(tmp_path):
    pytest.importorskip("trafilatura")
    page = ("<!doctype html><html><head><title>Quake hits Ridgecrest</title>"
            '<meta property="og:site_name" content="Desert Sun">'
            '<link rel="canonical" href="https://desert.example/quake"></head><body>'
            "<nav>Home | Sports | Weather | Subscribe</nav><article><h1>Quake hits Ridgecrest</h1>"
            + "".join(f"<p>{p}</p>" for p in QUAKE_A1.split("\n\n"))
            + "</article><footer>Copyright Desert Sun. All rights reserved.</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = load_articles(tmp_path)
    assert "magnitude 6.1" in article.text and "Subscribe" not in article.text and "<p>" not in article.text
    assert article.source == "Desert Sun" and article.url == "https://desert.example/quake"


def test_syndicated_copy_is_one_article_with_several_sources():
    wire = QUAKE_A1
    copy = "Ridgecrest quake: 140 hurt\n\nBy Wire Staff\n\n" + QUAKE_A1 + "\n\nReporting by the Associated Wire."
    other = QUAKE_B1
    d = daily([Article(id="w", text=wire, source="Wire"), Article(id="other", text=other),
               Article(id="c", text=copy, source="Local Paper", url="https://local.example/c")])
    assert [s.id for s in d.sources] == ["w", "other"]
    [copy_entry] = d.sources[0].copies
    assert (copy_entry.id, copy_entry.source, copy_entry.url) == ("c", "Local Paper", "https://local.example/c")
    assert all("c" not in s.articles for s in d.stories)


def test_a_follow_up_on_the_same_event_is_not_a_copy():
    a = Article(id="a", text=QUAKE_A1)
    b = Article(id="b", text=QUAKE_A1.split("\n\n")[0] + "\n\nOfficials in Ridgecrest opened three shelters on Wednesday "
                "and said 30 homes would be demolished. Schools stay closed until Monday.")
    assert find_copies([a, b]) == [[0], [1]]
