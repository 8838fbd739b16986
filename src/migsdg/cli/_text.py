"""A view of the plan (:mod:`migsdg.present`) as plain text for a terminal."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from typing import TextIO

from migsdg.present import Block, Para, Table, View

__all__ = ["add_language_option", "write_view"]


def _line() -> int:
    """The width tables aim at (the terminal's, or ``COLUMNS``); longer cell text wraps."""
    return max(60, shutil.get_terminal_size((100, 24)).columns - 2)


def add_language_option(
    parser: argparse.ArgumentParser,
    help: str = "language of the text (default: the plan's language)",
) -> None:
    """``--language``: the language of the text for people (default: the plan's, or as
    ``help`` says for a command without a plan)."""
    from migsdg.i18n import languages

    parser.add_argument("--language", choices=languages(), default=None, help=help)


def _cell_lines(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(textwrap.wrap(line, width) or [""])
    return lines


def _table(table: Table, out: TextIO) -> None:
    # Figures keep their width; text columns share what is left of the line.
    figures = sum(
        max([len(col.label)] + [len(row.cells[i].text) for row in table.rows])
        for i, col in enumerate(table.columns)
        if col.figure
    )
    texts = sum(1 for col in table.columns if not col.figure) or 1
    width = max(24, (_line() - figures - 2 * len(table.columns)) // texts)
    grid: list[list[list[str]]] = [[[col.label] for col in table.columns]]
    for row in table.rows:
        cells = []
        for cell in row.cells:
            lines = [cell.head] if cell.head else []
            lines += _cell_lines(cell.text, width) if cell.text else ([] if cell.head else [""])
            cells.append(lines)
        grid.append(cells)
    widths = [
        max(len(line) for lined in grid for line in lined[i]) for i in range(len(table.columns))
    ]
    for n, lined in enumerate(grid):
        height = max(len(lines) for lines in lined)
        for k in range(height):
            parts = []
            for i, lines in enumerate(lined):
                text = lines[k] if k < len(lines) else ""
                col = table.columns[i]
                parts.append(text.rjust(widths[i]) if col.figure else text.ljust(widths[i]))
            out.write("  " + "  ".join(parts).rstrip() + "\n")
        if n == 0:
            out.write("  " + "  ".join("-" * w for w in widths) + "\n")


def _block(block: Block, out: TextIO) -> None:
    if isinstance(block, Table):
        _table(block, out)
        return
    assert isinstance(block, Para)
    if block.kind == "bullet":
        out.write(
            textwrap.fill(block.text, _line(), initial_indent="  - ", subsequent_indent="    ")
        )
    elif block.kind == "missing":
        out.write(textwrap.fill(f"[{block.text}]", _line(), initial_indent="  "))
    else:
        out.write(textwrap.fill(block.text, _line()))
    out.write("\n")


def write_view(view: View, out: TextIO) -> None:
    """The view as text: its title underlined, sections with their tables aligned."""
    out.write(f"{view.title}\n{'=' * len(view.title)}\n")
    for block in view.intro:
        _block(block, out)
    for section in view.sections:
        out.write(f"\n{section.title}\n{'-' * len(section.title)}\n")
        for block in section.blocks:
            _block(block, out)
