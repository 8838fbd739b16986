"""Open SDG export: one indicator configuration file per SDG indicator, in Open SDG's
documented shape, carrying the plan's targets; the folder is written whole and atomically."""

from __future__ import annotations

import csv
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
from migsdg.errors import FieldError
from migsdg.examples import load_example, names
from migsdg.opensdg import MARKER, dump_config, indicator_configs

jsonschema = pytest.importorskip("jsonschema")
load_example = functools.cache(load_example)

# Open SDG's own indicator configuration schema (open-sdg/open-sdg @ a4bda9d, copied into
# tests/data/opensdg with its provenance). It allows keys it does not define; Open SDG reads
# nothing else, so the tests refuse them (see ``undefined_keys``).
SCHEMA_FILE = Path(__file__).parent / "data" / "opensdg" / "schema-indicator-config.json"
OPEN_SDG_SCHEMA: dict[str, Any] = json.loads(SCHEMA_FILE.read_text("utf-8"))


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """A (sub)schema with ``$ref`` and ``allOf`` merged, for walking its properties."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = {
            **OPEN_SDG_SCHEMA["definitions"][name],
            **{k: v for k, v in schema.items() if k != "$ref"},
        }
    props = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        props.update(_resolve(part).get("properties", {}))
    return {**schema, "properties": props}


def undefined_keys(value: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Every key of ``value`` (at any depth) that ``schema`` does not define."""
    schema = _resolve(schema)
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if key not in schema["properties"]:
                out.append(f"{path}{key}")
            else:
                out += undefined_keys(item, schema["properties"][key], f"{path}{key}.")
        return out
    if isinstance(value, list) and "items" in schema:
        return [k for item in value for k in undefined_keys(item, schema["items"], path)]
    return []


def assert_open_sdg_config(config: dict[str, Any]) -> None:
    jsonschema.validate(config, OPEN_SDG_SCHEMA)
    assert undefined_keys(config, OPEN_SDG_SCHEMA) == []
    for option in config.get("progress_calculation_options", []):
        assert option["direction"] in ("positive", "negative")


PLANS = {
    **{f"example:{n}": (lambda n=n: load_example(n)) for n in names()},
    "interop:national": national_plan,
    "interop:provincial": provincial_plan,
}


def read_folder(folder: Path) -> dict[str, Any]:
    configs = folder / "indicator-config"
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(configs.glob("*.yml"))}


def read_data(folder: Path) -> dict[str, list[dict[str, str]]]:
    return {
        p.name: list(csv.DictReader(p.read_text("utf-8").splitlines()))
        for p in sorted((folder / "data").glob("*.csv"))
    }


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_plan_exports_configuration_in_open_sdgs_documented_shape(
    name: str, tmp_path: Path
) -> None:
    plan = PLANS[name]()
    folder = migsdg.export(plan, tmp_path / "opensdg", format="opensdg")
    files = read_folder(folder)
    codes = {
        e.indicator.code
        for iv in plan.interventions
        for e in iv.monitoring
        if e.indicator.kind is IndicatorKind.SDG and e.indicator.code
    } | {it.indicator for it in plan.interim_targets if it.indicator}
    assert set(files) == {c.replace(".", "-") + ".yml" for c in codes}
    for file_name, config in files.items():
        assert_open_sdg_config(config)
        assert file_name == config["indicator_number"].replace(".", "-") + ".yml"
    for file_name, rows in read_data(folder).items():
        config = files[file_name.removeprefix("indicator_").replace(".csv", ".yml")]
        columns = ["Year", *config.get("expected_disaggregations", []), "Value"]
        assert list(rows[0]) == columns
        assert config["data_non_statistical"] is False


def test_configurations_hold_only_keys_open_sdg_defines() -> None:
    config = indicator_configs(national_plan())["10.7.1"]
    assert undefined_keys({**config, "target_id": "10.7"}, OPEN_SDG_SCHEMA) == ["target_id"]
    lines = [{"value": 1, "label": "x"}]
    assert undefined_keys({"graph_target_lines": lines}, OPEN_SDG_SCHEMA) == [
        "graph_target_lines.label"
    ]
    for key in ("target_id", "target", "sdg_goal", "published"):  # read by nothing
        assert key not in config


def test_metadata_fields_come_from_the_sdg_catalogue() -> None:
    config = indicator_configs(national_plan())["10.7.1"]
    cat = migsdg.get_catalogue()
    assert config["indicator_number"] == "10.7.1"
    assert config["indicator_name"] == config["graph_title"] == cat.text("10.7.1")
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
    assert config["indicator_name"] == migsdg.get_catalogue().text("10.7.2", "es")
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


