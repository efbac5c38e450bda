"""Helpers shared by the evaluation tests: the hand-annotated fixture and scripted models."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.evaluation.annotations import AnnotatedArticle
from helpers import REPO

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


