"""The views people read, built once as plain data in the reader's language.

A :class:`View` is a title, notes and sections of paragraphs and tables whose columns
carry a language-independent key (the English message of their label) beside the label
in the view's language. The Word draft, the Excel workbook's computed sheets and the CLI
text only map a view to their medium, so every label is written once, translated once,
and the three always agree. JSON outputs keep their documented shapes (``to_dict``).

Building a view needs no Office library.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from migsdg.catalogue import Catalogue, catalogue
from migsdg.checks import Report
from migsdg.errors import MigsdgError
from migsdg.i18n import N_, Translator
from migsdg.model import (
    ActionPlan,
    ActorKind,
    Consultation,
    ConsultationKind,
    GovernanceLevel,
    PlanStatus,
    Revision,
)
from migsdg.review import ReviewItem, ReviewResult, review
from migsdg.views import CurrencyError, FundingSummary, funding_summary

if TYPE_CHECKING:
    from migsdg.word.labels import Labels

__all__ = [
    "Cell",
    "Column",
    "Para",
    "Row",
    "Section",
    "Table",
    "View",
    "adoption_revision",
    "adoption_view",
    "check_view",
    "describe_location",
    "funding_view",
    "history_view",
    "review_groups",
    "review_represented",
    "review_view",
    "view_labels",
    "view_language",
]

ParaKind = Literal["body", "note", "strong", "bullet", "missing"]


@attrs.frozen
class Column:
    """A table column: ``key`` is the English message of its label (the same in every
    language), ``label`` the label in the view's language."""

    key: str
    label: str
    figure: bool = False  # amounts and counts: right-aligned
    width: int = 3  # relative width in a document


@attrs.frozen
class Cell:
    """A table cell: lines of text; ``head`` is a first line set apart (bold)."""

    text: str = ""
    strong: bool = False
    head: str = ""


@attrs.frozen
class Row:
    cells: tuple[Cell, ...]
    highlight: bool = False  # e.g. a gap in the alignment matrix
    total: bool = False
    tone: str | None = None  # e.g. a finding's severity, for media that colour rows


@attrs.frozen
class Table:
    key: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@attrs.frozen
class Para:
    """A paragraph: body text, a note (what a table shows), a strong line, a list item, or
    a ``missing`` marker (something the plan still has to give)."""

    text: str
    kind: ParaKind = "body"


Block = Table | Para


@attrs.frozen
class Section:
    key: str  # the English message of its title
    title: str
    blocks: tuple[Block, ...]


@attrs.frozen
class View:
    """A view of a plan for people, in one language."""

    key: str
    language: str
    title: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    def tables(self) -> Iterable[Table]:
        for block in self.intro:
            if isinstance(block, Table):
                yield block
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Table):
                    yield block

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def texts(self) -> Iterable[str]:
        """Every text of the view (titles, labels, paragraphs, cells), in order."""
        yield self.title

        def of(blocks: Iterable[Block]) -> Iterable[str]:
            for block in blocks:
                if isinstance(block, Para):
                    yield block.text
                else:
                    yield from (col.label for col in block.columns)
                    for row in block.rows:
                        for cell in row.cells:
                            if cell.head:
                                yield cell.head
                            if cell.text:
                                yield cell.text

        yield from of(self.intro)
        for section in self.sections:
            yield section.title
            yield from of(section.blocks)


def view_language(plan: ActionPlan, language: str | None) -> str:
    """The language to write in: ``language`` when given (it must have a catalogue),
    else the plan's language when the tool speaks it, else English."""
    from migsdg.i18n import UnknownLanguageError, languages

    if language is not None:
        if language not in languages():
            raise UnknownLanguageError(language)
        return language
    return plan.language if plan.language in languages() else "en"


