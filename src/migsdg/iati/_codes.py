"""The IATI codes the exporter writes as constants, and the mappings from plan values to
IATI codes. A test checks every one against the shipped codelists."""

from __future__ import annotations

from collections.abc import Mapping

from migsdg.model import ActorKind, GovernanceLevel, PlanStatus

IATI_VERSION = "2.03"

#: OECD DAC CRS purpose code for migration programming: "Facilitation of orderly, safe,
#: regular and responsible migration and mobility".
MIGRATION_SECTOR = "15190"

#: IATI ActivityStatus for each plan status: until adoption the plan's interventions are
#: being identified and designed (1 Pipeline/identification); once adopted they are
#: under implementation (2 Implementation).
ACTIVITY_STATUS: Mapping[PlanStatus, str] = {
    PlanStatus.DRAFT: "1",
    PlanStatus.IN_REVIEW: "1",
    PlanStatus.VALIDATED: "1",
    PlanStatus.ADOPTED: "2",
    PlanStatus.AMENDED: "2",
}

#: IATI OrganisationType for the kinds of actor whose type is unambiguous. Civil society,
#: migrant and diaspora associations and development partners are left without a type:
#: each covers several IATI types (national or international NGO; bilateral government
#: or multilateral), and a wrong type is worse than none.
ORGANISATION_TYPE: Mapping[ActorKind, str] = {
    ActorKind.GOVERNMENT: "10",
    ActorKind.SUBNATIONAL_GOVERNMENT: "11",
    ActorKind.INTERNATIONAL_ORGANISATION: "40",
    ActorKind.PRIVATE_SECTOR: "70",
    ActorKind.ACADEMIA: "80",
    ActorKind.OTHER: "90",
}

#: The IATI type of an organisation whose kind covers several types, when the plan gives no
#: ``org_type``: civil society organisations and migrant or diaspora associations taking
#: part in a national or local plan are taken as national NGOs (22; give ``org_type: 21``
#: for an international NGO); a development partner may be a bilateral agency or a
#: multilateral, so it is 90 Other until the plan says.
ORGANISATION_TYPE_FALLBACK: Mapping[ActorKind, str] = {
    ActorKind.CIVIL_SOCIETY: "22",
    ActorKind.MIGRANT_ASSOCIATION: "22",
    ActorKind.DEVELOPMENT_PARTNER: "90",
}
#: The type of an organisation of unknown kind.
ORGANISATION_TYPE_OTHER = "90"

#: The reporting organisation's type from the plan's level, when its authority is not an
#: actor of a known kind.
ORGANISATION_TYPE_BY_LEVEL: Mapping[GovernanceLevel, str] = {
    GovernanceLevel.NATIONAL: "10",
    GovernanceLevel.SUBNATIONAL: "11",
    GovernanceLevel.LOCAL: "11",
}

# IATI codes used as constants (a test checks each against the codelists).
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_IMPLEMENTING = "1", "2", "4"
DESCRIPTION_GENERAL, DESCRIPTION_OBJECTIVES, DESCRIPTION_TARGET_GROUPS = "1", "2", "3"
DATE_PLANNED_START, DATE_ACTUAL_START, DATE_PLANNED_END = "1", "2", "3"
STATUS_PIPELINE, STATUS_IMPLEMENTATION = "1", "2"
CONTACT_GENERAL = "1"
DOCUMENT_OBJECTIVES = "A02"
TRANSACTION_INCOMING_COMMITMENT, TRANSACTION_EXPENDITURE = "11", "4"
SECTOR_VOCABULARY_DAC5, SECTOR_VOCABULARY_SDG_TARGET = "1", "8"
TAG_VOCABULARY_SDG_GOAL, TAG_VOCABULARY_SDG_TARGET = "2", "3"
BUDGET_ORIGINAL, BUDGET_INDICATIVE = "1", "1"
RESULT_OUTCOME = "2"
MEASURE_UNIT, MEASURE_PERCENTAGE, MEASURE_QUALITATIVE = "1", "2", "5"
INDICATOR_VOCABULARY_SDG, INDICATOR_VOCABULARY_REPORTER = "9", "99"

#: Every constant code above, by the codelist it comes from.
CONSTANT_CODES: Mapping[str, tuple[str, ...]] = {
    "Version": (IATI_VERSION,),
    "ActivityStatus": (*ACTIVITY_STATUS.values(), STATUS_PIPELINE, STATUS_IMPLEMENTATION),
    "OrganisationType": (
        *ORGANISATION_TYPE.values(),
        *ORGANISATION_TYPE_BY_LEVEL.values(),
        *ORGANISATION_TYPE_FALLBACK.values(),
        ORGANISATION_TYPE_OTHER,
    ),
    "OrganisationRole": (ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_IMPLEMENTING),
    "DescriptionType": (DESCRIPTION_GENERAL, DESCRIPTION_OBJECTIVES, DESCRIPTION_TARGET_GROUPS),
    "ActivityDateType": (DATE_PLANNED_START, DATE_ACTUAL_START, DATE_PLANNED_END),
    "ContactType": (CONTACT_GENERAL,),
    "DocumentCategory": (DOCUMENT_OBJECTIVES,),
    "TransactionType": (TRANSACTION_INCOMING_COMMITMENT, TRANSACTION_EXPENDITURE),
    "SectorVocabulary": (SECTOR_VOCABULARY_DAC5, SECTOR_VOCABULARY_SDG_TARGET),
    "Sector": (MIGRATION_SECTOR,),
    "TagVocabulary": (TAG_VOCABULARY_SDG_GOAL, TAG_VOCABULARY_SDG_TARGET),
    "BudgetType": (BUDGET_ORIGINAL,),
    "BudgetStatus": (BUDGET_INDICATIVE,),
    "ResultType": (RESULT_OUTCOME,),
    "IndicatorMeasure": (MEASURE_UNIT, MEASURE_PERCENTAGE, MEASURE_QUALITATIVE),
    "IndicatorVocabulary": (INDICATOR_VOCABULARY_SDG, INDICATOR_VOCABULARY_REPORTER),
}
