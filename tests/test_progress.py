"""``migsdg.progress`` and ``migsdg progress``: achieved values against the plan's path,
milestones reached or overdue, as of a date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migsdg
import strategies as shared
from migsdg import AchievedValue, InterimTarget, Measure, Milestone, Timeframe
from migsdg.cli import main
from migsdg.examples import load_example, names
from migsdg.progress import (
    CheckpointKind,
    CheckpointStatus,
    IndicatorStatus,
    MilestoneStatus,
    progress,
)
from planbuilders import clean_plan, day, with_intervention

D = Decimal


def _values(*rows: tuple[int, str, str | None]) -> tuple[AchievedValue, ...]:
    return tuple(AchievedValue(value=D(v), year=y, date=day(d) if d else None) for y, v, d in rows)


def _plan(
    achieved: tuple[AchievedValue, ...],
    *,
    baseline: str = "2",
    target: str = "5",
    interim: tuple[tuple[int, str], ...] = ((2027, "3"),),
    interim_target: InterimTarget | None = None,
) -> migsdg.ActionPlan:
    """clean_plan's iv-1, whose 10.7.2 runs from ``baseline`` (2024) to ``target`` (2030)."""
    plan = clean_plan()
    if interim_target is not None:
        plan = attrs.evolve(plan, interim_targets=(interim_target,))
    entry = attrs.evolve(
        plan.interventions[0].monitoring[0],
        baseline=Measure(value=D(baseline), year=2024),
        target=Measure(value=D(target), year=2030),
        interim=tuple(Measure(value=D(v), year=y) for y, v in interim),
        achieved=achieved,
    )
    return with_intervention(plan, 0, monitoring=(entry,))


def _first(plan: migsdg.ActionPlan, as_of: str = "2031-01-01") -> migsdg.progress.IndicatorProgress:
    return next(progress(plan, as_of=day(as_of)).indicators())


def test_a_rising_indicator_ahead_of_its_path_is_on_track() -> None:
    # Path 2 (2024) -> 3 (2027): 2.67 planned for 2026; 2.8 achieved.
    ind = _first(_plan(_values((2025, "2.4", None), (2026, "2.8", "2027-02-01"))))
    assert ind.status is IndicatorStatus.ON_TRACK
    assert ind.expected == D("2.67")
    assert ind.gap == D("-0.13")
    assert ind.gap_to_target == D("2.2")
    assert ind.latest is not None and ind.latest.value == D("2.8")
    assert ind.direction == 1


def test_a_rising_indicator_behind_its_path_is_off_track_with_the_gap() -> None:
    ind = _first(_plan(_values((2028, "3", None))))  # path: 3 (2027) -> 5 (2030): 3.7 in 2028
    assert ind.status is IndicatorStatus.OFF_TRACK
    assert (ind.expected, ind.gap) == (D("3.7"), D("0.7"))


def test_a_falling_indicator_is_on_track_below_its_path_and_off_track_above() -> None:
    """The cost of remittances: 7.4 % in 2024, 5 % by 2026 (an interim target of the
    plan), 3 % by 2030."""
    it = InterimTarget(
        id="it-cost", target="10.7", indicator="10.7.2", value=D(5), due=day("2026-12-31")
    )
    kwargs = {"baseline": "7.4", "target": "3", "interim": (), "interim_target": it}
    ahead = _first(_plan(_values((2026, "4.9", None)), **kwargs))
    behind = _first(_plan(_values((2029, "6.9", None)), **kwargs))
    assert ahead.direction == behind.direction == -1
    assert ahead.status is IndicatorStatus.ON_TRACK
    assert behind.status is IndicatorStatus.OFF_TRACK
    assert behind.expected == D("3.5")  # 5 (2026) -> 3 (2030): 3.5 in 2029
    assert behind.gap == D("3.4")
    (checkpoint,) = [c for c in behind.checkpoints if c.kind is CheckpointKind.INTERIM_TARGET]
    assert checkpoint.interim_target == "it-cost"
    assert checkpoint.status is CheckpointStatus.NO_DATA  # 2026 passed, no value by then
    met = next(c for c in ahead.checkpoints if c.kind is CheckpointKind.INTERIM_TARGET)
    assert (met.status, met.achieved) == (CheckpointStatus.MET, D("4.9"))


def test_reaching_the_final_target_is_achieved() -> None:
    ind = _first(_plan(_values((2029, "5.2", None))))
    assert ind.status is IndicatorStatus.ACHIEVED
    assert ind.gap_to_target == D("-0.2")