class _Names:
    """How a view names targets, frameworks, interventions and actors for people."""

    def __init__(self, plan: ActionPlan, t: Labels, cat: Catalogue) -> None:
        self.t = t
        self.cat = cat
        self.frameworks = {f.id: f.name or f.id for f in plan.existing_frameworks}
        self.interventions = {
            iv.id: f"{n}. {iv.title or iv.id}" for n, iv in enumerate(plan.interventions, 1)
        }
        self.actors = {a.id: a.name or a.id for a in plan.actors}

    def target(self, code: str) -> str:
        """``"10.7 — <official text>"`` cut at a word to about a line of a table."""
        try:
            text = f"{code} — {self.cat.text(code, self.t.language)}"
        except MigsdgError:  # a code the catalogue does not know (the checks say so)
            text = code
        return _shorten(text, 110)

    def item(self, item: ReviewItem) -> str:
        names = self.frameworks if item.kind == "framework" else self.interventions
        return names.get(item.id) or item.name or item.id

    def actor(self, actor: str) -> str:
        return self.actors.get(actor, actor)


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def view_labels(language: str) -> Labels:
    """The texts of the shared views (review, resource mobilization) in ``language``."""
    # The Word draft's labels module holds the texts of the views it shares with the
    # workbook and the CLI; imported here, not at the top, as the draft imports this module.
    from migsdg.word.labels import Labels

    return Labels(language)


def _col(t: Labels, key: str, *, figure: bool = False, width: int = 3) -> Column:
    from migsdg.word.labels import ENGLISH

    return Column(key=ENGLISH[key], label=t[key], figure=figure, width=width)


def _section(t: Labels, key: str, blocks: Sequence[Block]) -> Section:
    from migsdg.word.labels import ENGLISH

    return Section(key=ENGLISH[key], title=t[key], blocks=tuple(blocks))


# -- the review of existing frameworks ---------------------------------------------------------


def review_view(
    plan: ActionPlan,
    language: str | None = None,
    *,
    cat: Catalogue | None = None,
    result: ReviewResult | None = None,
) -> View:
    """The review of existing frameworks against the prioritized targets
    (:func:`migsdg.review_plan`): alignment matrix and coverage, gaps, possible duplication,
    horizontal and vertical coherence, entries the review cannot compare, and the
    explicitly migration-related targets not prioritized."""
    t = view_labels(view_language(plan, language))
    cat = cat or catalogue()
    result = result if result is not None else review(plan, cat=cat)
    names = _Names(plan, t, cat)
    inventory = result.frameworks > 0
    intro: list[Block] = [Para(t["review_intro"], "note")]
    if not inventory:
        intro.append(Para(t["no_inventory"]))
    sections = [
        _section(t, "review_matrix", _matrix(t, names, result, inventory)),
        _section(t, "gaps", _gaps(t, names, result)),
    ]
    if inventory:
        sections.append(_section(t, "duplication", _duplications(t, names, result)))
    sections.append(_section(t, "horizontal", _horizontal(t, names, result)))
    sections.append(_section(t, "vertical", _vertical(t, names, result)))
    if result.incomplete_frameworks:
        field_label = {
            "targets": t["targets"],
            "level": t["col_level"],
            "policy_area": t["policy_area"],
            "owner": t["col_owner"],
        }
        rows = tuple(
            Row(
                (
                    Cell(names.item(f.framework)),
                    Cell(", ".join(field_label.get(m, m) for m in f.missing)),
                )
            )
            for f in result.incomplete_frameworks
        )
        table = Table(
            "incomplete",
            (_col(t, "col_name", width=3), _col(t, "col_missing", width=4)),
            rows,
        )
        sections.append(_section(t, "incomplete", [table]))
    if result.unprioritized_migration_targets:
        blocks: list[Block] = [Para(t["unprioritized_intro"], "note")]
        blocks += [
            Para(names.target(code), "bullet") for code in result.unprioritized_migration_targets
        ]
    else:
        blocks = [Para(t["unprioritized_none"])]
    sections.append(_section(t, "unprioritized", blocks))
    return View(
        key="review",
        language=t.language,
        title=t["annex_review"],
        intro=tuple(intro),
        sections=tuple(sections),
    )


