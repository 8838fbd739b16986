"""``migsdg add``: a template instance appended to a plan file, the rest of the file kept.

With every bundled template on the national example, the plan still loads, and the new
intervention's error findings are exactly those a template cannot know — its dates, its
costs and funding, and the actors still to be bound — each named by the findings.

The command's work is :meth:`InterventionTemplate.add_to` plus the file edit. Every
template goes through ``add_to`` on the national example loaded once (parsing that file
takes about a second); the command itself runs on the national file once and on small
plans for everything else. What a template cannot know is defined once, in
:func:`migsdg.testing.expected_template_errors`, which the plugin contract uses too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any

import pytest

import migsdg
from migsdg.cli import main
from migsdg.examples import example_text
from migsdg.plugins import get_host
from migsdg.templates import InterventionTemplate
from migsdg.testing import (
    expected_template_errors,
    intervention_errors,
    round_trip,
    sample_plan,
)

#: A plan actor of the national example for every actor slot of the bundled templates.
NATIONAL_ACTORS = {
    "labour-ministry": "mlss",
    "labour-inspectorate": "mlss",
    "social-security-institution": "mlss",
    "statistics-office": "statin",
    "employers-organisations": "jef",
    "workers-organisations": "jctu",
    "migrant-associations": "gjdc",
    "foreign-affairs-ministry": "mfaft",
    "ilo": "ilo",
    "iom": "iom",
    "who": "unrco",
    "unesco": "unrco",
    "unhcr": "unrco",
    "world-bank": "unrco",
    "ifad": "ifad",
    "education-ministry": "heart",
    "local-education-authorities": "heart",
    "schools": "heart",
    "education-statistics-unit": "statin",
    "teacher-training-institutions": "uwi",
    "teachers-organisations": "jctu",
    "recognition-authority": "heart",
    "universities": "uwi",
    "tvet-authority": "heart",
    "training-providers": "heart",
    "scholarship-agency": "heart",
    "training-institutions": "uwi",
    "local-governments": "ksamc",
    "health-ministry": "mohw",
    "health-information-unit": "mohw",
    "health-insurance-agency": "mohw",
    "local-health-services": "ksamc",
    "health-professional-regulators": "mohw",
    "health-workers-organisations": "nurses-association",
    "migration-authority": "pica",
    "data-protection-authority": "pioj",
    "civil-society": "jctu",
    "central-bank": "boj",
    "finance-ministry": "mofps",
    "debt-management-office": "mofps",
    "financial-regulator": "boj",
    "remittance-providers": "jba",
    "banks": "jba",
    "diaspora-institution": "mfaft",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _bundled() -> list[InterventionTemplate]:
    sectors = ("labour", "health", "education", "finance")
    return sorted(
        (t for t in get_host().templates().values() if t.plugin in sectors), key=lambda t: t.id
    )


@pytest.fixture(scope="module")
def national_plan() -> migsdg.ActionPlan:
    return sample_plan("national")


def _only_insertions(before: str, after: str) -> bool:
    ops = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in ops.get_opcodes())


def test_the_slot_table_covers_every_bundled_template(national_plan: migsdg.ActionPlan) -> None:
    actors = {a.id for a in national_plan.actors}
    for t in _bundled():
        assert set(t.slots) <= set(NATIONAL_ACTORS), t.id
    assert set(NATIONAL_ACTORS.values()) <= actors


@pytest.mark.parametrize("template", _bundled(), ids=lambda t: t.id)
def test_each_bundled_template_unbound_leaves_only_what_it_cannot_know(
    template: InterventionTemplate, national_plan: migsdg.ActionPlan
) -> None:
    plan = round_trip(template.add_to(national_plan))
    iv = plan.interventions[-1]
    assert plan.interventions[:-1] == national_plan.interventions
    assert iv == template.instantiate(objectives=iv.objectives)
    assert iv.objectives == tuple(
        o.id for o in plan.objectives if set(o.targets) & set(template.targets)
    )
    errors = intervention_errors(plan, iv.id)
    assert errors == expected_template_errors(plan, iv)
    assert {code for code, _ in errors if code.startswith("AP1")} == {"AP104", "AP107"}


@pytest.mark.parametrize("template", _bundled(), ids=lambda t: t.id)
def test_each_bundled_template_bound_and_dated_lacks_only_amounts(
    template: InterventionTemplate, national_plan: migsdg.ActionPlan
) -> None:
    actors = {slot: NATIONAL_ACTORS[slot] for slot in template.slots}
    plan = round_trip(
        template.add_to(
            national_plan,
            id="new-iv",
            actors=actors,
            start=dt.date(2026, 1, 1),
            end=dt.date(2028, 12, 31),
        )
    )
    iv = plan.interventions[-1]
    assert {r.actor for r in iv.roles} <= set(actors.values())
    report = migsdg.check(plan)
    assert (
        intervention_errors(plan, "new-iv", report=report)
        == expected_template_errors(plan, iv)
        == {("AP107", "resources"), ("AP107", "funding")}
    )
    # Its supporting activities are not costed either, but the guide says they "should"
    # be budgeted: each is a warning (AP401), not an error.
    index = len(plan.interventions) - 1
    assert {
        f.location for f in report.warnings if f.code == "AP401" and f.intervention == "new-iv"
    } == {
        f"interventions[{index}].supporting_activities[{k}].cost"
        for k, activity in enumerate(iv.supporting_activities)
        if activity.cost is None
    }
    # The template's own plugin has nothing to object to, apart from the interim target
    # for 4.b that only the plan can set.
    own = [
        f.code
        for f in report.findings
        if f.intervention == "new-iv" and f.code[:3] in ("LAB", "HLT", "EDU", "FIN")
    ]
    assert own in ([], ["EDU102"])


# -- the command on the national example ------------------------------------------------


def test_add_on_the_national_example_keeps_the_file_and_names_what_is_left(
    tmp_path: Path, national_plan: migsdg.ActionPlan, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "national.yaml"
    before = example_text("national")
    path.write_text(before, encoding="utf-8")
    code, out, err = run(
        capsys,
        "add",
        str(path),
        "--template",
        "labour.inspection-osh",
        "--actor",
        "labour-inspectorate=mlss",
        "--start",
        "2026-01-01",
        "--end",
        "2027-12-31",
    )
    assert (code, err) == (0, "")
    after = path.read_text(encoding="utf-8")
    assert _only_insertions(before, after)  # comments and layout of the plan are kept
    assert after.startswith("# Migration-SDG Action Plan: a national example")
    plan = migsdg.load_plan(path)
    assert plan.interventions[:-1] == national_plan.interventions
    iv = plan.interventions[-1]
    assert iv.id == "inspection-osh" and iv.objectives == ("obj-labour",)
    assert intervention_errors(plan, iv.id) == expected_template_errors(plan, iv)

    lines = out.splitlines()
    assert (
        lines[0]
        == f"added intervention 'inspection-osh' from template labour.inspection-osh to {path}"
    )
    assert lines[1] == "linked to objectives: obj-labour"
    # The national example is amended: the command names the amend step that records it.
    assert lines[2].startswith("note: the plan is amended; an adopted plan changes only by ")
    assert lines[3] == (
        f'  migsdg status {path} amend --author NAME --summary "Added intervention '
        'inspection-osh (labour.inspection-osh)"'
    )
    assert lines[4] == (
        "actor slots still to bind (--actor SLOT=ACTOR_ID, or add actors with these ids): "
        "workers-organisations, employers-organisations, migrant-associations, "
        "statistics-office"
    )
    n = len(plan.interventions) - 1
    assert lines[5].startswith("still to complete in 'inspection-osh' (")
    assert (
        f"  error   AP107  interventions[{n}].funding: intervention 'inspection-osh' has no "
        "funding arrangements" in lines
    )
    assert (
        f"  error   AP501  interventions[{n}].roles[1].actor: intervention 'inspection-osh' "
        "refers to actor 'workers-organisations', which is not among the plan's actors"
    ) in lines
    assert not any("AP104" in line for line in lines)  # dates were given


# -- the command on small plans ---------------------------------------------------------

SMALL = """\
# A small plan
id: small
objectives:
  - id: obj-labour
    targets: ["8.8", "10.7"]
  - id: obj-health
    targets: ["3.8"]
