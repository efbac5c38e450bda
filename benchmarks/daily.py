"""The daily briefing on ECB+ days: grouping (B-cubed), quote linking, and speed.

Reads ``../shared/data/ecbplus-dev`` (or ``--data PATH``) in place, never copied: 277 articles in
24 stories, two different events of the same kind in each of 12 topics. Each run mixes the
stories into days that hold both events of every topic they include (the hard case: two
earthquakes on one day), runs the offline ``daily()`` on each day, and prints

- B-cubed precision, recall and F1 of the grouping, against a TF-IDF + agglomerative clustering
  baseline (scikit-learn, the ``benchmark`` extra) at its best distance threshold on the same days;
- the share of quotations carried by two or more articles that come out as one linked claim (the
  quotations found by the benchmark's own finder, independent of the library's quote rules);
- the share of linked claims that join articles of different stories;
- seconds per day (whole offline pipeline: briefing every article, grouping, linking);
- what the default view shows: claims shown per main story (mean, max; ``ViewOptions.max_claims``
  is 8), against the claims the JSON holds per story, and how many stories go to "Also reported";
- the offline grouping alone (copy folding, then ``group_offline``; no briefing): B-cubed P/R/F1
  on each 90-article day (mean and min over the mixes), on all 277 articles as one day (the
  largest day the dev data makes), on a synthetic 500-article day (the big day below, with and
  without the copies' figures and dates changed), and on ECB+ pairs and triples: the share of two (three) articles of one event
  that form one story, and of two articles of different events of the same topic kept apart;
- the offline grouping alone (``group_offline``) on big days, with and without the postings cap
  (``GroupingOptions.max_postings``) in the same run: CPU seconds (``time.process_time``, the
  least of 3 runs or more: each day is run until two seconds are spent) at each size, the growth
  exponent (least-squares slope of log CPU over log size) and B-cubed F1, and what the capped
  grouping's work grows with (pairs visited, pairs scored, groups checked for two events). A big
  day is the 277 articles replicated up to the size and shuffled with a fixed seed; copy k of
  article a (id ``rk-a``) is another event: its capitalised words (but months and weekdays) get
  the suffix ``x<k>``, its figures and dates are kept. So stories keep their size while every
  figure and date is held by ~4x as many articles at 1,000, as in a real big day.

    python benchmarks/daily.py [--data PATH] [--seeds 3] [--topics-per-day 4] [--sizes 250,500,1000]
                               [--only-speed | --only-grouping]

These are development figures: the data is for development only.
"""

from __future__ import annotations

import argparse
import csv
import gc
import itertools
import math
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from briefing import Article
from briefing.daily import DailyBriefing, daily
from briefing.daily.view import layout, shown_claims
from briefing.text.fold import fold_fast

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus-dev"
MIN_QUOTE_WORDS = 6
TARGETS = {"f1_90": 0.95, "f1_500": 0.93, "f1": 0.93, "margin": 0.04, "linked": 0.90, "within": 0.98, "seconds_per_100": 10.0,
           "grouping_cpu_1000": 8.0, "grouping_growth": 1.2}


def load(data: Path) -> tuple[dict[str, Article], dict[str, str], dict[str, str]]:
    """Articles by id, gold story by id, topic by id."""
    rows = list(csv.DictReader((data / "stories.tsv").open(encoding="utf-8"), delimiter="\t"))
    articles = {r["article"]: Article(id=r["article"], text=(data / "text" / f"{r['article']}.txt").read_text(encoding="utf-8"),
                                      url=r.get("url") or None) for r in rows}
    return articles, {r["article"]: r["story"] for r in rows}, {r["article"]: r["topic"] for r in rows}


def days(topic: dict[str, str], seed: int, per_day: int) -> list[list[str]]:
    """Shuffle the topics and cut them into days of ``per_day`` topics (both events of each)."""
    topics = sorted(set(topic.values()), key=int)
    random.Random(seed).shuffle(topics)
    ids = sorted(topic)
    return [[a for a in ids if topic[a] in topics[i:i + per_day]] for i in range(0, len(topics), per_day)]


