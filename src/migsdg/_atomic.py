"""Safe file access: bounded reads of regular files only, and atomic writes that never
leave half a file or clobber a good one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "RefusedFileError",
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "read_regular_file",
]


class RefusedFileError(ValueError):
    """A file that is not read: not a regular file, or larger than the limit."""


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_regular_file(path: str | os.PathLike[str], *, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Anything else is refused with :class:`RefusedFileError` before it is read: a FIFO (opened
    without blocking, so a pipe with no writer cannot hang the caller), a device such as
    ``/dev/zero`` reached through a symbolic link, a folder. The size is checked on the open
    file and the read itself stops after ``limit + 1`` bytes, so a file that grows while it
    is read is refused too. ``what`` names the kind of file in messages ("plan files").
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFileError(
                f"this is {_kind(info.st_mode)}, not a file; {what} are read "
                "from regular files only"
            )
        if info.st_size > limit:
            raise RefusedFileError(
                f"file is {info.st_size} bytes; {what} over {limit} bytes are refused"
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise RefusedFileError(
                f"file is over {limit} bytes; {what} over {limit} bytes are refused"
            )
        return b"".join(chunks)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    If the body raises, the temporary file is removed and ``target`` is untouched.
    The new file keeps the permissions of the file it replaces (or the umask default).
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_text(target: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))
