"""The plain document model of the Word draft: parts, headings, paragraphs, tables.

:func:`migsdg.word.build_document` turns a plan into a :class:`Document`; the writer only
maps it onto Word. Nothing here imports an Office library, so tests (and other exporters)
can read the draft's content directly.

All text passes through :func:`clean_text` when a block is made, so characters that XML
cannot hold never reach the writer. While :func:`build_document` builds a draft, each
distinct text of its runs is cleaned once (see :func:`cleaning_once`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

import attrs

__all__ = [
    "Block",
    "Cell",
    "Contents",
    "Document",
    "Heading",
    "Paragraph",
    "Part",
    "Properties",
    "Run",
    "Table",
    "clean_text",
]

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the
# surrogates and U+FFFE/U+FFFF. C1 controls are allowed but are never meant as text.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """``value`` made safe for XML, the same way every time.

    Line and page separators pasted from other programs (carriage returns, vertical tab,
    form feed, U+2028/2029, NEL) become line breaks; every other control character, lone
    surrogate and non-character is removed.
    """
    if _SUSPECT.search(value) is None:  # the usual case: one scan, nothing to change
        return value
    return _NOT_TEXT.sub("", _LINE_BREAKS.sub("\n", value))


#: The texts cleaned so far while a draft is built (None: outside :func:`cleaning_once`).
_CLEANED: ContextVar[dict[str, str] | None] = ContextVar("_CLEANED", default=None)


@contextmanager
def cleaning_once() -> Iterator[None]:
    """Within the block, a text given to a :class:`Run` again is not cleaned again: the
    run gets the text cleaned the first time, the same string, so a draft that repeats a
    label, a name or an amount thousands of times cleans and holds it once. What is
    remembered is let go when the block ends."""
    token = _CLEANED.set({})
    try:
        yield
    finally:
        _CLEANED.reset(token)


def _clean_run_text(value: str) -> str:
    seen = _CLEANED.get()
    if seen is None:
        return clean_text(value)
    cleaned = seen.get(value)
    if cleaned is None:
        cleaned = seen[value] = clean_text(value)
    return cleaned


@attrs.frozen
class Run:
    """A stretch of text with one format. ``marker`` runs flag a criterion still to be
    completed; the writer highlights them."""

    text: str = attrs.field(converter=_clean_run_text)
    bold: bool = False
    italic: bool = False
    marker: bool = False


def _runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


ParagraphStyle = Literal["body", "bullet", "label", "note", "banner", "subtitle"]


@attrs.frozen
class Paragraph:
    """A paragraph. ``style`` is a role; the writer picks the Word style for it."""

    runs: tuple[Run, ...]
    style: ParagraphStyle = "body"

    @property
    def text(self) -> str:
        return _runs_text(self.runs)

    @property
    def has_marker(self) -> bool:
        return any(r.marker for r in self.runs)


@attrs.frozen
class Heading:
    """A heading: level 0 is the document title, 1-3 are Word's Heading 1-3."""

    runs: tuple[Run, ...]
    level: int = attrs.field(validator=attrs.validators.in_((0, 1, 2, 3)))

    @property
    def text(self) -> str:
        return _runs_text(self.runs)

    @property
    def has_marker(self) -> bool:
        return any(r.marker for r in self.runs)


@attrs.frozen
class Cell:
    """A table cell; ``"\\n"`` in a run's text is a line break. ``shade`` is an RGB fill
    (``"8EAADB"``); amounts are aligned right."""

    runs: tuple[Run, ...] = ()
    shade: str | None = None
    align: Literal["left", "center", "right"] = "left"

    @property
    def text(self) -> str:
        return _runs_text(self.runs)

    @property
    def has_marker(self) -> bool:
        return any(r.marker for r in self.runs)


#: ``grid``: a table with a header row; ``fields``: label/value rows; ``timeline``: the
#: shaded timeline (small type, no table style); ``figures``: a grid of many amount columns,
#: in slightly smaller type so that large amounts fit on one line.
TableKind = Literal["grid", "fields", "timeline", "figures"]


def _check_rows(table: Table, _: object, rows: tuple[tuple[Cell, ...], ...]) -> None:
    for i, row in enumerate(rows):
        if len(row) != table.columns:
            raise ValueError(f"row {i} has {len(row)} cells, the table has {table.columns}")


@attrs.frozen
class Table:
    """A table. ``header`` (repeated on each page) is ``None`` for label/value tables
    (``kind="fields"``). ``widths`` are relative column widths. ``total``: the last row
    sums the others, and is kept on the page of the row before it (a total alone under a
    repeated header says nothing)."""

    columns: int
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(validator=_check_rows)
    header: tuple[str, ...] | None = None
    widths: tuple[int, ...] | None = None
    kind: TableKind = "grid"
    total: bool = False

    def __attrs_post_init__(self) -> None:
        if self.header is not None and len(self.header) != self.columns:
            raise ValueError(f"header has {len(self.header)} cells, the table {self.columns}")
        if self.widths is not None and len(self.widths) != self.columns:
            raise ValueError(f"widths has {len(self.widths)} entries, the table {self.columns}")

    def column(self, index: int) -> list[str]:
        """The texts of one column, header excluded."""
        return [row[index].text for row in self.rows]

    @property
    def has_marker(self) -> bool:
        return any(c.has_marker for row in self.rows for c in row)


@attrs.frozen
class Contents:
    """A table of contents (a field Word fills in when the document is opened)."""

    title: str = attrs.field(converter=clean_text)
    placeholder: str = attrs.field(converter=clean_text)
    levels: int = 3


Block = Heading | Paragraph | Table | Contents


@attrs.frozen
class Part:
    """One part of the draft (the cover, the interventions, an annex…); each starts on a
    new page, landscape parts in a landscape section."""

    key: str
    blocks: tuple[Block, ...]
    landscape: bool = False

    def headings(self, level: int | None = None) -> list[Heading]:
        return [
            b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)
        ]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@attrs.frozen
class Properties:
    """Document properties (File > Info in Word)."""

    title: str = attrs.field(converter=clean_text)
    subject: str = attrs.field(converter=clean_text)
    author: str = attrs.field(converter=clean_text)
    keywords: str = attrs.field(converter=clean_text)
    status: str = attrs.field(converter=clean_text)
    language: str  # a Word language tag, e.g. "es-ES"
    revision: int
    date: _dt.datetime  # created and modified; fixed, so the same plan gives the same file


@attrs.frozen
class Document:
    """The whole draft, ready for a writer."""

    language: str
    properties: Properties
    parts: tuple[Part, ...]
    header: tuple[Run, ...] = ()  # page header text
    footer: str = "{page}"  # page footer; {page} and {pages} become fields

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)

    def blocks(self) -> Iterator[Block]:
        for p in self.parts:
            yield from p.blocks

    def headings(self, level: int | None = None) -> list[Heading]:
        return [h for p in self.parts for h in p.headings(level)]

    def tables(self) -> list[Table]:
        return [t for p in self.parts for t in p.tables()]

    def marker_count(self) -> int:
        """How many "to be completed" markers the draft shows."""
        count = 0
        for block in self.blocks():
            if isinstance(block, (Paragraph, Heading)):
                count += sum(r.marker for r in block.runs)
            elif isinstance(block, Table):
                count += sum(r.marker for row in block.rows for c in row for r in c.runs)
        return count
