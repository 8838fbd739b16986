"""What a program embedding migsdg relies on: export to bytes, the host writing atomically
for every exporter, exporter failures named, several threads and plugin configurations at
once."""

from __future__ import annotations

import io
import os
import stat
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.errors import ExportError, PluginError
from migsdg.examples import load_example
from migsdg.exporters import Exporter
from migsdg.plugins import PluginHost, get_host, using_host
from plugin_packages import bundled_entry_points, install

#: Every built-in single-file format, with the options that make its output reproducible.
FILE_FORMATS = {
    "docx": {"language": "es"},
    "xlsx": {"today": "2025-01-01"},
    "iati": {"generated": "2025-01-01T00:00:00", "org_ref": "XM-EXAMPLE-1"},
    "json": {},
}


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")


@pytest.mark.parametrize("fmt", sorted(FILE_FORMATS))
def test_export_to_a_bytes_buffer_equals_the_file(fmt: str, tmp_path: Path) -> None:
    plan = load_example("provincial")
    options = FILE_FORMATS[fmt]
    buffer = io.BytesIO()
    assert migsdg.export(plan, buffer, format=fmt, **options) is None
    path = tmp_path / f"plan.{fmt}"
    assert migsdg.export(plan, path, format=fmt, **options) == path
    assert buffer.getvalue() == path.read_bytes()
    assert len(buffer.getvalue()) > 100
    # A real binary file object works the same; nothing is left beside the target.
    with open(tmp_path / "stream.out", "wb") as fh:
        migsdg.export(plan, fh, format=fmt, **options)
    assert (tmp_path / "stream.out").read_bytes() == path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "stream.out"])


def test_streams_need_a_format_a_binary_stream_and_a_file_format(tmp_path: Path) -> None:
    plan = load_example("provincial")
    with pytest.raises(ExportError, match="give the export format"):
        migsdg.export(plan, io.BytesIO())
    with pytest.raises(ExportError, match="binary stream"):
        migsdg.export(plan, io.StringIO(), format="json")
    with pytest.raises(ExportError, match="writes a folder"):
        migsdg.export(plan, io.BytesIO(), format="opensdg")
    with pytest.raises(ExportError, match="did you mean 'docx'"):
        migsdg.export(plan, io.BytesIO(), format="dcox")


# Twelve at once in the full set; in the fast set each of the four pairs once.
@pytest.mark.parametrize("rounds", [1, pytest.param(3, marks=pytest.mark.slow)])
def test_concurrent_exports_and_checks_equal_the_serial_ones(rounds: int) -> None:
    plans = [load_example(name) for name in ("national", "provincial")] * 2 * rounds
    jobs = list(zip(plans, ["docx", "xlsx", "iati", "json"] * rounds, strict=True))

    def one(job: tuple[migsdg.ActionPlan, str]) -> tuple[bytes, tuple[object, ...]]:
        plan, fmt = job
        buffer = io.BytesIO()
        migsdg.export(plan, buffer, format=fmt, **FILE_FORMATS[fmt])
        return buffer.getvalue(), migsdg.check(plan).findings

    migsdg.plugins.reset_host()
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        concurrent = list(pool.map(one, jobs))
    serial = [one(job) for job in jobs]
    assert concurrent == serial


def test_the_process_wide_host_is_built_once_under_concurrent_first_use() -> None:
    migsdg.plugins.reset_host()
    barrier = threading.Barrier(8)

    def build() -> PluginHost:
        barrier.wait()
        return get_host()

    with ThreadPoolExecutor(max_workers=8) as pool:
        hosts = list(pool.map(lambda _: build(), range(8)))
    assert len({id(h) for h in hosts}) == 1


def _host_with_exporter(exporter: Exporter) -> PluginHost:
    class Plugin:
        @migsdg.hookimpl
        def migsdg_register_exporters(self, register: object) -> None:
            register(exporter)  # type: ignore[operator]

    return PluginHost.from_plugins({"summary": Plugin()})


