"""The action-plan domain model: a Migration-SDG Action Plan as the guide describes it.

Every class is a frozen, slotted, keyword-only attrs value. Collections are tuples;
change a plan with :func:`attrs.evolve`. Computed views (funding summaries, target
coverage) are functions in :mod:`migsdg.views`, never stored fields.

A draft may be incomplete: nearly every field has an empty default, and what is missing
is reported by the checks (:func:`migsdg.check`), never by the constructor. Parsing
untrusted input (normalising codes, refusing unknown ones) is the job of
:mod:`migsdg.io`, not of these classes.

Field names are part of the plan file format and are kept stable; see
``docs/plan-file.md`` for the reference.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal

import attrs

__all__ = [
    "ActionPlan",
    "Actor",
    "ActorKind",
    "Beneficiary",
    "CapacityAssessment",
    "CapacityLevel",
    "Consultation",
    "ConsultationKind",
    "CostLine",
    "Disaggregation",
    "ExchangeRate",
    "ExistingFramework",
    "FrameworkKind",
    "Frequency",
    "FundingArrangement",
    "FundingCategory",
    "FundingSource",
    "FundingStatus",
    "GovernanceLevel",
    "IndicatorKind",
    "IndicatorRef",
    "InterimTarget",
    "Intervention",
    "InterventionForm",
    "InterventionType",
    "Measure",
    "Milestone",
    "MonitoringEntry",
    "Objective",
    "Output",
    "Participation",
    "Period",
    "PlanStatus",
    "Revision",
    "Role",
    "RoleKind",
    "Stage",
    "SupportingActivity",
    "SupportingActivityKind",
    "Timeframe",
]


class _Choice(str, enum.Enum):
    """An enumeration whose values are the words used in plan files."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def label(self) -> str:
        """A short English label for people (exports translate these)."""
        return _LABELS.get(self, str(self.value).replace("_", " ").capitalize())


class GovernanceLevel(_Choice):
    """The level of government that owns a plan or a framework."""

    NATIONAL = "national"
    SUBNATIONAL = "subnational"  # provincial, regional, state
    LOCAL = "local"  # municipal, district


class PlanStatus(_Choice):
    """Where a plan stands in the guide's review and adoption process."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    VALIDATED = "validated"
    ADOPTED = "adopted"
    AMENDED = "amended"


class InterventionType(_Choice):
    """The guide's six types of intervention ("Examples of possible interventions")."""

    NEW_POLICY_OR_LEGISLATION = "new_policy_or_legislation"
    MAINSTREAMING_POLICY = "mainstreaming_policy"
    MAINSTREAMING_PROGRAMMING = "mainstreaming_programming"
    MIGRATION_PROGRAMMING = "migration_programming"
    RIGHTS_BASED = "rights_based"
    CAPACITY_BUILDING = "capacity_building"


class InterventionForm(_Choice):
    """The form an intervention takes: the guide's "type of policy process, legislative
    change, programmes or projects"."""

    POLICY_PROCESS = "policy_process"
    LEGISLATIVE_CHANGE = "legislative_change"
    PROGRAMME = "programme"
    PROJECT = "project"


class Stage(_Choice):
    """Stages of an intervention at which implementing actors have roles."""

    DESIGN = "design"
    IMPLEMENTATION = "implementation"
    MONITORING = "monitoring"
    EVALUATION = "evaluation"


class RoleKind(_Choice):
    LEAD = "lead"
    SUPPORT = "support"
    CONSULTED = "consulted"


class ActorKind(_Choice):
    """Kinds of stakeholder, also used to count participants of consultations."""

    GOVERNMENT = "government"  # a national ministry, department or unit
    SUBNATIONAL_GOVERNMENT = "subnational_government"
    CIVIL_SOCIETY = "civil_society"
    MIGRANT_ASSOCIATION = "migrant_association"  # migrant or diaspora association
    ACADEMIA = "academia"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    PRIVATE_SECTOR = "private_sector"
    DEVELOPMENT_PARTNER = "development_partner"
    OTHER = "other"


class CapacityLevel(_Choice):
    ADEQUATE = "adequate"
    PARTIAL = "partial"
    LACKING = "lacking"


