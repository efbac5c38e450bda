"""``--out`` naming something that is not a regular file: a FIFO, ``/dev/stdout`` or ``/dev/null``
(a scheduler's idiom). The text is written into it; it is never replaced by a regular file
(the atomic temp-file-and-rename is for regular files only), and it needs no writable folder."""

from __future__ import annotations

import os
import stat
import threading

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.cli.common import check_out, write_out
from helpers import SEED

runner = CliRunner()
posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")


def _read_fifo(path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as pipe:
            got.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@posix
def test_write_out_writes_into_a_fifo_and_leaves_it_a_fifo(tmp_path):
    fifo = tmp_path / "day.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    write_out(fifo, "# The day\n")
    reader.join(timeout=10)
    assert got == [b"# The day\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day.md"]  # no temporary file left beside it


@posix
def test_daily_out_into_a_fifo_in_a_read_only_folder(tmp_path, no_llm_env):
    folder = tmp_path / "pipes"
    folder.mkdir()
    fifo = folder / "day.md"
    os.mkfifo(fifo)
    folder.chmod(0o555)  # no new file can be made here: a temporary file would fail
    try:
        check_out(fifo)  # nothing to refuse: the FIFO itself is written
        got: list[bytes] = []
        reader = _read_fifo(fifo, got)
        result = runner.invoke(app, ["daily", "--offline", str(SEED), "--out", str(fifo)])
        reader.join(timeout=10)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 0, result.stderr
    assert got and got[0].startswith(b"# ")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_regular_file_is_still_replaced_atomically(tmp_path):
    out = tmp_path / "day.md"
    out.write_text("old", encoding="utf-8")
    inode = out.stat().st_ino
    write_out(out, "new")
    assert out.read_text(encoding="utf-8") == "new" and out.stat().st_ino != inode  # a new file moved in
