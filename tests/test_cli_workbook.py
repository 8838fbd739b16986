"""``migsdg workbook``: the blank workbook to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest

from migsdg.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_a_blank_workbook_and_prints_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import openpyxl

    path = tmp_path / "blank.xlsx"
    code, out, err = run(capsys, "workbook", "-o", str(path))
    assert (code, out, err) == (0, f"{path}\n", "")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["Instructions", "Plan", "Objectives"]
    assert wb["Interventions"].max_row == 2  # the hidden key row and the header


def test_never_overwrites_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "filled.xlsx"
    path.write_bytes(b"someone's work")
    code, out, err = run(capsys, "workbook", "-o", str(path))
    assert code == 2 and out == ""
    assert err == f"migsdg: error: {path} exists; use --force to overwrite it\n"
    assert path.read_bytes() == b"someone's work"
    code, _, _ = run(capsys, "workbook", "-o", str(path), "--force")
    assert code == 0 and path.read_bytes().startswith(b"PK")


def test_only_writes_xlsx(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "workbook", "-o", str(tmp_path / "blank.xls"))
    assert code == 2
    assert "must be an .xlsx file" in err
    assert "Traceback" not in err


def test_an_unwritable_place_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "workbook", "-o", str(tmp_path / "missing" / "blank.xlsx"))
    assert code == 2
    assert err.startswith("migsdg: error:") and "Traceback" not in err
