"""Safe file access: bounded reads of regular files only, and atomic writes that never
leave half a file or clobber a good one."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from migsdg.errors import MigsdgError

__all__ = [
    "LOCK_TIMEOUT",
    "ChangedOnDiskError",
    "CleanupOnSignals",
    "ReadOnlyFileError",
    "RefusedFileError",
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "check_writable",
    "guarded_update",
    "read_regular_file",
    "write_synced",
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


class ReadOnlyFileError(MigsdgError, PermissionError):
    """The file to replace is read-only: migsdg leaves it as it is."""

    def __init__(self, target: Path) -> None:
        self.target = target
        super().__init__(
            f"{target} is read-only; migsdg does not replace a file that is protected from "
            "writing (make it writable first, e.g. chmod u+w, if the change is wanted)"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class ChangedOnDiskError(MigsdgError):
    """The file changed on disk after it was read, or another migsdg command holds it."""


def check_writable(target: Path) -> None:
    """Refuse (:class:`ReadOnlyFileError`) to replace a regular file protected from writing."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    # Write bits are checked as well as access: the superuser may write anything, and a
    # file someone made read-only is a decision to keep it, whoever runs the command.
    if stat.S_ISREG(info.st_mode) and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise ReadOnlyFileError(target)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class CleanupOnSignals:
    """Inside this context SIGTERM (and SIGHUP) raise ``SystemExit`` like Ctrl-C raises
    KeyboardInterrupt, so clean-up code (``finally``, context managers) runs before the
    process ends: used while a temporary file exists, and around a whole CLI command.
    Only handlers left at their default are replaced (never an application's own), and
    only in the main thread, where Python delivers signals."""

    _SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
    )

    def __enter__(self) -> None:
        self.saved: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in self._SIGNALS:
            if signal.getsignal(sig) == signal.SIG_DFL:
                self.saved[sig] = signal.signal(sig, self._raise)

    def __exit__(self, *_: object) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)

    @staticmethod
    def _raise(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    If the body raises (or the process gets SIGINT, SIGTERM or SIGHUP), the temporary file
    is removed and ``target`` is untouched. A read-only ``target`` is refused before
    anything is written (:class:`ReadOnlyFileError`). The new file keeps the permissions of
    the file it replaces (or the umask default). An ``OSError`` names ``target``, never the
    temporary file. Inside :func:`guarded_update` for ``target``, the replacement is refused
    if the file changed on disk since it was read.
    """
    target = Path(target)
    check_writable(target)
    directory = target.parent if str(target.parent) else Path(".")
    with CleanupOnSignals():
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            try:
                yield tmp
                try:
                    mode = target.stat().st_mode & 0o777
                except FileNotFoundError:
                    mode = _default_mode()
                os.chmod(tmp, mode)
                guard = _GUARDS.get({}).get(_key(target))
                if guard is not None:
                    guard.check()
                os.replace(tmp, target)
                if guard is not None:
                    guard.written()
            except OSError as exc:
                renamed = _naming(exc, tmp, target)
                if renamed is exc:
                    raise
                raise renamed from None
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise


def _naming(exc: OSError, tmp: Path, target: Path) -> OSError:
    """``exc`` about ``target`` where it was about the temporary file (or about no file):
    a message naming a temporary file helps no one. Errors about other files are kept."""
    if isinstance(exc, MigsdgError) or (exc.filename and Path(exc.filename) != tmp):
        return exc
    if exc.errno is None:
        return OSError(f"{target}: {exc}")
    return type(exc)(exc.errno, exc.strerror, str(target))


# -- read-modify-write -----------------------------------------------------------------------

#: How long a command waits for another migsdg command changing the same folder.
LOCK_TIMEOUT = 60.0


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _fingerprint(path: Path) -> str | None:
    try:
        data = read_regular_file(path, limit=1 << 40, what="files")
    except FileNotFoundError:
        return None
    except RefusedFileError:
        return "not a file"
    return hashlib.sha256(data).hexdigest()


class _Guard:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.expected = _fingerprint(path)

    def check(self) -> None:
        if _fingerprint(self.path) != self.expected:
            raise ChangedOnDiskError(
                f"{self.path} changed on disk after migsdg read it (another program wrote "
                "it); nothing was written, so that change is kept: run the command again"
            )

    def written(self) -> None:
        self.expected = _fingerprint(self.path)


_GUARDS: contextvars.ContextVar[dict[str, _Guard]] = contextvars.ContextVar("migsdg_guards")


@contextlib.contextmanager
def _folder_lock(folder: Path, *, timeout: float, target: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the change check alone protects
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - an unreadable folder: the change check alone
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ChangedOnDiskError(
                        f"{target}: another migsdg command has been changing a plan in "
                        f"{folder} for over {timeout:.0f} s; nothing was written"
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def guarded_update(
    target: str | os.PathLike[str], *, timeout: float | None = None
) -> Iterator[None]:
    """Read, change and write back ``target`` without losing anyone's update.

    Inside the block, the command holds an exclusive lock shared by every migsdg command
    that changes a file in the same folder (an advisory ``flock`` on the folder, so no lock
    file is left behind), and :func:`atomic_path` refuses to replace ``target`` with
    :class:`ChangedOnDiskError` if its content is no longer what it was when the block was
    entered (another program, such as an editor, wrote it meanwhile). Two ``migsdg add``
    runs on one plan therefore take turns, and a change made by hand is never overwritten.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    with _folder_lock(folder, timeout=LOCK_TIMEOUT if timeout is None else timeout, target=target):
        guards = dict(_GUARDS.get({}))
        guards[_key(target)] = _Guard(target)
        token = _GUARDS.set(guards)
        try:
            yield
        finally:
            _GUARDS.reset(token)


def write_synced(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` and flush it to the disk. Not atomic by itself: for a
    temporary path from :func:`atomic_path`, or the one the export host gives an exporter
    (the host replaces the target with it)."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically (see :func:`atomic_path`)."""
    with atomic_path(target) as tmp:
        write_synced(tmp, data)


def atomic_write_text(target: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))
