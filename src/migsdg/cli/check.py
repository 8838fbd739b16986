"""``migsdg check``: check a plan against the action-plan criteria.

Text output groups the findings by intervention (plan-level findings first), each with
its severity, rule code, location and message, and the hint on how to fix it below. JSON
output is :meth:`migsdg.checks.Report.to_dict`, a versioned format for other planning
systems. Exit codes: 0 no error findings, 1 error findings, 2 a plan that cannot be loaded
(every problem is printed), bad usage, or a check rule that failed (it is skipped, named
on stderr with its plugin, and listed under ``failures`` in the JSON; the other findings
still come).

``--list-rules`` lists the rules that would run (after ``--select``/``--ignore``).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from migsdg.checks import Finding, Report, Rule
from migsdg.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from migsdg.cli._plan import add_plan_arguments, load_plan_argument, plan_source
from migsdg.cli._text import add_language_option
from migsdg.model import ActionPlan

_WIDTH = 100


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="check a plan against the action-plan criteria",
        description="Check a plan against the guide's action-plan criteria and report what "
        "it still lacks, by intervention, with a hint for each finding. Exits 1 when there "
        "are error findings, 2 when the plan cannot be loaded.",
    )
    add_plan_arguments(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument(
        "--select",
        metavar="CODES",
        action="append",
        default=[],
        help="only rules whose code starts with one of these, comma-separated "
        "(e.g. AP1,AP402); repeatable",
    )
    p.add_argument(
        "--ignore",
        metavar="CODES",
        action="append",
        default=[],
        help="leave out rules whose code starts with one of these; repeatable",
    )
    p.add_argument(
        "--list-rules",
        action="store_true",
        help="list the rules (code, severity, name, what they check) and exit",
    )
    add_language_option(p)
    p.set_defaults(run=run)


def _codes(values: Iterable[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from migsdg.api import check
    from migsdg.plugins import get_host

    select, ignore = _codes(args.select), _codes(args.ignore)
    host = get_host()
    rules = host.checks().selected(select, ignore)
    host.warn_failures()
    if args.list_rules:
        _list_rules(rules, args.format, sys.stdout)
        return EXIT_OK
    if args.plan is None and args.example is None:
        print(
            "migsdg: error: check: give a PLAN file or --example NAME (or --list-rules)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    plan = load_plan_argument(args)
    report = check(plan, select=select, ignore=ignore)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_text(report, plan, plan_source(args), sys.stdout, language=args.language)
    if report.failures:
        report_rule_failures(report, sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def report_rule_failures(report: Report, err: TextIO, *, level: str = "error") -> None:
    """Name each rule that failed and was skipped, and how to go on without it."""
    for failure in report.failures:
        err.write(f"migsdg: {level}: {failure}\n")
    plugins = ",".join(sorted({f.plugin for f in report.failures}))
    err.write(
        f"migsdg: the plan was not fully checked; to leave the failing plugin out, set "
        f"MIGSDG_DISABLE_PLUGINS={plugins}\n"
    )


def _list_rules(rules: Sequence[Rule], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "plugin": r.plugin,
                "summary": r.summary,
            }
            for r in rules
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    name_width = max((len(r.name) for r in rules), default=0)
    for r in rules:
        plugin = "" if r.plugin in ("core", "migsdg") else f"  [{r.plugin}]"
        out.write(
            f"{r.code:<7} {r.severity.value:<8} {r.name:<{name_width}}  {r.summary}{plugin}\n"
        )


def write_text(
    report: Report, plan: ActionPlan, source: str, out: TextIO, *, language: str | None = None
) -> None:
    """Findings grouped by intervention, plan-level first, then in plan order, in
    ``language`` (default: the plan's). Rule codes and key paths stay: they are how the
    plan file's editor finds the field."""
    from migsdg.i18n import translator
    from migsdg.present import view_language
    from migsdg.texts import enum_label

    tr = translator(view_language(plan, language))
    index: dict[str, int] = {}
    for i, iv in enumerate(plan.interventions):
        index.setdefault(iv.id, i)
    groups: dict[str | None, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.intervention, []).append(f)

    def order(key: str | None) -> tuple[int, int, str]:
        if key is None:
            return (0, 0, "")
        return (1, index.get(key, len(index)), key)

    hint_label = tr._("hint:")
    severities = {f.severity: enum_label(f.severity, tr).lower() for f in report.findings}
    width = max((len(v) for v in severities.values()), default=7)
    indent = " " * (2 + width + 1)
    for key in sorted(groups, key=order):
        if key is None:
            out.write(tr._("Plan {id!r}", id=plan.id) + "\n")
        else:
            at = index.get(key)
            title = plan.interventions[at].title if at is not None else ""
            head = (
                tr._("Intervention {id!r}: {title}", id=key, title=title)
                if title
                else tr._("Intervention {id!r}", id=key)
            )
            out.write(head + (f"  (interventions[{at}])" if at is not None else "") + "\n")
        for f in groups[key]:
            label = severities[f.severity]
            out.write(f"  {label:<{width}} {f.code} {f.location}: {tr.text(f.message)}\n")
            if f.hint:
                out.write(
                    textwrap.fill(
                        tr.text(f.hint),
                        width=_WIDTH,
                        initial_indent=f"{indent}{hint_label} ",
                        subsequent_indent=indent + " " * (len(hint_label) + 1),
                    )
                    + "\n"
                )
        out.write("\n")
    counts = report.counts()
    forms = {
        "error": lambda n: tr.ngettext("{n} error", "{n} errors", n),
        "warning": lambda n: tr.ngettext("{n} warning", "{n} warnings", n),
        "info": lambda n: tr.ngettext("{n} note", "{n} notes", n),
    }
    summary = tr._(", ").join(
        forms[s](counts[s]) for s in ("error", "warning", "info") if counts[s]
    )
    ran = tr.ngettext("{n} rule run", "{n} rules run", len(report.rules_run))
    if summary:
        out.write(tr._("{source}: {summary} ({ran})", source=source, summary=summary, ran=ran))
    else:
        out.write(tr._("{source}: no findings ({ran})", source=source, ran=ran))
    out.write("\n")
