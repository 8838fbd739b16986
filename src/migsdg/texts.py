"""Labels of the plan's vocabulary (enum members) as messages of the translation catalogues.

The English label of each member is the one in :mod:`migsdg.model`; its translations are
in the catalogues, where the enum's name is the message context (a framework "Project" and
an intervention's form "Project" may read differently).
"""

from __future__ import annotations

from types import MappingProxyType

from migsdg.checks import Severity
from migsdg.i18n import NP_, Translator
from migsdg.model import (
    ActorKind,
    CapacityLevel,
    ConsultationKind,
    Disaggregation,
    FrameworkKind,
    Frequency,
    FundingCategory,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    InteractionKind,
    InterventionForm,
    InterventionType,
    PlanStatus,
    Population,
    ReviewToolKind,
    RoleKind,
    Stage,
    SupportingActivityKind,
)
from migsdg.model import (
    Choice as _Choice,
)

__all__ = ["ENUM_MESSAGES", "enum_label"]

# Pairs, not a dict: str-enum members of different enums with the same value hash equal.
_MESSAGES: tuple[tuple[_Choice, str], ...] = (
    (Severity.ERROR, NP_("Severity", "Error")),
    (Severity.WARNING, NP_("Severity", "Warning")),
    (Severity.INFO, NP_("Severity", "Info")),
    (InteractionKind.SYNERGY, NP_("InteractionKind", "Synergy")),
    (InteractionKind.TRADE_OFF, NP_("InteractionKind", "Trade-off")),
    (Population.GENERAL, NP_("Population", "People in general")),
    (Population.MIGRANTS, NP_("Population", "Migrants by definition")),
    (Population.RETURNEES, NP_("Population", "Returnees")),
    (Population.DIASPORA, NP_("Population", "Diaspora")),
    (Population.DISPLACED, NP_("Population", "Displaced persons")),
    (
        ReviewToolKind.MGI,
        NP_("ReviewToolKind", "Migration Governance Indicators (MGI) assessment"),
    ),
    (
        ReviewToolKind.JMDI_POLICY_COHERENCE,
        NP_("ReviewToolKind", "JMDI policy-coherence indicators"),
    ),
    (ReviewToolKind.RIA, NP_("ReviewToolKind", "Rapid Integrated Assessment (RIA)")),
    (ReviewToolKind.OTHER, NP_("ReviewToolKind", "Other")),
    (GovernanceLevel.NATIONAL, NP_("GovernanceLevel", "National")),
    (GovernanceLevel.SUBNATIONAL, NP_("GovernanceLevel", "Subnational")),
    (GovernanceLevel.LOCAL, NP_("GovernanceLevel", "Local")),
    (PlanStatus.DRAFT, NP_("PlanStatus", "Draft")),
    (PlanStatus.IN_REVIEW, NP_("PlanStatus", "In review")),
    (PlanStatus.VALIDATED, NP_("PlanStatus", "Validated")),
    (PlanStatus.ADOPTED, NP_("PlanStatus", "Adopted")),
    (PlanStatus.AMENDED, NP_("PlanStatus", "Amended")),
    (
        InterventionType.NEW_POLICY_OR_LEGISLATION,
        NP_("InterventionType", "New policy and/or legislation"),
    ),
    (
        InterventionType.MAINSTREAMING_POLICY,
        NP_(
            "InterventionType",
            "Mainstreaming migration into other policies, strategies and/or legislation",
        ),
    ),
    (
        InterventionType.MAINSTREAMING_PROGRAMMING,
        NP_("InterventionType", "Mainstreaming migration into development programming"),
    ),
    (
        InterventionType.MIGRATION_PROGRAMMING,
        NP_("InterventionType", "Designing and implementing migration programming"),
    ),
    (InterventionType.RIGHTS_BASED, NP_("InterventionType", "Rights-based approaches")),
    (
        InterventionType.CAPACITY_BUILDING,
        NP_("InterventionType", "Technical capacity-building and knowledge sharing"),
    ),
    (InterventionForm.POLICY_PROCESS, NP_("InterventionForm", "Policy process")),
    (InterventionForm.LEGISLATIVE_CHANGE, NP_("InterventionForm", "Legislative change")),
    (InterventionForm.PROGRAMME, NP_("InterventionForm", "Programme")),
    (InterventionForm.PROJECT, NP_("InterventionForm", "Project")),
    (Stage.DESIGN, NP_("Stage", "Design")),
    (Stage.IMPLEMENTATION, NP_("Stage", "Implementation")),
    (Stage.MONITORING, NP_("Stage", "Monitoring")),
    (Stage.EVALUATION, NP_("Stage", "Evaluation")),
    (RoleKind.LEAD, NP_("RoleKind", "Lead")),
    (RoleKind.SUPPORT, NP_("RoleKind", "Support")),
    (RoleKind.CONSULTED, NP_("RoleKind", "Consulted")),
    (ActorKind.GOVERNMENT, NP_("ActorKind", "Government")),
    (ActorKind.SUBNATIONAL_GOVERNMENT, NP_("ActorKind", "Subnational government")),
    (ActorKind.CIVIL_SOCIETY, NP_("ActorKind", "Civil society")),
    (ActorKind.MIGRANT_ASSOCIATION, NP_("ActorKind", "Migrant or diaspora association")),
    (ActorKind.ACADEMIA, NP_("ActorKind", "Academia")),
    (ActorKind.INTERNATIONAL_ORGANISATION, NP_("ActorKind", "International organization")),
    (ActorKind.PRIVATE_SECTOR, NP_("ActorKind", "Private sector")),
    (ActorKind.DEVELOPMENT_PARTNER, NP_("ActorKind", "Development partner")),
    (ActorKind.OTHER, NP_("ActorKind", "Other")),
    (CapacityLevel.ADEQUATE, NP_("CapacityLevel", "Adequate")),
    (CapacityLevel.PARTIAL, NP_("CapacityLevel", "Partial")),
    (CapacityLevel.LACKING, NP_("CapacityLevel", "Lacking")),
    (
        FundingCategory.DOMESTIC_BUDGET,
        NP_(
            "FundingCategory",
            "Existing local and national strategies and sources of funding for development",
        ),
    ),
    (FundingCategory.SDG_FUND, NP_("FundingCategory", "Other SDG-related funds")),
    (
        FundingCategory.MIGRATION_FUND,
        NP_(
            "FundingCategory",
            "Migration-specific funds from development cooperation partners and multilaterals",
        ),
    ),
    (
        FundingCategory.INNOVATIVE_FINANCE,
        NP_("FundingCategory", "Innovative migration-related sources of finance"),
    ),
    (FundingStatus.SECURED, NP_("FundingStatus", "Secured")),
    (FundingStatus.PLEDGED, NP_("FundingStatus", "Pledged")),
    (FundingStatus.PROPOSED, NP_("FundingStatus", "Proposed")),
    (SupportingActivityKind.TRAINING, NP_("SupportingActivityKind", "Training")),
    (SupportingActivityKind.CAPACITY_BUILDING, NP_("SupportingActivityKind", "Capacity building")),
    (SupportingActivityKind.ADVOCACY, NP_("SupportingActivityKind", "Advocacy")),
    (SupportingActivityKind.KNOWLEDGE_SHARING, NP_("SupportingActivityKind", "Knowledge sharing")),
    (SupportingActivityKind.AWARENESS_RAISING, NP_("SupportingActivityKind", "Awareness raising")),
    (SupportingActivityKind.OTHER, NP_("SupportingActivityKind", "Other")),
    (IndicatorKind.SDG, NP_("IndicatorKind", "Sdg")),
    (IndicatorKind.NATIONAL, NP_("IndicatorKind", "National")),
    (IndicatorKind.PROXY, NP_("IndicatorKind", "Proxy")),
    (Disaggregation.SEX, NP_("Disaggregation", "Sex")),
    (Disaggregation.AGE, NP_("Disaggregation", "Age")),
    (Disaggregation.MIGRATORY_STATUS, NP_("Disaggregation", "Migratory status")),
    (Disaggregation.INCOME, NP_("Disaggregation", "Income")),
    (Disaggregation.RACE, NP_("Disaggregation", "Race")),
    (Disaggregation.ETHNICITY, NP_("Disaggregation", "Ethnicity")),
    (Disaggregation.DISABILITY, NP_("Disaggregation", "Disability")),
    (Disaggregation.GEOGRAPHIC_LOCATION, NP_("Disaggregation", "Geographic location")),
    (Disaggregation.NATIONALITY, NP_("Disaggregation", "Nationality")),
    (Frequency.MONTHLY, NP_("Frequency", "Monthly")),
    (Frequency.QUARTERLY, NP_("Frequency", "Quarterly")),
    (Frequency.SEMIANNUAL, NP_("Frequency", "Semiannual")),
    (Frequency.ANNUAL, NP_("Frequency", "Annual")),
    (Frequency.BIENNIAL, NP_("Frequency", "Biennial")),
    (Frequency.END_OF_PERIOD, NP_("Frequency", "End of period")),
    (ConsultationKind.TARGET_CONSULTATION, NP_("ConsultationKind", "Target consultation")),
    (ConsultationKind.PLANNING_MEETING, NP_("ConsultationKind", "Planning meeting")),
    (ConsultationKind.RESOURCE_MOBILIZATION, NP_("ConsultationKind", "Resource mobilization")),
    (
        ConsultationKind.INTERMINISTERIAL_WORKSHOP,
        NP_("ConsultationKind", "Interministerial workshop"),
    ),
    (
        ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,
        NP_("ConsultationKind", "Multi-stakeholder local workshop"),
    ),
    (ConsultationKind.VALIDATION_MEETING, NP_("ConsultationKind", "Validation meeting")),
    (FrameworkKind.INSTITUTION, NP_("FrameworkKind", "Institution")),
    (FrameworkKind.STRATEGY, NP_("FrameworkKind", "Strategy")),
    (FrameworkKind.LEGISLATION, NP_("FrameworkKind", "Legislation")),
    (FrameworkKind.POLICY_FRAMEWORK, NP_("FrameworkKind", "Policy framework")),
    (FrameworkKind.PLAN, NP_("FrameworkKind", "Plan")),
    (FrameworkKind.PROJECT, NP_("FrameworkKind", "Project")),
)

#: The marked message of each member's label, by (enum class, value): members of different
#: enums with the same value (national, project, other…) compare equal as strings.
ENUM_MESSAGES = MappingProxyType(
    {(type(member), member.value): message for member, message in _MESSAGES}
)


def enum_label(member: _Choice, tr: Translator) -> str:
    """The label of ``member`` in the translator's language."""
    message = ENUM_MESSAGES.get((type(member), member.value))
    return tr._(message) if message is not None else member.label
