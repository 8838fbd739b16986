"""Health sub-types and intervention templates.

Content drawn from the WHO Global Code of Practice on the International Recruitment of
Health Personnel and WHO's Health Workforce Support and Safeguards List, the WHO Global
Action Plan on the health of refugees and migrants, the Colombo Statement on migrant
health, WHO Europe guidance on health information, and the Ecuador case and intervention
types of IOM's guide for practitioners.
"""

from __future__ import annotations

from migsdg.i18n import N_
from migsdg.model import (
    Beneficiary,
    Disaggregation,
    Frequency,
    FundingCategory,
    IndicatorKind,
    IndicatorRef,
    InterventionForm,
    InterventionType,
    RoleKind,
    Stage,
    SupportingActivityKind,
)
from migsdg.templates import (
    ActorSlot,
    InterventionSubtype,
    InterventionTemplate,
    SuggestedActivity,
    SuggestedIndicator,
)

__all__ = ["SUBTYPES", "TEMPLATES"]

SECTOR = "health"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE, INCOME = Disaggregation.SEX, Disaggregation.AGE, Disaggregation.INCOME
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
PLACE = Disaggregation.GEOGRAPHIC_LOCATION

#: The actors these templates call on, by slot. A plan actor with the same id is bound
#: automatically; otherwise ``migsdg add --actor SLOT=ACTOR_ID`` binds it.
SLOTS: dict[str, str] = {
    "health-ministry": "Ministry responsible for health",
    "health-information-unit": "Health information and statistics unit of the health ministry",
    "health-insurance-agency": "National health insurance or health financing agency",
    "local-health-services": "Provincial or municipal health services",
    "health-professional-regulators": "Regulatory bodies of the health professions (medical, "
    "nursing and midwifery councils)",
    "health-workers-organisations": "Health workers' trade unions and professional associations",
    "training-institutions": "Medical, nursing and midwifery schools",
    "labour-ministry": "Ministry responsible for labour and labour migration",
    "foreign-affairs-ministry": "Ministry of foreign affairs",
    "migration-authority": "Migration or immigration authority",
    "statistics-office": "National statistical office",
    "data-protection-authority": "Data protection authority",
    "migrant-associations": "Migrant, refugee and diaspora associations",
    "civil-society": "Civil society organisations working with migrants",
    "who": "WHO country office",
    "iom": "IOM country office (migration health)",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


GUIDE = "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation step"
WHO_CODE = (
    "WHO Global Code of Practice on the International Recruitment of Health Personnel, "
    "adopted by the 63rd World Health Assembly, May 2010 (resolution WHA63.16)"
)
WHO_CODE_GUIDE = (
    "WHO (2010), User's guide to the WHO Global Code of Practice (WHO/HSS/HRH/HMR/2010.2)"
)
WHO_SSL = "WHO Health Workforce Support and Safeguards List 2023 (55 countries)"
WHO_GAP = (
    "WHO Global Action Plan on promoting the health of refugees and migrants 2019–2023 "
    "(decision WHA72(14)), extended to 2030 by resolution WHA76.14 (2023)"
)
COLOMBO = (
    "Colombo Statement, 2nd Global Consultation on Migrant Health (Colombo, February 2017; "
    "Government of Sri Lanka, IOM and WHO)"
)
UHC_METADATA = (
    "UN SDG metadata for indicator 3.8.1 (custodian WHO): a unitless index from 0 to 100, "
    "the geometric mean of 14 tracer indicators of service coverage, among them antenatal "
    "care (four or more visits) and DTP3 immunization"
)
WHO_EURO_HIS = (
    "WHO Regional Office for Europe, policy brief on health promotion for improved refugee "
    "and migrant health (health information systems producing disaggregated data)"
)

SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="health.ethical-health-recruitment",
        name=N_("Ethical international recruitment of health personnel"),
        type=InterventionType.MAINSTREAMING_POLICY,
        sector=SECTOR,
        description="The WHO Global Code's principles built into health workforce policy "
        "and the rules for recruiting health personnel across borders.",
    ),
    InterventionSubtype(
        id="health.service-inclusion",
        name=N_("Inclusion of migrants in health services and coverage"),
        type=InterventionType.MAINSTREAMING_PROGRAMMING,
        sector=SECTOR,
        description="Existing health services and coverage schemes adapted so that "
        "migrants and displaced persons are among their beneficiaries.",
    ),
    InterventionSubtype(
        id="health.health-information",
        name=N_("Migrant-sensitive health information"),
        type=InterventionType.CAPACITY_BUILDING,
        sector=SECTOR,
        description="Health information systems that can report on migrants' health and "
        "use of services, with safeguards.",
    ),
    InterventionSubtype(
        id="health.migration-health-policy",
        name=N_("Migration health policy"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="A national policy or strategy on the health of migrants across the "
        "migration cycle.",
    ),
    InterventionSubtype(
        id="health.workforce-partnership",
        name=N_("Health workforce mobility partnership"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Government-to-government arrangements on the mobility of health "
        "workers that invest in the source country's workforce.",
    ),
)


WHO_CODE_TEMPLATE = InterventionTemplate(
    id="health.who-code",
    sector=SECTOR,
    title="Implement the WHO Global Code of Practice on the International Recruitment of "
    "Health Personnel",
    description="The health ministry designates the national authority for the WHO Code, "
    "writes the Code's principles into the national health workforce strategy and into the "
    "rules that govern recruitment of health personnel across borders (into the country, "
    "or of the country's own health workers by employers abroad), builds data on the "
    "inflow and outflow of health workers, and reports in each WHO national reporting "
    "round. Recruitment policy takes account of WHO's Health Workforce Support and "
    "Safeguards List.",
    type=InterventionType.MAINSTREAMING_POLICY,
    form=InterventionForm.POLICY_PROCESS,
    subtype="health.ethical-health-recruitment",
    policy_area="Health workforce",
    targets=("3.c", "10.7"),
    rationale="Target 3.c calls for the recruitment, development, training and retention "
    "of the health workforce in developing countries, and the international recruitment of "
    "health workers is where health and migration policy meet most directly. The WHO "
    "Global Code, adopted by the World Health Assembly in 2010, is voluntary and global: "
    "it sets principles for ethical recruitment that balance the interests of source "
    "countries, destination countries and migrant health personnel, asks countries to "
    "develop and retain their own health workforce so as to rely less on recruitment, "
    "calls for fair treatment of migrant health workers, and asks each country to "
    "designate a national authority, gather data and report periodically to WHO. WHO's "
    "Health Workforce Support and Safeguards List (55 countries in 2023, where the density "
    "of doctors, nurses and midwives is below the global median of 49 per 10 000 people "
    "and the UHC service coverage index is below 55) identifies where recruitment can do "
    "most harm. Mainstreaming the Code into workforce policy is how a country of origin "
    "protects its health system and a country of destination recruits responsibly; both "
    "serve target 10.7 through well-managed migration policy.",
    beneficiaries=(
        Beneficiary(
            group="Migrant health workers",
            description="Doctors, nurses, midwives and other health personnel moving "
            "across borders, who should be recruited fairly and treated equally.",
        ),
        Beneficiary(
            group="Patients in countries with health workforce shortages",
            description="Their health services depend on retaining health workers.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "health-ministry",
            LEAD,
            "Designate the national authority for the Code; revise the health workforce "
            "strategy and the rules on international recruitment.",
        ),
        _slot(
            DESIGN,
            "health-professional-regulators",
            SUPPORT,
            "Advise on registration of foreign-trained personnel and on verification of "
            "qualifications.",
        ),
        _slot(
            DESIGN,
            "labour-ministry",
            CONSULTED,
            "Align the rules with labour migration policy and recruiter licensing.",
        ),
        _slot(
            DESIGN,
            "health-workers-organisations",
            CONSULTED,
            "Represent health workers, including migrant health workers.",
        ),
        _slot(DESIGN, "who", SUPPORT, "Technical advice on the Code and the Safeguards List."),
        _slot(
            IMPLEMENTATION,
            "health-ministry",
            LEAD,
            "Apply the rules to public and private employers and recruiters; publish guidance.",
        ),
        _slot(
            IMPLEMENTATION,
            "health-professional-regulators",
            SUPPORT,
            "Record country of training and country of destination in registration "
            "and verification requests.",
        ),
        _slot(
            MONITORING,
            "health-ministry",
            LEAD,
            "As national authority, compile data on health worker migration and submit the "
            "national report in each WHO reporting round.",
        ),
        _slot(
            MONITORING,
            "health-information-unit",
            SUPPORT,
            "Produce health workforce density and distribution by occupation and region.",
        ),
        _slot(
            EVALUATION,
            "health-ministry",
            LEAD,
            "Review the effect of recruitment on workforce density, with WHO's periodic "
            "reviews of the Code.",
        ),
    ),
    coordination="The national authority for the Code convenes the health, labour and "
    "foreign affairs ministries, the regulators and health workers' organisations twice a "
    "year; it is WHO's counterpart for information exchange under the Code.",
    outputs=(
        "National authority for the WHO Code designated",
        "Code principles written into the health workforce strategy and the rules on "
        "international recruitment",
        "Data on inflows and outflows of health personnel by occupation and country of training",
        "National report submitted in the WHO reporting round",
    ),
    outcomes=(
        "International recruitment of health personnel does not undermine health systems "
        "with critical shortages",
        "Migrant health workers are recruited fairly and enjoy the same rights and "
        "conditions as nationally trained staff",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Briefings on the Code for recruiters, public and private employers "
            "and regulators",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange through the ILO–OECD–WHO International Platform on "
            "Health Worker Mobility",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("3.c.1"),
            disaggregation=(SEX, PLACE),
            data_source="Health workforce registers and regulators' records, by occupation "
            "(ISCO-08) and region",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Foreign-trained share of newly registered health professionals",
                definition="Health professionals trained abroad among those newly registered "
                "in the year, as a percentage of all new registrations, by occupation",
                unit="%",
            ),
            disaggregation=(SEX,),
            data_source="Health professional regulators' registers",
            frequency=Frequency.ANNUAL,
            responsible="health-professional-regulators",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="WHO Code national report submitted",
                definition="Whether the country submitted its national report in the latest "
                "WHO Code reporting round (yes/no)",
            ),
            data_source="WHO Code reporting records",
            frequency=Frequency.END_OF_PERIOD,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.SDG_FUND),
    gcm_objectives=(6, 18, 23),
    migration_domains=(2, 3),
    sources=(WHO_CODE, WHO_CODE_GUIDE, WHO_SSL, GUIDE),
    dac_sectors=("12110", "12281"),
)


