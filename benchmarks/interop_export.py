"""How fast are the IATI and Open SDG exports, and do they scale linearly?

Builds plans of 500 and 5,000 interventions by repeating the interventions of the national
example (each copy with its own id), and times, best of several runs:

* ``iati_xml``: the whole IATI export (checks, mapping, indenting, serialising);
* the *floor*: ``xml.etree.ElementTree.tostring`` of the finished tree, the least any
  ElementTree-based writer must spend on a document that size;
* ``indicator_configs``: the Open SDG configuration.

It prints seconds, microseconds per intervention, the IATI export as a multiple of the
floor, and the per-intervention cost ratio between the two sizes (near 1.0 means linear;
a quadratic pass would show about 10). Goal: the IATI export within a small multiple of
the floor, and linear. Run with ``python -m benchmarks.interop_export`` (``--sizes 500
5000 --repeat 3``).
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable

import attrs

from migsdg import ActionPlan
from migsdg.examples import load_example
from migsdg.iati import build_activities, iati_xml
from migsdg.opensdg import indicator_configs


def plan_of(size: int) -> ActionPlan:
    base = load_example("national")
    ivs = base.interventions
    copies = tuple(attrs.evolve(ivs[i % len(ivs)], id=f"iv-{i}") for i in range(size))
    return attrs.evolve(base, interventions=copies)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[500, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    per_iv = {}
    for size in args.sizes:
        plan = plan_of(size)
        root = build_activities(plan)
        ET.indent(root)
        export = best(lambda plan=plan: iati_xml(plan), args.repeat)
        floor = best(lambda root=root: ET.tostring(root, encoding="unicode"), args.repeat)
        opensdg = best(lambda plan=plan: indicator_configs(plan), args.repeat)
        per_iv[size] = export / size
        print(
            f"{size:>6} interventions: IATI {export:.3f} s ({export / size * 1e6:.0f} µs each, "
            f"{export / floor:.1f}× the ElementTree floor of {floor:.3f} s); "
            f"Open SDG {opensdg:.3f} s"
        )
    small, large = args.sizes
    print(f"per-intervention cost ratio {large}/{small}: {per_iv[large] / per_iv[small]:.2f}")


if __name__ == "__main__":
    main()
