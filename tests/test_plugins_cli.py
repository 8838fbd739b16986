"""``migsdg plugins`` and ``migsdg templates``, and an installed third-party plugin seen
through every command: listed, its templates offered, its checks run, and all of it gone
when the plugin is disabled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.model import Intervention
from migsdg.plugins import DISABLE_ENV, PluginHost, get_host, reset_host
from migsdg.testing import using_host
from planbuilders import clean_plan
from plugin_packages import FISHERIES, bundled_entry_points, install
from test_plugins import BROKEN_HOOK, BROKEN_IMPORT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- migsdg plugins -------------------------------------------------------------------------


def test_plugins_lists_each_bundled_plugin_with_what_it_registered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "plugins")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"core  [migsdg {migsdg.__version__}]  migsdg._builtin"
    host = get_host()
    for name in ("labour", "health", "education", "finance"):
        header = f"{name}  [migsdg {migsdg.__version__}]  migsdg_plugins.{name}"
        i = lines.index(header)
        counts = host.registered_by(name)
        assert lines[i + 1].startswith("    hooks: migsdg_register_checks, ")
        assert lines[i + 2].startswith(
            f"    registered: {counts['templates']} templates, "
            f"{counts['intervention_types']} intervention types, {counts['checks']} checks"
        )
    finance = lines[
        lines.index(f"finance  [migsdg {migsdg.__version__}]  migsdg_plugins.finance") + 2
    ]
    assert ", 4 funding sources" in finance
    # The sections a plugin adds are counted last (the finance plugin's remittance annex).
    sections = host.registered_by("finance")["sections"]
    assert sections >= 1
    assert finance.endswith(f", {sections} section{'' if sections == 1 else 's'}")


def test_plugins_json_is_versioned_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["format"], data["version"]) == ("migsdg-plugins", 1)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert next(iter(by_name)) == "core"
    labour = by_name["labour"]
    assert labour["status"] == "ok" and labour["failures"] == []
    assert labour["distribution"] == "migsdg"
    assert labour["registered"] == get_host().registered_by("labour")
    assert "migsdg_register_intervention_templates" in labour["hooks"]


# -- a third-party plugin through every command ----------------------------------------------


def _fisheries_plan(tmp_path: Path) -> str:
    plan = clean_plan()
    crews = Intervention(id="crews", sector="fisheries", description="Port welfare centres")
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(migsdg.ActionPlan(**{**_fields(plan), "interventions": (crews,)}), path)
    return str(path)


def _fields(plan: migsdg.ActionPlan) -> dict[str, object]:
    import attrs

    return attrs.asdict(plan, recurse=False)


def test_an_installed_plugin_appears_everywhere_and_disabling_it_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install(
        tmp_path,
        monkeypatch,
        entry_point="fisheries",
        module="migsdg_fish_cli",
        source=FISHERIES,
        dist="migsdg-fisheries",
        version="0.3",
    )
    plan = _fisheries_plan(tmp_path)

    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert "fisheries  [migsdg-fisheries 0.3]  migsdg_fish_cli" in out.splitlines()
    assert (
        "    registered: 1 template, 1 intervention type, 1 check, 1 funding source, "
        "1 exporter" in out.splitlines()
    )
    code, out, _ = run(capsys, "templates", "--sector", "fisheries")
    assert code == 0
    assert out.splitlines()[0] == "fisheries.crew-welfare  Decent work for migrant fishing crews"
    code, out, _ = run(capsys, "check", plan)
    assert "FSH101" in out and "'crews' does not mention work agreements" in out

    monkeypatch.setenv(DISABLE_ENV, "fisheries")
    reset_host()
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert (
        "fisheries  [migsdg-fisheries 0.3]  migsdg_fish_cli  disabled "
        f"({DISABLE_ENV})" in out.splitlines()
    )
    assert "registered: 1 template" not in out
    code, _, err = run(capsys, "templates", "--sector", "fisheries")
    assert code == 2
    assert "no templates for sector 'fisheries'" in err
    code, out, _ = run(capsys, "templates")
    assert "fisheries." not in out
    code, out, _ = run(capsys, "check", plan)
    assert "FSH101" not in out
    code, _, err = run(capsys, "check", plan, "--select", "FSH")
    assert code == 2 and "no check rule code starts with 'FSH'" in err


def test_broken_plugins_are_named_once_while_commands_keep_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install(
        tmp_path,
        monkeypatch,
        entry_point="broken",
        module="migsdg_broken_cli",
        source=BROKEN_IMPORT,
    )
    install(
        tmp_path, monkeypatch, entry_point="hooky", module="migsdg_hooky_cli", source=BROKEN_HOOK
    )
    plan = _fisheries_plan(tmp_path)

    code, out, err = run(capsys, "check", plan)
    assert code == 1  # the plan's bare intervention has error findings: the check ran
    assert "'crews' has no rationale" in out
    warnings = [line for line in err.splitlines() if line.startswith("migsdg: warning:")]
    assert warnings == [
        "migsdg: warning: plugin 'broken' failed (import): ImportError: this plugin needs the "
        "frobnicate library",
        "migsdg: warning: plugin 'hooky' failed (migsdg_register_checks): RuntimeError: rules "
        "file missing",
    ]

    reset_host()
    code, out, err = run(capsys, "templates", "--sector", "labour")
    assert code == 0 and "labour.fair-recruitment" in out
    assert err.count("plugin 'broken' failed (import)") == 1
    assert err.count("plugin 'hooky' failed") == 1

    reset_host()
    code, out, err = run(capsys, "plugins")
    assert code == 1
    assert err == ""  # listed, not warned about
    lines = out.splitlines()
    assert "broken  [migsdg-broken-cli 1.0]  migsdg_broken_cli  FAILED" in lines
    assert "    failed (import): ImportError: this plugin needs the frobnicate library" in lines
    assert "hooky  [migsdg-hooky-cli 1.0]  migsdg_hooky_cli  FAILED" in lines
    assert "    failed (migsdg_register_checks): RuntimeError: rules file missing" in lines
    assert "    registered: 1 funding source" in lines
    code, out, _ = run(capsys, "plugins", "--format", "json")
    data = {p["name"]: p for p in json.loads(out)["plugins"]}
    assert code == 1
    assert data["broken"]["status"] == "failed"
    assert data["broken"]["failures"] == [
        {"stage": "import", "reason": "ImportError: this plugin needs the frobnicate library"}
    ]
    assert data["labour"]["status"] == "ok"


def test_commands_that_do_not_use_plugins_do_not_warn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="broken", module="migsdg_broken_t", source=BROKEN_IMPORT
    )
    code, _, err = run(capsys, "targets", "--goal", "10")
    assert (code, err) == (0, "")


# -- migsdg templates ---------------------------------------------------------------------


@pytest.fixture
def bundled_host() -> Iterator[PluginHost]:
    """The commands see migsdg's own plugins only (the core and the bundled sector
    plugins), found through migsdg's entry points, whatever third-party plugin is also
    installed: for tests that pin exactly the templates and sectors migsdg ships."""
    with using_host(PluginHost(entry_points=bundled_entry_points())) as host:
        yield host


@pytest.mark.usefixtures("bundled_host")
def test_templates_filters_by_target_and_by_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "--target", "SDG 10.c")
    ids = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert code == 0
    assert ids == ["finance.financial-inclusion", "finance.remittance-costs"]
    code, out, _ = run(capsys, "templates", "--target", "10.7.1", "--format", "json")
    monitored = {t["id"] for t in json.loads(out)}
    expected = {
        t.id
        for t in get_host().templates().values()
        if any(s.indicator.code == "10.7.1" for s in t.indicators)
    }
    assert monitored == expected
    assert {"labour.fair-recruitment", "labour.recruitment-cost-survey"} <= monitored


@pytest.mark.usefixtures("bundled_host")
def test_templates_refuses_unknown_codes_and_sectors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "templates", "--target", "10.77")
    assert code == 2 and "unknown SDG target '10.77' (did you mean 10.7" in err
    code, _, err = run(capsys, "templates", "--sector", "transport")
    assert code == 2
    assert "sectors: displacement, education, finance, health, labour, protection" in err
    code, _, err = run(capsys, "templates", "health.who-cod")
    assert code == 2 and "did you mean health.who-code" in err


def test_templates_json_lists_every_template_with_its_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "templates", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert len(data) == len(get_host().templates())
    fair = next(t for t in data if t["id"] == "labour.fair-recruitment")
    assert fair["type"] == "migration_programming"
    assert fair["targets"] == ["8.8", "10.7"]
    assert fair["plugin"] == "labour"
    assert fair["dac_sectors"] == ["15190", "16070"]
    assert fair["indicators"][0]["indicator"]["code"] == "10.7.1"
    assert fair["actors"][0]["stage"] == "design"


def test_templates_shows_one_template_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "finance.remittance-costs")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "finance.remittance-costs: National remittance plan to cut the cost of sending money home"
    )
    for heading in (
        "Rationale:",
        "Actors by stage (slot: role — tasks); bind slots with --actor SLOT=ACTOR_ID:",
        "Suggested indicators:",
        "Funding categories:",
        "GCM objectives:",
        "Sources:",
    ):
        assert heading in lines
    funding = " ".join(out.split("Funding categories:")[1].split("GCM objectives:")[0].split())
    assert (
        "- migration_fund (Migration-specific funds from development cooperation partners "
        "and multilaterals): e.g. Migration Multi-Partner Trust Fund (Migration MPTF), IOM "
        "Development Fund" in funding
    )
    assert "  - 20 Promote faster, safer and cheaper transfer of remittances" in out
    assert "DAC sector codes: 24050" in lines
