"""Progress of a plan being implemented: achieved values against the plan's path.

The guide asks for a plan kept "as a living document", monitored as it is implemented.
:func:`progress` reads the values achieved so far (``MonitoringEntry.achieved``) and the
milestones reached (``Milestone.reached_on``) as of a date, and reports:

* for each indicator, its baseline, its checkpoints (the entry's interim values, the
  plan's interim targets on the same SDG indicator, the final target) with whether each
  was met, and a status — **achieved** (the final target is reached), **on track** (the
  latest value is at or beyond where the planned path puts it for its year), **off
  track** (short of it, with the gap), **no data** (no value known yet) or **no target**
  (values, but no target or direction to judge them by);
* for each intervention, its milestones: **reached**, **overdue** (the date has passed and
  it is not reached), **upcoming** or **undated**.

The planned path runs straight between the baseline, the interim values and the final
target, in the direction from the baseline to the final target (a falling indicator, such
as the cost of remittances, is on track at or below it). A value counts as known on its
``date``; a value without a date counts from the end of its ``year``.

Pure: no I/O; the text, JSON and CSV forms are made by ``migsdg progress``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import attrs

from migsdg.model import (
    AchievedValue,
    ActionPlan,
    IndicatorKind,
    IndicatorRef,
    InterimTarget,
    Intervention,
    Measure,
    MonitoringEntry,
)
from migsdg.model import (
    Choice as _Choice,
)

__all__ = [
    "FORMAT_VERSION",
    "Checkpoint",
    "CheckpointKind",
    "CheckpointStatus",
    "IndicatorProgress",
    "IndicatorStatus",
    "InterventionProgress",
    "MilestoneProgress",
    "MilestoneStatus",
    "Progress",
    "plan_progress",
    "progress",
]

#: Version of the JSON form (``migsdg progress --format json``, :meth:`Progress.to_dict`).
FORMAT_VERSION = 1


class IndicatorStatus(_Choice):
    """Where an indicator stands against its planned path."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"


class CheckpointKind(_Choice):
    """A point of an indicator's planned path."""

    BASELINE = "baseline"
    INTERIM = "interim"  # an interim value of the monitoring entry
    INTERIM_TARGET = "interim_target"  # an interim target of the plan on this indicator
    TARGET = "target"


class CheckpointStatus(_Choice):
    """Whether a checkpoint was met by the value achieved for its year."""

    MET = "met"
    MISSED = "missed"
    PENDING = "pending"  # its year has not ended (or no value for it is known yet)
    NO_DATA = "no_data"  # its year has passed, and no value for it or before it is known
    START = "start"  # the baseline: where the path begins


class MilestoneStatus(_Choice):
    REACHED = "reached"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    UNDATED = "undated"


@attrs.frozen(kw_only=True)
class Checkpoint:
    """A value the plan means the indicator to reach by a year, and what was achieved.

    Attributes:
        kind: Baseline, interim value, interim target of the plan, or final target.
        year: The year it refers to.
        value: The planned value.
        interim_target: Id of the plan's interim target, for ``interim_target``.
        achieved: The latest value achieved for that year or before, if any.
        status: Met, missed, pending or no data (``start`` for the baseline).
    """

    kind: CheckpointKind
    year: int | None
    value: Decimal | None
    interim_target: str | None = None
    achieved: Decimal | None = None
    status: CheckpointStatus = CheckpointStatus.PENDING


@attrs.frozen(kw_only=True)
class IndicatorProgress:
    """One indicator of one intervention against its planned path.

    Attributes:
        intervention: The intervention's id.
        location: Key path of the monitoring entry (``interventions[2].monitoring[0]``).
        indicator: The indicator.
        baseline: The entry's baseline.
        target: The entry's final target.
        checkpoints: The path's points in year order, each with what was achieved.
        values: The values known by the date of the report, oldest first.
        latest: The most recent of them (the latest year, then the latest date).
        expected: Where the planned path puts the indicator in the latest value's year.
        direction: +1 for an indicator the plan means to raise, -1 to lower, 0 unknown.
        status: Achieved, on track, off track, no data or no target.
        gap: How far the latest value falls short of ``expected``, in the indicator's
            unit (positive: behind; zero or negative: at or ahead of the path).
        gap_to_target: How far the latest value still is from the final target (positive:
            not reached yet).
    """

    intervention: str
    location: str
    indicator: IndicatorRef
    baseline: Measure | None
    target: Measure | None
    checkpoints: tuple[Checkpoint, ...]
    values: tuple[AchievedValue, ...]
    latest: AchievedValue | None
    expected: Decimal | None
    direction: int
    status: IndicatorStatus
    gap: Decimal | None
    gap_to_target: Decimal | None

    @property
    def label(self) -> str:
        """The indicator's code, else its name."""
        return self.indicator.code or self.indicator.name


