"""The check rules reference (``docs/checks.md``), generated from the rule registry.

Run ``python -m migsdg.checks.docs -o docs/checks.md`` to regenerate it, or ``--check
docs/checks.md`` to verify it is current (exit 1 if not). A test compares the committed
file with :func:`render`, so the reference and the rules cannot disagree.

By default only the core rules are listed: those of the modules in
:data:`migsdg._builtin.RULE_MODULES`, read directly rather than through the plugin host,
so the output does not depend on which plugins happen to be installed. ``--plugins``
lists every rule the plugin host finds (installed and bundled plugins included, minus
those blocked with ``MIGSDG_DISABLE_PLUGINS``), with the plugin that registered it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence

from migsdg.checks._core import Rule

__all__ = ["core_rules", "main", "render"]

#: Headings of the core groups of rules, by code prefix and hundred.
GROUPS: dict[str, str] = {
    "AP1": "Criteria elements of every intervention",
    "AP2": "Objectives and SDG targets",
    "AP3": "Timeframes and interim targets",
    "AP4": "Resources and funding",
    "AP5": "Actors, roles and stakeholders",
    "AP6": "Monitoring and evaluation",
    "AP7": "Review and adoption",
    "AP8": "Duplication",
    "RV1": "Review of existing frameworks",
}

_COMMAND = "python -m migsdg.checks.docs -o docs/checks.md"

_INTRO = f"""\
# Check rules

<!-- Generated from the rule registry by `{_COMMAND}`. Do not edit by hand:
     change the rule's definition and regenerate. -->

`migsdg check PLAN` (or `migsdg.check(plan)`) runs every rule below over a plan and reports
what it still lacks. Each finding has the rule's **code**, a **severity**, the
**location** in the plan file (such as `interventions[2].timeframe.end`), a message naming
the intervention concerned, and a **hint** on how to fix it.

Most rules come from the guide's implementation step and its "Implementation Tool: Action
Plan Criteria"; where they do, the *Why* of each rule gives the guide's own words. A draft
may be incomplete: loading a plan refuses only what is malformed, and what is merely
missing is reported here.

## Severities

- **error**: a criterion the plan does not meet. `migsdg check` exits with status 1 when
  there is at least one error finding, and a validated, adopted or amended plan must have
  none (AP702).
- **warning**: probably a gap, but the plan can be sound without acting on it (for
  example a funding gap that resources are still being mobilized for).
- **info**: for the planner's attention; never a fault by itself.

A rule may raise or lower the severity of a single finding (for example AP304 reports a
missing plan period as a warning but a period that ends before it starts as an error);
the severity listed below is the rule's default.

## Codes and selection

Codes are a prefix and three digits, grouped by hundreds: AP1xx criteria elements, AP2xx
objectives and targets, AP3xx timeframes and interim targets, AP4xx resources and funding,
AP5xx actors, roles and stakeholders, AP6xx monitoring, AP7xx review and adoption, AP8xx
duplication; RV1xx the review of existing frameworks. Codes are stable: a rule that is
withdrawn leaves its code unused. Plugins register rules with a prefix of their own.

`--select` and `--ignore` (and the `select=` and `ignore=` arguments of `migsdg.check`)
take codes or code prefixes, comma-separated, as ruff does: `--select AP1,AP402` runs the
criteria elements and the funding-gap rule; `--ignore AP6` leaves out monitoring.
`migsdg check --list-rules` lists the rules that would run.

## Report format

`migsdg check --format json` writes `Report.to_dict()`, a stable format for other planning
systems:

```json
{{
  "format": "migsdg-check-report",
  "version": 1,
  "summary": {{"error": 1, "warning": 0, "info": 0}},
  "rules_run": ["AP101", "AP102"],
  "findings": [
    {{
      "code": "AP102",
      "rule": "intervention-rationale",
      "severity": "error",
      "location": "interventions[0].rationale",
      "intervention": "iv-policy",
      "message": "intervention 'iv-policy' has no rationale",
      "hint": "Explain why this intervention, for these targets, in this context: ..."
    }}
  ]
}}
```

Findings are ordered by severity (errors first), then by location in document order.
`intervention` is the id of the intervention concerned, or `null` for plan-level
findings. Fields may be added in a later version 1; none will be removed or change
meaning without a new `version`.
"""


def core_rules() -> list[Rule]:
    """The rules of the core modules (:data:`migsdg._builtin.RULE_MODULES`), by code,
    attributed to the ``core`` plugin as the plugin host attributes them."""
    from migsdg._builtin import RULE_MODULES

    rules = [
        r
        for name in RULE_MODULES
        for r in importlib.import_module(name).RULES
        if isinstance(r, Rule)
    ]
    return sorted((r if r.plugin == "core" else _as_core(r) for r in rules), key=lambda r: r.code)


def _as_core(r: Rule) -> Rule:
    import attrs

    return attrs.evolve(r, plugin="core")


def _group(code: str) -> str:
    prefix = code.rstrip("0123456789")
    return f"{prefix}{code[len(prefix)]}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown reference of ``rules`` (default: :func:`core_rules`)."""
    rules = sorted(core_rules() if rules is None else rules, key=lambda r: r.code)
    out = [_INTRO, "## All rules\n", "| Code | Name | Severity | Plugin | What it checks |"]
    out.append("|---|---|---|---|---|")
    for r in rules:
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} | {r.plugin} "
            f"| {_cell(r.summary)} |"
        )
    out.append("")
    current = None
    for r in rules:
        group = _group(r.code)
        if group != current:
            current = group
            title = GROUPS.get(group, "Plugin rules")
            out.append(f"## {group}xx — {title}\n")
        out.append(f"### {r.code}\n")
        out.append(
            f"`{r.name}` · default severity **{r.severity.value}** · registered by **{r.plugin}**\n"
        )
        out.append(f"**What it checks.** {r.summary}\n")
        out.append(f"**Why.** {r.why}\n")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m migsdg.checks.docs",
        description="Write the check rules reference (Markdown) generated from the registry.",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here (default: stdout)")
    parser.add_argument(
        "--check",
        metavar="PATH",
        help="compare PATH with the generated text; exit 1 (and say how to fix it) if they differ",
    )
    parser.add_argument(
        "--plugins",
        action="store_true",
        help="list the rules of every installed plugin too (the output then depends on "
        "what is installed; the committed docs/checks.md lists core rules only)",
    )
    args = parser.parse_args(argv)
    if args.plugins:
        from migsdg.plugins import get_host

        text = render(get_host().checks())
    else:
        text = render()
    if args.check:
        try:
            with open(args.check, encoding="utf-8", newline="") as f:
                current = f.read()
        except OSError as exc:
            print(f"{args.check}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if current != text:
            print(f"{args.check} is out of date; regenerate it with: {_COMMAND}", file=sys.stderr)
            return 1
        return 0
    if args.output:
        from migsdg._atomic import atomic_write_text

        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
