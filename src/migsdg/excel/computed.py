"""The computed and reference sheets: Funding summary (live formulas), Timeline, Coverage,
Review, Findings, SDG targets and Other codes.

None of these is read back on import. The Funding summary is made of formulas over the
Resources, Supporting activities and Funding sheets, so it recomputes as amounts,
statuses, currencies or exchange rates are edited in Excel or LibreOffice; the others are
pictures of the plan as exported.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from migsdg import model as m
from migsdg.catalogue import TEXT_LANGUAGES, catalogue
from migsdg.errors import MigsdgError
from migsdg.excel import _cells as c
from migsdg.excel.layout import (
    FIRST_ROW,
    FORM_SHEET,
    SHEET_NAME_MAX,
    SHEETS_BY_NAME,
    SheetLayout,
    fit_sheet_name,
)
from migsdg.i18n import Translator, translator
from migsdg.present import Block, Para, View

if TYPE_CHECKING:
    from migsdg.excel.writer import _Book

__all__ = [
    "MAX_QUARTERS",
    "write_coverage",
    "write_findings",
    "write_funding_summary",
    "write_reference",
    "write_review",
    "write_timeline",
    "write_view",
]

#: The Timeline shows at most this many quarters (twenty years).
MAX_QUARTERS = 80


def _letter(layout: SheetLayout, title: str) -> str:
    letters = _LETTERS.get(layout.name)
    if letters is None:
        letters = _LETTERS[layout.name] = {}
        for i, col in enumerate(layout.all_columns, start=1):
            letters.setdefault(col.title, c.column_letter(i))
    try:
        return letters[title]
    except KeyError:
        raise KeyError(f"{layout.name} has no column {title!r}") from None  # a mismatch


#: Each data sheet's column letters by column title.
_LETTERS: dict[str, dict[str, str]] = {}


def _whole(book: _Book, layout: SheetLayout, title: str) -> str:
    letter = _letter(layout, title)
    return f"{book.sheet_ref(layout.name)}!${letter}:${letter}"


def _cell(book: _Book, layout: SheetLayout, title: str, row: int) -> str:
    return f"{book.sheet_ref(layout.name)}!${_letter(layout, title)}${row}"


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _match_key(ref: str) -> str:
    """A SUMIFS criterion matching exactly the text in ``ref`` (no wildcards, no
    operators): ``="=" & ref`` with ``~``, ``*`` and ``?`` escaped."""
    return f'="="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({ref},"~","~~"),"*","~*"),"?","~?")'


class _Money:
    """Builds SUMIFS expressions that convert other currencies into the plan's currency,
    mirroring :func:`migsdg.views.funding_summary`."""

    def __init__(self, book: _Book, plan: m.ActionPlan | None) -> None:
        self.book = book
        rates = SHEETS_BY_NAME["Exchange rates"]
        self.rated: list[tuple[str, str]] = []  # (currency cell, rate cell)
        self.unrated: list[str] = []
        if plan is None:
            return
        last_row: dict[str, int] = {}
        for i, rate in enumerate(plan.exchange_rates, start=FIRST_ROW):
            if rate.currency != plan.currency:
                last_row[rate.currency] = i
        self.rated = [
            (_cell(book, rates, "Currency", row), _cell(book, rates, "Rate", row))
            for row in sorted(last_row.values())
        ]
        used: dict[str, None] = {}
        for iv in plan.interventions:
            for cur in (
                *(line.currency for line in iv.resources),
                *(arr.currency for arr in iv.funding),
                *(act.currency for act in iv.supporting_activities),
            ):
                if cur is not None:
                    used[cur] = None
        self.unrated = [cur for cur in used if cur != plan.currency and cur not in last_row]

    def sum(self, layout: SheetLayout, amount: str, criteria: Sequence[tuple[str, str]]) -> str:
        crit = "".join(f",{_whole(self.book, layout, title)},{expr}" for title, expr in criteria)
        amounts = _whole(self.book, layout, amount)
        currencies = _whole(self.book, layout, "Currency")
        terms = [f"SUMIFS({amounts}{crit})"]
        for cur, rate in self.rated:
            terms.append(f"+({rate}-1)*SUMIFS({amounts}{crit},{currencies},{cur})")
        for cur in self.unrated:
            terms.append(f"-SUMIFS({amounts}{crit},{currencies},{_string(cur)})")
        return "".join(terms)


def write_funding_summary(book: _Book) -> None:
    from migsdg.excel.writer import MONEY_FORMAT, SPARE_ROWS, TEMPLATE_ROWS
    from migsdg.present import view_labels

    plan = book.plan
    # The labels of the resource mobilization view (migsdg.present.funding_view), by the
    # same keys, over live formulas.
    t = view_labels(book.language)
    tr = translator(book.language)
    ws = book.sheet("Funding summary", computed=True)
    ivs = SHEETS_BY_NAME["Interventions"]
    res = SHEETS_BY_NAME["Resources"]
    act = SHEETS_BY_NAME["Supporting activities"]
    fun = SHEETS_BY_NAME["Funding"]
    src = SHEETS_BY_NAME["Funding sources"]
    money = _Money(book, plan)
    n_iv = len(plan.interventions) + SPARE_ROWS if plan is not None else TEMPLATE_ROWS
    n_src = len(plan.funding_sources) + SPARE_ROWS if plan is not None else TEMPLATE_ROWS // 3
    currency_row = [col.key for col in FORM_SHEET.columns].index("currency") + 2
    plan_ref = book.sheet_ref(FORM_SHEET.name)

    def money_cell(formula: str) -> Any:
        return book.cell(ws, formula, number_format=MONEY_FORMAT)

    widths = {"A": 16, "B": 36, "L": 40, "M": 28, "N": 40}
    for i in range(1, 20):
        letter = c.column_letter(i)
        ws.column_dimensions[letter].width = widths.get(letter, 15)
    for hidden in ("J", "S"):
        ws.column_dimensions[hidden].hidden = True
    ws.column_dimensions["K"].width = 3

    left: list[list[Any]] = [
        [book.label(ws, t["annex_resources"], font=book.title_font)],
        [
            book.label(
                ws,
                tr._(
                    "Formulas over the Resources, Supporting activities and Funding sheets: "
                    "edit those and this sheet recomputes. Required counts the resources and "
                    "the supporting activities; the gap is what is neither secured nor "
                    "pledged. This sheet is not imported."
                ),
                font=book.note_font,
            )
        ],
        [
            book.label(ws, t["currency"], font=book.bold),
            book.cell(
                ws,
                f'=IF({plan_ref}!$B${currency_row}="","USD",{plan_ref}!$B${currency_row})',
                font=book.bold,
            ),
        ],
    ]
    if money.unrated:
        left.append(
            [
                book.label(
                    ws,
                    tr._(
                        "Amounts in {currencies} have no exchange rate on the Exchange rates "
                        "sheet and are left out.",
                        currencies=", ".join(money.unrated),
                    ),
                    font=book.note_font,
                )
            ]
        )
    else:
        left.append([])
    head = book.header(
        ws,
        (
            tr._("Intervention ID"),
            t["col_title"],
            t["col_resources"],
            t["criterion_supporting"],
            t["col_required"],
            t["secured"],
            t["pledged"],
            t["col_proposed"],
            t["col_gap"],
            tr._("Match key"),
        ),
        computed=True,
    )
    left.append(head)
    first = len(left) + 1
    for k in range(n_iv):
        r = first + k
        source_row = k + FIRST_ROW
        iv_id = _cell(book, ivs, "ID", source_row)
        guard = f'=IF($A{r}="","",'
        by_iv = [("Intervention ID", f"$J{r}")]
        left.append(
            [
                book.cell(ws, f'=IF({iv_id}="","",{iv_id})'),
                book.cell(
                    ws,
                    f'=IF($A{r}="","",{_cell(book, ivs, "Title", source_row)}&"")',
                ),
                money_cell(guard + money.sum(res, "Amount", by_iv) + ")"),
                money_cell(guard + money.sum(act, "Cost", by_iv) + ")"),
                money_cell(f'=IF($A{r}="","",C{r}+D{r})'),
                *(
                    money_cell(
                        guard
                        + money.sum(
                            fun, "Amount", [*by_iv, ("Status", _string(book.choice(status)))]
                        )
                        + ")"
                    )
                    for status in m.FundingStatus
                ),
                money_cell(f'=IF($A{r}="","",MAX(0,E{r}-F{r}-G{r}))'),
                book.cell(ws, _match_key(f"A{r}")),
            ]
        )
    last = first + n_iv - 1
    left.append(
        [
            book.label(ws, t["total"], font=book.bold),
            None,
            *(
                book.cell(
                    ws,
                    f"=SUM({col}{first}:{col}{last})",
                    number_format=MONEY_FORMAT,
                    font=book.bold,
                )
                for col in "CDEFGHI"
            ),
        ]
    )
    if plan is not None:
        left.extend(_needing_resources(book, ws, plan))

    # Right-hand block: per category (top), per source (below).
    right: list[list[Any]] = [[] for _ in range(first - 2)]
    right.append(
        book.header(
            ws,
            (
                t["col_category"],
                "",
                "",
                t["secured"],
                t["pledged"],
                t["col_proposed"],
                t["col_total"],
            ),
            computed=True,
        )
    )
    cat_first = len(right) + 1
    categories = list(m.FundingCategory)
    src_first = cat_first + len(categories) + 4  # after: no category, all, blank, header
    src_last = src_first + n_src - 1
    for i, category in enumerate(categories):
        r = cat_first + i
        right.append(
            [
                book.label(ws, t.enum(category)),
                None,
                None,
                *(
                    money_cell(
                        f"=SUMIFS({col}${src_first}:{col}${src_last},"
                        f"$N${src_first}:$N${src_last},{_string(book.choice(category))})"
                    )
                    for col in "OPQ"
                ),
                money_cell(f"=SUM(O{r}:Q{r})"),
            ]
        )
    all_row = cat_first + len(categories) + 1
    none_row = cat_first + len(categories)
    right.append(
        [
            book.label(ws, tr._("No category, or a source not on the Funding sources sheet")),
            None,
            None,
            *(
                money_cell(f"={col}{all_row}-SUM({col}{cat_first}:{col}{none_row - 1})")
                for col in "OPQ"
            ),
            money_cell(f"=SUM(O{none_row}:Q{none_row})"),
        ]
    )
    right.append(
        [
            book.label(ws, tr._("All sources"), font=book.bold),
            None,
            None,
            *(
                book.cell(
                    ws,
                    "=" + money.sum(fun, "Amount", [("Status", _string(book.choice(status)))]),
                    number_format=MONEY_FORMAT,
                    font=book.bold,
                )
                for status in m.FundingStatus
            ),
            book.cell(
                ws, f"=SUM(O{all_row}:Q{all_row})", number_format=MONEY_FORMAT, font=book.bold
            ),
        ]
    )
    right.append([])
    right.append(
        book.header(
            ws,
            (
                tr._("Source ID"),
                t["col_source"],
                t["col_category"],
                t["secured"],
                t["pledged"],
                t["col_proposed"],
                t["col_total"],
                tr._("Match key"),
            ),
            computed=True,
        )
    )
    assert len(right) + 1 == src_first
    no_category = _string(tr._("(no category)"))
    for k in range(n_src):
        r = src_first + k
        source_row = k + FIRST_ROW
        sid = _cell(book, src, "ID", source_row)
        category_ref = _cell(book, src, "Category", source_row)
        guard = f'=IF($L{r}="","",'
        right.append(
            [
                book.cell(ws, f'=IF({sid}="","",{sid})'),
                book.cell(ws, f'=IF($L{r}="","",{_cell(book, src, "Name", source_row)}&"")'),
                book.cell(
                    ws,
                    f'=IF($L{r}="","",IF({category_ref}="",{no_category},{category_ref}&""))',
                ),
                *(
                    money_cell(
                        guard
                        + money.sum(
                            fun,
                            "Amount",
                            [("Source ID", f"$S{r}"), ("Status", _string(book.choice(status)))],
                        )
                        + ")"
                    )
                    for status in m.FundingStatus
                ),
                money_cell(f'=IF($L{r}="","",SUM(O{r}:Q{r}))'),
                book.cell(ws, _match_key(f"L{r}")),
            ]
        )
    ws.freeze_panes = f"A{first}"
    for i in range(max(len(left), len(right))):
        row_left = left[i] if i < len(left) else []
        row_right = right[i] if i < len(right) else []
        if row_right:
            ws.append([*row_left, *([None] * (11 - len(row_left))), *row_right])
        else:
            ws.append(row_left)


def _needing_resources(book: _Book, ws: Any, plan: m.ActionPlan) -> list[list[Any]]:
    """Rows for the list of interventions needing additional resources, largest gap
    first, with the labels of :func:`migsdg.present.funding_view`. Sorting by a formula's
    result cannot stay live, so these are values computed when the workbook was written
    (:func:`migsdg.views.funding_summary`), and say so."""
    from migsdg.excel.writer import MONEY_FORMAT
    from migsdg.present import view_labels
    from migsdg.views import CurrencyError, funding_summary

    t = view_labels(book.language)
    tr = translator(book.language)
    rows: list[list[Any]] = [
        [],
        [book.label(ws, t["needing"], font=book.bold)],
        [
            book.label(
                ws,
                tr._(
                    "Largest gap first. Values computed when the workbook was written, not "
                    "formulas: export the plan again after editing to update this list."
                ),
                font=book.note_font,
            )
        ],
    ]
    try:
        summary = funding_summary(plan)
    except CurrencyError as exc:
        where = ", ".join(exc.locations[:3]) + (" …" if len(exc.locations) > 3 else "")
        text = t.format(
            "no_rate", currency=exc.currency, plan_currency=exc.plan_currency, where=where
        )
        rows.append([book.label(ws, text, font=book.note_font, alignment=book.wrap)])
        return rows
    needing = summary.needing_resources()
    if not needing:
        rows.append([book.label(ws, t["none_needing"])])
        return rows
    rows.append(
        book.header(
            ws,
            (
                tr._("Intervention ID"),
                t["col_title"],
                t["col_required"],
                t["secured"],
                t["pledged"],
                t["col_proposed"],
                t["col_gap"],
            ),
            computed=True,
        )
    )
    for row in needing:
        rows.append(
            [
                book.label(ws, row.intervention),
                book.label(ws, row.title) if row.title else None,
                *(
                    book.number(ws, amount, MONEY_FORMAT, "Amount")
                    for amount in (row.required, row.secured, row.pledged, row.proposed, row.gap)
                ),
            ]
        )
    return rows


# -- timeline -------------------------------------------------------------------------------


def write_timeline(book: _Book) -> None:
    from openpyxl.styles import PatternFill

    plan = book.plan
    assert plan is not None
    ws = book.sheet("Timeline", computed=True)
    dates: list[_dt.date] = []
    for iv in plan.interventions:
        tf = iv.timeframe
        dates += [d for d in (tf.start, tf.end) if d is not None]
        dates += [ms.date for ms in tf.milestones if ms.date is not None]
    dates += [d for d in (plan.period.start, plan.period.end) if d is not None]
    for width, letter in ((14, "A"), (36, "B"), (11, "C"), (11, "D")):
        ws.column_dimensions[letter].width = width
    tr = book.tr
    if not dates:
        ws.append([book.label(ws, book.sheet_name("Timeline"), font=book.title_font)])
        ws.append([book.label(ws, tr._("No intervention has a start or end date yet."))])
        return
    quarters = c.quarters_between(min(dates), max(dates))
    cut = len(quarters) > MAX_QUARTERS
    quarters = quarters[:MAX_QUARTERS]
    index = {q: i for i, q in enumerate(quarters)}
    for i in range(len(quarters)):
        ws.column_dimensions[c.column_letter(5 + i)].width = 8
    ws.freeze_panes = "E2"
    ws.append(
        book.header(
            ws,
            [
                tr._("Intervention ID"),
                tr._("Title"),
                tr._("Start"),
                tr._("End"),
                *(tr._("{year} Q{quarter}", year=y, quarter=q) for y, q in quarters),
            ],
            computed=True,
        )
    )
    bar = PatternFill("solid", fgColor="FF2E75B6")
    period_bar = PatternFill("solid", fgColor="FFA6A6A6")
    from openpyxl.styles import Font

    white = Font(color="FFFFFFFF", bold=True)

    def span(start: _dt.date | None, end: _dt.date | None) -> range:
        if start is None and end is None:
            return range(0)
        first = index.get(c.quarter_of(start or end))  # type: ignore[arg-type]
        last = index.get(c.quarter_of(end or start))  # type: ignore[arg-type]
        if first is None:
            return range(0)
        if last is None:  # beyond the last quarter shown
            last = len(quarters) - 1
        return range(first, last + 1)

    def row(head: list[Any], cells: range, fill: Any, marks: set[int]) -> list[Any]:
        out: list[Any] = [*head, *([None] * len(quarters))]
        for i in cells:
            out[4 + i] = book.cell(ws, None, fill=fill)
        for i in marks:
            out[4 + i] = book.cell(ws, "◆", fill=fill, font=white)
        return out

    if plan.period.start or plan.period.end:
        ws.append(
            row(
                [
                    book.label(ws, tr._("Plan period"), font=book.bold),
                    None,
                    c.date_cell(plan.period.start) if plan.period.start else None,
                    c.date_cell(plan.period.end) if plan.period.end else None,
                ],
                span(plan.period.start, plan.period.end),
                period_bar,
                set(),
            )
        )
    for iv in plan.interventions:
        tf = iv.timeframe
        marks = {
            index[q]
            for q in (c.quarter_of(ms.date) for ms in tf.milestones if ms.date is not None)
            if q in index
        }
        ws.append(
            row(
                [
                    book.text(ws, iv.id),
                    book.text(ws, iv.title),
                    c.date_cell(tf.start) if tf.start else None,
                    c.date_cell(tf.end) if tf.end else None,
                ],
                span(tf.start, tf.end),
                bar,
                marks,
            )
        )
    ws.append([])
    ws.append(
        [
            book.label(
                ws,
                "Filled cells: the quarters an intervention runs (only the known quarter "
                "where one date is missing); ◆ a milestone. Not imported."
                + (f" Only the first {MAX_QUARTERS} quarters are shown." if cut else ""),
                font=book.note_font,
            )
        ]
    )


# -- coverage -------------------------------------------------------------------------------


def write_coverage(book: _Book) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    plan = book.plan
    assert plan is not None
    cat = catalogue()
    tr = book.tr
    ws = book.sheet("Coverage", computed=True)
    prioritized = list(plan.targets)
    served: dict[str, None] = {}
    for iv in plan.interventions:
        for t in iv.targets:
            served[t] = None
    order = {code: i for i, code in enumerate(cat.targets)}
    others = sorted(
        (t for t in served if t not in set(prioritized)), key=lambda t: order.get(t, len(order))
    )
    targets = [*prioritized, *others]
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 36
    for i in range(len(targets)):
        ws.column_dimensions[c.column_letter(3 + i)].width = 6
    ws.freeze_panes = "C3"
    fills: dict[str, PatternFill] = {}
    white = Font(color="FFFFFFFF", bold=True)
    centre = Alignment(horizontal="center")

    def fill(code: str) -> PatternFill:
        if code not in fills:
            target = cat.targets.get(code)
            colour = cat.goals[target.goal].colour if target is not None else "#7F7F7F"
            fills[code] = PatternFill("solid", fgColor="FF" + colour.lstrip("#").upper())
        return fills[code]

    ws.append(
        [
            *book.header(ws, [tr._("Intervention ID"), tr._("Title")], computed=True),
            *(book.label(ws, t, fill=fill(t), font=white, alignment=centre) for t in targets),
        ]
    )
    ws.append(
        [
            book.label(ws, tr._("Prioritized"), font=book.bold),
            book.label(ws, tr._("addressed by an objective"), font=book.note_font),
            *(
                book.label(ws, tr._("yes"), alignment=centre) if t in set(prioritized) else None
                for t in targets
            ),
        ]
    )
    column = {t: i for i, t in enumerate(targets)}
    counts = [0] * len(targets)
    for iv in plan.interventions:
        cells: list[Any] = [book.text(ws, iv.id), book.text(ws, iv.title)]
        cells += [None] * len(targets)
        for t in dict.fromkeys(iv.targets):
            i = column[t]
            counts[i] += 1
            cells[2 + i] = book.cell(ws, "●", fill=fill(t), font=white, alignment=centre)
        ws.append(cells)
    ws.append(
        [
            book.label(ws, tr._("Interventions"), font=book.bold),
            book.label(ws, tr._("serving the target"), font=book.note_font),
            *(book.cell(ws, n, font=book.bold, alignment=centre) for n in counts),
        ]
    )
    ws.append([])
    ws.append(
        [
            book.label(
                ws,
                tr._(
                    "Each coloured cell: the intervention serves the target; colours are "
                    "those of the SDGs. A prioritized target no intervention serves is a gap. "
                    "Not imported."
                ),
                font=book.note_font,
            )
        ]
    )


# -- findings -------------------------------------------------------------------------------


def write_findings(book: _Book) -> None:
    """The check findings (:func:`migsdg.present.check_view`, with rule codes and key
    paths for those who edit the plan), rows coloured by severity."""
    from openpyxl.styles import PatternFill

    from migsdg.api import check
    from migsdg.excel.writer import checks_date
    from migsdg.present import check_view

    plan = book.plan
    assert plan is not None
    ws = book.sheet("Findings", computed=True)
    today = checks_date(book.today)
    tr = translator(book.language)
    report = book.findings
    if report is None:
        try:
            report = check(plan, today=today)
        except MigsdgError as exc:
            ws.append([book.label(ws, str(exc))])
            return
    view = check_view(plan, report, book.language, date=today, technical=True)
    ws.freeze_panes = "A5" if report.findings else None
    note = tr._("Run migsdg check for the current findings. This sheet is not imported.")
    view = attrs.evolve(view, intro=(*view.intro[:1], Para(note, "note"), *view.intro[1:]))
    tones = {
        tone: PatternFill("solid", fgColor=colour)
        for tone, colour in (("error", "FFF8CBAD"), ("warning", "FFFFE699"), ("info", "FFDDEBF7"))
    }
    write_view(book, ws, view, widths=(12, 8, 40, 60, 60), tones=tones)


# -- reference ------------------------------------------------------------------------------


def write_reference(book: _Book) -> None:
    from openpyxl.styles import Font, PatternFill

    cat = catalogue()
    # The official SDG texts in the workbook's language, where the catalogue has them.
    language = book.language if book.language in TEXT_LANGUAGES else "en"
    ws = book.sheet("SDG targets", computed=True)
    for letter, width in (("A", 8), ("B", 6), ("C", 100), ("D", 16)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    tr = book.tr
    ws.append(
        book.header(
            ws,
            (
                tr._("Target"),
                tr._("Goal"),
                tr.pgettext("SDG target", "Text"),
                tr.pgettext("SDG target", "Migration"),
            ),
            computed=True,
        )
    )
    relations = {"explicit": tr._("Explicit"), "cross-cutting": tr._("Cross-cutting")}
    white = Font(color="FFFFFFFF", bold=True)
    fills = {
        n: PatternFill("solid", fgColor="FF" + g.colour.lstrip("#").upper())
        for n, g in cat.goals.items()
    }
    for code, target in cat.targets.items():
        link = cat.migration_links.get(code)
        ws.append(
            [
                book.label(ws, code, fill=fills[target.goal], font=white),
                target.goal,
                book.label(ws, cat.text(code, language), alignment=book.wrap),
                book.label(ws, relations.get(link.relation, link.relation))
                if link is not None
                else None,
            ]
        )
    ws = book.sheet("Other codes", computed=True)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 100
    ws.append(
        book.header(
            ws,
            (tr._("GCM"), tr._("Objective of the Global Compact for Migration")),
            computed=True,
        )
    )
    for n in cat.gcm_objectives:
        ws.append([n, book.label(ws, cat.gcm_title(n, book.language), alignment=book.wrap)])
    ws.append([])
    ws.append(
        book.header(ws, ("10.7.2", tr._("Policy domain of SDG indicator 10.7.2")), computed=True)
    )
    for n in cat.migration_domains:
        ws.append([n, book.label(ws, cat.domain_name(n, book.language))])


# -- review -----------------------------------------------------------------------------------

#: Shade of the alignment matrix's gap rows (as in the Word review annex).
GAP_COLOUR = "FFF8CBAD"
#: Room kept in a cell for the "... and N more" line when a list is cut to fit.
_CELL_ROOM = c.EXCEL_MAX_TEXT - 100
_REVIEW_WIDTHS = (56, 18, 44, 44, 30)


def _fit(text: str, tr: Translator) -> str:
    """Cell text cut to fit in a cell, whole lines kept ("… and 12 more")."""
    if len(text) <= _CELL_ROOM:
        return text
    lines = text.split("\n")
    out: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        size += len(line) + 1
        if size > _CELL_ROOM:
            out.append(tr.ngettext("… and {n} more", "… and {n} more", len(lines) - i))
            break
        out.append(line)
    return "\n".join(out)


def write_view(
    book: _Book,
    ws: Any,
    view: View,
    *,
    widths: Sequence[int] = (),
    tones: dict[str, Any] | None = None,
) -> None:
    """A view of the plan (:mod:`migsdg.present`) on a computed sheet: its title, notes,
    each section's title, paragraphs and tables (header row, highlighted rows shaded, the
    first cell of a row with a tone filled with ``tones[tone]``)."""
    from openpyxl.styles import PatternFill

    tr = translator(view.language)
    highlight = PatternFill("solid", fgColor=GAP_COLOUR)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[c.column_letter(i)].width = width

    def para(block: Para) -> None:
        font = {
            "note": book.note_font,
            "strong": book.bold,
            "missing": book.bold,
        }.get(block.kind)
        text = f"• {block.text}" if block.kind == "bullet" else block.text
        ws.append([book.label(ws, text, **({"font": font} if font else {}))])

    def blocks(items: Sequence[Block]) -> None:
        for block in items:
            if isinstance(block, Para):
                para(block)
                continue
            ws.append(book.header(ws, [col.label for col in block.columns], computed=True))
            for row in block.rows:
                style: dict[str, Any] = {"fill": highlight} if row.highlight else {}
                cells = []
                for k, (col, cell) in enumerate(zip(block.columns, row.cells, strict=True)):
                    if k == 0 and tones and row.tone in tones:
                        style = {**style, "fill": tones[row.tone]}
                    elif k == 1 and tones:
                        style = {"fill": highlight} if row.highlight else {}
                    text = f"{cell.head}\n{cell.text}" if cell.head else cell.text
                    font = {"font": book.bold} if cell.strong or row.total else {}
                    align = book.top if col.figure else book.wrap
                    cells.append(
                        book.label(ws, _fit(text, tr), alignment=align, **font, **style)
                        if text
                        else book.cell(ws, None, **style)
                    )
                ws.append(cells)

    ws.append([book.label(ws, view.title, font=book.title_font)])
    blocks(view.intro)
    for section in view.sections:
        ws.append([])
        ws.append([book.label(ws, section.title, font=book.bold)])
        blocks(section.blocks)


def write_review(book: _Book) -> None:
    """The review of existing frameworks against the prioritized targets
    (:func:`migsdg.present.review_view`), as the Word draft and ``migsdg review`` show it,
    with a note that the sheet is computed and not imported."""
    from migsdg.present import review_view

    plan = book.plan
    assert plan is not None
    view = review_view(plan, book.language)
    ws = book.sheet("Review", computed=True)
    ws.freeze_panes = "A2"
    tr = translator(view.language)
    note = tr._(
        "Computed when the workbook was written. Edit the Objectives, Interventions and "
        "Existing frameworks sheets, not this one: this sheet is not imported."
    )
    intro = (Para(note, "note"), *view.intro)
    write_view(book, ws, attrs.evolve(view, intro=intro), widths=_REVIEW_WIDTHS)


def _sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name for a plugin's section: its title up to a colon ("Fair recruitment:
    …"), cut to Excel's limit, never one a sheet of the workbook already has (compared
    without case, as Excel does)."""
    short = title.split(":", 1)[0]
    base = name = fit_sheet_name(short, "Section")
    n = 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name.casefold())
    return name


def write_plugin_sections(book: _Book) -> None:
    """The sections plugins add (:mod:`migsdg.sections`), one computed sheet each, in the
    workbook's language and not imported; one that fails is left out and reported as its
    plugin's failure."""
    from migsdg.plugins import get_host
    from migsdg.sections import SectionFailure, section_views

    plan = book.plan
    assert plan is not None
    host = get_host()
    wanted = [s for s in host.sections().values() if s.sheet]
    if not wanted:
        return
    tr = translator(book.language)
    failures: list[SectionFailure] = []
    built = section_views(wanted, plan, tr, failures=failures)
    if failures:
        host.section_failed(failures)
    taken = {name.casefold() for name in book.wb.sheetnames}
    note = tr._(
        "Computed when the workbook was written from the plan's other sheets; this sheet is "
        "not imported."
    )
    for _, view in built:
        ws = book.sheet(_sheet_name(view.title, taken), computed=True, translate=False)
        ws.freeze_panes = "A2"
        write_view(book, ws, attrs.evolve(view, intro=(Para(note, "note"), *view.intro)))
