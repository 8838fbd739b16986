"""The example plans shipped with migsdg, and the incomplete draft fixture."""

from __future__ import annotations

import enum
from collections import Counter
from pathlib import Path

import attrs
import pytest

import migsdg
import migsdg.model as m
from migsdg.cli import main
from migsdg.errors import MigsdgError
from migsdg.examples import example_path, example_text, load_example, names
from migsdg.views import funding_summary

DRAFT = Path(__file__).parent / "data" / "incomplete_draft.yaml"


def test_the_examples_are_national_and_provincial() -> None:
    assert names() == ("national", "provincial")


@pytest.mark.parametrize("name", ["", "Nacional", "national.yaml", "../data/framework"])
def test_an_unknown_example_is_an_error_naming_the_examples(name: str) -> None:
    with pytest.raises(MigsdgError, match="the examples are: national, provincial"):
        load_example(name)
    with pytest.raises(MigsdgError):
        example_path(name)


@pytest.mark.parametrize("name", names())
def test_example_files_are_package_data(name: str) -> None:
    path = example_path(name)
    assert path.name == f"{name}.yaml"
    assert path.read_text(encoding="utf-8") == example_text(name)
    assert migsdg.loads_plan(example_text(name)) == load_example(name)


@pytest.mark.parametrize("name", names())
def test_examples_pass_the_checks_without_errors(name: str) -> None:
    report = migsdg.check(load_example(name))
    assert report.errors == ()
    # What is left are real points for the planner: funding gaps and the like.
    assert report.codes() <= {"AP402", "AP604", "RV105"}


@pytest.mark.parametrize("name", names())
def test_examples_mark_their_figures_as_illustrative(name: str) -> None:
    word = "illustrative" if load_example(name).language == "en" else "ilustrativ"
    assert word in load_example(name).summary.lower()
    header = [line for line in example_text(name).splitlines() if line.startswith("#")]
    assert word in " ".join(header).lower()  # in the file's header comment too


def test_the_national_example() -> None:
    plan = load_example("national")
    assert (plan.level, plan.country, plan.status) == (
        m.GovernanceLevel.NATIONAL,
        "JAM",
        m.PlanStatus.AMENDED,  # revised after its adoption, as the amend step records it
    )
    assert plan.currency == "JMD"
    assert [r.currency for r in plan.exchange_rates] == ["USD"]
    assert "National Policy on International Migration and Development" in plan.summary
    reviews = [c for c in plan.consultations if c.kind.is_review]
    assert m.ConsultationKind.INTERMINISTERIAL_WORKSHOP in {c.kind for c in reviews}
    assert set(plan.targets) >= {"10.7", "8.8", "3.c", "10.c", "17.18"}
    assert plan.revisions[-1].status is plan.status


def test_the_provincial_example() -> None:
    plan = load_example("provincial")
    assert (plan.level, plan.country, plan.language, plan.currency) == (
        m.GovernanceLevel.SUBNATIONAL,
        "ECU",
        "es",
        "USD",
    )
    assert plan.parent
    kinds = Counter(c.kind for c in plan.consultations)
    assert kinds[m.ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP] >= 2
    # The guide's case: provincial units add migrants and displaced persons as beneficiaries.
    actors = {a.id: a for a in plan.actors}
    leads = {
        actors[r.actor].name
        for iv in plan.interventions
        for r in iv.roles
        if r.stage is m.Stage.IMPLEMENTATION and r.role is m.RoleKind.LEAD
    }
    for unit in ("Soberanía Alimentaria", "Salud", "Violencia Intrafamiliar", "Discapacidad"):
        assert any(unit in name for name in leads), unit
    assert "Ley Orgánica de Movilidad Humana" in plan.summary


def test_the_examples_together_use_every_field_of_the_model() -> None:
    seen: set[tuple[str, str]] = set()

    def walk(obj: object) -> None:
        if attrs.has(type(obj)):
            for a in attrs.fields(type(obj)):
                value = getattr(obj, a.name)
                if a.default is attrs.NOTHING or value != a.default:
                    seen.add((type(obj).__name__, a.name))
                walk(value)
        elif isinstance(obj, tuple):
            for x in obj:
                walk(x)

    for name in names():
        walk(load_example(name))
    every = {
        (cl.__name__, a.name)
        for cl in (getattr(m, n) for n in m.__all__)
        if attrs.has(cl)
        for a in attrs.fields(cl)
    }
    assert every - seen == set()


@pytest.mark.parametrize(
    "choices",
    [
        m.InterventionType,
        m.InterventionForm,
        m.Stage,
        m.RoleKind,
        m.FundingCategory,
        m.FundingStatus,
        m.IndicatorKind,
        m.CapacityLevel,
        m.ConsultationKind,
        m.FrameworkKind,
        m.GovernanceLevel,
        m.ReviewToolKind,
        m.InteractionKind,
    ],
)
def test_the_examples_use_every_value_of(choices: type[enum.Enum]) -> None:
    used: set[enum.Enum] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, choices):
            used.add(obj)
        elif attrs.has(type(obj)):
            for a in attrs.fields(type(obj)):
                walk(getattr(obj, a.name))
        elif isinstance(obj, tuple):
            for x in obj:
                walk(x)

    for name in names():
        walk(load_example(name))
    assert used == set(choices)


