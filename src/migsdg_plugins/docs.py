"""The reference of the bundled sector plugins (``docs/templates.md``), generated from
what they register.

Run ``python -m migsdg_plugins.docs -o docs/templates.md`` to regenerate it, or
``--check docs/templates.md`` to verify it is current (exit 1 if not). A test compares the
committed file with :func:`render`. The bundled plugins are loaded into an isolated host,
so the output does not depend on which other plugins are installed.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from migsdg.catalogue import catalogue
from migsdg.model import IndicatorKind, Stage
from migsdg.plugins import PluginHost
from migsdg.rules_reference import publish
from migsdg.templates import InterventionTemplate

__all__ = ["BUNDLED", "bundled_host", "main", "render"]

#: The bundled plugins, by entry-point name, in the order the reference lists them.
BUNDLED: tuple[str, ...] = (
    "labour",
    "health",
    "education",
    "finance",
    "protection",
    "displacement",
)

_COMMAND = "python -m migsdg_plugins.docs -o docs/templates.md"

_INTRO = f"""\
# Bundled intervention templates

<!-- Generated from the bundled plugins by `{_COMMAND}`. Do not edit by hand:
     change the template's definition and regenerate. -->

migsdg ships six sector plugins — **labour**, **health**, **education**, **finance**
(remittances and diaspora), **protection** (trafficking, forced labour, children on the
move, access to justice) and **displacement** (disaster and climate displacement,
internally displaced persons and durable solutions) — each an ordinary plugin found
through the `migsdg` entry-point group (see [plugins.md](plugins.md)). Each offers
ready-made interventions (templates), sector sub-types of the guide's six intervention
types, checks of its own, and, for finance, the named funds that finance migration-SDG
interventions.

A template is a starting point written for its sector: what the intervention is, why
(with the frameworks it rests on), who typically does what at each stage, supporting
activities, indicators with their disaggregation, funding categories, and the SDG
targets, GCM objectives and 10.7.2 domains it serves. Add one to a plan with

```sh
migsdg templates --sector labour                 # choose
migsdg templates labour.fair-recruitment         # read it in full
migsdg add plan.yaml --template labour.fair-recruitment \\
    --actor labour-ministry=mlss --start 2026-01-01 --end 2028-12-31
```

