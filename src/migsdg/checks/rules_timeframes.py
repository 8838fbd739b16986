"""AP3xx — timeframes, the plan period and interim targets.

The guide asks for a timeframe per intervention and adds, under the criteria: "Where
interim targets have been set, timeframes of activities and expected results must reflect
how to achieve them." These rules check that dates are coherent, that interventions fit
the plan period and the 2030 horizon, and that every interim target has something due by
its date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.model import (
    IndicatorKind,
    InterimTarget,
    Intervention,
    Measure,
    Milestone,
    MonitoringEntry,
)

__all__ = ["RULES"]

AGENDA_END = _dt.date(2030, 12, 31)
_INTERIM_NOTE = (
    "The guide's note to the Action Plan Criteria: \"Where interim targets have been set, "
    'timeframes of activities and expected results must reflect how to achieve them."'
)


@rule(
    "AP301",
    "timeframe-order",
    severity=Severity.ERROR,
    summary="An intervention's timeframe starts before it ends.",
    why="A timeframe is one of the guide's criteria for every intervention; one that ends "
    "before it starts cannot be planned, funded or monitored.",
    severity_reason=(
        "Beyond the guide: a timeframe that ends before it starts is "
        "inconsistent data, so an error."
    ),
)
def _order(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        tf = iv.timeframe
        if tf.start is not None and tf.end is not None and tf.end < tf.start:
            yield Hit(
                location=f"{where}.timeframe.end",
                message=f"intervention {iv.id!r} ends ({tf.end}) before it starts ({tf.start})",
                hint="Correct the start or end date.",
                intervention=iv.id,
            )


@rule(
    "AP302",
    "dates-in-timeframe",
    severity=Severity.WARNING,
    summary="Milestones are dated and fall inside their intervention's timeframe; outputs "
    "are not due outside it.",
    why="Milestones and output dates show how the timeframe will be used; a date outside "
    "the intervention's own start and end means one of them is wrong.",
    severity_reason=(
        "Beyond the guide: dates outside their intervention's timeframe are "
        "probably mistakes, but a report or a closing output can fall just "
        "after the end, so a warning."
    ),
)
def _inside(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        tf = iv.timeframe
        for k, ms in enumerate(tf.milestones):
            if ms.date is None:
                yield Hit(
                    location=f"{where}.timeframe.milestones[{k}].date",
                    message=f"{_milestone(ms, k)} of intervention {iv.id!r} has no date",
                    hint="Give the milestone a date (YYYY-MM-DD).",
                    intervention=iv.id,
                )
            elif (side := _outside(ms.date, tf.start, tf.end)) is not None:
                yield Hit(
                    location=f"{where}.timeframe.milestones[{k}].date",
                    message=f"{_milestone(ms, k)} of intervention {iv.id!r} ({ms.date}) falls "
                    f"{side}",
                    hint="Move the milestone inside the timeframe or extend the timeframe.",
                    intervention=iv.id,
                )
        for k, out in enumerate(iv.outputs):
            if out.due is not None and (side := _outside(out.due, tf.start, tf.end)):
                yield Hit(
                    location=f"{where}.outputs[{k}].due",
                    message=f"output {_short(out.description)!r} of intervention {iv.id!r} is "
                    f"due {out.due}, {side}",
                    hint="Correct the output's due date or the intervention's timeframe.",
                    intervention=iv.id,
                )


def _milestone(ms: Milestone, k: int) -> str:
    return f"milestone {ms.description!r}" if ms.description else f"milestone {k + 1}"


def _outside(day: _dt.date, start: _dt.date | None, end: _dt.date | None) -> str | None:
    if start is not None and day < start:
        return f"before the intervention starts ({start})"
    if end is not None and day > end:
        return f"after the intervention ends ({end})"
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@rule(
    "AP303",
    "beyond-2030",
    severity=Severity.INFO,
    summary="Interventions (and the plan period) ending after 2030 are pointed out.",
    why="The plan serves the 2030 Agenda: the guide speaks of designing and adding "
    'interventions "before 2030". Work continuing past 2030 is possible, but its results '
    "after that date will not count towards the SDG targets as now set.",
    severity_reason=(
        "Beyond the guide: the 2030 Agenda ends in 2030; a plan may rightly run past it, so a note."
    ),
)
def _beyond(ctx: CheckContext) -> Iterator[Hit]:
    end = ctx.plan.period.end
    if end is not None and end > AGENDA_END:
        yield Hit(
            location="period.end",
            message=f"the plan period ends after 2030 ({end})",
            hint="Say in the plan how results after 2030 will be reported, or end the "
            "period in 2030.",
        )
    for where, iv in ctx.interventions():
        end = iv.timeframe.end
        if end is not None and end > AGENDA_END:
            yield Hit(
                location=f"{where}.timeframe.end",
                message=f"intervention {iv.id!r} ends after 2030 ({end})",
                hint="Check that the results the SDG targets need are due by 2030, for "
                "example with a milestone or an output dated 2030 or earlier.",
                intervention=iv.id,
            )


@rule(
    "AP304",
    "plan-period",
    severity=Severity.WARNING,
    summary="The plan states its period, and the period starts before it ends.",
    why="The plan period frames every timeframe and the review before adoption, which "
    'covers "actions required, timeframes, stakeholder involvement, budget".',
    severity_reason=(
        "Beyond the guide: the plan's period frames its interventions; a "
        "missing period is a warning, a period that ends before it starts "
        "inconsistent data (an error)."
    ),
)
def _period(ctx: CheckContext) -> Iterator[Hit]:
    p = ctx.plan.period
    for end in ("start", "end"):
        if getattr(p, end) is None:
            yield Hit(
                location=f"period.{end}",
                message=f"the plan period has no {end} date",
                hint=f"Set period.{end} (YYYY-MM-DD).",
            )
    if p.start is not None and p.end is not None and p.end < p.start:
        yield Hit(
            location="period.end",
            message=f"the plan period ends ({p.end}) before it starts ({p.start})",
            hint="Correct the start or end of the plan period.",
            severity=Severity.ERROR,
        )


@rule(
    "AP305",
    "within-plan-period",
    severity=Severity.WARNING,
    summary="Interventions start and end within the plan period.",
    why="Interventions outside the plan period are not covered by its adoption, budget or reviews.",
    severity_reason=(
        "Beyond the guide: an intervention may start before the plan (an "
        "ongoing programme brought into it) or end after it, so a warning."
    ),
)
def _within(ctx: CheckContext) -> Iterator[Hit]:
    p = ctx.plan.period
    if p.start is None and p.end is None:
        return
    for where, iv in ctx.interventions():
        tf = iv.timeframe
        if p.start is not None and tf.start is not None and tf.start < p.start:
            yield Hit(
                location=f"{where}.timeframe.start",
                message=f"intervention {iv.id!r} starts ({tf.start}) before the plan period "
                f"({p.start})",
                hint="Start the intervention within the plan period, or widen the period.",
                intervention=iv.id,
            )
        if p.end is not None and tf.end is not None and tf.end > p.end:
            yield Hit(
                location=f"{where}.timeframe.end",
                message=f"intervention {iv.id!r} ends ({tf.end}) after the plan period ({p.end})",
                hint="End the intervention within the plan period, or widen the period.",
                intervention=iv.id,
            )


def _first_result(iv: Intervention) -> _dt.date | None:
    """The earliest date by which ``iv`` delivers something: its end, a milestone or an
    output due date."""
    first = iv.timeframe.end
    for m in iv.timeframe.milestones:
        if m.date is not None and (first is None or m.date < first):
            first = m.date
    for o in iv.outputs:
        if o.due is not None and (first is None or o.due < first):
            first = o.due
    return first


@rule(
    "AP306",
    "interim-target-timeframes",
    severity=Severity.ERROR,
    summary="Every dated interim target has something due by its date: an output tied to "
    "it, or a milestone, output or end of an intervention serving its SDG target; and the "
    "values an intervention plans for the target's indicator, from the interim target's "
    "year on, are at least as far along as the interim target (lower on a falling "
    "indicator, higher on a rising one).",
    why=_INTERIM_NOTE,
    guide=G.INTERIM_MUST,
    modality=Modality.MUST,
)
def _interim(ctx: CheckContext) -> Iterator[Hit]:
    interim = {it.id: it for it in ctx.plan.interim_targets}
    # Earliest dated result per SDG target, and earliest tied output per interim target.
    by_target: dict[str, _dt.date] = {}
    tied: dict[str, _dt.date] = {}
    for where, iv in ctx.interventions():
        first = _first_result(iv)
        if first is not None:
            for t in iv.targets:
                if t not in by_target or first < by_target[t]:
                    by_target[t] = first
        for k, out in enumerate(iv.outputs):
            for itid in out.interim_targets:
                it = interim.get(itid)
                if it is None or it.due is None:
                    continue  # AP308 and AP307 report these
                if out.due is None:
                    yield Hit(
                        location=f"{where}.outputs[{k}].due",
                        message=f"output {_short(out.description)!r} of intervention "
                        f"{iv.id!r} delivers interim target {itid!r} (due {it.due}) but has "
                        "no due date",
                        hint=f"Give the output a due date on or before {it.due}.",
                        intervention=iv.id,
                    )
                elif out.due > it.due:
                    yield Hit(
                        location=f"{where}.outputs[{k}].due",
                        message=f"output {_short(out.description)!r} of intervention "
                        f"{iv.id!r} is due {out.due}, after the interim target {itid!r} it "
                        f"delivers ({it.due})",
                        hint=f"Bring the output forward to {it.due} or earlier, or revise the "
                        "interim target's date.",
                        intervention=iv.id,
                    )
                elif itid not in tied or out.due < tied[itid]:
                    tied[itid] = out.due
    for i, it in enumerate(ctx.plan.interim_targets):
        if it.due is None:
            continue
        if it.id in tied or by_target.get(it.target, _dt.date.max) <= it.due:
            continue
        yield _not_reflected(ctx, i, it)
    yield from _contradicting_values(ctx)


def _direction(entry: MonitoringEntry, goal: Decimal) -> int:
    """+1 for an indicator the plan means to raise, -1 for one it means to lower, 0 when
    unknown: from the baseline to the final target, else to the interim target's value."""
    base = entry.baseline.value if entry.baseline is not None else None
    if base is None:
        return 0
    final = entry.target.value if entry.target is not None else None
    end = final if final is not None and final != base else goal
    return (end > base) - (end < base)