SERVICE_INCLUSION = InterventionTemplate(
    id="health.migrant-inclusive-services",
    sector=SECTOR,
    title="Include migrants and displaced persons in health services and health coverage",
    description="Health services and coverage schemes that were not designed with migrants "
    "in mind—provincial and municipal services, primary care, maternal and child health, "
    "immunisation, mental health—count migrants and displaced persons among their "
    "beneficiaries. Eligibility, registration and fee rules are reviewed so that migrants, "
    "whatever their status, can use essential services; services add interpretation, "
    "cultural mediation and outreach; rules on sharing patient data with other authorities "
    "are set so that fear does not keep people from care; and coverage is monitored by "
    "migratory status.",
    type=InterventionType.MAINSTREAMING_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="health.service-inclusion",
    policy_area="Universal health coverage",
    targets=("3.8",),
    rationale="Universal health coverage (target 3.8) means access to quality essential "
    "services and protection from financial hardship for everyone; migrants who are left "
    "out of coverage or face barriers of language, documentation or cost are a gap in it, "
    "and out-of-pocket spending pushes their households over the 10% and 25% thresholds "
    "of indicator 3.8.2. The guide's Ecuador case shows the approach: units of the "
    "provincial government, the health services among them, began to count migrants and "
    "displaced persons as their beneficiaries, mainstreaming migration into programmes "
    "that already existed rather than creating parallel ones. WHO's Global Action Plan on "
    "the health of refugees and migrants, now extended to 2030, aims at universal coverage "
    "for refugees, migrants and host populations alike; the Colombo Statement calls for "
    "migrant-centred, non-discriminatory health systems; and IOM lists 3.8 among the "
    "entry points for migration health in the SDGs. GCM Objective 15 commits states "
    "to migrants' access to basic services.",
    beneficiaries=(
        Beneficiary(
            group="Migrants and displaced persons",
            description="Including those in an irregular situation, women and children, "
            "and people with chronic or mental health conditions.",
        ),
        Beneficiary(
            group="Host communities",
            description="They benefit from stronger primary care and public-health measures "
            "that reach everyone.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "health-ministry",
            LEAD,
            "Review eligibility, registration and fee rules; set service standards for "
            "interpretation and outreach.",
        ),
        _slot(
            DESIGN,
            "health-insurance-agency",
            SUPPORT,
            "Cost and design enrolment of migrants in the coverage scheme.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Identify barriers to care and the languages and channels that reach migrants.",
        ),
        _slot(
            DESIGN,
            "migration-authority",
            CONSULTED,
            "Agree which documents give access and how data are shared.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-health-services",
            LEAD,
            "Register migrants as beneficiaries; provide interpretation, mediation and outreach.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-society",
            SUPPORT,
            "Accompany migrants to services and run community outreach.",
        ),
        _slot(
            MONITORING,
            "health-information-unit",
            LEAD,
            "Report service use and coverage by migratory status.",
        ),
        _slot(
            EVALUATION,
            "health-ministry",
            LEAD,
            "Evaluate access and financial protection for migrants against the baseline.",
        ),
        _slot(EVALUATION, "iom", SUPPORT, "Support the evaluation with migration health data."),
    ),
    coordination="A migrant health working group of the health ministry, the coverage "
    "agency, provincial or municipal health services, the migration authority and migrant "
    "associations meets quarterly and reviews the service data.",
    outputs=(
        "Eligibility, registration and fee rules for migrants reviewed and amended",
        "Interpretation and cultural mediation available in the services most used by migrants",
        "Outreach to migrant communities through community health workers or mediators",
        "Service records that capture migratory status",
    ),
    outcomes=(
        "More migrants and displaced persons use essential health services, shown by tracer "
        "services of the UHC index such as antenatal care",
        "Fewer migrant households face large health expenditures (3.8.2)",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of front-line health and administrative staff on "
            "migrants' entitlements and culturally appropriate care",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for migrants on their entitlements, in their languages",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Antenatal care coverage (four or more visits)",
                definition="Women aged 15-49 with a live birth in the reference period who "
                "received antenatal care four or more times, as a percentage of women aged "
                "15-49 with a live birth in the period; a tracer of the UHC service "
                "coverage index (3.8.1), which is itself an index and is not computed for "
                "population groups",
                unit="%",
            ),
            disaggregation=(MIGRATORY_STATUS, AGE, PLACE),
            data_source="Demographic and health or household surveys with a migration module; "
            "antenatal service records that capture migratory status",
        ),
        SuggestedIndicator(
            indicator=_sdg("3.8.2"),
            disaggregation=(MIGRATORY_STATUS, INCOME),
            data_source="Household budget or expenditure survey",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Migrants enrolled in the health coverage scheme",
                definition="Migrants and displaced persons enrolled in the national or "
                "provincial coverage scheme, as a percentage of the estimated migrant "
                "population of the area",
                unit="%",
            ),
            disaggregation=(SEX, AGE, PLACE),
            data_source="Coverage scheme enrolment records; population estimates",
            frequency=Frequency.ANNUAL,
            responsible="health-insurance-agency",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(15,),
    migration_domains=(1, 4),
    sources=(
        GUIDE + " (case study: Ecuador)",
        WHO_GAP,
        COLOMBO,
        "IOM, Migration health and sustainable development (3.8 as an entry point)",
        UHC_METADATA,
    ),
    dac_sectors=("12220", "12110"),
)


