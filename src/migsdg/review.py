"""Review of existing frameworks against the prioritized targets.

The guide's implementation step begins with "a review of existing relevant structures and
mechanisms": institutions, strategies, legislation, policy frameworks, plans and projects
assessed against the prioritized SDG targets, to find gaps, avoid duplication of effort and
identify incoherence, horizontal (within policy areas) or vertical (between levels of
governance). :func:`review` does this for a plan's ``existing_frameworks`` inventory and its
planned interventions:

* an alignment matrix in the manner of UNDP's Rapid Integrated Assessment: for each
  prioritized target, the existing frameworks and the planned interventions serving it,
  and the share of prioritized targets covered;
* **gaps**: prioritized targets that neither an existing framework nor an intervention
  serves;
* **possible duplication**: an intervention at the same level of governance and in the same
  policy area as an existing framework, sharing at least one target with it, and with no
  link recorded between them (a link says the intervention deliberately builds on the
  framework);
* **horizontal incoherence**: one target, at one level, in one policy area, handled by
  several owners with no coordination recorded between them;
* **vertical incoherence**: frameworks or interventions at different levels of governance
  serving one target with no link recorded between the levels;
* the migration lens: explicitly migration-related targets the plan does not prioritize,
  as information.

Definitions used throughout (documented in ``docs/review-and-adoption.md``):

* An intervention has the plan's level; its *owner* is the actor leading its
  implementation stage, else the first actor with a lead role; its *policy area* is
  ``policy_area``, else ``sector``. A framework's owner is its ``owner``. Owners are compared
  as recorded: two units of one ministry are two owners.
* Policy areas are compared ignoring case, spaces, hyphens and underscores.
* Duplication and coherence are examined for the *review scope*: the prioritized targets
  and every target an intervention serves. Framework targets outside it do not concern
  this plan.
* A *link* between two items is recorded when either lists the other's id in ``links``.

Every step groups items by target, so the work is linear in the size of the plan; pairs
are only ever formed inside one target's group.

``migsdg.review`` is this module; the package exports :func:`review` as
``migsdg.review_plan`` (``import migsdg.review as r`` gives the module); import this
module's other names with ``from migsdg.review import ReviewResult``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from migsdg.catalogue import Catalogue, catalogue
from migsdg.model import (
    ActionPlan,
    ExistingFramework,
    GovernanceLevel,
    Intervention,
    RoleKind,
    Stage,
)

__all__ = [
    "REVIEW_FORMAT",
    "REVIEW_FORMAT_VERSION",
    "Duplication",
    "HorizontalFlag",
    "IncompleteFramework",
    "ReviewItem",
    "ReviewResult",
    "TargetAlignment",
    "VerticalFlag",
    "normalise_policy_area",
    "review",
    "review_plan",
]

REVIEW_FORMAT = "migsdg-review"
REVIEW_FORMAT_VERSION = 1

FRAMEWORK = "framework"
INTERVENTION = "intervention"

#: Levels of governance from the highest down; vertical pairs are (higher, lower).
_LEVEL_ORDER = (GovernanceLevel.NATIONAL, GovernanceLevel.SUBNATIONAL, GovernanceLevel.LOCAL)
_AREA_SEPARATORS = re.compile(r"[\s_\-]+")


@functools.lru_cache(maxsize=4096)  # a plan repeats a few area names many times
def normalise_policy_area(text: str) -> str:
    """The form in which policy areas are compared: lower case, with runs of spaces,
    hyphens and underscores made one space (``"Labour-Migration"`` is ``"labour migration"``)."""
    return _AREA_SEPARATORS.sub(" ", text.casefold()).strip()


@attrs.frozen(kw_only=True)
class ReviewItem:
    """An existing framework or a planned intervention, as the review sees it."""

    kind: str  # "framework" or "intervention"
    id: str
    name: str
    level: GovernanceLevel | None
    policy_area: str
    owner: str | None
    location: str  # key path in the plan, e.g. ``existing_frameworks[2]``
    targets: tuple[str, ...] = attrs.field(default=(), repr=False)
    links: frozenset[str] = attrs.field(default=frozenset(), repr=False)
    coordination: str = attrs.field(default="", repr=False)
    #: The policy area as compared (:func:`normalise_policy_area`), computed once.
    area_key: str = attrs.field(
        default=attrs.Factory(
            lambda self: normalise_policy_area(self.policy_area), takes_self=True
        ),
        repr=False,
        eq=False,
    )

    def linked_with(self, other: ReviewItem) -> bool:
        return other.id in self.links or self.id in other.links

    def ref(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name}

    def describe(self) -> str:
        return f"{self.kind} {self.id!r}"


@attrs.frozen(kw_only=True)
class TargetAlignment:
    """One row of the alignment matrix: a prioritized target and what serves it."""

    target: str
    frameworks: tuple[str, ...]  # ids of existing frameworks serving the target
    interventions: tuple[str, ...]  # ids of planned interventions serving it
    migration: str | None = None  # "explicit", "cross-cutting" or None (catalogue lens)

    @property
    def is_gap(self) -> bool:
        return not self.frameworks and not self.interventions


@attrs.frozen(kw_only=True)
class Duplication:
    """An intervention that may duplicate an existing framework: same level, same policy
    area, at least one shared target, and no link recorded between them."""

    intervention: ReviewItem
    framework: ReviewItem
    targets: tuple[str, ...]  # the targets they share

    @property
    def full(self) -> bool:
        """True when the framework already serves every target of the intervention."""
        return set(self.intervention.targets) <= set(self.framework.targets)


@attrs.frozen(kw_only=True)
class HorizontalFlag:
    """One target, at one level, in one policy area, with several owners and no
    coordination recorded between some of them.

    ``unconnected`` are the groups of owners with no coordination recorded between groups:
    owners joined by links (directly or through another owner) form a group; an owner that
    records ``coordination`` text on one of its items counts as coordinated with all.
    """

    target: str
    level: GovernanceLevel | None
    policy_area: str
    items: tuple[ReviewItem, ...]
    owners: tuple[str, ...]
    unconnected: tuple[tuple[str, ...], ...]


@attrs.frozen(kw_only=True)
class VerticalFlag:
    """Frameworks or interventions at two levels of governance serving one target with
    no link recorded between any item of one level and any of the other."""

    target: str
    upper_level: GovernanceLevel
    lower_level: GovernanceLevel
    upper: tuple[ReviewItem, ...]
    lower: tuple[ReviewItem, ...]


@attrs.frozen(kw_only=True)
class IncompleteFramework:
    """An inventory entry missing what the review needs to compare it."""

    framework: ReviewItem
    missing: tuple[str, ...]  # field names: targets, level, policy_area, owner


def _share(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


@attrs.frozen(kw_only=True)
class ReviewResult:
    """What :func:`review` found. ``to_dict()`` is the stable ``migsdg-review`` format."""

    plan: str
    level: GovernanceLevel | None
    matrix: tuple[TargetAlignment, ...]
    duplications: tuple[Duplication, ...]
    horizontal: tuple[HorizontalFlag, ...]
    vertical: tuple[VerticalFlag, ...]
    unprioritized_migration_targets: tuple[str, ...]
    incomplete_frameworks: tuple[IncompleteFramework, ...]
    frameworks: int  # size of the inventory
    #: Where each prioritized target is first listed (``objectives[i].targets[j]``).
    target_locations: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def targets(self) -> tuple[str, ...]:
        """The prioritized targets, in the matrix's order."""
        return tuple(row.target for row in self.matrix)

    @property
    def gaps(self) -> tuple[str, ...]:
        """Prioritized targets served by neither an existing framework nor an intervention."""
        return tuple(row.target for row in self.matrix if row.is_gap)

    @property
    def covered_by_frameworks(self) -> int:
        """How many prioritized targets an existing framework serves."""
        return sum(1 for row in self.matrix if row.frameworks)

    @property
    def covered_by_interventions(self) -> int:
        """How many prioritized targets a planned intervention serves."""
        return sum(1 for row in self.matrix if row.interventions)

    @property
    def covered(self) -> int:
        """How many prioritized targets are served at all (the matrix minus the gaps)."""
        return sum(1 for row in self.matrix if not row.is_gap)

    @property
    def share_covered(self) -> Decimal:
        """Share of prioritized targets served by a framework or an intervention (0-1)."""
        return _share(self.covered, len(self.matrix))

    @property
    def has_flags(self) -> bool:
        """Whether the review found gaps, possible duplication or coherence issues."""
        return bool(self.gaps or self.duplications or self.horizontal or self.vertical)

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the ``migsdg-review`` format, version 1 (``docs/formats.md``)."""
        total = len(self.matrix)
        return {
            "format": REVIEW_FORMAT,
            "version": REVIEW_FORMAT_VERSION,
            "plan": self.plan,
            "level": self.level.value if self.level else None,
            "coverage": {
                "targets": total,
                "covered": self.covered,
                "by_frameworks": self.covered_by_frameworks,
                "by_interventions": self.covered_by_interventions,
                "share_covered": str(self.share_covered),
                "share_by_frameworks": str(_share(self.covered_by_frameworks, total)),
                "share_by_interventions": str(_share(self.covered_by_interventions, total)),
            },
            "matrix": [
                {
                    "target": row.target,
                    "migration": row.migration,
                    "frameworks": list(row.frameworks),
                    "interventions": list(row.interventions),
                    "gap": row.is_gap,
                }
                for row in self.matrix
            ],
            "gaps": list(self.gaps),
            "duplications": [
                {
                    "intervention": d.intervention.ref(),
                    "framework": d.framework.ref(),
                    "level": d.framework.level.value if d.framework.level else None,
                    "policy_area": d.framework.policy_area,
                    "targets": list(d.targets),
                    "full": d.full,
                }
                for d in self.duplications
            ],
            "horizontal": [
                {
                    "target": h.target,
                    "level": h.level.value if h.level else None,
                    "policy_area": h.policy_area,
                    "owners": list(h.owners),
                    "unconnected": [list(g) for g in h.unconnected],
                    "items": [i.ref() for i in h.items],
                }
                for h in self.horizontal
            ],
            "vertical": [
                {
                    "target": v.target,
                    "upper_level": v.upper_level.value,
                    "lower_level": v.lower_level.value,
                    "upper": [i.ref() for i in v.upper],
                    "lower": [i.ref() for i in v.lower],
                }
                for v in self.vertical
            ],
            "unprioritized_migration_targets": list(self.unprioritized_migration_targets),
            "incomplete_frameworks": [
                {"framework": f.framework.ref(), "missing": list(f.missing)}
                for f in self.incomplete_frameworks
            ],
        }


# -- building the items ------------------------------------------------------------------------


def _intervention_owner(iv: Intervention) -> str | None:
    first_lead: str | None = None
    for role in iv.roles:
        if role.role is RoleKind.LEAD:
            if role.stage is Stage.IMPLEMENTATION:
                return role.actor
            if first_lead is None:
                first_lead = role.actor
    return first_lead


def _framework_item(i: int, fw: ExistingFramework) -> ReviewItem:
    return ReviewItem(
        kind=FRAMEWORK,
        id=fw.id,
        name=fw.name,
        level=fw.level,
        policy_area=fw.policy_area,
        owner=fw.owner,
        location=f"existing_frameworks[{i}]",
        targets=tuple(dict.fromkeys(fw.targets)),
        links=frozenset(fw.links),
        coordination=fw.coordination.strip(),
    )


def _intervention_item(i: int, iv: Intervention, level: GovernanceLevel | None) -> ReviewItem:
    return ReviewItem(
        kind=INTERVENTION,
        id=iv.id,
        name=iv.title,
        level=level,
        policy_area=iv.policy_area.strip() or iv.sector.strip(),
        owner=_intervention_owner(iv),
        location=f"interventions[{i}]",
        targets=tuple(dict.fromkeys(iv.targets)),
        links=frozenset(iv.links),
        coordination=iv.coordination.strip(),
    )


# -- the review -------------------------------------------------------------------------------


def review(plan: ActionPlan, *, cat: Catalogue | None = None) -> ReviewResult:
    """Review the plan's existing frameworks and interventions against its prioritized
    targets: alignment matrix, gaps, possible duplication, horizontal and vertical
    coherence flags, and explicitly migration-related targets not prioritized."""
    cat = cat or catalogue()
    frameworks = [_framework_item(i, fw) for i, fw in enumerate(plan.existing_frameworks)]
    interventions = [
        _intervention_item(i, iv, plan.level) for i, iv in enumerate(plan.interventions)
    ]

    target_locations: dict[str, str] = {}
    for i, obj in enumerate(plan.objectives):
        for j, code in enumerate(obj.targets):
            target_locations.setdefault(code, f"objectives[{i}].targets[{j}]")
    prioritized = plan.targets

    # Group by target, once: everything below works inside one target's group.
    scope = dict.fromkeys(prioritized)
    for item in interventions:
        scope.update(dict.fromkeys(item.targets))
    by_target: dict[str, list[ReviewItem]] = {t: [] for t in scope}
    for item in (*frameworks, *interventions):
        for t in item.targets:
            group = by_target.get(t)
            if group is not None:
                group.append(item)

    matrix = tuple(
        TargetAlignment(
            target=t,
            frameworks=tuple(x.id for x in by_target[t] if x.kind == FRAMEWORK),
            interventions=tuple(x.id for x in by_target[t] if x.kind == INTERVENTION),
            migration=link.relation if (link := cat.migration_links.get(t)) else None,
        )
        for t in prioritized
    )

    prioritized_set = set(prioritized)
    return ReviewResult(
        plan=plan.id,
        level=plan.level,
        matrix=matrix,
        duplications=_duplications(by_target),
        horizontal=tuple(_horizontal(by_target)),
        vertical=tuple(_vertical(by_target)),
        unprioritized_migration_targets=tuple(
            t.code for t in cat.migration_targets("explicit") if t.code not in prioritized_set
        ),
        incomplete_frameworks=tuple(_incomplete(frameworks)),
        frameworks=len(frameworks),
        target_locations=target_locations,
    )


def _duplications(by_target: Mapping[str, list[ReviewItem]]) -> tuple[Duplication, ...]:
    shared: dict[tuple[str, str], list[str]] = {}
    pairs: dict[tuple[str, str], tuple[ReviewItem, ReviewItem]] = {}
    for target, items in by_target.items():
        # Within the target: frameworks by (level, area), then each intervention looks up
        # its own (level, area) key; no pair is formed across keys.
        fw_by_key: dict[tuple[GovernanceLevel, str], list[ReviewItem]] = {}
        for x in items:
            if x.kind == FRAMEWORK and x.level is not None and x.area_key:
                fw_by_key.setdefault((x.level, x.area_key), []).append(x)
        if not fw_by_key:
            continue
        for iv in items:
            if iv.kind != INTERVENTION or iv.level is None or not iv.area_key:
                continue
            for fw in fw_by_key.get((iv.level, iv.area_key), ()):
                if iv.linked_with(fw):
                    continue
                key = (iv.location, fw.location)
                pairs[key] = (iv, fw)
                shared.setdefault(key, []).append(target)
    return tuple(
        Duplication(intervention=iv, framework=fw, targets=tuple(shared[key]))
        for key, (iv, fw) in pairs.items()
    )


class _Components:
    """Union-find over owner ids."""

    def __init__(self, members: Iterable[str]) -> None:
        self.parent = {m: m for m in members}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _horizontal(by_target: Mapping[str, list[ReviewItem]]) -> Iterable[HorizontalFlag]:
    for target, items in by_target.items():
        groups: dict[tuple[GovernanceLevel | None, str], list[ReviewItem]] = {}
        for x in items:
            if x.owner is not None and x.area_key:
                groups.setdefault((x.level, x.area_key), []).append(x)
        for (level, _), group in groups.items():
            owners = tuple(dict.fromkeys(x.owner for x in group if x.owner is not None))
            if len(owners) < 2:
                continue
            talking = {x.owner for x in group if x.coordination}
            comps = _Components(owners)
            owner_of_id: dict[str, str] = {}
            for x in group:
                assert x.owner is not None
                owner_of_id.setdefault(x.id, x.owner)
            for x in group:
                assert x.owner is not None
                for linked in x.links:
                    other = owner_of_id.get(linked)
                    if other is not None:
                        comps.union(x.owner, other)
            silent: dict[str, list[str]] = {}
            for o in owners:
                if o not in talking:
                    silent.setdefault(comps.find(o), []).append(o)
            if len(silent) < 2:
                continue
            yield HorizontalFlag(
                target=target,
                level=level,
                policy_area=group[0].policy_area,
                items=tuple(group),
                owners=owners,
                unconnected=tuple(tuple(g) for g in silent.values()),
            )


def _vertical(by_target: Mapping[str, list[ReviewItem]]) -> Iterable[VerticalFlag]:
    for target, items in by_target.items():
        by_level: dict[GovernanceLevel, list[ReviewItem]] = {}
        for x in items:
            if x.level is not None:
                by_level.setdefault(x.level, []).append(x)
        present = [lv for lv in _LEVEL_ORDER if lv in by_level]
        for a, upper_level in enumerate(present):
            for lower_level in present[a + 1 :]:
                upper, lower = by_level[upper_level], by_level[lower_level]
                upper_ids = {x.id for x in upper}
                lower_ids = {x.id for x in lower}
                linked = any(not x.links.isdisjoint(lower_ids) for x in upper) or any(
                    not x.links.isdisjoint(upper_ids) for x in lower
                )
                if not linked:
                    yield VerticalFlag(
                        target=target,
                        upper_level=upper_level,
                        lower_level=lower_level,
                        upper=tuple(upper),
                        lower=tuple(lower),
                    )


def _incomplete(frameworks: Iterable[ReviewItem]) -> Iterable[IncompleteFramework]:
    for fw in frameworks:
        missing = [
            name
            for name, absent in (
                ("targets", not fw.targets),
                ("level", fw.level is None),
                ("policy_area", not fw.area_key),
                ("owner", fw.owner is None),
            )
            if absent
        ]
        if missing:
            yield IncompleteFramework(framework=fw, missing=tuple(missing))


#: :func:`review` under the name the package exports (``migsdg.review_plan(plan)``), so
#: that ``migsdg.review`` stays this module.
review_plan = review
