"""Turn user input (a path or a string) into a valid ``Article`` before any paid call.

Every rejection is an ``InputError`` whose ``reason`` is one of ``missing`` (also a symbolic link
to nothing), ``not_a_file`` (also a symbolic link loop), ``unreadable``, ``too_large``, ``empty``,
``binary``, ``encoding`` or ``html``, and whose one-line message says what is wrong and what to do. Messy but genuine text (curly quotes, CJK, stray
characters, a dangling last line) passes unchanged: offsets index the text exactly as given.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from shlex import quote as _q

from briefing.core.errors import InputError
from briefing.core.models import Article

DEFAULT_MAX_BYTES = 10 * 2**20  # far above any news article; guards against briefing a dump
DEFAULT_MAX_LIST_BYTES = 100 * 2**20  # a .json/.jsonl article list: each record is held to DEFAULT_MAX_BYTES

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Magic numbers of formats people pass by mistake, with the hint that fixes each.
_MAGIC = (
    (b"%PDF-", "a PDF", "extract its text first, e.g. `pdftotext FILE out.txt`"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)",
     "save or export the article as plain text (.txt) first"),
    (b"{\\rtf", "an RTF document", "save or export the article as plain text (.txt) first"),
    (b"\x89PNG", "a PNG image", "pass the article's text, not an image"),
    (b"\xff\xd8\xff", "a JPEG image", "pass the article's text, not an image"),
    (b"GIF8", "a GIF image", "pass the article's text, not an image"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first, e.g. `gunzip FILE`"),
)

# Control characters that do not occur in text: C0 except tab/newline/CR/FF/VT, DEL, C1.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.02
_MAX_REPLACEMENT_RATIO = 0.01

_HTML_TAGS = (
    "html|head|body|title|meta|link|script|style|noscript|iframe|div|span|p|a|b|i|u|em|strong|"
    "small|br|hr|img|picture|source|figure|figcaption|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|"
    "th|h[1-6]|section|article|nav|header|footer|main|aside|form|input|button|label|select|"
    "option|textarea|blockquote|pre|code|svg|path|time|sup|sub"
)
_TAG = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_DOC_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_DOC_ELEMENT = re.compile(r"<(html|head|body)[\s>].*</\1\s*>", re.IGNORECASE | re.DOTALL)
_MIN_TAGS_FOR_DOC = 5
_MIN_TAGS_FOR_RATIO = 10
_MIN_MARKUP_RATIO = 0.10


def unique_ids(paths: list[Path]) -> list[str]:
    """Article ids for ``paths`` that are unique within the list, one per path, in order.

    Each id is the file name's stem while no other path has the same stem. Paths whose stems clash
    get their parent folders in front ("north/same", "south/same"), as few as tell them apart, or,
    when only the extension differs, the whole file name ("c.md", "c.txt"). The same file given
    twice is the same article and keeps one id.
    """
    absolute = [Path(os.path.abspath(p)) for p in paths]
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(absolute):
        groups.setdefault(p.stem, []).append(i)
    ids = [p.stem for p in absolute]
    for members in groups.values():
        if len(members) > 1:
            for i, id_ in zip(members, _telling_apart([absolute[i] for i in members]), strict=True):
                ids[i] = id_
    owners: dict[str, list[Path]] = {}  # the files that ended up with each id: one, nearly always
    for i, id_ in enumerate(ids):
        files = owners.setdefault(id_, [])
        if absolute[i] not in files:
            files.append(absolute[i])
        if (n := files.index(absolute[i])) > 0:  # a whole name that equals another file's stem
            ids[i] = f"{id_} ({n + 1})"
    return ids


def _telling_apart(paths: list[Path]) -> list[str]:
    """Labels for paths with the same stem: the fewest parent folders (then the whole file name)
    that give each different file a different label."""
    files = len(set(paths))
    if files == 1:
        return [p.stem for p in paths]
    deepest = max(len(p.parent.parts) - 1 for p in paths)
    for whole_name in (False, True):
        for depth in range(0 if whole_name else 1, deepest + 1):
            labels = [_label(p, depth, whole_name) for p in paths]
            if len(set(labels)) == files:
                return labels
    return [str(p) for p in paths]  # not reached: whole absolute paths always differ


def _label(path: Path, depth: int, whole_name: bool) -> str:
    folders = path.parent.parts[1:]
    kept = folders[len(folders) - depth:] if depth else ()
    return "/".join([*kept, path.name if whole_name else path.stem])


def read_article(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 id: str | None = None) -> Article:
    """Read a UTF-8 text file into an ``Article`` (``id`` = the given one, else the file name's stem).

    A UTF-8 byte order mark is stripped; nothing else is changed. Raises ``InputError`` when the
    path is missing, not a regular file, unreadable, larger than ``max_bytes``, binary, not UTF-8,
    an HTML page, or empty.
    """
    p = Path(path)
    return Article(id=id or p.stem, text=_validate(read_text(p, max_bytes=max_bytes), str(path), path=str(path)))


def read_text(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
              what: str = "one article") -> str:
    """The UTF-8 text of the file at ``path``, not yet judged as article text (an article list's
    records are judged one by one); ``what`` names the file's kind in the size error.

    Raises ``InputError`` when the path is missing, not a regular file, unreadable, larger than
    ``max_bytes``, binary, or not UTF-8.
    """
    p = Path(path)
    name = str(path)
    try:
        exists = p.exists()
    except OSError as e:  # a folder on the way that this user may not enter
        raise _error("unreadable", f"the path cannot be reached ({e.strerror or e}); check the permissions "
                     "of the folders that lead to it", name, path=name) from e
    if not exists and p.is_symlink():
        raise _broken_link(p, name)
    if not exists:
        raise _error("missing", f"no such file; check the path (relative paths start at {os.getcwd()})",
                     name, path=name)
    if p.is_dir():
        raise _error("not_a_file", "the path is a directory, not a file; pass the article's text file instead",
                     name, path=name)
    if not p.is_file():
        raise _error("not_a_file", "the path is not a regular file; save the article to a text file and pass that",
                     name, path=name)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise _error(
                "too_large",
                f"the file is {size:,} bytes, more than the {max_bytes:,}-byte limit for {what}; "
                + ("split it into separate articles, or raise max_bytes if it really is one" if what == "one article"
                   else "split it into several files"),
                name, path=name,
            )
        data = p.read_bytes()
    except OSError as e:
        raise _error("unreadable", f"the file cannot be read ({e.strerror or e}); check its permissions",
                     name, path=name) from e
    return _decode(data, name)


def _broken_link(p: Path, name: str) -> InputError:
    """The error for a symbolic link that leads nowhere: a loop, or a missing target."""
    try:
        p.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            return _error("not_a_file", "the path is a symbolic link loop (the links point back at each "
                          "other); fix or remove the link, or pass the file itself", name, path=name)
    target = os.readlink(p)
    return _error("missing", f"the path is a symbolic link to {target}, which does not exist; fix the link "
                  "or pass the file itself", name, path=name)


def validate_text(text: str, *, name: str | None = None) -> str:
    """Check that ``text`` is article text and return it, minus a leading byte order mark.

    ``name`` (a file name or article id) prefixes error messages. Raises ``InputError`` for empty
    or whitespace-only text, binary data, mis-decoded text and HTML pages.
    """
    return _validate(text, name, path=None)


def _error(reason: str, message: str, name: str | None, *, path: str | None) -> InputError:
    return InputError(message, reason=reason, path=path, article=name)


def _decode(data: bytes, name: str) -> str:
    """Decode file bytes as strict UTF-8 (a BOM survives as U+FEFF), naming what is wrong on failure."""
    if data.startswith(_UTF16_BOMS) or _looks_utf16(data):
        raise _error("encoding", "the file is UTF-16, not UTF-8; re-encode it, e.g. "
                     f"`iconv -f utf-16 -t utf-8 {_q(name)} > {_q(_utf8_name(name))}`", name, path=name)
    for magic, what, fix in _MAGIC:
        if data.startswith(magic):
            raise _error("binary", f"the file is {what}, not text; {fix}", name, path=name)
    if b"\x00" in data:
        raise _error("binary", "the file is binary (it contains NUL bytes), not text; "
                     "pass a plain-text (.txt) file with the article", name, path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        source = "windows-1252" if re.search(rb"[\x80-\x9f]", data) else "latin1"
        raise _error(
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-encode it, "
            f"e.g. `iconv -f {source} -t utf-8 {_q(name)} > {_q(_utf8_name(name))}`",
            name, path=name,
        ) from e


def _utf8_name(name: str) -> str:
    p = Path(name)
    return str(p.with_name(f"{p.stem}.utf8{p.suffix or '.txt'}"))


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: mostly-ASCII text where every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9


def _validate(text: str, name: str | None, *, path: str | None) -> str:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _error("empty", "the text is empty or only whitespace; pass a file that contains the article's text",
                     name, path=path)
    if "\x00" in text or len(_CONTROL.findall(text)) > max(2, _MAX_CONTROL_RATIO * len(text)):
        raise _error("binary", "the text looks like binary data (NUL or many control characters), not text; "
                     "pass the article as plain text", name, path=path)
    bad = text.count("\ufffd")
    if bad > max(4, _MAX_REPLACEMENT_RATIO * len(text)):
        raise _error("encoding", f"the text contains {bad} replacement characters (\ufffd): it was decoded with "
                     "the wrong encoding; re-read the source with its real encoding", name, path=path)
    why = _html_evidence(text)
    if why:
        raise _error("html", f"the text looks like an HTML page ({why}), not article text; extract the article "
                     "text first (e.g. with trafilatura or readability) and pass that", name, path=path)
    return text


def _html_evidence(text: str) -> str | None:
    """Say why ``text`` is an HTML document, or return None when it is not."""
    if _DOC_START.match(text):
        return "it starts with <!doctype html> or <html>"
    tags = _TAG.findall(text)
    if len(tags) >= _MIN_TAGS_FOR_DOC and _DOC_ELEMENT.search(text):
        return "it has <html>, <head> or <body> elements"
    markup = sum(map(len, tags)) / len(text)
    if len(tags) >= _MIN_TAGS_FOR_RATIO and markup >= _MIN_MARKUP_RATIO:
        return f"{len(tags)} tags make up {markup:.0%} of it"
    return None


def as_article(article: Article | str, *, id: str | None = None) -> Article:
    """Accept an Article or plain text; validate the text before any paid call.

    Raises:
        InputError: empty, binary-looking or HTML text.
    """
    if isinstance(article, str):
        article = Article(text=article, id=id)
    elif id is not None and article.id is None:
        article = article.model_copy(update={"id": id})
    text = validate_text(article.text, name=article.id)
    return article if text == article.text else article.model_copy(update={"text": text})
