"""Every core rule, firing and silent.

Each firing case breaks one thing in the clean plan of :mod:`planbuilders` and names the
finding that must follow (code, location, intervention). Each silent case is a near miss:
a plan that comes close to what the rule looks for without being it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
import pytest

import migsdg
from migsdg import (
    ActionPlan,
    ActorKind,
    CapacityAssessment,
    CapacityLevel,
    ConsultationKind,
    CostLine,
    Disaggregation,
    ExchangeRate,
    ExistingFramework,
    FrameworkInteraction,
    FundingArrangement,
    FundingCategory,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    IndicatorRef,
    InteractionKind,
    InterventionType,
    Measure,
    Milestone,
    MobilizationApproach,
    Objective,
    Output,
    Participation,
    Period,
    PlanStatus,
    Population,
    ReportingLine,
    ReviewTool,
    ReviewToolKind,
    Role,
    RoleKind,
    Severity,
    Stage,
    SupportingActivityKind,
    Timeframe,
)
from migsdg.checks import RuleSet, run_checks
from migsdg.plugins import get_host
from planbuilders import (
    clean_plan,
    day,
    intervention,
    monitoring,
    roles,
    with_intervention,
    with_item,
)

D = Decimal
Build = Callable[[], ActionPlan]


@functools.cache
def _core_rules() -> RuleSet:
    return RuleSet(r for r in get_host().checks() if r.plugin == "core")


def check(
    plan: ActionPlan, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> migsdg.Report:
    """``migsdg.check`` with the core rules, collected once for the module rather than
    from a plugin host rebuilt for every test."""
    return run_checks(plan, _core_rules().selected(select, ignore))


@attrs.frozen
class Fires:
    code: str
    build: Build
    location: str
    intervention: str | None
    severity: Severity | None = None  # when a hit overrides the rule's severity
    says: str = ""  # text the message must contain


def _plan_with(**changes: object) -> Build:
    return lambda: clean_plan(**changes)


def _iv(index: int = 0, **changes: object) -> Build:
    return lambda: with_intervention(clean_plan(), index, **changes)


def _item(field: str, index: int, **changes: object) -> Build:
    return lambda: with_item(clean_plan(), field, index, **changes)


def _ms(entry_changes: dict[str, object], index: int = 0) -> Build:
    def build() -> ActionPlan:
        plan = clean_plan()
        entry = attrs.evolve(plan.interventions[index].monitoring[0], **entry_changes)
        return with_intervention(plan, index, monitoring=(entry,))

    return build


def _activity(**changes: object) -> Build:
    def build() -> ActionPlan:
        plan = clean_plan()
        act = attrs.evolve(plan.interventions[0].supporting_activities[0], **changes)
        return with_intervention(plan, 0, supporting_activities=(act,))

    return build


def _without_lead(stage: Stage, keep_as_support: bool = False) -> Build:
    def build() -> ActionPlan:
        rs = [r for r in roles() if not (r.stage is stage and r.role is RoleKind.LEAD)]
        if keep_as_support:
            rs.append(Role(stage=stage, actor="mol", role=RoleKind.SUPPORT))
        return with_intervention(clean_plan(), 0, roles=tuple(rs))

    return build


def _no_civil_society() -> ActionPlan:
    plan = clean_plan()
    for i in range(2):
        plan = with_intervention(plan, i, roles=roles(support="univ"))
    return plan


def _no_migrants() -> ActionPlan:
    plan = clean_plan()
    review = plan.consultations[0]
    parts = tuple(p for p in review.participants if p.group is not ActorKind.MIGRANT_ASSOCIATION)
    return with_item(plan, "consultations", 0, participants=parts)


def _no_capacity_building() -> ActionPlan:
    plan = clean_plan()
    for i in range(2):
        act = attrs.evolve(plan.interventions[i].supporting_activities[0], beneficiary_actors=())
        plan = with_intervention(plan, i, supporting_activities=(act,))
    return plan


def _third(**changes: object) -> Build:
    """The clean plan plus an intervention much like iv-1."""

    def build() -> ActionPlan:
        plan = clean_plan()
        return attrs.evolve(
            plan, interventions=(*plan.interventions, intervention("iv-3", "10.7", **changes))
        )

    return build


def _extra_objective_target(target: str) -> Build:
    def build() -> ActionPlan:
        plan = clean_plan()
        obj = plan.objectives[0]
        return with_item(plan, "objectives", 0, targets=(*obj.targets, target))

    return build


def _tied_output(due: str, interim_due: str, milestone: bool = False) -> Build:
    """iv-1 with one output tied to it-1, and nothing else of it dated before 2028 (but
    its milestone of 2026-06-30 if ``milestone``)."""

    def build() -> ActionPlan:
        plan = with_item(clean_plan(), "interim_targets", 0, due=day(interim_due))
        timeframe = plan.interventions[0].timeframe
        if not milestone:
            timeframe = attrs.evolve(timeframe, milestones=())
        return with_intervention(
            plan,
            0,
            timeframe=timeframe,
            outputs=(Output(description="Law passed", due=day(due), interim_targets=("it-1",)),),
        )

    return build


def _planned(
    interim: tuple[tuple[int, str], ...],
    baseline: str = "2",
    target: str = "5",
    goal: str = "3",
    due: str = "2027-12-31",
) -> Build:
    """iv-1 plans ``interim`` (year, value) values of 10.7.2 from ``baseline`` (2024) to
    ``target`` (2030); interim target it-1 asks for ``goal`` on 10.7.2 by ``due``."""

    def build() -> ActionPlan:
        plan = with_item(
            clean_plan(), "interim_targets", 0, indicator="10.7.2", value=D(goal), due=day(due)
        )
        entry = attrs.evolve(
            plan.interventions[0].monitoring[0],
            baseline=Measure(value=D(baseline), year=2024),
            target=Measure(value=D(target), year=2030),
            interim=tuple(Measure(value=D(v), year=y) for y, v in interim),
        )
        return with_intervention(plan, 0, monitoring=(entry,))

    return build


def _counting(code: str, population: Population | None) -> Build:
    """iv-1 follows SDG indicator ``code``, by sex and age only, counting ``population``."""

    def build() -> ActionPlan:
        plan = clean_plan()
        entry = plan.interventions[0].monitoring[0]
        entry = attrs.evolve(
            entry,
            indicator=attrs.evolve(entry.indicator, code=code, population=population),
            disaggregation=(Disaggregation.SEX, Disaggregation.AGE),
        )
        return with_intervention(plan, 0, monitoring=(entry,), targets=("10.7",))

    return build


def _framework_serving(target: str) -> Build:
    """An objective target no intervention serves, which an existing framework does."""

    def build() -> ActionPlan:
        plan = _extra_objective_target(target)()
        fw = ExistingFramework(id="fw-law", name="Labour Code", targets=(target,))
        return attrs.evolve(plan, existing_frameworks=(*plan.existing_frameworks, fw))

    return build


def _sought(status: FundingStatus, how: str = "") -> Build:
    """iv-1 also seeks money from the budget source, with ``status``; the source's approach
    is ``how``."""

    def build() -> ActionPlan:
        plan = with_item(
            clean_plan(), "funding_sources", 0, mobilization=MobilizationApproach(how=how)
        )
        extra = FundingArrangement(source="budget", amount=D(1000), status=status)
        return with_intervention(plan, 0, funding=(*plan.interventions[0].funding, extra))

    return build


def _interim_due(due: str) -> Build:
    return lambda: with_item(clean_plan(), "interim_targets", 0, due=day(due))


def _second_objective() -> ActionPlan:
    plan = clean_plan(
        objectives=(
            *clean_plan().objectives,
            Objective(id="obj-2", title="Gender", targets=("5.2",)),
        )
    )
    return with_intervention(plan, 0, objectives=("obj-2",))


def _local(kind: ConsultationKind) -> Build:
    def build() -> ActionPlan:
        plan = clean_plan(level=GovernanceLevel.SUBNATIONAL)
        return with_item(plan, "consultations", 0, kind=kind)

    return build


FIRES: list[Fires] = [
    # AP1xx: the eight criteria elements, and beneficiaries
    Fires("AP101", _iv(description="  "), "interventions[0].description", "iv-1"),
    Fires("AP101", _iv(type=None), "interventions[0].type", "iv-1"),
    Fires("AP101", _iv(1, form=None), "interventions[1].form", "iv-2"),
    Fires("AP102", _iv(rationale=""), "interventions[0].rationale", "iv-1"),
    Fires("AP103", _iv(roles=()), "interventions[0].roles", "iv-1"),
    Fires(
        "AP104",
        _iv(timeframe=Timeframe(end=day("2026-01-01"))),
        "interventions[0].timeframe.start",
        "iv-1",
    ),
    Fires("AP105", _iv(outputs=()), "interventions[0].outputs", "iv-1"),
    Fires("AP105", _iv(outcomes=()), "interventions[0].outcomes", "iv-1"),
    Fires(
        "AP106", _iv(1, supporting_activities=()), "interventions[1].supporting_activities", "iv-2"
    ),
    Fires("AP107", _iv(resources=()), "interventions[0].resources", "iv-1"),
    Fires("AP107", _iv(funding=()), "interventions[0].funding", "iv-1"),
    Fires("AP108", _iv(monitoring=()), "interventions[0].monitoring", "iv-1"),
    Fires("AP109", _iv(beneficiaries=()), "interventions[0].beneficiaries", "iv-1"),
    # AP2xx: objectives and targets
    Fires("AP201", _plan_with(objectives=()), "objectives", None),
    Fires("AP202", _item("objectives", 0, targets=()), "objectives[0].targets", None),
    Fires("AP203", _extra_objective_target("5.2"), "objectives[0].targets[2]", None, says="5.2"),
    Fires(
        "AP203",
        _framework_serving("5.2"),
        "objectives[0].targets[2]",
        None,
        Severity.INFO,
        says="served by the existing framework 'fw-law' and by no intervention",
    ),
    Fires("AP204", _iv(targets=()), "interventions[0].targets", "iv-1"),
    Fires("AP205", _iv(1, targets=("8.8", "5.2")), "interventions[1].targets[1]", "iv-2"),
    Fires(
        "AP206",
        _iv(objectives=("obj-l",)),
        "interventions[0].objectives[0]",
        "iv-1",
        says="did you mean 'obj-1'",
    ),
    Fires("AP207", _second_objective, "interventions[0].objectives[0]", "iv-1", says="obj-2"),
    # AP3xx: timeframes and interim targets
    Fires(
        "AP301",
        _iv(timeframe=Timeframe(start=day("2028-01-01"), end=day("2026-01-01"))),
        "interventions[0].timeframe.end",
        "iv-1",
    ),
    Fires(
        "AP302",
        _iv(
            timeframe=Timeframe(
                start=day("2025-03-01"),
                end=day("2028-12-31"),
                milestones=(Milestone(date=day("2029-01-15"), description="Review"),),
            )
        ),
        "interventions[0].timeframe.milestones[0].date",
        "iv-1",
        says="after the intervention ends",
    ),
    Fires(
        "AP302",
        _iv(
            timeframe=Timeframe(
                start=day("2025-03-01"),
                end=day("2028-12-31"),
                milestones=(Milestone(description="Review"), Milestone(date=day("2026-01-01"))),
            )
        ),
        "interventions[0].timeframe.milestones[0].date",
        "iv-1",
        says="has no date",
    ),
    Fires(
        "AP302",
        _iv(1, outputs=(Output(description="Guide", due=day("2025-01-10")),)),
        "interventions[1].outputs[0].due",
        "iv-2",
        says="before the intervention starts",
    ),
    Fires(
        "AP303",
        _iv(timeframe=Timeframe(start=day("2025-03-01"), end=day("2031-06-30"))),
        "interventions[0].timeframe.end",
        "iv-1",
    ),
    Fires(
        "AP303",
        _plan_with(period=Period(start=day("2025-01-01"), end=day("2032-12-31"))),
        "period.end",
        None,
    ),
    Fires("AP304", _plan_with(period=Period(end=day("2030-12-31"))), "period.start", None),
    Fires(
        "AP304",
        _plan_with(period=Period(start=day("2030-12-31"), end=day("2025-01-01"))),
        "period.end",
        None,
        severity=Severity.ERROR,
    ),
    Fires(
        "AP305",
        _iv(timeframe=Timeframe(start=day("2024-06-01"), end=day("2026-01-01"))),
        "interventions[0].timeframe.start",
        "iv-1",
    ),
    Fires(
        "AP305",
        _iv(1, timeframe=Timeframe(start=day("2026-06-01"), end=day("2031-03-31"))),
        "interventions[1].timeframe.end",
        "iv-2",
    ),
    Fires(
        "AP306",
        _interim_due("2026-01-31"),
        "interim_targets[0].due",
        None,
        says="none of the interventions serving 10.7 ('iv-1')",
    ),
    Fires(
        "AP306",
        _tied_output(due="2027-03-01", interim_due="2026-12-31", milestone=True),
        "interventions[0].outputs[0].due",
        "iv-1",
        says="after the interim target 'it-1'",
    ),
    Fires(  # a rising indicator planned below the interim target after its year
        "AP306",
        _planned(((2027, "3"), (2028, "2.5"))),
        "interventions[0].monitoring[0].interim[1].value",
        "iv-1",
        says="plans 2.5 for 2028, below the interim target 'it-1' (3 by 2027-12-31)",
    ),
    Fires(  # the case: 5 % by 2026 on a falling indicator, 6.9 % planned for 2029
        "AP306",
        _planned(((2029, "6.9"),), baseline="7.4", target="3", goal="5", due="2026-12-31"),
        "interventions[0].monitoring[0].interim[0].value",
        "iv-1",
        says="plans 6.9 for 2029, above the interim target 'it-1'",
    ),
    Fires(  # a final target less ambitious than the interim target
        "AP306",
        _planned((), baseline="7.4", target="6", goal="5", due="2026-12-31"),
        "interventions[0].monitoring[0].target.value",
        "iv-1",
        says="plans 6 for 2030",
    ),
    Fires("AP307", _item("interim_targets", 0, value=None), "interim_targets[0].value", None),
    Fires("AP307", _item("interim_targets", 0, target="5.2"), "interim_targets[0].target", None),
    Fires(
        "AP308",
        _iv(outputs=(Output(description="Law", interim_targets=("it-2",)),)),
        "interventions[0].outputs[0].interim_targets[0]",
        "iv-1",
        says="did you mean 'it-1'",
    ),
    # AP4xx: resources and funding
    Fires("AP401", _activity(cost=None), "interventions[0].supporting_activities[0].cost", "iv-1"),
    Fires(
        "AP402",
        _iv(resources=(CostLine(description="Consultants", amount=D(150000)),)),
        "interventions[0].funding",
        "iv-1",
        says="60,000 USD of the 160,000 USD required",
    ),
    Fires(
        "AP403",
        _iv(resources=(CostLine(description="Consultants", amount=D(90000), currency="EUR"),)),
        "interventions[0].resources[0].currency",
        "iv-1",
        says="EUR",
    ),
    Fires(
        "AP403",
        _plan_with(exchange_rates=(ExchangeRate(currency="JMD", rate=D(0)),)),
        "exchange_rates[0].rate",
        None,
    ),
    Fires(
        "AP404",
        _iv(funding=(FundingArrangement(source="budgte", amount=D(100000)),)),
        "interventions[0].funding[0].source",
        "iv-1",
        says="did you mean 'budget'",
    ),
    Fires("AP407", _sought(FundingStatus.PROPOSED), "funding_sources[0].mobilization", None),
    Fires("AP405", _item("funding_sources", 0, category=None), "funding_sources[0].category", None),
    Fires(
        "AP406",
        _iv(1, funding=(FundingArrangement(source="budget", amount=D(-5)),)),
        "interventions[1].funding[0].amount",
        "iv-2",
    ),
    # AP5xx: actors, roles and stakeholders
    Fires(
        "AP501",
        _iv(roles=(Role(stage=Stage.DESIGN, actor="mlo", role=RoleKind.LEAD), *roles()[1:])),
        "interventions[0].roles[0].actor",
        "iv-1",
        says="did you mean 'mol'",
    ),
    Fires("AP501", _item("actors", 2, parent="nobody"), "actors[2].parent", None),
    Fires(
        "AP501",
        _plan_with(reporting=(ReportingLine(reporter="mol", recipient="cabinet"),)),
        "reporting[0].recipient",
        None,
        says="reporting arrangements refers to actor 'cabinet'",
    ),
    Fires(
        "AP501",
        _plan_with(review_tools=(ReviewTool(tool=ReviewToolKind.MGI, conducted_by="iom"),)),
        "review_tools[0].conducted_by",
        None,
    ),
    Fires(
        "AP501",
        _item(
            "funding_sources",
            0,
            mobilization=MobilizationApproach(how="Budget call", through=("mol", "mof")),
        ),
        "funding_sources[0].mobilization.through[1]",
        None,
    ),
    Fires(
        "AP501",
        _ms({"responsible": "ministry"}, index=1),
        "interventions[1].monitoring[0].responsible",
        "iv-2",
    ),
    Fires(
        "AP502",
        _without_lead(Stage.EVALUATION),
        "interventions[0].roles",
        "iv-1",
        says="no actor responsible for evaluation",
    ),
    Fires(
        "AP502",
        _without_lead(Stage.DESIGN, keep_as_support=True),
        "interventions[0].roles",
        "iv-1",
        says="no actor leads",
    ),
    Fires("AP503", _iv(coordination=""), "interventions[0].coordination", "iv-1"),
    Fires("AP504", _no_civil_society, "consultations", None, says="civil society"),
    Fires("AP504", _no_migrants, "consultations", None, says="migrants or diaspora"),
    Fires(
        "AP505",
        _no_capacity_building,
        "actors[1].capacity.level",
        None,
        says="roles in 'iv-1', 'iv-2'",
    ),
    Fires("AP506", _item("actors", 4, kind=None), "actors[4].kind", None),
    Fires("AP506", _item("actors", 4, name=""), "actors[4].name", None),
    # AP6xx: monitoring
    Fires(
        "AP601",
        _ms({"indicator": IndicatorRef(kind=IndicatorKind.SDG)}),
        "interventions[0].monitoring[0].indicator.code",
        "iv-1",
    ),
    Fires(
        "AP601",
        _ms({"indicator": IndicatorRef(kind=IndicatorKind.PROXY, name="Recruiters licensed")}),
        "interventions[0].monitoring[0].indicator.definition",
        "iv-1",
    ),
    Fires("AP602", _ms({"baseline": None}), "interventions[0].monitoring[0].baseline", "iv-1"),
    Fires(
        "AP602",
        _ms({"target": Measure(value=D(5))}),
        "interventions[0].monitoring[0].target",
        "iv-1",
        says="no target year",
    ),
    Fires("AP602", _ms({"data_source": ""}), "interventions[0].monitoring[0].data_source", "iv-1"),
    Fires("AP602", _ms({"frequency": None}), "interventions[0].monitoring[0].frequency", "iv-1"),
    Fires(
        "AP602", _ms({"responsible": None}), "interventions[0].monitoring[0].responsible", "iv-1"
    ),
    Fires(
        "AP603",
        _ms({"baseline": Measure(value=D(1), year=2031)}),
        "interventions[0].monitoring[0].target.year",
        "iv-1",
    ),
    Fires(
        "AP603",
        _ms({"interim": (Measure(value=D(3), year=2035),)}),
        "interventions[0].monitoring[0].interim[0].year",
        "iv-1",
        severity=Severity.WARNING,
    ),
    Fires(
        "AP604",
        _ms({"disaggregation": (Disaggregation.SEX, Disaggregation.AGE)}),
        "interventions[0].monitoring[0].disaggregation",
        "iv-1",
        says="disaggregated by sex, age but not by migratory status",
    ),
    Fires(  # 10.7.1 said to count people in general after all
        "AP604",
        _counting("10.7.1", Population.GENERAL),
        "interventions[0].monitoring[0].disaggregation",
        "iv-1",
    ),
    Fires(
        "AP605",
        _ms({"indicator": IndicatorRef(code="10.7.2")}, index=1),
        "interventions[1].monitoring[0].indicator.code",
        "iv-2",
        says="measures target 10.7",
    ),
    # AP7xx: review and adoption
    Fires("AP701", _plan_with(consultations=()), "consultations", None, says="no review"),
    Fires(
        "AP701",
        _item("consultations", 0, kind=ConsultationKind.VALIDATION_MEETING),
        "consultations",
        None,
        Severity.INFO,
        says="not at the interministerial workshop",
    ),
    Fires(
        "AP701",
        _local(ConsultationKind.INTERMINISTERIAL_WORKSHOP),
        "consultations",
        None,
        Severity.INFO,
        says="not at the multi-stakeholder local workshop",
    ),
    Fires("AP702", _iv(rationale=""), "status", None, says="1 error (AP102)"),
    Fires(
        "AP703",
        _item(
            "consultations",
            0,
            participants=(Participation(group=ActorKind.GOVERNMENT, count=30),),
        ),
        "consultations[0].participants",
        None,
    ),
    Fires("AP704", _plan_with(title=""), "title", None),
    Fires("AP704", _plan_with(level=None), "level", None),
    Fires("AP704", _plan_with(country=None), "country", None),
    Fires("AP704", _plan_with(authority=""), "authority", None),
    # AP8xx: duplication
    Fires("AP801", _third(), "interventions[2]", "iv-3", says="probably duplicates 'iv-1'"),
    Fires(
        "AP802",
        lambda: attrs.evolve(
            clean_plan(), interventions=(*clean_plan().interventions, intervention("iv-1", "8.8"))
        ),
        "interventions[2].id",
        "iv-1",
        says="is given to two interventions: entries 1 and 3 of the list",
    ),
    Fires("AP802", _item("actors", 4, id="cso"), "actors[4].id", None),
    Fires("AP803", _iv(links=("fw-1",)), "interventions[0].links[0]", "iv-1"),
    Fires(
        "AP803",
        _plan_with(
            framework_interactions=(
                FrameworkInteraction(kind=InteractionKind.TRADE_OFF, between=("iv-1", "fw-9")),
            )
        ),
        "framework_interactions[0].between[1]",
        None,
        says="a trade-off found by the review names 'fw-9'",
    ),
]


def _case_id(case: Fires) -> str:
    return f"{case.code}-{case.location}"


def test_clean_plan_has_no_findings() -> None:
    report = migsdg.check(clean_plan(), select=["AP"])
    assert report.findings == ()
    assert set(report.rules_run) == {r.code for r in get_host().checks() if r.code[:2] == "AP"}


@pytest.mark.parametrize("case", FIRES, ids=_case_id)
def test_rule_fires(case: Fires) -> None:
    report = check(case.build())
    mine = [f for f in report.findings if f.code == case.code]
    assert [(f.location, f.intervention) for f in mine] == [(case.location, case.intervention)]
    finding = mine[0]
    rule = _core_rules().get(case.code)
    assert finding.severity is (case.severity or rule.severity)
    assert finding.rule == rule.name
    assert finding.message and finding.hint
    if case.intervention is not None:
        assert repr(case.intervention) in finding.message
    assert case.says in finding.message


def _pledged_covers_gap() -> ActionPlan:
    return _iv(
        resources=(CostLine(description="Consultants", amount=D(150000)),),
        funding=(
            FundingArrangement(source="budget", amount=D(100000), status=FundingStatus.SECURED),
            FundingArrangement(source="budget", amount=D(60000), status=FundingStatus.PLEDGED),
        ),
    )()


def _national_indicator() -> ActionPlan:
    ref = IndicatorRef(
        kind=IndicatorKind.NATIONAL,
        name="Licensed recruitment agencies",
        definition="Number of agencies holding a licence on 31 December.",
    )
    return _ms({"indicator": ref})()


def _actor_id_reused_across_lists() -> ActionPlan:
    plan = clean_plan()
    return with_item(plan, "funding_sources", 0, id="mol")


def _links_to_other_intervention() -> ActionPlan:
    return _iv(links=("iv-2",))()


def _indicator_of_repeated_target() -> ActionPlan:
    # 1.5.1 is repeated as 11.5.1: it also measures target 11.5.
    return _iv(targets=("10.7", "11.5"), monitoring=(monitoring("1.5.1"),))()


SILENT: dict[str, list[Build]] = {
    "AP101": [_iv(title="")],
    "AP102": [_iv(notes="")],
    "AP103": [_iv(roles=roles(lead="mol", support="mol"))],
    "AP104": [_iv(timeframe=Timeframe(start=day("2026-01-01"), end=day("2026-01-01")))],
    "AP105": [_iv(outputs=(Output(description="A guide"),))],
    "AP106": [_activity(kind=SupportingActivityKind.ADVOCACY)],
    "AP107": [_iv(funding=(FundingArrangement(source="budget", amount=D(100000)),))],
    "AP108": [_national_indicator],
    "AP109": [
        _iv(beneficiaries=(attrs.evolve(intervention().beneficiaries[0], estimated_number=None),))
    ],
    "AP201": [_item("objectives", 0, title="")],
    "AP202": [_extra_objective_target("10.c")],
    "AP203": [
        lambda: with_intervention(_extra_objective_target("10.c")(), 1, targets=("8.8", "10.c"))
    ],
    "AP204": [_iv(1, targets=("8.8", "10.c"))],
    "AP205": [lambda: with_intervention(clean_plan(objectives=()), 0, objectives=())],
    "AP206": [_iv(objectives=())],
    "AP207": [_iv(targets=("10.7", "5.2"))],
    "AP301": [_iv(timeframe=Timeframe(start=day("2026-01-01"), end=day("2026-01-01")))],
    "AP302": [
        _iv(
            timeframe=Timeframe(
                start=day("2025-03-01"),
                end=day("2028-12-31"),
                milestones=(Milestone(date=day("2028-12-31")), Milestone(date=day("2025-03-01"))),
            ),
            outputs=(Output(description="Policy", due=day("2028-12-31")),),
        )
    ],
    "AP303": [_iv(timeframe=Timeframe(start=day("2025-03-01"), end=day("2030-12-31")))],
    "AP304": [_plan_with(period=Period(start=day("2025-01-01"), end=day("2025-01-01")))],
    "AP305": [_iv(timeframe=Timeframe(start=day("2025-01-01"), end=day("2030-12-31")))],
    "AP306": [
        _planned(((2026, "2.5"), (2027, "3"), (2029, "4"))),  # below it only before 2027
        _planned(((2029, "4.9"),), baseline="7.4", target="3", goal="5", due="2026-12-31"),
        _tied_output(due="2026-12-31", interim_due="2026-12-31"),
        _interim_due("2026-06-30"),  # iv-1's milestone falls on that very day
        _item("interim_targets", 0, due=None),  # undated: AP307's to report
    ],
    "AP307": [_item("interim_targets", 0, indicator="10.7.2")],
    "AP308": [_iv(outputs=(Output(description="Law", interim_targets=("it-1",)),))],
    "AP401": [_activity(cost=D(0))],
    "AP407": [
        _sought(FundingStatus.PROPOSED, how="Budget submission in the annual call"),
        _sought(FundingStatus.PLEDGED),  # promised already: nothing left to ask for
    ],
    "AP402": [_pledged_covers_gap],
    "AP403": [
        lambda: with_intervention(
            clean_plan(exchange_rates=(ExchangeRate(currency="EUR", rate=D("1.1")),)),
            0,
            resources=(CostLine(description="Consultants", amount=D(80000), currency="EUR"),),
        )
    ],
    "AP404": [_iv(funding=(FundingArrangement(source="budget", amount=D(100000)),))],
    "AP405": [_item("funding_sources", 0, category=FundingCategory.INNOVATIVE_FINANCE)],
    "AP406": [_iv(funding=(FundingArrangement(source="budget", amount=D(0)),))],
    "AP501": [_item("actors", 2, parent="pioj")],
    "AP502": [_iv(roles=(*roles(), Role(stage=Stage.DESIGN, actor="cso", role=RoleKind.LEAD)))],
    "AP503": [_iv(coordination="", roles=roles(lead="mol", support="mol"))],
    "AP504": [
        # civil society only in a consultation, not in any role
        lambda: with_item(
            _no_civil_society(),
            "consultations",
            0,
            participants=(
                *clean_plan().consultations[0].participants,
                Participation(group=ActorKind.CIVIL_SOCIETY, count=4),
            ),
        )
    ],
    "AP505": [
        lambda: with_intervention(
            _no_capacity_building(),
            1,
            supporting_activities=(
                attrs.evolve(
                    intervention().supporting_activities[0],
                    kind=SupportingActivityKind.CAPACITY_BUILDING,
                ),
            ),
        ),
        lambda: with_item(
            _no_capacity_building(),
            "actors",
            1,
            capacity=CapacityAssessment(level=CapacityLevel.PARTIAL),
        ),
    ],
    "AP506": [_item("actors", 4, contact="")],
    "AP601": [_national_indicator],
    "AP602": [_ms({"interim": ()})],
    "AP603": [_ms({"baseline": Measure(value=D(1), year=2030), "interim": ()})],
    "AP604": [
        _counting("8.8.2", Population.MIGRANTS),
        _counting("8.8.2", Population.RETURNEES),
        _counting("10.7.1", None),  # migrant workers' recruitment costs
        _ms({"disaggregation": (Disaggregation.MIGRATORY_STATUS,)}),
        _ms({"disaggregation": (Disaggregation.GEOGRAPHIC_LOCATION,)}),  # not about people
        _ms({"disaggregation": ()}),
    ],
    "AP605": [_indicator_of_repeated_target],
    "AP701": [_local(ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP)],
    "AP702": [
        lambda: with_intervention(clean_plan(status=PlanStatus.DRAFT), 0, rationale=""),
        lambda: _iv(1, supporting_activities=())(),  # a warning only
    ],
    "AP703": [
        _item(
            "consultations",
            0,
            participants=(Participation(group=ActorKind.INTERNATIONAL_ORGANISATION),),
        )
    ],
    "AP704": [_plan_with(level=GovernanceLevel.LOCAL, consultations=())],
    "AP801": [
        _third(links=("iv-1",)),
        _third(timeframe=Timeframe(start=day("2029-01-01"), end=day("2030-06-30"))),
        _third(roles=roles(lead="pioj")),
        _third(type=InterventionType.RIGHTS_BASED),
        _third(targets=("10.7", "8.8")),
    ],
    "AP802": [_actor_id_reused_across_lists],
    "AP803": [_links_to_other_intervention],
}


@pytest.mark.parametrize(
    ("code", "build"),
    [(code, b) for code, builds in SILENT.items() for b in builds],
    ids=[f"{code}-{i}" for code, builds in SILENT.items() for i in range(len(builds))],
)
def test_rule_silent(code: str, build: Build) -> None:
    assert code not in check(build()).codes()


def test_every_core_rule_has_firing_and_silent_cases() -> None:
    core = {r.code for r in get_host().checks() if r.code.startswith("AP")}
    assert len(core) > 40
    assert {c.code for c in FIRES} >= core
    assert set(SILENT) >= core


def test_duplicates_are_reported_once_each_not_per_pair() -> None:
    """Five identical interventions give four findings (each names an earlier one), not
    the ten pairs a pairwise comparison would."""
    plan = clean_plan()
    extra = tuple(intervention(f"dup-{k}", "10.7") for k in range(4))
    report = check(attrs.evolve(plan, interventions=(*plan.interventions, *extra)))
    dup = [f for f in report.findings if f.code == "AP801"]
    assert sorted(f.intervention for f in dup) == ["dup-0", "dup-1", "dup-2", "dup-3"]


def test_funding_gap_survives_mixed_currencies() -> None:
    """An amount without an exchange rate is an AP403 finding, not a crash, and the
    other interventions' gaps are still computed."""
    plan = _iv(resources=(CostLine(description="Consultants", amount=D(1), currency="EUR"),))()
    plan = with_intervention(
        plan, 1, resources=(CostLine(description="Consultants", amount=D(150000)),)
    )
    report = check(plan)
    assert [(f.code, f.intervention) for f in report.findings if f.code in ("AP402", "AP403")] == [
        ("AP403", "iv-1"),
        ("AP402", "iv-2"),
    ]


