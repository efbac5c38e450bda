"""The terminal view: provenance, cache hits and the claims a reader should check."""

from rich.console import Console

from briefing import Briefing, Claim, GroundingSummary
from briefing.render import print_briefing, to_html


def _render(briefing: Briefing) -> str:
    console = Console(width=120, record=True)
    print_briefing(briefing, console)
    return console.export_text()


def test_a_cache_hit_says_so():
    briefing = Briefing(headline="h", summary="s", claims=[], model="gpt-4o-mini", prompt_version="brief-x",
                        cached=True)
    assert "from the cache, no request sent this time" in _render(briefing)
    assert "from the cache" in to_html(briefing)
    assert "from the cache" not in _render(briefing.model_copy(update={"cached": False}))


def test_untrusted_claims_are_named_and_unlocated_evidence_is_loud():
    claim = Claim(statement="s", kind="fact", evidence="never said", grounding="not_found")
    briefing = Briefing(headline="h", summary="s", claims=[claim], model="m", prompt_version="p",
                        grounding_summary=GroundingSummary(counts={"not_found": 1}, untrusted=[0]))
    out = _render(briefing)
    assert "NOT FOUND" in out and "Check before trusting: claims #1." in out


def _checked(evidence: str, text: str) -> Briefing:
    from briefing import check_briefing
    from briefing.core.models import ExtractedBriefing
    from briefing.grounding.aligner import ground_briefing

    extracted = ExtractedBriefing(headline="h", summary="s", claims=[
        {"statement": "The council will raise taxes.", "kind": "fact", "evidence": evidence}])
    return check_briefing(ground_briefing(extracted, text), text)


TEXT = "Mayor Ana Ruiz said the council will raise taxes on the middle class next year, officials said."


def test_checks_ok_only_beside_the_articles_own_words():
    exact = _render(_checked("the council will raise taxes on the middle class next year", TEXT))
    assert "checks ok" in exact
    fuzzy = _checked("the council will raise levies on the middle class next year", TEXT)
    assert fuzzy.claims[0].grounding == "fuzzy"
    out = _render(fuzzy)
    assert "checks ok" not in out
    assert "model wrote “levies” · article says “taxes”" in out
    assert fuzzy.grounding_summary.untrusted == [0]
    assert fuzzy.grounding_summary.details[0].differences == [("levies", "taxes")]


def test_a_changed_meaning_is_shown_side_by_side_and_never_ok():
    negated = _checked("the council will not raise taxes on the middle class next year", TEXT)
    claim = negated.claims[0]
    assert claim.grounding == "not_found" and claim.span is None and claim.nearest is not None
    out = _render(negated)
    assert "checks ok" not in out and "NOT FOUND" in out
    assert "model wrote “will not” · article says “will”" in out
    assert f"the article says otherwise at {claim.nearest.start}–{claim.nearest.end}" in out
    reasons = negated.grounding_summary.details[0].reasons
    assert reasons == [(f"the evidence differs in meaning from the article at "
                       f"{claim.nearest.start}-{claim.nearest.end}")]


def test_counts_in_the_footer_are_plural_only_when_more_than_one():
    one = Briefing(headline="h", summary="s", claims=[], model="m", prompt_version="p",
                   usage={"requests": 1, "total_tokens": 1})
    assert "1 request, 1 token" in _render(one) and "1 request, 1 token" in to_html(one)
    many = one.model_copy(update={"usage": one.usage.model_copy(update={"requests": 2, "total_tokens": 1500})})
    assert "2 requests, 1,500 tokens" in _render(many) and "2 requests, 1,500 tokens" in to_html(many)
    assert "(s)" not in _render(one) + to_html(one)
