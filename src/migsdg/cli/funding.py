"""``migsdg funding``: the plan's resource mobilization view.

Per intervention the resources required (supporting activities included), the funding
secured, pledged and proposed, the gap and the money spent; totals per funding category
(the guide's four) and per funding source and partner; the interventions that need
additional resources, largest gap first; the money spent on each intervention that
records spending. Amounts in another currency need an exchange rate in the plan; without
one the command stops with exit 2 rather than add up different currencies.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from migsdg._csv import csv_line, neutralised
from migsdg.cli._plan import add_plan_arguments, load_plan_argument
from migsdg.cli._text import add_language_option, write_view
from migsdg.present import funding_view
from migsdg.views import FundingSummary, funding_summary, plain_amount

#: The CSV tables and their columns, in order (documented in docs/formats.md).
CSV_TABLES: dict[str, tuple[str, ...]] = {
    "interventions": (
        "intervention",
        "title",
        "resources",
        "supporting_activities",
        "required",
        "secured",
        "pledged",
        "proposed",
        "gap",
        "currency",
        "spent",
    ),
    "categories": (
        "category",
        "label",
        "secured",
        "pledged",
        "proposed",
        "total",
        "currency",
        "spent",
    ),
    "sources": (
        "source",
        "name",
        "provider",
        "provider_name",
        "category",
        "secured",
        "pledged",
        "proposed",
        "total",
        "currency",
        "spent",
    ),
    "needing": (
        "rank",
        "intervention",
        "title",
        "required",
        "secured",
        "pledged",
        "gap",
        "currency",
    ),
}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "funding",
        help="resources required, funding and gaps (resource mobilization plan)",
        description="Show resources required (supporting activities included), funding "
        "secured, pledged and proposed, and the gap per intervention, totals per funding "
        "category and per source, and the interventions needing additional resources.",
    )
    add_plan_arguments(p)
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    add_language_option(p)
    p.add_argument(
        "--table",
        choices=tuple(CSV_TABLES),
        default="interventions",
        help="with --format csv, which table to write (default: interventions)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    plan = load_plan_argument(args)
    summary = funding_summary(plan)
    if args.format == "json":
        json.dump(summary.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        write_csv(summary, args.table, sys.stdout)
    else:
        write_view(funding_view(plan, args.language, summary=summary), sys.stdout)
    return 0


def _text(value: str | None) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula (see
    :func:`migsdg._csv.neutralised`)."""
    return neutralised(value or "")


def csv_rows(summary: FundingSummary, table: str) -> list[tuple[str, ...]]:
    """The rows of one CSV table, header first; amounts as plain decimal text, and text
    that a spreadsheet would read as a formula prefixed with an apostrophe."""
    a, t, cur = plain_amount, _text, summary.currency
    rows: list[tuple[str, ...]] = [CSV_TABLES[table]]
    if table == "interventions":
        rows += [
            (
                t(i.intervention),
                t(i.title),
                a(i.resources),
                a(i.supporting_activities),
                a(i.required),
                a(i.secured),
                a(i.pledged),
                a(i.proposed),
                a(i.gap),
                cur,
                a(i.spent),
            )
            for i in summary.interventions
        ]
    elif table == "categories":
        rows += [
            (
                c.category.value if c.category else "",
                t(c.label),
                a(c.secured),
                a(c.pledged),
                a(c.proposed),
                a(c.total),
                cur,
                a(c.spent),
            )
            for c in summary.categories
        ]
    elif table == "sources":
        rows += [
            (
                t(s.source),
                t(s.name),
                t(s.provider),
                t(s.provider_name),
                s.category.value if s.category else "",
                a(s.secured),
                a(s.pledged),
                a(s.proposed),
                a(s.total),
                cur,
                a(s.spent),
            )
            for s in summary.sources
        ]
    else:
        rows += [
            (
                str(rank),
                t(i.intervention),
                t(i.title),
                a(i.required),
                a(i.secured),
                a(i.pledged),
                a(i.gap),
                cur,
            )
            for rank, i in enumerate(summary.needing_resources(), 1)
        ]
    return rows


def write_csv(summary: FundingSummary, table: str, out: TextIO) -> None:
    """The table as CSV (RFC 4180 quoting, rows ended by a line feed)."""
    for row in csv_rows(summary, table):
        out.write(csv_line(row))
