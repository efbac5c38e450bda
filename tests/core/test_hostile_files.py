"""Hostile article files fail one by one, never the run (issue 18, items 5, 7 and 8).

A YAML alias bomb in front matter, JSON nested 200,000 deep, one record with HTML in a list, and a
list larger than one article may be: each is one file's (or one record's) error, and the good
articles beside it still load.
"""

from __future__ import annotations

import json
import resource
import time

import pytest

from briefing import load_articles
from briefing.core.errors import InputError
from briefing.core.inputs import DEFAULT_MAX_BYTES
from daily_fixtures import QUAKE_A1, QUAKE_B1

ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
title: *h
---
"""


def _good(folder):
    (folder / "good.txt").write_text(QUAKE_A1, encoding="utf-8")


def test_a_yaml_alias_bomb_is_that_files_error_and_quick(tmp_path):
    _good(tmp_path)
    (tmp_path / "bomb.md").write_text(ALIAS_BOMB + QUAKE_B1, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    loaded = load_articles(tmp_path)
    assert time.process_time() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: under 100 MB more
    assert [a.id for a in loaded] == ["good"]
    [error] = loaded.errors
    assert error.reason == "front_matter" and "alias" in str(error) and error.path.endswith("bomb.md")


@pytest.mark.parametrize("front", ["title: [a, b]\n", "title:\n  nested: map\n", "url: {x: 1}\n"])
def test_front_matter_metadata_must_be_one_value(tmp_path, front):
    (tmp_path / "x.md").write_text(f"---\n{front}---\n{QUAKE_B1}", encoding="utf-8")
    loaded = load_articles(tmp_path)
    [error] = loaded.errors
    assert error.reason == "front_matter" and "one value" in str(error) and not list(loaded)


@pytest.mark.parametrize("name, data", [
    ("deep.json", "[" * 200_000),
    ("deep.jsonl", json.dumps({"text": QUAKE_B1}) + "\n" + "[" * 200_000 + "\n"),
    ("deep.md", "---\ntitle: " + "[" * 200_000 + "\n---\n" + QUAKE_B1),
])
def test_deeply_nested_input_is_one_files_error(tmp_path, name, data):
    _good(tmp_path)
    (tmp_path / name).write_text(data, encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert "good" in [a.id for a in loaded]
    [error] = loaded.errors
    assert isinstance(error, InputError) and "nested" in str(error) and name in error.path


def test_one_record_with_html_fails_alone(tmp_path):
    records = [{"id": "plain", "text": QUAKE_A1},
               {"id": "tagged", "text": "<html><body><div><p>" + "<p>x</p>" * 20 + "</p></div></body></html>"},
               {"id": "other", "text": QUAKE_B1}]
    (tmp_path / "day.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "day2.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert [a.id for a in loaded] == ["plain", "other", "plain-2", "other-2"]
    assert [e.path.rsplit("/", 1)[-1] for e in loaded.errors] == ["day.json#2", "day2.jsonl:2"]
    assert all(e.reason == "html" for e in loaded.errors)


def test_a_list_larger_than_one_article_loads_and_each_record_is_bounded(tmp_path):
    article = "The council met on Tuesday and voted on the budget. " * 2_000  # about 100 KB
    records = [{"id": f"r{n}", "text": article} for n in range(110)]  # about 11 MB in all
    records.append({"id": "huge", "text": "word " * (DEFAULT_MAX_BYTES // 5 + 10)})
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert path.stat().st_size > DEFAULT_MAX_BYTES
    loaded = load_articles(path)
    assert len(loaded) == 110
    [error] = loaded.errors
    assert error.reason == "too_large" and error.path.endswith("big.jsonl:111")
