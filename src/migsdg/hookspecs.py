"""Every hook a migsdg plugin can implement.

Each hook receives a ``register`` callable; a plugin calls it once per object it adds.
The host records which plugin registered what, and refuses a second object with an
identifier already taken, naming both plugins. Hooks only ever gain arguments, never
lose them, so plugins written for an older migsdg keep working.

Implement hooks with the marker exported by the package::

    from migsdg import hookimpl

    @hookimpl
    def migsdg_register_checks(register):
        register(my_rule)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

__all__ = [
    "hookimpl",
    "hookspec",
    "migsdg_register_checks",
    "migsdg_register_exporters",
    "migsdg_register_funding_sources",
    "migsdg_register_intervention_templates",
    "migsdg_register_intervention_types",
]

PROJECT_NAME = "migsdg"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

Register = Callable[[Any], None]


@hookspec
def migsdg_register_intervention_types(register: Register) -> None:
    """Register sector sub-types of the guide's six intervention types.

    :param register: call ``register(InterventionSubtype(...))`` for each sub-type.
    :returns: nothing; return values are ignored.

    Called once, the first time the host lists intervention types (``migsdg templates``,
    template instantiation, plan checks that validate ``subtype``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_intervention_templates(register: Register) -> None:
    """Register ready-made, sector-tailored interventions.

    :param register: call ``register(InterventionTemplate(...))`` for each template.
    :returns: nothing; return values are ignored.

    Called once, the first time the host lists templates (``migsdg templates``,
    ``migsdg add``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_checks(register: Register) -> None:
    """Register extra criteria rules.

    :param register: call ``register(Rule(...))`` for each rule; codes carry a prefix of
        the plugin's own (two to five capital letters, then three digits).
    :returns: nothing; return values are ignored.

    Called once, the first time the host collects rules (``migsdg.check``,
    ``migsdg check``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_funding_sources(register: Register) -> None:
    """Register named funds, typed by the guide's four categories of funding source.

    :param register: call ``register(FundingSource(...))`` for each fund.
    :returns: nothing; return values are ignored.

    Called once, the first time the host lists known funding sources (templates that
    suggest sources, ``migsdg funding``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_exporters(register: Register) -> None:
    """Register exporters by format name and file suffixes.

    :param register: call ``register(Exporter(...))`` for each exporter.
    :returns: nothing; return values are ignored.

    Called once, the first time the host looks up an exporter (``migsdg.export``,
    ``migsdg export``). The core's Word, Excel, IATI, Open SDG and JSON exporters are
    registered through this same hook.

    .. versionadded:: 0.1
    """
