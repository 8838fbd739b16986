"""The finance plugin: remittance costs and financial inclusion (target 10.c), diaspora
engagement and diaspora investment, and the named funds that finance migration-SDG
interventions (Joint SDG Fund, Migration MPTF, IOM Development Fund, IFAD's Financing
Facility for Remittances).

Registered under the entry-point name ``finance``; its check codes start with ``FIN``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.finance.checks import RULES
from migsdg_plugins.finance.funds import FUNDING_SOURCES
from migsdg_plugins.finance.sections import SECTIONS
from migsdg_plugins.finance.templates import SUBTYPES, TEMPLATES


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
    for section in SECTIONS:
        register(section)
