"""The JSON Schema of the plan file: valid, faithful to the loader, and documented."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import migsdg
import migsdg.model as m
import strategies as s
from migsdg.cli import main
from migsdg.errors import PlanLoadError
from migsdg.examples import example_text, names
from migsdg.io import plan_from_dict, plan_to_dict
from migsdg.schema import (
    REFERENCE_MARKER,
    field_docs,
    plan_file_reference,
    plan_json_schema,
    update_reference,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "plan-file.md"
DRAFT = Path(__file__).parent / "data" / "incomplete_draft.yaml"

SCHEMA = plan_json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def jsonable(data: Any) -> Any:
    """Parsed YAML as JSON sees it (a YAML date is the same text in JSON)."""
    if isinstance(data, dict):
        return {k: jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [jsonable(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def errors(doc: Any) -> list[tuple[str, str]]:
    return sorted(
        ("/".join(map(str, e.absolute_path)), e.message) for e in VALIDATOR.iter_errors(doc)
    )


def loads(doc: Any) -> bool:
    try:
        plan_from_dict(doc)
    except PlanLoadError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["schema_version"] == {
        "const": 1,
        "description": SCHEMA["properties"]["schema_version"]["description"],
    }
    assert SCHEMA["required"] == ["id"]
    assert SCHEMA["additionalProperties"] is False


def test_every_class_is_defined_closed_with_its_required_fields() -> None:
    defs = SCHEMA["$defs"]
    for name in m.__all__:
        cl = getattr(m, name)
        if not attrs.has(cl) or cl is m.ActionPlan:
            continue
        schema = defs[name]
        assert schema["additionalProperties"] is False, name
        assert list(schema["properties"]) == [a.name for a in attrs.fields(cl)], name
        required = [a.name for a in attrs.fields(cl) if a.default is attrs.NOTHING]
        assert schema.get("required", []) == required, name


def test_each_call_returns_a_fresh_copy() -> None:
    first = plan_json_schema()
    first["$defs"].clear()
    assert plan_json_schema()["$defs"]


@pytest.mark.parametrize("name", names())
def test_every_example_plan_validates(name: str) -> None:
    assert errors(jsonable(yaml.safe_load(example_text(name)))) == []
    saved = json.loads(migsdg.dumps_plan(migsdg.examples.load_example(name), format="json"))
    assert errors(saved) == []


def test_the_incomplete_draft_validates() -> None:
    # Incomplete is not malformed: the schema, like the loader, accepts a draft.
    assert errors(jsonable(yaml.safe_load(DRAFT.read_text(encoding="utf-8")))) == []


MALFORMED: list[tuple[dict[str, Any], str]] = [
    ({"title": "no id"}, ""),
    ({"id": "p", "titel": "x"}, ""),
    ({"id": "p", "schema_version": 2}, "schema_version"),
    ({"id": "p", "status": "finished"}, "status"),
    ({"id": "p", "currency": "usd"}, "currency"),
    ({"id": "p", "country": "Jamaica"}, "country"),
    ({"id": "p", "period": {"start": "soon"}}, "period/start"),
    ({"id": "p", "period": {"start": "2025-02-30"}}, "period/start"),
    ({"id": "p", "interventions": "abc"}, "interventions"),
    ({"id": "p", "interventions": [{"id": "i", "type": "magic"}]}, "interventions/0/type"),
    ({"id": "p", "interventions": [{"id": "i", "rationle": "x"}]}, "interventions/0"),
    ({"id": "p", "objectives": [{"id": "o", "targets": ["10.77"]}]}, "objectives/0/targets/0"),
    ({"id": "p", "objectives": [{"id": "o", "targets": [99.9]}]}, "objectives/0/targets/0"),
    ({"id": "p", "interim_targets": [{"id": "i"}]}, "interim_targets/0"),
    (
        {"id": "p", "interventions": [{"id": "i", "gcm_objectives": [24]}]},
        "interventions/0/gcm_objectives/0",
    ),
    (
        {"id": "p", "interventions": [{"id": "i", "migration_domains": ["7"]}]},
        "interventions/0/migration_domains/0",
    ),
    (
        {
            "id": "p",
            "interventions": [{"id": "i", "monitoring": [{"indicator": {"code": "10.7.9"}}]}],
        },
        "interventions/0/monitoring/0/indicator/code",
    ),
    (
        {
            "id": "p",
            "interventions": [{"id": "i", "resources": [{"description": "d", "amount": "a lot"}]}],
        },
        "interventions/0/resources/0/amount",
    ),
    ({"id": "p", "revisions": [{"number": 1.5, "date": "2025-01-01"}]}, "revisions/0/number"),
    ({"id": "p", "title": ["a"]}, "title"),
    ({"id": "p", "title": True}, "title"),
]


@pytest.mark.parametrize(("doc", "where"), MALFORMED)
def test_malformed_documents_do_not_validate(doc: dict[str, Any], where: str) -> None:
    found = errors(doc)
    assert found, doc
    assert where in {path for path, _ in found}
    assert not loads(doc)  # and the loader agrees


def test_national_indicators_are_free_text_and_sdg_ones_are_checked() -> None:
    def doc(indicator: dict[str, Any]) -> dict[str, Any]:
        return {"id": "p", "interventions": [{"id": "i", "monitoring": [{"indicator": indicator}]}]}

    for indicator, valid in [
        ({"kind": "national", "code": "JAM-1"}, True),
        ({"kind": "proxy", "code": 7}, True),
        ({"code": "Indicator 10.7.2"}, True),
        ({"kind": "SDG", "code": "10.c.1"}, True),
        ({"kind": "sdg", "code": None}, True),
        ({"kind": "sdg", "code": "JAM-1"}, False),
        ({"code": "JAM-1"}, False),
    ]:
        assert VALIDATOR.is_valid(doc(indicator)) is valid, indicator
        assert loads(doc(indicator)) is valid, indicator


# -- faithful to the loader ----------------------------------------------------------------

_CODE_CHARS = st.sampled_from([*"0123456789.abcxyzSDGsdgTtargetMmeta :#\t", "Target "])


def _decorated(code: str) -> st.SearchStrategy[str]:
    """A catalogue code as people write it."""
    prefix = st.sampled_from(["", "SDG ", "sdg", "Target ", "Meta: ", "SDG Target ", " #"])
    padded = ".".join(f"0{p}" if p.isdigit() else p.upper() for p in code.split("."))
    return st.builds(
        lambda pre, body, tail: pre + body + tail,
        prefix,
        st.sampled_from([code, padded, code.replace(".", " . ")]),
        st.sampled_from(["", ".", " ", ". "]),
    )


@settings(max_examples=s.examples(150), deadline=None)
@given(
    st.one_of(
        s.target_codes().flatmap(_decorated),
        s.indicator_codes(),
        st.lists(_CODE_CHARS, max_size=10).map("".join),
        st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=30),
        st.integers(0, 200),
    )
)
@example("10.7")
@example("SDG 10.C.")
@example(10.7)
@example(17.1)
@example("17.10")
@example("")
@example(1.00001)
@example(1.01)
@example("1.00001")
def test_target_codes_valid_for_the_schema_exactly_when_the_loader_takes_them(code: Any) -> None:
    doc = {"id": "p", "objectives": [{"id": "o", "targets": [code]}]}
    assert VALIDATOR.is_valid(doc) is loads(doc)


_DECIMAL_CHARS = st.sampled_from([*"0123456789.,_+-eE ", "NaN", "Infinity"])


@settings(max_examples=s.examples(150), deadline=None)
@given(
    st.one_of(
        st.lists(_DECIMAL_CHARS, max_size=10).map("".join),
        s.decimals().map(str),
        st.integers(-(10**15), 10**15),
        st.floats(allow_nan=False, allow_infinity=False),
    )
)
@example("1,250,000.50")
@example(" 12 ")
@example(".5")
@example("5.")
@example("1e5")
def test_amounts_valid_for_the_schema_exactly_when_the_loader_takes_them(amount: Any) -> None:
    doc = {"id": "p", "exchange_rates": [{"currency": "USD", "rate": amount}]}
    if isinstance(amount, str) and not loads(doc):
        # The one known difference: a pattern cannot bound the size of a number written
        # as text ("1e200"), which the loader refuses as too large.
        with pytest.raises(PlanLoadError) as info:
            plan_from_dict(doc)
        if "too large" in info.value.problems[0].message:
            return
    assert VALIDATOR.is_valid(doc) is loads(doc)


@settings(max_examples=s.examples(100), deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(list("0123456789 -+.")), max_size=5).map("".join),
        st.integers(-5, 40),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=40),
    )
)
def test_gcm_numbers_valid_for_the_schema_exactly_when_the_loader_takes_them(value: Any) -> None:
    doc = {"id": "p", "interventions": [{"id": "i", "gcm_objectives": [value]}]}
    assert VALIDATOR.is_valid(doc) is loads(doc)


@settings(max_examples=s.examples(100), deadline=None)
@given(
    st.sampled_from(m.InterventionType).flatmap(
        lambda t: st.sampled_from(
            [
                t.value,
                t.value.upper(),
                t.value.replace("_", " ").title(),
                t.value.replace("_", "-"),
                f"  {t.value}  ",
                t.value[:-1],
                t.value + "s",
                t.value.replace("_", ""),
            ]
        )
    )
)
def test_enumeration_spellings_valid_for_the_schema_exactly_when_the_loader_takes_them(
    value: str,
) -> None:
    doc = {"id": "p", "interventions": [{"id": "i", "type": value}]}
    assert VALIDATOR.is_valid(doc) is loads(doc)


@settings(max_examples=s.examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s.plans(max_interventions=2, max_items=2))
def test_every_saved_plan_validates(plan: m.ActionPlan) -> None:
    assert errors(plan_to_dict(plan)) == []


# -- documentation ---------------------------------------------------------------------------


def test_every_field_of_the_model_is_documented() -> None:
    for name in m.__all__:
        cl = getattr(m, name)
        if attrs.has(cl):
            assert set(field_docs(cl)) == {a.name for a in attrs.fields(cl)}, name


def test_field_descriptions_reach_the_schema() -> None:
    iv = SCHEMA["$defs"]["Intervention"]["properties"]
    assert iv["rationale"]["description"] == (
        "Why this intervention, for these targets, in this context."
    )
    assert iv["gcm_objectives"]["description"].startswith("Numbers (1-23) of the Global Compact")


def test_the_docs_reference_is_the_generated_one() -> None:
    text = DOCS.read_text(encoding="utf-8")
    head, marker, generated = text.partition(REFERENCE_MARKER)
    assert marker, "docs/plan-file.md lost its marker line"
    assert generated == "\n\n" + plan_file_reference(), (
        "docs/plan-file.md is out of date: run "
        "`python -m migsdg.schema --update-docs docs/plan-file.md`"
    )
    assert "## A draft may be incomplete; a malformed file is refused" in head


def test_the_docs_python_examples_run_and_print_what_the_docs_show() -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```(?:\n\n```text\n(.*?)```)?", text, re.DOTALL)
    assert len(blocks) == 2
    for code, shown in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(DOCS), "exec"), {})
        if shown:
            assert out.getvalue() == shown


def test_update_reference_rewrites_only_the_generated_part(tmp_path: Path) -> None:
    copy = tmp_path / "plan-file.md"
    shutil.copy(DOCS, copy)
    assert update_reference(copy) is False  # already up to date
    stale = copy.read_text(encoding="utf-8").replace("| `rationale` |", "| `rationale_old` |")
    copy.write_text(stale, encoding="utf-8")
    assert update_reference(copy) is True
    assert copy.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")
    (tmp_path / "no-marker.md").write_text("# Title\n", encoding="utf-8")
    with pytest.raises(ValueError, match="marker line is missing"):
        update_reference(tmp_path / "no-marker.md")


# -- command line ----------------------------------------------------------------------------


def test_cli_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


def test_cli_schema_markdown_and_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == plan_file_reference()
    target = tmp_path / "plan.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA


def test_python_m_migsdg_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from migsdg.schema import main as schema_main

    assert schema_main([]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA
    assert schema_main(["--markdown"]) == 0
    assert capsys.readouterr().out == plan_file_reference()
