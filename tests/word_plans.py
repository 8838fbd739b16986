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
    if name == "flagged":
        return flagged_plan()
    return example(name)


def with_text(plan: ActionPlan, **fields: str) -> ActionPlan:
    return attrs.evolve(plan, **fields)


def flagged_plan() -> ActionPlan:
    """A national draft whose review finds one of everything: a gap (8.7, prioritized but
    served by nothing), a possible duplication (iv-recruit and the Employment Agencies Act,
    no longer linked), a horizontal flag (10.c in finance: the Ministry of Finance and the
    Central Bank, no coordination recorded; the bank's portal shares only 10.c of its
    targets with the financial inclusion strategy), a vertical flag (10.7: a city framework with
    no link to the national items) and an inventory entry without level, area or owner."""
    from review_plans import intervention, national_plan, with_intervention

    plan = national_plan()
    plan = with_intervention(plan, 1, links=())  # iv-recruit: duplicates fw-act
    plan = with_intervention(plan, 2, coordination="")  # iv-remit
    bank = intervention(
        "iv-bank",
        ("10.c", "17.3"),
        objective="obj-remit",
        lead="boj",
        area="Finance",
        coordination="",
        title="Remittance price comparison portal",
    )
    city = ExistingFramework(
        id="fw-city",
        name="City migrant desk",
        kind=FrameworkKind.PROJECT,
        level=GovernanceLevel.LOCAL,
        policy_area="migration services",
        owner="mol",
        targets=("10.7",),
    )
    bare = ExistingFramework(id="fw-bare", name="Diaspora desk", targets=("10.c",))
    return attrs.evolve(
        plan,
        objectives=(
            *plan.objectives,
            Objective(id="obj-forced", title="No forced labour", targets=("8.7",)),
        ),
        actors=(*plan.actors, Actor(id="boj", name="Central Bank", kind=ActorKind.GOVERNMENT)),
        interventions=(*plan.interventions, bank),
        existing_frameworks=(
            *(attrs.evolve(fw, coordination="", links=()) for fw in plan.existing_frameworks),
            city,
            bare,
        ),
    )


def mixed_currency_plan() -> ActionPlan:
    """The national example with one cost in euros, for which the plan gives no exchange
    rate: the funding totals cannot be computed."""
    plan = example("national")
    iv = plan.interventions[2]
    euros = CostLine(description="Laptops for the orientation centre", amount=Decimal(900))
    iv = attrs.evolve(iv, resources=(*iv.resources, attrs.evolve(euros, currency="EUR")))
    return attrs.evolve(plan, interventions=(*plan.interventions[:2], iv, *plan.interventions[3:]))
