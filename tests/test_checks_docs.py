"""docs/checks.md is generated from the rule registry and must match it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from migsdg import Severity
from migsdg.checks import CheckContext, Hit, rule
from migsdg.plugins import get_host, reset_host
from migsdg.rules_reference import core_rules, main, render
from plugin_packages import FISHERIES, install

DOC = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
REGENERATE = "python -m migsdg.rules_reference -o docs/checks.md"


def test_committed_reference_matches_the_registry() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        f"docs/checks.md is out of date with the rules; regenerate it with: {REGENERATE}"
    )


def test_the_reference_is_the_same_whatever_plugins_are_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = render()
    install(
        tmp_path, monkeypatch, entry_point="fisheries", module="migsdg_fish_docs", source=FISHERIES
    )
    reset_host()
    assert "FSH101" in get_host().checks()  # the plugin is installed and its rule found
    assert render() == expected
    assert main(["-o", str(tmp_path / "checks.md")]) == 0
    assert "FSH101" not in (tmp_path / "checks.md").read_text(encoding="utf-8")
    # Asked for, the installed plugins' rules are listed with the plugin that registered them.
    assert main(["--plugins"]) == 0
    out = capsys.readouterr().out
    assert "### FSH101\n" in out and "registered by **fisheries**" in out
    assert "### LAB101\n" in out


def test_reference_lists_every_core_rule_with_its_why() -> None:
    text = render()
    host_core = [r for r in get_host().checks() if r.plugin == "core"]
    assert [r.code for r in core_rules()] == [r.code for r in host_core]
    for r in host_core:
        assert f"\n### {r.code}\n" in text
        assert f"`{r.name}` · default severity **{r.severity.value}**" in text
        assert r.why in text
    assert "## AP3xx — Timeframes and interim targets" in text
    # The guide's wording is quoted where a rule comes from it.
    assert '"Where interim targets have been set, timeframes of activities' in text


def test_plugin_rules_are_listed_with_their_plugin_and_escaped() -> None:
    @rule("LAB101", "pipe", severity=Severity.INFO, summary="a | b.", why="Because.")
    def lab(ctx: CheckContext) -> Iterator[Hit]:
        return iter(())

    from attrs import evolve

    text = render([*core_rules(), evolve(lab, plugin="labour")])
    assert "| [LAB101](#lab101) | `pipe` | — | info | labour | a \\| b. |" in text
    assert "## LAB1xx — Plugin rules" in text
    assert "registered by **labour**" in text


def test_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "checks.md"
    assert main(["-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render()
    assert main(["--check", str(out)]) == 0
    out.write_text(render() + "edited by hand\n", encoding="utf-8")
    assert main(["--check", str(out)]) == 1
    assert REGENERATE in capsys.readouterr().err
