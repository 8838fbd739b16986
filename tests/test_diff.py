"""The semantic plan diff: ``migsdg.diff_plans`` and ``migsdg diff``."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migsdg
from migsdg import (
    ActionPlan,
    ExchangeRate,
    FundingArrangement,
    FundingStatus,
    InterimTarget,
    Intervention,
    Measure,
    Objective,
    PlanStatus,
    Role,
    RoleKind,
    Stage,
    Timeframe,
)
from migsdg.cli import main
from migsdg.diff import diff_plans
from migsdg.i18n import translator
from migsdg.workflow import amend
from review_plans import (
    EXAMPLES,
    day,
    example,
    example_files,
    interministerial_workshop,
    intervention,
    national_plan,
    with_intervention,
)
from strategies import examples

__all__ = ["example_files"]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def paths(tmp_path: Path, old: ActionPlan, new: ActionPlan) -> tuple[str, str]:
    a = migsdg.save_plan(old, tmp_path / "old.json")
    b = migsdg.save_plan(new, tmp_path / "new.json")
    return str(a), str(b)


# -- no differences ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_against_itself_is_empty(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], name: str
) -> None:
    plan = example(name)
    assert diff_plans(plan, plan).is_empty
    path = str(example_files[name])
    code, out, _ = cli(capsys, "diff", path, path, "--exit-code")
    assert code == 0
    # In the plan's language ("sin diferencias" for the provincial plan).
    assert out.splitlines()[-1] == translator(plan.language)._("no differences")
    code, out, _ = cli(capsys, "diff", path, path, "--language", "en")
    assert out.splitlines()[-1] == "no differences"
    code, out, _ = cli(capsys, "diff", path, path, "--format", "json")
    data = json.loads(out)
    assert (data["format"], data["version"], data["identical"]) == ("migsdg-diff", 1, True)


def test_reordering_is_not_a_change() -> None:
    plan = national_plan()
    reordered = attrs.evolve(
        plan,
        interventions=plan.interventions[::-1],
        actors=plan.actors[::-1],
        existing_frameworks=plan.existing_frameworks[::-1],
    )
    reordered = with_intervention(reordered, 0, roles=reordered.interventions[0].roles[::-1])
    assert diff_plans(plan, reordered).is_empty


# -- what a diff reports --------------------------------------------------------------------------


def test_targets_objectives_and_interventions_added_and_dropped() -> None:
    old = national_plan()
    new = attrs.evolve(
        old,
        objectives=(
            attrs.evolve(old.objectives[0], targets=("10.7", "8.7")),
            Objective(id="obj-new", title="Protection", targets=("16.2",)),
        ),
        interventions=(
            *old.interventions[:2],
            intervention("iv-new", ("8.7",), objective="obj-new"),
        ),
    )
    d = diff_plans(old, new)
    assert d.targets_added == ("8.7", "16.2")
    assert d.targets_dropped == ("8.8", "10.c")
    assert (d.objectives.added, d.objectives.removed) == (("obj-new",), ("obj-remit",))
    (changed,) = d.objectives.changed
    assert changed[0] == "obj-labour"
    assert changed[1][0].path == "targets"
    assert (d.interventions.added, d.interventions.removed) == (("iv-new",), ("iv-remit",))


def test_intervention_changed_field_by_field() -> None:
    old = national_plan()
    iv = old.interventions[0]
    new = with_intervention(
        old,
        0,
        timeframe=attrs.evolve(iv.timeframe, end=day("2029-06-30")),
        outcomes=(*iv.outcomes, "Recruiters are licensed."),
    )
    d = diff_plans(old, new)
    assert d.interventions.ids == {"iv-policy"}
    changes = {c.path: c for c in d.interventions.changes_of("iv-policy")}
    assert set(changes) == {"timeframe.end", "outcomes"}
    assert (changes["timeframe.end"].old, changes["timeframe.end"].new) == (
        day("2028-12-31"),
        day("2029-06-30"),
    )


def test_role_changes_keyed_by_stage_and_actor() -> None:
    old = national_plan()
    roles = list(old.interventions[0].roles)
    roles[0] = attrs.evolve(roles[0], tasks="chairs the drafting committee")  # design/mol
    roles.pop()  # implementation/cso, support
    roles.append(Role(stage=Stage.MONITORING, actor="univ", role=RoleKind.SUPPORT))
    d = diff_plans(old, with_intervention(old, 0, roles=tuple(roles)))
    found = {(iv, c.path, c.kind) for iv, c in d.role_changes()}
    assert found == {
        ("iv-policy", "roles[design/mol].tasks", "changed"),
        ("iv-policy", "roles[implementation/cso]", "removed"),
        ("iv-policy", "roles[monitoring/univ]", "added"),
    }


def test_funding_changes_and_budget_deltas() -> None:
    old = national_plan()
    funding = list(old.interventions[1].funding)  # iv-recruit: budget, partner, jointfund
    funding[1] = attrs.evolve(funding[1], amount=Decimal(45000))  # partner pledged 30k -> 45k
    new = with_intervention(old, 1, funding=tuple(funding))
    d = diff_plans(old, new)
    (change,) = d.interventions.changes_of("iv-recruit")
    assert change.path == "funding[partner/pledged].amount"
    (delta,) = d.funding
    assert delta.intervention == "iv-recruit"
    assert (delta.delta("pledged"), delta.delta("gap"), delta.delta("required")) == (
        Decimal(15000),
        Decimal(-15000),
        Decimal(0),
    )
    assert d.funding_totals is not None
    assert d.funding_totals.delta("gap") == Decimal(-15000)
    data = d.to_dict()["funding"]
    assert data["interventions"][0]["pledged"] == {"old": "30000", "new": "45000", "delta": "15000"}


def test_interim_values_changed() -> None:
    old = national_plan()
    iv = old.interventions[0]
    entry = attrs.evolve(iv.monitoring[0], interim=(Measure(value=Decimal("3.5"), year=2027),))
    new = attrs.evolve(
        with_intervention(old, 0, monitoring=(entry,)),
        interim_targets=(
            attrs.evolve(old.interim_targets[0], value=Decimal(4)),
            InterimTarget(id="it-2", target="10.c", value=Decimal(5), due=day("2028-12-31")),
        ),
    )
    paths_ = [(c.path, c.kind) for c in diff_plans(old, new).interim_changes()]
    assert paths_ == [
        ("interim_targets[it-2]", "added"),
        ("interim_targets[it-1].value", "changed"),
        ("interventions[iv-policy].monitoring[10.7.2].interim[2027].value", "changed"),
    ]


def test_status_revisions_and_plan_fields() -> None:
    # Adopted through the workflow: the history records the adoption (amend refuses a
    # status set by hand).
    adoption = migsdg.Revision(
        number=1, date=day("2025-03-01"), summary="Adopted", status=PlanStatus.ADOPTED
    )
    old = national_plan(
        status=PlanStatus.ADOPTED,
        consultations=(interministerial_workshop(),),
        revisions=(adoption,),
    )
    new = amend(
        attrs.evolve(old, title="Revised national plan"),
        author="Secretariat",
        summary="Title revised",
        date=day("2026-01-10"),
        today=day("2026-01-10"),
    )
    d = diff_plans(old, new)
    assert (d.old_status, d.new_status) == (PlanStatus.ADOPTED, PlanStatus.AMENDED)
    assert [(c.path, c.old, c.new) for c in d.plan] == [
        ("title", "National Migration-SDG Action Plan", "Revised national plan")
    ]
    (rev,) = d.revisions_added
    assert (rev.number, rev.summary, rev.status) == (2, "Title revised", PlanStatus.AMENDED)
    assert d.history_rewritten == ()


def test_history_rewriting_is_reported() -> None:
    old = national_plan(
        revisions=(migsdg.Revision(number=1, date=day("2025-01-01"), summary="First"),)
    )
    new = attrs.evolve(old, revisions=())
    d = diff_plans(old, new)
    assert d.history_rewritten == ("revision 1 (2025-01-01) was removed",)
    assert not d.is_empty


def test_currency_change_and_unconvertible_amounts_skip_funding_deltas() -> None:
    old = national_plan()
    d = diff_plans(old, attrs.evolve(old, currency="EUR"))
    assert "currency changed from USD to EUR" in d.funding_note
    assert d.funding_totals is None
    bad = with_intervention(
        old,
        0,
        funding=(FundingArrangement(source="budget", amount=Decimal(1), currency="JMD"),),
    )
    d = diff_plans(old, bad)
    assert "JMD" in d.funding_note
    assert d.interventions.ids == {"iv-policy"}
    rated = attrs.evolve(
        bad, exchange_rates=(ExchangeRate(currency="JMD", rate=Decimal("0.0064")),)
    )
    assert diff_plans(old, rated).funding_note == ""


def test_diff_command_text_and_exit_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = national_plan()
    new = with_intervention(old, 0, title="National labour migration policy")
    a, b = paths(tmp_path, old, new)
    code, out, _ = cli(capsys, "diff", a, b)
    assert code == 0
    assert "~ iv-policy" in out
    assert "title: 'Intervention iv-policy' → 'National labour migration policy'" in out
    assert cli(capsys, "diff", a, b, "--exit-code")[0] == 1
    code, out, _ = cli(capsys, "diff", a, b, "--format", "json")
    assert json.loads(out) == json.loads(json.dumps(diff_plans(old, new).to_dict()))


def test_diff_command_on_an_amended_example(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], tmp_path: Path
) -> None:
    plan = example("provincial")
    last = max(r.date for r in plan.revisions)
    first = plan.interventions[0]
    amended = amend(
        plan,
        with_intervention(plan, 0, rationale=first.rationale + " (revised)"),
        author="Unidad",
        summary="Rationale revised",
        date=last + dt.timedelta(days=1),
    )
    new = migsdg.save_plan(amended, tmp_path / "new.json")
    code, out, _ = cli(capsys, "diff", str(example_files["provincial"]), str(new))
    assert code == 0
    assert f"~ {first.id}" in out
    assert "Revisiones añadidas" in out  # the plan's language
    assert "Rationale revised (Unidad) [Modificado tras su adopción]" in out
    code, out, _ = cli(
        capsys, "diff", str(example_files["provincial"]), str(new), "--language", "en"
    )
    assert "Revisions added" in out
    assert "Rationale revised (Unidad) [Amended]" in out


def test_diff_of_unreadable_file_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, err = cli(capsys, "diff", str(bad), str(bad))
    assert code == 2
    assert "Traceback" not in err


# -- properties -----------------------------------------------------------------------------------

TARGETS = ("10.7", "8.8", "10.c", "8.7", "17.3")
ACTORS = ("mol", "mof", "cso", "dia")
SOURCES = ("budget", "partner", "jointfund")
amounts = st.integers(0, 10**9).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def interventions(draw: st.DrawFn, index: int) -> Intervention:
    start = draw(st.none() | st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)))
    return Intervention(
        id=f"iv-{index}",
        title=draw(st.sampled_from(("", "Policy", "Programme", "Política"))),
        targets=tuple(draw(st.lists(st.sampled_from(TARGETS), unique=True, max_size=3))),
        roles=tuple(
            draw(
                st.lists(
                    st.builds(
                        Role,
                        stage=st.sampled_from(Stage),
                        actor=st.sampled_from(ACTORS),
                        role=st.sampled_from(RoleKind),
                    ),
                    max_size=4,
                )
            )
        ),
        funding=tuple(
            draw(
                st.lists(
                    st.builds(
                        FundingArrangement,
                        source=st.sampled_from(SOURCES),
                        amount=amounts,
                        status=st.sampled_from(FundingStatus),
                    ),
                    max_size=3,
                )
            )
        ),
        timeframe=Timeframe(start=start),
    )


@st.composite
def plans(draw: st.DrawFn) -> ActionPlan:
    n = draw(st.integers(0, 6))
    return ActionPlan(
        id="p",
        objectives=(
            Objective(id="o", targets=tuple(draw(st.lists(st.sampled_from(TARGETS), unique=True)))),
        ),
        interventions=tuple(draw(interventions(i)) for i in range(n)),
    )


def _mutations(iv: Intervention, kind: int) -> Intervention:
    if kind == 0:
        return attrs.evolve(iv, title=iv.title + "·")
    if kind == 1:
        return attrs.evolve(
            iv, roles=(*iv.roles, Role(stage=Stage.EVALUATION, actor="univ", role=RoleKind.LEAD))
        )
    if kind == 2:
        extra = FundingArrangement(source="partner", amount=Decimal("0.01"))
        return attrs.evolve(iv, funding=(*iv.funding, extra))
    if kind == 3:
        return attrs.evolve(iv, timeframe=Timeframe(start=dt.date(2031, 1, 1)))
    missing = [t for t in ("16.2", *TARGETS) if t not in iv.targets]
    return attrs.evolve(iv, targets=(*iv.targets, missing[0]))


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(plan: ActionPlan) -> None:
    d = diff_plans(plan, plan)
    assert d.is_empty
    assert d.funding == ()
    assert d.to_dict()["identical"] is True


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_diff_mentions_exactly_the_changed_interventions(plan: ActionPlan, data: Any) -> None:
    n = len(plan.interventions)
    chosen = data.draw(st.lists(st.integers(0, max(n - 1, 0)), unique=True, max_size=n))
    ivs = list(plan.interventions)
    for i in chosen:
        ivs[i] = _mutations(ivs[i], data.draw(st.integers(0, 4)))
    shuffled = data.draw(st.permutations(ivs))
    new = attrs.evolve(plan, interventions=tuple(shuffled))
    d = diff_plans(plan, new)
    assert {iv for iv, _ in d.interventions.changed} == {f"iv-{i}" for i in chosen}
    assert d.interventions.added == d.interventions.removed == ()
    assert d.is_empty == (not chosen)
    text = json.dumps(d.to_dict())
    for i in chosen:
        assert f'"iv-{i}"' in text


def test_new_and_corrected_achieved_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A monitoring round records a value for 2026 and corrects the one for 2025: both are
    listed, matched by year, with their paths from the plan's top."""
    from migsdg import AchievedValue

    def with_values(*values: AchievedValue) -> ActionPlan:
        plan = national_plan()
        entry = attrs.evolve(plan.interventions[0].monitoring[0], achieved=values)
        return with_intervention(plan, 0, monitoring=(entry,))

    v2025 = AchievedValue(value=Decimal(2), year=2025, source="Register")
    old = with_values(v2025)
    new = with_values(
        attrs.evolve(v2025, value=Decimal("2.5"), note="corrected"),
        AchievedValue(value=Decimal(3), year=2026, source="Register"),
    )
    d = diff_plans(old, new)
    iv, code = new.interventions[0].id, new.interventions[0].monitoring[0].indicator.code
    base = f"interventions[{iv}].monitoring[{code}].achieved"
    assert [(c.path, c.kind, c.old, c.new) for c in d.achieved_changes()] == [
        (f"{base}[2025].value", "changed", Decimal(2), Decimal("2.5")),
        (f"{base}[2025].note", "changed", "", "corrected"),
        (f"{base}[2026]", "added", None, new.interventions[0].monitoring[0].achieved[1]),
    ]
    assert d.to_dict()["achieved_values"][2]["new"] == {
        "value": 3,
        "year": 2026,
        "source": "Register",
    }
    assert diff_plans(old, old).achieved_changes() == ()
    code_, out, _ = cli(capsys, "diff", *paths(tmp_path, old, new))
    assert code_ == 0
    section = out[out.index("\nAchieved values\n") :]
    assert f"{base}[2026]" in section and f"{base}[2025].value" in section
