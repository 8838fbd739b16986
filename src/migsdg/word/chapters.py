"""The chapters of the Word draft that present the plan as a whole.

What a ministry and IOM expect to find before and around the interventions: the plan at a
glance, the introduction (context and how the targets were prioritised), acronyms,
stakeholders and their capacity, the plan's governance, coordination and reporting, the
review tools and the synergies and trade-offs between frameworks, the alignment with the
Global Compact for Migration and the 10.7.2 domains, the results framework, and the budget
by year.

:class:`Chapters` is mixed into the draft's builder (:mod:`migsdg.word.document`), whose
helpers (labels, markers, names, tables) it uses.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, cast

import attrs

from migsdg.catalogue import Catalogue
from migsdg.i18n import N_
from migsdg.model import (
    ActionPlan,
    CostLine,
    FundingCategory,
    FundingSource,
    Intervention,
    MonitoringEntry,
    RoleKind,
    Stage,
    Timeframe,
)
from migsdg.views import FundingSummary
from migsdg.word.blocks import Block, Cell, Heading, Paragraph, Part, Run, Table
from migsdg.word.labels import Labels

if TYPE_CHECKING:  # pragma: no cover
    from migsdg.model import Measure

__all__ = ["GLOSSARY", "Chapters", "acronyms", "spread_by_year"]

_STAGES = tuple(Stage)
_MARK = "●"

#: Abbreviations the draft itself uses or a plan commonly refers to: (abbreviation,
#: meaning), both translated (the abbreviation too: SDG is ODS in Spanish, ODD in French).
GLOSSARY: tuple[tuple[str, str], ...] = (
    (N_("SDG"), N_("Sustainable Development Goal")),
    (N_("GCM"), N_("Global Compact for Safe, Orderly and Regular Migration")),
    (N_("M&E"), N_("Monitoring and evaluation")),
    (N_("IOM"), N_("International Organization for Migration")),
    (N_("ILO"), N_("International Labour Organization")),
    (N_("UNDP"), N_("United Nations Development Programme")),
    (N_("MGI"), N_("Migration Governance Indicators")),
    (N_("JMDI"), N_("Joint Migration and Development Initiative")),
    (N_("RIA"), N_("Rapid Integrated Assessment")),
    (N_("IATI"), N_("International Aid Transparency Initiative")),
)
#: Glossary entries every draft lists (it speaks of SDG targets and of M&E throughout).
_ALWAYS = frozenset({"SDG", "M&E"})

_DEFINED = re.compile(r"([A-ZÀ-Þ][^()\n]{2,}?)\s*\(([A-ZÀ-Þ][A-Za-zÀ-ÿ0-9&.\-]{1,11})\)")
_ABBREVIATION = re.compile(r"\b[A-ZÀ-Þ][A-ZÀ-Þ0-9&]*[A-ZÀ-Þ]s?\b")
_SMALL_WORDS = frozenset(
    {
        "of",
        "and",
        "for",
        "on",
        "the",
        "in",
        "to",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "para",
        "en",
        "sur",
        "des",
        "du",
        "et",
        "pour",
        "le",
        "les",
        "à",
        "au",
        "aux",
        "d'",
        "l'",
    }
)


def _initials(name: str) -> set[str]:
    """Abbreviations ``name`` may go by: the initials of its capitalised words, and of all
    its words ("Planning Institute of Jamaica": PIJ, PIOJ)."""
    words = [w for w in re.split(r"[\s\-/,]+", name) if w and w[0].isalpha()]
    capital = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0].upper() for w in words)
    return {capital, every} - {""}


def acronyms(texts: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Abbreviations the plan's texts define or use: "Long name (ABBR)" anywhere in
    ``texts``, and the ``names`` (of actors, funding sources, frameworks) whose initials
    are an abbreviation the texts use. Abbreviation → meaning."""
    found: dict[str, str] = {}
    used: set[str] = set()
    for text in texts:
        for long, short in _DEFINED.findall(text):
            meaning = _trim_definition(long, short)
            if meaning:
                found.setdefault(short, meaning)
        used.update(_ABBREVIATION.findall(text))
    for name in names:
        for guess in _initials(name):
            if len(guess) >= 2 and guess in used:
                found.setdefault(guess, name.strip())
            elif len(guess) >= 2 and f"{guess}s" in used:  # "MDAs"
                found.setdefault(f"{guess}s", name.strip())
    return found


