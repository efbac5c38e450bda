"""Linking across articles: one story claim per quotation, a report per article grounded in
that article's own text, differing figures contested, look-alikes not linked."""

from __future__ import annotations

from briefing import Article, daily
from briefing.daily.linking import compare, link_claims
from briefing.offline import brief_offline
from daily_fixtures import quake_day


def _story_of(d, article_id):
    return next(s for s in d.stories if article_id in s.articles)


def _grounded(report, articles):
    text = {a.id: a.text for a in articles}[report.article]
    if report.grounding == "not_found":
        return report.span is None
    return text[report.span.start:report.span.end] == report.evidence


def test_the_same_quotation_in_three_outlets_is_one_corroborated_claim():
    day = quake_day()
    d = daily(day)
    story = _story_of(d, "a1")
    lopez = [c for c in story.claims if any("The shaking went on" in r.evidence for r in c.reports)]
    assert len(lopez) == 1
    claim = lopez[0]
    assert claim.verdict == "corroborated"
    assert sorted(r.article for r in claim.reports) == ["a1", "a2", "a3"]
    assert all(_grounded(r, day) for r in claim.reports)


def test_every_report_is_grounded_in_its_own_article():
    day = quake_day()
    d = daily(day)
    reports = [r for s in d.stories for c in s.claims for r in c.reports]
    assert reports and all(_grounded(r, day) for r in reports)


def test_a_figure_that_differs_between_outlets_is_contested_with_both_reports():
    day = quake_day()
    d = daily(day)
    story = _story_of(d, "a1")
    witt = [c for c in story.claims if any("people were injured" in r.evidence for r in c.reports)]
    assert len(witt) == 1, [c.reports for c in witt]
    claim = witt[0]
    assert claim.verdict == "contested"
    by_article = {r.article: r for r in claim.reports}
    assert "140" in by_article["a1"].evidence and "200" in by_article["a2"].evidence
    assert all(_grounded(r, day) for r in claim.reports)
    a2 = by_article["a2"]
    assert a2.agreement == "contradicts" and "140 ≠ 200" in a2.notes


def test_quotes_of_two_different_events_are_never_linked():
    d = daily(quake_day())
    for story in d.stories:
        for claim in story.claims:
            assert len({r.article[0] for r in claim.reports}) == 1  # a* and b* never share a claim


def test_a_negated_quote_is_contested_never_corroborated():
    said = Article(id="p", text='"We will not raise taxes on working families this year," said Minister Jonas Berg.')
    unsaid = Article(id="q", text='"We will raise taxes on working families this year," said Minister Jonas Berg.')
    claims = link_claims([said, unsaid], [brief_offline(said), brief_offline(unsaid)])
    both = [c for c in claims if {r.article for r in c.reports} == {"p", "q"}]
    assert both and all(c.verdict == "contested" for c in both)
    q = next(r for r in both[0].reports if r.article == "q")
    assert unsaid.text[q.span.start:q.span.end] == q.evidence and "not" not in q.evidence
    assert any("not" in d.excerpt for d in q.differences)


def test_reordered_words_are_not_linked():
    one = Article(id="r1", text='Mayor Ann Lee said "the bridge will reopen in March after the repairs are finished" on Monday.')
    two = Article(id="r2", text='Mayor Ann Lee said "after the repairs are finished the bridge will reopen in March" on Monday.')
    claims = link_claims([one, two], [brief_offline(one), brief_offline(two)])
    assert not any(c.verdict == "corroborated" and c.reports[1].grounding == "exact"
                   and c.reports[1].evidence != c.reports[0].evidence for c in claims)
    assert all(len(c.reports) == 1 or c.verdict == "contested" for c in claims)


def test_a_short_common_phrase_does_not_link():
    one = Article(id="s1", text='Officials said "it was a very good day" for the city of Tromso.')
    two = Article(id="s2", text='The coach in Bergen said "it was a very good day" for his team.')
    claims = link_claims([one, two], [brief_offline(one), brief_offline(two)])
    # five words exactly: linked only verbatim, never by a loose fuzzy match
    for claim in claims:
        for r in claim.reports:
            assert r.grounding != "fuzzy"


def test_compare_needs_a_figure_on_both_sides_to_contradict():
    assert compare("140 people were hurt", "200 people were hurt").contradicts
    assert compare("two hundred people were hurt", "140 people were hurt").contradicts
    assert not compare("people were injured", "people were hurt").contradicts
    assert not compare("people were hurt", "140 people were hurt").contradicts
    assert compare("1,400 people were hurt", "1400 people were hurt").same


def test_daily_is_deterministic_and_reports_progress():
    stages = []
    first = daily(quake_day(), progress=lambda stage, done, total: stages.append((stage, done, total)))
    again = daily(quake_day())
    assert first.model_dump_json() == again.model_dump_json()
    assert ("brief", 5, 5) in stages and ("group", 1, 1) in stages and ("synthesise", 2, 2) in stages


def test_missing_and_repeated_ids_are_numbered():
    a, b, c = quake_day()[:3]
    d = daily([a.model_copy(update={"id": None}), b.model_copy(update={"id": "x"}), c.model_copy(update={"id": "x"})])
    assert sorted(s.id for s in d.sources) == ["article-1", "x", "x-2"]


def test_claims_several_outlets_carry_come_first_the_most_reported_first():
    story = _story_of(daily(quake_day()), "a1")
    verdicts = [c.verdict for c in story.claims]
    shared = len([v for v in verdicts if v != "single_source"])
    assert shared >= 2 and "single_source" not in verdicts[:shared]  # corroborated and contested alike
    reported = [len(c.reports) for c in story.claims]
    assert reported == sorted(reported, reverse=True) and reported[0] > reported[1]
