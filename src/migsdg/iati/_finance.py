"""Money that has moved or is due to move, from an intervention's funding arrangements:
incoming commitments for secured partner money and planned disbursements for dated pledges;
and money spent, from its spending records, as expenditures."""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from migsdg.iati._classify import Classification, Org
from migsdg.iati._codes import BUDGET_ORIGINAL, TRANSACTION_INCOMING_COMMITMENT
from migsdg.iati._xml import decimal_text, narrative
from migsdg.model import FundingArrangement, Intervention

__all__ = ["Money", "org_element", "planned_disbursement", "transaction"]

_CENT = Decimal("0.01")

#: ``money(arrangement, where)``: its amount as (value, currency to write or ``None`` for
#: the activity's default currency), or ``None`` after reporting why it cannot be written.
Money = Callable[[FundingArrangement, str], "tuple[Decimal, str | None] | None"]


def org_element(parent: ET.Element, tag: str, org: Org) -> None:
    """``provider-org`` / ``receiver-org`` with the organisation's identifier, type and name."""
    attrib = {}
    if org.ref:
        attrib["ref"] = org.ref
    if org.type:
        attrib["type"] = org.type
    el = ET.SubElement(parent, tag, attrib)
    if org.name:
        narrative(el, org.name)


def _value(parent: ET.Element, amount: Decimal, currency: str | None, day: _dt.date) -> None:
    attrib = {"value-date": day.isoformat()}
    if currency is not None:
        attrib["currency"] = currency
    el = ET.SubElement(parent, "value", attrib)
    el.text = decimal_text(amount.quantize(_CENT, rounding=ROUND_HALF_UP))


def planned_disbursement(
    act: ET.Element,
    iv: Intervention,
    arrangement: FundingArrangement,
    amount: tuple[Decimal, str | None],
    provider: Org,
    receiver: Org,
) -> None:
    """A pledge for a year, as the planned disbursement of that year (cut to the
    intervention's timeframe where it starts or ends within the year)."""
    assert arrangement.year is not None
    first, last = _dt.date(arrangement.year, 1, 1), _dt.date(arrangement.year, 12, 31)
    start, end = iv.timeframe.start, iv.timeframe.end
    if start is not None and first < start <= last:
        first = start
    if end is not None and first <= end < last:
        last = end
    pd = ET.SubElement(act, "planned-disbursement", {"type": BUDGET_ORIGINAL})
    ET.SubElement(pd, "period-start", {"iso-date": first.isoformat()})
    ET.SubElement(pd, "period-end", {"iso-date": last.isoformat()})
    _value(pd, amount[0], amount[1], first)
    org_element(pd, "provider-org", provider)
    org_element(pd, "receiver-org", receiver)


def transaction(
    act: ET.Element,
    day: _dt.date,
    amount: tuple[Decimal, str | None],
    provider: Org | None,
    receiver: Org,
    classification: Classification,
    defaults: Classification,
    *,
    kind: str = TRANSACTION_INCOMING_COMMITMENT,
    description: str = "",
) -> None:
    """One transaction; its flow, finance and aid type and tied status are written only
    where they differ from the activity's defaults; ``provider`` ``None`` writes no
    ``provider-org`` (spending whose source the plan does not record)."""
    tr = ET.SubElement(act, "transaction")
    ET.SubElement(tr, "transaction-type", {"code": kind})
    ET.SubElement(tr, "transaction-date", {"iso-date": day.isoformat()})
    _value(tr, amount[0], amount[1], day)
    if description.strip():
        narrative(ET.SubElement(tr, "description"), description)
    if provider is not None:
        org_element(tr, "provider-org", provider)
    org_element(tr, "receiver-org", receiver)
    if classification.flow_type != defaults.flow_type:
        ET.SubElement(tr, "flow-type", {"code": classification.flow_type})
    if classification.finance_type != defaults.finance_type:
        ET.SubElement(tr, "finance-type", {"code": classification.finance_type})
    if classification.aid_type != defaults.aid_type:
        ET.SubElement(tr, "aid-type", {"code": classification.aid_type, "vocabulary": "1"})
    if classification.tied_status != defaults.tied_status:
        ET.SubElement(tr, "tied-status", {"code": classification.tied_status})
