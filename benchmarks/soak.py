"""Soak run: brief many articles through a flaky local OpenAI-compatible server and count the cost.

A ``briefing.testing.responder.Responder`` on loopback answers each request with the authored answer for the
article it was sent, except that a seeded 10% of requests get a fault instead: a 429 (with a small
``retry-after-ms``), a 500, a 503, or a reply slower than the retry policy's timeout. The articles
are briefed concurrently with ``Briefer.abrief`` under a semaphore, with the library's own retry
policy (fast but realistic bounds). Targets: every briefing completes, and the requests sent stay
within 1.3x the articles. Exits 1 when a target is missed.

    python benchmarks/soak.py                      # 200 articles, 10% faults, 16 at a time
    python benchmarks/soak.py --articles 1000 --fault-rate 0.2 --concurrency 32 --seed 7

The articles are short synthetic news items written for this script (not from any corpus), each
with a hand-written answer whose evidence is copied verbatim from it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sys
import threading
import time
from collections import Counter
from typing import Any

from briefing import Briefer, BriefingError
from briefing.llm.retry import RetryPolicy
from briefing.testing.responder import Responder

TIMEOUT = 0.5  # seconds; a "slow" fault answers after SLOW_DELAY, well past it
SLOW_DELAY = 0.8
TARGET_RATIO = 1.3


def _claim(statement: str, kind: str, evidence: str, speaker: dict | None = None,
           channel: str = "unattributed", direct_quote: bool = False) -> dict[str, Any]:
    return {"statement": statement, "kind": kind, "speaker": speaker, "channel": channel,
            "direct_quote": direct_quote, "evidence": evidence}


def _person(name: str, role: str | None = None, anonymous: bool = False, via: str | None = None) -> dict:
    return {"name": name, "role": role, "anonymous": anonymous, "via": via}


def _dispute(assertion: str, *positions: tuple[str, str, str]) -> dict[str, Any]:
    """A dispute from ``(party, stance, evidence)`` positions."""
    return {"assertion": assertion, "positions": [
        {"party": party, "stance": stance, "evidence": evidence} for party, stance, evidence in positions]}


ARTICLES: dict[str, tuple[str, dict[str, Any]]] = {
    "harbour-bridge": (
        (
            "The Harbour Bridge will close to cars for six weeks from 3 March while engineers replace "
            "its expansion joints, the city council said on Monday.\n\n"
            "“We will keep one lane open for buses and bicycles throughout,” said transport "
            "councillor Mira Osei.\n\n"
            "Local traders fear the closure will cut footfall. A spokesperson for the Harbour Traders’ "
            "Association said the council had ignored its request to delay the work until autumn.\n\n"
            "The council denied that claim, saying it had met the association twice since January.\n"
        ),
        {
            "headline": "Harbour Bridge to close to cars for six weeks of repairs",
            "summary": "The council will close the Harbour Bridge to cars from 3 March for joint "
                       "repairs, keeping a lane for buses and bicycles; traders say their request "
                       "for a delay was ignored, which the council denies.",
            "claims": [
                _claim("The Harbour Bridge will close to cars for six weeks from 3 March.", "fact",
                       "The Harbour Bridge will close to cars for six weeks from 3 March while "
                       "engineers replace its expansion joints",
                       _person("the city council"), "on_record"),
                _claim("One lane will stay open for buses and bicycles.", "prediction",
                       "We will keep one lane open for buses and bicycles throughout",
                       _person("Mira Osei", "transport councillor"), "on_record", True),
                _claim("The traders' association says the council ignored its request to delay.",
                       "accusation",
                       "the council had ignored its request to delay the work until autumn",
                       _person("A spokesperson for the Harbour Traders’ Association", None, True),
                       "on_record"),
                _claim("The council denies ignoring the traders.", "denial",
                       "The council denied that claim, saying it had met the association twice "
                       "since January", _person("The council"), "on_record"),
            ],
            "disputes": [_dispute(
                "The council ignored the traders' request to delay the work.",
                ("Harbour Traders’ Association", "asserts",
                 "the council had ignored its request to delay the work until autumn"),
                ("The council", "denies", "The council denied that claim"),
            )],
        },
    ),
    "wheat-harvest": (
        (
            "Farmers in the northern plains expect the smallest wheat harvest in a decade after a dry "
            "spring, the agriculture ministry said in a report published on Thursday.\n\n"
            "The report puts the crop at 4.1 million tonnes, down 18% on last year.\n\n"
            "“Prices for bread will rise before the summer is out,” said economist Tomas Lind of the "
            "Northern Institute.\n\n"
            "A ministry official, speaking on condition of anonymity, said emergency imports were "
            "not being considered.\n"
        ),
        {
            "headline": "Dry spring set to bring smallest wheat harvest in a decade",
            "summary": "The agriculture ministry expects a 4.1-million-tonne wheat crop, 18% less "
                       "than last year; an economist predicts dearer bread, and an official says "
                       "emergency imports are not planned.",
            "claims": [
                _claim("The northern plains expect their smallest wheat harvest in a decade.",
                       "prediction",
                       "Farmers in the northern plains expect the smallest wheat harvest in a decade",
                       _person("the agriculture ministry"), "document"),
                _claim("The crop is put at 4.1 million tonnes, 18% less than last year.", "fact",
                       "The report puts the crop at 4.1 million tonnes, down 18% on last year",
                       _person("the agriculture ministry"), "document"),
                _claim("Bread prices will rise before the end of summer.", "prediction",
                       "Prices for bread will rise before the summer is out",
                       _person("Tomas Lind", "economist, Northern Institute"), "on_record", True),
                _claim("Emergency imports are not being considered.", "denial",
                       "emergency imports were not being considered",
                       _person("A ministry official", None, True), "on_record"),
            ],
            "disputes": [],
        },
    ),
    "school-phones": (
        (
            "Secondary schools in the region will ban mobile phones during lessons from September, "
            "the education board announced on Tuesday.\n\n"
            "Board chair Elena Ruiz said: “Pupils learn better when they are not checking their "
            "screens every few minutes.”\n\n"
            "The pupils’ union called the ban “a punishment for everyone” and said it would "
            "campaign against it.\n\n"
            "A survey by the board found that 62% of teachers supported the measure.\n"
        ),
        {
            "headline": "Regional schools to ban phones in lessons from September",
            "summary": "The education board will ban phones in secondary-school lessons from "
                       "September, citing learning and teacher support; the pupils' union opposes it.",
            "claims": [
                _claim("Secondary schools will ban phones during lessons from September.", "fact",
                       "Secondary schools in the region will ban mobile phones during lessons from September",
                       _person("the education board"), "on_record"),
                _claim("Pupils learn better without checking screens.", "opinion",
                       "Pupils learn better when they are not checking their screens every few minutes.",
                       _person("Elena Ruiz", "Board chair"), "on_record", True),
                _claim("The pupils' union calls the ban a punishment for everyone.", "opinion",
                       "a punishment for everyone",
                       _person("The pupils’ union"), "on_record", True),
                _claim("62% of teachers support the measure.", "fact",
                       "62% of teachers supported the measure",
                       _person("the board"), "document"),
            ],
            "disputes": [_dispute(
                "The phone ban is good for pupils.",
                ("Elena Ruiz", "asserts",
                 "Pupils learn better when they are not checking their screens every few minutes."),
                ("The pupils’ union", "denies", "a punishment for everyone"),
            )],
        },
    ),
    "river-survey": (
        (
            "Otters have returned to the River Calder for the first time in forty years, according to "
            "a survey by the Calder Wildlife Trust.\n\n"
            "Volunteers recorded otter tracks at eleven sites along the upper river last autumn.\n\n"
            "“Cleaner water has made this possible,” said trust ecologist Sam Patel, who led the "
            "survey.\n\n"
            "The water company said its new treatment works had cut discharges into the river by "
            "half since 2019.\n"
        ),
        {
            "headline": "Otters back on the River Calder after forty years",
            "summary": "A wildlife trust survey found otter tracks at eleven sites on the upper "
                       "Calder; its ecologist credits cleaner water, and the water company says "
                       "discharges have halved since 2019.",
            "claims": [
                _claim("Otters have returned to the River Calder for the first time in forty years.",
                       "fact",
                       "Otters have returned to the River Calder for the first time in forty years",
                       _person("the Calder Wildlife Trust"), "document"),
                _claim("Volunteers found otter tracks at eleven sites last autumn.", "fact",
                       "Volunteers recorded otter tracks at eleven sites along the upper river last autumn"),
                _claim("Cleaner water made the otters' return possible.", "opinion",
                       "Cleaner water has made this possible",
                       _person("Sam Patel", "trust ecologist"), "on_record", True),
                _claim("Discharges into the river have halved since 2019.", "fact",
                       "its new treatment works had cut discharges into the river by half since 2019",
                       _person("The water company"), "on_record"),
            ],
            "disputes": [],
        },
    ),
}


class FlakyServer:
    """A reply script for ``Responder``: the article's answer, or (seeded, ``rate`` of the time) a fault."""

    KINDS = ("429", "500", "503", "slow")

    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self.rng = random.Random(seed)
        self.faults: Counter[str] = Counter()
        self.answers = 0

    def __call__(self, request: dict[str, Any], seq: int) -> dict[str, Any]:  # Responder holds its lock
        if self.rng.random() < self.rate:
            kind = self.rng.choice(self.KINDS)
            self.faults[kind] += 1
            return self._fault(kind)
        user = request["messages"][-1]["content"]
        for text, answer in ARTICLES.values():
            if text.strip() in user:
                self.answers += 1
                return {"answer": answer}
        return {"status": 400, "error": {"message": "soak: request for an unknown article",
                                         "type": "invalid_request_error", "param": None, "code": None}}

    def _fault(self, kind: str) -> dict[str, Any]:
        if kind == "slow":
            return {"delay": SLOW_DELAY, "answer": {}}
        if kind == "429":
            wait_ms = self.rng.randint(10, 100)
            return {"status": 429, "headers": {"retry-after-ms": wait_ms}, "error": {
                "message": f"Rate limit reached for requests. Please try again in {wait_ms}ms.",
                "type": "requests", "param": None, "code": "rate_limit_exceeded"}}
        message = ("The server had an error while processing your request." if kind == "500"
                   else "The engine is currently overloaded, please try again later.")
        return {"status": int(kind), "error": {"message": message, "type": "server_error",
                                               "param": None, "code": "server_error" if kind == "500" else None}}


