"""The education sector plugin: inclusion of migrant and displaced children in national
education systems, language support and teacher preparation, recognition of
qualifications, qualifications passports, scholarships and skills partnerships.

Registered under the entry-point name ``education``; its check codes start with ``EDU``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.education.checks import RULES
from migsdg_plugins.education.sections import SECTIONS
from migsdg_plugins.education.templates import SUBTYPES, TEMPLATES


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
