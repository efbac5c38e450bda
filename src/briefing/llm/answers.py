"""How a model's answer text becomes the response model: lenient JSON, and the validation context
handed to the validators without instructor ever seeing it.

Two things instructor does not do the way the library needs:

- Small local models often put a raw newline or tab inside a JSON string, which strict JSON (and
  pydantic's parser) rejects as "control character found while parsing a string". Such an answer
  is read again with ``json.loads(strict=False)`` and validated from its strict re-encoding, so the
  schema alone decides. Anything else that is not JSON (a trailing comma, a cut-off answer) fails
  exactly as before, with pydantic's error, and is re-asked.
- instructor renders every message as a Jinja2 template and dedents it whenever it is given a
  ``context``. The validators need a context (the article text, the re-ask budget), so it is given
  to them through ``validating_with`` instead, and the messages reach the server byte for byte.

Both hook in at ``model_validate_json``, the one call every instructor mode (tools, json_schema,
json, md_json) makes on the response model: ``answer_model(cls)`` is a subclass of ``cls`` with the
same name, docstring and schema that does both.
"""

from __future__ import annotations

import json
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


def lenient_json(text: str | bytes | bytearray) -> str | None:
    """``text`` re-encoded as strict JSON when it is JSON but for raw control characters (a
    newline, a tab) inside its strings; None when it is not JSON even so."""
    try:
        value = json.loads(text, strict=False)
    except (ValueError, RecursionError):  # JSONDecodeError and undecodable bytes are ValueErrors
        return None
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):
        return None


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
            relaxed = lenient_json(json_data)
            if relaxed is None:
                raise
            try:
                return super().model_validate_json(relaxed, **kwargs)
            except ValidationError as again:
                if _only_json_syntax(again):
                    raise error from None  # the original complaint describes what the model sent
                raise


@cache
def answer_model(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` as instructor should parse it: the same name, docstring, fields and JSON schema,
    with lenient JSON and the ``validating_with`` context (one subclass per model, built once)."""
    if issubclass(model, _LenientAnswer):
        return model
    built: type[BaseModel] = create_model(model.__name__, __base__=(_LenientAnswer, model),
                                          __module__=model.__module__, __doc__=model.__doc__)
    return built