class RetryCounter(logging.Handler):
    """Counts the client's retries by what failed, from briefing.llm.retry's INFO records."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.kinds: Counter[str] = Counter()
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("retrying in") and record.args:
            with self._guard:
                self.kinds[str(record.args[1])] += 1


async def soak(n: int, concurrency: int, policy: RetryPolicy, base_url: str) -> tuple[list, list]:
    briefer = Briefer(model="gpt-4o-mini", base_url=base_url, api_key="soak-key-not-a-secret",
                      retry_policy=policy)
    names = list(ARTICLES)
    gate = asyncio.Semaphore(concurrency)
    done, failed = [], []

    async def one(i: int) -> None:
        name = names[i % len(names)]
        async with gate:
            try:
                done.append(await briefer.abrief(ARTICLES[name][0], id=f"{name}-{i}"))
            except BriefingError as e:
                failed.append(e)

    await asyncio.gather(*(one(i) for i in range(n)))
    return done, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--fault-rate", type=float, default=0.10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seed", type=int, default=20250301)
    args = parser.parse_args(argv)

    policy = RetryPolicy(max_attempts=4, initial_wait=0.05, max_wait=1.0, max_total_wait=5.0, timeout=TIMEOUT)
    counter = RetryCounter()
    retry_log = logging.getLogger("briefing.llm.retry")
    retry_log.addHandler(counter)
    retry_log.setLevel(logging.INFO)
    script = FlakyServer(args.fault_rate, args.seed)

    started = time.perf_counter()
    with Responder(script) as server:
        done, failed = asyncio.run(soak(args.articles, args.concurrency, policy, server.base_url))
        sent = len(server.requests)
    wall = time.perf_counter() - started

    client_requests = sum(b.usage.requests for b in done)
    exact = sum(c.grounding == "exact" for b in done for c in b.claims)
    claims = sum(len(b.claims) for b in done)
    ratio = sent / args.articles if args.articles else 0.0
    print(f"articles:            {args.articles}  (concurrency {args.concurrency}, fault rate "
          f"{args.fault_rate:.0%}, seed {args.seed}, timeout {policy.timeout}s)")
    print(f"completed:           {len(done)}")
    print(f"failed:              {len(failed)}")
    for e in failed[:5]:
        print(f"  {e}")
    print(f"requests sent:       {sent}  (counted by the briefings: {client_requests})")
    print(f"ratio:               {ratio:.3f}  (target <= {TARGET_RATIO})")
    print(f"faults served:       {dict(sorted(script.faults.items()))}")
    print(f"retries by kind:     {dict(sorted(counter.kinds.items()))}")
    print(f"claims grounded:     {exact}/{claims} exact")
    print(f"wall time:           {wall:.2f}s")

    missed = []
    if len(done) != args.articles:
        missed.append(f"{args.articles - len(done)} briefing(s) did not complete")
    if ratio > TARGET_RATIO:
        missed.append(f"requests/articles {ratio:.3f} > {TARGET_RATIO}")
    for line in missed:
        print(f"TARGET MISSED: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
