"""Every cassette's provenance is stated in cassettes/README.md."""

import pytest

from helpers import CASSETTES

README = (CASSETTES / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(CASSETTES.rglob("*.yaml")), ids=lambda p: p.stem)
def test_cassette_is_listed_in_readme(path):
    folder, test = path.parent.name, path.stem
    listed = [line for line in README.splitlines() if line.startswith("|") and f"`{folder}/" in line]
    assert listed, f"cassettes/README.md has no row for {folder}/"
    assert any(test in line or f"{folder}/*" in line or _brace_match(line, test) for line in listed), \
        f"{folder}/{test} is not listed in cassettes/README.md"


def _brace_match(line: str, test: str) -> bool:
    """`test_seed_article_{tools,json_schema}_mode` lists each expansion."""
    import re

    for prefix, options, suffix in re.findall(r"(\w*)\{([\w,]+)\}(\w*)", line):
        if any(test == f"{prefix}{option}{suffix}" for option in options.split(",")):
            return True
    return False
