"""Achieved spending: expenditures recorded per intervention, read and checked, and carried
into the funding view, ``migsdg funding`` (text, JSON, CSV) and ``migsdg diff``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import migsdg
from migsdg import ExchangeRate, Expenditure, FundingArrangement
from migsdg.cli import main
from migsdg.diff import diff_plans
from migsdg.errors import PlanLoadError
from migsdg.io import plan_from_dict
from migsdg.views import funding_summary
from review_plans import example, national_plan


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def spending_plan() -> migsdg.ActionPlan:
    """The review plan in USD, its first intervention with three spending records: one in
    the plan's currency from a known source, one in EUR, one naming no source."""
    plan = national_plan()
    plan = attrs.evolve(plan, exchange_rates=(ExchangeRate(currency="EUR", rate=Decimal("1.1")),))
    iv = plan.interventions[0]
    source = iv.funding[0].source
    spent = (
        Expenditure(date=dt.date(2025, 3, 31), amount=Decimal(1000), source=source),
        Expenditure(date=dt.date(2025, 6, 30), amount=Decimal(500), currency="EUR", source=source),
        Expenditure(date=dt.date(2025, 9, 30), amount=Decimal("250.50"), description="Fees"),
    )
    return attrs.evolve(
        plan, interventions=(attrs.evolve(iv, expenditures=spent), *plan.interventions[1:])
    )


# -- reading and checking -------------------------------------------------------------------


def test_expenditures_are_read_with_located_problems_all_at_once() -> None:
    data = {
        "id": "p",
        "interventions": [
            {
                "id": "iv",
                "expenditures": [
                    {"date": "2024-03-31", "amount": "1e20"},
                    {"amount": 5, "currency": "usd"},
                    {"date": "2024-13-01", "amount": 1, "payee": "x"},
                ],
            }
        ],
    }
    with pytest.raises(PlanLoadError) as err:
        plan_from_dict(data)
    found = {(p.location, p.message.split(" ")[0]) for p in err.value.problems}
    where = "interventions[0].expenditures"
    locations = {loc for loc, _ in found}
    assert f"{where}[0].amount" in locations  # beyond the bound on numbers
    assert f"{where}[1].date" in locations  # a spending record has a date
    assert f"{where}[1].currency" in locations  # not an ISO 4217 code
    assert f"{where}[2].date" in locations
    assert f"{where}[2].payee" in locations  # unknown key


def test_expenditures_round_trip_through_yaml_and_json() -> None:
    plan = spending_plan()
    for fmt in ("yaml", "json"):
        assert migsdg.loads_plan(migsdg.dumps_plan(plan, format=fmt), format=fmt) == plan


def test_checks_cover_spending_records() -> None:
    plan = spending_plan()
    iv = plan.interventions[0]
    bad = attrs.evolve(
        iv,
        expenditures=(
            Expenditure(date=dt.date(2025, 1, 1), amount=Decimal(-5), source="nowhere"),
            Expenditure(date=dt.date(2025, 1, 2), amount=Decimal(5), currency="GBP"),
        ),
    )
    plan = attrs.evolve(plan, interventions=(bad, *plan.interventions[1:]))
    hits = {(f.code, f.location) for f in migsdg.check(plan).findings}
    where = "interventions[0].expenditures"
    assert ("AP406", f"{where}[0].amount") in hits
    assert ("AP404", f"{where}[0].source") in hits
    assert ("AP403", f"{where}[1].currency") in hits
    clean = {(f.code, f.location) for f in migsdg.check(spending_plan()).findings}
    assert not {h for h in clean if ".expenditures" in h[1]}


# -- the funding view and the command --------------------------------------------------------


def test_spent_is_converted_and_attributed_to_its_source() -> None:
    plan = spending_plan()
    summary = funding_summary(plan)
    source = plan.interventions[0].funding[0].source
    expected = Decimal(1000) + Decimal(500) * Decimal("1.1") + Decimal("250.50")
    assert summary.interventions[0].spent == expected
    assert summary.spent == expected
    assert all(row.spent == 0 for row in summary.interventions[1:])
    by_source = {s.source: s.spent for s in summary.sources}
    assert by_source[source] == Decimal(1550)  # the record naming no source is not here
    category = next(s.category for s in plan.funding_sources if s.id == source)
    assert {c.category: c.spent for c in summary.categories}[category] == Decimal(1550)
    # Spending changes neither what is required nor the gap.
    before = funding_summary(national_plan())
    assert summary.gap == before.gap and summary.required == before.required