class FundingCategory(_Choice):
    """The guide's four kinds of funding source ("Mobilizing Resources")."""

    DOMESTIC_BUDGET = "domestic_budget"  # existing local and national strategies and budgets
    SDG_FUND = "sdg_fund"  # other SDG-related funds, e.g. the Joint SDG Fund
    MIGRATION_FUND = "migration_fund"  # migration-specific funds of partners and multilaterals
    INNOVATIVE_FINANCE = "innovative_finance"  # remittances, diaspora, foundations, private


class FundingStatus(_Choice):
    SECURED = "secured"
    PLEDGED = "pledged"
    PROPOSED = "proposed"


class SupportingActivityKind(_Choice):
    TRAINING = "training"
    CAPACITY_BUILDING = "capacity_building"
    ADVOCACY = "advocacy"
    KNOWLEDGE_SHARING = "knowledge_sharing"
    AWARENESS_RAISING = "awareness_raising"
    OTHER = "other"


class IndicatorKind(_Choice):
    SDG = "sdg"  # a global SDG indicator from the catalogue
    NATIONAL = "national"  # a national indicator
    PROXY = "proxy"  # a proxy where no SDG or national indicator fits


class Disaggregation(_Choice):
    """Dimensions of disaggregation named by SDG target 17.18."""

    SEX = "sex"
    AGE = "age"
    MIGRATORY_STATUS = "migratory_status"
    INCOME = "income"
    RACE = "race"
    ETHNICITY = "ethnicity"
    DISABILITY = "disability"
    GEOGRAPHIC_LOCATION = "geographic_location"
    NATIONALITY = "nationality"


class Frequency(_Choice):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    BIENNIAL = "biennial"
    END_OF_PERIOD = "end_of_period"


class ConsultationKind(_Choice):
    """Consultation sessions (choosing interventions, mobilizing resources) and the review
    workshops held before adoption."""

    TARGET_CONSULTATION = "target_consultation"  # a session on one or more chosen targets
    PLANNING_MEETING = "planning_meeting"
    RESOURCE_MOBILIZATION = "resource_mobilization"  # bilateral or group meeting with partners
    INTERMINISTERIAL_WORKSHOP = "interministerial_workshop"  # review of a national plan
    LOCAL_MULTISTAKEHOLDER_WORKSHOP = "local_multistakeholder_workshop"  # review, local plan
    VALIDATION_MEETING = "validation_meeting"

    @property
    def is_review(self) -> bool:
        """True for the review workshops the guide asks for before adoption."""
        return self in (
            ConsultationKind.INTERMINISTERIAL_WORKSHOP,
            ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,
            ConsultationKind.VALIDATION_MEETING,
        )


class FrameworkKind(_Choice):
    """Kinds of existing structure reviewed before choosing interventions."""

    INSTITUTION = "institution"
    STRATEGY = "strategy"
    LEGISLATION = "legislation"
    POLICY_FRAMEWORK = "policy_framework"
    PLAN = "plan"
    PROJECT = "project"


_LABELS: dict[_Choice, str] = {
    InterventionType.NEW_POLICY_OR_LEGISLATION: "New policy and/or legislation",
    InterventionType.MAINSTREAMING_POLICY: (
        "Mainstreaming migration into other policies, strategies and/or legislation"
    ),
    InterventionType.MAINSTREAMING_PROGRAMMING: (
        "Mainstreaming migration into development programming"
    ),
    InterventionType.MIGRATION_PROGRAMMING: "Designing and implementing migration programming",
    InterventionType.RIGHTS_BASED: "Rights-based approaches",
    InterventionType.CAPACITY_BUILDING: "Technical capacity-building and knowledge sharing",
    FundingCategory.DOMESTIC_BUDGET: "Existing local and national strategies and budgets",
    FundingCategory.SDG_FUND: "Other SDG-related funds",
    FundingCategory.MIGRATION_FUND: "Migration-specific funds of development partners",
    FundingCategory.INNOVATIVE_FINANCE: "Innovative migration-related finance",
    ActorKind.MIGRANT_ASSOCIATION: "Migrant or diaspora association",
    ActorKind.INTERNATIONAL_ORGANISATION: "International organization",
    ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP: "Multi-stakeholder local workshop",
    ConsultationKind.INTERMINISTERIAL_WORKSHOP: "Interministerial workshop",
    Disaggregation.MIGRATORY_STATUS: "Migratory status",
    Frequency.END_OF_PERIOD: "End of period",
}


