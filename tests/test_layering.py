"""The core stands alone: its modules import no edge, not even inside a function.

The pure core (the model and its checks, the catalogue, codes, errors, views, review,
workflow, ladder and diff) must work without the plugin host, the high-level API, the
readers and writers, the exporters, the command line, and the libraries they use (Office
and XML libraries, PyYAML, pluggy). This test reads the source of every core module and
walks every ``import`` in it, top-level or inside a function, so a lazy import cannot hide
a dependency either. Public functions, not private modules, cross package boundaries.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "migsdg"

#: The pure core, and the small helpers it is built on.
CORE = (
    "model",
    "catalogue",
    "codes",
    "errors",
    "views",
    "review",
    "workflow",
    "ladder",
    "diff",
    "checks",
    "_validate",
    "_guard",
    "_version",
)

#: Modules the core may use that are neither core nor edge: the translation markers
#: (``msg`` makes a message to translate later; no catalogue is read when it is called).
SHARED = ("i18n",)

#: Libraries only edges may use.
EDGE_LIBRARIES = ("pluggy", "yaml", "docx", "openpyxl", "lxml", "defusedxml", "cattrs")


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        package = SRC / name
        files += sorted(package.rglob("*.py")) if package.is_dir() else [SRC / f"{name}.py"]
    return files


def _module_of(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(source: str, module: str) -> Iterator[tuple[int, str]]:
    """Every module ``source`` imports, anywhere in it, as an absolute name."""
    package = module.rsplit(".", 1)[0] if not module.endswith("__init__") else module
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base]) if base else ".".join(parent)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if base.startswith("migsdg") else base


def edge_imports(source: str, module: str) -> list[str]:
    """The edge imports of ``source`` (the module ``module``), as ``line: name``."""
    found = []
    for line, name in _imports(source, module):
        parts = name.split(".")
        if parts[0] in EDGE_LIBRARIES:
            found.append(f"{line}: {name}")
        elif parts[0] == "migsdg" and len(parts) > 1 and parts[1] not in (*CORE, *SHARED):
            # ``from migsdg import x`` names a module or a public name of the package;
            # either way it goes through the package, which re-exports edges too.
            found.append(f"{line}: {name}")
    return found


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_core_module_imports_no_edge(path: Path) -> None:
    assert edge_imports(path.read_text(encoding="utf-8"), _module_of(path)) == []


def test_the_walk_finds_edge_imports_wherever_they_hide() -> None:
    source = """
import attrs
from migsdg.model import ActionPlan
from migsdg.checks._core import Rule

def late():
    from migsdg.plugins import get_host
    import yaml
    return get_host

class Lazy:
    def method(self):
        from migsdg import io
        from migsdg.word.writer import write_docx
"""
    assert edge_imports(source, "migsdg.workflow") == [
        "7: migsdg.plugins.get_host",
        "8: yaml",
        "13: migsdg.io",
        "14: migsdg.word.writer.write_docx",
    ]


def test_the_core_list_names_real_modules() -> None:
    for name in CORE:
        assert (SRC / name).is_dir() or (SRC / f"{name}.py").is_file(), name


def _private_cross_package_imports() -> Iterator[str]:
    for path in sorted(SRC.rglob("*.py")):
        module = _module_of(path)
        top = module.split(".")[1] if "." in module else ""
        for line, name in _imports(path.read_text(encoding="utf-8"), module):
            parts = name.split(".")
            if parts[0] != "migsdg" or len(parts) < 3:
                continue
            owner = parts[1]
            private = [p for p in parts[2:] if p.startswith("_") and not p.startswith("__")]
            if private and owner != top:
                yield f"{path.relative_to(SRC)}:{line}: {name}"


def test_no_package_uses_another_package_s_private_modules_or_names() -> None:
    # Within a package (word, excel, iati, checks …) private modules are its business;
    # across packages only public names are used. The shared private helpers of the
    # package root (``migsdg._atomic``, ``migsdg._guard``, ``migsdg._validate``,
    # ``migsdg._version``, ``migsdg._builtin``) are one module each, not another
    # package's internals.
    assert list(_private_cross_package_imports()) == []
