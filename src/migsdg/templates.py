"""Intervention templates and sector sub-types, as registered by plugins.

A template is data plus a small factory: :meth:`InterventionTemplate.instantiate` turns it
into an ordinary :class:`~migsdg.model.Intervention` (with overrides for the id, actors,
dates and amounts), which the checks then judge like any other.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from migsdg.model import (
    Beneficiary,
    CostLine,
    Disaggregation,
    FundingCategory,
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
]


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
    kind: SupportingActivityKind
    description: str


@attrs.frozen(kw_only=True)
class SuggestedIndicator:
    """A suggested indicator: an SDG code, or a national/proxy indicator definition."""

    indicator: IndicatorRef
    disaggregation: tuple[Disaggregation, ...] = ()
    data_source: str = ""


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
        """An intervention made from this template.

        ``actors`` maps the template's actor slots to the plan's actor ids; roles whose
        slot is not mapped keep the slot name as actor id, so the checks name the actor
        still to be bound. Dates, costed resources and supporting-activity costs are left
        empty unless given: a template cannot know them, and the checks say so.
        """
        bound = dict(actors or {})
        roles = tuple(
            Role(stage=a.stage, actor=bound.get(a.slot, a.slot), role=a.role, tasks=a.tasks)
            for a in self.actors
        )
        costs = list(activity_costs) + [None] * (len(self.supporting_activities))
        activities = tuple(
            SupportingActivity(kind=s.kind, description=s.description, cost=costs[i])
            for i, s in enumerate(self.supporting_activities)
        )
        monitoring = tuple(
            MonitoringEntry(
                indicator=s.indicator,
                disaggregation=s.disaggregation,
                data_source=s.data_source,
            )
            for s in self.indicators
        )
        return Intervention(
            id=id or self.id.rsplit(".", 1)[-1],
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
