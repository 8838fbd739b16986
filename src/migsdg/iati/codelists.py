"""The IATI codelists the exporter needs, read once from ``codelists/`` (see PROVENANCE.md)."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

__all__ = ["Codelist", "alpha2", "codelist"]


@attrs.frozen(kw_only=True)
class Codelist:
    """One IATI codelist: its codes, their English names and which are withdrawn."""

    name: str
    names: Mapping[str, str]
    withdrawn: frozenset[str]

    def __contains__(self, code: object) -> bool:
        """True for codes that are in the list and not withdrawn."""
        return code in self.names and code not in self.withdrawn

    def name_of(self, code: str) -> str:
        return self.names[code]


def _read(name: str) -> Any:
    path = resources.files("migsdg.iati").joinpath("codelists").joinpath(f"{name}.json")
    return json.loads(path.read_text("utf-8"))


@functools.cache
def codelist(name: str) -> Codelist:
    """The IATI codelist ``name`` (e.g. ``"Sector"``); raises ``FileNotFoundError`` for a
    codelist the package does not carry."""
    data = _read(name)
    return Codelist(
        name=data["codelist"],
        names=MappingProxyType({i["code"]: i.get("name") or "" for i in data["items"]}),
        withdrawn=frozenset(i["code"] for i in data["items"] if i.get("status") == "withdrawn"),
    )


@functools.cache
def _alpha3() -> Mapping[str, str]:
    return MappingProxyType(dict(_read("country-alpha3")["alpha3_to_alpha2"]))


def alpha2(alpha3: str) -> str | None:
    """The IATI ``Country`` code (ISO 3166-1 alpha-2) of an alpha-3 country code, or
    ``None`` when IATI's list has no such country."""
    code = _alpha3().get(alpha3.upper())
    return code if code is not None and code in codelist("Country") else None
