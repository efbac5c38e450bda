"""Load and render the prompt templates under ``prompts/``; a prompt's version is a hash of its files.

Templates are Jinja2 with ``StrictUndefined``: rendering without a variable the template uses is a
``PromptError``, never a silently empty string. Every value a template writes goes through one
helper, ``prompt_value``, applied by the environment itself (Jinja's ``finalize``): it defuses every
tag the prompt's own files use as a delimiter (``<article>``, ``</claims>``, ...), so no article,
id or model-written headline can close its block and add instructions. Two filters shape a value
for where it goes: ``inline`` folds line breaks (a value on a ``headline: ...`` or ``[3] ...`` line
cannot forge the next line) and ``attribute`` also writes ``"``, ``<`` and ``>`` as entities (an
id in ``id="..."``). ``escape_tag("article")`` is kept for templates that name their tag.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from briefing.core.errors import PromptError

_PACKAGED = Path(__file__).resolve().parents[1] / "prompts"  # inside an installed wheel
_CHECKOUT = Path(__file__).resolve().parents[3] / "prompts"  # a source checkout / editable install


def prompt_value(text: str, tags: Iterable[str]) -> str:
    """``text`` with every ``<tag ...>`` and ``</tag>`` of ``tags`` (any case and spacing) written
    ``&lt;tag``: the one escaping helper for values in prompts (idempotent).

    Article text that contained ``</article>`` would otherwise end the prompt's delimited block
    early, and what follows would read as instructions. Only those tags change; everything else,
    other markup included, is left exactly as it is.
    """
    names = "|".join(re.escape(tag) for tag in sorted(set(tags), key=len, reverse=True))
    if not names:
        return text
    return re.sub(rf"<(?=\s*/?\s*(?:{names})(?![\w-]))", "&lt;", text, flags=re.IGNORECASE)


def escape_tag(text: str, tag: str) -> str:
    """``prompt_value`` for one tag (``{{ text | escape_tag("article") }}``)."""
    return prompt_value(text, (tag,))


def inline(value: object) -> str:
    """``value`` on one line: runs of whitespace, line breaks included, become one space."""
    return " ".join(str(value).split())


def attribute(value: object) -> str:
    """``value`` for a double-quoted attribute: on one line, ``"``, ``<`` and ``>`` written as
    ``&quot;``, ``&lt;`` and ``&gt;``."""
    return inline(value).replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


_TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w-]*)")


def _finalize(tags: frozenset[str]) -> Callable[[object], object]:
    """Jinja's ``finalize``: every value a template writes, through ``prompt_value``."""
    def finalize(value: object) -> object:
        if isinstance(value, (int, float)) or value is None:
            return value
        return prompt_value(value if isinstance(value, str) else str(value), tags)
    return finalize


def prompts_dir() -> Path:
    """Return the folder that holds the prompt templates.

    Raises:
        PromptError: when neither the installed copy nor the checkout's folder exists.
    """
    for folder in (_PACKAGED, _CHECKOUT):
        if folder.is_dir():
            return folder
    raise PromptError(
        f"prompt templates not found in {_PACKAGED} or {_CHECKOUT}; reinstall the package "
        "(`pip install --force-reinstall grounded-briefing`)"
    )


@dataclass(frozen=True)
class Prompt:
    """A named prompt: a system template and a user template, with a content hash as version."""

    name: str
    system: jinja2.Template
    user: jinja2.Template
    version: str

    def render(self, **variables: object) -> list[dict[str, str]]:
        """Render both templates into chat messages.

        Raises:
            PromptError: when a variable the templates use is missing.
        """
        try:
            return [
                {"role": "system", "content": self.system.render(**variables)},
                {"role": "user", "content": self.user.render(**variables)},
            ]
        except jinja2.UndefinedError as e:
            raise PromptError(f"prompt {self.name!r} needs a variable that was not given: {e}") from e


@cache
def load_prompt(name: str = "brief") -> Prompt:
    """Load the packaged prompt ``prompts/NAME/`` (``system.j2`` and ``user.j2``).

    Raises:
        PromptError: when the prompt's files are missing.
    """
    return load_prompt_folder(prompts_dir() / name)


def load_prompt_folder(folder: str | os.PathLike[str], *, name: str | None = None) -> Prompt:
    """Load a prompt from any folder holding ``system.j2`` and ``user.j2``; its version is
    ``NAME-`` and a hash of both files, so a changed template never reuses a cached answer.

    The templates receive ``text``, ``title``, ``source``, ``max_claims`` and ``language``;
    using any other variable is a ``PromptError`` when rendered.

    Raises:
        PromptError: when either file is missing or is not a valid template.
    """
    folder = Path(folder)
    name = name or folder.name
    try:
        sources = {part: (folder / f"{part}.j2").read_text(encoding="utf-8") for part in ("system", "user")}
        tags = frozenset(tag.lower() for source in sources.values() for tag in _TAG_NAME.findall(source))
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
            finalize=_finalize(tags),
        )
        env.filters.update(escape_tag=escape_tag, inline=inline, attribute=attribute)
        templates = {part: env.get_template(f"{part}.j2") for part in sources}
    except (OSError, jinja2.TemplateError) as e:
        raise PromptError(
            f"prompt {name!r} is incomplete or broken in {folder}: {e}; it needs system.j2 and user.j2"
        ) from e
    digest = hashlib.sha256()
    for part in ("system", "user"):
        digest.update(sources[part].encode("utf-8"))
    return Prompt(name, templates["system"], templates["user"], f"{name}-{digest.hexdigest()[:12]}")
