"""``migsdg status``: show a plan's review and adoption status, or move it on.

``show`` (the default) prints the status, the revision history, the review workshops and,
for each next step, what still stands in its way. ``submit``, ``validate``, ``adopt`` and
``amend`` apply that step and rewrite the plan file atomically (in the canonical layout),
or write the changed plan to ``-o FILE`` (required for ``--example NAME``, which is never
changed in place). A step the guide rules out is refused with every reason, exit 1, and
nothing written.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from migsdg import workflow
from migsdg._atomic import guarded_update
from migsdg.checks import RuleSet
from migsdg.cli._plan import (
    add_example_option,
    add_output_arguments,
    load_plan_argument,
    output_path,
    usage_translator,
)
from migsdg.cli._text import add_language_option, write_view
from migsdg.errors import MigsdgError, TransitionError
from migsdg.i18n import Term, Translator, translator
from migsdg.io import load_plan, save_plan
from migsdg.model import ActionPlan, ActorKind
from migsdg.present import adoption_view, history_view, view_language
from migsdg.texts import enum_label

STATUS_FORMAT = "migsdg-status"
STATUS_FORMAT_VERSION = 1
ACTIONS = ("show", "submit", "validate", "adopt", "amend")


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "status",
        help="show or change the plan's review and adoption status",
        description="Show the plan's status and history, or submit it for review, validate, "
        "adopt or amend it. Changes are written back to the plan file atomically, or to "
        "-o FILE; each adds a revision (number, date, author, summary) to its history. "
        "With --example NAME the embedded example is read and the changed plan written to "
        "-o FILE (required: an example is never changed in place), e.g. 'migsdg status "
        "--example national submit --author NAME -o plan.yaml'.",
    )
    p.add_argument(
        "plan",
        nargs="?",
        metavar="PLAN",
        help="plan file (.yaml, .yml or .json; also .xlsx with -o)",
    )
    p.add_argument("action", nargs="?", choices=ACTIONS, default=None, help="default: show")
    add_example_option(p)
    add_output_arguments(p, when=" (not for show)")
    p.add_argument("--author", default="", help="who makes the change (required once adopted)")
    p.add_argument("--summary", default="", help="what changed (required for amend)")
    p.add_argument(
        "--date", type=_date, default=None, help="date of the step, YYYY-MM-DD (default: today)"
    )
    p.add_argument(
        "--today",
        type=_date,
        default=None,
        help="date the checks compare with when adopting (default: the step's date)",
    )
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="for amend: the plan file as last adopted or amended; the history in PLAN is "
        "checked against it and the new revision follows it",
    )
    p.add_argument(
        "--previous-example",
        metavar="NAME",
        help="for amend: an embedded example plan as the version last adopted or amended "
        "(for a plan started from it), instead of --previous OLD",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="for show")
    add_language_option(p)
    p.set_defaults(run=run)


def _action(args: argparse.Namespace) -> str:
    """The step asked for. With ``--example`` there is no PLAN, so the one word given
    (``migsdg status --example national submit``) is the step."""
    if args.example is not None and args.action is None and args.plan in ACTIONS:
        action, args.plan = args.plan, None
        return str(action)
    return str(args.action or "show")


def run(args: argparse.Namespace) -> int:
    args.action = _action(args)
    if args.action == "show":
        if args.output is not None:
            raise MigsdgError(
                usage_translator(args)._(
                    "status show writes nothing; -o/--output goes with submit, validate, "
                    "adopt or amend"
                )
            )
        plan = load_plan_argument(args)
        data = status_dict(plan, today=args.today or args.date)
        if args.format == "json":
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            write_text(plan, data, sys.stdout, language=view_language(plan, args.language))
        return 0
    path = output_path(args)
    with guarded_update(path):
        return _change(args, path)


def _previous(args: argparse.Namespace) -> ActionPlan | None:
    """The version last adopted or amended that ``amend`` follows, if one is given."""
    if args.previous is not None and args.previous_example is not None:
        raise MigsdgError(
            usage_translator(args)._("give --previous OLD or --previous-example NAME, not both")
        )
    if args.previous_example is not None:
        from migsdg.examples import load_example

        return load_example(args.previous_example)
    return load_plan(args.previous) if args.previous is not None else None


def _change(args: argparse.Namespace, path: Path) -> int:
    plan = load_plan_argument(args)
    try:
        if args.action == "amend":
            base = _previous(args) or plan
            new = workflow.amend(
                base,
                plan,
                author=args.author,
                summary=args.summary,
                date=args.date,
                today=args.today,
                rules=_rules(),
            )
        else:
            step = {
                "submit": workflow.submit_for_review,
                "validate": workflow.mark_validated,
                "adopt": workflow.adopt,
            }[args.action]
            kwargs: dict[str, Any] = {"date": args.date, "author": args.author}
            if args.action != "submit":
                kwargs["rules"] = _rules()
            if args.summary:
                kwargs["summary"] = args.summary
            if args.action != "submit":
                kwargs["today"] = args.today
            new = step(plan, **kwargs)
    except TransitionError as exc:
        tr = translator(view_language(plan, args.language))
        print("migsdg: " + _refused(tr, args.action, plan.id), file=sys.stderr)
        for reason in exc.reasons:
            print(f"  - {tr.text(reason)}", file=sys.stderr)
        return 1
    save_plan(new, path)
    last = new.revisions[-1]
    tr = translator(view_language(new, args.language))
    print(
        tr._(
            "{plan}: {old} → {new} (revision {n}, {date})",
            plan=new.id,
            old=Term(plan.status).text(tr),
            new=Term(new.status).text(tr),
            n=tr.number(last.number),
            date=last.date.isoformat(),
        )
    )
    return 0


def _refused(tr: Translator, action: str, plan: str) -> str:
    """The sentence before the reasons a step is refused, in the reader's language."""
    if action == "submit":
        return tr._("cannot submit the plan '{plan}' for review:", plan=plan)
    if action == "validate":
        return tr._("cannot validate the plan '{plan}':", plan=plan)
    if action == "adopt":
        return tr._("cannot adopt the plan '{plan}':", plan=plan)
    return tr._("cannot amend the plan '{plan}':", plan=plan)


