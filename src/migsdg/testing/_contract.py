"""The plugin contract: what every migsdg plugin must satisfy, checked in one call.

A plugin keeps the contract when

* it registers without failures (its templates pass validation, its ids and check-code
  prefix are its own, its funds are typed, no hook raises);
* each of its templates instantiates into an intervention that survives the round trip
  through the plan file format, and that, added to a sample plan with
  :meth:`~migsdg.templates.InterventionTemplate.add_to`, has no error findings beyond
  those a template cannot avoid: dates, amounts, and actors the plan has yet to bind
  (:func:`expected_template_errors`) — once actors and dates are supplied, only the
  amounts remain;
* its checks share one code prefix of its own, say why they exist, and run without
  raising on every sample plan (:func:`~migsdg.testing.sample_plans`), naming only
  interventions that exist;
* its funding sources are named and typed by one of the guide's four categories;
* each of its exporters writes a non-empty file, found by its own suffix, and leaves
  nothing else behind.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from migsdg.checks import Finding, Report, Rule, run_checks
from migsdg.errors import MigsdgError, PlanLoadError, PluginError
from migsdg.exporters import Exporter, find_exporter
from migsdg.model import ActionPlan, Actor, Intervention
from migsdg.plugins import PluginHost
from migsdg.templates import InterventionTemplate
from migsdg.testing._hosts import load_installed_plugin, make_host, plugin_name
from migsdg.testing._plans import minimal_plan, round_trip, sample_plan, sample_plans

__all__ = [
    "ContractProblem",
    "ContractReport",
    "assert_plugin_contract",
    "check_plugin_contract",
    "expected_template_errors",
    "intervention_errors",
]

_PREFIX = re.compile(r"^[A-Z]+")
_DEFAULT_DATES = (_dt.date(2026, 1, 1), _dt.date(2028, 12, 31))


# -- what a template cannot know -------------------------------------------------------------


def expected_template_errors(
    plan: ActionPlan, intervention: Intervention
) -> frozenset[tuple[str, str]]:
    """The error findings an intervention fresh from a template may have in ``plan``, as
    ``(code, location within the intervention)`` pairs: what a template cannot know.

    That is a start or end date not given (AP104), no costed resources or funding
    (AP107), and each role or monitoring entry referring to an actor slot that ``plan`` has
    no actor for (AP501). (A supporting activity without a cost is a warning, AP401: the
    guide says supporting activities "should" be budgeted.)
    """
    known = {a.id for a in plan.actors}
    out: set[tuple[str, str]] = set()
    if not intervention.resources:
        out.add(("AP107", "resources"))
    if not intervention.funding:
        out.add(("AP107", "funding"))
    for end in ("start", "end"):
        if getattr(intervention.timeframe, end) is None:
            out.add(("AP104", f"timeframe.{end}"))
    out |= {
        ("AP501", f"roles[{k}].actor")
        for k, role in enumerate(intervention.roles)
        if role.actor not in known
    }
    out |= {
        ("AP501", f"monitoring[{k}].responsible")
        for k, entry in enumerate(intervention.monitoring)
        if entry.responsible is not None and entry.responsible not in known
    }
    return frozenset(out)


def _own_errors(report: Report, plan: ActionPlan, intervention_id: str) -> list[Finding]:
    index = next(i for i, iv in enumerate(plan.interventions) if iv.id == intervention_id)
    prefix = f"interventions[{index}]."
    return [
        f
        for f in report.errors
        if f.intervention == intervention_id or f.location.startswith(prefix)
    ]


def _relative(finding: Finding) -> str:
    return finding.location.split(".", 1)[1] if "." in finding.location else finding.location


def intervention_errors(
    plan: ActionPlan, intervention_id: str, *, report: Report | None = None
) -> set[tuple[str, str]]:
    """The error findings about one intervention, as ``(code, location within the
    intervention)`` pairs — comparable with :func:`expected_template_errors`.

    ``report`` is the checks' report on ``plan``; by default ``migsdg.check(plan)`` is
    run with the process-wide plugin host.
    """
    if report is None:
        from migsdg.api import check

        report = check(plan)
    return {(f.code, _relative(f)) for f in _own_errors(report, plan, intervention_id)}


# -- the report ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ContractProblem:
    """One way a plugin breaks the contract: what is concerned, and what is wrong."""

    subject: str  # "plugin", "template labour.x", "check LAB101", "exporter x", ...
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


@attrs.frozen(kw_only=True)
class ContractReport:
    """The outcome of :func:`check_plugin_contract`."""

    plugin: str
    problems: tuple[ContractProblem, ...] = ()
    #: How many objects of each kind the plugin registered (as ``migsdg plugins`` counts).
    registered: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)

    @property
    def ok(self) -> bool:
        """Whether the plugin met the contract (no problem found)."""
        return not self.problems

    def __str__(self) -> str:
        counts = ", ".join(
            f"{n} {kind.replace('_', ' ')[: -1 if n == 1 else None]}"
            for kind, n in self.registered.items()
        )
        if self.ok:
            return f"plugin {self.plugin!r} keeps the migsdg plugin contract ({counts})"
        lines = [
            f"plugin {self.plugin!r} breaks the migsdg plugin contract "
            f"({len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}):"
        ]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


# -- the contract --------------------------------------------------------------------------------


class _Failed(enum.Enum):
    FAILED = "failed"


FAILED = _Failed.FAILED
T = TypeVar("T")


class _Collector:
    """Problems in the order found; the same problem met in several places (plans, ways
    of adding a template) is reported once, naming each place."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], list[str]] = {}

    def add(self, subject: str, message: str, where: str | None = None) -> None:
        places = self._found.setdefault((subject, message), [])
        if where is not None and where not in places:
            places.append(where)

    def guard(
        self, subject: str, action: str, func: Callable[[], T], where: str | None = None
    ) -> T | _Failed:
        """``func()``, or :data:`FAILED` with a problem recorded if it raises."""
        try:
            return func()
        except PlanLoadError as exc:
            details = "; ".join(f"{p.location}: {p.message}" for p in exc.problems)
            self.add(subject, f"{action} failed: {details or exc}", where)
        except PluginError as exc:
            self.add(subject, f"{action} failed: {exc.reason}", where)
        except Exception as exc:
            self.add(subject, f"{action} raised {type(exc).__name__}: {exc}", where)
        return FAILED

    @property
    def empty(self) -> bool:
        return not self._found

    def problems(self) -> tuple[ContractProblem, ...]:
        return tuple(
            ContractProblem(
                subject=subject,
                message=message + (f" [{'; '.join(places)}]" if places else ""),
            )
            for (subject, message), places in self._found.items()
        )