@attrs.frozen(kw_only=True)
class MilestoneProgress:
    """One milestone of an intervention as of the report's date.

    Attributes:
        location: Key path of the milestone.
        date: When it is due.
        description: What is reached.
        reached_on: When it was reached, if by the report's date.
        status: Reached, overdue, upcoming or undated.
        days_late: For an overdue milestone, days since it was due; for one reached
            after its date, how many days late it was.
    """

    location: str
    date: _dt.date | None
    description: str
    reached_on: _dt.date | None
    status: MilestoneStatus
    days_late: int | None = None


@attrs.frozen(kw_only=True)
class InterventionProgress:
    """An intervention's indicators and milestones.

    Attributes:
        id: The intervention's id.
        title: Its title.
        location: Its key path (``interventions[2]``).
        indicators: Its indicators, in plan order.
        milestones: Its milestones, in plan order.
        required: The resources it requires (supporting activities included), in the
            plan's currency; ``None`` unless it records spending whose amounts, and those
            it requires, can all be converted.
        spent: The money recorded as spent on it by the report's date, in the plan's
            currency; ``None`` as for ``required``.
    """

    id: str
    title: str
    location: str
    indicators: tuple[IndicatorProgress, ...]
    milestones: tuple[MilestoneProgress, ...]
    required: Decimal | None = None
    spent: Decimal | None = None


@attrs.frozen(kw_only=True)
class Progress:
    """A plan's progress as of a date.

    Attributes:
        plan: The plan's id.
        as_of: The date of the report.
        interventions: Each intervention's indicators and milestones, in plan order.
        currency: The plan's currency (of ``required`` and ``spent``).
    """

    plan: str
    as_of: _dt.date
    interventions: tuple[InterventionProgress, ...]
    currency: str = ""

    def indicators(self) -> Iterator[IndicatorProgress]:
        """Every indicator of every intervention, in plan order."""
        for iv in self.interventions:
            yield from iv.indicators

    def milestones(self) -> Iterator[tuple[str, MilestoneProgress]]:
        """Every milestone with its intervention's id, in plan order."""
        for iv in self.interventions:
            for m in iv.milestones:
                yield iv.id, m

    def counts(self) -> dict[str, dict[str, int]]:
        """How many indicators and milestones have each status."""
        ind = {s.value: 0 for s in IndicatorStatus}
        for i in self.indicators():
            ind[i.status.value] += 1
        mil = {s.value: 0 for s in MilestoneStatus}
        for _, m in self.milestones():
            mil[m.status.value] += 1
        return {"indicators": ind, "milestones": mil}

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``format: migsdg-progress``, documented in
        ``docs/formats.md``)."""
        return {
            "format": "migsdg-progress",
            "version": FORMAT_VERSION,
            "plan": self.plan,
            "as_of": self.as_of.isoformat(),
            "summary": self.counts(),
            "interventions": [
                {
                    "id": iv.id,
                    "title": iv.title,
                    "location": iv.location,
                    "indicators": [_indicator_dict(i) for i in iv.indicators],
                    "milestones": [_milestone_dict(m) for m in iv.milestones],
                    "spending": (
                        {
                            "currency": self.currency,
                            "required": _num(iv.required),
                            "spent": _num(iv.spent),
                        }
                        if iv.required is not None and iv.spent is not None
                        else None
                    ),
                }
                for iv in self.interventions
            ],
        }


def _num(value: Decimal | None) -> str | None:
    """Numbers as decimal text, so no digit is lost (as in the plan file)."""
    return None if value is None else format(value.normalize(), "f")


def _day(value: _dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _indicator_dict(i: IndicatorProgress) -> dict[str, Any]:
    ref = i.indicator
    return {
        "location": i.location,
        "indicator": {
            "kind": ref.kind.value,
            "code": ref.code,
            "name": ref.name,
            "unit": ref.unit,
        },
        "baseline": _measure_dict(i.baseline),
        "target": _measure_dict(i.target),
        "direction": i.direction,
        "status": i.status.value,
        "latest": _value_dict(i.latest) if i.latest is not None else None,
        "expected": _num(i.expected),
        "gap": _num(i.gap),
        "gap_to_target": _num(i.gap_to_target),
        "checkpoints": [
            {
                "kind": c.kind.value,
                "year": c.year,
                "value": _num(c.value),
                "interim_target": c.interim_target,
                "achieved": _num(c.achieved),
                "status": c.status.value,
            }
            for c in i.checkpoints
        ],
        "values": [_value_dict(v) for v in i.values],
    }


def _measure_dict(m: Measure | None) -> dict[str, Any] | None:
    return None if m is None else {"value": _num(m.value), "year": m.year}


def _value_dict(v: AchievedValue) -> dict[str, Any]:
    return {
        "value": _num(v.value),
        "year": v.year,
        "date": _day(v.date),
        "source": v.source,
        "note": v.note,
    }


def _milestone_dict(m: MilestoneProgress) -> dict[str, Any]:
    return {
        "location": m.location,
        "date": _day(m.date),
        "description": m.description,
        "reached_on": _day(m.reached_on),
        "status": m.status.value,
        "days_late": m.days_late,
    }


# -- computing ---------------------------------------------------------------------------------


def progress(plan: ActionPlan, *, as_of: _dt.date | None = None) -> Progress:
    """The plan's progress as of ``as_of`` (default: today): each indicator against its
    baseline, interim values and targets and final target, and each intervention's
    milestones reached or overdue. Values and milestones dated after ``as_of`` are not
    yet known."""
    day = as_of or _dt.date.today()
    by_indicator: dict[str, list[InterimTarget]] = {}
    for it in plan.interim_targets:
        if it.indicator and it.due is not None and it.value is not None:
            by_indicator.setdefault(it.indicator, []).append(it)
    interventions = []
    for i, iv in enumerate(plan.interventions):
        where = f"interventions[{i}]"
        interventions.append(
            InterventionProgress(
                id=iv.id,
                title=iv.title,
                location=where,
                indicators=tuple(
                    _indicator(iv, f"{where}.monitoring[{j}]", entry, by_indicator, day)
                    for j, entry in enumerate(iv.monitoring)
                ),
                milestones=tuple(_milestones(iv, where, day)),
                **_spending(plan, iv, day),
            )
        )
    return Progress(
        plan=plan.id, as_of=day, interventions=tuple(interventions), currency=plan.currency
    )


def _spending(plan: ActionPlan, iv: Intervention, day: _dt.date) -> dict[str, Decimal]:
    """``required`` and ``spent`` by ``day`` for an intervention that records spending, in
    the plan's currency; nothing when it records none or an amount has no exchange rate."""
    if not iv.expenditures:
        return {}
    from migsdg.views import CurrencyError, intervention_funding

    known = attrs.evolve(iv, expenditures=tuple(x for x in iv.expenditures if x.date <= day))
    try:
        row = intervention_funding(plan, known)
    except CurrencyError:
        return {}
    return {"required": row.required, "spent": row.spent}


