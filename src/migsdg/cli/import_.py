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
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from migsdg.cli import EXIT_OK
from migsdg.errors import MigsdgError
from migsdg.i18n import N_, Translator
from migsdg.model import ActionPlan

_PLAN_SUFFIXES = (".yaml", ".yml", ".json")

#: The plan's collections of items with IDs: as the summary names them, and counted.
_COLLECTIONS: tuple[tuple[str, str, Callable[[Translator, int], str]], ...] = (
    (
        "objectives",
        N_("objectives"),
        lambda tr, n: tr.ngettext("{n} objective", "{n} objectives", n),
    ),
    (
        "interim_targets",
        N_("interim targets"),
        lambda tr, n: tr.ngettext("{n} interim target", "{n} interim targets", n),
    ),
    ("actors", N_("actors"), lambda tr, n: tr.ngettext("{n} actor", "{n} actors", n)),
    (
        "funding_sources",
        N_("funding sources"),
        lambda tr, n: tr.ngettext("{n} funding source", "{n} funding sources", n),
    ),
    (
        "interventions",
        N_("interventions"),
        lambda tr, n: tr.ngettext("{n} intervention", "{n} interventions", n),
    ),
    (
        "consultations",
        N_("consultations"),
        lambda tr, n: tr.ngettext("{n} consultation", "{n} consultations", n),
    ),
    (
        "existing_frameworks",
        N_("existing frameworks"),
        lambda tr, n: tr.ngettext("{n} existing framework", "{n} existing frameworks", n),
    ),
)


