"""The HTML view: escaped text, every located excerpt marked at its place, numbered like its claim."""

from __future__ import annotations

import re

from briefing import Article, Briefing, Claim, Span, brief_offline
from briefing.render.html import segments, to_html
from helpers import SEED


def test_segments_cover_the_text_and_know_their_claims():
    spans = [(1, Span(start=0, end=5)), (2, Span(start=3, end=8))]
    runs = segments("abcdefghij", spans)

    assert "".join(r.text for r in runs) == "abcdefghij"
    assert [(r.text, r.claims, r.ends) for r in runs] == [
        ("abc", (1,), ()), ("de", (1, 2), (1,)), ("fgh", (2,), (2,)), ("ij", (), ())]


def test_article_marks_match_the_spans():
    text = SEED.read_text(encoding="utf-8")
    briefing = brief_offline(Article(text=text, id="seed"))
    page = to_html(briefing, text, full_page=True)

    assert page.lstrip().startswith("<!DOCTYPE html>")
    located = [c for c in briefing.claims if c.span]
    for number, claim in enumerate(briefing.claims, 1):
        if claim.span:
            assert re.search(rf'<sup class="n">[^<]*(<a [^>]*>[^<]*</a>,)*<a href="#claim-{number}"[^>]*>{number}</a>', page)
            assert f'<a class="ctx" href="#ev-{number}">' in page and f'<span class="at" id="ev-{number}"></span>' in page
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.DOTALL)
    assert len(located) > 5 and marked
    assert "We always knew that the moment would come" in "".join(marked)


def test_model_text_is_escaped():
    claim = Claim(statement="<script>alert(1)</script>", kind="fact", evidence="a & b", grounding="not_found")
    html = Briefing(headline="<b>x</b>", summary="s", claims=[claim])._repr_html_()

    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "NOT FOUND" in html


def test_differences_are_shown_side_by_side_and_escaped():
    from briefing.core.models import ExtractedBriefing
    from briefing.grounding.aligner import ground_briefing

    text = "Mayor Ana Ruiz said the council will raise taxes on the <b>middle</b> class next year."
    extracted = ExtractedBriefing(headline="h", summary="s", claims=[
        {"statement": "s", "kind": "fact",
         "evidence": "the council will raise levies on the <b>middle</b> class next year"},
        {"statement": "s", "kind": "fact",
         "evidence": "the council will not raise taxes on the <b>middle</b> class next year"}])
    html = to_html(ground_briefing(extracted, text), text)
    assert '<td class="wrote fuzzy">levies</td><td class="says">taxes</td>' in html
    assert '<td class="wrote not_found">will not</td><td class="says">will</td>' in html
    assert "Not located: the article says otherwise at" in html
    assert "<b>middle</b>" not in html
