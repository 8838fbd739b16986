from __future__ import annotations

import json
import subprocess
import sys

import pytest

from migsdg import __version__
from migsdg.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_explicit_migration_targets_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "targets", "--migration", "explicit", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    by_code = {r["code"]: r for r in rows}
    assert len(rows) == 10
    assert by_code["10.7"]["text"].startswith("Facilitate orderly")
    assert by_code["10.7"]["migration"]["relation"] == "explicit"


def test_search_finds_remittance_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "targets", "--search", "remittance")
    assert code == 0
    assert out.startswith("10.c ")
    assert len(out.strip().splitlines()) == 1


def test_goal_filter_and_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "targets", "--goal", "10", "--language", "es")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 10
    assert any(line.startswith("10.7") and "Facilitar" in line for line in lines)


def test_unknown_goal_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "targets", "--goal", "99")
    assert code == 2
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "unknown SDG goal '99'" in err
    assert "Traceback" not in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["targets", "--format", "xml"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_no_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_console_script_and_module_run() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "migsdg", "targets", "--goal", "99"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "unknown SDG goal" in proc.stderr