def test_without_values_there_is_no_data_and_without_a_target_nothing_to_compare() -> None:
    assert _first(_plan(())).status is IndicatorStatus.NO_DATA
    plan = _plan(_values((2026, "3", None)))
    entry = attrs.evolve(
        plan.interventions[0].monitoring[0], baseline=None, target=None, interim=()
    )
    plan = with_intervention(plan, 0, monitoring=(entry,))
    ind = _first(plan)
    assert ind.status is IndicatorStatus.NO_TARGET
    assert ind.gap is None and ind.expected is None


def test_values_are_known_from_their_date_or_the_end_of_their_year() -> None:
    plan = _plan(_values((2026, "2.8", "2027-02-01"), (2027, "3.1", None)))
    assert _first(plan, "2027-01-31").status is IndicatorStatus.NO_DATA
    assert _first(plan, "2027-02-01").latest.value == D("2.8")  # type: ignore[union-attr]
    assert _first(plan, "2027-12-31").latest.value == D("2.8")  # type: ignore[union-attr]
    assert _first(plan, "2028-01-01").latest.value == D("3.1")  # type: ignore[union-attr]


def test_checkpoints_are_met_missed_or_pending_by_the_value_of_their_year() -> None:
    plan = _plan(_values((2027, "2.9", None)), interim=((2026, "2.5"), (2027, "3"), (2029, "4")))
    ind = _first(plan, "2028-06-30")
    statuses = [(c.kind, c.year, c.status) for c in ind.checkpoints]
    assert statuses == [
        (CheckpointKind.BASELINE, 2024, CheckpointStatus.START),
        (CheckpointKind.INTERIM, 2026, CheckpointStatus.NO_DATA),
        (CheckpointKind.INTERIM, 2027, CheckpointStatus.MISSED),
        (CheckpointKind.INTERIM, 2029, CheckpointStatus.PENDING),
        (CheckpointKind.TARGET, 2030, CheckpointStatus.PENDING),
    ]


def test_milestones_are_reached_overdue_upcoming_or_undated() -> None:
    milestones = (
        Milestone(date=day("2026-03-31"), description="Law", reached_on=day("2026-05-30")),
        Milestone(date=day("2026-06-30"), description="Rules"),
        Milestone(date=day("2027-06-30"), description="Review"),
        Milestone(description="Someday"),
        Milestone(date=day("2026-06-30"), description="Late", reached_on=day("2026-09-01")),
    )
    plan = with_intervention(
        clean_plan(),
        0,
        timeframe=Timeframe(start=day("2025-03-01"), end=day("2028-12-31"), milestones=milestones),
    )
    report = progress(plan, as_of=day("2026-07-31"))
    got = [(m.description, m.status, m.days_late) for iv, m in report.milestones() if iv == "iv-1"]
    assert got == [
        ("Law", MilestoneStatus.REACHED, 60),
        ("Rules", MilestoneStatus.OVERDUE, 31),
        ("Review", MilestoneStatus.UPCOMING, None),
        ("Someday", MilestoneStatus.UNDATED, None),
        ("Late", MilestoneStatus.OVERDUE, 31),  # reached after the report's date
    ]
    assert report.counts()["milestones"]["undated"] == 1


def test_progress_is_pure_and_exported_from_the_package() -> None:
    plan = load_example("national")
    first = migsdg.plan_progress(plan, as_of=day("2023-07-31"))
    assert first == progress(plan, as_of=day("2023-07-31"))
    assert isinstance(first, migsdg.Progress)


@pytest.mark.parametrize(
    ("name", "as_of"), [("national", "2023-07-31"), ("provincial", "2025-07-10")]
)
def test_the_examples_report_progress_in_every_status(name: str, as_of: str) -> None:
    report = progress(load_example(name), as_of=day(as_of))
    counts = report.counts()
    assert counts["indicators"]["on_track"] and counts["indicators"]["off_track"]
    assert counts["indicators"]["no_data"]
    assert counts["milestones"]["reached"] and counts["milestones"]["overdue"]
    assert counts["milestones"]["upcoming"]
    # Every achieved value of the examples is marked as illustrative.
    for ind in report.indicators():
        for v in ind.values:
            assert "lustrativ" in v.note, (ind.location, v)  # Illustrative, ilustrativo


# -- the command --------------------------------------------------------------------------------


