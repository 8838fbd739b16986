"""The embedded SDG catalogue: goals, targets, indicators and the migration lens.

The data ships inside the package (``migsdg/data``, provenance in ``data/PROVENANCE.md``)
and is read once, on first use. Everything here is read-only.
"""

from __future__ import annotations

import difflib
import functools
import json
import pkgutil
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs

from migsdg.codes import normalise_code
from migsdg.errors import UnknownCodeError

__all__ = [
    "LANGUAGES",
    "TEXT_LANGUAGES",
    "Catalogue",
    "GcmObjective",
    "Goal",
    "Indicator",
    "MigrationDomain",
    "MigrationLink",
    "Target",
    "TextStatus",
    "catalogue",
    "get_catalogue",
]

#: Languages of the tool's own headings and labels.
LANGUAGES = ("en", "es", "fr")
#: Languages in which the catalogue holds reference texts: SDG goals, targets and
#: indicators, GCM objective titles and the 10.7.2 domain names (the six UN languages).
TEXT_LANGUAGES = ("en", "es", "fr", "ar", "ru", "zh")
MigrationFilter = Literal["all", "explicit", "cross-cutting"]
#: Where a reference text comes from (see ``data/PROVENANCE.md``):
#:
#: - ``"official"``: the official UN text in that language;
#: - ``"predates-review"``: the official translation, made before the 2025 comprehensive
#:   review changed the English text;
#: - ``"adapted"``: that translation changed only where the 2025 review changed the English;
#: - ``"unofficial"``: translated for migsdg, following UN terminology;
#: - ``"english"``: no text in that language; the English one is given.
TextStatus = Literal["official", "predates-review", "adapted", "unofficial", "english"]


@attrs.frozen(kw_only=True)
class Goal:
    number: int
    code: str
    title: str
    short_title: str
    colour: str


@attrs.frozen(kw_only=True)
class Target:
    code: str
    goal: int
    title: str
    #: ``"outcome"`` for numbered targets, ``"means_of_implementation"`` for lettered ones.
    type: str


@attrs.frozen(kw_only=True)
class Indicator:
    code: str
    target: str
    goal: int
    title: str
    unsd_code: str
    repeats: tuple[str, ...] = ()
    #: False for the codes kept from older lists for backward compatibility.
    current: bool = True


@attrs.frozen(kw_only=True)
class MigrationLink:
    """Why a target is migration-related, and on whose authority."""

    target: str
    #: ``"explicit"`` (the target or its indicators speak of migration) or ``"cross-cutting"``.
    relation: str
    #: ``"sourced"`` or ``"inferred"``.
    status: str
    theme: str
    sources: tuple[str, ...]
    note: str = ""


@attrs.frozen(kw_only=True)
class MigrationDomain:
    """One of the six policy domains of SDG indicator 10.7.2."""

    number: int
    name: str


