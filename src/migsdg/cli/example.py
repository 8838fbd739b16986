"""``migsdg example``: write out one of the example plans shipped with migsdg."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from migsdg.cli import EXIT_BAD_INPUT, EXIT_OK


def add_parser(sub: Any) -> None:
    from migsdg.examples import names

    p = sub.add_parser(
        "example",
        help="write out an example plan (national, provincial)",
        description="Write one of the example plans shipped with migsdg, to start from or "
        "to try the other commands on. A .yaml/.yml output keeps the example's comments; a "
        ".json output is the same plan as JSON. Examples: " + ", ".join(names()) + ".",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="the example: " + ", ".join(names()))
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (.yaml, .yml or .json); without it, YAML goes to stdout",
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--list", action="store_true", help="list the examples and exit")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.examples import example_text, load_example, names

    if args.list:
        for name in names():
            plan = load_example(name)
            print(f"{name:<12} {plan.title}")
        return EXIT_OK
    if not args.name:
        print("migsdg: error: example: give an example NAME (or --list)", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = example_text(args.name)  # an unknown name is a MigsdgError naming the examples
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        print(
            f"migsdg: error: example: {out}: write the example as .yaml, .yml or .json",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if out.exists() and not args.force:
        print(
            f"migsdg: error: example: {out} already exists (use --force to overwrite it)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if suffix == ".json":
        from migsdg.io import dumps_plan

        text = dumps_plan(load_example(args.name), format="json")
    from migsdg._atomic import atomic_write_text

    atomic_write_text(out, text)
    print(f"wrote example {args.name!r} to {out}", file=sys.stderr)
    return EXIT_OK
