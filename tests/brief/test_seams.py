"""Seams for change: a custom prompt, one extractor interface, and output formats by registry."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import openai
import pytest
from typer.testing import CliRunner

from briefing import Article, Briefer, PromptError, brief_each, brief_offline
from briefing.cli.app import app
from briefing.core.extractor import Extractor
from briefing.llm.prompts import load_prompt, load_prompt_folder
from briefing.llm.retry import RetryPolicy
from briefing.render import formats
from briefing.testing.responder import Responder, load_answers
from helpers import briefer_args

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "nato-us-russia-thaw.txt"
GOOD = load_answers(REPO / "tests" / "answers" / "seed_article.json")[0]
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def _briefer(server: Responder, **kwargs) -> Briefer:
    client = openai.OpenAI(api_key="loopback-key-not-secret", base_url=server.base_url)
    return Briefer(**briefer_args(model="gpt-4o-mini", client=client, retry_policy=RetryPolicy(max_attempts=1), **kwargs))


def _custom_prompt(folder: Path) -> Path:
    folder.mkdir()
    (folder / "system.j2").write_text("You brief articles for {{ language }} readers, at most {{ max_claims }} claims.",
                                      encoding="utf-8")
    (folder / "user.j2").write_text("<text>{{ text }}</text>", encoding="utf-8")
    return folder


def test_a_folder_of_templates_is_the_prompt_sent(tmp_path):
    folder = _custom_prompt(tmp_path / "terse")
    text = SEED.read_text(encoding="utf-8")
    with Responder(lambda request, n: GOOD) as server:
        briefing = _briefer(server, prompt=folder, max_claims=40).brief(text)

    [request] = server.requests
    assert request["messages"][0]["content"] == "You brief articles for English readers, at most 40 claims."
    assert request["messages"][1]["content"] == f"<text>{text}</text>"
    assert briefing.prompt_version.startswith("terse-")
    assert briefing.prompt_version != load_prompt("brief").version


def test_a_prompt_object_is_used_as_given_and_changes_the_cache_key(tmp_path):
    prompt = load_prompt_folder(_custom_prompt(tmp_path / "terse"), name="mine")
    with Responder(lambda request, n: GOOD) as server:
        custom = _briefer(server, prompt=prompt)
        default = _briefer(server)
    assert custom.prompt is prompt and custom.options.prompt_version == prompt.version
    assert custom.options.key_material() != default.options.key_material()


def test_a_folder_without_the_templates_is_a_prompt_error(tmp_path):
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "system.j2").write_text("hi", encoding="utf-8")
    with pytest.raises(PromptError, match="needs system.j2 and user.j2"):
        load_prompt_folder(tmp_path / "half")
    (tmp_path / "broken").mkdir()
    for part in ("system", "user"):
        (tmp_path / "broken" / f"{part}.j2").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(PromptError, match="broken"):
        load_prompt_folder(tmp_path / "broken")


def test_the_packaged_templates_stay_top_level_and_ship_in_the_wheel():
    assert (REPO / "prompts" / "brief" / "system.j2").is_file()
    build = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    assert build["targets"]["wheel"]["force-include"]["prompts"] == "briefing/prompts"


def test_offline_and_llm_extractors_share_one_interface():
    with Responder(lambda request, n: GOOD) as server:
        briefer = _briefer(server)
        extractors: list[Extractor] = [brief_offline, briefer]
        article = Article(text=SEED.read_text(encoding="utf-8"), id="seed")
        results = {}
        for extractor in extractors:
            assert isinstance(extractor, Extractor)
            [outcome] = brief_each(extractor, [article])
            assert outcome.briefing is not None and outcome.briefing.article == "seed"
            results[outcome.briefing.extractor] = outcome.briefing
    assert set(results) == {"offline", "llm"}
    assert not isinstance("not an extractor", Extractor)


def test_a_registered_renderer_is_a_cli_format(monkeypatch):
    monkeypatch.setattr(formats, "_RENDERERS", dict(formats._RENDERERS))

    @formats.register_renderer("count")
    def count(briefing, report, out):
        out.file.write(f"{briefing.article}: {len(briefing.claims)} claims\n")

    result = CliRunner().invoke(app, ["brief", "--offline", "--format", "count", str(SEED)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("nato-us-russia-thaw: ") and result.stdout.endswith(" claims\n")


def test_json_format_and_the_json_flag_agree():
    by_flag = CliRunner().invoke(app, ["brief", "--offline", "--json", str(SEED)])
    by_format = CliRunner().invoke(app, ["brief", "--offline", "--format", "json", str(SEED)])
    assert by_flag.exit_code == by_format.exit_code == 0
    assert json.loads(by_flag.stdout) == json.loads(by_format.stdout)


def test_an_unknown_format_is_a_usage_error_naming_the_formats():
    result = CliRunner().invoke(app, ["brief", "--offline", "--format", "yaml", str(SEED)])
    assert result.exit_code == 2
    assert "unknown format 'yaml'" in result.stderr and "text, json" in result.stderr
    assert result.stdout == ""
