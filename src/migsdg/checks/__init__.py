"""The action-plan criteria checks.

``migsdg.check(plan)`` runs every registered rule (the core's and the plugins') and
returns a :class:`Report`. The core rules live in :mod:`migsdg.checks.rules`; each rule's
code, purpose and rationale are listed in ``docs/checks.md``, generated from the registry.
"""

from migsdg.checks._core import (
    CheckContext,
    Finding,
    Hit,
    Modality,
    Report,
    Rule,
    RuleSet,
    Severity,
    rule,
    run_checks,
)

__all__ = [
    "CheckContext",
    "Finding",
    "Hit",
    "Modality",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "rule",
    "run_checks",
]
