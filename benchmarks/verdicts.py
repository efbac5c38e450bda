"""Benchmark the verdicts: do supported / contradicted and corroborated / contested mean what they say?

Reads the ECB+ development stories in place from ``../shared/data/ecbplus-dev`` (or ``--data
PATH``: text/ and stories.tsv; a folder with text/ and no stories.tsv, such as ``polnear-dev``,
is read as one story per article), never copied. Every case starts from a REAL sentence S of an
article A (sentences of 6-60 words, drawn in a fixed seeded order) and a rewrite S' of one family
(rules in ``benchmarks/verdict_families.py``, the benchmark's own, independent of the library's):

   identity    the sentence as printed
   modifier    a modifier left out (a prepositional phrase, an adverb or an adjective that adds
               detail; never a negation, number, name or direction word)
   numbers     a small number written as a word or the reverse ("two nights" / "2 nights")
   joined      two consecutive sentences as one claim, word for word, joined by a space (most ECB+
               paragraphs hold one sentence, so the pair usually spans a paragraph break in A)
   units       a measure of the sentence in other units, correctly converted with newsroom rounding
               ("150 metres" / "492 feet"): REAL measures found in the data
   units-synth the same family built synthetically, because real measures are rare: a measured
               clause is inserted into S in A (", about 15 miles away") and S' carries it converted
               (", about 24 km away"); A is checked in that edited form
   negation    a "not" after the first auxiliary or modal, else "did not" + base verb
   figure      a figure n written as 2n+3
   direction   a direction word reversed (rose/fell, before/after, won/lost, ...: the benchmark's list)
   date        a weekday or month changed (Monday -> Wednesday, March -> May)
   names       two names of the sentence swapped
   other       a sentence of an article of another topic (another day's news)

A family that does not apply to a sentence (no number, no auxiliary, ...) skips it; the tables
print how many sentences were tried to build the n cases.

check (offline): ``check(S', articles)`` where articles are A and the other articles of A's story
(a user checking a claim against the coverage of that event); ``--against article`` checks
against A alone. Counts supported / contradicted / not_mentioned.

daily (offline): S is the sentence of a claim that ``brief_offline(A)`` extracts (a quotation, an
attributed statement or a figure sentence: nothing else can be linked), and the rewrite is kept
inside that claim's evidence. S' is appended as its own paragraph to another article B of the
same story (the same B for every family), and ``daily([A, B + S'])`` runs. A second table runs
the same cases on a day of A, B + S' and up to four more articles of the story
(``--story-articles``): today's offline grouping splits a two-article day into two stories, so
until that is fixed only the story days measure linking. A third table makes B a syndicated copy
of A that differs only in S' (A with S replaced by S'): the case of copy folding, where a copy
that says the same (identity, numbers, units) may fold and one that differs in a figure, a
negation or a direction word must not. ``--day pair|story|copy|all`` (default all). Outcomes: folded (A and B end up as one
source, one a syndicated copy of the other or both of a third: ``DailyBriefing.sources[].copies``;
"folded into another" when only one of them is folded into a third article), else corroborated /
contested (a story claim with a report in A over S and a report in B over S'), else not linked
(with how many because A and B went to different stories, and how many because no claim of B
covers S'). The joined and other families have no daily row: a joined pair is the same sentences
as identity, and another day's sentence has no S in A to link to.

Targets (issue 17) are printed as PASS/FAIL lines; CPU seconds per part.

    python benchmarks/verdicts.py [--data PATH] [--limit 100] [--families a,b] [--examples]
                                  [--misses N] [--against story|article] [--day pair|story|copy|all]
                                  [--seed 17] [--no-check] [--no-daily]

Exits 0 with a message when the data is absent. Development figures: the data is for development.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import verdict_families as fam

from briefing import Article, brief_offline, daily
from briefing.text.fold import fold
from briefing.text.sentences import split_sentences
from briefing.verify.checker import Checker

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ecbplus-dev"
CHECK_FAMILIES = ["identity", "modifier", "numbers", "joined", "units", "units-synth", "negation", "figure",
                  "direction", "date", "names", "other"]
DAILY_FAMILIES = [f for f in CHECK_FAMILIES if f not in ("joined", "other")]
MIN_WORDS, MAX_WORDS = 6, 60


@dataclass
class Case:
    family: str
    story: str
    article: str
    sentence: str  # S, as in A (with the inserted clause for units-synth)
    claim: str  # S'
    a_text: str | None = None  # A's text when the family edits A (units-synth)
    outcome: str = ""
    notes: dict[str, bool] = field(default_factory=dict)


# --------------------------------------------------------------------------- data


def load(data: Path) -> tuple[dict[str, list[Article]], dict[str, str]]:
    """The articles of each story, and each story's topic (a folder without stories.tsv: one story
    and one topic per article)."""
    stories: dict[str, list[Article]] = defaultdict(list)
    topics: dict[str, str] = {}
    if (data / "stories.tsv").is_file():
        with (data / "stories.tsv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                path = data / "text" / f"{row['article']}.txt"
                if path.is_file():
                    stories[row["story"]].append(Article(id=row["article"], text=path.read_text(encoding="utf-8")))
                    topics[row["story"]] = row.get("topic") or row["story"]
    else:
        for path in sorted((data / "text").glob("*.txt")):
            stories[path.stem].append(Article(id=path.stem, text=path.read_text(encoding="utf-8")))
            topics[path.stem] = path.stem
    return dict(stories), topics


def good(sentence: str, after: str = "") -> bool:
    """A sentence worth a case: 6-60 words on one line, ending in a stop, and not cut where the data's
    spacing broke a figure ("40. 3 million", "a? 110bn": ``after`` is the text that follows), at an
    initial ("P.J.") or inside parentheses."""
    n = len(sentence.split())
    return (MIN_WORDS <= n <= MAX_WORDS and "\n" not in sentence.strip() and any(c.islower() for c in sentence)
            and sentence.rstrip()[-1:] in ".!?\"”’'"
            and not re.match(r"\s*\d", after) and not re.search(r"\b[A-Z]\.$", sentence.rstrip())
            and sentence.count("(") == sentence.count(")"))


# --------------------------------------------------------------------------- check cases


def check_cases(stories: dict[str, list[Article]], topics: dict[str, str], families: list[str], limit: int,
                seed: int, names: fam.Names) -> tuple[list[Case], Counter[str]]:
    """Up to ``limit`` cases a family; and how many sentences each family tried."""
    pool = []  # (story, article, sentence index)
    sentences = {}
    for story, articles in stories.items():
        for a in articles:
            sentences[a.id] = [s for s in split_sentences(a.text)]
            pool += [(story, a, i) for i, s in enumerate(sentences[a.id]) if good(s.text, a.text[s.end:s.end + 3])]
    random.Random(seed).shuffle(pool)
    rewrite: dict[str, Callable] = {"identity": fam.identity, "modifier": fam.modifier, "numbers": fam.numbers,
                                    "units": fam.units, "negation": fam.negation, "figure": fam.figure,
                                    "direction": fam.direction, "date": fam.date, "names": names.swap}
    folded = {story: [fold(a.text) for a in arts] for story, arts in stories.items()}
    cases: list[Case] = []
    tried: Counter[str] = Counter()
    for family in families:
        rng = random.Random(f"{seed}-{family}")
        built = 0
        for story, a, i in pool:
            if built >= limit:
                break
            tried[family] += 1
            s = sentences[a.id][i]
            text = s.text.strip()
            case = None
            if family in rewrite:
                claim = rewrite[family](text, rng)
                if claim is not None:
                    case = Case(family, story, a.id, text, claim)
            elif family == "joined":
                nxt = sentences[a.id][i + 1] if i + 1 < len(sentences[a.id]) else None
                if nxt is not None and good(nxt.text, a.text[nxt.end:nxt.end + 3]):
                    case = Case(family, story, a.id, text, text + " " + nxt.text.strip())
            elif family == "units-synth":
                clause, converted = fam.measured_clause(rng)
                with_clause = fam.insert_clause(text, clause)
                if with_clause is not None:
                    at = a.text.index(text, s.start)
                    edited = a.text[:at] + with_clause + a.text[at + len(text):]
                    case = Case(family, story, a.id, with_clause, fam.insert_clause(text, converted) or "", edited)
            elif family == "other":
                other_story, other, j = pool[rng.randrange(len(pool))]
                claim = sentences[other.id][j].text.strip()
                if topics[other_story] != topics[story] and not any(fold(claim) in t for t in folded[story]):
                    case = Case(family, story, a.id, text, claim)
            if case is not None:
                cases.append(case)
                built += 1
    return cases, tried


def run_check(cases: list[Case], stories: dict[str, list[Article]], against: str) -> None:
    checkers: dict[str, Checker] = {}
    for case in cases:
        articles = stories[case.story]
        if against == "article":
            articles = [a for a in articles if a.id == case.article]
        if case.a_text is not None:
            articles = [Article(id=a.id, text=case.a_text) if a.id == case.article else a for a in articles]
            checker = Checker(articles)
        else:
            key = case.story if against == "story" else case.article
            if key not in checkers:
                checkers[key] = Checker(articles)
            checker = checkers[key]
        case.outcome = checker.check(case.claim).verdict


# --------------------------------------------------------------------------- daily cases


def claim_sentences(stories: dict[str, list[Article]], seed: int) -> list[tuple[str, Article, Article, int, int,
                                                                               tuple[int, int]]]:
    """(story, A, B, sentence start, sentence end, window of the claim in the sentence) for the sentences
    that hold a claim of brief_offline(A), in a seeded order; B another article of the story."""
    rng = random.Random(seed)
    pool = []
    for story, articles in stories.items():
        if len(articles) < 2:
            continue
        for a in articles:
            pool.append((story, a, rng.choice([b for b in articles if b.id != a.id])))
    rng.shuffle(pool)
    out = []
    for story, a, b in pool:  # one sentence an article at first; more only if the pool is short
        seen = set()
        for claim in brief_offline(a).claims:
            if claim.span is None:
                continue
            for s in split_sentences(a.text):
                text = s.text.strip()
                lead = len(s.text) - len(s.text.lstrip())
                start, end = s.start + lead, s.start + lead + len(text)
                if (start <= claim.span.start and claim.span.end <= end and good(text, a.text[end:end + 3])
                        and start not in seen):
                    seen.add(start)
                    out.append((story, a, b, start, end, (claim.span.start - start, claim.span.end - start)))
    by_article: dict[str, list] = defaultdict(list)
    for item in out:
        by_article[item[1].id].append(item)
    ordered = []
    for rank in range(max((len(v) for v in by_article.values()), default=0)):
        ordered += [v[rank] for v in by_article.values() if rank < len(v)]
    return ordered


def daily_cases(pool, families: list[str], limit: int, seed: int, names: fam.Names
                ) -> tuple[list[tuple[Case, Article, Article, int]], Counter[str]]:
    rewrite: dict[str, Callable] = {"identity": fam.identity, "modifier": fam.modifier, "numbers": fam.numbers,
                                    "units": fam.units, "negation": fam.negation, "figure": fam.figure,
                                    "direction": fam.direction, "date": fam.date, "names": names.swap}
    cases = []
    tried: Counter[str] = Counter()
    for family in families:
        rng = random.Random(f"{seed}-daily-{family}")
        built = 0
        for story, a, b, start, end, window in pool:
            if built >= limit:
                break
            tried[family] += 1
            text = a.text[start:end]
            if family in rewrite:
                claim = rewrite[family](text, rng, window)
                if claim is not None:
                    cases.append((Case(family, story, a.id, text, claim), a, b, start))
                    built += 1
            elif family == "units-synth":
                clause, converted = fam.measured_clause(rng)
                at = window[1]
                while at > window[0] and text[at - 1] in " .,;:!?\"”’'":
                    at -= 1
                if at - window[0] < 10:
                    continue
                mine = text[:at] + ", " + clause + text[at:]
                edited = Article(id=a.id, text=a.text[:start] + mine + a.text[end:])
                cases.append((Case(family, story, a.id, mine, text[:at] + ", " + converted + text[at:],
                                   edited.text), edited, b, start))
                built += 1
    return cases, tried


def run_daily(cases: list[tuple[Case, Article, Article, int]], stories: dict[str, list[Article]], day: str,
              story_articles: int) -> None:
    for case, a, b, start in cases:
        base = b.text.rstrip()
        b_plus = Article(id=b.id, text=base + "\n\n" + case.claim)
        s_span = (start, start + len(case.sentence))
        c_span = (len(base) + 2, len(base) + 2 + len(case.claim))
        if day == "copy":  # another outlet's copy of A that differs only in S'
            b = b_plus = Article(id=f"{a.id}-copy", text=a.text[:start] + case.claim + a.text[start + len(case.sentence):])
            c_span = (start, start + len(case.claim))
            result = daily([a, b_plus])
        elif day == "pair":
            result = daily([a, b_plus])
        else:  # A's story (A as edited, B + S', then its other articles in order, up to story_articles)
            others = [x for x in stories[case.story] if x.id not in (a.id, b.id)][:max(story_articles - 2, 0)]
            result = daily([a, b_plus, *others])
        canonical = {c.id: s.id for s in result.sources for c in s.copies}
        if canonical.get(a.id, a.id) == canonical.get(b.id, b.id):
            case.outcome = "folded"  # B into A, A into B, or both into one other copy
            continue
        if a.id in canonical or b.id in canonical:  # folded into a third article of the story
            case.outcome = "folded into another"
            continue

        def over(report, article: str, span: tuple[int, int]) -> bool:
            return (report.article == article and report.span is not None
                    and report.span.start < span[1] and span[0] < report.span.end)

        verdicts = {c.verdict for st in result.stories for c in st.claims
                    if any(over(r, a.id, s_span) for r in c.reports) and any(over(r, b.id, c_span) for r in c.reports)}
        if "contested" in verdicts:
            case.outcome = "contested"
        elif "corroborated" in verdicts:
            case.outcome = "corroborated"
        elif verdicts:
            case.outcome = "linked, single_source"
        else:
            case.outcome = "not linked"
            case.notes["split"] = not any(a.id in st.articles and b.id in st.articles for st in result.stories)
            case.notes["unextracted"] = not any(over(r, b.id, c_span) for st in result.stories for c in st.claims
                                                for r in c.reports)


# --------------------------------------------------------------------------- report


def pct(part: int, whole: int) -> str:
    return f"{part:4d} {100 * part / whole:5.1f}%" if whole else f"{part:4d}    - "


def table(title: str, families: list[str], cases: list[Case], tried: Counter[str], columns: list[str]) -> None:
    by = defaultdict(list)
    for c in cases:
        by[c.family].append(c)
    print(f"\n{title}")
    print(f"  {'family':12} {'n':>4} {'tried':>6}  " + "  ".join(f"{col:>12}" for col in columns))
    for family in families:
        rows = by[family]
        counts = Counter(c.outcome for c in rows)
        line = f"  {family:12} {len(rows):4d} {tried[family]:6d}  " + "  ".join(
            f"{pct(counts[col], len(rows)):>12}" for col in columns)
        extra = counts.keys() - set(columns)
        if extra:
            line += "   also " + ", ".join(f"{k} {counts[k]}" for k in sorted(extra))
        if any(c.notes for c in rows):
            line += (f"   (not linked: {sum(c.notes.get('split', False) for c in rows)} split into two stories, "
                     f"{sum(c.notes.get('unextracted', False) for c in rows)} S' not a claim of B)")
        print(line)


def share(cases: list[Case], family: str, outcome: str) -> tuple[int, int]:
    rows = [c for c in cases if c.family == family]
    return sum(c.outcome == outcome for c in rows), len(rows)


def target(cases: list[Case], family: str, outcome: str, op: str, bound: float, label: str) -> bool | None:
    part, whole = share(cases, family, outcome)
    if not whole:
        print(f"  n/a   {label:58} (no cases)")
        return None
    value = part / whole
    ok = value >= bound if op == ">=" else value == 0
    shown = f"{100 * value:.1f}% ({part}/{whole})"
    print(f"  {'PASS' if ok else 'FAIL'}  {label:58} {shown:>16}   target {op} {bound:.0%}" if op == ">="
          else f"  {'PASS' if ok else 'FAIL'}  {label:58} {shown:>16}   target never")
    return ok


def check_targets(cases: list[Case], families: list[str]) -> list[bool | None]:
    print("\ncheck targets (issue 17)")
    results = []
    for f in families:
        if f in ("identity", "modifier", "numbers", "joined"):
            results.append(target(cases, f, "supported", ">=", 0.95, f"{f}: supported"))
            results.append(target(cases, f, "contradicted", "never", 0, f"{f}: never contradicted"))
        elif f in ("units", "units-synth"):
            results.append(target(cases, f, "contradicted", "never", 0, f"{f}: never contradicted"))
            results.append(target(cases, f, "supported", ">=", 0.80, f"{f}: supported"))
        elif f in ("negation", "figure"):
            results.append(target(cases, f, "contradicted", ">=", 0.95, f"{f}: contradicted"))
        elif f in ("direction", "date"):
            results.append(target(cases, f, "supported", "never", 0, f"{f}: never supported"))
            results.append(target(cases, f, "contradicted", ">=", 0.80, f"{f}: contradicted"))
        elif f == "names":
            results.append(target(cases, f, "supported", "never", 0, f"{f}: never supported"))
        elif f == "other":
            results.append(target(cases, f, "not_mentioned", ">=", 0.95, f"{f}: not_mentioned"))
    return results


def daily_targets(cases: list[Case], families: list[str], day: str) -> list[bool | None]:
    print(f"\ndaily targets (issue 17), {day} days")
    results = []
    for f in families:
        rows = [c for c in cases if c.family == f]
        if rows and not any(c.outcome in ("corroborated", "contested", "folded") for c in rows) and f in (
                "units", "units-synth", "numbers", "figure", "negation", "direction"):
            print(f"  note  {f}: no case was linked or folded, so its 'never' targets pass vacuously")
        if f in ("units", "units-synth", "numbers"):
            results.append(target(cases, f, "contested", "never", 0, f"{f}: never contested"))
        elif f in ("figure", "negation", "direction"):
            results.append(target(cases, f, "corroborated", "never", 0, f"{f}: never corroborated"))
            results.append(target(cases, f, "folded", "never", 0, f"{f}: never folded away"))
            results.append(target(cases, f, "contested", ">=", 0.80, f"{f}: contested"))
    return results


def examples(title: str, cases: list[Case], families: list[str], n: int, misses: int, expected: dict[str, set[str]]
             ) -> None:
    print(f"\n{title}")
    for family in families:
        rows = [c for c in cases if c.family == family]
        shown = rows[:n]
        wrong = [c for c in rows if c.outcome not in expected.get(family, {c.outcome})]
        shown += [c for c in wrong if c not in shown][:misses]
        for c in shown:
            tag = "miss" if c in wrong else "    "
            print(f"  [{family}] {tag} {c.outcome} ({c.article})\n      S : {c.sentence}\n      S': {c.claim}")


CHECK_EXPECTED = {f: {"supported"} for f in ("identity", "modifier", "numbers", "joined", "units", "units-synth")} | {
    "negation": {"contradicted"}, "figure": {"contradicted"}, "direction": {"contradicted"}, "date": {"contradicted"},
    "names": {"contradicted", "not_mentioned"}, "other": {"not_mentioned"}}
DAILY_EXPECTED = {f: {"corroborated", "folded"} for f in ("identity", "modifier", "numbers", "units", "units-synth")} | {
    f: {"contested"} for f in ("negation", "figure", "direction", "date")} | {"names": {"contested", "not linked"}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=100, help="cases per family")
    parser.add_argument("--families", default="", help=f"a comma-separated subset of {','.join(CHECK_FAMILIES)}")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--against", choices=("story", "article"), default="story",
                        help="check S' against A's whole story (default) or A alone")
    parser.add_argument("--day", choices=("pair", "story", "copy", "all"), default="all",
                        help="daily over [A, B + S'], over A's story with B + S' in it, over [A, a copy of A with "
                             "S'], or all three (default)")
    parser.add_argument("--story-articles", type=int, default=6,
                        help="articles in a story day: A, B + S' and the story's first others (default 6)")
    parser.add_argument("--examples", action="store_true", help="print 3 cases of each family")
    parser.add_argument("--misses", type=int, default=0, help="also print up to N cases a family that miss")
    parser.add_argument("--no-daily", action="store_true")
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"No data at {args.data} (text/ and stories.tsv); nothing to benchmark (pass --data PATH).")
        return 0
    wanted = [f for f in args.families.split(",") if f] or CHECK_FAMILIES
    unknown = set(wanted) - set(CHECK_FAMILIES)
    if unknown:
        parser.error(f"unknown families {sorted(unknown)}; choose from {CHECK_FAMILIES}")
    if "units" in wanted and "units-synth" not in wanted:
        wanted.append("units-synth")  # asking for units gives both rows
    stories, topics = load(args.data)
    n_articles = sum(map(len, stories.values()))
    print(f"{args.data.name}: {n_articles} articles in {len(stories)} stories; seed {args.seed}, "
          f"up to {args.limit} cases a family")
    names = fam.Names(a.text for arts in stories.values() for a in arts)

    cpu = time.process_time()
    real_units = sum(1 for arts in stories.values() for a in arts for s in split_sentences(a.text)
                     if good(s.text, a.text[s.end:s.end + 3]) and fam.units(s.text.strip(), random.Random(0)))
    print(f"sentences with a measure in a unit the benchmark converts: {real_units} in the whole data "
          f"(the units row); the units-synth row inserts one")
    verdict = {}
    if not args.no_check:
        families = [f for f in CHECK_FAMILIES if f in wanted]
        cases, tried = check_cases(stories, topics, families, args.limit, args.seed, names)
        built = time.process_time() - cpu
        cpu = time.process_time()
        run_check(cases, stories, args.against)
        spent = time.process_time() - cpu
        table(f"check (offline) against {'the story' if args.against == 'story' else 'article A alone'}: "
              f"counts and shares", families, cases, tried, ["supported", "contradicted", "not_mentioned"])
        print(f"  CPU seconds: {built:.1f} building {len(cases)} cases, {spent:.1f} checking "
              f"({1000 * spent / max(len(cases), 1):.0f} ms a check)")
        verdict["check"] = check_targets(cases, families)
        if args.examples or args.misses:
            examples("check examples", cases, families, 3 if args.examples else 0, args.misses, CHECK_EXPECTED)
    if not args.no_daily:
        families = [f for f in DAILY_FAMILIES if f in wanted]
        if not any(len(arts) >= 2 for arts in stories.values()):
            print("\ndaily: no story with two articles in this data (no stories.tsv?): no daily rows.")
        elif families:
            cpu = time.process_time()
            pool = claim_sentences(stories, args.seed)
            cases_d, tried_d = daily_cases(pool, families, args.limit, args.seed, names)
            built = time.process_time() - cpu
            print(f"\ndaily cases: CPU seconds {built:.1f} building {len(cases_d)} cases (brief_offline of the pool)")
            for day in ("pair", "story", "copy") if args.day == "all" else (args.day,):
                for case, *_ in cases_d:
                    case.outcome, case.notes = "", {}
                cpu = time.process_time()
                run_daily(cases_d, stories, day, args.story_articles)
                spent = time.process_time() - cpu
                plain = [c for c, *_ in cases_d]
                shape = {"pair": "two-article days [A, B + S']",
                         "story": f"story days [A, B + S', up to {args.story_articles - 2} more articles of the story]",
                         "copy": "copy days [A, A with S replaced by S'] (a syndicated copy that differs)"}[day]
                table(f"daily (offline), {shape}: {len(pool)} claim sentences in the pool",
                      families, plain, tried_d, ["corroborated", "contested", "not linked", "folded"])
                print(f"  CPU seconds: {spent:.1f} running daily ({1000 * spent / max(len(plain), 1):.0f} ms a day)")
                verdict[f"daily ({day})"] = daily_targets(plain, families, day)
                if args.examples or args.misses:
                    examples(f"daily examples ({day})", plain, families, 3 if args.examples else 0, args.misses,
                             DAILY_EXPECTED)
    for part, results in verdict.items():
        done = [r for r in results if r is not None]
        print(f"{part}: {sum(done)}/{len(done)} targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
