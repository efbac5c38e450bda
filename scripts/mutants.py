"""A small mutation tester: how many small changes to one module do its tests catch?

Each mutant changes one thing in the module's syntax tree: a comparison (``<`` and ``<=``, ``==``
and ``!=``, ``in`` and ``not in``), ``and``/``or``, ``+``/``-``, ``*``/``/``, a number (``n+1``,
``x*2``), ``True``/``False``, a dropped ``not``, ``min``/``max``. The module is rewritten in a copy
of ``src/`` and the given test files run against it in this one process (pytest per mutant, with
``briefing.daily`` or ``--purge`` packages and the test modules imported afresh, the heavy
dependencies kept loaded). A mutant survives when every test passes; survivors are printed with
their line so each can be judged: a behaviour no test pins, or an equivalent change.

    PYTHONDONTWRITEBYTECODE=1 python scripts/mutants.py briefing/daily/grouping.py \\
        tests/daily/test_daily_grouping.py tests/daily/test_grouping_split.py [--only 3,17]

Run it from the repository root, without ``PYTHONPATH``. Development tool; not shipped.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import os
import shutil
import signal
import sys
import tempfile
import time
from typing import Any

SWAP_COMPARE: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
SWAP_ARITHMETIC: dict[type, type] = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
                                     ast.FloorDiv: ast.Mult}
Point = tuple[int, str, int]  # node index in ast.walk order, kind of change, operator index


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def points(tree: ast.AST) -> list[Point]:
    """Every place a mutant can change, in a stable order."""
    docs = _docstrings(tree)
    found: list[Point] = []
    for n, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare):
            found.extend((n, "compare", k) for k, op in enumerate(node.ops) if type(op) in SWAP_COMPARE)
        elif isinstance(node, ast.BoolOp):
            found.append((n, "bool", 0))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in SWAP_ARITHMETIC:
            found.append((n, "arithmetic", 0))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            found.append((n, "not", 0))
        elif isinstance(node, ast.Constant) and id(node) not in docs and isinstance(node.value, (bool, int, float)):
            found.append((n, "constant", 0))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
            found.append((n, "minmax", 0))
    return found


class _Mutator(ast.NodeTransformer):
    def __init__(self, target: ast.AST, kind: str, sub: int) -> None:
        self.target, self.kind, self.sub, self.description = target, kind, sub, ""

    def generic_visit(self, node: ast.AST) -> ast.AST:
        node = super().generic_visit(node)
        if node is not self.target:
            return node
        line = getattr(node, "lineno", "?")
        before: Any
        if isinstance(node, ast.Compare):
            before = node.ops[self.sub]
            node.ops[self.sub] = SWAP_COMPARE[type(before)]()
            self.description = f"L{line} {type(before).__name__} -> {type(node.ops[self.sub]).__name__}"
        elif isinstance(node, ast.BoolOp):
            before = node.op
            node.op = ast.Or() if isinstance(before, ast.And) else ast.And()
            self.description = f"L{line} {type(before).__name__} -> {type(node.op).__name__}"
        elif isinstance(node, (ast.BinOp, ast.AugAssign)):
            before = node.op
            node.op = SWAP_ARITHMETIC[type(before)]()
            self.description = f"L{line} {type(before).__name__} -> {type(node.op).__name__}"
        elif isinstance(node, ast.UnaryOp):
            self.description = f"L{line} not dropped"
            return node.operand
        elif isinstance(node, ast.Constant):
            before = node.value
            if isinstance(before, bool):
                node.value = not before
            else:
                node.value = before + 1 if isinstance(before, int) else (before * 2 if before else 1.0)
            self.description = f"L{line} {before!r} -> {node.value!r}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            before = node.func.id
            node.func = ast.Name(id="max" if before == "min" else "min", ctx=ast.Load())
            self.description = f"L{line} {before} -> {node.func.id}"
        return node


def mutant(source: str, point: Point) -> tuple[str, str]:
    """The module's source with one change, and a description of it."""
    tree = ast.parse(source)
    mutator = _Mutator(list(ast.walk(tree))[point[0]], point[1], point[2])
    changed = ast.fix_missing_locations(mutator.visit(tree))
    return ast.unparse(changed), mutator.description


def _forget(packages: list[str]) -> None:
    """Drop the packages under test and the test modules, so the next run imports them afresh."""
    helpers = {"helpers", "daily_fixtures", "web_fixtures", "conftest"}
    for name in list(sys.modules):
        if any(name == p or name.startswith(p + ".") for p in packages) or name.startswith("test_") or name in helpers:
            del sys.modules[name]


def _timed_out(*_: object) -> None:
    raise TimeoutError("the mutant ran too long")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="the module under src/, e.g. briefing/daily/grouping.py")
    parser.add_argument("tests", nargs="+")
    parser.add_argument("--only", default="", help="mutant numbers to run, comma-separated")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per mutant (a timeout counts as caught)")
    parser.add_argument("--purge", default="briefing.daily", help="packages imported afresh per mutant")
    args = parser.parse_args(argv)
    import pytest

    work = tempfile.mkdtemp(prefix="mutants-")
    root = os.path.join(work, "src")
    shutil.copytree("src", root, ignore=shutil.ignore_patterns("__pycache__"))
    if os.path.isdir("prompts"):  # the package finds its prompt templates beside src/ in a checkout
        shutil.copytree("prompts", os.path.join(work, "prompts"))
    sys.path.insert(0, root)
    target = os.path.join(root, args.module)
    with open(os.path.join("src", args.module), encoding="utf-8") as f:
        source = f.read()
    signal.signal(signal.SIGALRM, _timed_out)

    def passes(code: str, timeout: int = args.timeout) -> bool:
        with open(target, "w", encoding="utf-8") as f:
            f.write(code)
        _forget(args.purge.split(","))
        signal.alarm(timeout)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                return int(pytest.main(["-q", "-x", "-p", "no:cacheprovider", *args.tests])) == 0
        except TimeoutError:
            return False
        finally:
            signal.alarm(0)

    try:
        tree = ast.parse(source)
        if not passes(ast.unparse(tree), 10 * args.timeout):  # the first run imports everything
            print("the tests fail on the unchanged module")
            return 1
        chosen = {int(x) for x in args.only.split(",") if x}
        todo = [(k, p) for k, p in enumerate(points(tree)) if not chosen or k in chosen]
        caught, start = 0, time.time()
        for k, point in todo:
            code, description = mutant(source, point)
            if passes(code):
                print(f"survived #{k}: {description}", flush=True)
            else:
                caught += 1
        print(f"{args.module}: {caught}/{len(todo)} mutants caught ({caught / max(len(todo), 1):.0%}) "
              f"in {time.time() - start:.0f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
