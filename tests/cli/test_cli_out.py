"""``--out`` is checked before any request and written atomically (issue 18, item 10).

An unwritable ``--out`` used to fail with a traceback after all the work and the spend; now every
command that takes ``--out`` says so in one line before it sends anything, and the file is written
to a temporary name and moved into place, so a failure never leaves half a file.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.cli.common import output
from briefing.testing.responder import Responder, load_answers
from helpers import ANSWERS, REPLAY_KEY, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
runner = CliRunner()
GOOD = load_answers(ANSWERS / "seed_article.json")[0]


@pytest.fixture
def served(monkeypatch):
    with Responder(lambda request, n: GOOD) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
        yield server


def _bad_outs(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = tmp_path / "a-folder.md"
    folder.mkdir()
    return {"under a file": blocker / "day.md", "a folder": folder}


@pytest.mark.parametrize("command", [["daily"], ["brief"], ["check", "NATO met in Brussels"]])
def test_an_unwritable_out_is_one_line_before_any_request(tmp_path, served, command):
    out = _bad_outs(tmp_path)["under a file"]
    result = runner.invoke(app, [*command, str(SEED), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert served.requests == []
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --out") and "Traceback" not in result.output


@pytest.mark.parametrize("case", ["under a file", "a folder"])
def test_check_out_names_the_problem(tmp_path, case):
    from briefing import ConfigurationError
    from briefing.cli.common import check_out

    with pytest.raises(ConfigurationError, match=r"^--out .*(is not a folder\)|is a folder); give"):
        check_out(_bad_outs(tmp_path)[case])
    check_out(tmp_path / "new" / "deeper" / "day.md")  # folders that can be made are fine
    assert not (tmp_path / "new").exists()  # and checking makes none


def test_output_is_moved_into_place_only_when_complete(tmp_path):
    out = tmp_path / "today.md"
    out.write_text("yesterday's\n", encoding="utf-8")
    with pytest.raises(RuntimeError), output(out) as stream:
        stream.write("half a brief")
        raise RuntimeError("the run broke")
    assert out.read_text(encoding="utf-8") == "yesterday's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["today.md"]  # no temporary file left
    with output(out) as stream:
        stream.write("today's\n")
    assert out.read_text(encoding="utf-8") == "today's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["today.md"]


def test_daily_writes_its_out_file_atomically(tmp_path, no_llm_env, monkeypatch):
    import briefing.cli.daily as daily_cli

    out = tmp_path / "today.md"
    out.write_text("yesterday's\n", encoding="utf-8")

    def unwritable(result, suffix):
        return "a day whose text cannot be encoded: \ud800"  # the write fails after the file is opened

    monkeypatch.setattr(daily_cli, "render", unwritable)
    result = runner.invoke(app, ["daily", str(SEED), "--out", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "yesterday's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["today.md"]
