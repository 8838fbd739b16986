"""The Word file: reopened with python-docx, it says what the document model says."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

import fast_set
import migsdg
from migsdg import ExportError
from migsdg.word import Document, Heading, Table, build_document, write
from migsdg.word.labels import TEXTS
from migsdg.word.writer import render_bytes
from test_word_document import CRITERIA
from word_plans import full_plan, plan_named, sparse_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def body_items(d: Any) -> list[tuple[str, Any]]:
    """("p", paragraph) and ("t", table) in document order."""
    out: list[tuple[str, Any]] = []
    for child in d.element.body.iterchildren():
        if child.tag == f"{W}p":
            out.append(("p", docx.text.paragraph.Paragraph(child, d)))
        elif child.tag == f"{W}tbl":
            out.append(("t", docx.table.Table(child, d)))
    return out


def style_names_by_id(d: Any) -> dict[str | None, str]:
    # python-docx looks a paragraph's style up among all styles each time: do it once.
    return {s.style_id: s.name for s in d.styles}


def assert_matches_model(path: Path, model: Document) -> Any:
    """Every heading (text and Word style), every table (header and cells) and every
    marker of the model is in the Word file, in order."""
    d = docx.Document(str(path))
    items = body_items(d)
    style_of = {0: "Title", 1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
    names = set(style_of.values())
    style_names = style_names_by_id(d)
    headings = [
        (style_names.get(p._p.style), p.text)
        for kind, p in items
        if kind == "p" and style_names.get(p._p.style) in names
    ]
    assert headings == [(style_of[h.level], h.text) for h in model.headings()]
    tables = [t for kind, t in items if kind == "t"]
    expected = model.tables()
    assert len(tables) == len(expected)
    for got, want in zip(tables, expected, strict=True):
        rows = [[c.text for c in row.cells] for row in got.rows]
        want_rows = [[c.text for c in r] for r in want.rows]
        if want.header is not None:
            assert rows[0] == list(want.header)
            rows = rows[1:]
        assert rows == want_rows
    highlighted = d.element.body.xpath('.//w:r[w:rPr/w:highlight[@w:val="yellow"]]')
    assert len(highlighted) == model.marker_count()
    return d


@functools.cache
def rendered(name: str, language: str) -> tuple[bytes, Document]:
    """The Word file and the document model of a test plan, made once per test run."""
    model = build_document(plan_named(name), language=language)
    return render_bytes(model), model


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("full", "en"),
        ("sparse", "fr"),
        ("national", "es"),
        ("provincial", "fr"),
        ("incomplete_draft", "en"),
    ],
)
def test_reopened_draft_has_the_models_headings_tables_and_markers(
    tmp_path: Path, name: str, language: str
) -> None:
    data, model = rendered(name, language)
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    assert_matches_model(path, model)


@pytest.mark.parametrize(
    ("name", "language"),
    fast_set.pairs(["national", "provincial", "incomplete_draft"], ["en", "es", "fr"]),
)
def test_each_intervention_has_its_section_with_the_eight_criteria_in_each_language(
    name: str, language: str
) -> None:
    plan = plan_named(name)
    d = docx.Document(io.BytesIO(rendered(name, language)[0]))
    ids = {s.name: s.style_id for s in d.styles if s.name in ("Heading 2", "Heading 3")}
    texts = TEXTS[language]
    prefix = texts["intervention_heading"].split("{")[0]
    h2 = [p.text for p in d.paragraphs if p._p.style == ids["Heading 2"]]
    interventions = [h for h in h2 if h.startswith(prefix)]
    assert len(interventions) == len(plan.interventions)
    for n, heading in enumerate(interventions, start=1):
        assert heading.startswith(texts["intervention_heading"].format(n=n, title=""))
    criteria = {texts[k] for k in CRITERIA}
    h3 = [p.text for p in d.paragraphs if p._p.style == ids["Heading 3"]]
    # (Other parts have Heading 3 too: the progress section, the plugins' sections.)
    assert [h for h in h3 if h in criteria] == [texts[k] for k in CRITERIA] * len(
        plan.interventions
    )
    criteria_table = next(t for t in d.tables if t.rows[0].cells[0].text == texts["col_objectives"])
    assert criteria_table.rows[0].cells[1].text == texts["col_sdg_targets"]


def test_the_incomplete_draft_shows_its_gaps_in_each_language() -> None:
    markers = {"en": "[To be completed]", "es": "[Por completar]", "fr": "[À compléter]"}
    for language, marker in markers.items():
        d = docx.Document(io.BytesIO(rendered("incomplete_draft", language)[0]))
        texts = d.element.body.xpath('.//w:r[w:rPr/w:highlight[@w:val="yellow"]]/w:t/text()')
        assert marker in texts
        banner = TEXTS[language]["draft_banner"]
        assert any(p.text == banner for p in d.paragraphs), "not adopted: marked as a draft"


def test_same_plan_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plan = full_plan()
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write(plan, a)
    write(plan, b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(2025, 3, 10, 0, 0, 0)}  # the latest revision
    core = docx.Document(str(a)).core_properties
    assert core.created is not None and core.created.date().isoformat() == "2025-03-10"
    assert core.modified == core.created
    assert (core.revision, core.title) == (2, plan.title)


def test_source_date_epoch_sets_the_files_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = full_plan()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    first = render_bytes(build_document(plan))
    assert render_bytes(build_document(plan)) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    core = docx.Document(io.BytesIO(first)).core_properties
    assert core.modified is not None and core.modified.year == 2026
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    assert render_bytes(build_document(plan)) != first


def test_word_structure_toc_page_numbers_landscape_and_shading(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write(full_plan(), path)
    with zipfile.ZipFile(path) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
        footers = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("word/footer")]
        headers = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("word/header")]
    # The table of contents is a TOC field marked dirty, and Word updates fields on open.
    assert settings.find("w:updateFields", NS).get(f"{W}val") == "true"
    instr = "".join(body.xpath("//w:instrText/text()", namespaces=NS))
    assert 'TOC \\o "1-2"' in instr
    assert body.xpath("//w:fldChar[@w:fldCharType='begin']/@w:dirty", namespaces=NS) == ["true"]
    # Page numbers in the footer, the draft marking in the header.
    assert any(f.xpath("//w:fldSimple[contains(@w:instr, 'PAGE')]", namespaces=NS) for f in footers)
    assert any("DRAFT" in "".join(h.xpath("//w:t/text()", namespaces=NS)) for h in headers)
    # Wide parts (timeline, resource plan, M&E framework, frameworks) are landscape sections.
    orients = [s.get(f"{W}orient") for s in body.xpath("//w:sectPr/w:pgSz", namespaces=NS)]
    assert "landscape" in orients and orients.count(None) >= 2
    for size in body.xpath("//w:sectPr/w:pgSz[@w:orient='landscape']", namespaces=NS):
        assert int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    # The timeline is shaded natively, with cell fills.
    fills = body.xpath("//w:tc/w:tcPr/w:shd/@w:fill", namespaces=NS)
    assert "8EAADB" in fills
    # Every table has a repeating header row and a table style from the default template.
    d = docx.Document(str(path))
    assert {t.style.name for t in d.tables} <= {"Light Grid Accent 1", "Table Grid"}


def test_a_total_row_never_starts_a_page_alone(tmp_path: Path) -> None:
    # The row before a total row keeps with it, so that the total cannot fall alone onto
    # the next page under the repeated header; the last rows of other tables are free.
    plan = full_plan()
    model = build_document(plan, language="es")
    tables = [b for part in model.parts for b in part.blocks if isinstance(b, Table)]
    totals = [t for t in tables if t.total]
    assert len(totals) >= 3 and len(totals) < len(tables)
    path = tmp_path / "plan.docx"
    write(plan, path, language="es")
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    written = list(body.iter(f"{W}tbl"))
    assert len(written) == len(tables)
    for table, tbl in zip(tables, written, strict=True):
        rows = [tr for tr in tbl.findall("w:tr", NS) if tr.find("w:trPr/w:tblHeader", NS) is None]
        assert len(rows) == len(table.rows)
        kept = [bool(tr.xpath("w:tc/w:p/w:pPr/w:keepNext", namespaces=NS)) for tr in rows]
        splits = len(rows) > 1 and rows[-2].find("w:trPr/w:cantSplit", NS) is None
        assert kept == [table.total and not splits and k == len(rows) - 2 for k in range(len(rows))]
        if any(kept):  # every paragraph of that row, keepNext first (the schema's order)
            for p in rows[-2].iterfind("w:tc/w:p", NS):
                assert p.find("w:pPr", NS)[0].tag == f"{W}keepNext"


def _template(path: Path, *, strip_styles: bool = False) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Ministry of Foreign Affairs — Planning Unit"
    d.add_paragraph("Internal memo text that must not appear in the draft")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "old table"
    if strip_styles:
        styles = d.styles.element
        for st in list(styles.iterchildren(f"{W}style")):
            name = st.find(f"{W}name").get(f"{W}val")
            if name.startswith(
                ("heading", "Title", "Light Grid", "Table Grid", "TOC", "List Bullet")
            ):
                styles.remove(st)
    d.save(str(path))
    return path


def test_template_keeps_its_header_and_styles_and_loses_its_body(tmp_path: Path) -> None:
    template = _template(tmp_path / "ministry.docx")
    out = tmp_path / "plan.docx"
    migsdg.export(full_plan(), out, template=template, language="es")
    d = assert_matches_model(out, build_document(full_plan(), language="es"))
    header = d.sections[0].header.paragraphs[0].text
    assert header == "Ministry of Foreign Affairs — Planning Unit"
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Internal memo" not in text
    assert all(t.cell(0, 0).text != "old table" for t in d.tables)


def test_template_without_heading_or_table_styles_still_gives_real_headings(tmp_path: Path) -> None:
    template = _template(tmp_path / "bare.docx", strip_styles=True)
    out = tmp_path / "plan.docx"
    write(full_plan(), out, template=template)
    d = assert_matches_model(out, build_document(full_plan()))
    h1 = d.styles["Heading 1"]
    assert h1.type == WD_STYLE_TYPE.PARAGRAPH
    # The outline level makes the navigation pane and the table of contents work.
    assert h1.element.xpath("./w:pPr/w:outlineLvl/@w:val") == ["0"]
    tbl = d.tables[0]._tbl
    assert tbl.tblPr.find(f"{W}tblStyle") is None
    assert tbl.tblPr.find(f"{W}tblBorders") is not None


def test_a_dotx_template_is_accepted(tmp_path: Path) -> None:
    docx_path = _template(tmp_path / "ministry.docx")
    dotx = tmp_path / "ministry.dotx"
    with zipfile.ZipFile(docx_path) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    out = tmp_path / "plan.docx"
    write(sparse_plan(), out, template=dotx)
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text.startswith("Ministry")


@pytest.mark.parametrize("content", [None, b"not a zip", b"PK\x03\x04broken"])
def test_a_missing_or_broken_template_is_a_clear_error(
    tmp_path: Path, content: bytes | None
) -> None:
    template = tmp_path / "ministry.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(ExportError, match="template"):
        write(sparse_plan(), tmp_path / "plan.docx", template=template)
    assert not (tmp_path / "plan.docx").exists()


def test_control_characters_do_not_break_the_file(tmp_path: Path) -> None:
    plan = full_plan()
    first = plan.interventions[0]
    dirty = attrs.evolve(
        first,
        title="Recruitment\x00 rules\x0bphase\x1b one",
        rationale="Fees\x07 are high\x0c\ud800.",
        outcomes=("Workers\x01 pay no fees",),
    )
    plan = attrs.evolve(plan, title="Plan\x02 2025", interventions=(dirty, *plan.interventions[1:]))
    path = tmp_path / "plan.docx"
    write(plan, path)
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Intervention 1: Recruitment rules\nphase one" in text
    assert "Fees are high\n." in text
    assert "• Workers pay no fees" in text or "Workers pay no fees" in text
    assert d.core_properties.title == "Plan 2025"
    # Cleaned the same way in the timeline table as in the heading.
    timeline = next(t for t in d.tables if t.rows[0].cells[0].text == "Intervention")
    assert timeline.rows[1].cells[0].text == "1. Recruitment rules\nphase one"


@pytest.mark.parametrize(
    ("error", "raised"),
    [(OSError(28, "No space left on device"), ExportError), (RuntimeError("boom"), RuntimeError)],
)
def test_a_failed_write_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, raised: type
) -> None:
    from migsdg.word import writer

    path = tmp_path / "plan.docx"
    write(sparse_plan(), path)
    good = path.read_bytes()
    real = writer._write_zip

    def fail_half_way(fh: Any, entries: Any, date: Any) -> None:
        def some_then_fail() -> Any:
            for n, entry in enumerate(entries):
                if n == 3:
                    raise error
                yield entry

        real(fh, some_then_fail(), date)

    monkeypatch.setattr(writer, "_write_zip", fail_half_way)
    with pytest.raises(raised):
        write(full_plan(), path)
    assert path.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]  # no temporary left
    with pytest.raises(raised):
        write(full_plan(), tmp_path / "new.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


def test_export_chooses_word_by_suffix_and_checks_options(tmp_path: Path) -> None:
    out = migsdg.export(sparse_plan(), tmp_path / "plan.DOCX", omit="findings")
    assert docx.Document(str(out)).paragraphs
    with pytest.raises(ExportError, match="no option colour"):
        migsdg.export(sparse_plan(), tmp_path / "plan.docx", colour="red")
    with pytest.raises(ExportError, match="findings must be a check report"):
        migsdg.export(sparse_plan(), tmp_path / "plan.docx", findings="yes")


def test_importing_migsdg_word_does_not_import_python_docx() -> None:
    import subprocess
    import sys

    code = (
        "import sys, migsdg, migsdg.word, migsdg.word.writer;"
        "assert 'docx' not in sys.modules and 'lxml' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_model_tables_and_headings_are_plain_values() -> None:
    doc = build_document(full_plan())
    assert all(isinstance(h, Heading) for h in doc.headings())
    assert all(isinstance(t, Table) for t in doc.tables())


def test_a_macro_enabled_template_gives_a_draft_without_macros(tmp_path: Path) -> None:
    docx_path = _template(tmp_path / "ministry.docx")
    dotm = tmp_path / "ministry.dotm"
    vba_rel = (
        b'<Relationship Id="rIdVba" Target="vbaProject.bin" '
        b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>'
    )
    with zipfile.ZipFile(docx_path) as src, zipfile.ZipFile(dotm, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument."
                    b"wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", vba_rel + b"</Relationships>")
            dst.writestr(info, data)
        dst.writestr("word/vbaProject.bin", b"\x00macro")
    out = tmp_path / "plan.docx"
    write(sparse_plan(), out, template=dotm)
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "vba" in n.lower()]
        assert b"vbaProject" not in z.read("word/_rels/document.xml.rels")
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text.startswith("Ministry")
