"""The agriculture plugin: the migsdg plugin contract, the templates' content, the AGR
checks, and discovery once the package is installed."""

from __future__ import annotations

import re
from importlib import metadata

import migsdg
import pytest
from migsdg.model import (
    Disaggregation,
    FundingCategory,
    IndicatorRef,
    Intervention,
    MonitoringEntry,
)
from migsdg.plugins import PluginHost
from migsdg.templates import InterventionTemplate
from migsdg.testing import (
    assert_plugin_contract,
    expected_template_errors,
    intervention_errors,
    round_trip,
)

import migsdg_agriculture
from migsdg_agriculture.templates import SLOTS, SUBTYPES, TEMPLATES

SEX, STATUS = Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS

# -- the contract -----------------------------------------------------------------------------


def test_the_plugin_keeps_the_migsdg_plugin_contract() -> None:
    report = assert_plugin_contract(migsdg_agriculture, name="agriculture", prefix="AGR")
    assert dict(report.registered) == {
        "intervention_types": len(SUBTYPES),
        "templates": len(TEMPLATES),
        "checks": 2,
        "funding_sources": 2,
        "exporters": 0,
        "sections": 1,
    }


def test_it_keeps_the_contract_alongside_every_installed_plugin() -> None:
    """No template id, sub-type, check prefix or fund clashes with migsdg's bundled sector
    plugins or anything else installed."""
    assert_plugin_contract(migsdg_agriculture, name="agriculture", installed=True)


# -- the templates ----------------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_each_template_is_complete_and_written_for_planners(
    template: InterventionTemplate,
) -> None:
    t = template
    assert t.id.startswith("agriculture.") and t.sector == "agriculture"
    assert len(t.description) >= 250 and len(t.rationale) >= 800
    assert len(t.beneficiaries) >= 2 and len(t.outputs) >= 3 and len(t.outcomes) >= 2
    assert len(t.supporting_activities) >= 3 and len(t.indicators) >= 3
    assert t.coordination and t.funding_categories and len(t.sources) >= 3
    assert t.gcm_objectives and t.migration_domains and t.dac_sectors
    assert set(t.slots) <= set(SLOTS)
    assert all(a.description == SLOTS[a.slot] and a.tasks for a in t.actors)
    for text in (t.title, t.description, t.rationale, t.coordination):
        assert not re.search(r"\b(TODO|TBD|lorem|placeholder|xxx)\b", text, re.I)
    # Any figure for the plan to set is marked as illustrative.
    assert "ceiling" not in t.description or "illustrative" in t.description


def test_the_templates_cover_the_sector_s_migration_links() -> None:
    by_id = {t.id: t for t in TEMPLATES}
    assert {"2.3", "2.a"} <= set(by_id["agriculture.rural-development-migration"].targets)
    assert {"8.8", "10.7"} <= set(by_id["agriculture.seasonal-worker-scheme"].targets)
    assert {"2.3", "10.c"} <= set(by_id["agriculture.remittance-investment"].targets)
    assert {"13.1", "2.4"} <= set(by_id["agriculture.climate-mobility"].targets)
    assert {"2.1", "2.3"} <= set(by_id["agriculture.food-programme-inclusion"].targets)
    assert "Ecuador" in by_id["agriculture.food-programme-inclusion"].rationale


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_adding_a_template_leaves_only_what_the_plan_must_supply(
    template: InterventionTemplate,
    migsdg_host: PluginHost,
    migsdg_sample_plan: migsdg.ActionPlan,
) -> None:
    plan = round_trip(template.add_to(migsdg_sample_plan))
    iv = plan.interventions[-1]
    assert iv.template == template.id and iv.sector == "agriculture"
    assert intervention_errors(plan, iv.id) == expected_template_errors(plan, iv)
    # The plugin's own checks find nothing to say about its own templates.
    assert migsdg.check(plan, select=["AGR"]).findings == ()


def test_the_funds_are_typed_climate_funds_offered_under_sdg_related_funds(
    migsdg_host: PluginHost,
) -> None:
    funds = migsdg_host.funding_sources()
    assert {funds["green-climate-fund"].category, funds["adaptation-fund"].category} == {
        FundingCategory.SDG_FUND
    }
    climate = migsdg_host.template("agriculture.climate-mobility")
    assert FundingCategory.SDG_FUND in climate.funding_categories


# -- the checks -------------------------------------------------------------------------------


def _entry(code: str, *dims: Disaggregation) -> MonitoringEntry:
    return MonitoringEntry(indicator=IndicatorRef(code=code), disaggregation=dims)


def _findings(migsdg_host: PluginHost, *interventions: Intervention, code: str) -> list[str]:
    plan = migsdg.ActionPlan(id="p", interventions=interventions)
    return [f"{f.intervention} {f.location}" for f in migsdg.check(plan, select=[code]).findings]


def test_agr101_wants_recruitment_costs_and_injuries_for_seasonal_schemes(
    migsdg_host: PluginHost,
) -> None:
    scheme = "agriculture.seasonal-work-scheme"
    found = _findings(
        migsdg_host,
        Intervention(id="a", subtype=scheme, monitoring=(_entry("8.8.1"),)),
        Intervention(id="b", subtype=scheme, monitoring=(_entry("10.7.1"), _entry("8.8.1"))),
        Intervention(id="c", subtype=scheme),
        Intervention(id="d", subtype="agriculture.climate-mobility"),
        code="AGR101",
    )
    assert found == ["a interventions[0].monitoring", "c interventions[2].monitoring"]
    plan = migsdg.ActionPlan(id="p", interventions=(Intervention(id="c", subtype=scheme),))
    [finding] = migsdg.check(plan, select=["AGR101"]).findings
    assert finding.message == "seasonal worker scheme 'c' does not monitor 10.7.1 or 8.8.1"


def test_agr102_wants_food_and_producer_indicators_by_migratory_status(
    migsdg_host: PluginHost,
) -> None:
    found = _findings(
        migsdg_host,
        Intervention(id="a", targets=("2.1",), monitoring=(_entry("2.1.2", SEX),)),
        Intervention(id="b", targets=("2.3",), monitoring=(_entry("2.3.2", SEX, STATUS),)),
        Intervention(id="c", targets=("2.3",), monitoring=(_entry("2.1.2"), _entry("2.3.2"))),
        Intervention(id="d", targets=("2.1",), monitoring=(_entry("2.1.1"),)),
        code="AGR102",
    )
    # c monitors 2.1.2 without serving 2.1: that is the core's business (AP605), not ours.
    assert found == [
        "a interventions[0].monitoring[0].disaggregation",
        "c interventions[2].monitoring[1].disaggregation",
    ]


# -- installed --------------------------------------------------------------------------------


def _installed_version() -> str | None:
    try:
        return metadata.version("migsdg-agriculture")
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.skipif(
    _installed_version() is None,
    reason="migsdg-agriculture is not installed (pip install -e '.[test]' installs it)",
)
def test_once_installed_migsdg_finds_it_through_its_entry_point() -> None:
    host = PluginHost()
    info = {i.name: i for i in host.plugins()}["agriculture"]
    assert (info.status, info.distribution) == ("ok", "migsdg-agriculture")
    assert info.version == _installed_version() == migsdg_agriculture.__version__
    assert {t.id for t in host.templates().values() if t.plugin == "agriculture"} == {
        t.id for t in TEMPLATES
    }
    assert host.checks().get("AGR101").plugin == "agriculture"
