"""The workbook's data sheets and their columns, as data.

This module is the one description of the workbook format: the writer lays sheets out
from it, the reader finds columns by these titles and maps every value back to the
plan's field, and ``docs/excel.md``'s column reference is generated from it.

How the plan's nesting becomes flat sheets:

* The plan's own fields are a form on the **Plan** sheet (one field per row).
* Each collection of the plan is a sheet with one row per item (**Interventions**,
  **Actors**, ...). Collections inside an intervention or a consultation are sheets of
  their own whose first column names the owner by ID (**Roles**, **Resources**, ...),
  in the order of their rows.
* An intervention's indicators are numbered (``No.``) so that **Indicator values**
  (baselines, interim values, final targets) can name the indicator they belong to.
* Lists of codes or IDs (an intervention's SDG targets, the actors a training reaches)
  are written in one cell, separated by commas: ``10.7, 8.8``. An item that itself
  contains a comma, semicolon, line break or double quote, or that begins or ends with a
  space, is written in double quotes, with a double quote inside doubled, as in CSV
  (``"Ministry of Labour, Unit 2", MOL``). When reading, commas, semicolons and line
  breaks all separate items.
* Free text that can run to paragraphs (outcomes, decisions) gets one row per item.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from migsdg import model as m
from migsdg.i18n import N_, NP_, plain

if typing.TYPE_CHECKING:
    from migsdg.i18n import Translator

__all__ = [
    "DATA_SHEETS",
    "FIRST_ROW",
    "FORM_SHEET",
    "HEADER_ROW",
    "KEY_PREFIX",
    "KEY_ROW",
    "LIST_KINDS",
    "SHEETS_BY_NAME",
    "SHEET_NAMES",
    "TEXT_FORMAT_KINDS",
    "Column",
    "Kind",
    "SheetLayout",
    "Slot",
    "choice_label",
    "choice_list_name",
    "field_type",
    "fit_sheet_name",
    "iter_columns",
    "sheet_name",
]


class Kind(enum.Enum):
    """What a column holds; decides number formats, drop-downs and how cells are read."""

    ID = "ID"
    TEXT = "text"
    LONG_TEXT = "long text"
    REF = "ID of a row on another sheet"
    REFS = "list of IDs"
    TARGET = "SDG target code"
    TARGETS = "list of SDG target codes"
    INDICATOR = "SDG indicator code"
    CHOICE = "choice from a list"
    CHOICES = "list of choices"
    DATE = "date"
    MONEY = "amount"
    NUMBER = "number"
    INTEGER = "whole number"
    YEAR = "year"
    NUMBERS = "list of numbers"
    CODE = "code"
    # Key columns: how a row names the row it belongs to.
    PARENT = "ID of the owning row"
    SEQ = "number of the row among its owner's rows"
    SLOT = "kind of value"


#: What begins each cell of a data sheet's hidden key row (row 1): the row that names each
#: column by its stable key, whatever its header says.
KEY_PREFIX = "migsdg:"
#: The rows of a data sheet: the hidden key row, the header people see, the first item.
KEY_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3

#: Kinds whose cell holds several items separated by commas.
LIST_KINDS = frozenset({Kind.REFS, Kind.TARGETS, Kind.CHOICES, Kind.NUMBERS})
#: Kinds whose typed entries must stay text (Excel would turn 17.10 into 17.1).
TEXT_FORMAT_KINDS = frozenset(
    {
        Kind.ID,
        Kind.TEXT,
        Kind.LONG_TEXT,
        Kind.REF,
        Kind.REFS,
        Kind.TARGET,
        Kind.TARGETS,
        Kind.INDICATOR,
        Kind.CHOICE,
        Kind.CHOICES,
        Kind.NUMBERS,
        Kind.CODE,
        Kind.PARENT,
    }
)


class Slot(m.Choice):
    """Which value of an indicator a row of **Indicator values** gives."""

    BASELINE = "baseline"
    INTERIM = "interim"
    TARGET = "target"

    @property
    def label(self) -> str:
        return plain(_SLOT_LABELS[self.value])


_SLOT_LABELS = {
    "baseline": NP_("Slot", "Baseline"),
    "interim": NP_("Slot", "Interim value"),
    "target": NP_("Slot", "Final target"),
}


def choice_label(member: m.Choice, tr: Translator) -> str:
    """The label of a drop-down choice in ``tr``'s language (the model's choices, and the
    kinds of value on Indicator values)."""
    if isinstance(member, Slot):
        return tr._(_SLOT_LABELS[member.value])
    from migsdg.texts import enum_label

    return enum_label(member, tr)


@attrs.frozen(kw_only=True, eq=False)
class Column:
    """One column of a data sheet (or one field of the Plan form).

    Compared by identity: each column is defined once, and readers key dicts by column
    for every cell, so hashing must be cheap.
    """

    title: str  # the header people see; the reader matches it, ignoring case and spacing
    key: str  # attribute path in the row's object ("timeframe.end"); "" for a text item
    kind: Kind
    help: str  # one or two sentences for the header note and the column reference
    width: float = 16
    choices: type[m.Choice] | None = None  # CHOICE and CHOICES
    ref: str | None = None  # sheet whose IDs a REF, REFS or PARENT column names
    stable: str = ""  # the stable key of a column with no ``key`` (see stable_key)

    @property
    def is_list(self) -> bool:
        return self.kind in LIST_KINDS

    @property
    def stable_key(self) -> str:
        """The column's language-independent key, written in the hidden key row of its
        sheet (prefixed with :data:`KEY_PREFIX`): its attribute path, or for the columns
        that link a row to its owner, the name given in the layout."""
        return self.key or self.stable


@attrs.frozen(kw_only=True)
class SheetLayout:
    """A data sheet: which part of the plan its rows hold, and its columns.

    ``path`` walks from the plan: ``("interventions",)`` is one row per intervention;
    ``("interventions", "roles")`` one row per role of each intervention;
    ``("interventions", "timeframe.milestones")`` reaches through the timeframe.
    ``keys`` are the leading columns that name the row's owner (and, for indicators, its
    number); ``item`` is the class of the rows' objects, or ``str`` for one text per row.
    """

    name: str
    row: str  # "one row per ..." (instructions and docs)
    about: str  # what the sheet is for, for the instructions and docs
    path: tuple[str, ...]
    item: type
    columns: tuple[Column, ...]
    keys: tuple[Column, ...] = ()
    measures: bool = False  # rows are an indicator's baseline, interim and target values

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return (*self.keys, *self.columns)

    @property
    def id_column(self) -> Column | None:
        """The column holding the rows' own IDs, if other sheets refer to them."""
        for c in self.columns:
            if c.kind is Kind.ID:
                return c
        return None


