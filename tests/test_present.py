"""The presentation model: the Word draft, the workbook and the CLI show the review and the
resource mobilization plan from the one view (migsdg.present), in the reader's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import migsdg
from migsdg import present
from migsdg.cli import main
from migsdg.excel import write_workbook
from migsdg.present import Cell, Para, Table, View, funding_view, review_view
from migsdg.word import build_document
from migsdg.word.blocks import Table as WordTable
from migsdg.word.labels import Labels
from review_plans import example

LANGUAGES = ["en", "es", "fr"]


def word_cell(c: Cell) -> str:
    return f"{c.head}\n{c.text}" if c.head else c.text


def word_tables(plan: migsdg.ActionPlan, language: str, key: str) -> list[WordTable]:
    part = build_document(plan, language=language).part(key)
    assert part is not None
    return part.tables()


def sheet_rows(plan: migsdg.ActionPlan, language: str, sheet: str, tmp_path: Path) -> list[Any]:
    import openpyxl

    path = tmp_path / f"{language}.xlsx"
    write_workbook(plan, path, language=language)
    ws = openpyxl.load_workbook(path)[sheet]
    return [[c.value for c in row] for row in ws.iter_rows()]


def cli_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def assert_word_shows(view: View, tables: list[WordTable]) -> None:
    # The part starts with the view's tables (the draft may add its own after them, such
    # as how each funding source will be approached).
    expected = list(view.tables())
    assert len(tables) >= len(expected)
    for got, table in zip(tables, expected, strict=False):
        assert got.header == tuple(col.label for col in table.columns)
        assert [[c.text for c in row] for row in got.rows] == [
            [word_cell(c) for c in row.cells] for row in table.rows
        ]


def assert_text_shows(view: View, out: str) -> None:
    assert out.startswith(view.title)
    for section in view.sections:
        assert f"\n{section.title}\n" in out
    for table in view.tables():
        header = [line for line in out.splitlines() if table.columns[0].label in line]
        assert header, table.key
        assert all(col.label in out for col in table.columns)
        for row in table.rows:
            for cell in row.cells:
                for line in filter(None, word_cell(cell).split("\n")):
                    assert line in out, line


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["national", "provincial"])
def test_the_review_in_word_excel_and_the_cli_is_the_review_view(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    language: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # whole cells on one line
    plan = example(name)
    view = review_view(plan, language)
    assert view.language == language
    assert_word_shows(view, word_tables(plan, language, "review"))
    rows = [r for r in sheet_rows(plan, language, "Review", tmp_path) if any(r)]
    texts = {v for r in rows for v in r if isinstance(v, str)}
    assert view.title in texts
    for section in view.sections:
        assert section.title in texts
    for table in view.tables():
        assert [col.label for col in table.columns] in [r[: len(table.columns)] for r in rows]
        for row in table.rows:
            assert [word_cell(c) or None for c in row.cells] in [r[: len(row.cells)] for r in rows]
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(plan, path)
    assert_text_shows(view, cli_text(capsys, "review", str(path), "--language", language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["national", "provincial"])
def test_the_funding_in_word_excel_and_the_cli_is_the_funding_view(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    language: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    plan = example(name)
    view = funding_view(plan, language)
    # The annex ends with how each source is approached, a table of its own after the view's.
    assert_word_shows(view, word_tables(plan, language, "resources")[:-1])
    # The workbook's funding summary is live formulas; its title and the labels of its
    # columns are the view's.
    rows = sheet_rows(plan, language, "Funding summary", tmp_path)
    assert rows[0][0] == view.title
    by_intervention = next(t for t in view.tables() if t.key == "by_intervention")
    header = next(r for r in rows if by_intervention.columns[1].label in r)
    labels = [col.label for col in by_intervention.columns[1:]]
    assert header[2 : 2 + len(labels)] == labels
    needing = Labels(language)["needing"]
    assert needing in [section.title for section in view.sections]
    assert needing in {v for r in rows for v in r if isinstance(v, str)}
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(plan, path)
    assert_text_shows(view, cli_text(capsys, "funding", str(path), "--language", language))


def test_word_excel_and_cli_take_their_labels_from_the_view(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Mark every label the views take from the catalogues: each medium shows the marks, so
    # none of them writes its own labels for these views.
    real = present.view_labels

    class Marked(Labels):
        def __getitem__(self, key: str) -> str:
            return f"⟦{super().__getitem__(key)}⟧"

    monkeypatch.setattr(present, "view_labels", lambda language: Marked(real(language).language))
    monkeypatch.setenv("COLUMNS", "1000")
    plan = example("national")
    marked = Labels("en")
    part = build_document(plan, language="en").part("review")
    assert part is not None
    word = [b.text for b in part.blocks if hasattr(b, "text")]
    word += [h for t in part.tables() for h in t.header or ()]
    sheet = {v for r in sheet_rows(plan, "en", "Review", tmp_path) for v in r}
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(plan, path)
    text = cli_text(capsys, "review", str(path))
    for key in ("col_target", "col_planned", "review_matrix"):
        expected = f"⟦{marked[key]}⟧"
        assert any(expected in w for w in word), key
        assert expected in sheet, key
        assert expected in text, key


def test_views_need_no_office_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from migsdg.examples import load_example\n"
        "from migsdg.present import funding_view, review_view\n"
        "plan = load_example('national')\n"
        "review_view(plan, 'fr'), funding_view(plan, 'es')\n"
        "print(sorted(m for m in ('docx', 'openpyxl', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_view_is_plain_data() -> None:
    view = review_view(example("national"), "es")
    assert all(isinstance(b, (Para, Table)) for s in view.sections for b in s.blocks)
    matrix = view.section("Alignment matrix")  # sections are keyed by their English title
    assert matrix.title == "Matriz de alineación"
    (table,) = [b for b in matrix.blocks if isinstance(b, Table)]
    assert [c.key for c in table.columns][:2] == ["SDG target", "Relation to migration"]