def bcubed(labels: dict[str, int], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of ``labels`` against ``gold`` over the labelled articles."""
    by_label, by_gold = defaultdict(set), defaultdict(set)
    for a, label in labels.items():
        by_label[label].add(a)
        by_gold[gold[a]].add(a)
    p = r = 0.0
    for a, label in labels.items():
        both = len(by_label[label] & by_gold[gold[a]])
        p += both / len(by_label[label])
        r += both / len(by_gold[gold[a]])
    return p / len(labels), r / len(labels)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# The benchmark's own quote finder, independent of the library's (``briefing.text.marks``), so
# that the library's quote rules are not graded by themselves: a pair of curly, straight or
# doubled-single quotation marks within one paragraph.
_QUOTATION = re.compile(r"“([^“”\n]+?)”|\"([^\"\n]+?)\"|''([^'\n]+?)''")


def quotations(text: str) -> list[tuple[int, int]]:
    """Where each quotation's words are (between its marks), by the benchmark's own finder."""
    spans = []
    for match in _QUOTATION.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        spans.append((match.start(group), match.end(group)))
    return spans


def shared_quotations(articles: list[Article]) -> list[dict[str, tuple[int, int]]]:
    """Quotations of at least MIN_QUOTE_WORDS words (found by ``quotations``, not the library)
    found verbatim (after folding) in two or more of the day's articles: for each, the articles
    that carry it and where."""
    folded = {a.id: fold_fast(a.text) for a in articles}
    seen: set[str] = set()
    shared = []
    for article in articles:
        for start, end in quotations(article.text):
            words = article.text[start:end]
            key = fold_fast(words).strip(" .,;:")
            if len(key.split()) < MIN_QUOTE_WORDS or key in seen:
                continue
            seen.add(key)
            carriers = {}
            for other in articles:
                at = folded[other.id].find(key)
                if at >= 0:
                    carriers[other.id] = (at, at + len(key))  # fold_fast keeps length for these scripts
            if len(carriers) >= 2:
                shared.append(carriers)
    return shared


def linked(quote: dict[str, tuple[int, int]], briefing: DailyBriefing) -> bool:
    """True when one story claim has a report overlapping the quotation in every article carrying it."""
    for story in briefing.stories:
        for claim in story.claims:
            covered = {r.article for r in claim.reports if r.span is not None and r.article in quote
                       and r.span.start < quote[r.article][1] and quote[r.article][0] < r.span.end}
            if covered == set(quote):
                return True
    return False


def baseline(articles: list[Article], threshold: float) -> dict[str, int]:
    """TF-IDF (English stop words, sublinear tf) + average-linkage agglomerative clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.text for a in articles])
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="cosine",
                                     linkage="average").fit_predict(matrix.toarray())
    return {a.id: int(label) for a, label in zip(articles, labels, strict=True)}


def sensitivity(articles: dict[str, Article], gold: dict[str, str], topic: dict[str, str], args: argparse.Namespace,
                threshold: float) -> tuple[float, float]:
    """Mean B-cubed precision and recall of the offline grouping alone at another threshold."""
    from briefing.daily.grouping import GroupingOptions, group_offline

    scores = []
    for seed in range(args.seeds):
        for day_ids in days(topic, seed, args.topics_per_day):
            day = [articles[a] for a in day_ids]
            groups = group_offline(day, GroupingOptions(min_similarity=threshold))
            scores.append(bcubed({day[i].id: n for n, g in enumerate(groups) for i in g}, gold))
    return sum(p for p, _ in scores) / len(scores), sum(r for _, r in scores) / len(scores)


