"""Benchmark the offline extractor's attributions against PolNeAR-format annotations.

Usage: python benchmarks/attribution.py [--data PATH] [--split dev] [--split-half] [--misses A|B]
[--scaling]

PATH is a folder with text/ and attributions/ (default: ../shared/data/polnear-dev relative to
the repository root) or a checkout of the public PolNeAR repository (data/<split>/...). Each
predicted claim's evidence span is matched one-to-one against the annotated Content spans at
IoU >= 0.5 (character sets, so discontinuous spans count exactly). Speaker accuracy is measured
on matched pairs whose annotated Source is a mention other than a pronoun: the predicted speaker
is correct when its name shares a word with the Source text. The baseline takes every quoted
passage as a claim. The scorer and the loader are the library's own (``briefing.evaluation.scorer``,
``briefing.evaluation.annotations``), shared with ``briefing eval``. Exits 0 with a message when the data is absent.

``--split-half`` also reports the two fixed halves of the articles sorted by file name (A: even
positions, B: odd positions; both mix all publishers), so a rule can be developed on one half and
confirmed on the other before it is kept. ``--misses A`` (or ``B``) prints instead each
annotated attribution of that half that no attributed claim matches, with the text around it and
the best overlap a claim reached (0 = no claim near it), for grouping the misses by their cue.

Below each table: the share of the offline extractor's claims a reader would trip on (target 0%):
a pronoun speaker ("he", "she", "they"), a fragment speaker (a phrase that ends in a preposition,
article or conjunction, or runs past a comma: "Police at", "The Associated Press, real estate
records obtained by"), or evidence under 6 words that neither is nor holds a quotation.

``--scaling`` (needs no data) times the extractor on the seed article repeated to 100 KB, 1 MB and
5 MB (the input limit is 10 MB), with the cost per MB as a ratio of the 100 KB run's: a ratio near
1 means the work grows linearly. Target: 5 MB in under 30 s. Wall and CPU seconds are both shown,
since a busy machine stretches the first. Then one sentence of 200 and 800 cued clauses (25 and
100 KB), whose cost per clause should stay flat.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.models import Article, Briefing
from briefing.evaluation.annotations import AnnotatedArticle, find_polnear, load_polnear
from briefing.evaluation.scorer import Predicted, Tally, match, predictions
from briefing.offline import brief_offline
from briefing.text.marks import find_quotes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-dev"
SEED = REPO / "seeds" / "nato-us-russia-thaw.txt"
SCALING_SIZES = (100_000, 1_000_000, 5_000_000)
IOU = 0.5


@dataclass
class Score:
    """One row: the shared scorer's tally and the time the extractor took."""

    tally: Tally = field(default_factory=Tally)
    seconds: float = 0.0

    def row(self, name: str, articles: int, speakers: bool) -> str:
        t = self.tally
        accuracy = f"{t.speaker_right / t.named:.3f} ({t.speaker_right}/{t.named})" \
            if speakers and t.named else "n/a"
        ms = f"{1000 * self.seconds / articles:.2f}" if self.seconds else "-"
        return (f"{name:<28} {t.predicted:>5} {t.matched:>5} {t.precision:>6.3f} {t.recall:>6.3f} "
                f"{t.f1:>6.3f}  {accuracy:<18} {ms:>6}")


PRONOUN_SPEAKERS = frozenset("he she they him her them it we i".split())
FRAGMENT_ENDS = frozenset("of for at by in on to with from the a an and or".split())
MIN_WORDS = 6


@dataclass
class Unreadable:
    """Counts of claims a reader would trip on, over all claims."""

    claims: int = 0
    pronoun: int = 0
    fragment: int = 0
    short: int = 0

    def add(self, briefing: Briefing, text: str) -> None:
        for claim in briefing.claims:
            self.claims += 1
            name = claim.speaker.name if claim.speaker else ""
            words = name.lower().split()
            bare = re.sub(r"[’'](?:d|ll|ve|s|re|m)$", "", name.lower())  # "She'd", "They've" are pronouns too
            self.pronoun += bool(words) and bare in PRONOUN_SPEAKERS
            self.fragment += bool(words) and (words[-1].rstrip(",") in FRAGMENT_ENDS or "," in name)
            quoted = bool(find_quotes(claim.evidence)) or (claim.span is not None and any(
                m in text[max(0, claim.span.start - 2):claim.span.start] for m in "“\"«„"))
            self.short += len(claim.evidence.split()) < MIN_WORDS and not quoted

    def row(self) -> str:
        share = (lambda n: f"{100 * n / self.claims:.1f}%") if self.claims else (lambda n: "n/a")
        return (f"unreadable claims (target 0%): pronoun speaker {share(self.pronoun)} "
                f"({self.pronoun}), fragment speaker {share(self.fragment)} ({self.fragment}), "
                f"under {MIN_WORDS} words {share(self.short)} ({self.short}) of {self.claims} claims")


