"""The workbook's Review sheet and the Funding summary's list of interventions needing
additional resources, reopened with openpyxl."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import fast_set
import migsdg
from migsdg import model as m
from migsdg.excel import read_workbook, write_workbook
from migsdg.excel.computed import GAP_COLOUR
from migsdg.excel.layout import sheet_name
from migsdg.i18n import translator
from migsdg.present import Cell, Para, View, review_view
from migsdg.review import review
from migsdg.views import funding_summary
from migsdg.word.labels import Labels
from review_plans import example
from word_plans import flagged_plan, mixed_currency_plan

TODAY = dt.date(2025, 6, 30)
RISKY_NAME = '=HYPERLINK("http://example.org","desk")'
RISKY_BARE = "@Diaspora desk"


def flagged() -> m.ActionPlan:
    """The flagged plan, with framework names a spreadsheet would take for formulas."""
    plan = flagged_plan()
    names = {"fw-city": RISKY_NAME, "fw-bare": RISKY_BARE}
    frameworks = tuple(
        attrs.evolve(fw, name=names.get(fw.id, fw.name)) for fw in plan.existing_frameworks
    )
    return attrs.evolve(plan, existing_frameworks=frameworks)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review")
    plans = {
        "national": example("national"),
        "flagged": flagged(),
        "mixed": mixed_currency_plan(),
    }
    out = {}
    for name, plan in plans.items():
        out[name] = folder / f"{name}.xlsx"
        write_workbook(plan, out[name], today=TODAY)
    return out


@pytest.fixture(scope="module")
def opened(books: dict[str, Path]) -> dict[str, Any]:
    import openpyxl

    return {name: openpyxl.load_workbook(path) for name, path in books.items()}


def values(ws: Any) -> list[list[Any]]:
    """The sheet's rows as values, trailing empty cells dropped."""
    out = []
    for row in ws.iter_rows(values_only=True):
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        out.append(cells)
    return out


def view_rows(view: View) -> list[list[Any]]:
    """The rows a view should make on a sheet: titles and paragraphs in column A, table
    headers and cells (a cell's head line above its text), blank rows dropped."""

    def cell(c: Cell) -> Any:
        text = f"{c.head}\n{c.text}" if c.head else c.text
        return text or None

    def of(blocks: Any) -> list[list[Any]]:
        out: list[list[Any]] = []
        for b in blocks:
            if isinstance(b, Para):
                out.append([f"• {b.text}" if b.kind == "bullet" else b.text])
            else:
                out.append([col.label for col in b.columns])
                for row in b.rows:
                    cells = [cell(c) for c in row.cells]
                    while cells and cells[-1] is None:
                        cells.pop()
                    out.append(cells)
        return out

    rows = [[view.title], *of(view.intro)]
    for s in view.sections:
        rows.append([s.title])
        rows.extend(of(s.blocks))
    return rows


# -- the Review sheet ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["national", "flagged"])
def test_the_review_sheet_is_the_review_view(opened: dict[str, Any], name: str) -> None:
    plan = {"national": example("national"), "flagged": flagged()}[name]
    ws = opened[name]["Review"]
    got = [r for r in values(ws) if r]
    expected = view_rows(review_view(plan))
    # The sheet adds one note under the title: it is computed and not imported.
    assert got[0] == expected[0]
    assert "not imported" in got[1][0]
    assert got[2:] == expected[1:]
    assert ws.freeze_panes == "A2"


def test_review_sheet_shades_the_gaps(opened: dict[str, Any]) -> None:
    plan = flagged()
    result = review(plan)
    assert result.gaps == ("8.7",)
    ws = opened["flagged"]["Review"]
    starts = {
        str(ws.cell(row=r, column=1).value).split(" — ")[0]: r
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }
    gap, served = starts["8.7"], starts["10.7"]
    assert {ws.cell(row=gap, column=k).fill.fgColor.rgb for k in range(1, 5)} == {GAP_COLOUR}
    assert ws.cell(row=served, column=1).fill.fgColor.rgb != GAP_COLOUR


def test_user_text_on_the_review_sheet_is_never_a_formula(opened: dict[str, Any]) -> None:
    ws = opened["flagged"]["Review"]
    risky = [
        cell
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and RISKY_NAME in cell.value
    ]
    assert len(risky) >= 2  # the matrix and the vertical flag
    for cell in risky:
        assert cell.data_type == "s"
    starts = [
        cell
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    ]
    assert RISKY_BARE in [cell.value for cell in starts]
    assert all(cell.data_type == "s" for cell in starts)
    assert all(cell.quotePrefix for cell in starts if cell.value == RISKY_BARE)


