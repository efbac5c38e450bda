"""briefing.llm.answers: lenient JSON for answers with raw control characters inside strings, and the
validation context delivered without instructor's templating (issue 18, items 1 and 18)."""

from __future__ import annotations

import asyncio
import json

import pytest
from instructor.v2.providers.openai.schema import generate_openai_schema
from pydantic import BaseModel, Field, ValidationError, ValidationInfo, field_validator

from briefing.brief.briefer import ArticleBriefing
from briefing.daily.modelgroup import StoryGroups
from briefing.daily.synthesis import StorySynthesis
from briefing.llm.answers import answer_model, lenient_json, validating_with
from briefing.verify.model import ModelVerdict


class Note(BaseModel):
    """A note with a title."""

    title: str = Field(description="The title.")
    count: int = 0


class Checked(BaseModel):
    """Checks its title against the context's text."""

    title: str

    @field_validator("title")
    @classmethod
    def _in_text(cls, value: str, info: ValidationInfo) -> str:
        text = (info.context or {}).get("text")
        if text is None:
            raise ValueError("no context")
        if value not in text:
            raise ValueError(f"{value!r} is not in the text")
        return value


# --------------------------------------------------------------------------- lenient_json


@pytest.mark.parametrize("raw, value", [
    ('{"title": "two\nlines"}', {"title": "two\nlines"}),           # a raw newline
    ('{"title": "a\ttab"}', {"title": "a\ttab"}),                   # a raw tab
    ('{"title": "cr\r\nlf"}', {"title": "cr\r\nlf"}),               # a raw CR LF
    ('{"title": "nul\u0000byte"}', {"title": "nul\u0000byte"}),     # NUL, the lowest control character
    ('{"title": "unit\u001fsep"}', {"title": "unit\u001fsep"}),     # U+001F, the highest
    (b'{"title": "bytes\nin"}', {"title": "bytes\nin"}),           # bytes, as an SDK may hand them over
])
def test_raw_control_characters_inside_strings_are_read(raw, value):
    relaxed = lenient_json(raw)
    assert relaxed is not None and json.loads(relaxed) == value  # strict JSON again
    assert "\n" not in relaxed and "\t" not in relaxed and "\u0000" not in relaxed


@pytest.mark.parametrize("raw", [
    '{"title": "x",}',                 # a trailing comma
    "{'title': 'x'}",                  # single quotes
    '{"title": "x" // a comment\n}',   # a comment
    '{"title": "cut off',              # truncated
    '{"title": "x"} trailing words',   # extra data
    "",                                # nothing
    b"\xff\xfe not utf-8",             # undecodable bytes
    "[" * 200_000,                     # nested past the recursion limit: None, not a crash
])
def test_text_that_is_not_json_even_so_stays_unread(raw):
    assert lenient_json(raw) is None


def test_valid_json_too_deep_for_the_parser_is_unread_not_a_crash():
    assert lenient_json("[" * 100_000 + "]" * 100_000) is None
    assert lenient_json("[" * 50 + "]" * 50) == "[" * 50 + "]" * 50


def test_a_hostile_deep_answer_fails_as_a_validation_error():
    with pytest.raises(ValidationError) as info:
        answer_model(Note).model_validate_json('{"title": "x\n' + "[" * 200_000)
    assert info.value.errors()[0]["type"] == "json_invalid"


# --------------------------------------------------------------------------- answer_model


def test_raw_newline_in_a_string_validates_to_the_same_value():
    model = answer_model(Note)
    note = model.model_validate_json('{"title": "first line\nsecond line", "count": 2}')
    assert isinstance(note, Note) and note.title == "first line\nsecond line" and note.count == 2


def test_the_plain_model_still_rejects_the_same_text():
    """The control case: pydantic alone rejects it (the failure issue 18 reports)."""
    with pytest.raises(ValidationError, match="control character"):
        Note.model_validate_json('{"title": "first line\nsecond line"}')


def test_after_the_lenient_read_only_the_schema_decides():
    model = answer_model(Note)
    with pytest.raises(ValidationError) as info:
        model.model_validate_json('{"title": "two\nlines", "count": "many"}')  # a schema error
    [error] = info.value.errors()
    assert error["type"] == "int_parsing" and error["loc"] == ("count",)
    with pytest.raises(ValidationError) as info:
        model.model_validate_json('{"count": 1, "note": "raw\ttab"}')  # title missing
    assert [e["type"] for e in info.value.errors()] == ["missing"]


@pytest.mark.parametrize("raw", ['{"title": "two\nlines",}', '{"title": "two\nlines"', "not json at all"])
def test_broken_json_keeps_pydantics_own_error(raw):
    """Leniency is only for control characters: the error a re-ask quotes is unchanged."""
    with pytest.raises(ValidationError) as lenient:
        answer_model(Note).model_validate_json(raw)
    with pytest.raises(ValidationError) as plain:
        Note.model_validate_json(raw)
    assert lenient.value.errors() == plain.value.errors()
    assert lenient.value.errors()[0]["type"] == "json_invalid"


def test_valid_json_validates_exactly_as_the_plain_model_does():
    raw = '{"title": "One\\nline", "count": 3}'  # an escaped newline: already valid JSON
    assert answer_model(Note).model_validate_json(raw).model_dump() == Note.model_validate_json(raw).model_dump()
    with pytest.raises(ValidationError):
        answer_model(Note).model_validate_json('{"title": 5}', strict=True)  # strict is passed on


@pytest.mark.parametrize("model", [Note, ArticleBriefing, ModelVerdict, StoryGroups, StorySynthesis])
def test_the_answer_model_has_the_same_name_and_schema(model):
    """The request body (tool name, schema, docstring) must not change, or every cassette would."""
    wrapped = answer_model(model)
    assert wrapped.__name__ == model.__name__ and wrapped.__doc__ == model.__doc__
    assert wrapped.model_json_schema() == model.model_json_schema()
    assert generate_openai_schema(wrapped) == generate_openai_schema(model)
    assert issubclass(wrapped, model)


def test_one_answer_model_per_model():
    assert answer_model(Note) is answer_model(Note)
    assert answer_model(answer_model(Note)) is answer_model(Note)
    assert answer_model(Checked) is not answer_model(Note)


# --------------------------------------------------------------------------- the validation context


def test_the_context_reaches_validators_through_validating_with():
    model = answer_model(Checked)
    with validating_with({"text": "A title in the text."}):
        assert model.model_validate_json('{"title": "title in"}').title == "title in"
        with pytest.raises(ValidationError, match="'elsewhere' is not in the text"):
            model.model_validate_json('{"title": "elsewhere"}')
    with pytest.raises(ValidationError, match="no context"):  # outside the block: none
        model.model_validate_json('{"title": "title in"}')


def test_an_explicit_context_wins_over_validating_with():
    model = answer_model(Checked)
    with validating_with({"text": "outer"}):
        assert model.model_validate_json('{"title": "inner"}', context={"text": "the inner text"}).title == "inner"


def test_contexts_of_concurrent_tasks_stay_apart():
    model = answer_model(Checked)

    async def parse(text: str, title: str, gate: asyncio.Event, other: asyncio.Event) -> str:
        with validating_with({"text": text}):
            gate.set()
            await other.wait()  # both tasks are inside their blocks now
            return model.model_validate_json(json.dumps({"title": title})).title

    async def both() -> list[str]:
        a, b = asyncio.Event(), asyncio.Event()
        return await asyncio.gather(parse("alpha text", "alpha", a, b), parse("beta text", "beta", b, a))

    assert asyncio.run(both()) == ["alpha", "beta"]
