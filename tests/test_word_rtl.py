"""A Word draft in Arabic is right to left throughout: bidi paragraphs, right-to-left runs
and tables, right-to-left sections, and a font that holds Arabic; LibreOffice renders it
to PDF with that font.

The PDF test skips where LibreOffice or the font (Debian's fonts-noto-core) is missing;
``.ci/run`` installs both.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from migsdg.word import build_document, write
from migsdg.word.labels import Labels
from migsdg.word.writer import RTL_FONT, is_rtl
from word_plans import example

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def document_xml(tmp_path: Path, language: str) -> str:
    path = tmp_path / f"plan-{language}.docx"
    write(example("national"), path, language=language)
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def styles_xml(tmp_path: Path, language: str) -> str:
    with zipfile.ZipFile(tmp_path / f"plan-{language}.docx") as z:
        return z.read("word/styles.xml").decode("utf-8")


def test_right_to_left_languages_are_known_from_cldr() -> None:
    assert is_rtl("ar-EG") and is_rtl("ar")
    assert not is_rtl("fr-FR") and not is_rtl("en-GB") and not is_rtl("xx")


def test_an_arabic_draft_is_right_to_left_throughout(tmp_path: Path) -> None:
    xml = document_xml(tmp_path, "ar")
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p><w:pPr>.*?</w:p>", xml, re.S)
    assert paragraphs
    # Every paragraph with text is a bidi paragraph; every run is right to left.
    texts = [p for p in paragraphs if "<w:t" in p]
    assert all("<w:bidi/>" in p for p in texts)
    runs = re.findall(r"<w:r>(?:(?!</w:r>).)*<w:t", xml, re.S)
    assert runs and all("<w:rtl/>" in r for r in runs)
    assert all(f'w:cs="{RTL_FONT}"' in r for r in runs)
    # Tables run from the right; every section is right to left.
    tables = xml.count("<w:tbl>")
    assert tables and xml.count("<w:bidiVisual/>") == tables
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml, re.S)
    assert sections and all("<w:bidi/>" in s for s in sections)
    # The document's language is Arabic, also for complex script.
    styles = styles_xml(tmp_path, "ar")
    assert re.search(r'<w:lang [^>]*w:bidi="ar-[A-Z]{2}"', styles)
    # The draft speaks Arabic.
    t = Labels("ar")
    assert t["interventions_heading"] in xml
    assert build_document(example("national"), language="ar").language == "ar"


def test_a_left_to_right_draft_has_no_right_to_left_marks(tmp_path: Path) -> None:
    xml = document_xml(tmp_path, "fr")
    assert "<w:bidi/>" not in xml and "<w:rtl/>" not in xml and "bidiVisual" not in xml


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_arabic_draft_with_an_arabic_font(tmp_path: Path) -> None:
    if (
        not shutil.which("fc-list")
        or RTL_FONT
        not in subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    ):
        pytest.skip(f"the font {RTL_FONT} (fonts-noto-core) is not installed")
    docx = tmp_path / "plan.docx"
    write(example("provincial"), docx, language="ar")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = (tmp_path / "plan.pdf").read_bytes()
    # The Arabic text is set in the Arabic font, embedded in the PDF.
    assert b"NotoNaskhArabic" in pdf
