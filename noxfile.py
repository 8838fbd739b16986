"""Development sessions: ``nox -s tests lint typecheck examples``; ``nox -s docs`` builds the
documentation site."""

from __future__ import annotations

import pathlib
import tempfile

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "examples"]
HERE = pathlib.Path(__file__).parent
LINTED = ["src", "tests", "benchmarks", "examples", "noxfile.py"]


@nox.session
def tests(session: nox.Session) -> None:
    """The fast set, on every core: every test not marked slow (LibreOffice, large
    plans, the longer real-process runs, Spanish and French where English and Arabic are
    run), with the fast hypothesis profile. Each worker takes whole test files, so that
    a file's shared fixtures are built once. Python writes its bytecode caches even where
    the shell asks it not to: without them, each run compiles every module again."""
    session.install(".[test]")
    session.run(
        "pytest",
        "-q",
        "-m",
        "not slow",
        "-n",
        "auto",
        "--dist",
        "loadfile",
        *session.posargs,
        env={"PYTHONDONTWRITEBYTECODE": ""},
    )


@nox.session
def tests_full(session: nox.Session) -> None:
    """Every test, as CI runs them (``pytest -q``)."""
    session.install(".[test]")
    session.run("pytest", "-q", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install(".[dev]")
    session.run("mypy", "src")


@nox.session
def examples(session: nox.Session) -> None:
    """Run every script in examples/ from an empty directory."""
    session.install(".")
    for script in sorted((HERE / "examples").glob("*.py")):
        with tempfile.TemporaryDirectory() as tmp:
            session.chdir(tmp)
            session.run("python", str(script))
    session.chdir(HERE)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into docs/_build/html (offline, warnings are errors)
    and check it holds the API and CLI references and the gallery's pictures."""
    session.install(".[docs]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    session.run("python", "docs/_scripts/check_site.py", "docs/_build/html")


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Speed and memory ratios against the underlying libraries (not run in CI)."""
    session.install(".[test,dev]")
    session.run("python", "-m", "benchmarks", *session.posargs)
