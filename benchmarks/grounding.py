"""Benchmark briefing.align against str.find and instructor's CitationMixin fuzzy-regex search.

Cases come from the attribution Content spans of PolNeAR (brat standoff, one .ann per article),
read in place from ``../shared/data/polnear-dev`` (or ``--data PATH``), never copied; a folder
of ``text/*.txt`` without ``attributions/`` (e.g. ``../shared/data/ecbplus-dev``) uses its
sentences of 8+ words instead. Each genuine excerpt is perturbed the way models misquote and
must be located; fabricated excerpts (``fab_``) must be rejected; and excerpts whose meaning was
changed (``chg_``: a negation inserted or removed, a figure changed, two content words swapped, a
cut inside a word, an ellipsis over a negation, a superscript digit in the article) must never
be placed.

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
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

from briefing.grounding.aligner import Aligner, align
from briefing.text.fold import STOPWORDS, normalize, split_words

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-dev"

MIN_WORDS = 4  # shorter attribution contents ("it", "the complaint") cannot be placed uniquely
MIN_WORDS_ABRIDGED = 10
MIN_WORDS_SWAPPED = 8
MIN_WORDS_CHANGED = 8  # meaning changes are made to passages of 8+ words, as in issue 8
AUXILIARIES = set(
    "will would can could should shall is are was were has have had does did do may might must".split()
)
# the negations of issue 8 ("not", "never", "no", "n't", "denied", "and the like")
NEGATION_WORDS = set(
    """not never no nor neither none nobody nothing without cannot deny denies denied denying
    refuse refuses refused refusing""".split()
)
NUMBER_WORDS = set(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen half twice double triple""".split()
)
COMMON = (
    "the of and to in that for is on with said as was at by he it from his be have has but "
    "not are an they this who will would their we more about been were which there one also "
    "its after year people new than other president state"
).split()
SWAP_WORDS = "decisive reportedly lengthy sudden careful major federal broad".split()
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


# --------------------------------------------------------------------------- data


