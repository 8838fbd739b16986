"""Remake the pictures of the documentation's gallery from real output.

    python docs/_scripts/make_gallery.py

Exports the national example as a Word draft and a workbook, converts both to PDF with
LibreOffice (``soffice --headless --convert-to pdf``), finds the pages that show each
pictured part by their text (``pdftotext``) and renders them to PNG (``pdftoppm``) in
``docs/_static/gallery``. Needs LibreOffice and poppler-utils; the pictures are committed,
so building the site does not.

``plugin-section`` is the worked example of ``docs/plugins.md``: the example agriculture
plugin's annex (``examples/plugin-agriculture``, read from its source, installed or not)
in a draft of the provincial example, written in the plan's language (Spanish) with
``migsdg.testing.render_section``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import migsdg
from migsdg.examples import load_example

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "_static" / "gallery"
AGRICULTURE = ROOT / "examples" / "plugin-agriculture" / "src"
RESOLUTION = "60"

#: picture of the Word draft -> (a text on the page to show, which page holding it)
WORD_PAGES: dict[str, tuple[str, int]] = {
    "word-cover": ("", 1),
    "word-contents": ("Contents", 1),
    "word-objectives": ("Local or national objectives", 1),
    "word-intervention": ("Roles and tasks of implementing actors", 1),
    "word-resources": ("Resource mobilization plan", -1),
    # The chapters' headings are on the contents page too: their own page is the second.
    "word-glance": ("The plan at a glance", 2),
    "word-stakeholders": ("Stakeholders and their capacity", 2),
    "word-alignment": ("Objectives of the Global Compact for Migration", 2),
    "word-results": ("Results framework", 2),
    "word-budget": ("Costs per intervention and year", 2),
}
#: picture of the workbook -> (the sheet shown, the cells shown or "" for all), fitted to
#: the page width
WORKBOOK_SHEETS: dict[str, tuple[str, str]] = {
    "workbook-interventions": ("Interventions", "A1:E10"),
    "workbook-funding-summary": ("Funding summary", ""),
    "workbook-coverage": ("Coverage", ""),
}


def _run(*cmd: str, cwd: Path | None = None) -> str:
    return subprocess.run(
        cmd, cwd=cwd, check=True, capture_output=True, text=True, timeout=600
    ).stdout


def _page_texts(pdf: Path) -> list[str]:
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")


def _find_page(texts: list[str], needle: str, nth: int) -> int:
    """1-based number of the ``nth`` page whose text holds ``needle`` (negative: counted
    from the last such page; an empty needle matches every page)."""
    pages = [number for number, text in enumerate(texts, start=1) if needle in text]
    try:
        return pages[nth - 1 if nth > 0 else nth]
    except IndexError:
        raise SystemExit(f"no page {nth} with {needle!r}") from None


def main() -> int:
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            print(
                f"{tool} is needed (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui, "
                "poppler-utils)",
                file=sys.stderr,
            )
            return 2
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    plan = load_example("national")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = _pdf(migsdg.export(plan, work / "national.docx"))
        texts = _page_texts(draft)
        for name, (needle, nth) in WORD_PAGES.items():
            _png(draft, _find_page(texts, needle, nth), name)
        workbook = migsdg.export(plan, work / "national.xlsx")
        for name, (sheet, cells) in WORKBOOK_SHEETS.items():
            _png(_pdf(_one_sheet(workbook, sheet, cells, work / f"{name}.xlsx")), 1, name, "100")
        _plugin_section(work)
    return 0


def _plugin_section(work: Path) -> None:
    """The agriculture plugin's annex in the provincial example's draft (page 2: the
    cover is page 1)."""
    from migsdg.testing import render_section

    sys.path.insert(0, str(AGRICULTURE))
    from migsdg_agriculture.sections import SECTION

    plan = load_example("provincial")
    draft = _pdf(render_section(SECTION, work / "plugin-section.docx", plan, language="es"))
    _png(draft, _find_page(_page_texts(draft), "Agricultura y migración", -1), "plugin-section")


def _pdf(source: Path) -> Path:
    _run(
        "soffice",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(source.parent),
        str(source),
        cwd=source.parent,
    )
    return source.with_suffix(".pdf")


def _png(pdf: Path, page: int, name: str, resolution: str = RESOLUTION) -> None:
    target = OUT / name
    _run(
        "pdftoppm",
        "-png",
        "-r",
        resolution,
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        str(pdf),
        str(target),
    )
    print(f"{target}.png  (page {page} of {pdf.name})")


def _one_sheet(workbook: Path, sheet: str, cells: str, target: Path) -> Path:
    """A copy of the workbook holding only ``sheet`` (only ``cells`` printed, if given),
    printed landscape, one page wide."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    for other in list(book.worksheets):
        if other.title != sheet:
            book.remove(other)
    ws = book[sheet]
    ws.sheet_state = "visible"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if cells:
        ws.print_area = cells
    book.save(target)
    return target


if __name__ == "__main__":
    raise SystemExit(main())
