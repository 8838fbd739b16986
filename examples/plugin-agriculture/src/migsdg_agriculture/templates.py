"""Agriculture and rural development sub-types and intervention templates.

Content drawn from the implementation step of IOM's guide for practitioners (the policy
areas for coherence, mainstreaming migration into development programming, and the
Ecuador case), FAO's The State of Food and Agriculture 2018 (Migration, agriculture and
rural development) and Migration Framework (2019), IFAD's work on remittances, the ILO
fair-recruitment principles and agricultural conventions, long-running seasonal worker
schemes, the World Bank's Groundswell reports, the Cancún Adaptation Framework, the
Nansen Initiative and the Global Compact for Migration. Figures marked illustrative are
for the plan to replace.
"""

from __future__ import annotations

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

__all__ = ["SLOTS", "SUBTYPES", "TEMPLATES"]

SECTOR = "agriculture"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
NATIONALITY, PLACE = Disaggregation.NATIONALITY, Disaggregation.GEOGRAPHIC_LOCATION

#: The actors these templates call on, by slot. Where a slot is also used by migsdg's
#: bundled sector plugins it has the same name, so one set of plan actors serves all.
#: A plan actor with the slot's id is bound automatically; otherwise
#: ``migsdg add --actor SLOT=ACTOR_ID`` binds it.
SLOTS: dict[str, str] = {
    "agriculture-ministry": "Ministry responsible for agriculture and rural development",
    "extension-service": "Agricultural extension service",
    "farmers-organisations": "Farmers' and producers' organisations and cooperatives",
    "local-governments": "Provincial and municipal governments",
    "statistics-office": "National statistical office",
    "migrant-associations": "Migrant, diaspora and returnee associations",
    "civil-society": "Civil society organisations working with migrants and displaced people",
    "migration-authority": "Migration authority",
    "labour-ministry": "Ministry responsible for labour and labour migration",
    "labour-inspectorate": "Labour inspectorate",
    "employers-organisations": "Growers' and agricultural employers' organisations",
    "workers-organisations": "Agricultural and rural workers' unions",
    "foreign-affairs-ministry": "Ministry of foreign affairs (consulates in the partner country)",
    "central-bank": "Central bank",
    "remittance-providers": "Remittance service providers: banks, money transfer operators, "
    "post offices and mobile-money operators",
    "rural-financial-institutions": "Rural banks, microfinance institutions, savings and "
    "credit cooperatives",
    "environment-ministry": "Ministry responsible for environment and climate change",
    "disaster-management-agency": "National disaster risk management agency",
    "fao": "FAO country office",
    "ifad": "IFAD country office",
    "iom": "IOM country office",
    "ilo": "ILO country or regional office",
    "unhcr": "UNHCR country office",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


def _national(name: str, definition: str, unit: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.NATIONAL, name=name, definition=definition, unit=unit)


GUIDE = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step, 'Examples of possible interventions'"
)
SOFA_2018 = (
    "FAO (2018), The State of Food and Agriculture 2018: Migration, agriculture and rural "
    "development"
)
FAO_FRAMEWORK = (
    "FAO (2019), FAO Migration Framework — Migration as a choice and an opportunity for "
    "rural development"
)
GUIDE_RESOURCES = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step, 'Mobilizing Resources'"
)
GCM = "Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)"
ILO_FAIR = (
    "ILO, General Principles and Operational Guidelines for Fair Recruitment (2016) and "
    "Definition of Recruitment Fees and Related Costs (2018)"
)

# -- sub-types -------------------------------------------------------------------------------

SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="agriculture.programme-mainstreaming",
        name="Migration in agriculture, food and rural development programmes",
        type=InterventionType.MAINSTREAMING_PROGRAMMING,
        sector=SECTOR,
        description="Existing agriculture, food security and rural development programmes "
        "adapted to households with members away, return migrants, migrants and displaced "
        "people, instead of parallel programmes for them.",
    ),
    InterventionSubtype(
        id="agriculture.seasonal-work-scheme",
        name="Seasonal agricultural worker scheme",
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="A regulated channel for seasonal work in agriculture, with fair "
        "recruitment, inspected accommodation and the protection local workers have.",
    ),
    InterventionSubtype(
        id="agriculture.remittance-investment",
        name="Remittances and diaspora investment in agriculture",
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Voluntary savings, credit and investment options that let remittance "
        "receivers, returnees and diaspora members invest in farms and rural enterprise.",
    ),
    InterventionSubtype(
        id="agriculture.climate-mobility",
        name="Climate, environment and rural mobility",
        type=InterventionType.MAINSTREAMING_POLICY,
        sector=SECTOR,
        description="Human mobility taken into account in the agriculture sector's climate "
        "adaptation and disaster risk reduction plans.",
    ),
)

# -- templates -------------------------------------------------------------------------------

