"""migsdg.testing: isolated hosts, sample plans, the plugin contract, and the pytest plugin.

The contract check is shown to pass on a sound plugin and to fail, naming the problem, on
plugins that each break one clause of it. (The bundled plugins are held to the contract in
test_templates.py.)
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from importlib import metadata
from pathlib import Path

import attrs
import pytest

import migsdg
import migsdg_plugins.labour as labour
from migsdg.errors import MigsdgError, PluginError, UnknownCodeError
from migsdg.examples import load_example
from migsdg.model import (
    ActionPlan,
    Actor,
    CostLine,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    Intervention,
    Role,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)
from migsdg.plugins import PluginHost, get_host, host_if_built, set_host
from migsdg.testing import (
    assert_plugin_contract,
    check_plugin_contract,
    expected_template_errors,
    intervention_errors,
    load_installed_plugin,
    make_host,
    minimal_plan,
    plugin_name,
    round_trip,
    sample_plan,
    sample_plans,
    using_host,
)

pytest_plugins = ("pytester",)

#: A small, sound plugin with one hook of each kind; the broken ones below change it.
SOUND = """
from pathlib import Path

import attrs

from migsdg import hookimpl
from migsdg._atomic import atomic_write_text
from migsdg.checks import Hit, Severity, rule
from migsdg.exporters import Exporter
from migsdg.model import (
    Beneficiary, Disaggregation, FundingCategory, FundingSource, IndicatorKind, IndicatorRef,
    InterventionForm, InterventionType, RoleKind, Stage, SupportingActivityKind,
)
from migsdg.templates import (
    ActorSlot, InterventionSubtype, InterventionTemplate, SuggestedActivity,
    SuggestedIndicator,
)

SUBTYPE = InterventionSubtype(
    id="fishery.crew-welfare", name="Crew welfare", sector="fishery",
    type=InterventionType.RIGHTS_BASED,
)
TEMPLATE = InterventionTemplate(
    id="fishery.crew-welfare", sector="fishery", subtype="fishery.crew-welfare",
    title="Decent work for migrant fishers",
    description="Inspect fishing vessels for the living and working conditions of crews.",
    type=InterventionType.RIGHTS_BASED, form=InterventionForm.PROGRAMME,
    targets=("8.8",), rationale="Migrant fishers work far from any inspector.",
    beneficiaries=(Beneficiary(group="Migrant fishers"),),
    actors=tuple(
        ActorSlot(stage=s, slot="fisheries-ministry", description="Ministry of fisheries",
                  role=RoleKind.LEAD, tasks="Leads.")
        for s in Stage
    ),
    coordination="A joint inspection committee meets monthly.",
    outputs=("Vessels inspected",), outcomes=("Crews work in decent conditions",),
    supporting_activities=(
        SuggestedActivity(kind=SupportingActivityKind.TRAINING, description="Train inspectors"),
    ),
    indicators=(
        SuggestedIndicator(
            indicator=IndicatorRef(kind=IndicatorKind.SDG, code="8.8.1"),
            disaggregation=(Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS),
        ),
    ),
    funding_categories=(FundingCategory.DOMESTIC_BUDGET,),
)
FUND = FundingSource(id="fishery-fund", name="Fisheries Fund",
                     category=FundingCategory.DOMESTIC_BUDGET)


@rule("FSH101", "fishery-by-status", severity=Severity.WARNING,
      summary="Fishery interventions disaggregate by migratory status.",
      why="Most crews on distant-water vessels are migrants.")
def by_status(ctx):
    for where, iv in ctx.interventions():
        if iv.sector == "fishery" and not any(
            Disaggregation.MIGRATORY_STATUS in m.disaggregation for m in iv.monitoring
        ):
            yield Hit(location=f"{where}.monitoring", intervention=iv.id,
                      message=f"intervention {iv.id!r} has no indicator by migratory status")


def write(plan, path, **options):
    atomic_write_text(path, f"{plan.id}: {len(plan.interventions)} interventions\\n")


EXPORTER = Exporter(name="fishery-summary", suffixes=(".fish.txt",),
                    description="One line per plan", write=write)


