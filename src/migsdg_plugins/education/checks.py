"""Education-sector checks (codes EDU1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import msg
from migsdg.model import Disaggregation

__all__ = ["RULES"]


@rule(
    "EDU101",
    "education-by-migratory-status",
    severity=Severity.WARNING,
    summary="An intervention serving target 4.1 or 4.5 disaggregates at least one of its "
    "indicators by migratory status.",
    why="Target 4.5 asks for equal access for the vulnerable and its indicator 4.5.1 is a "
    "set of parity indices whose list of groups is open to others 'as data become "
    "available'; UNESCO's 2019 Global Education Monitoring Report on migration and "
    "displacement shows how much migrant and refugee learners are missed without such "
    "data. An education intervention in a Migration-SDG Action Plan that cannot compare "
    "migrant and other learners cannot show its effect.",
)
def _by_status(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not ({"4.1", "4.5"} & set(iv.targets)) or not iv.monitoring:
            continue  # AP108 reports interventions without monitoring
        if not any(Disaggregation.MIGRATORY_STATUS in e.disaggregation for e in iv.monitoring):
            served = ", ".join(t for t in iv.targets if t in ("4.1", "4.5"))
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} serves target {served} but none of its "
                    "indicators is disaggregated by migratory status",
                    iv=iv.id,
                    served=served,
                ),
                hint=msg(
                    "Add migratory status to the disaggregation of a completion, "
                    "proficiency or enrolment indicator, or add a migrant/non-migrant "
                    "parity index.",
                ),
                intervention=iv.id,
            )


@rule(
    "EDU102",
    "scholarships-date",
    severity=Severity.INFO,
    summary="Where interventions serve target 4.b, whose date (2020) has passed, the plan "
    "sets an interim target for 4.b.",
    why="Target 4.b asked for more scholarships 'by 2020'. A plan that still works towards "
    "it needs a date and a value of its own, or progress cannot be judged.",
)
def _scholarships_date(ctx: CheckContext) -> Iterator[Hit]:
    if any(t.target == "4.b" for t in ctx.plan.interim_targets):
        return
    for where, iv in ctx.interventions():
        if "4.b" in iv.targets:
            yield Hit(
                location=f"{where}.targets",
                message=msg(
                    "intervention {iv!r} serves target 4.b, whose date (2020) has "
                    "passed, and the plan sets no interim target for 4.b",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add an interim target for 4.b (for example a number of scholarships "
                    "awarded by a date within the plan period).",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (_by_status, _scholarships_date)
