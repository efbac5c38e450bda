"""One article file -> its articles: ``.txt`` is the text; ``.md`` may open with ``---`` front
matter; ``.json``/``.jsonl`` hold article lists; ``.html``/``.htm`` pages have their text extracted
(trafilatura, the ``html`` extra). Walking folders and giving ids is ``briefing.core.loaders``' job.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing.core.errors import InputError
from briefing.core.inputs import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_LIST_BYTES,
    read_article,
    read_text,
    validate_text,
)
from briefing.core.models import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
LIST_SUFFIXES = (".json", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + LIST_SUFFIXES + HTML_SUFFIXES
METADATA = ("title", "source", "url", "published")


class RecordErrors(Exception):
    """Some records of an article list failed; carries the good ones (``articles``) and the
    ``errors``, one ``InputError`` per bad record."""

    def __init__(self, articles: list[Article], errors: list[InputError]) -> None:
        super().__init__(f"{len(errors)} bad records")
        self.articles = articles
        self.errors = errors


def load_file(path: str | os.PathLike[str], *, id: str | None = None) -> list[Article]:
    """The articles in one file (one, except for ``.json``/``.jsonl`` lists).

    ``id`` (default: the file name's stem) is the article's id, or in a list the base of the
    default ids ``ID-1``, ``ID-2``...; an id written in the file (front matter, a record) wins.

    Raises:
        InputError: the file cannot be used (missing, binary, not UTF-8, empty, ...).
        RecordErrors: some records of an article list are bad (carries the good ones).
    """
    p = Path(path)
    base = id or p.stem
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from briefing.core.htmlpages import read_html_article

        return [read_html_article(p, id=base)]
    if suffix in LIST_SUFFIXES:  # bounded as a list; each record is judged (and bounded) as an article
        text = read_text(p, max_bytes=DEFAULT_MAX_LIST_BYTES, what="an article list").removeprefix("\ufeff")
        if not text.strip():
            raise InputError("the file is empty or only whitespace; write a JSON list of article objects",
                             reason="empty", path=str(p))
        return _article_list(text, p, base, lines=suffix == ".jsonl")
    article = read_article(p, id=base)
    if suffix in (".md", ".markdown"):
        return [_with_front_matter(article, str(p))]
    if suffix == ".txt" and (title := headline_title(article.text)) is not None:
        article = article.model_copy(update={"title": title})
    return [article]


def headline_title(text: str, *, max_words: int = 16) -> str | None:
    """The first line of a plain-text article when it reads as its headline, else None (a
    dateline first, then a blank line: the line after them).

    A headline is short (``max_words`` words at most, default 16), has no final full stop (a
    question or exclamation mark may end it), and is followed by a blank line and more text: how
    a headline sits above its story. The line stays in the article's text, so spans still index
    the file's words as written; front matter and JSON titles are read elsewhere and win.
    """
    text = text.lstrip("\ufeff")
    first, _, after = text.partition("\n")
    if is_dateline(first.strip()) and after.strip() and not after.split("\n", 1)[0].strip():
        text = after.lstrip("\n \t")  # a dateline above the headline: the headline is the next line
    first, blank, rest = text.partition("\n")
    line = first.strip()
    if not line or not rest.strip() or rest.split("\n", 1)[0].strip():
        return None
    words = line.split()
    if len(words) > max_words or re.search(r"[.:;,]['’\"”]?$", line) or is_dateline(line):
        return None
    if not blank:
        return None
    return line


DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thur thurs fri sat sun am pm a.m p.m gmt utc est edt cst cdt mst mdt pst pdt bst cet et pt updated
    published posted last""".split())
"""Words a dateline is made of besides figures: months, weekdays (and their short forms), a.m.
and p.m., time zones, and the "updated" or "published" that may open it."""
_DATE_PIECE = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)


def is_dateline(line: str) -> bool:
    """Whether ``line`` only gives a date or a time ("DECEMBER 16, 2008", "May 2, 2013, 1:12 PM",
    "Updated: Tuesday 7:35 am EST"): a dateline above a story, not its headline.

    >>> is_dateline("December 15th, 2008, 7: 35 am"), is_dateline("Red Sox offer Teixeira $200 million")
    (True, False)
    """
    pieces = _DATE_PIECE.findall(line)
    return bool(pieces) and any(p[0].isdigit() for p in pieces) and all(
        p[0].isdigit() or p.lower().rstrip(".") in DATE_WORDS for p in pieces)


_NESTED = "it is nested too deeply to be an article ({}); write flat article objects"


