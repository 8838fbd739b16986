"""Normalisation of SDG codes as people write them.

``"10.7"``, ``"SDG 10.7"``, ``"Target 10.7"`` and ``" 10.C "`` all mean target ``10.7``-style
canonical codes, written as the UN writes them: numbers, dots and lower-case letters.
"""

from __future__ import annotations

import re

__all__ = ["code_kind", "normalise_code"]

_PREFIX = re.compile(
    r"^\s*(?:(?:sdg|goal|target|indicator|objective|objetivo|meta|indicador|cible|objectif|indicateur)"
    r"s?\s*[:#]?\s*)+",
    re.IGNORECASE,
)
_PART = re.compile(r"^(?:\d+|[a-z])$")


def normalise_code(code: object) -> str:
    """Return the canonical form of an SDG goal, target or indicator code.

    Decoration (``SDG``, ``Goal``, ``Target``, ``Indicator``, in English, Spanish or French),
    surrounding space and letter case are dropped, and leading zeros of numeric parts are
    removed (``"SDG 08.08"`` is ``"8.8"``). The result is not checked against the
    catalogue; see :func:`migsdg.get_catalogue` for that.
    """
    text = str(code).strip()
    text = _PREFIX.sub("", text).strip().rstrip(".").lower()
    text = re.sub(r"\s*\.\s*", ".", text)
    parts = text.split(".")
    if all(_PART.match(p) for p in parts):
        parts = [str(int(p)) if p.isdigit() else p for p in parts]
    return ".".join(parts)


def code_kind(code: str) -> str:
    """Say whether a canonical code has the shape of a goal, target or indicator."""
    n = code.count(".")
    return {0: "goal", 1: "target", 2: "indicator"}.get(n, "code")
