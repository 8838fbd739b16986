"""Plans for plugin tests: the embedded examples, a minimal complete plan, and the round
trip through the plan file format."""

from __future__ import annotations

import datetime as _dt
import functools
import json
from decimal import Decimal
from typing import Any

import attrs

from migsdg.model import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    CostLine,
    Disaggregation,
    Frequency,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    IndicatorRef,
    Intervention,
    InterventionForm,
    InterventionType,
    Measure,
    MonitoringEntry,
    Objective,
    Output,
    Period,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)

__all__ = ["minimal_plan", "round_trip", "sample_plan", "sample_plans"]


def sample_plan(name: str = "national") -> ActionPlan:
    """An example plan shipped with migsdg (``national`` or ``provincial``), loaded once
    per process: plans are immutable values, so every test can share it.

    The national example is a complete, adopted plan; the provincial one is written in
    Spanish and has, among others, a food objective (target 2.1).

    :raises MigsdgError: ``name`` is not one of the examples.
    """
    return _example(name)


@functools.cache
def _example(name: str) -> ActionPlan:
    from migsdg.examples import load_example

    return load_example(name)


def _day(text: str) -> _dt.date:
    return _dt.date.fromisoformat(text)


def minimal_plan(**changes: Any) -> ActionPlan:
    """The smallest plan that the core checks find no error in: one objective (target
    10.7), three actors (a ministry, a civil society organisation and a diaspora
    association), a domestic budget line, and one fully described, costed, funded and
    monitored intervention.

    ``changes`` replace fields of the plan (``minimal_plan(interventions=())``). A plugin
    test adds its own interventions to it, or uses it to check that its rules and
    exporters cope with a small plan.
    """
    actors = (
        Actor(id="ministry", name="Ministry of Planning", kind=ActorKind.GOVERNMENT),
        Actor(id="cso", name="Migrant Rights Network", kind=ActorKind.CIVIL_SOCIETY),
        Actor(id="diaspora", name="Diaspora Council", kind=ActorKind.MIGRANT_ASSOCIATION),
    )
    leads = [
        Role(stage=stage, actor="ministry", role=RoleKind.LEAD, tasks=f"Leads the {stage.label}.")
        for stage in Stage
    ]
    roles = (
        *leads,
        Role(
            stage=Stage.DESIGN,
            actor="diaspora",
            role=RoleKind.CONSULTED,
            tasks="Brings migrants' experience into the design.",
        ),
        Role(
            stage=Stage.IMPLEMENTATION,
            actor="cso",
            role=RoleKind.SUPPORT,
            tasks="Runs outreach to migrant workers.",
        ),
    )
    intervention = Intervention(
        id="migration-policy",
        title="National labour migration policy",
        description="Draft, consult on and adopt a national labour migration policy.",
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        form=InterventionForm.POLICY_PROCESS,
        rationale="No policy framework governs labour migration today.",
        targets=("10.7",),
        objectives=("obj-1",),
        beneficiaries=(Beneficiary(group="Migrant workers and their families"),),
        roles=roles,
        coordination="A steering committee chaired by the ministry meets every quarter.",
        timeframe=Timeframe(start=_day("2026-01-01"), end=_day("2028-12-31")),
        outputs=(Output(description="Policy adopted by Cabinet", due=_day("2027-12-31")),),
        outcomes=("Labour migration is governed by an adopted policy.",),
        supporting_activities=(
            SupportingActivity(
                kind=SupportingActivityKind.TRAINING,
                description="Training of ministry staff on labour migration governance",
                cost=Decimal(10000),
                actor="ministry",
            ),
        ),
        resources=(
            CostLine(description="Policy drafting and consultations", amount=Decimal(90000)),
        ),
        funding=(
            FundingArrangement(
                source="budget", amount=Decimal(100000), status=FundingStatus.SECURED, year=2026
            ),
        ),
        monitoring=(
            MonitoringEntry(
                indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.2"),
                baseline=Measure(value=Decimal(2), year=2025),
                target=Measure(value=Decimal(5), year=2030),
                disaggregation=(Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS),
                data_source="Ministry administrative records",
                frequency=Frequency.ANNUAL,
                responsible="ministry",
            ),
        ),
    )
    plan = ActionPlan(
        id="minimal",
        title="Minimal Migration-SDG Action Plan",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Ministry of Planning",
        authority_actor="ministry",
        period=Period(start=_day("2026-01-01"), end=_day("2030-12-31")),
        currency="USD",
        objectives=(
            Objective(id="obj-1", title="Safe, orderly and regular migration", targets=("10.7",)),
        ),
        interventions=(intervention,),
        actors=actors,
        funding_sources=(
            FundingSource(
                id="budget", name="National budget", category=FundingCategory.DOMESTIC_BUDGET
            ),
        ),
    )
    return attrs.evolve(plan, **changes)


def sample_plans() -> dict[str, ActionPlan]:
    """The plans a plugin's rules must run on without raising: both examples, the minimal
    plan, an empty plan, and a sparse one whose intervention has nothing but an id and
    whose references lead nowhere (rules must not assume that fields are filled in)."""
    sparse = ActionPlan(
        id="sparse",
        objectives=(Objective(id="obj"),),
        actors=(Actor(id="actor"),),
        interventions=(
            Intervention(id="bare"),
            Intervention(
                id="dangling",
                objectives=("missing-objective",),
                roles=(Role(stage=Stage.DESIGN, actor="missing-actor"),),
                funding=(FundingArrangement(source="missing-source", amount=Decimal(1)),),
                monitoring=(MonitoringEntry(indicator=IndicatorRef(kind=IndicatorKind.PROXY)),),
            ),
        ),
    )
    return {
        "national": sample_plan("national"),
        "provincial": sample_plan("provincial"),
        "minimal": minimal_plan(),
        "empty": ActionPlan(id="empty"),
        "sparse": sparse,
    }


def round_trip(plan: ActionPlan) -> ActionPlan:
    """``plan`` written as the text of a JSON plan file and read back, as ``migsdg add``
    and ``migsdg check`` would see it.

    :raises PlanLoadError: what the plan holds cannot be read back (every problem, each
        with its key path).
    """
    from migsdg.io import loads_plan, plan_to_dict

    return loads_plan(json.dumps(plan_to_dict(plan)), format="json", source="round trip")
