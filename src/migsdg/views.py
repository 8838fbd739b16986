"""Computed views of a plan: funding summaries and target coverage.

These are functions of the plan, never stored state, so they cannot disagree with it.
Every pass is linear in the size of the plan.

Money: amounts without a currency are in the plan's currency. An amount in another
currency is converted with the plan's ``exchange_rates``; without a rate for it, the
views raise :class:`CurrencyError` rather than add up different currencies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from migsdg.errors import MigsdgError
from migsdg.model import (
    ActionPlan,
    FundingCategory,
    FundingStatus,
    Intervention,
)

__all__ = [
    "FUNDING_FORMAT",
    "FUNDING_FORMAT_VERSION",
    "UNCATEGORISED_LABEL",
    "CategoryFunding",
    "CurrencyError",
    "FundingSummary",
    "InterventionFunding",
    "PartnerFunding",
    "funding_summary",
    "intervention_funding",
    "plain_amount",
    "target_coverage",
]

ZERO = Decimal(0)

#: The statuses, listed once: iterating an enum class is slow in a loop over every
#: funding arrangement of a large plan.
_STATUSES = tuple(FundingStatus)

#: Name and version of the JSON shape of :meth:`FundingSummary.to_dict`.
FUNDING_FORMAT = "migsdg-funding"
FUNDING_FORMAT_VERSION = 1

#: Label for funding whose source has no category (or names an unknown source).
UNCATEGORISED_LABEL = "No category recorded"


def plain_amount(value: Decimal) -> str:
    """An amount as plain decimal text: no exponent, no grouping (``"1250000.50"``)."""
    if value.is_zero():
        value = abs(value)  # never "-0"
    return format(value, "f")


class CurrencyError(MigsdgError, ValueError):
    """Amounts in a currency other than the plan's, with no exchange rate to convert them."""

    def __init__(self, currency: str, plan_currency: str, locations: Iterable[str]) -> None:
        self.currency = currency
        self.plan_currency = plan_currency
        self.locations = tuple(locations)
        super().__init__(currency, plan_currency, self.locations)

    def __str__(self) -> str:
        where = ", ".join(self.locations[:3]) + (" …" if len(self.locations) > 3 else "")
        return (
            f"amounts in {self.currency} cannot be added to the plan's {self.plan_currency} "
            f"without an exchange rate (at {where}); add exchange_rates to the plan or give "
            f"the amounts in {self.plan_currency}"
        )


class _Money:
    """Converts amounts to the plan's currency, collecting amounts it cannot convert."""

    def __init__(self, plan: ActionPlan) -> None:
        self.currency = plan.currency
        self.rates: Mapping[str, Decimal] = {r.currency: r.rate for r in plan.exchange_rates}
        self.missing: dict[str, list[str]] = {}

    def __call__(self, amount: Decimal | None, currency: str | None, where: str) -> Decimal:
        if amount is None:
            return ZERO
        if currency is None or currency == self.currency:
            return amount
        rate = self.rates.get(currency)
        if rate is None:
            self.missing.setdefault(currency, []).append(where)
            return ZERO
        return amount * rate

    def raise_if_missing(self) -> None:
        for currency, places in self.missing.items():
            raise CurrencyError(currency, self.currency, places)


@attrs.frozen(kw_only=True)
class InterventionFunding:
    """Resources required and funding of one intervention, in the plan's currency.

    ``required`` counts the costed resources *and* the supporting activities' costs, as the
    guide asks ("budget not only for the immediate intervention, but for any supporting
    activities as well"). ``gap`` is what is neither secured nor pledged; proposed funding
    is sought, not yet promised, so it does not close the gap. ``spent`` is the money the
    plan records as actually spent on it so far (its expenditures); it does not change
    what is required or the gap.
    """

    intervention: str
    title: str
    resources: Decimal
    supporting_activities: Decimal
    secured: Decimal
    pledged: Decimal
    proposed: Decimal
    spent: Decimal = ZERO

    @property
    def required(self) -> Decimal:
        return self.resources + self.supporting_activities

    @property
    def gap(self) -> Decimal:
        return max(ZERO, self.required - self.secured - self.pledged)

    @property
    def needs_resources(self) -> bool:
        return self.gap > 0


@attrs.frozen(kw_only=True)
class CategoryFunding:
    """Funding from one of the guide's four categories of source (``None``: sources with
    no category yet, or arrangements naming an unknown source)."""

    category: FundingCategory | None
    secured: Decimal = ZERO
    pledged: Decimal = ZERO
    proposed: Decimal = ZERO
    spent: Decimal = ZERO  # spending recorded against sources of the category

    @property
    def total(self) -> Decimal:
        return self.secured + self.pledged + self.proposed

    @property
    def label(self) -> str:
        """The guide's wording for the category."""
        return self.category.label if self.category is not None else UNCATEGORISED_LABEL


