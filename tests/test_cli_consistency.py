"""The command line behaves the same way across commands: the plan argument, the error
prefix, overwriting, the list of formats, suggestions for typing mistakes, and telling
the user the next step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migsdg.cli import main
from migsdg.examples import example_text
from plugin_packages import install

LADDER = [
    "ladder",
    "--baseline",
    "10",
    "--baseline-year",
    "2020",
    "--target",
    "20",
    "--target-year",
    "2030",
    "--years",
    "2025",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors end the program, as they should
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--format", "json"],
        ["review"],
        ["funding"],
        ["progress"],
        ["status"],
        ["status", "--format", "json"],
        ["add", "--template", "labour.inspection-osh", "--id", "osh-2", "--dry-run"],
        [*LADDER, "--sdg-target", "10.c", "--format", "json"],
        ["export", "-o", "{tmp}/plan.json"],
    ],
)
def test_every_command_reading_a_plan_takes_an_example_as_well(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    from_example = run(capsys, *args, "--example", "national")
    path = tmp_path / "national.yaml"
    path.write_text(example_text("national"), encoding="utf-8")
    if args[0] == "export":
        args = [*args, "--force"]
    if args[0] == "ladder":  # the plan is an option's value
        from_file = run(capsys, *args, "--plan", str(path))
    else:
        from_file = run(capsys, *args, str(path))
    assert from_example[0] in (0, 1)
    # The same plan gives the same output, but for the name of where it came from.
    assert from_example[1].replace("example 'national'", str(path)) == from_file[1]


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "plan.yaml", "--example", "national"],
        ["review"],
        ["export", "--example", "national"],
        ["example"],
        ["check", "--format", "xml", "--example", "national"],
        ["chek"],
        ["check", "--selct", "AP1"],
        ["export", "--example", "nowhere", "-o", "x.docx"],
    ],
)
def test_every_usage_error_has_the_one_prefix_and_exit_2(
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    messages = [line for line in err.splitlines() if not line.startswith(("usage:", " "))]
    assert messages and all(line.startswith("migsdg: error: ") for line in messages), err
    assert "Traceback" not in err


def test_mistyped_commands_options_and_choices_get_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "(did you mean 'check'?)" in run(capsys, "chek", "plan.yaml")[2]
    assert "(did you mean '--select'?)" in run(capsys, "check", "--selct", "AP1")[2]
    assert "(did you mean '--list-formats'?)" in run(capsys, "export", "--list-fromats")[2]
    err = run(capsys, "check", "--example", "national", "--format", "jsn")[2]
    assert "(did you mean 'json'?)" in err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--example", "national", "-o", "{out}"],
        ["workbook", "-o", "{out}"],
        ["example", "national", "-o", "{out}"],
        ["schema", "-o", "{out}"],
        ["status", "--example", "national", "submit", "--author", "A", "-o", "{out}"],
        ["add", "--example", "national", "--template", "labour.inspection-osh", "-o", "{out}"],
        [
            *LADDER,
            "--example",
            "national",
            "--sdg-target",
            "10.c",
            "--write",
            "--author",
            "A",
            "-o",
            "{out}",
        ],
    ],
)
def test_every_writing_command_keeps_an_existing_file_unless_forced(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = {"workbook": ".xlsx", "export": ".docx", "schema": ".docx"}.get(command[0], ".yaml")
    out = tmp_path / f"mine{suffix}"
    out.write_bytes(b"someone's work")
    args = [a.replace("{out}", str(out)) for a in command]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err == f"migsdg: error: {out} exists; use --force to overwrite it\n"
    assert out.read_bytes() == b"someone's work"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    code, _, _ = run(capsys, *args, "--force")
    assert code == 0 and out.read_bytes() != b"someone's work"


def test_export_lists_its_formats_with_suffixes_options_and_plugin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", "--list-formats")
    assert (code, err) == (0, "")
    assert "docx  .docx  [core]" in out
    assert "xlsx  .xlsx  [core]" in out
    assert "opensdg  (folder, by name only)  [core]" in out
    assert "options: language, template, sections, omit" in out
    for name in ("iati", "json"):
        assert f"\n{name}  " in out


def test_add_on_an_adopted_plan_says_what_it_did_and_the_amend_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "national.yaml"
    path.write_text(example_text("national"), encoding="utf-8")  # an amended plan
    code, out, _ = run(
        capsys, "add", str(path), "--template", "labour.inspection-osh", "--id", "osh-2"
    )
    assert code == 0
    assert f"added intervention 'osh-2' from template labour.inspection-osh to {path}" in out
    assert "note: the plan is amended; an adopted plan changes only by amendment" in out
    step = f'migsdg status {path} amend --author NAME --summary "Added intervention osh-2'
    assert step in out


FAILING_RULE = """
from migsdg.plugin import Hit, Severity, hookimpl, rule

@rule("BRK101", "breaks", severity=Severity.ERROR, summary="s", why="w")
def breaks(ctx):
    raise RuntimeError("the rule cannot read this plan")

@hookimpl
def migsdg_register_checks(register):
    register(breaks)
"""


def test_a_failing_plugin_check_does_not_block_the_word_draft_and_says_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install(
        tmp_path, monkeypatch, entry_point="breaker", module="migsdg_breaker", source=FAILING_RULE
    )
    out = tmp_path / "draft.docx"
    code, stdout, err = run(
        capsys, "export", "--example", "national", "-o", str(out), "--review-copy"
    )
    assert code == 0 and stdout == f"{out}\n" and out.stat().st_size > 0
    assert "check BRK101 (breaks) of plugin 'breaker' failed and was skipped" in err
    assert "--omit findings, or MIGSDG_DISABLE_PLUGINS=breaker" in err
    # The checks report it too, in JSON, with exit 2.
    code, stdout, _ = run(capsys, "check", "--example", "national", "--format", "json")
    assert code == 2
    assert json.loads(stdout)["failures"][0]["plugin"] == "breaker"