# -- small values -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Period:
    """A span of dates; either end may still be unknown in a draft."""

    start: _dt.date | None = None
    end: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Measure:
    """A value of an indicator in a year (baseline, interim or final target)."""

    value: Decimal | None = None
    year: int | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class ExchangeRate:
    """``rate`` units of the plan's currency buy one unit of ``currency``."""

    currency: str
    rate: Decimal


# -- objectives and interim targets --------------------------------------------------------


@attrs.frozen(kw_only=True)
class Objective:
    """A local or national objective and the SDG targets it addresses."""

    id: str
    title: str = ""
    description: str = ""
    targets: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class InterimTarget:
    """A value to reach by a date on the way to an SDG target (optionally one indicator).

    The guide: where interim targets have been set, timeframes of activities and expected
    results must reflect how to achieve them.
    """

    id: str
    target: str
    indicator: str | None = None
    value: Decimal | None = None
    unit: str = ""
    due: _dt.date | None = None
    description: str = ""


# -- actors and funding sources ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CapacityAssessment:
    """The guide asks for "an assessment of existing technical capacity"."""

    level: CapacityLevel
    assessed_on: _dt.date | None = None
    notes: str = ""


@attrs.frozen(kw_only=True)
class Actor:
    """A stakeholder, referenced by ``id`` from roles, funding and consultations."""

    id: str
    name: str = ""
    kind: ActorKind | None = None
    parent: str | None = None  # id of the actor this one belongs to (a unit of a ministry)
    contact: str = ""
    capacity: CapacityAssessment | None = None


@attrs.frozen(kw_only=True)
class FundingSource:
    """A named source of funds, typed by the guide's four categories."""

    id: str
    name: str = ""
    category: FundingCategory | None = None
    provider: str | None = None  # actor id of the funding partner, where it is one
    description: str = ""


# -- interventions -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Beneficiary:
    group: str
    description: str = ""
    estimated_number: int | None = None


@attrs.frozen(kw_only=True)
class Role:
    """What one actor does at one stage of an intervention."""

    stage: Stage
    actor: str  # actor id
    role: RoleKind = RoleKind.SUPPORT
    tasks: str = ""


@attrs.frozen(kw_only=True)
class Milestone:
    date: _dt.date | None = None
    description: str = ""


@attrs.frozen(kw_only=True)
class Timeframe:
    start: _dt.date | None = None
    end: _dt.date | None = None
    milestones: tuple[Milestone, ...] = ()


@attrs.frozen(kw_only=True)
class Output:
    """An expected output, optionally due by a date and tied to interim targets."""

    description: str
    due: _dt.date | None = None
    interim_targets: tuple[str, ...] = ()  # interim target ids this output delivers


@attrs.frozen(kw_only=True)
class SupportingActivity:
    """Training, capacity-building, advocacy and the like, with its own cost.

    The guide: budget not only for the immediate intervention but for supporting
    activities as well.
    """

    kind: SupportingActivityKind
    description: str = ""
    cost: Decimal | None = None
    currency: str | None = None  # the plan's currency when not given
    actor: str | None = None  # actor id
    beneficiary_actors: tuple[str, ...] = ()  # actors whose capacity it builds


@attrs.frozen(kw_only=True)
class CostLine:
    """One costed line of the resources an intervention requires."""

    description: str
    amount: Decimal
    currency: str | None = None
    year: int | None = None


@attrs.frozen(kw_only=True)
class FundingArrangement:
    """Money from one funding source towards an intervention."""

    source: str  # funding source id
    amount: Decimal
    currency: str | None = None
    status: FundingStatus = FundingStatus.PROPOSED
    year: int | None = None
    notes: str = ""


@attrs.frozen(kw_only=True)
class IndicatorRef:
    """The indicator a monitoring entry follows.

    ``kind: sdg`` uses a global indicator from the catalogue by ``code``; a national or
    proxy indicator gives its own ``code`` (optional), ``name`` and ``definition``.
    """

    kind: IndicatorKind = IndicatorKind.SDG
    code: str | None = None
    name: str = ""
    definition: str = ""
    unit: str = ""


@attrs.frozen(kw_only=True)
class MonitoringEntry:
    """How one indicator of an intervention is monitored and evaluated."""

    indicator: IndicatorRef
    baseline: Measure | None = None
    target: Measure | None = None
    interim: tuple[Measure, ...] = ()
    disaggregation: tuple[Disaggregation, ...] = ()
    data_source: str = ""
    frequency: Frequency | None = None
    responsible: str | None = None  # actor id


