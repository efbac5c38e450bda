"""The single-article page: each claim shown once, each located one linked to its marked place in
the article, hostile article text escaped, and a centred column that fits a phone."""

from __future__ import annotations

import re

from briefing import Article, Briefing, Claim, Span, brief_offline
from briefing.core.models import Dispute, Position, Speaker
from briefing.render.html import to_html
from helpers import SEED
from page_fixtures import (
    HOSTILE_TEXT,
    LONG_WORD,
    RTL,
    assert_no_live_markup,
    hostile_spans,
)


def _before_article(page: str) -> str:
    return page.split("<h3>Article</h3>", 1)[0]


def test_each_claim_is_shown_once_above_the_article():
    text = SEED.read_text(encoding="utf-8")
    briefing = brief_offline(Article(text=text, id="seed"))
    page = to_html(briefing, text, full_page=True)
    listed = page.split('<ol class="claims">', 1)[1].split("</ol>", 1)[0]
    for claim in briefing.claims:
        assert listed.count(claim.evidence) == 1, claim.evidence  # "Speaker: evidence" statements are not repeated
    assert page.count("<mark") >= len([c for c in briefing.claims if c.span])


def test_a_statement_that_adds_to_the_evidence_is_shown_too():
    text = "Ana Ruiz said the council will raise taxes next year."
    evidence = "the council will raise taxes next year"
    start = text.index(evidence)
    restated = Claim(statement="Taxes go up in 2027, says the mayor", kind="prediction", evidence=evidence,
                     speaker=Speaker(name="Ana Ruiz"), span=Span(start=start, end=start + len(evidence)),
                     grounding="exact")
    echoed = restated.model_copy(update={"statement": f"Ana Ruiz: {evidence}"})
    shown = _before_article(to_html(Briefing(headline="h", summary="s", claims=[restated]), text))
    hidden = _before_article(to_html(Briefing(headline="h", summary="s", claims=[echoed]), text))
    assert shown != hidden
    assert "Taxes go up in 2027, says the mayor" in shown and shown.count(evidence) == 1
    assert f"Ana Ruiz: {evidence}" not in hidden and hidden.count(evidence) == 1


def test_a_claim_links_to_its_place_only_when_the_span_fits_the_text():
    text = "The bridge closed. Officials said it would reopen in May."
    located = Claim(statement="s", kind="fact", evidence="it would reopen in May",
                    span=Span(start=text.index("it would"), end=len(text) - 1), grounding="exact")
    lost = Claim(statement="s", kind="fact", evidence="it reopens in June", grounding="not_found")
    beyond = Claim(statement="s", kind="fact", evidence="far away", span=Span(start=500, end=508), grounding="exact")
    page = to_html(Briefing(headline="h", summary="s", claims=[located, lost, beyond]), text)
    assert '<a class="ctx" href="#ev-1">' in page and '<span class="at" id="ev-1"></span><mark' in page
    assert 'href="#ev-2"' not in page and 'id="ev-2"' not in page  # not found: nothing to open
    assert 'href="#ev-3"' not in page and 'id="ev-3"' not in page  # a span past the text's end: not marked
    assert re.search(r'<div class="article" dir="auto">The bridge closed\. Officials said '
                     r'<span class="at" id="ev-1"></span><mark title="claim 1">it would reopen in May</mark>'
                     r'<sup class="n"><a href="#claim-1" title="claim 1">1</a></sup>\.</div>', page)
    assert "<h3>Article</h3>" not in to_html(Briefing(headline="h", summary="s", claims=[located]))  # no text given


def test_positions_of_one_dispute_at_the_same_place_get_one_back_link():
    text = "Russia denied it, and so did Putin, and NATO asserted it."
    span = Span(start=0, end=len("Russia denied it"))
    dispute = Dispute(assertion="a", positions=[
        Position(party="Russia", stance="denies", evidence="Russia denied it", span=span, grounding="exact"),
        Position(party="Kremlin", stance="denies", evidence="Russia denied it", span=span, grounding="exact")])
    page = to_html(Briefing(headline="h", summary="s", claims=[], disputes=[dispute]), text)
    assert page.count('href="#dispute-1"') == 1 and '<li id="dispute-1"' in page
    assert 'href="#ev-d1-1"' in page and 'href="#ev-d1-2"' in page  # each position still opens its place


def test_hostile_article_text_is_escaped_and_marked_by_offsets():
    spans = hostile_spans()
    claims = [Claim(statement=f"claim {name}", kind="fact", evidence=HOSTILE_TEXT[s.start:s.end], span=s,
                    grounding="exact") for name, s in spans.items()]
    page = to_html(Briefing(headline="h", summary="s", claims=claims), HOSTILE_TEXT, full_page=True)
    assert_no_live_markup(page)
    article = page.split('<div class="article" dir="auto">', 1)[1]
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", article, re.DOTALL)
    assert len(marked) == 3
    assert marked[1] == LONG_WORD and marked[2] == RTL and marked[0].endswith(" stays.")
    assert re.sub(r"<[^>]+>", "", article.split("</div>", 1)[0]).count("&lt;/mark&gt;") == 1  # the text, once


def test_the_page_is_a_centred_column_that_fits_a_phone():
    page = to_html(Briefing(headline="h", summary="s", claims=[]), "text", full_page=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    style = re.search(r"\.briefing \{([^}]*)\}", page).group(1)
    assert "max-width: 48rem" in style and "margin: 0 auto" in style and "overflow-wrap: anywhere" in style
    assert "<table>" not in page  # no wide table: disputes are a list
    fragment = to_html(Briefing(headline="h", summary="s", claims=[]))
    assert "<html" not in fragment and "viewport" not in fragment


def test_a_claim_with_parts_marks_only_the_speakers_words_and_numbers_its_last_part():
    text = "“Tom is a visionary,” said Ana Ruiz, a miner. “He stepped in when no one else would.”"
    (claim,) = brief_offline(Article(text=text)).claims
    assert len(claim.parts) == 2
    page = to_html(Briefing(headline="h", summary="s", claims=[claim]), text)
    article = page[page.index('<div class="article"'):]
    assert re.findall(r"<mark[^>]*>(.*?)</mark>", article) == ["Tom is a visionary", "He stepped in when no one else would."]
    assert "said Ana Ruiz" not in "".join(re.findall(r"<mark[^>]*>.*?</mark>", article))
    assert article.count('<sup class="n">') == 1 and article.index("<sup") > article.index("He stepped")
    assert article.count('id="ev-1"') == 1 and 'id="ev-1-2"' in article  # every anchor id is unique
    # partner: a claim in one piece is marked whole
    whole = claim.model_copy(update={"parts": []})
    page = to_html(Briefing(headline="h", summary="s", claims=[whole]), text)
    assert len(re.findall(r"<mark[^>]*>", page[page.index('<div class="article"'):])) == 1
