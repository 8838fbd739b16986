"""Open SDG indicator configuration for the SDG indicators a plan monitors.

Only keys Open SDG's indicator configuration schema defines are written
(open-sdg/open-sdg, ``_includes/assets/js/config-schema/schema-indicator-config.json``):
``graph_target_lines`` items carry ``value`` and ``label_content``;
``progress_calculation_options`` is a list of items with ``direction``, ``base_year``,
``target_year`` and ``target``, written only where the direction is known. The plan's
measured values (baselines and achieved values) become the indicator's data rows
(:func:`indicator_data`), in the CSV shape sdg-build reads: ``Year``, one column per expected
disaggregation, ``Value``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from migsdg.catalogue import LANGUAGES, catalogue
from migsdg.errors import ExportError, Problem, UnknownCodeError
from migsdg.model import (
    ActionPlan,
    GovernanceLevel,
    IndicatorKind,
    InterimTarget,
    Intervention,
    Measure,
    MonitoringEntry,
)

__all__ = [
    "REPORTING_STATUSES",
    "OpenSdgExportError",
    "config_file_name",
    "data_file_name",
    "indicator_configs",
    "indicator_data",
    "translation_key",
]

#: Open SDG's reporting statuses, as its configuration schema lists them.
REPORTING_STATUSES = ("complete", "inprogress", "notstarted", "notapplicable")

#: Target line labels: (final target, interim target), with and without a year.
_LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "final": "Plan target {year}",
        "final-no-year": "Plan target",
        "interim": "Interim target {year}",
        "interim-no-year": "Interim target",
    },
    "es": {
        "final": "Meta del plan {year}",
        "final-no-year": "Meta del plan",
        "interim": "Meta intermedia {year}",
        "interim-no-year": "Meta intermedia",
    },
    "fr": {
        "final": "Cible du plan {year}",
        "final-no-year": "Cible du plan",
        "interim": "Cible intermédiaire {year}",
        "interim-no-year": "Cible intermédiaire",
    },
}


class OpenSdgExportError(ExportError):
    """A plan cannot be written as Open SDG configuration; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        n = len(self.problems)
        lines = [f"cannot export the plan for Open SDG ({n} problem{'s' if n != 1 else ''})"]
        lines += [f"  {p.location + ': ' if p.location else ''}{p.message}" for p in self.problems]
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class _Use:
    """One monitoring entry of one intervention following an indicator."""

    intervention: Intervention
    entry: MonitoringEntry


def config_file_name(code: str) -> str:
    """Open SDG's file name for an indicator's configuration: ``10.7.2`` → ``10-7-2.yml``."""
    return code.replace(".", "-") + ".yml"


def data_file_name(code: str) -> str:
    """Open SDG's file name for an indicator's data: ``10.7.2`` → ``indicator_10-7-2.csv``."""
    return "indicator_" + code.replace(".", "-") + ".csv"


def translation_key(code: str) -> str:
    """The key of an indicator's title in Open SDG's translations (open-sdg/sdg-translations):
    ``10.7.2`` → ``global_indicators.10-7-2-title``."""
    return f"global_indicators.{code.replace('.', '-')}-title"


def _sort_key(code: str) -> list[tuple[int, int | str]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in code.split(".")]