HEALTH_INFORMATION = InterventionTemplate(
    id="health.migrant-sensitive-his",
    sector=SECTOR,
    title="Migrant-sensitive health information system",
    description="The health information system records country of birth and citizenship "
    "(and, where lawful and safe, migration status) in patient records, disease "
    "surveillance and health surveys, using the same definitions as the census, with "
    "data-protection safeguards, so that service use, coverage and health outcomes of "
    "migrants can be reported and compared with those of the host population.",
    type=InterventionType.CAPACITY_BUILDING,
    form=InterventionForm.PROJECT,
    subtype="health.health-information",
    policy_area="Health information",
    targets=("3.8", "17.18"),
    rationale="A plan cannot tell whether migrants are reached by health services if the "
    "data never say who is a migrant. WHO Europe's policy guidance asks countries to invest "
    "in health information systems and monitoring that produce comparable, disaggregated "
    "data on the health, well-being and service use of refugees and migrants; "
    "strengthening health monitoring and information systems is part of WHO's Global "
    "Action Plan; GCM Objective 1 calls for data disaggregated by migration status; and "
    "target 17.18 asks for data disaggregated by migratory status. Indicator 17.18.1 no "
    "longer measures disaggregation itself, so the plan tracks progress with its own proxy. "
    "Collecting these variables is inexpensive once definitions are agreed; the care lies "
    "in protecting the data so that recording them does not deter anyone from care.",
    beneficiaries=(
        Beneficiary(
            group="Health planners and managers",
            description="They can see coverage and outcome gaps affecting migrants.",
        ),
        Beneficiary(
            group="Migrants",
            description="Their needs become visible in health planning.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "health-information-unit",
            LEAD,
            "Define the minimum set of migration variables and where they are recorded.",
        ),
        _slot(
            DESIGN,
            "statistics-office",
            SUPPORT,
            "Align definitions (country of birth, citizenship) with the census and surveys.",
        ),
        _slot(
            DESIGN,
            "data-protection-authority",
            CONSULTED,
            "Advise on the legal basis, access rules and safeguards.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Advise on how to ask the questions and build trust.",
        ),
        _slot(
            IMPLEMENTATION,
            "health-information-unit",
            LEAD,
            "Update forms and software; publish the data dictionary.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-health-services",
            SUPPORT,
            "Record the variables in patient registration.",
        ),
        _slot(
            MONITORING,
            "health-information-unit",
            LEAD,
            "Track completeness of the variables and publish disaggregated statistics.",
        ),
        _slot(
            EVALUATION,
            "health-ministry",
            LEAD,
            "Assess data quality and use, and any effect on attendance.",
        ),
        _slot(EVALUATION, "who", SUPPORT, "Advise on comparability with other countries."),
    ),
    coordination="A technical group of the health information unit and the statistics "
    "office, with the data protection authority, agrees definitions and safeguards; "
    "migrant associations are consulted before roll-out.",
    outputs=(
        "Minimum set of migration variables added to patient records and health surveys",
        "Data-protection rules for those variables",
        "Annual health statistics with a breakdown by migrant status",
    ),
    outcomes=(
        "Gaps in coverage and health outcomes between migrants and the host population are "
        "measured and acted on",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of registration and records staff on the new variables "
            "and on confidentiality",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Analysis capacity in the health information unit for "
            "disaggregated reporting",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Health records capturing country of birth or citizenship",
                definition="Patient or facility records in the reporting period with country "
                "of birth or citizenship recorded, as a percentage of all records",
                unit="%",
            ),
            disaggregation=(PLACE,),
            data_source="Health information system completeness reports",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("3.8.2"),
            disaggregation=(MIGRATORY_STATUS, INCOME),
            data_source="Household budget or expenditure survey, with the migratory status "
            "of household members recorded",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(1, 15),
    migration_domains=(2,),
    sources=(
        WHO_EURO_HIS,
        WHO_GAP,
        "Global Compact for Migration (A/RES/73/195), Objective 1",
        UHC_METADATA,
    ),
    dac_sectors=("12196",),
)


