"""The labour-migration sector plugin: fair recruitment, recruitment-cost statistics,
labour-market planning, labour inspection, bilateral agreements and worker information.

Registered under the entry-point name ``labour``; its check codes start with ``LAB``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.labour.checks import RULES
from migsdg_plugins.labour.sections import SECTIONS
from migsdg_plugins.labour.templates import SUBTYPES, TEMPLATES


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