def _number(value: Decimal) -> int | float:
    """Open SDG reads plain YAML numbers."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _label(language: str, kind: str, year: int | None) -> str:
    labels = _LABELS[language]
    return labels[kind].format(year=year) if year is not None else labels[f"{kind}-no-year"]


def _collect(plan: ActionPlan) -> tuple[dict[str, list[_Use]], dict[str, list[InterimTarget]]]:
    cat = catalogue()
    problems: list[Problem] = []
    uses: dict[str, list[_Use]] = {}
    interim: dict[str, list[InterimTarget]] = {}

    def known(code: str, where: str) -> str | None:
        try:
            return cat.indicator(code).code
        except UnknownCodeError as exc:
            problems.append(Problem(location=where, message=str(exc)))
            return None

    for i, iv in enumerate(plan.interventions):
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or not ref.code:
                continue
            code = known(ref.code, f"interventions[{i}].monitoring[{j}].indicator.code")
            if code is not None:
                uses.setdefault(code, []).append(_Use(intervention=iv, entry=entry))
    for k, it in enumerate(plan.interim_targets):
        if it.indicator:
            code = known(it.indicator, f"interim_targets[{k}].indicator")
            if code is not None:
                interim.setdefault(code, []).append(it)
    if problems:
        raise OpenSdgExportError(problems)
    return uses, interim


def _measures(uses: list[_Use]) -> Iterator[Measure]:
    for use in uses:
        e = use.entry
        yield from (m for m in (e.baseline, e.target, *e.interim) if m is not None)
        yield from (Measure(value=a.value, year=a.year) for a in e.achieved)


def _target_lines(
    uses: list[_Use], interim: list[InterimTarget], language: str
) -> list[dict[str, Any]]:
    finals = {
        (u.entry.target.value, u.entry.target.year)
        for u in uses
        if u.entry.target is not None and u.entry.target.value is not None
    }
    # Several interventions aiming at different values: say whose target each line is.
    name_each = len(finals) > 1
    lines: list[tuple[int, int, dict[str, Any]]] = []
    for order, use in enumerate(uses):
        suffix = f" – {use.intervention.title or use.intervention.id}" if name_each else ""
        e = use.entry
        marks = [(m, "interim") for m in e.interim]
        if e.target is not None:
            marks.append((e.target, "final"))
        for m, kind in marks:
            if m.value is None:
                continue
            label = _label(language, kind, m.year) + suffix
            when = m.year if m.year is not None else 9999
            lines.append((when, order, {"value": _number(m.value), "label_content": label}))
    for it in interim:
        if it.value is None:
            continue
        due = it.due.year if it.due is not None else None
        label = _label(language, "interim", due)
        lines.append((due or 9999, -1, {"value": _number(it.value), "label_content": label}))
    seen: set[tuple[Any, str]] = set()
    out = []
    for _, _, line in sorted(lines, key=lambda x: (x[0], x[1])):
        key = (line["value"], line["label_content"])
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out


def _starting_point(entry: MonitoringEntry) -> tuple[Decimal, int | None] | None:
    """Where progress is measured from: the baseline, else the earliest value achieved."""
    base = entry.baseline
    if base is not None and base.value is not None:
        return base.value, base.year
    achieved = [a for a in entry.achieved if a.year is not None]
    if achieved:
        first = min(achieved, key=lambda a: a.year or 0)
        return first.value, first.year
    return None


def _progress_options(uses: list[_Use]) -> dict[str, Any]:
    """Progress calculation inputs from the monitoring entry with the latest final target,
    only when the direction of progress is known (target above or below the starting
    point): Open SDG would otherwise assume ``negative``."""
    best: MonitoringEntry | None = None
    for use in uses:
        t = use.entry.target
        if t is None or t.value is None or t.year is None:
            continue
        if best is None or best.target is None or t.year > (best.target.year or 0):
            best = use.entry
    if best is None or best.target is None or best.target.value is None:
        return {}
    start = _starting_point(best)
    if start is None or start[0] == best.target.value:
        return {}
    options: dict[str, Any] = {
        "direction": "positive" if best.target.value > start[0] else "negative"
    }
    if start[1] is not None:
        options["base_year"] = start[1]
    options["target_year"] = best.target.year
    options["target"] = _number(best.target.value)
    return options


def _country_name(plan: ActionPlan) -> str | None:
    if plan.country is None or plan.level not in (None, GovernanceLevel.NATIONAL):
        return None
    from migsdg.iati.codelists import alpha2, codelist

    code = alpha2(plan.country)
    return codelist("Country").name_of(code) if code is not None else None


def _one(values: list[str]) -> str | None:
    distinct = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    return distinct[0] if len(distinct) == 1 else None


def indicator_data(plan: ActionPlan) -> dict[str, list[dict[str, Any]]]:
    """The plan's measured values of each SDG indicator as Open SDG data rows (headline
    rows: ``Year``, ``Value``), keyed by indicator code; indicators without a measured value
    are left out.

    The values are the achieved values of the monitoring entries and their baselines, one
    per year. Where several entries give a value for the same year, the achieved value
    measured last wins, an achieved value wins over a baseline, and otherwise the first
    in plan order.
    """
    uses, _ = _collect(plan)
    out: dict[str, list[dict[str, Any]]] = {}
    for code in sorted(uses, key=_sort_key):
        by_year: dict[int, tuple[tuple[int, _dt.date, int], Decimal]] = {}
        for order, use in enumerate(uses[code]):
            e = use.entry
            points: list[tuple[tuple[int, _dt.date, int], int, Decimal]] = []
            if e.baseline is not None and e.baseline.value is not None and e.baseline.year:
                points.append(((0, _dt.date.min, -order), e.baseline.year, e.baseline.value))
            for a in e.achieved:
                if a.year is not None:
                    points.append(((1, a.date or _dt.date.min, -order), a.year, a.value))
            for rank, year, value in points:
                if year not in by_year or rank > by_year[year][0]:
                    by_year[year] = (rank, value)
        if by_year:
            out[code] = [
                {"Year": year, "Value": _number(by_year[year][1])} for year in sorted(by_year)
            ]
    return out


def indicator_configs(
    plan: ActionPlan,
    *,
    language: str | None = None,
    reporting_status: str | None = None,
    translation_keys: bool = False,
) -> dict[str, dict[str, Any]]:
    """Open SDG indicator configuration for each SDG indicator the plan monitors (in its
    monitoring entries or its interim targets), keyed by indicator code in SDG order.

    ``language`` (``en``, ``es`` or ``fr``; default: the plan's, else English) chooses the
    indicator names and target line labels. ``translation_keys`` names each indicator by
    its key in Open SDG's translations (``global_indicators.10-7-2-title``) instead, for a
    site in several languages. ``reporting_status`` sets every indicator's status; by
    default an indicator with a baseline or achieved value is ``inprogress`` and any other
    ``notstarted``: ``complete`` is for the platform to set once its data are in.
    """
    if language is None:
        primary = plan.language.split("-", 1)[0].lower()  # es-EC → es
        language = primary if primary in LANGUAGES else "en"
    elif language not in LANGUAGES:
        raise ExportError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if reporting_status is not None and reporting_status not in REPORTING_STATUSES:
        raise ExportError(
            f"reporting_status must be one of {', '.join(REPORTING_STATUSES)}, "
            f"not {reporting_status!r}"
        )
    cat = catalogue()
    uses, interim = _collect(plan)
    codes = sorted(set(uses) | set(interim), key=_sort_key)
    if not codes:
        raise ExportError(
            "the plan follows no SDG indicator (in its monitoring entries or interim "
            "targets), so there is no Open SDG configuration to write"
        )
    coverage = _country_name(plan)
    configs: dict[str, dict[str, Any]] = {}
    for code in codes:
        its_uses = uses.get(code, [])
        its_interim = interim.get(code, [])
        name = translation_key(code) if translation_keys else cat.text(code, language)
        measures = list(_measures(its_uses))
        numeric = any(m.value is not None for m in measures) or any(
            it.value is not None for it in its_interim
        )
        has_data = any(
            (u.entry.baseline is not None and u.entry.baseline.value is not None)
            or u.entry.achieved
            for u in its_uses
        )
        config: dict[str, Any] = {
            "indicator_number": code,
            "indicator_name": name,
            "reporting_status": reporting_status or ("inprogress" if has_data else "notstarted"),
            "data_non_statistical": not numeric,
        }
        if numeric:
            config["graph_type"] = "line"
            config["graph_title"] = name
        unit = _one([u.entry.indicator.unit for u in its_uses] + [it.unit for it in its_interim])
        if unit is not None:
            config["computation_units"] = unit
        if coverage is not None:
            config["national_geographical_coverage"] = coverage
        disaggregations = list(
            dict.fromkeys(d.label for u in its_uses for d in u.entry.disaggregation)
        )
        if disaggregations:
            config["expected_disaggregations"] = disaggregations
        lines = _target_lines(its_uses, its_interim, language)
        if lines:
            config["graph_target_lines"] = lines
        options = _progress_options(its_uses)
        if options:
            if {"direction", "target", "target_year"} <= options.keys():
                config["auto_progress_calculation"] = True
            config["progress_calculation_options"] = [options]
        configs[code] = config
    return configs
