"""Sections plugins add to the Word draft and the workbook (migsdg_register_sections).

A plugin installed as a real distribution adds an annex and a section inside each
intervention it concerns; both reach the Word draft and the workbook (a computed sheet,
not imported), in the plan's language. A section that raises is named and left out while
the draft is still written; ids outside the plugin's namespace are refused; the contract
check builds sections in every language and reports untranslated texts.
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest

import fast_set
import migsdg
from migsdg.cli import main
from migsdg.examples import load_example
from migsdg.i18n import languages
from migsdg.plugins import PluginHost, using_host
from migsdg.present import Para, Table
from migsdg.sections import PlanSection, SectionContext, section_views
from migsdg.testing import build_plan_section, check_plugin_contract, make_host, render_section
from migsdg.word.bidi import MARKS
from migsdg_plugins.labour.sections import FAIR_RECRUITMENT_SECTION, principles_of
from plugin_packages import bundled_entry_points, install

#: A third-party plugin with two sections: an annex about every plan, and a section inside
#: each fisheries intervention; its texts carry their own Spanish and French.
TIDES = """
from migsdg import hookimpl
from migsdg.sections import PlanSection


def annex(ctx):
    rows = [
        (ctx.intervention_name(iv), ctx.number(len(iv.targets)))
        for iv in ctx.plan.interventions
    ]
    columns = [("Intervention", ctx._("Intervention")), ("Targets", ctx._("Targets"), True)]
    return [
        ctx.para(ctx._("Tide tables for coastal interventions."), "note"),
        ctx.table("tides", columns, rows),
    ]


def inside(ctx):
    return [ctx.para(ctx._("Harbour checks for {title}.", title=ctx.intervention.title))]


def broken(ctx):
    raise RuntimeError("the tide service is down")


T = {
    "es": {
        "Coastal annex": "Anexo costero",
        "Tide tables for coastal interventions.": "Tablas de mareas.",
        "Targets": "Metas",
        "Harbour checks": "Controles portuarios",
        "Harbour checks for {title}.": "Controles portuarios de {title}.",
        "Broken annex": "Anexo roto",
    },
    "fr": {
        "Coastal annex": "Annexe côtière",
        "Tide tables for coastal interventions.": "Tables des marées.",
        "Targets": "Cibles",
        "Harbour checks": "Contrôles portuaires",
        "Harbour checks for {title}.": "Contrôles portuaires de {title}.",
        "Broken annex": "Annexe cassée",
    },
}


@hookimpl
def migsdg_register_sections(register):
    register(PlanSection(id="tides.coastal-annex", title="Coastal annex", build=annex,
                         translations=T, description="Tide tables"))
    register(PlanSection(id="tides.harbour", title="Harbour checks", build=inside,
                         placement="intervention", sectors=("Finance",), translations=T))
    register(PlanSection(id="tides.broken", title="Broken annex", build=broken, translations=T))
    register(PlanSection(id="labour.stolen", title="Not mine", build=annex))
"""


@pytest.fixture(scope="module")
def tides(tmp_path_factory: pytest.TempPathFactory) -> types.ModuleType:
    """The plugin, installed as a distribution (entry point ``tides``)."""
    import importlib

    with pytest.MonkeyPatch.context() as mp:
        install(
            tmp_path_factory.mktemp("tides"), mp, entry_point="tides", module="tides", source=TIDES
        )
        yield importlib.import_module("tides")


@pytest.fixture
def host(tides: types.ModuleType) -> PluginHost:
    found = PluginHost(entry_points=[*bundled_entry_points(), _entry_point("tides")])
    with using_host(found):
        yield found


def _entry_point(name: str):
    from importlib import metadata

    return next(ep for ep in metadata.entry_points(group="migsdg") if ep.name == name)


def _paragraphs(path: Path) -> list[str]:
    """The draft's paragraphs and cells as they read (without the directional marks an
    Arabic draft sets around left-to-right text)."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    unmarked = {ord(c): None for c in MARKS}
    return [t.translate(unmarked) for t in texts]


def test_the_installed_plugins_sections_are_registered_in_its_namespace(host: PluginHost) -> None:
    sections = host.sections()
    assert {"tides.coastal-annex", "tides.harbour", "tides.broken"} <= set(sections)
    assert sections["tides.harbour"].plugin == "tides"
    assert "labour.stolen" not in sections
    [refused] = [f for f in host.failures if "labour.stolen" in f.reason]
    assert refused.plugin == "tides" and "namespace 'labour'" in refused.reason
    assert host.registered_by("tides")["sections"] == 3


