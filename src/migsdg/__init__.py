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
from migsdg.diff import PlanDiff, diff_plans
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
from migsdg.ladder import LadderError, add_interim_targets, interim_ladder
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
from migsdg.review import ReviewResult, review
from migsdg.views import CurrencyError, FundingSummary, funding_summary
from migsdg.workflow import (
    adopt,
    amend,
    history_rewrites,
    record_consultation,
    submit_for_review,
    validate,
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
    "CurrencyError",
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
    "FundingSummary",
    "GovernanceLevel",
    "IndicatorKind",
    "IndicatorRef",
    "InterimTarget",
    "Intervention",
    "InterventionForm",
    "InterventionType",
    "LadderError",
    "Measure",
    "MigsdgError",
    "Milestone",
    "MonitoringEntry",
    "Objective",
    "Output",
    "Participation",
    "Period",
    "PlanDiff",
    "PlanLoadError",
    "PlanStatus",
    "PluginError",
    "Problem",
    "Report",
    "ReviewResult",
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
    "add_interim_targets",
    "adopt",
    "amend",
    "catalogue",
    "check",
    "diff_plans",
    "dumps_plan",
    "export",
    "funding_summary",
    "history_rewrites",
    "hookimpl",
    "hookspec",
    "interim_ladder",
    "load_plan",
    "loads_plan",
    "normalise_code",
    "plan_from_dict",
    "plan_to_dict",
    "record_consultation",
    "review",
    "save_plan",
    "submit_for_review",
    "validate",
]


def __getattr__(name: str) -> Any:
    # The pluggy markers, imported on first use so that ``import migsdg`` does not load
    # the plugin machinery.
    if name in ("hookimpl", "hookspec"):
        from migsdg import hookspecs

        return getattr(hookspecs, name)
    raise AttributeError(f"module 'migsdg' has no attribute {name!r}")
