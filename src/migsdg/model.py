"""The action-plan domain model: a Migration-SDG Action Plan as the guide describes it.

Every class is a frozen, slotted, keyword-only attrs value. Collections are tuples;
change a plan with :func:`attrs.evolve`. Computed views (funding summaries, target
coverage) are functions in :mod:`migsdg.views`, never stored fields.

A draft may be incomplete: nearly every field has an empty default, and what is missing
is reported by the checks (:func:`migsdg.check`), never by the constructor. What is
*wrong* is refused where the object is made: each class checks its values on
construction and on :func:`attrs.evolve` (a ``str`` where a ``Decimal`` belongs, a date
given as text, a float amount, an unknown enumeration value or SDG code, a currency not
in ISO 4217 capitals) and raises :class:`~migsdg.errors.FieldError` naming the field.
Obvious conversions are made for the caller: an enumeration from its value, ``Decimal``
from ``int`` or numeric text, a tuple from a list, SDG codes in any accepted spelling.
Reading files (every problem at once, with its location) is :mod:`migsdg.io`'s job.

Field names are part of the plan file format and are kept stable; see
``docs/plan-file.md`` for the reference.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal

import attrs

__all__ = [
    "AchievedValue",
    "ActionPlan",
    "Actor",
    "ActorKind",
    "Beneficiary",
    "CapacityAssessment",
    "CapacityLevel",
    "Choice",
    "Consultation",
    "ConsultationKind",
    "Contact",
    "CostLine",
    "Disaggregation",
    "ExchangeRate",
    "ExistingFramework",
    "Expenditure",
    "FrameworkInteraction",
    "FrameworkKind",
    "Frequency",
    "FundingArrangement",
    "FundingCategory",
    "FundingSource",
    "FundingStatus",
    "GovernanceLevel",
    "IndicatorKind",
    "IndicatorRef",
    "InteractionKind",
    "InterimTarget",
    "Intervention",
    "InterventionForm",
    "InterventionType",
    "Measure",
    "Milestone",
    "MobilizationApproach",
    "MonitoringEntry",
    "Objective",
    "Output",
    "Participation",
    "Period",
    "PlanStatus",
    "Population",
    "ReportingLine",
    "ReviewTool",
    "ReviewToolKind",
    "Revision",
    "Role",
    "RoleKind",
    "Stage",
    "SupportingActivity",
    "SupportingActivityKind",
    "Timeframe",
]


class Choice(str, enum.Enum):
    """An enumeration whose values are the words used in plan files (the base of every
    enumeration of the model; the checks' :class:`~migsdg.checks.Severity` too)."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def label(self) -> str:
        """A short English label for people (exports translate these)."""
        # Keyed by (class, value): str-enum members of different classes with the same
        # value compare and hash equal, so the member alone cannot be the key.
        return _LABELS.get(
            (type(self), str(self.value)), str(self.value).replace("_", " ").capitalize()
        )


#: The former name of :class:`Choice`, used throughout this module.
_Choice = Choice


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
    """What an actor does at a stage of an intervention: leads it, supports it, or is
    consulted."""

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
    """An actor's assessed capacity to play its role: adequate, partial or lacking (the
    guide asks for capacity building where it is lacking)."""

    ADEQUATE = "adequate"
    PARTIAL = "partial"
    LACKING = "lacking"


class FundingCategory(_Choice):
    """The guide's four kinds of funding source ("Mobilizing Resources")."""

    # existing local and national strategies and sources of funding for development
    DOMESTIC_BUDGET = "domestic_budget"
    SDG_FUND = "sdg_fund"  # other SDG-related funds, e.g. the Joint SDG Fund
    # migration-specific funds from development cooperation partners and multilaterals
    MIGRATION_FUND = "migration_fund"
    # remittances, other diaspora contributions, dedicated foundations, private initiatives
    INNOVATIVE_FINANCE = "innovative_finance"


class FundingStatus(_Choice):
    """How far a funding arrangement has come: secured, pledged by the source, or only
    proposed to it."""

    SECURED = "secured"
    PLEDGED = "pledged"
    PROPOSED = "proposed"


class SupportingActivityKind(_Choice):
    """The kinds of supporting activity the guide asks planners to budget beside an
    intervention (training, capacity building, advocacy, knowledge sharing …)."""

    TRAINING = "training"
    CAPACITY_BUILDING = "capacity_building"
    ADVOCACY = "advocacy"
    KNOWLEDGE_SHARING = "knowledge_sharing"
    AWARENESS_RAISING = "awareness_raising"
    OTHER = "other"


class IndicatorKind(_Choice):
    """Where a monitoring indicator comes from: the global SDG framework, a national
    indicator set, or a proxy where neither fits."""

    SDG = "sdg"  # a global SDG indicator from the catalogue
    NATIONAL = "national"  # a national indicator
    PROXY = "proxy"  # a proxy where no SDG or national indicator fits


class Disaggregation(_Choice):
    """Dimensions of disaggregation: those SDG target 17.18 names (income, gender, age,
    race, ethnicity, migratory status, disability, geographic location), with gender
    recorded as sex as most sources collect it, and nationality, which the target does
    not name but migration statistics often use beside migratory status."""

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
    """How often an indicator is measured and reported."""

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


class ReviewToolKind(_Choice):
    """The guide's tools for reviewing frameworks ("Tools for reviewing frameworks")."""

    MGI = "mgi"  # a Migration Governance Indicators assessment (national level)
    JMDI_POLICY_COHERENCE = "jmdi_policy_coherence"  # JMDI's policy-coherence indicators
    RIA = "ria"  # UNDP's Rapid Integrated Assessment
    OTHER = "other"


class InteractionKind(_Choice):
    """What the review of existing frameworks found between two or more of them."""

    SYNERGY = "synergy"
    TRADE_OFF = "trade_off"


class Population(_Choice):
    """Who an indicator counts. Disaggregation by migratory status (SDG target 17.18) tells
    migrants apart only in a population that holds others too."""

    GENERAL = "general"  # people in general, migrants among them
    MIGRANTS = "migrants"  # migrants by definition (e.g. migrant workers recruited, 10.7.1)
    RETURNEES = "returnees"  # returning migrants
    DIASPORA = "diaspora"  # emigrants and their descendants abroad
    DISPLACED = "displaced"  # refugees, internally displaced persons

    @property
    def migrants_by_definition(self) -> bool:
        """True where everyone counted is a migrant (or a displaced person) by definition."""
        return self is not Population.GENERAL


_LABELS_BY_MEMBER: dict[_Choice, str] = {
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
    FundingCategory.DOMESTIC_BUDGET: (
        "Existing local and national strategies and sources of funding for development"
    ),
    FundingCategory.SDG_FUND: "Other SDG-related funds",
    FundingCategory.MIGRATION_FUND: (
        "Migration-specific funds from development cooperation partners and multilaterals"
    ),
    FundingCategory.INNOVATIVE_FINANCE: "Innovative migration-related sources of finance",
    ActorKind.MIGRANT_ASSOCIATION: "Migrant or diaspora association",
    ActorKind.INTERNATIONAL_ORGANISATION: "International organization",
    ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP: "Multi-stakeholder local workshop",
    ConsultationKind.INTERMINISTERIAL_WORKSHOP: "Interministerial workshop",
    Disaggregation.MIGRATORY_STATUS: "Migratory status",
    Frequency.END_OF_PERIOD: "End of period",
    ReviewToolKind.MGI: "Migration Governance Indicators (MGI) assessment",
    ReviewToolKind.JMDI_POLICY_COHERENCE: "JMDI policy-coherence indicators",
    ReviewToolKind.RIA: "Rapid Integrated Assessment (RIA)",
    InteractionKind.TRADE_OFF: "Trade-off",
    Population.MIGRANTS: "Migrants by definition",
    Population.GENERAL: "People in general",
    Population.DISPLACED: "Displaced persons",
}
_LABELS: dict[tuple[type, str], str] = {
    (type(member), str(member.value)): text for member, text in _LABELS_BY_MEMBER.items()
}


# -- small values -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Period:
    """A span of dates; either end may still be unknown in a draft.

    Attributes:
        start: The first day (YYYY-MM-DD).
        end: The last day (YYYY-MM-DD).
    """

    start: _dt.date | None = None
    end: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Measure:
    """A value of an indicator in a year (baseline, interim or final target).

    Attributes:
        value: The value, in the indicator's unit.
        year: The year the value refers to.
        note: How the value was obtained, or a caveat (e.g. "illustrative").
    """

    value: Decimal | None = None
    year: int | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class ExchangeRate:
    """``rate`` units of the plan's currency buy one unit of ``currency``.

    Attributes:
        currency: The other currency (ISO 4217, e.g. ``USD``).
        rate: Units of the plan's currency per unit of ``currency``.
    """

    currency: str
    rate: Decimal


# -- objectives and interim targets --------------------------------------------------------


@attrs.frozen(kw_only=True)
class Objective:
    """A local or national objective and the SDG targets it addresses.

    Attributes:
        id: Identifier, unique among the objectives; interventions refer to it.
        title: A short name.
        description: What the objective means in this plan's context.
        targets: The SDG targets it addresses (catalogue codes such as ``10.7``).
    """

    id: str
    title: str = ""
    description: str = ""
    targets: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class InterimTarget:
    """A value to reach by a date on the way to an SDG target (optionally one indicator).

    The guide: where interim targets have been set, timeframes of activities and expected
    results must reflect how to achieve them.

    Attributes:
        id: Identifier, unique among the interim targets; outputs refer to it.
        target: The SDG target it leads towards.
        indicator: The SDG indicator it is measured by, if any.
        value: The value to reach.
        unit: The unit of ``value``.
        due: The date by which it should be reached.
        description: What it means, in words.
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
    """The guide asks for "an assessment of existing technical capacity".

    Attributes:
        level: The capacity found: adequate, partial or lacking.
        assessed_on: When it was assessed.
        notes: What is missing or what the assessment found.
    """

    level: CapacityLevel
    assessed_on: _dt.date | None = None
    notes: str = ""


@attrs.frozen(kw_only=True)
class Contact:
    """How to reach the body that owns a plan (published with its IATI activities).

    Attributes:
        department: The department or unit that answers questions on the plan.
        person: A named contact person.
        job_title: That person's position.
        telephone: A telephone number.
        email: An e-mail address.
        website: A web address.
        address: A postal address.
    """

    department: str = ""
    person: str = ""
    job_title: str = ""
    telephone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""


@attrs.frozen(kw_only=True)
class Actor:
    """A stakeholder, referenced by ``id`` from roles, funding and consultations.

    Attributes:
        id: Identifier, unique among the actors.
        name: The actor's name.
        kind: The kind of stakeholder.
        parent: Id of the actor this one belongs to (a unit of a ministry).
        contact: A contact point (a department, an office, an address).
        capacity: An assessment of its technical capacity to carry out its roles.
        org_id: Its organisation identifier in the form org-id.guide gives (registration
            agency, a hyphen, the number in that register: ``XM-DAC-47066``,
            ``GB-COH-01234567``), as IATI uses it; leave it empty when unknown.
        org_type: Its IATI organisation type (OrganisationType code: ``10`` government,
            ``15`` other public sector, ``21`` international NGO, ``22`` national NGO,
            ``40`` multilateral, ...), where its kind does not tell it.
    """

    id: str
    name: str = ""
    kind: ActorKind | None = None
    parent: str | None = None  # id of the actor this one belongs to (a unit of a ministry)
    contact: str = ""
    capacity: CapacityAssessment | None = None
    org_id: str | None = None  # org-id.guide identifier, e.g. XM-DAC-47066
    org_type: str | None = None  # IATI OrganisationType code


@attrs.frozen(kw_only=True)
class MobilizationApproach:
    """How and when the government will approach a funding source, and through whom: the
    guide's resource mobilization plan ("strategies for approaching development
    cooperation partners and other funding sources").

    Attributes:
        how: The approach: a bilateral meeting, a group consultation with partners, a
            proposal to a call, a budget submission.
        when: When the approach is to be made (or was made).
        through: Actor ids of whom the approach goes through: the government's own focal
            points and any intermediary (the UN Resident Coordinator for a UN pooled fund).
    """

    how: str = ""
    when: _dt.date | None = None
    through: tuple[str, ...] = ()  # actor ids


@attrs.frozen(kw_only=True)
class FundingSource:
    """A named source of funds, typed by the guide's four categories.

    Attributes:
        id: Identifier, unique among the funding sources; funding arrangements refer to it.
        name: The source's name.
        category: Which of the guide's four categories of funding it belongs to.
        provider: Actor id of the funding partner, where it is one.
        description: Conditions, access rules or other notes on the source.
        org_id: The organisation identifier (org-id.guide form) of whoever provides the
            money, where the source names no provider actor or the provider has none.
        org_type: That organisation's IATI organisation type (OrganisationType code).
        aid_type: The IATI aid type of money from this source (AidType code, OECD DAC
            vocabulary: ``C01`` project-type interventions, ``B03`` contributions to
            pooled programmes and funds, ...); by default from its category.
        finance_type: The IATI finance type (FinanceType code: ``110`` standard grant,
            ``421`` standard loan, ...); by default from its category.
        flow_type: The IATI flow type (FlowType code: ``10`` ODA, ``30`` private
            development finance, ...); by default from its category.
        tied_status: The IATI tied status (TiedStatus code: ``3`` partially tied, ``4``
            tied, ``5`` untied); by default from its category.
        collaboration_type: The IATI collaboration type (CollaborationType code: ``1``
            bilateral, ``2`` multilateral inflows, ...); by default from its category.
        mobilization: How, when and through whom the government will approach it.
    """

    id: str
    name: str = ""
    category: FundingCategory | None = None
    provider: str | None = None  # actor id of the funding partner, where it is one
    description: str = ""
    org_id: str | None = None
    org_type: str | None = None
    aid_type: str | None = None
    finance_type: str | None = None
    flow_type: str | None = None
    tied_status: str | None = None
    collaboration_type: str | None = None
    mobilization: MobilizationApproach = MobilizationApproach()


# -- interventions -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Beneficiary:
    """A group of target beneficiaries of an intervention.

    Attributes:
        group: Who they are.
        description: More on the group, or how it is reached.
        estimated_number: How many people (or bodies) the intervention expects to reach.
    """

    group: str
    description: str = ""
    estimated_number: int | None = None


@attrs.frozen(kw_only=True)
class Role:
    """What one actor does at one stage of an intervention.

    Attributes:
        stage: The stage: design, implementation, monitoring or evaluation.
        actor: Actor id.
        role: Whether the actor leads, supports or is consulted.
        tasks: The actor's tasks at this stage.
    """

    stage: Stage
    actor: str  # actor id
    role: RoleKind = RoleKind.SUPPORT
    tasks: str = ""


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated step of an intervention's timeframe.

    Attributes:
        date: When it is due.
        description: What is reached.
        reached_on: When it was reached, as the plan is implemented (empty until then).
    """

    date: _dt.date | None = None
    description: str = ""
    reached_on: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Timeframe:
    """When an intervention runs.

    Attributes:
        start: The first day.
        end: The last day.
        milestones: Dated steps in between.
    """

    start: _dt.date | None = None
    end: _dt.date | None = None
    milestones: tuple[Milestone, ...] = ()


@attrs.frozen(kw_only=True)
class Output:
    """An expected output, optionally due by a date and tied to interim targets.

    Attributes:
        description: What will be delivered.
        due: When it is due.
        interim_targets: Ids of the interim targets this output helps reach.
    """

    description: str
    due: _dt.date | None = None
    interim_targets: tuple[str, ...] = ()  # interim target ids this output delivers


@attrs.frozen(kw_only=True)
class SupportingActivity:
    """Training, capacity-building, advocacy and the like, with its own cost.

    The guide: budget not only for the immediate intervention but for supporting
    activities as well.

    Attributes:
        kind: Training, capacity-building, advocacy, knowledge sharing, awareness raising
            or other.
        description: What the activity is.
        cost: Its cost.
        currency: Currency of ``cost`` (ISO 4217); the plan's currency when not given.
        actor: Actor id of who carries it out.
        beneficiary_actors: Actor ids of the actors whose capacity it builds.
    """

    kind: SupportingActivityKind
    description: str = ""
    cost: Decimal | None = None
    currency: str | None = None  # the plan's currency when not given
    actor: str | None = None  # actor id
    beneficiary_actors: tuple[str, ...] = ()  # actors whose capacity it builds


@attrs.frozen(kw_only=True)
class CostLine:
    """One costed line of the resources an intervention requires.

    Attributes:
        description: What the money is for.
        amount: How much.
        currency: Currency of ``amount`` (ISO 4217); the plan's currency when not given.
        year: The year of the cost, where it is phased.
    """

    description: str
    amount: Decimal
    currency: str | None = None
    year: int | None = None


@attrs.frozen(kw_only=True)
class FundingArrangement:
    """Money from one funding source towards an intervention.

    Attributes:
        source: Funding source id.
        amount: How much.
        currency: Currency of ``amount`` (ISO 4217); the plan's currency when not given.
        status: Secured, pledged or proposed.
        year: The year of the contribution, where it is phased.
        notes: Conditions or other notes.
    """

    source: str  # funding source id
    amount: Decimal
    currency: str | None = None
    status: FundingStatus = FundingStatus.PROPOSED
    year: int | None = None
    notes: str = ""


@attrs.frozen(kw_only=True)
class Expenditure:
    """Money actually spent on an intervention as the plan is implemented (achieved
    spending, set against the resources it requires).

    Attributes:
        date: When the money was spent (paid out or charged to the intervention).
        amount: How much.
        currency: Currency of ``amount`` (ISO 4217); the plan's currency when not given.
        source: Funding source id of the money spent, where known.
        description: What the money was spent on.
        note: A caveat, or "illustrative" for a figure that is not real data.
    """

    date: _dt.date
    amount: Decimal
    currency: str | None = None
    source: str | None = None  # funding source id, where known
    description: str = ""
    note: str = ""


@attrs.frozen(kw_only=True)
class IndicatorRef:
    """The indicator a monitoring entry follows.

    ``kind: sdg`` uses a global indicator from the catalogue by ``code``; a national or
    proxy indicator gives its own ``code`` (optional), ``name`` and ``definition``.

    Attributes:
        kind: sdg, national or proxy.
        code: The SDG indicator code (``kind: sdg``), or the national code, if any.
        name: The indicator's name (national and proxy indicators).
        definition: How it is calculated (national and proxy indicators).
        unit: The unit of its values.
        population: Who it counts: people in general, or migrants, returnees, diaspora or
            displaced persons by definition (then disaggregation by migratory status does
            not apply).
    """

    kind: IndicatorKind = IndicatorKind.SDG
    code: str | None = None
    name: str = ""
    definition: str = ""
    unit: str = ""
    population: Population | None = None


@attrs.frozen(kw_only=True)
class AchievedValue:
    """A value of an indicator measured while the plan is implemented (the plan as a
    living document, monitored against its baseline and targets).

    Attributes:
        value: The value measured, in the indicator's unit.
        year: The year (period) the value refers to, as baselines and targets do.
        date: When it was measured or published; progress as of a date uses only the
            values known by then.
        source: Where it comes from (a survey round, an administrative register, a report).
        note: A caveat, or "illustrative" for a value that is not real data.
    """

    value: Decimal
    year: int | None = None
    date: _dt.date | None = None
    source: str = ""
    note: str = ""


@attrs.frozen(kw_only=True)
class MonitoringEntry:
    """How one indicator of an intervention is monitored and evaluated.

    Attributes:
        indicator: The indicator followed.
        baseline: The value at the start, with its year.
        target: The value to reach, with its year.
        interim: Values to reach on the way, each with its year.
        disaggregation: Dimensions the data are broken down by (SDG target 17.18).
        data_source: Where the data come from.
        frequency: How often the data are collected.
        responsible: Actor id of who collects and reports the data.
        achieved: The values measured so far, one per period.
    """

    indicator: IndicatorRef
    baseline: Measure | None = None
    target: Measure | None = None
    interim: tuple[Measure, ...] = ()
    disaggregation: tuple[Disaggregation, ...] = ()
    data_source: str = ""
    frequency: Frequency | None = None
    responsible: str | None = None  # actor id
    achieved: tuple[AchievedValue, ...] = ()


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

    Attributes:
        id: Identifier, unique among the interventions.
        title: A short name.
        description: What the intervention is and what it changes.
        type: One of the guide's six types of intervention.
        form: Policy process, legislative change, programme or project.
        subtype: A sector sub-type registered by a plugin.
        sector: The sector it belongs to.
        policy_area: The policy area, used to compare it with existing frameworks.
        rationale: Why this intervention, for these targets, in this context.
        targets: The SDG targets it serves.
        objectives: Ids of the objectives it serves.
        beneficiaries: Its target beneficiaries.
        roles: The roles and tasks of implementing actors at each stage.
        coordination: How the actors coordinate.
        timeframe: Start, end and milestones.
        outputs: Expected outputs.
        outcomes: Expected outcomes.
        supporting_activities: Training, capacity-building, advocacy and the like.
        resources: Costed lines of the resources it requires.
        funding: Funding arrangements.
        monitoring: How it is monitored and evaluated, one entry per indicator.
        gcm_objectives: Numbers (1-23) of the Global Compact for Migration objectives it
            advances.
        migration_domains: Numbers (1-6) of the domains of SDG indicator 10.7.2 it
            strengthens.
        links: Ids of related existing frameworks or interventions (coherence).
        template: The template it was made from, if any.
        notes: Anything else.
        dac_sectors: OECD DAC 5-digit purpose codes (CRS) that classify it, such as
            ``15190`` (facilitation of orderly, safe, regular and responsible migration and
            mobility); when given they replace the codes derived from its type, template,
            sector and policy area.
        expenditures: The money spent on it so far, as the plan is implemented.
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
    dac_sectors: tuple[str, ...] = ()  # OECD DAC purpose codes, overriding derived ones
    expenditures: tuple[Expenditure, ...] = ()


# -- review, adoption, living document ------------------------------------------------------


@attrs.frozen(kw_only=True)
class Participation:
    """Who took part in a consultation, by stakeholder group.

    Attributes:
        group: The stakeholder group.
        actors: Actor ids of the participants of this group, where known.
        count: Number of participants, where they are not listed as actors.
    """

    group: ActorKind
    actors: tuple[str, ...] = ()  # actor ids, where known
    count: int | None = None  # number of participants, where actors are not listed


@attrs.frozen(kw_only=True)
class Consultation:
    """A consultation session or a review workshop, with its decisions.

    Attributes:
        id: Identifier, unique among the consultations.
        kind: The kind of session or workshop.
        date: When it took place.
        title: A short name.
        targets: The SDG targets discussed.
        participants: Who took part, by stakeholder group.
        decisions: What was decided.
    """

    id: str
    kind: ConsultationKind
    date: _dt.date | None = None
    title: str = ""
    targets: tuple[str, ...] = ()  # SDG targets discussed
    participants: tuple[Participation, ...] = ()
    decisions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Revision:
    """One entry of the plan's revision history; the history is never rewritten.

    Attributes:
        number: The revision number (1, 2, ...).
        date: When the revision was made.
        author: Who made it.
        summary: What changed.
        status: The status the plan had after this revision.
    """

    number: int
    date: _dt.date
    author: str = ""
    summary: str = ""
    status: PlanStatus | None = None  # the status the plan had after this revision


@attrs.frozen(kw_only=True)
class ExistingFramework:
    """An existing institution, strategy, law, policy, plan or project reviewed against the
    prioritized targets (the guide's review of existing structures and mechanisms).

    Attributes:
        id: Identifier, unique among the frameworks; interventions may link to it.
        name: Its name.
        kind: Institution, strategy, legislation, policy framework, plan or project.
        level: The level of government it belongs to.
        policy_area: The policy area, used to compare it with interventions.
        owner: Actor id of the body responsible for it.
        targets: The SDG targets it serves.
        links: Ids of frameworks or interventions it is coordinated with.
        coordination: How it is coordinated with them.
        notes: Anything else.
    """

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
class ReviewTool:
    """A diagnostic tool used in the review of existing frameworks (an MGI assessment,
    the JMDI policy-coherence indicators, a Rapid Integrated Assessment).

    Attributes:
        tool: Which tool.
        name: The exercise, e.g. "MGI assessment of Jamaica".
        date: When it was completed.
        conducted_by: Actor id of who carried it out.
        findings: Its main findings for this plan.
    """

    tool: ReviewToolKind
    name: str = ""
    date: _dt.date | None = None
    conducted_by: str | None = None  # actor id
    findings: str = ""


@attrs.frozen(kw_only=True)
class FrameworkInteraction:
    """A synergy or trade-off between existing frameworks or interventions found by the
    review ("potential synergies and trade-offs between migration-related interventions").

    Attributes:
        kind: Synergy or trade-off.
        between: Ids of the frameworks or interventions concerned.
        description: What reinforces what, or what pulls against what.
        response: How the plan builds on the synergy or manages the trade-off.
    """

    kind: InteractionKind
    between: tuple[str, ...] = ()  # framework or intervention ids
    description: str = ""
    response: str = ""


@attrs.frozen(kw_only=True)
class ReportingLine:
    """One line of the plan's reporting arrangements: who reports to whom, how often.

    Attributes:
        reporter: Actor id of who reports.
        recipient: Actor id of who receives the report.
        frequency: How often.
        content: What the report covers (e.g. progress against interim targets).
    """

    reporter: str  # actor id
    recipient: str  # actor id
    frequency: Frequency | None = None
    content: str = ""


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A Migration-SDG Action Plan.

    Attributes:
        id: The plan's identifier.
        title: The plan's title.
        level: The level of government that owns it.
        country: The country (ISO 3166-1 alpha-3, e.g. ``JAM``).
        authority: The body that owns the plan.
        authority_actor: Its actor id, where it is also an actor.
        period: The period the plan covers.
        language: The language its texts are written in (``en``, ``es``, ``fr``).
        status: Where it stands in the review and adoption process.
        parent: Id of the national or sector plan this one sits under.
        currency: The plan's currency (ISO 4217); amounts without a currency are in it.
        exchange_rates: Rates to convert amounts given in other currencies.
        iati_org_ref: The IATI identifier of the reporting organisation.
        url: Where the plan is published (a web address), once it is.
        contact: How to reach the plan's authority about it.
        summary: A summary of the plan and its context.
        context: The local or national migration and development context of the plan.
        prioritization_method: How the SDG targets were prioritised (the method, the
            criteria and who took part).
        coordination: The plan's own coordination mechanism (a steering committee, a
            technical working group) and how it works.
        reporting: The plan's reporting arrangements: who reports to whom, how often.
        objectives: The local or national objectives and the SDG targets they address.
        interim_targets: Values to reach by dates on the way to the targets.
        interventions: The interventions.
        actors: The stakeholders, referenced by id from the rest of the plan.
        funding_sources: The sources of funds, referenced by id from funding arrangements.
        consultations: Consultation sessions and review workshops.
        revisions: The revision history.
        existing_frameworks: The existing frameworks the plan was reviewed against.
        review_tools: The tools used in that review, with their dates and main findings.
        framework_interactions: Synergies and trade-offs the review found between
            frameworks and interventions.
    """

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
    url: str = ""  # where the plan is published
    contact: Contact = Contact()
    summary: str = ""
    context: str = ""
    prioritization_method: str = ""
    coordination: str = ""
    reporting: tuple[ReportingLine, ...] = ()
    objectives: tuple[Objective, ...] = ()
    interim_targets: tuple[InterimTarget, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    actors: tuple[Actor, ...] = ()
    funding_sources: tuple[FundingSource, ...] = ()
    consultations: tuple[Consultation, ...] = ()
    revisions: tuple[Revision, ...] = ()
    existing_frameworks: tuple[ExistingFramework, ...] = ()
    review_tools: tuple[ReviewTool, ...] = ()
    framework_interactions: tuple[FrameworkInteraction, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The prioritized SDG targets: those of the objectives, in first-seen order."""
        return tuple(dict.fromkeys(t for o in self.objectives for t in o.targets))

    @property
    def revision(self) -> int:
        """The current revision number (0 before the first recorded revision)."""
        return max((r.number for r in self.revisions), default=0)


# Every class above checks its values when an object is made or evolved: wrong types and
# unknown codes raise FieldError naming the field; obvious conversions are made. The checks
# come from the annotations (see migsdg._validate), so new fields are covered too.
from migsdg._validate import install as _install_checks  # noqa: E402

_install_checks(globals())
