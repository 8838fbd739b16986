"""The Instructions sheet: how to fill in the workbook, written for ministry and sector
staff rather than for programmers, in the workbook's language.

The paragraphs name sheets and columns through placeholders (``{roles}``,
``{intervention_id}``), filled with their names in the workbook's language, so the text
always names them as the tabs and headers do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET
from migsdg.excel.writer import fit_height
from migsdg.i18n import N_

if TYPE_CHECKING:
    from migsdg.excel.writer import _Book

__all__ = ["GUIDANCE", "write"]

TITLE = N_("Migration-SDG Action Plan workbook")

#: (heading, paragraphs), marked for translation. The sheet list and the columns come
#: from the layout.
GUIDANCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("What this workbook is"),
        (
            N_(
                "This workbook holds a Migration-SDG Action Plan: the prioritized SDG "
                "targets and the objectives that address them, the interventions chosen to "
                "progress them, who does what at each stage, the timeframe, expected outputs "
                "and outcomes, supporting activities such as training, the resources "
                "required and how they are funded, and how each intervention will be "
                "monitored and evaluated. These are the elements the action-plan criteria "
                "ask for every intervention."
            ),
            N_(
                "Fill it in with the ministries, departments and other stakeholders "
                "involved, then import it with the migsdg tool to check the plan for gaps "
                "and produce a Word draft for review."
            ),
        ),
    ),
    (
        N_("Importing REPLACES the plan"),
        (
            N_(
                "When this workbook is imported (migsdg import workbook.xlsx -o plan.yaml), "
                "the workbook becomes the whole plan: anything missing from the workbook is "
                "missing from the plan, and the plan file is overwritten. Nothing is merged "
                "or added. To see what would change before writing anything, run the import "
                "with --dry-run."
            ),
            N_(
                "Keep one workbook per plan, and start from a workbook exported from the "
                "current plan (migsdg export plan.yaml -o plan.xlsx) rather than an old copy."
            ),
        ),
    ),
    (
        N_("How to fill in the sheets"),
        (
            N_(
                "The dark blue sheets hold the plan; fill them in. The first row you see on "
                "each sheet is the column header; above it, a hidden row tells the import "
                "which column is which, so leave it as it is. Select a header cell to see "
                "what the column is for. Each row below the header is one item (one "
                "intervention, one role, one cost line, ...); leave no blank rows inside "
                "your data if you can, though blank rows are skipped."
            ),
            N_(
                "IDs link the sheets. Give every objective, interim target, actor, funding "
                "source, intervention, consultation and existing framework a short, unique "
                "ID (for example IV-01 or MOL). The other sheets name the row they belong to "
                "by that ID: a role on the {roles} sheet names its intervention in the "
                "{intervention_id} column and its actor in the {actor_id} column. An ID that "
                "is not on the sheet it refers to is reported when the workbook is imported."
            ),
            N_(
                "Rows on the sheets for roles, milestones, outputs, outcomes, supporting "
                "activities, resources, funding, indicators and participants are kept in the "
                "order they appear. An intervention's indicators are numbered 1, 2, 3 in the "
                "{number} column, and the {indicator_values} sheet uses that number for "
                "baselines, interim values and final targets."
            ),
            N_(
                "Columns with a drop-down list take one of its choices. Columns that take "
                "several codes or IDs (SDG targets, objectives, GCM objectives, "
                "disaggregation) take them in one cell separated by commas, for example: "
                "10.7, 8.8. If an ID itself contains a comma, put it in double quotes."
            ),
            N_(
                "Dates are written as dates (for example 2026-03-31). Amounts are plain "
                "numbers in the plan's currency (on the {plan} sheet) unless the {currency} "
                "column of the row names another; give the rates for other currencies on the "
                "{exchange_rates} sheet. Leave a cell blank when the information is not known "
                "yet: the checks will list what is still missing."
            ),
            N_(
                "Type values, not formulas: a formula in a data sheet is refused on import, "
                "because the plan stores values. To keep a computed figure, copy it and paste "
                "it as a value."
            ),
        ),
    ),
    (
        N_("The grey sheets are computed"),
        (
            N_(
                "{funding_summary} adds up the {resources}, {supporting_activities} and "
                "{funding} sheets with formulas, per intervention, per category of funding "
                "source and per source, so it updates as you edit amounts and statuses; its "
                "list of interventions needing additional resources is as of export. "
                "{timeline}, {coverage}, {review} and {findings} show the plan as it was when "
                "the workbook was written: the interventions against quarters, the "
                "interventions against the SDG targets they serve (in the goals' colours), "
                "the review of existing frameworks against the prioritized targets (gaps, "
                "possible duplication, coherence), and the findings of the plan checks. "
                "{sdg_targets} and {other_codes} list the codes the drop-downs offer. None of "
                "the grey sheets is imported; edits there are ignored."
            ),
        ),
    ),
    (
        N_("After filling in"),
        (
            N_(
                "1. Import the workbook into a plan file: migsdg import plan.xlsx -o "
                "plan.yaml (add --dry-run first to see what would change). Any problem is "
                "reported with its sheet, cell and column, all at once, and nothing is "
                "written until the whole workbook reads cleanly."
            ),
            N_("2. Check the plan against the action-plan criteria: migsdg check plan.yaml."),
            N_(
                "3. Produce the Word draft for the review workshop: migsdg export plan.yaml "
                "-o plan.docx."
            ),
        ),
    ),
)

#: The sheets the paragraphs name, by placeholder.
_SHEETS = {
    "roles": "Roles",
    "indicator_values": "Indicator values",
    "plan": "Plan",
    "exchange_rates": "Exchange rates",
    "funding_summary": "Funding summary",
    "resources": "Resources",
    "supporting_activities": "Supporting activities",
    "funding": "Funding",
    "timeline": "Timeline",
    "coverage": "Coverage",
    "review": "Review",
    "findings": "Findings",
    "sdg_targets": "SDG targets",
    "other_codes": "Other codes",
}


def _names(book: _Book) -> dict[str, str]:
    """The placeholders' values: sheet and column names in the workbook's language."""
    tr = book.tr
    names = {key: book.sheet_name(english) for key, english in _SHEETS.items()}
    names["intervention_id"] = tr._(N_("Intervention ID"))
    names["actor_id"] = tr._(N_("Actor ID"))
    names["number"] = tr._(N_("No."))
    names["currency"] = tr._(N_("Currency"))
    return names


def write(book: _Book) -> None:
    ws = book.sheet("Instructions", computed=True)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    tr = book.tr
    plan = book.plan
    title = tr._(TITLE) if plan is None or not plan.title else plan.title
    ws.append([book.label(ws, title, font=book.title_font)])
    row = 2  # the row the next append writes
    subtitle = (
        tr._("A blank workbook for a new plan.") if plan is None else tr._("Plan {id}.", id=plan.id)
    )
    ws.append([book.label(ws, subtitle, font=book.note_font)])
    row += 1
    names = _names(book)
    for heading, paragraphs in GUIDANCE:
        ws.append([])
        ws.append([book.label(ws, tr._(heading), font=book.bold)])
        row += 2
        for text in paragraphs:
            shown = tr._(text, **names)
            fit_height(ws, row, [(shown, 99)])
            ws.append([None, book.label(ws, shown, alignment=book.wrap)])
            row += 1
    ws.append([])
    ws.append([book.label(ws, tr._("The sheets to fill in"), font=book.bold)])
    row += 2
    for layout in (FORM_SHEET, *DATA_SHEETS):
        about = tr._(layout.about)
        rows = tr._(layout.row)
        purpose = tr._("{about} ({rows}.)", about=about, rows=rows[:1].upper() + rows[1:])
        fit_height(ws, row, [(purpose, 99)])
        row += 1
        ws.append(
            [
                book.label(ws, book.sheet_name(layout.name), font=book.bold, alignment=book.top),
                book.label(ws, purpose, alignment=book.wrap),
            ]
        )