def _contradicting_values(ctx: CheckContext) -> Iterator[Hit]:
    """Planned values of an indicator that fall short of an interim target set on it."""
    by_indicator: dict[str, list[tuple[int, InterimTarget]]] = {}
    for i, it in enumerate(ctx.plan.interim_targets):
        if it.indicator and it.value is not None and it.due is not None:
            by_indicator.setdefault(it.indicator, []).append((i, it))
    if not by_indicator:
        return
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or not ref.code or ref.code not in by_indicator:
                continue
            planned: list[tuple[str, Measure]] = [
                (f"{where}.monitoring[{j}].interim[{k}].value", m)
                for k, m in enumerate(entry.interim)
            ]
            if entry.target is not None:
                planned.append((f"{where}.monitoring[{j}].target.value", entry.target))
            for _, it in by_indicator[ref.code]:
                assert it.value is not None and it.due is not None
                sign = _direction(entry, it.value)
                if not sign:
                    continue
                for loc, m in planned:
                    if m.value is None or m.year is None or m.year < it.due.year:
                        continue
                    if (m.value - it.value) * sign >= 0:
                        continue
                    short = "above" if sign < 0 else "below"
                    yield Hit(
                        location=loc,
                        message=f"indicator {ref.code} of intervention {iv.id!r} plans "
                        f"{m.value} for {m.year}, {short} the interim target {it.id!r} "
                        f"({it.value} by {it.due}) on an indicator the plan means to "
                        f"{'lower' if sign < 0 else 'raise'}",
                        hint=f"The plan means to reach {it.value} by {it.due}, so the values "
                        "it plans for later years should be at or beyond it: revise the planned "
                        "value, or the interim target if it is no longer realistic.",
                        intervention=iv.id,
                    )


