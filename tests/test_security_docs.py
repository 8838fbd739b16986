"""docs/security.md stays true: every test it names exists, every security test is named
there, and its figures are the code's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from migsdg import _atomic, io
from migsdg.excel import reader
from migsdg.plugins import RESERVED_NAMES

TESTS = Path(__file__).parent
PAGE = TESTS.parent / "docs" / "security.md"
REFERENCE = re.compile(r"`(test_\w+)::(test_\w+)`")


def page() -> str:
    return PAGE.read_text("utf-8")


def functions_of(module: str) -> set[str]:
    tree = ast.parse((TESTS / f"{module}.py").read_text("utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


def references() -> list[tuple[str, str]]:
    return REFERENCE.findall(page())


def test_every_test_the_page_names_exists() -> None:
    missing = [
        f"{module}::{name}"
        for module, name in references()
        if not (TESTS / f"{module}.py").is_file() or name not in functions_of(module)
    ]
    assert missing == []


def test_every_security_test_is_named_on_the_page() -> None:
    named = set(references())
    modules = sorted(
        p.stem for p in TESTS.glob("test_security_*.py") if p.stem != "test_security_docs"
    )
    assert modules
    unnamed = [
        f"{module}::{name}"
        for module in modules
        for name in sorted(functions_of(module))
        if (module, name) not in named
    ]
    assert unnamed == []


@pytest.mark.parametrize(
    "text",
    [
        f"over {io.MAX_PLAN_FILE_BYTES // 2**20} MB",
        f"more than {io.MAX_NESTING} levels deep",
        f"below 1e{io.MAX_NUMBER_EXPONENT} in size",
        f"| exchange rates | below 1e{io.MAX_RATE_EXPONENT} |",
        f"at most {io.MAX_WHOLE_DIGITS} digits",
        f"{io.YEAR_RANGE[0]} to {io.YEAR_RANGE[1]}",
        f"up to {_atomic.LOCK_TIMEOUT:.0f} seconds",
        f"above {reader._LAST_SERIAL}",
    ],
)
def test_the_page_states_the_codes_figures(text: str) -> None:
    assert text in " ".join(page().split())


def test_the_page_names_every_reserved_plugin_name() -> None:
    for name in RESERVED_NAMES:
        assert f"`{name}`" in page()


def test_the_page_is_in_the_documentation_tree() -> None:
    index = (TESTS.parent / "docs" / "index.md").read_text("utf-8")
    assert re.search(r"^security$", index, re.MULTILINE)
