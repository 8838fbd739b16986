"""``migsdg ladder``: propose interim values between a baseline and a final target.

Prints the proposed ladder (linear, or a constant growth rate). With ``--plan``,
``--sdg-target`` (and usually ``--indicator``) it shows the interim targets that would be
added to the plan, and with ``--write`` adds them, rewriting the plan file atomically (or
writing the changed plan to ``-o FILE``). ``--example NAME`` stands for ``--plan`` with an
embedded example; ``--write`` then needs ``-o``, as an example is never changed in place.
On an adopted plan the addition is an amendment and needs ``--author`` and ``--summary``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from migsdg import workflow
from migsdg._atomic import guarded_update
from migsdg.cli._plan import (
    add_example_option,
    add_output_arguments,
    load_plan_argument,
    output_path,
    plan_source,
    usage_translator,
)
from migsdg.cli._text import add_language_option
from migsdg.errors import MigsdgError
from migsdg.i18n import SOURCE_LANGUAGE, Translator, translator
from migsdg.io import MAX_NUMBER_EXPONENT, YEAR_RANGE, save_plan
from migsdg.ladder import METHODS, add_interim_targets, interim_ladder
from migsdg.model import PlanStatus
from migsdg.present import view_language
from migsdg.views import plain_amount

LADDER_FORMAT = "migsdg-ladder"
LADDER_FORMAT_VERSION = 1


def _number(text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    if value and value.adjusted() >= MAX_NUMBER_EXPONENT:  # the plan file's own bound
        raise argparse.ArgumentTypeError(
            f"{text!r} is too large (numbers must be below 1e{MAX_NUMBER_EXPONENT} in size)"
        )
    return value


def _year(text: str) -> int:
    first, last = YEAR_RANGE
    try:
        year = int(text) if len(text) < 10 else None
    except ValueError:
        year = None
    if year is None or not first <= year <= last:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year ({first} to {last})")
    return year


def _month_day(text: str) -> tuple[int, int]:
    try:
        month, day = (int(p) for p in text.split("-"))
        _dt.date(2000, month, day)  # a leap year: 02-29 is allowed here
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month and day (MM-DD)") from None
    return month, day


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "ladder",
        help="propose interim values between a baseline and a final target",
        description="Propose interim values of an indicator for chosen years, on a straight "
        "line or at a constant growth rate, and optionally add them to a plan as interim "
        "targets (--plan, or --example NAME with --write -o FILE: an embedded example is "
        "never changed in place).",
    )
    p.add_argument("--baseline", type=_number, required=True, help="baseline value")
    p.add_argument("--baseline-year", type=_year, required=True)
    p.add_argument("--target", type=_number, required=True, help="final target value")
    p.add_argument("--target-year", type=_year, required=True)
    p.add_argument(
        "--years", type=_year, nargs="+", required=True, metavar="YEAR", help="interim years"
    )
    p.add_argument("--method", choices=METHODS, default="linear")
    p.add_argument(
        "--places", type=int, default=None, help="decimal places (default: from the inputs)"
    )
    p.add_argument("--plan", metavar="PLAN", help="plan file to add the interim targets to")
    add_example_option(p, help="an embedded example plan (national, provincial) instead of --plan")
    p.add_argument("--sdg-target", metavar="CODE", help="the SDG target, e.g. 10.c")
    p.add_argument("--indicator", metavar="CODE", help="its SDG indicator, e.g. 10.c.1")
    p.add_argument("--unit", default="", help="unit of the values, e.g. percent")
    p.add_argument(
        "--due", type=_month_day, default=(12, 31), metavar="MM-DD", help="due day in each year"
    )
    p.add_argument("--replace", action="store_true", help="replace interim targets already set")
    p.add_argument(
        "--write",
        action="store_true",
        help="write the interim targets to PLAN (or to -o FILE)",
    )
    add_output_arguments(p, when=" --write")
    p.add_argument("--author", default="", help="for an adopted plan: who amends it")
    p.add_argument("--summary", default="", help="for an adopted plan: the amendment's summary")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_language_option(p)
    p.set_defaults(run=run)


def _fail(message: str) -> int:
    print(f"migsdg: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    has_plan = args.plan is not None or args.example is not None
    if (args.write or args.sdg_target) and not has_plan:
        return _fail("--sdg-target and --write need --plan (or --example)")
    if has_plan and not args.sdg_target:
        option = "--plan" if args.plan is not None else "--example"
        return _fail(f"{option} needs --sdg-target (the SDG target the interim values are for)")
    if args.output is not None and not args.write:
        raise MigsdgError(
            usage_translator(args)._(
                "-o/--output is where --write writes the plan: add --write, or leave out "
                "-o to see the interim targets only"
            )
        )
    steps = interim_ladder(
        args.baseline,
        args.baseline_year,
        args.target,
        args.target_year,
        args.years,
        args.method,
        places=args.places,
    )
    added: list[dict[str, Any]] = []
    language = args.language or SOURCE_LANGUAGE
    if has_plan:
        path = output_path(args) if args.write else None
        # --write reads, changes and writes back the plan: no other writer may interleave.
        with contextlib.nullcontext() if path is None else guarded_update(path):
            plan = load_plan_argument(args)
            language = view_language(plan, args.language)
            new = add_interim_targets(
                plan,
                args.sdg_target,
                args.indicator,
                steps,
                due_month_day=args.due,
                unit=args.unit,
                replace=args.replace,
            )
            added = [
                {
                    "id": it.id,
                    "target": it.target,
                    "indicator": it.indicator,
                    "value": plain_amount(it.value) if it.value is not None else None,
                    "due": it.due.isoformat() if it.due else None,
                }
                # add_interim_targets appends one interim target per step, in order
                for it in new.interim_targets[-len(steps) :]
            ]
            if args.write:
                if plan.status in (PlanStatus.ADOPTED, PlanStatus.AMENDED):
                    summary = args.summary or _summary(
                        translator(view_language(plan, None)), added[0]["target"], args.method
                    )
                    from migsdg.plugins import get_host

                    new = workflow.amend(
                        plan, new, author=args.author, summary=summary, rules=get_host().checks()
                    )
                assert path is not None  # output_path gave it, for --write
                save_plan(new, path)

    if args.format == "json":
        data = {
            "format": LADDER_FORMAT,
            "version": LADDER_FORMAT_VERSION,
            "method": args.method,
            "baseline": {"value": plain_amount(args.baseline), "year": args.baseline_year},
            "target": {"value": plain_amount(args.target), "year": args.target_year},
            "values": [
                {"year": m.year, "value": plain_amount(m.value) if m.value is not None else None}
                for m in steps
            ],
            "interim_targets": added,
            "written": bool(args.write),
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0

    tr = translator(language)
    print(tr.text(steps[0].note) if steps else "")
    baseline, final = tr._("baseline"), tr._("final target")
    print(f"  {args.baseline_year}  {tr.value(args.baseline)}  ({baseline})")
    for m in steps:
        end = f"  ({final})" if m.year == args.target_year else ""
        shown = tr.value(m.value) if m.value is not None else ""
        print(f"  {m.year}  {shown}{end}")
    if has_plan:
        where = path if path is not None else plan_source(args)
        if args.write:
            print("\n" + tr._("Interim targets added to {plan}:", plan=where))
        else:
            print(
                "\n" + tr._("Interim targets would be added to (use --write) {plan}:", plan=where)
            )
        for it in added:
            due = tr._("due {date}", date=it["due"])
            print(f"  {it['id']}  {tr.value(Decimal(it['value']))}  {due}")
    return 0


def _summary(tr: Translator, target: str, method: str) -> str:
    """The revision summary of interim targets accepted into an adopted plan."""
    if method == "growth":
        return tr._(
            "Interim targets for {target} accepted from a ladder at a constant growth rate",
            target=target,
        )
    return tr._("Interim targets for {target} accepted from a linear ladder", target=target)
