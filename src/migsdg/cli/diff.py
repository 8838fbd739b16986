"""``migsdg diff``: what changed between two versions of a plan.

A semantic diff for revision notes and reviewers: objectives and targets added or dropped,
interventions added, removed or changed field by field, interim values, roles, budget and
funding deltas, status and revisions. Exit 0 whether or not the plans differ; with
``--exit-code``, exit 1 when they differ (as ``git diff --exit-code``).
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

from migsdg.diff import FUNDING_FIGURES, Change, FundingDelta, ItemsDiff, PlanDiff, diff_plans
from migsdg.io import load_plan

_SECTIONS = (
    ("objectives", "Objectives"),
    ("interim_targets", "Interim targets"),
    ("interventions", "Interventions"),
    ("actors", "Actors"),
    ("funding_sources", "Funding sources"),
    ("consultations", "Consultations and review workshops"),
    ("existing_frameworks", "Existing frameworks"),
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "diff",
        help="what changed between two versions of a plan",
        description="Compare two versions of a plan: objectives and targets, interventions "
        "(field by field), interim values, roles, budget and funding, status and revisions.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier version of the plan")
    p.add_argument("new", metavar="NEW", help="the later version of the plan")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 when the plans differ, 0 when they do not",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = diff_plans(load_plan(args.old), load_plan(args.new))
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_text(result, sys.stdout)
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
        from migsdg.io import _CONVERTER

        text = json.dumps(_CONVERTER.unstructure(value), ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def _change_line(c: Change) -> str:
    if c.kind == "added":
        return f"{c.path}: added {show(c.new)}"
    if c.kind == "removed":
        return f"{c.path}: removed {show(c.old)}"
    return f"{c.path}: {show(c.old)} → {show(c.new)}"


def _items(out: TextIO, title: str, items: ItemsDiff) -> None:
    if not items:
        return
    out.write(f"\n{title}\n")
    for i in items.added:
        out.write(f"  + {i}\n")
    for i in items.removed:
        out.write(f"  - {i}\n")
    for i, changes in items.changed:
        out.write(f"  ~ {i}\n")
        for c in changes:
            out.write(f"      {_change_line(c)}\n")


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + _money(value)


def _funding_line(d: FundingDelta) -> str:
    parts = []
    for f in FUNDING_FIGURES:
        delta = d.delta(f)
        if delta != 0:
            old, new = d.old.get(f, Decimal(0)), d.new.get(f, Decimal(0))
            parts.append(f"{f} {_money(old)} → {_money(new)} ({_signed(delta)})")
    return "; ".join(parts) or "unchanged"


def write_text(d: PlanDiff, out: TextIO) -> None:
    """The diff as text for people."""
    w = out.write
    head = f"Plan {d.old_plan}" + (f" → {d.new_plan}" if d.new_plan != d.old_plan else "")
    head += f": revision {d.old_revision} → {d.new_revision}"
    if d.status_changed:
        head += f"; status {d.old_status.value} → {d.new_status.value}"
    w(head + "\n")
    if d.is_empty:
        w("no differences\n")
        return
    if d.history_rewritten:
        w("\nWarning: the revision history was rewritten\n")
        for reason in d.history_rewritten:
            w(f"  ! {reason}\n")
    if d.plan:
        w("\nPlan\n")
        for c in d.plan:
            w(f"  ~ {_change_line(c)}\n")
    if d.targets_added or d.targets_dropped:
        w("\nPrioritized targets\n")
        if d.targets_added:
            w(f"  added: {', '.join(d.targets_added)}\n")
        if d.targets_dropped:
            w(f"  dropped: {', '.join(d.targets_dropped)}\n")
    for name, title in _SECTIONS:
        _items(out, title, getattr(d, name))
    roles = d.role_changes()
    if roles:
        w("\nRole changes\n")
        for iv, c in roles:
            w(f"  {iv}: {_change_line(c)}\n")
    interim = d.interim_changes()
    if interim:
        w("\nInterim values\n")
        for c in interim:
            w(f"  {_change_line(c)}\n")
    achieved = d.achieved_changes()
    if achieved:
        w("\nAchieved values\n")
        for c in achieved:
            w(f"  {_change_line(c)}\n")
    if d.funding_note:
        w(f"\nFunding: {d.funding_note}\n")
    elif d.funding_totals is not None and (d.funding or d.funding_totals.changed):
        w(f"\nBudget and funding ({d.currency})\n")
        w(f"  plan: {_funding_line(d.funding_totals)}\n")
        for f in d.funding:
            w(f"  {f.intervention}: {_funding_line(f)}\n")
    if d.revisions_added:
        w("\nRevisions added\n")
        for rev in d.revisions_added:
            by = f" ({rev.author})" if rev.author else ""
            status = f" [{rev.status.value}]" if rev.status else ""
            w(f"  {rev.number:>3}  {rev.date.isoformat()}  {rev.summary}{by}{status}\n")
