"""Hostile sources files: a URL that is not one, a control character in a URL, a byte order mark.
Each is one ``SourcesError`` line that names the file and the fix (a leading mark is no error),
before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.errors import SourcesError
from briefing.web import read_sources

OUTLET = '[[outlet]]\nname = "Desert Sun"\nfeeds = ["{url}"]\n'


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "news.toml"
    path.write_text(text, encoding=encoding)
    return path


@pytest.mark.parametrize("url", ["https://[::1/rss.xml", "https://desert.example:99999/rss.xml",
                                 "https://" + "a" * 64 + ".example/rss.xml"])  # a host label over 63
def test_a_url_that_cannot_be_parsed_is_one_sources_error(tmp_path, url):
    with pytest.raises(SourcesError) as info:
        read_sources(write(tmp_path, OUTLET.format(url=url)))
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'news.toml'}: outlet 1 ('Desert Sun'): ") and "\n" not in message
    assert "is not an http(s) URL; write it as https://..." in message


@pytest.mark.parametrize("escaped", ["\\n", "\\t", "\\u001b", "\\u0000"])
def test_a_control_character_inside_a_url_is_one_sources_error(tmp_path, escaped):
    with pytest.raises(SourcesError) as info:
        read_sources(write(tmp_path, OUTLET.format(url=f"https://desert.exa{escaped}mple/rss.xml")))
    assert "is not an http(s) URL" in str(info.value) and "\n" not in str(info.value)


def test_the_partner_urls_read(tmp_path):
    for url in ("https://[::1]/rss.xml", "https://desert.example:8443/rss.xml", "  https://desert.example/rss.xml  "):
        assert read_sources(write(tmp_path, OUTLET.format(url=url))).outlets[0].feeds == (url.strip(),)


def test_a_byte_order_mark_as_windows_editors_write_it_is_read(tmp_path):
    text = OUTLET.format(url="https://desert.example/rss.xml")
    assert read_sources(write(tmp_path, "\ufeff" + text)).outlets == read_sources(write(tmp_path, text)).outlets


def test_a_byte_order_mark_inside_the_file_is_still_a_syntax_error(tmp_path):
    with pytest.raises(SourcesError, match="not valid TOML"):
        read_sources(write(tmp_path, OUTLET.format(url="https://desert.example/rss.xml") + "\ufeff"))


def test_a_sources_file_past_the_cap_is_refused_without_reading_it_all(tmp_path):
    from briefing.web.sources import MAX_BYTES

    assert MAX_BYTES == 2**20
    path = write(tmp_path, "# " + "x" * MAX_BYTES + "\n" + OUTLET.format(url="https://desert.example/rss.xml"))
    with pytest.raises(SourcesError) as info:
        read_sources(path)
    assert str(info.value) == (f"{path}: larger than 1 MiB, so not a sources file; give the TOML file that lists "
                               "the outlets")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="/dev/zero")
def test_an_endless_sources_file_is_refused_not_read_forever():
    with pytest.raises(SourcesError, match="larger than 1 MiB"):
        read_sources("/dev/zero")


def test_a_sources_file_just_under_the_cap_is_read(tmp_path):
    from briefing.web.sources import MAX_BYTES

    text = OUTLET.format(url="https://desert.example/rss.xml")
    path = write(tmp_path, "#" + "x" * (MAX_BYTES - len(text) - 2) + "\n" + text)
    assert path.stat().st_size == MAX_BYTES
    assert read_sources(path).outlets[0].name == "Desert Sun"