def evaluate(articles: list[AnnotatedArticle], unreadable: Unreadable | None = None
             ) -> tuple[Score, Score, Score]:
    """Score the offline extractor (attributed claims, all claims) and the quote baseline;
    count the unreadable claims into ``unreadable`` when given."""
    offline, attributed, baseline = Score(), Score(), Score()
    for article in articles:
        started = time.perf_counter()
        briefing = brief_offline(Article(text=article.text))
        offline.seconds += time.perf_counter() - started
        if unreadable is not None:
            unreadable.add(briefing, article.text)
        attributed.tally.add(predictions(briefing), article.gold, iou=IOU)
        offline.tally.add(predictions(briefing, attributed=False), article.gold, iou=IOU)
        started = time.perf_counter()
        quotes = [Predicted(frozenset(range(q.open, q.close)), None) for q in find_quotes(article.text)]
        baseline.seconds += time.perf_counter() - started
        baseline.tally.add(quotes, article.gold, iou=IOU)
    attributed.seconds = offline.seconds
    return attributed, offline, baseline


def misses(articles: list[AnnotatedArticle], context: int = 100) -> None:
    """Print every annotated attribution no attributed claim matches, in its text."""
    count = 0
    for article in articles:
        predicted = predictions(brief_offline(Article(text=article.text)))
        found = {id(g) for _, g in match(predicted, article.gold, iou=IOU)}
        for gold in article.gold:
            if id(gold) in found:
                continue
            count += 1
            best = max((len(p.chars & gold.content) / len(p.chars | gold.content) for p in predicted),
                       default=0.0)
            start, end = min(gold.content), max(gold.content) + 1
            before = article.text[max(0, start - context):start]
            print(f"{article.id} overlap {best:.2f} source {gold.source!r}\n  ...{before!r}"
                  f"\n  [{article.text[start:end]!r}]\n  {article.text[end:end + context // 2]!r}...")
    print(f"{count} annotated attributions missed")


def report(title: str, articles: list[AnnotatedArticle]) -> None:
    unreadable = Unreadable()
    attributed, offline, baseline = evaluate(articles, unreadable)
    print(f"{title}: {len(articles)} articles, "
          f"{attributed.tally.gold} annotated attributions, match at IoU >= {IOU}")
    print(f"{'extractor':<28} {'pred':>5} {'match':>5} {'prec':>6} {'rec':>6} {'F1':>6}  "
          f"{'speaker acc (named)':<18} {'ms/art':>6}")
    print(attributed.row("offline (attributed claims)", len(articles), speakers=True))
    print(offline.row("offline (all claims)", len(articles), speakers=True))
    print(baseline.row("baseline: every quote", len(articles), speakers=False))
    print(unreadable.row())


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
    long_sentence()


# One sentence of many clauses, each with its own cue: every cue used to search the rest of the
# sentence again (quadratic in the sentence's length).
MANY_CUES = ("Ana Ruiz said the plan would fail, while Li Wei argued that costs would rise, "
             "and officials warned that the vote was rigged, ")


def long_sentence(clauses: tuple[int, ...] = (200, 800)) -> None:
    """Print CPU seconds for one sentence of ``clauses`` many-cue clauses; 'vs first' near 1 = linear."""
    print(f"\nOne sentence of many cued clauses ({len(MANY_CUES)} characters each)")
    print(f"{'clauses':>9} {'KB':>7} {'cpu s':>8} {'vs first':>9}")
    baseline = None
    for count in clauses:
        text = MANY_CUES * count + "the end."
        cpu = time.process_time()
        brief_offline(Article(text=text))
        cpu = time.process_time() - cpu
        per_clause = cpu / count
        baseline = baseline or per_clause
        print(f"{count:>9} {len(text) / 1000:>7.0f} {cpu:>8.2f} {per_clause / baseline:>8.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="text/ + attributions/ folder, or a PolNeAR checkout")
    parser.add_argument("--split", default="dev", help="split inside a PolNeAR checkout")
    parser.add_argument("--split-half", action="store_true",
                        help="also report half A (even positions by file name) and half B (odd)")
    parser.add_argument("--misses", choices=["A", "B"],
                        help="only list the missed annotated attributions of half A or B")
    parser.add_argument("--scaling", action="store_true",
                        help="only time the seed article repeated to 100 KB, 1 MB and 5 MB (no data needed)")
    args = parser.parse_args(argv)
    if args.scaling:
        scaling()
        return 0
    folder = find_polnear(args.data, args.split)
    if folder is None:
        print(f"No PolNeAR data at {args.data}; nothing to benchmark (pass --data PATH).")
        return 0
    articles = load_polnear(folder)
    if args.misses:
        misses(articles[0::2] if args.misses == "A" else articles[1::2])
        return 0
    brief_offline(Article(text=articles[0].text))  # warm the regex caches
    report("PolNeAR attribution benchmark", articles)
    if args.split_half:
        report("\nHalf A (even positions)", articles[0::2])
        report("\nHalf B (odd positions)", articles[1::2])
    print("Targets (issue 19, held-out): F1 >= 0.60, speaker accuracy >= 0.93, no unreadable "
          "claims; <= 20 ms per article. "
          "'Attributed claims' leaves out the article's own-voice figure claims (no source).")
    print("Size scaling: python benchmarks/attribution.py --scaling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
