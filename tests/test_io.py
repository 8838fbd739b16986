"""Plan files: what is saved loads back equal, in YAML, JSON and plain dicts."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migsdg
import migsdg.model as m
import strategies as s
from migsdg.examples import load_example, names
from migsdg.io import dumps_plan, load_plan, loads_plan, plan_from_dict, plan_to_dict, save_plan


@settings(max_examples=s.examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s.plans())
def test_yaml_json_and_dict_round_trips_give_an_equal_plan(plan: m.ActionPlan) -> None:
    # One property for the three forms: generating plans costs more than checking them.
    assert loads_plan(dumps_plan(plan, format="yaml"), format="yaml") == plan
    assert loads_plan(dumps_plan(plan, format="json"), format="json") == plan
    data = plan_to_dict(plan)
    assert data["schema_version"] == 1
    assert plan_from_dict(data) == plan


@settings(max_examples=s.examples(10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s.plans(max_interventions=2, max_items=2), st.sampled_from([".yaml", ".yml", ".json"]))
def test_save_then_load_gives_an_equal_plan(plan: m.ActionPlan, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        assert save_plan(plan, path) == path
        assert load_plan(path) == plan


@settings(max_examples=s.examples(25), deadline=None)
@given(s.interventions())
def test_an_intervention_alone_round_trips(iv: m.Intervention) -> None:
    plan = m.ActionPlan(id="p", interventions=(iv,))
    assert loads_plan(dumps_plan(plan)) == plan


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_examples_round_trip_through_files(tmp_path: Path, name: str, suffix: str) -> None:
    plan = load_example(name)
    path = save_plan(plan, tmp_path / f"{name}{suffix}")
    assert load_plan(path) == plan


def test_a_draft_with_only_an_id_loads() -> None:
    plan = loads_plan("id: my-plan\n")
    assert plan == m.ActionPlan(id="my-plan")
    assert dumps_plan(plan) == "schema_version: 1\nid: my-plan\n"


def test_defaults_are_left_out_of_saved_files() -> None:
    plan = m.ActionPlan(
        id="p",
        interventions=(m.Intervention(id="iv", targets=("10.7",)),),
    )
    data = plan_to_dict(plan)
    assert data == {
        "schema_version": 1,
        "id": "p",
        "interventions": [{"id": "iv", "targets": ["10.7"]}],
    }


def test_amounts_keep_every_digit() -> None:
    line = m.CostLine(description="x", amount=Decimal("1234567.8910"))
    whole = m.CostLine(description="y", amount=Decimal("2500000"))
    plan = m.ActionPlan(id="p", interventions=(m.Intervention(id="i", resources=(line, whole)),))
    data = plan_to_dict(plan)
    lines = data["interventions"][0]["resources"]
    assert lines[0]["amount"] == "1234567.8910"  # text: no binary floating point
    assert lines[1]["amount"] == 2500000  # whole amounts stay readable numbers
    assert loads_plan(dumps_plan(plan)).interventions[0].resources[0].amount == Decimal(
        "1234567.8910"
    )


def test_amounts_written_as_text_with_separators() -> None:
    plan = loads_plan(
        "id: p\ninterventions:\n- id: i\n  resources:\n"
        "  - {description: a, amount: '1,250,000.50'}\n"
        "  - {description: b, amount: 1_000}\n"
        "  - {description: c, amount: 0.1}\n"
    )
    amounts = [r.amount for r in plan.interventions[0].resources]
    assert amounts == [Decimal("1250000.50"), Decimal(1000), Decimal("0.1")]
    assert all(type(a) is Decimal for a in amounts)


def test_json_numbers_are_read_exactly() -> None:
    plan = loads_plan(
        '{"id": "p", "exchange_rates": [{"currency": "USD", "rate": 155.35}]}', format="json"
    )
    assert plan.exchange_rates[0].rate == Decimal("155.35")


def test_codes_are_stored_in_canonical_form() -> None:
    plan = loads_plan(
        "id: p\nobjectives:\n- id: o\n  targets: ['SDG 10.7', 'Target 10.C', 'Meta 08.08', 17.10]\n"
        "interim_targets:\n- {id: i, target: sdg 3.c, indicator: 'Indicator 10.7.2'}\n"
    )
    assert plan.objectives[0].targets == ("10.7", "10.c", "8.8", "17.10")
    assert plan.interim_targets[0].target == "3.c"
    assert plan.interim_targets[0].indicator == "10.7.2"


def test_enumeration_values_in_any_case() -> None:
    plan = loads_plan("id: p\nstatus: In Review\nlevel: NATIONAL\n")
    assert plan.status is m.PlanStatus.IN_REVIEW
    assert plan.level is m.GovernanceLevel.NATIONAL


def test_whole_numbers_written_as_text_or_as_decimals() -> None:
    plan = loads_plan(
        "id: p\nrevisions:\n- {number: ' 3 ', date: 2024-01-01}\n"
        "interventions:\n- {id: i, gcm_objectives: ['7', 20.0]}\n"
    )
    assert plan.revisions[0].number == 3
    assert plan.interventions[0].gcm_objectives == (7, 20)


def test_text_fields_take_numbers_as_written() -> None:
    plan = loads_plan("id: 12\ntitle: 1.10\nlanguage: no\nsummary: 010\n")
    assert (plan.id, plan.title, plan.language, plan.summary) == ("12", "1.10", "no", "010")


def test_yaml_and_json_dates() -> None:
    yaml_plan = loads_plan("id: p\nperiod: {start: 2025-01-01, end: '2030-12-31'}\n")
    json_plan = loads_plan(
        '{"id": "p", "period": {"start": "2025-01-01", "end": "2030-12-31"}}', format="json"
    )
    assert yaml_plan == json_plan
    assert yaml_plan.period == m.Period(start=dt.date(2025, 1, 1), end=dt.date(2030, 12, 31))


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: p\ntitle: Plan de acci\xc3\xb3n\n")
    assert load_plan(path).title == "Plan de acción"


def test_json_output_is_utf8_text_with_the_plan(tmp_path: Path) -> None:
    plan = load_example("provincial")
    path = save_plan(plan, tmp_path / "p.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["language"] == "es"
    assert "Acción" in path.read_text(encoding="utf-8")  # not escaped as \\u00f3


def test_saving_replaces_an_existing_file_keeping_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    save_plan(m.ActionPlan(id="new"), path)
    assert load_plan(path).id == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]  # no temporary left


def test_plan_from_dict_does_not_change_its_input() -> None:
    data = {"id": "p", "objectives": [{"id": "o", "targets": ["SDG 10.7"]}]}
    before = json.dumps(data)
    plan_from_dict(data)
    assert json.dumps(data) == before


def test_plan_from_dict_in_place_builds_the_same_plan_and_reports_alike() -> None:
    plan = load_example("national")
    assert plan_from_dict(plan_to_dict(plan), in_place=True) == plan
    data = {"id": "p", "objectives": [{"id": "o", "targets": ["SDG 10.7", "99.9"]}]}
    with pytest.raises(migsdg.PlanLoadError) as copied:
        plan_from_dict(data)
    with pytest.raises(migsdg.PlanLoadError) as in_place:
        plan_from_dict(data, in_place=True)
    assert in_place.value.problems == copied.value.problems != []
    assert data["objectives"][0]["targets"][0] == "10.7"  # normalised in the data itself


def test_top_level_api_is_reexported() -> None:
    assert migsdg.load_plan is load_plan
    assert migsdg.save_plan is save_plan


@settings(max_examples=s.examples(15), deadline=None)
@given(s.plans(text=s.xml_texts(), max_interventions=1, max_items=1))
def test_xml_safe_plans_hold_no_xml_control_characters(plan: m.ActionPlan) -> None:
    text = dumps_plan(plan, format="json")
    decoded = json.loads(text)

    def strings(x: object) -> list[str]:
        if isinstance(x, dict):
            return [v for val in x.values() for v in strings(val)]
        if isinstance(x, list):
            return [v for val in x for v in strings(val)]
        return [x] if isinstance(x, str) else []

    bad = {chr(c) for c in range(32)} - {"\n", "\t"}
    assert not any(set(t) & bad for t in strings(decoded))


@pytest.mark.slow  # the strategies, not migsdg: their drawing takes a while
def test_strategies_cover_every_field_of_the_model() -> None:
    """The generated plans exercise every field (so a new model field needs a strategy)."""
    seen: set[tuple[str, str]] = set()

    def walk(obj: object) -> None:
        if attrs.has(type(obj)):
            for a in attrs.fields(type(obj)):
                value = getattr(obj, a.name)
                if a.default is attrs.NOTHING or value != a.default:
                    seen.add((type(obj).__name__, a.name))
                walk(value)
        elif isinstance(obj, tuple):
            for x in obj:
                walk(x)

    # Enough examples that every optional field and list is drawn at least once, whatever
    # else the strategies draw.
    @settings(max_examples=80, deadline=None, database=None, derandomize=True)
    @given(s.plans())
    def collect(plan: m.ActionPlan) -> None:
        walk(plan)

    collect()
    every = {
        (cl.__name__, a.name)
        for cl in (getattr(m, n) for n in m.__all__)
        if attrs.has(cl)
        for a in attrs.fields(cl)
    }
    assert every - seen == set()
