"""Build the Word draft's document model from a plan.

The draft follows the guide's "Implementation Tool: Action Plan Criteria": the criteria
table ("Local or national objectives | SDG targets addressed"), then for each intervention
the eight elements the guide lists, in its order, then a timeline and the annexes a
review needs (resource mobilization plan, M&E framework, consultations and review record
with the adoption status, revision history, existing frameworks and their review against
the prioritized targets, open check findings).

A criterion the plan does not fill yet shows a highlighted "to be completed" marker
instead of disappearing, so reviewers see the gap.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from migsdg.catalogue import Catalogue, catalogue
from migsdg.checks import Finding, Report
from migsdg.errors import ExportError, UnknownCodeError
from migsdg.i18n import NP_
from migsdg.model import (
    ActionPlan,
    Actor,
    FundingSource,
    InterimTarget,
    Intervention,
    Measure,
    MonitoringEntry,
    PlanStatus,
    Stage,
)
from migsdg.present import Block as ViewBlock
from migsdg.present import (
    Para,
    View,
    adoption_revision,
    adoption_view,
    check_view,
    funding_view,
    history_view,
    review_view,
)
from migsdg.review import ReviewItem
from migsdg.sections import PlanSection, SectionFailure, section_views
from migsdg.views import (
    CurrencyError,
    FundingSummary,
    InterventionFunding,
    funding_summary,
    intervention_funding,
)
from migsdg.word.blocks import (
    Block,
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    Part,
    Properties,
    Run,
    Table,
    cleaning_once,
)
from migsdg.word.chapters import Chapters
from migsdg.word.labels import LANGUAGES, WORD_LANGUAGE, Labels

__all__ = [
    "ANNEXES",
    "DEFAULT_SECTIONS",
    "REVIEW_SECTIONS",
    "SECTIONS",
    "build_document",
    "document_date",
    "resolve_language",
    "select_sections",
]

#: The parts of the draft, in the order they appear; any can be left out.
SECTIONS: tuple[str, ...] = (
    "cover",
    "contents",
    "glance",
    "introduction",
    "acronyms",
    "objectives",
    "stakeholders",
    "governance",
    "frameworks",
    "review",
    "alignment",
    "interventions",
    "timeline",
    "results",
    "progress",
    "budget",
    "resources",
    "monitoring",
    "consultations",
    "revisions",
    "findings",
)
#: The parts only a review copy carries: the open check findings are for the people
#: finishing the plan, not for the circulated draft.
REVIEW_SECTIONS: tuple[str, ...] = ("findings",)
#: The parts of the circulated draft.
DEFAULT_SECTIONS: tuple[str, ...] = tuple(s for s in SECTIONS if s not in REVIEW_SECTIONS)
#: The parts that are annexes (lettered A, B, C… in the order they appear).
ANNEXES: tuple[str, ...] = (
    "resources",
    "monitoring",
    "consultations",
    "revisions",
    "findings",
)

#: The zip format's earliest date: used when neither SOURCE_DATE_EPOCH nor a revision
#: dates the plan.
_NO_DATE = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)
_TIMELINE_FILL = "8EAADB"
_STAGE_ORDER = {s: i for i, s in enumerate(Stage)}
_ADOPTED = (PlanStatus.ADOPTED, PlanStatus.AMENDED)
_GAP_FILL = "F8CBAD"


def resolve_language(plan: ActionPlan, language: str | None) -> str:
    """The export language: the one asked for, else the plan's own, else English."""
    if language is None:
        return plan.language if plan.language in LANGUAGES else "en"
    if language not in LANGUAGES:
        raise ExportError(
            f"unknown language {language!r} for the Word draft (choose {', '.join(LANGUAGES)})"
        )
    return language


def _names(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(s).strip().lower() for s in items if str(s).strip()]


