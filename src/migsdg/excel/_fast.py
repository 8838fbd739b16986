"""The data sheets of a workbook through python-calamine (a reader written in Rust), when
it is installed (``pip install 'migsdg[fast]'``) and the workbook is one it reads exactly as
the openpyxl reader would.

Calamine gives cell values only: no formulas, no error cells, and text with some of
Excel's ``_xHHHH_`` escapes already undone. So before calamine sees the file, every zip
part is read once through :mod:`zipfile` (which checks each part's size and checksum against
what the container declared, so nothing expands past what ``_check_container`` accepted),
and the file goes to the openpyxl reader instead when

* an XML part declares a DTD or entities (the openpyxl reader refuses those with its
  message), or is not plainly UTF-8 so its prolog cannot be checked here;
* a data sheet holds a formula (``<f>``) or an error cell (``t="e"``): the openpyxl reader
  reports each with its cell;
* a data sheet or the shared strings hold ``_xHHHH_`` text, which only the openpyxl reader
  gives back exactly as stored;
* the workbook's parts are not where this reader looks, or calamine fails on the file.

What remains is a plain workbook of values, the common case, read in a fraction of the time.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

__all__ = ["FastSheet", "available", "open_fast"]

_CHUNK = 1 << 20
_HEAD = 1 << 16
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_FORMULA = re.compile(rb"<f[\s>/]")
_ESCAPE = re.compile(rb"_[xX][0-9A-Fa-f]{4}_")
_ERROR_CELL = (b't="e"', b"t='e'")
# A stored value that is no plain finite number (NaN, INF, 1e400): calamine would turn it
# into a date or a number silently; the openpyxl reader reports it with its cell.
_ODD_VALUE = re.compile(rb"<v>\s*[-+]?(?:[A-Za-z]|[0-9.]*[eE][-+]?[0-9]{3})")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SHARED_STRINGS = "/sharedStrings"
_WORKBOOK = "xl/workbook.xml"


def available() -> bool:
    """True if python-calamine can be imported."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


class FastSheet:
    """One sheet's cells, row by row: (row number, [(column number, value, data type)])
    with the data types openpyxl's parser gives (``s``, ``n``, ``b``, ``d``)."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self._rows = rows

    def rows(self) -> Iterator[tuple[int, list[tuple[int, Any, str]]]]:
        for r, row in enumerate(self._rows, start=1):
            cells: list[tuple[int, Any, str]] = []
            append = cells.append
            for col, value in enumerate(row, start=1):
                kind = type(value)
                if kind is str:
                    if value:  # calamine gives "" for an empty cell
                        append((col, value, "s"))
                elif kind is float:
                    append((col, _plain(value), "n"))
                else:
                    append((col, value, _TYPES.get(kind, "n")))
            yield r, cells


_TYPES = {str: "s", bool: "b", int: "n", float: "n"}


def _plain(value: Any) -> Any:
    # Calamine gives every number as a float; openpyxl gives whole numbers written
    # without a fraction as int.
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def open_fast(path: Path, wanted: Callable[[str], bool]) -> dict[str, FastSheet] | None:
    """The sheets whose names ``wanted`` accepts, read through calamine; None where the
    file must go to the openpyxl reader (see the module docstring)."""
    try:
        import python_calamine
    except ImportError:
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _data_parts(archive, wanted)
            if parts is None or not _plain_parts(archive, parts):
                return None
        with python_calamine.CalamineWorkbook.from_path(str(path)) as wb:
            return {
                name: FastSheet(wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in parts.values()
                if name is not None
            }
    except Exception:  # a damaged file: the openpyxl reader says what is wrong with it
        return None


def _data_parts(
    archive: zipfile.ZipFile, wanted: Callable[[str], bool]
) -> dict[str, str | None] | None:
    """Zip part name -> sheet name for the wanted sheets, and the shared strings part (with
    None); None if the workbook is not laid out where this reader looks."""
    from defusedxml.ElementTree import fromstring

    names = set(archive.namelist())
    if _WORKBOOK not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    book = fromstring(archive.read(_WORKBOOK))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    if book.tag != f"{_MAIN_NS}workbook":
        return None
    targets: dict[str, str] = {}
    out: dict[str, str | None] = {}
    for rel in rels.iter(f"{_REL_NS}Relationship"):
        target = rel.get("Target") or ""
        part = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        targets[rel.get("Id") or ""] = part
        if (rel.get("Type") or "").endswith(_SHARED_STRINGS):
            out[part] = None
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        name = sheet.get("name") or ""
        if not wanted(name):
            continue
        found = targets.get(sheet.get(f"{_DOC_NS}id") or "")
        if found is None or found not in names:
            return None
        out[found] = name
    return out


def _plain_parts(archive: zipfile.ZipFile, data: Collection[str]) -> bool:
    """Read every part once; True if none needs the openpyxl reader."""
    for info in archive.infolist():
        name = info.filename
        xml = name.endswith((".xml", ".rels"))
        with archive.open(info) as src:
            head = src.read(_HEAD)
            if xml and not _plain_prolog(head):
                return False
            if name in data:
                if not _plain_data(head, src, sheet=not name.endswith(_SHARED_STRINGS + ".xml")):
                    return False
            else:
                while src.read(_CHUNK):  # sizes and checksums are checked as it is read
                    pass
    return True


def _plain_prolog(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        return False  # UTF-16 or UTF-32: leave it to the openpyxl reader
    root = _ROOT.search(head)
    if root is None:  # no element within the head: not a part this reader can vouch for
        return False
    prolog = head[: root.start()]
    return b"<!DOCTYPE" not in prolog and b"<!ENTITY" not in prolog


def _plain_data(head: bytes, src: Any, *, sheet: bool) -> bool:
    root = _ROOT.search(head)
    if root is None or b":" in root.group(1):
        return False  # a prefixed namespace: formulas would not be spelt <f>
    tail = b""
    chunk = head
    while chunk:
        block = tail + chunk
        if _ESCAPE.search(block) or b"<rPh" in block:  # escapes, phonetic runs
            return False
        if sheet and (
            _FORMULA.search(block)
            or any(e in block for e in _ERROR_CELL)
            or _ODD_VALUE.search(block)
        ):
            return False
        tail = block[-8:]
        chunk = src.read(_CHUNK)
    return True
