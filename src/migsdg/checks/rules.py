"""The core criteria rules.

AP1xx — the eight elements the guide's "Implementation Tool: Action Plan Criteria" asks
for every intervention, one rule per element so a finding names what is missing
(AP101-AP108), and the target beneficiaries the guide asks planners to define (AP109).

The other groups live in their own modules: AP2xx objectives and targets
(:mod:`.rules_objectives`), AP3xx timeframes and interim targets (:mod:`.rules_timeframes`),
AP4xx resources and funding (:mod:`.rules_funding`), AP5xx actors, roles and stakeholders
(:mod:`.rules_actors`), AP6xx monitoring (:mod:`.rules_monitoring`), AP7xx review and
adoption (:mod:`.rules_adoption`), AP8xx duplication and coherence (:mod:`.rules_duplication`).

Each rule's ``why`` says where it comes from in the guide; ``docs/checks.md`` is generated
from these definitions.
"""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import msg

__all__ = ["RULES"]

_CRITERIA = "The guide's Action Plan Criteria ask, for each intervention: "


@rule(
    "AP101",
    "intervention-description",
    severity=Severity.ERROR,
    summary="Every intervention has a description, one of the guide's six intervention "
    "types, and its form (policy process, legislative change, programme or project).",
    why=_CRITERIA + '"a description of the intervention, type of policy process, legislative '
    'change, programmes or projects".',
    guide=G.DESCRIPTION,
    modality=Modality.MUST,
)
def _description(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.description.strip():
            yield Hit(
                location=f"{where}.description",
                message=msg(
                    "intervention {iv!r} has no description",
                    iv=iv.id,
                ),
                hint=msg("Describe what the intervention is and what it changes."),
                intervention=iv.id,
            )
        if iv.type is None:
            yield Hit(
                location=f"{where}.type",
                message=msg(
                    "intervention {iv!r} has no intervention type",
                    iv=iv.id,
                ),
                hint=msg(
                    "Choose one of the guide's six types of intervention: new policy or "
                    "legislation, mainstreaming migration into other policies, mainstreaming "
                    "migration into development programming, migration programming, "
                    "rights-based approaches, or technical capacity-building and knowledge "
                    "sharing.",
                ),
                intervention=iv.id,
            )
        if iv.form is None:
            yield Hit(
                location=f"{where}.form",
                message=msg(
                    "intervention {iv!r} does not say whether it is a policy process, "
                    "legislative change, programme or project",
                    iv=iv.id,
                ),
                hint=msg(
                    "Say whether it is a policy process, a legislative change, a programme or "
                    "a project.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP102",
    "intervention-rationale",
    severity=Severity.ERROR,
    summary="Every intervention states the rationale behind it.",
    why=_CRITERIA + '"the rationale behind this intervention".',
    guide=G.RATIONALE,
    modality=Modality.MUST,
)
def _rationale(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.rationale.strip():
            yield Hit(
                location=f"{where}.rationale",
                message=msg(
                    "intervention {iv!r} has no rationale",
                    iv=iv.id,
                ),
                hint=msg(
                    "Explain why this intervention, for these targets, in this context: "
                    "the gap it fills and the evidence behind it.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP103",
    "intervention-roles",
    severity=Severity.ERROR,
    summary="Every intervention names the roles and tasks of its implementing actors.",
    why=_CRITERIA + '"roles and tasks of implementing actors at each stage of the '
    'intervention (including the relationship and coordination between them)".',
    guide=G.ROLES,
    modality=Modality.MUST,
)
def _roles(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.roles:
            yield Hit(
                location=f"{where}.roles",
                message=msg(
                    "intervention {iv!r} names no implementing actors",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add roles: for each stage (design, implementation, monitoring, "
                    "evaluation) the actor, whether it leads, supports or is consulted, "
                    "and its tasks.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP104",
    "intervention-timeframe",
    severity=Severity.ERROR,
    summary="Every intervention has a timeframe with a start and an end date.",
    why=_CRITERIA + 'a "timeframe".',
    guide=G.TIMEFRAME,
    modality=Modality.MUST,
)
def _timeframe(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for end in ("start", "end"):
            if getattr(iv.timeframe, end) is None:
                yield Hit(
                    location=f"{where}.timeframe.{end}",
                    message=(
                        msg("intervention {iv!r} has no start date", iv=iv.id)
                        if end == "start"
                        else msg("intervention {iv!r} has no end date", iv=iv.id)
                    ),
                    hint=(
                        msg("Set the start date of its timeframe (YYYY-MM-DD).")
                        if end == "start"
                        else msg("Set the end date of its timeframe (YYYY-MM-DD).")
                    ),
                    intervention=iv.id,
                )


@rule(
    "AP105",
    "intervention-results",
    severity=Severity.ERROR,
    summary="Every intervention lists its expected outputs and outcomes.",
    why=_CRITERIA + '"expected outcomes and outputs".',
    guide=G.RESULTS,
    modality=Modality.MUST,
)
def _results(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.outputs:
            yield Hit(
                location=f"{where}.outputs",
                message=msg(
                    "intervention {iv!r} lists no expected outputs",
                    iv=iv.id,
                ),
                hint=msg(
                    "List the concrete outputs (a law drafted, staff trained, a service "
                    "opened), with due dates where interim targets apply.",
                ),
                intervention=iv.id,
            )
        if not iv.outcomes:
            yield Hit(
                location=f"{where}.outcomes",
                message=msg(
                    "intervention {iv!r} lists no expected outcomes",
                    iv=iv.id,
                ),
                hint=msg(
                    "State the change the outputs should bring about for the targets and "
                    "the beneficiaries.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP106",
    "intervention-supporting-activities",
    severity=Severity.WARNING,
    summary="Every intervention considers supporting activities (training, "
    "capacity-building, advocacy, knowledge sharing).",
    why=_CRITERIA + '"any supporting activities, such as training, capacity-building or '
    'advocacy". The guide calls capacity-building and knowledge sharing key ongoing steps.',
    guide=G.SUPPORTING,
    modality=Modality.MUST,
    severity_reason=(
        "The criteria ask for *any* supporting activities: an intervention may "
        "rightly need none, so their absence is a warning to consider them, not "
        "an error."
    ),
)
def _supporting(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.supporting_activities:
            yield Hit(
                location=f"{where}.supporting_activities",
                message=msg(
                    "intervention {iv!r} has no supporting activities",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add the training, capacity-building, advocacy or knowledge sharing "
                    "the intervention needs, with their cost; if it truly needs none, "
                    "say why in its notes.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP107",
    "intervention-resources",
    severity=Severity.ERROR,
    summary="Every intervention states the resources it requires and its funding arrangements.",
    why=_CRITERIA + '"resources required for the intervention and description of funding '
    'arrangements".',
    guide=G.RESOURCES,
    modality=Modality.MUST,
)
def _resources(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.resources:
            yield Hit(
                location=f"{where}.resources",
                message=msg(
                    "intervention {iv!r} has no costed resources",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add costed lines (description, amount, year) for what the "
                    "intervention requires.",
                ),
                intervention=iv.id,
            )
        if not iv.funding:
            yield Hit(
                location=f"{where}.funding",
                message=msg(
                    "intervention {iv!r} has no funding arrangements",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add funding: which source, how much, and whether it is secured, "
                    "pledged or proposed.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP108",
    "intervention-monitoring",
    severity=Severity.ERROR,
    summary="Every intervention says how it will be monitored and evaluated.",
    why=_CRITERIA + '"how monitoring and evaluation will take place", informed by the '
    "indicators and monitoring and reporting mechanisms already established.",
    guide=G.MONITORING,
    modality=Modality.MUST,
)
def _monitoring(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.monitoring:
            yield Hit(
                location=f"{where}.monitoring",
                message=msg(
                    "intervention {iv!r} has no monitoring and evaluation entries",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add at least one indicator (an SDG indicator or a national/proxy "
                    "one) with baseline, target, data source, frequency and the actor "
                    "responsible.",
                ),
                intervention=iv.id,
            )


@rule(
    "AP109",
    "intervention-beneficiaries",
    severity=Severity.WARNING,
    summary="Every intervention defines its target beneficiaries, each with a named group.",
    why="The guide asks that the discussions on interventions include "
    '"the definition of target beneficiaries of interventions"; in its Ecuador case, '
    "provincial units made migrants and displaced persons beneficiaries of their services.",
    guide=G.DISCUSSIONS,
    modality=Modality.SHOULD,
)
def _beneficiaries(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        if not iv.beneficiaries:
            yield Hit(
                location=f"{where}.beneficiaries",
                message=msg(
                    "intervention {iv!r} does not define its target beneficiaries",
                    iv=iv.id,
                ),
                hint=msg(
                    "Add beneficiaries: the groups the intervention serves (for example "
                    "returning migrants, migrant workers in agriculture, displaced "
                    "families), with an estimated number where known.",
                ),
                intervention=iv.id,
            )
        for j, b in enumerate(iv.beneficiaries):
            if not b.group.strip():
                yield Hit(
                    location=f"{where}.beneficiaries[{j}].group",
                    message=msg(
                        "a beneficiary of intervention {iv!r} has no group name",
                        iv=iv.id,
                    ),
                    hint=msg("Name the group of people the intervention serves."),
                    intervention=iv.id,
                )


RULES: tuple[Rule, ...] = (
    _description,
    _rationale,
    _roles,
    _timeframe,
    _results,
    _supporting,
    _resources,
    _monitoring,
    _beneficiaries,
)
