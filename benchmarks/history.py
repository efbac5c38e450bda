"""Yesterday against today on ECB+: does ``diff`` continue the right stories across two days, and
tell a new event of the same kind (a second earthquake) from the one it continues?

Reads ``../shared/data/ecbplus-dev`` (or ``--data PATH``) in place, never copied: 24 stories,
two different events of the same kind in each of 12 topics. For each seed, every topic's first
event (in a shuffled order) runs over both days (half its articles on day 1, the other half on
day 2, no article on both: only names and claims can tie them), and its second event is either
new on day 2 or dropped after day 1 (half the topics each). The offline ``daily()`` builds each
day, ``diff`` compares them, and the script prints

- continuing: precision and recall of today's stories marked ``continuing``, against gold (a
  story's gold event is the majority event of its articles; it continues when that event had
  articles on day 1), and how many continuing stories kept the id of a day-1 story of their event;
- new: how many of the stories of new events (the same kind as a continuing one) came out ``new``;
- dropped: precision and recall of ``dropped`` against the day-1 stories whose event is absent on day 2;
- seconds for ``diff`` alone.

    python benchmarks/history.py [--data PATH] [--seeds 3]

These are development figures: the data is for development only.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter
from pathlib import Path

from briefing import Article
from briefing.daily import DailyBriefing, daily, diff

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus-dev"


def load(data: Path) -> tuple[dict[str, Article], dict[str, str], dict[str, str]]:
    """Articles by id, gold event (story) by id, topic by id."""
    rows = list(csv.DictReader((data / "stories.tsv").open(encoding="utf-8"), delimiter="\t"))
    articles = {r["article"]: Article(id=r["article"], text=(data / "text" / f"{r['article']}.txt").read_text(
        encoding="utf-8")) for r in rows}
    return articles, {r["article"]: r["story"] for r in rows}, {r["article"]: r["topic"] for r in rows}


def split(gold: dict[str, str], topic: dict[str, str], seed: int) -> tuple[list[str], list[str]]:
    """Day 1 and day 2 article ids for ``seed`` (see the module docstring)."""
    rng = random.Random(seed)
    one, two = [], []
    for t in sorted(set(topic.values()), key=int):
        events = sorted({gold[a] for a in gold if topic[a] == t})
        rng.shuffle(events)
        running, other = events
        ids = sorted(a for a in gold if gold[a] == running)
        one += ids[: len(ids) // 2]
        two += ids[len(ids) // 2:]
        others = sorted(a for a in gold if gold[a] == other)
        (two if rng.random() < 0.5 else one).extend(others[: max(2, len(others) // 2)])
    return one, two


def majority(story_articles: list[str], gold: dict[str, str]) -> str:
    return Counter(gold[a] for a in story_articles).most_common(1)[0][0]


def score(before: DailyBriefing, after: DailyBriefing, gold: dict[str, str]) -> dict[str, float]:
    """The counts behind the printed figures, for one pair of days."""
    day_one_events = {gold[s.id] for s in before.sources}
    day_two_events = {gold[s.id] for s in after.sources}
    old_event = {s.id: majority(s.articles, gold) for s in before.stories}
    counts: Counter[str] = Counter()
    for s in after.stories:
        event = majority(s.articles, gold)
        truth = event in day_one_events
        said = s.change == "continuing"
        counts["said_continuing"] += said
        counts["gold_continuing"] += truth
        counts["right_continuing"] += said and truth
        counts["kept_right_id"] += said and old_event.get(s.id) == event
        counts["gold_new"] += not truth
        counts["right_new"] += (not truth) and s.change == "new"
    dropped = {d.id for d in after.dropped}
    for s in before.stories:
        truth = old_event[s.id] not in day_two_events
        counts["said_dropped"] += s.id in dropped
        counts["gold_dropped"] += truth
        counts["right_dropped"] += truth and s.id in dropped
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    if not (args.data / "stories.tsv").exists():
        print(f"skipped: no ECB+ data at {args.data} (give --data PATH)")
        return 0
    articles, gold, topic = load(args.data)
    total: Counter[str] = Counter()
    seconds = 0.0
    for seed in range(args.seeds):
        one, two = split(gold, topic, seed)
        before = daily([articles[a] for a in one], date="2026-12-05")
        after = daily([articles[a] for a in two], date="2026-12-06")
        started = time.perf_counter()
        changed = diff(before, after)
        seconds += time.perf_counter() - started
        counts = score(before, changed, gold)
        total += counts
        print(f"seed {seed}: day 1 {len(one)} articles, {len(before.stories)} stories; day 2 {len(two)} articles, "
              f"{len(after.stories)} stories; continuing {counts['right_continuing']}/{counts['said_continuing']} "
              f"right, new {counts['right_new']}/{counts['gold_new']}, dropped {counts['right_dropped']}/"
              f"{counts['said_dropped']} right of {counts['gold_dropped']}")

    def ratio(a: str, b: str) -> float:
        return total[a] / total[b] if total[b] else float("nan")

    print(f"continuing: precision {ratio('right_continuing', 'said_continuing'):.3f}, recall "
          f"{ratio('right_continuing', 'gold_continuing'):.3f}; kept the id of a story of their event: "
          f"{total['kept_right_id']}/{total['said_continuing']}")
    print(f"new events of a continuing kind marked new: {total['right_new']}/{total['gold_new']}")
    print(f"dropped: precision {ratio('right_dropped', 'said_dropped'):.3f}, recall "
          f"{ratio('right_dropped', 'gold_dropped'):.3f}")
    print(f"diff: {seconds / args.seeds:.2f} s per pair of days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
