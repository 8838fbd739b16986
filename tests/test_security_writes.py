"""Writing without losing data: concurrent commands, hand edits, read-only files, signals
and a full disk, each tried with real processes where the behaviour is about processes.

docs/security.md names these test ids.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import migsdg
from migsdg._atomic import (
    ChangedOnDiskError,
    ReadOnlyFileError,
    atomic_write_text,
    guarded_update,
)
from migsdg.cli import main
from migsdg.examples import example_text
from migsdg.io import load_plan
from review_plans import national_plan

TEMPLATE = "labour.fair-recruitment"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "migsdg", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".old")))


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(example_text("national"), "utf-8")
    return path


# -- concurrent read-modify-write -----------------------------------------------------------


@pytest.mark.parametrize("processes", [3, pytest.param(8, marks=pytest.mark.slow)])
def test_concurrent_adds_lose_no_update(processes: int, example_file: Path) -> None:
    """``migsdg add`` processes on one plan at once (eight in the full set): every one
    that reports success is in the file (they take turns on the lock; none is silently
    lost)."""
    before = len(load_plan(example_file).interventions)
    ids = [f"iv-concurrent-{i}" for i in range(processes)]
    procs = [
        run_cli("add", str(example_file), "--template", TEMPLATE, "--id", new_id) for new_id in ids
    ]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    for code, _, err in results:
        assert "Traceback" not in err
        assert code in (0, 2), err
    succeeded = [i for i, (code, _, _) in zip(ids, results, strict=True) if code == 0]
    after = [iv.id for iv in load_plan(example_file).interventions]
    assert len(after) == before + len(succeeded)
    assert set(succeeded) <= set(after)
    # With the lock, refusals only come from a timeout: none in a run this size.
    assert succeeded == ids
    assert leftovers(example_file.parent) == []


def test_concurrent_status_changes_and_adds_keep_both(example_file: Path) -> None:
    plan = national_plan()
    path = migsdg.save_plan(plan, example_file.with_name("draft.yaml"))
    procs = [
        run_cli("status", str(path), "submit", "--author", "Planning unit", "--date", "2025-03-01"),
        run_cli("add", str(path), "--template", TEMPLATE, "--id", "iv-added"),
    ]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], results
    final = load_plan(path)
    assert final.status.value == "in_review"
    assert "iv-added" in {iv.id for iv in final.interventions}


def test_a_hand_edit_after_reading_is_never_overwritten(tmp_path: Path) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.yaml")
    with guarded_update(path):
        plan = load_plan(path)
        edited = path.read_text("utf-8").replace("National Migration", "Edited by hand")
        path.write_text(edited, "utf-8")  # an editor saves while the command works
        with pytest.raises(ChangedOnDiskError, match="changed on disk"):
            migsdg.save_plan(plan, path)
    assert path.read_text("utf-8") == edited
    assert leftovers(tmp_path) == []


def test_a_command_writing_twice_inside_the_guard_is_not_refused(tmp_path: Path) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.yaml")
    with guarded_update(path):
        migsdg.save_plan(national_plan(title="First"), path)
        migsdg.save_plan(national_plan(title="Second"), path)
    assert load_plan(path).title == "Second"


def test_a_lock_held_by_another_process_refuses_after_the_timeout(tmp_path: Path) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.yaml")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from migsdg._atomic import guarded_update
                with guarded_update({str(path)!r}):
                    print("locked", flush=True)
                    time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ChangedOnDiskError, match="another migsdg command"):  # noqa: SIM117
            with guarded_update(path, timeout=0.5):
                pass  # pragma: no cover - the lock is not granted
    finally:
        holder.kill()
        holder.wait()


def test_concurrent_import_over_a_plan_is_serialised(tmp_path: Path) -> None:
    workbook = tmp_path / "plan.xlsx"
    migsdg.export(national_plan(), workbook)
    out = tmp_path / "imported.yaml"
    procs = [run_cli("import", str(workbook), "-o", str(out), "--force") for _ in range(3)]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    assert load_plan(out).id == national_plan().id
    assert leftovers(tmp_path) == []


# -- read-only files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["add", "{plan}", "--template", TEMPLATE, "--id", "iv-new"],
        ["status", "{plan}", "amend", "--summary", "More", "--author", "PIOJ"],
        ["export", "{plan}", "-o", "{plan}.json", "--force"],
    ],
    ids=["add", "status-amend", "export"],
)
def test_a_read_only_file_is_refused_and_kept(
    command: list[str], example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = (
        Path(command[command.index("-o") + 1].format(plan=example_file))
        if "-o" in (command)
        else example_file
    )
    if target != example_file:
        target.write_text("{}", "utf-8")
    target.chmod(0o444)
    before = target.read_bytes()
    code = main([arg.format(plan=example_file) for arg in command])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "read-only" in err and str(target) in err and "Traceback" not in err
    assert target.read_bytes() == before
    assert target.stat().st_mode & 0o777 == 0o444
    assert leftovers(example_file.parent) == []


def test_a_writable_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("x", "utf-8")
    path.chmod(0o640)
    atomic_write_text(path, "y")
    assert path.stat().st_mode & 0o777 == 0o640


def test_read_only_refusal_is_the_library_error(tmp_path: Path) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.yaml")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFileError) as info:
        migsdg.save_plan(national_plan(title="New"), path)
    assert isinstance(info.value, migsdg.MigsdgError)


# -- signals --------------------------------------------------------------------------------

#: A child that runs ``migsdg export`` and stops just before the temporary file replaces
#: the target, saying so on stdout, so the signal arrives while the temporary file exists.
#: Only the replacement of the target itself pauses (not other files written on the way,
#: such as a catalogue compiled on first use), so the child ends without waiting.
SLOW_EXPORT = """
import os, signal, sys, time
# As in a terminal: Ctrl-C raises KeyboardInterrupt (a background parent may ignore SIGINT).
signal.signal(signal.SIGINT, signal.default_int_handler)
import migsdg._atomic as atomic
real_replace = os.replace
target = os.path.abspath(sys.argv[2])
def slow_replace(src, dst):
    if os.path.abspath(os.fspath(dst)) != target:  # another file: no pause
        return real_replace(src, dst)
    print("replacing", src, flush=True)
    time.sleep(60)  # the parent's signal ends this at once
    real_replace(src, dst)
