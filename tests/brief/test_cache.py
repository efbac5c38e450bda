"""The on-disk briefing cache: a re-run pays only for what is not done yet, and keeps no secret."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

import openai
import pytest
from typer.testing import CliRunner

from briefing import Article, Briefer, Briefing, RefusalError
from briefing.brief.cache import BriefingCache, cache_key
from briefing.cli.app import app
from briefing.core.options import BriefingOptions, endpoint
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, KEY_LIKE, REPLAY_KEY, SEED, briefer_args

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

GOOD = load_answers(ANSWERS / "seed_article.json")[0]
REFUSAL = {"refusal": "I'm sorry, but I can't help with that request."}
FAKE_KEY = "sk-proj-" + "Zq9Xw8Vu7Ts6" * 4
runner = CliRunner()


def always(reply: dict):
    return lambda request, n: reply


def briefer(server: Responder, folder, **options) -> Briefer:
    client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
    options = {"model": "gpt-4o-mini", "retry_policy": RetryPolicy(max_attempts=1), **options}
    return Briefer(**briefer_args(client=client, cache=folder, **options))


def entries(folder) -> list:
    return sorted(p for p in folder.iterdir() if p.suffix == ".json")


def test_second_brief_sends_no_request_and_returns_the_same_briefing(tmp_path, seed_text):
    with Responder(always(GOOD)) as server:
        first = briefer(server, tmp_path).brief(seed_text, id="monday")
        again = briefer(server, tmp_path).brief(seed_text, id="tuesday")  # a new Briefer: from disk

    assert len(server.requests) == 1
    assert not first.cached and again.cached
    assert again.article == "tuesday" and first.article == "monday"
    assert again.usage == first.usage and again.usage.requests == 1  # what the original run spent
    assert again.model_copy(update={"cached": False, "article": "monday"}) == first
    assert len(entries(tmp_path)) == 1


def test_async_brief_uses_the_cache_too(tmp_path, seed_text):
    with Responder(always(GOOD)) as server:
        client = openai.AsyncOpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        async_briefer = Briefer(model="gpt-4o-mini", client=client, cache=BriefingCache(tmp_path))
        first = asyncio.run(async_briefer.abrief(seed_text))
        again = asyncio.run(async_briefer.abrief(seed_text))
        sync_again = briefer(server, tmp_path).brief(seed_text)  # sync and async share entries

    assert len(server.requests) == 1
    assert again.cached and sync_again.cached
    assert again.model_copy(update={"cached": False}) == first


@pytest.mark.parametrize("change", [
    {"model": "gpt-4o"},
    {"mode": "json_schema"},
    {"max_claims": 20},  # above the 13 claims of the answer: a lower cap would re-ask
    {"language": "German"},
    {"grounding_reasks": 0},
    {"max_retries": 1},
    {"context_tokens": 10_000},
    {"max_output_tokens": 2048},
], ids=lambda change: next(iter(change)))
def test_a_different_setting_misses(tmp_path, seed_text, change):
    with Responder(always(GOOD)) as server:
        briefer(server, tmp_path).brief(seed_text)
        changed = briefer(server, tmp_path, **change).brief(seed_text)
        briefer(server, tmp_path, **change).brief(seed_text)  # and is then cached under its own key

    assert not changed.cached
    assert len(server.requests) == 2
    assert len(entries(tmp_path)) == 2


def test_a_different_text_title_or_server_misses(tmp_path, seed_text):
    with Responder(always(GOOD)) as server, Responder(always(GOOD)) as other_server:
        briefer(server, tmp_path).brief(seed_text)
        briefer(server, tmp_path).brief(seed_text + "\n\nUpdated at 10:00.")
        briefer(server, tmp_path).brief(Article(text=seed_text, title="Allies fear a thaw"))
        moved = briefer(other_server, tmp_path).brief(seed_text)

    assert len(server.requests) == 3 and len(other_server.requests) == 1
    assert not moved.cached


def test_key_ignores_the_urls_credentials_and_query_but_not_the_server():
    article = Article(text="t")

    def key(base_url, version="1"):
        return cache_key(article, BriefingOptions(model="m", endpoint=endpoint(base_url), version=version))

    plain = key("http://localhost:8000/v1")
    assert key(f"http://user:{FAKE_KEY}@localhost:8000/v1/?api-key={FAKE_KEY}") == plain
    assert key("http://localhost:11434/v1") != plain
    assert key("http://localhost:8000/v2") != plain
    assert FAKE_KEY not in endpoint(f"https://me:{FAKE_KEY}@example.com/v1?key={FAKE_KEY}")
    assert plain != key("http://localhost:8000/v1", version="2")


def test_the_api_key_never_reaches_a_cache_file(tmp_path, seed_text):
    with Responder(always(GOOD)) as server:
        with_credentials = server.base_url.replace("http://", f"http://user:{FAKE_KEY}@") + f"?key={FAKE_KEY}"
        keyed = Briefer(model="gpt-4o-mini", api_key=FAKE_KEY, base_url=with_credentials, cache=tmp_path)
        keyed.brief(seed_text)
        again = Briefer(model="gpt-4o-mini", api_key=FAKE_KEY, base_url=server.base_url, cache=tmp_path).brief(seed_text)

    assert len(server.requests) == 1 and again.cached  # same server, credentials aside: same entry
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert FAKE_KEY not in text and "Zq9Xw8Vu7Ts6" not in text
        assert not KEY_LIKE.search(text), path.name
        assert FAKE_KEY not in path.name


@pytest.mark.parametrize("damage", ["truncated", "not json", "not a briefing", "binary"])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(tmp_path, seed_text, damage):
    with Responder(always(GOOD)) as server:
        first = briefer(server, tmp_path).brief(seed_text)
        (entry,) = entries(tmp_path)
        good = entry.read_text(encoding="utf-8")
        if damage == "truncated":
            entry.write_text(good[: len(good) // 2], encoding="utf-8")
        elif damage == "not json":
            entry.write_text("", encoding="utf-8")
        elif damage == "not a briefing":
            entry.write_text(json.dumps({"headline": 3}), encoding="utf-8")
        else:
            entry.write_bytes(b"\xff\xfe\x00garbage")
        rebriefed = briefer(server, tmp_path).brief(seed_text)
        third = briefer(server, tmp_path).brief(seed_text)

    assert len(server.requests) == 2
    assert not rebriefed.cached and third.cached
    assert Briefing.model_validate_json(entry.read_text(encoding="utf-8")) == first
    assert entries(tmp_path) == [entry]


def test_errors_are_never_cached(tmp_path, seed_text):
    with Responder([REFUSAL, GOOD]) as server:
        with pytest.raises(RefusalError):
            briefer(server, tmp_path).brief(seed_text)
        assert entries(tmp_path) == []
        briefing = briefer(server, tmp_path).brief(seed_text)

    assert not briefing.cached and len(server.requests) == 2


def test_bad_input_fails_before_the_cache_and_any_request(tmp_path):
    from briefing import InputError

    with Responder(always(GOOD)) as server, pytest.raises(InputError):
        briefer(server, tmp_path).brief("   ")

    assert server.requests == [] and entries(tmp_path) == []


def test_no_temporary_files_are_left_behind(tmp_path, seed_text):
    with Responder(always(GOOD)) as server:
        briefer(server, tmp_path).brief(seed_text)

    assert [p.name for p in tmp_path.iterdir()] == [entries(tmp_path)[0].name]


def test_a_failed_write_keeps_the_briefing(tmp_path, seed_text, monkeypatch):
    import briefing.brief.cache

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(briefing.brief.cache.os, "replace", no_space)
    with Responder(always(GOOD)) as server:
        result = briefer(server, tmp_path).brief(seed_text)

    assert len(result.claims) == 13 and list(tmp_path.iterdir()) == []


def test_a_file_as_cache_folder_is_a_configuration_error(tmp_path):
    from briefing import ConfigurationError

    path = tmp_path / "taken"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="cache"):
        BriefingCache(path / "sub")


# --------------------------------------------------------------------------- the command line

UPDATE = "\n\nUpdated at 10:00 with reactions from the allies.\n"


@pytest.fixture
def two_files(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    first, second = tmp_path / "monday.txt", tmp_path / "tuesday.txt"
    first.write_text(seed, encoding="utf-8")
    second.write_text(seed + UPDATE, encoding="utf-8")
    return first, second


@pytest.fixture
def server_env(monkeypatch):
    def point_at(server: Responder) -> None:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    return point_at


def is_second(request: dict) -> bool:
    return any("Updated at 10:00" in str(m.get("content")) for m in request["messages"])


def test_a_rerun_with_cache_only_briefs_the_file_that_failed(tmp_path, two_files, server_env):
    cache = tmp_path / "cache"
    args = ["brief", "--json", "--cache", str(cache), *map(str, two_files)]
    with Responder(lambda request, n: REFUSAL if is_second(request) else GOOD) as server:
        server_env(server)
        failed = runner.invoke(app, args)

    assert failed.exit_code == 1
    assert [Briefing.model_validate_json(line).article for line in failed.stdout.splitlines()] == ["monday"]
    assert "tuesday" in failed.stderr and "refused" in failed.stderr
    assert len(server.requests) == 2 and len(entries(cache)) == 1
    port = urlsplit(server.base_url).port  # the same server again: its URL is part of the key

    with Responder(always(GOOD), port=port) as server:
        server_env(server)
        rerun = runner.invoke(app, args)

    assert rerun.exit_code == 0, rerun.output
    assert len(server.requests) == 1 and is_second(server.requests[0])
    monday, tuesday = (Briefing.model_validate_json(line) for line in rerun.stdout.splitlines())
    assert (monday.article, monday.cached) == ("monday", True)
    assert (tuesday.article, tuesday.cached) == ("tuesday", False)
    assert "1 of 2 files came from the cache" in rerun.stderr
    assert len(entries(cache)) == 2


def test_cache_folder_from_the_environment(tmp_path, server_env, monkeypatch):
    with Responder(always(GOOD)) as server:
        server_env(server)
        monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "env-cache"))
        first = runner.invoke(app, ["brief", "--json", str(SEED)])
        again = runner.invoke(app, ["brief", "--json", str(SEED)])

    assert first.exit_code == 0 and again.exit_code == 0, again.output
    assert len(server.requests) == 1
    assert Briefing.model_validate_json(again.stdout).cached
    assert len(entries(tmp_path / "env-cache")) == 1


def test_without_cache_every_run_pays(server_env):
    with Responder(always(GOOD)) as server:
        server_env(server)
        for _ in range(2):
            assert runner.invoke(app, ["brief", "--json", str(SEED)]).exit_code == 0

    assert len(server.requests) == 2


def test_offline_briefings_are_not_cached(tmp_path, no_llm_env):
    cache = tmp_path / "cache"
    result = runner.invoke(app, ["brief", "--offline", "--json", "--cache", str(cache), str(SEED)])

    assert result.exit_code == 0, result.output
    assert not Briefing.model_validate_json(result.stdout).cached
    assert not cache.exists() or entries(cache) == []


def test_an_unusable_cache_folder_is_a_usage_error(tmp_path, server_env):
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    with Responder(always(GOOD)) as server:
        server_env(server)
        result = runner.invoke(app, ["brief", "--cache", str(taken / "sub"), str(SEED)])

    assert result.exit_code == 2 and server.requests == []
    assert "cache" in result.stderr


@pytest.mark.parametrize("edit", ["exact span elsewhere", "span past the end", "source text forged",
                                  "not_found with a span", "position moved"])
def test_an_entry_whose_spans_are_not_its_evidence_is_a_miss(tmp_path, seed_text, edit, caplog):
    """An edited entry cannot show grounding the text does not have: on load every located span
    must hold its evidence (or the source text stored with it); else the entry is a miss."""
    with Responder(always(GOOD)) as server:
        briefer(server, tmp_path).brief(seed_text)
        (entry,) = entries(tmp_path)
        data = json.loads(entry.read_text(encoding="utf-8"))
        claim = next(c for c in data["claims"] if c["grounding"] == "exact")
        position = next(p for d in data["disputes"] for p in d["positions"] if p["span"])
        if edit == "exact span elsewhere":
            claim["span"] = {"start": 0, "end": len(claim["evidence"])}
        elif edit == "span past the end":
            claim["span"] = {"start": len(seed_text) - 3, "end": len(seed_text) + 40}
        elif edit == "source text forged":
            claim.update(span={"start": 0, "end": 12}, grounding="fuzzy", source_text="forged words")
        elif edit == "not_found with a span":
            claim.update(grounding="not_found")
        else:
            position["span"] = {"start": position["span"]["start"] + 1, "end": position["span"]["end"] + 1}
        entry.write_text(json.dumps(data), encoding="utf-8")
        rebriefed = briefer(server, tmp_path).brief(seed_text)

    assert len(server.requests) == 2 and not rebriefed.cached
    assert "does not match the article" in caplog.text
    for c in rebriefed.claims:
        assert c.span is None or seed_text[c.span.start:c.span.end] == (c.source_text or c.evidence)


def test_an_unedited_entry_passes_the_span_check(tmp_path, seed_text):
    with Responder(always(GOOD)) as server:
        first = briefer(server, tmp_path).brief(seed_text)
        again = briefer(server, tmp_path).brief(seed_text)
    assert len(server.requests) == 1 and again.cached
    assert any(c.grounding == "exact" for c in again.claims) and again.claims == first.claims
