"""The review of existing frameworks (``migsdg.review``, rules RV1xx, ``migsdg review``)."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import migsdg
from migsdg import (
    ExistingFramework,
    FrameworkKind,
    GovernanceLevel,
    Objective,
    Role,
    RoleKind,
    Stage,
)
from migsdg.cli import main
from migsdg.present import review_view
from migsdg.review import normalise_policy_area, review
from review_plans import (
    EXAMPLES,
    example,
    example_files,
    intervention,
    national_plan,
    provincial_plan,
    with_intervention,
)

__all__ = ["example_files"]  # the fixture, imported for pytest
RV_CODES = {"RV101", "RV102", "RV103", "RV104", "RV105", "RV106"}


def rv_findings(plan: migsdg.ActionPlan, code: str) -> list[migsdg.Finding]:
    return [f for f in migsdg.check(plan, select=[code]).findings if f.code == code]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- the examples and the complete plans --------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_review_matrix_rows_are_the_prioritized_targets(name: str) -> None:
    plan = example(name)
    result = review(plan)
    assert result.targets == plan.targets
    for row in result.matrix:
        served = {iv.id for iv in plan.interventions if row.target in iv.targets}
        assert set(row.interventions) == served
        known = {fw.id for fw in plan.existing_frameworks if row.target in fw.targets}
        assert set(row.frameworks) == known
    assert result.covered == sum(1 for r in result.matrix if r.frameworks or r.interventions)


@pytest.mark.parametrize("name", EXAMPLES)
def test_review_command_on_examples(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], name: str
) -> None:
    path = example_files[name]
    code, out, err = cli(capsys, "review", str(path))
    assert code == 0, err
    view = review_view(example(name))  # in the plan's language
    assert view.language == example(name).language
    assert out.startswith(view.title)
    for section in view.sections:
        assert section.title in out
    code, out, err = cli(capsys, "review", str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data == review(example(name)).to_dict()
    assert (data["format"], data["version"]) == ("migsdg-review", 1)


@pytest.mark.parametrize(
    "plan", [national_plan(), provincial_plan()], ids=["national", "provincial"]
)
def test_complete_plans_have_no_review_flags(plan: migsdg.ActionPlan) -> None:
    result = review(plan)
    assert result.gaps == ()
    assert result.duplications == ()
    assert result.horizontal == ()
    assert result.vertical == ()
    assert result.share_covered == 1
    assert not result.has_flags


def test_review_rules_run_with_migsdg_check() -> None:
    report = migsdg.check(national_plan())
    assert set(report.rules_run) >= RV_CODES


# -- gaps --------------------------------------------------------------------------------------


def test_gap_is_a_prioritized_target_with_neither_framework_nor_intervention() -> None:
    plan = national_plan()
    plan = attrs.evolve(
        plan,
        objectives=(*plan.objectives, Objective(id="obj-new", title="New", targets=("8.7",))),
    )
    result = review(plan)
    assert result.gaps == ("8.7",)
    assert result.covered == 3
    assert str(result.share_covered) == "0.750"
    (finding,) = rv_findings(plan, "RV101")
    assert finding.location == "objectives[2].targets[0]"
    assert "8.7" in finding.message


def test_target_served_only_by_a_framework_is_not_a_gap() -> None:
    plan = national_plan()
    plan = attrs.evolve(
        plan,
        objectives=(*plan.objectives, Objective(id="obj-new", targets=("8.7",))),
        existing_frameworks=(
            *plan.existing_frameworks,
            ExistingFramework(id="fw-tip", name="Anti-trafficking plan", targets=("8.7",)),
        ),
    )
    result = review(plan)
    assert result.gaps == ()
    row = {r.target: r for r in result.matrix}["8.7"]
    assert (row.frameworks, row.interventions) == (("fw-tip",), ())
    assert result.covered_by_frameworks == 4
    assert result.covered_by_interventions == 3


# -- duplication --------------------------------------------------------------------------------


def test_duplication_same_level_area_and_target_without_link() -> None:
    # iv-recruit (national, labour migration, 8.8) no longer links to fw-act (national,
    # "Labour-Migration", 8.8 and 10.7): possible duplication, of all its targets.
    plan = with_intervention(national_plan(), 1, links=())
    (dup,) = review(plan).duplications
    assert (dup.intervention.id, dup.framework.id) == ("iv-recruit", "fw-act")
    assert dup.targets == ("8.8",)
    assert dup.full
    (finding,) = rv_findings(plan, "RV102")
    assert finding.intervention == "iv-recruit"
    assert finding.location == "interventions[1]"
    assert "fw-act" in finding.message


def test_duplication_reports_shared_targets_when_partial() -> None:
    plan = with_intervention(national_plan(), 1, links=(), targets=("8.8", "8.7"))
    (dup,) = review(plan).duplications
    assert dup.targets == ("8.8",)
    assert not dup.full


@pytest.mark.parametrize(
    "change",
    [
        {"links": ("fw-act",)},  # the link says how it builds on the framework
        {"policy_area": "health"},  # another policy area
        {"targets": ("8.7",)},  # no shared target
    ],
)
def test_no_duplication_when_linked_or_different(change: dict[str, object]) -> None:
    plan = with_intervention(national_plan(), 1, **{"links": (), **change})
    assert review(plan).duplications == ()


def test_no_duplication_across_levels() -> None:
    plan = with_intervention(national_plan(level=GovernanceLevel.LOCAL), 1, links=())
    assert review(plan).duplications == ()


def test_policy_areas_compared_without_case_and_separators() -> None:
    assert normalise_policy_area(" Labour-Migration ") == "labour migration"
    assert normalise_policy_area("labour_migration") == normalise_policy_area("LABOUR  migration")


# -- horizontal coherence ---------------------------------------------------------------------


def _two_owners(**iv_changes: object) -> migsdg.ActionPlan:
    """Target 10.c in policy area finance: fw-remit (owner mof) and a new intervention led by
    the central bank, with no coordination text."""
    plan = national_plan()
    bank = migsdg.Actor(id="boj", name="Central Bank", kind=migsdg.ActorKind.GOVERNMENT)
    iv = intervention(
        "iv-bank",
        ("10.c",),
        objective="obj-remit",
        lead="boj",
        area="Finance",
        coordination="",
        links=("fw-remit",),
    )
    iv = attrs.evolve(iv, **iv_changes)
    return attrs.evolve(
        plan,
        actors=(*plan.actors, bank),
        interventions=(*plan.interventions, iv),
        existing_frameworks=tuple(
            attrs.evolve(fw, coordination="") for fw in plan.existing_frameworks
        ),
    )


def test_horizontal_flag_several_owners_no_coordination() -> None:
    # iv-remit (mof) is linked from fw-remit (mof); iv-bank (boj) links to nothing and
    # nobody records coordination text.
    plan = _two_owners(links=())
    plan = with_intervention(plan, 2, coordination="")
    (flag,) = review(plan).horizontal
    assert flag.target == "10.c"
    assert flag.level is GovernanceLevel.NATIONAL
    assert set(flag.owners) == {"mof", "boj"}
    assert sorted(map(sorted, flag.unconnected)) == [["boj"], ["mof"]]
    (finding,) = rv_findings(plan, "RV103")
    assert "10.c" in finding.message
    assert finding.location == "interventions[2]"


def test_horizontal_link_between_owners_is_coordination() -> None:
    plan = with_intervention(_two_owners(links=("iv-remit",)), 2, coordination="")
    assert review(plan).horizontal == ()


def test_horizontal_coordination_text_is_coordination() -> None:
    plan = _two_owners(links=(), coordination="Joint remittance task force with the MoF.")
    plan = with_intervention(plan, 2, coordination="")
    assert review(plan).horizontal == ()


def test_horizontal_three_owners_one_linked_pair_still_flagged() -> None:
    plan = with_intervention(_two_owners(links=("iv-remit",)), 2, coordination="")
    post = migsdg.Actor(id="post", name="Postal Service", kind=migsdg.ActorKind.GOVERNMENT)
    third = intervention(
        "iv-post", ("10.c",), objective="obj-remit", lead="post", area="finance", coordination=""
    )
    plan = attrs.evolve(
        plan, actors=(*plan.actors, post), interventions=(*plan.interventions, third)
    )
    (flag,) = review(plan).horizontal
    assert sorted(map(sorted, flag.unconnected)) == [["boj", "mof"], ["post"]]


def test_horizontal_owner_is_the_implementation_lead() -> None:
    # iv-bank's design is led by the central bank but its implementation by the Ministry of
    # Finance: its owner is mof, the owner of everything else on 10.c, so no flag.
    roles = (
        Role(stage=Stage.DESIGN, actor="boj", role=RoleKind.LEAD),
        Role(stage=Stage.IMPLEMENTATION, actor="mof", role=RoleKind.LEAD),
    )
    plan = with_intervention(_two_owners(links=(), roles=roles), 2, coordination="")
    assert review(plan).horizontal == ()
    flipped = (
        Role(stage=Stage.DESIGN, actor="mof", role=RoleKind.LEAD),
        Role(stage=Stage.IMPLEMENTATION, actor="boj", role=RoleKind.LEAD),
    )
    plan = with_intervention(_two_owners(links=(), roles=flipped), 2, coordination="")
    assert len(review(plan).horizontal) == 1


# -- vertical coherence -------------------------------------------------------------------------


def test_vertical_flag_when_levels_not_linked() -> None:
    plan = with_intervention(provincial_plan(), 0, links=())
    (flag,) = review(plan).vertical
    assert flag.target == "10.7"
    assert (flag.upper_level, flag.lower_level) == (
        GovernanceLevel.NATIONAL,
        GovernanceLevel.SUBNATIONAL,
    )
    assert [x.id for x in flag.upper] == ["fw-national-policy"]
    assert [x.id for x in flag.lower] == ["iv-services"]
    (finding,) = rv_findings(plan, "RV104")
    assert finding.intervention == "iv-services"
    assert "national" in finding.message and "subnational" in finding.message


def test_vertical_link_from_the_framework_side_counts() -> None:
    plan = with_intervention(provincial_plan(), 0, links=())
    fw = attrs.evolve(plan.existing_frameworks[0], links=("iv-services",))
    assert review(attrs.evolve(plan, existing_frameworks=(fw,))).vertical == ()


def test_vertical_flags_each_unlinked_pair_of_levels() -> None:
    plan = with_intervention(provincial_plan(), 0, links=())
    local = ExistingFramework(
        id="fw-city",
        name="City migrant desk",
        kind=FrameworkKind.PROJECT,
        level=GovernanceLevel.LOCAL,
        policy_area="health",
        owner="prov-gov",
        targets=("10.7",),
        links=("iv-services",),
    )
    plan = attrs.evolve(plan, existing_frameworks=(*plan.existing_frameworks, local))
    pairs = {(v.upper_level.value, v.lower_level.value) for v in review(plan).vertical}
    # subnational-local is linked; national is linked to neither lower level
    assert pairs == {("national", "subnational"), ("national", "local")}


# -- migration lens and inventory ----------------------------------------------------------------


def test_unprioritized_explicit_migration_targets_are_listed_as_information() -> None:
    plan = national_plan()
    explicit = [t.code for t in migsdg.get_catalogue().migration_targets("explicit")]
    expected = tuple(t for t in explicit if t not in plan.targets)
    assert review(plan).unprioritized_migration_targets == expected
    (finding,) = rv_findings(plan, "RV105")
    assert finding.severity is migsdg.Severity.INFO
    assert all(t in finding.message for t in expected)


def test_incomplete_inventory_entry_and_empty_inventory() -> None:
    plan = national_plan()
    bare = ExistingFramework(id="fw-bare", name="Something", targets=("10.7",))
    incomplete = attrs.evolve(plan, existing_frameworks=(*plan.existing_frameworks, bare))
    (f,) = review(incomplete).incomplete_frameworks
    assert f.missing == ("level", "policy_area", "owner")
    (finding,) = rv_findings(incomplete, "RV106")
    assert finding.location == "existing_frameworks[2]"
    empty = attrs.evolve(plan, existing_frameworks=())
    (finding,) = rv_findings(empty, "RV106")
    assert finding.location == "existing_frameworks"


def test_review_scope_ignores_framework_targets_the_plan_does_not_touch() -> None:
    plan = provincial_plan()
    elsewhere = ExistingFramework(
        id="fw-other",
        level=GovernanceLevel.LOCAL,
        policy_area="health",
        owner="prov-gov",
        targets=("3.8",),
    )
    fw = attrs.evolve(plan.existing_frameworks[0], targets=("10.7", "3.8"))
    plan = attrs.evolve(plan, existing_frameworks=(fw, elsewhere))
    assert review(plan).vertical == ()


def test_review_of_a_large_plan_groups_by_target() -> None:
    # 400 interventions by 400 owners on one target and area (with fw-act, owned by mol):
    # one horizontal flag naming every owner, and each intervention a possible duplicate
    # of fw-act.
    base = national_plan()
    actors = tuple(migsdg.Actor(id=f"a{i}", kind=migsdg.ActorKind.GOVERNMENT) for i in range(400))
    ivs = tuple(
        intervention(f"x{i}", ("10.7",), objective="obj-labour", lead=f"a{i}", coordination="")
        for i in range(400)
    )
    plan = attrs.evolve(base, actors=(*base.actors, *actors), interventions=ivs)
    result = review(plan)
    (flag,) = result.horizontal
    assert len(flag.owners) == 401
    assert len(flag.unconnected) == 401
    assert len(result.duplications) == 400
