"""``migsdg diff``: what changed between two versions of a plan.

A semantic diff for revision notes and reviewers: objectives and targets added or dropped,
interventions added, removed or changed field by field, interim values, roles, budget and
funding deltas, status and revisions. Exit 0 whether or not the plans differ; with
``--exit-code``, exit 1 when they differ (as ``git diff --exit-code``).

``--example NAME`` is the earlier version (OLD): ``migsdg diff --example national
plan.yaml`` shows what changed in a plan started from the example.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

import attrs

from migsdg.cli._plan import add_example_option, usage_translator
from migsdg.cli._text import add_language_option
from migsdg.diff import FUNDING_FIGURES, Change, FundingDelta, ItemsDiff, PlanDiff, diff_plans
from migsdg.errors import MigsdgError
from migsdg.i18n import N_, Translator, translator
from migsdg.io import load_plan
from migsdg.model import ActionPlan
from migsdg.present import view_language
from migsdg.texts import enum_label

_SECTIONS = (
    ("objectives", N_("Objectives")),
    ("interim_targets", N_("Interim targets")),
    ("interventions", N_("Interventions")),
    ("actors", N_("Actors")),
    ("funding_sources", N_("Funding sources")),
    ("consultations", N_("Consultations and review workshops")),
    ("existing_frameworks", N_("Existing frameworks")),
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "diff",
        help="what changed between two versions of a plan",
        description="Compare two versions of a plan: objectives and targets, interventions "
        "(field by field), interim values, roles, budget and funding, status and revisions. "
        "With --example NAME the embedded example is the earlier version: 'migsdg diff "
        "--example national plan.yaml' shows what changed in a plan started from it.",
    )
    p.add_argument(
        "old", nargs="?", metavar="OLD", help="the earlier version of the plan (not with --example)"
    )
    p.add_argument("new", nargs="?", metavar="NEW", help="the later version of the plan")
    add_example_option(
        p, help="compare the embedded example plan NAME (national, provincial), as OLD, with NEW"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 when the plans differ, 0 when they do not",
    )
    add_language_option(p)
    p.set_defaults(run=run)


def _plans(args: argparse.Namespace) -> tuple[ActionPlan, ActionPlan]:
    """OLD and NEW: two files, or the example (OLD) and one file (NEW)."""
    files = [f for f in (args.old, args.new) if f is not None]
    if args.example is None and len(files) == 2:
        return load_plan(files[0]), load_plan(files[1])
    if args.example is not None and len(files) == 1:
        from migsdg.examples import load_example

        return load_example(args.example), load_plan(files[0])
    raise MigsdgError(
        usage_translator(args)._(
            "give two plan files, OLD and NEW, or --example NAME (the earlier version) and NEW"
        )
    )


def run(args: argparse.Namespace) -> int:
    old, new = _plans(args)
    result = diff_plans(old, new)
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_text(result, sys.stdout, language=view_language(new, args.language))
    return 1 if args.exit_code and not result.is_empty else 0


def show(value: Any, width: int = 90) -> str:
    """A value, briefly, for people."""
    if value is None:
        text = "(none)"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, (_dt.date, Decimal, int)):
        text = value.isoformat() if isinstance(value, _dt.date) else str(value)
    elif isinstance(value, str):
        text = repr(value)
    elif isinstance(value, tuple) and not any(attrs.has(type(v)) for v in value):
        text = ", ".join(show(v) for v in value) or "(none)"
    else:
        from migsdg.io import to_plain

        text = json.dumps(to_plain(value), ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def _change_line(c: Change, tr: Translator) -> str:
    if c.kind == "added":
        return tr._("{path}: added {value}", path=c.path, value=show(c.new))
    if c.kind == "removed":
        return tr._("{path}: removed {value}", path=c.path, value=show(c.old))
    return f"{c.path}: {show(c.old)} → {show(c.new)}"


def _items(out: TextIO, title: str, items: ItemsDiff, tr: Translator) -> None:
    if not items:
        return
    out.write(f"\n{tr._(title)}\n")
    for i in items.added:
        out.write(f"  + {i}\n")
    for i in items.removed:
        out.write(f"  - {i}\n")
    for i, changes in items.changed:
        out.write(f"  ~ {i}\n")
        for c in changes:
            out.write(f"      {_change_line(c, tr)}\n")


_FIGURES = {
    "resources": N_("resources"),
    "supporting_activities": N_("supporting activities"),
    "required": N_("required"),
    "secured": N_("secured"),
    "pledged": N_("pledged"),
    "proposed": N_("proposed"),
    "gap": N_("gap"),
    "spent": N_("spent"),
}


def _money(value: Decimal, tr: Translator) -> str:
    return tr.number(value)


def _signed(value: Decimal, tr: Translator) -> str:
    return ("+" if value > 0 else "") + _money(value, tr)


def _funding_line(d: FundingDelta, tr: Translator) -> str:
    parts = []
    for f in FUNDING_FIGURES:
        delta = d.delta(f)
        if delta != 0:
            old, new = d.old.get(f, Decimal(0)), d.new.get(f, Decimal(0))
            name = tr._(_FIGURES[f]) if f in _FIGURES else f
            parts.append(f"{name} {_money(old, tr)} → {_money(new, tr)} ({_signed(delta, tr)})")
    return tr._("; ").join(parts) or tr._("unchanged")


def write_text(d: PlanDiff, out: TextIO, *, language: str = "en") -> None:
    """The diff as text for people, in ``language`` (key paths stay as the plan file has
    them: they are where to look)."""
    tr = translator(language)
    w = out.write
    if d.new_plan != d.old_plan:
        head = tr._(
            "Plan {old} → {new}: revision {old_revision} → {new_revision}",
            old=d.old_plan,
            new=d.new_plan,
            old_revision=d.old_revision,
            new_revision=d.new_revision,
        )
    else:
        head = tr._(
            "Plan {old}: revision {old_revision} → {new_revision}",
            old=d.old_plan,
            old_revision=d.old_revision,
            new_revision=d.new_revision,
        )
    if d.status_changed:
        head += tr._(
            "; status {old} → {new}",
            old=enum_label(d.old_status, tr).lower(),
            new=enum_label(d.new_status, tr).lower(),
        )
    w(head + "\n")
    if d.is_empty:
        w(tr._("no differences") + "\n")
        return
    if d.history_rewritten:
        w("\n" + tr._("Warning: the revision history was rewritten") + "\n")
        for reason in d.history_rewritten:
            w(f"  ! {tr.text(reason)}\n")
    if d.plan:
        w("\n" + tr._("Plan") + "\n")
        for c in d.plan:
            w(f"  ~ {_change_line(c, tr)}\n")
    if d.targets_added or d.targets_dropped:
        w("\n" + tr._("Prioritized targets") + "\n")
        if d.targets_added:
            w("  " + tr._("added: {targets}", targets=", ".join(d.targets_added)) + "\n")
        if d.targets_dropped:
            w("  " + tr._("dropped: {targets}", targets=", ".join(d.targets_dropped)) + "\n")
    for name, title in _SECTIONS:
        _items(out, title, getattr(d, name), tr)
    roles = d.role_changes()
    if roles:
        w("\n" + tr._("Role changes") + "\n")
        for iv, c in roles:
            w(f"  {iv}: {_change_line(c, tr)}\n")
    interim = d.interim_changes()
    if interim:
        w("\n" + tr._("Interim values") + "\n")
        for c in interim:
            w(f"  {_change_line(c, tr)}\n")
    achieved = d.achieved_changes()
    if achieved:
        w("\n" + tr._("Achieved values") + "\n")
        for c in achieved:
            w(f"  {_change_line(c, tr)}\n")
    spending = d.expenditure_changes()
    if spending:
        w("\n" + tr._("Spending") + "\n")
        for c in spending:
            w(f"  {_change_line(c, tr)}\n")
    if d.funding_note:
        w("\n" + tr._("Funding: {note}", note=tr.text(d.funding_note)) + "\n")
    elif d.funding_totals is not None and (d.funding or d.funding_totals.changed):
        w("\n" + tr._("Budget and funding ({currency})", currency=d.currency) + "\n")
        w("  " + tr._("plan: {line}", line=_funding_line(d.funding_totals, tr)) + "\n")
        for f in d.funding:
            w(f"  {f.intervention}: {_funding_line(f, tr)}\n")
    if d.revisions_added:
        w("\n" + tr._("Revisions added") + "\n")
        for rev in d.revisions_added:
            by = f" ({rev.author})" if rev.author else ""
            status = f" [{enum_label(rev.status, tr)}]" if rev.status else ""
            w(f"  {rev.number:>3}  {tr.date(rev.date)}  {rev.summary}{by}{status}\n")
