"""Check a built documentation site holds what it promises (run after ``nox -s docs``).

    python docs/_scripts/check_site.py docs/_build/html

Every public name has an entry in the API reference, every command of the command line a
section in the CLI reference, and the gallery shows at least three pictures of real
output that exist in the build. Exits 1 and names what is missing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import re
import sys
from pathlib import Path

MODULES = {
    "migsdg": "reference/api.html",
    "migsdg.testing": "reference/testing.html",
    "migsdg.plugin": "reference/plugin-api.html",
    "migsdg.sections": "reference/plugin-api.html",
}


def problems(site: Path) -> list[str]:
    from migsdg.cli import build_parser

    found: list[str] = []
    for module_name, page in MODULES.items():
        if importlib.util.find_spec(module_name) is None:
            continue
        html = (site / page).read_text("utf-8")
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue  # markers and constants are described in the page's text
            anchored = f'id="{module_name}.{name}"' in html
            # A module that re-exports names documented elsewhere lists them unindexed
            # (":no-index:"), without anchors: its entries are found by their signature.
            listed = f'<span class="sig-name descname"><span class="pre">{name}</span>' in html
            if not (anchored or listed):
                found.append(f"{page}: no entry for {module_name}.{name}")
    from migsdg import hookspecs

    hooks = (site / "reference/plugin-api.html").read_text("utf-8")
    for hook in (name for name in vars(hookspecs) if name.startswith("migsdg_")):
        if f'id="migsdg.hookspecs.{hook}"' not in hooks:
            found.append(f"reference/plugin-api.html: no entry for {hook}")
    cli = (site / "reference/cli.html").read_text("utf-8")
    parser = build_parser()
    for action in parser._actions:
        for command in getattr(action, "choices", None) or {}:
            if isinstance(command, str) and f'id="migsdg-{command}"' not in cli:
                found.append(f"reference/cli.html: no section for migsdg {command}")
    gallery = (site / "gallery.html").read_text("utf-8")
    images = re.findall(r'<img[^>]+src="([^"]+\.png)"', gallery)
    missing = [src for src in images if not (site / src).is_file()]
    if len(images) - len(missing) < 3:
        found.append(f"gallery.html: {len(images) - len(missing)} pictures, at least 3 expected")
    found += [f"gallery.html: picture {src} not in the build" for src in missing]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built HTML folder")
    args = parser.parse_args()
    found = problems(args.site)
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"site check: {'ok' if not found else f'{len(found)} problems'}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
