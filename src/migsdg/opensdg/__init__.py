"""Open SDG indicator configuration and data: the plan's targets and measured values next to
a national SDG platform's data.

    import migsdg
    migsdg.export(plan, "build/opensdg", format="opensdg")

writes a folder laid out as an Open SDG data repository: ``indicator-config/10-7-2.yml``
(one configuration per SDG indicator the plan follows) and ``data/indicator_10-7-2.csv``
(the plan's baselines and achieved values of that indicator, where it has any). A new folder
appears whole; a later export replaces only the files an earlier one wrote (listed with
their hashes in the folder's marker) and refuses when that list does not match what is
there. :func:`indicator_configs` and :func:`indicator_data` give the same as plain
data. The mapping is documented in ``docs/interoperability.md``.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from migsdg._csv import csv_line
from migsdg.errors import ExportError
from migsdg.exporters import Exporter
from migsdg.model import ActionPlan
from migsdg.opensdg._configs import (
    REPORTING_STATUSES,
    OpenSdgExportError,
    config_file_name,
    data_file_name,
    indicator_configs,
    indicator_data,
    translation_key,
)
from migsdg.opensdg._folder import MARKER, write_folder

__all__ = [
    "EXPORTER",
    "MARKER",
    "REPORTING_STATUSES",
    "OpenSdgExportError",
    "config_file_name",
    "data_file_name",
    "dump_config",
    "dump_data",
    "indicator_configs",
    "indicator_data",
    "translation_key",
    "write",
]

#: The folders of an Open SDG data repository the export writes into.
CONFIG_FOLDER, DATA_FOLDER = "indicator-config", "data"


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


def dump_data(rows: list[dict[str, Any]], disaggregations: list[str]) -> str:
    """An indicator's data rows as Open SDG's CSV: ``Year``, one (here empty: headline)
    column per expected disaggregation, then ``Value``."""
    # Machine data for Open SDG: numbers stay numbers (a negative value keeps its sign);
    # every field is quoted as a spreadsheet needs, a lone carriage return included.
    lines = [csv_line(["Year", *disaggregations, "Value"])]
    for row in rows:
        lines.append(
            csv_line([str(row["Year"]), *("" for _ in disaggregations), str(row["Value"])])
        )
    return "".join(lines)


def _truthy(value: bool | str | None) -> bool:
    if isinstance(value, str):
        if value.strip().lower() not in ("true", "false", "yes", "no", "1", "0", ""):
            raise ExportError(f"translation_keys must be true or false, not {value!r}")
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def write(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    reporting_status: str | None = None,
    translation_keys: bool | str | None = None,
) -> None:
    """Write the folder ``path``: ``indicator-config/<indicator>.yml`` per SDG indicator and
    ``data/indicator_<indicator>.csv`` per indicator with measured values."""
    name = os.fspath(path).rstrip("/\\").lower()
    if name.endswith((".yml", ".yaml", ".zip", ".json", ".xml")):
        raise ExportError(
            f"the Open SDG export writes a folder of YAML files, not {os.fspath(path)!r}: "
            "give a folder name such as indicator-config"
        )
    configs = indicator_configs(
        plan,
        language=language,
        reporting_status=reporting_status,
        translation_keys=_truthy(translation_keys),
    )
    files = {
        f"{CONFIG_FOLDER}/{config_file_name(code)}": dump_config(config).encode("utf-8")
        for code, config in configs.items()
    }
    for code, rows in indicator_data(plan).items():
        columns = list(configs[code].get("expected_disaggregations", []))
        files[f"{DATA_FOLDER}/{data_file_name(code)}"] = dump_data(rows, columns).encode("utf-8")
    write_folder(path, files, marker={"format": "opensdg", "plan": plan.id})


EXPORTER = Exporter(
    name="opensdg",
    suffixes=(),  # it writes a folder: chosen by format name only
    description="Open SDG indicator configuration and data, a folder laid out as an Open SDG "
    "data repository",
    write=write,
    options=("language", "reporting_status", "translation_keys"),
    kind="folder",
)
