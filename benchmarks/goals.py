"""The performance goals of migsdg, each measured as a ratio or a size on this machine.

Every figure is CPU time (``time.process_time`` in this process, ``getrusage`` for child
processes), never wall-clock time, and the two sides of a ratio run in turn within each
round, so that other work on a shared machine slows both alike. Memory is the resident set
of a fresh process (its high-water mark above what it held before the measured step).

``python -m benchmarks`` runs them all and prints the table (see ``benchmarks/__main__``).
"""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs


@attrs.frozen
class Result:
    """One measured figure against its goal (``value <= goal`` is met)."""

    key: str
    what: str
    size: str
    value: float
    goal: float
    unit: str
    load: tuple[float, float]  # the 1-minute load average before and after measuring
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.goal


@contextmanager
def loadavg() -> Iterator[list[float]]:
    """Yields a list that holds the 1-minute load average before and after the block."""
    out = [os.getloadavg()[0]]
    try:
        yield out
    finally:
        out.append(os.getloadavg()[0])


def cpu(func: Callable[[], object]) -> float:
    """CPU seconds of one call, started after a full collection."""
    gc.collect()
    t0 = time.process_time()
    func()
    return time.process_time() - t0


def interleaved(funcs: list[Callable[[], object]], repeat: int) -> list[list[float]]:
    """CPU seconds of each function in each of ``repeat`` rounds (in turn within a round)."""
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for func, out in zip(funcs, times, strict=True):
            out.append(cpu(func))
    return times


def ratio(ours: list[float], floor: list[float]) -> float:
    """The median of the per-round ratios (each round's two runs saw the same load)."""
    return statistics.median(a / b for a, b in zip(ours, floor, strict=True))


# -- startup -----------------------------------------------------------------------------------


def child_cpu(cmd: list[str]) -> float:
    """CPU seconds (user and system) that a child process takes from start to exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def migsdg_command() -> list[str]:
    """The ``migsdg`` console script beside this interpreter, as users run it."""
    script = Path(sys.executable).with_name("migsdg")
    if script.exists():
        return [str(script)]
    found = shutil.which("migsdg")
    return [found] if found else [sys.executable, "-m", "migsdg"]


def startup(rounds: int) -> list[Result]:
    py = sys.executable
    cli = migsdg_command()
    cmds = {
        "bare": [py, "-c", "pass"],
        "import": [py, "-c", "import migsdg"],
        "version": [*cli, "--version"],
        "targets": [*cli, "targets", "--goal", "10"],
    }
    with loadavg() as load:
        runs = {name: [] for name in cmds}  # type: dict[str, list[float]]
        for _ in range(rounds):
            for name, cmd in cmds.items():
                runs[name].append(child_cpu(cmd))
    bare = statistics.median(runs["bare"])
    over = statistics.median(i - b for i, b in zip(runs["import"], runs["bare"], strict=True))
    size = f"{rounds} runs"
    detail = f"bare interpreter {bare * 1e3:.0f} ms"
    return [
        Result(
            "import", "import migsdg, over a bare interpreter", size, over * 1e3, 120,
            "ms", tuple(load), detail,
        ),
        Result(
            "version", "migsdg --version, whole process", size,
            statistics.median(runs["version"]) * 1e3, 200, "ms", tuple(load), detail,
        ),
        Result(
            "targets", "migsdg targets --goal 10, whole process", size,
            statistics.median(runs["targets"]) * 1e3, 200, "ms", tuple(load), detail,
        ),
    ]  # fmt: skip


# -- YAML -------------------------------------------------------------------------------------


def yaml_load(n: int, repeat: int) -> Result:
    """``loads_plan`` against PyYAML's C parser alone reading the same text."""
    import yaml

    import migsdg
    from benchmarks.checks import build_plan

    text = migsdg.dumps_plan(build_plan(n))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with loadavg() as load:
        ours, floor = interleaved(
            [lambda: migsdg.loads_plan(text), lambda: yaml.load(text, Loader=loader)], repeat
        )
    return Result(
        "yaml-load", "YAML load / PyYAML C parser", f"{n:,}", ratio(ours, floor), 1.1, "×",
        tuple(load), f"{min(ours):.2f} s vs {min(floor):.2f} s",
    )  # fmt: skip


def yaml_save(small: int, large: int, repeat: int) -> Result:
    """``save_plan``'s CPU time per intervention, ``large`` against ``small``."""
    import migsdg
    from benchmarks.checks import build_plan

    plans = {n: build_plan(n) for n in (small, large)}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.yaml"
        with loadavg() as load:
            t_small, t_large = interleaved(
                [lambda p=plans[n]: migsdg.save_plan(p, out) for n in (small, large)], repeat
            )
    per = (min(t_large) / large) / (min(t_small) / small)
    return Result(
        "yaml-save", f"YAML save per intervention, {large:,} vs {small:,}",
        f"{small:,}/{large:,}", per, 1.2, "", tuple(load),
        f"{min(t_small):.2f} s and {min(t_large):.2f} s",
    )  # fmt: skip


