"""The ``json`` export: the plan's plain data with its ``schema_version``, for systems that
store plans as JSON.

It is the plan file format itself, so ``migsdg.export(plan, "plan.json")`` writes exactly
what :func:`migsdg.save_plan` writes, and :func:`migsdg.load_plan` reads it back.
"""

from __future__ import annotations

import os

from migsdg._atomic import atomic_write_text, write_synced
from migsdg.exporters import Exporter
from migsdg.io import dumps_plan
from migsdg.model import ActionPlan

__all__ = ["EXPORTER", "write"]


def write(plan: ActionPlan, path: str | os.PathLike[str]) -> None:
    """Write the plan as a JSON plan file (atomically)."""
    atomic_write_text(path, dumps_plan(plan, format="json"))


def _export(plan: ActionPlan, path: str | os.PathLike[str]) -> None:
    """The exporter's write: straight to the temporary path the export host gives (the
    host replaces the target with it)."""
    write_synced(path, dumps_plan(plan, format="json").encode("utf-8"))


EXPORTER = Exporter(
    name="json",
    suffixes=(".json",),
    description="the plan's plain data as JSON, the plan file format (with schema_version)",
    write=_export,
)