def check_plugin_contract(
    plugin: object,
    *,
    name: str | None = None,
    plan: ActionPlan | None = None,
    prefix: str | None = None,
    installed: bool = False,
) -> ContractReport:
    """Check that ``plugin`` keeps the plugin contract (see the module docstring) and
    report every problem found, rather than stopping at the first.

    :param plugin: the module (or object) with the hook implementations, or the name of
        an installed plugin.
    :param name: the plugin's name (default: its entry-point name if installed, else the
        last part of its module name); templates and rules are stamped with it.
    :param plan: the plan templates are added to (default: the national example); its
        rules are also run on it.
    :param prefix: the check-code prefix the plugin must use (default: whichever prefix
        its first check uses, the same for all).
    :param installed: load the installed plugins too, so that clashes with them show.
    :raises UnknownCodeError: ``plugin`` names no installed plugin.
    """
    if isinstance(plugin, str):
        name = name or plugin
        plugin = load_installed_plugin(plugin)
    name = name or plugin_name(plugin)
    out = _Collector()
    try:
        host = make_host({name: plugin}, installed=installed)
    except PluginError as exc:
        out.add("plugin", f"cannot be registered: {exc.reason}")
        return ContractReport(plugin=name, problems=out.problems())
    host.load_all()
    for failure in host.failures:
        if failure.plugin == name:
            out.add("plugin", f"refused in {failure.stage}: {failure.reason}")
        elif f"plugin {name!r}" in failure.reason:  # it came first and took the identifier
            out.add(
                "plugin",
                f"clashes with plugin {failure.plugin!r}, refused in {failure.stage}: "
                f"{failure.reason}",
            )
    registered = host.registered_by(name)
    if not host.pm.get_hookcallers(host.pm.get_plugin(name)):
        out.add("plugin", "implements no migsdg hook (see docs/plugins.md, 'Hooks')")
    elif not any(registered.values()) and out.empty:
        out.add("plugin", "registers nothing: no hook it implements registered an object")

    sample = plan if plan is not None else sample_plan("national")
    label = "the given plan" if plan is not None else "the national example"
    rules = list(host.checks())
    plans = {_label(k): v for k, v in sample_plans().items()}
    if plan is not None:
        plans[label] = plan
    for t in host.templates().values():
        if t.plugin == name:
            plans.update(_check_template(t, sample, label, rules, out))
    _check_rules([r for r in rules if r.plugin == name], plans, prefix, out)
    _check_funds(host, name, out)
    _check_exporters(host, name, {label: sample, "the minimal plan": minimal_plan()}, out)
    _check_sections(host, name, plans, out)
    return ContractReport(plugin=name, problems=out.problems(), registered=registered)