def _known(value: AchievedValue, day: _dt.date) -> bool:
    if value.date is not None:
        return value.date <= day
    return value.year is not None and value.year < day.year


def _year(value: AchievedValue) -> int | None:
    if value.year is not None:
        return value.year
    return value.date.year if value.date is not None else None


def _sign(x: Decimal) -> int:
    return (x > 0) - (x < 0)


def _indicator(
    iv: Intervention,
    where: str,
    entry: MonitoringEntry,
    by_indicator: dict[str, list[InterimTarget]],
    day: _dt.date,
) -> IndicatorProgress:
    values = sorted(
        (v for v in entry.achieved if _known(v, day) and _year(v) is not None),
        key=lambda v: (_year(v), v.date or _dt.date.min),
    )
    latest = values[-1] if values else None
    points = _path(entry, by_indicator)
    direction = _direction(entry, points)
    checkpoints = tuple(
        _checkpoint(kind, y, v, it, values, direction, day) for kind, y, v, it in points
    )
    expected = gap = to_target = None
    status = IndicatorStatus.NO_DATA
    if latest is not None:
        latest_year = _year(latest)
        assert latest_year is not None
        planned = [(y, v) for kind, y, v, _ in points if y is not None and v is not None]
        final = entry.target.value if entry.target is not None else None
        if not direction or not planned:
            status = IndicatorStatus.NO_TARGET
        else:
            # One decimal place more than the values the path is drawn from (at most six).
            places = min(6, 1 + max(_places(v) for v in (latest.value, *(v for _, v in planned))))
            expected = _round(_interpolate(planned, latest_year), places)
            gap = (expected - latest.value) * direction
            if final is not None:
                to_target = (final - latest.value) * direction
            if to_target is not None and to_target <= 0:
                status = IndicatorStatus.ACHIEVED
            elif gap <= 0:
                status = IndicatorStatus.ON_TRACK
            else:
                status = IndicatorStatus.OFF_TRACK
    return IndicatorProgress(
        intervention=iv.id,
        location=where,
        indicator=entry.indicator,
        baseline=entry.baseline,
        target=entry.target,
        checkpoints=checkpoints,
        values=tuple(values),
        latest=latest,
        expected=expected,
        direction=direction,
        status=status,
        gap=gap,
        gap_to_target=to_target,
    )


