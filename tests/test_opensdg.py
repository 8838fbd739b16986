"""Open SDG export: one indicator configuration file per SDG indicator, in Open SDG's
documented shape, carrying the plan's targets; the folder is written whole and atomically."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import migsdg
from interop_plans import national_plan, provincial_plan
from migsdg import (
    ExportError,
    IndicatorKind,
    IndicatorRef,
    InterimTarget,
    Measure,
    MonitoringEntry,
)
from migsdg.examples import load_example, names
from migsdg.opensdg import MARKER, OpenSdgExportError, dump_config, indicator_configs

jsonschema = pytest.importorskip("jsonschema")
load_example = functools.cache(load_example)

# The shape Open SDG documents for an indicator's configuration, written out as a JSON
# Schema for the fields this export writes. Sources:
# * open-sdg/jekyll-open-sdg-plugins, lib/jekyll-open-sdg-plugins/schema-indicator-config.json
#   @ 0270ae2ae41f24ce69eccc076319da15c81da907: the types of computation_units,
#   data_non_statistical, expected_disaggregations, graph_target_lines (items: series, unit,
#   label_content, value as a number), graph_title, graph_type (line, bar, binary),
#   indicator_name, indicator_number, national_geographical_coverage, reporting_status
#   (complete, inprogress, notstarted, notapplicable);
# * open-sdg/open-sdg, docs/indicator-configuration.md (open-sdg.readthedocs.io/en/latest/
#   indicator-configuration/), "auto_progress_calculation" and "progress_calculation_options":
#   a list of items with series, unit, disaggregation, direction ("negative" or "positive"),
#   base_year, target_year, target, limit (defaults as in open-sdg/sdg-build
#   sdg/ProgressMeasure.py: base_year 2015, target_year 2030, direction negative);
# * open-sdg/open-sdg, docs/metadata-format.md @ 0073d539c8e0f73f406ca415fa43356f80e400b6
#   ("Global Metadata": indicator_name, target, target_id) and open-sdg/open-sdg-data-starter
#   meta/10-7-2.md @ 2a7acf731ed3e2702fc88ce7120929cbe687a282 (sdg_goal '10', target_id
#   '10.7', published true).
_SERIES_UNIT = {"series": {"type": "string"}, "unit": {"type": "string"}}
OPEN_SDG_INDICATOR_CONFIG = {
    "type": "object",
    "required": [
        "indicator_number",
        "indicator_name",
        "target_id",
        "sdg_goal",
        "reporting_status",
        "data_non_statistical",
    ],
    "properties": {
        "indicator_number": {"type": "string", "pattern": r"^\d+\.[0-9a-z]+\.\d+$"},
        "indicator_name": {"type": "string", "minLength": 1},
        "target_id": {"type": "string", "pattern": r"^\d+\.[0-9a-z]+$"},
        "target": {"type": "string", "minLength": 1},
        "sdg_goal": {"type": "string", "pattern": r"^\d+$"},
        "published": {"type": "boolean"},
        "reporting_status": {"enum": ["complete", "inprogress", "notstarted", "notapplicable"]},
        "data_non_statistical": {"type": "boolean"},
        "graph_type": {"enum": ["line", "bar", "binary"]},
        "graph_title": {"type": "string"},
        "computation_units": {"type": "string"},
        "national_geographical_coverage": {"type": "string"},
        "expected_disaggregations": {"type": "array", "items": {"type": "string"}},
        "graph_target_lines": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["value"],
                "additionalProperties": False,
                "properties": {
                    **_SERIES_UNIT,
                    "label_content": {"type": "string"},
                    "value": {"type": "number"},
                },
            },
        },
        "auto_progress_calculation": {"type": "boolean"},
        "progress_calculation_options": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    **_SERIES_UNIT,
                    "disaggregation": {"type": "array"},
                    "direction": {"enum": ["negative", "positive"]},
                    "base_year": {"type": "integer"},
                    "target_year": {"type": "integer"},
                    "target": {"type": "number"},
                    "limit": {"type": "number"},
                },
            },
        },
    },
    "allOf": [
        {  # statistical indicators need a graph type and title
            "if": {"properties": {"data_non_statistical": {"const": False}}},
            "then": {"required": ["graph_type", "graph_title"]},
        }
    ],
}

PLANS = {
    **{f"example:{n}": (lambda n=n: load_example(n)) for n in names()},
    "interop:national": national_plan,
    "interop:provincial": provincial_plan,
}


def read_folder(folder: Path) -> dict[str, Any]:
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yml"))}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_plan_exports_configuration_in_open_sdgs_documented_shape(
    name: str, tmp_path: Path
) -> None:
    plan = PLANS[name]()
    folder = migsdg.export(plan, tmp_path / "indicator-config", format="opensdg")
    files = read_folder(folder)
    codes = {
        e.indicator.code
        for iv in plan.interventions
        for e in iv.monitoring
        if e.indicator.kind is IndicatorKind.SDG and e.indicator.code
    } | {it.indicator for it in plan.interim_targets if it.indicator}
    assert set(files) == {c.replace(".", "-") + ".yml" for c in codes}
    for file_name, config in files.items():
        jsonschema.validate(config, OPEN_SDG_INDICATOR_CONFIG)
        assert file_name == config["indicator_number"].replace(".", "-") + ".yml"


def test_metadata_fields_come_from_the_sdg_catalogue() -> None:
    config = indicator_configs(national_plan())["10.7.1"]
    cat = migsdg.catalogue()
    assert config["indicator_number"] == "10.7.1"
    assert config["indicator_name"] == config["graph_title"] == cat.text("10.7.1")
    assert (config["target_id"], config["sdg_goal"]) == ("10.7", "10")
    assert config["target"] == cat.text("10.7")
    assert config["published"] is True
    assert config["national_geographical_coverage"] == "Jamaica"
    assert config["expected_disaggregations"] == ["Sex", "Age"]
    assert config["computation_units"] == "ratio"


def test_targets_become_target_lines_sorted_by_year() -> None:
    config = indicator_configs(national_plan())["10.7.1"]
    # Two interventions aim at different 2030 values, so each line names its intervention;
    # the plan-level interim target (due 2026) comes first.
    assert config["graph_target_lines"] == [
        {"value": 0.25, "label_content": "Interim target 2026"},
        {
            "value": 0.2,
            "label_content": "Interim target 2027 – Fair recruitment of migrant workers",
        },
        {"value": 0.1, "label_content": "Plan target 2030 – Fair recruitment of migrant workers"},
        {
            "value": 0.15,
            "label_content": "Plan target 2030 – Migrants in the national health strategy",
        },
    ]


def test_one_intervention_gives_plain_labels_in_the_plans_language() -> None:
    config = indicator_configs(provincial_plan())["10.7.2"]
    assert config["graph_target_lines"] == [{"value": 75, "label_content": "Meta del plan 2027"}]
    assert config["indicator_name"] == migsdg.catalogue().text("10.7.2", "es")
    english = indicator_configs(provincial_plan(), language="en")["10.7.2"]
    assert english["graph_target_lines"][0]["label_content"] == "Plan target 2027"
    assert "national_geographical_coverage" not in config  # a provincial plan


def test_baseline_target_year_and_value_become_progress_calculation_options() -> None:
    config = indicator_configs(provincial_plan())["10.7.2"]
    assert config["auto_progress_calculation"] is True
    assert config["progress_calculation_options"] == [
        {"direction": "positive", "base_year": 2025, "target_year": 2027, "target": 75}
    ]
    national = indicator_configs(national_plan())["10.7.1"]
    assert national["progress_calculation_options"] == [
        {"direction": "negative", "base_year": 2024, "target_year": 2030, "target": 0.1}
    ]


def test_without_a_baseline_progress_is_not_switched_on() -> None:
    plan = provincial_plan()
    iv = plan.interventions[0]
    entry = attrs.evolve(iv.monitoring[0], baseline=None)
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    config = indicator_configs(plan)["10.7.2"]
    assert "auto_progress_calculation" not in config
    assert config["progress_calculation_options"] == [{"target_year": 2027, "target": 75}]
    assert config["reporting_status"] == "notstarted"


def test_reporting_status_follows_the_baseline_or_the_option() -> None:
    assert indicator_configs(provincial_plan())["10.7.2"]["reporting_status"] == "inprogress"
    forced = indicator_configs(provincial_plan(), reporting_status="complete")
    assert forced["10.7.2"]["reporting_status"] == "complete"
    with pytest.raises(ExportError, match="reporting_status"):
        indicator_configs(provincial_plan(), reporting_status="done")
    with pytest.raises(ExportError, match="language"):
        indicator_configs(provincial_plan(), language="de")


def test_indicators_without_values_are_non_statistical() -> None:
    plan = provincial_plan()
    iv = plan.interventions[0]
    entry = MonitoringEntry(
        indicator=IndicatorRef(kind=IndicatorKind.SDG, code="16.9.1"),
        target=Measure(year=2027, note="registration open to all"),
    )
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    config = indicator_configs(plan)["16.9.1"]
    assert config["data_non_statistical"] is True
    assert "graph_type" not in config
    assert "graph_target_lines" not in config
    jsonschema.validate(config, OPEN_SDG_INDICATOR_CONFIG)


def test_interim_targets_alone_bring_their_indicator() -> None:
    plan = attrs.evolve(
        provincial_plan(),
        interim_targets=(
            InterimTarget(
                id="i1",
                target="10.c",
                indicator="10.c.1",
                value=Decimal("4.5"),
                unit="%",
                due=dt.date(2027, 6, 30),
            ),
        ),
    )
    config = indicator_configs(plan)["10.c.1"]
    assert config["graph_target_lines"] == [{"value": 4.5, "label_content": "Meta intermedia 2027"}]
    assert config["computation_units"] == "%"
    assert "progress_calculation_options" not in config


def test_a_plan_without_sdg_indicators_is_refused() -> None:
    plan = attrs.evolve(
        provincial_plan(),
        interventions=(attrs.evolve(provincial_plan().interventions[0], monitoring=()),),
    )
    with pytest.raises(ExportError, match="no SDG indicator"):
        indicator_configs(plan)


def test_unknown_indicator_codes_are_reported_with_their_location() -> None:
    plan = provincial_plan()
    iv = plan.interventions[0]
    entry = attrs.evolve(iv.monitoring[0], indicator=IndicatorRef(code="10.7.99"))
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    with pytest.raises(OpenSdgExportError) as exc:
        indicator_configs(plan)
    assert [p.location for p in exc.value.problems] == [
        "interventions[0].monitoring[0].indicator.code"
    ]


def test_yaml_keeps_codes_as_text_and_reads_back_equal() -> None:
    for config in indicator_configs(national_plan()).values():
        text = dump_config(config)
        assert yaml.safe_load(text) == config
    text = dump_config(indicator_configs(national_plan())["10.7.1"])
    assert "target_id: '10.7'" in text
    assert "sdg_goal: '10'" in text


# -- the folder -----------------------------------------------------------------------------


def test_the_folder_is_replaced_whole_on_a_new_export(tmp_path: Path) -> None:
    folder = tmp_path / "indicator-config"
    migsdg.export(national_plan(), folder, format="opensdg")
    assert json.loads((folder / MARKER).read_text("utf-8"))["plan"] == "JAM-MSAP"
    (folder / "stale.yml").write_text("old: true\n", "utf-8")
    migsdg.export(provincial_plan(), folder, format="opensdg")
    assert sorted(p.name for p in folder.iterdir()) == [MARKER, "10-7-2.yml"]
    assert [p.name for p in tmp_path.iterdir()] == ["indicator-config"]  # no leftovers


def test_a_folder_the_export_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "indicator-config"
    folder.mkdir()
    (folder / "1-1-1.yml").write_text("indicator_number: 1.1.1\n", "utf-8")
    with pytest.raises(ExportError, match="did not write"):
        migsdg.export(national_plan(), folder, format="opensdg")
    assert [p.name for p in folder.iterdir()] == ["1-1-1.yml"]
    empty = tmp_path / "empty"
    empty.mkdir()
    migsdg.export(national_plan(), empty, format="opensdg")
    assert (empty / "10-7-1.yml").is_file()


def test_a_failed_export_leaves_the_previous_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "indicator-config"
    migsdg.export(national_plan(), folder, format="opensdg")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken(*args: Any, **kwargs: Any) -> str:
        raise OSError("disk full")

    monkeypatch.setattr("migsdg.opensdg.dump_config", broken)
    with pytest.raises(OSError, match="disk full"):
        migsdg.export(provincial_plan(), folder, format="opensdg")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["indicator-config"]


def test_a_file_path_is_refused(tmp_path: Path) -> None:
    for name in ("configs.zip", "10-7-2.yml"):
        with pytest.raises(ExportError, match="writes a folder"):
            migsdg.export(national_plan(), tmp_path / name, format="opensdg")
    plain = tmp_path / "plain"
    plain.write_text("x", "utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        migsdg.export(national_plan(), plain, format="opensdg")


def test_the_folder_gets_the_usual_permissions(tmp_path: Path) -> None:
    folder = migsdg.export(national_plan(), tmp_path / "cfg", format="opensdg")
    umask = os.umask(0)
    os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o777 & ~umask


def test_the_docs_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = Path(__file__).parent.parent / "docs" / "interoperability.md"
    block = docs.read_text("utf-8").split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(block, str(docs), "exec"), {})
    assert (tmp_path / "plan.iati.xml").read_bytes().startswith(b"<?xml")
    assert (tmp_path / "indicator-config" / "10-7-2.yml").is_file()
    assert migsdg.load_plan(tmp_path / "plan.json") == load_example("national")


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_any_text_survives_the_yaml_round_trip(unit: str, title: str) -> None:
    plan = national_plan()
    first = plan.interventions[0]
    entry = attrs.evolve(
        first.monitoring[0], indicator=attrs.evolve(first.monitoring[0].indicator, unit=unit)
    )
    plan = attrs.evolve(
        plan,
        interventions=(
            attrs.evolve(first, title=title, monitoring=(entry,)),
            *plan.interventions[1:],
        ),
    )
    for config in indicator_configs(plan).values():
        assert yaml.safe_load(dump_config(config)) == config


def test_regional_language_tags_use_their_language_and_others_english() -> None:
    es = indicator_configs(attrs.evolve(provincial_plan(), language="es-EC"))["10.7.2"]
    assert es["graph_target_lines"][0]["label_content"] == "Meta del plan 2027"
    pt = indicator_configs(attrs.evolve(provincial_plan(), language="pt"))["10.7.2"]
    assert pt["graph_target_lines"][0]["label_content"] == "Plan target 2027"


def test_cli_exports_open_sdg_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from migsdg.cli import main

    out = tmp_path / "indicator-config"
    args = ["export", "--example", "national", "-o", str(out), "--format", "opensdg"]
    assert main([*args, "--language", "fr", "-O", "reporting_status=complete"]) == 0
    config = yaml.safe_load((out / "10-7-2.yml").read_text("utf-8"))
    assert config["indicator_name"] == migsdg.catalogue().text("10.7.2", "fr")
    assert config["reporting_status"] == "complete"
    capsys.readouterr()
    (out / MARKER).unlink()
    assert main(args) == 2  # no longer a folder this export wrote
    assert "did not write" in capsys.readouterr().err
