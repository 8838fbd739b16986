"""The Word draft converts to PDF with LibreOffice, one section per intervention.

Skips where LibreOffice (``soffice``) is not installed; ``.ci/run`` installs it. The PDF's
bookmarks (LibreOffice makes one per heading) are read with a few lines of Python, so no
PDF library is needed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from migsdg.word import write
from migsdg.word.labels import TEXTS
from word_plans import example

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
    assert len(sections) == len(plan.interventions)
    assert sections[0] == f"{prefix}1: {plan.interventions[0].title}"
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
