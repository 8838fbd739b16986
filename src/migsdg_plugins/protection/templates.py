"""Trafficking and protection sub-types and intervention templates.

Content drawn from the UN Trafficking in Persons Protocol, the ILO Protocol of 2014 to the
Forced Labour Convention, the Convention on the Rights of the Child and General Comment
No. 6 of its Committee, the Global Compact for Migration, the UN metadata of SDG indicator
16.2.2, and the implementation step of IOM's guide for practitioners. Figures marked
illustrative are for the plan to replace.
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

SECTOR = "protection"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
NATIONALITY = Disaggregation.NATIONALITY

SLOTS = {
    "anti-trafficking-body": "National anti-trafficking coordination body or committee",
    "social-welfare-ministry": "Ministry responsible for social welfare and victim assistance",
    "police": "Police and specialised anti-trafficking units",
    "prosecution": "Public prosecution service",
    "judiciary": "Courts and the judicial training institute",
    "labour-ministry": "Ministry responsible for labour",
    "labour-inspectorate": "Labour inspectorate",
    "employers-organisations": "Most representative employers' organisations",
    "workers-organisations": "Most representative workers' organisations (trade unions)",
    "immigration-authority": "Immigration and border authority",
    "child-protection-authority": "Child protection authority and social services for children",
    "legal-aid-body": "Legal aid body or bar association",
    "civil-society": "Civil society organisations running shelters, hotlines and legal clinics",
    "statistics-office": "National statistical office",
    "iom": "IOM country office",
    "ilo": "ILO country or regional office",
    "unodc": "UNODC country or regional office",
    "unicef": "UNICEF country office",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


GUIDE = (
    "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation "
    "step (rights-based approaches among the six types of intervention)"
)
PALERMO = (
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
    "Children, supplementing the UN Convention against Transnational Organized Crime (GA "
    "resolution 55/25, 15 November 2000; in force 25 December 2003): art. 3 definition; "
    "art. 6 assistance to and protection of victims; art. 7 their status in receiving States"
)
UNTOC_25 = (
    "UN Convention against Transnational Organized Crime, art. 25: procedures for access to "
    "compensation and restitution, and victims' views and concerns presented in criminal "
    "proceedings"
)
P029 = (
    "ILO Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29), adopted 11 June "
    "2014 with the Forced Labour (Supplementary Measures) Recommendation, 2014 (No. 203); "
    "in force 9 November 2016"
)
ALLIANCE87 = (
    "Alliance 8.7, global partnership launched 21 September 2016 to achieve target 8.7: "
    "Pathfinder Countries and Action Groups, one of them on migration"
)
UNODC_1622 = (
    "UN SDG metadata for indicator 16.2.2 (custodian UNODC) and the UNODC Global Report on "
    "Trafficking in Persons, mandated by the UN Global Plan of Action (A/RES/64/293): data "
    "mainly on officially detected victims"
)
GCM_10 = (
    "Global Compact for Migration (A/RES/73/195), Objective 10 (commitment in para. 26): "
    "identification and protection of, and assistance to, migrants who have become victims "
    "of trafficking, with particular attention to women and children"
)
GCM_CHILD = (
    "Global Compact for Migration (A/RES/73/195), para. 15(h), the child-sensitive guiding "
    "principle: the best interests of the child as a primary consideration at all times, "
    "including for unaccompanied and separated children; Objective 13 (para. 29 and "
    "action (a)): detention as a last resort, alternatives and community-based care, "
    "especially for families and children"
)
CRC_GC6 = (
    "UN Committee on the Rights of the Child, General Comment No. 6 (2005), Treatment of "
    "unaccompanied and separated children outside their country of origin (CRC/GC/2005/6)"
)
CTDC = (
    "Counter Trafficking Data Collaborative (IOM with Polaris, launched November 2017) and "
    "the Human Trafficking Case Data Standard"
)


SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="protection.victim-assistance",
        name=N_("Identification, referral and assistance of victims of trafficking"),
        type=InterventionType.RIGHTS_BASED,
        sector=SECTOR,
        description="Procedures and services that identify victims of trafficking, refer "
        "them to assistance and protect them, whatever their nationality or status.",
    ),
    InterventionSubtype(
        id="protection.forced-labour-policy",
        name=N_("Forced labour policy and legislation"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Law, policy and a plan of action that prevent forced labour, protect "
        "its victims and give them access to remedies.",
    ),
    InterventionSubtype(
        id="protection.children-on-the-move",
        name=N_("Protection of children on the move"),
        type=InterventionType.RIGHTS_BASED,
        sector=SECTOR,
        description="Guardianship, care, services and procedures for migrant children, in "
        "particular unaccompanied and separated children.",
    ),
    InterventionSubtype(
        id="protection.access-to-justice",
        name=N_("Access to justice and remedies for migrants"),
        type=InterventionType.RIGHTS_BASED,
        sector=SECTOR,
        description="Legal information, legal aid and compensation that let exploited and "
        "trafficked migrants use the justice system.",
    ),
)


REFERRAL = InterventionTemplate(
    id="protection.national-referral-mechanism",
    sector=SECTOR,
    title="National referral mechanism for victims of trafficking",
    description="A national referral mechanism: agreed indicators and procedures by which "
    "police, labour inspectors, immigration officers, health and social workers and civil "
    "society identify presumed victims of trafficking, refer them to a designated "
    "case-management body and give them safe accommodation, counselling and information on "
    "their rights in a language they understand, whatever their nationality or migratory "
    "status and whether or not they cooperate with a prosecution. The mechanism is set "
    "down in a regulation or a memorandum among the agencies, with a named coordinator.",
    type=InterventionType.RIGHTS_BASED,
    form=InterventionForm.PROGRAMME,
    subtype="protection.victim-assistance",
    policy_area="Counter-trafficking and victim protection",
    targets=("5.2", "8.7", "16.2"),
    rationale="Three SDG targets name trafficking: 5.2 for women and girls, 8.7 with forced "
    "labour and modern slavery, and 16.2 for children. The Trafficking in Persons Protocol "
    "makes protecting and assisting victims, with full respect for their human rights, one "
    "of its purposes: States Parties are to protect victims' privacy and identity, inform "
    "them of court and administrative proceedings, consider measures for their physical, "
    "psychological and social recovery — housing, counselling and information in a "
    "language they understand among them — provide for their physical safety, and "
    "consider letting them remain in the country in appropriate cases. The ILO Forced "
    "Labour Protocol adds the identification, release, protection, recovery and "
    "rehabilitation of victims of forced labour. GCM Objective 10 commits States to better "
    "identification, protection and assistance of migrants who have become victims, with "
    "particular attention to women and children. None of this happens unless the officials "
    "who meet victims know what to look for and whom to call: a referral mechanism turns "
    "these obligations into a procedure, and the guide's rights-based approach puts the "
    "victim's rights, not the prosecution, at its centre.",
    beneficiaries=(
        Beneficiary(
            group="Presumed and identified victims of trafficking",
            description="Women, men and children, nationals and migrants, trafficked into "
            "or out of the country or within it, for any form of exploitation.",
        ),
        Beneficiary(
            group="Frontline officials and service providers",
            description="They gain common indicators, procedures and contacts.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "anti-trafficking-body",
            LEAD,
            "Draft the referral procedures, indicators and roles with every agency that "
            "meets victims; set the legal basis.",
        ),
        _slot(
            DESIGN,
            "civil-society",
            CONSULTED,
            "Bring shelter, hotline and survivor experience into the design.",
        ),
        _slot(
            DESIGN,
            "iom",
            SUPPORT,
            "Technical advice on identification, case management and assistance to migrant "
            "victims, including voluntary return where a victim chooses it.",
        ),
        _slot(
            IMPLEMENTATION,
            "social-welfare-ministry",
            LEAD,
            "Run case management and fund accommodation, counselling and recovery services.",
        ),
        _slot(
            IMPLEMENTATION,
            "police",
            SUPPORT,
            "Identify and refer presumed victims; protect their physical safety.",
        ),
        _slot(
            IMPLEMENTATION,
            "labour-inspectorate",
            SUPPORT,
            "Identify signs of forced labour and trafficking in inspections; refer.",
        ),
        _slot(
            IMPLEMENTATION,
            "immigration-authority",
            SUPPORT,
            "Refer presumed victims among migrants instead of removing them; apply the "
            "rules on their stay.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-society",
            SUPPORT,
            "Provide shelter, hotlines and accompaniment under agreements with the ministry.",
        ),
        _slot(
            MONITORING,
            "anti-trafficking-body",
            LEAD,
            "Keep the case database and report identifications, referrals and assistance.",
        ),
        _slot(
            EVALUATION,
            "anti-trafficking-body",
            LEAD,
            "Commission an independent review of the mechanism that hears survivors.",
        ),
        _slot(
            EVALUATION,
            "unodc",
            SUPPORT,
            "Advise on the review and on reporting to the Global Report on Trafficking in Persons.",
        ),
    ),
    coordination="The national anti-trafficking body convenes the agencies of the "
    "mechanism quarterly to review cases and bottlenecks; each agency names a focal point "
    "reachable at all hours, and civil-society providers sit at the table under their "
    "agreements.",
    outputs=(
        "Regulation or interagency memorandum establishing the referral mechanism",
        "Common identification indicators and referral forms in use by every agency",
        "Case-management body designated and funded",
        "Accommodation, counselling and legal information available to victims in their language",
    ),
    outcomes=(
        "More victims of trafficking, migrants among them, are identified and assisted",
        "Victims are treated as rights-holders and not removed or punished before identification",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of police, labour inspectors, immigration officers and "
            "health and social workers on the identification indicators and referral",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Hotline and information for migrants on where to turn, in their languages",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Case data kept to a common standard, de-identified, for national "
            "reporting and for sharing through CTDC",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("16.2.2"),
            disaggregation=(SEX, AGE, NATIONALITY),
            data_source="Case records of identified victims (national database), with the "
            "form of exploitation recorded; reported to UNODC",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Identified victims receiving assistance",
                definition="Identified presumed victims of trafficking who received "
                "accommodation, counselling or legal information through the referral "
                "mechanism, as a percentage of identified presumed victims",
                unit="%",
            ),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Case-management records",
            frequency=Frequency.SEMIANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Referrals by frontline agencies",
                definition="Presumed victims referred to the mechanism in the year, by the "
                "agency that referred them (police, labour inspection, immigration, "
                "health, social services, civil society)",
                unit="persons",
            ),
            data_source="Referral forms",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(7, 10),
    migration_domains=(1, 3),
    sources=(GUIDE, PALERMO, P029, GCM_10, UNODC_1622, CTDC),
    dac_sectors=("15180", "16010"),
)


FORCED_LABOUR = InterventionTemplate(
    id="protection.forced-labour-protocol",
    sector=SECTOR,
    title="Ratify and implement the ILO Forced Labour Protocol",
    description="The government ratifies the Protocol of 2014 to the Forced Labour "
    "Convention and adopts, with employers' and workers' organisations, a national policy "
    "and plan of action on forced labour: prevention that reaches migrant workers and "
    "protects them from fraudulent and abusive recruitment; identification, release, "
    "protection and recovery of victims; access to remedies, including compensation; and a "
    "legal provision that lets the authorities refrain from prosecuting victims for "
    "unlawful acts they were compelled to commit.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.POLICY_PROCESS,
    subtype="protection.forced-labour-policy",
    policy_area="Forced labour and fundamental rights at work",
    targets=("8.7", "8.8", "10.7"),
    rationale="Target 8.7 calls for immediate and effective measures to eradicate forced "
    "labour and end modern slavery and human trafficking. The ILO adopted the Protocol in "
    "2014, with Recommendation No. 203 as non-binding guidance, to bring the 1930 "
    "Convention up to date with forced labour in the private economy and with the "
    "vulnerability of particular groups such as migrants; it entered into force in 2016. "
    "A State that ratifies it undertakes to have a national policy and plan of action "
    "developed in consultation with employers' and workers' organisations, to prevent "
    "forced labour — including by informing people at risk and protecting them from "
    "fraudulent recruitment — to identify, release, protect and rehabilitate victims, to "
    "give all victims access to remedies including compensation, and to allow authorities "
    "not to prosecute victims for acts they were compelled to commit. For migrant workers, "
    "one of the groups at risk that the Protocol was written to protect, this is also the "
    "protection of labour rights that target 8.8 names and "
    "the well-managed migration policy of 10.7. Alliance 8.7 offers the partnership of "
    "Pathfinder Countries for governments that commit to accelerate action.",
    beneficiaries=(
        Beneficiary(
            group="Workers at risk of forced labour",
            description="Migrant workers above all, in sectors where recruitment debt, "
            "withheld documents or isolation are common.",
        ),
        Beneficiary(
            group="Victims of forced labour",
            description="They gain identification, protection and remedies.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "labour-ministry",
            LEAD,
            "Prepare ratification and draft the national policy and plan of action.",
        ),
        _slot(
            DESIGN,
            "employers-organisations",
            CONSULTED,
            "Take part in drafting the policy, including due diligence in supply chains.",
        ),
        _slot(
            DESIGN,
            "workers-organisations",
            CONSULTED,
            "Take part in drafting the policy and bring migrant workers' cases.",
        ),
        _slot(
            DESIGN,
            "ilo",
            SUPPORT,
            "Technical advice on the Protocol, Recommendation No. 203 and reporting.",
        ),
        _slot(
            IMPLEMENTATION,
            "labour-ministry",
            LEAD,
            "Coordinate the plan of action and report to the ILO supervisory bodies.",
        ),
        _slot(
            IMPLEMENTATION,
            "labour-inspectorate",
            SUPPORT,
            "Target inspections on sectors at risk; identify and refer victims.",
        ),
        _slot(
            IMPLEMENTATION,
            "prosecution",
            SUPPORT,
            "Prosecute forced labour offences; apply the non-prosecution provision to victims.",
        ),
        _slot(
            IMPLEMENTATION,
            "anti-trafficking-body",
            SUPPORT,
            "Link the plan with the referral mechanism for victims of trafficking.",
        ),
        _slot(
            MONITORING,
            "labour-ministry",
            LEAD,
            "Follow the plan's indicators with the tripartite committee.",
        ),
        _slot(
            MONITORING,
            "statistics-office",
            SUPPORT,
            "Add forced labour questions to a labour force or dedicated survey.",
        ),
        _slot(
            EVALUATION,
            "labour-ministry",
            LEAD,
            "Commission a mid-term and a final evaluation of the plan of action.",
        ),
        _slot(
            EVALUATION,
            "workers-organisations",
            CONSULTED,
            "Review the evaluation with employers and government.",
        ),
    ),
    coordination="A tripartite committee on forced labour, chaired by the labour ministry "
    "with employers' and workers' organisations, meets twice a year; the anti-trafficking "
    "body, the prosecution service and civil society take part, and the committee reports "
    "to the plan's steering group.",
    outputs=(
        "Instrument of ratification of the Protocol of 2014 deposited with the ILO",
        "National policy and plan of action on forced labour adopted with the social partners",
        "Legal provision allowing non-prosecution of victims for acts they were compelled "
        "to commit",
        "Inspection programme for sectors at high risk of forced labour",
    ),
    outcomes=(
        "More victims of forced labour, migrant workers among them, are identified and "
        "obtain remedies",
        "Fewer migrant workers are exposed to the practices that lead to forced labour",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of labour inspectors, police and prosecutors on the "
            "indicators of forced labour and on victims' rights",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.ADVOCACY,
            description="Dialogue with parliament and the social partners on ratification",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Exchange with Pathfinder Countries of Alliance 8.7",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.PROXY,
                name="Forced Labour Protocol ratified and plan of action adopted",
                definition="Whether the Protocol of 2014 is ratified and a national policy "
                "and plan of action on forced labour, agreed with employers' and workers' "
                "organisations, is in force (yes/no)",
            ),
            data_source="ILO ratification records; official gazette",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Victims of forced labour who obtained a remedy",
                definition="Identified victims of forced labour who were awarded "
                "compensation or recovered unpaid wages in the year, as a percentage of "
                "victims identified",
                unit="%",
            ),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Labour inspection, court and case-management records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Inspections in sectors at high risk of forced labour",
                definition="Labour inspections carried out in the sectors the plan names as "
                "high-risk, per year",
                unit="inspections",
            ),
            data_source="Labour inspectorate records",
            frequency=Frequency.ANNUAL,
            responsible="labour-inspectorate",
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(6, 10),
    migration_domains=(1, 2),
    sources=(GUIDE, P029, ALLIANCE87, GCM_10),
    dac_sectors=("15160", "15190"),
)


CHILDREN = InterventionTemplate(
    id="protection.unaccompanied-children",
    sector=SECTOR,
    title="Guardianship and care for unaccompanied and separated migrant children",
    description="A national procedure for unaccompanied and separated children who arrive "
    "in or transit the country: identification as a child and initial assessment, prompt "
    "appointment of a guardian or adviser and of a legal representative, care in "
    "family-based or small-group settings rather than detention, access to school and "
    "health care, family tracing, and a best-interests determination before any decision "
    "on return, local integration or resettlement. Child protection services lead; "
    "immigration procedures follow the child's best interests.",
    type=InterventionType.RIGHTS_BASED,
    form=InterventionForm.PROGRAMME,
    subtype="protection.children-on-the-move",
    policy_area="Child protection",
    targets=("16.2", "10.7"),
    rationale="Target 16.2 asks for an end to abuse, exploitation, trafficking and all "
    "forms of violence against children, and unaccompanied and separated children on the "
    "move are among the most exposed to all of them. The Committee on the Rights of the "
    "Child sets out in its General Comment No. 6 how States should treat them: an initial "
    "assessment, the appointment of a guardian or adviser and a legal representative, "
    "suitable care and accommodation, full access to education and health care, "
    "protection from trafficking and exploitation, and the search for a durable solution "
    "guided by the child's best interests, with the child's views heard. The Global "
    "Compact for Migration makes the best interests of the child a primary consideration "
    "at all times, explicitly including unaccompanied and separated children, and under "
    "its Objective 13 States commit to use migration detention only as a last resort and "
    "to expand alternatives, favouring non-custodial measures and community-based care, "
    "especially for families and children. Putting the child's best interests first in "
    "these procedures is the guide's rights-based approach applied to children on the "
    "move.",
    beneficiaries=(
        Beneficiary(
            group="Unaccompanied and separated migrant children",
            description="Girls and boys under 18 outside their country of origin without "
            "their parents or usual caregivers, whatever their status.",
        ),
        Beneficiary(
            group="Families of separated children",
            description="They are traced and, where it serves the child, reunited.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "child-protection-authority",
            LEAD,
            "Draft the procedure, the guardianship rules and the care standards.",
        ),
        _slot(
            DESIGN,
            "immigration-authority",
            CONSULTED,
            "Align border and immigration procedures with the child protection procedure.",
        ),
        _slot(
            DESIGN,
            "unicef",
            SUPPORT,
            "Advise on guardianship, alternative care and best-interests procedures.",
        ),
        _slot(
            IMPLEMENTATION,
            "child-protection-authority",
            LEAD,
            "Appoint guardians, arrange care, determine best interests and follow each case.",
        ),
        _slot(
            IMPLEMENTATION,
            "immigration-authority",
            SUPPORT,
            "Refer every presumed unaccompanied child to child protection on first contact.",
        ),
        _slot(
            IMPLEMENTATION,
            "legal-aid-body",
            SUPPORT,
            "Provide legal representation in immigration and asylum procedures.",
        ),
        _slot(
            IMPLEMENTATION,
            "iom",
            SUPPORT,
            "Support family tracing and, where in the child's best interests, safe return.",
        ),
        _slot(
            MONITORING,
            "child-protection-authority",
            LEAD,
            "Keep case records and report on guardianship, care and outcomes.",
        ),
        _slot(
            EVALUATION,
            "child-protection-authority",
            LEAD,
            "Commission an evaluation that hears the children themselves.",
        ),
    ),
    coordination="A child protection case conference, convened by the child protection "
    "authority, reviews each case with the guardian, the immigration authority and service "
    "providers; a national working group on children on the move meets quarterly.",
    outputs=(
        "Procedure for unaccompanied and separated children adopted, with referral from "
        "first contact",
        "Guardianship system with trained guardians available in arrival and transit areas",
        "Family-based and small-group care places for children on the move",
        "Best-interests determination procedure in use before decisions on the child's future",
    ),
    outcomes=(
        "Unaccompanied and separated children are protected from detention, trafficking "
        "and exploitation",
        "Decisions about each child's future follow a best-interests determination",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of guardians, border officials and social workers in "
            "child-sensitive interviewing and best-interests procedures",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.CAPACITY_BUILDING,
            description="Recruitment and supervision of foster families and small-group homes",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Unaccompanied children with a guardian appointed in time",
                population=Population.MIGRANTS,
                definition="Unaccompanied or separated children who had a guardian or "
                "adviser appointed within the national time limit (for example three "
                "working days — illustrative), as a percentage of those identified",
                unit="%",
            ),
            disaggregation=(SEX, AGE, NATIONALITY),
            data_source="Child protection case records",
            frequency=Frequency.SEMIANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Unaccompanied children in family-based or small-group care",
                population=Population.MIGRANTS,
                definition="Unaccompanied or separated children in family-based or "
                "small-group care, as a percentage of those in the care of the State; "
                "none should be in immigration detention",
                unit="%",
            ),
            disaggregation=(SEX, AGE),
            data_source="Child protection case records",
            frequency=Frequency.SEMIANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("16.2.2"),
            disaggregation=(SEX, AGE, NATIONALITY),
            data_source="Case records of identified victims, children identified separately",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(7, 13),
    migration_domains=(1, 6),
    sources=(GUIDE, CRC_GC6, GCM_CHILD, PALERMO),
    dac_sectors=("15160", "16010"),
)


JUSTICE = InterventionTemplate(
    id="protection.access-to-justice",
    sector=SECTOR,
    title="Access to justice and compensation for trafficked and exploited migrants",
    description="Legal information and free legal aid for migrants who have been "
    "trafficked or exploited, from first contact; interpretation in proceedings; the "
    "possibility of claiming compensation in criminal proceedings or through a State fund; "
    "a residence permit for victims while proceedings run and, in appropriate cases, "
    "beyond; and training of judges and prosecutors in victims' rights. Victims who leave "
    "the country keep access to their case and to any compensation.",
    type=InterventionType.RIGHTS_BASED,
    form=InterventionForm.PROGRAMME,
    subtype="protection.access-to-justice",
    policy_area="Justice and victims' rights",
    targets=("16.3", "8.7", "5.2"),
    rationale="Target 16.3 promises equal access to justice for all, and migrants who have "
    "been trafficked or exploited are among those least able to claim it: they may not "
    "know the language or the law, fear losing their right to stay, or leave before a case "
    "ends. The Trafficking in Persons Protocol requires domestic law to provide victims, "
    "in appropriate cases, with information on relevant court and administrative "
    "proceedings and assistance to present their views in criminal proceedings, and to "
    "offer them the possibility of "
    "obtaining compensation for damage suffered, and that States consider letting them "
    "remain in the country; the parent Convention against Transnational Organized Crime "
    "requires procedures for access to compensation and restitution. The ILO Forced Labour "
    "Protocol requires access to remedies, including compensation, for all victims and "
    "allows the authorities not to prosecute victims for unlawful acts they were "
    "compelled to commit. Without legal aid, interpretation and a secure stay, these "
    "rights stay on paper; with them, victims can testify and recover what they are owed, "
    "which also strengthens the prosecutions that targets 8.7 and 5.2 depend on.",
    beneficiaries=(
        Beneficiary(
            group="Trafficked and exploited migrants",
            description="Women, men and children, in the country or returned to their "
            "country of origin.",
        ),
        Beneficiary(
            group="Prosecutors and courts",
            description="They gain witnesses who are informed, assisted and safe.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "anti-trafficking-body",
            LEAD,
            "Review the law and practice on legal aid, compensation and victims' stay; "
            "draft the amendments.",
        ),
        _slot(
            DESIGN,
            "legal-aid-body",
            CONSULTED,
            "Set out how legal aid can reach victims from first contact.",
        ),
        _slot(
            DESIGN,
            "unodc",
            SUPPORT,
            "Advise on the Protocol's provisions and on compensation schemes.",
        ),
        _slot(
            IMPLEMENTATION,
            "legal-aid-body",
            LEAD,
            "Provide free legal information and representation to victims.",
        ),
        _slot(
            IMPLEMENTATION,
            "prosecution",
            SUPPORT,
            "Inform victims of proceedings and present compensation claims in criminal cases.",
        ),
        _slot(
            IMPLEMENTATION,
            "judiciary",
            SUPPORT,
            "Train judges on victims' rights and compensation orders.",
        ),
        _slot(
            IMPLEMENTATION,
            "immigration-authority",
            SUPPORT,
            "Grant residence permits to victims under the amended rules.",
        ),
        _slot(
            IMPLEMENTATION,
            "civil-society",
            SUPPORT,
            "Accompany victims through proceedings and keep contact after they leave.",
        ),
        _slot(
            MONITORING,
            "anti-trafficking-body",
            LEAD,
            "Follow legal aid, compensation and residence decisions in victims' cases.",
        ),
        _slot(
            EVALUATION,
            "anti-trafficking-body",
            LEAD,
            "Commission an evaluation of victims' access to justice, hearing survivors.",
        ),
    ),
    coordination="A justice working group of the anti-trafficking body, with the "
    "prosecution service, the legal aid body, the judicial training institute, the "
    "immigration authority and civil society, meets quarterly and reviews a sample of "
    "cases.",
    outputs=(
        "Law or regulation giving victims free legal aid, interpretation and a right to "
        "claim compensation",
        "Residence permit for victims during proceedings, with the conditions for longer stay",
        "Judges and prosecutors trained on victims' rights and compensation",
        "State compensation fund or a procedure to enforce compensation orders",
    ),
    outcomes=(
        "More trafficked and exploited migrants obtain compensation or recover unpaid wages",
        "Victims take part in proceedings without fear of removal",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of judges, prosecutors and legal aid lawyers on victims' "
            "rights and compensation",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for migrant workers on their rights and on legal aid, "
            "in their languages",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Victims awarded compensation",
                definition="Victims of trafficking in concluded criminal cases who were "
                "awarded compensation, as a percentage of victims in those cases",
                unit="%",
            ),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Court and prosecution records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Victims given legal aid",
                definition="Identified victims of trafficking who received free legal "
                "information or representation, as a percentage of identified victims",
                unit="%",
            ),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Legal aid and case-management records",
            frequency=Frequency.ANNUAL,
            responsible="legal-aid-body",
        ),
        SuggestedIndicator(
            indicator=_sdg("16.3.1"),
            disaggregation=(SEX, AGE, MIGRATORY_STATUS),
            data_source="Crime victimization survey that records migratory status",
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(7, 10),
    migration_domains=(1,),
    sources=(GUIDE, PALERMO, UNTOC_25, P029, GCM_10),
    dac_sectors=("15130", "15180"),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (REFERRAL, FORCED_LABOUR, CHILDREN, JUSTICE)
