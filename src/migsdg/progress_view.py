"""The progress report as people read it: a :class:`~migsdg.present.View` in the plan's
language, for the CLI text of ``migsdg progress`` and the progress section of the Word
draft.

One section per intervention with values achieved or milestones: a table of its
indicators (baseline, latest value, where the planned path puts it, the next checkpoint,
the final target, the status and the gap) and a table of its milestones (due, reached,
status). The figures come from :func:`migsdg.progress.progress`.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from migsdg.i18n import N_, NP_, Translator, translator
from migsdg.model import ActionPlan, Measure
from migsdg.present import Cell, Column, Para, Row, Section, Table, View, view_language
from migsdg.progress import (
    CheckpointKind,
    CheckpointStatus,
    IndicatorProgress,
    IndicatorStatus,
    MilestoneProgress,
    MilestoneStatus,
    Progress,
    progress,
)

__all__ = ["INDICATOR_STATUS", "MILESTONE_STATUS", "progress_view"]

#: How each status reads (English; translated where shown).
INDICATOR_STATUS: dict[IndicatorStatus, str] = {
    IndicatorStatus.ACHIEVED: N_("Target reached"),
    IndicatorStatus.ON_TRACK: N_("On track"),
    IndicatorStatus.OFF_TRACK: N_("Off track"),
    IndicatorStatus.NO_DATA: N_("No data yet"),
    IndicatorStatus.NO_TARGET: N_("No target to compare"),
}
MILESTONE_STATUS: dict[MilestoneStatus, str] = {
    MilestoneStatus.REACHED: N_("Reached"),
    MilestoneStatus.OVERDUE: N_("Overdue"),
    MilestoneStatus.UPCOMING: N_("Upcoming"),
    MilestoneStatus.UNDATED: N_("Undated"),
}

_COL_INDICATOR = N_("Indicator")
_COL_BASELINE = N_("Baseline")
_COL_LATEST = N_("Latest value")
_COL_EXPECTED = N_("Planned for that year")
_COL_NEXT = N_("Next checkpoint")
_COL_TARGET = N_("Final target")
_COL_STATUS = N_("Status")
_COL_GAP = N_("Gap")
_COL_DUE = N_("Due")
_COL_MILESTONE = N_("Milestone")
_COL_REACHED = N_("Reached on")


def _col(tr: Translator, key: str, *, figure: bool = False, width: int = 3) -> Column:
    return Column(key=key, label=tr._(key), figure=figure, width=width)


def progress_view(
    plan: ActionPlan,
    language: str | None = None,
    *,
    as_of: _dt.date | None = None,
    report: Progress | None = None,
) -> View:
    """The plan's progress as of ``as_of`` (default today), in ``language`` (default the
    plan's). Pass ``report`` to reuse a :func:`~migsdg.progress.progress` already made."""
    tr = translator(view_language(plan, language))
    report = report or progress(plan, as_of=as_of)
    counts = report.counts()
    ind, mil = counts["indicators"], counts["milestones"]
    # Each count in the plural form its language gives it ("1 pendiente", "3 pendientes").
    indicators = [
        tr.ngettext(
            "{n} with the final target reached",
            "{n} with the final target reached",
            ind[IndicatorStatus.ACHIEVED.value],
        ),
        tr.ngettext("{n} on track", "{n} on track", ind[IndicatorStatus.ON_TRACK.value]),
        tr.ngettext("{n} off track", "{n} off track", ind[IndicatorStatus.OFF_TRACK.value]),
        tr.ngettext(
            "{n} with no value yet", "{n} with no value yet", ind[IndicatorStatus.NO_DATA.value]
        ),
        tr.ngettext(
            "{n} with no target to compare",
            "{n} with no target to compare",
            ind[IndicatorStatus.NO_TARGET.value],
        ),
    ]
    milestones = [
        tr.ngettext("{n} reached", "{n} reached", mil[MilestoneStatus.REACHED.value]),
        tr.ngettext("{n} overdue", "{n} overdue", mil[MilestoneStatus.OVERDUE.value]),
        tr.ngettext("{n} upcoming", "{n} upcoming", mil[MilestoneStatus.UPCOMING.value]),
    ]
    separator = tr._(NP_("list of counts", ", "))
    intro = (
        Para(
            tr._(
                "Indicators: {indicators}. Milestones: {milestones}.",
                indicators=separator.join(indicators),
                milestones=separator.join(milestones),
            ),
            "strong",
        ),
        Para(
            tr._(
                "Each indicator's latest value is compared with where the plan's path puts "
                "it for the same year: a straight line from the baseline through the interim "
                "values and targets to the final target. The gap is how far the value falls "
                "short of that path, in the indicator's unit."
            ),
            "note",
        ),
    )
    sections = []
    for n, iv in enumerate(report.interventions, 1):
        blocks: list[Table | Para] = []
        if iv.indicators:
            blocks.append(_indicators(tr, iv.indicators))
        if iv.milestones:
            blocks.append(_milestones(tr, iv.milestones))
        if iv.required is not None and iv.spent is not None:
            blocks.append(
                Para(
                    tr._(
                        "Spent by {date}: {spent} of the {required} the intervention "
                        "requires ({share}).",
                        date=tr.date(report.as_of),
                        spent=tr.amount(iv.spent, report.currency),
                        required=tr.amount(iv.required, report.currency),
                        share=tr.percent(iv.spent, iv.required),
                    )
                )
            )
        if not blocks:
            continue
        title = tr._("Intervention {n}: {title}", n=n, title=iv.title or iv.id)
        sections.append(Section(key=iv.id, title=title, blocks=tuple(blocks)))
    title = tr._("Progress as of {date}", date=tr.date(report.as_of))
    return View("progress", tr.language, title, intro, tuple(sections))