def test_without_a_starting_point_progress_is_not_configured() -> None:
    plan = provincial_plan()
    iv = plan.interventions[0]
    entry = attrs.evolve(iv.monitoring[0], baseline=None, achieved=())
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    config = indicator_configs(plan)["10.7.2"]
    # Open SDG would take a missing direction as "negative": no options without one.
    assert "auto_progress_calculation" not in config
    assert "progress_calculation_options" not in config
    assert config["reporting_status"] == "notstarted"


def test_an_achieved_value_is_a_starting_point_when_there_is_no_baseline() -> None:
    plan = provincial_plan()
    iv = plan.interventions[0]
    first = migsdg.AchievedValue(value=Decimal(80), year=2026, date=dt.date(2026, 3, 1))
    entry = attrs.evolve(iv.monitoring[0], baseline=None, achieved=(first,))
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    config = indicator_configs(plan)["10.7.2"]
    assert config["progress_calculation_options"] == [
        {"direction": "negative", "base_year": 2026, "target_year": 2027, "target": 75}
    ]
    assert config["reporting_status"] == "inprogress"


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
    assert_open_sdg_config(config)


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


def test_unknown_indicator_codes_never_reach_the_export() -> None:
    # The indicator reference refuses an unknown SDG code when it is made, so no plan
    # holding one can be built, loaded or exported.
    with pytest.raises(FieldError, match=r"^IndicatorRef\.code: '10\.7\.99' is not"):
        IndicatorRef(code="10.7.99")


def test_yaml_keeps_codes_as_text_and_reads_back_equal() -> None:
    for config in indicator_configs(national_plan()).values():
        text = dump_config(config)
        assert yaml.safe_load(text) == config
    text = dump_config(indicator_configs(national_plan())["10.7.1"])
    assert "indicator_number: 10.7.1" in text
    assert yaml.safe_load(text)["indicator_number"] == "10.7.1"


# -- the folder -----------------------------------------------------------------------------


