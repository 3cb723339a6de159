"""tests/security/README.md is the list of what the portal guarantees: each test it names
must exist (a renamed test would leave a promise without its proof), and every item of
issue 11 must be there with its tests."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = Path(__file__).with_name("README.md").read_text(encoding="utf-8")
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def test_every_test_the_readme_names_exists():
    named = REFERENCE.findall(README)
    assert len(named) > 100
    missing = []
    for path, name in named:
        source = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        functions = {
            node.name
            for node in source.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        if name not in functions:
            missing.append(f"{path}::{name}")
    assert not missing, missing


def test_every_item_of_issue_11_is_in_the_readme_with_a_test():
    for item in range(1, 11):
        lines = [line for line in README.split("\n- ") if f"[{item}]" in line]
        assert lines, f"item {item} of issue 11 is not in the README"
        assert all(REFERENCE.search(line) for line in lines), item
