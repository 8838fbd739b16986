"""What importing migsdg and starting the command line load (not how long they take: the
startup benchmark in benchmarks/ measures that)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import migsdg


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_import_migsdg_loads_only_the_version() -> None:
    mods = loaded_after("import migsdg")
    ours = {m for m in mods if m.startswith("migsdg")}
    assert ours == {"migsdg", "migsdg._version"}
    assert not {"attrs", "cattrs", "typing", "importlib.resources"} & mods


def test_cattrs_is_loaded_when_a_plan_is_first_structured() -> None:
    mods = loaded_after("from migsdg import load_plan, ActionPlan, get_catalogue; get_catalogue()")
    assert "migsdg.io" in mods and "migsdg.model" in mods
    assert "cattrs" not in mods
    assert "importlib.resources" not in mods
    for name in ("review", "diff", "views", "workflow", "checks"):
        assert f"migsdg.{name}" not in mods
    mods = loaded_after("import migsdg.examples as e; e.load_example('national')")
    assert "cattrs" in mods


def test_every_public_name_resolves_to_what_its_module_defines() -> None:
    import importlib

    for name in migsdg.__all__:
        value = getattr(migsdg, name)
        home = migsdg._HOME.get(name)
        if home is not None:
            assert value is getattr(importlib.import_module(home), name)
    assert set(migsdg.__all__) <= set(dir(migsdg))


def test_no_public_function_shadows_a_submodule() -> None:
    # ``import migsdg.review as r`` gives the module, whatever was imported before; the
    # functions are exported under names of their own (review_plan, get_catalogue).
    import pkgutil

    submodules = {m.name for m in pkgutil.iter_modules(migsdg.__path__)}
    assert not submodules & set(migsdg.__all__)
    code = (
        "import migsdg\n"
        "migsdg.review_plan, migsdg.get_catalogue\n"
        "import migsdg.review as r\n"
        "import migsdg.catalogue as c\n"
        "print(type(r).__name__, type(c).__name__, r.review_plan is migsdg.review_plan,"
        " c.get_catalogue is migsdg.get_catalogue)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == ["module", "module", "True", "True"]


def test_submodules_are_reachable_as_attributes() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import migsdg; print(migsdg.model.ActionPlan.__name__)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert out == "ActionPlan"
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        migsdg.nonexistent  # noqa: B018


@pytest.mark.parametrize(
    ("argv", "commands"),
    [
        (["--version"], set()),
        (["targets", "--goal", "10"], {"migsdg.cli.targets"}),
        (["import", "--help"], {"migsdg.cli.import_"}),
    ],
)
def test_the_command_line_imports_only_the_command_given(
    argv: list[str], commands: set[str]
) -> None:
    code = f"import migsdg.cli\ntry:\n    migsdg.cli.main({argv!r})\nexcept SystemExit:\n    pass"
    mods = loaded_after(code)
    assert {m for m in mods if m.startswith("migsdg.cli.")} == commands
    if not commands:
        assert not {"attrs", "migsdg.errors", "migsdg.model"} & mods


def test_help_and_unknown_commands_list_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from migsdg.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for module in COMMANDS:
        assert module.rstrip("_") in out
    with pytest.raises(SystemExit) as exc:
        main(["nope"])
    assert exc.value.code == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_bulk_phases_pause_the_collector_and_restore_it() -> None:
    import gc

    from migsdg._bulk import bulk

    seen: list[bool] = []

    @bulk
    def phase(fail: bool) -> int:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("boom")
        return 3

    assert gc.isenabled()
    assert phase(False) == 3
    with pytest.raises(ValueError, match="boom"):
        phase(True)
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:  # a caller that keeps the collector off keeps it off
        phase(False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    text = migsdg.dumps_plan(migsdg.loads_plan(migsdg.dumps_plan(_example())))
    assert gc.isenabled() and text


def _example() -> migsdg.ActionPlan:
    from migsdg.examples import load_example

    return load_example("national")
