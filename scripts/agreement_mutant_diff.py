"""A differential search over mutants of ``grounding/agreement.py`` that the tests let through:
for each mutant, the sentence pairs where its ``agree`` answers otherwise than the real one.

    python scripts/agreement_mutant_diff.py 11,29,51 [--data ../shared/data/ecbplus-dev] [--sentences 400]

The mutant numbers are those ``scripts/mutants.py briefing/grounding/agreement.py ...`` prints.
The pairs are ECB+ development sentences that hold a digit, each beside its variants (another
figure, a figure joined to another by a hyphen, words after a figure, "about" before one), both
ways round. A mutant with no pair that tells it apart is a candidate equivalent; one with a pair is
a test owed (the pair is printed). Without the data only the few built-in pairs are tried.
Development tool; not shipped.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import mutants

from briefing.grounding import agreement

MODULE = Path(__file__).parents[1] / "src" / "briefing" / "grounding" / "agreement.py"
BUILT_IN = [
    ("he went there on Feb. 22 to see", "he went there on Feb. 47 to see"),
    ("the 76ers have opened 9-14 this year", "the 76ers have opened 21-14 this year"),
    ("the score was 43 - 39 on Sunday", "the score was 43 - 38 on Sunday"),
    ("he paid 110bn in loans", "he paid 110 billion euros in loans"),
    ("between 30 and 40 people came", "between 30 and 83 people came"),
]


def variants(sentence: str) -> list[str]:
    """The sentence with one of its first three figures changed, joined, followed or hedged."""
    out = []
    for m in list(re.finditer(r"\d+", sentence))[:3]:
        out += [sentence[:m.start()] + str(int(m.group()) + 7) + sentence[m.end():],
                sentence[:m.start()] + f"{m.group()}-{int(m.group()) % 9 + 1}" + sentence[m.end():],
                sentence[:m.end()] + " and some more words here" + sentence[m.end():],
                sentence[:m.start()] + "about " + sentence[m.start():]]
    return out


def pairs(data: Path, n: int) -> list[tuple[str, str]]:
    found = list(BUILT_IN)
    sentences = [s for path in sorted((data / "text").glob("*.txt")) for line in path.open(encoding="utf-8")
                 for s in re.split(r"(?<=[.!?])\s+", line.strip()) if re.search(r"\d", s) and 6 <= len(s.split()) <= 40]
    random.Random(5).shuffle(sentences)
    for sentence in sentences[:n]:
        for variant in variants(sentence):
            found += [(sentence, variant), (variant, sentence)]
    return found


def answers(module: types.ModuleType, cases: list[tuple[str, str]]) -> list[object]:
    out: list[object] = []
    for claim, article in cases:
        try:
            found = module.agree(claim, article)
            out.append((found.relation, found.reasons, found.notes))
        except Exception as e:  # noqa: BLE001 -- a mutant may crash where the real code does not: a difference too
            out.append(type(e).__name__)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mutants", help="mutant numbers, comma-separated")
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared" / "data" / "ecbplus-dev")
    parser.add_argument("--sentences", type=int, default=400)
    args = parser.parse_args(argv)
    source = MODULE.read_text(encoding="utf-8")
    points = mutants.points(ast.parse(source))
    cases = pairs(args.data, args.sentences)
    real = answers(agreement, cases)
    print(f"{len(cases)} sentence pairs")
    for k in (int(x) for x in args.mutants.split(",")):
        code, description = mutants.mutant(source, points[k])
        name = "briefing.grounding.agreement_mutant"
        module = types.ModuleType(name)
        sys.modules[name] = module  # dataclasses look their module up
        exec(compile(code, name, "exec"), module.__dict__)  # noqa: S102 -- the mutant is our own module, rewritten
        told = [i for i, (x, y) in enumerate(zip(real, answers(module, cases), strict=True)) if x != y]
        print(f"#{k} {description}: " + (f"{len(told)} pairs tell it apart, e.g. {cases[told[0]]!r}" if told
                                           else "no pair tells it apart"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
