"""The public API is typed for its users: py.typed ships, the lazily loaded names are visible to
type checkers and ``dir()``, and every name in ``__all__`` resolves."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import briefing

REPO = Path(__file__).resolve().parents[2]
INIT = Path(briefing.__file__)


def _type_checking_names() -> set[str]:
    """The names ``__init__`` imports under ``if TYPE_CHECKING:``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                names.update(alias.asname or alias.name for alias in statement.names)
    return names


def test_the_package_ships_py_typed() -> None:
    assert (INIT.parent / "py.typed").is_file()
    wheel = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["src/briefing"]  # the whole folder, py.typed included
    assert "py.typed" not in str(wheel.get("exclude", ""))


def test_every_lazy_name_is_imported_for_type_checkers() -> None:
    assert _type_checking_names() == set(briefing._LAZY)


def test_every_public_name_is_listed_and_resolves() -> None:
    listed = set(briefing.__all__)
    assert set(briefing._LAZY) <= listed
    assert listed <= set(dir(briefing)), "dir(briefing) must list the lazy names too"
    for name in sorted(listed):
        assert getattr(briefing, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'Brefer'"):
        briefing.Brefer  # noqa: B018  (a typo must not pass silently)


def test_retry_policy_and_the_batch_helpers_are_exported() -> None:
    from briefing.brief.each import Outcome, brief_each
    from briefing.llm.retry import RetryPolicy

    assert briefing.RetryPolicy is RetryPolicy
    assert briefing.brief_each is brief_each and briefing.Outcome is Outcome

    def refuse(text: str) -> briefing.Briefing:
        raise briefing.InputError(f"cannot brief {text!r}", reason="test")

    [outcome] = briefing.brief_each(refuse, ["a"])
    assert isinstance(outcome, briefing.Outcome) and isinstance(outcome.error, briefing.InputError)


def test_importing_briefing_loads_no_sdk() -> None:
    code = "import sys, briefing; print(sorted({'openai', 'instructor'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_ci_runs_ruff_and_mypy_with_settings_in_pyproject() -> None:
    tools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert "ruff" in tools and "mypy" in tools
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "ruff check src tests benchmarks scripts" in ci
    assert "\nmypy" in ci or "; mypy" in ci
