"""``migsdg workbook``: write a blank Excel workbook for filling in a plan.

The workbook has the instructions, every data sheet with its headers and drop-down
lists, a Funding summary whose formulas add up as rows are filled in, and the SDG and GCM
code lists; no data. Fill it in, then ``migsdg import`` it. An existing file is not
overwritten without ``--force`` (it may be someone's filled-in workbook).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from migsdg.cli import EXIT_OK
from migsdg.cli._plan import usage_translator
from migsdg.cli._text import add_language_option
from migsdg.errors import MigsdgError


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "workbook",
        help="write a blank Excel workbook to fill in a plan",
        description="Write a blank Excel workbook (.xlsx) for filling in a Migration-SDG "
        "Action Plan: instructions, one sheet per kind of item with drop-down lists, a "
        "funding summary that adds up as you fill it in, and the SDG target codes. Import "
        "the filled-in workbook with 'migsdg import'. Prints the path written.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="workbook to write")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_language_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.excel import write_template

    tr = usage_translator(args)
    path = Path(args.output)
    if path.suffix.lower() != ".xlsx":
        raise MigsdgError(tr._("the workbook must be an .xlsx file, not {name!r}", name=path.name))
    if path.exists() and not args.force:
        raise MigsdgError(tr._("{path} exists; use --force to overwrite it", path=path))
    write_template(path, language=args.language)
    print(path)
    return EXIT_OK