@attrs.frozen(kw_only=True)
class GcmObjective:
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195)."""

    number: int
    title: str
    short_label: str


def _read(name: str) -> Any:
    # pkgutil reads package data through the package's loader (a folder or a zip alike)
    # without importing importlib.resources, which costs more than reading the data.
    data = pkgutil.get_data("migsdg", f"data/{name}")
    if data is None:  # pragma: no cover - a loader that cannot read data files
        raise FileNotFoundError(f"migsdg/data/{name}")
    return json.loads(data)


class Catalogue:
    """Read-only lookups over the SDG framework and its migration lens.

    Obtain it with :func:`migsdg.get_catalogue`; it is built once and shared.
    """

    def __init__(self) -> None:
        fw = _read("framework.json")
        self.goals: Mapping[int, Goal] = MappingProxyType(
            {
                g["number"]: Goal(
                    number=g["number"],
                    code=g["code"],
                    title=g["title"],
                    short_title=g["short_title"],
                    colour=g["colour"],
                )
                for g in fw["goals"]
            }
        )
        self.targets: Mapping[str, Target] = MappingProxyType(
            {
                t["code"]: Target(code=t["code"], goal=t["goal"], title=t["title"], type=t["type"])
                for t in fw["targets"]
            }
        )
        inds = {
            i["code"]: Indicator(
                code=i["code"],
                target=i["target"],
                goal=i["goal"],
                title=i["title"],
                unsd_code=i["unsd_code"],
                repeats=tuple(i.get("repeats", ())),
            )
            for i in fw["indicators"]
        }
        self.indicators: Mapping[str, Indicator] = MappingProxyType(inds)
        self.legacy_indicators: Mapping[str, Indicator] = MappingProxyType(
            {
                i["code"]: Indicator(
                    code=i["code"],
                    target=i["target"],
                    goal=i["goal"],
                    title=i["title"],
                    unsd_code="",
                    current=False,
                )
                for i in fw["legacy_indicators"]
            }
        )
        by_goal: dict[int, list[str]] = {}
        for code, t in self.targets.items():
            by_goal.setdefault(t.goal, []).append(code)
        self._targets_of_goal = {g: tuple(c) for g, c in by_goal.items()}
        by_target: dict[str, list[str]] = {}
        for code, i in inds.items():
            by_target.setdefault(i.target, []).append(code)
        self._indicators_of_target = {t: tuple(c) for t, c in by_target.items()}

        mig = _read("migration_targets.json")
        links: dict[str, MigrationLink] = {}
        for relation, key in (("explicit", "explicit"), ("cross-cutting", "cross_cutting")):
            for e in mig[key]:
                links[e["target"]] = MigrationLink(
                    target=e["target"],
                    relation=relation,
                    status=e["status"],
                    theme=e.get("theme", ""),
                    sources=tuple(e.get("sources", ())),
                    note=e.get("note", ""),
                )
        self.migration_links: Mapping[str, MigrationLink] = MappingProxyType(links)
        self.migration_sources: Mapping[str, Mapping[str, Any]] = MappingProxyType(mig["sources"])
        self.migration_domains: Mapping[int, MigrationDomain] = MappingProxyType(
            {
                d["number"]: MigrationDomain(number=d["number"], name=d["name"])
                for d in mig["indicator_10_7_2"]["domains"]
            }
        )
        gcm = _read("gcm_objectives.json")
        self.gcm_objectives: Mapping[int, GcmObjective] = MappingProxyType(
            {
                o["number"]: GcmObjective(
                    number=o["number"], title=o["title"], short_label=o["short_label"]
                )
                for o in gcm["objectives"]
            }
        )

    # -- lookups -------------------------------------------------------------------------

    def goal(self, number: int | str) -> Goal:
        """The goal with this number (``10``, ``"10"``, ``"SDG 10"``, ``"Goal 10"``)."""
        key = normalise_code(number)
        if key.isdigit() and int(key) in self.goals:
            return self.goals[int(key)]
        raise UnknownCodeError("SDG goal", str(number), self._near(key, map(str, self.goals)))

    def target(self, code: str) -> Target:
        """The target with this code (``"10.7"``, ``"SDG 10.C"``, ``"Target 10.c"``)."""
        key = normalise_code(code)
        try:
            return self.targets[key]
        except KeyError:
            raise UnknownCodeError("SDG target", str(code), self._near(key, self.targets)) from None

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code (``"10.7.2"``); legacy codes are found too."""
        key = normalise_code(code)
        found = self.indicators.get(key) or self.legacy_indicators.get(key)
        if found is None:
            raise UnknownCodeError("SDG indicator", str(code), self._near(key, self.indicators))
        return found

    def has_target(self, code: str) -> bool:
        """Whether ``code``, in any accepted spelling, is a target of the framework."""
        return normalise_code(code) in self.targets

    def has_indicator(self, code: str) -> bool:
        """Whether ``code`` is an indicator of the framework (current or legacy code)."""
        key = normalise_code(code)
        return key in self.indicators or key in self.legacy_indicators

    def targets_of_goal(self, goal: int | str) -> tuple[Target, ...]:
        """The targets of one goal, in the framework's order (raises for an unknown goal)."""
        g = self.goal(goal)
        return tuple(self.targets[c] for c in self._targets_of_goal[g.number])

    def indicators_of_target(self, target: str) -> tuple[Indicator, ...]:
        """The indicators of one target, in the framework's order."""
        t = self.target(target)
        return tuple(self.indicators[c] for c in self._indicators_of_target.get(t.code, ()))

    def gcm_objective(self, number: int | str) -> GcmObjective:
        """One of the 23 objectives of the Global Compact for Migration, by number
        (``7``, ``"GCM 7"``); raises :class:`UnknownCodeError` otherwise."""
        key = str(number).strip().lower().removeprefix("gcm").strip(" :#")
        if key.isdigit() and int(key) in self.gcm_objectives:
            return self.gcm_objectives[int(key)]
        raise UnknownCodeError(
            "GCM objective", str(number), self._near(key, map(str, self.gcm_objectives))
        )

    def migration_domain(self, number: int | str) -> MigrationDomain:
        """One of the six policy domains of SDG indicator 10.7.2, by number (1-6);
        raises :class:`UnknownCodeError` otherwise."""
        key = str(number).strip()
        if key.isdigit() and int(key) in self.migration_domains:
            return self.migration_domains[int(key)]
        raise UnknownCodeError("10.7.2 domain", key, [str(n) for n in self.migration_domains])

    # -- views ---------------------------------------------------------------------------

    def migration_targets(self, which: MigrationFilter = "all") -> tuple[Target, ...]:
        """Migration-related targets in catalogue order: all, explicit or cross-cutting."""
        if which not in ("all", "explicit", "cross-cutting"):
            raise ValueError(f"which must be all, explicit or cross-cutting, not {which!r}")
        return tuple(
            t
            for code, t in self.targets.items()
            if code in self.migration_links
            and (which == "all" or self.migration_links[code].relation == which)
        )

    def search(self, words: str, *, include_indicators: bool = False) -> tuple[Target, ...]:
        """Targets whose text (or an indicator's text) contains every word, any case.

        Words match at word starts, so ``remittance`` finds ``remittances``.
        """
        terms = [w for w in re.split(r"\W+", words.lower()) if w]
        if not terms:
            return ()
        pats = [re.compile(r"\b" + re.escape(w)) for w in terms]

        def text_of(t: Target) -> str:
            text = t.title.lower()
            if include_indicators:
                text += " " + " ".join(i.title.lower() for i in self.indicators_of_target(t.code))
            return text

        return tuple(t for t in self.targets.values() if all(p.search(text_of(t)) for p in pats))

    def text(self, code: str, language: str = "en") -> str:
        """Text of a goal, target or indicator in one of :data:`TEXT_LANGUAGES`.

        The official UN text, except where the official translation predates the 2025
        review and a current text is embedded (:meth:`text_status` says which); English
        where the language has no text for the code.
        """
        return self._localised_text(code, language)[0]

    def text_status(self, code: str, language: str = "en") -> TextStatus:
        """Where :meth:`text` for this code and language comes from."""
        return self._localised_text(code, language)[1]

    def _localised_text(self, code: str, language: str) -> tuple[str, TextStatus]:
        key = normalise_code(code)
        kind = key.count(".")
        if kind == 0:
            english = self.goal(key).title
        elif kind == 1:
            english = self.target(key).title
        else:
            english = self.indicator(key).title
        _check_language(language)
        if language == "en":
            return english, "official"
        if kind == 2:
            names = _localised_names()
            current = names.current_indicators.get(key, {}).get(language)
            if current is not None:
                return current
        table = ("goals", "targets", "indicators")[kind]
        found = _translations().get(language, {}).get(table, {}).get(key)
        if not found:
            return english, "english"
        if kind == 2 and key in _localised_names().predating_review:
            return found, "predates-review"
        return found, "official"

    def gcm_title(self, number: int | str, language: str = "en") -> str:
        """Title of a GCM objective in one of :data:`TEXT_LANGUAGES`."""
        return self._gcm_title(number, language)[0]

    def gcm_title_status(self, number: int | str, language: str = "en") -> TextStatus:
        """Whether :meth:`gcm_title` is the official text of A/RES/73/195 in that language."""
        return self._gcm_title(number, language)[1]

    def _gcm_title(self, number: int | str, language: str) -> tuple[str, TextStatus]:
        objective = self.gcm_objective(number)
        _check_language(language)
        if language == "en":
            return objective.title, "official"
        found = _localised_names().gcm_titles.get(objective.number, {}).get(language)
        return found if found is not None else (objective.title, "english")

    def domain_name(self, number: int | str, language: str = "en") -> str:
        """Name of a domain of SDG indicator 10.7.2 in one of :data:`TEXT_LANGUAGES`."""
        return self._domain_name(number, language)[0]

    def domain_name_status(self, number: int | str, language: str = "en") -> TextStatus:
        """Whether :meth:`domain_name` is an official text in that language."""
        return self._domain_name(number, language)[1]

    def _domain_name(self, number: int | str, language: str) -> tuple[str, TextStatus]:
        domain = self.migration_domain(number)
        _check_language(language)
        if language == "en":
            return domain.name, "official"
        found = _localised_names().domain_names.get(domain.number, {}).get(language)
        return found if found is not None else (domain.name, "english")

    @staticmethod
    def _near(key: str, codes: Iterable[str]) -> list[str]:
        pool = list(codes)
        near = difflib.get_close_matches(key, pool, n=3, cutoff=0.5)
        if not near and "." in key:
            head = key.rsplit(".", 1)[0] + "."
            near = [c for c in pool if c.startswith(head)][:3]
        return near


