"""Round trips through the workbook: what is exported is imported unchanged.

The hypothesis strategies here build whole, valid plans (every field of the model, with
references that resolve); text includes unicode, line breaks, characters XML cannot hold,
formula-like openings and Excel's own ``_xHHHH_`` escapes.
"""

from __future__ import annotations

import datetime as dt
import os
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fast_set
import migsdg
import strategies as shared
from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import read_workbook, write_template, write_workbook
from migsdg.excel.layout import sheet_name
from migsdg.i18n import languages, translator
from migsdg.texts import enum_label

DRAFT = Path(__file__).parent / "data" / "incomplete_draft.yaml"
CAT = migsdg.get_catalogue()
TARGETS = sorted(CAT.targets)
INDICATORS = sorted(CAT.indicators)

# Every test here runs through both workbook readers (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("excel_reader")

# -- strategies ---------------------------------------------------------------------------

OPENINGS = ["=", "+", "-", "@", "\t", "\r", "_x0041_", "_x005F_", '"', " ", "0", "17.10"]
PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "=cmd|'/C calc'!A0",
    "@SUM(1+1)",
    "+1+1",
    "-2+3",
    "=1+1",
]
_chars = st.characters(exclude_categories=("Cs",))
plain_text = st.text(_chars, max_size=12)
text = st.one_of(
    plain_text,
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, b: a + b, st.sampled_from(OPENINGS), plain_text),
    st.just("line one\nline two\r\nline three"),
)

some_text = text.filter(bool)
ids = st.text(_chars, min_size=1, max_size=8).filter(lambda s: s.strip())
codes3 = st.from_regex(r"\A[A-Z]{3}\Z")
decimals = st.one_of(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**12), max_value=10**12
    ),
    # Any precision and exponent within the loader's bound (sizes below 1e15).
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: not d or d.adjusted() < 15),
)
# Whole numbers within the loader's bound (12 digits); years are four-digit years.
ints = st.one_of(st.integers(-5, 3000), st.integers(-(10**12) + 1, 10**12 - 1))
years = st.integers(1000, 9999)
dates = st.dates()
targets = st.sampled_from(TARGETS)
org_ids = st.from_regex(r"\A[A-Z]{2}-[A-Z]{3}-[0-9]{1,6}\Z")
urls = st.sampled_from(["", "https://example.org/plan", "https://example.org/plan.pdf"])
dac_codes = st.sampled_from(["15190", "15136", "24050", "16020"])


def iati_codes(name: str) -> st.SearchStrategy[str]:
    from migsdg.iati.codelists import codelist

    return st.sampled_from(sorted(c for c in codelist(name).names if c in codelist(name)))


def choice(enum: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(enum))


