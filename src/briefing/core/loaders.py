"""Load a day's articles from files: ``.txt``, ``.md`` (optional front matter), ``.json``/``.jsonl``
article lists and saved ``.html`` pages (text extracted by trafilatura, the ``html`` extra).

Bad files fail one by one with the same ``InputError``s as ``briefing brief`` (see
``briefing.core.inputs``); the good ones are still returned, and the errors travel with them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing.core.errors import InputError
from briefing.core.inputs import read_article, validate_text
from briefing.core.models import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
LIST_SUFFIXES = (".json", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + LIST_SUFFIXES + HTML_SUFFIXES
METADATA = ("title", "source", "url", "published")


class LoadedArticles(list[Article]):
    """The articles that loaded, in order; ``errors`` holds one ``InputError`` per file (or
    record) that did not, each saying what to do."""

    def __init__(self, articles: Iterable[Article] = (), errors: Iterable[InputError] = ()) -> None:
        super().__init__(articles)
        self.errors: list[InputError] = list(errors)


def expand_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Paths as given; a folder stands for its article files (known suffixes), in name order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found.extend(sorted(f for f in p.iterdir()
                                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")))
        else:
            found.append(p)
    return found


def load_articles(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                  strict: bool = False) -> LoadedArticles:
    """Read articles from files and folders (a folder: its article files, in name order).

    ``.txt`` is the text; ``.md`` may open with ``---`` front matter (title, source, url,
    published); ``.json`` holds one article object or a list of them (or ``{"articles": [...]}``);
    ``.jsonl`` one object a line; ``.html``/``.htm`` pages have their article text extracted.
    Any other suffix is read as text. Ids default to the file stem (``stem-N`` in lists).

    Returns:
        ``LoadedArticles``: a list of ``Article`` with ``.errors``, one ``InputError`` per bad file.

    Raises:
        InputError: the first bad file, only when ``strict``.
    """
    loaded = LoadedArticles()
    for path in expand_paths(paths):
        try:
            loaded.extend(load_file(path))
        except InputError as e:
            if strict:
                raise
            loaded.errors.append(e)
        except _RecordErrors as e:
            if strict:
                raise e.errors[0] from None
            loaded.extend(e.articles)
            loaded.errors.extend(e.errors)
    return loaded


class _RecordErrors(Exception):
    """Some records of an article list failed; carries the good ones and the errors."""

    def __init__(self, articles: list[Article], errors: list[InputError]) -> None:
        super().__init__(f"{len(errors)} bad records")
        self.articles = articles
        self.errors = errors


def load_file(path: str | os.PathLike[str]) -> list[Article]:
    """The articles in one file (one, except for ``.json``/``.jsonl`` lists).

    Raises:
        InputError: the file cannot be used (missing, binary, not UTF-8, empty, ...).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from briefing.core.htmlpages import read_html_article

        return [read_html_article(p)]
    article = read_article(p)
    if suffix in (".md", ".markdown"):
        return [_with_front_matter(article, str(p))]
    if suffix in LIST_SUFFIXES:
        return _article_list(article.text, p, lines=suffix == ".jsonl")
    return [article]


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
        meta = yaml.safe_load("".join(lines[1:end])) or {}
    except yaml.YAMLError as e:
        raise InputError(f"the front matter is not valid YAML ({str(e).splitlines()[0]}); fix it or remove it",
                         reason="front_matter", path=name) from e
    if not isinstance(meta, dict):
        raise InputError("the front matter must be 'key: value' lines (title, source, url, published)",
                         reason="front_matter", path=name)
    body = "".join(lines[end + 1:]).lstrip("\n")
    fields = {key: str(meta[key]) for key in METADATA if meta.get(key) is not None}
    if meta.get("id") is not None:
        fields["id"] = str(meta["id"])
    return article.model_copy(update={"text": validate_text(body, name=name), **fields})


def _article_list(text: str, path: Path, *, lines: bool) -> list[Article]:
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
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        items = data if isinstance(data, list) else [data]
        records = [(f"{name}#{n}", item) for n, item in enumerate(items, 1)]
    articles: list[Article] = []
    errors: list[InputError] = []
    for n, (where, record) in enumerate(records, 1):
        try:
            articles.append(_record(record, where, default_id=f"{path.stem}-{n}" if len(records) > 1 else path.stem))
        except InputError as e:
            errors.append(e)
    if errors:
        raise _RecordErrors(articles, errors)
    return articles


def _record(record: Any, where: str, *, default_id: str) -> Article:
    if isinstance(record, str):
        try:
            record = json.loads(record)
        except json.JSONDecodeError as e:
            raise InputError(f"the line is not valid JSON ({e.msg}); write one article object a line",
                             reason="json", path=where) from e
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError('each article must be an object with a "text" string (and optional id, title, '
                         'source, url, published)', reason="json", path=where)
    fields = {key: record[key] for key in ("id", *METADATA) if record.get(key) is not None}
    fields = {key: str(value) for key, value in fields.items()}
    fields.setdefault("id", default_id)
    try:
        article = Article(text=record["text"], **fields)
    except ValidationError as e:
        raise InputError(f"the article object is not valid ({e.errors()[0]['msg']})", reason="json", path=where) from e
    return article.model_copy(update={"text": validate_text(article.text, name=where)})
