"""Hostile plugins, installed as real distributions: what they try, and that it fails.

Each plugin here is written as an attacker (or a careless author) would: it takes the name
of the core or of a bundled plugin, registers ids and rule codes that belong to another
plugin, calls ``sys.exit`` or raises ``KeyboardInterrupt`` at import or in a hook, prints to
standard output, or ships a rule that raises or yields malformed hits. Each is installed
with :func:`plugin_packages.install` (a ``.dist-info`` with a ``migsdg`` entry point, found
through ``importlib.metadata`` as after ``pip install``), and each is tried both sorting
before and after the bundled plugins.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from migsdg.cli import main
from migsdg.io import save_plan
from migsdg.plugins import PluginHost, reset_host
from planbuilders import clean_plan
from plugin_packages import install

#: Entry-point names that sort before and after every bundled plugin.
EARLY_AND_LATE = ("aaa", "zzz")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry_point: str, source: str, tag: str
) -> str:
    module = f"migsdg_hostile_{tag}"
    install(
        tmp_path,
        monkeypatch,
        entry_point=entry_point,
        module=module,
        source=source,
        dist=f"hostile-{tag}",
    )
    return module


@pytest.fixture
def broken_plan(tmp_path: Path) -> Path:
    """A plan the core checks find errors in (an intervention without a rationale)."""
    import attrs

    plan = clean_plan()
    ivs = (attrs.evolve(plan.interventions[0], rationale=""), *plan.interventions[1:])
    path = tmp_path / "broken.yaml"
    save_plan(attrs.evolve(plan, interventions=ivs), path)
    return path


# -- reserved names ---------------------------------------------------------------------

NOTHING = """
from migsdg import hookimpl

@hookimpl
def migsdg_register_checks(register):
    pass
"""


@pytest.mark.parametrize("name", ["core", "labour", "health", "education", "finance"])
def test_a_plugin_claiming_a_bundled_name_is_refused_and_named(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    broken_plan: Path,
) -> None:
    module = _install(tmp_path, monkeypatch, name, NOTHING, f"name_{name}")
    host = PluginHost()
    [failure] = host.failures
    assert failure.plugin == f"hostile-name_{name}"
    assert f"claims the plugin name {name!r}, which is reserved" in failure.reason
    assert module in failure.reason
    # The real plugin is loaded under its name and registers everything it should.
    assert host.pm.get_plugin(name).__name__ != module
    if name == "core":
        assert "AP101" in host.checks()
    else:
        assert any(t.startswith(f"{name}.") for t in host.templates())
    # ... so the core checks still run from the command line: the broken plan fails.
    code, _, err = run(capsys, "check", str(broken_plan))
    assert code == 1
    assert f"hostile-name_{name}" in err and "reserved" in err


def test_the_reserved_names_are_the_core_and_every_bundled_sector_package() -> None:
    from migsdg.plugins import RESERVED_NAMES

    bundled = Path(__file__).parents[1] / "src" / "migsdg_plugins"
    packages = {p.name for p in bundled.iterdir() if (p / "__init__.py").is_file()}
    assert set(RESERVED_NAMES) == {"core", *packages}
    assert RESERVED_NAMES["core"] == "migsdg._builtin"


# -- ids, namespaces and prefixes that belong to another plugin ---------------------------

IMPOSTOR = """
import attrs
from migsdg import hookimpl
from migsdg.checks import Rule, Severity
import migsdg_plugins.health.templates as health

def nothing(ctx):
    return ()

TAKEN = attrs.evolve(health.TEMPLATES[0], title="Impostor", plugin="x")
NEW_IN_HEALTH = attrs.evolve(health.TEMPLATES[0], id="health.impostor-extra", title="Extra")
OWN = attrs.evolve(health.TEMPLATES[0], id="{ns}.own-template", sector="{ns}", subtype=None)

@hookimpl
def migsdg_register_intervention_templates(register):
    register(TAKEN)
    register(NEW_IN_HEALTH)
    register(OWN)

