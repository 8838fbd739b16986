"""The documentation site cannot drift from the code.

- Every public class and function (``migsdg.__all__``, the plugin-author module,
  ``migsdg.testing`` and the hook specifications) has a docstring, and the API reference
  pages document each of those modules.
- The CLI reference generator (``docs/_ext/migsdg_cli_reference.py``) lists every command
  and every option of the real parser.
- Every code block of the documentation runs: Python blocks are executed (one namespace
  per page, in a scratch folder), and each ``migsdg`` command of a console or shell block
  is run through the command line's entry point and must not be refused as bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import importlib
import importlib.util
import inspect
import io
import os
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sybil import Example, Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.myst import CodeBlockParser

import migsdg
from migsdg.cli import EXIT_BAD_INPUT, build_parser, main
from migsdg.examples import load_example
from migsdg.plugins import reset_host

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: The modules whose public names make up the documented API.
PUBLIC_MODULES = [
    "migsdg",
    "migsdg.testing",
    "migsdg.hookspecs",
    "migsdg.plugin",
    "migsdg.sections",
]


def _public_modules() -> list[ModuleType]:
    found = []
    for name in PUBLIC_MODULES:
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found


def _public_names(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is None:  # the hook specifications: every hook
        names = [n for n in vars(module) if n.startswith("migsdg_")]
    return list(names)


def _undocumented(module: ModuleType) -> Iterator[str]:
    for name in _public_names(module):
        obj = getattr(module, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not (obj.__doc__ or "").strip():
            yield f"{module.__name__}.{name}"
        if inspect.isclass(obj) and not issubclass(obj, enum.Enum):
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                func = value.fget if isinstance(value, property) else value
                func = getattr(func, "__func__", func)
                if inspect.isfunction(func) and not (func.__doc__ or "").strip():
                    yield f"{module.__name__}.{name}.{attr}"


def test_every_public_name_has_a_docstring() -> None:
    missing = [name for module in _public_modules() for name in _undocumented(module)]
    assert missing == [], "public names without a docstring: " + ", ".join(missing)


def test_the_undocumented_check_finds_an_undocumented_name() -> None:
    module = ModuleType("fake")
    exec("def visible(): pass\nclass Shown:\n    def method(self): pass\n", vars(module))
    module.__all__ = ["visible", "Shown"]  # type: ignore[attr-defined]
    assert list(_undocumented(module)) == ["fake.visible", "fake.Shown", "fake.Shown.method"]


def test_the_api_reference_documents_every_public_module() -> None:
    pages = "\n".join(p.read_text("utf-8") for p in (DOCS / "reference").glob("*.md"))
    documented = set(re.findall(r"^\.\. automodule:: (\S+)", pages, re.MULTILINE))
    assert {m.__name__ for m in _public_modules()} <= documented


def _cli_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "migsdg_cli_reference", DOCS / "_ext" / "migsdg_cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_lists_every_command_and_option() -> None:
    pytest.importorskip("sphinx")
    ref = _cli_reference()
    parser = build_parser()
    listed = {name: sub for name, _, sub in ref._subcommands(parser)}
    sub_action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(listed) == set(sub_action.choices)
    for name, sub in listed.items():
        rows = "\n".join(option for option, _ in ref._rows(sub))
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            for flag in action.option_strings or [action.metavar or action.dest]:
                assert str(flag) in rows, f"migsdg {name}: {flag} missing from the reference"


# --- every code block runs ------------------------------------------------------------

#: Commands of console blocks that are not migsdg's own and are not run (they install
#: packages or run the development tools).
NOT_RUN = ("pip", "nox", "python", "pytest", "git", "soffice", "pdftoppm")
#: The suffixes of the files a documented command may read.
INPUT_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".docx", ".dotx")
OUTPUT_FLAGS = ("-o", "--output")


def _provide_input(name: str) -> None:
    """Create a file a documented command reads, from the national example, if missing."""
    path = Path(name)
    if path.exists() or path.suffix not in INPUT_SUFFIXES:
        return
    if path.suffix == ".docx" or path.suffix == ".dotx":
        docx = pytest.importorskip("docx")
        docx.Document().save(str(path.with_suffix(".docx")))
        if path.suffix == ".dotx":
            path.with_suffix(".docx").rename(path)
        return
    if path.suffix == ".xlsx":
        migsdg.export(load_example("national"), path)
    else:
        migsdg.save_plan(load_example("national"), path)


def _commands(source: str) -> Iterator[str]:
    """The commands of a console (``$ ``-prefixed) or shell block, continuations joined."""
    console = any(line.startswith("$ ") for line in source.splitlines())
    pending = ""
    for raw in source.splitlines():
        line = raw.rstrip()
        if console:
            if pending:
                line = pending + " " + line.strip()
            elif line.startswith("$ "):
                line = line[2:]
            else:
                continue  # output shown in the block
        elif pending:
            line = pending + " " + line.strip()
        if line.endswith("\\"):
            pending = line[:-1].rstrip()
            continue
        pending = ""
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            yield line


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """Run with ``env`` set (as ``NAME=value migsdg …`` does), plugins found anew."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    reset_host()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        reset_host()


