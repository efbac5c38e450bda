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
