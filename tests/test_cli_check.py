"""``migsdg check``: exit codes, text and JSON output, rule listing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from planbuilders import clean_plan, with_intervention


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _write(tmp_path: Path, plan: migsdg.ActionPlan, name: str = "plan.yaml") -> str:
    path = tmp_path / name
    migsdg.save_plan(plan, path)
    return str(path)


def _n_ap_rules() -> int:
    return len(migsdg.plugins.get_host().checks().selected(["AP"]))


def _broken() -> migsdg.ActionPlan:
    plan = with_intervention(clean_plan(), 1, rationale="", coordination="")
    return with_intervention(plan, 0, outcomes=())


def test_clean_plan_exits_0_with_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, clean_plan())
    code, out, err = run(capsys, "check", path, "--select", "AP")
    assert code == 0
    assert err == ""
    assert out == f"{path}: no findings ({_n_ap_rules()} rules run)\n"


def test_warnings_only_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, with_intervention(clean_plan(), 0, coordination=""))
    code, out, _ = run(capsys, "check", path, "--select", "AP")
    assert code == 0
    assert out.splitlines()[-1] == f"{path}: 1 warning ({_n_ap_rules()} rules run)"


def test_errors_exit_1_and_text_groups_by_intervention(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, _broken())
    code, out, _ = run(capsys, "check", path, "--select", "AP")
    assert code == 1
    lines = out.splitlines()
    heads = [line for line in lines if line and not line.startswith(" ")]
    assert heads == [
        "Plan 'plan-test'",
        "Intervention 'iv-1': Intervention iv-1  (interventions[0])",
        "Intervention 'iv-2': Intervention iv-2  (interventions[1])",
        f"{path}: 2 errors, 2 warnings ({_n_ap_rules()} rules run)",
    ]
    iv2 = lines[lines.index(heads[2]) + 1 :]
    assert iv2[0] == (
        "  error   AP102 interventions[1].rationale: intervention 'iv-2' has no rationale"
    )
    assert iv2[1].startswith("          hint: Explain why this intervention")
    assert any(
        line.startswith("  warning AP503 interventions[1].coordination: intervention 'iv-2'")
        for line in iv2
    )
    plan_block = lines[1 : lines.index(heads[1])]
    assert plan_block[0].startswith("  warning AP702 status: the plan is adopted but the checks")


def test_json_output_is_the_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, _broken(), "plan.json")
    code, out, _ = run(capsys, "check", path, "--format", "json", "--ignore", "RV")
    assert code == 1
    data = json.loads(out)
    expected = migsdg.check(migsdg.load_plan(path), ignore=["RV"]).to_dict()
    assert data == expected
    assert data["format"] == "migsdg-check-report"
    assert data["version"] == 1
    assert data["summary"]["error"] == 2


def test_select_and_ignore_accept_lists(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, _broken())
    code, out, _ = run(
        capsys, "check", path, "--format", "json", "--select", "AP1,AP5", "--ignore", "AP105"
    )
    data = json.loads(out)
    assert code == 1
    assert {f["code"] for f in data["findings"]} == {"AP102", "AP503"}
    assert all(c[:3] in ("AP1", "AP5") and c != "AP105" for c in data["rules_run"])


def test_ignoring_the_errors_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, _broken())
    code, _, _ = run(capsys, "check", path, "--ignore", "AP10,AP7", "--ignore", "RV")
    assert code == 0


def test_unloadable_plan_exits_2_listing_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: p\ninterventions:\n  - id: a\n    timeframe: {end: soon}\n  - id: b\n    tpye: x\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert "interventions[0].timeframe.end" in err
    assert "interventions[1]" in err and "tpye" in err


@pytest.mark.parametrize(
    "content", ["a: [1, 2", "", "\x00\x01binary"], ids=["broken", "empty", "binary"]
)
def test_malformed_files_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith("migsdg: error:")
    assert "Traceback" not in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in err


def test_no_plan_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check")
    assert code == 2
    assert "PLAN" in err


def test_unknown_code_prefix_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", _write(tmp_path, clean_plan()), "--select", "ZZ9")
    assert code == 2
    assert "no check rule code starts with 'ZZ9'" in err


def test_list_rules_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--list-rules", "--select", "AP4")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [f"AP40{k}" for k in range(1, 8)]
    assert re.match(r"AP402\s+warning\s+funding-gap\s+Interventions whose", lines[1])


def test_list_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--list-rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    by_code = {r["code"]: r for r in rows}
    assert by_code["AP702"] == {
        "code": "AP702",
        "name": "adopted-without-errors",
        "severity": "warning",
        "plugin": "core",
        "summary": by_code["AP702"]["summary"],
    }
    assert len(rows) == len(list(migsdg.plugins.get_host().checks()))


@pytest.mark.parametrize("name", ["national", "provincial"])
def test_examples_check_without_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    from migsdg.examples import example_text

    path = tmp_path / f"{name}.yaml"
    path.write_text(example_text(name), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--format", "json")
    report = json.loads(out)
    errors = [
        f"{f['code']} {f['location']}" for f in report["findings"] if f["severity"] == "error"
    ]
    assert errors == []
    assert code == 0


_CRITERIA_FIELDS = {
    "AP101": ("description", "type", "form"),
    "AP102": ("rationale",),
    "AP103": ("roles",),
    "AP104": ("timeframe.start", "timeframe.end"),
    "AP105": ("outputs", "outcomes"),
    "AP106": ("supporting_activities",),
    "AP107": ("resources", "funding"),
    "AP108": ("monitoring",),
}


def test_incomplete_draft_names_each_missing_criterion_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    draft = Path(__file__).parent / "data" / "incomplete_draft.yaml"
    code, out, _ = run(capsys, "check", str(draft), "--format", "json")
    assert code == 1
    findings = json.loads(out)["findings"]
    for criterion, fields in _CRITERIA_FIELDS.items():
        mine = [f for f in findings if f["code"] == criterion]
        assert mine, f"no {criterion} finding"
        for f in mine:
            head, _, field = f["location"].partition("].")
            assert re.fullmatch(r"interventions\[\d+", head)
            assert field in fields
            assert repr(f["intervention"]) in f["message"]
