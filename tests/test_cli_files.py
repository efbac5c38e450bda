"""Files the command line meets in the wild (issue 11): unreadable files, symlink loops, the same
name in two folders, folders of many files. Each bad file is one error line; the others are
briefed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import InputError
from briefing.inputs import read_article
from conftest import SEED

runner = CliRunner()
QUOTE = 'The mayor said: "The bridge reopens on Monday."\n'


def deny_reading(monkeypatch, denied: Path) -> None:
    """Make ``denied`` behave like a mode-000 file for a user who is not root.

    The tests run as root, whom permissions do not stop, so both ways a program learns about
    them are simulated: ``os.access`` (what click's path check asks) and opening the file.
    """
    real_access, real_read = os.access, Path.read_bytes

    def access(path, mode, *args, **kwargs):
        if Path(path) == denied and mode & os.R_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    def read_bytes(self):
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_an_unreadable_file_is_one_error_and_the_others_are_briefed(tmp_path, monkeypatch, no_llm_env):
    good, bad = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(QUOTE, encoding="utf-8")
    bad.write_text(QUOTE, encoding="utf-8")
    bad.chmod(0)
    deny_reading(monkeypatch, bad)

    result = runner.invoke(app, ["brief", "--offline", "--json", str(bad), str(good)])

    assert result.exit_code == 1, result.output  # a failed file, not a usage error (2)
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["good"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "locked.txt" in errors[0] and "permission" in errors[0].lower()


def test_a_symlink_loop_says_so(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")

    with pytest.raises(InputError) as info:
        read_article(tmp_path / "a.txt")

    assert info.value.reason == "not_a_file"
    assert "symbolic link" in str(info.value) and "loop" in str(info.value)
    assert "no such file" not in str(info.value)


def test_a_dangling_symlink_names_its_target(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")

    with pytest.raises(InputError) as info:
        read_article(tmp_path / "a.txt")

    assert info.value.reason == "missing"
    assert "gone.txt" in str(info.value) and "symbolic link" in str(info.value)


def test_a_symlink_loop_among_good_files_on_the_command_line(tmp_path, no_llm_env):
    good = tmp_path / "good.txt"
    good.write_text(QUOTE, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")

    result = runner.invoke(app, ["brief", "--offline", "--json", str(tmp_path / "loop.txt"), str(good)])

    assert result.exit_code == 1, result.output
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["good"]
    assert "loop" in result.stderr and "no such file" not in result.stderr


def test_a_folder_that_cannot_be_entered_is_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "private" / "a.txt"

    def exists(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", exists)
    with pytest.raises(InputError) as info:
        read_article(path)

    assert info.value.reason == "unreadable" and "permissions" in str(info.value)
