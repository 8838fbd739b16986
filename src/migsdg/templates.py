"""Intervention templates and sector sub-types, as registered by plugins.

A template is data plus a small factory: :meth:`InterventionTemplate.instantiate` turns it
into an ordinary :class:`~migsdg.model.Intervention` (with overrides for the id, actors,
dates and amounts), which the checks then judge like any other.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from migsdg.catalogue import catalogue
from migsdg.errors import MigsdgError, UnknownCodeError
from migsdg.model import (
    ActionPlan,
    Beneficiary,
    CostLine,
    Disaggregation,
    Frequency,
    FundingCategory,
    IndicatorKind,
    IndicatorRef,
    Intervention,
    InterventionForm,
    InterventionType,
    MonitoringEntry,
    Output,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)

__all__ = [
    "ActorSlot",
    "InterventionSubtype",
    "InterventionTemplate",
    "SuggestedActivity",
    "SuggestedIndicator",
    "template_problems",
    "template_to_dict",
]

_TEMPLATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLOT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DAC = re.compile(r"^\d{5}$")


@attrs.frozen(kw_only=True)
class InterventionSubtype:
    """A sector sub-type of one of the guide's six intervention types."""

    id: str  # e.g. "labour.ethical-recruitment"
    name: str
    type: InterventionType
    sector: str
    description: str = ""
    plugin: str = ""


@attrs.frozen(kw_only=True)
class ActorSlot:
    """A typical actor at one stage, to be bound to one of the plan's actors.

    ``slot`` names the actor generically (``"labour-ministry"``); :meth:`instantiate`
    maps slots to the plan's actor ids through its ``actors`` argument.
    """

    stage: Stage
    slot: str
    description: str  # e.g. "Ministry responsible for labour"
    role: RoleKind = RoleKind.SUPPORT
    tasks: str = ""


@attrs.frozen(kw_only=True)
class SuggestedActivity:
    """A supporting activity a template suggests (training, advocacy …), added to each
    intervention made from it."""

    kind: SupportingActivityKind
    description: str


@attrs.frozen(kw_only=True)
class SuggestedIndicator:
    """A suggested indicator: an SDG code, or a national/proxy indicator definition."""

    indicator: IndicatorRef
    disaggregation: tuple[Disaggregation, ...] = ()
    data_source: str = ""
    frequency: Frequency | None = None
    #: The actor slot responsible for the indicator; by default the slot that leads the
    #: monitoring stage.
    responsible: str | None = None


