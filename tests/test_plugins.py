"""The plugin host: discovery through entry points, each hook, failures and refusals."""

from __future__ import annotations

import io
import sys
from importlib import metadata
from pathlib import Path

import pytest

import migsdg
from migsdg.errors import PluginError, UnknownCodeError
from migsdg.model import FundingCategory, Intervention, InterventionType
from migsdg.plugins import (
    DISABLE_ENV,
    PluginHost,
    get_host,
    get_plugin_manager,
    host_if_built,
    reset_host,
    set_host,
)
from plugin_packages import FISHERIES, bundled_entry_points, install

BUNDLED = ("core", "displacement", "education", "finance", "health", "labour", "protection")


def _ep(name: str, value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group="migsdg")


def _module(name: str, source: str, monkeypatch: pytest.MonkeyPatch) -> object:
    """An importable module made from ``source`` (for plugins given as objects)."""
    import types

    mod = types.ModuleType(name)
    exec(compile(source, name, "exec"), mod.__dict__)
    monkeypatch.setitem(sys.modules, name, mod)
    return mod


# -- discovery --------------------------------------------------------------------------


def test_core_and_bundled_plugins_are_declared_as_entry_points() -> None:
    declared = {ep.name: ep.value for ep in metadata.entry_points(group="migsdg")}
    assert declared["core"] == "migsdg._builtin"
    for name in ("labour", "health", "education", "finance", "protection", "displacement"):
        assert declared[name] == f"migsdg_plugins.{name}"


def test_bundled_plugins_load_without_failures_and_name_their_distribution() -> None:
    host = get_host()
    infos = {i.name: i for i in host.plugins()}
    assert host.failures == []
    assert set(BUNDLED) <= set(infos)
    for name in BUNDLED:
        assert infos[name].status == "ok"
        assert infos[name].distribution == "migsdg"
        assert infos[name].version == migsdg.__version__
    assert infos["labour"].module == "migsdg_plugins.labour"
    assert infos["finance"].registered["funding_sources"] >= 4
    for name in ("labour", "health", "education", "finance", "protection", "displacement"):
        assert infos[name].registered["templates"] >= 4
        assert infos[name].registered["checks"] >= 1


def test_installed_third_party_plugin_is_discovered_with_its_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path,
        monkeypatch,
        entry_point="fisheries",
        module="migsdg_fish_a",
        source=FISHERIES,
        dist="migsdg-fisheries",
        version="2.1",
    )
    host = PluginHost()
    info = {i.name: i for i in host.plugins()}["fisheries"]
    assert (info.distribution, info.version, info.module) == (
        "migsdg-fisheries",
        "2.1",
        "migsdg_fish_a",
    )
    assert info.status == "ok"
    assert info.hooks == (
        "migsdg_register_checks",
        "migsdg_register_exporters",
        "migsdg_register_funding_sources",
        "migsdg_register_intervention_templates",
        "migsdg_register_intervention_types",
    )
    assert dict(info.registered) == {
        "intervention_types": 1,
        "templates": 1,
        "checks": 1,
        "funding_sources": 1,
        "exporters": 1,
        "sections": 0,
    }


def test_disabling_a_third_party_plugin_removes_everything_it_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="fisheries", module="migsdg_fish_b", source=FISHERIES
    )
    monkeypatch.setenv(DISABLE_ENV, "fisheries")
    host = PluginHost()
    info = {i.name: i for i in host.plugins()}["fisheries"]
    assert info.status == "disabled"
    assert "migsdg_fish_b" not in sys.modules  # not even imported
    assert "fisheries.crew-welfare" not in host.templates()
    assert "fisheries.crew-recruitment" not in host.intervention_types()
    assert "FSH101" not in host.checks()
    assert "fishers-fund" not in host.funding_sources()
    assert "fish-summary" not in host.exporters()
    assert host.failures == []


def test_disabling_bundled_plugins_by_name_keeps_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DISABLE_ENV, " finance , health ")
    # Discovered as an installed migsdg discovers them, but without any third-party
    # plugin that may be installed too: the remaining sectors are exactly migsdg's own.
    host = PluginHost(entry_points=bundled_entry_points())
    sectors = {t.sector for t in host.templates().values()}
    assert sectors == {"labour", "education", "protection", "displacement"}
    codes = {r.code[:3] for r in host.checks()}
    assert "FIN" not in codes and "HLT" not in codes
    assert {"LAB", "EDU", "AP1"} <= codes
    assert host.funding_sources() == {}
    status = {i.name: i.status for i in host.plugins()}
    assert status["finance"] == status["health"] == "disabled"


