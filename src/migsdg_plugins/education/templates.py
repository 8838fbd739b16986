"""Education sub-types and intervention templates.

Content drawn from the UNESCO Global Education Monitoring Report 2019 on migration,
displacement and education, UNHCR's Refugee Education 2030 strategy, the UNESCO Global
Convention on the Recognition of Qualifications concerning Higher Education, the UNESCO
Qualifications Passport for Refugees and Vulnerable Migrants, the Global Skill Partnership
model, the SDG 4 indicator metadata and IOM's guide for practitioners.
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

SECTOR = "education"

LEAD, SUPPORT, CONSULTED = RoleKind.LEAD, RoleKind.SUPPORT, RoleKind.CONSULTED
DESIGN, IMPLEMENTATION = Stage.DESIGN, Stage.IMPLEMENTATION
MONITORING, EVALUATION = Stage.MONITORING, Stage.EVALUATION
SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
MIGRATORY_STATUS = Disaggregation.MIGRATORY_STATUS
NATIONALITY, PLACE = Disaggregation.NATIONALITY, Disaggregation.GEOGRAPHIC_LOCATION

#: The actors these templates call on, by slot. A plan actor with the same id is bound
#: automatically; otherwise ``migsdg add --actor SLOT=ACTOR_ID`` binds it.
SLOTS: dict[str, str] = {
    "education-ministry": "Ministry responsible for education (or for higher education)",
    "local-education-authorities": "Provincial or municipal education authorities",
    "schools": "Schools receiving migrant and displaced learners",
    "education-statistics-unit": "Education management information system (EMIS) unit",
    "teacher-training-institutions": "Teacher education institutions",
    "teachers-organisations": "Teachers' unions and professional associations",
    "recognition-authority": "National recognition and information centre for qualifications",
    "universities": "Universities and other higher-education institutions",
    "tvet-authority": "Technical and vocational education and training authority",
    "training-providers": "Technical and vocational training institutions",
    "scholarship-agency": "Agency that administers scholarships",
    "labour-ministry": "Ministry responsible for labour and labour migration",
    "foreign-affairs-ministry": "Ministry of foreign affairs",
    "migration-authority": "Migration or immigration authority",
    "employers-organisations": "Employers' organisations",
    "migrant-associations": "Migrant, refugee and diaspora associations, parents' groups",
    "unesco": "UNESCO office",
    "unhcr": "UNHCR office",
}


def _slot(stage: Stage, slot: str, role: RoleKind, tasks: str) -> ActorSlot:
    return ActorSlot(stage=stage, slot=slot, description=SLOTS[slot], role=role, tasks=tasks)


def _sdg(code: str) -> IndicatorRef:
    return IndicatorRef(kind=IndicatorKind.SDG, code=code)


GUIDE = "IOM (2018), Migration and the 2030 Agenda: A Guide for Practitioners — implementation step"
GEM_2019 = (
    "UNESCO (2018), Global Education Monitoring Report 2019: Migration, displacement and "
    "education — Building bridges, not walls"
)
REFUGEE_EDUCATION_2030 = "UNHCR (2019), Refugee Education 2030: A Strategy for Refugee Inclusion"
GLOBAL_CONVENTION = (
    "UNESCO Global Convention on the Recognition of Qualifications concerning Higher "
    "Education (adopted November 2019 by the 40th General Conference; in force 5 March 2023)"
)
UQP = "UNESCO Qualifications Passport for Refugees and Vulnerable Migrants"
GSP = (
    "M. Clemens (2014), Global Skill Partnerships: A Proposal for Technical Training in a "
    "Mobile World, Center for Global Development"
)
GCM_18 = "Global Compact for Migration (A/RES/73/195), Objective 18"

SUBTYPES: tuple[InterventionSubtype, ...] = (
    InterventionSubtype(
        id="education.system-inclusion",
        name=N_("Inclusion in the national education system"),
        type=InterventionType.MAINSTREAMING_POLICY,
        sector=SECTOR,
        description="Education sector plans and rules that bring migrant, refugee and "
        "displaced learners into national schools, curricula and examinations.",
    ),
    InterventionSubtype(
        id="education.language-and-teachers",
        name=N_("Language support and teacher preparation"),
        type=InterventionType.CAPACITY_BUILDING,
        sector=SECTOR,
        description="Teachers and schools equipped for multilingual, diverse classrooms.",
    ),
    InterventionSubtype(
        id="education.qualifications-recognition",
        name=N_("Recognition of qualifications"),
        type=InterventionType.NEW_POLICY_OR_LEGISLATION,
        sector=SECTOR,
        description="Law and procedure for fair, transparent recognition of qualifications "
        "obtained abroad.",
    ),
    InterventionSubtype(
        id="education.qualifications-assessment",
        name=N_("Assessment of undocumented qualifications"),
        type=InterventionType.RIGHTS_BASED,
        sector=SECTOR,
        description="Assessment of the qualifications of refugees and vulnerable migrants "
        "who cannot fully document them.",
    ),
    InterventionSubtype(
        id="education.scholarships",
        name=N_("Scholarship programme"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Scholarships for students from developing countries, designed so that "
        "study abroad builds skills for the country of origin.",
    ),
    InterventionSubtype(
        id="education.skills-partnership",
        name=N_("Skills partnership"),
        type=InterventionType.MIGRATION_PROGRAMMING,
        sector=SECTOR,
        description="Training in the country of origin, financed with the country of "
        "destination, for jobs in both.",
    ),
)


INCLUSIVE_SCHOOLING = InterventionTemplate(
    id="education.inclusive-schooling",
    sector=SECTOR,
    title="Include migrant and displaced children in the national education system",
    description="The education sector plan and the rules on enrolment include migrant, "
    "refugee and internally displaced children: enrolment does not depend on residence or "
    "identity documents; placement tests and bridging or catch-up classes bring children "
    "who missed school into the right grade; learners in community or non-formal learning "
    "centres move into the national curriculum and national examinations; school funding "
    "follows the children to the schools that receive them; and education statistics "
    "identify migrant and displaced learners.",
    type=InterventionType.MAINSTREAMING_POLICY,
    form=InterventionForm.POLICY_PROCESS,
    subtype="education.system-inclusion",
    policy_area="Basic and secondary education",
    targets=("4.1", "4.5"),
    rationale="Targets 4.1 and 4.5 promise every child a complete primary and secondary "
    "education and equal access for the vulnerable, and children who migrate or are "
    "displaced are among those most often left out. UNESCO's 2019 Global Education "
    "Monitoring Report, devoted to migration and displacement, found that half of the "
    "world's forcibly displaced people are under 18, that migrant and refugee children of "
    "school age could fill half a million classrooms, and that eight of the ten largest "
    "refugee-hosting countries include refugees in their national education systems; it "
    "argues for inclusion in national systems, an end to segregation and school funding "
    "targeted to where the children are. UNHCR's Refugee Education 2030 strategy likewise "
    "aims to include refugees in national education-sector plans and systems from "
    "pre-school to tertiary level. Inclusion through the regular system is more "
    "sustainable than parallel schooling, and it is the policy-coherence approach the "
    "guide describes: mainstreaming migration into the sector's own plans and rules.",
    beneficiaries=(
        Beneficiary(
            group="Migrant, refugee and internally displaced children and adolescents",
            description="Children and adolescents of pre-primary, primary and secondary school "
            "age, including those "
            "without documents and those who have missed schooling.",
        ),
        Beneficiary(
            group="Receiving schools and their pupils",
            description="They gain resources for larger and more diverse classes.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "education-ministry",
            LEAD,
            "Revise the education sector plan, enrolment rules and school funding formula.",
        ),
        _slot(
            DESIGN,
            "local-education-authorities",
            SUPPORT,
            "Map where migrant and displaced children live and which schools receive them.",
        ),
        _slot(
            DESIGN,
            "migration-authority",
            CONSULTED,
            "Agree that enrolment does not depend on documents or residence status.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Bring families' experience of enrolment and schooling into the design.",
        ),
        _slot(
            DESIGN, "unhcr", SUPPORT, "Share experience of refugee inclusion in national systems."
        ),
        _slot(
            IMPLEMENTATION,
            "local-education-authorities",
            LEAD,
            "Enrol children, run placement tests and bridging classes, allocate places.",
        ),
        _slot(
            IMPLEMENTATION,
            "schools",
            SUPPORT,
            "Receive and support the learners; link with families.",
        ),
        _slot(
            MONITORING,
            "education-statistics-unit",
            LEAD,
            "Add migrant and displaced status to school statistics and report completion "
            "and parity.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Evaluate enrolment, completion and learning against the baseline.",
        ),
    ),
    coordination="A working group of the education ministry, provincial or municipal "
    "education authorities and the migration authority, with UN agencies and parents' "
    "representatives, meets each term during the first two years and yearly after that.",
    outputs=(
        "Enrolment rules that do not require residence or identity documents",
        "Placement tests and bridging or catch-up classes in receiving areas",
        "Pathway from learning centres into the national curriculum and examinations",
        "School statistics that identify migrant, refugee and displaced learners",
    ),
    outcomes=(
        "More migrant and displaced children enrol, stay in school and complete each level (4.1.2)",
        "The gap in completion between migrant and other children narrows (4.5.1)",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of school heads and enrolment staff on the new rules and "
            "on receiving learners who missed school",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information for migrant and displaced families on the right to "
            "enrol and how to do it",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("4.1.2"),
            disaggregation=(MIGRATORY_STATUS, SEX, PLACE),
            data_source="Education management information system; household surveys",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Migrant/non-migrant parity index of completion",
                definition="Completion rate of migrant and displaced learners divided by the "
                "completion rate of other learners, by level (a parity index in the sense "
                "of SDG indicator 4.5.1, whose list of groups is open-ended)",
            ),
            disaggregation=(SEX,),
            data_source="Education management information system",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(15, 16),
    migration_domains=(1, 4),
    sources=(GEM_2019, REFUGEE_EDUCATION_2030, GUIDE),
    dac_sectors=("11110", "11220", "11260"),
)


LANGUAGE_AND_TEACHERS = InterventionTemplate(
    id="education.language-and-teachers",
    sector=SECTOR,
    title="Language support and teacher preparation for diverse classrooms",
    description="Pre-service and in-service teacher education prepares teachers for "
    "multilingual classrooms and for learners who have missed school or lived through "
    "displacement. Schools that receive migrant learners offer classes in the language of "
    "instruction alongside the regular curriculum and, where numbers allow, support in "
    "learners' first languages; staff learn to work with families through interpreters and "
    "mediators.",
    type=InterventionType.CAPACITY_BUILDING,
    form=InterventionForm.PROGRAMME,
    subtype="education.language-and-teachers",
    policy_area="Teachers and curriculum",
    targets=("4.1", "4.5", "4.7"),
    rationale="Enrolment alone does not bring learning: a child who does not speak the "
    "language of instruction, taught by a teacher never prepared for a multilingual class, "
    "is unlikely to reach the minimum proficiency that indicator 4.1.1 measures. The 2019 "
    "Global Education Monitoring Report names teacher preparation for diverse classrooms "
    "and intercultural curricula among its policy themes, and UNHCR's Refugee Education "
    "2030 strategy points to classes in the national language as part of moving refugee "
    "learners into national systems. The guide treats technical capacity-building as an "
    "intervention in its own right, to be carried out at all levels; here it serves "
    "learning outcomes (4.1) and equal access (4.5), and its teacher education for "
    "diverse classes serves target 4.7 (appreciation of cultural diversity, among the "
    "knowledge and skills all learners should acquire), whose indicator 4.7.1 follows how "
    "far such education is mainstreamed in teacher education. Target 4.c, the supply of "
    "qualified teachers through international cooperation in developing countries, fits "
    "only where the plan also trains new teachers.",
    beneficiaries=(
        Beneficiary(
            group="Migrant and displaced learners",
            description="Especially those learning in a second language.",
        ),
        Beneficiary(
            group="Teachers in receiving schools",
            description="They gain skills and support for diverse classes.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "education-ministry",
            LEAD,
            "Set the language-support model and the teacher-education standards.",
        ),
        _slot(
            DESIGN,
            "teacher-training-institutions",
            SUPPORT,
            "Design the teacher-education modules.",
        ),
        _slot(
            DESIGN,
            "teachers-organisations",
            CONSULTED,
            "Advise on workload, support and recognition of the new skills.",
        ),
        _slot(
            IMPLEMENTATION,
            "local-education-authorities",
            LEAD,
            "Organise language classes and in-service training in receiving schools.",
        ),
        _slot(
            IMPLEMENTATION,
            "teacher-training-institutions",
            SUPPORT,
            "Deliver pre-service and in-service modules.",
        ),
        _slot(
            IMPLEMENTATION,
            "schools",
            SUPPORT,
            "Run language classes; work with families and mediators.",
        ),
        _slot(
            MONITORING,
            "local-education-authorities",
            LEAD,
            "Track teachers trained and learners' progress in the language of instruction.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Evaluate learning outcomes of migrant learners against the baseline.",
        ),
    ),
    coordination="The education ministry's curriculum and teacher-education departments "
    "work through a joint task team with teacher-education institutions and the education "
    "authorities of receiving areas; teachers' organisations review the modules.",
    outputs=(
        "Module on teaching multilingual and diverse classes in pre-service and in-service "
        "teacher education",
        "Classes in the language of instruction in receiving schools",
        "Guidance for schools on working with families through interpreters and mediators",
    ),
    outcomes=(
        "More migrant learners reach minimum proficiency in reading and mathematics (4.1.1)",
        "Teachers in receiving schools are prepared to teach diverse classes",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Peer exchange between schools experienced in receiving migrant "
            "learners and schools new to it",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of teacher educators",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("4.1.1"),
            disaggregation=(MIGRATORY_STATUS, SEX),
            data_source="National learning assessments",
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Teachers in receiving schools trained for diverse classes",
                definition="Teachers in schools with migrant or displaced learners who "
                "completed the module, as a percentage of all teachers in those schools",
                unit="%",
            ),
            disaggregation=(SEX, PLACE),
            data_source="Education authorities' training records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
        FundingCategory.MIGRATION_FUND,
    ),
    gcm_objectives=(16,),
    migration_domains=(4,),
    sources=(GEM_2019, REFUGEE_EDUCATION_2030, GUIDE),
    dac_sectors=("11130",),
)


GLOBAL_CONVENTION_TEMPLATE = InterventionTemplate(
    id="education.global-convention",
    sector=SECTOR,
    title="Ratify and implement the UNESCO Global Convention on the Recognition of "
    "Qualifications concerning Higher Education",
    description="The government ratifies the Global Convention (and its region's "
    "recognition convention, where it is not yet a party) and brings national recognition "
    "procedures into line with it: a national information centre on recognition; fair, "
    "transparent, non-discriminatory and timely assessment, with written decisions and a "
    "way to appeal; recognition of partial studies and prior learning; and a procedure for "
    "assessing the qualifications of refugees even when they cannot fully document them.",
    type=InterventionType.NEW_POLICY_OR_LEGISLATION,
    form=InterventionForm.LEGISLATIVE_CHANGE,
    subtype="education.qualifications-recognition",
    policy_area="Higher education and recognition of qualifications",
    targets=("4.4", "10.7"),
    rationale="Migrants, refugees and returnees whose qualifications are not recognised "
    "work below their skills and cannot continue their studies, a loss to them and to the "
    "economy. The Global Convention, adopted by UNESCO's General Conference in November "
    "2019, entered into force on 5 March 2023 as the first legally binding UN treaty on "
    "higher education; it complements the regional recognition conventions and commits "
    "parties to fair, transparent and non-discriminatory recognition, including of partial "
    "studies and prior learning, and to recognising refugees' qualifications even without "
    "full documentary evidence. GCM Objective 18 asks states to facilitate mutual "
    "recognition of skills, qualifications and competences, and the ILO fair-recruitment "
    "principles cite it among the measures that make recruitment efficient and "
    "protective. Recognition serves target 4.4 (relevant skills for employment) and regular, "
    "well-managed mobility under 10.7.",
    beneficiaries=(
        Beneficiary(
            group="Migrants, refugees and returnees with qualifications from abroad",
            description="They seek further study or work at their level.",
        ),
        Beneficiary(
            group="Higher-education institutions and employers",
            description="They gain reliable information on foreign qualifications.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "education-ministry",
            LEAD,
            "Prepare ratification and the amendments to recognition law and procedure.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Handle the treaty procedure and deposit of the instrument.",
        ),
        _slot(
            DESIGN,
            "universities",
            CONSULTED,
            "Advise on admission practice and recognition of partial studies.",
        ),
        _slot(
            DESIGN,
            "migrant-associations",
            CONSULTED,
            "Report the obstacles applicants meet.",
        ),
        _slot(
            IMPLEMENTATION,
            "recognition-authority",
            LEAD,
            "Apply the new procedure, inform applicants, decide within the service standard.",
        ),
        _slot(
            IMPLEMENTATION,
            "universities",
            SUPPORT,
            "Apply the Convention's principles in admissions.",
        ),
        _slot(
            MONITORING,
            "recognition-authority",
            LEAD,
            "Publish application, decision and appeal statistics.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Review the procedure after two years, including applicants' experience.",
        ),
        _slot(EVALUATION, "unesco", SUPPORT, "Share practice among States Parties."),
    ),
    coordination="The education ministry chairs a recognition working group with the "
    "recognition centre, universities, professional regulators and the labour ministry, "
    "so that academic and professional recognition follow the same principles.",
    outputs=(
        "Instrument of ratification deposited",
        "Recognition law and procedures revised to the Convention's principles",
        "Procedure for applicants who cannot fully document their qualifications",
        "Public information, in several languages, on how to apply",
    ),
    outcomes=(
        "Qualifications obtained abroad are recognised fairly and promptly",
        "Migrants, refugees and returnees study and work at the level of their qualifications",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of credential evaluators and admission officers on the "
            "Convention and UNESCO's practical guidance on recognition",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.ADVOCACY,
            description="Briefings for parliament on ratification",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Recognition decisions within the service standard",
                definition="Applications for recognition decided within the national "
                "service standard, as a percentage of decisions in the year",
                unit="%",
            ),
            disaggregation=(MIGRATORY_STATUS,),
            data_source="Recognition centre case records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Applications with incomplete documentation assessed",
                definition="Applications from refugees and others unable to fully document "
                "their qualifications that received an assessment, as a percentage of such "
                "applications",
                unit="%",
            ),
            disaggregation=(SEX, NATIONALITY),
            data_source="Recognition centre case records",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.MIGRATION_FUND),
    gcm_objectives=(18,),
    migration_domains=(3, 4),
    sources=(GLOBAL_CONVENTION, GCM_18, GEM_2019),
    dac_sectors=("11420", "11110"),
)


QUALIFICATIONS_PASSPORT = InterventionTemplate(
    id="education.qualifications-passport",
    sector=SECTOR,
    title="Assess refugees' and vulnerable migrants' qualifications with a qualifications passport",
    description="Trained credential evaluators assess the qualifications of refugees and "
    "vulnerable migrants who cannot fully document them, by reviewing the documents that "
    "exist and holding a structured interview, and issue a standard statement in the manner "
    "of the UNESCO Qualifications Passport: the highest qualification and field, other "
    "qualifications, work experience and language skills, with guidance on next steps "
    "toward work or further study. Universities and employers agree to use the statement "
    "in admission and hiring.",
    type=InterventionType.RIGHTS_BASED,
    form=InterventionForm.PROGRAMME,
    subtype="education.qualifications-assessment",
    policy_area="Recognition of qualifications",
    targets=("4.3", "4.4"),
    rationale="People who flee rarely bring their diplomas, and without them formal "
    "recognition is usually impossible, so their right to education and to work at their "
    "level goes unmet. The UNESCO Qualifications Passport, which builds on the European "
    "Qualifications Passport for Refugees developed with the Council of Europe and "
    "NOKUT, offers a rights-based answer: an assessment based on available documents and a "
    "structured interview by trained evaluators. It is not formal recognition or a licence "
    "to practise, but it gives universities and employers a trustworthy basis for "
    "decisions. It has been piloted in Zambia (from 2019), Iraq (from 2021), Kenya and "
    "Uganda. The Global Convention on recognition asks parties to assess refugees' "
    "qualifications even without full documentary evidence, and GCM Objective 18 covers "
    "the recognition of skills and competences; access to tertiary education (4.3) and "
    "skills for decent work (4.4) follow.",
    beneficiaries=(
        Beneficiary(
            group="Refugees and vulnerable migrants with undocumented qualifications",
            description="They seek admission to further study or work in their field.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "recognition-authority",
            LEAD,
            "Adapt the assessment method and the statement format to national rules.",
        ),
        _slot(
            DESIGN, "unesco", SUPPORT, "Methodology, evaluator training and the standard format."
        ),
        _slot(DESIGN, "unhcr", SUPPORT, "Identify candidates and support outreach."),
        _slot(
            IMPLEMENTATION,
            "recognition-authority",
            LEAD,
            "Run assessments, including remote interviews, and issue statements.",
        ),
        _slot(
            IMPLEMENTATION,
            "migrant-associations",
            SUPPORT,
            "Reach candidates and help them prepare.",
        ),
        _slot(
            IMPLEMENTATION,
            "universities",
            CONSULTED,
            "Agree to use the statement in admission decisions.",
        ),
        _slot(
            IMPLEMENTATION,
            "employers-organisations",
            CONSULTED,
            "Promote the statement among employers.",
        ),
        _slot(
            MONITORING,
            "recognition-authority",
            LEAD,
            "Record statements issued and follow holders' admission and employment.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Evaluate take-up and holders' outcomes; decide on a permanent service.",
        ),
    ),
    coordination="The recognition centre runs the programme with UNESCO and UNHCR under an "
    "agreement that sets roles in outreach, assessment and follow-up; a reference group of "
    "universities and employers reviews how the statements are used.",
    outputs=(
        "Credential evaluators trained in the interview-based method",
        "Qualifications statements issued to refugees and vulnerable migrants",
        "Agreements with universities and employers' organisations to use the statements",
    ),
    outcomes=("Holders are admitted to further study or employed at their level of qualification",),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of credential evaluators in structured interviews",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Information sessions for refugees and for admission officers and "
            "employers",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Qualifications statements issued",
                definition="Qualifications statements issued to refugees and vulnerable "
                "migrants in the year",
                unit="statements",
            ),
            disaggregation=(SEX, AGE, NATIONALITY),
            data_source="Recognition centre records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Holders in study or qualified work within a year",
                definition="Holders of a statement admitted to further study or employed at "
                "their qualification level within twelve months of issue, as a percentage "
                "of holders followed up",
                unit="%",
            ),
            disaggregation=(SEX,),
            data_source="Follow-up survey of holders",
            frequency=Frequency.ANNUAL,
        ),
    ),
    funding_categories=(
        FundingCategory.MIGRATION_FUND,
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.SDG_FUND,
    ),
    gcm_objectives=(16, 18),
    migration_domains=(1, 4),
    sources=(
        UQP,
        "Council of Europe, European Qualifications Passport for Refugees",
        GLOBAL_CONVENTION,
    ),
    dac_sectors=("11420",),
)


SCHOLARSHIPS = InterventionTemplate(
    id="education.scholarships",
    sector=SECTOR,
    title="Scholarship programme that builds skills for countries of origin",
    description="A scholarship programme—funded by the country, or negotiated with the "
    "countries that fund scholarships for its students—for higher education, including "
    "vocational, ICT, technical, engineering and scientific programmes, aimed at least "
    "developed countries, small island developing States and African countries as target "
    "4.b asks. Selection is fair and gender-balanced, and the design turns study abroad "
    "into skills for the country of origin: alumni networks, links with employers at home, "
    "and, where agreed with the scholars, support for return or for working with the home "
    "country from abroad.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="education.scholarships",
    policy_area="Higher education and development cooperation",
    targets=("4.b",),
    rationale="Student mobility is one of the direct links between migration and the SDGs "
    "named by IOM, and target 4.b asks for more scholarships for developing countries, in "
    "particular the least developed countries, small island developing States and African "
    "countries. Its indicator 4.b.1 counts official development assistance for "
    "scholarships, reported by donors to the OECD's Creditor Reporting System (aid types "
    "E01 for scholarships and training in the donor country and E02 for imputed student "
    "costs). How a programme is designed decides whether it builds capacity in countries "
    "of origin or becomes a one-way route out of them; selection, fields of study, alumni "
    "engagement and return support are therefore part of the intervention, not "
    "afterthoughts. The target carried the date 2020, so the plan needs a date and an "
    "interim target of its own.",
    beneficiaries=(
        Beneficiary(
            group="Students from least developed countries, small island developing States "
            "and African countries",
            description="Selected fairly, with gender balance and attention to "
            "disadvantaged students.",
        ),
        Beneficiary(
            group="Institutions and employers in countries of origin",
            description="They gain graduates and alumni networks.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "education-ministry",
            LEAD,
            "Set eligibility, fields of study, selection rules and the alumni and return "
            "components.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Align the programme with development cooperation and partner countries.",
        ),
        _slot(DESIGN, "universities", CONSULTED, "Advise on places, fields and support services."),
        _slot(
            IMPLEMENTATION,
            "scholarship-agency",
            LEAD,
            "Advertise, select, pay and support scholars; run the alumni network.",
        ),
        _slot(
            IMPLEMENTATION,
            "universities",
            SUPPORT,
            "Admit and support scholars.",
        ),
        _slot(
            MONITORING,
            "scholarship-agency",
            LEAD,
            "Report awards and completions, and the ODA flows for 4.b.1.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Commission a tracer study of graduates.",
        ),
    ),
    coordination="The scholarship agency reports to a steering committee of the education "
    "and foreign affairs ministries; partner countries' education ministries take part in "
    "selection and alumni activities.",
    outputs=(
        "Scholarship programme with eligibility, fields of study and selection rules",
        "Scholarships awarded and scholars supported through completion",
        "Alumni network with links to employers in countries of origin",
        "Tracer study of graduates",
    ),
    outcomes=(
        "More students from the target countries complete higher education and training",
        "Graduates use their skills in or for their countries of origin",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.KNOWLEDGE_SHARING,
            description="Alumni events and mentoring linking scholars with employers and "
            "institutions at home",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.AWARENESS_RAISING,
            description="Outreach in partner countries so that disadvantaged students apply",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=_sdg("4.b.1"),
            data_source="OECD Creditor Reporting System (aid types E01 and E02)",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Scholarships awarded",
                definition="New scholarships awarded in the year",
                unit="scholarships",
            ),
            disaggregation=(SEX, NATIONALITY),
            data_source="Scholarship agency records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Graduates working in or with their country of origin",
                definition="Graduates who, two years after completion, work in their country "
                "of origin or with its institutions from abroad, as a percentage of "
                "graduates traced",
                unit="%",
            ),
            disaggregation=(SEX, NATIONALITY),
            data_source="Tracer study",
            frequency=Frequency.BIENNIAL,
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET, FundingCategory.INNOVATIVE_FINANCE),
    gcm_objectives=(5, 18),
    migration_domains=(3, 6),
    sources=(
        "SDG indicator 4.b.1 metadata (custodian: OECD; DAC/CRS aid types E01 and E02)",
        GUIDE,
        GEM_2019,
    ),
    dac_sectors=("11420",),
)


SKILLS_PARTNERSHIP = InterventionTemplate(
    id="education.skills-partnership",
    sector=SECTOR,
    title="Global skill partnership for technical and vocational training",
    description="A partnership in which the country of destination (its government and "
    "employers) finances technical and vocational training in the country of origin, to "
    "standards recognised in both, for occupations in demand in both. Trainees follow one "
    "of two tracks: an 'away' track for those who will migrate regularly to jobs in the "
    "country of destination, and a 'home' track for those who will work in the country of "
    "origin. Training institutions in the country of origin gain equipment, curricula and "
    "trained instructors for all their students.",
    type=InterventionType.MIGRATION_PROGRAMMING,
    form=InterventionForm.PROGRAMME,
    subtype="education.skills-partnership",
    policy_area="Technical and vocational education and training",
    targets=("4.4", "10.7"),
    rationale="When skilled workers are recruited from countries that paid to train them, "
    "the country of origin bears the cost and the country of destination reaps the "
    "benefit. The Global Skill Partnership model, proposed by Michael Clemens at the "
    "Center for Global Development in 2014, shares the cost instead: the country of "
    "destination finances training in the country of origin, and the dual track means that "
    "the origin country's stock of skills grows rather than drains. Pilots have involved "
    "Germany, Australia, Belgium, Kosovo, Pacific island countries and Morocco. GCM "
    "Objective 18(e) calls for global skills partnerships that strengthen training "
    "capacity in all participating countries, and the Global Skills Partnership on "
    "Migration of the ILO, IOM, UNESCO, employers and trade unions supports them. The "
    "intervention serves relevant skills for employment (4.4) and regular pathways (10.7).",
    beneficiaries=(
        Beneficiary(
            group="Young people and adults in the country of origin",
            description="Trainees on both the away and the home track.",
        ),
        Beneficiary(
            group="Training institutions in the country of origin",
            description="Their capacity grows for all students.",
        ),
        Beneficiary(
            group="Employers in both countries",
            description="They gain workers trained to recognised standards.",
        ),
    ),
    actors=(
        _slot(
            DESIGN,
            "tvet-authority",
            LEAD,
            "Choose occupations and standards with the partner country and employers.",
        ),
        _slot(
            DESIGN,
            "labour-ministry",
            SUPPORT,
            "Arrange the regular pathway, fair recruitment and recognition for the away track.",
        ),
        _slot(
            DESIGN,
            "employers-organisations",
            CONSULTED,
            "State skill needs and commit to hiring graduates.",
        ),
        _slot(
            DESIGN,
            "foreign-affairs-ministry",
            SUPPORT,
            "Conclude the partnership with the country of destination.",
        ),
        _slot(
            IMPLEMENTATION,
            "tvet-authority",
            LEAD,
            "Oversee training quality and certification.",
        ),
        _slot(
            IMPLEMENTATION,
            "training-providers",
            SUPPORT,
            "Deliver the training on both tracks.",
        ),
        _slot(
            MONITORING,
            "tvet-authority",
            LEAD,
            "Track enrolment, completion and placement by track.",
        ),
        _slot(
            EVALUATION,
            "education-ministry",
            LEAD,
            "Evaluate outcomes for both tracks and for the institutions.",
        ),
    ),
    coordination="A partnership board of both governments and employers' representatives, "
    "with trade unions, meets twice a year; the training authority reports to it on "
    "quality and placement.",
    outputs=(
        "Partnership agreement setting occupations, numbers, financing and recognition",
        "Courses delivered to recognised standards in origin-country institutions",
        "Away-track graduates placed in jobs abroad without paying recruitment fees; "
        "home-track graduates placed locally",
    ),
    outcomes=(
        "Graduates of both tracks find decent work",
        "Origin-country training institutions offer better training to all students",
    ),
    supporting_activities=(
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Training of instructors to the partner standards",
        ),
        SuggestedActivity(
            kind=SupportingActivityKind.TRAINING,
            description="Language and orientation courses for away-track trainees",
        ),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Trainees completing training, by track",
                definition="Trainees who completed and were certified in the year, on the "
                "away and the home track",
                unit="persons",
            ),
            disaggregation=(SEX, AGE),
            data_source="Training authority records",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=IndicatorRef(
                kind=IndicatorKind.NATIONAL,
                name="Graduates in employment within six months, by track",
                definition="Graduates employed six months after certification, as a "
                "percentage of graduates, on each track",
                unit="%",
            ),
            disaggregation=(SEX, PLACE),
            data_source="Graduate follow-up survey",
            frequency=Frequency.ANNUAL,
        ),
        SuggestedIndicator(
            indicator=_sdg("10.7.1"),
            disaggregation=(SEX,),
            data_source="Follow-up survey of away-track graduates",
        ),
    ),
    funding_categories=(
        FundingCategory.DOMESTIC_BUDGET,
        FundingCategory.MIGRATION_FUND,
        FundingCategory.INNOVATIVE_FINANCE,
    ),
    gcm_objectives=(5, 18),
    migration_domains=(3, 6),
    sources=(
        GSP,
        GCM_18 + "(e)",
        "ILO, IOM, UNESCO, IOE and ITUC, Global Skills Partnership on Migration",
        "World Bank (2025), Global Skill Partnerships for Migration: Preparing Tomorrow's "
        "Workers for Home and Abroad",
    ),
    dac_sectors=("11330", "15190"),
)


TEMPLATES: tuple[InterventionTemplate, ...] = (
    INCLUSIVE_SCHOOLING,
    LANGUAGE_AND_TEACHERS,
    GLOBAL_CONVENTION_TEMPLATE,
    QUALIFICATIONS_PASSPORT,
    SCHOLARSHIPS,
    SKILLS_PARTNERSHIP,
)