def _matrix(t: Labels, names: _Names, result: ReviewResult, inventory: bool) -> list[Block]:
    if not result.matrix:
        return [Para(t["review_no_targets"], "missing")]
    relation = {
        "explicit": t["migration_explicit"],
        "cross-cutting": t["migration_cross_cutting"],
    }
    columns = [_col(t, "col_target", width=5), _col(t, "col_migration", width=2)]
    if inventory:
        columns.append(_col(t, "col_existing", width=4))
    columns.append(_col(t, "col_planned", width=4))
    rows = []
    for row in result.matrix:
        cells = [
            Cell(names.target(row.target)),
            Cell(relation.get(row.migration or "", t["migration_not_listed"])),
        ]
        if inventory:
            cells.append(Cell("\n".join(names.frameworks.get(i, i) for i in row.frameworks) or "—"))
        cells.append(
            Cell("\n".join(names.interventions.get(i, i) for i in row.interventions) or "—")
        )
        rows.append(Row(tuple(cells), highlight=row.is_gap))
    note = t["matrix_note"] + (f" {t['matrix_gaps_shaded']}" if result.gaps else "")
    total = len(result.matrix)
    if inventory:
        coverage = t.format(
            "coverage",
            covered=t.number(result.covered),
            total=t.number(total),
            share=t.percent(result.covered, total),
            frameworks=t.number(result.covered_by_frameworks),
            frameworks_share=t.percent(result.covered_by_frameworks, total),
            interventions=t.number(result.covered_by_interventions),
            interventions_share=t.percent(result.covered_by_interventions, total),
        )
    else:
        coverage = t.format(
            "coverage_no_inventory",
            covered=t.number(result.covered_by_interventions),
            total=t.number(total),
            share=t.percent(result.covered_by_interventions, total),
        )
    return [
        Table("matrix", tuple(columns), tuple(rows)),
        Para(note, "note"),
        Para(coverage, "strong"),
    ]


def _gaps(t: Labels, names: _Names, result: ReviewResult) -> list[Block]:
    if result.gaps:
        return [Para(t["gaps_intro"]), *(Para(names.target(c), "bullet") for c in result.gaps)]
    if result.matrix:
        return [Para(t["gaps_none"])]
    return [Para(t["to_complete"], "missing")]


def _duplications(t: Labels, names: _Names, result: ReviewResult) -> list[Block]:
    if not result.duplications:
        return [Para(t["duplication_none"])]
    rows = []
    for d in result.duplications:
        fw = d.framework
        shared = ", ".join(d.targets) + (f" {t['duplication_full']}" if d.full else "")
        rows.append(
            Row(
                (
                    Cell(names.item(d.intervention)),
                    Cell(names.item(fw)),
                    Cell(t.enum(fw.level) if fw.level else ""),
                    Cell(fw.policy_area),
                    Cell(shared),
                )
            )
        )
    columns = (
        _col(t, "col_intervention", width=4),
        _col(t, "col_framework", width=4),
        _col(t, "col_level", width=2),
        _col(t, "policy_area", width=3),
        _col(t, "col_shared_targets", width=3),
    )
    return [Para(t["duplication_intro"], "note"), Table("duplication", columns, tuple(rows))]


def _horizontal(t: Labels, names: _Names, result: ReviewResult) -> list[Block]:
    if not result.horizontal:
        return [Para(t["coherence_none"])]
    rows = tuple(
        Row(
            (
                Cell(names.target(h.target)),
                Cell(t.enum(h.level) if h.level else ""),
                Cell(h.policy_area),
                Cell("\n".join(", ".join(names.actor(o) for o in g) for g in h.unconnected)),
                Cell("\n".join(names.item(x) for x in h.items)),
            )
        )
        for h in result.horizontal
    )
    columns = (
        _col(t, "col_target", width=4),
        _col(t, "col_level", width=2),
        _col(t, "policy_area", width=2),
        _col(t, "col_uncoordinated", width=3),
        _col(t, "col_items", width=4),
    )
    return [Para(t["horizontal_intro"], "note"), Table("horizontal", columns, rows)]


