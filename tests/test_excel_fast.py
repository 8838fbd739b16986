"""When the workbook reader goes through python-calamine, and when it leaves the file to the
openpyxl reader (whose guarantees the tests of test_excel_reader and test_excel_security
check through both readers)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from migsdg.examples import load_example
from migsdg.excel import read_workbook, reader, write_workbook
from migsdg.excel._fast import open_fast
from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET

pytest.importorskip("python_calamine")

NATIONAL = load_example("national")
DATA = {layout.name for layout in (FORM_SHEET, *DATA_SHEETS)}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fast") / "plan.xlsx"
    write_workbook(NATIONAL, path)
    return path


def fast(path: Path) -> dict[str, object] | None:
    return open_fast(path, DATA.__contains__)  # type: ignore[return-value]


def rewrite(src: Path, dst: Path, part: str, old: bytes, new: bytes) -> Path:
    """A copy of ``src`` with ``old`` replaced by ``new`` once in ``part``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == part:
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(info, data)
    return dst


def sheet_part(path: Path, name: str) -> str:
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(path) as z:
        book = fromstring(z.read("xl/workbook.xml"))
        rels = fromstring(z.read("xl/_rels/workbook.xml.rels"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    (sheet,) = [s for s in book.iter(f"{ns}sheet") if s.get("name") == name]
    (rel,) = [r for r in rels if r.get("Id") == sheet.get(rid)]
    return "xl/" + rel.get("Target").removeprefix("/xl/")


def test_a_plain_workbook_is_read_through_calamine(exported: Path) -> None:
    sheets = fast(exported)
    assert sheets is not None
    assert set(sheets) == DATA  # the data sheets only, not the computed ones
    assert reader.FAST_READER
    assert read_workbook(exported) == NATIONAL


def test_numbers_keep_their_openpyxl_types(exported: Path) -> None:
    sheets = fast(exported)
    assert sheets is not None
    values = [v for _, row in sheets["Resources"].rows() for _, v, _ in row]  # type: ignore[attr-defined]
    assert any(type(v) is int for v in values)
    assert not any(type(v) is float and v.is_integer() for v in values)
    assert "" not in values


@pytest.mark.parametrize(
    ("sheet", "old", "new"),
    [
        # a formula cell, and an error cell, in a data sheet
        ("Interventions", b"<c ", b'<c t="n"><f>1+1</f><v>2</v></c><c '),
        ("Interventions", b"<c ", b'<c t="e"><v>#DIV/0!</v></c><c '),
        # text that Excel escaped (_x005F_ for a literal _x0041_)
        ("Interventions", b"</t>", b"_x005F_x0041_</t>"),
        # a DTD in the prolog
        ("Actors", b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet'),
    ],
)
def test_what_calamine_cannot_read_exactly_goes_to_openpyxl(
    exported: Path, tmp_path: Path, sheet: str, old: bytes, new: bytes
) -> None:
    changed = rewrite(exported, tmp_path / "x.xlsx", sheet_part(exported, sheet), old, new)
    assert fast(changed) is None


def test_a_formula_in_a_computed_sheet_does_not_matter(exported: Path) -> None:
    with zipfile.ZipFile(exported) as z:
        assert any(b"<f>" in z.read(n) for n in z.namelist() if "worksheets/" in n)
    assert fast(exported) is not None


def test_a_part_larger_than_declared_is_not_read(exported: Path, tmp_path: Path) -> None:
    """A part whose content does not match its declared size and checksum stops the fast
    path (zipfile checks both as the part is read), before calamine opens the file."""
    part = sheet_part(exported, "Actors")
    bad = tmp_path / "crc.xlsx"
    with zipfile.ZipFile(exported) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), compress_type=zipfile.ZIP_STORED)
    raw = bytearray(bad.read_bytes())
    with zipfile.ZipFile(bad) as z:
        info = z.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 10] ^= 0xFF  # stored uncompressed: one byte of the sheet changes
    bad.write_bytes(bytes(raw))
    assert fast(bad) is None


# -- writing: data sheet rows as one element each ---------------------------------------------

_SAME_XML = """
import sys, zipfile, attrs
from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import write_workbook, writer

plan = load_example("national")
odd = ["=1+1", "#N/A", " spaced ", "   ", "_x0041_", "ctrl\\x01", "line\\nbreak", "-3", "@x"]
ivs = [attrs.evolve(plan.interventions[0], id=f"odd-{i}", title=t, description=t)
       for i, t in enumerate(odd)]
plan = attrs.evolve(plan, interventions=(*plan.interventions, *ivs))
out = sys.argv[1]
write_workbook(plan, out + "-fast.xlsx", today="2026-01-01")
writer._fast_rows = lambda ws: None
write_workbook(plan, out + "-openpyxl.xlsx", today="2026-01-01")
a, b = zipfile.ZipFile(out + "-fast.xlsx"), zipfile.ZipFile(out + "-openpyxl.xlsx")
assert a.namelist() == b.namelist()
print([n for n in a.namelist() if a.read(n) != b.read(n)])
"""


# openpyxl writes through lxml wherever it is installed (python-docx needs it), so the fast
# set checks that writer; the full set the other one too.
@pytest.mark.parametrize("lxml", ["True", pytest.param("False", marks=pytest.mark.slow)])
def test_data_rows_are_written_as_openpyxl_writes_them(tmp_path: Path, lxml: str) -> None:
    """Every part of the workbook is byte for byte what openpyxl's own cell writer makes,
    with lxml and with openpyxl's other XML writer."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "OPENPYXL_LXML": lxml, "SOURCE_DATE_EPOCH": "1767225600"}
    out = subprocess.run(
        [sys.executable, "-c", _SAME_XML, str(tmp_path / "book")],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout.strip()
    assert out == "[]"


def test_data_sheets_state_their_size(exported: Path) -> None:
    """A <dimension> element gives each data sheet's size, so that readers need not read a
    sheet twice (openpyxl's read-only mode does without it)."""
    from migsdg.excel import _cells as c
    from migsdg.excel.layout import DATA_SHEETS

    interventions = next(s for s in DATA_SHEETS if s.name == "Interventions")
    part = sheet_part(exported, "Interventions")
    with zipfile.ZipFile(exported) as z:
        xml = z.read(part)
    last = c.column_letter(len(interventions.all_columns))
    assert f'<dimension ref="A1:{last}{2 + len(NATIONAL.interventions)}"/>'.encode() in xml


def test_a_row_openpyxl_must_write_is_written_whole_by_openpyxl(tmp_path: Path) -> None:
    """A value the row writer leaves to openpyxl (an error code, a time) can
    come after values it has already taken: the row still comes out as openpyxl's."""
    import datetime as dt
    from decimal import Decimal

    from openpyxl import Workbook

    from migsdg.excel import writer

    class Label(str):
        pass

    rows = [
        ["a", 1, Decimal("1.5"), 2.5, True, dt.date(2026, 1, 2), None, "", " b "],
        [Label("label"), "x", 3],
        ["x", 4, "#N/A", "y"],
        ["x", Decimal("2"), dt.time(1, 2)],
        ["x", Label("=1+1")],
    ]

    def sheet_xml(fast: bool) -> bytes:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        if fast:
            writer._fast_rows(ws)
        for row in rows:
            ws.append(row)
        path = tmp_path / f"{fast}.xlsx"
        wb.save(path)
        with zipfile.ZipFile(path) as z:
            return z.read("xl/worksheets/sheet1.xml")

    assert sheet_xml(True) == sheet_xml(False)
