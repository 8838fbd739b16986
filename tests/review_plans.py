"""Plans for the review, funding, workflow, diff and ladder tests.

:func:`national_plan` and :func:`provincial_plan` are complete draft plans (no error
findings, no review flags) at the two levels the guide distinguishes; the tests break one
thing at a time in them. Figures are illustrative.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

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
    ExistingFramework,
    FrameworkKind,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    GovernanceLevel,
    InterimTarget,
    Intervention,
    InterventionForm,
    InterventionType,
    Milestone,
    Objective,
    Output,
    Participation,
    Period,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)
from planbuilders import day, monitoring, roles
from planbuilders import with_intervention as with_intervention

D = Decimal
EXAMPLES = ("national", "provincial")


@functools.cache
def example(name: str) -> ActionPlan:
    """An embedded example plan, loaded once (plans are immutable values)."""
    from migsdg.examples import load_example

    return load_example(name)


@pytest.fixture(scope="session")
def example_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example plans saved as JSON files (quick to load) for the command tests; tests
    that change a file copy it first."""
    from migsdg import save_plan

    folder = tmp_path_factory.mktemp("examples")
    return {name: save_plan(example(name), folder / f"{name}.json") for name in EXAMPLES}


INDICATORS = {"10.7": "10.7.2", "8.8": "8.8.2", "10.c": "10.c.1", "8.7": "8.7.1"}


def intervention(
    id: str,
    targets: tuple[str, ...],
    *,
    objective: str,
    lead: str = "mol",
    area: str = "labour migration",
    cost: int = 90000,
    funding: tuple[FundingArrangement, ...] | None = None,
    **changes: Any,
) -> Intervention:
    """A complete intervention (every criterion of the guide filled in)."""
    iv = Intervention(
        id=id,
        title=f"Intervention {id}",
        description=f"Work towards {', '.join(targets)} ({id}).",
        type=InterventionType.MIGRATION_PROGRAMMING,
        form=InterventionForm.PROGRAMME,
        policy_area=area,
        rationale="The review of existing frameworks found this need unmet.",
        targets=targets,
        objectives=(objective,),
        beneficiaries=(Beneficiary(group="Migrant workers", estimated_number=5000),),
        roles=roles(lead),
        coordination="A steering committee of the ministries concerned meets quarterly.",
        timeframe=Timeframe(
            start=day("2025-03-01"),
            end=day("2028-12-31"),
            milestones=(Milestone(date=day("2026-06-30"), description="Mid-term review"),),
        ),
        outputs=(Output(description=f"Output of {id}", due=day("2027-06-30")),),
        outcomes=(f"Progress on {', '.join(targets)}.",),
        supporting_activities=(
            SupportingActivity(
                kind=SupportingActivityKind.TRAINING,
                description="Training of staff",
                cost=D(10000),
                actor="univ",
                beneficiary_actors=(lead,),
            ),
        ),
        resources=(CostLine(description="Programme costs", amount=D(cost), year=2025),),
        funding=funding
        if funding is not None
        else (
            FundingArrangement(
                source="budget", amount=D(cost + 10000), status=FundingStatus.SECURED
            ),
        ),
        monitoring=(monitoring(INDICATORS[targets[0]], lead, "Administrative records"),),
    )
    return attrs.evolve(iv, **changes)


def _actors(*extra: Actor) -> tuple[Actor, ...]:
    return (
        Actor(
            id="mol",
            name="Ministry of Labour",
            kind=ActorKind.GOVERNMENT,
            capacity=CapacityAssessment(level=CapacityLevel.PARTIAL),
        ),
        Actor(id="mof", name="Ministry of Finance", kind=ActorKind.GOVERNMENT),
        Actor(id="cso", name="Migrant Rights Network", kind=ActorKind.CIVIL_SOCIETY),
        Actor(id="dia", name="Diaspora Council", kind=ActorKind.MIGRANT_ASSOCIATION),
        Actor(id="univ", name="National University", kind=ActorKind.ACADEMIA),
        Actor(id="eu", name="Development partner", kind=ActorKind.DEVELOPMENT_PARTNER),
        *extra,
    )


def _sources() -> tuple[FundingSource, ...]:
    return (
        FundingSource(
            id="budget", name="National budget", category=FundingCategory.DOMESTIC_BUDGET
        ),
        FundingSource(id="jointfund", name="Joint SDG Fund", category=FundingCategory.SDG_FUND),
        FundingSource(
            id="partner",
            name="Partner migration facility",
            category=FundingCategory.MIGRATION_FUND,
            provider="eu",
        ),
        FundingSource(
            id="diaspora-bond",
            name="Diaspora investment scheme",
            category=FundingCategory.INNOVATIVE_FINANCE,
            provider="dia",
        ),
    )