@st.composite
def plans(draw: st.DrawFn, rich: bool = False) -> m.ActionPlan:
    """A valid plan. ``rich`` plans fill every optional field and every list (at least
    one item), so a few of them reach every field of the model."""

    def opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return strategy if rich else st.none() | strategy

    def tuples(strategy: st.SearchStrategy[Any], max_size: int = 2) -> st.SearchStrategy[Any]:
        return st.lists(strategy, min_size=int(rich), max_size=max_size).map(tuple)

    txt = some_text if rich else text
    actor_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    source_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    actor = st.sampled_from(actor_ids)
    measure = st.builds(m.Measure, value=opt(decimals), year=opt(years), note=txt)
    indicator = st.one_of(
        st.builds(
            m.IndicatorRef,
            kind=st.just(m.IndicatorKind.SDG),
            code=opt(st.sampled_from(INDICATORS)),
            name=txt,
            definition=txt,
            unit=txt,
            population=opt(choice(m.Population)),
        ),
        st.builds(
            m.IndicatorRef,
            kind=st.sampled_from([m.IndicatorKind.NATIONAL, m.IndicatorKind.PROXY]),
            code=opt(some_text),
            name=txt,
            definition=txt,
            unit=txt,
            population=opt(choice(m.Population)),
        ),
    )
    achieved = st.builds(
        m.AchievedValue, value=decimals, year=opt(years), date=opt(dates), source=txt, note=txt
    )
    intervention = st.builds(
        m.Intervention,
        id=ids,
        title=txt,
        description=txt,
        type=opt(choice(m.InterventionType)),
        form=opt(choice(m.InterventionForm)),
        subtype=opt(some_text),
        sector=txt,
        policy_area=txt,
        rationale=txt,
        targets=tuples(targets),
        objectives=tuples(ids),
        beneficiaries=tuples(
            st.builds(m.Beneficiary, group=txt, description=txt, estimated_number=opt(ints))
        ),
        roles=tuples(
            st.builds(
                m.Role, stage=choice(m.Stage), actor=actor, role=choice(m.RoleKind), tasks=txt
            )
        ),
        coordination=txt,
        timeframe=st.builds(
            m.Timeframe,
            start=opt(dates),
            end=opt(dates),
            milestones=tuples(
                st.builds(m.Milestone, date=opt(dates), description=txt, reached_on=opt(dates))
            ),
        ),
        outputs=tuples(
            st.builds(m.Output, description=txt, due=opt(dates), interim_targets=tuples(ids))
        ),
        outcomes=tuples(txt),
        supporting_activities=tuples(
            st.builds(
                m.SupportingActivity,
                kind=choice(m.SupportingActivityKind),
                description=txt,
                cost=opt(decimals),
                currency=opt(codes3),
                actor=opt(actor),
                beneficiary_actors=tuples(actor),
            )
        ),
        resources=tuples(
            st.builds(
                m.CostLine, description=txt, amount=decimals, currency=opt(codes3), year=opt(years)
            )
        ),
        funding=tuples(
            st.builds(
                m.FundingArrangement,
                source=st.sampled_from(source_ids),
                amount=decimals,
                currency=opt(codes3),
                status=choice(m.FundingStatus),
                year=opt(years),
                notes=txt,
            )
        ),
        monitoring=tuples(
            st.builds(
                m.MonitoringEntry,
                indicator=indicator,
                baseline=opt(measure),
                target=opt(measure),
                interim=tuples(measure),
                disaggregation=tuples(choice(m.Disaggregation)),
                data_source=txt,
                frequency=opt(choice(m.Frequency)),
                responsible=opt(actor),
                achieved=tuples(achieved),
            )
        ),
        gcm_objectives=tuples(st.integers(1, 23)),
        migration_domains=tuples(st.integers(1, 6)),
        links=tuples(ids),
        template=opt(some_text),
        notes=txt,
        dac_sectors=tuples(dac_codes),
        expenditures=tuples(
            st.builds(
                m.Expenditure,
                date=dates,
                amount=decimals,
                currency=opt(codes3),
                source=opt(st.sampled_from(source_ids)),
                description=txt,
                note=txt,
            )
        ),
    )
    interventions = draw(
        st.lists(intervention, min_size=int(rich), max_size=3, unique_by=lambda iv: iv.id)
    )
    consultations = draw(
        st.lists(
            st.builds(
                m.Consultation,
                id=ids,
                kind=choice(m.ConsultationKind),
                date=opt(dates),
                title=txt,
                targets=tuples(targets),
                participants=tuples(
                    st.builds(
                        m.Participation,
                        group=choice(m.ActorKind),
                        actors=tuples(actor),
                        count=opt(ints),
                    )
                ),
                decisions=tuples(txt),
            ),
            min_size=int(rich),
            max_size=2,
            unique_by=lambda co: co.id,
        )
    )
    actors = tuple(
        draw(
            st.builds(
                m.Actor,
                id=st.just(ident),
                name=txt,
                kind=opt(choice(m.ActorKind)),
                parent=opt(actor),
                contact=txt,
                capacity=opt(
                    st.builds(
                        m.CapacityAssessment,
                        level=choice(m.CapacityLevel),
                        assessed_on=opt(dates),
                        notes=txt,
                    )
                ),
                org_id=opt(org_ids),
                org_type=opt(iati_codes("OrganisationType")),
            )
        )
        for ident in actor_ids
    )
    sources = tuple(
        draw(
            st.builds(
                m.FundingSource,
                id=st.just(ident),
                name=txt,
                category=opt(choice(m.FundingCategory)),
                provider=opt(actor),
                description=txt,
                org_id=opt(org_ids),
                org_type=opt(iati_codes("OrganisationType")),
                aid_type=opt(iati_codes("AidType")),
                finance_type=opt(iati_codes("FinanceType")),
                flow_type=opt(iati_codes("FlowType")),
                tied_status=opt(iati_codes("TiedStatus")),
                collaboration_type=opt(iati_codes("CollaborationType")),
                mobilization=st.builds(
                    m.MobilizationApproach, how=txt, when=opt(dates), through=tuples(actor)
                ),
            )
        )
        for ident in source_ids
    )
    return draw(
        st.builds(
            m.ActionPlan,
            id=ids,
            title=txt,
            level=opt(choice(m.GovernanceLevel)),
            country=opt(codes3),
            authority=txt,
            authority_actor=opt(actor),
            period=st.builds(m.Period, start=opt(dates), end=opt(dates)),
            language=st.sampled_from(["en", "es", "fr", "pt"]),
            status=choice(m.PlanStatus),
            parent=opt(some_text),
            currency=codes3,
            exchange_rates=tuples(
                st.builds(
                    m.ExchangeRate,
                    currency=codes3,
                    rate=decimals.filter(lambda d: not d or d.adjusted() < 9),
                )
            ),
            iati_org_ref=opt(some_text),
            url=urls.filter(bool) if rich else urls,
            contact=st.builds(
                m.Contact,
                department=txt,
                person=txt,
                job_title=txt,
                telephone=txt,
                email=txt,
                website=txt,
                address=txt,
            ),
            summary=txt,
            context=txt,
            prioritization_method=txt,
            coordination=txt,
            reporting=tuples(
                st.builds(
                    m.ReportingLine,
                    reporter=actor,
                    recipient=actor,
                    frequency=opt(choice(m.Frequency)),
                    content=txt,
                )
            ),
            objectives=tuples(
                st.builds(m.Objective, id=ids, title=txt, description=txt, targets=tuples(targets))
            ),
            interim_targets=tuples(
                st.builds(
                    m.InterimTarget,
                    id=ids,
                    target=targets,
                    indicator=opt(st.sampled_from(INDICATORS)),
                    value=opt(decimals),
                    unit=txt,
                    due=opt(dates),
                    description=txt,
                )
            ),
            interventions=st.just(tuple(interventions)),
            actors=st.just(actors),
            funding_sources=st.just(sources),
            consultations=st.just(tuple(consultations)),
            revisions=tuples(
                st.builds(
                    m.Revision,
                    number=st.integers(1, 99),
                    date=dates,
                    author=txt,
                    summary=txt,
                    status=opt(choice(m.PlanStatus)),
                )
            ),
            existing_frameworks=tuples(
                st.builds(
                    m.ExistingFramework,
                    id=ids,
                    name=txt,
                    kind=opt(choice(m.FrameworkKind)),
                    level=opt(choice(m.GovernanceLevel)),
                    policy_area=txt,
                    owner=opt(actor),
                    targets=tuples(targets),
                    links=tuples(ids),
                    coordination=txt,
                    notes=txt,
                )
            ),
            review_tools=tuples(
                st.builds(
                    m.ReviewTool,
                    tool=choice(m.ReviewToolKind),
                    name=txt,
                    date=opt(dates),
                    conducted_by=opt(actor),
                    findings=txt,
                )
            ),
            framework_interactions=tuples(
                st.builds(
                    m.FrameworkInteraction,
                    kind=choice(m.InteractionKind),
                    between=tuples(ids),
                    description=txt,
                    response=txt,
                )
            ),
        )
    )