def _example_file(tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.yaml"
    migsdg.save_plan(load_example(name), path)
    return str(path)


@pytest.mark.parametrize("name", names())
def test_cli_json_is_the_report(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_file(tmp_path, name)
    assert main(["progress", path, "--as-of", "2024-12-31", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = migsdg.plan_progress(migsdg.load_plan(path), as_of=dt.date(2024, 12, 31)).to_dict()
    assert data == json.loads(json.dumps(expected))
    assert (data["format"], data["version"], data["as_of"]) == ("migsdg-progress", 1, "2024-12-31")


@pytest.mark.parametrize("name", names())
def test_cli_text_in_the_plans_language(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_file(tmp_path, name)
    assert main(["progress", path, "--as-of", "2025-07-10"]) == 0
    out = capsys.readouterr().out
    if name == "national":
        assert out.startswith("Progress as of 10 July 2025\n")
        assert "Off track" in out and "Overdue" in out
    else:
        assert out.startswith("Avance al 10 de julio de 2025\n")
        assert "Rezagado" in out and "Vencido" in out
    assert main(["progress", path, "--as-of", "2025-07-10", "--language", "fr"]) == 0
    assert capsys.readouterr().out.startswith("Avancement au 10 juillet 2025\n")


def test_cli_csv_has_a_row_per_indicator_and_milestone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_file(tmp_path, "national")
    assert main(["progress", path, "--as-of", "2023-07-31", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    report = progress(load_example("national"), as_of=dt.date(2023, 7, 31))
    assert [r["record"] for r in rows] == ["indicator"] * len(list(report.indicators())) + [
        "milestone"
    ] * len(list(report.milestones()))
    remittances = next(r for r in rows if r["indicator"] == "10.c.1")
    assert (remittances["latest"], remittances["latest_year"], remittances["status"]) == (
        "6.4",
        "2022",
        "on_track",
    )
    overdue = [r for r in rows if r["record"] == "milestone" and r["status"] == "overdue"]
    assert overdue and all(r["due"] and not r["reached_on"] and r["days_late"] for r in overdue)


def test_cli_csv_never_writes_a_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = with_intervention(
        clean_plan(),
        0,
        title="=HYPERLINK(1)",
        timeframe=Timeframe(
            start=day("2025-03-01"),
            end=day("2028-12-31"),
            milestones=(Milestone(date=day("2026-01-01"), description="ok\r=cmd|' /C calc'!A0"),),
        ),
    )
    plan = attrs.evolve(
        plan, interventions=(attrs.evolve(plan.interventions[0], id="@id"), *plan.interventions[1:])
    )
    path = migsdg.save_plan(plan, tmp_path / "plan.yaml")
    assert main(["progress", str(path), "--as-of", "2026-06-30", "--format", "csv"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [c for row in rows for c in row]
    assert "'@id" in cells
    assert "ok\r'=cmd|' /C calc'!A0" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_cli_bad_date_and_bad_plan_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_file(tmp_path, "national")
    with pytest.raises(SystemExit) as excinfo:
        main(["progress", path, "--as-of", "2023-02-30"])
    assert excinfo.value.code == 2
    assert "is not a date" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ninterventions: 3\n", encoding="utf-8")
    assert main(["progress", str(bad)]) == 2
    assert "interventions" in capsys.readouterr().err


@settings(
    max_examples=shared.examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(plan=shared.plans(), as_of=st.dates(min_value=dt.date(1990, 1, 1)))
def test_any_plan_has_a_consistent_progress_report(plan: migsdg.ActionPlan, as_of: dt.date) -> None:
    """Whatever the plan holds, the report is made, and its statuses agree with its
    figures: no data exactly when no value is known; off track exactly when behind the
    path; the final target reached only when the latest value is at or beyond it."""
    report = progress(plan, as_of=as_of)
    assert [iv.id for iv in report.interventions] == [iv.id for iv in plan.interventions]
    for ind in report.indicators():
        assert all(v.date is None or v.date <= as_of for v in ind.values)
        assert (ind.status is IndicatorStatus.NO_DATA) == (ind.latest is None)
        if ind.status is IndicatorStatus.OFF_TRACK:
            assert ind.gap is not None and ind.gap > 0
        if ind.status is IndicatorStatus.ON_TRACK:
            assert ind.gap is not None and ind.gap <= 0
        if ind.status is IndicatorStatus.ACHIEVED:
            assert ind.gap_to_target is not None and ind.gap_to_target <= 0
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"] == report.counts()
    for _, m in report.milestones():
        assert (m.status is MilestoneStatus.REACHED) == (m.reached_on is not None)


def test_values_beyond_decimal_precision_are_kept_whole() -> None:
    """A path between values of 27 digits cannot be rounded to two places within decimal
    arithmetic; the expected value is then kept as computed."""
    big = "123456789012345678901234567"
    ind = _first(
        _plan(_values((2026, big + ".5", None)), baseline=big, target=big + "9", interim=())
    )
    assert ind.expected is not None and ind.status is IndicatorStatus.OFF_TRACK
