"""The dependency floors in pyproject.toml are versions the library and its tests really work with.

Each floor below was found by installing the older release in a scratch venv and running the
suite (``uv pip install --resolution lowest-direct``); ``.ci/run`` repeats that run on every
submission, so a floor that is too low fails CI. This file pins the known reasons, so lowering a
floor past one of them fails here too, without a second venv.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

KNOWN_FLOORS = {
    "tenacity": ("8.3", ("retry.py reads RetryCallState.upcoming_sleep, which tenacity 8.3 added "
                         "(with 8.2.3, 19 retry, loopback and fault tests fail)")),
    "pydantic": ("2.11", ("with pydantic 2.10 instructor's strict validation rejects every enum "
                          "value (kind, channel) given as a string, so no answer validates")),
    "typer": ("0.16", ("typer 0.15 does not allow click 8.2, and 0.12 with a current click turns "
                       "every flag on (the readable view prints JSON)")),
    "jinja2": ("3.1.4", "instructor 1.17 needs it"),
    "openai": ("2", "the SDK whose errors failures.py maps"),
    "instructor": ("1.17", "the hooks and the v2 retry loop llm.py uses"),
    "vcrpy": ("8.2", "the first vcrpy that intercepts openai 3's httpx2"),
    "click": ("8.2", "the tests read CliRunner results' stderr, captured apart only from click 8.2"),
    "pandas": ("2.2.2", ("the first pandas built for numpy 2 (pandas 2.2.1 and older fail to import with the numpy "
                         "that a fresh install resolves); to_frames() works with 2.2.2 and 3.x")),
    "pint": ("0.24.4", ("pint 0.24.0-0.24.3 raise 'cannot inherit frozen dataclass' loading their unit "
                        "definitions on Python 3.11.7, so no unit converts")),
}


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _floors() -> dict[str, str]:
    """``{name: floor}`` for every requirement in pyproject.toml (runtime and test extras)."""
    requirements = list(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"].get("optional-dependencies", {}).values():
        requirements.extend(extra)
    floors = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)\s*(?:,.*)?", requirement)
        assert match, f"{requirement!r} has no floor: give every dependency a tested `>=` version"
        floors[match.group(1).lower()] = match.group(2)
    return floors


def test_every_dependency_has_a_floor() -> None:
    assert set(_floors()) >= {"openai", "instructor", "pydantic", "tenacity", "pytest", "vcrpy"}


@pytest.mark.parametrize("name", sorted(KNOWN_FLOORS))
def test_floor_is_not_below_what_the_code_needs(name: str) -> None:
    needed, why = KNOWN_FLOORS[name]
    declared = _floors()[name]
    assert _version(declared) >= _version(needed), f"{name}>={declared} is too low: {why}"


def test_retry_uses_the_attribute_the_tenacity_floor_is_for() -> None:
    """If retry.py stops reading upcoming_sleep, the tenacity reason above is stale: update it."""
    source = (REPO / "src" / "briefing" / "llm" / "retry.py").read_text(encoding="utf-8")
    assert "upcoming_sleep" in source


def test_ci_runs_the_tests_with_the_lowest_allowed_versions() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "--resolution lowest-direct" in ci
    lowest = ci[ci.index("--resolution lowest-direct"):]
    assert "pytest" in lowest, ".ci/run installs the lowest versions but never tests them"
