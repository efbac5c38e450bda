"""The sources file: the contract's example reads; every mistake is one line that says what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.errors import ConfigurationError, SourcesError
from briefing.web import Outlet, read_sources

CONTRACT = '''
history = "news-history/"          # optional
[[outlet]]
name = "Desert Sun"
feeds = ["https://desert.example/rss.xml"]
pages = []                          # optional page URLs
labels = { region = "US-West" }     # optional, the user's own
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "news.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_contracts_example(tmp_path):
    sources = read_sources(write(tmp_path, CONTRACT))

    assert sources.outlets == (Outlet(name="Desert Sun", feeds=("https://desert.example/rss.xml",), pages=(),
                                      labels={"region": "US-West"}),)
    assert sources.history == tmp_path / "news-history"  # relative to the file, not the working directory
    assert sources.model is None and sources.out is None


def test_model_out_and_several_outlets(tmp_path):
    sources = read_sources(write(tmp_path, '''
model = "gpt-4o-mini"
out = "out/today.html"
[[outlet]]
name = "Coast Times"
pages = ["https://coast.example/quake"]
[[outlet]]
name = "Valley Post"
feeds = ["https://valley.example/atom.xml", "https://valley.example/atom.xml"]
'''))
    assert sources.model == "gpt-4o-mini" and sources.out == tmp_path / "out" / "today.html"
    assert [o.name for o in sources.outlets] == ["Coast Times", "Valley Post"]
    assert sources.outlets[1].feeds == ("https://valley.example/atom.xml",)  # a repeat read once
    assert sources.outlets[0].labels == {}


@pytest.mark.parametrize(("text", "words"), [
    ('histroy = "h"\n[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]',
     "unknown key 'histroy'; did you mean 'history'?"),
    ('[[outlet]]\nname = "A"\nfeed = ["https://a.example/rss"]',
     "outlet 1 ('A'): unknown key 'feed'; did you mean 'feeds'?"),
    ('[[outlet]]\nname = "A"', "outlet 1 ('A') has no feeds or pages; add feeds = "),
    ('[[outlet]]\nname = "A"\nfeeds = []\npages = []', "has no feeds or pages"),
    ('[[outlet]]\nfeeds = ["https://a.example/rss"]', "outlet 1 has no name; add name = "),
    ('[[outlet]]\nname = 3\nfeeds = ["https://a.example/rss"]', "has a name that is a number"),
    ('[[outlet]]\nname = "A"\nfeeds = "https://a.example/rss"', "'feeds' must be a list; write feeds = ["),
    ('[[outlet]]\nname = "A"\nfeeds = [1]', "'feeds' must be a list of URLs"),
    ('[[outlet]]\nname = "A"\nfeeds = ["a.example/rss"]', "is not an http(s) URL"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\nlabels = "west"', "'labels' must be a table"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\nlabels = { size = 3 }',
     "label 'size' must be a string"),
    ('[outlet]\nname = "A"\nfeeds = ["https://a.example/rss"]', "write [[outlet]] (two brackets)"),
    ('model = "m"', "no outlets; add an [[outlet]] table"),
    ('model = 4\n[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]', "'model' must be a non-empty string"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\n[[outlet]]\nname = "a"\npages = ["https://b.example/"]',
     "the outlet name 'a' is used twice"),
    ('[[outlet]\nname = "A"', "not valid TOML"),
])
def test_a_mistake_is_one_line_naming_the_file_and_the_fix(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(SourcesError) as info:
        read_sources(path)
    message = str(info.value)
    assert isinstance(info.value, ConfigurationError)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert words in message


def test_a_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="no such sources file"):
        read_sources(tmp_path / "missing.toml")
