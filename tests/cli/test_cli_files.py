"""Files the command line meets in the wild (issue 11): unreadable files, symlink loops, the same
name in two folders, folders of many files. Each bad file is one error line; the others are
briefed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli.app import app
from briefing.core.errors import InputError
from briefing.core.inputs import read_article
from helpers import SEED

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


# --------------------------------------------------------------------------- unique ids (item 3)


def test_the_same_name_in_two_folders_gets_two_ids_and_two_pages(tmp_path, no_llm_env):
    for folder, mayor in (("north", "The mayor"), ("south", "The governor")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f'{mayor} said: "The bridge reopens."\n', encoding="utf-8")
    (tmp_path / "north" / "other.txt").write_text(QUOTE, encoding="utf-8")
    out = tmp_path / "out"

    result = runner.invoke(app, ["brief", "--offline", "--json", "--html", str(out),
                                 str(tmp_path / "north" / "same.txt"), str(tmp_path / "south" / "same.txt"),
                                 str(tmp_path / "north" / "other.txt")])

    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    assert ids == ["north/same", "south/same", "other"]  # a unique stem stays a stem
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert pages == ["north/same.html", "other.html", "south/same.html"]
    assert "governor" in (out / "south" / "same.html").read_text(encoding="utf-8")
    assert "governor" not in (out / "north" / "same.html").read_text(encoding="utf-8")


def test_folders_with_the_same_file_names(tmp_path, no_llm_env):
    for folder in ("2024/june", "2025/june"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(QUOTE, encoding="utf-8")

    result = runner.invoke(app, ["brief", "--offline", "--json", str(tmp_path / "2024" / "june"),
                                 str(tmp_path / "2025" / "june")])

    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    assert ids == ["2024/june/a", "2025/june/a"]  # extended until the names differ


def test_unique_ids_keep_stems_and_extend_only_the_clashes():
    from briefing.core.inputs import unique_ids

    paths = [Path("x/a.txt"), Path("y/a.txt"), Path("y/b.txt"), Path("z/c.md"), Path("z/c.txt")]
    assert unique_ids(paths) == ["x/a", "y/a", "b", "c.md", "c.txt"]
    assert unique_ids([Path("x/c.md"), Path("z/c.md"), Path("z/c.txt")]) == ["x/c.md", "z/c.md", "z/c.txt"]
    assert unique_ids([Path("a.txt"), Path("a.txt")]) == ["a", "a"]  # the same file twice: one article
    assert unique_ids([Path("x/c.md"), Path("x/c.md.txt"), Path("x/c.txt")]) == ["c.md", "c.md (2)", "c.txt"]


# --------------------------------------------------------------------------- cache note (item 8)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_the_cache_note_counts_files_not_arguments(tmp_path, monkeypatch):
    from briefing.testing.responder import Responder, load_answers
    from helpers import ANSWERS

    news = tmp_path / "news"
    news.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for name in ("monday", "tuesday", "wednesday"):
        (news / f"{name}.txt").write_text(f"{seed}\n{name.title()} edition.\n", encoding="utf-8")
    good = load_answers(ANSWERS / "seed_article.json")[0]
    args = ["brief", "--json", "--concurrency", "1", "--cache", str(tmp_path / "cache"), str(news)]
    with Responder(lambda request, n: good) as server:
        monkeypatch.setenv("OPENAI_API_KEY", "cli-test-key-not-a-secret")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        first = runner.invoke(app, args)
        again = runner.invoke(app, args)

    assert first.exit_code == again.exit_code == 0, again.output
    assert len(server.requests) == 3  # the second run sent none
    assert "3 of 3 files came from the cache" in again.stderr