# -- helpers for the layouts --------------------------------------------------------------


def _parent(sheet: str, title: str, stable: str, help: str) -> Column:
    return Column(
        title=title,
        key="",
        kind=Kind.PARENT,
        ref=sheet,
        stable=stable,
        width=16,
        help=help,
    )


_IV = _parent(
    "Interventions",
    N_("Intervention ID"),
    "intervention_id",
    N_("The ID of the intervention this row belongs to, as on the Interventions sheet."),
)
_CONS = _parent(
    "Consultations",
    N_("Consultation ID"),
    "consultation_id",
    N_("The ID of the consultation or review this row belongs to, as on the Consultations sheet."),
)


def _id(help: str) -> Column:
    return Column(title=N_("ID"), key="id", kind=Kind.ID, width=14, help=help)


def _targets(help: str, title: str = N_("SDG targets")) -> Column:
    return Column(title=title, key="targets", kind=Kind.TARGETS, width=18, help=help)


# -- the Plan form --------------------------------------------------------------------------

FORM_SHEET = SheetLayout(
    name="Plan",
    row=N_("one row per field of the plan"),
    about=N_("The plan as a whole: its title, owner, period, status and currency."),
    path=(),
    item=m.ActionPlan,
    columns=(
        Column(
            title=N_("Plan ID"),
            key="id",
            kind=Kind.ID,
            help=N_("A short code for the plan, e.g. JAM-MSDG-2025."),
        ),
        Column(title=N_("Title"), key="title", kind=Kind.TEXT, help=N_("The plan's title.")),
        Column(
            title=N_("Governance level"),
            key="level",
            kind=Kind.CHOICE,
            choices=m.GovernanceLevel,
            help=N_("National, subnational (provincial, regional, state) or local."),
        ),
        Column(
            title=N_("Country"),
            key="country",
            kind=Kind.CODE,
            help=N_("ISO 3166-1 alpha-3 country code, e.g. JAM or ECU."),
        ),
        Column(
            title=N_("Authority"),
            key="authority",
            kind=Kind.TEXT,
            help=N_("The body that owns the plan, e.g. the planning ministry."),
        ),
        Column(
            title=N_("Authority actor ID"),
            key="authority_actor",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The authority's ID on the Actors sheet, where it is listed there."),
        ),
        Column(
            title=N_("Period start"),
            key="period.start",
            kind=Kind.DATE,
            help=N_("First day of the plan's period."),
        ),
        Column(
            title=N_("Period end"),
            key="period.end",
            kind=Kind.DATE,
            help=N_("Last day of the period."),
        ),
        Column(
            title=N_("Language"),
            key="language",
            kind=Kind.CODE,
            help=N_("Language of the plan's text, as a two-letter code (en, es, fr, ar)."),
        ),
        Column(
            title=N_("Status"),
            key="status",
            kind=Kind.CHOICE,
            choices=m.PlanStatus,
            help=N_("Where the plan stands in review and adoption."),
        ),
        Column(
            title=N_("Parent plan ID"),
            key="parent",
            kind=Kind.TEXT,
            help=N_("The ID of the national or sector plan this plan sits under, if any."),
        ),
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            help=N_("ISO 4217 code of the currency amounts are given in (e.g. USD, JMD)."),
        ),
        Column(
            title=N_("IATI organisation identifier"),
            key="iati_org_ref",
            kind=Kind.TEXT,
            help=N_("The owner's IATI reporting-organisation identifier, if it publishes to IATI."),
        ),
        Column(
            title=N_("Published at"),
            key="url",
            kind=Kind.TEXT,
            help=N_("The web address where the plan is published, once it is."),
        ),
        *(
            Column(title=title, key=f"contact.{key}", kind=Kind.TEXT, help=text)
            for title, key, text in (
                (
                    N_("Contact department"),
                    "department",
                    N_("The unit that answers questions on it."),
                ),
                (N_("Contact person"), "person", N_("A named contact person.")),
                (N_("Contact job title"), "job_title", N_("That person's position.")),
                (N_("Contact telephone"), "telephone", N_("A telephone number.")),
                (N_("Contact e-mail"), "email", N_("An e-mail address.")),
                (N_("Contact website"), "website", N_("A web address.")),
                (N_("Contact address"), "address", N_("A postal address.")),
            )
        ),
        Column(
            title=N_("Summary"),
            key="summary",
            kind=Kind.LONG_TEXT,
            width=80,
            help=N_("A short summary of the plan."),
        ),
        Column(
            title=N_("Context"),
            key="context",
            kind=Kind.LONG_TEXT,
            width=80,
            help=N_("The local or national migration and development context of the plan."),
        ),
        Column(
            title=N_("How targets were prioritised"),
            key="prioritization_method",
            kind=Kind.LONG_TEXT,
            width=80,
            help=N_(
                "The method and criteria by which the SDG targets were prioritised, and who "
                "took part."
            ),
        ),
        Column(
            title=N_("Coordination mechanism"),
            key="coordination",
            kind=Kind.LONG_TEXT,
            width=80,
            help=N_(
                "The plan's own coordination mechanism (a steering committee, a technical "
                "working group) and how it works."
            ),
        ),
    ),
)

# -- the data sheets ----------------------------------------------------------------------

