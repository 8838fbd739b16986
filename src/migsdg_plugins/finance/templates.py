"""Remittance and diaspora-finance sub-types and intervention templates.

Content drawn from the SDG 10.c.1 and 17.3.2 metadata (custodian: World Bank), the World
Bank's Remittance Prices Worldwide, the G20's 2015 commitment on remittance costs, IFAD's
Financing Facility for Remittances, the IOM–MPI handbook on engaging diasporas, work on
diaspora bonds, Mexico's 3x1 Programme for Migrants (a historical model), and the funding
sources of IOM's guide for practitioners. Figures marked illustrative are for the plan to
replace; remittance prices are always stated with the quarter they refer to.
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

SECTOR = "finance"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE, INCOME = Disaggregation.SEX, Disaggregation.AGE, Disaggregation.INCOME
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
PLACE = Disaggregation.GEOGRAPHIC_LOCATION

#: The actors these templates call on, by slot. A plan actor with the same id is bound
#: automatically; otherwise ``migsdg add --actor SLOT=ACTOR_ID`` binds it.
SLOTS: dict[str, str] = {
    "central-bank": "Central bank",
    "finance-ministry": "Ministry of finance",
    "debt-management-office": "Public debt management office",
    "financial-regulator": "Financial sector regulator or supervisor (banks, payment and "
    "mobile-money providers)",
    "remittance-providers": "Remittance service providers: banks, money transfer operators, "
    "post offices and mobile-money operators",
    "banks": "Banks and other distributors of retail securities",
    "statistics-office": "National statistical office",
    "diaspora-institution": "Government institution for the diaspora (ministry, directorate "
    "or agency)",
    "foreign-affairs-ministry": "Ministry of foreign affairs (embassies and consulates)",
    "local-governments": "Municipal and provincial governments",
    "migrant-associations": "Migrant and diaspora associations, including hometown associations",
    "civil-society": "Civil society organisations and financial-education providers",
    "world-bank": "World Bank country office",
    "ifad": "IFAD (Financing Facility for Remittances)",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


GUIDE = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step, 'Mobilizing Resources'"
)
META_10C1 = (
    "SDG indicator 10.c.1 metadata (custodian: World Bank; Remittance Prices Worldwide "
    "method: cost of sending the equivalent of USD 200, global average and SmaRT corridor "
    "average)"
)
RPW = "World Bank, Remittance Prices Worldwide, Issue 47 (September 2023)"
G20 = (
    "G20 Antalya Summit communiqué (2015): National Remittance Plans and the commitment to "
    "a 5% global average cost"
)
IFAD_FFR = "IFAD, Financing Facility for Remittances (since 2006)"
IFAD_GPFI = (
    "IFAD and World Bank (2015), The Use of Remittances and Financial Inclusion, report to "
    "the G20 Global Partnership for Financial Inclusion"
)
DIASPORA_HANDBOOK = (
    "D. R. Agunias and K. Newland (2012), Developing a Road Map for Engaging Diasporas in "
    "Development: A Handbook for Policymakers and Practitioners in Home and Host Countries, "
    "IOM and Migration Policy Institute"
)
GCM = "Global Compact for Migration (A/RES/73/195)"

SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="finance.remittance-policy",
        name=N_("Remittance market policy"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Policy and regulation that make remittances cheaper, faster and safer.",
    ),
    InterventionSubtype(
        id="finance.financial-inclusion",
        name=N_("Financial inclusion of migrants and their families"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Accounts, financial education and remittance-linked products for "
        "migrants and remittance-receiving households.",
    ),
    InterventionSubtype(
        id="finance.diaspora-policy",
        name=N_("Diaspora engagement policy"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Strategy and institutions for engaging the diaspora in development.",
    ),
    InterventionSubtype(
        id="finance.diaspora-investment",
        name=N_("Diaspora investment instrument"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Instruments that channel diaspora savings and contributions into "
        "development: matching funds, diaspora bonds and the like.",
    ),
)


REMITTANCE_COSTS = InterventionTemplate(
    id="finance.remittance-costs",
    sector=SECTOR,
    title="National remittance plan to cut the cost of sending money home",
    description="A national remittance plan, led by the central bank with the finance "
    "ministry, that lowers the cost of remittances in the country's main corridors: price "
    "transparency through a national remittance price database built to the World Bank's "
    "minimum requirements; competition, by reviewing exclusive agreements between "
    "providers and agents and the access of non-bank providers to payment systems; "
    "digital channels such as mobile money and account-to-account transfers; and "
    "proportionate customer due-diligence rules so that migrants with limited documents "
    "can use formal channels. Corridor targets follow target 10.c: every corridor at 5% or "
    "less, the average below 3%.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="finance.remittance-policy",
    policy_area="Payments and remittances",
    targets=("10.c", "17.3"),
    rationale="Remittances are the most direct financial link between migration and "
    "development, and every point of cost is money that does not reach families. Target "
    "10.c sets two thresholds for 2030: an average cost below 3% and no corridor above 5%. "
    "Its indicator 10.c.1 is compiled by the World Bank from quarterly mystery shopping of "
    "the cost of sending the equivalent of USD 200, as a global average and as a corridor "
    "average of the three cheapest qualifying services (SmaRT). The latest figure our "
    "sources show, the global average of 6.18% in the third quarter of 2023, was still "
    "about twice the target, with banks the most expensive type of provider; any figure "
    "the plan uses must be stated with its quarter. G20 countries committed in 2015 to "
    "National Remittance Plans and a 5% global average. GCM Objective 20 asks for faster, "
    "safer and cheaper remittances; indicator 17.3.2, remittances as a share of GDP, shows "
    "how much is at stake for the country.",
    beneficiaries=(
        Beneficiary(
            group="Migrants who send money and the households that receive it",
            description="Especially in high-cost corridors and rural areas.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "central-bank",
            LEAD,
            "Analyse the main corridors and draft the plan with measures and corridor targets.",
        ),
        _slot(
            DESIGN,
            "finance-ministry",
            SUPPORT,
            "Align the plan with financial-sector and fiscal policy.",
        ),
        _slot(
            DESIGN,
            "remittance-providers",
            CONSULTED,
            "Identify cost drivers and barriers to competition.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Report how migrants choose providers and what they pay.",
        ),
        _slot(
            DESIGN,
            "world-bank",
            SUPPORT,
            "Advise on the national price database and its certification.",
        ),
        _slot(
            IMPLEMENTATION,
            "central-bank",
            LEAD,
            "Run the price database; adopt the regulatory measures within its remit.",
        ),
        _slot(
            IMPLEMENTATION,
            "financial-regulator",
            SUPPORT,
            "Apply proportionate due-diligence rules; license new providers.",
        ),
        _slot(
            MONITORING,
            "central-bank",
            LEAD,
            "Publish corridor prices every quarter and report 10.c.1.",
        ),
        _slot(
            EVALUATION,
            "finance-ministry",
            LEAD,
            "Review the plan against corridor targets after two years.",
        ),
    ),
    coordination="A remittance working group chaired by the central bank (finance "
    "ministry, financial regulator, foreign affairs ministry and the diaspora institution) "
    "meets quarterly when prices are published; providers and migrant associations are "
    "heard twice a year.",
    outputs=(
        "National remittance plan with measures and corridor targets",
        "National remittance price database, published quarterly",
        "Rules reviewed on exclusivity, access to payment systems and customer due diligence",
        "Information campaign for migrants on comparing prices",
    ),
    outcomes=(
        "Costs in the main corridors fall to 5% or less, and on average towards 3% (10.c.1)",
        "More remittances flow through formal, safe channels",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Campaign through consulates and migrant associations on comparing "
            "remittance prices",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Central bank and regulator staff trained in remittance market "
            "analysis and price monitoring",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.c.1"),
            data_source="World Bank Remittance Prices Worldwide and the national price "
            "database, by corridor and type of provider; each value stated with its quarter",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=_sdg("17.3.2"),
            data_source="Balance of payments (IMF BPM6 personal remittances) and World "
            "Bank estimates",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Main corridors costing more than 5%",
                definition="Number of the country's main remittance corridors whose SmaRT "
                "average cost of sending the equivalent of USD 200 exceeds 5% in the quarter",
                unit="corridors",
            ),
            data_source="National remittance price database",
            frequency=Frequency.QUARTERLY,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.SDG_FUND,
    ),
    gcm_objectives=(20,),
    migration_domains=(3, 4),
    sources=(META_10C1, RPW, G20, GCM + ", Objective 20"),
    dac_sectors=("24050",),
)


FINANCIAL_INCLUSION = InterventionTemplate(
    id="finance.financial-inclusion",
    sector=SECTOR,
    title="Financial inclusion and financial education for migrants and their families",
    description="Migrants and the families who receive their remittances open and use "
    "accounts—at banks, post offices, credit unions or mobile-money providers—under "
    "documentation rules they can meet; take part in financial education suited to "
    "remittance households (budgeting, saving, comparing transfer prices, avoiding "
    "fraud); and are offered remittance-linked savings, insurance and loans for housing or "
    "small business. Rural areas, where many receiving families live and financial "
    "services are fewest, come first.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="finance.financial-inclusion",
    policy_area="Financial inclusion",
    targets=("10.c", "8.10"),
    rationale="Receiving remittances is, for many households, their first regular contact "
    "with a financial service, and an opening to bring them into the formal financial "
    "system. GCM Objective 20 links cheaper remittances with the financial inclusion of "
    "migrants and their families, and target 8.10 asks for access to banking, insurance "
    "and financial services for all. IFAD's Financing Facility for Remittances has funded "
    "more than 70 pilot projects in some 50 countries on remittance markets, rural access, "
    "financial education and migrants' investment, and IFAD and the World Bank reported to "
    "the G20's Global Partnership for Financial Inclusion on how remittances and financial "
    "inclusion support each other. Accounts, savings and insurance help households turn "
    "remittances into resilience rather than only consumption.",
    beneficiaries=(
        Beneficiary(
            group="Migrants, including returnees",
            description="In the country and abroad, through consulates and providers.",
        ),
        Beneficiary(
            group="Remittance-receiving households",
            description="Especially women and rural households.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "central-bank",
            LEAD,
            "Include migrants and remittance households in the financial inclusion "
            "strategy; design the programme.",
        ),
        _slot(
            DESIGN,
            "financial-regulator",
            SUPPORT,
            "Review account-opening and due-diligence rules for migrants.",
        ),
        _slot(
            DESIGN,
            "remittance-providers",
            CONSULTED,
            "Design remittance-linked products.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Advise on migrants' and families' financial needs.",
        ),
        _slot(
            IMPLEMENTATION,
            "central-bank",
            LEAD,
            "Coordinate partner institutions and the financial education programme.",
        ),
        _slot(
            IMPLEMENTATION,
            "remittance-providers",
            SUPPORT,
            "Offer accounts and remittance-linked products.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-society",
            SUPPORT,
            "Deliver financial education in communities of origin and to migrants.",
        ),
        _slot(
            MONITORING,
            "central-bank",
            LEAD,
            "Collect account and product data from partner institutions.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            SUPPORT,
            "Add remittance receipt and migration questions to the financial inclusion "
            "or household survey.",
        ),
        _slot(
            EVALUATION,
            "central-bank",
            LEAD,
            "Evaluate account use and savings of participating households.",
        ),
        _slot(EVALUATION, "ifad", SUPPORT, "Share evaluation methods from comparable pilots."),
    ),
    coordination="The national financial inclusion council (or a working group of the "
    "central bank, regulator and finance ministry) oversees the programme; partner "
    "institutions and civil society report to it quarterly.",
    outputs=(
        "Account-opening rules reviewed for migrants and remittance recipients",
        "Financial education programme for remittance households",
        "Remittance-linked savings, insurance or loan products offered by partner institutions",
    ),
    outcomes=(
        "More migrants and remittance-receiving households hold and use an account (8.10.2)",
        "Remittance households save and insure a larger share of what they receive",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of trainers and of front-line staff of partner institutions",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for migrants before departure and through consulates",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("8.10.2"),
            disaggregation=(MIGRATORY_STATUS, SEX, INCOME, PLACE),
            data_source="Financial inclusion or household survey with remittance and "
            "migration questions",
        ),
        SuggestedIndicator(
            indicator=_sdg("10.c.1"),
            data_source="National remittance price database, for the account and mobile "
            "channels the programme promotes, by corridor; each value stated with its quarter",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Inbound remittances paid into accounts",
                definition="Inbound remittance transfers credited to an account (bank, post "
                "office, credit union or mobile money), as a percentage of all inbound "
                "transfers",
                unit="%",
            ),
            data_source="Central bank returns from remittance providers",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Participants completing financial education",
                definition="Migrants and members of remittance households who completed the "
                "financial education course in the year",
                unit="persons",
            ),
            disaggregation=(SEX, AGE, PLACE),
            data_source="Programme records",
            frequency=Frequency.ANNUAL,
            responsible="civil-society",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.INNOVATIVE_FINANCE,
    ),
    gcm_objectives=(20,),
    migration_domains=(4,),
    sources=(IFAD_FFR, IFAD_GPFI, GCM + ", Objective 20"),
    dac_sectors=("24050", "24081"),
)


DIASPORA_ENGAGEMENT = InterventionTemplate(
    id="finance.diaspora-engagement",
    sector=SECTOR,
    title="Diaspora engagement strategy and institution",
    description="A strategy adopted by government and carried out by a designated "
    "diaspora institution that maps the diaspora, builds trust through consular services "
    "and regular dialogue, and mobilises diaspora contributions in the areas the IOM–MPI "
    "handbook identifies: remittances, direct investment, transfer of skills and "
    "knowledge, philanthropy, capital-market investment such as diaspora bonds, and "
    "tourism.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="finance.diaspora-policy",
    policy_area="Diaspora and development",
    targets=("10.7", "17.3"),
    rationale="The guide counts remittances and other diaspora contributions, including "
    "through dedicated foundations and private initiatives, among the innovative sources "
    "that can fund migration-SDG interventions, especially at local level. Diasporas "
    "contribute far more than money, but they engage where they trust the institutions "
    "they deal with. The handbook by IOM and the Migration Policy Institute, based on a "
    "survey of 62 governments, sets out a strategic road map for engaging diasporas, the "
    "legal and institutional frameworks that support it, and six areas in which diasporas "
    "contribute. "
    "GCM Objective 19 asks states to create conditions for migrants and diasporas to "
    "contribute fully to sustainable development. A strategy with an institution to carry "
    "it out is the well-managed migration policy of target 10.7 applied to the diaspora, "
    "and a route to additional resources under 17.3.",
    beneficiaries=(
        Beneficiary(
            group="Diaspora members and organisations",
            description="They gain a clear counterpart and channels for engagement.",
        ),
        Beneficiary(
            group="Communities and sectors at home",
            description="They receive investment, skills and philanthropy.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "diaspora-institution",
            LEAD,
            "Lead the mapping and draft the strategy.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Reach the diaspora through embassies and consulates.",
        ),
        _slot(
            DESIGN,
            "statistics-office",
            SUPPORT,
            "Estimate the size and profile of the diaspora from censuses and partner data.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Shape the strategy's priorities with the diaspora.",
        ),
        _slot(
            DESIGN,
            "finance-ministry",
            CONSULTED,
            "Advise on investment and tax measures.",
        ),
        _slot(
            IMPLEMENTATION,
            "diaspora-institution",
            LEAD,
            "Run the dialogue forum, programmes and information services.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            SUPPORT,
            "Host diaspora desks and local projects.",
        ),
        _slot(
            IMPLEMENTATION,
            "migrant-associations",
            SUPPORT,
            "Co-organise programmes and reach members.",
        ),
        _slot(
            MONITORING,
            "diaspora-institution",
            LEAD,
            "Report on the strategy's action plan yearly.",
        ),
        _slot(
            EVALUATION,
            "diaspora-institution",
            LEAD,
            "Commission an evaluation that includes diaspora members' views.",
        ),
    ),
    coordination="An inter-ministerial committee chaired by the diaspora institution "
    "(foreign affairs, finance, investment promotion, education, local government) meets "
    "twice a year; a diaspora forum with elected representatives of diaspora "
    "organisations meets yearly.",
    outputs=(
        "Diaspora mapping: where, who, skills and interests",
        "Diaspora engagement strategy adopted, with an action plan",
        "Diaspora institution with a mandate, staff and budget",
        "Regular dialogue forum with diaspora organisations",
    ),
    outcomes=(
        "Diaspora members invest, share skills and support development projects at home",
        "Diaspora organisations trust and work with government",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Training of consular staff as diaspora focal points",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange with diaspora institutions of other countries",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("17.3.2"),
            data_source="Balance of payments and World Bank estimates",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Diaspora-supported projects and investments",
                definition="Projects, investments and skills-transfer assignments "
                "registered with the diaspora institution in the year",
                unit="projects",
            ),
            disaggregation=(PLACE,),
            data_source="Diaspora institution records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Diaspora organisations in the dialogue forum",
                definition="Diaspora organisations taking part in the forum in the year",
                unit="organisations",
            ),
            data_source="Forum records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(19,),
    migration_domains=(2, 3),
    sources=(GUIDE, DIASPORA_HANDBOOK, GCM + ", Objective 19"),
    dac_sectors=("15190",),
)


MATCHING_FUND = InterventionTemplate(
    id="finance.diaspora-matching-fund",
    sector=SECTOR,
    title="Diaspora matching fund for local development projects",
    description="Hometown and diaspora associations propose community projects—water, "
    "roads, schools, health posts or productive projects—and contribute funds, which the "
    "municipal, provincial and national governments match under published rules (for "
    "example one unit from each level of government for each unit the association gives, "
    "as in the 3x1 model; the shares and ceilings are illustrative and set by the plan). A "
    "joint committee with the associations selects, supervises and reports on projects.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="finance.diaspora-investment",
    policy_area="Local development",
    targets=("17.3",),
    rationale="The guide names remittances and other diaspora contributions as sources of "
    "finance 'especially to help achieve projects at a local level'. Mexico's 3x1 Programme "
    "for Migrants is the best-known model: it grew from a 1980s matching scheme in "
    "Zacatecas, became federal in 2002, and had federal, state and municipal governments "
    "each match the contributions of migrant clubs abroad to community projects. Its "
    "federal funding was cut from 2019 and removed from the 2021 budget, so it stands as a "
    "historical model, and evaluations caution that its impact was limited where "
    "municipalities had no migrant policy. A matching fund is therefore paired here with "
    "transparent rules, municipal capacity and a joint committee in which the associations "
    "have a real voice. It mobilises additional resources (17.3) and builds the trust that "
    "GCM Objective 19 calls for.",
    beneficiaries=(
        Beneficiary(
            group="Communities of origin",
            description="They gain public works and productive projects.",
        ),
        Beneficiary(
            group="Hometown and diaspora associations",
            description="Their contributions gain weight and public accountability.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "diaspora-institution",
            LEAD,
            "Draft operating rules: eligible projects, matching shares, ceilings, "
            "selection and audit.",
        ),
        _slot(
            DESIGN,
            "finance-ministry",
            SUPPORT,
            "Set the budget line and the rules for matching transfers.",
        ),
        _slot(
            DESIGN,
            "local-governments",
            CONSULTED,
            "Commit municipal and provincial matching funds.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Agree the rules and the committee's composition.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-governments",
            LEAD,
            "Carry out the selected projects and manage procurement.",
        ),
        _slot(
            IMPLEMENTATION,
            "migrant-associations",
            SUPPORT,
            "Propose projects, contribute funds and co-supervise works.",
        ),
        _slot(
            MONITORING,
            "diaspora-institution",
            LEAD,
            "Keep the public register of projects and contributions; report yearly.",
        ),
        _slot(
            EVALUATION,
            "finance-ministry",
            LEAD,
            "Commission an independent evaluation, including whether projects are maintained.",
        ),
    ),
    coordination="A joint committee of the diaspora institution, the levels of government "
    "that match funds and elected representatives of the associations selects projects "
    "twice a year and publishes its decisions.",
    outputs=(
        "Operating rules for the matching fund, published",
        "Community projects co-financed and completed",
        "Public register of projects, contributions and matching funds",
    ),
    outcomes=(
        "Diaspora contributions finance local public goods and productive projects",
        "Municipalities and diaspora associations plan local development together",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Project preparation and procurement support for municipalities",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information to associations abroad through consulates",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Diaspora contributions mobilised",
                definition="Funds contributed by diaspora associations to matched projects "
                "in the year, in the plan's currency",
                unit="currency",
            ),
            disaggregation=(PLACE,),
            data_source="Public register of the matching fund",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Matched projects in use a year after completion",
                definition="Projects completed under the fund that are in use and "
                "maintained twelve months after completion, as a percentage of projects "
                "completed",
                unit="%",
            ),
            disaggregation=(PLACE,),
            data_source="Monitoring visits",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.INNOVATIVE_FINANCE, FundingCategory.DOMESTIC_BUDGET),
    gcm_objectives=(19,),
    migration_domains=(3, 4),
    sources=(
        GUIDE,
        "ILO, good practice record: Mexico's 3x1 Programme for Migrants",
        "Federal budget records on the 3x1 Programme, 2019–2021 (reported by "
        "Newsweek en Español and Conexión Migrante)",
        "Evaluation of the impact of Mexico's 3x1 Program for Migrants (University of "
        "Calgary, Latin American Research Centre)",
    ),
    dac_sectors=("15190", "15112"),
)


DIASPORA_BOND = InterventionTemplate(
    id="finance.diaspora-bond",
    sector=SECTOR,
    title="Diaspora bond: feasibility study and, if warranted, issuance",
    description="The debt management office assesses whether a bond sold to the diaspora "
    "could raise finance on better terms than the alternatives—size, location, savings and "
    "trust of the diaspora, and the rules in host countries on offering securities to "
    "retail investors there—and, if so, issues one with small denominations, distribution "
    "through banks, consulates and digital channels, and transparent reporting on the use "
    "of the proceeds.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROJECT,
    subtype="finance.diaspora-investment",
    policy_area="Public debt management",
    targets=("17.3",),
    rationale="A diaspora bond is a debt instrument issued by a country, or by a "
    "sub-sovereign or private entity, to raise finance from its diaspora. Israel and India "
    "are the leading issuers, and Sri Lanka, Kenya, Greece and Egypt among others have "
    "used them; the World Bank advised the Indian state of Kerala on one in 2023. For the "
    "issuer they can be a stable, comparatively cheap source of finance; for the diaspora, "
    "a way to invest at home. Capital-market investment is one of the six areas of "
    "diaspora engagement in the IOM–MPI handbook. Success is not automatic, so the "
    "intervention begins with a feasibility study and proceeds to issuance only if demand "
    "and terms justify it. It mobilises additional resources under target 17.3 and answers "
    "GCM Objective 19.",
    beneficiaries=(
        Beneficiary(
            group="Diaspora savers",
            description="They gain a safe, transparent way to invest at home.",
        ),
        Beneficiary(
            group="Public investment programmes",
            description="They are financed by the proceeds.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "debt-management-office",
            LEAD,
            "Carry out the feasibility study and propose terms.",
        ),
        _slot(
            DESIGN,
            "diaspora-institution",
            SUPPORT,
            "Survey diaspora demand and trust.",
        ),
        _slot(
            DESIGN,
            "central-bank",
            SUPPORT,
            "Advise on market conditions and payment channels.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Test the product with diaspora investors.",
        ),
        _slot(
            IMPLEMENTATION,
            "debt-management-office",
            LEAD,
            "Issue the bond and manage it.",
        ),
        _slot(
            IMPLEMENTATION,
            "banks",
            SUPPORT,
            "Distribute the bond in host countries and online.",
        ),
        _slot(
            IMPLEMENTATION,
            "foreign-affairs-ministry",
            SUPPORT,
            "Inform the diaspora through embassies and consulates.",
        ),
        _slot(
            MONITORING,
            "debt-management-office",
            LEAD,
            "Report sales, cost and the use of the proceeds.",
        ),
        _slot(
            EVALUATION,
            "finance-ministry",
            LEAD,
            "Compare cost and reach with other borrowing; decide on further issues.",
        ),
    ),
    coordination="The debt management office leads a task team of the finance ministry, "
    "central bank, diaspora institution and foreign affairs ministry; legal advisers in "
    "the main host countries are engaged before any offer.",
    outputs=(
        "Feasibility study with a survey of diaspora demand",
        "Decision on issuance; if positive, bond documentation and distribution channels",
        "Report on the use of the proceeds",
    ),
    outcomes=(
        "The government raises finance from the diaspora on terms at least as good as its "
        "alternatives",
        "Diaspora members hold a transparent savings instrument at home",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Debt management office trained in retail and diaspora issuance",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information campaign in the main host countries",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Amount raised from diaspora investors",
                definition="Face value of the diaspora bond sold, in the plan's currency",
                unit="currency",
            ),
            disaggregation=(PLACE,),
            data_source="Debt management office",
            frequency=Frequency.END_OF_PERIOD,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Cost relative to comparable borrowing",
                definition="Yield of the diaspora bond minus the yield of comparable "
                "government borrowing at issue",
                unit="basis points",
            ),
            data_source="Debt management office",
            frequency=Frequency.END_OF_PERIOD,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.INNOVATIVE_FINANCE),
    gcm_objectives=(19,),
    migration_domains=(3,),
    sources=(
        "S. Ketkar and D. Ratha, work on diaspora bonds (India and Israel as leading issuers)",
        "World Bank advice to Kerala on a diaspora bond (2023), as reported",
        DIASPORA_HANDBOOK,
    ),
    dac_sectors=("15119",),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    REMITTANCE_COSTS,
    FINANCIAL_INCLUSION,
    DIASPORA_ENGAGEMENT,
    MATCHING_FUND,
    DIASPORA_BOND,
)