def _vertical(t: Labels, names: _Names, result: ReviewResult) -> list[Block]:
    if not result.vertical:
        return [Para(t["coherence_none"])]

    def side(level: GovernanceLevel, items: tuple[ReviewItem, ...]) -> Cell:
        return Cell("\n".join(names.item(x) for x in items), head=t.enum(level))

    rows = tuple(
        Row(
            (
                Cell(names.target(v.target)),
                side(v.upper_level, v.upper),
                side(v.lower_level, v.lower),
            )
        )
        for v in result.vertical
    )
    columns = (
        _col(t, "col_target", width=4),
        _col(t, "col_upper", width=4),
        _col(t, "col_lower", width=4),
    )
    return [Para(t["vertical_intro"], "note"), Table("vertical", columns, rows)]


# -- the resource mobilization plan ------------------------------------------------------------


def funding_view(
    plan: ActionPlan,
    language: str | None = None,
    *,
    summary: FundingSummary | None = None,
) -> View:
    """The guide's resource mobilization plan: per intervention (resources, supporting
    activities, required, secured, pledged, proposed, gap), per category of source (the
    guide's four), per source and partner, the interventions needing resources, and (once
    the plan records spending) the money spent on each intervention.

    Without an exchange rate for an amount's currency the view says so instead of adding
    up different currencies."""
    t = view_labels(view_language(plan, language))
    names = _Names(plan, t, catalogue())
    title = t["annex_resources"]
    if summary is None:
        try:
            summary = funding_summary(plan)
        except CurrencyError as error:
            where = ", ".join(error.locations[:3]) + (" …" if len(error.locations) > 3 else "")
            text = t.format(
                "no_rate", currency=error.currency, plan_currency=error.plan_currency, where=where
            )
            return View("funding", t.language, title, (Para(text, "missing"),), ())
    intro = (Para(t.format("annex_resources_intro", currency=summary.currency), "note"),)

    def money(value: Decimal, *, strong: bool = False) -> Cell:
        return Cell(t.number(value), strong=strong)

    def total(values: Iterable[Decimal], label_cells: int = 1) -> Row:
        cells = [Cell(t["total"], strong=True), *(Cell() for _ in range(label_cells - 1))]
        cells += [money(v, strong=True) for v in values]
        return Row(tuple(cells), total=True)

    def fig(key: str) -> Column:
        return _col(t, key, figure=True, width=2)

    def summed(
        key: str,
        label_columns: Sequence[Column],
        items: Sequence[Any],
        labels: Callable[[Any], tuple[Cell, ...]],
        figures: Sequence[tuple[str, Callable[[Any], Decimal], bool]],
    ) -> Table:
        """A row per item (its label cells, then its figures: column key, value, whether
        strong) and a total row summing each figure."""
        rows = [
            Row((*labels(item), *(money(get(item), strong=strong) for _, get, strong in figures)))
            for item in items
        ]
        sums = (sum((get(item) for item in items), Decimal(0)) for _, get, _ in figures)
        rows.append(total(sums, label_cells=len(label_columns)))
        return Table(key, (*label_columns, *(fig(k) for k, _, _ in figures)), tuple(rows))

    def intervention_cell(row: Any) -> tuple[Cell, ...]:
        return (Cell(names.interventions.get(row.intervention, row.title or row.intervention)),)

    rows = [
        Row(
            (
                *intervention_cell(row),
                money(row.resources),
                money(row.supporting_activities),
                money(row.required),
                money(row.secured),
                money(row.pledged),
                money(row.proposed),
                money(row.gap, strong=row.gap > 0),
            )
        )
        for row in summary.interventions
    ]
    s = summary
    rows.append(
        total(
            (
                s.resources,
                s.supporting_activities,
                s.required,
                s.secured,
                s.pledged,
                s.proposed,
                s.gap,
            )
        )
    )
    by_intervention = Table(
        "by_intervention",
        (
            _col(t, "col_intervention", width=3),
            fig("col_resources"),
            fig("criterion_supporting"),
            fig("col_required"),
            fig("secured"),
            fig("pledged"),
            fig("col_proposed"),
            fig("col_gap"),
        ),
        tuple(rows),
    )

    by_category = summed(
        "by_category",
        (_col(t, "col_category", width=5),),
        summary.categories,
        lambda c: (Cell(t.enum(c.category) if c.category else t["uncategorised"]),),
        (
            ("secured", lambda c: c.secured, False),
            ("pledged", lambda c: c.pledged, False),
            ("col_proposed", lambda c: c.proposed, False),
            ("col_total", lambda c: c.total, False),
        ),
    )
    sections = [
        _section(t, "by_intervention", [by_intervention]),
        _section(t, "by_category", [by_category]),
    ]

    if summary.sources:
        by_source = summed(
            "by_source",
            (
                _col(t, "col_source", width=4),
                _col(t, "col_category", width=4),
                _col(t, "col_provider", width=3),
            ),
            summary.sources,
            lambda s: (
                Cell(s.name or s.source),
                Cell(t.enum(s.category) if s.category else t["uncategorised"]),
                Cell(s.provider_name or (names.actor(s.provider) if s.provider else "")),
            ),
            (
                ("secured", lambda s: s.secured, False),
                ("pledged", lambda s: s.pledged, False),
                ("col_proposed", lambda s: s.proposed, False),
                ("col_total", lambda s: s.total, False),
            ),
        )
        sections.append(_section(t, "by_source", [by_source]))

    needing = summary.needing_resources()
    if needing:
        table = summed(
            "needing",
            (_col(t, "col_intervention", width=6),),
            needing,
            intervention_cell,
            (
                ("col_required", lambda r: r.required, False),
                ("col_committed", lambda r: r.secured + r.pledged, False),
                ("col_proposed", lambda r: r.proposed, False),
                ("col_gap", lambda r: r.gap, True),
            ),
        )
        blocks: list[Block] = [table, Para(t["gap_note"], "note")]
    else:
        blocks = [Para(t["none_needing"])]
    sections.append(_section(t, "needing", blocks))

    spending = [row for row in summary.interventions if row.spent]
    if spending:
        spent_table = summed(
            "spending",
            (_col(t, "col_intervention", width=6),),
            spending,
            intervention_cell,
            (
                ("col_required", lambda r: r.required, False),
                ("col_committed", lambda r: r.secured + r.pledged, False),
                ("col_spent", lambda r: r.spent, True),
            ),
        )
        sections.append(_section(t, "spending", [Para(t["spending_note"], "note"), spent_table]))
    return View("funding", t.language, title, intro, tuple(sections))


