"""The finance sector's section of the Word draft and the workbook: the cost of
remittances. The plan's remittance and diaspora interventions with the baselines, interim
targets and targets of indicator 10.c.1 for each corridor the plan records, the plan's
interim targets on 10.c, and the funding these interventions mobilise.

Sources: the official text of target 10.c (an average cost below 3% and no corridor
above 5% by 2030) and the World Bank's metadata of indicator 10.c.1 (custodian: World
Bank; the cost of sending the equivalent of USD 200, fee and exchange-rate margin, from
the Remittance Prices Worldwide database; corridors measured by the SmaRT average of the
three cheapest services that meet criteria of transparency, speed and access).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from migsdg.i18n import N_
from migsdg.model import ActionPlan, Intervention
from migsdg.present import Block, Cell
from migsdg.sections import PlanSection, SectionContext
from migsdg.views import (
    CurrencyError,
    InterventionFunding,
    funding_summary,
    intervention_funding,
)
from migsdg_plugins._sectionkit import latest, measure_text, sdg_indicators

__all__ = ["REMITTANCE_SECTION", "SECTIONS", "remittance_interventions", "standing"]

_FINANCE_SECTORS = ("Finance", "Finanzas", "Finances", "Remittances", "Remesas", "Envois de fonds")
_TARGETS = {"10.c", "17.3"}
_INDICATORS = {"10.c.1", "17.3.2"}
_POLICY_AREAS = ("remittance", "diaspora", "remesa", "diáspora", "envois de fonds", "diaspora")

#: Target 10.c's two thresholds, in per cent of the amount sent.
AVERAGE_LIMIT = Decimal(3)
CORRIDOR_LIMIT = Decimal(5)


def _is_remittance(iv: Intervention) -> bool:
    for made_from in (iv.template, iv.subtype):
        if made_from and made_from.split(".", 1)[0] == "finance":
            return True
    if iv.sector.strip().casefold() in {s.casefold() for s in _FINANCE_SECTORS}:
        return True
    if _TARGETS & set(iv.targets) or _INDICATORS & sdg_indicators(iv):
        return True
    area = iv.policy_area.casefold()
    return any(word in area for word in _POLICY_AREAS)


def remittance_interventions(plan: ActionPlan) -> tuple[Intervention, ...]:
    """The plan's remittance and diaspora interventions: made from the finance plugin's
    templates, of a finance sector or policy area, or aimed at targets 10.c or 17.3."""
    return tuple(iv for iv in plan.interventions if _is_remittance(iv))


def standing(value: Decimal) -> str:
    """Where a cost stands against target 10.c (English; translated where shown)."""
    if value > CORRIDOR_LIMIT:
        return N_("above 5%, the most any corridor may cost under target 10.c")
    if value >= AVERAGE_LIMIT:
        return N_("5% or less, not yet below the 3% average of target 10.c")
    return N_("below 3%, the average target 10.c sets")


def _build(ctx: SectionContext) -> Sequence[Block]:
    interventions = remittance_interventions(ctx.plan)
    blocks: list[Block] = [
        ctx.para(f"10.c — {ctx.target_text('10.c')}", "strong"),
        ctx.para(
            ctx._(
                "Indicator 10.c.1, whose custodian is the World Bank, is the cost of sending "
                "the equivalent of USD 200, fee and exchange-rate margin together, as a "
                "share of the amount sent. The World Bank's Remittance Prices Worldwide "
                "database measures it each quarter by mystery shopping; for each corridor it "
                "uses the average of the three cheapest services that meet criteria of "
                "transparency, speed and access. The table shows the values the plan records "
                "for each remittance intervention and corridor, and where the latest (or, "
                "failing it, the baseline) stands against the target's two thresholds."
            ),
            "note",
        ),
    ]
    rows = []
    for iv in interventions:
        for entry in iv.monitoring:
            if entry.indicator.code != "10.c.1":
                continue
            corridor = " — ".join(
                x
                for x in (entry.indicator.unit, entry.baseline.note if entry.baseline else "")
                if x
            )
            now = latest(entry)
            reference = (
                now.value if now is not None else (entry.baseline.value if entry.baseline else None)
            )
            rows.append(
                (
                    Cell(corridor, head=ctx.intervention_name(iv)),
                    measure_text(ctx, entry.baseline),
                    "\n".join(measure_text(ctx, m) for m in entry.interim),
                    measure_text(ctx, entry.target),
                    measure_text(ctx, now),
                    ctx._(standing(reference)) if reference is not None else "",
                )
            )
    if rows:
        blocks.append(
            ctx.table(
                "remittance-costs",
                (
                    ("Intervention and corridor", ctx._("Intervention and corridor")),
                    ("Baseline", ctx._("Baseline"), True),
                    ("Interim targets", ctx._("Interim targets"), True),
                    ("Target", ctx._("Target"), True),
                    ("Latest value", ctx._("Latest value"), True),
                    ("Against target 10.c", ctx._("Against target 10.c")),
                ),
                rows,
                widths=(5, 2, 2, 2, 2, 4),
            )
        )
    elif interventions:
        blocks.append(
            ctx.para(
                ctx._(
                    "No remittance intervention monitors indicator 10.c.1 yet. The World "
                    "Bank's Remittance Prices Worldwide database publishes the cost of the "
                    "corridors it covers each quarter; a national price database can add "
                    "others."
                ),
                "missing",
            )
        )
    blocks += _interim_targets(ctx)
    if interventions:
        blocks += _funding(ctx, interventions)
    return blocks


def _interim_targets(ctx: SectionContext) -> list[Block]:
    steps = [
        it
        for it in ctx.plan.interim_targets
        if it.indicator == "10.c.1" or (it.indicator is None and it.target == "10.c")
    ]
    if not steps:
        return []
    rows = []
    for it in steps:
        value = ctx.value(it.value) if it.value is not None else ""
        rows.append(
            (
                " ".join(x for x in (value, it.unit) if x),
                ctx.date(it.due) if it.due else "",
                it.description,
            )
        )
    return [
        ctx.para(ctx._("Interim targets of the plan on target 10.c"), "strong"),
        ctx.table(
            "remittance-interim-targets",
            (
                ("Value and corridors", ctx._("Value and corridors")),
                ("Due", ctx._("Due")),
                ("Description", ctx._("Description")),
            ),
            rows,
            widths=(5, 2, 6),
        ),
    ]


def _funding(ctx: SectionContext, interventions: Sequence[Intervention]) -> list[Block]:
    currency = ctx.plan.currency or None
    views: list[tuple[Intervention, InterventionFunding]] = []
    unconverted: list[str] = []
    for iv in interventions:
        try:
            views.append((iv, intervention_funding(ctx.plan, iv)))
        except CurrencyError as exc:
            unconverted.append(exc.currency)
    blocks: list[Block] = [
        ctx.para(
            ctx._("Funding these interventions mobilise ({currency})", currency=currency)
            if currency
            else ctx._("Funding these interventions mobilise"),
            "strong",
        ),
    ]
    if currency is None:
        blocks.append(
            ctx.para(
                ctx._("The plan gives no currency; amounts are shown as the plan records them."),
                "missing",
            )
        )
    rows: list[Sequence[str | Cell]] = []
    totals = dict.fromkeys(("required", "secured", "pledged", "proposed", "gap"), Decimal(0))
    for iv, funding in views:
        for key in totals:
            totals[key] += getattr(funding, key)
        rows.append(
            (
                ctx.intervention_name(iv),
                ctx.amount(funding.required),
                ctx.amount(funding.secured),
                ctx.amount(funding.pledged),
                ctx.amount(funding.proposed),
                ctx.amount(funding.gap),
            )
        )
    if len(views) > 1:
        rows.append(
            (
                Cell(ctx._("Total"), strong=True),
                *(Cell(ctx.amount(totals[k]), strong=True) for k in totals),
            )
        )
    blocks.append(
        ctx.table(
            "remittance-funding",
            (
                ("Intervention", ctx._("Intervention")),
                ("Required", ctx._("Required"), True),
                ("Secured", ctx._("Secured"), True),
                ("Pledged", ctx._("Pledged"), True),
                ("Proposed", ctx._("Proposed"), True),
                ("Gap", ctx._("Gap"), True),
            ),
            rows,
            widths=(7, 2, 2, 2, 2, 2),
        )
    )
    blocks.append(
        ctx.para(
            ctx._(
                "Required counts the costed resources and the supporting activities; the gap "
                "is what is neither secured nor pledged, since proposed funding is sought but "
                "not yet promised."
            ),
            "note",
        )
    )
    if not unconverted:
        blocks += _by_source(ctx, interventions)
    for code in sorted(set(unconverted)):
        blocks.append(
            ctx.para(
                ctx._(
                    "Amounts in {currency} are left out: the plan gives no exchange rate to "
                    "the plan's currency.",
                    currency=code,
                ),
                "missing",
            )
        )
    return blocks


def _by_source(ctx: SectionContext, interventions: Sequence[Intervention]) -> list[Block]:
    """The same funding by source (and the partner providing it, where recorded)."""
    summary = funding_summary(attrs.evolve(ctx.plan, interventions=tuple(interventions)))
    rows = [
        (
            Cell(s.provider_name if s.provider_name != s.name else "", head=s.name or s.source),
            ctx.amount(s.secured),
            ctx.amount(s.pledged),
            ctx.amount(s.proposed),
        )
        for s in summary.sources
        if s.total
    ]
    if not rows:
        return []
    return [
        ctx.table(
            "remittance-funding-sources",
            (
                ("Funding source", ctx._("Funding source")),
                ("Secured", ctx._("Secured"), True),
                ("Pledged", ctx._("Pledged"), True),
                ("Proposed", ctx._("Proposed"), True),
            ),
            rows,
            widths=(7, 2, 2, 2),
        )
    ]


REMITTANCE_SECTION = PlanSection(
    id="finance.remittance-costs",
    title=N_("Remittance costs: indicator 10.c.1 by corridor and the funding mobilised"),
    build=_build,
    placement="annex",
    sectors=_FINANCE_SECTORS,
    templates=("finance",),
    applies=lambda plan: bool(remittance_interventions(plan)),
    description="The plan's remittance and diaspora interventions with 10.c.1 baselines and "
    "interim targets per corridor, and the funding they mobilise",
)

SECTIONS: tuple[PlanSection, ...] = (REMITTANCE_SECTION,)