_ACTORS = SheetLayout(
    name="Actors",
    row=N_("one row per stakeholder"),
    about=N_(
        "Ministries, units, local governments, civil society, migrant and diaspora "
        "associations, academia, international organizations, the private sector and "
        "development partners, with an assessment of their technical capacity."
    ),
    path=("actors",),
    item=m.Actor,
    columns=(
        _id(
            N_(
                "A short, unique code for the actor (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(
            title=N_("Name"), key="name", kind=Kind.TEXT, width=36, help=N_("The actor's name.")
        ),
        Column(
            title=N_("Kind"),
            key="kind",
            kind=Kind.CHOICE,
            choices=m.ActorKind,
            width=28,
            help=N_("The kind of stakeholder."),
        ),
        Column(
            title=N_("Part of (actor ID)"),
            key="parent",
            kind=Kind.REF,
            ref="Actors",
            help=N_("For a unit or department: the ID of the actor it belongs to."),
        ),
        Column(title=N_("Contact"), key="contact", kind=Kind.TEXT, width=28, help=N_("A contact.")),
        Column(
            title=N_("Capacity"),
            key="capacity.level",
            kind=Kind.CHOICE,
            choices=m.CapacityLevel,
            help=N_(
                "The assessed technical capacity to carry out its tasks: adequate, partial "
                "or lacking. Leave blank if not assessed."
            ),
        ),
        Column(
            title=N_("Capacity assessed on"),
            key="capacity.assessed_on",
            kind=Kind.DATE,
            help=N_("When the capacity was assessed."),
        ),
        Column(
            title=N_("Capacity notes"),
            key="capacity.notes",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("What the assessment found; what capacity-building is needed."),
        ),
        Column(
            title=N_("Organisation identifier"),
            key="org_id",
            kind=Kind.TEXT,
            help=N_("Its identifier in org-id.guide form (e.g. XM-DAC-47066), where known."),
        ),
        Column(
            title=N_("IATI organisation type"),
            key="org_type",
            kind=Kind.CODE,
            help=N_(
                "Its IATI OrganisationType code (e.g. 21 international NGO), where its "
                "kind does not tell it."
            ),
        ),
    ),
)

_SOURCES = SheetLayout(
    name="Funding sources",
    row=N_("one row per source of funds"),
    about=N_(
        "Where money for the interventions can come from, in the guide's four "
        "categories: existing local and national strategies and sources of funding, other "
        "SDG-related funds, migration-specific funds from development cooperation partners "
        "and multilaterals, and innovative migration-related sources of finance."
    ),
    path=("funding_sources",),
    item=m.FundingSource,
    columns=(
        _id(
            N_(
                "A short, unique code for the funding source (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(
            title=N_("Name"), key="name", kind=Kind.TEXT, width=36, help=N_("The source's name.")
        ),
        Column(
            title=N_("Category"),
            key="category",
            kind=Kind.CHOICE,
            choices=m.FundingCategory,
            width=40,
            help=N_("Which of the guide's four kinds of funding source it is."),
        ),
        Column(
            title=N_("Provider (actor ID)"),
            key="provider",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The funding partner's ID on the Actors sheet, where it is one."),
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("Conditions, cycles, contacts."),
        ),
        Column(
            title=N_("Organisation identifier"),
            key="org_id",
            kind=Kind.TEXT,
            help=N_(
                "The provider's identifier in org-id.guide form, where the provider is not "
                "an actor or has none."
            ),
        ),
        Column(
            title=N_("IATI organisation type"),
            key="org_type",
            kind=Kind.CODE,
            help=N_("The provider's IATI OrganisationType code."),
        ),
        *(
            Column(title=title, key=key, kind=Kind.CODE, help=text)
            for title, key, text in (
                (
                    N_("IATI aid type"),
                    "aid_type",
                    N_("AidType code (e.g. C01); blank: from the category."),
                ),
                (
                    N_("IATI finance type"),
                    "finance_type",
                    N_("FinanceType code (e.g. 110 standard grant)."),
                ),
                (N_("IATI flow type"), "flow_type", N_("FlowType code (e.g. 10 ODA).")),
                (N_("IATI tied status"), "tied_status", N_("TiedStatus code (e.g. 5 untied).")),
                (
                    N_("IATI collaboration type"),
                    "collaboration_type",
                    N_("CollaborationType code."),
                ),
            )
        ),
        Column(
            title=N_("Approach"),
            key="mobilization.how",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_(
                "How the government will approach it: a bilateral meeting, a group "
                "consultation, a proposal to a call, a budget submission."
            ),
        ),
        Column(
            title=N_("Approach date"),
            key="mobilization.when",
            kind=Kind.DATE,
            help=N_("When the approach is to be made (or was made)."),
        ),
        Column(
            title=N_("Approached through (actor IDs)"),
            key="mobilization.through",
            kind=Kind.REFS,
            ref="Actors",
            width=24,
            help=N_(
                "Whom the approach goes through (the government's focal points, an "
                "intermediary), separated by commas."
            ),
        ),
    ),
)

_OBJECTIVES = SheetLayout(
    name="Objectives",
    row=N_("one row per local or national objective"),
    about=N_("The plan's objectives and the prioritized SDG targets each addresses."),
    path=("objectives",),
    item=m.Objective,
    columns=(
        _id(
            N_(
                "A short, unique code for the objective (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(title=N_("Title"), key="title", kind=Kind.TEXT, width=36, help=N_("The objective.")),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=48,
            help=N_("What the objective means in this context."),
        ),
        _targets(N_("The SDG targets the objective addresses, e.g. 10.7, 8.8 (see SDG targets).")),
    ),
)

_INTERIM = SheetLayout(
    name="Interim targets",
    row=N_("one row per interim target"),
    about=N_("Values to reach by a date on the way to an SDG target."),
    path=("interim_targets",),
    item=m.InterimTarget,
    columns=(
        _id(
            N_(
                "A short, unique code for the interim target (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(
            title=N_("SDG target"),
            key="target",
            kind=Kind.TARGET,
            width=12,
            help=N_("The SDG target it leads to, e.g. 10.7."),
        ),
        Column(
            title=N_("SDG indicator"),
            key="indicator",
            kind=Kind.INDICATOR,
            width=12,
            help=N_("The SDG indicator it is measured by, e.g. 10.7.2 (optional)."),
        ),
        Column(title=N_("Value"), key="value", kind=Kind.NUMBER, help=N_("The value to reach.")),
        Column(title=N_("Unit"), key="unit", kind=Kind.TEXT, help=N_("The unit of the value.")),
        Column(
            title=N_("Due date"), key="due", kind=Kind.DATE, help=N_("When it is to be reached.")
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("What the interim target means."),
        ),
    ),
)

_INTERVENTIONS = SheetLayout(
    name="Interventions",
    row=N_("one row per intervention"),
    about=N_(
        "The interventions of the plan, with the guide's action-plan criteria: "
        "description and type, rationale, coordination and timeframe. Roles, outputs, "
        "supporting activities, resources, funding and indicators are on their own sheets."
    ),
    path=("interventions",),
    item=m.Intervention,
    columns=(
        _id(
            N_(
                "A short, unique code for the intervention (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(title=N_("Title"), key="title", kind=Kind.TEXT, width=36, help=N_("A short title.")),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What the intervention is and what it changes."),
        ),
        Column(
            title=N_("Type"),
            key="type",
            kind=Kind.CHOICE,
            choices=m.InterventionType,
            width=40,
            help=N_("Which of the guide's six types of intervention it is."),
        ),
        Column(
            title=N_("Form"),
            key="form",
            kind=Kind.CHOICE,
            choices=m.InterventionForm,
            width=18,
            help=N_("Policy process, legislative change, programme or project."),
        ),
        Column(
            title=N_("Sub-type"),
            key="subtype",
            kind=Kind.TEXT,
            help=N_("A sector sub-type from a sector plugin, if one applies."),
        ),
        Column(
            title=N_("Sector"), key="sector", kind=Kind.TEXT, help=N_("The sector, e.g. health.")
        ),
        Column(
            title=N_("Policy area"),
            key="policy_area",
            kind=Kind.TEXT,
            help=N_("The policy area, e.g. labour migration."),
        ),
        Column(
            title=N_("Rationale"),
            key="rationale",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("Why this intervention: the evidence and the gap it fills."),
        ),
        _targets(N_("The SDG targets it contributes to, e.g. 10.7, 8.8 (see SDG targets).")),
        Column(
            title=N_("Objectives"),
            key="objectives",
            kind=Kind.REFS,
            ref="Objectives",
            width=14,
            help=N_("IDs of the plan's objectives it serves, separated by commas."),
        ),
        Column(
            title=N_("Coordination"),
            key="coordination",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("How the implementing actors relate to and coordinate with each other."),
        ),
        Column(
            title=N_("Start date"),
            key="timeframe.start",
            kind=Kind.DATE,
            help=N_("When it starts."),
        ),
        Column(title=N_("End date"), key="timeframe.end", kind=Kind.DATE, help=N_("When it ends.")),
        Column(
            title=N_("GCM objectives"),
            key="gcm_objectives",
            kind=Kind.NUMBERS,
            width=12,
            help=N_(
                "Numbers (1 to 23) of the Global Compact for Migration objectives it "
                "serves, separated by commas (see Other codes)."
            ),
        ),
        Column(
            title=N_("10.7.2 domains"),
            key="migration_domains",
            kind=Kind.NUMBERS,
            width=12,
            help=N_(
                "Numbers (1 to 6) of the policy domains of SDG indicator 10.7.2 it "
                "concerns, separated by commas (see Other codes)."
            ),
        ),
        Column(
            title=N_("Links"),
            key="links",
            kind=Kind.REFS,
            width=14,
            help=N_("IDs of related interventions or existing frameworks, separated by commas."),
        ),
        Column(
            title=N_("Template"),
            key="template",
            kind=Kind.TEXT,
            help=N_("The intervention template it was made from, if any."),
        ),
        Column(
            title=N_("Notes"), key="notes", kind=Kind.LONG_TEXT, width=40, help=N_("Anything else.")
        ),
        Column(
            title=N_("DAC purpose codes"),
            key="dac_sectors",
            kind=Kind.REFS,
            width=14,
            help=N_(
                "OECD DAC 5-digit purpose codes (e.g. 15190), separated by commas; blank: "
                "derived from the type, template and sector."
            ),
        ),
    ),
)

_BENEFICIARIES = SheetLayout(
    name="Beneficiaries",
    row=N_("one row per target group of an intervention"),
    about=N_("Who each intervention is for."),
    path=("interventions", "beneficiaries"),
    item=m.Beneficiary,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Group"),
            key="group",
            kind=Kind.TEXT,
            width=30,
            help=N_("The group, e.g. returning migrant workers."),
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("Who exactly, and how they benefit."),
        ),
        Column(
            title=N_("Estimated number"),
            key="estimated_number",
            kind=Kind.INTEGER,
            help=N_("How many people, as an estimate."),
        ),
    ),
)

_ROLES = SheetLayout(
    name="Roles",
    row=N_("one row per role of an actor at a stage of an intervention"),
    about=N_(
        "Roles and tasks of the implementing actors at each stage: design, "
        "implementation, monitoring and evaluation."
    ),
    path=("interventions", "roles"),
    item=m.Role,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Stage"),
            key="stage",
            kind=Kind.CHOICE,
            choices=m.Stage,
            width=16,
            help=N_("Design, implementation, monitoring or evaluation."),
        ),
        Column(
            title=N_("Actor ID"),
            key="actor",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The actor's ID on the Actors sheet."),
        ),
        Column(
            title=N_("Role"),
            key="role",
            kind=Kind.CHOICE,
            choices=m.RoleKind,
            width=12,
            help=N_("Lead, support or consulted."),
        ),
        Column(
            title=N_("Tasks"),
            key="tasks",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What the actor does at this stage."),
        ),
    ),
)

