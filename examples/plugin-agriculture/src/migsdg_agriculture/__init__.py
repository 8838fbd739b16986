"""migsdg-agriculture: what a ministry of agriculture brings to a Migration-SDG Action
Plan — migration in rural development and extension, seasonal agricultural work, remittance
and diaspora investment in farming, climate drivers of rural out-migration, and migrants and
displaced people in food security programmes; and an annex to the Word draft (a sheet of
the workbook) on whether the plan's agricultural indicators tell migrants apart.

A migsdg plugin registered under the entry-point name ``agriculture``; its check codes
start with ``AGR``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register

from migsdg_agriculture.checks import RULES
from migsdg_agriculture.funds import FUNDING_SOURCES
from migsdg_agriculture.sections import SECTION
from migsdg_agriculture.templates import SUBTYPES, TEMPLATES

__all__ = [
    "FUNDING_SOURCES",
    "RULES",
    "SECTION",
    "SUBTYPES",
    "TEMPLATES",
    "migsdg_register_checks",
    "migsdg_register_funding_sources",
    "migsdg_register_intervention_templates",
    "migsdg_register_intervention_types",
    "migsdg_register_sections",
]

__version__ = "0.1.0"


@hookimpl
def migsdg_register_intervention_types(register: Register) -> None:
    for subtype in SUBTYPES:
        register(subtype)


@hookimpl
def migsdg_register_intervention_templates(register: Register) -> None:
    for template in TEMPLATES:
        register(template)


@hookimpl
def migsdg_register_checks(register: Register) -> None:
    for r in RULES:
        register(r)


@hookimpl
def migsdg_register_funding_sources(register: Register) -> None:
    for source in FUNDING_SOURCES:
        register(source)


@hookimpl
def migsdg_register_sections(register: Register) -> None:
    register(SECTION)
