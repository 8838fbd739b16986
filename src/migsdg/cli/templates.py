"""``migsdg templates``: list the intervention templates plugins provide, or show one.

``migsdg templates`` lists every template (id, title, type, targets, plugin), filtered by
``--sector`` and by ``--target`` (an SDG target, or an indicator a template monitors).
``migsdg templates ID`` shows one template in full: rationale, actors by stage,
supporting activities, indicators, funding and sources. ``--format json`` gives the
template data. ``migsdg add`` turns a template into an intervention of a plan.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from migsdg.cli import EXIT_OK
from migsdg.errors import MigsdgError
from migsdg.model import FundingSource, IndicatorKind, Stage
from migsdg.templates import InterventionTemplate, template_to_dict

_WIDTH = 100


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "templates",
        help="list intervention templates (by sector or SDG target), or show one",
        description="List the ready-made, sector-tailored intervention templates that the "
        "installed plugins provide, or show one in full. Add one to a plan with "
        "'migsdg add PLAN --template ID'.",
    )
    p.add_argument("id", nargs="?", metavar="ID", help="show this template in full")
    p.add_argument("--sector", metavar="S", help="only templates of this sector")
    p.add_argument(
        "--target",
        metavar="CODE",
        help="only templates serving this SDG target (or monitoring this indicator)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.plugins import get_host

    host = get_host()
    if args.id is not None:
        template = host.template(args.id)
        if args.format == "json":
            _dump(template_to_dict(template))
        else:
            _show(template, host.funding_sources())
        return EXIT_OK
    templates = list(host.templates().values())
    if args.sector is not None:
        sectors = sorted({t.sector for t in templates})
        if args.sector not in sectors:
            raise MigsdgError(
                f"no templates for sector {args.sector!r} (sectors: {', '.join(sectors)})"
            )
        templates = [t for t in templates if t.sector == args.sector]
    if args.target is not None:
        templates = _serving(templates, args.target)
    templates.sort(key=lambda t: (t.sector, t.id))
    if args.format == "json":
        _dump([template_to_dict(t) for t in templates])
        return EXIT_OK
    for t in templates:
        print(f"{t.id}  {t.title}")
        print(
            f"    {t.type.value} ({t.form.value}) · targets {', '.join(t.targets)}"
            f" · plugin {t.plugin}"
        )
    if not templates:
        print("no templates match", file=sys.stderr)
    return EXIT_OK


def _serving(templates: list[InterventionTemplate], code: str) -> list[InterventionTemplate]:
    """Templates serving SDG target ``code``, or monitoring indicator ``code``."""
    from migsdg.catalogue import catalogue
    from migsdg.codes import normalise_code

    cat = catalogue()
    key = normalise_code(code)
    if cat.has_target(key):
        return [t for t in templates if key in t.targets]
    if cat.has_indicator(key):
        return [
            t
            for t in templates
            if any(
                s.indicator.kind is IndicatorKind.SDG and s.indicator.code == key
                for s in t.indicators
            )
        ]
    cat.target(key)  # raises UnknownCodeError with suggestions
    return []  # pragma: no cover


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _para(label: str, text: str) -> None:
    print(f"{label}:")
    print(textwrap.fill(text, _WIDTH, initial_indent="  ", subsequent_indent="  "))


def _items(label: str, lines: Iterable[str]) -> None:
    lines = list(lines)
    if not lines:
        return
    print(f"{label}:")
    for line in lines:
        print(textwrap.fill(line, _WIDTH, initial_indent="  - ", subsequent_indent="    "))


def _show(t: InterventionTemplate, funds: Mapping[str, FundingSource]) -> None:
    from migsdg.catalogue import catalogue

    cat = catalogue()
    print(f"{t.id}: {t.title}")
    print(f"  sector {t.sector} · plugin {t.plugin}")
    print(f"  type: {t.type.value} ({t.type.label})")
    print(f"  form: {t.form.value}" + (f" · sub-type {t.subtype}" if t.subtype else ""))
    _items("SDG targets", (f"{c} {cat.text(c)}" for c in t.targets))
    _para("Description", t.description)
    _para("Rationale", t.rationale)
    _items("Beneficiaries", (f"{b.group}: {b.description}" for b in t.beneficiaries))
    print("Actors by stage (slot: role — tasks); bind slots with --actor SLOT=ACTOR_ID:")
    for stage in Stage:
        for a in (a for a in t.actors if a.stage is stage):
            print(
                textwrap.fill(
                    f"{stage.value}: {a.slot} ({a.description}): {a.role.value} — {a.tasks}",
                    _WIDTH,
                    initial_indent="  - ",
                    subsequent_indent="    ",
                )
            )
    if t.coordination:
        _para("Coordination", t.coordination)
    _items("Outputs", t.outputs)
    _items("Outcomes", t.outcomes)
    _items(
        "Supporting activities",
        (f"{s.kind.value}: {s.description}" for s in t.supporting_activities),
    )
    indicators = []
    for s in t.indicators:
        ref = s.indicator
        name = f"{ref.code} {cat.indicator(ref.code).title}" if ref.code else ref.name
        if ref.kind is not IndicatorKind.SDG:
            name = f"{ref.kind.value}: {ref.name} — {ref.definition}"
        extra = [f"by {', '.join(d.value for d in s.disaggregation)}"] if s.disaggregation else []
        if s.data_source:
            extra.append(f"source: {s.data_source}")
        if s.frequency is not None:
            extra.append(s.frequency.value)
        indicators.append(name + (f" ({'; '.join(extra)})" if extra else ""))
    _items("Suggested indicators", indicators)
    fund_lines = []
    for category in t.funding_categories:
        named = [f.name for f in funds.values() if f.category is category]
        fund_lines.append(
            f"{category.value} ({category.label})" + (f": e.g. {', '.join(named)}" if named else "")
        )
    _items("Funding categories", fund_lines)
    if t.gcm_objectives:
        _items(
            "GCM objectives",
            (f"{n} {cat.gcm_objective(n).title}" for n in t.gcm_objectives),
        )
    if t.migration_domains:
        _items(
            "SDG 10.7.2 domains",
            (f"{n} {cat.migration_domain(n).name}" for n in t.migration_domains),
        )
    if t.dac_sectors:
        print(f"DAC sector codes: {', '.join(t.dac_sectors)}")
    _items("Sources", t.sources)
