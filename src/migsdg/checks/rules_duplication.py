"""AP8xx — duplication: of effort between interventions, and of identifiers in the plan.

The guide's review of existing structures helps "ensure there is no duplication of
effort". Two interventions of the same type, on the same targets, led by the same actor at
the same time are probably one piece of work planned twice. Interventions are grouped by
that key and compared only within a group, sorted by start date, so the rule stays linear
in practice however large the plan.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Any

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import Term, msg
from migsdg.model import Intervention, InterventionType

__all__ = ["RULES"]


@rule(
    "AP801",
    "duplicated-effort",
    severity=Severity.WARNING,
    summary="No two interventions have the same type, the same SDG targets and the same "
    "lead actor with overlapping timeframes, unless they are linked to each other.",
    why="The guide's review of existing structures and mechanisms should \"help ensure "
    'there is no duplication of effort". Interventions that are meant to work together '
    "(phases, pilots and scale-up) say so by listing each other in links.",
    guide=G.COHERENCE,
    modality=Modality.CAN,
)
def _duplicated(ctx: CheckContext) -> Iterator[Hit]:
    Key = tuple[InterventionType, frozenset[str], str]
    groups: dict[Key, list[tuple[_dt.date, _dt.date, int]]] = {}
    for i, iv in enumerate(ctx.plan.interventions):
        tf = iv.timeframe
        lead = ctx.lead_actor(iv)
        if iv.type is None or not iv.targets or lead is None:
            continue
        if tf.start is None or tf.end is None or tf.end < tf.start:
            continue  # AP104 and AP301 report these
        groups.setdefault((iv.type, frozenset(iv.targets), lead), []).append((tf.start, tf.end, i))
    ivs = ctx.plan.interventions
    for (kind, targets, lead), members in groups.items():
        if len(members) < 2:
            continue
        members.sort()
        # Sweep by start date: each intervention is compared with the one, among those
        # starting earlier, that runs longest.
        longest = members[0]
        for item in members[1:]:
            start, end, i = item
            if start <= longest[1] and not _linked(ivs[i], ivs[longest[2]]):
                other = ivs[longest[2]]
                iv = ivs[i]
                yield Hit(
                    location=ctx.where(i),
                    message=msg(
                        "intervention {iv!r} probably duplicates {other!r}: same type "
                        "({kind}), same targets ({targets}), same lead actor ({lead!r}) and "
                        "overlapping timeframes ({start} to {end}, and {start2} to {end2})",
                        iv=iv.id,
                        other=other.id,
                        kind=Term(kind),
                        targets=", ".join(sorted(targets)),
                        lead=lead,
                        start=start,
                        end=end,
                        start2=longest[0],
                        end2=longest[1],
                    ),
                    hint=msg(
                        "Merge the two interventions, or make their difference explicit; if "
                        "they are deliberately related (phases, a pilot and its scale-up), "
                        "link them to each other.",
                    ),
                    intervention=iv.id,
                )
            if end > longest[1]:
                longest = item


def _linked(a: Intervention, b: Intervention) -> bool:
    return b.id in a.links or a.id in b.links


_LISTS = (
    "objectives",
    "interim_targets",
    "interventions",
    "actors",
    "funding_sources",
    "consultations",
    "existing_frameworks",
)
_LIST_NAMES = {
    "objectives": msg("objectives"),
    "interim_targets": msg("interim targets"),
    "interventions": msg("interventions"),
    "actors": msg("actors"),
    "funding_sources": msg("funding sources"),
    "consultations": msg("consultations"),
    "existing_frameworks": msg("existing frameworks"),
}


@rule(
    "AP802",
    "duplicate-id",
    severity=Severity.ERROR,
    summary="Identifiers are unique within each list of the plan (objectives, interim "
    "targets, interventions, actors, funding sources, consultations, frameworks).",
    why="Roles, funding, outputs and links refer to records by id; two records with one id "
    "make every such reference ambiguous.",
    severity_reason=(
        "Beyond the guide: two records with one id make every reference to it "
        "ambiguous, so an error."
    ),
)
def _duplicate_id(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    for name in _LISTS:
        items: Sequence[Any] = getattr(plan, name)
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id not in first:
                first[item.id] = i
                continue
            yield Hit(
                location=f"{name}[{i}].id",
                message=msg(
                    "id {item!r} is given to two {name}: entries {first} and {i} of the list",
                    item=item.id,
                    name=_LIST_NAMES[name],
                    first=first[item.id] + 1,
                    i=i + 1,
                ),
                hint=msg(
                    "Give each record its own id; references elsewhere in the plan use it.",
                ),
                intervention=item.id if name == "interventions" else None,
            )


@rule(
    "AP803",
    "unknown-link",
    severity=Severity.WARNING,
    summary="Links from interventions and existing frameworks, and the synergies and "
    "trade-offs the review found, name interventions or frameworks of the plan.",
    why="Links record coordination with existing institutions, strategies and "
    "interventions, which the guide's review of existing structures uses to find "
    "incoherence and duplication; a link to nothing records nothing.",
    severity_reason=(
        "Beyond the guide: a link to nothing records nothing; a warning, as "
        "links are notes on coordination."
    ),
)
def _unknown_link(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    known = {iv.id for iv in plan.interventions} | {fw.id for fw in plan.existing_frameworks}
    for where, iv in ctx.interventions():
        for j, ref in enumerate(iv.links):
            if ref not in known:
                yield Hit(
                    location=f"{where}.links[{j}]",
                    message=msg(
                        "intervention {iv!r} links to {ref!r}, which is neither an "
                        "intervention nor an existing framework of the plan{suggestion}",
                        iv=iv.id,
                        ref=ref,
                        suggestion=ctx.did_you_mean(ref, known),
                    ),
                    hint=msg(
                        "Use the id of an intervention or of an existing framework, or add "
                        "the framework to the plan's existing frameworks.",
                    ),
                    intervention=iv.id,
                )
    for k, fw in enumerate(plan.existing_frameworks):
        for j, ref in enumerate(fw.links):
            if ref not in known:
                yield Hit(
                    location=f"existing_frameworks[{k}].links[{j}]",
                    message=msg(
                        "framework {framework!r} links to {ref!r}, which is neither an "
                        "intervention nor an existing framework of the plan{suggestion}",
                        framework=fw.id,
                        ref=ref,
                        suggestion=ctx.did_you_mean(ref, known),
                    ),
                    hint=msg("Use the id of an intervention or of an existing framework."),
                )
    for k, x in enumerate(plan.framework_interactions):
        for j, ref in enumerate(x.between):
            if ref not in known:
                yield Hit(
                    location=f"framework_interactions[{k}].between[{j}]",
                    message=msg(
                        "a {kind} found by the review names {ref!r}, which is neither an "
                        "intervention nor an existing framework of the plan{suggestion}",
                        kind=Term(x.kind),
                        ref=ref,
                        suggestion=ctx.did_you_mean(ref, known),
                    ),
                    hint=msg("Use the id of an intervention or of an existing framework."),
                )


RULES: tuple[Rule, ...] = (_duplicated, _duplicate_id, _unknown_link)
