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
from migsdg.i18n import Value, msg
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
                message=msg(
                    "intervention {iv!r} ends ({end}) before it starts ({start})",
                    iv=iv.id,
                    end=tf.end,
                    start=tf.start,
                ),
                hint=msg("Correct the start or end date."),
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
                    message=msg(
                        "{value} of intervention {iv!r} has no date",
                        value=_milestone(ms, k),
                        iv=iv.id,
                    ),
                    hint=msg("Give the milestone a date (YYYY-MM-DD)."),
                    intervention=iv.id,
                )
            elif (side := _outside(ms.date, tf.start, tf.end)) is not None:
                yield Hit(
                    location=f"{where}.timeframe.milestones[{k}].date",
                    message=msg(
                        "{value} of intervention {iv!r} ({date}) falls {side}",
                        value=_milestone(ms, k),
                        iv=iv.id,
                        date=ms.date,
                        side=side,
                    ),
                    hint=msg("Move the milestone inside the timeframe or extend the timeframe."),
                    intervention=iv.id,
                )
        for k, out in enumerate(iv.outputs):
            if out.due is not None and (side := _outside(out.due, tf.start, tf.end)):
                yield Hit(
                    location=f"{where}.outputs[{k}].due",
                    message=msg(
                        "output {value!r} of intervention {iv!r} is due {due}, {side}",
                        value=_short(out.description),
                        iv=iv.id,
                        due=out.due,
                        side=side,
                    ),
                    hint=msg("Correct the output's due date or the intervention's timeframe."),
                    intervention=iv.id,
                )


def _milestone(ms: Milestone, k: int) -> str:
    if ms.description:
        return msg("milestone {description!r}", description=ms.description)
    return msg("milestone {n}", n=k + 1)