@functools.cache
def _translations() -> dict[str, dict[str, dict[str, str]]]:
    raw: dict[str, dict[str, dict[str, str]]] = _read("translations.json")["languages"]
    return {
        lang: {
            table: {code: _clean(text) for code, text in rows.items()}
            for table, rows in tables.items()
        }
        for lang, tables in raw.items()
    }


def _clean(text: str) -> str:
    # Texts are compared and searched: keep them in composed (NFC) form, without the
    # tatweel (U+0640) that the UN's Arabic typesetting uses only to stretch words.
    return unicodedata.normalize("NFC", text).replace("\u0640", "")


def _check_language(language: str) -> None:
    if language not in TEXT_LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(TEXT_LANGUAGES)}, not {language!r}")


@attrs.frozen(kw_only=True)
class _LocalisedNames:
    gcm_titles: Mapping[int, Mapping[str, tuple[str, TextStatus]]]
    domain_names: Mapping[int, Mapping[str, tuple[str, TextStatus]]]
    current_indicators: Mapping[str, Mapping[str, tuple[str, TextStatus]]]
    predating_review: frozenset[str]


def _entries(rows: Mapping[str, Any]) -> dict[str, tuple[str, TextStatus]]:
    return {lang: (_clean(row["text"]), row["status"]) for lang, row in rows.items()}


@functools.cache
def _localised_names() -> _LocalisedNames:
    raw = _read("localised_names.json")
    return _LocalisedNames(
        gcm_titles={int(n): _entries(rows) for n, rows in raw["gcm_objectives"].items()},
        domain_names={int(n): _entries(rows) for n, rows in raw["migration_domains"].items()},
        current_indicators={
            code: _entries(rows) for code, rows in raw["indicators_current"].items()
        },
        predating_review=frozenset(raw["indicators_predating_review"]),
    )


@functools.cache
def catalogue() -> Catalogue:
    """The shared, read-only SDG catalogue (loaded on first call)."""
    return Catalogue()


#: :func:`catalogue` under the name the package exports (``migsdg.get_catalogue()``): the
#: package's ``migsdg.catalogue`` is this module, never a function of the same name.
get_catalogue = catalogue
