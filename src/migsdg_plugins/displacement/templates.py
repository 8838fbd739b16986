"""Displacement sub-types and intervention templates.

Content drawn from the Sendai Framework for Disaster Risk Reduction and its monitoring
indicators, the Guiding Principles on Internal Displacement, the IASC Framework on Durable
Solutions, the Kampala Convention, the Nansen Initiative Protection Agenda, the
International Recommendations on IDP Statistics, the Global Compact for Migration, and the
implementation step of IOM's guide for practitioners. Figures marked illustrative are for
the plan to replace.
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
    Population,
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

SECTOR = "displacement"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
NATIONALITY, PLACE = Disaggregation.NATIONALITY, Disaggregation.GEOGRAPHIC_LOCATION
DISABILITY = Disaggregation.DISABILITY

SLOTS = {
    "disaster-management-agency": "National disaster management agency or civil protection",
    "local-governments": "Municipal and provincial governments",
    "environment-ministry": "Ministry responsible for environment and climate change",
    "planning-ministry": "Ministry responsible for planning and development",
    "housing-ministry": "Ministry responsible for housing, land and urban development",
    "social-welfare-ministry": "Ministry responsible for social welfare",
    "civil-registry": "Civil registration and identity authority",
    "immigration-authority": "Immigration and border authority",
    "foreign-affairs-ministry": "Ministry of foreign affairs",
    "statistics-office": "National statistical office",
    "displaced-communities": "Representatives of displaced people and host communities",
    "civil-society": "Civil society and humanitarian organisations",
    "iom": "IOM country office",
    "unhcr": "UNHCR country office",
    "undrr": "UNDRR regional office",
    "resident-coordinator": "UN Resident Coordinator's office",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


GUIDE = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step, 'Examples of possible interventions'"
)
SENDAI = (
    "Sendai Framework for Disaster Risk Reduction 2015–2030, adopted at the Third UN World "
    "Conference on Disaster Risk Reduction (Sendai, 18 March 2015) and endorsed by the UN "
    "General Assembly: seven global targets, four priorities for action"
)
SENDAI_MONITOR = (
    "UNDRR, Sendai Framework Monitor: 38 indicators for the seven global targets and the "
    "related indicators of SDGs 1, 11 and 13; UN SDG metadata for 1.5.1/11.5.1/13.1.1 "
    "(directly affected people include those evacuated, displaced or relocated)"
)
GCM_2 = (
    "Global Compact for Migration (A/RES/73/195), Objective 2 (para. 18), actions on "
    "natural disasters, the adverse effects of climate change and environmental "
    "degradation, on collaboration between humanitarian and development actors, and on "
    "accounting for migrants in emergency preparedness (MICIC Guidelines)"
)
GCM_5 = (
    "Global Compact for Migration (A/RES/73/195), Objective 5 (para. 21), actions on "
    "admission and stay for migrants compelled to leave their countries owing to "
    "sudden-onset disasters, and on planned relocation and visa options in slow-onset "
    "situations"
)
NANSEN = (
    "Agenda for the Protection of Cross-Border Displaced Persons in the Context of Disasters "
    "and Climate Change (Nansen Initiative Protection Agenda), endorsed by 109 governmental "
    "delegations, Geneva, October 2015; followed up by the Platform on Disaster "
    "Displacement, launched 2016"
)
GUIDING_PRINCIPLES = (
    "Guiding Principles on Internal Displacement (E/CN.4/1998/53/Add.2, annex), presented "
    "to the UN Commission on Human Rights in 1998: 30 principles; principles 28-30 on "
    "return, resettlement and reintegration"
)
IASC_SOLUTIONS = (
    "IASC Framework on Durable Solutions for Internally Displaced Persons (endorsed by the "
    "IASC Working Group, December 2009; Brookings–Bern Project on Internal Displacement, "
    "April 2010; A/HRC/13/21/Add.4): eight criteria for "
    "judging how far a durable solution has been achieved"
)
KAMPALA = (
    "African Union Convention for the Protection and Assistance of Internally Displaced "
    "Persons in Africa (Kampala Convention), adopted 23 October 2009, in force 6 December "
    "2012"
)
IRIS_IDP = (
    "Expert Group on Refugee and IDP Statistics, International Recommendations on "
    "Internally Displaced Persons Statistics (IRIS), adopted by the UN Statistical "
    "Commission in March 2020"
)


SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="displacement.disaster-risk-reduction",
        name=N_("Displacement in disaster risk reduction"),
        type=InterventionType.MAINSTREAMING_POLICY,
        sector=SECTOR,
        description="Disaster risk reduction strategies and preparedness that plan for the "
        "people disasters displace: evacuation, reception, assistance and return.",
    ),
    InterventionSubtype(
        id="displacement.durable-solutions",
        name=N_("Durable solutions for internally displaced persons"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Policy, law and programmes that let internally displaced persons "
        "return, integrate locally or settle elsewhere in the country on equal terms.",
    ),
    InterventionSubtype(
        id="displacement.cross-border-protection",
        name=N_("Admission and stay after disasters"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Rules for admitting and protecting people displaced across borders by "
        "disasters and the adverse effects of climate change.",
    ),
    InterventionSubtype(
        id="displacement.displacement-statistics",
        name=N_("Displacement statistics"),
        type=InterventionType.CAPACITY_BUILDING,
        sector=SECTOR,
        description="Official statistics on internally displaced persons and on people "
        "displaced by disasters.",
    ),
)


DRR_STRATEGY = InterventionTemplate(
    id="displacement.drr-strategy",
    sector=SECTOR,
    title="Plan for displacement in national and local disaster risk reduction strategies",
    description="The national disaster risk reduction strategy and the local strategies of "
    "the most exposed municipalities plan for the people disasters displace: hazard and "
    "exposure maps that show who may have to move, early warning that reaches migrants and "
    "people in informal settlements in their languages, evacuation plans and sites, "
    "reception and assistance arrangements, registration of evacuees and displaced people, "
    "and support for return or, where return is unsafe, planned relocation with the "
    "people concerned.",
    type=InterventionType.MAINSTREAMING_POLICY,
    form=InterventionForm.POLICY_PROCESS,
    subtype="displacement.disaster-risk-reduction",
    policy_area="Disaster risk reduction and climate adaptation",
    targets=("1.5", "11.5", "13.1"),
    rationale="Targets 1.5, 11.5 and 13.1 share one measure of disaster impact — deaths, "
    "missing persons and directly affected persons per 100,000 population — and in its "
    "definition the directly affected include people evacuated, displaced or relocated. "
    "Displacement is therefore part of what these targets ask governments to reduce, and "
    "of what the Sendai Framework, whose seven targets and four priorities (understanding "
    "risk, strengthening risk governance, investing in resilience, preparedness and "
    "building back better) these indicators follow, asks them to prepare for. The Global "
    "Compact for Migration, under its Objective 2, commits States to integrate "
    "displacement considerations into disaster preparedness strategies — early warning, "
    "contingency planning, coordination, evacuation planning, reception and assistance "
    "arrangements, public information — and to develop adaptation and resilience "
    "strategies that take their implications for migration into account; the same "
    "objective asks States to account for migrants in national emergency preparedness and "
    "response, drawing on the Guidelines of the Migrants in Countries in Crisis "
    "Initiative. Naming displaced people and migrants in the strategy is the guide's "
    "mainstreaming of migration into other policies.",
    beneficiaries=(
        Beneficiary(
            group="People living in areas exposed to floods, storms, droughts and other hazards",
            description="Residents and migrants, with attention to informal settlements, "
            "people with disabilities, older people and children.",
        ),
        Beneficiary(
            group="Municipal authorities in exposed areas",
            description="They gain plans, sites and procedures before a disaster strikes.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "disaster-management-agency",
            LEAD,
            "Review the national strategy and guide municipalities in revising theirs.",
        ),
        _slot(
            DESIGN,
            "local-governments",
            SUPPORT,
            "Map exposed neighbourhoods and evacuation sites; revise the local strategy.",
        ),
        _slot(
            DESIGN,
            "environment-ministry",
            CONSULTED,
            "Align the strategy with the national adaptation plan.",
        ),
        _slot(
            DESIGN,
            "displaced-communities",
            CONSULTED,
            "Bring the experience of people displaced by past disasters into the plans.",
        ),
        _slot(
            DESIGN,
            "iom",
            SUPPORT,
            "Advise on displacement tracking, evacuation site management and migrants in "
            "preparedness.",
        ),
        _slot(
            IMPLEMENTATION,
            "disaster-management-agency",
            LEAD,
            "Run early warning, evacuation and registration; coordinate assistance.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            SUPPORT,
            "Prepare evacuation sites and reception; inform residents and migrants.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-society",
            SUPPORT,
            "Reach migrants and informal settlements with warnings and assistance.",
        ),
        _slot(
            MONITORING,
            "disaster-management-agency",
            LEAD,
            "Report disaster losses, including people displaced, to the Sendai Framework Monitor.",
        ),
        _slot(
            EVALUATION,
            "disaster-management-agency",
            LEAD,
            "Review each major disaster response and the strategy every five years.",
        ),
        _slot(
            EVALUATION,
            "undrr",
            SUPPORT,
            "Support the review of the strategy against the Sendai Framework.",
        ),
    ),
    coordination="The national platform for disaster risk reduction, chaired by the "
    "disaster management agency, adds displacement to its agenda; municipalities in "
    "exposed areas report on their plans twice a year, and migrant associations and "
    "humanitarian organisations take part.",
    outputs=(
        "National disaster risk reduction strategy with provisions on evacuation, "
        "reception, assistance and return of displaced people",
        "Local strategies of the most exposed municipalities revised in the same way",
        "Early warning messages available in the main languages of migrants in the area",
        "Registration procedure for evacuated and displaced people",
    ),
    outcomes=(
        "Fewer people are killed, go missing or are directly affected by disasters",
        "People displaced by disasters, migrants included, are received, assisted and "
        "helped to return or relocate safely",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of municipal disaster officials in evacuation site "
            "management and registration of displaced people",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Preparedness drills and information in exposed neighbourhoods, in "
            "migrants' languages",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("1.5.1"),
            disaggregation=(PLACE,),
            data_source="National disaster loss database reported to the Sendai Framework "
            "Monitor; the same indicator as 11.5.1 and 13.1.1, reported once",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("13.1.3"),
            data_source="Sendai Framework Monitor (local strategies)",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Local strategies that plan for displacement",
                definition="Local disaster risk reduction strategies of the exposed "
                "municipalities that set out evacuation, reception and assistance of "
                "displaced people, as a percentage of those municipalities",
                unit="%",
            ),
            data_source="Disaster management agency review of local strategies",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(2, 7),
    migration_domains=(5, 2),
    sources=(GUIDE, SENDAI, SENDAI_MONITOR, GCM_2),
    dac_sectors=("43060", "74020"),
)


DURABLE_SOLUTIONS = InterventionTemplate(
    id="displacement.durable-solutions",
    sector=SECTOR,
    title="Durable solutions strategy for internally displaced persons",
    description="A government strategy, with a law or policy on internal displacement "
    "where none exists, that lets internally displaced persons choose, with full "
    "information, to return, integrate locally or settle elsewhere in the country, and "
    "supports that choice: restitution of housing, land and property or compensation, "
    "replacement of lost documents, access to services and livelihoods on the same terms "
    "as residents, and participation of displaced people in the plans that concern them. "
    "Progress is measured against the criteria of the IASC Framework.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="displacement.durable-solutions",
    policy_area="Internal displacement",
    targets=("1.5", "11.1", "16.9"),
    rationale="The needs of internally displaced persons do not end when a conflict or a "
    "disaster does. The Guiding Principles on Internal Displacement state that the "
    "competent authorities have the primary duty to establish the conditions and provide "
    "the means for internally displaced persons to return voluntarily, in safety and "
    "dignity, or to resettle voluntarily in another part of the country, and to help them "
    "reintegrate. The IASC Framework on Durable Solutions, endorsed by the IASC Working "
    "Group in December 2009 and published in April 2010, sets out when "
    "a solution has been reached: displaced persons enjoy, without discrimination, "
    "long-term safety and freedom of movement, an adequate standard of living, access to "
    "employment and livelihoods, and effective mechanisms to restore housing, land and "
    "property or compensate for them; in many contexts also documentation, family "
    "reunification, participation in public affairs on an equal basis with residents, and "
    "remedies for displacement-related violations. In Africa, the Kampala Convention, in "
    "force since 2012, is a binding treaty on the protection of and assistance to "
    "internally displaced persons, with durable solutions among its aims. The SDG links "
    "run through the resilience of people in vulnerable situations (1.5), adequate housing "
    "(11.1) and legal "
    "identity (16.9); leaving displaced people without solutions also leaves them among "
    "the people who may be compelled to move again, which GCM Objective 2 asks States to "
    "prevent through long-term, joint humanitarian and development responses.",
    beneficiaries=(
        Beneficiary(
            group="Internally displaced persons",
            description="Displaced by conflict, violence or disasters, in camps, with host "
            "families or in towns; women, men and children.",
        ),
        Beneficiary(
            group="Host communities and communities of return",
            description="Services and livelihoods are planned for them too.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "planning-ministry",
            LEAD,
            "Lead the strategy and place it in development plans and budgets.",
        ),
        _slot(
            DESIGN,
            "displaced-communities",
            CONSULTED,
            "Take part in the intentions survey and in drafting the strategy.",
        ),
        _slot(
            DESIGN,
            "resident-coordinator",
            SUPPORT,
            "Bring humanitarian and development partners behind one government strategy.",
        ),
        _slot(
            DESIGN,
            "unhcr",
            SUPPORT,
            "Advise on protection and the IASC criteria.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            LEAD,
            "Run area-based plans for return, local integration or settlement elsewhere.",
        ),
        _slot(
            IMPLEMENTATION,
            "housing-ministry",
            SUPPORT,
            "Run housing, land and property restitution or compensation.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-registry",
            SUPPORT,
            "Replace lost identity and civil documents free of charge.",
        ),
        _slot(
            IMPLEMENTATION,
            "iom",
            SUPPORT,
            "Support displacement tracking, community stabilization and livelihoods.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            LEAD,
            "Survey displaced and resident households on the solutions criteria.",
        ),
        _slot(
            EVALUATION,
            "planning-ministry",
            LEAD,
            "Evaluate the strategy with displaced people and partners.",
        ),
    ),
    coordination="An interministerial durable solutions committee chaired by the planning "
    "ministry, with the local governments concerned, meets quarterly; the Resident "
    "Coordinator convenes humanitarian and development partners around it, and "
    "representatives of displaced people and host communities sit on area committees.",
    outputs=(
        "Durable solutions strategy adopted, with area-based plans and a budget",
        "Law or policy on internal displacement in line with the Guiding Principles",
        "Housing, land and property restitution or compensation mechanism",
        "Free replacement of identity and civil documents for displaced people",
    ),
    outcomes=(
        "More internally displaced persons reach a durable solution by the IASC criteria",
        "Displaced people have the same access to housing, services, work and documents as "
        "residents",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Durable solutions focal points in the local governments concerned",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Intentions and profiling surveys shared with partners",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for displaced people on their options and rights, so "
            "that their choice is informed and voluntary",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Displaced households meeting the solutions criteria",
                population=Population.DISPLACED,
                definition="Internally displaced households that meet the national criteria "
                "for a durable solution (safety, standard of living, livelihoods, housing "
                "land and property, documentation) in the latest survey, as a percentage of "
                "internally displaced households",
                unit="%",
            ),
            disaggregation=(SEX, AGE, PLACE),
            data_source="Solutions survey of displaced and resident households, following IRIS",
            frequency=Frequency.BIENNIAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("11.1.1"),
            disaggregation=(MIGRATORY_STATUS, PLACE),
            data_source="Household survey recording displacement status as migratory status",
            frequency=Frequency.BIENNIAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Displaced persons holding identity documents",
                definition="Internally displaced persons holding a valid identity document "
                "or birth certificate, as a percentage of internally displaced persons, "
                "compared with residents",
                unit="%",
            ),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Solutions survey; civil registry records",
            frequency=Frequency.BIENNIAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(2,),
    migration_domains=(5,),
    sources=(GUIDE, GUIDING_PRINCIPLES, IASC_SOLUTIONS, KAMPALA, IRIS_IDP, GCM_2),
    dac_sectors=("73010", "16050"),
)


CROSS_BORDER = InterventionTemplate(
    id="displacement.disaster-admission",
    sector=SECTOR,
    title="Admission and stay for people displaced across borders by disasters",
    description="Immigration rules that let people compelled to leave their country by a "
    "sudden-onset disaster enter and stay for an appropriate time — through humanitarian "
    "visas, temporary protection or extended stay for nationals of the affected country "
    "already in the territory — with permission to work and access for children to "
    "school; and, with neighbouring countries, options for people whose homes become "
    "uninhabitable through slow-onset change, such as planned relocation and visas.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.LEGISLATIVE_CHANGE,
    subtype="displacement.cross-border-protection",
    policy_area="Admission policy and humanitarian protection",
    targets=("10.7", "13.1"),
    rationale="People displaced across borders by disasters are, in most cases, not "
    "refugees under the 1951 Convention, and general human rights law leaves questions "
    "such as entry and stay unanswered. The Nansen Initiative, a State-led consultation "
    "launched by Norway and Switzerland, gathered the practices States already use and "
    "produced a Protection Agenda that 109 governmental delegations endorsed in October "
    "2015; the Platform on Disaster Displacement now supports its implementation. The "
    "Global Compact for Migration, under Objective 5, commits States to develop or build "
    "on national and regional practices for admission and stay of appropriate duration "
    "for migrants compelled to leave their countries by sudden-onset natural disasters — "
    "humanitarian visas, private sponsorship, access to education for children, temporary "
    "work permits — and to consider planned relocation and visa options where slow-onset "
    "disasters and the adverse effects of climate change make return impossible. Such "
    "rules are planned and well-managed migration policy (10.7) and part of a country's "
    "adaptive capacity to climate-related hazards (13.1).",
    beneficiaries=(
        Beneficiary(
            group="People displaced across borders by disasters",
            description="Nationals of a neighbouring or partner country affected by a "
            "disaster, arriving or already in the territory.",
        ),
        Beneficiary(
            group="Communities at risk from slow-onset change",
            description="They gain regular options for moving before they are displaced.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "immigration-authority",
            LEAD,
            "Review admission and stay rules and draft disaster provisions.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Agree regional arrangements with neighbouring countries.",
        ),
        _slot(
            DESIGN,
            "disaster-management-agency",
            CONSULTED,
            "Set the triggers that activate the provisions.",
        ),
        _slot(
            DESIGN,
            "iom",
            SUPPORT,
            "Share regional practice under the Protection Agenda.",
        ),
        _slot(
            IMPLEMENTATION,
            "immigration-authority",
            LEAD,
            "Apply the provisions when a disaster triggers them; issue permits.",
        ),
        _slot(
            IMPLEMENTATION,
            "social-welfare-ministry",
            SUPPORT,
            "Provide reception and assistance to those admitted.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            SUPPORT,
            "Enrol children in school and connect adults with work.",
        ),
        _slot(
            MONITORING,
            "immigration-authority",
            LEAD,
            "Record admissions and stays under the disaster provisions.",
        ),
        _slot(
            EVALUATION,
            "immigration-authority",
            LEAD,
            "Review the provisions after each activation.",
        ),
        _slot(
            EVALUATION,
            "civil-society",
            CONSULTED,
            "Report on the experience of people admitted.",
        ),
    ),
    coordination="An interagency group of the immigration authority, foreign affairs, "
    "disaster management and social welfare agrees in advance how and when the provisions "
    "are activated, and meets as soon as a disaster abroad may trigger them.",
    outputs=(
        "Disaster provisions in immigration law or regulation, with activation triggers",
        "Standard procedures for humanitarian visas and extension of stay after disasters",
        "Regional arrangement with neighbouring countries on disaster displacement",
    ),
    outcomes=(
        "People displaced across borders by disasters are admitted and protected in a "
        "regular status",
        "Nationals of a disaster-hit country are not returned while return is unsafe",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of border and immigration officers on the disaster provisions",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Regional exchange on admission practices under the Protection Agenda",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Disaster provisions in immigration law",
                definition="Whether immigration law or regulation provides for admission "
                "and stay of people displaced across borders by disasters, with activation "
                "triggers (yes/no)",
            ),
            data_source="Official gazette",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Persons admitted or allowed to stay after disasters",
                population=Population.MIGRANTS,
                definition="Persons granted entry or an extension of stay under the disaster "
                "provisions in the year",
                unit="persons",
            ),
            disaggregation=(SEX, AGE, NATIONALITY),
            data_source="Immigration records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(5, 2),
    migration_domains=(5, 6),
    sources=(GUIDE, NANSEN, GCM_5, GCM_2),
    dac_sectors=("15136", "15190"),
)


STATISTICS = InterventionTemplate(
    id="displacement.displacement-statistics",
    sector=SECTOR,
    title="Official statistics on internal and disaster displacement",
    description="The national statistical office, with the disaster management agency, "
    "produces official statistics on internally displaced persons following the "
    "International Recommendations on IDP Statistics — stocks, flows and progress towards "
    "solutions, with a comparison group of residents — and the disaster loss database "
    "records people evacuated, displaced and relocated by each event, so that the "
    "Sendai Framework Monitor and the SDG disaster indicators rest on the same data.",
    type=InterventionType.CAPACITY_BUILDING,
    form=InterventionForm.PROJECT,
    subtype="displacement.displacement-statistics",
    policy_area="Official statistics",
    targets=("17.18", "1.5", "13.1"),
    rationale="Plans for displaced people need to know how many there are, where, and "
    "whether their situation is improving, yet much of what is known comes from "
    "operational data gathered by humanitarian agencies rather than official statistics. "
    "The International Recommendations on IDP Statistics, adopted by the UN Statistical "
    "Commission in 2020, give an agreed framework: definitions, tabulations, data sources, "
    "coordination, and the statistical measurement of progress towards solutions. For "
    "disasters, the Sendai Framework Monitor's indicators — reported once for SDG "
    "indicators 1.5.1, 11.5.1 and 13.1.1 — count directly affected people, a category "
    "that includes the evacuated, displaced and relocated. Target 17.18 asks for data "
    "disaggregated by migratory status among other characteristics, and GCM Objective 1 "
    "commits States to accurate, disaggregated migration data for evidence-based policy. "
    "The guide treats technical capacity-building of this kind as an intervention in its "
    "own right.",
    beneficiaries=(
        Beneficiary(
            group="Planners in national and local government",
            description="They gain official figures on displacement and solutions.",
        ),
        Beneficiary(
            group="Internally displaced persons",
            description="Their situation becomes visible in official statistics.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "statistics-office",
            LEAD,
            "Assess sources, agree definitions and plan the tabulations.",
        ),
        _slot(
            DESIGN,
            "disaster-management-agency",
            SUPPORT,
            "Align the disaster loss database with the statistical definitions.",
        ),
        _slot(
            DESIGN,
            "iom",
            SUPPORT,
            "Share displacement tracking data and methods.",
        ),
        _slot(
            IMPLEMENTATION,
            "statistics-office",
            LEAD,
            "Add displacement questions to surveys and census; publish IDP statistics.",
        ),
        _slot(
            IMPLEMENTATION,
            "disaster-management-agency",
            SUPPORT,
            "Record people evacuated, displaced and relocated for each event.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            LEAD,
            "Publish the statistics and their metadata each year.",
        ),
        _slot(
            EVALUATION,
            "statistics-office",
            LEAD,
            "Review data quality with users and partners.",
        ),
    ),
    coordination="A technical working group of the statistical office, the disaster "
    "management agency, the ministries concerned and the agencies holding operational "
    "data agrees definitions and data sharing, and reviews the statistics before release.",
    outputs=(
        "National IDP statistics following IRIS, with a resident comparison group",
        "Disaster loss database recording evacuated, displaced and relocated people by event",
        "Data-sharing agreement between the statistical office and operational agencies",
    ),
    outcomes=(
        "Plans and budgets for displaced people rest on official statistics",
        "The country reports the Sendai and SDG disaster indicators from one source",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of statistical and disaster management staff in IRIS "
            "definitions and tabulations",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange with statistical offices that apply IRIS",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Official IDP statistics published",
                definition="Whether official statistics on internally displaced persons, "
                "following IRIS, were published in the year (yes/no)",
            ),
            data_source="Statistical office release calendar",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("1.5.1"),
            disaggregation=(SEX, AGE, DISABILITY, PLACE),
            data_source="Disaster loss database reported to the Sendai Framework Monitor; "
            "the same indicator as 11.5.1 and 13.1.1, reported once",
            frequency=Frequency.ANNUAL,
            responsible="disaster-management-agency",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(1, 2),
    migration_domains=(2, 5),
    sources=(
        GUIDE,
        IRIS_IDP,
        SENDAI_MONITOR,
        SENDAI,
        "Global Compact for Migration (A/RES/73/195), Objective 1",
    ),
    dac_sectors=("15196", "43060"),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    DRR_STRATEGY,
    DURABLE_SOLUTIONS,
    CROSS_BORDER,
    STATISTICS,
)
