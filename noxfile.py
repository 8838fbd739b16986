"""Development sessions: ``nox -s tests lint typecheck examples``."""

from __future__ import annotations

import pathlib
import tempfile

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "examples"]
HERE = pathlib.Path(__file__).parent
LINTED = ["src", "tests", "benchmarks", "examples", "noxfile.py"]


@nox.session
def tests(session: nox.Session) -> None:
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
def benchmarks(session: nox.Session) -> None:
    """Speed and memory ratios against the underlying libraries (not run in CI)."""
    session.install(".[test,dev]")
    session.run("python", "-m", "benchmarks", *session.posargs)