def test_funding_gap_counts_proposed_funding_separately() -> None:
    plan = _iv(
        resources=(CostLine(description="Consultants", amount=D(150000)),),
        funding=(
            FundingArrangement(source="budget", amount=D(100000), status=FundingStatus.SECURED),
            FundingArrangement(source="budget", amount=D("25000.5"), status=FundingStatus.PROPOSED),
        ),
    )()
    (gap,) = [f for f in check(plan).findings if f.code == "AP402"]
    assert "60,000 USD of the 160,000 USD required" in gap.message
    assert "25,000.50 USD is proposed" in gap.message


def test_adoption_rule_counts_errors_of_the_rules_run() -> None:
    plan = _iv(rationale="", description="")()
    (adopted,) = [f for f in check(plan).findings if f.code == "AP702"]
    assert "2 errors (AP101, AP102)" in adopted.message
    # Ignoring the rules that find errors leaves nothing for AP702 to count.
    assert "AP702" not in check(plan, ignore=["AP101", "AP102"]).codes()


def test_funding_gap_agrees_with_the_funding_view() -> None:
    """AP402 names exactly the interventions the funding summary says need resources,
    across currencies, statuses and supporting activities with and without a cost."""
    base = intervention()
    statuses = list(FundingStatus)
    ivs = []
    for k in range(48):
        act = attrs.evolve(
            base.supporting_activities[0],
            cost=None if k % 5 == 0 else D(1000 * (k % 4)),
            currency="EUR" if k % 7 == 0 else None,
        )
        ivs.append(
            intervention(
                f"iv-{k}",
                "10.7" if k % 2 else "8.8",
                type=list(InterventionType)[k % 6],
                roles=roles(lead=("mol", "pioj", "univ", "dia")[k // 12]),
                resources=(
                    CostLine(description="a", amount=D(10000 + 500 * k)),
                    CostLine(description="b", amount=D(2000), currency="EUR" if k % 3 else None),
                ),
                supporting_activities=(act,),
                funding=(
                    FundingArrangement(
                        source="budget", amount=D(12000 + 500 * k), status=FundingStatus.SECURED
                    ),
                    FundingArrangement(
                        source="budget",
                        amount=D(3000 + 17 * k),
                        status=statuses[k % 3],
                        currency="EUR" if k % 4 == 0 else None,
                    ),
                ),
            )
        )
    plan = clean_plan(
        interventions=tuple(ivs), exchange_rates=(ExchangeRate(currency="EUR", rate=D("1.08")),)
    )
    needing = {row.intervention for row in migsdg.views.funding_summary(plan).needing_resources()}
    flagged = {f.intervention for f in check(plan).findings if f.code == "AP402"}
    assert 0 < len(needing) < len(ivs)
    assert flagged == needing
