"""``python -m benchmarks``: every performance goal of migsdg, measured here, in one table.

Usage::

    python -m benchmarks            # 1,000 and 10,000 interventions (about 15-25 minutes)
    python -m benchmarks --quick    # 1,000 interventions, scaling against 100 (2 minutes)
    python -m benchmarks --only excel yaml --json results.json

Each row is one goal: what is measured, at which plan size, the figure, the goal, and
whether it is met, with the machine's 1-minute load average before and after measuring
it. Times are CPU times and each ratio compares runs made in turn within each round, so a
busy machine slows both sides alike; still, read the figures taken under a load above the
number of cores with care (run again when the machine is quiet). See
``docs/performance.md`` for what each goal means and how the figures are taken.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

from benchmarks import goals

GROUPS = ("startup", "yaml", "excel", "word")


def run(group: str, *, quick: bool, repeat: int) -> list[goals.Result]:
    small, large = (100, 1000) if quick else (1000, 10_000)
    if group == "startup":
        return goals.startup(rounds=15 if quick else 40)
    if group == "yaml":
        sizes = (large,) if quick else (small, large)
        out = [goals.yaml_load(n, repeat) for n in sizes]
        checks = goals.construction_checks(large, max(repeat, 5))
        return [*out, goals.yaml_save(small, large, repeat), checks]
    if group == "excel":
        sizes = (large,) if quick else (small, large)
        return [r for n in sizes for r in goals.excel(n, repeat)]
    if group == "word":
        return goals.word_memory((500, 1000) if quick else (2000, 10_000))
    raise ValueError(group)


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def table(results: list[goals.Result]) -> str:
    head = ("goal", "size", "measured", "goal", "met", "load", "detail")
    rows = [
        (
            r.what,
            r.size,
            f"{r.value:.2f} {r.unit}".strip() if r.unit != "ms" else f"{r.value:.0f} ms",
            f"≤ {r.goal:g} {r.unit}".strip(),
            "yes" if r.met else "NO",
            f"{r.load[0]:.1f}→{r.load[1]:.1f}",
            r.detail,
        )
        for r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    lines = [
        "  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True))
        for row in (head, *rows)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="1,000 interventions (and 100)")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS))
    parser.add_argument("--repeat", type=int, help="rounds per ratio (default 3, with --quick 2)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    started, started_cpu = time.monotonic(), cpu_seconds()
    print(f"{os.cpu_count()} cores, load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    results: list[goals.Result] = []
    phases: list[str] = []
    for group in args.only:
        print(f"measuring {group} ...", file=sys.stderr, flush=True)
        wall, cpu = time.monotonic(), cpu_seconds()
        repeat = args.repeat or (2 if args.quick else 3)
        results += run(group, quick=args.quick, repeat=repeat)
        phases.append(f"{group} {time.monotonic() - wall:.0f} s ({cpu_seconds() - cpu:.0f} s CPU)")
    print(table(results))
    missed = [r for r in results if not r.met]
    print(
        f"\n{len(results) - len(missed)} of {len(results)} goals met in "
        f"{time.monotonic() - started:.0f} s of wall time ({cpu_seconds() - started_cpu:.0f} s "
        f"of CPU time), load average {os.getloadavg()[0]:.1f} at the end"
    )
    print("wall time by group: " + ", ".join(phases))
    if args.json:
        args.json.write_text(goals.as_json(results), encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
