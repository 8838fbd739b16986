"""Everything a migsdg plugin needs, from one module.

A plugin module imports from here only::

    from migsdg.plugin import Hit, Severity, hookimpl, rule

It finds the ``hookimpl`` marker, the objects a plugin registers (:class:`Rule` made
with :func:`rule`, :class:`InterventionTemplate`, :class:`InterventionSubtype`,
:class:`FundingSource`, :class:`Exporter`), what they are built from (the model's
enumerations, :class:`ActorSlot`, :class:`SuggestedIndicator` …), what a rule reads
(:class:`CheckContext`) and yields (:class:`Hit`), and a typed ``register`` for each hook,
so that a type checker sees a plugin register the wrong kind of object::

    @hookimpl
    def migsdg_register_checks(register: RegisterCheck) -> None:
        register(my_rule)

What the host guarantees a plugin, and what it refuses, is in ``docs/plugins.md``.
Importing this module loads the plugin machinery (pluggy); plugins are only imported by
the host, so ``import migsdg`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable

from migsdg.checks import CheckContext, Finding, Hit, Rule, Severity, rule
from migsdg.errors import MigsdgError, PluginError
from migsdg.exporters import Exporter
from migsdg.hookspecs import hookimpl
from migsdg.model import (
    ActionPlan,
    ActorKind,
    Disaggregation,
    Frequency,
    FundingCategory,
    FundingSource,
    IndicatorKind,
    IndicatorRef,
    Intervention,
    InterventionForm,
    InterventionType,
    RoleKind,
    Stage,
    SupportingActivityKind,
)
from migsdg.templates import (
    ActorSlot,
    InterventionSubtype,
    InterventionTemplate,
    SuggestedActivity,
    SuggestedIndicator,
)

__all__ = [
    "ActionPlan",
    "ActorKind",
    "ActorSlot",
    "CheckContext",
    "Disaggregation",
    "Exporter",
    "Finding",
    "Frequency",
    "FundingCategory",
    "FundingSource",
    "Hit",
    "IndicatorKind",
    "IndicatorRef",
    "Intervention",
    "InterventionForm",
    "InterventionSubtype",
    "InterventionTemplate",
    "InterventionType",
    "MigsdgError",
    "PluginError",
    "RegisterCheck",
    "RegisterExporter",
    "RegisterFundingSource",
    "RegisterInterventionType",
    "RegisterTemplate",
    "RoleKind",
    "Rule",
    "Severity",
    "Stage",
    "SuggestedActivity",
    "SuggestedIndicator",
    "SupportingActivityKind",
    "hookimpl",
    "rule",
]

#: ``register`` of ``migsdg_register_checks``: takes a :class:`Rule`.
RegisterCheck = Callable[[Rule], None]
#: ``register`` of ``migsdg_register_intervention_templates``: takes an
#: :class:`InterventionTemplate`.
RegisterTemplate = Callable[[InterventionTemplate], None]
#: ``register`` of ``migsdg_register_intervention_types``: takes an
#: :class:`InterventionSubtype`.
RegisterInterventionType = Callable[[InterventionSubtype], None]
#: ``register`` of ``migsdg_register_funding_sources``: takes a :class:`FundingSource`.
RegisterFundingSource = Callable[[FundingSource], None]
#: ``register`` of ``migsdg_register_exporters``: takes an :class:`Exporter`.
RegisterExporter = Callable[[Exporter], None]
