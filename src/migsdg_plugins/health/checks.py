"""Health-sector checks (codes HLT1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import msg
from migsdg.model import Disaggregation, IndicatorKind

__all__ = ["RULES"]


@rule(
    "HLT101",
    "health-workforce-density",
    severity=Severity.WARNING,
    summary="An intervention serving target 3.c monitors health worker density and "
    "distribution (SDG indicator 3.c.1).",
    why="3.c.1 is the measure of target 3.c; WHO's Health Workforce Support and Safeguards "
    "List uses the density of doctors, nurses and midwives among its criteria, and the WHO "
    "Global Code asks countries to gather data on their health workforce. An intervention "
    "on the recruitment, training or retention of health workers that does not follow "
    "density cannot show its effect on the workforce.",
)
def _density(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if "3.c" not in iv.targets:
            continue
        if not any(
            e.indicator.kind is IndicatorKind.SDG and e.indicator.code == "3.c.1"
            for e in iv.monitoring
        ):
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} serves target 3.c but does not monitor health "
                    "worker density and distribution (3.c.1)",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add a monitoring entry for 3.c.1, by occupation and region, from "
                    "the health workforce registers.",
                ),
                intervention=iv.id,
            )


@rule(
    "HLT102",
    "health-coverage-by-migratory-status",
    severity=Severity.WARNING,
    summary="An intervention serving universal health coverage (target 3.8) disaggregates "
    "at least one of its indicators by migratory status.",
    why="In a Migration-SDG Action Plan an intervention on health coverage is there to reach "
    "migrants; WHO's guidance on refugee and migrant health asks for health information "
    "disaggregated by migrant status, and target 17.18 names migratory status among the "
    "dimensions of disaggregation. Without it the plan cannot show whether migrants are "
    "covered.",
)
def _coverage_by_status(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if "3.8" not in iv.targets or not iv.monitoring:
            continue  # AP108 reports interventions without monitoring
        if not any(Disaggregation.MIGRATORY_STATUS in e.disaggregation for e in iv.monitoring):
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} serves target 3.8 but none of its indicators is "
                    "disaggregated by migratory status",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add migratory status to the disaggregation of 3.8.2 (household "
                    "expenditure surveys) or of a tracer service of the UHC index, such "
                    "as antenatal care coverage; 3.8.1 itself is an index not computed "
                    "for population groups.",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (_density, _coverage_by_status)
