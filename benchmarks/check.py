"""Benchmark check(): quotations carried by several articles of a story, checked across articles.

Reads the ECB+ development stories in place from ``../shared/data/ecbplus-dev`` (or ``--data
PATH``; text/ and stories.tsv), never copied. A story (one real-world event) stands for a day's
news about it. Its cases are the quoted passages of at least ``--min-words`` words that two or
more of its articles carry (the carriers: articles whose folded text holds the folded quote).

For each quotation, offline (rules over aligned text, no model):
  1. checked against its story: it must be ``supported``, with evidence in >= 90% of its carriers;
  2. with a negation inserted (``not`` after the first auxiliary, or an existing ``not``/``n't``
     removed, else "It is not true that ..."): it must never be ``supported``;
  3. against a day that does not carry it (every other story's articles, carriers left out):
     it must be ``not_mentioned`` in >= 95% of cases.
The baseline is brute force: ``align`` against every article (of the story, and of the big day
for the first 10 cases), no retrieval; both are timed in the same run.

The model path's figures come from the cassettes of tests/verify/test_verify_cassettes.py, replayed
with vcrpy (installed with the test extras). Their model answers are authored fixtures, not a
live model: they measure the library's handling of a model's answers (located evidence, the
re-ask, the verdict bookkeeping), not a model's accuracy.

Speed (issue 18, item 15), before and after in the same run: ``--claims`` (1,000) claims against
a 500-article day: CPU seconds (``time.process_time``, the Checker's build included), ms a claim
and peak RSS, each path in a child process of its own. The day is the 277 ECB+ articles and
copies of the first 223 of them (id ``<id>-copy``, same text) to reach 500; without the data, a
synthetic day of 500 articles (``synthetic_day``: a few dozen stories whose articles share some
sentences, with names, figures, dates, quotations and negations). The claims are sentences of
the articles drawn with a fixed seed, every other one negated (``negate``). "Before" is the
reference path (``reference_path``: every window folded and indexed afresh for every claim, the
fuzzy search never ruled out, passages sorted in Python); "after" is the default Checker. The
results must be identical, and "after" within 12 s of CPU for 1,000 claims (exit 1 otherwise).

    python benchmarks/check.py [--data PATH] [--min-words 5] [--claims 1000] [--only-speed]
                               [--no-reference]

Without the ECB+ data: the model-path figures and the speed run over the synthetic day.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from briefing.core.models import Article
from briefing.grounding.aligner import align
from briefing.text.fold import fold
from briefing.text.marks import find_quotes
from briefing.verify.checker import Checker

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ecbplus-dev"
AUXILIARIES = frozenset({"is", "are", "was", "were", "will", "would", "can", "could", "should",
                         "shall", "has", "have", "had", "do", "does", "did", "must", "may", "might"})
CONTRACTIONS = {"don't": "do", "doesn't": "does", "didn't": "did", "won't": "will", "can't": "can",
                "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were",
                "couldn't": "could", "wouldn't": "would", "shouldn't": "should", "hasn't": "has",
                "haven't": "have", "hadn't": "had"}


# --------------------------------------------------------------------------- data


def load_stories(data: Path) -> dict[str, list[Article]]:
    """The articles of each story, in stories.tsv order."""
    stories: dict[str, list[Article]] = defaultdict(list)
    with (data / "stories.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = data / "text" / f"{row['article']}.txt"
            if path.is_file():
                stories[row["story"]].append(Article(id=row["article"], text=path.read_text(encoding="utf-8")))
    return dict(stories)


def ecb_day(stories: dict[str, list[Article]], size: int = 500) -> list[Article]:
    """The ECB+ articles, and copies of the first ones (id ``<id>-copy``, same text) up to ``size``."""
    articles = [a for story in stories.values() for a in story]
    copies = [Article(id=f"{a.id}-copy", text=a.text) for a in articles[:max(0, size - len(articles))]]
    return articles + copies


def shared_quotations(stories: dict[str, list[Article]], min_words: int) -> list[tuple[str, str, list[str]]]:
    """(story, quotation, carrier ids) for each quotation two or more articles of a story carry."""
    cases = []
    for story, articles in stories.items():
        folded = {a.id: fold(a.text) for a in articles}
        seen: set[str] = set()
        for article in articles:
            for q in find_quotes(article.text):
                quote = article.text[q.start:q.end].strip()
                key = fold(quote)
                if len(quote.split()) < min_words or key in seen:
                    continue
                seen.add(key)
                carriers = [i for i, text in folded.items() if key in text]
                if len(carriers) >= 2:
                    cases.append((story, quote, carriers))
    return cases


def negate(quote: str) -> tuple[str, str]:
    """The quotation with its negation flipped, and how: "removed", "inserted" or "prefixed"."""
    words = quote.split(" ")
    for i, word in enumerate(words):
        bare = word.lower().strip(",.;:!?\"“”'’").replace("’", "'")
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if bare in ("not", "never") and after != "only":  # "not only ... but" negates nothing
            return " ".join(words[:i] + words[i + 1:]), "removed"
        if bare in CONTRACTIONS:
            return " ".join(words[:i] + [CONTRACTIONS[bare]] + words[i + 1:]), "removed"
    for i, word in enumerate(words):
        if word.lower() in AUXILIARIES:
            return " ".join(words[: i + 1] + ["not"] + words[i + 1:]), "inserted"
    return "It is not true that " + quote[:1].lower() + quote[1:], "prefixed"


# --------------------------------------------------------------------------- offline runs


BIG_DAY_SAMPLE = 10  # cases also aligned against every article of the big day, by brute force


def run_offline(stories, cases):
    """Check each case three ways; return per-case rows and timings."""
    checkers = {s: Checker(arts) for s, arts in stories.items()}
    others: dict[str, Checker] = {}
    rows, times, brute_times = [], [], []
    big_times: list[tuple[float, float]] = []  # (check, brute-force align) against a big day
    for story, quote, carriers in cases:
        started = time.perf_counter()
        v = checkers[story].check(quote)
        times.append(time.perf_counter() - started)
        supported_in = {e.article for e in v.evidence if e.stance == "supports"}
        started = time.perf_counter()
        brute = {a.id for a in stories[story] if align(quote, a.text).found}
        brute_times.append(time.perf_counter() - started)
        negated, how = negate(quote)
        n = checkers[story].check(negated)
        if story not in others:
            others[story] = Checker([a for s, arts in stories.items() if s != story for a in arts])
        key = fold(quote)
        day = others[story]
        if any(key in fold(a.text) for a in day.articles):  # the other stories carry it too: skip
            absent = None
        else:
            started = time.perf_counter()
            absent = day.check(quote).verdict
            took = time.perf_counter() - started
            if len(big_times) < BIG_DAY_SAMPLE:
                started = time.perf_counter()
                any(align(quote, a.text).found for a in day.articles)
                big_times.append((took, time.perf_counter() - started))
        rows.append({
            "story": story, "quote": quote, "carriers": carriers, "verdict": v.verdict,
            "recall": len(supported_in & set(carriers)) / len(carriers),
            "brute_recall": len(brute & set(carriers)) / len(carriers),
            "negated": negated, "how": how, "negated_verdict": n.verdict, "absent_verdict": absent,
        })
    return rows, times, brute_times, big_times


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}% ({part}/{whole})" if whole else "  n/a"


def report_offline(rows, times, brute_times, big_times) -> bool:
    n = len(rows)
    supported = sum(r["verdict"] == "supported" for r in rows)
    carriers = sum(len(r["carriers"]) for r in rows)
    found = sum(round(r["recall"] * len(r["carriers"])) for r in rows)
    brute = sum(round(r["brute_recall"] * len(r["carriers"])) for r in rows)
    good = sum(r["verdict"] == "supported" and r["recall"] >= 0.9 for r in rows)
    neg_supported = sum(r["negated_verdict"] == "supported" for r in rows)
    neg_contradicted = sum(r["negated_verdict"] == "contradicted" for r in rows)
    absent = [r for r in rows if r["absent_verdict"] is not None]
    absent_ok = sum(r["absent_verdict"] == "not_mentioned" for r in absent)
    print(f"\nOffline (rules over aligned text), {n} quotations carried by 2+ articles of a story "
          f"({carriers} carrier articles)")
    print(f"  supported                                 {pct(supported, n)}")
    print(f"  supported with evidence in >= 90% of carriers {pct(good, n)}   target >= 90%")
    print(f"  carrier articles with located support     {pct(found, carriers)}   "
          f"(brute-force align over every article: {pct(brute, carriers)})")
    hows = defaultdict(int)
    for r in rows:
        hows[r["how"]] += 1
    print(f"  negated ({', '.join(f'{k} {v}' for k, v in sorted(hows.items()))}):")
    print(f"    called supported                        {pct(neg_supported, n)}   target 0%")
    print(f"    called contradicted                     {pct(neg_contradicted, n)}")
    print("  against a day without it (every other story's articles):")
    print(f"    not_mentioned                           {pct(absent_ok, len(absent))}   target >= 95%"
          f"   ({n - len(absent)} skipped: another story carries the quote)")
    print(f"  time per check: median {1000 * statistics.median(times):.1f} ms (retrieval + align over "
          f"the top passages) vs {1000 * statistics.median(brute_times):.1f} ms brute-force align over "
          f"every article of the story: {statistics.median(times) / statistics.median(brute_times):.2f}x")
    if big_times:
        ours, brute = (statistics.median(t) for t in zip(*big_times, strict=True))
        print(f"  against a day of every other story ({len(big_times)} cases): median {1000 * ours:.1f} ms "
              f"per check vs {1000 * brute:.1f} ms aligning against every article: {ours / brute:.2f}x")
    misses = [r for r in rows if not (r["verdict"] == "supported" and r["recall"] >= 0.9)]
    for r in misses[:5]:
        print(f"    miss: {r['story']} {r['verdict']} recall {r['recall']:.2f}: {r['quote'][:90]!r}")
    for r in [r for r in rows if r["negated_verdict"] == "supported"][:5]:
        print(f"    negation called supported: {r['negated'][:90]!r}")
    for r in [r for r in absent if r["absent_verdict"] != "not_mentioned"][:5]:
        print(f"    absent but {r['absent_verdict']}: {r['story']} {r['quote'][:90]!r}")
    return good >= 0.9 * n and neg_supported == 0 and absent_ok >= 0.95 * len(absent)


# --------------------------------------------------------------------------- model path (cassettes)

SCENARIOS = [  # (cassette, claim, the verdict the library must reach)
    ("test_supported_rests_on_located_evidence", "The city council will raise taxes next year", "supported"),
    ("test_a_changed_figure_is_contradicted",
     "At least 200 people were injured when the old bridge collapsed in March", "contradicted"),
    ("test_not_mentioned", "The new bridge was funded by a federal grant", "not_mentioned"),
    ("test_invented_evidence_is_reasked_once_then_not_mentioned",
     "Mayor Ruiz promised the new bridge will be free of tolls", "not_mentioned"),
    ("test_a_negated_misquote_never_supports", "The city council will not raise taxes next year", "contradicted"),
    ("test_a_support_that_drops_the_claims_negation_counts_as_contradiction",
     "The city council will not raise taxes next year", "contradicted"),
]


def report_model() -> bool:
    try:
        import openai
        import vcr
    except ImportError:
        print("\nModel path: vcrpy is not installed (pip install -e '.[test]'); skipped.")
        return True
    from briefing.brief.briefer import Briefer
    from briefing.core.inputs import read_article

    day = [read_article(p) for p in sorted((REPO / "tests" / "fixtures" / "day").glob("*.txt"))]
    day.append(read_article(REPO / "seeds" / "nato-us-russia-thaw.txt"))
    recorder = vcr.VCR(record_mode="none", match_on=["method", "uri", "json_body"])
    recorder.register_matcher("json_body", _same_json)
    print("\nModel path, replayed from cassettes (authored model answers: the library's handling, "
          "not a model's accuracy)")
    print(f"  {'scenario':58} {'verdict':14} {'located':>7} {'unverified':>10} {'requests':>8} {'tokens':>6}")
    ok = True
    for name, claim, expected in SCENARIOS:
        path = REPO / "cassettes" / "test_verify_cassettes" / f"{name}.yaml"
        client = openai.OpenAI(api_key="replay-key-not-a-secret", base_url="https://api.openai.com/v1")
        with recorder.use_cassette(str(path)):
            v = Checker(day, Briefer(client=client)).check(claim)
        ok &= v.verdict == expected
        texts = {a.id: a.text for a in day}
        located = all(texts[e.article][e.span.start:e.span.end] == e.evidence for e in v.evidence if e.span)
        ok &= located and all(e.span for e in v.evidence)
        mark = "" if v.verdict == expected else f"  (expected {expected})"
        print(f"  {name[5:63]:58.58} {v.verdict:14} {len(v.evidence):7} {len(v.unverified):10} "
              f"{v.usage.requests:8} {v.usage.total_tokens:6}{mark}")
    return ok


def _same_json(r1, r2) -> None:
    def load(body):
        return json.loads(body.decode("utf-8") if isinstance(body, bytes) else body) if body else None
    assert load(r1.body) == load(r2.body)


def _rank_sorted(self, query, top):
    """``PassageIndex.rank`` before issue 18: every passage sorted in Python."""
    from briefing.text.retrieval import Ranked, terms

    words = terms(query)
    if self._bm25 is None or not words or top <= 0:
        return []
    scores = self._bm25.get_scores(words)
    order = sorted((i for i, s in enumerate(scores) if s > 0), key=lambda i: (-scores[i], i))
    return [Ranked(self.passages[i], float(scores[i]), i) for i in order[:top]]


@contextmanager
def reference_path():
    """``check`` as it ran before issue 18, item 15: every passage window folded and indexed
    afresh for every claim (no window kept: ``window_cache_chars=0`` on the Checker), every
    excerpt read again for every window, the fuzzy search never ruled out, the passages sorted
    in Python, ``find_in_order`` keeping no tokens. Same answers by design; the run compares."""
    from unittest import mock

    from briefing.grounding import aligner, inorder
    from briefing.text.fold import normalized
    from briefing.text.retrieval import PassageIndex

    with mock.patch.object(PassageIndex, "rank", _rank_sorted), \
            mock.patch.object(inorder, "_tokens", inorder.text_tokens), \
            mock.patch.object(aligner.Aligner, "_may_accept", lambda self, ex: True), \
            mock.patch.object(aligner, "_excerpt_parts", aligner._excerpt_parts.__wrapped__), \
            mock.patch.object(aligner, "_normalized_excerpt", normalized):
        yield


# --------------------------------------------------------------------------- a synthetic day

_NAMES = ["Ana Ruiz", "Tom Okafor", "Lena Berg", "Ravi Menon", "Chloe Martin", "Yusuf Kaya", "Mia Novak",
          "Omar Haddad", "Sara Lind", "Paul Weber"]
_ROLES = ["mayor", "police chief", "finance minister", "spokesperson", "fire chief", "governor"]
_PLACES = ["Riverton", "Lakeside", "Northgate", "Easton", "Hillcrest", "Marlow", "Bayview", "Oakdale"]
_NOUNS = ["bridge", "budget", "school", "factory", "hospital", "railway", "harbour", "stadium"]
_VERBS = ["approved", "closed", "inspected", "rebuilt", "funded", "delayed"]
_EVENTS = ["storm", "fire", "flood", "strike", "collision", "protest"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]
_FILLER = ("Residents gathered near the {noun} in {place} as officials met behind closed doors. "
           "Traffic in {place} was slow for most of the day. Local radio covered the meeting live.")


def _sentence(rng) -> str:
    """One news sentence with names, figures, dates, quotations or negations."""
    name, role, place, place2 = rng.choice(_NAMES), rng.choice(_ROLES), *rng.sample(_PLACES, 2)
    noun, verb, event = rng.choice(_NOUNS), rng.choice(_VERBS), rng.choice(_EVENTS)
    day, month, n = rng.choice(_DAYS), rng.choice(_MONTHS), rng.randint(2, 900)
    return rng.choice([
        f"{name}, the {role} of {place}, said on {day} that {n} people had been evacuated after the {event}.",
        f"“The {noun} will be {verb} before {month},” {name} told reporters in {place}.",
        f"The council of {place} did not approve the {n} million dollar {noun} plan on {day}.",
        f"Police in {place} said {n} people were injured in the {event} about {rng.randint(5, 60)} miles from {place2}.",
        f"The {noun} in {place} was {verb} in {month} {rng.randint(1998, 2024)}, {name} said.",
        f"Prices in {place} rose by {rng.randint(2, 30)} percent after the {event}, the {role} said.",
        f"{name} denied that the {noun} of {place} had been {verb} without a vote.",
        f"At least {n} workers joined the {event} in {place} on {day}, according to the union.",
    ])


def synthetic_day(n_articles: int = 500, seed: int = 18) -> list[Article]:
    """``n_articles`` news articles about a few dozen stories; articles of a story share some
    sentences (agency copy), as a day's coverage does. Deterministic for a seed."""
    import random

    rng = random.Random(seed)
    stories = [[_sentence(rng) for _ in range(12)] for _ in range(max(1, n_articles // 12))]
    articles = []
    for k in range(n_articles):
        pool = stories[k % len(stories)]
        sentences = rng.sample(pool, 6) + [_sentence(rng) for _ in range(rng.randint(4, 14))]
        rng.shuffle(sentences)
        filler = _FILLER.format(noun=rng.choice(_NOUNS), place=rng.choice(_PLACES))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)] + [filler]
        articles.append(Article(id=f"synthetic-{k}", text="\n\n".join(paragraphs)))
    return articles


def speed_claims(articles: list[Article], n_claims: int, seed: int = 18) -> list[str]:
    """``n_claims`` sentences (5 to 60 words) of the articles' distinct texts, drawn with a fixed
    seed, every other one negated (``negate``)."""
    import random

    from briefing.text.sentences import split_sentences

    texts = list(dict.fromkeys(a.text for a in articles))
    sentences = [text[s.start:s.end] for text in texts for s in split_sentences(text)]
    sentences = [s for s in sentences if 5 <= len(s.split()) <= 60]
    rng = random.Random(seed)
    drawn = rng.sample(sentences, min(n_claims, len(sentences)))
    return [c if n % 2 == 0 else negate(c)[0] for n, c in enumerate(drawn)]


# --------------------------------------------------------------------------- speed


def _run_checks(day: list[Article], claims: list[str], reference: bool, conn) -> None:
    """In a child process: check every claim; send CPU seconds, peak RSS and the results."""
    import resource

    start = time.process_time()
    if reference:
        with reference_path():
            checker = Checker(day, window_cache_chars=0)
            results = [checker.check(c).model_dump() for c in claims]
    else:
        checker = Checker(day)
        results = [checker.check(c).model_dump() for c in claims]
    cpu = time.process_time() - start
    conn.send((cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, results))
    conn.close()


def _in_child(day: list[Article], claims: list[str], reference: bool):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_run_checks, args=(day, claims, reference, theirs))
    child.start()
    theirs.close()
    answer = ours.recv()
    child.join()
    return answer


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def report_speed(day: list[Article], source: str, n_claims: int, *, reference: bool = True) -> bool:
    """CPU seconds, ms a claim and peak memory of ``n_claims`` claims against ``day``, for the
    reference path and the library's, each in a child process of its own, in the same run."""
    claims = speed_claims(day, n_claims)
    print(f"\nspeed (issue 18, item 15): {len(claims)} claims against a {len(day)}-article day ({source}); "
          f"CPU seconds with the Checker's build; peak RSS of the child (data loaded: {_rss_mib():.0f} MiB)")
    runs = {"after": _in_child(day, claims, reference=False)}
    if reference:
        runs["before"] = _in_child(day, claims, reference=True)
    for name, label in (("before", "reference path (every window afresh)"), ("after", "library (article indexes, cut windows)")):
        if name in runs:
            cpu, rss, _ = runs[name]
            print(f"  {label:42} {cpu:6.1f} s  {cpu / len(claims) * 1000:6.1f} ms a claim  peak {rss:5.0f} MiB")
    cpu = runs["after"][0]
    target = len(claims) * 12 / 1000
    verdicts = defaultdict(int)
    for r in runs["after"][2]:
        verdicts[r["verdict"]] += 1
    print(f"  target {target:.0f} s for {len(claims)} claims: {'met' if cpu <= target else 'NOT met'}; verdicts {dict(verdicts)}")
    if "before" not in runs:
        return cpu <= target
    same = runs["before"][2] == runs["after"][2]
    print(f"  {runs['before'][0] / cpu:.1f}x faster; results identical to the reference path: {same}")
    return same and cpu <= target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-words", type=int, default=5, help="the shortest quotation checked")
    parser.add_argument("--claims", type=int, default=1000, help="claims in the speed run")
    parser.add_argument("--only-speed", action="store_true", help="only the speed run")
    parser.add_argument("--no-reference", action="store_true", help="time the library's path only")
    args = parser.parse_args(argv)
    reference = not args.no_reference
    if not (args.data / "stories.tsv").is_file() or not (args.data / "text").is_dir():
        met = True if args.only_speed else report_model()
        print(f"\nECB+ data not found at {args.data}; no offline figures (pass --data PATH); "
              "the speed run uses a synthetic day.")
        met &= report_speed(synthetic_day(500), "synthetic", args.claims, reference=reference)
        return 0 if met or not args.only_speed else 1
    stories = load_stories(args.data)
    if args.only_speed:
        return 0 if report_speed(ecb_day(stories), "ECB+ dev", args.claims, reference=reference) else 1
    met = report_model()
    cases = shared_quotations(stories, args.min_words)
    print(f"\n{sum(map(len, stories.values()))} articles in {len(stories)} stories; "
          f"{len(cases)} quotations of {args.min_words}+ words carried by 2+ articles of a story")
    met &= report_offline(*run_offline(stories, cases))
    met &= report_speed(ecb_day(stories), "ECB+ dev", args.claims, reference=reference)
    print(f"\nTargets {'met' if met else 'NOT met'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
