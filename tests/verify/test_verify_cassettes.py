"""check() with a model through instructor, replayed from cassettes (authored answers, see
cassettes/README.md): supported, contradicted, not mentioned, invented evidence, and a negated
misquote fixed after the re-ask."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from briefing import Briefer
from briefing.core.inputs import read_article
from briefing.verify.checker import Checker, check

pytestmark = pytest.mark.vcr

DAY_DIR = Path(__file__).parents[1] / "fixtures" / "day"
SEED = Path(__file__).parents[2] / "seeds" / "nato-us-russia-thaw.txt"


@pytest.fixture(scope="module")
def day():
    return [read_article(p) for p in sorted(DAY_DIR.glob("*.txt"))] + [read_article(SEED)]


def _assert_located(v, day):
    texts = {a.id: a.text for a in day}
    for item in v.evidence:
        assert texts[item.article][item.span.start:item.span.end] == item.evidence
        assert item.grounding != "not_found"


def _prompt(cassette) -> str:
    body = json.loads(cassette.requests[0].body)
    return "\n".join(m["content"] for m in body["messages"])


@pytest.mark.answers("check_supported")
def test_supported_rests_on_located_evidence(llm_client, day, vcr):
    v = check("The city council will raise taxes next year", day, briefer=Briefer(client=llm_client))
    assert v.verdict == "supported" and v.checker == "llm" and v.model == "gpt-4o-mini"
    assert {e.article for e in v.evidence} == {"riverton-herald", "riverton-post"}
    assert {e.grounding for e in v.evidence} == {"exact"} and v.notes == [] and v.unverified == []
    _assert_located(v, day)
    assert v.usage.requests == 1 and v.usage.total_tokens > 0
    prompt = _prompt(vcr)  # only the top passages went to the model, not the day's text
    assert "Riverton’s city council will raise taxes next year" in prompt
    assert prompt.count("<passage ") <= 8 and "Putin has dismissed" not in prompt


@pytest.mark.answers("check_supported")
def test_supported_async(async_llm_client, day):
    checker = Checker(day, Briefer(client=async_llm_client))
    v = asyncio.run(checker.acheck("The city council will raise taxes next year"))
    assert v.verdict == "supported" and len(v.evidence) == 2
    _assert_located(v, day)


@pytest.mark.answers("check_contradicted")
def test_a_changed_figure_is_contradicted(llm_client, day):
    v = check("At least 200 people were injured when the old bridge collapsed in March", day,
              briefer=Briefer(client=llm_client))
    assert v.verdict == "contradicted"
    assert {e.stance for e in v.evidence} == {"contradicts"} and len(v.evidence) == 2
    assert all("140" in e.evidence for e in v.evidence)
    _assert_located(v, day)


@pytest.mark.answers("check_not_mentioned")
def test_not_mentioned(llm_client, day):
    v = check("The new bridge was funded by a federal grant", day, briefer=Briefer(client=llm_client))
    assert v.verdict == "not_mentioned" and v.evidence == [] and v.notes == []
    assert v.usage.requests == 1


@pytest.mark.answers("check_invented_evidence")
def test_invented_evidence_is_reasked_once_then_not_mentioned(llm_client, day, vcr):
    v = check("Mayor Ruiz promised the new bridge will be free of tolls", day, briefer=Briefer(client=llm_client))
    assert v.verdict == "not_mentioned" and v.evidence == []
    assert v.usage.requests == 2  # one re-ask, no more
    reask = json.loads(vcr.requests[1].body)["messages"]
    assert any("free of tolls for ever" in str(m.get("content")) and "riverton-herald" in str(m.get("content"))
               for m in reask[2:]), "the re-ask names the excerpt and its article"
    assert [e.article for e in v.unverified] == ["riverton-post"]
    assert all(e.span is None and e.grounding == "not_found" for e in v.unverified)
    assert any("could not be verified" in n and "free of tolls" in n for n in v.notes)
    assert any("the model answered supported" in n for n in v.notes)


@pytest.mark.answers("check_negated_misquote_then_fixed")
def test_a_negated_misquote_never_supports(llm_client, day):
    v = check("The city council will not raise taxes next year", day, briefer=Briefer(client=llm_client))
    assert v.verdict == "contradicted" and v.usage.requests == 2
    (item,) = v.evidence
    assert item.stance == "contradicts" and " not " not in item.evidence
    _assert_located(v, day)


@pytest.mark.answers("check_wrong_stance")
def test_a_support_that_drops_the_claims_negation_counts_as_contradiction(llm_client, day):
    v = check("The city council will not raise taxes next year", day, briefer=Briefer(client=llm_client))
    assert v.verdict == "contradicted" and v.usage.requests == 1
    (item,) = v.evidence
    assert item.stance == "contradicts" and item.article == "riverton-post"
    assert ("will not", "will") in [tuple(d) for d in item.differences]
    assert any("as support" in n and "counted as contradicting" in n for n in v.notes)
    _assert_located(v, day)
