"""Plans for the Word export tests: one that fills every criterion, one that fills almost
none, the embedded examples (national, provincial) and the incomplete draft fixture."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs

from migsdg import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    Consultation,
    ConsultationKind,
    CostLine,
    Disaggregation,
    ExchangeRate,
    ExistingFramework,
    FrameworkKind,
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
    Revision,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
    load_plan,
)

D = dt.date
INCOMPLETE_DRAFT = Path(__file__).parent / "data" / "incomplete_draft.yaml"


def _intervention(n: int, *, start: dt.date, end: dt.date) -> Intervention:
    return Intervention(
        id=f"iv-{n}",
        title=f"Ethical recruitment programme {n}",
        description="A programme with licensed recruitment agencies and pre-departure "
        "orientation for workers going abroad.",
        type=InterventionType.MIGRATION_PROGRAMMING,
        form=InterventionForm.PROGRAMME,
        sector="Labour",
        rationale="Recruitment fees push migrant workers into debt.\n\nAgencies are not monitored.",
        targets=("8.8", "10.7"),
        objectives=("obj-labour",),
        beneficiaries=(Beneficiary(group="Migrant workers", estimated_number=12000),),
        roles=(
            Role(stage=Stage.IMPLEMENTATION, actor="mol", role=RoleKind.LEAD, tasks="Licensing"),
            Role(stage=Stage.DESIGN, actor="mol", role=RoleKind.LEAD, tasks="Drafts rules"),
            Role(stage=Stage.DESIGN, actor="csos", role=RoleKind.CONSULTED, tasks="Reviews"),
        ),
        coordination="A joint committee meets each quarter.",
        timeframe=Timeframe(
            start=start,
            end=end,
            milestones=(Milestone(date=D(2026, 6, 30), description="Rules adopted"),),
        ),
        outputs=(
            Output(
                description="Agency rules adopted", due=D(2026, 6, 30), interim_targets=("it-1",)
            ),
        ),
        outcomes=("Workers pay no recruitment fees.",),
        supporting_activities=(
            SupportingActivity(
                kind=SupportingActivityKind.TRAINING,
                description="Labour inspectors trained",
                cost=Decimal("50000"),
                actor="mol",
            ),
        ),
        resources=(
            CostLine(description="Licensing system", amount=Decimal("250000"), year=2026),
            CostLine(description="Outreach", amount=Decimal("10000"), currency="USD", year=2027),
        ),
        funding=(
            FundingArrangement(
                source="budget", amount=Decimal("200000"), status=FundingStatus.SECURED
            ),
            FundingArrangement(source="jsf", amount=Decimal("40000"), status=FundingStatus.PLEDGED),
            FundingArrangement(
                source="jsf", amount=Decimal("30000"), status=FundingStatus.PROPOSED
            ),
        ),
        monitoring=(
            MonitoringEntry(
                indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.1"),
                baseline=Measure(value=Decimal("14.5"), year=2024),
                target=Measure(value=Decimal("5"), year=2030),
                interim=(Measure(value=Decimal("10"), year=2027),),
                disaggregation=(Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS),
                data_source="Labour force survey",
                frequency=Frequency.ANNUAL,
                responsible="stats",
            ),
        ),
    )


def full_plan(interventions: int = 2) -> ActionPlan:
    """A national draft that fills every criterion of every intervention."""
    return ActionPlan(
        id="test-plan",
        title="National Migration-SDG Action Plan 2025–2030",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Ministry of Planning",
        period=Period(start=D(2025, 1, 1), end=D(2030, 12, 31)),
        status=PlanStatus.IN_REVIEW,
        currency="JMD",
        exchange_rates=(ExchangeRate(currency="USD", rate=Decimal("155")),),
        summary="A plan to put the migration policy into practice.",
        objectives=(
            Objective(id="obj-labour", title="Fair labour mobility", targets=("8.8", "10.7")),
            Objective(id="obj-data", title="Migration data", targets=("17.18",)),
        ),
        interim_targets=(
            InterimTarget(
                id="it-1", target="8.8", value=Decimal("50"), unit="%", due=D(2027, 12, 31)
            ),
        ),
        interventions=tuple(
            _intervention(n, start=D(2025 + n % 3, 1, 1), end=D(2029, 12, 31))
            for n in range(1, interventions + 1)
        ),
        actors=(
            Actor(id="mol", name="Ministry of Labour", kind=ActorKind.GOVERNMENT),
            Actor(id="csos", name="Migrant workers' associations", kind=ActorKind.CIVIL_SOCIETY),
            Actor(id="stats", name="Statistical Institute", kind=ActorKind.GOVERNMENT),
        ),
        funding_sources=(
            FundingSource(
                id="budget", name="National budget", category=FundingCategory.DOMESTIC_BUDGET
            ),
            FundingSource(id="jsf", name="Joint SDG Fund", category=FundingCategory.SDG_FUND),
        ),
        consultations=(
            Consultation(
                id="c1",
                kind=ConsultationKind.INTERMINISTERIAL_WORKSHOP,
                date=D(2025, 3, 4),
                title="Review workshop",
                participants=(Participation(group=ActorKind.GOVERNMENT, actors=("mol",)),),
                decisions=("Validate the interventions",),
            ),
        ),
        revisions=(
            Revision(number=1, date=D(2024, 11, 5), author="Secretariat", summary="First draft"),
            Revision(number=2, date=D(2025, 3, 10), author="Secretariat", summary="Review"),
        ),
        existing_frameworks=(
            ExistingFramework(
                id="fw-policy",
                name="National Migration Policy",
                kind=FrameworkKind.POLICY_FRAMEWORK,
                level=GovernanceLevel.NATIONAL,
            ),
        ),
    )


def sparse_plan() -> ActionPlan:
    """A first draft: two interventions, one named, neither filled in."""
    return ActionPlan(
        id="sparse",
        language="fr",
        interventions=(Intervention(id="iv-a", title="Guichet unique"), Intervention(id="iv-b")),
    )


def example(name: str) -> ActionPlan:
    """An embedded example plan."""
    from migsdg.examples import load_example

    return load_example(name)


def incomplete_draft() -> ActionPlan:
    """The incomplete draft fixture: a plan half-way through, with gaps of every kind."""
    return load_plan(INCOMPLETE_DRAFT)


def plan_named(name: str) -> ActionPlan:
    if name == "full":
        return full_plan()
    if name == "sparse":
        return sparse_plan()
    if name == "incomplete_draft":
        return incomplete_draft()
    return example(name)


def with_text(plan: ActionPlan, **fields: str) -> ActionPlan:
    return attrs.evolve(plan, **fields)