def _trim_definition(long: str, short: str) -> str:
    """The words before "(ABBR)" that spell it out: walking back from the parenthesis
    while the capitalised words' initials are still missing ("the National Working Group
    on International Migration and Development (NWGIMD)" → "National Working Group …")."""
    words = long.split()
    need = sum(1 for c in short if c.isupper())
    taken: list[str] = []
    for word in reversed(words):
        if need == 0:
            break
        if word[:1].isupper():
            need -= 1
        elif word.lower() not in _SMALL_WORDS:
            if need > 0 and len(taken) >= 2:
                break  # "… with Jamaica Promotions Corporation (JAMPRO)": the name only
            return ""  # an ordinary word inside what should be the name: no guess
        taken.append(word)
    while taken and taken[-1].lower() in _SMALL_WORDS:  # "the …": not part of the name
        taken.pop()
    if need > 0:  # a name that does not spell its abbreviation out letter by letter
        return " ".join(reversed(taken)).strip(" ,;:") if len(taken) >= 2 else ""
    return " ".join(reversed(taken)).strip(" ,;:")


def spread_by_year(
    iv: Intervention, lines: Sequence[CostLine], convert: _Convert
) -> tuple[dict[int, Decimal], Decimal]:
    """Amounts per year in the plan's currency, as the IATI export budgets them (see
    :func:`migsdg.iati.yearly_amounts`): a line's year places it; lines without
    one are shared over the intervention's timeframe in proportion to its days in each
    year. Returns (per year, what could not be placed: no year and no timeframe)."""
    from migsdg.iati import yearly_amounts

    unplaced: list[Decimal] = []
    shadow = cast(Intervention, _Lines(iv.id, tuple(lines), iv.timeframe))
    per_year = yearly_amounts(
        shadow, "", convert, lambda _where, _message: unplaced.append(Decimal(0))
    )
    left = Decimal(0)
    if unplaced:
        for line in lines:
            if line.year is None:
                amount = convert(line.amount, line.currency, "")
                left += amount or Decimal(0)
    return per_year, left


@attrs.frozen
class _Lines:
    """What :func:`yearly_amounts` reads of an intervention: its id, cost lines and
    timeframe (an intervention rebuilt with other lines would cost a validation)."""

    id: str
    resources: tuple[CostLine, ...]
    timeframe: Timeframe
    supporting_activities: tuple[()] = ()


class _Convert:
    """Amounts in the plan's currency (``None`` for a currency without a rate)."""

    def __init__(self, plan: ActionPlan) -> None:
        self.currency = plan.currency
        self.rates = {r.currency: r.rate for r in plan.exchange_rates}

    def __call__(self, amount: Decimal, currency: str | None, _where: str) -> Decimal | None:
        if currency is None or currency == self.currency:
            return amount
        rate = self.rates.get(currency)
        return None if rate is None else amount * rate


def _ranges(numbers: Sequence[int]) -> str:
    """``[1, 2, 3, 5]`` → ``"1–3, 5"``."""
    out: list[str] = []
    start = prev = None
    for n in sorted(set(numbers)):
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            out.append(f"{start}–{prev}" if start != prev else f"{start}")
            start = prev = n
    if start is not None:
        out.append(f"{start}–{prev}" if start != prev else f"{start}")
    return ", ".join(out)


