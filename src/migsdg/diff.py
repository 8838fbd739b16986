"""A semantic diff between two versions of a plan, for revision notes and reviewers.

:func:`diff_plans` compares what a plan *means*, not its file layout: objectives and
prioritized targets added or dropped, interventions added, removed or changed field by
field, interim values, roles, budget and funding, status and revision history.

Items are matched by identity, never by position, and lists of values (targets,
outcomes, links) are compared regardless of order, so reordering is never a change:

* plan-level collections (objectives, interim targets, interventions, actors, funding
  sources, consultations, existing frameworks) by ``id``;
* inside an intervention: roles by ``stage/actor``, funding arrangements by
  ``source/status`` (and ``/year`` when given), costed resources by ``description``
  (and ``/year``), supporting activities by ``kind/description``, outputs by
  ``description``, monitoring entries by indicator code (or name), beneficiaries by
  group, interim measures and achieved values by year (an achieved value without a year
  by its date), spending records by ``date`` (and ``/source`` when given); consultation
  participants by group; exchange rates by currency. Where two items share a key, the
  second is ``key#2`` and so on.

Changes are addressed by paths in that vocabulary, such as
``roles[implementation/min-labour].role`` or ``monitoring[10.7.2].interim[2027].value``.
Matching uses dictionaries, so the diff is linear in the size of the two plans.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from migsdg.model import (
    ActionPlan,
    Consultation,
    Intervention,
    MonitoringEntry,
    PlanStatus,
    Revision,
    Timeframe,
)
from migsdg.views import CurrencyError, FundingSummary, funding_summary, plain_amount
from migsdg.workflow import history_rewrites

__all__ = [
    "DIFF_FORMAT",
    "DIFF_FORMAT_VERSION",
    "FUNDING_FIGURES",
    "Change",
    "FundingDelta",
    "ItemsDiff",
    "PlanDiff",
    "diff_plans",
]

DIFF_FORMAT = "migsdg-diff"
DIFF_FORMAT_VERSION = 1

#: The funding figures compared per intervention and for the plan.
FUNDING_FIGURES = ("required", "secured", "pledged", "proposed", "gap", "spent")

#: The plan's collections of items with ids, compared item by item.
ID_COLLECTIONS = (
    "objectives",
    "interim_targets",
    "interventions",
    "actors",
    "funding_sources",
    "consultations",
    "existing_frameworks",
)
#: The plan's own fields: all but its collections of items, its status and its history.
_PLAN_FIELDS = frozenset(
    f.name
    for f in attrs.fields(ActionPlan)
    if f.name not in {*ID_COLLECTIONS, "status", "revisions"}
)


@attrs.frozen(kw_only=True)
class Change:
    """One difference: at ``path``, a value ``added``, ``removed`` or ``changed``."""

    path: str
    kind: str  # "added", "removed" or "changed"
    old: Any = None
    new: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "old": _plain(self.old),
            "new": _plain(self.new),
        }


@attrs.frozen(kw_only=True)
class ItemsDiff:
    """Items of one collection added, removed or changed (with their field changes)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, tuple[Change, ...]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def ids(self) -> set[str]:
        """Every id concerned: added, removed or changed."""
        return {*self.added, *self.removed, *(i for i, _ in self.changed)}

    def changes_of(self, item_id: str) -> tuple[Change, ...]:
        for i, changes in self.changed:
            if i == item_id:
                return changes
        return ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": [
                {"id": i, "changes": [c.to_dict() for c in changes]} for i, changes in self.changed
            ],
        }


@attrs.frozen(kw_only=True)
class FundingDelta:
    """Funding figures of one intervention (or of the plan) before and after."""

    intervention: str | None  # None for the plan's totals
    old: Mapping[str, Decimal]
    new: Mapping[str, Decimal]

    def delta(self, figure: str) -> Decimal:
        return self.new.get(figure, Decimal(0)) - self.old.get(figure, Decimal(0))

    @property
    def changed(self) -> bool:
        return any(self.delta(f) != 0 for f in FUNDING_FIGURES)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in FUNDING_FIGURES:
            out[f] = {
                "old": plain_amount(self.old.get(f, Decimal(0))),
                "new": plain_amount(self.new.get(f, Decimal(0))),
                "delta": plain_amount(self.delta(f)),
            }
        return out