(`--actor` binds a slot of the template to an actor of the plan: here `mlss`, the
labour ministry of the national example). Then complete what a template cannot know —
dates, costs, funding, and the plan's own actors for the other slots — guided by
`migsdg check`. Figures in templates marked
illustrative are for the plan to replace.
"""


def bundled_host() -> PluginHost:
    """A host with only the bundled sector plugins."""
    return PluginHost.from_plugins(
        {name: importlib.import_module(f"migsdg_plugins.{name}") for name in BUNDLED},
        core=False,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _anchor(template_id: str) -> str:
    return "template-" + template_id.replace(".", "-")


def _dac_names() -> dict[str, str]:
    try:
        from migsdg.iati.codelists import codelist

        return dict(codelist("Sector").names)
    except (ImportError, OSError):  # pragma: no cover - the IATI codelists ship with migsdg
        return {}


def _template(t: InterventionTemplate, host: PluginHost, dac: dict[str, str]) -> list[str]:
    cat = catalogue()
    subtypes = host.intervention_types()
    out = [
        f'<a id="{_anchor(t.id)}"></a>\n',
        f"### {t.title}\n",
        f"`{t.id}` · plugin **{t.plugin}**\n",
    ]
    kind = f"**Type:** {t.type.label} (`{t.type.value}`) · **form:** `{t.form.value}`"
    if t.subtype is not None:
        kind += f" · **sub-type:** {subtypes[t.subtype].name} (`{t.subtype}`)"
    out.append(kind + "\n")
    out.append("**SDG targets:** " + "; ".join(f"{c} — {cat.text(c)}" for c in t.targets) + "\n")
    out.append(f"{t.description}\n")
    out.append(f"**Rationale.** {t.rationale}\n")
    if t.beneficiaries:
        out.append("**Beneficiaries.**\n")
        out += [f"- {b.group}: {b.description}" for b in t.beneficiaries]
        out.append("")
    out.append("**Actors by stage** (slot — role — tasks):\n")
    for stage in Stage:
        for a in (a for a in t.actors if a.stage is stage):
            out.append(
                f"- {stage.label}: `{a.slot}` ({a.description}) — {a.role.value} — {a.tasks}"
            )
    out.append("")
    if t.coordination:
        out.append(f"**Coordination.** {t.coordination}\n")
    out.append("**Outputs.**\n")
    out += [f"- {o}" for o in t.outputs]
    out.append("\n**Outcomes.**\n")
    out += [f"- {o}" for o in t.outcomes]
    out.append("\n**Supporting activities.**\n")
    # Not ``kind.label``: the str-enum member shares its value (and so its label entry)
    # with the intervention type of the same name.
    out += [
        f"- {s.kind.value.replace('_', ' ').capitalize()}: {s.description}"
        for s in t.supporting_activities
    ]
    out.append("\n**Suggested indicators.**\n")
    for s in t.indicators:
        ref = s.indicator
        if ref.kind is IndicatorKind.SDG and ref.code is not None:
            line = f"- SDG {ref.code}: {cat.indicator(ref.code).title}"
        else:
            line = f"- {ref.kind.label} — {ref.name}: {ref.definition}"
        details = []
        if s.disaggregation:
            details.append("by " + ", ".join(d.label.lower() for d in s.disaggregation))
        if s.frequency is not None:
            details.append(s.frequency.label.lower())
        if s.data_source:
            details.append(f"source: {s.data_source}")
        out.append(line + (f" ({'; '.join(details)})" if details else ""))
    out.append("")
    funds = host.funding_sources()
    categories = []
    for c in t.funding_categories:
        named = [f.name for f in funds.values() if f.category is c]
        categories.append(c.label + (f" (e.g. {', '.join(named)})" if named else ""))
    out.append("**Funding categories:** " + "; ".join(categories) + "\n")
    out.append(
        "**GCM objectives:** "
        + "; ".join(f"{n}. {cat.gcm_objective(n).title}" for n in t.gcm_objectives)
        + "\n"
    )
    out.append(
        "**SDG 10.7.2 domains:** "
        + "; ".join(f"{n}. {cat.migration_domain(n).name}" for n in t.migration_domains)
        + "\n"
    )
    if t.dac_sectors:
        out.append(
            "**DAC sector codes:** "
            + "; ".join(f"{c}" + (f" {dac[c]}" if c in dac else "") for c in t.dac_sectors)
            + "\n"
        )
    out.append("**Sources.**\n")
    out += [f"- {s}" for s in t.sources]
    out.append("")
    return out


def render(host: PluginHost | None = None) -> str:
    """The Markdown reference of the bundled plugins (default: :func:`bundled_host`)."""
    host = host or bundled_host()
    templates = host.templates()
    rules = list(host.checks())
    subtypes = host.intervention_types()
    dac = _dac_names()
    out = [_INTRO, "## All templates\n"]
    out.append("| Template | Title | Type | SDG targets |")
    out.append("|---|---|---|---|")
    by_plugin = {name: [t for t in templates.values() if t.plugin == name] for name in BUNDLED}
    for name in BUNDLED:
        for t in by_plugin[name]:
            out.append(
                f"| [`{t.id}`](#{_anchor(t.id)}) | {_cell(t.title)} | {t.type.value} "
                f"| {', '.join(t.targets)} |"
            )
    out.append("")
    for name in BUNDLED:
        module = importlib.import_module(f"migsdg_plugins.{name}")
        summary = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        out.append(f"## {name}\n")
        out.append(f"{summary}\n")
        mine = [s for s in subtypes.values() if s.plugin == name]
        out.append("**Sub-types** of the guide's intervention types:\n")
        out += [f"- `{s.id}` — {s.name} ({s.type.label}): {s.description}" for s in mine]
        out.append("")
        own_rules = [r for r in rules if r.plugin == name]
        out.append("**Checks:**\n")
        out += [
            f"- **{r.code}** `{r.name}` ({r.severity.value}): {r.summary} *Why:* {r.why}"
            for r in own_rules
        ]
        out.append("")
        funds = [
            f
            for key, f in host.funding_sources().items()
            if host.owner("migsdg_register_funding_sources", key) == name
        ]
        if funds:
            out.append("**Named funds:**\n")
            out += [
                f"- **{f.name}** (`{f.id}`, {f.category.label if f.category else ''}): "
                f"{f.description}"
                for f in funds
            ]
            out.append("")
        for t in by_plugin[name]:
            out += _template(t, host, dac)
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m migsdg_plugins.docs",
        description="Write the reference of the bundled sector plugins (Markdown).",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here (default: stdout)")
    parser.add_argument(
        "--check",
        metavar="PATH",
        help="compare PATH with the generated text; exit 1 (and say how to fix it) if they differ",
    )
    args = parser.parse_args(argv)
    text = render()
    return publish(text, check=args.check, output=args.output, command=_COMMAND)


if __name__ == "__main__":
    raise SystemExit(main())