# -- the check report ----------------------------------------------------------------------


#: How the parts of a key path read for people (``interventions[2].funding[0].amount`` is
#: "Intervention 3 › Funding 1 › Amount").
_FIELDS: dict[str, str] = {
    "actors": N_("Actor {n}"),
    "authority": N_("Responsible authority"),
    "authority_actor": N_("Responsible authority"),
    "baseline": N_("Baseline"),
    "beneficiaries": N_("Beneficiaries"),
    "beneficiary_actors": N_("Beneficiary actor {n}"),
    "capacity": N_("Capacity"),
    "category": N_("Category"),
    "code": N_("Code"),
    "consultations": N_("Consultation {n}"),
    "coordination": N_("Coordination"),
    "cost": N_("Cost"),
    "country": N_("Country"),
    "currency": N_("Currency"),
    "data_source": N_("Data source"),
    "date": N_("Date"),
    "definition": N_("Definition"),
    "description": N_("Description"),
    "disaggregation": N_("Disaggregation"),
    "due": N_("Due"),
    "end": N_("End"),
    "exchange_rates": N_("Exchange rate {n}"),
    "existing_frameworks": N_("Existing framework {n}"),
    "form": N_("Form"),
    "frequency": N_("Frequency"),
    "funding": N_("Funding"),
    "funding_sources": N_("Funding source {n}"),
    "group": N_("Group"),
    "id": N_("Identifier"),
    "indicator": N_("Indicator"),
    "interim": N_("Interim value {n}"),
    "interim_targets": N_("Interim target {n}"),
    "interventions": N_("Intervention {n}"),
    "kind": N_("Kind"),
    "level": N_("Level of government"),
    "links": N_("Link {n}"),
    "milestones": N_("Milestone {n}"),
    "monitoring": N_("Monitoring entry {n}"),
    "name": N_("Name"),
    "objectives": N_("Objective {n}"),
    "outcomes": N_("Expected outcomes"),
    "outputs": N_("Output {n}"),
    "owner": N_("Owner"),
    "parent": N_("Parent"),
    "participants": N_("Participants"),
    "period": N_("Plan period"),
    "policy_area": N_("Policy area"),
    "provider": N_("Provider"),
    "rationale": N_("Rationale"),
    "resources": N_("Costed resource {n}"),
    "responsible": N_("Responsible actor"),
    "roles": N_("Roles"),
    "source": N_("Funding source"),
    "start": N_("Start"),
    "status": N_("Status"),
    "summary": N_("Summary"),
    "supporting_activities": N_("Supporting activity {n}"),
    "target": N_("Target"),
    "targets": N_("SDG targets"),
    "timeframe": N_("Timeframe"),
    "title": N_("Title"),
    "type": N_("Type of intervention"),
    "amount": N_("Amount"),
    "year": N_("Year"),
    "value": N_("Value"),
}
# A list named without an index ("funding", "roles") reads as the whole list.
_LISTS: dict[str, str] = {
    "actors": N_("Actors"),
    "consultations": N_("Consultations"),
    "existing_frameworks": N_("Existing frameworks"),
    "funding": N_("Funding"),
    "funding_sources": N_("Funding sources"),
    "interim_targets": N_("Interim targets"),
    "interventions": N_("Interventions"),
    "links": N_("Links"),
    "milestones": N_("Milestones"),
    "monitoring": N_("Monitoring and evaluation"),
    "objectives": N_("Objectives"),
    "outputs": N_("Expected outputs"),
    "resources": N_("Costed resources"),
    "supporting_activities": N_("Supporting activities"),
    "exchange_rates": N_("Exchange rates"),
    "interim": N_("Interim values"),
    "beneficiary_actors": N_("Beneficiary actors"),
}
_PART = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def describe_location(location: str, tr: Translator) -> str:
    """A key path of the plan (``interventions[2].funding[0].amount``) as people read it
    in ``tr``'s language: "Intervention 3 › Funding 1 › Amount"."""
    parts = []
    for piece in location.split("."):
        m = _PART.fullmatch(piece)
        if m is None:
            parts.append(piece)
            continue
        name, index = m.group(1), m.group(2)
        if index is not None and name in _FIELDS:
            parts.append(tr._(_FIELDS[name], n=tr.number(int(index) + 1)))
        elif index is None and name in _LISTS:
            parts.append(tr._(_LISTS[name]))
        elif name in _FIELDS and "{n}" not in _FIELDS[name]:
            parts.append(tr._(_FIELDS[name]))
        else:
            parts.append(name.replace("_", " ") + (f" {int(index) + 1}" if index else ""))
    return " › ".join(parts)