actors:
  - id: mol
    name: Ministry of Labour
    kind: government
interventions:
  - id: existing
    title: Something already planned  # kept as written
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_add_appends_in_place_and_links_objectives_by_target(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "add",
        str(small),
        "--template",
        "labour.fair-recruitment",
        "--actor",
        "labour-ministry=mol",
    )
    assert (code, err) == (0, "")
    text = small.read_text(encoding="utf-8")
    assert text.startswith(SMALL)  # appended after the last intervention, which ends the file
    plan = migsdg.load_plan(small)
    iv = plan.interventions[-1]
    assert iv.objectives == ("obj-labour",)
    assert {r.actor for r in iv.roles if r.stage.value == "design" and r.role.value == "lead"} == {
        "mol"
    }
    assert "linked to objectives: obj-labour" in out


def test_a_duplicate_intervention_id_is_refused_and_the_file_left_alone(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "add", str(small), "--template", "labour.fair-recruitment", "--id", "existing"
    )
    assert code == 2
    assert "the plan already has an intervention 'existing'; choose another id with --id" in err
    assert small.read_text(encoding="utf-8") == SMALL


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--actor", "labour-ministry"], "--actor 'labour-ministry': write it as SLOT=ACTOR_ID"),
        (
            ["--actor", "labour-minstry=mol"],
            "unknown actor slot of template labour.fair-recruitment 'labour-minstry' (did you "
            "mean labour-ministry",
        ),
        (["--actor", "labour-ministry=mo"], "--actor unknown plan actor 'mo' (did you mean mol?)"),
        (
            ["--objective", "obj-labor"],
            "--objective unknown plan objective 'obj-labor' (did you mean obj-labour",
        ),
        (
            ["--start", "2027-01-01", "--end", "2026-01-01"],
            "the start date 2027-01-01 is after the end date 2026-01-01",
        ),
        (["--template", "labour.nothing"], "unknown template 'labour.nothing'"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(
    extra: list[str], message: str, small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", str(small), "--template", "labour.fair-recruitment", *extra)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert small.read_text(encoding="utf-8") == SMALL


def test_a_bad_date_is_a_usage_error(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["add", str(small), "--template", "labour.fair-recruitment", "--start", "2026-13-01"])
    assert info.value.code == 2
    assert "'2026-13-01' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_a_plan_that_does_not_load_is_reported_and_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: p\ninterventions:\n  - id: a\n    type: nonsense\n", encoding="utf-8")
    code, _, err = run(capsys, "add", str(path), "--template", "labour.fair-recruitment")
    assert code == 2 and "interventions[0].type" in err
    assert path.read_text(encoding="utf-8").endswith("type: nonsense\n")


def test_workbooks_are_refused_with_a_way_forward(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", str(tmp_path / "plan.xlsx"), "--template", "health.who-code")
    # A workbook is not changed in place; the changed plan can go to a YAML or JSON file.
    assert code == 2 and err.endswith("give one with -o/--output FILE\n")


def test_explicit_objectives_replace_the_default_links(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "add", str(small), "--template", "health.who-code", "--objective", "obj-health"
    )
    assert code == 0 and "linked to objectives: obj-health" in out
    assert migsdg.load_plan(small).interventions[-1].objectives == ("obj-health",)


def test_dry_run_prints_the_intervention_and_writes_nothing(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "add", str(small), "--template", "finance.remittance-costs", "--dry-run"
    )
    assert code == 0
    assert small.read_text(encoding="utf-8") == SMALL
    assert out.startswith("- id: remittance-costs\n  title: National remittance plan")
    assert "template: finance.remittance-costs" in out
    assert "still to complete in 'remittance-costs'" in out


def test_json_plans_stay_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(migsdg.load_plan(_write(tmp_path, SMALL)), path)
    code, _, _ = run(capsys, "add", str(path), "--template", "education.scholarships")
    assert code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["interventions"][-1]["template"] == "education.scholarships"
    assert migsdg.load_plan(path).interventions[-1].id == "scholarships"


def _write(tmp_path: Path, text: str, name: str = "src.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "layout_kept"),
    [
        ("# my plan\nid: p\n", True),  # no interventions yet: a list is added at the end
        ("id: p\ninterventions: []  # none yet\nactors: []\n", True),
        ("id: p\ninterventions:\n- id: a\n# trailing note\nactors: []\n", True),
        ("id: p\r\ninterventions:\r\n  - id: a\r\n", True),  # Windows line ends kept
        ("\ufeffid: p\ninterventions:\n  - id: a\n", True),  # a byte-order mark kept
        ("id: p\ninterventions: [{id: a}]\n", False),  # flow style: written out in full
        ("id: p\ninterventions:\n  - id: a\n    notes: |+\n      kept\n\n", False),
    ],
)
def test_yaml_layouts_are_extended_in_place_or_rewritten_safely(
    text: str, layout_kept: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode("utf-8"))
    before = migsdg.load_plan(path)
    code, _, err = run(capsys, "add", str(path), "--template", "labour.fair-recruitment")
    assert code == 0
    after = path.read_bytes().decode("utf-8")
    plan = migsdg.load_plan(path)
    assert plan.interventions[:-1] == before.interventions
    assert plan.interventions[-1].template == "labour.fair-recruitment"
    assert plan.interventions[-1].id == "fair-recruitment"
    if layout_kept:
        assert err == ""
        # An empty flow list "[]" becomes a block list; every other line is kept.
        assert _only_insertions(text.replace(": []  #", ":  #", 1), after)
        assert after.startswith("\ufeff") == text.startswith("\ufeff")
        if "\r\n" in text:
            assert after.count("\n") == after.count("\r\n")
    else:
        assert "comments and layout could not be kept" in err


def test_add_to_is_the_library_call_behind_the_command(small: Path) -> None:
    plan = migsdg.load_plan(small)
    template = get_host().template("health.migrant-inclusive-services")
    new = template.add_to(plan, actors={"health-ministry": "mol"})
    assert [iv.id for iv in new.interventions] == ["existing", "migrant-inclusive-services"]
    assert new.interventions[-1].objectives == ("obj-health",)
    with pytest.raises(migsdg.MigsdgError, match="already has an intervention 'existing'"):
        template.add_to(plan, id="existing")
    args: dict[str, Any] = {"actors": {"health-ministry": "nobody"}}
    with pytest.raises(migsdg.UnknownCodeError, match="unknown plan actor 'nobody'"):
        template.add_to(plan, **args)
