"""Do the review, the funding view and the plan diff scale linearly?

Builds plans of 1,000 and 10,000 interventions (targets, owners, policy areas and funding
sources shared between many interventions; an inventory of one existing framework per ten
interventions at all three levels, some linked, some not, so the review finds gaps,
duplication and both kinds of incoherence), and times on each:

* ``migsdg.review_plan(plan)``;
* ``migsdg.funding_summary(plan)``;
* ``migsdg.diff_plans(plan, revised)`` where one intervention in ten has changed (a title,
  a role, a funding amount);

and prints seconds (best of several runs), microseconds per intervention, the
per-intervention cost ratio between the two sizes (near 1.0 is linear; a quadratic pass
would show about 10), and each operation's cost as a multiple of a *floor*: one bare Python
pass touching every target, role and funding arrangement once.

Timings are the best of ``--repeat`` runs with the garbage collector paused, as ``timeit``
does. Run with ``python -m benchmarks.review`` (``--sizes 1000 10000 --repeat 3``).
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

import migsdg
from migsdg import (
    ActionPlan,
    Actor,
    ActorKind,
    CostLine,
    ExistingFramework,
    FrameworkKind,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    GovernanceLevel,
    Intervention,
    Objective,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
)

SECTORS = ("labour migration", "health", "education", "finance", "social protection", "justice")
LEVELS = tuple(GovernanceLevel)


def build_plan(n: int, seed: int = 11) -> ActionPlan:
    rnd = random.Random(seed)
    targets = [t.code for t in migsdg.get_catalogue().migration_targets()]
    # A larger plan covers more policy areas (programmes within sectors), so the number of
    # frameworks and interventions sharing one target, level and area stays bounded, as in
    # real plans; the flags found therefore grow with the plan, not with its square.
    areas = [f"{SECTORS[k % len(SECTORS)]} {k // len(SECTORS)}" for k in range(max(6, n // 40))]
    actors = tuple(Actor(id=f"a{i}", kind=ActorKind.GOVERNMENT) for i in range(max(20, n // 20)))
    sources = tuple(
        FundingSource(id=f"s{i}", category=list(FundingCategory)[i % 4]) for i in range(40)
    )
    ivs = []
    for i in range(n):
        lead = rnd.choice(actors).id
        ivs.append(
            Intervention(
                id=f"iv-{i}",
                title=f"Intervention {i}",
                policy_area=rnd.choice(areas),
                targets=tuple(rnd.sample(targets, 2)),
                roles=(
                    Role(stage=Stage.IMPLEMENTATION, actor=lead, role=RoleKind.LEAD),
                    Role(stage=Stage.MONITORING, actor=rnd.choice(actors).id),
                ),
                resources=(
                    CostLine(description="costs", amount=Decimal(rnd.randint(1, 9) * 10000)),
                ),
                supporting_activities=(
                    SupportingActivity(kind=SupportingActivityKind.TRAINING, cost=Decimal(5000)),
                ),
                funding=tuple(
                    FundingArrangement(
                        source=rnd.choice(sources).id,
                        amount=Decimal(rnd.randint(1, 5) * 5000),
                        status=rnd.choice(list(FundingStatus)),
                    )
                    for _ in range(2)
                ),
                links=(f"fw-{i // 10}",) if i % 3 == 0 else (),
                coordination="Joint committee" if i % 5 == 0 else "",
            )
        )
    frameworks = tuple(
        ExistingFramework(
            id=f"fw-{k}",
            kind=FrameworkKind.STRATEGY,
            level=LEVELS[k % 3],
            policy_area=rnd.choice(areas),
            owner=rnd.choice(actors).id,
            targets=tuple(rnd.sample(targets, 3)),
            links=(f"iv-{k * 10 + 1}",) if k % 4 == 0 else (),
        )
        for k in range(n // 10)
    )
    objectives = tuple(
        Objective(id=f"o{j}", targets=tuple(targets[j : j + 5])) for j in range(0, 30, 5)
    )
    return ActionPlan(
        id="bench",
        level=GovernanceLevel.NATIONAL,
        objectives=objectives,
        interventions=tuple(ivs),
        actors=actors,
        funding_sources=sources,
        existing_frameworks=frameworks,
    )


def revise(plan: ActionPlan) -> ActionPlan:
    ivs = list(plan.interventions)
    for i in range(0, len(ivs), 10):
        iv = ivs[i]
        funding = (attrs.evolve(iv.funding[0], amount=iv.funding[0].amount + 1), *iv.funding[1:])
        ivs[i] = attrs.evolve(
            iv,
            title=iv.title + " (revised)",
            roles=(*iv.roles, Role(stage=Stage.EVALUATION, actor=iv.roles[0].actor)),
            funding=funding,
        )
    return attrs.evolve(plan, interventions=tuple(ivs))


def floor(plan: ActionPlan) -> int:
    """The least any of these passes must do: touch every target, role and arrangement."""
    touched = 0
    for iv in plan.interventions:
        touched += len(iv.targets) + len(iv.roles) + len(iv.funding)
    for fw in plan.existing_frameworks:
        touched += len(fw.targets)
    return touched


def best(func: Callable[[], Any], repeat: int) -> float:
    """Best of ``repeat`` runs, with the garbage collector paused as ``timeit`` does: its
    full collections walk the whole heap, which holds the large plan, and would charge
    the plan's size to whatever runs when one happens."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    per_iv: dict[str, list[float]] = {}
    for n in args.sizes:
        plan = build_plan(n)
        revised = revise(plan)
        base = best(lambda p=plan: floor(p), args.repeat)
        result = migsdg.review_plan(plan)
        print(
            f"\n{n} interventions, {len(plan.existing_frameworks)} frameworks: "
            f"{len(result.gaps)} gaps, {len(result.duplications)} possible duplications, "
            f"{len(result.horizontal)} horizontal and {len(result.vertical)} vertical flags"
        )
        print(f"  floor (bare pass)    {base * 1000:9.1f} ms")
        for name, func in (
            ("review", lambda p=plan: migsdg.review_plan(p)),
            ("funding_summary", lambda p=plan: migsdg.funding_summary(p)),
            ("diff_plans", lambda p=plan, r=revised: migsdg.diff_plans(p, r)),
        ):
            seconds = best(func, args.repeat)
            per_iv.setdefault(name, []).append(seconds / n)
            print(
                f"  {name:<20} {seconds * 1000:9.1f} ms  {seconds / n * 1e6:7.1f} µs/intervention"
                f"  {seconds / base:6.1f}× floor"
            )
    if len(args.sizes) > 1:
        lo, hi = args.sizes[0], args.sizes[-1]
        print(
            f"\nPer-intervention cost ratio, {hi} vs {lo} (1.0 = linear, ~{hi // lo} = quadratic)"
        )
        for name, costs in per_iv.items():
            print(f"  {name:<20} {costs[-1] / costs[0]:.2f}")


if __name__ == "__main__":
    main()
