"""How fast is the Word export on a large plan, against python-docx itself?

Builds a 1,000-intervention plan by repeating the interventions of the national example
(each copy with its own id and title) and times, best of several runs:

* ``export``: the whole Word export, ``migsdg.export(plan, "plan.docx")``: document model
  (with the checks for the findings annex), every heading, paragraph and table, the
  template, the reproducible zip, the atomic write;
* ``python-docx``: python-docx writing *only the same table cells* (every table of the
  draft, with the same texts, header rows included) in the fastest way its public API
  allows, then saving: the better of one ``add_row()`` per row or a table made with all
  its rows at once, ``row.cells`` read once per row and ``cell.text`` set (never
  ``table.cell(r, c)``, which scans the table each time). It writes no headings,
  paragraphs, styles or sections, so it is a floor for the tables alone.

It prints both times, the number of cells, and the ratio export / python-docx. Goal: a
ratio close to 1 (the draft costs about what its tables alone cost through python-docx).
A second, smaller size shows the export scales linearly. Run with
``python -m benchmarks.word`` (``--sizes 100 1000 --repeat 3``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import migsdg
from migsdg import ActionPlan
from migsdg.examples import load_example
from migsdg.word import Table, build_document


def plan_of(size: int) -> ActionPlan:
    base = load_example("national")
    ivs = base.interventions
    copies = tuple(
        attrs.evolve(ivs[i % len(ivs)], id=f"iv-{i}", title=f"{ivs[i % len(ivs)].title} ({i})")
        for i in range(size)
    )
    return attrs.evolve(base, interventions=copies)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def python_docx_tables(tables: list[Table], path: Path, *, by_row: bool) -> None:
    """The same cells through python-docx's public API, in one of its two fast ways: one
    ``add_row()`` per row (``by_row``), or the table made with all its rows at once; in
    both, ``row.cells`` is read once per row (never ``table.cell(r, c)``)."""
    import docx

    doc = docx.Document()
    for table in tables:
        rows = [list(table.header)] if table.header is not None else []
        rows += [[c.text for c in row] for row in table.rows]
        if by_row:
            t = doc.add_table(rows=0, cols=table.columns)
            for texts in rows:
                for cell, text in zip(t.add_row().cells, texts, strict=True):
                    cell.text = text
        else:
            t = doc.add_table(rows=len(rows), cols=table.columns)
            for row, texts in zip(t.rows, rows, strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.text = text
    with open(path, "wb") as fh:
        doc.save(fh)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.docx"
        floor_out = Path(tmp) / "floor.docx"
        per_iv: dict[int, float] = {}
        for size in args.sizes:
            plan = plan_of(size)
            tables = build_document(plan).tables()
            cells = sum(t.columns * (len(t.rows) + (t.header is not None)) for t in tables)
            ours = best(lambda p=plan: migsdg.export(p, out), args.repeat)
            floor = min(
                best(lambda t=tables, b=b: python_docx_tables(t, floor_out, by_row=b), 1)
                for b in (True, False)
                for _ in range(args.repeat)
            )
            per_iv[size] = ours / size
            print(
                f"{size:>6} interventions: {len(tables):>6} tables, {cells:>7} cells | "
                f"export {ours:7.2f} s | python-docx cells only {floor:7.2f} s | "
                f"ratio {ours / floor:5.2f} | file {out.stat().st_size / 1e6:5.1f} MB"
            )
        if len(per_iv) > 1:
            small, large = min(per_iv), max(per_iv)
            print(
                f"per-intervention cost, {large} vs {small}: "
                f"{per_iv[large] / per_iv[small]:.2f} (1.0 = linear)"
            )


if __name__ == "__main__":
    main()
