"""The windows a Checker keeps and cuts from its articles' indexes (issue 18, item 15), and the
numpy top-k of ``PassageIndex.rank``, change no verdict and no ranking: the library's path gives
the same results as the reference path of ``benchmarks/check.py`` (every window built afresh,
the fuzzy search never ruled out, passages sorted in Python)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from briefing.core.models import Article
from briefing.text.retrieval import PassageIndex
from briefing.text.sentences import split_sentences
from briefing.verify.checker import Checker
from briefing.verify.offline import WindowAligners

REPO = Path(__file__).resolve().parents[2]
DAY = REPO / "tests" / "fixtures" / "day"


def _day() -> list[Article]:
    return [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(DAY.glob("*.txt"))]


def _claims(articles: list[Article]) -> list[str]:
    claims = []
    for a in articles:
        for s in split_sentences(a.text)[:8]:
            sentence = a.text[s.start:s.end]
            claims += [sentence, sentence.replace(" is ", " is not ").replace(" was ", " was not ")]
    return claims


def _check_bench():
    spec = importlib.util.spec_from_file_location("check_benchmark", REPO / "benchmarks" / "check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _same_results_as_the_reference_path(articles: list[Article], claims: list[str]) -> list[dict]:
    bench = _check_bench()
    with bench.reference_path():
        reference = Checker(articles, window_cache_chars=0)
        before = [reference.check(c).model_dump() for c in claims]
    library = Checker(articles)
    after = [library.check(c).model_dump() for c in claims]
    assert after == before
    assert library.aligners.chars > 0 and reference.aligners.chars == 0
    return after


def test_verdicts_are_identical_to_the_reference_path_over_the_fixture_day() -> None:
    articles = _day()
    results = _same_results_as_the_reference_path(articles, _claims(articles))
    assert {r["verdict"] for r in results} >= {"supported", "contradicted"}


def test_verdicts_are_identical_to_the_reference_path_over_a_generated_day() -> None:
    bench = _check_bench()
    day = bench.synthetic_day(40, seed=7)
    claims = bench.speed_claims(day, 60, seed=7)
    claims += ["The council of Riverton approved the 999 million dollar bridge plan on Monday.",
               "“The bridge will not be funded before May,” Ana Ruiz told reporters in Riverton."]
    results = _same_results_as_the_reference_path(day, claims)
    verdicts = {r["verdict"] for r in results}
    assert verdicts == {"supported", "contradicted", "not_mentioned"}


def test_a_generated_day_is_repeatable_and_shares_sentences_within_a_story() -> None:
    bench = _check_bench()
    day = bench.synthetic_day(24, seed=3)
    assert [a.text for a in day] == [a.text for a in bench.synthetic_day(24, seed=3)]
    assert [a.text for a in day] != [a.text for a in bench.synthetic_day(24, seed=4)]
    first, same_story = set(split(day[0].text)), set(split(day[2].text))  # 24 // 12 = 2 stories
    assert len(first & same_story) >= 1


def split(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_the_window_cache_is_bounded_by_characters() -> None:
    text = "abc de. fgh ij. klm no."
    aligners = WindowAligners(max_chars=30)
    aligners.get(text, 0, 7)
    aligners.get(text, 8, 15)
    assert aligners.chars == 14 and list(aligners._kept) == [(text, 0, 7), (text, 8, 15)]
    aligners.get(text, 0, 23)  # 23 more: the oldest goes first, down to the bound
    assert list(aligners._kept) == [(text, 8, 15), (text, 0, 23)] and aligners.chars == 30
    aligners.get(text, 8, 15)  # used again: now the newest
    aligners.get(text, 16, 23)
    assert list(aligners._kept) == [(text, 8, 15), (text, 16, 23)] and aligners.chars == 14
    first = aligners.get(text, 0, 23)
    assert aligners.get(text, 0, 23) is first
    assert aligners.article_chars == len(text) and list(aligners._articles) == [text]


def test_a_window_or_article_longer_than_the_bound_is_not_kept() -> None:
    text = "A long sentence of words. " * 4
    aligners = WindowAligners(max_chars=20)
    window = aligners.get(text, 0, 25)
    assert window.text == text[:25] and window.tokens is not None  # cut from the article's index
    assert aligners.chars == 0 and aligners.article_chars == 0  # neither kept: 25 and 104 > 20
    assert not aligners._kept and not aligners._articles


def test_copies_of_an_article_share_its_index_and_windows() -> None:
    text = "The council met on Tuesday. It approved the budget."
    aligners = WindowAligners()
    one = aligners.get(text, 0, len(text))
    other = aligners.get("".join(list(text)), 0, len(text))  # an equal text, another object
    assert other is one and len(aligners._articles) == 1


def test_no_window_cache_builds_every_window_afresh() -> None:
    text = "The council met on Tuesday. It approved the budget."
    aligners = WindowAligners(max_chars=0)
    first = aligners.get(text, 0, 27)
    assert first.text == text[:27] and first.tokens is None
    assert aligners.get(text, 0, 27) is not first and aligners.chars == 0 and not aligners._articles


def test_the_top_k_is_the_full_sort_cut() -> None:
    articles = _day()
    index = PassageIndex([a.text for a in articles] * 3)  # repeated texts: ties at every score
    for claim in _claims(articles)[:20]:
        every = index.rank(claim, 10_000)
        assert [r.position for r in every] == sorted((r.position for r in every),
                                                     key=lambda i: (-every[[x.position for x in every].index(i)].score, i))
        for top in (1, 3, 7, 50):
            assert index.rank(claim, top) == every[:top]
