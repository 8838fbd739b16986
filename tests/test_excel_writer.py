"""The exported workbook, reopened: sheets, formats, drop-down lists, computed sheets."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import migsdg
from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import write_template, write_workbook
from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET, Kind, choice_list_name

NATIONAL = load_example("national")
TODAY = dt.date(2025, 6, 30)
DATA_NAMES = [s.name for s in (FORM_SHEET, *DATA_SHEETS)]
COMPUTED = [
    "Funding summary",
    "Timeline",
    "Coverage",
    "Review",
    "Findings",
    "SDG targets",
    "Other codes",
]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import openpyxl

    path = tmp_path_factory.mktemp("w") / "national.xlsx"
    migsdg.export(NATIONAL, path, today=TODAY)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import openpyxl

    path = tmp_path_factory.mktemp("t") / "blank.xlsx"
    write_template(path)
    return openpyxl.load_workbook(path)


def header(ws: Any) -> dict[str, int]:
    return {c.value: c.column for c in ws[2] if c.value is not None}  # under the key row


#: The bundled sector plugins' sections the national example calls for: computed sheets
#: after the Review sheet (in the order the plugins registered them).
SECTION_SHEETS = {"Fair recruitment", "Health workforce", "Remittance costs"}


def test_sheets_in_order_with_lists_hidden(workbook: Any) -> None:
    names = workbook.sheetnames
    core = [n for n in names if n not in SECTION_SHEETS]
    assert core == ["Instructions", *DATA_NAMES, *COMPUTED, "Lists"]
    review = names.index("Review")
    assert set(names[review + 1 : review + 1 + len(SECTION_SHEETS)]) == SECTION_SHEETS
    assert workbook["Lists"].sheet_state == "hidden"
    assert all(workbook[n].sheet_state == "visible" for n in DATA_NAMES)


def test_data_sheets_have_frozen_styled_headers_and_widths(workbook: Any) -> None:
    for layout in DATA_SHEETS:
        ws = workbook[layout.name]
        # Row 1, hidden, keys each column; row 2 is the header people see.
        assert [c.value for c in ws[1]] == [
            f"migsdg:{col.stable_key}" for col in layout.all_columns
        ]
        assert ws.row_dimensions[1].hidden
        assert [c.value for c in ws[2]] == [col.title for col in layout.all_columns]
        assert ws.freeze_panes == "B3"
        assert ws.auto_filter.ref.startswith("A2:")
        assert ws[2][0].font.bold
        for i, col in enumerate(layout.all_columns, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            assert ws.column_dimensions[letter].width == col.width


def test_cells_carry_number_formats_and_wrapping(workbook: Any) -> None:
    ws = workbook["Interventions"]
    cols = header(ws)
    assert ws.cell(row=3, column=cols["Start date"]).number_format == "yyyy-mm-dd"
    assert ws.cell(row=3, column=cols["Start date"]).is_date
    assert ws.cell(row=3, column=cols["Description"]).alignment.wrap_text
    resources = workbook["Resources"]
    amount = resources.cell(row=3, column=header(resources)["Amount"])
    assert amount.number_format == "#,##0.00##"
    assert isinstance(amount.value, (int, float))


def test_every_coded_column_has_a_drop_down_from_the_lists_sheet(workbook: Any) -> None:
    names = workbook.defined_names
    lists = workbook["Lists"]
    for layout in DATA_SHEETS:
        ws = workbook[layout.name]
        validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
        for i, col in enumerate(layout.all_columns, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            dv = validations.get(f"{letter}3:{letter}1048576")
            if col.kind in (Kind.CHOICE, Kind.SLOT, Kind.CHOICES):
                assert col.choices is not None
                name = choice_list_name(col.choices)
                assert dv is not None and dv.type == "list", (layout.name, col.title)
                assert dv.formula1 == name
                # One choice, or (disaggregation) several separated by commas.
                assert dv.showErrorMessage is (col.kind is not Kind.CHOICES)
                # The defined name points at the choices' labels.
                (dest,) = names[name].destinations
                cells = [c.value for row in lists[dest[1].replace("$", "")] for c in row]
                assert cells == [e.label for e in col.choices]
            elif col.kind in (Kind.TARGET, Kind.TARGETS):
                assert dv is not None and dv.formula1 == "list_SDGTarget"
            elif col.kind in (Kind.REF, Kind.PARENT) and col.ref in ("Actors", "Interventions"):
                assert dv is not None and dv.formula1.startswith(f"{col.ref}!$A$3:$A$"), (
                    layout.name,
                    col.title,
                )
        # Each header cell shows its column's help when selected.
        prompts = {str(dv.sqref): dv.prompt for dv in ws.data_validations.dataValidation}
        assert prompts["A2"] == layout.all_columns[0].help
        # The key row refuses typing over it, and says why.
        last = ws.cell(row=1, column=len(layout.all_columns)).column_letter
        guard = validations[f"A1:{last}1"]
        assert guard.type == "custom" and guard.errorStyle == "stop"
        assert "which column is which" in guard.error


def test_plan_form_has_fields_values_and_guidance(workbook: Any) -> None:
    ws = workbook["Plan"]
    fields = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(2, 16)}
    assert fields["Plan ID"].value == NATIONAL.id
    assert fields["Status"].value == NATIONAL.status.label
    assert fields["Period start"].value.date() == NATIONAL.period.start
    assert ws["C2"].value == FORM_SHEET.columns[0].help


def test_instructions_say_that_import_replaces(workbook: Any) -> None:
    text = "\n".join(
        str(c.value) for row in workbook["Instructions"].iter_rows() for c in row if c.value
    )
    assert "Importing REPLACES the plan" in text
    assert "migsdg import" in text and "--dry-run" in text
    for name in DATA_NAMES:
        assert f"\n{name}\n" in text


def test_funding_summary_is_made_of_formulas_over_the_data_sheets(workbook: Any) -> None:
    ws = workbook["Funding summary"]
    first = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Intervention ID")
    row = [c.value for c in ws[first + 1]]
    assert row[0] == '=IF(Interventions!$A$3="","",Interventions!$A$3)'
    assert "SUMIFS(Resources!$C:$C,Resources!$A:$A,$J" in row[2]
    assert "'Supporting activities'!$D:$D" in row[3]
    assert 'Funding!$E:$E,"Secured"' in row[5]
    assert row[8].startswith("=IF($A") and "MAX(0," in row[8]
    # Rows reach past the plan's interventions, so rows added in Excel count too.
    n = len(NATIONAL.interventions)
    assert ws.cell(row=first + n + 50, column=1).value == (
        f'=IF(Interventions!$A${n + 52}="","",Interventions!$A${n + 52})'
    )
    labels = [c.value for c in ws["L"] if isinstance(c.value, str)]
    assert [lab for lab in labels if lab in {c.label for c in m.FundingCategory}] == [
        c.label for c in m.FundingCategory
    ]


def test_funding_summary_converts_other_currencies_with_the_rate_cells(tmp_path: Path) -> None:
    import openpyxl

    plan = m.ActionPlan(
        id="p",
        currency="JMD",
        exchange_rates=(m.ExchangeRate(currency="USD", rate=Decimal(155)),),
        interventions=(
            m.Intervention(
                id="iv",
                resources=(
                    m.CostLine(description="a", amount=Decimal(10), currency="USD"),
                    m.CostLine(description="b", amount=Decimal(5), currency="EUR"),
                ),
            ),
        ),
    )
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path)
    ws = openpyxl.load_workbook(path)["Funding summary"]
    resources = ws["C6"].value
    assert "('Exchange rates'!$B$3-1)*SUMIFS(" in resources
    assert ",Resources!$D:$D,'Exchange rates'!$A$3)" in resources
    assert '-SUMIFS(Resources!$C:$C,Resources!$A:$A,$J6,Resources!$D:$D,"EUR")' in resources
    assert "EUR have no exchange rate" in ws["A4"].value


def test_timeline_fills_the_quarters_an_intervention_runs(workbook: Any) -> None:
    ws = workbook["Timeline"]
    head = [c.value for c in ws[1]]
    iv = NATIONAL.interventions[0]
    r = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == iv.id)
    filled = [
        head[c.column - 1]
        for c in ws[r][4:]
        if c.fill is not None and c.fill.fgColor.rgb not in (None, "00000000")
    ]
    start, end = iv.timeframe.start, iv.timeframe.end
    assert start is not None and end is not None
    assert filled[0] == f"{start.year} Q{(start.month - 1) // 3 + 1}"
    assert filled[-1] == f"{end.year} Q{(end.month - 1) // 3 + 1}"
    marks = [head[c.column - 1] for c in ws[r][4:] if c.value == "◆"]
    assert len(marks) == len({ms.date for ms in iv.timeframe.milestones if ms.date})


def test_coverage_cells_take_the_goals_colours(workbook: Any) -> None:
    ws = workbook["Coverage"]
    codes = [c.value for c in ws[1]][2:]
    assert codes[: len(NATIONAL.targets)] == list(NATIONAL.targets)
    cat = migsdg.get_catalogue()
    iv = NATIONAL.interventions[0]
    r = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == iv.id)
    for target in iv.targets:
        cell = ws.cell(row=r, column=3 + codes.index(target))
        goal = cat.target(target).goal
        assert cell.value == "●"
        assert cell.fill.fgColor.rgb == "FF" + cat.goals[goal].colour.lstrip("#").upper()
    others = [t for t in codes if t not in iv.targets]
    assert all(ws.cell(row=r, column=3 + codes.index(t)).value is None for t in others)


def test_findings_sheet_lists_the_current_check_results(workbook: Any) -> None:
    ws = workbook["Findings"]
    report = migsdg.check(NATIONAL, today=TODAY)
    # Title, the count as of the checks' date, a note, then the header and one row each.
    assert "Checked against the action-plan criteria as at 30 June 2025" in ws["A2"].value
    assert [c.value for c in ws[4]][:5] == [
        "Severity",
        "Code",
        "Where",
        "Finding",
        "How to address it",
    ]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert [(r[0], r[1], r[2].split("\n")[-1], r[3]) for r in rows] == [
        (f.severity.label, f.code, f.location, str(f.message)) for f in report.findings
    ]
    assert ws.freeze_panes == "A5"


def test_findings_sheet_shows_the_report_its_caller_gives(tmp_path: Path) -> None:
    import openpyxl

    report = migsdg.check(NATIONAL, today=TODAY, select=["AP402"])
    assert report.findings and {f.code for f in report.findings} == {"AP402"}
    path = migsdg.export(NATIONAL, tmp_path / "plan.xlsx", findings=report, today=TODAY)
    assert path is not None
    ws = openpyxl.load_workbook(path)["Findings"]
    codes = [row[1] for row in ws.iter_rows(min_row=5, values_only=True)]
    assert codes == [f.code for f in report.findings]
    with pytest.raises(migsdg.ExportError, match="check report"):
        write_workbook(NATIONAL, tmp_path / "bad.xlsx", findings="AP402")  # type: ignore[arg-type]


def test_blank_template_has_headers_lists_and_instructions_but_no_data(template: Any) -> None:
    assert template.sheetnames == [
        "Instructions",
        *DATA_NAMES,
        "Funding summary",
        "SDG targets",
        "Other codes",
        "Lists",
    ]
    for layout in DATA_SHEETS:
        assert template[layout.name].max_row == 2, layout.name  # the key row and the header
    assert all(template["Plan"].cell(row=r, column=2).value is None for r in range(2, 16))
    assert template["Interventions"].data_validations.dataValidation


def test_data_only_export_leaves_out_the_computed_sheets(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "data.xlsx"
    migsdg.export(NATIONAL, path, computed="false")
    sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert sheets == ["Instructions", *DATA_NAMES, "Lists"]


def test_bad_options_are_export_errors(tmp_path: Path) -> None:
    with pytest.raises(migsdg.ExportError, match="computed must be true or false"):
        migsdg.export(NATIONAL, tmp_path / "a.xlsx", computed="maybe")
    with pytest.raises(migsdg.ExportError, match="today must be a date"):
        migsdg.export(NATIONAL, tmp_path / "a.xlsx", today="tomorrow")
    with pytest.raises(migsdg.ExportError, match="no option colour"):
        migsdg.export(NATIONAL, tmp_path / "a.xlsx", colour="red")


def test_interventions_sharing_an_id_cannot_be_exported(tmp_path: Path) -> None:
    a = m.Intervention(id="iv", roles=(m.Role(stage=m.Stage.DESIGN, actor="x"),))
    plan = m.ActionPlan(id="p", interventions=(a, m.Intervention(id="iv")))
    target = tmp_path / "p.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(migsdg.ExportError, match="2 interventions have the ID 'iv'"):
        write_workbook(plan, target)
    assert target.read_bytes() == b"previous"  # untouched
    # Without rows on other sheets, shared IDs are harmless and export.
    write_workbook(attrs.evolve(plan, interventions=(m.Intervention(id="iv"),) * 2), target)


def test_text_too_long_for_a_cell_is_an_export_error_naming_it(tmp_path: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    before = set(ALL_TEMP_FILES)
    iv = m.Intervention(id="iv", rationale="x" * 40_000)
    with pytest.raises(migsdg.ExportError, match=r"Interventions row 3 \(Rationale\): 40,000"):
        write_workbook(m.ActionPlan(id="p", interventions=(iv,)), tmp_path / "p.xlsx")
    assert not list(tmp_path.iterdir())
    assert set(ALL_TEMP_FILES) <= before  # the streamed sheets' temporary files are gone


def test_importing_migsdg_and_its_excel_package_stays_light() -> None:
    code = (
        "import sys, migsdg, migsdg.excel, migsdg.excel.layout; "
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_sheet_prints_landscape_and_one_page_wide_unless_too_wide(workbook: Any) -> None:
    from migsdg.excel.writer import _PRINT_WIDTH

    widths = {s.name: sum(c.width for c in s.all_columns) for s in DATA_SHEETS}
    assert max(widths.values()) > _PRINT_WIDTH > min(widths.values())  # both kinds exist
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        if widths.get(ws.title, 0) > _PRINT_WIDTH:
            # Shrunk onto one page it would be unreadable: full size, the ID column and
            # the header on every page, a band of rows printed across before going down.
            assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
            assert ws.print_title_cols == "$A:$A", ws.title
            assert ws.page_setup.pageOrder == "overThenDown", ws.title
        else:
            assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
            assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
        if ws.title in widths:
            assert ws.print_title_rows == "$2:$2", ws.title  # the header, not the key row


def test_wrapped_text_rows_are_as_tall_as_their_text(workbook: Any) -> None:
    """LibreOffice does not grow a row for wrapped text written without a height: the
    instructions, the Plan form's guidance and long headers would show one line."""
    ws = workbook["Instructions"]
    paragraphs = [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(r, 2).value, str)]
    heights = {len(ws.cell(r, 2).value): ws.row_dimensions[r].height for r in paragraphs}
    longest, shortest = max(heights), min(heights)
    assert longest > 300 and shortest < 100
    assert heights[longest] is not None and heights[longest] >= 3 * 14.5
    assert heights[shortest] is None  # one line keeps the default height
    form = workbook["Plan"]
    summary = next(
        r for r in range(2, form.max_row + 1) if form.cell(r, 4).value == "migsdg:summary"
    )
    lines = len(form.cell(summary, 2).value) / 60
    assert form.row_dimensions[summary].height >= lines * 14.5
    roles = workbook["Interventions"]
    titles = {c.value: c.column for c in roles[2]}
    tall = [
        t
        for t, col in titles.items()
        if len(t) > roles.column_dimensions[roles.cell(2, col).column_letter].width * 1.05
    ]
    assert tall and roles.row_dimensions[2].height >= 2 * 14.5
