"""Headings, labels and formats of the Word draft, in every language of the catalogues.

Each text is an English message marked for translation; its translations are in the
gettext catalogues (``migsdg/locale``). The vocabulary follows the guide's own terms
(Action Plan Criteria, resource mobilization plan, interim targets) and, in other
languages, the terms of the official SDG and Global Compact for Migration texts in those
languages (ODS/ODD, metas/cibles, PMM).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType

from migsdg.i18n import N_, Translator, languages, translator
from migsdg.model import Choice as _Choice
from migsdg.texts import enum_label

__all__ = ["ENGLISH", "LANGUAGES", "TEXTS", "WORD_LANGUAGE", "Labels", "labels"]

#: The languages a Word draft can be written in: those with a catalogue.
LANGUAGES = languages()

# Texts with {placeholders} are formatted by callers.
_T: dict[str, str] = {
    # cover
    "plan_kind": N_("Migration-SDG Action Plan"),
    "untitled": N_("Untitled plan"),
    "draft_banner": N_("DRAFT — for review; not adopted"),
    "draft_header": N_("DRAFT"),
    "authority": N_("Responsible authority"),
    "level": N_("Level of government"),
    "country": N_("Country"),
    "period": N_("Plan period"),
    "status": N_("Status"),
    "revision": N_("Revision"),
    "revision_date": N_("Revision date"),
    "currency": N_("Currency"),
    "parent_plan": N_("Parent plan"),
    "adoption_date": N_("Adopted"),
    "date_revision": N_("{date} (revision {n})"),
    "summary": N_("Summary"),
    "no_revision": N_("no revision recorded yet"),
    "no_revision_yet": N_("No revision is recorded yet."),
    "period_range": N_("{start} to {end}"),
    # contents
    "contents": N_("Contents"),
    "toc_placeholder": N_(
        "The table of contents is updated when the document is opened; if it is not, "
        "right-click here and choose Update Field."
    ),
    # objectives and targets
    "objectives_heading": N_("Objectives and SDG targets addressed"),
    "col_objectives": N_("Local or national objectives"),
    "col_sdg_targets": N_("SDG targets addressed"),
    "coverage_heading": N_("SDG targets and the interventions addressing them"),
    "col_target": N_("SDG target"),
    "col_interventions": N_("Interventions"),
    "interim_heading": N_("Interim targets"),
    "col_id": N_("ID"),
    "col_indicator": N_("Indicator"),
    "col_value": N_("Value"),
    "col_due": N_("Due"),
    "col_description": N_("Description"),
    # interventions
    "interventions_heading": N_("Interventions"),
    "intervention_heading": N_("Intervention {n}: {title}"),
    "criterion_description": N_("Description and type of intervention"),
    "criterion_rationale": N_("Rationale"),
    "criterion_roles": N_("Roles and tasks of implementing actors"),
    "criterion_timeframe": N_("Timeframe"),
    "criterion_results": N_("Expected outputs and outcomes"),
    "criterion_supporting": N_("Supporting activities"),
    "criterion_resources": N_("Resources required and funding arrangements"),
    "criterion_monitoring": N_("Monitoring and evaluation"),
    "type": N_("Type of intervention"),
    "form": N_("Form"),
    "sector": N_("Sector"),
    "subtype": N_("Sub-type"),
    "policy_area": N_("Policy area"),
    "targets": N_("SDG targets"),
    "objectives": N_("Objectives"),
    "beneficiaries": N_("Beneficiaries"),
    "beneficiary_count": N_("about {n}"),
    "gcm": N_("Global Compact for Migration objectives"),
    "domains": N_("Migration governance domains (SDG indicator 10.7.2)"),
    "links": N_("Related frameworks and interventions"),
    "notes": N_("Notes"),
    "col_stage": N_("Stage"),
    "col_actor": N_("Actor"),
    "col_role": N_("Role"),
    "col_tasks": N_("Tasks"),
    "coordination": N_("Coordination between actors"),
    "start": N_("Start"),
    "end": N_("End"),
    "milestones": N_("Milestones"),
    "col_date": N_("Date"),
    "col_milestone": N_("Milestone"),
    "interim_served": N_("Interim targets served"),
    "no_interim": N_("No interim target has been set for the targets of this intervention."),
    "outputs": N_("Expected outputs"),
    "col_output": N_("Output"),
    "outcomes": N_("Expected outcomes"),
    "col_kind": N_("Kind"),
    "col_cost": N_("Cost ({currency})"),
    "col_builds_capacity": N_("Builds capacity of"),
    "resources": N_("Costed resources"),
    "col_item": N_("Item"),
    "col_year": N_("Year"),
    "col_amount": N_("Amount ({currency})"),
    "funding": N_("Funding arrangements"),
    "col_source": N_("Source"),
    "col_category": N_("Category"),
    "col_status": N_("Status"),
    "col_notes": N_("Notes"),
    "funding_position": N_("Funding position ({currency})"),
    "required": N_("Required (resources and supporting activities)"),
    "col_required": N_("Required"),
    "secured": N_("Secured"),
    "pledged": N_("Pledged"),
    "proposed": N_("Proposed (sought)"),
    "col_proposed": N_("Proposed"),
    "gap": N_("Funding gap"),
    "col_gap": N_("Gap"),
    "col_committed": N_("Secured or pledged"),
    "col_total": N_("Total"),
    "total": N_("Total"),
    "gap_note": N_(
        "The gap is what is neither secured nor pledged; proposed funding is still sought."
    ),
    "no_rate": N_(
        "Totals cannot be computed: amounts in {currency} cannot be added to the plan's "
        "{plan_currency} without an exchange rate (at {where}). Add an exchange rate for "
        "{currency} to the plan, or give these amounts in {plan_currency}."
    ),
    "no_rate_intervention": N_(
        "The funding position cannot be computed: amounts in {currency} cannot be added to "
        "the plan's {plan_currency} without an exchange rate (at {where}). Add an exchange "
        "rate for {currency} to the plan, or give these amounts in {plan_currency}."
    ),
    "col_resources": N_("Resources"),
    "col_baseline": N_("Baseline"),
    "col_interim": N_("Interim targets"),
    "col_final": N_("Final target"),
    "col_data_source": N_("Data source"),
    "col_frequency": N_("Frequency"),
    "col_responsible": N_("Responsible"),
    "col_disaggregation": N_("Disaggregation"),
    "col_intervention": N_("Intervention"),
    # timeline
    "timeline_heading": N_("Timeline"),
    "timeline_note": N_("Shaded cells show when each intervention runs; ◆ marks a milestone."),
    "timeline_empty": N_("No intervention has both a start and an end date yet."),
    "quarter": N_("Q{q} {year}"),
    # annexes
    "annex": N_("Annex {letter}. {title}"),
    "annex_resources": N_("Resource mobilization plan"),
    "annex_resources_intro": N_(
        "All amounts in {currency}. Required resources include supporting activities."
    ),
    "by_intervention": N_("By intervention"),
    "by_category": N_("By category of funding source"),
    "by_source": N_("By funding source and partner"),
    "col_provider": N_("Partner"),
    "uncategorised": N_("No category or unknown source"),
    "needing": N_("Interventions requiring additional resources"),
    "none_needing": N_("Every intervention is fully covered by secured or pledged funding."),
    "spending": N_("Money spent so far"),
    "spending_note": N_(
        "Money the plan records as spent on each intervention that has spending recorded, "
        "beside what the intervention requires and the funding secured or pledged for it."
    ),
    "col_spent": N_("Spent"),
    "annex_monitoring": N_("Monitoring and evaluation framework"),
    "annex_consultations": N_("Consultations and review record"),
    "col_title": N_("Title"),
    "col_participants": N_("Participants"),
    "col_decisions": N_("Decisions"),
    "participants_count": N_("{n} participants"),
    # review and adoption (in the consultations and review record)
    "review_adoption": N_("Review and adoption"),
    "review_workshops": N_("Review workshops"),
    "col_groups": N_("Stakeholder groups taking part"),
    "col_represented": N_("Civil society or migrants represented"),
    "no_review": N_("No review workshop is recorded yet."),
    "status_history": N_("Status history"),
    "adoption": N_("Adoption"),
    "adoption_national": N_(
        "The guide has a national plan reviewed at an interministerial workshop before it is "
        "adopted, ideally with representatives of civil society, academia, international "
        "agencies and others."
    ),
    "adoption_local": N_(
        "The guide has a {level} plan reviewed at multi-stakeholder local workshops before it "
        "is adopted, ideally with representatives of civil society, academia, international "
        "agencies and others."
    ),
    "adoption_no_level": N_(
        "The plan's level of government is not set, so the review it needs before adoption "
        "cannot be determined."
    ),
    "adoption_held": N_("The record shows it: {workshops}."),
    "adoption_missing": N_("The record does not show it yet: no {kind} is recorded."),
    "adoption_after": N_(
        "The record does not show it before adoption: every such workshop recorded is dated "
        "after the adoption on {date}."
    ),
    "undated": N_("undated"),
    "represented": N_(
        "Review workshops with civil society or migrant representation: {n} of {total}."
    ),
    "not_represented": N_(
        "No review recorded representatives of civil society or migrant associations."
    ),
    "adopted_on": N_("The plan was adopted on {date} (revision {n})."),
    "amended_on": N_("Last amended on {date} (revision {n})."),
    "adopted_undated": N_(
        "The plan is recorded as {status}, but no revision records its adoption."
    ),
    "back_in_review": N_("It has since gone back for review (status: {status})."),
    "not_adopted": N_("The plan is not adopted yet (status: {status})."),
    "annex_revisions": N_("Revision history"),
    "col_revision": N_("Revision"),
    "col_author": N_("Author"),
    "col_changes": N_("Summary of changes"),
    "annex_frameworks": N_("Inventory of existing frameworks"),
    "col_name": N_("Name"),
    "col_level": N_("Level"),
    "col_owner": N_("Lead body"),
    "col_coordination": N_("Coordination"),
    # review of existing frameworks
    "annex_review": N_("Review of existing frameworks against the prioritized targets"),
    "review_intro": N_(
        "Each prioritized SDG target is set against the existing institutions, strategies, "
        "legislation, policy frameworks, plans and projects of the inventory and against the "
        "interventions this plan proposes, in the manner of UNDP's Rapid Integrated "
        "Assessment, to find gaps, avoid duplication of effort and identify incoherence "
        "within policy areas (horizontal) or between levels of governance (vertical)."
    ),
    "no_inventory": N_(
        "The plan records no inventory of existing frameworks yet, so the prioritized targets "
        "are set against the planned interventions only: coverage by existing frameworks, and "
        "possible duplication with them, cannot be assessed until the inventory is added."
    ),
    "review_no_targets": N_(
        "The plan prioritizes no SDG target yet (objectives with their targets), so there is "
        "nothing to review the frameworks and interventions against."
    ),
    "review_matrix": N_("Alignment matrix"),
    "col_migration": N_("Relation to migration"),
    "migration_explicit": N_("Explicit"),
    "migration_cross_cutting": N_("Cross-cutting"),
    "migration_not_listed": N_("Not listed"),
    "col_existing": N_("Existing frameworks"),
    "col_planned": N_("Planned interventions"),
    "matrix_note": N_(
        "Relation to migration as the catalogue of migration-related targets records it: "
        "explicit (the target or its indicators refer to migration) or cross-cutting."
    ),
    "matrix_gaps_shaded": N_("Rows shaded orange are gaps."),
    "coverage": N_(
        "Prioritized targets covered: {covered} of {total} ({share}) by an existing framework "
        "or a planned intervention; {frameworks} ({frameworks_share}) by existing frameworks; "
        "{interventions} ({interventions_share}) by planned interventions."
    ),
    "coverage_no_inventory": N_(
        "Prioritized targets covered by a planned intervention: {covered} of {total} ({share})."
    ),
    "gaps": N_("Gaps"),
    "gaps_intro": N_(
        "Prioritized targets that no existing framework and no planned intervention serve: "
        "where new interventions are most needed, or where the inventory is incomplete."
    ),
    "gaps_none": N_(
        "None: every prioritized target is served by an existing framework or a planned "
        "intervention."
    ),
    "duplication": N_("Possible duplication"),
    "duplication_intro": N_(
        "An intervention at the same level of governance and in the same policy area as an "
        "existing framework, sharing SDG targets with it, with no link recorded between them. "
        "Where the intervention deliberately builds on the framework, record the link and "
        "describe how the two work together."
    ),
    "duplication_none": N_("None found."),
    "col_framework": N_("Existing framework"),
    "col_shared_targets": N_("Shared SDG targets"),
    "duplication_full": N_("(all of the intervention's targets)"),
    "horizontal": N_("Horizontal coherence (within policy areas)"),
    "horizontal_intro": N_(
        "One SDG target, at one level, in one policy area, handled by several lead bodies "
        "with no coordination recorded between them. Each line of the lead bodies column is a "
        "group with nothing recorded that links it to the others."
    ),
    "col_uncoordinated": N_("Lead bodies with no coordination recorded"),
    "col_items": N_("Frameworks and interventions"),
    "vertical": N_("Vertical coherence (between levels of governance)"),
    "vertical_intro": N_(
        "Existing frameworks or interventions at two levels of governance serving one SDG "
        "target, with no link recorded between the levels. A lower-level intervention that "
        "implements a higher-level policy says so by linking to it."
    ),
    "col_upper": N_("Higher level"),
    "col_lower": N_("Lower level"),
    "coherence_none": N_("None flagged."),
    "incomplete": N_("Inventory entries the review cannot fully compare"),
    "col_missing": N_("Missing"),
    "unprioritized": N_("For information: explicitly migration-related targets not prioritized"),
    "unprioritized_intro": N_(
        "The catalogue relates these SDG targets explicitly to migration; the plan does not "
        "prioritize them. They are listed for information, for instance for the plan's next "
        "revision."
    ),
    "unprioritized_none": N_("The plan prioritizes every explicitly migration-related target."),
    "annex_findings": N_("Open check findings"),
    "findings_intro": N_("Checked against the action-plan criteria as at {date}: {counts}."),
    "findings_intro_undated": N_("Checked against the action-plan criteria: {counts}."),
    "findings_none": N_("The checks found nothing left open."),
    "findings_plan": N_("The plan as a whole"),
    "findings_general": N_("General"),
    "col_criterion": N_("Criterion"),
    "severity_error": N_("To resolve before adoption"),
    "severity_warning": N_("Should be resolved"),
    "severity_info": N_("For information"),
    "interim_name": N_("{target}: {value} by {due}"),
    "col_code": N_("Code"),
    "col_severity": N_("Severity"),
    "col_location": N_("Where"),
    "col_finding": N_("Finding"),
    "col_hint": N_("How to address it"),
    # the plan as a whole
    "glance_heading": N_("The plan at a glance"),
    "glance_intro": N_(
        "One row per intervention: its type, the SDG targets it addresses, who leads it, "
        "its years, what it costs and what is secured or pledged, in {currency}."
    ),
    "glance_no_rate": N_(
        "Costs are not shown: some amounts are in a currency the plan gives no exchange "
        "rate for (see the resource mobilization plan)."
    ),
    "col_lead": N_("Lead"),
    "col_timeframe": N_("Years"),
    "col_total_cost": N_("Cost"),
    "introduction_heading": N_("Introduction"),
    "context_heading": N_("Context"),
    "prioritization_heading": N_("How the targets were prioritized"),
    "acronyms_heading": N_("Acronyms and abbreviations"),
    "col_abbreviation": N_("Abbreviation"),
    "col_meaning": N_("Meaning"),
    "stakeholders_heading": N_("Stakeholders and their capacity"),
    "stakeholders_intro": N_(
        "The interventions each stakeholder leads or supports (by number), the stages of "
        "the interventions it takes part in, and the assessment of its technical capacity."
    ),
    "col_leads": N_("Leads interventions"),
    "col_supports": N_("Supports or is consulted on"),
    "col_stages": N_("Stages"),
    "col_capacity": N_("Capacity assessment"),
    "capacity_not_assessed": N_("Not assessed"),
    "governance_heading": N_("Governance, coordination and reporting"),
    "coordination_heading": N_("Coordination of the plan"),
    "reporting_heading": N_("Reporting arrangements"),
    "col_reporter": N_("Who reports"),
    "col_recipient": N_("To whom"),
    "col_content": N_("What the report covers"),
    "review_tools_heading": N_("Tools used to review the frameworks"),
    "col_tool": N_("Tool"),
    "col_conducted_by": N_("Conducted by"),
    "col_main_findings": N_("Main findings"),
    "interactions_heading": N_("Synergies and trade-offs"),
    "interactions_none": N_("The review records no synergy or trade-off."),
    "col_between": N_("Between"),
    "col_what": N_("What the review found"),
    "col_response": N_("How the plan responds"),
    "alignment_heading": N_("Alignment with the Global Compact for Migration"),
    "alignment_intro": N_(
        "Which objectives of the Global Compact for Safe, Orderly and Regular Migration, "
        "and which policy domains of SDG indicator 10.7.2, each intervention contributes to. "
        "The numbers in the headings are explained below each table."
    ),
    "alignment_gcm": N_("Objectives of the Global Compact for Migration"),
    "alignment_domains": N_("Policy domains of SDG indicator 10.7.2"),
    "results_heading": N_("Results framework"),
    "results_intro": N_(
        "For each objective of the plan, the interventions serving it, their outputs (•) "
        "and outcomes (→), and the indicators that measure them against their baseline, "
        "interim and final targets."
    ),
    "results_no_objective": N_("Interventions not linked to an objective"),
    "col_results": N_("Outputs and outcomes"),
    "col_achieved": N_("Latest achieved value"),
    "budget_heading": N_("Budget by year"),
    "budget_costs": N_("Costs per intervention and year"),
    "budget_funding": N_("Funding per category of source and year"),
    "budget_thousands": N_("Amounts in thousands of {currency}; totals may differ by rounding."),
    "budget_units": N_("Amounts in {currency}."),
    "budget_note": N_(
        "A cost or a contribution with a year is counted in that year; one without a year, "
        "and the cost of supporting activities, is spread over the intervention's timeframe "
        "in proportion to its days in each year, as the IATI export budgets it. What has "
        "no year and no timeframe is shown as not dated."
    ),
    "col_undated": N_("Not dated"),
    "col_measurement": N_("Data source, frequency, responsible"),
    "approach_heading": N_("How each source will be approached"),
    "col_approach": N_("Approach"),
    "col_when": N_("When"),
    "col_through": N_("Through whom"),
    # markers and page furniture
    "to_complete": N_("[To be completed]"),
    "yes": N_("Yes"),
    "list_sep": N_("; "),
    "colon": N_(": "),
    "no": N_("No"),
    "page": N_("Page {page} of {pages}"),
    "subject": N_("Migration-SDG Action Plan"),
    "keywords": N_("SDG; migration; action plan"),
}


#: The English text of each message key: the message ids of the catalogues.
ENGLISH: Mapping[str, str] = MappingProxyType(_T)


class _Texts(Mapping[str, str]):
    """The texts of one language, by key (translated when read)."""

    def __init__(self, language: str) -> None:
        self._tr = translator(language)

    def __getitem__(self, key: str) -> str:
        return self._tr._(_T[key])

    def __iter__(self) -> Iterator[str]:
        return iter(_T)

    def __len__(self) -> int:
        return len(_T)


TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: _Texts(lang) for lang in LANGUAGES}
)


def _word_tag(language: str) -> str:
    # Word's proofing language: English as at the United Nations (en-GB), otherwise the
    # language's most likely region in CLDR (es-ES, fr-FR, ar-EG…).
    if language == "en":
        return "en-GB"
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(language, language))
    parts = likely.split("_")
    return f"{parts[0]}-{parts[-1]}" if len(parts) > 1 else parts[0]


class _WordTags(Mapping[str, str]):
    def __getitem__(self, language: str) -> str:
        if language not in LANGUAGES:
            raise KeyError(language)
        return _word_tag(language)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


#: Word's language tag for proofing, by export language.
WORD_LANGUAGE: Mapping[str, str] = _WordTags()


class Labels:
    """The texts and formats of one language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.language = language
        self.tr: Translator = translator(language)
        # A draft writes the same amounts, values and dates many times (totals, zero,
        # years); formatting through CLDR patterns is the costly part, so each is done once.
        self._numbers: dict[object, str] = {}
        self._values: dict[object, str] = {}
        self._dates: dict[_dt.date, str] = {}

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return self.tr.rtl

    def __getitem__(self, key: str) -> str:
        return self.tr._(_T[key])

    def format(self, key: str, **values: object) -> str:
        return self.tr._(_T[key], **values)

    def enum(self, member: _Choice) -> str:
        """The label of an enum member in this language."""
        return enum_label(member, self.tr)

    def date(self, day: _dt.date) -> str:
        """A date written out in full ("5 March 2026", "5 de marzo de 2026", "5 mars 2026")."""
        found = self._dates.get(day)
        if found is None:
            found = self._dates[day] = self.tr.date(day)
        return found

    def number(self, value: Decimal | int) -> str:
        """A number with this language's separators; cents only when there are any."""
        # Keyed by the exact Decimal: 1.50 and 1.5 are equal but need not print alike.
        key = (value, str(value)) if isinstance(value, Decimal) else value
        found = self._numbers.get(key)
        if found is None:
            found = self._numbers[key] = self.tr.number(value)
        return found

    def percent(self, part: int, whole: int) -> str:
        """``part`` of ``whole`` as a percentage to one decimal place, without a trailing
        zero ("87.5%", "87,5 %", "100 %"); 0 when ``whole`` is 0."""
        return self.tr.percent(part, whole)

    def value(self, value: Decimal | int) -> str:
        """An indicator value, keeping every decimal it was given."""
        key = (value, str(value)) if isinstance(value, Decimal) else value
        found = self._values.get(key)
        if found is None:
            found = self._values[key] = self.tr.value(value)
        return found


def labels(language: str) -> Labels:
    return Labels(language)
