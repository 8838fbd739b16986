"""The plan a command reads: a file, or one of the embedded example plans.

Every command that reads a plan takes it the same way: ``PLAN`` (a file) or
``--example NAME`` (``national``, ``provincial``), one of the two.

A command that changes a plan (``status`` transitions, ``add``, ``ladder --write``) writes
it back to ``PLAN`` or, with ``-o/--output FILE``, to another file: then ``PLAN`` is only
read, and may be a workbook. An embedded example is never changed where it is installed:
with ``--example`` the output file is required. As for every command that writes, an
existing output file is replaced only with ``--force``, and never when it is read-only.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from migsdg.errors import MigsdgError
from migsdg.i18n import SOURCE_LANGUAGE, Translator, translator
from migsdg.model import ActionPlan

__all__ = [
    "WRITABLE",
    "add_example_option",
    "add_output_arguments",
    "add_plan_arguments",
    "load_plan_argument",
    "output_path",
    "plan_source",
    "source_text",
    "usage_translator",
]

#: The plan files a command can write (a workbook is written by ``migsdg export``).
WRITABLE = (".yaml", ".yml", ".json")


def add_example_option(parser: Any, help: str | None = None) -> None:
    """``--example NAME``: an embedded example plan in place of the plan file."""
    parser.add_argument(
        "--example",
        metavar="NAME",
        help=help or "use an embedded example plan instead of a file (national, provincial)",
    )


def add_plan_arguments(parser: Any, *, kinds: str = ".yaml, .yml, .json, .xlsx") -> None:
    """``PLAN`` or ``--example NAME`` (exactly one, checked by :func:`load_plan_argument`)."""
    parser.add_argument("plan", nargs="?", metavar="PLAN", help=f"plan file ({kinds})")
    add_example_option(parser)


def add_output_arguments(parser: Any, *, when: str = "") -> None:
    """``-o/--output FILE`` and ``--force`` of a command that changes a plan."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the changed plan to FILE (.yaml, .yml or .json) instead of back to PLAN; "
        f"required with --example{when}",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def usage_translator(args: argparse.Namespace) -> Translator:
    """The translator of a command's own messages: ``--language`` where the command has
    it (the plan's language is not known before the plan is read), else English."""
    return translator(getattr(args, "language", None) or SOURCE_LANGUAGE)


def _one_source(args: argparse.Namespace) -> None:
    if (args.plan is None) == (args.example is None):
        raise MigsdgError(
            usage_translator(args)._("give a PLAN file or --example NAME (one of the two)")
        )


def load_plan_argument(args: argparse.Namespace) -> ActionPlan:
    """The plan named by ``PLAN`` or ``--example``."""
    _one_source(args)
    if args.example is not None:
        from migsdg.examples import load_example

        return load_example(args.example)
    from migsdg.io import load_plan

    return load_plan(args.plan)


def source_text(args: argparse.Namespace) -> str | None:
    """The YAML text the plan was read from (an example's, comments included), or None
    when the plan is a file: the caller reads the file itself, under its lock."""
    if args.example is None:
        return None
    from migsdg.examples import example_text

    return example_text(args.example)


def plan_source(args: argparse.Namespace) -> str:
    """How messages name the plan: its file, or ``example 'national'``."""
    return str(args.plan) if args.plan is not None else f"example {args.example!r}"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def output_path(args: argparse.Namespace) -> Path:
    """Where a command that changes the plan writes it: ``-o FILE``, else ``PLAN`` itself.

    Refused (:class:`MigsdgError`, exit 2) before anything is read or written: an example
    without ``-o`` (it is never changed in place), a file format the plan cannot be written
    in, an existing output file without ``--force`` and a read-only one (even with it).
    ``-o`` naming ``PLAN`` itself is the same as leaving it out.
    """
    from migsdg._atomic import check_writable

    _one_source(args)
    tr = usage_translator(args)
    if args.output is None:
        if args.example is not None:
            raise MigsdgError(
                tr._(
                    "--example {name}: an embedded example is never changed in place; "
                    "give -o/--output FILE for the changed plan",
                    name=args.example,
                )
            )
        path = Path(args.plan)
        if path.suffix.lower() not in WRITABLE:
            raise MigsdgError(
                tr._(
                    "{path}: a changed plan is written to a .yaml, .yml or .json file; "
                    "give one with -o/--output FILE",
                    path=path,
                )
            )
        return path
    out = Path(args.output)
    if out.suffix.lower() not in WRITABLE:
        raise MigsdgError(
            tr._(
                "{path}: a changed plan is written to a .yaml, .yml or .json file",
                path=out,
            )
        )
    if args.plan is not None and _same_file(Path(args.plan), out):
        return out  # -o PLAN: changed in place, as without -o
    if out.exists():
        check_writable(out)  # a read-only file is kept even with --force
        if not args.force:
            raise MigsdgError(tr._("{path} exists; use --force to overwrite it", path=out))
    return out
