"""Benchmark briefing.align against str.find and instructor's CitationMixin fuzzy-regex search.

Cases come from the attribution Content spans of PolNeAR (brat standoff, one .ann per article),
read in place from ``../shared/data/polnear-dev`` (or ``--data PATH``), never copied. Each
genuine excerpt is perturbed the way models misquote; fabricated excerpts must be rejected.

    python benchmarks/grounding.py [--data PATH] [--seed N] [--regex-sample N]

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from briefing.grounding import Aligner, align
from briefing.textfold import normalize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-dev"

MIN_WORDS = 4  # shorter attribution contents ("it", "the complaint") cannot be placed uniquely
MIN_WORDS_ABRIDGED = 10
MIN_WORDS_SWAPPED = 8
COMMON = (
    "the of and to in that for is on with said as was at by he it from his be have has but "
    "not are an they this who will would their we more about been were which there one also "
    "its after year people new than other president state"
).split()
SWAP_WORDS = "decisive reportedly lengthy sudden careful major federal broad".split()
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


# --------------------------------------------------------------------------- data


def load_articles(data: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, contiguous Content spans) per article, using one .ann file per article."""
    articles = []
    for txt in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) < 3 or not fields[1].startswith("Content ") or ";" in fields[1]:
                continue
            _, start, end = fields[1].split()
            spans.append((int(start), int(end)))
        articles.append((txt.stem, text, sorted(set(spans))))
    return articles


# --------------------------------------------------------------------------- perturbations


def _words(s: str) -> list[str]:
    return s.split()


def perturb(excerpt: str, rng: random.Random) -> dict[str, str]:
    """The misquotes of one excerpt, by kind; a kind is left out when it would change nothing."""
    words = _words(excerpt)
    out = {"untouched": excerpt}
    straight = excerpt.translate(_CURLY)
    if straight != excerpt:
        out["straight_quotes"] = straight
    first = words[0]
    recased = first.lower() if first[:1].isupper() else first[:1].upper() + first[1:]
    if recased != first:
        out["recased_first"] = excerpt.replace(first, recased, 1)
    stripped = excerpt.rstrip(".,;:!?\"'\u201d\u2019 ")
    if stripped != excerpt and stripped:
        out["dropped_trailing_punct"] = stripped
    spaced = list(words)
    k = rng.randrange(len(spaced) - 1)
    spaced[k] += rng.choice(["\n", "  ", " \n "])
    out["whitespace"] = " ".join(spaced) + rng.choice(["", " ", "\n"])
    combined = stripped.translate(_CURLY) if stripped else straight
    combined = combined.replace(first, recased, 1)
    if combined != excerpt:
        out["combined_normalizations"] = combined
    if len(words) >= MIN_WORDS_ABRIDGED:
        lo = rng.randrange(2, len(words) - 6)
        hi = rng.randrange(lo + 3, len(words) - 2)
        out["abridged_dots"] = " ".join(words[:lo]) + " ... " + " ".join(words[hi:])
        lo = rng.randrange(2, len(words) - 6)
        hi = rng.randrange(lo + 3, len(words) - 2)
        out["abridged_ellipsis"] = " ".join(words[:lo]) + "\u2026 " + " ".join(words[hi:])
    if len(words) >= MIN_WORDS_SWAPPED:
        swapped = list(words)
        k = rng.randrange(1, len(words) - 1)
        swapped[k] = rng.choice([w for w in SWAP_WORDS if w != words[k].lower()])
        out["swapped_word"] = " ".join(swapped)
    return out


def shuffled(excerpt: str, rng: random.Random) -> str | None:
    """The excerpt's words in an order where no two originally adjacent words stay adjacent."""
    words = _words(excerpt)
    if len(words) < 6:
        return None
    for _ in range(50):
        order = list(range(len(words)))
        rng.shuffle(order)
        if all(b != a + 1 for a, b in pairwise(order)):
            return " ".join(words[i] for i in order)
    return None


def _absent(candidate: str, norm_text: str) -> bool:
    return normalize(candidate)[0].strip(" .,;:!?\"'") not in norm_text


def build_cases(articles, rng: random.Random):
    """Genuine (kind, excerpt, text, true span) and fabricated (kind, excerpt, text, None) cases."""
    sentences = {
        name: [s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 6]
        for name, text, _ in articles
    }
    cases, skipped = [], 0
    for name, text, spans in articles:
        norm_text = normalize(text)[0]
        others = [n for n, _, _ in articles if n != name and sentences[n]]
        for start, end in spans:
            excerpt = text[start:end]
            core = normalize(excerpt)[0].strip(" .,;:!?\"'")
            if len(excerpt.split()) < MIN_WORDS or norm_text.count(core) != 1:
                skipped += 1
                continue
            for kind, variant in perturb(excerpt, rng).items():
                cases.append((kind, variant, text, (start, end)))
            fake = shuffled(excerpt, rng)
            if fake and _absent(fake, norm_text):
                cases.append(("fab_shuffled", fake, text, None))
            fake = rng.choice(sentences[rng.choice(others)])
            if _absent(fake, norm_text):
                cases.append(("fab_other_article", fake, text, None))
            fake = " ".join(rng.sample(COMMON, rng.randint(3, 6)))
            if _absent(fake, norm_text):
                cases.append(("fab_common_words", fake, text, None))
    return cases, skipped


# --------------------------------------------------------------------------- aligners