_MILESTONES = SheetLayout(
    name="Milestones",
    row=N_("one row per milestone of an intervention"),
    about=N_("Dated milestones within each intervention's timeframe."),
    path=("interventions", "timeframe.milestones"),
    item=m.Milestone,
    keys=(_IV,),
    columns=(
        Column(title=N_("Date"), key="date", kind=Kind.DATE, help=N_("When.")),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What is reached by then."),
        ),
        Column(
            title=N_("Reached on"),
            key="reached_on",
            kind=Kind.DATE,
            help=N_("When it was reached, as the plan is implemented; blank until then."),
        ),
    ),
)

_OUTPUTS = SheetLayout(
    name="Outputs",
    row=N_("one row per expected output of an intervention"),
    about=N_("Expected outputs, when they are due and the interim targets they deliver."),
    path=("interventions", "outputs"),
    item=m.Output,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Output"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("The expected output."),
        ),
        Column(title=N_("Due date"), key="due", kind=Kind.DATE, help=N_("When it is due.")),
        Column(
            title=N_("Interim targets"),
            key="interim_targets",
            kind=Kind.REFS,
            ref="Interim targets",
            width=16,
            help=N_("IDs of the interim targets it delivers, separated by commas."),
        ),
    ),
)

_OUTCOMES = SheetLayout(
    name="Outcomes",
    row=N_("one row per expected outcome of an intervention"),
    about=N_("Expected outcomes, the changes the outputs are meant to bring about."),
    path=("interventions", "outcomes"),
    item=str,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Outcome"),
            key="",
            stable="outcome",
            kind=Kind.LONG_TEXT,
            width=70,
            help=N_("One expected outcome."),
        ),
    ),
)

