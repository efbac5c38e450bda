"""The window aligners a Checker keeps (issue 18, item 15) and the numpy top-k of
``PassageIndex.rank`` change no verdict and no ranking."""

from __future__ import annotations

from pathlib import Path

from briefing.core.models import Article
from briefing.text.retrieval import PassageIndex
from briefing.text.sentences import split_sentences
from briefing.verify.checker import Checker
from briefing.verify.offline import WindowAligners

DAY = Path(__file__).resolve().parents[1] / "fixtures" / "day"


def _day() -> list[Article]:
    return [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(DAY.glob("*.txt"))]


def _claims(articles: list[Article]) -> list[str]:
    claims = []
    for a in articles:
        for s in split_sentences(a.text)[:8]:
            sentence = a.text[s.start:s.end]
            claims += [sentence, sentence.replace(" is ", " is not ").replace(" was ", " was not ")]
    return claims


def test_verdicts_are_identical_with_and_without_the_window_cache() -> None:
    articles = _day()
    claims = _claims(articles)
    cached = Checker(articles)
    plain = Checker(articles, window_cache_chars=0)
    with_cache = [cached.check(c).model_dump() for c in claims]
    without = [plain.check(c).model_dump() for c in claims]
    assert with_cache == without
    assert {r["verdict"] for r in with_cache} >= {"supported"}
    assert cached.aligners.chars > 0 and plain.aligners.chars == 0


def test_the_window_cache_is_bounded_by_characters() -> None:
    aligners = WindowAligners(max_chars=10)
    aligners.get((0, 0, 6), "abc de")
    aligners.get((0, 6, 12), "fgh ij")
    assert aligners.chars == 6 and list(aligners._kept) == [(0, 6, 12)]
    first = aligners.get((0, 6, 12), "fgh ij")
    assert aligners.get((0, 6, 12), "fgh ij") is first


def test_the_top_k_is_the_full_sort_cut() -> None:
    articles = _day()
    index = PassageIndex([a.text for a in articles] * 3)  # repeated texts: ties at every score
    for claim in _claims(articles)[:20]:
        every = index.rank(claim, 10_000)
        assert [r.position for r in every] == sorted((r.position for r in every),
                                                     key=lambda i: (-every[[x.position for x in every].index(i)].score, i))
        for top in (1, 3, 7, 50):
            assert index.rank(claim, top) == every[:top]
