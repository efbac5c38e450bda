"""One frozen options object holds every answer-changing knob; the cache key comes from all of it;
settings come from the environment in one SDK-free module, so the offline path loads no SDK."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import openai
import pytest

from briefing import Article, Briefer, ConfigurationError
from briefing.brief.cache import cache_key
from briefing.core.limits import AnswerLimits
from briefing.core.options import NOT_IN_KEY, BriefingOptions, resolve_options

REPO = Path(__file__).resolve().parents[2]
ARTICLE = Article(text="The council said the bridge will close for six weeks.", title="Bridge")
BASE = BriefingOptions(model="gpt-4o-mini", prompt_version="brief-abc", endpoint="api.example.com/v1", version="1")
CHANGED = {"model": "gpt-4o", "mode": "json_schema", "max_claims": 5, "language": "German",
           "context_tokens": 1000, "max_retries": 0, "grounding_reasks": 3, "max_output_tokens": 100,
           "prompt_version": "brief-def", "endpoint": "localhost:8000/v1", "version": "2",
           "limits": AnswerLimits(claim_reasks=0)}


def test_every_field_of_the_options_is_covered_here():
    assert {f.name for f in dataclasses.fields(BriefingOptions)} == set(CHANGED)


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_changing_any_option_changes_the_key(name):
    assert cache_key(ARTICLE, BASE.replace(**{name: CHANGED[name]})) != cache_key(ARTICLE, BASE)


def test_a_field_added_to_the_options_enters_the_key_without_touching_cache_py():
    extended = dataclasses.make_dataclass(
        "Extended", [("temperature", float, dataclasses.field(default=0.0))], bases=(BriefingOptions,), frozen=True)
    plain = extended(**dataclasses.asdict(BASE))
    assert cache_key(ARTICLE, plain) != cache_key(ARTICLE, plain.replace(temperature=0.7))


def test_a_field_marked_not_in_key_stays_out_of_it():
    paced = dataclasses.make_dataclass(
        "Paced", [("rpm", int, dataclasses.field(default=60, metadata=NOT_IN_KEY))], bases=(BriefingOptions,),
        frozen=True)
    plain = paced(**dataclasses.asdict(BASE))
    assert cache_key(ARTICLE, plain) == cache_key(ARTICLE, plain.replace(rpm=5))
    assert "rpm" not in plain.key_material()


def test_options_are_frozen_and_validated():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BASE.max_claims = 3  # type: ignore[misc]
    with pytest.raises(ConfigurationError, match="unknown mode 'xml'"):
        BASE.replace(mode="xml")
    with pytest.raises(ConfigurationError, match="max_claims must be at least 1"):
        BriefingOptions(max_claims=0)
    with pytest.raises(ConfigurationError, match="grounding_reasks must be 0 or more"):
        BriefingOptions(grounding_reasks=-1)


def test_model_falls_back_to_the_environment_then_the_default():
    assert resolve_options(environ={"BRIEFING_MODEL": "llama3"}).model == "llama3"
    assert resolve_options(environ={}).model == "gpt-4o-mini"
    assert resolve_options(BriefingOptions(model="a"), environ={"BRIEFING_MODEL": "b"}).model == "a"
    assert resolve_options(BriefingOptions(model="a"), model="c", environ={}).model == "c"


def test_the_briefer_fills_prompt_version_and_a_credential_free_endpoint():
    client = openai.OpenAI(api_key="sk-test-not-a-key", base_url="http://user:pw@localhost:9/v1?token=zz")
    briefer = Briefer(options=BriefingOptions(model="m", max_claims=7, language="French"), client=client)
    assert briefer.options.max_claims == 7 and briefer.options.language == "French"
    assert briefer.options.prompt_version == briefer.prompt.version
    assert briefer.options.endpoint == "localhost:9/v1"
    assert "pw" not in repr(briefer.options) and "zz" not in repr(briefer.options)


def test_the_environment_is_read_in_one_module():
    pattern = re.compile(r"""(environ|getenv|env)\s*(\.get\(|\[)\s*["'](OPENAI_API_KEY|OPENAI_BASE_URL|BRIEFING_MODEL|BRIEFING_CACHE)""")
    readers = sorted(p.name for p in (REPO / "src" / "briefing").rglob("*.py") if pattern.search(p.read_text("utf-8")))
    assert readers == ["options.py"]


def test_options_module_imports_no_sdk():
    code = "import sys, briefing.core.options; print(sorted({'openai', 'instructor'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