@attrs.frozen(kw_only=True)
class PartnerFunding:
    """Funding per funding source (and the partner that provides it, if recorded), and
    the spending recorded against the source."""

    source: str
    name: str
    provider: str | None
    category: FundingCategory | None
    secured: Decimal = ZERO
    pledged: Decimal = ZERO
    proposed: Decimal = ZERO
    provider_name: str = ""  # the providing actor's name, where the plan records it
    spent: Decimal = ZERO  # spending recorded against the source

    @property
    def total(self) -> Decimal:
        return self.secured + self.pledged + self.proposed


@attrs.frozen(kw_only=True)
class FundingSummary:
    """The plan's resource mobilization view: per intervention, per category of source
    and per source or partner, every amount in the plan's currency."""

    currency: str
    interventions: tuple[InterventionFunding, ...]
    categories: tuple[CategoryFunding, ...]
    sources: tuple[PartnerFunding, ...]
    plan: str = ""  # the plan's id

    @property
    def resources(self) -> Decimal:
        """Total cost of the interventions' costed resources."""
        return sum((i.resources for i in self.interventions), ZERO)

    @property
    def supporting_activities(self) -> Decimal:
        """Total cost of the interventions' supporting activities."""
        return sum((i.supporting_activities for i in self.interventions), ZERO)

    @property
    def required(self) -> Decimal:
        """What the plan needs: resources plus supporting activities."""
        return sum((i.required for i in self.interventions), ZERO)

    @property
    def secured(self) -> Decimal:
        """Funding secured, in the plan's currency."""
        return sum((i.secured for i in self.interventions), ZERO)

    @property
    def pledged(self) -> Decimal:
        """Funding pledged but not yet secured."""
        return sum((i.pledged for i in self.interventions), ZERO)

    @property
    def proposed(self) -> Decimal:
        """Funding proposed to a source but neither pledged nor secured."""
        return sum((i.proposed for i in self.interventions), ZERO)

    @property
    def spent(self) -> Decimal:
        """Money recorded as spent on the interventions so far."""
        return sum((i.spent for i in self.interventions), ZERO)

    @property
    def gap(self) -> Decimal:
        """What is neither secured nor pledged, summed over the interventions (proposed
        funding is sought, not promised, so it does not close a gap)."""
        return sum((i.gap for i in self.interventions), ZERO)

    def needing_resources(self) -> tuple[InterventionFunding, ...]:
        """Interventions that need additional resources, largest gap first."""
        return tuple(
            sorted(
                (i for i in self.interventions if i.needs_resources),
                key=lambda i: (-i.gap, i.intervention),
            )
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the ``migsdg-funding`` format, version 1 (``docs/formats.md``).

        Amounts are decimal text in the plan's currency, so no precision is lost. ``spent``
        was added within version 1 (keys are only ever added).
        """
        a = plain_amount
        return {
            "format": FUNDING_FORMAT,
            "version": FUNDING_FORMAT_VERSION,
            "plan": self.plan,
            "currency": self.currency,
            "totals": {
                "resources": a(self.resources),
                "supporting_activities": a(self.supporting_activities),
                "required": a(self.required),
                "secured": a(self.secured),
                "pledged": a(self.pledged),
                "proposed": a(self.proposed),
                "gap": a(self.gap),
                "spent": a(self.spent),
            },
            "interventions": [
                {
                    "id": i.intervention,
                    "title": i.title,
                    "resources": a(i.resources),
                    "supporting_activities": a(i.supporting_activities),
                    "required": a(i.required),
                    "secured": a(i.secured),
                    "pledged": a(i.pledged),
                    "proposed": a(i.proposed),
                    "gap": a(i.gap),
                    "spent": a(i.spent),
                    "needs_resources": i.needs_resources,
                }
                for i in self.interventions
            ],
            "categories": [
                {
                    "category": c.category.value if c.category is not None else None,
                    "label": c.label,
                    "secured": a(c.secured),
                    "pledged": a(c.pledged),
                    "proposed": a(c.proposed),
                    "total": a(c.total),
                    "spent": a(c.spent),
                }
                for c in self.categories
            ],
            "sources": [
                {
                    "source": s.source,
                    "name": s.name,
                    "provider": s.provider,
                    "provider_name": s.provider_name,
                    "category": s.category.value if s.category is not None else None,
                    "secured": a(s.secured),
                    "pledged": a(s.pledged),
                    "proposed": a(s.proposed),
                    "total": a(s.total),
                    "spent": a(s.spent),
                }
                for s in self.sources
            ],
            "needing_resources": [
                {"id": i.intervention, "title": i.title, "gap": a(i.gap)}
                for i in self.needing_resources()
            ],
        }


def _intervention_funding(iv: Intervention, where: str, money: _Money) -> InterventionFunding:
    resources = sum(
        (
            money(line.amount, line.currency, f"{where}.resources[{j}]")
            for j, line in enumerate(iv.resources)
        ),
        ZERO,
    )
    activities = sum(
        (
            money(a.cost, a.currency, f"{where}.supporting_activities[{j}]")
            for j, a in enumerate(iv.supporting_activities)
        ),
        ZERO,
    )
    by_status = dict.fromkeys(_STATUSES, ZERO)
    for j, arr in enumerate(iv.funding):
        by_status[arr.status] += money(arr.amount, arr.currency, f"{where}.funding[{j}]")
    spent = sum(
        (
            money(x.amount, x.currency, f"{where}.expenditures[{j}]")
            for j, x in enumerate(iv.expenditures)
        ),
        ZERO,
    )
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


def intervention_funding(plan: ActionPlan, intervention: Intervention) -> InterventionFunding:
    """The funding view of one intervention of ``plan``."""
    money = _Money(plan)
    row = _intervention_funding(intervention, f"interventions[{intervention.id}]", money)
    money.raise_if_missing()
    return row


def funding_summary(plan: ActionPlan) -> FundingSummary:
    """Required, secured, pledged and proposed funding, the gap and the money spent, per
    intervention, per category of source and per source, in the plan's currency. Spending
    that names no source counts for its intervention and the plan only.

    Raises :class:`CurrencyError` when amounts in another currency have no exchange rate.
    """
    money = _Money(plan)
    sources = {s.id: s for s in plan.funding_sources}
    actor_names = {act.id: act.name for act in plan.actors}
    rows = []
    cat_totals: dict[FundingCategory | None, dict[FundingStatus, Decimal]] = {}
    src_totals: dict[str, dict[FundingStatus, Decimal]] = {}
    cat_spent: dict[FundingCategory | None, Decimal] = {}
    src_spent: dict[str, Decimal] = {}
    for i, iv in enumerate(plan.interventions):
        where = f"interventions[{i}]"
        rows.append(_intervention_funding(iv, where, money))
        for j, arr in enumerate(iv.funding):
            amount = money(arr.amount, arr.currency, f"{where}.funding[{j}]")
            source = sources.get(arr.source)
            category = source.category if source is not None else None
            by_category = cat_totals.get(category)
            if by_category is None:
                by_category = cat_totals[category] = dict.fromkeys(_STATUSES, ZERO)
            by_category[arr.status] += amount
            by_source = src_totals.get(arr.source)
            if by_source is None:
                by_source = src_totals[arr.source] = dict.fromkeys(_STATUSES, ZERO)
            by_source[arr.status] += amount
        for j, spent in enumerate(iv.expenditures):
            if spent.source is None:
                continue
            amount = money(spent.amount, spent.currency, f"{where}.expenditures[{j}]")
            source = sources.get(spent.source)
            category = source.category if source is not None else None
            cat_spent[category] = cat_spent.get(category, ZERO) + amount
            src_spent[spent.source] = src_spent.get(spent.source, ZERO) + amount
            if spent.source not in src_totals:  # spent from a source no arrangement names
                src_totals[spent.source] = dict.fromkeys(_STATUSES, ZERO)
    money.raise_if_missing()

    categories = tuple(
        CategoryFunding(
            category=c,
            secured=cat_totals.get(c, {}).get(FundingStatus.SECURED, ZERO),
            pledged=cat_totals.get(c, {}).get(FundingStatus.PLEDGED, ZERO),
            proposed=cat_totals.get(c, {}).get(FundingStatus.PROPOSED, ZERO),
            spent=cat_spent.get(c, ZERO),
        )
        for c in (
            *FundingCategory,
            *([None] if None in cat_totals or None in cat_spent else []),
        )
    )
    partner_rows = []
    for sid, totals in src_totals.items():
        src = sources.get(sid)
        partner_rows.append(
            PartnerFunding(
                source=sid,
                name=src.name if src is not None else "",
                provider=src.provider if src is not None else None,
                category=src.category if src is not None else None,
                secured=totals[FundingStatus.SECURED],
                pledged=totals[FundingStatus.PLEDGED],
                proposed=totals[FundingStatus.PROPOSED],
                provider_name=actor_names.get(src.provider, "")
                if src is not None and src.provider is not None
                else "",
                spent=src_spent.get(sid, ZERO),
            )
        )
    return FundingSummary(
        currency=plan.currency,
        interventions=tuple(rows),
        categories=categories,
        sources=tuple(partner_rows),
        plan=plan.id,
    )


def target_coverage(plan: ActionPlan) -> dict[str, tuple[str, ...]]:
    """For each prioritized target (those of the objectives) and each target an
    intervention serves, the ids of the interventions serving it, in plan order."""
    coverage: dict[str, list[str]] = {t: [] for t in plan.targets}
    for iv in plan.interventions:
        for t in dict.fromkeys(iv.targets):
            coverage.setdefault(t, []).append(iv.id)
    return {t: tuple(ids) for t, ids in coverage.items()}