def _outside(day: _dt.date, start: _dt.date | None, end: _dt.date | None) -> str | None:
    if start is not None and day < start:
        return msg("before the intervention starts ({start})", start=start)
    if end is not None and day > end:
        return msg("after the intervention ends ({end})", end=end)
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
            message=msg(
                "the plan period ends after 2030 ({end})",
                end=end,
            ),
            hint=msg(
                "Say in the plan how results after 2030 will be reported, or end the "
                "period in 2030.",
            ),
        )
    for where, iv in ctx.interventions():
        end = iv.timeframe.end
        if end is not None and end > AGENDA_END:
            yield Hit(
                location=f"{where}.timeframe.end",
                message=msg(
                    "intervention {iv!r} ends after 2030 ({end})",
                    iv=iv.id,
                    end=end,
                ),
                hint=msg(
                    "Check that the results the SDG targets need are due by 2030, for "
                    "example with a milestone or an output dated 2030 or earlier.",
                ),
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
                message=(
                    msg("the plan period has no start date")
                    if end == "start"
                    else msg("the plan period has no end date")
                ),
                hint=(
                    msg("Set the start date of the plan period (YYYY-MM-DD).")
                    if end == "start"
                    else msg("Set the end date of the plan period (YYYY-MM-DD).")
                ),
            )
    if p.start is not None and p.end is not None and p.end < p.start:
        yield Hit(
            location="period.end",
            message=msg(
                "the plan period ends ({end}) before it starts ({start})",
                end=p.end,
                start=p.start,
            ),
            hint=msg("Correct the start or end of the plan period."),
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
                message=msg(
                    "intervention {iv!r} starts ({start}) before the plan period ({start2})",
                    iv=iv.id,
                    start=tf.start,
                    start2=p.start,
                ),
                hint=msg("Start the intervention within the plan period, or widen the period."),
                intervention=iv.id,
            )
        if p.end is not None and tf.end is not None and tf.end > p.end:
            yield Hit(
                location=f"{where}.timeframe.end",
                message=msg(
                    "intervention {iv!r} ends ({end}) after the plan period ({end2})",
                    iv=iv.id,
                    end=tf.end,
                    end2=p.end,
                ),
                hint=msg("End the intervention within the plan period, or widen the period."),
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
                        message=msg(
                            "output {value!r} of intervention {iv!r} delivers interim target "
                            "{itid!r} (due {due}) but has no due date",
                            value=_short(out.description),
                            iv=iv.id,
                            itid=itid,
                            due=it.due,
                        ),
                        hint=msg(
                            "Give the output a due date on or before {due}.",
                            due=it.due,
                        ),
                        intervention=iv.id,
                    )
                elif out.due > it.due:
                    yield Hit(
                        location=f"{where}.outputs[{k}].due",
                        message=msg(
                            "output {value!r} of intervention {iv!r} is due {due}, after the "
                            "interim target {itid!r} it delivers ({due2})",
                            value=_short(out.description),
                            iv=iv.id,
                            due=out.due,
                            itid=itid,
                            due2=it.due,
                        ),
                        hint=msg(
                            "Bring the output forward to {due} or earlier, or revise the interim "
                            "target's date.",
                            due=it.due,
                        ),
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
                    values = {
                        "code": ref.code,
                        "iv": iv.id,
                        "value": Value(m.value),
                        "year": m.year,
                        "it": it.id,
                        "target": Value(it.value),
                        "due": it.due,
                    }
                    yield Hit(
                        location=loc,
                        message=(
                            msg(
                                "indicator {code} of intervention {iv!r} plans {value} for "
                                "{year}, above the interim target {it!r} ({target} by {due}) on "
                                "an indicator the plan means to lower",
                                **values,
                            )
                            if sign < 0
                            else msg(
                                "indicator {code} of intervention {iv!r} plans {value} for "
                                "{year}, below the interim target {it!r} ({target} by {due}) on "
                                "an indicator the plan means to raise",
                                **values,
                            )
                        ),
                        hint=msg(
                            "The plan means to reach {value} by {due}, so the values it plans "
                            "for later years should be at or beyond it: revise the planned "
                            "value, or the interim target if it is no longer realistic.",
                            value=Value(it.value),
                            due=it.due,
                        ),
                        intervention=iv.id,
                    )


def _not_reflected(ctx: CheckContext, i: int, it: InterimTarget) -> Hit:
    serving = ctx.interventions_by_target.get(it.target, ())
    if serving:
        ids = ", ".join(repr(ctx.plan.interventions[x].id) for x in serving[:3])
        more = msg(" and {n} more", n=len(serving) - 3) if len(serving) > 3 else ""
        message = msg(
            "interim target {it!r} (target {target}, due {due}) is not reflected in any "
            "timeframe: none of the interventions serving {target} ({ids}{more}) has a "
            "milestone, an output or an end date by then",
            it=it.id,
            target=it.target,
            due=it.due,
            ids=ids,
            more=more,
        )
    else:
        message = msg(
            "interim target {it!r} (target {target}, due {due}) is not reflected in any "
            "timeframe: no intervention serves {target}",
            it=it.id,
            target=it.target,
            due=it.due,
        )
    return Hit(
        location=f"interim_targets[{i}].due",
        message=message,
        hint=msg(
            "Add a milestone or an output due by {due} to an intervention "
            "serving {target} (tie the output to {it!r} among its interim targets), "
            "or revise the interim target's date.",
            due=it.due,
            target=it.target,
            it=it.id,
        ),
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
                message=msg(
                    "interim target {it!r} has no due date",
                    it=it.id,
                ),
                hint=msg("Set the date by which the value is to be reached (YYYY-MM-DD)."),
            )
        if it.value is None:
            yield Hit(
                location=f"{where}.value",
                message=msg(
                    "interim target {it!r} has no value",
                    it=it.id,
                ),
                hint=msg("Set the value to reach (and its unit)."),
            )
        if prioritized and it.target not in prioritized:
            yield Hit(
                location=f"{where}.target",
                message=msg(
                    "interim target {it!r} is set for target {target}, which none of the "
                    "plan's objectives addresses",
                    it=it.id,
                    target=it.target,
                ),
                hint=msg(
                    "Add {target} to an objective, or correct the interim target's SDG target.",
                    target=it.target,
                ),
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
                        message=msg(
                            "an output of intervention {iv!r} refers to interim target "
                            "{itid!r}, which the plan does not define{suggestion}",
                            iv=iv.id,
                            itid=itid,
                            suggestion=ctx.did_you_mean(itid, known),
                        ),
                        hint=msg("Use the id of one of the plan's interim targets, or add it."),
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