_ACTIVITIES = SheetLayout(
    name="Supporting activities",
    row=N_("one row per supporting activity of an intervention"),
    about=N_(
        "Training, capacity-building, advocacy and the like, with their cost: the guide "
        "asks to budget for supporting activities, not only the intervention itself."
    ),
    path=("interventions", "supporting_activities"),
    item=m.SupportingActivity,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Kind"),
            key="kind",
            kind=Kind.CHOICE,
            choices=m.SupportingActivityKind,
            width=20,
            help=N_("Training, capacity-building, advocacy, knowledge sharing, ..."),
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=44,
            help=N_("What the activity is."),
        ),
        Column(
            title=N_("Cost"),
            key="cost",
            kind=Kind.MONEY,
            help=N_("Its cost (in the plan's currency unless a currency is given)."),
        ),
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            width=10,
            help=N_("ISO 4217 code, if not the plan's currency."),
        ),
        Column(
            title=N_("Actor ID"),
            key="actor",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The actor that carries it out."),
        ),
        Column(
            title=N_("Beneficiary actors"),
            key="beneficiary_actors",
            kind=Kind.REFS,
            ref="Actors",
            width=18,
            help=N_("IDs of the actors whose capacity it builds, separated by commas."),
        ),
    ),
)

_RESOURCES = SheetLayout(
    name="Resources",
    row=N_("one row per costed line of an intervention"),
    about=N_("The resources each intervention requires, line by line."),
    path=("interventions", "resources"),
    item=m.CostLine,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.TEXT,
            width=44,
            help=N_("What the money is for."),
        ),
        Column(
            title=N_("Amount"),
            key="amount",
            kind=Kind.MONEY,
            help=N_("The amount (in the plan's currency unless a currency is given)."),
        ),
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            width=10,
            help=N_("ISO 4217 code, if not the plan's currency."),
        ),
        Column(title=N_("Year"), key="year", kind=Kind.YEAR, width=8, help=N_("The budget year.")),
    ),
)

_FUNDING = SheetLayout(
    name="Funding",
    row=N_("one row per funding arrangement of an intervention"),
    about=N_(
        "Money from a funding source towards an intervention, and whether it is "
        "secured, pledged or only proposed."
    ),
    path=("interventions", "funding"),
    item=m.FundingArrangement,
    keys=(_IV,),
    columns=(
        Column(
            title=N_("Source ID"),
            key="source",
            kind=Kind.REF,
            ref="Funding sources",
            help=N_("The source's ID on the Funding sources sheet."),
        ),
        Column(
            title=N_("Amount"),
            key="amount",
            kind=Kind.MONEY,
            help=N_("The amount (in the plan's currency unless a currency is given)."),
        ),
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            width=10,
            help=N_("ISO 4217 code, if not the plan's currency."),
        ),
        Column(
            title=N_("Status"),
            key="status",
            kind=Kind.CHOICE,
            choices=m.FundingStatus,
            width=12,
            help=N_("Secured, pledged or proposed."),
        ),
        Column(title=N_("Year"), key="year", kind=Kind.YEAR, width=8, help=N_("The budget year.")),
        Column(
            title=N_("Notes"),
            key="notes",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("Conditions, the partner's interest, next steps."),
        ),
    ),
)

_INDICATORS = SheetLayout(
    name="Indicators",
    row=N_("one row per indicator monitored for an intervention"),
    about=N_(
        "How each intervention is monitored and evaluated: the indicator (a global SDG "
        "indicator, a national one or a proxy), its disaggregation, data source, frequency "
        "and who is responsible. Baselines and targets are on Indicator values."
    ),
    path=("interventions", "monitoring"),
    item=m.MonitoringEntry,
    keys=(
        _IV,
        Column(
            title=N_("No."),
            key="",
            stable="indicator_no",
            kind=Kind.SEQ,
            width=6,
            help=N_(
                "The indicator's number within its intervention (1, 2, ...); Indicator "
                "values use it."
            ),
        ),
    ),
    columns=(
        Column(
            title=N_("Indicator kind"),
            key="indicator.kind",
            kind=Kind.CHOICE,
            choices=m.IndicatorKind,
            width=12,
            help=N_("SDG (a global indicator), national, or proxy."),
        ),
        Column(
            title=N_("Code"),
            key="indicator.code",
            kind=Kind.INDICATOR,
            width=12,
            help=N_(
                "For an SDG indicator its code, e.g. 10.7.2; for a national one its own "
                "code, if any."
            ),
        ),
        Column(
            title=N_("Name"),
            key="indicator.name",
            kind=Kind.TEXT,
            width=36,
            help=N_("The indicator's name (for national and proxy indicators)."),
        ),
        Column(
            title=N_("Definition"),
            key="indicator.definition",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("How it is calculated."),
        ),
        Column(title=N_("Unit"), key="indicator.unit", kind=Kind.TEXT, help=N_("Its unit.")),
        Column(
            title=N_("Counts"),
            key="indicator.population",
            kind=Kind.CHOICE,
            choices=m.Population,
            width=16,
            help=N_(
                "Who it counts: people in general, or migrants, returnees, diaspora or "
                "displaced persons by definition."
            ),
        ),
        Column(
            title=N_("Disaggregation"),
            key="disaggregation",
            kind=Kind.CHOICES,
            choices=m.Disaggregation,
            width=24,
            help=N_(
                "Dimensions it is broken down by, separated by commas: sex, age, "
                "migratory status, income, ..."
            ),
        ),
        Column(
            title=N_("Data source"),
            key="data_source",
            kind=Kind.TEXT,
            width=28,
            help=N_("Where the data comes from."),
        ),
        Column(
            title=N_("Frequency"),
            key="frequency",
            kind=Kind.CHOICE,
            choices=m.Frequency,
            width=14,
            help=N_("How often it is measured."),
        ),
        Column(
            title=N_("Responsible (actor ID)"),
            key="responsible",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The actor responsible for measuring it."),
        ),
    ),
)