def _not_reflected(ctx: CheckContext, i: int, it: InterimTarget) -> Hit:
    serving = ctx.interventions_by_target.get(it.target, ())
    head = f"interim target {it.id!r} (target {it.target}, due {it.due}) is not reflected in "
    if serving:
        ids = ", ".join(repr(ctx.plan.interventions[x].id) for x in serving[:3])
        more = f" and {len(serving) - 3} more" if len(serving) > 3 else ""
        message = (
            head + f"any timeframe: none of the interventions serving {it.target} ({ids}{more}) "
            "has a milestone, an output or an end date by then"
        )
    else:
        message = head + f"any timeframe: no intervention serves {it.target}"
    return Hit(
        location=f"interim_targets[{i}].due",
        message=message,
        hint=f"Add a milestone or an output due by {it.due} to an intervention serving "
        f"{it.target} (tie the output to {it.id!r} in its interim_targets), or revise the "
        "interim target's date.",
    )


@rule(
    "AP307",
    "interim-target-defined",
    severity=Severity.WARNING,
    summary="Every interim target has a value, a due date and an SDG target the plan prioritizes.",
    why="An interim target is a value to reach by a date on the way to a prioritized "
    "target; without its value or date, timeframes cannot be checked against it. " + _INTERIM_NOTE,
    guide=G.INTERIM_SHOULD,
    modality=Modality.SHOULD,
)
def _interim_defined(ctx: CheckContext) -> Iterator[Hit]:
    prioritized = set(ctx.plan.targets)
    for i, it in enumerate(ctx.plan.interim_targets):
        where = f"interim_targets[{i}]"
        if it.due is None:
            yield Hit(
                location=f"{where}.due",
                message=f"interim target {it.id!r} has no due date",
                hint="Set the date by which the value is to be reached (YYYY-MM-DD).",
            )
        if it.value is None:
            yield Hit(
                location=f"{where}.value",
                message=f"interim target {it.id!r} has no value",
                hint="Set the value to reach (and its unit).",
            )
        if prioritized and it.target not in prioritized:
            yield Hit(
                location=f"{where}.target",
                message=f"interim target {it.id!r} is set for target {it.target}, which none "
                "of the plan's objectives addresses",
                hint=f"Add {it.target} to an objective, or correct the interim target's SDG "
                "target.",
            )


