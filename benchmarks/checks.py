"""How fast are the criteria checks, and do they scale linearly?

Builds realistic plans of 1,000 and 10,000 interventions (every intervention with roles at
each stage, costed resources, funding from shared sources, monitoring entries, outputs
tied to interim targets; actors, targets and funding sources shared between many
interventions, and a few deliberate near-duplicates), times ``migsdg.check`` on each, and
prints:

* seconds per check (best of several runs) and microseconds per intervention;
* the per-intervention cost ratio between the two sizes (near 1.0 means linear;
  a quadratic pass would show about 10), and the same ratio for the floor pass below,
  which shows what a larger plan costs the machine itself (caches, memory);
* the checks' cost as a multiple of a *floor*: one bare Python pass touching every role,
  cost line, funding arrangement, output and monitoring entry once, the least any checker
  must do;
* the slowest rules on the large plan.

Goal: 10,000 interventions checked well under a second. Run with
``python -m benchmarks.checks`` (``--sizes 1000 10000 --repeat 5``). Times are the best
of the repeats, each started after a garbage collection; on a shared machine read them
with the load average printed alongside (CPU time is less affected than wall time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import time
from collections.abc import Callable
from decimal import Decimal

import migsdg
from migsdg import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    CapacityAssessment,
    CapacityLevel,
    Consultation,
    ConsultationKind,
    CostLine,
    Disaggregation,
    Frequency,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    IndicatorRef,
    InterimTarget,
    Intervention,
    InterventionForm,
    InterventionType,
    Measure,
    Milestone,
    MonitoringEntry,
    Objective,
    Output,
    Participation,
    Period,
    PlanStatus,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)
from migsdg.checks import CheckContext
from migsdg.plugins import get_host

START = dt.date(2025, 1, 1)


def build_plan(n: int, seed: int = 7) -> ActionPlan:
    """A national plan with ``n`` interventions sharing targets, actors and sources."""
    rnd = random.Random(seed)
    cat = migsdg.get_catalogue()
    targets = [t.code for t in cat.migration_targets()]
    indicators = {t: [i.code for i in cat.indicators_of_target(t)] for t in targets}
    n_actors = max(20, n // 20)
    kinds = list(ActorKind)
    actors = [
        Actor(
            id=f"actor-{k}",
            name=f"Actor {k}",
            kind=kinds[k % len(kinds)],
            capacity=CapacityAssessment(level=CapacityLevel.LACKING) if k % 7 == 0 else None,
        )
        for k in range(n_actors)
    ]
    sources = [
        FundingSource(id=f"src-{k}", name=f"Source {k}", category=list(FundingCategory)[k % 4])
        for k in range(20)
    ]
    objectives = [
        Objective(id=f"obj-{k}", title=f"Objective {k}", targets=tuple(targets[k::8]))
        for k in range(8)
    ]
    objective_of = {t: o.id for o in objectives for t in o.targets}
    interim = [
        InterimTarget(
            id=f"it-{k}",
            target=targets[k % len(targets)],
            value=Decimal(k),
            due=dt.date(2027, 12, 31),
        )
        for k in range(40)
    ]
    types = list(InterventionType)
    forms = list(InterventionForm)
    ivs = []
    for i in range(n):
        mine = rnd.sample(targets, rnd.randint(1, 3))
        lead = f"actor-{rnd.randrange(n_actors)}"
        support = f"actor-{rnd.randrange(n_actors)}"
        start = START + dt.timedelta(days=rnd.randrange(0, 900))
        end = min(start + dt.timedelta(days=rnd.randrange(200, 1500)), dt.date(2030, 12, 31))
        mid = start + (end - start) / 2
        roles = [Role(stage=s, actor=lead, role=RoleKind.LEAD, tasks="leads") for s in Stage]
        roles.append(Role(stage=Stage.IMPLEMENTATION, actor=support, tasks="supports"))
        tied = tuple(it.id for it in interim if it.target in mine and mid <= it.due)[:1]
        cost = Decimal(rnd.randrange(10_000, 2_000_000))
        ivs.append(
            Intervention(
                id=f"iv-{i}",
                title=f"Intervention {i}",
                description="An intervention of the plan.",
                type=types[i % 6] if i % 50 else types[0],
                form=forms[i % 4],
                rationale="The evidence and the gap it fills.",
                targets=tuple(mine),
                objectives=tuple(dict.fromkeys(objective_of[t] for t in mine)),
                beneficiaries=(Beneficiary(group="Migrant workers", estimated_number=1000),),
                roles=tuple(roles),
                coordination="A joint committee meets quarterly.",
                timeframe=Timeframe(
                    start=start,
                    end=end,
                    milestones=(Milestone(date=mid, description="Mid-term"),),
                ),
                outputs=(
                    Output(description="First output", due=mid, interim_targets=tied),
                    Output(description="Final output", due=end),
                ),
                outcomes=("A change for the beneficiaries.",),
                supporting_activities=(
                    SupportingActivity(
                        kind=SupportingActivityKind.TRAINING,
                        description="Training",
                        cost=Decimal(5000),
                        actor=support,
                        beneficiary_actors=(lead,),
                    ),
                ),
                resources=(
                    CostLine(description="Staff", amount=cost),
                    CostLine(description="Equipment", amount=cost / 4),
                    CostLine(description="Travel", amount=Decimal(8000)),
                ),
                funding=(  # a third of the interventions still seek part of their funds
                    FundingArrangement(
                        source=f"src-{rnd.randrange(20)}",
                        amount=cost,
                        status=FundingStatus.SECURED,
                    ),
                    FundingArrangement(
                        source=f"src-{rnd.randrange(20)}",
                        amount=cost / 4 + Decimal(13000),
                        status=FundingStatus.PLEDGED if i % 3 else FundingStatus.PROPOSED,
                    ),
                ),
                monitoring=tuple(
                    MonitoringEntry(
                        indicator=IndicatorRef(kind=IndicatorKind.SDG, code=indicators[t][0])
                        if indicators[t]
                        else IndicatorRef(kind=IndicatorKind.PROXY, name="Proxy", definition="d"),
                        baseline=Measure(value=Decimal(1), year=2024),
                        target=Measure(value=Decimal(2), year=2030),
                        disaggregation=(Disaggregation.SEX, Disaggregation.MIGRATORY_STATUS),
                        data_source="Survey",
                        frequency=Frequency.ANNUAL,
                        responsible=lead,
                    )
                    for t in mine[:2]
                ),
            )
        )
    return ActionPlan(
        id=f"bench-{n}",
        title="Benchmark plan",
        level=GovernanceLevel.NATIONAL,
        country="JAM",
        authority="Planning Institute",
        period=Period(start=START, end=dt.date(2030, 12, 31)),
        status=PlanStatus.ADOPTED,
        objectives=tuple(objectives),
        interim_targets=tuple(interim),
        interventions=tuple(ivs),
        actors=tuple(actors),
        funding_sources=tuple(sources),
        consultations=(
            Consultation(
                id="review",
                kind=ConsultationKind.INTERMINISTERIAL_WORKSHOP,
                date=dt.date(2024, 11, 1),
                participants=(
                    Participation(group=ActorKind.GOVERNMENT, count=30),
                    Participation(group=ActorKind.CIVIL_SOCIETY, count=5),
                    Participation(group=ActorKind.MIGRANT_ASSOCIATION, count=3),
                ),
            ),
        ),
    )


def floor_pass(plan: ActionPlan) -> int:
    """One bare pass touching every role, line, arrangement, output and entry once."""
    n = 0
    for iv in plan.interventions:
        for r in iv.roles:
            n += r.actor is not None
        for c in iv.resources:
            n += c.amount is not None
        for f in iv.funding:
            n += f.source is not None
        for o in iv.outputs:
            n += o.due is not None
        for m in iv.monitoring:
            n += m.responsible is not None
    return n


def best(func: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        gc.collect()  # start each run with no garbage left by building the plans
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def best_cpu(func: Callable[[], object], repeat: int) -> float:
    """Best CPU seconds of this process over ``repeat`` runs (less sensitive than wall
    time to other work on a shared machine)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        func()
        times.append(time.process_time() - t0)
    return min(times)


