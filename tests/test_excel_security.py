"""Workbooks as untrusted input and as output others open: no formula injection, and
hostile files refused before they are parsed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import migsdg
from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import read_workbook, reader, write_workbook

PAYLOADS = (
    '=HYPERLINK("http://x","y")',
    "=cmd|'/C calc'!A0",
    "@SUM(1+1)",
    "+1+1",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
)

# Every test here runs through both workbook readers (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("excel_reader")


def _payload_plan() -> m.ActionPlan:
    return m.ActionPlan(
        id=PAYLOADS[0],
        title=PAYLOADS[1],
        summary=PAYLOADS[2],
        actors=(m.Actor(id="=A1", name=PAYLOADS[3], contact=PAYLOADS[4]),),
        interventions=(
            m.Intervention(
                id="-1",
                title=PAYLOADS[0],
                description=PAYLOADS[1],
                rationale=PAYLOADS[5],
                sector=PAYLOADS[6],
                outcomes=PAYLOADS,
                roles=(m.Role(stage=m.Stage.DESIGN, actor="=A1", tasks=PAYLOADS[2]),),
                links=("=A1", "@x"),
            ),
        ),
    )


@pytest.fixture(scope="module")
def payload_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inj") / "plan.xlsx"
    write_workbook(_payload_plan(), path)
    return path


def test_formula_payloads_round_trip_unchanged(payload_book: Path) -> None:
    assert read_workbook(payload_book) == _payload_plan()


def test_no_data_sheet_holds_a_formula(payload_book: Path) -> None:
    """Every cell of every data sheet is a value; text cells that open with a formula
    character carry Excel's quote prefix so they stay text when edited."""
    import openpyxl

    wb = openpyxl.load_workbook(payload_book)
    seen = set()
    for name in ("Plan", "Actors", "Interventions", "Roles", "Outcomes"):
        for row in wb[name].iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{name}!{cell.coordinate}"
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s"
                    assert cell.quotePrefix, f"{name}!{cell.coordinate}"
                    seen.add(cell.value)
    assert set(PAYLOADS[:5]) <= seen


def test_raw_sheet_xml_has_formulas_only_in_the_funding_summary(payload_book: Path) -> None:
    with zipfile.ZipFile(payload_book) as z:
        workbook = z.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet[^>]* name="([^"]+)"', workbook)
        for i, name in enumerate(names, start=1):
            xml = z.read(f"xl/worksheets/sheet{i}.xml").decode()
            has_formula = "<f>" in xml or "<f " in xml
            assert has_formula == (name == "Funding summary"), name


# -- limits ----------------------------------------------------------------------------------


def _message(path: Path) -> str:
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    (problem,) = info.value.problems
    return problem.message


@pytest.fixture
def never_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if openpyxl is asked to open the file at all."""
    import openpyxl

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_text_file_is_not_a_workbook(tmp_path: Path, never_parse: None) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("id: p\n", encoding="utf-8")
    assert _message(path) == "this is not an Excel workbook (.xlsx)"


def test_an_encrypted_workbook_is_refused(tmp_path: Path, never_parse: None) -> None:
    """Excel saves password-protected workbooks in an OLE (CFB) container."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    assert "encrypted (password-protected) or in the old .xls format" in _message(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path, never_parse: None) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert _message(path) == "this is a zip file, not an Excel workbook (.xlsx)"


def test_encrypted_zip_entries_are_refused(tmp_path: Path, never_parse: None) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    # zipfile cannot write encrypted entries: set the "encrypted" flag bit by hand in the
    # local header (offset 6) and the central directory entry (offset 8).
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    path.write_bytes(bytes(data))
    assert _message(path) == "the workbook's parts are encrypted; remove the password first"


def test_a_file_larger_than_any_plan_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, never_parse: None
) -> None:
    monkeypatch.setattr(reader, "MAX_WORKBOOK_BYTES", 1000)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK" + b"\0" * 2000)
    assert _message(path) == (
        "the file is 2,002 bytes; workbooks over 1,000 bytes are refused "
        "(no plan comes near that size)"
    )


def test_a_zip_bomb_is_refused_from_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, never_parse: None
) -> None:
    """The uncompressed sizes in the zip directory are checked before anything is
    decompressed (here the limit is lowered to 10 MB; 11 MB of zeros compress to 11 kB)."""
    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED_BYTES", 10_000_000)
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 11_000_000)
    assert path.stat().st_size < 50_000
    assert _message(path) == (
        "the workbook would expand to 11,000,008 bytes (over 10,000,000); refused before reading"
    )


def test_the_default_limits_leave_room_for_large_plans() -> None:
    """A 10,000-intervention workbook unzips to about 80 MB (benchmarks/excel.py)."""
    assert reader.MAX_UNCOMPRESSED_BYTES >= 10 * 80_000_000
    assert reader.MAX_WORKBOOK_BYTES >= 64 * 1024 * 1024


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    """A billion-laughs sheet: defusedxml (through openpyxl) refuses the entities."""
    good = tmp_path / "good.xlsx"
    write_workbook(m.ActionPlan(id="p"), good, computed=False)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":  # the Plan sheet
                data = bomb.encode()
            dst.writestr(info, data)
    assert "XML entity or DTD declarations, which are refused" in _message(path)


def test_a_damaged_workbook_is_a_load_error(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    write_workbook(m.ActionPlan(id="p"), good, computed=False)
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename != "xl/workbook.xml":
                dst.writestr(info, src.read(info.filename))
    assert _message(path).startswith("this is not a readable Excel workbook")


def test_a_real_example_still_reads_after_the_checks(tmp_path: Path) -> None:
    plan = attrs.evolve(load_example("provincial"))
    path = tmp_path / "p.xlsx"
    write_workbook(plan, path, computed=False)
    assert read_workbook(path) == plan