def ours(excerpt: str, text: str):
    a = align(excerpt, text)
    return None if a.start is None else (a.start, a.end)


def str_find(excerpt: str, text: str):
    pos = text.find(excerpt)
    return None if pos < 0 else (pos, pos + len(excerpt))


def citation_mixin(excerpt: str, text: str, errs: int = 5):
    """instructor's CitationMixin._get_span (instructor/v2/dsl/citation.py), reimplemented:
    an escaped fuzzy regex with the edit budget raised from 0 to ``errs`` until it matches."""
    import regex

    minor = regex.escape(excerpt)
    errs_ = 0
    s = regex.search(f"({minor}){{e<={errs_}}}", text)
    while s is None and errs_ < errs:
        errs_ += 1
        s = regex.search(f"({minor}){{e<={errs_}}}", text)
    return None if s is None else s.span()


def iou(a, b) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def run(method, cases):
    """Per case: (kind, correct, ms) where correct = IoU >= 0.8, or no span for fabricated."""
    results = []
    for kind, excerpt, text, truth in cases:
        t0 = time.perf_counter()
        span = method(excerpt, text)
        ms = (time.perf_counter() - t0) * 1000
        ok = span is None if truth is None else span is not None and iou(span, truth) >= 0.8
        results.append((kind, ok, ms))
    return results


# --------------------------------------------------------------------------- report


def _by_kind(results):
    groups = defaultdict(list)
    for kind, ok, ms in results:
        groups[kind].append((ok, ms))
        groups["TOTAL genuine" if not kind.startswith("fab_") else "TOTAL fabricated"].append((ok, ms))
    return groups


def _cell(group) -> str:
    if not group:
        return f"{'-':>7} {'':>7}"
    share = 100 * sum(ok for ok, _ in group) / len(group)
    med = statistics.median(ms for _, ms in group)
    return f"{share:6.1f}% {med:7.3f}"


def report(kinds, results: dict[str, list], sample_note: str) -> None:
    names = list(results)
    grouped = {n: _by_kind(r) for n, r in results.items()}
    head = f"{'kind':<26} {'n':>6}  " + "  ".join(f"{n:>15}" for n in names)
    print("share correct (genuine: located with IoU >= 0.8; fabricated: rejected) and median ms")
    print(head)
    print(f"{'':<26} {'':>6}  " + "  ".join(f"{'ok':>7} {'ms':>7}" for _ in names))
    for kind in [*kinds, "TOTAL genuine", "TOTAL fabricated"]:
        n = len(grouped[names[0]].get(kind, []))
        cells = "  ".join(_cell(grouped[name].get(kind, [])) for name in names)
        print(f"{kind:<26} {n:>6}  {cells}")
    print(sample_note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=20250)
    parser.add_argument("--regex-sample", type=int, default=500,
                        help="cases given to the slow fuzzy-regex baseline (seeded sample)")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir() or not (args.data / "attributions").is_dir():
        print(f"PolNeAR data not found at {args.data}; nothing to benchmark (pass --data PATH).")
        return 0
    rng = random.Random(args.seed)
    articles = load_articles(args.data)
    cases, skipped = build_cases(articles, rng)
    kinds = list(dict.fromkeys(k for k, *_ in cases))
    print(f"{len(articles)} articles, {len(cases)} cases "
          f"({skipped} contents under {MIN_WORDS} words or not unique in their article skipped)")
    for _, _, text, _ in cases:  # build each article's index once, outside the timings
        align("x", text)
    mine = run(ours, cases)
    found = run(str_find, cases)
    sample = random.Random(args.seed).sample(range(len(cases)), min(args.regex_sample, len(cases)))
    sample_cases = [cases[i] for i in sorted(sample)]
    regexed = run(citation_mixin, sample_cases)
    mine_on_sample = [mine[i] for i in sorted(sample)]
    report(kinds, {"briefing.align": mine, "str.find": found, "CitationMixin*": regexed},
           f"* CitationMixin fuzzy regex (e<=5) run on a seeded sample of {len(sample_cases)} "
           f"of {len(cases)} cases (it is slow); its n per kind is smaller than shown.")
    med = statistics.median(ms for *_, ms in mine)
    med_find = statistics.median(ms for *_, ms in found)
    med_sample = statistics.median(ms for *_, ms in mine_on_sample)
    med_regex = statistics.median(ms for *_, ms in regexed)
    print(f"median ms/case: briefing.align {med:.4f}, str.find {med_find:.4f} "
          f"(align is {med / med_find:.0f}x slower); on the regex sample align {med_sample:.4f} "
          f"vs CitationMixin {med_regex:.3f} (align is {med_regex / med_sample:.0f}x faster)")
    t0 = time.perf_counter()
    for _, text, _ in articles:
        Aligner(text)
    per_article = (time.perf_counter() - t0) * 1000 / len(articles)
    slowest = max(ms for *_, ms in mine)
    print(f"one-off index build per article (Aligner(text); align() caches it): "
          f"{per_article:.2f} ms; slowest single align: {slowest:.2f} ms")
    genuine = [ok for k, ok, _ in mine if not k.startswith("fab_")]
    fabricated = [ok for k, ok, _ in mine if k.startswith("fab_")]
    met = (sum(genuine) / len(genuine) >= 0.99 and all(fabricated) and med <= 1.0)
    print("targets (genuine >= 99%, fabricated rejected 100%, median <= 1 ms):",
          "MET" if met else "NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