def test_a_source_spent_from_without_an_arrangement_is_listed() -> None:
    plan = spending_plan()
    extra = migsdg.FundingSource(id="new-fund", name="New fund")
    iv = plan.interventions[1]
    iv = attrs.evolve(
        iv,
        expenditures=(Expenditure(date=dt.date(2025, 1, 1), amount=Decimal(7), source=extra.id),),
    )
    plan = attrs.evolve(
        plan,
        funding_sources=(*plan.funding_sources, extra),
        interventions=(plan.interventions[0], iv, *plan.interventions[2:]),
    )
    row = next(s for s in funding_summary(plan).sources if s.source == extra.id)
    assert (row.name, row.spent, row.total) == ("New fund", Decimal(7), Decimal(0))


def test_spent_without_an_exchange_rate_stops_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = attrs.evolve(spending_plan(), exchange_rates=())
    path = migsdg.save_plan(plan, tmp_path / "p.yaml")
    code, _, err = cli(capsys, "funding", str(path), "--format", "json")
    assert code == 2
    assert "interventions[0].expenditures[1]" in err


def test_funding_command_shows_spent_in_json_csv_and_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    plan = spending_plan()
    path = str(migsdg.save_plan(plan, tmp_path / "p.yaml"))
    code, out, _ = cli(capsys, "funding", path, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1
    assert data["totals"]["spent"] == "1800.50"
    assert [i["spent"] for i in data["interventions"]][:2] == ["1800.50", "0"]
    code, out, _ = cli(capsys, "funding", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["spent"] == "1800.50" and rows[0]["currency"] == "USD"
    code, out, _ = cli(capsys, "funding", path, "--format", "csv", "--table", "sources")
    spent = {r["source"]: r["spent"] for r in csv.DictReader(io.StringIO(out))}
    assert spent[plan.interventions[0].funding[0].source] == "1550.0"
    code, out, _ = cli(capsys, "funding", path)
    assert "Money spent so far" in out
    assert "1,800.5" in out
    code, out, _ = cli(capsys, "funding", path, "--language", "es")
    assert "Gasto ejecutado a la fecha" in out


def test_the_view_has_no_spending_section_until_spending_is_recorded() -> None:
    from migsdg.present import funding_view

    assert "spending" not in [t.key for t in funding_view(national_plan()).tables()]
    tables = {t.key: t for t in funding_view(spending_plan()).tables()}
    assert len(tables["spending"].rows) == 2  # one intervention and the total


@pytest.mark.parametrize("name", ["national", "provincial"])
def test_the_examples_record_spending_within_their_funding(name: str) -> None:
    plan = example(name)
    summary = funding_summary(plan)
    assert summary.spent > 0
    for row in summary.interventions:
        assert row.spent <= row.secured + row.pledged
    for iv in plan.interventions:
        for x in iv.expenditures:
            assert x.note, "each illustrative figure says so"
            assert plan.period.start is not None and x.date >= iv.timeframe.start


# -- diff ---------------------------------------------------------------------------------------


def test_diff_lists_spending_added_corrected_and_removed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = spending_plan()
    iv = old.interventions[0]
    first, second, _third = iv.expenditures
    new_iv = attrs.evolve(
        iv,
        expenditures=(
            attrs.evolve(first, amount=Decimal(1200)),
            second,
            Expenditure(date=dt.date(2025, 12, 31), amount=Decimal(90)),
        ),
        funding=(*iv.funding, FundingArrangement(source=first.source or "", amount=Decimal(1))),
    )
    new = attrs.evolve(old, interventions=(new_iv, *old.interventions[1:]))
    d = diff_plans(old, new)
    got = {(c.path, c.kind) for c in d.expenditure_changes()}
    ivid = iv.id
    assert got == {
        (f"interventions[{ivid}].expenditures[2025-03-31/{first.source}].amount", "changed"),
        (f"interventions[{ivid}].expenditures[2025-09-30]", "removed"),
        (f"interventions[{ivid}].expenditures[2025-12-31]", "added"),
    }
    assert {c["kind"] for c in d.to_dict()["expenditures"]} == {"changed", "removed", "added"}
    assert d.funding_totals is not None
    assert d.funding_totals.delta("spent") == Decimal(200) - Decimal("250.50") + Decimal(90)
    a = migsdg.save_plan(old, tmp_path / "a.yaml")
    b = migsdg.save_plan(new, tmp_path / "b.yaml")
    code, out, _ = cli(capsys, "diff", str(a), str(b))
    assert code == 0
    spending = out.split("\nSpending\n")[1]
    assert f"expenditures[2025-03-31/{first.source}].amount: 1000 → 1200" in spending


# -- IATI ---------------------------------------------------------------------------------------


def _expenditures(plan: migsdg.ActionPlan) -> dict[str, list[ET.Element]]:
    """The Expenditure transactions of each activity, by intervention id."""
    from migsdg.iati import iati_xml

    root = ET.fromstring(iati_xml(plan, org_ref=None if plan.iati_org_ref else "XM-EXAMPLE-1"))
    out: dict[str, list[ET.Element]] = {}
    for act, iv in zip(root.findall("iati-activity"), plan.interventions, strict=True):
        out[iv.id] = [
            t
            for t in act.findall("transaction")
            if t.find("transaction-type").get("code") == "4"  # type: ignore[union-attr]
        ]
    return out


def test_each_spending_record_is_an_expenditure_transaction() -> None:
    plan = example("national")
    found = _expenditures(plan)
    actors = {a.id: a for a in plan.actors}
    sources = {s.id: s for s in plan.funding_sources}
    rate = {r.currency: r.rate for r in plan.exchange_rates}
    for iv in plan.interventions:
        assert len(found[iv.id]) == len(iv.expenditures)
        lead = next(
            r.actor
            for r in iv.roles
            if r.stage is migsdg.Stage.IMPLEMENTATION and r.role is migsdg.RoleKind.LEAD
        )
        for spent, tr in zip(iv.expenditures, found[iv.id], strict=True):
            day = spent.date.isoformat()
            assert tr.find("transaction-date").get("iso-date") == day  # type: ignore[union-attr]
            value = tr.find("value")
            assert value is not None and value.get("value-date") == day
            amount = spent.amount * (rate[spent.currency] if spent.currency else 1)
            assert Decimal(value.text or "") == amount
            assert tr.findtext("description/narrative") == spent.description
            assert tr.findtext("receiver-org/narrative") == actors[lead].name
            assert spent.source is not None
            provider = actors[sources[spent.source].provider or ""]
            assert tr.findtext("provider-org/narrative") == provider.name
            assert tr.find("provider-org").get("ref") == provider.org_id  # type: ignore[union-attr]


def test_spending_without_a_source_has_no_provider_and_elements_keep_the_schema_order() -> None:
    plan = example("provincial")
    found = _expenditures(plan)
    unsourced = [
        (iv.id, k)
        for iv in plan.interventions
        for k, x in enumerate(iv.expenditures)
        if not x.source
    ]
    assert unsourced, "the provincial example records spending with no source"
    for ivid, k in unsourced:
        tr = found[ivid][k]
        assert tr.find("provider-org") is None
        assert tr.find("receiver-org/narrative") is not None
        assert [c.tag for c in tr][:3] == ["transaction-type", "transaction-date", "value"]


def test_a_plan_without_revisions_still_exports_its_spending() -> None:
    # Commitments need the plan's latest revision for a date; spending carries its own.
    plan = attrs.evolve(spending_plan(), revisions=())
    found = _expenditures(plan)
    first = plan.interventions[0]
    assert [t.findtext("value") for t in found[first.id]] == ["1000", "550", "250.5"]
    assert found[first.id][1].find("value").get("currency") is None  # type: ignore[union-attr]


# -- progress -------------------------------------------------------------------------------------


def test_progress_shows_what_was_spent_by_its_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = spending_plan()
    required = funding_summary(plan).interventions[0].required
    report = migsdg.plan_progress(plan, as_of=dt.date(2025, 7, 1))
    row = report.interventions[0]
    assert (row.required, row.spent) == (required, Decimal(1550))  # September not yet known
    assert all(iv.spent is None for iv in report.interventions[1:])  # no spending recorded
    data = report.to_dict()
    assert data["interventions"][0]["spending"] == {
        "currency": "USD",
        "required": format(required.normalize(), "f"),
        "spent": "1550",
    }
    assert data["interventions"][1]["spending"] is None
    path = migsdg.save_plan(plan, tmp_path / "p.yaml")
    code, out, _ = cli(capsys, "progress", str(path), "--as-of", "2025-12-31")
    assert code == 0
    assert "Spent by 31 December 2025: US$1,800.50 of the US$100,000" in out
    no_rate = attrs.evolve(plan, exchange_rates=())
    assert migsdg.plan_progress(no_rate, as_of=dt.date(2025, 12, 31)).interventions[0].spent is None