MIGRATION_HEALTH_POLICY = InterventionTemplate(
    id="health.migration-health-policy",
    sector=SECTOR,
    title="National migration health policy",
    description="A national policy, or a chapter of the national health strategy, on the "
    "health of people on the move—emigrants and their families, immigrants, returnees and "
    "displaced persons—across the migration cycle: access to services, public-health "
    "measures, migrant health workers, health data, financing, and coordination between "
    "the health, migration, labour and foreign affairs authorities, with an action plan "
    "and a budget.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="health.migration-health-policy",
    policy_area="Health policy",
    targets=("3.8", "10.7"),
    rationale="Migrant health is handled by several authorities at once, and without a "
    "shared policy each acts on its own rules. Sri Lanka has had a National Migration "
    "Health Policy since 2008; the Colombo Statement adopted at the second Global "
    "Consultation on Migrant Health (2017, some 40 countries) calls for migrant health to "
    "be mainstreamed into national policies and for migrant-centred, non-discriminatory "
    "health systems; and WHO's Global Action Plan on the health of refugees and migrants, "
    "extended to 2030, gives a framework of priorities. A national policy is the kind of "
    "new policy the guide describes for target 10.7—planned and well-managed migration "
    "policy—applied to health, and it anchors the service, data and workforce measures "
    "that serve target 3.8.",
    beneficiaries=(
        Beneficiary(
            group="People on the move and their families",
            description="Emigrants, immigrants, returnees and displaced persons.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "health-ministry",
            LEAD,
            "Lead the situation analysis and draft the policy with an action plan and budget.",
        ),
        _slot(
            DESIGN,
            "migration-authority",
            SUPPORT,
            "Contribute migration data and align the policy with migration law.",
        ),
        _slot(
            DESIGN,
            "labour-ministry",
            CONSULTED,
            "Cover migrant workers' occupational health and pre-departure health.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            CONSULTED,
            "Cover emigrants and the diaspora through consulates.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Bring migrants' experience of the health system into the policy.",
        ),
        _slot(DESIGN, "iom", SUPPORT, "Technical support on migration health."),
        _slot(
            IMPLEMENTATION,
            "health-ministry",
            LEAD,
            "Carry out the action plan through the health services.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-health-services",
            SUPPORT,
            "Apply the policy in provincial and municipal services.",
        ),
        _slot(
            MONITORING,
            "health-ministry",
            LEAD,
            "Chair the inter-ministerial committee; report on the action plan yearly.",
        ),
        _slot(
            EVALUATION,
            "health-ministry",
            LEAD,
            "Commission a mid-term review and a final evaluation of the policy.",
        ),
        _slot(EVALUATION, "who", SUPPORT, "Support the review against WHO's framework."),
    ),
    coordination="An inter-ministerial migration health committee chaired by the health "
    "ministry (migration, labour, foreign affairs, social protection, statistics) with "
    "civil society and migrant associations oversees the action plan.",
    outputs=(
        "Situation analysis of the health of people on the move and their access to services",
        "Migration health policy adopted, with an action plan and a budget",
        "Inter-ministerial migration health committee established",
    ),
    outcomes=(
        "Health, migration and labour authorities handle migrant health consistently",
        "Migrants' access to health services improves across the migration cycle",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Migration health focal points in the health ministry and "
            "provincial health services",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.ADVOCACY,
            description="Consultation and advocacy with parliamentarians and provincial "
            "authorities for adoption and funding",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Antenatal care coverage (four or more visits)",
                definition="Women aged 15-49 with a live birth in the reference period who "
                "received antenatal care four or more times, as a percentage of women aged "
                "15-49 with a live birth in the period; a tracer of the UHC service "
                "coverage index (3.8.1), which is itself an index and is not computed for "
                "population groups",
                unit="%",
            ),
            disaggregation=(MIGRATORY_STATUS, AGE),
            data_source="Demographic and health surveys with a migration module",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Policy actions carried out on schedule",
                definition="Actions of the migration health action plan completed by their "
                "due date, as a percentage of actions due",
                unit="%",
            ),
            data_source="Committee progress reports",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(7, 15),
    migration_domains=(2, 4),
    sources=(COLOMBO, WHO_GAP, GUIDE, UHC_METADATA),
    dac_sectors=("12110", "15190"),
)