@attrs.frozen(kw_only=True)
class PlanDiff:
    """What changed between two versions of a plan. Empty when they mean the same."""

    old_plan: str
    new_plan: str
    old_status: PlanStatus
    new_status: PlanStatus
    old_revision: int
    new_revision: int
    plan: tuple[Change, ...] = ()  # the plan's own fields (title, level, period, ...)
    targets_added: tuple[str, ...] = ()
    targets_dropped: tuple[str, ...] = ()
    objectives: ItemsDiff = ItemsDiff()
    interim_targets: ItemsDiff = ItemsDiff()
    interventions: ItemsDiff = ItemsDiff()
    actors: ItemsDiff = ItemsDiff()
    funding_sources: ItemsDiff = ItemsDiff()
    consultations: ItemsDiff = ItemsDiff()
    existing_frameworks: ItemsDiff = ItemsDiff()
    revisions_added: tuple[Revision, ...] = ()
    history_rewritten: tuple[str, ...] = ()
    currency: str = ""
    funding_totals: FundingDelta | None = None
    funding: tuple[FundingDelta, ...] = ()  # interventions whose figures changed
    funding_note: str = ""  # why funding deltas are missing, if they are

    @property
    def status_changed(self) -> bool:
        """Whether the plan's status differs between the two versions."""
        return self.old_status is not self.new_status

    @property
    def is_empty(self) -> bool:
        """Whether the two versions are the same plan (nothing added, removed or changed)."""
        return not (
            self.plan
            or self.targets_added
            or self.targets_dropped
            or any(getattr(self, name) for name in ID_COLLECTIONS)
            or self.status_changed
            or self.revisions_added
            or self.history_rewritten
        )

    def role_changes(self) -> tuple[tuple[str, Change], ...]:
        """Role changes of interventions present in both versions, with the intervention id."""
        return tuple(
            (iv, c)
            for iv, changes in self.interventions.changed
            for c in changes
            if c.path == "roles" or c.path.startswith("roles[")
        )

    def interim_changes(self) -> tuple[Change, ...]:
        """Interim values changed: plan interim targets (value, due date, added, removed)
        and interim measures of interventions' monitoring entries. Paths are prefixed with
        ``interim_targets[id]`` or ``interventions[id]``."""
        out: list[Change] = []
        for i in self.interim_targets.added:
            out.append(Change(path=f"interim_targets[{i}]", kind="added"))
        for i in self.interim_targets.removed:
            out.append(Change(path=f"interim_targets[{i}]", kind="removed"))
        for i, changes in self.interim_targets.changed:
            out += [attrs.evolve(c, path=f"interim_targets[{i}].{c.path}") for c in changes]
        for iv, changes in self.interventions.changed:
            out += [
                attrs.evolve(c, path=f"interventions[{iv}].{c.path}")
                for c in changes
                if ".interim" in c.path
            ]
        return tuple(out)

    def achieved_changes(self) -> tuple[Change, ...]:
        """Achieved values recorded, corrected or removed in the monitoring of
        interventions present in both versions (the plan as a living document). Paths are
        prefixed with ``interventions[id]``, as in
        ``interventions[iv-1].monitoring[10.7.2].achieved[2024]``."""
        return tuple(
            attrs.evolve(c, path=f"interventions[{iv}].{c.path}")
            for iv, changes in self.interventions.changed
            for c in changes
            if ".achieved" in c.path
        )

    def expenditure_changes(self) -> tuple[Change, ...]:
        """Spending recorded, corrected or removed on interventions present in both
        versions. Paths are prefixed with ``interventions[id]``, as in
        ``interventions[iv-1].expenditures[2024-03-31/eu-fund].amount``."""
        return tuple(
            attrs.evolve(c, path=f"interventions[{iv}].{c.path}")
            for iv, changes in self.interventions.changed
            for c in changes
            if c.path.startswith("expenditures[")
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the ``migsdg-diff`` format, version 1 (``docs/formats.md``)."""
        return {
            "format": DIFF_FORMAT,
            "version": DIFF_FORMAT_VERSION,
            "identical": self.is_empty,
            "old": {
                "plan": self.old_plan,
                "status": self.old_status.value,
                "revision": self.old_revision,
            },
            "new": {
                "plan": self.new_plan,
                "status": self.new_status.value,
                "revision": self.new_revision,
            },
            "status": (
                {"old": self.old_status.value, "new": self.new_status.value}
                if self.status_changed
                else None
            ),
            "plan": [c.to_dict() for c in self.plan],
            "targets": {"added": list(self.targets_added), "dropped": list(self.targets_dropped)},
            **{name: getattr(self, name).to_dict() for name in ID_COLLECTIONS},
            "roles": [{"intervention": iv, **c.to_dict()} for iv, c in self.role_changes()],
            "interim_values": [c.to_dict() for c in self.interim_changes()],
            "achieved_values": [c.to_dict() for c in self.achieved_changes()],
            "expenditures": [c.to_dict() for c in self.expenditure_changes()],
            "funding": {
                "currency": self.currency,
                "note": self.funding_note,
                "totals": self.funding_totals.to_dict() if self.funding_totals else None,
                "interventions": [{"id": d.intervention, **d.to_dict()} for d in self.funding],
            },
            "revisions_added": [
                {
                    "number": r.number,
                    "date": r.date.isoformat(),
                    "author": r.author,
                    "summary": r.summary,
                    "status": r.status.value if r.status else None,
                }
                for r in self.revisions_added
            ],
            "history_rewritten": list(self.history_rewritten),
        }


# -- plain values ------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as plan files write it, for JSON: fields left at their default omitted,
    dates as ISO text, whole amounts as numbers and others as text (no precision lost),
    enumerations as their values. The same representation as :func:`migsdg.io.to_plain`,
    made here so that the diff needs no reader or writer."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < 2**53:
            return int(value)
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        out = {}
        for a in attrs.fields(type(value)):
            v = getattr(value, a.name)
            if a.default is not attrs.NOTHING and v == a.default:
                continue
            out[a.name] = _plain(v)
        return out
    return str(value)


# -- keys of nested items -------------------------------------------------------------------------


def _opt(value: object) -> str:
    return "" if value is None or value == "" else f"/{value}"


KeyFunc = Callable[[Any], str]

#: How items of a nested collection are matched, by (class, field).
_KEYS: dict[tuple[type, str], KeyFunc] = {
    (Intervention, "roles"): lambda r: f"{r.stage.value}/{r.actor}",
    (Intervention, "funding"): lambda f: f"{f.source}/{f.status.value}{_opt(f.year)}",
    (Intervention, "resources"): lambda c: f"{c.description}{_opt(c.year)}",
    (Intervention, "supporting_activities"): lambda a: f"{a.kind.value}/{a.description}",
    (Intervention, "outputs"): lambda o: o.description,
    (Intervention, "monitoring"): lambda m: m.indicator.code or m.indicator.name,
    (Intervention, "beneficiaries"): lambda b: b.group,
    (Intervention, "expenditures"): lambda x: f"{x.date.isoformat()}{_opt(x.source)}",
    (Timeframe, "milestones"): lambda m: m.description,
    (MonitoringEntry, "interim"): lambda m: str(m.year) if m.year is not None else "",
    (MonitoringEntry, "achieved"): lambda v: (
        str(v.year) if v.year is not None else (v.date.isoformat() if v.date else "")
    ),
    (Consultation, "participants"): lambda p: p.group.value,
    (ActionPlan, "exchange_rates"): lambda r: r.currency,
}


def _keyed(items: Iterable[Any], key: KeyFunc) -> dict[str, Any]:
    out: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for item in items:
        k = key(item)
        seen[k] = seen.get(k, 0) + 1
        out[k if seen[k] == 1 else f"{k}#{seen[k]}"] = item
    return out


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _compare(
    old: Any, new: Any, path: str = "", only: frozenset[str] | None = None
) -> Iterator[Change]:
    """Field-by-field changes between two values of the same attrs class (only the fields
    named in ``only``, when given)."""
    cls = type(old)
    for f in attrs.fields(cls):
        if only is not None and f.name not in only:
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a == b:
            continue
        sub = _join(path, f.name)
        if attrs.has(type(a)) and type(a) is type(b):
            yield from _compare(a, b, sub)
        elif isinstance(a, tuple) and isinstance(b, tuple) and _has_items(a, b):
            key = _KEYS.get((cls, f.name))
            yield from _compare_items(a, b, sub, key)
        elif isinstance(a, tuple) and isinstance(b, tuple) and Counter(a) == Counter(b):
            continue  # the same values in another order
        else:
            yield Change(path=sub, kind="changed", old=a, new=b)


def _has_items(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return any(attrs.has(type(x)) for x in (*a, *b))


def _compare_items(
    old: tuple[Any, ...], new: tuple[Any, ...], path: str, key: KeyFunc | None
) -> Iterator[Change]:
    if key is None:  # an unforeseen collection: compare by position
        olds: dict[str, Any] = {str(i): x for i, x in enumerate(old)}
        news: dict[str, Any] = {str(i): x for i, x in enumerate(new)}
    else:
        olds, news = _keyed(old, key), _keyed(new, key)
    for k, item in olds.items():
        if k not in news:
            yield Change(path=f"{path}[{k}]", kind="removed", old=item)
    for k, item in news.items():
        before = olds.get(k)
        if before is None:
            yield Change(path=f"{path}[{k}]", kind="added", new=item)
        elif before != item:
            yield from _compare(before, item, f"{path}[{k}]")


def _items_diff(old: tuple[Any, ...], new: tuple[Any, ...]) -> ItemsDiff:
    olds = _keyed(old, lambda x: x.id)
    news = _keyed(new, lambda x: x.id)
    changed = []
    for k, item in news.items():
        before = olds.get(k)
        if before is not None and before != item:
            changes = tuple(_compare(before, item))
            if changes:  # not merely reordered
                changed.append((k, changes))
    return ItemsDiff(
        added=tuple(k for k in news if k not in olds),
        removed=tuple(k for k in olds if k not in news),
        changed=tuple(changed),
    )


# -- funding ---------------------------------------------------------------------------------------


def _figures(summary: FundingSummary) -> dict[str, dict[str, Decimal]]:
    return {
        row.intervention: {f: getattr(row, f) for f in FUNDING_FIGURES}
        for row in summary.interventions
    }


def _funding(
    old: ActionPlan, new: ActionPlan
) -> tuple[FundingDelta | None, tuple[FundingDelta, ...], str]:
    if old.currency != new.currency:
        return (
            None,
            (),
            f"the plan's currency changed from {old.currency} to {new.currency}; "
            "funding figures are not compared",
        )
    try:
        before, after = funding_summary(old), funding_summary(new)
    except CurrencyError as exc:
        return None, (), f"funding figures are not compared: {exc}"
    a, b = _figures(before), _figures(after)
    deltas = [
        FundingDelta(intervention=k, old=a.get(k, {}), new=b.get(k, {}))
        for k in dict.fromkeys((*a, *b))
    ]
    totals = FundingDelta(
        intervention=None,
        old={f: getattr(before, f) for f in FUNDING_FIGURES},
        new={f: getattr(after, f) for f in FUNDING_FIGURES},
    )
    return totals, tuple(d for d in deltas if d.changed), ""


# -- the diff ------------------------------------------------------------------------------------


def diff_plans(old: ActionPlan, new: ActionPlan) -> PlanDiff:
    """The semantic differences from ``old`` to ``new`` (see the module documentation)."""
    plan_changes = tuple(_compare(old, new, only=_PLAN_FIELDS))
    old_targets, new_targets = set(old.targets), set(new.targets)
    old_numbers = {r.number for r in old.revisions}
    totals, funding, note = _funding(old, new)
    return PlanDiff(
        old_plan=old.id,
        new_plan=new.id,
        old_status=old.status,
        new_status=new.status,
        old_revision=old.revision,
        new_revision=new.revision,
        plan=plan_changes,
        targets_added=tuple(t for t in new.targets if t not in old_targets),
        targets_dropped=tuple(t for t in old.targets if t not in new_targets),
        objectives=_items_diff(old.objectives, new.objectives),
        interim_targets=_items_diff(old.interim_targets, new.interim_targets),
        interventions=_items_diff(old.interventions, new.interventions),
        actors=_items_diff(old.actors, new.actors),
        funding_sources=_items_diff(old.funding_sources, new.funding_sources),
        consultations=_items_diff(old.consultations, new.consultations),
        existing_frameworks=_items_diff(old.existing_frameworks, new.existing_frameworks),
        revisions_added=tuple(r for r in new.revisions if r.number not in old_numbers),
        history_rewritten=history_rewrites(old, new),
        currency=new.currency,
        funding_totals=totals,
        funding=funding,
        funding_note=note,
    )
