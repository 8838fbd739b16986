"""The Word export: a Migration-SDG Action Plan draft a ministry can circulate for review.

    import migsdg
    migsdg.export(plan, "plan.docx", language="es", template="ministry.docx")

:func:`build_document` gives the draft as a plain document model (parts, headings,
paragraphs, tables) without touching Word; :func:`write` builds it and writes the file.
See ``docs/word.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from migsdg._bulk import bulk
from migsdg.checks import Report
from migsdg.errors import ExportError
from migsdg.exporters import Exporter
from migsdg.model import ActionPlan
from migsdg.word.blocks import (
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    Part,
    Properties,
    Run,
    Table,
    clean_text,
)
from migsdg.word.document import (
    ANNEXES,
    DEFAULT_SECTIONS,
    SECTIONS,
    build_document,
    select_sections,
)
from migsdg.word.labels import LANGUAGES

__all__ = [
    "ANNEXES",
    "DEFAULT_SECTIONS",
    "EXPORTER",
    "LANGUAGES",
    "SECTIONS",
    "Cell",
    "Contents",
    "Document",
    "Heading",
    "Paragraph",
    "Part",
    "Properties",
    "Run",
    "Table",
    "build_document",
    "clean_text",
    "select_sections",
    "write",
]


@bulk
def write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    template: str | os.PathLike[str] | None = None,
    sections: str | Iterable[str] | None = None,
    omit: str | Iterable[str] | None = None,
    findings: Report | None = None,
    review_copy: bool | str = False,
) -> None:
    """Write the Word draft of ``plan`` to ``path`` (atomically: a failure leaves any
    existing file as it was).

    ``language``: ``en``, ``es`` or ``fr`` (default: the plan's language). ``template``: a
    .docx or .dotx whose styles, headers, footers and logo the draft takes on (its body
    text is dropped). ``sections``/``omit``: the parts to include or leave out, by name
    (:data:`SECTIONS`). The circulated draft leaves out the open check findings;
    ``review_copy`` adds them (as does naming ``findings`` in ``sections``). ``findings``:
    the check report shown there (default: the plan is checked now).
    """
    _write(
        plan,
        path,
        atomic=True,
        language=language,
        template=template,
        sections=sections,
        omit=omit,
        findings=findings,
        review_copy=review_copy,
    )


@bulk
def _export(plan: ActionPlan, path: str | os.PathLike[str], **options: Any) -> None:
    """The exporter's write: straight to the temporary path the export host gives (the
    host replaces the target with it)."""
    _write(plan, path, atomic=False, **options)


def _write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    atomic: bool,
    language: str | None = None,
    template: str | os.PathLike[str] | None = None,
    sections: str | Iterable[str] | None = None,
    omit: str | Iterable[str] | None = None,
    findings: Report | None = None,
    review_copy: bool | str = False,
) -> None:
    from migsdg.word.writer import _write_file

    if findings is not None and not isinstance(findings, Report):
        raise ExportError("findings must be a check report (from migsdg.check), or None")
    if language is not None and not isinstance(language, str):
        raise ExportError(f"language must be one of {', '.join(LANGUAGES)}")
    if isinstance(review_copy, str):  # from the command line's --option review_copy=yes
        flag = review_copy.strip().lower()
        if flag not in _FLAGS:
            raise ExportError(f"review_copy must be yes or no, not {review_copy!r}")
        review_copy = _FLAGS[flag]
    document = build_document(
        plan,
        language=language,
        sections=sections,
        omit=omit,
        findings=findings,
        review_copy=bool(review_copy),
    )
    _write_file(document, path, template=template, atomic=atomic)


_FLAGS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}

EXPORTER = Exporter(
    name="docx",
    suffixes=(".docx",),
    description="Word draft of the Migration-SDG Action Plan (the guide's Action Plan "
    "Criteria, timeline and annexes), in English, Spanish or French",
    write=_export,
    options=("language", "template", "sections", "omit", "findings", "review_copy"),
)
