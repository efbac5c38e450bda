"""The distribution's own name: `briefing` on the package index is another project."""

from __future__ import annotations

import tomllib
from importlib.metadata import distribution
from pathlib import Path

from briefing.core.options import DISTRIBUTION, library_version

REPO = Path(__file__).resolve().parents[2]


def test_pyproject_names_our_distribution_not_the_other_briefing():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "grounded-briefing"


def test_the_installed_distribution_is_ours_and_installs_the_command():
    dist = distribution(DISTRIBUTION)
    assert library_version() == dist.version != "unknown"
    assert [ep.value for ep in dist.entry_points if ep.name == "briefing"] == ["briefing.cli.app:app"]
    assert "briefing/prompts/brief/system.j2" in [str(f) for f in dist.files or []]


def test_every_install_hint_names_our_distribution():
    hints = [p for p in (REPO / "src").rglob("*.py")
             if "pip install" in (text := p.read_text(encoding="utf-8"))
             and any(bad in text for bad in ("install briefing", "install 'briefing[", 'install "briefing['))]
    assert hints == []
