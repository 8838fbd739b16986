"""Exporters: how a plan becomes a Word draft, a workbook, IATI XML, Open SDG configuration.

An :class:`Exporter` is registered through the ``migsdg_register_exporters`` hook (the
core's own exporters too). :func:`export` picks one by format name or file suffix and
writes to a path or to a binary file-like object.

Writing safely is the host's job, not the exporter's. A file exporter's ``write(plan,
path, **options)`` gets a fresh temporary path from the host and simply writes the whole
file there; the host replaces the target only when ``write`` returns, with the target's
permissions (or the usual ones for a new file), and removes the temporary file
otherwise. To export to a stream (``io.BytesIO``, an HTTP response), the host has the
exporter write to a private temporary file and copies its bytes to the stream. A folder
exporter (``kind="folder"``, the Open SDG configuration) gets the target folder itself.

An exporter that raises is reported as the failure of its plugin
(:class:`~migsdg.errors.PluginError`, or :class:`~migsdg.errors.ExportError` for the
core's own), never as a traceback; messages name the target, never a temporary file.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from migsdg._bulk import bulk
from migsdg._guard import contain, describe, plugin_code
from migsdg.errors import ExportError, MigsdgError, PluginError
from migsdg.model import ActionPlan

if TYPE_CHECKING:
    from migsdg.checks import Report
    from migsdg.plugins import PluginHost

__all__ = ["EXPORTER_KINDS", "Exporter", "WriteFunc", "export", "find_exporter", "write_to"]

#: ``write(plan, path, **options)``: write the whole of ``plan`` to ``path`` (a temporary
#: path the host gives; see the module docstring); unknown options raise
#: :class:`ExportError`.
WriteFunc = Callable[..., None]

#: What an exporter writes: one file, or a folder of files.
EXPORTER_KINDS = ("file", "folder")

#: Plugins whose exporters are migsdg's own (their failures are export errors).
_CORE_PLUGINS = ("core", "migsdg")


def _check_kind(inst: Any, attribute: Any, value: str) -> None:
    if value not in EXPORTER_KINDS:
        raise ExportError(
            f"Exporter.kind must be one of {', '.join(EXPORTER_KINDS)}, not {value!r}"
        )


@attrs.frozen(kw_only=True)
class Exporter:
    """A way to write a plan to a file (or, with ``kind="folder"``, a folder)."""

    name: str  # the format name, e.g. "docx"
    suffixes: tuple[str, ...]  # file suffixes it claims, e.g. (".docx",)
    description: str
    write: WriteFunc = attrs.field(eq=False, repr=False)
    options: tuple[str, ...] = ()  # keyword options ``write`` accepts
    plugin: str = "migsdg"
    kind: str = attrs.field(default="file", validator=_check_kind)

    def to_dict(self) -> dict[str, Any]:
        """What ``migsdg export --list-formats --format json`` shows for it."""
        return {
            "name": self.name,
            "suffixes": list(self.suffixes),
            "kind": self.kind,
            "options": list(self.options),
            "plugin": self.plugin,
            "description": self.description,
        }


def find_exporter(
    exporters: Mapping[str, Exporter], path: Path | None, format: str | None = None
) -> Exporter:
    """The exporter for ``format``, or else the one claiming ``path``'s suffix."""
    if format is not None:
        try:
            return exporters[format]
        except KeyError:
            import difflib

            known = ", ".join(sorted(exporters)) or "(none)"
            near = difflib.get_close_matches(format, list(exporters), n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ExportError(f"unknown export format {format!r} (known: {known}){hint}") from None
    if path is None:
        raise ExportError("give the export format (format='docx') to export to a stream")
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


def _is_stream(target: object) -> bool:
    return hasattr(target, "write") and not isinstance(target, (str, bytes, os.PathLike))


def _sections_include_findings(exporter: Exporter, options: Mapping[str, Any]) -> bool:
    def names(value: Any) -> set[str]:
        if value is None:
            return set()
        items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
        return {str(v).strip() for v in items}

    if "findings" in names(options.get("omit")):
        return False
    sections = options.get("sections")
    if "findings" in names(sections):
        return True
    if "review_copy" in exporter.options:  # the findings are in the review copy only
        return bool(options.get("review_copy"))
    return sections is None


def findings_for(
    exporter: Exporter, plan: ActionPlan, options: Mapping[str, Any], host: PluginHost
) -> Report | None:
    """The check report an exporter that prints findings needs (``None`` if it takes
    none, already has one, or leaves its findings part out)."""
    if "findings" not in exporter.options or options.get("findings") is not None:
        return None
    if not _sections_include_findings(exporter, options):
        return None
    from migsdg.api import check

    return check(plan, host=host)


@bulk
def export(
    plan: ActionPlan,
    target: str | os.PathLike[str] | IO[bytes],
    format: str | None = None,
    *,
    host: PluginHost | None = None,
    **options: Any,
) -> Path | None:
    """Export ``plan`` to ``target``, choosing the exporter by ``format`` or by suffix.

    ``target`` is a path, or a binary file-like object (``io.BytesIO``, a file opened
    with ``"wb"``, a web response) — then ``format`` is required, and the exported bytes
    are written to it (folder formats such as ``opensdg`` need a path). ``options`` go to
    the exporter (for Word: ``language``, ``template``, ``sections``…). ``host`` is the
    plugin configuration to use (default: :func:`migsdg.plugins.get_host`). An exporter
    that prints the plan's findings (the Word draft) is given the report of the checks
    run with the same host, unless ``findings=`` is given or its findings part is left
    out. Returns the path written, or ``None`` for a stream.

    :raises ExportError: unknown format or option, a stream given to a folder format, or
        the export failed.
    :raises PluginError: a plugin's exporter failed (the message names the plugin).
    :raises OSError: the target cannot be written (the message names the target).
    """
    from migsdg.plugins import get_host

    host = host or get_host()
    stream = _is_stream(target)
    path = None if stream else Path(target)  # type: ignore[arg-type]
    exporter = find_exporter(host.exporters(), path, format)
    unknown = set(options) - set(exporter.options)
    if unknown:
        raise ExportError(
            f"the {exporter.name} exporter has no option {', '.join(sorted(unknown))}"
            f" (options: {', '.join(exporter.options) or 'none'})"
        )
    findings = findings_for(exporter, plan, options, host)
    if findings is not None:
        options = {**options, "findings": findings}
    if stream:
        _to_stream(exporter, plan, target, options)  # type: ignore[arg-type]
        return None
    assert path is not None
    write_to(exporter, plan, path, **options)
    return path


def write_to(exporter: Exporter, plan: ActionPlan, path: Path, **options: Any) -> None:
    """Run ``exporter`` to write ``plan`` to ``path``: atomically for a file exporter,
    behind the plugin boundary, with failures named (see the module docstring)."""
    if exporter.kind == "folder":
        _run(exporter, plan, path, path, options)
        return
    from migsdg._atomic import atomic_path

    with atomic_path(path) as tmp:
        _run(exporter, plan, tmp, path, options)


def _to_stream(exporter: Exporter, plan: ActionPlan, stream: IO[bytes], options: Any) -> None:
    if exporter.kind == "folder":
        raise ExportError(
            f"the {exporter.name} export writes a folder; give a folder path, not a stream"
        )
    if isinstance(stream, io.TextIOBase):
        raise ExportError("export to a binary stream (io.BytesIO, a file opened with 'wb')")
    suffix = exporter.suffixes[0] if exporter.suffixes else ""
    with tempfile.TemporaryDirectory(prefix="migsdg-export-") as folder:
        tmp = Path(folder) / f"export{suffix}"
        _run(exporter, plan, tmp, None, options)
        with open(tmp, "rb") as fh:
            shutil.copyfileobj(fh, stream)


def _run(
    exporter: Exporter, plan: ActionPlan, path: Path, target: Path | None, options: Any
) -> None:
    """``exporter.write(plan, path, **options)``; ``target`` is what messages name."""
    try:
        with plugin_code():
            exporter.write(plan, path, **options)
    except MigsdgError as exc:
        # A writer that reports a failure of the disk itself ("cannot write PATH: file too
        # large") names the path it was given: the temporary file, which no one knows of.
        if type(exc) is ExportError and str(path) in str(exc):
            where = str(target) if target is not None else "the export stream"
            raise ExportError(str(exc).replace(str(path), where)) from exc.__cause__
        raise
    except OSError as exc:
        if exporter.plugin not in _CORE_PLUGINS:
            raise _failure(exporter, exc, path, target) from None
        if exc.filename is not None and _is_temporary(exc.filename, path, target is None):
            # The same error, naming the target rather than the temporary file.
            exc.filename = str(target) if target is not None else "the export stream"
        raise
    except BaseException as exc:
        if not contain(exc):
            raise
        raise _failure(exporter, exc, path, target) from None


def _is_temporary(filename: Any, path: Path, stream: bool) -> bool:
    """Whether ``filename`` is the temporary file (or one an exporter made beside it)."""
    try:
        name = Path(os.fspath(filename))
    except TypeError:
        return False
    if name == path or name.name.startswith(f".{path.name}."):
        return True
    return stream and name.parent == path.parent


def _failure(
    exporter: Exporter, exc: BaseException, path: Path, target: Path | None
) -> MigsdgError:
    what = describe(exc).replace(str(path), str(target) if target else "the export stream")
    if exporter.plugin in _CORE_PLUGINS:
        return ExportError(f"the {exporter.name} export failed: {what}")
    return PluginError(exporter.plugin, f"exporter {exporter.name!r} failed: {what}")
