"""Read articles annotated with attributions (who said what) for ``briefing eval`` and benchmarks.

Three layouts are understood, each giving ``AnnotatedArticle``s with character-set gold spans:

- a folder of ``NAME.txt`` beside ``NAME.ann``: brat standoff in PolNeAR's attribution scheme
  (``T`` lines are Source, Cue and Content spans, discontinuous ones with ``;`` between offset
  pairs; ``E`` lines join them into an Attribution or Attribution-no-source event);
- PolNeAR's own layout: ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``, one file per
  annotator, of which the first by name is used (a PolNeAR checkout's ``data/<split>/`` too);
- a JSONL file, one article a line:
  ``{"id", "text", "attributions": [{"content": {"start", "end"}, "source": {"start", "end"} | null}]}``.

Offsets index Python ``str`` characters of the UTF-8 text. Anything malformed is an ``InputError``
naming the file (and line) and saying what is wrong, before any model is asked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing.core.errors import InputError


@dataclass(frozen=True)
class Gold:
    """One annotated attribution: the Content's characters and the Source's text (None: no source)."""

    content: frozenset[int]
    source: str | None


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article's id and text with its annotated attributions."""

    id: str
    text: str
    gold: tuple[Gold, ...]


def characters(ranges: list[tuple[int, int]]) -> frozenset[int]:
    """The set of character offsets covered by half-open ``(start, end)`` ranges."""
    return frozenset(i for start, end in ranges for i in range(start, end))


def _bad(path: Path, line: int | None, what: str) -> InputError:
    return InputError(f"line {line}: {what}" if line else what, reason="annotation", path=str(path))


def _ranges(text: str, offsets: str, path: Path, line: int) -> list[tuple[int, int]]:
    ranges = []
    for part in offsets.split(";"):
        bounds = part.split()
        if len(bounds) != 2 or not all(b.isascii() and b.isdigit() for b in bounds):  # not '5²', '٣'
            raise _bad(path, line, f"offsets {offsets!r} are not 'START END' pairs joined by ';'")
        start, end = int(bounds[0]), int(bounds[1])
        if not start <= end <= len(text):
            raise _bad(path, line, f"span {start}-{end} is outside the {len(text)}-character text")
        ranges.append((start, end))
    return ranges


def read_brat(ann: Path, text: str) -> tuple[Gold, ...]:
    """The attributions of one brat ``.ann`` file over ``text``.

    Every role whose name starts with ``Content`` (PolNeAR has a few ``Content2``) adds to the
    Content; the Source's text is read from ``text`` at its offsets, fragments joined by a space.
    Events without a Content are skipped, since there is nothing to match.

    Raises:
        InputError: an unreadable file, a malformed span line or offsets outside the text.
    """
    try:
        lines = ann.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise _bad(ann, None, f"cannot read the annotations ({type(e).__name__}); pass a UTF-8 .ann file") from e
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(lines, 1):
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2 or " " not in fields[1]:
                raise _bad(ann, number, "a span line needs 'ID<TAB>LABEL START END'")
            spans[fields[0]] = _ranges(text, fields[1].split(" ", 1)[1], ann, number)
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    gold = []
    for event in events:
        content = [r for role, ref in event.items() if role.startswith("Content") for r in spans.get(ref, [])]
        if not content:
            continue
        source = spans.get(event.get("Source", ""))
        source_text = " ".join(text[start:end] for start, end in source) if source else None
        gold.append(Gold(characters(content), source_text))
    return tuple(gold)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise _bad(path, None, f"cannot read the article ({type(e).__name__}); pass UTF-8 text") from e


def load_polnear(folder: Path) -> list[AnnotatedArticle]:
    """Articles of a ``text/`` + ``attributions/`` folder; the first annotator's file by name."""
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        if (found := annotations.get(path.stem)) is not None:
            text = _read_text(path)
            articles.append(AnnotatedArticle(path.stem, text, read_brat(found, text)))
    return articles


def load_brat_folder(folder: Path) -> list[AnnotatedArticle]:
    """Articles of a folder of ``NAME.txt`` beside ``NAME.ann``; a text without one is not annotated."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        ann = path.with_suffix(".ann")
        if ann.is_file():
            text = _read_text(path)
            articles.append(AnnotatedArticle(path.stem, text, read_brat(ann, text)))
    return articles


def _offsets(value: object, text: str, path: Path, line: int, role: str) -> tuple[int, int]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), int) for k in ("start", "end")):
        raise _bad(path, line, f"{role} needs integer 'start' and 'end'")
    start, end = value["start"], value["end"]
    if not 0 <= start < end <= len(text):
        raise _bad(path, line, f"{role} {start}-{end} is not a non-empty span of the {len(text)}-character text")
    return start, end


def load_jsonl(path: Path) -> list[AnnotatedArticle]:
    """Articles of a JSONL file (see the module docstring); blank lines are skipped."""
    articles = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise _bad(path, number, f"not JSON ({e.msg})") from e
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) \
                or not isinstance(record.get("attributions", []), list):
            raise _bad(path, number, "each line needs 'text' (a string) and 'attributions' (a list)")
        text = record["text"]
        gold = []
        for attribution in record.get("attributions", []):
            if not isinstance(attribution, dict):
                raise _bad(path, number, "each attribution must be an object with 'content'")
            start, end = _offsets(attribution.get("content"), text, path, number, "content")
            source = attribution.get("source")
            source_text = None
            if source is not None:
                s_start, s_end = _offsets(source, text, path, number, "source")
                source_text = text[s_start:s_end]
            gold.append(Gold(characters([(start, end)]), source_text))
        articles.append(AnnotatedArticle(str(record.get("id") or f"{path.stem}-{number}"), text, tuple(gold)))
    return articles


def find_polnear(path: Path, split: str = "dev") -> Path | None:
    """The folder holding ``text/`` and ``attributions/``: ``path`` or a checkout's ``data/SPLIT``."""
    for candidate in (path, path / "data" / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    return None


def load_annotated(path: str | Path, *, split: str = "dev") -> list[AnnotatedArticle]:
    """Load annotated articles from any of the three layouts, recognised by their shape.

    Raises:
        InputError: a missing path, a folder in none of the layouts, no annotated article, or a
            malformed file (naming file and line).
    """
    path = Path(path)
    if path.is_file():
        articles = load_jsonl(path)
    elif (folder := find_polnear(path, split)) is not None:
        articles = load_polnear(folder)
    elif path.is_dir():
        articles = load_brat_folder(path)
    else:
        raise _bad(path, None, "no such file or folder; pass a folder of NAME.txt + NAME.ann, "
                               "a PolNeAR text/ + attributions/ folder, or a JSONL file")
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise _bad(path, None, f"two articles have the id {article.id!r}; give each a unique id")
        seen.add(article.id)
    if not articles:
        raise _bad(path, None, "holds no annotated article; pass a folder of NAME.txt + NAME.ann, "
                               "a PolNeAR text/ + attributions/ folder, or a JSONL file")
    return articles
