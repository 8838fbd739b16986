"""Interim target ladders: ``migsdg.interim_ladder``, ``add_interim_targets``, ``migsdg ladder``."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migsdg
from migsdg import LadderError, PlanStatus, add_interim_targets, interim_ladder
from migsdg.cli import main
from review_plans import EXAMPLES, example, example_files, interministerial_workshop, national_plan

__all__ = ["example_files"]

D = Decimal


def values(ladder: tuple[migsdg.Measure, ...]) -> list[tuple[int | None, Decimal | None]]:
    return [(m.year, m.value) for m in ladder]


# -- proposals ------------------------------------------------------------------------------


def test_linear_ladder_example() -> None:
    ladder = interim_ladder(D("12.5"), 2020, 3, 2030, [2027, 2024])
    assert values(ladder) == [(2024, D("8.70")), (2027, D("5.85"))]
    assert ladder[0].note == "linear path from 12.5 (2020) to 3 (2030)"


def test_growth_ladder_example() -> None:
    ladder = interim_ladder("12.5", 2020, "3", 2030, [2024, 2027, 2030], method="growth")
    # 12.5 × (3/12.5)^(4/10) = 7.0596…, × (3/12.5)^(7/10) = 4.6031…
    assert values(ladder) == [(2024, D("7.06")), (2027, D("4.60")), (2030, D("3.00"))]
    assert "constant change of -13.30% a year" in ladder[0].note


def test_rounding_follows_the_inputs_unless_told() -> None:
    assert values(interim_ladder(100, 2020, 0, 2023, [2021, 2022])) == [
        (2021, D("66.7")),
        (2022, D("33.3")),
    ]
    assert values(interim_ladder(100, 2020, 0, 2023, [2021], places=0)) == [(2021, D(67))]


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((0, 2020, 5, 2030, [2025]), {"method": "growth"}, "positive baseline and target"),
        ((5, 2020, -1, 2030, [2025]), {"method": "growth"}, "positive baseline and target"),
        ((5, 2030, 1, 2030, [2030]), {}, "must come after the baseline year"),
        ((5, 2020, 1, 2030, [2020, 2031]), {}, "2020, 2031 are not"),
        ((5, 2020, 1, 2030, []), {}, "at least one year"),
        ((5, 2020, 1, 2030, [2025]), {"method": "quadratic"}, "linear or growth"),
        (("five", 2020, 1, 2030, [2025]), {}, "baseline must be a number"),
        ((5, 2020, "NaN", 2030, [2025]), {}, "finite number"),
        ((5, 2020, 1, 2030, [2025]), {"places": 40}, "places must be"),
    ],
)
def test_bad_inputs_raise_ladder_error(
    args: tuple[object, ...], kwargs: dict[str, object], words: str
) -> None:
    with pytest.raises(LadderError, match=words):
        interim_ladder(*args, **kwargs)


numbers = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)
positive = st.decimals(min_value=D("0.01"), max_value=10**6, places=2)


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int, list[int]]:
    start = draw(st.integers(2000, 2025))
    end = draw(st.integers(start + 1, 2040))
    years = draw(st.lists(st.integers(start + 1, end), min_size=1, max_size=8))
    return start, end, years


def _check_monotone(b: Decimal, t: Decimal, ladder: tuple[migsdg.Measure, ...]) -> None:
    vals = [m.value for m in ladder if m.value is not None]
    assert len(vals) == len(ladder)
    lo, hi = min(b, t), max(b, t)
    assert all(lo <= v <= hi for v in vals)
    ordered = vals if t >= b else vals[::-1]
    assert ordered == sorted(ordered)


@settings(max_examples=60, deadline=None)
@given(numbers, numbers, spans())
def test_linear_ladder_properties(b: Decimal, t: Decimal, span: tuple[int, int, list[int]]) -> None:
    start, end, years = span
    ladder = interim_ladder(b, start, t, end, years)
    assert [m.year for m in ladder] == sorted(set(years))
    _check_monotone(b, t, ladder)
    places = max(0, -int(b.as_tuple().exponent), -int(t.as_tuple().exponent)) + 1
    half = D(1).scaleb(-places) / 2
    for m in ladder:
        assert m.year is not None and m.value is not None
        exact = b + (t - b) * (m.year - start) / (end - start)
        assert abs(m.value - exact) <= half
        if m.year == end:
            assert m.value == t


@settings(max_examples=60, deadline=None)
@given(positive, positive, spans())
def test_growth_ladder_properties(b: Decimal, t: Decimal, span: tuple[int, int, list[int]]) -> None:
    start, end, years = span
    ladder = interim_ladder(b, start, t, end, years, method="growth")
    _check_monotone(b, t, ladder)
    assert all(m.value is not None and m.value > 0 for m in ladder)
    if end in years:
        assert ladder[-1].value == t


@settings(max_examples=40, deadline=None)
@given(numbers, spans())
def test_constant_indicator_stays_constant(b: Decimal, span: tuple[int, int, list[int]]) -> None:
    start, end, years = span
    assert {m.value for m in interim_ladder(b, start, b, end, years)} == {b}


# -- accepting a ladder into a plan --------------------------------------------------------------


def test_add_interim_targets() -> None:
    plan = national_plan()
    ladder = interim_ladder("12.5", 2020, "3", 2030, [2026, 2028])
    new = add_interim_targets(plan, "SDG 10.c", "10.c.1", ladder, unit="percent")
    added = new.interim_targets[len(plan.interim_targets) :]
    assert [(it.id, it.target, it.indicator, it.value, it.due, it.unit) for it in added] == [
        ("interim-10-c-10-c-1-2026", "10.c", "10.c.1", D("6.80"), dt.date(2026, 12, 31), "percent"),
        ("interim-10-c-10-c-1-2028", "10.c", "10.c.1", D("4.90"), dt.date(2028, 12, 31), "percent"),
    ]
    assert added[0].description == ladder[0].note
    assert new.interim_targets[: len(plan.interim_targets)] == plan.interim_targets


def test_add_interim_targets_due_day_and_no_indicator() -> None:
    ladder = interim_ladder(10, 2020, 20, 2030, [2025])
    new = add_interim_targets(national_plan(), "10.7", None, ladder, due_month_day=(6, 30))
    (it,) = new.interim_targets[1:]
    assert (it.id, it.indicator, it.due) == ("interim-10-7-target-2025", None, dt.date(2025, 6, 30))


def test_add_interim_targets_refusals() -> None:
    plan = national_plan()
    ladder = interim_ladder(10, 2020, 20, 2030, [2027])
    with pytest.raises(LadderError, match="not among the plan's prioritized targets"):
        add_interim_targets(plan, "8.7", None, ladder)
    with pytest.raises(LadderError, match=r"indicator 8\.8\.2 belongs to target 8\.8, not 10\.7"):
        add_interim_targets(plan, "10.7", "8.8.2", ladder)
    with pytest.raises(migsdg.UnknownCodeError):
        add_interim_targets(plan, "10.77", None, ladder)
    with pytest.raises(LadderError, match="due date 2027-02-30"):
        add_interim_targets(plan, "10.7", None, ladder, due_month_day=(2, 30))
    # it-1 already sets 10.7 / 10.7.2 for 2027
    with pytest.raises(LadderError, match=r"already set for it-1 \(2027\)"):
        add_interim_targets(plan, "10.7", "10.7.2", ladder)
    replaced = add_interim_targets(plan, "10.7", "10.7.2", ladder, replace=True)
    assert [it.id for it in replaced.interim_targets] == ["interim-10-7-10-7-2-2027"]


def test_accepted_ladder_is_checked_against_timeframes() -> None:
    # Nothing of the plan is due by the end of 2025 for target 10.c: the timeframe check
    # (AP306) reports the interim target the ladder added.
    plan = national_plan()
    new = add_interim_targets(plan, "10.c", "10.c.1", interim_ladder(5, 2024, 3, 2030, [2025]))
    before = {f.location for f in migsdg.check(plan).findings if f.code == "AP306"}
    after = [
        f for f in migsdg.check(new).findings if f.code == "AP306" and f.location not in before
    ]
    dates = [f for f in after if f.location.startswith("interim_targets")]
    assert len(dates) == 1
    assert "interim-10-c-10-c-1-2025" in dates[0].message
    # This plan's own 10.c.1 values rise from 2 to 5 while the ladder falls from 5 to 3:
    # AP306 also reports the planned value that contradicts the new interim target.
    (values,) = [f for f in after if f not in dates]
    assert values.location == "interventions[2].monitoring[0].interim[0].value"
    assert "below the interim target 'interim-10-c-10-c-1-2025'" in values.message


# -- migsdg ladder ----------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


LADDER_ARGS = (
    "ladder",
    "--baseline",
    "12.5",
    "--baseline-year",
    "2020",
    "--target",
    "3",
    "--target-year",
    "2030",
    "--years",
    "2024",
    "2027",
)


def test_ladder_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, *LADDER_ARGS)
    assert code == 0
    assert out.splitlines()[1:] == ["  2020  12.5  (baseline)", "  2024  8.70", "  2027  5.85"]
    code, out, _ = cli(capsys, *LADDER_ARGS, "--method", "growth", "--format", "json")
    data = json.loads(out)
    assert (data["format"], data["version"], data["method"]) == ("migsdg-ladder", 1, "growth")
    assert data["values"] == [{"year": 2024, "value": "7.06"}, {"year": 2027, "value": "4.60"}]
    assert data["interim_targets"] == []


def test_ladder_command_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, *LADDER_ARGS[:-2], "2019", "--method", "linear")
    assert code == 2
    assert "2019 is not" in err
    code, _, err = cli(capsys, *LADDER_ARGS, "--target", "-3", "--method", "growth")
    assert code == 2
    assert "positive baseline and target" in err
    with pytest.raises(SystemExit) as excinfo:
        main([*LADDER_ARGS[:2], "twelve", *LADDER_ARGS[3:]])
    assert excinfo.value.code == 2


def test_ladder_command_writes_only_with_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.json")
    before = path.read_bytes()
    args = (*LADDER_ARGS, "--plan", str(path), "--sdg-target", "10.c", "--indicator", "10.c.1")
    code, out, _ = cli(capsys, *args)
    assert code == 0
    assert "would be added to (use --write)" in out
    assert "interim-10-c-10-c-1-2024  8.70  due 2024-12-31" in out
    assert path.read_bytes() == before
    code, out, _ = cli(capsys, *args, "--write", "--unit", "percent")
    assert code == 0
    plan = migsdg.load_plan(path)
    assert [(it.id, it.value, it.unit) for it in plan.interim_targets[1:]] == [
        ("interim-10-c-10-c-1-2024", D("8.70"), "percent"),
        ("interim-10-c-10-c-1-2027", D("5.85"), "percent"),
    ]
    code, _, err = cli(capsys, *args, "--write")  # the same years again
    assert code == 2
    assert "already set" in err


def test_ladder_command_on_an_adopted_plan_is_an_amendment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = national_plan(
        status=PlanStatus.ADOPTED,
        consultations=(interministerial_workshop(),),
        revisions=(migsdg.Revision(number=1, date=dt.date(2025, 3, 1), status=PlanStatus.ADOPTED),),
    )
    path = migsdg.save_plan(plan, tmp_path / "plan.json")
    args = (*LADDER_ARGS, "--plan", str(path), "--sdg-target", "10.c", "--write")
    code, _, err = cli(capsys, *args)
    assert code == 2
    assert "needs an author" in err
    # nothing for 10.c is due by the end of 2024: the amended plan would have an error
    code, _, err = cli(capsys, *args, "--author", "Secretariat")
    assert code == 2
    assert "AP306" in err
    assert migsdg.load_plan(path) == plan
    code, _, err = cli(capsys, *args[:-7], "2027", "2028", *args[-5:], "--author", "Secretariat")
    assert code == 0, err
    new = migsdg.load_plan(path)
    assert [it.due for it in new.interim_targets[1:]] == [
        dt.date(2027, 12, 31),
        dt.date(2028, 12, 31),
    ]
    assert new.status is PlanStatus.AMENDED
    assert new.revisions[-1].summary == "Interim targets for 10.c accepted from a linear ladder"
    assert new.revisions[-1].author == "Secretariat"


def test_ladder_command_plan_options_need_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, *LADDER_ARGS, "--write")
    assert code == 2
    assert "need --plan" in err
    code, _, err = cli(capsys, *LADDER_ARGS, "--plan", "x.yaml")
    assert code == 2
    assert "needs --sdg-target" in err


def test_interim_ladder_is_exported() -> None:
    assert migsdg.interim_ladder is interim_ladder
    plan = attrs.evolve(national_plan(), interim_targets=())
    assert migsdg.add_interim_targets(plan, "10.7", None, interim_ladder(1, 2020, 2, 2030, [2025]))


@pytest.mark.parametrize("name", EXAMPLES)
def test_ladder_command_on_examples(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], name: str
) -> None:
    plan = example(name)
    cat = migsdg.get_catalogue()
    target = next(t for t in plan.targets if cat.indicators_of_target(t))
    indicator = cat.indicators_of_target(target)[0].code
    taken = {
        it.due.year
        for it in plan.interim_targets
        if it.target == target and it.indicator == indicator and it.due
    }
    year = next(y for y in range(2026, 2031) if y not in taken)
    before = example_files[name].read_bytes()
    code, out, err = cli(
        capsys,
        *LADDER_ARGS[:-2],
        str(year),
        "--plan",
        str(example_files[name]),
        "--sdg-target",
        target,
        "--indicator",
        indicator,
        "--format",
        "json",
    )
    assert code == 0, err
    (added,) = json.loads(out)["interim_targets"]
    assert (added["target"], added["indicator"], added["due"]) == (
        target,
        indicator,
        f"{year}-12-31",
    )
    assert example_files[name].read_bytes() == before  # no --write
