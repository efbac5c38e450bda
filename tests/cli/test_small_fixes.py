"""Small crashes and hangs (issue 18, item 12): a superscript digit in ``.ann`` offsets, ``daily``
over plain strings, and a ``--tpm`` smaller than one request."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from briefing import InputError, daily
from briefing.cli.app import app
from briefing.evaluation.annotations import read_brat
from briefing.llm.pacing import Pacer
from briefing.testing.responder import Responder, load_answers
from daily_fixtures import QUAKE_A1, QUAKE_B1
from helpers import ANSWERS, REPLAY_KEY, SEED

runner = CliRunner()
GOOD = load_answers(ANSWERS / "seed_article.json")[0]


@pytest.mark.parametrize("offsets", ["0 5\u00b2", "\u00b9 5", "0 \u0663", "0 5;6 \u2077"])
def test_non_ascii_digits_in_ann_offsets_are_an_annotation_error(tmp_path, offsets):
    ann = tmp_path / "a.ann"
    ann.write_text(f"T1\tSource {offsets}\tHello\n", encoding="utf-8")
    with pytest.raises(InputError, match="are not 'START END' pairs") as caught:
        read_brat(ann, "Hello world, said Ann.")
    assert caught.value.reason == "annotation"


def test_daily_accepts_plain_strings_as_check_does():
    day = daily([QUAKE_A1, QUAKE_B1, QUAKE_A1.replace("Ridgecrest", "Ridgecrest town")])
    assert [s.id for s in day.sources] == ["article-1", "article-2", "article-3"]
    assert day.stories and not day.failures


def test_daily_names_a_bad_string_as_its_failure():
    day = daily([QUAKE_A1, "   "])
    assert len(day.sources) == 1 and len(day.failures) == 1 and "article-2" in day.failures[0]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("command", [["brief"], ["daily"]])
def test_a_tpm_smaller_than_one_request_is_one_line_before_any_request(monkeypatch, command):
    reserve = Pacer.reserve

    def no_long_sleep(self, tokens):
        ticket = reserve(self, tokens)
        assert ticket.send_at - self._clock() < 5, "the run would sleep for minutes"
        return ticket

    monkeypatch.setattr(Pacer, "reserve", no_long_sleep)
    with Responder(lambda request, n: GOOD) as server:
        monkeypatch.setenv("OPENAI_API_KEY", REPLAY_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("BRIEFING_MODEL", raising=False)
        monkeypatch.delenv("BRIEFING_CACHE", raising=False)
        started = time.monotonic()
        result = runner.invoke(app, [*command, str(SEED), "--tpm", "50", "--retries", "0"])
    assert time.monotonic() - started < 10
    assert server.requests == []
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: --tpm 50 is smaller than one request") and "at least" in line
