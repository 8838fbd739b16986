"""``--example NAME`` on the commands that change a plan (every ``status`` step, ``add``,
``ladder --write``) and on ``diff``.

An embedded example is never changed where it is installed: a changing command given
``--example`` writes the changed plan to ``-o FILE`` and refuses, with one ``migsdg:
error:`` line and exit 2, without it. ``-o`` follows the rules of every writing command (an
existing file only with ``--force``, a read-only one never) and also works with a plan
file, which is then only read. For ``diff`` the example is the earlier version (OLD).
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.examples import example_path, example_text, load_example
from migsdg.model import PlanStatus

LADDER = (
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
    "2027",
    "--sdg-target",
    "10.c",
)

#: Each command that changes a plan, with --example national, minus -o.
CHANGES = {
    "submit": ["status", "--example", "national", "submit", "--author", "Secretariat"],
    "validate": ["status", "--example", "national", "validate", "--author", "Secretariat"],
    "adopt": ["status", "--example", "national", "adopt", "--author", "Council"],
    "amend": [
        "status",
        "--example",
        "national",
        "amend",
        "--author",
        "Secretariat",
        "--summary",
        "Mid-term review",
    ],
    "add": [
        "add",
        "--example",
        "national",
        "--template",
        "labour.inspection-osh",
        "--id",
        "osh-2",
    ],
    "ladder": [
        "ladder",
        *LADDER,
        "--example",
        "national",
        "--write",
        "--author",
        "Secretariat",
    ],
}

IN_PLACE_REFUSAL = (
    "migsdg: error: --example national: an embedded example is never changed in place; "
    "give -o/--output FILE for the changed plan\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors end the program
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def packaged_examples() -> dict[str, str]:
    """The example folder as installed: every file's name and content hash."""
    folder = Path(str(example_path("national"))).parent
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def untouched_examples() -> object:
    before = packaged_examples()
    yield
    assert packaged_examples() == before


@pytest.mark.usefixtures("untouched_examples")
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_changing_command_refuses_an_example_without_an_output_file(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *CHANGES[change])
    assert (code, out, err) == (2, "", IN_PLACE_REFUSAL)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("untouched_examples")
@pytest.mark.parametrize("change", ["submit", "amend", "add", "ladder"])
def test_a_changing_command_writes_the_changed_example_to_the_output_file(
    change: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.yaml"
    code, stdout, err = run(capsys, *CHANGES[change], "-o", str(out))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]
    before = load_example("national")
    after = migsdg.load_plan(out)
    if change == "submit":
        assert after.status is PlanStatus.IN_REVIEW
        assert len(after.revisions) == len(before.revisions) + 1
        assert "amended → in review" in stdout
    elif change == "amend":
        assert after.revisions[-1].summary == "Mid-term review"
        assert after.revision == before.revision + 1
    elif change == "add":
        assert [iv.id for iv in after.interventions][-1] == "osh-2"
        assert f"to {out}" in stdout
        assert f"migsdg status {out} amend" in stdout  # the next step names the new file
        # The example's own text, comments included, is kept; the intervention is added.
        shipped = example_text("national").splitlines()
        written = out.read_text("utf-8").splitlines()
        edits = difflib.SequenceMatcher(None, shipped, written, autojunk=False).get_opcodes()
        assert {op for op, *_ in edits} == {"equal", "insert"}
    else:
        added = [
            it.id
            for it in after.interim_targets
            if it.id not in {i.id for i in before.interim_targets}
        ]
        assert added == ["interim-10-c-target-2025", "interim-10-c-target-2027"]
        assert after.revisions[-1].author == "Secretariat"  # an amendment of the plan
        assert f"Interim targets added to {out}:" in stdout


