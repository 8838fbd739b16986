"""Displacement checks (codes DSP1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import msg
from migsdg.model import Disaggregation, IndicatorKind

__all__ = ["RULES"]

#: Targets whose indicators repeat one another in the SDG framework (the Sendai Framework
#: indicators of Goals 1, 11 and 13).
DISASTER_TARGETS = frozenset({"1.5", "11.5", "11.b", "13.1"})
SOLUTIONS_SUBTYPES = frozenset({"displacement.durable-solutions"})


@rule(
    "DSP101",
    "disaster-indicator-counted-once",
    severity=Severity.WARNING,
    summary="An intervention monitors a disaster indicator under one code only, not under "
    "two of the codes that repeat it (1.5.1, 11.5.1 and 13.1.1, for instance).",
    why="The SDG framework repeats the Sendai Framework indicators under Goals 1, 11 and "
    "13: 1.5.1, 11.5.1 and 13.1.1 are one indicator (deaths, missing persons and directly "
    "affected persons attributed to disasters per 100,000 population), reported once "
    "through the Sendai Framework Monitor. Following it under two codes doubles the "
    "monitoring work and counts the same people twice in the plan's results.",
)
def _counted_once(ctx: CheckContext) -> Iterator[Hit]:
    cat = ctx.catalogue
    for where, iv in ctx.interventions():
        seen: dict[frozenset[str], str] = {}
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or not ref.code:
                continue
            if not cat.has_indicator(ref.code):
                continue  # the core checks report unknown codes
            indicator = cat.indicator(ref.code)
            if indicator.target not in DISASTER_TARGETS or not indicator.repeats:
                continue
            group = frozenset((indicator.code, *indicator.repeats))
            first = seen.setdefault(group, indicator.code)
            if first != indicator.code:
                yield Hit(
                    location=f"{where}.monitoring[{j}].indicator",
                    message=msg(
                        "intervention {iv!r} monitors {code}, the same indicator as {first} "
                        "which it already follows",
                        iv=iv.id,
                        code=indicator.code,
                        first=first,
                    ),
                    hint=msg(
                        "Keep one entry ({first}) and name the other targets it serves in "
                        "the intervention's targets.",
                        first=first,
                    ),
                    intervention=iv.id,
                )


@rule(
    "DSP102",
    "solutions-compared-with-residents",
    severity=Severity.WARNING,
    summary="A durable-solutions intervention disaggregates at least one indicator by "
    "migratory status, here displacement status, so that displaced people can be compared "
    "with residents.",
    why="The IASC Framework on Durable Solutions judges a solution by whether internally "
    "displaced persons enjoy their rights without discrimination — safety, an adequate "
    "standard of living, livelihoods, housing, land and property, documentation, "
    "participation on an equal basis with the resident population. That is a comparison "
    "with residents, and an indicator that covers only the displaced cannot show it; the "
    "International Recommendations on IDP Statistics give the statistical basis for "
    "measuring progress towards solutions.",
)
def _compared(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if iv.subtype not in SOLUTIONS_SUBTYPES or not iv.monitoring:
            continue  # AP108 reports interventions without monitoring
        if not any(Disaggregation.MIGRATORY_STATUS in e.disaggregation for e in iv.monitoring):
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} seeks durable solutions but no indicator "
                    "compares displaced people with residents",
                    iv=iv.id,
                ),
                hint=msg(
                    "Disaggregate a living-conditions indicator (housing, livelihoods, "
                    "documentation) by migratory status, recording displacement status, "
                    "from a survey that covers displaced and resident households.",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (_counted_once, _compared)
