"""The Word draft's document model: what the draft says, checked without Word."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migsdg
from migsdg import CostLine, ExportError, PlanStatus
from migsdg.catalogue import catalogue
from migsdg.i18n import plain
from migsdg.model import (
    ActorKind,
    CapacityLevel,
    ConsultationKind,
    Disaggregation,
    FrameworkKind,
    Frequency,
    FundingCategory,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    InterventionForm,
    InterventionType,
    RoleKind,
    Stage,
    SupportingActivityKind,
)
from migsdg.texts import ENUM_MESSAGES
from migsdg.views import funding_summary
from migsdg.word import DEFAULT_SECTIONS, SECTIONS, Heading, Paragraph, build_document, clean_text
from migsdg.word.document import select_sections
from migsdg.word.labels import LANGUAGES, TEXTS, Labels
from word_plans import full_plan, plan_named, sparse_plan

CRITERIA = (
    "criterion_description",
    "criterion_rationale",
    "criterion_roles",
    "criterion_timeframe",
    "criterion_results",
    "criterion_supporting",
    "criterion_resources",
    "criterion_monitoring",
)


def intervention_sections(doc: migsdg.word.Document) -> list[list[object]]:
    """The blocks of each intervention (from its Heading 2 to the next)."""
    part = doc.part("interventions")
    assert part is not None
    out: list[list[object]] = []
    for block in part.blocks:
        if isinstance(block, Heading) and block.level == 2:
            out.append([])
        elif out:
            out[-1].append(block)
    return out


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["full", "sparse", "national", "provincial", "incomplete_draft"])
def test_each_intervention_has_the_guides_eight_headings_in_order(name: str, language: str) -> None:
    plan = plan_named(name)
    doc = build_document(plan, language=language)
    t = TEXTS[language]
    sections = intervention_sections(doc)
    assert len(sections) == len(plan.interventions)
    for blocks in sections:
        headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 3]
        assert headings == [t[k] for k in CRITERIA]


def test_every_unfilled_criterion_shows_a_marker() -> None:
    doc = build_document(sparse_plan(), language="en")
    for blocks in intervention_sections(doc):
        # Split the intervention's blocks at its eight criterion headings.
        chunks: list[list[object]] = []
        for block in blocks:
            if isinstance(block, Heading) and block.level == 3:
                chunks.append([])
            else:
                chunks[-1].append(block)
        assert len(chunks) == 8
        for chunk in chunks:
            assert any(getattr(b, "has_marker", False) for b in chunk), chunk
    # The untitled intervention's heading is marked too.
    interventions = doc.part("interventions")
    assert interventions is not None
    headings = interventions.headings(2)
    assert not headings[0].has_marker
    assert headings[1].has_marker


def test_a_filled_intervention_shows_no_marker() -> None:
    doc = build_document(full_plan(), language="en")
    for blocks in intervention_sections(doc):
        assert not any(getattr(b, "has_marker", False) for b in blocks)


def test_markers_are_in_the_drafts_language() -> None:
    doc = build_document(sparse_plan(), language="es")
    part = doc.part("interventions")
    assert part is not None
    texts = [b.text for b in part.blocks if isinstance(b, Paragraph) and b.has_marker]
    assert texts and all(text == "[Por completar]" for text in texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_criteria_table_gives_each_target_with_its_official_text(language: str) -> None:
    plan = full_plan()
    doc = build_document(plan, language=language)
    part = doc.part("objectives")
    assert part is not None
    table = part.tables()[0]
    t = TEXTS[language]
    assert table.header == (t["col_objectives"], t["col_sdg_targets"])
    assert table.column(0)[0].startswith("Fair labour mobility")
    assert table.column(1)[0].split("\n") == [
        f"8.8 — {catalogue().text('8.8', language)}",
        f"10.7 — {catalogue().text('10.7', language)}",
    ]
    if language != "en":  # the official translation, not the English text
        assert catalogue().text("10.7", language) != catalogue().text("10.7", "en")


def test_cover_marks_a_plan_as_draft_until_adopted() -> None:
    draft = build_document(full_plan())
    adopted = build_document(attrs.evolve(full_plan(), status=PlanStatus.ADOPTED))

    def banners(doc: migsdg.word.Document) -> list[str]:
        part = doc.part("cover")
        assert part is not None
        return [b.text for b in part.blocks if isinstance(b, Paragraph) and b.style == "banner"]

    assert banners(draft) == ["DRAFT — for review; not adopted"]
    assert draft.header[0].text == "DRAFT"
    assert banners(adopted) == []
    assert all("DRAFT" not in r.text for r in adopted.header)


def test_cover_lists_authority_level_period_status_and_revision() -> None:
    doc = build_document(full_plan(), language="fr")
    cover = doc.part("cover")
    assert cover is not None
    table = cover.tables()[0]
    fields = dict(zip(table.column(0), table.column(1), strict=True))
    assert fields["Autorité responsable"] == "Ministry of Planning"
    assert fields["Niveau de gouvernement"] == "National"
    assert fields["Période du plan"] == "du 1er janvier 2025 au 31 décembre 2030"
    assert fields["Statut"] == "En cours d'examen"
    assert fields["Révision"] == "2"
    assert fields["Date de la révision"] == "10\u00a0mars\u00a02025"  # never broken


def test_sections_can_be_chosen_or_left_out_and_annexes_are_relettered() -> None:
    doc = build_document(full_plan(), omit=["findings", "resources"])
    keys = [p.key for p in doc.parts]
    assert "findings" not in keys and "resources" not in keys
    # The first annex left is now Annex A.
    monitoring = doc.part("monitoring")
    assert monitoring is not None
    assert monitoring.headings(1)[0].text == "Annex A. Monitoring and evaluation framework"
    only = build_document(full_plan(), sections="interventions,cover")
    assert [p.key for p in only.parts] == ["cover", "interventions"]


def test_unknown_or_empty_section_choices_are_refused() -> None:
    with pytest.raises(ExportError, match="unknown section annexes"):
        select_sections(["annexes"])
    with pytest.raises(ExportError, match="no section left"):
        select_sections("cover", omit="cover")
    assert select_sections() == DEFAULT_SECTIONS == tuple(s for s in SECTIONS if s != "findings")
    assert select_sections(review_copy=True) == SECTIONS


def test_frameworks_chapter_says_when_the_plan_has_no_inventory() -> None:
    with_inventory = build_document(full_plan(), language="en").part("frameworks")
    assert with_inventory is not None and with_inventory.tables()
    plan = attrs.evolve(full_plan(), existing_frameworks=())
    without = build_document(plan, language="en").part("frameworks")
    assert without is not None
    assert TEXTS["en"]["no_inventory"] in [b.text for b in without.blocks]


def test_resource_mobilization_annex_matches_the_funding_view() -> None:
    plan = full_plan(interventions=3)
    doc = build_document(plan, language="en")
    part = doc.part("resources")
    assert part is not None
    by_intervention = part.tables()[0]
    summary = funding_summary(plan)
    # Required includes the supporting activities; USD lines are converted at 155.
    expected_required = Decimal("250000") + Decimal("10000") * 155 + Decimal("50000")
    assert summary.interventions[0].required == expected_required
    assert by_intervention.header is not None
    col = {name: i for i, name in enumerate(by_intervention.header)}
    for name, field in (
        ("Resources", "resources"),
        ("Supporting activities", "supporting_activities"),
        ("Required", "required"),
        ("Secured", "secured"),
        ("Pledged", "pledged"),
        ("Proposed", "proposed"),
        ("Gap", "gap"),
    ):
        column = by_intervention.column(col[name])
        assert column[:3] == [f"{getattr(r, field):,}" for r in summary.interventions], name
        assert column[-1] == f"{getattr(summary, field):,}", name  # the totals row
    needing = part.tables()[-2]  # the last says how each source is approached
    assert len(needing.rows) == len(summary.needing_resources()) + 1  # and a totals row


def test_amounts_in_a_currency_without_rate_are_flagged_in_that_intervention_only() -> None:
    plan = full_plan()
    first = plan.interventions[0]
    broken = attrs.evolve(
        first,
        resources=(*first.resources, CostLine(description="x", amount=Decimal(1), currency="EUR")),
    )
    plan = attrs.evolve(plan, interventions=(broken, *plan.interventions[1:]))
    doc = build_document(plan, language="en")
    sections = intervention_sections(doc)
    flagged = [
        any(isinstance(b, Paragraph) and "EUR" in b.text and b.has_marker for b in blocks)
        for blocks in sections
    ]
    assert flagged == [True, False]
    resources = doc.part("resources")
    assert resources is not None
    assert resources.blocks[1].has_marker  # type: ignore[union-attr]


def test_timeline_shades_the_years_each_intervention_runs() -> None:
    plan = full_plan(interventions=2)  # iv-1 runs 2026-2029, iv-2 2027-2029
    doc = build_document(plan)
    part = doc.part("timeline")
    assert part is not None and part.landscape
    table = part.tables()[0]
    assert table.header == ("Intervention", *map(str, range(2025, 2031)))
    shaded = [[c.shade is not None for c in row[1:]] for row in table.rows]
    assert shaded == [
        [False, True, True, True, True, False],
        [False, False, True, True, True, False],
    ]
    assert table.rows[0][2].text == "◆"  # the 2026 milestone


def test_timeline_uses_quarters_for_short_plans() -> None:
    plan = full_plan(interventions=1)
    short = attrs.evolve(
        plan,
        period=migsdg.Period(start=dt.date(2025, 1, 1), end=dt.date(2026, 6, 30)),
        interventions=(
            attrs.evolve(
                plan.interventions[0],
                timeframe=migsdg.Timeframe(start=dt.date(2025, 5, 1), end=dt.date(2025, 9, 1)),
            ),
        ),
    )
    table = build_document(short, language="es").part("timeline").tables()[0]  # type: ignore[union-attr]
    assert table.header[1:] == ("T1 2025", "T2 2025", "T3 2025", "T4 2025", "T1 2026", "T2 2026")
    assert [c.shade is not None for c in table.rows[0][1:]] == [
        False,
        True,
        True,
        False,
        False,
        False,
    ]


def test_findings_annex_shows_the_report_it_is_given() -> None:
    plan = sparse_plan()
    report = migsdg.check(plan, select=["AP102"])
    doc = build_document(plan, language="en", findings=report)
    part = doc.part("findings")
    assert part is not None
    # One table per intervention, under its heading; the criterion in the guide's words,
    # no rule code and no key path.
    tables = part.tables()
    assert len(tables) == len(plan.interventions)
    assert [h.text for h in part.headings(2)] == [
        f"Intervention {n}: {iv.title or '[To be completed]'}"
        for n, iv in enumerate(plan.interventions, 1)
    ][: len(tables)]
    for table in tables:
        assert table.column(0) == ["Rationale"]  # AP102: the rationale is missing
        assert not any(
            "AP102" in c.text or "interventions[" in c.text for r in table.rows for c in r
        )
    # The circulated draft has no findings; a review copy checks the plan now.
    assert build_document(plan, language="en").part("findings") is None
    default = build_document(plan, language="en", review_copy=True).part("findings")
    assert default is not None
    assert sum(len(t.rows) for t in default.tables()) == len(migsdg.check(plan).findings)


def test_language_defaults_to_the_plans_and_unknown_languages_are_refused() -> None:
    assert build_document(sparse_plan()).language == "fr"  # the plan says fr
    with pytest.raises(ExportError, match="unknown language 'de'"):
        build_document(sparse_plan(), language="de")


def test_properties_come_from_the_plan_and_its_latest_revision(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    props = build_document(full_plan(), language="es").properties
    assert props.date == dt.datetime(2025, 3, 10, tzinfo=dt.timezone.utc)
    assert (props.revision, props.language, props.status) == (2, "es-ES", "En revisión")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_document(full_plan()).properties.date == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH"):
        build_document(full_plan())


# -- text cleaning -----------------------------------------------------------------------


def _xml_ok(ch: str) -> bool:
    o = ord(ch)
    if o in (0x9, 0xA):
        return True
    if 0x7F <= o <= 0x9F:  # C1 controls: allowed by XML, never meant as text
        return False
    return 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o > 0xFFFF


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(), max_size=40))
def test_cleaned_text_is_valid_xml_text_and_cleaning_is_stable(text: str) -> None:
    cleaned = clean_text(text)
    assert all(_xml_ok(ch) for ch in cleaned)
    assert clean_text(cleaned) == cleaned


def test_control_characters_become_line_breaks_or_disappear_the_same_way_everywhere() -> None:
    assert clean_text("a\x00b\x07c\x1fd\ud800e\uffff") == "abcde"
    assert (
        clean_text("one\r\ntwo\rthree\x0bfour\x0cfive\u2028six")
        == "one\ntwo\nthree\nfour\nfive\nsix"
    )
    dirty = "Rules\x00 for\x0bagencies\x1b"
    plan = attrs.evolve(full_plan(), title=dirty)
    doc = build_document(plan)
    assert doc.headings(0)[0].text == "Rules for\nagencies"
    assert doc.properties.title == "Rules for\nagencies"


def test_each_text_is_cleaned_once_while_a_draft_is_built() -> None:
    from migsdg.word.blocks import Run, cleaning_once

    dirty = "Ministry\x00 of\x0bLabour"
    with cleaning_once():
        first, again = Run(dirty), Run("".join(["Ministry\x00", " of\x0bLabour"]))
        plain = Run("Labour")
    assert first.text == again.text == "Ministry of\nLabour"
    assert first.text is again.text  # cleaned once: the same string, held once
    assert plain.text == "Labour"
    outside = Run(dirty)  # nothing is remembered after the block
    assert outside.text == first.text and outside.text is not first.text
    # A whole draft: a text repeated in many cells is one string.
    doc = build_document(full_plan())
    texts = [r.text for t in doc.tables() for row in t.rows for c in row for r in c.runs]
    assert len({id(t) for t in texts}) == len(set(texts)) < len(texts)


# -- labels ------------------------------------------------------------------------------

_SHOWN = (
    GovernanceLevel,
    PlanStatus,
    InterventionType,
    InterventionForm,
    Stage,
    RoleKind,
    ActorKind,
    CapacityLevel,
    FundingCategory,
    FundingStatus,
    SupportingActivityKind,
    IndicatorKind,
    Disaggregation,
    Frequency,
    ConsultationKind,
    FrameworkKind,
)


@pytest.mark.parametrize("enum", _SHOWN, ids=lambda e: e.__name__)
def test_every_enum_label_is_translated(enum: type) -> None:
    for member in enum:
        assert (enum, member.value) in ENUM_MESSAGES, member
        # The message's English is the model's label: one wording in every output.
        assert plain(ENUM_MESSAGES[(enum, member.value)]) == member.label, member
        es, fr = Labels("es").enum(member), Labels("fr").enum(member)
        assert es and fr


def test_enum_labels_do_not_leak_between_enums_with_the_same_value() -> None:
    es = Labels("es")
    assert es.enum(GovernanceLevel.NATIONAL) == "Nacional"
    assert es.enum(IndicatorKind.NATIONAL) == "Indicador nacional"
    assert es.enum(FrameworkKind.PROJECT) == es.enum(InterventionForm.PROJECT) == "Proyecto"


def test_every_text_has_the_same_placeholders_in_each_language() -> None:
    import string

    def fields(s: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, english in TEXTS["en"].items():
        for language in ("es", "fr"):
            assert fields(TEXTS[language][key]) == fields(english), (key, language)


@pytest.mark.parametrize(
    ("language", "number", "date"),
    [
        ("en", "1,234,567.50", "1 March 2026"),
        ("es", "1.234.567,50", "1 de marzo de 2026"),
        ("fr", "1\u202f234\u202f567,50", "1er mars 2026"),
    ],
)
def test_numbers_and_dates_follow_the_language(language: str, number: str, date: str) -> None:
    t = Labels(language)
    assert t.number(Decimal("1234567.5")) == number
    thousands = {"en": "2,000", "es": "2.000", "fr": "2\u202f000"}[language]
    assert t.number(Decimal("2000")) == thousands
    assert t.date(dt.date(2026, 3, 1)) == date
