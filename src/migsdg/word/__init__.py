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
from migsdg.word.document import ANNEXES, SECTIONS, build_document, select_sections
from migsdg.word.labels import LANGUAGES

__all__ = [
    "ANNEXES",
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


def write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    template: str | os.PathLike[str] | None = None,
    sections: str | Iterable[str] | None = None,
    omit: str | Iterable[str] | None = None,
    findings: Report | None = None,
) -> None:
    """Write the Word draft of ``plan`` to ``path``.

    ``language``: ``en``, ``es`` or ``fr`` (default: the plan's language). ``template``: a
    .docx or .dotx whose styles, headers, footers and logo the draft takes on (its body
    text is dropped). ``sections``/``omit``: the parts to include or leave out, by name
    (:data:`SECTIONS`). ``findings``: the check report for the findings annex (default:
    the plan is checked now).
    """
    from migsdg.word.writer import write_docx

    if findings is not None and not isinstance(findings, Report):
        raise ExportError("findings must be a check report (from migsdg.check), or None")
    if language is not None and not isinstance(language, str):
        raise ExportError(f"language must be one of {', '.join(LANGUAGES)}")
    document = build_document(
        plan, language=language, sections=sections, omit=omit, findings=findings
    )
    write_docx(document, path, template=template)


EXPORTER = Exporter(
    name="docx",
    suffixes=(".docx",),
    description="Word draft of the Migration-SDG Action Plan (the guide's Action Plan "
    "Criteria, timeline and annexes), in English, Spanish or French",
    write=write,
    options=("language", "template", "sections", "omit", "findings"),
)