_CALENDAR = frozenset("January February March April May June July August September October November "
                      "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _renamed(text: str, k: int, shift_figures: bool = False) -> str:
    """Copy ``k`` of a text as another event: every capitalised word but month and day names
    gets the suffix ``x<k>`` (other people, places); figures and dates stay as they are, or with
    ``shift_figures`` every number of up to five digits grows by ``7 * k`` (another event of the
    same kind: its own counts, amounts and days of the month)."""
    if k == 0:
        return text
    text = re.sub(r"\b[A-Z][a-z]+\b", lambda m: m[0] if m[0] in _CALENDAR else f"{m[0]}x{chr(96 + k)}", text)
    if shift_figures:
        text = re.sub(r"\b\d{1,5}\b", lambda m: str(int(m[0]) + 7 * k), text)
    return text


def big_day(articles: dict[str, Article], size: int, seed: int = 0, shift_figures: bool = False) -> list[Article]:
    """``size`` articles: the 277 articles replicated as other events (copy k: id ``rk-<id>``,
    names suffixed, figures and dates kept unless ``shift_figures``, gold story ``k/<story>``),
    shuffled."""
    out: list[Article] = []
    k = 0
    while len(out) < size:
        out.extend(Article(id=f"r{k}-{a.id}", text=_renamed(a.text, k, shift_figures), url=a.url)
                   for a in articles.values())
        k += 1
    out = out[:size]
    random.Random(seed).shuffle(out)
    return out


def big_day_gold(day: list[Article], gold: dict[str, str]) -> dict[str, str]:
    """The gold story of each article of a big day: ``k/<story>`` for copy k."""
    return {a.id: a.id.split("-", 1)[0] + "/" + gold[a.id.split("-", 1)[1]] for a in day if a.id}


def growth(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log seconds over log size (1.0: linear, 2.0: quadratic)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def stage_counts(day: list[Article], options: object) -> tuple[int, int, int]:
    """What the grouping's work grows with on ``day``: the pairs of holders its postings visit (a
    posting over ``max_postings`` visits none), the pairs it scores, and the groups of average
    linkage big enough to be checked for two events (each check is one spectral bisection)."""
    from briefing.daily.grouping import (
        GroupingOptions,
        _vectors,
        article_features,
        average_linkage,
        similarities,
    )

    chosen = options if isinstance(options, GroupingOptions) else GroupingOptions()
    vectors = _vectors([article_features(a) for a in day], chosen.small_day)
    holders: dict[str, int] = defaultdict(int)
    for vector in vectors:
        for f in vector:
            holders[f] += 1
    cap = chosen.max_postings
    visits = sum(h * (h - 1) // 2 for h in holders.values() if cap is None or h <= cap)
    sims = similarities(vectors, chosen.min_shared, cap)
    groups = average_linkage(len(day), sims, min_similarity=chosen.min_similarity)
    return visits, len(sims), sum(len(g) >= 2 * chosen.min_split for g in groups)


def least_cpu(run: object, repeat: int, budget: float = 2.0, most: int = 25) -> float:
    """The least CPU seconds (``time.process_time``) of ``repeat`` runs of ``run``, or of more
    runs (up to ``most``) until ``budget`` seconds are spent: every size is timed often enough
    that slow runs on a loaded machine (load only ever adds time) do not tilt the growth figure.
    The garbage of the run before is collected first, outside the timing."""
    assert callable(run)
    runs: list[float] = []
    while len(runs) < repeat or (sum(runs) < budget and len(runs) < most):
        gc.collect()
        start = time.process_time()
        run()
        runs.append(time.process_time() - start)
    return min(runs)


def grouping_speed(articles: dict[str, Article], gold: dict[str, str], sizes: list[int], repeat: int = 3) -> bool:
    """CPU seconds (the least of ``repeat`` runs or more, ``least_cpu``), growth and F1 of
    ``group_offline`` on big days, capped and uncapped, and what the capped work grows with
    (``stage_counts``)."""
    from briefing.daily.grouping import GroupingOptions, group_offline

    variants = {"uncapped (before)": GroupingOptions(max_postings=None), "capped (after)": GroupingOptions()}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    scores: dict[str, float] = {}
    counts: list[tuple[int, int, int]] = []
    for size in sizes:
        day = big_day(articles, size)
        day_gold = big_day_gold(day, gold)
        for name, options in variants.items():
            cpu[name].append(least_cpu(lambda day=day, options=options: group_offline(day, options), repeat))
            if size == max(sizes):
                groups = group_offline(day, options)
                scores[name] = f1(*bcubed({day[i].id or "": n for n, g in enumerate(groups) for i in g}, day_gold))
        counts.append(stage_counts(day, variants["capped (after)"]))
    print(f"offline grouping on big days ({', '.join(map(str, sizes))} articles; CPU s, process_time, "
          f"least of {repeat}+ runs):")
    for name in variants:
        print(f"  {name:18} " + "  ".join(f"{n}: {t:.2f} s" for n, t in zip(sizes, cpu[name], strict=True))
              + f"   growth n^{growth(sizes, cpu[name]):.2f}   B-cubed F1 at {max(sizes)}: {scores[name]:.3f}")
    for k, what in enumerate(("pairs visited", "pairs scored", "groups checked")):
        column = [c[k] for c in counts]
        print(f"  capped {what:15} " + "  ".join(f"{n}: {c}" for n, c in zip(sizes, column, strict=True))
              + f"   growth n^{growth(sizes, [float(c) for c in column]):.2f}")
    at = cpu["capped (after)"][sizes.index(max(sizes))]
    exponent = growth(sizes, cpu["capped (after)"])
    print(f"  [target at 1,000: <= {TARGETS['grouping_cpu_1000']} s, growth <= n^{TARGETS['grouping_growth']}, "
          f"F1 not below uncapped]")
    return (at <= TARGETS["grouping_cpu_1000"] and exponent <= TARGETS["grouping_growth"]
            and scores["capped (after)"] >= scores["uncapped (before)"])


def offline_groups(day: list[Article], options: object = None) -> dict[str, int]:
    """Story label by article id from copy folding and ``group_offline``, as ``daily`` groups a
    day offline (a copy goes with its original)."""
    from briefing.daily.duplicates import find_copies
    from briefing.daily.grouping import GroupingOptions, group_offline

    copies = find_copies(day)
    kept = [day[g[0]] for g in copies]
    members = {day[g[0]].id: [day[i].id for i in g] for g in copies}
    chosen = options if isinstance(options, GroupingOptions) else GroupingOptions()
    return {a or "": n for n, g in enumerate(group_offline(kept, chosen)) for i in g for a in members[kept[i].id]}


def event_pairs(gold: dict[str, str], topic: dict[str, str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]],
                                                                    list[tuple[str, ...]]]:
    """Every pair of articles of one event, consecutive triples of one event (by id), and every
    pair of one article of each of a topic's two events."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for a in sorted(gold):
        by_story[gold[a]].append(a)
    same = [(x, y) for ids in by_story.values() for i, x in enumerate(ids) for y in ids[i + 1:]]
    triples = [tuple(ids[i:i + 3]) for ids in by_story.values() for i in range(0, len(ids) - 2, 3)]
    apart = []
    for t in sorted(set(topic.values()), key=int):
        stories = sorted({gold[a] for a in gold if topic[a] == t})
        for one, other in itertools.pairwise(stories):
            apart.extend((x, y) for x in by_story[one] for y in by_story[other])
    return same, triples, apart


def grouping_quality(articles: dict[str, Article], gold: dict[str, str], topic: dict[str, str],
                     args: argparse.Namespace) -> bool:
    """B-cubed of the offline grouping alone on 90-article days and the whole dev set, and the
    small-day shares (issue 17), with CPU seconds."""
    from briefing.daily.grouping import group_offline

    start = time.process_time()
    scores = []
    for seed in range(args.seeds):
        for day_ids in days(topic, seed, args.topics_per_day):
            scores.append(bcubed(offline_groups([articles[a] for a in day_ids]), gold))
    f1s = [f1(p, r) for p, r in scores]
    mean_p, mean_r = sum(p for p, _ in scores) / len(scores), sum(r for _, r in scores) / len(scores)
    size = sum(len(d) for seed in range(args.seeds) for d in days(topic, seed, args.topics_per_day)) / len(scores)
    print(f"offline grouping alone, {len(scores)} days of ~{size:.0f} articles ({args.seeds} mixes): "
          f"B-cubed P {mean_p:.3f}  R {mean_r:.3f}  F1 mean {sum(f1s) / len(f1s):.3f}  min {min(f1s):.3f}   "
          f"[target F1 >= {TARGETS['f1_90']}]")
    whole_p, whole_r = bcubed(offline_groups([articles[a] for a in sorted(articles)]), gold)
    print(f"offline grouping alone, all {len(articles)} dev articles as one day (the largest the dev data makes): "
          f"B-cubed P {whole_p:.3f}  R {whole_r:.3f}  F1 {f1(whole_p, whole_r):.3f}   "
          f"[target at ~500 articles: F1 >= {TARGETS['f1_500']}]")
    for shifted, what in ((True, "names, figures and dates of the copies changed"),
                          (False, "copies keep every figure and date: the harder case")):
        big = big_day(articles, 500, shift_figures=shifted)
        big_p, big_r = bcubed(offline_groups(big), big_day_gold(big, gold))
        print(f"offline grouping alone, a synthetic 500-article day (the dev articles and renamed copies, {what}): "
              f"B-cubed P {big_p:.3f}  R {big_r:.3f}  F1 {f1(big_p, big_r):.3f}   [target F1 >= {TARGETS['f1_500']}]")
    same, triples, apart = event_pairs(gold, topic)

    def one_story(ids: tuple[str, ...]) -> bool:
        return len(group_offline([articles[a] for a in ids])) == 1

    grouped = sum(map(one_story, same)) / len(same)
    grouped3 = sum(map(one_story, triples)) / len(triples)
    kept_apart = sum(not one_story(p) for p in apart) / len(apart)
    print(f"small days: one event's 2 articles in one story {grouped:.1%} ({len(same)} pairs), 3 articles "
          f"{grouped3:.1%} ({len(triples)} triples); 2 articles of different same-kind events kept apart "
          f"{kept_apart:.1%} ({len(apart)} pairs)")
    print(f"  CPU seconds for the grouping figures above: {time.process_time() - start:.1f} s")
    return sum(f1s) / len(f1s) >= TARGETS["f1_90"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=int, default=3, help="different mixes of stories into days")
    parser.add_argument("--topics-per-day", type=int, default=4)
    parser.add_argument("--sizes", default="250,500,1000", help="big-day sizes for the grouping timing")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per big day (the least counts)")
    parser.add_argument("--only-speed", action="store_true", help="only the big-day grouping timing")
    parser.add_argument("--only-grouping", action="store_true",
                        help="only the offline grouping figures (quality and big-day timing), no briefing")
    args = parser.parse_args(argv)
    if not (args.data / "stories.tsv").exists():
        print(f"No ECB+ data at {args.data}; nothing to benchmark (pass --data PATH).")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("The baseline needs scikit-learn: pip install '.[benchmark]'")
        return 1
    articles, gold, topic = load(args.data)
    speed_met = grouping_speed(articles, gold, [int(n) for n in args.sizes.split(",")], args.repeat)
    if args.only_speed:
        return 0 if speed_met else 1
    grouping_met = grouping_quality(articles, gold, topic, args)
    if args.only_grouping:
        return 0 if speed_met and grouping_met else 1
    ours_p, ours_r, n_days, n_articles, seconds = [], [], 0, 0, 0.0
    thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
    base: dict[float, list[tuple[float, float]]] = {t: [] for t in thresholds}
    quotes_total = quotes_linked = claims_linked = claims_crossing = also = 0
    shown_per_story: list[int] = []
    held_per_story: list[int] = []
    for seed in range(args.seeds):
        for day_ids in days(topic, seed, args.topics_per_day):
            day = [articles[a] for a in day_ids]
            start = time.perf_counter()
            result = daily(day)
            seconds += time.perf_counter() - start
            n_days += 1
            n_articles += len(day)
            labels = {}
            for n, story in enumerate(result.stories):
                for a in story.articles:
                    labels[a] = n
            for source in result.sources:  # a syndicated copy goes with the story of its original
                for copy in source.copies:
                    labels[copy.id] = labels[source.id]
            p, r = bcubed(labels, gold)
            ours_p.append(p)
            ours_r.append(r)
            for t in thresholds:
                base[t].append(bcubed(baseline(day, t), gold))
            canonical = {c.id: s.id for s in result.sources for c in s.copies}
            for quote in shared_quotations(day):
                originals = {a: where for a, where in quote.items() if a not in canonical}
                quote = {**{canonical[a]: w for a, w in quote.items() if a in canonical}, **originals}  # a copy counts as its original
                if len(quote) < 2:
                    continue
                quotes_total += 1
                quotes_linked += linked(quote, result)
            view = layout(result)
            also += len(view.also)
            for story in view.stories:
                shown_per_story.append(len(shown_claims(story)[0]))
                held_per_story.append(len(story.claims))
            for story in result.stories:
                for claim in story.claims:
                    reporters = {r.article for r in claim.reports}
                    if len(reporters) >= 2:
                        claims_linked += 1
                        claims_crossing += len({gold[a] for a in reporters}) > 1
    p, r = sum(ours_p) / len(ours_p), sum(ours_r) / len(ours_r)
    ours = f1(p, r)
    best_t, (bp, br) = max(((t, (sum(x for x, _ in v) / len(v), sum(y for _, y in v) / len(v))) for t, v in base.items()),
                           key=lambda item: f1(*item[1]))
    base_f1 = f1(bp, br)
    per_day = seconds / n_days
    per_100 = seconds / n_articles * 100
    share_linked = quotes_linked / quotes_total if quotes_total else 1.0
    within = 1 - claims_crossing / claims_linked if claims_linked else 1.0
    print(f"ECB+ dev: {len(articles)} articles, {args.seeds} mixes x {n_days // args.seeds} days "
          f"({n_articles / n_days:.0f} articles a day, both events of each topic on the same day)")
    print(f"grouping (B-cubed)      precision {p:.3f}  recall {r:.3f}  F1 {ours:.3f}   [target F1 >= {TARGETS['f1']}]")
    print(f"baseline TF-IDF+agglo   precision {bp:.3f}  recall {br:.3f}  F1 {base_f1:.3f}   "
          f"(its best threshold {best_t} of {thresholds}; margin {ours - base_f1:+.3f}, target >= +{TARGETS['margin']})")
    print(f"shared quotations linked  {quotes_linked}/{quotes_total} = {share_linked:.1%}   [target >= 90%]")
    print(f"linked claims within one story  {claims_linked - claims_crossing}/{claims_linked} = {within:.1%}   [target >= 98%]")
    print(f"claims shown per story  mean {sum(shown_per_story) / max(1, len(shown_per_story)):.1f}  max "
          f"{max(shown_per_story, default=0)}  (of mean {sum(held_per_story) / max(1, len(held_per_story)):.1f}, max "
          f"{max(held_per_story, default=0)} in the JSON; {len(shown_per_story)} main stories, {also} also reported)")
    print(f"seconds per day {per_day:.2f}  ({per_100:.2f} s per 100 articles)   [target < 10 s per 100]")
    met = (ours >= TARGETS["f1"] and ours - base_f1 >= TARGETS["margin"] and share_linked >= TARGETS["linked"]
           and within >= TARGETS["within"] and per_100 < TARGETS["seconds_per_100"])
    print("targets met" if met and speed_met and grouping_met else "targets NOT met")
    print("sensitivity of the grouping F1 to min_similarity (default 0.12):", ", ".join(
        f"{t}: {f1(*sensitivity(articles, gold, topic, args, t)):.3f}" for t in (0.08, 0.10, 0.14, 0.16)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
