"""Keeping the gettext catalogues in step with the code (needs Babel).

``python -m migsdg.i18n update`` extracts every marked message from the sources and
updates each ``migsdg.po``: new messages appear with an empty translation, messages the
code no longer uses are dropped. ``python -m migsdg.i18n check`` lists what a translator
still has to do (and fails when there is anything); ``init LANG`` starts a new language;
``compile`` writes the ``.mo`` files (the package build does this too).
"""

from __future__ import annotations

import datetime
import io
import string
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migsdg.i18n import DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

__all__ = ["KEYWORDS", "SOURCES", "compile_all", "extract", "init", "main", "problems", "update"]

#: The source folders whose marked messages the catalogues translate.
SOURCES: tuple[Path, ...] = (LOCALE_DIR.parent, LOCALE_DIR.parent.parent / "migsdg_plugins")

#: The marker functions and methods, with the positions of their context and messages.
KEYWORDS: dict[str, Any] = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "NP_": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "msg": None,
    "msgn": (1, 2),
}

# Plural forms as translators of these languages know them from gettext, where CLDR's
# newer forms (Spanish and French "many", for millions) would only add a duplicate.
_PLURAL_FORMS = {"es": (2, "(n != 1)"), "fr": (2, "(n > 1)")}

_SAMPLE_HEADERS = (b'"Report-Msgid-Bugs-To: EMAIL@ADDRESS', b'"Last-Translator: FULL NAME')

_HEADER_COMMENT = (
    "# The migsdg tool's text in {language_name}.\n"
    "# Translate each msgstr; keep every {{placeholder}} as it is in the msgid."
)


def po_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(sources: Iterable[Path] = SOURCES) -> Catalog:
    """A template catalogue of every message marked in ``sources``."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="migsdg", domain=DOMAIN, fuzzy=False)
    for folder in sources:
        if not folder.is_dir():
            continue
        base = folder.parent
        for filename, lineno, message, comments, context in extract_from_dir(
            str(folder),
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("Translators:",),
            strip_comment_tags=True,
        ):
            path = (folder / filename).relative_to(base).as_posix()
            template.add(
                message,
                None,
                [(path, lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def _read(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh, domain=DOMAIN)


def _write(path: Path, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    from migsdg._atomic import atomic_write_bytes

    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=96,
        sort_output=True,
        ignore_obsolete=True,
        include_lineno=False,
    )
    # Babel fills unset header fields with sample values; the catalogues leave them out.
    text = b"".join(
        line
        for line in buffer.getvalue().splitlines(keepends=True)
        if not line.startswith(_SAMPLE_HEADERS)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text)


def _shipped(locale_dir: Path = LOCALE_DIR) -> list[str]:
    return sorted(
        p.parent.parent.name
        for p in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
        if p.parent.parent.name != SOURCE_LANGUAGE
    )


def init(language: str) -> Path:
    """Start the catalogue of a new language from the messages in the code."""
    from babel import Locale
    from babel.messages.catalog import Catalog

    path = po_path(language)
    if path.exists():
        raise FileExistsError(f"{path} already exists; use update")
    locale = Locale.parse(language)
    catalog = Catalog(
        locale=locale,
        domain=DOMAIN,
        project="migsdg",
        version="1",
        header_comment=_HEADER_COMMENT.format(language_name=locale.english_name),
        language_team=f"migsdg {locale.english_name}",
        revision_date=datetime.datetime.now(datetime.timezone.utc),
        fuzzy=False,
    )
    if language in _PLURAL_FORMS:
        count, expression = _PLURAL_FORMS[language]
        catalog.mime_headers = [
            *catalog.mime_headers,
            ("Plural-Forms", f"nplurals={count}; plural={expression};"),
        ]
    catalog.update(extract(), no_fuzzy_matching=True)
    _write(path, catalog)
    return path


def update(languages: Sequence[str] | None = None) -> list[Path]:
    """Bring each catalogue in step with the code; returns the files written."""
    template = extract()
    written = []
    for language in languages or _shipped():
        path = po_path(language)
        catalog = _read(path)
        catalog.update(
            template,
            no_fuzzy_matching=True,
            update_header_comment=False,
            update_creation_date=False,
        )
        catalog.obsolete.clear()
        _write(path, catalog)
        written.append(path)
    return written


def compile_all() -> list[Path]:
    """Write the ``.mo`` beside each ``.po``."""
    from babel.messages.mofile import write_mo

    from migsdg._atomic import atomic_write_bytes

    written = []
    for language in _shipped():
        po = po_path(language)
        buffer = io.BytesIO()
        write_mo(buffer, _read(po), use_fuzzy=False)
        mo = po.with_suffix(".mo")
        atomic_write_bytes(mo, buffer.getvalue())
        written.append(mo)
    return written


def _key(message: Message) -> tuple[str, str | None]:
    mid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    return str(mid), message.context


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<malformed placeholder>"}


def _describe(message: Message) -> str:
    mid, context = _key(message)
    return f"{mid!r}" + (f" (context {context!r})" if context else "")


def problems(
    languages: Sequence[str] | None = None,
    *,
    locale_dir: Path = LOCALE_DIR,
    sources: Iterable[Path] = SOURCES,
) -> list[str]:
    """What the catalogues lack or have too much of, one line each; empty when every
    shipped language translates exactly the messages the code uses."""
    template = extract(sources)
    wanted = {_key(m): m for m in template if m.id}
    found: list[str] = []
    for language in languages or _shipped(locale_dir):
        path = po_path(language, locale_dir)
        rel = f"{language}/LC_MESSAGES/{path.name}"
        catalog = _read(path)
        have = {_key(m): m for m in catalog if m.id}
        for key, message in wanted.items():
            entry = have.get(key)
            if entry is None:
                found.append(f"{rel}: missing {_describe(message)}")
                continue
            strings = entry.string if isinstance(entry.string, (tuple, list)) else [entry.string]
            if entry.fuzzy or not all(strings):
                found.append(f"{rel}: untranslated {_describe(message)}")
                continue
            if isinstance(message.id, (tuple, list)) != isinstance(entry.id, (tuple, list)):
                found.append(f"{rel}: plural forms differ for {_describe(message)}")
                continue
            ids = message.id if isinstance(message.id, (tuple, list)) else [message.id]
            allowed = set().union(*(_fields(str(t)) for t in ids))
            for text in strings:
                if not _fields(str(text)) <= allowed:
                    extra = ", ".join(sorted(_fields(str(text)) - allowed))
                    found.append(f"{rel}: unknown placeholder {extra} in {_describe(message)}")
                    break
        for key, entry in have.items():
            if key not in wanted:
                found.append(f"{rel}: no longer used {_describe(entry)}")
        for entry in catalog.obsolete.values():
            found.append(f"{rel}: obsolete entry {_describe(entry)}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "check"
    if command == "update":
        for path in update(args[1:] or None):
            print(f"updated {path}")
        return 0
    if command == "init" and len(args) == 2:
        print(f"created {init(args[1])}")
        return 0
    if command == "compile":
        for path in compile_all():
            print(f"compiled {path}")
        return 0
    if command == "check":
        found = problems(args[1:] or None)
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "every catalogue is complete")
        return 1 if found else 0
    print("usage: python -m migsdg.i18n [update [LANG...] | init LANG | compile | check]")
    return 2