_VALUES = SheetLayout(
    name="Indicator values",
    row=N_("one row per baseline, interim value or final target of an indicator"),
    about=N_(
        "Baselines, interim values and final targets of the indicators on the "
        "Indicators sheet: at most one baseline and one final target per indicator, and any "
        "number of interim values, in order."
    ),
    path=("interventions", "monitoring"),
    item=m.Measure,
    measures=True,
    keys=(
        _IV,
        Column(
            title=N_("Indicator no."),
            key="",
            stable="indicator_no",
            kind=Kind.SEQ,
            width=10,
            help=N_("The indicator's No. on the Indicators sheet."),
        ),
        Column(
            title=N_("Value type"),
            key="",
            stable="value_type",
            kind=Kind.SLOT,
            choices=Slot,
            width=14,
            help=N_("Baseline, interim value or final target."),
        ),
    ),
    columns=(
        Column(title=N_("Value"), key="value", kind=Kind.NUMBER, help=N_("The value.")),
        Column(
            title=N_("Year"), key="year", kind=Kind.YEAR, width=8, help=N_("The year of the value.")
        ),
        Column(title=N_("Note"), key="note", kind=Kind.LONG_TEXT, width=40, help=N_("A note.")),
    ),
)

_ACHIEVED = SheetLayout(
    name="Achieved values",
    row=N_("one row per value of an indicator measured during implementation"),
    about=N_(
        "The values measured as the plan is implemented, for each indicator on the "
        "Indicators sheet and each period: what progress is reported against."
    ),
    path=("interventions", "monitoring", "achieved"),
    item=m.AchievedValue,
    keys=(
        _IV,
        Column(
            title=N_("Indicator no."),
            key="",
            stable="indicator_no",
            kind=Kind.SEQ,
            width=10,
            help=N_("The indicator's No. on the Indicators sheet."),
        ),
    ),
    columns=(
        Column(title=N_("Value"), key="value", kind=Kind.NUMBER, help=N_("The value measured.")),
        Column(
            title=N_("Year"), key="year", kind=Kind.YEAR, width=8, help=N_("The year it refers to.")
        ),
        Column(
            title=N_("Date"),
            key="date",
            kind=Kind.DATE,
            help=N_("When it was measured or published."),
        ),
        Column(
            title=N_("Source"),
            key="source",
            kind=Kind.TEXT,
            width=28,
            help=N_("Where it comes from: a survey round, a register, a report."),
        ),
        Column(title=N_("Note"), key="note", kind=Kind.LONG_TEXT, width=40, help=N_("A caveat.")),
    ),
)

_SPENDING = SheetLayout(
    name="Spending",
    row=N_("one row per record of money spent on an intervention"),
    about=N_(
        "The money actually spent on each intervention as the plan is implemented, "
        "set against the resources it requires and the funding it has."
    ),
    path=("interventions", "expenditures"),
    item=m.Expenditure,
    keys=(_IV,),
    columns=(
        Column(title=N_("Date"), key="date", kind=Kind.DATE, help=N_("When the money was spent.")),
        Column(
            title=N_("Amount"),
            key="amount",
            kind=Kind.MONEY,
            help=N_("The amount spent (in the plan's currency unless a currency is given)."),
        ),
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            width=10,
            help=N_("ISO 4217 code, if not the plan's currency."),
        ),
        Column(
            title=N_("Source ID"),
            key="source",
            kind=Kind.REF,
            ref="Funding sources",
            help=N_(
                "The funding source of the money spent, as on the Funding sources sheet, "
                "where known."
            ),
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.TEXT,
            width=40,
            help=N_("What the money was spent on."),
        ),
        Column(title=N_("Note"), key="note", kind=Kind.LONG_TEXT, width=40, help=N_("A caveat.")),
    ),
)

