# tests/test_section.py
import docx
import openpyxl
from migsdg.present import Table
from migsdg.testing import build_plan_section, render_section, sample_plan

from migsdg_agriculture.sections import SECTION


def test_the_section_reads_the_provincial_example():
    plan = sample_plan("provincial")  # its food sovereignty intervention is agricultural
    view = build_plan_section(SECTION, plan, language="es")
    assert view.title == "Agricultura y migración"
    [table] = [block for block in view.intro if isinstance(block, Table)]
    [row] = table.rows
    assert row.cells[0].text.startswith("Intervención 3: Soberanía alimentaria")
    assert row.cells[2].text == "2.1.2: por situación migratoria"


def test_the_section_reaches_the_draft_and_the_workbook(tmp_path):
    plan = sample_plan("provincial")
    draft = render_section(SECTION, tmp_path / "annex.docx", plan, language="es")
    texts = [p.text for p in docx.Document(str(draft)).paragraphs]
    assert "Anexo A. Agricultura y migración" in texts
    book = render_section(SECTION, tmp_path / "plan.xlsx", plan, language="es", workbook=True)
    sheet = openpyxl.load_workbook(book)["Agricultura y migración"]
    values = [value for row in sheet.iter_rows(values_only=True) for value in row if value]
    assert "2.1.2: por situación migratoria" in values
