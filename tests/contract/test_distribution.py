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


def test_the_installed_distribution_holds_the_briefing_package_and_the_command():
    dist = distribution(DISTRIBUTION)
    assert library_version() == dist.version != "unknown"
    assert any(ep.name == "briefing" and ep.value == "briefing.cli.app:app" for ep in dist.entry_points)
    top = (dist.read_text("top_level.txt") or "").split()
    files = [str(f) for f in dist.files or []]
    assert top == ["briefing"] or any(f.endswith("briefing/__init__.py") or f.endswith(".pth") for f in files)


def test_every_install_hint_names_our_distribution():
    hints = [p for p in (REPO / "src").rglob("*.py")
             if "pip install" in (text := p.read_text(encoding="utf-8"))
             and any(bad in text for bad in ("install briefing", "install 'briefing[", 'install "briefing['))]
    assert hints == []