def select_sections(
    sections: str | Iterable[str] | None = None,
    omit: str | Iterable[str] | None = None,
    *,
    review_copy: bool = False,
    plugin_sections: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The parts to write: ``sections`` (default: the circulated draft's,
    :data:`DEFAULT_SECTIONS`, and with ``review_copy`` the findings too) less ``omit``, in
    document order.

    Either may be a list of names or one comma-separated string. ``plugin_sections``
    maps the ids of the plugins' sections to their placements; they are written by
    default, after the interventions or among the annexes (before the findings).
    """
    extra = dict(plugin_sections or {})
    order = _section_order(extra)
    chosen, left_out = _names(sections), _names(omit)
    unknown = sorted({s for s in (*chosen, *left_out) if s not in order})
    if unknown:
        raise ExportError(f"unknown section {', '.join(unknown)} (sections: {', '.join(order)})")
    if sections is not None:
        wanted = set(chosen)
    else:
        wanted = set(SECTIONS if review_copy else DEFAULT_SECTIONS) | set(extra)
    result = tuple(s for s in order if s in wanted and s not in left_out)
    if not result:
        raise ExportError("no section left to export")
    return result


def _section_order(plugin_sections: Mapping[str, str]) -> tuple[str, ...]:
    """Every part in document order, the plugins' sections in their places."""
    after = [k for k, where in plugin_sections.items() if where != "annex"]
    annexes = [k for k, where in plugin_sections.items() if where == "annex"]
    order: list[str] = []
    for key in SECTIONS:
        if key == "findings":
            order.extend(annexes)
        order.append(key)
        if key == "interventions":
            order.extend(after)
    if "findings" not in SECTIONS:
        order.extend(annexes)
    return tuple(order)


def document_date(plan: ActionPlan) -> tuple[_dt.datetime, bool]:
    """The draft's date and whether it is a real one.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) wins; otherwise the date of
    the plan's latest revision; otherwise 1 January 1980 (``False``: no real date). The
    same plan therefore always gives the same file.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            stamp = _dt.datetime.fromtimestamp(int(raw), tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ExportError(
                f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not {raw!r}"
            ) from None
        return max(stamp, _NO_DATE), True
    if plan.revisions:
        latest = max(r.date for r in plan.revisions)
        return _dt.datetime(latest.year, latest.month, latest.day, tzinfo=_dt.timezone.utc), True
    return _NO_DATE, False


def build_document(
    plan: ActionPlan,
    *,
    language: str | None = None,
    sections: str | Iterable[str] | None = None,
    omit: str | Iterable[str] | None = None,
    findings: Report | None = None,
    review_copy: bool = False,
) -> Document:
    """The Word draft of ``plan`` as a plain document model.

    The circulated draft leaves out the open check findings; ``review_copy`` (or
    ``sections`` naming ``findings``, or a ``findings`` report) adds them. ``findings`` is
    the check report shown there; by default the plan is checked with every registered
    rule, as at the draft's date.
    """
    lang = resolve_language(plan, language)
    registered = _registered_sections()
    # A report given for the findings is meant to be shown.
    keys = select_sections(
        sections,
        omit,
        review_copy=review_copy or findings is not None,
        plugin_sections={k: s.placement for k, s in registered.items()},
    )
    date, dated = document_date(plan)
    with cleaning_once():
        builder = _Builder(plan, Labels(lang), date.date() if dated else None)
        builder.plugin_views = builder.build_plugin_sections(
            [registered[k] for k in keys if k in registered]
        )
        return builder.build(keys, findings)


def _registered_sections() -> dict[str, PlanSection]:
    """The sections registered by plugins (none when no plugin registers any)."""
    from migsdg.plugins import get_host

    return get_host().sections()


class _Builder(Chapters):
    def __init__(self, plan: ActionPlan, labels: Labels, date: _dt.date | None) -> None:
        self.plan = plan
        self.t = labels
        self.lang = labels.language
        self.date = date
        self.cat: Catalogue = catalogue()
        self.actors: dict[str, Actor] = {a.id: a for a in plan.actors}
        self.sources: dict[str, FundingSource] = {s.id: s for s in plan.funding_sources}
        self.objective_by_id = {o.id: o for o in plan.objectives}
        self.interim: dict[str, InterimTarget] = {t.id: t for t in plan.interim_targets}
        self.interim_by_target: dict[str, list[InterimTarget]] = {}
        for it in plan.interim_targets:
            self.interim_by_target.setdefault(it.target, []).append(it)
        self.framework_names: dict[str, str] = {
            f.id: f.name or f.id for f in plan.existing_frameworks
        }
        self.intervention_names: dict[str, str] = {
            iv.id: self.iv_name(n, iv) for n, iv in enumerate(plan.interventions, 1)
        }
        self.names: dict[str, str] = {**self.framework_names, **self.intervention_names}
        self.actor_names = {a.id: a.name for a in plan.actors if a.name}
        self.source_names = {f.id: f.name for f in plan.funding_sources if f.name}
        self.currency = plan.currency
        self.summary: FundingSummary | None
        self.money_problem: CurrencyError | None = None
        try:
            self.summary = funding_summary(plan)
        except CurrencyError as exc:
            self.summary, self.money_problem = None, exc
        self._target_texts: dict[str, str] = {}
        self._id_names: dict[str, str] | None = None
        #: Whether any achieved value is recorded: then monitoring tables show them.
        self.achieved = self.has_achieved()
        #: The plugins' sections that apply to the plan, built (see build_plugin_sections).
        self.plugin_views: dict[str, tuple[PlanSection, View]] = {}

    # -- small helpers -------------------------------------------------------------------

    def iv_name(self, n: int, iv: Intervention) -> str:
        """ "3. Ethical recruitment…": the intervention's number and title."""
        return f"{n}. {iv.title.strip() or self.t['to_complete']}"

    def todo(self) -> Run:
        return Run(self.t["to_complete"], marker=True)

    def cell(self, text: str | None, *, bold: bool = False) -> Cell:
        """A cell with ``text``, or a marker when there is none."""
        if text is None or not text.strip():
            return Cell((self.todo(),))
        return Cell((Run(text, bold=bold),))

    def optional(self, text: str | None) -> Cell:
        """A cell that may stay empty (the field is not a criterion)."""
        return Cell((Run(text),)) if text else Cell()

    def para(self, text: str | None, style: str = "body") -> Paragraph:
        if text is None or not text.strip():
            return Paragraph((self.todo(),))
        return Paragraph((Run(text),), style=style)  # type: ignore[arg-type]

    def labelled(self, label: str, text: str | None, *, required: bool = True) -> Paragraph:
        head = Run(label + self.t["colon"], bold=True)
        if text and text.strip():
            return Paragraph((head, Run(text)))
        return Paragraph((head, self.todo()) if required else (head,))

    def heading(self, text: str, level: int) -> Heading:
        return Heading((Run(text),), level)

    def target_text(self, code: str) -> str:
        """``"10.7 — <official text>"`` in the draft's language (the code alone when the
        catalogue does not know it)."""
        found = self._target_texts.get(code)
        if found is None:
            try:
                found = f"{code} — {self.cat.text(code, self.lang)}"
            except UnknownCodeError:
                found = code
            self._target_texts[code] = found
        return found

    def short_target(self, code: str) -> str:
        """``"10.7 — <official text>"`` cut at a word to about a line of a table."""
        return _shorten(self.target_text(code), 110)

    def item_name(self, item: ReviewItem) -> str:
        """A framework's name, or an intervention's number and title, as elsewhere."""
        names = self.framework_names if item.kind == "framework" else self.intervention_names
        return names.get(item.id) or item.name or item.id

    def no_rate(self, key: str, error: CurrencyError) -> Paragraph:
        """A marker explaining which amounts lack an exchange rate, in the draft's language."""
        where = ", ".join(error.locations[:3]) + (" …" if len(error.locations) > 3 else "")
        text = self.t.format(
            key, currency=error.currency, plan_currency=error.plan_currency, where=where
        )
        return Paragraph((Run(text, marker=True),))

    def plain(self, text: str) -> str:
        """``text`` with the plan's ids (of interventions, frameworks, actors, funding
        sources) replaced by what readers know them by: a plan's own text may refer to
        "(iv-recruitment-law)"; the draft says "(Intervention 2: Regulate …)"."""
        if self._id_names is None:
            t = self.t
            found: dict[str, str] = {}
            for a in self.plan.actors:
                if a.name:
                    found[a.id] = a.name
            for src in self.plan.funding_sources:
                if src.name:
                    found[src.id] = src.name
            for fw in self.plan.existing_frameworks:
                if fw.name:
                    found[fw.id] = fw.name
            for n, iv in enumerate(self.plan.interventions, start=1):
                title = iv.title.strip() or t["to_complete"]
                found[iv.id] = t.format("intervention_heading", n=n, title=title)
            self._id_names = found
        names = self._id_names
        return _ID_LIKE.sub(lambda m: names.get(m.group(0), m.group(0)), text)

    def item_label(self, item_id: str) -> str:
        """A framework's name or an intervention's number and title, by id."""
        return self.names.get(item_id) or self.t["to_complete"]

    def subtype_name(self, subtype: str | None) -> str:
        """A registered sub-type's name; nothing for one no installed plugin knows (its id
        is not for readers)."""
        if not subtype:
            return ""
        from migsdg.plugins import get_host

        found = get_host().intervention_types().get(subtype)
        # A plugin marks its sub-types' names for translation (N_); unmarked ones stay.
        return self.t.tr._(found.name) if found is not None else ""

    def actor(self, actor_id: str | None) -> str:
        if actor_id is None:
            return ""
        found = self.actors.get(actor_id)
        return (found.name or found.id) if found is not None else actor_id

    def source_name(self, source_id: str) -> str:
        found = self.sources.get(source_id)
        return (found.name or found.id) if found is not None else source_id

    def day(self, value: _dt.date | None) -> str | None:
        """A date that never breaks across lines ("18\u00a0February\u00a02020")."""
        return _nobreak(self.t.date(value)) if value is not None else None

    def money(self, amount: Decimal | None, currency: str | None = None) -> str:
        if amount is None:
            return ""
        text = self.t.number(amount)
        return text if currency in (None, self.currency) else f"{text}\u00a0{currency}"

    def amount(self, value: Decimal, *, bold: bool = False) -> Cell:
        return Cell((Run(self.t.number(value), bold=bold),), align="right")

    def measure(self, m: Measure | None, unit: str = "") -> Cell:
        if m is None or (m.value is None and m.year is None):
            return Cell((self.todo(),))
        runs: list[Run] = []
        if m.value is None:
            runs.append(self.todo())
        else:
            runs.append(Run(self.t.value(m.value) + (f"\u00a0{unit}" if unit else "")))
        if m.year is not None:
            runs.append(Run(f" ({m.year})"))
        if m.note:
            runs.append(Run(f"\n{m.note}", italic=True))
        return Cell(tuple(runs))

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[int] | None = None,
        *,
        figures: bool = False,
        total: bool = False,
    ) -> Table:
        """A table with a header row; ``figures`` for tables of many amount columns,
        ``total`` where the last row sums the others."""
        return Table(
            columns=len(header),
            header=tuple(header),
            rows=tuple(tuple(r) for r in rows),
            widths=tuple(widths) if widths is not None else None,
            kind="figures" if figures else "grid",
            total=total,
        )

    def fields(self, rows: Sequence[tuple[str, Cell]]) -> Table:
        return Table(
            columns=2,
            rows=tuple((Cell((Run(label, bold=True),)), value) for label, value in rows),
            widths=(2, 5),
            kind="fields",
        )

    # -- the document --------------------------------------------------------------------

    def build(self, keys: Sequence[str], findings: Report | None) -> Document:
        plan, t = self.plan, self.t
        parts: list[Part] = []
        letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        body: dict[str, Callable[[], Part]] = {
            "cover": self.cover,
            "contents": self.contents,
            "glance": self.glance,
            "introduction": self.introduction,
            "acronyms": self.acronyms,
            "objectives": self.objectives,
            "stakeholders": self.stakeholders,
            "governance": self.governance,
            "frameworks": lambda: self.frameworks(t["annex_frameworks"]),
            "review": lambda: self.review(t["annex_review"]),
            "alignment": self.alignment,
            "interventions": self.interventions,
            "timeline": self.timeline,
            "results": self.results,
            "progress": self.progress,
            "budget": lambda: self.budget(t["budget_heading"]),
        }
        annexes: dict[str, Callable[[str], Part]] = {
            "resources": self.resources,
            "monitoring": self.monitoring,
            "consultations": self.consultations,
            "revisions": self.revisions,
            "findings": lambda title: self.findings(title, findings),
        }
        for key in keys:
            if key == "progress" and not self.achieved:
                continue  # a plan with no achieved value has no progress to report
            if key in body:
                parts.append(body[key]())
            elif key in self.plugin_views:
                section, view = self.plugin_views[key]
                # A section with wide tables gets a landscape page, as the plan's own do.
                wide = any(
                    len(b.columns) >= _WIDE_TABLE
                    for b in (*view.intro, *(b for sec in view.sections for b in sec.blocks))
                    if not isinstance(b, Para)
                )
                if section.placement == "after_interventions":
                    blocks = tuple(self.view_blocks(view, view.title))
                    parts.append(Part(key=key, blocks=blocks, landscape=wide))
                elif section.placement == "annex":
                    title = t.format("annex", letter=next(letters), title=view.title)
                    blocks = tuple(self.view_blocks(view, title))
                    parts.append(Part(key=key, blocks=blocks, landscape=wide))
            elif key in annexes:
                parts.append(annexes[key](self.annex_title(key, next(letters))))
        draft = plan.status not in _ADOPTED
        title = plan.title.strip() or t["untitled"]
        short = title if len(title) <= 80 else title[:79].rstrip() + "…"
        header: tuple[Run, ...] = (Run(short),)
        if draft:
            header = (Run(t["draft_header"], bold=True), Run(" — "), *header)
        date, _ = document_date(plan)
        props = Properties(
            title=title,
            subject=t["subject"],
            author=plan.authority,
            keywords=t["keywords"],
            status=t.enum(plan.status),
            language=WORD_LANGUAGE[self.lang],
            revision=max(1, plan.revision),
            date=date,
        )
        return Document(
            language=self.lang,
            properties=props,
            parts=tuple(parts),
            header=header,
            footer=self.footer(),
        )

    def footer(self) -> str:
        """The footer on every page: the plan's status, revision and the draft's date, then
        the page ("Draft · Revision 3 · 31 July 2023 · Page 2 of 40")."""
        t, plan = self.t, self.plan
        bits = [t.enum(plan.status)]
        if plan.revision:
            bits.append(f"{t['revision']}\u00a0{plan.revision}")
        if self.date is not None:
            bits.append(_nobreak(t.date(self.date)))
        bits.append(t["page"])
        return " · ".join(bits)

    def annex_title(self, key: str, letter: str) -> str:
        return self.t.format("annex", letter=letter, title=self.t[f"annex_{key}"])

    # -- cover and contents --------------------------------------------------------------

    def cover(self) -> Part:
        plan, t = self.plan, self.t
        blocks: list[Block] = [Paragraph((Run(t["plan_kind"]),), style="subtitle")]
        if plan.title.strip():
            blocks.append(self.heading(plan.title, 0))
        else:
            blocks.append(Heading((Run(t["untitled"] + " "), self.todo()), 0))
        if plan.status not in _ADOPTED:
            blocks.append(Paragraph((Run(t["draft_banner"], bold=True),), style="banner"))
        start, end = plan.period.start, plan.period.end
        if start is None and end is None:
            period = Cell((self.todo(),))
        else:
            period = Cell(tuple(self._period_runs(start, end)))
        latest = max(plan.revisions, key=lambda r: r.number) if plan.revisions else None
        adopted = adoption_revision(plan)
        rows: list[tuple[str, Cell]] = [
            (t["authority"], self.cell(plan.authority)),
            (t["level"], self.cell(t.enum(plan.level) if plan.level else None)),
            (t["country"], self.cell(plan.country)),
            (t["period"], period),
            (t["status"], Cell((Run(t.enum(plan.status)),))),
        ]
        if adopted is not None:
            when = t.format("date_revision", date=t.date(adopted.date), n=adopted.number)
            rows.append((t["adoption_date"], Cell((Run(when),))))
        rows += [
            (
                t["revision"],
                Cell((Run(str(plan.revision)),))
                if latest is not None
                else Cell((Run(f"0 ({t['no_revision']})"),)),
            ),
            (t["revision_date"], self.cell(self.day(latest.date) if latest else None)),
            (t["currency"], Cell((Run(plan.currency),))),
        ]
        blocks.append(self.fields(rows))
        if plan.summary.strip():
            blocks.append(Paragraph((Run(t["summary"], bold=True),), style="label"))
            blocks.extend(Paragraph((Run(p),)) for p in _paragraphs(plan.summary))
        return Part(key="cover", blocks=tuple(blocks))

    def _period_runs(self, start: _dt.date | None, end: _dt.date | None) -> list[Run]:
        # "1 January 2025 to 31 December 2030", with a marker for a missing end.
        template = self.t["period_range"]
        runs: list[Run] = []
        rest = template
        while rest:
            head, sep, tail = rest.partition("{")
            if head:
                runs.append(Run(head))
            if not sep:
                break
            name, _, rest = tail.partition("}")
            value = start if name == "start" else end
            runs.append(Run(self.t.date(value)) if value is not None else self.todo())
        return runs

    def contents(self) -> Part:
        return Part(
            key="contents",
            blocks=(
                Contents(title=self.t["contents"], placeholder=self.t["toc_placeholder"], levels=2),
            ),
        )

    # -- objectives and targets (the guide's criteria table) -----------------------------

    def objectives(self) -> Part:
        plan, t = self.plan, self.t
        blocks: list[Block] = [self.heading(t["objectives_heading"], 1)]
        rows: list[list[Cell]] = []
        for o in plan.objectives:
            runs = [Run(o.title or o.id, bold=True)]
            if o.description.strip():
                runs.append(Run("\n" + o.description))
            targets = (
                Cell((Run("\n".join(self.target_text(c) for c in o.targets)),))
                if o.targets
                else Cell((self.todo(),))
            )
            rows.append([Cell(tuple(runs)), targets])
        if not rows:
            rows.append([Cell((self.todo(),)), Cell((self.todo(),))])
        blocks.append(self.grid((t["col_objectives"], t["col_sdg_targets"]), rows, (2, 3)))

        from migsdg.views import target_coverage

        coverage = target_coverage(plan)
        if coverage:
            blocks.append(self.heading(t["coverage_heading"], 2))
            cov_rows = [
                [
                    Cell((Run(self.target_text(code)),)),
                    Cell((Run("\n".join(self.names.get(i, i) for i in ids)),))
                    if ids
                    else Cell((self.todo(),)),
                ]
                for code, ids in coverage.items()
            ]
            blocks.append(self.grid((t["col_target"], t["col_interventions"]), cov_rows, (3, 2)))
        if plan.interim_targets:
            blocks.append(self.heading(t["interim_heading"], 2))
            blocks.append(
                self.grid(
                    (
                        t["col_target"],
                        t["col_indicator"],
                        t["col_value"],
                        t["col_due"],
                        t["col_description"],
                    ),
                    [self._interim_row(it, full=True) for it in plan.interim_targets],
                    (2, 2, 2, 2, 4),
                )
            )
        return Part(key="objectives", blocks=tuple(blocks))

    def interim_name(self, interim_id: str) -> str:
        """An interim target as a reader knows it: "10.c: 5 % by 31 December 2026"."""
        it = self.interim.get(interim_id)
        if it is None:
            return ""
        value = (
            self.t.value(it.value) + (f"\u00a0{it.unit}" if it.unit else "")
            if it.value is not None
            else ""
        )
        due = self.day(it.due) or ""
        return self.t.format("interim_name", target=it.target, value=value, due=due).strip(" :")

    def _interim_row(self, it: InterimTarget, *, full: bool = False) -> list[Cell]:
        value = None
        if it.value is not None:
            value = self.t.value(it.value) + (f"\u00a0{it.unit}" if it.unit else "")
        row = [self.cell(it.target)]
        if full:
            row.append(self.optional(it.indicator))
        row += [self.cell(value), self.cell(self.day(it.due))]
        if full:
            row.append(self.optional(it.description))
        return row

    # -- interventions: the guide's eight criteria ---------------------------------------

    def interventions(self) -> Part:
        t = self.t
        blocks: list[Block] = [self.heading(t["interventions_heading"], 1)]
        if not self.plan.interventions:
            blocks.append(Paragraph((self.todo(),)))
        for n, iv in enumerate(self.plan.interventions, start=1):
            row: InterventionFunding | CurrencyError
            if self.summary is not None:
                row = self.summary.interventions[n - 1]
            else:  # some amount cannot be converted: find out which intervention it is in
                try:
                    row = intervention_funding(self.plan, iv)
                except CurrencyError as exc:
                    row = exc
            blocks.extend(self.intervention(n, iv, row))
        return Part(key="interventions", blocks=tuple(blocks))

    def intervention_title(self, n: int, iv: Intervention) -> tuple[Run, ...]:
        head = self.t.format("intervention_heading", n=n, title="")
        if iv.title.strip():
            return (Run(head + iv.title),)
        return (Run(head), self.todo())  # the id is not for readers

    def intervention(
        self, n: int, iv: Intervention, funding: InterventionFunding | CurrencyError
    ) -> list[Block]:
        t = self.t
        out: list[Block] = [Heading(self.intervention_title(n, iv), 2)]
        # 1. Description and type
        out.append(self.heading(t["criterion_description"], 3))
        out.extend(Paragraph((Run(self.plain(p)),)) for p in _paragraphs(iv.description))
        if not iv.description.strip():
            out.append(Paragraph((self.todo(),)))
        rows: list[tuple[str, Cell]] = [
            (t["type"], self.cell(t.enum(iv.type) if iv.type else None)),
            (t["form"], self.cell(t.enum(iv.form) if iv.form else None)),
        ]
        for key, value in (
            ("sector", iv.sector),
            ("subtype", self.subtype_name(iv.subtype)),
            ("policy_area", iv.policy_area),
        ):
            if value:
                rows.append((t[key], Cell((Run(value),))))
        rows.append(
            (
                t["targets"],
                Cell((Run("\n".join(self.target_text(c) for c in iv.targets)),))
                if iv.targets
                else Cell((self.todo(),)),
            )
        )
        if iv.objectives:
            text = "\n".join(
                (self.objective_by_id[o].title or o) if o in self.objective_by_id else o
                for o in iv.objectives
            )
            rows.append((t["objectives"], Cell((Run(text),))))
        if iv.beneficiaries:
            lines = []
            for b in iv.beneficiaries:
                line = b.group
                if b.estimated_number is not None:
                    line += f" ({t.format('beneficiary_count', n=t.number(b.estimated_number))})"
                if b.description:
                    line += f": {b.description}"
                lines.append(line)
            rows.append((t["beneficiaries"], Cell((Run("\n".join(lines)),))))
        if iv.gcm_objectives:
            lines = []
            for num in iv.gcm_objectives:
                obj = self.cat.gcm_objectives.get(num)
                title = self.cat.gcm_title(num, self.lang) if obj is not None else ""
                lines.append(f"{num}. {title}" if title else str(num))
            rows.append((t["gcm"], Cell((Run("\n".join(lines)),))))
        if iv.migration_domains:
            lines = []
            for num in iv.migration_domains:
                dom = self.cat.migration_domains.get(num)
                name = self.cat.domain_name(num, self.lang) if dom is not None else ""
                lines.append(f"{num}. {name}" if name else str(num))
            rows.append((t["domains"], Cell((Run("\n".join(lines)),))))
        if iv.links:
            text = "\n".join(self.names.get(i, i) for i in iv.links)
            rows.append((t["links"], Cell((Run(text),))))
        if iv.notes.strip():
            rows.append((t["notes"], Cell((Run(self.plain(iv.notes)),))))
        out.append(self.fields(rows))

        # 2. Rationale
        out.append(self.heading(t["criterion_rationale"], 3))
        out.extend(Paragraph((Run(self.plain(p)),)) for p in _paragraphs(iv.rationale))
        if not iv.rationale.strip():
            out.append(Paragraph((self.todo(),)))

        # 3. Roles and tasks at each stage, and coordination
        out.append(self.heading(t["criterion_roles"], 3))
        if iv.roles:
            roles = sorted(iv.roles, key=lambda r: _STAGE_ORDER[r.stage])
            out.append(
                self.grid(
                    (t["col_stage"], t["col_actor"], t["col_role"], t["col_tasks"]),
                    [
                        [
                            Cell((Run(t.enum(r.stage)),)),
                            self.cell(self.actor(r.actor)),
                            Cell((Run(t.enum(r.role)),)),
                            self.cell(r.tasks),
                        ]
                        for r in roles
                    ],
                    (2, 3, 2, 5),
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        # Coordination only matters once more than one actor is involved.
        needs_coordination = len({r.actor for r in iv.roles}) > 1
        if iv.coordination.strip() or needs_coordination:
            out.append(self.labelled(t["coordination"], self.plain(iv.coordination)))

        # 4. Timeframe, milestones, interim targets served
        out.append(self.heading(t["criterion_timeframe"], 3))
        out.append(
            self.fields(
                [
                    (t["start"], self.cell(self.day(iv.timeframe.start))),
                    (t["end"], self.cell(self.day(iv.timeframe.end))),
                ]
            )
        )
        if iv.timeframe.milestones:
            out.append(Paragraph((Run(t["milestones"], bold=True),), style="label"))
            out.append(
                self.grid(
                    (t["col_date"], t["col_milestone"]),
                    [
                        [self.cell(self.day(m.date)), self.cell(m.description)]
                        for m in sorted(
                            iv.timeframe.milestones, key=lambda m: m.date or _dt.date.max
                        )
                    ],
                    (1, 3),
                )
            )
        served = self.interim_served(iv)
        out.append(Paragraph((Run(t["interim_served"], bold=True),), style="label"))
        if served:
            out.append(
                self.grid(
                    (t["col_target"], t["col_value"], t["col_due"]),
                    [self._interim_row(it) for it in served],
                    (2, 2, 2),
                )
            )
        else:
            out.append(Paragraph((Run(t["no_interim"], italic=True),), style="note"))

        # 5. Expected outputs and outcomes
        out.append(self.heading(t["criterion_results"], 3))
        out.append(Paragraph((Run(t["outputs"], bold=True),), style="label"))
        if iv.outputs:
            out.append(
                self.grid(
                    (t["col_output"], t["col_due"], t["col_interim"]),
                    [
                        [
                            self.cell(o.description),
                            self.optional(self.day(o.due)),
                            self.optional("\n".join(map(self.interim_name, o.interim_targets))),
                        ]
                        for o in iv.outputs
                    ],
                    (5, 2, 2),
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        out.append(Paragraph((Run(t["outcomes"], bold=True),), style="label"))
        if iv.outcomes:
            out.extend(Paragraph((Run(o),), style="bullet") for o in iv.outcomes)
        else:
            out.append(Paragraph((self.todo(),)))

        # 6. Supporting activities
        out.append(self.heading(t["criterion_supporting"], 3))
        if iv.supporting_activities:
            out.append(
                self.grid(
                    (
                        t["col_kind"],
                        t["col_description"],
                        t["col_actor"],
                        t.format("col_cost", currency=self.currency),
                    ),
                    [
                        [
                            Cell((Run(t.enum(a.kind)),)),
                            self.cell(a.description),
                            self.optional(
                                self.actor(a.actor)
                                + (
                                    f"\n{t['col_builds_capacity']}{t['colon']}"
                                    + ", ".join(self.actor(b) for b in a.beneficiary_actors)
                                    if a.beneficiary_actors
                                    else ""
                                )
                            ),
                            self.cell(self.money(a.cost, a.currency)),
                        ]
                        for a in iv.supporting_activities
                    ],
                    (2, 5, 3, 2),
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))

        # 7. Resources required and funding arrangements
        out.extend(self.resources_of(iv, funding))

        # 8. Monitoring and evaluation
        out.append(self.heading(t["criterion_monitoring"], 3))
        if iv.monitoring:
            out.append(
                self.grid(
                    (
                        t["col_indicator"],
                        t["col_baseline"],
                        t["col_interim"],
                        t["col_final"],
                        *((t["col_achieved"],) if self.achieved else ()),
                    ),
                    # Portrait: where the data come from, how often and who measures go
                    # under the indicator, so that every value keeps a column of its own.
                    [self.monitoring_row(m, compact=True) for m in iv.monitoring],
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        out.extend(self.plugin_blocks(iv))
        return out

    def interim_served(self, iv: Intervention) -> list[InterimTarget]:
        """Interim targets the intervention's outputs deliver, then those set for the SDG
        targets it addresses, each once, in plan order."""
        ids = dict.fromkeys(i for o in iv.outputs for i in o.interim_targets)
        for code in iv.targets:
            for it in self.interim_by_target.get(code, ()):
                ids.setdefault(it.id)
        found = [self.interim[i] for i in ids if i in self.interim]
        unknown = [i for i in ids if i not in self.interim]
        return found + [InterimTarget(id=i, target="") for i in unknown]

    def resources_of(
        self, iv: Intervention, funding: InterventionFunding | CurrencyError
    ) -> list[Block]:
        """Criterion 7; ``funding`` is the intervention's funding view, or why it cannot be
        computed (an amount in a currency without an exchange rate)."""
        t = self.t
        out: list[Block] = [self.heading(t["criterion_resources"], 3)]
        amount_col = t.format("col_amount", currency=self.currency)
        out.append(Paragraph((Run(t["resources"], bold=True),), style="label"))
        if iv.resources:
            out.append(
                self.grid(
                    (t["col_item"], t["col_year"], amount_col),
                    [
                        [
                            self.cell(line.description),
                            self.optional(str(line.year) if line.year is not None else ""),
                            Cell((Run(self.money(line.amount, line.currency)),), align="right"),
                        ]
                        for line in iv.resources
                    ],
                    (6, 1, 2),
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        out.append(Paragraph((Run(t["funding"], bold=True),), style="label"))
        if iv.funding:
            rows = []
            for arr in iv.funding:
                src = self.sources.get(arr.source)
                category = src.category if src is not None else None
                rows.append(
                    [
                        Cell((Run(self.source_name(arr.source)),)),
                        self.cell(t.enum(category) if category else None),
                        Cell((Run(t.enum(arr.status)),)),
                        self.optional(str(arr.year) if arr.year is not None else ""),
                        Cell((Run(self.money(arr.amount, arr.currency)),), align="right"),
                    ]
                )
            out.append(
                self.grid(
                    (
                        t["col_source"],
                        t["col_category"],
                        t["col_status"],
                        t["col_year"],
                        amount_col,
                    ),
                    rows,
                    (4, 4, 2, 1, 2),
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        if isinstance(funding, CurrencyError):
            out.append(self.no_rate("no_rate_intervention", funding))
            return out
        out.append(
            Paragraph(
                (Run(t.format("funding_position", currency=self.currency), bold=True),),
                style="label",
            )
        )
        number = t.number
        out.append(
            self.fields(
                [
                    (t["required"], Cell((Run(number(funding.required)),))),
                    (t["secured"], Cell((Run(number(funding.secured)),))),
                    (t["pledged"], Cell((Run(number(funding.pledged)),))),
                    (t["proposed"], Cell((Run(number(funding.proposed)),))),
                    (t["gap"], Cell((Run(number(funding.gap), bold=True),))),
                ]
            )
        )
        return out

    def indicator_cell(self, m: MonitoringEntry, *, disaggregation: bool = False) -> Cell:
        ind = m.indicator
        if ind.kind.value == "sdg" and ind.code:
            try:
                text = f"{ind.code} — {self.cat.text(ind.code, self.lang)}"
            except UnknownCodeError:
                text = " — ".join(x for x in (ind.code, ind.name) if x)
        else:
            text = " — ".join(x for x in (ind.code or "", ind.name) if x)
            if text:
                text += f" ({self.t.enum(ind.kind).lower()})"
        runs = [Run(text)] if text else [self.todo()]
        if disaggregation and m.disaggregation:
            names = ", ".join(self.t.enum(d) for d in m.disaggregation)
            runs.append(Run(f"\n{self.t['col_disaggregation']}: {names}", italic=True))
        return Cell(tuple(runs))

    def monitoring_row(
        self, m: MonitoringEntry, *, disaggregation: bool = True, compact: bool = False
    ) -> list[Cell]:
        """Indicator, baseline, interim targets, final target, the latest achieved value
        (when the plan records any), data source, frequency and who is responsible;
        ``compact`` puts the last three under the indicator (a portrait page)."""
        unit = m.indicator.unit
        if m.interim:
            runs: list[Run] = []
            for k, step in enumerate(m.interim):
                if k:
                    runs.append(Run("\n"))
                runs.extend(self.measure(step, unit).runs)
            interim = Cell(tuple(runs))
        else:
            interim = Cell()
        source = self.cell(m.data_source)
        frequency = self.cell(self.t.enum(m.frequency) if m.frequency else None)
        responsible = self.cell(self.actor(m.responsible) if m.responsible else None)
        indicator = self.indicator_cell(m, disaggregation=disaggregation)
        if compact:
            t = self.t
            extra: list[Run] = []
            for label, cell in (
                (t["col_data_source"], source),
                (t["col_frequency"], frequency),
                (t["col_responsible"], responsible),
            ):
                extra.append(Run(f"\n{label}{t['colon']}", italic=True))
                extra.extend(cell.runs)
            indicator = Cell(indicator.runs + tuple(extra))
        row = [
            indicator,
            self.measure(m.baseline, unit),
            interim,
            self.measure(m.target, unit),
            *((self.achieved_cell(m),) if self.achieved else ()),
        ]
        if not compact:
            row += [source, frequency, responsible]
        return row

    # -- timeline ------------------------------------------------------------------------

    def timeline(self) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(t["timeline_heading"], 1)]
        starts = [iv.timeframe.start for iv in plan.interventions if iv.timeframe.start]
        ends = [iv.timeframe.end for iv in plan.interventions if iv.timeframe.end]
        first = min(filter(None, [plan.period.start, *starts]), default=None)
        last = max(filter(None, [plan.period.end, *ends]), default=None)
        if first is None or last is None or last < first:
            blocks.append(Paragraph((Run(t["timeline_empty"], italic=True),), style="note"))
            return Part(key="timeline", blocks=tuple(blocks), landscape=True)
        buckets = _buckets(first, last, t)
        blocks.append(Paragraph((Run(t["timeline_note"], italic=True),), style="note"))
        rows: list[list[Cell]] = []
        for n, iv in enumerate(plan.interventions, start=1):
            name = self.iv_name(n, iv)
            start, end = iv.timeframe.start, iv.timeframe.end
            if start is None or end is None:
                rows.append([Cell((Run(name + " "), self.todo())), *(Cell() for _ in buckets)])
                continue
            marks = sorted(m.date for m in iv.timeframe.milestones if m.date is not None)
            row = [Cell((Run(name),))]
            for _, b_start, b_end in buckets:
                active = start <= b_end and end >= b_start
                milestone = any(b_start <= d <= b_end for d in marks)
                row.append(
                    Cell(
                        (Run("◆"),) if milestone else (),
                        shade=_TIMELINE_FILL if active else None,
                        align="center",
                    )
                )
            rows.append(row)
        if not rows:
            rows.append([Cell((self.todo(),)), *(Cell() for _ in buckets)])
        table = Table(
            columns=len(buckets) + 1,
            header=(t["col_intervention"], *(label for label, _, _ in buckets)),
            rows=tuple(tuple(r) for r in rows),
            widths=(4 if len(buckets) > 8 else 6, *(1 for _ in buckets)),
            kind="timeline",
        )
        blocks.append(table)
        return Part(key="timeline", blocks=tuple(blocks), landscape=True)

    # -- annexes -------------------------------------------------------------------------

    def resources(self, title: str) -> Part:
        """The guide's resource mobilization plan (:func:`migsdg.present.funding_view`)."""
        view = funding_view(self.plan, self.lang, summary=self.summary)
        blocks = [*self.view_blocks(view, title), *self.approaches()]
        return Part(key="resources", blocks=tuple(blocks), landscape=True)

    def approaches(self) -> list[Block]:
        """How, when and through whom the government will approach each funding source
        (the guide's "strategies for approaching development cooperation partners")."""
        t = self.t
        out: list[Block] = [self.heading(t["approach_heading"], 2)]
        rows = [
            [
                Cell((Run(s.name or t["to_complete"], bold=True),)),
                self.optional(t.enum(s.category) if s.category else ""),
                self.cell(s.mobilization.how),
                self.optional(self.day(s.mobilization.when)),
                self.optional("\n".join(self.actor(a) for a in s.mobilization.through)),
            ]
            for s in self.plan.funding_sources
        ]
        if rows:
            out.append(
                self.grid(
                    (
                        t["col_source"],
                        t["col_category"],
                        t["col_approach"],
                        t["col_when"],
                        t["col_through"],
                    ),
                    rows,
                )
            )
        else:
            out.append(Paragraph((self.todo(),)))
        return out

    def monitoring(self, title: str) -> Part:
        t = self.t
        blocks: list[Block] = [self.heading(title, 1)]
        rows: list[list[Cell]] = []
        for n, iv in enumerate(self.plan.interventions, start=1):
            name = Cell((Run(self.iv_name(n, iv)),))
            if not iv.monitoring:
                rows.append(
                    [name, Cell((self.todo(),)), *(Cell() for _ in range(4 + self.achieved))]
                )
                continue
            for m in iv.monitoring:
                row = self.monitoring_row(m)
                # Where the data come from, how often and who measures: one column.
                source, frequency, responsible = row[-3:]
                how = Cell((*source.runs, Run("\n"), *frequency.runs, Run("\n"), *responsible.runs))
                rows.append([name, *row[:-3], how])
        if rows:
            blocks.append(
                self.grid(
                    (
                        t["col_intervention"],
                        t["col_indicator"],
                        t["col_baseline"],
                        t["col_interim"],
                        t["col_final"],
                        *((t["col_achieved"],) if self.achieved else ()),
                        t["col_measurement"],
                    ),
                    rows,
                )
            )
        else:
            blocks.append(Paragraph((self.todo(),)))
        return Part(key="monitoring", blocks=tuple(blocks), landscape=True)

    def consultations(self, title: str) -> Part:
        t, plan = self.t, self.plan
        blocks: list[Block] = [self.heading(title, 1)]
        ordered = sorted(plan.consultations, key=lambda c: c.date or _dt.date.max)
        if ordered:
            rows = []
            for c in ordered:
                people = []
                for p in c.participants:
                    who = ", ".join(self.actor(a) for a in p.actors)
                    if p.count is not None:
                        count = t.format("participants_count", n=p.count)
                        who = f"{who} ({count})" if who else count
                    people.append(f"{t.enum(p.group)}{t['colon']}{who}" if who else t.enum(p.group))
                rows.append(
                    [
                        self.cell(self.day(c.date)),
                        Cell((Run(t.enum(c.kind), bold=c.kind.is_review),)),
                        self.optional(c.title),
                        self.optional(", ".join(c.targets)),
                        self.cell("\n".join(people)),
                        self.optional("\n".join(f"• {d}" for d in c.decisions)),
                    ]
                )
            blocks.append(
                self.grid(
                    (
                        t["col_date"],
                        t["col_kind"],
                        t["col_title"],
                        t["targets"],
                        t["col_participants"],
                        t["col_decisions"],
                    ),
                    rows,
                    (2, 3, 3, 2, 3, 4),
                )
            )
        else:
            blocks.append(Paragraph((self.todo(),)))
        blocks.extend(self.review_record())
        return Part(key="consultations", blocks=tuple(blocks), landscape=True)

    # -- review and adoption -------------------------------------------------------------

    def review_record(self) -> list[Block]:
        """The review and adoption record (:func:`migsdg.present.adoption_view`): the
        review workshops, the status history, and what the guide asks before adoption
        against what the record shows."""
        view = adoption_view(self.plan, self.lang)
        return self.view_blocks(view, view.title, level=3, top=2)

    def revisions(self, title: str) -> Part:
        """The revision history (:func:`migsdg.present.history_view`)."""
        view = history_view(self.plan, self.lang)
        return Part(key="revisions", blocks=tuple(self.view_blocks(view, title)))

    def frameworks(self, title: str) -> Part:
        t = self.t
        rows = [
            [
                Cell((Run(f.name or f.id),)),
                self.optional(t.enum(f.kind) if f.kind else ""),
                self.optional(t.enum(f.level) if f.level else ""),
                self.optional(f.policy_area),
                self.optional(self.actor(f.owner)),
                self.optional(", ".join(f.targets)),
                self.optional(
                    "\n".join(
                        x
                        for x in (
                            f.coordination,
                            ", ".join(self.names.get(i, i) for i in f.links),
                            f.notes,
                        )
                        if x
                    )
                ),
            ]
            for f in self.plan.existing_frameworks
        ]
        table = self.grid(
            (
                t["col_name"],
                t["col_kind"],
                t["col_level"],
                t["policy_area"],
                t["col_owner"],
                t["targets"],
                t["col_coordination"],
            ),
            rows,
            (4, 2, 2, 3, 3, 2, 5),
        )
        blocks: list[Block] = [self.heading(title, 1)]
        blocks.append(table if rows else Paragraph((Run(t["no_inventory"]),)))
        blocks.extend(self.review_tools())
        blocks.extend(self.interactions())
        return Part(key="frameworks", blocks=tuple(blocks), landscape=True)

    def review(self, title: str) -> Part:
        """The review of existing frameworks (:func:`migsdg.present.review_view`)."""
        view = review_view(self.plan, self.lang, cat=self.cat)
        return Part(key="review", blocks=tuple(self.view_blocks(view, title)), landscape=True)

    def build_plugin_sections(
        self, sections: Sequence[PlanSection]
    ) -> dict[str, tuple[PlanSection, View]]:
        """The plugins' sections built for the plan; one that fails is left out and
        reported as its plugin's failure (the draft is still written)."""
        failures: list[SectionFailure] = []
        built = section_views(sections, self.plan, self.t.tr, failures=failures)
        if failures:
            from migsdg.plugins import get_host

            get_host().section_failed(failures)
        return {section.id: (section, view) for section, view in built}

    def plugin_blocks(self, iv: Intervention) -> list[Block]:
        """The plugins' sections about one intervention, inside its section."""
        out: list[Block] = []
        for section, view in self.plugin_views.values():
            if section.placement != "intervention":
                continue
            for part in view.sections:
                if part.key == iv.id:
                    out.append(self.heading(view.title, 3))
                    out.extend(self.view_block(b) for b in part.blocks)
        return out

    def progress(self) -> Part:
        """Progress against the plan (:func:`migsdg.progress_view.progress_view`) as at the
        draft's date, or else as at the latest achieved value's date."""
        from migsdg.progress_view import progress_view

        as_of = self.date
        if as_of is None:
            dates: list[_dt.date] = []
            for iv in self.plan.interventions:
                for m in iv.monitoring:
                    for a in m.achieved:
                        if a.date is not None:
                            dates.append(a.date)
                        elif a.year is not None:
                            dates.append(_dt.date(a.year, 12, 31))
            as_of = max(dates, default=None)
        view = progress_view(self.plan, self.lang, as_of=as_of or _NO_DATE.date())
        return Part(
            # Its sections are Heading 3: "Intervention 2: …" stays the interventions'
            # own heading in the contents and the navigation pane.
            key="progress",
            blocks=tuple(self.view_blocks(view, view.title, level=3)),
            landscape=True,
        )

    def view_blocks(self, view: View, title: str, level: int = 2, top: int = 1) -> list[Block]:
        """A view of the plan (:mod:`migsdg.present`) as blocks of the draft: its title
        (the part's own) as a heading of level ``top``, its sections as headings of
        ``level``, its tables as grids."""
        blocks: list[Block] = [self.heading(title, top)]
        blocks.extend(self.view_block(b) for b in view.intro)
        for section in view.sections:
            blocks.append(self.heading(section.title, level))
            blocks.extend(self.view_block(b) for b in section.blocks)
        return blocks

    def view_block(self, block: ViewBlock) -> Block:
        if isinstance(block, Para):
            if block.kind == "missing":
                return Paragraph((Run(block.text, marker=True),))
            if block.kind == "note":
                return Paragraph((Run(block.text, italic=True),), style="note")
            if block.kind == "bullet":
                return Paragraph((Run(block.text),), style="bullet")
            return Paragraph((Run(block.text, bold=block.kind == "strong"),))
        figures = any(col.figure for col in block.columns)
        rows = []
        for row in block.rows:
            shade = _GAP_FILL if row.highlight else None
            cells = []
            for col, cell in zip(block.columns, row.cells, strict=True):
                runs = []
                if cell.head:
                    runs.append(Run(cell.head, bold=True))
                if cell.text:
                    text = f"\n{cell.text}" if cell.head else cell.text
                    runs.append(Run(text, bold=cell.strong))
                align: Literal["left", "right"] = "right" if col.figure else "left"
                cells.append(Cell(tuple(runs), shade=shade, align=align))
            rows.append(cells)
        return self.grid(
            [col.label for col in block.columns],
            rows,
            [col.width for col in block.columns],
            figures=figures,
            total=bool(block.rows) and block.rows[-1].total,
        )

    def findings(self, title: str, report: Report | None) -> Part:
        """The open check findings, grouped by intervention and the guide's criterion,
        without rule codes or key paths, in the draft's language (the count line is
        :func:`migsdg.present.check_view`'s)."""
        if report is None:
            from migsdg.api import check

            report = check(self.plan, today=self.date)
        t = self.t
        # Without SOURCE_DATE_EPOCH or a dated revision, say what was checked, not when.
        first = check_view(self.plan, report, self.lang, date=self.date).intro[0]
        assert isinstance(first, Para)
        intro = first.text
        blocks: list[Block] = [self.heading(title, 1), Paragraph((Run(intro),), style="note")]
        if report.failures:
            # A check that failed was skipped: say so, or the list reads as complete.
            plugins = sorted({f.plugin for f in report.failures})
            text = t.tr.ngettext(
                "{n} check could not run, so this list may be incomplete (checks of: {plugins}).",
                "{n} checks could not run, so this list may be incomplete (checks of: {plugins}).",
                len(report.failures),
                plugins=", ".join(plugins),
            )
            blocks.append(Paragraph((Run(text, marker=True),)))
        if not report.findings:
            blocks.append(Paragraph((Run(t["findings_none"]),)))
            return Part(key="findings", blocks=tuple(blocks))
        # Grouped by intervention (the plan as a whole first), then by the guide's criterion;
        # no rule codes or key paths: the reader finds the place by its heading.
        index = {iv.id: n for n, iv in enumerate(self.plan.interventions, start=1)}
        groups: dict[int, list[tuple[int, str, Finding]]] = {}
        for f in report.findings:
            n, criterion = self.finding_place(f, index)
            order = _CRITERIA.index(criterion) if criterion in _CRITERIA else len(_CRITERIA)
            groups.setdefault(n, []).append((order, criterion, f))
        for n in sorted(groups):
            if n == 0:
                blocks.append(self.heading(t["findings_plan"], 2))
            else:
                iv = self.plan.interventions[n - 1]
                blocks.append(Heading(self.intervention_title(n, iv), 2))
            rows = [
                [
                    Cell((Run(t[criterion] if criterion else t["findings_general"]),)),
                    Cell(
                        (Run(t[f"severity_{f.severity.value}"], bold=f.severity.value == "error"),)
                    ),
                    Cell((Run(self.readable(t.tr.text(f.message))),)),
                    self.optional(self.readable(t.tr.text(f.hint))),
                ]
                for _, criterion, f in sorted(groups[n], key=lambda x: x[0])
            ]
            blocks.append(
                self.grid(
                    (t["col_criterion"], t["col_severity"], t["col_finding"], t["col_hint"]),
                    rows,
                    (3, 2, 6, 6),
                )
            )
        return Part(key="findings", blocks=tuple(blocks))

    def finding_place(self, f: Finding, index: dict[str, int]) -> tuple[int, str]:
        """(intervention number, 0 for the plan as a whole; the criterion's label key, or
        an area of the plan's, or "") of a finding, from its location."""
        match = _INTERVENTION_PATH.match(f.location)
        if match is not None:
            n = int(match.group(1)) + 1
            field = match.group(2) or ""
            if n <= len(self.plan.interventions):
                return n, _FIELD_CRITERION.get(field, "criterion_description")
        if f.intervention in index:
            return index[f.intervention], ""
        area = f.location.split(".", 1)[0].split("[", 1)[0]
        return 0, _PLAN_AREAS.get(area, "")

    def readable(self, text: str) -> str:
        """A finding's text with the plan's ids replaced by the names readers know."""
        if "'" not in text:
            return text

        def name(match: re.Match[str]) -> str:
            key = match.group(1)
            found = self.names.get(key) or self.actor_names.get(key) or self.source_names.get(key)
            if not found:
                return match.group(0)
            # Quotation marks as the language writes them (« » in French, Spanish, Arabic).
            return self.t.tr._(NP_("quoted name", "“{name}”"), name=found)

        return _QUOTED.sub(name, text)


#: Tables of this many columns or more need a landscape page.
_WIDE_TABLE = 6
#: A word that looks like an id: letters and digits joined by hyphens, dots or underscores.
_ID_LIKE = re.compile(r"(?<![\w.\-])[A-Za-z0-9]+(?:[-._][A-Za-z0-9]+)+(?![\w\-]|\.\w)")
_INTERVENTION_PATH = re.compile(r"interventions\[(\d+)\](?:\.([a-z_]+))?")
_QUOTED = re.compile(r"'([^'\s]+)'")
#: The guide's eight criteria, in its order, and the intervention fields under each.
_CRITERIA = (
    "criterion_description",
    "criterion_rationale",
    "criterion_roles",
    "criterion_timeframe",
    "criterion_results",
    "criterion_supporting",
    "criterion_resources",
    "criterion_monitoring",
)
_FIELD_CRITERION = {
    "rationale": "criterion_rationale",
    "roles": "criterion_roles",
    "coordination": "criterion_roles",
    "timeframe": "criterion_timeframe",
    "outputs": "criterion_results",
    "outcomes": "criterion_results",
    "supporting_activities": "criterion_supporting",
    "resources": "criterion_resources",
    "funding": "criterion_resources",
    "monitoring": "criterion_monitoring",
}
#: Plan-level areas a finding can point to, and the label of each.
_PLAN_AREAS = {
    "objectives": "objectives_heading",
    "interim_targets": "interim_heading",
    "actors": "col_actor",
    "funding_sources": "col_source",
    "consultations": "annex_consultations",
    "revisions": "annex_revisions",
    "existing_frameworks": "annex_frameworks",
}


def _nobreak(text: str) -> str:
    """``text`` with no-break spaces: a date or an amount stays on one line."""
    return text.replace(" ", "\u00a0")


def _shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a multi-line text: blank lines separate them."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _buckets(first: _dt.date, last: _dt.date, t: Labels) -> list[tuple[str, _dt.date, _dt.date]]:
    """Timeline columns: quarters for up to three years, years up to thirty, else spans of
    five years. Each is (label, first day, last day)."""
    quarters = (last.year - first.year) * 4 + (last.month - 1) // 3 - (first.month - 1) // 3 + 1
    if quarters <= 12:
        out = []
        year, q = first.year, (first.month - 1) // 3 + 1
        for _ in range(quarters):
            start = _dt.date(year, 3 * q - 2, 1)
            end = (
                _dt.date(year, 3 * q + 1, 1) - _dt.timedelta(days=1)
                if q < 4
                else _dt.date(year, 12, 31)
            )
            out.append((t.format("quarter", q=q, year=year), start, end))
            year, q = (year, q + 1) if q < 4 else (year + 1, 1)
        return out
    years = last.year - first.year + 1
    step = 1 if years <= 30 else 5
    out = []
    for year in range(first.year, last.year + 1, step):
        end_year = min(year + step - 1, last.year)
        label = str(year) if step == 1 else f"{year}–{end_year}"
        out.append((label, _dt.date(year, 1, 1), _dt.date(end_year, 12, 31)))
    return out
