"""The Instructions sheet: how to fill in the workbook, written for ministry and sector
staff rather than for programmers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET

if TYPE_CHECKING:
    from migsdg.excel.writer import _Book

__all__ = ["GUIDANCE", "write"]

TITLE = "Migration-SDG Action Plan workbook"

#: (heading, paragraphs). The sheet list and the columns come from the layout.
GUIDANCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "What this workbook is",
        (
            "This workbook holds a Migration-SDG Action Plan: the prioritized SDG targets "
            "and the objectives that address them, the interventions chosen to progress "
            "them, who does what at each stage, the timeframe, expected outputs and "
            "outcomes, supporting activities such as training, the resources required and "
            "how they are funded, and how each intervention will be monitored and "
            "evaluated. These are the elements the action-plan criteria ask for every "
            "intervention.",
            "Fill it in with the ministries, departments and other stakeholders involved, "
            "then import it with the migsdg tool to check the plan for gaps and produce a "
            "Word draft for review.",
        ),
    ),
    (
        "Importing REPLACES the plan",
        (
            "When this workbook is imported (migsdg import workbook.xlsx -o plan.yaml), the "
            "workbook becomes the whole plan: anything missing from the workbook is missing "
            "from the plan, and the plan file is overwritten. Nothing is merged or added. "
            "To see what would change before writing anything, run the import with "
            "--dry-run.",
            "Keep one workbook per plan, and start from a workbook exported from the "
            "current plan (migsdg export plan.yaml -o plan.xlsx) rather than an old copy.",
        ),
    ),
    (
        "How to fill in the sheets",
        (
            "The dark blue sheets hold the plan; fill them in. The first row you see on "
            "each sheet is the column header; above it, a hidden row tells the import which "
            "column is which, so leave it as it is. Select a header cell to see what the "
            "column is for. Each row below the header is one item "
            "(one intervention, one role, one cost line, ...); leave no blank rows inside "
            "your data if you can, though blank rows are skipped.",
            "IDs link the sheets. Give every objective, interim target, actor, funding "
            "source, intervention, consultation and existing framework a short, unique ID "
            "(for example IV-01 or MOL). The other sheets name the row they belong to by "
            "that ID: a role on the Roles sheet names its intervention in the "
            "Intervention ID column and its actor in the Actor ID column. An ID that is "
            "not on the sheet it refers to is reported when the workbook is imported.",
            "Rows on the sheets for roles, milestones, outputs, outcomes, supporting "
            "activities, resources, funding, indicators and participants are kept in the "
            "order they appear. An intervention's indicators are numbered 1, 2, 3 in the "
            "No. column, and the Indicator values sheet uses that number for baselines, "
            "interim values and final targets.",
            "Columns with a drop-down list take one of its choices. Columns that take "
            "several codes or IDs (SDG targets, objectives, GCM objectives, disaggregation) "
            "take them in one cell separated by commas, for example: 10.7, 8.8. If an ID "
            "itself contains a comma, put it in double quotes.",
            "Dates are written as dates (for example 2026-03-31). Amounts are plain "
            "numbers in the plan's currency (on the Plan sheet) unless the Currency column "
            "of the row names another; give the rates for other currencies on the Exchange "
            "rates sheet. Leave a cell blank when the information is not known yet: the "
            "checks will list what is still missing.",
            "Type values, not formulas: a formula in a data sheet is refused on import, "
            "because the plan stores values. To keep a computed figure, copy it and paste "
            "it as a value.",
        ),
    ),
    (
        "The grey sheets are computed",
        (
            "Funding summary adds up the Resources, Supporting activities and Funding "
            "sheets with formulas, per intervention, per category of funding source and per "
            "source, so it updates as you edit amounts and statuses; its list of "
            "interventions needing additional resources is as of export. Timeline, "
            "Coverage, Review and Findings show the plan as it was when the workbook was "
            "written: the interventions against quarters, the interventions against the SDG "
            "targets they serve (in the goals' colours), the review of existing frameworks "
            "against the prioritized targets (gaps, possible duplication, coherence), and "
            "the findings of the plan checks. SDG targets and "
            "Other codes list the codes the drop-downs offer. None of the grey sheets is "
            "imported; edits there are ignored.",
        ),
    ),
    (
        "After filling in",
        (
            "1. Import the workbook into a plan file: migsdg import plan.xlsx -o plan.yaml "
            "(add --dry-run first to see what would change). Any problem is reported with "
            "its sheet, cell and column, all at once, and nothing is written until the "
            "whole workbook reads cleanly.",
            "2. Check the plan against the action-plan criteria: migsdg check plan.yaml.",
            "3. Produce the Word draft for the review workshop: migsdg export plan.yaml -o "
            "plan.docx.",
        ),
    ),
)


def write(book: _Book) -> None:
    ws = book.sheet("Instructions", computed=True)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    plan = book.plan
    title = TITLE if plan is None or not plan.title else plan.title
    ws.append([book.label(ws, title, font=book.title_font)])
    subtitle = "A blank workbook for a new plan." if plan is None else f"Plan {plan.id}."
    ws.append([book.label(ws, subtitle, font=book.note_font)])
    for heading, paragraphs in GUIDANCE:
        ws.append([])
        ws.append([book.label(ws, heading, font=book.bold)])
        for text in paragraphs:
            ws.append([None, book.label(ws, text, alignment=book.wrap)])
    ws.append([])
    ws.append([book.label(ws, "The sheets to fill in", font=book.bold)])
    for layout in (FORM_SHEET, *DATA_SHEETS):
        ws.append(
            [
                book.label(ws, layout.name, font=book.bold, alignment=book.top),
                book.label(ws, f"{layout.about} ({layout.row.capitalize()}.)", alignment=book.wrap),
            ]
        )