def add_parser(sub: Any) -> None:
    from migsdg.i18n import languages

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
    p.add_argument(
        "--language",
        choices=languages(),
        default=None,
        help="language of the messages (default: the language of the plan in the workbook)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg._atomic import guarded_update
    from migsdg.cli._plan import usage_translator
    from migsdg.excel import read_workbook

    tr = usage_translator(args)
    output = Path(args.output)
    if output.suffix.lower() not in _PLAN_SUFFIXES:
        raise MigsdgError(
            tr._(
                "the plan file must be .yaml, .yml or .json, not {name!r} "
                "(to write a workbook, use migsdg export)",
                name=output.name,
            )
        )
    workbook = Path(args.workbook)
    if workbook.suffix.lower() != ".xlsx":
        raise MigsdgError(
            tr._("migsdg import reads .xlsx workbooks, not {name!r}", name=workbook.name)
        )
    plan = read_workbook(workbook, check_references=not args.allow_unknown_ids)
    with guarded_update(output):
        return _write(args, plan, workbook, output)


def _write(args: argparse.Namespace, plan: ActionPlan, workbook: Path, output: Path) -> int:
    from migsdg.i18n import translator
    from migsdg.io import load_plan, save_plan
    from migsdg.present import view_language

    tr = translator(view_language(plan, args.language))
    exists = output.exists()
    if args.dry_run:
        if exists:
            write_changes(load_plan(output), plan, workbook, output, sys.stdout, tr)
        else:
            print(
                tr._(
                    "{output} does not exist; importing {workbook} would create it with:",
                    output=output,
                    workbook=workbook,
                )
            )
            print("  " + contents(plan, tr))
        print(tr._("Nothing was written (--dry-run)."))
        return EXIT_OK
    if exists and not args.force:
        raise MigsdgError(
            tr._(
                "{output} exists, and importing replaces it entirely with what {workbook} "
                "holds (nothing is merged). Run with --dry-run to see what would change, "
                "then with --force to replace it",
                output=output,
                workbook=workbook.name,
            )
        )
    save_plan(plan, output)
    print(output)
    return EXIT_OK


def contents(plan: ActionPlan, tr: Translator) -> str:
    """What a plan holds, in one line, in ``tr``'s language."""
    parts = [
        count(tr, len(getattr(plan, name)))
        for name, _label, count in _COLLECTIONS
        if getattr(plan, name)
    ]
    if plan.revisions:
        parts.append(tr.ngettext("{n} revision", "{n} revisions", len(plan.revisions)))
    held = tr._(", ").join(parts) if parts else tr._("no items yet")
    return tr._("plan {id!r}: {contents}", id=plan.id, contents=held)


def _fields(changes: Any) -> list[str]:
    """The fields a list of changes touches, in order, without repeats."""
    names: dict[str, None] = {}
    for change in changes:
        head = change.path.split("[", 1)[0].split(".", 1)[0]
        names[head] = None
    return list(names)


def _ids(ids: tuple[str, ...], tr: Translator, limit: int = 12) -> str:
    shown = ", ".join(ids[:limit])
    if len(ids) <= limit:
        return shown
    more = len(ids) - limit
    return shown + ", " + tr.ngettext("… ({n} more)", "… ({n} more)", more)


def write_changes(
    old: ActionPlan,
    new: ActionPlan,
    workbook: Path,
    output: Path,
    out: TextIO,
    tr: Translator | None = None,
) -> None:
    """A concise summary of what importing ``new`` over ``old`` would change, in ``tr``'s
    language (default: the language of the plan imported). Field names are the plan
    file's keys and stay as they are."""
    from migsdg.diff import diff_plans
    from migsdg.i18n import translator
    from migsdg.present import view_language
    from migsdg.texts import enum_label

    tr = tr or translator(view_language(new, None))
    sep = tr._(", ")
    if old == new:
        print(
            tr._(
                "No change: {workbook} holds the same plan as {output}.",
                workbook=workbook,
                output=output,
            ),
            file=out,
        )
        return
    diff = diff_plans(old, new)
    print(
        tr._("Importing {workbook} would replace {output}:", workbook=workbook, output=output),
        file=out,
    )
    if diff.is_empty:
        print("  " + tr._("only the order of some items or rows differs"), file=out)
        return
    if diff.plan:
        fields = sep.join(_fields(diff.plan))
        print("  " + tr._("plan: {fields} changed", fields=fields), file=out)
    if diff.status_changed:
        line = tr._(
            "status: {old} -> {new}",
            old=enum_label(diff.old_status, tr),
            new=enum_label(diff.new_status, tr),
        )
        print("  " + line, file=out)
    if diff.targets_added or diff.targets_dropped:
        bits = []
        if diff.targets_added:
            bits.append(tr._("added {codes}", codes=", ".join(diff.targets_added)))
        if diff.targets_dropped:
            bits.append(tr._("dropped {codes}", codes=", ".join(diff.targets_dropped)))
        print(
            "  " + tr._("prioritized SDG targets: {changes}", changes=tr._("; ").join(bits)),
            file=out,
        )
    for name, label, _count in _COLLECTIONS:
        items = getattr(diff, name)
        if not items:
            continue
        bits = []
        if items.added:
            ids = _ids(items.added, tr)
            bits.append(
                tr.ngettext("{n} added ({ids})", "{n} added ({ids})", len(items.added), ids=ids)
            )
        if items.removed:
            ids = _ids(items.removed, tr)
            n = len(items.removed)
            bits.append(tr.ngettext("{n} removed ({ids})", "{n} removed ({ids})", n, ids=ids))
        if items.changed:
            bits.append(tr.ngettext("{n} changed", "{n} changed", len(items.changed)))
        line = tr._(
            "{collection}: {changes}", collection=tr._(label), changes=tr._("; ").join(bits)
        )
        print("  " + line, file=out)
        for ident, changes in items.changed[:20]:
            print(f"    {ident}: {sep.join(_fields(changes))}", file=out)
        if len(items.changed) > 20:
            more = len(items.changed) - 20
            print("    " + tr.ngettext("… and {n} more", "… and {n} more", more), file=out)
    if diff.revisions_added:
        numbers = ", ".join(str(r.number) for r in diff.revisions_added)
        n = len(diff.revisions_added)
        line = tr.ngettext(
            "revisions: {n} added ({numbers})",
            "revisions: {n} added ({numbers})",
            n,
            numbers=numbers,
        )
        print("  " + line, file=out)
    if diff.history_rewritten:
        n = len(diff.history_rewritten)
        line = tr.ngettext(
            "revision history: {n} earlier entry rewritten",
            "revision history: {n} earlier entries rewritten",
            n,
        )
        print("  " + line, file=out)
        for note in diff.history_rewritten[:5]:
            print(f"    {note if len(note) <= 100 else note[:99] + '…'}", file=out)
    unchanged = [tr._(label) for name, label, _count in _COLLECTIONS if not getattr(diff, name)]
    if unchanged:
        print("  " + tr._("unchanged: {items}", items=sep.join(unchanged)), file=out)
