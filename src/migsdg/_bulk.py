"""The cyclic garbage collector paused while a whole plan is built, written or read.

Loading, saving and exporting a plan allocate many objects that all stay alive until the
phase ends (the plan's items, parsed YAML, rows and XML parts). Each allocation burst makes
Python's cyclic collector run, and its full collections walk every live object, the plan
included: on a large plan they cost as much as the work itself and grow faster than the
plan. Reference counting still frees what the phase drops; only cycle detection waits until
the phase ends, when the collector is switched back on as it was.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["bulk"]

P = ParamSpec("P")
R = TypeVar("R")


def bulk(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` with the cyclic collector paused (and restored after, whatever
    happens); a bulk phase inside another leaves the outer one to restore it."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