@hookimpl
def migsdg_register_intervention_types(register):
    register(SUBTYPE)


@hookimpl
def migsdg_register_intervention_templates(register):
    register(TEMPLATE)


@hookimpl
def migsdg_register_checks(register):
    register(by_status)


@hookimpl
def migsdg_register_funding_sources(register):
    register(FUND)


@hookimpl
def migsdg_register_exporters(register):
    register(EXPORTER)
"""


def _hook(name: str, body: str = "pass") -> str:
    """The source of a plugin with one hook implementation."""
    return f"from migsdg import hookimpl\n@hookimpl\ndef {name}(register):\n    {body}\n"


def _plugin(source: str = SOUND, name: str = "migsdg_fishery", **overrides: str) -> object:
    """A plugin module made from ``source``; each override replaces a top-level
    definition by appending new source after it (later definitions win)."""
    module = types.ModuleType(name)
    text = source + "".join(f"\n{textwrap.dedent(code)}\n" for code in overrides.values())
    exec(compile(text, name, "exec"), module.__dict__)
    return module


# -- hosts ------------------------------------------------------------------------------------


def test_make_host_has_exactly_the_given_plugins_and_the_core() -> None:
    host = make_host({"fishery": _plugin()})
    assert [i.name for i in host.plugins()] == ["core", "fishery"]
    assert list(host.templates()) == ["fishery.crew-welfare"]
    assert host.templates()["fishery.crew-welfare"].plugin == "fishery"
    assert "AP101" in host.checks() and "LAB101" not in host.checks()
    assert make_host({"fishery": _plugin()}, core=False).checks().selected() == [
        host.checks().get("FSH101")
    ]


def test_make_host_with_installed_plugins_adds_them_and_replaces_one_of_the_same_name() -> None:
    host = make_host({"fishery": _plugin()}, installed=True)
    sectors = {t.sector for t in host.templates().values()}
    assert {"fishery", "labour", "health", "education", "finance"} <= sectors
    assert host.failures == []
    # A given plugin takes the place of an installed third-party plugin of that name,
    # but never of the core or a bundled plugin: those names are reserved.
    with pytest.raises(PluginError, match="reserved"):
        make_host({"labour": _plugin()}, installed=True)
    # The same module as an installed plugin, under another name, replaces it; a bundled
    # module's namespace stays its own plugin's, so under another name it is refused.
    renamed = make_host({"work": labour}, installed=True)
    assert "labour.fair-recruitment" not in renamed.templates()
    assert {f.plugin for f in renamed.failures} == {"work"}
    reasons = [f.reason for f in renamed.failures]
    assert any("namespace 'labour' belongs to plugin 'labour'" in r for r in reasons)


def test_make_host_loads_given_plugins_even_when_their_name_is_blocked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MIGSDG_DISABLE_PLUGINS", "labour,health")
    host = make_host({"labour": labour}, installed=True)
    status = {i.name: i.status for i in host.plugins()}
    assert status["labour"] == "ok" and status["health"] == "disabled"
    assert "labour.fair-recruitment" in host.templates()
    assert not any(t.sector == "health" for t in host.templates().values())


def test_make_host_refuses_a_misspelled_hook_with_or_without_installed_plugins() -> None:
    typo = _plugin(_hook("migsdg_register_chekcs"))
    for installed in (False, True):
        with pytest.raises(PluginError) as info:
            make_host({"typo": typo}, installed=installed)
        assert info.value.plugin == "typo"
        assert "migsdg_register_chekcs" in info.value.reason


def test_make_host_takes_importable_modules_and_plain_objects_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = _plugin(name="migsdg_fishery_importable")
    monkeypatch.setitem(sys.modules, "migsdg_fishery_importable", module)

    class Funds:
        @migsdg.hookimpl
        def migsdg_register_funding_sources(self, register: Callable[[object], None]) -> None:
            register(FundingSource(id="obj-fund", name="Fund", category=FundingCategory.SDG_FUND))

    host = make_host({"fishery": module, "funds": Funds()}, installed=True)
    info = {i.name: i for i in host.plugins()}
    assert info["fishery"].module == "migsdg_fishery_importable"
    assert host.owner("migsdg_register_funding_sources", "fishery-fund") == "fishery"
    assert host.owner("migsdg_register_funding_sources", "obj-fund") == "funds"
    assert host.owner("migsdg_register_funding_sources", "migration-mptf") == "finance"
    assert host.failures == []


def test_using_host_puts_back_the_previous_host_even_on_error() -> None:
    assert host_if_built() is None
    mine = make_host({"fishery": _plugin()})

    def use_and_fail() -> None:
        with using_host(mine):
            assert get_host() is mine
            assert migsdg.check(ActionPlan(id="p"), select=["FSH"]).findings == ()
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        use_and_fail()
    assert host_if_built() is None
    outer = PluginHost.from_plugins({})
    set_host(outer)
    with using_host(mine):
        pass
    assert get_host() is outer


def test_plugin_names_come_from_the_entry_point_or_the_module() -> None:
    assert plugin_name(labour) == "labour"
    assert plugin_name(_plugin(name="acme.migsdg_fishery")) == "migsdg_fishery"
    assert load_installed_plugin("health") is sys.modules["migsdg_plugins.health"]
    with pytest.raises(UnknownCodeError, match="did you mean health"):
        load_installed_plugin("healt")


# -- plans ------------------------------------------------------------------------------------


def test_sample_plan_is_the_embedded_example_loaded_once() -> None:
    assert sample_plan() is sample_plan("national")
    assert sample_plan() == load_example("national")
    assert sample_plan("provincial").language == "es"
    with pytest.raises(MigsdgError, match="the examples are: national, provincial"):
        sample_plan("regional")


def test_minimal_plan_has_no_error_and_no_warning_and_survives_a_round_trip() -> None:
    plan = minimal_plan()
    report = migsdg.check(plan)
    assert report.counts()["error"] == 0 and report.counts()["warning"] == 0, report.findings
    assert round_trip(plan) == plan
    assert minimal_plan(id="other", interventions=()).id == "other"
    assert minimal_plan(interventions=()).interventions == ()


def test_sample_plans_are_the_examples_minimal_empty_and_sparse_plans() -> None:
    plans = sample_plans()
    assert list(plans) == ["national", "provincial", "minimal", "empty", "sparse"]
    assert plans["empty"].interventions == ()
    assert plans["sparse"].interventions[0] == Intervention(id="bare")
    for plan in plans.values():
        assert round_trip(plan) == plan


def test_round_trip_reports_what_cannot_be_read_back() -> None:
    odd = ActionPlan(id="p", interventions=(Intervention(id="a", targets=("SDG 10.7",)),))
    assert round_trip(odd).interventions[0].targets == ("10.7",)  # normalised on reading
    with pytest.raises(migsdg.PlanLoadError) as info:
        round_trip(ActionPlan(id="p", interventions=(Intervention(id="a", title="\ud800"),)))
    assert info.value.problems[0].location == "interventions[0].title"


# -- what a template cannot know -----------------------------------------------------------------


def test_expected_template_errors_name_dates_amounts_and_unbound_actors() -> None:
    plan = ActionPlan(id="p", actors=(Actor(id="mol"),))
    iv = Intervention(
        id="a",
        roles=(Role(stage=Stage.DESIGN, actor="mol"), Role(stage=Stage.DESIGN, actor="slot")),
        supporting_activities=(
            SupportingActivity(kind=SupportingActivityKind.TRAINING),
            SupportingActivity(kind=SupportingActivityKind.TRAINING, cost=Decimal(5)),
        ),
        monitoring=(
            migsdg.MonitoringEntry(indicator=migsdg.IndicatorRef(code="8.8.1"), responsible="x"),
        ),
    )
    assert expected_template_errors(plan, iv) == {
        ("AP104", "timeframe.start"),
        ("AP104", "timeframe.end"),
        ("AP107", "resources"),
        ("AP107", "funding"),
        ("AP501", "roles[1].actor"),
        ("AP501", "monitoring[0].responsible"),
    }
    done = attrs.evolve(
        iv,
        timeframe=Timeframe(start=dt.date(2026, 1, 1), end=dt.date(2027, 1, 1)),
        resources=(CostLine(description="x", amount=Decimal(1)),),
        funding=(FundingArrangement(source="b", amount=Decimal(1)),),
    )
    assert expected_template_errors(plan, done) == {
        ("AP501", "roles[1].actor"),
        ("AP501", "monitoring[0].responsible"),
    }


def test_intervention_errors_are_those_the_checks_report_for_it() -> None:
    template = make_host({"fishery": _plugin()}).template("fishery.crew-welfare")
    plan = template.add_to(minimal_plan())
    errors = intervention_errors(plan, "crew-welfare")
    assert errors == expected_template_errors(plan, plan.interventions[-1])
    assert ("AP501", "roles[0].actor") in errors
    assert intervention_errors(plan, "migration-policy") == set()


# -- the contract --------------------------------------------------------------------------------


def test_a_sound_plugin_keeps_the_contract() -> None:
    report = check_plugin_contract(_plugin(), name="fishery")
    assert report.ok, str(report)
    assert report.problems == ()
    assert dict(report.registered) == {
        "intervention_types": 1,
        "templates": 1,
        "checks": 1,
        "funding_sources": 1,
        "exporters": 1,
        "sections": 0,
    }
    assert str(report) == (
        "plugin 'fishery' keeps the migsdg plugin contract (1 intervention type, 1 template, "
        "1 check, 1 funding source, 1 exporter, 0 sections)"
    )
    assert assert_plugin_contract(_plugin(), name="fishery", prefix="FSH") == report


def test_an_installed_plugin_can_be_checked_by_name() -> None:
    report = check_plugin_contract("health")
    assert report.plugin == "health" and report.ok, str(report)
    with pytest.raises(UnknownCodeError):
        check_plugin_contract("no-such-plugin")


_NEW_EXPORTER = "EXPORTER = attrs.evolve(EXPORTER, write=write)\n"

BROKEN: dict[str, tuple[dict[str, str], str]] = {
    "template-error": (
        {
            "t": "import attrs\nTEMPLATE = attrs.evolve(TEMPLATE, outputs=())\n",
        },
        "template fishery.crew-welfare: error AP105 at outputs, which a template should avoid: "
        "the intervention lists no expected outputs [added to the national example as it "
        "comes; added to the national example with actors and dates]",
    ),
    "template-refused": (
        {"t": "import attrs\nTEMPLATE = attrs.evolve(TEMPLATE, targets=('8.88',))\n"},
        "plugin: refused in migsdg_register_intervention_templates: template "
        "'fishery.crew-welfare': unknown SDG target '8.88'",
    ),
    "rule-raises": (
        {
            "r": """
            @rule("FSH102", "first-intervention", severity=Severity.INFO, summary="s", why="w")
            def first(ctx):
                iv = ctx.plan.interventions[0]
                yield Hit(location="interventions[0]", message=iv.id, intervention=iv.id)

            @hookimpl
            def migsdg_register_checks(register):
                register(by_status)
                register(first)
            """
        },
        "check FSH102: running failed: check FSH102 (first-intervention) failed: "
        "IndexError: tuple index out of range [on the empty plan]",
    ),
    "rule-names-a-ghost": (
        {
            "r": """
            @rule("FSH102", "ghost", severity=Severity.INFO, summary="s", why="w")
            def ghost(ctx):
                yield Hit(location="interventions", message="m", intervention="ghost")

            @hookimpl
            def migsdg_register_checks(register):
                register(ghost)
            """
        },
        "check FSH102: a finding names intervention 'ghost', which the plan lacks [on the "
        "national example; on the provincial example; on the minimal plan; on the empty "
        "plan; on the sparse plan; on the national example with fishery.crew-welfare; on "
        "the national example with fishery.crew-welfare, actors and dates]",
    ),
    "two-prefixes": (
        {
            "r": """
            import attrs

            @hookimpl
            def migsdg_register_checks(register):
                register(by_status)
                register(attrs.evolve(by_status, code="FSX101"))
            """
        },
        "plugin: its check codes use several prefixes (FSH, FSX); a plugin has one prefix "
        "of its own",
    ),
    "core-prefix": (
        {
            "r": """
            import attrs

            @hookimpl
            def migsdg_register_checks(register):
                register(attrs.evolve(by_status, code="AP999"))
            """
        },
        "plugin: refused in migsdg_register_checks: rule code AP999: the prefix 'AP' belongs "
        "to plugin 'core'; use a prefix of your own",
    ),
    "rule-without-why": (
        {"r": "import attrs\nby_status = attrs.evolve(by_status, why='  ')\n"},
        "check FSH101: its why is empty",
    ),
    "untyped-fund": (
        {"f": "FUND = FundingSource(id='fishery-fund', name='Fisheries Fund')\n"},
        "plugin: refused in migsdg_register_funding_sources: funding source 'fishery-fund' "
        "needs a name and a funding category",
    ),
    "exporter-writes-nothing": (
        {"e": "def write(plan, path, **options):\n    pass\n" + _NEW_EXPORTER},
        "exporter fishery-summary: writing made no plan.fish.txt [writing the national "
        "example; writing the minimal plan]",
    ),
    "exporter-leaves-a-temporary-file": (
        {
            "e": """
            def write(plan, path, **options):
                Path(str(path) + ".part").write_text("x")
                Path(path).write_text("x")
            """
            + _NEW_EXPORTER
        },
        "exporter fishery-summary: writing left other files behind (plan.fish.txt.part); "
        "write only to the path given (migsdg puts it in place of the target) "
        "[writing the national example; writing the minimal plan]",
    ),
    "exporter-raises": (
        {
            "e": "def write(plan, path, **options):\n    raise OSError('disk full')\n"
            + _NEW_EXPORTER
        },
        "exporter fishery-summary: writing raised OSError: disk full [writing the national "
        "example; writing the minimal plan]",
    ),
    "exporter-suffix-taken": (
        {
            "e": """
            EXPORTER = Exporter(name="fishery-summary", suffixes=(".docx",),
                                description="x", write=write)
            """
        },
        "plugin: refused in migsdg_register_exporters: exporter 'fishery-summary': suffix "
        "'.docx' is already claimed by exporter 'docx' of plugin 'core'",
    ),
    "hook-raises": (
        {
            "h": """
            @hookimpl
            def migsdg_register_intervention_types(register):
                raise RuntimeError("sub-types file missing")
            """
        },
        "plugin: refused in migsdg_register_intervention_types: RuntimeError: sub-types "
        "file missing",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_plugin_breaking_one_clause_fails_the_contract_naming_it(case: str) -> None:
    overrides, expected = BROKEN[case]
    report = check_plugin_contract(_plugin(**overrides), name="fishery")
    assert not report.ok
    assert expected in [str(p) for p in report.problems], str(report)
    with pytest.raises(AssertionError) as info:
        assert_plugin_contract(_plugin(**overrides), name="fishery")
    assert str(info.value) == str(report)
    assert str(info.value).startswith("plugin 'fishery' breaks the migsdg plugin contract (")


def test_a_refused_subtype_takes_its_templates_with_it() -> None:
    """The hook-raises case above: the template of the missing sub-type is refused too."""
    overrides, _ = BROKEN["hook-raises"]
    problems = [str(p) for p in check_plugin_contract(_plugin(**overrides)).problems]
    assert any("sub-type 'fishery.crew-welfare' is not registered" in p for p in problems)


def test_every_problem_is_reported_not_only_the_first() -> None:
    overrides = {**BROKEN["template-error"][0], **BROKEN["exporter-raises"][0]}
    overrides.update(BROKEN["rule-without-why"][0])
    report = check_plugin_contract(_plugin(**overrides), name="fishery")
    subjects = [p.subject for p in report.problems]
    assert subjects == [
        "template fishery.crew-welfare",
        "check FSH101",
        "exporter fishery-summary",
    ], str(report)
    assert str(report).count("\n") == 3


def test_a_required_prefix_is_enforced() -> None:
    report = check_plugin_contract(_plugin(), name="fishery", prefix="FISH")
    assert [str(p) for p in report.problems] == [
        "check FSH101: its code does not start with the prefix FISH"
    ]


def test_plugins_that_cannot_register_or_do_nothing_fail() -> None:
    typo = _hook("migsdg_register_chekcs")
    [problem] = check_plugin_contract(_plugin(typo), name="typo").problems
    assert problem.subject == "plugin"
    assert problem.message.startswith("cannot be registered: hook implementation ")
    assert "did you mean 'migsdg_register_checks'?" in problem.message
    [problem] = check_plugin_contract(_plugin("X = 1\n"), name="empty").problems
    assert str(problem) == "plugin: implements no migsdg hook (see docs/plugins.md, 'Hooks')"
    idle = _hook("migsdg_register_checks")
    [problem] = check_plugin_contract(_plugin(idle), name="idle").problems
    assert str(problem) == "plugin: registers nothing: no hook it implements registered an object"


@pytest.mark.parametrize("name", ["zz-fishery", "fishery", "aa-fishery"])
def test_a_bundled_namespace_is_refused_whatever_the_plugin_name(name: str) -> None:
    # The namespace "labour." is the bundled labour plugin's, whether or not it is loaded
    # and whether the plugin's name sorts before or after it.
    taken = """
    import attrs

    TEMPLATE = attrs.evolve(
        TEMPLATE, id="labour.fair-recruitment", sector="labour", subtype=None
    )
    """
    refused = "plugin: refused in migsdg_register_intervention_templates: template "
    alone = check_plugin_contract(_plugin(t=taken), name=name)
    assert [str(p) for p in alone.problems] == [
        f"{refused}'labour.fair-recruitment': the namespace 'labour' belongs to plugin "
        "'labour'; use a namespace of your own"
    ]
    report = check_plugin_contract(_plugin(t=taken), name=name, installed=True)
    assert [str(p) for p in report.problems] == [
        f"{refused}'labour.fair-recruitment' is already registered by plugin 'labour'"
    ]


def test_templates_are_added_to_a_given_plan_and_rules_run_on_it() -> None:
    plan = sample_plan("provincial")
    rule = """
    @rule("FSH102", "spanish-only", severity=Severity.INFO, summary="s", why="w")
    def spanish(ctx):
        if ctx.plan.language == "es":
            raise ValueError("no Spanish")
        return ()

    @hookimpl
    def migsdg_register_checks(register):
        register(spanish)
    """
    report = check_plugin_contract(_plugin(r=rule), name="fishery", plan=plan)
    failure = "failed: check FSH102 (spanish-only) failed: ValueError: no Spanish"
    assert [str(p) for p in report.problems] == [
        f"template fishery.crew-welfare: checking the plan {failure} [added to the given plan "
        "as it comes; added to the given plan with actors and dates]",
        f"check FSH102: running {failure} [on the provincial example; on the given plan; on "
        "the given plan with fishery.crew-welfare; on the given plan with "
        "fishery.crew-welfare, actors and dates]",
    ]


# -- the pytest plugin ---------------------------------------------------------------------------


def test_the_pytest_plugin_is_declared_and_pytest_is_not_imported_by_migsdg() -> None:
    declared = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert declared["migsdg"] == "migsdg.testing.pytest_plugin"
    code = (
        "import sys, migsdg, migsdg.testing; "
        "assert 'pytest' not in sys.modules and '_pytest' not in sys.modules, "
        "sorted(m for m in sys.modules if 'pytest' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


FIXTURE_CONFTEST = f"""
import types

