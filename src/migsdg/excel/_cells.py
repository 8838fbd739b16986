"""How single values become cell contents and back: text escaping, lists in one cell,
numbers Excel can hold exactly, dates Excel can show.

Pure functions, no openpyxl: the writer and the reader both use them, and the tests can
pin them without a workbook.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from decimal import Decimal

__all__ = [
    "EXCEL_MAX_TEXT",
    "ListSyntaxError",
    "date_cell",
    "decimal_cell",
    "escape_text",
    "format_list",
    "int_cell",
    "is_risky_text",
    "parse_list",
    "unescape_text",
]

#: Excel refuses to show more characters than this in one cell.
EXCEL_MAX_TEXT = 32_767
#: Excel computes with 15 significant digits; LibreOffice rounds to them when saving.
_EXACT_DIGITS = 15
#: Excel's calendar starts in 1900 (and its serial numbers are off before March 1900).
_FIRST_DATE = _dt.date(1900, 3, 1)

# Characters XML 1.0 cannot carry, and carriage returns (XML parsers turn CR LF into LF),
# are written the way Excel writes them: ``_xHHHH_``. An underscore that would start such
# a sequence is itself escaped (``_x005F_``), so text that happens to contain
# ``_x0041_`` comes back unchanged.
_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_UNESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")

#: Text beginning with one of these is a formula to a spreadsheet (or to a CSV export
#: of it), so such text is marked as literal text when written.
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
RISKY_FIRST = frozenset(RISKY_STARTS)


def escape_text(text: str) -> str:
    """Text as stored in a cell: Excel's ``_xHHHH_`` escapes where XML cannot carry it."""
    if "_" not in text and text.isprintable():
        return text  # the common case: no control character, no escape-like text
    return _ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text` (and the escapes Excel and LibreOffice write)."""
    if "_x" not in text:
        return text

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        if 0xD800 <= code <= 0xDFFF:  # a lone surrogate is not text; keep it as written
            return match.group()
        return chr(code)

    return _UNESCAPE.sub(char, text)


def is_risky_text(text: str) -> bool:
    """True if a spreadsheet could take ``text`` for a formula."""
    return text.startswith(RISKY_STARTS)


# -- lists in one cell ----------------------------------------------------------------------

_SEPARATORS = ",;\n"
_NEEDS_QUOTES = re.compile(r'[,;\n\r"]')


class ListSyntaxError(ValueError):
    """A list cell that cannot be split into items (an unclosed quote and the like)."""


def _quote(item: str) -> str:
    if item == "" or item != item.strip() or _NEEDS_QUOTES.search(item):
        return '"' + item.replace('"', '""') + '"'
    return item


def format_list(items: Iterable[object]) -> str:
    """Items for one cell: ``a, b, "c, d"``. See :mod:`migsdg.excel.layout`."""
    return ", ".join(_quote(str(i)) for i in items)


def parse_list(text: str) -> list[str]:
    """Split a list cell into items.

    Commas, semicolons and line breaks separate items; spaces around an item are dropped;
    empty items are skipped. An item in double quotes is taken exactly as written (with
    ``""`` for a quote), separators and spaces included.
    """
    items: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r":
            i += 1
        if i >= n:
            break
        if text[i] == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    raise ListSyntaxError("a double quote is opened but never closed")
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(text[i])
                i += 1
            items.append("".join(buf))
            while i < n and text[i] in " \t\r":
                i += 1
            if i < n and text[i] not in _SEPARATORS:
                raise ListSyntaxError(
                    "text after a closing double quote; separate items with commas"
                )
            i += 1
        else:
            j = i
            while j < n and text[j] not in _SEPARATORS:
                j += 1
            item = text[i:j].strip()
            if item:
                items.append(item)
            i = j + 1
    return items


# -- numbers and dates -------------------------------------------------------------------------


def decimal_cell(value: Decimal) -> int | float | str:
    """A number Excel holds exactly, else the number as text (which keeps every digit,
    though Excel then leaves it out of its sums)."""
    if not value.is_finite():
        return str(value)
    digits = value.normalize().as_tuple().digits
    if len(digits) <= _EXACT_DIGITS and -300 < value.adjusted() < 300:
        if value == value.to_integral_value() and abs(value) < 10**_EXACT_DIGITS:
            return int(value)
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float
    return str(value)


def int_cell(value: int) -> int | str:
    """A whole number Excel holds exactly, else its digits as text."""
    return value if abs(value) < 10**_EXACT_DIGITS else str(value)


def date_cell(value: _dt.date) -> _dt.date | str:
    """A date Excel can show as a date, else ISO text (``0099-01-01``)."""
    if _FIRST_DATE <= value <= _dt.date(9999, 12, 31):
        return value
    return value.isoformat()


def quarter_of(value: _dt.date) -> tuple[int, int]:
    return value.year, (value.month - 1) // 3 + 1


def quarters_between(start: _dt.date, end: _dt.date) -> list[tuple[int, int]]:
    """The calendar quarters from the one holding ``start`` to the one holding ``end``."""
    out = []
    year, q = quarter_of(start)
    last = quarter_of(end)
    while (year, q) <= last:
        out.append((year, q))
        year, q = (year, q + 1) if q < 4 else (year + 1, 1)
    return out


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def sheet_ref(sheet: str) -> str:
    """A sheet name as formulas and locations write it (quoted where needed)."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"