def check_view(
    plan: ActionPlan,
    report: Report,
    language: str | None = None,
    *,
    date: _dt.date | None = None,
    technical: bool = False,
) -> View:
    """The check findings: a count by severity and one row per finding (severity, where,
    finding, how to address it) in the reader's language. ``technical`` adds the rule
    code and the key path of each finding, for those who edit the plan file (the
    workbook, the CLI); a document for a ministry leaves them out."""
    from migsdg.i18n import translator

    t = view_labels(view_language(plan, language))
    tr = translator(t.language)
    counts = report.counts()
    parts = [
        tr.ngettext("{n} error", "{n} errors", counts["error"]),
        tr.ngettext("{n} warning", "{n} warnings", counts["warning"]),
        tr.ngettext("{n} note", "{n} notes", counts["info"]),
    ]
    summary = tr._("{first}, {second} and {third}", first=parts[0], second=parts[1], third=parts[2])
    if date is not None:
        intro_text = t.format("findings_intro", date=t.date(date), counts=summary)
    else:
        intro_text = t.format("findings_intro_undated", counts=summary)
    intro: list[Block] = [Para(intro_text, "note")]
    if not report.findings:
        intro.append(Para(t["findings_none"]))
        return View("findings", t.language, t["annex_findings"], tuple(intro), ())
    columns = [_col(t, "col_severity", width=2)]
    if technical:
        columns.append(_col(t, "col_code", width=2))
    columns.append(_col(t, "col_location", width=4))
    columns += [_col(t, "col_finding", width=6), _col(t, "col_hint", width=6)]
    rows = []
    for f in report.findings:
        where = describe_location(f.location, tr)
        if technical:
            where = f"{where}\n{f.location}" if where != f.location else where
        cells = [Cell(t.enum(f.severity))]
        if technical:
            cells.append(Cell(f.code))
        cells += [Cell(where), Cell(tr.text(f.message)), Cell(tr.text(f.hint))]
        rows.append(Row(tuple(cells), tone=f.severity.value))
    table = Table("findings", tuple(columns), tuple(rows))
    return View("findings", t.language, t["annex_findings"], (*intro, table), ())


