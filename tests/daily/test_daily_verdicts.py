"""Daily verdicts rest on the agreement rule: converted units and number words corroborate (the
report shows the conversion), a figure, negation or direction word that differs contests, two
currencies are linked with a note (never contested, not counted), opposites never corroborate."""

from __future__ import annotations

import pytest

from briefing import Article
from briefing.core.models import Claim, ClaimKind, Span, Speaker
from briefing.daily import daily_to_html, daily_to_markdown
from briefing.daily.linking import (
    NOT_COUNTED,
    LinkOptions,
    _paraphrase_by_speaker,
    compare,
    link_claims,
)
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim
from briefing.offline import brief_offline

STORM = "Harbour master Ole Dahl said the storm was {} wide when it reached the coast near Bergen on Monday."
FEE = '"We paid {} for the striker because he is the best young player in Europe," club president Ana Ruiz said.'
PRICES = "Finance minister Jonas Berg said food prices went {} sharply in the northern regions last month."
BOY = "Police chief Kari Holm said an {} boy was hurt when the old wall collapsed on the school yard."


def _linked(first: str, second: str, options: LinkOptions | None = None) -> StoryClaim:
    """The one story claim with a report in both articles."""
    a, b = Article(id="a", text=first), Article(id="b", text=second)
    claims = link_claims([a, b], [brief_offline(a), brief_offline(b)], options or LinkOptions())
    both = [c for c in claims if {r.article for r in c.reports} == {"a", "b"}]
    assert len(both) == 1, [(c.verdict, [r.evidence for r in c.reports]) for c in claims]
    return both[0]


def _report(claim: StoryClaim, article: str) -> Report:
    return next(r for r in claim.reports if r.article == article)


def test_converted_units_corroborate_and_show_the_conversion():
    claim = _linked(STORM.format("15 miles"), STORM.format("24 km"))
    assert claim.verdict == "corroborated"
    b = _report(claim, "b")
    assert b.agreement == "same" and "24 km" in b.evidence
    assert any("15 miles ≈ 24 km" in n for n in b.notes)


def test_a_wrong_conversion_contests():
    claim = _linked(STORM.format("15 miles"), STORM.format("40 km"))
    assert claim.verdict == "contested"
    b = _report(claim, "b")
    assert b.agreement == "contradicts" and any("15 miles ≠ 40 km" in n for n in b.notes)


def test_two_currencies_are_linked_with_a_note_never_contested():
    claim = _linked(FEE.format("$88m"), FEE.format("103 million euros"))
    assert claim.verdict == "single_source"
    b = _report(claim, "b")
    assert b.agreement == "unclear"
    assert any("different currencies" in n for n in b.notes) and NOT_COUNTED in b.notes


def test_two_currencies_count_when_the_option_says_so():
    claim = _linked(FEE.format("$88m"), FEE.format("103 million euros"), LinkOptions(unclear_corroborates=True))
    assert claim.verdict == "corroborated"
    assert NOT_COUNTED not in _report(claim, "b").notes


def test_the_same_amount_in_one_currency_corroborates():
    claim = _linked(FEE.format("$88m"), FEE.format("$88 million"))
    assert claim.verdict == "corroborated"


@pytest.mark.parametrize("ours, theirs", [("up", "down"), ("down", "up")])
def test_opposite_directions_are_contested_never_corroborated(ours, theirs):
    claim = _linked(PRICES.format(ours), PRICES.format(theirs))
    assert claim.verdict == "contested"
    assert any("opposite words" in n for n in _report(claim, "b").notes)


def test_the_same_direction_corroborates():
    claim = _linked(PRICES.format("up"), PRICES.format("up"))
    assert claim.verdict == "corroborated"
    assert _report(claim, "b").notes == []


def test_a_number_word_corroborates_a_digit():
    claim = _linked(BOY.format("8-year-old"), BOY.format("eight-year-old"))
    assert claim.verdict == "corroborated"
    assert any("words read as numbers" in n for n in _report(claim, "b").notes)


def test_a_different_number_word_contests():
    claim = _linked(BOY.format("8-year-old"), BOY.format("nine-year-old"))
    assert claim.verdict == "contested"


def test_another_weekday_contests():
    claim = _linked(STORM.format("15 miles"), STORM.format("15 miles").replace("Monday", "Tuesday"))
    assert claim.verdict == "contested"
    assert any("weekday" in n for n in _report(claim, "b").notes)


