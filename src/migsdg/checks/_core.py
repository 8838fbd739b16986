"""The machinery of the criteria checks: rules, findings, the report and the runner.

A rule is a function of a :class:`CheckContext` that yields :class:`Hit` values (where and
what); the runner stamps each with the rule's code and severity to make a
:class:`Finding`. Rules are collected in a :class:`RuleSet` (the core's own rules and
those of plugins); :func:`run_checks` runs them over one plan.

A rule that raises (even ``SystemExit``), or yields something that is not a well-formed
:class:`Hit`, is skipped and recorded in :attr:`Report.failures` naming the rule and its
plugin; the other rules' findings still come. Rules run behind
:func:`migsdg._guard.plugin_code` (what they print goes to stderr).

Nothing here imports pluggy or any exporter library.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from migsdg._guard import contain, describe, plugin_code
from migsdg.catalogue import Catalogue, Indicator, catalogue
from migsdg.errors import MigsdgError, PluginError, location_key
from migsdg.i18n import msg
from migsdg.model import (
    ActionPlan,
    Actor,
    Choice,
    FundingSource,
    Intervention,
    Objective,
    RoleKind,
    Stage,
)

__all__ = [
    "CheckContext",
    "Finding",
    "Hit",
    "Modality",
    "Report",
    "Rule",
    "RuleFailure",
    "RuleSet",
    "Severity",
    "did_you_mean",
    "rule",
    "run_checks",
]

_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")


class Severity(Choice):
    """How much a finding weighs: an error blocks adoption, a warning should be
    addressed, an info is for the planner's attention."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Modality(Choice):
    """How strongly the guide asks for what a rule checks, in the guide's own words.

    It bounds the rule's severity: only what the guide requires may be an error; what it
    says should, can or ideally happen is a warning or a note.
    """

    MUST = "must"  # "must", or an element the Action Plan Criteria list for each intervention
    SHOULD = "should"
    CAN = "can"  # can, may, could
    IDEALLY = "ideally"  # ideally, advisable

    @property
    def allows_error(self) -> bool:
        """True only for what the guide requires."""
        return self is Modality.MUST


