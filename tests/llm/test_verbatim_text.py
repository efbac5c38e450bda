"""Article text reaches the model byte for byte (issue 18, item 1).

instructor renders every message as a Jinja2 template whenever it is given a non-empty
``context``; the library's validation context (the article text for the grounding re-ask) must not
turn article text into a template: ``{{ 7*7 }}`` would reach the model as ``49``, an ``{% if %}``
block would vanish and ``{{ unclosed`` would fail the briefing.
"""

from __future__ import annotations

import json

import openai
import pytest

from briefing import Briefer
from briefing.core.models import Article
from briefing.core.options import BriefingOptions
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
            "A sign read 7*7 and if x odd at the council")  # carries the template's "if": no hedge it lacks

    [request] = server.requests
    user = request["messages"][1]["content"]
    assert f'<passage article="signs">{text}</passage>' in user
    assert verification.verdict == "supported" and verification.evidence[0].evidence == EVIDENCE[:-1]


# Whitespace: instructor dedents every message it templates (``textwrap.dedent`` after rendering),
# which blanks lines of only spaces or tabs and strips an indentation every line shares.
WHITESPACE = ("    An indented first line of the article.\n"
              "   \n"          # spaces only
              "\t\n"           # a tab only
              "\t\tA line indented with tabs.\n"
              " \t \n"         # mixed
              "    The last line, indented, then a blank line of spaces.\n"
              "  ")
WHITESPACE_ANSWER = {"headline": "Indented", "summary": "An indented article.", "disputes": [], "claims": [{
    "statement": "The article has an indented line.", "kind": "fact", "speaker": None,
    "channel": "unattributed", "direct_quote": False, "evidence": "A line indented with tabs."}]}


@pytest.mark.parametrize("mode", ["tools", "json_schema", "md_json"])
def test_whitespace_only_lines_and_indentation_reach_the_model_verbatim(mode):
    with Responder(lambda request, n: {"answer": WHITESPACE_ANSWER}) as server:
        briefer = Briefer(options=BriefingOptions(model="gpt-4o-mini", mode=mode), client=_client(server),
                          retry_policy=RetryPolicy(max_attempts=1))
        briefing = briefer.brief(WHITESPACE, id="indented")

    [request] = server.requests
    user = request["messages"][1]["content"]
    assert f"<article>\n{WHITESPACE}\n</article>" in user
    assert "\n   \n\t\n" in user and "\n \t \n" in user  # the lines of whitespace are not blanked
    [claim] = briefing.claims
    assert claim.grounding == "exact" and WHITESPACE[claim.span.start:claim.span.end] == "A line indented with tabs."


def test_an_article_indented_throughout_is_not_dedented(tmp_path):
    """A prompt that is the article alone: every line shares the indentation dedent would strip."""
    (tmp_path / "system.j2").write_text("Brief the article.", encoding="utf-8")
    (tmp_path / "user.j2").write_text("{{ text }}", encoding="utf-8")
    text = "    Every line is indented.\n    A line indented with spaces follows.\n    \n    The end."
    answer = {**WHITESPACE_ANSWER, "claims": [{**WHITESPACE_ANSWER["claims"][0],
                                               "evidence": "A line indented with spaces follows."}]}
    with Responder(lambda request, n: {"answer": answer}) as server:
        briefer = Briefer(model="gpt-4o-mini", client=_client(server), prompt=tmp_path,
                          retry_policy=RetryPolicy(max_attempts=1))
        briefer.brief(text, id="indented")

    [request] = server.requests
    assert request["messages"][1]["content"] == text  # byte for byte: nothing dedented, nothing dropped
    assert request["messages"][0]["content"] == "Brief the article."


def test_a_message_keeps_its_trailing_line_end(tmp_path):
    """Nothing trims a message either: a prompt that ends with a line end sends it."""
    (tmp_path / "system.j2").write_text("Brief the article.", encoding="utf-8")
    (tmp_path / "user.j2").write_text("{{ text }}", encoding="utf-8")
    text = "A line indented with tabs.\n\n"
    with Responder(lambda request, n: {"answer": WHITESPACE_ANSWER}) as server:
        Briefer(model="gpt-4o-mini", client=_client(server), prompt=tmp_path,
                retry_policy=RetryPolicy(max_attempts=1)).brief(text, id="ends")

    assert server.requests[0]["messages"][1]["content"] == text


def test_the_grounding_reask_still_gets_the_article_text():
    """The validators' context (the article, the re-ask budget) no longer goes through instructor's
    ``context``; the re-ask that names a misquote shows it still arrives."""
    misquote = {**WHITESPACE_ANSWER, "claims": [{**WHITESPACE_ANSWER["claims"][0],
                                                 "evidence": "A line indented with spaces."}]}
    replies = [{"answer": misquote}, {"answer": WHITESPACE_ANSWER}]
    with Responder(lambda request, n: replies[min(n, 1)]) as server:
        briefing = Briefer(model="gpt-4o-mini", client=_client(server),
                           retry_policy=RetryPolicy(max_attempts=1)).brief(WHITESPACE, id="indented")

    assert len(server.requests) == 2
    reask = json.dumps(server.requests[1]["messages"][2:])
    assert "A line indented with spaces." in reask and "do not occur in the article" in reask
    assert briefing.claims[0].grounding == "exact"
