"""What the tests share besides fixtures: paths, the replay key, secret patterns, the HTTP library.

Tests import these from here (``from helpers import SEED``), never from ``conftest``, which
pytest loads on its own and which holds only fixtures and hooks.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import openai

REPO = Path(__file__).resolve().parents[1]
CASSETTES = REPO / "cassettes"
ANSWERS = REPO / "tests" / "answers"
SEED = REPO / "seeds" / "nato-us-russia-thaw.txt"
OPENAI_URL = "https://api.openai.com/v1"
REPLAY_KEY = "replay-key-not-a-secret"
SECRET_HEADERS = ["authorization", "api-key", "openai-organization", "openai-project", "cookie", "set-cookie"]
KEY_LIKE = re.compile(r"sk-[A-Za-z0-9_-]{16,}|[Bb]earer\s+[A-Za-z0-9_.-]{8,}")
"""Anything that looks like an API key or a bearer token."""

HTTPX = import_module(openai.DefaultHttpxClient.__mro__[1].__module__.partition(".")[0])
"""The HTTP library the installed openai sends through: httpx2 from openai 3, httpx before."""


def briefer_args(**kwargs):
    """Briefer keyword arguments from a flat mix: ``BriefingOptions`` fields (mode, max_claims, ...)
    go into ``options=``; ``rpm``/``tpm`` into a ``Pacer``; the rest pass through."""
    import dataclasses

    from briefing.core.options import BriefingOptions
    from briefing.llm.pacing import Pacer

    fields = {f.name for f in dataclasses.fields(BriefingOptions)}
    options = {k: kwargs.pop(k) for k in list(kwargs) if k in fields}
    pace = {k: kwargs.pop(k) for k in ("rpm", "tpm") if k in kwargs}
    if options:
        kwargs["options"] = BriefingOptions(**options)
    if pace:
        kwargs["pacer"] = Pacer(**pace)
    return kwargs


def run_examples(fn) -> tuple[int, int]:
    """Run the ``>>>`` examples in ``fn``'s docstring with its module's names; return (failed,
    attempted). Unlike ``doctest.testmod`` this runs one docstring, whatever else the module holds."""
    import doctest
    import sys

    globs = dict(vars(sys.modules[fn.__module__]))
    test = doctest.DocTestParser().get_doctest(fn.__doc__ or "", globs, fn.__name__, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda s: None)
    return runner.failures, runner.tries
