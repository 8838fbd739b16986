"""Intervention templates: the factory, validation, and the bundled sector templates."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from decimal import Decimal

import attrs
import pytest

import migsdg
from migsdg.errors import UnknownCodeError
from migsdg.iati.codelists import codelist
from migsdg.model import (
    ActorKind,
    CostLine,
    Disaggregation,
    FundingCategory,
    IndicatorKind,
    IndicatorRef,
    InterventionForm,
    InterventionType,
    RoleKind,
    Stage,
    SupportingActivityKind,
)
from migsdg.plugins import get_host
from migsdg.templates import (
    ActorSlot,
    InterventionTemplate,
    SuggestedActivity,
    SuggestedIndicator,
    template_problems,
    template_to_dict,
)
from migsdg.testing import assert_plugin_contract

SECTORS = {
    "labour": "LAB",
    "health": "HLT",
    "education": "EDU",
    "finance": "FIN",
    "protection": "PRT",
    "displacement": "DSP",
}


def _template(**changes: object) -> InterventionTemplate:
    base = InterventionTemplate(
        id="demo.scheme",
        sector="demo",
        title="Demo scheme",
        description="What it does.",
        type=InterventionType.MIGRATION_PROGRAMMING,
        form=InterventionForm.PROGRAMME,
        targets=("10.7",),
        rationale="Why it matters.",
        actors=(
            ActorSlot(stage=Stage.DESIGN, slot="ministry", description="M", role=RoleKind.LEAD),
            ActorSlot(stage=Stage.DESIGN, slot="ngo", description="N", role=RoleKind.CONSULTED),
            ActorSlot(
                stage=Stage.IMPLEMENTATION, slot="ministry", description="M", role=RoleKind.LEAD
            ),
            ActorSlot(stage=Stage.MONITORING, slot="stats", description="S", role=RoleKind.LEAD),
            ActorSlot(stage=Stage.EVALUATION, slot="ministry", description="M", role=RoleKind.LEAD),
        ),
        outputs=("An output",),
        outcomes=("An outcome",),
        supporting_activities=(
            SuggestedActivity(kind=SupportingActivityKind.TRAINING, description="Train"),
            SuggestedActivity(kind=SupportingActivityKind.ADVOCACY, description="Advocate"),
        ),
        indicators=(
            SuggestedIndicator(
                indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.1"),
                disaggregation=(Disaggregation.SEX,),
                data_source="Survey",
            ),
            SuggestedIndicator(
                indicator=IndicatorRef(
                    kind=IndicatorKind.NATIONAL, name="Served", definition="People served"
                ),
                responsible="ngo",
            ),
        ),
        funding_categories=(FundingCategory.DOMESTIC_BUDGET,),
        gcm_objectives=(6,),
        migration_domains=(1,),
        dac_sectors=("15190",),
    )
    return attrs.evolve(base, **changes)


# -- the factory ------------------------------------------------------------------------------


def test_instantiate_gives_an_ordinary_intervention_carrying_the_template() -> None:
    t = _template()
    iv = t.instantiate(
        id="demo1",
        actors={"ministry": "mol"},
        start=dt.date(2026, 1, 1),
        end=dt.date(2027, 12, 31),
        resources=(CostLine(description="Staff", amount=Decimal("1000")),),
        activity_costs=(Decimal("50"),),
        objectives=("obj-1",),
    )
    assert iv.id == "demo1"
    assert iv.template == "demo.scheme"
    assert (iv.title, iv.description, iv.rationale) == (t.title, t.description, t.rationale)
    assert (iv.type, iv.form, iv.sector) == (t.type, t.form, "demo")
    assert iv.targets == ("10.7",) and iv.objectives == ("obj-1",)
    assert [(r.stage, r.actor, r.role) for r in iv.roles] == [
        (Stage.DESIGN, "mol", RoleKind.LEAD),
        (Stage.DESIGN, "ngo", RoleKind.CONSULTED),
        (Stage.IMPLEMENTATION, "mol", RoleKind.LEAD),
        (Stage.MONITORING, "stats", RoleKind.LEAD),
        (Stage.EVALUATION, "mol", RoleKind.LEAD),
    ]
    assert (iv.timeframe.start, iv.timeframe.end) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert [a.cost for a in iv.supporting_activities] == [Decimal("50"), None]
    assert iv.resources[0].amount == Decimal("1000")
    # The monitoring lead is responsible unless the indicator names its own slot.
    assert [(m.indicator.code, m.responsible) for m in iv.monitoring] == [
        ("10.7.1", "stats"),
        (None, "ngo"),
    ]
    assert iv.monitoring[0].disaggregation == (Disaggregation.SEX,)
    assert [o.description for o in iv.outputs] == ["An output"]
    assert (iv.gcm_objectives, iv.migration_domains) == ((6,), (1,))


def test_instantiate_defaults_to_the_last_part_of_the_template_id() -> None:
    iv = _template().instantiate()
    assert iv.id == "scheme"
    assert iv.timeframe.start is None and iv.resources == () and iv.funding == ()
    assert {r.actor for r in iv.roles} == {"ministry", "ngo", "stats"}


def test_instantiate_refuses_unknown_slots_and_surplus_costs() -> None:
    with pytest.raises(UnknownCodeError) as info:
        _template().instantiate(actors={"minstry": "mol"})
    assert "did you mean ministry" in str(info.value)
    with pytest.raises(ValueError, match="3 activity costs for 2 supporting activities"):
        _template().instantiate(activity_costs=(Decimal(1), Decimal(2), Decimal(3)))


def test_slots_are_listed_once_in_first_seen_order() -> None:
    assert _template().slots == ("ministry", "ngo", "stats")


# -- validation --------------------------------------------------------------------------------


def test_a_sound_template_has_no_problems() -> None:
    assert template_problems(_template()) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"id": "other.scheme"}, "id must read '<sector>.<name>'"),
        ({"rationale": "  "}, "rationale is empty"),
        ({"targets": ()}, "it serves no SDG target"),
        ({"targets": ("10.7", "99.1")}, "unknown SDG target '99.1'"),
        (
            {
                "indicators": (
                    SuggestedIndicator(indicator=IndicatorRef(kind=IndicatorKind.PROXY, name="x")),
                )
            },
            "proxy indicator 'x' needs a name and a definition",
        ),
        ({"migration_domains": (7,)}, "unknown 10.7.2 domain 7"),
        ({"dac_sectors": ("ABCDE",)}, "DAC sector code 'ABCDE' is not five digits"),
        (
            {
                "actors": (
                    ActorSlot(
                        stage=Stage.DESIGN, slot="Ministry X", description="M", role=RoleKind.LEAD
                    ),
                )
            },
            "actor slot 'Ministry X' must be lower case with hyphens",
        ),
        (
            {
                "indicators": (
                    SuggestedIndicator(indicator=IndicatorRef(code="10.7.1"), responsible="nobody"),
                )
            },
            "indicator responsible 'nobody' is not one of the template's actor slots",
        ),
    ],
)
def test_template_problems_name_each_fault(changes: dict[str, object], problem: str) -> None:
    problems = template_problems(_template(**changes))
    assert any(p.startswith(problem) for p in problems), problems


def test_every_stage_needs_a_leading_slot() -> None:
    actors = tuple(a for a in _template().actors if a.stage is not Stage.MONITORING)
    assert template_problems(_template(actors=actors)) == [
        "no actor slot leads the monitoring stage"
    ]


def test_template_to_dict_is_plain_json_data() -> None:
    data = template_to_dict(_template())
    assert json.loads(json.dumps(data)) == data
    assert data["type"] == "migration_programming"
    assert data["actors"][0] == {
        "stage": "design",
        "slot": "ministry",
        "description": "M",
        "role": "lead",
        "tasks": "",
    }
    assert data["indicators"][1]["responsible"] == "ngo"


# -- the bundled templates ----------------------------------------------------------------


def _bundled() -> list[InterventionTemplate]:
    return [t for t in get_host().templates().values() if t.plugin in SECTORS]


def test_each_bundled_plugin_has_at_least_four_templates_and_its_own_checks() -> None:
    host = get_host()
    assert host.failures == []
    for sector, prefix in SECTORS.items():
        templates = [t for t in host.templates().values() if t.plugin == sector]
        assert len(templates) >= 4, sector
        assert all(t.sector == sector and t.id.startswith(f"{sector}.") for t in templates)
        rules = [r for r in host.checks() if r.plugin == sector]
        assert rules and all(re.fullmatch(rf"{prefix}1\d\d", r.code) for r in rules), sector
        subtypes = [s for s in host.intervention_types().values() if s.plugin == sector]
        assert {t.subtype for t in templates} <= {s.id for s in subtypes}


def test_bundled_templates_are_complete_and_sound() -> None:
    subtypes = get_host().intervention_types()
    for t in _bundled():
        assert template_problems(t, subtypes=subtypes) == [], t.id
        assert len(t.rationale) >= 400, t.id
        assert len(t.description) >= 150, t.id
        assert t.beneficiaries and t.outputs and t.outcomes, t.id
        assert len(t.supporting_activities) >= 2, t.id
        assert t.indicators and t.funding_categories and t.sources, t.id
        assert t.gcm_objectives and t.migration_domains and t.dac_sectors, t.id
        assert t.coordination, t.id
        for text in (t.title, t.description, t.rationale, t.coordination):
            assert not re.search(r"\b(TODO|TBD|lorem|placeholder|xxx)\b", text, re.I), t.id


@pytest.mark.parametrize(("sector", "prefix"), list(SECTORS.items()))
def test_each_bundled_plugin_keeps_the_plugin_contract(sector: str, prefix: str) -> None:
    """The contract third-party plugins are held to (migsdg.testing): templates that load
    and leave only what a template cannot know, checks with the plugin's own prefix that
    run on every sample plan, typed funds."""
    module = importlib.import_module(f"migsdg_plugins.{sector}")
    report = assert_plugin_contract(module, name=sector, prefix=prefix)
    assert report.registered["templates"] >= 4 and report.registered["checks"] >= 1


def test_bundled_dac_sector_codes_are_active_iati_sector_codes() -> None:
    sectors = codelist("Sector")
    for t in _bundled():
        for code in t.dac_sectors:
            assert code in sectors, (t.id, code)


def test_the_issue_s_suggested_interventions_are_all_there() -> None:
    by_id = get_host().templates()
    expected = {
        "labour.fair-recruitment": ("8.8", "10.7"),
        "labour.recruitment-cost-survey": ("10.7",),
        "labour.labour-market-migration": ("10.7",),
        "labour.inspection-osh": ("8.8",),
        "labour.bilateral-agreement": ("10.7",),
        "health.who-code": ("3.c",),
        "health.migrant-inclusive-services": ("3.8",),
        "health.migrant-sensitive-his": ("3.8", "17.18"),
        "education.scholarships": ("4.b",),
        "education.inclusive-schooling": ("4.1", "4.5"),
        "education.global-convention": ("4.4",),
        "education.qualifications-passport": ("4.4",),
        "finance.remittance-costs": ("10.c",),
        "finance.diaspora-engagement": ("10.7",),
        "finance.financial-inclusion": ("10.c",),
        "finance.diaspora-matching-fund": ("17.3",),
    }
    for tid, targets in expected.items():
        assert set(targets) <= set(by_id[tid].targets), tid
    assert any(s.indicator.code == "10.7.1" for s in by_id["labour.fair-recruitment"].indicators)
    assert any(s.indicator.code == "8.8.1" for s in by_id["labour.inspection-osh"].indicators)
    assert any(s.indicator.code == "10.c.1" for s in by_id["finance.remittance-costs"].indicators)


def test_instances_of_bundled_templates_satisfy_their_own_sector_checks() -> None:
    """A template's own sector rules find nothing in its instance, apart from what the plan
    must supply (an actor of the right kind, an interim target for 4.b)."""
    plan_actors = (
        migsdg.Actor(
            id="migrant-associations", name="Diaspora council", kind=ActorKind.MIGRANT_ASSOCIATION
        ),
    )
    for t in _bundled():
        iv = t.instantiate()
        plan = migsdg.ActionPlan(id="p", interventions=(iv,), actors=plan_actors)
        report = migsdg.check(plan, select=list(SECTORS.values()))
        leftover = [(f.code, f.message) for f in report.findings if f.code != "EDU102"]
        assert leftover == [], t.id


def test_dac_sectors_are_reachable_from_an_intervention_through_its_template() -> None:
    host = get_host()
    iv = host.template("finance.remittance-costs").instantiate(id="remit")
    template = host.template_of(iv)
    assert template is not None and template.dac_sectors == ("24050",)


# -- sector checks ----------------------------------------------------------------------------


def _plan(*interventions: migsdg.Intervention, **fields: object) -> migsdg.ActionPlan:
    return migsdg.ActionPlan(id="p", interventions=interventions, **fields)  # type: ignore[arg-type]


def _entry(code: str, *dims: Disaggregation) -> migsdg.MonitoringEntry:
    return migsdg.MonitoringEntry(indicator=IndicatorRef(code=code), disaggregation=dims)


def _codes(plan: migsdg.ActionPlan, prefix: str) -> list[tuple[str, str | None, str]]:
    return [
        (f.code, f.intervention, f.location) for f in migsdg.check(plan, select=[prefix]).findings
    ]


SEX, STATUS = Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS


def test_lab101_wants_8_8_indicators_by_sex_and_migratory_status() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", monitoring=(_entry("8.8.1", SEX),)),
        migsdg.Intervention(id="b", monitoring=(_entry("8.8.2", SEX, STATUS), _entry("8.8.1"))),
        migsdg.Intervention(id="c", monitoring=(_entry("8.5.2"),)),
    )
    report = migsdg.check(plan, select=["LAB101"])
    assert [(f.intervention, f.location) for f in report.findings] == [
        ("a", "interventions[0].monitoring[0].disaggregation"),
        ("b", "interventions[1].monitoring[1].disaggregation"),
    ]
    assert "without disaggregation by migratory status" in report.findings[0].message
    assert "by sex and migratory status" in report.findings[1].message


def test_lab102_wants_recruitment_costs_for_recruitment_interventions_on_10_7() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", subtype="labour.ethical-recruitment", targets=("10.7",)),
        migsdg.Intervention(
            id="b",
            subtype="labour.bilateral-agreement",
            targets=("10.7",),
            monitoring=(_entry("10.7.1"),),
        ),
        migsdg.Intervention(id="c", subtype="labour.ethical-recruitment", targets=("8.8",)),
        migsdg.Intervention(id="d", subtype="labour.labour-inspection", targets=("10.7",)),
    )
    assert _codes(plan, "LAB102") == [("LAB102", "a", "interventions[0].monitoring")]


def test_hlt101_wants_health_worker_density_for_3_c() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", targets=("3.c",), monitoring=(_entry("3.8.1"),)),
        migsdg.Intervention(id="b", targets=("3.c", "10.7"), monitoring=(_entry("3.c.1"),)),
    )
    assert _codes(plan, "HLT101") == [("HLT101", "a", "interventions[0].monitoring")]


def test_hlt102_wants_coverage_indicators_by_migratory_status() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", targets=("3.8",), monitoring=(_entry("3.8.1", SEX),)),
        migsdg.Intervention(id="b", targets=("3.8",), monitoring=(_entry("3.8.2", STATUS),)),
        migsdg.Intervention(id="c", targets=("3.8",)),  # AP108's business
    )
    assert _codes(plan, "HLT102") == [("HLT102", "a", "interventions[0].monitoring")]


def test_edu101_wants_education_indicators_by_migratory_status() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", targets=("4.5",), monitoring=(_entry("4.1.2", SEX),)),
        migsdg.Intervention(id="b", targets=("4.1",), monitoring=(_entry("4.1.2", STATUS),)),
        migsdg.Intervention(id="c", targets=("4.4",), monitoring=(_entry("4.4.1"),)),
    )
    findings = migsdg.check(plan, select=["EDU101"]).findings
    assert [f.intervention for f in findings] == ["a"]
    assert "serves target 4.5 but none" in findings[0].message


def test_edu102_asks_for_an_interim_target_for_4_b_while_none_is_set() -> None:
    iv = migsdg.Intervention(id="s", targets=("4.b",))
    report = migsdg.check(_plan(iv), select=["EDU102"])
    assert [(f.code, f.severity.value, f.location) for f in report.findings] == [
        ("EDU102", "info", "interventions[0].targets")
    ]
    dated = migsdg.InterimTarget(id="it", target="4.b", due=dt.date(2028, 1, 1))
    assert _codes(_plan(iv, interim_targets=(dated,)), "EDU102") == []


def test_fin101_wants_remittance_costs_for_10_c() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", targets=("10.c",), monitoring=(_entry("17.3.2"),)),
        migsdg.Intervention(id="b", targets=("10.c",), monitoring=(_entry("10.c.1"),)),
    )
    assert _codes(plan, "FIN101") == [("FIN101", "a", "interventions[0].monitoring")]


def test_fin102_wants_a_diaspora_association_in_diaspora_interventions() -> None:
    role = migsdg.Role(stage=Stage.DESIGN, actor="club", role=RoleKind.CONSULTED)
    other = migsdg.Role(stage=Stage.DESIGN, actor="mof", role=RoleKind.LEAD)
    actors = (
        migsdg.Actor(id="club", kind=ActorKind.MIGRANT_ASSOCIATION),
        migsdg.Actor(id="mof", kind=ActorKind.GOVERNMENT),
    )
    plan = _plan(
        migsdg.Intervention(id="a", subtype="finance.diaspora-investment", roles=(other,)),
        migsdg.Intervention(id="b", subtype="finance.diaspora-policy", roles=(other, role)),
        migsdg.Intervention(id="c", subtype="finance.remittance-policy", roles=(other,)),
        actors=actors,
    )
    assert _codes(plan, "FIN102") == [("FIN102", "a", "interventions[0].roles")]
