"""Importing edited workbooks: every problem named by sheet, cell and column, all at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import migsdg
from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import read_workbook, write_workbook
from migsdg.excel.layout import HEADER_ROW

# Every test here runs through both workbook readers (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("excel_reader")

NATIONAL = load_example("national")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("x") / "national.xlsx"
    write_workbook(NATIONAL, path, computed=False)
    return path


@pytest.fixture
def book(exported: Path, tmp_path: Path) -> Path:
    """A fresh copy of the exported national plan, to edit."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(exported.read_bytes())
    return path


def column(ws: Any, title: str) -> int:
    """The column of ``title`` in a data sheet's header (row 2, under the hidden key row);
    on the Plan form, in its header (row 1)."""
    for cell in ws[1 if ws.title == "Plan" else HEADER_ROW]:
        if cell.value == title:
            return int(cell.column)
    raise KeyError(title)


def row_of(ws: Any, first_column_value: str, start: int = 3) -> int:
    for r in range(start, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == first_column_value:
            return r
    raise KeyError(first_column_value)


def edit(path: Path, changes: list[tuple[str, int, str, Any]]) -> list[str]:
    """Set (sheet, row, column title, value) cells; return their coordinates."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    coords = []
    for sheet, row, title, value in changes:
        ws = wb[sheet]
        cell = ws.cell(row=row, column=column(ws, title))
        cell.value = value
        coords.append(cell.coordinate)
    wb.save(path)
    return coords


def problems(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path, **kwargs)
    assert info.value.source == str(path)
    return [str(p) for p in info.value.problems]


def test_a_bad_date_is_named_by_sheet_cell_and_column(book: Path) -> None:
    (cell,) = edit(book, [("Interventions", 8, "End date", "sometime")])
    assert problems(book) == [
        f"Interventions!{cell} (End date): 'sometime' is not a date (YYYY-MM-DD)"
    ]


def test_every_problem_is_reported_at_once_in_workbook_order(book: Path) -> None:
    cells = edit(
        book,
        [
            ("Resources", 4, "Amount", "a lot"),
            ("Interventions", 4, "Type", "New polcy"),
            ("Interventions", 3, "Start date", "soon"),
            ("Plan", 9, "Value", "whenever"),
        ],
    )
    found = problems(book)
    assert [p.split(" ", 1)[0] for p in found] == [
        f"Plan!{cells[3]}",
        f"Interventions!{cells[2]}",
        f"Interventions!{cells[1]}",
        f"Resources!{cells[0]}",
    ]
    assert "(Type): 'New polcy' is not one of the choices" in found[2]
    assert "did you mean 'New policy and/or legislation'?" in found[2]
    assert "(Amount): 'a lot' is not a number" in found[3]
    assert "(Period end): 'whenever' is not a date" in found[0]


def test_a_formula_in_a_data_sheet_is_refused(book: Path) -> None:
    (cell,) = edit(book, [("Resources", 3, "Amount", "=1000*12")])
    (found,) = problems(book)
    assert found.startswith(f"Resources!{cell} (Amount): a formula ('=1000*12')")
    assert "type the value itself" in found


def test_edits_to_computed_sheets_are_ignored(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "plan.xlsx"
    write_workbook(NATIONAL, path)
    wb = openpyxl.load_workbook(path)
    for name in ("Funding summary", "Timeline", "Coverage", "Review", "Findings", "SDG targets"):
        wb[name]["A2"] = "=1/0"
        wb[name]["C3"] = "edited"
    wb.create_sheet("My notes")["A1"] = "anything"
    wb.save(path)
    assert read_workbook(path) == NATIONAL


def test_a_row_naming_an_unknown_intervention_names_both(book: Path) -> None:
    (cell,) = edit(book, [("Roles", 3, "Intervention ID", "iv-polcy")])
    (found,) = problems(book)
    assert found == (
        f"Roles!{cell} (Intervention ID): no intervention has the ID 'iv-polcy' on the "
        "Interventions sheet (did you mean 'iv-policy'?)"
    )


def test_a_row_naming_an_unknown_actor_or_source_names_both(book: Path) -> None:
    cells = edit(
        book,
        [("Roles", 3, "Actor ID", "no-such-actor"), ("Funding", 3, "Source ID", "goj-budgett")],
    )
    found = problems(book)
    assert found == [
        f"Roles!{cells[0]} (Actor ID): no actor has the ID 'no-such-actor' on the Actors sheet",
        f"Funding!{cells[1]} (Source ID): no funding source has the ID 'goj-budgett' on the "
        "Funding sources sheet (did you mean 'goj-budget'?)",
    ]
    plan = read_workbook(book, check_references=False)
    assert plan.interventions[0].roles[0].actor == "no-such-actor"


def test_rows_cannot_belong_to_one_of_two_interventions_sharing_an_id(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Interventions"]
    ws.cell(row=4, column=1).value = "iv-policy"  # the second intervention now shares it
    wb.save(book)
    found = problems(book)
    assert any(
        "2 rows of the Interventions sheet (rows 3, 4) have the ID 'iv-policy'" in p for p in found
    )


def test_a_missing_sheet_is_an_error_not_a_silent_loss(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    del wb["Roles"]
    del wb["Indicator values"]
    wb.save(book)
    found = problems(book)
    assert len(found) == 2
    assert found[0].startswith("Roles: the sheet is missing. Importing replaces the whole plan")
    assert found[1].startswith("'Indicator values': the sheet is missing")


def test_an_unknown_column_is_an_error(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Actors"]
    # A column added by hand has no key in the hidden key row: its header must be known.
    new = ws.max_column + 1
    ws.cell(row=HEADER_ROW, column=new).value = "Contacts"
    ws.cell(row=3, column=new).value = "Ms A"
    wb.save(book)
    (found,) = problems(book)
    letter = ws.cell(row=HEADER_ROW, column=new).column_letter
    assert found.startswith(
        f"Actors!{letter}2: unknown column 'Contacts' (did you mean 'Contact'?)"
    )


def test_columns_may_be_reordered_and_headers_vary_in_case(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Resources"]
    ws.move_range("B1:B500", cols=10)  # Description moves to the far right
    ws.cell(row=HEADER_ROW, column=column(ws, "Amount")).value = "  AMOUNT "
    wb.save(book)
    assert read_workbook(book) == NATIONAL


def test_blank_rows_are_skipped(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb["Roles"].insert_rows(4, amount=3)
    wb.save(book)
    assert read_workbook(book) == NATIONAL


def test_choices_accept_labels_and_codes_in_any_case(book: Path) -> None:
    edit(
        book,
        [
            ("Interventions", 3, "Type", "NEW_POLICY_OR_LEGISLATION"),
            ("Interventions", 4, "Type", "rights-based"),
            ("Interventions", 5, "Form", "  programme "),
        ],
    )
    plan = read_workbook(book)
    assert plan.interventions[0].type is m.InterventionType.NEW_POLICY_OR_LEGISLATION
    assert plan.interventions[1].type is m.InterventionType.RIGHTS_BASED
    assert plan.interventions[2].form is m.InterventionForm.PROGRAMME


def test_values_typed_in_excel_are_read_as_meant(book: Path) -> None:
    edit(
        book,
        [
            ("Interventions", 3, "Start date", "2026-03-31"),  # a date typed as text
            ("Interventions", 3, "Title", 2030),  # a number in a text column
            ("Interim targets", 3, "SDG target", 10.7),  # a code Excel made a number
            ("Resources", 3, "Amount", "1,250,000.50"),
            ("Resources", 3, "Year", 2026.0),
            ("Objectives", 3, "SDG targets", "10.7; 8.8\n17.18"),
        ],
    )
    plan = read_workbook(book)
    iv = plan.interventions[0]
    assert iv.timeframe.start == dt.date(2026, 3, 31)
    assert iv.title == "2030"
    assert plan.interim_targets[0].target == "10.7"
    assert iv.resources[0].amount == Decimal("1250000.50")
    assert iv.resources[0].year == 2026
    assert plan.objectives[0].targets == ("10.7", "8.8", "17.18")


def test_a_choice_typed_alike_in_many_rows_is_read_and_refused_in_each(book: Path) -> None:
    # The reader reads each text of a choice column once; every row still gets its own
    # value, and a wrong one is reported in each cell it is in.
    cells = edit(
        book,
        [
            ("Interventions", 3, "Type", "rights-based"),
            ("Interventions", 4, "Type", "rights-based"),
            ("Interventions", 5, "Type", "Rights based"),
            ("Interventions", 6, "Type", "rights-bsed"),
            ("Interventions", 7, "Type", "rights-bsed"),
        ],
    )
    found = problems(book)
    assert [p.split(":")[0] for p in found] == [f"Interventions!{c} (Type)" for c in cells[3:]]
    edit(book, [("Interventions", r, "Type", "rights-based") for r in (6, 7)])
    plan = read_workbook(book)
    assert [iv.type for iv in plan.interventions[:5]] == [m.InterventionType.RIGHTS_BASED] * 5


def test_numbers_and_dates_of_other_types_are_still_checked(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Interventions"]
    start = ws.cell(row=3, column=column(ws, "Start date"))
    start.value, start.number_format = 46000, "General"  # a number, not a date
    ws = wb["Resources"]
    amount = ws.cell(row=3, column=column(ws, "Amount"))
    amount.value = "a lot"
    year = ws.cell(row=4, column=column(ws, "Year"))
    year.value = True
    wb.save(book)
    found = problems(book)
    assert found[0].startswith(f"Interventions!{start.coordinate} (Start date): 46000 is a number")
    assert [p.split(":")[0] for p in found[1:]] == [
        f"Resources!{amount.coordinate} (Amount)",
        f"Resources!{year.coordinate} (Year)",
    ]


def test_text_in_a_text_column_is_kept_as_written(book: Path) -> None:
    # Excel's escapes are undone; a lone surrogate's escape is no character, so it stays
    # as written (no text of a plan read from a workbook can hold a lone surrogate).
    edit(
        book,
        [
            ("Interventions", 3, "Title", "Line_x000D_break _xD800_ kept"),
            ("Interventions", 4, "Title", "  spaced  "),
        ],
    )
    plan = read_workbook(book)
    assert plan.interventions[0].title == "Line\rbreak _xD800_ kept"
    assert plan.interventions[1].title == "  spaced  "


def test_a_code_excel_turned_into_an_ambiguous_number_is_refused(book: Path) -> None:
    (cell,) = edit(book, [("Interim targets", 3, "SDG target", 17.1)])
    (found,) = problems(book)
    assert found.startswith(f"'Interim targets'!{cell} (SDG target): 17.1 was stored as a number")
    assert "17.10" in found


def test_a_list_with_an_unclosed_quote_is_refused(book: Path) -> None:
    (cell,) = edit(book, [("Interventions", 3, "Objectives", '"obj-governance, obj-labour')])
    (found,) = problems(book)
    assert found.startswith(f"Interventions!{cell} (Objectives):")
    assert "never closed" in found


def test_indicator_values_must_name_an_indicator_of_their_intervention(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Indicator values"]
    ws.cell(row=3, column=2).value = 99
    slot = column(ws, "Value type")
    first_baseline = next(
        r for r in range(4, ws.max_row + 1) if ws.cell(row=r, column=slot).value == "Baseline"
    )
    ws.cell(row=first_baseline, column=slot).value = "Baseline"
    # Make a second baseline for the indicator of row first_baseline.
    ws.cell(row=ws.max_row + 1, column=1).value = ws.cell(row=first_baseline, column=1).value
    ws.cell(row=ws.max_row, column=2).value = ws.cell(row=first_baseline, column=2).value
    ws.cell(row=ws.max_row, column=slot).value = "baseline"
    wb.save(book)
    found = problems(book)
    assert any(
        "(Indicator no.): intervention" in p and "has no indicator No. 99" in p for p in found
    )
    assert any(f"already has a baseline (row {first_baseline})" in p for p in found)


def test_achieved_values_are_read_back_and_must_name_an_indicator(book: Path) -> None:
    """The Achieved values sheet: one row per value of an indicator numbered on the
    Indicators sheet; a row naming an indicator its intervention does not have, or with
    no value, is a located error."""
    import openpyxl

    assert read_workbook(book).interventions == NATIONAL.interventions
    wb = openpyxl.load_workbook(book)
    ws = wb["Achieved values"]
    assert [c.value for c in ws[HEADER_ROW]][:7] == [
        "Intervention ID",
        "Indicator no.",
        "Value",
        "Year",
        "Date",
        "Source",
        "Note",
    ]
    ws.cell(row=3, column=2).value = 42
    ws.cell(row=4, column=column(ws, "Value")).value = None
    wb.save(book)
    found = problems(book)
    assert any(
        p.startswith("'Achieved values'!B3") and "has no indicator No. 42" in p for p in found
    ), found
    assert any(p.startswith("'Achieved values'!C4 (Value)") and "missing" in p for p in found)


def test_the_plan_form_names_its_fields(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Plan"]
    ws["A3"] = "Titel"  # the hidden column D still says which field the row is
    ws["A4"] = "Gouvernance"
    ws["D4"] = None  # without it, the field is known by its name in column A
    ws["B2"] = None
    wb.save(book)
    found = problems(book)
    assert found == [
        "Plan!B2 (Plan ID): required value is missing",
        "Plan!A4: unknown field 'Gouvernance' (did you mean 'Governance level'?)",
    ]


def test_a_value_under_no_header_is_refused(book: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Milestones"]
    ws.cell(row=3, column=ws.max_column + 2).value = "stray note"
    wb.save(book)
    (found,) = problems(book)
    assert "a value in a column without a header" in found


def test_blank_optional_cells_take_the_defaults(tmp_path: Path) -> None:
    plan = m.ActionPlan(
        id="p",
        interventions=(
            m.Intervention(
                id="iv",
                roles=(m.Role(stage=m.Stage.DESIGN, actor="a"),),
                monitoring=(m.MonitoringEntry(indicator=m.IndicatorRef()),),
            ),
        ),
        actors=(m.Actor(id="a"),),
    )
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path, computed=False)
    edit(
        path,
        [
            ("Roles", 3, "Role", None),
            ("Indicators", 3, "Indicator kind", None),
            ("Plan", 11, "Value", None),  # status
            ("Plan", 13, "Value", None),  # currency
        ],
    )
    back = read_workbook(path)
    assert back == plan
    assert back.interventions[0].roles[0].role is m.RoleKind.SUPPORT
    assert back.status is m.PlanStatus.DRAFT and back.currency == "USD"


def test_empty_measures_and_empty_texts_survive(tmp_path: Path) -> None:
    """A baseline with nothing filled in yet is not the same as no baseline."""
    entry = m.MonitoringEntry(
        indicator=m.IndicatorRef(), baseline=m.Measure(), interim=(m.Measure(), m.Measure())
    )
    iv = m.Intervention(
        id="iv",
        monitoring=(entry,),
        outcomes=("", "  "),
        outputs=(m.Output(description=""),),
        resources=(m.CostLine(description="", amount=Decimal(0)),),
    )
    plan = m.ActionPlan(id="p", interventions=(iv,))
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path, computed=False)
    assert read_workbook(path) == plan


def test_ids_with_separators_and_quotes_round_trip_in_list_cells(tmp_path: Path) -> None:
    actors = tuple(m.Actor(id=i) for i in ("Unit 2, MoL", 'say "hi"', " padded ", "a;b"))
    activity = m.SupportingActivity(
        kind=m.SupportingActivityKind.TRAINING,
        beneficiary_actors=tuple(a.id for a in actors),
    )
    plan = m.ActionPlan(
        id="p",
        actors=actors,
        interventions=(m.Intervention(id="iv", supporting_activities=(activity,)),),
    )
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path, computed=False)
    assert read_workbook(path) == plan


def test_optional_text_left_empty_reads_back_as_not_given(tmp_path: Path) -> None:
    """A spreadsheet cannot tell an empty cell from a missing value: the one change a
    round trip makes is that an optional text set to "" comes back as not given."""
    plan = m.ActionPlan(id="p", interventions=(m.Intervention(id="iv", subtype=""),))
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path, computed=False)
    back = read_workbook(path)
    assert back.interventions[0].subtype is None
    assert back == attrs.evolve(plan, interventions=(m.Intervention(id="iv"),))


def test_load_plan_reads_workbooks(exported: Path) -> None:
    assert migsdg.load_plan(exported) == NATIONAL


def test_without_openpyxls_parser_the_reader_uses_its_cells(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path reads through openpyxl's sheet parser; where that is not available
    the read-only cells give the same plan and the same problems."""
    from migsdg.excel import reader

    monkeypatch.setattr(reader, "_cell_parser", lambda ws: None)
    assert read_workbook(book) == NATIONAL
    (cell,) = edit(book, [("Resources", 3, "Amount", "=1000*12")])
    (found,) = problems(book)
    assert found.startswith(f"Resources!{cell} (Amount): a formula ('=1000*12')")


def test_shared_strings_are_read_exactly_as_stored(tmp_path: Path) -> None:
    """Excel and LibreOffice store text in a shared strings part, escaping a literal
    ``_x0041_`` as ``_x005F_x0041_``; openpyxl drops ``x005F_`` from it, so the reader
    reads that part itself (rich-text runs joined, phonetic runs left out)."""
    import zipfile

    from migsdg.excel.reader import _shared_strings

    path = tmp_path / "s.xlsx"
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        z.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{ns}"><si><t>_x005F_x0041_</t></si>'
            "<si><r><t>rich </t></r><r><t>text</t></r><rPh><t>yomi</t></rPh></si>"
            "<si><t/></si></sst>",
        )
    with zipfile.ZipFile(path) as z:
        assert _shared_strings(z) == ["_x005F_x0041_", "rich text", ""]