def _label(sample: str) -> str:
    return f"the {sample} {'example' if sample in ('national', 'provincial') else 'plan'}"


def assert_plugin_contract(plugin: object, **options: Any) -> ContractReport:
    """:func:`check_plugin_contract`, raising :class:`AssertionError` that lists every
    problem if the plugin breaks the contract; returns the report otherwise.

    ``options`` are those of :func:`check_plugin_contract`.
    """
    report = check_plugin_contract(plugin, **options)
    if not report.ok:
        raise AssertionError(str(report))
    return report


def _free_id(plan: ActionPlan, base: str) -> str:
    taken = {iv.id for iv in plan.interventions}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _dates(plan: ActionPlan) -> tuple[_dt.date, _dt.date]:
    start, end = plan.period.start, plan.period.end
    if start is not None and end is not None and start <= end:
        return start, end
    return _DEFAULT_DATES


def _check_template(
    t: InterventionTemplate,
    sample: ActionPlan,
    label: str,
    rules: list[Rule],
    out: _Collector,
) -> dict[str, ActionPlan]:
    """Add ``t`` to ``sample`` as it comes, then with actors and dates; judge both, and
    return the plans made (the plugin's rules run on them too)."""
    subject = f"template {t.id}"
    made: dict[str, ActionPlan] = {}
    iv_id = _free_id(sample, t.default_id)
    as_is = f"added to {label} as it comes"
    plan = out.guard(subject, f"add_to {label}", lambda: t.add_to(sample, id=iv_id))
    if plan is FAILED:
        return made
    made[f"{label} with {t.id}"] = plan
    iv = plan.interventions[-1]
    alone = ActionPlan(id=sample.id, currency=sample.currency, interventions=(iv,))
    reloaded = out.guard(subject, "reading its intervention back", lambda: round_trip(alone))
    if reloaded is not FAILED and reloaded.interventions[0] != iv:
        changed = [
            f.name
            for f in attrs.fields(Intervention)
            if getattr(reloaded.interventions[0], f.name) != getattr(iv, f.name)
        ]
        out.add(subject, f"its intervention reads back changed ({', '.join(changed)})")
    _judge(subject, as_is, plan, iv, rules, out)

    # Bound and dated: an actor for every slot the plan lacks, the plan's own period.
    known = {a.id for a in sample.actors}
    slots = {a.slot: a.description for a in t.actors if a.slot not in known}
    staffed = attrs.evolve(
        sample, actors=(*sample.actors, *(Actor(id=s, name=d) for s, d in slots.items()))
    )
    start, end = _dates(sample)
    bound_as = f"added to {label} with actors and dates"
    bound = out.guard(
        subject,
        f"add_to {label} with actors and dates",
        lambda: t.add_to(staffed, id=iv_id, start=start, end=end),
    )
    if bound is not FAILED:
        made[f"{label} with {t.id}, actors and dates"] = bound
        _judge(subject, bound_as, bound, bound.interventions[-1], rules, out)
    return made


def _judge(
    subject: str,
    how: str,
    plan: ActionPlan,
    iv: Intervention,
    rules: list[Rule],
    out: _Collector,
) -> None:
    report = out.guard(subject, "checking the plan", lambda: _run_strictly(plan, rules), how)
    if report is FAILED:
        return
    allowed = expected_template_errors(plan, iv)
    for f in _own_errors(report, plan, iv.id):
        location = _relative(f)
        if (f.code, location) not in allowed:
            message = f.message.replace(f"intervention {iv.id!r}", "the intervention")
            out.add(
                subject,
                f"error {f.code} at {location}, which a template should avoid: {message}",
                how,
            )


def _prefix(code: str) -> str:
    match = _PREFIX.match(code)
    return match.group(0) if match else code


def _check_rules(
    rules: list[Rule], plans: Mapping[str, ActionPlan], prefix: str | None, out: _Collector
) -> None:
    prefixes = sorted({_prefix(r.code) for r in rules})
    if prefix is not None:
        for r in rules:
            if _prefix(r.code) != prefix:
                out.add(f"check {r.code}", f"its code does not start with the prefix {prefix}")
    elif len(prefixes) > 1:
        out.add(
            "plugin",
            f"its check codes use several prefixes ({', '.join(prefixes)}); a plugin has one "
            "prefix of its own",
        )
    for r in rules:
        subject = f"check {r.code}"
        for field in ("name", "summary", "why"):
            if not getattr(r, field).strip():
                out.add(subject, f"its {field} is empty")
        for label, plan in plans.items():
            report = out.guard(subject, "running", _runner(plan, r), f"on {label}")
            if report is not FAILED:
                _check_findings(subject, f"on {label}", plan, report.findings, out)


