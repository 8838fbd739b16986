"""Review rules: the review of existing frameworks as check findings.

RV1xx — what :func:`migsdg.review.review` finds (gaps, possible duplication with existing
frameworks, horizontal and vertical incoherence, the migration lens, an incomplete
inventory), reported through the same registry as every other rule so ``migsdg check``
shows them next to the criteria. Duplication between two interventions is AP801's.

The review is computed once per check run and shared by these rules.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import Term, joined, msg, msgn
from migsdg.review import INTERVENTION, ReviewItem, ReviewResult, review

__all__ = ["RULES"]

_REVIEW = (
    "The guide's implementation step: reviewing existing institutions, strategies, "
    "legislation, policy frameworks, plans and projects against the prioritized targets "
    "helps "
)

_CACHE: weakref.WeakKeyDictionary[CheckContext, ReviewResult] = weakref.WeakKeyDictionary()


def _review(ctx: CheckContext) -> ReviewResult:
    result = _CACHE.get(ctx)
    if result is None:
        result = _CACHE[ctx] = review(ctx.plan, cat=ctx.catalogue)
    return result


def _where(items: tuple[ReviewItem, ...]) -> tuple[str, str | None]:
    """Location of a flag: its first intervention if it has one, else its first item."""
    for x in items:
        if x.kind == INTERVENTION:
            return x.location, x.id
    return items[0].location, None


_MISSING = {
    "targets": msg("targets"),
    "level": msg("level"),
    "policy_area": msg("policy area"),
    "owner": msg("owner"),
}


def _names(items: tuple[ReviewItem, ...]) -> str:
    return joined(
        msg("framework {id!r}", id=x.id)
        if x.kind == "framework"
        else msg("intervention {id!r}", id=x.id)
        for x in items
    )


@rule(
    "RV101",
    "review-gap",
    severity=Severity.WARNING,
    summary="Every prioritized target is served by an existing framework or a planned "
    "intervention.",
    why=_REVIEW + 'to "map out existing relevant migration and development frameworks, with '
    "a view to identifying gaps that new interventions can help address\" (on UNDP's Rapid "
    "Integrated Assessment).",
    guide=G.RIA,
    modality=Modality.CAN,
)
def _gap(ctx: CheckContext) -> Iterator[Hit]:
    result = _review(ctx)
    for target in result.gaps:
        yield Hit(
            location=result.target_locations.get(target, "objectives"),
            message=msg(
                "prioritized target {target} is served by no existing framework and "
                "no planned intervention",
                target=target,
            ),
            hint=msg(
                "Add an intervention for it, or record among the plan's existing frameworks "
                "the institution, strategy, law, plan or project that already serves it.",
            ),
        )


@rule(
    "RV102",
    "review-duplication",
    severity=Severity.WARNING,
    summary="No intervention duplicates an existing framework at the same level, in the "
    "same policy area and on the same targets, unless a link says how it builds on it.",
    why=_REVIEW + '"ensure there is no duplication of effort".',
    guide=G.COHERENCE,
    modality=Modality.CAN,
)
def _duplication(ctx: CheckContext) -> Iterator[Hit]:
    for d in _review(ctx).duplications:
        fw, iv = d.framework, d.intervention
        targets = ", ".join(d.targets)
        if d.full:
            scope = msg("all of its targets ({targets})", targets=targets)
        else:
            scope = msgn("target {targets}", "targets {targets}", len(d.targets), targets=targets)
        named = f" ({fw.name})" if fw.name else ""
        yield Hit(
            location=iv.location,
            message=msg(
                "intervention {iv!r} may duplicate existing {fw!r}{name}: both "
                "{level} level, policy area {policy_area!r}, sharing {scope}",
                iv=iv.id,
                fw=fw.id,
                name=named,
                level=Term(fw.level) if fw.level else "",
                policy_area=fw.policy_area,
                scope=scope,
            ),
            hint=msg(
                "If the intervention builds on or extends {fw!r}, link it to {fw!r} and "
                "say how they coordinate; otherwise reconsider it.",
                fw=fw.id,
            ),
            intervention=iv.id,
        )


@rule(
    "RV103",
    "review-horizontal-coherence",
    severity=Severity.WARNING,
    summary="Where one target in one policy area is handled by several owners, coordination "
    "between them is recorded.",
    why=_REVIEW + 'identify incoherence "which could be horizontal (within policy areas)"; '
    "sessions on a target should include actors from other ministries "
    '"to help ensure policy coherence".',
    guide=G.COHERENCE,
    modality=Modality.CAN,
)
def _horizontal(ctx: CheckContext) -> Iterator[Hit]:
    for h in _review(ctx).horizontal:
        location, intervention = _where(h.items)
        groups = " and ".join("{" + ", ".join(g) + "}" for g in h.unconnected)
        level = msg(" at {level} level", level=Term(h.level)) if h.level else ""
        yield Hit(
            location=location,
            message=msg(
                "target {target} in policy area {policy_area!r}{level} is handled by "
                "{count} owners ({owners}) with no coordination recorded between "
                "{groups} (items: {items})",
                target=h.target,
                policy_area=h.policy_area,
                level=level,
                count=len(h.owners),
                owners=", ".join(h.owners),
                groups=groups,
                items=_names(h.items),
            ),
            hint=msg(
                "Record how they coordinate, or link the related frameworks and "
                "interventions to each other.",
            ),
            intervention=intervention,
        )


@rule(
    "RV104",
    "review-vertical-coherence",
    severity=Severity.WARNING,
    summary="Where frameworks or interventions at different levels of governance serve one "
    "target, a link between the levels is recorded.",
    why=_REVIEW + 'identify incoherence which could be "vertical (between levels of governance)".',
    guide=G.COHERENCE,
    modality=Modality.CAN,
)
def _vertical(ctx: CheckContext) -> Iterator[Hit]:
    for v in _review(ctx).vertical:
        location, intervention = _where((*v.lower, *v.upper))
        yield Hit(
            location=location,
            message=msg(
                "target {target} is served at {upper} level ({upper_items}) and at "
                "{lower} level ({lower_items}) with no link recorded between the levels",
                target=v.target,
                upper=Term(v.upper_level),
                upper_items=_names(v.upper),
                lower=Term(v.lower_level),
                lower_items=_names(v.lower),
            ),
            hint=msg(
                "Link it to the framework or intervention of the other level that it "
                "implements, complements or reports to.",
            ),
            intervention=intervention,
        )


@rule(
    "RV105",
    "review-migration-targets",
    severity=Severity.INFO,
    summary="Lists the explicitly migration-related SDG targets the plan does not "
    "prioritize, for consideration.",
    why="The guide applies to targets that explicitly reference migration as well as those "
    "where migration is cross-cutting; the explicit ones are the first candidates for a "
    "Migration-SDG Action Plan.",
    severity_reason=(
        "Beyond the guide: a list for consideration of the targets that name migration, so a note."
    ),
)
def _migration(ctx: CheckContext) -> Iterator[Hit]:
    missing = _review(ctx).unprioritized_migration_targets
    if missing and ctx.plan.objectives:
        yield Hit(
            location="objectives",
            message=msg(
                "explicitly migration-related targets not prioritized: {targets}",
                targets=", ".join(missing),
            ),
            hint=msg(
                "For information: consider whether any of them belongs in the plan "
                "(migsdg targets --migration explicit lists their text).",
            ),
        )


@rule(
    "RV106",
    "review-inventory",
    severity=Severity.INFO,
    summary="The plan records the existing frameworks it was reviewed against, each with "
    "its targets, level, policy area and owner.",
    why=_REVIEW + "map synergies and trade-offs; an entry without targets, level, policy "
    "area or owner cannot be compared with the interventions.",
    guide=G.FRAMEWORK_REVIEW,
    modality=Modality.CAN,
)
def _inventory(ctx: CheckContext) -> Iterator[Hit]:
    result = _review(ctx)
    if result.frameworks == 0:
        if ctx.plan.interventions:
            yield Hit(
                location="existing_frameworks",
                message=msg(
                    "no existing frameworks are recorded, so the plan cannot be checked "
                    "for duplication or incoherence with them",
                ),
                hint=msg(
                    "List among the plan's existing frameworks the institutions, strategies, "
                    "laws, plans and projects relevant to the prioritized targets.",
                ),
            )
        return
    for f in result.incomplete_frameworks:
        yield Hit(
            location=f.framework.location,
            message=msg(
                "existing framework {framework!r} has no {missing}; the review cannot "
                "compare it fully",
                framework=f.framework.id,
                missing=joined(_MISSING[m] for m in f.missing),
            ),
            hint=msg(
                "Complete the entry so gaps, duplication and coherence can be assessed.",
            ),
        )


RULES: tuple[Rule, ...] = (_gap, _duplication, _horizontal, _vertical, _migration, _inventory)
