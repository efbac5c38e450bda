"""Benchmark the offline extractor's attributions against PolNeAR-format annotations.

Usage: python benchmarks/attribution.py [--data PATH] [--split dev] [--split-half] [--scaling]

PATH is a folder with text/ and attributions/ (default: ../shared/data/polnear-dev relative to
the repository root) or a checkout of the public PolNeAR repository (data/<split>/...). Each
predicted claim's evidence span is matched one-to-one against the annotated Content spans at
IoU >= 0.5 (character sets, so discontinuous spans count exactly). Speaker accuracy is measured
on matched pairs whose annotated Source is a mention other than a pronoun: the predicted speaker
is correct when its name shares a word with the Source text. The baseline takes every quoted
passage as a claim. Exits 0 with a message when the data is absent.

``--split-half`` also reports the two fixed halves of the articles sorted by file name (A: even
positions, B: odd positions; both mix all publishers), so a rule can be developed on one half and
confirmed on the other before it is kept.

``--scaling`` (needs no data) times the extractor on the seed article repeated to 100 KB, 1 MB and
5 MB (the input limit is 10 MB), with the cost per MB as a ratio of the 100 KB run's: a ratio near
1 means the work grows linearly. Target: 5 MB in under 30 s. Wall and CPU seconds are both shown,
since a busy machine stretches the first.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.models import Article
from briefing.offline import brief_offline
from briefing.offline.marks import find_quotes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-dev"
SEED = REPO / "seeds" / "nato-us-russia-thaw.txt"
SCALING_SIZES = (100_000, 1_000_000, 5_000_000)
IOU = 0.5
PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their "
                     "who whom whose which".split())  # relative pronouns are pronouns too
FUNCTION_WORDS = frozenset("the a an of and for at in on to".split())


@dataclass
class Gold:
    content: frozenset[int]
    source: str | None


@dataclass
class Predicted:
    chars: frozenset[int]
    speaker: str | None


def _chars(ranges: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end))


def read_ann(path: Path) -> list[Gold]:
    """Attributions of one brat .ann file: Content spans with their Source text (if any)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            ranges = [tuple(map(int, part.split())) for part in offsets.split(";")]
            spans[fields[0]] = (label, ranges, fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    gold = []
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        source = spans.get(event.get("Source", ""))
        gold.append(Gold(_chars(spans[event["Content"]][1]), source[2] if source else None))
    return gold


def find_data(path: Path, split: str) -> Path | None:
    """The folder holding text/ and attributions/, given it or a PolNeAR checkout."""
    for candidate in (path, path / "data" / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    return None


def load(folder: Path) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) per article; the first .ann file when an article has two."""
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for text_file in sorted((folder / "text").glob("*.txt")):
        if (ann := annotations.get(text_file.stem)) is not None:
            articles.append((text_file.stem, text_file.read_text(encoding="utf-8"), read_ann(ann)))
    return articles


def _words(text: str) -> set[str]:
    return {w.lower().removesuffix("’s").removesuffix("'s")
            for w in re.findall(r"[\w’'.-]+", text)} - FUNCTION_WORDS - PRONOUNS


def is_named(source: str | None) -> bool:
    return source is not None and bool(_words(source))


def match(predicted: list[Predicted], gold: list[Gold]) -> list[tuple[Predicted, Gold]]:
    """One-to-one pairs with IoU >= 0.5, best pairs first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            inter = len(p.chars & g.content)
            if inter and inter / len(p.chars | g.content) >= IOU:
                candidates.append((inter / len(p.chars | g.content), i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    named: int = 0
    speaker_ok: int = 0
    seconds: float = 0.0

    def add(self, predicted: list[Predicted], gold: list[Gold]) -> None:
        pairs = match(predicted, gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.matched += len(pairs)
        for p, g in pairs:
            if is_named(g.source):
                self.named += 1
                self.speaker_ok += bool(p.speaker and _words(p.speaker) & _words(g.source or ""))

    def row(self, name: str, articles: int, speakers: bool) -> str:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = f"{self.speaker_ok / self.named:.3f} ({self.speaker_ok}/{self.named})" \
            if speakers and self.named else "n/a"
        ms = f"{1000 * self.seconds / articles:.2f}" if self.seconds else "-"
        return (f"{name:<28} {self.predicted:>5} {self.matched:>5} {precision:>6.3f} {recall:>6.3f} "
                f"{f1:>6.3f}  {accuracy:<18} {ms:>6}")


def evaluate(articles: list[tuple[str, str, list[Gold]]]) -> tuple[Score, Score, Score]:
    """Score the offline extractor (attributed claims, all claims) and the quote baseline."""
    offline, attributed, baseline = Score(), Score(), Score()
    for _, text, gold in articles:
        started = time.perf_counter()
        briefing = brief_offline(Article(text=text))
        offline.seconds += time.perf_counter() - started
        claims = [(c, frozenset(range(c.span.start, c.span.end))) for c in briefing.claims if c.span]
        attributed.add([Predicted(chars, c.speaker.name) for c, chars in claims if c.speaker], gold)
        offline.add([Predicted(chars, c.speaker.name if c.speaker else None) for c, chars in claims],
                    gold)
        started = time.perf_counter()
        quotes = [Predicted(frozenset(range(q.open, q.close)), None) for q in find_quotes(text)]
        baseline.seconds += time.perf_counter() - started
        baseline.add(quotes, gold)
    attributed.seconds = offline.seconds
    return attributed, offline, baseline


def report(title: str, articles: list[tuple[str, str, list[Gold]]]) -> None:
    attributed, offline, baseline = evaluate(articles)
    print(f"{title}: {len(articles)} articles, "
          f"{attributed.gold} annotated attributions, match at IoU >= {IOU}")
    print(f"{'extractor':<28} {'pred':>5} {'match':>5} {'prec':>6} {'rec':>6} {'F1':>6}  "
          f"{'speaker acc (named)':<18} {'ms/art':>6}")
    print(attributed.row("offline (attributed claims)", len(articles), speakers=True))
    print(offline.row("offline (all claims)", len(articles), speakers=True))
    print(baseline.row("baseline: every quote", len(articles), speakers=False))


def repeated_seed(size: int) -> str:
    """The seed article repeated (paragraph-separated) and cut to ``size`` characters."""
    seed = SEED.read_text(encoding="utf-8").strip() + "\n\n"
    return (seed * (size // len(seed) + 1))[:size]


def scaling(sizes: tuple[int, ...] = SCALING_SIZES) -> None:
    """Print the size-scaling table: seconds per article size, and per MB against the smallest."""
    brief_offline(Article(text=repeated_seed(10_000)))  # warm the regex caches
    print(f"Offline extractor on the seed article repeated ({SEED.name})")
    print(f"{'size':>9} {'claims':>7} {'wall s':>8} {'cpu s':>8} {'s/MB':>7} {'vs first':>9}")
    baseline = None
    for size in sizes:
        text = repeated_seed(size)
        wall, cpu = time.perf_counter(), time.process_time()
        briefing = brief_offline(Article(text=text))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        per_mb = cpu / (size / 1e6)
        baseline = baseline or per_mb
        print(f"{size / 1e6:>7.1f}MB {len(briefing.claims):>7} {wall:>8.2f} {cpu:>8.2f} {per_mb:>7.2f} "
              f"{per_mb / baseline:>8.2f}x")
    print("Target: 5 MB in under 30 s; 'vs first' (CPU per MB against the first row) near 1 = linear.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="text/ + attributions/ folder, or a PolNeAR checkout")
    parser.add_argument("--split", default="dev", help="split inside a PolNeAR checkout")
    parser.add_argument("--split-half", action="store_true",
                        help="also report half A (even positions by file name) and half B (odd)")
    parser.add_argument("--scaling", action="store_true",
                        help="only time the seed article repeated to 100 KB, 1 MB and 5 MB (no data needed)")
    args = parser.parse_args(argv)
    if args.scaling:
        scaling()
        return 0
    folder = find_data(args.data, args.split)
    if folder is None:
        print(f"No PolNeAR data at {args.data}; nothing to benchmark (pass --data PATH).")
        return 0
    articles = load(folder)
    brief_offline(Article(text=articles[0][1]))  # warm the regex caches
    report("PolNeAR attribution benchmark", articles)
    if args.split_half:
        report("\nHalf A (even positions)", articles[0::2])
        report("\nHalf B (odd positions)", articles[1::2])
    print("Targets: F1 >= 0.50, speaker accuracy >= 0.85, <= 20 ms per article. "
          "'Attributed claims' leaves out the article's own-voice figure claims (no source).")
    print("Size scaling: python benchmarks/attribution.py --scaling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
