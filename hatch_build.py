"""Build hook: compiles the gettext catalogues (``.po``) into the wheel's ``.mo`` files.

Editable installs and source checkouts compile them on first use instead
(``migsdg.i18n``), so this hook only runs for regular wheels.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        self._out = Path(tempfile.mkdtemp(prefix="migsdg-mo-"))
        locale = Path(self.root) / "src" / "migsdg" / "locale"
        for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(locale).with_suffix(".mo")
            with open(po, "rb") as fh:
                catalog = read_po(fh)
            buffer = io.BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            target = self._out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(buffer.getvalue())
            build_data["force_include"][str(target)] = f"migsdg/locale/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
