"""Small but complete plans for the interoperability tests (IATI, Open SDG, JSON).

All names and figures are illustrative.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from migsdg.model import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    CostLine,
    Disaggregation,
    ExchangeRate,
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
    MonitoringEntry,
    Objective,
    Output,
    Period,
    PlanStatus,
    Revision,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)


def national_plan() -> ActionPlan:
    """A national plan, adopted, in English, with two interventions."""
    recruitment = Intervention(
        id="fair-recruitment",
        title="Fair recruitment of migrant workers",
        description="A licensing and inspection system for private recruitment agencies, "
        "with a public register and a complaints line for migrant workers.",
        type=InterventionType.MIGRATION_PROGRAMMING,
        form=InterventionForm.PROGRAMME,
        sector="labour",
        rationale="Recruitment fees push outgoing workers into debt; the 2024 labour "
        "migration survey found most paid fees to agencies.",
        targets=("10.7", "8.8"),
        objectives=("obj-1",),
        beneficiaries=(
            Beneficiary(group="Outgoing migrant workers", estimated_number=12000),
            Beneficiary(group="Recruitment agencies", description="licensed operators"),
        ),
        roles=(
            Role(stage=Stage.DESIGN, actor="mol", role=RoleKind.LEAD),
            Role(stage=Stage.IMPLEMENTATION, actor="mol", role=RoleKind.LEAD),
            Role(stage=Stage.IMPLEMENTATION, actor="iom", role=RoleKind.SUPPORT),
            Role(stage=Stage.MONITORING, actor="cso", role=RoleKind.CONSULTED),
        ),
        timeframe=Timeframe(start=dt.date(2026, 3, 1), end=dt.date(2028, 12, 31)),
        outputs=(Output(description="Register of licensed agencies online"),),
        outcomes=("Migrant workers pay no recruitment fees",),
        supporting_activities=(
            SupportingActivity(
                kind=SupportingActivityKind.TRAINING,
                description="Training of labour inspectors",
                cost=Decimal("30000"),
            ),
        ),
        resources=(
            CostLine(description="Register software", amount=Decimal("120000"), year=2026),
            CostLine(description="Inspections", amount=Decimal("80000"), year=2027),
            CostLine(description="Inspections", amount=Decimal("50000"), currency="EUR", year=2028),
        ),
        funding=(
            FundingArrangement(
                source="national-budget", amount=Decimal("150000"), status=FundingStatus.SECURED
            ),
            FundingArrangement(
                source="migration-fund", amount=Decimal("100000"), status=FundingStatus.PLEDGED
            ),
        ),
        monitoring=(
            MonitoringEntry(
                indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.1", unit="ratio"),
                baseline=Measure(value=Decimal("0.35"), year=2024, note="labour migration survey"),
                target=Measure(value=Decimal("0.1"), year=2030),
                interim=(Measure(value=Decimal("0.2"), year=2027),),
                disaggregation=(Disaggregation.SEX, Disaggregation.AGE),
            ),
            MonitoringEntry(
                indicator=IndicatorRef(
                    kind=IndicatorKind.NATIONAL,
                    code="LAB-3",
                    name="Licensed recruitment agencies",
                    definition="Agencies holding a valid licence on 31 December",
                ),
                baseline=Measure(value=Decimal(40), year=2025),
                target=Measure(value=Decimal(120), year=2028),
            ),
        ),
        gcm_objectives=(6,),
        migration_domains=(6,),
    )
    health = Intervention(
        id="health-access",
        title="Migrants in the national health strategy",
        description="Revise the health strategy so that migrants, whatever their status, "
        "can use primary care.",
        type=InterventionType.MAINSTREAMING_POLICY,
        form=InterventionForm.POLICY_PROCESS,
        sector="health",
        rationale="Undocumented migrants are turned away from clinics.",
        targets=("3.8",),
        roles=(
            Role(stage=Stage.IMPLEMENTATION, actor="moh", role=RoleKind.SUPPORT),
            Role(stage=Stage.DESIGN, actor="cso", role=RoleKind.SUPPORT),
        ),
        timeframe=Timeframe(start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30)),
        resources=(CostLine(description="Consultations", amount=Decimal("40000")),),
        monitoring=(
            MonitoringEntry(
                indicator=IndicatorRef(
                    kind=IndicatorKind.PROXY, name="Strategy revised to cover migrants"
                ),
                target=Measure(year=2027, note="revised strategy adopted"),
            ),
            MonitoringEntry(
                indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.1"),
                baseline=Measure(value=Decimal("0.35"), year=2024),
                target=Measure(value=Decimal("0.15"), year=2030),
            ),
        ),
    )
    return ActionPlan(
        id="JAM-MSAP",
        title="National Migration-SDG Action Plan",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Ministry of Labour",
        authority_actor="mol",
        period=Period(start=dt.date(2026, 1, 1), end=dt.date(2030, 12, 31)),
        status=PlanStatus.ADOPTED,
        currency="USD",
        exchange_rates=(ExchangeRate(currency="EUR", rate=Decimal("1.1")),),
        iati_org_ref="XM-EXAMPLE-MOL",
        objectives=(Objective(id="obj-1", title="Safe labour migration", targets=("10.7", "8.8")),),
        interim_targets=(
            InterimTarget(
                id="it-1",
                target="10.7",
                indicator="10.7.1",
                value=Decimal("0.25"),
                due=dt.date(2026, 12, 31),
            ),
        ),
        interventions=(recruitment, health),
        actors=(
            Actor(id="mol", name="Ministry of Labour", kind=ActorKind.GOVERNMENT),
            Actor(id="moh", name="Ministry of Health", kind=ActorKind.GOVERNMENT),
            Actor(id="iom", name="IOM", kind=ActorKind.INTERNATIONAL_ORGANISATION),
            Actor(id="cso", name="Migrant Workers' Rights Network", kind=ActorKind.CIVIL_SOCIETY),
        ),
        funding_sources=(
            FundingSource(
                id="national-budget",
                name="National budget",
                category=FundingCategory.DOMESTIC_BUDGET,
            ),
            FundingSource(
                id="migration-fund",
                name="Migration MPTF",
                category=FundingCategory.MIGRATION_FUND,
                provider="iom",
            ),
        ),
        revisions=(
            Revision(number=1, date=dt.date(2025, 11, 3), status=PlanStatus.DRAFT),
            Revision(number=2, date=dt.date(2026, 1, 20), status=PlanStatus.ADOPTED),
        ),
    )


def provincial_plan() -> ActionPlan:
    """A provincial plan in Spanish, still a draft, no revisions, one intervention."""
    return ActionPlan(
        id="PICH-2026",
        title="Plan provincial de movilidad humana",
        level=GovernanceLevel.SUBNATIONAL,
        country="ECU",
        authority="Gobierno Provincial de Pichincha",
        language="es",
        status=PlanStatus.DRAFT,
        parent="ECU-MSAP",
        iati_org_ref="XM-EXAMPLE-PICH",
        objectives=(Objective(id="o1", title="Integración", targets=("10.7",)),),
        interventions=(
            Intervention(
                id="ventanilla",
                title="Ventanilla única para personas en movilidad",
                description="Un punto de atención que orienta sobre documentos, empleo y salud.",
                type=InterventionType.MIGRATION_PROGRAMMING,
                form=InterventionForm.PROJECT,
                rationale="La información está dispersa entre instituciones.",
                targets=("10.7", "16.9"),
                roles=(
                    Role(stage=Stage.IMPLEMENTATION, actor="gp", role=RoleKind.LEAD),
                    Role(stage=Stage.IMPLEMENTATION, actor="red", role=RoleKind.SUPPORT),
                ),
                timeframe=Timeframe(start=dt.date(2026, 2, 1), end=dt.date(2027, 1, 31)),
                resources=(CostLine(description="Personal", amount=Decimal("60000")),),
                monitoring=(
                    MonitoringEntry(
                        indicator=IndicatorRef(kind=IndicatorKind.SDG, code="10.7.2", unit="%"),
                        baseline=Measure(value=Decimal(40), year=2025),
                        target=Measure(value=Decimal(75), year=2027),
                    ),
                ),
            ),
        ),
        actors=(
            Actor(id="gp", name="Gobierno Provincial", kind=ActorKind.SUBNATIONAL_GOVERNMENT),
            Actor(id="red", name="Red de acogida", kind=ActorKind.MIGRANT_ASSOCIATION),
        ),
    )
