"""The bundled sector plugins' sections in the examples' Word drafts and workbooks.

Each example's draft and workbook are written once per shipped language and reopened: the
sections its sectors call for are there (title, every table's header and cells), the
others are not. What each section reads from the plan is pinned on the examples and on
plans changed to show the other branches.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest

import fast_set
import migsdg
from migsdg.examples import load_example
from migsdg.i18n import languages
from migsdg.model import (
    ActionPlan,
    Disaggregation,
    IndicatorKind,
    IndicatorRef,
    InterimTarget,
    MonitoringEntry,
    Role,
    RoleKind,
    Stage,
)
from migsdg.plugins import PluginHost, using_host
from migsdg.present import Para, Table, View
from migsdg.sections import PlanSection
from migsdg.testing import build_plan_section, check_plugin_contract
from migsdg.word.bidi import MARKS
from migsdg_plugins.education.sections import (
    EDUCATION_SECTION,
    INCLUSION,
    RECOGNITION,
    education_interventions,
    frameworks_of,
    strand_of,
)
from migsdg_plugins.education.templates import TEMPLATES as EDUCATION_TEMPLATES
from migsdg_plugins.finance.sections import REMITTANCE_SECTION, remittance_interventions
from migsdg_plugins.health.sections import (
    MIGRANT_HEALTH_SECTION,
    WHO_CODE_SECTION,
    articles_of,
    national_authority,
    service_interventions,
    workforce_interventions,
)
from migsdg_plugins.labour.sections import FAIR_RECRUITMENT_SECTION
from migsdg_plugins.protection.sections import (
    PROTECTION_SECTION,
    instruments_of,
    protection_interventions,
)
from plugin_packages import bundled_entry_points

#: The bundled sections each example's sectors call for.
EXPECTED: dict[str, tuple[PlanSection, ...]] = {
    "national": (FAIR_RECRUITMENT_SECTION, WHO_CODE_SECTION, REMITTANCE_SECTION),
    "provincial": (MIGRANT_HEALTH_SECTION, PROTECTION_SECTION),
}
ALL = (
    FAIR_RECRUITMENT_SECTION,
    WHO_CODE_SECTION,
    MIGRANT_HEALTH_SECTION,
    REMITTANCE_SECTION,
    PROTECTION_SECTION,
    EDUCATION_SECTION,
)


@attrs.frozen
class Written:
    example: str
    plan: ActionPlan
    language: str
    draft: str  # every text of the Word draft, paragraphs and table cells
    sheets: dict[str, list[str]]  # the workbook's sheets and their texts


#: Every example in every language, each as one (example, language) parameter.
DRAFTS = [
    pytest.param(p.values, marks=p.marks, id=p.id) for p in fast_set.pairs(EXPECTED, languages())
]


@pytest.fixture(scope="module", params=DRAFTS)
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Written:
    example, language = request.param
    plan = load_example(example)
    folder = tmp_path_factory.mktemp(f"{example}-{language}")
    with using_host(PluginHost(entry_points=bundled_entry_points())):
        draft = migsdg.export(plan, folder / "plan.docx", language=language)
        book = migsdg.export(plan, folder / "plan.xlsx", language=language)
    document = docx.Document(str(draft))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    workbook = openpyxl.load_workbook(book, read_only=True)
    sheets = {
        ws.title: [str(v) for row in ws.iter_rows(values_only=True) for v in row if v]
        for ws in workbook.worksheets
    }
    # The directional marks around left-to-right text in an Arabic draft are not text.
    draft_text = "\n".join(texts).translate({ord(c): None for c in MARKS})
    return Written(example, plan, language, draft_text, sheets)


def _view(section: PlanSection, w: Written) -> View:
    return build_plan_section(section, w.plan, language=w.language)


def _cell_lines(view: View) -> list[str]:
    lines = []
    for block in view.intro:
        if isinstance(block, Table):
            lines += [c.label for c in block.columns]
            for row in block.rows:
                for cell in row.cells:
                    lines += [x for x in (cell.head, *cell.text.split("\n")) if x.strip()]
    return lines


def test_the_draft_holds_the_sections_its_sectors_call_for(written: Written) -> None:
    for section in EXPECTED[written.example]:
        view = _view(section, written)
        assert view.title in written.draft, section.id
        for line in _cell_lines(view):
            assert line in written.draft, (section.id, line)
        for block in view.intro:
            if isinstance(block, Para):
                assert block.text in written.draft, (section.id, block.text)
    for section in ALL:
        if section not in EXPECTED[written.example]:
            assert _view(section, written).title not in written.draft, section.id


def test_the_workbook_has_a_sheet_for_each_of_those_sections(written: Written) -> None:
    for section in EXPECTED[written.example]:
        view = _view(section, written)
        [values] = [v for v in written.sheets.values() if view.title in v]
        for block in view.intro:
            if isinstance(block, Table):
                labels = [c.label for c in block.columns]
                assert any(values[i : i + len(labels)] == labels for i in range(len(values))), (
                    section.id,
                    labels,
                )
                for row in block.rows:
                    first = row.cells[0]
                    assert any(v.startswith(first.head or first.text) for v in values)
    for section in ALL:
        if section not in EXPECTED[written.example]:
            title = _view(section, written).title
            assert not any(title in v for v in written.sheets.values()), section.id


def test_the_sections_speak_the_drafts_language(written: Written) -> None:
    if written.language == "en":
        return
    for section in EXPECTED[written.example]:
        english = build_plan_section(section, written.plan, language="en")
        view = _view(section, written)
        assert view.title != english.title
        # Every paragraph the section writes itself is translated; the plan's own texts
        # (names of interventions and actors) stay as the plan gives them.
        for mine, theirs in zip(view.intro, english.intro, strict=True):
            if isinstance(mine, Para) and mine.kind == "note":
                assert mine.text != theirs.text, (section.id, mine.text)


# -- health ----------------------------------------------------------------------------------


def test_the_who_code_section_reads_articles_and_the_national_authority() -> None:
    plan = load_example("national")
    [iv] = workforce_interventions(plan)
    assert iv.id == "iv-health-workforce"
    # Agreements with destination employers, training places, retention incentives in
    # hard-to-staff facilities, the template's national authority and reporting.
    assert articles_of(iv) == ("5.2", "5.5", "5.7", "7", "9")
    assert national_authority(plan) == ("mohw",)
    view = build_plan_section(WHO_CODE_SECTION, plan)
    [report] = [b for b in view.intro if isinstance(b, Table) and b.key == "who-code-reporting"]
    [row] = report.rows
    assert row.cells[0].head == "3.c.1 — Health worker density and distribution"
    assert [c.text for c in row.cells[2:5]] == ["10.2 (2020)", "9.9 (2022)", "13.0 (2029)"]
    texts = [b.text for b in view.intro if isinstance(b, Para)]
    assert any("Ministry of Health and Wellness" in t for t in texts)


def test_without_the_template_only_the_plans_words_count() -> None:
    plan = load_example("national")
    iv = next(iv for iv in plan.interventions if iv.id == "iv-health-workforce")
    bare = attrs.evolve(
        iv,
        template=None,
        subtype=None,
        description="Expand nursing training places.",
        outputs=(),
        roles=(Role(stage=Stage.MONITORING, actor="mohw", role=RoleKind.LEAD, tasks="Report."),),
        timeframe=attrs.evolve(iv.timeframe, milestones=()),
        coordination="",
        supporting_activities=(),
    )
    assert articles_of(bare) == ("5.5",)
    changed = attrs.evolve(plan, interventions=(bare,))
    assert national_authority(changed) == ()
    view = build_plan_section(WHO_CODE_SECTION, changed)
    missing = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "missing"]
    assert any("designated national authority" in t for t in missing)
    notes = [b.text for b in view.intro if isinstance(b, Para)]
    assert "Articles no health workforce intervention addresses yet: 5.2, 5.7, 7, 9." in notes


def test_the_migrant_health_section_says_how_indicators_count_migrants() -> None:
    plan = load_example("provincial")
    [iv] = service_interventions(plan)
    assert iv.id == "iv-salud"
    assert not workforce_interventions(plan)
    view = build_plan_section(MIGRANT_HEALTH_SECTION, plan)
    [table] = [b for b in view.intro if isinstance(b, Table)]
    [row] = table.rows
    assert row.cells[1].text.endswith(": counts migrants or displaced persons only")
    assert row.cells[2].text == "Objective 15: Provide access to basic services for migrants"
    missing = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "missing"]
    assert any("3.8.2" in t for t in missing)
    # A plan that monitors 3.8.2 by migratory status is told so, and not asked for it.
    entry = MonitoringEntry(
        indicator=IndicatorRef(kind=IndicatorKind.SDG, code="3.8.2"),
        disaggregation=(Disaggregation.MIGRATORY_STATUS,),
    )
    covered = attrs.evolve(iv, monitoring=(entry,))
    view = build_plan_section(MIGRANT_HEALTH_SECTION, attrs.evolve(plan, interventions=(covered,)))
    [table] = [b for b in view.intro if isinstance(b, Table)]
    assert table.rows[0].cells[1].text.endswith(": broken down by migratory status")
    assert not [b for b in view.intro if isinstance(b, Para) and b.kind == "missing"]


# -- finance ---------------------------------------------------------------------------------


def test_the_remittance_section_reads_corridors_interim_targets_and_funding() -> None:
    plan = load_example("national")
    assert [iv.id for iv in remittance_interventions(plan)] == [
        "iv-remittance-costs",
        "iv-diaspora-investment",
    ]
    view = build_plan_section(REMITTANCE_SECTION, plan)
    tables = {b.key: b for b in view.intro if isinstance(b, Table)}
    [cost] = tables["remittance-costs"].rows
    assert "Average of the main corridors to Jamaica" in cost.cells[0].text
    assert [c.text for c in cost.cells[1:5]] == [
        "7.4 (2020)",
        "5.0 (2026)",
        "3.0 (2030)",
        "6.4 (2022)",
    ]
    assert cost.cells[5].text == "above 5%, the most any corridor may cost under target 10.c"
    [step] = tables["remittance-interim-targets"].rows
    assert step.cells[0].text.startswith("5.0 per cent of USD 200 sent")
    assert step.cells[1].text == "31 March 2026"
    funding = tables["remittance-funding"].rows
    assert [r.cells[0].text for r in funding[:2]] == [
        "Intervention 5: Lower the cost of sending money to Jamaica",
        "Intervention 6: Open investment promotion programmes to diaspora investors",
    ]
    # 16 550 000 JMD secured; 90 000 USD pledged at the plan's rate; 4 000 000 proposed.
    remittance = funding[0].cells
    assert remittance[2].text == "16,550,000"
    assert remittance[4].text == "4,000,000"
    assert funding[2].cells[0].text == "Total" and funding[2].cells[0].strong
    # The same funding by source: the budget's secured share, IFAD's pledge in JMD.
    by_source = {r.cells[0].head: r.cells for r in tables["remittance-funding-sources"].rows}
    assert by_source["IFAD Financing Facility for Remittances"][2].text == "13,950,000"
    assert sum(Decimal(r[1].text.replace(",", "")) for r in by_source.values()) == 60_550_000
    headings = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "strong"]
    assert "Funding these interventions mobilise (JMD)" in headings


def test_remittance_costs_are_placed_against_both_thresholds() -> None:
    from migsdg_plugins.finance.sections import standing

    assert standing(Decimal("5.01")).startswith("above 5%")
    assert standing(Decimal(5)).startswith("5% or less")
    assert standing(Decimal(3)).startswith("5% or less")
    assert standing(Decimal("2.99")).startswith("below 3%")


def test_a_plan_without_10c1_values_is_asked_for_them() -> None:
    plan = load_example("national")
    ivs = [attrs.evolve(iv, monitoring=()) for iv in remittance_interventions(plan)]
    changed = attrs.evolve(plan, interventions=tuple(ivs), interim_targets=())
    view = build_plan_section(REMITTANCE_SECTION, changed, language="fr")
    keys = [b.key for b in view.intro if isinstance(b, Table)]
    assert keys == ["remittance-funding", "remittance-funding-sources"]
    missing = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "missing"]
    assert any("10.c.1" in t and "Remittance Prices Worldwide" in t for t in missing)


def test_amounts_in_a_currency_without_a_rate_are_named_not_hidden() -> None:
    plan = load_example("national")
    changed = attrs.evolve(plan, exchange_rates=())
    view = build_plan_section(REMITTANCE_SECTION, changed)
    keys = [b.key for b in view.intro if isinstance(b, Table)]
    assert "remittance-funding-sources" not in keys  # sums that would leave USD out
    missing = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "missing"]
    assert (
        "Amounts in USD are left out: the plan gives no exchange rate to the plan's currency."
        in missing
    )


def test_the_interim_target_table_takes_10c_steps_only() -> None:
    plan = load_example("national")
    extra = InterimTarget(id="it-x", target="10.c", value=Decimal(4), unit="%", description="x")
    other = InterimTarget(id="it-y", target="3.c", indicator="3.c.1", value=Decimal(1))
    changed = attrs.evolve(plan, interim_targets=(*plan.interim_targets, extra, other))
    view = build_plan_section(REMITTANCE_SECTION, changed)
    [table] = [
        b for b in view.intro if isinstance(b, Table) and b.key == "remittance-interim-targets"
    ]
    assert [r.cells[0].text for r in table.rows] == [
        "5.0 per cent of USD 200 sent, average of the main corridors to Jamaica",
        "4 %",
    ]


# -- protection ------------------------------------------------------------------------------


def test_the_protection_section_reads_the_provincial_intervention_on_target_5_2() -> None:
    plan = load_example("provincial")
    [iv] = protection_interventions(plan)
    assert iv.id == "iv-violencia"
    assert instruments_of(iv) == ()
    view = build_plan_section(PROTECTION_SECTION, plan, language="es")
    assert (
        view.title
        == "Protección: violencia, explotación y trata que afectan a las personas migrantes"
    )
    paras = [b for b in view.intro if isinstance(b, Para)]
    assert paras[0].text.startswith("5.2 — Eliminar todas las formas de violencia")
    [table] = [b for b in view.intro if isinstance(b, Table)]
    [row] = table.rows
    assert row.cells[1].text == "5.2"
    assert row.cells[2].text.endswith(": desglosado por situación migratoria")
    assert row.cells[3].text.startswith("Objetivo 7: ")
    # The plan follows 5.2 with a proxy: the global indicators are named for it.
    assert any("5.2.1" in p.text and "5.2.2" in p.text for p in paras)
    # No text about trafficking, so no note on the Protocol.
    assert not any("55/25" in p.text for p in paras)


def test_trafficking_interventions_get_the_protocol_and_the_16_2_2_caveat() -> None:
    plan = load_example("provincial")
    iv = next(iv for iv in plan.interventions if iv.id == "iv-violencia")
    trafficking = attrs.evolve(
        iv,
        targets=("16.2",),
        description="Identify victims of trafficking in persons and refer them, as the "
        "Palermo Protocol and the Protocol of 2014 to the Forced Labour Convention ask.",
    )
    assert instruments_of(trafficking) == (
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women "
        "and Children (2000)",
        "Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29)",
    )
    view = build_plan_section(PROTECTION_SECTION, attrs.evolve(plan, interventions=(trafficking,)))
    paras = [b.text for b in view.intro if isinstance(b, Para)]
    assert any(p.startswith("Indicator 16.2.2, whose custodian is UNODC") for p in paras)
    assert any("resolution 55/25" in p for p in paras)
    assert not any("5.2.1" in p for p in paras)


# -- education -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schooled() -> ActionPlan:
    """The national example with an intervention from each education template."""
    plan = load_example("national")
    for template in EDUCATION_TEMPLATES:
        plan = template.add_to(plan)
    return plan


def test_the_education_section_sorts_interventions_into_its_two_strands(
    schooled: ActionPlan,
) -> None:
    strands = {iv.template: strand_of(iv) for iv in education_interventions(schooled)}
    assert strands == {
        "education.inclusive-schooling": INCLUSION,
        "education.language-and-teachers": INCLUSION,
        "education.global-convention": RECOGNITION,
        "education.qualifications-passport": RECOGNITION,
        "education.scholarships": RECOGNITION,
        "education.skills-partnership": RECOGNITION,
    }
    passport = next(
        iv for iv in schooled.interventions if iv.template == "education.qualifications-passport"
    )
    assert frameworks_of(passport)[:2] == (
        "UNESCO Global Convention on the Recognition of Qualifications concerning Higher "
        "Education (adopted 2019, in force since 5 March 2023)",
        "UNESCO Qualifications Passport for Refugees and Vulnerable Migrants",
    )
    view = build_plan_section(EDUCATION_SECTION, schooled, language="fr")
    assert [b.key for b in view.intro if isinstance(b, Table)] == ["recognition", "inclusion"]
    notes = [b.text for b in view.intro if isinstance(b, Para)]
    assert any(n.startswith("Le Passeport des qualifications de l'UNESCO") for n in notes)
    # Both inclusion interventions have indicators that tell migrant learners apart.
    assert not [b for b in view.intro if isinstance(b, Para) and b.kind == "missing"]


def test_an_inclusion_intervention_blind_to_migrants_is_told_so(schooled: ActionPlan) -> None:
    ivs = tuple(
        attrs.evolve(
            iv,
            monitoring=tuple(
                attrs.evolve(
                    m,
                    disaggregation=(),
                    indicator=attrs.evolve(m.indicator, name="Pupils enrolled", definition=""),
                )
                for m in iv.monitoring
            ),
        )
        for iv in education_interventions(schooled)
        if strand_of(iv) == INCLUSION
    )
    view = build_plan_section(EDUCATION_SECTION, attrs.evolve(schooled, interventions=ivs))
    [missing] = [b.text for b in view.intro if isinstance(b, Para) and b.kind == "missing"]
    assert "4.5.1" in missing


def test_the_education_section_reaches_the_draft_and_the_workbook(
    schooled: ActionPlan, tmp_path: Path
) -> None:
    with using_host(PluginHost(entry_points=bundled_entry_points())):
        draft = migsdg.export(
            schooled,
            tmp_path / "p.docx",
            language="es",
            sections=["cover", "education.recognition-inclusion"],
        )
        book = openpyxl.load_workbook(migsdg.export(schooled, tmp_path / "p.xlsx", language="es"))
    view = build_plan_section(EDUCATION_SECTION, schooled, language="es")
    texts = [p.text for p in docx.Document(str(draft)).paragraphs]
    assert any(t.endswith(view.title) for t in texts)
    assert "Educación" in book.sheetnames
    values = [v for row in book["Educación"].iter_rows(values_only=True) for v in row if v]
    assert "Reconocimiento de cualificaciones" in values


# -- the contract ---------------------------------------------------------------------------


@pytest.mark.parametrize("plugin", ["health", "finance", "protection", "education"])
def test_the_sector_plugins_keep_the_contract_with_their_sections(plugin: str) -> None:
    import importlib

    module = importlib.import_module(f"migsdg_plugins.{plugin}")
    report = check_plugin_contract(module, name=plugin)
    assert report.ok, str(report)
    assert report.registered["sections"] >= 1


def test_every_section_builds_on_an_empty_plan() -> None:
    empty = ActionPlan(id="empty")
    for section in ALL:
        assert not section.applies_to(empty)
        view = build_plan_section(section, empty)
        assert view.title