def test_the_core_is_registered_even_without_installed_metadata() -> None:
    host = PluginHost(entry_points=[])
    assert [i.name for i in host.plugins()] == ["core"]
    assert "AP101" in host.checks()
    assert host.templates() == {}


def test_a_second_plugin_with_a_name_already_taken_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("migsdg_fish_first", "migsdg_fish_second"):
        _module(name, "", monkeypatch)
    host = PluginHost(
        entry_points=[
            _ep("fisheries", "migsdg_fish_first"),
            _ep("fisheries", "migsdg_fish_second"),
        ]
    )
    assert host.pm.get_plugin("fisheries") is sys.modules["migsdg_fish_first"]
    [failure] = host.failures
    assert failure.plugin == "fisheries"
    assert "already installed" in failure.reason
    assert "migsdg_fish_second" in failure.reason


# -- each hook ----------------------------------------------------------------------------


@pytest.fixture
def fisheries_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PluginHost:
    install(
        tmp_path, monkeypatch, entry_point="fisheries", module="migsdg_fish_c", source=FISHERIES
    )
    host = PluginHost()
    set_host(host)
    return host


def test_hook_intervention_types_registers_subtypes_with_their_plugin(
    fisheries_host: PluginHost,
) -> None:
    subtype = fisheries_host.intervention_types()["fisheries.crew-recruitment"]
    assert subtype.plugin == "fisheries"
    assert subtype.type is InterventionType.MIGRATION_PROGRAMMING
    assert fisheries_host.intervention_types()["labour.ethical-recruitment"].plugin == "labour"


def test_hook_intervention_templates_registers_templates_that_instantiate(
    fisheries_host: PluginHost,
) -> None:
    template = fisheries_host.template("fisheries.crew-welfare")
    assert template.plugin == "fisheries"
    iv = template.instantiate(id="seasonal")
    assert iv.template == "fisheries.crew-welfare"
    assert fisheries_host.template_of(iv) is template
    assert fisheries_host.template_of(Intervention(id="x")) is None


def test_hook_checks_runs_the_plugin_rule_in_migsdg_check(fisheries_host: PluginHost) -> None:
    plan = migsdg.ActionPlan(
        id="p",
        interventions=(
            Intervention(id="crews", sector="fisheries", description="Port welfare centres"),
            Intervention(id="crews2", sector="fisheries", description="Work agreements"),
        ),
    )
    report = migsdg.check(plan, select=["FSH"])
    assert [(f.code, f.intervention) for f in report.findings] == [("FSH101", "crews")]
    assert fisheries_host.checks().get("FSH101").plugin == "fisheries"


def test_hook_funding_sources_registers_named_typed_funds(fisheries_host: PluginHost) -> None:
    funds = fisheries_host.funding_sources()
    assert funds["fishers-fund"].category is FundingCategory.MIGRATION_FUND
    assert fisheries_host.owner("migsdg_register_funding_sources", "fishers-fund") == "fisheries"
    assert funds["migration-mptf"].category is FundingCategory.MIGRATION_FUND
    assert funds["joint-sdg-fund"].category is FundingCategory.SDG_FUND


def test_hook_exporters_registers_an_exporter_used_by_migsdg_export(
    fisheries_host: PluginHost, tmp_path: Path
) -> None:
    plan = migsdg.ActionPlan(id="p", interventions=(Intervention(id="a"),))
    out = migsdg.export(plan, tmp_path / "summary.fish.txt")
    assert out.read_text() == "p: 1 interventions\n"
    assert fisheries_host.exporters()["fish-summary"].plugin == "fisheries"


def test_a_hook_implementation_may_leave_out_register(monkeypatch: pytest.MonkeyPatch) -> None:
    mod = _module(
        "migsdg_quiet",
        "from migsdg import hookimpl\n"
        "calls = []\n"
        "@hookimpl\n"
        "def migsdg_register_checks():\n"
        "    calls.append(1)\n",
        monkeypatch,
    )
    host = PluginHost.from_plugins({"quiet": mod})
    assert "AP101" in host.checks()
    assert mod.calls == [1]  # type: ignore[attr-defined]
    assert host.failures == []


# -- failures ------------------------------------------------------------------------------

BROKEN_IMPORT = "raise ImportError('this plugin needs the frobnicate library')\n"

