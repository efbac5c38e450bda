"""Authored cassettes answer as the OpenAI API does: every 200 chat completion carries the key's
``x-ratelimit-*`` headers (issue 18, item 20), so that replays exercise the pacer's header learning.
The live llama.cpp recordings are the server's own and carry none (llama.cpp sends no such headers)."""

import pytest
import yaml

from helpers import CASSETTES

LIVE_FOLDERS = {"test_local_server_cassettes"}
LIMIT_HEADERS = ("x-ratelimit-limit-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-requests",
                 "x-ratelimit-remaining-tokens", "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens")


def _chat_answers(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for interaction in data["interactions"]:
        request, response = interaction["request"], interaction["response"]
        if request["uri"].endswith("/chat/completions"):
            yield response


AUTHORED = sorted(p for p in CASSETTES.rglob("*.yaml") if p.parent.name not in LIVE_FOLDERS)


@pytest.mark.parametrize("path", AUTHORED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_authored_answer_carries_rate_limit_headers(path):
    answers = list(_chat_answers(path))
    for response in answers:
        headers = {name.lower(): value for name, value in response["headers"].items()}
        if response["status"]["code"] != 200:
            continue  # a fault keeps its own authored headers (a 429's retry-after-ms)
        assert all(name in headers for name in LIMIT_HEADERS), f"{path.name}: a 200 without x-ratelimit-* headers"
        limit, left = int(headers["x-ratelimit-limit-requests"][0]), int(headers["x-ratelimit-remaining-requests"][0])
        assert 0 <= left < limit


def test_the_remaining_requests_count_down_within_a_cassette():
    path = CASSETTES / "test_faults" / "test_500_then_503_then_ok_completes.yaml"
    lefts = [int(r["headers"]["x-ratelimit-remaining-requests"][0]) for r in _chat_answers(path)
             if r["status"]["code"] == 200]
    assert lefts == [9997]  # the third request of the cassette was the first answered


def test_the_live_recordings_stay_as_the_server_sent_them():
    for path in (CASSETTES / "test_local_server_cassettes").glob("*.yaml"):
        for response in _chat_answers(path):
            assert not any(name.lower().startswith("x-ratelimit-") for name in response["headers"])
