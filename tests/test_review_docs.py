"""docs/review-and-adoption.md: its code runs, its console example is what the command
prints, and its rule table is the registry's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.plugins import get_host

DOC = Path(__file__).resolve().parents[1] / "docs" / "review-and-adoption.md"


def blocks(language: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    (code,) = blocks("python")
    exec(compile(code, str(DOC), "exec"), {})
    out = capsys.readouterr().out
    assert "prioritized targets covered" in out
    assert "amended" in out


def test_ladder_console_example_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    (example,) = [b for b in blocks("console") if "$ migsdg ladder" in b]
    command, *expected = example.strip().splitlines()
    args = shlex.split(command.removeprefix("$ "))[1:]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_rule_table_matches_the_registry() -> None:
    rows = re.findall(r"^\| (RV\d{3}) \| ([\w-]+) \| (\w+) \|", DOC.read_text("utf-8"), re.M)
    registered = {r.code: r for r in get_host().checks() if r.code.startswith("RV")}
    assert {code for code, _, _ in rows} == set(registered)
    for code, name, severity in rows:
        assert (registered[code].name, registered[code].severity.value) == (name, severity)


def test_commands_in_the_workflow_table_exist() -> None:
    for name in ("review", "funding", "status", "diff", "ladder"):
        assert f"`migsdg {name}" in DOC.read_text("utf-8")
    for function in (
        "review_plan",
        "funding_summary",
        "submit_for_review",
        "record_consultation",
        "mark_validated",
        "adopt",
        "amend",
        "diff_plans",
        "interim_ladder",
        "add_interim_targets",
    ):
        assert callable(getattr(migsdg, function))
        assert f"`migsdg.{function}" in DOC.read_text("utf-8")
