"""The check rules reference (``docs/checks.md``), generated from the rule registry.

Run ``python -m migsdg.rules_reference -o docs/checks.md`` to regenerate it, or ``--check
docs/checks.md`` to verify it is current (exit 1 if not). A test compares the committed
file with :func:`render`, so the reference and the rules cannot disagree.

By default only the core rules are listed: those of the modules in
:data:`migsdg.checks.CORE_RULE_MODULES`, read directly rather than through the plugin host,
so the output does not depend on which plugins happen to be installed. ``--plugins``
lists every rule the plugin host finds (installed and bundled plugins included, minus
those blocked with ``MIGSDG_DISABLE_PLUGINS``), with the plugin that registered it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from migsdg import checks
from migsdg.checks import Modality, Rule, Severity

__all__ = ["core_rules", "main", "modality_word", "publish", "render", "severity_reason"]

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

_COMMAND = "python -m migsdg.rules_reference -o docs/checks.md"

_INTRO = f"""\
# Check rules

<!-- Generated from the rule registry by `{_COMMAND}`. Do not edit by hand:
     change the rule's definition and regenerate. -->

`migsdg check PLAN` (or `migsdg.check(plan)`) runs every rule below over a plan and reports
what it still lacks. Each finding has the rule's **code**, a **severity**, the
**location** in the plan file (such as `interventions[2].timeframe.end`), a message naming
the intervention concerned, and a **hint** on how to fix it.

Most rules come from the guide's implementation step and its "Implementation Tool: Action
Plan Criteria"; where they do, each rule quotes the sentence of the guide it rests on. A
draft may be incomplete: loading a plan refuses only what is malformed, and what is merely
missing is reported here.

## Severities follow the guide's words

The severity of a rule follows how strongly the guide asks for what it checks (the
**Guide** column below):

- **must**: what the guide requires — "must", or an element the Action Plan Criteria list
  "for each" intervention. Only these rules may be an **error**.
- **should**: what the guide recommends — a **warning** (or a note), never an error.
- **can**: what the guide offers as an option ("can", "may", "could") — a **warning** or a
  note.
- **ideally**: what the guide calls ideal or advisable — a note (**info**).
- **beyond**: a rule that goes beyond the guide: mostly the consistency of the plan file
  itself (references to ids the plan does not define, amounts that cannot be added up),
  and a few notes drawn from the SDG framework. Each says why it has its severity.

`migsdg check` exits with status 1 when there is at least one error finding. The workflow
refuses to validate, adopt or amend a plan with error findings, as each of them is
something the guide requires; AP702 notes errors left in a plan whose status says it was
validated, adopted or amended (for instance one set by hand in the file). A **warning** is
probably a gap, but the plan can be sound without acting on it (for example a funding gap
that resources are still being mobilized for); an **info** is for the planner's
attention, never a fault by itself.

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
    """The core's rules (:func:`migsdg.checks.core_rules`), by code."""
    return list(checks.core_rules())


def _group(code: str) -> str:
    prefix = code.rstrip("0123456789")
    return f"{prefix}{code[len(prefix)]}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown reference of ``rules`` (default: :func:`core_rules`)."""
    rules = sorted(core_rules() if rules is None else rules, key=lambda r: r.code)
    out = [
        _INTRO,
        "## All rules\n",
        "| Code | Name | Guide | Severity | Plugin | What it checks |",
    ]
    out.append("|---|---|---|---|---|---|")
    for r in rules:
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {modality_word(r)} "
            f"| {r.severity.value} | {r.plugin} | {_cell(r.summary)} |"
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
        if r.guide:
            # The objectives table's two headings are tab-separated in the guide.
            quote = " ".join(r.guide.replace("\t", " / ").split())
            out.append(f"**The guide.** “{quote}”\n")
        out.append(f"**Its severity.** {severity_reason(r)}\n")
    return "\n".join(out).rstrip("\n") + "\n"


#: What a modality makes of a rule's severity, where the rule says nothing more.
_BY_MODALITY: dict[tuple[Modality, Severity], str] = {
    (Modality.MUST, Severity.ERROR): "The guide requires it, so a plan without it does not "
    "meet the criteria: an error.",
    (Modality.SHOULD, Severity.WARNING): "The guide says it should be done: a "
    "recommendation, so a warning, not an error.",
    (Modality.SHOULD, Severity.INFO): "The guide says it should be done: a recommendation, "
    "noted for the planner.",
    (Modality.CAN, Severity.WARNING): "The guide says it can be done: an option, so at "
    "most a warning.",
    (Modality.CAN, Severity.INFO): "The guide says it can be done: an option, so a note.",
    (Modality.IDEALLY, Severity.INFO): "The guide calls it the ideal: a note.",
    (Modality.IDEALLY, Severity.WARNING): "The guide calls it the ideal: a warning, not an error.",
}


def modality_word(r: Rule) -> str:
    """The **Guide** column: the rule's modality, or ``beyond`` for a rule beyond the guide
    (``—`` for a plugin rule that does not say)."""
    if r.modality is not None:
        return r.modality.value
    return "beyond" if r.plugin == "core" else "—"


def severity_reason(r: Rule) -> str:
    """Why ``r`` has its severity: its own reason, else what its modality makes of it."""
    if r.severity_reason:
        return r.severity_reason
    if r.modality is not None and (r.modality, r.severity) in _BY_MODALITY:
        return _BY_MODALITY[(r.modality, r.severity)]
    return f"Set by the {r.plugin} plugin."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m migsdg.rules_reference",
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
    return publish(text, check=args.check, output=args.output, command=_COMMAND)


def publish(text: str, *, check: str | None, output: str | None, command: str) -> int:
    """Where a generated reference page goes, as its command line asked: compared with
    the file ``check`` (1 and how to regenerate it when they differ, 2 when it cannot be
    read), written to ``output`` atomically, or to standard output. Returns the exit code.
    """
    if check:
        try:
            with open(check, encoding="utf-8", newline="") as f:
                current = f.read()
        except OSError as exc:
            print(f"{check}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if current != text:
            print(f"{check} is out of date; regenerate it with: {command}", file=sys.stderr)
            return 1
        return 0
    if output:
        from migsdg._atomic import atomic_write_text

        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
