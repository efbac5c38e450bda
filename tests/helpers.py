"""What the tests share besides fixtures: paths, the replay key, secret patterns, the HTTP library.

Tests import these from here (``from helpers import SEED``), never from ``conftest``, which
pytest loads on its own and which holds only fixtures and hooks.
"""

from __future__ import annotations

import re
import shutil
from importlib import import_module
from pathlib import Path

import openai

from briefing.evaluation.annotations import AnnotatedArticle

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


# --------------------------------------------------------------------------- evaluation tests

FIXTURE = REPO / "tests" / "fixtures" / "eval"


def polnear_copy(tmp_path: Path) -> Path:
    """The fixture in PolNeAR's layout, with a second annotator (sorting last) who disagrees."""
    root = tmp_path / "polnear"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for txt in sorted(FIXTURE.glob("*.txt")):
        shutil.copy(txt, root / "text" / txt.name)
        shutil.copy(txt.with_suffix(".ann"), root / "attributions" / f"{txt.stem}_a1f0.ann")
        (root / "attributions" / f"{txt.stem}_zz99.ann").write_text("T1\tContent 0 5\tx\nE1\tAttribution:T1 Content:T1\n")
    return root


def _claims(article: AnnotatedArticle, every: int) -> list[dict]:
    """A claim per annotated attribution (every ``every``-th one), evidence copied from the text."""
    claims = []
    for g in article.gold[::every]:
        start, end = min(g.content), max(g.content) + 1
        claims.append({"statement": "Restated.", "kind": "fact", "evidence": article.text[start:end],
                       "speaker": {"name": g.source or "an unnamed source", "anonymous": g.source is None}})
    return claims


def scripted(articles: list[AnnotatedArticle], *, every: int = 1, broken: str | None = None):
    """A Responder script answering, for the article in the prompt, its annotated attributions."""
    def reply(request: dict, seq: int) -> dict:
        prompt = "".join(str(m.get("content") or "") for m in request["messages"])
        article = next(a for a in articles if a.text.strip() in prompt)
        if article.id == broken:
            return {"raw": '{"headline": "cut off'}  # never valid: this article must fail
        return {"answer": {"headline": article.id, "summary": "A summary.", "claims": _claims(article, every)}}
    return reply




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
