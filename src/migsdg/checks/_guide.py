"""The guide's sentences the core rules rest on, quoted word for word.

Each rule names the sentence of the guide's implementation step it checks and how
strongly that sentence asks for it (:class:`~migsdg.checks.Modality`); the rules
reference (``docs/checks.md``) prints both. The Action Plan Criteria list, "for each"
intervention, what the plan must include: those elements are requirements even where the
sentence has no "must".
"""

from __future__ import annotations

__all__ = ["CRITERIA"]

# -- the Action Plan Criteria: what the plan includes ------------------------------------------

TABLE = "LOCAL OR NATIONAL OBJECTIVES\tSDG TARGETS ADDRESSED"
DESCRIPTION = (
    "A description of the intervention, type of policy process, legislative change, "
    "programmes or projects."
)
RATIONALE = "The rationale behind this intervention"
ROLES = (
    "Roles and tasks of implementing actors at each stage of the intervention (including "
    "the relationship and coordination between them)"
)
TIMEFRAME = "Timeframe"
RESULTS = "Expected outcomes and outputs"
SUPPORTING = "Any supporting activities, such as training, capacity-building or advocacy"
RESOURCES = "Resources required for the intervention and description of funding arrangements"
MONITORING = (
    "How monitoring and evaluation will take place (This will be informed by indicators "
    "and monitoring and reporting mechanisms as established in Monitoring and Reporting.)"
)

#: The Action Plan Criteria: the objectives table and the elements listed for each
#: intervention ("A list of interventions to address these targets. For each include:").
CRITERIA = (
    TABLE,
    DESCRIPTION,
    RATIONALE,
    ROLES,
    TIMEFRAME,
    RESULTS,
    SUPPORTING,
    RESOURCES,
    MONITORING,
)

# -- what the guide says must, should, can or ideally happen --------------------------------

CHOOSE = (
    "Actors must determine what interventions are most effective and appropriate in the "
    "context of the targets they are prioritizing."
)
INTERIM_MUST = (
    "Where interim targets have been set, timeframes of activities and expected results "
    "must reflect how to achieve them."
)
INTERIM_SHOULD = (
    "Where interim targets have been set, actors should consider how to meet them given "
    "their timeframes."
)
DISCUSSIONS = (
    "Discussions should include the definition of target beneficiaries of interventions, "
    "identification of stakeholders relevant to implementation (including governmental and "
    "non-governmental actors), discussion of resources needed, and possible ways to "
    "increase these if needed."
)
CAPACITY = (
    "There should also be an assessment of existing technical capacity to carry out "
    "interventions; some capacity-building may need to be undertaken."
)
ENGAGE = (
    "Actors should engage with all relevant stakeholders, including as far as possible "
    "civil society organizations and migrants in finalizing the design and implementing "
    "interventions."
)
BUDGET_SUPPORTING = (
    "Care should be taken to budget not only for the immediate intervention, but for any "
    "supporting activities as well."
)
RESOURCE_PLAN = (
    "If not, or in addition to this, a resource mobilization plan can be drafted to show "
    "which proposed interventions require additional resources, and strategies for "
    "approaching development cooperation partners and other funding sources."
)
FUNDING_SOURCES = "Possible funding sources include:"
REVIEW_BEFORE_ADOPTION = "The plan should undergo review before adoption."
REVIEW_WORKSHOPS = (
    "If taking place at the national level, the plan can be discussed at an "
    "interministerial workshop. If taking place at the local level, the plan can be "
    "discussed at multi-stakeholder local workshops."
)
REVIEW_PARTICIPANTS = (
    "Ideally, the review process will include representatives from civil society, "
    "academia, international agencies and others."
)
FINALIZE = (
    "The implementing body should finalize the plan as per any input from all review "
    "processes before adopting the plan."
)
VALIDATE = (
    "Such workshops should aim to validate and approve the plan by discussing interventions "
    "identified, confirming they relate effectively to the SDG targets and the local or "
    "national context, reviewing actions required, timeframes, stakeholder involvement, "
    "budget and other details."
)
FRAMEWORK_REVIEW = (
    "Conducting a review of existing relevant structures and mechanisms may be a useful "
    "exercise to start developing ideas on what interventions would be best."
)
COHERENCE = (
    "This will help to map and review potential synergies and trade-offs between "
    "migration-related interventions, help identify any incoherence, which could be "
    "horizontal (within policy areas) or vertical (between levels of governance), and help "
    "ensure there is no duplication of effort."
)
RIA = (
    "Specifically, it can help actors map out existing relevant migration and development "
    "frameworks, with a view to identifying gaps that new interventions can help address."
)
LIVING = "It is advisable to maintain the plan as a living document."
