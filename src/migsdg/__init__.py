"""migsdg: migration mainstreaming for SDG implementation.

Typed Migration-SDG Action Plans, the action-plan criteria checks, a plugin SDK for sector
teams, and exports to Word, Excel, IATI and Open SDG.

``import migsdg`` loads nothing but the version: every name below is imported from its
module on first use (PEP 562 module ``__getattr__``), so a command that only lists targets
or prints the version never pays for the model, cattrs, the checks or the exporters. Heavy
libraries (python-docx, openpyxl, lxml) are imported only when a feature that needs them is
used, and pluggy only when plugins are first needed.
"""

from __future__ import annotations

import importlib
import sys

from migsdg._version import __version__

# Not ``typing.TYPE_CHECKING``: importing typing would double what ``import migsdg`` costs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pluggy import HookimplMarker, HookspecMarker

    from migsdg.api import (
        adopt,
        amend,
        check,
        mark_validated,
    )
    from migsdg.catalogue import (
        Catalogue,
        get_catalogue,
    )
    from migsdg.checks import (
        Finding,
        Report,
        Rule,
        Severity,
    )
    from migsdg.codes import (
        normalise_code,
    )
    from migsdg.diff import (
        PlanDiff,
        diff_plans,
    )
    from migsdg.errors import (
        ExportError,
        FieldError,
        MigsdgError,
        PlanLoadError,
        PluginError,
        Problem,
        TransitionError,
        UnknownCodeError,
    )
    from migsdg.exporters import (
        Exporter,
        export,
    )
    from migsdg.io import (
        dumps_plan,
        load_plan,
        loads_plan,
        plan_from_dict,
        plan_to_dict,
        save_plan,
    )
    from migsdg.ladder import (
        LadderError,
        add_interim_targets,
        interim_ladder,
    )
    from migsdg.model import (
        AchievedValue,
        ActionPlan,
        Actor,
        ActorKind,
        Beneficiary,
        CapacityAssessment,
        CapacityLevel,
        Consultation,
        ConsultationKind,
        Contact,
        CostLine,
        Disaggregation,
        ExchangeRate,
        ExistingFramework,
        Expenditure,
        FrameworkInteraction,
        FrameworkKind,
        Frequency,
        FundingArrangement,
        FundingCategory,
        FundingSource,
        FundingStatus,
        GovernanceLevel,
        IndicatorKind,
        IndicatorRef,
        InteractionKind,
        InterimTarget,
        Intervention,
        InterventionForm,
        InterventionType,
        Measure,
        Milestone,
        MobilizationApproach,
        MonitoringEntry,
        Objective,
        Output,
        Participation,
        Period,
        PlanStatus,
        Population,
        ReportingLine,
        ReviewTool,
        ReviewToolKind,
        Revision,
        Role,
        RoleKind,
        Stage,
        SupportingActivity,
        SupportingActivityKind,
        Timeframe,
    )
    from migsdg.progress import (
        Progress,
        plan_progress,
    )
    from migsdg.review import (
        ReviewResult,
        review_plan,
    )
    from migsdg.views import (
        CurrencyError,
        FundingSummary,
        funding_summary,
    )
    from migsdg.workflow import (
        history_rewrites,
        record_consultation,
        submit_for_review,
    )

    hookimpl: HookimplMarker
    hookspec: HookspecMarker

