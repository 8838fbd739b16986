"""IATI 2.03 export: every exported plan validates against the official XSD, uses only codes
from IATI's codelists, and maps each plan field as ``docs/interoperability.md`` says."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

import migsdg
from interop_plans import national_plan, provincial_plan
from migsdg import (
    ActorKind,
    CostLine,
    ExportError,
    FundingArrangement,
    FundingCategory,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    IndicatorRef,
    InterventionType,
    Measure,
    MonitoringEntry,
    PlanStatus,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)
from migsdg.examples import load_example, names
from migsdg.iati import (
    ACTIVITY_STATUS,
    MIGRATION_SECTOR,
    ORGANISATION_TYPE,
    IatiExportError,
    build_activities,
    iati_xml,
)
from migsdg.iati._codes import CONSTANT_CODES
from migsdg.iati.codelists import alpha2, codelist
from migsdg.views import funding_summary

etree = pytest.importorskip("lxml.etree")

SCHEMA_DIR = Path(__file__).parent / "data" / "iati-schema"
CODELIST_DIR = Path(migsdg.__file__).parent / "iati" / "codelists"
DOCS = Path(__file__).parent.parent / "docs" / "interoperability.md"
#: Codelists the shared reference data lacks, converted from IATI's repositories.
CONVERTED_CODELISTS = {"CollaborationType", "ContactType", "DocumentCategory", "TiedStatus"}

load_example = functools.cache(load_example)  # plans are frozen values: load each once

PLANS = {
    **{f"example:{n}": (lambda n=n: load_example(n)) for n in names()},
    "interop:national": national_plan,
    "interop:provincial": provincial_plan,
}


@pytest.fixture(scope="module")
def schema() -> Any:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def exported(plan: migsdg.ActionPlan) -> bytes:
    """The plan's IATI XML; a plan without its own organisation reference gets an
    illustrative one through the ``org_ref`` option."""
    return iati_xml(plan, org_ref=None if plan.iati_org_ref else "XM-EXAMPLE-1")


def parse(data: bytes) -> Any:
    return etree.fromstring(data)


def activity(doc: Any, n: int = 0) -> Any:
    return doc.findall("iati-activity")[n]


def problems_of(exc: pytest.ExceptionInfo[IatiExportError]) -> dict[str, str]:
    return {p.location: p.message for p in exc.value.problems}


# -- the official schema and codelists --------------------------------------------------


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_plan_exports_to_xml_valid_against_the_iati_203_schema(
    name: str, schema: Any
) -> None:
    plan = PLANS[name]()
    doc = parse(exported(plan))
    assert schema.validate(doc), schema.error_log
    assert doc.get("version") == "2.03"
    assert len(doc.findall("iati-activity")) == len(plan.interventions)


def _codelist_xpaths() -> list[tuple[str, str]]:
    mapping = json.loads((CODELIST_DIR / "_mapping.json").read_text("utf-8"))
    out = []
    for m in mapping["mappings"]:
        element, _, attribute = m["path"].rpartition("/@")
        if m.get("condition"):
            element += f"[{m['condition']}]"
        out.append((f"{element}/@{attribute}", m["codelist"]))
    return out


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_coded_attribute_holds_an_active_code_of_its_iati_codelist(name: str) -> None:
    doc = parse(exported(PLANS[name]()))
    tree = etree.ElementTree(doc)
    checked = 0
    for xpath, list_name in _codelist_xpaths():
        for value in tree.xpath(xpath):
            assert value in codelist(list_name), (xpath, value, list_name)
            checked += 1
    assert checked > 20


def test_constant_codes_of_the_exporter_are_in_their_codelists() -> None:
    for list_name, codes in CONSTANT_CODES.items():
        for code in codes:
            assert code in codelist(list_name), (list_name, code)


def test_packaged_codelists_agree_with_the_iati_source_files() -> None:
    source = Path("/work/shared/data/iati/codelists")
    if not source.is_dir():
        pytest.skip("the IATI reference data is not on this machine")
    compared = 0
    for path in CODELIST_DIR.glob("[A-Z]*.json"):
        ours = json.loads(path.read_text("utf-8"))
        if not (source / path.name).is_file():
            # Converted from IATI's repositories directly (see PROVENANCE.md).
            assert path.stem in CONVERTED_CODELISTS, path.name
            assert ours["source"]["commit"] and ours["source"]["path"].endswith(".xml")
            continue
        compared += 1
        theirs = json.loads((source / path.name).read_text("utf-8"))
        assert ours["source"] == theirs["source"]
        assert [i["code"] for i in ours["items"]] == [i["code"] for i in theirs["items"]]
        assert [i.get("status") for i in ours["items"]] == [
            i.get("status") for i in theirs["items"]
        ]
    assert compared >= 20


def test_country_codes_map_iso_alpha3_to_the_iati_alpha2_codes() -> None:
    assert alpha2("JAM") == "JM"
    assert alpha2("ecu") == "EC"
    assert alpha2("XKX") == "XK"
    assert alpha2("ZZZ") is None
    table = json.loads((CODELIST_DIR / "country-alpha3.json").read_text("utf-8"))
    pairs = table["alpha3_to_alpha2"]
    assert len(pairs) == 250  # the 249 ISO countries IATI lists, and Kosovo
    assert all(code in codelist("Country") for code in pairs.values())


# -- identification and the reporting organisation ---------------------------------------


def test_identifier_is_org_ref_plan_id_and_intervention_id() -> None:
    plan = national_plan()
    doc = parse(iati_xml(plan))
    ids = [a.findtext("iati-identifier") for a in doc.findall("iati-activity")]
    assert ids == [f"XM-EXAMPLE-MOL-JAM-MSAP-{iv.id}" for iv in plan.interventions]
    org = activity(doc).find("reporting-org")
    assert org.get("ref") == "XM-EXAMPLE-MOL"
    assert org.get("type") == "10"
    assert org.findtext("narrative") == "Ministry of Labour"


def test_org_ref_option_wins_over_the_plan_field() -> None:
    doc = parse(iati_xml(national_plan(), org_ref="XM-OTHER-7"))
    assert activity(doc).findtext("iati-identifier").startswith("XM-OTHER-7-JAM-MSAP-")
    assert activity(doc).find("reporting-org").get("ref") == "XM-OTHER-7"


def test_without_an_organisation_reference_the_export_is_refused() -> None:
    plan = attrs.evolve(national_plan(), iati_org_ref=None)
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan)
    assert "iati_org_ref" in problems_of(exc)
    assert "never guessed" in str(exc.value)
    assert isinstance(exc.value, ExportError)


@pytest.mark.parametrize("ref", ["GB GOV 1", "XM-EX/1", "XM-EX&1", "nohyphen", "XM-a?b"])
def test_malformed_organisation_references_are_refused(ref: str) -> None:
    with pytest.raises(IatiExportError) as exc:
        iati_xml(national_plan(), org_ref=ref)
    assert "org_ref" in problems_of(exc)
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(national_plan(), iati_org_ref=ref))
    assert "iati_org_ref" in problems_of(exc)


def test_ids_that_cannot_be_part_of_an_iati_identifier_are_refused() -> None:
    plan = national_plan()
    first = attrs.evolve(plan.interventions[0], id="fair recruitment")
    plan = attrs.evolve(plan, id="JAM/MSAP", interventions=(first, *plan.interventions[1:]))
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan)
    assert {"id", "interventions[0].id"} <= set(problems_of(exc))


def test_every_problem_is_reported_at_once_with_its_location() -> None:
    plan = national_plan()
    broken = attrs.evolve(
        plan.interventions[1], title="", timeframe=Timeframe(end=dt.date(2027, 1, 1))
    )
    plan = attrs.evolve(plan, iati_org_ref=None, interventions=(plan.interventions[0], broken))
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan)
    locations = set(problems_of(exc))
    assert {
        "iati_org_ref",
        "interventions[1].title",
        "interventions[1].timeframe.start",
        "interventions[1].timeframe",  # undated costs cannot be spread without a start
    } <= locations


def test_reporting_org_type_comes_from_the_option_else_the_authority_else_the_level() -> None:
    plan = national_plan()
    assert activity(parse(iati_xml(plan, org_type="15"))).find("reporting-org").get("type") == (
        "15"
    )
    provincial = provincial_plan()  # no authority actor: from the level (subnational)
    assert activity(parse(iati_xml(provincial))).find("reporting-org").get("type") == "11"
    unknown = attrs.evolve(provincial, level=None)
    with pytest.raises(IatiExportError) as exc:
        iati_xml(unknown)
    assert "level" in problems_of(exc)
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan, org_type="99")
    assert "org_type" in problems_of(exc)


def test_organisation_types_are_given_only_for_unambiguous_actor_kinds() -> None:
    assert set(ORGANISATION_TYPE) == set(ActorKind) - {
        ActorKind.CIVIL_SOCIETY,
        ActorKind.MIGRANT_ASSOCIATION,
        ActorKind.DEVELOPMENT_PARTNER,
    }


# -- activity fields ------------------------------------------------------------------------


def _revised_on(plan: migsdg.ActionPlan, day: dt.date) -> migsdg.ActionPlan:
    latest = migsdg.Revision(number=plan.revision + 1, date=day, status=plan.status)
    return attrs.evolve(plan, revisions=(*plan.revisions, latest))


@pytest.mark.parametrize(("status", "code"), [(s, ACTIVITY_STATUS[s]) for s in PlanStatus])
def test_activity_status_follows_the_plan_status_and_its_dates(
    status: PlanStatus, code: str
) -> None:
    assert code == ("2" if status in (PlanStatus.ADOPTED, PlanStatus.AMENDED) else "1")
    plan = attrs.evolve(national_plan(), status=status)
    start = plan.interventions[0].timeframe.start
    assert start is not None
    # As of a revision after the planned start, an adopted plan's intervention has started.
    act = activity(parse(iati_xml(_revised_on(plan, start + dt.timedelta(days=1)))))
    assert act.find("activity-status").get("code") == code
    actual = act.find("activity-date[@type='2']")
    if code == "2":
        assert actual.get("iso-date") == start.isoformat()
    else:
        assert actual is None
    # Before its planned start it is still in the pipeline, with no actual start.
    act = activity(parse(iati_xml(_revised_on(plan, start - dt.timedelta(days=1)))))
    assert act.find("activity-status").get("code") == "1"
    assert act.find("activity-date[@type='2']") is None


def test_without_a_date_the_plan_speaks_for_nothing_is_shown_as_started() -> None:
    plan = attrs.evolve(national_plan(), revisions=())
    doc = parse(iati_xml(plan))
    assert {a.find("activity-status").get("code") for a in doc.findall("iati-activity")} == {"1"}
    assert not doc.findall(".//activity-date[@type='2']")
    assert not doc.findall(".//transaction")
    dated = parse(iati_xml(plan, generated="2031-01-01T00:00:00Z"))
    assert dated.find("iati-activity/activity-status").get("code") == "2"


def test_title_and_descriptions_by_type() -> None:
    plan = national_plan()
    iv = plan.interventions[0]
    act = activity(parse(iati_xml(plan)))
    assert act.findtext("title/narrative") == iv.title
    texts = {d.get("type"): d.findtext("narrative") for d in act.findall("description")}
    assert texts["1"] == iv.description
    assert texts["2"] == iv.rationale
    assert (
        texts["3"] == "Outgoing migrant workers (12000)\nRecruitment agencies: licensed operators"
    )
    assert act.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert act.get("default-currency") == "USD"


def test_participating_organisations_and_their_roles() -> None:
    act = activity(parse(iati_xml(national_plan())))
    orgs = [
        (o.get("role"), o.findtext("narrative"), o.get("ref"), o.get("type"))
        for o in act.findall("participating-org")
    ]
    assert orgs == [
        # A domestic budget without a provider: the authority's own money, under its name.
        ("1", "National budget", "XM-EXAMPLE-MOL", "10"),
        ("1", "IOM", None, "40"),  # the source's provider actor
        ("2", "Ministry of Labour", "XM-EXAMPLE-MOL", "10"),  # the lead; the authority
        ("4", "Ministry of Labour", "XM-EXAMPLE-MOL", "10"),
        ("4", "IOM", None, "40"),  # consulted actors and other stages are left out
    ]


def test_participant_refs_option_gives_known_identifiers_and_is_checked() -> None:
    act = activity(parse(iati_xml(national_plan(), participant_refs={"iom": "XM-DAC-47066"})))
    refs = {(o.get("role"), o.findtext("narrative")): o.get("ref") for o in act}
    assert refs[("1", "IOM")] == "XM-DAC-47066"
    assert refs[("4", "IOM")] == "XM-DAC-47066"
    with pytest.raises(IatiExportError) as exc:
        iati_xml(national_plan(), participant_refs={"nobody": "XM-DAC-1", "iom": "bad ref"})
    assert {"participant_refs[nobody]", "participant_refs[iom]"} <= set(problems_of(exc))


def test_without_a_lead_the_authority_is_accountable() -> None:
    act = activity(parse(iati_xml(national_plan())), 1)  # health: nobody leads
    accountable = [o for o in act.findall("participating-org") if o.get("role") == "2"]
    assert [(o.get("ref"), o.findtext("narrative")) for o in accountable] == [
        ("XM-EXAMPLE-MOL", "Ministry of Labour")
    ]


def test_roles_naming_unknown_actors_are_reported() -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[0],
        roles=(Role(stage=Stage.IMPLEMENTATION, actor="labour-ministry", role=RoleKind.LEAD),),
    )
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(iv,)))
    assert (
        "'labour-ministry' is not one of the plan's actors"
        in problems_of(exc)["interventions[0].roles[0].actor"]
    )


def test_planned_dates_recipient_country_and_last_update() -> None:
    doc = parse(iati_xml(national_plan()))
    act = activity(doc)
    dates = {d.get("type"): d.get("iso-date") for d in act.findall("activity-date")}
    assert dates == {"1": "2026-03-01", "3": "2028-12-31"}
    country = act.find("recipient-country")
    assert (country.get("code"), country.get("percentage")) == ("JM", "100")
    assert act.get("last-updated-datetime") == "2026-01-20T00:00:00Z"


def test_unknown_country_is_refused_and_no_country_is_left_out() -> None:
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(national_plan(), country="ZZZ"))
    assert "country" in problems_of(exc)
    act = activity(parse(iati_xml(attrs.evolve(national_plan(), country=None))))
    assert act.find("recipient-country") is None


def test_end_before_start_is_reported() -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[0],
        timeframe=Timeframe(start=dt.date(2027, 1, 1), end=dt.date(2026, 1, 1)),
    )
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(iv,)))
    assert "interventions[0].timeframe.end" in problems_of(exc)


# -- sectors and tags ---------------------------------------------------------------------


def sectors(act: Any) -> list[tuple[str, str, str]]:
    return [(s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in act.iter("sector")]


def test_dac_purpose_codes_then_the_sdg_targets_served() -> None:
    doc = parse(iati_xml(national_plan()))
    # Migration programming is 15190; its sector (labour) adds employment creation.
    assert sectors(activity(doc, 0)) == [
        ("1", MIGRATION_SECTOR, "50"),
        ("1", "16020", "50"),
        ("8", "10.7", "50"),
        ("8", "8.8", "50"),
    ]
    # A health intervention: health policy and administrative management.
    assert sectors(activity(doc, 1)) == [("1", "12110", "100"), ("8", "3.8", "100")]


def test_sector_percentages_split_evenly_and_add_up_to_100_per_vocabulary() -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[1], type=InterventionType.RIGHTS_BASED, targets=("3.8", "10.7", "8.8")
    )
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert found == [
        ("1", "12110", "100"),
        ("8", "3.8", "33.34"),
        ("8", "10.7", "33.33"),
        ("8", "8.8", "33.33"),
    ]
    for vocabulary in ("1", "8"):
        assert sum(Decimal(p) for v, _, p in found if v == vocabulary) == 100


def test_dac_sectors_of_the_plan_replace_every_derived_code() -> None:
    plan = national_plan()
    iv = attrs.evolve(plan.interventions[0], dac_sectors=("24050", "15136", "24050"))
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert [(v, c, p) for v, c, p in found if v == "1"] == [
        ("1", "24050", "50"),
        ("1", "15136", "50"),
    ]


@pytest.mark.parametrize(
    ("sector", "policy_area", "code"),
    [
        ("Salud", "", "12110"),
        ("Protección social", "Violencia de género", "15180"),
        ("Finance", "Remittances", "24050"),
        ("Planificación territorial", "", "15112"),
        ("Statistiques", "Données migratoires", "16062"),
        ("Protección social", "Discapacidad", "16010"),
        ("", "", MIGRATION_SECTOR),  # nothing to go by: the plan's own purpose, migration
        ("Culture", "Heritage", MIGRATION_SECTOR),
    ],
)
def test_the_policy_area_or_sector_points_to_a_dac_purpose_code(
    sector: str, policy_area: str, code: str
) -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[1],
        type=InterventionType.RIGHTS_BASED,
        sector=sector,
        policy_area=policy_area,
    )
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert [c for v, c, _ in found if v == "1"] == [code]
    assert code in codelist("Sector")


class _Host:
    def __init__(self, templates: dict[str, Any]) -> None:
        self._templates = templates

    def templates(self) -> dict[str, Any]:
        return self._templates


def test_dac_codes_of_the_intervention_template_are_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template = SimpleNamespace(dac_sectors=("16020", MIGRATION_SECTOR, 15136), plugin="labour")
    monkeypatch.setattr("migsdg.plugins._HOST", _Host({"labour.fair-recruitment": template}))
    plan = national_plan()
    iv = attrs.evolve(plan.interventions[0], template="labour.fair-recruitment")
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert [s for s in found if s[0] == "1"] == [
        ("1", MIGRATION_SECTOR, "33.34"),
        ("1", "16020", "33.33"),
        ("1", "15136", "33.33"),
    ]


def test_a_template_that_is_not_installed_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("migsdg.plugins._HOST", _Host({}))
    plan = national_plan()
    iv = attrs.evolve(plan.interventions[0], template="gone.template", sector="")
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert [s for s in found if s[0] == "1"] == [("1", MIGRATION_SECTOR, "100")]


def test_a_template_code_outside_the_sector_codelist_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template = SimpleNamespace(dac_sectors=("99999",), plugin="broken")
    monkeypatch.setattr("migsdg.plugins._HOST", _Host({"x.y": template}))
    plan = national_plan()
    iv = attrs.evolve(plan.interventions[0], template="x.y")
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(iv,)))
    assert "'99999'" in problems_of(exc)["interventions[0].template"]


def test_installed_sector_plugin_templates_give_their_dac_codes() -> None:
    from migsdg.plugins import get_host

    with_codes = {k: t for k, t in get_host().templates().items() if getattr(t, "dac_sectors", ())}
    if not with_codes:
        pytest.skip("no installed template gives DAC codes")
    tid, template = next(iter(with_codes.items()))
    plan = national_plan()
    iv = attrs.evolve(plan.interventions[1], template=tid)
    found = sectors(activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,))))))
    assert [c for v, c, _ in found if v == "1"] == list(dict.fromkeys(template.dac_sectors))


def test_sdg_goals_and_targets_are_tags_with_vocabularies_2_and_3() -> None:
    act = activity(parse(iati_xml(national_plan())))
    tags = [(t.get("vocabulary"), t.get("code")) for t in act.findall("tag")]
    assert tags == [("2", "10"), ("2", "8"), ("3", "10.7"), ("3", "8.8")]


# -- budgets ------------------------------------------------------------------------------


def budgets(act: Any) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            b.findtext("value"),
            b.find("value").get("currency"),
            b.find("value").get("value-date"),
        )
        for b in act.findall("budget")
    ]


def test_budgets_per_year_within_the_timeframe_in_the_plan_currency() -> None:
    act = activity(parse(iati_xml(national_plan())))
    assert {(b.get("type"), b.get("status")) for b in act.findall("budget")} == {("1", "1")}
    # 2026: 120000 + training 30000 * 306/1037 days; 2028: EUR 50000 at 1.1 + the rest.
    assert budgets(act) == [
        ("2026-03-01", "2026-12-31", "128852.46", "USD", "2026-03-01"),
        ("2027-01-01", "2027-12-31", "90559.31", "USD", "2027-01-01"),
        ("2028-01-01", "2028-12-31", "65588.23", "USD", "2028-01-01"),
    ]


def test_budgets_add_up_to_the_resources_required() -> None:
    for plan in (national_plan(), load_example("national")):
        summary = funding_summary(plan)
        doc = parse(iati_xml(plan))
        for act, row in zip(doc.findall("iati-activity"), summary.interventions, strict=True):
            total = sum((Decimal(v) for _, _, v, _, _ in budgets(act)), Decimal(0))
            assert total == row.required.quantize(Decimal("0.01"))


def test_amounts_without_an_exchange_rate_are_refused() -> None:
    plan = attrs.evolve(national_plan(), exchange_rates=())
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan)
    assert "EUR" in problems_of(exc)["interventions[0].resources[2]"]


def test_costs_all_in_one_year_need_no_timeframe_end() -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[1],
        timeframe=Timeframe(start=dt.date(2026, 7, 1)),
        resources=(CostLine(description="x", amount=Decimal(10), year=2027),),
        supporting_activities=(
            SupportingActivity(kind=SupportingActivityKind.TRAINING, description="no cost"),
        ),
    )
    act = activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,)))))
    assert budgets(act) == [("2027-01-01", "2027-12-31", "10", "USD", "2027-01-01")]


# -- results ------------------------------------------------------------------------------


def test_results_carry_indicators_baselines_and_interim_and_final_targets() -> None:
    act = activity(parse(iati_xml(national_plan())))
    (result,) = act.findall("result")
    assert result.get("type") == "2"
    assert result.findtext("title/narrative") == "Migrant workers pay no recruitment fees"
    sdg, national = result.findall("indicator")
    assert (sdg.get("measure"), sdg.get("ascending")) == ("1", "0")
    assert sdg.find("reference").attrib == {"vocabulary": "9", "code": "10.7.1"}
    assert sdg.findtext("title/narrative") == migsdg.get_catalogue().text("10.7.1")
    base = sdg.find("baseline")
    assert (base.get("year"), base.get("value")) == ("2024", "0.35")
    assert base.findtext("comment/narrative") == "labour migration survey"
    periods = [
        (
            p.find("period-start").get("iso-date"),
            p.find("period-end").get("iso-date"),
            p.find("target").get("value"),
        )
        for p in sdg.findall("period")
    ]
    assert periods == [("2027-01-01", "2027-12-31", "0.2"), ("2030-01-01", "2030-12-31", "0.1")]
    assert national.find("reference").attrib == {"vocabulary": "99", "code": "LAB-3"}
    assert national.get("ascending") == "1"
    assert national.findtext("description/narrative").startswith("Agencies holding")


def test_qualitative_indicators_have_no_values_and_percentages_are_measure_2() -> None:
    doc = parse(iati_xml(national_plan()))
    proxy = activity(doc, 1).find("result/indicator")
    assert proxy.get("measure") == "5"
    assert proxy.find("period/target").get("value") is None
    assert proxy.findtext("period/target/comment/narrative") == "revised strategy adopted"
    provincial = parse(iati_xml(provincial_plan()))
    assert activity(provincial).find("result/indicator").get("measure") == "2"


def test_sdg_indicator_titles_follow_the_plan_language() -> None:
    act = activity(parse(iati_xml(provincial_plan())))
    assert act.findtext("result/indicator/title/narrative") == migsdg.get_catalogue().text(
        "10.7.2", "es"
    )


def test_a_measure_without_a_year_is_reported() -> None:
    plan = national_plan()
    entry = MonitoringEntry(
        indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.2"),
        baseline=Measure(value=Decimal(1)),
        target=Measure(value=Decimal(2)),
    )
    iv = attrs.evolve(plan.interventions[0], monitoring=(entry,))
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(iv,)))
    assert {
        "interventions[0].monitoring[0].baseline.year",
        "interventions[0].monitoring[0].target.year",
    } <= set(problems_of(exc))


# -- the document and the file ----------------------------------------------------------


def test_generated_datetime_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = national_plan()
    assert iati_xml(plan) == iati_xml(plan)
    assert parse(iati_xml(plan)).get("generated-datetime") == "2026-01-20T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert parse(iati_xml(plan)).get("generated-datetime") == "2026-01-01T00:00:00Z"
    stamp = parse(iati_xml(plan, generated=dt.datetime(2026, 5, 4, 3, 2, 1)))
    assert stamp.get("generated-datetime") == "2026-05-04T03:02:01Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH"):
        iati_xml(plan)


def test_without_revisions_or_epoch_no_generated_datetime_is_invented() -> None:
    doc = parse(iati_xml(provincial_plan()))
    assert doc.get("generated-datetime") is None
    assert activity(doc).get("last-updated-datetime") is None


def test_export_picks_iati_by_suffix_and_writes_the_same_bytes(tmp_path: Path) -> None:
    plan = national_plan()
    out = migsdg.export(plan, tmp_path / "plan.iati.xml")
    assert out.read_bytes() == iati_xml(plan)
    out2 = migsdg.export(plan, tmp_path / "other.xml", format="iati", org_ref="XM-OTHER-2")
    assert b"XM-OTHER-2-JAM-MSAP-fair-recruitment" in out2.read_bytes()


def test_a_refused_export_leaves_an_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "plan.iati.xml"
    target.write_bytes(b"previous")
    with pytest.raises(IatiExportError):
        migsdg.export(attrs.evolve(national_plan(), iati_org_ref=None), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.iati.xml"]


def test_unknown_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no option"):
        migsdg.export(national_plan(), tmp_path / "p.iati.xml", orgref="XM-A-1")


def test_the_plan_needs_interventions() -> None:
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(national_plan(), interventions=()))
    assert "interventions" in problems_of(exc)


def test_build_activities_returns_the_element_tree_root() -> None:
    root = build_activities(national_plan())
    assert root.tag == "iati-activities"
    assert root[0].findtext("iati-identifier").endswith("fair-recruitment")


def test_funding_from_an_unknown_source_is_reported() -> None:
    plan = national_plan()
    iv = attrs.evolve(
        plan.interventions[0],
        funding=(FundingArrangement(source="nowhere", amount=Decimal(1)),),
    )
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(iv,)))
    assert "interventions[0].funding[0].source" in problems_of(exc)


def test_subnational_and_local_plans_report_as_local_government() -> None:
    plan = attrs.evolve(provincial_plan(), level=GovernanceLevel.LOCAL)
    assert activity(parse(iati_xml(plan))).find("reporting-org").get("type") == "11"


# -- the documentation ------------------------------------------------------------------


def _documented_iati_elements() -> set[str]:
    text = DOCS.read_text("utf-8")
    section = text.split("## IATI", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 2:
            continue
        for path in re.findall(r"`([a-z][a-z-]*(?:/[a-z@-][a-z-]*)*)`", cells[1]):
            names.update(p for p in path.split("/") if not p.startswith("@"))
    return names


def test_every_iati_element_in_the_docs_table_appears_in_the_examples() -> None:
    documented = _documented_iati_elements()
    assert len(documented) >= 20
    present = {el.tag for name in names() for el in parse(iati_xml(load_example(name))).iter()}
    assert documented - present == set()


def test_the_docs_table_names_every_element_the_export_writes() -> None:
    documented = _documented_iati_elements()
    present = {el.tag for el in parse(iati_xml(national_plan())).iter()} | {
        el.tag for el in parse(iati_xml(load_example("national"))).iter()
    }
    assert present - documented == set()


def test_a_language_or_currency_iati_cannot_carry_is_reported() -> None:
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(national_plan(), language="en_GB", currency="XYZ"))
    assert {"language", "currency"} <= set(problems_of(exc))
    doc = parse(iati_xml(attrs.evolve(national_plan(), language="en-GB")))
    assert activity(doc).get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"


def test_sdg_texts_in_a_language_the_catalogue_lacks_are_marked_as_english() -> None:
    regional = parse(iati_xml(attrs.evolve(provincial_plan(), language="es-EC")))
    title = activity(regional).find("result/indicator/title/narrative")
    assert title.text == migsdg.get_catalogue().text("10.7.2", "es")
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") is None
    other = parse(iati_xml(attrs.evolve(provincial_plan(), language="pt")))
    title = activity(other).find("result/indicator/title/narrative")
    assert title.text == migsdg.get_catalogue().text("10.7.2")
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_intervention_ids_used_twice_are_refused() -> None:
    plan = national_plan()
    twin = attrs.evolve(plan.interventions[1], id=plan.interventions[0].id)
    with pytest.raises(IatiExportError) as exc:
        iati_xml(attrs.evolve(plan, interventions=(plan.interventions[0], twin)))
    assert "used twice" in problems_of(exc)["interventions[1].id"]


def test_a_problem_shared_by_several_interventions_is_reported_once() -> None:
    plan = national_plan()
    broken = attrs.evolve(plan.funding_sources[1], provider="nobody")
    also_funded = attrs.evolve(plan.interventions[1], funding=plan.interventions[0].funding)
    plan = attrs.evolve(
        plan,
        funding_sources=(plan.funding_sources[0], broken),
        interventions=(plan.interventions[0], also_funded),
    )
    with pytest.raises(IatiExportError) as exc:
        iati_xml(plan)
    assert [p.location for p in exc.value.problems] == ["funding_sources[1].provider"]


def test_participant_refs_can_be_given_as_text() -> None:
    act = activity(parse(iati_xml(national_plan(), participant_refs="iom=XM-DAC-47066, ")))
    assert {o.get("ref") for o in act if o.findtext("narrative") == "IOM"} == {"XM-DAC-47066"}
    with pytest.raises(ExportError, match="ACTOR=IATI-REF"):
        iati_xml(national_plan(), participant_refs="iom")


# -- the command line -----------------------------------------------------------------------


def test_cli_exports_the_national_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema: Any
) -> None:
    from migsdg.cli import main

    out = tmp_path / "plan.iati.xml"
    assert main(["export", "--example", "national", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert schema.validate(etree.parse(str(out)))


def test_cli_refuses_a_plan_without_organisation_reference_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from migsdg.cli import main

    plan_file = tmp_path / "plan.yaml"
    migsdg.save_plan(attrs.evolve(national_plan(), iati_org_ref=None), plan_file)
    out = tmp_path / "plan.iati.xml"
    assert main(["export", str(plan_file), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "iati_org_ref" in err
    assert "Traceback" not in err
    assert not out.exists()
    code = main(
        [
            "export",
            str(plan_file),
            "-o",
            str(out),
            "--format",
            "iati",
            "-O",
            "org_ref=XM-EXAMPLE-9",
            "-O",
            "participant_refs=iom=XM-DAC-47066",
        ]
    )
    assert code == 0
    assert b"XM-DAC-47066" in out.read_bytes()


# -- classifications, money, contact and the published plan ------------------------------


def _classes(act: Any) -> dict[str, str]:
    return {
        tag: act.find(tag).get("code")
        for tag in (
            "collaboration-type",
            "default-flow-type",
            "default-finance-type",
            "default-aid-type",
            "default-tied-status",
        )
    }


def _funded(plan: migsdg.ActionPlan, *funding: FundingArrangement) -> migsdg.ActionPlan:
    iv = attrs.evolve(plan.interventions[0], funding=funding)
    later = migsdg.Revision(number=9, date=dt.date(2026, 6, 30), status=plan.status)
    return attrs.evolve(plan, interventions=(iv,), revisions=(*plan.revisions, later))


def test_default_classifications_come_from_the_source_bringing_the_most_money() -> None:
    plan = national_plan()
    domestic = FundingArrangement(source="national-budget", amount=Decimal(150))
    partner = FundingArrangement(source="migration-fund", amount=Decimal(100))
    act = activity(parse(iati_xml(_funded(plan, domestic, partner))))
    assert _classes(act) == {
        "collaboration-type": "1",
        "default-flow-type": "50",
        "default-finance-type": "110",
        "default-aid-type": "C01",
        "default-tied-status": "5",
    }
    assert act.find("default-aid-type").get("vocabulary") == "1"
    bigger = attrs.evolve(partner, amount=Decimal(151))
    act = activity(parse(iati_xml(_funded(plan, domestic, bigger))))
    # A migration fund whose provider is an international organisation: multilateral ODA.
    assert _classes(act)["default-flow-type"] == "10"
    assert _classes(act)["collaboration-type"] == "4"
    # Nobody funds it: the authority's own budget.
    assert _classes(activity(parse(iati_xml(_funded(plan)))))["default-flow-type"] == "50"


def test_a_funding_source_gives_its_own_classification_codes() -> None:
    plan = national_plan()
    loan = attrs.evolve(
        plan.funding_sources[1],
        aid_type="B03",
        finance_type="421",
        flow_type="10",
        tied_status="3",
        collaboration_type="1",
    )
    plan = attrs.evolve(plan, funding_sources=(plan.funding_sources[0], loan))
    partner = FundingArrangement(source="migration-fund", amount=Decimal(100))
    act = activity(parse(iati_xml(_funded(plan, partner))))
    assert _classes(act) == {
        "collaboration-type": "1",
        "default-flow-type": "10",
        "default-finance-type": "421",
        "default-aid-type": "B03",
        "default-tied-status": "3",
    }


def test_secured_partner_money_is_a_commitment_and_dated_pledges_planned_disbursements() -> None:
    plan = national_plan()
    domestic = FundingArrangement(
        source="national-budget", amount=Decimal(500), status=FundingStatus.SECURED
    )
    secured = FundingArrangement(
        source="migration-fund",
        amount=Decimal(100),
        currency="CHF",  # no exchange rate: written in its own currency
        status=FundingStatus.SECURED,
        notes="Grant agreement signed",
    )
    pledged = FundingArrangement(
        source="migration-fund", amount=Decimal(40), status=FundingStatus.PLEDGED, year=2026
    )
    undated = FundingArrangement(
        source="migration-fund", amount=Decimal(10), status=FundingStatus.PLEDGED
    )
    act = activity(parse(iati_xml(_funded(plan, domestic, secured, pledged, undated))))
    (tr,) = act.findall("transaction")  # the domestic budget line is no transaction
    assert tr.find("transaction-type").get("code") == "11"
    assert tr.find("transaction-date").get("iso-date") == "2026-06-30"  # the latest revision
    assert tr.find("value").text == "100" and tr.find("value").get("currency") == "CHF"
    assert tr.findtext("description/narrative") == "Grant agreement signed"
    assert tr.find("provider-org").get("type") == "40"
    assert tr.findtext("provider-org/narrative") == "IOM"
    assert tr.find("receiver-org").get("ref") == "XM-EXAMPLE-MOL"
    # Its flow (ODA) differs from the activity's (the domestic budget brings the most).
    assert tr.find("flow-type").get("code") == "10"
    assert tr.find("aid-type") is None
    (pd,) = act.findall("planned-disbursement")  # the undated pledge has none
    start = plan.interventions[0].timeframe.start
    assert pd.find("period-start").get("iso-date") == start.isoformat()  # cut to the timeframe
    assert pd.find("period-end").get("iso-date") == "2026-12-31"
    assert pd.find("value").text == "40" and pd.find("value").get("currency") is None


def test_participating_organisations_carry_identifiers_and_types_from_the_plan() -> None:
    plan = national_plan()
    iom = attrs.evolve(plan.actors[2], org_id="XM-DAC-47066")
    cso = plan.actors[3]
    budget = attrs.evolve(plan.funding_sources[0], category=FundingCategory.SDG_FUND)
    plan = attrs.evolve(
        plan,
        actors=(*plan.actors[:2], iom, cso),
        funding_sources=(budget, plan.funding_sources[1]),
    )
    iv = attrs.evolve(
        plan.interventions[0],
        roles=(*plan.interventions[0].roles, Role(stage=Stage.IMPLEMENTATION, actor="cso")),
    )
    act = activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,)))))
    orgs = {
        o.findtext("narrative"): (o.get("ref"), o.get("type"))
        for o in act.findall("participating-org")
    }
    assert orgs["IOM"] == ("XM-DAC-47066", "40")
    assert orgs["Migrant Workers' Rights Network"] == (None, "22")  # civil society: national NGO
    assert orgs["National budget"] == (None, "40")  # an SDG fund with no provider
    assert all(o.get("type") for o in act.findall("participating-org"))
    typed = attrs.evolve(cso, org_type="21")
    plan = attrs.evolve(plan, actors=(*plan.actors[:3], typed))
    act = activity(parse(iati_xml(attrs.evolve(plan, interventions=(iv,)))))
    types = {o.findtext("narrative"): o.get("type") for o in act.findall("participating-org")}
    assert types["Migrant Workers' Rights Network"] == "21"


def test_contact_information_and_the_published_plan_on_every_activity() -> None:
    plan = attrs.evolve(
        national_plan(),
        url="https://example.org/plans/msap.PDF?v=2",
        contact=migsdg.Contact(email="plan@example.org", person="Focal point", address="Kingston"),
    )
    doc = parse(iati_xml(plan))
    for act in doc.findall("iati-activity"):
        info = act.find("contact-info")
        assert info.get("type") == "1"
        assert [c.tag for c in info] == ["organisation", "person-name", "email", "mailing-address"]
        assert info.findtext("organisation/narrative") == "Ministry of Labour"
        assert info.findtext("email") == "plan@example.org"
        link = act.find("document-link")
        assert link.get("url") == plan.url
        assert link.get("format") == "application/pdf"
        assert link.findtext("title/narrative") == plan.title
        assert link.find("category").get("code") == "A02"
        assert link.find("document-date").get("iso-date") == "2026-01-20"
    web = attrs.evolve(plan, url="https://example.org/plans/msap")
    assert parse(iati_xml(web)).find("iati-activity/document-link").get("format") == "text/html"
    bare = parse(iati_xml(attrs.evolve(national_plan(), url="")))
    assert bare.find("iati-activity/document-link") is None
    assert bare.find("iati-activity/contact-info/organisation") is not None


def test_achieved_values_are_the_actuals_of_their_years_periods() -> None:
    plan = national_plan()
    iv = plan.interventions[0]
    entry = iv.monitoring[0]
    assert entry.target is not None and entry.target.year is not None
    due = entry.target.year
    free = max(set(range(due - 9, due)) - {m.year for m in entry.interim})  # no target then
    achieved = (
        migsdg.AchievedValue(value=Decimal("0.7"), year=due, source="Survey", note="draft"),
        migsdg.AchievedValue(value=Decimal("0.5"), year=free, source="Register"),
    )
    entry = attrs.evolve(entry, achieved=achieved)
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    ind = activity(parse(iati_xml(plan))).find("result/indicator")
    starts = [p.find("period-start").get("iso-date") for p in ind.findall("period")]
    assert starts == sorted(starts)
    own = ind.xpath(f"period[period-start/@iso-date='{free}-01-01']")[0]
    assert own.find("target") is None
    assert own.find("actual").get("value") == "0.5"
    assert own.findtext("actual/comment/narrative") == "Register"
    final = ind.xpath(f"period[period-start/@iso-date='{due}-01-01']")[0]
    assert final.find("target") is not None
    assert final.find("actual").get("value") == "0.7"
    assert final.findtext("actual/comment/narrative") == "Survey; draft"


def test_a_progress_record_shows_an_adopted_plans_intervention_has_started() -> None:
    plan = attrs.evolve(national_plan(), revisions=())
    iv = plan.interventions[0]
    start = iv.timeframe.start
    assert start is not None
    measured = migsdg.AchievedValue(
        value=Decimal(1), year=start.year, date=start + dt.timedelta(days=30)
    )
    entry = attrs.evolve(iv.monitoring[0], achieved=(measured,))
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    act = activity(parse(iati_xml(plan)))
    assert act.find("activity-status").get("code") == "2"
    assert act.find("activity-date[@type='2']").get("iso-date") == start.isoformat()
    # A milestone reached before the planned start: it began early.
    early = start - dt.timedelta(days=10)
    reached = migsdg.Milestone(date=start, description="Launch", reached_on=early)
    timeframe = attrs.evolve(iv.timeframe, milestones=(reached,))
    iv = attrs.evolve(iv, timeframe=timeframe)
    plan = attrs.evolve(plan, interventions=(iv,))
    act = activity(parse(iati_xml(plan)))
    assert act.find("activity-status").get("code") == "2"
    assert act.find("activity-date[@type='2']").get("iso-date") == early.isoformat()
    # A draft plan stays in the pipeline whatever was recorded.
    draft = attrs.evolve(plan, status=PlanStatus.DRAFT)
    assert activity(parse(iati_xml(draft))).find("activity-status").get("code") == "1"


def test_every_code_of_the_classification_tables_is_in_its_codelist() -> None:
    from migsdg.iati._classify import (
        CATEGORY_CLASSIFICATION,
        COLLABORATION_BY_PROVIDER_KIND,
        KEYWORD_SECTORS,
        SOURCE_ORGANISATION_TYPE,
    )

    assert set(CATEGORY_CLASSIFICATION) == set(migsdg.FundingCategory)
    for c in CATEGORY_CLASSIFICATION.values():
        assert c.aid_type in codelist("AidType")
        assert c.finance_type in codelist("FinanceType")
        assert c.flow_type in codelist("FlowType")
        assert c.tied_status in codelist("TiedStatus")
        assert c.collaboration_type in codelist("CollaborationType")
    for code in COLLABORATION_BY_PROVIDER_KIND.values():
        assert code in codelist("CollaborationType")
    for code in SOURCE_ORGANISATION_TYPE.values():
        assert code in codelist("OrganisationType")
    for _, code in KEYWORD_SECTORS:
        assert code in codelist("Sector")


def test_the_authority_actors_own_type_names_the_reporting_organisation() -> None:
    plan = national_plan()
    mol = attrs.evolve(plan.actors[0], org_type="15")
    plan = attrs.evolve(plan, actors=(mol, *plan.actors[1:]))
    act = activity(parse(iati_xml(plan)))
    assert act.find("reporting-org").get("type") == "15"
    assert act.find("participating-org[@role='2']").get("type") == "15"
    assert activity(parse(iati_xml(plan, org_type="10"))).find("reporting-org").get("type") == "10"
