"""Every offline command runs without loading a model SDK: openai, instructor, httpx or tenacity
cost about a second and 40 MB that an offline run never needs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import REPO, SEED

SDKS = ("openai", "instructor", "httpx", "httpx2", "tenacity")
COMMANDS = {
    "brief": ["brief", "--offline", str(SEED)],
    "check": ["check", "--offline", "NATO allies fear a thaw", str(SEED)],
    "daily": ["daily", "--offline", str(REPO / "tests" / "fixtures" / "day")],
    "eval": ["eval", "--offline", str(REPO / "tests" / "fixtures" / "eval")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_offline_command_loads_no_model_sdk(command):
    code = (
        "import sys\n"
        "from briefing.cli.app import app\n"
        "try:\n"
        f"    app({COMMANDS[command]!r}, standalone_mode=False)\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        f"print(sorted(set({SDKS!r}) & set(sys.modules)), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "BRIEFING_"))}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                            check=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the command printed its result"
    assert result.stderr.strip().splitlines()[-1] == "[]"