BROKEN_HOOK = """
from migsdg import hookimpl
from migsdg.model import FundingCategory, FundingSource

@hookimpl
def migsdg_register_checks(register):
    raise RuntimeError("rules file missing")

@hookimpl
def migsdg_register_funding_sources(register):
    register(FundingSource(id="hooky-fund", name="Hooky Fund",
                           category=FundingCategory.SDG_FUND))
"""


def test_a_plugin_failing_to_import_is_reported_and_the_rest_keep_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="broken", module="migsdg_broken_a", source=BROKEN_IMPORT
    )
    host = PluginHost()
    [failure] = host.failures
    assert (failure.plugin, failure.stage) == ("broken", "import")
    assert failure.reason == "ImportError: this plugin needs the frobnicate library"
    info = {i.name: i for i in host.plugins()}["broken"]
    assert info.status == "failed"
    assert info.module == "migsdg_broken_a"
    assert "labour.fair-recruitment" in host.templates()
    assert "AP101" in host.checks()


def test_a_plugin_raising_in_a_hook_loses_that_hook_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(tmp_path, monkeypatch, entry_point="hooky", module="migsdg_hooky_a", source=BROKEN_HOOK)
    host = PluginHost()
    rules = host.checks()
    [failure] = host.failures
    assert (failure.plugin, failure.stage) == ("hooky", "migsdg_register_checks")
    assert failure.reason == "RuntimeError: rules file missing"
    assert "hooky-fund" in host.funding_sources()  # its other hook still works
    assert "AP101" in rules and "LAB101" in rules
    assert {i.name: i.status for i in host.plugins()}["hooky"] == "failed"


def test_get_plugin_manager_is_strict_about_import_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="broken", module="migsdg_broken_b", source=BROKEN_IMPORT
    )
    with pytest.raises(PluginError) as info:
        get_plugin_manager()
    assert info.value.plugin == "broken"
    assert "frobnicate" in info.value.reason


MISSPELLED = """
from migsdg import hookimpl

@hookimpl
def migsdg_register_chekcs(register):
    pass

@hookimpl
def migsdg_register_funding_sources(register):
    raise AssertionError("a plugin left out for a misspelling must not be called")
"""


def test_a_misspelled_hook_fails_loudly_in_the_plugin_manager_factory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _module("migsdg_typo_a", MISSPELLED, monkeypatch)
    with pytest.raises(PluginError) as info:
        get_plugin_manager(entry_points=[_ep("typo", "migsdg_typo_a")])
    assert info.value.plugin == "typo"
    assert "'migsdg_register_chekcs'" in info.value.reason
    assert "did you mean 'migsdg_register_checks'?" in info.value.reason
    with pytest.raises(PluginError, match="migsdg_register_chekcs"):
        PluginHost.from_plugins({"typo": sys.modules["migsdg_typo_a"]})


def test_the_host_reports_a_misspelled_hook_and_leaves_the_plugin_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _module("migsdg_typo_b", MISSPELLED, monkeypatch)
    host = PluginHost(entry_points=[_ep("typo", "migsdg_typo_b")])
    [failure] = host.failures
    assert (failure.plugin, failure.stage) == ("typo", "validation")
    assert "did you mean 'migsdg_register_checks'?" in failure.reason
    assert host.funding_sources() == {}  # not called
    assert {i.name: i.status for i in host.plugins()}["typo"] == "failed"


def test_a_hook_argument_the_spec_lacks_is_a_validation_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _module(
        "migsdg_badarg",
        "from migsdg import hookimpl\n@hookimpl\ndef migsdg_register_checks(registry):\n    pass\n",
        monkeypatch,
    )
    host = PluginHost(entry_points=[_ep("badarg", "migsdg_badarg")])
    [failure] = host.failures
    assert (failure.plugin, failure.stage) == ("badarg", "validation")
    assert "registry" in failure.reason
    with pytest.raises(PluginError):
        get_plugin_manager(entry_points=[_ep("badarg", "migsdg_badarg")])


# -- refusals --------------------------------------------------------------------------------


def _registering(hook: str, body: str, monkeypatch: pytest.MonkeyPatch, name: str) -> object:
    source = (
        "from migsdg import hookimpl\n"
        "from migsdg.checks import Hit, Rule, Severity\n"
        "from migsdg.exporters import Exporter\n"
        "from migsdg.model import *\n"
        "from migsdg.templates import *\n"
        "import attrs\n"
        f"@hookimpl\ndef {hook}(register):\n"
        + "".join(f"    {line}\n" for line in body.splitlines())
    )
    return _module(name, source, monkeypatch)