@pytest.mark.parametrize("language", fast_set.languages(["en", "es", "fr"]))
def test_a_plan_without_targets_or_inventory_says_so(tmp_path: Path, language: str) -> None:
    import openpyxl

    path = tmp_path / "empty.xlsx"
    plan = m.ActionPlan(id="p")
    write_workbook(plan, path, today=TODAY, language=language)
    ws = openpyxl.load_workbook(path)[sheet_name("Review", translator(language))]
    text = [r[0] for r in values(ws) if r and isinstance(r[0], str)]
    t = Labels(language)
    assert text[0] == t["annex_review"]
    assert t["no_inventory"] in text
    assert t["review_no_targets"] in text
    assert [r for r in values(ws) if r][2:] == view_rows(review_view(plan, language))[1:]


def test_the_review_sheet_is_not_imported(books: dict[str, Path], tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "edited.xlsx"
    shutil.copy(books["flagged"], path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Review"]
    ws["A6"] = "99.9"
    ws["D6"] = "fw-new — A framework typed here"
    ws["B7"] = "=1/0"
    ws.append(["8.8", "typed", "Explicit", "fw-act", "iv-new"])
    wb.save(path)
    assert read_workbook(path) == flagged()


def test_the_review_sheet_is_reproducible(books: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    write_workbook(flagged(), again, today=TODAY)
    assert again.read_bytes() == books["flagged"].read_bytes()


# -- the Funding summary's list of needs ------------------------------------------------------


def needs(ws: Any, language: str = "en") -> list[list[Any]]:
    rows = values(ws)
    title = Labels(language)["needing"]  # the funding view's section title
    start = next(i for i, r in enumerate(rows) if r[:1] == [title])
    out = []
    for r in rows[start + 1 :]:
        if not r or r[0] is None:
            break
        cells = r[:7]
        while cells and cells[-1] is None:
            cells.pop()
        out.append(cells)
    return out


def test_funding_summary_lists_the_needs_largest_gap_first(opened: dict[str, Any]) -> None:
    ws = opened["national"]["Funding summary"]
    expected = funding_summary(example("national")).needing_resources()
    assert expected
    rows = needs(ws)
    assert rows[0][0] == "Largest gap first. Values computed when the workbook was written, " + (
        "not formulas: export the plan again after editing to update this list."
    )
    t = Labels("en")
    assert rows[1] == [
        "Intervention ID",
        t["col_title"],
        t["col_required"],
        t["secured"],
        t["pledged"],
        t["col_proposed"],
        t["col_gap"],
    ]
    got = rows[2:]
    assert [r[0] for r in got] == [i.intervention for i in expected]
    for r, i in zip(got, expected, strict=True):
        assert r[1] == i.title
        assert [Decimal(repr(v)) if isinstance(v, float) else Decimal(v) for v in r[2:]] == [
            i.required,
            i.secured,
            i.pledged,
            i.proposed,
            i.gap,
        ]
    gaps = [r[6] for r in got]
    assert gaps == sorted(gaps, reverse=True)
    # Values, not formulas (sorting by a formula's result would not stay live).
    r = next(
        r
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == got[0][0]
        and not str(ws.cell(row=r, column=3).value).startswith("=")
    )
    assert ws.cell(row=r, column=7).data_type == "n"


def test_mixed_currencies_without_rates_give_a_note_not_a_crash(opened: dict[str, Any]) -> None:
    with pytest.raises(migsdg.MigsdgError):
        funding_summary(mixed_currency_plan())
    wb = opened["mixed"]
    assert "Review" in wb.sheetnames
    rows = needs(wb["Funding summary"])
    assert len(rows) == 2  # the note on what the list is, then why it is missing
    assert rows[1][0].startswith("Totals cannot be computed: amounts in EUR cannot be added")
    assert "exchange rate" in rows[1][0]
    assert "EUR have no exchange rate" in wb["Funding summary"]["A4"].value


def test_a_plan_with_no_needs_says_so(tmp_path: Path) -> None:
    import openpyxl

    iv = m.Intervention(
        id="iv",
        resources=(m.CostLine(description="a", amount=Decimal(10)),),
        funding=(
            m.FundingArrangement(source="s", amount=Decimal(10), status=m.FundingStatus.SECURED),
        ),
    )
    path = tmp_path / "p.xlsx"
    write_workbook(m.ActionPlan(id="p", interventions=(iv,)), path, today=TODAY)
    rows = needs(openpyxl.load_workbook(path)["Funding summary"])
    assert rows[1:] == [[Labels("en")["none_needing"]]]