# -- properties ------------------------------------------------------------------------------


def without_empty_optional_texts(value: Any) -> Any:
    """``value`` with every optional text set to "" made None: a spreadsheet cannot tell
    an empty cell from a missing value (the one normalisation of a round trip)."""
    if isinstance(value, tuple):
        return tuple(without_empty_optional_texts(v) for v in value)
    if not attrs.has(type(value)):
        return value
    hints = typing.get_type_hints(type(value))
    changes = {}
    for f in attrs.fields(type(value)):
        v = getattr(value, f.name)
        if v == "" and type(None) in typing.get_args(hints[f.name]):
            changes[f.name] = None
        elif attrs.has(type(v)) or isinstance(v, tuple):
            changes[f.name] = without_empty_optional_texts(v)
    return attrs.evolve(value, **changes)


@settings(
    max_examples=int(os.environ.get("MIGSDG_EXCEL_EXAMPLES", shared.examples(8))),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # the reader choice holds for every example
    ],
)
@given(plan=shared.plans())
def test_any_plan_of_the_shared_strategies_comes_back_equal(
    plan: m.ActionPlan, tmp_path_factory: Any
) -> None:
    """The project's shared strategies (tests/strategies.py): any loadable plan, control
    characters included. Their drafts may name actors or sources they do not list, which
    the import keeps when asked to (``check_references=False``)."""
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    write_workbook(plan, path, computed=False)
    assert read_workbook(path, check_references=False) == without_empty_optional_texts(plan)


