"""CSV injection: ``migsdg funding --format csv`` never lets text become a formula or a row.

Each test reads the output the way a spreadsheet does: a carriage return alone, a line feed
or both end a row outside quotes, and every line of a cell is a place where a formula
begins. ``is_risky_text`` (the workbook's own test) is the single definition of a trigger.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import migsdg
from migsdg._csv import csv_field as _field
from migsdg._csv import neutralised as _text
from migsdg.cli import main
from migsdg.excel._cells import RISKY_STARTS, is_risky_text
from review_plans import national_plan, with_intervention

#: Titles an attacker would try: a formula after each kind of line break, at the start,
#: after a tab, behind quotes and commas that would break out of a field.
PAYLOADS = [
    "Innocent title\r=cmd|' /C calc'!A0",
    "Innocent title\n=cmd|' /C calc'!A0",
    "Innocent title\r\n=cmd|' /C calc'!A0",
    "Innocent title\r\r@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    'A title", "=1+1',
    'A title"\r=1+1',
    "first, second\n-third\r+fourth\r\n@fifth",
]


def spreadsheet_rows(text: str) -> list[list[str]]:
    """Rows and cells as a spreadsheet splits CSV: CR, LF or CR LF end a row outside quotes."""
    rows: list[list[str]] = [[]]
    cell: list[str] = []
    i, quoted = 0, False
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"' and text[i + 1 : i + 2] == '"':
                cell.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                cell.append(c)
        elif c == '"' and not cell:
            quoted = True
        elif c == ",":
            rows[-1].append("".join(cell))
            cell = []
        elif c in "\r\n":
            rows[-1].append("".join(cell))
            cell = []
            if c == "\r" and text[i + 1 : i + 2] == "\n":
                i += 1
            rows.append([])
        else:
            cell.append(c)
        i += 1
    if cell or rows[-1]:
        rows[-1].append("".join(cell))
    return [r for r in rows if r]


def lines(cell: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", cell)


@pytest.mark.parametrize("title", PAYLOADS)
@pytest.mark.parametrize("table", ["interventions", "needing"])
def test_csv_payload_stays_in_its_cell_and_is_no_formula(
    title: str, table: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = national_plan()
    for i in range(len(plan.interventions)):
        plan = with_intervention(plan, i, title=title)
    path = migsdg.save_plan(plan, tmp_path / "plan.yaml")
    assert main(["funding", str(path), "--format", "csv", "--table", table]) == 0
    out = capsys.readouterr().out
    rows = spreadsheet_rows(out)
    header = rows[0]
    # One row per line of the table: the payload opened no new row.
    assert all(len(r) == len(header) for r in rows), rows
    cells = [r[header.index("title")] for r in rows[1:]]
    assert cells
    for cell in cells:
        for line in lines(cell):
            assert not is_risky_text(line), (title, cell)
        # Nothing but the apostrophes is added.
        assert "".join(line.removeprefix("'") for line in lines(cell)) == "".join(lines(title))


@given(st.text(alphabet=st.sampled_from([*RISKY_STARTS, "\n", ",", '"', "a", " "])))
def test_any_text_is_one_quoted_cell_without_a_formula_line(text: str) -> None:
    field = _field(_text(text))
    [[cell]] = spreadsheet_rows(field + "\n") or [[""]]
    for line in lines(cell):
        assert not is_risky_text(line)
    # Undoing the marks gives the text back: the cell says what the plan says.
    parts = re.split(r"(\r\n|\r|\n)", cell)
    restored = "".join(
        p[1:] if i % 2 == 0 and p.startswith("'") and is_risky_text(p[1:]) else p
        for i, p in enumerate(parts)
    )
    assert restored == text


@given(st.text())
def test_any_text_needs_quotes_exactly_when_it_holds_a_separator(text: str) -> None:
    field = _field(text)
    assert field.startswith('"') == any(c in text for c in ',"\r\n')


@pytest.mark.parametrize("description", PAYLOADS)
def test_progress_csv_payload_stays_in_its_cell_and_is_no_formula(
    description: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = national_plan()
    for i, iv in enumerate(plan.interventions):
        milestones = tuple(
            attrs.evolve(m, description=description) for m in iv.timeframe.milestones
        )
        plan = with_intervention(
            plan, i, timeframe=attrs.evolve(iv.timeframe, milestones=milestones)
        )
    path = migsdg.save_plan(plan, tmp_path / "plan.yaml")
    assert main(["progress", str(path), "--format", "csv"]) == 0
    rows = spreadsheet_rows(capsys.readouterr().out)
    header = rows[0]
    assert all(len(r) == len(header) for r in rows), rows
    cells = [r[header.index("name")] for r in rows[1:] if r[0] == "milestone"]
    assert cells
    for cell in cells:
        assert not any(is_risky_text(line) for line in lines(cell)), cell