def _failure(host: PluginHost, load: str) -> str:
    getattr(host, load)()
    [failure] = host.failures
    assert failure.plugin == "third"
    return failure.reason


def test_a_template_id_already_taken_is_refused_naming_both_plugins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import migsdg_plugins.labour as labour

    mod = _registering(
        "migsdg_register_intervention_templates",
        "import migsdg_plugins.labour.templates as t\nregister(t.FAIR_RECRUITMENT)",
        monkeypatch,
        "migsdg_dup_tpl",
    )
    host = PluginHost.from_plugins({"labour": labour, "third": mod})
    reason = _failure(host, "templates")
    assert reason == "template 'labour.fair-recruitment' is already registered by plugin 'labour'"
    assert host.templates()["labour.fair-recruitment"].plugin == "labour"


def test_registering_the_same_id_twice_in_one_plugin_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mod = _registering(
        "migsdg_register_funding_sources",
        "f = FundingSource(id='twice', name='Twice', category=FundingCategory.SDG_FUND)\n"
        "register(f)\nregister(f)",
        monkeypatch,
        "migsdg_dup_self",
    )
    host = PluginHost.from_plugins({"third": mod})
    assert _failure(host, "funding_sources") == (
        "funding source 'twice' is already registered by plugin 'third'"
    )
    # Only the second registration is refused; the first stands.
    assert list(host.funding_sources()) == ["twice"]


def _with_bundled(*extra: metadata.EntryPoint) -> list[metadata.EntryPoint]:
    return [*bundled_entry_points(), *extra]