_CONSULTATIONS = SheetLayout(
    name="Consultations",
    row=N_("one row per consultation session or review workshop"),
    about=N_(
        "Consultation sessions on the chosen targets, planning and resource "
        "mobilization meetings, and the review workshops held before adoption "
        "(interministerial for a national plan, multi-stakeholder for a local one)."
    ),
    path=("consultations",),
    item=m.Consultation,
    columns=(
        _id(
            N_(
                "A short, unique code for the consultation (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(
            title=N_("Kind"),
            key="kind",
            kind=Kind.CHOICE,
            choices=m.ConsultationKind,
            width=30,
            help=N_("The kind of session."),
        ),
        Column(title=N_("Date"), key="date", kind=Kind.DATE, help=N_("When it was held.")),
        Column(title=N_("Title"), key="title", kind=Kind.TEXT, width=36, help=N_("Its title.")),
        _targets(N_("The SDG targets discussed, separated by commas.")),
    ),
)

_PARTICIPANTS = SheetLayout(
    name="Participants",
    row=N_("one row per stakeholder group taking part in a consultation"),
    about=N_("Who took part in each consultation or review, by stakeholder group."),
    path=("consultations", "participants"),
    item=m.Participation,
    keys=(_CONS,),
    columns=(
        Column(
            title=N_("Group"),
            key="group",
            kind=Kind.CHOICE,
            choices=m.ActorKind,
            width=28,
            help=N_("The stakeholder group."),
        ),
        Column(
            title=N_("Actors"),
            key="actors",
            kind=Kind.REFS,
            ref="Actors",
            width=24,
            help=N_("IDs of the actors of this group who took part, separated by commas."),
        ),
        Column(
            title=N_("Count"),
            key="count",
            kind=Kind.INTEGER,
            width=8,
            help=N_("Number of participants, where the actors are not listed."),
        ),
    ),
)

_DECISIONS = SheetLayout(
    name="Decisions",
    row=N_("one row per decision of a consultation"),
    about=N_("What each consultation or review decided."),
    path=("consultations", "decisions"),
    item=str,
    keys=(_CONS,),
    columns=(
        Column(
            title=N_("Decision"),
            key="",
            stable="decision",
            kind=Kind.LONG_TEXT,
            width=70,
            help=N_("One decision."),
        ),
    ),
)

_FRAMEWORKS = SheetLayout(
    name="Existing frameworks",
    row=N_("one row per institution, strategy, law, policy, plan or project reviewed"),
    about=N_(
        "The review of existing structures and mechanisms against the prioritized "
        "targets, to find synergies, gaps, incoherence and duplication."
    ),
    path=("existing_frameworks",),
    item=m.ExistingFramework,
    columns=(
        _id(
            N_(
                "A short, unique code for the framework (e.g. a number or an acronym); other "
                "sheets use it to refer to this row."
            )
        ),
        Column(title=N_("Name"), key="name", kind=Kind.TEXT, width=36, help=N_("Its name.")),
        Column(
            title=N_("Kind"),
            key="kind",
            kind=Kind.CHOICE,
            choices=m.FrameworkKind,
            width=18,
            help=N_("Institution, strategy, legislation, policy framework, plan or project."),
        ),
        Column(
            title=N_("Level"),
            key="level",
            kind=Kind.CHOICE,
            choices=m.GovernanceLevel,
            width=14,
            help=N_("National, subnational or local."),
        ),
        Column(
            title=N_("Policy area"), key="policy_area", kind=Kind.TEXT, help=N_("Its policy area.")
        ),
        Column(
            title=N_("Owner (actor ID)"),
            key="owner",
            kind=Kind.REF,
            ref="Actors",
            help=N_("The actor that owns it."),
        ),
        _targets(N_("The SDG targets it bears on, separated by commas.")),
        Column(
            title=N_("Links"),
            key="links",
            kind=Kind.REFS,
            width=14,
            help=N_("IDs of the frameworks or interventions it is coordinated with."),
        ),
        Column(
            title=N_("Coordination"),
            key="coordination",
            kind=Kind.LONG_TEXT,
            width=40,
            help=N_("How it is coordinated with the plan."),
        ),
        Column(title=N_("Notes"), key="notes", kind=Kind.LONG_TEXT, width=40, help=N_("Findings.")),
    ),
)

_REVIEW_TOOLS = SheetLayout(
    name="Review tools",
    row=N_("one row per review tool used"),
    about=N_(
        "The tools used to review existing frameworks (an MGI assessment, the JMDI "
        "policy-coherence indicators, a Rapid Integrated Assessment), when, by whom, and what "
        "they found."
    ),
    path=("review_tools",),
    item=m.ReviewTool,
    columns=(
        Column(
            title=N_("Tool"),
            key="tool",
            kind=Kind.CHOICE,
            choices=m.ReviewToolKind,
            width=30,
            help=N_("MGI assessment, JMDI policy-coherence indicators, RIA, or other."),
        ),
        Column(title=N_("Name"), key="name", kind=Kind.TEXT, width=36, help=N_("The exercise.")),
        Column(title=N_("Date"), key="date", kind=Kind.DATE, help=N_("When it was completed.")),
        Column(
            title=N_("Conducted by (actor ID)"),
            key="conducted_by",
            kind=Kind.REF,
            ref="Actors",
            help=N_("Who carried it out."),
        ),
        Column(
            title=N_("Main findings"),
            key="findings",
            kind=Kind.LONG_TEXT,
            width=60,
            help=N_("What it found that bears on this plan."),
        ),
    ),
)

_INTERACTIONS = SheetLayout(
    name="Synergies and trade-offs",
    row=N_("one row per synergy or trade-off found by the review"),
    about=N_(
        "Where existing frameworks and the plan's interventions reinforce each other or "
        "pull against each other, and what the plan does about it."
    ),
    path=("framework_interactions",),
    item=m.FrameworkInteraction,
    columns=(
        Column(
            title=N_("Kind"),
            key="kind",
            kind=Kind.CHOICE,
            choices=m.InteractionKind,
            width=14,
            help=N_("Synergy or trade-off."),
        ),
        Column(
            title=N_("Between"),
            key="between",
            kind=Kind.REFS,
            width=24,
            help=N_("IDs of the frameworks or interventions concerned, separated by commas."),
        ),
        Column(
            title=N_("Description"),
            key="description",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What reinforces what, or what pulls against what."),
        ),
        Column(
            title=N_("Response"),
            key="response",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("How the plan builds on it or manages it."),
        ),
    ),
)

_REPORTING = SheetLayout(
    name="Reporting",
    row=N_("one row per reporting line"),
    about=N_(
        "The plan's reporting arrangements: who reports to whom on its progress, how "
        "often, and on what."
    ),
    path=("reporting",),
    item=m.ReportingLine,
    columns=(
        Column(
            title=N_("Reporter (actor ID)"),
            key="reporter",
            kind=Kind.REF,
            ref="Actors",
            help=N_("Who reports."),
        ),
        Column(
            title=N_("Recipient (actor ID)"),
            key="recipient",
            kind=Kind.REF,
            ref="Actors",
            help=N_("Who receives the report."),
        ),
        Column(
            title=N_("Frequency"),
            key="frequency",
            kind=Kind.CHOICE,
            choices=m.Frequency,
            width=14,
            help=N_("How often."),
        ),
        Column(
            title=N_("Content"),
            key="content",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What the report covers."),
        ),
    ),
)

_REVISIONS = SheetLayout(
    name="Revisions",
    row=N_("one row per revision of the plan"),
    about=N_(
        "The plan's revision history (the plan is a living document); rows are never "
        "rewritten, only added."
    ),
    path=("revisions",),
    item=m.Revision,
    columns=(
        Column(
            title=N_("Number"), key="number", kind=Kind.INTEGER, width=8, help=N_("1, 2, 3, ...")
        ),
        Column(title=N_("Date"), key="date", kind=Kind.DATE, help=N_("Date of the revision.")),
        Column(
            title=N_("Author"), key="author", kind=Kind.TEXT, width=24, help=N_("Who revised it.")
        ),
        Column(
            title=N_("Summary"),
            key="summary",
            kind=Kind.LONG_TEXT,
            width=50,
            help=N_("What changed."),
        ),
        Column(
            title=N_("Status"),
            key="status",
            kind=Kind.CHOICE,
            choices=m.PlanStatus,
            width=14,
            help=N_("The plan's status after this revision."),
        ),
    ),
)

_RATES = SheetLayout(
    name="Exchange rates",
    row=N_("one row per other currency"),
    about=N_("Rates to convert amounts given in other currencies into the plan's currency."),
    path=("exchange_rates",),
    item=m.ExchangeRate,
    columns=(
        Column(
            title=N_("Currency"),
            key="currency",
            kind=Kind.CODE,
            width=10,
            help=N_("ISO 4217 code of the other currency."),
        ),
        Column(
            title=N_("Rate"),
            key="rate",
            kind=Kind.NUMBER,
            help=N_("How many units of the plan's currency one unit of it buys."),
        ),
    ),
)

#: The data sheets after the Plan form, in workbook order. Sheets of owners come before
#: the sheets that refer to them, which is also the order the reader needs.
DATA_SHEETS: tuple[SheetLayout, ...] = (
    _OBJECTIVES,
    _INTERIM,
    _ACTORS,
    _SOURCES,
    _INTERVENTIONS,
    _BENEFICIARIES,
    _ROLES,
    _MILESTONES,
    _OUTPUTS,
    _OUTCOMES,
    _ACTIVITIES,
    _RESOURCES,
    _FUNDING,
    _INDICATORS,
    _VALUES,
    _ACHIEVED,
    _SPENDING,
    _CONSULTATIONS,
    _PARTICIPANTS,
    _DECISIONS,
    _FRAMEWORKS,
    _REVIEW_TOOLS,
    _INTERACTIONS,
    _REPORTING,
    _REVISIONS,
    _RATES,
)

SHEETS_BY_NAME: dict[str, SheetLayout] = {s.name: s for s in (FORM_SHEET, *DATA_SHEETS)}


def choice_list_name(choices: type[m.Choice]) -> str:
    """The defined name of a drop-down list on the hidden Lists sheet."""
    return f"list_{choices.__name__}"


def field_type(cls: type, key: str) -> Any:
    """The annotated type of ``key`` (a dotted attribute path) on attrs class ``cls``.

    Optional and tuple types are unwrapped to what one value or item is.
    """
    tp: Any = cls
    for part in key.split("."):
        hints = typing.get_type_hints(_unwrap(tp))
        if part not in hints:
            raise KeyError(f"{_unwrap(tp).__name__} has no field {part!r}")
        tp = hints[part]
    return _unwrap(tp)


def _unwrap(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None) and a is not Ellipsis]
    if args and typing.get_origin(tp) is not None:
        return _unwrap(args[0])
    return tp


