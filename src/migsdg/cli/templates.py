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
from migsdg.cli._plan import usage_translator
from migsdg.cli._text import add_language_option
from migsdg.errors import MigsdgError
from migsdg.i18n import Translator
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
    add_language_option(
        p,
        help="language of the labels and of the SDG, GCM and 10.7.2 texts (default: "
        "English); a template's own text is written in English",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.plugins import get_host
    from migsdg.texts import enum_label

    tr = usage_translator(args)
    host = get_host()
    if args.id is not None:
        template = host.template(args.id)
        if args.format == "json":
            _dump(template_to_dict(template))
        else:
            _show(template, host.funding_sources(), tr)
        return EXIT_OK
    templates = list(host.templates().values())
    if args.sector is not None:
        sectors = sorted({t.sector for t in templates})
        if args.sector not in sectors:
            raise MigsdgError(
                tr._(
                    "no templates for sector {sector!r} (sectors: {sectors})",
                    sector=args.sector,
                    sectors=", ".join(sectors),
                )
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
        line = tr._(
            "{type} ({form}) · targets {targets} · plugin {plugin}",
            type=enum_label(t.type, tr),
            form=enum_label(t.form, tr),
            targets=", ".join(t.targets),
            plugin=t.plugin,
        )
        print("    " + line)
    if not templates:
        print(tr._("no templates match"), file=sys.stderr)
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
    print(label)
    print(textwrap.fill(text, _WIDTH, initial_indent="  ", subsequent_indent="  "))


def _items(label: str, lines: Iterable[str]) -> None:
    lines = list(lines)
    if not lines:
        return
    print(label)
    for line in lines:
        print(textwrap.fill(line, _WIDTH, initial_indent="  - ", subsequent_indent="    "))


def _show(t: InterventionTemplate, funds: Mapping[str, FundingSource], tr: Translator) -> None:
    """The template in full; its labels, and the SDG, GCM and 10.7.2 texts, in ``tr``'s
    language, its own text as the plugin wrote it. Codes (type, category, slot) stay."""
    from migsdg.catalogue import TEXT_LANGUAGES, catalogue
    from migsdg.texts import enum_label

    cat = catalogue()
    language = tr.language if tr.language in TEXT_LANGUAGES else "en"
    sep = tr._(", ")
    print(f"{t.id}: {t.title}")
    print("  " + tr._("sector {sector} · plugin {plugin}", sector=t.sector, plugin=t.plugin))
    print("  " + tr._("type: {code} ({label})", code=t.type.value, label=enum_label(t.type, tr)))
    form = tr._("form: {label}", label=enum_label(t.form, tr))
    if t.subtype:
        form += " · " + tr._("sub-type {subtype}", subtype=t.subtype)
    print("  " + form)
    _items(tr._("SDG targets:"), (f"{c} {cat.text(c, language)}" for c in t.targets))
    _para(tr._("Description:"), t.description)
    _para(tr._("Rationale:"), t.rationale)
    _items(tr._("Beneficiaries:"), (f"{b.group}: {b.description}" for b in t.beneficiaries))
    print(tr._("Actors by stage (slot: role — tasks); bind slots with --actor SLOT=ACTOR_ID:"))
    for stage in Stage:
        for a in (a for a in t.actors if a.stage is stage):
            print(
                textwrap.fill(
                    tr._(
                        "{stage}: {slot} ({description}): {role} — {tasks}",
                        stage=enum_label(stage, tr),
                        slot=a.slot,
                        description=a.description,
                        role=enum_label(a.role, tr),
                        tasks=a.tasks,
                    ),
                    _WIDTH,
                    initial_indent="  - ",
                    subsequent_indent="    ",
                )
            )
    if t.coordination:
        _para(tr._("Coordination:"), t.coordination)
    _items(tr._("Outputs:"), t.outputs)
    _items(tr._("Outcomes:"), t.outcomes)
    _items(
        tr._("Supporting activities:"),
        (f"{enum_label(s.kind, tr)}: {s.description}" for s in t.supporting_activities),
    )
    indicators = []
    for s in t.indicators:
        ref = s.indicator
        name = f"{ref.code} {cat.indicator(ref.code).title}" if ref.code else ref.name
        if ref.kind is not IndicatorKind.SDG:
            name = f"{enum_label(ref.kind, tr)}: {ref.name} — {ref.definition}"
        extra = []
        if s.disaggregation:
            by = sep.join(enum_label(d, tr) for d in s.disaggregation)
            extra.append(tr._("by {dimensions}", dimensions=by))
        if s.data_source:
            extra.append(tr._("source: {source}", source=s.data_source))
        if s.frequency is not None:
            extra.append(enum_label(s.frequency, tr))
        indicators.append(name + (f" ({tr._('; ').join(extra)})" if extra else ""))
    _items(tr._("Suggested indicators:"), indicators)
    fund_lines = []
    for category in t.funding_categories:
        named = [f.name for f in funds.values() if f.category is category]
        line = f"{category.value} ({enum_label(category, tr)})"
        if named:
            line = tr._("{category}: e.g. {sources}", category=line, sources=", ".join(named))
        fund_lines.append(line)
    _items(tr._("Funding categories:"), fund_lines)
    if t.gcm_objectives:
        _items(
            tr._("GCM objectives:"),
            (f"{n} {cat.gcm_title(n, language)}" for n in t.gcm_objectives),
        )
    if t.migration_domains:
        _items(
            tr._("SDG 10.7.2 domains:"),
            (f"{n} {cat.domain_name(n, language)}" for n in t.migration_domains),
        )
    if t.dac_sectors:
        print(tr._("DAC sector codes: {codes}", codes=", ".join(t.dac_sectors)))
    _items(tr._("Sources:"), t.sources)