@pytest.mark.parametrize(
    ("hook", "body", "load", "expected"),
    [
        (
            "migsdg_register_funding_sources",
            "register(FundingSource(id='migration-mptf', name='x', "
            "category=FundingCategory.MIGRATION_FUND))",
            "funding_sources",
            "funding source 'migration-mptf' is already registered by plugin 'finance'",
        ),
        (
            "migsdg_register_intervention_types",
            "register(InterventionSubtype(id='health.service-inclusion', name='x', "
            "type=InterventionType.RIGHTS_BASED, sector='health'))",
            "intervention_types",
            "intervention type 'health.service-inclusion' is already registered by plugin 'health'",
        ),
        (
            "migsdg_register_exporters",
            "register(Exporter(name='docx', suffixes=(), description='x', write=print))",
            "exporters",
            "exporter 'docx' is already registered by plugin 'core'",
        ),
        (
            "migsdg_register_checks",
            "register(Rule(code='AP101', name='x', summary='x', why='x', "
            "severity=Severity.ERROR, func=lambda ctx: ()))",
            "checks",
            "check 'AP101' is already registered by plugin 'core'",
        ),
    ],
)
def test_duplicates_are_refused_naming_both_plugins(
    hook: str, body: str, load: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _registering(hook, body, monkeypatch, f"migsdg_dup_{load}")
    host = PluginHost(entry_points=_with_bundled(_ep("third", f"migsdg_dup_{load}")))
    assert _failure(host, load) == expected


@pytest.mark.parametrize(
    ("body", "load", "expected"),
    [
        (
            "register(Rule(code='LAB999', name='x', summary='x', why='x', "
            "severity=Severity.INFO, func=lambda ctx: ()))",
            "checks",
            "rule code LAB999: the prefix 'LAB' belongs to plugin 'labour'; use a prefix of "
            "your own",
        ),
        (
            "register(Rule(code='AP999', name='x', summary='x', why='x', "
            "severity=Severity.INFO, func=lambda ctx: ()))",
            "checks",
            "rule code AP999: the prefix 'AP' belongs to plugin 'core'; use a prefix of your own",
        ),
        (
            "register(Exporter(name='mydocx', suffixes=('.DOCX',), description='x', write=print))",
            "exporters",
            "exporter 'mydocx': suffix '.DOCX' is already claimed by exporter 'docx' of plugin "
            "'core'",
        ),
        (
            "register('AP900')",
            "checks",
            "registered a str, not a Rule",
        ),
        (
            "register(FundingSource(id='anon', name='Anon'))",
            "funding_sources",
            "funding source 'anon' needs a name and a funding category",
        ),
    ],
)
def test_objects_that_would_clash_or_are_malformed_are_refused(
    body: str, load: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = {
        "checks": "migsdg_register_checks",
        "exporters": "migsdg_register_exporters",
        "funding_sources": "migsdg_register_funding_sources",
    }[load]
    name = f"migsdg_bad_{load}_{abs(hash(body))}"
    _registering(hook, body, monkeypatch, name)
    host = PluginHost(entry_points=_with_bundled(_ep("third", name)))
    assert _failure(host, load) == expected


def test_an_invalid_template_is_refused_with_every_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _registering(
        "migsdg_register_intervention_templates",
        "register(InterventionTemplate(id='Farm Scheme', sector='agriculture', title='T',\n"
        "    description='D', type=InterventionType.RIGHTS_BASED,\n"
        "    form=InterventionForm.PROGRAMME, targets=('10.77',), rationale='R',\n"
        "    subtype='labour.ethical-recruitment', gcm_objectives=(24,),\n"
        "    dac_sectors=('1519',)))",
        monkeypatch,
        "migsdg_bad_template",
    )
    host = PluginHost(entry_points=_with_bundled(_ep("third", "migsdg_bad_template")))
    reason = _failure(host, "templates")
    assert reason.startswith("template 'Farm Scheme': id must read '<sector>.<name>'")
    for part in (
        "unknown SDG target '10.77'",
        "unknown GCM objective 24",
        "DAC sector code '1519' is not five digits",
        "no actor slot leads the design stage",
        "sub-type 'labour.ethical-recruitment' is a kind of migration_programming, not "
        "rights_based",
    ):
        assert part in reason


def test_a_plugin_rule_that_raises_during_a_check_is_named_and_skipped() -> None:
    from migsdg.checks import Hit, Rule, Severity

    def explode(ctx: object) -> list[object]:
        raise ZeroDivisionError("oops")

    def fine(ctx: object) -> list[Hit]:
        return [Hit(location="id", message="still reported")]

    rules = [
        Rule(code="ZZ101", name="z", summary="z", why="z", severity=Severity.INFO, func=explode),
        Rule(code="ZZ102", name="y", summary="y", why="y", severity=Severity.INFO, func=fine),
    ]
    report = migsdg.checks.run_checks(migsdg.ActionPlan(id="p"), rules)
    assert [f.message for f in report.findings] == ["still reported"]
    [failure] = report.failures
    assert str(failure) == (
        "check ZZ101 (z) of plugin 'migsdg' failed and was skipped: ZeroDivisionError: oops"
    )


# -- the process-wide host ------------------------------------------------------------------


def test_get_host_is_built_once_and_can_be_replaced_and_reset() -> None:
    assert host_if_built() is None
    host = get_host()
    assert get_host() is host and host_if_built() is host
    other = PluginHost.from_plugins({})
    set_host(other)
    assert get_host() is other
    reset_host()
    assert host_if_built() is None


def test_from_plugins_gives_an_isolated_host_without_discovery() -> None:
    import migsdg_plugins.education as education

    host = PluginHost.from_plugins({"education": education}, core=False)
    assert [i.name for i in host.plugins()] == ["education"]
    assert {t.sector for t in host.templates().values()} == {"education"}
    assert {r.code[:3] for r in host.checks()} == {"EDU"}


def test_unknown_template_ids_get_suggestions() -> None:
    with pytest.raises(UnknownCodeError) as info:
        get_host().template("labour.fair-recruitmnt")
    assert "labour.fair-recruitment" in str(info.value)


def test_warn_failures_prints_each_failure_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="broken", module="migsdg_broken_c", source=BROKEN_IMPORT
    )
    install(tmp_path, monkeypatch, entry_point="hooky", module="migsdg_hooky_b", source=BROKEN_HOOK)
    host = PluginHost()
    first, second = io.StringIO(), io.StringIO()
    host.warn_failures(first)  # calls every hook first, so the hook failure is known too
    host.warn_failures(second)
    assert first.getvalue().splitlines() == [
        "migsdg: warning: plugin 'broken' failed (import): ImportError: this plugin needs "
        "the frobnicate library",
        "migsdg: warning: plugin 'hooky' failed (migsdg_register_checks): RuntimeError: "
        "rules file missing",
    ]
    assert second.getvalue() == ""
    listed = PluginHost()
    listed.plugins()
    listed.mark_reported()  # what ``migsdg plugins`` does after listing the failures
    third = io.StringIO()
    listed.warn_failures(third)
    assert third.getvalue() == ""
