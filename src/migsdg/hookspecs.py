"""Every hook a migsdg plugin can implement.

Each hook receives a ``register`` callable; a plugin calls it once per object it adds.
The host records which plugin registered what, and refuses a second object with an
identifier already taken, naming both plugins (or an id in another plugin's namespace, or
a check code with another plugin's prefix); only that object is refused. Hooks only ever
gain arguments, never lose them, so plugins written for an older migsdg keep working; an
implementation may leave out arguments it does not use.

A hook that raises (``sys.exit`` and ``KeyboardInterrupt`` included) is reported as a
failure of its plugin (``migsdg plugins``) and what it registered in that call is
dropped; the other plugins are not affected. ``docs/plugins.md`` documents each hook; a
test keeps its signature lines equal to the ones below.

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
    "migsdg_register_sections",
]

PROJECT_NAME = "migsdg"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

Register = Callable[[Any], None]


@hookspec
def migsdg_register_intervention_types(register: Register) -> None:
    """Register sector sub-types of the guide's six intervention types.

    :param register: call ``register(InterventionSubtype(...))`` (from
        :mod:`migsdg.templates`) for each sub-type. Its ``id`` reads
        ``<sector>.<name>`` and is unique across plugins.
    :returns: nothing; return values are ignored.

    Called once per process, the first time the host lists intervention types or
    templates (``migsdg templates``, ``migsdg add``, ``migsdg plugins``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_intervention_templates(register: Register) -> None:
    """Register ready-made, sector-tailored interventions.

    :param register: call ``register(InterventionTemplate(...))`` (from
        :mod:`migsdg.templates`) for each template. Its ``id`` reads ``<sector>.<name>``;
        its SDG codes, GCM objectives and 10.7.2 domains must be known, and its
        ``subtype``, when set, a registered sub-type of the same intervention type.
    :returns: nothing; return values are ignored.

    Called once per process, the first time the host lists templates
    (``migsdg templates``, ``migsdg add``, ``migsdg plugins``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_checks(register: Register) -> None:
    """Register extra criteria rules.

    :param register: call ``register(Rule(...))`` (from :mod:`migsdg.checks`, usually
        made with the ``@rule`` decorator) for each rule. Codes are two to five capital
        letters and three digits; the letters are the plugin's own prefix (``AP`` is the
        core's), which no other plugin may use.
    :returns: nothing; return values are ignored.

    Called once per process, the first time the host collects rules (``migsdg.check``,
    ``migsdg check``).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_funding_sources(register: Register) -> None:
    """Register named funds, typed by the guide's four categories of funding source.

    :param register: call ``register(FundingSource(...))`` (from :mod:`migsdg.model`) for
        each fund, with a ``name`` and a ``category`` (one of the guide's four
        :class:`~migsdg.model.FundingCategory` values); ``id`` is unique across plugins.
    :returns: nothing; return values are ignored.

    Called once per process, the first time the host lists known funds
    (``migsdg templates`` shows them under each template's funding categories).

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_exporters(register: Register) -> None:
    """Register exporters by format name and file suffixes.

    :param register: call ``register(Exporter(...))`` (from :mod:`migsdg.exporters`) for
        each exporter. Its ``name`` (the format name) is unique across plugins, and a
        file suffix claimed by one plugin's exporter cannot be claimed by another's.
    :returns: nothing; return values are ignored.

    Called once per process, the first time the host looks up an exporter
    (``migsdg.export``, ``migsdg export``). The core's own exporters are registered
    through this same hook.

    .. versionadded:: 0.1
    """


@hookspec
def migsdg_register_sections(register: Register) -> None:
    """Register sections of the Word draft and the workbook.

    :param register: call ``register(PlanSection(...))`` (from :mod:`migsdg.sections`)
        for each section. Its ``id`` reads ``<namespace>.<name>`` in the plugin's own
        namespace; its ``placement`` says where the draft shows it (after the
        interventions, among the annexes, or inside each intervention it concerns); its
        ``build(ctx)`` returns paragraphs and tables of :mod:`migsdg.present`, which the
        Word draft, the workbook (a computed sheet, ignored on import) and the command
        line render like the core's own views.
    :returns: nothing; return values are ignored.

    Called once per process, the first time a draft or workbook is written or sections
    are listed (``migsdg export``, ``migsdg export --list-sections``, ``migsdg plugins``).
    A section whose ``build`` raises is left out of that document and named; the
    document is still written.

    .. versionadded:: 0.2
    """
