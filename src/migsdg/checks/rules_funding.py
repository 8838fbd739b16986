"""AP4xx — resources required, supporting activities' budgets and funding arrangements.

From the guide's step "Mobilizing Resources": a resource mobilization plan shows "which
proposed interventions require additional resources", and care should be taken "to budget
not only for the immediate intervention, but for any supporting activities as well".
Funding gaps are computed by :func:`migsdg.views.funding_summary`, so the checks and the
exports always agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import Term, msg
from migsdg.model import (
    CostLine,
    Expenditure,
    FundingArrangement,
    FundingStatus,
    Intervention,
    SupportingActivity,
)
from migsdg.views import CurrencyError, InterventionFunding, intervention_funding

__all__ = ["RULES"]

ZERO = Decimal(0)
_STATUSES = tuple(FundingStatus)
_Priced = CostLine | SupportingActivity | FundingArrangement | Expenditure

_MOBILIZING = "The guide's step on Mobilizing Resources: "


def _amount(amount: Decimal) -> Decimal:
    """An amount for a message: written ``1,250,000`` in English and in each language's
    conventions in translations; cents only where there are any."""
    return amount


@rule(
    "AP401",
    "supporting-activity-cost",
    severity=Severity.WARNING,
    summary="Every supporting activity has its cost budgeted.",
    why=_MOBILIZING + 'care should be taken "to budget not only for the immediate '
    'intervention, but for any supporting activities as well"; mainstreaming across sectors '
    "may require significant capacity-building in ministries or departments.",
    guide=G.BUDGET_SUPPORTING,
    modality=Modality.SHOULD,
)
def _activity_cost(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for k, act in enumerate(iv.supporting_activities):
            if act.cost is None:
                what = act.description or Term(act.kind)
                yield Hit(
                    location=f"{where}.supporting_activities[{k}].cost",
                    message=msg(
                        "supporting activity “{what}” of intervention {iv!r} has no budgeted cost",
                        what=what,
                        iv=iv.id,
                    ),
                    hint=msg(
                        "Estimate its cost (trainers, venues, materials, staff time) and "
                        "fund it with the intervention; write 0 only if it truly costs nothing."
                    ),
                    intervention=iv.id,
                )


@rule(
    "AP402",
    "funding-gap",
    severity=Severity.WARNING,
    summary="Interventions whose required resources (costed lines plus supporting "
    "activities) are not covered by secured or pledged funding are named with the gap.",
    why=_MOBILIZING + "a resource mobilization plan shows which proposed interventions "
    "require additional resources, as a basis for approaching development cooperation "
    "partners and other funding sources. Proposed funding is sought but not yet promised, "
    "so it does not close the gap. Interventions whose amounts cannot be converted to the "
    "plan's currency are reported by AP403 instead.",
    guide=G.RESOURCE_PLAN,
    modality=Modality.CAN,
)
def _gap(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    cur = plan.currency
    for where, iv in ctx.interventions():
        if _plainly_covered(iv, cur):
            continue
        row = _plain_row(iv, cur)
        if row is None:
            try:
                row = intervention_funding(plan, iv)
            except CurrencyError:
                continue  # AP403 reports amounts that cannot be converted
        if not row.needs_resources:
            continue
        proposed = (
            msg(
                "; {amount} {currency} is proposed but not yet pledged",
                amount=_amount(row.proposed),
                currency=cur,
            )
            if row.proposed
            else ""
        )
        yield Hit(
            location=f"{where}.funding",
            message=msg(
                "intervention {iv!r} needs additional resources: {gap} {currency} of the "
                "{required} {currency} required is neither secured nor pledged{proposed}",
                iv=iv.id,
                gap=_amount(row.gap),
                required=_amount(row.required),
                currency=cur,
                proposed=proposed,
            ),
            hint=msg(
                "Mobilize the missing resources (domestic budgets, SDG-related funds, "
                "migration-specific funds of partners, innovative finance) and record them as "
                "funding arrangements, or reduce the costed resources."
            ),
            intervention=iv.id,
        )


def _plainly_covered(iv: Intervention, currency: str) -> bool:
    """True when every amount is in the plan's currency and secured and pledged funding
    cover the resources and supporting activities: no gap, nothing to build (most
    interventions of a funded plan)."""
    need = ZERO
    for line in iv.resources:
        if line.currency is not None and line.currency != currency:
            return False
        need += line.amount
    for act in iv.supporting_activities:
        if act.cost is not None:
            if act.currency is not None and act.currency != currency:
                return False
            need += act.cost
    for arr in iv.funding:
        if arr.currency is not None and arr.currency != currency:
            return False
        if arr.status is not FundingStatus.PROPOSED:
            need -= arr.amount
    return need <= 0


def _plain_row(iv: Intervention, currency: str) -> InterventionFunding | None:
    """The funding view of ``iv`` when every amount is in the plan's ``currency`` (the
    common case, with no conversion to do); ``None`` otherwise, for
    :func:`migsdg.views.intervention_funding` to convert. What is required, and what the
    gap is, stay the view's definitions (:class:`~migsdg.views.InterventionFunding`)."""
    resources = activities = ZERO
    for line in iv.resources:
        if line.currency is not None and line.currency != currency:
            return None
        resources += line.amount
    for act in iv.supporting_activities:
        if act.cost is not None:
            if act.currency is not None and act.currency != currency:
                return None
            activities += act.cost
    by_status = dict.fromkeys(_STATUSES, ZERO)
    for arr in iv.funding:
        if arr.currency is not None and arr.currency != currency:
            return None
        by_status[arr.status] += arr.amount
    spent = ZERO
    for x in iv.expenditures:
        if x.currency is not None and x.currency != currency:
            return None
        spent += x.amount
    return InterventionFunding(
        intervention=iv.id,
        title=iv.title,
        resources=resources,
        supporting_activities=activities,
        secured=by_status[FundingStatus.SECURED],
        pledged=by_status[FundingStatus.PLEDGED],
        proposed=by_status[FundingStatus.PROPOSED],
        spent=spent,
    )


