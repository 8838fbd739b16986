"""The action-plan criteria checks.

``migsdg.check(plan)`` runs every registered rule (the core's and the plugins') and
returns a :class:`Report`. The core rules live in :mod:`migsdg.checks.rules`; each rule's
code, purpose and rationale are listed in ``docs/checks.md``, generated from the registry.

The core's own rules are :func:`core_rules`, read from :data:`CORE_RULE_MODULES` without
the plugin host: the workflow checks a plan with them unless given other rules.
"""

from __future__ import annotations

import importlib

from migsdg.checks._core import (
    CheckContext,
    Finding,
    Hit,
    Modality,
    Report,
    Rule,
    RuleFailure,
    RuleSet,
    Severity,
    rule,
    run_checks,
)

#: Modules that each define ``RULES``, a sequence of the core's check rules.
CORE_RULE_MODULES: tuple[str, ...] = (
    "migsdg.checks.rules",
    "migsdg.checks.rules_objectives",
    "migsdg.checks.rules_timeframes",
    "migsdg.checks.rules_funding",
    "migsdg.checks.rules_actors",
    "migsdg.checks.rules_monitoring",
    "migsdg.checks.rules_adoption",
    "migsdg.checks.rules_duplication",
    "migsdg.checks.rules_review",
)


#: The letters the core's rule codes start with (``AP101``, ``RV101``): no plugin may use
#: them, even with the core turned off.
CORE_CODE_PREFIXES: tuple[str, ...] = ("AP", "RV")


def core_rules() -> RuleSet:
    """The core's own rules (those of :data:`CORE_RULE_MODULES`), attributed to the
    ``core`` plugin as the plugin host attributes them; no plugin's rules."""
    return RuleSet(
        r
        for name in CORE_RULE_MODULES
        for r in importlib.import_module(name).RULES
        if isinstance(r, Rule)
    ).stamped("core")


__all__ = [
    "CORE_CODE_PREFIXES",
    "CORE_RULE_MODULES",
    "CheckContext",
    "Finding",
    "Hit",
    "Modality",
    "Report",
    "Rule",
    "RuleFailure",
    "RuleSet",
    "Severity",
    "core_rules",
    "rule",
    "run_checks",
]
