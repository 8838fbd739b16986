"""Labour-sector checks (codes LAB1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import Term, msg
from migsdg.model import Disaggregation, IndicatorKind

__all__ = ["RULES"]

#: Sub-types whose interventions shape recruitment and so should measure its cost.
RECRUITMENT_SUBTYPES = frozenset({"labour.ethical-recruitment", "labour.bilateral-agreement"})


@rule(
    "LAB101",
    "labour-injuries-by-migrant-status",
    severity=Severity.WARNING,
    summary="An intervention that monitors SDG indicator 8.8.1 or 8.8.2 disaggregates it by "
    "sex and by migratory status.",
    why="Both indicators of target 8.8 are defined 'by sex and migrant status', and the "
    "target itself names migrant workers, in particular women migrants. Without that "
    "breakdown the indicator cannot show whether the intervention reaches them.",
)
def _injuries_by_status(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or ref.code not in ("8.8.1", "8.8.2"):
                continue
            missing = [
                Term(d)
                for d in (Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS)
                if d not in entry.disaggregation
            ]
            if missing:
                yield Hit(
                    location=f"{where}.monitoring[{j}].disaggregation",
                    message=msg(
                        "intervention {iv!r} monitors {code} without disaggregation by {missing}",
                        iv=iv.id,
                        code=ref.code,
                        missing=(
                            missing[0]
                            if len(missing) == 1
                            else msg("{first} and {second}", first=missing[0], second=missing[1])
                        ),
                    ),
                    hint=msg(
                        "Add sex and migratory status to the disaggregation; occupational "
                        "injury records and labour force surveys can usually capture both.",
                    ),
                    intervention=iv.id,
                )


@rule(
    "LAB102",
    "recruitment-costs-monitored",
    severity=Severity.WARNING,
    summary="A fair-recruitment intervention or labour migration agreement aimed at target "
    "10.7 monitors recruitment costs (SDG indicator 10.7.1).",
    why="Indicator 10.7.1 — the recruitment cost borne by a worker as a share of monthly "
    "income in the country of destination — is the measure of whether recruitment has "
    "become fairer; the ILO and the World Bank publish a survey module for it.",
)
def _recruitment_costs(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if iv.subtype not in RECRUITMENT_SUBTYPES or "10.7" not in iv.targets:
            continue
        if not any(
            e.indicator.kind is IndicatorKind.SDG and e.indicator.code == "10.7.1"
            for e in iv.monitoring
        ):
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} shapes recruitment but does not monitor "
                    "recruitment costs (10.7.1)",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add a monitoring entry for indicator 10.7.1, with data from the "
                    "ILO–World Bank recruitment-cost module in a national survey.",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (_injuries_by_status, _recruitment_costs)
