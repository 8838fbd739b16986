"""The Word draft converts to PDF with LibreOffice, one section per intervention.

Skips where LibreOffice (``soffice``) is not installed; ``.ci/run`` installs it. The PDF's
bookmarks (LibreOffice makes one per heading) are read with a few lines of Python, so no
PDF library is needed.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from migsdg.word import Cell, Document, Part, Run, Table, build_document, write
from migsdg.word.labels import TEXTS
from word_plans import example

# LibreOffice takes seconds per file: the full test set runs these, the fast one does not.
pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_TITLE = re.compile(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))")
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _decode(token: bytes) -> str:
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii"))
    else:
        raw = re.sub(rb"\\([()\\])", rb"\1", token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    return raw.decode("latin-1")


def pdf_bookmarks(pdf: bytes) -> list[str]:
    """The /Title strings of a PDF: its bookmarks (and its document title), also from
    compressed object streams."""
    chunks = [pdf]
    for stream in _STREAM.findall(pdf):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return [_decode(t) for chunk in chunks for t in _TITLE.findall(chunk)]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_draft_converts_to_pdf_with_one_section_per_intervention(tmp_path: Path) -> None:
    plan = example("national")
    docx_path = tmp_path / "plan.docx"
    write(plan, docx_path, language="es")
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf_path = tmp_path / "plan.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf_path.exists(), result.stdout + result.stderr
    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF")
    titles = pdf_bookmarks(pdf)
    prefix = TEXTS["es"]["intervention_heading"].split("{")[0]  # "Intervención "
    sections = [t for t in titles if re.match(rf"{prefix}\d+:", t)]
    # The interventions, in order (the progress section names them again after).
    assert sections[: len(plan.interventions)] == [
        f"{prefix}{n}: {iv.title}" for n, iv in enumerate(plan.interventions, 1)
    ]
    # Each intervention keeps its eight criteria headings as bookmarks too.
    for key in ("criterion_rationale", "criterion_monitoring"):
        assert titles.count(TEXTS["es"][key]) == len(plan.interventions)
    assert any(t.startswith("Anexo A.") for t in titles)


def test_bookmark_reader_decodes_hex_and_literal_titles() -> None:
    pdf = (
        b"<< /Title <FEFF0049006E00740065007200760065006E0063006900F3006E00200031> >>"
        b"<< /Title (Annex \\(A\\)) >>"
        b"stream\n" + zlib.compress(b"<< /Title (Packed) >>") + b"\nendstream"
    )
    assert pdf_bookmarks(pdf) == ["Intervención 1", "Annex (A)", "Packed"]


# -- typography, as LibreOffice renders it ---------------------------------------------------

PDFTOTEXT = shutil.which("pdftotext")
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
RENDERED = [(name, lang) for name in ("national", "provincial") for lang in ("en", "es", "fr")]


@pytest.fixture(scope="module")
def rendered_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Both examples in the three languages, converted by LibreOffice in one run."""
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    tmp = tmp_path_factory.mktemp("pdf")
    docs = []
    for name, lang in RENDERED:
        path = tmp / f"{name}-{lang}.docx"
        write(example(name), path, language=lang)
        docs.append(str(path))
    profile = tmp / "lo-profile"
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            *docs,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdfs = {(n, lang): tmp / f"{n}-{lang}.pdf" for n, lang in RENDERED}
    assert all(p.exists() for p in pdfs.values()), result.stdout + result.stderr
    return pdfs


def pdf_lines(pdf: Path) -> list[str]:
    """The PDF's text lines in the order they are drawn (cell by cell for a table)."""
    out = subprocess.run(
        [str(PDFTOTEXT), "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines() if line.strip()]


def model_words(doc: Document) -> tuple[set[str], set[str]]:
    """(the words of the table cells, every word of the document)."""
    cells: set[str] = set()
    every: set[str] = set()
    for block in doc.blocks():
        if isinstance(block, Table):
            texts = [c.text for r in block.rows for c in r] + list(block.header or ())
            for text in texts:
                cells.update(_WORD.findall(text))
        else:
            texts = [getattr(block, "text", "")]
        for text in texts:
            every.update(_WORD.findall(text))
    return cells, every


def split_words(lines: list[str], doc: Document) -> list[str]:
    """Table words LibreOffice broke across two lines: a line ending in a fragment and the
    next starting with the rest, where the two joined make a word of a table cell and one
    of them is no word of the document at all ("Indicato" + "r")."""
    cells, every = model_words(doc)
    found = []
    for a, b in itertools.pairwise(lines):
        tail, head = _WORD.findall(a), _WORD.findall(b)
        if not tail or not head:
            continue
        x, y = tail[-1], head[0]
        if not a.rstrip().endswith(x) or not b.lstrip().startswith(y):
            continue
        if x + y in cells and (x not in every or y not in every):
            found.append(f"{x}|{y}")
    return found


def test_split_word_finder_finds_a_broken_cell_word() -> None:
    doc = Document(
        language="en",
        properties=build_document(example("national"), sections="cover").properties,
        parts=(Part(key="x", blocks=(Table(columns=1, rows=((Cell((Run("Indicator of"),)),),)),)),),
    )
    assert split_words(["Indicato", "r of"], doc) == ["Indicato|r"]
    assert split_words(["Indicator", "of"], doc) == []


@pytest.mark.parametrize(("name", "language"), RENDERED)
def test_no_word_of_a_table_cell_is_split_across_lines(
    rendered_pdfs: dict[tuple[str, str], Path], name: str, language: str
) -> None:
    doc = build_document(example(name), language=language)
    lines = pdf_lines(rendered_pdfs[name, language])
    assert split_words(lines, doc) == []


@pytest.mark.parametrize(("name", "language"), RENDERED)
def test_the_contents_page_lists_every_level_1_heading(
    rendered_pdfs: dict[tuple[str, str], Path], name: str, language: str
) -> None:
    doc = build_document(example(name), language=language)
    text = " ".join(" ".join(pdf_lines(rendered_pdfs[name, language])).split())
    start = text.index(TEXTS[language]["contents"])
    listed = [h.text for h in doc.headings() if h.level in (1, 2)]
    # The contents end with the last heading they list; each level-1 heading is there.
    last = " ".join(listed[-1].split())
    end = text.index(last, start) + len(last)
    contents = text[start:end]
    for heading in doc.headings(1):
        assert " ".join(heading.text.split()) in contents, heading.text


@pytest.mark.parametrize(("name", "language"), RENDERED)
def test_the_pdf_has_no_key_path_rule_code_or_internal_id(
    rendered_pdfs: dict[tuple[str, str], Path], name: str, language: str
) -> None:
    plan = example(name)
    text = "\n".join(pdf_lines(rendered_pdfs[name, language]))
    assert not re.search(r"\b[a-z_]+\[\d+\]", text)
    assert not re.search(r"\b(?:AP|RV)\d{3}\b", text)
    ids = {iv.id for iv in plan.interventions} | {a.id for a in plan.actors}
    ids |= {f.id for f in plan.existing_frameworks} | {it.id for it in plan.interim_targets}
    ids |= {plan.id} | {iv.subtype for iv in plan.interventions if iv.subtype}
    words = set(re.findall(r"[\w.\-]+", text))
    assert not {i for i in ids if re.search(r"[-._]", i)} & words
