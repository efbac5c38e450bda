"""One input reader for every command: `brief`, `check`, `daily` and `batch submit` read the same
files the same way, with the same ids; what a run writes is never read back; what is left out is
named on stderr."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import load_articles
from briefing.cli.app import app

runner = CliRunner()
SHARED = "The council said the bridge will close for six weeks."


def _text(who: str) -> str:
    return f'{SHARED}\n"We will reopen it in spring," {who} said on Tuesday.\n'


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with .txt, .md (front matter), .jsonl (two records), and `same` in two subfolders."""
    folder = tmp_path / "day"
    (folder / "north").mkdir(parents=True)
    (folder / "south").mkdir()
    (folder / "plain.txt").write_text(_text("the mayor"), encoding="utf-8")
    (folder / "story.md").write_text("---\ntitle: Bridge to close\nsource: Coast Times\n---\n\n" + _text("the engineer"),
                                     encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": _text("a resident"), "source": "Wire"}) + "\n"
        + json.dumps({"text": _text("a shopkeeper"), "source": "Wire"}) + "\n", encoding="utf-8")
    (folder / "north" / "same.txt").write_text(_text("the northern warden"), encoding="utf-8")
    (folder / "south" / "same.txt").write_text(_text("the southern warden"), encoding="utf-8")
    return folder


EXPECTED = ["feed-1", "feed-2", "north/same", "plain", "south/same", "story"]


def _brief_ids(*args: str) -> tuple[list[str], object]:
    result = runner.invoke(app, ["brief", "--offline", "--json", *args])
    return [json.loads(line)["article"] for line in result.stdout.splitlines()], result


def test_check_brief_and_daily_read_the_same_articles_with_the_same_ids(mixed, no_llm_env):
    briefed, result = _brief_ids(str(mixed))
    assert result.exit_code == 0, result.output

    daily = runner.invoke(app, ["daily", "--offline", "--json", str(mixed)])
    assert daily.exit_code == 0, daily.output
    sources = json.loads(daily.stdout)["sources"]

    check = runner.invoke(app, ["check", "--offline", "--json", "--passages", "20", SHARED, str(mixed)])
    assert check.exit_code == 0, check.output
    checked = {e["article"] for e in json.loads(check.stdout)["evidence"]}

    assert sorted(briefed) == EXPECTED
    assert sorted(s["id"] for s in sources) == EXPECTED
    assert checked == set(EXPECTED)


