"""The health sector plugin: the WHO Global Code of Practice on the International
Recruitment of Health Personnel, inclusion of migrants in health services and coverage,
migrant-sensitive health information, migration health policy and health workforce
partnerships.

Registered under the entry-point name ``health``; its check codes start with ``HLT``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.health.checks import RULES
from migsdg_plugins.health.sections import SECTIONS
from migsdg_plugins.health.templates import SUBTYPES, TEMPLATES


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
