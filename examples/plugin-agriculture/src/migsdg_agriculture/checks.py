"""Agriculture checks (codes AGR1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.model import Disaggregation, IndicatorKind

__all__ = ["RULES"]

SEASONAL_SCHEME = "agriculture.seasonal-work-scheme"

#: SDG indicators of targets 2.1 and 2.3 that are measured on people or households, and
#: so can be broken down by migratory status (2.1.1 is a modelled national estimate and
#: 2.3.1 a measure of enterprises; neither can).
PEOPLE_INDICATORS = {"2.1.2": "2.1", "2.3.2": "2.3"}


@rule(
    "AGR101",
    "seasonal-scheme-monitors-costs-and-injuries",
    severity=Severity.WARNING,
    summary="A seasonal agricultural worker scheme monitors the recruitment costs its "
    "workers bear (SDG indicator 10.7.1) and occupational injuries (SDG indicator 8.8.1).",
    why="Seasonal workers are recruited again each season, often through intermediaries, "
    "and fees charged to them are where debt and forced labour begin; the ILO General "
    "Principles for Fair Recruitment exclude them, and indicator 10.7.1 measures them. "
    "Agriculture is among the most hazardous sectors, and the ILO Safety and Health in "
    "Agriculture Convention, 2001 (No. 184) gives seasonal workers the protection of "
    "permanent ones; indicator 8.8.1 shows whether they get it.",
)
def _seasonal_scheme(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if iv.subtype != SEASONAL_SCHEME:
            continue
        monitored = {
            e.indicator.code for e in iv.monitoring if e.indicator.kind is IndicatorKind.SDG
        }
        missing = [code for code in ("10.7.1", "8.8.1") if code not in monitored]
        if missing:
            yield Hit(
                location=f"{where}.monitoring",
                message=f"seasonal worker scheme {iv.id!r} does not monitor {' or '.join(missing)}",
                hint="Add monitoring entries for 10.7.1 (from a recruitment-cost survey of "
                "scheme workers, ILO–World Bank methodology) and 8.8.1 (from injury records "
                "for agriculture, by sex and migratory status).",
                intervention=iv.id,
            )


@rule(
    "AGR102",
    "food-indicators-by-migratory-status",
    severity=Severity.WARNING,
    summary="An intervention serving target 2.1 or 2.3 that monitors SDG indicator 2.1.2 "
    "or 2.3.2 disaggregates it by migratory status.",
    why="In a Migration-SDG Action Plan a food security or small-producer intervention is "
    "there for what it does for migrants, displaced people and their families; without a "
    "breakdown by migratory status its indicator cannot show it. Target 17.18 and GCM "
    "Objective 1 ask for data disaggregated by migratory status, and the household surveys "
    "that carry the Food Insecurity Experience Scale or income questions can record it.",
)
def _food_by_status(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or ref.code not in PEOPLE_INDICATORS:
                continue
            if PEOPLE_INDICATORS[ref.code] not in iv.targets:
                continue
            if Disaggregation.MIGRATORY_STATUS not in entry.disaggregation:
                yield Hit(
                    location=f"{where}.monitoring[{j}].disaggregation",
                    message=f"intervention {iv.id!r} monitors {ref.code} without "
                    "disaggregation by migratory status",
                    hint="Add migratory_status to the disaggregation, and a question on "
                    "migratory status to the survey the indicator comes from.",
                    intervention=iv.id,
                )


RULES: tuple[Rule, ...] = (_seasonal_scheme, _food_by_status)
