"""Re-record every cassette test's cassette.

By default each test marked ``@pytest.mark.answers(NAME)`` is served by the local OpenAI-compatible
responder (``briefing.testing.responder``) with the authored answers in ``tests/answers/NAME.json``; the
requests and responses are stored under ``cassettes/`` with the URI rewritten to
``https://api.openai.com/v1`` and secrets filtered.

    python scripts/record_cassettes.py                 # authored answers, no key needed
    python scripts/record_cassettes.py -k seed         # only some tests
    BRIEFING_LIVE=1 OPENAI_API_KEY=sk-... python scripts/record_cassettes.py   # the live API
    BRIEFING_LIVE=1 OPENAI_API_KEY=unused OPENAI_BASE_URL=http://127.0.0.1:8080/v1 \
        python scripts/record_cassettes.py -k local_server      # a local llama.cpp server

Tests marked ``recorded_live`` have no authored answers: only a live recording re-records them.

Live answers differ from authored ones, so tests that assert authored mistakes (a misquote, an
invented quote, a fault) will need their assertions reviewed after a live recording.
"""

from __future__ import annotations

import sys

import pytest

if __name__ == "__main__":
    args = ["-m", "answers or recorded_live", "--record-mode=rewrite", "--allowed-hosts=127.0.0.1,localhost", "-p", "no:cacheprovider"]
    sys.exit(pytest.main(args + sys.argv[1:]))