@hookimpl
def migsdg_register_checks(register):
    for code in ("LAB901", "HLT901", "AP901", "{prefix}101"):
        register(Rule(code=code, name="n" + code, summary="s", why="w",
                      severity=Severity.ERROR, func=nothing))
"""


@pytest.mark.parametrize("entry_point", EARLY_AND_LATE)
def test_a_plugin_cannot_take_a_bundled_id_namespace_or_prefix_whatever_its_order(
    entry_point: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    prefix = entry_point.upper()
    source = IMPOSTOR.replace("{ns}", entry_point).replace("{prefix}", prefix)
    _install(tmp_path, monkeypatch, entry_point, source, f"impostor_{entry_point}")
    host = PluginHost()
    templates = host.templates()
    rules = host.checks()
    health_id = next(t for t in templates if t.startswith("health."))
    # The owner keeps everything ...
    assert host.failures and all(f.plugin == entry_point for f in host.failures)
    assert {t.plugin for t in templates.values() if t.id.startswith("health.")} == {"health"}
    assert templates[health_id].title != "Impostor"
    assert {r.plugin for r in rules if r.code.startswith(("LAB", "HLT", "AP"))} <= {
        "core",
        "labour",
        "health",
    }
    # ... each item taken is refused alone and named; the plugin keeps its own.
    reasons = "\n".join(f.reason for f in host.failures)
    assert f"template {health_id!r} is already registered by plugin 'health'" in reasons
    assert "'health.impostor-extra': the namespace 'health' belongs to plugin 'health'" in (reasons)
    for code, owner in (("LAB901", "labour"), ("HLT901", "health"), ("AP901", "core")):
        assert f"rule code {code}: the prefix {code[:-3]!r} belongs to plugin {owner!r}" in (
            reasons
        )
    assert templates[f"{entry_point}.own-template"].plugin == entry_point
    assert rules.get(f"{prefix}101").plugin == entry_point
    # ``migsdg add --template`` adds the bundled template, not the impostor's.
    plan = tmp_path / "plan.yaml"
    save_plan(clean_plan(), plan)
    code, _, _ = run(capsys, "add", str(plan), "--template", health_id, "--id", "added")
    assert code == 0
    from migsdg.io import load_plan

    added = next(iv for iv in load_plan(plan).interventions if iv.id == "added")
    assert added.title == templates[health_id].title


TAKES_EVERY_PREFIX = """
import attrs
from migsdg import hookimpl
from migsdg.checks import Rule, Severity
import migsdg_plugins.health.templates as health

@hookimpl
def migsdg_register_intervention_templates(register):
    for id in ("health.who-code", "health.impostor-extra"):
        register(attrs.evolve(health.TEMPLATES[0], id=id, title="Impostor"))

def nothing(ctx):
    return ()

@hookimpl
def migsdg_register_checks(register):
    for code in ({codes}):
        register(Rule(code=code, name="n" + code, summary="s", why="w",
                      severity=Severity.ERROR, func=nothing))
