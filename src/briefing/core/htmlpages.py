"""Saved HTML pages as articles: the article text and metadata extracted by trafilatura.

trafilatura is the ``html`` extra (``pip install 'grounded-briefing[html]'``); without it an ``.html`` file
fails with an ``InputError`` that says so. Tag stripping by hand would keep menus, ads and
footers, so there is no fallback.
"""

from __future__ import annotations

from pathlib import Path

from briefing.core.errors import InputError
from briefing.core.inputs import _decode, read_article, validate_text
from briefing.core.models import Article

INSTALL_HINT = "install the HTML extra (`pip install 'grounded-briefing[html]'`) or save the article as .txt"


def read_html_article(path: Path, *, id: str | None = None) -> Article:
    """The article in a saved web page: its main text, title, outlet, canonical URL and date.

    ``id`` defaults to the file name's stem.

    Raises:
        InputError: the usual file errors (missing, binary, not UTF-8, ...), ``reason="html"``
            when no article text could be extracted or the extractor is not installed.
    """
    name = str(path)
    try:
        return read_article(path, id=id)  # a .html file that holds plain text is taken as it is
    except InputError as e:
        if e.reason != "html":
            raise
    page = _decode(path.read_bytes(), name)
    return extract_html(page, name=name, id=id or path.stem)


def extract_html(page: str, *, name: str, id: str | None = None) -> Article:
    """The article in a web page's HTML: its main text, title, outlet, canonical URL and date
    (trafilatura, favouring precision). ``name`` (a file name or URL) prefixes error messages.

    Raises:
        InputError: ``reason="html"`` when no article text could be extracted or trafilatura is
            not installed; the usual text errors (binary, mis-decoded) for the extracted text.
    """
    try:
        import trafilatura
    except ImportError as e:
        raise InputError(f"reading web pages needs trafilatura; {INSTALL_HINT}",
                         reason="html", path=name, article=id) from e
    document = trafilatura.bare_extraction(page, with_metadata=True, favor_precision=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("no article text could be found in the page; save the article's text as .txt instead",
                         reason="html", path=name, article=id)
    return Article(
        id=id, text=validate_text(text, name=name),
        title=getattr(document, "title", None) or None,
        source=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=getattr(document, "date", None) or None,
    )
