"""briefing.llm.answers: lenient JSON for answers with raw control characters inside strings, and the
validation context delivered without instructor's templating (issue 18, items 1 and 18)."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from instructor.v2.providers.openai.schema import generate_openai_schema
from pydantic import BaseModel, Field, ValidationError, ValidationInfo, field_validator

from briefing import Briefer
from briefing.brief.briefer import ArticleBriefing
from briefing.core.options import BriefingOptions
from briefing.daily.modelgroup import StoryGroups
from briefing.daily.synthesis import StorySynthesis
from briefing.llm.answers import (
    answer_model,
    escape_control_characters,
    relax_answer,
    relax_markdown_json,
    validating_with,
)
from briefing.testing import FakeModel, load_answers
from briefing.verify.model import ModelVerdict
from helpers import ANSWERS


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


# --------------------------------------------------------------------------- escape_control_characters


@pytest.mark.parametrize("raw", [
    '{"title": "two\nlines"}',                      # a raw newline
    '{"title": "a\ttab"}',                          # a raw tab
    '{"title": "cr\r\nlf", "x": "\b\f"}',           # CR LF, backspace, form feed
    '{"title": "nul\u0000byte"}',                   # NUL, the lowest control character
    '{"title": "unit\u001fsep"}',                   # U+001F, the highest
    '{"title": "say \\"hi\\"\nthen go"}',           # escaped quotes before the newline
    '{"title": "C:\\\\\n", "b": "\t"}',             # an escaped backslash right before it
    '{"a": ["x\ny", {"b": "\tz"}], "c": 1}',        # nested strings
])
def test_control_characters_inside_strings_are_escaped_as_strict_false_reads_them(raw):
    escaped = escape_control_characters(raw)
    assert json.loads(escaped) == json.loads(raw, strict=False)  # strict JSON now, the same value
    assert not any(ord(c) < 0x20 for c in escaped)


def test_whitespace_between_tokens_is_left_alone():
    raw = '{\n\t"title": "one\ntwo",\r\n  "count": 2\n}'
    escaped = escape_control_characters(raw)
    assert escaped == '{\n\t"title": "one\\ntwo",\r\n  "count": 2\n}'
    assert json.loads(escaped) == {"title": "one\ntwo", "count": 2}


def test_text_without_control_characters_is_returned_as_is():
    for raw in ('{"title": "x",}', "{'title': 'x'}", '{"title": "cut off', "", '"\\"\\"'):
        assert escape_control_characters(raw) == raw


@pytest.mark.parametrize("raw", ['"' * 200_000, '"\\' * 100_000, '{"a": "' + "x\n" * 100_000])
def test_hostile_quoting_is_linear_not_quadratic(raw):
    """Every quote of an unclosed string must not start a scan to the end of the text."""
    started = time.process_time()
    escape_control_characters(raw + "\n")
    assert time.process_time() - started < 2.0  # linear: well under 0.5 s; quadratic: minutes


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


@pytest.mark.parametrize("raw", ['{"title": "x",}', '{"title": "cut off', "not json at all", '{"title": 1 2}'])
def test_broken_json_without_control_characters_keeps_pydantics_own_error(raw):
    with pytest.raises(ValidationError) as lenient:
        answer_model(Note).model_validate_json(raw)
    with pytest.raises(ValidationError) as plain:
        Note.model_validate_json(raw)
    assert lenient.value.errors() == plain.value.errors()
    assert lenient.value.errors()[0]["type"] == "json_invalid"


def test_broken_json_with_a_raw_newline_fails_naming_its_real_fault():
    """The newline is accepted, so the error (which a re-ask quotes) names the trailing comma."""
    raw = '{"title": "two\nlines", "count": 1,}'
    with pytest.raises(ValidationError, match="control character"):
        Note.model_validate_json(raw)
    with pytest.raises(ValidationError) as info:
        answer_model(Note).model_validate_json(raw)
    [error] = info.value.errors()
    assert error["type"] == "json_invalid" and "trailing comma" in error["msg"]


def test_undecodable_bytes_keep_pydantics_error():
    with pytest.raises(ValidationError) as info:
        answer_model(Note).model_validate_json(b'{"title": "\xff\n"}')
    assert info.value.errors()[0]["type"] == "json_invalid"


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


# --------------------------------------------------------------------------- md_json: before instructor's decoder


def test_a_fenced_block_is_relaxed_and_the_prose_around_it_is_not():
    text = 'Here is "the\nanswer":\n```json\n{"title": "two\nlines",\n "count": 2}\n```\nHope it "helps\tyou".'
    relaxed = relax_markdown_json(text)
    assert relaxed == ('Here is "the\nanswer":\n```json\n{"title": "two\\nlines",\n "count": 2}\n```\n'
                       'Hope it "helps\tyou".')


def test_each_fenced_block_is_relaxed():
    text = '```json\n{"a": "x\ny"}\n```\nthen\n```\n{"b": "\tz"}\n```'
    assert relax_markdown_json(text) == '```json\n{"a": "x\\ny"}\n```\nthen\n```\n{"b": "\\tz"}\n```'


def test_without_a_complete_block_the_braces_are_relaxed():
    assert relax_markdown_json('Sure:\n{"a": "x\ny"}\nDone "ok\n".') == 'Sure:\n{"a": "x\\ny"}\nDone "ok\n".'
    cut = '```json\n{"a": "x\ny", "b": ['  # cut off before the closing fence and brace
    assert relax_markdown_json(cut) == cut  # no closing brace: nothing to relax, the answer stays as sent
    assert relax_markdown_json("no json\nat all") == "no json\nat all"
    assert relax_markdown_json('} "x\ny" {') == '} "x\ny" {'  # a brace pair the wrong way round


def test_relax_answer_rewrites_each_choice_and_skips_what_has_no_text():
    class Message:
        def __init__(self, content):
            self.content = content

    class Choice:
        def __init__(self, content):
            self.message = Message(content)

    class Response:
        def __init__(self, *contents):
            self.choices = [Choice(content) for content in contents]

    response = Response('```json\n{"a": "x\ny"}\n```', None, "plain\ntext")
    relax_answer(response)
    assert [c.message.content for c in response.choices] == ['```json\n{"a": "x\\ny"}\n```', None, "plain\ntext"]
    relax_answer(object())  # no choices at all: nothing to do, no error


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_md_json_answers_with_raw_control_characters_parse_in_both_twins(flavour, seed_text):
    fake = FakeModel(load_answers(ANSWERS / "raw_control_characters_md.json"))
    options = BriefingOptions(model="gpt-4o-mini", mode="md_json")
    if flavour == "sync":
        briefing = Briefer(client=fake.client(), options=options).brief(seed_text)
    else:
        briefing = asyncio.run(Briefer(client=fake.async_client(), options=options).abrief(seed_text))
    assert len(fake.requests) == 1 and len(briefing.claims) == 13
    assert "alliance.\nEurope is raising" in briefing.summary and briefing.headline.endswith("NATO\r\n")


def test_md_json_without_the_relaxing_hook_would_pick_an_inner_list(seed_text):
    """The control case: instructor's own md_json extraction of the same answer finds no object."""
    from instructor.v2.core.json import extract_json_from_codeblock

    raw = load_answers(ANSWERS / "raw_control_characters_md.json")[0]["raw"]
    assert extract_json_from_codeblock(raw).startswith("[")  # the last list it could decode strictly
    assert extract_json_from_codeblock(relax_markdown_json(raw)).startswith('{\n  "headline"')