"""


def test_each_bundled_plugin_declares_the_prefix_its_rules_use() -> None:
    from migsdg.checks import CORE_CODE_PREFIXES, core_rules
    from migsdg.plugins import RESERVED_NAMES, RESERVED_PREFIXES

    assert set(RESERVED_PREFIXES.values()) == set(RESERVED_NAMES)  # one each, core too
    host = PluginHost()
    for rule in host.checks():
        assert RESERVED_PREFIXES[rule.code.rstrip("0123456789")] == rule.plugin, rule.code
    assert {r.code.rstrip("0123456789") for r in core_rules()} == set(CORE_CODE_PREFIXES)


@pytest.mark.parametrize("entry_point", EARLY_AND_LATE)
@pytest.mark.parametrize("disabled", ["health", "all"])
def test_a_turned_off_bundled_plugin_keeps_its_prefix_and_namespace(
    disabled: str,
    entry_point: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from migsdg.plugins import RESERVED_PREFIXES

    owners = dict(RESERVED_PREFIXES)  # prefix -> plugin: AP and RV (core), LAB, HLT ...
    codes = [f"{prefix}901" for prefix in owners] + [f"{entry_point.upper()}101"]
    source = TAKES_EVERY_PREFIX.replace("{codes}", ", ".join(map(repr, codes)))
    _install(tmp_path, monkeypatch, entry_point, source, f"prefixes_{disabled}_{entry_point}")
    off = ["health"] if disabled == "health" else sorted(set(owners.values()))
    monkeypatch.setenv("MIGSDG_DISABLE_PLUGINS", ",".join(off))
    host = PluginHost()
    rules = host.checks()
    assert not any(r.plugin in off for r in rules)  # turned off: nothing of theirs
    # Every prefix of the core and of the bundled plugins is refused, item by item and
    # named, whether its plugin runs or not; the plugin keeps its own prefix.
    host.templates()
    reasons = [f.reason for f in host.failures if f.plugin == entry_point]
    # Its namespace too: the templates are refused as the owner's, not for their content.
    assert reasons[-2:] == [
        f"template {id!r}: the namespace 'health' belongs to plugin 'health'; use a "
        "namespace of your own"
        for id in ("health.who-code", "health.impostor-extra")
    ]
    assert not any(t.startswith("health.") for t in host.templates())
    reasons = reasons[:-2]
    assert reasons == [
        f"rule code {prefix}901: the prefix {prefix!r} belongs to plugin {owner!r}; use a "
        "prefix of your own"
        for prefix, owner in owners.items()
    ]
    assert [r.code for r in rules if r.plugin == entry_point] == [f"{entry_point.upper()}101"]
    # The command line lists none of the refused rules, and says why.
    code, out, err = run(capsys, "check", "--list-rules", "--format", "json")
    listed = {rule["code"] for rule in json.loads(out)}
    assert code == 0 and f"{entry_point.upper()}101" in listed
    assert not {c for c in codes if c.endswith("901")} & listed
    assert "rule code HLT901: the prefix 'HLT' belongs to plugin 'health'" in err


def test_tryfirst_does_not_jump_ahead_of_the_bundled_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = """
    import attrs
    from migsdg import hookimpl
    import migsdg_plugins.labour.templates as labour

    @hookimpl(tryfirst=True)
    def migsdg_register_intervention_templates(register):
        register(attrs.evolve(labour.TEMPLATES[0], title="Impostor"))
    """
    _install(tmp_path, monkeypatch, "aaa", source, "tryfirst")
    host = PluginHost()
    first = host.templates()[next(t for t in host.templates() if t.startswith("labour."))]
    assert first.plugin == "labour" and first.title != "Impostor"
    [failure] = host.failures
    assert failure.plugin == "aaa" and "already registered by plugin 'labour'" in failure.reason


# -- sys.exit, KeyboardInterrupt, printing -------------------------------------------------

EXITS_AT_IMPORT = {
    "sys.exit": "import sys\nsys.exit(3)\n",
    "SystemExit": "raise SystemExit('bye')\n",
    "KeyboardInterrupt": "raise KeyboardInterrupt\n",
}

EXITS_IN_HOOK = """
import sys
from migsdg import hookimpl

@hookimpl
def migsdg_register_checks(register):
    {body}
