"""AP5xx — actors, their roles at each stage, coordination, and stakeholder engagement.

The guide's criteria ask for the "roles and tasks of implementing actors at each stage of
the intervention (including the relationship and coordination between them)"; it asks
actors to engage "civil society organizations and migrants" in finalizing the design and
implementing interventions, and to assess "existing technical capacity to carry out
interventions; some capacity-building may need to be undertaken".
"""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import Term, msg
from migsdg.model import ActorKind, CapacityLevel, RoleKind, Stage, SupportingActivityKind

__all__ = ["RULES"]

_ROLES = (
    "The guide's Action Plan Criteria ask for the \"roles and tasks of implementing actors "
    "at each stage of the intervention (including the relationship and coordination between "
    'them)".'
)


def _unknown_refs(ctx: CheckContext) -> Iterator[tuple[str, str, str, str | None]]:
    """Every reference to an actor the plan does not list: (location, actor id, what
    refers, intervention). Locations are only spelt out for those."""
    plan = ctx.plan
    known = ctx.actors
    if plan.authority_actor is not None and plan.authority_actor not in known:
        yield "authority_actor", plan.authority_actor, msg("the plan's authority"), None
    for k, actor in enumerate(plan.actors):
        if actor.parent is not None and actor.parent not in known:
            yield f"actors[{k}].parent", actor.parent, msg("actor {actor!r}", actor=actor.id), None
    for k, src in enumerate(plan.funding_sources):
        if src.provider is not None and src.provider not in known:
            where = f"funding_sources[{k}].provider"
            yield where, src.provider, msg("funding source {source!r}", source=src.id), None
    for k, c in enumerate(plan.consultations):
        for m, part in enumerate(c.participants):
            for n, aid in enumerate(part.actors):
                if aid not in known:
                    where = f"consultations[{k}].participants[{m}].actors[{n}]"
                    yield where, aid, msg("consultation {consultation!r}", consultation=c.id), None
    for k, src in enumerate(plan.funding_sources):
        for m, aid in enumerate(src.mobilization.through):
            if aid not in known:
                where = f"funding_sources[{k}].mobilization.through[{m}]"
                what = msg("the approach to funding source {source!r}", source=src.id)
                yield where, aid, what, None
    for k, fw in enumerate(plan.existing_frameworks):
        if fw.owner is not None and fw.owner not in known:
            what = msg("framework {framework!r}", framework=fw.id)
            yield f"existing_frameworks[{k}].owner", fw.owner, what, None
    for k, tool in enumerate(plan.review_tools):
        if tool.conducted_by is not None and tool.conducted_by not in known:
            what = (
                msg("review tool {name!r}", name=tool.name)
                if tool.name
                else msg("review tool {name}", name=Term(tool.tool, lower=False))
            )
            yield f"review_tools[{k}].conducted_by", tool.conducted_by, what, None
    for k, line in enumerate(plan.reporting):
        for key in ("reporter", "recipient"):
            aid = getattr(line, key)
            if aid not in known:
                what = msg("the plan's reporting arrangements")
                yield f"reporting[{k}].{key}", aid, what, None
    for where, iv in ctx.interventions():
        for k, r in enumerate(iv.roles):
            if r.actor not in known:
                yield (
                    f"{where}.roles[{k}].actor",
                    r.actor,
                    msg("intervention {iv!r}", iv=iv.id),
                    iv.id,
                )
        for k, act in enumerate(iv.supporting_activities):
            if act.actor is not None and act.actor not in known:
                loc = f"{where}.supporting_activities[{k}].actor"
                yield loc, act.actor, msg("intervention {iv!r}", iv=iv.id), iv.id
            for m, aid in enumerate(act.beneficiary_actors):
                if aid not in known:
                    loc = f"{where}.supporting_activities[{k}].beneficiary_actors[{m}]"
                    yield loc, aid, msg("intervention {iv!r}", iv=iv.id), iv.id
        for k, entry in enumerate(iv.monitoring):
            if entry.responsible is not None and entry.responsible not in known:
                loc = f"{where}.monitoring[{k}].responsible"
                yield loc, entry.responsible, msg("intervention {iv!r}", iv=iv.id), iv.id