def _run_command(line: str) -> None:
    words = shlex.split(line.replace("PLAN", "plan.yaml"))
    if words[0] == "cp":
        _provide_input(words[1])
        shutil.copyfile(words[1], words[2])
        return
    env = {}
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if words[0] in NOT_RUN:
        return
    assert words[0] == "migsdg", f"unexpected command in the docs: {line}"
    args = words[1:]
    outputs = {args[i + 1] for i, word in enumerate(args[:-1]) if word in OUTPUT_FLAGS}
    for word in args:
        if word not in outputs and not word.startswith("-"):
            _provide_input(word)
    for output in outputs:  # the docs show each command on a fresh output
        target = Path(output)
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists() and "--dry-run" not in args and args[0] != "import":
            target.unlink()
    if args[0] == "import" and "--dry-run" not in args and "--force" not in args:
        args.append("--force")  # the shown command replaces a plan an earlier one wrote
    err = io.StringIO()
    with (
        _environment(env),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    assert code != EXIT_BAD_INPUT, f"`{line}` was refused:\n{err.getvalue()}"


def _evaluate_commands(example: Example) -> None:
    for line in _commands(example.parsed):
        if line.startswith("pip install"):
            # What follows in the block uses the package just installed; the tests of
            # that package (test_plugins_docs, test_example_plugin) run it installed.
            return
        _run_command(line)


_PYTHON = PythonEvaluator()


def _evaluate_python(example: Example) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        _PYTHON(example)


SYBIL = Sybil(
    parsers=[
        CodeBlockParser("python", _evaluate_python),
        CodeBlockParser("console", _evaluate_commands),
        CodeBlockParser("sh", _evaluate_commands),
    ],
)

#: Pages whose blocks need a package installed first; their own tests install it and run
#: the blocks (tests/test_plugins_docs.py installs the walk-through plugin of plugins.md).
RUN_ELSEWHERE = {DOCS / "plugins.md"}
PAGES = sorted(
    p
    for p in [*DOCS.rglob("*.md"), ROOT / "README.md"]
    if "_build" not in p.parts and "_static" not in p.parts and p not in RUN_ELSEWHERE
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    migsdg.save_plan(load_example("national"), tmp_path / "plan.yaml")  # "your plan"
    document = SYBIL.parse(page)
    document.namespace["__name__"] = "docs_example"
    for example in document:
        try:
            example.evaluate()
        except Exception as exc:
            pytest.fail(f"{page.name}, line {example.line}: {type(exc).__name__}: {exc}")


def test_a_broken_command_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AssertionError, match="was refused"):
        _run_command("migsdg export plan.yaml -o out.docx --no-such-option")


def test_console_blocks_are_split_into_commands() -> None:
    block = (
        "$ migsdg check plan.yaml   # a comment\nplan.yaml: 0 errors\n$ migsdg a \\\n    --b c\n"
    )
    assert list(_commands(block)) == ["migsdg check plan.yaml", "migsdg a --b c"]
