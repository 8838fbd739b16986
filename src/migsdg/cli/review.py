"""``migsdg review``: review a plan's existing frameworks against its prioritized targets.

Prints the alignment matrix, the share of prioritized targets covered, gaps, possible
duplication, horizontal and vertical coherence flags, and the explicitly migration-related
targets the plan does not prioritize. The same findings appear in ``migsdg check`` as
rules RV101-RV106. Exit 0: the review informs, it does not fail the plan.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

from migsdg.catalogue import catalogue
from migsdg.io import load_plan
from migsdg.review import ReviewItem, ReviewResult, review


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "review",
        help="review existing frameworks against the prioritized targets",
        description="Review the plan's existing frameworks and interventions against its "
        "prioritized SDG targets: alignment matrix, coverage, gaps, possible duplication, "
        "horizontal and vertical coherence, migration-related targets not prioritized.",
    )
    p.add_argument("plan", metavar="PLAN", help="plan file (.yaml, .yml, .json or .xlsx)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = review(load_plan(args.plan))
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_text(result, sys.stdout)
    return 0


def _pct(share: Decimal) -> str:
    return f"{share * 100:.1f}%"


def _refs(items: tuple[ReviewItem, ...]) -> str:
    return ", ".join(f"{x.kind} {x.id}" + (f" ({x.owner})" if x.owner else "") for x in items)


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def write_text(result: ReviewResult, out: TextIO) -> None:
    """The review as text for people."""
    cat = catalogue()
    level = f" ({result.level.value})" if result.level else ""
    w = out.write
    w(f"Review of existing frameworks: plan {result.plan}{level}\n")
    w(
        f"{len(result.matrix)} prioritized target{'s' if len(result.matrix) != 1 else ''}, "
        f"{result.frameworks} existing framework{'s' if result.frameworks != 1 else ''} "
        "in the inventory\n\n"
    )

    w("Alignment matrix\n")
    if result.matrix:
        rows = [("Target", "Migration", "Existing frameworks", "Planned interventions")]
        rows += [
            (
                r.target,
                r.migration or "-",
                ", ".join(r.frameworks) or "-",
                ", ".join(r.interventions) or "-",
            )
            for r in result.matrix
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            w(
                "  "
                + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3]))
                + "  "
                + row[3]
                + "\n"
            )
        total = len(result.matrix)
        d = result.to_dict()["coverage"]
        w(
            f"Coverage: {result.covered} of {total} covered ({_pct(result.share_covered)}); "
            f"by existing frameworks {result.covered_by_frameworks} "
            f"({_pct(Decimal(d['share_by_frameworks']))}), by planned interventions "
            f"{result.covered_by_interventions} "
            f"({_pct(Decimal(d['share_by_interventions']))})\n"
        )
    else:
        w("  (no prioritized targets: add objectives with their SDG targets)\n")

    w("\nGaps (prioritized targets with no framework and no intervention)\n")
    for t in result.gaps:
        w(f"  {t:<6} {_short(cat.text(t))}\n")
    if not result.gaps:
        w("  none\n")

    w("\nPossible duplication (intervention and framework: same level, policy area, targets)\n")
    for dup in result.duplications:
        iv, fw = dup.intervention, dup.framework
        w(
            f"  {iv.id} and {fw.id}{f' ({fw.name})' if fw.name else ''}: "
            f"{fw.level.value if fw.level else ''} level, {fw.policy_area!r}, "
            f"targets {', '.join(dup.targets)}{' (all of its targets)' if dup.full else ''}\n"
        )
    if not result.duplications:
        w("  none\n")

    w("\nHorizontal coherence (several owners, one target and policy area, no coordination)\n")
    for h in result.horizontal:
        groups = " / ".join("{" + ", ".join(g) + "}" for g in h.unconnected)
        w(f"  {h.target} {h.policy_area!r}: {groups}\n    {_refs(h.items)}\n")
    if not result.horizontal:
        w("  none flagged\n")

    w("\nVertical coherence (levels of governance on one target, no link between them)\n")
    for v in result.vertical:
        w(
            f"  {v.target} {v.upper_level.value} / {v.lower_level.value}:\n"
            f"    {v.upper_level.value}: {_refs(v.upper)}\n"
            f"    {v.lower_level.value}: {_refs(v.lower)}\n"
        )
    if not result.vertical:
        w("  none flagged\n")

    if result.incomplete_frameworks:
        w("\nInventory entries the review cannot fully compare\n")
        for f in result.incomplete_frameworks:
            w(f"  {f.framework.id}: no {', '.join(m.replace('_', ' ') for m in f.missing)}\n")

    if result.unprioritized_migration_targets:
        w("\nFor information: explicitly migration-related targets not prioritized\n")
        for t in result.unprioritized_migration_targets:
            w(f"  {t:<6} {_short(cat.text(t))}\n")