def national_plan(**changes: Any) -> ActionPlan:
    """A complete national draft: three interventions, an inventory of two frameworks that
    the interventions link to, and an interministerial review workshop with civil society."""
    plan = ActionPlan(
        id="nat-2025",
        title="National Migration-SDG Action Plan",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Planning Institute",
        authority_actor="mol",
        period=Period(start=day("2025-01-01"), end=day("2030-12-31")),
        currency="USD",
        objectives=(
            Objective(id="obj-labour", title="Fair labour migration", targets=("10.7", "8.8")),
            Objective(id="obj-remit", title="Cheaper remittances", targets=("10.c",)),
        ),
        interim_targets=(
            InterimTarget(
                id="it-1", target="10.7", indicator="10.7.2", value=D(3), due=day("2027-12-31")
            ),
        ),
        interventions=(
            intervention("iv-policy", ("10.7",), objective="obj-labour", links=("fw-act",)),
            intervention(
                "iv-recruit",
                ("8.8",),
                objective="obj-labour",
                links=("fw-act",),
                funding=(
                    FundingArrangement(
                        source="budget", amount=D(40000), status=FundingStatus.SECURED
                    ),
                    FundingArrangement(
                        source="partner", amount=D(30000), status=FundingStatus.PLEDGED
                    ),
                    FundingArrangement(
                        source="jointfund", amount=D(20000), status=FundingStatus.PROPOSED
                    ),
                ),
            ),
            intervention(
                "iv-remit",
                ("10.c",),
                objective="obj-remit",
                lead="mof",
                area="finance",
                cost=150000,
                funding=(
                    FundingArrangement(
                        source="budget", amount=D(60000), status=FundingStatus.SECURED
                    ),
                    FundingArrangement(
                        source="diaspora-bond", amount=D(50000), status=FundingStatus.PROPOSED
                    ),
                ),
            ),
        ),
        actors=_actors(),
        funding_sources=_sources(),
        consultations=(
            Consultation(
                id="targets-1",
                kind=ConsultationKind.TARGET_CONSULTATION,
                date=day("2024-09-10"),
                targets=("10.7", "8.8", "10.c"),
                participants=(Participation(group=ActorKind.GOVERNMENT, count=12),),
            ),
        ),
        existing_frameworks=(
            ExistingFramework(
                id="fw-act",
                name="Employment Agencies Act",
                kind=FrameworkKind.LEGISLATION,
                level=GovernanceLevel.NATIONAL,
                policy_area="Labour-Migration",
                owner="mol",
                targets=("8.8", "10.7"),
            ),
            ExistingFramework(
                id="fw-remit",
                name="Financial inclusion strategy",
                kind=FrameworkKind.STRATEGY,
                level=GovernanceLevel.NATIONAL,
                policy_area="finance",
                owner="mof",
                targets=("10.c",),
                links=("iv-remit",),
            ),
        ),
    )
    return attrs.evolve(plan, **changes)


def interministerial_workshop(id: str = "review-1", date: str = "2025-02-10") -> Consultation:
    return Consultation(
        id=id,
        kind=ConsultationKind.INTERMINISTERIAL_WORKSHOP,
        date=day(date),
        participants=(
            Participation(group=ActorKind.GOVERNMENT, count=25),
            Participation(group=ActorKind.CIVIL_SOCIETY, actors=("cso",)),
            Participation(group=ActorKind.MIGRANT_ASSOCIATION, actors=("dia",)),
        ),
        decisions=("The plan is validated with the changes agreed.",),
    )


def local_workshop(id: str = "review-local", date: str = "2025-02-09") -> Consultation:
    return Consultation(
        id=id,
        kind=ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,
        date=day(date),
        participants=(
            Participation(group=ActorKind.SUBNATIONAL_GOVERNMENT, count=18),
            Participation(group=ActorKind.MIGRANT_ASSOCIATION, count=4),
        ),
        decisions=("The provincial plan is validated.",),
    )


def provincial_plan(**changes: Any) -> ActionPlan:
    """A complete subnational draft whose intervention links to the national framework it
    implements (vertical coherence recorded)."""
    actors = (
        Actor(
            id="prov-health",
            name="Provincial Health Directorate",
            kind=ActorKind.SUBNATIONAL_GOVERNMENT,
        ),
        Actor(id="prov-gov", name="Provincial Government", kind=ActorKind.SUBNATIONAL_GOVERNMENT),
    )
    plan = ActionPlan(
        id="prov-2025",
        title="Provincial Migration-SDG Action Plan",
        level=GovernanceLevel.SUBNATIONAL,
        country="ECU",
        authority="Provincial Government",
        authority_actor="prov-gov",
        parent="nat-2025",
        period=Period(start=day("2025-01-01"), end=day("2029-12-31")),
        currency="USD",
        objectives=(Objective(id="obj-1", title="Migrants in local services", targets=("10.7",)),),
        interventions=(
            intervention(
                "iv-services",
                ("10.7",),
                objective="obj-1",
                lead="prov-health",
                area="health",
                links=("fw-national-policy",),
            ),
        ),
        actors=_actors(*actors),
        funding_sources=_sources(),
        existing_frameworks=(
            ExistingFramework(
                id="fw-national-policy",
                name="National human mobility policy",
                kind=FrameworkKind.POLICY_FRAMEWORK,
                level=GovernanceLevel.NATIONAL,
                policy_area="migration governance",
                owner="mol",
                targets=("10.7",),
            ),
        ),
    )
    return attrs.evolve(plan, **changes)