def per_rule(plan: ActionPlan) -> list[tuple[float, str]]:
    """Seconds per rule over one shared context, in the order a run uses (shared indexes
    are charged to the first rule that needs them)."""
    rules = list(get_host().checks())
    rules.sort(key=lambda r: r.reads_findings)
    ctx = CheckContext(plan)
    out = []
    gc.collect()
    for r in rules:
        t0 = time.perf_counter()
        for _ in r.func(ctx):
            pass
        out.append((time.perf_counter() - t0, f"{r.code} {r.name}"))
    return sorted(out, reverse=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checks")
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 10000), metavar="N")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    get_host().checks()  # load plugins before timing
    rules = len(get_host().checks())
    results = []
    for n in args.sizes:
        plan = build_plan(n)
        report = migsdg.check(plan)
        seconds = best(lambda plan=plan: migsdg.check(plan), args.repeat)
        cpu = best_cpu(lambda plan=plan: migsdg.check(plan), args.repeat)
        floor = best(lambda plan=plan: floor_pass(plan), args.repeat)
        results.append((n, seconds, floor, len(report.findings)))
        print(
            f"{n:>6} interventions: check {seconds:.3f} s wall, {cpu:.3f} s CPU "
            f"({seconds / n * 1e6:.1f} µs per intervention, {rules} rules, "
            f"{len(report.findings)} findings); floor pass {floor * 1e3:.1f} ms; "
            f"check = {seconds / floor:.0f} x floor"
        )
    (n1, s1, f1, _), (n2, s2, f2, _) = results
    ratio = (s2 / n2) / (s1 / n1)
    floor_ratio = (f2 / n2) / (f1 / n1)
    print(f"per-intervention cost ratio {n2} vs {n1}: {ratio:.2f} (1.0 = linear)")
    print(
        f"the floor pass's own ratio: {floor_ratio:.2f} (memory effects of a larger plan); "
        f"check ratio relative to it: {ratio / floor_ratio:.2f}"
    )
    print(
        f"goal: {n2} interventions well under 1 s -> {'met' if s2 < 1 else 'NOT met'} ({s2:.3f} s)"
    )
    print(f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores)")
    print("slowest rules on the larger plan:")
    del plan, report
    for secs, name in per_rule(build_plan(args.sizes[1]))[:8]:
        print(f"  {secs * 1e3:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
