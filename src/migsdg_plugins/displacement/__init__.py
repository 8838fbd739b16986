"""The displacement sector plugin: disaster displacement in disaster risk reduction,
durable solutions for internally displaced persons, cross-border disaster displacement and
displacement statistics.

Registered under the entry-point name ``displacement``; its check codes start with ``DSP``.
"""

from __future__ import annotations

from migsdg import hookimpl
from migsdg.hookspecs import Register
from migsdg_plugins.displacement.checks import RULES
from migsdg_plugins.displacement.templates import SUBTYPES, TEMPLATES


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
