"""Secrets never reach a cassette, a repr or an error message."""

from __future__ import annotations

import re

import pytest

from briefing import Briefer
from conftest import CASSETTES, SECRET_HEADERS

KEY_LIKE = re.compile(r"sk-[A-Za-z0-9_-]{16,}|[Bb]earer\s+[A-Za-z0-9_.-]{8,}")
CASSETTE_FILES = sorted(CASSETTES.rglob("*.yaml"))


def test_there_are_cassettes_to_scan():
    assert len(CASSETTE_FILES) >= 9


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=lambda p: p.name)
def test_cassette_holds_no_key_or_account_header(path):
    text = path.read_text(encoding="utf-8")
    assert not KEY_LIKE.search(text)
    for header in SECRET_HEADERS:
        for match in re.finditer(rf"^\s*{header}:\s*\n\s*-\s*(.*)$", text, re.IGNORECASE | re.MULTILINE):
            assert match.group(1).strip("'\"") == "FILTERED", f"{header} kept in {path.name}"


def test_key_is_not_in_repr(monkeypatch):
    key = "sk-proj-" + "A1b2C3d4" * 6
    briefer = Briefer(model="gpt-4o-mini", api_key=key)
    assert key not in repr(briefer)
    assert key not in repr(briefer.llm) and key not in repr(briefer.settings)
