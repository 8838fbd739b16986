"""The boundary around plugin code: what a plugin may not do to the program that runs it.

Plugin code (importing a plugin, its hooks, its check rules, its exporters) runs inside
:func:`plugin_code`. There:

* anything it prints to standard output goes to standard error instead, so that output a
  command writes for other programs (``migsdg check --format json``) stays valid;
* a ``KeyboardInterrupt`` or ``SystemExit`` it raises (``sys.exit`` at import, in a hook,
  in a rule) is the plugin's failure like any other exception; :func:`contain` tells the
  caller whether to record it (``True``) or let it through. A real Ctrl-C from the user
  (a SIGINT received while plugin code ran) is always let through.

Nothing here imports the plugin machinery, so the pure core (the check runner) uses it too.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

__all__ = ["contain", "describe", "plugin_code"]

_lock = threading.Lock()
_depth = 0  # plugin code running in any thread: standard output is redirected
_main_depth = 0  # plugin code running in the main thread: SIGINT is watched
_saved_stdout: Any = None
_saved_sigint: Any = None
_user_interrupt = threading.Event()


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _user_interrupt.set()
    previous = _saved_sigint
    if callable(previous) and previous not in (signal.default_int_handler, _on_sigint):
        previous(signum, frame)
        return
    raise KeyboardInterrupt


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def plugin_code() -> Iterator[None]:
    """Run the body as plugin code (see the module docstring). Nests, and is safe to
    enter from several threads at once: standard output is redirected while any thread
    runs plugin code; SIGINT, which Python delivers to the main thread only, is watched
    while the main thread runs it, and its handler is put back when the main thread
    leaves, whichever thread leaves plugin code last."""
    global _depth, _main_depth, _saved_stdout, _saved_sigint
    main = _in_main_thread()
    with _lock:
        if _depth == 0:
            _saved_stdout = sys.stdout
            sys.stdout = sys.stderr
        _depth += 1
        if main:
            if _main_depth == 0:
                _user_interrupt.clear()
                current = signal.getsignal(signal.SIGINT)
                if callable(current) and current is not _on_sigint:
                    _saved_sigint = current
                    signal.signal(signal.SIGINT, _on_sigint)
            _main_depth += 1
    try:
        yield
    finally:
        with _lock:
            if main:
                _main_depth -= 1
                if _main_depth == 0 and _saved_sigint is not None:
                    signal.signal(signal.SIGINT, _saved_sigint)
                    _saved_sigint = None
            _depth -= 1
            if _depth == 0:
                if sys.stdout is sys.stderr:
                    sys.stdout = _saved_stdout
                _saved_stdout = None


def contain(exc: BaseException) -> bool:
    """Whether ``exc``, raised by plugin code, is the plugin's failure to record (``True``),
    or must go on up: a Ctrl-C the user really pressed."""
    return not (isinstance(exc, KeyboardInterrupt) and _user_interrupt.is_set())


def describe(exc: BaseException) -> str:
    """What the plugin did, in one line (``called sys.exit(3)``, ``ValueError: ...``)."""
    if isinstance(exc, SystemExit):
        return f"called sys.exit({exc.code!r})"
    if isinstance(exc, KeyboardInterrupt):
        return "raised KeyboardInterrupt"
    text = str(exc).strip().splitlines()
    name = type(exc).__name__
    return f"{name}: {text[0]}" if text else name
