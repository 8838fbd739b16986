"""``migsdg schema``: print the JSON Schema of the plan file (or its Markdown reference)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from migsdg.cli import EXIT_OK
from migsdg.cli._text import add_language_option


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the plan file",
        description="Print the JSON Schema (draft 2020-12) of the plan file, generated from "
        "the plan model. Point an editor at it to get completion and checking while writing "
        "a plan in YAML or JSON.",
    )
    p.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json: the schema (default); markdown: the reference of every key",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_language_option(p, help="language of the messages (default: English)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.schema import plan_file_reference, plan_json_schema

    if args.format == "markdown":
        text = plan_file_reference()
    else:
        text = json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from pathlib import Path

        from migsdg._atomic import atomic_write_text
        from migsdg.cli._plan import usage_translator
        from migsdg.errors import MigsdgError

        if Path(args.output).exists() and not args.force:
            tr = usage_translator(args)
            raise MigsdgError(tr._("{path} exists; use --force to overwrite it", path=args.output))
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