@attrs.frozen(kw_only=True)
class Intervention:
    """One intervention of the plan, carrying the guide's action-plan criteria:

    1. description and type (``description``, ``type``, ``form``);
    2. rationale;
    3. roles and tasks of implementing actors at each stage, and their coordination;
    4. timeframe;
    5. expected outputs and outcomes;
    6. supporting activities;
    7. resources required and funding arrangements;
    8. monitoring and evaluation.
    """

    id: str
    title: str = ""
    description: str = ""
    type: InterventionType | None = None
    form: InterventionForm | None = None
    subtype: str | None = None  # a sector sub-type registered by a plugin
    sector: str = ""
    policy_area: str = ""
    rationale: str = ""
    targets: tuple[str, ...] = ()  # SDG target codes
    objectives: tuple[str, ...] = ()  # objective ids
    beneficiaries: tuple[Beneficiary, ...] = ()
    roles: tuple[Role, ...] = ()
    coordination: str = ""
    timeframe: Timeframe = Timeframe()
    outputs: tuple[Output, ...] = ()
    outcomes: tuple[str, ...] = ()
    supporting_activities: tuple[SupportingActivity, ...] = ()
    resources: tuple[CostLine, ...] = ()
    funding: tuple[FundingArrangement, ...] = ()
    monitoring: tuple[MonitoringEntry, ...] = ()
    gcm_objectives: tuple[int, ...] = ()  # 1-23
    migration_domains: tuple[int, ...] = ()  # the six domains of SDG indicator 10.7.2
    links: tuple[str, ...] = ()  # ids of related frameworks or interventions (coherence)
    template: str | None = None  # the template it was made from, if any
    notes: str = ""


# -- review, adoption, living document ------------------------------------------------------


@attrs.frozen(kw_only=True)
class Participation:
    """Who took part in a consultation, by stakeholder group."""

    group: ActorKind
    actors: tuple[str, ...] = ()  # actor ids, where known
    count: int | None = None  # number of participants, where actors are not listed


@attrs.frozen(kw_only=True)
class Consultation:
    """A consultation session or a review workshop, with its decisions."""

    id: str
    kind: ConsultationKind
    date: _dt.date | None = None
    title: str = ""
    targets: tuple[str, ...] = ()  # SDG targets discussed
    participants: tuple[Participation, ...] = ()
    decisions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Revision:
    """One entry of the plan's revision history; the history is never rewritten."""

    number: int
    date: _dt.date
    author: str = ""
    summary: str = ""
    status: PlanStatus | None = None  # the status the plan had after this revision


@attrs.frozen(kw_only=True)
class ExistingFramework:
    """An existing institution, strategy, law, policy, plan or project reviewed against the
    prioritized targets (the guide's review of existing structures and mechanisms)."""

    id: str
    name: str = ""
    kind: FrameworkKind | None = None
    level: GovernanceLevel | None = None
    policy_area: str = ""
    owner: str | None = None  # actor id
    targets: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # ids of frameworks or interventions it is coordinated with
    coordination: str = ""
    notes: str = ""


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A Migration-SDG Action Plan."""

    id: str
    title: str = ""
    level: GovernanceLevel | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    authority: str = ""  # the body that owns the plan
    authority_actor: str | None = None  # its actor id, where it is also an actor
    period: Period = Period()
    language: str = "en"
    status: PlanStatus = PlanStatus.DRAFT
    parent: str | None = None  # id of the national or sector plan this one sits under
    currency: str = "USD"  # ISO 4217; amounts without a currency are in this one
    exchange_rates: tuple[ExchangeRate, ...] = ()
    iati_org_ref: str | None = None  # IATI reporting-organisation identifier
    summary: str = ""
    objectives: tuple[Objective, ...] = ()
    interim_targets: tuple[InterimTarget, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    actors: tuple[Actor, ...] = ()
    funding_sources: tuple[FundingSource, ...] = ()
    consultations: tuple[Consultation, ...] = ()
    revisions: tuple[Revision, ...] = ()
    existing_frameworks: tuple[ExistingFramework, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The prioritized SDG targets: those of the objectives, in first-seen order."""
        return tuple(dict.fromkeys(t for o in self.objectives for t in o.targets))

    @property
    def revision(self) -> int:
        """The current revision number (0 before the first recorded revision)."""
        return max((r.number for r in self.revisions), default=0)
