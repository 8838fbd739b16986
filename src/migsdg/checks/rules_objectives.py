"""AP2xx — objectives and the SDG targets they address.

The guide's action plan opens with a table of "local or national objectives" and the "SDG
targets addressed", then lists "interventions to address these targets". These rules
check that the table is filled in, that every prioritized target has an intervention, and
that interventions stay within the prioritized targets.
"""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import msg

__all__ = ["RULES"]

_TABLE = (
    'The guide\'s Action Plan Criteria open with a table of "local or national objectives" '
    'and the "SDG targets addressed"'
)


@rule(
    "AP201",
    "plan-objectives",
    severity=Severity.ERROR,
    summary="The plan lists its local or national objectives.",
    why=_TABLE + "; the plan is to summarize the prioritized SDG targets and the "
    "interventions addressing them.",
    guide=G.TABLE,
    modality=Modality.MUST,
)
def _plan_objectives(ctx: CheckContext) -> Iterator[Hit]:
    if not ctx.plan.objectives:
        yield Hit(
            location="objectives",
            message=msg("the plan lists no local or national objectives"),
            hint=msg(
                "Add objectives, each with the SDG targets it addresses (the targets "
                "prioritized earlier in the process).",
            ),
        )


@rule(
    "AP202",
    "objective-targets",
    severity=Severity.ERROR,
    summary="Every objective addresses at least one valid SDG target.",
    why=_TABLE + ": each objective is paired with the SDG targets it addresses.",
    guide=G.TABLE,
    modality=Modality.MUST,
)
def _objective_targets(ctx: CheckContext) -> Iterator[Hit]:
    for i, obj in enumerate(ctx.plan.objectives):
        if not obj.targets:
            yield Hit(
                location=f"objectives[{i}].targets",
                message=msg(
                    "objective {obj!r} addresses no SDG target",
                    obj=obj.id,
                ),
                hint=msg(
                    "List the SDG targets this objective addresses (for example 10.7 and 8.8).",
                ),
            )


@rule(
    "AP203",
    "target-addressed",
    severity=Severity.ERROR,
    summary="Every SDG target of the objectives is addressed by at least one intervention, "
    "or by an existing framework the review of existing structures recorded.",
    why='The plan lists "interventions to address these targets": a prioritized target '
    "that no intervention and no existing framework serves has no route to progress.",
    guide=G.CHOOSE,
    modality=Modality.MUST,
    severity_reason=(
        "A prioritized target that neither an intervention nor an existing "
        "framework serves is an error; one that only an existing framework "
        "serves is a note, since the review of existing frameworks (RV101) may "
        "show that no new intervention is needed."
    ),
)
def _target_addressed(ctx: CheckContext) -> Iterator[Hit]:
    served = ctx.interventions_by_target
    frameworks: dict[str, list[str]] = {}
    for fw in ctx.plan.existing_frameworks:
        for t in dict.fromkeys(fw.targets):
            frameworks.setdefault(t, []).append(fw.id)
    seen: set[str] = set()
    for i, obj in enumerate(ctx.plan.objectives):
        for j, code in enumerate(obj.targets):
            if code in seen:
                continue
            seen.add(code)
            if code in served:
                continue
            existing = frameworks.get(code)
            if existing:
                # The review found the target already served (RV101 is silent too): the
                # plan relies on that framework, which is worth saying, not an error.
                names = ", ".join(repr(f) for f in existing)
                yield Hit(
                    location=f"objectives[{i}].targets[{j}]",
                    message=msg(
                        "target {code} of objective {obj!r} is served by the existing "
                        "framework {names} and by no intervention of the plan",
                        code=code,
                        obj=obj.id,
                        names=names,
                    ),
                    hint=msg(
                        "Say in the objective or the framework's coordination how the plan "
                        "relies on it, or add an intervention if the review found it falls "
                        "short.",
                    ),
                    severity=Severity.INFO,
                )
                continue
            yield Hit(
                location=f"objectives[{i}].targets[{j}]",
                message=msg(
                    "target {code} of objective {obj!r} is not addressed by any "
                    "intervention or existing framework",
                    code=code,
                    obj=obj.id,
                ),
                hint=msg(
                    "Add an intervention serving {code}, add {code} to the targets of an "
                    "existing intervention, record the existing framework that already "
                    "serves it, or drop it from the objective if it is no longer a "
                    "priority.",
                    code=code,
                ),
            )


