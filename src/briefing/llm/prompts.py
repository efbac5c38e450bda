"""Load and render the prompt templates under ``prompts/``; a prompt's version is a hash of its files.

Templates are Jinja2 with ``StrictUndefined``: rendering without a variable the template uses is a
``PromptError``, never a silently empty string. The ``escape_tag`` filter keeps article text from
opening or closing the tag that delimits it (``{{ text | escape_tag("article") }}``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from briefing.core.errors import PromptError

_PACKAGED = Path(__file__).resolve().parents[1] / "prompts"  # inside an installed wheel
_CHECKOUT = Path(__file__).resolve().parents[3] / "prompts"  # a source checkout / editable install


def escape_tag(text: str, tag: str) -> str:
    """``text`` with every ``<tag ...>`` and ``</tag>`` (any case and spacing) written ``&lt;tag``.

    Article text that contained ``</article>`` would otherwise end the prompt's delimited block
    early, and what follows would read as instructions. Only those tags change; everything else,
    other markup included, is left exactly as it is.
    """
    pattern = re.compile(rf"<(?=\s*/?\s*{re.escape(tag)}(?![\w-]))", re.IGNORECASE)
    return pattern.sub("&lt;", text)


def prompts_dir() -> Path:
    """Return the folder that holds the prompt templates.

    Raises:
        PromptError: when neither the installed copy nor the checkout's folder exists.
    """
    for folder in (_PACKAGED, _CHECKOUT):
        if folder.is_dir():
            return folder
    raise PromptError(
        f"prompt templates not found in {_PACKAGED} or {_CHECKOUT}; reinstall briefing "
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
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )
    env.filters["escape_tag"] = escape_tag
    try:
        sources = {part: (folder / f"{part}.j2").read_text(encoding="utf-8") for part in ("system", "user")}
        templates = {part: env.get_template(f"{part}.j2") for part in sources}
    except (OSError, jinja2.TemplateError) as e:
        raise PromptError(
            f"prompt {name!r} is incomplete or broken in {folder}: {e}; it needs system.j2 and user.j2"
        ) from e
    digest = hashlib.sha256()
    for part in ("system", "user"):
        digest.update(sources[part].encode("utf-8"))
    return Prompt(name, templates["system"], templates["user"], f"{name}-{digest.hexdigest()[:12]}")
