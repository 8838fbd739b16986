"""Writing the export's files into a folder without ever touching files it did not write.

The folder keeps a marker, :data:`MARKER`, listing every file the last export wrote with
the SHA-256 of its content. A later export

* refuses a non-empty folder without a marker (it is someone else's folder);
* refuses when the marker's list does not match what is there: a listed file changed,
  went missing or became something other than a file, or a file it would write exists
  without being listed (the marker was copied along with files into a data repository,
  or someone edited the exported files: either way they are not the export's to replace);
* otherwise writes each file atomically, then the marker, then deletes the files the
  last export wrote that this one does not, and nothing else: never a folder wholesale.

While files are being replaced the marker lists both the old and the new hash of each,
so an export interrupted half-way is recognised and finished by the next one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from migsdg._atomic import atomic_write_bytes
from migsdg.errors import ExportError

__all__ = ["MARKER", "write_folder"]

#: Written into every exported folder: the files the export wrote, with their hashes.
MARKER = ".migsdg-export.json"
#: What a file name listed in a marker may look like: a sub-folder and a file name, no
#: ``..``, no absolute path, no hidden file. A marker listing anything else is refused.
_NAME = re.compile(r"(?:[A-Za-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*")


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str | None:
    """The digest of the regular file ``path`` (not followed if it is a link), or None."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return "not a file"
    return _digest(path.read_bytes())


def _listed(target: Path) -> dict[str, list[str]]:
    """The files the marker in ``target`` lists, each with the digests it may have."""
    marker = target / MARKER
    refuse = (
        f"{target} holds a {MARKER} that does not list the files an export wrote, with their "
        "hashes (it is damaged, or from an older migsdg); nothing was written. Export to a "
        "new or empty folder"
    )
    try:
        data = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        raise ExportError(refuse) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise ExportError(refuse)
    listed: dict[str, list[str]] = {}
    for name, digests in files.items():
        accepted = [digests] if isinstance(digests, str) else digests
        if (
            not isinstance(name, str)
            or not _NAME.fullmatch(name)
            or not isinstance(accepted, list)
            or not all(isinstance(d, str) for d in accepted)
        ):
            raise ExportError(refuse)
        listed[name] = accepted
    return listed


def _check(target: Path, files: Mapping[str, bytes]) -> dict[str, list[str]]:
    """What the last export wrote into ``target`` (empty for a new or empty folder), after
    checking that the folder is the export's to write into."""
    if not target.exists():
        return {}
    if target.is_symlink() or not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder; the export writes a folder")
    if not (target / MARKER).exists():
        if any(target.iterdir()):
            raise ExportError(
                f"{target} is a folder that this export did not write; choose a new or "
                "empty folder (then copy the files you need)"
            )
        return {}
    listed = _listed(target)
    mismatches = []
    for name, accepted in sorted(listed.items()):
        found = _file_digest(target / name)
        if found is None:
            mismatches.append(f"{name} is missing")
        elif found not in accepted:
            mismatches.append(f"{name} is not the file the export wrote")
    for name in sorted(files):
        path = target / name
        if name not in listed and (path.exists() or path.is_symlink()):
            mismatches.append(f"{name} exists but the export did not write it")
        if path.parent != target and path.parent.is_symlink():
            mismatches.append(f"{path.parent.name} is a link, not a folder the export made")
    if mismatches:
        raise ExportError(
            f"{target}: the export's list of its files ({MARKER}) does not match what is "
            f"there ({'; '.join(mismatches)}); nothing was written or deleted. Export to a "
            "new or empty folder, or remove the files yourself"
        )
    return listed


def _write_marker(target: Path, marker: Mapping[str, object], files: Mapping[str, Any]) -> None:
    text = json.dumps({**marker, "files": dict(sorted(files.items()))}, indent=2) + "\n"
    atomic_write_bytes(target / MARKER, text.encode("utf-8"))


def write_folder(
    target: str | os.PathLike[str], files: Mapping[str, bytes], *, marker: Mapping[str, object]
) -> Path:
    """Write ``files`` (name → bytes; a name may hold one ``/`` for a sub-folder) into the
    folder ``target``, replacing what an earlier export wrote there and nothing else.

    A new folder is built beside ``target`` and renamed into place, so it appears whole.
    Into an existing folder, each file is written atomically; see the module's docstring
    for what is refused.
    """
    target = Path(target)
    for name in files:
        if not _NAME.fullmatch(name):  # pragma: no cover - names come from the exporter
            raise ValueError(f"not a file name an export writes: {name!r}")
    listed = _check(target, files)
    digests = {name: _digest(data) for name, data in files.items()}
    if not target.exists():
        _write_new(target, files, marker, digests)
        return target
    # Both digests while files change: an interrupted export is recognised next time.
    pending = {name: sorted(set(listed.get(name, [])) | {digests[name]}) for name in files}
    pending.update({name: d for name, d in listed.items() if name not in files})
    _write_marker(target, marker, pending)
    for name, data in files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target / name, data)
    _write_marker(target, marker, digests)
    for name in sorted(set(listed) - set(files)):
        with contextlib.suppress(FileNotFoundError):
            (target / name).unlink()
        folder = (target / name).parent
        if folder != target:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if the export's files were all it held
    return target


def _write_new(
    target: Path,
    files: Mapping[str, bytes],
    marker: Mapping[str, object],
    digests: Mapping[str, str],
) -> None:
    parent = target.parent if str(target.parent) else Path(".")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        for name, data in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            with open(tmp / name, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        _write_marker(tmp, marker, dict(digests))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
