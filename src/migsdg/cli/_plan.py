"""The plan a command reads: a file, or one of the embedded example plans.

Every command that reads a plan takes it the same way: ``PLAN`` (a file) or
``--example NAME`` (``national``, ``provincial``), one of the two.
"""

from __future__ import annotations

import argparse
from typing import Any

from migsdg.errors import MigsdgError
from migsdg.model import ActionPlan

__all__ = ["add_plan_arguments", "load_plan_argument", "plan_source"]


def add_plan_arguments(parser: Any, *, kinds: str = ".yaml, .yml, .json, .xlsx") -> None:
    """``PLAN`` or ``--example NAME`` (exactly one, checked by :func:`load_plan_argument`)."""
    parser.add_argument("plan", nargs="?", metavar="PLAN", help=f"plan file ({kinds})")
    parser.add_argument(
        "--example",
        metavar="NAME",
        help="use an embedded example plan instead of a file (national, provincial)",
    )


def load_plan_argument(args: argparse.Namespace) -> ActionPlan:
    """The plan named by ``PLAN`` or ``--example``."""
    if (args.plan is None) == (args.example is None):
        raise MigsdgError("give a PLAN file or --example NAME (one of the two)")
    if args.example is not None:
        from migsdg.examples import load_example

        return load_example(args.example)
    from migsdg.io import load_plan

    return load_plan(args.plan)


def plan_source(args: argparse.Namespace) -> str:
    """How messages name the plan: its file, or ``example 'national'``."""
    return str(args.plan) if args.plan is not None else f"example {args.example!r}"
