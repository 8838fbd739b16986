"""``migsdg example``: write out one of the example plans shipped with migsdg."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from migsdg.cli import EXIT_BAD_INPUT, EXIT_OK
from migsdg.cli._plan import usage_translator
from migsdg.cli._text import add_language_option


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
    add_language_option(p, help="language of the messages (default: the example's language)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.examples import example_text, load_example, names

    if args.list:
        for name in names():
            plan = load_example(name)
            print(f"{name:<12} {plan.title}")
        return EXIT_OK
    tr = usage_translator(args)
    if not args.name:
        refusal = tr._("give an example NAME (or --list)")
        print(f"migsdg: error: example: {refusal}", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = example_text(args.name)  # an unknown name is a MigsdgError naming the examples
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        refusal = tr._("{path}: write the example as .yaml, .yml or .json", path=out)
        print(f"migsdg: error: example: {refusal}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if out.exists() and not args.force:
        refusal = tr._("{path} exists; use --force to overwrite it", path=out)
        print(f"migsdg: error: {refusal}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from migsdg.i18n import translator
    from migsdg.present import view_language

    plan = load_example(args.name)
    if suffix == ".json":
        from migsdg.io import dumps_plan

        text = dumps_plan(plan, format="json")
    from migsdg._atomic import atomic_write_text

    atomic_write_text(out, text)
    tr = translator(view_language(plan, args.language))
    print(tr._("wrote example {name!r} to {path}", name=args.name, path=out), file=sys.stderr)
    return EXIT_OK