def _one_value(fields: dict[str, Any], what: str, name: str, reason: str) -> dict[str, str]:
    """``fields`` as strings, when each is one value (a string, number, date or boolean).

    Raises:
        InputError: a field holds a list or a mapping.
    """
    for key, value in fields.items():
        if isinstance(value, (list, dict, tuple, set)):
            raise InputError(f"{what} {key!r} must be one value, not a {type(value).__name__}; write it as text",
                             reason=reason, path=name)
    return {key: str(value) for key, value in fields.items()}


def _with_front_matter(article: Article, name: str) -> Article:
    """Split ``---`` front matter off a Markdown article and keep its metadata."""
    text = article.text
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return article
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError("the front matter opened by '---' on the first line is never closed; add a "
                         "closing '---' line after the metadata", reason="front_matter", path=name)
    import yaml  # type: ignore[import-untyped]

    try:
        meta = yaml.load("".join(lines[1:end]), Loader=_front_matter_loader()) or {}  # a SafeLoader, without aliases
    except yaml.YAMLError as e:
        raise InputError(f"the front matter is not valid YAML ({str(e).splitlines()[0]}); fix it or remove it",
                         reason="front_matter", path=name) from e
    except RecursionError as e:
        raise InputError("the front matter is " + _NESTED.format("YAML") + ", or remove it",
                         reason="front_matter", path=name) from e
    if not isinstance(meta, dict):
        raise InputError("the front matter must be 'key: value' lines (title, source, url, published)",
                         reason="front_matter", path=name)
    body = "".join(lines[end + 1:]).lstrip("\n")
    fields = _one_value({key: meta[key] for key in ("id", *METADATA) if meta.get(key) is not None},
                        "the front matter's", name, "front_matter")
    return article.model_copy(update={"text": validate_text(body, name=name), **fields})


def _article_list(text: str, path: Path, base: str, *, lines: bool) -> list[Article]:
    """Articles from a JSON list (or object) or JSON Lines; bad records fail one by one."""
    name = str(path)
    records: list[tuple[str, Any]] = []
    if lines:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                records.append((f"{name}:{n}", line))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"the file is not valid JSON ({e.msg} at line {e.lineno}); fix it, or use .jsonl "
                             "with one article object a line", reason="json", path=name) from e
        except RecursionError as e:
            raise InputError("the file is not an article list: " + _NESTED.format("JSON"), reason="json",
                             path=name) from e
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        items = data if isinstance(data, list) else [data]
        records = [(f"{name}#{n}", item) for n, item in enumerate(items, 1)]
    articles: list[Article] = []
    errors: list[InputError] = []
    for n, (where, record) in enumerate(records, 1):
        try:
            articles.append(_record(record, where, default_id=f"{base}-{n}" if len(records) > 1 else base))
        except InputError as e:
            errors.append(e)
    if errors:
        raise RecordErrors(articles, errors)
    return articles


def _record(record: Any, where: str, *, default_id: str) -> Article:
    if isinstance(record, str):
        try:
            record = json.loads(record)
        except json.JSONDecodeError as e:
            raise InputError(f"the line is not valid JSON ({e.msg}); write one article object a line",
                             reason="json", path=where) from e
        except RecursionError as e:
            raise InputError("the line is not an article: " + _NESTED.format("JSON"), reason="json", path=where) from e
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError('each article must be an object with a "text" string (and optional id, title, '
                         'source, url, published)', reason="json", path=where)
    if len(record["text"].encode("utf-8", "surrogatepass")) > DEFAULT_MAX_BYTES:
        raise InputError(f"the article's text is more than the {DEFAULT_MAX_BYTES:,}-byte limit for one article; "
                         "split it into separate articles", reason="too_large", path=where)
    fields = _one_value({key: record[key] for key in ("id", *METADATA) if record.get(key) is not None},
                        "the article's", where, "json")
    fields.setdefault("id", default_id)
    try:
        article = Article(text=record["text"], **fields)
    except ValidationError as e:
        raise InputError(f"the article object is not valid ({e.errors()[0]['msg']})", reason="json", path=where) from e
    try:
        text = validate_text(article.text, name=where)
    except InputError as e:
        e.path = e.path or where  # a record's place in its file, as for the other record errors
        raise
    return article.model_copy(update={"text": text})


def _front_matter_loader() -> type:
    """PyYAML's safe loader without aliases: ``*name`` repeats a value by reference, and a few
    hundred bytes of nested aliases expand into gigabytes when the values are read (an alias bomb)."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                                  event.start_mark)
            return super().compose_node(parent, index)

    return FrontMatterLoader
