"""Reading a plan back from a workbook.

The data sheets are read (through python-calamine where it is installed and the workbook
holds plain values only, see :mod:`migsdg.excel._fast`; otherwise streamed by openpyxl's
read-only mode) into the same plain data a plan file holds, then built into a plan by
:func:`migsdg.io.plan_from_dict`, the loader's own converter and validation. Each item
remembers the sheet and row it came from, so every problem the loader reports is given
back with its sheet, cell and column title::

    Interventions!F7 (End date): 'sometime' is not a date (YYYY-MM-DD)

All problems are reported at once in one :class:`~migsdg.errors.PlanLoadError`.

Before anything is parsed, the file is checked: it must be an ``.xlsx`` (zip) workbook,
not encrypted, not larger than any plan needs, and its zip entries must not expand past a
sane size. XML entity declarations are refused (openpyxl parses through defusedxml).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import itertools
import math
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from migsdg import model as m
from migsdg.catalogue import catalogue
from migsdg.errors import PlanLoadError, Problem
from migsdg.excel import _cells as c
from migsdg.excel._fast import FastSheet, open_fast
from migsdg.excel.layout import (
    DATA_SHEETS,
    FORM_SHEET,
    HEADER_ROW,
    KEY_PREFIX,
    KEY_ROW,
    LIST_KINDS,
    Column,
    Kind,
    SheetLayout,
    Slot,
    choice_label,
    sheet_name,
)
from migsdg.i18n import N_, Message, joined, msg, msgn
from migsdg.io import MAX_PLAN_FILE_BYTES, plan_from_dict

if TYPE_CHECKING:
    from migsdg.i18n import Translator

__all__ = [
    "CHECKED_REFERENCES",
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_WORKBOOK_BYTES",
    "read_workbook",
]

#: Workbook files larger than this are refused before they are opened.
MAX_WORKBOOK_BYTES = MAX_PLAN_FILE_BYTES
#: The zip entries together may not expand past this (a 10,000-intervention plan needs
#: well under a tenth of it).
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
#: Nor may the workbook hold more zip entries than this.
MAX_ENTRIES = 10_000
#: Sheets whose IDs other rows must name exactly; an unknown ID there is an import error.
#: (References to objectives, interim targets and linked frameworks are left to the
#: checks, as in plan files.)
CHECKED_REFERENCES = ("Actors", "Funding sources")

#: Read through python-calamine where it can be (off: always the openpyxl reader).
FAST_READER = True

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


#: Kinds whose text is parsed into something else; only there is a cell of spaces blank.
#: Elsewhere text is kept exactly as written, spaces included.
_PARSED_KINDS = frozenset(
    {
        Kind.CHOICE,
        Kind.CHOICES,
        Kind.SLOT,
        Kind.DATE,
        Kind.MONEY,
        Kind.NUMBER,
        Kind.INTEGER,
        Kind.YEAR,
        Kind.SEQ,
        Kind.TARGET,
        Kind.TARGETS,
        Kind.NUMBERS,
        Kind.REFS,
    }
)


#: Kinds whose text cells are read as the text itself (only Excel's escapes undone).
_TEXT_KINDS = frozenset(
    {Kind.ID, Kind.TEXT, Kind.LONG_TEXT, Kind.REF, Kind.INDICATOR, Kind.CODE, Kind.PARENT}
)
assert not _TEXT_KINDS & (_PARSED_KINDS | LIST_KINDS)
#: Kinds whose numbers are read as the numbers themselves.
_NUMBER_KINDS = frozenset({Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.YEAR, Kind.SEQ})


class _Blank:
    """A cell with nothing in it (or a value already reported as a problem)."""


BLANK = _Blank()
REPORTED = _Blank()


def read_workbook(path: str | os.PathLike[str], *, check_references: bool = True) -> m.ActionPlan:
    """Read a plan from an ``.xlsx`` workbook written by migsdg (or filled in from its
    blank template).

    The workbook is the whole plan. Raises :class:`PlanLoadError` listing every problem
    with its sheet, cell and column, and :class:`OSError` if the file cannot be read.

    A row naming an actor or funding source that is not on the Actors or Funding sources
    sheet is an error; with ``check_references=False`` such IDs are kept as written (as a
    plan file keeps them) and left for the checks to report. Rows whose intervention,
    consultation or indicator cannot be found are always errors: they could not be placed.
    """
    path = Path(path)
    source = str(path)
    _check_container(path, source)
    reader = _Reader(source, check_references=check_references)
    data = reader.read(path)
    problems = list(reader.problems)
    plan: m.ActionPlan | None = None
    try:
        plan = plan_from_dict(data, source=source, in_place=True)
    except PlanLoadError as exc:
        reported = {p.location for _, p in problems}
        for problem in exc.problems:
            key, located = reader.locate(data, problem)
            if located.location not in reported:
                problems.append((key, located))
    if problems or plan is None:
        problems.sort(key=lambda kp: kp[0])
        # The command line reports the problems in the workbook's language (its sheet names
        # tell it).
        raise PlanLoadError([p for _, p in problems], source=source, language=reader.language)
    return plan


# -- the container --------------------------------------------------------------------------


def _refuse(source: str, message: str) -> PlanLoadError:
    return PlanLoadError([Problem(location="", message=message)], source=source)


def _check_container(path: Path, source: str) -> None:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO or /dev/zero would hang or never end
        raise _refuse(source, "this is not a file; workbooks are read from regular files only")
    size = info.st_size
    if size > MAX_WORKBOOK_BYTES:
        raise _refuse(
            source,
            f"the file is {size:,} bytes; workbooks over {MAX_WORKBOOK_BYTES:,} bytes are "
            "refused (no plan comes near that size)",
        )
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE_MAGIC):
        raise _refuse(
            source,
            "this workbook is encrypted (password-protected) or in the old .xls format; "
            "remove the password, or save it as an Excel workbook (.xlsx), and import that",
        )
    if not head.startswith(b"PK"):
        raise _refuse(source, "this is not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise _refuse(source, f"this is not a readable Excel workbook ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise _refuse(source, f"the workbook holds {len(infos):,} parts; this is not a plan")
    if any(info.flag_bits & 0x1 for info in infos):
        raise _refuse(source, "the workbook's parts are encrypted; remove the password first")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse(
            source,
            f"the workbook would expand to {total:,} bytes (over "
            f"{MAX_UNCOMPRESSED_BYTES:,}); refused before reading",
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise _refuse(source, "this is a zip file, not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            for part in infos:
                if not part.is_dir():
                    with archive.open(part) as src:
                        _check_prolog(part.filename, src.read(_PROLOG_BYTES), source)
    except PlanLoadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _refuse(source, f"this is not a readable Excel workbook ({exc})") from None


#: How much of each part is read to find its root element behind the XML prolog.
_PROLOG_BYTES = 1 << 16
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def _check_prolog(name: str, head: bytes, source: str) -> None:
    """Refuse a part whose XML prolog declares a DTD (``<!DOCTYPE``, and with it any
    entity), in every part of the package, whichever parser would read it later: the
    workbook, the sheets, the document properties, the relationships. The prolog is
    decoded the way an XML parser would detect its encoding (UTF-8, UTF-16, UTF-32), so a
    declaration cannot hide in another encoding; EBCDIC is refused outright."""
    where = f"the workbook part {name}"
    if head.startswith(b"\x4c\x6f\xa7\x94"):
        raise _refuse(source, f"{where} is XML in EBCDIC, which is refused for safety")
    text = None
    for mark, encoding in _WIDE:
        if head.startswith(mark):
            unit = 4 if "32" in encoding else 2
            raw = head[: len(head) - len(head) % unit]
            text = raw.decode(encoding, errors="replace").lstrip("\ufeff")
            break
    if text is None:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    if not text.lstrip().startswith("<"):
        return  # not XML (an image, a binary part)
    pos = 0
    while True:
        item = _PROLOG_ITEM.match(text, pos)
        if item is None or item.end() == pos:
            break
        pos = item.end()
    rest = text[pos:]
    if rest.startswith("<!"):
        raise _refuse(source, f"{_ENTITIES} (a DTD, <!DOCTYPE>, in the part {name})")
    if not rest.startswith("<") or len(rest) < 2:
        raise _refuse(
            source,
            f"{where} has no element in its first {_PROLOG_BYTES:,} bytes; refused for safety",
        )


def _shared_strings(archive: zipfile.ZipFile) -> list[str] | None:
    """The shared strings exactly as stored (openpyxl drops ``x005F_`` from them, which
    would undo Excel's escaping of literal ``_xHHHH_`` text)."""
    from defusedxml.ElementTree import fromstring, iterparse

    types = fromstring(archive.read("[Content_Types].xml"))
    part = None
    for override in types:
        if override.get("ContentType") == _SHARED_STRINGS_TYPE:
            part = (override.get("PartName") or "").lstrip("/")
    if not part:
        return None
    strings: list[str] = []
    with archive.open(part) as src:
        for _, node in iterparse(src):
            if node.tag == f"{_MAIN_NS}si":
                texts = [t.text or "" for t in node.iter(f"{_MAIN_NS}t")]
                # Phonetic runs (rPh) are reading aids, not part of the text.
                for ph in node.iter(f"{_MAIN_NS}rPh"):
                    for t in ph.iter(f"{_MAIN_NS}t"):
                        texts.remove(t.text or "")
                strings.append("".join(texts))
                node.clear()
    return strings


# -- locations ----------------------------------------------------------------------------


@attrs.frozen
class _RowLoc:
    """Where one item came from: a sheet row (or, for the Plan form, a row per field)."""

    layout: SheetLayout
    order: int  # the sheet's position in the workbook layout, for sorting problems
    row: int
    columns: dict[str, tuple[int, str]]  # key -> (column number, title) as found
    name: str  # the sheet's name as formulas write it, as the workbook names the sheet

    def cell(self, key: str) -> tuple[tuple[int, int, int], str]:
        name = self.name
        if not key and self.layout.item is str:
            key = f"#{self.layout.columns[0].title}"
        found = self.columns.get(key)
        if found is None:
            found = next(
                (v for k, v in self.columns.items() if k and key and k.startswith(key + ".")),
                None,
            )
        if self.layout is FORM_SHEET:
            if found is None:
                title = _form_title(key)
                return (self.order, 0, 0), f"{name} ({title})" if title else name
            row, title = found
            return (self.order, row, 2), f"{name}!B{row} ({title})"
        if found is None:
            title = next(
                (col.title for col in self.layout.all_columns if key and col.key == key), ""
            )
            where = f"{name} row {self.row}" + (f" ({title})" if title else "")
            return (self.order, self.row, 0), where
        index, title = found
        return (self.order, self.row, index), f"{name}!{c.column_letter(index)}{self.row} ({title})"


def _form_title(key: str) -> str:
    for col in FORM_SHEET.columns:
        if col.key == key or (key and col.key.startswith(key + ".")):
            return col.title
    return ""


_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


# -- the reader ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


@functools.cache
def _sheet_names() -> dict[str, dict[str, str]]:
    """Each data sheet's name (and the Plan form's), as :func:`_norm` makes it, in English
    and in every language the tool speaks -> {English layout name: language}."""
    from migsdg.i18n import languages, translator

    out: dict[str, dict[str, str]] = {}
    for language in ("en", *languages()):
        tr = translator(language)
        for layout in (FORM_SHEET, *DATA_SHEETS):
            names = out.setdefault(_norm(sheet_name(layout.name, tr)), {})
            names.setdefault(layout.name, language)
    return out


def _keys(layout: SheetLayout) -> dict[str, Column]:
    """Each column of ``layout`` by the text of its cell in the hidden key row."""
    return {KEY_PREFIX + col.stable_key: col for col in layout.all_columns}


def _is_key_row(cells: list[tuple[int, Any, str]]) -> bool:
    """Whether a sheet's first row is the hidden key row the writer makes."""
    return any(isinstance(v, str) and v.startswith(KEY_PREFIX) for _, v, _ in cells)


def _titles(columns: Sequence[Column]) -> dict[str, Column]:
    """Each column by its header in English and in every language the tool speaks, so a
    workbook written in any of them reads back the same."""
    from migsdg.i18n import languages, translator

    out = {_norm(col.title): col for col in columns}
    for language in languages():
        tr = translator(language)
        for col in columns:
            out.setdefault(_norm(tr._(col.title)), col)
    return out


def _choice_map(choices: type[m.Choice]) -> dict[str, str]:
    """Each choice by its value and by its label in every language the tool speaks, so a
    workbook written in any of them reads back the same."""
    from migsdg.i18n import languages, translator

    out: dict[str, str] = {}
    for e in choices:
        out[_norm(e.value)] = e.value
        out[_norm(e.label)] = e.value
    for language in languages():
        tr = translator(language)
        for e in choices:
            out.setdefault(_norm(choice_label(e, tr)), e.value)
    return out


class _Reader:
    def __init__(self, source: str, *, check_references: bool = True) -> None:
        self.source = source
        self.check_references = check_references
        self.problems: list[tuple[tuple[int, int, int], Problem]] = []
        self.locs: dict[int, _RowLoc] = {}  # id(item dict) -> where it came from
        self.text_locs: dict[int, list[_RowLoc]] = {}  # id(list of texts) -> rows
        self.owners: dict[str, dict[str, list[tuple[dict[str, Any], int]]]] = {}
        self.entries: dict[tuple[str, int], tuple[dict[str, Any], int]] = {}
        self.references: list[tuple[str, str, tuple[int, int, int], str | tuple[str, str]]] = []
        self.ids: dict[str, set[str]] = {}
        self.choice_maps: dict[type, dict[str, str]] = {}
        self.choices_seen: dict[tuple[type, str], str | None] = {}
        #: The workbook's language, as its sheet names tell it, and the data sheets found.
        self.language = "en"
        self.found: dict[str, str] = {}
        cat = catalogue()
        self.targets = cat.targets

    # -- problems --------------------------------------------------------------------

    def problem(
        self, key: tuple[int, int, int], location: str | tuple[str, str], message: str
    ) -> None:
        """Record a problem; ``location`` is the text, or (sheet, column title) of the
        cell at ``key`` (formatted only when there is a problem to report)."""
        if not isinstance(location, str):
            sheet, title = location
            location = f"{sheet}!{c.column_letter(key[2])}{key[1]} ({title})"
        self.problems.append((key, Problem(location=location, message=message)))

    def problem_at(self, loc: _RowLoc, column_key: str, message: str) -> None:
        """Record a problem in the cell of ``loc``'s row under ``column_key`` (found only
        when there is a problem to report)."""
        key, where = loc.cell(column_key)
        self.problem(key, where, message)

    def locate(self, data: dict[str, Any], problem: Problem) -> tuple[Any, Problem]:
        """The sheet, cell and column of a problem the loader found at a key path."""
        tokens = [
            (name, int(index) if index else None)
            for name, index in _TOKEN.findall(problem.location)
        ]
        obj: Any = data
        best = self.locs.get(id(data))
        rest_from = 0
        for i, (name, index) in enumerate(tokens):
            if name:
                if not isinstance(obj, dict) or name not in obj:
                    break
                obj = obj[name]
            else:
                assert index is not None
                if not isinstance(obj, list) or index >= len(obj):
                    break
                rows = self.text_locs.get(id(obj))
                if rows is not None and index < len(rows):
                    best, rest_from = rows[index], len(tokens)
                    break
                obj = obj[index]
            if id(obj) in self.locs:
                best, rest_from = self.locs[id(obj)], i + 1
        key = ".".join(name for name, _ in tokens[rest_from:] if name)
        if best is None:
            return (0, 0, 0), problem
        sort_key, where = best.cell(key)
        return sort_key, Problem(location=where, message=problem.message)

    # -- the workbook ------------------------------------------------------------------

    def read(self, path: Path) -> dict[str, Any]:
        from defusedxml import DefusedXmlException

        try:
            return self._read(path)
        except DefusedXmlException:
            raise _refuse(self.source, _ENTITIES) from None

    def _open(self, path: Path) -> tuple[Any, dict[str, Any]]:
        if FAST_READER:
            wanted = _sheet_names()
            fast = open_fast(path, lambda name: _norm(name) in wanted)
            if fast is not None:
                return None, fast
        import warnings

        from defusedxml import DefusedXmlException
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():
                # openpyxl warns about features it does not read (conditional formats,
                # data validation extensions); none of them holds plan data.
                warnings.simplefilter("ignore")
                wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
            sheets = {ws.title: ws for ws in wb.worksheets}
            self._fix_shared_strings(wb, sheets)
        except Exception as exc:  # openpyxl's many ways of failing on a damaged file
            if _caused_by(exc, DefusedXmlException):
                raise _refuse(self.source, _ENTITIES) from None
            raise _refuse(
                self.source,
                f"this is not a readable Excel workbook ({type(exc).__name__}: {exc})",
            ) from None
        return wb, sheets

    def _read(self, path: Path) -> dict[str, Any]:
        wb, sheets = self._open(path)
        try:
            found = self._find_sheets(sheets)
            data: dict[str, Any] = {}
            layouts = (FORM_SHEET, *DATA_SHEETS)
            for order, layout in enumerate(layouts):
                name = found.get(layout.name)
                if name is None:
                    self.problem(
                        (order, 0, 0),
                        self.ref(layout.name),
                        msg(
                            "the sheet is missing. Importing replaces the whole plan, so a "
                            "missing sheet would drop everything on it; restore the sheet (a "
                            "blank workbook from 'migsdg workbook' has them all), even if it "
                            "stays empty"
                        ),
                    )
                    continue
                ws = sheets[name]
                if not isinstance(ws, FastSheet):
                    ws.reset_dimensions()  # trust the rows, not a stated size
                if layout is FORM_SHEET:
                    self._read_form(ws, data, order)
                else:
                    self._read_table(ws, layout, data, order)
            if self.check_references:
                self._check_references()
            return data
        finally:
            if wb is not None:
                wb.close()

    def _find_sheets(self, sheets: dict[str, Any]) -> dict[str, str]:
        """Each data sheet's name in the workbook (English layout name -> sheet name),
        whichever language the workbook names it in. Where two sheets could be one data
        sheet (a copy in another language), the one in the workbook's language is read
        and the other is reported."""
        known = _sheet_names()
        # The workbook's language: the one that names the most of its sheets.
        votes: dict[str, int] = {}
        for name in sheets:
            for language in known.get(_norm(name), {}).values():
                votes[language] = votes.get(language, 0) + 1
        if votes:
            self.language = max(sorted(votes), key=lambda lang: votes[lang])
        candidates: dict[str, list[str]] = {}
        for name in sheets:
            for english in known.get(_norm(name), {}):
                candidates.setdefault(english, []).append(name)
        found: dict[str, str] = {}
        for order, layout in enumerate((FORM_SHEET, *DATA_SHEETS)):
            names = candidates.get(layout.name, [])
            if len(names) > 1:
                mine = [n for n in names if known[_norm(n)][layout.name] == self.language]
                if len(mine) == 1:
                    names = mine
                else:
                    self.problem(
                        (order, 0, 0),
                        " / ".join(c.sheet_ref(n) for n in names),
                        msg(
                            "these sheets are each named as the same sheet of the plan (in "
                            "different languages); keep one of them and rename or delete the "
                            "others"
                        ),
                    )
                    continue
            if names:
                found[layout.name] = names[0]
        self.found = found
        return found

    def shown(self, english: str) -> str:
        """The name of the sheet called ``english`` in English as the workbook names it:
        its name in the workbook, or where it is missing, its name in the workbook's
        language."""
        name = self.found.get(english)
        if name is None:
            from migsdg.i18n import translator

            name = sheet_name(english, translator(self.language))
        return name

    def ref(self, english: str) -> str:
        """That name as a location (sheet!cell) writes it: quoted where needed."""
        return c.sheet_ref(self.shown(english))

    def _fix_shared_strings(self, wb: Any, sheets: dict[str, Any]) -> None:
        archive = getattr(wb, "_archive", None)
        if not isinstance(archive, zipfile.ZipFile):
            return
        mine = _shared_strings(archive)
        for ws in sheets.values():
            theirs = getattr(ws, "_shared_strings", None)
            if isinstance(theirs, list) and mine is not None and len(mine) == len(theirs):
                theirs[:] = mine
                return

    # -- cell values -------------------------------------------------------------------

    def cell_value(
        self,
        col: Column,
        value: Any,
        data_type: str,
        key: tuple[int, int, int],
        where: str | tuple[str, str],
    ) -> Any:
        """The plain value of a cell for the loader, ``BLANK``, or ``REPORTED``."""
        if data_type == "f":
            self.problem(
                key,
                where,
                msg(
                    "a formula ({formula}) is not accepted in a data sheet; type the value "
                    "itself (copy the cell, then paste it as a value)",
                    formula=_short(str(value)),
                ),
            )
            return REPORTED
        if data_type == "e":
            self.problem(key, where, msg("the cell holds the error value {value}", value=value))
            return REPORTED
        if data_type == _NOT_A_NUMBER:
            text = str(value).strip().lstrip("+-")
            if text.isdigit():  # more digits than Python reads as a whole number
                message = msg(
                    "the cell stores a number of {digits} digits, which is too large",
                    digits=Decimal(len(text)),
                )
            else:
                message = msg(
                    "the cell stores {value}, which is not a number", value=_short(str(value))
                )
            self.problem(key, where, message)
            return REPORTED
        if data_type == _DATE_OUT_OF_RANGE:
            self.problem(key, where, _date_range_message(value))
            return REPORTED
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(
                key,
                where,
                msg("the cell stores {value}, which is not a finite number", value=value),
            )
            return REPORTED
        if value is None:
            return BLANK
        if not isinstance(value, (str, int, float, bool, _dt.date, _dt.time, _dt.timedelta)):
            value = str(value)  # rich text
        if isinstance(value, str):
            value = c.unescape_text(value)
            if col.kind in _PARSED_KINDS and not value.strip():
                return BLANK  # spaces where a date, number or choice goes: nothing given
        kind = col.kind
        if kind in (Kind.CHOICE, Kind.SLOT):
            return self.choice(col, value, key, where)
        if col.is_list:
            return self.list_value(col, value, key, where)
        if kind is Kind.TARGET:
            return self.target(value, key, where)
        if kind is Kind.DATE:
            if isinstance(value, _dt.datetime) and value.time() == _dt.time(0):
                return value.date()
            if isinstance(value, (_dt.time, _dt.timedelta)):
                self.problem(
                    key,
                    where,
                    msg(
                        "the cell holds a time of day or a duration (a date serial number "
                        "below 1), not a date; type the date as YYYY-MM-DD"
                    ),
                )
                return REPORTED
            if isinstance(value, (int, float)) and not 1 <= value <= _LAST_SERIAL:
                self.problem(key, where, _date_range_message(value))
                return REPORTED
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.problem(
                    key,
                    where,
                    msg(
                        "{value} is a number, not a date; format the cell as a date or type "
                        "the date as YYYY-MM-DD",
                        value=_short(value),
                    ),
                )
                return REPORTED
            return value.strip() if isinstance(value, str) else value
        if kind in (Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.YEAR, Kind.SEQ):
            return value
        return _as_text(value)

    def choice(
        self, col: Column, value: Any, key: tuple[int, int, int], where: str | tuple[str, str]
    ) -> Any:
        assert col.choices is not None
        choices = self.choice_maps.get(col.choices)
        if choices is None:
            choices = self.choice_maps[col.choices] = _choice_map(col.choices)
        if isinstance(value, str):
            seen = (col.choices, value)  # each text as typed is normalised once
            found = self.choices_seen.get(seen)
            if found is None:
                found = self.choices_seen[seen] = choices.get(_norm(value))
            if found is not None:
                return found
        # The choices as the workbook offers them (in its language).
        tr = self.tr
        labels = [choice_label(e, tr) for e in col.choices]
        near = _nearest(str(value), labels)
        shown = _short(value)
        if len(labels) <= 6:
            listed = "; ".join(labels)
            message = (
                msg(
                    "{value} is not one of the choices ({choices}); did you mean {near}?",
                    value=shown,
                    choices=listed,
                    near=repr(near),
                )
                if near
                else msg(
                    "{value} is not one of the choices ({choices})", value=shown, choices=listed
                )
            )
        else:
            message = (
                msg(
                    "{value} is not one of the choices (pick from the drop-down list); did you "
                    "mean {near}?",
                    value=shown,
                    near=repr(near),
                )
                if near
                else msg(
                    "{value} is not one of the choices (pick from the drop-down list)", value=shown
                )
            )
        self.problem(key, where, message)
        return REPORTED

    def target(self, value: Any, key: tuple[int, int, int], where: str | tuple[str, str]) -> Any:
        if isinstance(value, float) and not isinstance(value, bool):
            text = repr(value)
            if text in self.targets and text + "0" in self.targets:
                self.problem(
                    key,
                    where,
                    msg(
                        "{code} was stored as a number, so it could be target {code} or "
                        "{code}0; type the code as text (pick it from the drop-down list)",
                        code=text,
                    ),
                )
                return REPORTED
            if text not in self.targets and text + "0" in self.targets:
                return text + "0"
            return text
        return _as_text(value)

    def list_value(
        self, col: Column, value: Any, key: tuple[int, int, int], where: str | tuple[str, str]
    ) -> Any:
        if isinstance(value, str):
            try:
                items: list[Any] = c.parse_list(value)
            except c.ListSyntaxError as exc:
                self.problem(key, where, f"{_short(value)}: {exc}")
                return REPORTED
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            items = [value]
        else:
            self.problem(
                key,
                where,
                msg("{value} is not a list separated by commas", value=_short(value)),
            )
            return REPORTED
        if not items:
            return BLANK
        if col.kind is Kind.CHOICES:
            out = [self.choice(col, item, key, where) for item in items]
            return REPORTED if any(o is REPORTED for o in out) else out
        if col.kind is Kind.TARGETS:
            out = [self.target(item, key, where) for item in items]
            return REPORTED if any(o is REPORTED for o in out) else out
        if col.kind is Kind.NUMBERS:
            return [_as_text(i) if not isinstance(i, str) else i for i in items]
        return [_as_text(i) for i in items]

    # -- sheets ------------------------------------------------------------------------

    def _rows(self, ws: Any) -> Iterator[tuple[int, list[tuple[int, Any, str]]]]:
        """Each row with cells: (row number, [(column number, value, data type)]).

        openpyxl's sheet parser is used directly where it can be (as its read-only sheets
        do internally): building a cell object for every cell costs a third more time.
        """
        if isinstance(ws, FastSheet):
            yield from ws.rows()
            return
        fast = _cell_parser(ws)
        if fast is None:
            for r, row in enumerate(ws.iter_rows(), start=1):
                cells = [
                    (cell.column, cell.value, cell.data_type)
                    for cell in row
                    if cell.value is not None
                ]
                yield r, cells
            return
        with ws._get_source() as src:
            for r, row in fast(src).parse():
                yield (
                    r,
                    [
                        (d["column"], d["value"], d["data_type"])
                        for d in row
                        if d["value"] is not None
                    ],
                )

    def _header(
        self,
        layout: SheetLayout,
        order: int,
        header: list[tuple[int, Any, str]],
        row: int = 1,
        keys: list[tuple[int, Any, str]] | None = None,
    ) -> tuple[dict[int, Column | None], dict[Column, str]]:
        """Each column of the sheet (column number -> layout column, or None for one
        already reported), and each column's header as the workbook shows it.

        A column is known by its key in the hidden key row where it has one, so a header
        renamed or translated by hand does not matter; else (a workbook without the key
        row, a column added by hand) by its header in any shipped language, on ``row``.
        """
        by_title = _titles(layout.all_columns)
        by_key = _keys(layout)
        found: dict[int, Column | None] = {}
        shown: dict[Column, str] = {}
        seen: dict[str, int] = {}
        name = self.ref(layout.name)
        texts = {
            index: c.unescape_text(str(value))
            for index, value, _ in header
            if not (isinstance(value, str) and not value.strip())
        }
        keyed = {
            index: col
            for index, value, _ in keys or ()
            if isinstance(value, str) and (col := by_key.get(value.strip())) is not None
        }
        for index in sorted(texts.keys() | keyed.keys()):
            title = texts.get(index, "")
            where = f"{name}!{c.column_letter(index)}{row}"
            col = keyed.get(index) or by_title.get(_norm(title))
            if col is None:
                titles = [self.title(col) for col in layout.all_columns]
                near = difflib.get_close_matches(title, titles, n=1, cutoff=0.6)
                self.problem(
                    (order, row, index),
                    where,
                    msg(
                        "unknown column {title} (did you mean {near}?); it would not be "
                        "imported, so rename it to one of the sheet's columns or move it to a "
                        "sheet of its own",
                        title=_short(title),
                        near=repr(near[0]),
                    )
                    if near
                    else msg(
                        "unknown column {title}; it would not be imported, so rename it to "
                        "one of the sheet's columns or move it to a sheet of its own",
                        title=_short(title),
                    ),
                )
                found[index] = None  # reported once, not again for each of its cells
                continue
            if col.title in seen:
                self.problem(
                    (order, row, index),
                    where,
                    msg(
                        "the column {title} appears twice (also in column {column})",
                        title=repr(title or self.title(col)),
                        column=c.column_letter(seen[col.title]),
                    ),
                )
                continue
            seen[col.title] = index
            found[index] = col
            shown[col] = title or self.title(col)
        return found, shown

    def title(self, col: Column) -> str:
        """A column's header in the workbook's language."""
        return self.tr._(col.title)

    @property
    def tr(self) -> Translator:
        """The translator of the workbook's language."""
        from migsdg.i18n import translator

        return translator(self.language)

    def _read_form(self, ws: Any, data: dict[str, Any], order: int) -> None:
        layout = FORM_SHEET
        by_title = _titles(layout.columns)
        by_key = _keys(layout)
        name = self.ref(layout.name)
        rows_of: dict[str, tuple[int, str]] = {}
        loc = _RowLoc(layout, order, 0, rows_of, name)
        self.locs[id(data)] = loc
        for r, row in self._rows(ws):
            if r == 1:
                continue
            by_column = {index: (value, kind) for index, value, kind in row}
            field = by_column.get(1, (None, "n"))[0]
            value, data_type = by_column.get(2, (None, "n"))
            # Column D, hidden, names the field by its key whatever column A says.
            key = by_column.get(4, (None, "n"))[0]
            col = by_key.get(key.strip()) if isinstance(key, str) else None
            if col is None and (field is None or (isinstance(field, str) and not field.strip())):
                if value is not None:
                    self.problem(
                        (order, r, 2),
                        f"{name}!B{r}",
                        msg("a value without a field name in column A"),
                    )
                continue
            if col is None:
                col = by_title.get(_norm(c.unescape_text(str(field))))
            if col is None:
                titles = [self.title(col) for col in layout.columns]
                near = difflib.get_close_matches(str(field), titles, n=1, cutoff=0.6)
                self.problem(
                    (order, r, 1),
                    f"{name}!A{r}",
                    msg(
                        "unknown field {field} (did you mean {near}?)",
                        field=_short(field),
                        near=repr(near[0]),
                    )
                    if near
                    else msg("unknown field {field}", field=_short(field)),
                )
                continue
            if col.key in rows_of:
                self.problem(
                    (order, r, 1),
                    f"{name}!A{r}",
                    msg(
                        "the field {field} is given twice (also on row {row})",
                        field=repr(rows_of[col.key][1]),
                        row=rows_of[col.key][0],
                    ),
                )
                continue
            title = c.unescape_text(str(field)) if field is not None else self.title(col)
            rows_of[col.key] = (r, title)
            where = f"{name}!B{r} ({title})"
            converted = self.cell_value(col, value, data_type, (order, r, 2), where)
            if converted is BLANK or converted is REPORTED:
                continue
            _set(data, col.key, converted)
            if col.kind is Kind.REF and col.ref in CHECKED_REFERENCES:
                self.references.append((col.ref, converted, (order, r, 2), where))

    def _read_table(self, ws: Any, layout: SheetLayout, data: dict[str, Any], order: int) -> None:
        rows = self._rows(ws)
        first = next(rows, None)
        keys = None
        header_row = 1
        if first is not None and first[0] == KEY_ROW and _is_key_row(first[1]):
            keys, header_row = first[1], HEADER_ROW
            first = next(rows, None)
        header, shown = self._header(
            layout,
            order,
            first[1] if first and first[0] == header_row else [],
            header_row,
            keys,
        )
        columns = {i: col for i, col in header.items() if col is not None}
        name = self.ref(layout.name)
        colmap = {
            col.key if col.key else f"#{col.title}": (i, shown[col]) for i, col in columns.items()
        }
        missing = [
            self.title(col)
            for col in (*layout.keys, *([layout.id_column] if layout.id_column else []))
            if col not in columns.values()
        ]
        required_text = _required_text(layout)
        checked = [
            (i, col)
            for i, col in columns.items()
            if col.kind in (Kind.REF, Kind.REFS) and col.ref in CHECKED_REFERENCES
        ]
        id_col = layout.id_column
        # Columns whose common cells the loop below reads itself (see there).
        text_columns = {i for i, col in columns.items() if col.kind in _TEXT_KINDS}
        number_columns = {i for i, col in columns.items() if col.kind in _NUMBER_KINDS}
        date_columns = {i for i, col in columns.items() if col.kind is Kind.DATE}
        memos: dict[int, dict[str, Any]] = {
            i: {} for i, col in columns.items() if col.kind in (Kind.CHOICE, Kind.SLOT)
        }
        if first is not None and first[0] != header_row:
            rows = itertools.chain([first], rows)  # no header row at all
        for r, row in rows:
            if not row:
                continue
            if missing:
                self.problem(
                    (order, r, 0),
                    f"{name} row {r}",
                    msgn(
                        "the sheet has no {columns} column, so its rows cannot be placed",
                        "the sheet has none of the columns {columns}, so its rows cannot be placed",
                        len(missing),
                        columns=joined(repr(t) for t in missing),
                    ),
                )
                return
            values: dict[Column, Any] = {}
            bad = False
            for index, value, data_type in row:
                col = columns.get(index)
                if col is None:
                    if index not in header:
                        self.problem(
                            (order, r, index),
                            f"{name}!{c.column_letter(index)}{r}",
                            msg(
                                "a value in a column without a header; give the column one of "
                                "the sheet's titles or move the value"
                            ),
                        )
                    continue
                # The common cells first, read as cell_value reads them, without its
                # checks for other data types and kinds (it handles everything else).
                vtype = type(value)
                memo = None
                if vtype is str:
                    if data_type == "s":
                        if index in text_columns:  # kept as written
                            values[col] = value if "_x" not in value else c.unescape_text(value)
                            continue
                        memo = memos.get(index)
                        if memo is not None and value in memo:
                            values[col] = memo[value]
                            continue
                elif index in number_columns:
                    if data_type == "n" and (
                        vtype is int or (vtype is float and math.isfinite(value))
                    ):
                        values[col] = value
                        continue
                elif vtype is _dt.date and index in date_columns:  # a date, not a datetime
                    values[col] = value
                    continue
                v = self.cell_value(col, value, data_type, (order, r, index), (name, shown[col]))
                if v is REPORTED:
                    bad = True
                elif memo is not None and v is not BLANK:
                    memo[value] = v  # a choice: the same text is the same choice
                values[col] = v
            loc = _RowLoc(layout, order, r, colmap, name)
            item = self._item(layout, values, required_text)
            for index, col in checked:
                v = values.get(col, BLANK)
                if v is BLANK or v is REPORTED:
                    continue
                assert col.ref is not None
                for ident in v if isinstance(v, list) else [v]:
                    self.references.append((col.ref, ident, (order, r, index), (name, shown[col])))
            self._place(layout, item, values, loc, data, bad)
            if id_col is not None:
                ident = values.get(id_col)
                if isinstance(ident, str):
                    self.ids.setdefault(layout.name, set()).add(ident)
                    if layout.name in ("Interventions", "Consultations"):
                        assert isinstance(item, dict)
                        self.owners.setdefault(layout.name, {}).setdefault(ident, []).append(
                            (item, r)
                        )

    def _item(self, layout: SheetLayout, values: dict[Column, Any], required_text: set[str]) -> Any:
        if layout.item is str:
            (col,) = layout.columns
            v = values.get(col, BLANK)
            return "" if v is BLANK or v is REPORTED else v
        item: dict[str, Any] = {}
        for col in layout.columns:
            v = values.get(col, BLANK)
            if v is REPORTED:
                continue
            if v is BLANK:
                if col.key in required_text:
                    item[col.key] = ""
                continue
            _set(item, col.key, v)
        if layout.item is m.MonitoringEntry:
            item.setdefault("indicator", {})
        return item

    def _place(
        self,
        layout: SheetLayout,
        item: Any,
        values: dict[Column, Any],
        loc: _RowLoc,
        data: dict[str, Any],
        bad: bool,
    ) -> None:
        path = layout.path
        if isinstance(item, dict):
            self.locs[id(item)] = loc
        if len(path) == 1:
            data.setdefault(path[0], []).append(item)
            return
        owner_col = layout.keys[0]
        owner_id = values.get(owner_col, BLANK)
        at = f"#{owner_col.title}"
        owner_sheet = owner_col.ref
        assert owner_sheet is not None
        what = owner_col.title.removesuffix(" ID").lower()
        if owner_id is REPORTED:
            return
        if owner_id is BLANK:
            self.problem_at(loc, at, msg(_NO_OWNER[what]))
            return
        owners = self.owners.get(owner_sheet, {}).get(owner_id, [])
        if not owners:
            near = difflib.get_close_matches(
                str(owner_id), list(self.owners.get(owner_sheet, {})), n=1, cutoff=0.6
            )
            self.problem_at(loc, at, _unknown_id(what, owner_id, self.shown(owner_sheet), near))
            return
        if len(owners) > 1:
            rows = ", ".join(str(r) for _, r in owners)
            self.problem_at(
                loc,
                at,
                msg(
                    "{count} rows of the {sheet} sheet (rows {rows}) have the ID {id}, so this "
                    "row cannot tell which it belongs to",
                    count=len(owners),
                    sheet=self.shown(owner_sheet),
                    rows=rows,
                    id=repr(owner_id),
                ),
            )
            return
        owner, _ = owners[0]
        if layout.item is m.MonitoringEntry or layout.measures or len(path) == 3:
            self._place_indicator(layout, item, values, loc, owner, str(owner_id))
            return
        target = _list_at(owner, path[1])
        if layout.item is str:
            self.text_locs.setdefault(id(target), []).append(loc)
        target.append(item)

    def _place_indicator(
        self,
        layout: SheetLayout,
        item: dict[str, Any],
        values: dict[Column, Any],
        loc: _RowLoc,
        owner: dict[str, Any],
        owner_id: str,
    ) -> None:
        seq_col = layout.keys[1]
        at = f"#{seq_col.title}"
        number = _whole(values.get(seq_col, BLANK))
        if number is None:
            if values.get(seq_col, BLANK) is not REPORTED:
                self.problem_at(
                    loc,
                    at,
                    msg("give the indicator's number (1, 2, ...) within its intervention"),
                )
            return
        if layout.item is m.MonitoringEntry:
            if (owner_id, number) in self.entries:
                _, other = self.entries[(owner_id, number)]
                self.problem_at(
                    loc,
                    at,
                    msg(
                        "intervention {id} already has an indicator No. {number} (row {row}); "
                        "number its indicators 1, 2, 3, ...",
                        id=repr(owner_id),
                        number=number,
                        row=other,
                    ),
                )
                return
            self.entries[(owner_id, number)] = (item, loc.row)
            _list_at(owner, "monitoring").append(item)
            return
        found = self.entries.get((owner_id, number))
        if found is None:
            self.problem_at(
                loc,
                at,
                msg(
                    "intervention {id} has no indicator No. {number} on the {sheet} sheet",
                    id=repr(owner_id),
                    number=number,
                    sheet=self.shown("Indicators"),
                ),
            )
            return
        entry, _ = found
        if not layout.measures:  # one item of a list of the indicator (achieved values)
            entry.setdefault(layout.path[2], []).append(item)
            return
        slot_col = layout.keys[2]
        slot = values.get(slot_col, BLANK)
        slot_at = f"#{slot_col.title}"
        if slot is REPORTED:
            return
        if slot is BLANK:
            self.problem_at(
                loc,
                slot_at,
                msg("say which value this is: baseline, interim value or final target"),
            )
            return
        if slot == Slot.INTERIM.value:
            entry.setdefault("interim", []).append(item)
            return
        if slot in entry:
            self.problem_at(
                loc,
                slot_at,
                (
                    msg(
                        "indicator No. {number} of intervention {id} already has a baseline "
                        "(row {row})",
                        number=number,
                        id=repr(owner_id),
                        row=self.locs[id(entry[slot])].row,
                    )
                    if slot == Slot.BASELINE.value
                    else msg(
                        "indicator No. {number} of intervention {id} already has a final target "
                        "(row {row})",
                        number=number,
                        id=repr(owner_id),
                        row=self.locs[id(entry[slot])].row,
                    )
                ),
            )
            return
        entry[slot] = item

    def _check_references(self) -> None:
        for sheet, ident, key, where in self.references:
            known = self.ids.get(sheet, set())
            if ident in known:
                continue
            what = {"Actors": "actor", "Funding sources": "funding source"}.get(sheet, "row")
            near = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
            self.problem(key, where, _unknown_id(what, ident, self.shown(sheet), near))


#: "The ID of the ... this row belongs to is missing", by what the row belongs to.
_NO_OWNER = {
    "intervention": N_("the ID of the intervention this row belongs to is missing"),
    "consultation": N_("the ID of the consultation this row belongs to is missing"),
}

#: "No ... has the ID ...", without and with a suggestion, by what the ID names.
_NO_SUCH_ID = {
    "intervention": (
        N_("no intervention has the ID {id} on the {sheet} sheet"),
        N_("no intervention has the ID {id} on the {sheet} sheet (did you mean {near}?)"),
    ),
    "consultation": (
        N_("no consultation has the ID {id} on the {sheet} sheet"),
        N_("no consultation has the ID {id} on the {sheet} sheet (did you mean {near}?)"),
    ),
    "actor": (
        N_("no actor has the ID {id} on the {sheet} sheet"),
        N_("no actor has the ID {id} on the {sheet} sheet (did you mean {near}?)"),
    ),
    "funding source": (
        N_("no funding source has the ID {id} on the {sheet} sheet"),
        N_("no funding source has the ID {id} on the {sheet} sheet (did you mean {near}?)"),
    ),
    "row": (
        N_("no row has the ID {id} on the {sheet} sheet"),
        N_("no row has the ID {id} on the {sheet} sheet (did you mean {near}?)"),
    ),
}


def _unknown_id(what: str, ident: Any, sheet: str, near: list[str]) -> Message:
    plain_text, with_hint = _NO_SUCH_ID[what]
    if near:
        return msg(with_hint, id=repr(ident), sheet=sheet, near=repr(near[0]))
    return msg(plain_text, id=repr(ident), sheet=sheet)


def _cell_parser(ws: Any) -> Callable[[Any], Any] | None:
    """openpyxl's sheet parser bound to ``ws``'s workbook, or None where this version of
    openpyxl does not have the pieces (then its read-only cells are used)."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = ws.parent
        strings = ws._shared_strings
        date_formats, timedelta_formats = wb._date_formats, wb._timedelta_formats
        epoch = wb.epoch
        ws._get_source  # noqa: B018 - present, or fall back
    except (ImportError, AttributeError):
        return None

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            """openpyxl's cell, except that a stored value which is not a number (NaN,
            INF) and a date serial outside the dates a spreadsheet holds come back as
            cells of their own data types, for a message saying what is wrong."""
            style = element.get("s")
            if style and int(style) in self.date_formats and element.get("t", "n") == "n":
                serial = element.findtext(_VALUE_TAG)
                try:
                    out_of_range = serial is not None and not 0 <= float(serial) <= _LAST_SERIAL
                except ValueError:
                    out_of_range = False
                if out_of_range:  # before openpyxl, which would warn on stderr
                    self.col_counter += 1
                    return _odd_cell(element, self, _DATE_OUT_OF_RANGE)
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except ValueError:  # openpyxl's int() of "NaN", "INF", "Infinity"
                self.col_counter += 1
                return _odd_cell(element, self, _NOT_A_NUMBER)
            if cell["data_type"] == "e" and element.get("t", "n") == "n":
                return _odd_cell(element, self, _DATE_OUT_OF_RANGE)
            return cell

    def parser(src: Any) -> Any:
        return Parser(
            src,
            strings,
            data_only=False,
            epoch=epoch,
            date_formats=date_formats,
            timedelta_formats=timedelta_formats,
        )

    return parser


_VALUE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v"
_NOT_A_NUMBER = "not-a-number"
#: The date serial number of 9999-12-31, the last date a spreadsheet holds.
_LAST_SERIAL = 2958465


def _date_range_message(value: Any) -> Message:
    return msg(
        "the date serial number {serial} is outside the dates a spreadsheet holds (1 to "
        "{last}: 1900-01-01 to 9999-12-31); type the date as YYYY-MM-DD",
        serial=_short(str(value)),
        last=str(_LAST_SERIAL),
    )


_DATE_OUT_OF_RANGE = "date-out-of-range"


def _odd_cell(element: Any, parser: Any, data_type: str) -> dict[str, Any]:
    from openpyxl.utils.cell import coordinate_to_tuple

    coordinate = element.get("r")
    if coordinate:
        row, column = coordinate_to_tuple(coordinate)
        parser.col_counter = column
    else:
        row, column = parser.row_counter, parser.col_counter
    value = element.findtext(_VALUE_TAG)
    return {"row": row, "column": column, "value": value, "data_type": data_type}


_ENTITIES = (
    "the workbook contains XML entity or DTD declarations, which are refused for safety; "
    "save it again from Excel or LibreOffice"
)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True if ``exc`` or an exception it was raised from is a ``kind``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


# -- small helpers ------------------------------------------------------------------------


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_text(value: Any) -> Any:
    """Numbers and dates people typed into text columns, as the text they typed."""
    if isinstance(value, bool):
        return value  # the loader says it is not text
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time(0) else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _nearest(value: str, labels: list[str]) -> str | None:
    """The label ``value`` most likely misspells, comparing with whole labels and with
    their beginnings (people type the start of a long label)."""
    key = _norm(value)
    candidates: dict[str, str] = {}
    for label in labels:
        candidates.setdefault(_norm(label), label)
        candidates.setdefault(_norm(label)[: len(key) + 1], label)
    near = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    return candidates[near[0]] if near else None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _set(item: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    for part in parts[:-1]:
        item = item.setdefault(part, {})
    item[parts[-1]] = value


def _list_at(item: dict[str, Any], key: str) -> list[Any]:
    parts = key.split(".")
    for part in parts[:-1]:
        item = item.setdefault(part, {})
    out: list[Any] = item.setdefault(parts[-1], [])
    return out


def _required_text(layout: SheetLayout) -> set[str]:
    """Keys of text fields with no default: a blank cell there is empty text."""
    if not attrs.has(layout.item):
        return set()
    fields = {f.name: f for f in attrs.fields(layout.item)}
    out = set()
    for col in layout.columns:
        f = fields.get(col.key)
        if f is not None and f.default is attrs.NOTHING and col.kind in (Kind.TEXT, Kind.LONG_TEXT):
            out.add(col.key)
    return out
