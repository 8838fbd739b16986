"""CSV as spreadsheets read it: every field that needs quotes gets them, and user text
cannot become a formula.

Python's :mod:`csv` module quotes a field only for the characters of its own line
terminator, so with ``"\n"`` a lone carriage return goes out unquoted, and a spreadsheet
takes it for the end of the row: the rest of the field starts a new row, whose first cell
may be a formula. These helpers quote every field holding a comma, a quote, a carriage
return or a line feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from migsdg.excel import is_risky_text

__all__ = ["csv_field", "csv_line", "neutralised"]

_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def csv_field(text: str) -> str:
    """``text`` as one CSV field (RFC 4180 quoting)."""
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


def csv_line(fields: Iterable[str]) -> str:
    """One CSV row, ended by a line feed."""
    return ",".join(csv_field(f) for f in fields) + "\n"


def neutralised(text: str) -> str:
    """User text for a CSV cell that a spreadsheet will not run as a formula: every line of
    it that starts with a formula trigger (``= + - @``, a tab; the test is the workbook's,
    :func:`migsdg.excel._cells.is_risky_text`) gets a leading apostrophe. A spreadsheet
    takes CR, LF and CR LF for line breaks, so each line is a place a formula could begin,
    not only the start of the text."""
    parts = _LINE_BREAK.split(text)
    # parts alternate: line, break, line, ...
    return "".join("'" + p if i % 2 == 0 and is_risky_text(p) else p for i, p in enumerate(parts))
