"""How a model's answer text becomes the response model: lenient JSON, and the validation context
handed to the validators without instructor ever seeing it.

Two things instructor does not do the way the library needs:

- Small local models often put a raw newline or tab inside a JSON string, which strict JSON (and
  pydantic's parser) rejects as "control character found while parsing a string". When pydantic
  rejects an answer as invalid JSON, the control characters inside its strings are escaped (what
  ``json.loads(strict=False)`` accepts) and it is validated again, so the schema alone decides.
  JSON that is broken otherwise (a trailing comma, a cut-off answer) still fails, and pydantic's
  error then names that problem, which the re-ask passes on to the model.
- instructor renders every message as a Jinja2 template and dedents it whenever it is given a
  ``context``. The validators need a context (the article text, the re-ask budget), so it is given
  to them through ``validating_with`` instead, and the messages reach the server byte for byte.

Both hook in at ``model_validate_json``, the one call every instructor mode (tools, json_schema,
json, md_json) makes on the response model: ``answer_model(cls)`` is a subclass of ``cls`` with the
same name, docstring and schema that does both. md_json needs one step more (``relax_answer``):
instructor looks for the JSON inside the Markdown with a strict decoder first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any, Self

from pydantic import BaseModel, ValidationError, create_model

_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("briefing_validation_context", default=None)


@contextmanager
def validating_with(context: dict[str, Any] | None) -> Iterator[None]:
    """Within the block, answers parsed by an ``answer_model`` are validated with ``context``
    (per thread and per asyncio task)."""
    token = _CONTEXT.set(context)
    try:
        yield
    finally:
        _CONTEXT.reset(token)


# A JSON string, unrolled so that matching is linear; an unclosed one runs to the end of the text
# (one match, never a retry from every later quote: '"\\"\\"...' would be quadratic).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f]")
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char, f"\\u{ord(char):04x}")


def escape_control_characters(text: str) -> str:
    """``text`` with every raw control character (U+0000-U+001F) inside a JSON string escaped,
    as ``json.loads(strict=False)`` would read it; the rest (whitespace between tokens included)
    unchanged. Linear in the text's length."""
    if _CONTROL.search(text) is None:
        return text
    return _JSON_STRING.sub(lambda string: _CONTROL.sub(_escape, string.group()), text)


_FENCED_BLOCK = re.compile(r"```[^`\n]*\n(.*?)```", re.DOTALL)


def relax_markdown_json(text: str) -> str:
    """A Markdown answer (md_json) with the control characters inside the JSON strings of its code
    blocks escaped; without a complete block, those between its first ``{`` and its last ``}``.
    The prose around them is left as it is.

    instructor finds the JSON in such an answer with a strict decoder before any validation, so a raw
    newline inside a string would make it pick an inner list instead: this runs first (``relax_answer``).
    """
    if _CONTROL.search(text) is None:
        return text
    parts, done = [], 0
    for block in _FENCED_BLOCK.finditer(text):
        parts += [text[done:block.start(1)], escape_control_characters(block.group(1))]
        done = block.end(1)
    if parts:
        return "".join(parts) + text[done:]
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        return text
    return text[:start] + escape_control_characters(text[start:end + 1]) + text[end + 1:]


def relax_answer(response: Any) -> None:
    """instructor's ``completion:response`` hook for md_json: ``relax_markdown_json`` on each
    choice's text, before instructor looks for the JSON in it."""
    for choice in getattr(response, "choices", None) or ():
        message = getattr(choice, "message", None)
        content = getattr(message, "content", None)
        if isinstance(content, str):
            message.content = relax_markdown_json(content)  # type: ignore[union-attr]


def _only_json_syntax(error: ValidationError) -> bool:
    errors = error.errors(include_url=False)
    return bool(errors) and all(e.get("type") == "json_invalid" for e in errors)


class _LenientAnswer(BaseModel):
    """The ``model_validate_json`` that ``answer_model`` mixes in."""

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        if kwargs.get("context") is None:
            kwargs["context"] = _CONTEXT.get()
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as error:
            if not _only_json_syntax(error):
                raise
            try:
                text = json_data if isinstance(json_data, str) else bytes(json_data).decode("utf-8")
            except UnicodeDecodeError:
                raise error from None
            relaxed = escape_control_characters(text)
            if relaxed == text:
                raise
        # a further error is the answer's own (a trailing comma, a missing field), to be re-asked
        return super().model_validate_json(relaxed, **kwargs)


@cache
def answer_model(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` as instructor should parse it: the same name, docstring, fields and JSON schema,
    with lenient JSON and the ``validating_with`` context (one subclass per model, built once)."""
    if issubclass(model, _LenientAnswer):
        return model
    built: type[BaseModel] = create_model(model.__name__, __base__=(_LenientAnswer, model),
                                          __module__=model.__module__, __doc__=model.__doc__)
    return built
