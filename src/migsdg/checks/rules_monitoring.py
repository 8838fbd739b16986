"""AP6xx — monitoring and evaluation entries.

The guide's last criterion is "how monitoring and evaluation will take place", informed by
the indicators and the monitoring and reporting mechanisms already established. These
rules check that each entry says what is measured, from what baseline to what target,
from which source, how often and by whom, and that it can show results for migrants
(SDG target 17.18: data disaggregated by migratory status).
"""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import msg
from migsdg.model import Disaggregation, IndicatorKind, IndicatorRef, Measure, MonitoringEntry

__all__ = ["RULES"]

_ME = (
    'The guide\'s Action Plan Criteria ask "how monitoring and evaluation will take place", '
    "informed by the indicators and monitoring and reporting mechanisms established in the "
    "monitoring and reporting step."
)


def _label(entry: MonitoringEntry, j: int) -> str:
    ind = entry.indicator
    if ind.code:
        return msg("indicator {code}", code=ind.code)
    if ind.name.strip():
        return msg("indicator {name!r}", name=ind.name.strip())
    return msg("monitoring entry {n}", n=j + 1)


@rule(
    "AP601",
    "monitoring-indicator",
    severity=Severity.ERROR,
    summary="Every monitoring entry identifies its indicator: a global SDG indicator by its "
    "catalogue code, or a national or proxy indicator with a name and a definition.",
    why=_ME + " A national or proxy indicator is only usable by others if its definition "
    "is written down.",
    guide=G.MONITORING,
    modality=Modality.MUST,
)
def _indicator(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ind = entry.indicator
            if ind.kind is IndicatorKind.SDG:
                if not ind.code:
                    yield Hit(
                        location=f"{where}.monitoring[{j}].indicator.code",
                        message=msg(
                            "monitoring entry {n} of intervention {iv!r} follows an SDG "
                            "indicator but does not say which",
                            n=j + 1,
                            iv=iv.id,
                        ),
                        hint=msg(
                            "Give the SDG indicator code (e.g. 10.7.2), or make it a national "
                            "or proxy indicator with a name and a definition.",
                        ),
                        intervention=iv.id,
                    )
                continue
            for field in ("name", "definition"):
                if not getattr(ind, field).strip():
                    yield Hit(
                        location=f"{where}.monitoring[{j}].indicator.{field}",
                        message=msg(
                            "the {kind} of monitoring entry {n} of intervention {iv!r} has no "
                            "{field}",
                            kind=(
                                msg("national indicator")
                                if ind.kind is IndicatorKind.NATIONAL
                                else msg("proxy indicator")
                            ),
                            n=j + 1,
                            iv=iv.id,
                            field=msg("name") if field == "name" else msg("definition"),
                        ),
                        hint=msg(
                            "National and proxy indicators need a name and a definition (what is "
                            "counted, over what population, how it is calculated).",
                        ),
                        intervention=iv.id,
                    )


def _incomplete(m: Measure | None) -> str | None:
    """What a baseline or target lacks: ``""`` (all of it), ``"value"``, ``"year"``."""
    if m is not None and m.value is not None and m.year is not None:
        return None
    if m is None or (m.value is None and m.year is None):
        return ""
    if m.value is None:
        return "value"
    if m.year is None:
        return "year"
    return None


_GAPS = {
    ("baseline", ""): msg("no baseline"),
    ("baseline", "value"): msg("no baseline value"),
    ("baseline", "year"): msg("no baseline year"),
    ("target", ""): msg("no target"),
    ("target", "value"): msg("no target value"),
    ("target", "year"): msg("no target year"),
}


@rule(
    "AP602",
    "monitoring-complete",
    severity=Severity.WARNING,
    summary="Every monitoring entry has a baseline (value and year), a target (value and "
    "year), a data source, a frequency and a responsible actor.",
    why=_ME + " Progress can only be measured from a baseline towards a target, with data "
    "collected regularly by someone accountable for it.",
    guide=G.MONITORING,
    modality=Modality.MUST,
    severity_reason=(
        "The criteria ask how monitoring and evaluation will take place; "
        "baselines, targets, sources, frequency and who reports may be set in "
        "the guide's later Monitoring and Reporting step, so a warning."
    ),
)
def _complete(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            if (
                _incomplete(entry.baseline) is None
                and _incomplete(entry.target) is None
                and entry.frequency is not None
                and entry.responsible is not None
                and entry.data_source.strip()
            ):
                continue
            loc = f"{where}.monitoring[{j}]"
            label = _label(entry, j)
            for field, measure in (("baseline", entry.baseline), ("target", entry.target)):
                gap = _incomplete(measure)
                if gap is not None:
                    yield Hit(
                        location=f"{loc}.{field}",
                        message=msg(
                            "{label} of intervention {iv!r} has {gap}",
                            label=label,
                            iv=iv.id,
                            gap=_GAPS[field, gap],
                        ),
                        hint=(
                            msg(
                                "Give the baseline value and the year it was measured. If no "
                                "baseline exists yet, plan its collection as an early output."
                            )
                            if field == "baseline"
                            else msg("Give the target value and the year it is to be reached.")
                        ),
                        intervention=iv.id,
                    )
            missing = (
                ("data_source", bool(entry.data_source.strip()), msg("data source")),
                ("frequency", entry.frequency is not None, msg("frequency of collection")),
                ("responsible", entry.responsible is not None, msg("responsible actor")),
            )
            for field, present, noun in missing:
                if not present:
                    yield Hit(
                        location=f"{loc}.{field}",
                        message=msg(
                            "{label} of intervention {iv!r} has no {noun}",
                            label=label,
                            iv=iv.id,
                            noun=noun,
                        ),
                        hint=msg(
                            "Add a {noun} to the monitoring entry.",
                            noun=noun,
                        ),
                        intervention=iv.id,
                    )


@rule(
    "AP603",
    "monitoring-years",
    severity=Severity.ERROR,
    summary="A monitoring entry's baseline year is not after its target year, and its "
    "interim values fall between them.",
    why=_ME + " Years out of order make progress impossible to read.",
    severity_reason=(
        "Beyond the guide: a baseline after its target, or interim values "
        "outside them, is inconsistent data, so an error."
    ),
)
def _years(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            first = entry.baseline.year if entry.baseline is not None else None
            last = entry.target.year if entry.target is not None else None
            if first is not None and last is not None and first > last:
                yield Hit(
                    location=f"{where}.monitoring[{j}].target.year",
                    message=msg(
                        "{label} of intervention {iv!r} has its target year ({last}) before "
                        "its baseline year ({first})",
                        label=_label(entry, j),
                        iv=iv.id,
                        last=last,
                        first=first,
                    ),
                    hint=msg("Correct the baseline or target year."),
                    intervention=iv.id,
                )
                continue
            for k, m in enumerate(entry.interim):
                if m.year is None:
                    continue
                if (first is not None and m.year < first) or (last is not None and m.year > last):
                    yield Hit(
                        location=f"{where}.monitoring[{j}].interim[{k}].year",
                        message=msg(
                            "an interim value of {label} of intervention {iv!r} is for {year}, "
                            "outside the baseline-to-target years ({first}-{last})",
                            label=_label(entry, j),
                            iv=iv.id,
                            year=m.year,
                            first=first or "?",
                            last=last or "?",
                        ),
                        hint=msg("Interim values lie between the baseline and the target year."),
                        severity=Severity.WARNING,
                        intervention=iv.id,
                    )


#: Dimensions that show an entry counts people (rather than policies, prices or
#: institutions): such an entry can and should also count migrants.
_PERSONAL = frozenset(
    {
        Disaggregation.SEX,
        Disaggregation.AGE,
        Disaggregation.INCOME,
        Disaggregation.RACE,
        Disaggregation.ETHNICITY,
        Disaggregation.DISABILITY,
        Disaggregation.NATIONALITY,
    }
)


#: SDG indicators whose population is migrants by definition: recruitment costs of
#: migrant workers (10.7.1), deaths during migration (10.7.3), refugees (10.7.4).
_MIGRANT_INDICATORS = frozenset({"10.7.1", "10.7.3", "10.7.4"})


def _counts_only_migrants(ref: IndicatorRef) -> bool:
    """Whether everyone the indicator counts is a migrant (or a displaced person), so a
    breakdown by migratory status would tell no one apart."""
    if ref.population is not None:
        return ref.population.migrants_by_definition
    return ref.kind is IndicatorKind.SDG and ref.code in _MIGRANT_INDICATORS


@rule(
    "AP604",
    "migratory-status-disaggregation",
    severity=Severity.INFO,
    summary="Monitoring entries that count people (disaggregated by sex, age or another "
    "personal characteristic) are also disaggregated by migratory status, unless the "
    "indicator counts migrants by definition.",
    why="SDG target 17.18 calls for data disaggregated by income, gender, age, race, "
    "ethnicity, migratory status, disability, geographic location and other "
    "characteristics; without migratory status, a Migration-SDG plan cannot show what its "
    "interventions changed for migrants. Entries with no personal disaggregation (counts "
    "of policies, prices, institutions) are left alone, and so are indicators whose "
    "population is migrants by definition (population: migrants, returnees, diaspora or "
    "displaced; SDG indicators 10.7.1, 10.7.3 and 10.7.4 unless they say otherwise).",
    severity_reason=(
        "Beyond the guide: SDG target 17.18, not the guide, asks for data by "
        "migratory status; a note, and silent where an indicator counts "
        "migrants by definition."
    ),
)
def _migratory(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            dims = set(entry.disaggregation)
            if Disaggregation.MIGRATORY_STATUS in dims or dims.isdisjoint(_PERSONAL):
                continue
            if _counts_only_migrants(entry.indicator):
                continue
            shown = ", ".join(d.value for d in entry.disaggregation)
            yield Hit(
                location=f"{where}.monitoring[{j}].disaggregation",
                message=msg(
                    "{label} of intervention {iv!r} is disaggregated by {shown} but not "
                    "by migratory status",
                    label=_label(entry, j),
                    iv=iv.id,
                    shown=shown,
                ),
                hint=msg(
                    "Add migratory status to its disaggregation where the data source allows "
                    "it (and plan to add the question to the source where it does not).",
                ),
                intervention=iv.id,
            )


@rule(
    "AP605",
    "indicator-target",
    severity=Severity.INFO,
    summary="An SDG indicator used to monitor an intervention measures one of the targets "
    "the intervention serves.",
    why=_ME + " An indicator of a target the intervention does not serve suggests a "
    "missing target or a mismatched indicator.",
    severity_reason=(
        "Beyond the guide: a consistency note between indicators and targets, so info."
    ),
)
def _indicator_target(ctx: CheckContext) -> Iterator[Hit]:
    measured: dict[str, frozenset[str]] = {}  # targets each indicator measures
    for where, iv in ctx.interventions():
        if not iv.targets:
            continue
        for j, entry in enumerate(iv.monitoring):
            ind = entry.indicator
            if ind.kind is not IndicatorKind.SDG or not ind.code:
                continue
            found = ctx.indicator(ind.code)
            if found is None:
                continue  # AP601 reports it
            if found.code not in measured:
                repeats = (r.rsplit(".", 1)[0] for r in found.repeats)
                measured[found.code] = frozenset((found.target, *repeats))
            if measured[found.code].isdisjoint(iv.targets):
                yield Hit(
                    location=f"{where}.monitoring[{j}].indicator.code",
                    message=msg(
                        "indicator {code} measures target {target}, which intervention "
                        "{iv!r} does not serve",
                        code=found.code,
                        target=found.target,
                        iv=iv.id,
                    ),
                    hint=msg(
                        "Add {target} to the intervention's targets, or choose an indicator "
                        "of a target it serves.",
                        target=found.target,
                    ),
                    intervention=iv.id,
                )


RULES: tuple[Rule, ...] = (
    _indicator,
    _complete,
    _years,
    _migratory,
    _indicator_target,
)