def test_the_national_example_has_every_kind_of_stakeholder() -> None:
    kinds = {a.kind for a in load_example("national").actors}
    assert kinds == set(m.ActorKind) - {m.ActorKind.OTHER}


@pytest.mark.parametrize("name", names())
def test_every_intervention_of_the_examples_has_a_lead_at_each_stage(name: str) -> None:
    for iv in load_example(name).interventions:
        leads = {r.stage for r in iv.roles if r.role is m.RoleKind.LEAD}
        assert leads == set(m.Stage), iv.id


@pytest.mark.parametrize("name", names())
def test_example_funding_adds_up(name: str) -> None:
    summary = funding_summary(load_example(name))
    assert summary.required > 0
    assert summary.secured > 0
    assert {c.category for c in summary.categories if c.total > 0} == set(m.FundingCategory)


# -- the incomplete draft --------------------------------------------------------------------


def test_the_incomplete_draft_loads() -> None:
    plan = migsdg.load_plan(DRAFT)
    assert plan.status is m.PlanStatus.DRAFT
    assert plan.level is m.GovernanceLevel.LOCAL


def test_the_incomplete_draft_makes_many_rules_fire_at_exact_places() -> None:
    report = migsdg.check(migsdg.load_plan(DRAFT))
    assert report.has_errors
    assert len(report.codes()) >= 30
    found = {(f.code, f.location) for f in report.findings}
    for expected in [
        ("AP102", "interventions[0].rationale"),
        ("AP103", "interventions[3].roles"),
        ("AP108", "interventions[3].monitoring"),
        ("AP404", "interventions[0].funding[1].source"),
        ("AP306", "interim_targets[0].due"),
        ("AP301", "interventions[3].timeframe.end"),
        ("AP401", "interventions[0].supporting_activities[0].cost"),
        ("AP501", "interventions[0].roles[2].actor"),
        ("AP202", "objectives[1].targets"),
        ("AP203", "objectives[2].targets[0]"),
        ("AP801", "interventions[1]"),
    ]:
        assert expected in found, expected
    # Every one of the eight criteria is missing somewhere.
    assert {f"AP10{i}" for i in range(1, 9)} <= report.codes()


def test_migsdg_check_on_the_incomplete_draft_exits_1_with_locations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(DRAFT)]) == 1
    out = capsys.readouterr().out
    assert "interventions[0].rationale" in out
    assert "AP404" in out


@pytest.mark.parametrize("name", names())
def test_a_revision_after_adoption_is_an_amendment(name: str) -> None:
    plan = load_example(name)
    statuses = [r.status for r in sorted(plan.revisions, key=lambda r: r.number)]
    adopted = statuses.index(m.PlanStatus.ADOPTED)
    assert all(s in (m.PlanStatus.AMENDED, m.PlanStatus.IN_REVIEW) for s in statuses[adopted + 1 :])
    assert plan.status is statuses[-1]


@pytest.mark.parametrize("name", names())
def test_no_value_is_dated_after_the_plans_last_revision(name: str) -> None:
    """A baseline, or an achieved value, cannot come from a year after the plan was last
    revised (the national example once had a 2024 baseline in a plan of July 2023)."""
    plan = load_example(name)
    last = max(r.date for r in plan.revisions)
    for iv in plan.interventions:
        for entry in iv.monitoring:
            if entry.baseline is not None and entry.baseline.year is not None:
                assert entry.baseline.year <= last.year, (iv.id, entry.indicator)
            for v in entry.achieved:
                assert v.year is None or v.year <= last.year, (iv.id, v)
                assert v.date is None or v.date <= last, (iv.id, v)
        for milestone in iv.timeframe.milestones:
            assert milestone.reached_on is None or milestone.reached_on <= last


def test_the_national_examples_funding_partners_are_who_provides_the_money() -> None:
    plan = load_example("national")
    sources = {s.id: s for s in plan.funding_sources}
    actors = {a.id: a for a in plan.actors}
    # Employers abroad pay under the employer-pays principle: not Jamaica's employers'
    # federation, which is consulted on the recruitment law.
    assert sources["employers"].provider is None
    # The Migration MPTF funds joint programmes of UN entities, engaging more than one
    # government entity and civil society or migrants: no single agency office provides it.
    assert sources["migration-mptf"].provider is None
    funded = [
        iv for iv in plan.interventions if any(f.source == "migration-mptf" for f in iv.funding)
    ]
    assert funded
    for iv in funded:
        kinds = [actors[r.actor].kind for r in iv.roles]
        un = {
            r.actor
            for r in iv.roles
            if actors[r.actor].kind is m.ActorKind.INTERNATIONAL_ORGANISATION
        }
        assert len(un) >= 2, iv.id
        government = {
            r.actor
            for r in iv.roles
            if actors[r.actor].kind in (m.ActorKind.GOVERNMENT, m.ActorKind.SUBNATIONAL_GOVERNMENT)
        }
        assert len(government) >= 2, iv.id
        assert {m.ActorKind.CIVIL_SOCIETY, m.ActorKind.MIGRANT_ASSOCIATION} & set(kinds), iv.id


@pytest.mark.parametrize("name", names())
def test_the_examples_check_clean(name: str) -> None:
    report = migsdg.check(load_example(name))
    assert not report.errors
    # What is left is the guide's resource mobilization plan at work (funding still
    # sought) and the list of migration targets for consideration.
    assert report.codes() <= {"AP402", "RV105"}