"""


@pytest.mark.parametrize("entry_point", EARLY_AND_LATE)
@pytest.mark.parametrize("how", sorted(EXITS_AT_IMPORT))
def test_a_plugin_ending_the_program_at_import_is_only_a_failed_plugin(
    how: str,
    entry_point: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    broken_plan: Path,
) -> None:
    tag = f"exit_{how.replace('.', '_')}_{entry_point}"
    _install(tmp_path, monkeypatch, entry_point, EXITS_AT_IMPORT[how], tag)
    code, out, err = run(capsys, "check", str(broken_plan), "--format", "json")
    assert code == 1  # the core checks ran and found the error
    assert json.loads(out)["summary"]["error"] >= 1
    assert f"plugin {entry_point!r} failed (import):" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "body",
    ["sys.exit(0)", "raise SystemExit(2)", "raise KeyboardInterrupt", "raise GeneratorExit"],
)
def test_a_plugin_ending_the_program_in_a_hook_is_only_a_failed_hook(
    body: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    broken_plan: Path,
) -> None:
    tag = f"hookexit_{abs(hash(body))}"
    _install(tmp_path, monkeypatch, "zzz", EXITS_IN_HOOK.format(body=body), tag)
    code, out, err = run(capsys, "check", str(broken_plan), "--format", "json")
    assert code == 1
    assert json.loads(out)["summary"]["error"] >= 1
    assert "plugin 'zzz' failed (migsdg_register_checks):" in err


@pytest.fixture
def ctrl_c_raises():
    """SIGINT as in a terminal: Ctrl-C raises KeyboardInterrupt. A runner started in the
    background (``pytest &`` from a script) inherits SIGINT ignored, and plugin code then
    rightly leaves it ignored; these tests are about the terminal case."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def test_a_real_ctrl_c_while_a_plugin_runs_still_stops_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c_raises: None
) -> None:
    # The plugin is slow; the user presses Ctrl-C (SIGINT) while its hook runs. The signal
    # is raised in the hook's own thread: sent to the process, it may reach another thread
    # (a test runner's worker has several) and leave the hook's sleep uninterrupted.
    body = "import signal, time\n    signal.raise_signal(signal.SIGINT)\n    time.sleep(5)"
    _install(tmp_path, monkeypatch, "zzz", EXITS_IN_HOOK.format(body=body), "ctrl_c")
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        PluginHost().checks()
    assert signal.getsignal(signal.SIGINT) is before


PRINTS = """
import sys
from migsdg import hookimpl
from migsdg.checks import Hit, Severity, rule

print("printed at import")

@rule("NOISE101", "noisy", severity=Severity.INFO, summary="s", why="w")
def noisy(ctx):
    print("printed by a rule")
    sys.stdout.write("written by a rule\\n")
    return ()

@hookimpl
def migsdg_register_checks(register):
    print("printed in a hook")
    register(noisy)
"""


def test_what_a_plugin_prints_goes_to_stderr_and_json_output_stays_valid(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    broken_plan: Path,
) -> None:
    _install(tmp_path, monkeypatch, "noise", PRINTS, "prints")
    code, out, err = run(capsys, "check", str(broken_plan), "--format", "json")
    data = json.loads(out)  # nothing but the report on stdout
    assert code == 1 and "NOISE101" in data["rules_run"]
    for text in ("printed at import", "printed in a hook", "printed by a rule"):
        assert text in err
    for command in (["plugins", "--format", "json"], ["templates", "--format", "json"]):
        code, out, _ = run(capsys, *command)
        json.loads(out)


# -- rules that fail while checking ---------------------------------------------------------

FAILING_RULES = """
from migsdg import hookimpl
from migsdg.checks import Hit, Severity, rule

@rule("BAD101", "raises", severity=Severity.ERROR, summary="s", why="w")
def raises(ctx):
    yield Hit(location="id", message="half done")
    raise ZeroDivisionError("division by zero in the plugin")

@rule("BAD102", "exits", severity=Severity.ERROR, summary="s", why="w")
def exits(ctx):
    raise SystemExit(4)

@rule("BAD103", "not-a-hit", severity=Severity.ERROR, summary="s", why="w")
def not_a_hit(ctx):
    yield ("id", "a tuple is not a Hit")

@rule("BAD104", "malformed-hit", severity=Severity.ERROR, summary="s", why="w")
def malformed(ctx):
    yield Hit(location=None, message=42)

@rule("BAD105", "bad-severity", severity=Severity.ERROR, summary="s", why="w")
def bad_severity(ctx):
    yield Hit(location="id", message="m", severity="fatal")

@hookimpl
def migsdg_register_checks(register):
    for r in (raises, exits, not_a_hit, malformed, bad_severity):
        register(r)
"""


