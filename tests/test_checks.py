"""The checks machinery: the report, selection, ordering, post-pass rules, plugin errors."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import docx
import pytest

import migsdg
from migsdg import MigsdgError, Severity
from migsdg._builtin import RULE_MODULES
from migsdg.checks import CheckContext, Hit, Rule, rule, run_checks
from migsdg.checks._core import did_you_mean
from migsdg.plugins import PluginHost, get_host, get_plugin_manager
from planbuilders import clean_plan, intervention, roles, with_intervention

AP_MODULES = [m for m in RULE_MODULES if m.startswith("migsdg.checks.rules") and "review" not in m]


def _broken_plan() -> migsdg.ActionPlan:
    """Findings of all three severities, at interventions 0, 2 and 10 and plan level."""
    plan = clean_plan()
    types = list(migsdg.InterventionType)
    ivs = [
        intervention(
            f"iv-{k}",
            "10.7" if k % 2 else "8.8",
            type=types[k % 6],
            roles=roles(lead=("mol", "pioj")[k // 6]),
        )
        for k in range(11)
    ]
    ivs[0] = attrs.evolve(ivs[0], rationale="")
    ivs[2] = attrs.evolve(ivs[2], rationale="", coordination="")
    ivs[10] = attrs.evolve(ivs[10], rationale="", links=("iv-1",))
    return attrs.evolve(plan, interventions=tuple(ivs), title="")


# -- the report ------------------------------------------------------------------------------


def test_report_json_shape_is_stable() -> None:
    report = migsdg.check(_broken_plan(), select=["AP"])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["format"] == "migsdg-check-report"
    assert data["version"] == 1
    assert set(data) == {"format", "version", "summary", "rules_run", "findings", "failures"}
    assert data["failures"] == []
    assert data["summary"] == {
        "error": len(report.errors),
        "warning": len(report.warnings),
        "info": len(report.findings) - len(report.errors) - len(report.warnings),
    }
    assert data["rules_run"] == list(report.rules_run)
    first = data["findings"][0]
    assert set(first) == {"code", "rule", "severity", "location", "intervention", "message", "hint"}
    rationale = [f for f in data["findings"] if f["code"] == "AP102"]
    assert [f["location"] for f in rationale] == [
        "interventions[0].rationale",
        "interventions[2].rationale",
        "interventions[10].rationale",
    ]
    assert rationale[0]["rule"] == "intervention-rationale"
    assert rationale[0]["severity"] == "error"


def test_findings_sorted_by_severity_then_location_with_numeric_indexes() -> None:
    report = migsdg.check(_broken_plan(), select=["AP"])
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    severities = [order[f.severity] for f in report.findings]
    assert severities == sorted(severities)
    errors = [f.location for f in report.findings if f.severity is Severity.ERROR]
    # interventions[2] sorts before interventions[10]; plan-level "status" after them
    assert errors == [
        "interventions[0].rationale",
        "interventions[2].rationale",
        "interventions[10].rationale",
    ]
    # AP702 (errors left in an adopted plan) is a warning: the guide says the plan
    # "should" be finalized before adoption. Plan-level "status" sorts after the rest.
    warnings = [f.location for f in report.warnings]
    assert warnings == ["interventions[2].coordination", "status", "title"]


def test_counts_and_error_flag() -> None:
    report = migsdg.check(_broken_plan(), select=["AP"])
    assert report.counts() == {"error": 3, "warning": 3, "info": 0}
    assert report.has_errors
    assert not migsdg.check(clean_plan(), select=["AP"]).has_errors


# -- selection -------------------------------------------------------------------------------


def test_select_by_prefix_runs_only_that_group() -> None:
    report = migsdg.check(_broken_plan(), select=["AP1"])
    assert report.rules_run
    assert all(code.startswith("AP1") for code in report.rules_run)
    assert report.codes() == {"AP102"}


def test_ignore_by_prefix_and_exact_code() -> None:
    report = migsdg.check(_broken_plan(), select=["AP"], ignore=["AP10", "AP704"])
    assert not any(c.startswith("AP10") or c == "AP704" for c in report.rules_run)
    assert "AP109" not in report.rules_run
    assert "AP102" not in report.codes()
    assert "AP503" in report.codes()


def test_selection_is_case_and_space_insensitive() -> None:
    assert migsdg.check(clean_plan(), select=[" ap2 "]).rules_run == tuple(
        f"AP20{k}" for k in range(1, 8)
    )


def test_unknown_prefix_is_an_error_naming_it() -> None:
    with pytest.raises(MigsdgError, match="no check rule code starts with 'XY1'"):
        migsdg.check(clean_plan(), ignore=["XY1"])


# -- rules that read the others' findings -----------------------------------------------------


def test_post_pass_rule_sees_the_other_findings_once() -> None:
    seen: list[tuple[str, ...]] = []

    @rule("TS101", "always", severity=Severity.ERROR, summary="s", why="w")
    def always(ctx: CheckContext) -> Iterator[Hit]:
        yield Hit(location="title", message="always")

    @rule("TS201", "count", severity=Severity.INFO, summary="s", why="w", reads_findings=True)
    def count(ctx: CheckContext) -> Iterator[Hit]:
        seen.append(tuple(f.code for f in ctx.findings))
        yield Hit(location="title", message=f"{len(ctx.findings)} before me")

    @rule("TS202", "count-too", severity=Severity.INFO, summary="s", why="w", reads_findings=True)
    def count_too(ctx: CheckContext) -> Iterator[Hit]:
        seen.append(tuple(f.code for f in ctx.findings))
        return iter(())

    report = run_checks(clean_plan(), [count, count_too, always])
    assert report.rules_run == ("TS101", "TS201", "TS202")
    assert seen == [("TS101",), ("TS101",)]  # neither post-pass rule sees the other
    assert [f.message for f in report.findings] == ["always", "1 before me"]


def test_adoption_rule_runs_after_all_others() -> None:
    assert migsdg.check(clean_plan()).rules_run[-1] == "AP702"


# -- plugins ---------------------------------------------------------------------------------


class _BrokenSector:
    @migsdg.hookimpl
    def migsdg_register_checks(self, register: object) -> None:
        @rule("BRK101", "divides-by-zero", severity=Severity.WARNING, summary="s", why="w")
        def bad(ctx: CheckContext) -> Iterator[Hit]:
            yield Hit(location="title", message=str(1 / len(ctx.plan.id[:0])))

        register(bad)  # type: ignore[operator]


def test_rule_raising_in_a_plugin_is_skipped_and_named_in_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pm = get_plugin_manager(entry_points=[])
    pm.register(_BrokenSector(), name="broken_sector")
    monkeypatch.setattr("migsdg.plugins._HOST", PluginHost(pm))
    report = migsdg.check(clean_plan())
    [failure] = report.failures
    assert (failure.plugin, failure.code, failure.rule) == (
        "broken_sector",
        "BRK101",
        "divides-by-zero",
    )
    assert failure.reason.startswith("ZeroDivisionError")
    assert "BRK101" in report.rules_run
    # Ignoring the broken rule lets the others run.
    assert not migsdg.check(clean_plan(), ignore=["BRK"], select=["AP"]).findings


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 check could not run, so this list may be incomplete (checks of: broken_sector)."),
        ("es", "1 verificación no pudo ejecutarse, por lo que esta lista puede estar incompleta"),
    ],
)
def test_a_review_copy_says_which_plugins_checks_could_not_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str, expected: str
) -> None:
    pm = get_plugin_manager(entry_points=[])
    pm.register(_BrokenSector(), name="broken_sector")
    monkeypatch.setattr("migsdg.plugins._HOST", PluginHost(pm))
    path = migsdg.export(clean_plan(), tmp_path / "plan.docx", language=language, review_copy=True)
    assert path is not None
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any(t.startswith(expected) for t in texts)
    assert not any("BRK101" in t or "divides-by-zero" in t for t in texts)


# -- the rules' own metadata -------------------------------------------------------------------


def test_core_rules_are_documented_and_grouped_by_hundreds() -> None:
    names: set[str] = set()
    for module in AP_MODULES:
        rules: tuple[Rule, ...] = importlib.import_module(module).RULES
        hundreds = {r.code[:3] for r in rules}
        assert len(hundreds) == 1, f"{module} mixes groups {sorted(hundreds)}"
        for r in rules:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name), r.name
            assert r.name not in names
            names.add(r.name)
            assert r.summary.endswith(".")
            assert len(r.why) > 40
    host_codes = {r.code for r in get_host().checks()}
    assert {r.code for m in AP_MODULES for r in importlib.import_module(m).RULES} <= host_codes


# -- context helpers --------------------------------------------------------------------------


def test_context_indexes() -> None:
    plan = with_intervention(clean_plan(), 1, targets=("8.8", "10.7"), roles=roles(lead="pioj"))
    ctx = CheckContext(plan)
    assert ctx.interventions_by_target == {"10.7": (0, 1), "8.8": (1,)}
    assert ctx.interventions_by_actor["mol"] == (0,)
    assert ctx.interventions_by_actor["cso"] == (0, 1)
    assert ctx.lead_actor(plan.interventions[1]) == "pioj"
    assert [w for w, _ in ctx.interventions()] == ["interventions[0]", "interventions[1]"]


def test_did_you_mean() -> None:
    assert did_you_mean("budgte", ["budget", "partner"]) == " (did you mean 'budget'?)"
    assert did_you_mean("zzz", ["budget"]) == ""
    assert did_you_mean("a-1", [f"a-{k}" for k in range(1000)]) == ""  # too many to search


def test_suggestions_have_a_budget_per_run() -> None:
    """Thousands of broken references get suggestions for the first ones only, so a badly
    broken plan is still checked quickly."""
    plan = clean_plan()
    actors = [attrs.evolve(plan.actors[0], id=f"ministry-{k}") for k in range(250)]
    ivs = [intervention(f"iv-{k}", "10.7", roles=roles(lead=f"ministry-{k}x")) for k in range(300)]
    report = migsdg.check(
        attrs.evolve(plan, actors=(*plan.actors, *actors), interventions=tuple(ivs)),
        select=["AP501"],
    )
    suggested = [f for f in report.findings if "did you mean" in f.message]
    assert len(report.findings) == 300 * 4
    assert len(suggested) == 100
    assert "did you mean 'ministry-0'" in report.findings[0].message