def test_a_claim_that_leaves_out_a_modifier_corroborates():
    full = "Navy commander Lars Moe said three cables between Italy and Egypt in the Mediterranean Sea were damaged."
    short = "Navy commander Lars Moe said three cables between Italy and Egypt were damaged. Repairs take weeks."
    a, b = Article(id="a", text=short), Article(id="b", text=full)
    claims = link_claims([a, b], [brief_offline(a), brief_offline(b)])
    linked = [c for c in claims if {r.article for r in c.reports} == {"a", "b"}]
    assert linked and linked[0].verdict == "corroborated"


def test_a_negation_between_the_claims_words_contests():
    said = "Navy commander Lars Moe said three cables between Italy and Egypt were damaged by the anchor."
    denied = "Navy commander Lars Moe said three cables between Italy and Egypt were not damaged by the anchor."
    claim = _linked(said, denied)
    assert claim.verdict == "contested"


def _by(name: str, evidence: str, text: str) -> Claim:
    start = text.index(evidence)
    return Claim(statement=evidence, kind=ClaimKind.fact, speaker=Speaker(name=name), evidence=evidence,
                 span=Span(start=start, end=start + len(evidence)), grounding="exact")


def _paraphrase_claims(first: str, second: str):
    one = f"In Oslo, {first}, Berg told reporters."
    two = f"Speaking in Bergen, Berg said {second}."
    a, b = Article(id="a", text=one), Article(id="b", text=two)
    ba = brief_offline(a).model_copy(update={"claims": [_by("Jonas Berg", first, one)], "article": "a"})
    bb = brief_offline(b).model_copy(update={"claims": [_by("Berg", second, two)], "article": "b"})
    return link_claims([a, b], [ba, bb])


def test_a_paraphrase_by_the_same_speaker_is_linked():
    claims = _paraphrase_claims("the ministry expects grain prices to rise next spring",
                                "the ministry expects the grain prices to rise next spring")
    linked = [c for c in claims if {r.article for r in c.reports} == {"a", "b"}]
    assert len(linked) == 1 and linked[0].verdict == "corroborated"


@pytest.mark.parametrize("second", [
    "the ministry expects grain prices to fall next spring",
    "the ministry does not expect grain prices to rise next spring",
    "the ministry expects grain prices to rise this spring",
])
def test_a_paraphrase_by_the_same_speaker_that_conflicts_is_never_corroborated(second):
    claims = _paraphrase_claims("the ministry expects grain prices to rise next spring", second)
    assert all(c.verdict != "corroborated" for c in claims)


@pytest.mark.parametrize("second, linked", [
    ("the ministry expects grain prices to go up in March", True),
    ("the ministry expects grain prices to go down in March", False),
    ("the ministry expects grain prices to go up in May", False),
    ("the ministry expects grain prices not to go up in March", False),
    ("the ministry expects 40 grain prices to go up in March", True),
])
def test_the_paraphrase_rule_refuses_opposites(second, linked):
    first = "the ministry expects grain prices to go up in March"
    ours = _by("Jonas Berg", first, first)
    theirs = _by("Berg", second, second)
    found = _paraphrase_by_speaker(ours, [theirs], LinkOptions(same_speaker_similarity=80.0))
    assert (found is not None) is linked


def _day_with(reports: list[Report], verdict: str) -> DailyBriefing:
    claim = StoryClaim(statement="the storm was wide", verdict=verdict, reports=reports)  # type: ignore[arg-type]
    return DailyBriefing(title="Day", stories=[Story(id="story-1", headline="Storm", summary="A storm.",
                                                     articles=["a", "b"], claims=[claim])],
                         sources=[Source(id="a", source="Alpha"), Source(id="b", source="Beta")])


def test_markdown_and_html_show_a_reports_notes():
    d = _day_with([Report(article="a", evidence="15 miles wide", span=Span(start=0, end=13), grounding="exact"),
                   Report(article="b", evidence="24 km wide", span=Span(start=0, end=10), grounding="fuzzy",
                          agreement="same", notes=["15 miles ≈ 24 km (converted: 15 mi = 24.14 km)"])],
                  "corroborated")
    md = daily_to_markdown(d)
    assert "note: 15 miles ≈ 24 km" in md
    html = daily_to_html(d)
    assert '<div class="note">15 miles ≈ 24 km' in html
    assert 'class="differs"' not in html  # a conversion is not shown in red


