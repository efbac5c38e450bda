"""The one input reader: files and folders in, articles with unique ids out.

Every command reads its articles here (``briefing brief``, ``check``, ``daily``, ``batch submit``),
so they all read the same inputs the same way:

- a folder stands for its article files (``.txt``, ``.md``/``.markdown`` with optional front
  matter, ``.json``/``.jsonl`` article lists, saved ``.html``/``.htm`` pages), its subfolders
  included, in name order; hidden files and folders are left out, and any other file in a folder
  is skipped and named in ``skipped``. A file named on its own is read whatever its suffix (as
  text, unless the suffix says otherwise);
- what the run itself writes (``exclude``: its ``--out`` file, cache folder, batch manifests) is
  never read, and is named in ``skipped`` when a folder or argument contains it;
- the same file given twice is read once;
- ids: the file name's stem, with parent folders in front where stems clash (``north/same``,
  ``south/same``; see ``inputs.unique_ids``); an id written in the file (front matter, a JSON
  record) wins; and an id is never given twice: a repeat becomes ``ID-2`` (or the next number no
  other article has), so ``same``, ``same-2``, ``same`` give ``same``, ``same-2``, ``same-3``.

Bad files fail one by one with the ``InputError``s of ``briefing.core.inputs``; the good ones are
still returned, and the errors travel with them. Reading one file is ``articlefiles.load_file``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from briefing.core.articlefiles import (
    HTML_SUFFIXES,
    LIST_SUFFIXES,
    METADATA,
    SUFFIXES,
    TEXT_SUFFIXES,
    RecordErrors,
    load_file,
)
from briefing.core.errors import InputError
from briefing.core.inputs import unique_ids
from briefing.core.models import Article

__all__ = ["HTML_SUFFIXES", "LIST_SUFFIXES", "METADATA", "SUFFIXES", "TEXT_SUFFIXES", "LoadedArticles",
           "distinct_ids", "expand_paths", "load_articles", "load_file"]

PathsLike = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class LoadedArticles(list[Article]):
    """The articles that loaded, in order.

    ``errors`` holds one ``InputError`` per file (or record) that did not load, each saying what to
    do; ``items`` holds articles and errors together in reading order; ``skipped`` one line per
    file or folder that was left out on purpose, and why; ``paths`` the file each article came
    from, by article id.
    """

    def __init__(self, articles: Iterable[Article] = (), errors: Iterable[InputError] = ()) -> None:
        super().__init__(articles)
        self.errors: list[InputError] = list(errors)
        self.items: list[Article | InputError] = [*self, *self.errors]
        self.skipped: list[str] = []
        self.paths: dict[str, Path] = {}


def _as_list(paths: PathsLike) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _key(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _walk(paths: PathsLike, exclude: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[str]]:
    """(the article files, in order and each once; a line per file or folder skipped)."""
    excluded = {_key(Path(p)) for p in exclude}
    found: list[Path] = []
    seen: set[Path] = set()
    skipped: list[str] = []

    def take(path: Path) -> None:
        if _key(path) in seen:
            return
        seen.add(_key(path))
        found.append(path)

    def folder(path: Path) -> None:
        for entry in sorted(path.iterdir(), key=lambda p: p.name):
            if entry.name.startswith("."):
                continue
            if _key(entry) in excluded:
                skipped.append(f"{entry}: written by this run, not read as an article")
            elif entry.is_dir():
                folder(entry)
            elif entry.suffix.lower() in SUFFIXES and entry.is_file():
                take(entry)
            else:
                skipped.append(f"{entry}: not an article file ({', '.join(SUFFIXES)}); left out")

    for path in _as_list(paths):
        if _key(path) in excluded:
            skipped.append(f"{path}: written by this run, not read as an article")
        elif path.is_dir():
            folder(path)
        else:
            take(path)  # a missing or odd file is read, and fails there with the reason
    return found, skipped


def expand_paths(paths: PathsLike, *, exclude: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Paths as given (each once); a folder stands for its article files, subfolders included, in
    name order; ``exclude`` (files or folders the run writes) is left out."""
    return _walk(paths, exclude)[0]


def distinct_ids(articles: Iterable[Article]) -> list[Article]:
    """``articles`` with no id given twice: a missing id becomes ``article-N``, a repeated one
    ``ID-2`` (or ``ID-3``, ... the first that no other article has), so no two articles ever
    share an id, and no renamed one takes an id another article already has."""
    articles = list(articles)
    wanted = {a.id for a in articles if a.id}
    used: set[str] = set()
    out = []
    for n, article in enumerate(articles, 1):
        base = article.id or f"article-{n}"
        new_id, k = base, 1
        while new_id in used or (new_id != base and new_id in wanted):
            k += 1
            new_id = f"{base}-{k}"
        used.add(new_id)
        out.append(article if new_id == article.id else article.model_copy(update={"id": new_id}))
    return out


def load_articles(paths: PathsLike, *, strict: bool = False,
                  exclude: Iterable[str | os.PathLike[str]] = ()) -> LoadedArticles:
    """Read articles from files and folders (see the module docstring for what is read and the ids).

    Args:
        paths: files and folders.
        strict: raise the first bad file's error instead of collecting it.
        exclude: files and folders the run writes (an output file, a cache folder): never read.

    Returns:
        ``LoadedArticles``: a list of ``Article`` with ``.errors`` (one ``InputError`` per bad file
        or record), ``.items`` (both, in reading order) and ``.skipped`` (files left out, and why).

    Raises:
        InputError: the first bad file, only when ``strict``.
    """
    files, skipped = _walk(paths, exclude)
    read: list[tuple[Path, Article | InputError]] = []
    for path, id_ in zip(files, unique_ids(files), strict=True):
        try:
            read.extend((path, a) for a in load_file(path, id=id_))
        except InputError as e:
            if strict:
                raise
            read.append((path, e))
        except RecordErrors as e:
            if strict:
                raise e.errors[0] from None
            read.extend((path, a) for a in e.articles)  # the good records first, then the bad ones' errors
            read.extend((path, error) for error in e.errors)
    renamed = iter(distinct_ids(a for _, a in read if isinstance(a, Article)))
    read = [(path, next(renamed) if isinstance(item, Article) else item) for path, item in read]
    loaded = LoadedArticles(a for _, a in read if isinstance(a, Article))
    loaded.errors = [e for _, e in read if isinstance(e, InputError)]
    loaded.items = [item for _, item in read]
    loaded.skipped = skipped
    loaded.paths = {a.id or "": path for path, a in read if isinstance(a, Article)}
    return loaded
