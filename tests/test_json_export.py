"""The ``json`` export is the plan file format: byte for byte what ``save_plan`` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import migsdg
from interop_plans import national_plan, provincial_plan
from migsdg.examples import load_example, names
from migsdg.io import SCHEMA_VERSION

PLANS = {
    **{f"example:{n}": (lambda n=n: load_example(n)) for n in names()},
    "interop:national": national_plan,
    "interop:provincial": provincial_plan,
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_json_export_writes_what_save_plan_writes_and_loads_back_equal(
    name: str, tmp_path: Path
) -> None:
    plan = PLANS[name]()
    exported = migsdg.export(plan, tmp_path / "exported.json")
    saved = migsdg.save_plan(plan, tmp_path / "saved.json")
    assert exported.read_bytes() == saved.read_bytes()
    assert migsdg.load_plan(exported) == plan
    data = json.loads(exported.read_text("utf-8"))
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION


def test_format_json_works_whatever_the_suffix(tmp_path: Path) -> None:
    plan = national_plan()
    out = migsdg.export(plan, tmp_path / "plan.txt", format="json")
    assert migsdg.loads_plan(out.read_text("utf-8"), format="json") == plan


def test_json_export_keeps_unicode_as_text(tmp_path: Path) -> None:
    plan = provincial_plan()
    out = migsdg.export(plan, tmp_path / "p.json")
    assert "Ventanilla única" in out.read_text("utf-8")


def test_json_export_takes_no_options(tmp_path: Path) -> None:
    with pytest.raises(migsdg.ExportError, match="no option"):
        migsdg.export(national_plan(), tmp_path / "p.json", indent=4)


def test_cli_exports_json(tmp_path: Path) -> None:
    from migsdg.cli import main

    out = tmp_path / "plan.json"
    assert main(["export", "--example", "national", "-o", str(out)]) == 0
    assert migsdg.load_plan(out) == load_example("national")