def test_a_new_export_replaces_only_the_files_the_last_one_wrote(tmp_path: Path) -> None:
    folder = tmp_path / "opensdg"
    migsdg.export(national_plan(), folder, format="opensdg")
    assert json.loads((folder / MARKER).read_text("utf-8"))["plan"] == "JAM-MSAP"
    (folder / "notes.yml").write_text("mine: true\n", "utf-8")  # the user's own file
    migsdg.export(provincial_plan(), folder, format="opensdg")
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == [
        MARKER,
        "data",
        "data/indicator_10-7-2.csv",
        "indicator-config",
        "indicator-config/10-7-2.yml",
        "notes.yml",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["opensdg"]  # no leftovers


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
    assert (empty / "indicator-config" / "10-7-1.yml").is_file()


def test_a_failed_export_leaves_the_previous_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "indicator-config"
    migsdg.export(national_plan(), folder, format="opensdg")
    before = {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def broken(*args: Any, **kwargs: Any) -> str:
        raise OSError("disk full")

    monkeypatch.setattr("migsdg.opensdg.dump_config", broken)
    with pytest.raises(OSError, match="disk full"):
        migsdg.export(provincial_plan(), folder, format="opensdg")
    assert {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
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
    assert (tmp_path / "opensdg" / "indicator-config" / "10-7-2.yml").is_file()
    assert (tmp_path / "opensdg" / "data" / "indicator_10-7-2.csv").is_file()
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

    out = tmp_path / "opensdg"
    args = ["export", "--example", "national", "-o", str(out), "--format", "opensdg"]
    assert main([*args, "--language", "fr", "-O", "reporting_status=complete"]) == 0
    config = yaml.safe_load((out / "indicator-config" / "10-7-2.yml").read_text("utf-8"))
    assert config["indicator_name"] == migsdg.get_catalogue().text("10.7.2", "fr")
    assert config["reporting_status"] == "complete"
    capsys.readouterr()
    assert main([*args, "-O", "translation_keys=true"]) == 0
    config = yaml.safe_load((out / "indicator-config" / "10-7-2.yml").read_text("utf-8"))
    assert config["indicator_name"] == "global_indicators.10-7-2-title"
    capsys.readouterr()
    (out / MARKER).unlink()
    assert main(args) == 2  # no longer a folder this export wrote
    assert "did not write" in capsys.readouterr().err


# -- translation keys and data files --------------------------------------------------------


def test_a_multilingual_site_gets_translation_keys_for_names() -> None:
    configs = indicator_configs(national_plan(), translation_keys=True)
    for code, config in configs.items():
        key = f"global_indicators.{code.replace('.', '-')}-title"
        assert config["indicator_name"] == key
        if "graph_title" in config:
            assert config["graph_title"] == key
        assert_open_sdg_config(config)
    literal = indicator_configs(national_plan())
    assert literal["10.7.1"]["indicator_name"] == migsdg.get_catalogue().text("10.7.1")


def test_translation_keys_name_indicators_open_sdg_translates() -> None:
    # The keys follow open-sdg/sdg-translations' global_indicators.yml: "10-7-2-title".
    assert migsdg.opensdg.translation_key("10.7.2") == "global_indicators.10-7-2-title"
    assert migsdg.opensdg.translation_key("3.c.1") == "global_indicators.3-c-1-title"


def test_achieved_values_and_baselines_become_data_rows() -> None:
    plan = national_plan()
    iv = plan.interventions[0]
    entry = iv.monitoring[0]
    assert entry.baseline is not None and entry.baseline.year is not None
    year = entry.baseline.year
    achieved = (
        migsdg.AchievedValue(value=Decimal("0.5"), year=year + 1, date=dt.date(year + 1, 6, 1)),
        migsdg.AchievedValue(value=Decimal("0.4"), year=year + 2, date=dt.date(year + 2, 6, 1)),
        # A later measurement of the same year replaces the earlier one.
        migsdg.AchievedValue(value=Decimal("0.45"), year=year + 2, date=dt.date(year + 3, 1, 9)),
    )
    entry = attrs.evolve(entry, achieved=achieved)
    plan = attrs.evolve(plan, interventions=(attrs.evolve(iv, monitoring=(entry,)),))
    rows = migsdg.opensdg.indicator_data(plan)[entry.indicator.code]
    assert rows == [
        {"Year": year, "Value": float(entry.baseline.value)},
        {"Year": year + 1, "Value": 0.5},
        {"Year": year + 2, "Value": 0.45},
    ]


def test_data_files_have_year_disaggregation_columns_and_value(tmp_path: Path) -> None:
    folder = migsdg.export(load_example("national"), tmp_path / "opensdg", format="opensdg")
    configs = read_folder(folder)
    data = read_data(folder)
    assert "indicator_10-7-2.csv" in data
    plan = load_example("national")
    achieved_codes = {
        e.indicator.code
        for iv in plan.interventions
        for e in iv.monitoring
        if e.indicator.kind is IndicatorKind.SDG and e.achieved
    }
    assert {f"indicator_{c.replace('.', '-')}.csv" for c in achieved_codes} <= set(data)
    for name, rows in data.items():
        config = configs[name.removeprefix("indicator_").replace(".csv", ".yml")]
        disaggregations = config.get("expected_disaggregations", [])
        assert list(rows[0]) == ["Year", *disaggregations, "Value"]
        years = [int(r["Year"]) for r in rows]
        assert years == sorted(set(years))
        for row in rows:  # headline rows: no disaggregation value
            assert all(row[d] == "" for d in disaggregations)
            float(row["Value"])


def test_sdg_build_builds_the_folder(tmp_path: Path) -> None:
    """Open SDG's own build tool, open-sdg/sdg-build (imported as ``sdg``), where installed:
    it reads the data files and the indicator configuration and writes the site's JSON. It
    is not on PyPI (the package there named ``sdg`` is another project), so this runs only
    where it was installed from its repository."""
    open_sdg = pytest.importorskip("sdg.open_sdg")
    folder = migsdg.export(load_example("national"), tmp_path / "repo", format="opensdg")
    (folder / "_prose.yml").write_text(
        "prose:\n  metadata:\n    meta:\n"
        "      - name: indicator_name\n        field:\n          element: text\n",
        "utf-8",
    )
    config = tmp_path / "config.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "src_dir": str(folder),
                "site_dir": str(tmp_path / "_site"),
                "schema_file": "_prose.yml",
                "languages": ["en"],
                "translations": [],
                "inputs": [
                    {"class": "InputCsvData", "path_pattern": "data/*-*.csv"},
                    {
                        "class": "InputYamlMeta",
                        "path_pattern": "indicator-config/*.yml",
                        "git": False,
                    },
                ],
            }
        ),
        "utf-8",
    )
    assert open_sdg.open_sdg_check(config=str(config))
    open_sdg.open_sdg_build(config=str(config))
    built = {p.name for p in (tmp_path / "_site").rglob("*.json")}
    assert "10-7-2.json" in built