@rule(
    "AP403",
    "currency-rate",
    severity=Severity.ERROR,
    summary="Amounts in a currency other than the plan's have an exchange rate, and every "
    "exchange rate is positive.",
    why="Resources, supporting activities and funding are added up to find each "
    "intervention's funding gap; amounts in different currencies can only be added through "
    "the plan's exchange rates.",
    severity_reason=(
        "Beyond the guide: amounts in a currency without a positive rate cannot "
        "be added up or compared with funding, so an error."
    ),
)
def _currency(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    for k, rate in enumerate(plan.exchange_rates):
        if rate.rate <= 0:
            yield Hit(
                location=f"exchange_rates[{k}].rate",
                message=msg(
                    "the exchange rate for {currency} is {rate}, not a positive number",
                    currency=rate.currency,
                    rate=str(rate.rate),
                ),
                hint=msg(
                    "Give how many {plan_currency} one {currency} buys.",
                    plan_currency=plan.currency,
                    currency=rate.currency,
                ),
            )
    rates = ctx.rates
    for where, iv in ctx.interventions():
        groups: tuple[tuple[str, str, Sequence[_Priced]], ...] = (
            ("resources", msg("cost line"), iv.resources),
            ("supporting_activities", msg("supporting activity"), iv.supporting_activities),
            ("funding", msg("funding arrangement"), iv.funding),
            ("expenditures", msg("spending record"), iv.expenditures),
        )
        for key, what, items in groups:
            for j, item in enumerate(items):
                currency = item.currency
                if currency is None or currency == plan.currency or currency in rates:
                    continue
                yield Hit(
                    location=f"{where}.{key}[{j}].currency",
                    message=msg(
                        "a {what} of intervention {iv!r} is in {currency}, and the plan has "
                        "no exchange rate from {currency} to {plan_currency}",
                        what=what,
                        iv=iv.id,
                        currency=currency,
                        plan_currency=plan.currency,
                    ),
                    hint=msg(
                        "Add an exchange rate for {currency} to the plan (how many "
                        "{plan_currency} one {currency} buys), or give the amount in "
                        "{plan_currency}.",
                        currency=currency,
                        plan_currency=plan.currency,
                    ),
                    intervention=iv.id,
                )


@rule(
    "AP404",
    "unknown-funding-source",
    severity=Severity.ERROR,
    summary="Funding arrangements, and spending records that name a source, name a funding "
    "source the plan defines.",
    why=_MOBILIZING + "funding arrangements are described by their source; sources are "
    "recorded once, typed by the guide's four categories, so the plan can show how much "
    "comes from each.",
    severity_reason=(
        "Beyond the guide: money from a source the plan does not define cannot "
        "be traced; the plan is inconsistent, so an error."
    ),
)
def _unknown_source(ctx: CheckContext) -> Iterator[Hit]:
    known = ctx.sources
    for where, iv in ctx.interventions():
        for j, arr in enumerate(iv.funding):
            if arr.source not in known:
                yield Hit(
                    location=f"{where}.funding[{j}].source",
                    message=msg(
                        "intervention {iv!r} is funded from {source!r}, which is not among the "
                        "plan's funding sources{suggestion}",
                        iv=iv.id,
                        source=arr.source,
                        suggestion=ctx.did_you_mean(arr.source, known),
                    ),
                    hint=msg(
                        "Use the id of one of the plan's funding sources, or add the source "
                        "with its category."
                    ),
                    intervention=iv.id,
                )
        for j, spent in enumerate(iv.expenditures):
            if spent.source is not None and spent.source not in known:
                yield Hit(
                    location=f"{where}.expenditures[{j}].source",
                    message=msg(
                        "intervention {iv!r} records spending from {source!r}, which is not "
                        "among the plan's funding sources{suggestion}",
                        iv=iv.id,
                        source=spent.source,
                        suggestion=ctx.did_you_mean(spent.source, known),
                    ),
                    hint=msg(
                        "Use the id of one of the plan's funding sources, or add the source "
                        "with its category."
                    ),
                    intervention=iv.id,
                )


@rule(
    "AP405",
    "funding-source-category",
    severity=Severity.WARNING,
    summary="Every funding source has one of the guide's four categories.",
    why=_MOBILIZING + "possible sources are existing local and national strategies and "
    "budgets, other SDG-related funds such as the Joint SDG Fund, migration-specific funds "
    "from development cooperation partners and multilaterals, and innovative "
    "migration-related finance (remittances, diaspora contributions, foundations, private "
    "sector). The funding summary per category needs each source's category.",
    guide=G.FUNDING_SOURCES,
    modality=Modality.CAN,
)
def _category(ctx: CheckContext) -> Iterator[Hit]:
    for k, src in enumerate(ctx.plan.funding_sources):
        if src.category is None:
            yield Hit(
                location=f"funding_sources[{k}].category",
                message=msg("funding source {source!r} has no category", source=src.id),
                hint=msg(
                    "Give it one of the guide's four categories: existing local and national "
                    "budgets, other SDG-related funds, migration-specific funds of partners, "
                    "or innovative migration-related finance."
                ),
            )


@rule(
    "AP406",
    "negative-amount",
    severity=Severity.ERROR,
    summary="Costs, funding and spending amounts are not negative.",
    why="A negative cost or funding amount silently changes the funding gap; reductions "
    "are recorded by changing the amounts themselves.",
    severity_reason=(
        "Beyond the guide: a negative cost or contribution cannot be budgeted, so an error."
    ),
)
def _negative(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, line in enumerate(iv.resources):
            if line.amount.is_signed() and line.amount < 0:
                yield _negative_hit(
                    iv.id, f"{where}.resources[{j}].amount", msg("cost line"), line.amount
                )
        for j, act in enumerate(iv.supporting_activities):
            if act.cost is not None and act.cost.is_signed() and act.cost < 0:
                loc = f"{where}.supporting_activities[{j}].cost"
                yield _negative_hit(iv.id, loc, msg("supporting activity cost"), act.cost)
        for j, arr in enumerate(iv.funding):
            if arr.amount.is_signed() and arr.amount < 0:
                loc = f"{where}.funding[{j}].amount"
                yield _negative_hit(iv.id, loc, msg("funding amount"), arr.amount)
        for j, spent in enumerate(iv.expenditures):
            if spent.amount.is_signed() and spent.amount < 0:
                loc = f"{where}.expenditures[{j}].amount"
                yield _negative_hit(iv.id, loc, msg("spending record"), spent.amount)


def _negative_hit(ivid: str, location: str, what: str, amount: Decimal) -> Hit:
    return Hit(
        location=location,
        message=msg(
            "a {what} of intervention {iv!r} is negative ({amount})",
            what=what,
            iv=ivid,
            amount=str(amount),
        ),
        hint=msg("Give costs and funding as positive amounts."),
        intervention=ivid,
    )


@rule(
    "AP407",
    "funding-source-approach",
    severity=Severity.INFO,
    summary="A funding source that money is still sought from (a proposed funding "
    "arrangement) says how, when and through whom the government will approach it.",
    why=_MOBILIZING + 'a resource mobilization plan shows "strategies for approaching '
    'development cooperation partners and other funding sources", and government actors '
    '"may hold bilateral meetings and group consultations with development cooperation '
    'partners". Money that is only proposed has yet to be asked for; the approach says who '
    "asks, when and how.",
    guide=G.RESOURCE_PLAN,
    modality=Modality.CAN,
)
def _approach(ctx: CheckContext) -> Iterator[Hit]:
    sought: set[str] = {
        f.source
        for iv in ctx.plan.interventions
        for f in iv.funding
        if f.status is FundingStatus.PROPOSED
    }
    for k, src in enumerate(ctx.plan.funding_sources):
        if src.id in sought and not src.mobilization.how.strip():
            yield Hit(
                location=f"funding_sources[{k}].mobilization",
                message=msg(
                    "funding is proposed from {source!r}, but how the government will "
                    "approach it is not described",
                    source=src.id,
                ),
                hint=msg(
                    "Describe the approach (a bilateral meeting, a group consultation, a "
                    "proposal to a call, a budget submission), when it is to be made, and "
                    "who makes it."
                ),
            )


RULES: tuple[Rule, ...] = (
    _activity_cost,
    _gap,
    _currency,
    _unknown_source,
    _category,
    _negative,
    _approach,
)
