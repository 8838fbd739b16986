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
from typing import Any

from migsdg.cli._plan import add_plan_arguments, load_plan_argument
from migsdg.cli._text import add_language_option, write_view
from migsdg.present import review_view
from migsdg.review import review


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "review",
        help="review existing frameworks against the prioritized targets",
        description="Review the plan's existing frameworks and interventions against its "
        "prioritized SDG targets: alignment matrix, coverage, gaps, possible duplication, "
        "horizontal and vertical coherence, migration-related targets not prioritized.",
    )
    add_plan_arguments(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_language_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    plan = load_plan_argument(args)
    result = review(plan)
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_view(review_view(plan, args.language, result=result), sys.stdout)
    return 0
