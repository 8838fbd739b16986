"""What the fast test set (``pytest -m "not slow"``, ``nox -s tests``) takes of a test run
once per language, or once per example plan and language.

Every variant runs in the full set (``pytest -q``, what CI runs). The fast set keeps the
variants that find most: English, the language the tool's text is written in, and Arabic,
the one most unlike it (another script, right to left, six plural forms); Spanish and
French, which share English's script and direction, only in the full set. Where a test
is run for several example plans, the fast set meets each example and each of those
languages once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

#: The languages every fast run covers, where a test is run in them.
FAST_LANGUAGES = ("en", "ar")


def languages(codes: Iterable[str]) -> list[Any]:
    """``codes`` as parameters (ids: the codes); those not in :data:`FAST_LANGUAGES` are
    marked slow, unless none is, when the first stays in the fast set."""
    codes = list(codes)
    fast = [code for code in codes if code in FAST_LANGUAGES] or codes[:1]
    return [
        pytest.param(code, id=code, marks=() if code in fast else (pytest.mark.slow,))
        for code in codes
    ]


def pairs(examples: Iterable[str], codes: Iterable[str]) -> list[Any]:
    """Each example in each language, as ``(example, language)`` parameters (ids:
    ``example-language``). The fast set takes each example once and each language that
    :func:`languages` keeps once, pairing them in turn."""
    examples, codes = list(examples), list(codes)
    kept = [code for code in codes if code in FAST_LANGUAGES] or codes[:1]
    fast = {
        (examples[i % len(examples)], kept[i % len(kept)])
        for i in range(max(len(examples), len(kept)))
    }
    return [
        pytest.param(
            example,
            code,
            id=f"{example}-{code}",
            marks=() if (example, code) in fast else (pytest.mark.slow,),
        )
        for code in codes
        for example in examples
    ]
