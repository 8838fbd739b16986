"""The translation machinery: catalogues complete and in step with the code, plural forms,
CLDR formats, compilation on first use, and a light ``import migsdg``."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from migsdg.i18n import (
    LOCALE_DIR,
    N_,
    NP_,
    Translator,
    UnknownLanguageError,
    catalogs,
    languages,
    plain,
    translator,
)

SHIPPED = [lang for lang in languages() if lang != "en"]


@pytest.fixture(autouse=True, scope="module")
def _sources_read_once() -> Iterator[None]:
    """The messages marked in the package's sources, extracted once for this module's
    tests (about a second each time); the sources do not change while they run."""
    extract = catalogs.extract
    cache: dict[tuple[Path, ...], Any] = {}

    def extract_once(sources: Iterable[Path] = catalogs.SOURCES) -> Any:
        key = tuple(sources)
        if key not in cache:
            cache[key] = extract(key)
        return cache[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogs, "extract", extract_once)
        yield


def test_every_shipped_catalogue_translates_exactly_the_messages_the_code_uses() -> None:
    # Fails on a message with no translation (missing, empty or fuzzy) in any catalogue,
    # on a placeholder the English does not have, and on a message the code no longer uses.
    # Fix with `python -m migsdg.i18n update`, then translate the empty msgstr entries.
    assert catalogs.problems() == []


def test_shipped_languages_include_spanish_and_french() -> None:
    assert {"en", "es", "fr"} <= set(languages())


def _copy_locale(tmp_path: Path) -> Path:
    target = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def test_the_completeness_check_reports_a_missing_and_an_unused_message(tmp_path: Path) -> None:
    locale_dir = _copy_locale(tmp_path)
    po = catalogs.po_path("es", locale_dir)
    text = po.read_text(encoding="utf-8")
    # Drop one translation and add a message the code does not use.
    entry = 'msgid "Interim targets"\nmsgstr "Metas intermedias"\n'
    assert entry in text
    text = text.replace(entry, 'msgid "Interim targets"\nmsgstr ""\n', 1)
    text += '\nmsgid "A message nobody uses"\nmsgstr "Un mensaje que nadie usa"\n'
    po.write_text(text, encoding="utf-8")
    found = catalogs.problems(["es"], locale_dir=locale_dir)
    assert any("untranslated 'Interim targets'" in line for line in found), found
    assert any("no longer used 'A message nobody uses'" in line for line in found), found
    assert len(found) == 2


def test_the_completeness_check_reports_a_message_missing_from_a_catalogue(
    tmp_path: Path,
) -> None:
    source = tmp_path / "pkg"
    source.mkdir()
    (source / "mod.py").write_text(
        'from migsdg.i18n import N_\nLABEL = N_("A label only the code knows")\n',
        encoding="utf-8",
    )
    locale_dir = _copy_locale(tmp_path)
    found = catalogs.problems(["fr"], locale_dir=locale_dir, sources=[*catalogs.SOURCES, source])
    assert found == ["fr/LC_MESSAGES/migsdg.po: missing 'A label only the code knows'"]


def test_a_translation_with_an_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    locale_dir = _copy_locale(tmp_path)
    po = catalogs.po_path("fr", locale_dir)
    text = po.read_text(encoding="utf-8")
    old = 'msgstr "{date} (révision {n})"'
    assert old in text
    po.write_text(text.replace(old, 'msgstr "{jour} (révision {n})"'), encoding="utf-8")
    found = catalogs.problems(["fr"], locale_dir=locale_dir)
    assert found == [
        "fr/LC_MESSAGES/migsdg.po: unknown placeholder jour in '{date} (revision {n})'"
    ]


def test_messages_are_translated_with_and_without_context() -> None:
    es = translator("es")
    assert es._("Interim targets") == "Metas intermedias"
    assert es._(NP_("GovernanceLevel", "National")) == "Nacional"
    assert es._(NP_("IndicatorKind", "National")) == "Indicador nacional"
    assert es.pgettext("IndicatorKind", "National") == "Indicador nacional"
    assert es._("{date} (revision {n})", date="hoy", n=2) == "hoy (revisión 2)"
    assert plain(NP_("IndicatorKind", "National")) == "National"
    assert N_("Interim targets") == "Interim targets"


def test_english_is_the_source_language() -> None:
    en = translator("en")
    assert en._("Interim targets") == "Interim targets"
    assert en._(NP_("IndicatorKind", "National")) == "National"
    assert en.ngettext("{n} error", "{n} errors", 1) == "1 error"
    assert en.ngettext("{n} error", "{n} errors", 1200) == "1,200 errors"


def test_an_unknown_language_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownLanguageError, match=r"'xx'.*en, .*es.*fr"):
        translator("xx")


def _plural_catalogue(tmp_path: Path) -> Path:
    locale_dir = tmp_path / "locale"
    for lang, forms, strings in (
        ("fr", "nplurals=2; plural=(n > 1);", ("{n} erreur", "{n} erreurs")),
        ("es", "nplurals=2; plural=(n != 1);", ("{n} error", "{n} errores")),
    ):
        folder = locale_dir / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "migsdg.po").write_text(
            'msgid ""\nmsgstr ""\n'
            '"Content-Type: text/plain; charset=utf-8\\n"\n'
            f'"Plural-Forms: {forms}\\n"\n\n'
            'msgid "{n} error"\nmsgid_plural "{n} errors"\n'
            f'msgstr[0] "{strings[0]}"\nmsgstr[1] "{strings[1]}"\n',
            encoding="utf-8",
        )
    return locale_dir


@pytest.mark.parametrize(
    ("language", "n", "text"),
    [
        ("fr", 0, "0 erreur"),
        ("fr", 1, "1 erreur"),
        ("fr", 2, "2 erreurs"),
        ("fr", 1500, "1\u202f500 erreurs"),
        ("es", 0, "0 errores"),
        ("es", 1, "1 error"),
        ("es", 12000, "12.000 errores"),
    ],
)
def test_plural_forms_follow_the_language(tmp_path: Path, language: str, n: int, text: str) -> None:
    tr = Translator(language, locale_dir=_plural_catalogue(tmp_path))
    assert tr.ngettext("{n} error", "{n} errors", n) == text


def test_a_missing_or_stale_compiled_catalogue_is_compiled_on_first_use(tmp_path: Path) -> None:
    locale_dir = _plural_catalogue(tmp_path)
    mo = locale_dir / "fr" / "LC_MESSAGES" / "migsdg.mo"
    assert not mo.exists()
    assert Translator("fr", locale_dir=locale_dir).ngettext("{n} error", "{n} errors", 2) == (
        "2 erreurs"
    )
    assert mo.is_file()
    po = mo.with_suffix(".po")
    po.write_text(po.read_text(encoding="utf-8").replace("erreurs", "fautes"), encoding="utf-8")
    later = time.time() + 5
    os.utime(po, (later, later))
    assert Translator("fr", locale_dir=locale_dir).ngettext("{n} error", "{n} errors", 2) == (
        "2 fautes"
    )
    assert mo.stat().st_mtime >= po.stat().st_mtime - 5


@pytest.mark.parametrize(
    ("language", "number", "cents", "amount", "date", "first"),
    [
        ("en", "1,234,567", "1,234.50", "US$1,234,567", "31 March 2026", "1 March 2026"),
        (
            "es",
            "1.234.567",
            "1.234,50",
            "1.234.567\u00a0US$",
            "31 de marzo de 2026",
            "1 de marzo de 2026",
        ),
        (
            "fr",
            "1\u202f234\u202f567",
            "1\u202f234,50",
            "1\u202f234\u202f567\u00a0$US",
            "31 mars 2026",
            "1er mars 2026",
        ),
    ],
)
def test_numbers_amounts_and_dates_follow_cldr(
    language: str, number: str, cents: str, amount: str, date: str, first: str
) -> None:
    tr = translator(language)
    assert tr.number(1234567) == number
    assert tr.number(Decimal("1234.5")) == cents
    assert tr.amount(Decimal(1234567), "USD") == amount
    assert tr.amount(Decimal(1234567)) == number
    assert tr.date(dt.date(2026, 3, 31)) == date
    assert tr.date(dt.date(2026, 3, 1)) == first


@pytest.mark.parametrize(
    ("language", "part", "whole", "text"),
    [
        ("en", 7, 8, "87.5%"),
        ("en", 2, 3, "66.7%"),
        ("en", 0, 0, "0%"),
        ("es", 7, 8, "87,5\u00a0%"),
        ("fr", 8, 8, "100\u00a0%"),
    ],
)
def test_percentages_follow_cldr(language: str, part: int, whole: int, text: str) -> None:
    assert translator(language).percent(part, whole) == text


def test_indicator_values_keep_their_decimals() -> None:
    assert translator("es").value(Decimal("12.50")) == "12,50"
    assert translator("en").value(Decimal("1500")) == "1,500"
    assert translator("fr").value(Decimal("0.125")) == "0,125"


def test_import_migsdg_does_not_import_babel() -> None:
    code = "import sys, migsdg; print('babel' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
