"""Memory of the grounding index (issue 18, item 14): peak memory (tracemalloc) of one ``align``
on a 1, 2.5 and 5 MB article, bytes per character, CPU seconds (``time.process_time``) and the
growth exponent over the sizes; and what the index cache keeps after aligning against several
big articles (bounded by ``INDEX_CACHE_BYTES``).

The article is the ECB+ dev texts (``../shared/data/ecbplus-dev/text``, or the seed when absent)
joined by blank lines and repeated up to the size. Each size runs in a fresh interpreter so that
no cache or allocator state carries over. Target: peak under 300 MB at 5 MB.

    python benchmarks/memory.py [--sizes 1,2.5,5]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ECB = REPO.parent / "shared" / "data" / "ecbplus-dev" / "text"
TARGET_MB_AT_5 = 300

CHILD = r"""
import json, sys, time, tracemalloc
from pathlib import Path
paths = sorted(Path(sys.argv[2]).glob("*.txt")) or [Path(sys.argv[3])]
base = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
size = int(float(sys.argv[1]) * 1_000_000)
text = (base * (size // len(base) + 1))[:size]
excerpt = base[1000:1080].split("\n")[0]
from briefing.grounding import aligner
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
start = time.process_time()
found = aligner.align(excerpt, text)
cpu = time.process_time() - start
kept, peak = tracemalloc.get_traced_memory()
print(json.dumps({"chars": len(text), "peak": peak - before, "kept": kept - before, "cpu": cpu,
                  "found": found.status}))
"""


def growth(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2.5,5", help="article sizes in MB")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    for mb in sizes:
        out = subprocess.run([sys.executable, "-c", CHILD, str(mb), str(ECB), str(REPO / "seeds" / "nato-us-russia-thaw.txt")],
                             capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out))
    print("one align on a big article (fresh interpreter each; tracemalloc):")
    for mb, r in zip(sizes, rows, strict=True):
        print(f"  {mb:>4} MB ({r['chars']:,} chars): peak {r['peak'] / 1e6:6.0f} MB "
              f"({r['peak'] / r['chars']:.0f} B/char), kept in cache {r['kept'] / 1e6:5.0f} MB "
              f"({r['kept'] / r['chars']:.0f} B/char), {r['cpu']:.2f} s CPU, {r['found']}")
    print(f"  growth over sizes: peak n^{growth([r['chars'] for r in rows], [r['peak'] for r in rows]):.2f}, "
          f"CPU n^{growth([r['chars'] for r in rows], [r['cpu'] for r in rows]):.2f}")
    at5 = [r for mb, r in zip(sizes, rows, strict=True) if mb == 5]
    if at5:
        ok = at5[0]["peak"] / 1e6 < TARGET_MB_AT_5
        print(f"  [target: peak < {TARGET_MB_AT_5} MB at 5 MB] {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
