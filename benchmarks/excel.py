"""How fast are workbook export and import, against what openpyxl itself can do?

Builds a realistic plan of 10,000 interventions (``benchmarks.checks.build_plan``: roles at
every stage, costed resources, funding from shared sources, indicators with baselines and
targets, outputs, milestones) and measures:

* **export**: ``migsdg.export(plan, "plan.xlsx")`` with every sheet, and with the data
  sheets only (``computed=False``), against raw openpyxl writing the *same cell values*
  in write-only mode, unstyled, no drop-down lists (the floor for writing those cells);
* **import**: ``migsdg.load_plan("plan.xlsx")`` against raw openpyxl reading every cell of
  the same file in read-only mode (``values_only``), the floor for reading them;
* **memory** of import: tracemalloc's peak while importing, per intervention, at two plan
  sizes (a streamed reader's peak grows with the plan it builds, not with the file), next
  to the peak of loading the same plan from its YAML file.

Prints the CPU times (best of ``--repeat`` runs) and the ratios. Run with
``python -m benchmarks.excel`` (``--sizes 1000 10000 --repeat 3``).
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import migsdg
from benchmarks.checks import build_plan
from migsdg.excel import read_workbook, write_workbook
from migsdg.excel.layout import DATA_SHEETS, FORM_SHEET


def best(funcs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best CPU time of each function over ``repeat`` rounds. CPU time, and the functions
    run in turn within each round, because the machine may be shared: a busy spell then
    slows both sides of a ratio alike."""
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for func, out in zip(funcs, times, strict=True):
            gc.collect()
            t0 = time.process_time()
            func()
            out.append(time.process_time() - t0)
    return [min(t) for t in times]


def data_cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The values of every data sheet of ``path`` (what raw openpyxl will write)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    names = [s.name for s in (FORM_SHEET, *DATA_SHEETS)]
    out = {name: [tuple(r) for r in wb[name].iter_rows(values_only=True)] for name in names}
    wb.close()
    return out


def raw_write(cells: dict[str, list[tuple[Any, ...]]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in cells.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


def raw_read(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    wb.close()
    return n


def peak(func: Callable[[], object]) -> tuple[int, object]:
    gc.collect()
    tracemalloc.start()
    try:
        result = func()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="migsdg-bench-excel-"))
    peaks: list[tuple[int, int, int]] = []
    for n in args.sizes:
        plan = build_plan(n)
        full, data, raw = work / f"full-{n}.xlsx", work / f"data-{n}.xlsx", work / f"raw-{n}.xlsx"
        today = plan.period.start
        (t_full,) = best([lambda: migsdg.export(plan, full, today=today)], 1)  # noqa: B023
        write_workbook(plan, data, computed=False)
        cells = data_cells(data)
        n_cells = sum(sum(v is not None for v in row) for rows in cells.values() for row in rows)
        t_data, t_raw_w = best(
            [
                lambda: write_workbook(plan, data, computed=False),  # noqa: B023
                lambda: raw_write(cells, raw),  # noqa: B023
            ],
            args.repeat,
        )
        t_read, t_raw_r = best(
            [lambda: read_workbook(data), lambda: raw_read(data)],  # noqa: B023
            args.repeat,
        )
        assert read_workbook(data) == plan
        with zipfile.ZipFile(full) as z:
            expanded = sum(i.file_size for i in z.infolist())
        print(f"\n{n:,} interventions, {n_cells:,} data cells")
        print(
            f"  files: {data.stat().st_size / 1e6:.1f} MB data sheets only, "
            f"{full.stat().st_size / 1e6:.1f} MB with every sheet "
            f"({expanded / 1e6:.0f} MB unzipped)"
        )
        print(f"  export, every sheet      {t_full:7.2f} s")
        print(
            f"  export, data sheets      {t_data:7.2f} s   raw openpyxl write-only "
            f"{t_raw_w:6.2f} s   ratio {t_data / t_raw_w:4.2f}"
        )
        print(
            f"  import                   {t_read:7.2f} s   raw openpyxl read-only  "
            f"{t_raw_r:6.2f} s   ratio {t_read / t_raw_r:4.2f}"
        )
        text = migsdg.dumps_plan(plan)
        yaml_peak, _ = peak(lambda: migsdg.loads_plan(text))  # noqa: B023
        import_peak, _ = peak(lambda: read_workbook(data))  # noqa: B023
        peaks.append((n, import_peak, yaml_peak))
        print(
            f"  import memory peak       {import_peak / 1e6:7.1f} MB "
            f"({import_peak / n / 1e3:.1f} kB per intervention); loading the same plan "
            f"from YAML peaks at {yaml_peak / 1e6:.1f} MB (ratio "
            f"{import_peak / yaml_peak:.2f})"
        )
    if len(peaks) > 1:
        (n1, p1, _), (n2, p2, _) = peaks[0], peaks[-1]
        print(
            f"\nimport peak per intervention, {n2:,} vs {n1:,} interventions: "
            f"{(p2 / n2) / (p1 / n1):.2f} (1.0: memory grows with the plan only)"
        )


if __name__ == "__main__":
    main()
