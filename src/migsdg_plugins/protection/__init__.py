"""The trafficking and protection sector plugin: referral and assistance for victims of
trafficking, the ILO Forced Labour Protocol, children on the move, and access to justice.

Registered under the entry-point name ``protection``; its check codes start with ``PRT``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.protection.checks import RULES
from migsdg_plugins.protection.sections import SECTIONS
from migsdg_plugins.protection.templates import SUBTYPES, TEMPLATES


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
def migsdg_register_sections(register: Register) -> None:
    for section in SECTIONS:
        register(section)
