"""``migsdg progress``: the plan's progress as it is implemented.

Each indicator against its baseline, interim values and targets and final target (target
reached, on track, off track with the gap, no data yet, no target to compare), and each
intervention's milestones reached, overdue or upcoming, as of a date (default today).

Text is the view people read, in the plan's language (``--language`` for another). JSON is
:meth:`migsdg.progress.Progress.to_dict` (``format: migsdg-progress``, documented in
docs/formats.md). CSV has one row per indicator and per milestone (columns
:data:`CSV_COLUMNS`); text a spreadsheet would run as a formula is prefixed with an
apostrophe. Exit 0, or 2 for a plan that cannot be read or a bad date.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

from migsdg.cli._plan import add_plan_arguments, load_plan_argument
from migsdg.cli._text import add_language_option, write_view
from migsdg.progress import Progress

#: The CSV columns, in order (documented in docs/formats.md).
CSV_COLUMNS: tuple[str, ...] = (
    "record",
    "intervention",
    "location",
    "indicator",
    "name",
    "unit",
    "baseline",
    "baseline_year",
    "latest",
    "latest_year",
    "latest_date",
    "expected",
    "target",
    "target_year",
    "status",
    "gap",
    "gap_to_target",
    "due",
    "reached_on",
    "days_late",
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "progress",
        help="indicators and milestones against the plan, as it is implemented",
        description="Report each indicator's achieved values against its baseline, interim "
        "targets and final target (on track, off track with the gap, no data), and each "
        "intervention's milestones reached or overdue, as of a date.",
    )
    add_plan_arguments(p)
    p.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date,
        default=None,
        help="the date of the report, YYYY-MM-DD (default: today); values and milestones "
        "dated later are not yet known",
    )
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    add_language_option(p)
    p.set_defaults(run=run)


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    from migsdg.progress import progress

    plan = load_plan_argument(args)
    report = progress(plan, as_of=args.as_of)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        write_csv(report, sys.stdout)
    else:
        from migsdg.progress_view import progress_view

        write_view(progress_view(plan, args.language, report=report), sys.stdout)
    return 0


def _num(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _opt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def csv_rows(report: Progress) -> list[tuple[str, ...]]:
    """The CSV rows, header first: one per indicator, then one per milestone, each in
    plan order; text a spreadsheet would run as a formula gets a leading apostrophe."""
    from migsdg.cli.funding import _text as t

    rows: list[tuple[str, ...]] = [CSV_COLUMNS]
    for i in report.indicators():
        latest = i.latest
        base, target = i.baseline, i.target
        rows.append(
            (
                "indicator",
                t(i.intervention),
                i.location,
                t(i.indicator.code or ""),
                t(i.indicator.name),
                t(i.indicator.unit),
                _num(base.value if base else None),
                _opt(base.year if base else None),
                _num(latest.value if latest else None),
                _opt(latest.year if latest else None),
                _opt(latest.date if latest else None),
                _num(i.expected),
                _num(target.value if target else None),
                _opt(target.year if target else None),
                i.status.value,
                _num(i.gap),
                _num(i.gap_to_target),
                "",
                "",
                "",
            )
        )
    for ivid, m in report.milestones():
        rows.append(
            (
                "milestone",
                t(ivid),
                m.location,
                "",
                t(m.description),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                m.status.value,
                "",
                "",
                _opt(m.date),
                _opt(m.reached_on),
                _opt(m.days_late),
            )
        )
    return rows


def write_csv(report: Progress, out: TextIO) -> None:
    """The report as CSV (RFC 4180 quoting, rows ended by a line feed)."""
    from migsdg._csv import csv_line

    for row in csv_rows(report):
        out.write(csv_line(row))
