"""The machinery of the criteria checks: rules, findings, the report and the runner.

A rule is a function of a :class:`CheckContext` that yields :class:`Hit` values (where and
what); the runner stamps each with the rule's code and severity to make a
:class:`Finding`. Rules are collected in a :class:`RuleSet` (the core's own rules and
those of plugins); :func:`run_checks` runs them over one plan.

Nothing here imports pluggy or any exporter library.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from migsdg.catalogue import Catalogue, catalogue
from migsdg.errors import MigsdgError, PluginError
from migsdg.model import (
    ActionPlan,
    Actor,
    FundingSource,
    Intervention,
    Objective,
    _Choice,
)

__all__ = [
    "CheckContext",
    "Finding",
    "Hit",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "rule",
    "run_checks",
]

_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")


class Severity(_Choice):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule found, before the runner stamps it with the rule's code."""

    location: str
    message: str
    hint: str = ""
    intervention: str | None = None  # id of the intervention concerned, if any
    severity: Severity | None = None  # overrides the rule's default severity


@attrs.frozen(kw_only=True)
class Finding:
    """One finding of the checks: what the plan still lacks, where, and how to fix it."""

    code: str
    severity: Severity
    location: str
    message: str
    hint: str = ""
    intervention: str | None = None
    rule: str = ""  # the rule's name, e.g. "intervention-rationale"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "location": self.location,
            "intervention": self.intervention,
            "message": self.message,
            "hint": self.hint,
        }


RuleFunc = Callable[["CheckContext"], Iterable[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A criteria rule: a stable code, what it checks, why, and the function that checks.

    ``why`` quotes or paraphrases the guide where the rule comes from it; the rules
    reference in the docs is generated from these fields.
    """

    code: str = attrs.field()
    name: str
    summary: str
    why: str
    severity: Severity
    func: RuleFunc = attrs.field(eq=False, repr=False)
    plugin: str = "migsdg"

    @code.validator
    def _check_code(self, _: Any, value: str) -> None:
        if not _CODE.match(value):
            raise ValueError(
                f"rule code {value!r} must be 2-5 capital letters and 3 digits, e.g. AP101"
            )


def rule(
    code: str, name: str, *, severity: Severity, summary: str, why: str
) -> Callable[[RuleFunc], Rule]:
    """Decorator turning a check function into a :class:`Rule`."""

    def make(func: RuleFunc) -> Rule:
        return Rule(code=code, name=name, summary=summary, why=why, severity=severity, func=func)

    return make


class RuleSet:
    """The registered rules, by code. Refuses a second rule with a code already taken,
    naming both plugins."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            self.add(r)

    def add(self, r: Rule, plugin: str | None = None) -> None:
        if plugin is not None and plugin != r.plugin:
            r = attrs.evolve(r, plugin=plugin)
        other = self._rules.get(r.code)
        if other is not None:
            raise PluginError(
                r.plugin,
                f"rule code {r.code} is already registered by plugin {other.plugin!r}",
            )
        self._rules[r.code] = r

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule:
        return self._rules[code]

    def selected(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
        """Rules whose code starts with one of ``select`` (all when empty) and with none of
        ``ignore``, ruff-style (``AP1`` selects AP101 to AP199)."""
        sel = [s.strip().upper() for s in select if s.strip()]
        ign = [s.strip().upper() for s in ignore if s.strip()]
        known = list(self._rules)
        for prefix in (*sel, *ign):
            if not any(c.startswith(prefix) for c in known):
                raise MigsdgError(f"no check rule code starts with {prefix!r}")
        return [
            r
            for r in self
            if (not sel or any(r.code.startswith(s) for s in sel))
            and not any(r.code.startswith(i) for i in ign)
        ]


class CheckContext:
    """What rules read: the plan, the catalogue, and indexes built once per run so no rule
    needs a quadratic search."""

    def __init__(
        self, plan: ActionPlan, *, today: _dt.date | None = None, cat: Catalogue | None = None
    ) -> None:
        self.plan = plan
        self.catalogue = cat or catalogue()
        self.today = today or _dt.date.today()
        self.actors: Mapping[str, Actor] = {a.id: a for a in plan.actors}
        self.sources: Mapping[str, FundingSource] = {s.id: s for s in plan.funding_sources}
        self.objectives: Mapping[str, Objective] = {o.id: o for o in plan.objectives}
        self.interventions_by_id: Mapping[str, Intervention] = {
            iv.id: iv for iv in plan.interventions
        }
        self.rates: Mapping[str, Decimal] = {r.currency: r.rate for r in plan.exchange_rates}

    def interventions(self) -> Iterator[tuple[str, Intervention]]:
        """Each intervention with its location prefix, ``interventions[i]``."""
        for i, iv in enumerate(self.plan.interventions):
            yield f"interventions[{i}]", iv


@attrs.frozen(kw_only=True)
class Report:
    """The findings of one run of the checks, ordered by severity, then location."""

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of ``migsdg check --format json`` (format version 1)."""
        return {
            "format": "migsdg-check-report",
            "version": 1,
            "summary": self.counts(),
            "rules_run": list(self.rules_run),
            "findings": [f.to_dict() for f in self.findings],
        }


def run_checks(
    plan: ActionPlan,
    rules: Iterable[Rule],
    *,
    today: _dt.date | None = None,
) -> Report:
    """Run ``rules`` over ``plan`` and collect their findings into a :class:`Report`.

    A rule that raises is a bug in that rule (or its plugin): it is reported as a
    :class:`PluginError` naming the rule and plugin rather than hidden.
    """
    ctx = CheckContext(plan, today=today)
    findings: list[Finding] = []
    ran: list[str] = []
    for r in rules:
        ran.append(r.code)
        try:
            for hit in r.func(ctx):
                findings.append(
                    Finding(
                        code=r.code,
                        rule=r.name,
                        severity=hit.severity or r.severity,
                        location=hit.location,
                        message=hit.message,
                        hint=hit.hint,
                        intervention=hit.intervention,
                    )
                )
        except MigsdgError:
            raise
        except Exception as exc:
            raise PluginError(r.plugin, f"check {r.code} failed: {exc!r}") from exc
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], _loc_key(f.location), f.code))
    return Report(findings=tuple(findings), rules_run=tuple(ran))


def _loc_key(location: str) -> list[tuple[int, int | str]]:
    return [(0, int(t)) if t.isdigit() else (1, t) for t in re.split(r"[.\[\]]+", location) if t]