RURAL_DEVELOPMENT = InterventionTemplate(
    id="agriculture.rural-development-migration",
    sector=SECTOR,
    title="Mainstream migration into rural development and agricultural extension programmes",
    description="Review the ministry's rural development and agricultural extension "
    "programmes in districts of high out-migration and return, and adapt them: extension "
    "methods, schedules and contact farmers that reach the women, older people and young "
    "people who run farms while others are away; services for return migrants who want to "
    "put their skills and savings into farming or agri-food enterprises; packages that make "
    "staying in, or coming back to, rural areas a real option for young people; and "
    "programme baselines that record household members living away.",
    type=InterventionType.MAINSTREAMING_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="agriculture.programme-mainstreaming",
    policy_area="Rural development and agricultural extension",
    targets=("2.3", "2.a"),
    rationale="The guide names agriculture among the policy areas whose effect on "
    "migration, and migration's effect on them, a coherence approach should consider, and "
    "describes mainstreaming migration into development programming that was not designed "
    "with migration in mind. Rural development is such programming. FAO's State of Food and "
    "Agriculture 2018 found that internal migration is far larger than international "
    "migration — more than a billion people in developing countries have moved within "
    "their countries, most moves involving a rural area — and that leaving is often a way "
    "for rural families to diversify income and cope with slow-onset environmental stress, "
    "while the poorest often cannot afford to move at all. Its conclusion, taken up in "
    "FAO's Migration Framework, is that policy should neither try to stop migration nor to "
    "speed it up, but make it a choice rather than a necessity, and maximise its benefits "
    "for the places people leave. Programmes built for a settled, resident farm population "
    "miss much of this: when men or young people leave, those who stay — often women — take "
    "over farm decisions without the land titles, credit or extension contact held by the "
    "registered head of the holding, and returnees with savings and skills are rarely "
    "anyone's target group. Adapting extension and rural development programmes serves "
    "target 2.3 (incomes of small-scale producers, including through knowledge, financial "
    "services and non-farm employment) and 2.a (investment in extension services).",
    beneficiaries=(
        Beneficiary(
            group="Small-scale producers in districts of high out-migration",
            description="In particular women who manage farms while partners or children "
            "work away, and older farmers left with less family labour.",
        ),
        Beneficiary(
            group="Return migrants and rural young people",
            description="Returnees investing skills and savings in farming or agri-food "
            "enterprise, and people aged 15–24 weighing whether to stay or leave.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "agriculture-ministry",
            LEAD,
            "Choose the districts from census and survey data on migration; review the "
            "programmes and decide the changes.",
        ),
        _slot(
            DESIGN,
            "extension-service",
            SUPPORT,
            "Report who extension reaches today in those districts and who it misses.",
        ),
        _slot(
            DESIGN,
            "farmers-organisations",
            CONSULTED,
            "Bring the views of women farm managers, returnees and young farmers.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Say what returnees and diaspora members need to invest in rural areas.",
        ),
        _slot(DESIGN, "fao", SUPPORT, "Advice on rural migration programming and on data."),
        _slot(
            IMPLEMENTATION,
            "extension-service",
            LEAD,
            "Deliver the adapted packages; schedule visits and training when farm managers "
            "can attend.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            SUPPORT,
            "Link the programme with municipal services for returnees and young people.",
        ),
        _slot(
            IMPLEMENTATION,
            "farmers-organisations",
            SUPPORT,
            "Open membership and services to women farm managers and returnees.",
        ),
        _slot(
            IMPLEMENTATION,
            "iom",
            SUPPORT,
            "Refer returnees from reintegration programmes to extension and rural credit.",
        ),
        _slot(
            MONITORING,
            "agriculture-ministry",
            LEAD,
            "Follow reach and results by migratory status of the household.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            SUPPORT,
            "Add questions on household members living away to farm household surveys.",
        ),
        _slot(
            EVALUATION,
            "agriculture-ministry",
            LEAD,
            "Evaluate whether households with migrants and returnees are served as well as "
            "others, and what changed in their farms.",
        ),
        _slot(
            EVALUATION,
            "farmers-organisations",
            CONSULTED,
            "Take part in the evaluation with programme participants.",
        ),
    ),
    coordination="The ministry's planning unit agrees the districts and the referral of "
    "return migrants with the national migration coordination body; extension staff report "
    "through the programme's usual channels, with migration items added to its monitoring "
    "forms.",
    outputs=(
        "Review of rural development and extension programmes in districts of high "
        "out-migration, with the changes needed",
        "Extension packages and schedules adapted to women farm managers and older farmers",
        "Referral pathway from return and reintegration services to extension, rural credit "
        "and farmers' organisations",
        "Programme baselines and registers that record household members living away and "
        "return migrants",
    ),
    outcomes=(
        "Households with members away use extension and rural services as much as other households",
        "Return migrants and rural young people start or expand viable farm and agri-food "
        "enterprises",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of extension officers on migration in their districts and "
            "on working with women farm managers, returnees and young people",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Migration questions added to programme baselines and to the "
            "ministry's farm household surveys",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange with FAO and other ministries of agriculture on rural "
            "migration programming",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("2.3.2"),
            disaggregation=(SEX, MIGRATORY_STATUS, PLACE),
            data_source="Farm household or agricultural survey with an income module",
            frequency=Frequency.BIENNIAL,
        ),
        SuggestedIndicator(
            indicator=_national(
                "Extension reach of households with members away",
                "Households in programme districts with a member living away for work, or "
                "with a return migrant, that received extension services in the year, as a "
                "percentage of such households",
                "%",
            ),
            disaggregation=(SEX, PLACE),
            data_source="Extension service records matched with the programme baseline",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_national(
                "Returnee and youth enterprises still operating",
                "Farm and agri-food enterprises started or expanded with programme support "
                "by return migrants or people aged 15–24 that are still operating two years "
                "later, as a percentage of those supported",
                "%",
            ),
            disaggregation=(SEX, AGE),
            data_source="Programme follow-up survey",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(2, 19, 21),
    migration_domains=(2, 4),
    sources=(
        GUIDE + " (mainstreaming migration into development programming)",
        SOFA_2018,
        FAO_FRAMEWORK,
        "FAO (2016), Addressing rural youth migration at its root causes: a conceptual framework",
        GCM + ", Objectives 2, 19 and 21",
    ),
    dac_sectors=("31166", "43040"),
)


SEASONAL_WORK = InterventionTemplate(
    id="agriculture.seasonal-worker-scheme",
    sector=SECTOR,
    title="Seasonal agricultural worker scheme with fair recruitment and decent conditions",
    description="A government-run or government-regulated scheme for seasonal work in "
    "agriculture, agreed with the partner country: labour needs established with growers "
    "before each season; recruitment through public employment services or licensed "
    "recruiters, with no fees or related costs charged to workers; a written contract in "
    "the worker's language before departure; accommodation inspected before it is used; "
    "the same occupational safety and health protection and health care as local workers; "
    "wages paid in full and on time into accounts the workers control; and the right to "
    "change employer within the scheme, to go home, and to come back in later seasons.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="agriculture.seasonal-work-scheme",
    policy_area="Agricultural labour and labour migration",
    targets=("8.8", "10.7"),
    rationale="Planting and harvest in many countries depend on seasonal migrant workers. "
    "FAO's State of Food and Agriculture 2018 notes that immigrants fill labour shortages in "
    "high-value agriculture that is hard to mechanise, and that regulated schemes which "
    "enforce their labour rights improve their working conditions. Long-running bilateral "
    "schemes show how: Canada's Seasonal Agricultural Worker Program began with Jamaica in "
    "1966 and Mexico joined in 1974, with the sending governments recruiting and their "
    "consulates assisting workers during stays of up to eight months; New Zealand's "
    "Recognised Seasonal Employer scheme, launched in 2007 for horticulture and "
    "viticulture, admits Pacific workers only for employers who have tried to recruit "
    "locally and who arrange accommodation, and makes employers pay half the return "
    "airfare. Reviews of such schemes also point to the recurring risks — fees paid to "
    "intermediaries, tied employment, deductions from wages, crowded housing and exposure "
    "to pesticides — which the scheme's rules must close. Target 8.8 protects the labour "
    "rights and safety of all workers, migrant workers included, and indicator 10.7.1 "
    "measures the recruitment costs workers bear. The ILO General Principles for Fair "
    "Recruitment exclude fees and related costs charged to workers; the Safety and Health "
    "in Agriculture Convention, 2001 (No. 184) gives temporary and seasonal workers the "
    "protection permanent agricultural workers have; the Labour Inspection (Agriculture) "
    "Convention, 1969 (No. 129) provides for inspecting farms. For the ministry of "
    "agriculture the scheme belongs to the sector's workforce planning: it complements, and "
    "does not replace, better jobs for local workers.",
    beneficiaries=(
        Beneficiary(
            group="Seasonal agricultural workers",
            description="Women and men recruited for planting and harvest seasons, and the "
            "families who depend on their earnings.",
        ),
        Beneficiary(
            group="Growers and agricultural employers",
            description="They gain a lawful, predictable way to fill seasonal labour needs.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "agriculture-ministry",
            LEAD,
            "Establish seasonal labour needs by crop and region with growers; set the "
            "sector's rules for accommodation, safety and health.",
        ),
        _slot(
            DESIGN,
            "labour-ministry",
            SUPPORT,
            "Draft the recruitment, contract and wage rules; negotiate them with the "
            "partner country.",
        ),
        _slot(
            DESIGN,
            "employers-organisations",
            CONSULTED,
            "Agree the employers' obligations, including who pays recruitment and travel.",
        ),
        _slot(
            DESIGN,
            "workers-organisations",
            CONSULTED,
            "Represent agricultural workers, local and migrant, in the scheme's design.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Lead the agreement with the partner country; arrange consular support.",
        ),
        _slot(DESIGN, "ilo", SUPPORT, "Advice on fair recruitment and on Conventions 129 and 184."),
        _slot(
            IMPLEMENTATION,
            "labour-ministry",
            LEAD,
            "Approve employers, run or license recruitment, register contracts.",
        ),
        _slot(
            IMPLEMENTATION,
            "agriculture-ministry",
            SUPPORT,
            "Confirm labour needs each season; link the scheme to the register of growers.",
        ),
        _slot(
            IMPLEMENTATION,
            "labour-inspectorate",
            SUPPORT,
            "Inspect farms and accommodation, including unannounced visits during the "
            "season; act on complaints.",
        ),
        _slot(
            IMPLEMENTATION,
            "iom",
            SUPPORT,
            "Pre-departure orientation; support to the partner country's recruitment service.",
        ),
        _slot(
            MONITORING,
            "labour-ministry",
            LEAD,
            "Compile recruitment costs, injuries, complaints and returns after each season.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            SUPPORT,
            "Run the recruitment-cost survey of scheme workers.",
        ),
        _slot(
            EVALUATION,
            "agriculture-ministry",
            LEAD,
            "Evaluate the scheme with the partner country and social partners before it is "
            "renewed or enlarged.",
        ),
        _slot(
            EVALUATION,
            "workers-organisations",
            CONSULTED,
            "Bring workers' experience of the season into the evaluation.",
        ),
    ),
    coordination="A joint committee of the two governments, with growers' and workers' "
    "organisations, reviews each season's numbers, complaints and inspection results; at "
    "home, the agriculture and labour ministries keep one register of approved employers.",
    outputs=(
        "Agreement or memorandum with the partner country covering recruitment, contracts, "
        "accommodation, social security and return",
        "Register of approved employers, and of accommodation inspected before each season",
        "Standard contract and pre-departure orientation in the workers' languages",
        "Complaint channel that workers can reach during the season, with referral to the "
        "labour inspectorate",
    ),
    outcomes=(
        "Seasonal workers pay no recruitment fees and receive the wages and conditions in "
        "their contracts",
        "Growers fill seasonal labour needs through a lawful, predictable channel",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of labour inspectors on farm work, pesticide safety and "
            "workers' accommodation",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for workers before departure and on arrival: rights, "
            "contract, health care, how to complain",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Support to growers on accommodation standards, safety and health, "
            "and payroll",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.7.1"),
            disaggregation=(SEX, NATIONALITY),
            data_source="Recruitment-cost module in a survey of scheme workers (ILO–World "
            "Bank methodology)",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("8.8.1"),
            disaggregation=(SEX, MIGRATORY_STATUS),
            data_source="Occupational injury records of the labour inspectorate and "
            "employment-injury insurers, agriculture",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_national(
                "Scheme accommodation meeting the standard",
                "Accommodation units used by scheme workers that met the accommodation "
                "standard when inspected, as a percentage of units in use",
                "%",
            ),
            disaggregation=(PLACE,),
            data_source="Labour inspectorate records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(5, 6, 22),
    migration_domains=(1, 6),
    sources=(
        ILO_FAIR,
        "ILO Safety and Health in Agriculture Convention, 2001 (No. 184)",
        "ILO Labour Inspection (Agriculture) Convention, 1969 (No. 129)",
        "UN Network on Migration (2022), Guidance on Bilateral Labour Migration Agreements "
        "(note on seasonal workers)",
        "Canada, Seasonal Agricultural Worker Program (Jamaica 1966, Mexico 1974)",
        "New Zealand, Recognised Seasonal Employer scheme (2007)",
        SOFA_2018,
        GCM + ", Objectives 5 and 6",
    ),
    dac_sectors=("16070", "15190"),
)


REMITTANCE_INVESTMENT = InterventionTemplate(
    id="agriculture.remittance-investment",
    sector=SECTOR,
    title="Channel remittances and diaspora investment into agriculture and rural enterprise",
    description="Give remittance-receiving rural households, return migrants and diaspora "
    "investors safe, voluntary ways to put money into farming and rural enterprise: "
    "remittance payout through rural banks, cooperatives and post offices, linked to "
    "savings accounts and agricultural credit; business development services and a "
    "matching-grant window for productive investments (for example one to one up to a "
    "ceiling — illustrative); and financial education for migrants abroad and their "
    "families at home.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="agriculture.remittance-investment",
    policy_area="Rural finance",
    targets=("2.3", "10.c"),
    rationale="Remittances are families' own money, spent first on food, schooling, health "
    "and housing; the aim is not to direct them but to give those who want to save or "
    "invest better options where they live. IFAD estimated in 2017 that about 40 per cent "
    "of remittances to developing countries go to rural areas, where most poor people live, "
    "yet rural recipients often travel to town to collect money and have few places to "
    "save it or borrow against it. Paying out remittances through rural financial "
    "institutions brings competition to the last mile of the corridor (target 10.c) and "
    "opens accounts and credit to small-scale producers, whose access to financial services "
    "target 2.3 names. IFAD's Financing Facility for Remittances has funded projects on "
    "rural access to remittances, financial inclusion and migrants' investment since 2006. "
    "Matching schemes such as Mexico's 3x1 Programme for Migrants, federal from 2002 until "
    "its federal funding ended in 2019–2021, showed both the appeal of collective diaspora "
    "investment and its dependence on local capacity to prepare and run projects. The guide "
    "lists remittances and other diaspora contributions among innovative sources of "
    "finance, and GCM Objectives 19 and 20 ask for conditions in which migrants and "
    "diasporas can contribute to development and for cheaper remittances and financial "
    "inclusion.",
    beneficiaries=(
        Beneficiary(
            group="Remittance-receiving rural households",
            description="Including the women who often receive and manage remittances while "
            "running the farm.",
        ),
        Beneficiary(
            group="Return migrants and diaspora investors",
            description="People ready to invest savings in farms, processing or rural "
            "services in their places of origin.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "agriculture-ministry",
            LEAD,
            "Design the programme and the eligible investments with the central bank and "
            "the rural finance networks.",
        ),
        _slot(
            DESIGN,
            "central-bank",
            SUPPORT,
            "Open payout and agent rules to rural banks, cooperatives and post offices.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Say which products and guarantees diaspora members and returnees would use.",
        ),
        _slot(
            DESIGN,
            "rural-financial-institutions",
            CONSULTED,
            "Assess the cost of becoming payout points and of the new products.",
        ),
        _slot(
            DESIGN, "ifad", SUPPORT, "Share designs and results of comparable remittance pilots."
        ),
        _slot(
            IMPLEMENTATION,
            "rural-financial-institutions",
            LEAD,
            "Pay out remittances, open accounts, lend for farm and rural investment.",
        ),
        _slot(
            IMPLEMENTATION,
            "remittance-providers",
            SUPPORT,
            "Partner with rural institutions as payout points.",
        ),
        _slot(
            IMPLEMENTATION,
            "extension-service",
            SUPPORT,
            "Help households and returnees prepare investment plans for farms and agri-food "
            "enterprises.",
        ),
        _slot(
            IMPLEMENTATION,
            "migrant-associations",
            SUPPORT,
            "Promote the products among the diaspora; co-invest in collective projects.",
        ),
        _slot(
            MONITORING,
            "agriculture-ministry",
            LEAD,
            "Follow accounts, loans and investments in programme districts.",
        ),
        _slot(
            MONITORING,
            "central-bank",
            SUPPORT,
            "Report remittance prices for the main corridors, including payout in rural areas.",
        ),
        _slot(
            EVALUATION,
            "agriculture-ministry",
            LEAD,
            "Evaluate costs, take-up and the survival of the investments made.",
        ),
        _slot(EVALUATION, "ifad", SUPPORT, "Share evaluation methods from comparable pilots."),
    ),
    coordination="A steering group of the agriculture ministry, the central bank, the "
    "finance ministry's financial-inclusion unit and the rural finance networks meets every "
    "quarter, with migrant and diaspora associations at the table.",
    outputs=(
        "Rural financial institutions operating as remittance payout points in programme districts",
        "Savings and credit products linked to remittances for farm and rural investment",
        "Matching-grant window for productive investments by remittance-receiving "
        "households, returnees and diaspora groups",
        "Financial education for migrants abroad and their families at home",
    ),
    outcomes=(
        "Rural households receive remittances more cheaply and closer to home",
        "More remittance-receiving households save and invest in farms and rural enterprises",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of rural financial institutions' staff on remittance "
            "products and agricultural lending",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Financial education campaign with migrant associations abroad and "
            "farmers' organisations at home",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Business development services for investment plans in farming and "
            "agri-food enterprise",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.c.1"),
            data_source="World Bank Remittance Prices Worldwide or a national price "
            "database, for the main corridors into the country, stating the quarter",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=_national(
                "Remittance-receiving rural households with an account",
                "Remittance-receiving households in programme districts with an account at a "
                "bank, cooperative or microfinance institution, as a percentage of "
                "remittance-receiving households there",
                "%",
            ),
            disaggregation=(SEX, PLACE),
            data_source="Household survey with a remittance module",
            frequency=Frequency.BIENNIAL,
        ),
        SuggestedIndicator(
            indicator=_national(
                "Productive investments financed with remittance or diaspora funds",
                "Farm and rural enterprise investments co-financed by the matching window or "
                "by remittance-linked credit that are still operating two years later",
                "investments",
            ),
            disaggregation=(SEX, MIGRATORY_STATUS),
            data_source="Programme records and follow-up survey",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.INNOVATIVE_FINANCE,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.DOMESTIC_BUDGET,
    ),
    gcm_objectives=(19, 20),
    migration_domains=(3, 4),
    sources=(
        "IFAD (2017), Sending Money Home: Contributing to the SDGs, one family at a time",
        "IFAD, Financing Facility for Remittances (since 2006)",
        "Mexico, 3x1 Programme for Migrants (federal 2002 to 2019–2021; a historical model)",
        "IOM and MPI (2012), Developing a Road Map for Engaging Diasporas in Development",
        GUIDE_RESOURCES,
        GCM + ", Objectives 19 and 20",
    ),
    dac_sectors=("31193", "24050"),
)


CLIMATE_MOBILITY = InterventionTemplate(
    id="agriculture.climate-mobility",
    sector=SECTOR,
    title="Address climate and environmental drivers of rural out-migration in agricultural "
    "adaptation and disaster risk reduction",
    description="Bring human mobility into the agriculture sector's climate adaptation and "
    "disaster risk reduction plans: map the districts where drought, floods, crop and "
    "livestock losses, land degradation or salinity are pushing people to leave; give them "
    "priority for climate-resilient practices, water management, insurance and early "
    "warning with anticipatory action for farmers and herders; make local disaster risk "
    "reduction strategies cover farming communities and the people who move, seasonal "
    "migrants included; and treat planned relocation as a last resort, prepared with the "
    "people concerned.",
    type=InterventionType.MAINSTREAMING_POLICY,
    form=InterventionForm.POLICY_PROCESS,
    subtype="agriculture.climate-mobility",
    policy_area="Climate adaptation and disaster risk reduction in agriculture",
    targets=("13.1", "2.4"),
    rationale="The World Bank's Groundswell report (2018) projected that without concrete "
    "climate and development action more than 143 million people in Sub-Saharan Africa, "
    "South Asia and Latin America could be forced to move within their countries by 2050 by "
    "slow-onset impacts such as water scarcity, crop failure and sea-level rise; its 2021 "
    "update put the figure at up to 216 million across six regions, and named dependence "
    "on agriculture among the reasons Sub-Saharan Africa is most exposed. Farming is "
    "therefore where adaptation can make staying a real choice, and where moving, when it "
    "is the better adaptation, can be planned. The Cancún Adaptation Framework (2010) "
    "invited countries to improve understanding, coordination and cooperation on "
    "climate-induced displacement, migration and planned relocation; the Nansen "
    "Initiative's Protection Agenda, endorsed by 109 governments in 2015 and carried "
    "forward by the Platform on Disaster Displacement, sets out disaster risk reduction, "
    "adaptation and planned relocation among the measures states can take; and GCM "
    "Objective 2 commits states to reduce the adverse drivers of migration, natural "
    "disasters, the adverse effects of climate change and environmental degradation among "
    "them. FAO's Migration Framework counts these among the drivers its work on resilient "
    "rural livelihoods addresses. Target 13.1 measures people affected by disasters and "
    "the local risk reduction strategies in line with the Sendai Framework; target 2.4 asks "
    "for resilient agricultural practices.",
    beneficiaries=(
        Beneficiary(
            group="Farming, herding and fishing households in climate hotspots",
            description="Households whose crops, herds, land or water are failing under "
            "drought, floods, salinity or degradation.",
        ),
        Beneficiary(
            group="People who have moved or may have to move",
            description="Including seasonal migrants, people displaced by disasters, and "
            "communities considered for planned relocation.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "agriculture-ministry",
            LEAD,
            "Map the hotspots with climate, agricultural and migration data; draft the "
            "agriculture chapter of the adaptation plan.",
        ),
        _slot(
            DESIGN,
            "environment-ministry",
            SUPPORT,
            "Integrate the chapter into the national adaptation plan and the climate "
            "finance pipeline.",
        ),
        _slot(
            DESIGN,
            "disaster-management-agency",
            SUPPORT,
            "Align the chapter with the national disaster risk reduction strategy.",
        ),
        _slot(
            DESIGN,
            "statistics-office",
            SUPPORT,
            "Provide census and survey data on internal migration and its reasons.",
        ),
        _slot(
            DESIGN,
            "farmers-organisations",
            CONSULTED,
            "Bring the experience of affected farmers, herders and fishers.",
        ),
        _slot(
            DESIGN,
            "iom",
            SUPPORT,
            "Data on disaster displacement and migration; guidance on planned relocation.",
        ),
        _slot(DESIGN, "fao", SUPPORT, "Advice on climate-resilient agriculture and on data."),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            LEAD,
            "Adopt and carry out local disaster risk reduction strategies that cover "
            "farming communities and mobile people.",
        ),
        _slot(
            IMPLEMENTATION,
            "extension-service",
            SUPPORT,
            "Deliver climate-resilient practices and early-warning advice to farmers.",
        ),
        _slot(
            IMPLEMENTATION,
            "disaster-management-agency",
            SUPPORT,
            "Operate early warning and anticipatory action in the hotspot districts.",
        ),
        _slot(
            MONITORING,
            "disaster-management-agency",
            LEAD,
            "Report disaster losses for indicator 13.1.1 through the Sendai Framework Monitor.",
        ),
        _slot(
            MONITORING,
            "agriculture-ministry",
            SUPPORT,
            "Report indicator 2.4.1 and the migration survey results for the hotspots.",
        ),
        _slot(
            EVALUATION,
            "agriculture-ministry",
            LEAD,
            "Evaluate whether fewer households were forced to leave after shocks, and how "
            "moves that did happen went.",
        ),
        _slot(
            EVALUATION,
            "environment-ministry",
            SUPPORT,
            "Feed the findings into the next national adaptation plan.",
        ),
    ),
    coordination="The agriculture ministry's climate unit works through the national climate "
    "change committee and the disaster risk reduction platform; hotspot districts report "
    "through their local disaster risk reduction strategies.",
    outputs=(
        "Map of climate and environmental drivers of rural out-migration, updated after "
        "each census or major disaster",
        "Agriculture chapter of the national adaptation plan that addresses human mobility",
        "Local disaster risk reduction strategies in hotspot districts covering farming "
        "communities and mobile people",
        "Early warning with anticipatory action for farmers and herders in hotspot districts",
    ),
    outcomes=(
        "Fewer farming households are forced to leave after droughts, floods and crop failure",
        "Where moving is the better adaptation, it is planned, safe and voluntary",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Joint analysis of climate and migration data with the statistics "
            "office, the meteorological service and IOM",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of extension officers in climate-resilient practices and "
            "anticipatory action",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Support to hotspot districts preparing local disaster risk "
            "reduction strategies",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("13.1.1"),
            disaggregation=(SEX, AGE, PLACE),
            data_source="National disaster loss database reporting to the Sendai Framework Monitor",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("13.1.3"),
            data_source="Sendai Framework Monitor",
            frequency=Frequency.ANNUAL,
            responsible="local-governments",
        ),
        SuggestedIndicator(
            indicator=_sdg("2.4.1"),
            disaggregation=(PLACE,),
            data_source="Farm survey with the SDG 2.4.1 module",
            frequency=Frequency.BIENNIAL,
            responsible="agriculture-ministry",
        ),
        SuggestedIndicator(
            indicator=_national(
                "Households that lost a member to climate-related out-migration",
                "Households in hotspot districts with a member who left in the past 12 "
                "months mainly because of crop, livestock, land or water losses, as a "
                "percentage of households",
                "%",
            ),
            disaggregation=(PLACE, SEX),
            data_source="Household survey module on migration and its reasons",
            frequency=Frequency.BIENNIAL,
            responsible="statistics-office",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(2, 5),
    migration_domains=(2, 5),
    sources=(
        "World Bank (2018), Groundswell: Preparing for Internal Climate Migration; and "
        "Groundswell Part 2 (2021)",
        "UNFCCC, Cancún Adaptation Framework, decision 1/CP.16 (2010), paragraph 14(f)",
        "Nansen Initiative (2015), Agenda for the Protection of Cross-Border Displaced "
        "Persons in the Context of Disasters and Climate Change; Platform on Disaster "
        "Displacement",
        "Sendai Framework for Disaster Risk Reduction 2015–2030",
        FAO_FRAMEWORK,
        GCM + ", Objective 2",
    ),
    dac_sectors=("43060", "31110"),
)


FOOD_PROGRAMME_INCLUSION = InterventionTemplate(
    id="agriculture.food-programme-inclusion",
    sector=SECTOR,
    title="Include migrants and displaced persons among the beneficiaries of food security "
    "and family farming programmes",
    description="Open the ministry's and provincial governments' food security and family "
    "farming programmes — food assistance, school and community gardens, seeds and inputs, "
    "technical assistance, producer associations and market access — to migrants, refugees "
    "and internally displaced people on the same terms as residents: eligibility rules "
    "that accept the documents they hold, outreach where they live and in their languages, "
    "access to land through leases or community plots, and registers that record "
    "migratory status so that their participation can be followed.",
    type=InterventionType.MAINSTREAMING_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="agriculture.programme-mainstreaming",
    policy_area="Food security and family farming",
    targets=("2.1", "2.3"),
    rationale="The guide's Ecuador case shows the approach: units of the provincial "
    "government — Food Sovereignty among them, alongside Health Services and others — "
    "began to count migrants and displaced persons as their beneficiaries, mainstreaming "
    "migration into programmes that already existed rather than creating parallel ones. "
    "Migrants and displaced people are often among those most at risk of food insecurity, "
    "yet fall outside programmes whose eligibility rests on national identity documents, "
    "land titles or years of residence. FAO's State of Food and Agriculture 2018 notes that "
    "rural areas host large numbers of people displaced by protracted crises, and that "
    "rural development policies that include them economically and socially can benefit "
    "both them and their host areas; displaced farmers also bring skills that family "
    "farming programmes can use. Target 2.1 aims at access to safe, nutritious and "
    "sufficient food for all, in particular people in vulnerable situations, and 2.3 at the "
    "incomes of small-scale food producers; GCM Objectives 15 and 16 commit states to "
    "migrants' access to basic services and to their inclusion. Indicator 2.1.2 is "
    "measured with FAO's Food Insecurity Experience Scale: asked in a survey that records "
    "migratory status, it shows whether the gap between migrant and resident households "
    "closes.",
    beneficiaries=(
        Beneficiary(
            group="Migrants, refugees and internally displaced people in programme areas",
            description="With attention to women-headed households and to people without "
            "national identity documents.",
        ),
        Beneficiary(
            group="Host communities",
            description="Programmes grow with the population they serve instead of dividing it.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "local-governments",
            LEAD,
            "Revise the eligibility and targeting rules of provincial food and farming programmes.",
        ),
        _slot(
            DESIGN,
            "agriculture-ministry",
            SUPPORT,
            "Align the rules and registers of national programmes.",
        ),
        _slot(
            DESIGN,
            "migration-authority",
            CONSULTED,
            "Advise on the documents that migrants, refugees and displaced people hold.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Say where programmes lose migrant and displaced families, and why.",
        ),
        _slot(
            DESIGN,
            "civil-society",
            CONSULTED,
            "Share what organisations already serving displaced people have learnt.",
        ),
        _slot(
            DESIGN,
            "unhcr",
            SUPPORT,
            "Advice on refugees' and displaced people's access to national programmes.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            LEAD,
            "Enrol migrants and displaced people; adapt outreach and opening hours.",
        ),
        _slot(
            IMPLEMENTATION,
            "extension-service",
            SUPPORT,
            "Give technical assistance to displaced and migrant farmers.",
        ),
        _slot(
            IMPLEMENTATION,
            "farmers-organisations",
            SUPPORT,
            "Open membership of producer associations and cooperatives.",
        ),
        _slot(
            MONITORING,
            "local-governments",
            LEAD,
            "Follow participation by migratory status in programme registers.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            SUPPORT,
            "Ask the Food Insecurity Experience Scale questions in a survey that records "
            "migratory status.",
        ),
        _slot(
            EVALUATION,
            "agriculture-ministry",
            LEAD,
            "Evaluate take-up, food security and incomes of migrant and displaced "
            "participants against residents.",
        ),
        _slot(
            EVALUATION,
            "migrant-associations",
            CONSULTED,
            "Take part in the evaluation with participating families.",
        ),
    ),
    coordination="The provincial planning office brings together the food security, "
    "agriculture, health and social units that serve the same families; referrals between "
    "them go through one contact point for migrants and displaced people.",
    outputs=(
        "Eligibility rules of food security and family farming programmes revised to accept "
        "the documents migrants and displaced people hold",
        "Programme registers that record migratory status",
        "Outreach in the settlements and neighbourhoods where migrants and displaced people "
        "live, in their languages",
        "Arrangements giving displaced farmers access to land (leases, community plots)",
    ),
    outcomes=(
        "Migrants and displaced people take part in food security and family farming "
        "programmes in line with their needs",
        "Food insecurity among migrant and displaced households falls towards that of "
        "resident households",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of programme staff on the rights and documents of "
            "migrants, refugees and displaced people",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information with migrant associations on the programmes and how to enrol",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.ADVOCACY,
            description="Work with municipalities and landowners on access to land for "
            "displaced farmers",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("2.1.2"),
            disaggregation=(MIGRATORY_STATUS, SEX, PLACE),
            data_source="Household survey with the Food Insecurity Experience Scale module and "
            "a question on migratory status",
            frequency=Frequency.ANNUAL,
            responsible="statistics-office",
        ),
        SuggestedIndicator(
            indicator=_national(
                "Migrants and displaced people among programme beneficiaries",
                "Beneficiaries recorded as migrants, refugees or internally displaced people, "
                "as a percentage of all beneficiaries, set against their share of the "
                "population in programme areas",
                "%",
            ),
            disaggregation=(SEX, NATIONALITY, PLACE),
            data_source="Programme registers",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=_sdg("2.3.2"),
            disaggregation=(SEX, MIGRATORY_STATUS),
            data_source="Follow-up survey of participating producers",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.SDG_FUND,
    ),
    gcm_objectives=(15, 16),
    migration_domains=(1, 4),
    sources=(
        GUIDE + " (case study: Ecuador)",
        SOFA_2018,
        "FAO, Food Insecurity Experience Scale (survey module for SDG indicator 2.1.2)",
        GCM + ", Objectives 15 and 16",
    ),
    dac_sectors=("43072", "31120"),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    RURAL_DEVELOPMENT,
    SEASONAL_WORK,
    REMITTANCE_INVESTMENT,
    CLIMATE_MOBILITY,
    FOOD_PROGRAMME_INCLUSION,
)