@rule(
    "AP204",
    "intervention-targets",
    severity=Severity.ERROR,
    summary="Every intervention names the SDG targets it serves, with valid target codes.",
    why="The guide asks actors to determine the interventions that are most effective "
    '"in the context of the targets they are prioritizing"; an intervention without a '
    "target cannot be traced to the plan's priorities.",
    guide=G.CHOOSE,
    modality=Modality.MUST,
)
def _intervention_targets(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.targets:
            yield Hit(
                location=f"{where}.targets",
                message=msg(
                    "intervention {iv!r} names no SDG target it serves",
                    iv=iv.id,
                ),
                hint=msg(
                    "List the SDG targets the intervention contributes to (from the "
                    "objectives' targets).",
                ),
                intervention=iv.id,
            )


@rule(
    "AP205",
    "target-outside-objectives",
    severity=Severity.WARNING,
    summary="Interventions serve only targets that the plan's objectives address.",
    why="The plan summarizes the prioritized SDG targets and the interventions towards "
    "them; a target served but not prioritized is either missing from the objectives or a "
    "sign the intervention drifts from the plan's priorities.",
    guide=G.VALIDATE,
    modality=Modality.SHOULD,
)
def _outside(ctx: CheckContext) -> Iterator[Hit]:
    prioritized = set(ctx.plan.targets)
    if not prioritized:
        return  # AP201/AP202 report the missing objectives and targets
    for where, iv in ctx.interventions():
        for j, code in enumerate(iv.targets):
            if code not in prioritized and ctx.known_target(code):
                yield Hit(
                    location=f"{where}.targets[{j}]",
                    message=msg(
                        "intervention {iv!r} serves target {code}, which none of the plan's "
                        "objectives addresses",
                        iv=iv.id,
                        code=code,
                    ),
                    hint=msg(
                        "Add {code} to the objective it supports, or remove it from the "
                        "intervention.",
                        code=code,
                    ),
                    intervention=iv.id,
                )


@rule(
    "AP206",
    "unknown-objective",
    severity=Severity.ERROR,
    summary="Interventions refer only to objectives the plan defines.",
    why="Objectives are referenced by id; a reference to no objective breaks the link "
    "between an intervention and the plan's priorities.",
    severity_reason=(
        "Beyond the guide: a reference to an objective the plan does not define "
        "leaves the intervention's purpose unknown; the plan is inconsistent, "
        "so an error."
    ),
)
def _unknown_objective(ctx: CheckContext) -> Iterator[Hit]:
    known = ctx.objectives
    for where, iv in ctx.interventions():
        for j, oid in enumerate(iv.objectives):
            if oid not in known:
                yield Hit(
                    location=f"{where}.objectives[{j}]",
                    message=msg(
                        "intervention {iv!r} refers to objective {oid!r}, which the plan "
                        "does not define{value}",
                        iv=iv.id,
                        oid=oid,
                        value=ctx.did_you_mean(oid, known.keys()),
                    ),
                    hint=msg("Use the id of one of the plan's objectives, or add the objective."),
                    intervention=iv.id,
                )


@rule(
    "AP207",
    "objective-target-mismatch",
    severity=Severity.WARNING,
    summary="An intervention serving an objective serves at least one of that objective's targets.",
    why="Objectives are defined by the SDG targets they address; an intervention linked to "
    "an objective but to none of its targets is mislabelled or missing a target.",
    guide=G.VALIDATE,
    modality=Modality.SHOULD,
)
def _mismatch(ctx: CheckContext) -> Iterator[Hit]:
    known = ctx.objectives
    for where, iv in ctx.interventions():
        mine = set(iv.targets)
        for j, oid in enumerate(iv.objectives):
            obj = known.get(oid)
            if obj is None or not obj.targets or mine.intersection(obj.targets):
                continue
            yield Hit(
                location=f"{where}.objectives[{j}]",
                message=msg(
                    "intervention {iv!r} serves objective {oid!r} but none of its "
                    "targets ({value})",
                    iv=iv.id,
                    oid=oid,
                    value=", ".join(obj.targets),
                ),
                hint=msg(
                    "Add the objective's target(s) the intervention contributes to, or "
                    "link it to the objective it really serves.",
                ),
                intervention=iv.id,
            )


RULES: tuple[Rule, ...] = (
    _plan_objectives,
    _objective_targets,
    _target_addressed,
    _intervention_targets,
    _outside,
    _unknown_objective,
    _mismatch,
)