_SUGGEST_MAX = 300
_SUGGESTIONS_PER_RUN = 100

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _hit_text(inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise MigsdgError(
            f"Hit.{attribute.name} must be text (str), not {type(value).__name__} {value!r}"
        )


def _hit_optional_text(inst: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _hit_text(inst, attribute, value)


def _hit_severity(value: Any) -> Severity | None:
    if value is None or isinstance(value, Severity):
        return value
    try:
        return Severity(value)
    except ValueError:
        raise MigsdgError(
            f"Hit.severity must be one of {', '.join(s.value for s in Severity)} or None, "
            f"not {value!r}"
        ) from None


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule found, before the runner stamps it with the rule's code.

    Texts must be ``str`` and ``severity`` a :class:`Severity` (or its value): anything else
    raises :class:`~migsdg.errors.MigsdgError` naming the field, and the runner reports the
    rule that made it as failed.
    """

    location: str = attrs.field(validator=_hit_text)
    message: str = attrs.field(validator=_hit_text)
    hint: str = attrs.field(default="", validator=_hit_text)
    #: Id of the intervention concerned, if any.
    intervention: str | None = attrs.field(default=None, validator=_hit_optional_text)
    #: Overrides the rule's default severity.
    severity: Severity | None = attrs.field(default=None, converter=_hit_severity)


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
        """The finding as plain data, as in the JSON check report."""
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
    reference in the docs is generated from these fields. ``guide`` is the guide's sentence
    the rule rests on, quoted, and ``modality`` how strongly that sentence asks for it
    (``None``: the rule goes beyond the guide, e.g. the consistency of references). A rule
    whose modality is should, can or ideally cannot default to error.
    ``severity_reason`` says why the rule has its severity where the modality alone does
    not (a rule beyond the guide, or one that reports less than the guide requires).

    A rule with ``reads_findings`` runs once, after every other rule of the run, and sees
    their findings in :attr:`CheckContext.findings` (for rules about the plan's findings
    as a whole, such as "an adopted plan has no errors"). It does not see the findings of
    other such rules, so no rule ever runs twice.
    """

    code: str = attrs.field()
    name: str
    summary: str
    why: str
    severity: Severity
    func: RuleFunc = attrs.field(eq=False, repr=False)
    plugin: str = "migsdg"
    reads_findings: bool = False
    guide: str = ""
    modality: Modality | None = None
    severity_reason: str = ""

    @code.validator
    def _check_code(self, _: Any, value: str) -> None:
        if not _CODE.match(value):
            raise ValueError(
                f"rule code {value!r} must be 2-5 capital letters and 3 digits, e.g. AP101"
            )

    def __attrs_post_init__(self) -> None:
        modality = self.modality
        if modality is not None and not modality.allows_error and self.severity is Severity.ERROR:
            raise ValueError(
                f"rule {self.code}: the guide says {modality.value!r}, which is a warning or "
                "a note, not an error"
            )


def rule(
    code: str,
    name: str,
    *,
    severity: Severity,
    summary: str,
    why: str,
    reads_findings: bool = False,
    guide: str = "",
    modality: Modality | None = None,
    severity_reason: str = "",
) -> Callable[[RuleFunc], Rule]:
    """Decorator turning a check function into a :class:`Rule`."""

    def make(func: RuleFunc) -> Rule:
        return Rule(
            code=code,
            name=name,
            summary=summary,
            why=why,
            severity=severity,
            func=func,
            reads_findings=reads_findings,
            guide=guide,
            modality=modality,
            severity_reason=severity_reason,
        )

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

    def stamped(self, plugin: str) -> RuleSet:
        """The same rules, each attributed to ``plugin``."""
        return RuleSet(r if r.plugin == plugin else attrs.evolve(r, plugin=plugin) for r in self)

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
        #: Findings of the rules run so far; set before rules with ``reads_findings`` run.
        self.findings: tuple[Finding, ...] = ()
        self._where = [f"interventions[{i}]" for i in range(len(plan.interventions))]
        self._targets_known: dict[str, bool] = {}
        self._suggestions_left = _SUGGESTIONS_PER_RUN
        self._indicators: dict[str, Indicator | None] = {}

    def interventions(self) -> Iterator[tuple[str, Intervention]]:
        """Each intervention with its location prefix, ``interventions[i]``."""
        return zip(self._where, self.plan.interventions, strict=True)

    def where(self, index: int) -> str:
        """The location prefix of the intervention at ``index``."""
        return self._where[index]

    def did_you_mean(self, value: str, pool: Collection[str]) -> str:
        """:func:`did_you_mean` within a budget of look-ups per run: a plan with thousands
        of broken references gets suggestions for the first ones and stays fast."""
        if self._suggestions_left <= 0:
            return ""
        self._suggestions_left -= 1
        return did_you_mean(value, pool)

    def known_target(self, code: str) -> bool:
        """Whether ``code`` is a target of the SDG catalogue (looked up once per code)."""
        found = self._targets_known.get(code)
        if found is None:
            found = self._targets_known[code] = self.catalogue.has_target(code)
        return found

    def indicator(self, code: str) -> Indicator | None:
        """The catalogue's SDG indicator ``code`` (legacy codes too), or ``None`` if it has
        none (looked up once per code)."""
        if code not in self._indicators:
            cat = self.catalogue
            self._indicators[code] = cat.indicator(code) if cat.has_indicator(code) else None
        return self._indicators[code]

    @functools.cached_property
    def interventions_by_target(self) -> Mapping[str, tuple[int, ...]]:
        """For each SDG target, the indexes of the interventions serving it, in plan order."""
        found: dict[str, list[int]] = {}
        for i, iv in enumerate(self.plan.interventions):
            for t in dict.fromkeys(iv.targets):
                found.setdefault(t, []).append(i)
        return {t: tuple(ix) for t, ix in found.items()}

    @functools.cached_property
    def interventions_by_actor(self) -> Mapping[str, tuple[int, ...]]:
        """For each actor id, the indexes of the interventions giving it a role."""
        found: dict[str, list[int]] = {}
        for i, iv in enumerate(self.plan.interventions):
            for a in dict.fromkeys(r.actor for r in iv.roles):
                found.setdefault(a, []).append(i)
        return {a: tuple(ix) for a, ix in found.items()}

    @staticmethod
    def lead_actor(iv: Intervention) -> str | None:
        """The actor leading ``iv``: the lead of the implementation stage, else the first
        lead of any stage, else ``None``."""
        first: str | None = None
        for r in iv.roles:
            if r.role is RoleKind.LEAD:
                if r.stage is Stage.IMPLEMENTATION:
                    return r.actor
                if first is None:
                    first = r.actor
        return first


@attrs.frozen(kw_only=True)
class RuleFailure:
    """A rule that failed while checking a plan, and was skipped."""

    code: str
    rule: str
    plugin: str
    reason: str

    def __str__(self) -> str:
        return (
            f"check {self.code} ({self.rule}) of plugin {self.plugin!r} failed and was "
            f"skipped: {self.reason}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "rule": self.rule, "plugin": self.plugin, "reason": self.reason}


@attrs.frozen(kw_only=True)
class Report:
    """The findings of one run of the checks, ordered by severity, then location.

    ``failures`` lists the rules that failed and were skipped: their findings are
    missing, so a report with failures is incomplete.
    """

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...] = ()
    failures: tuple[RuleFailure, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error (the plan cannot be adopted while any remain)."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error (``migsdg check`` then exits 1)."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def codes(self) -> set[str]:
        """The rule codes that produced at least one finding."""
        return {f.code for f in self.findings}

    def counts(self) -> dict[str, int]:
        """Number of findings per severity value (``error``, ``warning``, ``info``)."""
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
            "failures": [f.to_dict() for f in self.failures],
        }


def run_checks(
    plan: ActionPlan,
    rules: Iterable[Rule],
    *,
    today: _dt.date | None = None,
) -> Report:
    """Run ``rules`` over ``plan`` and collect their findings into a :class:`Report`.

    A rule that raises, or yields something other than a well-formed :class:`Hit`, is a bug
    in that rule (or its plugin): it is skipped and listed in :attr:`Report.failures` with
    its code and plugin, and the other rules' findings still come. Only a real Ctrl-C from
    the user stops the run.
    """
    ctx = CheckContext(plan, today=today)
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    ran: list[str] = []
    rules = list(rules)
    # Rules about the findings as a whole run last, once, over the others' findings.
    first = [r for r in rules if not r.reads_findings]
    last = [r for r in rules if r.reads_findings]
    with plugin_code():
        for r in first:
            ran.append(r.code)
            _run_rule(r, ctx, findings, failures)
        if last:
            ctx.findings = tuple(findings)
            for r in last:
                ran.append(r.code)
                _run_rule(r, ctx, findings, failures)
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], location_key(f.location), f.code))
    return Report(findings=tuple(findings), rules_run=tuple(ran), failures=tuple(failures))


def _run_rule(
    r: Rule, ctx: CheckContext, findings: list[Finding], failures: list[RuleFailure]
) -> None:
    """Add ``r``'s findings to ``findings``, or (if it fails) a failure to ``failures``."""
    mine: list[Finding] = []
    try:
        for hit in r.func(ctx):
            if not isinstance(hit, Hit):
                raise MigsdgError(f"yielded a {type(hit).__name__}, not a Hit: {hit!r:.80}")
            mine.append(
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
    except BaseException as exc:
        if not contain(exc):
            raise
        failures.append(
            RuleFailure(code=r.code, rule=r.name, plugin=r.plugin, reason=describe(exc))
        )
        return
    findings.extend(mine)


def did_you_mean(value: str, pool: Collection[str]) -> str:
    """`` (did you mean 'x'?)`` naming the closest of ``pool`` to ``value``, or ``""``.

    Suggestions are only looked for among up to a few hundred candidates, so a plan with
    thousands of broken references is still checked in linear time.
    """
    if len(pool) > _SUGGEST_MAX:
        return ""
    near = difflib.get_close_matches(value, list(pool), n=1, cutoff=0.6)
    return msg(" (did you mean {near!r}?)", near=near[0]) if near else ""