WORKFORCE_PARTNERSHIP = InterventionTemplate(
    id="health.workforce-partnership",
    sector=SECTOR,
    title="Health workforce mobility partnership that invests in the source country",
    description="A government-to-government partnership on the mobility of nurses, "
    "midwives or other health workers, drawn up in line with the WHO Code: the two "
    "countries agree on occupations and numbers, fair recruitment and equal treatment, "
    "recognition of qualifications, and the destination country's investment in the "
    "source country's health workforce—training places and faculty, twinning of health "
    "facilities, support for retention and for regulators—so that mobility adds to, "
    "rather than drains, the source country's health workforce.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="health.workforce-partnership",
    policy_area="Health workforce",
    targets=("3.c", "10.7"),
    rationale="The WHO Code (Article 5) says that bilateral agreements on health "
    "personnel can include technical assistance, support for retention, training in "
    "source countries, twinning of health facilities and strengthening of regulation, "
    "and asks countries to scale up training and to address maldistribution and "
    "retention. The UN Network on Migration's guidance on bilateral labour migration "
    "agreements has a note on migrant health workers, and the Global Skill Partnership "
    "model trains people in the country of origin for both local and international jobs, "
    "so that the origin country's human capital grows. GCM Objective 18 calls for such "
    "skills partnerships. Recruitment from countries on WHO's Health Workforce Support and "
    "Safeguards List needs particular care. A partnership of this kind turns a one-way "
    "flow into cooperation that serves target 3.c in the source country and target 10.7 "
    "in both.",
    beneficiaries=(
        Beneficiary(
            group="Health workers and students in the source country",
            description="They gain training and a regular, fair route to work abroad.",
        ),
        Beneficiary(
            group="Health services in both countries",
            description="They gain staff without weakening the source country's system.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "health-ministry",
            LEAD,
            "Negotiate the partnership: occupations, numbers, investment commitments.",
        ),
        _slot(
            DESIGN,
            "labour-ministry",
            SUPPORT,
            "Cover recruitment, contracts and equal treatment in the agreement.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Handle the intergovernmental form of the agreement.",
        ),
        _slot(
            DESIGN,
            "health-workers-organisations",
            CONSULTED,
            "Represent health workers in both countries.",
        ),
        _slot(
            IMPLEMENTATION,
            "health-ministry",
            LEAD,
            "Run the partnership and its investment component.",
        ),
        _slot(
            IMPLEMENTATION,
            "training-institutions",
            SUPPORT,
            "Expand training places and faculty in the source country.",
        ),
        _slot(
            IMPLEMENTATION,
            "health-professional-regulators",
            SUPPORT,
            "Recognise qualifications and register recruited health workers.",
        ),
        _slot(
            MONITORING,
            "health-ministry",
            LEAD,
            "Co-chair the joint committee; publish data on recruitment and investment.",
        ),
        _slot(
            EVALUATION,
            "health-ministry",
            LEAD,
            "Evaluate the effect on both health workforces before renewal.",
        ),
        _slot(EVALUATION, "who", SUPPORT, "Advise on consistency with the WHO Code."),
    ),
    coordination="A joint committee of both health ministries, with labour authorities, "
    "regulators and health workers' organisations, meets at least yearly and publishes "
    "recruitment and investment figures.",
    outputs=(
        "Partnership agreement setting occupations, numbers, recruitment rules and "
        "investment commitments",
        "Additional training places and faculty in the source country",
        "Joint committee reports published",
    ),
    outcomes=(
        "Health workers move through fair, regular channels",
        "Health worker density in the source country is maintained or rises (3.c.1)",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Support to the source country's health workforce planning and regulators",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Language and professional orientation for health workers before departure",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("3.c.1"),
            disaggregation=(SEX, PLACE),
            data_source="Health workforce registers of the source country, by occupation",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Health workers recruited under the partnership",
                definition="Health workers who took up employment abroad through the "
                "partnership in the year, by occupation",
                unit="persons",
            ),
            disaggregation=(SEX, AGE),
            data_source="Joint committee records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Training places added in the source country",
                definition="Additional places in nursing, midwifery or medical training in "
                "the source country funded through the partnership",
                unit="places",
            ),
            data_source="Training institutions' enrolment records",
            frequency=Frequency.ANNUAL,
            responsible="training-institutions",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.INNOVATIVE_FINANCE,
    ),
    gcm_objectives=(5, 6, 18, 23),
    migration_domains=(3, 6),
    sources=(
        WHO_CODE + ", Articles 5.2, 5.5 and 5.7",
        WHO_SSL,
        "UN Network on Migration, Guidance on Bilateral Labour Migration Agreements (2022), "
        "note on migrant health workers",
        "M. Clemens (2014), Global Skill Partnerships: A Proposal for Technical Training in "
        "a Mobile World, Center for Global Development",
        "Global Compact for Migration (A/RES/73/195), Objective 18(e)",
    ),
    dac_sectors=("12281", "12181", "15190"),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    WHO_CODE_TEMPLATE,
    SERVICE_INCLUSION,
    HEALTH_INFORMATION,
    MIGRATION_HEALTH_POLICY,
    WORKFORCE_PARTNERSHIP,
)
