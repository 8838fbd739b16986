"""The presentation model: the Word draft, the workbook and the CLI show the review and the
resource mobilization plan from the one view (migsdg.present), in the reader's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import fast_set
import migsdg
from migsdg import present
from migsdg.cli import main
from migsdg.excel import write_workbook
from migsdg.present import Cell, Para, Table, View, funding_view, review_view
from migsdg.word import build_document
from migsdg.word.blocks import Table as WordTable
from migsdg.word.labels import Labels
from review_plans import example

LANGUAGES = ["en", "es", "fr", "ar"]
EXAMPLES = ["national", "provincial"]


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
    from migsdg.excel.layout import sheet_name
    from migsdg.i18n import translator

    ws = openpyxl.load_workbook(path, read_only=True)[sheet_name(sheet, translator(language))]
    return [list(row) for row in ws.iter_rows(values_only=True)]


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


@pytest.mark.parametrize(("name", "language"), fast_set.pairs(EXAMPLES, LANGUAGES))
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


@pytest.mark.parametrize(("name", "language"), fast_set.pairs(EXAMPLES, LANGUAGES))
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


# -- the review and adoption record and the revision history --------------------------------


def word_view_blocks(blocks: list[Any], view: View) -> None:
    """The draft's blocks of a part are the view's: its section headings, every paragraph's
    text, and every table's header and cells, in order."""
    from migsdg.word.blocks import Heading, Paragraph

    expected: list[tuple[str, Any]] = []
    for block in view.intro:
        expected.append(_expected(block))
    for sec in view.sections:
        expected.append(("heading", sec.title))
        expected.extend(_expected(b) for b in sec.blocks)
    got: list[tuple[str, Any]] = []
    for block in blocks:
        if isinstance(block, Heading):
            got.append(("heading", block.text))
        elif isinstance(block, Paragraph):
            got.append(("para", (block.text, block.has_marker)))
        elif isinstance(block, WordTable):
            got.append(("table", (block.header, [[c.text for c in r] for r in block.rows])))
    assert got == expected


def _expected(block: Para | Table) -> tuple[str, Any]:
    if isinstance(block, Para):
        return ("para", (block.text, block.kind == "missing"))
    rows = [[word_cell(c) for c in r.cells] for r in block.rows]
    return ("table", (tuple(c.label for c in block.columns), rows))


@pytest.mark.parametrize(("name", "language"), fast_set.pairs(EXAMPLES, LANGUAGES))
def test_the_adoption_record_and_history_in_word_and_the_cli_are_their_views(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    language: str,
) -> None:
    from migsdg.word.blocks import Heading

    monkeypatch.setenv("COLUMNS", "4000")  # one line per cell: easier to compare
    plan = example(name)
    adoption = present.adoption_view(plan, language)
    history = present.history_view(plan, language)
    assert adoption.language == history.language == language
    doc = build_document(plan, language=language, omit=["findings"])

    consultations = doc.part("consultations")
    assert consultations is not None
    blocks = list(consultations.blocks)
    start = next(
        k
        for k, b in enumerate(blocks)
        if isinstance(b, Heading) and b.level == 2 and b.text == adoption.title
    )
    word_view_blocks(blocks[start + 1 :], adoption)

    revisions = doc.part("revisions")
    assert revisions is not None
    word_view_blocks(list(revisions.blocks)[1:], history)  # after the annex's own heading

    path = tmp_path / "plan.yaml"
    migsdg.save_plan(plan, path)
    out = cli_text(capsys, "status", str(path), "--language", language)
    for view in (history, adoption):
        assert f"\n{view.title}\n" in out
        for section in view.sections:
            assert f"\n{section.title}\n" in out
        for table in view.tables():
            assert all(col.label in out for col in table.columns)
            for row in table.rows:
                for cell in row.cells:
                    for line in filter(None, word_cell(cell).split("\n")):
                        assert line in out, line
        for section in view.sections:
            for block in section.blocks:
                if isinstance(block, Para):
                    assert block.text in out.replace("\n", " "), block.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_and_cli_take_the_adoption_labels_from_the_view(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    language: str,
) -> None:
    # Mark every label the views take from the catalogues: both media show the marks, so
    # neither writes its own labels for the adoption record or the revision history.
    real = present.view_labels

    class Marked(Labels):
        def __getitem__(self, key: str) -> str:
            return f"⟦{super().__getitem__(key)}⟧"

    monkeypatch.setattr(present, "view_labels", lambda lang: Marked(real(lang).language))
    monkeypatch.setenv("COLUMNS", "1000")
    plan = example("provincial")
    doc = build_document(plan, language=language, omit=["findings"])
    word: list[str] = []
    for key in ("consultations", "revisions"):
        part = doc.part(key)
        assert part is not None
        word += [b.text for b in part.blocks if hasattr(b, "text")]
        word += [h for t in part.tables() for h in t.header or ()]
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(plan, path)
    text = cli_text(capsys, "status", str(path), "--language", language)
    labels = Labels(language)
    for key in ("review_workshops", "col_represented", "status_history", "col_author"):
        expected = f"⟦{labels[key]}⟧"
        assert any(expected in w for w in word), key
        assert expected in text, key


def test_a_plan_without_revisions_or_reviews_says_so() -> None:
    plan = example("national")
    import attrs

    bare = attrs.evolve(plan, revisions=(), consultations=(), status=migsdg.PlanStatus.DRAFT)
    history = present.history_view(bare, "fr")
    assert history.intro == (Para("Aucune révision n'est encore enregistrée.", "missing"),)
    adoption = present.adoption_view(bare, "es")
    assert [s.key for s in adoption.sections] == ["Review workshops", "Adoption"]
    assert adoption.section("Review workshops").blocks == (
        Para("Aún no se ha registrado ningún taller de revisión.", "note"),
    )
