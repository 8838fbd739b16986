"""Small, complete plans for the checks tests.

:func:`clean_plan` is an adopted national plan that every core rule passes: each test
breaks exactly one thing in it with :func:`attrs.evolve` (or the helpers below) and
asserts the one finding that follows.

The small builders here (:func:`day`, :func:`roles`, :func:`monitoring`,
:func:`with_intervention`) are shared with ``review_plans``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from migsdg import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    CapacityAssessment,
    CapacityLevel,
    Consultation,
    ConsultationKind,
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
    InterimTarget,
    Intervention,
    InterventionForm,
    InterventionType,
    Measure,
    Milestone,
    MonitoringEntry,
    Objective,
    Output,
    Participation,
    Period,
    PlanStatus,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)

D = Decimal


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def roles(lead: str = "mol", support: str = "cso") -> tuple[Role, ...]:
    """A lead for every stage and a supporting actor during implementation."""
    out = [Role(stage=s, actor=lead, role=RoleKind.LEAD, tasks=f"leads {s.value}") for s in Stage]
    out.append(
        Role(stage=Stage.IMPLEMENTATION, actor=support, role=RoleKind.SUPPORT, tasks="outreach")
    )
    return tuple(out)


def monitoring(
    indicator: str = "10.7.2",
    responsible: str = "mol",
    data_source: str = "Ministry administrative records",
) -> MonitoringEntry:
    """A complete monitoring entry: baseline, target, an interim value, disaggregation."""
    return MonitoringEntry(
        indicator=IndicatorRef(kind=IndicatorKind.SDG, code=indicator),
        baseline=Measure(value=D(2), year=2024),
        target=Measure(value=D(5), year=2030),
        interim=(Measure(value=D(3), year=2027),),
        disaggregation=(Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS),
        data_source=data_source,
        frequency=Frequency.ANNUAL,
        responsible=responsible,
    )


def intervention(
    id: str = "iv-1",
    target: str = "10.7",
    type: InterventionType = InterventionType.NEW_POLICY_OR_LEGISLATION,
    **changes: Any,
) -> Intervention:
    """A complete intervention serving ``target`` of objective ``obj-1``."""
    indicator = {"10.7": "10.7.2", "8.8": "8.8.2"}.get(target, f"{target}.1")
    iv = Intervention(
        id=id,
        title=f"Intervention {id}",
        description="Draft and adopt a national labour migration policy.",
        type=type,
        form=InterventionForm.POLICY_PROCESS,
        rationale="No policy framework governs labour migration today.",
        targets=(target,),
        objectives=("obj-1",),
        beneficiaries=(Beneficiary(group="Migrant workers", estimated_number=12000),),
        roles=roles(),
        coordination="A steering committee chaired by the ministry meets quarterly.",
        timeframe=Timeframe(
            start=day("2025-03-01"),
            end=day("2028-12-31"),
            milestones=(Milestone(date=day("2026-06-30"), description="Draft policy"),),
        ),
        outputs=(Output(description="Policy adopted by Cabinet", due=day("2027-06-30")),),
        outcomes=("Labour migration is governed by an adopted policy.",),
        supporting_activities=(
            SupportingActivity(
                kind=SupportingActivityKind.TRAINING,
                description="Training of ministry staff",
                cost=D(10000),
                actor="univ",
                beneficiary_actors=("mol",),
            ),
        ),
        resources=(CostLine(description="Consultants", amount=D(90000), year=2025),),
        funding=(
            FundingArrangement(source="budget", amount=D(100000), status=FundingStatus.SECURED),
        ),
        monitoring=(monitoring(indicator),),
    )
    return attrs.evolve(iv, **changes)


def clean_plan(**changes: Any) -> ActionPlan:
    """An adopted national plan with two interventions that passes every core rule."""
    plan = ActionPlan(
        id="plan-test",
        title="Test Migration-SDG Action Plan",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Planning Institute",
        authority_actor="pioj",
        period=Period(start=day("2025-01-01"), end=day("2030-12-31")),
        status=PlanStatus.ADOPTED,
        currency="USD",
        objectives=(
            Objective(id="obj-1", title="Safe and orderly migration", targets=("10.7", "8.8")),
        ),
        interim_targets=(
            InterimTarget(id="it-1", target="10.7", value=D(3), due=day("2027-12-31")),
        ),
        interventions=(
            intervention("iv-1", "10.7"),
            intervention("iv-2", "8.8", type=InterventionType.MIGRATION_PROGRAMMING),
        ),
        actors=(
            Actor(id="pioj", name="Planning Institute", kind=ActorKind.GOVERNMENT),
            Actor(
                id="mol",
                name="Ministry of Labour",
                kind=ActorKind.GOVERNMENT,
                capacity=CapacityAssessment(level=CapacityLevel.LACKING),
            ),
            Actor(id="cso", name="Migrant Rights Network", kind=ActorKind.CIVIL_SOCIETY),
            Actor(id="dia", name="Diaspora Council", kind=ActorKind.MIGRANT_ASSOCIATION),
            Actor(id="univ", name="University", kind=ActorKind.ACADEMIA),
        ),
        funding_sources=(
            FundingSource(
                id="budget", name="National budget", category=FundingCategory.DOMESTIC_BUDGET
            ),
        ),
        consultations=(
            Consultation(
                id="review-1",
                kind=ConsultationKind.INTERMINISTERIAL_WORKSHOP,
                date=day("2024-11-15"),
                participants=(
                    Participation(group=ActorKind.GOVERNMENT, count=25),
                    Participation(group=ActorKind.MIGRANT_ASSOCIATION, actors=("dia",)),
                    Participation(group=ActorKind.ACADEMIA, actors=("univ",)),
                ),
                decisions=("The plan is validated.",),
            ),
        ),
    )
    return attrs.evolve(plan, **changes)


def with_intervention(plan: ActionPlan, index: int = 0, **changes: Any) -> ActionPlan:
    """``plan`` with ``changes`` made to its intervention at ``index``."""
    ivs = list(plan.interventions)
    ivs[index] = attrs.evolve(ivs[index], **changes)
    return attrs.evolve(plan, interventions=tuple(ivs))


def with_item(plan: ActionPlan, field: str, index: int, **changes: Any) -> ActionPlan:
    """``plan`` with ``changes`` made to ``plan.<field>[index]``."""
    items = list(getattr(plan, field))
    items[index] = attrs.evolve(items[index], **changes)
    return attrs.evolve(plan, **{field: tuple(items)})
