"""The core's own plugin: its check rules and exporters, registered through the same hooks
and the same entry-point group (``core``) as any third-party plugin."""

from __future__ import annotations

import importlib

from migsdg.checks import CORE_RULE_MODULES
from migsdg.hookspecs import Register, hookimpl

#: Modules that each define ``EXPORTER``; imported when exporters are first looked up.
#: Each keeps its heavy library (python-docx, openpyxl, lxml) inside its write function.
EXPORTER_MODULES: tuple[str, ...] = (
    "migsdg.iati",
    "migsdg.opensdg",
    "migsdg.jsonexport",
    "migsdg.word",
    "migsdg.excel",
)

#: Modules that each define ``RULES``, the core's check rules (kept with the checks).
RULE_MODULES: tuple[str, ...] = CORE_RULE_MODULES


@hookimpl
def migsdg_register_checks(register: Register) -> None:
    for name in RULE_MODULES:
        for rule in importlib.import_module(name).RULES:
            register(rule)


@hookimpl
def migsdg_register_exporters(register: Register) -> None:
    for name in EXPORTER_MODULES:
        register(importlib.import_module(name).EXPORTER)