@pytest.mark.usefixtures("untouched_examples")
@pytest.mark.parametrize("change", ["validate", "adopt"])
def test_a_step_the_example_cannot_take_is_refused_and_nothing_is_written(
    change: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.yaml"
    code, stdout, err = run(capsys, *CHANGES[change], "-o", str(out))
    assert code == 1 and stdout == ""
    assert f"migsdg: cannot {change} " in err
    assert "only a plan that is" in err  # the amended example must first be submitted
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("untouched_examples")
def test_every_step_from_the_example_to_adoption_through_output_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    submitted, validated, adopted = (tmp_path / f"{n}.yaml" for n in ("a", "b", "c"))
    assert run(capsys, *CHANGES["submit"], "-o", str(submitted))[0] == 0
    kept = submitted.read_bytes()
    code, _, err = run(
        capsys, "status", str(submitted), "validate", "--author", "Board", "-o", str(validated)
    )
    assert code == 0, err
    assert submitted.read_bytes() == kept  # with -o the plan file is only read
    code, stdout, err = run(
        capsys, "status", str(validated), "adopt", "--author", "Council", "-o", str(adopted)
    )
    assert code == 0, err
    assert "validated → adopted" in stdout
    assert migsdg.load_plan(adopted).status is PlanStatus.ADOPTED
    assert migsdg.load_plan(validated).status is PlanStatus.VALIDATED


@pytest.mark.usefixtures("untouched_examples")
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_an_existing_output_file_is_replaced_only_with_force(
    change: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.yaml"
    out.write_bytes(b"someone's work")
    code, stdout, err = run(capsys, *CHANGES[change], "-o", str(out))
    assert (code, stdout, err) == (
        2,
        "",
        f"migsdg: error: {out} exists; use --force to overwrite it\n",
    )
    assert out.read_bytes() == b"someone's work"
    code, _, err = run(capsys, *CHANGES[change], "-o", str(out), "--force")
    assert code in (0, 1), err  # validate and adopt are refused by the workflow (exit 1)
    if code == 0:
        assert migsdg.load_plan(out).id == "jam-msdg-2020"
    else:
        assert out.read_bytes() == b"someone's work"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]


@pytest.mark.parametrize("change", ["submit", "add", "ladder"])
def test_a_read_only_output_file_is_kept_even_with_force(
    change: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.yaml"
    out.write_bytes(b"signed copy")
    out.chmod(0o444)
    code, stdout, err = run(capsys, *CHANGES[change], "-o", str(out), "--force")
    assert code == 2 and stdout == ""
    assert err.startswith(f"migsdg: error: {out} is read-only") and err.count("\n") == 1
    assert out.read_bytes() == b"signed copy"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [*CHANGES["submit"], "-o", "plan.xlsx"],
            "plan.xlsx: a changed plan is written to a .yaml, .yml or .json file",
        ),
        (
            ["status", "--example", "national", "show", "-o", "plan.yaml"],
            "status show writes nothing; -o/--output goes with submit, validate, adopt or amend",
        ),
        (
            ["status", "plan.yaml", "submit", "--example", "national", "-o", "out.yaml"],
            "give a PLAN file or --example NAME (one of the two)",
        ),
        (
            ["ladder", *LADDER, "--example", "national", "-o", "plan.yaml"],
            "-o/--output is where --write writes the plan: add --write, or leave out -o to "
            "see the interim targets only",
        ),
        (
            ["add", "plan.xlsx", "--template", "labour.inspection-osh"],
            "plan.xlsx: a changed plan is written to a .yaml, .yml or .json file; give one "
            "with -o/--output FILE",
        ),
        (
            [*CHANGES["add"], "-o", "plan.yaml", "--example", "nowhere"],
            "unknown example 'nowhere'; the examples are: national, provincial",
        ),
    ],
)
def test_bad_uses_are_one_error_line_and_exit_2(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, *args) == (2, "", f"migsdg: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_output_naming_the_plan_file_changes_it_in_place_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(example_text("national"), encoding="utf-8")
    code, _, err = run(
        capsys, "status", str(path), "submit", "--author", "Secretariat", "-o", str(path)
    )
    assert code == 0, err
    assert migsdg.load_plan(path).status is PlanStatus.IN_REVIEW


@pytest.mark.usefixtures("untouched_examples")
def test_a_workbook_is_read_and_the_changed_plan_written_as_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "plan.xlsx"
    assert run(capsys, "export", "--example", "national", "-o", str(book))[0] == 0
    kept = book.read_bytes()
    out = tmp_path / "plan.yaml"
    code, _, err = run(
        capsys,
        "add",
        str(book),
        "--template",
        "labour.inspection-osh",
        "--id",
        "osh-2",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert book.read_bytes() == kept
    assert migsdg.load_plan(out).interventions[-1].id == "osh-2"


def test_a_dry_run_from_an_example_needs_no_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, *CHANGES["add"], "--dry-run")
    assert code == 0 and out.startswith("- id: osh-2\n")
    assert list(tmp_path.iterdir()) == []
    code, out, _ = run(capsys, "ladder", *LADDER, "--example", "national")
    assert code == 0
    assert "Interim targets would be added to (use --write) example 'national':" in out


# -- diff ---------------------------------------------------------------------------------


def test_diff_takes_the_example_as_the_earlier_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.yaml"
    assert run(capsys, *CHANGES["add"], "-o", str(mine))[0] == 0
    shipped = tmp_path / "national.yaml"
    shipped.write_text(example_text("national"), encoding="utf-8")
    capsys.readouterr()
    from_example = run(capsys, "diff", "--example", "national", str(mine))
    from_files = run(capsys, "diff", str(shipped), str(mine))
    assert from_example == from_files
    assert from_example[0] == 0 and "\n  + osh-2\n" in from_example[1]
    assert run(capsys, "diff", "--example", "national", str(mine), "--exit-code")[0] == 1
    assert run(capsys, "diff", "--example", "national", str(shipped), "--exit-code")[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--example", "national"],
        ["only.yaml"],
        ["--example", "national", "a.yaml", "b.yaml"],
        [],
    ],
)
def test_diff_needs_two_plans_in_one_of_two_ways(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "diff", *args) == (
        2,
        "",
        "migsdg: error: give two plan files, OLD and NEW, or --example NAME (the earlier "
        "version) and NEW\n",
    )


def test_amend_follows_an_example_as_the_previous_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A plan started from the example, changed by hand: the example is the version it
    # amends, given by name as a file would be given with --previous.
    shipped = tmp_path / "national.yaml"
    shipped.write_text(example_text("national"), encoding="utf-8")
    text = example_text("national")
    changed = text.replace("title: >-\n", "title: >-\n  Revised:\n", 1)
    assert changed != text
    results = []
    for previous in (["--previous-example", "national"], ["--previous", str(shipped)]):
        path = tmp_path / "plan.yaml"
        path.write_text(changed, encoding="utf-8")
        code, out, err = run(
            capsys,
            "status",
            str(path),
            "amend",
            *previous,
            "--author",
            "A",
            "--summary",
            "S",
            "--date",
            "2026-01-05",
        )
        assert code == 0, err
        results.append((out, path.read_bytes()))
    assert results[0] == results[1]
    amended = migsdg.load_plan(tmp_path / "plan.yaml")
    assert amended.revision == load_example("national").revision + 1
    assert amended.title.startswith("Revised:")
    assert run(
        capsys,
        "status",
        str(path),
        "amend",
        "--previous-example",
        "national",
        "--previous",
        str(shipped),
        "--author",
        "A",
        "--summary",
        "S",
    ) == (
        2,
        "",
        "migsdg: error: give --previous OLD or --previous-example NAME, not both\n",
    )
