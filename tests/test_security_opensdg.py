"""The Open SDG export deletes and replaces only files it wrote itself, as its marker lists
them with their hashes; a marker that does not match what is there refuses the export.

docs/security.md names these test ids.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import migsdg
import migsdg.opensdg._folder as folder_module
from migsdg import ExportError
from migsdg.opensdg import MARKER, dump_data
from review_plans import national_plan, provincial_plan
from test_security_csv import spreadsheet_rows


def export(plan: migsdg.ActionPlan, folder: Path) -> None:
    migsdg.export(plan, folder, format="opensdg")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    folder = tmp_path / "build"
    export(national_plan(), folder)
    return folder


def test_a_marker_copied_into_a_data_repository_deletes_nothing(
    exported: Path, tmp_path: Path
) -> None:
    """The attack of the issue: the marker travels with the files into the site's data
    repository, whose files then differ from what the export wrote."""
    repo = tmp_path / "site-data"
    shutil.copytree(exported, repo)
    for path in repo.rglob("*.yml"):
        path.write_text(path.read_text("utf-8") + "# edited by the site team\n", "utf-8")
    (repo / "indicator-config" / "1-1-1.yml").write_text("indicator_number: 1.1.1\n", "utf-8")
    before = snapshot(repo)
    with pytest.raises(ExportError, match="not the file the export wrote"):
        export(provincial_plan(), repo)
    assert snapshot(repo) == before


def test_a_user_file_where_the_export_would_write_is_never_overwritten(exported: Path) -> None:
    listed = json.loads((exported / MARKER).read_text("utf-8"))["files"]
    assert all(d.startswith("sha256:") for d in listed.values())
    provincial_only = exported / "indicator-config" / "10-7-2.yml"
    if provincial_only.exists():  # the national plan writes it too: use another name
        provincial_only.unlink()
        marker = json.loads((exported / MARKER).read_text("utf-8"))
        del marker["files"]["indicator-config/10-7-2.yml"]
        (exported / MARKER).write_text(json.dumps(marker), "utf-8")
    provincial_only.write_text("the site's own file\n", "utf-8")
    before = snapshot(exported)
    with pytest.raises(ExportError, match="exists but the export did not write it"):
        export(provincial_plan(), exported)
    assert snapshot(exported) == before


@pytest.mark.parametrize(
    "files",
    [
        {"../outside.txt": "sha256:0"},
        {"/etc/passwd": "sha256:0"},
        {"indicator-config/../../outside.txt": "sha256:0"},
        {".hidden": "sha256:0"},
        ["indicator-config/10-7-2.yml"],  # the old marker: names without hashes
        {"indicator-config/10-7-2.yml": 5},
    ],
    ids=["parent", "absolute", "traversal", "hidden", "no-hashes", "not-a-hash"],
)
def test_a_forged_marker_is_refused_and_nothing_outside_is_touched(
    files: Any, exported: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", "utf-8")
    marker = json.loads((exported / MARKER).read_text("utf-8"))
    marker["files"] = files
    (exported / MARKER).write_text(json.dumps(marker), "utf-8")
    before = snapshot(exported)
    with pytest.raises(ExportError, match="does not list the files"):
        export(provincial_plan(), exported)
    assert snapshot(exported) == before
    assert outside.read_text("utf-8") == "keep me\n"


def test_a_listed_file_replaced_by_a_link_is_refused(exported: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.yml"
    victim.write_text("precious\n", "utf-8")
    listed = next(iter(json.loads((exported / MARKER).read_text("utf-8"))["files"]))
    (exported / listed).unlink()
    (exported / listed).symlink_to(victim)
    with pytest.raises(ExportError, match="not the file the export wrote"):
        export(provincial_plan(), exported)
    assert victim.read_text("utf-8") == "precious\n"


def test_a_sub_folder_replaced_by_a_link_is_refused(exported: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(exported / "indicator-config"), elsewhere)
    (exported / "indicator-config").symlink_to(elsewhere, target_is_directory=True)
    before = snapshot(elsewhere)
    with pytest.raises(ExportError):
        export(provincial_plan(), exported)
    assert snapshot(elsewhere) == before


def test_a_missing_listed_file_is_refused(exported: Path) -> None:
    listed = next(iter(json.loads((exported / MARKER).read_text("utf-8"))["files"]))
    (exported / listed).unlink()
    with pytest.raises(ExportError, match="is missing"):
        export(provincial_plan(), exported)


def test_an_interrupted_export_is_finished_by_the_next(
    exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = folder_module.atomic_write_bytes
    calls = {"n": 0}

    def failing(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # after the pending marker and one file
            raise OSError("disk full")
        real(path, data)

    monkeypatch.setattr(folder_module, "atomic_write_bytes", failing)
    with pytest.raises(OSError, match="disk full"):
        export(provincial_plan(), exported)
    monkeypatch.setattr(folder_module, "atomic_write_bytes", real)
    export(provincial_plan(), exported)  # recognised as the export's own, finished
    files = json.loads((exported / MARKER).read_text("utf-8"))["files"]
    assert sorted(str(p.relative_to(exported)) for p in exported.rglob("*.*")) == sorted(
        [MARKER, *files]
    )


def test_the_data_csv_keeps_each_value_in_its_cell() -> None:
    text = dump_data([{"Year": 2025, "Value": -3}], ["Sex\r=cmd|' /C calc'!A0", 'A, "B"'])
    rows = spreadsheet_rows(text)
    assert len(rows) == 2 and all(len(r) == 4 for r in rows)
    assert rows[1] == ["2025", "", "", "-3"]  # numbers stay numbers, signs included