def _run_strictly(plan: ActionPlan, rules: list[Rule]) -> Report:
    """The report of ``rules`` on ``plan``; a rule that failed raises :class:`PluginError`
    (the runner itself skips it and goes on)."""
    report = run_checks(plan, rules)
    if report.failures:
        first = report.failures[0]
        raise PluginError(
            first.plugin,
            "; ".join(f"check {f.code} ({f.rule}) failed: {f.reason}" for f in report.failures),
        )
    return report


def _runner(plan: ActionPlan, rule: Rule) -> Callable[[], Report]:
    return lambda: _run_strictly(plan, [rule])


def _check_findings(
    subject: str, where: str, plan: ActionPlan, findings: Iterable[Finding], out: _Collector
) -> None:
    ids = {iv.id for iv in plan.interventions}
    for f in findings:
        if not f.message.strip() or not f.location.strip():
            out.add(subject, "a finding has no location or no message", where)
        if f.intervention is not None and f.intervention not in ids:
            out.add(
                subject,
                f"a finding names intervention {f.intervention!r}, which the plan lacks",
                where,
            )


def _check_funds(host: PluginHost, name: str, out: _Collector) -> None:
    hook = "migsdg_register_funding_sources"
    for key, source in host.funding_sources().items():
        if host.owner(hook, key) == name and (source.category is None or not source.name.strip()):
            out.add(f"funding source {key}", "needs a name and one of the four categories")


def _check_sections(
    host: PluginHost, name: str, plans: Mapping[str, ActionPlan], out: _Collector
) -> None:
    """Each of the plugin's sections builds on every sample plan in every language the
    tool speaks, returns presentation-model blocks, and has every text it shows
    translated (in its own ``translations`` or in migsdg's catalogues)."""
    from migsdg.i18n import SOURCE_LANGUAGE, languages, translator
    from migsdg.sections import build_section

    for section in host.sections().values():
        if section.plugin != name:
            continue
        subject = f"section {section.id}"
        for language in languages():
            tr = translator(language)
            asked: set[str] = set()
            for label, plan in plans.items():
                where = f"building it for {label} in {language}"
                try:
                    concerned = (
                        section.concerned(plan) if section.placement == "intervention" else ()
                    )
                    targets = concerned or (None,)
                    for iv in targets:
                        build_section(section, plan, tr, iv, asked=asked)
                except Exception as exc:  # the plugin's code: report, go on
                    out.add(subject, f"{type(exc).__name__}: {exc}", where)
            if language == SOURCE_LANGUAGE:
                continue
            own = section.translations.get(language, {})
            missing = sorted(m for m in asked | {section.title} if m not in own and not tr.has(m))
            for message in missing:
                out.add(subject, f"no {language} translation of {message!r}")


def _check_exporters(
    host: PluginHost, name: str, plans: Mapping[str, ActionPlan], out: _Collector
) -> None:
    exporters = host.exporters()
    for exporter in exporters.values():
        if exporter.plugin == name:
            for label, plan in plans.items():
                _export_once(exporter, exporters, label, plan, out)


def _export_once(
    exporter: Exporter,
    exporters: Mapping[str, Exporter],
    label: str,
    plan: ActionPlan,
    out: _Collector,
) -> None:
    subject = f"exporter {exporter.name}"
    where = f"writing {label}"
    suffix = exporter.suffixes[0] if exporter.suffixes else ".out"
    with tempfile.TemporaryDirectory(prefix="migsdg-contract-") as tmp:
        path = Path(tmp) / f"plan{suffix}"
        if exporter.suffixes:
            try:
                chosen = find_exporter(exporters, path).name
            except MigsdgError as exc:
                chosen = str(exc)
            if chosen != exporter.name:
                out.add(subject, f"its suffix {suffix} does not select it ({chosen})")
        written = out.guard(subject, "writing", lambda: exporter.write(plan, path), where)
        left = sorted(p.name for p in Path(tmp).iterdir() if p != path)
        if written is not FAILED:
            if not path.exists():
                out.add(subject, f"writing made no {path.name}", where)
            elif path.is_file() and path.stat().st_size == 0:
                out.add(subject, f"writing made an empty {path.name}", where)
            elif path.is_dir() and not any(path.iterdir()):
                out.add(subject, f"writing made an empty folder {path.name}", where)
        if left:
            out.add(
                subject,
                f"writing left other files behind ({', '.join(left)}); write only to the "
                "path given (migsdg puts it in place of the target)",
                where,
            )
