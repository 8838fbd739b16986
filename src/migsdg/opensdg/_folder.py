"""Writing a whole folder at once: build it beside the target, then swap it in."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from migsdg.errors import ExportError

__all__ = ["MARKER", "write_folder"]

#: Written into every exported folder, so a later export knows the folder is its own to
#: replace (and never replaces a folder it did not write).
MARKER = ".migsdg-export.json"


def _check_replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder; the export writes a folder")
    if (target / MARKER).is_file() or not any(target.iterdir()):
        return
    raise ExportError(
        f"{target} is a folder that this export did not write; it would be replaced as a "
        "whole, so choose a new or empty folder (then copy the files you need)"
    )


def write_folder(
    target: str | os.PathLike[str], files: Mapping[str, bytes], *, marker: Mapping[str, object]
) -> Path:
    """Write ``files`` (name → bytes; a name may hold ``/`` for a sub-folder) as the folder
    ``target``, replacing a folder an earlier export wrote.

    The files go into a temporary folder beside ``target``, which then takes its place by
    renaming; if anything fails, ``target`` is left as it was. (Two renames are needed to
    replace an existing folder, so another process could see it missing for an instant.)
    """
    target = Path(target)
    _check_replaceable(target)
    parent = target.parent if str(target.parent) else Path(".")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    old: Path | None = None
    try:
        for name, data in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            with open(tmp / name, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        (tmp / MARKER).write_text(
            json.dumps({**marker, "files": sorted(files)}, indent=2) + "\n", "utf-8"
        )
        umask = os.umask(0)
        os.umask(umask)
        mode = target.stat().st_mode & 0o777 if target.is_dir() else 0o777 & ~umask
        os.chmod(tmp, mode)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.rmdir(old)
            os.rename(target, old)
            try:
                os.rename(tmp, target)
            except BaseException:
                os.rename(old, target)
                old = None
                raise
        else:
            os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(old)
    return target