# -- the review and adoption record, and the revision history ------------------------------

#: The statuses of a plan that has been adopted.
_ADOPTED = (PlanStatus.ADOPTED, PlanStatus.AMENDED)
#: Participants who count as civil society or migrant representation in a review (the
#: guide: "Ideally, the review process will include representatives from civil society").
_REPRESENTED = (ActorKind.CIVIL_SOCIETY, ActorKind.MIGRANT_ASSOCIATION)


def _day(t: Labels, day: _dt.date | None) -> str:
    """A date in a table cell, kept on one line ("18\u00a0February\u00a02020")."""
    return t.date(day).replace(" ", "\u00a0") if day is not None else ""


def adoption_revision(plan: ActionPlan) -> Revision | None:
    """The revision that records the plan's (first) adoption, if any."""
    return min(
        (r for r in plan.revisions if r.status is PlanStatus.ADOPTED),
        key=lambda r: r.number,
        default=None,
    )


def review_groups(plan: ActionPlan, consultation: Consultation) -> list[ActorKind]:
    """The stakeholder groups that took part in a consultation: the participants' groups,
    then the kinds of the actors listed among them."""
    kinds = {a.id: a.kind for a in plan.actors}
    groups: dict[ActorKind, None] = {p.group: None for p in consultation.participants}
    for p in consultation.participants:
        for actor in p.actors:
            kind = kinds.get(actor)
            if kind is not None:
                groups[kind] = None
    return list(groups)


def review_represented(plan: ActionPlan, consultation: Consultation) -> bool:
    """Civil society or migrants took part (the guide's ideal for a review)."""
    kinds = {a.id: a.kind for a in plan.actors}
    for p in consultation.participants:
        if p.group in _REPRESENTED and (p.actors or p.count is None or p.count > 0):
            return True
        if any(kinds.get(a) in _REPRESENTED for a in p.actors):
            return True
    return False


def adoption_view(plan: ActionPlan, language: str | None = None) -> View:
    """The review and adoption record: the review workshops with the stakeholder groups
    that took part, the status changes recorded in the revisions, and what the guide asks
    for the plan's level before adoption against what the record shows. What the record
    lacks is a ``missing`` paragraph."""
    t = view_labels(view_language(plan, language))
    reviews = sorted(
        (c for c in plan.consultations if c.kind.is_review),
        key=lambda c: c.date or _dt.date.max,
    )
    if reviews:
        rows = tuple(
            Row(
                (
                    Cell(_day(t, c.date)),
                    Cell(t.enum(c.kind)),
                    Cell(c.title),
                    Cell("\n".join(t.enum(g) for g in review_groups(plan, c))),
                    Cell(t["yes"] if review_represented(plan, c) else t["no"]),
                )
            )
            for c in reviews
        )
        columns = (
            _col(t, "col_date", width=2),
            _col(t, "col_kind", width=3),
            _col(t, "col_title", width=4),
            _col(t, "col_groups", width=4),
            _col(t, "col_represented", width=2),
        )
        workshops: list[Block] = [Table("workshops", columns, rows)]
    else:
        workshops = [Para(t["no_review"], "note")]
    sections = [_section(t, "review_workshops", workshops)]

    changes: list[str] = []
    last: PlanStatus | None = None
    for r in sorted(plan.revisions, key=lambda r: r.number):
        if r.status is not None and r.status is not last:
            changes.append(f"{t.enum(r.status)} ({t.date(r.date)})")
            last = r.status
    if changes:
        sections.append(_section(t, "status_history", [Para(" → ".join(changes))]))
    sections.append(_section(t, "adoption", _adoption(t, plan, reviews)))
    return View("adoption", t.language, t["review_adoption"], (), tuple(sections))


