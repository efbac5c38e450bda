"""`batch status` and `batch collect` never print the credentials in OPENAI_BASE_URL (issue 18, item 3).

A base URL may carry ``user:password@`` or a signed query (``?token=...&sig=...``); a 404 from the
server used to print it whole, and the SDK's error chained below ours quoted it again.
"""

from __future__ import annotations

import json
import logging
import traceback

import openai
import pytest
from typer.testing import CliRunner

from briefing.brief.batch_api import status
from briefing.cli.app import app
from briefing.core.errors import APIError
from briefing.testing.batch_server import BatchServer
from helpers import REPLAY_KEY

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
runner = CliRunner()
SECRETS = ("alice", "pa55word-XYZ", "TOK123456789", "SIG987654321")


def _with_credentials(base_url: str) -> str:
    return base_url.replace("http://", "http://alice:pa55word-XYZ@") + "?token=TOK123456789&sig=SIG987654321"


@pytest.mark.parametrize("command", ["status", "collect"])
def test_a_404_names_the_server_without_its_credentials(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".briefing-batches").mkdir()
    (tmp_path / ".briefing-batches" / "batch_nope.json").write_text(json.dumps({"model": "gpt-4o-mini", "entries": [
        {"custom_id": "a00000-0", "path": "x.txt", "article": "x", "digest": "0" * 64}]}), encoding="utf-8")
    with BatchServer([]) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", _with_credentials(server.base_url))
        result = runner.invoke(app, ["batch", command, "batch_nope"])
    assert result.exit_code == 2
    assert "no such batch or file" in result.stderr and "127.0.0.1" in result.stderr
    for secret in SECRETS:
        assert secret not in result.output


def test_the_error_chain_and_the_logs_hold_no_credentials(caplog):
    with BatchServer([]) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=_with_credentials(server.base_url), max_retries=0)
        with pytest.raises(APIError) as caught:
            status("batch_nope", client=client)
    logging.getLogger("app").exception("collect failed", exc_info=caught.value)
    shown = "".join(traceback.format_exception(caught.value)) + caplog.text
    assert "no such batch or file" in shown
    for secret in SECRETS:
        assert secret not in shown
