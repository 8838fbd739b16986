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
from hypothesis import given
from hypothesis import strategies as st

from migsdg.word import bidi, build_document, write
from migsdg.word.bidi import LRM, RLM
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
    # Every paragraph with text is a bidi paragraph; every run with Arabic is right to
    # left, and every run is set in the Arabic font.
    texts = [p for p in paragraphs if "<w:t" in p]
    assert all("<w:bidi/>" in p for p in texts)
    runs = re.findall(r"<w:r>(?:(?!</w:r>).)*?</w:r>", xml, re.S)
    arabic = [r for r in runs if re.search("[\u0600-\u06ff]", r)]
    assert arabic and all("<w:rtl/>" in r for r in arabic)
    assert all(f'w:cs="{RTL_FONT}"' in r for r in runs if "<w:t" in r)
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
    assert LRM not in xml and RLM not in xml


# -- left-to-right text in the Arabic draft ---------------------------------------------------

_RUN = re.compile(
    r"<w:r>(<w:rPr>.*?</w:rPr>)?((?:<w:t[^>]*>[^<]*</w:t>|<w:br/>|<w:tab/>)*)</w:r>", re.S
)


def runs_of(xml: str) -> list[tuple[bool, str]]:
    """(right to left, text) of every run with text, in order."""
    out = []
    for props, body in _RUN.findall(xml):
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body))
        if text:
            out.append(("<w:rtl/>" in props, text))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English plan text: one left-to-right piece, spaces outside.
        ("6. Open borders.", [("6. Open borders.", True)]),
        ("  Jamaica. ", [("  ", False), ("Jamaica.", True), (" ", False)]),
        # Codes with a letter are left to right, each on its own; numbers are left alone.
        ("10.c, 17.3", [("10.c", True), (", 17.3", False)]),
        ("المؤشر 10.c.1 حسب", [("المؤشر ", False), ("10.c.1", True), (" حسب", False)]),
        ("المؤشر 10.7.2 و87,5 %", [("المؤشر 10.7.2 و87,5 %", False)]),
        # An English name in an Arabic sentence, and English lines below one another.
        (
            "الخطة (Migration Policy) و",
            [("الخطة (", False), ("Migration Policy", True), (") و", False)],
        ),
        (
            "1. Implement\n2. Regulate",
            [("1. Implement", True), ("\n", False), ("2. Regulate", True)],
        ),
        ("", [("", False)]),
    ],
)
def test_left_to_right_pieces(text: str, expected: list[tuple[str, bool]]) -> None:
    assert bidi.pieces(text) == expected
    assert "".join(p for p, _ in bidi.pieces(text)) == text


def test_left_to_right_pieces_are_marked_to_keep_their_order() -> None:
    # LRM on both sides, RLM after where more text follows on the line.
    assert bidi.marked("10.c, 17.3") == [(f"{LRM}10.c{LRM}{RLM}", True), (", 17.3", False)]
    assert bidi.marked("Jamaica.") == [(f"{LRM}Jamaica.{LRM}", True)]


def test_english_text_and_codes_in_the_arabic_draft_are_left_to_right_runs(
    tmp_path: Path,
) -> None:
    xml = document_xml(tmp_path, "ar")
    runs = runs_of(xml)
    # The national example's English text: its own runs, not right to left, between
    # left-to-right marks, so that "6. Open…" and "….": keep their numbers and stops.
    latin = [(rtl, t) for rtl, t in runs if re.search("[A-Za-z]{2}", t)]
    assert latin
    for rtl, text in latin:
        assert not rtl, text
        assert text.startswith(LRM) and text.rstrip(RLM).endswith(LRM), text
        assert not re.search("[\u0600-\u06ff]", text), text
    assert (False, f"{LRM}Jamaica.{LRM}") in runs or any(
        t.endswith(f"Jamaica.{LRM}") for _, t in latin
    )
    # A code with a letter inside an Arabic heading is a left-to-right run of its own.
    assert (False, f"{LRM}10.c.1{LRM}{RLM}") in runs
    # Arabic runs hold no Latin word.
    assert all(not re.search("[A-Za-z]{2}", t) for rtl, t in runs if rtl)


@pytest.mark.slow
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
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return
    # The plan's Spanish sentences keep their full stop at their end as LibreOffice lays
    # them out (right-to-left paragraphs once drew it at the other end: ".Xyz").
    text = subprocess.run(
        [pdftotext, "-raw", str(tmp_path / "plan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ends = {
        m.group(1)
        for line in _plan_texts(example("provincial"))
        if (m := re.search(r"([^\W\d_]{4,})\.$", line.strip()))
    }
    assert len(ends) > 50
    kept = [w for w in ends if f"{w}." in text]
    assert len(kept) >= 0.8 * len(ends), sorted(ends - set(kept))


def _plan_texts(plan: object) -> list[str]:
    """Every line of text in the plan."""
    from migsdg.io import plan_to_dict

    out: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, str):
            out.extend(x.split("\n"))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(plan_to_dict(plan))  # type: ignore[arg-type]
    return out


_MIXED = st.text(
    alphabet=st.sampled_from(list("ab Z.,:;()«»\"'-0123456789\n\t") + list("المؤشرة،؛")),
    max_size=40,
)


@given(_MIXED)
def test_pieces_cover_the_text_and_keep_scripts_apart(text: str) -> None:
    found = bidi.pieces(text)
    assert "".join(p for p, _ in found) == text
    for piece, ltr in found:
        if ltr:
            assert not re.search("[\u0600-\u06ff\n\t]", piece), piece
            assert re.search("[A-Za-z]", piece), piece
    marked = "".join(p for p, _ in bidi.marked(text))
    assert marked.translate({ord(c): None for c in bidi.MARKS}) == text
