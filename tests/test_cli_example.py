"""``migsdg example``: write out an example plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.examples import example_text, load_example


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_the_examples_with_their_titles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "example", "--list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["national", "provincial"]
    assert load_example("provincial").title in lines[1]


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_writes_the_yaml_example_as_shipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = tmp_path / f"plan{suffix}"
    code, out, err = run(capsys, "example", "national", "-o", str(target))
    assert code == 0
    assert out == ""
    assert f"wrote example 'national' to {target}" in err
    assert target.read_text(encoding="utf-8") == example_text("national")  # comments kept


def test_writes_json_that_loads_to_the_same_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    assert run(capsys, "example", "provincial", "-o", str(target))[0] == 0
    assert migsdg.load_plan(target) == load_example("provincial")


def test_without_output_prints_the_yaml(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "example", "provincial")
    assert code == 0
    assert out == example_text("provincial")


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    code, _, err = run(capsys, "example", "national", "-o", str(target))
    assert code == 2
    assert err == f"migsdg: error: {target} exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "my own work\n"
    code, _, _ = run(capsys, "example", "national", "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") == example_text("national")


def test_unknown_name_exits_2_naming_the_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "example", "regional", "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert out == ""
    assert "unknown example 'regional'; the examples are: national, provincial" in err
    assert not (tmp_path / "x.yaml").exists()


def test_unsupported_suffix_and_missing_name_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "example", "national", "-o", str(tmp_path / "plan.xlsx"))
    assert code == 2
    assert "write the example as .yaml, .yml or .json" in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = run(capsys, "example")
    assert code == 2
    assert "give an example NAME (or --list)" in err


def test_a_missing_folder_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "example", "national", "-o", str(tmp_path / "no" / "plan.yaml"))
    assert code == 2
    assert "Traceback" not in err


def test_the_written_example_checks_clean_from_the_console(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    write = subprocess.run(
        [sys.executable, "-m", "migsdg", "example", "national", "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert write.returncode == 0, write.stderr
    check = subprocess.run(
        [sys.executable, "-m", "migsdg", "check", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
