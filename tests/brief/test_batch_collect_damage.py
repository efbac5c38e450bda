"""`batch collect` keeps every complete answer line and names the bad ones (issue 18, item 11).

The batch runs on the loopback ``BatchServer``; the test then damages what the provider hands back
(the output and error files) or what the user keeps (the manifest), and collects.
"""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from briefing import Briefing
from briefing.cli.app import app
from briefing.testing.batch_server import BatchServer
from helpers import ANSWERS, REPLAY_KEY, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
runner = CliRunner()
DATA = json.loads((ANSWERS / "batch_completed.json").read_text())
NAMES = ["first", "second", "third"]


def _collect(tmp_path, monkeypatch, damage, *, outcome=None):
    """Submit three copies of the seed, let ``damage(server, batch)`` edit what comes back, collect."""
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        shutil.copy(SEED, tmp_path / f"{name}.txt")
    monkeypatch.delenv("BRIEFING_MODEL", raising=False)
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    with BatchServer(DATA["replies"], outcome if outcome is not None else DATA["batch"]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        submitted = runner.invoke(app, ["batch", "submit", *(f"{n}.txt" for n in NAMES)])
        batch_id = submitted.stdout.strip()
        damage(server, server.batches[batch_id], tmp_path / ".briefing-batches" / f"{batch_id}.json")
        result = runner.invoke(app, ["batch", "collect", batch_id, "--json"])
    return result


def _edit_lines(server, file_id, edit):
    meta, data = server.files[file_id]
    lines = data.decode().splitlines()
    server.files[file_id] = (meta, "\n".join(edit(lines)).encode() + b"\n")


def _briefed(result):
    return [Briefing.model_validate_json(line).article for line in result.stdout.splitlines()]


def _errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_truncated_output_file_keeps_the_complete_lines(tmp_path, monkeypatch):
    def cut(server, batch, manifest):
        _edit_lines(server, batch["output_file_id"], lambda lines: [*lines[:2], lines[2][: len(lines[2]) // 2]])

    result = _collect(tmp_path, monkeypatch, cut)
    assert _briefed(result) == ["first", "second"]
    assert result.exit_code == 1
    errors = _errors(result)
    assert any("output file line 3" in e and "cut off" in e for e in errors), errors
    assert any(e.startswith("error: third.txt (a00002-0)") for e in errors), errors


def test_lines_without_custom_id_or_not_objects_are_named_and_left_out(tmp_path, monkeypatch):
    def spoil(server, batch, manifest):
        def edit(lines):
            second = json.loads(lines[1])
            del second["custom_id"]
            return [lines[0], json.dumps(second), "[1, 2, 3]", lines[2]]
        _edit_lines(server, batch["output_file_id"], edit)
        server.files["file-errors"] = ({"id": "file-errors"}, b"%%% not json %%%\n{\"custom_id\": 7}\n")
        batch["error_file_id"] = "file-errors"

    result = _collect(tmp_path, monkeypatch, spoil)
    assert _briefed(result) == ["first", "third"]
    errors = _errors(result)
    for expected in ("output file line 2: no custom_id", "output file line 3: not a JSON object",
                     "error file line 1: not a JSON line", "error file line 2: no custom_id"):
        assert any(expected in e for e in errors), (expected, errors)
    assert any(e.startswith("error: second.txt (a00001-0)") for e in errors)


def test_a_custom_id_answered_twice_differently_is_not_overwritten_silently(tmp_path, monkeypatch):
    def twice(server, batch, manifest):
        def edit(lines):
            other = json.loads(lines[0])
            other["response"]["body"]["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = json.dumps(
                {"headline": "Forged", "summary": "Forged.", "claims": [], "disputes": []})
            return [*lines, json.dumps(other)]
        _edit_lines(server, batch["output_file_id"], edit)

    result = _collect(tmp_path, monkeypatch, twice)
    assert _briefed(result) == ["second", "third"]
    errors = _errors(result)
    assert any("a00000-0" in e and "twice" in e for e in errors), errors
    assert "Forged" not in result.stdout


@pytest.mark.parametrize("edit, words", [
    (lambda text: text[: len(text) // 2], "damaged"),
    (lambda text: json.dumps({**json.loads(text), "entries": [
        {k: v for k, v in e.items() if k != "digest"} for e in json.loads(text)["entries"]]}), "digest"),
    (lambda text: json.dumps({**json.loads(text), "entries": "none"}), "entries"),
    (lambda text: "[]", "not a batch manifest"),
])
def test_an_edited_or_truncated_manifest_is_a_clear_error(tmp_path, monkeypatch, edit, words):
    def spoil(server, batch, manifest):
        manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")

    result = _collect(tmp_path, monkeypatch, spoil)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the manifest") and words in lines[0]
    assert "no manifest" not in lines[0] and "KeyError" not in result.output