class Chapters:
    """The plan-wide chapters; mixed into the builder, which provides what is declared
    here."""

    plan: ActionPlan
    t: Labels
    lang: str
    cat: Catalogue
    currency: str
    summary: FundingSummary | None
    sources: dict[str, FundingSource]

    if TYPE_CHECKING:  # the builder's helpers

        def todo(self) -> Run: ...
        def cell(self, text: str | None, *, bold: bool = False) -> Cell: ...
        def optional(self, text: str | None) -> Cell: ...
        def heading(self, text: str, level: int) -> Heading: ...
        def actor(self, actor_id: str | None) -> str: ...
        def day(self, value: _dt.date | None) -> str | None: ...
        def amount(self, value: Decimal, *, bold: bool = False) -> Cell: ...
        def iv_name(self, n: int, iv: Intervention) -> str: ...
        def target_text(self, code: str) -> str: ...
        def measure(self, m: Measure | None, unit: str = "") -> Cell: ...
        def indicator_cell(self, m: MonitoringEntry, *, disaggregation: bool = False) -> Cell: ...
        def item_label(self, item_id: str) -> str: ...
        def grid(
            self,
            header: Sequence[str],
            rows: Sequence[Sequence[Cell]],
            widths: Sequence[int] | None = None,
            *,
            figures: bool = False,
        ) -> Table: ...
        def fields(self, rows: Sequence[tuple[str, Cell]]) -> Table: ...

    def text_or_todo(self, text: str) -> list[Block]:
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        if not paragraphs:
            return [Paragraph((self.todo(),))]
        return [Paragraph((Run(p),)) for p in paragraphs]

    # -- the plan at a glance ---------------------------------------------------------------

    def lead_of(self, iv: Intervention) -> str:
        """The actors leading the intervention (at implementation first), by name."""
        leads = [r for r in iv.roles if r.role is RoleKind.LEAD]
        leads.sort(key=lambda r: r.stage is not Stage.IMPLEMENTATION)
        names = [n for n in dict.fromkeys(self.actor(r.actor) for r in leads) if n]
        if len(names) > 1:  # several leads: one bullet each, so the names stay apart
            return "\n".join(f"• {n}" for n in names)
        return "\n".join(names)

    def years(self, iv: Intervention) -> str:
        start, end = iv.timeframe.start, iv.timeframe.end
        if start is None or end is None:
            return ""
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)

    def glance(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["glance_heading"], 1)]
        blocks.append(
            Paragraph((Run(t.format("glance_intro", currency=self.currency), italic=True),), "note")
        )
        funding = self.summary.interventions if self.summary is not None else None
        rows: list[list[Cell]] = []
        for n, iv in enumerate(plan.interventions, start=1):
            row = [
                Cell((Run(self.iv_name(n, iv)),)),
                self.cell(t.enum(iv.type) if iv.type else None),
                self.cell(", ".join(iv.targets)),
                self.cell(self.lead_of(iv)),
                self.cell(self.years(iv)),
            ]
            if funding is not None:
                f = funding[n - 1]
                row += [self.amount(f.required), self.amount(f.secured + f.pledged)]
                row.append(self.amount(f.gap, bold=f.gap > 0))
            else:
                row += [Cell(), Cell(), Cell()]
            rows.append(row)
        if not rows:
            rows.append([Cell((self.todo(),)), *(Cell() for _ in range(7))])
        elif self.summary is not None:
            s = self.summary
            rows.append(
                [
                    Cell((Run(t["total"], bold=True),)),
                    Cell(),
                    Cell(),
                    Cell(),
                    Cell(),
                    self.amount(s.required, bold=True),
                    self.amount(s.secured + s.pledged, bold=True),
                    self.amount(s.gap, bold=True),
                ]
            )
        blocks.append(
            self.grid(
                (
                    t["col_intervention"],
                    t["type"],
                    t["targets"],
                    t["col_lead"],
                    t["col_timeframe"],
                    t["col_total_cost"],
                    t["col_committed"],
                    t["col_gap"],
                ),
                rows,
                figures=True,
            )
        )
        if self.summary is None:
            blocks.append(Paragraph((Run(t["glance_no_rate"], marker=True),)))
        return Part(key="glance", blocks=tuple(blocks), landscape=True)

    # -- introduction ------------------------------------------------------------------------

    def introduction(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["introduction_heading"], 1)]
        blocks.append(self.heading(t["context_heading"], 2))
        blocks.extend(self.text_or_todo(plan.context))
        blocks.append(self.heading(t["prioritization_heading"], 2))
        blocks.extend(self.text_or_todo(plan.prioritization_method))
        return Part(key="introduction", blocks=tuple(blocks))

    # -- acronyms ----------------------------------------------------------------------------

    def acronyms(self) -> Part:
        t, plan = self.t, self.plan
        texts = [plan.title, plan.summary, plan.context, plan.prioritization_method]
        texts.append(plan.coordination)
        texts.extend(o.description for o in plan.objectives)
        texts.extend(f.name for f in plan.existing_frameworks)
        texts.extend(s.name for s in plan.funding_sources)
        texts.extend(a.name for a in plan.actors)
        texts.extend(r.name for r in plan.review_tools)
        texts.extend(r.findings for r in plan.review_tools)
        names = [a.name for a in plan.actors if a.name]
        names += [s.name for s in plan.funding_sources if s.name]
        names += [f.name for f in plan.existing_frameworks if f.name]
        found = acronyms(texts, names)
        used = set()
        for text in texts:
            used.update(_ABBREVIATION.findall(text))
        tools = {r.tool.value for r in plan.review_tools}
        wanted = set(_ALWAYS)
        if any(iv.gcm_objectives for iv in plan.interventions):
            wanted.add("GCM")
        if plan.iati_org_ref:
            wanted.add("IATI")
        wanted |= {"MGI"} if "mgi" in tools else set()
        wanted |= {"JMDI"} if "jmdi_policy_coherence" in tools else set()
        wanted |= {"RIA"} if "ria" in tools else set()
        entries: dict[str, str] = {}
        for short, meaning in GLOSSARY:
            if short in wanted or short in used:
                entries[t.tr._(short)] = t.tr._(meaning)
        for short, meaning in found.items():
            entries.setdefault(short, meaning)
        blocks: list[Block] = [self.heading(t["acronyms_heading"], 1)]
        rows = [
            [Cell((Run(short, bold=True),)), Cell((Run(meaning),))]
            for short, meaning in sorted(entries.items(), key=lambda e: e[0].casefold())
        ]
        blocks.append(self.grid((t["col_abbreviation"], t["col_meaning"]), rows))
        return Part(key="acronyms", blocks=tuple(blocks))

    # -- stakeholders and their capacity -------------------------------------------------------

    def stakeholders(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["stakeholders_heading"], 1)]
        blocks.append(Paragraph((Run(t["stakeholders_intro"], italic=True),), "note"))
        leads: dict[str, list[int]] = {}
        others: dict[str, list[int]] = {}
        stages: dict[str, set[Stage]] = {}
        for n, iv in enumerate(plan.interventions, start=1):
            for r in iv.roles:
                if r.actor is None:
                    continue
                (leads if r.role is RoleKind.LEAD else others).setdefault(r.actor, []).append(n)
                stages.setdefault(r.actor, set()).add(r.stage)
        rows: list[list[Cell]] = []
        for a in plan.actors:
            capacity = a.capacity
            if capacity is None:
                cap = Cell((Run(t["capacity_not_assessed"], italic=True),))
            else:
                head = t.enum(capacity.level)
                if capacity.assessed_on is not None:
                    head += f" ({self.day(capacity.assessed_on)})"
                runs = [Run(head, bold=True)]
                if capacity.notes:
                    runs.append(Run("\n" + capacity.notes))
                cap = Cell(tuple(runs))
            rows.append(
                [
                    Cell((Run(a.name or self.actor(a.id)),)),
                    self.optional(t.enum(a.kind) if a.kind else ""),
                    self.optional(_ranges(leads.get(a.id, []))),
                    self.optional(_ranges(others.get(a.id, []))),
                    self.optional(
                        ", ".join(t.enum(s) for s in _STAGES if s in stages.get(a.id, ()))
                    ),
                    cap,
                ]
            )
        if rows:
            blocks.append(
                self.grid(
                    (
                        t["col_actor"],
                        t["col_kind"],
                        t["col_leads"],
                        t["col_supports"],
                        t["col_stages"],
                        t["col_capacity"],
                    ),
                    rows,
                )
            )
        else:
            blocks.append(Paragraph((self.todo(),)))
        return Part(key="stakeholders", blocks=tuple(blocks), landscape=True)

    # -- governance, coordination and reporting --------------------------------------------

    def governance(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["governance_heading"], 1)]
        blocks.append(self.fields([(t["authority"], self.cell(plan.authority))]))
        blocks.append(self.heading(t["coordination_heading"], 2))
        blocks.extend(self.text_or_todo(plan.coordination))
        blocks.append(self.heading(t["reporting_heading"], 2))
        if plan.reporting:
            blocks.append(
                self.grid(
                    (t["col_reporter"], t["col_recipient"], t["col_frequency"], t["col_content"]),
                    [
                        [
                            self.cell(self.actor(r.reporter)),
                            self.cell(self.actor(r.recipient)),
                            self.cell(t.enum(r.frequency) if r.frequency else None),
                            self.optional(r.content),
                        ]
                        for r in plan.reporting
                    ],
                )
            )
        else:
            blocks.append(Paragraph((self.todo(),)))
        return Part(key="governance", blocks=tuple(blocks))

    # -- review tools, synergies and trade-offs (in the frameworks chapter) ----------------

    def review_tools(self) -> list[Block]:
        t, plan = self.t, self.plan
        out: list[Block] = [self.heading(t["review_tools_heading"], 2)]
        if not plan.review_tools:
            out.append(Paragraph((self.todo(),)))
            return out
        out.append(
            self.grid(
                (t["col_tool"], t["col_date"], t["col_conducted_by"], t["col_main_findings"]),
                [
                    [
                        Cell(
                            (Run(t.enum(r.tool), bold=True),)
                            + ((Run("\n" + r.name),) if r.name else ())
                        ),
                        self.optional(self.day(r.date)),
                        self.optional(self.actor(r.conducted_by)),
                        self.cell(r.findings),
                    ]
                    for r in plan.review_tools
                ],
            )
        )
        return out

    def interactions(self) -> list[Block]:
        t, plan = self.t, self.plan
        out: list[Block] = [self.heading(t["interactions_heading"], 2)]
        if not plan.framework_interactions:
            out.append(Paragraph((Run(t["interactions_none"], italic=True),), "note"))
            return out
        out.append(
            self.grid(
                (t["col_kind"], t["col_between"], t["col_what"], t["col_response"]),
                [
                    [
                        Cell((Run(t.enum(x.kind), bold=True),)),
                        self.cell("\n".join(self.item_label(i) for i in x.between)),
                        self.cell(x.description),
                        self.cell(x.response),
                    ]
                    for x in plan.framework_interactions
                ],
            )
        )
        return out

    # -- alignment with the GCM and the 10.7.2 domains ------------------------------------

    def alignment(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["alignment_heading"], 1)]
        blocks.append(Paragraph((Run(t["alignment_intro"], italic=True),), "note"))
        # In the draft's language: the official titles of A/RES/73/195 where the catalogue
        # has them, else its translations (English only for a language it lacks).
        gcm = {n: self.cat.gcm_title(n, self.lang) for n in self.cat.gcm_objectives}
        domains = {n: self.cat.domain_name(n, self.lang) for n in self.cat.migration_domains}
        for key, field, names in (
            ("alignment_gcm", "gcm_objectives", gcm),
            ("alignment_domains", "migration_domains", domains),
        ):
            blocks.append(self.heading(t[key], 2))
            numbers: list[tuple[int, ...]] = [getattr(iv, field) for iv in plan.interventions]
            used = sorted({n for ns in numbers for n in ns})
            if not used:
                blocks.append(Paragraph((self.todo(),)))
                continue
            rows = []
            for n, (iv, ns) in enumerate(zip(plan.interventions, numbers, strict=True), start=1):
                mine = set(ns)
                rows.append(
                    [Cell((Run(self.iv_name(n, iv)),))]
                    + [Cell((Run(_MARK),) if u in mine else (), align="center") for u in used]
                )
            blocks.append(self.grid((t["col_intervention"], *(str(u) for u in used)), rows))
            blocks.extend(
                Paragraph((Run(f"{u}. ", bold=True), Run(names.get(u, ""))), "bullet") for u in used
            )
        return Part(key="alignment", blocks=tuple(blocks), landscape=True)

    # -- results framework -------------------------------------------------------------------

    def achieved_cell(self, m: MonitoringEntry) -> Cell:
        """The latest achieved value with its year (and how many before it)."""
        if not m.achieved:
            return Cell()
        latest = max(m.achieved, key=lambda a: (a.year or 0, a.date or _dt.date.min))
        unit = m.indicator.unit
        text = self.t.value(latest.value) + (f"\u00a0{unit}" if unit else "")
        when = (
            latest.year if latest.year is not None else (latest.date.year if latest.date else None)
        )
        runs = [Run(text + (f" ({when})" if when is not None else ""))]
        if latest.note:
            runs.append(Run("\n" + latest.note, italic=True))
        return Cell(tuple(runs))

    def has_achieved(self) -> bool:
        return any(m.achieved for iv in self.plan.interventions for m in iv.monitoring)

    def results(self) -> Part:
        """The logframe: objective → interventions → outputs and outcomes → indicators with
        baseline, interim and final targets (and the latest achieved value once any is
        recorded)."""
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["results_heading"], 1)]
        blocks.append(Paragraph((Run(t["results_intro"], italic=True),), "note"))
        achieved = self.has_achieved()
        groups: dict[str, list[tuple[int, Intervention]]] = {}
        for n, iv in enumerate(plan.interventions, start=1):
            key = iv.objectives[0] if iv.objectives else ""
            groups.setdefault(key, []).append((n, iv))
        titles = {o.id: o.title or t["to_complete"] for o in plan.objectives}
        order = [o.id for o in plan.objectives if o.id in groups]
        order += [k for k in groups if k not in titles]
        for key in order:
            blocks.append(self.heading(titles.get(key) or t["results_no_objective"], 2))
            rows: list[list[Cell]] = []
            for n, iv in groups[key]:
                results = [f"• {o.description}" for o in iv.outputs if o.description]
                results += [f"→ {o}" for o in iv.outcomes]
                first = [
                    Cell((Run(self.iv_name(n, iv), bold=True),)),
                    Cell((Run("\n".join(results)),)) if results else Cell((self.todo(),)),
                ]
                if not iv.monitoring:
                    rows.append(first + [Cell((self.todo(),))] + [Cell()] * (3 + achieved))
                    continue
                for k, m in enumerate(iv.monitoring):
                    lead = first if k == 0 else [Cell(), Cell()]
                    interim = Cell(
                        tuple(
                            r
                            for j, step in enumerate(m.interim)
                            for r in ((Run("\n"),) if j else ())
                            + self.measure(step, m.indicator.unit).runs
                        )
                    )
                    row = [
                        *lead,
                        self.indicator_cell(m),
                        self.measure(m.baseline, m.indicator.unit),
                        interim,
                        self.measure(m.target, m.indicator.unit),
                    ]
                    if achieved:
                        row.append(self.achieved_cell(m))
                    rows.append(row)
            header = [
                t["col_intervention"],
                t["col_results"],
                t["col_indicator"],
                t["col_baseline"],
                t["col_interim"],
                t["col_final"],
            ]
            if achieved:
                header.append(t["col_achieved"])
            blocks.append(self.grid(header, rows))
        if not groups:
            blocks.append(Paragraph((self.todo(),)))
        return Part(key="results", blocks=tuple(blocks), landscape=True)

    # -- budget by year ---------------------------------------------------------------------

    def budget(self, title: str) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(title, 1)]
        convert = _Convert(plan)
        costs: list[dict[int, Decimal]] = []
        unplaced: list[Decimal] = []
        by_category: dict[FundingCategory | None, dict[int, Decimal]] = {}
        category_unplaced: dict[FundingCategory | None, Decimal] = {}
        for iv in plan.interventions:
            lines = list(iv.resources) + [
                CostLine(description="", amount=a.cost, currency=a.currency)
                for a in iv.supporting_activities
                if a.cost is not None
            ]
            per_year, left = spread_by_year(iv, lines, convert)
            costs.append(per_year)
            unplaced.append(left)
            by_source: dict[FundingCategory | None, list[CostLine]] = {}
            for arr in iv.funding:
                source = self.sources.get(arr.source)
                category = source.category if source is not None else None
                by_source.setdefault(category, []).append(
                    CostLine(
                        description="", amount=arr.amount, currency=arr.currency, year=arr.year
                    )
                )
            for category, flines in by_source.items():
                spread, rest = spread_by_year(iv, flines, convert)
                into = by_category.setdefault(category, {})
                for y, v in spread.items():
                    into[y] = into.get(y, Decimal(0)) + v
                category_unplaced[category] = category_unplaced.get(category, Decimal(0)) + rest
        years = sorted(
            {y for c in costs for y in c}
            | {y for c in by_category.values() for y in c}
            | set(self.plan_years())
        )
        if not years:
            blocks.append(Paragraph((self.todo(),)))
            return Part(key="budget", blocks=tuple(blocks), landscape=True)
        largest = max(
            [abs(v) for c in costs for v in c.values()]
            + [abs(v) for c in by_category.values() for v in c.values()]
            + [Decimal(0)]
        )
        thousands = largest >= 1_000_000
        scale = Decimal(1000) if thousands else Decimal(1)
        any_unplaced = any(unplaced) or any(category_unplaced.values())

        def fig(value: Decimal, *, bold: bool = False) -> Cell:
            if not value:
                return Cell((Run("–"),), align="right")
            return self.amount(
                (value / scale).quantize(Decimal(1), rounding=ROUND_HALF_UP), bold=bold
            )

        unit = t.format("budget_thousands" if thousands else "budget_units", currency=self.currency)
        blocks.append(Paragraph((Run(unit + " " + t["budget_note"], italic=True),), "note"))
        header = [t["col_intervention"], *(str(y) for y in years)]
        if any_unplaced:
            header.append(t["col_undated"])
        header.append(t["col_total"])
        rows: list[list[Cell]] = []
        totals = dict.fromkeys(years, Decimal(0))
        total_unplaced = Decimal(0)
        for n, (iv, per_year, left) in enumerate(
            zip(plan.interventions, costs, unplaced, strict=True), 1
        ):
            row = [Cell((Run(self.iv_name(n, iv)),))]
            for y in years:
                v = per_year.get(y, Decimal(0))
                totals[y] += v
                row.append(fig(v))
            if any_unplaced:
                row.append(fig(left))
                total_unplaced += left
            row.append(fig(sum(per_year.values(), Decimal(0)) + left, bold=True))
            rows.append(row)
        total_row = [Cell((Run(t["total"], bold=True),))] + [
            fig(totals[y], bold=True) for y in years
        ]
        if any_unplaced:
            total_row.append(fig(total_unplaced, bold=True))
        total_row.append(fig(sum(totals.values(), Decimal(0)) + total_unplaced, bold=True))
        rows.append(total_row)
        blocks.append(self.heading(t["budget_costs"], 2))
        blocks.append(self.grid(header, rows, figures=True))

        blocks.append(self.heading(t["budget_funding"], 2))
        rows = []
        order: list[FundingCategory | None] = [*FundingCategory, None]
        for category in order:
            if category not in by_category:
                continue
            per_year = by_category[category]
            label = t.enum(category) if category is not None else t["uncategorised"]
            row = [Cell((Run(label),))] + [fig(per_year.get(y, Decimal(0))) for y in years]
            left = category_unplaced.get(category, Decimal(0))
            if any_unplaced:
                row.append(fig(left))
            row.append(fig(sum(per_year.values(), Decimal(0)) + left, bold=True))
            rows.append(row)
        if rows:
            header[0] = t["col_category"]
            blocks.append(self.grid(header, rows, figures=True))
        else:
            blocks.append(Paragraph((self.todo(),)))
        return Part(key="budget", blocks=tuple(blocks), landscape=True)

    def plan_years(self) -> list[int]:
        start, end = self.plan.period.start, self.plan.period.end
        if start is None or end is None or end < start or end.year - start.year > 30:
            return []
        return list(range(start.year, end.year + 1))
