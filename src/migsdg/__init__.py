"""migsdg: migration mainstreaming for SDG implementation.

Typed Migration-SDG Action Plans, the action-plan criteria checks, a plugin SDK for sector
teams, and exports to Word, Excel, IATI and Open SDG.

Heavy libraries (python-docx, openpyxl, lxml) are imported only when a feature that needs
them is used, and pluggy only when plugins are first needed, so ``import migsdg`` stays
light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from migsdg._version import __version__
from migsdg.api import check
from migsdg.catalogue import Catalogue, catalogue
from migsdg.checks import Finding, Report, Rule, Severity
from migsdg.codes import normalise_code
from migsdg.errors import (
    ExportError,
    MigsdgError,
    PlanLoadError,
    PluginError,
    Problem,
    TransitionError,
    UnknownCodeError,
)
from migsdg.exporters import Exporter, export
from migsdg.io import dumps_plan, load_plan, loads_plan, plan_from_dict, plan_to_dict, save_plan
from migsdg.model import (
    ActionPlan,
    Actor,
    ActorKind,
    Beneficiary,
    CapacityAssessment,
    CapacityLevel,
    Consultation,
    ConsultationKind,
    CostLine,
    Disaggregation,
    ExchangeRate,
    ExistingFramework,
    FrameworkKind,
    Frequency,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    IndicatorRef,
    InterimTarget,
    Intervention,
    InterventionForm,
    InterventionType,
    Measure,
    Milestone,
    MonitoringEntry,
    Objective,
    Output,
    Participation,
    Period,
    PlanStatus,
    Revision,
    Role,
    RoleKind,
    Stage,
    SupportingActivity,
    SupportingActivityKind,
    Timeframe,
)

if TYPE_CHECKING:
    from pluggy import HookimplMarker, HookspecMarker

    hookimpl: HookimplMarker
    hookspec: HookspecMarker

__all__ = [
    "ActionPlan",
    "Actor",
    "ActorKind",
    "Beneficiary",
    "CapacityAssessment",
    "CapacityLevel",
    "Catalogue",
    "Consultation",
    "ConsultationKind",
    "CostLine",
    "Disaggregation",
    "ExchangeRate",
    "ExistingFramework",
    "ExportError",
    "Exporter",
    "Finding",
    "FrameworkKind",
    "Frequency",
    "FundingArrangement",
    "FundingCategory",
    "FundingSource",
    "FundingStatus",
    "GovernanceLevel",
    "IndicatorKind",
    "IndicatorRef",
    "InterimTarget",
    "Intervention",
    "InterventionForm",
    "InterventionType",
    "Measure",
    "MigsdgError",
    "Milestone",
    "MonitoringEntry",
    "Objective",
    "Output",
    "Participation",
    "Period",
    "PlanLoadError",
    "PlanStatus",
    "PluginError",
    "Problem",
    "Report",
    "Revision",
    "Role",
    "RoleKind",
    "Rule",
    "Severity",
    "Stage",
    "SupportingActivity",
    "SupportingActivityKind",
    "Timeframe",
    "TransitionError",
    "UnknownCodeError",
    "__version__",
    "catalogue",
    "check",
    "dumps_plan",
    "export",
    "hookimpl",
    "hookspec",
    "load_plan",
    "loads_plan",
    "normalise_code",
    "plan_from_dict",
    "plan_to_dict",
    "save_plan",
]


def __getattr__(name: str) -> Any:
    # The pluggy markers, imported on first use so that ``import migsdg`` does not load
    # the plugin machinery.
    if name in ("hookimpl", "hookspec"):
        from migsdg import hookspecs

        return getattr(hookspecs, name)
    raise AttributeError(f"module 'migsdg' has no attribute {name!r}")