@settings(
    max_examples=int(os.environ.get("MIGSDG_EXCEL_EXAMPLES", shared.examples(6))),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # the reader choice holds for every example
    ],
)
@given(plan=st.one_of(plans(), plans(rich=True)))
def test_any_valid_plan_comes_back_equal(plan: m.ActionPlan, tmp_path_factory: Any) -> None:
    # The data sheets carry the plan; leaving out the computed sheets keeps this fast
    # (they are never read back, and are tested on their own).
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    write_workbook(plan, path, computed=False)
    assert read_workbook(path) == plan


def test_property_strategy_reaches_every_field() -> None:
    """The strategy fills every field of every class (a field it never sets would not be
    tested by the round trip): a few rich plans set them all."""
    seen: dict[type, set[str]] = {}

    def visit(value: Any) -> None:
        if attrs.has(type(value)):
            names = seen.setdefault(type(value), set())
            for f in attrs.fields(type(value)):
                v = getattr(value, f.name)
                if v != f.default and v not in ((), None, ""):
                    names.add(f.name)
                visit(v)
        elif isinstance(value, tuple):
            for v in value:
                visit(v)

    @settings(
        max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(plan=plans(rich=True))
    def collect(plan: m.ActionPlan) -> None:
        visit(plan)

    collect()
    missing = {
        cls.__name__: sorted({f.name for f in attrs.fields(cls)} - names)
        for cls, names in seen.items()
        if {f.name for f in attrs.fields(cls)} - names
    }
    assert not missing


# -- the example plans and the draft ------------------------------------------------------


@pytest.mark.parametrize("name", ["national", "provincial"])
def test_example_plans_round_trip(name: str, tmp_path: Path) -> None:
    plan = load_example(name)
    path = tmp_path / f"{name}.xlsx"
    migsdg.export(plan, path)
    assert migsdg.load_plan(path) == plan


def test_incomplete_draft_round_trips_keeping_its_unknown_ids(tmp_path: Path) -> None:
    draft = migsdg.load_plan(DRAFT)
    path = tmp_path / "draft.xlsx"
    write_workbook(draft, path)
    assert read_workbook(path, check_references=False) == draft


def test_incomplete_draft_unknown_ids_are_named_with_their_cells(tmp_path: Path) -> None:
    """The draft names an actor and a funding source it does not list; by default the
    import refuses them, naming the cell and the missing ID."""
    path = tmp_path / "draft.xlsx"
    write_workbook(migsdg.load_plan(DRAFT), path)
    with pytest.raises(migsdg.PlanLoadError) as info:
        read_workbook(path)
    messages = [str(p) for p in info.value.problems]
    assert any(
        p.startswith("Roles!C") and "(Actor ID): no actor has the ID 'owwa-desk'" in p
        for p in messages
    )
    assert any("(Source ID): no funding source has the ID 'ofw-fund'" in p for p in messages)


def test_blank_template_reads_as_an_empty_plan_once_given_an_id(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "blank.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    wb["Plan"]["B2"] = "new-plan"
    wb.save(path)
    assert read_workbook(path) == m.ActionPlan(id="new-plan")


# -- reproducible bytes ------------------------------------------------------------------------


def test_same_plan_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plan = load_example("national")
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook(plan, a, today=dt.date(2025, 1, 1))
    write_workbook(plan, b, today=dt.date(2025, 1, 1))
    assert a.read_bytes() == b.read_bytes()
    # The workbook is dated by the plan's latest revision.
    import openpyxl

    props = openpyxl.load_workbook(a, read_only=True).properties
    latest = max(r.date for r in plan.revisions)
    assert props.modified == dt.datetime(latest.year, latest.month, latest.day)


def test_source_date_epoch_sets_the_time_stamps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    import openpyxl

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    path = tmp_path / "a.xlsx"
    write_workbook(load_example("national"), path, computed=False)
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    props = openpyxl.load_workbook(path, read_only=True).properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20)
    first = path.read_bytes()
    write_workbook(load_example("national"), path, computed=False)
    assert path.read_bytes() == first


def test_bad_source_date_epoch_is_an_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(migsdg.ExportError, match="SOURCE_DATE_EPOCH"):
        write_workbook(load_example("national"), tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


# -- the workbook in the team's language -------------------------------------------------------


@settings(
    max_examples=int(os.environ.get("MIGSDG_EXCEL_EXAMPLES", shared.examples(4))),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(
    plan=plans(rich=True),
    language=st.sampled_from(languages()),
    headers=st.none() | st.text(st.characters(categories=("L", "N", "Zs")), max_size=12),
)
def test_a_workbook_in_any_language_comes_back_equal(
    plan: m.ActionPlan, language: str, headers: str | None, tmp_path_factory: Any
) -> None:
    """Sheet names, headers and drop-down choices are written in the workbook's language
    and read back from any; headers renamed by hand (``headers``: every header of every
    data sheet becomes that text and its column number) change nothing."""
    import openpyxl

    from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET

    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    write_workbook(plan, path, computed=False, language=language)
    tr = translator(language)
    english = ["Instructions", FORM_SHEET.name, *(s.name for s in DATA_SHEETS), "Lists"]
    with open(path, "rb") as fh:
        names = openpyxl.load_workbook(fh, read_only=True).sheetnames
    assert names == [sheet_name(n, tr) for n in english]
    if headers is not None:
        wb = openpyxl.load_workbook(path)
        for layout in DATA_SHEETS:
            for cell in wb[sheet_name(layout.name, tr)][2]:
                cell.value = f"{headers} {cell.column}"
        wb.save(path)
    assert read_workbook(path) == plan


@pytest.mark.parametrize(
    ("name", "language"), fast_set.pairs(["national", "provincial"], languages())
)
def test_example_workbooks_in_every_language_round_trip(
    name: str, language: str, tmp_path: Path
) -> None:
    import openpyxl

    plan = load_example(name)
    path = tmp_path / f"{name}-{language}.xlsx"
    write_workbook(plan, path, language=language)
    assert read_workbook(path) == plan
    # The choices are the language's labels: the interventions' types, for one.
    wb = openpyxl.load_workbook(path, read_only=True)
    tr = translator(language)
    lists = [c for row in wb[sheet_name("Lists", tr)].iter_rows(values_only=True) for c in row if c]
    for kind in m.InterventionType:
        assert enum_label(kind, tr) in lists


def test_the_provincial_workbook_is_spanish_and_imports_back_with_no_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from migsdg.cli import main

    source = tmp_path / "provincial.yaml"
    migsdg.save_plan(load_example("provincial"), source)
    book = tmp_path / "provincial.xlsx"
    assert main(["export", str(source), "-o", str(book)]) == 0  # in the plan's language: es
    import openpyxl

    wb = openpyxl.load_workbook(book, read_only=True)
    assert wb.sheetnames[:3] == ["Instrucciones", "Plan", "Objetivos"]
    assert {"Intervenciones", "Fuentes de financiación", "Resumen de financiación"} <= set(
        wb.sheetnames
    )
    assert wb["Resumen de financiación"]["A1"].value == "Plan de movilización de recursos"
    lists = {c for row in wb["Listas"].iter_rows(values_only=True) for c in row if c}
    assert "Asegurado" in lists and "Reunión de validación" in lists
    capsys.readouterr()
    assert main(["diff", str(source), str(book), "--exit-code"]) == 0


def test_the_provincial_example_exported_imported_and_compared_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`migsdg export --example provincial -o book.xlsx` (Spanish, the plan's language),
    `migsdg import book.xlsx -o plan.yaml`, then `migsdg diff --example provincial
    plan.yaml --exit-code`: no difference."""
    from migsdg.cli import main

    book = tmp_path / "provincial.xlsx"
    plan = tmp_path / "provincial.yaml"
    assert main(["export", "--example", "provincial", "-o", str(book)]) == 0
    assert main(["import", str(book), "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["diff", "--example", "provincial", str(plan), "--exit-code"]) == 0
    import openpyxl

    assert "Intervenciones" in openpyxl.load_workbook(book, read_only=True).sheetnames