@pytest.mark.parametrize("language", fast_set.languages(["en", "es", "fr"]))
def test_sections_reach_the_word_draft_in_the_plans_language(
    host: PluginHost, tmp_path: Path, language: str
) -> None:
    plan = load_example("national")
    path = migsdg.export(plan, tmp_path / "plan.docx", language=language)
    texts = _paragraphs(path)
    tides = tides_texts(language)
    assert any(
        t.endswith(tides["Coastal annex"]) and t.startswith(("Annex", "Anexo", "Annexe"))
        for t in texts
    )
    assert tides["Tide tables for coastal interventions."] in texts
    remittance = next(iv for iv in plan.interventions if iv.sector == "Finance")
    assert tides["Harbour checks for {title}."].format(title=remittance.title) in texts
    # The broken section is left out; the draft is still written.
    assert not any(tides["Broken annex"] in t for t in texts)
    assert any(
        "tides.broken" in f.reason and "tide service is down" in f.reason for f in host.failures
    )


def tides_texts(language: str) -> dict[str, str]:
    messages = [
        "Coastal annex",
        "Tide tables for coastal interventions.",
        "Harbour checks for {title}.",
        "Broken annex",
    ]
    if language == "en":
        return {m: m for m in messages}
    module = sys.modules["tides"]
    return {m: module.T[language][m] for m in messages}


def test_the_intervention_section_sits_inside_its_interventions_part(
    host: PluginHost, tmp_path: Path
) -> None:
    plan = load_example("national")
    paragraphs = docx.Document(str(migsdg.export(plan, tmp_path / "p.docx"))).paragraphs
    texts = [p.text for p in paragraphs]
    finance = [n for n, iv in enumerate(plan.interventions, 1) if iv.sector == "Finance"]
    [n] = finance

    def heading(number: int) -> int:
        # The intervention's own heading (the contents and the progress chapter name the
        # interventions too, in other styles).
        [i] = [
            i
            for i, p in enumerate(paragraphs)
            if p.text.startswith(f"Intervention {number}:") and p.style.name == "Heading 2"
        ]
        return i

    assert "Harbour checks" in texts[heading(n) : heading(n + 1)]