def test_html_marks_a_contradicting_report_in_red():
    d = _day_with([Report(article="a", evidence="140 hurt", span=Span(start=0, end=8), grounding="exact"),
                   Report(article="b", evidence="400 hurt", span=Span(start=0, end=8), grounding="exact",
                          agreement="contradicts", notes=["140 ≠ 400"])], "contested")
    html = daily_to_html(d)
    assert '<li class="differs">' in html and '<div class="note">140 ≠ 400</div>' in html


def test_compare_reads_a_shorter_report_both_ways_but_not_a_reworded_one():
    full = "three cables between Italy and Egypt in the Mediterranean Sea were damaged"
    short = "three cables between Italy and Egypt were damaged"
    assert compare(full, short).relation == "same"  # the report leaves a modifier out
    assert compare(short, full).relation == "same"  # the report adds one
    assert compare("prices will rise next spring", "prices will rise this spring").relation == "contradicts"
    assert compare("prices will rise next spring", "prices will rise in spring").relation == "unclear"
    assert compare(full, "three cables between Italy and Egypt were not damaged").relation == "contradicts"


def _pair(first: str, second: str) -> list[StoryClaim]:
    a, b = Article(id="a", text=first), Article(id="b", text=second)
    return [c for c in link_claims([a, b], [brief_offline(a), brief_offline(b)])
            if {r.article for r in c.reports} == {"a", "b"}]


def test_a_short_quotation_links_only_word_for_word():
    verbatim = _pair('Mayor Ann Lee said "the bridge will reopen soon" on Monday.',
                     'In Tromso, engineer Per Dahl said "the bridge will reopen soon" to reporters.')
    assert len(verbatim) == 1 and verbatim[0].verdict == "corroborated"
    # under min_words_fuzzy words, a reworded quotation by someone else is not the same claim
    reworded = _pair('Mayor Ann Lee said "the old bridge will reopen soon" on Monday.',
                     'In Tromso, engineer Per Dahl said "the new bridge will reopen soon" to reporters.')
    assert reworded == []


def test_a_quotation_under_min_words_is_not_looked_for():
    assert _pair('Mayor Ann Lee said "we will rebuild" on Monday.',
                 'Speaking in Tromso, Lee said "we will rebuild" to reporters.') == []


def test_link_options_are_frozen():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        LinkOptions().min_words = 1  # type: ignore[misc]


INJURED = "Kern County fire chief David Witt said {} were injured in Ridgecrest and crews were still searching homes."
STAR = "Her spokesman Harlan Boll said Williams, one of the {} stars of the 1940s, died {} Thursday in her sleep."


@pytest.mark.parametrize("ours, theirs", [
    ("3 people died and 140 people", "3 people died and 400 people"),  # one figure of two changed
    ("140 people", "1400 people"),  # one digit more
    ("140 people", "one hundred and forty-one people"),
])
def test_a_changed_figure_contests_never_corroborates(ours, theirs):
    claim = _linked(INJURED.format(ours), INJURED.format(theirs))
    assert claim.verdict == "contested"


@pytest.mark.parametrize("ours, theirs", [
    ("3 people died and 140 people", "three people died and 140 people"),
    ("140 people", "one hundred and forty people"),
])
def test_the_same_figures_written_otherwise_corroborate(ours, theirs):
    assert _linked(INJURED.format(ours), INJURED.format(theirs)).verdict == "corroborated"


@pytest.mark.parametrize("ours, theirs", [
    (("biggest", "early"), ("smallest", "early")),  # a superlative reversed
    (("biggest", "early"), ("biggest", "late")),  # early / late
])
def test_superlatives_and_early_late_contest(ours, theirs):
    claim = _linked(STAR.format(*ours), STAR.format(*theirs))
    assert claim.verdict == "contested"
    assert any("opposite words" in n for n in _report(claim, "b").notes)
    assert _linked(STAR.format(*ours), STAR.format(*ours)).verdict == "corroborated"


def test_a_converted_measure_just_before_the_claims_last_word_corroborates():
    """The match stops at the changed figure; the report still reaches the claim's last word."""
    sentence = ("Navy spokesman Nirad Rao said the ship rescued a merchant vessel that was being hijacked "
                "on Saturday, about {} away.")
    claim = _linked(sentence.format("40 miles"), sentence.format("64 km"))
    assert claim.verdict == "corroborated"
    assert _report(claim, "b").evidence.endswith("about 64 km away")
    assert _linked(sentence.format("40 miles"), sentence.format("90 km")).verdict == "contested"