@rule(
    "AP501",
    "unknown-actor",
    severity=Severity.ERROR,
    summary="Roles, supporting activities, monitoring, funding sources and their "
    "approaches, consultations, frameworks, review tools and reporting lines refer only to "
    "actors the plan lists.",
    why="Actors are recorded once and referred to by id, so that who does what can be "
    "traced across the plan; a reference to an unlisted actor leaves a task without anyone "
    "to do it.",
    severity_reason=(
        "Beyond the guide: a reference to an actor the plan does not list "
        "leaves a task without anyone to do it; the plan is inconsistent, so an "
        "error."
    ),
)
def _unknown(ctx: CheckContext) -> Iterator[Hit]:
    known = ctx.actors
    for loc, aid, what, ivid in _unknown_refs(ctx):
        yield Hit(
            location=loc,
            message=msg(
                "{what} refers to actor {aid!r}, which is not among the plan's actors{suggestion}",
                what=what,
                aid=aid,
                suggestion=ctx.did_you_mean(aid, known),
            ),
            hint=msg(
                "Use the id of one of the plan's actors, or add the actor (name and kind).",
            ),
            intervention=ivid,
        )


_STAGES = tuple(Stage)


@rule(
    "AP502",
    "stage-lead",
    severity=Severity.WARNING,
    summary="Every intervention has a lead actor responsible for each stage: design, "
    "implementation, monitoring and evaluation.",
    why=_ROLES + " A stage without a lead has no one accountable for it.",
    guide=G.ROLES,
    modality=Modality.MUST,
    severity_reason=(
        "The criteria ask for roles and tasks at each stage (AP103 checks that "
        "there are roles); that one actor leads each of the four stages is this "
        "rule's reading of them, so a warning."
    ),
)
def _stage_lead(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.roles:
            continue  # AP103 reports interventions without any roles
        led = {r.stage for r in iv.roles if r.role is RoleKind.LEAD}
        if len(led) == len(_STAGES):
            continue
        at: dict[Stage, list[str]] = {}
        for r in iv.roles:
            at.setdefault(r.stage, []).append(r.actor)
        for stage in _STAGES:
            if stage in led:
                continue
            actors = list(dict.fromkeys(at.get(stage, ())))
            if actors:
                names = ", ".join(repr(a) for a in actors)
                message = msg(
                    "at the {stage} stage of intervention {iv!r}, {names} take part but no "
                    "actor leads",
                    stage=Term(stage),
                    iv=iv.id,
                    names=names,
                )
            else:
                message = msg(
                    "intervention {iv!r} has no actor responsible for {stage}",
                    iv=iv.id,
                    stage=Term(stage),
                )
            yield Hit(
                location=f"{where}.roles",
                message=message,
                hint=msg(
                    "Add a role at the {stage} stage with the role lead for the actor "
                    "accountable for it, with its tasks.",
                    stage=Term(stage),
                ),
                intervention=iv.id,
            )


@rule(
    "AP503",
    "coordination",
    severity=Severity.WARNING,
    summary="Where several actors take part in an intervention, how they coordinate is described.",
    why=_ROLES,
    guide=G.ROLES,
    modality=Modality.MUST,
    severity_reason=(
        "The criteria ask for the coordination between actors, but the roles' "
        "tasks may already describe it, so a warning."
    ),
)
def _coordination(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if iv.coordination.strip():
            continue
        actors = dict.fromkeys(r.actor for r in iv.roles)
        if len(actors) > 1:
            yield Hit(
                location=f"{where}.coordination",
                message=msg(
                    "intervention {iv!r} involves {value} actors but does not say how "
                    "they coordinate",
                    iv=iv.id,
                    value=len(actors),
                ),
                hint=msg(
                    "Describe the relationship between the actors: who convenes, how "
                    "often they meet, how decisions and information flow between them.",
                ),
                intervention=iv.id,
            )


_ENGAGED = {
    ActorKind.CIVIL_SOCIETY: msg("civil society organizations"),
    ActorKind.MIGRANT_ASSOCIATION: msg("migrants or diaspora associations"),
}


@rule(
    "AP504",
    "stakeholder-engagement",
    severity=Severity.WARNING,
    summary="Civil society and migrants (or diaspora associations) take part somewhere in "
    "the plan: in consultations, review workshops or roles in interventions.",
    why='The guide asks actors to engage "all relevant stakeholders, including as far as '
    'possible civil society organizations and migrants" in finalizing the design of '
    "interventions and implementing them, and hopes to see civil society among the "
    "participants of the review before adoption.",
    guide=G.ENGAGE,
    modality=Modality.SHOULD,
)
def _engagement(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    actors = ctx.actors
    engaged: set[ActorKind] = set()
    for c in plan.consultations:
        for part in c.participants:
            if part.count is None or part.count > 0 or part.actors:
                engaged.add(part.group)
            for aid in part.actors:
                a = actors.get(aid)
                if a is not None and a.kind is not None:
                    engaged.add(a.kind)
    for aid in ctx.interventions_by_actor:
        a = actors.get(aid)
        if a is not None and a.kind is not None:
            engaged.add(a.kind)
    for kind, who in _ENGAGED.items():
        if kind not in engaged:
            yield Hit(
                location="consultations",
                message=msg(
                    "no {who} take part in the plan: not in consultations, review "
                    "workshops or intervention roles",
                    who=who,
                ),
                hint=msg(
                    "Invite {who} to consultation sessions or the review workshop and "
                    "record them as participants (group: {group}), or give them a role "
                    "in the interventions that concern them.",
                    who=who,
                    group=Term(kind, lower=False),
                ),
            )


_BUILDS_CAPACITY = (SupportingActivityKind.CAPACITY_BUILDING, SupportingActivityKind.TRAINING)


@rule(
    "AP505",
    "capacity-building",
    severity=Severity.WARNING,
    summary="An actor assessed as lacking capacity is the beneficiary of a capacity-building "
    "or training supporting activity.",
    why='The guide asks for "an assessment of existing technical capacity to carry out '
    'interventions; some capacity-building may need to be undertaken", and calls '
    "capacity-building and knowledge sharing key ongoing steps.",
    guide=G.CAPACITY,
    modality=Modality.SHOULD,
)
def _capacity(ctx: CheckContext) -> Iterator[Hit]:
    lacking = [
        (k, a)
        for k, a in enumerate(ctx.plan.actors)
        if a.capacity is not None and a.capacity.level is CapacityLevel.LACKING
    ]
    if not lacking:
        return
    built: set[str] = set()
    for _, iv in ctx.interventions():
        for act in iv.supporting_activities:
            if act.kind in _BUILDS_CAPACITY:
                built.update(act.beneficiary_actors)
    by_actor = ctx.interventions_by_actor
    for k, a in lacking:
        if a.id in built:
            continue
        roles = by_actor.get(a.id, ())
        ids = ", ".join(repr(ctx.plan.interventions[x].id) for x in roles[:3])
        more = msg(" and {n} more", n=len(roles) - 3) if len(roles) > 3 else ""
        where = msg("; it has roles in {ids}{more}", ids=ids, more=more) if roles else ""
        yield Hit(
            location=f"actors[{k}].capacity.level",
            message=msg(
                "actor {a!r} was assessed as lacking capacity, and no "
                "capacity-building or training activity is addressed to it{where}",
                a=a.id,
                where=where,
            ),
            hint=msg(
                "Add a capacity-building or training supporting activity for {a!r}, "
                "with its cost, to the intervention that needs that capacity.",
                a=a.id,
            ),
        )


@rule(
    "AP506",
    "actor-details",
    severity=Severity.WARNING,
    summary="Every actor has a name and a kind of stakeholder.",
    why="The guide asks for the identification of stakeholders relevant to implementation, "
    "governmental and non-governmental; the kind of each actor shows which stakeholder "
    "groups take part.",
    severity_reason=(
        "Beyond the guide: an actor without a name or kind cannot be recognised "
        "in the plan's tables, so a warning."
    ),
)
def _details(ctx: CheckContext) -> Iterator[Hit]:
    for k, a in enumerate(ctx.plan.actors):
        if not a.name.strip():
            yield Hit(
                location=f"actors[{k}].name",
                message=msg(
                    "actor {a!r} has no name",
                    a=a.id,
                ),
                hint=msg("Give the actor's full name (the ministry, unit or organization)."),
            )
        if a.kind is None:
            yield Hit(
                location=f"actors[{k}].kind",
                message=msg(
                    "actor {a!r} has no kind of stakeholder",
                    a=a.id,
                ),
                hint=msg(
                    "Say which kind of stakeholder it is: national or subnational "
                    "government, civil society, migrant or diaspora association, academia, "
                    "international organization, private sector or development partner.",
                ),
            )


RULES: tuple[Rule, ...] = (
    _unknown,
    _stage_lead,
    _coordination,
    _engagement,
    _capacity,
    _details,
)
