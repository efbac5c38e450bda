"""Offline attribution that reads like a reporter (issue 19): continuation and multi-paragraph
quotes, pronoun speakers, speaker phrases that end where the name ends, nested attribution,
speaker names merged within an article, and no fragments. Every sentence here is written for the
test; each rule has its adversarial partner beside it."""

from __future__ import annotations

from briefing.core.models import Article
from briefing.offline import brief_offline
from briefing.text.marks import find_quotes


def claims(text: str) -> list[tuple[str | None, str]]:
    """(speaker name or None, evidence) of every claim, in article order."""
    briefing = brief_offline(Article(text=text))
    return [(c.speaker.name if c.speaker else None, c.evidence) for c in briefing.claims]


# Multi-paragraph quotations -------------------------------------------------------------------

def test_a_quotation_over_paragraphs_is_one_claim_with_the_speaker_named_at_its_end():
    text = ("“We have waited for years for this bridge to open to traffic.\n\n"
            "“Now it is here and the whole valley will use it every day,” said Ana Ruiz, the mayor.\n")
    assert claims(text) == [("Ana Ruiz", "We have waited for years for this bridge to open to "
                             "traffic.\n\n“Now it is here and the whole valley will use it every day")]


def test_a_quotation_over_paragraphs_takes_the_speaker_named_at_its_start():
    text = ("Lena Okafor said: “We have waited for years for this bridge to open.\n\n"
            "“Now it is here and the whole valley will use it every day.”\n")
    [(name, evidence)] = claims(text)
    assert name == "Lena Okafor" and evidence.endswith("every day.")


def test_a_stray_mark_of_another_kind_does_not_run_on():
    # a typed mark left open, then a typeset quotation: two things, not one quotation
    text = ('"The council met for three hours on Monday night.\n\n'
            "“We will rebuild the school before winter comes,” said Ana Ruiz, the mayor.\n")
    quotes = find_quotes(text)
    assert [q.runs_on for q in quotes] == [False]
    assert claims(text) == [("Ana Ruiz", "We will rebuild the school before winter comes")]
