"""The workbook in the team's language: sheet names, headers and notes in each shipped
language, and a reader that finds every sheet and column whichever language (or hand)
named it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import fast_set
import migsdg
from migsdg.examples import load_example
from migsdg.excel import read_workbook, write_workbook
from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET, SHEET_NAMES, sheet_name
from migsdg.i18n import languages, translator

# Every test here that reads a workbook runs through both readers (tests/conftest.py).
reads = pytest.mark.usefixtures("excel_reader")

NATIONAL = load_example("national")
OTHER = [lang for lang in languages() if lang != "en"]
FORBIDDEN = set("[]:*?/\\")


@pytest.mark.parametrize("language", languages())
def test_every_sheet_name_is_one_excel_accepts_and_unique(language: str) -> None:
    tr = translator(language)
    names = [sheet_name(english, tr) for english in SHEET_NAMES]
    for english, name in zip(SHEET_NAMES, names, strict=True):
        raw = tr._(SHEET_NAMES[english])
        assert name == raw, f"{raw!r} is not a valid sheet name (max 31, none of []:*?/\\)"
        assert 0 < len(name) <= 31 and not FORBIDDEN & set(name)
        assert name[0] != "'" and name[-1] != "'"
    assert len({n.casefold() for n in names}) == len(names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Funding: sources/partners?", "Funding sources partners"),
        ("'Quoted'", "Quoted"),
        ("A" * 40, "A" * 31),
        ("[*]", "Sheet"),
        ("History", "History (1)"),  # a name Excel keeps for itself
    ],
)
def test_a_translated_sheet_name_is_made_to_fit_excels_rules(text: str, name: str) -> None:
    from migsdg.excel.layout import fit_sheet_name

    assert fit_sheet_name(text) == name


def test_no_sheet_name_means_two_sheets_in_two_languages() -> None:
    # A data sheet's name in one language is never another sheet's name in another, so a
    # workbook in any language is read without guessing.
    meaning: dict[str, str] = {}
    for language in languages():
        tr = translator(language)
        for english in SHEET_NAMES:
            name = sheet_name(english, tr).casefold()
            assert meaning.setdefault(name, english) == english, (language, name)


@reads
@pytest.mark.parametrize("language", fast_set.languages(OTHER))
def test_a_workbook_names_its_sheets_in_its_language(language: str, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / f"{language}.xlsx"
    write_workbook(NATIONAL, path, language=language)
    tr = translator(language)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    expected = [sheet_name(layout.name, tr) for layout in (FORM_SHEET, *DATA_SHEETS)]
    assert names[1 : 1 + len(expected)] == expected
    assert names[0] == sheet_name("Instructions", tr)
    english = {e for e in SHEET_NAMES if sheet_name(e, tr) != e}
    assert english and not set(names) & english
    assert read_workbook(path) == NATIONAL


@reads
def test_a_missing_sheet_is_named_in_the_workbooks_language(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "es.xlsx"
    write_workbook(NATIONAL, path, language="es", computed=False)
    wb = openpyxl.load_workbook(path)
    del wb["Funciones"]
    wb.save(path)
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    found = [str(p) for p in info.value.problems]
    assert found == [
        "Funciones: the sheet is missing. Importing replaces the whole plan, so a missing "
        "sheet would drop everything on it; restore the sheet (a blank workbook from "
        "'migsdg workbook' has them all), even if it stays empty"
    ]


@reads
def test_an_unknown_source_is_named_with_the_sheets_as_the_workbook_names_them(
    tmp_path: Path,
) -> None:
    import openpyxl

    path = tmp_path / "fr.xlsx"
    write_workbook(NATIONAL, path, language="fr", computed=False)
    wb = openpyxl.load_workbook(path)
    ws = wb["Financement"]
    row = _first_row(ws)
    column = next(c.column for c in ws[row - 1] if c.value == "ID de la source")
    ws.cell(row=row, column=column).value = "goj-budgett"
    wb.save(path)
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    (found,) = [str(p) for p in info.value.problems]
    assert found.startswith(f"Financement!{ws.cell(row=row, column=column).coordinate} (")
    assert found.endswith(
        "no funding source has the ID 'goj-budgett' on the Sources de financement sheet "
        "(did you mean 'goj-budget'?)"
    )


@reads
def test_a_sheet_copied_in_two_languages_is_read_once_in_the_workbooks_language(
    tmp_path: Path,
) -> None:
    import openpyxl

    path = tmp_path / "es.xlsx"
    write_workbook(NATIONAL, path, language="es", computed=False)
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb["Funciones"])
    copy.title = "Rôles"  # the French name of the same sheet: a stray copy
    wb.save(path)
    assert read_workbook(path) == NATIONAL


def _first_row(ws: Any) -> int:
    """The first data row of a data sheet (after its header)."""
    for r in range(1, 5):
        value = ws.cell(row=r, column=1).value
        if isinstance(value, str) and value.startswith("migsdg:"):
            continue
        return r + 1
    raise AssertionError("no header")


# -- the hidden key row ------------------------------------------------------------------


@reads
@pytest.mark.parametrize("language", fast_set.languages(["en", "es", "ar"]))
def test_every_header_renamed_by_hand_still_imports_through_the_key_row(
    language: str, tmp_path: Path
) -> None:
    import openpyxl

    path = tmp_path / f"{language}.xlsx"
    write_workbook(NATIONAL, path, language=language, computed=False)
    wb = openpyxl.load_workbook(path)
    tr = translator(language)
    for layout in (FORM_SHEET, *DATA_SHEETS):
        ws = wb[sheet_name(layout.name, tr)]
        if layout is FORM_SHEET:  # field names in column A, keys in hidden column D
            for r in range(2, ws.max_row + 1):
                ws.cell(row=r, column=1).value = f"Field {r} as the team calls it"
            continue
        for cell in ws[2]:
            cell.value = f"My own header {cell.column}"
    wb.save(path)
    assert read_workbook(path) == NATIONAL


@reads
def test_a_problem_under_a_renamed_header_cites_the_cell_and_the_header_shown(
    tmp_path: Path,
) -> None:
    import openpyxl

    path = tmp_path / "es.xlsx"
    write_workbook(NATIONAL, path, language="es", computed=False)
    wb = openpyxl.load_workbook(path)
    ws = wb["Intervenciones"]
    column = next(c.column for c in ws[1] if c.value == "migsdg:timeframe.end")
    ws.cell(row=2, column=column).value = "Fin previsto"
    ws.cell(row=5, column=column).value = "pronto"
    wb.save(path)
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    (found,) = [str(p) for p in info.value.problems]
    letter = ws.cell(row=5, column=column).column_letter
    assert found == f"Intervenciones!{letter}5 (Fin previsto): 'pronto' is not a date (YYYY-MM-DD)"


@reads
@pytest.mark.parametrize("language", fast_set.languages(["en", "fr"]))
def test_a_workbook_without_the_key_row_imports_by_its_headers(
    language: str, tmp_path: Path
) -> None:
    # An older workbook, or one made by hand: the header is row 1, items start on row 2.
    import openpyxl

    path = tmp_path / f"{language}.xlsx"
    write_workbook(NATIONAL, path, language=language, computed=False)
    wb = openpyxl.load_workbook(path)
    tr = translator(language)
    for layout in DATA_SHEETS:
        ws = wb[sheet_name(layout.name, tr)]
        assert str(ws["A1"].value).startswith("migsdg:")
        ws.delete_rows(1)
    wb[sheet_name("Plan", tr)].delete_cols(4)
    wb.save(path)
    assert read_workbook(path) == NATIONAL
    # Its problems are located in its own rows.
    ws = wb[sheet_name("Interventions", tr)]
    ws.cell(row=2, column=1).value = None
    wb.save(path)
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    assert any(str(p).startswith(f"{ws.title}!A2 ") for p in info.value.problems)


@reads
def test_the_key_row_is_hidden_guarded_and_not_data(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "fr.xlsx"
    write_workbook(NATIONAL, path, language="fr")
    wb = openpyxl.load_workbook(path)
    tr = translator("fr")
    for layout in DATA_SHEETS:
        ws = wb[sheet_name(layout.name, tr)]
        assert ws.row_dimensions[1].hidden
        assert [c.value for c in ws[1]] == [f"migsdg:{c.stable_key}" for c in layout.all_columns]
        guard = next(dv for dv in ws.data_validations.dataValidation if "1:" in str(dv.sqref))
        assert guard.type == "custom" and guard.errorStyle == "stop"
        assert "Laissez-la telle quelle" in guard.error  # in the workbook's language
    plan = wb[sheet_name("Plan", tr)]
    assert plan.column_dimensions["D"].hidden
    assert plan["D2"].value == "migsdg:id"
    # A key cell typed over is no data: the column is then known by its header.
    ws = wb["Acteurs"]
    ws["B1"] = "anything"
    wb.save(path)
    assert read_workbook(path) == NATIONAL


# -- no English tool text -----------------------------------------------------------------


def _english_messages(language: str) -> set[str]:
    """The catalogue's English messages that ``language`` translates differently in every
    context it has them in (French "National" stays "National")."""
    from migsdg.i18n.catalogs import _read, po_path

    same: set[str] = set()
    out: set[str] = set()
    for message in _read(po_path(language)):
        if not message.id or not message.string:
            continue
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        theirs = message.string[0] if isinstance(message.string, tuple) else message.string
        if english.strip() == theirs.strip():
            same.add(english)
        elif any(ch.isalpha() for ch in english):
            out.add(english)
    return out - same


def _tool_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) of every text a person reads in the workbook that the tool wrote:
    sheet names, cells (not the hidden key row and key column, which are no text for
    people), drop-down and header notes, their titles and error messages."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out: list[tuple[str, str]] = []
    for ws in wb.worksheets:
        out.append((f"sheet name {ws.title}", ws.title))
        keyed = isinstance(ws["A1"].value, str) and ws["A1"].value.startswith("migsdg:")
        for row in ws.iter_rows(min_row=2 if keyed else 1):
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("migsdg:"):
                    out.append((f"{ws.title}!{cell.coordinate}", cell.value))
        for dv in ws.data_validations.dataValidation:
            for part in (dv.prompt, dv.promptTitle, dv.error, dv.errorTitle):
                if part:
                    out.append((f"{ws.title} note {dv.sqref}", part))
    return out


@pytest.mark.parametrize(
    ("example", "language"), fast_set.pairs(["provincial", "national", "blank"], OTHER)
)
def test_no_english_tool_text_remains_in_a_translated_workbook(
    example: str, language: str, tmp_path: Path
) -> None:
    from migsdg.excel import write_template

    path = tmp_path / f"{example}-{language}.xlsx"
    if example == "blank":
        write_template(path, language=language)
        plan_texts: set[str] = set()
    else:
        plan = load_example(example)
        write_workbook(plan, path, language=language)
        plan_texts = _plan_texts(plan)
    english = _english_messages(language)
    long_ones = [e for e in english if len(e) >= 30]
    found = []
    for where, text in _tool_texts(path):
        if text in plan_texts:
            continue  # the plan's own words, in whatever language it is written
        if text.strip() in english:
            found.append((where, text))
            continue
        found += [(where, e) for e in long_ones if e in text]
    assert found == []


def _plan_texts(plan: migsdg.ActionPlan) -> set[str]:
    """Every text of the plan itself (titles, names, descriptions, IDs...)."""
    from migsdg.io import plan_to_dict

    texts: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            texts.add(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(plan_to_dict(plan))
    return texts


@pytest.mark.parametrize("language", ["ar", "es"])
def test_sheets_run_right_to_left_in_arabic_only(language: str, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / f"{language}.xlsx"
    write_workbook(NATIONAL, path, language=language)
    wb = openpyxl.load_workbook(path)
    assert {bool(ws.sheet_view.rightToLeft) for ws in wb.worksheets} == {language == "ar"}


def test_the_command_line_reports_a_workbooks_problems_in_its_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from migsdg.cli import main

    path = tmp_path / "es.xlsx"
    write_workbook(NATIONAL, path, language="es", computed=False)
    wb = openpyxl.load_workbook(path)

    def cell(sheet: str, key: str, row: int) -> Any:
        ws = wb[sheet]
        column = next(c.column for c in ws[1] if c.value == f"migsdg:{key}")
        return ws.cell(row=row, column=column)

    end = cell("Intervenciones", "timeframe.end", 4)
    end.value = "pronto"
    kind = cell("Intervenciones", "type", 5)
    kind.value = "Nueva polítca"
    actor = cell("Funciones", "actor", 3)
    actor.value = "nadie"
    wb.save(path)
    capsys.readouterr()
    assert main(["import", str(path), "-o", str(tmp_path / "plan.yaml")]) == 2
    err = capsys.readouterr().err
    assert "3 problemas en el plan" in err
    where = f"Intervenciones!{end.coordinate} (Fecha de finalización)"
    assert f"{where}: 'pronto' no es una fecha" in err
    where = f"Intervenciones!{kind.coordinate} (Tipo)"
    assert f"{where}: 'Nueva polítca' no es una de las opciones" in err
    assert "¿quiso decir 'Nueva política o legislación'?" in err
    assert (
        f"Funciones!{actor.coordinate} (ID del actor): ningún actor tiene el ID 'nadie' en la "
        "hoja Actores"
    ) in err
