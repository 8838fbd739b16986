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

import migsdg
from migsdg import model as m
from migsdg.excel import read_workbook, write_workbook
from migsdg.excel.computed import GAP_COLOUR
from migsdg.review import review
from migsdg.views import funding_summary
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


def section(ws: Any, title: str) -> list[list[Any]]:
    """The rows under a section title (after its note), up to the next blank row."""
    rows = values(ws)
    start = next(i for i, r in enumerate(rows) if r[:1] == [title])
    end = next((i for i in range(start + 1, len(rows)) if not rows[i]), len(rows))
    return rows[start + 2 : end]


def matrix(ws: Any) -> dict[str, list[Any]]:
    rows = values(ws)
    head = next(i for i, r in enumerate(rows) if r[:1] == ["Target"])
    out = {}
    for r in rows[head + 1 :]:
        if not r or r[0].startswith("Shaded") or r[0].startswith("No prioritized"):
            break
        out[r[0]] = r
    return out


# -- the Review sheet ---------------------------------------------------------------------------


def test_review_sheet_of_the_national_example(opened: dict[str, Any]) -> None:
    plan = example("national")
    result = review(plan)
    ws = opened["national"]["Review"]
    assert ws.freeze_panes == "A6"
    assert [c.value for c in ws[5]] == [
        "Target",
        "Official text (short)",
        "Migration relation",
        "Existing frameworks serving it",
        "Planned interventions serving it",
        "Gap",
    ]
    assert ws.column_dimensions["B"].width >= 40
    rows = matrix(ws)
    assert list(rows) == list(result.targets)
    cat = migsdg.catalogue()
    titles = {iv.id: iv.title for iv in plan.interventions}
    names = {fw.id: fw.name for fw in plan.existing_frameworks}
    for row in result.matrix:
        cells = rows[row.target]
        official = cat.text(row.target)
        assert official.startswith(cells[1].rstrip("…"))
        assert cells[2] == {"explicit": "Explicit", "cross-cutting": "Cross-cutting"}.get(
            row.migration or "", "Not listed"
        )
        assert cells[3].split("\n") == [f"{i} — {names[i]}" for i in row.frameworks]
        assert cells[4].split("\n") == [f"{i} — {titles[i]}" for i in row.interventions]
        assert len(cells) == 5  # no gap mark
    text = [r[0] for r in values(ws) if r and isinstance(r[0], str)]
    n = len(result.matrix)
    assert f"Coverage: {n} of {n} prioritized targets (100%)" in text[2]
    assert section(ws, "Gaps") == [
        ["No gap: every prioritized target is served by a framework or an intervention."]
    ]
    assert section(ws, "Possible duplication") == [["No possible duplication found."]]
    assert section(ws, "Horizontal coherence") == [["No horizontal coherence flag."]]
    assert section(ws, "Vertical coherence") == [["No vertical coherence flag."]]
    assert "Inventory entries the review cannot compare" not in text
    lens = section(ws, "Explicitly migration-related targets not prioritized")
    assert lens[0] == ["Target", "Official text (short)"]
    assert [r[0] for r in lens[1:]] == list(result.unprioritized_migration_targets)
    assert result.unprioritized_migration_targets  # the example leaves some out
    # Long text wraps.
    assert ws.cell(row=6, column=5).alignment.wrap_text


def test_review_sheet_shows_each_kind_of_flag(opened: dict[str, Any]) -> None:
    plan = flagged()
    result = review(plan)
    ws = opened["flagged"]["Review"]
    rows = matrix(ws)
    assert result.gaps == ("8.7",)
    gap = rows["8.7"]
    assert gap[3:] == ["—", "—", "gap"]
    r = next(r for r in range(6, 20) if ws.cell(row=r, column=1).value == "8.7")
    assert {ws.cell(row=r, column=k).fill.fgColor.rgb for k in range(1, 7)} == {GAP_COLOUR}
    r = next(r for r in range(6, 20) if ws.cell(row=r, column=1).value == "10.7")
    assert ws.cell(row=r, column=1).fill.fgColor.rgb != GAP_COLOUR
    text = [r[0] for r in values(ws) if r and isinstance(r[0], str)]
    assert any(t.startswith("Coverage: 3 of 4 prioritized targets (75%)") for t in text)

    assert [r[0] for r in section(ws, "Gaps")[1:]] == ["8.7"]

    dups = section(ws, "Possible duplication")
    assert dups[0][:5] == [
        "Level",
        "Policy area",
        "Shared targets",
        "Planned intervention",
        "Existing framework",
    ]
    assert [(r[3].split(" — ")[0], r[4].split(" — ")[0], r[2]) for r in dups[1:]] == [
        (d.intervention.id, d.framework.id, ", ".join(d.targets)) for d in result.duplications
    ]
    assert ("iv-recruit", "fw-act") in {
        (d.intervention.id, d.framework.id) for d in result.duplications
    }
    assert all(r[0] == "National" for r in dups[1:])

    horizontal = section(ws, "Horizontal coherence")
    (h,) = result.horizontal
    assert horizontal[1][:3] == [h.target, h.policy_area, "National"]
    assert "Central Bank (boj)" in horizontal[1][3]
    assert [x.split(" — ")[0] for x in horizontal[1][4].split("\n")] == [x.id for x in h.items]

    vertical = section(ws, "Vertical coherence")
    assert len(result.vertical) == 1
    assert vertical[1][:3] == ["10.7", "National", "Local"]
    assert vertical[1][4] == f"fw-city — {RISKY_NAME}"

    incomplete = section(ws, "Inventory entries the review cannot compare")
    assert incomplete[1:] == [["fw-bare", RISKY_BARE, "level, policy area, owner"]]


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
    assert [cell.value for cell in starts] == [RISKY_BARE]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in starts)


def test_a_plan_without_targets_or_inventory_says_so(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "empty.xlsx"
    write_workbook(m.ActionPlan(id="p"), path, today=TODAY)
    ws = openpyxl.load_workbook(path)["Review"]
    text = [r[0] for r in values(ws) if r and isinstance(r[0], str)]
    assert text[2].startswith("Coverage: the plan prioritizes no SDG target yet")
    assert "No prioritized target: add objectives with their SDG targets." in text
    assert section(ws, "Gaps") == [["No gap can be found before targets are prioritized."]]
    assert section(ws, "Possible duplication") == [
        ["No inventory of existing frameworks, so duplication cannot be assessed."]
    ]


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


def needs(ws: Any) -> list[list[Any]]:
    rows = values(ws)
    start = next(
        i for i, r in enumerate(rows) if r[:1] == ["Interventions needing additional resources"]
    )
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
    assert rows[1] == [
        "Intervention ID",
        "Title",
        "Required",
        "Secured",
        "Pledged",
        "Proposed",
        "Gap",
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
    assert rows[1][0].startswith("Not computed: amounts in EUR cannot be added to the plan's")
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
    assert rows[1:] == [
        ["None: secured and pledged funding covers what every intervention requires."]
    ]
