"""The high-level functions most programs need: check a plan, export it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from migsdg.checks import Report, run_checks
from migsdg.model import ActionPlan

__all__ = ["check"]


def check(
    plan: ActionPlan,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    today: _dt.date | None = None,
) -> Report:
    """Run the criteria checks (the core's and every plugin's) over ``plan``.

    ``select`` and ``ignore`` take rule codes or code prefixes (``AP1`` is every rule from
    AP100 to AP199). ``today`` fixes the date rules compare with (default: today).
    """
    from migsdg.plugins import get_host

    rules = get_host().checks().selected(select, ignore)
    return run_checks(plan, rules, today=today)