import pytest

SOURCE = {SOUND!r}


@pytest.fixture
def migsdg_plugins():
    module = types.ModuleType("migsdg_fishery")
    exec(SOURCE, module.__dict__)
    return {{"fishery": module}}
"""

FIXTURE_TESTS = """
import migsdg
from migsdg.plugins import get_host, host_if_built
from migsdg.testing import assert_plugin_contract


def test_the_host_has_the_plugin_and_is_process_wide(migsdg_host, migsdg_sample_plan):
    assert get_host() is migsdg_host
    assert [i.name for i in migsdg_host.plugins()] == ["core", "fishery"]
    plan = migsdg_host.template("fishery.crew-welfare").add_to(migsdg_sample_plan)
    report = migsdg.check(plan, select=["FSH"])
    assert report.findings == ()


def test_the_host_is_gone_after_the_test():
    assert host_if_built() is None


def test_make_host_switches_hosts(migsdg_make_host, migsdg_plugins, migsdg_minimal_plan):
    first = migsdg_make_host({})
    assert get_host() is first and "FSH101" not in first.checks()
    second = migsdg_make_host(migsdg_plugins, installed=True)
    assert get_host() is second and "LAB101" in second.checks()
    assert migsdg.check(migsdg_minimal_plan).counts()["error"] == 0


