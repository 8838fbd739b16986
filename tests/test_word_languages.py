"""A Spanish, French or Arabic Word draft has no English tool text: every text the draft
writes itself (headings, labels, notes, the findings annex of a review copy, reference
texts such as GCM objective titles) is in the draft's language. The plan's own text stays
as the plan gives it; the national example is written in English, so words of the plan
are told apart from the tool's."""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path

import pytest

import fast_set
import migsdg
from migsdg.catalogue import catalogue
from migsdg.i18n import translator
from migsdg.i18n.catalogs import po_path
from migsdg.plugins import get_host
from migsdg.word import write
from migsdg.word.bidi import MARKS
from word_plans import example

LANGUAGES = ("es", "fr", "ar")
EXAMPLES = ("national", "provincial")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_TAG = re.compile(r"<[^>]+>")


@functools.cache
def english_messages(language: str) -> tuple[str, ...]:
    """Stretches of English text of every message the language translates otherwise:
    the parts between placeholders that have at least two words."""
    from babel.messages.pofile import read_po

    with open(po_path(language), "rb") as fh:
        cat = read_po(fh)
    out: set[str] = set()
    for message in cat:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            if english in strings:
                continue  # the same in both languages ("Total", "IATI")
            for part in _PLACEHOLDER.split(english):
                part = part.strip(" .,:;()—-\n")
                if len(part.split()) >= 2 and len(part) >= 12:
                    out.add(part)
    return tuple(sorted(out))


def paragraph_texts(path: Path) -> list[str]:
    """The text of every paragraph of the draft: body, headers and footers."""
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            xml = z.read(name).decode("utf-8")
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
                text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", para))
                text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                texts.append(text.translate({ord(c): None for c in MARKS}))
    return texts


def plan_text(plan: migsdg.ActionPlan) -> str:
    """Every text of the plan itself, as one string."""
    from migsdg.io import dumps_plan

    return dumps_plan(plan, format="json")


@pytest.mark.parametrize(("name", "language"), fast_set.pairs(EXAMPLES, LANGUAGES))
def test_the_review_copy_has_no_english_tool_text(tmp_path: Path, name: str, language: str) -> None:
    plan = example(name)
    path = tmp_path / f"{name}-{language}.docx"
    write(plan, path, language=language, review_copy=True)
    texts = paragraph_texts(path)
    whole = "\n".join(texts)
    own = plan_text(plan)
    found = sorted(
        {m for m in english_messages(language) if m in whole and m not in own},
    )
    assert found == []
    # Reference texts too: the GCM objectives and 10.7.2 domains the plan aligns with
    # have their titles in the draft's language.
    cat = catalogue()
    for iv in plan.interventions:
        for n in iv.gcm_objectives:
            english = cat.gcm_title(n)
            assert cat.gcm_title(n, language) in whole
            assert english not in whole or english in own
        for n in iv.migration_domains:
            english = cat.migration_domain(n).name
            assert cat.domain_name(n, language) in whole
            assert f". {english}" not in whole
    # And the names of the plugins' intervention sub-types the plan uses.
    types = get_host().intervention_types()
    subtypes = {iv.subtype for iv in plan.interventions if iv.subtype in types}
    for subtype in subtypes:
        english = types[subtype].name
        assert translator(language)._(english) in whole
        assert english not in whole
    if name == "provincial":
        assert subtypes  # the example uses one (health.service-inclusion)


def test_the_scan_finds_the_tool_text_of_an_english_draft(tmp_path: Path) -> None:
    # The same scan on the English draft finds the tool's headings and notes, so an
    # English text left in another language's draft would be found too.
    plan = example("provincial")
    path = tmp_path / "provincial-en.docx"
    write(plan, path, language="en", review_copy=True)
    whole = "\n".join(paragraph_texts(path))
    found = [m for m in english_messages("es") if m in whole]
    assert len(found) > 100
    assert "Resource mobilization plan" in found


@pytest.mark.parametrize(
    ("language", "quoted"),
    [
        ("en", "“4. Servicios de salud del Patronato abiertos a toda persona”"),
        ("es", "«4. Servicios de salud del Patronato abiertos a toda persona»"),
        ("fr", "«\u00a04. Servicios de salud del Patronato abiertos a toda persona\u00a0»"),
        ("ar", "«4. Servicios de salud del Patronato abiertos a toda persona»"),
    ],
)
def test_findings_quote_the_plans_names_as_the_language_does(
    tmp_path: Path, language: str, quoted: str
) -> None:
    # In the findings annex an intervention's id becomes its name, in the language's
    # quotation marks (« » are mirrored in right-to-left text, “ ” are not).
    path = tmp_path / f"provincial-{language}.docx"
    write(example("provincial"), path, language=language, review_copy=True)
    assert quoted in "\n".join(paragraph_texts(path))