@attrs.frozen(kw_only=True)
class InterventionTemplate:
    """A ready-made, sector-tailored intervention."""

    id: str  # unique across plugins, e.g. "labour.fair-recruitment"
    sector: str
    title: str
    description: str
    type: InterventionType
    form: InterventionForm
    targets: tuple[str, ...]
    rationale: str
    subtype: str | None = None
    policy_area: str = ""
    beneficiaries: tuple[Beneficiary, ...] = ()
    actors: tuple[ActorSlot, ...] = ()
    coordination: str = ""
    outputs: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    supporting_activities: tuple[SuggestedActivity, ...] = ()
    indicators: tuple[SuggestedIndicator, ...] = ()
    funding_categories: tuple[FundingCategory, ...] = ()
    gcm_objectives: tuple[int, ...] = ()
    migration_domains: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()  # the frameworks and documents it draws on
    plugin: str = ""
    #: OECD DAC 5-digit purpose codes (the IATI ``Sector`` vocabulary) the intervention
    #: would be reported under; reachable from an intervention through its ``template``.
    dac_sectors: tuple[str, ...] = ()

    @property
    def default_id(self) -> str:
        """The id an instance gets unless told otherwise: the last part of the template id."""
        return self.id.rsplit(".", 1)[-1]

    @property
    def slots(self) -> tuple[str, ...]:
        """The actor slots of the template, in first-seen order."""
        return tuple(dict.fromkeys(a.slot for a in self.actors))

    def instantiate(
        self,
        *,
        id: str | None = None,
        actors: Mapping[str, str] | None = None,
        start: _dt.date | None = None,
        end: _dt.date | None = None,
        resources: Sequence[CostLine] = (),
        activity_costs: Sequence[Decimal | None] = (),
        objectives: Sequence[str] = (),
    ) -> Intervention:
        """An ordinary intervention made from this template.

        ``actors`` maps the template's actor slots (:attr:`slots`) to the plan's actor
        ids; a slot left unmapped keeps the slot name as its actor id, so a plan that
        has an actor of that id binds it and otherwise the checks name the actor still to
        be bound. Dates, costed resources and supporting-activity costs stay empty unless
        given: a template cannot know them, and the checks say so.

        :raises UnknownCodeError: ``actors`` names a slot the template does not have.
        :raises ValueError: more ``activity_costs`` than supporting activities.
        """
        bound = dict(actors or {})
        for slot in bound:
            if slot not in self.slots:
                raise UnknownCodeError(f"actor slot of template {self.id}", slot, self.slots)
        if len(activity_costs) > len(self.supporting_activities):
            raise ValueError(
                f"{len(activity_costs)} activity costs for "
                f"{len(self.supporting_activities)} supporting activities"
            )
        roles = tuple(
            Role(stage=a.stage, actor=bound.get(a.slot, a.slot), role=a.role, tasks=a.tasks)
            for a in self.actors
        )
        costs = [*activity_costs, *[None] * len(self.supporting_activities)]
        activities = tuple(
            SupportingActivity(kind=s.kind, description=s.description, cost=costs[i])
            for i, s in enumerate(self.supporting_activities)
        )
        monitoring_lead = next(
            (
                a.slot
                for a in self.actors
                if a.stage is Stage.MONITORING and a.role is RoleKind.LEAD
            ),
            None,
        )
        monitoring = tuple(
            MonitoringEntry(
                indicator=s.indicator,
                disaggregation=s.disaggregation,
                data_source=s.data_source,
                frequency=s.frequency,
                responsible=_bind(bound, s.responsible or monitoring_lead),
            )
            for s in self.indicators
        )
        return Intervention(
            id=id or self.default_id,
            title=self.title,
            description=self.description,
            type=self.type,
            form=self.form,
            subtype=self.subtype,
            sector=self.sector,
            policy_area=self.policy_area,
            rationale=self.rationale,
            targets=self.targets,
            objectives=tuple(objectives),
            beneficiaries=self.beneficiaries,
            roles=roles,
            coordination=self.coordination,
            timeframe=Timeframe(start=start, end=end),
            outputs=tuple(Output(description=o) for o in self.outputs),
            outcomes=self.outcomes,
            supporting_activities=activities,
            resources=tuple(resources),
            monitoring=monitoring,
            gcm_objectives=self.gcm_objectives,
            migration_domains=self.migration_domains,
            template=self.id,
        )

    def add_to(
        self,
        plan: ActionPlan,
        *,
        id: str | None = None,
        actors: Mapping[str, str] | None = None,
        start: _dt.date | None = None,
        end: _dt.date | None = None,
        objectives: Sequence[str] | None = None,
    ) -> ActionPlan:
        """``plan`` with an intervention made from this template appended.

        ``actors`` binds slots to actors of the plan; a slot named like one of the plan's
        actors is bound to it anyway. Without ``objectives`` the intervention is linked
        to the plan's objectives that share one of its SDG targets. What the template
        cannot know (dates unless given, costs, funding) is left for the checks to name.

        :raises UnknownCodeError: a slot the template lacks, or an actor or objective the
            plan lacks.
        :raises MigsdgError: the plan already has an intervention with this id, or
            ``start`` is after ``end``.
        """
        actor_ids = [a.id for a in plan.actors]
        for actor in (actors or {}).values():
            if actor not in actor_ids:
                raise UnknownCodeError("plan actor", actor, _near(actor, actor_ids))
        objective_ids = [o.id for o in plan.objectives]
        if objectives is None:
            targets = set(self.targets)
            objectives = [o.id for o in plan.objectives if targets & set(o.targets)]
        for oid in objectives:
            if oid not in objective_ids:
                raise UnknownCodeError("plan objective", oid, _near(oid, objective_ids))
        if start is not None and end is not None and start > end:
            raise MigsdgError(f"the start date {start} is after the end date {end}")
        iv = self.instantiate(id=id, actors=actors, start=start, end=end, objectives=objectives)
        if any(existing.id == iv.id for existing in plan.interventions):
            raise MigsdgError(f"the plan already has an intervention {iv.id!r}; choose another id")
        return attrs.evolve(plan, interventions=(*plan.interventions, iv))