def test_two_plugin_configurations_at_once_without_a_global_switch(tmp_path: Path) -> None:
    def summary(plan: migsdg.ActionPlan, path: Path) -> None:
        Path(path).write_text(f"{plan.id}\n", encoding="utf-8")

    with_summary = _host_with_exporter(
        Exporter(name="summary", suffixes=(".sum",), description="d", write=summary)
    )
    plain = PluginHost(entry_points=bundled_entry_points())
    plan = load_example("national")
    buffer = io.BytesIO()
    migsdg.export(plan, buffer, format="summary", host=with_summary)
    assert buffer.getvalue() == f"{plan.id}\n".encode()
    with pytest.raises(ExportError, match="unknown export format 'summary'"):
        migsdg.export(plan, io.BytesIO(), format="summary", host=plain)
    # ``using_host`` applies to this thread only; another thread sees the global host.
    seen: list[PluginHost] = []
    with using_host(with_summary):
        assert get_host() is with_summary
        worker = threading.Thread(target=lambda: seen.append(get_host()))
        worker.start()
        worker.join()
    assert seen[0] is not with_summary
    assert get_host() is not with_summary
    assert migsdg.check(plan, host=plain).rules_run


# -- the host writes; the exporter only writes a whole file ---------------------------------


def _half_then_raise(plan: migsdg.ActionPlan, path: Path) -> None:
    Path(path).write_bytes(b"half a file")
    raise RuntimeError(f"cannot finish {path}")


def test_a_failing_exporter_leaves_the_target_and_its_folder_as_they_were(
    tmp_path: Path,
) -> None:
    host = _host_with_exporter(
        Exporter(name="broken", suffixes=(".brk",), description="d", write=_half_then_raise)
    )
    target = tmp_path / "plan.brk"
    target.write_bytes(b"the good file")
    with pytest.raises(PluginError) as info:
        migsdg.export(load_example("national"), target, host=host)
    assert info.value.plugin == "summary"
    # The message names the target, never the temporary file.
    assert info.value.reason == f"exporter 'broken' failed: RuntimeError: cannot finish {target}"
    assert target.read_bytes() == b"the good file"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.brk"]


def test_a_plugin_exporter_writing_a_plain_file_gets_the_core_file_mode(tmp_path: Path) -> None:
    def plain(plan: migsdg.ActionPlan, path: Path) -> None:
        Path(path).write_text("x", encoding="utf-8")

    host = _host_with_exporter(
        Exporter(name="plain", suffixes=(".pln",), description="d", write=plain)
    )
    umask = os.umask(0o022)
    try:
        migsdg.export(load_example("national"), tmp_path / "a.pln", host=host)
        migsdg.export(load_example("national"), tmp_path / "a.json")
    finally:
        os.umask(umask)
    mode = stat.S_IMODE((tmp_path / "a.pln").stat().st_mode)
    assert mode == stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644
    existing = tmp_path / "b.pln"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o640)
    migsdg.export(load_example("national"), existing, host=host)
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


RAISING_EXPORTER = """
from migsdg import hookimpl
from migsdg.exporters import Exporter

def write(plan, path, **options):
    print("noise on stdout")
    raise {error}

@hookimpl
def migsdg_register_exporters(register):
    register(Exporter(name="boom", suffixes=(".boom",), description="d", write=write))
"""


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("ValueError('no such column')", "ValueError: no such column"),
        ("SystemExit(3)", "called sys.exit(3)"),
        ("KeyboardInterrupt()", "raised KeyboardInterrupt"),
        ("OSError(28, 'No space left on device')", "OSError: [Errno 28] No space left on device"),
    ],
)
def test_a_raising_plugin_exporter_through_the_cli_is_named_exit_2_no_traceback(
    error: str,
    reason: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    install(
        tmp_path,
        monkeypatch,
        entry_point="boom",
        module=f"migsdg_boom_{abs(hash(error))}",
        source=RAISING_EXPORTER.format(error=error),
    )
    target = tmp_path / "plan.boom"
    code = main(["export", "--example", "national", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert f"migsdg: error: plugin 'boom': exporter 'boom' failed: {reason}\n" in err
    assert "Traceback" not in err and ".tmp" not in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("site-")) == []
