"""One temporary file per export, and atomic writer functions all the same.

The export host gives a file exporter a temporary path and puts it in place on success;
the core's exporters write straight to it, with no temporary file of their own inside
(which doubled the disk written and the time a signal waited). Their public writer
functions, called directly from Python, still write atomically: a failure half way leaves
the existing file as it was and nothing beside it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

import migsdg
import migsdg._atomic as atomic
from migsdg.examples import load_example

FORMATS = [".docx", ".xlsx", ".json", ".iati.xml"]


@pytest.fixture(scope="module")
def plan() -> migsdg.ActionPlan:
    return load_example("national")


@pytest.fixture
def temporaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The temporary files made while the test runs (by migsdg or by tempfile users)."""
    made: list[str] = []
    real = tempfile.mkstemp

    def counting(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(name)
        return fd, name

    monkeypatch.setattr(atomic.tempfile, "mkstemp", counting)
    return made


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_export_writes_one_temporary_file_beside_the_target(
    suffix: str, plan: migsdg.ActionPlan, temporaries: list[str], tmp_path: Path
) -> None:
    target = tmp_path / f"plan{suffix}"
    target.write_bytes(b"the previous export")
    options = {"omit": "findings"} if suffix == ".docx" else {}  # no checks needed here
    migsdg.export(plan, target, **options)
    assert len(temporaries) == 1 and Path(temporaries[0]).parent == tmp_path
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert target.read_bytes() != b"the previous export"


def _word(plan: migsdg.ActionPlan, path: Path) -> None:
    from migsdg.word import build_document
    from migsdg.word.writer import write_docx

    write_docx(build_document(plan, omit="findings"), path, template=None)


#: Every public function that writes an exported file, called as a program would.
WRITERS: dict[str, Callable[[migsdg.ActionPlan, Path], None]] = {
    "migsdg.word.write": lambda plan, path: migsdg.word.write(plan, path, omit="findings"),
    "migsdg.word.writer.write_docx": _word,
    "migsdg.excel.write_workbook": lambda plan, path: migsdg.excel.write_workbook(plan, path),
    "migsdg.excel.writer.write_workbook": lambda plan, path: migsdg.excel.writer.write_workbook(
        plan, path, computed=False
    ),
    "migsdg.excel.write_template": lambda plan, path: migsdg.excel.write_template(path),
    "migsdg.jsonexport.write": lambda plan, path: migsdg.jsonexport.write(plan, path),
    "migsdg.iati.write": lambda plan, path: migsdg.iati.write(plan, path),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_public_writer_replaces_its_file_through_one_temporary_file(
    name: str, plan: migsdg.ActionPlan, temporaries: list[str], tmp_path: Path
) -> None:
    import migsdg.excel.writer
    import migsdg.iati
    import migsdg.jsonexport  # noqa: F401 - the modules the writers above are in

    target = tmp_path / "out.bin"
    target.write_bytes(b"kept until replaced")
    target.chmod(0o640)
    WRITERS[name](plan, target)
    assert len(temporaries) == 1 and Path(temporaries[0]).parent == tmp_path
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    assert target.read_bytes() != b"kept until replaced"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept


#: A child whose files may not grow past 3,000 bytes (as on a full disk) calls each public
#: writer over an existing file: each fails, and each leaves that file as it was.
FULL_DISK = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
import migsdg, migsdg.excel.writer, migsdg.iati, migsdg.jsonexport
from migsdg.examples import load_example
from migsdg.word import build_document
from migsdg.word.writer import write_docx
plan = load_example("national")
document = build_document(plan, omit="findings")
folder = Path(sys.argv[1])
writers = {
    "word.write": lambda p: migsdg.word.write(plan, p, omit="findings"),
    "write_docx": lambda p: write_docx(document, p, template=None),
    "excel.write_workbook": lambda p: migsdg.excel.write_workbook(plan, p),
    "writer.write_workbook": lambda p: migsdg.excel.writer.write_workbook(plan, p),
    "write_template": lambda p: migsdg.excel.write_template(p),
    "jsonexport.write": lambda p: migsdg.jsonexport.write(plan, p),
    "iati.write": lambda p: migsdg.iati.write(plan, p),
}
resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))
for name, write in writers.items():
    path = folder / name
    path.write_bytes(b"the good copy")
    try:
        write(path)
    except (migsdg.MigsdgError, OSError) as exc:
        print(name, "failed:", type(exc).__name__, exc)
    else:
        print(name, "wrote", path.stat().st_size)
"""


def test_each_public_writer_failing_half_way_keeps_the_existing_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 7 and all(" failed: " in line for line in lines), result.stdout
    for line in lines:
        name = line.split()[0]
        assert str(tmp_path / name) in line and ".tmp" not in line  # names the target
        assert (tmp_path / name).read_bytes() == b"the good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(line.split()[0] for line in lines)