def _adoption(t: Labels, plan: ActionPlan, reviews: Sequence[Consultation]) -> list[Block]:
    """What the guide asks for this level before adoption, and whether the record shows
    it: one paragraph per statement, facts from the plan, what is missing marked so."""
    out: list[Block] = []

    def say(text: str, *, missing: bool = False) -> None:
        out.append(Para(text, "missing" if missing else "body"))

    adopted = adoption_revision(plan)
    if plan.level is None:
        say(t["adoption_no_level"], missing=True)
    else:
        if plan.level is GovernanceLevel.NATIONAL:
            needed = ConsultationKind.INTERMINISTERIAL_WORKSHOP
            say(t["adoption_national"])
        else:
            needed = ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP
            say(t.format("adoption_local", level=t.enum(plan.level).lower()))
        held = [c for c in reviews if c.kind is needed]
        # Once adopted, what counts is a review held before the adoption.
        before = [c for c in held if adopted is None or c.date is None or c.date <= adopted.date]
        if not held:
            say(t.format("adoption_missing", kind=t.enum(needed).lower()), missing=True)
        elif not before:
            assert adopted is not None
            say(t.format("adoption_after", date=t.date(adopted.date)), missing=True)
        else:
            workshops = t["list_sep"].join(
                f"{t.enum(c.kind).lower()} ({t.date(c.date) if c.date else t['undated']})"
                for c in before
            )
            say(t.format("adoption_held", workshops=workshops))
    if reviews:
        with_them = sum(1 for c in reviews if review_represented(plan, c))
        if with_them:
            say(t.format("represented", n=with_them, total=len(reviews)))
        else:
            say(t["not_represented"], missing=True)
    status = t.enum(plan.status).lower()
    if adopted is not None:
        say(t.format("adopted_on", date=t.date(adopted.date), n=adopted.number))
        if plan.status is PlanStatus.AMENDED:
            amended = max(
                (r for r in plan.revisions if r.status is PlanStatus.AMENDED),
                key=lambda r: r.number,
                default=None,
            )
            if amended is not None:
                say(t.format("amended_on", date=t.date(amended.date), n=amended.number))
        elif plan.status not in _ADOPTED:
            say(t.format("back_in_review", status=status))
    elif plan.status in _ADOPTED:
        say(t.format("adopted_undated", status=status), missing=True)
    else:
        say(t.format("not_adopted", status=status))
    return out


def history_view(plan: ActionPlan, language: str | None = None) -> View:
    """The revision history: one row per revision (number, date, author, status after
    it, summary of changes), oldest first."""
    t = view_labels(view_language(plan, language))
    if not plan.revisions:
        intro: tuple[Block, ...] = (Para(t["no_revision_yet"], "missing"),)
    else:
        rows = tuple(
            Row(
                (
                    Cell(t.number(r.number)),
                    Cell(_day(t, r.date)),
                    Cell(r.author),
                    Cell(t.enum(r.status) if r.status else ""),
                    Cell(r.summary),
                )
            )
            for r in sorted(plan.revisions, key=lambda r: r.number)
        )
        columns = (
            _col(t, "col_revision", width=1),
            _col(t, "col_date", width=2),
            _col(t, "col_author", width=3),
            _col(t, "col_status", width=2),
            _col(t, "col_changes", width=6),
        )
        intro = (Table("revisions", columns, rows),)
    return View("history", t.language, t["annex_revisions"], intro, ())
