"""The Word draft's views of the guide's implementation step: the review of existing
frameworks, the resource mobilization plan and the review-and-adoption record, on both
example plans and on crafted plans, in English, Spanish and French.

Most tests read the document model; a few reopen the written file with python-docx.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path

import attrs
import docx
import pytest

import migsdg
from migsdg import (
    ActorKind,
    Consultation,
    ConsultationKind,
    FundingCategory,
    GovernanceLevel,
    Participation,
    PlanStatus,
    Revision,
    workflow,
)
from migsdg.catalogue import catalogue
from migsdg.cli.status import status_dict
from migsdg.review import review
from migsdg.views import CurrencyError, funding_summary
from migsdg.word import ANNEXES, SECTIONS, Document, Heading, Paragraph, Part, Run, Table
from migsdg.word import build_document as _build
from migsdg.word.blocks import Block
from migsdg.word.labels import LANGUAGES, TEXTS, Labels
from review_plans import interministerial_workshop, local_workshop, national_plan, provincial_plan
from test_word_writer import assert_matches_model
from word_plans import mixed_currency_plan, sparse_plan
from word_plans import plan_named as _plan_named

EXAMPLES = ("national", "provincial")
GAP_FILL = "F8CBAD"


def build_document(plan: migsdg.ActionPlan, **options: object) -> Document:
    """The draft without the findings annex (which runs every check): faster, and not
    what these tests are about."""
    options.setdefault("omit", ["findings"])
    return _build(plan, **options)  # type: ignore[arg-type]


@functools.cache
def plan_named(name: str) -> migsdg.ActionPlan:
    """A test plan, loaded once (plans are immutable values)."""
    return _plan_named(name)


@functools.cache
def draft(name: str, language: str) -> Document:
    return build_document(plan_named(name), language=language)


def part(doc: Document, key: str) -> Part:
    found = doc.part(key)
    assert found is not None, f"no {key} part"
    return found


def section(p: Part, title: str) -> list[Block]:
    """The blocks under the Heading 2 ``title``, up to the next Heading 1 or 2."""
    out: list[Block] | None = None
    for block in p.blocks:
        if isinstance(block, Heading) and block.level <= 2:
            if out is not None:
                break
            if block.text == title:
                out = []
        elif out is not None:
            out.append(block)
    assert out is not None, f"no section {title!r}"
    return out


def tables(blocks: list[Block]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def paragraphs(blocks: list[Block]) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph)]


def names_of(plan: migsdg.ActionPlan) -> dict[str, str]:
    """How the draft names frameworks and interventions."""
    out = {f.id: f.name or f.id for f in plan.existing_frameworks}
    out.update({iv.id: f"{n}. {iv.title or iv.id}" for n, iv in enumerate(plan.interventions, 1)})
    return out


# -- review of existing frameworks ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", [*EXAMPLES, "flagged"])
def test_alignment_matrix_and_coverage_match_the_review(name: str, language: str) -> None:
    plan = plan_named(name)
    result = review(plan)
    t, labels = TEXTS[language], Labels(language)
    p = part(draft(name, language), "review")
    assert p.landscape
    (h1,) = p.headings(1)
    assert h1.text.endswith(t["annex_review"])
    blocks = section(p, t["review_matrix"])
    (matrix,) = tables(blocks)
    assert matrix.header == (
        t["col_target"],
        t["col_migration"],
        t["col_existing"],
        t["col_planned"],
    )
    assert len(matrix.rows) == len(result.matrix) == len(plan.targets)
    names = names_of(plan)
    relation = {"explicit": t["migration_explicit"], "cross-cutting": t["migration_cross_cutting"]}
    for row, cells in zip(result.matrix, matrix.rows, strict=True):
        official = catalogue().text(row.target, language)
        assert cells[0].text.startswith(f"{row.target} — {official[:40]}")
        assert cells[1].text == relation.get(row.migration or "", t["migration_not_listed"])
        assert cells[2].text.split("\n") == ([names[i] for i in row.frameworks] or ["—"])
        assert cells[3].text.split("\n") == ([names[i] for i in row.interventions] or ["—"])
        assert {c.shade for c in cells} == {GAP_FILL if row.is_gap else None}
    total = len(plan.targets)
    served = [
        sum(1 for r in result.matrix if r.frameworks or r.interventions),
        sum(1 for r in result.matrix if r.frameworks),
        sum(1 for r in result.matrix if r.interventions),
    ]
    coverage = labels.format(
        "coverage",
        covered=served[0],
        total=total,
        share=labels.percent(served[0], total),
        frameworks=served[1],
        frameworks_share=labels.percent(served[1], total),
        interventions=served[2],
        interventions_share=labels.percent(served[2], total),
    )
    assert coverage in [b.text for b in paragraphs(blocks)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_review_finds_no_flags_and_lists_the_unprioritized_migration_targets(
    name: str, language: str
) -> None:
    plan = plan_named(name)
    t = TEXTS[language]
    p = part(draft(name, language), "review")
    assert [h.text for h in p.headings(2)] == [
        t["review_matrix"],
        t["gaps"],
        t["duplication"],
        t["horizontal"],
        t["vertical"],
        t["unprioritized"],
    ]
    for title, says in (
        ("gaps", "gaps_none"),
        ("duplication", "duplication_none"),
        ("horizontal", "coherence_none"),
        ("vertical", "coherence_none"),
    ):
        assert section(p, t[title]) == [Paragraph((Run(t[says]),))], title
    bullets = [b for b in paragraphs(section(p, t["unprioritized"])) if b.style == "bullet"]
    expected = review(plan).unprioritized_migration_targets
    assert expected, "both examples leave some explicit migration targets out"
    assert [b.text.split(" — ")[0] for b in bullets] == list(expected)
    assert p.blocks and not any(getattr(b, "has_marker", False) for b in p.blocks)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_gap_duplication_and_coherence_flags_are_shown(language: str) -> None:
    plan = plan_named("flagged")
    t, labels = TEXTS[language], Labels(language)
    p = part(draft("flagged", language), "review")
    names = names_of(plan)

    # The gap: 8.7 is prioritized and nothing serves it.
    gaps = section(p, t["gaps"])
    assert paragraphs(gaps)[0].text == t["gaps_intro"]
    assert [b.text.split(" — ")[0] for b in paragraphs(gaps) if b.style == "bullet"] == ["8.7"]
    (matrix,) = tables(section(p, t["review_matrix"]))
    gap_row = next(r for r in matrix.rows if r[0].text.startswith("8.7 — "))
    assert [c.text for c in gap_row[2:]] == ["—", "—"]
    assert t["matrix_gaps_shaded"] in paragraphs(section(p, t["review_matrix"]))[0].text

    # Possible duplication: intervention, framework, level, policy area, shared targets.
    (dup,) = tables(section(p, t["duplication"]))
    assert dup.header == (
        t["col_intervention"],
        t["col_framework"],
        t["col_level"],
        t["policy_area"],
        t["col_shared_targets"],
    )
    national = labels.enum(GovernanceLevel.NATIONAL)
    rows = [[c.text for c in r] for r in dup.rows]
    assert rows == [
        [
            names["iv-recruit"],
            "Employment Agencies Act",
            national,
            "Labour-Migration",
            f"8.8 {t['duplication_full']}",
        ],
        [
            names["iv-remit"],
            "Financial inclusion strategy",
            national,
            "finance",
            f"10.c {t['duplication_full']}",
        ],
        # The portal serves 17.3 as well: it shares only 10.c with the strategy.
        [names["iv-bank"], "Financial inclusion strategy", national, "finance", "10.c"],
    ]

    # Horizontal: 10.c in finance, two lead bodies with nothing recorded between them.
    (horizontal,) = tables(section(p, t["horizontal"]))
    (row,) = horizontal.rows
    assert row[0].text.startswith("10.c — ")
    assert (row[1].text, row[2].text) == (national, "finance")
    assert sorted(row[3].text.split("\n")) == ["Central Bank", "Ministry of Finance"]
    assert row[4].text.split("\n") == [
        "Financial inclusion strategy",
        names["iv-remit"],
        names["iv-bank"],
    ]

    # Vertical: 10.7, national items and a city framework with no link between the levels.
    (vertical,) = tables(section(p, t["vertical"]))
    assert vertical.header == (t["col_target"], t["col_upper"], t["col_lower"])
    (row,) = vertical.rows
    assert row[0].text.startswith("10.7 — ")
    assert row[1].text.split("\n") == [national, "Employment Agencies Act", names["iv-policy"]]
    assert row[1].runs[0].bold
    assert row[2].text.split("\n") == [labels.enum(GovernanceLevel.LOCAL), "City migrant desk"]

    # The entry the review cannot compare, with what it lacks.
    (incomplete,) = tables(section(p, t["incomplete"]))
    missing = ", ".join((t["col_level"], t["policy_area"], t["col_owner"]))
    assert [[c.text for c in r] for r in incomplete.rows] == [["Diaspora desk", missing]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_an_inventory_the_review_says_so_and_shows_the_interventions(
    language: str,
) -> None:
    plan = attrs.evolve(national_plan(), existing_frameworks=())
    t, labels = TEXTS[language], Labels(language)
    doc = build_document(plan, language=language)
    # The frameworks chapter keeps its review tools and says there is no inventory.
    assert t["no_inventory"] in [b.text for b in paragraphs(list(part(doc, "frameworks").blocks))]
    p = part(doc, "review")
    assert t["no_inventory"] in [b.text for b in paragraphs(list(p.blocks))]
    blocks = section(p, t["review_matrix"])
    (matrix,) = tables(blocks)
    assert matrix.header == (t["col_target"], t["col_migration"], t["col_planned"])
    assert all(r[2].text != "—" for r in matrix.rows)  # every target has an intervention
    total = len(plan.targets)
    expected = labels.format(
        "coverage_no_inventory", covered=total, total=total, share=labels.percent(total, total)
    )
    assert expected in [b.text for b in paragraphs(blocks)]
    headings = [h.text for h in p.headings(2)]
    assert t["duplication"] not in headings  # nothing to duplicate: said in the sentence
    assert t["horizontal"] in headings and t["vertical"] in headings


def test_without_prioritized_targets_the_matrix_is_a_marker() -> None:
    t = TEXTS["fr"]
    p = part(build_document(sparse_plan()), "review")  # sparse plans are in French
    (marker,) = section(p, t["review_matrix"])
    assert isinstance(marker, Paragraph) and marker.has_marker
    assert marker.text == t["review_no_targets"]
    assert all(getattr(b, "has_marker", False) for b in section(p, t["gaps"]))


def test_the_review_is_a_section_that_can_be_chosen_or_left_out() -> None:
    # The review justifies the interventions: it comes before them, not in an annex.
    assert "review" in SECTIONS and "review" not in ANNEXES
    assert SECTIONS.index("review") == SECTIONS.index("frameworks") + 1
    assert SECTIONS.index("review") < SECTIONS.index("interventions")
    plan = plan_named("national")
    without = build_document(plan, omit=["review", "findings"], language="en")
    assert without.part("review") is None
    only = build_document(plan, sections="review", omit=[], language="en")
    assert [p.key for p in only.parts] == ["review"]
    assert only.headings(1)[0].text == TEXTS["en"]["annex_review"]  # a chapter, not an annex
    full = build_document(plan, language="en")
    assert part(full, "review").headings(1)[0].text == TEXTS["en"]["annex_review"]
    assert part(full, "resources").headings(1)[0].text.startswith("Annex A. ")


# -- resource mobilization plan ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_resource_plan_by_intervention_category_and_partner_with_totals(
    name: str, language: str
) -> None:
    plan = plan_named(name)
    summary = funding_summary(plan)
    t, labels = TEXTS[language], Labels(language)
    num = labels.number
    p = part(draft(name, language), "resources")
    (by_intervention,) = tables(section(p, t["by_intervention"]))
    assert by_intervention.header == (
        t["col_intervention"],
        t["col_resources"],
        t["criterion_supporting"],
        t["col_required"],
        t["secured"],
        t["pledged"],
        t["col_proposed"],
        t["col_gap"],
    )
    fields = (
        "resources",
        "supporting_activities",
        "required",
        "secured",
        "pledged",
        "proposed",
        "gap",
    )
    for row, cells in zip(summary.interventions, by_intervention.rows, strict=False):
        assert [c.text for c in cells[1:]] == [num(getattr(row, f)) for f in fields]
    total = by_intervention.rows[-1]
    assert len(by_intervention.rows) == len(plan.interventions) + 1
    assert [c.text for c in total] == [t["total"], *(num(getattr(summary, f)) for f in fields)]

    # The guide's four categories, each named, and their totals.
    (by_category,) = tables(section(p, t["by_category"]))
    assert by_category.column(0)[:4] == [labels.enum(c) for c in FundingCategory]
    amounts = ("secured", "pledged", "proposed", "total")
    assert [c.text for c in by_category.rows[-1]] == [
        t["total"],
        *(num(sum((getattr(c, f) for c in summary.categories), Decimal(0))) for f in amounts),
    ]
    assert by_category.rows[-1][1].text == num(summary.secured)

    # Per source, with the partner's name.
    (by_source,) = tables(section(p, t["by_source"]))
    actors = {a.id: a.name for a in plan.actors}
    assert by_source.column(2)[:-1] == [actors.get(s.provider or "", "") for s in summary.sources]
    assert any(by_source.column(2)[:-1]), "the examples name their partners"
    assert by_source.rows[-1][0].text == t["total"]
    assert [c.text for c in by_source.rows[-1][3:]] == [
        num(sum((getattr(s, f) for s in summary.sources), Decimal(0))) for f in amounts
    ]

    # The interventions needing additional resources, largest gap first.
    blocks = section(p, t["needing"])
    (needing,) = tables(blocks)
    needs = summary.needing_resources()
    assert needs, "both examples have interventions with a gap"
    names = names_of(plan)
    assert needing.column(0)[:-1] == [names[r.intervention] for r in needs]
    gaps = [r.gap for r in needs]
    assert gaps == sorted(gaps, reverse=True)
    assert needing.column(4) == [*(num(g) for g in gaps), num(summary.gap)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_mixed_currencies_give_a_translated_marker_instead_of_figures(language: str) -> None:
    plan = mixed_currency_plan()
    with pytest.raises(CurrencyError):
        funding_summary(plan)
    labels = Labels(language)
    doc = build_document(plan, language=language)
    where = f"interventions[2].resources[{len(plan.interventions[2].resources) - 1}]"
    expected = labels.format("no_rate", currency="EUR", plan_currency="JMD", where=where)
    p = part(doc, "resources")
    # No table of amounts; only how each source is approached, which has none.
    assert [t.header[2] for t in p.tables() if t.header] == [labels["col_approach"]]
    marker = p.blocks[1]
    assert isinstance(marker, Paragraph) and marker.has_marker
    assert marker.text == expected
    # The intervention holding the amount says so where its funding position would be;
    # the others keep theirs.
    index = len(plan.interventions[2].resources) - 1
    texts = [b.text for b in part(doc, "interventions").blocks if isinstance(b, Paragraph)]
    assert [text for text in texts if "EUR" in text] == [
        labels.format(
            "no_rate_intervention",
            currency="EUR",
            plan_currency="JMD",
            where=f"interventions[{plan.interventions[2].id}].resources[{index}]",
        )
    ]
    position = labels.format("funding_position", currency="JMD")
    assert texts.count(position) == len(plan.interventions) - 1


def test_mixed_currencies_do_not_break_the_written_file(tmp_path: Path) -> None:
    plan = mixed_currency_plan()
    out = migsdg.export(plan, tmp_path / "plan.docx", language="fr", omit=["findings"])
    d = docx.Document(str(out))
    highlighted = d.element.body.xpath('.//w:r[w:rPr/w:highlight[@w:val="yellow"]]/w:t/text()')
    assert any(text.startswith("Les totaux ne peuvent pas être calculés") for text in highlighted)
    assert any("taux de change pour EUR" in text for text in highlighted)


# -- review and adoption record ---------------------------------------------------------------


def under(blocks: list[Block], heading: str) -> list[Block]:
    """The blocks under the Heading 3 ``heading``, up to the next heading."""
    start = next(k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    out: list[Block] = []
    for block in blocks[start + 1 :]:
        if isinstance(block, Heading):
            break
        out.append(block)
    return out


def adoption_record(doc: Document) -> list[Paragraph]:
    """The paragraphs under "Adoption", one statement each."""
    t = TEXTS[doc.language]
    blocks = section(part(doc, "consultations"), t["review_adoption"])
    return paragraphs(under(blocks, t["adoption"]))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_review_record_workshops_status_history_and_adoption(
    name: str, language: str
) -> None:
    plan = plan_named(name)
    t, labels = TEXTS[language], Labels(language)
    doc = draft(name, language)
    blocks = section(part(doc, "consultations"), t["review_adoption"])
    (workshops,) = tables(blocks)
    assert workshops.header == (
        t["col_date"],
        t["col_kind"],
        t["col_title"],
        t["col_groups"],
        t["col_represented"],
    )
    # The same reviews and stakeholder groups as migsdg status shows.
    shown = status_dict(plan)["reviews"]
    assert len(workshops.rows) == len(shown)
    by_date = sorted(shown, key=lambda r: r["date"])
    for row, review_ in zip(workshops.rows, by_date, strict=True):
        # A date in a table never breaks across lines.
        assert row[0].text == nobreak(labels.date(dt.date.fromisoformat(review_["date"])))
        groups = {labels.enum(ActorKind(g)) for g in review_["groups"]}
        assert set(row[3].text.split("\n")) == groups
        assert row[4].text == t["yes"]

    (history,) = paragraphs(under(blocks, t["status_history"]))
    changes, last = [], None
    for r in plan.revisions:
        if r.status is not None and r.status is not last:
            changes.append(f"{labels.enum(r.status)} ({labels.date(r.date)})")
            last = r.status
    assert history.text == " → ".join(changes)

    adopted = next(r for r in plan.revisions if r.status is PlanStatus.ADOPTED)
    text = " ".join(p.text for p in adoption_record(doc))
    assert not any(p.has_marker for p in adoption_record(doc))
    if plan.level is GovernanceLevel.NATIONAL:
        assert t["adoption_national"] in text
    else:
        level = labels.enum(GovernanceLevel.SUBNATIONAL).lower()
        assert labels.format("adoption_local", level=level) in text
    assert labels.format("adopted_on", date=labels.date(adopted.date), n=adopted.number) in text
    cover = dict(zip(*(part(doc, "cover").tables()[0].column(i) for i in (0, 1)), strict=True))
    assert cover[t["adoption_date"]] == labels.format(
        "date_revision", date=labels.date(adopted.date), n=adopted.number
    )


def _record(plan: migsdg.ActionPlan, language: str = "en") -> tuple[str, list[str]]:
    """The adoption record's statements as one text, and the statements marked as what
    the record lacks."""
    found = adoption_record(build_document(plan, language=language, sections="consultations"))
    return " ".join(p.text for p in found), [p.text for p in found if p.has_marker]


def _no_civil_society(id: str = "review-gov") -> Consultation:
    return Consultation(
        id=id,
        kind=ConsultationKind.INTERMINISTERIAL_WORKSHOP,
        date=dt.date(2025, 2, 10),
        participants=(Participation(group=ActorKind.GOVERNMENT, count=25),),
    )


VARIANTS = {
    "national, no workshop": national_plan(),
    "national, workshop": national_plan(consultations=(interministerial_workshop(),)),
    "national, no civil society": national_plan(consultations=(_no_civil_society(),)),
    "no level": national_plan(level=None, consultations=(interministerial_workshop(),)),
    "subnational, local workshop": provincial_plan(consultations=(local_workshop(),)),
    "subnational, interministerial only": provincial_plan(
        consultations=(interministerial_workshop(),)
    ),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_the_adoption_paragraph_agrees_with_the_checks(name: str) -> None:
    """The paragraph marks what the checks note about the review before adoption: no
    review of the kind the guide suggests for the plan's level (AP701), no level to tell
    which, and reviews without civil society or migrants (the guide's ideal)."""
    plan = VARIANTS[name]
    t = TEXTS["en"]
    _, markers = _record(plan)
    validated = attrs.evolve(plan, status=PlanStatus.VALIDATED)
    workshop_missing = (
        plan.level is not None and "AP701" in migsdg.check(validated, select=["AP701"]).codes()
    )
    reviews = [c for c in plan.consultations if c.kind.is_review]
    civil = (ActorKind.CIVIL_SOCIETY, ActorKind.MIGRANT_ASSOCIATION)
    unrepresented = not any(p.group in civil for c in reviews for p in c.participants)
    assert any(m.startswith(t["adoption_missing"].split("{")[0]) for m in markers) == (
        workshop_missing
    )
    assert (t["adoption_no_level"] in markers) == (plan.level is None)
    assert (t["not_represented"] in markers) == (unrepresented and bool(reviews))
    # None of these notes stops adoption: the guide's workshops are a "can", its
    # participants an "ideally" (the adoption step refuses only on error findings).
    assert not any(
        "workshop" in r or "representation" in r
        for r in workflow.blockers(validated, "adopt", date=dt.date(2030, 1, 1))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_adoption_paragraph_states_the_facts_of_the_record(language: str) -> None:
    t, labels = TEXTS[language], Labels(language)
    interministerial = labels.enum(ConsultationKind.INTERMINISTERIAL_WORKSHOP).lower()

    text, markers = _record(national_plan(), language)
    assert t["adoption_national"] in text
    assert markers == [labels.format("adoption_missing", kind=interministerial)]
    assert text.endswith(labels.format("not_adopted", status=labels.enum(PlanStatus.DRAFT).lower()))

    workshop = interministerial_workshop()
    text, markers = _record(national_plan(consultations=(workshop,)), language)
    held = f"{interministerial} ({labels.date(workshop.date)})"  # type: ignore[arg-type]
    assert labels.format("adoption_held", workshops=held) in text
    assert labels.format("represented", n=1, total=1) in text
    assert markers == []

    # Adopted before the only interministerial workshop took place.
    adopted = national_plan(
        consultations=(workshop,),
        status=PlanStatus.ADOPTED,
        revisions=(
            Revision(number=1, date=dt.date(2025, 1, 15), summary="x", status=PlanStatus.ADOPTED),
        ),
    )
    text, markers = _record(adopted, language)
    assert markers == [labels.format("adoption_after", date=labels.date(dt.date(2025, 1, 15)))]
    assert labels.format("adopted_on", date=labels.date(dt.date(2025, 1, 15)), n=1) in text

    # Recorded as adopted, with nothing in the history to say when.
    undated = national_plan(consultations=(workshop,), status=PlanStatus.ADOPTED)
    _, markers = _record(undated, language)
    assert markers == [
        labels.format("adopted_undated", status=labels.enum(PlanStatus.ADOPTED).lower())
    ]

    text, markers = _record(national_plan(level=None), language)
    assert markers == [t["adoption_no_level"]]

    text, markers = _record(provincial_plan(consultations=(local_workshop(),)), language)
    level = labels.enum(GovernanceLevel.SUBNATIONAL).lower()
    assert labels.format("adoption_local", level=level) in text
    assert markers == []


def nobreak(text: str) -> str:
    return text.replace(" ", "\u00a0")


def test_review_workshops_list_groups_and_whether_civil_society_or_migrants_took_part() -> None:
    labels = Labels("es")
    # Government participants only; then a government delegation that lists the civil
    # society network among its actors (its kind counts); a consultation on targets is no
    # review and is left out.
    listed = Consultation(
        id="review-2",
        kind=ConsultationKind.VALIDATION_MEETING,
        date=dt.date(2025, 3, 1),
        participants=(Participation(group=ActorKind.GOVERNMENT, actors=("mol", "cso")),),
    )
    plan = national_plan(
        consultations=(listed, _no_civil_society(), *national_plan().consultations)
    )
    blocks = section(
        part(build_document(plan, language="es"), "consultations"), "Revisión y adopción"
    )
    (workshops,) = tables(blocks)
    assert [[c.text for c in r] for r in workshops.rows] == [
        [
            nobreak(labels.date(dt.date(2025, 2, 10))),
            "Taller interministerial",
            "",
            "Gobierno nacional",
            "No",
        ],
        [
            nobreak(labels.date(dt.date(2025, 3, 1))),
            "Reunión de validación",
            "",
            "Gobierno nacional\nSociedad civil",
            "Sí",
        ],
    ]


def test_a_plan_without_review_workshops_says_so() -> None:
    t = TEXTS["en"]
    blocks = section(part(build_document(national_plan()), "consultations"), t["review_adoption"])
    assert not tables(blocks)
    assert t["no_review"] in [b.text for b in paragraphs(blocks)]


# -- labels and the written file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "part_", "whole", "text"),
    [
        ("en", 7, 8, "87.5%"),
        ("en", 8, 8, "100%"),
        ("en", 2, 3, "66.7%"),
        ("en", 0, 0, "0%"),
        ("es", 7, 8, "87,5\u00a0%"),
        ("fr", 1, 3, "33,3\u00a0%"),
        ("fr", 8, 8, "100\u00a0%"),
    ],
)
def test_percentages_follow_the_language(language: str, part_: int, whole: int, text: str) -> None:
    assert Labels(language).percent(part_, whole) == text


@pytest.mark.parametrize(("name", "language"), [("flagged", "es"), ("provincial", "fr")])
def test_reopened_file_has_the_review_resource_and_adoption_content(
    tmp_path: Path, name: str, language: str
) -> None:
    plan = plan_named(name)
    model = build_document(plan, language=language)
    out = migsdg.export(plan, tmp_path / "plan.docx", language=language, omit=["findings"])
    d = assert_matches_model(out, model)  # every heading, table cell and marker, in order
    t = TEXTS[language]
    text = "\n".join(p.text for p in d.paragraphs)
    assert t["annex_review"] in text
    assert all(p.text in text for p in adoption_record(model))
    matrix = next(tb for tb in d.tables if tb.rows[0].cells[1].text == t["col_migration"])
    assert len(matrix.rows) == len(plan.targets) + 1
    fills = matrix._tbl.xpath(".//w:tc/w:tcPr/w:shd/@w:fill")
    assert fills.count(GAP_FILL) == 4 * len(review(plan).gaps)
    # The resource plan's tables of amounts are set in 9 pt so that amounts fit a line;
    # other tables keep the body size.
    figures = next(tb for tb in d.tables if tb.rows[0].cells[1].text == t["col_resources"])
    assert set(figures._tbl.xpath(".//w:r/w:rPr/w:sz/@w:val")) == {"18"}
    assert not matrix._tbl.xpath(".//w:r/w:rPr/w:sz")


def test_docs_list_every_section_in_document_order() -> None:
    import re

    docs = Path(__file__).parent.parent / "docs" / "word.md"
    listed = re.findall(r"^\| `([a-z]+)` \|", docs.read_text(encoding="utf-8"), re.M)
    assert tuple(listed) == SECTIONS