def status_dict(plan: ActionPlan, *, today: _dt.date | None = None) -> dict[str, Any]:
    """The ``migsdg-status`` format, version 1 (``docs/formats.md``)."""
    kinds = {a.id: a.kind for a in plan.actors}
    reviews = []
    for c in plan.consultations:
        if not c.kind.is_review:
            continue
        groups: dict[str, None] = {}
        for p in c.participants:
            groups[p.group.value] = None
            for a in p.actors:
                kind = kinds.get(a)
                if isinstance(kind, ActorKind):
                    groups[kind.value] = None
        reviews.append(
            {
                "id": c.id,
                "kind": c.kind.value,
                "date": c.date.isoformat() if c.date else None,
                "groups": list(groups),
            }
        )
    steps = []
    for name in workflow.next_transitions(plan):
        # amend needs an author and a summary, given on the command line; show the rest.
        given = "-" if name == "amend" else ""
        reasons = workflow.blockers(
            plan, name, author=given, summary=given, date=today, today=today, rules=_rules()
        )
        steps.append({"transition": name, "allowed": not reasons, "reasons": list(reasons)})
    return {
        "format": STATUS_FORMAT,
        "version": STATUS_FORMAT_VERSION,
        "plan": plan.id,
        "title": plan.title,
        "level": plan.level.value if plan.level else None,
        "status": plan.status.value,
        "revision": plan.revision,
        "revisions": [
            {
                "number": r.number,
                "date": r.date.isoformat(),
                "author": r.author,
                "summary": r.summary,
                "status": r.status.value if r.status else None,
            }
            for r in plan.revisions
        ],
        "reviews": reviews,
        "next": steps,
    }


def write_text(
    plan: ActionPlan, data: dict[str, Any], out: TextIO, *, language: str = "en"
) -> None:
    """The status for people, in ``language``: the plan's status, its revision history
    (:func:`migsdg.present.history_view`), its review and adoption record
    (:func:`migsdg.present.adoption_view`), then what stands in the way of each next
    step (``data["next"]``, from :func:`status_dict`) as the workflow gives it."""
    tr = translator(language)
    w = out.write
    if plan.title:
        w(tr._("Plan {id}: {title}", id=plan.id, title=plan.title) + "\n")
    else:
        w(tr._("Plan {id}", id=plan.id) + "\n")
    status = enum_label(plan.status, tr)
    w(tr._("Status: {status} (revision {n})", status=status, n=tr.number(plan.revision)) + "\n")
    for view in (history_view(plan, language), adoption_view(plan, language)):
        w("\n")
        write_view(view, out)
    title = tr._("Next steps")
    w(f"\n{title}\n{'-' * len(title)}\n")
    for step in data["next"]:
        # The step is named as it is typed on the command line (migsdg status PLAN adopt).
        name = step["transition"]
        if step["allowed"]:
            if name == "amend":
                w("  " + tr._("{step}: possible (with --author and --summary)", step=name) + "\n")
            else:
                w("  " + tr._("{step}: possible", step=name) + "\n")
            continue
        w("  " + tr._("{step}: not yet", step=name) + "\n")
        for reason in step["reasons"]:
            w(f"    - {tr.text(reason)}\n")


def _rules() -> RuleSet:
    """The rules whose errors block a transition: the core's and every plugin's."""
    from migsdg.plugins import get_host

    return get_host().checks()