atomic.os.replace = slow_replace
from migsdg.cli import main
sys.exit(main(["export", sys.argv[1], "-o", sys.argv[2], "--force"]))
"""


_TERM, _INT = (signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)


# Each writer and each signal once in the fast set; every pair in the full set.
@pytest.mark.parametrize(
    ("suffix", "sig", "code"),
    [
        (".xlsx", *_TERM),
        (".docx", *_INT),
        (".json", *_TERM),
        pytest.param(".xlsx", *_INT, marks=pytest.mark.slow),
        pytest.param(".docx", *_TERM, marks=pytest.mark.slow),
        pytest.param(".json", *_INT, marks=pytest.mark.slow),
    ],
)
def test_a_signal_during_export_leaves_no_temporary_file(
    sig: signal.Signals, code: int, suffix: str, example_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"plan{suffix}"
    out.write_bytes(b"the previous export")
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(example_file), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("replacing"), child.communicate()
    tmp = Path(line.split()[1])
    assert tmp.exists()
    child.send_signal(sig)
    assert child.wait(timeout=60) == code
    assert "Traceback" not in child.communicate()[1]
    assert not tmp.exists()
    assert leftovers(tmp_path) == []
    assert list((tmp_path / "tmp").iterdir()) == []
    assert out.read_bytes() == b"the previous export"


# -- a full disk ----------------------------------------------------------------------------

#: A child whose files may not grow past a limit: writes fail as on a full disk (EFBIG
#: rather than ENOSPC, through the same code paths).
LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from migsdg.cli import main
sys.exit(main(["export", sys.argv[1], "-o", sys.argv[2], "--force"]))
"""


#: No export of the example fits under this many bytes (so that limit always fails).
SMALLEST_LIMIT = 5_000


# The smallest limit in the fast set; the limits where a part may just fit in the full set.
@pytest.mark.parametrize(
    "limit",
    [
        SMALLEST_LIMIT,
        pytest.param(40_000, marks=pytest.mark.slow),
        pytest.param(90_000, marks=pytest.mark.slow),
    ],
)
# The two documents people circulate in the fast set; every writer in the full set.
@pytest.mark.parametrize(
    "suffix",
    [
        ".xlsx",
        ".docx",
        pytest.param(".json", marks=pytest.mark.slow),
        pytest.param(".iati.xml", marks=pytest.mark.slow),
    ],
)
def test_a_full_disk_during_export_is_a_clear_error(
    limit: int, suffix: str, example_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"plan{suffix}"
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, str(example_file), str(out), str(limit)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if result.returncode == 0:  # the export fits under this limit
        assert limit != SMALLEST_LIMIT, f"{suffix} fits in {limit} bytes: the test is vacuous"
        assert out.stat().st_size <= limit
        return
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(out) in result.stderr and "too large" in result.stderr.lower()
    assert ".tmp" not in result.stderr
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert list((tmp_path / "tmp").iterdir()) == []
