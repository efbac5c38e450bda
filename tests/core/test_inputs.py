"""Bad input is rejected with a clear, actionable InputError; messy real text passes unchanged."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from briefing.core.errors import InputError
from briefing.core.inputs import read_article, validate_text

ARTICLE = (
    "NATO allies agreed on Wednesday to raise defence spending to 5% of GDP.\n\n"
    "“This is a historic moment,” the Secretary General said, though Spain’s prime minister "
    "called the target “unreasonable”.\n"
)


def reject(reason: str, fn, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    err = info.value
    assert err.reason == reason
    assert "\n" not in str(err)
    return err


# ------------------------------------------------------------------ read_article


def test_reads_utf8_file_with_stem_as_id(tmp_path):
    path = tmp_path / "nato-summit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_article(path)
    assert article.id == "nato-summit"
    assert article.text == ARTICLE


def test_strips_utf8_bom_only(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert read_article(str(path)).text == ARTICLE


def test_missing_path_names_it(tmp_path):
    path = tmp_path / "nope.txt"
    err = reject("missing", read_article, path)
    assert str(path) in str(err) and "check the path" in str(err)
    assert err.path == str(path)


def test_directory(tmp_path):
    err = reject("not_a_file", read_article, tmp_path)
    assert "directory" in str(err)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\t\n")
    assert "empty" in str(reject("empty", read_article, path))


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 4)
    assert "binary" in str(reject("binary", read_article, path))
    assert str(path) in str(reject("binary", read_article, path))


def test_pdf_is_named_with_a_fix(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "pdftotext" in str(reject("binary", read_article, path))


def test_latin1_file_gives_offset_and_iconv(tmp_path):
    path = tmp_path / "latin1.txt"
    data = "Le président a déclaré".encode("latin-1")
    path.write_bytes(data)
    err = reject("encoding", read_article, path)
    assert f"offset {data.index(0xE9)}" in str(err)
    assert "iconv -f latin1 -t utf-8" in str(err)


def test_cp1252_smart_quotes_suggest_windows_1252(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("“Quoted” text".encode("cp1252"))
    assert "iconv -f windows-1252" in str(reject("encoding", read_article, path))


def test_utf16_is_an_encoding_error_not_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    assert "utf-16" in str(reject("encoding", read_article, path)).lower()
    path.write_bytes(ARTICLE.encode("utf-16-le"))  # no BOM
    reject("encoding", read_article, path)


def test_too_large(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("word " * 100)
    assert "max_bytes" in str(reject("too_large", read_article, path, max_bytes=100))


def test_html_page_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<html><head><title>News</title></head>"
                    f"<body><p>{ARTICLE}</p></body></html>")
    assert "extract the article text" in str(reject("html", read_article, path))


# ------------------------------------------------------------------ validate_text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\ufeff", "\u3000\u00a0"])
def test_empty_or_whitespace(text):
    reject("empty", validate_text, text, name="a1")


def test_name_prefixes_message():
    err = reject("empty", validate_text, "", name="seed-42")
    assert str(err).startswith("seed-42: ")


def test_control_characters_are_binary():
    reject("binary", validate_text, "ab\x01\x02\x03\x04\x05cd" * 20)
    reject("binary", validate_text, "text with a NUL\x00 byte")


def test_mojibake_replacement_characters():
    reject("encoding", validate_text, "Le pr\ufffdsident a d\ufffdclar\ufffd " * 5)


HTML_PAGES = [
    "<html><body><p>Hello</p></body></html>",
    "  <!-- saved page -->\n<!doctype html><title>x</title>" + ARTICLE,
    "<head><meta charset='utf-8'><title>News</title></head>\n<body>\n<div><p>a</p><p>b</p></div>"
    + ARTICLE + "</body>",
    # a fragment copied from a page's source: no doctype, but mostly markup
    "".join(f'<div class="story"><p class="para">{s}</p></div>\n' for s in ARTICLE.split(". ")) * 3,
]


@pytest.mark.parametrize("page", HTML_PAGES)
def test_html_is_rejected(page):
    reject("html", validate_text, page)


MESSY_BUT_REAL = [
    ARTICLE,
    ARTICLE + "\nAdvertisement",  # a stray trailing line
    "北约盟国同意将国防开支提高到国内生产总值的5%。\n\n“这是历史性的时刻，”秘书长说。",
    "Use the <b> tag for bold, wrote the columnist, and <i> for italics.\n\n" + ARTICLE,
    ARTICLE + "\nRead more: <a href='https://example.com'>here</a>\n",  # one tag
    "He said “no” — twice…\u00a0Then: ‘maybe’.\x0c\nPage 2\n\ufeffstray BOM mid-text",
    "A stray control char\x1b in an otherwise normal article. " * 5,
    "Costs rose 3% (vs 2% < 5% target) & 1 < 2 > 0.\n" * 3,
    ARTICLE + "One broken char \ufffd in one place.\n",
    "\n".join(f"<p>Paragraph {i}: " + "Officials said the talks would resume. " * 12 + "</p>"
              for i in range(15)),  # scraped paragraphs, still almost all text
]


@pytest.mark.parametrize("text", MESSY_BUT_REAL)
def test_messy_real_text_passes_unchanged(text):
    assert validate_text(text) == text


def test_leading_bom_is_removed():
    assert validate_text("\ufeff" + ARTICLE) == ARTICLE


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"),
                                      blacklist_characters="<\ufffd\ufeff"), min_size=1))
def test_any_printable_text_passes(text):
    assume(text.strip())
    assert validate_text(text) == text