_Point = tuple[CheckpointKind, int | None, Decimal | None, str | None]


def _path(entry: MonitoringEntry, by_indicator: dict[str, list[InterimTarget]]) -> list[_Point]:
    """The planned path's points in year order: the baseline first, the final target last
    (points without a year keep their place among the others)."""
    points: list[_Point] = []
    if entry.baseline is not None:
        points.append((CheckpointKind.BASELINE, entry.baseline.year, entry.baseline.value, None))
    middle: list[_Point] = [(CheckpointKind.INTERIM, m.year, m.value, None) for m in entry.interim]
    ref = entry.indicator
    if ref.kind is IndicatorKind.SDG and ref.code:
        middle += [
            (CheckpointKind.INTERIM_TARGET, it.due.year, it.value, it.id)
            for it in by_indicator.get(ref.code, ())
            if it.due is not None
        ]
    middle.sort(key=lambda p: (p[1] is None, p[1] or 0))
    points += middle
    if entry.target is not None:
        points.append((CheckpointKind.TARGET, entry.target.year, entry.target.value, None))
    return points


def _direction(entry: MonitoringEntry, points: list[_Point]) -> int:
    """+1 to raise, -1 to lower: from the baseline towards the final target, else towards
    the first planned value that differs from the baseline."""
    base = entry.baseline.value if entry.baseline is not None else None
    if base is None:
        return 0
    final = entry.target.value if entry.target is not None else None
    if final is not None and final != base:
        return _sign(final - base)
    for kind, _, value, _ in points:
        if kind is not CheckpointKind.BASELINE and value is not None and value != base:
            return _sign(value - base)
    return 0


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _round(value: Decimal, places: int) -> Decimal:
    if value == value.to_integral_value():
        return value.to_integral_value()
    try:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than decimal arithmetic holds: keep them all
        return value


def _interpolate(planned: list[tuple[int, Decimal]], year: int) -> Decimal:
    """The planned value for ``year`` on the straight path between the planned points
    (before the first: the first; after the last: the last)."""
    pts = sorted(planned)
    if year <= pts[0][0]:
        return pts[0][1]
    for (y0, v0), (y1, v1) in itertools.pairwise(pts):
        if y0 <= year <= y1:
            if y1 == y0:
                return v1
            return v0 + (v1 - v0) * Decimal(year - y0) / Decimal(y1 - y0)
    return pts[-1][1]


def _checkpoint(
    kind: CheckpointKind,
    year: int | None,
    value: Decimal | None,
    interim_target: str | None,
    values: list[AchievedValue],
    direction: int,
    day: _dt.date,
) -> Checkpoint:
    if kind is CheckpointKind.BASELINE:
        return Checkpoint(kind=kind, year=year, value=value, status=CheckpointStatus.START)
    if year is None or value is None:
        return Checkpoint(kind=kind, year=year, value=value, interim_target=interim_target)
    upto = [v for v in values if (_year(v) or 0) <= year]
    achieved = upto[-1].value if upto else None
    ended = year < day.year
    if achieved is not None and direction and (achieved - value) * direction >= 0:
        status = CheckpointStatus.MET
    elif not ended:
        status = CheckpointStatus.PENDING
    elif achieved is None:
        status = CheckpointStatus.NO_DATA
    elif direction:
        status = CheckpointStatus.MISSED
    else:
        status = CheckpointStatus.PENDING
    return Checkpoint(
        kind=kind,
        year=year,
        value=value,
        interim_target=interim_target,
        achieved=achieved,
        status=status,
    )


def _milestones(iv: Intervention, where: str, day: _dt.date) -> Iterator[MilestoneProgress]:
    for k, m in enumerate(iv.timeframe.milestones):
        loc = f"{where}.timeframe.milestones[{k}]"
        reached = m.reached_on if m.reached_on is not None and m.reached_on <= day else None
        late: int | None = None
        if reached is not None:
            status = MilestoneStatus.REACHED
            if m.date is not None and reached > m.date:
                late = (reached - m.date).days
        elif m.date is None:
            status = MilestoneStatus.UNDATED
        elif m.date < day:
            status = MilestoneStatus.OVERDUE
            late = (day - m.date).days
        else:
            status = MilestoneStatus.UPCOMING
        yield MilestoneProgress(
            location=loc,
            date=m.date,
            description=m.description,
            reached_on=reached,
            status=status,
            days_late=late,
        )


#: :func:`progress` under the name the package exports (``migsdg.plan_progress(plan)``),
#: so that ``migsdg.progress`` stays this module.
plan_progress = progress
