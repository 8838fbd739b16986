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


def _names(items: tuple[ReviewItem, ...]) -> str:
    return ", ".join(x.describe() for x in items)


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
            message=f"prioritized target {target} is served by no existing framework and no "
            "planned intervention",
            hint="Add an intervention for it, or record in existing_frameworks the "
            "institution, strategy, law, plan or project that already serves it.",
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
        level = fw.level.value if fw.level else ""
        if d.full:
            scope = "all of its targets (" + ", ".join(d.targets) + ")"
        else:
            scope = ("targets " if len(d.targets) > 1 else "target ") + ", ".join(d.targets)
        yield Hit(
            location=iv.location,
            message=f"intervention {iv.id!r} may duplicate existing {fw.id!r}"
            f"{f' ({fw.name})' if fw.name else ''}: both {level} level, policy area "
            f"{fw.policy_area!r}, sharing {scope}",
            hint=f"If the intervention builds on or extends {fw.id!r}, add {fw.id!r} to its "
            "links and say how in coordination; otherwise reconsider it.",
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
        level = f" at {h.level.value} level" if h.level else ""
        yield Hit(
            location=location,
            message=f"target {h.target} in policy area {h.policy_area!r}{level} is handled "
            f"by {len(h.owners)} owners ({', '.join(h.owners)}) with no coordination "
            f"recorded between {groups} (items: {_names(h.items)})",
            hint="Record how they coordinate (the coordination field) or link the related "
            "frameworks and interventions to each other (links).",
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
            message=f"target {v.target} is served at {v.upper_level.value} level "
            f"({_names(v.upper)}) and at {v.lower_level.value} level ({_names(v.lower)}) "
            "with no link recorded between the levels",
            hint="Add to links the framework or intervention of the other level that this "
            "one implements, complements or reports to.",
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
            message="explicitly migration-related targets not prioritized: " + ", ".join(missing),
            hint="For information: consider whether any of them belongs in the plan "
            "(migsdg targets --migration explicit lists their text).",
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
                message="no existing frameworks are recorded, so the plan cannot be checked "
                "for duplication or incoherence with them",
                hint="List in existing_frameworks the institutions, strategies, laws, plans "
                "and projects relevant to the prioritized targets.",
            )
        return
    for f in result.incomplete_frameworks:
        yield Hit(
            location=f.framework.location,
            message=f"existing framework {f.framework.id!r} has no "
            + ", ".join(m.replace("_", " ") for m in f.missing)
            + "; the review cannot compare it fully",
            hint="Complete the entry so gaps, duplication and coherence can be assessed.",
        )


RULES: tuple[Rule, ...] = (_gap, _duplication, _horizontal, _vertical, _migration, _inventory)