def construction_checks(n: int, repeat: int) -> Result:
    """``plan_from_dict`` with the model's construction checks against the same load with
    the ``__init__`` attrs writes for each class (no checks), in alternating order.

    The data is the plain data of a plan file, already parsed, so the figure is the checks'
    share of building the plan and not diluted by parsing text."""
    from benchmarks.checks import build_plan
    from benchmarks.load import unchecked
    from migsdg.io import plan_from_dict, plan_to_dict

    data = plan_to_dict(build_plan(n))
    plan_from_dict(data)  # the converter and the catalogue, made once

    def checked() -> object:
        return plan_from_dict(data)

    def plain() -> object:
        with unchecked():
            return plan_from_dict(data)

    ours: list[float] = []
    floor: list[float] = []
    with loadavg() as load:
        for turn in range(repeat):
            pair = interleaved([checked, plain] if turn % 2 == 0 else [plain, checked], 1)
            ours.append(pair[turn % 2][0])
            floor.append(pair[1 - turn % 2][0])
    return Result(
        "checks", "Load with construction checks / without", f"{n:,}", ratio(ours, floor),
        1.1, "×", tuple(load), f"{min(ours):.2f} s vs {min(floor):.2f} s, {repeat} rounds",
    )  # fmt: skip


# -- Excel ------------------------------------------------------------------------------------


def excel(n: int, repeat: int) -> list[Result]:
    """Workbook export (data sheets) against openpyxl write-only writing the same cells, and
    import against openpyxl read-only reading every value of the same file."""
    from benchmarks.checks import build_plan
    from benchmarks.excel import data_cells, raw_read, raw_write
    from migsdg.excel import read_workbook, write_workbook

    plan = build_plan(n)
    with tempfile.TemporaryDirectory() as tmp:
        data, raw = Path(tmp) / "data.xlsx", Path(tmp) / "raw.xlsx"
        write_workbook(plan, data, computed=False)
        cells = data_cells(data)
        with loadavg() as load_w:
            w_ours, w_floor = interleaved(
                [
                    lambda: write_workbook(plan, data, computed=False),
                    lambda: raw_write(cells, raw),
                ],
                repeat,
            )
        with loadavg() as load_r:
            r_ours, r_floor = interleaved(
                [lambda: read_workbook(data), lambda: raw_read(data)], repeat
            )
        assert read_workbook(data) == plan
    return [
        Result(
            "excel-export", "Excel export / openpyxl write-only", f"{n:,}",
            ratio(w_ours, w_floor), 1.3, "×", tuple(load_w),
            f"{min(w_ours):.2f} s vs {min(w_floor):.2f} s",
        ),
        Result(
            "excel-import", "Excel import / openpyxl read-only", f"{n:,}",
            ratio(r_ours, r_floor), 0.5, "×", tuple(load_r),
            f"{min(r_ours):.2f} s vs {min(r_floor):.2f} s",
        ),
    ]  # fmt: skip


# -- Word memory ------------------------------------------------------------------------------

_WORD_MEMORY = """
import gc, json, os, sys
from pathlib import Path
import migsdg
from benchmarks.word import plan_of

def rss(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)

n, out = int(sys.argv[1]), Path(sys.argv[2])
plan = plan_of(n)
migsdg.export(plan_of(3), out)  # load the exporter's modules and data before measuring
gc.collect()
base = rss("VmRSS:")
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")  # resets the high-water mark to the current resident set
migsdg.export(plan, out)
print(json.dumps({"above": rss("VmHWM:") - base, "file": out.stat().st_size}))
"""


def word_memory_above_plan(n: int) -> int:
    """Bytes by which a fresh process's resident set rises while exporting the Word draft
    of an ``n``-intervention plan it already holds."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-c", _WORD_MEMORY, str(n), str(Path(tmp) / "plan.docx")],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
    above: int = json.loads(proc.stdout.splitlines()[-1])["above"]
    return above


def word_memory(sizes: tuple[int, int]) -> list[Result]:
    """Memory above the plan at the smaller size, scaled to 2,000 interventions where the
    size differs, and its per-intervention growth to the larger size."""
    small, large = sizes
    with loadavg() as load:
        above = {n: word_memory_above_plan(n) for n in sizes}
    at_2000 = above[small] / small * 2000 if small != 2000 else above[small]
    scaled = "" if small == 2000 else f", {small:,} scaled to 2,000"
    return [
        Result(
            "word-memory", "Word export, memory above the plan at 2,000", f"{small:,}",
            at_2000 / 1e6, 200, "MB", tuple(load),
            f"{above[small] / 1e6:.0f} MB at {small:,}{scaled}",
        ),
        Result(
            "word-memory-growth",
            f"Word export memory per intervention, {large:,} vs {small:,}",
            f"{small:,}/{large:,}", (above[large] / large) / (above[small] / small), 1.2,
            "", tuple(load), f"{above[large] / 1e6:.0f} MB at {large:,}",
        ),
    ]  # fmt: skip


def as_json(results: list[Result]) -> str:
    return json.dumps([{**attrs.asdict(r), "met": r.met} for r in results], indent=2)


def from_json(text: str) -> list[Result]:
    rows: list[dict[str, Any]] = json.loads(text)
    return [
        Result(**{k: tuple(v) if k == "load" else v for k, v in r.items() if k != "met"})
        for r in rows
    ]