__all__ = [
    "AchievedValue",
    "ActionPlan",
    "Actor",
    "ActorKind",
    "Beneficiary",
    "CapacityAssessment",
    "CapacityLevel",
    "Catalogue",
    "Consultation",
    "ConsultationKind",
    "Contact",
    "CostLine",
    "CurrencyError",
    "Disaggregation",
    "ExchangeRate",
    "ExistingFramework",
    "Expenditure",
    "ExportError",
    "Exporter",
    "FieldError",
    "Finding",
    "FrameworkInteraction",
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
    "InteractionKind",
    "InterimTarget",
    "Intervention",
    "InterventionForm",
    "InterventionType",
    "LadderError",
    "Measure",
    "MigsdgError",
    "Milestone",
    "MobilizationApproach",
    "MonitoringEntry",
    "Objective",
    "Output",
    "Participation",
    "Period",
    "PlanDiff",
    "PlanLoadError",
    "PlanStatus",
    "PluginError",
    "Population",
    "Problem",
    "Progress",
    "Report",
    "ReportingLine",
    "ReviewResult",
    "ReviewTool",
    "ReviewToolKind",
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
    "check",
    "diff_plans",
    "dumps_plan",
    "export",
    "funding_summary",
    "get_catalogue",
    "history_rewrites",
    "hookimpl",
    "hookspec",
    "interim_ladder",
    "load_plan",
    "loads_plan",
    "mark_validated",
    "normalise_code",
    "plan_from_dict",
    "plan_progress",
    "plan_to_dict",
    "record_consultation",
    "review_plan",
    "save_plan",
    "submit_for_review",
]

#: Where each public name lives, imported on first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "migsdg.api": (
        "adopt",
        "amend",
        "check",
        "mark_validated",
    ),
    "migsdg.catalogue": (
        "Catalogue",
        "get_catalogue",
    ),
    "migsdg.checks": (
        "Finding",
        "Report",
        "Rule",
        "Severity",
    ),
    "migsdg.codes": ("normalise_code",),
    "migsdg.diff": (
        "PlanDiff",
        "diff_plans",
    ),
    "migsdg.errors": (
        "ExportError",
        "FieldError",
        "MigsdgError",
        "PlanLoadError",
        "PluginError",
        "Problem",
        "TransitionError",
        "UnknownCodeError",
    ),
    "migsdg.exporters": (
        "Exporter",
        "export",
    ),
    "migsdg.io": (
        "dumps_plan",
        "load_plan",
        "loads_plan",
        "plan_from_dict",
        "plan_to_dict",
        "save_plan",
    ),
    "migsdg.ladder": (
        "LadderError",
        "add_interim_targets",
        "interim_ladder",
    ),
    "migsdg.model": (
        "AchievedValue",
        "ActionPlan",
        "Actor",
        "ActorKind",
        "Beneficiary",
        "CapacityAssessment",
        "CapacityLevel",
        "Consultation",
        "ConsultationKind",
        "Contact",
        "CostLine",
        "Disaggregation",
        "ExchangeRate",
        "ExistingFramework",
        "Expenditure",
        "FrameworkInteraction",
        "FrameworkKind",
        "Frequency",
        "FundingArrangement",
        "FundingCategory",
        "FundingSource",
        "FundingStatus",
        "GovernanceLevel",
        "IndicatorKind",
        "IndicatorRef",
        "InteractionKind",
        "InterimTarget",
        "Intervention",
        "InterventionForm",
        "InterventionType",
        "Measure",
        "Milestone",
        "MobilizationApproach",
        "MonitoringEntry",
        "Objective",
        "Output",
        "Participation",
        "Period",
        "PlanStatus",
        "Population",
        "ReportingLine",
        "ReviewTool",
        "ReviewToolKind",
        "Revision",
        "Role",
        "RoleKind",
        "Stage",
        "SupportingActivity",
        "SupportingActivityKind",
        "Timeframe",
    ),
    "migsdg.progress": (
        "Progress",
        "plan_progress",
    ),
    "migsdg.review": (
        "ReviewResult",
        "review_plan",
    ),
    "migsdg.views": (
        "CurrencyError",
        "FundingSummary",
        "funding_summary",
    ),
    "migsdg.workflow": (
        "history_rewrites",
        "record_consultation",
        "submit_for_review",
    ),
    "migsdg.hookspecs": (
        "hookimpl",
        "hookspec",
    ),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[__name__], name, value)
        return value
    if not name.startswith("__"):
        # A submodule not imported yet (``migsdg.model`` after a bare ``import migsdg``).
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
