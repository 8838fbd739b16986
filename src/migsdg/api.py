"""The high-level functions most programs need: check a plan, move it through the review
workflow with the checks of the plugin configuration in use.

The workflow itself (:mod:`migsdg.workflow`) is pure: it is given the rules whose errors
block validation, adoption and amendment. The functions here give it the rules of a
plugin host (``host=``, default :func:`migsdg.plugins.get_host`), so plugins' checks
count as they do on the command line."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from migsdg import workflow
from migsdg.checks import Report, RuleSet, run_checks
from migsdg.model import ActionPlan

if TYPE_CHECKING:
    from migsdg.plugins import PluginHost

__all__ = ["adopt", "amend", "check", "mark_validated"]


def check(
    plan: ActionPlan,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    today: _dt.date | None = None,
    host: PluginHost | None = None,
) -> Report:
    """Run the criteria checks (the core's and every plugin's) over ``plan``.

    ``select`` and ``ignore`` take rule codes or code prefixes (``AP1`` is every rule from
    AP100 to AP199). ``today`` fixes the date rules compare with (default: today).
    ``host`` is the plugin configuration whose rules run (default:
    :func:`migsdg.plugins.get_host`). A rule that fails is skipped and listed in
    :attr:`Report.failures`.
    """
    from migsdg.plugins import get_host

    rules = (host or get_host()).checks().selected(select, ignore)
    return run_checks(plan, rules, today=today)


def _rules(host: PluginHost | None) -> RuleSet:
    from migsdg.plugins import get_host

    return (host or get_host()).checks()


def mark_validated(
    plan: ActionPlan, *, host: PluginHost | None = None, **options: Any
) -> ActionPlan:
    """:func:`migsdg.workflow.mark_validated` with the checks of ``host``: the plan's
    status becomes ``validated`` if the review's conditions hold. ``options``: ``date``,
    ``author``, ``summary``, ``today``."""
    return workflow.mark_validated(plan, rules=_rules(host), **options)


def adopt(plan: ActionPlan, *, host: PluginHost | None = None, **options: Any) -> ActionPlan:
    """:func:`migsdg.workflow.adopt` with the checks of ``host``. ``options``: ``date``,
    ``author``, ``summary``, ``today``."""
    return workflow.adopt(plan, rules=_rules(host), **options)


def amend(
    plan: ActionPlan,
    revised: ActionPlan | None = None,
    *,
    host: PluginHost | None = None,
    **options: Any,
) -> ActionPlan:
    """:func:`migsdg.workflow.amend` with the checks of ``host``. ``options``:
    ``author`` and ``summary`` (required), ``date``, ``today``."""
    return workflow.amend(plan, revised, rules=_rules(host), **options)
