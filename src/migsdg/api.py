"""The high-level functions most programs need: check a plan, export it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from migsdg.checks import Report, run_checks
from migsdg.model import ActionPlan

if TYPE_CHECKING:
    from migsdg.plugins import PluginHost

__all__ = ["check"]


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
