"""Open SDG indicator configuration: the plan's targets next to a national SDG platform's
data.

    import migsdg
    migsdg.export(plan, "build/indicator-config", format="opensdg")

writes one YAML file per SDG indicator the plan follows (``10-7-2.yml``…), the layout of
Open SDG's ``indicator-config`` folder. The output path is that folder: it is written whole
and atomically, and a later export replaces it (but never a folder it did not write).
:func:`indicator_configs` gives the configuration as plain data. The mapping is documented
in ``docs/interoperability.md``.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from migsdg.errors import ExportError
from migsdg.exporters import Exporter
from migsdg.model import ActionPlan
from migsdg.opensdg._configs import (
    REPORTING_STATUSES,
    OpenSdgExportError,
    config_file_name,
    indicator_configs,
)
from migsdg.opensdg._folder import MARKER, write_folder

__all__ = [
    "EXPORTER",
    "MARKER",
    "REPORTING_STATUSES",
    "OpenSdgExportError",
    "config_file_name",
    "dump_config",
    "indicator_configs",
    "write",
]


@functools.cache
def _dumper() -> type:
    import yaml

    class Dumper(yaml.SafeDumper):
        """Safe YAML that reads back exactly: text holding a character YAML takes for a
        line break (NEL, line and paragraph separators) or a byte order mark is written
        double-quoted, where those characters are escaped."""

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = '"' if any(c in _ESCAPE_IN_YAML for c in value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper


_ESCAPE_IN_YAML = frozenset("\x85\u2028\u2029\ufeff")


def dump_config(config: dict[str, Any]) -> str:
    """One indicator's configuration as Open SDG's YAML (UTF-8 text, readable as written)."""
    import yaml

    return str(
        yaml.dump(
            config,
            Dumper=_dumper(),
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )
    )


def write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    reporting_status: str | None = None,
) -> None:
    """Write the folder ``path`` with one ``<indicator>.yml`` per SDG indicator."""
    name = os.fspath(path).rstrip("/\\").lower()
    if name.endswith((".yml", ".yaml", ".zip", ".json", ".xml")):
        raise ExportError(
            f"the Open SDG export writes a folder of YAML files, not {os.fspath(path)!r}: "
            "give a folder name such as indicator-config"
        )
    configs = indicator_configs(plan, language=language, reporting_status=reporting_status)
    files = {
        config_file_name(code): dump_config(config).encode("utf-8")
        for code, config in configs.items()
    }
    write_folder(path, files, marker={"format": "opensdg", "plan": plan.id})


EXPORTER = Exporter(
    name="opensdg",
    suffixes=(),  # it writes a folder: chosen by format name only
    description="Open SDG indicator configuration, a folder of one YAML file per SDG indicator",
    write=write,
    options=("language", "reporting_status"),
    kind="folder",
)
