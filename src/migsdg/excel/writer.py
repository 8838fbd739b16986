"""Writing a plan, or a blank template, to an Excel workbook.

The workbook is written in openpyxl's write-only (streaming) mode, so memory stays flat
however many interventions a plan has. Every text goes into a string cell, never a
formula cell: text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is also marked as literal text (Excel's "quote prefix"), so it stays text even when
someone edits the cell.

The same plan always gives the same bytes: the workbook's created and modified times and
the zip entries' times are fixed (to ``SOURCE_DATE_EPOCH`` when set, else to the date of
the plan's latest revision, else to 1980-01-01).
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import operator
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migsdg import model as m
from migsdg._atomic import atomic_path
from migsdg.catalogue import catalogue
from migsdg.checks import Report
from migsdg.errors import ExportError
from migsdg.excel import _cells as c
from migsdg.excel.layout import (
    DATA_SHEETS,
    FIRST_ROW,
    FORM_SHEET,
    HEADER_ROW,
    KEY_PREFIX,
    KEY_ROW,
    TEXT_FORMAT_KINDS,
    Column,
    Kind,
    SheetLayout,
    Slot,
    choice_label,
    choice_list_name,
    sheet_name,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from migsdg.i18n import Translator

__all__ = ["write_template", "write_workbook"]

#: Rows that the Funding summary (and ID drop-downs) reach beyond the plan's own rows, so
#: rows added in Excel are counted too.
SPARE_ROWS = 50
#: Rows of a blank template that the Funding summary covers.
TEMPLATE_ROWS = 300

MONEY_FORMAT = "#,##0.00##"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_COLOUR = "FF1F4E79"  # data sheets: dark blue
COMPUTED_COLOUR = "FF7F7F7F"  # computed and reference sheets: grey, not imported
_MAX_ROW = 1_048_576


def write_workbook(
    plan: m.ActionPlan,
    path: str | os.PathLike[str],
    *,
    today: _dt.date | str | None = None,
    computed: bool | str = True,
    language: str | None = None,
    findings: Report | None = None,
) -> None:
    """Write ``plan`` to an ``.xlsx`` workbook at ``path`` (atomically).

    ``today`` is the date the Findings sheet's checks compare with (a date or
    ``YYYY-MM-DD``; default: the date of ``SOURCE_DATE_EPOCH`` when set, else today).
    ``computed=False`` leaves out the computed and reference sheets (Funding summary,
    Timeline, Coverage, Review, Findings, SDG targets, Other codes): a smaller workbook for
    exchanging data. ``language`` is the language of the text for people (default: the
    plan's language when the tool speaks it, else English). ``findings`` is the check
    report the Findings sheet shows, from the caller (default: the plan is checked here).
    """
    _plan_book(plan, today=today, computed=computed, language=language, findings=findings).write(
        Path(path)
    )


def _plan_book(
    plan: m.ActionPlan,
    *,
    today: _dt.date | str | None = None,
    computed: bool | str = True,
    language: str | None = None,
    findings: Report | None = None,
) -> _Book:
    """The workbook of ``plan``, ready to write (options as for :func:`write_workbook`)."""
    if findings is not None and not isinstance(findings, Report):
        raise ExportError("findings must be a check report (from migsdg.check), or None")
    _check_exportable(plan)
    book = _Book(
        plan,
        today=_date_option(today),
        computed=_bool_option("computed", computed),
        language=language,
    )
    book.findings = findings
    return book


def write_template(path: str | os.PathLike[str], *, language: str | None = None) -> None:
    """Write a blank workbook for filling in: instructions, the data sheets with their
    headers and drop-down lists, a Funding summary ready to add up, and the code lists.
    ``language`` is the language of the computed sheets' text (default: English)."""
    book = _Book(None, today=None, computed=True, language=language)
    book.write(Path(path))


def view_language_blank(language: str | None) -> str:
    """The language of a blank workbook: ``language``, else English."""
    from migsdg.i18n import UnknownLanguageError, languages

    if language is None:
        return "en"
    if language not in languages():
        raise UnknownLanguageError(language)
    return language


def _date_option(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ExportError(f"today must be a date (YYYY-MM-DD), not {value!r}") from None


def _bool_option(name: str, value: bool | str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off"):
        return False
    raise ExportError(f"{name} must be true or false, not {value!r}")


# -- what cannot go into a workbook ----------------------------------------------------------


def _check_exportable(plan: m.ActionPlan) -> None:
    """Refuse plans whose rows could not be told apart in a workbook.

    Rows on the child sheets name their intervention or consultation by ID; if two share
    an ID and either has such rows, the workbook could not say whose they are.
    """
    problems = []

    def owns_rows(iv: m.Intervention) -> bool:
        return any(
            (
                iv.beneficiaries,
                iv.roles,
                iv.timeframe.milestones,
                iv.outputs,
                iv.outcomes,
                iv.supporting_activities,
                iv.resources,
                iv.funding,
                iv.monitoring,
            )
        )

    groups: list[tuple[str, dict[str, list[bool]]]] = [("intervention", {}), ("consultation", {})]
    for iv in plan.interventions:
        groups[0][1].setdefault(iv.id, []).append(owns_rows(iv))
    for co in plan.consultations:
        groups[1][1].setdefault(co.id, []).append(bool(co.participants or co.decisions))
    for what, seen in groups:
        for ident, owners in seen.items():
            if len(owners) > 1 and any(owners):
                problems.append(f"{len(owners)} {what}s have the ID {ident!r}")
    if problems:
        raise ExportError(
            "cannot write the plan to a workbook: "
            + "; ".join(problems)
            + ". Rows on the other sheets name their owner by ID, so give each a unique ID."
        )


# -- time stamps --------------------------------------------------------------------------


#: The zip format can date entries from 1980 to 2107 only.
_ZIP_FIRST = _dt.datetime(1980, 1, 1)
_ZIP_LAST = _dt.datetime(2107, 12, 31, 23, 59, 58)


def _stamp(plan: m.ActionPlan | None) -> _dt.datetime:
    """The workbook's time stamp: ``SOURCE_DATE_EPOCH``, else the date of the plan's
    latest revision, else 1980-01-01 (never the clock, so the same plan gives the same
    bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            when = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ExportError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}"
            ) from None
        stamp = when.replace(tzinfo=None)
    elif plan is not None and plan.revisions:
        last = max(r.date for r in plan.revisions)
        stamp = _dt.datetime(last.year, last.month, last.day)
    else:
        stamp = _ZIP_FIRST
    return min(max(stamp, _ZIP_FIRST), _ZIP_LAST)


def checks_date(today: _dt.date | None) -> _dt.date:
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date()
    return _dt.date.today()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry one time stamp (reproducible bytes)."""

    def __init__(self, file: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._date_time = date_time

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        # openpyxl streams write-only sheets through temporary files: copy them in
        # chunks under a fixed time stamp.
        info = self._info(str(arcname if arcname is not None else filename))
        with open(filename, "rb") as src, self.open(info, "w") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)


# -- the workbook ---------------------------------------------------------------------------


def _getter(key: str) -> Callable[[Any], Any]:
    if not key:
        return lambda obj: obj
    parts = key.split(".")
    if len(parts) == 1:
        return operator.attrgetter(parts[0])

    def get(obj: Any) -> Any:
        for part in parts:
            if obj is None:
                return None
            obj = getattr(obj, part)
        return obj

    return get


class _Book:
    """One workbook being written; sheets are streamed in order."""

    def __init__(
        self,
        plan: m.ActionPlan | None,
        *,
        today: _dt.date | None,
        computed: bool,
        language: str | None = None,
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        from migsdg.present import view_language

        self.plan = plan
        #: The language of the workbook's text for people (the plan's by default).
        self.language = (
            view_language(plan, language) if plan is not None else view_language_blank(language)
        )
        self.today = today
        #: The check report of the Findings sheet, when the caller has one.
        self.findings: Report | None = None
        self.computed = computed
        self.stamp = _stamp(plan)
        self.wb = Workbook(write_only=True)
        self.header_font = Font(bold=True, color="FFFFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_COLOUR)
        self.computed_fill = PatternFill("solid", fgColor=COMPUTED_COLOUR)
        self.header_align = Alignment(wrap_text=True, vertical="top")
        self.header_border = Border(bottom=Side(style="thin", color="FF000000"))
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.note_font = Font(italic=True, color="FF595959")
        self.problems: list[str] = []
        self.where: tuple[str, int] = ("", 0)  # the sheet and row being written
        self._styles: dict[tuple[Any, ...], tuple[Any, tuple[Any, ...]]] = {}
        # Each sheet's name in the workbook's language, and as formulas write it (the
        # computed sheets refer to the data sheets in hundreds of formulas).
        self._sheet_names: dict[str, str] = {}
        self._sheet_refs: dict[str, str] = {}

    def rows_of(self, layout: SheetLayout) -> int:
        """The last row a top-level sheet's data reaches (the header's: no data)."""
        if self.plan is None:
            return TEMPLATE_ROWS
        return HEADER_ROW + len(getattr(self.plan, layout.path[0]))

    # -- cells ------------------------------------------------------------------------

    def cell(self, ws: Any, value: Any, data_type: str | None = None, **style: Any) -> Any:
        """A cell with ``style`` (font=..., fill=..., number_format=...).

        openpyxl looks every style up in the workbook's style tables on each assignment;
        a plan writes thousands of identically styled cells, so each combination is
        looked up once and its style record copied onto the next cells. ``data_type``
        ("s" for text already escaped and measured, "n" for a number) stores the value
        as it is instead of having openpyxl work out its type.
        """
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        if data_type is None:
            cell = WriteOnlyCell(ws, value=value)
        else:
            cell = WriteOnlyCell(ws)
            cell._value = value
            cell.data_type = data_type
        if style:
            key = tuple(
                (name, v if isinstance(v, (str, bool, int)) else id(v)) for name, v in style.items()
            )
            cached = self._styles.get(key)
            if cached is None:
                for name, v in style.items():
                    setattr(cell, name, v)
                # Keep the style objects alive so their ids stay theirs.
                self._styles[key] = (copy.copy(cell._style), tuple(style.values()))
            else:
                cell._style = StyleArray(cached[0])
        return cell

    def label(self, ws: Any, value: str, **style: Any) -> Any:
        """A styled string cell for computed sheets (never a formula; cut to fit)."""
        if c.is_risky_text(value):
            style["quotePrefix"] = True
        cell = self.cell(ws, c.escape_text(value)[: c.EXCEL_MAX_TEXT], **style)
        cell.data_type = "s"
        return cell

    def text(self, ws: Any, value: str, *, wrap: bool = False, title: str = "") -> Any:
        """A string cell that can never be a formula.

        ``title`` names the column for the message if the text does not fit in a cell;
        the row is :attr:`where` (kept up to date by the sheet writers).
        """
        if not value:
            return None
        stored = c.escape_text(value)
        if len(stored) > c.EXCEL_MAX_TEXT:
            sheet, row = self.where
            self.problems.append(
                f"{sheet} row {row} ({title}): {len(value):,} characters do not fit in a "
                f"spreadsheet cell (at most {c.EXCEL_MAX_TEXT:,})"
            )
            return None
        risky = value[0] in c.RISKY_FIRST
        if not (wrap or risky):
            return stored
        # Stored as text ("s"): openpyxl would make "=..." a formula.
        if risky:
            # quotePrefix: stays text even when someone edits the cell in Excel.
            return self.cell(
                ws, stored, "s", quotePrefix=True, alignment=self.wrap if wrap else self.top
            )
        return self.cell(ws, stored, "s", alignment=self.wrap)

    def number(self, ws: Any, value: Decimal | int, fmt: str | None, title: str) -> Any:
        stored = c.decimal_cell(value) if isinstance(value, Decimal) else c.int_cell(value)
        if isinstance(stored, str):
            return self.text(ws, stored, title=title)
        if fmt is None:
            return stored
        if type(stored) not in (int, float, Decimal):
            return self.cell(ws, stored, number_format=fmt)
        return self.cell(ws, stored, "n", number_format=fmt)

    def converter(self, ws: Any, col: Column) -> Callable[[Any], Any]:
        """How one value of ``col`` becomes a cell (chosen once per column, not per cell)."""
        kind, title = col.kind, col.title
        text = self.text
        if kind in (Kind.CHOICE, Kind.SLOT):
            assert col.choices is not None
            # The same few labels on every row: each is made into its cell value once.
            labels = {e: text(ws, self.choice(e), title=title) for e in col.choices}
            return lambda v: None if v is None else labels[v]
        if col.is_list:
            if kind is Kind.CHOICES:
                assert col.choices is not None
                names = {e: self.choice(e) for e in col.choices}
                return lambda v: (
                    text(ws, c.format_list(names[x] for x in v), title=title) if v else None
                )
            return lambda v: text(ws, c.format_list(v), title=title) if v else None
        if kind is Kind.DATE:

            def date(v: Any) -> Any:
                if v is None:
                    return None
                stored = c.date_cell(v)
                return stored if isinstance(stored, _dt.date) else text(ws, stored, title=title)

            return date
        if kind in (Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.YEAR, Kind.SEQ):
            fmt = MONEY_FORMAT if kind is Kind.MONEY else None
            number = self.number
            return lambda v: None if v is None else number(ws, v, fmt, title)
        if kind is Kind.LONG_TEXT:
            return lambda v: None if v is None else text(ws, v, wrap=True, title=title)
        risky, longest = c.RISKY_FIRST, c.EXCEL_MAX_TEXT

        def short_text(v: Any) -> Any:
            # Most text is stored as it is: printable, no "_", short enough, not formula-like.
            if v and v.isprintable() and "_" not in v and v[0] not in risky and len(v) <= longest:
                return v
            return None if v is None else text(ws, v, title=title)

        return short_text

    def header(self, ws: Any, titles: Sequence[str], *, computed: bool = False) -> list[Any]:
        return [
            self.cell(
                ws,
                c.escape_text(t),
                font=self.header_font,
                fill=self.computed_fill if computed else self.header_fill,
                alignment=self.header_align,
                border=self.header_border,
            )
            for t in titles
        ]

    # -- sheets -------------------------------------------------------------------------

    def sheet(
        self, name: str, *, computed: bool = False, translate: bool = True
    ) -> WriteOnlyWorksheet:
        """A new sheet, called ``name`` (English; in the workbook's language unless
        ``translate`` is false), laid out right to left in a right-to-left language."""
        ws = self.wb.create_sheet(self.sheet_name(name) if translate else name)
        ws.sheet_properties.tabColor = COMPUTED_COLOUR if computed else HEADER_COLOUR
        if self.tr.rtl:
            ws.sheet_view.rightToLeft = True
        # Printed (or saved as PDF) landscape, one page wide: a sheet whose columns do not
        # fit is reset by write_table to repeat its ID column instead.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        _fast_from_first_row(ws)
        return ws

    def sheet_name(self, name: str) -> str:
        """The name of the sheet called ``name`` in English, in the workbook's language."""
        found = self._sheet_names.get(name)
        if found is None:
            found = self._sheet_names[name] = sheet_name(name, self.tr)
        return found

    def sheet_ref(self, name: str) -> str:
        """That name as a formula writes it (quoted where needed)."""
        found = self._sheet_refs.get(name)
        if found is None:
            found = self._sheet_refs[name] = c.sheet_ref(self.sheet_name(name))
        return found

    def build(self) -> None:
        from migsdg.excel import computed, instructions

        instructions.write(self)
        self.write_form()
        for layout in DATA_SHEETS:
            self.write_table(layout)
        if self.computed:
            computed.write_funding_summary(self)
            if self.plan is not None:
                computed.write_timeline(self)
                computed.write_coverage(self)
                computed.write_review(self)
                computed.write_plugin_sections(self)
                computed.write_findings(self)
            computed.write_reference(self)
        self.write_lists()
        if self.problems:
            shown = "; ".join(self.problems[:5])
            more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
            raise ExportError(f"cannot write the plan to a workbook: {shown}{more}")

    def write_form(self) -> None:
        layout = FORM_SHEET
        ws = self.sheet(layout.name)
        for letter, width in (("A", 30), ("B", 60), ("C", 70)):
            ws.column_dimensions[letter].width = width
        # Column D, hidden, names each field by its key, as a data sheet's key row does.
        ws.column_dimensions["D"].hidden = True
        ws.freeze_panes = "A2"
        _dimension(ws, 4, 1 + len(layout.columns))
        tr = self.tr
        ws.append(self.header(ws, (tr._("Field"), tr._("Value"), tr._("Guidance"))))
        for row, col in enumerate(layout.columns, start=2):
            value = _getter(col.key)(self.plan) if self.plan is not None else None
            self.where = (ws.title, row)
            shown = value if col.kind is Kind.LONG_TEXT and isinstance(value, str) else ""
            fit_height(ws, row, [(self.title(col), 29), (shown, 59), (self.help(col), 69)])
            ws.append(
                [
                    self.cell(ws, self.title(col), font=self.bold, alignment=self.top),
                    self.converter(ws, col)(value),
                    self.cell(ws, self.help(col), font=self.note_font, alignment=self.wrap),
                    KEY_PREFIX + col.stable_key,
                ]
            )
            self.validate(ws, col, f"B{row}")
        self.guard_keys(ws, f"D2:D{1 + len(layout.columns)}")

    def write_table(self, layout: SheetLayout) -> None:
        ws = self.sheet(layout.name)
        columns = layout.all_columns
        for i, col in enumerate(columns, start=1):
            dim = ws.column_dimensions[c.column_letter(i)]
            dim.width = col.width
            fmt = _column_format(col)
            if fmt is not None:
                dim.number_format = fmt
        ws.freeze_panes = f"B{FIRST_ROW}"
        # On paper every page repeats the header; a sheet too wide to shrink onto one page
        # width and stay legible prints at full size, each page repeating the ID column.
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        if sum(col.width for col in columns) > _PRINT_WIDTH:
            ws.sheet_properties.pageSetUpPr.fitToPage = False
            ws.print_title_cols = "A:A"
            ws.page_setup.pageOrder = "overThenDown"
        rows = list(_rows(self.plan, layout)) if self.plan is not None else []
        _dimension(ws, len(columns), HEADER_ROW + len(rows))
        ws.row_dimensions[KEY_ROW].hidden = True
        # The hidden key row: each column's stable key, whatever its header says.
        ws.append([KEY_PREFIX + col.stable_key for col in columns])
        titles = [self.title(col) for col in columns]
        fit_height(
            ws, HEADER_ROW, [(t, col.width - 1) for t, col in zip(titles, columns, strict=True)]
        )
        ws.append(self.header(ws, titles))
        last = c.column_letter(len(columns))
        self.guard_keys(ws, f"A{KEY_ROW}:{last}{KEY_ROW}")
        for i, col in enumerate(columns, start=1):
            letter = c.column_letter(i)
            self.validate(ws, col, f"{letter}{FIRST_ROW}:{letter}{_MAX_ROW}")
        self.header_prompts(ws, columns)
        count = HEADER_ROW
        if self.plan is not None:
            keys_out = [self.converter(ws, col) for col in layout.keys]
            cells_out = [(self.converter(ws, col), _getter(col.key)) for col in layout.columns]
            append = ws.append
            for keys, obj in rows:
                count += 1
                self.where = (ws.title, count)
                row: list[Any] = [out(k) for out, k in zip(keys_out, keys, strict=True)]
                row += [out(get(obj)) for out, get in cells_out]
                append(row)
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(count, FIRST_ROW)}"

    # -- drop-down lists and prompts ------------------------------------------------------

    def header_prompts(self, ws: Any, columns: Sequence[Column]) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        for i, col in enumerate(columns, start=1):
            dv = DataValidation(
                showInputMessage=True,
                showErrorMessage=False,
                promptTitle=_clip(self.title(col), 32),
                prompt=self.help(col)[:255],
            )
            dv.add(f"{c.column_letter(i)}{HEADER_ROW}")
            ws.data_validations.append(dv)

    def guard_keys(self, ws: Any, cells: str) -> None:
        """Refuse typing over the key cells (hidden as they are), saying what they are for.
        A spreadsheet lets anyone remove this guard; the reader does not depend on it."""
        from openpyxl.worksheet.datavalidation import DataValidation

        dv = DataValidation(
            type="custom",
            formula1="FALSE()",
            allow_blank=False,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=_clip(self.tr._("Column keys"), 32),
            error=self.tr._(
                "This hidden cell tells the import which column is which, whatever its "
                "header says. Leave it as it is."
            )[:255],
        )
        dv.add(cells)
        ws.data_validations.append(dv)

    def validate(self, ws: Any, col: Column, cells: str) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        dv: DataValidation | None = None
        if col.choices is not None:
            # A list of choices (disaggregation) takes several, separated by commas: the
            # drop-down offers them one at a time and does not refuse a list.
            single = col.kind is not Kind.CHOICES
            dv = DataValidation(
                type="list",
                formula1=choice_list_name(col.choices),
                allow_blank=True,
                showErrorMessage=single,
                errorStyle="stop",
                errorTitle=_clip(self.title(col), 32),
                error=self.tr._("Pick one of the choices from the list.") if single else None,
            )
        elif col.kind in (Kind.TARGET, Kind.TARGETS, Kind.INDICATOR):
            single = col.kind is not Kind.TARGETS
            dv = DataValidation(
                type="list",
                formula1="list_SDGIndicator" if col.kind is Kind.INDICATOR else "list_SDGTarget",
                allow_blank=True,
                showErrorMessage=single,
                errorStyle="warning",
                errorTitle=_clip(self.title(col), 32),
                error=self.tr._(
                    "This is not a code from the SDG catalogue (see the {sheet} sheet).",
                    sheet=self.sheet_name("SDG targets"),
                )
                if single
                else None,
            )
        elif col.kind in (Kind.REF, Kind.PARENT) and col.ref is not None:
            target = _SHEETS.get(col.ref)
            id_col = target.id_column if target is not None else None
            if target is not None and id_col is not None:
                letter = c.column_letter(target.all_columns.index(id_col) + 1)
                rows = self.rows_of(target) + SPARE_ROWS
                dv = DataValidation(
                    type="list",
                    formula1=f"{self.sheet_ref(target.name)}!${letter}${FIRST_ROW}:${letter}${rows}",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorStyle="warning",
                    errorTitle=_clip(self.title(col), 32),
                    error=self.tr._(
                        "This ID is not on the {sheet} sheet; add it there, or the import "
                        "will report this row.",
                        sheet=self.sheet_name(target.name),
                    ),
                )
        elif col.key == "language" and col.kind is Kind.CODE:
            dv = DataValidation(
                type="list",
                formula1="list_Language",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
            )
        if dv is not None:
            dv.add(cells)
            ws.data_validations.append(dv)

    @functools.cached_property
    def tr(self) -> Translator:
        """The translator of the workbook's language."""
        from migsdg.i18n import translator

        return translator(self.language)

    def title(self, col: Column) -> str:
        """A column's header in the workbook's language (the reader knows every
        language's)."""
        return self.tr._(col.title)

    def help(self, col: Column) -> str:
        """A column's help note in the workbook's language."""
        return self.tr._(col.help)

    def choice(self, member: m.Choice) -> str:
        """The label of a drop-down choice in the workbook's language (the reader takes
        the labels of every language back)."""
        return choice_label(member, self.tr)

    def write_lists(self) -> None:
        from openpyxl.workbook.defined_name import DefinedName

        from migsdg.catalogue import LANGUAGES

        cat = catalogue()
        # (defined name, heading: the first column that offers the list, its choices)
        lists: list[tuple[str, str, list[str]]] = []
        seen: set[str] = set()
        for layout in (FORM_SHEET, *DATA_SHEETS):
            for col in layout.all_columns:
                if col.choices is not None:
                    name = choice_list_name(col.choices)
                    if name not in seen:
                        seen.add(name)
                        values = [self.choice(e) for e in col.choices]
                        lists.append((name, self.title(col), values))
        tr = self.tr
        lists.append(("list_SDGTarget", tr._("SDG target"), list(cat.targets)))
        lists.append(("list_SDGIndicator", tr._("SDG indicator"), list(cat.indicators)))
        lists.append(("list_Language", tr._("Language"), list(LANGUAGES)))
        ws = self.sheet("Lists", computed=True)
        lists_ref = c.sheet_ref(ws.title)
        ws.sheet_state = "hidden"
        ws.append([self.text(ws, heading) for _, heading, _ in lists])
        longest = max(len(values) for _, _, values in lists)
        for i in range(longest):
            ws.append(
                [self.text(ws, values[i]) if i < len(values) else None for _, _, values in lists]
            )
        for j, (name, _, values) in enumerate(lists, start=1):
            letter = c.column_letter(j)
            self.wb.defined_names[name] = DefinedName(
                name, attr_text=f"{lists_ref}!${letter}$2:${letter}${len(values) + 1}"
            )

    # -- saving --------------------------------------------------------------------------

    def write(self, path: Path, *, atomic: bool = True) -> None:
        """Build every sheet and save, atomically (or with ``atomic=False`` straight to
        ``path``, a temporary file that its caller, the export host, puts in place); on
        any failure, leave no temporary file behind."""
        try:
            self.build()
            if atomic:
                with atomic_path(path) as tmp:
                    self.save(tmp)
            else:
                self.save(path)
        except BaseException as exc:
            self.discard()
            reason = _write_failure(exc)
            if reason is not None:  # a full disk, a file size limit: say so about path
                raise ExportError(f"cannot write {path}: {reason}") from exc
            raise

    def discard(self) -> None:
        """Close the streamed sheets and remove their temporary files (after a failure;
        openpyxl would otherwise leave them for the interpreter's exit)."""
        import contextlib

        for ws in self.wb.worksheets:
            with contextlib.suppress(Exception):
                if not ws.closed:
                    ws.close()
            writer = getattr(ws, "_writer", None)
            with contextlib.suppress(Exception):
                if writer is not None and os.path.exists(writer.out):
                    writer.cleanup()

    def save(self, path: Path) -> None:
        from openpyxl.writer.excel import ExcelWriter

        props = self.wb.properties
        props.creator = "migsdg"
        props.lastModifiedBy = "migsdg"
        title = self.plan.title if self.plan is not None else ""
        # Document properties are plain XML text: drop what XML cannot hold.
        props.title = _XML_UNSAFE.sub("", title)[:255] or "Migration-SDG Action Plan"
        props.subject = "Migration-SDG Action Plan"
        props.created = self.stamp
        props.modified = self.stamp
        t = self.stamp
        archive = _FixedTimeZip(path, (t.year, t.month, t.day, t.hour, t.minute, t.second))
        try:
            ExcelWriter(self.wb, archive).save()
        finally:
            archive.close()


#: libxml2's names for the write errors lxml reports while openpyxl streams sheets.
_LIBXML_IO = {"IO_ENOSPC": "no space left on device", "IO_EFBIG": "file too large"}


def _write_failure(exc: BaseException) -> str | None:
    """What went wrong writing, for a failure of the disk rather than of the plan."""
    if isinstance(exc, ExportError):
        return None
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if type(exc).__name__ == "SerialisationError":  # lxml's, raised while streaming a sheet
        code = str(exc)
        return _LIBXML_IO.get(code, f"the file could not be written ({code})")
    return None


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEETS = {s.name: s for s in (FORM_SHEET, *DATA_SHEETS)}


def _fast_rows(ws: Any) -> None:
    """Have a data sheet write each appended row as one XML element.

    openpyxl's write-only sheets make a cell object for every value (and a failed
    assignment for every cell the caller styled), then write each cell through an XML
    writer context per cell and per part of a cell. Here a row of text, numbers, dates
    and already-made cells becomes one element, in the same XML as openpyxl writes (a test
    compares them); a row holding anything else (text openpyxl would take for a formula
    or an error code, a comment, a hyperlink, a time) is left to openpyxl. Call it when
    the sheet's size, panes and columns are set: it writes the sheet's opening.
    """
    from openpyxl import LXML
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
    from openpyxl.compat import safe_string
    from openpyxl.utils.datetime import to_excel
    from openpyxl.xml.functions import XML_NS, Element, SubElement

    ws._get_writer()
    writer = ws._writer
    write_row = writer.write_row
    wb = ws.parent
    epoch = wb.epoch
    space = {f"{{{XML_NS}}}space": "preserve"}
    letters: dict[int, str] = {}
    numbers = (int, float, Decimal)

    lxml = LXML
    illegal = ILLEGAL_CHARACTERS_RE.search
    longest = c.EXCEL_MAX_TEXT
    row_heights = ws.row_dimensions
    #: Each cell style's ``s`` attribute by the style's bytes ("" for no style): the
    #: workbook's style table is searched once per style, not once per cell.
    style_ids: dict[bytes, str] = {}

    def preserve(text: str) -> bool:  # openpyxl's rule, in each of its two XML writers
        if lxml:
            return text != text.strip()
        stripped = text.strip()
        return bool(stripped) and text != stripped

    def plain_text(value: str) -> bool:
        return not (
            not value  # openpyxl writes an empty string as an open and a close tag
            or (len(value) > 1 and value[0] == "=")
            or value in ERROR_CODES
            or len(value) > longest
            or illegal(value)
        )

    def plain_cell(value: Cell) -> bool:
        return (
            value._comment is None
            and value._hyperlink is None
            and value.data_type in ("s", "n", "b", "d")
            and (value.data_type != "s" or isinstance(value._value, str))
            and not isinstance(value._value, (_dt.time, _dt.timedelta))
        )

    def slow(xf: Any, values: Sequence[Any], row_idx: int) -> None:
        cells = []
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value=value)
            cell.column, cell.row = column, row_idx
            cells.append(cell)
        write_row(xf, cells, row_idx)

    def write(xf: Any, values: Sequence[Any], row_idx: int) -> None:
        # The row's element is built as its values are checked; a value openpyxl must
        # write itself sends the whole row to openpyxl (the element is dropped).
        if wb.iso_dates or row_heights.get(row_idx):
            slow(xf, values, row_idx)
            return
        el = Element("row", {"r": f"{row_idx}"})
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            letter = letters.get(column)
            if letter is None:
                letter = letters[column] = c.column_letter(column)
            ref = f"{letter}{row_idx}"
            kind = type(value)
            if isinstance(value, str):  # str, or a subclass of it, checked as its text
                if not plain_text(value):
                    slow(xf, values, row_idx)
                    return
                cell_el = SubElement(el, "c", {"r": ref, "t": "inlineStr"})
                t = SubElement(SubElement(cell_el, "is"), "t", space if preserve(value) else {})
                t.text = value
                continue
            if kind is int or kind is Decimal or kind is float:
                SubElement(SubElement(el, "c", {"r": ref, "t": "n"}), "v").text = safe_string(value)
                continue
            if isinstance(value, Cell):
                if not plain_cell(value):
                    slow(xf, values, row_idx)
                    return
                cell = value
            elif isinstance(value, _dt.date):  # a date cell takes a date format (a style)
                if getattr(value, "tzinfo", None) is not None:
                    slow(xf, values, row_idx)
                    return
                cell = WriteOnlyCell(ws, value=value)
            elif isinstance(value, numbers):
                kind_ = "b" if isinstance(value, bool) else "n"
                SubElement(SubElement(el, "c", {"r": ref, "t": kind_}), "v").text = safe_string(
                    value
                )
                continue
            else:  # a time, anything else: openpyxl writes the row
                slow(xf, values, row_idx)
                return
            value = cell._value
            style = cell._style
            if style is None:
                sid = ""
            else:
                key = style.tobytes()
                sid_ = style_ids.get(key)
                if sid_ is None:
                    sid_ = style_ids[key] = f"{cell.style_id}" if any(style) else ""
                sid = sid_
            if value is None and not sid:
                continue
            attrs = {"r": ref}
            if sid:
                attrs["s"] = sid
            kind_ = cell.data_type
            attrs["t"] = "inlineStr" if kind_ == "s" else "n" if kind_ == "d" else kind_
            if value is None or value == "":  # a styled empty cell: an opening and a
                slow(xf, values, row_idx)  # closing tag, as openpyxl writes it
                return
            cell_el = SubElement(el, "c", attrs)
            if kind_ == "s":
                t = SubElement(SubElement(cell_el, "is"), "t", space if preserve(value) else {})
                t.text = value
            else:
                text = safe_string(to_excel(value, epoch) if kind_ == "d" else value)
                SubElement(cell_el, "v").text = text
        if len(el) == 0:  # an empty row: openpyxl writes its opening and closing tags
            slow(xf, values, row_idx)
            return
        xf.write(el)

    ws._values_to_row = lambda values, row_idx: values
    writer.write_row = write


def _fast_from_first_row(ws: Any) -> None:
    """Have ``ws`` take :func:`_fast_rows` when its first row is appended: by then the
    sheet's size, panes and columns are set, as openpyxl's own writer needs them too."""

    def first(row: Any) -> None:
        del ws.append  # the sheet's own method again, for the rows after this one
        _fast_rows(ws)
        ws.append(row)

    ws.append = first


def fit_height(ws: Any, row: int, cells: Sequence[tuple[str, float]]) -> None:
    """Give ``row`` the height its wrapped text needs: ``cells`` pairs each text with its
    column's width.

    Neither LibreOffice nor every version of Excel grows a row for wrapped text written
    without a height, so a paragraph would show (and print) as its first line only. The
    estimate counts a column-width unit per character, line by line; a row keeps at
    least the default height.
    """
    lines = 1
    for text, width in cells:
        per_line = max(int(width * _CHARS_PER_UNIT), 1)
        n = sum(max(-(-len(part) // per_line), 1) for part in text.split("\n"))
        lines = max(lines, n)
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * _LINE_HEIGHT + 2, _MAX_ROW_HEIGHT)


#: Characters of running text per column-width unit (the width of a "0" in the default
#: font; running text averages a little narrower), the height of a line of it in points,
#: and the tallest row a spreadsheet allows.
_CHARS_PER_UNIT = 1.05
_LINE_HEIGHT = 14.5
_MAX_ROW_HEIGHT = 409


#: The widest sheet (in column-width units) printed one page wide: shrinking a wider one
#: onto landscape paper would make its text too small to read (about half size at 280).
_PRINT_WIDTH = 280


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word's end, with an ellipsis (Excel's
    limits on a drop-down's titles)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:(") + "…"


def _dimension(ws: Any, columns: int, rows: int) -> None:
    """Have the sheet state its size (``<dimension ref="A1:K1001"/>``), known before its
    rows are streamed: without it a reader such as openpyxl's read-only mode first reads
    the whole sheet to learn its size."""
    ref = f"A1:{c.column_letter(max(columns, 1))}{max(rows, 1)}"
    ws.calculate_dimension = lambda: ref


def _column_format(col: Column) -> str | None:
    """The format new entries in the column get (typed codes stay text: 17.10)."""
    if col.kind in TEXT_FORMAT_KINDS:
        return "@"
    if col.kind is Kind.DATE:
        return DATE_FORMAT
    if col.kind is Kind.MONEY:
        return MONEY_FORMAT
    if col.kind in (Kind.YEAR, Kind.SEQ, Kind.INTEGER):
        return "0"
    return None


def _rows(plan: m.ActionPlan, layout: SheetLayout) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The rows of a data sheet: (key column values, the row's object)."""
    path = layout.path
    top = getattr(plan, path[0])
    if len(path) == 1:
        for item in top:
            yield (), item
        return
    get = _getter(path[1])
    if layout.measures:
        for owner in top:
            for n, entry in enumerate(get(owner), start=1):
                if entry.baseline is not None:
                    yield (owner.id, n, Slot.BASELINE), entry.baseline
                for measure in entry.interim:
                    yield (owner.id, n, Slot.INTERIM), measure
                if entry.target is not None:
                    yield (owner.id, n, Slot.TARGET), entry.target
        return
    if len(path) == 3:  # one row per item of each indicator (achieved values)
        get_items = _getter(path[2])
        for owner in top:
            for n, entry in enumerate(get(owner), start=1):
                for item in get_items(entry):
                    yield (owner.id, n), item
        return
    numbered = len(layout.keys) == 2
    for owner in top:
        for n, item in enumerate(get(owner), start=1):
            yield ((owner.id, n) if numbered else (owner.id,)), item
