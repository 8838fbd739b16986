"""IATI 2.03 activity XML: one ``iati-activity`` per intervention of a plan.

    import migsdg
    migsdg.export(plan, "plan.iati.xml", org_ref="XM-EXAMPLE-1")

or, for the document itself, :func:`iati_xml` (bytes) and :func:`build_activities` (an
:class:`xml.etree.ElementTree.Element`). The mapping from plan fields to IATI elements and
codelists is documented in ``docs/interoperability.md``. Only the standard library's
ElementTree is used; codes come from the IATI codelists shipped in ``codelists/``.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from typing import Any

from migsdg._atomic import atomic_write_bytes, write_synced
from migsdg.exporters import Exporter
from migsdg.iati._activities import IatiExportError, build_activities
from migsdg.iati._budgets import yearly_amounts
from migsdg.iati._codes import ACTIVITY_STATUS, IATI_VERSION, MIGRATION_SECTOR, ORGANISATION_TYPE
from migsdg.iati._xml import clean_text, to_bytes
from migsdg.model import ActionPlan

__all__ = [
    "ACTIVITY_STATUS",
    "EXPORTER",
    "IATI_VERSION",
    "MIGRATION_SECTOR",
    "ORGANISATION_TYPE",
    "IatiExportError",
    "build_activities",
    "clean_text",
    "iati_xml",
    "write",
    "yearly_amounts",
]


def iati_xml(
    plan: ActionPlan,
    *,
    org_ref: str | None = None,
    org_type: str | None = None,
    participant_refs: Mapping[str, str] | str | None = None,
    generated: _dt.datetime | _dt.date | str | None = None,
) -> bytes:
    """The plan as an IATI 2.03 activity file (UTF-8 bytes); options as for
    :func:`build_activities`."""
    return to_bytes(
        build_activities(
            plan,
            org_ref=org_ref,
            org_type=org_type,
            participant_refs=participant_refs,
            generated=generated,
        )
    )


def write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    org_ref: str | None = None,
    org_type: str | None = None,
    participant_refs: Mapping[str, str] | str | None = None,
    generated: _dt.datetime | _dt.date | str | None = None,
) -> None:
    """Write the plan's IATI activity file to ``path`` (atomically)."""
    data = iati_xml(
        plan,
        org_ref=org_ref,
        org_type=org_type,
        participant_refs=participant_refs,
        generated=generated,
    )
    atomic_write_bytes(path, data)


def _export(plan: ActionPlan, path: str | os.PathLike[str], **options: Any) -> None:
    """The exporter's write: straight to the temporary path the export host gives (the
    host replaces the target with it)."""
    write_synced(path, iati_xml(plan, **options))


EXPORTER = Exporter(
    name="iati",
    suffixes=(".iati.xml",),
    description="IATI 2.03 activity XML, one activity per intervention",
    write=_export,
    options=("org_ref", "org_type", "participant_refs", "generated"),
)
