"""Yearly budgets of an intervention from its costed resources and supporting activities."""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from migsdg.iati._codes import BUDGET_INDICATIVE, BUDGET_ORIGINAL
from migsdg.iati._xml import decimal_text
from migsdg.model import Intervention

__all__ = ["write_budgets", "yearly_amounts"]

CENT = Decimal("0.01")

#: ``convert(amount, currency, where)``: the amount in the plan's currency, or ``None``
#: (after reporting a problem) when it cannot be converted.
Convert = Callable[[Decimal, "str | None", str], "Decimal | None"]
#: ``problem(location, message)``.
Report = Callable[[str, str], None]


def money(value: Decimal) -> str:
    return decimal_text(value.quantize(CENT, rounding=ROUND_HALF_UP))


def yearly_amounts(
    iv: Intervention, where: str, convert: Convert, problem: Report
) -> dict[int, Decimal]:
    """The intervention's costs per calendar year, in the plan's currency.

    A cost line's ``year`` places it. Costs without a year, and supporting activities'
    costs, are shared over the timeframe's years in proportion to its days in each (to the
    cent, the last year taking the rounding), so the years add up to the total.
    """
    per_year: dict[int, Decimal] = {}
    undated = Decimal(0)
    for j, line in enumerate(iv.resources):
        amount = convert(line.amount, line.currency, f"{where}.resources[{j}]")
        if amount is None:
            continue
        if line.year is None:
            undated += amount
        else:
            per_year[line.year] = per_year.get(line.year, Decimal(0)) + amount
    for j, activity in enumerate(iv.supporting_activities):
        if activity.cost is None:
            continue
        amount = convert(activity.cost, activity.currency, f"{where}.supporting_activities[{j}]")
        if amount is not None:
            undated += amount
    if not undated:
        return per_year
    start, end = iv.timeframe.start, iv.timeframe.end
    if start is None or end is None or end < start:
        problem(
            f"{where}.timeframe",
            f"intervention {iv.id!r} has costs without a year; to budget them per year "
            "IATI needs the timeframe's start and end (or give each cost line a year)",
        )
        return per_year
    days = {
        y: (min(end, _dt.date(y, 12, 31)) - max(start, _dt.date(y, 1, 1))).days + 1
        for y in range(start.year, end.year + 1)
    }
    total = sum(days.values())
    years = list(days)
    left = undated
    for y in years[:-1]:
        share = (undated * days[y] / total).quantize(CENT, rounding=ROUND_HALF_UP)
        per_year[y] = per_year.get(y, Decimal(0)) + share
        left -= share
    per_year[years[-1]] = per_year.get(years[-1], Decimal(0)) + left
    return per_year


def write_budgets(
    act: ET.Element, iv: Intervention, per_year: dict[int, Decimal], currency: str
) -> None:
    """One ``budget`` per year with costs, its period cut to the intervention's timeframe."""
    start, end = iv.timeframe.start, iv.timeframe.end
    for year in sorted(per_year):
        value = per_year[year].quantize(CENT, rounding=ROUND_HALF_UP)
        if not value:
            continue
        first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        if start is not None and end is not None and start <= last and end >= first:
            first, last = max(first, start), min(last, end)
        budget = ET.SubElement(
            act, "budget", {"type": BUDGET_ORIGINAL, "status": BUDGET_INDICATIVE}
        )
        ET.SubElement(budget, "period-start", {"iso-date": first.isoformat()})
        ET.SubElement(budget, "period-end", {"iso-date": last.isoformat()})
        value_el = ET.SubElement(
            budget, "value", {"currency": currency, "value-date": first.isoformat()}
        )
        value_el.text = money(value)
