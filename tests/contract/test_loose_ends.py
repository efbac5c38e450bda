"""Loose ends: a Briefing keeps its Article's url and date; one stop-word list, one scale-word table
and one grounding-status type; tests take shared helpers from helpers.py, not conftest."""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path
from typing import get_args

import openai
import pytest

from briefing import Article, Briefer, brief_offline
from briefing.core.models import STATUS_LABEL, GroundingStatus
from briefing.grounding import aligner as grounding
from briefing.grounding import inarticle as checks
from briefing.llm.retry import RetryPolicy
from briefing.offline.figures import find_figures
from briefing.render.terminal import STATUS_STYLE
from briefing.testing.responder import Responder, load_answers
from briefing.text.fold import STOPWORDS
from helpers import ANSWERS, REPLAY_KEY, SEED

SRC = Path(__file__).resolve().parents[2] / "src" / "briefing"
TESTS = Path(__file__).resolve().parents[1]
GOOD = load_answers(ANSWERS / "seed_article.json")[0]
ARTICLE = Article(text=SEED.read_text(encoding="utf-8"), id="nato", url="https://example.org/nato-thaw",
                  published="2025-03-06")
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def test_the_offline_briefing_keeps_url_and_published():
    briefing = brief_offline(ARTICLE)
    assert (briefing.article, briefing.url, briefing.published) == ("nato", ARTICLE.url, "2025-03-06")
    assert briefing.model_dump(mode="json")["url"] == ARTICLE.url


def test_the_model_briefing_and_a_cached_copy_keep_their_own_article_url(tmp_path):
    with Responder(lambda request, n: GOOD) as server:
        client = openai.OpenAI(api_key=REPLAY_KEY, base_url=server.base_url)
        briefer = Briefer(model="gpt-4o-mini", client=client, cache=tmp_path, retry_policy=RetryPolicy(max_attempts=1))
        first = briefer.brief(ARTICLE)
        moved = ARTICLE.model_copy(update={"id": "mirror", "url": "https://mirror.example/x", "published": None})
        again = briefer.brief(moved)
    assert (first.url, first.published) == (ARTICLE.url, "2025-03-06")
    assert again.cached and (again.article, again.url, again.published) == ("mirror", "https://mirror.example/x", None)


def test_one_stop_word_list():
    assert import_module("briefing.offline.summary").STOPWORDS is STOPWORDS
    defined = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
               if re.search(r"^_?STOP_?WORDS\s*=", p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert defined == ["text/fold.py"]


@pytest.mark.parametrize("word", sorted(checks.SCALES))
def test_every_scale_word_the_checks_know_is_a_figure_offline(word):
    text = f"The programme will cost 4 {word} dollars over ten years."
    found = [text[f.start:f.end] for f in find_figures(text, 0, len(text))]
    assert any(f"4 {word}" in figure for figure in found), found


def test_one_grounding_status_type():
    statuses = set(get_args(GroundingStatus))
    assert statuses == {"exact", "normalized", "fuzzy", "not_found"}
    assert grounding.Status is GroundingStatus
    assert set(STATUS_LABEL) == set(STATUS_STYLE) == statuses
    assert set(checks._STATUSES) == statuses
    literals = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
                if re.search(r"Literal\[\s*\"exact\"", p.read_text(encoding="utf-8"))]
    assert literals == ["core/models.py"]


def test_tests_import_helpers_not_conftest():
    offenders = [p.name for p in TESTS.rglob("*.py")
                 if re.search(r"^\s*(from conftest import|import conftest|from test_\w+ import)",
                              p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert offenders == []
