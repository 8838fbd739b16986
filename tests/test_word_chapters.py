"""The chapters of the Word draft about the plan as a whole (the plan at a glance,
introduction, acronyms, stakeholders and capacity, governance, review tools and synergies,
GCM alignment, results framework, budget by year), the order of the parts, and the rule
that a circulated draft holds no machine text. Most tests read the document model; some
reopen the written file."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from decimal import Decimal

import attrs
import docx
import pytest

import migsdg
from migsdg import ActionPlan
from migsdg.iati._budgets import yearly_amounts
from migsdg.views import funding_summary
from migsdg.word import DEFAULT_SECTIONS, SECTIONS, Document, Heading, Paragraph, Part, Table
from migsdg.word import build_document as _build
from migsdg.word.chapters import acronyms
from migsdg.word.labels import LANGUAGES, TEXTS, Labels
from migsdg.word.writer import render_bytes
from word_plans import full_plan, plan_named, sparse_plan

EXAMPLES = ("national", "provincial")


@functools.cache
def draft(name: str, language: str) -> Document:
    return _build(plan_named(name), language=language)


def part(doc: Document, key: str) -> Part:
    found = doc.part(key)
    assert found is not None, key
    return found


def texts(p: Part) -> list[str]:
    return [b.text for b in p.blocks if isinstance(b, (Heading, Paragraph))]


def rows(table: Table) -> list[list[str]]:
    return [[c.text for c in r] for r in table.rows]


def all_text(doc: Document) -> str:
    out: list[str] = []
    for b in doc.blocks():
        if isinstance(b, Table):
            out.extend(b.header or ())
            out.extend(c.text for r in b.rows for c in r)
        elif isinstance(b, (Heading, Paragraph)):
            out.append(b.text)
    out.append("".join(r.text for r in doc.header))
    out.append(doc.footer)
    return "\n".join(out)


# -- order ----------------------------------------------------------------------------------


def test_parts_follow_the_guide_and_the_review_comes_before_the_interventions() -> None:
    doc = draft("national", "en")
    keys = [p.key for p in doc.parts]
    # The core parts in their order (the plugins' sector sections come among the annexes).
    assert [k for k in keys if k in SECTIONS] == list(DEFAULT_SECTIONS)
    assert "findings" not in keys and SECTIONS[-1] == "findings"
    for before in ("glance", "introduction", "acronyms", "stakeholders", "frameworks", "review"):
        assert keys.index(before) < keys.index("interventions")
    assert keys.index("alignment") < keys.index("interventions") < keys.index("results")
    # Chapters are not lettered; the annexes after them are, from A.
    t = TEXTS["en"]
    assert part(doc, "frameworks").headings(1)[0].text == t["annex_frameworks"]
    assert part(doc, "resources").headings(1)[0].text == "Annex A. " + t["annex_resources"]
    assert part(doc, "revisions").headings(1)[0].text.startswith("Annex D. ")


# -- the plan at a glance ---------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_plan_at_a_glance_has_a_row_per_intervention_with_the_funding_figures(
    name: str,
) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    p = part(draft(name, plan.language), "glance")
    assert p.landscape
    (table,) = p.tables()
    assert table.header is not None and len(table.header) == 8
    summary = funding_summary(plan)
    body = rows(table)
    assert len(body) == len(plan.interventions) + 1  # and a totals row
    for n, (row, iv, f) in enumerate(
        zip(body, plan.interventions, summary.interventions, strict=False), start=1
    ):
        assert row[0] == f"{n}. {iv.title}"
        assert row[2] == ", ".join(iv.targets)
        assert row[5] == labels.number(f.required)
        assert row[6] == labels.number(f.secured + f.pledged)
        assert row[7] == labels.number(f.gap)
        start, end = iv.timeframe.start, iv.timeframe.end
        assert start is not None and end is not None
        assert row[4] == f"{start.year}–{end.year}"
        leads = {r.actor for r in iv.roles if r.role.value == "lead"}
        names = {a.name for a in plan.actors if a.id in leads}
        shown = {n.removeprefix("• ") for n in row[3].split("\n")}
        assert shown == names
    assert body[-1][5] == labels.number(summary.required)


# -- introduction, governance -------------------------------------------------------------------


def test_introduction_gives_the_context_and_the_prioritization_or_a_marker() -> None:
    plan = plan_named("national")
    p = part(draft("national", "en"), "introduction")
    t = TEXTS["en"]
    shown = texts(p)
    assert shown[:2] == [t["introduction_heading"], t["context_heading"]]
    first = plan.context.split("\n\n")[0].strip()
    assert first in shown
    assert t["prioritization_heading"] in shown
    assert plan.prioritization_method.split("\n\n")[0].strip() in shown
    empty = _build(attrs.evolve(plan, context="", prioritization_method=""), language="en")
    markers = [b for b in part(empty, "introduction").blocks if isinstance(b, Paragraph)]
    assert len(markers) == 2 and all(b.has_marker for b in markers)


@pytest.mark.parametrize("name", EXAMPLES)
def test_governance_lists_the_coordination_and_every_reporting_line(name: str) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    p = part(draft(name, plan.language), "governance")
    names = {a.id: a.name for a in plan.actors}
    (authority, reporting) = p.tables()
    assert rows(authority) == [[labels["authority"], plan.authority]]
    assert rows(reporting) == [
        [
            names[r.reporter],
            names[r.recipient],
            labels.enum(r.frequency) if r.frequency else "",
            r.content,
        ]
        for r in plan.reporting
    ]
    assert plan.coordination.split("\n\n")[0].strip() in texts(p)


# -- acronyms -----------------------------------------------------------------------------


def test_acronyms_come_from_definitions_names_and_the_drafts_own_terms() -> None:
    found = acronyms(
        [
            "Chaired by the National Working Group on International Migration and "
            "Development (NWGIMD).",
            "The PIOJ reports to the MDAs; JAMPRO promotes, with the Jamaica Promotions "
            "Corporation (JAMPRO).",
            "Said (loudly) and TODO",
        ],
        ["Planning Institute of Jamaica", "Ministries, Departments and Agencies", "Nobody"],
    )
    assert found == {
        "NWGIMD": "National Working Group on International Migration and Development",
        "JAMPRO": "Jamaica Promotions Corporation",
        "PIOJ": "Planning Institute of Jamaica",
        "MDAs": "Ministries, Departments and Agencies",
    }


@pytest.mark.parametrize(
    ("language", "sdg"),
    [("en", "Sustainable Development Goal"), ("es", "Objetivo de Desarrollo Sostenible")],
)
def test_acronyms_table_is_sorted_and_in_the_drafts_language(language: str, sdg: str) -> None:
    (table,) = part(draft("national", language), "acronyms").tables()
    entries = {r[0]: r[1] for r in rows(table)}
    short = {"en": "SDG", "es": "ODS"}[language]
    assert entries[short] == sdg
    assert entries["PIOJ"] == "Planning Institute of Jamaica"
    assert "NWGIMD" in entries
    keys = [r[0] for r in rows(table)]
    assert keys == sorted(keys, key=str.casefold)


# -- stakeholders and capacity ----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_stakeholders_show_what_each_actor_leads_and_its_capacity_assessment(name: str) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    (table,) = part(draft(name, plan.language), "stakeholders").tables()
    body = rows(table)
    assert [r[0] for r in body] == [a.name for a in plan.actors]
    for actor, row in zip(plan.actors, body, strict=True):
        led = sorted(
            {
                n
                for n, iv in enumerate(plan.interventions, 1)
                for r in iv.roles
                if r.actor == actor.id and r.role.value == "lead"
            }
        )
        shown = [
            n
            for piece in row[2].split(", ")
            if piece
            for a, _, b in [piece.partition("–")]
            for n in range(int(a), int(b or a) + 1)
        ]
        assert shown == led
        if actor.capacity is None:
            assert row[5] == labels["capacity_not_assessed"]
        else:
            assert row[5].startswith(labels.enum(actor.capacity.level))
            assert actor.capacity.notes in row[5]
    assert any(a.capacity is not None for a in plan.actors)  # the examples assess some


# -- review tools, synergies and trade-offs ----------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_frameworks_chapter_has_the_review_tools_and_the_synergies_and_trade_offs(
    name: str,
) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    p = part(draft(name, plan.language), "frameworks")
    inventory, tools, interactions = p.tables()
    assert len(inventory.rows) == len(plan.existing_frameworks)
    assert [r[0].split("\n")[0] for r in rows(tools)] == [
        labels.enum(r.tool) for r in plan.review_tools
    ]
    assert [r[3] for r in rows(tools)] == [r.findings for r in plan.review_tools]
    assert [r[0] for r in rows(interactions)] == [
        labels.enum(x.kind) for x in plan.framework_interactions
    ]
    assert [r[3] for r in rows(interactions)] == [x.response for x in plan.framework_interactions]
    # "Between" names frameworks and interventions, never their ids.
    ids = {f.id for f in plan.existing_frameworks} | {iv.id for iv in plan.interventions}
    assert not any(i in r[1] for r in rows(interactions) for i in ids)


# -- alignment ----------------------------------------------------------------------------


def test_alignment_matrices_mark_the_gcm_objectives_and_domains_each_intervention_names() -> None:
    plan = plan_named("national")
    p = part(draft("national", "en"), "alignment")
    gcm, domains = p.tables()
    for table, field in ((gcm, "gcm_objectives"), (domains, "migration_domains")):
        used = sorted({n for iv in plan.interventions for n in getattr(iv, field)})
        assert table.header is not None
        assert list(table.header[1:]) == [str(u) for u in used]
        for row, iv in zip(table.rows, plan.interventions, strict=True):
            marked = [u for u, c in zip(used, row[1:], strict=True) if c.text == "●"]
            assert marked == sorted(getattr(iv, field))


# -- results framework and achieved values ----------------------------------------------


def test_results_framework_groups_by_objective_and_shows_the_latest_achieved_value() -> None:
    plan = plan_named("national")
    doc = draft("national", "en")
    p = part(doc, "results")
    t = TEXTS["en"]
    objectives = [h.text for h in p.headings(2)]
    firsts = {iv.objectives[0] for iv in plan.interventions if iv.objectives}
    assert objectives == [o.title for o in plan.objectives if o.id in firsts]
    indicators = sum(len(iv.monitoring) or 1 for iv in plan.interventions)
    assert sum(len(tb.rows) for tb in p.tables()) == indicators
    header = p.tables()[0].header
    assert header is not None and header[-1] == t["col_achieved"]
    entry = next(m for iv in plan.interventions for m in iv.monitoring if m.achieved)
    latest = max(entry.achieved, key=lambda a: (a.year or 0, a.date or dt.date.min))
    shown = [r[-1] for tb in p.tables() for r in rows(tb)]
    assert any(
        s.startswith(Labels("en").value(latest.value)) and f"({latest.year})" in s for s in shown
    )
    # The monitoring tables gain the column too; without achieved values it is not there.
    (annex,) = part(doc, "monitoring").tables()
    assert annex.header is not None and t["col_achieved"] in annex.header
    bare = attrs.evolve(
        plan,
        interventions=tuple(
            attrs.evolve(iv, monitoring=tuple(attrs.evolve(m, achieved=()) for m in iv.monitoring))
            for iv in plan.interventions
        ),
    )
    doc = _build(bare, language="en")
    for key in ("results", "monitoring", "interventions"):
        for table in part(doc, key).tables():
            assert t["col_achieved"] not in (table.header or ())
    assert doc.part("progress") is None  # no value achieved, no progress to report


@pytest.mark.parametrize("language", ["en", "fr"])
def test_progress_section_reports_against_the_plan_as_at_the_drafts_date(language: str) -> None:
    from migsdg.progress import progress
    from migsdg.progress_view import progress_view

    plan = plan_named("national")
    doc = draft("national", language)
    keys = [p.key for p in doc.parts]
    assert keys.index("results") < keys.index("progress") < keys.index("budget")
    p = part(doc, "progress")
    as_of = max(r.date for r in plan.revisions)  # the draft's date
    view = progress_view(plan, language, as_of=as_of)
    assert p.headings(1)[0].text == view.title
    assert [h.text for h in p.headings(3)] == [s.title for s in view.sections]
    report = progress(plan, as_of=as_of)
    shown = sum(len(tb.rows) for tb in p.tables())
    assert shown == sum(len(iv.indicators) + len(iv.milestones) for iv in report.interventions)


# -- budget by year ---------------------------------------------------------------------


def _convert(plan: ActionPlan):  # type: ignore[no-untyped-def]
    rates = {r.currency: r.rate for r in plan.exchange_rates}

    def convert(amount: Decimal, currency: str | None, _where: str) -> Decimal | None:
        if currency in (None, plan.currency):
            return amount
        return amount * rates[currency]

    return convert


@pytest.mark.parametrize("name", EXAMPLES)
def test_budget_by_year_spreads_costs_as_the_iati_export_does(name: str) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    p = part(draft(name, plan.language), "budget")
    costs, funding = p.tables()
    assert costs.header is not None
    years = [int(y) for y in costs.header[1:-1] if y.isdigit()]
    summary = funding_summary(plan)
    scale = (
        Decimal(1000)
        if "000" in texts(p)[1]
        or any(labels.format("budget_thousands", currency=plan.currency) in x for x in texts(p))
        else Decimal(1)
    )

    def shown(value: Decimal) -> str:
        rounded = (value / scale).quantize(Decimal(1))
        return labels.number(rounded) if value else "–"

    for row, iv, f in zip(rows(costs), plan.interventions, summary.interventions, strict=False):
        per_year = yearly_amounts(iv, "", _convert(plan), lambda *_: None)
        assert row[1 : 1 + len(years)] == [shown(per_year.get(y, Decimal(0))) for y in years]
        assert row[-1] == shown(f.required)  # cost lines and supporting activities
    assert rows(costs)[-1][-1] == shown(summary.required)
    assert len(funding.rows) >= 1
    assert any(labels["budget_note"] in x for x in texts(p))


# -- no machine text ------------------------------------------------------------------------

_KEY_PATH = re.compile(r"\b[a-z_]+\[\d+\]|\b[a-z_]+\.[a-z_]+\[")
_RULE_CODE = re.compile(r"\b(?:AP|RV)\d{3}\b")


def machine_ids(plan: ActionPlan) -> set[str]:
    ids = {plan.id, *(x for x in (plan.parent,) if x)}
    for group in (
        plan.interventions,
        plan.actors,
        plan.funding_sources,
        plan.existing_frameworks,
        plan.interim_targets,
        plan.consultations,
        plan.objectives,
    ):
        ids.update(x.id for x in group)
    ids.update(iv.subtype for iv in plan.interventions if iv.subtype)
    return ids


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_circulated_draft_has_no_key_path_rule_code_or_internal_id(
    name: str, language: str
) -> None:
    plan = plan_named(name)
    text = all_text(draft(name, language))
    assert not _KEY_PATH.search(text)
    assert not _RULE_CODE.search(text)
    words = set(re.findall(r"[\w.\-]+", text))
    # Ids that read as words ("employers", "desarrollo") cannot be told from the plan's
    # prose; ids with a hyphen, dot or underscore can.
    machine = {i for i in machine_ids(plan) if re.search(r"[-._]", i)}
    assert machine  # the examples have such ids
    assert not machine & words


def test_a_review_copy_adds_the_findings_in_the_readers_words(tmp_path: object) -> None:
    plan = sparse_plan()
    circulated = _build(plan, language="en")
    assert circulated.part("findings") is None
    copy = _build(plan, language="en", review_copy=True)
    p = part(copy, "findings")
    text = "\n".join(texts(p) + [c.text for tb in p.tables() for r in tb.rows for c in r])
    assert not _RULE_CODE.search(text) and not _KEY_PATH.search(text)
    assert not any(iv.id in text for iv in plan.interventions if iv.id)
    t = TEXTS["en"]
    severities = {t["severity_error"], t["severity_warning"], t["severity_info"]}
    assert all(r[1] in severities for tb in p.tables() for r in rows(tb))


def test_the_cli_review_copy_flag(tmp_path: object) -> None:
    from pathlib import Path

    from migsdg.cli import main

    out = Path(str(tmp_path)) / "copy.docx"
    assert main(["export", "--example", "national", "--review-copy", "-o", str(out)]) == 0
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert any(h.endswith(TEXTS["en"]["annex_findings"]) for h in headings)


# -- footer, header ---------------------------------------------------------------------


def test_every_page_carries_the_status_and_the_date_and_drafts_say_draft() -> None:
    doc = draft("national", "en")  # adopted, then amended
    status = Labels("en").enum(plan_named("national").status)
    assert doc.footer.startswith(f"{status} · Revision\u00a05 · ")
    assert "{page}" in doc.footer and "{pages}" in doc.footer
    assert not any("DRAFT" in r.text for r in doc.header)
    plan = attrs.evolve(plan_named("national"), status=migsdg.PlanStatus.IN_REVIEW)
    doc = _build(plan, language="fr")
    assert doc.header[0].text == TEXTS["fr"]["draft_header"]
    assert doc.footer.startswith(Labels("fr").enum(migsdg.PlanStatus.IN_REVIEW) + " · ")
    data = render_bytes(doc)
    footer = docx.Document(io.BytesIO(data)).sections[0].footer
    assert footer.paragraphs[0].text.startswith(Labels("fr").enum(migsdg.PlanStatus.IN_REVIEW))


def test_full_plan_has_every_chapter() -> None:
    doc = _build(full_plan(), language="es")
    for key in DEFAULT_SECTIONS:
        if key != "progress":  # the full plan records no achieved value
            assert doc.part(key) is not None, key


@pytest.mark.parametrize("name", EXAMPLES)
def test_resource_plan_says_how_when_and_through_whom_each_source_is_approached(
    name: str,
) -> None:
    plan = plan_named(name)
    labels = Labels(plan.language)
    p = part(draft(name, plan.language), "resources")
    heading = labels["approach_heading"]
    assert heading in [h.text for h in p.headings(2)]
    approach = p.tables()[-1]
    assert approach.header is not None and approach.header[2] == labels["col_approach"]
    names = {a.id: a.name for a in plan.actors}
    assert rows(approach) == [
        [
            s.name,
            labels.enum(s.category) if s.category else "",
            s.mobilization.how or labels["to_complete"],
            labels.date(s.mobilization.when).replace(" ", "\u00a0") if s.mobilization.when else "",
            "\n".join(names[a] for a in s.mobilization.through),
        ]
        for s in plan.funding_sources
    ]