def iter_columns() -> Iterator[tuple[SheetLayout, Column]]:
    """Every (sheet, column), Plan form first."""
    for sheet in (FORM_SHEET, *DATA_SHEETS):
        for col in sheet.all_columns:
            yield sheet, col


# -- sheet names ----------------------------------------------------------------------------

#: Every sheet the writer makes, by its English name, marked for translation. Translators:
#: a sheet name holds at most 31 characters and none of : \ / ? * [ ]
SHEET_NAMES: dict[str, str] = {
    "Instructions": NP_("sheet", "Instructions"),
    "Plan": NP_("sheet", "Plan"),
    "Objectives": NP_("sheet", "Objectives"),
    "Interim targets": NP_("sheet", "Interim targets"),
    "Actors": NP_("sheet", "Actors"),
    "Funding sources": NP_("sheet", "Funding sources"),
    "Interventions": NP_("sheet", "Interventions"),
    "Beneficiaries": NP_("sheet", "Beneficiaries"),
    "Roles": NP_("sheet", "Roles"),
    "Milestones": NP_("sheet", "Milestones"),
    "Outputs": NP_("sheet", "Outputs"),
    "Outcomes": NP_("sheet", "Outcomes"),
    "Supporting activities": NP_("sheet", "Supporting activities"),
    "Resources": NP_("sheet", "Resources"),
    "Funding": NP_("sheet", "Funding"),
    "Indicators": NP_("sheet", "Indicators"),
    "Indicator values": NP_("sheet", "Indicator values"),
    "Achieved values": NP_("sheet", "Achieved values"),
    "Spending": NP_("sheet", "Spending"),
    "Consultations": NP_("sheet", "Consultations"),
    "Participants": NP_("sheet", "Participants"),
    "Decisions": NP_("sheet", "Decisions"),
    "Existing frameworks": NP_("sheet", "Existing frameworks"),
    "Review tools": NP_("sheet", "Review tools"),
    "Synergies and trade-offs": NP_("sheet", "Synergies and trade-offs"),
    "Reporting": NP_("sheet", "Reporting"),
    "Revisions": NP_("sheet", "Revisions"),
    "Exchange rates": NP_("sheet", "Exchange rates"),
    "Funding summary": NP_("sheet", "Funding summary"),
    "Timeline": NP_("sheet", "Timeline"),
    "Coverage": NP_("sheet", "Coverage"),
    "Review": NP_("sheet", "Review"),
    "Findings": NP_("sheet", "Findings"),
    "SDG targets": NP_("sheet", "SDG targets"),
    "Other codes": NP_("sheet", "Other codes"),
    "Lists": NP_("sheet", "Lists"),
}

#: Characters a sheet name cannot hold, and its longest length (Excel's limits).
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
SHEET_NAME_MAX = 31


def fit_sheet_name(text: str, fallback: str = "Sheet") -> str:
    """``text`` as a name Excel accepts: none of ``[]:*?/\\`` (each becomes a space), no
    quote at either end, at most 31 characters, not the name Excel reserves ("History")."""
    name = " ".join(text.translate(_SHEET_FORBIDDEN).split()).strip("'")
    name = name[:SHEET_NAME_MAX].rstrip() or fallback
    return name if name.casefold() != "history" else f"{name} (1)"  # Excel reserves it


def sheet_name(name: str, tr: Translator | None = None) -> str:
    """The name the sheet called ``name`` in English has in ``tr``'s language (English
    without a translator), fit to Excel's rules."""
    marked = SHEET_NAMES.get(name)
    if marked is None or tr is None:
        return fit_sheet_name(name)
    return fit_sheet_name(tr._(marked), fallback=name)