def test_contract(migsdg_plugins):
    assert_plugin_contract(migsdg_plugins["fishery"], name="fishery")


def test_contract_broken(migsdg_plugins):
    import attrs

    plugin = migsdg_plugins["fishery"]
    plugin.TEMPLATE = attrs.evolve(plugin.TEMPLATE, outcomes=())
    assert_plugin_contract(plugin, name="fishery")
"""


def test_the_fixtures_work_in_a_plugin_s_own_test_suite(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(FIXTURE_CONFTEST)
    pytester.makepyfile(test_fishery=FIXTURE_TESTS)
    # Other installed pytest plugins are left out: they are not under test, only slower.
    quiet = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:benchmark")
    result = pytester.runpytest_inprocess(*quiet)
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*AssertionError: plugin 'fishery' breaks the migsdg plugin contract (1 problem):",
            "*template fishery.crew-welfare: error AP105 at outcomes, which a template should "
            "avoid: the intervention lists no expected outcomes*",
        ]
    )


# -- docs/plugins.md --------------------------------------------------------------------------

PLUGINS_MD = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"


def _doc_block(first_line: str) -> str:
    text = PLUGINS_MD.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", text, flags=re.M | re.S)
    [block] = [b for b in blocks if b.startswith(first_line)]
    return block


def test_the_testing_examples_of_the_docs_pass_in_a_plugin_s_test_suite(
    pytester: pytest.Pytester,
) -> None:
    """The walk-through plugin and the conftest and tests that 'Testing your plugin'
    shows, run as a plugin's own test suite."""
    pytester.makepyfile(
        migsdg_domestic_work=_doc_block("# src/migsdg_domestic_work/__init__.py"),
        conftest=_doc_block("# tests/conftest.py"),
        test_domestic_work=_doc_block("# tests/test_domestic_work.py"),
        test_contract=_doc_block("# tests/test_contract.py"),
    )
    quiet = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:benchmark")
    result = pytester.runpytest_inprocess(*quiet)
    result.assert_outcomes(passed=3)


def test_the_contract_lists_every_refused_template_of_one_hook() -> None:
    import migsdg_plugins.labour.templates as labour_templates
    from migsdg.plugin import hookimpl

    good = attrs.evolve(
        labour_templates.TEMPLATES[0], id="fishery.good", sector="fishery", subtype=None
    )
    first = attrs.evolve(good, id="fishery.first", targets=("10.77",))
    second = attrs.evolve(good, id="fishery.second", gcm_objectives=(24,))

    plugin = types.ModuleType("migsdg_fishery_many")

    @hookimpl
    def migsdg_register_intervention_templates(register: typing.Any) -> None:
        register(first)
        register(good)
        register(second)

    plugin.migsdg_register_intervention_templates = migsdg_register_intervention_templates
    report = check_plugin_contract(plugin, name="fishery")
    refused = [str(p) for p in report.problems if "refused" in str(p)]
    assert len(refused) == 2
    assert "template 'fishery.first': unknown SDG target '10.77'" in refused[0]
    assert "template 'fishery.second': unknown GCM objective 24" in refused[1]
    assert report.registered["templates"] == 1
