"""Exporters: how a plan becomes a Word draft, a workbook, IATI XML, Open SDG configuration.

An :class:`Exporter` is registered through the ``migsdg_register_exporters`` hook (the
core's own exporters too). :func:`export` picks one by format name or file suffix.
Exporters write atomically (see :func:`migsdg._atomic.atomic_path`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from migsdg.errors import ExportError
from migsdg.model import ActionPlan

__all__ = ["Exporter", "WriteFunc", "export", "find_exporter"]

#: ``write(plan, path, **options)``: write ``plan`` to ``path``; unknown options raise
#: :class:`ExportError`.
WriteFunc = Callable[..., None]


@attrs.frozen(kw_only=True)
class Exporter:
    """A way to write a plan to a file."""

    name: str  # the format name, e.g. "docx"
    suffixes: tuple[str, ...]  # file suffixes it claims, e.g. (".docx",)
    description: str
    write: WriteFunc = attrs.field(eq=False, repr=False)
    options: tuple[str, ...] = ()  # keyword options ``write`` accepts
    plugin: str = "migsdg"


def find_exporter(
    exporters: Mapping[str, Exporter], path: Path, format: str | None = None
) -> Exporter:
    """The exporter for ``format``, or else the one claiming ``path``'s suffix."""
    if format is not None:
        try:
            return exporters[format]
        except KeyError:
            known = ", ".join(sorted(exporters)) or "(none)"
            raise ExportError(f"unknown export format {format!r} (known: {known})") from None
    name = path.name.lower()
    # Longest suffix first, so ".iati.xml" wins over ".xml".
    candidates = sorted(
        ((s, e) for e in exporters.values() for s in e.suffixes),
        key=lambda se: -len(se[0]),
    )
    for suffix, exporter in candidates:
        if name.endswith(suffix.lower()):
            return exporter
    known = ", ".join(sorted({s for e in exporters.values() for s in e.suffixes}))
    raise ExportError(
        f"cannot tell the export format from {path.name!r}; use a suffix ({known}) or a format"
    )


def export(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    format: str | None = None,
    **options: Any,
) -> Path:
    """Export ``plan`` to ``path``, choosing the exporter by ``format`` or by suffix.

    ``options`` go to the exporter (for Word: ``language``, ``template``, ``sections``…).
    Returns the path written.
    """
    from migsdg.plugins import get_host

    path = Path(path)
    exporter = find_exporter(get_host().exporters(), path, format)
    unknown = set(options) - set(exporter.options)
    if unknown:
        raise ExportError(
            f"the {exporter.name} exporter has no option {', '.join(sorted(unknown))}"
            f" (options: {', '.join(exporter.options) or 'none'})"
        )
    exporter.write(plan, path, **options)
    return path