def _measure(tr: Translator, m: Measure | None) -> str:
    if m is None or m.value is None:
        return ""
    return _at(tr, m.value, m.year)


def _at(tr: Translator, value: Decimal, year: int | None) -> str:
    shown = tr.value(value)
    return f"{shown} ({year})" if year is not None else shown


def _indicators(tr: Translator, rows: tuple[IndicatorProgress, ...]) -> Table:
    out = []
    for i in rows:
        latest = _at(tr, i.latest.value, i.latest.year) if i.latest is not None else ""
        expected = tr.value(i.expected) if i.expected is not None else ""
        gap = ""
        if i.gap is not None and i.status is IndicatorStatus.OFF_TRACK:
            gap = tr.value(i.gap)
        nxt = next(
            (
                c
                for c in i.checkpoints
                if c.kind is not CheckpointKind.BASELINE
                and c.status in (CheckpointStatus.PENDING, CheckpointStatus.NO_DATA)
                and c.value is not None
                and c.kind is not CheckpointKind.TARGET
            ),
            None,
        )
        next_text = _at(tr, nxt.value, nxt.year) if nxt is not None and nxt.value else ""
        name = i.indicator.code or ""
        if i.indicator.name:
            name = f"{name} {i.indicator.name}".strip()
        unit = i.indicator.unit
        out.append(
            Row(
                (
                    Cell(unit, head=name) if unit else Cell(name),
                    Cell(_measure(tr, i.baseline)),
                    Cell(latest),
                    Cell(expected),
                    Cell(next_text),
                    Cell(_measure(tr, i.target)),
                    Cell(
                        tr._(INDICATOR_STATUS[i.status]),
                        strong=i.status is IndicatorStatus.OFF_TRACK,
                    ),
                    Cell(gap, strong=bool(gap)),
                ),
                highlight=i.status is IndicatorStatus.OFF_TRACK,
            )
        )
    return Table(
        "indicators",
        (
            _col(tr, _COL_INDICATOR, width=5),
            _col(tr, _COL_BASELINE, figure=True, width=2),
            _col(tr, _COL_LATEST, figure=True, width=2),
            _col(tr, _COL_EXPECTED, figure=True, width=2),
            _col(tr, _COL_NEXT, figure=True, width=2),
            _col(tr, _COL_TARGET, figure=True, width=2),
            _col(tr, _COL_STATUS, width=2),
            _col(tr, _COL_GAP, figure=True, width=2),
        ),
        tuple(out),
    )


def _milestones(tr: Translator, rows: tuple[MilestoneProgress, ...]) -> Table:
    return Table(
        "milestones",
        (
            _col(tr, _COL_DUE, width=2),
            _col(tr, _COL_MILESTONE, width=6),
            _col(tr, _COL_REACHED, width=2),
            _col(tr, _COL_STATUS, width=2),
        ),
        tuple(
            Row(
                (
                    Cell(tr.date(m.date, "short") if m.date else ""),
                    Cell(m.description),
                    Cell(tr.date(m.reached_on, "short") if m.reached_on else ""),
                    Cell(
                        tr._(MILESTONE_STATUS[m.status]),
                        strong=m.status is MilestoneStatus.OVERDUE,
                    ),
                ),
                highlight=m.status is MilestoneStatus.OVERDUE,
            )
            for m in rows
        ),
    )
