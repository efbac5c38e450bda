"""check_briefing: speaker and figure checks per claim, and the grounding summary."""

from pathlib import Path

import pytest

from briefing.core.models import Briefing, Claim, ExtractedBriefing
from briefing.grounding.aligner import ground_briefing
from briefing.grounding.inarticle import check_briefing, figures_in

SEED = (Path(__file__).parents[2] / "seeds" / "nato-us-russia-thaw.txt").read_text(encoding="utf-8")


def _claim(statement="A claim.", speaker=None, evidence="Further talks are anticipated.", **kw):
    data = {"statement": statement, "kind": "fact", "evidence": evidence, **kw}
    if speaker is not None:
        data["speaker"] = speaker if isinstance(speaker, dict) else {"name": speaker}
    return Claim.model_validate(data)


def _checked(*claims: Claim) -> Briefing:
    briefing = Briefing(headline="h", summary="s", claims=list(claims))
    return check_briefing(briefing, SEED)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jamie Shea", True),
        ("Dr. Jamie Shea", True),  # the surname is enough
        ("Vladimir Putin", True),
        ("the Kremlin", False),
        ("Emmanuel Macron", False),
        ("Moscow", True),
        ("a senior Pentagon official", True),  # 'officials' occurs: the description's noun
        ("unnamed NATO diplomats", True),
        ("an unnamed EU diplomat", True),
        ("Pentagon spokesmen", False),
    ],
)
def test_speaker_in_article(name, expected):
    b = _checked(_claim(speaker={"name": name, "anonymous": "unnamed" in name}))
    assert b.claims[0].check.speaker_in_article is expected


def test_no_speaker_means_no_speaker_check():
    assert _checked(_claim()).claims[0].check.speaker_in_article is None


@pytest.mark.parametrize(
    ("statement", "figures"),
    [
        ("Trump wants NATO members to spend 5% of GDP.", {"5%": True}),
        ("Trump wants NATO members to spend 5 percent of GDP.", {"5 percent": True}),
        ("Trump wants five per cent of GDP.", {"five per cent": True}),
        ("Trump wants to more than double the target.", {"more than double": True}),
        ("The conflict escalated in 2022.", {"2022": True}),
        ("Trump wants 10% of GDP.", {"10%": False}),
        ("The US will cut $1.2 billion in aid.", {"$1.2 billion": False}),
        ("Three diplomats spoke to AFP in 2023.", {"Three": False, "2023": False}),
        ("Talks are anticipated.", {}),
    ],
)
def test_figures(statement, figures):
    check = _checked(_claim(statement)).claims[0].check
    assert {f.figure: f.in_article for f in check.figures} == figures
    assert check.added_figures == [f for f, ok in figures.items() if not ok]


def test_figure_forms_are_equivalent():
    values = {(v, u) for _, v, u in figures_in("5%, 5 percent, five per cent, 5 per cent")}
    assert values == {(5.0, "%")}
    assert figures_in("$1,200 million")[0][1] == figures_in("1.2 billion dollars")[0][1] == 1.2e9
    assert figures_in("twenty-five")[0][1] == 25
    assert figures_in("doubling")[0][1:] == (2.0, "x")
    assert figures_in("G7 and COVID-19") == [("19", 19.0, "")]


def test_summary_counts_and_untrusted():
    extracted = ExtractedBriefing.model_validate(
        {
            "headline": "h",
            "summary": "s",
            "claims": [
                # 0: exact, speaker in the article, figure in the article
                {"statement": "Trump demands 5% of GDP.", "kind": "demand",
                 "speaker": {"name": "Donald Trump"},
                 "evidence": "influenced by Trump’s demand to more than double NATO’s spending "
                             "target to 5% of GDP"},
                # 1: normalized but with an added figure
                {"statement": "Three diplomats worry.", "kind": "fact",
                 "evidence": "further talks are anticipated"},
                # 2: fuzzy
                {"statement": "Diplomats worry.", "kind": "fact",
                 "evidence": "European NATO members are worried that Washington’s better "
                             "relations with Moscow"},
                # 3: not found
                {"statement": "NATO dissolves.", "kind": "prediction",
                 "evidence": "NATO will dissolve itself by next spring, officials confirmed."},
                # 4: exact, but the speaker is not in the article
                {"statement": "Talks go on.", "kind": "fact", "speaker": {"name": "Olaf Scholz"},
                 "evidence": "Further talks are anticipated."},
            ],
            "disputes": [
                {"assertion": "Russia intends to attack NATO.",
                 "positions": [
                     {"party": "NATO member states", "stance": "asserts",
                      "evidence": "claims by NATO member states that it intends to attack"},
                     {"party": "Putin", "stance": "denies", "evidence": '"complete nonsense"'},
                 ]},
            ],
        }
    )
    b = check_briefing(ground_briefing(extracted, SEED), SEED)
    assert [c.grounding for c in b.claims] == ["exact", "normalized", "fuzzy", "not_found", "exact"]
    assert b.grounding_summary.counts == {"exact": 3, "normalized": 2, "fuzzy": 1, "not_found": 1}
    assert b.grounding_summary.untrusted == [1, 2, 3, 4]
    assert b.claims[0].check.speaker_in_article is True
    assert b.claims[4].check.speaker_in_article is False


def test_check_briefing_returns_a_copy():
    original = Briefing(headline="h", summary="s", claims=[_claim("5% of GDP")])
    checked = check_briefing(original, SEED)
    assert original.claims[0].check is None and original.grounding_summary is None
    assert checked.claims[0].check is not None and checked.grounding_summary is not None
