"""Article text reaches the model byte for byte (issue 18, item 1).

instructor renders every message as a Jinja2 template whenever it is given a non-empty
``context``; the library's validation context (the article text for the grounding re-ask) must not
turn article text into a template: ``{{ 7*7 }}`` would reach the model as ``49``, an ``{% if %}``
block would vanish and ``{{ unclosed`` would fail the briefing.
"""

from __future__ import annotations

import openai
import pytest

from briefing import Briefer
from briefing.core.models import Article
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder
from briefing.verify.checker import Checker

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

HOSTILE = ("The council met on Tuesday. A sign read {{ 7*7 }} and another {% if x %}odd{% endif %}.\n"
           "Windows line ends stay\r\nas they are.\r\n"  # a Jinja template would make them \n
           "A leaflet said {{ unclosed and {# a comment #} nothing more.\n")
EVIDENCE = "A sign read {{ 7*7 }} and another {% if x %}odd{% endif %}."
ANSWER = {"headline": "Council meets", "summary": "The council met.", "disputes": [], "claims": [{
    "statement": "A sign showed template braces.", "kind": "fact", "speaker": None,
    "channel": "unattributed", "direct_quote": False, "evidence": EVIDENCE}]}


def _client(server: Responder) -> openai.OpenAI:
    return openai.OpenAI(api_key="loopback-key-not-secret", base_url=server.base_url)


def test_braces_in_an_article_reach_the_model_verbatim():
    with Responder(lambda request, n: {"answer": ANSWER}) as server:
        briefer = Briefer(model="gpt-4o-mini", client=_client(server), retry_policy=RetryPolicy(max_attempts=1))
        briefing = briefer.brief(HOSTILE, id="signs")

    [request] = server.requests
    user = request["messages"][1]["content"]
    assert HOSTILE in user
    assert "49" not in user
    [claim] = briefing.claims
    assert claim.grounding == "exact" and HOSTILE[claim.span.start:claim.span.end] == EVIDENCE


def test_braces_in_an_article_reach_the_checker_model_verbatim():
    text = "A sign read {{ 7*7 }} and another {% if x %}odd{% endif %} beside {{ unclosed braces."
    answer = {"verdict": "supported",
              "evidence": [{"article": "signs", "evidence": EVIDENCE[:-1], "stance": "supports"}]}
    with Responder(lambda request, n: {"answer": answer}) as server:
        briefer = Briefer(model="gpt-4o-mini", client=_client(server), retry_policy=RetryPolicy(max_attempts=1))
        verification = Checker([Article(id="signs", text=text)], briefer).check(
            "A sign read 7*7 and odd at the council")

    [request] = server.requests
    user = request["messages"][1]["content"]
    assert f'<passage article="signs">{text}</passage>' in user
    assert verification.verdict == "supported" and verification.evidence[0].evidence == EVIDENCE[:-1]
