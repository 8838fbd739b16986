"""Remittance and diaspora-finance checks (codes FIN1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import msg
from migsdg.model import ActorKind, IndicatorKind

__all__ = ["RULES"]

#: Sub-types whose interventions depend on the diaspora taking part.
DIASPORA_SUBTYPES = frozenset({"finance.diaspora-policy", "finance.diaspora-investment"})


@rule(
    "FIN101",
    "remittance-costs-monitored",
    severity=Severity.WARNING,
    summary="An intervention serving target 10.c monitors remittance costs (SDG indicator 10.c.1).",
    why="Target 10.c is defined by two cost thresholds (an average below 3%, no corridor "
    "above 5%) that only indicator 10.c.1 measures; the World Bank's Remittance Prices "
    "Worldwide, and national price databases built to its requirements, supply it by "
    "corridor every quarter.",
)
def _costs_monitored(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if "10.c" not in iv.targets:
            continue
        if not any(
            e.indicator.kind is IndicatorKind.SDG and e.indicator.code == "10.c.1"
            for e in iv.monitoring
        ):
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} serves target 10.c but does not monitor "
                    "remittance costs (10.c.1)",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add a monitoring entry for 10.c.1 for the country's main corridors, "
                    "from Remittance Prices Worldwide or a national price database, "
                    "stating the quarter of each value.",
                ),
                intervention=iv.id,
            )


@rule(
    "FIN102",
    "diaspora-take-part",
    severity=Severity.WARNING,
    summary="A diaspora engagement or diaspora investment intervention gives a role to a "
    "migrant or diaspora association.",
    why="Diaspora contributions are voluntary: they come where the diaspora trusts and "
    "helps steer the arrangement. Matching funds such as Mexico's 3x1 rested on hometown "
    "associations co-financing community projects, and the guide asks that migrants be "
    "engaged in designing and implementing interventions.",
)
def _diaspora_roles(ctx: CheckContext) -> Iterator[Hit]:
    actors = ctx.actors
    for where, iv in ctx.interventions():
        if iv.subtype not in DIASPORA_SUBTYPES:
            continue
        if not any(
            (a := actors.get(r.actor)) is not None and a.kind is ActorKind.MIGRANT_ASSOCIATION
            for r in iv.roles
        ):
            yield Hit(
                location=f"{where}.roles",
                message=msg(
                    "no migrant or diaspora association has a role in intervention {iv!r}",
                    iv=iv.id,
                ),
                hint=msg(
                    "Give a role (at least consulted at design, ideally support in "
                    "implementation) to a migrant or diaspora association among the plan's actors.",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (_costs_monitored, _diaspora_roles)
