"""Excel workbooks: export a plan, write a blank template, import a filled-in workbook.

::

    import migsdg

    migsdg.export(plan, "plan.xlsx")          # the plan, one sheet per kind of item
    migsdg.excel.write_template("blank.xlsx") # a blank workbook to fill in
    plan = migsdg.load_plan("plan.xlsx")      # read back: the workbook is the whole plan

The sheets and columns are described once, in :mod:`migsdg.excel.layout`; the writer
(:mod:`migsdg.excel.writer`) and the reader (:mod:`migsdg.excel.reader`) both follow it.
openpyxl is imported only when a workbook is written or read.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any

from migsdg._bulk import bulk
from migsdg.checks import Report
from migsdg.excel._cells import is_risky_text
from migsdg.exporters import Exporter
from migsdg.model import ActionPlan

__all__ = ["EXPORTER", "is_risky_text", "read_workbook", "write_template", "write_workbook"]


@bulk
def write_workbook(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    today: _dt.date | str | None = None,
    computed: bool | str = True,
    language: str | None = None,
    findings: Report | None = None,
) -> None:
    """Write ``plan`` to an ``.xlsx`` workbook (see :func:`migsdg.excel.writer.write_workbook`);
    its text for people is in ``language`` (default: the plan's). ``findings``: the check
    report the Findings sheet shows (default: the plan is checked as it is written)."""
    from migsdg.excel import writer

    writer.write_workbook(
        plan, path, today=today, computed=computed, language=language, findings=findings
    )


def write_template(path: str | os.PathLike[str], *, language: str | None = None) -> None:
    """Write a blank workbook for filling in, with the drop-down lists and instructions; its
    computed sheets speak ``language`` (default: English)."""
    from migsdg.excel import writer

    writer.write_template(path, language=language)


@bulk
def read_workbook(path: str | os.PathLike[str], *, check_references: bool = True) -> ActionPlan:
    """Read a plan from a workbook (see :func:`migsdg.excel.reader.read_workbook`)."""
    from migsdg.excel import reader

    return reader.read_workbook(path, check_references=check_references)


@bulk
def _write(plan: ActionPlan, path: Path, **options: Any) -> None:
    """The exporter's write: straight to the temporary path the export host gives (the
    host replaces the target with it)."""
    from migsdg.excel import writer

    writer._plan_book(plan, **options).write(path, atomic=False)


EXPORTER = Exporter(
    name="xlsx",
    suffixes=(".xlsx",),
    description="Excel workbook: one sheet per kind of item, drop-down lists, a live "
    "funding summary, timeline, SDG coverage, the review of existing frameworks and "
    "check findings; import it back with "
    "migsdg import",
    write=_write,
    options=("today", "computed", "language", "findings"),
)
