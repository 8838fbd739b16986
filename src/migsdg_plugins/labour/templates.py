"""Labour-migration sub-types and intervention templates.

Content drawn from the ILO fair-recruitment framework, IOM's IRIS, the ILO–World Bank
methodology for SDG indicator 10.7.1, the ILO labour-inspection conventions, the UN Network
on Migration guidance on bilateral labour migration agreements, and the implementation step
of IOM's guide for practitioners. Figures marked illustrative are for the plan to replace.
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

SECTOR = "labour"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
NATIONALITY, PLACE = Disaggregation.NATIONALITY, Disaggregation.GEOGRAPHIC_LOCATION

GUIDE = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step, 'Examples of possible interventions'"
)
ILO_FAIR = (
    "ILO, General Principles and Operational Guidelines for Fair Recruitment (tripartite "
    "meeting of experts, 2016) and Definition of Recruitment Fees and Related Costs (2018; "
    "publication approved by the Governing Body, March 2019)"
)
IRIS = (
    "IOM, International Recruitment Integrity System (IRIS): the IRIS Standard, voluntary "
    "certification of international labour recruiters, monitoring and compliance"
)
C181 = "ILO Private Employment Agencies Convention, 1997 (No. 181)"
KNOMAD_1071 = (
    "ILO and World Bank (KNOMAD), guidelines and survey module for the collection of "
    "statistics for SDG indicator 10.7.1 (finalised with national statistical offices, 2018)"
)
ICLS_20 = (
    "20th International Conference of Labour Statisticians (2018), Guidelines concerning "
    "statistics of international labour migration"
)
BLMA_GUIDANCE = (
    "UN Network on Migration, Guidance on Bilateral Labour Migration Agreements (2022), "
    "prepared by the thematic working group co-chaired by ILO and IOM"
)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="labour.ethical-recruitment",
        name=N_("Ethical recruitment programme"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Regulation, licensing and enforcement that make the recruitment of "
        "migrant workers fair: no fees charged to workers, transparent terms, remedies.",
    ),
    InterventionSubtype(
        id="labour.migration-statistics",
        name=N_("Labour migration statistics"),
        type=InterventionType.CAPACITY_BUILDING,
        sector=SECTOR,
        description="Capacity of the statistical system to measure labour migration, "
        "recruitment costs and migrant workers' conditions.",
    ),
    InterventionSubtype(
        id="labour.labour-market-planning",
        name=N_("Migration in labour-market and skills planning"),
        type=InterventionType.MAINSTREAMING_POLICY,
        sector=SECTOR,
        description="Migration dynamics and migrants' skills factored into employment "
        "policy, labour-market forecasts and skills-demand planning.",
    ),
    InterventionSubtype(
        id="labour.labour-inspection",
        name=N_("Labour inspection and safety at work for migrant workers"),
        type=InterventionType.RIGHTS_BASED,
        sector=SECTOR,
        description="Labour inspection and occupational safety and health that reach "
        "migrant workers wherever they work, whatever their status.",
    ),
    InterventionSubtype(
        id="labour.bilateral-agreement",
        name=N_("Bilateral labour migration agreement"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="A rights-based agreement or memorandum of understanding with a partner "
        "country governing recruitment, protection and return of migrant workers.",
    ),
    InterventionSubtype(
        id="labour.worker-information",
        name=N_("Information and support services for migrant workers"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Information, counselling, pre-departure orientation and complaint "
        "channels for prospective and current migrant workers.",
    ),
)


FAIR_RECRUITMENT = InterventionTemplate(
    id="labour.fair-recruitment",
    sector=SECTOR,
    title="National fair recruitment programme",
    description="A programme that puts the ILO General Principles and Operational "
    "Guidelines for Fair Recruitment into national practice: registration or licensing of "
    "labour recruiters with a public register; a prohibition, based on the ILO definition, "
    "of recruitment fees and related costs charged to workers; standard employment "
    "contracts that workers receive and understand before they leave; a complaint channel "
    "reachable from abroad; and cooperation with voluntary recruiter certification such as "
    "IOM's IRIS. It covers recruitment for work in the country and abroad, in all sectors, "
    "by agencies and by employers recruiting directly.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="labour.ethical-recruitment",
    policy_area="Labour migration governance",
    targets=("8.8", "10.7"),
    rationale="The guide gives this as its example of migration programming: a government "
    "acting on target 8.8 may find that a programme promoting ethical recruitment is the "
    "most direct contribution it can make. Recruitment is where much of the exploitation of "
    "migrant workers begins: fees and related costs charged to workers, deception about "
    "wages and conditions, and the debt that follows reduce the income migration is meant "
    "to bring and can tip into forced labour and trafficking. Indicator 10.7.1 measures "
    "this burden directly, as the recruitment cost a worker bears relative to the monthly "
    "income earned in the country of destination. The ILO General Principles, agreed by "
    "governments, employers and workers, provide the basis for regulation: recruitment "
    "should respond to genuine labour-market needs, be regulated and enforced with a role "
    "for labour inspection and for the registration or licensing of recruiters, and no "
    "recruitment fees or related costs should be charged to, or otherwise borne by, "
    "workers. Certification of recruiters under IRIS rewards compliant agencies, but it "
    "complements public regulation rather than replacing it.",
    beneficiaries=(
        Beneficiary(
            group="Prospective and current migrant workers",
            description="Women and men recruited for work abroad or in the country, through "
            "agencies or directly by employers, with particular attention to low-wage "
            "sectors and domestic work.",
        ),
        Beneficiary(
            group="Compliant employers and labour recruiters",
            description="They no longer compete with recruiters that shift costs to workers.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Convene a tripartite working group; draft the programme and the "
            "regulation on recruiters and fees.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="employers-organisations",
            description="Most representative employers' organisations",
            role=CONSULTED,
            tasks="Agree the definition of fees and related costs and how employers bear them.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="workers-organisations",
            description="Most representative workers' organisations (trade unions)",
            role=CONSULTED,
            tasks="Represent workers in the tripartite working group.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="migrant-associations",
            description="Migrant workers' and diaspora associations",
            role=CONSULTED,
            tasks="Bring migrant workers' experience of recruitment into the design.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="ilo",
            description="ILO country or regional office",
            role=SUPPORT,
            tasks="Technical advice on the General Principles, the fee definition and the "
            "Fair Recruitment Roadmap.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Run registration or licensing and the public register; apply the "
            "prohibition of fees charged to workers; publish decisions and sanctions.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="labour-inspectorate",
            description="Labour inspectorate",
            role=SUPPORT,
            tasks="Inspect recruiters and employers at every stage of recruitment; act on "
            "complaints.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="iom",
            description="IOM country office",
            role=SUPPORT,
            tasks="Support recruiters seeking IRIS certification and align the national "
            "register with it.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="foreign-affairs-ministry",
            description="Ministry of foreign affairs (consulates, labour attachés)",
            role=SUPPORT,
            tasks="Receive and refer complaints from workers in countries of destination.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="statistics-office",
            description="National statistical office",
            role=SUPPORT,
            tasks="Measure recruitment costs (10.7.1) with the ILO–World Bank module.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Report register, inspection and complaint figures to the steering group.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Commission an independent evaluation of the programme and act on it.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="workers-organisations",
            description="Most representative workers' organisations (trade unions)",
            role=CONSULTED,
            tasks="Review the evaluation findings with employers and government.",
        ),
    ),
    coordination="A tripartite steering group chaired by the labour ministry, with "
    "employers' and workers' organisations, meets quarterly; migrant associations and the "
    "foreign affairs ministry take part, and the labour inspectorate reports its recruitment "
    "inspections and complaints to it.",
    outputs=(
        "Regulation on registration or licensing of labour recruiters, with a public register",
        "Prohibition of recruitment fees and related costs charged to workers, using the ILO "
        "definition",
        "Complaint mechanism for recruitment abuse, reachable from countries of destination",
        "Standard employment contract and pre-departure information on workers' rights",
    ),
    outcomes=(
        "Migrant workers bear lower recruitment costs relative to their earnings (10.7.1)",
        "Abusive and fraudulent recruiters are sanctioned; compliant recruiters gain market share",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training for labour inspectors and licensing officers on the ILO "
            "definition of recruitment fees and related costs and on investigating "
            "recruitment abuse",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Support for recruitment agencies preparing for IRIS certification",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Campaign for prospective migrant workers: no fees, how to check a "
            "recruiter in the register, where to complain",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.ADVOCACY,
            description="Dialogue with destination-country authorities and employers on the "
            "Employer Pays Principle",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.7.1"),
            disaggregation=(SEX, AGE, PLACE),
            data_source="Recruitment-cost module of the labour force or migration survey "
            "(ILO–World Bank methodology); 'geographic location' here is the country of "
            "destination",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Registered labour recruiters inspected",
                definition="Registered or licensed labour recruiters inspected at least once "
                "in the year, as a percentage of all registered or licensed recruiters",
                unit="%",
            ),
            data_source="Labour inspectorate records and the recruiter register",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Recruitment complaints resolved in time",
                definition="Complaints about recruitment closed within the national service "
                "standard (for example 90 days — illustrative), as a percentage of "
                "complaints received",
                unit="%",
            ),
            disaggregation=(SEX, NATIONALITY),
            data_source="Complaint mechanism case records",
            frequency=Frequency.SEMIANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(6, 10),
    migration_domains=(1, 6),
    sources=(GUIDE, ILO_FAIR, C181, IRIS),
    dac_sectors=("15190", "16070"),
)


RECRUITMENT_COSTS = InterventionTemplate(
    id="labour.recruitment-cost-survey",
    sector=SECTOR,
    title="Measure recruitment costs for SDG indicator 10.7.1",
    description="The national statistical office adds the ILO–World Bank recruitment-cost "
    "module to the labour force survey, a household survey or a dedicated migration survey, "
    "so that the country can report indicator 10.7.1 and follow the cost of labour migration "
    "by sex, corridor and occupation. The project covers questionnaire adaptation, sampling "
    "of recent and returned migrant workers, a first round of data collection, and "
    "publication with the labour ministry.",
    type=InterventionType.CAPACITY_BUILDING,
    form=InterventionForm.PROJECT,
    subtype="labour.migration-statistics",
    policy_area="Labour migration statistics",
    targets=("10.7", "17.18"),
    rationale="Recruitment costs cannot be reduced if they are not measured. Indicator "
    "10.7.1 relates the recruitment cost a migrant worker paid to the monthly income earned "
    "in the country of destination, both observed for the same person, and its custodians, "
    "the ILO and the World Bank, have published a survey methodology that national "
    "statistical offices helped to finalise and that has been piloted in labour force and "
    "migration surveys (Lao PDR, Viet Nam, Bangladesh and Mexico among them). Adding the "
    "module to an existing survey is far cheaper than a stand-alone survey, gives a "
    "baseline for fair-recruitment measures, and serves target 17.18's call for data "
    "disaggregated by migratory status.",
    beneficiaries=(
        Beneficiary(
            group="Policy makers in labour migration",
            description="They gain a measured baseline for recruitment policy.",
        ),
        Beneficiary(
            group="Migrant workers and their families",
            description="Their recruitment costs become visible and comparable by corridor.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="statistics-office",
            description="National statistical office",
            role=LEAD,
            tasks="Adapt the module, design the sample and integrate it in the survey.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=SUPPORT,
            tasks="State the policy questions; share administrative data on deployed "
            "workers for the sampling frame.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="ilo",
            description="ILO (custodian of 10.7.1 with the World Bank)",
            role=SUPPORT,
            tasks="Technical assistance on the methodology and questionnaire.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="statistics-office",
            description="National statistical office",
            role=LEAD,
            tasks="Collect, process and publish the data; document the metadata.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Use the results in the fair-recruitment programme and report 10.7.1.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="statistics-office",
            description="National statistical office",
            role=LEAD,
            tasks="Assess data quality and decide on regular inclusion of the module.",
        ),
    ),
    coordination="A technical working group of the statistical office and the labour "
    "ministry, advised by the ILO, agrees the questionnaire and tabulation plan and reviews "
    "results before publication.",
    outputs=(
        "Recruitment-cost module adapted and integrated into a national survey",
        "First national estimate of indicator 10.7.1 with its metadata",
        "Tabulations by sex, age, country of destination and occupation",
    ),
    outcomes=(
        "The country reports indicator 10.7.1 and tracks it over time",
        "Recruitment policy is set against measured costs by corridor",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of survey staff and enumerators on the recruitment-cost "
            "questions",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange with statistical offices that piloted the module",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.7.1"),
            disaggregation=(SEX, AGE, PLACE),
            data_source="The survey module itself",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Recruitment-cost module in a regular national survey",
                definition="Whether the recruitment-cost module is part of a survey carried "
                "out at regular intervals (yes/no)",
            ),
            data_source="Statistical office survey programme",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(1, 6),
    migration_domains=(2,),
    sources=(KNOMAD_1071, ICLS_20, ILO_FAIR),
    dac_sectors=("16062", "15190"),
)


LABOUR_MARKET = InterventionTemplate(
    id="labour.labour-market-migration",
    sector=SECTOR,
    title="Mainstream migration and migrants' skills into labour-market forecasting",
    description="The employment strategy and the labour market information system take "
    "emigration, immigration and return into account: labour-market forecasts and skills-"
    "needs assessments include migration flows and the skills of migrant and returning "
    "workers; administrative and survey data identify migrants; and the results inform "
    "admission policy, training supply and recognition of skills.",
    type=InterventionType.MAINSTREAMING_POLICY,
    form=InterventionForm.POLICY_PROCESS,
    subtype="labour.labour-market-planning",
    policy_area="Employment policy and labour market information",
    targets=("8.5", "10.7", "17.18"),
    rationale="The guide offers this as its example of mainstreaming migration into other "
    "policies: a government integrates migration into its labour and education strategies, "
    "factoring migration dynamics and migrants' skills into labour-market forecasts and the "
    "planning of national skills demand and supply. Forecasts that ignore migration "
    "misjudge both shortages (where emigration drains occupations) and supply (where "
    "immigrants and returnees bring skills that go unused). The international statistical "
    "standard adopted by the 20th ICLS in 2018 gives common definitions for measuring "
    "migrant workers, and ILOSTAT collects international labour migration statistics, so "
    "the data can be made comparable. Regular pathways that respond to measured needs serve "
    "target 10.7. Target 8.5 seeks full and productive employment and decent work for all "
    "women and men; it does not name migrant workers (target 8.8 does), but they are among "
    "the 'all', and indicator 8.5.2 from a labour force survey that records migratory "
    "status shows whether migrant and returning workers share in that progress.",
    beneficiaries=(
        Beneficiary(
            group="Jobseekers, migrant and returning workers",
            description="Their skills are counted and matched to demand.",
        ),
        Beneficiary(
            group="Employers and training providers",
            description="They plan with forecasts that include migration.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment",
            role=LEAD,
            tasks="Revise the forecasting model and the employment strategy with migration "
            "variables.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="statistics-office",
            description="National statistical office",
            role=SUPPORT,
            tasks="Add migrant identification (citizenship, country of birth) to labour "
            "statistics, following the ICLS guidelines.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="education-ministry",
            description="Ministry responsible for education and technical and vocational training",
            role=CONSULTED,
            tasks="Align training supply and recognition of skills with the forecasts.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment",
            role=LEAD,
            tasks="Publish forecasts and skills-needs assessments that include migration.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="employers-organisations",
            description="Employers' organisations",
            role=SUPPORT,
            tasks="Contribute skills-needs surveys.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="statistics-office",
            description="National statistical office",
            role=LEAD,
            tasks="Produce labour indicators disaggregated by migratory status.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment",
            role=LEAD,
            tasks="Compare forecasts with outcomes and adjust the model.",
        ),
    ),
    coordination="An inter-ministerial labour-market information committee (labour, "
    "education, interior/migration, statistics) with employers and workers meets twice a "
    "year to review forecasts and their use in admission and training decisions.",
    outputs=(
        "Labour-market forecasting model that includes emigration, immigration and return",
        "Skills-needs assessment covering the skills of migrant and returning workers",
        "Labour statistics disaggregated by migratory status, published regularly",
    ),
    outcomes=(
        "Employment, admission and training policies respond to measured needs",
        "Migrants' and returnees' skills are better used in the labour market",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Training of labour-market analysts in migration data and forecasting",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Reporting international labour migration statistics to ILOSTAT",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("8.5.2"),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Labour force survey",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Labour-market forecast includes migration",
                definition="Whether the latest official labour-market forecast models "
                "emigration, immigration and return and the skills of migrant workers "
                "(yes/no)",
            ),
            data_source="Labour ministry forecast reports",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.SDG_FUND),
    gcm_objectives=(1, 5, 18),
    migration_domains=(2, 4),
    sources=(GUIDE, ICLS_20, "ILOSTAT, international labour migration statistics database"),
    dac_sectors=("16020", "15190"),
)


LABOUR_INSPECTION = InterventionTemplate(
    id="labour.inspection-osh",
    sector=SECTOR,
    title="Labour inspection and occupational safety and health covering migrant workers",
    description="The labour inspectorate plans, staffs and reports its work so that it "
    "reaches the sectors and workplaces where migrant workers are concentrated "
    "(agriculture, construction, domestic work, fishing, manufacturing), monitors labour "
    "recruiters, and records occupational injuries by sex and migrant status. Inspectors "
    "act to enforce working conditions for every worker, keeping that protective function "
    "apart from immigration control so that migrant workers can report abuse.",
    type=InterventionType.RIGHTS_BASED,
    form=InterventionForm.PROGRAMME,
    subtype="labour.labour-inspection",
    policy_area="Labour inspection and occupational safety and health",
    targets=("8.8",),
    rationale="Target 8.8 asks countries to protect labour rights and promote safe and "
    "secure working environments for all workers, naming migrant workers, in particular "
    "women migrants; its indicator 8.8.1 counts occupational injuries by sex and migrant "
    "status. Labour inspection is the public function that makes these rights real "
    "(Labour Inspection Conventions No. 81 and No. 129), and the ILO's supervisory body "
    "has recalled that inspectors are there to enforce conditions of work and protect "
    "workers, including foreign workers in an irregular situation. The ILO fair "
    "recruitment guidelines ask governments for an adequately resourced, trained "
    "inspectorate able to monitor recruiters at every stage. Taking a rights-based "
    "approach, as the guide suggests for upholding labour rights, this intervention "
    "directs inspection to where migrant workers work and makes injuries among them "
    "visible in the data.",
    beneficiaries=(
        Beneficiary(
            group="Migrant workers",
            description="Especially women migrants and workers in agriculture, construction, "
            "domestic work and other high-risk or isolated workplaces.",
        ),
        Beneficiary(
            group="All workers in the sectors inspected",
            description="Their conditions improve alongside those of migrant workers.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="labour-inspectorate",
            description="Labour inspectorate",
            role=LEAD,
            tasks="Map sectors and regions with many migrant workers; set an inspection "
            "plan and targets.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="workers-organisations",
            description="Workers' organisations",
            role=CONSULTED,
            tasks="Identify high-risk workplaces and barriers migrant workers face in reporting.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="employers-organisations",
            description="Employers' organisations",
            role=CONSULTED,
            tasks="Agree prevention measures and information for employers.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="labour-inspectorate",
            description="Labour inspectorate",
            role=LEAD,
            tasks="Carry out inspections, including of recruiters; enforce safety and "
            "working conditions; refer victims of forced labour or trafficking.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="migrant-associations",
            description="Migrant workers' associations and support organisations",
            role=SUPPORT,
            tasks="Inform migrant workers of their rights and accompany complaints.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="statistics-office",
            description="National statistical office",
            role=SUPPORT,
            tasks="Compile occupational-injury statistics by sex and migrant status (8.8.1).",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="labour-inspectorate",
            description="Labour inspectorate",
            role=LEAD,
            tasks="Report inspections, violations and outcomes in workplaces employing "
            "migrant workers.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="labour-inspectorate",
            description="Labour inspectorate",
            role=LEAD,
            tasks="Evaluate the reach and results of inspection in workplaces employing "
            "migrant workers.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="ilo",
            description="ILO country or regional office",
            role=SUPPORT,
            tasks="Review the inspection approach against the ILO labour-inspection guidelines.",
        ),
    ),
    coordination="The inspectorate coordinates with the social security and occupational "
    "injury insurance bodies for data, and has a written protocol with immigration "
    "authorities that keeps labour inspection a protective function.",
    outputs=(
        "Inspection plan covering sectors and regions where migrant workers are concentrated",
        "Inspectors trained on migrant workers' rights and on monitoring recruiters",
        "Occupational-injury records that capture sex and migrant status",
        "Multilingual information for workers on safety at work and how to complain",
    ),
    outcomes=(
        "Fewer fatal and non-fatal occupational injuries among migrant workers (8.8.1)",
        "Migrant workers report abuse and obtain remedies without fear of immigration consequences",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of labour inspectors on migrant workers' rights, "
            "recruitment monitoring and identification of forced labour",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for employers and workers, in the languages migrant "
            "workers speak",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("8.8.1"),
            disaggregation=(SEX, MIGRATORY_STATUS),
            data_source="Occupational injury records (labour inspectorate, social insurance) "
            "and establishment surveys",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Inspections in workplaces employing migrant workers",
                definition="Labour inspections in the year in workplaces where migrant "
                "workers are employed, as a percentage of all labour inspections",
                unit="%",
            ),
            disaggregation=(PLACE,),
            data_source="Labour inspectorate case management system",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(6, 7),
    migration_domains=(1, 4),
    sources=(
        GUIDE,
        "ILO Labour Inspection Convention, 1947 (No. 81) and Labour Inspection (Agriculture) "
        "Convention, 1969 (No. 129)",
        "ILO Committee of Experts on the Application of Conventions and Recommendations, "
        "general observation on labour inspection (2019)",
        ILO_FAIR + ", operational guideline 5.1",
        "ILO, Guidelines on general principles of labour inspection (2021)",
    ),
    dac_sectors=("16070",),
)


BILATERAL_AGREEMENT = InterventionTemplate(
    id="labour.bilateral-agreement",
    sector=SECTOR,
    title="Negotiate and implement a bilateral labour migration agreement",
    description="A bilateral labour migration agreement or memorandum of understanding "
    "with a main partner country, prepared, negotiated, implemented and monitored following "
    "the UN Network on Migration guidance: fair recruitment, information for workers, "
    "migration status, occupational safety and health, social protection and portability "
    "of benefits, contracts and wage protection, skills and their recognition, remittances, "
    "return and reintegration, with a joint committee to monitor implementation.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="labour.bilateral-agreement",
    policy_area="Labour migration governance",
    targets=("10.7", "8.8"),
    rationale="Where much labour migration runs through a few corridors, an agreement "
    "between the two governments can open or widen regular pathways and fix the "
    "protections that neither side can guarantee alone. Many existing agreements say "
    "little about rights or are never monitored; the 2022 guidance of the UN Network on "
    "Migration, prepared with the ILO, IOM, employers, trade unions and civil society, sets "
    "out the principles to include, the steps of the whole cycle from preparation to "
    "evaluation, notes for particular groups (seasonal workers, migrant health workers, "
    "migrant domestic workers), and a model mandate for a joint monitoring committee. A "
    "well-made agreement serves target 10.7 through planned and well-managed migration "
    "policies and target 8.8 through the protection of migrant workers' rights.",
    beneficiaries=(
        Beneficiary(
            group="Migrant workers in the corridor",
            description="Women and men moving to work under the agreement, and their families.",
        ),
        Beneficiary(
            group="Employers in the country of destination",
            description="They gain a regular, predictable way to recruit.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Assess the corridor, prepare the draft and the negotiating mandate.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="foreign-affairs-ministry",
            description="Ministry of foreign affairs",
            role=SUPPORT,
            tasks="Lead the diplomatic process and the legal form of the agreement.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="workers-organisations",
            description="Workers' organisations",
            role=CONSULTED,
            tasks="Contribute to the draft, in particular on rights and remedies.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="employers-organisations",
            description="Employers' organisations",
            role=CONSULTED,
            tasks="Contribute labour-demand information and recruitment practice.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Put the agreement into operation: recruitment channels, contracts, "
            "pre-departure and post-arrival information.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="social-security-institution",
            description="Social security institution",
            role=SUPPORT,
            tasks="Arrange the portability of contributions and benefits.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Co-chair the joint monitoring committee; publish its reports.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and labour migration",
            role=LEAD,
            tasks="Evaluate the agreement with the partner country before renewal.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="iom",
            description="IOM or ILO office",
            role=SUPPORT,
            tasks="Support an independent review of the agreement.",
        ),
    ),
    coordination="A joint monitoring committee of both governments, with social partners, "
    "meets at least yearly; at home, an inter-ministerial group (labour, foreign affairs, "
    "interior, social security) prepares its positions.",
    outputs=(
        "Corridor assessment and negotiating mandate",
        "Signed agreement or memorandum of understanding covering recruitment, protection, "
        "social security, skills and return",
        "Joint monitoring committee with terms of reference and published reports",
    ),
    outcomes=(
        "More migrant workers in the corridor move through regular, fair channels",
        "Migrant workers in the corridor have enforceable rights and access to remedy",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of negotiators and officials on the UN Network guidance "
            "(the IOM–ILO–ITC course on bilateral labour migration agreements)",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for workers and employers on the agreement's channels "
            "and rights",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("10.7.1"),
            disaggregation=(SEX, PLACE),
            data_source="Recruitment-cost survey module, for the corridor",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Workers deployed under the agreement",
                definition="Number of workers who took up employment through the channels "
                "set up by the agreement in the year",
                unit="persons",
            ),
            disaggregation=(SEX, AGE),
            data_source="Labour ministry deployment records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(5, 6, 22, 23),
    migration_domains=(3, 6),
    sources=(
        BLMA_GUIDANCE,
        "ILO (2015), Bilateral agreements and memoranda of understanding on migration of low "
        "skilled workers: a review (P. Wickramasekara)",
        ILO_FAIR,
    ),
    dac_sectors=("15190", "16070"),
)


WORKER_INFORMATION = InterventionTemplate(
    id="labour.migrant-resource-centres",
    sector=SECTOR,
    title="Migrant worker resource centres and pre-departure orientation",
    description="Migrant worker resource centres, run with provincial employment services, "
    "trade unions and civil society, give prospective and current migrant workers accurate "
    "information on regular migration and their rights, counselling, pre-departure "
    "orientation, and help with complaints against recruiters and employers; outreach "
    "reaches villages, schools and vocational centres.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="labour.worker-information",
    policy_area="Labour migration services",
    targets=("10.7", "8.8"),
    rationale="Workers who know the regular channels, the real costs and their rights are "
    "harder to deceive. Resource centres of this kind have been run by the ILO with "
    "provincial labour departments, trade unions and civil society in South-East Asia, "
    "giving information and counselling before departure, legal assistance in countries of "
    "destination and help with complaints, and IOM has published practical guidance on "
    "running them. GCM Objective 3 commits states to accurate and timely information at "
    "all stages of migration, which is what these centres provide where prospective "
    "migrants live.",
    beneficiaries=(
        Beneficiary(
            group="Prospective migrant workers and their families",
            description="Including women and young people considering work abroad.",
        ),
        Beneficiary(
            group="Returning migrant workers",
            description="They need help with complaints, unpaid wages and reintegration.",
        ),
    ),
    actors=(
        ActorSlot(
            stage=DESIGN,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment services",
            role=LEAD,
            tasks="Choose locations from migration data; set service standards.",
        ),
        ActorSlot(
            stage=DESIGN,
            slot="migrant-associations",
            description="Migrant workers' associations and civil society organisations",
            role=CONSULTED,
            tasks="Advise on the information migrants need and trust.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="local-governments",
            description="Provincial or district employment services",
            role=LEAD,
            tasks="Host and staff the centres; organise outreach.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="workers-organisations",
            description="Trade unions",
            role=SUPPORT,
            tasks="Provide rights counselling and help with complaints.",
        ),
        ActorSlot(
            stage=IMPLEMENTATION,
            slot="ilo",
            description="ILO or IOM office",
            role=SUPPORT,
            tasks="Training materials, case-management tools, monitoring guidelines.",
        ),
        ActorSlot(
            stage=MONITORING,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment services",
            role=LEAD,
            tasks="Collect service data from the centres and report them.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="labour-ministry",
            description="Ministry responsible for labour and employment services",
            role=LEAD,
            tasks="Evaluate the centres' reach and results, including users' views.",
        ),
        ActorSlot(
            stage=EVALUATION,
            slot="migrant-associations",
            description="Migrant workers' associations and civil society organisations",
            role=CONSULTED,
            tasks="Take part in the evaluation with users of the centres.",
        ),
    ),
    coordination="The centres work to common service standards set by the labour ministry, "
    "refer complaints to the labour inspectorate and the recruiter licensing authority, and "
    "report quarterly.",
    outputs=(
        "Resource centres operating in the main areas of origin",
        "Pre-departure orientation curriculum, by destination and occupation",
        "Complaint referral procedure with the labour inspectorate and licensing authority",
    ),
    outcomes=(
        "Prospective migrants use regular channels and registered recruiters",
        "Migrant workers obtain redress for recruitment and employment abuse",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of centre staff in counselling, case management and referral",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Outreach through radio, job fairs, schools and vocational centres",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="People counselled before departure",
                definition="People who received individual counselling or pre-departure "
                "orientation at a resource centre in the year",
                unit="persons",
            ),
            disaggregation=(SEX, AGE, PLACE),
            data_source="Resource-centre case records",
            frequency=Frequency.QUARTERLY,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Complaints resolved with redress",
                definition="Complaints handled by the centres that ended with redress "
                "(payment, sanction, contract correction), as a percentage of complaints "
                "closed",
                unit="%",
            ),
            disaggregation=(SEX,),
            data_source="Resource-centre case records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(3, 6),
    migration_domains=(1, 6),
    sources=(
        "ILO, Migrant Worker Resource Centres (TRIANGLE projects, Greater Mekong "
        "Subregion and ASEAN), good-practice record and monitoring guidelines",
        "IOM (2015), Running an Effective Migrant Resource Centre: A Handbook for Practitioners",
        "Global Compact for Migration (A/RES/73/195), Objective 3",
    ),
    dac_sectors=("15190",),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    FAIR_RECRUITMENT,
    RECRUITMENT_COSTS,
    LABOUR_MARKET,
    LABOUR_INSPECTION,
    BILATERAL_AGREEMENT,
    WORKER_INFORMATION,
)