def test_sections_are_computed_sheets_of_the_workbook_and_not_imported(
    host: PluginHost, tmp_path: Path
) -> None:
    plan = load_example("national")
    path = migsdg.export(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert "Coastal annex" in book.sheetnames and "Harbour checks" in book.sheetnames
    assert "Broken annex" not in book.sheetnames
    sheet = book["Coastal annex"]
    values = [v for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert "Tide tables for coastal interventions." in values
    assert migsdg.load_plan(path) == plan


def test_omit_and_sections_take_plugin_section_ids(host: PluginHost, tmp_path: Path) -> None:
    plan = load_example("national")
    left_out = migsdg.export(plan, tmp_path / "a.docx", omit=["tides.coastal-annex"])
    assert not any("Coastal annex" in t for t in _paragraphs(left_out))
    only = migsdg.export(plan, tmp_path / "b.docx", sections=["cover", "tides.coastal-annex"])
    texts = _paragraphs(only)
    assert any(t.endswith("Coastal annex") for t in texts)
    assert "Rationale" not in texts  # no intervention section
    with pytest.raises(migsdg.ExportError, match=r"tides\.coastal-anex"):
        migsdg.export(plan, tmp_path / "c.docx", omit=["tides.coastal-anex"])


def test_the_command_line_lists_and_counts_sections(
    host: PluginHost, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["export", "--list-sections"]) == 0
    out = capsys.readouterr().out
    assert "tides.coastal-annex" in out and "tides, annex: Tide tables" in out
    assert "labour.fair-recruitment" in out and "findings  (review copy only)" in out
    assert main(["plugins"]) == 1  # tides failed in part (its broken section, its stolen id)
    out = capsys.readouterr().out
    assert "3 sections" in out and "1 section" in out


def test_a_raising_section_is_named_and_the_draft_still_exports(
    tides: types.ModuleType, tmp_path: Path
) -> None:
    env = {"MIGSDG_DISABLE_PLUGINS": ""}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "migsdg",
            "export",
            "--example",
            "national",
            "-o",
            str(tmp_path / "plan.docx"),
        ],
        capture_output=True,
        text=True,
        env={**_environ(), **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.docx").is_file()
    assert "plugin 'tides'" in result.stderr and "tides.broken" in result.stderr
    assert "Traceback" not in result.stderr


def _environ() -> dict[str, str]:
    import os

    paths = [p for p in sys.path if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


# -- the bundled labour section ------------------------------------------------------------


@pytest.mark.parametrize("language", fast_set.languages(languages()))
def test_the_labour_section_is_in_the_national_draft_and_workbook(
    tmp_path: Path, language: str
) -> None:
    host = PluginHost(entry_points=bundled_entry_points())
    plan = load_example("national")
    with using_host(host):
        draft = migsdg.export(plan, tmp_path / "plan.docx", language=language)
        book = openpyxl.load_workbook(
            migsdg.export(plan, tmp_path / "plan.xlsx", language=language), read_only=True
        )
    view = build_plan_section(FAIR_RECRUITMENT_SECTION, plan, language=language)
    texts = _paragraphs(draft)
    assert any(t.endswith(view.title) for t in texts)
    table = next(b for b in view.intro if isinstance(b, Table))
    for row in table.rows:
        assert row.cells[0].text in texts
    assert any(view.title.startswith(name) for name in book.sheetnames)


def test_the_labour_section_reads_principles_from_templates_indicators_and_form() -> None:
    plan = load_example("national")
    by_id = {iv.id: iv for iv in plan.interventions}
    assert principles_of(by_id["iv-ethical-recruitment"]) == (1, 5, 7)
    assert principles_of(by_id["iv-recruitment-law"]) == (3, 5, 7)
    view = build_plan_section(FAIR_RECRUITMENT_SECTION, plan)
    notes = [b.text for b in view.intro if isinstance(b, Para)]
    assert any(
        n.startswith("General principles no labour mobility intervention addresses yet: 2")
        for n in notes
    )
    plain = attrs.evolve(plan, interventions=())
    assert not FAIR_RECRUITMENT_SECTION.applies_to(plain)


def test_the_labour_section_is_left_out_of_a_plan_without_labour_interventions(
    tmp_path: Path,
) -> None:
    plan = load_example("provincial")
    with using_host(PluginHost(entry_points=bundled_entry_points())):
        texts = _paragraphs(migsdg.export(plan, tmp_path / "p.docx", language="en"))
    assert not any("ILO General Principles" in t for t in texts)


# -- the plugin contract and the testing helpers ---------------------------------------


def test_the_contract_reports_untranslated_and_failing_sections() -> None:
    def build(ctx: SectionContext) -> list[Para]:
        return [ctx.para(ctx._("A text nobody translated"))]

    def crash(ctx: SectionContext) -> list[Para]:
        raise ValueError("no data")

    module = types.ModuleType("mangroves")
    from migsdg import hookimpl

    @hookimpl
    def migsdg_register_sections(register):  # type: ignore[no-untyped-def]
        register(PlanSection(id="mangroves.annex", title="Mangrove annex", build=build))
        register(
            PlanSection(
                id="mangroves.crash",
                title="Crash",
                build=crash,
                translations={lang: {"Crash": "x"} for lang in languages()},
            )
        )

    module.migsdg_register_sections = migsdg_register_sections  # type: ignore[attr-defined]
    report = check_plugin_contract(module, name="mangroves")
    text = str(report)
    assert not report.ok
    for language in languages():
        if language != "en":
            assert f"no {language} translation of 'A text nobody translated'" in text
            assert f"no {language} translation of 'Mangrove annex'" in text
    assert "ValueError: no data" in text


def test_bundled_sections_hold_the_contract() -> None:
    import migsdg_plugins.labour as labour

    report = check_plugin_contract(labour, name="labour")
    assert report.ok, str(report)
    assert report.registered["sections"] == 1


def test_render_section_writes_a_document_to_reopen(tmp_path: Path) -> None:
    section = attrs.evolve(FAIR_RECRUITMENT_SECTION, plugin="labour")
    path = render_section(section, tmp_path / "s.docx", language="fr")
    assert any(t.startswith("Annexe A. Recrutement équitable") for t in _paragraphs(path))
    book = render_section(section, tmp_path / "s.xlsx", workbook=True)
    assert "Fair recruitment" in openpyxl.load_workbook(book, read_only=True).sheetnames


def test_a_malformed_build_result_is_the_plugins_error() -> None:
    bad = PlanSection(id="x.bad", title="Bad", build=lambda ctx: "not blocks", plugin="x")
    failures: list = []
    tr = __import__("migsdg.i18n", fromlist=["translator"]).translator("en")
    assert section_views([bad], load_example("national"), tr, failures=failures) == []
    [failure] = failures
    assert failure.plugin == "x" and "not a list" in failure.reason


@pytest.mark.parametrize("bad_id", ["nodot", "Upper.case", ".empty", "a.", "a.b c"])
def test_section_ids_must_be_namespaced(bad_id: str) -> None:
    with pytest.raises(migsdg.MigsdgError, match="namespace"):
        PlanSection(id=bad_id, title="t", build=lambda ctx: [])


def test_unknown_placement_is_refused() -> None:
    with pytest.raises(migsdg.MigsdgError, match="placement"):
        PlanSection(id="a.b", title="t", build=lambda ctx: [], placement="margin")  # type: ignore[arg-type]


def test_make_host_keeps_the_section_with_its_plugin() -> None:
    import migsdg_plugins.labour as labour

    host = make_host({"labour": labour})
    assert host.sections()["labour.fair-recruitment"].plugin == "labour"
