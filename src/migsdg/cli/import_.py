"""``migsdg import``: read a filled-in Excel workbook into a plan file.

Importing REPLACES: the workbook is the whole plan, and the plan file written holds
exactly what the workbook holds. Nothing is merged. An existing plan file is therefore
only overwritten with ``--force``; ``--dry-run`` shows what would change compared with
it (items added, removed and changed by ID, with the fields changed) and writes nothing.

Every problem in the workbook is reported at once with its sheet, cell and column, and
nothing is written until the whole workbook reads cleanly (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from migsdg.cli import EXIT_OK
from migsdg.errors import MigsdgError
from migsdg.model import ActionPlan

_PLAN_SUFFIXES = (".yaml", ".yml", ".json")

#: The plan's collections of items with IDs, as the summary names them.
_COLLECTIONS = (
    ("objectives", "objectives"),
    ("interim_targets", "interim targets"),
    ("actors", "actors"),
    ("funding_sources", "funding sources"),
    ("interventions", "interventions"),
    ("consultations", "consultations"),
    ("existing_frameworks", "existing frameworks"),
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="read a filled-in Excel workbook into a plan file (REPLACES the plan)",
        description="Read an Excel workbook (from 'migsdg workbook' or 'migsdg export') into "
        "a plan file. Importing REPLACES the plan: the workbook is the whole plan, nothing is "
        "merged, and whatever is not in the workbook is not in the plan written. An existing "
        "plan file is overwritten only with --force; use --dry-run first to see what would "
        "change. Problems are reported with their sheet, cell and column, all at once, and "
        "nothing is written until the workbook reads cleanly.",
    )
    p.add_argument("workbook", metavar="WORKBOOK", help="the workbook to import (.xlsx)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PLAN",
        help="plan file to write (.yaml, .yml or .json); replaced entirely",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would change compared with PLAN (items added, removed, changed) "
        "and write nothing",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace PLAN if it exists (an import never merges)",
    )
    p.add_argument(
        "--allow-unknown-ids",
        action="store_true",
        help="keep actor and funding-source IDs that are not on the Actors or Funding "
        "sources sheet (migsdg check reports them) instead of refusing the workbook",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg._atomic import guarded_update
    from migsdg.excel import read_workbook

    output = Path(args.output)
    if output.suffix.lower() not in _PLAN_SUFFIXES:
        raise MigsdgError(
            f"the plan file must be .yaml, .yml or .json, not {output.name!r} "
            "(to write a workbook, use migsdg export)"
        )
    workbook = Path(args.workbook)
    if workbook.suffix.lower() != ".xlsx":
        raise MigsdgError(f"migsdg import reads .xlsx workbooks, not {workbook.name!r}")
    plan = read_workbook(workbook, check_references=not args.allow_unknown_ids)
    with guarded_update(output):
        return _write(args, plan, workbook, output)


def _write(args: argparse.Namespace, plan: ActionPlan, workbook: Path, output: Path) -> int:
    from migsdg.io import load_plan, save_plan

    exists = output.exists()
    if args.dry_run:
        if exists:
            write_changes(load_plan(output), plan, workbook, output, sys.stdout)
        else:
            print(f"{output} does not exist; importing {workbook} would create it with:")
            print("  " + contents(plan))
        print("Nothing was written (--dry-run).")
        return EXIT_OK
    if exists and not args.force:
        raise MigsdgError(
            f"{output} exists, and importing replaces it entirely with what {workbook.name} "
            "holds (nothing is merged). Run with --dry-run to see what would change, then "
            "with --force to replace it"
        )
    save_plan(plan, output)
    print(output)
    return EXIT_OK


def contents(plan: ActionPlan) -> str:
    """What a plan holds, in one line."""
    parts = [
        f"{len(getattr(plan, name))} {label}" for name, label in _COLLECTIONS if getattr(plan, name)
    ]
    if plan.revisions:
        parts.append(f"{len(plan.revisions)} revisions")
    return f"plan {plan.id!r}: " + (", ".join(parts) if parts else "no items yet")


def _fields(changes: Any) -> list[str]:
    """The fields a list of changes touches, in order, without repeats."""
    names: dict[str, None] = {}
    for change in changes:
        head = change.path.split("[", 1)[0].split(".", 1)[0]
        names[head] = None
    return list(names)


def _ids(ids: tuple[str, ...], limit: int = 12) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f", … ({len(ids) - limit} more)" if len(ids) > limit else "")


def write_changes(
    old: ActionPlan, new: ActionPlan, workbook: Path, output: Path, out: TextIO
) -> None:
    """A concise summary of what importing ``new`` over ``old`` would change."""
    from migsdg.diff import diff_plans

    if old == new:
        print(f"No change: {workbook} holds the same plan as {output}.", file=out)
        return
    diff = diff_plans(old, new)
    print(f"Importing {workbook} would replace {output}:", file=out)
    if diff.is_empty:
        print("  only the order of some items or rows differs", file=out)
        return
    if diff.plan:
        print(f"  plan: {', '.join(_fields(diff.plan))} changed", file=out)
    if diff.status_changed:
        print(f"  status: {diff.old_status.value} -> {diff.new_status.value}", file=out)
    if diff.targets_added or diff.targets_dropped:
        bits = []
        if diff.targets_added:
            bits.append("added " + ", ".join(diff.targets_added))
        if diff.targets_dropped:
            bits.append("dropped " + ", ".join(diff.targets_dropped))
        print(f"  prioritized SDG targets: {'; '.join(bits)}", file=out)
    for name, label in _COLLECTIONS:
        items = getattr(diff, name)
        if not items:
            continue
        bits = []
        if items.added:
            bits.append(f"{len(items.added)} added ({_ids(items.added)})")
        if items.removed:
            bits.append(f"{len(items.removed)} removed ({_ids(items.removed)})")
        if items.changed:
            bits.append(f"{len(items.changed)} changed")
        print(f"  {label}: {'; '.join(bits)}", file=out)
        for ident, changes in items.changed[:20]:
            print(f"    {ident}: {', '.join(_fields(changes))}", file=out)
        if len(items.changed) > 20:
            print(f"    … and {len(items.changed) - 20} more", file=out)
    if diff.revisions_added:
        numbers = ", ".join(str(r.number) for r in diff.revisions_added)
        print(f"  revisions: {len(diff.revisions_added)} added ({numbers})", file=out)
    if diff.history_rewritten:
        n = len(diff.history_rewritten)
        print(f"  revision history: {n} earlier entr{'y' if n == 1 else 'ies'} rewritten", file=out)
        for note in diff.history_rewritten[:5]:
            print(f"    {note if len(note) <= 100 else note[:99] + '…'}", file=out)
    unchanged = [label for name, label in _COLLECTIONS if not getattr(diff, name)]
    if unchanged:
        print(f"  unchanged: {', '.join(unchanged)}", file=out)
