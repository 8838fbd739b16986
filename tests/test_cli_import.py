"""``migsdg import``: a workbook replaces the plan file, after a dry run if wanted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import migsdg
from migsdg import model as m
from migsdg.cli import main
from migsdg.examples import load_example
from migsdg.excel import write_workbook

# Every test here runs through both workbook readers (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("excel_reader")

NATIONAL = load_example("national")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("x") / "plan.xlsx"
    write_workbook(NATIONAL, path, computed=False)
    return path.read_bytes()


@pytest.fixture
def book(exported: bytes, tmp_path: Path) -> Path:
    """A fresh copy of the national plan's workbook."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(exported)
    return path


def test_help_says_that_import_replaces(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Importing REPLACES the plan" in text
    assert "nothing is merged" in text
    assert "--dry-run" in text and "--force" in text


def test_imports_into_a_new_plan_file(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    out_path = tmp_path / "plan.yaml"
    code, out, err = run(capsys, "import", str(book), "-o", str(out_path))
    assert (code, out, err) == (0, f"{out_path}\n", "")
    assert migsdg.load_plan(out_path) == NATIONAL


def test_an_existing_plan_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    out_path = tmp_path / "plan.yaml"
    migsdg.save_plan(m.ActionPlan(id="older"), out_path)
    before = out_path.read_bytes()
    code, out, err = run(capsys, "import", str(book), "-o", str(out_path))
    assert code == 2 and out == ""
    assert "importing replaces it entirely" in err and "--dry-run" in err and "--force" in err
    assert out_path.read_bytes() == before
    code, _, _ = run(capsys, "import", str(book), "-o", str(out_path), "--force")
    assert code == 0
    assert migsdg.load_plan(out_path) == NATIONAL


def test_dry_run_summarises_the_changes_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    old = attrs.evolve(
        NATIONAL,
        title="Older title",
        interventions=(
            attrs.evolve(NATIONAL.interventions[0], rationale="older rationale"),
            *NATIONAL.interventions[2:],
            m.Intervention(id="iv-dropped"),
        ),
    )
    out_path = tmp_path / "plan.yaml"
    migsdg.save_plan(old, out_path)
    before = out_path.read_bytes()
    code, out, err = run(capsys, "import", str(book), "-o", str(out_path), "--dry-run")
    assert (code, err) == (0, "")
    assert out_path.read_bytes() == before
    lines = out.splitlines()
    assert lines[0] == f"Importing {book} would replace {out_path}:"
    assert "  plan: title changed" in lines
    second = NATIONAL.interventions[1].id
    first = NATIONAL.interventions[0].id
    assert f"  interventions: 1 added ({second}); 1 removed (iv-dropped); 1 changed" in lines
    assert f"    {first}: rationale" in lines
    assert lines[-1] == "Nothing was written (--dry-run)."
    assert any(
        line.startswith("  unchanged: objectives, interim targets, actors") for line in lines
    )


def test_dry_run_without_a_plan_file_says_what_would_be_created(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    out_path = tmp_path / "new.yaml"
    code, out, _ = run(capsys, "import", str(book), "-o", str(out_path), "--dry-run")
    assert code == 0 and not out_path.exists()
    assert f"{out_path} does not exist; importing {book} would create it with:" in out
    assert f"plan '{NATIONAL.id}': 6 objectives" in out
    assert f"{len(NATIONAL.interventions)} interventions" in out


def test_dry_run_of_the_same_plan_says_no_change(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    out_path = tmp_path / "plan.json"
    migsdg.save_plan(NATIONAL, out_path)
    code, out, _ = run(capsys, "import", str(book), "-o", str(out_path), "--dry-run")
    assert code == 0
    assert out.startswith(f"No change: {book} holds the same plan as {out_path}.")


def test_problems_are_listed_with_cells_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb["Interventions"]["N7"] = "sometime"
    wb["Roles"]["C4"] = "nobody-at-all"
    wb.save(book)
    out_path = tmp_path / "plan.yaml"
    code, out, err = run(capsys, "import", str(book), "-o", str(out_path))
    assert code == 2 and out == "" and not out_path.exists()
    assert f"migsdg: error: {book}: 2 problems in plan" in err
    assert "  Interventions!N7 (End date): 'sometime' is not a date (YYYY-MM-DD)" in err
    assert "  Roles!C4 (Actor ID): no actor has the ID 'nobody-at-all' on the Actors sheet" in err
    assert "Traceback" not in err
    # Unknown actor IDs can be kept, to be reported by migsdg check instead.
    wb["Interventions"]["N7"] = None
    wb.save(book)
    code, _, _ = run(capsys, "import", str(book), "-o", str(out_path), "--allow-unknown-ids")
    assert code == 0
    assert any(
        r.actor == "nobody-at-all"
        for iv in migsdg.load_plan(out_path).interventions
        for r in iv.roles
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "plan.yaml", "-o", "out.yaml"], "reads .xlsx workbooks"),
        (["import", "plan.xlsx", "-o", "out.xlsx"], "must be .yaml, .yml or .json"),
        (["import", "missing.xlsx", "-o", "out.yaml"], "No such file"),
    ],
)
def test_bad_input_exits_2_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_sector_team_workflow(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Blank workbook -> filled in -> migsdg import -> migsdg check -> Word draft."""
    import openpyxl

    blank = tmp_path / "health.xlsx"
    assert run(capsys, "workbook", "-o", str(blank))[0] == 0
    wb = openpyxl.load_workbook(blank)

    def fill(sheet: str, *rows: list[Any]) -> None:
        ws = wb[sheet]
        for row in rows:
            ws.append(row)

    plan_sheet = wb["Plan"]
    values = {"Plan ID": "hlt-2026", "Title": "Health sector plan", "Currency": "JMD"}
    for r in range(2, plan_sheet.max_row + 1):
        field = plan_sheet.cell(row=r, column=1).value
        if field in values:
            plan_sheet.cell(row=r, column=2).value = values[field]
    fill("Objectives", ["obj-1", "Retain health workers", "", "3.c"])
    fill("Actors", ["MOHW", "Ministry of Health and Wellness", "Government"])
    fill("Interventions", ["iv-1", "Bilateral health workforce agreement"])
    fill("Roles", ["iv-1", "Design", "MOHW", "Lead", "Drafts the agreement"])
    wb.save(blank)

    plan_file = tmp_path / "plan.yaml"
    code, _, err = run(capsys, "import", str(blank), "-o", str(plan_file))
    assert code == 0, err
    plan = migsdg.load_plan(plan_file)
    assert plan.interventions[0].roles[0] == m.Role(
        stage=m.Stage.DESIGN, actor="MOHW", role=m.RoleKind.LEAD, tasks="Drafts the agreement"
    )
    code, out, _ = run(capsys, "check", str(plan_file))
    assert code == 1 and "iv-1" in out  # an intervention with no description yet
    docx = tmp_path / "plan.docx"
    code, out, _ = run(capsys, "export", str(plan_file), "-o", str(docx))
    assert code == 0 and docx.read_bytes().startswith(b"PK")


def test_the_export_command_writes_workbooks_that_import_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import openpyxl

    full, data = tmp_path / "full.xlsx", tmp_path / "data.xlsx"
    assert run(capsys, "export", "--example", "national", "-o", str(full))[:2] == (0, f"{full}\n")
    code, _, _ = run(
        capsys, "export", "--example", "national", "-o", str(data), "-O", "computed=false"
    )
    assert code == 0
    assert "Findings" in openpyxl.load_workbook(full, read_only=True).sheetnames
    assert "Findings" not in openpyxl.load_workbook(data, read_only=True).sheetnames
    out_path = tmp_path / "plan.yaml"
    assert run(capsys, "import", str(full), "-o", str(out_path))[0] == 0
    assert migsdg.load_plan(out_path) == NATIONAL
    # A workbook is a plan file to the other commands too: checking it is checking the plan.
    from_workbook = run(capsys, "check", str(data), "--format", "json")
    from_yaml = run(capsys, "check", str(out_path), "--format", "json")
    assert from_workbook == from_yaml
