"""Hostile workbooks: a DTD in any XML part (in any encoding an XML parser detects), files
that are not files, and numbers a spreadsheet should not hold end in a located error.

Every test runs through both readers (the fast one where installed, and openpyxl's).
docs/security.md names these test ids.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

import migsdg
import migsdg.excel.reader as reader_module
from migsdg.errors import PlanLoadError
from migsdg.excel.reader import read_workbook
from review_plans import national_plan


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "plan.xlsx"
    migsdg.export(national_plan(), path)
    return path


# The fast set reads through python-calamine only (as tests/conftest.py's excel_reader);
# the full set through openpyxl's reader as well.
@pytest.fixture(params=["fast", pytest.param("openpyxl", marks=pytest.mark.slow)])
def either_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(reader_module, "FAST_READER", request.param == "fast")
    return str(request.param)


def repack(src: Path, dst: Path, part: str, change: object) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == part:
                data = change(data)  # type: ignore[operator]
            w.writestr(info, data)
    return dst


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(PlanLoadError) as info:
        read_workbook(path)
    return [(p.location, p.message) for p in info.value.problems]


def xml_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.endswith((".xml", ".rels"))]


DTD = '<!DOCTYPE x [<!ENTITY e "entity">]>'


def insert_dtd(data: bytes, encoding: str = "utf-8") -> bytes:
    text = data.decode("utf-8")
    declaration = re.match(r"<\?xml[^>]*\?>", text)
    at = declaration.end() if declaration else 0
    text = text[:at] + DTD + text[at:]
    if encoding != "utf-8":
        text = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
        text = text.replace("encoding='UTF-8'", f"encoding='{encoding.upper()}'")
        return text.encode(encoding)  # with a byte order mark for utf-16 and utf-32
    return text.encode("utf-8")


def test_every_xml_part_is_checked(workbook: Path, tmp_path: Path, either_reader: str) -> None:
    parts = xml_parts(workbook)
    assert {"xl/workbook.xml", "docProps/core.xml", "[Content_Types].xml"} <= set(parts)
    for part in parts:
        hostile = repack(workbook, tmp_path / "dtd.xlsx", part, insert_dtd)
        [(_, message)] = problems(hostile)
        assert part in message and "DTD" in message and "refused" in message, (part, message)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("part", ["xl/workbook.xml", "docProps/core.xml", "_rels/.rels"])
def test_a_dtd_cannot_hide_in_another_encoding(
    part: str, encoding: str, workbook: Path, tmp_path: Path, either_reader: str
) -> None:
    hostile = repack(workbook, tmp_path / "wide.xlsx", part, lambda d: insert_dtd(d, encoding))
    [(_, message)] = problems(hostile)
    assert part in message and "DTD" in message


def test_a_dtd_behind_comments_and_instructions_is_found(
    workbook: Path, tmp_path: Path, either_reader: str
) -> None:
    def hide(data: bytes) -> bytes:
        return insert_dtd(data).replace(b"<!DOCTYPE", b"<!-- x -->\n<?pi y?>\n  <!DOCTYPE", 1)

    hostile = repack(workbook, tmp_path / "hidden.xlsx", "xl/styles.xml", hide)
    [(_, message)] = problems(hostile)
    assert "xl/styles.xml" in message


def test_a_workbook_that_is_a_device_or_fifo_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.xlsx"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.xlsx"
    os.mkfifo(fifo)
    for path in (link, fifo):
        [(_, message)] = problems(path)
        assert "not a file" in message


# -- values -----------------------------------------------------------------------------------


def sheet_part(workbook: Path, sheet: str) -> str:
    with zipfile.ZipFile(workbook) as z:
        names = re.findall(r'<sheet [^>]*name="([^"]+)"', z.read("xl/workbook.xml").decode())
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def set_cell(data: bytes, cell: str, value: str) -> bytes:
    text = data.decode("utf-8")
    found = re.search(rf'<c r="{cell}"([^>]*?)(/>|>.*?</c>)', text)
    assert found is not None
    attributes = re.sub(r'\s*t="[^"]*"', "", found.group(1))
    new = f'<c r="{cell}"{attributes}><v>{value}</v></c>'
    return (text[: found.start()] + new + text[found.end() :]).encode("utf-8")


@pytest.mark.parametrize(
    "value", ["NaN", "nan", "INF", "-Infinity", "1e400", "-1.5E+999", "1e20", "9" * 5000]
)
def test_non_finite_amounts_say_what_is_wrong(
    value: str, workbook: Path, tmp_path: Path, either_reader: str
) -> None:
    part = sheet_part(workbook, "Resources")
    hostile = repack(workbook, tmp_path / "n.xlsx", part, lambda d: set_cell(d, "C3", value))
    [(where, message)] = problems(hostile)
    assert where == "Resources!C3 (Amount)"
    assert any(w in message for w in ("not a number", "not a finite number", "too large"))


@pytest.mark.parametrize("serial", ["2958466", "1e10", "1e400", "-1e400", "NaN"])
def test_date_serials_outside_the_calendar_say_so(
    serial: str, workbook: Path, tmp_path: Path, either_reader: str
) -> None:
    part = sheet_part(workbook, "Interventions")
    hostile = repack(workbook, tmp_path / "d.xlsx", part, lambda d: set_cell(d, "M3", serial))
    [(where, message)] = problems(hostile)
    assert where == "Interventions!M3 (Start date)"
    assert "not a number" in message or "outside the dates" in message


@pytest.mark.parametrize("serial", ["0", "0.5", "-5"])
def test_date_serials_below_one_are_not_dates(
    serial: str, workbook: Path, tmp_path: Path, either_reader: str
) -> None:
    part = sheet_part(workbook, "Interventions")
    hostile = repack(workbook, tmp_path / "t.xlsx", part, lambda d: set_cell(d, "M3", serial))
    [(where, message)] = problems(hostile)
    assert where == "Interventions!M3 (Start date)"
    assert "not a date" in message or "outside the dates" in message
