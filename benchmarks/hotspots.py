"""Two hot spots of issue 18 (item 17), before and after in one run (CPU seconds, process_time):

- ``figures_in`` (a large share of ``brief_offline``) with its prefilter (a regex test for a
  digit, a number word or a multiple word) against the full scan alone (``_scan_figures``), over
  every sentence of the seed, the test fixtures and the ECB+ dev texts (when present); then
  ``brief_offline`` over the same texts with and without the prefilter;
- the combining-mark table of ``briefing.text.fold``: computed at import over 65,000 code points
  (before) against the precomputed table (after), and ``import briefing.text.fold`` in a fresh
  interpreter.

    python benchmarks/hotspots.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

from briefing.core.models import Article
from briefing.grounding import inarticle
from briefing.offline import brief_offline
from briefing.text import fold
from briefing.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
ECB = REPO.parent / "shared" / "data" / "ecbplus-dev" / "text"


def cpu(fn, *args) -> float:
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/fixtures/**/*.txt"), *ECB.glob("*.txt")])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    sentences = [t[s.start:s.end] for t in texts for s in split_sentences(t)]
    same = all(inarticle.figures_in(s) == inarticle._scan_figures(s) for s in sentences)

    def scan(f) -> None:
        for _ in range(args.repeat):
            for s in sentences:
                f(s)

    before = min(cpu(scan, inarticle._scan_figures) for _ in range(2))
    after = min(cpu(scan, inarticle.figures_in) for _ in range(2))
    print(f"figures_in over {len(sentences)} sentences of {len(texts)} texts x{args.repeat}: "
          f"full scan {before:.3f} s, with prefilter {after:.3f} s ({before / after:.2f}x); same figures: {same}")

    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]

    def brief_all() -> None:
        for a in articles:
            brief_offline(a)

    brief_all()  # warm caches so that neither variant pays for them
    befores, afters = [], []
    for _ in range(2):
        with mock.patch.object(inarticle, "figures_in", inarticle._scan_figures):
            befores.append(cpu(brief_all))
        afters.append(cpu(brief_all))
    print(f"brief_offline over the {len(texts)} texts (best of 2, alternated): without prefilter "
          f"{min(befores):.2f} s, with {min(afters):.2f} s")

    table = min(cpu(fold._mark_class) for _ in range(5))
    print(f"fold mark table: computed {table * 1000:.1f} ms CPU at every import (before), "
          f"precomputed 0 ms (after; Unicode {fold._MARKS_UNICODE}, the running one "
          f"{'matches' if fold.MARKS is fold._MARKS_PRECOMPUTED else 'differs: computed'})")
    code = "import time; t = time.process_time(); import briefing.text.fold; print(time.process_time() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    print(f"import briefing.text.fold in a fresh interpreter: {min(runs) * 1000:.0f} ms CPU (best of 5; "
          f"includes the briefing package)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