def _near(value: str, pool: Sequence[str]) -> list[str]:
    return difflib.get_close_matches(value, list(pool), n=3, cutoff=0.6)


def _bind(bound: Mapping[str, str], slot: str | None) -> str | None:
    return None if slot is None else bound.get(slot, slot)


def template_problems(
    template: InterventionTemplate,
    *,
    subtypes: Mapping[str, InterventionSubtype] | None = None,
) -> list[str]:
    """What is wrong with a template, in words for its author (empty when it is sound).

    Checked: the id reads ``<sector>.<name>``; the texts every intervention needs are
    there; SDG targets and indicators, GCM objectives and 10.7.2 domains are known codes;
    DAC codes have five digits; actor slots are well formed and each of the four stages
    has a leading slot (so an instance meets the roles criterion once bound); the
    sub-type (when ``subtypes`` is given) is registered and of the template's type.
    """
    cat = catalogue()
    t = template
    out: list[str] = []
    if not _TEMPLATE_ID.match(t.id) or not t.id.startswith(f"{t.sector}."):
        out.append(
            f"id must read '<sector>.<name>' in lower case with hyphens, starting with its "
            f"sector {t.sector!r}"
        )
    for name in ("title", "description", "rationale"):
        if not getattr(t, name).strip():
            out.append(f"{name} is empty")
    if not t.targets:
        out.append("it serves no SDG target")
    out += [f"unknown SDG target {code!r}" for code in t.targets if not cat.has_target(code)]
    for s in t.indicators:
        ref = s.indicator
        if ref.kind is IndicatorKind.SDG:
            if not ref.code or not cat.has_indicator(ref.code):
                out.append(f"unknown SDG indicator {ref.code!r}")
        elif not ref.name.strip() or not ref.definition.strip():
            out.append(
                f"{ref.kind.value} indicator {ref.code or ref.name!r} needs a name and a definition"
            )
    out += [f"unknown GCM objective {n}" for n in t.gcm_objectives if n not in cat.gcm_objectives]
    out += [
        f"unknown 10.7.2 domain {n}" for n in t.migration_domains if n not in cat.migration_domains
    ]
    out += [f"DAC sector code {c!r} is not five digits" for c in t.dac_sectors if not _DAC.match(c)]
    for a in t.actors:
        if not _SLOT.match(a.slot):
            out.append(f"actor slot {a.slot!r} must be lower case with hyphens")
    led = {a.stage for a in t.actors if a.role is RoleKind.LEAD}
    out += [f"no actor slot leads the {stage.value} stage" for stage in Stage if stage not in led]
    slots = set(t.slots)
    out += [
        f"indicator responsible {s.responsible!r} is not one of the template's actor slots"
        for s in t.indicators
        if s.responsible is not None and s.responsible not in slots
    ]
    if subtypes is not None and t.subtype is not None:
        sub = subtypes.get(t.subtype)
        if sub is None:
            out.append(f"sub-type {t.subtype!r} is not registered")
        elif sub.type is not t.type:
            out.append(f"sub-type {t.subtype!r} is a kind of {sub.type.value}, not {t.type.value}")
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def template_to_dict(template: InterventionTemplate) -> dict[str, Any]:
    """Plain data for a template (``migsdg templates --format json``)."""
    data: dict[str, Any] = _plain(template)
    return data
