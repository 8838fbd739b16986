"""What does loading a large plan cost, and what share of it is building the objects?

Builds the 10,000-intervention plan of :mod:`benchmarks.checks`, turns it into the plain
data a JSON plan file holds, and times:

* ``plan_from_dict`` on that data (the whole load: type conversion, code checks and the
  construction of every object, with the validation each class does when it is built);
* a *floor*: one bare pass building a plain ``dict`` per object of the same data, the
  least any loader must do;

and prints both and their ratio; then the same load with the model's construction-time
checks (:mod:`migsdg._validate`) switched off, timed in turns with the checked load in
this one process, so the checks' own cost shows as a ratio unaffected by the machine's
load. Run with
``python -m benchmarks.load`` (``--size 10000 --repeat 5``); read the figures with the load
average printed alongside on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import migsdg.model as m
from benchmarks.checks import build_plan
from migsdg.io import plan_from_dict, plan_to_dict


def best_cpu(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def floor(data: Any) -> int:
    """Copy every mapping and list of ``data`` once (the least a loader does)."""
    count = 0
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            count += 1
            _ = dict(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


@contextlib.contextmanager
def unchecked() -> Iterator[None]:
    """The model classes without their construction checks while the block lasts."""
    wrapped = {
        cls: cls.__init__
        for cls in vars(m).values()
        if isinstance(cls, type) and hasattr(cls.__init__, "__wrapped__")
    }
    for cls, init in wrapped.items():
        cls.__init__ = init.__wrapped__  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for cls, init in wrapped.items():
            cls.__init__ = init


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    data = plan_to_dict(build_plan(args.size))
    load = best_cpu(lambda: plan_from_dict(data), args.repeat)
    bare = best_cpu(lambda: floor(data), args.repeat)
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(f"plan_from_dict, {args.size} interventions: {load:.3f} s CPU (best of {args.repeat})")
    print(f"floor pass: {bare:.3f} s CPU; load / floor = {load / bare:.1f}")
    checked, plain = [], []
    for _ in range(args.repeat):
        checked.append(best_cpu(lambda: plan_from_dict(data), 1))
        with unchecked():
            plain.append(best_cpu(lambda: plan_from_dict(data), 1))
    print(
        f"without construction checks: {min(plain):.3f} s CPU; with: {min(checked):.3f} s; "
        f"checks cost {100 * (min(checked) / min(plain) - 1):+.1f} %"
    )


if __name__ == "__main__":
    main()