@pytest.mark.parametrize("entry_point", EARLY_AND_LATE)
def test_failing_rules_are_reported_and_skipped_and_the_other_findings_still_come(
    entry_point: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    broken_plan: Path,
) -> None:
    _install(tmp_path, monkeypatch, entry_point, FAILING_RULES, f"rules_{entry_point}")
    code, out, err = run(capsys, "check", str(broken_plan), "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert "AP" in "".join(f["code"] for f in data["findings"])  # the core's findings
    assert not any(f["code"].startswith("BAD") for f in data["findings"])  # none half-done
    failures = {f["code"]: f for f in data["failures"]}
    assert set(failures) == {"BAD101", "BAD102", "BAD103", "BAD104", "BAD105"}
    assert all(f["plugin"] == entry_point for f in failures.values())
    assert failures["BAD101"]["reason"] == "ZeroDivisionError: division by zero in the plugin"
    assert failures["BAD102"]["reason"] == "called sys.exit(4)"
    assert failures["BAD103"]["reason"].startswith("MigsdgError: yielded a tuple, not a Hit")
    assert "Hit.location must be text (str), not NoneType" in failures["BAD104"]["reason"]
    assert "Hit.severity must be one of error, warning, info" in failures["BAD105"]["reason"]
    assert "TypeError" not in err and "Traceback" not in err
    assert f"check BAD101 (raises) of plugin {entry_point!r} failed and was skipped" in err
    assert f"MIGSDG_DISABLE_PLUGINS={entry_point}" in err
    # The way out works.
    monkeypatch.setenv("MIGSDG_DISABLE_PLUGINS", entry_point)
    reset_host()
    code, out, err = run(capsys, "check", str(broken_plan), "--format", "json")
    assert code == 1 and json.loads(out)["failures"] == []


def test_the_sigint_handler_is_put_back_after_plugin_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c_raises: None
) -> None:
    _install(tmp_path, monkeypatch, "zzz", FAILING_RULES, "handler")
    before = signal.getsignal(signal.SIGINT)
    host = PluginHost()
    from migsdg.checks import run_checks

    run_checks(clean_plan(), host.checks())
    assert signal.getsignal(signal.SIGINT) is before
    assert os.environ.get("MIGSDG_DISABLE_PLUGINS") is None


def test_the_sigint_handler_is_put_back_when_another_thread_leaves_plugin_code_last(
    ctrl_c_raises: None,
) -> None:
    # An application exporting in worker threads while its main thread also runs plugin
    # code: the main thread leaves first, a worker last. Python lets only the main thread
    # set handlers, so the main thread must put its handler back when it leaves; left in
    # place, the next Ctrl-C chained to itself (RecursionError) instead of stopping.
    import threading

    from migsdg._guard import plugin_code

    before = signal.getsignal(signal.SIGINT)
    worker_in, main_out = threading.Event(), threading.Event()

    def worker() -> None:
        with plugin_code():
            worker_in.set()
            main_out.wait(10)

    thread = threading.Thread(target=worker)
    with plugin_code():
        assert signal.getsignal(signal.SIGINT) is not before  # watched while it runs
        thread.start()
        assert worker_in.wait(10)
    assert signal.getsignal(signal.SIGINT) is before  # the main thread has left
    main_out.set()
    thread.join(10)
    assert signal.getsignal(signal.SIGINT) is before

    def ctrl_c_in_plugin_code() -> None:
        with plugin_code():
            signal.raise_signal(signal.SIGINT)
            time.sleep(5)

    with pytest.raises(KeyboardInterrupt):
        ctrl_c_in_plugin_code()
    assert signal.getsignal(signal.SIGINT) is before
