"""A fetched page as an ``Article``: its text extracted by trafilatura, its metadata from the feed.

``page_article(fetched, ...)`` decodes the body (the charset the server declared, else UTF-8,
else the page's ``<meta charset>``, else windows-1252), extracts the main text with the same
extraction as saved ``.html`` files (``briefing.core.htmlpages.extract_html``) and fills the
metadata, what the feed or the sources file says first:

- ``title``: the feed entry's title, else the page's;
- ``url``: the link as the feed gave it, else the page's final URL after redirects;
- ``published``: the entry's date, else the page's;
- ``source``: the outlet's name from the sources file, else the feed's title, else the page's
  site name, else the host.

A plain-text page is its own text. trafilatura is the ``web`` extra.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import urlsplit

from briefing.core.errors import FetchError, InputError
from briefing.core.htmlpages import extract_html
from briefing.core.inputs import validate_text
from briefing.core.models import Article
from briefing.core.secrets import redact_url
from briefing.web.feeds import Entry
from briefing.web.fetch import Fetched

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(fetched: Fetched) -> str:
    """The body as text: the declared charset, UTF-8, the page's own ``<meta charset>``, then
    windows-1252 (which decodes any byte), the first that decodes without error."""
    candidates = [fetched.charset, "utf-8"]
    meta = _META_CHARSET.search(fetched.body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for name in candidates:
        if not name:
            continue
        try:
            codecs.lookup(name)
            return fetched.body.decode(name)
        except (LookupError, UnicodeError):  # UnicodeError: punycode, idna fail without "Decode"
            continue
    return fetched.body.decode("windows-1252", errors="replace")


def page_article(fetched: Fetched, *, id: str, entry: Entry | None = None, source: str | None = None) -> Article:
    """The article on a fetched page (see the module docstring for where each field comes from).

    Raises:
        FetchError: ``reason="no_text"`` when no article text can be found in the page (or
            trafilatura is not installed), with the reason.
    """
    shown = redact_url(fetched.url)
    text = decode(fetched)
    try:
        if fetched.content_type == "text/plain":
            page = Article(id=id, text=validate_text(text, name=shown))
        else:
            page = extract_html(text, name=shown, id=id)
    except InputError as e:
        raise FetchError(e.message.replace("save the article's text as .txt instead", "it may be an index page, "
                                           "a paywall or need JavaScript"), url=shown, reason="no_text") from e
    entry = entry or Entry(link=fetched.url)
    return page.model_copy(update={
        "title": entry.title or page.title,
        "url": entry.link if entry.link else fetched.final_url,
        "published": entry.published or page.published,
        "source": source or entry.feed_title or page.source or urlsplit(fetched.final_url).hostname,
    })