@rule(
    "AP308",
    "unknown-interim-target",
    severity=Severity.ERROR,
    summary="Outputs refer only to interim targets the plan defines.",
    why="Outputs are tied to interim targets by id so that the plan can show how each "
    "interim target will be met. " + _INTERIM_NOTE,
    severity_reason=(
        "Beyond the guide: an output tied to an interim target the plan does "
        "not define ties it to nothing; the plan is inconsistent, so an error."
    ),
)
def _unknown_interim(ctx: CheckContext) -> Iterator[Hit]:
    known = {it.id for it in ctx.plan.interim_targets}
    for where, iv in ctx.interventions():
        for k, out in enumerate(iv.outputs):
            for m, itid in enumerate(out.interim_targets):
                if itid not in known:
                    yield Hit(
                        location=f"{where}.outputs[{k}].interim_targets[{m}]",
                        message=f"an output of intervention {iv.id!r} refers to interim "
                        f"target {itid!r}, which the plan does not define"
                        + ctx.did_you_mean(itid, known),
                        hint="Use the id of one of the plan's interim_targets, or add it.",
                        intervention=iv.id,
                    )


RULES: tuple[Rule, ...] = (
    _order,
    _inside,
    _beyond,
    _period,
    _within,
    _interim,
    _interim_defined,
    _unknown_interim,
)