_WHOLE_SENTENCE = re.compile(r"\S[^\n]*?[.!?](?=[\s\"\u201d\u2019]|$)")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of 8+ words, for data without attribution annotations; a sentence ends at
    . ! or ? before a space or a closing quote, never inside a token ("2.5", "hit.358")."""
    return [(m.start(), m.end()) for m in _WHOLE_SENTENCE.finditer(text)
            if len(m.group().split()) >= MIN_WORDS_CHANGED]


def load_articles(data: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, contiguous Content spans) per article, using one .ann file per article,
    or its sentences of 8+ words when the data has no attributions."""
    articles = []
    annotated = (data / "attributions").is_dir()
    for txt in sorted((data / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        if not annotated:
            spans = [(a + len(s) - len(s.lstrip()), b) for a, b in _sentence_spans(text)
                     for s in [text[a:b]]]
            articles.append((txt.stem, text, spans))
            continue
        anns = sorted((data / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
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
        # an abridgement that only leaves words out: what it skips holds no negation (one that
        # does changes the meaning, a chg_ kind below)
        for kind, mark in (("abridged_dots", " ... "), ("abridged_ellipsis", "\u2026 ")):
            for _ in range(10):
                lo = rng.randrange(2, len(words) - 6)
                hi = rng.randrange(lo + 3, len(words) - 2)
                if not any(_negation(w) for w in words[lo:hi]):
                    out[kind] = " ".join(words[:lo]).rstrip() + mark + " ".join(words[hi:])
                    break
    if len(words) >= MIN_WORDS_SWAPPED:
        # a swapped word that is neither a negation nor a figure (those change the meaning)
        plain = [k for k in range(1, len(words) - 1)
                 if not _negation(words[k]) and not any(c.isdigit() for c in words[k])
                 and not NUMBER_WORDS & set(_bare(words[k]).split("-"))]
        if plain:
            swapped = list(words)
            k = rng.choice(plain)
            swapped[k] = rng.choice([w for w in SWAP_WORDS if w != words[k].lower()])
            out["swapped_word"] = " ".join(swapped)
    return out


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'()\u201c\u201d\u2018\u2019").lower()


def _negation(word: str) -> bool:
    bare = _bare(word)
    return bare in NEGATION_WORDS or bare.endswith(("n't", "n\u2019t"))


_CONTRACTIONS = {"won't": "will", "can't": "can", "shan't": "shall"}


def _without_negation(word: str) -> str:
    """'didn't' -> 'did', 'won’t' -> 'will'."""
    bare = _bare(word).replace("\u2019", "'")
    stem = _CONTRACTIONS.get(bare) or bare[: -len("n't")]
    return word[: len(word) - len(word.lstrip(".,;:!?\"'(\u201c\u2018"))] + stem


def _on_boundaries_anywhere(candidate: str, norm_text: str) -> bool:
    """Whether the candidate's normalised words occur in the text as whole words."""
    core = normalize(candidate)[0].strip(" .,;:!?\"'")
    return re.search(r"(?<!\w)" + re.escape(core) + r"(?!\w)", norm_text) is not None


_SUPERSCRIPT = {"1": "\u00b9", "2": "\u00b2", "3": "\u00b3"}


def meaning_changes(excerpt: str, start: int, end: int, text: str, rng: random.Random):
    """(kind, excerpt, text) cases whose meaning differs from the article's: never to be placed.
    Only passages of MIN_WORDS_CHANGED+ words; a kind is left out when it does not apply."""
    words = _words(excerpt)
    if len(words) < MIN_WORDS_CHANGED:
        return []
    cases = []
    aux = [k for k, w in enumerate(words[:-1]) if _bare(w) in AUXILIARIES]
    if aux and not any(_negation(w) for w in words):
        k = aux[0]
        cases.append(("chg_negation_inserted", " ".join(words[: k + 1] + ["not"] + words[k + 1 :]), text))
    negs = [k for k, w in enumerate(words) if _negation(w)]
    if negs:
        k = negs[0]
        if _bare(words[k]) in NEGATION_WORDS:
            removed, skipped = words[:k] + words[k + 1 :], words[:k] + ["..."] + words[k + 1 :]
        else:
            removed = words[:k] + [_without_negation(words[k])] + words[k + 1 :]
            skipped = None
        cases.append(("chg_negation_removed", " ".join(removed), text))
        if skipped and 0 < k < len(words) - 1:
            cases.append(("chg_ellipsis_skips_negation", " ".join(skipped), text))
    figures = [k for k, w in enumerate(words) if any(c.isdigit() for c in w)]
    if figures:
        k = rng.choice(figures)
        digits = [i for i, c in enumerate(words[k]) if c.isdigit()]
        i = rng.choice(digits)
        changed = words[k][:i] + str((int(words[k][i]) + rng.randint(1, 8)) % 10) + words[k][i + 1 :]
        cases.append(("chg_figure_changed", " ".join(words[:k] + [changed] + words[k + 1 :]), text))
        sup = [i for i in digits if words[k][i] in _SUPERSCRIPT and i > 0 and words[k][i - 1].isdigit()]
        if sup:  # the article writes the digit as a superscript; the excerpt keeps the plain digit
            pos = start + len(" ".join(words[:k])) + (1 if k else 0) + sup[0]
            if text[pos] == words[k][sup[0]] and text[start:end].split() == words:
                cases.append(("chg_compat_superscript", excerpt,
                              text[:pos] + _SUPERSCRIPT[text[pos]] + text[pos + 1 :]))
    content = [k for k, w in enumerate(words) if _bare(w).isalpha() and _bare(w) not in STOPWORDS]
    pairs = [(a, b) for a in content for b in content if a < b and _bare(words[a]) != _bare(words[b])]
    if pairs:
        a, b = rng.choice(pairs)
        swapped = list(words)
        swapped[a], swapped[b] = words[b], words[a]
        cases.append(("chg_words_swapped", " ".join(swapped), text))
    first, last = words[0], words[-1].rstrip(".,;:!?\"'\u201d\u2019")
    if len(first) >= 4 and first.isalpha():
        cut = rng.randrange(1, len(first) - 1)
        cases.append(("chg_cut_start", " ".join([first[cut:]] + words[1:]), text))
    if len(last) >= 4 and last.isalpha():
        cut = rng.randrange(1, len(last) - 1)
        cases.append(("chg_cut_end", " ".join(words[:-1] + [last[:cut]]), text))
    return cases


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


def _cut_in_a_word(text: str, start: int, end: int) -> bool:
    """Whether the span starts or ends inside a word or a token such as "2.5" or "hit.358"."""
    def joined(i: int) -> bool:  # text[i - 1] and text[i] belong to one token
        if not 0 < i < len(text):
            return False
        if text[i - 1].isalnum() and text[i].isalnum():
            return True
        return (text[i - 1] in ".," and i >= 2 and text[i - 2].isalnum() and text[i].isalnum()) or (
            text[i] in ".," and i + 1 < len(text) and text[i - 1].isalnum() and text[i + 1].isalnum())
    return joined(start) or joined(end)


def _content_words(excerpt: str) -> int:
    return sum(t not in STOPWORDS for t in split_words(normalize(excerpt)[0])[0])


def _absent(candidate: str, norm_text: str) -> bool:
    return normalize(candidate)[0].strip(" .,;:!?\"'") not in norm_text


def build_cases(articles, rng: random.Random):
    """Genuine (kind, excerpt, text, true span) and fabricated (kind, excerpt, text, None) cases."""
    sentences = {
        name: [s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 6]
        for name, text, _ in articles
    }
    cases: list = []
    skipped: Counter[str] = Counter()
    for name, text, spans in articles:
        norm_text = normalize(text)[0]
        others = [n for n, _, _ in articles if n != name and sentences[n]]
        for start, end in spans:
            excerpt = text[start:end]
            core = normalize(excerpt)[0].strip(" .,;:!?\"'")
            if len(excerpt.split()) < MIN_WORDS or norm_text.count(core) != 1:
                skipped["under 4 words or not unique in the article"] += 1
                continue
            if _cut_in_a_word(text, start, end):  # an annotation off by a character or two
                skipped["annotated span cut inside a word"] += 1
                continue
            if _content_words(excerpt) < 2:  # align never places these (issue 8)
                skipped["under 2 content words"] += 1
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
            for kind, changed, case_text in meaning_changes(excerpt, start, end, text, rng):
                case_norm = norm_text if case_text is text else normalize(case_text)[0]
                if case_text is not text or not _on_boundaries_anywhere(changed, case_norm):
                    cases.append((kind, changed, case_text, None))
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


_TOTALS = {"fab_": "TOTAL fabricated", "chg_": "TOTAL meaning changed"}


def _total(kind: str) -> str:
    return _TOTALS.get(kind[:4], "TOTAL genuine")


def _by_kind(results):
    groups = defaultdict(list)
    for kind, ok, ms in results:
        groups[kind].append((ok, ms))
        groups[_total(kind)].append((ok, ms))
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
    print("share correct (genuine: located with IoU >= 0.8; fabricated and meaning changed: "
          "rejected) and median ms")
    print(head)
    print(f"{'':<26} {'':>6}  " + "  ".join(f"{'ok':>7} {'ms':>7}" for _ in names))
    for kind in [*kinds, *dict.fromkeys(_total(k) for k in kinds)]:
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
    if not (args.data / "text").is_dir():
        print(f"No data at {args.data} (a text/ folder); nothing to benchmark (pass --data PATH).")
        return 0
    rng = random.Random(args.seed)
    articles = load_articles(args.data)
    cases, skipped = build_cases(articles, rng)
    kinds = list(dict.fromkeys(k for k, *_ in cases))
    print(f"{len(articles)} articles, {len(cases)} cases; passages skipped: "
          + ", ".join(f"{n} {why}" for why, n in skipped.items()))
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
    genuine_kinds = [k for k in kinds if _total(k) == "TOTAL genuine"]
    rejected = [ok for k, ok, _ in mine if _total(k) != "TOTAL genuine"]
    placed = Counter(k for k, ok, _ in mine if _total(k) == "TOTAL meaning changed" and not ok)
    print("meaning-changed excerpts placed anyway:",
          ", ".join(f"{k} {placed[k]}" for k in kinds if k.startswith("chg_")))
    per_kind = {k: sum(ok for kk, ok, _ in mine if kk == k) / max(1, sum(kk == k for kk, *_ in mine))
                for k in genuine_kinds}
    med_genuine = statistics.median(ms for k, _, ms in mine if k in per_kind)
    met = min(per_kind.values()) >= 0.99 and all(rejected) and med_genuine <= 0.1
    print(f"targets (every genuine kind >= 99%, fabricated and meaning-changed rejected 100%, "
          f"median <= 0.1 ms on genuine cases: {med_genuine:.4f}):", "MET" if met else "NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