def test_markdown_front_matter_is_metadata_not_the_headline(mixed, no_llm_env):
    result = runner.invoke(app, ["brief", "--offline", "--json", str(mixed / "story.md")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["headline"] == "Bridge to close"
    assert all("---" not in claim["evidence"] and "title:" not in claim["evidence"] for claim in record["claims"])


def test_jsonl_lines_are_articles_not_text(mixed, no_llm_env):
    briefed, result = _brief_ids(str(mixed / "feed.jsonl"))
    assert result.exit_code == 0, result.output
    assert briefed == ["feed-1", "feed-2"]
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["headline"].startswith(SHARED[:20]), record["headline"]
        assert all('"text"' not in claim["evidence"] for claim in record["claims"])


def test_an_id_is_never_given_twice(tmp_path, no_llm_env):
    (tmp_path / "same.txt").write_text(_text("the mayor"), encoding="utf-8")
    (tmp_path / "same-2.txt").write_text(_text("the engineer"), encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(json.dumps({"id": "same", "text": _text("a resident")}) + "\n",
                                         encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert sorted(a.id for a in loaded) == ["same", "same-2", "same-3"]

    daily = runner.invoke(app, ["daily", "--offline", "--json", str(tmp_path)])
    assert daily.exit_code == 0, daily.output
    ids = [s["id"] for s in json.loads(daily.stdout)["sources"]]
    assert sorted(ids) == ["same", "same-2", "same-3"]


def test_check_reads_same_named_files_in_two_folders(mixed, no_llm_env):
    result = runner.invoke(app, ["check", "--offline", "--json", SHARED, str(mixed / "north"), str(mixed / "south")])
    assert result.exit_code == 0, result.output
    assert {e["article"] for e in json.loads(result.stdout)["evidence"]} == {"north/same", "south/same"}


def test_check_reads_markdown_and_jsonl_in_a_folder(mixed, no_llm_env):
    (mixed / "north" / "same.txt").unlink()
    (mixed / "south" / "same.txt").unlink()
    (mixed / "plain.txt").unlink()
    result = runner.invoke(app, ["check", "--offline", "--json", "--passages", "20", SHARED, str(mixed)])
    assert result.exit_code == 0, result.output
    assert {e["article"] for e in json.loads(result.stdout)["evidence"]} == {"story", "feed-1", "feed-2"}


def test_dailys_out_file_inside_the_input_folder_is_not_read_back(mixed, no_llm_env):
    out = mixed / "briefing.md"
    first = runner.invoke(app, ["daily", "--offline", "--out", str(out), str(mixed)])
    assert first.exit_code == 0, first.output
    assert out.exists()
    again = runner.invoke(app, ["daily", "--offline", "--json", "--out", str(out), str(mixed)])
    assert again.exit_code == 0, again.output
    assert sorted(s["id"] for s in json.loads(again.stdout)["sources"]) == EXPECTED
    [skipped] = [line for line in again.stderr.splitlines() if "skipped" in line]
    assert "written by this run" in skipped


def test_briefs_out_file_inside_the_input_folder_is_not_read_back(mixed, no_llm_env):
    out = mixed / "briefings.jsonl"
    for _ in range(2):
        result = runner.invoke(app, ["brief", "--offline", "--json", "--out", str(out), str(mixed)])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""  # the output went to the file
    lines = out.read_text("utf-8").splitlines()
    assert sorted(json.loads(line)["article"] for line in lines) == EXPECTED


def test_the_cache_folder_inside_the_input_folder_is_not_read(mixed, no_llm_env):
    cache = mixed / "cache"
    cache.mkdir()
    (cache / "abc.json").write_text(json.dumps({"text": "a cached briefing, not an article"}), encoding="utf-8")
    briefed, result = _brief_ids("--cache", str(cache), str(mixed))
    assert result.exit_code == 0, result.output
    assert sorted(briefed) == EXPECTED
    assert any("cache" in line and "written by this run" in line for line in result.stderr.splitlines())


def test_skipped_and_unreadable_files_are_named_one_line_each_and_the_rest_go_on(mixed, no_llm_env):
    (mixed / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (mixed / "scan.pdf").write_bytes(b"%PDF-1.4")
    for command in (["brief", "--offline", "--json"], ["check", "--offline", "--json", SHARED],
                    ["daily", "--offline", "--json"]):
        result = runner.invoke(app, [*command, str(mixed)])
        assert result.exit_code == 1, (command, result.output)
        lines = result.stderr.splitlines()
        assert len([line for line in lines if "photo.txt" in line]) == 1, (command, result.stderr)
        assert len([line for line in lines if "scan.pdf" in line]) == 1, (command, result.stderr)
        assert result.stdout.strip(), command  # the other articles were still read


def test_a_saved_page_is_read_with_the_html_extra(tmp_path, monkeypatch, no_llm_env):
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><article><p>" + _text("the mayor") + "</p></article></body></html>",
                    encoding="utf-8")
    document = types.SimpleNamespace(text=_text("the mayor"), title="Bridge to close", sitename="Coast Times",
                                     url=None, date="2026-11-25")
    fake = types.ModuleType("trafilatura")
    fake.bare_extraction = lambda *args, **kwargs: document  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    result = runner.invoke(app, ["brief", "--offline", "--json", str(page)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"] == "page" and record["headline"] == "Bridge to close"


def test_without_the_extra_a_saved_page_names_the_package_to_install(tmp_path, monkeypatch, no_llm_env):
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>" + _text("the mayor") + "</p></body></html>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    result = runner.invoke(app, ["brief", "--offline", "--json", str(page)])
    assert result.exit_code == 1
    assert "pip install 'grounded-briefing[html]'" in result.stderr
    assert "pip install 'briefing[" not in result.stderr
